import { Linter } from "eslint";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearDeploymentCache } from "../analysis/deployment.js";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import rule, { RULE_NAME } from "./no-lost-session-context.js";
import { configForRule, describeFixtureTruth } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const FASTIFY = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = Fastify();\n`;
const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
const KOA = `import Koa from "koa";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new Koa();\n`;
const HONO = `import { Hono } from "hono";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new Hono();\n`;

/** The head of a Fastify plugin module (its default export is the plugin); the body and the closing brace follow. */
const FASTIFY_PLUGIN = `import type { FastifyInstance } from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport default async function (fastify: FastifyInstance) {\n`;

/** What a helper's call adds to the message: `(in \`openSession()\`, called here)`. */
const viaHelper = (helper: string) => ` (in \`${helper}()\`, called here)`;

const afterAwait = (hook: string, method = "createSession", tracer = "tracer", framework = "Fastify", via = "") => ({
  messageId: "afterAwaitInHook" as const,
  data: { tracer, method, via, framework, hook },
});
const afterNext = (framework: string, next = "next", method = "createSession", via = "") => ({
  messageId: "afterAwaitedNext" as const,
  data: { tracer: "tracer", method, via, framework, next },
});
const inCallback = (deferredBy: string, next = "next", method = "createSession", via = "") => ({
  messageId: "inDeferredCallback" as const,
  data: { tracer: "tracer", method, via, deferredBy, next },
  suggestions: [],
});
const inRouteMiddleware = (route: string, otherRoute: string, { object = "app", tracer = "tracer", method = "createSession", via = "", useAfterRoutes = false } = {}) => ({
  messageId: "inRouteMiddleware" as const,
  data: {
    tracer,
    method,
    via,
    route,
    otherRoute,
    object,
    register: useAfterRoutes ? `before the routes (\`${object}.use(…)\` registered after \`${otherRoute}\` does not run for it)` : `for every route (\`${object}.use(…)\`)`,
  },
  suggestions: [],
});

/** A Koa app with an @koa/router router, a traced route handler and the middleware that opens the request's session. */
const KOA_ROUTES = `import Koa from "koa";\nimport Router from "@koa/router";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new Koa();\nconst router = new Router();\nconst openSession = async (ctx, next) => {\n  tracer.createSession({ sessionName: ctx.path });\n  await next();\n};\nconst chat = (ctx) => {\n  ctx.body = tracer.startSpan("chat", () => 1);\n};\n`;

/** A traced route handler and the middleware that opens the request's session (Express). */
const EXPRESS_ROUTES = `${EXPRESS}const openSession = (req, res, next) => {\n  tracer.createSession({ sessionName: req.path });\n  next();\n};\nconst chat = (req, res) => res.json(tracer.startSpan("chat", () => 1));\n`;

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // The call comes before the hook's first await (the fix): the handler sees the session.
    `${FASTIFY}app.addHook("onRequest", async (request) => {\n  tracer.createSession({ sessionName: request.url });\n  await audit(request);\n});`,
    // acreateSession attaches before its promise: awaiting the call itself is not an await before it.
    `${FASTIFY}app.addHook("onRequest", async (request) => {\n  await tracer.acreateSession({ sessionName: request.url });\n  await audit(request);\n});`,
    // A sync hook and a done-callback hook: nothing is awaited (proven: the session reaches the handler).
    `${FASTIFY}app.addHook("onRequest", (request, reply, done) => {\n  tracer.createSession({ sessionName: request.url });\n  done();\n});`,
    `${FASTIFY}app.addHook("preHandler", function (request, reply, done) { tracer.createSession(); done(); });`,
    // A hook that runs after the handler: the session no longer matters to the handler's spans.
    `${FASTIFY}app.addHook("onResponse", async (request, reply) => {\n  await flushMetrics();\n  tracer.createSession({ sessionName: "after" });\n});`,
    // The await is in a nested function, not in the hook.
    `${FASTIFY}app.addHook("onRequest", async (request) => {\n  const load = async () => { await audit(request); };\n  void load();\n  tracer.createSession();\n});`,
    // The route handler itself: the session is created where the spans are made (proven: Express/Koa/Hono middleware that awaits, then creates and calls next()).
    `${FASTIFY}app.get("/chat", async (request) => {\n  const user = await auth(request);\n  tracer.createSession({ metadata: { user } });\n  return work();\n});`,
    `${EXPRESS}app.use(async (req, res, next) => {\n  const user = await auth(req);\n  tracer.createSession({ metadata: { user } });\n  next();\n});`,
    `${KOA}app.use(async (ctx, next) => {\n  await auth(ctx);\n  tracer.createSession();\n  await next();\n});`,
    // A non-tracing app: another library's createSession after an await in a hook.
    `import Fastify from "fastify";\nimport { store } from "session-store";\nconst app = Fastify();\napp.addHook("onRequest", async (request) => {\n  await store.load(request);\n  store.createSession(request.id);\n});`,
    // A local look-alike tracer in a file that uses the SDK.
    `${FASTIFY}const recorder = { createSession() {} };\napp.addHook("onRequest", async () => {\n  await audit();\n  recorder.createSession();\n});`,
    // Not a Fastify app: a plain object's addHook.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst hooks = { addHook(name, fn) {} };\nhooks.addHook("onRequest", async () => { await audit(); tracer.createSession(); });`,
    // The callback calls next() itself (the fix), or is called at once (a sync callback).
    `${EXPRESS}app.use((req, res, next) => {\n  setImmediate(() => {\n    tracer.createSession();\n    next();\n  });\n});`,
    `${EXPRESS}app.use((req, res, next) => {\n  auth(req).then((user) => {\n    tracer.createSession({ metadata: { user } });\n    next();\n  }, next);\n});`,
    `${EXPRESS}app.use((req, res, next) => {\n  [req.path].forEach((path) => tracer.createSession({ sessionName: path }));\n  next();\n});`,
    // Known false negative: a library's callback API may call back at once (jsonwebtoken's verify does), so only timers and promise reactions count.
    `${EXPRESS}app.use((req, res, next) => {\n  jwt.verify(req.get("authorization"), key, (err, user) => tracer.createSession({ metadata: { user } }));\n  next();\n});`,
    // next is handed on, not called here: where the rest of the request runs is not known.
    `${EXPRESS}app.use((req, res, next) => {\n  setImmediate(() => tracer.createSession());\n  queue.push(next);\n});`,
    // A shadowed setTimeout is not the timer.
    `${EXPRESS}const setTimeout = (fn) => fn();\napp.use((req, res, next) => {\n  setTimeout(() => tracer.createSession());\n  next();\n});`,
    // Route-level middleware, look-alikes: every route of the app uses it.
    `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.post("/chat", openSession, chat);`,
    // It is also registered for every route (app.use, app.all("*")) before the other route.
    `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.use(openSession);\napp.get("/search", chat);`,
    `${EXPRESS_ROUTES}app.all("*", openSession);\napp.get("/chat", openSession, chat);\napp.get("/search", chat);`,
    // Registered in different functions (or one in a function, one at the top level): the order they
    // run in is the order the functions are called, not read here, so registered anywhere covers.
    `${EXPRESS_ROUTES}function routes() {\n  app.get("/chat", openSession, chat);\n  app.get("/search", chat);\n}\napp.use(openSession);\nroutes();`,
    `${EXPRESS_ROUTES}setup();\nroutes();\nfunction routes() {\n  app.get("/chat", openSession, chat);\n  app.get("/search", chat);\n}\nfunction setup() {\n  app.use(openSession);\n}`,
    // In a chain, before the route; and a route object's route after it.
    `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.use(openSession).get("/search", chat);`,
    `${EXPRESS_ROUTES}app.use(openSession);\napp.route("/chat").get(openSession, chat);\napp.route("/search").get(chat).post(chat);`,
    // Another middleware gives every route a session (withSession around next()).
    `${EXPRESS_ROUTES}app.use((req, res, next) => tracer.withSession({ sessionName: req.path }, () => next()));\napp.get("/chat", openSession, chat);\napp.get("/search", chat);`,
    // The other routes create their own session, in their handler or through a middleware of their own.
    `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.get("/search", (req, res) => {\n  tracer.createSession({ sessionName: "search" });\n  res.json(tracer.startSpan("search", () => 2));\n});`,
    `${EXPRESS_ROUTES}const openOther = (req, res, next) => tracer.withSession("other", () => next());\napp.get("/chat", openSession, chat);\napp.get("/search", openOther, chat);`,
    // A middleware of the project's own modules may create the session: on the other route, or for every route.
    `${EXPRESS_ROUTES}import { requireSession } from "./session";\napp.get("/chat", openSession, chat);\napp.get("/search", requireSession, chat);`,
    `${EXPRESS_ROUTES}const tracing = require("../lib/tracing");\napp.use(tracing.sessionMiddleware(tracer));\napp.get("/chat", openSession, chat);\napp.get("/search", chat);`,
    // The other routes do not trace at all (health checks, static files).
    `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.get("/health", (req, res) => res.send("ok"));\napp.get("/search", (req, res) => res.json(search(req.query.q)));`,
    // The other traced route is on another router: which app it is mounted on, and after what, is not known here.
    `${EXPRESS_ROUTES}const admin = express.Router();\napp.get("/chat", openSession, chat);\nadmin.get("/stats", chat);\napp.use("/admin", admin);`,
    // The session is created in the route's own handler (it takes no next): that route's session.
    `${EXPRESS}app.get("/chat", (req, res) => {\n  tracer.createSession();\n  res.json(tracer.startSpan("chat", () => 1));\n});\napp.get("/search", (req, res) => res.json(tracer.startSpan("search", () => 2)));`,
    // Not the SDK's session: another library's createSession in route-level middleware.
    `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { store } from "session-store";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\napp.get("/chat", (req, res, next) => { store.createSession(req); next(); }, (req, res) => res.json(tracer.startSpan("chat", () => 1)));\napp.get("/search", (req, res) => res.json(tracer.startSpan("search", () => 2)));`,
    // Koa routers, look-alikes: the middleware also runs for every route (router.use before the route, router.all, the Koa app's use).
    `${KOA_ROUTES}router.get("/chat", openSession, chat);\nrouter.use(openSession);\nrouter.get("/search", chat);\napp.use(router.routes());`,
    `${KOA_ROUTES}router.use(openSession).get("/chat", openSession, chat).get("/search", chat);\napp.use(router.routes());`,
    `${KOA_ROUTES}router.all("/(.*)", openSession);\nrouter.get("/chat", openSession, chat);\nrouter.get("/search", chat);`,
    `${KOA_ROUTES}app.use(openSession);\nrouter.get("/chat", openSession, chat);\nrouter.get("/search", chat);\napp.use(router.routes());`,
    // The other traced route is on another router, or opens its own session; a route without tracing.
    `${KOA_ROUTES}const admin = new Router();\nrouter.get("/chat", openSession, chat);\nadmin.get("/stats", chat);\napp.use(router.routes()).use(admin.routes());`,
    `${KOA_ROUTES}router.get("/chat", openSession, chat);\nrouter.get("/search", (ctx) => {\n  tracer.createSession({ sessionName: "search" });\n  ctx.body = tracer.startSpan("search", () => 2);\n});`,
    `${KOA_ROUTES}router.get("/chat", openSession, chat);\nrouter.get("/health", (ctx) => {\n  ctx.body = "ok";\n});`,
    // Not a Koa router: the project's own Router module (nothing says it is @koa/router's).
    `import Router from "./router";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst router = new Router();\nrouter.get("/chat", async (ctx, next) => { tracer.createSession(); await next(); }, (ctx) => { ctx.body = tracer.startSpan("chat", () => 1); });\nrouter.get("/search", (ctx) => { ctx.body = tracer.startSpan("search", () => 2); });`,
    // A Fastify plugin module, look-alikes: the session comes first (the fix), or the hook runs after the handler.
    `${FASTIFY_PLUGIN}  fastify.addHook("onRequest", async (request) => {\n    tracer.createSession({ sessionName: request.url });\n    await audit(request);\n  });\n}`,
    `${FASTIFY_PLUGIN}  fastify.addHook("onResponse", async (request) => {\n    await audit(request);\n    tracer.createSession({ sessionName: request.url });\n  });\n}`,
    // Not a Koa router: a local class with the same methods.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nclass Router { get() {} }\nconst router = new Router();\nrouter.get("/chat", async (ctx, next) => { tracer.createSession(); await next(); }, (ctx) => { ctx.body = tracer.startSpan("chat", () => 1); });\nrouter.get("/search", (ctx) => { ctx.body = tracer.startSpan("search", () => 2); });`,
    // A helper that awaits before creating the session is a shape of its own (not reported): calling it first does not help.
    `${FASTIFY}async function openSession(request) {\n  await audit(request);\n  tracer.createSession();\n}\napp.addHook("onRequest", async (request) => {\n  await openSession(request);\n});`,
    // A helper called before the hook's first await (the fix).
    `${FASTIFY}function openSession(request) {\n  return tracer.createSession({ sessionName: request.url });\n}\napp.addHook("onRequest", async (request) => {\n  openSession(request);\n  await audit(request);\n});`,
    // A look-alike helper: a local function of the same name that creates no session of the SDK.
    `${FASTIFY}const store = { createSession() {} };\nfunction openSession(request) { store.createSession(request); }\napp.addHook("onRequest", async (request) => {\n  await audit(request);\n  openSession(request);\n});`,
    // Not a middleware: a function that is no handler of any framework.
    `${EXPRESS}function warmUp(next) {\n  setImmediate(() => tracer.createSession());\n  next();\n}`,
    // After `await next()`, look-alikes: the session is created before it (the fix) and only read after it.
    `${KOA}app.use(async (ctx, next) => {\n  tracer.createSession({ sessionName: ctx.path });\n  await next();\n  tracer.enrichSession({ metadata: { status: ctx.status } });\n});`,
    // An awaited `next()` that is not the framework's: an iterator's, and a nested function's own parameter.
    `${KOA}app.use(async (ctx, next) => {\n  const pages = ctx.state.pages;\n  await pages.next();\n  tracer.createSession({ sessionName: ctx.path });\n  await next();\n});`,
    `${HONO}app.use(async (c, next) => {\n  const step = async (next) => { await next(); };\n  await step(async () => {});\n  tracer.createSession({ sessionName: "chat" });\n  await next();\n});`,
    // Express: the session is created after \`next()\`, which is not awaited (its downstream is not followed here).
    `${EXPRESS}app.use((req, res, next) => {\n  next();\n  tracer.createSession({ sessionName: req.path });\n});`,
    // An auth library's session after \`await next()\`: \`lucia\`, imported from a module not read, is known as a
    // tracer only by its \`createSession()\` call, no evidence for this report.
    `${KOA}import { lucia } from "./auth";\napp.use(async (ctx, next) => {\n  await next();\n  if (ctx.state.user) await lucia.createSession(ctx.state.user.id, {});\n});`,
    // \`await next()\` in the other branch: the call never runs after it.
    `${KOA}app.use(async (ctx, next) => {\n  if (ctx.path === "/health") {\n    await next();\n  } else {\n    tracer.createSession({ sessionName: ctx.path });\n    await next();\n  }\n});`,
  ],
  invalid: [
    // After \`await next()\` (proven on Koa 3 and Hono 4): the handler already ran. Reads nothing of the request: moved first.
    {
      code: `${KOA}app.use(async (ctx, next) => {\n  await next();\n  tracer.createSession({ sessionName: "notes" });\n});`,
      errors: [
        {
          ...afterNext("Koa"),
          suggestions: [
            {
              messageId: "moveBeforeNext",
              data: { next: "next" },
              output: `${KOA}app.use(async (ctx, next) => {\n  tracer.createSession({ sessionName: "notes" });\n  await next();\n});`,
            },
          ],
        },
      ],
    },
    // A tracer imported under a tracer's name from a module of its own is reported as one made here.
    {
      code: `import Koa from "koa";\nimport { tracer } from "./tracing";\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  await next();\n  tracer.createSession({ sessionName: ctx.path });\n});`,
      errors: [{ ...afterNext("Koa"), suggestions: [] }],
    },
    // It reads the context the handler fills in (\`ctx.status\`): no suggestion.
    {
      code: `${KOA}app.use(async (ctx, next) => {\n  await next();\n  tracer.createSession({ sessionName: ctx.path, metadata: { status: ctx.status } });\n});`,
      errors: [{ ...afterNext("Koa"), suggestions: [] }],
    },
    // Hono, \`next\` named otherwise, acreateSession, a helper of the file: reported at the helper's call, no suggestion.
    {
      code: `${HONO}async function openSession() {\n  await tracer.acreateSession({ sessionName: "chat" });\n}\napp.use("/chat/*", async (c, proceed) => {\n  await proceed();\n  await openSession();\n});`,
      errors: [{ ...afterNext("Hono", "proceed", "acreateSession", viaHelper("openSession")), suggestions: [] }],
    },
    {
      code: `${FASTIFY}app.addHook("onRequest", async (request) => {\n  await audit(request);\n  tracer.createSession({ sessionName: request.url });\n});`,
      errors: [
        {
          ...afterAwait("onRequest"),
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: "moveBeforeFirstAwait",
              output: `${FASTIFY}app.addHook("onRequest", async (request) => {\n  tracer.createSession({ sessionName: request.url });\n  await audit(request);\n});`,
            },
          ],
        },
      ],
    },
    {
      // A route option hook, a declared session id, a renamed import and every hook before the handler.
      code: `import fastify from "fastify";\nimport { HoneyHiveTracer as HH } from "honeyhive";\nconst t = HH.init();\nconst app = fastify();\napp.get("/chat", {\n  preValidation: async (request, reply) => {\n    await request.jwtVerify();\n    const id = t.createSession();\n    reply.header("x-session-id", id);\n  },\n}, async () => "ok");`,
      errors: [
        {
          ...afterAwait("preValidation", "createSession", "t"),
          line: 8,
          suggestions: [
            {
              messageId: "moveBeforeFirstAwait",
              output: `import fastify from "fastify";\nimport { HoneyHiveTracer as HH } from "honeyhive";\nconst t = HH.init();\nconst app = fastify();\napp.get("/chat", {\n  preValidation: async (request, reply) => {\n    const id = t.createSession();\n    await request.jwtVerify();\n    reply.header("x-session-id", id);\n  },\n}, async () => "ok");`,
            },
          ],
        },
      ],
    },
    {
      // The session depends on what was awaited: no suggestion (the codemod leaves a marker).
      code: `${FASTIFY}app.addHook("preHandler", async (request) => {\n  const user = await auth(request);\n  tracer.createSession({ metadata: { user: user.id } });\n});`,
      errors: [{ ...afterAwait("preHandler"), suggestions: [] }],
    },
    {
      // A return between the await and the call: moving the call would open sessions for rejected requests.
      code: `${FASTIFY}app.addHook("onRequest", async (request, reply) => {\n  if (!(await allowed(request))) return reply.code(401).send();\n  tracer.createSession();\n});`,
      errors: [{ ...afterAwait("onRequest"), suggestions: [] }],
    },
    {
      // The await is in the call's own argument; a hook declared elsewhere and registered by name; a plugin's instance.
      code: `${FASTIFY}async function openSession(request) {\n  tracer.createSession({ metadata: await loadUser(request) });\n}\napp.register(async (instance) => {\n  instance.addHook("preParsing", openSession);\n});`,
      errors: [{ ...afterAwait("preParsing"), line: 6, suggestions: [] }],
    },
    {
      // A hook method in a route's options, and an await in a condition.
      code: `${FASTIFY}app.route({\n  method: "GET",\n  url: "/chat",\n  async onRequest(request) {\n    if (await isBot(request)) request.log.info("bot");\n    tracer.createSession();\n  },\n  handler: async () => "ok",\n});`,
      errors: [
        {
          ...afterAwait("onRequest"),
          suggestions: [
            {
              messageId: "moveBeforeFirstAwait",
              output: `${FASTIFY}app.route({\n  method: "GET",\n  url: "/chat",\n  async onRequest(request) {\n    tracer.createSession();\n    if (await isBot(request)) request.log.info("bot");\n  },\n  handler: async () => "ok",\n});`,
            },
          ],
        },
      ],
    },
    {
      code: `${EXPRESS}app.use((req, res, next) => {\n  setImmediate(() => tracer.createSession({ sessionName: req.path }));\n  next();\n});`,
      errors: [{ ...inCallback("setImmediate"), line: 6, column: 22 }],
    },
    {
      // An awaited promise reaction, next() after it (proven: lost).
      code: `${EXPRESS}app.use(async (req, res, next) => {\n  await auth(req).then((user) => tracer.createSession({ metadata: { user } }));\n  next();\n});`,
      errors: [inCallback(".then()")],
    },
    {
      // Express error middleware: next is the fourth parameter; process.nextTick.
      code: `${EXPRESS}app.use((err, req, res, proceed) => {\n  process.nextTick(() => {\n    tracer.createSession({ sessionName: "error" });\n  });\n  proceed(err);\n});`,
      errors: [inCallback("process.nextTick", "proceed")],
    },
    {
      code: `${KOA}app.use(async (ctx, next) => {\n  setTimeout(() => tracer.createSession(), 0);\n  await next();\n});`,
      errors: [inCallback("setTimeout")],
    },
    {
      code: `${HONO}app.use(async (c, next) => {\n  await Promise.resolve().then(() => tracer.acreateSession());\n  await next();\n});`,
      errors: [inCallback(".then()", "next", "acreateSession")],
    },
    {
      // Fastify's done-callback hook, done() outside the timer's callback.
      code: `${FASTIFY}app.addHook("preHandler", (request, reply, done) => {\n  setImmediate(() => tracer.createSession());\n  done();\n});`,
      errors: [inCallback("setImmediate", "done")],
    },
    {
      // Route-level middleware while another route of the app traces (proven: it shares the startup session).
      code: `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.get("/search", (req, res) => res.json(tracer.startSpan("search", () => 2)));`,
      errors: [{ ...inRouteMiddleware("GET /chat", "GET /search"), line: 6, column: 3 }],
    },
    {
      // A package's middleware (express.json(), cors()) on the other route or on the app creates no session.
      code: `${EXPRESS_ROUTES}import cors from "cors";\napp.use(cors());\napp.use(express.json());\napp.get("/chat", openSession, chat);\napp.post("/search", express.json(), chat);`,
      errors: [inRouteMiddleware("GET /chat", "POST /search")],
    },
    {
      // An inline middleware, an array of middleware, an Express Router, and the other route calling a traced function of the file.
      code: `${EXPRESS}import { trace } from "honeyhive";\nconst router = express.Router();\nconst search = trace({ tracer }, (q) => q);\nconst limit = (req, res, next) => next();\nrouter.post("/chat", [limit, (req, res, next) => { tracer.createSession(); next(); }], (req, res) => res.end());\nrouter.get("/search", (req, res) => res.json(search(req.query.q)));`,
      errors: [inRouteMiddleware("POST /chat", "GET /search", { object: "router" })],
    },
    {
      // Was accepted: registered for every route, but after the other route, which answers first (Express runs its stack in order).
      code: `${EXPRESS_ROUTES}app.get("/chat", openSession, chat);\napp.get("/search", chat);\napp.use(openSession);`,
      errors: [inRouteMiddleware("GET /chat", "GET /search", { useAfterRoutes: true })],
    },
    {
      // The order is read in one function body as at the top level.
      code: `${EXPRESS_ROUTES}function routes() {\n  app.get("/chat", openSession, chat);\n  app.get("/search", chat);\n  app.use(openSession);\n}\nroutes();`,
      errors: [inRouteMiddleware("GET /chat", "GET /search", { useAfterRoutes: true })],
    },
    {
      // Was accepted: @koa/router runs its stack in registration order, also in a chain written in reverse.
      code: `${KOA_ROUTES}router.get("/chat", openSession, chat);\nrouter.get("/search", chat).use(openSession);\napp.use(router.routes());`,
      errors: [inRouteMiddleware("GET /chat", "GET /search", { object: "router", useAfterRoutes: true })],
    },
    {
      // Was accepted (a chain was not read): a route object's routes, the middleware after them.
      code: `${EXPRESS_ROUTES}app.route("/chat").get(openSession, chat);\napp.route("/search").post(chat);\napp.use(openSession);`,
      errors: [inRouteMiddleware("GET /chat", "POST /search", { useAfterRoutes: true })],
    },
    {
      // Koa's @koa/router (proven: the other route's requests share the startup session).
      code: `${KOA_ROUTES}router.get("/chat", openSession, chat);\nrouter.get("/search", (ctx) => {\n  ctx.body = tracer.startSpan("search", () => 2);\n});\napp.use(router.routes());`,
      errors: [{ ...inRouteMiddleware("GET /chat", "GET /search", { object: "router" }), line: 8, column: 3 }],
    },
    {
      // koa-router, CommonJS, called without new, with its del alias and an inline middleware.
      code: `const Router = require("koa-router");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nconst router = Router();\nrouter.del("/chat/:id", async (ctx, next) => {\n  tracer.createSession();\n  await next();\n}, (ctx) => {\n  ctx.status = 204;\n});\nrouter.post("/search", (ctx) => {\n  ctx.body = tracer.startSpan("search", () => 2);\n});`,
      errors: [inRouteMiddleware("DEL /chat/:id", "POST /search", { object: "router" })],
    },
    {
      // CommonJS require; the other route calls a helper of the file that traces.
      code: `const express = require("express");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\nfunction answer(q) {\n  return tracer.startSpan("answer", () => q);\n}\napp.get("/chat", (req, res, next) => {\n  tracer.createSession();\n  next();\n}, (req, res) => res.end());\napp.get("/ask", (req, res) => res.json(answer(req.query.q)));`,
      errors: [inRouteMiddleware("GET /chat", "GET /ask")],
    },
    {
      // A namespace import of the SDK and its free trace(); Hono.
      code: `import { Hono } from "hono";\nimport * as hh from "honeyhive";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = new Hono();\nconst openSession = async (c, next) => {\n  tracer.createSession({ sessionName: c.req.path });\n  await next();\n};\napp.get("/chat", openSession, (c) => c.text("chat"));\napp.get("/search", (c) => c.json(hh.trace({ tracer }, () => 2)()));`,
      errors: [inRouteMiddleware("GET /chat", "GET /search")],
    },
    {
      // A Fastify plugin module (fastify-cli's routes/, @fastify/autoload): its default export is given the encapsulated instance (proven: a plugin's hook loses the session the same way).
      code: `${FASTIFY_PLUGIN}  fastify.addHook("preValidation", async (request) => {\n    await audit(request);\n    tracer.createSession({ sessionName: request.url });\n  });\n}`,
      errors: [
        {
          ...afterAwait("preValidation"),
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: "moveBeforeFirstAwait",
              output: `${FASTIFY_PLUGIN}  fastify.addHook("preValidation", async (request) => {\n    tracer.createSession({ sessionName: request.url });\n    await audit(request);\n  });\n}`,
            },
          ],
        },
      ],
    },
    {
      // A helper of the file called from a Fastify hook after its first await: reported at the call, no suggestion.
      code: `${FASTIFY}function openSession(request) {\n  tracer.createSession({ sessionName: request.url });\n}\napp.addHook("onRequest", async (request) => {\n  await audit(request);\n  openSession(request);\n});`,
      errors: [{ ...afterAwait("onRequest", "createSession", "tracer", "Fastify", viaHelper("openSession")), line: 10, column: 3, suggestions: [] }],
    },
    {
      // An async helper arrow that creates the session first, awaited after the hook's first await; CommonJS.
      code: `const fastify = require("fastify")();\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nconst openSession = async (request) => {\n  const id = tracer.createSession();\n  await store.save(request.id, id);\n};\nfastify.addHook("preHandler", async (request) => {\n  await auth(request);\n  await openSession(request);\n});`,
      errors: [{ ...afterAwait("preHandler", "createSession", "tracer", "Fastify", viaHelper("openSession")), line: 10, suggestions: [] }],
    },
    {
      // The callback shape through a helper.
      code: `${EXPRESS}function openSession(req) {\n  tracer.acreateSession({ sessionName: req.path });\n}\napp.use((req, res, next) => {\n  setImmediate(() => openSession(req));\n  next();\n});`,
      errors: [inCallback("setImmediate", "next", "acreateSession", viaHelper("openSession"))],
    },
    {
      // Route-level middleware that calls a helper.
      code: `${EXPRESS}function openSession(req) {\n  tracer.createSession({ sessionName: req.path });\n}\napp.get("/chat", (req, res, next) => {\n  openSession(req);\n  next();\n}, (req, res) => res.end());\napp.get("/search", (req, res) => res.json(tracer.startSpan("search", () => 2)));`,
      errors: [inRouteMiddleware("GET /chat", "GET /search", { via: viaHelper("openSession") })],
    },
  ],
});

