import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { RULE_NAME, sourceLabel } from "./require-valid-session-id.js";
import { configForRule, describeFixtureTruth, lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
const EXPRESS_TO_SESSION_ID = EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, toSessionId }");
const MESSAGE = "unvalidatedSessionId";

/** A helper declared above the handlers that hands its parameter to the SDK. */
const HELPER = `function startChat(sessionId) {\n  return tracer.createSession({ sessionId });\n}\n`;
const EXPRESS_HELPER = `${EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }")}${HELPER}`;

/** One report at the helper's `sessionId`, for the input `source` read by an Express handler. */
function helperCase(code: string, source: string) {
  const output = code.replace("{ HoneyHiveTracer, isSessionId }", "{ HoneyHiveTracer, isSessionId, toSessionId }").replace("createSession({ sessionId })", 'createSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined })');
  return {
    code,
    errors: [
      {
        messageId: MESSAGE,
        data: { source, method: "createSession", handler: "Express handler" },
        line: code.split("\n").findIndex((line) => line.includes("tracer.createSession({ sessionId })")) + 1,
        suggestions: [{ messageId: "wrapInToSessionId" as const, output }],
      },
    ],
  };
}

type Replacement = readonly [from: string, to: string];
const ADD_TO_IMPORT: Replacement = ["{ HoneyHiveTracer }", "{ HoneyHiveTracer, toSessionId }"];
/** A file without a "honeyhive" import gets one, on the line before its first import. */
const NEW_IMPORT: Replacement = ["import ", 'import { toSessionId } from "honeyhive";\nimport '];
/** A value that is always a non-empty string (a route's path parameter, text made of one) is converted as is. */
const wrap = (value: string): Replacement => [value, `toSessionId(${value})`];
/**
 * A value the client may not have sent, or sent as another type (an array, a number), is converted only
 * when it is a non-empty string: `toSessionId()` throws a TypeError for anything else.
 */
const wrapIfPresent = (value: string, test = value, convert = "toSessionId"): Replacement => [value, `typeof ${test} === "string" && ${test} ? ${convert}(${value}) : undefined`];

/** An invalid case with one report and one suggestion: the code with each replacement made once, in order. */
function invalidCase(code: string, data: Record<string, string>, replacements: readonly Replacement[], filename?: string) {
  const output = replacements.reduce((text, [from, to]) => text.replace(from, to), code);
  return {
    code,
    ...(filename ? { filename } : {}),
    errors: [{ messageId: MESSAGE, data, suggestions: [{ messageId: "wrapInToSessionId" as const, output }] }],
  };
}

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // Converted deterministically, or checked, on the way.
    `${EXPRESS_TO_SESSION_ID}app.use((req, res, next) => { tracer.createSession({ sessionId: toSessionId(req.get("x-session-id") ?? "anonymous") }); next(); });`,
    `import express from "express";\nimport { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\napp.use((req, res, next) => {\n  const id = req.get("x-session-id");\n  if (id && isSessionId(id)) tracer.createSession({ sessionId: id, skipApiCall: true });\n  else tracer.createSession();\n  next();\n});`,
    `import express from "express";\nimport { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\napp.use((req, res, next) => {\n  const id = String(req.headers["x-session-id"]);\n  tracer.createSession({ sessionId: isSessionId(id) ? id : toSessionId(id) });\n  next();\n});`,
    // The uuid package's validate(), a regex test, a schema: checks this rule cannot read, but they mention the value.
    `${EXPRESS}import { validate as uuidValidate } from "uuid";\napp.post("/chat", (req, res) => {\n  const { sessionId } = req.body;\n  if (!uuidValidate(sessionId)) return res.status(400).end();\n  tracer.createSession({ sessionId });\n});`,
    `${EXPRESS}const UUID_RE = /^[0-9a-f-]{36}$/i;\napp.post("/chat", (req, res) => {\n  const sessionId = req.query.session;\n  if (typeof sessionId !== "string" || !UUID_RE.test(sessionId)) return res.sendStatus(400);\n  tracer.createSession({ sessionId });\n});`,
    // A value made by another function (a schema's parse, a project helper) is not the raw input.
    `${EXPRESS}import { body } from "./schemas";\napp.post("/chat", (req, res) => { tracer.createSession({ sessionId: body.parse(req.body).sessionId }); });`,
    `${EXPRESS}import { sessionIdFrom } from "./ids";\napp.post("/chat", (req, res) => { tracer.createSession({ sessionId: sessionIdFrom(req) }); });`,
    // A middleware of the same file rejects bad ids for that header before the route runs.
    `import express from "express";\nimport { HoneyHiveTracer, isSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\napp.use((req, res, next) => (isSessionId(req.get("x-session-id") ?? "") ? next() : res.sendStatus(400)));\napp.post("/chat", (req, res) => { tracer.createSession({ sessionId: req.get("x-session-id") }); });`,
    // The same for a key destructured in the handler.
    `import express from "express";\nimport { HoneyHiveTracer, isSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\nconst requireSessionId = (req, res, next) => (isSessionId(req.body.sessionId) ? next() : res.sendStatus(400));\napp.post("/chat", requireSessionId, (req, res) => { const { sessionId } = req.body; tracer.createSession({ sessionId }); });`,
    // Ids the application makes itself, and the Lambda context's request id (a UUID).
    `${EXPRESS}import { randomUUID } from "node:crypto";\napp.use((req, res, next) => { tracer.createSession({ sessionId: randomUUID() }); next(); });`,
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport const handler = async (event, context) => { tracer.createSession({ sessionId: context.awsRequestId }); return {}; };`,
    // A project module's tracer-looking binding is trusted only when named like a tracer or when the file uses the SDK.
    `import express from "express";\nimport { sessions } from "./session-store";\nconst app = express();\napp.post("/x", (req, res) => { sessions.createSession({ sessionId: req.headers["x-session-id"] }); });`,
    // Not an SDK call: another library's createSession, a shadowed look-alike tracer, a local HoneyHiveTracer.
    `import express from "express";\nimport { store } from "session-store";\nconst app = express();\napp.post("/x", (req, res) => { store.createSession({ sessionId: req.headers["x-session-id"] }); });`,
    `${EXPRESS}app.post("/x", (req, res) => { const tracer = req.app.locals.store; tracer.createSession({ sessionId: req.headers["x-session-id"] }); });`,
    `import express from "express";\nclass HoneyHiveTracer { static init(options) { return options; } }\nconst app = express();\napp.post("/x", (req, res) => { HoneyHiveTracer.init({ sessionId: req.params.id }); });`,
    // Not a handler: the parameter of an ordinary function is not request input.
    `${EXPRESS}function open(req) { tracer.createSession({ sessionId: req.headers["x-session-id"] }); }`,
    // A non-input member of the request, and the response object.
    `${EXPRESS}app.use((req, res, next) => { tracer.createSession({ sessionId: req.id }); next(); });`,
    `${EXPRESS}app.use((req, res, next) => { tracer.createSession({ sessionId: res.locals.sessionId }); next(); });`,
    // Fastify validated the header against the route schema before the handler runs.
    `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = Fastify();\napp.post("/chat", { schema: { headers: { type: "object", properties: { "x-session-id": { type: "string", format: "uuid" } } } } }, async (request) => { tracer.createSession({ sessionId: request.headers["x-session-id"] }); });`,
    // Hono's validated input (`c.req.valid(...)`) went through a validator middleware whose schema checks a UUID
    // (without one it is client input: see "fix-sid-sources: Hono c.req.valid()" below).
    `import { Hono } from "hono";\nimport { zValidator } from "@hono/zod-validator";\nimport { z } from "zod";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = new Hono();\napp.post("/chat", zValidator("json", z.object({ sessionId: z.string().uuid() })), (c) => { tracer.createSession({ sessionId: c.req.valid("json").sessionId }); return c.text("ok"); });`,
    // Express error middleware: the request is the second parameter, the first is the error.
    `${EXPRESS}app.use((err, req, res, next) => { tracer.createSession({ sessionId: err.headers["x-session-id"] }); next(err); });`,
    // Hono's c.get() reads what a middleware stored with c.set(), not the request.
    `import { Hono } from "hono";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = new Hono();\napp.use(async (c, next) => { tracer.createSession({ sessionId: c.get("sessionId") }); await next(); });`,
    // Checked by the caller before it hands the id to a helper declared above the handler: the check
    // is before the helper call, though after the SDK call in the text.
    `${EXPRESS_HELPER}app.post("/chat", (req, res) => { const id = req.get("x-session-id"); if (id && isSessionId(id)) startChat(id); res.end(); });`,
    `${EXPRESS_HELPER}app.post("/chat", (req, res) => { const id = req.get("x-session-id"); if (!isSessionId(id)) return res.status(400).end(); startChat(id); res.end(); });`,
    `${EXPRESS_HELPER}import { validate } from "uuid";\napp.post("/chat", (req, res) => { const { sessionId } = req.body; if (!validate(sessionId)) return res.status(400).end(); startChat(sessionId); res.end(); });`,
    // Known false negative: reassigned variables are not followed (the value at the call is not known statically).
    `${EXPRESS}app.use((req, res, next) => { let id = req.get("x-session-id"); id = id.trim(); tracer.createSession({ sessionId: id }); next(); });`,
    // Known false negative: options spread from elsewhere after sessionId may replace it.
    `${EXPRESS}app.use((req, res, next) => { tracer.createSession({ sessionId: req.get("x-session-id"), ...defaults }); next(); });`,
  ],
  invalid: [
    // A Fastify route schema that only types the header as a string validates no UUID: still client input.
    invalidCase(
      `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = Fastify();\napp.post("/chat", { schema: { headers: { type: "object", properties: { "x-session-id": { type: "string" } } } } }, async (request) => { tracer.createSession({ sessionId: request.headers["x-session-id"] }); });`,
      { source: 'request.headers["x-session-id"]', method: "createSession", handler: "Fastify handler" },
      [ADD_TO_IMPORT, wrapIfPresent('request.headers["x-session-id"]')],
    ),
    // A check after the helper call runs too late, wherever the helper is declared.
    ...[
      `${EXPRESS_HELPER}app.post("/chat", (req, res) => { const id = req.get("x-session-id"); startChat(id); if (!isSessionId(id)) return res.status(400).end(); res.end(); });`,
      `${EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }")}app.post("/chat", (req, res) => { const id = req.get("x-session-id"); startChat(id); if (!isSessionId(id)) return res.status(400).end(); res.end(); });\n${HELPER}`,
    ].map((code) => helperCase(code, 'req.get("x-session-id")')),
    // One caller checks, another does not: the unchecked one is found.
    helperCase(
      `${EXPRESS_HELPER}app.post("/a", (req, res) => { const id = req.get("x-session-id"); if (isSessionId(id)) startChat(id); res.end(); });\napp.post("/b", (req, res) => { startChat(req.query.sid); res.end(); });`,
      "req.query.sid",
    ),
    // The id is passed to a helper of the file (was a known false negative): its parameter is followed to the calls here.
    {
      code: `${EXPRESS}function open(id) { tracer.createSession({ sessionId: id }); }\napp.use((req, res, next) => { open(req.get("x-session-id")); next(); });`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: 'req.get("x-session-id")', method: "createSession", handler: "Express handler" },
          line: 5,
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `${EXPRESS_TO_SESSION_ID}function open(id) { tracer.createSession({ sessionId: typeof id === "string" && id ? toSessionId(id) : undefined }); }\napp.use((req, res, next) => { open(req.get("x-session-id")); next(); });`,
            },
          ],
        },
      ],
    },
    {
      code: `${EXPRESS}app.use((req, res, next) => {\n  tracer.createSession({ sessionId: req.headers["x-session-id"] });\n  next();\n});`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: 'req.headers["x-session-id"]', method: "createSession", handler: "Express handler" },
          line: 6,
          column: 37,
          endColumn: 64,
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `${EXPRESS_TO_SESSION_ID}app.use((req, res, next) => {\n  tracer.createSession({ sessionId: typeof req.headers["x-session-id"] === "string" && req.headers["x-session-id"] ? toSessionId(req.headers["x-session-id"]) : undefined });\n  next();\n});`,
            },
          ],
        },
      ],
    },
    {
      // Through a variable with a `??` default, with skipApiCall, acreateSession, and a shorthand property. Always
      // there, but the header's type is the client's: guarded by type all the same.
      code: `${EXPRESS}import { randomUUID } from "node:crypto";\napp.use(async (req, res, next) => {\n  const sessionId = req.get("X-Session-ID") ?? randomUUID();\n  await tracer.acreateSession({ sessionId, skipApiCall: true });\n  next();\n});`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: 'req.get("X-Session-ID")', method: "acreateSession", handler: "Express handler" },
          line: 8,
          column: 33,
          endColumn: 42,
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `${EXPRESS_TO_SESSION_ID}import { randomUUID } from "node:crypto";\napp.use(async (req, res, next) => {\n  const sessionId = req.get("X-Session-ID") ?? randomUUID();\n  await tracer.acreateSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined, skipApiCall: true });\n  next();\n});`,
            },
          ],
        },
      ],
    },
    {
      // A template literal is never a UUID; destructured route params; withSession.
      code: `${EXPRESS}app.get("/conversations/:id", (req, res) => {\n  const { id } = req.params;\n  tracer.withSession({ sessionId: \`conv-\${id}\` }, () => res.send("ok"));\n});`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: "req.params.id", method: "withSession", handler: "Express handler" },
          line: 7,
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `${EXPRESS_TO_SESSION_ID}app.get("/conversations/:id", (req, res) => {\n  const { id } = req.params;\n  tracer.withSession({ sessionId: toSessionId(\`conv-\${id}\`) }, () => res.send("ok"));\n});`,
            },
          ],
        },
      ],
    },
    {
      // The older seed's Lambda pattern: a per-invocation init with the event's id or a new UUID (the event's
      // id may be a number: guarded by type).
      code: `import { randomUUID } from "node:crypto";\nimport { HoneyHiveTracer } from "honeyhive";\nexport const handler = async (event, context) => {\n  const sessionId = event.session_id || randomUUID();\n  const tracer = HoneyHiveTracer.init({ project: "p", sessionId });\n  return { sessionId };\n};`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: "event.session_id", method: "HoneyHiveTracer.init", handler: "AWS Lambda handler" },
          line: 5,
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `import { randomUUID } from "node:crypto";\nimport { HoneyHiveTracer, toSessionId } from "honeyhive";\nexport const handler = async (event, context) => {\n  const sessionId = event.session_id || randomUUID();\n  const tracer = HoneyHiveTracer.init({ project: "p", sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined });\n  return { sessionId };\n};`,
            },
          ],
        },
      ],
    },
    {
      // The newer seed's Lambda pattern (lazy tracer, createSession with skipApiCall), CommonJS require: the import is destructured.
      code: `const { HoneyHiveTracer } = require("honeyhive");\nlet tracer;\nfunction getTracer() { return (tracer ??= HoneyHiveTracer.init()); }\nexports.handler = async (event) => {\n  getTracer().createSession({ sessionId: event.headers["x-session-id"], skipApiCall: true });\n  return { statusCode: 200 };\n};`,
      filename: "src/lambda.cjs",
      errors: [
        {
          messageId: MESSAGE,
          data: { source: 'event.headers["x-session-id"]', method: "createSession", handler: "AWS Lambda handler" },
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `const { HoneyHiveTracer, toSessionId } = require("honeyhive");\nlet tracer;\nfunction getTracer() { return (tracer ??= HoneyHiveTracer.init()); }\nexports.handler = async (event) => {\n  getTracer().createSession({ sessionId: typeof event.headers["x-session-id"] === "string" && event.headers["x-session-id"] ? toSessionId(event.headers["x-session-id"]) : undefined, skipApiCall: true });\n  return { statusCode: 200 };\n};`,
            },
          ],
        },
      ],
    },
    {
      // A namespace import and a renamed tracer class; Hono's c.req.header().
      code: `import { Hono } from "hono";\nimport * as hh from "honeyhive";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = new Hono();\napp.use(async (c, next) => {\n  tracer.createSession({ sessionId: c.req.header("x-session-id") });\n  await next();\n});`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: 'c.req.header("x-session-id")', method: "createSession", handler: "Hono handler" },
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `import { Hono } from "hono";\nimport * as hh from "honeyhive";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = new Hono();\napp.use(async (c, next) => {\n  tracer.createSession({ sessionId: typeof c.req.header("x-session-id") === "string" && c.req.header("x-session-id") ? hh.toSessionId(c.req.header("x-session-id")) : undefined });\n  await next();\n});`,
            },
          ],
        },
      ],
    },
    {
      // Next.js route: request.headers.get(), searchParams.get(), a renamed import; `id!` speaks of null, not of
      // "": the guard replaces the assertion.
      code: `import { HoneyHiveTracer as Tracer } from "honeyhive";\nconst tracer = Tracer.init();\nexport async function POST(request: Request) {\n  const id = new URL(request.url).searchParams.get("session") || request.headers.get("x-session-id");\n  tracer.createSession({ sessionId: id! });\n  return new Response("ok");\n}`,
      filename: "app/api/chat/route.ts",
      errors: [
        {
          messageId: MESSAGE,
          data: { source: 'new URL(request.url).searchParams.get("session")', method: "createSession", handler: "Next.js route handler" },
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `import { HoneyHiveTracer as Tracer, toSessionId } from "honeyhive";\nconst tracer = Tracer.init();\nexport async function POST(request: Request) {\n  const id = new URL(request.url).searchParams.get("session") || request.headers.get("x-session-id");\n  tracer.createSession({ sessionId: typeof id === "string" && id ? toSessionId(id) : undefined });\n  return new Response("ok");\n}`,
            },
          ],
        },
      ],
    },
    {
      // toSessionId already imported under another name; cookies; an options object in a variable.
      code: `${EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, toSessionId as sid }")}app.use((req, res, next) => {\n  const options = { sessionId: req.cookies.sid, sessionName: "web" };\n  tracer.createSession(options);\n  next();\n});`,
      errors: [
        {
          messageId: MESSAGE,
          data: { source: "req.cookies.sid", method: "createSession", handler: "Express handler" },
          suggestions: [
            {
              messageId: "wrapInToSessionId",
              output: `${EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, toSessionId as sid }")}app.use((req, res, next) => {\n  const options = { sessionId: typeof req.cookies.sid === "string" && req.cookies.sid ? sid(req.cookies.sid) : undefined, sessionName: "web" };\n  tracer.createSession(options);\n  next();\n});`,
            },
          ],
        },
      ],
    },
    // Other frameworks and input shapes: Koa's ctx, node:http, a Next.js pages API route, Lambda bodies, destructured parameters.
    invalidCase(
      `import Koa from "koa";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  tracer.createSession({ sessionId: ctx.get("x-session-id") || ctx.cookies.get("sid") });\n  await next();\n});`,
      { source: 'ctx.get("x-session-id")', method: "createSession", handler: "Koa handler" },
      [ADD_TO_IMPORT, wrapIfPresent('ctx.get("x-session-id") || ctx.cookies.get("sid")', '(ctx.get("x-session-id") || ctx.cookies.get("sid"))')],
    ),
    invalidCase(
      `import { createServer } from "node:http";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\ncreateServer((req, res) => {\n  const { headers } = req;\n  tracer.createSession({ sessionId: headers["x-session-id"] as string });\n  res.end();\n});`,
      { source: 'headers["x-session-id"]', method: "createSession", handler: "node:http request handler" },
      [ADD_TO_IMPORT, wrapIfPresent('headers["x-session-id"] as string', '(headers["x-session-id"] as string)')],
    ),
    invalidCase(
      `import { tracer } from "../../lib/tracing";\nexport default async function handler(req, res) {\n  await tracer.acreateSession({ sessionId: req.query.session });\n  res.status(200).json({ ok: true });\n}`,
      { source: "req.query.session", method: "acreateSession", handler: "Next.js route handler" },
      [NEW_IMPORT, wrapIfPresent("req.query.session")],
      "pages/api/chat.ts",
    ),
    invalidCase(
      `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport const handler = async (event) => {\n  const { sessionId } = JSON.parse(event.body ?? "{}");\n  tracer.createSession({ sessionId, skipApiCall: true });\n  return { statusCode: 200 };\n};`,
      { source: 'JSON.parse(event.body ?? "{}").sessionId', method: "createSession", handler: "AWS Lambda handler" },
      [ADD_TO_IMPORT, ["{ sessionId, skipApiCall", '{ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined, skipApiCall']],
    ),
    invalidCase(
      `import { tracer } from "@/lib/tracing";\nexport async function POST(request: Request) {\n  const body = await request.json();\n  tracer.createSession({ sessionId: body.sessionId });\n  return new Response("ok");\n}`,
      { source: "body.sessionId", method: "createSession", handler: "Next.js route handler" },
      [NEW_IMPORT, wrapIfPresent("body.sessionId")],
      "app/api/chat/route.ts",
    ),
    invalidCase(
      `${EXPRESS}app.post("/chat", ({ body }, res) => {\n  tracer.sessionStart({ sessionId: body.conversation });\n  res.end();\n});`,
      { source: "body.conversation", method: "sessionStart", handler: "Express handler" },
      [ADD_TO_IMPORT, wrapIfPresent("body.conversation")],
    ),
    // app.param callbacks: (req, res, next, value), the value being a route parameter.
    invalidCase(
      `${EXPRESS}app.param("conversation", (req, res, next, conversation) => {\n  tracer.createSession({ sessionId: req.params.conversation });\n  next();\n});`,
      { source: "req.params.conversation", method: "createSession", handler: "Express handler" },
      [ADD_TO_IMPORT, wrap("req.params.conversation")],
    ),
    // A require() object: the suggestion calls through it, nothing is imported. A route parameter is
    // there whenever the route matched: converted without a guard.
    invalidCase(
      `const express = require("express");\nconst hh = require("honeyhive");\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = express();\napp.post("/c/:id", async (req, res) => {\n  await tracer.acreateSession({ sessionId: req.params.id });\n  res.end();\n});`,
      { source: "req.params.id", method: "acreateSession", handler: "Express handler" },
      [["sessionId: req.params.id", "sessionId: hh.toSessionId(req.params.id)"]],
      "src/server.cjs",
    ),
    {
      // A Next.js server action: its arguments are what the client posted. A missing field is already
      // the text "null" here (String(null)), which no guard can tell from a sent id: no suggestion.
      code: `"use server";\nimport { tracer } from "@/lib/tracing";\nexport async function continueChat(formData: FormData) {\n  tracer.createSession({ sessionId: String(formData.get("sessionId")), skipApiCall: true });\n}`,
      filename: "app/actions.ts",
      errors: [{ messageId: MESSAGE, data: { source: 'formData.get("sessionId")', method: "createSession", handler: "Next.js server action handler" }, suggestions: [] }],
    },
    // A constant default (`?? "anonymous"`, `|| ""`, a `const` holding one) is one text for every request
    // without the header: converted, they would all share one session. Like String(missing): no suggestion.
    ...[`req.header("x-session-id") ?? "anonymous"`, `req.header("x-session-id") || ""`, "req.header(\"x-session-id\") ?? `guest`", `req.header("x-session-id") ?? GUEST`].map((value) => ({
      code: `${EXPRESS}const GUEST = "guest";\napp.use((req, res, next) => {\n  tracer.createSession({ sessionId: ${value} });\n  next();\n});`,
      errors: [{ messageId: MESSAGE, data: { source: 'req.header("x-session-id")', method: "createSession", handler: "Express handler" }, suggestions: [] }],
    })),
    // JSON-RPC / MCP: `params` of the body is what the client posted, not the route's path parameters
    // (which are read from the request itself): it may be missing, so converted only when present.
    invalidCase(
      `${EXPRESS}app.post("/rpc", (req, res) => {\n  tracer.createSession({ sessionId: req.body.params.id });\n  res.end();\n});`,
      { source: "req.body.params.id", method: "createSession", handler: "Express handler" },
      [ADD_TO_IMPORT, wrapIfPresent("req.body.params.id")],
    ),
    invalidCase(
      `${EXPRESS}app.post("/rpc", (req, res) => {\n  const { params } = req.body;\n  tracer.createSession({ sessionId: params.sessionId });\n  res.end();\n});`,
      { source: "params.sessionId", method: "createSession", handler: "Express handler" },
      [ADD_TO_IMPORT, wrapIfPresent("params.sessionId")],
    ),
    // express-session's id (from the client's cookie, uid-safe, never a UUID): the SDK would throw on every request.
    invalidCase(
      `${EXPRESS}app.use((req, res, next) => {\n  tracer.createSession({ sessionId: req.sessionID });\n  next();\n});`,
      { source: "req.sessionID", method: "createSession", handler: "Express handler" },
      [ADD_TO_IMPORT, wrapIfPresent("req.sessionID")],
    ),
    // The client decides the type: Express's `?sid=a&sid=b` is an array, `?sid[k]=v` an object. The guard
    // converts only a non-empty string (toSessionId() throws a TypeError on anything else).
    invalidCase(
      `${EXPRESS}app.get("/chat", (req, res) => {\n  tracer.createSession({ sessionId: req.query.sid });\n  res.end();\n});`,
      { source: "req.query.sid", method: "createSession", handler: "Express handler" },
      [ADD_TO_IMPORT, wrapIfPresent("req.query.sid")],
    ),
    // Text made of a route parameter (never empty, always text) is converted as is; so is String() of one.
    ...["`${req.params.id}`", '"conv-" + req.params.id', "String(req.params.id)"].map((value) =>
      invalidCase(
        `${EXPRESS}app.get("/c/:id", (req, res) => {\n  tracer.createSession({ sessionId: ${value} });\n  res.end();\n});`,
        { source: "req.params.id", method: "createSession", handler: "Express handler" },
        [ADD_TO_IMPORT, wrap(value)],
      ),
    ),
    // Always there but of the client's type (a default the application makes, what a method of the input
    // returned, maybe ""), written inline: the guard would call randomUUID() or trim() twice, so no
    // suggestion (converted unguarded, `?sid=a&sid=b` would throw in the handler).
    ...['req.query.sid ?? randomUUID()', 'req.get("x-session-id")!.trim()'].map((value) => ({
      code: `${EXPRESS}import { randomUUID } from "node:crypto";\napp.get("/chat", (req, res) => {\n  tracer.createSession({ sessionId: ${value} });\n  res.end();\n});`,
      errors: [{ messageId: MESSAGE, suggestions: [] }],
    })),
    // toSessionId already imported (used elsewhere): reused as is.
    invalidCase(
      `${EXPRESS_TO_SESSION_ID}export const anonymous = toSessionId("anonymous");\napp.use((req, res, next) => {\n  tracer.createSession({ sessionId: req.header("x-session-id") });\n  next();\n});`,
      { source: 'req.header("x-session-id")', method: "createSession", handler: "Express handler" },
      [wrapIfPresent('req.header("x-session-id")')],
    ),
    {
      // A local binding named toSessionId shadows the import: no suggestion that would call the wrong function.
      code: `${EXPRESS}app.use((req, res, next) => {\n  const toSessionId = (value) => value;\n  tracer.createSession({ sessionId: req.query.sid });\n  next();\n});`,
      errors: [{ messageId: MESSAGE, data: { source: "req.query.sid", method: "createSession", handler: "Express handler" }, suggestions: [] }],
    },
  ],
});

