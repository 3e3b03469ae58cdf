#!/usr/bin/env node
// The per-file node index (analysis/nodes.ts) as a lint builds it, two builds, in one process:
//
//   node bench/lib/index-ab.mjs <build A> <build B> <directory> [repetitions=3]
//
// (a build is a folder holding `esm/`, e.g. `bench/.cache/dist-main` and `dist`). Each file is linted once per
// build and repetition (which build goes first alternates per file and repetition) with one rule whose create()
// is timed: `analysisInputFromContext` (which hands ESLint's traversal to the index) and the first
// `nodesOfType`, i.e. the index read off ESLint's traversal steps, as the first asker of a real lint pays it.
// Each build's figure is the mean over files of the per-file MINIMUM over the repetitions (after one
// unmeasured repetition). model-ab.mjs cannot see the index: its codemods parse builds it before the clock.
// NOINDEX=1: the input alone (no `nodesOfType`), so the index is the difference of the two runs.
// PROBE=1: also the rule context's reads `analysisInputFromContext` makes (ESLint's lazy getters), timed before it.
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { sourceFilesUnder } from "./lint-child.mjs";

const [buildA, buildB, directory, repetitionsArgument = "3"] = process.argv.slice(2);
if (!buildA || !buildB || !directory) {
  console.error("usage: node bench/lib/index-ab.mjs <build A> <build B> <directory> [repetitions]");
  process.exit(2);
}
const files = sourceFilesUnder(resolve(directory)).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const repetitions = Number(repetitionsArgument);
const best = { A: files.map(() => Infinity), B: files.map(() => Infinity) };
const probe = { A: files.map(() => Infinity), B: files.map(() => Infinity) };
let current = 0;
let repetition = 0;

async function timingPlugin(kind, build) {
  const { analysisInputFromContext } = await import(resolve(build, "esm/analysis/input.js"));
  const { nodesOfType } = await import(resolve(build, "esm/analysis/nodes.js"));
  const create = (context) => {
    if (process.env.PROBE) {
      const started = performance.now();
      const { sourceCode } = context;
      void [sourceCode.ast, sourceCode.text, sourceCode.scopeManager, sourceCode.parserServices, context.settings, context.languageOptions, context.cwd, context.filename];
      const micros = (performance.now() - started) * 1000;
      if (repetition > 0) probe[kind][current] = Math.min(probe[kind][current], micros);
    }
    const started = performance.now();
    const input = analysisInputFromContext(context);
    if (!process.env.NOINDEX) nodesOfType(input.ast, "CallExpression");
    const micros = (performance.now() - started) * 1000;
    if (repetition > 0) best[kind][current] = Math.min(best[kind][current], micros);
    return {};
  };
  return { rules: { index: { meta: { schema: [] }, create } } };
}

const linterOf = async (kind, build) =>
  new ESLint({
    cwd: resolve(directory),
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      {
        files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
        languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
        plugins: { timing: await timingPlugin(kind, build) },
        rules: { "timing/index": "error" },
      },
    ],
  });
const linters = { A: await linterOf("A", buildA), B: await linterOf("B", buildB) };
for (repetition = 0; repetition <= repetitions; repetition++) {
  for (current = 0; current < files.length; current++) {
    const order = (current + repetition) % 2 === 0 ? ["A", "B"] : ["B", "A"];
    for (const kind of order) await linters[kind].lintText(files[current].text, { filePath: files[current].path });
  }
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const what = process.env.NOINDEX ? "input alone" : "input + node index";
console.log(
  `${what}, ${files.length} files, per-file minimum of ${repetitions}: A ${mean(best.A).toFixed(2)} µs/file, B ${mean(best.B).toFixed(2)} µs/file (B/A ${(mean(best.B) / mean(best.A)).toFixed(3)})`,
);
if (process.env.PROBE) console.log(`context reads before it: A ${mean(probe.A).toFixed(2)} µs/file, B ${mean(probe.B).toFixed(2)} µs/file`);
