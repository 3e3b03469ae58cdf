#!/usr/bin/env node
// What the cross-file reads (analysis/project-modules.ts) cost: issue 14 caps them at +5% of lint
// time on the 100%-SDK synthetic tree. Counted work first (the machine is shared, counts are not
// noisy): file-system calls, files read, modules parsed, per linted file. Then an in-process A/B of
// CPU time in lintFiles with the recommended config: the process-wide reader swapped between one on
// the real file system (a fresh, cold cache per run, as a CI run starts) and one whose file system
// holds nothing (each file is then seen alone: the rules without cross-file facts). Runs alternate.
// The same is measured on fixtures/cross-file/app, where every import resolves; on the real corpus
// (no SDK, `npm run bench:corpus`), only the counted work: one run.
//
//   node bench/cross-file.mjs [--files 2000] [--pairs 4]
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { generateTree } from "./generate.mjs";
import { createLinter } from "./lib/lint-child.mjs";
import { formatMs, formatRatio, median } from "./lib/measure.mjs";
import { CORPUS_DIR, DIST_DIR, listFiles, prepareBuild, SNAPSHOT_DIR } from "./lib/paths.mjs";

const { values } = parseArgs({ options: { files: { type: "string", default: "2000" }, pairs: { type: "string", default: "4" } } });
const files = Number(values.files);
const pairs = Number(values.pairs);

const commit = prepareBuild();
const modules = await import(pathToFileURL(join(DIST_DIR, "analysis", "project-modules.js")).href);
const { NODE_FILE_SYSTEM, ProjectModules, setProjectModules } = modules;

/** The real file system, counting its calls and the wall time they take. */
function countingFileSystem() {
  const counts = { stat: 0, readFile: 0, sourceReads: 0, realpath: 0, readDirectory: 0, ms: 0 };
  const timed = (name, call) => (path) => {
    counts[name]++;
    const started = performance.now();
    try {
      return call(path);
    } finally {
      counts.ms += performance.now() - started;
    }
  };
  return {
    counts,
    stat: timed("stat", NODE_FILE_SYSTEM.stat),
    readFile: timed("readFile", (path) => (/\.json$/.test(path) || counts.sourceReads++, NODE_FILE_SYSTEM.readFile(path))),
    realpath: timed("realpath", NODE_FILE_SYSTEM.realpath),
    readDirectory: timed("readDirectory", NODE_FILE_SYSTEM.readDirectory),
  };
}
const EMPTY_FILE_SYSTEM = { stat: () => undefined, readFile: () => undefined, realpath: (path) => path, readDirectory: () => undefined };

async function lintCpuMs(directory, fileSystem) {
  setProjectModules(new ProjectModules(fileSystem));
  const eslint = await createLinter("honeyhive", directory);
  const started = process.cpuUsage();
  const results = await eslint.lintFiles(["."]);
  const cpu = process.cpuUsage(started);
  return { cpuMs: (cpu.user + cpu.system) / 1000, messages: results.reduce((sum, result) => sum + result.messages.length, 0) };
}

async function measure(label, directory, pairCount = pairs) {
  const linted = listFiles(directory, [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]).length;
  const counting = countingFileSystem();
  const counted = await lintCpuMs(directory, counting); // also the warm-up of both configurations' code
  const alone = await lintCpuMs(directory, EMPTY_FILE_SYSTEM);
  const ratios = [];
  for (let pair = 0; pair < pairCount; pair++) {
    const order = pair % 2 === 0 ? ["on", "off"] : ["off", "on"];
    const run = {};
    for (const kind of order) run[kind] = await lintCpuMs(directory, kind === "on" ? NODE_FILE_SYSTEM : EMPTY_FILE_SYSTEM);
    ratios.push(run.on.cpuMs / run.off.cpuMs);
    console.log(`  ${label} pair ${pair + 1}: on ${formatMs(run.on.cpuMs)}, off ${formatMs(run.off.cpuMs)}, ratio ${formatRatio(run.on.cpuMs / run.off.cpuMs)}`);
  }
  const { counts } = counting;
  console.log(
    `${label}: ${linted} files; per lint run ${counts.stat} stat, ${counts.readDirectory} directory listings, ${counts.readFile} reads (${counts.sourceReads} source files parsed), ${counts.realpath} realpath` +
      ` = ${(counts.stat / linted).toFixed(2)} stat and ${(counts.sourceReads / linted).toFixed(3)} parses per linted file;` +
      ` file-system time ${formatMs(counts.ms)} (${((100 * counts.ms) / counted.cpuMs).toFixed(2)}% of that run's lint CPU ${formatMs(counted.cpuMs)});` +
      ` messages with/without cross-file facts: ${counted.messages}/${alone.messages}` +
      (ratios.length > 0 ? `; CPU ratio on/off, median of ${ratios.length}: ${formatRatio(median(ratios))}` : ""),
  );
}

console.log(`cross-file reads at ${commit.slice(0, 12)} (${SNAPSHOT_DIR})`);
const tree = generateTree({ files, share: 1 });
await measure(`synthetic 100%-SDK tree`, tree.dir);
await measure("fixtures/cross-file/app", join(SNAPSHOT_DIR, "fixtures", "cross-file", "app"));
if (existsSync(CORPUS_DIR)) await measure("real corpus (no SDK)", CORPUS_DIR, 0);
