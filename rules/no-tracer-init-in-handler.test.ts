import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import rule, { RULE_NAME } from "./no-tracer-init-in-handler.js";
import { configForRule, describeFixtureTruth, lintWithRule } from "./test-utils/fixture-lint.js";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
const REQUEST_SESSION = ", and call `createSession()` per request";
const INVOCATION_SESSION = ", and call `createSession()` per invocation";
const getter = (options: string) => `let tracer: HoneyHiveTracer | undefined;\n\nfunction getTracer() {\n  return (tracer ??= HoneyHiveTracer.init(${options}));\n}\n\n`;
const GETTER = getter(`{ project: "p" }`);
const LINK_INVOCATION = ", and per invocation link the caller's existing session with `createSession({ sessionId, skipApiCall: true })`";
const LINK_REQUEST = ", and per request link the caller's existing session with `createSession({ sessionId, skipApiCall: true })`";
const LINK_OR_START_INVOCATION =
  ", and per invocation link the caller's existing session (`createSession({ sessionId, skipApiCall: true })`) or start a new one (`createSession({ sessionId })`)";
const LAMBDA = `import { randomUUID } from "node:crypto";\nimport { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";\n`;
const LAMBDA_GETTER = `let tracer;\n\nfunction getTracer() {\n  return (tracer ??= HoneyHiveTracer.init({ project: "p" }));\n}\n\n`;
/** A Lambda handler (src/handler.js) whose per-invocation init gets `options`, with the statements before it. */
const lambdaInit = (options: string, before = "", parameters = "event") =>
  `${LAMBDA}export const handler = async (${parameters}) => {\n${before}  const tracer = HoneyHiveTracer.init(${options});\n  await tracer.forceFlush();\n  return {};\n};`;
/** The same handler after the hoist: `session` replaces the init's line. */
const lambdaHoisted = (session: string, before = "", parameters = "event") =>
  `${LAMBDA}${LAMBDA_GETTER}export const handler = async (${parameters}) => {\n${before}  const tracer = getTracer();\n${session}  await tracer.forceFlush();\n  return {};\n};`;
