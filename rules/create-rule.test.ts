// createRule is typescript-eslint's RuleCreator with one difference: an option-less rule run without
// options is handed one shared frozen `[]` rather than a per-file clone. Everything else (docs URL,
// defaults merged under the user's options, as RuleCreator does) must stay as RuleCreator has it.
import type { JSONSchema } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { createRule, RULE_DOCS_BASE_URL } from "./create-rule.js";

type Seen = unknown[];

function recordingRule<Options extends readonly unknown[]>(name: string, defaultOptions: Options, schema: JSONSchema.JSONSchema4[], seen: Seen) {
  return createRule<Options, "never">({
    name,
    meta: { type: "problem", docs: { description: "Record the options" }, schema, messages: { never: "never" } },
    defaultOptions,
    create(context, options) {
      seen.push(options, context.options);
      return {};
    },
  });
}

// typescript-eslint's rule type and ESLint's differ in their context types; ESLint runs either.
function lint(rule: ReturnType<typeof recordingRule>, ruleConfig: Linter.RuleEntry, files: number): void {
  const linter = new Linter({ configType: "flat" });
  for (let index = 0; index < files; index++) {
    linter.verify(`const x${index} = 1;`, [{ plugins: { test: { rules: { rule: rule as unknown as Rule.RuleModule } } }, rules: { "test/rule": ruleConfig } }], `f${index}.js`);
  }
}

describe("createRule", () => {
  it("keeps RuleCreator's docs URL and metadata", () => {
    const rule = recordingRule("some-rule", [], [], []);
    expect(rule.meta.docs?.url).toBe(`${RULE_DOCS_BASE_URL}some-rule.md`);
    expect(rule.meta.type).toBe("problem");
    expect(rule.name).toBe("some-rule");
  });

  it("hands an option-less rule one frozen empty array on every file", () => {
    const seen: Seen = [];
    lint(recordingRule("no-options", [], [], seen), "error", 3);
    const options = seen.filter((_, index) => index % 2 === 0);
    expect(options).toHaveLength(3);
    expect(options[0]).toEqual([]);
    expect(Object.isFrozen(options[0])).toBe(true);
    expect(options[1]).toBe(options[0]);
    expect(options[2]).toBe(options[0]);
  });

  it("merges the user's options over the defaults like RuleCreator, without touching the defaults", () => {
    const defaults: [{ depth: number; names: string[]; nested: { a: number; b: number } }] = [{ depth: 1, names: ["x"], nested: { a: 1, b: 2 } }];
    const schema: JSONSchema.JSONSchema4[] = [{ type: "object", properties: { depth: { type: "number" }, names: { type: "array" }, nested: { type: "object" } } }];
    const seen: Seen = [];
    lint(recordingRule("with-options", defaults, schema, seen), ["error", { names: ["y"], nested: { b: 3 } }], 1);
    expect(seen[0]).toEqual([{ depth: 1, names: ["y"], nested: { a: 1, b: 3 } }]);
    expect(defaults).toEqual([{ depth: 1, names: ["x"], nested: { a: 1, b: 2 } }]);

    const unconfigured: Seen = [];
    lint(recordingRule("with-options", defaults, schema, unconfigured), "error", 2);
    expect(unconfigured[0]).toEqual(defaults);
    expect(unconfigured[0]).not.toBe(defaults[0]);
    // A fresh copy per file, as RuleCreator gives it: a rule may not leak state through its options.
    expect(unconfigured[2]).not.toBe(unconfigured[0]);
  });
});
