// gaps-sdk-6: how often an unavailable backend is warned about, against local stand-in backends on
// 127.0.0.1. An outage of a server is said once per outage: not once per process (a second outage, after
// the backend had come back, was never said), not once per REST method and route (one outage printed a
// line for POST /session/start, another for PUT /events, another for POST /runs, and again for each kind
// of failure), and not more than once a minute for a backend that fails one call and answers the next.
// A server is named by its origin, never its credentials, path or query.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackendClient } from "./backend.js";
import { HoneyHiveTracer } from "./index.js";
import { OUTAGE_REWARN_INTERVAL_MS, outageEnded, warnOutage } from "./logger.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";
import { useLogCapture } from "./test-utils/log-capture.js";

const API_KEY = "hh-outage-warnings-secret-key";
const logs = useLogCapture((captured) => expect(captured.lines.join("\n")).not.toContain(API_KEY));

/** Date.now() runs on, `skippedMs` ahead of the real clock: the re-warn interval passes without waiting a minute. */
let skippedMs = 0;
beforeEach(() => {
  skippedMs = 0;
  const realNow = Date.now.bind(Date);
  vi.spyOn(Date, "now").mockImplementation(() => realNow() + skippedMs);
});
afterEach(() => {
  vi.restoreAllMocks();
});
const skipPastRewarnInterval = (): void => {
  skippedMs += OUTAGE_REWARN_INTERVAL_MS + 1_000;
};

const linesWith = (text: string): string[] => logs().sdkLines().filter((line) => line.includes(text));

describe("warnOutage", () => {
  it("says an outage once, again after the server answered, but not within the re-warn interval", () => {
    warnOutage("http://a.example", "spans", "a is down");
    warnOutage("http://a.example", "spans", "a is down");
    // Another server, another topic: outages of their own.
    warnOutage("http://b.example", "spans", "b is down");
    warnOutage("http://a.example", "api", "a's API is down");
    expect(logs().sdkLines()).toEqual(["[honeyhive] a is down", "[honeyhive] b is down", "[honeyhive] a's API is down"]);

    // Answered, then down again within a minute (flapping): quiet, and the outage counts as said.
    outageEnded("http://a.example", "spans");
    warnOutage("http://a.example", "spans", "a is down");
    skipPastRewarnInterval();
    warnOutage("http://a.example", "spans", "a is down");
    expect(linesWith("a is down")).toHaveLength(1);

    // Answered, then down again a minute after the last warning: a new outage, said.
    outageEnded("http://a.example", "spans");
    warnOutage("http://a.example", "spans", "a is down");
    warnOutage("http://a.example", "spans", "a is down");
    expect(linesWith("a is down")).toHaveLength(2);
    // An answer of the API says nothing about the spans, and the other way round.
    outageEnded("http://a.example", "api");
    skipPastRewarnInterval();
    warnOutage("http://a.example", "spans", "a is down");
    expect(linesWith("a is down")).toHaveLength(2);
  });
});

