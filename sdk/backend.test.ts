import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BackendClient } from "./backend.js";
import { HttpTransport, requestUrl } from "./http-transport.js";
import { createLogger } from "./logger.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";

const API_KEY = "hh-key-that-must-not-leak";

describe("BackendClient", () => {
  let backend: FakeHoneyHiveBackend;

  beforeAll(async () => {
    backend = await FakeHoneyHiveBackend.start({ datasets: { ds1: [{ id: "d1", inputs: { q: 1 } }] } });
  });
  afterAll(async () => {
    await backend.close();
  });

  it("sends JSON with the bearer key and returns the parsed answer", async () => {
    const client = new BackendClient({ serverUrl: backend.url + "/", apiKey: API_KEY });

    const started = await client.post("/session/start", { session: { project: "p", session_id: "s" } });
    const datapoints = await client.get("/datapoints?dataset_id=ds1");

    expect(started).toEqual({ ok: true, status: 200, body: { session_id: "s" } });
    expect(datapoints).toMatchObject({ ok: true, body: { datapoints: [{ id: "d1" }] } });
    const [request] = backend.requestsTo("POST", "/session/start");
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers["content-type"]).toBe("application/json");
  });

  it("turns 4xx/5xx, timeouts and refused connections into results, never rejections", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const logger = createLogger();
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY, timeoutMs: 200, logger });
    const refused = new BackendClient({ serverUrl: await FakeHoneyHiveBackend.refusingUrl(), apiKey: API_KEY, logger });

    const badRequest = await client.put("/events", {});
    backend.inject({ delayMs: 1_000, path: /^\/runs/ });
    const slow = await client.post("/runs", { project: "p", name: "n" });
    backend.heal();
    const down = await refused.get("/datapoints?dataset_id=x");

    expect(badRequest).toEqual({ ok: false, status: 400, error: "HoneyHive API PUT /events failed: HTTP 400" });
    expect(slow).toMatchObject({ ok: false, error: "HoneyHive API POST /runs failed: timed out after 200 ms" });
    expect(down).toMatchObject({ ok: false, error: expect.stringContaining("ECONNREFUSED") });
    const logged = warn.mock.calls.flat().join("\n");
    expect(logged).toContain("PUT /events failed");
    expect(logged).not.toContain(API_KEY);
    vi.restoreAllMocks();
  });

  it("settle() waits for calls in flight and reports failures since the previous settle()", async () => {
    // A total deadline shorter than the settle, so the failing call has given up its retries by then.
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY, timeoutMs: 1_000 });
    backend.inject({ delayMs: 100, path: /^\/session/ });
    void client.post("/session/start", { session: { project: "p" } });
    expect(client.pendingCalls).toBe(1);

    expect(await client.settle(2_000)).toBe(true);
    expect(client.pendingCalls).toBe(0);

    backend.inject({ status: 503 });
    void client.put("/events", { event_id: "e" });
    expect(await client.settle(2_000)).toBe(false);
    backend.heal();
    expect(await client.settle(2_000)).toBe(true);
  });

  it("sends calls on a later turn, pending from the moment they are asked for, with the body as it was then", async () => {
    const sendSpy = vi.spyOn(HttpTransport.prototype, "deliver");
    try {
      const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY });
      const session = { project: "p", session_id: "deferred-1" };
      const first = client.post("/session/start", { session });
      const second = client.put("/events", { event_id: "deferred-2" });
      session.session_id = "changed-after-the-call";

      expect(sendSpy).not.toHaveBeenCalled();
      expect(client.pendingCalls).toBe(2);
      expect(await client.settle(2_000)).toBe(true);
      expect(sendSpy).toHaveBeenCalledTimes(2);
      expect(await first).toMatchObject({ ok: true, body: { session_id: "deferred-1" } });
      expect(await second).toMatchObject({ ok: true });
      expect(client.pendingCalls).toBe(0);
    } finally {
      sendSpy.mockRestore();
    }
  });

  it("turns a body that cannot be serialized into a failed result at once", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY });
    const result = await client.put("/events", { event_id: "e", metrics: { big: 1n } });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("PUT /events failed: body not serializable") });
    expect(await client.settle(100)).toBe(false);
    vi.restoreAllMocks();
  });

  it("refuses new calls beyond maxPendingCalls instead of queueing without bound", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    backend.inject({ delayMs: 200 });
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY, maxPendingCalls: 2 });

    const results = await Promise.all([1, 2, 3].map(() => client.put("/events", { event_id: "e" })));

    backend.heal();
    expect(results.map((result) => result.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ error: expect.stringContaining("too many calls in flight") });
    vi.restoreAllMocks();
  });

  it("keeps the path and query of a serverUrl that has a query string (before: every request went to `/`)", async () => {
    const client = new BackendClient({ serverUrl: `${backend.url}/?access_token=qs-token&x=1`, apiKey: API_KEY });
    expect((await client.post("/session/start", { session: { project: "p", session_id: "qs" } })).ok).toBe(true);
    expect((await client.get("/datapoints?dataset_id=ds1")).ok).toBe(true);
    const [started] = backend.requestsTo("POST", "/session/start").filter((request) => request.query.access_token === "qs-token");
    expect(started?.query).toEqual({ access_token: "qs-token", x: "1" });
    const fetched = backend.requestsTo("GET", "/datapoints").filter((request) => request.query.access_token === "qs-token");
    expect(fetched.map((request) => request.query)).toEqual([{ access_token: "qs-token", x: "1", dataset_id: "ds1" }]);
    expect(requestUrl("https://proxy.example/hh/?t=1", "/runs/a%2Fb?x=2").href).toBe("https://proxy.example/hh/runs/a%2Fb?t=1&x=2");
    expect(requestUrl("https://api.example", "/session/start").href).toBe("https://api.example/session/start");
  });

  it("does not fail a PUT on the size of its answer, which it does not read (PUT /runs echoes every event id)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = new BackendClient({ serverUrl: backend.url, apiKey: API_KEY, timeoutMs: 5_000 });
    const huge = "x".repeat(2 * 1024 * 1024);
    try {
      backend.inject({ status: 200, path: /^\/runs\/run-big$/, rawBody: huge });
      expect(await client.put("/runs/run-big", { status: "completed" })).toMatchObject({ ok: true, status: 200 });
      // An answer the SDK reads is still capped.
      backend.inject({ status: 200, path: /^\/session\/start$/, rawBody: huge });
      expect(await client.post("/session/start", { session: {} })).toMatchObject({ ok: false });
      expect(warn.mock.calls.flat().join("\n")).not.toContain("PUT /runs");
    } finally {
      backend.heal();
      client.close();
      warn.mockRestore();
    }
  });
});
