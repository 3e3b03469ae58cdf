#!/usr/bin/env node
// Where the plugin's added lint CPU goes OUTSIDE its own frames (issue 13, bench/NOTES.md perf-gap): the
// configurations of the time benchmark file by file in one process (first rotating, as lint-child.mjs
// `lintInterleaved` does), plus instrumented copies of the plugin, and per configuration:
//   - the process CPU of each lintText call (process.cpuUsage: every thread, what the benchmark reads) and the
//     main thread's CPU (/proc/thread-self/schedstat), so "other threads" = V8's compiler and GC helpers;
//   - GC pauses by kind (PerformanceObserver 'gc': scavenge, mark-compact, incremental marking step, weak
//     callbacks), charged by timestamp to the lint call running when they start (durations are wall time);
//   - `timed` (the plugin, each rule's create() and listeners wrapped): the CPU inside create(), inside the
//     listeners, and inside context.report (ESLint's report translation with the fix and suggestions built at
//     report time), and the GC pauses that start inside rule code. The wrapper adds its own calls: read
//     `timed` minus `honeyhive` as its overhead, and the inside/outside split from `timed`.
//   - `nofix` (the plugin, its reports handed to ESLint without `fix` and `suggest`): what the report path's fixes
//     and suggestions cost ESLint and the rules' fix functions (those built before report() stay); messages counted.
//   - `control` (the rules under the same names, create() returning {}), `baseline` (no rules);
//   - `typical` / `typical-honeyhive`: @eslint/js and typescript-eslint recommended, without and with the plugin;
//   - `--profile-pass n`: that pass under the inspector's profiler (250 µs), each main-thread sample charged by
//     timestamp to the configuration whose lint call ran and to: the build on the stack ("plugin"), "(garbage
//     collector)", "(program)", or the parser's and ESLint's JavaScript.
//
//   node bench/lib/gap-split.mjs <directory> [--passes 3] [--entry <build>/esm/rules/index.js]
//     [--kinds baseline,control,honeyhive,timed,nofix] [--profile-pass n] [--files N]
//
// `--whole <kind> [--files N] [--passes P]` instead: one configuration alone in this process (run one process per
// kind): whole passes over the files, then per pass the GC counts by kind, the bytes promoted to the old
// generation by scavenges and the bytes allocated (v8.GCProfiler), and after the last pass the heap used once a
// forced full GC ran (`node --expose-gc`): what a configuration keeps alive across files.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Session } from "node:inspector/promises";
import { constants, PerformanceObserver, performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { ESLint } from "eslint";
import { createLinter, lintConfig, sourceFilesUnder } from "./lint-child.mjs";
import { RULES_ENTRY } from "./paths.mjs";
import { profileTree } from "./profile.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    passes: { type: "string", default: "3" },
    entry: { type: "string", default: RULES_ENTRY },
    kinds: { type: "string", default: "baseline,control,honeyhive,timed,nofix" },
    whole: { type: "string" },
    files: { type: "string", default: "0" },
    "profile-pass": { type: "string", default: "0" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: node bench/lib/gap-split.mjs <directory> [--passes 3] [--entry <index.js>] [--kinds …] | --whole <kind> [--files N]");
  process.exit(2);
}
const directory = resolve(positionals[0]);
const entry = resolve(values.entry);
const passes = Number(values.passes);
let files = sourceFilesUnder(directory).map((path) => ({ path, text: readFileSync(path, "utf8") }));
if (Number(values.files) > 0) files = files.slice(0, Number(values.files));

const processUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const mainThreadNs = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);

/** What the wrapped configurations measure inside the plugin's code, per pass. */
const inside = { createUs: 0, listenerUs: 0, reportUs: 0, spans: [], messages: 0, fixes: 0, suggestions: 0, reports: 0, listenerCalls: 0 };
let depth = 0;
/** Runs `fn` counted under `key` (outermost plugin frame only, so a report inside a listener is not counted twice in the rule time). */
function timedCall(key, fn, self, args) {
  if (depth > 0) return fn.apply(self, args);
  depth++;
  const wall = performance.now();
  const started = processUs();
  try {
    return fn.apply(self, args);
  } finally {
    inside[key] += processUs() - started;
    inside.spans.push([wall, performance.now()]);
    depth--;
  }
}

