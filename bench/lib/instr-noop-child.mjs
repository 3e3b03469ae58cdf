// instr-child.mjs's counted passes for a control that does not load the plugin: <count> rules defined here, each
// with a create() that returns `{}`. Against instr-child.mjs's `control` (the plugin's eight rules, the build
// imported for their meta) it separates what ESLint spends per rule from what the plugin's loaded modules cost
// the collector (bench/NOTES.md, perf-nonsdk-5: on tiny files 90% of the control's excess was scavenges).
//   valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=<dir>/cg.out node --predictable --single-threaded --expose-gc \
//     bench/lib/instr-noop-child.mjs <addon> <count> <directory> <list file> <passes> <first counted> [shared-prototype]
// `shared-prototype`: ESLint's rule contexts made on one prototype shared by all files instead of the file's own
// context (bench/lib/shared-prototype-extend.mjs): what ESLint's `Object.create(fileContext)` costs the collector.
// then `node bench/lib/instr-split.mjs --read <dir>`.
import { createRequire } from "node:module";
import { readFileSync, realpathSync } from "node:fs";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { countedPasses } from "./instr-passes.mjs";
import { sharedPrototypeExtend, useExtend } from "./shared-prototype-extend.mjs";
const [addon, count, directoryArgument, listFile, passesArgument, firstCountedArgument, variant] = process.argv.slice(2);
if (variant === "shared-prototype") useExtend(sharedPrototypeExtend);
else if (variant !== undefined) throw new Error(`unknown variant "${variant}"`);
const directory = realpathSync(directoryArgument);
const callgrind = createRequire(import.meta.url)(addon);
const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean).map((path) => ({ path: realpathSync(path), text: readFileSync(path, "utf8") }));
const rules = Object.fromEntries(Array.from({ length: Number(count) }, (_, index) => [`rule-${index}`, { meta: { type: "problem", schema: [] }, create: () => ({}) }]));
const config = [{ files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" }, linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" } }];
if (Number(count) > 0) config.push({ files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], plugins: { noop: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((name) => [`noop/${name}`, "error"])) });
const linter = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
await countedPasses({ linter, files, passes: Number(passesArgument), firstCounted: Number(firstCountedArgument), callgrind });
