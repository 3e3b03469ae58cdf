// The harness of the blind-case files (rules/blind-cases-4.test.ts to rules/blind-cases-8.test.ts; `lintCase`
// also serves the fix-blind blocks of the rules' own tests): one case is a file's text linted with one rule,
// optionally inside a temporary project (package.json, config files). `lintCaseWith` lints it with several rules at
// once (rules/blind-cases-17.test.ts: all eight).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { clearDeploymentCache } from "../../analysis/deployment.js";
import { configForRules } from "./fixture-lint.js";
import type { BlindProgram } from "./programs.js";

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

/** A case of `name` and `code`, with its `filename`, project `files` or `settings` in `extra`. */
export const caseOf = (name: string, code: string, extra: Omit<Case, "name" | "code"> = {}): Case => ({ name, code, ...extra });

/** The path to lint `testCase` under, and ESLint's cwd (ESLint lints only files under its cwd). */
function materialize(testCase: Case): { filename: string; cwd?: string } {
  const filename = testCase.filename ?? "src/handler.ts";
  if (testCase.files === undefined) return { filename };
  const root = mkdtempSync(join(tmpdir(), "hh-blind-"));
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
  return lintCaseWith({ [ruleName]: rule }, testCase);
}

/** Lints `testCase` with every rule of `rules` (by name, without the `honeyhive/` prefix) at once. */
export function lintCaseWith(rules: Readonly<Record<string, AnyRule>>, testCase: Case): Linter.LintMessage[] {
  const config = configForRules(rules, testCase.settings);
  const { filename, cwd } = materialize(testCase);
  let messages: Linter.LintMessage[];
  try {
    messages = new Linter({ configType: "flat", ...(cwd === undefined ? {} : { cwd }) }).verify(testCase.code, config, { filename });
  } finally {
    // Removed as soon as the case is linted: a module-level afterAll registered only in the first file of a
    // shared worker (isolate: false) that imported this module, so the other files' folders stayed in /tmp.
    if (cwd !== undefined) rmSync(cwd, { recursive: true, force: true });
  }
  // Anything but the rule's own reports and parse errors (a config warning) would make a case pass vacuously.
  expect(messages.filter((message) => message.ruleId === null && !message.fatal), showMessages(messages)).toEqual([]);
  return messages;
}

export function showMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((message) => `${message.line}: ${message.message}`).join("\n") || "(none)";
}

/**
 * The rules each case of describeBlindCases is asserted with, gathered while the tests are collected (before any
 * runs). A case that several rules are asserted on (blind-cases-16.test.ts: every quiet case with all eight) is linted
 * once with all of them: ESLint runs every enabled rule over one parse and reports each message under its rule's id,
 * so a rule's messages in that lint are the messages of a lint with that rule alone (and a rule that throws fails the
 * lint, hence every case it is in). Messages of no rule (a parse failure, an unused directive) count for every rule.
 */
const rulesOfCase = new WeakMap<Case, Map<string, AnyRule>>();
const messagesOfSharedCase = new WeakMap<Case, readonly Linter.LintMessage[]>();

function assertedWith(ruleName: string, rule: AnyRule, cases: readonly Case[]): void {
  for (const testCase of cases) {
    const rules = rulesOfCase.get(testCase) ?? new Map<string, AnyRule>();
    rules.set(ruleName, rule);
    rulesOfCase.set(testCase, rules);
  }
}

/** The messages of `rule` (and of no rule) on `testCase`: its own lint, or its part of the case's one lint with every rule it is asserted with. */
function lintCaseOnce(ruleName: string, rule: AnyRule, testCase: Case): Linter.LintMessage[] {
  const rules = rulesOfCase.get(testCase);
  if (rules === undefined || rules.size < 2) return lintCase(ruleName, rule, testCase);
  let messages = messagesOfSharedCase.get(testCase);
  if (messages === undefined) {
    messages = lintCaseWith(Object.fromEntries(rules), testCase);
    messagesOfSharedCase.set(testCase, messages);
  }
  return messages.filter((message) => message.ruleId === null || message.ruleId === `honeyhive/${ruleName}`);
}

/** Lints a case once: all messages (none fatal) and the rule's own reports among them. */
function run(ruleName: string, rule: AnyRule, testCase: Case): { all: string; own: number; messages: readonly unknown[] } {
  const messages = lintCaseOnce(ruleName, rule, testCase);
  const all = showMessages(messages);
  expect(messages.some((message) => message.fatal === true), all).toBe(false);
  return { all, own: messages.filter((message) => message.ruleId === `honeyhive/${ruleName}`).length, messages };
}

/**
 * A case the core gets wrong today, matched by rule and a part of the case name, with the class of the
 * failure (defect: the analysis is wrong; design: a documented limit) and a reason line. A `miss` applies
 * to `reported` cases only, a `false` report to `quiet` ones. It asserts today's behaviour, so the file
 * stays green and a fix turns it red (then delete the entry).
 */
export interface Known { readonly rule: string; readonly kind: "miss" | "false"; readonly match: string; readonly reason: string }

/**
 * The tests of one rule's blind cases (rules/blind-cases-6.test.ts, rules/blind-cases-7.test.ts):
 * `reported` cases must get a report of the rule, `quiet` ones none, except the `known` entries, which
 * assert today's behaviour; no case may crash or fail to parse.
 */
