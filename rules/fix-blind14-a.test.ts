// fix-blind14-a: the engine causes (A), (G), (H) and (E) of rules/blind-cases-14.test.ts, fixed in the shared analysis,
// with the look-alikes beside each fix: `X.m.call(X, …)` / `X.m.apply(X, […])` read as `X.m(…)` (analysis/ast.ts
// `invokedCallee`; another this-argument is another call), a `Promise.all` list mapped from an array literal of tracers
// (a callback that does not flush, or an empty list, is no flush), a class's static method exported by reference (an
// instance method named through the class is no function), a `let` assigned once after its declaration (twice: a
// reassignment, not followed, docs/rules/require-valid-session-id.md).
import { describe, expect, it } from "vitest";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import { type AnyRule, lintCase } from "./test-utils/blind-cases.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const reports = (ruleName: string, rule: unknown, code: string, filename = "src/handler.ts"): number =>
  lintCase(ruleName, rule as AnyRule, { name: code, code, filename }).filter((message) => message.ruleId === `honeyhive/${ruleName}`).length;
/** A Lambda handler that starts a session and runs `flush` in its finally. */
const flushedWith = (flush: string, before = ""): string =>
  `${TRACER}${before}export const handler = async (event) => {\n  try {\n    tracer.createSession();\n    return { id: event.id };\n  } finally {\n    ${flush};\n  }\n};`;
const express = (body: string, before = ""): string =>
  `import express from "express";\n${TRACER}${before}const app = express();\napp.post("/chat", async (req, res) => {\n  ${body}\n  res.json({});\n});\napp.listen(3000);`;

describe("fix-blind14-a (A): .call / .apply of a tracer method", () => {
  it.each([
    "await tracer.forceFlush.call(tracer)",
    "await tracer.forceFlush.apply(tracer, [])",
    "await tracer.forceFlush.apply(tracer)",
    "await (tracer.forceFlush as () => Promise<void>).call(tracer)",
  ])("a flush: %s", (flush) => expect(reports(FLUSH_RULE, flushRule, flushedWith(flush))).toBe(0));
  it.each([
    // Another this-argument: not the tracer's flush (the SDK's methods read `this`'s private state).
    ["await tracer.forceFlush.call(audit)", "const audit = { flushed: false };\n"],
    ["await tracer.forceFlush.apply(audit, [])", "const audit = { flushed: false };\n"],
    // A list that is no array literal: its elements are not known.
    ["await tracer.forceFlush.apply(tracer, args)", "const args: [] = [];\n"],
    ["await tracer.getSessionId.call(tracer)", ""],
  ])("no flush: %s", (flush, before) => expect(reports(FLUSH_RULE, flushRule, flushedWith(flush, before))).toBeGreaterThan(0));
  it.each(["tracer.sessionStart.call(tracer, { sessionName: 'chat' });", "tracer.sessionStart.apply(tracer, [{ sessionName: 'chat' }]);"])(
    "sessionStart through %s in a route is reported, with the rename",
    (body) => {
      const code = express(body);
      const messages = lintCase(SESSION_START_RULE, sessionStartRule as unknown as AnyRule, { name: body, code, filename: "src/server.ts" }).filter((message) => message.ruleId === `honeyhive/${SESSION_START_RULE}`);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.fix?.text).toBe("createSession");
    },
  );
  it.each([
    // Another object's method called with the tracer as `this`, and the tracer's method on another object.
    ["other.sessionStart.call(tracer, {});", "const other = { sessionStart(options: object) { return options; } };\n"],
    ["tracer.sessionStart.call(other, {});", "const other = { sessionStart(options: object) { return options; } };\n"],
  ])("quiet: %s", (body, before) => expect(reports(SESSION_START_RULE, sessionStartRule, express(body, before), "src/server.ts")).toBe(0));
});

