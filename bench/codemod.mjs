#!/usr/bin/env node
// Codemod throughput: `honeyhive migrate --dry` (all transforms) against `jscodeshift --dry` running
// a transform that only parses (bench/noop-transform.cjs), over the same files with the same number
// of workers, on the real corpus and on the 100% synthetic tree. jscodeshift takes one parser per
// run, so both tools run once per parser group (TypeScript, TSX, JavaScript) and the times add up.
// Runs alternate; the figure is the median over pairs of the CPU time of every process a tool ran
// (jscodeshift's forked workers included; bench/lib/cpu-report.cjs), because the machine is shared
// and wall time would measure the neighbours. Wall times are kept beside it.
//
//   node bench/codemod.mjs [--pairs 3] [--synthetic-pairs 2] [--cpus n] [--json out.json]
import { availableParallelism } from "node:os";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { requireCorpus } from "./corpus.mjs";
import { generateTree } from "./generate.mjs";
import { formatMs, formatRatio, median, runNode } from "./lib/measure.mjs";
import { BENCH_DIR, CACHE_DIR, CORPUS_JS_DIR, CORPUS_TS_DIR, MIGRATE_BIN, listFiles, prepareBuild } from "./lib/paths.mjs";

const JSCODESHIFT_BIN = createRequire(import.meta.url).resolve("jscodeshift/bin/jscodeshift.js");
const NOOP_TRANSFORM = join(BENCH_DIR, "noop-transform.cjs");
export const CORPUS_TARGET_SPEEDUP = 20;
export const SYNTHETIC_TARGET_SPEEDUP = 1;

/** jscodeshift's parser for each extension (what a user would pass with --parser). */
const PARSER_GROUPS = [
  { parser: "ts", extensions: ["ts", "mts", "cts"] },
  { parser: "tsx", extensions: ["tsx"] },
  { parser: "babel", extensions: ["js", "jsx", "mjs", "cjs"] },
];

/** The groups of `directory` that hold files: { directory, parser, extensions, files }. */
export function groupsOf(directory) {
  return PARSER_GROUPS.map((group) => ({
    directory,
    ...group,
    files: listFiles(directory, group.extensions.map((ext) => `.${ext}`)).length,
  })).filter((group) => group.files > 0);
}

// Outside a git repository `migrate` walks the directories itself; the cache is inside this
// repository's work tree and git-ignored, so git must not be found above it.
const OUTSIDE_GIT = { GIT_CEILING_DIRECTORIES: CACHE_DIR };

async function runHoneyhive(group, cpus) {
  const run = await runNode(
    MIGRATE_BIN,
    ["migrate", "--dry", "--json", "--cpus", String(cpus), "--extensions", group.extensions.join(","), "."],
    { cwd: group.directory, env: OUTSIDE_GIT, allowFailure: true, measureCpu: true },
  );
  // Exit code 1 means some files did not parse (reported, left alone); anything else is a failure.
  if (run.code !== 0 && run.code !== 1) throw new Error(`honeyhive migrate exited with ${run.code}: ${run.stderr.slice(-2000)}`);
  return { ms: run.cpuMs, wallMs: run.wallMs, report: parseMigrateReport(run.stdout) };
}