const hoistSuggestion = (output: string) => [{ messageId: "hoistToGetter" as const, data: { getter: "getTracer" }, output }];

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // Once at startup, used by every request.
    `${EXPRESS}const tracer = HoneyHiveTracer.init({ project: "p" });\napp.get("/", (req, res) => { tracer.createSession(); res.end(); });`,
    // Factories that cache: a lazy getter, `??=` in the handler, a module `let` checked for undefined, a memoized promise, a Map per tenant.
    `${EXPRESS}${GETTER}app.get("/", (req, res) => { getTracer().createSession(); res.end(); });`,
    `${EXPRESS}let tracer;\napp.get("/", (req, res) => { tracer ??= HoneyHiveTracer.init({ project: "p" }); tracer.createSession(); res.end(); });`,
    `${EXPRESS}let tracer;\napp.get("/", (req, res) => { if (tracer === undefined) { tracer = HoneyHiveTracer.init(); } res.end(); });`,
    `${EXPRESS}let shared;\napp.get("/", (req, res) => { if (!shared) { const created = HoneyHiveTracer.init(); shared = created; } res.end(); });`,
    `import { HoneyHiveTracer } from "honeyhive";\nlet tracerPromise;\nexport const handler = async (event) => { const tracer = await (tracerPromise ??= HoneyHiveTracer.init({ project: "p" })); await tracer.flush(); return {}; };`,
    `${EXPRESS}const tracers = new Map();\napp.get("/:tenant", (req, res) => { if (!tracers.has(req.params.tenant)) tracers.set(req.params.tenant, HoneyHiveTracer.init({ project: req.params.tenant })); res.end(); });`,
    `${EXPRESS}class Service { tracer; get() { return (this.tracer ??= HoneyHiveTracer.init()); } }\nconst service = new Service();\napp.get("/", (req, res) => { service.get(); res.end(); });`,
    // Startup code: main(), Next.js instrumentation's register(), a test's beforeEach (its own tracer per test is the point).
    `import { HoneyHiveTracer } from "honeyhive";\nasync function main() { const tracer = HoneyHiveTracer.init({ project: "batch" }); await tracer.forceFlush(); }\nawait main();`,
    { code: `import { HoneyHiveTracer } from "honeyhive";\nexport async function register() { HoneyHiveTracer.init({ project: "web" }); }`, filename: "instrumentation.ts" },
    { code: `import { HoneyHiveTracer } from "honeyhive";\nlet tracer;\nbeforeEach(() => { tracer = HoneyHiveTracer.init({ testMode: true }); });\nit("works", () => tracer.startSpan("x", () => 1));`, filename: "src/app.test.ts" },
    // Look-alikes: another library's init, a local class named HoneyHiveTracer, a shadowed import.
    `import express from "express";\nimport * as Sentry from "@sentry/node";\nconst app = express();\napp.use((req, res, next) => { Sentry.init({ dsn: "x" }); next(); });`,
    `import express from "express";\nclass HoneyHiveTracer { static init() { return new HoneyHiveTracer(); } }\nconst app = express();\napp.get("/", (req, res) => { HoneyHiveTracer.init(); res.end(); });`,
    `${EXPRESS}app.get("/", (req, res) => { const HoneyHiveTracer = { init: () => ({}) }; HoneyHiveTracer.init(); res.end(); });`,
    // A loop that builds one tracer per project (kept beyond the iteration): the multi-instance design.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracers = new Map();\nfor (const project of ["a", "b"]) tracers.set(project, HoneyHiveTracer.init({ project }));`,
    `import { HoneyHiveTracer } from "honeyhive";\nexport const tracers = ["a", "b"].map((project) => HoneyHiveTracer.init({ project }));`,
    // The same through a local kept beyond the iteration (review-rules3): the tracer, or an instance caching its own.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracers = new Map();\nfor (const project of ["a", "b"]) {\n  const tracer = HoneyHiveTracer.init({ project });\n  tracers.set(project, tracer);\n}`,
    `import { HoneyHiveTracer } from "honeyhive";\nexport const tracers = [];\nfor (const project of ["a", "b"]) { const tracer = HoneyHiveTracer.init({ project }); tracers.push(tracer); }`,
    `${EXPRESS}class ProjectTracing {\n  tracer;\n  constructor(project) { this.project = project; }\n  get() { return (this.tracer ??= HoneyHiveTracer.init({ project: this.project })); }\n}\nconst byTenant = new Map();\nfor (const tenant of ["a", "b"]) {\n  const tracing = new ProjectTracing(tenant);\n  tracing.get();\n  byTenant.set(tenant, tracing);\n}\napp.get("/:tenant", (req, res) => { byTenant.get(req.params.tenant).get().createSession(); res.end(); });`,
    // OpenTelemetry: a provider built once at startup, and one per request that is neither registered nor exporting to HoneyHive.
    `import express from "express";\nimport { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nconst provider = new NodeTracerProvider({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" });\nprovider.register();\nconst app = express();\napp.get("/", (req, res) => res.end());`,
    `import express from "express";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\nconst app = express();\napp.get("/", (req, res) => { new NodeSDK({ url: "https://otel.example.com/v1/traces" }).start(); res.end(); });`,
    // Traceloop initialized per request to its own cloud: another vendor's pipeline, not this rule's.
    `import express from "express";\nimport * as traceloop from "@traceloop/node-server-sdk";\nconst app = express();\napp.get("/", (req, res) => { traceloop.initialize({ appName: "app" }); res.end(); });`,
    // Helpers: a getter that caches with an early return (the seed's shape), one called once at startup, a cached call site.
    `${EXPRESS}let tracer;\nfunction getTracer() {\n  if (tracer) return tracer;\n  tracer = HoneyHiveTracer.init({ project: "p" });\n  return tracer;\n}\napp.get("/", (req, res) => { getTracer().createSession(); res.end(); });`,
    `${EXPRESS}function makeTracer() { return HoneyHiveTracer.init({ project: "p" }); }\nconst tracer = makeTracer();\napp.get("/", (req, res) => { tracer.createSession(); res.end(); });`,
    `${EXPRESS}let tracer;\nconst makeTracer = () => HoneyHiveTracer.init({ project: "p" });\napp.get("/", (req, res) => { tracer ??= makeTracer(); res.end(); });`,
    // Look-alikes of a module-level instance's method called per request: it caches (`this.t ??=`), it is
    // called once at startup, or the call's result is cached in the handler's module variable.
    `${EXPRESS}class Tracing {\n  t;\n  get() { return (this.t ??= HoneyHiveTracer.init({ project: "p" })); }\n}\nconst tracing = new Tracing();\napp.get("/", (req, res) => { tracing.get().createSession(); res.end(); });`,
    `${EXPRESS}class Tracing {\n  make() { return HoneyHiveTracer.init({ project: "p" }); }\n}\nconst tracing = new Tracing();\nconst tracer = tracing.make();\napp.get("/", (req, res) => { tracer.createSession(); res.end(); });`,
    `${EXPRESS}class Tracing {\n  make() { return HoneyHiveTracer.init({ project: "p" }); }\n}\nconst tracing = new Tracing();\nlet tracer;\napp.get("/", (req, res) => { tracer ??= tracing.make(); tracer.createSession(); res.end(); });`,
    // The tracer-or-null helper called once at startup, its tracer used per request; and a look-alike helper whose try returns no tracer.
    `${EXPRESS}async function makeTracer() {\n  try { return await HoneyHiveTracer.init({ project: "p" }); } catch { return null; }\n}\nconst tracer = await makeTracer();\napp.get("/", (req, res) => { tracer?.createSession(); res.end(); });`,
    `${EXPRESS}async function loadConfig() {\n  try { return await import("./config.js"); } catch { return null; }\n}\napp.get("/", async (req, res) => { const config = await loadConfig(); res.json(config); });`,
    // Known false negative: two levels of helpers (one level is followed).
    `${EXPRESS}function makeTracer() { return HoneyHiveTracer.init({ project: "p" }); }\nfunction setUp() { return makeTracer(); }\napp.get("/", (req, res) => { setUp().createSession(); res.end(); });`,
  ],
  invalid: [
    {
      code: `${EXPRESS}app.get("/", (req, res) => {\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  tracer.startSpan("x", () => res.end());\n});`,
      errors: [
        {
          messageId: "perRequest",
          data: { creation: "HoneyHiveTracer.init()", handler: "Express handler", session: REQUEST_SESSION, unit: "request" },
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: "hoistToGetter",
              data: { getter: "getTracer" },
              output: `${EXPRESS}${GETTER}app.get("/", (req, res) => {\n  const tracer = getTracer();\n  tracer.createSession();\n  tracer.startSpan("x", () => res.end());\n});`,
            },
          ],
        },
      ],
    },
    {
      // The session options of init move to createSession() (renamed), the tracer's options stay in the getter.
      code: `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async (event, context) => {\n  const tracer = HoneyHiveTracer.init({ project: process.env.HH_PROJECT, sessionName: context.awsRequestId, sessionMetadata: { type: event.type } });\n  await tracer.forceFlush();\n  return {};\n};`,
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: INVOCATION_SESSION },
          suggestions: [
            {
              messageId: "hoistToGetter",
              data: { getter: "getTracer" },
              output: `import { HoneyHiveTracer } from "honeyhive";\nlet tracer;\n\nfunction getTracer() {\n  return (tracer ??= HoneyHiveTracer.init({ project: process.env.HH_PROJECT }));\n}\n\nexport const handler = async (event, context) => {\n  const tracer = getTracer();\n  tracer.createSession({ sessionName: context.awsRequestId, metadata: { type: event.type } });\n  await tracer.forceFlush();\n  return {};\n};`,
            },
          ],
        },
      ],
    },
    {
      // 1.x: the awaited init; the getter memoizes the promise, and no createSession() (1.x has none).
      code: `const express = require("express");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst app = express();\napp.get("/", async (req, res) => {\n  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY });\n  res.end();\n});`,
      filename: "src/server.cjs",
      errors: [
        {
          messageId: "perRequest",
          data: {
            creation: "await HoneyHiveTracer.init()",
            handler: "Express handler",
            session: " (honeyhive 1.x cannot start a session per request on a shared tracer: `npx honeyhive migrate --from 1` moves to createSession())",
            unit: "request",
          },
          suggestions: [
            {
              messageId: "hoistToGetter",
              data: { getter: "getTracer" },
              output: `const express = require("express");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst app = express();\nlet tracerPromise;\n\nfunction getTracer() {\n  return (tracerPromise ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY }));\n}\n\napp.get("/", async (req, res) => {\n  const tracer = await getTracer();\n  res.end();\n});`,
            },
          ],
        },
      ],
    },
    // Options that read the request, an unguarded write to a module variable, a per-request shutdown: reported, no suggestion.
    {
      code: `${EXPRESS}app.get("/:project", (req, res) => { const tracer = HoneyHiveTracer.init({ project: req.params.project }); res.end(); });`,
      errors: [{ messageId: "perRequest", suggestions: [] }],
    },
    {
      code: `${EXPRESS}let tracer;\napp.get("/", (req, res) => { tracer = HoneyHiveTracer.init(); res.end(); });`,
      errors: [{ messageId: "perRequest", suggestions: [] }],
    },
    {
      code: `${EXPRESS}app.get("/", async (req, res) => { const tracer = HoneyHiveTracer.init(); res.end(); await tracer.shutdown(); });`,
      errors: [{ messageId: "perRequest", suggestions: [] }],
    },
    // A helper that creates a tracer on every call, called per request or per item: a marker, no suggestion (its callers change).
    {
      code: `${EXPRESS}function makeTracer() { return HoneyHiveTracer.init({ project: "p" }); }\napp.get("/", (req, res) => { makeTracer().createSession(); res.end(); });`,
      errors: [
        {
          messageId: "perRequest",
          data: { creation: "HoneyHiveTracer.init()", handler: "Express handler (through `makeTracer()`)", session: REQUEST_SESSION, unit: "request" },
          line: 4,
          suggestions: [],
        },
      ],
    },
    // A helper that returns the init in try and null in catch (blind-1x-3 D12's shape), called per request: the same, at the init.
    {
      code: `${EXPRESS}async function makeTracer() {\n  try { return await HoneyHiveTracer.init({ project: "p" }); } catch { return null; }\n}\napp.get("/", async (req, res) => { const tracer = await makeTracer(); tracer?.createSession(); res.end(); });`,
      errors: [{ messageId: "perRequest", data: { creation: "await HoneyHiveTracer.init()", handler: "Express handler (through `makeTracer()`)", session: REQUEST_SESSION, unit: "request" }, line: 5, suggestions: [] }],
    },
    // A method of a module-level instance that makes a tracer on every call (no `this.x ??=` cache), called per request.
    {
      code: `${EXPRESS}class Tracing {\n  make() { return HoneyHiveTracer.init({ project: "p" }); }\n}\nconst tracing = new Tracing();\napp.get("/", (req, res) => { tracing.make().createSession(); res.end(); });`,
      errors: [{ messageId: "perRequest", data: { creation: "HoneyHiveTracer.init()", handler: "Express handler (through `make()`)", session: REQUEST_SESSION, unit: "request" }, line: 5, suggestions: [] }],
    },
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nconst makeTracer = async () => HoneyHiveTracer.init();\nexport async function run(items) { for (const item of items) { const tracer = await makeTracer(); tracer.startSpan("i", () => item); } }`,
      errors: [{ messageId: "perItem", data: { creation: "HoneyHiveTracer.init()` in `makeTracer()", session: ", and call `createSession()` per item" }, suggestions: [] }],
    },
    // Namespace import and require, in a Koa middleware.
    {
      code: `import Koa from "koa";\nimport * as hh from "honeyhive";\nconst app = new Koa();\napp.use(async (ctx, next) => { const tracer = hh.HoneyHiveTracer.init(); await next(); });`,
      errors: [
        {
          messageId: "perRequest",
          data: { creation: "HoneyHiveTracer.init()", handler: "Koa handler", session: REQUEST_SESSION, unit: "request" },
          suggestions: [
            {
              messageId: "hoistToGetter",
              data: { getter: "getTracer" },
              output: `import Koa from "koa";\nimport * as hh from "honeyhive";\nconst app = new Koa();\nlet tracer: hh.HoneyHiveTracer | undefined;\n\nfunction getTracer() {\n  return (tracer ??= hh.HoneyHiveTracer.init());\n}\n\napp.use(async (ctx, next) => { const tracer = getTracer(); tracer.createSession(); await next(); });`,
            },
          ],
        },
      ],
    },
    // The function evaluate() runs: no suggestion (evaluate() makes the tracer per datapoint).
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nimport { evaluate } from "honeyhive/experiments";\nasync function pipeline(datapoint) { const tracer = HoneyHiveTracer.init(); return tracer.startSpan("x", () => datapoint.inputs); }\nawait evaluate({ function: pipeline, dataset: [], name: "e" });`,
      errors: [{ messageId: "perDatapoint", data: { creation: "HoneyHiveTracer.init()" }, suggestions: [] }],
    },
    // Loops over items: for…of, and a forEach callback. A local stored only in the iteration's own objects
    // (`spans.push(tracer)` into an array of the body) is still one tracer per item (review-rules3).
    ...[
      ["", "item"],
      ["    const spans = [];\n    spans.push(tracer);\n", "spans"],
    ].map(([kept, spanned]) => {
      const run = (init: string, session: string) =>
        `export async function run(items) {\n  for (const item of items) {\n    const tracer = ${init};\n${session}${kept}    await tracer.startSpan("item", () => ${spanned});\n  }\n}`;
      return {
        code: `import { HoneyHiveTracer } from "honeyhive";\n${run(`HoneyHiveTracer.init({ project: "batch" })`, "")}`,
        errors: [
          {
            messageId: "perItem" as const,
            data: { creation: "HoneyHiveTracer.init()", session: ", and call `createSession()` per item" },
            suggestions: [
              {
                messageId: "hoistToGetter" as const,
                data: { getter: "getTracer" },
                output: `import { HoneyHiveTracer } from "honeyhive";\n${getter(`{ project: "batch" }`)}${run("getTracer()", "    tracer.createSession();\n")}`,
              },
            ],
          },
        ],
      };
    }),
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nexport function run(items) { items.forEach((item) => { HoneyHiveTracer.init().startSpan("item", () => item); }); }`,
      errors: [{ messageId: "perItem", suggestions: [] }],
    },
    // OpenTelemetry exporting to HoneyHive: a NodeSDK started, a provider registered or made global per request.
    {
      code: `import express from "express";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\nconst app = express();\napp.get("/", (req, res) => { new NodeSDK({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }).start(); res.end(); });`,
      errors: [{ messageId: "perRequest", data: { creation: "new NodeSDK().start()", handler: "Express handler", session: "", unit: "request" }, suggestions: [] }],
    },
    // Traceloop's initialize() sending to HoneyHive (the route honeyhive 1.x took) is a HoneyHive pipeline made per request.
    {
      code: `import express from "express";\nimport * as traceloop from "@traceloop/node-server-sdk";\nconst app = express();\napp.get("/", (req, res) => { traceloop.initialize({ baseUrl: "https://api.honeyhive.ai/opentelemetry" }); res.end(); });`,
      errors: [{ messageId: "perRequest", data: { creation: "initialize()", handler: "Express handler", session: "", unit: "request" }, suggestions: [] }],
    },
    {
      code: `import { trace } from "@opentelemetry/api";\nimport { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";\nconst HONEYHIVE = "https://api.honeyhive.ai/opentelemetry/v1/traces";\nexport const handler = async () => { const provider = new BasicTracerProvider(); trace.setGlobalTracerProvider(provider); return {}; };`,
      errors: [{ messageId: "perInvocation", data: { creation: "new BasicTracerProvider() + setGlobalTracerProvider()", handler: "AWS Lambda handler", session: "" } }],
    },
    // init's sessionId, by the seed's table: the caller's id links a session that exists (skipApiCall),
    // an id made here starts one, an id that is either gets the two branches.
    {
      code: lambdaInit(`{ project: "p", sessionId: toSessionId(event.conversationId) }`),
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: LINK_INVOCATION },
          suggestions: hoistSuggestion(lambdaHoisted(`  tracer.createSession({ sessionId: toSessionId(event.conversationId), skipApiCall: true });\n`)),
        },
      ],
    },
    {
      // Through a variable, checked before (require-valid-session-id accepts it), with the session's name kept.
      code: lambdaInit(`{ project: "p", sessionId: id, sessionName: "turn" }`, `  const id = event.sessionId;\n  if (!isSessionId(id)) return { statusCode: 400 };\n`),
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: LINK_INVOCATION },
          suggestions: hoistSuggestion(
            lambdaHoisted(`  tracer.createSession({ sessionId: id, skipApiCall: true, sessionName: "turn" });\n`, `  const id = event.sessionId;\n  if (!isSessionId(id)) return { statusCode: 400 };\n`),
          ),
        },
      ],
    },
    {
      // A web request: the id from a header, converted.
      code: `${EXPRESS}import { toSessionId } from "honeyhive";\napp.post("/chat", (req, res) => {\n  const tracer = HoneyHiveTracer.init({ project: "p", sessionId: toSessionId(req.get("x-conversation")) });\n  res.end();\n});`,
      errors: [
        {
          messageId: "perRequest",
          data: { creation: "HoneyHiveTracer.init()", handler: "Express handler", session: LINK_REQUEST, unit: "request" },
          suggestions: hoistSuggestion(
            `${EXPRESS}import { toSessionId } from "honeyhive";\nlet tracer: HoneyHiveTracer | undefined;\n\nfunction getTracer() {\n  return (tracer ??= HoneyHiveTracer.init({ project: "p" }));\n}\n\napp.post("/chat", (req, res) => {\n  const tracer = getTracer();\n  tracer.createSession({ sessionId: toSessionId(req.get("x-conversation")), skipApiCall: true });\n  res.end();\n});`,
          ),
        },
      ],
    },
    {
      // Made here: a new session with an id of the code's own, started as init started it (no skipApiCall).
      code: lambdaInit(`{ project: "p", sessionId: randomUUID() }`),
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: INVOCATION_SESSION },
          suggestions: hoistSuggestion(lambdaHoisted(`  tracer.createSession({ sessionId: randomUUID() });\n`)),
        },
      ],
    },
    {
      // Look-alikes of the caller's id: per-request ids of the event and the Lambda context name no session yet.
      code: lambdaInit(`{ project: "p", sessionId: toSessionId(event.requestContext.requestId), sessionName: toSessionId(context.awsRequestId) }`, "", "event, context"),
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: INVOCATION_SESSION },
          suggestions: hoistSuggestion(
            lambdaHoisted(`  tracer.createSession({ sessionId: toSessionId(event.requestContext.requestId), sessionName: toSessionId(context.awsRequestId) });\n`, "", "event, context"),
          ),
        },
      ],
    },
    {
      // Either, as a conditional: the seed's two branches (the local branch first: the test is negated, `!x` to `x`).
      code: lambdaInit(`{ project: "p", sessionId: !event.sessionId ? randomUUID() : toSessionId(event.sessionId) }`),
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: LINK_OR_START_INVOCATION },
          suggestions: hoistSuggestion(
            lambdaHoisted(
              `  if (event.sessionId) {\n    tracer.createSession({ sessionId: toSessionId(event.sessionId), skipApiCall: true });\n  } else {\n    tracer.createSession({ sessionId: randomUUID() });\n  }\n`,
            ),
          ),
        },
      ],
    },
    {
      // Either, as `??` after a check: the caller's id is read once, into a const.
      code: lambdaInit(`{ project: "p", sessionId: event.sessionId ?? randomUUID() }`, `  if (event.sessionId !== undefined && !isSessionId(event.sessionId)) return { statusCode: 400 };\n`),
      filename: "src/handler.js",
      errors: [
        {
          messageId: "perInvocation",
          data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: LINK_OR_START_INVOCATION },
          suggestions: hoistSuggestion(
            lambdaHoisted(
              `  const incomingSessionId = event.sessionId;\n  if (incomingSessionId != null) {\n    tracer.createSession({ sessionId: incomingSessionId, skipApiCall: true });\n  } else {\n    tracer.createSession({ sessionId: randomUUID() });\n  }\n`,
              `  if (event.sessionId !== undefined && !isSessionId(event.sessionId)) return { statusCode: 400 };\n`,
            ),
          ),
        },
      ],
    },
    {
      // Either, through a variable: no readable branches to write (a marker in migrate), no suggestion.
      code: lambdaInit(`{ project: "p", sessionId }`, `  const sessionId = event.conversation ? toSessionId(event.conversation) : randomUUID();\n`),
      filename: "src/handler.js",
      errors: [{ messageId: "perInvocation", data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: LINK_OR_START_INVOCATION }, suggestions: [] }],
    },
    {
      // The per-invocation tracer's sessionId is read: on the shared tracer it would be the startup session, so no suggestion.
      code: `${LAMBDA}export const handler = async (event) => {\n  const tracer = HoneyHiveTracer.init({ project: "p", sessionId: randomUUID() });\n  await tracer.forceFlush();\n  return { sessionId: tracer.sessionId };\n};`,
      filename: "src/handler.js",
      errors: [{ messageId: "perInvocation", data: { creation: "HoneyHiveTracer.init()", handler: "AWS Lambda handler", session: INVOCATION_SESSION }, suggestions: [] }],
    },
  ],
});

