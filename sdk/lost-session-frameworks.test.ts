// The lost-session-context shapes that the rule `no-lost-session-context` reports, proven on the
// frameworks themselves (sdk/lost-session-context.test.ts proves them on Express with a hook-runner
// adapter): every Fastify hook that runs before the handler (as `addHook` and as a route option),
// Fastify's done-callback hooks, Koa and Hono middleware (a callback that runs later, code after
// `await next()`), promise reactions, a helper function called
// from a hook or middleware, and route-level middleware on Hono apps, Express routers and Koa routers
// (@koa/router) while another route traces. Each "loses" case has
// a twin that differs only by the fix the rule names and keeps the session, so each proof fails when
// its shape is fixed. One shared tracer in test mode, a real server on 127.0.0.1, one request per case.
import { getRequestListener } from "@hono/node-server";
import express from "express";
import fastify, { type FastifyInstance } from "fastify";
import { Hono, type MiddlewareHandler } from "hono";
import Router, { type RouterMiddleware } from "@koa/router";
import Koa from "koa";
import { Agent, createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { HoneyHiveTracer } from "./index.js";
import { httpGet, LocalServers } from "./test-utils/local-http.js";

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** A callback API that answers later (a token introspection, a cache read). */
const later = (callback: () => void) => void setImmediate(callback);

const servers = new LocalServers();
const tracers: HoneyHiveTracer[] = [];
afterEach(async () => {
  await servers.closeAll();
  for (const tracer of tracers.splice(0)) await tracer.shutdown();
});

interface Probe {
  /** Creates the request's session (what the hook or middleware under test calls). */
  readonly open: () => void;
  /** The route handler's traced work. */
  readonly work: () => string;
}

/**
 * Serves one GET /chat through the app `build` makes and reports the session `open()` created, the
 * session the handler's span carried, and the tracer's startup session.
 */
async function oneRequest(build: (probe: Probe) => Promise<Server> | Server) {
  const tracer = HoneyHiveTracer.init({ project: "lost-session", sessionName: "server", testMode: true });
  tracers.push(tracer);
  let created: string | undefined;
  // A callback that runs later may run after the response: wait for it rather than for a time.
  let opened!: () => void;
  const openedOnce = new Promise<void>((resolve) => (opened = resolve));
  const probe: Probe = {
    open: () => {
      created = tracer.createSession({ sessionName: "chat" });
      opened();
    },
    work: () => tracer.startSpan("handler", () => "ok"),
  };
  const agent = new Agent({ keepAlive: false });
  const body = await httpGet(`${await servers.listen(await build(probe))}/chat`, agent);
  agent.destroy();
  expect(body).toContain("ok");
  await openedOnce;
  const span = tracer.getFinishedSpans().find((finished) => finished.name === "handler");
  expect(span, "the handler ran and traced").toBeDefined();
  return { created, carried: span!.attributes["honeyhive.session_id"], startup: tracer.sessionId };
}

async function fastifyServer(probe: Probe, register: (app: FastifyInstance) => void, routeOptions: object = {}): Promise<Server> {
  const app = fastify({ serverFactory: (handler) => createServer(handler) });
  register(app);
  app.get("/chat", routeOptions, async () => probe.work());
  await app.ready();
  return app.server;
}

// Fastify's hook runner awaits an async hook's promise and calls the next hook (and at last the
// handler) from its own reaction, registered before the hook's code after its first `await` ran.
const AWAITED_HOOKS = ["onRequest", "preParsing", "preValidation", "preHandler"] as const;

describe.each(AWAITED_HOOKS)("Fastify 5: an async %s hook", (hook) => {
  it("loses a session created after its first await (addHook): the handler reports into the startup session", async () => {
    const { created, carried, startup } = await oneRequest((probe) =>
      fastifyServer(probe, (app) =>
        app.addHook(hook, async () => {
          await pause();
          probe.open();
        }),
      ),
    );
    expect(carried).not.toBe(created);
    expect(carried).toBe(startup);
  });

  it("loses it as a route option too", async () => {
    const { carried, startup } = await oneRequest((probe) =>
      fastifyServer(probe, () => {}, {
        [hook]: async () => {
          await pause();
          probe.open();
        },
      }),
    );
    expect(carried).toBe(startup);
  });

  it("keeps it when createSession() runs before the first await (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      fastifyServer(probe, (app) =>
        app.addHook(hook, async () => {
          probe.open();
          await pause();
        }),
      ),
    );
    expect(carried).toBe(created);
  });
});

