// Issue 16 item 4, proven at run time before any rule is written: where `createSession()` runs but
// the session it makes cannot reach the spans of the request. Each shape is a real Express app on
// 127.0.0.1 with one shared tracer in test mode; each request's spans are read back with the session
// they were stamped with. docs/sdk.md ("Where createSession() must run") records the results.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { Agent, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HoneyHiveTracer } from "./index.js";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

interface TracedApp {
  readonly tracer: HoneyHiveTracer;
  readonly app: express.Express;
  /** The session each request's middleware created, by the request's `x-request` header. */
  readonly created: Map<string, string>;
  /** A traced route handler: its span is named after the request's `x-request` header. */
  readonly handler: RequestHandler;
}

function tracedApp(): TracedApp {
  const tracer = HoneyHiveTracer.init({ testMode: true, project: "lost-session" });
  const created = new Map<string, string>();
  const handler: RequestHandler = (req, res) => {
    tracer.startSpan(`handler ${req.get("x-request")}`, () => res.json({ ok: true }));
  };
  return { tracer, app: express(), created, handler };
}

/** Records the session a middleware created for this request. */
function createSessionFor(traced: TracedApp, req: Request): void {
  traced.created.set(req.get("x-request")!, traced.tracer.createSession({ sessionName: req.path }));
}

let server: Server | undefined;
const agents: Agent[] = [];

afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(app: express.Express): Promise<string> {
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * GET `path` with an `x-request` label, on a connection of its own unless a keep-alive agent is given
 * (sequential calls on one such agent reuse one connection).
 */
function request(base: string, path: string, label: string, agent: Agent | false = false): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(`${base}${path}`, { headers: { "x-request": label }, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    }).on("error", reject);
  });
}

function keepAliveAgent(): Agent {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}

/** The session the handler span of request `label` was stamped with. */
function handlerSession(traced: TracedApp, label: string): unknown {
  const span = traced.tracer.getFinishedSpans().find((finished) => finished.name === `handler ${label}`);
  expect(span, `no handler span for ${label}`).toBeDefined();
  return span!.attributes["honeyhive.session_id"];
}

/** One request to `/chat` through the middleware made by `middleware`: the session it created and the one its handler span carried. */
async function oneRequestThrough(middleware: (traced: TracedApp) => RequestHandler) {
  const traced = tracedApp();
  traced.app.use(middleware(traced));
  traced.app.get("/chat", traced.handler);
  await request(await listen(traced.app), "/chat", "a");
  return { created: traced.created.get("a"), carried: handlerSession(traced, "a"), startup: traced.tracer.sessionId };
}

describe("createSession() in a middleware reaches the handler (the control)", () => {
  it("app.use middleware that creates the session, then calls next()", async () => {
    const traced = tracedApp();
    traced.app.use((req, _res, next) => {
      createSessionFor(traced, req);
      next();
    });
    traced.app.get("/chat", traced.handler);
    const base = await listen(traced.app);
    await request(base, "/chat", "a");
    await request(base, "/chat", "b");
    expect(handlerSession(traced, "a")).toBe(traced.created.get("a"));
    expect(handlerSession(traced, "b")).toBe(traced.created.get("b"));
    expect(traced.created.get("a")).not.toBe(traced.created.get("b"));
  });
});

describe("after an await in a hook the framework awaits before the handler", () => {
  // Fastify's hook runner (and any adapter written as `hook(req).then(() => next())`) runs the handler
  // from a reaction registered before the hook's code after its first `await` ran. This adapter has the
  // same shape on Express; sdk/request-isolation.test.ts proves the same on Fastify itself.
  const awaitedHook =
    (hook: (req: Request) => Promise<void>): RequestHandler =>
    (req, _res, next) => {
      hook(req).then(() => next(), next);
    };

  it("loses the session: the handler's spans land in the tracer's startup session", async () => {
    const { created, carried, startup } = await oneRequestThrough((traced) =>
      awaitedHook(async (req) => {
        await tick();
        createSessionFor(traced, req);
      }),
    );
    expect(created).toBeDefined();
    expect(carried).not.toBe(created);
    expect(carried).toBe(startup);
  });

  it("keeps it when createSession() runs before the first await (the fix: move the call first)", async () => {
    const { created, carried } = await oneRequestThrough((traced) =>
      awaitedHook(async (req) => {
        createSessionFor(traced, req);
        await tick();
      }),
    );
    expect(carried).toBe(created);
  });

  it("keeps it in an async Express middleware that awaits, then creates the session and calls next() itself", async () => {
    const { created, carried } = await oneRequestThrough((traced) => async (req: Request, _res: Response, next: NextFunction) => {
      await tick();
      createSessionFor(traced, req);
      next();
    });
    expect(carried).toBe(created);
  });
});

