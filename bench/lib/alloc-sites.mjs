#!/usr/bin/env node
// Bytes the plugin allocates, garbage included, per file and by call site: a measure that the load of a
// shared machine moves little (CPU time moves ±30% a round at load 30; bytes allocated do not depend on it).
//
//   node bench/lib/alloc-sites.mjs <entry A> [<entry B>] <directory> [--files N] [--interval BYTES] [--passes P] [--top K] [--control] [--callers NAME] [--survivors]
//
// Each build's recommended config and a no-rules config lint the first N files of the directory (default
// 300) with lintText, one unmeasured warm pass each, then P measured passes (default 2), the configurations
// alternating pass by pass (baseline, A, B, baseline, A, B, …):
// - *allocated bytes*, exact up to V8's own compilation: `v8.GCProfiler` gives the used heap before and
//   after every collection of the pass, so allocated = used at the end − used at the start + Σ(before − after).
//   The plugin's bytes a file = (build − baseline) / N. Read: the same build moves by well under 1 KB a file
//   between passes; what a build's compiled code and ESLint's caches add is in the warm pass, not here.
// - *by call site* (`--interval`, default 128; 0 skips it): the inspector's sampling heap profiler with
//   `includeObjectsCollectedByMajorGC` and `includeObjectsCollectedByMinorGC` (Node 20's V8 has both), over
//   one more pass of each build; each sampled byte is charged to the innermost frame of the build's files on
//   its stack ("nearest", so a builtin or a Map a function calls counts as its own) and to every build
//   function on the stack ("inclusive"). Sampled bytes are estimates (V8 scales each sample by its size):
//   read the large rows, and compare builds through the exact figure above.
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const fileCount = option("--files", 300);
const interval = option("--interval", 128);
const passes = option("--passes", 2);
const top = option("--top", 30);
// `--control`: also the same rules with no listeners (lint-child.mjs), what ESLint allocates for running eight rules.
// `--callers NAME`: the build's stacks (outermost first) under which a function named NAME allocates.
const callersAt = args.indexOf("--callers");
const callersOf = callersAt === -1 ? undefined : args.splice(callersAt, 2)[1];
// `--survivors`: only objects that outlived a scavenge (promoted, or still live at the end): what the young
// generation's collector copied, the part of the garbage that costs GC time (garbage dying young costs ~nothing).
const survivorsOnly = args.includes("--survivors") && args.splice(args.indexOf("--survivors"), 1).length > 0;
const withControl = args.includes("--control") && args.splice(args.indexOf("--control"), 1).length > 0;
if (args.length < 2) {
  console.error("usage: node bench/lib/alloc-sites.mjs <entry A> [<entry B>] <directory> [--files N] [--interval BYTES] [--passes P] [--top K] [--control] [--callers NAME] [--survivors]");
  process.exit(2);
}
const directory = resolve(args.at(-1));
const entries = args.slice(0, -1).map((entry) => resolve(entry));
const labels = entries.length === 1 ? ["A"] : ["A", "B"];
const files = sourceFilesUnder(directory)
  .slice(0, fileCount)
  .map((path) => ({ path, text: readFileSync(path, "utf8") }));
const linters = { baseline: await createLinter("baseline", directory) };
for (const [index, entry] of entries.entries()) linters[labels[index]] = await createLinter("honeyhive", directory, { entry });
if (withControl) linters.control = await createLinter("control", directory, { entry: entries[0] });
// The build's files: everything under its dist/ (esm or cjs), found from the entry (<dist>/esm/rules/index.js).
const buildRoots = Object.fromEntries(labels.map((label, index) => [label, pathToFileURL(dirname(dirname(dirname(entries[index])))).href + "/"]));

async function pass(kind) {
  let messages = 0;
  for (const { path, text } of files) {
    const [result] = await linters[kind].lintText(text, { filePath: path });
    messages += result.messages.filter((message) => message.ruleId?.startsWith("honeyhive/")).length;
  }
  return messages;
}

/** Bytes allocated by one pass of `kind` (see the header). */
async function allocatedBy(kind) {
  const profiler = new v8.GCProfiler();
  const start = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  await pass(kind);
  const { statistics } = profiler.stop();
  const end = v8.getHeapStatistics().used_heap_size;
  let freed = 0;
  const gcs = { scavenges: 0, majors: 0, gcMs: 0 };
  for (const gc of statistics) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    if (gc.gcType === "Scavenge" || gc.gcType === "MinorMarkSweep") gcs.scavenges++;
    else if (gc.gcType === "MarkSweepCompact") gcs.majors++;
    gcs.gcMs += gc.cost / 1000;
  }
  return { bytes: end - start + freed, ...gcs, endHeap: end };
}

