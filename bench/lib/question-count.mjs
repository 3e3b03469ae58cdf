#!/usr/bin/env node
// How much of the plugin's time a question-driven design could save (bench/NOTES.md, perf-lint-7): rules that
// build no model in create() and ask for one only where a node their finding starts from is met.
//
//   node bench/lib/question-count.mjs <build>/esm <directory> [passes]
//
// One probe rule is configured before the recommended rules. Its create() builds the models in the order the lint
// builds them (the input, the SDK model, the relevance, the two entry gates, the handler model where a gate
// passes, the evaluate rule's analysis where the file uses the SDK) and times each (wall clock: on a loaded
// machine read the shares, not the µs), so the rules after it find every model cached; ESLint's `stats` give
// what each rule spends beyond them. Then, untimed, the probe walks the file for the start nodes a question-
// driven rule would wait for (below, `startsOf`). Prints the counts, whether each rule's start gate holds every
// file it reports in, and two bounds on the model steps and rules' time together:
// - gates: a model is built only in files where a rule that needs it meets a start node;
// - oracle: only in files where such a rule reports (no gate can be tighter than the findings).
// Per file and step the median over the passes after the first is kept (the first is read only for messages).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { sourceFilesUnder } from "./lint-child.mjs";
import { median } from "./measure.mjs";

const [buildArgument, directoryArgument, passesArgument] = process.argv.slice(2);
if (!buildArgument || !directoryArgument) {
  console.error("usage: node bench/lib/question-count.mjs <build>/esm <directory> [passes]");
  process.exit(2);
}
const build = resolve(buildArgument);
const directory = resolve(directoryArgument);
const passes = Math.max(2, Number(passesArgument ?? 3));
const load = (path) => import(pathToFileURL(join(build, path)).href);
const { analysisInputFromContext } = await load("analysis/input.js");
const { getSdkModel } = await load("analysis/sdk-model.js");
const { relevanceOf } = await load("analysis/relevance.js");
const { mayHoldEntry } = await load("analysis/entry-gate.js");
const { getHandlerModel } = await load("analysis/handlers.js");
const { evaluateTracerFixes } = await load("analysis/fixes/evaluate-tracer.js");
const { enclosingFunction } = await load("analysis/ast.js");
const { default: honeyhive } = await load("rules/index.js");

const STEPS = ["input", "sdk", "relevance", "gateHandler", "gateInvocation", "handlerModel", "evaluate"];
/** Which steps each rule needs to report (what its create() asks today). */
const NEEDS = {
  "no-global-tracer-with-evaluate": ["sdk", "evaluate"],
  "require-force-flush-in-lambda": ["sdk", "gateInvocation", "handlerModel"],
  "no-tracer-init-in-handler": ["sdk", "gateHandler", "handlerModel"],
  "no-session-start-in-handler": ["sdk", "gateHandler", "handlerModel"],
  "no-lost-session-context": ["sdk", "gateHandler", "handlerModel"],
  "require-explicit-tracer": ["sdk"],
  "require-valid-session-id": ["sdk", "gateHandler", "handlerModel"],
  "tracer-provider-for-instrumentors": ["sdk"],
};
const RULES = Object.keys(NEEDS);
/** The start node each rule would wait for (the entry gates count as the handler rules' cheap facts). */
const GATES = {
  "no-global-tracer-with-evaluate": (starts) => starts.evaluateCall,
  "require-force-flush-in-lambda": (starts) => starts.gateInvocation && starts.lambdaHandlers > 0,
  "no-tracer-init-in-handler": (starts) => starts.creationInFunction,
  "no-session-start-in-handler": (starts) => starts.sessionCallInFunction && starts.gateHandler,
  "no-lost-session-context": (starts) => starts.sessionCall,
  "require-explicit-tracer": (starts) => starts.implicitCall,
  "require-valid-session-id": (starts) => starts.sessionIdText,
  "tracer-provider-for-instrumentors": (starts) => starts.instrumentationText,
};
const CREATOR = /^(?:HoneyHiveTracer|NodeSDK|NodeTracerProvider|BasicTracerProvider|WebTracerProvider|init|initTracer|createTracer)$/;
const CREATOR_OBJECT = /HoneyHiveTracer|Provider|NodeSDK/;
const IMPLICIT = /^(?:trace|traceable|enrichSpan|enrichSession|traceFunction|traceTool|traceModel|traceChain|startSpan|startActiveSpan|setMetadata|setFeedback|setMetrics|setConfig|setOutputs|setInputs|setUserProperties)$/;

