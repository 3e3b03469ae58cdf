// gaps-rules-10b (issues 13, 16): what crosses a module boundary.
// - The `otel` export fact every exported trace exporter carries (small-fixes) changed what three consumers do;
//   each is tested here through the rule that reads it, with the non-HoneyHive exporter look-alike:
//   analysis/flush-calls.ts `importedOtelUseIn` (a handler tracing through an imported exporter must flush) and
//   `sharedOtelObjectOf` (an imported exporter's `shutdown()` in a handler); codemods/engine/project.ts
//   `tracerExports` is tested in codemods/engine/project.test.ts.
import { describe, expect, it } from "vitest";
import { lintCase, type AnyRule, type Case } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";

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