describe("REST calls (BackendClient)", () => {
  it("warn once per server for an outage, whatever the method, route, kind of failure or spelling of the URL", async () => {
    const refusing = await FakeHoneyHiveBackend.refusingUrl();
    const hanging = await FakeHoneyHiveBackend.start();
    hanging.inject({ mode: "hang" });
    const withSecrets = (url: string) => {
      const parsed = new URL(url);
      parsed.username = "proxy-user";
      parsed.password = "proxy-pass-1234";
      parsed.search = "?token=query-token-5678";
      return parsed.href;
    };
    try {
      const clients = [refusing, withSecrets(refusing)].map((serverUrl) => new BackendClient({ serverUrl, apiKey: API_KEY, timeoutMs: 300 }));
      await Promise.all(
        clients.flatMap((client) => [
          client.post("/session/start", { session: {} }),
          client.put("/events", { event_id: "e" }),
          client.post("/runs", { name: "r" }),
          client.get("/datapoints?dataset_id=d"),
        ]),
      );
      // The hung server times out (another kind of failure) on another server: its own line.
      const hung = new BackendClient({ serverUrl: withSecrets(hanging.url), apiKey: API_KEY, timeoutMs: 300 });
      await Promise.all([hung.post("/session/start", { session: {} }), hung.put("/events", { event_id: "e" })]);
      for (const client of [...clients, hung]) client.close();

      const failed = linesWith("HoneyHive API");
      expect(failed).toHaveLength(2);
      expect(failed[0]).toContain(`server ${new URL(refusing).origin};`);
      expect(failed[1]).toMatch(/timed out after 300 ms/);
      expect(failed[1]).toContain(`server ${new URL(hanging.url).origin};`);
      expect(logs().lines.join("\n")).not.toMatch(/proxy-user|proxy-pass-1234|query-token-5678/);
    } finally {
      await hanging.close();
    }
  }, 30_000);

  it("warn once per server and status for a refusal, not per route", async () => {
    const backend = await FakeHoneyHiveBackend.start();
    backend.inject({ status: 401 });
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY, timeoutMs: 2_000 });
    try {
      await Promise.all([client.post("/session/start", { session: {} }), client.put("/events", { event_id: "e" }), client.post("/runs", {})]);
      backend.inject({ status: 403 });
      await client.put("/events", { event_id: "e" });
      const failed = linesWith("HoneyHive API");
      expect(failed).toHaveLength(2);
      expect(failed[0]).toMatch(/HTTP 401 \(the API key was not accepted/);
      expect(failed[1]).toMatch(/PUT \/events failed: HTTP 403/);
    } finally {
      client.close();
      await backend.close();
    }
  }, 30_000);

  it("warn again for an outage after the server answered in between", async () => {
    const backend = await FakeHoneyHiveBackend.start();
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY, timeoutMs: 300 });
    try {
      backend.inject({ mode: "close-on-accept" });
      await client.post("/session/start", { session: {} });
      await client.put("/events", { event_id: "e" });
      expect(linesWith("HoneyHive API")).toHaveLength(1);
      backend.heal();
      expect((await client.put("/events", { event_id: "e" })).ok).toBe(true);
      skipPastRewarnInterval();
      backend.inject({ mode: "close-on-accept" });
      await client.put("/events", { event_id: "e" });
      await client.post("/session/start", { session: {} });
      expect(linesWith("HoneyHive API")).toHaveLength(2);
    } finally {
      client.close();
      await backend.close();
    }
  }, 30_000);
});

describe("span export", () => {
  /** Flushes until the backend has every span (kept spans go out once a probe finds it back), at most ~15 s. */
  async function flushUntilDelivered(tracer: HoneyHiveTracer): Promise<boolean> {
    for (let attempt = 0; attempt < 60; attempt++) {
      if (await tracer.forceFlush({ timeoutMs: 2_000 })) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  it("warns once per outage of a backend that goes down, up and down again", async () => {
    const backend = await FakeHoneyHiveBackend.start();
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "outages", serverUrl: backend.url, timeoutMs: 500 });
    // This backend's lines only: the worker is shared with other files, whose tracers may warn about their own
    // servers while this test runs (a tracer shut down at its deadline says it dropped its pending export).
    const origin = new URL(backend.url).origin;
    const spanExportFailures = () => linesWith("Exporting spans to HoneyHive failed").filter((line) => line.includes(`server ${origin}`));
    /** The backend closes every connection; two spans, each flushed, fail to export. */
    const goDown = async (name: string): Promise<void> => {
      backend.inject({ mode: "close-on-accept" });
      tracer.startSpan(name, () => undefined);
      expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(false);
      tracer.startSpan(`${name}, later`, () => undefined);
      expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(false);
    };
    try {
      tracer.startSpan("before", () => undefined);
      expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);
      expect(spanExportFailures()).toEqual([]);

      // Down: said once, however many exports fail.
      await goDown("first outage");
      expect(spanExportFailures()).toHaveLength(1);
      expect(spanExportFailures()[0]).toContain(`server ${origin};`);
      expect(spanExportFailures()[0]).toContain("spans are kept");

      // Up: the kept spans are delivered, nothing more is said.
      backend.heal();
      expect(await flushUntilDelivered(tracer)).toBe(true);
      expect(backend.spans().map((span) => span.name)).toEqual(expect.arrayContaining(["before", "first outage", "first outage, later"]));
      expect(spanExportFailures()).toHaveLength(1);

      // Down again, a minute later: a new outage, said again (once per process, it was not).
      skipPastRewarnInterval();
      await goDown("second outage");
      expect(spanExportFailures()).toHaveLength(2);

      backend.heal();
      expect(await flushUntilDelivered(tracer)).toBe(true);
      expect(backend.spans().map((span) => span.name)).toEqual(expect.arrayContaining(["second outage", "second outage, later"]));
    } finally {
      await tracer.shutdown({ timeoutMs: 2_000 });
      await backend.close();
    }
  }, 60_000);
});