function calleeName(callee) {
  if (!callee) return undefined;
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "ChainExpression") return calleeName(callee.expression);
  if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier") return callee.property.name;
  return undefined;
}

function startsOf(input, visitorKeys, gates, handlerModel) {
  const { text } = input;
  const starts = {
    ...gates,
    requestHandlers: handlerModel?.requestHandlers.length ?? 0,
    lambdaHandlers: handlerModel?.lambdaHandlers.length ?? 0,
    instrumentationText: text.includes("nstrumentation"),
    sessionIdText: /session_?id/i.test(text),
    evaluateCall: false,
    sessionCall: false,
    sessionCallInFunction: false,
    creationInFunction: false,
    implicitCall: false,
  };
  const visit = (node) => {
    if (node.type === "CallExpression" || node.type === "NewExpression") {
      const name = calleeName(node.callee);
      const object = node.callee.type === "MemberExpression" ? calleeName(node.callee.object) : undefined;
      if (name === "evaluate") starts.evaluateCall = true;
      if (name !== undefined && /session/i.test(name)) {
        starts.sessionCall = true;
        if (enclosingFunction(node)) starts.sessionCallInFunction = true;
      }
      if (((name !== undefined && CREATOR.test(name)) || (object !== undefined && CREATOR_OBJECT.test(object))) && enclosingFunction(node)) starts.creationInFunction = true;
      if (name !== undefined && IMPLICIT.test(name)) starts.implicitCall = true;
    }
    if (node.type === "Decorator") starts.implicitCall = true;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const element of child) if (element) visit(element);
      } else if (child && typeof child.type === "string") visit(child);
    }
  };
  visit(input.ast);
  return starts;
}

let current;
const elapsed = (started) => Number(process.hrtime.bigint() - started) / 1000;
const probe = {
  create(context) {
    const times = {};
    let started = process.hrtime.bigint();
    const input = analysisInputFromContext(context);
    times.input = elapsed(started);
    started = process.hrtime.bigint();
    getSdkModel(input);
    times.sdk = elapsed(started);
    started = process.hrtime.bigint();
    const relevance = relevanceOf(input);
    times.relevance = elapsed(started);
    started = process.hrtime.bigint();
    const gateHandler = mayHoldEntry(input, "handler");
    times.gateHandler = elapsed(started);
    started = process.hrtime.bigint();
    const gateInvocation = mayHoldEntry(input, "invocation");
    times.gateInvocation = elapsed(started);
    let handlerModel;
    if (gateHandler || gateInvocation) {
      started = process.hrtime.bigint();
      handlerModel = getHandlerModel(input);
      times.handlerModel = elapsed(started);
    }
    if (relevance.sdk) {
      started = process.hrtime.bigint();
      evaluateTracerFixes(input);
      times.evaluate = elapsed(started);
    }
    current = { times, starts: startsOf(input, context.sourceCode.visitorKeys, { gateHandler, gateInvocation }, handlerModel) };
    return {};
  },
};

const SOURCE_FILES = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];
const eslint = new ESLint({
  cwd: directory,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: SOURCE_FILES,
      languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
    },
    // Before the recommended block, so that its rule runs first.
    { files: SOURCE_FILES, plugins: { probe: { rules: { first: probe } } }, rules: { "probe/first": "error" } },
    { ...honeyhive.configs.recommended, files: SOURCE_FILES },
  ],
  cache: false,
  errorOnUnmatchedPattern: false,
  stats: true,
});