describe(`${RULE_NAME}: a Fastify plugin module that imports nothing of Fastify (the project's package.json decides)`, () => {
  const root = mkdtempSync(join(tmpdir(), "hh-lost-session-plugin-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    clearDeploymentCache();
  });
  // fastify-cli's generated routes/root.js (CommonJS) and an ESM route module.
  const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const HOOK = `  fastify.addHook("onRequest", async (request) => {\n    await audit(request);\n    tracer.createSession({ sessionName: request.url });\n  });\n`;
  const PLUGIN_ESM = `${TRACER}export default async function (fastify) {\n${HOOK}  fastify.get("/chat", async () => tracer.startSpan("chat", () => "ok"));\n}\n`;
  const PLUGIN_CJS = `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nmodule.exports = async function (fastify, opts) {\n${HOOK}};\n`;
  /** Lints `code` as `path` of a project on disk whose package.json names `dependencies`. */
  function lint(name: string, dependencies: Record<string, string>, path: string, code: string) {
    const filename = join(root, name, path);
    mkdirSync(dirname(filename), { recursive: true });
    writeFileSync(join(root, name, "package.json"), JSON.stringify({ name, dependencies }));
    writeFileSync(filename, code);
    // The Linter's cwd is the project: a file outside the cwd is ignored.
    return new Linter({ configType: "flat", cwd: join(root, name) }).verify(code, configForRule(RULE_NAME, rule), { filename }).map((message) => message.message);
  }

  it("reports createSession() after an await in the plugin's hook where the project depends on fastify (ESM and CommonJS)", () => {
    const fastify = { fastify: "^5.0.0", honeyhive: "^2.0.0" };
    expect(lint("esm", fastify, "routes/chat/index.mjs", PLUGIN_ESM)).toEqual([expect.stringContaining("this Fastify `onRequest` hook")]);
    expect(lint("cjs", fastify, "routes/chat/index.js", PLUGIN_CJS)).toEqual([expect.stringContaining("this Fastify `onRequest` hook")]);
  });

  it("accepts the same module in a project without fastify (another library's addHook)", () => {
    expect(lint("plain", { honeyhive: "^2.0.0", "node-cache": "^5.0.0" }, "routes/chat/index.mjs", PLUGIN_ESM)).toEqual([]);
  });

  it("accepts the plugin when the session comes before the hook's first await (the fix)", () => {
    const fixed = PLUGIN_ESM.replace("    await audit(request);\n    tracer.createSession({ sessionName: request.url });", "    tracer.createSession({ sessionName: request.url });\n    await audit(request);");
    expect(fixed).not.toBe(PLUGIN_ESM);
    expect(lint("fixed", { fastify: "^5.0.0" }, "routes/chat/index.mjs", fixed)).toEqual([]);
  });
});

