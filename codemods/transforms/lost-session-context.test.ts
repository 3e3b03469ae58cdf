import { describe, expect, it } from "vitest";
import { MARKER_MESSAGES } from "../../analysis/fixes/review-markers.js";
import { runTransforms } from "../engine/engine.js";
import { markerComment } from "../engine/markers.js";

const run = (code: string, filename = "src/server.ts") => runTransforms(code, filename, { transforms: ["lost-session-context"] });

const FASTIFY = `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "api" });
const app = Fastify();
`;

describe("lost-session-context", () => {
  it("moves createSession() before the first await of every hook in one run, and changes nothing on a second run", () => {
    const before = `${FASTIFY}
app.addHook("onRequest", async (request) => {
  await audit(request);
  tracer.createSession({ sessionName: request.url });
});

app.addHook("preHandler", async (request) => {
  await rateLimit(request.ip);
  // per request
  tracer.createSession();
});
`;
    const result = run(before);
    expect(result.markers).toBe(0);
    expect(result.output).toBe(`${FASTIFY}
app.addHook("onRequest", async (request) => {
  tracer.createSession({ sessionName: request.url });
  await audit(request);
});

app.addHook("preHandler", async (request) => {
  // per request
  tracer.createSession();
  await rateLimit(request.ip);
});
`);
    expect(run(result.output).changed).toBe(false);
  });

  it("leaves one marker where the session depends on the awaited value, also after a second run", () => {
    const before = `${FASTIFY}
app.addHook("onRequest", async (request) => {
  const user = await auth(request);
  tracer.createSession({ metadata: { user: user.id } });
});
`;
    const result = run(before);
    expect(result.markers).toBe(1);
    expect(result.output).toBe(
      before.replace("  tracer.createSession", `  ${markerComment(MARKER_MESSAGES.lostSessionAfterAwait("onRequest"))}\n  tracer.createSession`),
    );
    expect(run(result.output).changed).toBe(false);
  });

  it("leaves one marker on route-level middleware while another route traces, and on a helper called after an await, also after a second run", () => {
    const before = `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "api" });
const app = express();
const openSession = (req, res, next) => {
  tracer.createSession({ sessionName: req.path });
  next();
};
app.get("/chat", openSession, (req, res) => res.json(tracer.startSpan("chat", () => 1)));
app.get("/search", (req, res) => res.json(tracer.startSpan("search", () => 2)));
`;
    const result = run(before);
    expect(result.markers).toBe(1);
    expect(result.output).toBe(
      before.replace("  tracer.createSession", `  ${markerComment(MARKER_MESSAGES.lostSessionInRouteMiddleware("GET /search", "app"))}\n  tracer.createSession`),
    );
    expect(run(result.output).changed).toBe(false);
    // Registered for every route as well, before the other route: nothing to do; after it, the route answers first.
    expect(run(before.replace(`app.get("/search"`, `app.use(openSession);\napp.get("/search"`)).changed).toBe(false);
    const useAfter = run(`${before}app.use(openSession);\n`);
    expect(useAfter.markers).toBe(1);
    // The `use` exists: the marker says to move it before the routes, not to add one.
    expect(useAfter.output).toContain(markerComment(MARKER_MESSAGES.lostSessionInRouteMiddleware("GET /search", "app", true)));
    expect(MARKER_MESSAGES.lostSessionInRouteMiddleware("GET /search", "app", true)).toContain("register it before the routes with app.use()");

    const helper = `${FASTIFY}
function openSession(request) {
  tracer.createSession({ sessionName: request.url });
}

app.addHook("onRequest", async (request) => {
  await audit(request);
  openSession(request);
});
`;
    const marked = run(helper);
    expect(marked.markers).toBe(1);
    expect(marked.output).toBe(helper.replace("  openSession(request);", `  ${markerComment(MARKER_MESSAGES.lostSessionAfterAwait("onRequest"))}\n  openSession(request);`));
    expect(run(marked.output).changed).toBe(false);
  });

  it("moves createSession() before Koa's `await next()` when it reads nothing the handler sets, else leaves the marker; a second run changes nothing", () => {
    const KOA = `import Koa from "koa";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "api" });
const app = new Koa();
`;
    const before = `${KOA}
app.use(async (ctx, next) => {
  await next();
  tracer.createSession({ sessionName: "api" });
});

app.use(async (ctx, next) => {
  await next();
  tracer.createSession({ sessionName: "api", metadata: { status: ctx.status } });
});
`;
    const result = run(before);
    expect(result.markers).toBe(1);
    expect(result.output).toBe(`${KOA}
app.use(async (ctx, next) => {
  tracer.createSession({ sessionName: "api" });
  await next();
});

app.use(async (ctx, next) => {
  await next();
  ${markerComment(MARKER_MESSAGES.lostSessionAfterNext("next"))}
  tracer.createSession({ sessionName: "api", metadata: { status: ctx.status } });
});
`);
    expect(run(result.output).changed).toBe(false);
  });

  it("leaves files without the SDK, and sessions that reach the handler, unchanged", () => {
    const noSdk = `import Fastify from "fastify";\nimport { store } from "./sessions";\nconst app = Fastify();\napp.addHook("onRequest", async (request) => { await store.load(request); store.createSession(request.id); });\n`;
    expect(run(noSdk).changed).toBe(false);
    const reaches = `${FASTIFY}app.addHook("onRequest", (request, reply, done) => { tracer.createSession(); done(); });\n`;
    expect(run(reaches).changed).toBe(false);
  });
});

// fix-blind14-a (cause F of codemods/blind-14.test.ts): the ChainExpression around `tracer?.createSession(…)` is seen
// through (analysis/ast.ts `outsideChain`), as a statement and as a declaration's value; a call nested in another
// expression is still no statement of its own (the marker stays).
describe("lost-session-context: optional chaining", () => {
  it.each([
    ["a statement", "tracer?.createSession({ sessionName: request.url });"],
    ["a const's value, awaited", "const id = await tracer?.createSession({ sessionName: request.url });"],
  ])("moves %s before the first await", (_, statement) => {
    const result = run(`${FASTIFY}\napp.addHook("onRequest", async (request) => {\n  await audit(request);\n  ${statement}\n});\n`);
    expect(result.markers).toBe(0);
    expect(result.output).toBe(`${FASTIFY}\napp.addHook("onRequest", async (request) => {\n  ${statement}\n  await audit(request);\n});\n`);
  });
  it("leaves its marker where the optional call is an argument", () => {
    const result = run(`${FASTIFY}\napp.addHook("onRequest", async (request) => {\n  await audit(request);\n  remember(tracer?.createSession({ sessionName: request.url }));\n});\n`);
    expect(result.markers).toBe(1);
  });
});
