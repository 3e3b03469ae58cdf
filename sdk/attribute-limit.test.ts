// OpenTelemetry drops every new attribute beyond a span's attribute count limit (128 by default),
// whoever sets it. Enrichment with many keys must not be what pushes out the SDK's own attributes
// (session, event type, inputs, outputs, error): the application's keys are capped at the limit, the
// surplus is counted on the span, and the SDK's attributes always fit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ATTR_DROPPED_ENRICHMENT } from "./enrichment.js";
import { HoneyHiveTracer, trace } from "./index.js";
import { resetWarningsForTests } from "./logger.js";
import { captureLogs, type LogCapture } from "./test-utils/log-capture.js";

const SDK_ATTRIBUTES = ["honeyhive.session_id", "honeyhive.project", "honeyhive.source", "honeyhive_event_type"];
const manyKeys = (count: number, prefix = "key") =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${index}`, index]));
const metadataKeysOf = (attributes: Record<string, unknown>) =>
  Object.keys(attributes).filter((key) => key.startsWith("honeyhive_metadata.") && key !== ATTR_DROPPED_ENRICHMENT);

let logs: LogCapture;
beforeEach(() => {
  resetWarningsForTests();
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe("the attribute count limit", () => {
  it("keeps outputs and the SDK's attributes when enrichSpan() adds 130 metadata keys", () => {
    const tracer = HoneyHiveTracer.init({ project: "limits", testMode: true });
    const answer = trace({ tracer, eventName: "answer" }, (question: string) => {
      tracer.enrichSpan({ metadata: manyKeys(130) });
      return `answer to ${question}`;
    });
    answer("life");

    const [span] = tracer.getFinishedSpans();
    for (const key of SDK_ATTRIBUTES) expect(span.attributes[key]).toBeDefined();
    expect(span.attributes["honeyhive_inputs._params_"]).toBe('["life"]');
    expect(span.attributes["honeyhive_outputs.result"]).toBe("answer to life");
    expect(metadataKeysOf(span.attributes)).toHaveLength(128);
    expect(span.attributes[ATTR_DROPPED_ENRICHMENT]).toBe(2);
    expect(span.droppedAttributesCount).toBe(0); // nothing was dropped by OpenTelemetry itself
  });

  it("keeps the error of a failing function whose span is full of enrichment", async () => {
    const tracer = HoneyHiveTracer.init({ project: "limits", testMode: true });
    const failing = trace({ tracer, eventName: "failing" }, async () => {
      tracer.enrichSpan({ metadata: manyKeys(100), metrics: manyKeys(100, "m") });
      tracer.enrichSpan({ feedback: manyKeys(10, "f") });
      throw new Error("model timed out");
    });
    await expect(failing()).rejects.toThrow("model timed out");

    const [span] = tracer.getFinishedSpans();
    expect(span.attributes.honeyhive_error).toBe("model timed out");
    expect(span.attributes["honeyhive.session_id"]).toBe(tracer.sessionId);
    expect(span.attributes[ATTR_DROPPED_ENRICHMENT]).toBe(82); // 210 keys, 128 kept; the count adds up across calls
    expect(logs.sdkLines().filter((line) => line.includes("attribute count limit"))).toHaveLength(1);
  });

  it("stamps the session even when trace({ metadata }) has more keys than the limit", () => {
    const tracer = HoneyHiveTracer.init({ project: "limits", testMode: true });
    trace({ tracer, eventName: "busy", metadata: manyKeys(300) }, () => "done")();

    const [span] = tracer.getFinishedSpans();
    for (const key of SDK_ATTRIBUTES) expect(span.attributes[key]).toBeDefined();
    expect(span.attributes["honeyhive_outputs.result"]).toBe("done");
    expect(metadataKeysOf(span.attributes)).toHaveLength(128);
    expect(span.attributes[ATTR_DROPPED_ENRICHMENT]).toBe(172);
  });

  it("stamps an instrumentor's span that starts with as many attributes as the limit allows", () => {
    const tracer = HoneyHiveTracer.init({ project: "limits", testMode: true });
    const instrumentorTracer = tracer.provider.getTracer("some-instrumentation");
    instrumentorTracer.startSpan("llm call", { attributes: manyKeys(128, "gen_ai.attr") }).end();

    const [span] = tracer.getFinishedSpans();
    for (const key of SDK_ATTRIBUTES) expect(span.attributes[key]).toBeDefined();
  });
});
