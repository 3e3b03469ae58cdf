import { describe, expect, it } from "vitest";
import { compileIgnorePattern, ignoreVerdict, isFileIgnored, parseIgnoreFile } from "./ignore-patterns.js";

function matches(pattern: string, path: string, isDirectory = false): boolean {
  const rule = compileIgnorePattern(pattern);
  if (!rule) throw new Error(`no rule for ${pattern}`);
  return ignoreVerdict([rule], path, isDirectory) !== undefined;
}

describe("gitignore patterns", () => {
  it("matches a pattern without a slash at any depth, and one with a slash from its base only", () => {
    expect(matches("*.gen.ts", "a.gen.ts")).toBe(true);
    expect(matches("*.gen.ts", "src/deep/a.gen.ts")).toBe(true);
    expect(matches("src/*.ts", "src/a.ts")).toBe(true);
    expect(matches("src/*.ts", "lib/src/a.ts")).toBe(false);
    expect(matches("/build", "build", true)).toBe(true);
    expect(matches("/build", "app/build", true)).toBe(false);
  });

  it("keeps * and ? inside one path segment, and lets ** span directories", () => {
    expect(matches("src/*.ts", "src/x/a.ts")).toBe(false);
    expect(matches("a?c.ts", "abc.ts")).toBe(true);
    expect(matches("a?c.ts", "a/c.ts")).toBe(false);
    expect(matches("**/fixtures/*.ts", "fixtures/a.ts")).toBe(true);
    expect(matches("**/fixtures/*.ts", "x/y/fixtures/a.ts")).toBe(true);
    expect(matches("src/**/*.test.ts", "src/a.test.ts")).toBe(true);
    expect(matches("src/**/*.test.ts", "src/a/b/c.test.ts")).toBe(true);
    expect(matches("generated/**", "generated/a/b.ts")).toBe(true);
  });

  it("matches directories only with a trailing slash, and supports classes and escapes", () => {
    expect(matches("logs/", "logs", true)).toBe(true);
    expect(matches("logs/", "logs", false)).toBe(false);
    expect(matches("[ab].ts", "b.ts")).toBe(true);
    expect(matches("[!ab].ts", "b.ts")).toBe(false);
    expect(matches("[!ab].ts", "c.ts")).toBe(true);
    expect(matches("\\#notes.ts", "#notes.ts")).toBe(true);
    expect(matches("a+b(c).ts", "a+b(c).ts")).toBe(true);
  });

  it("skips comments and blank lines; the last matching rule wins, so ! re-includes", () => {
    const rules = parseIgnoreFile("# comment\n\n*.ts\n!keep.ts\n");
    expect(rules).toHaveLength(2);
    expect(ignoreVerdict(rules, "a.ts", false)).toBe(true);
    expect(ignoreVerdict(rules, "keep.ts", false)).toBe(false);
    expect(ignoreVerdict(rules, "a.js", false)).toBeUndefined();
  });

  it("does not re-include a file inside an ignored directory", () => {
    const rules = parseIgnoreFile("vendor/\n!vendor/keep.ts\n");
    expect(isFileIgnored(rules, "vendor/keep.ts")).toBe(true);
    expect(isFileIgnored(rules, "src/vendor.ts")).toBe(false);
  });
});