describe("sourceLabel", () => {
  it("keeps short sources and cuts long or multi-line ones", () => {
    expect(sourceLabel('req.headers["x-session-id"]')).toBe('req.headers["x-session-id"]');
    expect(sourceLabel("req\n  .get('a')")).toBe("req .get('a')");
    expect(sourceLabel("x".repeat(60))).toBe(`${"x".repeat(47)}…`);
  });
});

describeFixtureTruth(RULE_NAME, rule);

// Blind cases: one shape per framework and platform, written from their docs (not from the fixtures).
// Each source is reported raw, and accepted converted with toSessionId(), checked with isSessionId(),
// tested against a UUID regex, or replaced by a constant.
const HH = `import { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;\n`;

interface FrameworkShape {
  readonly framework: string;
  readonly filename?: string;
  /** The file with `BODY` where the handler's statements go. */
  readonly code: string;
  /** Expressions that read the client's input inside that handler. */
  readonly sources: readonly string[];
}

const SHAPES: readonly FrameworkShape[] = [
  { framework: "Express", code: `import express from "express";\n${HH}const app = express();\napp.post("/c", async (req, res) => { BODY res.end(); });`, sources: ['req.headers["x-session-id"]', 'req.get("x-session-id")', "req.query.session", "req.body.sessionId", "req.params.id", "req.cookies.sid"] },
  { framework: "Koa", code: `import Koa from "koa";\n${HH}const app = new Koa();\napp.use(async (ctx) => { BODY });`, sources: ['ctx.get("x-session-id")', "ctx.query.session", "ctx.request.body.sessionId", "ctx.params.id", 'ctx.cookies.get("sid")'] },
  { framework: "Fastify", code: `import Fastify from "fastify";\n${HH}const app = Fastify();\napp.post("/c", async (request) => { BODY return {}; });`, sources: ['request.headers["x-session-id"]', "request.query.session", "request.params.id", "request.body.sessionId"] },
  { framework: "Hono", code: `import { Hono } from "hono";\n${HH}const app = new Hono();\napp.post("/c", async (c) => { BODY return c.text("ok"); });`, sources: ['c.req.header("x-session-id")', 'c.req.query("session")', 'c.req.param("id")', "(await c.req.json()).sessionId"] },
  { framework: "h3", code: `import { defineEventHandler, getHeader, getQuery, readBody, getRouterParam, getCookie } from "h3";\n${HH}export default defineEventHandler(async (event) => { BODY return {}; });`, sources: ['getHeader(event, "x-session-id")', "getQuery(event).session", "(await readBody(event)).sessionId", 'getRouterParam(event, "id")', 'getCookie(event, "sid")'] },
  { framework: "Nuxt (auto-imported h3)", filename: "server/api/chat.post.ts", code: `${HH}export default defineEventHandler(async (event) => { BODY return {}; });`, sources: ['getHeader(event, "x-session-id")', "(await readBody(event)).sessionId"] },
  { framework: "Next.js route handler", filename: "app/api/chat/route.ts", code: `import { cookies, headers } from "next/headers";\nimport type { NextRequest } from "next/server";\n${HH}export async function POST(request: NextRequest, { params }: { params: { id: string } }) { BODY return Response.json({}); }`, sources: ['request.headers.get("x-session-id")', 'request.nextUrl.searchParams.get("s")', "params.id", '(await cookies()).get("sid")?.value', '(await headers()).get("x-session-id")'] },
  { framework: "Next.js server action", filename: "app/actions.ts", code: `"use server";\n${HH}export async function continueChat(sessionKey: string) { BODY }`, sources: ["sessionKey"] },
  { framework: "SvelteKit", filename: "src/routes/api/chat/+server.ts", code: `${HH}export async function POST({ request, url, params, cookies }) { BODY return new Response("ok"); }`, sources: ['request.headers.get("x-session-id")', 'url.searchParams.get("s")', "params.id", 'cookies.get("sid")'] },
  { framework: "SvelteKit hooks.server.ts", filename: "src/hooks.server.ts", code: `${HH}export const handle = async ({ event, resolve }) => { BODY return resolve(event); };`, sources: ['event.request.headers.get("x-session-id")', 'event.cookies.get("sid")', 'event.url.searchParams.get("s")'] },
  { framework: "Remix", filename: "app/routes/chat.tsx", code: `${HH}export async function action({ request, params }) { BODY return null; }`, sources: ['request.headers.get("x-session-id")', "params.sessionId", '(await request.formData()).get("sessionId")'] },
  { framework: "Astro", filename: "src/pages/api/chat.ts", code: `${HH}export const POST = async ({ request, params }) => { BODY return new Response("ok"); };`, sources: ['request.headers.get("x-session-id")', "params.id"] },
  { framework: "Elysia", code: `import { Elysia } from "elysia";\n${HH}new Elysia().post("/c", ({ headers, query, body }) => { BODY return {}; }).listen(3000);`, sources: ['headers["x-session-id"]', "query.session", "body.sessionId"] },
  { framework: "hapi", code: `import Hapi from "@hapi/hapi";\n${HH}const server = Hapi.server();\nserver.route({ method: "POST", path: "/c", handler: async (request, h) => { BODY return "ok"; } });`, sources: ['request.headers["x-session-id"]', "request.payload.sessionId", "request.state.sid"] },
  { framework: "tRPC", code: `import { z } from "zod";\nimport { publicProcedure } from "../trpc";\n${HH}export const chat = publicProcedure.input(z.object({ sessionId: z.string() })).mutation(async ({ input }) => { BODY });`, sources: ["input.sessionId"] },
  { framework: "AWS Lambda", code: `${HH}export const handler = async (event, context) => { BODY return { statusCode: 200 }; };`, sources: ['event.headers["x-session-id"]', "event.queryStringParameters?.session", "event.pathParameters.id", "JSON.parse(event.body).sessionId", "event.requestContext.authorizer.sessionId"] },
  { framework: "Azure Functions", code: `import { app } from "@azure/functions";\n${HH}app.http("chat", { handler: async (request, context) => { BODY return { body: "ok" }; } });`, sources: ['request.headers.get("x-session-id")', 'request.query.get("session")', "request.params.id"] },
  { framework: "Google Cloud Functions", code: `import * as functions from "@google-cloud/functions-framework";\n${HH}functions.http("chat", async (req, res) => { BODY res.send("ok"); });`, sources: ['req.get("x-session-id")', "req.query.session", "req.body.sessionId"] },
  { framework: "Cloudflare Workers", code: `${HH}export default { async fetch(request, env, ctx) { BODY return new Response("ok"); } };`, sources: ['request.headers.get("x-session-id")', 'new URL(request.url).searchParams.get("s")'] },
  { framework: "Bun", code: `${HH}Bun.serve({ async fetch(request) { BODY return new Response("ok"); } });`, sources: ['request.headers.get("x-session-id")'] },
  { framework: "Deno", code: `${HH}Deno.serve({ handler: async (request) => { BODY return new Response("ok"); } });`, sources: ['request.headers.get("x-session-id")'] },
];

