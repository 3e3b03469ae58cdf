#!/usr/bin/env node
// Which functions of the plugin run on each linted file, from V8's precise coverage with call counts (the
// inspector's `Profiler.startPreciseCoverage`, taken and reset after every file): what a file that ends with no
// report of the plugin still executes of it. For each function of the build: the files it ran on, the files of
// those with no report, and its calls. Function granularity (`detailed: false`): a function's own count, not
// its blocks'.
//
//   node bench/lib/nonsdk-coverage.mjs <plugin entry> <directory> [--every k] [--config recommended|all] [--json out.json] [--top n] [--totals]
//
// `--totals`: one coverage take after all the files instead of one per file (each take copies the counts of
// every script, ESLint's and the parser's too, ~0.3 s a file on a loaded machine): calls summed over the run,
// no per-file counts (the `files` columns then read 1 for every function that ran).
// `--every k` lints every k-th file of `sourceFilesUnder` (as instr-ab samples the corpus). The files are linted
// once, cold: what a one-shot lint runs. The plugin's own modules are those under the entry's build folder
// (dist/esm or a copy); `dist/esm/sdk` and the codemods are counted too when a rule loads them.
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { every: { type: "string", default: "1" }, config: { type: "string", default: "recommended" }, json: { type: "string" }, top: { type: "string", default: "60" }, totals: { type: "boolean", default: false } },
});
const [entryArgument, directoryArgument] = positionals;
if (!entryArgument || !directoryArgument) {
  console.error("usage: node bench/lib/nonsdk-coverage.mjs <plugin entry> <directory> [--every k] [--config recommended|all] [--json out.json] [--top n]");
  process.exit(2);
}
const entry = resolve(entryArgument);
// dist/esm/rules/index.js → dist/esm/: every module of the build.
const buildRoot = pathToFileURL(dirname(dirname(entry))).href + "/";
const directory = resolve(directoryArgument);
const every = Number(options.every);

const session = new Session();
session.connect();
await session.post("Profiler.enable");
// Before the plugin is imported: functions compiled before coverage starts may miss their counts.
await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });

const linter = await createLinter(options.config === "all" ? "all" : "honeyhive", directory, { entry });
// The plugin's module loading (top-level code) is not a file's cost: dropped.
await session.post("Profiler.takePreciseCoverage");

/** key → { url, name, files, filesWithoutReport, calls } */
const functions = new Map();
const files = sourceFilesUnder(directory).filter((_, index) => index % every === 0);
let reported = 0;
let withoutPluginCode = 0;
for (let index = 0; index < files.length; index++) {
  const path = files[index];
  const [result] = await linter.lintText(readFileSync(path, "utf8"), { filePath: path });
  const hasReport = result.messages.some((message) => message.ruleId?.startsWith("honeyhive/"));
  if (hasReport) reported++;
  if (options.totals && index < files.length - 1) continue;
  const { result: coverage } = await session.post("Profiler.takePreciseCoverage");
  let ran = 0;
  for (const script of coverage) {
    if (!script.url.startsWith(buildRoot)) continue;
    const module = script.url.slice(buildRoot.length);
    for (const fn of script.functions) {
      const count = fn.ranges[0]?.count ?? 0;
      if (count === 0) continue;
      ran++;
      const key = `${module}:${fn.ranges[0].startOffset}`;
      let entryOf = functions.get(key);
      if (!entryOf) functions.set(key, (entryOf = { module, name: fn.functionName || "(anonymous)", files: 0, filesWithoutReport: 0, calls: 0 }));
      entryOf.files++;
      if (!hasReport) entryOf.filesWithoutReport++;
      entryOf.calls += count;
    }
  }
  if (ran === 0) withoutPluginCode++;
}
await session.post("Profiler.stopPreciseCoverage");
session.disconnect();

const rows = [...functions.values()].sort((left, right) => right.files - left.files || right.calls - left.calls);
console.log(`${files.length} files linted (${options.config}), ${reported} with a report of the plugin${options.totals ? " (--totals: calls summed over the run)" : `, ${withoutPluginCode} ran no function of the plugin`}`);
console.log(`${rows.length} functions of the plugin ran on some file; ${rows.filter((row) => row.filesWithoutReport > 0).length} of them on a file with no report`);
console.log("files  no-report  calls  function");
for (const row of rows.slice(0, Number(options.top))) {
  console.log(`${String(row.files).padStart(5)}  ${String(row.filesWithoutReport).padStart(9)}  ${String(row.calls).padStart(6)}  ${row.module} ${row.name}`);
}
if (options.json) writeFileSync(options.json, JSON.stringify({ files: files.length, reported, withoutPluginCode, functions: rows }, null, 1));
