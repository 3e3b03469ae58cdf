// Issue 13: an App Router page's server component (and `generateMetadata`) is a flush entry point on a serverless
// host, but a `try { … } finally { await tracer.forceFlush() }` around a component's body flushes before its children
// finish streaming, on every render. Its entry kind asks for the flush after the response (`flushShape: "after"` on the
// Next.js descriptor's page convention): `after(() => tracer.forceFlush())` of next/server first in the body, and no
// fix where `after` cannot be written (another binding has the name, or the project's Next.js predates it). Route
// handlers keep what their platform gives them (try/finally before Next.js 15.1).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
/** `TRACER` with `import { after } from "next/server"` added after its import, where the fix adds it. */
const TRACER_AFTER = TRACER.replace("\n", `\nimport { after } from "next/server";\n`);
const SERVERLESS = { honeyhive: { serverless: true } };
const PAGE = `${TRACER}export default async function Page() {\n  tracer.createSession();\n  return await render();\n}\n`;
const AFTER_PAGE = `${TRACER_AFTER}export default async function Page() {\n  after(() => tracer.forceFlush());\n  tracer.createSession();\n  return await render();\n}\n`;
const METADATA = `${TRACER}export async function generateMetadata() {\n  tracer.createSession();\n  return { title: "t" };\n}\n`;
const AFTER_METADATA = `${TRACER_AFTER}export async function generateMetadata() {\n  after(() => tracer.forceFlush());\n  tracer.createSession();\n  return { title: "t" };\n}\n`;
const TAKEN = `${TRACER}const after = (fn: () => unknown) => fn;\nexport default async function Page() {\n  tracer.createSession();\n  return await render();\n}\n`;

createRuleTester().run(RULE_NAME, testableRule(rule), {
  valid: [
    // The shape the fix writes counts as the page's flush.
    { code: AFTER_PAGE, filename: "app/page.tsx", settings: SERVERLESS },
  ],
  invalid: [
    {
      code: PAGE,
      filename: "app/chat/page.tsx",
      settings: SERVERLESS,
      errors: [{ messageId: "missingFlush", suggestions: [{ messageId: "afterFlush", data: { flush: "tracer.forceFlush()" }, output: AFTER_PAGE }] }],
    },
    {
      code: METADATA,
      filename: "app/chat/layout.tsx",
      settings: SERVERLESS,
      errors: [{ messageId: "missingFlush", suggestions: [{ messageId: "afterFlush", data: { flush: "tracer.forceFlush()" }, output: AFTER_METADATA }] }],
    },
    // `after` is another binding here: no suggestion (not a try/finally around the component).
    { code: TAKEN, filename: "app/page.tsx", settings: SERVERLESS, errors: [{ messageId: "missingFlush", suggestions: [] }] },
  ],
});

describe("a page's flush shape is its entry kind's, a route handler's its platform's", () => {
  const project = (next: string) => ({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", next } }), "vercel.json": "{}" });
  const suggestionOf = (testCase: Case) => {
    const messages = lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`);
    expect(messages).toHaveLength(1);
    return messages[0].suggestions ?? [];
  };

  it("a route handler on Next.js 15.0 keeps try/finally", () => {
    const code = `${TRACER}export async function GET() {\n  tracer.createSession();\n  return Response.json({});\n}\n`;
    const [suggestion] = suggestionOf({ name: "route", code, filename: "app/api/chat/route.ts", files: project("^15.0.3") });
    expect(suggestion.messageId).toBe("wrapInTryFinally");
    expect(suggestion.fix.text).toContain("} finally {\n    await tracer.forceFlush();\n  }");
  });

  const temp = useTempProjects("short-after");

  it("a page on Next.js 15.0 (no after) gets no try/finally: no suggestion, a review marker from migrate", () => {
    expect(suggestionOf({ name: "page", code: PAGE, filename: "app/page.tsx", files: project("^15.0.3") })).toEqual([]);
    const filename = join(temp({ ...project("^15.0.3"), "app/": "" }), "app", "page.tsx");
    const output = runTransforms(PAGE, filename, { transforms: ["lambda-force-flush"] }).output;
    expect(output).not.toContain("} finally {");
    expect(output).toContain("after(() => tracer.forceFlush())");
  });

  it("the codemod writes the suggestion's after() on a page, and nothing but a marker where the name is taken", () => {
    expect(runTransforms(PAGE, "app/chat/page.tsx", { transforms: ["lambda-force-flush"], settings: SERVERLESS.honeyhive }).output).toBe(AFTER_PAGE);
    const taken = runTransforms(TAKEN, "app/page.tsx", { transforms: ["lambda-force-flush"], settings: SERVERLESS.honeyhive }).output;
    expect(taken).not.toContain("} finally {");
    expect(taken).toContain("after(() => tracer.forceFlush())");
  });
});
