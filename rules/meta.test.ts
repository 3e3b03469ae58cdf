// Every rule is complete and written to the house style (STYLE.md, typescript-eslint's own meta
// tests as the model): a doc page whose title is its description, a RuleTester test file, fixture
// cases, and metadata in the expected shape (type, imperative description without a trailing
// period, docs URL to its page, camelCase message ids, a strict schema, default options).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixtures, type FixtureRuleId } from "../fixtures/index.js";
import { RULE_DOCS_BASE_URL } from "./create-rule.js";
import { rules } from "./index.js";
import { REPOSITORY_ROOT, RULES_DIR } from "./test-utils/rule-files.js";

const IMPERATIVE_OPENINGS = ["Disallow", "Require", "Enforce", "Prefer"];

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema & { readonly description?: string }>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema | readonly JsonSchema[];
  readonly description?: string;
}

/** Object schemas that accept unknown keys, and properties without a description, anywhere in `schema`. */
function schemaProblems(schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  if (schema.properties) {
    if (schema.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!property.description) problems.push(`${path}.${key}: needs a description`);
      problems.push(...schemaProblems(property, `${path}.${key}`));
    }
  }
  const items = schema.items === undefined ? [] : Array.isArray(schema.items) ? schema.items : [schema.items as JsonSchema];
  items.forEach((item, index) => problems.push(...schemaProblems(item, `${path}[${index}]`)));
  return problems;
}

describe.each(Object.entries(rules))("%s", (name, rule) => {
  const description = rule.meta.docs?.description ?? "";
  const docPath = join(REPOSITORY_ROOT, "docs", "rules", `${name}.md`);

  it("has a doc page titled with its description, linked from meta.docs.url", () => {
    expect(existsSync(docPath), docPath).toBe(true);
    const title = readFileSync(docPath, "utf8").split("\n")[0];
    expect(title).toBe(`# ${description} (\`honeyhive/${name}\`)`);
    expect(rule.meta.docs?.url).toBe(`${RULE_DOCS_BASE_URL}${name}.md`);
  });

  it("has a RuleTester test file next to it", () => {
    const testPath = join(RULES_DIR, `${name}.test.ts`);
    expect(existsSync(testPath), testPath).toBe(true);
    expect(readFileSync(testPath, "utf8")).toContain("RuleTester");
  });

  it("has fixture cases", () => {
    expect(loadFixtures(name as FixtureRuleId).length).toBeGreaterThan(0);
  });

  it("describes itself imperatively, without a trailing period, and is recommended", () => {
    expect(IMPERATIVE_OPENINGS).toContain(description.split(" ")[0]);
    expect(description.endsWith(".")).toBe(false);
    expect(rule.meta.docs?.recommended).toBe(true);
    expect(["problem", "suggestion", "layout"]).toContain(rule.meta.type);
  });

  it("has camelCase message ids with text", () => {
    const messages = Object.entries(rule.meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [id, text] of messages) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(text.trim().length, id).toBeGreaterThan(0);
    }
  });

  it("has a strict options schema and default options for every option", () => {
    const schema = rule.meta.schema;
    expect(Array.isArray(schema), "schema is an array of option schemas").toBe(true);
    const options = schema as readonly JsonSchema[];
    expect(options.flatMap((option, index) => schemaProblems(option, `options[${index}]`))).toEqual([]);
    expect(rule.defaultOptions).toHaveLength(options.length);
  });

  it("declares fixable / hasSuggestions with valid values", () => {
    expect([undefined, "code", "whitespace"]).toContain(rule.meta.fixable);
    expect([undefined, true, false]).toContain(rule.meta.hasSuggestions);
    expect(rule.meta.fixable !== undefined || rule.meta.hasSuggestions === true, "a mission rule offers a fix or suggestions").toBe(true);
  });
});

it("checks the strict-schema helper itself", () => {
  expect(schemaProblems({ type: "object", properties: { modules: { type: "array" } } }, "o")).toEqual([
    "o: additionalProperties must be false",
    "o.modules: needs a description",
  ]);
  expect(schemaProblems({ type: "object", additionalProperties: false, properties: { modules: { type: "array", description: "x" } } }, "o")).toEqual([]);
});
