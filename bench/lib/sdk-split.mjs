#!/usr/bin/env node
// Where the plugin's added lint time goes, pass by pass, in the time benchmark's own terms: one process
// lints every file of <directory> with no rules, with the plugin and with the control (file by file, the
// first rotating, as lint-child.mjs `lintInterleaved` does, but with no unmeasured warm-up), <passes> times.
//
//   node bench/lib/sdk-split.mjs <directory> [--passes 3] [--entry <build>/esm/rules/index.js]
//     [--profile-pass <n>] [--kinds baseline,honeyhive,control] [--templates 20]
//
// Per pass and configuration: the process's CPU (process.cpuUsage: every thread), the main thread's CPU
// (/proc/thread-self/schedstat, ns), so the rest is V8's background threads (concurrent TurboFan compiles,
// parallel GC helpers), and the GC pauses V8 reports (PerformanceObserver `gc` entries, charged to the
// configuration whose lint was running when the pause started; their durations are wall time, which a
// loaded machine inflates: read the counts). Pass 1 carries the warm-up (the plugin's
// compiles), the last pass is the steady state the benchmark's later rounds approach.
// `--profile-pass n`: pass n runs under node:inspector's CPU profiler (250 µs) and its samples with a frame of
// the build on the stack are grouped by the build's module (inclusive: each module on the stack once; self: the
// innermost frame of the build) and by the rule whose listener or create() is outermost.
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";
import { RULES_ENTRY } from "./paths.mjs";
import { framesOnStack, profileTree } from "./profile.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    passes: { type: "string", default: "3" },
    entry: { type: "string", default: RULES_ENTRY },
    "profile-pass": { type: "string", default: "0" },
    kinds: { type: "string", default: "baseline,honeyhive,control" },
    templates: { type: "string", default: "0" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: node bench/lib/sdk-split.mjs <directory> [--passes 3] [--entry <index.js>] [--profile-pass n] [--kinds …]");
  process.exit(2);
}
const directory = resolve(positionals[0]);
const entry = resolve(values.entry);
const buildUrl = pathToFileURL(dirname(dirname(entry))).href + "/";
const passes = Number(values.passes);
const profilePass = Number(values["profile-pass"]);
const kinds = values.kinds.split(",");
const files = sourceFilesUnder(directory).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const linters = Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await createLinter(kind, directory, { entry })])));

const templateOf = new Map();
if (Number(values.templates) > 0) {
  const manifest = JSON.parse(readFileSync(resolve(directory, "manifest.json"), "utf8"));
  for (const { path, template } of manifest.sdkFiles) templateOf.set(resolve(directory, path), template);
}
/** Per file of the last pass: the CPU (µs) of each configuration. */
const perFile = files.map(() => ({}));

const mainThreadNs = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);
const processUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** [start, end, kind] of every lint call of the current pass (performance.now() ms), to charge GC pauses. */
let spans = [];
const gcEntries = [];
new PerformanceObserver((list) => gcEntries.push(...list.getEntries())).observe({ entryTypes: ["gc"] });

function chargeGc(spent) {
  for (const entry of gcEntries.splice(0)) {
    // Binary search the span whose start is at or before the pause's start.
    let low = 0;
    let high = spans.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (spans[middle][0] <= entry.startTime) low = middle;
      else high = middle - 1;
    }
    const span = spans[low];
    if (span && entry.startTime <= span[1]) {
      spent[span[2]].gcMs += entry.duration;
      spent[span[2]].gcCount += 1;
    }
  }
}

function moduleOf(url) {
  return url.slice(buildUrl.length);
}

/** Samples of the build grouped by module (inclusive and self) and by the rule outermost on the stack. */
function summarize(profile) {
  const tree = profileTree(profile);
  const totals = { total: 0, plugin: 0, inclusive: new Map(), self: new Map(), byRule: new Map() };
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  const isBuild = (url) => url.startsWith(buildUrl);
  for (const [id, us] of tree.sampled) {
    totals.total += us;
    const modules = framesOnStack(tree, id, isBuild).map((frame) => moduleOf(frame.url));
    if (modules.length === 0) continue;
    totals.plugin += us;
    add(totals.self, modules[0], us);
    for (const name of new Set(modules)) add(totals.inclusive, name, us);
    const rule = modules.findLast((name) => name.startsWith("rules/") && name !== "rules/create-rule.js");
    add(totals.byRule, rule ?? "(no rule module on the stack)", us);
  }
  return totals;
}

