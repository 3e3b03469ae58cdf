import { ROOT_CONTEXT, context, createContextKey, trace as otelTrace } from "@opentelemetry/api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { resolveConfig } from "./config.js";
import { HoneyHiveTracer, trace } from "./index.js";
import { setDefaultTracer } from "./default-tracer.js";
import { resetWarningsForTests } from "./logger.js";
import { FakeHoneyHiveBackend, OTLP_TRACES_PATH, decodeOtlpSpans } from "./test-utils/fake-backend.js";
import { HttpTransport } from "./http-transport.js";
import { expectKeptDeadline, timeAgainstDeadline } from "./test-utils/deadline.js";

const API_KEY = "hh-very-secret-key";
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  resetWarningsForTests();
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  setDefaultTracer(undefined);
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function loggedText(): string {
  return warn.mock.calls.flat().map(String).join("\n");
}

describe("configuration", () => {
  it("resolves options, then HH_* variables, then defaults", () => {
    const env = {
      HH_API_KEY: "env-key",
      HH_PROJECT: "env-project",
      HH_API_URL: "http://env.example/",
      HH_SESSION_NAME: "env-session",
      HH_SOURCE: "env-source",
      HH_TEST_MODE: "true",
    };
    expect(resolveConfig({ project: "option-project", testMode: false }, env)).toMatchObject({
      apiKey: "env-key",
      project: "option-project",
      serverUrl: "http://env.example",
      sessionName: "env-session",
      source: "env-source",
      testMode: false,
    });
    expect(resolveConfig({}, {})).toMatchObject({
      apiKey: undefined,
      project: "default",
      serverUrl: "https://api.honeyhive.ai",
      source: "dev",
      testMode: false,
      disableBatch: false,
    });
    expect(resolveConfig({}, { HH_TEST_MODE: "true" }).testMode).toBe(true);
  });

  it("HH_TEST_MODE makes a tracer keep spans in memory", () => {
    vi.stubEnv("HH_TEST_MODE", "true");
    const tracer = HoneyHiveTracer.init({ project: "env" });
    tracer.startSpan("s", () => undefined);
    expect(tracer.testMode).toBe(true);
    expect(tracer.getFinishedSpans()).toHaveLength(1);
  });
});

describe("a tracer disabled by a missing API key", () => {
  it("answers forceFlush() with false: nothing was sent", async () => {
    vi.stubEnv("HH_API_KEY", "");
    vi.stubEnv("HH_TEST_MODE", "");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const tracer = HoneyHiveTracer.init({ project: "no-key" });
      tracer.startSpan("not-recorded", () => undefined);
      expect(tracer.enabled).toBe(false);
      expect(await tracer.forceFlush({ timeoutMs: 1_000 })).toBe(false);
      await tracer.shutdown();
    } finally {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    }
  });
});

describe("test mode", () => {
  it("makes no network call at all, even with an API key and a server URL", async () => {
    const sendSpy = vi.spyOn(HttpTransport.prototype, "deliver");
    const serverUrl = await FakeHoneyHiveBackend.refusingUrl();
    const tracer = HoneyHiveTracer.init({ testMode: true, apiKey: API_KEY, serverUrl });

    await context.with(ROOT_CONTEXT, async () => {
      const sessionId = await tracer.acreateSession({ sessionName: "offline" });
      tracer.createSession();
      tracer.withSession("scoped", () => tracer.startSpan("in-memory", () => undefined));
      tracer.sessionStart();
      tracer.enrichSession({ sessionId, metadata: { a: 1 } });
    });

    // Nothing listens at serverUrl: any export or REST call would make the flush false.
    expect(await tracer.forceFlush({ timeoutMs: 1_000 })).toBe(true);
    expect(sendSpy).not.toHaveBeenCalled();
    expect(tracer.getFinishedSpans().map((span) => span.name)).toEqual(["in-memory"]);
  });
});