describeFixtureTruth(RULE_NAME, rule);
describe(`${RULE_NAME}: a handler calling an imported function that inits a tracer on every call`, () => {
  const root = mkdtempSync(join(tmpdir(), "hh-imported-init-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const HANDLER = `import { main } from "./script.js";\nexport const handler = async (event) => {\n  await main();\n  return { statusCode: 200 };\n};\n`;
  /** Lints `handler` as src/handler.js of a project whose src/script.js is `script`. */
  function lint(name: string, script: string, handler = HANDLER) {
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ name, type: "module", dependencies: { honeyhive: "^2.0.0" } }),
      "src/script.js": `import { HoneyHiveTracer } from "honeyhive";\n${script}`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name, path)), { recursive: true });
      writeFileSync(join(root, name, path), text);
    }
    return new Linter({ configType: "flat", cwd: join(root, name) }).verify(handler, configForRule(RULE_NAME, rule), { filename: join(root, name, "src/handler.js") });
  }

  it("reports the handler's call, naming the init and where it is", () => {
    const messages = lint("per-call", `export async function main() {\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}\n`);
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([["importedPerCall", 3]]);
    expect(messages[0]!.message).toContain("`main()` creates a tracer on every call (`HoneyHiveTracer.init()` at src/script.js:3)");
    expect(messages[0]!.message).toContain("Create the tracer once at module level in src/script.js");
    expect(messages[0]!.message).toContain("every invocation of this AWS Lambda handler");
  });

  // gaps-rules-7: a NodeSDK pipeline made per call is worded as one (it makes no tracer of its own).
  it("words a function that builds an OpenTelemetry pipeline per call as such", () => {
    const script = `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\nexport function main() {\n  const sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });\n  sdk.start();\n  return sdk;\n}\n`;
    const messages = lint("pipeline-per-call", script, `import { main } from "./script.js";\nexport const handler = async (event) => {\n  const sdk = main();\n  await sdk.shutdown();\n  return { statusCode: 200 };\n};\n`);
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([["importedPerCall", 3]]);
    expect(messages[0]!.message).toContain("`main()` builds an OpenTelemetry pipeline on every call (`new NodeSDK().start()` at src/script.js:");
    expect(messages[0]!.message).toContain("Build the pipeline once at module level in src/script.js");
    expect(messages[0]!.message).not.toContain("creates a tracer");
  });

  it("reports a factory the handler calls (`makeTracer()` returning a new tracer: its getter fact says it does not cache)", () => {
    const messages = lint("factory", `export const makeTracer = () => HoneyHiveTracer.init({ project: "p" });\n`, `import { makeTracer } from "./script.js";\nexport const handler = async () => {\n  const t = makeTracer();\n  await t.forceFlush();\n};\n`);
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([["importedPerCall", 3]]);
    expect(messages[0]!.message).toContain("`makeTracer()` creates a tracer on every call (`HoneyHiveTracer.init()` at src/script.js:2)");
  });

  it("quiet on a getter that caches the tracer it makes", () => {
    const handler = `import { getTracer } from "./script.js";\nexport const handler = async () => {\n  await getTracer().forceFlush();\n};\n`;
    expect(lint("caching-getter", `let tracer;\nexport const getTracer = () => (tracer ??= HoneyHiveTracer.init({ project: "p" }));\n`, handler)).toEqual([]);
  });

  it("quiet when the imported function caches its tracer (`??=`, a module `let` checked first)", () => {
    expect(lint("nullish", `let tracer;\nexport async function main() {\n  tracer ??= HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}\n`)).toEqual([]);
    expect(lint("checked", `let tracer;\nexport async function main() {\n  if (!tracer) tracer = HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}\n`)).toEqual([]);
  });

  it("quiet when the call is outside any handler (a script running main() once)", () => {
    expect(lint("script", `export async function main() {\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}\n`, `import { main } from "./script.js";\nasync function run() { await main(); }\nawait run();\n`)).toEqual([]);
  });

  it("quiet when the imported function only uses a tracer made once in its module", () => {
    expect(lint("once", `const tracer = HoneyHiveTracer.init({ project: "p" });\nexport async function main() {\n  await tracer.forceFlush();\n}\n`)).toEqual([]);
  });
});

