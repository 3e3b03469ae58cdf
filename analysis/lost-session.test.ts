import { describe, expect, it } from "vitest";
import { applyEdits } from "./edits.js";
import { editsOf } from "./fixes/finding-fix.js";
import { lostSessionFix } from "./fixes/lost-session.js";
import { findLostSessions, type LostSession } from "./lost-session.js";
import { parseAnalysisInput } from "./parse-input.js";
import { readSettings } from "./settings.js";

const FASTIFY = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = Fastify();\n`;
const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\n`;

function analyse(code: string) {
  const input = parseAnalysisInput(code, "src/server.ts", readSettings({}));
  return { input, found: findLostSessions(input) };
}

/** What each finding says, as readable source. */
function describeFindings(code: string): Array<Record<string, string>> {
  const { input, found } = analyse(code);
  const text = (node: { range: [number, number] }) => input.text.slice(...node.range);
  return found.map((finding: LostSession): Record<string, string> => {
    const common = { shape: finding.shape, call: text(finding.call), ...(finding.helper === undefined ? {} : { helper: finding.helper }) };
    if (finding.shape === "afterAwaitInHook") return { ...common, hook: finding.hook, firstAwait: text(finding.firstAwait), framework: finding.framework.id };
    if (finding.shape === "inDeferredCallback") return { ...common, deferredBy: finding.deferredBy, next: finding.next, framework: finding.framework.id };
    if (finding.shape === "afterAwaitedNext") return { ...common, next: finding.next, nextAwait: text(finding.nextAwait), framework: finding.framework.id };
    return { ...common, object: finding.object, route: finding.route, otherRoute: finding.otherRoute, framework: finding.framework.id };
  });
}

/** The code after the finding's fix, or the marker's text. */
function fixed(code: string): string {
  const { input, found } = analyse(code);
  expect(found).toHaveLength(1);
  const result = lostSessionFix(input, found[0]);
  return result.fix ? applyEdits(code, editsOf(input, [result.fix])) : `marker: ${result.marker.message}`;
}

