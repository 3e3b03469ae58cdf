#!/usr/bin/env node
// The lint overhead as executed instructions, which the load of a shared machine does not move
// (time readings of one build swing ±4–10% between rounds here; bench/NOTES.md, perf-instr):
//
//   npm run bench:instr -- [--corpus-every 100 | --sdk 200 | --list <file> [--sdk]] [--a <entry>] [--b <entry>] [--configs baseline,control,A,B]
//                          [--repeats 1] [--passes 2] [--warm-only] [--jobs 2] [--write]
//
// Each configuration lints the same files in its own process under valgrind's callgrind: `baseline`
// (the typescript-eslint parser, no rules), `control` (the plugin's rules with create() returning no
// listeners, see lint-child.mjs), `A` and `B` (the plugin's recommended config from two builds'
// esm/rules/index.js; default A = bench/.cache/dist-base, B = the work tree's dist/). Start-up runs
// uninstrumented (`--instr-atstart=no`); bench/lib/instr-child.mjs switches counting on through a
// client request (bench/lib/instr-callgrind.c, built here with gcc on first use) after the linter is
// built and the files are read, and dumps the count after each pass over the files. Pass 1 carries
// the JIT compilation of the code the files reach (cold); the last pass is the figure (warm, as the
// time benchmarks' rounds after their warm-up). Ratios are of instructions: a proxy for time that
// counts neither cache misses nor branch mispredictions nor the time of a page fault, and so
// understates what memory traffic costs (the GC's share of the time is larger than its share of
// the instructions).
//
// Files: `--corpus-every k` lints every k-th file of the real corpus (paths.mjs's listFiles order, the k-th, 2k-th, …;
// default 100: 27 files, the lead's sample of 2026-12-07);
// `--sdk n` the first n files of the 100%-SDK synthetic tree; `--list` the files it names, one a line
// (under the corpus, or under the synthetic tree with `--sdk`). `--write` puts the table into
// bench/RESULTS.md's `instr` section (the figures of one tree per row; the other rows are kept).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CACHE_DIR, CORPUS_DIR, ROOT_DIR, SYNTHETIC_DIR, listFiles } from "./paths.mjs";
import { median } from "./measure.mjs";
import { readMarkedSections, writeMarkedSection } from "./marked-sections.mjs";

/**
 * Node and V8 options that make the count repeat (bench/NOTES.md, perf-instr): V8's predictable mode
 * (one thread: compilation and GC run on the main thread, counted, in an order no scheduler decides;
 * no memory reducer) and a full GC before counting starts (instr-child.mjs), so that each count
 * starts from the same heap whatever start-up left. Three runs of one build: 0.06% apart.
 */
export const NODE_FLAGS = ["--predictable", "--single-threaded", "--expose-gc"];

const LIB_DIR = fileURLToPath(new URL(".", import.meta.url));
const ADDON_SOURCE = join(LIB_DIR, "instr-callgrind.c");
const ADDON = join(CACHE_DIR, "instr", "callgrind.node");
const SDK_TREE = join(SYNTHETIC_DIR, "files-10000-share-100");
const RESULTS_MD = join(ROOT_DIR, "bench", "RESULTS.md");

/** The addon, compiled when missing or older than its source. */
export function buildAddon() {
  if (existsSync(ADDON) && statSync(ADDON).mtimeMs >= statSync(ADDON_SOURCE).mtimeMs) return ADDON;
  mkdirSync(join(CACHE_DIR, "instr"), { recursive: true });
  const nodeHeaders = resolve(process.execPath, "..", "..", "include", "node");
  execFileSync("gcc", ["-O2", "-shared", "-fPIC", `-I${nodeHeaders}`, "-o", ADDON, ADDON_SOURCE], { stdio: "inherit" });
  return ADDON;
}

