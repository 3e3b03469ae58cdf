// Lints a fixture's text with ONE rule of the plugin (ESLint 10 `Linter`, @typescript-eslint/parser),
// under the case's simulated path: what each rule's own fixture test needs. Test-only (not built).
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { loadFixtures, type FixtureRuleId } from "../../fixtures/index.js";

export interface FixtureLintMessage {
  readonly ruleId: string | null;
  readonly messageId?: string;
  readonly message: string;
  readonly line: number;
  readonly fatal?: boolean;
  readonly suggestions?: ReadonlyArray<{ readonly fix: { readonly range: readonly [number, number]; readonly text: string } }>;
}

/** A flat config that enables only `rule`, registered as `honeyhive/<ruleName>`, on every source extension. */
export function configForRule(ruleName: string, rule: TSESLint.RuleModule<string, readonly unknown[]>): Linter.Config[] {
  return configForRules({ [ruleName]: rule });
}

/**
 * A flat config that enables every rule of `rules` at once, each as `honeyhive/<ruleName>`, on every source
 * extension, with `settings` as the plugin's settings (`settings.honeyhive`) when given.
 */
export function configForRules(
  rules: Readonly<Record<string, TSESLint.RuleModule<string, readonly unknown[]>>>,
  settings?: Readonly<Record<string, unknown>>,
): Linter.Config[] {
  return [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      // typescript-eslint's RuleModule and parser types are not ESLint's own types; same objects at runtime.
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { honeyhive: { rules: rules as unknown as Record<string, Rule.RuleModule> } },
      rules: Object.fromEntries(Object.keys(rules).map((ruleName) => [`honeyhive/${ruleName}`, "error" as const])),
      ...(settings === undefined ? {} : { settings: { honeyhive: settings } }),
    },
  ];
}

/** Messages of `rule` (registered as `honeyhive/<ruleName>`) on `code` linted as `filename`. */
export function lintWithRule(
  ruleName: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  code: string,
  filename: string,
): FixtureLintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, configForRule(ruleName, rule), { filename });
}

/** `code` after the rule's autofixes (ESLint's fix loop). */
export function fixWithRule(
  ruleName: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  code: string,
  filename: string,
): string {
  return new Linter({ configType: "flat" }).verifyAndFix(code, configForRule(ruleName, rule), { filename }).output;
}

export function describeLintMessages(messages: readonly FixtureLintMessage[]): string {
  return messages.map((message) => `${message.line}: ${message.ruleId ?? "fatal"}: ${message.message}`).join("\n") || "(none)";
}

/**
 * The fixture truth for one rule, as vitest tests: every `before` of its folder is reported, every
 * `after` is clean (unless the case says the codemod leaves a review marker there).
 */
export function describeFixtureTruth(
  ruleName: FixtureRuleId,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
): void {
  describe(`${ruleName} fixtures`, () => {
    const fixtures = loadFixtures(ruleName);
    it("has fixture cases", () => expect(fixtures.length).toBeGreaterThan(0));
    it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
      const before = lintWithRule(ruleName, rule, fixture.before, fixture.filename);
      expect(before.filter((message) => message.fatal), describeLintMessages(before)).toEqual([]);
      expect(before.length, `before should be reported:\n${describeLintMessages(before)}`).toBeGreaterThan(0);
      const after = lintWithRule(ruleName, rule, fixture.after, fixture.filename);
      expect(after.filter((message) => message.fatal), describeLintMessages(after)).toEqual([]);
      if (!fixture.marker) expect(after, describeLintMessages(after)).toEqual([]);
    });
  });
}

/** Inputs that have tripped AST walkers before: odd exports, generators, labels, spreads, re-exports. */
const ODD_INPUTS = [
  "export default 1; module.exports = 2; exports[key] = 3; new (class {})();",
  `import * as honeyhive from "honeyhive";\nexport const handler = async function* () { yield honeyhive; };`,
  `import { tracer } from "./tracing";\nexport { handler } from "./elsewhere";\nexport const GET = 1;\nmodule.exports = { handler: null, ["x"]: 1, ...rest };`,
  `import { tracer } from "./tracing";\nexports.handler = async () => { label: for (;;) { switch (1) { default: break label; } } tracer.sessionStart(); };`,
];

/**
 * Rules never crash the lint run: over every fixture of every rule and some odd inputs, under a
 * TypeScript, a CommonJS and a Next.js route path, no message is fatal except genuine parse errors.
 * Every rule of `rules` runs in the same lint of an input (one parse serves them all, as in a user's
 * lint with the plugin's config); a rule that throws fails the lint with its name in the error.
 */
export function describeRulesNeverThrow(rules: Readonly<Record<string, TSESLint.RuleModule<string, readonly unknown[]>>>): void {
  describe(`${Object.keys(rules).join(", ")} never throw`, () => {
    const inputs = [...loadFixtures().flatMap((fixture) => [fixture.before, fixture.after]), ...ODD_INPUTS];
    const config = configForRules(rules);
    const linter = new Linter({ configType: "flat" });
    it.each(inputs.map((code, index) => [index, code] as const))("input %i", (_index, code) => {
      for (const filename of ["src/file.ts", "src/file.cjs", "app/api/x/route.ts"]) {
        const messages = linter.verify(code, config, { filename });
        expect(messages.filter((message) => message.fatal && !/Parsing error/.test(message.message))).toEqual([]);
      }
    });
  });
}

/** {@link describeRulesNeverThrow} for one rule alone. */
export function describeNeverThrows(ruleName: string, rule: TSESLint.RuleModule<string, readonly unknown[]>): void {
  describeRulesNeverThrow({ [ruleName]: rule });
}
