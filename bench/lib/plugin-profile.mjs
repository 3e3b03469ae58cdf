#!/usr/bin/env node
// The plugin's own share of a lint, and how often each of its functions runs, over a sample of a directory.
//
//   node bench/lib/plugin-profile.mjs profile <entry> <directory> [every=3] [passes=1]
//   node bench/lib/plugin-profile.mjs counts <entry> <directory> [every=3]
//   LINES=<function,…> node bench/lib/plugin-profile.mjs profile …   (also: the self samples of those functions by source line)
//   FILES=<list file> …   (the files named in it, one absolute path a line, instead of every <every>-th: instr-ab.mjs's sample)
//   CLOCK=pass|file[:<ms>] …   (`Date.now` held still and moved <ms> (default 2000) between passes, as instr-child.mjs
//                               does, or before every file, so that the once-a-second re-checks of the project reader run
//                               as often as in an instruction reading or a slow run)
//   FOCUS=<function> …   (the shares counted only over the samples with that function of the build on the stack, as
//                         shares of its own inclusive time: what it calls, inclusive and self)
//
// `profile`: the recommended config of the build at <entry> (dist/esm/rules/index.js), every <every>-th source file
// of <directory> (sourceFilesUnder's order), one unmeasured pass, then <passes> passes under node:inspector's CPU
// profiler at 250 µs. Prints, per pass, the share of the profile's time with a frame of the build on the stack
// (the plugin's inclusive share), then the build's functions by inclusive and by self time, as shares of it.
// `counts`: one pass under V8's precise coverage with call counts: how often each function of the build ran.
// A share within one profile is the reading; µs move with the machine's load (state the load with each figure).
import { Session } from "node:inspector/promises";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";
import { profileTree } from "./profile.mjs";

const [mode, entryArgument, directoryArgument, everyArgument = "3", passesArgument = "1"] = process.argv.slice(2);
if ((mode !== "profile" && mode !== "counts") || !entryArgument || !directoryArgument) {
  console.error("usage: node bench/lib/plugin-profile.mjs <profile|counts> <entry> <directory> [every=3] [passes=1]");
  process.exit(2);
}
const entry = resolve(entryArgument);
const directory = resolve(directoryArgument);
const every = Number(everyArgument);
/** The build's directory (dist/esm), whose URLs mark the plugin's frames. */
const buildUrl = pathToFileURL(dirname(dirname(entry))).href + "/";
const files = (process.env.FILES ? readFileSync(process.env.FILES, "utf8").split("\n").filter(Boolean) : sourceFilesUnder(directory).filter((_, index) => index % every === 0)).map(
  (path) => ({ path, text: readFileSync(path, "utf8") }),
);
const [clockPer, clockStep = "2000"] = (process.env.CLOCK ?? "").split(":");
let clock = Date.now();
const sample = process.env.FILES ? `the files of ${process.env.FILES}` : `every ${every}th`;
if (clockPer === "pass" || clockPer === "file") Date.now = () => clock;
const session = new Session();
session.connect();

function frameName({ functionName, url, lineNumber }) {
  return `${functionName || "(anonymous)"} ${url.slice(buildUrl.length)}:${lineNumber + 1}`;
}

const focus = process.env.FOCUS || undefined;

function underFocus(nodes, parents, id) {
  for (let current = id; current !== undefined; current = parents.get(current)) {
    const { callFrame } = nodes.get(current);
    if (callFrame.functionName === focus && callFrame.url.startsWith(buildUrl)) return true;
  }
  return false;
}

/** The plugin's inclusive time, and each plugin function's inclusive and self time, in µs. */
function summarize(profile) {
  const { nodes, parents, sampled } = profileTree(profile);
  let total = 0;
  let plugin = 0;
  const inclusive = new Map();
  const self = new Map();
  for (const [id, us] of sampled) {
    total += us;
    if (focus !== undefined && !underFocus(nodes, parents, id)) continue;
    const leaf = nodes.get(id);
    if (leaf.callFrame.url.startsWith(buildUrl)) self.set(frameName(leaf.callFrame), (self.get(frameName(leaf.callFrame)) ?? 0) + us);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parents.get(current)) {
      const { callFrame } = nodes.get(current);
      if (!callFrame.url.startsWith(buildUrl)) continue;
      const name = frameName(callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
    if (seen.size > 0) plugin += us;
  }
  // Self samples by line of the functions named in LINES (V8 keeps them per node: inlined callees count on the caller's line).
  const lines = new Map();
  const wanted = new Set((process.env.LINES ?? "").split(",").filter(Boolean));
  for (const node of profile.nodes) {
    if (!wanted.has(node.callFrame.functionName) || !node.callFrame.url.startsWith(buildUrl)) continue;
    for (const { line, ticks } of node.positionTicks ?? []) {
      const key = `${frameName(node.callFrame).replace(/:\d+$/, "")}:${line}`;
      lines.set(key, (lines.get(key) ?? 0) + ticks);
    }
  }
  return { total, plugin, inclusive, self, lines };
}

function printTop(title, map, plugin, limit = 25) {
  console.log(`  ${title} (share of the plugin's time):`);
  for (const [name, us] of [...map].sort((left, right) => right[1] - left[1]).slice(0, limit)) {
    console.log(`    ${((100 * us) / plugin).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
}

if (mode === "counts") {
  // Before the build is loaded: every function of it counts from its first call.
  await session.post("Profiler.enable");
  await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
}
const eslint = await createLinter("honeyhive", directory, { entry });
const lintAll = async () => {
  if (clockPer === "pass") clock += Number(clockStep);
  for (const { path, text } of files) {
    if (clockPer === "file") clock += Number(clockStep);
    await eslint.lintText(text, { filePath: path });
  }
};

if (mode === "counts") {
  await lintAll();
  const { result } = await session.post("Profiler.takePreciseCoverage");
  const counts = [];
  for (const script of result) {
    if (!script.url.startsWith(buildUrl)) continue;
    for (const fn of script.functions) {
      const count = fn.ranges[0]?.count ?? 0;
      if (count > 0 && fn.functionName) counts.push([`${fn.functionName} ${script.url.slice(buildUrl.length)}`, count]);
    }
  }
  console.log(`${files.length} files (${sample} of ${directory}); calls per function of ${buildUrl}:`);
  for (const [name, count] of counts.sort((left, right) => right[1] - left[1])) console.log(`${String(count).padStart(9)}  ${name}`);
} else {
  await lintAll();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 250 });
  for (let pass = 1; pass <= Number(passesArgument); pass++) {
    await session.post("Profiler.start");
    await lintAll();
    const { profile } = await session.post("Profiler.stop");
    const { total, plugin, inclusive, self, lines } = summarize(profile);
    console.log(
      `pass ${pass}: ${files.length} files (${sample}), profile ${(total / 1000).toFixed(0)} ms, plugin inclusive ${(plugin / 1000).toFixed(0)} ms = ${((100 * plugin) / total).toFixed(2)}%`,
    );
    printTop("inclusive", inclusive, plugin);
    printTop("self", self, plugin, 15);
    if (lines.size > 0) {
      console.log("  self samples by line (LINES):");
      for (const [key, ticks] of [...lines].sort((left, right) => right[1] - left[1]).slice(0, 30)) console.log(`    ${String(ticks).padStart(6)}  ${key}`);
    }
  }
}
session.disconnect();
