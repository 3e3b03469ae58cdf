#!/usr/bin/env node
// Lint overhead: ESLint + typescript-eslint parser with no rules, against the same plus
// `honeyhive.configs.recommended`, on the real corpus and on the 100% synthetic tree. Two ways:
// - across processes: runs alternate (baseline, honeyhive, baseline, …), each in a fresh process;
//   the ratio of each pair is taken and the median of those is the figure (CPU time of lintFiles;
//   wall-time ratios beside it), plus one run with TIMING=all for per-rule cost;
// - interleaved (the figures both targets are judged on): no rules, the plugin and a control, file by
//   file in one process (bench/lib/lint-child.mjs `lintInterleaved`), which a loaded machine cannot
//   tilt towards one side. On the synthetic tree it also apportions the plugin's cost to its rules.
// Writes the lint section of bench/RESULTS.md (between its markers) and keeps its figures in
// bench/.cache/results.json, so that `npm run bench` and `--parts` runs keep what they did not measure.
//
//   node bench/lint.mjs [--parts corpus,interleaved,synthetic,synthetic-interleaved] [--pairs 4]
//     [--synthetic-pairs 2] [--interleaved-rounds 5] [--synthetic-rounds 5] [--synthetic-files 10000]
//     [--out bench/RESULTS.md] [--json out.json]
//
// The synthetic target in minutes, on a loaded machine:
//   node bench/lint.mjs --parts synthetic-interleaved --synthetic-files 1000 --synthetic-rounds 3
// Two builds of the plugin against each other (what one optimization saves): bench/lib/lint-ab.mjs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { requireCorpus } from "./corpus.mjs";
import { generateTree } from "./generate.mjs";
import { formatMs, formatRatio, median, runNode } from "./lib/measure.mjs";
import { writeMarkedSection } from "./lib/marked-sections.mjs";
import { BENCH_DIR, CACHE_DIR, CORPUS_DIR, prepareBuild, RESULTS_JSON } from "./lib/paths.mjs";

const LINT_CHILD = join(BENCH_DIR, "lib", "lint-child.mjs");
/** Issue 13: the plugin on code that does not use the SDK, the real corpus (interleaved). */
export const LINT_TARGET_RATIO = 1.02;
/** Issue 13: the plugin adds at most 15% to a lint run with the parser and no rules on the 100%-SDK tree (interleaved). */
export const SYNTHETIC_TARGET_RATIO = 1.15;

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
async function measureInterleaved(label, directory, rounds, log, { ruleTimes = false } = {}) {
  const run = await runNode(LINT_CHILD, ["interleaved", directory, String(rounds), ...(ruleTimes ? ["--rule-times"] : [])]);
  const { files, rounds: results, honeyhiveMessages } = run.result;
  results.forEach((round, index) => {
    log(
      `lint ${label}, interleaved: round ${index + 1}/${rounds}: CPU no rules ${formatMs(round.baselineMs)}, honeyhive ${formatMs(round.honeyhiveMs)} → ${formatRatio(round.ratio)}, ` +
        `control ${formatMs(round.controlMs)} → ${formatRatio(round.controlRatio)}`,
    );
  });
  const medianBaselineMs = median(results.map((round) => round.baselineMs));
  const medianHoneyhiveMs = median(results.map((round) => round.honeyhiveMs));
  return {
    label,
    files,
    honeyhiveMessages,
    rounds: results,
    medianBaselineMs,
    medianHoneyhiveMs,
    medianRatio: median(results.map((round) => round.ratio)),
    medianControlRatio: median(results.map((round) => round.controlRatio)),
    // What the plugin adds per file, in CPU: the figure an optimization moves.
    addedUsPerFile: ((medianHoneyhiveMs - medianBaselineMs) / files) * 1000,
    ...(run.result.ruleTimes ? { ruleTimes: run.result.ruleTimes } : {}),
  };
}

/** The parts `benchLint` can measure; `--parts` picks some (a synthetic-only run takes minutes). */
export const LINT_PARTS = ["corpus", "interleaved", "synthetic", "synthetic-interleaved"];

/**
 * Measures the chosen parts. `corpus`/`synthetic`: alternating process pairs (and one TIMING run);
 * `interleaved`/`synthetic-interleaved`: the three configurations file by file in one process, the
 * figures the targets are judged on. Each part carries the commit it was measured at.
 */