describe("inside a callback", () => {
  /** An auth check with a Node-style callback that answers later (a token introspection, a DB read). */
  const verifyLater = (callback: () => void) => setImmediate(callback);

  it("loses the session when the callback runs after next() was called outside it", async () => {
    const { created, carried, startup } = await oneRequestThrough((traced) => (req, _res, next) => {
      verifyLater(() => createSessionFor(traced, req));
      next();
    });
    expect(created, "the callback ran and created a session").toBeDefined();
    expect(carried).toBe(startup);
  });

  it("keeps it when the callback calls next() itself", async () => {
    const { created, carried } = await oneRequestThrough((traced) => (req, _res, next) => {
      verifyLater(() => {
        createSessionFor(traced, req);
        next();
      });
    });
    expect(carried).toBe(created);
  });

  it("keeps it when the callback is called synchronously, before next()", async () => {
    const verifyNow = (callback: () => void) => callback();
    const { created, carried } = await oneRequestThrough((traced) => (req, _res, next) => {
      verifyNow(() => createSessionFor(traced, req));
      next();
    });
    expect(carried).toBe(created);
  });
});

describe("in a route-level middleware while other routes of the app trace", () => {
  function routeLevelApp(): TracedApp {
    const traced = tracedApp();
    const openSession: RequestHandler = (req, _res, next) => {
      createSessionFor(traced, req);
      next();
    };
    traced.app.get("/chat", openSession, traced.handler);
    traced.app.get("/search", traced.handler);
    return traced;
  }

  it("the other routes' requests share the tracer's startup session", async () => {
    const traced = routeLevelApp();
    const base = await listen(traced.app);
    await request(base, "/search", "s1");
    await request(base, "/search", "s2");
    expect(handlerSession(traced, "s1")).toBe(traced.tracer.sessionId);
    expect(handlerSession(traced, "s2")).toBe(traced.tracer.sessionId);
  });

  // Issue 12 item 12 (fixed): a request attached its session to its keep-alive connection, so the
  // next request there that created none carried it (user A's session in user B's spans). The SDK now
  // gives every incoming request a clean context, so the second request gets the startup session.
  it("a request on a keep-alive connection does not carry the previous request's session", async () => {
    const traced = routeLevelApp();
    const base = await listen(traced.app);
    const ports = new Set<number>();
    server!.on("request", (req) => ports.add(req.socket.remotePort!));
    const agent = keepAliveAgent();
    await request(base, "/chat", "c1", agent);
    await request(base, "/search", "s1", agent);
    expect(ports.size, "both requests used one connection").toBe(1);
    expect(handlerSession(traced, "c1")).toBe(traced.created.get("c1"));
    expect(handlerSession(traced, "s1")).toBe(traced.tracer.sessionId);
  });
  it("withSession(…, () => next()) in app-level middleware gives every request of every route its own session", async () => {
    const traced = tracedApp();
    traced.app.use((req, _res, next) => {
      traced.tracer.withSession({ sessionName: req.path }, (sessionId) => {
        traced.created.set(req.get("x-request")!, sessionId);
        next();
      });
    });
    traced.app.get("/chat", traced.handler);
    traced.app.get("/search", traced.handler);
    const base = await listen(traced.app);
    const agent = keepAliveAgent();
    for (const [path, label] of [["/chat", "c1"], ["/search", "s1"], ["/search", "s2"]]) await request(base, path, label, agent);
    const sessions = ["c1", "s1", "s2"].map((label) => handlerSession(traced, label));
    expect(sessions).toEqual(["c1", "s1", "s2"].map((label) => traced.created.get(label)));
    expect(new Set([...sessions, traced.tracer.sessionId]).size).toBe(4);
  });
});