/** The instructions of each counted pass, in pass order, from callgrind's parts `cg.out.<n>` in `outDir`. */
export function passCounts(outDir) {
  return readdirSync(outDir)
    .filter((name) => /^cg\.out\.\d+$/.test(name))
    .map((name) => readFileSync(join(outDir, name), "utf8"))
    .map((text) => ({ label: /^desc: Trigger: Client Request: (.*)$/m.exec(text)?.[1], instructions: Number(/^totals: (\d+)$/m.exec(text)?.[1]) }))
    .filter((part) => part.label?.startsWith("pass-"))
    .sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true }))
    .map((part) => part.instructions);
}

/** Instructions per pass of one configuration over the files in `listFile` (one callgrind process). */
export function countInstructions({ kind, entry, directory, listFile, passes, firstCounted = 1 }) {
  const outDir = mkdtempSync(join(tmpdir(), "instr-"));
  const args = [
    "--tool=callgrind",
    "--instr-atstart=no",
    `--callgrind-out-file=${join(outDir, "cg.out")}`,
    process.execPath,
    ...NODE_FLAGS,
    join(LIB_DIR, "instr-child.mjs"),
    buildAddon(),
    kind,
    directory,
    listFile,
    String(passes),
    String(firstCounted),
    ...(entry ? [entry] : []),
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn("valgrind", args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`valgrind ${kind} exited ${code}:\n${stderr.slice(-2000)}`);
        const counts = passCounts(outDir);
        if (counts.length !== passes - firstCounted + 1) throw new Error(`${kind}: ${counts.length} of ${passes} passes dumped`);
        resolvePromise({ ...JSON.parse(stdout.trim().split("\n").pop()), passes: counts });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });
  });
}

/** Runs `tasks` (functions returning promises) with at most `jobs` at a time; results in task order. */
async function pool(tasks, jobs) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return results;
}

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const gitShort = (cwd) => {
  try {
    return execFileSync("git", ["rev-parse", "--short=8", "HEAD"], { cwd, encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
};

/** A build by its directory (bench/.cache/dist-base, dist-head-<commit>, dist): name the commit in the directory. */
const buildLabel = (entry) => relative(ROOT_DIR, resolve(entry, "..", "..", ".."));

const times = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(4)}×` : "–");
const spreadOf = (values) => (values.length > 1 ? (Math.max(...values) - Math.min(...values)) / median(values) : 0);
const giga = (value) => (Number.isNaN(value) ? "–" : (value / 1e9).toFixed(4));

async function main() {
  const sdk = process.argv.includes("--sdk");
  const sdkFiles = option("sdk");
  const every = Number(option("corpus-every", 100));
  const directory = sdk ? SDK_TREE : CORPUS_DIR;
  const all = listFiles(directory, [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
  const list = option("list");
  const files = list
    ? readFileSync(list, "utf8").split("\n").filter(Boolean)
    : sdk
      ? all.slice(0, Number(sdkFiles))
      : all.filter((_, index) => index % every === every - 1);
  const tree = list
    ? `${sdk ? "synthetic 100%" : "real corpus"}, the ${files.length} files of ${list}`
    : sdk
      ? `synthetic 100%, first ${files.length} files`
      : `real corpus, every ${every}th file (${files.length})`;
  const entries = {
    A: resolve(option("a", join(CACHE_DIR, "dist-base", "esm", "rules", "index.js"))),
    B: resolve(option("b", join(ROOT_DIR, "dist", "esm", "rules", "index.js"))),
  };
  const configs = option("configs", "baseline,control,A,B").split(",");
  const repeats = Number(option("repeats", 1));
  const passes = Number(option("passes", 2));
  // `--warm-only`: pass 1 runs uncounted (several times faster), only the last pass is counted.
  const firstCounted = process.argv.includes("--warm-only") ? passes : 1;
  const jobs = Number(option("jobs", 2));
  const workDir = mkdtempSync(join(tmpdir(), "instr-list-"));
  const listFile = join(workDir, "files.txt");
  writeFileSync(listFile, `${files.join("\n")}\n`);
  buildAddon();
  console.log(`${tree}; configs ${configs.join(", ")}; ${repeats} repeat(s), ${passes} passes; A = ${buildLabel(entries.A)}, B = ${buildLabel(entries.B)}`);
  const tasks = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const config of configs) {
      const kind = config === "A" || config === "B" ? "honeyhive" : config;
      tasks.push(async () => {
        const started = Date.now();
        const result = await countInstructions({ kind, entry: entries[config] ?? entries.B, directory, listFile, passes, firstCounted });
        console.log(`  ${config} #${repeat + 1}: ${result.passes.map(giga).join(" / ")} G instructions per pass, ${result.messages} messages (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        return { config, ...result };
      });
    }
  }
  const runs = await pool(tasks, jobs);
  rmSync(workDir, { recursive: true, force: true });
  const { table, summary } = renderTable({ configs, runs, entries, repeats, firstCounted });
  console.log(`\n${tree}\n${table}`);
  if (summary.A && summary.B) console.log(`B / A, last pass: ${(summary.B.warm / summary.A.warm).toFixed(4)}×; cold: ${(summary.B.cold / summary.A.cold).toFixed(4)}×`);
  if (process.argv.includes("--write")) writeSection(tree, table);
}

