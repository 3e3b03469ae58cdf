// A session id in an incoming `baggage` header is untrusted input. It must be validated as an explicit
// createSession({ sessionId }) is: an invalid one is never stamped on a span, sent as `event_id` or
// propagated downstream; it is dropped with one warning per kind of problem, never an exception.
import { context, propagation, ROOT_CONTEXT } from "@opentelemetry/api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HoneyHiveTracer, trace } from "./index.js";
import { resetWarningsForTests } from "./logger.js";
import { captureLogs, type LogCapture } from "./test-utils/log-capture.js";
import { useFakeBackend } from "./test-utils/use-fake-backend.js";

// Pairs, not an object literal: `{ __proto__: … }` would set the prototype instead of a key.
const hostileSessionIds = [
  ["not a UUID", "user-42"],
  ["CR/LF", "0f8fad5b-d9cb-469f-a165-70867728950e\r\nX-Injected: 1"],
  ["4,000 characters", "a".repeat(4_000)],
  ["__proto__", "__proto__"],
] as const;

/** A `baggage` header carrying `sessionId` (percent-encoded, as W3C baggage values are). */
const baggageHeaders = (sessionId: string) => ({
  traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  baggage: `honeyhive.session_id=${encodeURIComponent(sessionId)},tenant=acme`,
});

const fakeBackend = useFakeBackend();
let logs: LogCapture;
beforeEach(() => {
  resetWarningsForTests();
  logs = captureLogs();
});
afterEach(() => {
  logs.restore();
});

describe.each(hostileSessionIds)("a baggage session id that is %s", (_kind, hostileId) => {
  it("is not stamped, sent as event_id or propagated; the tracer's session is used, with one warning", async () => {
    const backend = fakeBackend();
    const tracer = HoneyHiveTracer.init({ apiKey: "hh-test-key", project: "untrusted", serverUrl: backend.url });
    const step = trace({ tracer, eventType: "tool", eventName: "step" }, () => {
      tracer.enrichSession({ outputs: { done: true } });
      const outgoing: Record<string, string> = {};
      tracer.inject(outgoing);
      return outgoing;
    });

    let outgoing: Record<string, string> = {};
    for (let request = 0; request < 3; request++) {
      outgoing = context.with(tracer.extract(baggageHeaders(hostileId)), step);
    }
    // createSession({ linkCarrier }) does not join it either: it starts a session of its own.
    const linked = context.with(ROOT_CONTEXT, () => tracer.createSession({ linkCarrier: baggageHeaders(hostileId) }));
    expect(await tracer.forceFlush({ timeoutMs: 3_000 })).toBe(true);
    await tracer.shutdown();

    const stamped = backend.spans().map((span) => span.attributes["honeyhive.session_id"]);
    expect(stamped).toEqual([tracer.sessionId, tracer.sessionId, tracer.sessionId]);
    const eventIds = backend.requestsTo("PUT", "/events").map((request) => (request.body as { event_id: string }).event_id);
    expect(eventIds).toEqual([tracer.sessionId, tracer.sessionId, tracer.sessionId]);
    const propagated = propagation.getBaggage(tracer.extract(outgoing))?.getEntry("honeyhive.session_id")?.value;
    expect(propagated).toBe(tracer.sessionId);
    expect(outgoing.baggage).toContain("tenant=acme"); // the rest of the baggage is kept
    expect(linked).not.toBe(hostileId);
    expect(backend.startedSessions().map((session) => session.session_id)).toContain(linked);

    const warnings = logs.sdkLines().filter((line) => line.includes("Ignored the session id"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toMatch(/[\r\n]/);
    expect(warnings[0].length).toBeLessThan(500);
  });
});

describe("baggage validation", () => {
  it("accepts an upper-case UUID from baggage, normalized to lower case, without a warning", () => {
    const tracer = HoneyHiveTracer.init({ project: "untrusted", testMode: true });
    const upper = "0F8FAD5B-D9CB-469F-A165-70867728950E";
    const step = trace({ tracer, eventName: "step" }, () => tracer.resolveSessionId());
    expect(context.with(tracer.extract(baggageHeaders(upper)), step)).toBe(upper.toLowerCase());
    expect(tracer.getFinishedSpans()[0].attributes["honeyhive.session_id"]).toBe(upper.toLowerCase());
    expect(logs.sdkLines()).toEqual([]);
  });

  it("also ignores an invalid id put in the context by another propagator", () => {
    const tracer = HoneyHiveTracer.init({ project: "untrusted", testMode: true });
    const baggage = propagation.createBaggage({ "honeyhive.session_id": { value: "not-a-session" } });
    const step = trace({ tracer, eventName: "step" }, () => 1);
    context.with(propagation.setBaggage(ROOT_CONTEXT, baggage), step);
    expect(tracer.getFinishedSpans()[0].attributes["honeyhive.session_id"]).toBe(tracer.sessionId);
    expect(logs.sdkLines().filter((line) => line.includes("Ignored the session id"))).toHaveLength(1);
  });
});
