// Issue 16 item 2, proven at run time before any rule is written: this SDK registers no global
// OpenTelemetry provider, so an instrumentation that is not handed `tracer.provider` records its spans
// with the global (no-op) provider and nothing reaches HoneyHive.
//
// No instrumentation package is installed here (@opentelemetry/instrumentation-http and
// @opentelemetry/instrumentation are not dependencies), and none is added for this: the stand-in below
// gets its tracer exactly as `InstrumentationBase` does — `trace.getTracer(name, version)` from the
// global API until `setTracerProvider(provider)` (what `registerInstrumentations({ tracerProvider })`
// and `instrument({ tracerProvider })` call) switches it to `provider.getTracer(name, version)` — and
// wraps an HTTP call the way instrumentation-http does (a CLIENT span around the request).
import { SpanKind, SpanStatusCode, trace as otelTrace, type Tracer, type TracerProvider } from "@opentelemetry/api";
import { createServer, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HoneyHiveTracer } from "./index.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";

const INSTRUMENTATION_NAME = "@example/instrumentation-http-client";

/** The part of an OpenTelemetry instrumentation that decides where its spans go. */
class HttpClientInstrumentation {
  #tracer: Tracer = otelTrace.getTracer(INSTRUMENTATION_NAME, "1.0.0");

  setTracerProvider(provider: TracerProvider): void {
    this.#tracer = provider.getTracer(INSTRUMENTATION_NAME, "1.0.0");
  }

  /** `GET url` recorded as a CLIENT span, as an HTTP client instrumentation records it. */
  get(url: string): Promise<number> {
    return this.#tracer.startActiveSpan(`GET ${new URL(url).pathname}`, { kind: SpanKind.CLIENT }, (span) =>
      new Promise<number>((resolve, reject) => {
        httpGet(url, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        }).on("error", reject);
      }).then(
        (status) => {
          span.setAttribute("http.response.status_code", status);
          span.end();
          return status;
        },
        (error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw error;
        },
      ),
    );
  }
}

let backend: FakeHoneyHiveBackend;
let upstream: Server;
let upstreamUrl: string;

beforeAll(async () => {
  backend = await FakeHoneyHiveBackend.start();
  upstream = createServer((_request, response) => response.end("quote"));
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", () => resolve()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/quote`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  await backend.close();
});

/** Runs one instrumented call inside a HoneyHive span and returns what the backend received for this run. */
async function instrumentedRun(project: string, wire: (tracer: HoneyHiveTracer, instrumentation: HttpClientInstrumentation) => void) {
  const tracer = HoneyHiveTracer.init({ apiKey: "hh-test-key", project, serverUrl: backend.url, disableBatch: true });
  const instrumentation = new HttpClientInstrumentation();
  wire(tracer, instrumentation);
  const status = await tracer.startSpan("answer", () => instrumentation.get(upstreamUrl));
  expect(status).toBe(200);
  expect(await tracer.forceFlush()).toBe(true);
  await tracer.shutdown();
  return backend.spans().filter((span) => span.resourceAttributes["service.name"] === project);
}

/**
 * A library call traced the way the Vercel AI SDK traces `generateText` (ai@6 src/telemetry/get-tracer.ts):
 * with the `tracer` of its telemetry settings when given, else `trace.getTracer("ai")` from the global API.
 */
function generateAnswer(telemetry: { isEnabled: boolean; tracer?: Tracer }): string {
  const tracer = telemetry.tracer ?? otelTrace.getTracer("ai");
  return tracer.startActiveSpan("ai.generateText", (span) => {
    span.end();
    return "answer";
  });
}

describe("an instrumentation's spans reach HoneyHive only through tracer.provider", () => {
  it("registers no global provider: an instrumentation set up without tracer.provider sends nothing", async () => {
    const spans = await instrumentedRun("no-provider", (tracer) => {
      expect(otelTrace.getTracerProvider()).not.toBe(tracer.provider);
    });
    // The HoneyHive span arrived, so export works; the instrumented call's span went to the no-op provider.
    expect(spans.map((span) => span.name)).toEqual(["answer"]);
  });

  it("with setTracerProvider(tracer.provider) the instrumented call is a child span in the session", async () => {
    const spans = await instrumentedRun("with-provider", (tracer, instrumentation) => instrumentation.setTracerProvider(tracer.provider));
    const answer = spans.find((span) => span.name === "answer");
    const call = spans.find((span) => span.name === "GET /quote");
    expect(answer).toBeDefined();
    expect(call).toBeDefined();
    expect(call!.parentSpanId).toBe(answer!.spanId);
    expect(call!.attributes["http.response.status_code"]).toBe(200);
    expect(call!.attributes["honeyhive.session_id"]).toBe(answer!.attributes["honeyhive.session_id"]);
  });

  it("AI SDK-style telemetry reaches the session only with a tracer of tracer.provider (tracer.provider.getTracer(\"ai\"))", async () => {
    const run = async (project: string, withTracer: boolean) => {
      const tracer = HoneyHiveTracer.init({ apiKey: "hh-test-key", project, serverUrl: backend.url, disableBatch: true });
      tracer.startSpan("answer", () => generateAnswer({ isEnabled: true, ...(withTracer ? { tracer: tracer.provider.getTracer("ai") } : {}) }));
      expect(await tracer.forceFlush()).toBe(true);
      await tracer.shutdown();
      return backend.spans().filter((span) => span.resourceAttributes["service.name"] === project);
    };
    expect((await run("telemetry-without-tracer", false)).map((span) => span.name)).toEqual(["answer"]);
    const spans = await run("telemetry-with-tracer", true);
    const answer = spans.find((span) => span.name === "answer");
    const call = spans.find((span) => span.name === "ai.generateText");
    expect(call?.parentSpanId).toBe(answer?.spanId);
    expect(call?.attributes["honeyhive.session_id"]).toBe(answer?.attributes["honeyhive.session_id"]);
  });

  it("registering tracer.provider globally also reaches it, which shows the provider is the only difference", async () => {
    try {
      const spans = await instrumentedRun("global-provider", (tracer) => {
        expect(otelTrace.setGlobalTracerProvider(tracer.provider)).toBe(true);
      });
      expect(spans.map((span) => span.name).sort()).toEqual(["GET /quote", "answer"]);
    } finally {
      otelTrace.disable();
    }
  });
});