/** The handler's statements that hand `source` to the SDK: raw, or each way of validating it. */
const BODIES = {
  raw: (source: string) => `tracer.createSession({ sessionId: ${source} });`,
  "converted with toSessionId()": (source: string) => `tracer.createSession({ sessionId: toSessionId(String(${source})) });`,
  "checked with isSessionId()": (source: string) => `const sid = ${source}; if (!sid || !isSessionId(sid)) throw new Error("bad session id"); tracer.createSession({ sessionId: sid });`,
  "tested against a UUID regex": (source: string) => `const sid = ${source}; if (!UUID.test(String(sid))) throw new Error("bad session id"); tracer.createSession({ sessionId: sid });`,
  "replaced by a constant": () => `tracer.createSession({ sessionId: "8f14e45f-ceea-467f-a0e6-1f7c9b0e2b11" });`,
} as const;

function messagesOf(code: string, filename = "src/file.ts"): string[] {
  return lintWithRule(RULE_NAME, rule, code, filename).map((message) => message.messageId ?? message.message);
}

describe("blind cases: request input of every framework and platform", () => {
  for (const shape of SHAPES) {
    describe(shape.framework, () => {
      for (const source of shape.sources) {
        for (const [way, body] of Object.entries(BODIES)) {
          const reported = way === "raw";
          it(`${reported ? "reports" : "accepts"} ${source}${reported ? "" : ` ${way}`}`, () => {
            expect(messagesOf(shape.code.replace("BODY", body(source)), shape.filename)).toEqual(reported ? [MESSAGE] : []);
          });
        }
      }
    });
  }

  // Look-alikes: an id of the application's own, a header that goes to a logger, a reader of another module.
  const H3 = `import { defineEventHandler, getHeader } from "h3";\n${HH}`;
  it.each([
    ["an id from the application's database", `${H3}import { db } from "./db";\nexport default defineEventHandler(async (event) => { const { sessionId } = await db.session.findFirst({ where: { user: getHeader(event, "x-user") } }); tracer.createSession({ sessionId }); return {}; });`],
    ["crypto.randomUUID()", `${H3}export default defineEventHandler(async (event) => { tracer.createSession({ sessionId: crypto.randomUUID() }); return {}; });`],
    ["a header read that goes to a logger", `${H3}import { logger } from "./log";\nexport default defineEventHandler(async (event) => { logger.info(getHeader(event, "x-session-id")); tracer.createSession(); return {}; });`],
    ["a getHeader of the project's own module", `import { defineEventHandler } from "h3";\nimport { getHeader } from "./http-utils";\n${HH}export default defineEventHandler(async (event) => { tracer.createSession({ sessionId: getHeader(event, "x-session-id") }); return {}; });`],
    ["a getHeader declared in a Nuxt server file (not the auto-import)", `${HH}function getHeader(event, name) { return event.context.ids[name]; }\nexport default defineEventHandler(async (event) => { tracer.createSession({ sessionId: getHeader(event, "x-session-id") }); return {}; });`, "server/api/chat.ts"],
    ["a cookies() of another module", `import { cookies } from "./cookie-jar";\n${HH}export async function POST(request: Request) { tracer.createSession({ sessionId: cookies().get("sid") }); return Response.json({}); }`, "app/api/chat/route.ts"],
    ["tRPC input validated as a UUID by its schema", `import { z } from "zod";\nimport { publicProcedure } from "../trpc";\n${HH}export const chat = publicProcedure.input(z.object({ sessionId: z.string().uuid() })).mutation(async ({ input }) => { tracer.createSession({ sessionId: input.sessionId }); });`],
    ["tRPC input validated by a schema of the file that checks UUIDs", `import { z } from "zod";\nimport { publicProcedure } from "../trpc";\n${HH}const ChatInput = z.object({ sessionId: z.string().uuid() });\nexport const chat = publicProcedure.input(ChatInput).mutation(async ({ input }) => { tracer.createSession({ sessionId: input.sessionId }); });`],
    ["tRPC's ctx (the application's own context)", `import { publicProcedure } from "../trpc";\n${HH}export const chat = publicProcedure.mutation(async ({ ctx }) => { tracer.createSession({ sessionId: ctx.session.id }); });`],
    ["a queue job's data (the application's own message)", `import { Worker } from "bullmq";\n${HH}new Worker("q", async (job) => { tracer.createSession({ sessionId: job.data.sessionId }); });`],
    ["SvelteKit's event.locals (set by the application)", `${HH}export const handle = async ({ event, resolve }) => { tracer.createSession({ sessionId: event.locals.sessionId }); return resolve(event); };`, "src/hooks.server.ts"],
    ["a Lambda context's request id", `${HH}export const handler = async (event, context) => { tracer.createSession({ sessionId: context.awsRequestId }); return {}; };`],
  ] satisfies ReadonlyArray<readonly [string, string, string?]>)("accepts %s", (_title: string, code: string, filename?: string) => {
    expect(messagesOf(code, filename)).toEqual([]);
  });
});

describe("WebSocket inputs: ws messages and the upgrade request, Socket.IO packets through socket.use", () => {
  const WS = `import { WebSocketServer } from "ws";\n${HH}const wss = new WebSocketServer({ port: 8080 });\n`;
  const IO = `import { Server } from "socket.io";\n${HH}const io = new Server(3000);\n`;
  it.each([
    ["a ws message's data", `${WS}wss.on("connection", (ws) => {\n  ws.on("message", (data) => { const msg = JSON.parse(String(data)); tracer.createSession({ sessionId: msg.sessionId }); });\n});`],
    ["the ws upgrade request's headers", `${WS}wss.on("connection", (ws, request) => { tracer.createSession({ sessionId: request.headers["x-session-id"] as string }); });`],
    ["a Socket.IO packet through socket.use", `${IO}io.on("connection", (socket) => {\n  socket.use(([event, payload], next) => { tracer.createSession({ sessionId: payload.sessionId }); next(); });\n});`],
    ["a Socket.IO packet through socket.use, named", `${IO}io.on("connection", (socket) => {\n  socket.use((packet, next) => { tracer.createSession({ sessionId: packet[1].sessionId }); next(); });\n});`],
  ])("reports %s", (_title: string, code: string) => {
    expect(messagesOf(code)).toEqual([MESSAGE]);
  });
  // Look-alikes: the server's own middleware (its socket is the server's, only the handshake the client's), a ws
  // close/error, a message checked with isSessionId, a use() on another object inside the connection callback.
  it.each([
    ["Socket.IO's server middleware io.use((socket, next))", `${IO}io.use((socket, next) => { tracer.createSession({ sessionId: socket.data.sessionId }); next(); });`],
    ["what the server keeps on a socket in socket.use", `${IO}io.on("connection", (socket) => {\n  socket.use((packet, next) => { tracer.createSession({ sessionId: socket.data.sessionId }); next(); });\n});`],
    ["a use() of the connection callback's second parameter", `${IO}io.on("connection", (socket, other: { use(fn: (p: any) => void): void }) => {\n  other.use((packet) => { tracer.createSession({ sessionId: packet.sessionId }); });\n});`],
    ["a ws error", `${WS}wss.on("connection", (ws) => {\n  ws.on("error", (error) => { tracer.createSession({ sessionId: error.message }); });\n});`],
    ["a ws message checked with isSessionId", `${WS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }")}wss.on("connection", (ws) => {\n  ws.on("message", (data) => { const sid = String(data); if (!isSessionId(sid)) return; tracer.createSession({ sessionId: sid }); });\n});`],
  ])("accepts %s", (_title: string, code: string) => {
    expect(messagesOf(code)).toEqual([]);
  });
});