describe("init", () => {
  it("registers an AsyncLocalStorage context manager, and never a global tracer provider", () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const globalProvider = otelTrace.getTracerProvider();

    expect(globalProvider).not.toBe(tracer.provider);
    expect(otelTrace.getTracer("x").startSpan("global").isRecording()).toBe(false);
    const key = createContextKey("probe");
    const seenAfterAwait = context.with(ROOT_CONTEXT.setValue(key, "value"), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return context.active().getValue(key);
    });
    return expect(seenAfterAwait).resolves.toBe("value");
  });

  it("gives instrumentors a provider whose spans are stamped with the session", () => {
    const tracer = HoneyHiveTracer.init({ testMode: true, project: "instrumented" });
    const instrumentorTracer = tracer.provider.getTracer("some-instrumentation");

    context.with(ROOT_CONTEXT, () =>
      instrumentorTracer.startActiveSpan("chat gpt-4o", { attributes: { "gen_ai.system": "openai" } }, (span) => span.end()),
    );

    expect(tracer.getFinishedSpans()[0].attributes).toMatchObject({
      "honeyhive.session_id": tracer.sessionId,
      "honeyhive.project": "instrumented",
      honeyhive_event_type: "model",
    });
  });
});

describe("export to the backend", () => {
  let backend: FakeHoneyHiveBackend;

  beforeAll(async () => {
    backend = await FakeHoneyHiveBackend.start();
  });
  afterAll(async () => {
    await backend.close();
  });

  it("two tracers with different projects and keys export separately", async () => {
    const alpha = HoneyHiveTracer.init({ apiKey: "key-alpha", project: "alpha", serverUrl: backend.url });
    const beta = HoneyHiveTracer.init({ apiKey: "key-beta", project: "beta", serverUrl: backend.url });

    trace({ tracer: alpha, eventName: "alpha-step" }, () => 1)();
    trace({ tracer: beta, eventName: "beta-step" }, () => 2)();
    const [alphaFlushed, betaFlushed] = await Promise.all([alpha.forceFlush(), beta.forceFlush()]);

    expect(alphaFlushed && betaFlushed).toBe(true);
    const exports = backend.requestsTo("POST", OTLP_TRACES_PATH);
    const byKey = (key: string) =>
      exports
        .filter((request) => request.headers.authorization === `Bearer ${key}`)
        .flatMap((request) => decodeOtlpSpans(request.body));
    expect(byKey("key-alpha").map((span) => [span.name, span.attributes["honeyhive.project"]])).toEqual([["alpha-step", "alpha"]]);
    expect(byKey("key-alpha")[0].resourceAttributes).toMatchObject({ "service.name": "alpha", "honeyhive.project": "alpha" });
    expect(exports.every((request) => request.headers["content-type"] === "application/json")).toBe(true);
    expect(byKey("key-beta").map((span) => [span.name, span.attributes["honeyhive.session_id"]])).toEqual([["beta-step", beta.sessionId]]);
    await Promise.all([alpha.shutdown(), beta.shutdown()]);
  });

  it("disableBatch exports each span as it ends", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "unbatched", serverUrl: backend.url, disableBatch: true });
    tracer.startSpan("immediate", () => undefined);

    await backend.waitFor(() => backend.spans().some((span) => span.name === "immediate"));
    await tracer.shutdown();
  });

  // What docs/rules/require-force-flush-in-lambda.md once claimed: with disableBatch the export of a
  // span starts when it ends, but it is still an HTTP request in flight when the handler returns, and
  // a frozen Lambda never finishes it. Only an awaited forceFlush() waits for it.
  it("disableBatch does not make a flush unnecessary: the span is still in flight when a handler returns", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "unbatched-lambda", serverUrl: backend.url, disableBatch: true });
    const handler = async () => tracer.startSpan("in-flight", () => "done");

    expect(await handler()).toBe("done");
    expect(backend.spans().some((span) => span.name === "in-flight")).toBe(false);
    expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);
    expect(backend.spans().some((span) => span.name === "in-flight")).toBe(true);
    await tracer.shutdown();
  });

  it("forceFlush() is true when spans and session calls reached the backend", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "flush", serverUrl: backend.url });
    tracer.startSpan("flushed", () => undefined);
    const before = backend.spans().length;

    expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);
    expect(backend.spans().length).toBe(before + 1);
    expect(backend.startedSessions().some((session) => session.session_id === tracer.sessionId)).toBe(true);
    await tracer.shutdown();
  });

  it("forceFlush() is false, in time, when the backend answers 500, and nothing throws", async () => {
    backend.inject({ status: 500 });
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "faulty", serverUrl: backend.url });
      tracer.startSpan("lost", () => undefined);
      tracer.enrichSession({ metadata: { a: 1 } });

      // The deadline against this process's clock at the time (test-utils/deadline.ts), not a fixed margin load breaks.
      // Short: the answers' retries go on until it, so the test waits it out whole (it was 3 s).
      const flushed = await timeAgainstDeadline(500, () => tracer.forceFlush({ timeoutMs: 500 }));
      expect(flushed.value).toBe(false);
      expectKeptDeadline(flushed.timing, 500, "forceFlush");
      expect(loggedText()).not.toContain(API_KEY);
      await tracer.shutdown({ timeoutMs: 1_000 });
    } finally {
      backend.heal();
    }
  });

  it("forceFlush() is false within its timeout when the backend is slower than that", async () => {
    backend.inject({ delayMs: 3_000 });
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "slow", serverUrl: backend.url });
      tracer.startSpan("late", () => undefined);

      const flushed = await timeAgainstDeadline(300, () => tracer.forceFlush({ timeoutMs: 300 }));
      // false: it did not wait for the answer (a 2xx after 3 s); it returned by its own deadline, and not before it (a
      // timer of the same deadline, started just before the flush, had run: load delays both alike).
      expect(flushed.value).toBe(false);
      expectKeptDeadline(flushed.timing, 300, "forceFlush");
      expect(flushed.timing.referenceMs, JSON.stringify(flushed.timing)).toBeDefined();
    } finally {
      backend.heal();
    }
  });
});