/** The table of medians per configuration, ratios to `baseline` and the spread over repeats of each configuration's runs. */
export function renderTable({ configs, runs, entries, repeats, firstCounted }) {
  const summary = Object.fromEntries(
    configs.map((config) => {
      const mine = runs.filter((run) => run.config === config);
      const cold = firstCounted === 1 ? mine.map((run) => run.passes[0]) : [Number.NaN];
      const warm = mine.map((run) => run.passes.at(-1));
      return [config, { cold: median(cold), warm: median(warm), spread: spreadOf(warm), coldSpread: spreadOf(cold), messages: mine[0].messages }];
    }),
  );
  const ratio = (config, pass) => (summary[config] && summary.baseline ? summary[config][pass] / summary.baseline[pass] : undefined);
  const rows = configs.map((config) => ({
    config: config === "A" || config === "B" ? `${config} (${buildLabel(entries[config])})` : config,
    ...summary[config],
    warmRatio: ratio(config, "warm"),
    coldRatio: ratio(config, "cold"),
  }));
  const table = [
    `| configuration | last pass, G instr. | ratio to baseline | spread over ${repeats} | pass 1 (cold), G instr. | cold ratio | messages |`,
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.config} | ${giga(row.warm)} | ${times(row.warmRatio)} | ${repeats > 1 ? `${(row.spread * 100).toFixed(2)}%` : "–"} | ${giga(row.cold)} | ${times(row.coldRatio)} | ${row.messages} |`,
    ),
  ].join("\n");
  return { table, summary };
}

/** The `instr` section of bench/RESULTS.md: the fixed text, then one table per tree and sample (the newest replaces the same one). */
export function writeSection(tree, table) {
  const previous = readMarkedSections(RESULTS_MD).find((section) => section.startsWith("<!-- bench:instr:start -->")) ?? "";
  const kept = [...previous.matchAll(/^### (.*)\n([\s\S]*?)(?=^### |<!-- bench:instr:end -->)/gm)].filter(([, heading]) => !heading.startsWith(`${tree},`));
  const heading = `${tree}, ${new Date().toISOString().slice(0, 10)}, work tree at ${gitShort(ROOT_DIR)}`;
  const body = [
    "## Lint overhead as executed instructions (`npm run bench:instr`)",
    "",
    "A proxy, not a time: each configuration lints the same files in its own process under valgrind's callgrind",
    "(start-up not counted; see bench/lib/instr-ab.mjs for the Node flags that make the count repeat), and the ratios",
    "are of instructions. Cache misses, branch mispredictions and page faults are not counted, so memory traffic (the",
    "GC's above all) weighs less here than in CPU time. The load of the machine does not move these figures; the",
    "time ratios of section 1 are the targets' own measure.",
    "",
    ...kept.map(([whole]) => whole.trimEnd() + "\n"),
    `### ${heading}`,
    "",
    table,
  ].join("\n");
  writeMarkedSection(RESULTS_MD, "instr", body);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
