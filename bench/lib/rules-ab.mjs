#!/usr/bin/env node
// Per-rule cost of two or more builds of the plugin, in one process, from ESLint's own `stats`:
//
//   node bench/lib/rules-ab.mjs <directory> [passes] <entry A> <entry B> [<entry C> …] [--all]
//
// Every file is linted with each build in turn (which goes first rotates per file and per pass), with
// `stats: true`; each rule's time on a file (its create() and listeners, ESLint's wall-clock figure) is
// kept as the minimum over the passes, so a preemption or a GC pause that lands on one pass does not
// count. After one unmeasured warm pass. Prints, per build, µs a file per rule and in all. On a loaded
// machine the minima are the reading, and only between builds measured in the same run.
// `--all`: `configs.all` instead of `configs.recommended`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";

const flags = process.argv.slice(2).filter((argument) => argument.startsWith("--"));
const [directoryArgument, passesArgument, ...entries] = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
if (!directoryArgument || entries.length === 0) {
  console.error("usage: node bench/lib/rules-ab.mjs <directory> [passes] <entry A> [<entry B> …] [--all]");
  process.exit(2);
}
const directory = resolve(directoryArgument);
const passes = Number(passesArgument ?? 3);
const configName = flags.includes("--all") ? "all" : "recommended";
const files = sourceFilesUnder(directory).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const linters = [];
for (const entry of entries) linters.push(await createLinter(configName === "all" ? "all" : "honeyhive", directory, { stats: true, entry: resolve(entry) }));
/** minima[build][file] = Map(rule → ms) */
const minima = linters.map(() => files.map(() => new Map()));
for (let pass = -1; pass < passes; pass++) {
  for (let index = 0; index < files.length; index++) {
    const { path, text } = files[index];
    for (let offset = 0; offset < linters.length; offset++) {
      const build = (index + pass + 1 + offset) % linters.length;
      const [result] = await linters[build].lintText(text, { filePath: path });
      if (pass < 0) continue;
      const times = new Map();
      for (const stats of result.stats?.times.passes ?? []) {
        for (const [rule, time] of Object.entries(stats.rules ?? {})) times.set(rule, (times.get(rule) ?? 0) + time.total);
      }
      const kept = minima[build][index];
      for (const [rule, ms] of times) kept.set(rule, Math.min(kept.get(rule) ?? Infinity, ms));
    }
  }
}
const rules = [...new Set(minima.flatMap((perFile) => perFile.flatMap((times) => [...times.keys()])))].sort();
const perBuild = minima.map((perFile) => {
  const totals = Object.fromEntries(rules.map((rule) => [rule, 0]));
  for (const times of perFile) for (const [rule, ms] of times) totals[rule] += ms;
  return totals;
});
const micros = (ms) => ((ms * 1000) / files.length).toFixed(1).padStart(8);
console.log(`${files.length} files, ${passes} passes, configs.${configName}; µs a file (sum of per-file minima)`);
console.log(`${"rule".padEnd(48)}${entries.map((_, index) => String.fromCharCode(65 + index).padStart(8)).join("")}`);
for (const rule of rules) console.log(`${rule.padEnd(48)}${perBuild.map((totals) => micros(totals[rule])).join("")}`);
console.log(`${"all".padEnd(48)}${perBuild.map((totals) => micros(Object.values(totals).reduce((sum, ms) => sum + ms, 0))).join("")}`);
