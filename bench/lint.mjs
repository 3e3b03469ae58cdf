#!/usr/bin/env node
// Lint overhead: ESLint + typescript-eslint parser with no rules, against the same plus
// `honeyhive.configs.recommended`, on the real corpus and on the 100% synthetic tree. Two ways:
// - across processes: runs alternate (baseline, honeyhive, baseline, …), each in a fresh process;
//   the ratio of each pair is taken and the median of those is the figure (CPU time of lintFiles;
//   wall-time ratios beside it), plus one run with TIMING=all for per-rule cost;
// - interleaved (the figures both targets are judged on): no rules, the plugin and a control, file by
//   file in one process (bench/lib/lint-child.mjs `lintInterleaved`), which a loaded machine cannot
//   tilt towards one side. On the synthetic tree it also apportions the plugin's cost to its rules.
// Writes the lint section of bench/RESULTS.md (between its markers) and the lint rows of its Targets
// table, and keeps its figures in bench/.cache/results.json for `npm run bench`. A `--parts` run rewrites
// the rows of the parts it measured and keeps the others as RESULTS.md shows them (their own commits).
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
import { readMarkedSections, writeMarkedSection } from "./lib/marked-sections.mjs";
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

/** How each lint row of the targets table begins: a partial run replaces the rows of the parts it measured by these. */
export const LINT_TARGET_ROW_PREFIXES = {
  corpus: `| lint overhead on the real corpus ≤ ${LINT_TARGET_RATIO}× |`,
  synthetic: `| lint, 100%-SDK synthetic tree: plugin adds ≤ ${Math.round((SYNTHETIC_TARGET_RATIO - 1) * 100)}% |`,
};

/** `(1000 files, at 9af901ff442f; control 1.062×)`: what an interleaved figure is read with. */
function interleavedNote(part, files) {
  const notes = [files ? `${part.files} files` : undefined, part.measuredAt ? `at ${String(part.measuredAt).slice(0, 12)}` : undefined].filter(Boolean).join(", ");
  const control = part.medianControlRatio === undefined ? "" : `; control ${formatRatio(part.medianControlRatio)}`;
  return notes || control ? ` (${notes}${control})` : "";
}

/** Rows of the targets table, for the parts `lint` holds; each interleaved figure says the commit it was measured at. */
export function lintTargetRows(lint, verdict) {
  const rows = [];
  if (lint.interleaved || lint.corpus) {
    const figure = lint.interleaved
      ? `${formatRatio(lint.interleaved.medianRatio)} file by file in one process${interleavedNote(lint.interleaved, false)}${lint.corpus ? `; ${formatRatio(lint.corpus.medianRatio)} across separate processes${at(lint.corpus)}` : ""}`
      : `${formatRatio(lint.corpus.medianRatio)} across separate processes${at(lint.corpus)}`;
    rows.push(`${LINT_TARGET_ROW_PREFIXES.corpus} ${figure} | ${verdict(lint.corpusMet)} |`);
  }
  if (lint.syntheticInterleaved || lint.synthetic) {
    const si = lint.syntheticInterleaved;
    const figure = si
      ? `${formatRatio(si.medianRatio)} file by file in one process${interleavedNote(si, true)}${lint.synthetic ? `; ${formatRatio(lint.synthetic.medianRatio)} across separate processes${at(lint.synthetic)}` : ""}`
      : `${formatRatio(lint.synthetic.medianRatio)} across separate processes${at(lint.synthetic)}`;
    rows.push(`${LINT_TARGET_ROW_PREFIXES.synthetic} ${figure} | ${verdict(lint.syntheticMet)} |`);
  }
  return rows;
}

/** The verdict cell of a target row (bench/run.mjs words it the same). */
export const targetVerdict = (met) => (met === undefined ? "not measurable" : met ? "**met**" : "**missed**");

/**
 * `text` (a RESULTS.md) with the lint rows of its targets table replaced by those of the parts `lint`
 * holds; the other rows stay as they are. A row the table lacks goes after its last lint row (or first).
 */
