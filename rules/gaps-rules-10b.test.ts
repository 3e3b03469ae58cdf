// gaps-rules-10b (issues 13, 16): what crosses a module boundary.
// - A wrapper imported from a project module stands for the function it returns, as a same-file one does
//   (bindings.ts `returnedFunctionsOf`): its module's `returnsFunction` export fact (analysis/export-facts.ts) says
//   which parameters the returned function calls, whether it flushes, and where it starts a session; read by
//   analysis/imported-wrappers.ts for the Lambda export (`export const handler = withSession(fn)`) and by
//   no-session-start-in-handler for a registered `withSession(fn)`.
// - The `otel` export fact every exported trace exporter carries (small-fixes) changed what three consumers do;
//   each is tested here through the rule that reads it, with the non-HoneyHive exporter look-alike:
//   analysis/flush-calls.ts `importedOtelUseIn` (a handler tracing through an imported exporter must flush) and
//   `sharedOtelObjectOf` (an imported exporter's `shutdown()` in a handler); codemods/engine/project.ts
//   `tracerExports` is tested in codemods/engine/project.test.ts.
import { describe, expect, it } from "vitest";
import { lintCase, type AnyRule, type Case } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import sessionRule, { RULE_NAME as SESSION_RULE } from "./no-session-start-in-handler.js";

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", ...deps } });
const TRACING = `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });\n`;
const ownReports = (ruleName: string, rule: unknown, testCase: Case) =>
  lintCase(ruleName, rule as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${ruleName}`);

describe("an imported wrapper's returned function, in a Lambda export", () => {
  const lambda = (wrapper: string): Case => ({
    name: wrapper,
    code: `import { tracer, withSession } from "../lib/tracing";\n\nexport const handler = withSession(async (event: { id: string }) => {\n  tracer.enrichSession({ metadata: { id: event.id } });\n  return { statusCode: 200 };\n});\n`,
    filename: "functions/handler.ts",
    files: { "package.json": pkg({}), "lib/tracing.ts": `${TRACING}${wrapper}` },
  });
  it("reported: the wrapper calls the handler and does not flush (the wrapped function is the handler, as in the same file)", () => {
    const [message, ...rest] = ownReports(FLUSH_RULE, flushRule, lambda(`export function withSession(fn) {\n  return async (event) => fn(event);\n}\n`));
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ messageId: "missingFlush", line: 3 });
  });
  it("quiet: a wrapper that flushes around the handler on every path, and one that never calls it", () => {
    expect(ownReports(FLUSH_RULE, flushRule, lambda(`export function withSession(fn) {\n  return async (event) => {\n    try {\n      return await fn(event);\n    } finally {\n      await tracer.forceFlush();\n    }\n  };\n}\n`))).toEqual([]);
    expect(ownReports(FLUSH_RULE, flushRule, lambda(`export function withSession(fn) {\n  return async () => ({ statusCode: 204 });\n}\n`))).toEqual([]);
  });
});

describe("an imported wrapper whose returned function starts a session, around a registered handler", () => {
  const EXPRESS = pkg({ express: "^4.21.2" });
  const route = (registration: string, imports = `import { tracer, withSession } from "./tracing";\n`): string =>
    `import express from "express";\n${imports}const app = express();\n${registration}\napp.listen(3000);\n`;
  const wrapper = (call: string, parameters = "fn") => `export function withSession(${parameters}) {\n  return async (req, res) => {\n    ${call};\n    return fn(req, res);\n  };\n}\n`;
  const express = (code: string, files: Record<string, string>): Case => ({ name: code, code, filename: "src/server.ts", files: { "package.json": EXPRESS, ...files } });
  const HANDLER = `async (req, res) => { tracer.enrichSession({ metadata: {} }); res.json({}); }`;

  it("reported: on the module's shared tracer, and on the shared tracer the call passes", () => {
    const [own] = ownReports(SESSION_RULE, sessionRule, express(route(`app.post("/", withSession(${HANDLER}));`), { "src/tracing.ts": `${TRACING}${wrapper("tracer.sessionStart()")}` }));
    expect(own).toMatchObject({ messageId: "sessionStartInImportedWrapper", line: 4, column: 15 });
    expect(own?.message).toContain("(src/tracing.ts:5)");
    const passed = express(route(`app.post("/", withSession(tracer, ${HANDLER}));`, `import { tracer } from "./tracing";\nimport { withSession } from "./wrap";\n`), {
      "src/tracing.ts": TRACING,
      "src/wrap.ts": `import type { HoneyHiveTracer } from "honeyhive";\n${wrapper("t.sessionStart()", "t: HoneyHiveTracer, fn")}`,
    });
    expect(ownReports(SESSION_RULE, sessionRule, passed).map((message) => message.messageId)).toEqual(["sessionStartInImportedWrapper"]);
  });

  it("quiet: createSession() in the wrapper, a DB session's startSession(), a wrapper not around a handler", () => {
    expect(ownReports(SESSION_RULE, sessionRule, express(route(`app.post("/", withSession(${HANDLER}));`), { "src/tracing.ts": `${TRACING}${wrapper("tracer.createSession()")}` }))).toEqual([]);
    const db = `${TRACING}const db = { startSession() { return {}; } };\n${wrapper("db.startSession()")}`;
    expect(ownReports(SESSION_RULE, sessionRule, express(route(`app.post("/", withSession(${HANDLER}));`), { "src/tracing.ts": db }))).toEqual([]);
    // The wrapped function is no handler (a job queued at start-up).
    expect(ownReports(SESSION_RULE, sessionRule, express(route(`setInterval(withSession(${HANDLER}), 1000);`), { "src/tracing.ts": `${TRACING}${wrapper("tracer.sessionStart()")}` }))).toEqual([]);
  });
});

const HONEYHIVE = "https://api.honeyhive.ai/opentelemetry/v1/traces";
const HONEYCOMB = "https://api.honeycomb.io/v1/traces";

describe("the otel fact of an imported trace exporter, read by the flush rule", () => {
  const PACKAGE = JSON.stringify({ name: "app", private: true, type: "module", dependencies: { "@opentelemetry/api": "^1.9.0", "@opentelemetry/exporter-trace-otlp-http": "^0.203.0" } });
  // A module exporting only the exporter: nothing else of it (no provider, no registration) tells where it sends.
  const exporterModule = (url: string) => `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nexport const exporter = new OTLPTraceExporter({ url: "${url}" });\n`;
  const lambda = (url: string, body: string): Case => ({
    name: body,
    code: `import { exporter } from "./otel";\n\nexport const handler = async (event: { flush?: boolean }) => {\n${body}  return { statusCode: 200, body: "ok" };\n};\n`,
    filename: "src/app.ts",
    files: { "package.json": PACKAGE, "src/otel.ts": exporterModule(url) },
  });
  const messageIds = (testCase: Case): string[] =>
    lintCase(FLUSH_RULE, flushRule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${FLUSH_RULE}`).map((message) => message.messageId ?? "");

  // flush-calls.ts `importedOtelUseIn`: the exporter is the handler's one use of a pipeline to HoneyHive, so the
  // handler must flush it on every path. Without the fact the handler traces nothing the rule knows of.
  const SOMETIMES = `  if (event.flush) await exporter.forceFlush();\n`;
  it("reported: a handler flushing an imported exporter to HoneyHive on one path only", () => {
    expect(messageIds(lambda(HONEYHIVE, SOMETIMES))).toEqual(["missingOtelFlush"]);
  });
  it("quiet: the same handler flushing it on every path, and the look-alike whose exporter sends to Honeycomb", () => {
    expect(messageIds(lambda(HONEYHIVE, `  await exporter.forceFlush();\n`))).toEqual([]);
    expect(messageIds(lambda(HONEYCOMB, SOMETIMES))).toEqual([]);
  });

  // flush-calls.ts `sharedOtelObjectOf`: `exporter.shutdown()` of an imported exporter to HoneyHive (the module
  // registers a provider exporting through it; the handler traces with `trace.getTracer()`) flushes this invocation's
  // spans, and stops the exporter every later invocation of the warm instance needs: reported as such, and the
  // suggestion flushes it instead. Without the fact the shutdown was no flush at all (`missingOtelFlush`).
  const registering = (url: string): Case => ({
    name: url,
    code: `import { trace } from "@opentelemetry/api";\nimport { exporter } from "./otel";\n\nexport const handler = async () => {\n  trace.getTracer("bot").startSpan("answer").end();\n  await exporter.shutdown();\n  return { statusCode: 200, body: "ok" };\n};\n`,
    filename: "src/app.ts",
    files: {
      "package.json": PACKAGE,
      "src/otel.ts": `${exporterModule(url)}import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nimport { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\nconst provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });\nprovider.register();\n`,
    },
  });
  it("reported: an imported exporter to HoneyHive shut down in the handler", () => {
    const [message, ...rest] = lintCase(FLUSH_RULE, flushRule as unknown as AnyRule, registering(HONEYHIVE)).filter((found) => found.ruleId === `honeyhive/${FLUSH_RULE}`);
    expect(rest).toEqual([]);
    expect(message?.messageId).toBe("shutdownOfSharedPipeline");
    expect(message?.suggestions?.map((suggestion) => suggestion.desc)).toEqual(["Flush with `exporter.forceFlush()` instead of shutting the OpenTelemetry pipeline down."]);
  });
  it("quiet: the look-alike whose module exports to Honeycomb (another vendor's pipeline, no HoneyHive one to flush)", () => {
    expect(messageIds(registering(HONEYCOMB))).toEqual([]);
  });
});
