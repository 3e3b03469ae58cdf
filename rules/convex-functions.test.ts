// Convex functions (analysis/knowledge/frameworks/convex.ts, found on real code: real-code-public-5's 05):
// a handler of `action`/`mutation`/`query` runs once per call, and a public one's arguments are the client's.
import { describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import noTracerInit, { RULE_NAME as NO_TRACER_INIT } from "./no-tracer-init-in-handler.js";
import requireValidSessionId, { RULE_NAME as REQUIRE_VALID_SESSION_ID } from "./require-valid-session-id.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const files = { "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", convex: "^1.17.0" } }) };
const convexFile = (code: string, filename = "convex/chat.ts"): Case => ({ name: `${filename}: ${code}`, code: `import { HoneyHiveTracer } from "honeyhive";\n${code}`, filename, files });
const reportsOf = (name: string, rule: unknown) => (testCase: Case): number =>
  lintCase(name, rule as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${name}`).length;
const INIT = `HoneyHiveTracer.init({ project: "chat" })`;
const SHARED = `const tracer = ${INIT};\n`;

describe("no-tracer-init-in-handler: a tracer made in a Convex function's handler", () => {
  const reports = reportsOf(NO_TRACER_INIT, noTracerInit);
  const reported: Case[] = [
    convexFile(`import { action } from "./_generated/server";\nexport const ask = action({ args: {}, handler: async (ctx) => { const tracer = ${INIT}; tracer.createSession(); } });`),
    convexFile(`import { internalMutation } from "../_generated/server";\nexport const save = internalMutation(async (ctx) => { ${INIT}; });`, "convex/chat/save.ts"),
    convexFile(`import { httpAction } from "./_generated/server";\nexport const hook = httpAction(async (ctx, request) => { ${INIT}; return new Response("ok"); });`),
  ];
  const quiet: Case[] = [
    // The tracer made once at module level; an `action` of another module.
    convexFile(`import { action } from "./_generated/server";\n${SHARED}export const ask = action({ args: {}, handler: async (ctx) => { tracer.createSession(); } });`),
    convexFile(`import { action } from "./lib/actions";\nexport const ask = action({ handler: async () => { ${INIT}; } });`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

describe("require-valid-session-id: a public Convex function's arguments are the client's", () => {
  const reports = reportsOf(REQUIRE_VALID_SESSION_ID, requireValidSessionId);
  const reported: Case[] = [
    convexFile(`import { v } from "convex/values";\nimport { action } from "./_generated/server";\n${SHARED}export const ask = action({ args: { sessionId: v.string() }, handler: async (ctx, args) => { tracer.createSession({ sessionId: args.sessionId }); } });`),
    convexFile(`import { mutation } from "./_generated/server";\n${SHARED}export const turn = mutation({ handler: async (ctx, { sessionId }: { sessionId: string }) => { tracer.createSession({ sessionId, skipApiCall: true }); } });`),
  ];
  const quiet: Case[] = [
    // Checked first; an internal function's arguments (another Convex function, a cron or the scheduler sent them).
    convexFile(`import { isSessionId } from "honeyhive";\nimport { action } from "./_generated/server";\n${SHARED}export const ask = action({ handler: async (ctx, args: { sessionId: string }) => { if (!isSessionId(args.sessionId)) throw new Error("bad id"); tracer.createSession({ sessionId: args.sessionId }); } });`),
    convexFile(`import { internalAction } from "./_generated/server";\n${SHARED}export const resume = internalAction({ handler: async (ctx, args: { sessionId: string }) => { tracer.createSession({ sessionId: args.sessionId, skipApiCall: true }); } });`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

describe("require-force-flush-in-lambda: a Convex action may not finish what is pending when it returns", () => {
  const reports = reportsOf(FLUSH_RULE, flushRule);
  const BODY = `tracer.createSession({ sessionName: "ask" });\n    return await tracer.startSpan("answer", async () => "ok");`;
  const reported: Case[] = [
    convexFile(`import { action } from "./_generated/server";\n${SHARED}export const ask = action({ args: {}, handler: async (ctx) => {\n    ${BODY}\n  } });`),
    convexFile(`"use node";\nimport { internalAction } from "../../_generated/server";\n${SHARED}export const resume = internalAction(async (ctx) => {\n    ${BODY}\n  });`, "convex/agents/chat/resume.ts"),
    convexFile(`import { httpAction } from "./_generated/server";\n${SHARED}export const hook = httpAction(async (ctx, request) => {\n    tracer.createSession();\n    return new Response(await tracer.startSpan("answer", async () => request.url));\n  });`),
  ];
  const quiet: Case[] = [
    // Flushed before the return; a mutation or a query (no network: nothing pending to lose); another module's action().
    convexFile(`import { action } from "./_generated/server";\n${SHARED}export const ask = action({ args: {}, handler: async (ctx) => {\n    try {\n      ${BODY}\n    } finally {\n      await tracer.forceFlush();\n    }\n  } });`),
    convexFile(`import { mutation } from "./_generated/server";\n${SHARED}export const save = mutation({ handler: async (ctx) => {\n    ${BODY}\n  } });`),
    convexFile(`import { action } from "./lib/actions";\n${SHARED}export const ask = action({ handler: async (ctx) => {\n    ${BODY}\n  } });`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});
