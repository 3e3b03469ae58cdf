#!/usr/bin/env node
// A like-for-like A/B of two builds of the plugin, in one process, file by file:
//
//   node bench/lib/lint-ab.mjs <build A>/esm/rules/index.js <build B>/esm/rules/index.js <directory> [rounds]
//
// Each file is linted with no rules, with build A and with build B (which goes first rotates per file
// and per round); the CPU time of each call is added to its configuration, as in `lintInterleaved`
// (lint-child.mjs). What a change to the plugin saves is then read as the difference of the two
// builds' cost over no rules, measured within milliseconds of each other, so the load of a shared
// machine hits both alike. Copy a build before the change (`cp -r dist bench/.cache/dist-before`,
// inside the repository so that it resolves the same node_modules) and compare it with `dist/`.
//
// `--whole-passes` (after the rounds): each round lints ALL files with one configuration, then all with
// the next (rotating which goes first), instead of file by file. File by file, the scavenges and
// mark-compacts that one configuration's retained objects cause land on whichever configuration runs
// at that moment, the no-rules one included (bench/NOTES.md, lint-perf-c: once one rule is configured,
// ESLint keeps every file until a mark-compact); whole passes charge each configuration its own GC,
// at the price of a load that may change between passes (read several rounds).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLinter, sourceFilesUnder } from "./lint-child.mjs";
import { median } from "./measure.mjs";

const flags = process.argv.slice(2).filter((argument) => argument.startsWith("--"));
const [entryA, entryB, directoryArgument, roundsArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const wholePasses = flags.includes("--whole-passes");
if (!entryA || !entryB || !directoryArgument) {
  console.error("usage: node bench/lib/lint-ab.mjs <entry A> <entry B> <directory> [rounds] [--whole-passes]");
  process.exit(2);
}
const directory = resolve(directoryArgument);
const rounds = Number(roundsArgument ?? 3);
const files = sourceFilesUnder(directory).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const linters = {
  baseline: await createLinter("baseline", directory),
  A: await createLinter("honeyhive", directory, { entry: resolve(entryA) }),
  B: await createLinter("honeyhive", directory, { entry: resolve(entryB) }),
};
const kinds = Object.keys(linters);
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
// One unmeasured pass: both builds' code warms up (JIT) before any figure is taken.
for (const { path, text } of files) for (const kind of kinds) await linters[kind].lintText(text, { filePath: path });
const perRound = [];
for (let round = 0; round < rounds; round++) {
  const spent = { baseline: 0, A: 0, B: 0 };
  if (wholePasses) {
    for (let offset = 0; offset < kinds.length; offset++) {
      const kind = kinds[(round + offset) % kinds.length];
      const started = cpuMicros();
      for (const { path, text } of files) await linters[kind].lintText(text, { filePath: path });
      spent[kind] += cpuMicros() - started;
    }
  } else {
    for (let index = 0; index < files.length; index++) {
      const { path, text } = files[index];
      for (let offset = 0; offset < kinds.length; offset++) {
        const kind = kinds[(index + round + offset) % kinds.length];
        const started = cpuMicros();
        await linters[kind].lintText(text, { filePath: path });
        spent[kind] += cpuMicros() - started;
      }
    }
  }
  const added = (kind) => ((spent[kind] - spent.baseline) / files.length);
  perRound.push({ baselineMs: spent.baseline / 1000, aRatio: spent.A / spent.baseline, bRatio: spent.B / spent.baseline, aUsPerFile: added("A"), bUsPerFile: added("B") });
  const last = perRound.at(-1);
  console.log(
    `round ${round + 1}/${rounds}: no rules ${last.baselineMs.toFixed(0)} ms; A ${last.aRatio.toFixed(3)}× (+${last.aUsPerFile.toFixed(0)} µs/file), ` +
      `B ${last.bRatio.toFixed(3)}× (+${last.bUsPerFile.toFixed(0)} µs/file)`,
  );
}
const m = (key) => median(perRound.map((round) => round[key]));
console.log(
  `${files.length} files, median of ${rounds} rounds: A ${m("aRatio").toFixed(3)}× (+${m("aUsPerFile").toFixed(0)} µs/file), ` +
    `B ${m("bRatio").toFixed(3)}× (+${m("bUsPerFile").toFixed(0)} µs/file); B's added cost is ${((m("bUsPerFile") / m("aUsPerFile")) * 100).toFixed(0)}% of A's`,
);