/** The plugin with each rule's create() and listeners timed (the context is ESLint's own: a wrapper object per rule would be a prototype per file). */
function timedPlugin(plugin) {
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      name,
      {
        meta: rule.meta,
        create(context) {
          const listeners = timedCall("createUs", rule.create, rule, [context]);
          const out = {};
          for (const [selector, listener] of Object.entries(listeners)) {
            out[selector] = function (...args) {
              inside.listenerCalls++;
              return timedCall("listenerUs", listener, this, args);
            };
          }
          return out;
        },
      },
    ]),
  );
  return { meta: plugin.meta, rules };
}

/**
 * ESLint's report path (lib/linter/file-report.js `FileReport#addRuleMessage`: the message, the location, the fix and
 * the suggestions, whose `fix` functions it calls there) patched once for the process: under `timed` it is timed and
 * counted, under `nofix` the descriptor goes on without `fix` and `suggest`; other configurations call it as is.
 */
let currentKind;
const eslintRequire = createRequire(pathToFileURL(resolve("node_modules/eslint/package.json")).href);
const { FileReport } = eslintRequire("./lib/linter/file-report.js");
const addRuleMessage = FileReport.prototype.addRuleMessage;
FileReport.prototype.addRuleMessage = function (ruleId, severity, descriptor, ...rest) {
  if (currentKind === "nofix" && typeof descriptor === "object" && (descriptor.fix || descriptor.suggest)) {
    return addRuleMessage.call(this, ruleId, severity, { ...descriptor, fix: undefined, suggest: undefined }, ...rest);
  }
  if (currentKind !== "timed") return addRuleMessage.call(this, ruleId, severity, descriptor, ...rest);
  inside.reports++;
  if (descriptor?.fix) inside.fixes++;
  inside.suggestions += descriptor?.suggest?.length ?? 0;
  const started = processUs();
  try {
    return addRuleMessage.call(this, ruleId, severity, descriptor, ...rest);
  } finally {
    inside.reportUs += processUs() - started;
  }
};

/**
 * `typical`: no rules replaced by what a TypeScript project commonly runs, `@eslint/js` recommended and
 * typescript-eslint's recommended (no type information); `typical-honeyhive`: the same plus the plugin. Their ratio
 * is the plugin's cost against a lint that already runs rules (another baseline than the benchmark's: for the lead).
 */
async function typicalConfig(withPlugin) {
  const [{ default: js }, { default: tseslint }] = await Promise.all([import("@eslint/js"), import("typescript-eslint")]);
  const config = await lintConfig(withPlugin ? "honeyhive" : "baseline", { entry });
  config.splice(1, 0, { files: config[0].files, ...js.configs.recommended }, ...tseslint.configs.recommended);
  return config;
}

async function linterFor(kind) {
  if (kind === "typical" || kind === "typical-honeyhive") {
    const config = await typicalConfig(kind === "typical-honeyhive");
    return new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
  }
  if (kind !== "timed" && kind !== "nofix") return createLinter(kind, directory, { entry });
  const config = await lintConfig("honeyhive", { entry });
  const { default: honeyhive } = await import(pathToFileURL(entry).href);
  if (kind === "timed") config[1] = { ...config[1], plugins: { honeyhive: timedPlugin(honeyhive) } };
  return new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
}

const GC_KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "scavenge",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "mark-compact",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak-cb",
};
const gcEntries = [];
new PerformanceObserver((list) => gcEntries.push(...list.getEntries())).observe({ entryTypes: ["gc"] });
const flushGcEntries = () => new Promise((done) => setTimeout(done, 50));

/** The index of the last span starting at or before `time` in `spans` (sorted by start), or -1. */
function spanAt(spans, time) {
  let low = 0;
  let high = spans.length - 1;
  if (high < 0 || spans[0][0] > time) return -1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (spans[middle][0] <= time) low = middle;
    else high = middle - 1;
  }
  return time <= spans[low][1] ? low : -1;
}

const ms = (us) => (us / 1000).toFixed(0).padStart(6);
const perFile = (us) => (us / files.length).toFixed(0).padStart(5);


const profilePass = Number(values["profile-pass"]);
const session = new Session();
session.connect();
const buildUrl = pathToFileURL(resolve(entry, "../..")).href + "/";

/**
 * The profiled pass's main-thread samples charged by timestamp to the configuration whose lint call ran, and
 * within it to a category: a frame of the build on the stack ("plugin": its own JavaScript and whatever it calls,
 * ESLint's report included), V8's "(garbage collector)", "(program)" (V8 and Node's native work outside JS), and
 * the rest (the parser's and ESLint's JavaScript).
 */