/**
 * The imported-init finding takes the bindings the session-helper finding takes (analysis/ast.ts
 * `isTopLevelModuleBinding`): a top-level `require()` (destructured, or one member of it) and an awaited
 * `import()`, as an `import`. The factory case in a file that `import`s it and `require`s express was silent
 * before (found after the third 2026-12-06 session): the cause was not the mixed module but the factory's
 * facts (a `getter` that does not cache had no `initsTracer` fact), so the ESM-only form was silent too.
 */
const tempProject = useTempProjects("imported-init-cjs", "all");
const INIT_PROJECT = tempProject({
  "package.json": JSON.stringify({ name: "cjs-init", dependencies: { honeyhive: "^2.0.0", express: "^4.19.2" } }),
  "src/script.js": [
    `const { HoneyHiveTracer } = require("honeyhive");`,
    `async function main() {\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  await tracer.forceFlush();\n}`,
    `const makeTracer = () => HoneyHiveTracer.init({ project: "p" });`,
    `let shared;\nconst getTracer = () => (shared ??= HoneyHiveTracer.init({ project: "p" }));`,
    `function label(req) {\n  return req.path.toUpperCase();\n}`,
    `module.exports = { main, makeTracer, getTracer, label };\n`,
  ].join("\n"),
});
const expressApp = (binding: string, call: string) =>
  `${binding}\nconst express = require("express");\nconst app = express();\napp.post("/chat", async (req, res) => {\n  ${call};\n  res.json({});\n});\n`;
const initCase = (code: string, path = "src/app.js") => ({ filename: join(INIT_PROJECT, path), code });

ruleTester.run(`${RULE_NAME}: imported inits bound by require() or an awaited import()`, testedRule, {
  valid: [
    // A helper of the same module that makes no tracer, and a getter that caches the one it makes.
    initCase(expressApp(`const { label } = require("./script");`, "label(req)")),
    initCase(expressApp(`const { getTracer } = await import("./script.js");`, "await getTracer().forceFlush()")),
    // The per-call init run once, at the top level of a script.
    initCase(`const { main } = require("./script");\nmain();\n`),
    // Known gap, as for \`import * as script\`: a whole-module binding whose member is called is not followed.
    initCase(expressApp(`import script = require("./script");`, "await script.main()"), "src/app.ts"),
    initCase(expressApp(`const script = require("./script");`, "await script.main()")),
  ],
  invalid: [
    [`const { main } = require("./script");`, "await main()", "main", "src/script.js:3"],
    [`const run = require("./script.js").main;`, "await run()", "run", "src/script.js:3"],
    [`const { main } = await import("./script.js");`, "await main()", "main", "src/script.js:3"],
    [`const { makeTracer: make } = require("./script");`, "make().createSession()", "make", "src/script.js:6"],
    [`import { makeTracer } from "./script.js";`, "makeTracer().createSession()", "makeTracer", "src/script.js:6"],
  ].map(([binding, call, helper, location]) => ({
    ...initCase(expressApp(binding!, call!)),
    errors: [
      {
        messageId: "importedPerCall" as const,
        line: 5,
        data: { helper, creates: "creates a tracer", once: "Create the tracer once", creation: "HoneyHiveTracer.init()", location, unit: "request", handler: "Express handler", module: "src/script.js" },
      },
    ],
  })),
});

describe("a cache is a local read from a map and stored back under the same key", () => {
  const handler = (body: string) => `${EXPRESS}const registry = new Map();\nconst audit = new Map();\nlet last;\napp.get("/:tenant", (req, res) => {\n${body}  res.end();\n});`;
  const messagesOf = (body: string) => lintWithRule(RULE_NAME, rule, handler(body), "src/server.ts").map((message) => message.messageId);

  it("is not reported when the branch stores the local back where it was read", () => {
    expect(messagesOf(`  let t = registry.get(req.params.tenant);\n  if (!t) {\n    t = HoneyHiveTracer.init({ project: "p" });\n    registry.set(req.params.tenant, t);\n  }\n`)).toEqual([]);
  });

  it.each([
    ["stored under another key", `  let t;\n  if (!t) {\n    t = HoneyHiveTracer.init({ project: "p" });\n    registry.set("last", t);\n  }\n`],
    ["read from one map, stored in another", `  let t = audit.get(req.params.tenant);\n  if (!t) {\n    t = HoneyHiveTracer.init({ project: "p" });\n    registry.set(req.params.tenant, t);\n  }\n`],
    ["assigned to a module variable it was not read from", `  let t = null;\n  if (!t) {\n    t = HoneyHiveTracer.init({ project: "p" });\n    last = t;\n  }\n`],
  ])("is reported when the local is %s (one tracer per request)", (_, body) => {
    expect(messagesOf(body)).toEqual(["perRequest"]);
  });
});

