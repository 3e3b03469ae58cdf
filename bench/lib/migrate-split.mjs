#!/usr/bin/env node
// Where a whole `migrate --dry --json --cpus 1` run's time goes, beside jscodeshift's no-op on the same files
// (bench/NOTES.md, "### perf-migrate-11"): each tool once over one parser group, every process CPU-profiled, and
// the samples split by phase. honeyhive: its one process (`--cpu-prof`): the first parse, the settle's parse,
// the transforms, the output check, the project links, reading and printing, the rest (start-up, discovery).
// jscodeshift: its parent and its forked worker, profiled through a `--require` preload (Node refuses
// `--cpu-prof` in NODE_OPTIONS, and the worker is forked with the parent's): the worker's parse (babel and
// recast), module loading, the status messages to the parent, GC. Shares of samples, each sample's time
// capped at 2 ms (on a loaded machine a sample taken after the process waited for a core carries that wait);
// the CPU time of each process beside them. One run each: shares within a profile are the reading, not times
// across runs.
//
//   node bench/lib/migrate-split.mjs --dist <dist/esm> --tree <dir> [--from1] [--extensions ts,mts,cts]
//                                    [--parser ts] [--interval 500]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runNode } from "./measure.mjs";
import { BENCH_DIR, CACHE_DIR } from "./paths.mjs";

const { values } = parseArgs({
  options: {
    dist: { type: "string" },
    tree: { type: "string" },
    from1: { type: "boolean", default: false },
    extensions: { type: "string", default: "ts,mts,cts" },
    parser: { type: "string", default: "ts" },
    interval: { type: "string", default: "500" },
  },
});
const tree = resolve(values.tree);
const work = mkdtempSync(join(CACHE_DIR, "migrate-split-"));
const env = { GIT_CEILING_DIRECTORIES: CACHE_DIR };

function loadProfile(path) {
  const profile = JSON.parse(readFileSync(path, "utf8"));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return { profile, nodes, parents };
}

/** Shares of the samples by `phaseOf(function names from the sampled frame outwards)`, largest first. */
function split(path, phaseOf) {
  const { profile, nodes, parents } = loadProfile(path);
  const totals = new Map();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const us = Math.min(profile.timeDeltas[index], 2000);
    all += us;
    const names = [];
    for (let current = id; current !== undefined; current = parents.get(current)) names.push(nodes.get(current).callFrame.functionName);
    const phase = phaseOf(names);
    totals.set(phase, (totals.get(phase) ?? 0) + us);
  });
  return [...totals].sort((a, b) => b[1] - a[1]).map(([phase, us]) => ({ phase, share: us / all }));
}

const idle = (self) => self === "(idle)" || self === "(program)";
/** honeyhive's phases, by the engine's and the CLI's function names (an inner phase wins: a parse inside a settle is the settle's). */
function honeyhivePhase(names) {
  const has = (name) => names.includes(name);
  if (names[0] === "(garbage collector)") return "GC";
  if (idle(names[0])) return "idle, program";
  if (has("parseFile")) return has("settle") || has("parseEdited") ? "settle parse" : "first parse";
  if (has("collectEdits")) return "transforms (collect, models)";
  if (has("syntaxErrorOf")) return "output check: TypeScript's parse";
  if (has("syntaxErrorOfEdited")) return "output check: proofs";
  if (has("fileLinks") || has("linkProject")) return "project links";
  if (has("unusedSdkImportEdits") || has("usedSdkBindings")) return "unused imports";
  if (has("runTransforms")) return "engine, other";
  if (has("readFiles")) return "discovery, reading";
  if (has("printFileOutputs")) return "diffs, report";
  return "start-up (module loading), rest";
}
/** jscodeshift's worker's phases (src/Worker.js: the transform's `j(source)` is recast's parse over babel's). */
function jscodeshiftPhase(names) {
  const has = (name) => names.includes(name);
  if (names[0] === "(garbage collector)") return "GC";
  if (idle(names[0])) return "idle, program";
  if (has("parse")) return "parse (babel, recast)";
  if (has("updateStatus")) return "status messages to the parent";
  if (has("Module._load") || has("wrapSafe")) return "module loading";
  return "rest";
}

// honeyhive: one process.
const honeyhiveDir = join(work, "honeyhive");
const honeyhive = await runNode(
  join(resolve(values.dist), "codemods", "bin.js"),
  ["migrate", "--dry", "--json", ...(values.from1 ? ["--from", "1"] : []), "--cpus", "1", "--extensions", values.extensions, "."],
  { cwd: tree, env, allowFailure: true, measureCpu: true, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${honeyhiveDir}`, `--cpu-prof-interval=${values.interval}`] },
);
// jscodeshift: the parent and its worker, each profiled by the preload.
const jscodeshiftDir = join(work, "jscodeshift");
const preload = join(work, "profile-preload.cjs");
writeFileSync(
  preload,
  `const inspector = require("node:inspector");
const { writeFileSync, mkdirSync } = require("node:fs");
const session = new inspector.Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: ${Number(values.interval)} });
session.post("Profiler.start");
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  session.post("Profiler.stop", (error, result) => {
    if (error) return;
    mkdirSync(${JSON.stringify(jscodeshiftDir)}, { recursive: true });
    const role = process.argv.some((arg) => arg.endsWith("Worker.js")) ? "worker" : "parent";
    writeFileSync(${JSON.stringify(jscodeshiftDir)} + "/" + role + "-" + process.pid + ".cpuprofile", JSON.stringify(result.profile));
    writeFileSync(${JSON.stringify(jscodeshiftDir)} + "/" + role + "-" + process.pid + ".cpu", String((user + system) / 1000));
  });
});
`,
);
const jscodeshiftBin = createRequire(import.meta.url).resolve("jscodeshift/bin/jscodeshift.js");
await runNode(
  jscodeshiftBin,
  ["--dry", "--cpus=1", `--parser=${values.parser}`, `--extensions=${values.extensions}`, "-t", join(BENCH_DIR, "noop-transform.cjs"), "."],
  // Not `measureCpu`: it sets NODE_OPTIONS itself; the preload writes each process's CPU time.
  { cwd: tree, env: { ...env, NODE_OPTIONS: `--require ${preload}` } },
);

const print = (title, rows) => {
  console.log(title);
  for (const { phase, share } of rows) if (share >= 0.001) console.log(`  ${(100 * share).toFixed(1).padStart(5)}%  ${phase}`);
};
const honeyhiveProfile = readdirSync(honeyhiveDir).find((name) => name.endsWith(".cpuprofile"));
print(`honeyhive migrate --dry${values.from1 ? " --from 1" : ""}: ${(honeyhive.cpuMs / 1000).toFixed(2)} s CPU`, split(join(honeyhiveDir, honeyhiveProfile), honeyhivePhase));
for (const name of readdirSync(jscodeshiftDir).filter((entry) => entry.endsWith(".cpuprofile")).sort()) {
  const cpuMs = Number(readFileSync(join(jscodeshiftDir, name.replace(/\.cpuprofile$/, ".cpu")), "utf8"));
  print(`jscodeshift no-op, ${name.split("-")[0]}: ${(cpuMs / 1000).toFixed(2)} s CPU`, split(join(jscodeshiftDir, name), jscodeshiftPhase));
}
rmSync(work, { recursive: true, force: true });
