// The harness of the blind-case files (rules/blind-cases-4.test.ts, rules/blind-cases-5.test.ts): one case
// is a file's text linted with one rule, optionally inside a temporary project (package.json, config files).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";
import { afterAll, expect } from "vitest";
import { clearDeploymentCache } from "../../analysis/deployment.js";

export type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

/** One case: `code` linted as `filename` (relative to a temporary project when `files` are given). */
export interface Case {
  readonly name: string;
  readonly code: string;
  readonly filename?: string;
  /** Other files of the project (package.json included when given), written to a temporary folder. */
  readonly files?: Readonly<Record<string, string>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The path to lint `testCase` under, and ESLint's cwd (ESLint lints only files under its cwd). */
function materialize(testCase: Case): { filename: string; cwd?: string } {
  const filename = testCase.filename ?? "src/handler.ts";
  if (testCase.files === undefined) return { filename };
  const root = mkdtempSync(join(tmpdir(), "hh-blind-"));
  roots.push(root);
  const files = { "package.json": `{ "name": "app", "private": true }`, ...testCase.files, [filename]: testCase.code };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  clearDeploymentCache();
  return { filename: join(root, filename), cwd: root };
}

/** Lints `testCase` with `rule` alone (typescript-eslint's parser, no type information). */
export function lintCase(ruleName: string, rule: AnyRule, testCase: Case): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { honeyhive: { rules: { [ruleName]: rule as unknown as Rule.RuleModule } } },
      rules: { [`honeyhive/${ruleName}`]: "error" as const },
      ...(testCase.settings === undefined ? {} : { settings: { honeyhive: testCase.settings } }),
    },
  ];
  const { filename, cwd } = materialize(testCase);
  const messages = new Linter({ configType: "flat", ...(cwd === undefined ? {} : { cwd }) }).verify(testCase.code, config, { filename });
  // Anything but the rule's own reports and parse errors (a config warning) would make a case pass vacuously.
  expect(messages.filter((message) => message.ruleId === null && !message.fatal), showMessages(messages)).toEqual([]);
  return messages;
}

export function showMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((message) => `${message.line}: ${message.message}`).join("\n") || "(none)";
}