function printProfile(profile, monoSpans, kinds) {
  const tree = profileTree(profile);
  const categoryOf = new Map();
  const isBuild = (url) => url.startsWith(buildUrl);
  for (const [id, node] of tree.nodes) {
    let category = "eslint+parser";
    const name = node.callFrame.functionName;
    if (name === "(garbage collector)") category = "gc";
    else if (name === "(program)" || name === "(idle)" || name === "(root)") category = name;
    else {
      for (let current = id; current !== undefined; current = tree.parents.get(current)) {
        if (isBuild(tree.nodes.get(current).callFrame.url)) {
          category = "plugin";
          break;
        }
      }
    }
    categoryOf.set(id, category);
  }
  const table = Object.fromEntries(kinds.map((kind) => [kind, {}]));
  let time = profile.startTime;
  let unmatched = 0;
  let at = 0;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index];
    while (at < monoSpans.length && monoSpans[at][1] < time) at++;
    const span = monoSpans[at];
    if (!span || span[0] > time) {
      unmatched += profile.timeDeltas[index];
      return;
    }
    const row = table[span[2]];
    const category = categoryOf.get(id);
    row[category] = (row[category] ?? 0) + profile.timeDeltas[index];
  });
  const categories = ["plugin", "gc", "eslint+parser", "(program)", "(idle)", "(root)"];
  console.log(`  profile (main thread, sampled µs a file; ${(unmatched / 1000).toFixed(0)} ms of samples between lint calls):`);
  console.log(`    ${"".padEnd(9)} ${categories.map((name) => name.padStart(14)).join("")}         total`);
  for (const kind of kinds) {
    const row = table[kind];
    const total = Object.values(row).reduce((sum, us) => sum + us, 0);
    console.log(`    ${kind.padEnd(9)} ${categories.map((name) => perFile(row[name] ?? 0).padStart(14)).join("")} ${perFile(total).padStart(13)}`);
  }
}

async function interleaved() {
  const kinds = values.kinds.split(",");
  const linters = {};
  for (const kind of kinds) linters[kind] = await linterFor(kind);
  console.log(`${files.length} files, kinds ${kinds.join(", ")}, entry ${entry}`);
  for (let pass = 1; pass <= passes; pass++) {
    const spent = Object.fromEntries(kinds.map((kind) => [kind, { cpuUs: 0, mainNs: 0, gc: {}, messages: 0, fixes: 0, suggestions: 0 }]));
    const spans = [];
    const monoSpans = [];
    if (pass === profilePass) {
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 250 });
      await session.post("Profiler.start");
    }
    const insideAtPass = { createUs: 0, listenerUs: 0, reportUs: 0, reports: 0, fixes: 0, suggestions: 0, listenerCalls: 0 };
    inside.spans = [];
    for (const key of Object.keys(insideAtPass)) inside[key] = 0;
    for (let index = 0; index < files.length; index++) {
      const { path, text } = files[index];
      const first = (index + pass) % kinds.length;
      for (let offset = 0; offset < kinds.length; offset++) {
        const kind = kinds[(first + offset) % kinds.length];
        const main = mainThreadNs();
        const wall = performance.now();
        const monoStart = Number(process.hrtime.bigint() / 1000n);
        const cpu = processUs();
        currentKind = kind;
        const [result] = await linters[kind].lintText(text, { filePath: path });
        currentKind = undefined;
        const used = processUs() - cpu;
        spans.push([wall, performance.now(), kind]);
        monoSpans.push([monoStart, Number(process.hrtime.bigint() / 1000n), kind]);
        spent[kind].mainNs += mainThreadNs() - main;
        spent[kind].cpuUs += used;
        for (const message of result.messages) {
          if (!message.ruleId?.startsWith("honeyhive/")) continue;
          spent[kind].messages++;
          if (message.fix) spent[kind].fixes++;
          spent[kind].suggestions += message.suggestions?.length ?? 0;
        }
      }
    }
    if (pass === profilePass) printProfile((await session.post("Profiler.stop")).profile, monoSpans, kinds);
    await flushGcEntries();
    let gcInsideRules = 0;
    let gcInsideRulesCount = 0;
    for (const entry of gcEntries.splice(0)) {
      const at = spanAt(spans, entry.startTime);
      if (at < 0) continue;
      const kind = spans[at][2];
      const gcKind = GC_KINDS[entry.detail?.kind ?? entry.kind] ?? `kind ${entry.detail?.kind}`;
      const slot = (spent[kind].gc[gcKind] ??= { count: 0, ms: 0 });
      slot.count++;
      slot.ms += entry.duration;
      if (kind === "timed" && spanAt(inside.spans, entry.startTime) >= 0) {
        gcInsideRules += entry.duration;
        gcInsideRulesCount++;
      }
    }
    const base = spent.baseline ?? spent[kinds[0]];
    console.log(`pass ${pass}: CPU ms over ${files.length} files (µs a file), ratio to ${kinds[0]}; GC pauses by kind (count / wall ms)`);
    for (const kind of kinds) {
      const { cpuUs, mainNs, gc, messages, fixes, suggestions } = spent[kind];
      const otherUs = cpuUs - mainNs / 1000;
      const gcText = Object.entries(gc)
        .map(([name, { count, ms: pause }]) => `${name} ${count}/${pause.toFixed(0)}`)
        .join(", ");
      console.log(
        `  ${kind.padEnd(9)} CPU ${ms(cpuUs)} (${perFile(cpuUs)}) ${(cpuUs / base.cpuUs).toFixed(3)}x  main ${ms(mainNs / 1000)} (${perFile(mainNs / 1000)})` +
          `  other ${ms(otherUs)} (${perFile(otherUs)})  GC ${gcText}  msgs ${messages} fixes ${fixes} suggestions ${suggestions}`,
      );
    }
    if (kinds.includes("timed")) {
      const rulesUs = inside.createUs + inside.listenerUs;
      const timed = spent.timed.cpuUs;
      console.log(
        `  timed: inside rules ${ms(rulesUs)} (${perFile(rulesUs)}): create() ${ms(inside.createUs)} (${perFile(inside.createUs)}), listeners ${ms(inside.listenerUs)} (${perFile(inside.listenerUs)}) ` +
          `[${inside.listenerCalls} calls], of both context.report ${ms(inside.reportUs)} (${perFile(inside.reportUs)}) [${inside.reports} reports, ${inside.fixes} with fix, ${inside.suggestions} suggestions]; ` +
          `outside rules ${ms(timed - rulesUs)} (${perFile(timed - rulesUs)}) against ${kinds[0]} ${ms(base.cpuUs)} (${perFile(base.cpuUs)})` +
          `${spent.control ? ` and control ${ms(spent.control.cpuUs)} (${perFile(spent.control.cpuUs)})` : ""}; GC starting inside rule code ${gcInsideRulesCount} pauses ${gcInsideRules.toFixed(0)} ms wall`,
      );
    }
  }
}

