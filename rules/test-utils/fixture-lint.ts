// Lints a fixture's text with ONE rule of the plugin (ESLint 10 `Linter`, @typescript-eslint/parser),
// under the case's simulated path: what each rule's own fixture test needs. Test-only (not built).
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";

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
  return [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      // typescript-eslint's RuleModule and parser types are not ESLint's own types; same objects at runtime.
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { honeyhive: { rules: { [ruleName]: rule as unknown as Rule.RuleModule } } },
      rules: { [`honeyhive/${ruleName}`]: "error" as const },
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
