// The serverless pattern of the seeds: a tracer lazily initialized outside the handler (it survives
// warm starts), a session per invocation, and `await tracer.forceFlush()` before the handler returns,
// because the runtime freezes the process as soon as it has the result and buffered spans would
// never leave. These tests run a Lambda-style handler against the local fake backend and show both
// halves: without the flush the spans are not at the backend when the handler returns, with it they are.
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HoneyHiveTracer, trace } from "./index.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";

const API_KEY = "hh-test-key-lambda";

interface LambdaContext {
  awsRequestId: string;
}

/**
 * A fresh "module" as a cold start loads it: the lazily initialized tracer lives at module level, so
 * warm invocations of the same module reuse it. `flush` decides whether the handler flushes.
 */
function loadLambdaModule(serverUrl: string, { flush }: { flush: boolean }) {
  let tracer: HoneyHiveTracer | undefined;
  let initCount = 0;
  const getTracer = (): HoneyHiveTracer => {
    if (!tracer) {
      initCount++;
      tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "lambda", source: "lambda", serverUrl });
    }
    return tracer;
  };

  const processEvent = async (event: { order: number }): Promise<{ status: string; order: number }> => {
    await delay(2);
    return { status: "success", order: event.order };
  };

  const handler = async (event: { order: number }, lambdaContext: LambdaContext) => {
    const tracer = getTracer();
    const sessionId = tracer.createSession({ sessionName: `lambda-${lambdaContext.awsRequestId}`, inputs: { event } });
    try {
      const result = await trace({ tracer, eventType: "tool", eventName: "process_event" }, processEvent)(event);
      tracer.enrichSession({ outputs: { result }, metadata: { request_id: lambdaContext.awsRequestId } });
      return { sessionId, result };
    } finally {
      if (flush) await tracer.forceFlush({ timeoutMs: 5_000 });
    }
  };

  return { handler, initCount: () => initCount, tracer: () => tracer };
}

let backend: FakeHoneyHiveBackend;
const loadedTracers: (HoneyHiveTracer | undefined)[] = [];
beforeAll(async () => {
  backend = await FakeHoneyHiveBackend.start();
});
afterAll(async () => {
  await backend.close();
});
afterEach(async () => {
  for (const tracer of loadedTracers.splice(0)) await tracer?.shutdown({ timeoutMs: 2_000 });
});

const spansOfSession = (sessionId: string) =>
  backend.spans().filter((span) => span.attributes["honeyhive.session_id"] === sessionId);

describe("a Lambda-style handler with the default (batching) span processor", () => {
  it("returns before its spans reach the backend when it does not call forceFlush()", async () => {
    const lambda = loadLambdaModule(backend.url, { flush: false });
    const { sessionId, result } = await lambda.handler({ order: 1 }, { awsRequestId: "req-no-flush" });
    loadedTracers.push(lambda.tracer());

    expect(result).toEqual({ status: "success", order: 1 });
    // Even a moment later: the spans sit in the batch queue, waiting for a timer a frozen runtime never runs.
    await delay(100);
    expect(spansOfSession(sessionId)).toEqual([]);
    // They were only buffered: a flush (which a frozen runtime would never get to) delivers them.
    expect(await lambda.tracer()!.forceFlush({ timeoutMs: 5_000 })).toBe(true);
    expect(spansOfSession(sessionId).map((span) => span.name)).toEqual(["process_event"]);
  });

  it("has its spans and session at the backend when it returns, with await tracer.forceFlush() in finally", async () => {
    const lambda = loadLambdaModule(backend.url, { flush: true });
    const { sessionId } = await lambda.handler({ order: 2 }, { awsRequestId: "req-flush" });
    loadedTracers.push(lambda.tracer());

    expect(spansOfSession(sessionId).map((span) => span.name)).toEqual(["process_event"]);
    expect(backend.startedSessions()).toContainEqual(
      expect.objectContaining({ session_id: sessionId, session_name: "lambda-req-flush", source: "lambda" }),
    );
    expect(backend.requestsTo("PUT", "/events").map((request) => request.body)).toContainEqual(
      expect.objectContaining({ event_id: sessionId, outputs: { result: { status: "success", order: 2 } } }),
    );
  });

  it("reuses the tracer on warm starts and still gives every invocation its own session", async () => {
    const lambda = loadLambdaModule(backend.url, { flush: true });
    const first = await lambda.handler({ order: 3 }, { awsRequestId: "warm-1" });
    const second = await lambda.handler({ order: 4 }, { awsRequestId: "warm-2" });
    loadedTracers.push(lambda.tracer());

    expect(lambda.initCount()).toBe(1);
    expect(first.sessionId).not.toBe(second.sessionId);
    expect(spansOfSession(first.sessionId)).toHaveLength(1);
    expect(spansOfSession(second.sessionId)).toHaveLength(1);
  });
});