// fix-blind8: request input the eighth blind round found unread: Socket.IO's server middleware `io.use`
// (its socket's handshake), a Netlify Edge Function's `Context` (parameter 1), Azure Functions v3's
// `context.bindingData`/`context.req`, and honeyhive 1.x `HoneyHiveTracer.initFromSessionId` as a sink.
describe("fix-blind8: io.use handshakes, Netlify Edge context, Azure v3 context, 1.x initFromSessionId", () => {
  const IO = `import { Server } from "socket.io";\n${HH}const io = new Server(3000);\n`;
  const HH_1X = `import { HoneyHiveTracer } from "honeyhive";\nimport express from "express";\nconst app = express();\n`;
  const EDGE = `import type { Context } from "@netlify/edge-functions";\n${HH}`;
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // What the server keeps on the socket, and the id the middleware makes itself.
      `${IO}io.use((socket, next) => { tracer.createSession({ sessionId: socket.data.sessionId }); next(); });`,
      `${IO}io.of("/chat").use((socket, next) => { tracer.createSession({ sessionId: socket.id }); next(); });`,
      `${IO}io.use((socket, next) => { const sid = socket.handshake.auth.sessionId; if (!isSessionId(sid)) return next(new Error("bad")); tracer.createSession({ sessionId: sid }); next(); });`,
      // Netlify Edge: the platform's own request id and the deploy, not the client's.
      { code: `${EDGE}export default async (request: Request, context: Context) => { tracer.createSession({ sessionId: context.requestId }); return new Response("ok"); };`, filename: "netlify/edge-functions/chat.ts" },
      { code: `${EDGE}export default async (request: Request, context: Context) => { tracer.createSession({ sessionId: context.deploy.id }); return new Response("ok"); };`, filename: "netlify/edge-functions/chat.ts" },
      // The same edge shape outside the edge functions folder is no handler.
      { code: `${EDGE}export default async (request: Request, context: Context) => { tracer.createSession({ sessionId: context.cookies.get("sid") }); return new Response("ok"); };`, filename: "src/lib/chat.ts" },
      // 1.x: the id checked first; `init` with an id the route makes.
      `${HH_1X}app.post("/chat", async (req, res) => {\n  const sessionId = req.get("x-session-id") ?? "";\n  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return void res.status(400).end();\n  const tracer = await HoneyHiveTracer.initFromSessionId({ apiKey: "k", project: "p", sessionId });\n  await tracer.flush();\n  res.end();\n});`,
      `${HH_1X}import { randomUUID } from "node:crypto";\napp.post("/chat", async (req, res) => {\n  const tracer = await HoneyHiveTracer.initFromSessionId({ apiKey: "k", project: "p", sessionId: randomUUID() });\n  await tracer.flush();\n  res.end();\n});`,
    ],
    invalid: [
      invalidCase(
        `${IO}io.use((socket, next) => { tracer.createSession({ sessionId: socket.handshake.query.sid as string }); next(); });`,
        { source: "socket.handshake.query.sid", method: "createSession", handler: "Socket.IO handler" },
        [wrapIfPresent("socket.handshake.query.sid as string", "(socket.handshake.query.sid as string)")],
      ),
      invalidCase(
        `${IO}io.of("/chat").use(({ handshake }, next) => { tracer.createSession({ sessionId: handshake.auth.sessionId }); next(); });`,
        { source: "handshake.auth.sessionId", method: "createSession", handler: "Socket.IO handler" },
        [wrapIfPresent("handshake.auth.sessionId")],
      ),
      invalidCase(
        `${EDGE}export default async (request: Request, context: Context) => { tracer.createSession({ sessionId: context.cookies.get("sid") }); return new Response("ok"); };`,
        { source: 'context.cookies.get("sid")', method: "createSession", handler: "Netlify Edge Functions handler" },
        [wrapIfPresent('context.cookies.get("sid")')],
        "netlify/edge-functions/chat.ts",
      ),
      invalidCase(
        `${EDGE}export default async (request: Request, context: Context) => { tracer.createSession({ sessionId: context.params.id }); return new Response("ok"); };\nexport const config = { path: "/chat/:id" };`,
        { source: "context.params.id", method: "createSession", handler: "Netlify Edge Functions handler" },
        [wrap("context.params.id")],
        "netlify/edge-functions/chat.ts",
      ),
      {
        code: `${HH_1X}app.post("/chat", async (req, res) => {\n  const tracer = await HoneyHiveTracer.initFromSessionId({ apiKey: "k", project: "p", sessionId: req.get("x-session-id") });\n  await tracer.flush();\n  res.end();\n});`,
        errors: [{ messageId: "unvalidatedSessionId1x" as const, data: { source: 'req.get("x-session-id")', method: "HoneyHiveTracer.initFromSessionId", handler: "Express handler" }, suggestions: [] }],
      },
    ],
  });
  // Azure Functions v3 is told apart by its function.json beside the file: a project on disk.
  const AZURE_V3 = {
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", "@azure/functions": "^3.5.1" } }),
    "host.json": `{ "version": "2.0" }\n`,
    "Chat/function.json": JSON.stringify({ bindings: [{ type: "httpTrigger", direction: "in", name: "req", route: "chat/{sessionId}" }, { type: "http", direction: "out", name: "res" }] }),
  };
  const azure = (read: string): Case => ({
    name: read,
    code: `import type { AzureFunction, Context, HttpRequest } from "@azure/functions";\n${HH}const run: AzureFunction = async function (context: Context, req: HttpRequest): Promise<void> {\n  tracer.createSession({ sessionId: ${read} });\n  await tracer.forceFlush();\n  context.res = { status: 200 };\n};\nexport default run;`,
    filename: "Chat/index.ts",
    files: AZURE_V3,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each([azure("context.bindingData.sessionId"), azure("String(context.bindingData.query.sid)"), azure('context.req.headers["x-session-id"]'), azure("req.query.sid")].map((testCase) => [testCase.name, testCase] as const))(
    "Azure v3 reported: %s",
    (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0),
  );
  // Look-alikes: the runtime's invocation id and function name, what the function put on `context.res`.
  it.each([azure("context.invocationId"), azure("context.executionContext.functionName"), azure("context.res?.body"), azure("context.bindingData.invocationId"), azure("context.bindingData.sys.randGuid")].map((testCase) => [testCase.name, testCase] as const))(
    "Azure v3 quiet: %s",
    (_name, testCase) => expect(reports(testCase)).toBe(0),
  );
  // gaps-rules-6b: the context destructured in the handler's parameter list keeps the runtime's keys out.
  const destructured = (parameter: string, read: string): Case => ({
    name: `(${parameter}, req) → ${read}`,
    code: `import type { HttpRequest } from "@azure/functions";\n${HH}export default async function (${parameter}, req: HttpRequest): Promise<void> {\n  tracer.createSession({ sessionId: ${read} });\n  await tracer.forceFlush();\n}`,
    filename: "Chat/index.ts",
    files: AZURE_V3,
  });
  it.each(
    [destructured("{ bindingData }", "bindingData.sessionId"), destructured("{ bindingData }", "bindingData.query.sid"), destructured("{ bindingData: { sessionId } }", "sessionId"), destructured("{ req: request }", 'request.headers["x-session-id"]')].map(
      (testCase) => [testCase.name, testCase] as const,
    ),
  )("Azure v3 destructured context reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(
    [destructured("{ bindingData }", "bindingData.invocationId"), destructured("{ bindingData }", "bindingData.sys.randGuid"), destructured("{ bindingData: { invocationId } }", "invocationId"), destructured("{ invocationId }", "invocationId")].map(
      (testCase) => [testCase.name, testCase] as const,
    ),
  )("Azure v3 destructured context quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-blind8: a Powertools record handler passed by name to `processPartialResponse` gets an element
// of the invocation's event (knowledge/record-handlers.ts).
describe("fix-blind8: Powertools record handlers' records", () => {
  const HEAD = `${HH}import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";\nconst processor = new BatchProcessor(EventType.SQS);\n`;
  const batch = (recordHandler: string, call = "processPartialResponse(event, recordHandler, processor, { context })"): string =>
    `${HEAD}${recordHandler}\nexport const handler = async (event, context) => {\n  try {\n    return await ${call};\n  } finally {\n    await tracer.forceFlush();\n  }\n};`;
  it.each([
    ["a record's body", batch(`const recordHandler = async (record) => { tracer.createSession({ sessionId: JSON.parse(record.body).sessionId }); };`)],
    ["a destructured record attribute", batch(`async function recordHandler({ messageAttributes }) { tracer.createSession({ sessionId: messageAttributes.sessionId.stringValue }); }`)],
  ])("reports %s", (_title: string, code: string) => {
    expect(messagesOf(code, "src/batch.ts")).toEqual([MESSAGE]);
  });
  it.each([
    ["the record's id checked first", batch(`const recordHandler = async (record) => { const { sessionId } = JSON.parse(record.body); if (!isSessionId(sessionId)) return; tracer.createSession({ sessionId }); };`)],
    ["the record handler's second parameter (no input)", batch(`const recordHandler = async (record, options) => { tracer.createSession({ sessionId: options.sessionId }); };`)],
    ["a function of the same shape handed to another library's call", batch(`const recordHandler = async (record) => { tracer.createSession({ sessionId: JSON.parse(record.body).sessionId }); };`, "other(event, recordHandler, processor)")],
  ])("accepts %s", (_title: string, code: string) => {
    expect(messagesOf(code, "src/batch.ts")).toEqual([]);
  });
});

// leftovers-7: an id the platform assigns in a Lambda event is no input only where its documentation says it
// is a UUID and no other event shape uses the same path (knowledge/platforms/aws-lambda.ts `assignedUuids`).
describe("leftovers-7: ids AWS assigns in a Lambda event", () => {
  const lambda = (body: string): string => `${HH}export const handler = async (event, context) => {\n  ${body}\n  await tracer.forceFlush();\n};`;
  const POWERTOOLS = `${HH}import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";\nconst processor = new BatchProcessor(EventType.SQS);\n`;
  it.each([
    // SQS promises a system-assigned id of at most 100 characters, no UUID.
    ["an SQS record's messageId", lambda(`for (const record of event.Records) tracer.createSession({ sessionId: record.messageId });`)],
    ["an SQS record's messageId in a Powertools record handler", `${POWERTOOLS}const recordHandler = async (record) => { tracer.createSession({ sessionId: record.messageId }); };\nexport const handler = async (event, context) => processPartialResponse(event, recordHandler, processor, { context });`],
    // A Kinesis or DynamoDB record's eventID is no UUID (`shardId-…:4959…`).
    ["a Kinesis record's eventID", lambda(`tracer.createSession({ sessionId: event.Records[0].eventID });`)],
    // An EventBridge event's id is a UUID, but a top-level `id` is any direct invocation's own too.
    ["an EventBridge event's id", lambda(`tracer.createSession({ sessionId: event.id });`)],
    // A UUID from a REST API, "JKJaXmPLvHcESHA=" from an HTTP API: the same path.
    ["API Gateway's requestContext.requestId", lambda(`tracer.createSession({ sessionId: event.requestContext.requestId });`)],
    // Beside the SNS id, what the publisher wrote.
    ["an SNS record's Message", lambda(`tracer.createSession({ sessionId: JSON.parse(event.Records[0].Sns.Message).sessionId });`)],
    ["an SNS record's message attribute", lambda(`for (const record of event.Records) tracer.createSession({ sessionId: record.Sns.MessageAttributes.sid.Value });`)],
    // The same key elsewhere in the event is the caller's.
    ["a MessageId outside an SNS record", lambda(`tracer.createSession({ sessionId: event.Sns.MessageId });`)],
    ["a MessageId at the top of the event", lambda(`tracer.createSession({ sessionId: event.MessageId });`)],
    ["a record destructured into an array", lambda(`const [first] = event.Records;\n  tracer.createSession({ sessionId: first.Sns.MessageId });`)],
  ])("reports %s", (_title: string, code: string) => {
    expect(messagesOf(code, "src/handler.ts")).toEqual([MESSAGE]);
  });
  it.each([
    ["an SNS record's MessageId by index", lambda(`tracer.createSession({ sessionId: event.Records[0].Sns.MessageId });`)],
    ["an SNS record's MessageId in a loop", lambda(`for (const record of event.Records) tracer.createSession({ sessionId: record.Sns.MessageId });`)],
    ["an SNS record's MessageId, the record destructured", lambda(`for (const { Sns } of event.Records) tracer.createSession({ sessionId: Sns.MessageId });`)],
    ["an SNS MessageId destructured from the record", lambda(`const { MessageId } = event.Records[0].Sns;\n  tracer.createSession({ sessionId: MessageId });`)],
    ["an SNS MessageId through a local", lambda(`const sns = event.Records[0]?.Sns;\n  tracer.createSession({ sessionId: sns?.MessageId });`)],
    ["an SNS MessageId, the event destructured", `${HH}export const handler = async ({ Records }) => {\n  tracer.createSession({ sessionId: Records[0].Sns.MessageId });\n  await tracer.forceFlush();\n};`],
  ])("accepts %s", (_title: string, code: string) => {
    expect(messagesOf(code, "src/handler.ts")).toEqual([]);
  });
});

// leftovers-7: a session middleware's id (express-session's `req.session.id`, @fastify/session's
// `request.session.sessionId`) is the client's cookie and no UUID; the rest of the session is the server's
// (`members` in knowledge/frameworks/express.ts and fastify.ts).
describe("leftovers-7: session middleware ids", () => {
  const express = (body: string): string => `${EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }")}app.post("/chat", (req, res) => {\n  ${body}\n  res.end();\n});`;
  const FASTIFY = `import Fastify from "fastify";\n${HH}const app = Fastify();\n`;
  const fastify = (body: string): string => `${FASTIFY}app.post("/chat", async (request, reply) => {\n  ${body}\n  return {};\n});`;
  it.each([
    ["express-session's req.session.id", express(`tracer.createSession({ sessionId: req.session.id });`), "req.session.id"],
    ["req.session.id through a local", express(`const { session } = req;\n  tracer.createSession({ sessionId: session.id });`), "session.id"],
    ["req.session.id destructured", express(`const { session: { id } } = req;\n  tracer.createSession({ sessionId: id });`), "req.session.id"],
    ["@fastify/session's request.session.sessionId", fastify(`tracer.createSession({ sessionId: request.session.sessionId });`), "request.session.sessionId"],
    ["@fastify/session's request.session.encryptedSessionId", fastify(`tracer.createSession({ sessionId: request.session.encryptedSessionId });`), "request.session.encryptedSessionId"],
  ])("reports %s", (_title: string, code: string, source: string) => {
    const messages = lintWithRule(RULE_NAME, rule, code, "src/server.ts");
    expect(messages.map((message) => message.messageId)).toEqual([MESSAGE]);
    expect(messages[0]?.message).toContain(`\`${source}\``);
  });
  it.each([
    ["the server's data in req.session", express(`tracer.createSession({ sessionId: req.session.chatId });`)],
    ["req.session.id checked first", express(`const id = req.session.id;\n  if (!isSessionId(id)) return res.sendStatus(400);\n  tracer.createSession({ sessionId: id });`)],
    ["the server's data in request.session", fastify(`tracer.createSession({ sessionId: request.session.chatId });`)],
    ["@fastify/secure-session's data", fastify(`tracer.createSession({ sessionId: request.session.get("chatId") });`)],
    ["an id of another member of the request", express(`tracer.createSession({ sessionId: req.user.id });`)],
  ])("accepts %s", (_title: string, code: string) => {
    expect(messagesOf(code, "src/server.ts")).toEqual([]);
  });
});

// fix-blind8: a Twilio Function (`functions/` of a Twilio Serverless project) is Lambda-shaped, but its
// request is `event`, the second parameter (knowledge/platforms/twilio-functions.ts).
describe("fix-blind8: Twilio Functions' event", () => {
  const project = (deps: Record<string, string>) => ({ "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", ...deps } }) });
  const TWILIO = project({ "@twilio/runtime-handler": "^2.0.0", twilio: "^5.7.0" });
  const fn = (parameters: string, read: string, files: Record<string, string> = TWILIO, filename = "functions/sms.js"): Case => ({
    name: `${filename} (${parameters}) ${read} ${Object.keys(JSON.parse(files["package.json"]!).dependencies).join(",")}`,
    code: `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "sms" });\nexports.handler = async function (${parameters}) {\n  tracer.createSession({ sessionId: ${read} });\n  await tracer.forceFlush();\n  return callback ? callback(null, "ok") : "ok";\n};`,
    filename,
    files,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each([
    fn("context, event, callback", "event.From"),
    fn("context, event, callback", "event.request.headers['x-session-id']"),
    // Without Twilio's runtime (only its SMS client), or outside functions/, the export is a Lambda: its event is first.
    fn("event, context, callback", "event.headers['x-session-id']", project({ twilio: "^5.7.0" })),
    fn("event, context, callback", "event.headers['x-session-id']", TWILIO, "src/sms.js"),
  ].map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each([
    // The runtime's context (environment values, the domain) is not the request.
    fn("context, event, callback", "context.SESSION_SEED"),
    fn("context, event, callback", "context.DOMAIN_NAME"),
  ].map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

describe("hono/cookie readers", () => {
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [],
    invalid: [
      // Was missed: `getCookie(c, "sid")` of hono/cookie reads the request's cookie, as `c.req.header()` does a header.
      // (No suggestion: the rule offers none for a reader function's value, as for h3's `getCookie`.)
      {
        code: `import { Hono } from "hono";\nimport { getCookie } from "hono/cookie";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst app = new Hono();\napp.post("/chat", (c) => { tracer.createSession({ sessionId: getCookie(c, "sid") }); return c.text("ok"); });`,
        errors: [{ messageId: MESSAGE, data: { source: 'getCookie(c, "sid")', method: "createSession", handler: "Hono handler" }, suggestions: [] }],
      },
    ],
  });
});

// fix-blind11-holders: a tracer an app keeps for its handlers (analysis/knowledge/app-lifetime.ts) is the receiver the
// request's id reaches: Hono `c.get("tracer")` / `c.var.tracer` of `c.set("tracer", tracer)`, Fastify `request.server.tracer`
// of `app.decorate("tracer", …)`. Look-alikes: the same slot holding dd-trace (whose spans take any tag), another key.
describe("fix-blind11-holders: tracers kept by the app for its handlers", () => {
  const HONO = (stored: string) =>
    `import { Hono } from "hono";\nimport dd from "dd-trace";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new Hono();\napp.use(async (c, next) => { c.set("tracer", ${stored}); await next(); });\n`;
  const FASTIFY = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = Fastify();\napp.decorate("tracer", HoneyHiveTracer.init({ project: "p" }));\n`;
  const honoRoute = (receiver: string) => `app.post("/chat", (c) => { ${receiver}.createSession({ sessionId: c.req.header("x-session-id") }); return c.text("ok"); });`;
  const data = { source: 'c.req.header("x-session-id")', method: "createSession", handler: "Hono handler" };
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      `${HONO("dd.init()")}${honoRoute('c.get("tracer")')}`,
      `${HONO("tracer")}${honoRoute('c.get("recorder")')}`,
      `${FASTIFY}app.post("/chat", async (request) => { request.server.recorder.createSession({ sessionId: request.headers["x-session-id"] }); });`,
    ],
    invalid: [
      invalidCase(`${HONO("tracer")}${honoRoute('c.get("tracer")')}`, data, [ADD_TO_IMPORT, wrapIfPresent('c.req.header("x-session-id")')]),
      invalidCase(`${HONO("tracer")}${honoRoute("c.var.tracer")}`, data, [ADD_TO_IMPORT, wrapIfPresent('c.req.header("x-session-id")')]),
      invalidCase(
        `${FASTIFY}app.post("/chat", async (request) => { request.server.tracer.createSession({ sessionId: request.headers["x-session-id"] }); });`,
        { source: 'request.headers["x-session-id"]', method: "createSession", handler: "Fastify handler" },
        [ADD_TO_IMPORT, wrapIfPresent('request.headers["x-session-id"]')],
      ),
    ],
  });
});

describe("honeyhive 1.x files", () => {
  it("name no 2.x error and no toSessionId(): 1.x takes only UUIDs and has neither", () => {
    const code = `${EXPRESS}app.use((req, res, next) => {\n  tracer.createSession({ sessionId: req.header("x-session-id") });\n  next();\n});`.replace(
      "const tracer = HoneyHiveTracer.init",
      "const tracer = await HoneyHiveTracer.init",
    );
    // The settings name the major: this repository's own package.json (the nearest one) says 2.x.
    const config = [...configForRule(RULE_NAME, rule), { settings: { honeyhive: { sdkVersion: 1 } } }];
    const [message, ...rest] = new Linter({ configType: "flat" }).verify(code, config, { filename: "src/server.ts" });
    expect(rest).toEqual([]);
    expect(message?.messageId).toBe("unvalidatedSessionId1x");
    expect(message?.message).toContain("honeyhive 1.x accepts only UUID session ids");
    expect(message?.message).not.toContain("InvalidSessionIdError");
    expect(message?.suggestions ?? []).toEqual([]);
  });
});

// A session-id helper written as a class method, an object-literal method, with an object parameter or
// a default (were known misses): the helper's parameter is followed to its calls in this file. The
// suggestion (the codemod marks the same findings: codemods/transforms/validate-session-id.test.ts)
// wraps the value at the SDK call, as for a plain helper.
describe("session-id helpers: methods, object parameters, defaults", () => {
  const IMPORTS = EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }");
  const reported = (code: string, source: string, value: string, converted: string) => ({
    code: `${IMPORTS}${code}`,
    errors: [
      {
        messageId: MESSAGE,
        data: { source, method: "createSession", handler: "Express handler" },
        suggestions: [
          {
            messageId: "wrapInToSessionId" as const,
            output: `${IMPORTS.replace("isSessionId }", "isSessionId, toSessionId }")}${code.replace(value, converted)}`,
          },
        ],
      },
    ],
  });
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // The method called with a checked id.
      `${IMPORTS}class Chats {\n  start(sessionId) { return tracer.createSession({ sessionId }); }\n}\nconst chats = new Chats();\napp.post("/chat", (req, res) => { const id = req.get("x-session-id"); if (isSessionId(id)) chats.start(id); res.end(); });`,
      // A method of the same name on another object (imported): not this helper.
      `${IMPORTS}import { other } from "./other";\nclass Chats {\n  start(sessionId) { return tracer.createSession({ sessionId }); }\n}\napp.post("/chat", (req, res) => { other.start(req.get("x-session-id")); res.end(); });`,
      // An instance of another class with a method of the same name.
      `${IMPORTS}class Chats {\n  start(sessionId) { return tracer.createSession({ sessionId }); }\n}\nclass Jobs {\n  start(id) { return id; }\n}\nconst jobs = new Jobs();\napp.post("/chat", (req, res) => { jobs.start(req.get("x-session-id")); res.end(); });`,
      // The default applies: no argument.
      `${IMPORTS}import { randomUUID } from "node:crypto";\nfunction startChat(sessionId = randomUUID()) { return tracer.createSession({ sessionId }); }\napp.post("/chat", (req, res) => { startChat(); res.end(); });`,
      // The object parameter's key is given a converted id, or not given at all.
      `${IMPORTS.replace("isSessionId }", "isSessionId, toSessionId }")}const startChat = ({ sessionId }) => tracer.createSession({ sessionId });\napp.post("/chat", (req, res) => { startChat({ sessionId: toSessionId(req.get("x-session-id")) }); res.end(); });`,
      `${IMPORTS}const startChat = ({ sessionId }) => tracer.createSession({ sessionId });\napp.post("/chat", (req, res) => { startChat({ userId: req.get("x-user-id") }); res.end(); });`,
      // The request handed to a helper that checks what it reads, or reads what a middleware set (passport's `req.user`).
      `${IMPORTS}function start(req) {\n  const id = req.get("x-session-id");\n  if (!isSessionId(id)) return;\n  tracer.createSession({ sessionId: id });\n}\napp.post("/chat", (req, res) => { start(req); res.end(); });`,
      `${IMPORTS}function start(req) { tracer.createSession({ sessionId: req.user.sessionId }); }\napp.post("/chat", (req, res) => { start(req); res.end(); });`,
      // The request handed over by every caller, whose `id` is no client input (the look-alike of F4's pair).
      `${IMPORTS}function open(source) { return tracer.createSession({ sessionId: source.id }); }\napp.post("/a", async (req, res) => { await open(req); res.end(); });\napp.post("/b", async (req, res) => { await open(req); res.end(); });`,
      // A spread after the key may replace it.
      `${IMPORTS}const startChat = ({ sessionId }) => tracer.createSession({ sessionId });\napp.post("/chat", (req, res) => { startChat({ sessionId: req.get("x-session-id"), ...defaults }); res.end(); });`,
    ],
    invalid: [
      reported(
        `class Chats {\n  start(sessionId) { return tracer.createSession({ sessionId }); }\n}\nconst chats = new Chats();\napp.post("/chat", (req, res) => { chats.start(req.get("x-session-id")); res.end(); });`,
        'req.get("x-session-id")',
        "createSession({ sessionId })",
        'createSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined })',
      ),
      // A static method, and `this.open(…)` inside the class.
      reported(
        `class Sessions {\n  static open(id) { tracer.createSession({ sessionId: id }); }\n}\napp.post("/chat", (req, res) => { Sessions.open(req.query.sid); res.end(); });`,
        "req.query.sid",
        "sessionId: id",
        'sessionId: typeof id === "string" && id ? toSessionId(id) : undefined',
      ),
      reported(
        `class ChatService {\n  open(id) { tracer.createSession({ sessionId: id }); }\n  handle(req) { this.open(req.body.sessionId); }\n}\nconst service = new ChatService();\napp.post("/chat", (req, res) => { service.handle(req); res.end(); });`,
        "req.body.sessionId",
        "sessionId: id",
        'sessionId: typeof id === "string" && id ? toSessionId(id) : undefined',
      ),
      // One caller hands over the request, another its body: the body's id is input in either order (review-rules F4).
      reported(
        `function open(source) { return tracer.createSession({ sessionId: source.id }); }\napp.post("/a", async (req, res) => { await open(req); res.end(); });\napp.post("/b", async (req, res) => { await open(req.body); res.end(); });`,
        "source.id",
        "sessionId: source.id",
        'sessionId: typeof source.id === "string" && source.id ? toSessionId(source.id) : undefined',
      ),
      reported(
        `function open(source) { return tracer.createSession({ sessionId: source.id }); }\napp.post("/b", async (req, res) => { await open(req.body); res.end(); });\napp.post("/a", async (req, res) => { await open(req); res.end(); });`,
        "source.id",
        "sessionId: source.id",
        'sessionId: typeof source.id === "string" && source.id ? toSessionId(source.id) : undefined',
      ),
      // An object literal's method, and a class field arrow.
      reported(
        `const sessions = {\n  open(id) { tracer.createSession({ sessionId: id }); },\n};\napp.post("/chat", (req, res) => { sessions.open(req.query.sid); res.end(); });`,
        "req.query.sid",
        "sessionId: id",
        'sessionId: typeof id === "string" && id ? toSessionId(id) : undefined',
      ),
      reported(
        `class Chats {\n  open = (id) => tracer.createSession({ sessionId: id });\n}\nconst chats = new Chats();\napp.post("/chat", (req, res) => { chats.open(req.query.sid); res.end(); });`,
        "req.query.sid",
        "sessionId: id",
        'sessionId: typeof id === "string" && id ? toSessionId(id) : undefined',
      ),
      // An object parameter, given a literal or the request body.
      reported(
        `const startChat = ({ sessionId }) => tracer.createSession({ sessionId });\napp.post("/chat", (req, res) => { startChat({ sessionId: req.get("x-session-id") }); res.end(); });`,
        'req.get("x-session-id")',
        "createSession({ sessionId })",
        'createSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined })',
      ),
      reported(
        `function startChat({ sessionId, userId }) { return tracer.createSession({ sessionId, userId }); }\napp.post("/chat", (req, res) => { startChat(req.body); res.end(); });`,
        "req.body.sessionId",
        "createSession({ sessionId, userId })",
        'createSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined, userId })',
      ),
      // A default parameter, given input.
      reported(
        `import { randomUUID } from "node:crypto";\nfunction startChat(sessionId = randomUUID()) { return tracer.createSession({ sessionId }); }\napp.post("/chat", (req, res) => { startChat(req.query.sid); res.end(); });`,
        "req.query.sid",
        "createSession({ sessionId })",
        'createSession({ sessionId: typeof sessionId === "string" && sessionId ? toSessionId(sessionId) : undefined })',
      ),
    ],
  });
});

// fix-blind6: checks on the value as a receiver, a middleware's check through a local, destructuring
// defaults, requests reached through calls (NestJS), another parameter's inputs (Netlify v2 `context`),
// an Astro action's input and its schema. Each with a look-alike on the other side.
describe("fix-blind6: receivers, locals, defaults, NestJS, Netlify v2 context, Astro actions", () => {
  const pkg = (deps: Record<string, string>) => JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", ...deps } });
  const HEAD = `import { HoneyHiveTracer, isSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const EXPRESS_FILES = { "package.json": pkg({ express: "^5.1.0" }) };
  const NEST_FILES = { "package.json": pkg({ "@nestjs/common": "^11.0.0" }) };
  const NETLIFY_FILES = { "package.json": pkg({ "@netlify/functions": "^3.0.0" }) };
  const ASTRO_FILES = { "package.json": pkg({ astro: "^5.7.0" }), "astro.config.mjs": "export default {};\n" };
  const express = (body: string): Case => ({ name: body, code: `${HEAD}import express from "express";\nconst app = express();\n${body}`, files: EXPRESS_FILES });
  const nest = (body: string): Case => ({
    name: body,
    code: `${HEAD}import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";\n@Injectable()\nexport class SessionGuard implements CanActivate {\n  canActivate(context: ExecutionContext): boolean {\n    ${body}\n    return true;\n  }\n}`,
    filename: "src/session.guard.ts",
    files: NEST_FILES,
  });
  const netlify = (code: string): Case => ({ name: code, code: `${HEAD}${code}`, filename: "netlify/functions/chat.mts", files: NETLIFY_FILES });
  const astro = (input: string): Case => ({
    name: input,
    code: `${HEAD}import { defineAction } from "astro:actions";\nimport { z } from "astro:schema";\nexport const server = { send: defineAction({ input: ${input}, handler: async (input) => { tracer.createSession({ sessionId: input.sessionId, skipApiCall: true }); return {}; } }) };`,
    filename: "src/actions/index.ts",
    files: ASTRO_FILES,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    // A method of the value that checks nothing, or a match after the call.
    express(`app.post("/chat", (req, res) => { const id: string = req.body.sessionId; if (!id.startsWith("s")) return void res.end(); tracer.createSession({ sessionId: id }); res.end(); });`),
    express(`app.post("/chat", (req, res) => { const id: string = req.body.sessionId; tracer.createSession({ sessionId: id }); if (!id.match(/^[0-9a-f-]{36}$/i)) console.warn("odd"); res.end(); });`),
    // A middleware checks another header through a local.
    express(`app.use((req, res, next) => { const id = req.get("x-request-id"); if (id && !isSessionId(id)) return void res.status(400).end(); next(); });\napp.post("/chat", (req, res) => { tracer.createSession({ sessionId: req.get("x-session-id") }); res.end(); });`),
    // Destructuring defaults keep the input.
    express(`app.post("/chat", (req, res) => { const { sid = "anonymous" } = req.query; tracer.createSession({ sessionId: sid }); res.end(); });`),
    express(`app.post("/chat", (req, res) => { const { body: { sid } = {} } = req; tracer.createSession({ sessionId: sid }); res.end(); });`),
    // NestJS: the request through the execution context.
    nest(`const request = context.switchToHttp().getRequest();\n    tracer.createSession({ sessionId: request.query.sid });`),
    nest(`tracer.createSession({ sessionId: context.switchToHttp().getRequest().headers["x-session-id"] });`),
    // The chain split through a `const` local (one level), typed or not.
    nest(`const http = context.switchToHttp();\n    const request = http.getRequest<{ headers: Record<string, string> }>();\n    tracer.createSession({ sessionId: request.headers["x-session-id"] });`),
    nest(`const http = context.switchToHttp();\n    tracer.createSession({ sessionId: http.getRequest().query.sid });`),
    // Netlify v2: the context's path parameters and cookies.
    netlify(`export default async (req: Request, context: any) => { tracer.createSession({ sessionId: context.params.id }); await tracer.forceFlush(); return new Response("ok"); };\nexport const config = { path: "/api/chat/:id" };`),
    netlify(`export default async (req: Request, context: any) => { tracer.createSession({ sessionId: context.cookies.get("sid") }); await tracer.forceFlush(); return new Response("ok"); };`),
    netlify(`export default async (req: Request, { params }: any) => { tracer.createSession({ sessionId: params.id }); await tracer.forceFlush(); return new Response("ok"); };\nexport const config = { path: "/api/chat/:id" };`),
    // Astro: an action's input with a schema that does not check UUIDs.
    astro(`z.object({ sessionId: z.string() })`),
  ];
  const quiet: Case[] = [
    express(`app.post("/chat", (req, res) => { const id: string = req.body.sessionId ?? ""; if (!id.match(/^[0-9a-f-]{36}$/i)) return void res.status(400).end(); tracer.createSession({ sessionId: id }); res.end(); });`),
    express(`app.post("/chat", (req, res) => { const id: string = req.body.sessionId; if (!/^[0-9a-f-]{36}$/i.test(id)) return void res.end(); tracer.createSession({ sessionId: id }); res.end(); });`),
    express(`app.use((req, res, next) => { const id = req.get("x-session-id"); if (id && !isSessionId(id)) return void res.status(400).end(); next(); });\napp.post("/chat", (req, res) => { tracer.createSession({ sessionId: req.get("x-session-id") }); res.end(); });`),
    express(`app.post("/chat", (req, res) => { const { sid = "anonymous" } = res.locals; tracer.createSession({ sessionId: sid }); res.end(); });`),
    // NestJS look-alikes: the response, another host, a guard's own class.
    nest(`const response = context.switchToHttp().getResponse();\n    tracer.createSession({ sessionId: response.locals.sid });`),
    nest(`tracer.createSession({ sessionId: context.getClass().name });`),
    // Split look-alikes: the response through the local, a `let` local (may be reassigned), a local of another object's call.
    nest(`const http = context.switchToHttp();\n    const response = http.getResponse();\n    tracer.createSession({ sessionId: response.locals.sid });`),
    nest(`let http = context.switchToHttp();\n    http = { getRequest: () => ({ query: { sid: "fixed" } }) } as any;\n    tracer.createSession({ sessionId: http.getRequest().query.sid });`),
    nest(`const http = this.switchToHttp();\n    tracer.createSession({ sessionId: http.getRequest().query.sid });`),
    // Netlify: Lambda-compatible `(event, context)`'s context is Lambda's, and a value the function sets.
    netlify(`export const handler = async (event: unknown, context: any) => { tracer.createSession({ sessionId: context.awsRequestId }); await tracer.forceFlush(); return { statusCode: 200 }; };`),
    netlify(`export default async (req: Request, context: any) => { tracer.createSession({ sessionId: context.requestId }); await tracer.forceFlush(); return new Response("ok"); };`),
    netlify(`export default async (req: Request, { requestId }: any) => { tracer.createSession({ sessionId: requestId }); await tracer.forceFlush(); return new Response("ok"); };`),
    // Astro: a schema that checks UUIDs.
    astro(`z.object({ sessionId: z.string().uuid() })`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-blind7: positional MCP schemas (`tool(name, [description,] shape, cb)`), a Durable Object's WebSocket
// message, Apollo Server 4's per-request `context` function.
describe("fix-blind7: more request inputs and schemas", () => {
  const HEAD = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", ...deps } });
  const MCP_FILES = { "package.json": pkg({ "@modelcontextprotocol/sdk": "^1.17.0", zod: "^3.25.0" }) };
  const mcp = (registration: string): Case => ({
    name: registration,
    code: `${HEAD}import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { z } from "zod";\nconst server = new McpServer({ name: "x", version: "1" });\nconst DESCRIPTION = "Resumes a chat";\nconst shape = { sessionId: z.string().uuid() };\n${registration}`,
    filename: "src/mcp.ts",
    files: MCP_FILES,
  });
  const CF_FILES = { "package.json": pkg({}), "wrangler.toml": `name = "x"\nmain = "src/index.ts"\ncompatibility_date = "2025-09-01"\n` };
  const durable = (method: string, base = "DurableObject"): Case => ({
    name: `${base}: ${method}`,
    code: `${HEAD}import { ${base} } from "cloudflare:workers";\nexport class Room extends ${base}<{ K: string }> {\n  async ${method}\n}`,
    filename: "src/room.ts",
    files: CF_FILES,
  });
  const apollo = (code: string): Case => ({
    name: code,
    code: `${HEAD}import { ApolloServer } from "@apollo/server";\nconst server = new ApolloServer({ typeDefs: "type Query { a: String }", resolvers: {} });\n${code}`,
    filename: "src/gql.ts",
    files: { "package.json": pkg({ "@apollo/server": "^4.12.0", express: "^4.21.0" }) },
  });
  const pothos = (resolve: string): Case => ({
    name: resolve,
    code: `${HEAD}import SchemaBuilder from "@pothos/core";\nconst builder = new SchemaBuilder<{ Objects: object }>({});\nbuilder.queryType({ fields: (t) => ({ a: t.string({ args: { sessionId: t.arg.string({ required: true }) }, ${resolve} }) }) });`,
    filename: "src/schema.ts",
    files: { "package.json": pkg({ "@pothos/core": "^4.6.0" }) },
  });
  const CB = `async ({ sessionId }) => { tracer.createSession({ sessionId, skipApiCall: true }); return { content: [] }; }`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    // A positional shape that checks nothing of UUIDs, a description that mentions them, an arguments-less tool.
    mcp(`server.tool("resume", { sessionId: z.string().min(1) }, ${CB});`),
    mcp(`server.tool("resume", "Takes a uuid", { sessionId: z.string() }, ${CB});`),
    mcp(`server.tool("resume", "a uuid", ${CB});`),
    // The schema of another method's positional argument is not read (registerTool's config is, by its `inputSchema`).
    mcp(`server.registerTool("resume", { title: "uuid" }, ${CB});`),
    // A Pothos resolver's args.
    pothos(`resolve: (_root, args) => { tracer.createSession({ sessionId: args.sessionId, skipApiCall: true }); return "a"; }`),
    pothos(`resolve: async (_root, { sessionId }) => { await tracer.acreateSession({ sessionId, skipApiCall: true }); return "a"; }`),
    // A Durable Object's WebSocket message (its fetch(request) already was).
    durable(`webSocketMessage(ws: WebSocket, message: string | ArrayBuffer) { tracer.createSession({ sessionId: JSON.parse(message as string).sessionId, skipApiCall: true }); }`),
    durable(`webSocketMessage(ws: WebSocket, message: string) { const { sid } = JSON.parse(message); tracer.createSession({ sessionId: sid, skipApiCall: true }); }`),
    // Apollo Server 4's context function: its `req` is the HTTP request.
    apollo(`import { startStandaloneServer } from "@apollo/server/standalone";\nawait startStandaloneServer(server, { context: async ({ req }) => { const sid = req.headers["x-session-id"]; if (typeof sid === "string") tracer.createSession({ sessionId: sid, skipApiCall: true }); return {}; } });`),
    apollo(`import { expressMiddleware } from "@apollo/server/express4";\nconst mw = expressMiddleware(server, { context: async ({ req }) => { tracer.createSession({ sessionId: req.get("x-session-id"), skipApiCall: true }); return {}; } });`),
    durable(`fetch(request: Request) { tracer.createSession({ sessionId: request.headers.get("x-sid") ?? undefined, skipApiCall: true }); return new Response("ok"); }`),
  ];
  const quiet: Case[] = [
    mcp(`server.tool("resume", { sessionId: z.string().uuid() }, ${CB});`),
    mcp(`server.tool("resume", "Resumes", { sessionId: z.string().uuid() }, ${CB});`),
    mcp(`server.tool("resume", DESCRIPTION, shape, { readOnlyHint: true }, ${CB});`),
    mcp(`server.prompt("resume", { sessionId: z.string().uuid() }, ${CB});`),
    // A Pothos resolver's parent value (what another resolver returned).
    pothos(`resolve: (root) => { tracer.createSession({ sessionId: root.sessionId, skipApiCall: true }); return "a"; }`),
    // The context function's `res`, a function of another module.
    apollo(`import { startStandaloneServer } from "@apollo/server/standalone";\nawait startStandaloneServer(server, { context: async ({ res }) => { tracer.createSession({ sessionId: String(res.getHeader("x-trace")), skipApiCall: true }); return {}; } });`),
    apollo(`import { startStandaloneServer } from "./standalone";\nawait startStandaloneServer(server, { context: async ({ req }) => { tracer.createSession({ sessionId: req.headers["x-session-id"], skipApiCall: true }); return {}; } });`),
    // A Durable Object's close reason, its alarm, a Workflow's payload (the application's own).
    durable(`webSocketClose(ws: WebSocket, code: number, reason: string) { tracer.createSession({ sessionId: reason, skipApiCall: true }); }`),
    durable(`alarm(info: any) { tracer.createSession({ sessionId: String(info.retryCount), skipApiCall: true }); }`),
    durable(`run(event: any) { tracer.createSession({ sessionId: event.payload.sessionId, skipApiCall: true }); }`, "WorkflowEntrypoint"),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-sid-sources: a Fastify route schema validates the session id only where the property read has
// its own UUID check; a `format: "uuid"` on another property of the same schema checks nothing the SDK gets.
describe("fix-sid-sources: Fastify schema checks per property", () => {
  const HEAD = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { z } from "zod";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = Fastify();\n`;
  const fastify = (schema: string, read = "request.body.sessionId"): Case => ({
    name: `${schema} → ${read}`,
    code: `${HEAD}app.post("/chat", { schema: ${schema} }, async (request) => { tracer.createSession({ sessionId: ${read} }); return {}; });`,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    // The uuid format is on another property of the body.
    fastify(`{ body: { type: "object", properties: { userId: { type: "string", format: "uuid" }, sessionId: { type: "string" } } } }`),
    fastify(`{ body: { type: "object", properties: { requestId: { type: "string", format: "uuid" } } } }`),
    // A `const` schema of the file, same shape; a Zod type provider's `.uuid()` on another key.
    { ...fastify(`BodySchema`), code: `${HEAD}const BodySchema = { type: "object", properties: { traceId: { type: "string", format: "uuid" }, sessionId: { type: "string" } } };\napp.post("/chat", { schema: { body: BodySchema } }, async (request) => { tracer.createSession({ sessionId: request.body.sessionId }); return {}; });` },
    fastify(`{ body: z.object({ userId: z.string().uuid(), sessionId: z.string() }) }`),
    // A header schema whose uuid check is on another header.
    fastify(`{ headers: { type: "object", properties: { "x-request-id": { type: "string", format: "uuid" } } } }`, `request.headers["x-session-id"]`),
    // gaps-rules-5: the uuid check is on a property of the same name in another part of the schema.
    fastify(`{ headers: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } }, body: { type: "object", properties: { sessionId: { type: "string" } } } }`),
    fastify(`{ querystring: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } } }`),
    fastify(`{ body: { type: "object", properties: { sid: { type: "string", format: "uuid" } } } }`, `request.query.sid`),
    fastify(`{ params: { type: "object", properties: { sid: { type: "string", format: "uuid" } } } }`, `request.cookies.sid`),
    { ...fastify(`RouteSchema`), code: `${HEAD}const RouteSchema = { headers: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } } };\napp.post("/chat", { schema: RouteSchema }, async (request) => { const { sessionId } = request.body; tracer.createSession({ sessionId }); return {}; });` },
    { ...fastify(`destructured`), code: `${HEAD}app.post("/chat", { schema: { headers: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } } } }, async ({ body }) => { tracer.createSession({ sessionId: body.sessionId }); return {}; });` },
  ];
  const quiet: Case[] = [
    fastify(`{ body: { type: "object", properties: { userId: { type: "string" }, sessionId: { type: "string", format: "uuid" } } } }`),
    { ...fastify(`BodySchema`), code: `${HEAD}const BodySchema = { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } };\napp.post("/chat", { schema: { body: BodySchema } }, async (request) => { tracer.createSession({ sessionId: request.body.sessionId }); return {}; });` },
    fastify(`{ body: z.object({ userId: z.string(), sessionId: z.string().uuid() }) }`),
    fastify(`{ querystring: { type: "object", properties: { sid: { type: "string", pattern: "^[0-9a-f-]{36}$" } } } }`, `request.query.sid`),
    // Header names are compared without case, as Fastify lowercases them.
    fastify(`{ headers: { type: "object", properties: { "X-Session-Id": { type: "string", format: "uuid" } } } }`, `request.headers["x-session-id"]`),
    // gaps-rules-5: the part read has the check; `query` is querystring's other name; the schema through a const; imported (trusted).
    fastify(`{ headers: { type: "object", properties: { sessionId: { type: "string" } } }, body: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } } }`),
    fastify(`{ query: { type: "object", properties: { sid: { type: "string", format: "uuid" } } } }`, `request.query.sid`),
    fastify(`{ params: { type: "object", properties: { id: { type: "string", format: "uuid" } } } }`, `request.params.id`),
    { ...fastify(`RouteSchema`), code: `${HEAD}const RouteSchema = { body: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } } };\napp.post("/chat", { schema: RouteSchema }, async (request) => { const { sessionId } = request.body; tracer.createSession({ sessionId }); return {}; });` },
    { ...fastify(`ChatSchema`), code: `import { ChatSchema } from "./schemas";\n${HEAD}app.post("/chat", { schema: ChatSchema }, async (request) => { tracer.createSession({ sessionId: request.body.sessionId }); return {}; });` },
    { ...fastify(`destructured`), code: `${HEAD}app.post("/chat", { schema: { body: { type: "object", properties: { sessionId: { type: "string", format: "uuid" } } } } }, async ({ body }) => { tracer.createSession({ sessionId: body.sessionId }); return {}; });` },
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-sid-sources: Hono's `c.req.valid(target)` is what the route's validator middleware returned: it
// counts as validated only when that middleware's schema checks a UUID for the property read.
describe("fix-sid-sources: Hono c.req.valid() by the route's validator", () => {
  const HEAD = `import { Hono } from "hono";\nimport { zValidator } from "@hono/zod-validator";\nimport { validator } from "hono/validator";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { z } from "zod";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new Hono();\n`;
  const hono = (middleware: string, read = `c.req.valid("json").sessionId`, before = ""): Case => ({
    name: `${middleware} → ${read}`,
    code: `${HEAD}${before}app.post("/chat", ${middleware}, (c) => { tracer.createSession({ sessionId: ${read} }); return c.json({}); });`,
  });
  const VALIBOT = `import { vValidator } from "@hono/valibot-validator";\nimport * as v from "valibot";\n`;
  const TYPEBOX = `import { tbValidator } from "@hono/typebox-validator";\nimport { Type } from "@sinclair/typebox";\n`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    hono(`zValidator("json", z.object({ sessionId: z.string() }))`),
    // The UUID check is on another property, or on another target than the one read.
    hono(`zValidator("json", z.object({ userId: z.string().uuid(), sessionId: z.string() }))`),
    hono(`zValidator("query", z.object({ sessionId: z.string().uuid() }))`),
    hono(`zValidator("header", z.object({ "x-request-id": z.string().uuid() }))`, `c.req.valid("header")["x-session-id"]`),
    hono(`zValidator("json", Body)`, `c.req.valid("json").sessionId`, `const Body = z.object({ sessionId: z.string().min(1) });\n`),
    // A function validator that checks nothing about the id; no validator at all.
    hono(`validator("json", (value) => value)`),
    hono(`async (c, next) => next()`),
    // gaps-rules-5: an app-wide validator for another target, after the route, for another path, on another app.
    hono(`async (c, next) => next()`, `c.req.valid("json").sessionId`, `app.use("*", zValidator("query", z.object({ sessionId: z.string().uuid() })));\n`),
    { ...hono(`async (c, next) => next()`), code: `${HEAD}app.post("/chat", async (c, next) => next(), (c) => { tracer.createSession({ sessionId: c.req.valid("json").sessionId }); return c.json({}); });\napp.use("*", zValidator("json", z.object({ sessionId: z.string().uuid() })));` },
    hono(`async (c, next) => next()`, `c.req.valid("json").sessionId`, `app.use("/admin/*", zValidator("json", z.object({ sessionId: z.string().uuid() })));\n`),
    hono(`async (c, next) => next()`, `c.req.valid("json").sessionId`, `const admin = new Hono();\nadmin.use("*", zValidator("json", z.object({ sessionId: z.string().uuid() })));\n`),
    // valibot and TypeBox validators whose check is on another property.
    hono(`vValidator("json", v.object({ userId: v.pipe(v.string(), v.uuid()), sessionId: v.string() }))`, `c.req.valid("json").sessionId`, VALIBOT),
    hono(`tbValidator("json", Type.Object({ userId: Type.String({ format: "uuid" }), sessionId: Type.String() }))`, `c.req.valid("json").sessionId`, TYPEBOX),
  ];
  const quiet: Case[] = [
    hono(`zValidator("json", z.object({ sessionId: z.string().uuid() }))`),
    hono(`zValidator("json", z.object({ userId: z.string(), sessionId: z.uuid() }))`),
    hono(`zValidator("header", z.object({ "x-session-id": z.string().uuid() }))`, `c.req.valid("header")["x-session-id"]`),
    hono(`zValidator("json", Body)`, `c.req.valid("json").sessionId`, `const Body = z.object({ sessionId: z.string().uuid() });\n`),
    // A schema from elsewhere is trusted, as route schemas are.
    { ...hono(`zValidator("json", ChatBody)`), code: `import { ChatBody } from "./schemas";\n${HEAD}app.post("/chat", zValidator("json", ChatBody), (c) => { tracer.createSession({ sessionId: c.req.valid("json").sessionId }); return c.json({}); });` },
    hono(`validator("json", (value, c) => (isSessionId(value.sessionId) ? value : c.text("bad", 400)))`, `c.req.valid("json").sessionId`, `import { isSessionId } from "honeyhive";\n`),
    // gaps-rules-5: app-wide validators before the route (every path, a covering path, the route's own path).
    hono(`async (c, next) => next()`, `c.req.valid("json").sessionId`, `app.use("*", zValidator("json", z.object({ sessionId: z.string().uuid() })));\n`),
    hono(`async (c, next) => next()`, `c.req.valid("json").sessionId`, `app.use(zValidator("json", z.object({ sessionId: z.string().uuid() })));\n`),
    hono(`async (c, next) => next()`, `c.req.valid("header")["x-session-id"]`, `app.use("/chat/*", zValidator("header", z.object({ "x-session-id": z.string().uuid() })));\n`),
    hono(`async (c, next) => next()`, `c.req.valid("json").sessionId`, `app.use("/chat", async (c, next) => next(), zValidator("json", z.object({ sessionId: z.string().uuid() })));\n`),
    // valibot and TypeBox validators.
    hono(`vValidator("json", v.object({ sessionId: v.pipe(v.string(), v.uuid()) }))`, `c.req.valid("json").sessionId`, VALIBOT),
    hono(`tbValidator("json", Type.Object({ sessionId: Type.String({ format: "uuid" }) }))`, `c.req.valid("json").sessionId`, TYPEBOX),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-sid-sources: express-validator's `matchedData(req)` is validated only by the route's chain that
// checks a UUID for the field read.
describe("fix-sid-sources: express-validator matchedData() by the route's chains", () => {
  const HEAD = `import express from "express";\nimport { body, check, checkSchema, header, matchedData } from "express-validator";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
  const route = (chains: string, read = "matchedData(req).sessionId"): Case => ({
    name: `${chains} → ${read}`,
    code: `${HEAD}app.post("/chat", ${chains}, (req, res) => { tracer.createSession({ sessionId: ${read} }); res.end(); });`,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    route(`body("sessionId").isString()`),
    route(`[body("userId").isUUID(), body("sessionId").notEmpty()]`),
    route(`header("x-request-id").isUUID()`, `matchedData(req)["x-session-id"]`),
    route(`(req, res, next) => next()`, `matchedData(req, { locations: ["body"] }).sessionId`),
    // gaps-rules-5: the chain's location is not among those the reader returns.
    route(`body("sessionId").isUUID()`, `matchedData(req, { locations: ["query", "headers"] }).sessionId`),
    // checkSchema: no check on the field read, `isUUID: false`, a check in another location.
    route(`checkSchema({ sessionId: { in: ["body"], isString: true }, userId: { isUUID: true } })`),
    route(`checkSchema({ sessionId: { in: ["body"], isUUID: false } })`),
    route(`checkSchema({ sessionId: { in: ["query"], isUUID: true } })`, `matchedData(req, { locations: ["body"] }).sessionId`),
    route(`checkSchema({ sessionId: { isUUID: true } }, ["headers"])`, `matchedData(req, { locations: ["body"] }).sessionId`),
    // gaps-rules-6b: a header chain checks no body location (it counted file-wide by its key before).
    route(`header("x-session-id").isUUID()`, `matchedData(req, { locations: ["body"] })["x-session-id"]`),
  ];
  const quiet: Case[] = [
    route(`body("sessionId").isUUID()`),
    route(`[body("userId").notEmpty(), body("sessionId").trim().isUUID()]`),
    route(`header("x-session-id").isUUID()`, `matchedData(req)["x-session-id"]`),
    { ...route(`rules`), code: `${HEAD}const rules = [body("sessionId").isUUID()];\napp.post("/chat", rules, (req, res) => { const { sessionId } = matchedData(req); tracer.createSession({ sessionId }); res.end(); });` },
    // gaps-rules-5: the chain's location among the reader's; check() covers every location; checkSchema fields.
    route(`header("x-session-id").isUUID()`, `matchedData(req, { locations: ["headers"] })["x-session-id"]`),
    route(`check("sessionId").isUUID()`, `matchedData(req, { locations: ["body"] }).sessionId`),
    route(`checkSchema({ sessionId: { in: ["body"], isUUID: true } })`),
    route(`checkSchema({ sessionId: { in: ["body"], isUUID: { options: 4 } } })`, `matchedData(req, { locations: ["body"] }).sessionId`),
    route(`checkSchema({ sessionId: { isUUID: true } })`, `matchedData(req, { locations: ["query"] }).sessionId`),
    { ...route(`schema`), code: `${HEAD}const schema = { sessionId: { in: ["body"], isUUID: true } };\napp.post("/chat", checkSchema(schema), (req, res) => { tracer.createSession({ sessionId: matchedData(req).sessionId }); res.end(); });` },
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-5: NestJS parameter decorators inject the client's input (`@Headers("x-session-id") sid`,
// `@Body() body`, `@Param("id")`, `@Req() req`); ParseUUIDPipe and a DTO's `@IsUUID()` check it.
describe("gaps-rules-5: NestJS parameter decorators as session-id sources", () => {
  const pkg = (deps: Record<string, string>) => JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", ...deps } });
  const FILES = { "package.json": pkg({ "@nestjs/common": "^11.0.0", "class-validator": "^0.14.0" }) };
  const IMPORTS = `import { Body, Controller, Headers, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Req, Session, ValidationPipe } from "@nestjs/common";\nimport { IsString, IsUUID } from "class-validator";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const nest = (parameters: string, body: string, before = ""): Case => ({
    name: `${parameters} → ${body}`,
    code: `${IMPORTS}${before}@Controller("chat")\nexport class ChatController {\n  @Post(":id")\n  send(${parameters}) {\n    ${body}\n    return {};\n  }\n}`,
    filename: "src/chat.controller.ts",
    files: FILES,
  });
  const DTO = (check: string) => `class ChatDto {\n  ${check}\n  sessionId!: string;\n  @IsUUID()\n  userId!: string;\n}\n`;
  const NESTED = (nesting: string, check: string) =>
    `import { ValidateNested } from "class-validator";\nimport { Type } from "class-transformer";\nclass Meta {\n  ${check}\n  sessionId!: string;\n}\nclass ChatDto {\n  ${nesting}\n  meta!: Meta;\n  sessionId!: string;\n}\n`;
  const CUSTOM = (body: string) =>
    `import { createParamDecorator, type ExecutionContext } from "@nestjs/common";\nimport { randomUUID } from "node:crypto";\nimport { isSessionId } from "honeyhive";\nconst SessionId = createParamDecorator((data: unknown, ctx: ExecutionContext) => {\n  ${body}\n});\nconst CurrentUser = SessionId;\n`;
  const CUSTOM_ARROW = (value: string) => `import { createParamDecorator, type ExecutionContext } from "@nestjs/common";\nconst SessionId = createParamDecorator((data: unknown, ctx: ExecutionContext) => ${value});\n`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    nest(`@Headers("x-session-id") sid: string`, `tracer.createSession({ sessionId: sid });`),
    nest(`@Headers() headers: Record<string, string>`, `tracer.createSession({ sessionId: headers["x-session-id"] });`),
    nest(`@Query("sid") sid: string`, `tracer.withSession({ sessionId: sid }, () => undefined);`),
    nest(`@Body() body: { sessionId: string }`, `tracer.createSession({ sessionId: body.sessionId });`),
    nest(`@Body() { sessionId }: { sessionId: string }`, `tracer.createSession({ sessionId });`),
    nest(`@Param("id") id: string`, `HoneyHiveTracer.init({ project: "p", sessionId: id });`),
    nest(`@Param() params: { id: string }`, `tracer.createSession({ sessionId: params.id });`),
    // At any position, after another parameter.
    nest(`@Query("page") page: string, @Headers("x-session-id") sid: string`, `tracer.createSession({ sessionId: sid });`),
    // The request object itself.
    nest(`@Req() req: { headers: Record<string, string> }`, `tracer.createSession({ sessionId: req.headers["x-session-id"] });`),
    // A GraphQL resolver's `@Args("sessionId")`.
    {
      name: "@Args",
      code: `import { Args, Mutation, Resolver } from "@nestjs/graphql";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n@Resolver()\nexport class ChatResolver {\n  @Mutation(() => String)\n  send(@Args("sessionId") sessionId: string) {\n    tracer.createSession({ sessionId });\n    return "ok";\n  }\n}`,
      filename: "src/chat.resolver.ts",
      files: { "package.json": pkg({ "@nestjs/common": "^11.0.0", "@nestjs/graphql": "^13.0.0" }) },
    },
    // A framework pipe that checks no UUID keeps the client's value.
    nest(`@Param("id", ParseIntPipe) id: string`, `tracer.createSession({ sessionId: id });`),
    // A DTO of the file without a UUID check on the property read (its `userId` has one).
    nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.sessionId });`, DTO("@IsString()")),
    nest(`@Body(new ValidationPipe()) body: ChatDto`, `tracer.createSession({ sessionId: body.sessionId });`, DTO("@IsString()")),
    // gaps-rules-6b: a nested DTO without @Type (a plain object class-validator does not check), or without the UUID check;
    // the nested class's check of another path.
    nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.meta.sessionId });`, NESTED("@ValidateNested()", "@IsUUID()")),
    nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.meta.sessionId });`, NESTED("@ValidateNested()\n  @Type(() => Meta)", "@IsString()")),
    nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.sessionId });`, NESTED("@ValidateNested()\n  @Type(() => Meta)", "@IsUUID()")),
    // gaps-rules-6b: custom parameter decorators (createParamDecorator) returning a header or a query value.
    nest(`@SessionId() sid: string`, `tracer.createSession({ sessionId: sid });`, CUSTOM('return ctx.switchToHttp().getRequest().headers["x-session-id"];')),
    nest(`@SessionId() sid: string`, `tracer.createSession({ sessionId: sid });`, CUSTOM("const request = ctx.switchToHttp().getRequest();\n  return request.query.sid;")),
    nest(`@SessionId() sid: string`, `tracer.createSession({ sessionId: sid });`, CUSTOM_ARROW('ctx.switchToHttp().getRequest().get("x-session-id")')),
  ];
  const quiet: Case[] = [
    // Checked: ParseUUIDPipe as a class or an instance, a DTO of the file with `@IsUUID()` on the property read, an imported DTO (trusted).
    nest(`@Param("id", ParseUUIDPipe) id: string`, `tracer.createSession({ sessionId: id });`),
    nest(`@Headers("x-session-id", new ParseUUIDPipe({ version: "4" })) sid: string`, `tracer.createSession({ sessionId: sid });`),
    nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.sessionId });`, DTO("@IsUUID()")),
    nest(`@Body() { sessionId }: ChatDto`, `tracer.createSession({ sessionId });`, DTO("@IsUUID(\"4\")")),
    { ...nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.sessionId });`), code: `import { ChatDto } from "./chat.dto";\n${nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.sessionId });`).code}` },
    // A project pipe makes a new value, as a helper does.
    { ...nest(`@Headers("x-session-id", SessionIdPipe) sid: string`, `tracer.createSession({ sessionId: sid });`), code: `import { SessionIdPipe } from "./session-id.pipe";\n${nest(`@Headers("x-session-id", SessionIdPipe) sid: string`, `tracer.createSession({ sessionId: sid });`).code}` },
    // Look-alikes: the server's session store, an undecorated parameter, a decorator of another module.
    nest(`@Session() session: { id: string }`, `tracer.createSession({ sessionId: session.id });`),
    nest(`sid: string`, `tracer.createSession({ sessionId: sid });`),
    { ...nest(`@Headers("x-session-id") sid: string`, `tracer.createSession({ sessionId: sid });`), code: nest(`@Headers("x-session-id") sid: string`, `tracer.createSession({ sessionId: sid });`).code.replace("Headers, Param", "Param").replace("import { IsString", 'import { Headers } from "./decorators";\nimport { IsString') },
    // Converted on the way.
    nest(`@Headers("x-session-id") sid: string`, `tracer.createSession({ sessionId: toSessionId(sid) });`, `import { toSessionId } from "honeyhive";\n`),
    // gaps-rules-6b: a nested DTO validated with @ValidateNested() + @Type(() => Meta) whose field has @IsUUID().
    nest(`@Body() body: ChatDto`, `tracer.createSession({ sessionId: body.meta.sessionId });`, NESTED("@ValidateNested()\n  @Type(() => Meta)", "@IsUUID()")),
    // gaps-rules-6b: custom parameter decorators returning what the server holds, or a checked value.
    nest(`@CurrentUser() user: { id: string }`, `tracer.createSession({ sessionId: user.id });`, CUSTOM("return ctx.switchToHttp().getRequest().user;")),
    nest(`@SessionId() sid: string`, `tracer.createSession({ sessionId: sid });`, CUSTOM('const id = ctx.switchToHttp().getRequest().headers["x-session-id"];\n  if (!isSessionId(id)) throw new Error("bad");\n  return id;')),
    nest(`@SessionId() sid: string`, `tracer.createSession({ sessionId: sid });`, CUSTOM("return randomUUID();")),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-5: what the message names for a decorated parameter, and the suggestion (a header may be missing: guarded).
