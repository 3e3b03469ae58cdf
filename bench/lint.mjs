#!/usr/bin/env node
// Lint overhead: ESLint + typescript-eslint parser with no rules, against the same plus
// `honeyhive.configs.recommended`, on the real corpus and on the 100% synthetic tree. Runs alternate
// (baseline, honeyhive, baseline, …), each in a fresh process; the ratio of each pair is taken and
// the median of those is the figure. The ratio is of CPU time spent in lintFiles (the machine is
// shared, and wall time would measure the neighbours); wall-time ratios are kept beside it.
// Per-rule cost comes from one more run with TIMING=all.
//
//   node bench/lint.mjs [--pairs 4] [--synthetic-pairs 2] [--interleaved-rounds 5] [--json out.json]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { requireCorpus } from "./corpus.mjs";
import { generateTree } from "./generate.mjs";
import { formatMs, formatRatio, median, runNode } from "./lib/measure.mjs";
import { BENCH_DIR, CORPUS_DIR, prepareBuild } from "./lib/paths.mjs";

const LINT_CHILD = join(BENCH_DIR, "lib", "lint-child.mjs");
export const LINT_TARGET_RATIO = 1.03;

/** Rows of ESLint's TIMING table: { rule, ms, share }. */
export function parseTimingTable(stdout) {
  const rows = [];
  for (const line of stdout.split("\n")) {
    const match = /^(\S+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%$/.exec(line.trim());
    if (match) rows.push({ rule: match[1], ms: Number(match[2]), share: Number(match[3]) });
  }
  return rows;
}

async function lintOnce(kind, directory, env) {
  const run = await runNode(LINT_CHILD, [kind, directory], { env });
  return { ...run.result, wallMs: run.wallMs, stdout: run.stdout };
}

/** Alternating pairs on one target; returns every run and the medians. */
async function measureTarget(label, directory, pairs, log) {
  const runs = [];
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which configuration goes first, so a slow-down drifting over time hits both alike.
    const order = pair % 2 === 0 ? ["baseline", "honeyhive"] : ["honeyhive", "baseline"];
    const result = {};
    for (const kind of order) result[kind] = await lintOnce(kind, directory);
    runs.push({
      baselineMs: result.baseline.lintCpuMs,
      honeyhiveMs: result.honeyhive.lintCpuMs,
      baselineWallMs: result.baseline.lintMs,
      honeyhiveWallMs: result.honeyhive.lintMs,
      ratio: result.honeyhive.lintCpuMs / result.baseline.lintCpuMs,
      wallRatio: result.honeyhive.lintMs / result.baseline.lintMs,
      files: result.honeyhive.files,
      honeyhiveMessages: Object.entries(result.honeyhive.byRule)
        .filter(([rule]) => rule.startsWith("honeyhive/"))
        .reduce((sum, [, count]) => sum + count, 0),
    });
    const last = runs.at(-1);
    log(`lint ${label}: pair ${pair + 1}/${pairs}: CPU no rules ${formatMs(last.baselineMs)}, honeyhive ${formatMs(last.honeyhiveMs)} → ${formatRatio(last.ratio)} (wall ${formatRatio(last.wallRatio)})`);
  }
  const timing = await lintOnce("honeyhive", directory, { TIMING: "all" });
  const ruleTimes = parseTimingTable(timing.stdout).filter((row) => row.rule.startsWith("honeyhive/"));
  const files = runs[0].files;
  return {
    label,
    files,
    pairs,
    runs,
    medianBaselineMs: median(runs.map((run) => run.baselineMs)),
    medianHoneyhiveMs: median(runs.map((run) => run.honeyhiveMs)),
    medianRatio: median(runs.map((run) => run.ratio)),
    medianWallRatio: median(runs.map((run) => run.wallRatio)),
    honeyhiveMessages: runs[0].honeyhiveMessages,
    ruleTimes,
    // Per file: what the rules cost on top of the parse that ESLint pays anyway.
    ruleMsTotal: ruleTimes.reduce((sum, row) => sum + row.ms, 0),
  };
}

/** No rules, honeyhive and the control file by file in one process (bench/lib/lint-child.mjs `lintInterleaved`); medians over rounds. */
async function measureInterleaved(directory, rounds, log) {
  const run = await runNode(LINT_CHILD, ["interleaved", directory, String(rounds)]);
  const { files, rounds: results } = run.result;
  results.forEach((round, index) => {
    log(
      `lint real corpus, interleaved: round ${index + 1}/${rounds}: CPU no rules ${formatMs(round.baselineMs)}, honeyhive ${formatMs(round.honeyhiveMs)} → ${formatRatio(round.ratio)}, ` +
        `control ${formatMs(round.controlMs)} → ${formatRatio(round.controlRatio)}`,
    );
  });
  return {
    files,
    rounds: results,
    medianBaselineMs: median(results.map((round) => round.baselineMs)),
    medianHoneyhiveMs: median(results.map((round) => round.honeyhiveMs)),
    medianRatio: median(results.map((round) => round.ratio)),
    medianControlRatio: median(results.map((round) => round.controlRatio)),
  };
}

export async function benchLint({ pairs = 4, syntheticPairs = 2, interleavedRounds = 5, log = console.log } = {}) {
  prepareBuild({ log });
  requireCorpus();
  const synthetic = generateTree({ files: 10_000, share: 1, log });
  const corpus = await measureTarget("real corpus", CORPUS_DIR, pairs, log);
  const interleaved = await measureInterleaved(CORPUS_DIR, interleavedRounds, log);
  const syntheticResult = await measureTarget("synthetic 100%", synthetic.dir, syntheticPairs, log);
  return {
    target: LINT_TARGET_RATIO,
    corpus,
    interleaved,
    synthetic: syntheticResult,
    // The verdict is the interleaved figure: the plugin's cost is far below the noise between processes.
    corpusMet: interleaved.medianRatio <= LINT_TARGET_RATIO,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      pairs: { type: "string", default: "4" },
      "synthetic-pairs": { type: "string", default: "2" },
      "interleaved-rounds": { type: "string", default: "5" },
      json: { type: "string" },
    },
  });
  const result = await benchLint({
    pairs: Number(values.pairs),
    syntheticPairs: Number(values["synthetic-pairs"]),
    interleavedRounds: Number(values["interleaved-rounds"]),
  });
  for (const target of [result.corpus, result.synthetic]) {
    console.log(
      `lint ${target.label} (${target.files} files): median ratio ${formatRatio(target.medianRatio)} (wall ${formatRatio(target.medianWallRatio)}); ` +
        `no rules ${formatMs(target.medianBaselineMs)}, honeyhive ${formatMs(target.medianHoneyhiveMs)}; rules ${formatMs(target.ruleMsTotal)}`,
    );
    for (const row of target.ruleTimes) console.log(`  ${row.rule}: ${row.ms.toFixed(1)} ms`);
  }
  const { interleaved } = result;
  console.log(
    `lint real corpus, interleaved (${interleaved.files} files, ${interleaved.rounds.length} rounds): median ratio ${formatRatio(interleaved.medianRatio)}; ` +
      `control (the same rules, no listeners) ${formatRatio(interleaved.medianControlRatio)}`,
  );
  console.log(`target ≤ ${LINT_TARGET_RATIO} on the real corpus (interleaved): ${result.corpusMet ? "met" : "MISSED"}`);
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + "\n");
}