export function describeBlindCases(ruleName: string, rule: AnyRule, cases: { reported: readonly Case[]; quiet: readonly Case[] }, known: readonly Known[]): void {
  const knownOf = (kind: Known["kind"], testCase: Case): Known | undefined =>
    known.find((entry) => entry.rule === ruleName && entry.kind === kind && testCase.name.includes(entry.match));
  assertedWith(ruleName, rule, [...cases.reported, ...cases.quiet]);
  const reported = cases.reported.filter((testCase) => knownOf("miss", testCase) === undefined);
  const quiet = cases.quiet.filter((testCase) => knownOf("false", testCase) === undefined);
  if (reported.length > 0) {
    it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => {
      const { own, all } = run(ruleName, rule, testCase);
      expect(own, all).toBeGreaterThan(0);
    });
  }
  if (quiet.length > 0) {
    it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => {
      const { messages, all } = run(ruleName, rule, testCase);
      expect(messages, all).toEqual([]);
    });
  }
  const missed = cases.reported.filter((testCase) => knownOf("miss", testCase) !== undefined);
  const falselyReported = cases.quiet.filter((testCase) => knownOf("false", testCase) !== undefined);
  if (missed.length > 0) {
    it.each(missed.map((testCase) => [testCase.name, testCase] as const))("known miss (should be reported, is not today): %s", (_name, testCase) => {
      expect(run(ruleName, rule, testCase).own).toBe(0);
    });
  }
  if (falselyReported.length > 0) {
    it.each(falselyReported.map((testCase) => [testCase.name, testCase] as const))("known false report (should be quiet, is reported today): %s", (_name, testCase) => {
      expect(run(ruleName, rule, testCase).own).toBeGreaterThan(0);
    });
  }
}

/** Short names of the eight rules in the blind rounds' expectations (`flush:7` = require-force-flush-in-lambda on line 7). */
export const SHORT_RULE_NAMES = {
  flush: "require-force-flush-in-lambda",
  init: "no-tracer-init-in-handler",
  provider: "tracer-provider-for-instrumentors",
  explicit: "require-explicit-tracer",
  start: "no-session-start-in-handler",
  evaluate: "no-global-tracer-with-evaluate",
  lost: "no-lost-session-context",
  sid: "require-valid-session-id",
} as const;
const SHORT_OF_RULE = new Map(Object.entries(SHORT_RULE_NAMES).map(([short, rule]) => [`honeyhive/${rule}`, short]));

/**
 * Every message of `rules` (the plugin's eight, all on) on `code` linted as `path` of a temporary project of `files`,
 * as `short:line`, sorted; a message of no rule of these (a parse failure, a config warning) fails the case.
 */
export function lintWithAllRules(rules: Readonly<Record<string, AnyRule>>, path: string, code: string, files: Readonly<Record<string, string>>): string[] {
  return lintMessagesWithAllRules(rules, path, code, files).map((message) => `${SHORT_OF_RULE.get(message.ruleId!)}:${message.line}`).sort();
}

/** `lintWithAllRules`'s messages, whole (where a case asserts what a message says). */
export function lintMessagesWithAllRules(rules: Readonly<Record<string, AnyRule>>, path: string, code: string, files: Readonly<Record<string, string>>): Linter.LintMessage[] {
  const config = configForRules(rules);
  const { filename, cwd } = materialize({ name: path, code, filename: path, files });
  let messages: Linter.LintMessage[];
  try {
    messages = new Linter({ configType: "flat", cwd }).verify(code, config, { filename });
  } finally {
    if (cwd !== undefined) rmSync(cwd, { recursive: true, force: true });
  }
  const foreign = messages.filter((message) => !SHORT_OF_RULE.has(message.ruleId ?? ""));
  expect(foreign.map((message) => `${message.line}: ${message.message}`)).toEqual([]);
  return messages;
}

/** A program of a blind round's shared module (by its export name), what it is, and the messages expected on it. */
export interface ProgramCase<Name extends string> {
  readonly name: Name;
  readonly title: string;
  /** `short:line` of SHORT_RULE_NAMES, in any order. */
  readonly expected: readonly string[];
}

/**
 * The tests of a blind round whose programs live in a shared module (rules/test-utils/blind-19-programs.ts and the
 * like): the round names every program of `programs` in one of `groups`, at least `least` of them, and each program,
 * linted once with all of `rules` (lintWithAllRules), gets exactly its expected messages.
 */
export function describeProgramRound<Name extends string>(
  round: string,
  rules: Readonly<Record<string, AnyRule>>,
  programs: Readonly<Record<Name, BlindProgram>>,
  groups: readonly (readonly [string, readonly ProgramCase<Name>[]])[],
  least: number,
): void {
  describe(round, () => {
    it(`has ${least} programs or more, each with an expectation`, () => {
      const named = groups.flatMap(([, cases]) => cases.map((entry) => entry.name));
      expect(named.length).toBeGreaterThanOrEqual(least);
      expect([...named].sort()).toEqual(Object.keys(programs).sort());
    });
    for (const [group, cases] of groups) {
      describe(group, () => {
        it.each(cases.map((entry) => [entry.title, entry] as const))("%s", (_title, { name, expected }) => {
          const { path, code, files } = programs[name];
          expect(lintWithAllRules(rules, path, code, files)).toEqual([...expected].sort());
        });
      });
    }
  });
}