ruleTester.run(`${RULE_NAME} (gaps-rules-5: NestJS decorators)`, testedRule, {
  valid: [
    `import { Controller, Headers, ParseUUIDPipe, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n@Controller("chat")\nexport class ChatController {\n  @Post()\n  send(@Headers("x-session-id", ParseUUIDPipe) sid: string) {\n    tracer.createSession({ sessionId: sid });\n  }\n}`,
  ],
  invalid: [
    invalidCase(
      `import { Controller, Headers, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n@Controller("chat")\nexport class ChatController {\n  @Post()\n  send(@Headers("x-session-id") sid: string) {\n    tracer.createSession({ sessionId: sid });\n  }\n}`,
      { source: '@Headers("x-session-id")', method: "createSession", handler: "NestJS handler" },
      [ADD_TO_IMPORT, ["sessionId: sid", 'sessionId: typeof sid === "string" && sid ? toSessionId(sid) : undefined']],
    ),
    invalidCase(
      `import { Body, Controller, Param, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n@Controller("chat")\nexport class ChatController {\n  @Post(":id")\n  send(@Param("id") id: string, @Body() { text }: { text: string }) {\n    tracer.createSession({ sessionId: id, inputs: { text } });\n  }\n}`,
      { source: '@Param("id")', method: "createSession", handler: "NestJS handler" },
      [ADD_TO_IMPORT, ["sessionId: id", "sessionId: toSessionId(id)"]],
    ),
  ],
});

