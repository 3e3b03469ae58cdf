import { ROOT_CONTEXT, context, propagation, trace as otelTrace } from "@opentelemetry/api";
import { Agent, createServer, get as httpGet } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HoneyHiveTracer, isSessionId, trace, type TracerOptions } from "./index.js";
import { SESSION_BAGGAGE_KEY } from "./session-context.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";
import { HttpTransport } from "./http-transport.js";

/** Runs `fn` the way a server runs a request: in an async context of its own, detached from the caller's. */
function inNewRequest<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(ROOT_CONTEXT, () => new Promise<T>((resolve, reject) => setImmediate(() => fn().then(resolve, reject))));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

function sessionOf(tracer: HoneyHiveTracer, spanName: string): unknown {
  return tracer.getFinishedSpans().find((span) => span.name === spanName)?.attributes["honeyhive.session_id"];
}

describe("createSession()", () => {
  it("returns a client-made UUID at once and keeps the session active after awaits", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const step = trace({ tracer, eventName: "after-await" }, async () => tick());

    const sessionId = await inNewRequest(async () => {
      const id = tracer.createSession({ sessionName: "request" });
      await tick();
      await step();
      return id;
    });

    expect(isSessionId(sessionId)).toBe(true);
    expect(sessionId).not.toBe(tracer.sessionId);
    expect(sessionOf(tracer, "after-await")).toBe(sessionId);
  });

  it("holds for the handler a middleware hands over to with next()", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const handler = trace({ tracer, eventName: "handler" }, async () => tick());
    const middleware = (next: () => Promise<unknown>) => {
      tracer.createSession({ sessionName: "mw" });
      return next();
    };

    await inNewRequest(() => middleware(handler));

    const spanSession = sessionOf(tracer, "handler");
    expect(spanSession).not.toBe(tracer.sessionId);
    expect(isSessionId(spanSession)).toBe(true);
  });

  it("isolates concurrent requests sharing one tracer", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const handle = trace({ tracer, eventName: "work" }, async (request: number) => {
      await new Promise((resolve) => setTimeout(resolve, (request * 7) % 5));
      tracer.enrichSpan({ metadata: { request } });
    });

    const sessionIds = await Promise.all(
      Array.from({ length: 30 }, (_, request) =>
        inNewRequest(async () => {
          const id = tracer.createSession({ sessionName: `r${request}` });
          await tick();
          await handle(request);
          return id;
        }),
      ),
    );

    const spans = tracer.getFinishedSpans();
    expect(spans).toHaveLength(30);
    for (const span of spans) {
      const request = span.attributes["honeyhive_metadata.request"] as number;
      expect(span.attributes["honeyhive.session_id"]).toBe(sessionIds[request]);
    }
    expect(new Set(sessionIds).size).toBe(30);
  });

  it("falls back to the instance session where no session is in baggage (lookup order)", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const step = trace({ tracer, eventName: "step" }, () => tracer.resolveSessionId());

    const withoutBaggage = context.with(ROOT_CONTEXT, () => step());
    const withBaggage = await inNewRequest(async () => {
      const id = tracer.createSession();
      return [id, step()];
    });

    expect(withoutBaggage).toBe(tracer.sessionId);
    expect(withBaggage[1]).toBe(withBaggage[0]);
    const [first, second] = tracer.getFinishedSpans();
    expect(first.attributes["honeyhive.session_id"]).toBe(tracer.sessionId);
    expect(second.attributes["honeyhive.session_id"]).toBe(withBaggage[0]);
  });

  it("uses the given session id and joins a session carried in by linkCarrier", async () => {
    const upstream = HoneyHiveTracer.init({ testMode: true });
    const downstream = HoneyHiveTracer.init({ testMode: true });
    const headers: Record<string, string> = {};
    await inNewRequest(async () => {
      upstream.createSession();
      upstream.startSpan("call-downstream", () => upstream.inject(headers));
    });
    const upstreamSession = upstream.getFinishedSpans()[0].attributes["honeyhive.session_id"];

    const joined = await inNewRequest(async () => {
      const id = downstream.createSession({ linkCarrier: headers });
      downstream.startSpan("downstream-work", () => undefined);
      return id;
    });

    expect(joined).toBe(upstreamSession);
    const [work] = downstream.getFinishedSpans();
    const [call] = upstream.getFinishedSpans();
    expect(work.attributes["honeyhive.session_id"]).toBe(upstreamSession);
    expect(work.spanContext().traceId).toBe(call.spanContext().traceId);
    expect(work.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
  });
});