export async function benchLint({
  pairs = 4,
  syntheticPairs = 2,
  interleavedRounds = 5,
  syntheticRounds = 5,
  syntheticFiles = 10_000,
  parts = LINT_PARTS,
  log = console.log,
} = {}) {
  const commit = prepareBuild({ log });
  const wanted = new Set(parts);
  const needsCorpus = wanted.has("corpus") || wanted.has("interleaved");
  if (needsCorpus) requireCorpus();
  const synthetic = wanted.has("synthetic") || wanted.has("synthetic-interleaved") ? generateTree({ files: syntheticFiles, share: 1, log }) : undefined;
  const result = { target: LINT_TARGET_RATIO, syntheticTarget: SYNTHETIC_TARGET_RATIO };
  const stamp = (part) => ({ ...part, measuredAt: commit });
  if (wanted.has("corpus")) result.corpus = stamp(await measureTarget("real corpus", CORPUS_DIR, pairs, log));
  if (wanted.has("interleaved")) result.interleaved = stamp(await measureInterleaved("real corpus", CORPUS_DIR, interleavedRounds, log));
  if (wanted.has("synthetic")) result.synthetic = stamp(await measureTarget("synthetic 100%", synthetic.dir, syntheticPairs, log));
  if (wanted.has("synthetic-interleaved")) {
    result.syntheticInterleaved = stamp(await measureInterleaved("synthetic 100%", synthetic.dir, syntheticRounds, log, { ruleTimes: true }));
  }
  return withVerdicts(result);
}

/** The verdicts, from the interleaved figures (the plugin's cost is far below the noise between processes). */
export function withVerdicts(lint) {
  return {
    ...lint,
    target: LINT_TARGET_RATIO,
    syntheticTarget: SYNTHETIC_TARGET_RATIO,
    corpusMet: lint.interleaved ? lint.interleaved.medianRatio <= LINT_TARGET_RATIO : undefined,
    syntheticMet: lint.syntheticInterleaved ? lint.syntheticInterleaved.medianRatio <= SYNTHETIC_TARGET_RATIO : undefined,
  };
}

/** Keeps the parts of `previous` that `next` did not measure (each part says its own commit). */
export function mergeLintParts(previous, next) {
  const merged = { ...next };
  for (const key of ["corpus", "interleaved", "synthetic", "syntheticInterleaved"]) {
    if (!merged[key] && previous?.[key]) merged[key] = { measuredAt: previous.measuredAt, ...previous[key] };
  }
  const commits = ["corpus", "interleaved", "synthetic", "syntheticInterleaved"].map((key) => merged[key]?.measuredAt).filter(Boolean);
  return withVerdicts({ ...merged, measuredAt: next.measuredAt ?? commits.at(-1) });
}

// ---------------------------------------------------------------------------------------------
// RESULTS.md: the lint rows of the targets table and section 1 (bench/run.mjs renders the same).

const at = (part) => (part?.measuredAt ? ` (at ${String(part.measuredAt).slice(0, 12)})` : "");

/** Rows of the targets table. */
export function lintTargetRows(lint, verdict) {
  const rows = [];
  if (lint.interleaved || lint.corpus) {
    const figure = lint.interleaved
      ? `${formatRatio(lint.interleaved.medianRatio)} file by file in one process${lint.corpus ? ` (${formatRatio(lint.corpus.medianRatio)} across separate processes)` : ""}`
      : `${formatRatio(lint.corpus.medianRatio)} across separate processes`;
    rows.push(`| lint overhead on the real corpus ≤ ${LINT_TARGET_RATIO}× | ${figure} | ${verdict(lint.corpusMet)} |`);
  }
  if (lint.syntheticInterleaved || lint.synthetic) {
    const si = lint.syntheticInterleaved;
    const figure = si
      ? `${formatRatio(si.medianRatio)} file by file in one process (${si.files} files)${lint.synthetic ? `; ${formatRatio(lint.synthetic.medianRatio)} across separate processes` : ""}`
      : `${formatRatio(lint.synthetic.medianRatio)} across separate processes`;
    rows.push(`| lint, 100%-SDK synthetic tree: plugin adds ≤ ${Math.round((SYNTHETIC_TARGET_RATIO - 1) * 100)}% | ${figure} | ${verdict(lint.syntheticMet)} |`);
  }
  return rows;
}