export function withLintTargetRows(text, lint) {
  const table = /^## Targets\n\n\| target \| figure \| result \|\n\|---\|---\|---\|\n((?:\|.*\n)*)/m.exec(text);
  if (!table) return text;
  const rows = table[1].split("\n").filter(Boolean);
  for (const row of lintTargetRows(lint, targetVerdict)) {
    const prefix = Object.values(LINT_TARGET_ROW_PREFIXES).find((candidate) => row.startsWith(candidate));
    const index = rows.findIndex((candidate) => candidate.startsWith(prefix));
    if (index >= 0) rows[index] = row;
    else {
      const lastLint = rows.findLastIndex((candidate) => Object.values(LINT_TARGET_ROW_PREFIXES).some((known) => candidate.startsWith(known)));
      rows.splice(lastLint + 1, 0, row);
    }
  }
  const start = table.index + table[0].length - table[1].length;
  return text.slice(0, start) + rows.map((row) => `${row}\n`).join("") + text.slice(start + table[1].length);
}

/** Which part a row of the section's two tree tables is, by its label and table. */
const PART_BY_LABEL = {
  process: { "real corpus": "corpus", "synthetic 100%": "synthetic" },
  interleaved: { "real corpus": "interleaved", "synthetic 100%": "syntheticInterleaved" },
};

const cellsOf = (row) => row.slice(1, row.endsWith("|") ? -1 : undefined).split("|").map((cell) => cell.trim());

/**
 * What the lint section of a RESULTS.md shows for each part, verbatim, so that a run that measures some
 * parts keeps the others exactly as they were (each with its own "at <commit>"): the row of each tree
 * table, the TIMING column of each process part, and the per-rule share block of the synthetic
 * interleaved part.
 */
export function shownLintParts(section) {
  const shown = { rows: {}, timing: {}, shareBlock: undefined };
  const lines = section.split("\n");
  let table;
  let timingColumns = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith("Per-rule share on the synthetic tree")) {
      // The paragraph, then its table up to the table's last row.
      let end = index;
      let inTable = false;
      while (end + 1 < lines.length && !(inTable && !lines[end + 1].startsWith("|"))) {
        inTable ||= lines[end + 1].startsWith("|");
        end++;
      }
      shown.shareBlock = lines.slice(index, end + 1).join("\n");
      index = end;
      table = undefined;
      continue;
    }
    if (!line.startsWith("|")) {
      table = undefined;
      continue;
    }
    if (line.startsWith("|---")) continue;
    const cells = cellsOf(line);
    if (cells[0] === "tree") table = cells.includes("added per file") ? "interleaved" : "process";
    else if (cells[0] === "rule" && table === undefined) {
      table = "timing";
      timingColumns = cells.slice(1).map((title) => ({ title, part: title.startsWith("real corpus") ? "corpus" : "synthetic" }));
      for (const { title, part } of timingColumns) shown.timing[part] = { title, cells: new Map() };
    } else if (table === "timing") timingColumns.forEach(({ part }, column) => shown.timing[part].cells.set(cells[0], cells[column + 1]));
    else if (table) {
      const label = Object.keys(PART_BY_LABEL[table]).find((candidate) => cells[0].startsWith(candidate));
      if (label) shown.rows[PART_BY_LABEL[table][label]] = line;
    }
  }
  return shown;
}

/**
 * Section 1 of RESULTS.md, from whatever parts `lint` holds; with `shown` (`shownLintParts` of the
 * section as it stands), the parts `lint` does not hold keep what the section showed.
 */
