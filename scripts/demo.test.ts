// `npm run demo` (the README's first command) as a new user sees it: a screenful that says what was
// expected and whether it happened, agreeing with what the README promises; the details on request.
// Both forms are rendered from one run of the demo's work (ESLint over fixtures/, the migrate preview,
// which runs the built bin): the work is the same for both, only the text differs (scripts/demo.mjs).
// That lint is also ESLint 10's run of the fixture truth (rules/eslint-versions.test.ts runs ESLint 9's): each case's
// `before` reported by its own rule, each `after` clean but for a review marker, asserted on its results here.
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import plugin from "../rules/index.js";
import { describeLintMessages } from "../rules/test-utils/fixture-lint.js";
import { collectDemo, renderDemo } from "../scripts/demo-run.mjs";

const root = join(import.meta.dirname, "..");
let collected: Awaited<ReturnType<typeof collectDemo>>;
const runDemo = (...args: string[]): string => {
  const { text, code } = renderDemo(collected, { details: args.includes("--details") });
  expect(code).toBe(0);
  return text;
};

describe("npm run demo", () => {
  // ESLint over every fixture and the migrate preview (~32 s of CPU): past 240 s of wall time at load ~38.
  beforeAll(async () => {
    collected = await collectDemo();
  }, 600_000);

  it("prints a short summary: every before file reported, every after file as expected, the codemod's counts", () => {
    const output = runDemo();
    // Short: a screen. The summary has a line per rule, per transform and per fixture folder (the files to review are
    // one count line), so the bound is the fixed part plus those lists, not a constant that every new rule or fixture
    // folder breaks.
    const lists = output.split("\n").filter((line) => /^(?: {2}(?:honeyhive\/|[a-z0-9-]+ {2,}\d+ files?)|fixtures\/)/.test(line)).length;
    expect(output.split("\n").length - lists).toBeLessThanOrEqual(14);
    const before = /^"before" files: +(\d+)\/(\d+) reported/m.exec(output);
    expect(before?.[1]).toBe(before?.[2]);
    // The marker cases count as expected: the README says so (below), and the demo says why.
    const after = /^"after" files: +(\d+)\/(\d+) as expected: (\d+) clean(?:, (\d+) still reported beside the review marker)?/m.exec(output);
    expect(after?.[1]).toBe(after?.[2]);
    expect(Number(after?.[3]) + Number(after?.[4] ?? 0)).toBe(Number(after?.[2]));
    expect(output).not.toContain("unexpected:");
    expect(output).toMatch(/^\d+ files scanned, \d+ may use the SDK: \d+ would change, \d+ unchanged, 0 failed/m);
    expect(output).not.toContain("--- a/"); // the diff is a detail
    expect(output).toContain("npm run demo -- --details");
    // The same order every run: the fixture folders' lines sorted (ESLint's result order varies).
    const folders = output.split("\n").flatMap((line) => /^(fixtures\/[^:]+):/.exec(line)?.[1] ?? []);
    expect(folders.length).toBeGreaterThan(1);
    expect(folders).toEqual([...folders].sort());
    expect(collected.results.map((result) => result.filePath)).toEqual(collected.results.map((result) => result.filePath).sort());
  });

  it("prints every finding and the whole diff with --details", () => {
    const output = runDemo("--details");
    expect(output).toMatch(/fixtures[\\/]no-session-start-in-handler[\\/].+[\\/]before\.\w+\n +\d+:\d+ +error/);
    expect(output).toContain("--- a/fixtures/");
    expect(output).toMatch(/^\d+ files scanned/m);
  });

  it("is ESLint 10, flat configs.recommended: every fixture case's before is reported by its rule, its after is clean", () => {
    expect(ESLint.version).toMatch(/^10\./);
    const fixtureCases = loadFixtures().filter((fixture) => fixture.rule in plugin.rules);
    expect(fixtureCases.length).toBeGreaterThan(0);
    const messagesOf = (dir: string, role: "before" | "after") => {
      const found = collected.results.filter((result) => dirname(result.filePath) === dir && basename(result.filePath).startsWith(`${role}.`));
      expect(found, `${dir}: one ${role} file linted`).toHaveLength(1);
      return found[0]!.messages;
    };
    for (const fixture of fixtureCases) {
      const ruleId = `honeyhive/${fixture.rule}`;
      const before = messagesOf(fixture.dir, "before");
      expect(before.filter((message) => message.fatal), `${fixture.id}: ${describeLintMessages(before)}`).toEqual([]);
      expect(before.some((message) => message.ruleId === ruleId), `${fixture.id}: before should be reported by ${ruleId}:\n${describeLintMessages(before)}`).toBe(true);
      const after = messagesOf(fixture.dir, "after");
      expect(after.filter((message) => message.fatal), `${fixture.id}: ${describeLintMessages(after)}`).toEqual([]);
      if (!fixture.marker) expect(after, `${fixture.id}: after should be clean:\n${describeLintMessages(after)}`).toEqual([]);
    }
  });

  it("the README describes what the demo prints", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const paragraph = readme.slice(readme.indexOf("### Try it on the bundled fixtures"), readme.indexOf("<!-- section:eslint:end -->"));
    expect(paragraph).toMatch(/review marker/);
    expect(paragraph).toContain("npm run demo -- --details");
  });
});