/** Section 1 of RESULTS.md, from whatever parts `lint` holds. */
export function renderLintSection(lint) {
  const lines = [
    "## 1. Lint overhead",
    "",
    "ESLint (root `eslint`, one thread, no cache) with `@typescript-eslint/parser` and no rules, against the same plus",
    "`honeyhive.configs.recommended` from the build. `npm run bench:lint` measures this section on its own (`--parts`,",
    "`--synthetic-files`: see bench/lint.mjs) and `npm run bench` with the rest; each table row says the commit it was",
    "measured at.",
  ];
  const processes = [lint.corpus, lint.synthetic].filter(Boolean);
  if (processes.length > 0) {
    lines.push(
      "",
      "Across processes: each run is a fresh process; the runs alternate (pair order flips every pair); the ratio is the",
      "CPU time of `lintFiles` with the plugin over without, median over pairs (the wall-time ratio of the same runs is",
      "beside it). On a shared machine these pairs vary by ±10–20% between identical runs.",
      "",
      "| tree | files | no rules, CPU (median) | honeyhive, CPU (median) | median ratio | wall ratio | pair ratios | honeyhive reports |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const target of processes) {
      lines.push(
        `| ${target.label}${at(target)} | ${target.files} | ${formatMs(target.medianBaselineMs)} | ${formatMs(target.medianHoneyhiveMs)} | ${formatRatio(target.medianRatio)} | ${formatRatio(target.medianWallRatio)} | ${target.runs.map((run) => run.ratio.toFixed(3)).join(", ")} | ${target.honeyhiveMessages} |`,
      );
    }
  }
  const interleaved = [lint.interleaved, lint.syntheticInterleaved].filter(Boolean);
  if (interleaved.length > 0) {
    lines.push(
      "",
      "Interleaved, the figures the targets are judged on: the configurations in one process, file by file (each file",
      "linted with no rules, with the plugin and with the control, which goes first rotating per file and per round), the",
      "CPU time of each call added to its configuration, one ratio per round. A slow-down of the machine then hits all",
      "within milliseconds; runs in separate processes a minute apart vary by ±10% here. The control is the plugin's rules",
      "under the same names with a `create()` that returns no listeners: what ESLint itself spends on running that many",
      "rules, the floor of the honeyhive ratio, and a reading of the noise (its rounds would all be 1.000 on a quiet",
      "machine with free rule dispatch). “Added per file” is the plugin's CPU per file over no rules (medians).",
      "",
      "| tree | files | no rules, CPU (median) | honeyhive, CPU (median) | median ratio | added per file | round ratios | control: median ratio | control: round ratios |",
      "|---|---|---|---|---|---|---|---|---|",
    );
    for (const part of interleaved) {
      const added = part.addedUsPerFile ?? ((part.medianHoneyhiveMs - part.medianBaselineMs) / part.files) * 1000;
      lines.push(
        `| ${part.label ?? "real corpus"}${at(part)} | ${part.files} | ${formatMs(part.medianBaselineMs)} | ${formatMs(part.medianHoneyhiveMs)} | ${formatRatio(part.medianRatio)} | ${added.toFixed(0)} µs | ${part.rounds.map((round) => round.ratio.toFixed(3)).join(", ")} | ${part.medianControlRatio === undefined ? "—" : formatRatio(part.medianControlRatio)} | ${part.rounds.map((round) => round.controlRatio?.toFixed(3) ?? "—").join(", ")} |`,
      );
    }
  }
  // Per-rule time: TIMING=all of the process runs, and ESLint's per-file stats of the synthetic interleaved run.
  const columns = [
    lint.corpus && { title: `real corpus, TIMING${at(lint.corpus)}`, part: lint.corpus },
    lint.synthetic && { title: `synthetic 100%, TIMING${at(lint.synthetic)}`, part: lint.synthetic },
  ].filter(Boolean);
  if (columns.length > 0) {
    lines.push("", "Per-rule time (ESLint's `TIMING=all`, one more process run; a rule's time includes its `create()`):", "");
    lines.push(`| rule | ${columns.map((column) => column.title).join(" | ")} |`, `|---|${columns.map(() => "---|").join("")}`);
    const rules = [...new Set(columns.flatMap((column) => column.part.ruleTimes.map((row) => row.rule)))].sort();
    for (const rule of rules) {
      const cells = columns.map(({ part }) => {
        const row = part.ruleTimes.find((candidate) => candidate.rule === rule);
        return row ? `${row.ms.toFixed(1)} ms (${((row.ms / part.files) * 1000).toFixed(1)} µs/file)` : "—";
      });
      lines.push(`| ${rule} | ${cells.join(" | ")} |`);
    }
    if (rules.length === 0) lines.push(`| (the plugin had no rules in this build) |${columns.map(() => " |").join("")}`);
  }
  const stats = lint.syntheticInterleaved;
  if (stats?.ruleTimes?.length) {
    // ESLint's stats are wall time (inflated by a loaded machine): the shares are apportioned to the measured CPU.
    const total = stats.ruleTimes.reduce((sum, row) => sum + row.ms, 0);
    lines.push(
      "",
      `Per-rule share on the synthetic tree, ${stats.files} files${at(stats)}: ESLint's per-file \`stats\` in the same process after the rounds;`,
      "they are wall time, so only the shares are read, applied to the CPU the plugin added per file (the first rule to run",
      "pays for the models the others share).",
      "",
      "| rule | share of the rules' time | ≈ CPU per file |",
      "|---|---|---|",
    );
    for (const row of [...stats.ruleTimes].sort((left, right) => left.rule.localeCompare(right.rule))) {
      lines.push(`| ${row.rule} | ${((row.ms / total) * 100).toFixed(1)}% | ${((row.ms / total) * stats.addedUsPerFile).toFixed(0)} µs |`);
    }
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      pairs: { type: "string", default: "4" },
      "synthetic-pairs": { type: "string", default: "2" },
      "interleaved-rounds": { type: "string", default: "5" },
      "synthetic-rounds": { type: "string", default: "5" },
      "synthetic-files": { type: "string", default: "10000" },
      parts: { type: "string", default: LINT_PARTS.join(",") },
      out: { type: "string", default: join(BENCH_DIR, "RESULTS.md") },
      json: { type: "string" },
    },
  });
  const parts = values.parts.split(",").filter(Boolean);
  const unknown = parts.filter((part) => !LINT_PARTS.includes(part));
  if (unknown.length > 0) throw new Error(`unknown --parts ${unknown.join(", ")} (known: ${LINT_PARTS.join(", ")})`);
  const measured = await benchLint({
    pairs: Number(values.pairs),
    syntheticPairs: Number(values["synthetic-pairs"]),
    interleavedRounds: Number(values["interleaved-rounds"]),
    syntheticRounds: Number(values["synthetic-rounds"]),
    syntheticFiles: Number(values["synthetic-files"]),
    parts,
  });
  for (const target of [measured.corpus, measured.synthetic].filter(Boolean)) {
    console.log(
      `lint ${target.label} (${target.files} files): median ratio ${formatRatio(target.medianRatio)} (wall ${formatRatio(target.medianWallRatio)}); ` +
        `no rules ${formatMs(target.medianBaselineMs)}, honeyhive ${formatMs(target.medianHoneyhiveMs)}; rules ${formatMs(target.ruleMsTotal)}`,
    );
    for (const row of target.ruleTimes) console.log(`  ${row.rule}: ${row.ms.toFixed(1)} ms`);
  }
  for (const part of [measured.interleaved, measured.syntheticInterleaved].filter(Boolean)) {
    console.log(
      `lint ${part.label}, interleaved (${part.files} files, ${part.rounds.length} rounds): median ratio ${formatRatio(part.medianRatio)}, ` +
        `${part.addedUsPerFile.toFixed(0)} µs/file added; control (the same rules, no listeners) ${formatRatio(part.medianControlRatio)}`,
    );
    const total = (part.ruleTimes ?? []).reduce((sum, row) => sum + row.ms, 0);
    for (const row of part.ruleTimes ?? []) console.log(`  ${row.rule}: ${((row.ms / total) * 100).toFixed(1)}% of the rules' (wall) time`);
  }
  if (measured.corpusMet !== undefined) console.log(`target ≤ ${LINT_TARGET_RATIO} on the real corpus (interleaved): ${measured.corpusMet ? "met" : "MISSED"}`);
  if (measured.syntheticMet !== undefined) console.log(`target ≤ ${SYNTHETIC_TARGET_RATIO} on the synthetic tree (interleaved): ${measured.syntheticMet ? "met" : "MISSED"}`);
  // The section of RESULTS.md, between its markers; results.json keeps the parts for `npm run bench`.
  const figures = existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, "utf8")) : { results: {} };
  const lint = mergeLintParts(figures.results?.lint, { ...measured, measuredAt: process.env.BENCH_COMMIT });
  figures.results = { ...figures.results, lint };
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(RESULTS_JSON, JSON.stringify(figures, null, 2) + "\n");
  writeMarkedSection(values.out, "lint", renderLintSection(lint));
  console.log(`wrote the lint section of ${values.out}`);
  if (values.json) writeFileSync(values.json, JSON.stringify(measured, null, 2) + "\n");
}