describe("findLostSessions", () => {
  it("names the hook by addHook's argument, a route option key (inline, by name, in an array) and a route() method", () => {
    const code = `${FASTIFY}async function limit(request) { await rateLimit(request.ip); tracer.createSession(); }
app.addHook("preValidation", async () => { await a(); tracer.createSession(); });
app.get("/a", { onRequest: [limit] }, async () => "a");
app.route({ method: "GET", url: "/b", async preHandler() { for await (const chunk of stream()) use(chunk); tracer.acreateSession(); }, handler: async () => "b" });`;
    expect(describeFindings(code)).toEqual([
      { shape: "afterAwaitInHook", call: "tracer.createSession()", hook: "onRequest", firstAwait: "await rateLimit(request.ip)", framework: "fastify" },
      { shape: "afterAwaitInHook", call: "tracer.createSession()", hook: "preValidation", firstAwait: "await a()", framework: "fastify" },
      {
        shape: "afterAwaitInHook",
        call: "tracer.acreateSession()",
        hook: "preHandler",
        firstAwait: "for await (const chunk of stream()) use(chunk);",
        framework: "fastify",
      },
    ]);
  });

  it("leaves sessionStart() after an await to no-session-start-in-handler", () => {
    expect(analyse(`${FASTIFY}app.addHook("onRequest", async () => { await a(); tracer.sessionStart(); });`).found).toEqual([]);
  });

  it("finds callbacks handed to timers and promise reactions, with the middleware's own name for next", () => {
    const code = `${EXPRESS}app.use((req, res, go) => { queueMicrotask(() => tracer.createSession()); go(); });
app.get("/x", async (req, res, next) => { await load().finally(() => { tracer.createSession(); }); next(); }, (req, res) => res.end());`;
    expect(describeFindings(code)).toEqual([
      { shape: "inDeferredCallback", call: "tracer.createSession()", deferredBy: "queueMicrotask", next: "go", framework: "express" },
      { shape: "inDeferredCallback", call: "tracer.createSession()", deferredBy: ".finally()", next: "next", framework: "express" },
    ]);
  });

  it("leaves a callback nested in another callback alone unless the outer one is deferred", () => {
    const code = `${EXPRESS}app.use((req, res, next) => { [1].forEach(() => setImmediate(() => tracer.createSession())); next(); });`;
    expect(describeFindings(code)).toEqual([]);
  });

  it("does not count an await after the call, or one that awaits the call itself", () => {
    const code = `${FASTIFY}app.addHook("onRequest", async () => { await tracer.acreateSession(); await later(); });
app.addHook("preHandler", async () => { tracer.createSession(); await later(); });`;
    expect(describeFindings(code)).toEqual([]);
  });

  // Blind round 16: the await was counted by its place in the text, so a session of the other branch was "after" it.
  it("does not count an await on no path to the call: another branch of an if, ?: or jumping switch case, or a path that returns first", () => {
    const code = `${FASTIFY}app.addHook("onRequest", async (request) => {
  if (request.headers.sid) { await tracer.acreateSession({ sessionId: toSessionId(request.headers.sid), skipApiCall: true }); } else { tracer.createSession(); }
});
app.addHook("preHandler", async (request) => (request.id ? await audit(request) : tracer.createSession()));
app.addHook("preValidation", async (request) => {
  switch (request.method) {
    case "GET": await audit(request); break;
    default: tracer.createSession();
  }
});
app.addHook("preParsing", async (request, reply) => {
  if (!request.headers.authorization) { await reply.code(401).send(); return reply; }
  tracer.createSession();
});`;
    expect(describeFindings(code)).toEqual([]);
    // Look-alikes: an await on a path that goes on to the call.
    const reaching = `${FASTIFY}app.addHook("onRequest", async (request) => {
  if (request.headers.sid) { await audit(request); } else { log(request); }
  tracer.createSession();
});
app.addHook("preHandler", async (request) => {
  switch (request.method) {
    case "GET": await audit(request);
    default: tracer.createSession();
  }
});
app.addHook("preParsing", async (request) => {
  if (!request.headers.authorization) { await audit(request); if (request.id) return; }
  tracer.createSession();
});`;
    expect(describeFindings(reaching).map((finding) => [finding.hook, finding.firstAwait])).toEqual([
      ["onRequest", "await audit(request)"],
      ["preHandler", "await audit(request)"],
      ["preParsing", "await audit(request)"],
    ]);
  });
  it("finds route-level middleware while another route of the same object traces, and names both routes", () => {
    const code = `${EXPRESS}const openSession = (req, res, next) => { tracer.createSession(); next(); };
const traced = (req, res) => res.json(tracer.startSpan("work", () => 1));
app.get("/health", (req, res) => res.send("ok"));
app.get("/chat", openSession, traced);
app.put(\`/chat/\${"id"}\`, openSession, traced);
app.delete("/chat", traced);`;
    expect(describeFindings(code)).toEqual([
      { shape: "inRouteMiddleware", call: "tracer.createSession()", object: "app", route: "GET /chat", otherRoute: "DELETE /chat", framework: "express" },
    ]);
  });

  it("leaves route-level middleware alone when a session may reach every route, or no other route traces", () => {
    const routes = `${EXPRESS}const openSession = (req, res, next) => { tracer.createSession(); next(); };
const traced = (req, res) => res.json(tracer.startSpan("work", () => 1));
app.get("/chat", openSession, traced);
`;
    expect(describeFindings(`${routes}app.get("/search", (req, res) => res.send("ok"));`)).toEqual([]);
    // Registered by a method that may run for every route, even on another object (a router mounted on it).
    expect(describeFindings(`${routes}app.get("/search", traced);\nconst api = express.Router();\napi.use(openSession);`)).toEqual([]);
    // A route's last function that takes next may be middleware for every path (app.get("*", fn)), for the routes after it.
    expect(describeFindings(`${routes}app.get("*", openSession);\napp.get("/search", traced);`)).toEqual([]);
    // The app variable is reassigned: which object a registration is on is not known.
    expect(describeFindings(routes.replace("const app = express();", "let app = express();") + `app.get("/search", traced);\napp = express();`)).toEqual([]);
  });

  it("decides by registration order on the same object: what is registered after a route does not run before it", () => {
    const routes = `${EXPRESS}const openSession = (req, res, next) => { tracer.createSession(); next(); };
const traced = (req, res) => res.json(tracer.startSpan("work", () => 1));
app.get("/chat", openSession, traced);
`;
    const found = { shape: "inRouteMiddleware", call: "tracer.createSession()", object: "app", route: "GET /chat", otherRoute: "GET /search", framework: "express" };
    expect(describeFindings(`${routes}app.get("/search", traced);\napp.get("*", openSession);`)).toEqual([found]);
    expect(describeFindings(`${routes}app.get("/search", traced).use(openSession);`)).toEqual([found]);
    // A route object's routes (`app.route(path).get(…)`) are the app's, at the place of their method.
    expect(describeFindings(`${routes}app.route("/search").get(traced);\napp.use(openSession);`)).toEqual([found]);
    expect(describeFindings(`${routes}app.use(openSession);\napp.route("/search").get(traced);`)).toEqual([]);
  });

  it("reports a helper of the file at each call from a hook or middleware, not a helper that awaits first or a handler's own session", () => {
    const code = `${FASTIFY}function openSession(request) { return tracer.createSession({ sessionName: request.url }); }
const later = async () => { await audit(); tracer.createSession(); };
app.addHook("onRequest", async (request) => { await audit(request); openSession(request); });
app.addHook("preHandler", async (request) => { openSession(request); await audit(request); });
app.addHook("preValidation", async () => { await audit(); await later(); });`;
    expect(describeFindings(code)).toEqual([
      { shape: "afterAwaitInHook", call: "openSession(request)", helper: "openSession", hook: "onRequest", firstAwait: "await audit(request)", framework: "fastify" },
    ]);
  });
});