// fix-blind8-rest: a Moleculer action's `params` schema (fastest-validator, run by the broker before the
// handler) validates the key it gives a UUID rule (`validatedBy.handlerOption` in
// analysis/knowledge/frameworks/service-frameworks.ts); another key's rule, a non-UUID rule, or an action
// written as a plain method (no schema) validates nothing.
describe("fix-blind8-rest: Moleculer action params schemas", () => {
  const FILES = { "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", moleculer: "^0.14.35" } }) };
  const action = (params: string | undefined, read = "ctx.params.sessionId"): Case => ({
    name: `${params ?? "(no params)"} → ${read}`,
    code: `import { ServiceBroker } from "moleculer";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst broker = new ServiceBroker();\nbroker.createService({\n  name: "chat",\n  actions: {\n    ${
      params === undefined ? `ask(ctx) {\n      tracer.createSession({ sessionId: ${read} });\n    },` : `ask: {\n      params: ${params},\n      handler(ctx) {\n        tracer.createSession({ sessionId: ${read} });\n      },\n    },`
    }\n  },\n});`,
    filename: "src/chat.service.ts",
    files: FILES,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    action(undefined),
    action(`{ sessionId: "string" }`),
    action(`{ sessionId: { type: "string", min: 8 } }`),
    // The UUID rule is on another key than the one read.
    action(`{ userId: "uuid", sessionId: "string" }`),
    action(`{ userId: { type: "uuid" } }`, "ctx.params.sessionId"),
  ];
  const quiet: Case[] = [action(`{ sessionId: "uuid" }`), action(`{ sessionId: { type: "uuid", version: 4 } }`), action(`{ sessionId: "uuid|optional", text: "string" }`)];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-6b: a RegExp match of input (`/sid=([^;]+)/.exec(cookie)?.[1]`, `header.match(re)?.[1]`) is
// that input; a RegExp that admits UUIDs only (`isUuidOnly` in analysis/session-id-flow.ts) checks it.
describe("gaps-rules-6b: RegExp matches of input", () => {
  const UUID_RE = String.raw`/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i`;
  const route = (name: string, body: string, before = ""): Case => ({
    name,
    code: `${EXPRESS}${before}app.post("/chat", (req, res) => {\n  ${body}\n  res.end();\n});`,
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    route("exec of a literal, optional group", `const sid = /sid=([^;]+)/.exec(req.get("cookie") ?? "")?.[1] ?? "";\n  tracer.createSession({ sessionId: sid });`),
    route("match with a literal", `tracer.createSession({ sessionId: req.get("cookie")?.match(/sid=([^;]+)/)?.[1] });`),
    route("exec of a const RegExp, asserted", `tracer.createSession({ sessionId: SID.exec(req.headers.cookie!)![1] });`, "const SID = /sid=([^;]+)/;\n"),
    route("new RegExp(text).exec", `tracer.createSession({ sessionId: new RegExp("sid=([^;]+)").exec(String(req.query.c))?.[1] });`),
    route("the match kept in a local", `const m = req.headers.authorization?.match(/^Bearer (.+)$/);\n  tracer.createSession({ sessionId: m?.[1] });`),
    // Unanchored with a loose group, or hex and dashes of any order: more than UUIDs pass.
    route("an unanchored pattern with a loose group", `tracer.createSession({ sessionId: /sid=([0-9a-f-]+)/.exec(req.get("cookie") ?? "")?.[1] });`),
    route("a loose guard through match", `const sid = req.get("x-session-id") ?? "";\n  if (!sid.match(/^[\\w-]+$/)) return void res.status(400).end();\n  tracer.createSession({ sessionId: sid });`),
    route("a multiline UUID pattern", `const sid = req.get("x-session-id") ?? "";\n  if (!sid.match(${UUID_RE}m)) return void res.status(400).end();\n  tracer.createSession({ sessionId: sid });`),
  ];
  const quiet: Case[] = [
    route("exec of a UUID-only pattern", `tracer.createSession({ sessionId: /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(req.get("x-session-id") ?? "")?.[1] });`),
    route("match of a const UUID pattern (v4 only)", `tracer.createSession({ sessionId: req.get("x-session-id")?.match(UUID)?.[0] });`, String.raw`const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;` + "\n"),
    route("a UUID guard through match", `const sid = req.get("x-session-id") ?? "";\n  if (!sid.match(${UUID_RE})) return void res.status(400).end();\n  tracer.createSession({ sessionId: sid });`),
    // Look-alikes: a RegExp over the server's own text, `exec` of something that is no RegExp.
    route("exec over an environment value", `tracer.createSession({ sessionId: /sid=([^;]+)/.exec(process.env.DEFAULT_SESSION ?? "")?.[1] });`),
    route("a database's exec", `tracer.createSession({ sessionId: db.exec(req.get("cookie"))?.[1] });`, "declare const db: { exec(sql: unknown): string[] };\n"),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-6b: an express-validator chain (`header("x-session-id").isUUID()`) checks the routes whose
// middleware holds it (route arguments, or `app.use` before the route on a covering path), read through
// matchedData() or directly; another route of the file reading the same header is not checked by it.
describe("gaps-rules-6b: express-validator chains check their own routes", () => {
  const HEAD = `import express from "express";\nimport { body, header, validationResult } from "express-validator";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
  const START = (read: string) => `(req, res) => { tracer.createSession({ sessionId: ${read} }); res.end(); }`;
  // gaps-rules-7: a direct read past a chain needs the route to act on its errors (`validationResult(req)`).
  const CHECKED = (read: string) => `(req, res) => { if (!validationResult(req).isEmpty()) return void res.status(400).end(); tracer.createSession({ sessionId: ${read} }); res.end(); }`;
  const c = (name: string, code: string): Case => ({ name, code: `${HEAD}${code}` });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    c("another route reads the header the first route checks", `app.post("/a", header("x-session-id").isUUID(), ${CHECKED('req.get("x-session-id")')});\napp.post("/b", ${START('req.get("x-session-id")')});`),
    c("the chain kept in a const, given to another route", `const checkSid = header("x-session-id").isUUID();\napp.post("/a", checkSid, (req, res) => res.end());\napp.post("/b", ${START('req.headers["x-session-id"] as string')});`),
    c("app.use of the chain on another path", `app.use("/admin", header("x-session-id").isUUID());\napp.post("/chat", ${START('req.get("x-session-id")')});`),
    c("a body chain for a header read", `app.post("/a", body("x-session-id").isUUID(), ${START('req.headers["x-session-id"] as string')});`),
  ];
  const quiet: Case[] = [
    c("the route's own chain, direct read", `app.post("/a", header("x-session-id").isUUID(), ${CHECKED('req.get("x-session-id")')});`),
    c("the route's own chain in an array, header part read", `app.post("/a", [body("text").notEmpty(), header("x-session-id").isUUID()], ${CHECKED('req.headers["x-session-id"] as string')});`),
    c("app.use of the chain before the route", `app.use(header("x-session-id").isUUID());\napp.post("/chat", ${CHECKED('req.get("x-session-id")')});`),
    // A check written in a middleware function stays a check of the key, wherever the route is.
    c("a middleware that checks the header itself", `import { isSessionId } from "honeyhive";\napp.use((req, res, next) => (isSessionId(req.get("x-session-id")) ? next() : res.status(400).end()));\napp.post("/chat", ${START('req.get("x-session-id")')});`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-7: `re.test(value)` checks only with a RegExp that admits UUIDs only (the judgment `exec` and
// `match` get); a group that admits UUIDs only (`/sid=([0-9a-f]{8}-…)/.exec(cookie)?.[1]`) is checked even in
// an unanchored RegExp: what the group captured matched the group whole.
describe("gaps-rules-7: RegExp tests and UUID-only groups", () => {
  const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  const route = (name: string, body: string, before = ""): Case => ({
    name,
    code: `${EXPRESS}${before}app.post("/chat", (req, res) => {\n  ${body}\n  res.end();\n});`,
  });
  const guarded = (test: string) => `const sid = req.get("x-session-id") ?? "";\n  if (!${test}) return void res.status(400).end();\n  tracer.createSession({ sessionId: sid });`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    route("a loose literal tested", guarded(String.raw`/^[\w-]+$/.test(sid)`)),
    route("a loose const RegExp tested", guarded("SID.test(sid)"), String.raw`const SID = /^[\w-]{8,64}$/;` + "\n"),
    route("an unanchored UUID pattern tested", guarded(`new RegExp("${UUID}").test(sid)`)),
    // Look-alikes of a UUID group: the whole match, another group, another named group, a loose group beside it.
    route("the whole match of a pattern with a UUID group", `tracer.createSession({ sessionId: /sid=(${UUID})/.exec(req.get("cookie") ?? "")?.[0] });`),
    route("the second group, not the UUID one", `tracer.createSession({ sessionId: /sid=(${UUID});u=([^;]+)/.exec(req.get("cookie") ?? "")?.[2] });`),
    route("another named group", `tracer.createSession({ sessionId: /sid=(?<sid>${UUID});u=(?<user>[^;]+)/.exec(req.get("cookie") ?? "")?.groups?.user });`),
    route("a group with a lookahead", `tracer.createSession({ sessionId: /sid=((?=[0-9a-f-]{36}).+)/.exec(req.get("cookie") ?? "")?.[1] });`),
  ];
  const quiet: Case[] = [
    route("a UUID literal tested", guarded(`/^${UUID}$/i.test(sid)`)),
    route("a UUID const tested", guarded("UUID_RE.test(sid)"), `const UUID_RE = new RegExp("^${UUID}$", "i");\n`),
    // A RegExp the file does not write is judged by the call's name, as `exec`/`match` are.
    route("an imported RegExp tested", guarded("SESSION_RE.test(sid)"), 'import { SESSION_RE } from "./ids";\n'),
    route("an unanchored RegExp, its UUID group", `tracer.createSession({ sessionId: /sid=(${UUID})/.exec(req.get("cookie") ?? "")?.[1] });`),
    route("an unanchored UUID shape group", `tracer.createSession({ sessionId: /sid=([0-9a-f-]{36})/.exec(req.get("cookie") ?? "")?.[1] });`),
    route("the UUID group after a non-capturing one", `tracer.createSession({ sessionId: req.get("cookie")?.match(/(?:^|; )sid=(${UUID})/i)?.[1] });`),
    route("a named UUID group", `tracer.createSession({ sessionId: /sid=(?<sid>${UUID});u=(?<user>[^;]+)/.exec(req.get("cookie") ?? "")?.groups?.sid });`),
    route("a UUID group in a multiline pattern", `const m = /^sid=(${UUID})/m.exec(req.get("cookie") ?? "");\n  tracer.createSession({ sessionId: m?.[1] });`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-7: an express-validator chain records its errors and calls next(): a value read past it
// (`req.get(k)`, not `matchedData(req)`) is checked only where the route acts on the errors, in its handler
// or a middleware of it (`validationResult(req)`), or through a middleware of another project module that
// does so (read through its facts since gaps-rules-8). docs/rules/require-valid-session-id.md says so.
describe("gaps-rules-7: a chain checks a direct read only where the route reads its errors", () => {
  const HEAD = `import express from "express";\nimport cors from "cors";\nimport { header, matchedData, validationResult } from "express-validator";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
  const START = (read = 'req.get("x-session-id")') => `(req, res) => { tracer.createSession({ sessionId: ${read} }); res.end(); }`;
  const CHAIN = 'header("x-session-id").isUUID()';
  const REJECT = "function rejectInvalid(req, res, next) {\n  const result = validationResult(req);\n  if (!result.isEmpty()) return void res.status(400).json(result.array());\n  next();\n}\n";
  const c = (name: string, code: string): Case => ({ name, code: `${HEAD}${code}` });
  const AUTH = `export function auth(req, res, next) {\n  if (!req.get("authorization")) return void res.status(401).end();\n  next();\n}\n`;
  /** A route whose chain is followed by `use`, imported as its first name from `from`, a module of the project (`files`). */
  const m = (name: string, use: string, from: string, files: Record<string, string>): Case => ({
    name,
    code: `${HEAD}import { ${use.split("(")[0]} } from "${from}";\napp.post("/a", ${CHAIN}, ${use}, ${START()});`,
    filename: "src/app.ts",
    files: { "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", express: "^5.0.0", "express-validator": "^7.0.0" } }), ...files },
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    c("a chain, a direct read, no errors read", `app.post("/a", ${CHAIN}, ${START()});`),
    c("a chain and a package's middleware", `app.post("/a", ${CHAIN}, cors(), ${START()});`),
    c("validationResult read in another route", `app.post("/a", ${CHAIN}, ${START()});\napp.post("/b", (req, res) => res.json(validationResult(req).array()));`),
    // A function of the file named otherwise reads no chain's errors (a name that says it validates would count as a check of its own).
    c("a local look-alike of validationResult", `const collectErrors = (req) => ({ isEmpty: () => true, req });\napp.post("/a", ${CHAIN}, (req, res) => { collectErrors(req); tracer.createSession({ sessionId: req.get("x-session-id") }); res.end(); });`),
    // gaps-rules-8: a middleware of another project module is read through its facts, not taken on trust.
    m("an unrelated auth middleware of another module", "auth", "./middleware/auth", { "src/middleware/auth.ts": AUTH }),
    m("a module that calls validationResult but answers nothing", "validate", "./middleware/validate", { "src/middleware/validate.ts": `import { validationResult } from "express-validator";\nexport function validate(req, res, next) {\n  console.log(validationResult(req).array());\n  next();\n}\n` }),
    m("a module that cannot be read", "validate", "./middleware/validate", {}),
  ];
  const quiet: Case[] = [
    c("the handler reads the errors", `app.post("/a", ${CHAIN}, (req, res) => { const errors = validationResult(req); if (!errors.isEmpty()) return void res.status(400).end(); tracer.createSession({ sessionId: req.get("x-session-id") }); res.end(); });`),
    c("a middleware function of the file rejects", `${REJECT}app.post("/a", ${CHAIN}, rejectInvalid, ${START()});`),
    c("the rejecting middleware registered with app.use", `${REJECT}app.use(${CHAIN}, rejectInvalid);\napp.post("/a", ${START()});`),
    m("a middleware of another project module", "validate", "./middleware/validate", { "src/middleware/validate.ts": `import { validationResult } from "express-validator";\n${REJECT.replace("function rejectInvalid", "export function validate")}` }),
    m("a middleware factory of another project module", "validated({ status: 422 })", "./middleware/validate", { "src/middleware/validate.ts": `import { validationResult } from "express-validator";\nexport const validated = ({ status }) => (req, res, next) => {\n  validationResult(req).throw();\n  next();\n};\n` }),
    c("read through matchedData", `app.post("/a", ${CHAIN}, ${START('matchedData(req)["x-session-id"]')});`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-7: a custom NestJS parameter decorator imported from another module of the project is read
// through that module's facts (`inputDecorator`: its createParamDecorator callback returns client input with
// no check in it).
describe("gaps-rules-7: a custom NestJS parameter decorator of another module", () => {
  const FILES = (decorator: string): Record<string, string> => ({
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", "@nestjs/common": "^11.0.0" } }),
    "src/session-id.decorator.ts": decorator,
  });
  const FACTORY = (value: string) => `import { createParamDecorator, type ExecutionContext } from "@nestjs/common";\nimport { isSessionId } from "honeyhive";\nimport { randomUUID } from "node:crypto";\nexport const SessionId = createParamDecorator((data: unknown, ctx: ExecutionContext) => {\n  const request = ctx.switchToHttp().getRequest();\n  ${value}\n});\n`;
  const controller = (name: string, decorator: string, from = "./session-id.decorator"): Case => ({
    name,
    code: `import { Controller, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { SessionId } from "${from}";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n@Controller("chat")\nexport class ChatController {\n  @Post()\n  send(@SessionId() sid: string) {\n    tracer.createSession({ sessionId: sid });\n    return {};\n  }\n}`,
    filename: "src/chat.controller.ts",
    files: FILES(decorator),
  });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    controller("a header", FACTORY('return request.headers["x-session-id"];')),
    controller("a query value", FACTORY("return request.query.sid;")),
  ];
  const quiet: Case[] = [
    // Checked or made in the decorator, a decorator of a package, one made without the framework's factory.
    controller("checked in the decorator", FACTORY('const sid = request.headers["x-session-id"];\n  if (!isSessionId(sid)) throw new Error("bad session id");\n  return sid;')),
    controller("made in the decorator", FACTORY("return randomUUID();")),
    controller("a package's decorator", FACTORY('return request.headers["x-session-id"];'), "nest-session-id"),
    controller("a function of the module named like one", `export function SessionId() {\n  return (target: object, key: string, index: number) => undefined;\n}\n`),
    controller("a local factory named createParamDecorator", `const createParamDecorator = (fn: (data: unknown, ctx: { headers: Record<string, string> }) => string) => fn;\nexport const SessionId = createParamDecorator((data, ctx) => ctx.headers["x-session-id"]);\n`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-9: a check counts by what its failure does to the flow. The branch an `if` takes when the check
// fails must end the flow (`return`, `throw`, a call that never returns, a new value for the id), or the SDK call
// must sit in the branch taken when it passes; `if (!isSessionId(id)) console.warn(…)` then the SDK call checks
// nothing. A validator whose result is ignored (`validateSessionId(id);`) counts only where it throws: its body
// shows it, knowledge/schema-checks.ts says so (a schema's throwing method, an `assert…` name), or its body is not
// known (imported: trusted, as a schema from elsewhere is).
describe("gaps-rules-9: a check's failing branch and an ignored verdict", () => {
  const HEAD = EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }");
  const route = (body: string, before = "") => `${HEAD}${before}app.post("/chat", (req, res) => {\n  const id = req.get("x-session-id");\n  ${body}\n  tracer.createSession({ sessionId: id });\n  res.end();\n});`;
  const inside = (body: string) => `${HEAD}app.post("/chat", (req, res) => {\n  const id = req.get("x-session-id");\n  ${body}\n  res.end();\n});`;
  const reportedAt = (code: string) =>
    invalidCase(code, { source: 'req.get("x-session-id")', method: "createSession", handler: "Express handler" }, [
      ["{ HoneyHiveTracer, isSessionId }", "{ HoneyHiveTracer, isSessionId, toSessionId }"],
      ["createSession({ sessionId: id })", 'createSession({ sessionId: typeof id === "string" && id ? toSessionId(id) : undefined })'],
    ]);
  const VALIDATE_ANSWERS = "function validateSessionId(value) {\n  return isSessionId(value);\n}\n";
  const VALIDATE_THROWS = 'function validateSessionId(value) {\n  if (!isSessionId(value)) throw new Error("bad session id");\n}\n';
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      route("if (!isSessionId(id)) return void res.status(400).end();"),
      route("if (!isSessionId(id)) {\n    res.status(400).end();\n    return;\n  }"),
      route('if (!isSessionId(id)) throw new Error("bad session id");'),
      // A call that never returns ends the branch like a throw (`FLOW_ENDING_CALLS`).
      route("if (!isSessionId(id)) process.exit(1);"),
      // The SDK call only on the passing branch, in an `if … else` or behind `&&`.
      inside('if (isSessionId(id)) {\n    tracer.createSession({ sessionId: id });\n  } else {\n    console.warn("bad session id");\n  }'),
      inside("isSessionId(id) && tracer.createSession({ sessionId: id });"),
      // A new value on the failing branch: the raw input no longer reaches the SDK.
      `${HEAD}import { randomUUID } from "node:crypto";\napp.post("/chat", (req, res) => {\n  let id = req.get("x-session-id");\n  if (!isSessionId(id)) id = randomUUID();\n  tracer.createSession({ sessionId: id });\n  res.end();\n});`,
      `${HEAD}app.post("/chat", (req, res) => {\n  let id = req.get("x-session-id");\n  if (!isSessionId(id)) id = undefined;\n  tracer.createSession({ sessionId: id });\n  res.end();\n});`,
      // The ternary stays a check (both branches are values).
      inside("tracer.createSession({ sessionId: isSessionId(id) ? id : undefined });"),
      // A verdict kept in a const and tested later; Joi's `{ error }` is set when the check fails.
      route("const ok = isSessionId(id);\n  if (!ok) return void res.status(400).end();"),
      `import Joi from "joi";\n${HEAD}const Body = Joi.object({ sessionId: Joi.string().guid() });\napp.post("/chat", (req, res) => {\n  const { error } = Body.validate(req.body);\n  if (error) return void res.status(400).end();\n  tracer.createSession({ sessionId: req.body.sessionId });\n  res.end();\n});`,
      // A validator whose result is ignored, but which throws: its body shows it, or its name (`assert…`) says so.
      route("validateSessionId(id);", VALIDATE_THROWS),
      route("assertSessionId(id);", 'import { assertSessionId } from "./ids";\n'),
      // Known false negative: an imported validator whose body is not read is trusted (report only when sure).
      route("validateSessionId(id);", 'import { validateSessionId } from "./ids";\n'),
    ],
    invalid: [
      // The failing branch only warns, or answers without returning: the id still reaches the SDK.
      reportedAt(route('if (!isSessionId(id)) console.warn("bad session id", id);')),
      reportedAt(route("if (!isSessionId(id)) {\n    res.status(400).json({ error: \"bad session id\" });\n  }")),
      // The SDK call on the failing branch's side of `||`, or after a passing branch that returns.
      reportedAt(route('isSessionId(id) || console.warn("bad session id");')),
      reportedAt(route("if (isSessionId(id)) return void res.status(204).end();")),
      // Joi's `{ error }`: an `if (!error)` that returns leaves the failing path open.
      invalidCase(
        `import Joi from "joi";\n${HEAD}const Body = Joi.object({ sessionId: Joi.string().guid() });\napp.post("/chat", (req, res) => {\n  const { error } = Body.validate(req.body);\n  if (!error) console.log("ok");\n  tracer.createSession({ sessionId: req.body.sessionId });\n  res.end();\n});`,
        { source: "req.body.sessionId", method: "createSession", handler: "Express handler" },
        [
          ["{ HoneyHiveTracer, isSessionId }", "{ HoneyHiveTracer, isSessionId, toSessionId }"],
          ["createSession({ sessionId: req.body.sessionId })", 'createSession({ sessionId: typeof req.body.sessionId === "string" && req.body.sessionId ? toSessionId(req.body.sessionId) : undefined })'],
        ],
      ),
      // A validator given the id whose verdict is ignored: a function of the file that throws nothing, the uuid
      // package's `validate()` (answers a boolean), the SDK's own `isSessionId()`.
      reportedAt(route("validateSessionId(id);", VALIDATE_ANSWERS)),
      reportedAt(route("uuidValidate(id);", 'import { validate as uuidValidate } from "uuid";\n')),
      reportedAt(route("isSessionId(id);")),
    ],
  });
});

// gaps-rules-9: a schema imported from another module of the project is read through that module's facts
// (`uuidSchema`: its library and the keys with a UUID rule), as a schema the file writes is: `Body.parse(req.body)`
// checks `req.body.sessionId` only where the imported `Body` has a UUID rule on that key.
describe("gaps-rules-9: an imported schema given the whole body", () => {
  const PACKAGE = JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", express: "^5.0.0", zod: "^3.0.0", valibot: "^1.0.0" } });
  const route = (name: string, body: string, schemas: string, importLine = 'import { Body } from "./schemas";'): Case => ({
    name,
    code: `${EXPRESS}${importLine}\napp.post("/chat", (req, res) => {\n  ${body}\n  tracer.createSession({ sessionId: req.body.sessionId });\n  res.end();\n});`,
    filename: "src/app.ts",
    files: { "package.json": PACKAGE, "src/schemas.ts": schemas },
  });
  const ZOD = (shape: string) => `import { z } from "zod";\nexport const Body = z.object({ ${shape} });\n`;
  const VALIBOT = (shape: string) => `import * as v from "valibot";\nexport const Body = v.object({ ${shape} });\n`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    route("zod: no UUID rule", "Body.parse(req.body);", ZOD("sessionId: z.string()")),
    route("zod: the UUID rule on another key", "Body.parse(req.body);", ZOD("userId: z.string().uuid(), sessionId: z.string()")),
    route("zod: safeParse whose verdict is ignored", "Body.safeParse(req.body);", ZOD("sessionId: z.string().uuid()")),
    route("valibot: no UUID rule", 'v.parse(Body, req.body);', VALIBOT("sessionId: v.string()"), 'import * as v from "valibot";\nimport { Body } from "./schemas";'),
    // The module's export is no schema of a library: a function named like one proves nothing.
    route("a look-alike export named Body", "Body.parse(req.body);", 'export const Body = { parse: (value: unknown) => value, uuid: () => "x" };\nexport const id = Body.uuid();\n'),
  ];
  const quiet: Case[] = [
    route("zod: parse with a UUID rule on the key", "Body.parse(req.body);", ZOD("sessionId: z.string().uuid()")),
    route("zod v4: z.uuid()", "Body.parse(req.body);", ZOD("sessionId: z.uuid()")),
    route("zod: safeParse that decides", "if (!Body.safeParse(req.body).success) return void res.status(400).end();", ZOD("sessionId: z.string().uuid()")),
    route("valibot: parse with a UUID action", "v.parse(Body, req.body);", VALIBOT("sessionId: v.pipe(v.string(), v.uuid())"), 'import * as v from "valibot";\nimport { Body } from "./schemas";'),
    route("zod: required with require()", "Body.parse(req.body);", ZOD("sessionId: z.string().uuid()"), 'const { Body } = require("./schemas");'),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBe(1));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// gaps-rules-9: a middleware off the value's way that checks the same header decides by its own two paths.
describe("gaps-rules-9: a middleware's if … else", () => {
  const HEAD = EXPRESS.replace("{ HoneyHiveTracer }", "{ HoneyHiveTracer, isSessionId }");
  const START = `app.post("/chat", (req, res) => {\n  tracer.createSession({ sessionId: req.get("x-session-id") });\n  res.end();\n});`;
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [`${HEAD}app.use((req, res, next) => {\n  if (isSessionId(req.get("x-session-id"))) next();\n  else res.status(400).end();\n});\n${START}`],
    invalid: [
      invalidCase(`${HEAD}app.use((req, res, next) => {\n  if (!isSessionId(req.get("x-session-id"))) console.warn("bad session id");\n  next();\n});\n${START}`, { source: 'req.get("x-session-id")', method: "createSession", handler: "Express handler" }, [
        ["{ HoneyHiveTracer, isSessionId }", "{ HoneyHiveTracer, isSessionId, toSessionId }"],
        ['createSession({ sessionId: req.get("x-session-id") })', 'createSession({ sessionId: typeof req.get("x-session-id") === "string" && req.get("x-session-id") ? toSessionId(req.get("x-session-id")) : undefined })'],
      ]),
    ],
  });
});

// A binding imported from a module that is not read here (no project) and known as a tracer only by the
// session method used on it: in a file with a tracer of its own it is another library's session store
// (lucia's createSession), without one it is the file's tracer (analysis/sdk-model.ts addImportedTracers).
describe("imported bindings known only by use, from a module not read", () => {
  const EXPRESS = `import express from "express";\nconst app = express();\n`;
  it.each([
    ["an imported `tracer` in a file without its own", `${EXPRESS}import { tracer } from "./tracing";\napp.post("/chat", async (req, res) => { await tracer.createSession({ sessionId: req.body.id }); res.end(); });`],
    ["an imported `hh` in a file without its own tracer that names the SDK", `${EXPRESS}import type { HoneyHiveTracer } from "honeyhive";\nimport { hh } from "./hh";\napp.post("/chat", async (req, res) => { await hh.createSession({ sessionId: req.body.id }); res.end(); });`],
    ["an imported `tracer` beside a tracer of the file", `${EXPRESS}${HH}import { tracer as shared } from "./tracing";\napp.post("/chat", async (req, res) => { await shared.createSession({ sessionId: req.body.id }); tracer.createSession(); res.end(); });`],
  ])("reports %s", (_title: string, code: string) => {
    expect(messagesOf(code)).toEqual([MESSAGE]);
  });
  it("accepts lucia.createSession({ sessionId }) beside a tracer of the file", () => {
    expect(messagesOf(`${EXPRESS}${HH}import { lucia } from "./auth";\napp.post("/login", async (req, res) => { await lucia.createSession({ sessionId: req.body.id }); tracer.createSession(); res.end(); });`)).toEqual([]);
  });
});
