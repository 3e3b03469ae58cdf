// A backend that refuses connections, answers 500, or is slower than the timeout must never break the
// application: traced code returns what it returns (sync stays sync), session calls do not throw or
// reject, forceFlush() reports false within its own timeout, nothing rejects unhandled, memory stays
// bounded (the export queue is capped), and the API key appears in no log line, ours or OpenTelemetry's.
import { diag, DiagLogLevel, type DiagLogger } from "@opentelemetry/api";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_MAX_QUEUE_SIZE } from "./config.js";
import { MAX_EXPORT_BATCH_SIZE } from "./export-pipeline.js";
import { evaluate } from "./experiments/index.js";
import { HoneyHiveTracer, trace } from "./index.js";
import { resetWarningsForTests } from "./logger.js";
import { expectKeptDeadline, timeAgainstDeadline } from "./test-utils/deadline.js";
import { decodeOtlpSpans, OTLP_TRACES_PATH } from "./test-utils/fake-backend.js";
import { useFakeBackend, useRefusingUrl } from "./test-utils/use-fake-backend.js";

const API_KEY = "hh-secret-key-that-must-never-be-logged";
const REQUEST_TIMEOUT_MS = 300;
// Longer than a request's timeout (so a flush can end by its requests failing, or by its own deadline,
// which is what is checked), and short: each fault case waits it out twice (the flush and the shutdown).
const FLUSH_TIMEOUT_MS = 400;

const backend = useFakeBackend();
const refusingUrl = useRefusingUrl();

/** Everything printed to the console or given to OpenTelemetry's diagnostic logger during a test. */
let logged: string[];
/** Objects are inspected, not String()-ed, so a key inside a logged config or headers object is seen. */
const logLine = (args: unknown[]): string =>
  args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 5, maxArrayLength: 3 }))).join(" ");
const unhandledRejections: unknown[] = [];
const onUnhandledRejection = (reason: unknown): void => {
  unhandledRejections.push(reason);
};

beforeEach(() => {
  logged = [];
  unhandledRejections.length = 0;
  resetWarningsForTests();
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(logLine(args)));
  }
  const capture = (...args: unknown[]): void => void logged.push(logLine(args));
  const diagLogger: DiagLogger = { verbose: capture, debug: capture, info: capture, warn: capture, error: capture };
  diag.setLogger(diagLogger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  process.on("unhandledRejection", onUnhandledRejection);
});

afterEach(async () => {
  // Give stray promises a turn to surface as unhandled before checking.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off("unhandledRejection", onUnhandledRejection);
  diag.disable();
  vi.restoreAllMocks();
  expect(unhandledRejections).toEqual([]);
  expect(logged.join("\n")).not.toContain(API_KEY);
});

const faults = [
  ["refuses connections", () => refusingUrl(), () => {}],
  ["answers HTTP 500", () => backend().url, () => backend().inject({ status: 500 })],
  ["is slower than the timeout", () => backend().url, () => backend().inject({ delayMs: 5_000 })],
] as const;

describe.each(faults)("a backend that %s", (_fault, serverUrl, injectFault) => {
  it("never throws into the application, and forceFlush() is false within its timeout", async () => {
    injectFault();
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "faults", serverUrl: serverUrl(), timeoutMs: REQUEST_TIMEOUT_MS, verbose: true });
    const double = trace({ tracer, eventType: "tool" }, (value: number) => value * 2);
    const fetchAnswer = trace({ tracer, eventType: "chain" }, async (question: string) => {
      tracer.enrichSpan({ metadata: { question } });
      return `answer to ${question}`;
    });
    const userError = new Error("the application's own error");
    const failing = trace({ tracer }, () => {
      throw userError;
    });

    const sessionId = tracer.createSession({ sessionName: "during-outage" });
    expect(double(21)).toBe(42); // still synchronous: not a promise
    expect(await fetchAnswer("life")).toBe("answer to life");
    expect(failing).toThrow(userError); // the user's error, unchanged, not a tracing error
    await expect(tracer.acreateSession({ sessionName: "awaited" })).resolves.toMatch(/^[0-9a-f-]{36}$/);
    tracer.enrichSession({ sessionId, outputs: { ok: true } });
    for (let index = 0; index < 50; index++) tracer.startSpan(`burst-${index}`, () => index);

    // Deadlines against this process's clock at the time (test-utils/deadline.ts), not a fixed slack.
    const flush = await timeAgainstDeadline(FLUSH_TIMEOUT_MS, () => tracer.forceFlush({ timeoutMs: FLUSH_TIMEOUT_MS }));
    expect(flush.value).toBe(false);
    expectKeptDeadline(flush.timing, FLUSH_TIMEOUT_MS, "forceFlush");

    // shutdown() flushes once more and then stops the provider, within one deadline for both.
    const shutdown = await timeAgainstDeadline(FLUSH_TIMEOUT_MS, () => tracer.shutdown({ timeoutMs: FLUSH_TIMEOUT_MS }));
    expectKeptDeadline(shutdown.timing, FLUSH_TIMEOUT_MS, "shutdown");
    expect(logged.join("\n")).toMatch(/\[honeyhive\].*failed/);
  });
});