const files = sourceFilesUnder(directory).map((path) => ({ path, text: readFileSync(path, "utf8"), times: [], ruleTimes: [] }));
for (let pass = 0; pass < passes; pass++) {
  for (const file of files) {
    const [result] = await eslint.lintText(file.text, { filePath: file.path });
    const rules = result.stats?.times?.passes?.[0]?.rules ?? {};
    if (pass === 0) {
      file.starts = current.starts;
      file.reported = new Set(result.messages.map((message) => message.ruleId?.replace(/^honeyhive\//, "")));
      continue;
    }
    file.times.push(current.times);
    file.ruleTimes.push(Object.fromEntries(RULES.map((rule) => [rule, (rules[`honeyhive/${rule}`]?.total ?? 0) * 1000])));
  }
}

const count = (test) => files.filter(test).length;
const stepOf = (file, step) => median(file.times.map((times) => times[step] ?? 0));
const ruleOf = (file, rule) => median(file.ruleTimes.map((times) => times[rule]));
const perFile = (total) => (total / files.length).toFixed(1);
console.log(`${files.length} files, ${passes - 1} timed passes (wall µs a file, median per file)`);
console.log(`steps: ${STEPS.map((step) => `${step} ${perFile(files.reduce((sum, file) => sum + stepOf(file, step), 0))}`).join(", ")}`);
console.log(`rules beyond the steps: ${RULES.map((rule) => `${rule} ${perFile(files.reduce((sum, file) => sum + ruleOf(file, rule), 0))}`).join(", ")}`);
const startKeys = ["gateHandler", "gateInvocation", "evaluateCall", "sessionCall", "sessionCallInFunction", "creationInFunction", "implicitCall", "sessionIdText", "instrumentationText"];
console.log(`start facts: ${startKeys.map((key) => `${key} ${count((file) => file.starts[key])}`).join(", ")}, lambda handlers ${count((file) => file.starts.lambdaHandlers > 0)}`);
for (const rule of RULES) {
  const missed = files.filter((file) => file.reported.has(rule) && !GATES[rule](file.starts));
  console.log(
    `${rule}: reports in ${count((file) => file.reported.has(rule))}, start gate passes ${count((file) => GATES[rule](file.starts))}, ` +
      `reports outside the gate ${missed.length}${missed.length > 0 ? ` (${missed[0].path})` : ""}`,
  );
}
console.log(`files with a finding ${count((file) => RULES.some((rule) => file.reported.has(rule)))}`);
let today = 0;
let gated = 0;
let oracle = 0;
for (const file of files) {
  const kept = { gated: new Set(["input", "relevance", "gateHandler", "gateInvocation"]), oracle: new Set(["input", "relevance"]) };
  for (const rule of RULES) {
    if (GATES[rule](file.starts)) for (const step of NEEDS[rule]) kept.gated.add(step);
    if (file.reported.has(rule)) for (const step of NEEDS[rule]) kept.oracle.add(step);
  }
  for (const step of STEPS) {
    const spent = stepOf(file, step);
    today += spent;
    if (kept.gated.has(step)) gated += spent;
    if (kept.oracle.has(step)) oracle += spent;
  }
  for (const rule of RULES) {
    const spent = ruleOf(file, rule);
    today += spent;
    // A rule's own work stays where its gate passes (gates) or where it reports (oracle).
    if (GATES[rule](file.starts)) gated += spent;
    if (file.reported.has(rule)) oracle += spent;
  }
}
console.log(`plugin (steps + rules) ${perFile(today)}; gates keep ${perFile(gated)} (${((gated / today) * 100).toFixed(1)}%); oracle keeps ${perFile(oracle)} (${((oracle / today) * 100).toFixed(1)}%)`);