// A router in its own module, mounted by a module beside it (the server or the app module): a
// middleware that module registers on its app before the mount runs for every route of the router, as
// an `app.use(…)` of the router's own file does (Express, Koa and Hono run what is registered in order).
describe(`${RULE_NAME}: a router mounted by a module beside it after the app's middleware`, () => {
  const project = useTempProjects("lost-session-mounts");
  const lint = (files: Record<string, string>, file: string) => {
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", express: "^5.1.0", koa: "^3.0.0" } }), ...files });
    return new Linter({ configType: "flat", cwd: root })
      .verify(files[file]!, configForRule(RULE_NAME, rule), { filename: join(root, file) })
      .map((message) => message.message.match(/^[^`]*`[^`]+`[^`]*`[^`]+`/)?.[0] ?? message.message);
  };
  const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const ROUTES = `import { Router } from "express";\n${TRACER}const router = Router();\nconst openSession = (req, res, next) => {\n  tracer.createSession({ sessionName: req.path });\n  next();\n};\nrouter.post("/chat", openSession, (req, res) => res.json(tracer.startSpan("chat", () => 1)));\nrouter.get("/search", (req, res) => res.json(tracer.startSpan("search", () => 2)));\nexport default router;\n`;
  const REPORTED = ["`tracer.createSession()` runs in middleware registered for `POST /chat`"];
  const MIDDLEWARE = `${TRACER}export function sessionMiddleware(req, res, next) {\n  tracer.withSession({ sessionName: req.path }, () => next());\n}\n`;
  const server = (registrations: string, imports = `import { sessionMiddleware } from "./middleware";\n`) =>
    `import express from "express";\n${imports}import routes from "./routes";\nconst app = express();\n${registrations}\napp.listen(3000);\n`;

  it("does not report the router's route-level middleware when the mounting module's app middleware comes first (was reported)", () => {
    expect(lint({ "src/routes.ts": ROUTES, "src/middleware.ts": MIDDLEWARE, "src/server.ts": server(`app.use(sessionMiddleware);\napp.use("/api", routes);`) }, "src/routes.ts")).toEqual([]);
    // A function of the mounting module that gives the session; the module in the folder above; a factory of a project module.
    const local = `${TRACER}const sessionMiddleware = (req, res, next) => tracer.withSession({ sessionName: req.path }, () => next());\napp.use(sessionMiddleware);\napp.use("/api", routes);`;
    expect(lint({ "src/routes.ts": ROUTES, "src/server.ts": server(local, "") }, "src/routes.ts")).toEqual([]);
    const above = server(`app.use(sessionMiddleware);\napp.use("/api", routes);`).replace("./routes", "./http/routes");
    expect(lint({ "src/http/routes.ts": ROUTES, "src/middleware.ts": MIDDLEWARE, "src/server.ts": above }, "src/http/routes.ts")).toEqual([]);
    const factory = server(`app.use(tracing.sessions(tracer));\napp.use("/api", routes);`, `import * as tracing from "./tracing";\n${TRACER}`);
    expect(lint({ "src/routes.ts": ROUTES, "src/tracing.ts": MIDDLEWARE, "src/server.ts": factory }, "src/routes.ts")).toEqual([]);
  });

  it("reads the mounting module's registrations in a chain or inside a function that makes the app (were reported)", () => {
    const files = (server: string) => ({ "src/routes.ts": ROUTES, "src/middleware.ts": MIDDLEWARE, "src/server.ts": server });
    const chained = `import express from "express";\nimport { sessionMiddleware } from "./middleware";\nimport routes from "./routes";\nexpress().use(sessionMiddleware).use("/api", routes).listen(3000);\n`;
    expect(lint(files(chained), "src/routes.ts")).toEqual([]);
    expect(lint(files(server(`app.use(express.json()).use(sessionMiddleware).use("/api", routes);`)), "src/routes.ts")).toEqual([]);
    const factory = `import express from "express";\nimport { sessionMiddleware } from "./middleware";\nimport routes from "./routes";\nexport function createApp() {\n  const app = express();\n  app.use(sessionMiddleware);\n  app.use("/api", routes);\n  return app;\n}\n`;
    expect(lint(files(factory), "src/routes.ts")).toEqual([]);
    // Still reported: the session middleware after the mount in the chain, or on another object of the function.
    expect(lint(files(chained.replace(`.use(sessionMiddleware).use("/api", routes)`, `.use("/api", routes).use(sessionMiddleware)`)), "src/routes.ts")).toEqual(REPORTED);
    const otherObject = factory.replace(`  app.use(sessionMiddleware);\n`, `  const admin = express();\n  admin.use(sessionMiddleware);\n`);
    expect(lint(files(otherObject), "src/routes.ts")).toEqual(REPORTED);
  });

  it("still reports when the session middleware is on a same-named app of a block, a catch clause or a destructuring (was missed)", () => {
    const files = (server: string) => ({ "src/routes.ts": ROUTES, "src/middleware.ts": MIDDLEWARE, "src/server.ts": server });
    const head = `import express from "express";\nimport { sessionMiddleware } from "./middleware";\nimport routes from "./routes";\n`;
    const served = `const app = express();\napp.use("/api", routes);\napp.listen(3000);\n`;
    for (const local of [
      `if (process.env.ADMIN) {\n  const app = express();\n  app.use(sessionMiddleware);\n  app.listen(4000);\n}\n`,
      `function admin() {\n  const { app } = make();\n  app.use(sessionMiddleware);\n}\n`,
      `try {\n} catch (app) {\n  app.use(sessionMiddleware);\n}\n`,
      `function admin(app = express()) {\n  app.use(sessionMiddleware);\n}\n`,
    ]) {
      expect(lint(files(head + local + served), "src/routes.ts"), local).toEqual(REPORTED);
    }
    // The served app's own session middleware inside a block before the mount still gives the session.
    expect(lint(files(`${head}const app = express();\nif (process.env.SESSIONS !== "off") {\n  app.use(sessionMiddleware);\n}\napp.use("/api", routes);\napp.listen(3000);\n`), "src/routes.ts")).toEqual([]);
  });

  it("still reports when the app middleware comes after the mount, gives no session, comes from a package, or is on another router's mount", () => {
    const files = (server: string) => ({ "src/routes.ts": ROUTES, "src/middleware.ts": MIDDLEWARE, "src/server.ts": server });
    expect(lint(files(server(`app.use("/api", routes);\napp.use(sessionMiddleware);`)), "src/routes.ts")).toEqual(REPORTED);
    expect(lint(files(server(`app.use((req, res, next) => next());\napp.use("/api", routes);`, "")), "src/routes.ts")).toEqual(REPORTED);
    expect(lint(files(server(`app.use(session({ secret: "s" }));\napp.use("/api", routes);`, `import session from "express-session";\n`)), "src/routes.ts")).toEqual(REPORTED);
    const other = `import express from "express";\nimport { sessionMiddleware } from "./middleware";\nimport admin from "./admin";\nimport routes from "./routes";\nconst app = express();\nconst api = express.Router();\napi.use(sessionMiddleware);\napi.use("/admin", admin);\napp.use("/api", routes);\napp.listen(3000);\n`;
    expect(lint({ ...files(other), "src/admin.ts": "export default {};\n" }, "src/routes.ts")).toEqual(REPORTED);
    // Nothing mounts it: as before.
    expect(lint({ "src/routes.ts": ROUTES }, "src/routes.ts")).toEqual(REPORTED);
  });
});

describeFixtureTruth(RULE_NAME, rule);

/**
 * A route-level middleware imported from a workspace package (`@acme/session` from apps/api) may create the
 * session, as one of the project's own modules may (analysis/lost-session.ts, through the workspace resolver
 * of analysis/workspaces.ts); a package's middleware does not.
 */
describe("a route-level middleware imported from a workspace package", () => {
  const workspaceProject = useTempProjects("lost-session-workspace", "all");
  const root = workspaceProject({
    "package.json": `{ "name": "acme", "private": true, "workspaces": ["packages/*", "apps/*"] }\n`,
    "packages/session/package.json": `{ "name": "@acme/session", "main": "src/index.js" }\n`,
    "packages/session/src/index.js": `export function requireSession(req, res, next) {\n  next();\n}\n`,
    "apps/api/package.json": `{ "name": "@acme/api", "dependencies": { "@acme/session": "workspace:*", "express": "^4.19.2", "honeyhive": "^2.0.0" } }\n`,
    "apps/api/src/": "",
  });
  const server = (specifier: string) => `${EXPRESS_ROUTES}import { requireSession } from "${specifier}";\napp.get("/chat", openSession, chat);\napp.get("/search", requireSession, chat);\n`;
  const lint = (code: string) =>
    new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(RULE_NAME, rule), { filename: join(root, "apps/api/src/server.js") }).map((message) => message.messageId);

  it("is quiet for the workspace package's middleware, and reports the route behind a package's", () => {
    expect(lint(server("@acme/session"))).toEqual([]);
    expect(lint(server("session-kit"))).not.toEqual([]);
  });
});

// Paths `runsOnAPathTo` missed (issue 16): an await followed by a return inside a `try` whose catch goes on to the
// call (the await's rejection leads there), and an await later in a loop body that the next iteration's call follows.
describe(`${RULE_NAME}: an await that reaches the call through a catch, or on the loop's next iteration`, () => {
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // Look-alikes: the catch ends the path too, or a finally only (the return goes through it and out).
      `${FASTIFY}app.addHook("onRequest", async (request, reply) => {\n  try {\n    await cache.serve(request, reply);\n    return;\n  } catch {\n    return reply.code(500).send();\n  }\n  tracer.createSession({ sessionName: request.url });\n});`,
      `${FASTIFY}app.addHook("onRequest", async (request, reply) => {\n  try {\n    await cache.serve(request, reply);\n    return;\n  } finally {\n    request.log.info("cache");\n  }\n  tracer.createSession({ sessionName: request.url });\n});`,
      // The call and the await share a try: a rejection skips the rest of the try, the call included.
      `${FASTIFY}app.addHook("onRequest", async (request) => {\n  try {\n    if (request.cached) {\n      await warm(request);\n      return;\n    }\n    tracer.createSession({ sessionName: request.url });\n  } catch {}\n});`,
      // The loop is left after the await: no next iteration.
      `${FASTIFY}app.addHook("preHandler", async (request) => {\n  for (const step of request.body.steps) {\n    tracer.createSession({ sessionName: step });\n    await run(step);\n    break;\n  }\n});`,
      // The await follows the loop, not inside it.
      `${FASTIFY}app.addHook("preHandler", async (request) => {\n  for (const step of request.body.steps) {\n    tracer.createSession({ sessionName: step });\n  }\n  await audit(request);\n});`,
    ],
    invalid: [
      {
        code: `${FASTIFY}app.addHook("onRequest", async (request, reply) => {\n  try {\n    await cache.serve(request, reply);\n    return;\n  } catch {}\n  tracer.createSession({ sessionName: request.url });\n});`,
        // A return between the await and the call: no move (the codemod leaves its marker).
        errors: [{ ...afterAwait("onRequest"), line: 10, suggestions: [] }],
      },
      {
        code: `${FASTIFY}app.addHook("preHandler", async (request) => {\n  for (const step of request.body.steps) {\n    tracer.createSession({ sessionName: step });\n    await run(step);\n  }\n});`,
        // The call is in the loop, not in the hook's body: no move.
        errors: [{ ...afterAwait("preHandler"), line: 7, suggestions: [] }],
      },
    ],
  });
});