async function whole(kind) {
  const linter = await linterFor(kind);
  const profiler = new v8.GCProfiler();
  console.log(`${kind}: ${files.length} files, ${passes} whole passes`);
  for (let pass = 1; pass <= passes; pass++) {
    profiler.start();
    const cpu = processUs();
    const main = mainThreadNs();
    for (const { path, text } of files) await linter.lintText(text, { filePath: path });
    const mainUs = (mainThreadNs() - main) / 1000;
    const cpuUs = processUs() - cpu;
    const { statistics } = profiler.stop();
    const byKind = {};
    let promoted = 0;
    let freed = 0;
    for (const gc of statistics) {
      const slot = (byKind[gc.gcType] ??= { count: 0, us: 0 });
      slot.count++;
      slot.us += gc.cost;
      const space = (stats, name) => stats.heapSpaceStatistics.find((candidate) => candidate.spaceName === name)?.spaceUsedSize ?? 0;
      if (gc.gcType === "Scavenge" || gc.gcType === "MinorMarkSweep") promoted += space(gc.afterGC, "old_space") - space(gc.beforeGC, "old_space");
      freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    }
    const gcText = Object.entries(byKind)
      .map(([name, { count, us }]) => `${name} ${count} / ${(us / 1000).toFixed(0)} ms`)
      .join(", ");
    console.log(
      `  pass ${pass}: CPU ${ms(cpuUs)} ms (${perFile(cpuUs)} µs a file), main ${ms(mainUs)} (${perFile(mainUs)}); GC ${gcText}; ` +
        `promoted by scavenges ${(promoted / files.length / 1024).toFixed(1)} KB a file; freed ${(freed / files.length / 1024).toFixed(1)} KB a file`,
    );
  }
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
    const { used_heap_size: usedHeapSize } = v8.getHeapStatistics();
    console.log(`  after the passes and two full GCs: heap used ${(usedHeapSize / 1024 / 1024).toFixed(2)} MB`);
  }
}

if (values.whole) await whole(values.whole);
else await interleaved();
session.disconnect();
