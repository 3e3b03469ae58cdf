// The rule docs stay true: eslint-doc-generator's headers and README table are current (its
// --check, offline, against the built plugin), and every example in docs/rules/*.md does what its
// label says when linted with that rule: each fenced block after a "❌ Incorrect" line is reported,
// each block after a "✅ Correct" line is not. A block is linted as `example.<fence language>`, or
// as the path given in its fence info (```ts filename="app/api/chat/route.ts").
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "./index.js";
import { describeLintMessages, lintWithRule } from "./test-utils/fixture-lint.js";
import { REPOSITORY_ROOT } from "./test-utils/rule-files.js";

interface DocExample {
  readonly expectation: "incorrect" | "correct";
  readonly code: string;
  readonly filename: string;
  /** 1-based line of the opening fence, for failure messages. */
  readonly line: number;
}

/** The ❌/✅ examples of a rule page: fenced blocks after a label line, until the next heading. */
function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split("\n");
  let expectation: DocExample["expectation"] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith("#")) expectation = undefined;
    else if (line.startsWith("❌")) expectation = "incorrect";
    else if (line.startsWith("✅")) expectation = "correct";
    const fence = /^```(\w+)(.*)$/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf("```", index + 1);
    if (end < 0) throw new Error(`unclosed code fence at line ${index + 1}`);
    const [, language, info] = fence;
    if (expectation && ["ts", "tsx", "js", "jsx", "mts", "cts", "mjs", "cjs"].includes(language)) {
      const filename = /filename="([^"]+)"/.exec(info)?.[1] ?? `src/example.${language}`;
      examples.push({ expectation, code: lines.slice(index + 1, end).join("\n") + "\n", filename, line: index + 1 });
    }
    index = end;
  }
  return examples;
}

const ruleNames = Object.keys(rules) as (keyof typeof rules)[];

describe.each(ruleNames)("docs/rules/%s.md examples", (ruleName) => {
  const examples = docExamples(readFileSync(join(REPOSITORY_ROOT, "docs", "rules", `${ruleName}.md`), "utf8"));
  const rule = rules[ruleName];

  it("has at least one ❌ and one ✅ example", () => {
    expect(examples.some((example) => example.expectation === "incorrect")).toBe(true);
    expect(examples.some((example) => example.expectation === "correct")).toBe(true);
  });

  it.each(examples.map((example) => [`${example.expectation} example at line ${example.line}`, example] as const))("%s", (_label, example) => {
    const messages = lintWithRule(ruleName, rule, example.code, example.filename);
    expect(messages.filter((message) => message.fatal), describeLintMessages(messages)).toEqual([]);
    const reported = messages.some((message) => message.ruleId === `honeyhive/${ruleName}`);
    expect(reported, `${example.expectation} example:\n${example.code}\nmessages:\n${describeLintMessages(messages)}`).toBe(
      example.expectation === "incorrect",
    );
  });
});

describe("docs example extraction (guards the parser above)", () => {
  it("labels blocks by the nearest ❌/✅ line, stops at headings, reads filename from the fence", () => {
    const markdown = [
      "# Title",
      "```ts",
      "unlabelled();",
      "```",
      "## Examples",
      "❌ Incorrect",
      "```ts",
      "bad();",
      "```",
      "✅ Correct",
      '```ts filename="app/api/chat/route.ts"',
      "good();",
      "```",
      "## Options",
      "```json",
      "{}",
      "```",
    ].join("\n");
    expect(docExamples(markdown)).toEqual([
      { expectation: "incorrect", code: "bad();\n", filename: "src/example.ts", line: 7 },
      { expectation: "correct", code: "good();\n", filename: "app/api/chat/route.ts", line: 11 },
    ]);
  });
});

function runDocsCheck(root?: string) {
  const args = [join(REPOSITORY_ROOT, "scripts", "docs-rules.mjs"), "--check", ...(root ? ["--root", root] : [])];
  return spawnSync(process.execPath, args, { cwd: REPOSITORY_ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("eslint-doc-generator (npm run docs:rules:check)", () => {
  it("finds the rule doc headers and the README rules table up to date", () => {
    const check = runDocsCheck();
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it("fails when the README rules table is stale", () => {
    const copy = mkdtempSync(join(tmpdir(), "honeyhive-docs-check-"));
    try {
      for (const path of ["README.md", "docs", ".eslint-doc-generatorrc.json"]) cpSync(join(REPOSITORY_ROOT, path), join(copy, path), { recursive: true });
      const readme = readFileSync(join(copy, "README.md"), "utf8");
      const [firstRule] = ruleNames;
      const description = rules[firstRule].meta.docs?.description ?? "";
      expect(readme).toContain(description);
      writeFileSync(join(copy, "README.md"), readme.replace(description, "An outdated description"));
      const check = runDocsCheck(copy);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain("rules table");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
