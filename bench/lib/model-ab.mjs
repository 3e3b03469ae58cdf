#!/usr/bin/env node
// One model of the analysis core timed alone, two builds, in one process:
//
//   node bench/lib/model-ab.mjs <sdk|handlers> <build A> <build B> <directory> [repetitions] [files]
//
// (a build is a folder holding `esm/`, e.g. `bench/.cache/dist-before` and `dist`). Each file is parsed
// as the codemods parse it, once per build and repetition; the model's prerequisites that other models
// share (the file's variables, bindings, imported modules and, for the handler engine, the SDK model)
// are built before the clock starts. Each build's figure is the mean over files of the per-file
// MINIMUM over the repetitions: on this shared machine a call's wall time is inflated by whatever
// preempts it, and the minimum of a few tries is what the code costs. Whole-lint A/Bs
// (lint-ab.mjs) read ±10–30% per round here, which hides a change of a few µs per file; this does not
// (it also does not see what a change does to the lint's GC and caches: confirm a gain there).
// SHARED=1: for the SDK model, also the file's top-level imports and its tsconfig path aliases (the project
// reader's first question of a file, which reads the file system) before the clock: the model's own work alone.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { sourceFilesUnder } from "./lint-child.mjs";

const [modelName, buildA, buildB, directory, repetitionsArgument, filesArgument] = process.argv.slice(2);
const MODELS = { sdk: ["sdk-model.js", "getSdkModel"], handlers: ["handlers.js", "getHandlerModel"] };
if (!MODELS[modelName] || !buildA || !buildB || !directory) {
  console.error("usage: node bench/lib/model-ab.mjs <sdk|handlers> <build A> <build B> <directory> [repetitions] [files]");
  process.exit(2);
}

async function loadBuild(build) {
  const module = (path) => import(resolve(build, "esm/analysis", path));
  const [file, exported] = MODELS[modelName];
  const { parseAnalysisInput } = await module("parse-input.js");
  const { readSettings } = await module("settings.js");
  const { getAnalysisContext } = await module("context.js");
  const { getSdkModel } = await module("sdk-model.js");
  const { topLevelImportsOf } = await module("top-level-imports.js");
  const { isProjectModule } = await module("project-modules.js");
  const model = (await module(file))[exported];
  const settings = readSettings({});
  return {
    prepare(path, text) {
      const input = parseAnalysisInput(text, path, settings);
      const context = getAnalysisContext(input);
      // Lazy getters: reading one builds it.
      for (const part of ["variables", "bindings", "importedModules"]) Reflect.get(context, part);
      if (modelName !== "sdk") getSdkModel(input);
      if (process.env.SHARED) {
        topLevelImportsOf(input.ast);
        // A bare specifier no project declares: asks the path aliases (and the workspace) of the file, answers false.
        isProjectModule("model-ab-no-such-package", input);
      }
      return input;
    },
    model,
  };
}

const builds = { A: await loadBuild(buildA), B: await loadBuild(buildB) };
const files = sourceFilesUnder(resolve(directory))
  .slice(0, Number(filesArgument ?? Infinity))
  .map((path) => ({ path, text: readFileSync(path, "utf8") }));
const repetitions = Number(repetitionsArgument ?? 5);
const best = { A: files.map(() => Infinity), B: files.map(() => Infinity) };
// Repetition 0 warms both builds up (JIT) and is not counted.
for (let repetition = 0; repetition <= repetitions; repetition++) {
  for (let index = 0; index < files.length; index++) {
    const order = (index + repetition) % 2 === 0 ? ["A", "B"] : ["B", "A"];
    for (const kind of order) {
      const input = builds[kind].prepare(files[index].path, files[index].text);
      const started = performance.now();
      builds[kind].model(input);
      const micros = (performance.now() - started) * 1000;
      if (repetition > 0) best[kind][index] = Math.min(best[kind][index], micros);
    }
  }
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
console.log(
  `${modelName} model, ${files.length} files, per-file minimum of ${repetitions} repetitions: ` +
    `A ${mean(best.A).toFixed(1)} µs/file, B ${mean(best.B).toFixed(1)} µs/file (B/A ${(mean(best.B) / mean(best.A)).toFixed(3)})`,
);
