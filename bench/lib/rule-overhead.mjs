#!/usr/bin/env node
// What ESLint itself spends per registered rule whose create() returns no listeners (the `control`
// configuration of bench/lib/lint-child.mjs), per linted file: the floor of the plugin's cost on a file
// that does not use the SDK, where every rule of the plugin returns `{}` from create().
//
//   node bench/lib/rule-overhead.mjs [--rules 0,8,16,32] [--list <file of paths> | --tiny 2000] [--rounds 9]
//
// One process, one ESLint instance per rule count (the typescript-eslint parser, as lint-child.mjs
// configures it, plus that many rules `noop/rule-<i>` whose create() returns `{}`), each warmed up, then
// `--rounds` rounds in which every instance lints the same texts with lintText (the order of the
// instances rotating from round to round). Reported: the median CPU time (process.cpuUsage, user +
// system) per file of each instance, and the slope per rule against no rules. `--tiny n`: one
// one-line file linted n times (the parse is then nearly nothing, so the per-file cost of the rules
// stands out); `--list`: the files named, one absolute path a line (instr-ab.mjs's sample), in
// bench/.cache/corpus. CPU time, not instructions: a reading of the load's machine (state the load).
import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { CORPUS_DIR } from "./paths.mjs";
import { median } from "./measure.mjs";

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const ruleCounts = option("rules", "0,8,16,32").split(",").map(Number);
const rounds = Number(option("rounds", 9));
const list = option("list");
const files = list
  ? readFileSync(list, "utf8").split("\n").filter(Boolean).map((path) => ({ path, text: readFileSync(path, "utf8") }))
  : Array.from({ length: Number(option("tiny", 2000)) }, () => ({ path: `${CORPUS_DIR}/tiny.ts`, text: "export const answer = 42;\n" }));

/** An ESLint instance with `count` rules that register no listener. */
function linterWith(count) {
  const rules = Object.fromEntries(Array.from({ length: count }, (_, index) => [`rule-${index}`, { meta: { type: "problem", schema: [] }, create: () => ({}) }]));
  const config = [{ files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" }, linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" } }];
  if (count > 0) config.push({ files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], plugins: { noop: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((name) => [`noop/${name}`, "error"])) });
  return new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
}

async function lintAll(eslint) {
  const before = process.cpuUsage();
  for (const { path, text } of files) await eslint.lintText(text, { filePath: path });
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / files.length;
}

const linters = ruleCounts.map((count) => ({ count, eslint: linterWith(count), perFile: [] }));
for (const linter of linters) for (let warm = 0; warm < 2; warm++) await lintAll(linter.eslint);
for (let round = 0; round < rounds; round++) {
  for (let index = 0; index < linters.length; index++) {
    const linter = linters[(index + round) % linters.length];
    linter.perFile.push(await lintAll(linter.eslint));
  }
}
const base = median(linters.find((linter) => linter.count === 0)?.perFile ?? [Number.NaN]);
console.log(`${files.length} files a round (${list ?? "one line, --tiny"}), ${rounds} rounds; CPU µs per file, median of rounds:`);
for (const { count, perFile } of linters) {
  const us = median(perFile);
  const slope = count > 0 ? ` (+${(us - base).toFixed(2)} µs over no rules, ${((us - base) / count).toFixed(3)} µs a rule)` : "";
  console.log(`  ${String(count).padStart(3)} rules: ${us.toFixed(2)} µs${slope}; rounds ${perFile.map((value) => value.toFixed(1)).join(" ")}`);
}