describe("sessions over one keep-alive connection", () => {
  /** Serves `handle` and sends the given paths one after another over a single keep-alive socket. */
  async function serveSequentially(handle: (path: string) => void, paths: string[]): Promise<void> {
    const server = createServer((request, response) => {
      handle(request.url ?? "/");
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of paths) {
        await new Promise<void>((resolve, reject) =>
          httpGet({ host: "127.0.0.1", port, path, agent }, (response) => response.resume().on("end", resolve)).on("error", reject),
        );
      }
    } finally {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("createSession() in one request does not carry into the next request on the connection", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    await serveSequentially(
      (path) => {
        if (path === "/chat") tracer.createSession();
        tracer.startSpan(path, () => undefined);
      },
      ["/chat", "/health"],
    );
    expect(sessionOf(tracer, "/chat")).not.toBe(tracer.sessionId);
    expect(sessionOf(tracer, "/health")).toBe(tracer.sessionId);
  });

  it("withSession() around the rest of the request leaves nothing behind for the next request", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    await serveSequentially(
      (path) => {
        const handler = () => tracer.startSpan(path, () => undefined);
        if (path === "/chat") tracer.withSession("chat", handler);
        else handler();
      },
      ["/chat", "/health"],
    );
    expect(sessionOf(tracer, "/chat")).not.toBe(tracer.sessionId);
    expect(sessionOf(tracer, "/health")).toBe(tracer.sessionId);
  });
});

describe("withSession()", () => {
  it("scopes the session to the callback and what it awaits", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const step = trace({ tracer }, async function step() {
      await tick();
    });

    const scopedId = await context.with(ROOT_CONTEXT, () =>
      tracer.withSession("batch", async (sessionId) => {
        await tick();
        await step();
        return sessionId;
      }),
    );
    await context.with(ROOT_CONTEXT, () => step());

    const [inside, outside] = tracer.getFinishedSpans();
    expect(inside.attributes["honeyhive.session_id"]).toBe(scopedId);
    expect(outside.attributes["honeyhive.session_id"]).toBe(tracer.sessionId);
  });
});

describe("sessionStart() (legacy)", () => {
  it("replaces the instance session, which every request without baggage then shares", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const startup = tracer.sessionId;
    const step = trace({ tracer, eventName: "step" }, () => undefined);

    const first = tracer.sessionStart({ sessionName: "a" });
    const second = tracer.sessionStart({ sessionName: "b" });
    context.with(ROOT_CONTEXT, () => step());

    expect(first).not.toBe(startup);
    expect(tracer.sessionId).toBe(second);
    expect(sessionOf(tracer, "step")).toBe(second);
  });
});

describe("inject() / extract()", () => {
  it("round-trips trace context and the session through W3C headers", async () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const headers: Record<string, string> = {};
    const sessionId = await inNewRequest(async () => {
      const id = tracer.createSession();
      tracer.startSpan("outgoing", () => tracer.inject(headers));
      return id;
    });

    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(headers.baggage).toContain(`${SESSION_BAGGAGE_KEY}=${sessionId}`);

    const extracted = tracer.extract(headers);
    expect(propagation.getBaggage(extracted)?.getEntry(SESSION_BAGGAGE_KEY)?.value).toBe(sessionId);
    expect(otelTrace.getSpanContext(extracted)?.traceId).toBe(tracer.getFinishedSpans()[0].spanContext().traceId);
  });

  it("works with fetch Headers carriers (Next.js route handlers, outgoing fetch)", async () => {
    const upstream = HoneyHiveTracer.init({ testMode: true });
    const downstream = HoneyHiveTracer.init({ testMode: true });
    const outgoing = new Headers({ "content-type": "application/json" });
    const sessionId = await inNewRequest(async () => {
      const id = upstream.createSession();
      upstream.startSpan("fetch", () => upstream.inject(outgoing));
      return id;
    });
    expect(outgoing.get("traceparent")).toMatch(/^00-/);

    const incoming = new Request("http://localhost/api/chat", { headers: outgoing }).headers;
    const joined = await inNewRequest(async () => downstream.createSession({ linkCarrier: incoming }));

    expect(joined).toBe(sessionId);
    expect(otelTrace.getSpanContext(downstream.extract(incoming))?.traceId).toBe(
      upstream.getFinishedSpans()[0].spanContext().traceId,
    );
  });

  it("injects the instance session when the context carries none", () => {
    const tracer = HoneyHiveTracer.init({ testMode: true });
    const headers: Record<string, string> = {};
    context.with(ROOT_CONTEXT, () => tracer.inject(headers));
    expect(headers.baggage).toBe(`${SESSION_BAGGAGE_KEY}=${tracer.sessionId}`);
  });
});

