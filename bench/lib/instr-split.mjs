#!/usr/bin/env node
// Where one configuration's counted instructions go, by the native functions callgrind can name: the
// garbage collector's entry points (inclusive), the rest. JIT-compiled JavaScript has no symbol for
// callgrind, so the plugin's own functions are not split here (bench/lib/plugin-profile.mjs names them
// by CPU samples); what this adds is the GC's share in the same units as bench/lib/instr-ab.mjs.
//
//   node bench/lib/instr-split.mjs <baseline|control|honeyhive> [--entry <dist/esm/rules/index.js>] [--sdk 200] [--passes 2] [--keep <dir>]
//   node bench/lib/instr-split.mjs --read <dir>   (the split of a kept profile again)
//
// One process under callgrind as instr-ab.mjs runs it (same Node flags, same files: the first n files of
// the 100%-SDK tree), two passes (`--passes`), the last (warm) counted alone. The profile part is kept in `--keep`
// (default: a temporary folder, removed) and read with callgrind_annotate --inclusive=yes.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NODE_FLAGS, buildAddon, passCounts } from "./instr-ab.mjs";
import { SYNTHETIC_DIR, listFiles } from "./paths.mjs";

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
  console.error("usage: node bench/lib/instr-split.mjs <baseline|control|honeyhive> [--entry <entry>] [--sdk 200] [--keep <dir>] | --read <kept dir>");
  process.exit(2);
}
const entry = option("entry") && resolve(option("entry"));
const keep = option("keep");
const outDir = read ? resolve(read) : keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "instr-split-"));
if (!read) runCallgrind();

/** The last of `--passes` (default 2) passes of `kind` under callgrind, the others uncounted; its profile part written to `outDir`. */
function runCallgrind() {
  const passes = String(Number(option("passes", 2)));
  const directory = join(SYNTHETIC_DIR, "files-10000-share-100");
  const files = listFiles(directory, [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]).slice(0, Number(option("sdk", 200)));
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
      passes,
      ...(entry ? [entry] : []),
    ],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`valgrind exited ${run.status}:\n${run.stderr.slice(-2000)}`);
  writeFileSync(join(outDir, "run.json"), JSON.stringify({ kind, entry, files: files.length, result: run.stdout.trim().split("\n").pop() }));
}

const [total] = passCounts(outDir);
const part = readdirSync(outDir).find((name) => /^cg\.out\.\d+$/.test(name) && name !== "cg.out.0");
const annotated = execFileSync("callgrind_annotate", ["--inclusive=yes", "--threshold=100", "--auto=no", join(outDir, part)], { encoding: "utf8", maxBuffer: 1 << 28 });
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
const described = read ? `${outDir}` : `${kind}${entry ? ` (${entry})` : ""}`;
console.log(`${described}: warm pass ${(total / 1e9).toFixed(4)} G instructions`);
for (const [label, pattern] of PARTS) {
  const count = sumOf(pattern);
  console.log(`  ${label}: ${(count / 1e6).toFixed(1)} M (${((count / total) * 100).toFixed(2)}%)`);
}
if (!keep && !read) rmSync(outDir, { recursive: true, force: true });
