#!/usr/bin/env node
// The shared per-file analysis of SDK files, two builds, in one process:
//
//   node bench/lib/core-chain-ab.mjs <build A> <build B> <directory> [repetitions] [--dump]
//
// (a build is a folder holding `esm/`). Times what the create() of `no-global-tracer-with-evaluate` and
// `require-explicit-tracer` run on a file as ESLint holds it (parsed by @typescript-eslint/parser, an
// ESLint SourceCode whose traversal is computed, all untimed): the analysis input, the node index, the
// context, the SDK model, the evaluate findings and fixes, the implicit-tracer findings and fixes, and
// the fix texts as ESLint asks them at report time. Each build's figure is the mean over files of the
// per-file minimum over the repetitions (as model-ab.mjs). A digest of everything the two rules would
// report (nodes, names, fix and suggestion texts) is compared between the builds: "identical" is the
// behaviour check; `--dump` prints the files whose outputs differ. PROF=<file> writes a CPU profile of
// the measured repetitions.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createHash } from "node:crypto";
import tsParser from "@typescript-eslint/parser";
import { SourceCode } from "eslint";
import { sourceFilesUnder } from "./lint-child.mjs";
const [buildA, buildB, dir, repsArg, flag] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const files = sourceFilesUnder(resolve(dir)).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const fixer = { replaceTextRange: (range, text) => ({ range, text }) };
async function load(build) {
  const m = (p) => import(resolve(build, "esm/analysis", p));
  const { analysisInputFromContext } = await m("input.js");
  const { evaluateTracerFixes } = await m("fixes/evaluate-tracer.js");
  const { findEvaluateTracerBindings } = await m("evaluate.js");
  const { explicitTracerFixes } = await m("fixes/explicit-tracer.js");
  const { ruleFixOf } = await m("fixes/finding-fix.js");
  const settings = {};
  return (file, sourceCode, digest) => {
    const context = { filename: file.path, settings, languageOptions: { parser: tsParser }, sourceCode };
    const input = analysisInputFromContext(context);
    const ev = evaluateTracerFixes(input);
    const imported = findEvaluateTracerBindings(input).importedBindings ?? [];
    const ex = explicitTracerFixes(input);
    const out = [];
    for (const { binding, fix } of ev.bindings) out.push(["b", binding.reportNode.range, binding.tracer.name, fix && ruleFixOf(input, [fix])(fixer)]);
    for (const t of ev.tracers) out.push(["t", t.conflicting.tracer.name, t.conflicting.servesOnlyEvaluatedCode, t.conflicting.initializations.map((n) => n.range), t.fix && ruleFixOf(input, [t.fix])(fixer)]);
    for (const { use, suggestion } of ev.evaluatedCalls) out.push(["c", use.callee.property.range, use.method, suggestion && ruleFixOf(input, [suggestion])(fixer)]);
    for (const { node, fact } of imported) out.push(["i", node.range, fact.tracer]);
    for (const { use, fix, suggestions } of ex) out.push(["x", use.reportNode.range, use.kind, use.name, use.candidates.map((c) => c.text), use.gettersToAwait, fix && ruleFixOf(input, [fix])(fixer), suggestions.map((s) => [s.tracer, ruleFixOf(input, [s.fix])(fixer)])]);
    if (digest) digest.update(JSON.stringify(out));
    return out;
  };
}
function parse(file) {
  const r = tsParser.parseForESLint(file.text, { filePath: file.path, range: true, loc: true, tokens: true, comment: true, ecmaVersion: "latest", sourceType: "module" });
  const sourceCode = new SourceCode({ text: file.text, ast: r.ast, parserServices: r.services, scopeManager: r.scopeManager, visitorKeys: r.visitorKeys });
  sourceCode.traverse(); // ESLint does this before it creates the rules
  return sourceCode;
}
const run = { A: await load(buildA), B: await load(buildB) };
const best = { A: files.map(() => Infinity), B: files.map(() => Infinity) };
const digests = { A: createHash("sha1"), B: createHash("sha1") };
const dumps = { A: [], B: [] };
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
const session = process.env.PROF ? new Session() : undefined;
if (session) { session.connect(); await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 50 }); }
for (let r = 0; r <= reps; r++) {
  if (session && r === 1) await session.post("Profiler.start");
  for (let i = 0; i < files.length; i++) {
    for (const kind of (i + r) % 2 ? ["A", "B"] : ["B", "A"]) {
      const sourceCode = parse(files[i]);
      const t = performance.now();
      const out = run[kind](files[i], sourceCode, r === 0 ? digests[kind] : undefined);
      const us = (performance.now() - t) * 1000;
      if (r === 0 && flag === "--dump") dumps[kind].push(JSON.stringify(out));
      if (r > 0) best[kind][i] = Math.min(best[kind][i], us);
    }
  }
}
if (session) { const { profile } = await session.post("Profiler.stop"); writeFileSync(process.env.PROF, JSON.stringify(profile)); }
const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
const dA = digests.A.digest("hex"), dB = digests.B.digest("hex");
console.log(`${files.length} files, per-file min of ${reps}: A ${mean(best.A).toFixed(1)} µs, B ${mean(best.B).toFixed(1)} µs, B/A ${(mean(best.B) / mean(best.A)).toFixed(3)}; outputs ${dA === dB ? "identical" : "DIFFER"} (${dA.slice(0, 8)} ${dB.slice(0, 8)})`);
if (flag === "--dump" && dA !== dB) for (let i = 0; i < files.length; i++) if (dumps.A[i] !== dumps.B[i]) console.log(files[i].path, "\nA", dumps.A[i], "\nB", dumps.B[i]);