describe("lostSessionFix", () => {
  const hook = (body: string) => `${FASTIFY}app.addHook("onRequest", async (request) => {\n${body}\n});\n`;

  it("moves the statement with its comments before the statement that holds the first await", () => {
    expect(fixed(hook(`  log(request);\n  if (await isBot(request)) request.log.info("bot");\n  // open it\n  const id = tracer.createSession(); // per request\n  request.log.info(id);`))).toBe(
      hook(`  log(request);\n  // open it\n  const id = tracer.createSession(); // per request\n  if (await isBot(request)) request.log.info("bot");\n  request.log.info(id);`),
    );
  });

  it("marks instead when moving could change what the hook does", () => {
    const marker = "marker: this session does not reach the handler (created after an await in the onRequest hook): create it before the hook's first await and add what you await later with enrichSession()";
    // Reads a variable the hook declares, or one it assigns.
    expect(fixed(hook(`  const user = await auth(request);\n  tracer.createSession({ metadata: { user } });`))).toBe(marker);
    expect(fixed(`let last;\n${hook(`  last = await auth(request);\n  tracer.createSession({ metadata: { last } });`)}`)).toBe(marker);
    // A throw on the way, code sharing the statement's line, a call nested in a condition.
    expect(fixed(hook(`  if (!(await ok(request))) throw new Error("no");\n  tracer.createSession();`))).toBe(marker);
    expect(fixed(hook(`  await a();\n  tracer.createSession(); done2();`))).toBe(marker);
    expect(fixed(hook(`  await a();\n  if (request.url) tracer.createSession();`))).toBe(marker);
  });

  it("marks a helper's call after an await (it may do more than create the session) and route-level middleware", () => {
    expect(fixed(`${FASTIFY}function open() { tracer.createSession(); }\napp.addHook("onRequest", async (request) => {\n  await audit(request);\n  open();\n});\n`)).toBe(
      "marker: this session does not reach the handler (created after an await in the onRequest hook): create it before the hook's first await and add what you await later with enrichSession()",
    );
    expect(fixed(`${EXPRESS}const open = (req, res, next) => { tracer.createSession(); next(); };\napp.get("/a", open, (req, res) => res.end());\napp.get("/b", (req, res) => res.json(tracer.startSpan("b", () => 1)));`)).toBe(
      "marker: this session reaches only the routes this middleware is registered for (GET /b traces without one, in the tracer's startup session): register it for every route with app.use(), or give the other routes a session of their own (withSession(..., () => next()))",
    );
  });

  it("marks a callback shape with the middleware's next name and the deferring call", () => {
    expect(fixed(`${EXPRESS}app.use((req, res, next) => { setTimeout(() => tracer.createSession(), 5); next(); });`)).toBe(
      "marker: this session does not reach the handler (created in a setTimeout callback, next() called outside it): call next() inside the callback, on every path, after createSession()",
    );
  });
});