export function renderLintSection(lint, shown = { rows: {}, timing: {}, shareBlock: undefined }) {
  const lines = [
    "## 1. Lint overhead",
    "",
    "ESLint (root `eslint`, one thread, no cache) with `@typescript-eslint/parser` and no rules, against the same plus",
    "`honeyhive.configs.recommended` from the build. `npm run bench:lint` measures this section on its own (`--parts`,",
    "`--synthetic-files`: see bench/lint.mjs) and `npm run bench` with the rest; each table row says the commit it was",
    "measured at.",
  ];
  const rowOf = (key, render) => (lint[key] ? render(lint[key]) : shown.rows[key]);
  const processRows = ["corpus", "synthetic"]
    .map((key) =>
      rowOf(
        key,
        (target) =>
          `| ${target.label}${at(target)} | ${target.files} | ${formatMs(target.medianBaselineMs)} | ${formatMs(target.medianHoneyhiveMs)} | ${formatRatio(target.medianRatio)} | ${formatRatio(target.medianWallRatio)} | ${target.runs.map((run) => run.ratio.toFixed(3)).join(", ")} | ${target.honeyhiveMessages} |`,
      ),
    )
    .filter(Boolean);
  if (processRows.length > 0) {
    lines.push(
      "",
      "Across processes: each run is a fresh process; the runs alternate (pair order flips every pair); the ratio is the",
      "CPU time of `lintFiles` with the plugin over without, median over pairs (the wall-time ratio of the same runs is",
      "beside it). On a shared machine these pairs vary by ±10–20% between identical runs.",
      "",
      "| tree | files | no rules, CPU (median) | honeyhive, CPU (median) | median ratio | wall ratio | pair ratios | honeyhive reports |",
      "|---|---|---|---|---|---|---|---|",
    );
    lines.push(...processRows);
  }
  const interleavedRows = ["interleaved", "syntheticInterleaved"]
    .map((key) =>
      rowOf(key, (part) => {
        const added = part.addedUsPerFile ?? ((part.medianHoneyhiveMs - part.medianBaselineMs) / part.files) * 1000;
        return `| ${part.label ?? "real corpus"}${at(part)} | ${part.files} | ${formatMs(part.medianBaselineMs)} | ${formatMs(part.medianHoneyhiveMs)} | ${formatRatio(part.medianRatio)} | ${added.toFixed(0)} µs | ${part.rounds.map((round) => round.ratio.toFixed(3)).join(", ")} | ${part.medianControlRatio === undefined ? "—" : formatRatio(part.medianControlRatio)} | ${part.rounds.map((round) => round.controlRatio?.toFixed(3) ?? "—").join(", ")} |`;
      }),
    )
    .filter(Boolean);
  if (interleavedRows.length > 0) {
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
    lines.push(...interleavedRows);
  }
  // Per-rule time: TIMING=all of the process runs, and ESLint's per-file stats of the synthetic interleaved run.
  // A column is a measured part's cells by rule, or the column the section showed for a part not measured now.
  const measuredColumn = (title, part) => ({
    title,
    cells: new Map(part.ruleTimes.map((row) => [row.rule, `${row.ms.toFixed(1)} ms (${((row.ms / part.files) * 1000).toFixed(1)} µs/file)`])),
  });
  const columns = [
    lint.corpus ? measuredColumn(`real corpus, TIMING${at(lint.corpus)}`, lint.corpus) : shown.timing.corpus,
    lint.synthetic ? measuredColumn(`synthetic 100%, TIMING${at(lint.synthetic)}`, lint.synthetic) : shown.timing.synthetic,
  ].filter(Boolean);
  if (columns.length > 0) {
    lines.push("", "Per-rule time (ESLint's `TIMING=all`, one more process run; a rule's time includes its `create()`):", "");
    lines.push(`| rule | ${columns.map((column) => column.title).join(" | ")} |`, `|---|${columns.map(() => "---|").join("")}`);
    const rules = [...new Set(columns.flatMap((column) => [...column.cells.keys()]))].filter((rule) => rule !== "(the plugin had no rules in this build)").sort();
    for (const rule of rules) lines.push(`| ${rule} | ${columns.map((column) => column.cells.get(rule) ?? "—").join(" | ")} |`);
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
  } else if (!stats && shown.shareBlock) lines.push("", shown.shareBlock);
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
  // results.json keeps the parts for `npm run bench`; RESULTS.md is what the reader sees, and the parts
  // this run did not measure keep there exactly what it showed (results.json may be older than it: a
  // merge or another worktree's run wrote RESULTS.md last). The rows and target lines of the measured
  // parts are rewritten, each stamped with its commit.
  const figures = existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, "utf8")) : { results: {} };
  figures.results = { ...figures.results, lint: mergeLintParts(figures.results?.lint, { ...measured, measuredAt: process.env.BENCH_COMMIT }) };
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(RESULTS_JSON, JSON.stringify(figures, null, 2) + "\n");
  const section = readMarkedSections(values.out).find((candidate) => candidate.startsWith("<!-- bench:lint:start -->"));
  writeMarkedSection(values.out, "lint", renderLintSection(measured, section ? shownLintParts(section) : undefined));
  if (existsSync(values.out)) writeFileSync(values.out, withLintTargetRows(readFileSync(values.out, "utf8"), measured));
  console.log(`wrote the lint section and the lint target rows of ${values.out} (parts: ${parts.join(", ")})`);
  if (values.json) writeFileSync(values.json, JSON.stringify(measured, null, 2) + "\n");
}