function printTop(title, map, plugin, limit) {
  console.log(`  ${title} (share of the plugin's samples):`);
  for (const [name, us] of [...map].sort((left, right) => right[1] - left[1]).slice(0, limit)) {
    console.log(`    ${((100 * us) / plugin).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
}

const session = new Session();
session.connect();
const baselineOf = (spent) => spent.baseline ?? spent[kinds[0]];
for (let pass = 1; pass <= passes; pass++) {
  const spent = Object.fromEntries(kinds.map((kind) => [kind, { cpuUs: 0, mainNs: 0, gcMs: 0, gcCount: 0 }]));
  spans = [];
  if (pass === profilePass) {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 250 });
    await session.post("Profiler.start");
  }
  for (let index = 0; index < files.length; index++) {
    const { path, text } = files[index];
    const first = (index + pass) % kinds.length;
    for (let offset = 0; offset < kinds.length; offset++) {
      const kind = kinds[(first + offset) % kinds.length];
      const wall = performance.now();
      const cpu = processUs();
      const main = mainThreadNs();
      await linters[kind].lintText(text, { filePath: path });
      spent[kind].mainNs += mainThreadNs() - main;
      const used = processUs() - cpu;
      spent[kind].cpuUs += used;
      if (pass === passes) perFile[index][kind] = used;
      spans.push([wall, performance.now(), kind]);
    }
  }
  let profile;
  if (pass === profilePass) profile = (await session.post("Profiler.stop")).profile;
  // The observer's entries arrive asynchronously: let them in before charging them.
  await new Promise((done) => setTimeout(done, 50));
  chargeGc(spent);
  const base = baselineOf(spent);
  console.log(`pass ${pass}: ${files.length} files`);
  for (const kind of kinds) {
    const { cpuUs, mainNs, gcMs, gcCount } = spent[kind];
    const otherUs = cpuUs - mainNs / 1000;
    console.log(
      `  ${kind.padEnd(9)} CPU ${(cpuUs / 1000).toFixed(0).padStart(6)} ms (${(cpuUs / base.cpuUs).toFixed(3)}x)` +
        `  main thread ${(mainNs / 1e6).toFixed(0).padStart(6)} ms (${(mainNs / base.mainNs).toFixed(3)}x)` +
        `  other threads ${(otherUs / 1000).toFixed(0).padStart(5)} ms  GC: ${String(gcCount).padStart(3)} pauses, ${gcMs.toFixed(0).padStart(5)} ms wall`,
    );
  }
  if (profile) {
    const { total, plugin, inclusive, self, byRule } = summarize(profile);
    console.log(`  profile: ${(total / 1000).toFixed(0)} ms, the build on the stack ${(plugin / 1000).toFixed(0)} ms (${((100 * plugin) / total).toFixed(1)}%)`);
    printTop("by rule outermost on the stack", byRule, plugin, 25);
    printTop("by module, inclusive", inclusive, plugin, 30);
    printTop("by module, self", self, plugin, 30);
  }
}
session.disconnect();
if (templateOf.size > 0) {
  const byTemplate = new Map();
  files.forEach(({ path }, index) => {
    const template = templateOf.get(path) ?? "(not in the manifest)";
    const entry = byTemplate.get(template) ?? { files: 0, addedUs: 0, baselineUs: 0 };
    entry.files += 1;
    entry.addedUs += perFile[index].honeyhive - perFile[index].baseline;
    entry.baselineUs += perFile[index].baseline;
    byTemplate.set(template, entry);
  });
  const total = [...byTemplate.values()].reduce((sum, entry) => sum + entry.addedUs, 0);
  console.log(`pass ${passes}, the plugin's added CPU by template (${byTemplate.size} templates, ${(total / 1000).toFixed(0)} ms in all):`);
  for (const [template, entry] of [...byTemplate].sort((left, right) => right[1].addedUs - left[1].addedUs).slice(0, Number(values.templates))) {
    console.log(
      `  ${((100 * entry.addedUs) / total).toFixed(1).padStart(5)}%  ${(entry.addedUs / 1000).toFixed(0).padStart(5)} ms  ${String(entry.files).padStart(3)} files` +
        `  ${(entry.addedUs / entry.files).toFixed(0).padStart(6)} µs/file added over ${(entry.baselineUs / entry.files).toFixed(0)} µs  ${template}`,
    );
  }
}
