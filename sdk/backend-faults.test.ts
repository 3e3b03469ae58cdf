// Every network path of a tracer against every fault a backend can produce (sdk/test-utils/
// backend-faults.ts): span export through forceFlush() and shutdown(), createSession(),
// acreateSession(), sessionStart() and enrichSession(). Whatever the backend does, nothing throws or
// rejects into the application, every awaited call settles within its deadline, and the API key is
// in no line printed. evaluate()'s calls are in experiments/evaluate-faults.test.ts.
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HoneyHiveTracer, isSessionId } from "./index.js";
import { BACKEND_FAULTS, backendWith } from "./test-utils/backend-faults.js";
import { CircuitBreaker, HttpTransport } from "./http-transport.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";
import { captureLogs, type LogCapture } from "./test-utils/log-capture.js";

const API_KEY = "hh-backend-faults-secret-key";
/** The tracer's deadline for one delivery and the flush deadline: short, so the file stays fast. */
const TIMEOUT_MS = 400;
/** Slack for a loaded 2-core machine running five cases at once (and other test files beside). */
const SLACK_MS = 1_200;

let logs: LogCapture;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => {
  logs = captureLogs();
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  logs.restore();
  expect(unhandled).toEqual([]);
  expect(logs.lines.join("\n")).not.toContain(API_KEY);
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe.concurrent.each(BACKEND_FAULTS)("a backend that $name", (testCase) => {
  it("every session call returns at once, acreateSession() and forceFlush() and shutdown() settle in time", async () => {
    const { url, close } = await backendWith(testCase);
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "faults", serverUrl: url, timeoutMs: TIMEOUT_MS, verbose: true });
      const startedAt = Date.now();
      const created = tracer.createSession({ sessionName: "request" });
      const legacy = tracer.sessionStart({ sessionName: "legacy" });
      expect(tracer.enrichSession({ sessionId: created, metadata: { fault: testCase.name } })).toBeUndefined();
      tracer.enrichSession({ outputs: { ok: true } });
      expect(Date.now() - startedAt).toBeLessThan(100); // nothing waits for the network
      expect([created, legacy].every((id) => isSessionId(id))).toBe(true);
      for (let index = 0; index < 20; index++) tracer.startSpan(`step-${index}`, () => index);

      const awaited = await timed(() => tracer.acreateSession({ sessionName: "awaited" }));
      expect(isSessionId(awaited.value)).toBe(true);
      expect(awaited.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);

      // Two flushes at once: both settle by their deadline; a 2xx answer counts as delivered.
      const [first, second] = await Promise.all([
        timed(() => tracer.forceFlush({ timeoutMs: TIMEOUT_MS })),
        timed(() => tracer.forceFlush({ timeoutMs: TIMEOUT_MS })),
      ]);
      for (const flush of [first, second]) {
        expect(typeof flush.value).toBe("boolean");
        expect(flush.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      }
      if (!testCase.answers2xx) expect(first.value || second.value).toBe(false);

      const shutdown = await timed(() => tracer.shutdown({ timeoutMs: TIMEOUT_MS }));
      expect(shutdown.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      // After shutdown: calls still never throw or hang.
      const late = await timed(() => tracer.forceFlush({ timeoutMs: TIMEOUT_MS }));
      expect(late.ms).toBeLessThan(100 + SLACK_MS);
      expect(isSessionId(tracer.createSession())).toBe(true);
    } finally {
      await close();
    }
  });
});

describe("a tracer's own faults", () => {
  it("a probe given up because its owner shut down does not push a shared breaker's next probe away", async () => {
    const backend = await FakeHoneyHiveBackend.start();
    try {
      backend.inject({ mode: "hang" });
      // A breaker shared by several transports (evaluate() shared one until review-sdk #1), each shutting down with its probe in flight.
      const breaker = new CircuitBreaker();
      breaker.recordFailure();
      await delay(breaker.msUntilProbe + 20);
      const owner = new HttpTransport(backend.url, { breaker });
      const probe = owner.deliver({ method: "POST", path: "/session/start", headers: {}, body: "{}", timeoutMs: 5_000 }, { respectBreaker: false });
      await backend.waitFor(() => backend.requests.length === 1, 2_000);
      owner.close();
      expect(await probe).toMatchObject({ ok: false, kind: "aborted" });
      // Before: counted as an outage, the next probe waited a doubled backoff (2 s) and the next one 4 s…
      expect(breaker.admit()).toBe("probe");
    } finally {
      await backend.close();
    }
  });


  it.each([
    ["a session update", /^\/events$/],
    ["a span export", /^\/opentelemetry\/v1\/traces$/],
  ])("reports %s refused with a 400 to every flush that was waiting for it, not only the first", async (_what, path) => {
    const backend = await FakeHoneyHiveBackend.start();
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "concurrent-flushes", serverUrl: backend.url, timeoutMs: 2_000 });
      expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
      backend.inject({ status: 400, path });
      tracer.enrichSession({ metadata: { refused: true } });
      tracer.startSpan("refused", () => undefined);
      // Before: the flush that resumed second answered true, as if everything had been delivered.
      expect(await Promise.all([0, 1, 2].map(() => tracer.forceFlush({ timeoutMs: 2_000 })))).toEqual([false, false, false]);
      // Reported once: the next flush, with nothing new failing, is true again.
      backend.heal();
      expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
      await tracer.shutdown({ timeoutMs: 500 });
    } finally {
      await backend.close();
    }
  });

  it("gives up reading an answer beyond 1 MB at once instead of downloading it until the deadline", async () => {
    const [huge] = BACKEND_FAULTS.filter((testCase) => testCase.fault?.mode === "huge-body");
    const { url, close } = await backendWith(huge);
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "huge", serverUrl: url, timeoutMs: 5_000 });
      const awaited = await timed(() => tracer.acreateSession({ sessionName: "huge" }));
      expect(awaited.ms).toBeLessThan(2_000);
      expect(logs.sdkLines().join("\n")).toMatch(/POST \/session\/start failed: answer larger than 1048576 bytes/);
      await tracer.shutdown({ timeoutMs: 500 });
    } finally {
      await close();
    }
  });
});

vi.setConfig({ testTimeout: 10_000 });
