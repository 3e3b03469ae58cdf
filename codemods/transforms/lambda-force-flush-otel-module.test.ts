// lambda-force-flush on a handler whose OpenTelemetry pipeline (exporting to HoneyHive) is made in a
// project module it imports: the transform follows it one module deep, as the rule does
// (rules/cross-file.test.ts), both through `runTransforms` and through `honeyhive migrate`, whose
// prefilter must keep such a handler although it names neither the SDK nor HoneyHive.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTransforms } from "../engine/engine.js";
import { MARKER_PREFIX } from "../engine/markers.js";
import { makeProject, removeProjects, runInProcess } from "../cli/test-utils/project.js";

afterAll(removeProjects);

const TRACING = `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

export const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }))],
});
provider.register();
export const tracer = provider.getTracer("orders");
`;
const handlerImporting = (names: string) => `import { ${names} } from "./tracing.js";

export const handler = async (event: { id: string }) => {
  return tracer.startActiveSpan("order", async (span) => {
    span.end();
    return { statusCode: 200, body: event.id };
  });
};
`;
const FLUSHED = `import { provider, tracer } from "./tracing.js";

export const handler = async (event: { id: string }) => {
  try {
    return await tracer.startActiveSpan("order", async (span) => {
      span.end();
      return { statusCode: 200, body: event.id };
    });
  } finally {
    await provider.forceFlush();
  }
};
`;

describe("lambda-force-flush: a pipeline made in the handler's tracing module", () => {
  const root = makeProject({ "package.json": `{ "name": "orders", "private": true }\n`, "src/tracing.ts": TRACING });
  const run = (code: string) => runTransforms(code, join(root, "src/handler.ts"), { transforms: ["lambda-force-flush"] });

  it("flushes the imported provider, and leaves the result unchanged on a second run", () => {
    const result = run(handlerImporting("provider, tracer"));
    expect(result.output).toBe(FLUSHED);
    expect(run(FLUSHED).changed).toBe(false);
  });

  it("writes forceFlush() in place of the imported provider's shutdown(), which ends the warm instance's pipeline (review-rules4)", () => {
    const shutDown = FLUSHED.replace("provider.forceFlush()", "provider.shutdown()");
    const result = run(shutDown);
    expect(result.output).toBe(FLUSHED);
    expect(run(FLUSHED).changed).toBe(false);
  });

  it("imports the provider from the tracer's module when the file does not import it yet", () => {
    expect(run(handlerImporting("tracer")).output).toBe(FLUSHED.replace("{ provider, tracer }", "{ tracer, provider }"));
  });

  it("leaves a review marker when the module does not export its provider", () => {
    const hidden = makeProject({ "package.json": `{ "name": "h", "private": true }\n`, "src/tracing.ts": TRACING.replace("export const provider", "const provider") });
    const result = runTransforms(handlerImporting("tracer"), join(hidden, "src/handler.ts"), { transforms: ["lambda-force-flush"] });
    expect(result.markers).toBe(1);
    expect(result.output).not.toContain("finally");
    expect(result.output).toContain(`/* ${MARKER_PREFIX} await the tracer provider's forceFlush() before this handler returns (export the NodeTracerProvider that ./tracing.js builds, import it here and flush that) */`);
  });

  it("leaves a review marker naming the exported provider when its name is taken in the file", () => {
    const code = handlerImporting("tracer").replace("\nexport const handler", "\nconst provider = \"aws\";\nexport const handler");
    const result = run(code);
    expect(result.markers).toBe(1);
    expect(result.output).toContain(`/* ${MARKER_PREFIX} await the tracer provider's forceFlush() before this handler returns (import the NodeTracerProvider that ./tracing.js exports as provider, under a name free in this file, and flush that) */`);
  });

  it("changes nothing when the module exports elsewhere than HoneyHive", () => {
    const vendor = makeProject({ "package.json": `{ "name": "v", "private": true }\n`, "src/tracing.ts": TRACING.replace("https://api.honeyhive.ai/opentelemetry/v1/traces", "https://otlp.example.com/v1/traces") });
    expect(runTransforms(handlerImporting("provider, tracer"), join(vendor, "src/handler.ts"), { transforms: ["lambda-force-flush"] }).changed).toBe(false);
  });

  it("`honeyhive migrate` on the project writes the same flush", async () => {
    const project = makeProject({ "package.json": `{ "name": "orders", "private": true }\n`, "src/tracing.ts": TRACING, "src/handler.ts": handlerImporting("provider, tracer") });
    const result = await runInProcess(project, ["migrate"], null);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(project, "src/handler.ts"), "utf8")).toBe(FLUSHED);
    expect(readFileSync(join(project, "src/tracing.ts"), "utf8")).toBe(TRACING);
  });

  it("`honeyhive migrate` keeps a handler whose only link to the pipeline is a side-effect import", async () => {
    // The handler names neither the SDK, HoneyHive nor a tracer module's export: the project pass's
    // `registersPipeline` link is what keeps it past the text prefilter.
    const handler = `import type { APIGatewayProxyEvent } from "aws-lambda";
import "./instrumentation.js";
import { trace } from "@opentelemetry/api";

export const handler = async (event: APIGatewayProxyEvent) => {
  const tracer = trace.getTracer("orders");
  return tracer.startActiveSpan("order", async (span) => {
    span.end();
    return { statusCode: 200, body: event.body ?? "" };
  });
};
`;
    const instrumentation = TRACING.replace("export const provider", "const provider").replace(/export const tracer.*\n/, "");
    const project = makeProject({ "package.json": `{ "name": "orders", "private": true }\n`, "src/instrumentation.ts": instrumentation, "src/handler.ts": handler });
    const result = await runInProcess(project, ["migrate"], null);
    expect(result.code, result.stderr).toBe(0);
    const migrated = readFileSync(join(project, "src/handler.ts"), "utf8");
    // The module does not export its provider: nothing to flush by name, so a review marker.
    expect(migrated).toBe(handler.replace("export const handler", `/* ${MARKER_PREFIX} await the tracer provider's forceFlush() before this handler returns (export the NodeTracerProvider that ./instrumentation.js builds, import it here and flush that) */\nexport const handler`));
    expect(readFileSync(join(project, "src/instrumentation.ts"), "utf8")).toBe(instrumentation);
  });
});