describe("evaluate() during an outage", () => {
  it("finishes every datapoint when session calls and span export fail, once the run exists", async () => {
    backend().inject({ status: 500, path: /^\/(session\/start|events|opentelemetry\/v1\/traces)$/ });
    const evaluation = await evaluate({
      name: "outage",
      function: trace({ eventType: "tool" }, async ({ inputs }: { inputs: { n: number } }) => inputs.n + 1),
      dataset: [{ inputs: { n: 1 } }, { inputs: { n: 2 } }],
      evaluators: { positive: (output: number) => output > 0 },
      apiKey: API_KEY,
      serverUrl: backend().url,
      // Each datapoint's final flush waits out the failing calls' retries until this deadline (with the
      // default, 10 s, ~2 s of retries per datapoint): a short one keeps the file from waiting.
      timeoutMs: 1_000,
    });

    expect(evaluation.results.map((result) => [result.output, result.metrics, result.error])).toEqual([
      [2, { positive: true }, undefined],
      [3, { positive: true }, undefined],
    ]);
    // Every session start, session update and span export failed; only the run calls succeeded.
    const tracingCalls = backend().requests.filter((request) => !request.path.startsWith("/runs"));
    expect(new Set(tracingCalls.map((request) => `${request.method} ${request.path} ${request.status}`))).toEqual(
      new Set(["POST /session/start 500", "PUT /events 500", `POST ${OTLP_TRACES_PATH} 500`]),
    );
    expect(backend().requestsTo("PUT", `/runs/${evaluation.runId}`)).toHaveLength(1);
  });
});

describe("memory while the backend is down", () => {
  it("caps the export queue: of 12,000 spans only one batch and a full queue are kept, the rest are dropped", async () => {
    backend().inject({ status: 500 });
    // The request deadline starts when the processor hands the first batch over, in the middle of the
    // burst below; on a loaded machine the burst alone can outlast REQUEST_TIMEOUT_MS, and the request
    // would then be cut before it is sent (the deadline is total). This test is about the queue, not
    // the deadline, so the request gets time enough to reach the backend.
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "flood", serverUrl: backend().url, timeoutMs: 10_000 });
    const step = trace({ tracer, eventType: "tool" }, (index: number) => index);
    // More than a full queue and a batch (10,240): the rest must be dropped. (It was 20,000: the same
    // proof at twice the CPU.)
    const spanCount = 12_000;
    expect(spanCount).toBeGreaterThan(DEFAULT_MAX_QUEUE_SIZE + MAX_EXPORT_BATCH_SIZE);
    // One synchronous burst: the batch processor hands one batch to the exporter and cannot send more
    // until that export settles, so everything beyond one batch and a full queue must be dropped.
    for (let index = 0; index < spanCount; index++) step(index);

    // The batch handed over during the burst reaches the backend before the flush's deadline starts:
    // under load (a load average of 32) the 3 s flush ended first and aborted that export on the wire,
    // and the backend saw nothing at all.
    await backend().waitFor(() => backend().requestsTo("POST", OTLP_TRACES_PATH).length > 0, 20_000);
    expect(await tracer.forceFlush({ timeoutMs: 3_000 })).toBe(false);
    // Time enough for the processor's own shutdown to hand every queued span to the exporter, which
    // keeps or drops it (the breaker is open: nothing more is sent).
    await tracer.shutdown({ timeoutMs: 10_000 });

    // Nothing beyond a full queue and the one batch already handed to the exporter was ever sent.
    const sentSpans = new Set(
      backend().requestsTo("POST", OTLP_TRACES_PATH).flatMap((request) => decodeOtlpSpans(request.body).map((span) => span.spanId)),
    ).size;
    expect(sentSpans).toBeGreaterThan(0);
    expect(sentSpans).toBeLessThanOrEqual(DEFAULT_MAX_QUEUE_SIZE + MAX_EXPORT_BATCH_SIZE);
    // What the SDK holds while the backend is down (the queue and the spans of failed exports, kept
    // for a retry) is bounded by maxQueueSize together: everything else was dropped, and counted.
    expect(tracer.droppedSpans).toBe(spanCount - DEFAULT_MAX_QUEUE_SIZE);
    // Dropping is reported, once, however many spans are dropped.
    expect(logged.filter((line) => line.includes("export queue is full"))).toHaveLength(1);
  });
});