// A cache on what the request reaches is decided by how long it lives (analysis/knowledge/app-lifetime.ts):
// the application object (Express `req.app`/`res.app`, Koa `ctx.app`, Fastify `request.server`) lives
// for the process, so a tracer cached there is made once; the request's own objects (`res.locals`,
// `req.*`, Koa's `ctx.state`, Hono's `c.set()`) are new per request, so the "cache" makes one per request.
describe("caches on the application object versus the request's", () => {
  const messagesOf = (code: string, filename = "src/server.ts") => lintWithRule(RULE_NAME, rule, code, filename).map((message) => message.messageId);
  const KOA = `import Koa from "koa";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = new Koa();\n`;
  const FASTIFY = `import Fastify from "fastify";\nimport { HoneyHiveTracer } from "honeyhive";\nconst fastify = Fastify();\n`;
  const HONO = `import { Hono } from "hono";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = new Hono();\n`;
  const INIT = `HoneyHiveTracer.init({ project: "p" })`;

  it.each([
    ["Express req.app.locals ??=", `${EXPRESS}app.post("/chat", (req, res) => {\n  req.app.locals.tracer ??= ${INIT};\n  req.app.locals.tracer.createSession();\n  res.end();\n});`],
    ["Express res.app.locals, checked with if", `${EXPRESS}app.use((req, res, next) => {\n  if (!res.app.locals.tracer) res.app.locals.tracer = ${INIT};\n  next();\n});`],
    ["Express app settings: req.app.get / req.app.set", `${EXPRESS}app.use((req, res, next) => {\n  if (!req.app.get("tracer")) req.app.set("tracer", ${INIT});\n  next();\n});`],
    ["Koa ctx.app.context", `${KOA}app.use(async (ctx, next) => {\n  ctx.app.context.tracer ??= ${INIT};\n  await next();\n});`],
    ["Express on AWS Lambda through serverless-http: req.app.locals lives as long as the warm container", `${EXPRESS.replace('import express from "express";', 'import express from "express";\nimport serverless from "serverless-http";')}app.post("/chat", async (req, res) => {\n  req.app.locals.tracer ??= ${INIT};\n  res.send("ok");\n});\nexport const handler = serverless(app);`],
    ["Koa app destructured from ctx first", `${KOA}app.use(async (ctx, next) => {\n  const { app: application } = ctx;\n  application.context.tracer ??= ${INIT};\n  await next();\n});`],
    ["Cloudflare Workers + Hono: a module flag set in the branch (c.env is only there per request)", `${HONO}let tracer;\nlet initialized = false;\napp.use(async (c, next) => {\n  if (!initialized) {\n    tracer = HoneyHiveTracer.init({ apiKey: c.env.HH_API_KEY, project: "p" });\n    initialized = true;\n  }\n  await next();\n});`],
    ["Fastify request.server", `${FASTIFY}fastify.get("/chat", async (request, reply) => {\n  request.server.tracer ??= ${INIT};\n  return "ok";\n});`],
    ["Fastify decorate inside a plugin (runs once, at registration)", `${FASTIFY}fastify.register(async (instance) => {\n  instance.decorate("tracer", ${INIT});\n});\nfastify.get("/chat", async (request) => request.server.tracer.createSession());`],
    // Through a local, a nested pattern, a destructured parameter, a TS cast or `!` (review-rules F3).
    ["Express locals destructured from req.app", `${EXPRESS}app.post("/chat", async (req, res) => {\n  const { locals } = req.app;\n  locals.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Express a const holding req.app.locals", `${EXPRESS}app.post("/chat", async (req, res) => {\n  const locals = req.app.locals;\n  locals.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Express nested pattern { app: { locals } } of req", `${EXPRESS}app.post("/chat", async (req, res) => {\n  const { app: { locals } } = req;\n  locals.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Express a destructured parameter ({ app: server }, res)", `${EXPRESS}app.post("/chat", async ({ app: server }, res) => {\n  server.locals.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Fastify (request.server as any).tracer", `${FASTIFY}fastify.get("/chat", async (request, reply) => {\n  (request.server as any).tracer ??= ${INIT};\n  return "ok";\n});`],
    ["Express casts and non-null: (req.app.locals as Record<string, any>), req.app.locals!", `${EXPRESS}app.post("/chat", async (req, res) => {\n  (req.app.locals as Record<string, any>).tracer ??= ${INIT};\n  req.app.locals!.tracer ??= ${INIT};\n  res.end();\n});`],
    ["process-wide globals (module.exports, process, global)", `const { HoneyHiveTracer } = require("honeyhive");\nexports.handler = async (event) => {\n  module.exports.tracer ??= ${INIT};\n  global.tracer ??= module.exports.tracer;\n  return {};\n};`],
  ])("is not reported: %s", (_name, code) => {
    expect(messagesOf(code, code.includes("require(") ? "src/handler.js" : "src/server.ts")).toEqual([]);
  });

  it.each([
    ["Express res.locals (per request)", `${EXPRESS}app.use((req, res, next) => {\n  res.locals.tracer ??= ${INIT};\n  next();\n});`],
    ["Express req.tracer (per request)", `${EXPRESS}app.use((req, res, next) => {\n  req.tracer ??= ${INIT};\n  next();\n});`],
    ["Express req.app of a parameter named like it, but a Hono context (c.app is not the app)", `${HONO}app.use(async (c, next) => {\n  c.app ??= ${INIT};\n  await next();\n});`],
    ["Koa ctx.state (per request)", `${KOA}app.use(async (ctx, next) => {\n  ctx.state.tracer ??= ${INIT};\n  await next();\n});`],
    ["Express on AWS Lambda through serverless-http: res.locals (per invocation)", `${EXPRESS.replace('import express from "express";', 'import express from "express";\nimport serverless from "serverless-http";')}app.post("/chat", async (req, res) => {\n  res.locals.tracer ??= ${INIT};\n  res.send("ok");\n});\nexport const handler = serverless(app);`],
    ["Koa state destructured from ctx (per request)", `${KOA}app.use(async (ctx, next) => {\n  const { state } = ctx;\n  state.tracer ??= ${INIT};\n  await next();\n});`],
    ["Hono c.set (a new Context per request)", `${HONO}app.use(async (c, next) => {\n  if (!c.get("tracer")) c.set("tracer", ${INIT});\n  await next();\n});`],
    ["Fastify request.tracer (per request)", `${FASTIFY}fastify.addHook("onRequest", async (request) => {\n  request.tracer ??= ${INIT};\n});`],
    // The look-alikes of the F3 shapes: the request's own objects reached the same ways.
    ["Express locals destructured from res (per request)", `${EXPRESS}app.post("/chat", async (req, res) => {\n  const { locals } = res;\n  locals.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Express a const holding req.body (per request)", `${EXPRESS}app.post("/chat", async (req, res) => {\n  const body = req.body;\n  body.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Express app destructured from req.body (a client's field)", `${EXPRESS}app.post("/chat", async (req, res) => {\n  const { app } = req.body;\n  app.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Express a destructured parameter ({ body }, res)", `${EXPRESS}app.post("/chat", async ({ body }, res) => {\n  body.tracer ??= ${INIT};\n  res.end();\n});`],
    ["Fastify (request as any).tracer (per request)", `${FASTIFY}fastify.get("/chat", async (request, reply) => {\n  (request as any).tracer ??= ${INIT};\n  return "ok";\n});`],
    ["arguments[0] is the request (was taken for a global)", `${EXPRESS}app.use(function (req, res, next) {\n  arguments[0].tracer ??= ${INIT};\n  next();\n});`],
  ])("is reported: %s", (_name, code) => {
    expect(messagesOf(code)).toEqual([code.includes("serverless(app)") ? "perInvocation" : "perRequest"]);
  });
});

// `this.tracer ??= init()` is a cache only as long as the instance lives: one made at module level or held by a
// singleton lives with the process; one the file makes per request is gone with the request (issue 16).
const SERVICE = `class Service {\n  tracer;\n  get() { return (this.tracer ??= HoneyHiveTracer.init({ project: "p" })); }\n  other() { return 1; }\n}\n`;
ruleTester.run(`${RULE_NAME}: this.x caches by the instance's lifetime`, testedRule, {
  valid: [
    `${EXPRESS}${SERVICE}const service = new Service();\napp.get("/", (req, res) => { service.get().createSession(); res.end(); });`,
    // A singleton: the instance is made once, by a static cache, even though the expression sits in the handler.
    `${EXPRESS}${SERVICE.replace("  other()", "  static shared;\n  other()")}app.get("/", (req, res) => { (Service.shared ??= new Service()).get().createSession(); res.end(); });`,
    // Made per request, but the method that initializes is not called on it.
    `${EXPRESS}${SERVICE}app.get("/", (req, res) => { new Service().other(); res.end(); });`,
    // Powertools' class form: the module's one instance is the handler's `this`.
    `import { HoneyHiveTracer } from "honeyhive";\nclass Lambda {\n  tracer;\n  async handler(event) { this.tracer ??= HoneyHiveTracer.init({ project: "p" }); await this.tracer.forceFlush(); return {}; }\n}\nconst handlerClass = new Lambda();\nexport const handler = handlerClass.handler.bind(handlerClass);`,
  ],
  invalid: [
    {
      code: `${EXPRESS}${SERVICE}app.get("/", (req, res) => { new Service().get().createSession(); res.end(); });`,
      errors: [{ messageId: "perRequest", data: { creation: "HoneyHiveTracer.init()", handler: "Express handler (through `get()`)", session: REQUEST_SESSION, unit: "request" }, line: 6, suggestions: [] }],
    },
    {
      code: `${EXPRESS}${SERVICE}app.get("/", (req, res) => { const service = new Service(); service.get().createSession(); res.end(); });`,
      errors: [{ messageId: "perRequest", line: 6, suggestions: [] }],
    },
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nclass Handler {\n  tracer;\n  async handle(event) { this.tracer ??= HoneyHiveTracer.init({ project: "p" }); await this.tracer.forceFlush(); return {}; }\n}\nexport const handler = async (event) => new Handler().handle(event);`,
      errors: [{ messageId: "perInvocation", line: 4, suggestions: [] }],
    },
  ],
});

// fix-blind6: factories called per request through a class's static method, or wrapped in a cache that
// lives for one request (React's `cache()`, knowledge/function-caches.ts); wrappers that cache for the
// process (lodash memoize/once, `once`, p-memoize) or are not known stay quiet.
describe("fix-blind6: static factories and function caches", () => {
  const HEAD = `import { HoneyHiveTracer } from "honeyhive";\nimport express from "express";\nconst app = express();\n`;
  const route = (decl: string, use: string): Case => ({
    name: `${decl} | ${use}`,
    code: `${HEAD}${decl}\napp.post("/chat", (req, res) => { ${use}; res.end(); });`,
    files: { "package.json": JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", express: "^5.1.0" } }) },
  });
  const init = `HoneyHiveTracer.init({ project: "chat" })`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    route(`class Tracing {\n  static create() { return ${init}; }\n}`, `Tracing.create().createSession()`),
    route(`class Tracing {\n  static create(project: string) { return HoneyHiveTracer.init({ project }); }\n}`, `const t = Tracing.create("chat"); t.createSession()`),
    route(`import { cache } from "react";\nconst getTracer = cache(() => ${init});`, `getTracer().createSession()`),
    route(`import * as React from "react";\nconst getTracer = React.cache(() => ${init});`, `getTracer().createSession()`),
  ];
  const quiet: Case[] = [
    // A static method that caches, an instance method of the same name never called, a static create() never called per request.
    route(`class Tracing {\n  static instance?: any;\n  static create() { return (Tracing.instance ??= ${init}); }\n}`, `Tracing.create().createSession()`),
    route(`class Tracing {\n  static create() { return ${init}; }\n}\nconst shared = Tracing.create();`, `shared.createSession()`),
    route(`class Tracing {\n  create() { return ${init}; }\n}\nconst tracing = new Tracing();\nconst shared = tracing.create();`, `shared.createSession()`),
    // Wrappers that cache for the process, and one not known (a memoizer of another package).
    route(`import memoize from "lodash/memoize.js";\nconst getTracer = memoize(() => ${init});`, `getTracer().createSession()`),
    route(`import { once } from "lodash-es";\nconst getTracer = once(() => ${init});`, `getTracer().createSession()`),
    route(`import once from "once";\nconst getTracer = once(() => ${init});`, `getTracer().createSession()`),
    route(`import pMemoize from "p-memoize";\nconst getTracer = pMemoize(async () => ${init});`, `void getTracer()`),
    route(`import moize from "moize";\nconst getTracer = moize(() => ${init});`, `getTracer().createSession()`),
    // A local function named cache (not React's).
    route(`const cache = <T,>(fn: () => T) => { let v: T | undefined; return () => (v ??= fn()); };\nconst getTracer = cache(() => ${init});`, `getTracer().createSession()`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-blind7: a Trigger.dev task's run (and its lifecycle hooks) runs once per run: a tracer made there is one per run.
describe("fix-blind7: Trigger.dev tasks", () => {
  const HEAD = `import { HoneyHiveTracer } from "honeyhive";\n`;
  const files = { "package.json": JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", "@trigger.dev/sdk": "^4.0.0" } }) };
  const trigger = (code: string): Case => ({ name: code, code: `${HEAD}${code}`, filename: "src/trigger/t.ts", files });
  const INIT = `HoneyHiveTracer.init({ project: "jobs" })`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    trigger(`import { task } from "@trigger.dev/sdk/v3";\nexport const t = task({ id: "t", run: async (payload: { id: string }) => { const tracer = ${INIT}; tracer.createSession({ sessionName: payload.id }); } });`),
    trigger(`import { schedules } from "@trigger.dev/sdk";\nexport const t = schedules.task({ id: "t", cron: "0 * * * *", run: async () => { ${INIT}; } });`),
    trigger(`import { schemaTask } from "@trigger.dev/sdk";\nexport const t = schemaTask({ id: "t", schema: {} as any, async run() { ${INIT}; } });`),
    trigger(`import { task } from "@trigger.dev/sdk";\nexport const t = task({ id: "t", init: async () => ({ tracer: ${INIT} }), run: async () => {} });`),
  ];
  const quiet: Case[] = [
    // A module-level tracer, a task() of another module, a task's options that are not callbacks run per run.
    trigger(`import { task } from "@trigger.dev/sdk";\nconst tracer = ${INIT};\nexport const t = task({ id: "t", run: async () => { tracer.createSession({ sessionName: "job" }); } });`),
    trigger(`import { task } from "./tasks";\nexport const t = task({ id: "t", run: async () => { ${INIT}; } });`),
    trigger(`import { task } from "@trigger.dev/sdk";\nexport const t = task({ id: "t", queue: { concurrencyLimit: 1 }, machine: (() => { ${INIT}; return "small-1x"; })(), run: async () => {} });`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-blind7: a JavaScript function typed by JSDoc with its framework's handler type is a handler.
describe("fix-blind7: JSDoc-typed handlers in JavaScript", () => {
  const files = { "package.json": JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", express: "^5.1.0" } }) };
  const js = (code: string, filename = "src/routes/chat.js"): Case => ({ name: `${filename}: ${code}`, code: `import { HoneyHiveTracer } from "honeyhive";\n${code}`, filename, files });
  const BODY = `{\n  const tracer = HoneyHiveTracer.init({ project: "p" });\n  tracer.createSession({ sessionName: "chat" });\n  res.end();\n}`;
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    js(`/** @type {import("express").RequestHandler} */\nexport const chat = async (req, res) => ${BODY};`),
    js(`/**\n * @param {import("express").Request} req\n * @param {import("express").Response} res\n */\nexport async function chat(req, res) ${BODY}`, "src/routes/chat.mjs"),
    js(`/** @type {import("express").RequestHandler} */\nmodule.exports.chat = async (req, res) => ${BODY};`, "src/routes/chat.cjs"),
  ];
  const quiet: Case[] = [
    // Another type, a comment not right before the function, a TypeScript file (its annotations decide there).
    js(`/** @type {import("./types").Handler} */\nexport const chat = async (req, res) => ${BODY};`),
    js(`/** @type {import("express").RequestHandler} */\nconst unused = null;\nexport const chat = async (req, res) => ${BODY};`),
    js(`/** @type {import("express").RequestHandler} */\nexport const chat = async (req: any, res: any) => ${BODY};`, "src/routes/chat.ts"),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-nest: a class NestJS instantiates per request (docs.nestjs.com/fundamentals/injection-scopes):
// `@Injectable({ scope: Scope.REQUEST })`, `@Controller({ path, scope: Scope.REQUEST })`, or one that injects
// `REQUEST` from @nestjs/core (request-scoped whatever its own option says). Its field initializers and
// constructor run per request; a default-scope (singleton) or transient provider's run once per consumer.
const NEST = `import { Controller, Get, Inject, Injectable, Scope } from "@nestjs/common";\nimport { REQUEST } from "@nestjs/core";\nimport { HoneyHiveTracer } from "honeyhive";\n`;
const NEST_INIT = `HoneyHiveTracer.init({ project: "chat" })`;
const nestCase = (classText: string) => ({ code: `${NEST}${classText}`, filename: "src/chat.service.ts" });
const NEST_REQUEST = { creation: "HoneyHiveTracer.init()", handler: "NestJS request-scoped class", session: REQUEST_SESSION, unit: "request" };
const NEST_FACTORY = { creation: "HoneyHiveTracer.init()", handler: "NestJS handler", session: REQUEST_SESSION, unit: "request" };
ruleTester.run(`${RULE_NAME}: NestJS request-scoped classes`, testedRule, {
  valid: [
    // Singletons: no options, `Scope.DEFAULT`, a path-only controller, options without a scope.
    nestCase(`@Injectable()\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`),
    nestCase(`@Injectable({ scope: Scope.DEFAULT })\nexport class ChatService {\n  constructor() { const tracer = ${NEST_INIT}; tracer.createSession(); }\n}`),
    nestCase(`@Controller("chat")\nexport class ChatController {\n  private readonly tracer = ${NEST_INIT};\n  @Get() list() { return []; }\n}`),
    nestCase(`@Injectable({ durable: true })\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`),
    // Transient: one instance per consumer (at bootstrap for a singleton consumer), not per request.
    nestCase(`@Injectable({ scope: Scope.TRANSIENT })\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`),
    // Request-scoped, but caching in a module variable; a static field (runs once); a method (runs when called, not modelled here).
    nestCase(`let shared: HoneyHiveTracer | undefined;\n@Injectable({ scope: Scope.REQUEST })\nexport class ChatService {\n  private tracer = (shared ??= ${NEST_INIT});\n}`),
    nestCase(`@Injectable({ scope: Scope.REQUEST })\nexport class ChatService {\n  static tracer = ${NEST_INIT};\n}`),
    // Look-alikes: a Scope of another package, the project's own Injectable, a REQUEST token of another package, `@Inject` of another token.
    nestCase(`import { Scope as MyScope } from "./scope";\n@Injectable({ scope: MyScope.REQUEST })\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`),
    { code: `import { Injectable } from "./di";\nimport { Scope } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\n@Injectable({ scope: Scope.REQUEST })\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`, filename: "src/chat.service.ts" },
    nestCase(`import { REQUEST as MY_REQUEST } from "./tokens";\n@Injectable()\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n  constructor(@Inject(MY_REQUEST) private readonly request: unknown) {}\n}`),
    nestCase(`@Injectable()\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n  constructor(@Inject("CONFIG") private readonly config: unknown) {}\n}`),
    // Custom providers: a transient or default-scoped one, a request-scoped one whose class is another's
    // (useValue, useFactory), and a singleton injecting a singleton.
    nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\n@Module({ providers: [{ provide: "CHAT", useClass: ChatService, scope: Scope.TRANSIENT }, { provide: "CHAT2", useClass: ChatService }] })\nexport class ChatModule {}`),
    nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\n@Module({ providers: [{ provide: "CHAT", useValue: new ChatService(), scope: Scope.REQUEST }] })\nexport class ChatModule {}`),
    nestCase(`@Injectable()\nexport class Store {}\n@Injectable()\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n  constructor(private readonly store: Store) {}\n}`),
    // A plain class (no decorator: Nest injects nothing into it) taking a request-scoped class, made once by hand (review-rules4).
    nestCase(`@Injectable({ scope: Scope.REQUEST })\nexport class RequestContext {}\nexport class Helper {\n  private tracer = ${NEST_INIT};\n  constructor(private readonly context?: RequestContext) {}\n}\nexport const helper = new Helper();`),
    // gaps-rules-5: a factory making the tracer, default-scoped (once, at bootstrap), transient, or of a Scope of another package.
    nestCase(`import { Module } from "@nestjs/common";\n@Module({ providers: [{ provide: "TRACER", useFactory: () => ${NEST_INIT} }, { provide: "T2", useFactory: () => ${NEST_INIT}, scope: Scope.DEFAULT }, { provide: "T3", useFactory: () => ${NEST_INIT}, scope: Scope.TRANSIENT }] })\nexport class TracingModule {}`),
    nestCase(`import { Module } from "@nestjs/common";\nimport { Scope as MyScope } from "./scope";\n@Module({ providers: [{ provide: "TRACER", useFactory: () => ${NEST_INIT}, scope: MyScope.REQUEST }] })\nexport class TracingModule {}`),
    // useFactory (review-rules4): default-scoped or transient; a factory returning an instance made once. (One that returns
    // another class on some path was here too: gaps-rules-6b reports its `new ChatService()`, see the invalid cases.)
    nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\n@Module({ providers: [{ provide: "CHAT", useFactory: () => new ChatService(), scope: Scope.DEFAULT }, { provide: "CHAT2", useFactory: () => new ChatService(), scope: Scope.TRANSIENT }] })\nexport class ChatModule {}`),
    nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\nconst shared = new ChatService();\n@Module({ providers: [{ provide: "CHAT", useFactory: () => shared, scope: Scope.REQUEST }] })\nexport class ChatModule {}`),
  ],
  invalid: [
    // gaps-rules-6b: a request-scoped factory that makes the class on one of its paths runs its field's init on those requests
    // (the class itself is not request-scoped: the factory may return another).
    {
      ...nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\nclass Other {}\n@Module({ providers: [{ provide: "CHAT", useFactory: (flag: boolean) => { if (flag) return new Other(); return new ChatService(); }, scope: Scope.REQUEST }] })\nexport class ChatModule {}`),
      errors: [{ messageId: "perRequest", data: { ...NEST_FACTORY, handler: "NestJS handler (through `new ChatService()`)" }, line: 6, suggestions: [] }],
    },
    {
      ...nestCase(`@Injectable({ scope: Scope.REQUEST })\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 6, suggestions: [] }],
    },
    {
      ...nestCase(`@Injectable({ scope: Scope.REQUEST })\nexport class ChatService {\n  private tracer: HoneyHiveTracer;\n  constructor() {\n    this.tracer = ${NEST_INIT};\n  }\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 8, suggestions: [] }],
    },
    // `this.tracer ??=` caches nothing: the instance lives for one request.
    {
      ...nestCase(`@Injectable({ scope: Scope.REQUEST })\nexport class ChatService {\n  private tracer?: HoneyHiveTracer;\n  constructor() {\n    this.tracer ??= ${NEST_INIT};\n  }\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 8, suggestions: [] }],
    },
    // A controller with scope options, the options through a const.
    {
      ...nestCase(`@Controller({ path: "chat", scope: Scope.REQUEST })\nexport class ChatController {\n  private readonly tracer = ${NEST_INIT};\n  @Get() list() { return []; }\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 6, suggestions: [] }],
    },
    {
      ...nestCase(`const OPTIONS = { scope: Scope.REQUEST };\n@Injectable(OPTIONS)\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 7, suggestions: [] }],
    },
    // Implicitly request-scoped: it injects the request (a parameter property, a plain parameter, a property).
    {
      ...nestCase(`@Injectable()\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n  constructor(@Inject(REQUEST) private readonly request: unknown) {}\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 6, suggestions: [] }],
    },
    {
      ...nestCase(`@Injectable()\nexport class ChatService {\n  constructor(@Inject(REQUEST) request: unknown) {\n    const tracer = ${NEST_INIT};\n    tracer.createSession();\n  }\n}`),
      errors: [
        {
          messageId: "perRequest",
          data: NEST_REQUEST,
          line: 7,
          suggestions: hoistSuggestion(
            `${NEST}${getter(`{ project: "chat" }`)}@Injectable()\nexport class ChatService {\n  constructor(@Inject(REQUEST) request: unknown) {\n    const tracer = getTracer();\n    tracer.createSession();\n  }\n}`,
          ),
        },
      ],
    },
    {
      ...nestCase(`@Injectable()\nexport class ChatService {\n  @Inject(REQUEST) private readonly request!: unknown;\n  private tracer = ${NEST_INIT};\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 7, suggestions: [] }],
    },
    // A custom provider registered request-scoped in a module of the file (`{ provide, useClass, scope }`).
    {
      ...nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\n@Module({ providers: [{ provide: "CHAT", useClass: ChatService, scope: Scope.REQUEST }] })\nexport class ChatModule {}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 6, suggestions: [] }],
    },
    // ... or by a request-scoped factory that returns a new instance of it (review-rules4).
    {
      ...nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\n@Module({ providers: [{ provide: "CHAT", useFactory: (config: unknown) => new ChatService(), inject: ["CONFIG"], scope: Scope.REQUEST }] })\nexport class ChatModule {}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 6, suggestions: [] }],
    },
    {
      ...nestCase(`import { Module } from "@nestjs/common";\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n}\n@Module({ providers: [{ provide: "CHAT", async useFactory() {\n  const made = () => new Map();\n  made();\n  return new ChatService();\n}, scope: Scope.REQUEST }] })\nexport class ChatModule {}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 6, suggestions: [] }],
    },
    // gaps-rules-5: a request-scoped factory that makes the tracer itself runs per request.
    {
      ...nestCase(`import { Module } from "@nestjs/common";\n@Module({ providers: [{ provide: "TRACER", useFactory: () => ${NEST_INIT}, scope: Scope.REQUEST }] })\nexport class TracingModule {}`),
      errors: [{ messageId: "perRequest", data: NEST_FACTORY, line: 5, suggestions: [] }],
    },
    {
      ...nestCase(`import { Module } from "@nestjs/common";\n@Module({ providers: [{ provide: "TRACER", async useFactory(config: { project: string }) {\n  return HoneyHiveTracer.init({ project: config.project });\n}, inject: ["CONFIG"], scope: Scope.REQUEST }] })\nexport class TracingModule {}`),
      errors: [{ messageId: "perRequest", data: NEST_FACTORY, line: 6, suggestions: [] }],
    },
    // Scope bubbling, one level: a provider injecting a request-scoped one is request-scoped too.
    {
      ...nestCase(`@Injectable({ scope: Scope.REQUEST })\nexport class RequestContext {}\n@Injectable()\nexport class ChatService {\n  private tracer = ${NEST_INIT};\n  constructor(private readonly context: RequestContext) {}\n}`),
      errors: [{ messageId: "perRequest", data: NEST_REQUEST, line: 8, suggestions: [] }],
    },
  ],
});

