#!/usr/bin/env node
// What ESLint's rule contexts cost the young-generation collector (bench/NOTES.md, perf-nonsdk-5 and
// perf-nonsdk-6): ESLint (lib/linter/file-context.js) makes each rule's context with
// `Object.freeze(Object.assign(Object.create(fileContext), { id, options, report }))`, a new prototype per
// linted file. Four configurations in one process, each linting the same files in a block per round (the
// blocks' order rotating): no rule, one rule, eight rules (create() returns `{}`), and eight rules with
// `FileContext.prototype.extend` replaced by one that gives every context the same prototype
// (`FileContext.prototype`) and copies the file context's fields (bench/lib/shared-prototype-extend.mjs). Read per
// configuration: CPU time, scavenges (count and time, from `PerformanceObserver` "gc" entries: wall time, which a
// loaded machine inflates) and mark-compacts. A native reading: on a loaded machine prefer the instruction count
// (bench/lib/instr-noop-child.mjs with `shared-prototype`).
//
//   node bench/lib/context-gc.mjs [--list <file of paths> | --every k] [--rounds 7]
//
// `--every k`: every k-th file of bench/.cache/corpus (`sourceFilesUnder`), as instr-ab samples it.
import { readFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { sourceFilesUnder } from "./lint-child.mjs";
import { median } from "./measure.mjs";
import { CORPUS_DIR } from "./paths.mjs";
import { inheritingExtend, sharedPrototypeExtend, useExtend } from "./shared-prototype-extend.mjs";

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const rounds = Number(option("rounds", 7));
const list = option("list");
const paths = list ? readFileSync(list, "utf8").split("\n").filter(Boolean) : sourceFilesUnder(CORPUS_DIR).filter((_, index) => index % Number(option("every", 25)) === 0);
const files = paths.map((path) => ({ path, text: readFileSync(path, "utf8") }));

function linterWith(count) {
  const rules = Object.fromEntries(Array.from({ length: count }, (_, index) => [`rule-${index}`, { meta: { type: "problem", schema: [] }, create: () => ({}) }]));
  const config = [{ files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" }, linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" } }];
  if (count > 0) config.push({ files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], plugins: { noop: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((name) => [`noop/${name}`, "error"])) });
  return new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
}

const configurations = [
  { name: "no rule", eslint: linterWith(0), extend: inheritingExtend },
  { name: "1 rule", eslint: linterWith(1), extend: inheritingExtend },
  { name: "8 rules", eslint: linterWith(8), extend: inheritingExtend },
  { name: "8 rules, shared prototype", eslint: linterWith(8), extend: sharedPrototypeExtend },
].map((configuration) => ({ ...configuration, cpu: [], scavenges: [], scavengeMs: [], majors: [] }));

let gc = { scavenges: 0, scavengeMs: 0, majors: 0 };
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) {
    const kind = entry.detail?.kind ?? entry.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      gc.scavenges++;
      gc.scavengeMs += entry.duration;
    } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majors++;
  }
}).observe({ entryTypes: ["gc"] });
// The observer is called asynchronously: a turn of the event loop lets it see a block's last entries.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function block(configuration) {
  useExtend(configuration.extend);
  await settle();
  gc = { scavenges: 0, scavengeMs: 0, majors: 0 };
  const before = process.cpuUsage();
  for (const { path, text } of files) await configuration.eslint.lintText(text, { filePath: path });
  const spent = process.cpuUsage(before);
  await settle();
  return { cpuMs: (spent.user + spent.system) / 1000, ...gc };
}

for (const configuration of configurations) for (let warm = 0; warm < 2; warm++) await block(configuration);
for (let round = 0; round < rounds; round++) {
  for (let index = 0; index < configurations.length; index++) {
    const configuration = configurations[(index + round) % configurations.length];
    const read = await block(configuration);
    configuration.cpu.push(read.cpuMs);
    configuration.scavenges.push(read.scavenges);
    configuration.scavengeMs.push(read.scavengeMs);
    configuration.majors.push(read.majors);
  }
}
useExtend(inheritingExtend);
const base = median(configurations[0].cpu);
console.log(`${files.length} files a block, ${rounds} rounds (medians of the rounds)`);
console.log("configuration                 CPU ms   / no rule  scavenges  scavenge ms  mark-compacts");
for (const { name, cpu, scavenges, scavengeMs, majors } of configurations) {
  console.log(
    `${name.padEnd(28)} ${median(cpu).toFixed(1).padStart(7)}  ${(median(cpu) / base).toFixed(4).padStart(8)}  ${String(median(scavenges)).padStart(9)}  ${median(scavengeMs).toFixed(1).padStart(11)}  ${String(median(majors)).padStart(13)}`,
  );
}
