#!/usr/bin/env node
// The flush rule's chain of shared work, stage by stage, two or more builds in one process:
//
//   node bench/lib/stages-ab.mjs <directory> [repetitions] <build A> <build B> [<build C> …]
//
// (a build is a folder holding `esm/`). Each file is parsed as the codemods parse it, once per build and
// repetition; then each stage runs on it in order, timed alone, its prerequisites being the stages
// before it: the context and its module sets, the bindings and variables, the SDK model, the two entry
// gates, the handler model, `lambdaFlushOf` of every serverless handler. The node index is built first,
// by the walk the codemods use (a lint reads it off ESLint's traversal instead, see nodes.ts). Each figure is the mean over
// files of the per-file MINIMUM over the repetitions (repetition 0 warms up and is not counted), so a
// preemption on a shared machine does not count. Also counts, per build, how many files reach each
// stage's "yes" (gates passed, handler models with serverless handlers, flushes that trace).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { sourceFilesUnder } from "./lint-child.mjs";

const [directory, repetitionsArgument, ...builds] = process.argv.slice(2);
if (!directory || builds.length === 0) {
  console.error("usage: node bench/lib/stages-ab.mjs <directory> [repetitions] <build A> [<build B> …]");
  process.exit(2);
}

async function loadBuild(build) {
  const module = (path) => import(resolve(build, "esm/analysis", path));
  const { parseAnalysisInput } = await module("parse-input.js");
  const { readSettings } = await module("settings.js");
  const { getAnalysisContext } = await module("context.js");
  const { getSdkModel } = await module("sdk-model.js");
  const { mayHoldEntry } = await module("entry-gate.js");
  const { getHandlerModel } = await module("handlers.js");
  const { lambdaFlushOf } = await module("flush.js");
  const { nodesOfType } = await module("nodes.js");
  const settings = readSettings({});
  return {
    parse: (path, text) => parseAnalysisInput(text, path, settings),
    stages: {
      // The node index: in a lint it is read off ESLint's traversal (cheaper); here it is the walk the codemods pay.
      index: (input) => nodesOfType(input.ast, "CallExpression").length > 0,
      context(input) {
        const context = getAnalysisContext(input);
        Reflect.get(context, "importedModules");
        Reflect.get(context, "calledModules");
      },
      bindings(input) {
        const context = getAnalysisContext(input);
        Reflect.get(context, "bindings");
        Reflect.get(context, "variables");
      },
      sdk: (input) => getSdkModel(input).usesSdk,
      gateHandler: (input) => mayHoldEntry(input, "handler"),
      gateInvocation: (input) => mayHoldEntry(input, "invocation"),
      handlers: (input) => (mayHoldEntry(input, "invocation") ? getHandlerModel(input).lambdaHandlers.length > 0 : false),
      flush(input) {
        if (!mayHoldEntry(input, "invocation")) return false;
        let traces = false;
        for (const handler of getHandlerModel(input).lambdaHandlers) traces = lambdaFlushOf(input, handler)?.traces === true || traces;
        return traces;
      },
    },
  };
}

const loaded = [];
for (const build of builds) loaded.push(await loadBuild(build));
const stageNames = Object.keys(loaded[0].stages);
const files = sourceFilesUnder(resolve(directory)).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const repetitions = Number(repetitionsArgument ?? 5);
const best = loaded.map(() => stageNames.map(() => files.map(() => Infinity)));
const yes = loaded.map(() => stageNames.map(() => 0));
for (let repetition = 0; repetition <= repetitions; repetition++) {
  for (let index = 0; index < files.length; index++) {
    for (let offset = 0; offset < loaded.length; offset++) {
      const build = (index + repetition + offset) % loaded.length;
      const { parse, stages } = loaded[build];
      const input = parse(files[index].path, files[index].text);
      stageNames.forEach((name, stage) => {
        const started = performance.now();
        const answer = stages[name](input);
        const micros = (performance.now() - started) * 1000;
        if (repetition === 0) {
          if (answer === true) yes[build][stage]++;
        } else best[build][stage][index] = Math.min(best[build][stage][index], micros);
      });
    }
  }
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
console.log(`${files.length} files, per-file minimum of ${repetitions} repetitions, µs a file (files answering yes)`);
console.log(`${"stage".padEnd(16)}${builds.map((_, index) => `${String.fromCharCode(65 + index).padStart(9)}${"".padStart(7)}`).join("")}`);
const totals = loaded.map(() => 0);
stageNames.forEach((name, stage) => {
  const cells = loaded.map((_, build) => {
    const micros = mean(best[build][stage]);
    totals[build] += micros;
    return `${micros.toFixed(1).padStart(9)}${`(${yes[build][stage]})`.padStart(7)}`;
  });
  console.log(`${name.padEnd(16)}${cells.join("")}`);
});
console.log(`${"all".padEnd(16)}${totals.map((total) => `${total.toFixed(1).padStart(9)}${"".padStart(7)}`).join("")}`);