// fix-blind8-rest: DI containers other than NestJS (analysis/knowledge/di-containers.ts). A class the
// container makes on every resolve (tsyringe `@injectable()`/undecorated/`@scoped(Lifecycle.ResolutionScoped)`/
// `register(…, { lifecycle: Lifecycle.Transient })`; inversify's default, `inTransientScope()`, `inRequestScope()`),
// resolved inside a handler, runs its field initializers per request. One made once (`@singleton()`,
// `registerSingleton`, `Lifecycle.Singleton`/`ContainerScoped`, `inSingletonScope()`), or resolved outside a
// handler, does not.
const TSY = `import { container, injectable, singleton, scoped, Lifecycle } from "tsyringe";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
const INV = `import { Container, injectable } from "inversify";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\nconst container = new Container();\n`;
const HOLDER = `class Tracing {\n  readonly tracer = HoneyHiveTracer.init({ project: "chat" });\n}\n`;
const ROUTE = (resolve: string) => `app.post("/chat", (_req, res) => {\n  ${resolve}.tracer.createSession({ sessionName: "chat" });\n  res.json({});\n});`;
const DI_REQUEST = (handler: string) => ({ creation: "HoneyHiveTracer.init()", handler, session: REQUEST_SESSION, unit: "request" });
const TSY_CLASS = "tsyringe class (a new instance per `resolve`)";
const INV_CLASS = "inversify class bound in transient or request scope (a new instance per `get`)";
ruleTester.run(`${RULE_NAME}: tsyringe and inversify containers`, testedRule, {
  valid: [
    `${TSY}@singleton()\n${HOLDER}${ROUTE("container.resolve(Tracing)")}`,
    `${TSY}@scoped(Lifecycle.ContainerScoped)\n${HOLDER}${ROUTE("container.resolve(Tracing)")}`,
    `${TSY}@injectable()\n${HOLDER}container.registerSingleton(Tracing);\n${ROUTE("container.resolve(Tracing)")}`,
    `${TSY}${HOLDER}container.register("tracing", { useClass: Tracing }, { lifecycle: Lifecycle.Singleton });\n${ROUTE('container.resolve<Tracing>("tracing")')}`,
    // Resolved once at module level, then used per request.
    `${TSY}@injectable()\n${HOLDER}const tracing = container.resolve(Tracing);\n${ROUTE("tracing")}`,
    `${INV}@injectable()\n${HOLDER}container.bind(Tracing).toSelf().inSingletonScope();\n${ROUTE("container.get(Tracing)")}`,
    // Look-alikes: a `container` of the project, a `Container` of another package, a resolve of another class.
    `import { container } from "./di";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n${HOLDER}${ROUTE("container.resolve(Tracing)")}`,
    `import { Container } from "typedi";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\nconst container = new Container();\n${HOLDER}${ROUTE("container.get(Tracing)")}`,
    `${TSY}@injectable()\n${HOLDER}class Other { readonly tracer = tracing; }\nconst tracing = HoneyHiveTracer.init();\n${ROUTE("container.resolve(Other)")}`,
  ],
  invalid: [
    { code: `${TSY}@injectable()\n${HOLDER}${ROUTE("container.resolve(Tracing)")}`, errors: [{ messageId: "perRequest", data: DI_REQUEST(TSY_CLASS), line: 7, suggestions: [] }] },
    { code: `${TSY}${HOLDER}${ROUTE("container.resolve(Tracing)")}`, errors: [{ messageId: "perRequest", data: DI_REQUEST(TSY_CLASS), line: 6, suggestions: [] }] },
    { code: `${TSY}@scoped(Lifecycle.ResolutionScoped)\n${HOLDER}${ROUTE("container.resolve(Tracing)")}`, errors: [{ messageId: "perRequest", data: DI_REQUEST(TSY_CLASS), line: 7, suggestions: [] }] },
    {
      code: `${TSY}${HOLDER}container.register("tracing", { useClass: Tracing }, { lifecycle: Lifecycle.Transient });\n${ROUTE('container.resolve<Tracing>("tracing")')}`,
      errors: [{ messageId: "perRequest", data: DI_REQUEST(TSY_CLASS), line: 6, suggestions: [] }],
    },
    // A constructor init (not a field), the instance destructured.
    {
      code: `${TSY}@injectable()\nclass Tracing {\n  readonly tracer: HoneyHiveTracer;\n  constructor() { this.tracer = HoneyHiveTracer.init(); }\n}\napp.post("/chat", (_req, res) => {\n  const { tracer } = container.resolve(Tracing);\n  tracer.createSession();\n  res.json({});\n});`,
      errors: [{ messageId: "perRequest", data: DI_REQUEST(TSY_CLASS), line: 8, suggestions: [] }],
    },
    { code: `${INV}@injectable()\n${HOLDER}container.bind(Tracing).toSelf();\n${ROUTE("container.get(Tracing)")}`, errors: [{ messageId: "perRequest", data: DI_REQUEST(INV_CLASS), line: 8, suggestions: [] }] },
    {
      code: `${INV}@injectable()\n${HOLDER}container.bind("Tracing").to(Tracing).inRequestScope();\n${ROUTE('container.get<Tracing>("Tracing")')}`,
      errors: [{ messageId: "perRequest", data: DI_REQUEST(INV_CLASS), line: 8, suggestions: [] }],
    },
  ],
});

// gaps-rules-6b: a class that makes a tracer in a field initializer or its constructor, instantiated with a
// plain `new` in a handler (uncached), makes one per request; one made once, cached, or whose field reads a
// shared tracer does not.
ruleTester.run(`${RULE_NAME}: new of a class that inits a tracer in a field or constructor`, testedRule, {
  valid: [
    `${EXPRESS}${HOLDER}const tracing = new Tracing();\n${ROUTE("tracing")}`,
    `${EXPRESS}${HOLDER}let tracing: Tracing | undefined;\n${ROUTE("(tracing ??= new Tracing())")}`,
    `${EXPRESS}const shared = HoneyHiveTracer.init({ project: "chat" });\nclass Tracing {\n  readonly tracer = shared;\n}\n${ROUTE("new Tracing()")}`,
    `${EXPRESS}let cached: HoneyHiveTracer | undefined;\nconst getTracer = () => (cached ??= HoneyHiveTracer.init({ project: "chat" }));\nclass Tracing {\n  readonly tracer = getTracer();\n}\n${ROUTE("new Tracing()")}`,
    // A field holding a function that makes a tracer is not run by \`new\`.
    `${EXPRESS}class Tracing {\n  readonly make = () => HoneyHiveTracer.init({ project: "chat" });\n}\n${ROUTE("new Tracing()")}`,
    // A static field runs once, with the class.
    `${EXPRESS}class Tracing {\n  static readonly tracer = HoneyHiveTracer.init({ project: "chat" });\n}\n${ROUTE("new Tracing().constructor")}`,
  ],
  invalid: [
    {
      code: `${EXPRESS}${HOLDER}${ROUTE("new Tracing()")}`,
      errors: [{ messageId: "perRequest", data: { creation: "HoneyHiveTracer.init()", handler: "Express handler (through `new Tracing()`)", session: REQUEST_SESSION, unit: "request" }, line: 5, suggestions: [] }],
    },
    {
      code: `${EXPRESS}class Tracing {\n  readonly tracer: HoneyHiveTracer;\n  constructor(project: string) { this.tracer = HoneyHiveTracer.init({ project }); }\n}\napp.post("/chat", (req, res) => {\n  const tracing = new Tracing("chat");\n  tracing.tracer.createSession();\n  res.json({});\n});`,
      errors: [{ messageId: "perRequest", line: 6, suggestions: [] }],
    },
  ],
});

// fix-blind11-flow: the function a wrapper or factory of the file returns is the handler (`app.use(tracing("chat"))`,
// an exported `withTracing(fn)`): a tracer made there is made per request; one made in the factory itself is made once.
describe("fix-blind11-flow: handlers returned by the file's factories", () => {
  const EXPRESS_PKG = { "package.json": JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0", express: "^4.21.2" } }) };
  const reports = (code: string): number =>
    lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/server.ts", files: EXPRESS_PKG }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const HEAD = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
  it.each([
    `${HEAD}function tracing(project: string) {\n  return (req, res, next) => {\n    res.locals.tracer = HoneyHiveTracer.init({ project });\n    next();\n  };\n}\napp.use(tracing("chat"));`,
    `import { HoneyHiveTracer } from "honeyhive";\nfunction withTracing(fn) {\n  return async (event) => {\n    const tracer = HoneyHiveTracer.init({ project: "jobs" });\n    try { return await fn(event, tracer); } finally { await tracer.forceFlush(); }\n  };\n}\nexport const handler = withTracing(async (event, tracer) => ({ id: event.id }));`,
  ])("reported: %s", (code) => expect(reports(code)).toBeGreaterThan(0));
  it.each([
    // Made once, when app.use() calls the factory at startup.
    `${HEAD}function tracing(project: string) {\n  const tracer = HoneyHiveTracer.init({ project });\n  return (req, res, next) => {\n    res.locals.tracer = tracer;\n    next();\n  };\n}\napp.use(tracing("chat"));`,
    // A factory whose returned middleware makes another library's object, and a vendor wrapper's argument.
    `${HEAD}function timing(label: string) {\n  return (req, res, next) => {\n    res.locals.timer = new Map([[label, Date.now()]]);\n    next();\n  };\n}\napp.use(timing("chat"));`,
  ])("quiet: %s", (code) => expect(reports(code)).toBe(0));
});