const kinds = ["baseline", ...labels, ...(withControl ? ["control"] : [])];
const warmMessages = {};
for (const kind of kinds) warmMessages[kind] = await pass(kind);
console.log(`${files.length} files of ${directory}; honeyhive messages ${labels.map((label) => `${label} ${warmMessages[label]}`).join(", ")}`);
const totals = Object.fromEntries(kinds.map((kind) => [kind, []]));
for (let round = 0; round < passes; round++) {
  for (const kind of kinds) totals[kind].push(await allocatedBy(kind));
}
// GC on the main thread during each pass (V8's own cost figure): a direction, the load moves it.
for (const kind of kinds) {
  const runs = totals[kind];
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  console.log(`${kind}: ${sum("scavenges")} scavenges, ${sum("majors")} mark-compacts, ${sum("gcMs").toFixed(0)} ms of GC pauses over ${passes} passes; heap at the end ${(runs.at(-1).endHeap / 1048576).toFixed(0)} MB`);
}
const kb = (bytes) => (bytes / 1024).toFixed(1);
for (let round = 0; round < passes; round++) {
  const base = totals.baseline[round].bytes;
  console.log(
    `pass ${round + 1}: no rules ${kb(base / files.length)} KB a file; ` +
      kinds
        .slice(1)
        .map((kind) => `${kind} +${kb((totals[kind][round].bytes - base) / files.length)} KB a file`)
        .join(", "),
  );
}

if (interval > 0) {
  const session = new Session();
  session.connect();
  for (const label of labels) {
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: interval,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: !survivorsOnly,
    });
    await pass(label);
    const { profile } = await session.post("HeapProfiler.stopSampling");
    report(label, profile, buildRoots[label]);
  }
  session.disconnect();
}

function report(label, profile, root) {
  const nearest = new Map();
  const stacks = new Map();
  const inclusive = new Map();
  let all = 0;
  let plugin = 0;
  const nameOf = (frame) => `${frame.functionName || "(anonymous)"} ${frame.url.slice(root.length)}:${frame.lineNumber + 1}`;
  const walk = (node, stack) => {
    const own = node.callFrame.url.startsWith(root);
    const here = own ? [...stack, nameOf(node.callFrame)] : stack;
    if (node.selfSize > 0) {
      all += node.selfSize;
      if (here.length > 0) {
        plugin += node.selfSize;
        const innermost = here[here.length - 1];
        nearest.set(innermost, (nearest.get(innermost) ?? 0) + node.selfSize);
        for (const name of new Set(here)) inclusive.set(name, (inclusive.get(name) ?? 0) + node.selfSize);
        if (callersOf !== undefined && innermost.startsWith(`${callersOf} `)) {
          const key = here.slice(-6).map((name) => name.split(" ")[0]).join(" > ");
          stacks.set(key, (stacks.get(key) ?? 0) + node.selfSize);
        }
      }
    }
    for (const child of node.children) walk(child, here);
  };
  walk(profile.head, []);
  const perFile = (bytes) => `${(bytes / files.length).toFixed(0).padStart(7)} B`;
  console.log(`\n${label}: sampled ${kb(all / files.length)} KB a file in all, ${kb(plugin / files.length)} KB under the build's frames`);
  console.log(`  nearest build frame (bytes a file):`);
  for (const [name, bytes] of [...nearest].sort((left, right) => right[1] - left[1]).slice(0, top)) console.log(`  ${perFile(bytes)}  ${name}`);
  if (callersOf !== undefined) {
    console.log(`  stacks of ${callersOf} (bytes a file, the last six build frames):`);
    for (const [key, bytes] of [...stacks].sort((left, right) => right[1] - left[1]).slice(0, top)) console.log(`  ${perFile(bytes)}  ${key}`);
  }
  console.log(`  inclusive (bytes a file):`);
  for (const [name, bytes] of [...inclusive].sort((left, right) => right[1] - left[1]).slice(0, top)) console.log(`  ${perFile(bytes)}  ${name}`);
}
process.exit(0);
