// Look-alikes, second round (cases in rules/test-utils/lookalikes-2.ts): code that resembles what a rule
// reports but is not it. Other tracing/LLM-observability SDKs with the same method names (Langfuse,
// LangSmith, Braintrust, Laminar, Traceloop, OpenInference, Helicone, Sentry, Datadog, OpenTelemetry,
// PostHog, Segment, Mixpanel, promptfoo), modules and classes named like ours (`./honeyhive`,
// `@acme/honeyhive-client`, `honeyhive-mock`, a user class `HoneyHiveTracer`), other libraries'
// sessions (lucia, Appwrite, express-session, iron-session, next-auth, mongoose), handler-shaped code that
// is not a request handler (test helpers, CLI commands, React components), correct flushes in unusual
// forms, per-tenant tracer caches, and compiled or declaration files.
//
// Each rule's own cases are RuleTester `valid` cases (cases that need other files of a project are
// linted in a temporary project), and every case is also linted with `configs.all`: a look-alike for one
// rule must not be reported by another either. Cases a rule gets wrong today are in the
// `known false reports` block at the end, asserting today's report with the reason; each has a repro in
// the hunt-lookalike review.
import { join } from "node:path";
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import plugin from "./index.js";
import { ALL_GROUPS, type LookAlike } from "./test-utils/lookalikes-2.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

type RuleName = keyof typeof ALL_GROUPS;

/**
 * Look-alikes that a rule reports today although it should not: the rule(s) that report, and why.
 * Asserted as reported below so that a fix shows up as a failing test here (move the case to quiet then).
 */
// Empty since fix-lookalike: a binding imported from a project module that was read and loads nothing
// of HoneyHive is no tracer, whatever its name or use (analysis/project-modules.ts importedTracerShape).
const KNOWN_FALSE_REPORTS: Readonly<Record<string, { readonly rules: readonly string[]; readonly reason: string }>> = {};

const makeProject = useTempProjects("lookalikes2", "all");

/** The path to lint `testCase` under, and ESLint's cwd (ESLint lints only files under its cwd). */
function materialize(testCase: LookAlike): { filename: string; cwd?: string } {
  const filename = testCase.filename ?? "src/handler.ts";
  if (testCase.files === undefined) return { filename };
  const root = makeProject({ "package.json": `{ "name": "app", "private": true }`, ...testCase.files, [filename]: testCase.code });
  return { filename: join(root, filename), cwd: root };
}

/** Every message of `rules` (default: `configs.all`) on `testCase`, as `line:column ruleId message`. */
function lint(testCase: LookAlike, only?: RuleName): string[] {
  const rules = only === undefined ? plugin.configs.all.rules : { [`honeyhive/${only}`]: "error" as const };
  const config = [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { honeyhive: plugin as unknown as { rules: Record<string, Rule.RuleModule> } },
      rules,
    },
  ] as Linter.Config[];
  const { filename, cwd } = materialize(testCase);
  const messages = new Linter({ configType: "flat", ...(cwd === undefined ? {} : { cwd }) }).verify(testCase.code, config, { filename });
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? (message.fatal ? "fatal" : "config")} ${message.message}`);
}

const ruleTester = createRuleTester();
const quietCases = (cases: readonly LookAlike[]) => cases.filter((testCase) => KNOWN_FALSE_REPORTS[testCase.name] === undefined);

for (const [ruleName, cases] of Object.entries(ALL_GROUPS) as [RuleName, readonly LookAlike[]][]) {
  describe(`${ruleName}: look-alikes stay quiet`, () => {
    const rule = plugin.rules[ruleName] as unknown as TSESLint.RuleModule<string, readonly unknown[]>;
    const inMemory = quietCases(cases).filter((testCase) => testCase.files === undefined);
    ruleTester.run(ruleName, testableRule(rule), {
      valid: inMemory.map((testCase) => ({ name: testCase.name, code: testCase.code, filename: testCase.filename ?? "src/handler.ts" })),
      invalid: [],
    });
    const inProject = quietCases(cases).filter((testCase) => testCase.files !== undefined);
    it.each(inProject.map((testCase) => [testCase.name, testCase] as const))("in a project: %s", (_name, testCase) => {
      expect(lint(testCase, ruleName)).toEqual([]);
    });
  });
}

describe("configs.all: no rule reports a look-alike of another", () => {
  const all = Object.values(ALL_GROUPS).flat();
  it("has 150+ cases with unique names", () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((testCase) => testCase.name)).size).toBe(all.length);
  });
  it.each(quietCases(all).map((testCase) => [testCase.name, testCase] as const))("%s", (_name, testCase) => {
    expect(lint(testCase)).toEqual([]);
  });
});

describe("known false reports (today's behaviour; each is a defect in the hunt-lookalike review)", () => {
  const all = Object.values(ALL_GROUPS).flat();
  it("every entry names a case", () => {
    for (const name of Object.keys(KNOWN_FALSE_REPORTS)) expect(all.map((testCase) => testCase.name)).toContain(name);
  });
  it.each(all.filter((testCase) => KNOWN_FALSE_REPORTS[testCase.name] !== undefined).map((testCase) => [testCase.name, testCase] as const))(
    "%s",
    (name, testCase) => {
      const reporting = new Set(lint(testCase).map((line) => line.split(" ")[1]));
      expect([...reporting].sort()).toEqual(KNOWN_FALSE_REPORTS[name]!.rules.map((rule) => `honeyhive/${rule}`).sort());
    },
  );
});

describe("a tracer-named import is still read by its name where its module cannot give the final answer", () => {
  const route = `import express from "express";\nimport { tracer } from "SPEC";\nconst app = express();\napp.post("/x", (req, res) => { tracer.sessionStart(); res.end(); });\n`;
  const reported = (testCase: LookAlike) => lint(testCase, "no-session-start-in-handler").length;
  it.each([
    // The module hands on a tracer made in another project module (two modules deep: its facts do not follow).
    ["a module re-getting the tracer from a project factory", "./tracing", { "src/tracing.ts": `import { makeTracer } from "./factory";\nexport const tracer = makeTracer();\n`, "src/factory.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const makeTracer = () => HoneyHiveTracer.init({ project: "p" });\n` }],
    // A path alias with no tsconfig to resolve it: the module is not read.
    ["an unresolvable path alias", "@/lib/tracing", {}],
  ] as const)("%s", (name, specifier, files) => {
    expect(reported({ name, code: route.replace("SPEC", specifier), files: { "package.json": `{ "name": "app", "private": true }`, ...files } })).toBe(1);
  });
  it("while the same name from a module that was read and loads nothing of HoneyHive is not", () => {
    const files = { "src/tracing.ts": `import { Tracer } from "@acme/tracing";\nexport const tracer = new Tracer();\n` };
    expect(reported({ name: "acme", code: route.replace("SPEC", "./tracing"), files })).toBe(0);
  });
});