// A plugin module (fastify-cli's and @fastify/autoload's `export default async function (fastify) {…}`)
// adds its hooks and routes to the encapsulated instance it is given: its hooks run through the same
// hook runner as the root instance's.
describe("Fastify 5: a plugin's async onRequest hook (app.register(plugin), hook and route in the plugin)", () => {
  async function pluginServer(probe: Probe, hook: () => Promise<void>): Promise<Server> {
    const app = fastify({ serverFactory: (handler) => createServer(handler) });
    await app.register(async (instance) => {
      instance.addHook("onRequest", hook);
      instance.get("/chat", async () => probe.work());
    });
    await app.ready();
    return app.server;
  }

  it("loses a session created after the hook's first await", async () => {
    const { created, carried, startup } = await oneRequest((probe) =>
      pluginServer(probe, async () => {
        await pause();
        probe.open();
      }),
    );
    expect(carried).not.toBe(created);
    expect(carried).toBe(startup);
  });

  it("keeps it when createSession() runs before the first await (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      pluginServer(probe, async () => {
        probe.open();
        await pause();
      }),
    );
    expect(carried).toBe(created);
  });
});

describe("Fastify 5: a done-callback hook", () => {
  it("keeps a session created before done()", async () => {
    const { created, carried } = await oneRequest((probe) =>
      fastifyServer(probe, (app) =>
        app.addHook("onRequest", (_request, _reply, done) => {
          probe.open();
          done();
        }),
      ),
    );
    expect(carried).toBe(created);
  });

  it("loses one created in a callback that runs later while done() is called outside it", async () => {
    const { carried, startup } = await oneRequest((probe) =>
      fastifyServer(probe, (app) =>
        app.addHook("preHandler", (_request, _reply, done) => {
          later(() => probe.open());
          done();
        }),
      ),
    );
    expect(carried).toBe(startup);
  });

  it("keeps it when the callback calls done() itself (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      fastifyServer(probe, (app) =>
        app.addHook("preHandler", (_request, _reply, done) => {
          later(() => {
            probe.open();
            done();
          });
        }),
      ),
    );
    expect(carried).toBe(created);
  });
});

function koaServer(probe: Probe, middleware: Koa.Middleware): Server {
  const app = new Koa();
  app.use(middleware);
  app.use((context) => {
    context.body = probe.work();
  });
  return createServer(app.callback());
}

function honoServer(probe: Probe, middleware: MiddlewareHandler): Server {
  const app = new Hono();
  app.use(middleware);
  app.get("/chat", (context) => context.text(probe.work()));
  return createServer(getRequestListener(app.fetch));
}

describe("Koa 3 and Hono 4 middleware", () => {
  it("Koa: loses a session created in a callback that runs later while `await next()` is outside it", async () => {
    const { carried, startup } = await oneRequest((probe) =>
      koaServer(probe, async (_context, next) => {
        later(() => probe.open());
        await pause();
        await next();
      }),
    );
    expect(carried).toBe(startup);
  });

  it("Koa: keeps it when the callback calls next() (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      koaServer(probe, (_context, next) => new Promise((resolve) => later(() => (probe.open(), resolve(next()))))),
    );
    expect(carried).toBe(created);
  });

  it("Hono: loses a session created in a promise reaction while `await next()` is outside it", async () => {
    const { carried, startup } = await oneRequest((probe) =>
      honoServer(probe, async (_context, next) => {
        await Promise.resolve().then(() => probe.open());
        await next();
      }),
    );
    expect(carried).toBe(startup);
  });

  it("Hono: keeps it when createSession() runs in the middleware itself (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      honoServer(probe, async (_context, next) => {
        await Promise.resolve();
        probe.open();
        await next();
      }),
    );
    expect(carried).toBe(created);
  });
});

// Koa and Hono run the downstream middleware and the handler inside `next()` (the onion model): code
// after `await next()` runs once the handler is done, so a session it creates comes too late.
type AwaitingMiddleware = (context: unknown, next: () => Promise<void>) => Promise<void>;
const AWAITED_NEXT_SERVERS: [string, (probe: Probe, middleware: AwaitingMiddleware) => Server][] = [
  ["Koa 3", (probe, middleware) => koaServer(probe, middleware)],
  ["Hono 4", (probe, middleware) => honoServer(probe, middleware)],
];

