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
}

/** Messages of `rule` (registered as `honeyhive/<ruleName>`) on `code` linted as `filename`. */
export function lintWithRule(
  ruleName: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  code: string,
  filename: string,
): FixtureLintMessage[] {
  const linter = new Linter({ configType: "flat" });
  const config = [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      // typescript-eslint's RuleModule and parser types are not ESLint's own types; same objects at runtime.
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { honeyhive: { rules: { [ruleName]: rule as unknown as Rule.RuleModule } } },
      rules: { [`honeyhive/${ruleName}`]: "error" as const },
    },
  ];
  return linter.verify(code, config, { filename });
}

export function describeLintMessages(messages: readonly FixtureLintMessage[]): string {
  return messages.map((message) => `${message.line}: ${message.ruleId ?? "fatal"}: ${message.message}`).join("\n") || "(none)";
}
