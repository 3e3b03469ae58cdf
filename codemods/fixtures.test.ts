// The one truth shared with the rules: every fixture pair, run through the engine.
//   before → exactly after (with its transform, and with all transforms)
//   after → unchanged; before twice → same as once (markers not duplicated)
//   the rule reports nothing on the output (unless the case leaves a review marker)
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, loadFixtures, type FixtureCase } from "../fixtures/index.js";
import { describeLintMessages, lintWithRule } from "../rules/test-utils/fixture-lint.js";
import { runTransforms } from "./engine/engine.js";
import { countMarkers } from "./engine/markers.js";

const cases = loadFixtures();
const REPO_ROOT = join(FIXTURES_DIR, "..");

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

async function loadRule(fixture: FixtureCase): Promise<AnyRule> {
  const module = (await import(`../rules/${fixture.rule}.ts`)) as { default: AnyRule };
  return module.default;
}

describe.each(cases.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
  // The runs that two tests read, made once per fixture (a run keeps no state the next one sees): `before` with
  // its own transform, and each text given all transforms, by the text itself (the second run of `before`'s
  // output is the run of `after` whenever the first test passes).
  let ownTransformRun: ReturnType<typeof runTransforms> | undefined;
  const allTransformsRuns = new Map<string, ReturnType<typeof runTransforms>>();
  const withOwnTransform = () => (ownTransformRun ??= runTransforms(fixture.before, fixture.filename, { transforms: [fixture.transform] }));
  const withAllTransforms = (text = fixture.before) => {
    let run = allTransformsRuns.get(text);
    if (!run) allTransformsRuns.set(text, (run = runTransforms(text, fixture.filename)));
    return run;
  };

  it("turns before into exactly after with its transform", () => {
    const result = withOwnTransform();
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(fixture.after);
    expect(result.markers).toBe(countMarkers(fixture.after));
    if (fixture.marker) expect(result.markers).toBeGreaterThan(0);
  });

  it("turns before into exactly after with all transforms", () => {
    expect(withAllTransforms().output).toBe(fixture.after);
  });

  it("leaves after byte-identical (idempotent)", () => {
    const result = withAllTransforms(fixture.after);
    expect(result.error).toBeUndefined();
    expect(result.changed).toBe(false);
    expect(result.output).toBe(fixture.after);
  });

  it("changes nothing on a second run and keeps every comment", () => {
    const once = withAllTransforms().output;
    const twice = withAllTransforms(once);
    expect(twice.output).toBe(once);
    expect(countMarkers(twice.output)).toBe(countMarkers(once));
    for (const comment of fixture.before.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []) {
      if (fixture.after.includes(comment)) expect(once).toContain(comment);
    }
  });

  it("gives the same result with CRLF line endings and with tab indentation", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    expect(runTransforms(crlf(fixture.before), fixture.filename).output).toBe(crlf(fixture.after));
    // Two leading spaces per level become one tab, in before and after alike. (A file with no
    // indented line has no style to follow: the codemod indents with two spaces there.)
    const tabs = (text: string) => text.replace(/^((?:  )+)/gm, (indent) => "\t".repeat(indent.length / 2));
    if (/^ {2}/m.test(fixture.before)) expect(runTransforms(tabs(fixture.before), fixture.filename).output).toBe(tabs(fixture.after));
  });

  // The rules are written in parallel; until a fixture's rule module exists there is nothing to lint with.
  it.skipIf(!existsSync(join(REPO_ROOT, "rules", `${fixture.rule}.ts`)))("is not reported by the rule after the codemod", async () => {
    const output = withOwnTransform().output;
    const messages = lintWithRule(fixture.rule, await loadRule(fixture), output, fixture.filename);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // A marked place may still be reported (a person decides); everything else must be fixed.
    if (!fixture.marker) expect(describeLintMessages(messages)).toBe("(none)");
  });
});
describe("fixture coverage", () => {
  it("covers every transform and the .ts/.tsx/.mts/.cts/.js extensions", () => {
    const transforms = new Set(cases.map((fixture) => fixture.transform));
    const extensions = new Set(cases.map((fixture) => fixture.filename.slice(fixture.filename.lastIndexOf("."))));
    expect([...transforms].sort()).toEqual([
      "evaluate-managed-tracer", "explicit-tracer", "hoist-tracer-init", "instrumentation-provider", "lambda-force-flush", "lost-session-context", "session-start-to-create-session", "validate-session-id",
    ]);
    for (const extension of [".ts", ".tsx", ".mts", ".cts", ".js"]) expect(extensions).toContain(extension);
  });
});