describe("a backend that is down", () => {
  it("forceFlush() is false in time on a refused connection; the app never sees an error", async () => {
    const serverUrl = await FakeHoneyHiveBackend.refusingUrl();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "down", serverUrl, timeoutMs: 300 });
      const answer = trace({ tracer }, async () => 42);

      // Scoped like a request, so the sessions created here do not stay in the test runner's context.
      await context.with(ROOT_CONTEXT, async () => {
        const sessionId = tracer.createSession();
        expect(await answer()).toBe(42);
        expect(await tracer.acreateSession()).toMatch(/^[0-9a-f-]{36}$/);
        tracer.enrichSession({ sessionId, outputs: { ok: false } });
      });
      const flushed = await timeAgainstDeadline(2_000, () => tracer.forceFlush({ timeoutMs: 2_000 }));
      expect(flushed.value).toBe(false);
      expectKeptDeadline(flushed.timing, 2_000, "forceFlush");
      await tracer.shutdown({ timeoutMs: 1_000 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
      expect(loggedText()).toContain("HoneyHive API POST /session/start failed");
      expect(loggedText()).not.toContain(API_KEY);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  it("caps the export queue, counts and logs dropped spans once, and reports them in forceFlush()", async () => {
    const serverUrl = await FakeHoneyHiveBackend.refusingUrl();
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "capped", serverUrl, maxQueueSize: 10, timeoutMs: 300 });
    for (let index = 0; index < 25; index++) tracer.startSpan(`span-${index}`, () => undefined);

    // 10 spans left for a (failing) export, 10 wait in the queue, the other 5 did not fit.
    expect(tracer.droppedSpans).toBe(5);
    expect(loggedText().match(/export queue is full/g)).toHaveLength(1);
    expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(false);
    await tracer.shutdown({ timeoutMs: 500 });
  });
});

describe("shutdown()", () => {
  it("stops recording and withdraws the tracer as default", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const step = trace({ tracer }, () => "still runs");
    await tracer.shutdown();

    expect(step()).toBe("still runs");
    expect(tracer.getFinishedSpans()).toHaveLength(0);
    expect(trace(() => "implicit")()).toBe("implicit");
    expect(loggedText()).toContain("found no tracer");
  });
});