describe.each(AWAITED_NEXT_SERVERS)("%s middleware: createSession() after `await next()`", (_name, server) => {
  it("loses it: the handler's span carries the startup session", async () => {
    const { created, carried, startup } = await oneRequest((probe) =>
      server(probe, async (_context, next) => {
        await next();
        probe.open();
      }),
    );
    expect(carried).not.toBe(created);
    expect(carried).toBe(startup);
  });

  it("keeps it when createSession() runs before `await next()` (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      server(probe, async (_context, next) => {
        probe.open();
        await next();
      }),
    );
    expect(carried).toBe(created);
  });
});

describe("Express 5: promise reactions and timers", () => {
  function expressServer(probe: Probe, middleware: express.RequestHandler): Server {
    const app = express();
    app.use(middleware);
    app.get("/chat", (_request, response) => void response.send(probe.work()));
    return createServer(app);
  }

  it("loses a session created in an awaited `.then()` reaction, next() called after it", async () => {
    const { carried, startup } = await oneRequest((probe) =>
      expressServer(probe, async (_request, _response, next) => {
        await Promise.resolve("user").then(() => probe.open());
        next();
      }),
    );
    expect(carried).toBe(startup);
  });

  it("keeps it when the reaction calls next() (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) =>
      expressServer(probe, (_request, _response, next) => {
        void Promise.resolve("user").then(() => {
          probe.open();
          next();
        });
      }),
    );
    expect(carried).toBe(created);
  });

  it("loses one created in a setTimeout callback, next() called outside it", async () => {
    const { carried, startup } = await oneRequest((probe) =>
      expressServer(probe, (_request, _response, next) => {
        setTimeout(() => probe.open(), 0);
        next();
      }),
    );
    expect(carried).toBe(startup);
  });
});

describe("a helper function that creates the session, called from the hook or middleware", () => {
  // Calling a function of the file that calls createSession() is creating the session where it is
  // called: the rule reports the helper's call in the shapes above.
  it("Fastify 5: loses the session when the hook calls the helper after its first await", async () => {
    const { created, carried, startup } = await oneRequest((probe) => {
      const openSession = () => probe.open();
      return fastifyServer(probe, (app) =>
        app.addHook("onRequest", async () => {
          await pause();
          openSession();
        }),
      );
    });
    expect(created).toBeDefined();
    expect(carried).toBe(startup);
  });

  it("Fastify 5: keeps it when the hook calls the helper first (the fix)", async () => {
    const { created, carried } = await oneRequest((probe) => {
      const openSession = () => probe.open();
      return fastifyServer(probe, (app) =>
        app.addHook("onRequest", async () => {
          openSession();
          await pause();
        }),
      );
    });
    expect(carried).toBe(created);
  });

  it("Hono 4: loses it when the helper runs in a callback while `await next()` is outside it, keeps it when next() waits for the callback", async () => {
    const lost = await oneRequest((probe) => {
      const openSession = () => probe.open();
      return honoServer(probe, async (_context, next) => {
        later(() => openSession());
        await next();
      });
    });
    expect(lost.carried).toBe(lost.startup);
    const kept = await oneRequest((probe) => {
      const openSession = () => probe.open();
      return honoServer(probe, (_context, next) => new Promise((resolve) => later(() => (openSession(), resolve(next())))));
    });
    expect(kept.carried).toBe(kept.created);
  });
});