describe("fix-blind14-a (G): Promise.all of a list mapped over tracers", () => {
  const AUDIT = `const audit = HoneyHiveTracer.init({ project: "audit" });\n`;
  it.each([
    "await Promise.all([tracer, audit].map((t) => t.forceFlush()))",
    "await Promise.allSettled([tracer, audit].map(async (t) => {\n      await t.forceFlush();\n    }))",
  ])("a flush: %s", (flush) => expect(reports(FLUSH_RULE, flushRule, flushedWith(flush, AUDIT))).toBe(0));
  it.each([
    "await Promise.all([tracer, audit].map((t) => t.getSessionId()))",
    "await Promise.all([].map((t: typeof tracer) => t.forceFlush()))",
    "await Promise.all([tracer, audit].map((t) => (t === tracer ? t.forceFlush() : undefined)))",
  ])("no flush: %s", (flush) => expect(reports(FLUSH_RULE, flushRule, flushedWith(flush, AUDIT))).toBeGreaterThan(0));
});

describe("fix-blind14-a (H): a class's static method exported as the handler", () => {
  const handle = (modifier: string, kind: "method" | "field") =>
    kind === "method"
      ? `  ${modifier}async handle(event) {\n    tracer.createSession();\n    return { id: event.id };\n  }\n`
      : `  ${modifier}handle = async (event) => {\n    tracer.createSession();\n    return { id: event.id };\n  };\n`;
  it.each([
    ["a static method", `class Api {\n${handle("static ", "method")}}\nexport const handler = Api.handle;`],
    ["a static arrow field", `class Api {\n${handle("static ", "field")}}\nexport const handler = Api.handle;`],
    ["a static method of a const class expression", `const Api = class {\n${handle("static ", "method")}};\nexport const handler = Api.handle;`],
  ])("reported: %s", (_, code) => expect(reports(FLUSH_RULE, flushRule, `${TRACER}${code}`)).toBeGreaterThan(0));
  it.each([
    // An instance method named through the class is undefined at run time: no handler function.
    ["an instance method named through the class", `class Api {\n${handle("", "method")}}\nexport const handler = (Api as any).handle;`],
    ["a static method that flushes", `class Api {\n  static async handle(event) {\n    try {\n      tracer.createSession();\n      return { id: event.id };\n    } finally {\n      await tracer.forceFlush();\n    }\n  }\n}\nexport const handler = Api.handle;`],
  ])("quiet: %s", (_, code) => expect(reports(FLUSH_RULE, flushRule, `${TRACER}${code}`)).toBe(0));
});

describe("fix-blind14-a (E): a let assigned once after its declaration", () => {
  const lambda = (body: string): string =>
    `${TRACER}export const handler = async (event) => {\n  let sessionId: string | undefined;\n${body}\n  tracer.createSession({ sessionId });\n  return {};\n};`;
  it.each([
    "  sessionId = event.queryStringParameters?.session;",
    "  if (event.queryStringParameters) {\n    sessionId = event.queryStringParameters.session;\n  }",
  ])("reported: %s", (body) => expect(reports(SESSION_ID_RULE, sessionIdRule, lambda(body))).toBeGreaterThan(0));
  it.each([
    // Written twice: a reassignment, not followed (the docs' known limit), even in two branches.
    "  sessionId = event.queryStringParameters?.session;\n  sessionId = sessionId?.trim();",
    "  if (event.body) sessionId = event.queryStringParameters?.session;\n  else sessionId = event.headers?.session;",
    // A compound write, and a value the handler makes itself.
    "  sessionId += event.queryStringParameters?.session;",
    "  sessionId = crypto.randomUUID();",
  ])("quiet: %s", (body) => expect(reports(SESSION_ID_RULE, sessionIdRule, lambda(body))).toBe(0));
  it("quiet: assigned only after the call", () => {
    const code = `${TRACER}export const handler = async (event) => {\n  let sessionId: string | undefined;\n  tracer.createSession({ sessionId });\n  sessionId = event.queryStringParameters?.session;\n  return { sessionId };\n};`;
    expect(reports(SESSION_ID_RULE, sessionIdRule, code)).toBe(0);
  });
});
