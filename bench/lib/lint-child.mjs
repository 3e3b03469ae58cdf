// One ESLint run in a fresh process (the parent alternates configurations and takes medians):
//   node bench/lib/lint-child.mjs <baseline|honeyhive> <directory>
//   node bench/lib/lint-child.mjs interleaved <directory> <rounds> [--rule-times]   (all three, file by file: see below)
// `baseline`: the typescript-eslint parser and no rules. `honeyhive`: the same plus the plugin's
// recommended config, loaded from the build (dist/esm) exactly as a user's config loads it.
// `control`: the same rules under the same names, each with a create() that returns no listeners:
// what ESLint itself spends on running that many rules, and so the floor of the honeyhive ratio.
// `all` (robustness runs): every rule of the plugin.
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { RULES_ENTRY } from "./paths.mjs";
import { reportResult } from "./measure.mjs";

const SOURCE_FILES = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

/** `entry`: the plugin's module (default: the measured build); bench/lib/lint-ab.mjs passes two builds. */
export async function lintConfig(kind, { entry = RULES_ENTRY } = {}) {
  const config = [
    {
      files: SOURCE_FILES,
      languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
      // The corpus carries its authors' inline directives for rules that are not loaded here.
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
    },
  ];
  if (kind === "honeyhive" || kind === "all" || kind === "control") {
    const { default: honeyhive } = await import(pathToFileURL(entry).href);
    const recommended = honeyhive.configs[kind === "all" ? "all" : "recommended"];
    config.push({ ...recommended, files: SOURCE_FILES, ...(kind === "control" ? { plugins: { honeyhive: withoutListeners(honeyhive) } } : {}) });
  }
  return config;
}

/** The plugin with every rule's create() replaced by one that returns no listeners. */
function withoutListeners(plugin) {
  const rules = Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, { meta: rule.meta, create: () => ({}) }]));
  return { meta: plugin.meta, rules };
}

/**
 * An ESLint instance for `kind` that lints files under `directory` (no config file lookup, no cache). A relative
 * `directory` is taken from the process's working directory, as the command line takes it: ESLint accepts only an absolute `cwd`.
 */
export async function createLinter(kind, directory, { stats = false, entry } = {}) {
  return new ESLint({
    cwd: resolve(directory),
    overrideConfigFile: true,
    overrideConfig: await lintConfig(kind, { entry }),
    cache: false,
    errorOnUnmatchedPattern: false,
    stats,
  });
}

/** Lints `directory`; returns the ESLint results and the wall and CPU time lintFiles took. */
export async function lintDirectory(kind, directory, options) {
  const eslint = await createLinter(kind, directory, options);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const results = await eslint.lintFiles(["."]);
  const cpu = process.cpuUsage(cpuStarted);
  return { results, lintMs: performance.now() - started, lintCpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Messages per rule id ("fatal" for parse errors, "other" for ESLint's own), and honeyhive examples. */
export function summarizeMessages(results) {
  const byRule = {};
  const honeyhiveExamples = [];
  for (const result of results) {
    for (const message of result.messages) {
      const key = message.fatal ? "fatal" : (message.ruleId ?? "other");
      byRule[key] = (byRule[key] ?? 0) + 1;
      if ((key === "fatal" || key.startsWith("honeyhive/")) && honeyhiveExamples.length < 10) {
        honeyhiveExamples.push(`${result.filePath}:${message.line}:${message.column} ${key}: ${message.message}`);
      }
    }
  }
  return { byRule, examples: honeyhiveExamples };
}

/** The files `lintDirectory` lints (SOURCE_FILES; the corpus holds no ignore files), in a stable order, as absolute paths (what `lintText` takes against the linter's `cwd`). */
export function sourceFilesUnder(directory) {
  return readdirSync(resolve(directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|[jt]sx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/**
 * The three configurations in one process, file by file: each file is linted without rules, with the
 * plugin and with the control (which goes first rotates from file to file and round to round), and
 * the CPU time of each call is added to its configuration. A slow-down of the machine then hits all
 * within milliseconds, where runs in separate processes a minute apart see different neighbours
 * (±10% between identical runs here, against a plugin cost of ~1%). One ratio per round.
 * An unmeasured warm-up over the first files runs first, so that the first round does not carry
 * the JIT compilation of the plugin alone (the first round came out ~10% above the others).
 * With `ruleTimes`, one more pass lints every file once with ESLint's `stats` and adds up each
 * plugin rule's time (its create() and listeners), after the rounds so that the timing calls do not
 * weigh on the measured configurations. ESLint times rules in wall time, which a loaded machine
 * inflates: the shares between the rules are the reading, not the absolute figures.
 */
const WARM_UP_FILES = 300;

export async function lintInterleaved(directory, rounds, { ruleTimes = false } = {}) {
  const files = sourceFilesUnder(directory).map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const kinds = ["baseline", "honeyhive", "control"];
  const linters = Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await createLinter(kind, directory)])));
  const cpuMicros = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  for (const { path, text } of files.slice(0, WARM_UP_FILES)) for (const kind of kinds) await linters[kind].lintText(text, { filePath: path });
  const results = [];
  let honeyhiveMessages = 0;
  for (let round = 0; round < rounds; round++) {
    const spent = { baseline: 0, honeyhive: 0, control: 0 };
    for (let index = 0; index < files.length; index++) {
      const { path, text } = files[index];
      const first = (index + round) % kinds.length;
      for (let offset = 0; offset < kinds.length; offset++) {
        const kind = kinds[(first + offset) % kinds.length];
        const started = cpuMicros();
        const [result] = await linters[kind].lintText(text, { filePath: path });
        spent[kind] += cpuMicros() - started;
        if (round === 0 && kind === "honeyhive") honeyhiveMessages += result.messages.filter((message) => message.ruleId?.startsWith("honeyhive/")).length;
      }
    }
    results.push({
      baselineMs: spent.baseline / 1000,
      honeyhiveMs: spent.honeyhive / 1000,
      controlMs: spent.control / 1000,
      ratio: spent.honeyhive / spent.baseline,
      controlRatio: spent.control / spent.baseline,
    });
  }
  return { files: files.length, honeyhiveMessages, rounds: results, ...(ruleTimes ? { ruleTimes: await pluginRuleTimes(directory, files) } : {}) };
}

/** Each plugin rule's time over `files` from ESLint's per-file `stats` (ms, summed over passes), as rows like TIMING's. */
async function pluginRuleTimes(directory, files) {
  const eslint = await createLinter("honeyhive", directory, { stats: true });
  const totals = new Map();
  for (const { path, text } of files) {
    const [result] = await eslint.lintText(text, { filePath: path });
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        if (rule.startsWith("honeyhive/")) totals.set(rule, (totals.get(rule) ?? 0) + time.total);
      }
    }
  }
  return [...totals].map(([rule, ms]) => ({ rule, ms })).sort((left, right) => right.ms - left.ms);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [kind, directoryArgument, roundsArgument, ...flags] = process.argv.slice(2);
  const directory = resolve(directoryArgument);
  if (kind === "interleaved") {
    reportResult(await lintInterleaved(directory, Number(roundsArgument ?? 5), { ruleTimes: flags.includes("--rule-times") }));
    process.exit(0);
  }
  if (kind !== "baseline" && kind !== "honeyhive" && kind !== "control") throw new Error(`unknown configuration "${kind}"`);
  const { results, lintMs, lintCpuMs } = await lintDirectory(kind, directory);
  reportResult({ kind, lintMs, lintCpuMs, files: results.length, ...summarizeMessages(results) });
}