describe("sessions on the backend", () => {
  let backend: FakeHoneyHiveBackend;
  const options = (): TracerOptions => ({ apiKey: "hh-secret-key", project: "sessions", serverUrl: backend.url, source: "unit" });

  beforeAll(async () => {
    backend = await FakeHoneyHiveBackend.start();
  });
  afterAll(async () => {
    await backend.close();
  });

  it("starts the startup session and request sessions with the contract's body and auth", async () => {
    const tracer = HoneyHiveTracer.init({ ...options(), sessionName: "startup", sessionMetadata: { run_id: "r1" } });
    const requestSession = await inNewRequest(() =>
      tracer.acreateSession({ sessionName: "request", inputs: { path: "/chat" }, metadata: { user: "u" } }),
    );

    // acreateSession resolved: the backend already has the request session.
    const sessions = backend.startedSessions();
    expect(sessions).toContainEqual({
      project: "sessions",
      session_name: "request",
      source: "unit",
      session_id: requestSession,
      inputs: { path: "/chat" },
      metadata: { user: "u" },
    });
    expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);
    expect(backend.startedSessions()).toContainEqual(
      expect.objectContaining({ session_id: tracer.sessionId, session_name: "startup", metadata: { run_id: "r1" } }),
    );
    for (const request of backend.requestsTo("POST", "/session/start")) {
      expect(request.headers.authorization).toBe("Bearer hh-secret-key");
    }
    await tracer.shutdown();
  });

  it("createSession() and withSession() return before the backend call starts; forceFlush() still waits for it", async () => {
    const tracer = HoneyHiveTracer.init(options());
    await tracer.forceFlush();
    const sendSpy = vi.spyOn(HttpTransport.prototype, "deliver");
    try {
      const [created, scoped] = context.with(ROOT_CONTEXT, () => [
        tracer.createSession({ sessionName: "deferred" }),
        tracer.withSession("deferred-scope", (sessionId) => sessionId),
      ]);

      // Building and writing a request is synchronous work: none of it may run inside the request.
      expect(sendSpy).not.toHaveBeenCalled();
      // Asked for, not yet started: the flush must count these calls and wait for them.
      expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);
      expect(sendSpy).toHaveBeenCalledTimes(2);
      const started = backend.startedSessions().map((session) => session.session_id);
      expect(started).toEqual(expect.arrayContaining([created, scoped]));
    } finally {
      sendSpy.mockRestore();
      await tracer.shutdown();
    }
  });

  it("skipApiCall links an existing session without a request", async () => {
    const tracer = HoneyHiveTracer.init(options());
    await tracer.forceFlush();
    const before = backend.requestsTo("POST", "/session/start").length;
    const existing = "0b7c3c2e-7a51-4c1b-9a5e-2f0c1d2e3f40";

    const linked = await inNewRequest(async () => tracer.createSession({ sessionId: existing, skipApiCall: true }));

    expect(await tracer.forceFlush()).toBe(true);
    expect(linked).toBe(existing);
    expect(backend.requestsTo("POST", "/session/start")).toHaveLength(before);
    await tracer.shutdown();
  });

  it("enrichSession() updates the baggage session, else the instance session, else the given one", async () => {
    const tracer = HoneyHiveTracer.init(options());
    const explicit = "5d1e1a8c-3b2f-4c6d-8e9f-0a1b2c3d4e5f";
    const requestSession = await inNewRequest(async () => {
      const id = tracer.createSession();
      tracer.enrichSession({ outputs: { status: 200 }, metrics: { ms: 5 } });
      return id;
    });
    context.with(ROOT_CONTEXT, () => tracer.enrichSession({ metadata: { phase: "startup" } }));
    tracer.enrichSession({ sessionId: explicit, feedback: { rating: 4 } });

    expect(await tracer.forceFlush()).toBe(true);
    const updates = backend.requestsTo("PUT", "/events").map((request) => request.body);
    expect(updates).toContainEqual({ event_id: requestSession, outputs: { status: 200 }, metrics: { ms: 5 } });
    expect(updates).toContainEqual({ event_id: tracer.sessionId, metadata: { phase: "startup" } });
    expect(updates).toContainEqual({ event_id: explicit, feedback: { rating: 4 } });
    await tracer.shutdown();
  });
});

// docs/sdk.md, Guarantees: a timeout is a total deadline. An awaited acreateSession() gives up at
// timeoutMs (+ a margin) from the call; its request used to count its own timeoutMs from when it was
// sent (the next turn of the event loop), so a send that started late outlived the await, and the exit
// flush of a script ending there aborted it. The call's deadline now counts from the call.
describe("an awaited acreateSession() whose request is sent late", () => {
  it("ends its request by the call's deadline, not timeoutMs after the send started", async () => {
    const backend = await FakeHoneyHiveBackend.start();
    backend.inject({ mode: "hang" });
    const tracer = HoneyHiveTracer.init({ apiKey: "hh-secret-key", project: "late", serverUrl: backend.url, timeoutMs: 600 });
    try {
      const call = tracer.acreateSession({ sessionName: "late" });
      // The application keeps the event loop busy: the queued call is sent 500 ms late.
      const busyUntil = Date.now() + 500;
      while (Date.now() < busyUntil) {
        // busy
      }
      // The request did go out (the case proves nothing otherwise).
      await backend.waitFor(() => backend.requestsTo("POST", "/session/start").length > 0);
      await call;
      // Before, the request was destroyed only ~500 ms after the await had returned on its timer.
      await backend.waitFor(() => backend.openConnections === 0, 200);
    } finally {
      await tracer.shutdown({ timeoutMs: 1_000 });
      await backend.close();
    }
  });
});
