#!/usr/bin/env node
// Where one configuration's counted instructions go, by the native functions callgrind can name: the
// garbage collector's entry points (inclusive), the rest. JIT-compiled JavaScript has no symbol for
// callgrind, so the plugin's own functions are not split here (bench/lib/plugin-profile.mjs names them
// by CPU samples); what this adds is the GC's share in the same units as bench/lib/instr-ab.mjs.
//
//   node bench/lib/instr-split.mjs <baseline|control|honeyhive> [--entry <dist/esm/rules/index.js>] [--sdk 200 | --corpus-every 10]
//                                  [--passes 2] [--from <first counted pass>] [--keep <dir>]
//   node bench/lib/instr-split.mjs --read <dir>   (the split of a kept profile again)
//
// One process under callgrind as instr-ab.mjs runs it (same Node flags, same files: the first n files of
// the 100%-SDK tree, or with `--corpus-every k` every k-th file of the real corpus as instr-ab.mjs picks them),
// `--passes` passes (default two), the last (warm) counted alone, or with `--from` every pass from that one on,
// each split on its own: whether a configuration's difference settles as V8 stops compiling (bench/NOTES.md,
// perf-nonsdk-5). The profile parts are kept in `--keep` (default: a temporary folder, removed) and read with
// callgrind_annotate --inclusive=yes.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NODE_FLAGS, buildAddon } from "./instr-ab.mjs";
import { CORPUS_DIR, SYNTHETIC_DIR, listFiles } from "./paths.mjs";

/**
 * V8's own work, by native entry points that do not nest in each other: with `--single-threaded` (instr-ab.mjs's
 * flags) the optimizing compiler and the GC run on the main thread, counted, and a pass of a few hundred files
 * still optimizes much of the code it reaches.
 */
const PARTS = [
  ["optimizing compiles (TurboFan: Runtime_CompileOptimized, OSR)", /^v8::internal::Runtime_Compile(Optimized|OptimizedOSR|OSR)\(/],
  ["baseline compiles (Sparkplug batches)", /^v8::internal::BaselineBatchCompiler::CompileBatch\(/],
  ["lazy compiles (Runtime_CompileLazy)", /^v8::internal::Runtime_CompileLazy\(/],
  ["deoptimizations (Runtime_NotifyDeoptimized)", /^v8::internal::Runtime_NotifyDeoptimized\(/],
  ["garbage collection (Heap::CollectGarbage)", /^v8::internal::Heap::CollectGarbage\(/],
  ["  of which scavenges (Heap::Scavenge)", /^v8::internal::Heap::Scavenge\(/],
  ["  of which mark-compact (MarkCompactCollector::CollectGarbage)", /^v8::internal::MarkCompactCollector::CollectGarbage\(/],
  ["incremental marking steps (IncrementalMarking::Step, AdvanceOnAllocation)", /^v8::internal::IncrementalMarking::(Step|AdvanceOnAllocation)\(/],
];

const LIB_DIR = fileURLToPath(new URL(".", import.meta.url));
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};

const read = option("read");
const kind = process.argv[2];
if (!read && !["baseline", "control", "honeyhive"].includes(kind ?? "")) {
  console.error("usage: node bench/lib/instr-split.mjs <baseline|control|honeyhive> [--entry <entry>] [--sdk 200 | --corpus-every 10] [--passes 2] [--from 2] [--keep <dir>] | --read <kept dir>");
  process.exit(2);
}
const entry = option("entry") && resolve(option("entry"));
const keep = option("keep");
const outDir = read ? resolve(read) : keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "instr-split-"));
if (!read) runCallgrind();

/** Passes `--from` (default: the last) to `--passes` (default 2) of `kind` under callgrind, the others uncounted; their profile parts written to `outDir`. */
function runCallgrind() {
  const passes = String(Number(option("passes", 2)));
  const from = String(Number(option("from", passes)));
  const every = option("corpus-every") && Number(option("corpus-every"));
  const directory = every ? CORPUS_DIR : join(SYNTHETIC_DIR, "files-10000-share-100");
  const all = listFiles(directory, [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]);
  const files = every ? all.filter((_, index) => index % every === every - 1) : all.slice(0, Number(option("sdk", 200)));
  mkdirSync(outDir, { recursive: true });
  const listFile = join(outDir, "files.txt");
  writeFileSync(listFile, `${files.join("\n")}\n`);
  const run = spawnSync(
    "valgrind",
    [
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
      passes,
      from,
      ...(entry ? [entry] : []),
    ],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`valgrind exited ${run.status}:\n${run.stderr.slice(-2000)}`);
  writeFileSync(join(outDir, "run.json"), JSON.stringify({ kind, entry, files: files.length, result: run.stdout.trim().split("\n").pop() }));
}

const described = read ? `${outDir}` : `${kind}${entry ? ` (${entry})` : ""}`;
const parts = readdirSync(outDir)
  .filter((name) => /^cg\.out\.\d+$/.test(name))
  .map((name) => ({ name, label: /^desc: Trigger: Client Request: (.*)$/m.exec(readFileSync(join(outDir, name), "utf8").slice(0, 4096))?.[1] }))
  .filter((part) => part.label?.startsWith("pass-"))
  .sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true }));
for (const { name, label } of parts) splitPart(join(outDir, name), label);

/** One counted pass's instructions and the inclusive count of each of PARTS in it. */
function splitPart(file, label) {
  const annotated = execFileSync("callgrind_annotate", ["--inclusive=yes", "--threshold=100", "--auto=no", file], { encoding: "utf8", maxBuffer: 1 << 28 });
  const total = Number(/^totals: (\d+)$/m.exec(readFileSync(file, "utf8"))?.[1]);
  /** Inclusive instructions per function name (callgrind_annotate's `count (pct)  file:function` lines). */
  const inclusive = new Map();
  for (const line of annotated.split("\n")) {
    const match = /^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(?:\S+?:)?(\S.*)$/.exec(line);
    if (!match) continue;
    const name = match[2].replace(/^[^:]*\?\?\?:/, "").replace(/ \[[^\]]*\]$/, "");
    const count = Number(match[1].replaceAll(",", ""));
    inclusive.set(name, Math.max(inclusive.get(name) ?? 0, count));
  }
  const sumOf = (pattern) => [...inclusive].filter(([name]) => pattern.test(name)).reduce((sum, [, count]) => sum + count, 0);
  console.log(`${described}, ${label}: ${(total / 1e9).toFixed(4)} G instructions`);
  for (const [partLabel, pattern] of PARTS) {
    const count = sumOf(pattern);
    console.log(`  ${partLabel}: ${(count / 1e6).toFixed(1)} M (${((count / total) * 100).toFixed(2)}%)`);
  }
}
if (!keep && !read) rmSync(outDir, { recursive: true, force: true });
