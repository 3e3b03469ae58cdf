#!/usr/bin/env node
// What each per-file part of the analysis core costs, side by side, on one build:
//
//   node bench/lib/analysis-parts.mjs <build> <directory> [repetitions=3] [files]
//
// (a build is a folder holding `esm/`, e.g. `dist`). Each file is parsed as the codemods parse it (which also
// builds the node index), then each part is asked in the order below on that fresh input, so a part is timed
// with the parts before it already built, as the first model to ask in a lint pays for them. Per part: the
// per-file minimum of the wall time over the repetitions (what the code costs with warm caches), and the mean
// of the main thread's CPU (`/proc/thread-self/schedstat` read around the call: the `empty` step is the read's
// own cost, subtract it). The wall mean is left out: on a loaded machine it is mostly descheduling.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { sourceFilesUnder } from "./lint-child.mjs";

const [build, directory, repetitionsArgument = "3", filesArgument] = process.argv.slice(2);
if (!build || !directory) {
  console.error("usage: node bench/lib/analysis-parts.mjs <build> <directory> [repetitions=3] [files]");
  process.exit(2);
}
const module = (path) => import(resolve(build, "esm/analysis", path));
const { parseAnalysisInput } = await module("parse-input.js");
const { readSettings } = await module("settings.js");
const { getAnalysisContext } = await module("context.js");
const { getSdkModel } = await module("sdk-model.js");
const { getHandlerModel } = await module("handlers.js");
const { topLevelImportsOf } = await module("top-level-imports.js");
const { isProjectModule } = await module("project-modules.js");
const settings = readSettings({});
const files = sourceFilesUnder(resolve(directory))
  .slice(0, Number(filesArgument ?? Infinity))
  .map((path) => ({ path, text: readFileSync(path, "utf8") }));
const repetitions = Number(repetitionsArgument);
const mainThreadNs = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);

const parts = {
  empty: () => undefined,
  "file variables": (input) => getAnalysisContext(input).variables,
  bindings: (input) => getAnalysisContext(input).bindings,
  "imported modules": (input) => getAnalysisContext(input).importedModules,
  "top-level imports": (input) => topLevelImportsOf(input.ast),
  // A bare specifier no project declares: the file's path aliases and workspace (the project reader's first question).
  "path aliases": (input) => isProjectModule("analysis-parts-no-such-package", input),
  "SDK model": (input) => getSdkModel(input),
  "handler model": (input) => getHandlerModel(input),
};
const names = Object.keys(parts);
const best = Object.fromEntries(names.map((name) => [name, files.map(() => Infinity)]));
const cpu = Object.fromEntries(names.map((name) => [name, 0]));
// Repetition 0 warms the build up (JIT) and is not counted.
for (let repetition = 0; repetition <= repetitions; repetition++) {
  for (let index = 0; index < files.length; index++) {
    const input = parseAnalysisInput(files[index].text, files[index].path, settings);
    for (const name of names) {
      const cpuBefore = mainThreadNs();
      const started = performance.now();
      parts[name](input);
      const micros = (performance.now() - started) * 1000;
      const cpuMicros = (mainThreadNs() - cpuBefore) / 1000;
      if (repetition === 0) continue;
      best[name][index] = Math.min(best[name][index], micros);
      cpu[name] += cpuMicros;
    }
  }
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
console.log(`${files.length} files, ${repetitions} repetitions; µs a file: per-file minimum (wall), mean main-thread CPU`);
for (const name of names) {
  console.log(`${name.padEnd(18)} ${mean(best[name]).toFixed(1).padStart(8)} ${(cpu[name] / files.length / repetitions).toFixed(1).padStart(8)}`);
}