describe("route-level middleware while another route of the same app or router traces", () => {
  interface Routes {
    /** Creates the session of the request to `path` (what the middleware under test calls). */
    readonly open: (path: string) => void;
    /** The traced work of the route `path`. */
    readonly work: (path: string) => string;
  }

  /**
   * GET /chat, then GET /search, each on a connection of its own: the session each one's handler span
   * carried, the sessions the middleware created by path, and the tracer's startup session.
   */
  async function chatThenSearch(build: (routes: Routes) => Server) {
    const tracer = HoneyHiveTracer.init({ project: "lost-session", sessionName: "server", testMode: true });
    tracers.push(tracer);
    const created = new Map<string, string>();
    const routes: Routes = {
      open: (path) => void created.set(path, tracer.createSession({ sessionName: path })),
      work: (path) => tracer.startSpan(`handler ${path}`, () => "ok"),
    };
    const base = await servers.listen(build(routes));
    const carried = new Map<string, unknown>();
    for (const path of ["/chat", "/search"]) {
      const agent = new Agent({ keepAlive: false });
      expect(await httpGet(`${base}${path}`, agent)).toContain("ok");
      agent.destroy();
      const span = tracer.getFinishedSpans().find((finished) => finished.name === `handler ${path}`);
      expect(span, `the ${path} handler ran and traced`).toBeDefined();
      carried.set(path, span!.attributes["honeyhive.session_id"]);
    }
    return { created, carried, startup: tracer.sessionId };
  }

  /** Where the middleware is also registered for every route: not at all, before the routes, or after them. */
  type EveryRoute = "none" | "before" | "after";

  function honoRoutes(routes: Routes, everyRoute: EveryRoute): Server {
    const app = new Hono();
    const openSession: MiddlewareHandler = async (context, next) => {
      routes.open(context.req.path);
      await next();
    };
    if (everyRoute === "before") app.use(openSession);
    app.get("/chat", openSession, (context) => context.text(routes.work("/chat")));
    app.get("/search", (context) => context.text(routes.work("/search")));
    if (everyRoute === "after") app.use(openSession);
    return createServer(getRequestListener(app.fetch));
  }

  function expressRouterRoutes(routes: Routes, everyRoute: EveryRoute): Server {
    const app = express();
    const router = express.Router();
    const openSession: express.RequestHandler = (request, _response, next) => {
      routes.open(request.path);
      next();
    };
    if (everyRoute === "before") router.use(openSession);
    router.get("/chat", openSession, (_request, response) => void response.send(routes.work("/chat")));
    router.get("/search", (_request, response) => void response.send(routes.work("/search")));
    if (everyRoute === "after") router.use(openSession);
    app.use(router);
    return createServer(app);
  }

  function koaRouterRoutes(routes: Routes, everyRoute: EveryRoute): Server {
    const app = new Koa();
    const router = new Router();
    const openSession: RouterMiddleware = async (context, next) => {
      routes.open(context.path);
      await next();
    };
    if (everyRoute === "before") router.use(openSession);
    router.get("/chat", openSession, (context) => {
      context.body = routes.work("/chat");
    });
    router.get("/search", (context) => {
      context.body = routes.work("/search");
    });
    if (everyRoute === "after") router.use(openSession);
    app.use(router.routes());
    return createServer(app.callback());
  }

  it.each([
    ["Hono 4: app.get(path, openSession, handler)", honoRoutes],
    ["Express 5: router.get(path, openSession, handler)", expressRouterRoutes],
    ["Koa 3 + @koa/router 15: router.get(path, openSession, handler)", koaRouterRoutes],
  ])("%s: the other route's requests report into the tracer's startup session", async (_name, build) => {
    const { created, carried, startup } = await chatThenSearch((routes) => build(routes, "none"));
    expect(carried.get("/chat")).toBe(created.get("/chat"));
    expect(created.has("/search")).toBe(false);
    expect(carried.get("/search")).toBe(startup);
  });

  it.each([
    ["Hono 4: app.use(openSession)", honoRoutes],
    ["Express 5: router.use(openSession)", expressRouterRoutes],
    ["Koa 3 + @koa/router 15: router.use(openSession)", koaRouterRoutes],
  ])("%s for every route (the fix): each route's request has its own session", async (_name, build) => {
    const { created, carried, startup } = await chatThenSearch((routes) => build(routes, "before"));
    expect(carried.get("/search")).toBe(created.get("/search"));
    expect(carried.get("/search")).not.toBe(startup);
    expect(carried.get("/chat")).toBe(created.get("/chat"));
  });

  it.each([
    ["Hono 4: app.use(openSession) after the routes", honoRoutes],
    ["Express 5: router.use(openSession) after the routes", expressRouterRoutes],
    ["Koa 3 + @koa/router 15: router.use(openSession) after the routes", koaRouterRoutes],
  ])("%s: the other route answers first, its requests report into the tracer's startup session", async (_name, build) => {
    const { created, carried, startup } = await chatThenSearch((routes) => build(routes, "after"));
    expect(created.has("/search")).toBe(false);
    expect(carried.get("/search")).toBe(startup);
    expect(carried.get("/chat")).toBe(created.get("/chat"));
  });
});