/** `migrate --json` prints one JSON document on stdout. */
export function parseMigrateReport(stdout) {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

async function runJscodeshift(group, cpus) {
  const run = await runNode(
    JSCODESHIFT_BIN,
    ["--dry", `--cpus=${cpus}`, `--parser=${group.parser}`, `--extensions=${group.extensions.join(",")}`, "-t", NOOP_TRANSFORM, "."],
    { cwd: group.directory, env: OUTSIDE_GIT, measureCpu: true },
  );
  const summary = /(\d+) errors\s+(\d+) unmodified\s+(\d+) skipped\s+(\d+) ok/.exec(run.stdout.replace(/\u001b\[[0-9;]*m/g, ""));
  const counts = summary
    ? { errors: Number(summary[1]), unmodified: Number(summary[2]), skipped: Number(summary[3]), ok: Number(summary[4]) }
    : undefined;
  return { ms: run.cpuMs, wallMs: run.wallMs, processes: run.processes, counts };
}

async function measureTarget(label, groups, pairs, cpus, log) {
  const files = groups.reduce((sum, group) => sum + group.files, 0);
  const runs = [];
  for (let pair = 0; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? ["honeyhive", "jscodeshift"] : ["jscodeshift", "honeyhive"];
    const totals = { honeyhive: 0, jscodeshift: 0 };
    const wallTotals = { honeyhive: 0, jscodeshift: 0 };
    const details = { honeyhive: [], jscodeshift: [] };
    for (const tool of order) {
      for (const group of groups) {
        const result = tool === "honeyhive" ? await runHoneyhive(group, cpus) : await runJscodeshift(group, cpus);
        totals[tool] += result.ms;
        wallTotals[tool] += result.wallMs;
        details[tool].push({ parser: group.parser, files: group.files, cpuMs: result.ms, wallMs: result.wallMs, processes: result.processes, report: summarizeReport(result.report), counts: result.counts });
      }
    }
    runs.push({
      honeyhiveMs: totals.honeyhive,
      jscodeshiftMs: totals.jscodeshift,
      speedup: totals.jscodeshift / totals.honeyhive,
      wallSpeedup: wallTotals.jscodeshift / wallTotals.honeyhive,
      details,
    });
    log(`codemod ${label}: pair ${pair + 1}/${pairs}: CPU honeyhive ${formatMs(totals.honeyhive)}, jscodeshift no-op ${formatMs(totals.jscodeshift)} → ${formatRatio(totals.jscodeshift / totals.honeyhive)} faster (wall ${formatRatio(wallTotals.jscodeshift / wallTotals.honeyhive)})`);
  }
  const honeyhiveMs = median(runs.map((run) => run.honeyhiveMs));
  const jscodeshiftMs = median(runs.map((run) => run.jscodeshiftMs));
  return {
    label,
    files,
    groups: groups.map(({ parser, extensions, files: count }) => ({ parser, extensions, files: count })),
    pairs,
    runs,
    honeyhiveMs,
    jscodeshiftMs,
    medianSpeedup: median(runs.map((run) => run.speedup)),
    medianWallSpeedup: median(runs.map((run) => run.wallSpeedup)),
    honeyhiveFilesPerSecond: files / (honeyhiveMs / 1000),
    jscodeshiftFilesPerSecond: files / (jscodeshiftMs / 1000),
  };
}

/** The part of a `migrate --json` report worth keeping next to the timings. */
function summarizeReport(report) {
  if (!report || typeof report !== "object") return undefined;
  const { files, changed, unchanged, skipped, failed, errors, markers, totals, summary } = report;
  return summary ?? totals ?? { files, changed, unchanged, skipped, failed, errors, markers };
}

export async function benchCodemod({ pairs = 3, syntheticPairs = 2, cpus = Math.max(1, availableParallelism() - 1), log = console.log } = {}) {
  prepareBuild({ log });
  requireCorpus();
  const synthetic = generateTree({ files: 10_000, share: 1, log });
  const corpus = await measureTarget("real corpus", [...groupsOf(CORPUS_TS_DIR), ...groupsOf(CORPUS_JS_DIR)], pairs, cpus, log);
  const syntheticResult = await measureTarget("synthetic 100%", groupsOf(synthetic.dir), syntheticPairs, cpus, log);
  return {
    cpus,
    corpus,
    synthetic: syntheticResult,
    corpusTarget: CORPUS_TARGET_SPEEDUP,
    syntheticTarget: SYNTHETIC_TARGET_SPEEDUP,
    corpusMet: corpus.medianSpeedup >= CORPUS_TARGET_SPEEDUP,
    syntheticMet: syntheticResult.medianSpeedup >= SYNTHETIC_TARGET_SPEEDUP,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      pairs: { type: "string", default: "3" },
      "synthetic-pairs": { type: "string", default: "2" },
      cpus: { type: "string" },
      json: { type: "string" },
    },
  });
  const result = await benchCodemod({
    pairs: Number(values.pairs),
    syntheticPairs: Number(values["synthetic-pairs"]),
    ...(values.cpus ? { cpus: Number(values.cpus) } : {}),
  });
  for (const target of [result.corpus, result.synthetic]) {
    console.log(
      `codemod ${target.label} (${target.files} files, ${result.cpus} worker(s)): honeyhive ${formatMs(target.honeyhiveMs)} ` +
        `(${target.honeyhiveFilesPerSecond.toFixed(0)} files/s), jscodeshift no-op ${formatMs(target.jscodeshiftMs)} ` +
        `(${target.jscodeshiftFilesPerSecond.toFixed(0)} files/s) → ${formatRatio(target.medianSpeedup)} faster`,
    );
  }
  console.log(`targets: ≥ ${CORPUS_TARGET_SPEEDUP}× on the corpus ${result.corpusMet ? "met" : "MISSED"}; ≥ ${SYNTHETIC_TARGET_SPEEDUP}× on the synthetic tree ${result.syntheticMet ? "met" : "MISSED"}`);
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + "\n");
}
