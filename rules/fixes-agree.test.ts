// "The suggestion writes what the codemod writes", over every fixture: accepting each report's fix
// (its autofix, else the suggestion that does what the codemod does) until nothing is reported gives
// byte for byte the codemod's output. Both apply the finding's edits from analysis/fixes/, so this is
// a regression test of that construction, not a second specification.
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { runTransforms } from "../codemods/engine/engine.js";
import { loadFixtures, type FixtureRuleId } from "../fixtures/index.js";
import { rules } from "./index.js";
import { lintWithRule, type FixtureLintMessage } from "./test-utils/fixture-lint.js";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

/**
 * Where a report offers several suggestions, the one the codemod applies (by messageId, first match
 * wins): removing the whole tracer where it can go, else the binding alone.
 */
const CODEMOD_SUGGESTION: Record<FixtureRuleId, readonly string[]> = {
  "no-global-tracer-with-evaluate": ["removeTracer", "removeBinding"],
  "no-session-start-in-handler": [],
  "require-force-flush-in-lambda": ["awaitFlush", "wrapInTryFinally", "waitUntilFlush", "afterFlush", "flushBeforeResponse", "flushInsteadOfShutdown", "flushInsteadOfPipelineShutdown"],
  "require-explicit-tracer": [],
  // Its fixtures are all review-marker cases: wrapping an id in toSessionId() changes it, so the
  // codemod marks and the rule only suggests.
  "require-valid-session-id": [],
  // A setup above the tracer's init moves below it as a suggestion (it changes when the instrumentation starts).
  "tracer-provider-for-instrumentors": ["moveBelowInit"],
  "no-lost-session-context": ["moveBeforeFirstAwait", "moveBeforeNext"],
  "no-tracer-init-in-handler": ["hoistToGetter"],
};

interface Fix {
  readonly range: readonly [number, number];
  readonly text: string;
}

interface MessageWithFix extends FixtureLintMessage {
  readonly fix?: Fix;
  readonly suggestions?: ReadonlyArray<{ readonly messageId?: string; readonly fix: Fix }>;
}

function chosenFix(message: MessageWithFix, preference: readonly string[]): Fix | undefined {
  if (message.fix) return message.fix;
  for (const messageId of preference) {
    const suggestion = message.suggestions?.find((candidate) => candidate.messageId === messageId);
    if (suggestion) return suggestion.fix;
  }
  return undefined;
}

/** ESLint's fix loop, with each report's chosen suggestion accepted as if it were its autofix. */
function acceptEveryFix(ruleId: FixtureRuleId, rule: AnyRule, code: string, filename: string): string {
  let text = code;
  for (let pass = 0; pass < 10; pass += 1) {
    const messages = lintWithRule(ruleId, rule, text, filename) as MessageWithFix[];
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const fixes = messages.flatMap((message) => chosenFix(message, CODEMOD_SUGGESTION[ruleId]) ?? []);
    const unique = [...new Map(fixes.map((fix) => [`${fix.range[0]}:${fix.range[1]}:${fix.text}`, fix])).values()];
    unique.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    let output = "";
    let cursor = 0;
    for (const fix of unique) {
      if (fix.range[0] < cursor) continue; // overlaps one applied in this pass: the next pass sees it again
      output += text.slice(cursor, fix.range[0]) + fix.text;
      cursor = fix.range[1];
    }
    if (unique.length === 0) return text;
    text = output + text.slice(cursor);
  }
  return text;
}

const fixtures = loadFixtures().filter((fixture) => !fixture.marker);

describe("rule fixes and codemod agree on every fixture", () => {
  it("has fixtures of every rule that has a rewrite", () => {
    const markerOnly = new Set(loadFixtures().map((fixture) => fixture.rule));
    for (const fixture of fixtures) markerOnly.delete(fixture.rule);
    expect([...markerOnly]).toEqual(["require-valid-session-id"]);
    expect(new Set(fixtures.map((fixture) => fixture.rule)).size).toBe(Object.keys(CODEMOD_SUGGESTION).length - markerOnly.size);
  });

  // The rule from the plugin's table, not a dynamic import of `./${rule}.ts`: a template import of this
  // test's own folder is one vite cannot analyse (it warns on every run).
  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
    const rule = rules[fixture.rule] as AnyRule;
    const codemod = runTransforms(fixture.before, fixture.filename, { transforms: [fixture.transform] }).output;
    expect(codemod).toBe(fixture.after);
    expect(acceptEveryFix(fixture.rule, rule, fixture.before, fixture.filename)).toBe(codemod);
  });
});
