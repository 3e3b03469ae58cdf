// One ESLint run in a fresh process (the parent alternates configurations and takes medians):
//   node bench/lib/lint-child.mjs <baseline|honeyhive> <directory>
// `baseline`: the typescript-eslint parser and no rules. `honeyhive`: the same plus the plugin's
// recommended config, loaded from the build (dist/esm) exactly as a user's config loads it.
// `all` (robustness runs): every rule of the plugin.
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { RULES_ENTRY } from "./paths.mjs";
import { reportResult } from "./measure.mjs";

const SOURCE_FILES = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

export async function lintConfig(kind) {
  const config = [
    {
      files: SOURCE_FILES,
      languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
      // The corpus carries its authors' inline directives for rules that are not loaded here.
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
    },
  ];
  if (kind === "honeyhive" || kind === "all") {
    const { default: honeyhive } = await import(pathToFileURL(RULES_ENTRY).href);
    config.push({ ...honeyhive.configs[kind === "all" ? "all" : "recommended"], files: SOURCE_FILES });
  }
  return config;
}

/** An ESLint instance for `kind` that lints files under `directory` (no config file lookup, no cache). */
export async function createLinter(kind, directory, { stats = false } = {}) {
  return new ESLint({
    cwd: directory,
    overrideConfigFile: true,
    overrideConfig: await lintConfig(kind),
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

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [kind, directoryArgument] = process.argv.slice(2);
  const directory = resolve(directoryArgument);
  if (kind !== "baseline" && kind !== "honeyhive") throw new Error(`unknown configuration "${kind}"`);
  const { results, lintMs, lintCpuMs } = await lintDirectory(kind, directory);
  reportResult({ kind, lintMs, lintCpuMs, files: results.length, ...summarizeMessages(results) });
}
