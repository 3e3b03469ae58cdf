import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import rule, { RULE_NAME } from "./no-session-start-in-handler.js";
import { Linter } from "eslint";
import { configForRule, fixWithRule, lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const EXPRESS = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
/** honeyhive 1.x: init is awaited (the model's evidence of 1.x code). */
const EXPRESS_1X = `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
/** Slack Bolt (analysis/knowledge/frameworks/slack-bolt.ts): every listener runs once per Slack event, concurrently. */
const BOLT = `import { App } from "@slack/bolt";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new App({ token: "t", signingSecret: "s" });\n`;
const BOLT_1X = BOLT.replace("HoneyHiveTracer.init(", "await HoneyHiveTracer.init(");

ruleTester.run(RULE_NAME, testedRule, {
  valid: [
    // Slack Bolt look-alikes: a session at startup (not in a listener), an \`App\` of another package, \`app.client\` calls.
    `${BOLT}tracer.sessionStart({ sessionName: "bot" });\napp.event("app_mention", async ({ say }) => { await say("hi"); });\nawait app.start(3000);`,
    `import { App } from "./slack-like";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new App();\napp.event("x", async () => { tracer.sessionStart(); });`,
    `${BOLT}await app.start(3000).then(() => { tracer.sessionStart({ sessionName: "started" }); });`,
    `${BOLT}app.event("app_mention", async ({ say }) => { tracer.createSession({ sessionName: "mention" }); await say("hi"); });`,
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\ntracer.sessionStart({ sessionName: "batch" });\nawait run();`,
    // A function that is not a handler.
    `${EXPRESS}function startBatch() { tracer.sessionStart(); }`,
    // createSession is the recommended call.
    `${EXPRESS}app.post("/x", (req, res) => { tracer.createSession({ sessionName: "x" }); });`,
    // Another library's sessionStart.
    `import express from "express";\nimport { analytics } from "session-analytics";\nconst app = express();\napp.post("/x", (req, res) => { analytics.sessionStart(); });`,
    // A local object named like a tracer but not a HoneyHive one, in a file that uses the SDK.
    `${EXPRESS}const recorder = { sessionStart() {} };\napp.post("/x", (req, res) => { recorder.sessionStart(); });`,
    // An injected service whose field is not a tracer (a look-alike `tracer` of another library), and
    // another member of a service that does hold one.
    `import { Controller, Injectable, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\nimport { Recorder } from "session-recorder";\n@Injectable()\nexport class TracingService { readonly tracer = new Recorder(); readonly hh = HoneyHiveTracer.init(); }\n@Controller("chat")\nexport class ChatController {\n  constructor(private readonly tracing: TracingService) {}\n  @Post() chat() { this.tracing.tracer.sessionStart(); return {}; }\n}`,
    // Shadowed: the parameter is not the module's tracer.
    `${EXPRESS}app.post("/x", (req, res) => { const tracer = req.app.locals.recorder; tracer.sessionStart(); });`,
    // A helper of the file called from a handler is followed one level (fix-blind11-flow, below); two levels are not.
    `${EXPRESS}function openSession() { tracer.sessionStart(); }\nfunction prepare() { openSession(); }\napp.post("/x", (req, res) => { prepare(); });`,
    // Not an Express app: an object that merely has get/post.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nconst routes = new Map();\nroutes.get("/x", () => tracer.sessionStart());`,
    // honeyhive 1.x look-alikes: MongoDB's startSession() in a handler (a client, not a tracer).
    `import express from "express";\nimport { MongoClient } from "mongodb";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();\nconst client = new MongoClient("mongodb://db");\nconst app = express();\napp.post("/x", async (req, res) => { const session = client.startSession(); await session.endSession(); });`,
    // PostHog's sessionStart-like API and a local startSession().
    `${EXPRESS_1X}const posthog = { sessionStart() {}, startSession() {} };\napp.post("/x", (req, res) => { posthog.startSession(); posthog.sessionStart(); });`,
    // The 1.x REST client is request-scoped: starting a session through it per request is right.
    `import express from "express";\nimport { HoneyHive } from "honeyhive";\nconst sdk = new HoneyHive({ bearerAuth: process.env.HH_API_KEY });\nconst app = express();\napp.post("/x", async (req, res) => { await sdk.session.startSession({ session: { project: "p", sessionName: "x", source: "prod" } }); });`,
    `import express from "express";\nimport { Client } from "@honeyhive/api-client";\nconst client = new Client({ apiKey: "k" });\nconst app = express();\napp.post("/x", async (req, res) => { await client.sessions.start({ project: "p" }); });`,
    // A 1.x tracer initialized per request (the seed's Lambda pattern): its session is the request's own.
    `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async (event) => {\n  const tracer = await HoneyHiveTracer.init({ project: "p" });\n  await tracer.startSession();\n  await tracer.flush();\n};`,
    // 1.x startSession() in a script: one session for the run is what the script means.
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();\nawait tracer.startSession();`,
    // 1.x `tracer.sessionId = id` look-alikes: on a tracer made in the handler (its own session), at
    // module level or in a script, on a request's own object, on another library's session object,
    // and a read of the shared tracer's sessionId.
    `import { HoneyHiveTracer } from "honeyhive";\nexport const handler = async (event) => {\n  const tracer = await HoneyHiveTracer.init({ project: "p" });\n  tracer.sessionId = event.headers["x-session-id"];\n  await tracer.flush();\n};`,
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init({ project: "p" });\ntracer.sessionId = process.env.HH_SESSION_ID;`,
    `${EXPRESS_1X}app.post("/x", (req, res) => { req.sessionId = req.header("x-session-id"); res.locals.sessionId = req.sessionId; res.end(); });`,
    `import express from "express";\nimport { MongoClient } from "mongodb";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();\nconst client = new MongoClient("mongodb://db");\nconst app = express();\napp.post("/x", async (req, res) => { const session = client.startSession(); session.sessionId = req.body.id; res.json({ id: tracer.sessionId }); });`,
    `${EXPRESS_1X}function joinThread(id) { tracer.sessionId = id; }\nawait joinThread(process.env.THREAD);`,
    // A getter caching another library's client on globalThis (the dev-reload singleton) is no tracer getter.
    {
      code: `import { MongoClient } from "mongodb";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();\nfunction db() {\n  globalThis.mongo ??= new MongoClient("mongodb://db");\n  return globalThis.mongo;\n}\nexport async function POST() { const session = db().startSession(); await session.endSession(); return new Response(tracer.sessionId); }`,
      filename: "app/api/x/route.ts",
    },
    // The same with a plain `if (!globalThis.x) globalThis.x = …` cache; and a tracer stored in a slot
    // other than the one the test checks (made again on every call: no shared tracer to start a session on).
    {
      code: `import { MongoClient } from "mongodb";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();\nfunction db() {\n  if (!globalThis.mongo) globalThis.mongo = new MongoClient("mongodb://db");\n  return globalThis.mongo;\n}\nexport async function POST() { const session = db().startSession(); await session.endSession(); return new Response(tracer.sessionId); }`,
      filename: "app/api/x/route.ts",
    },
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nfunction getTracer() {\n  if (!globalThis.ready) globalThis.hh = HoneyHiveTracer.init({ project: "p" });\n  return globalThis.hh;\n}\nexport async function POST() { getTracer().sessionStart(); return new Response("ok"); }`,
      filename: "app/api/x/route.ts",
    },
    // The `else` of a test that the slot is empty: it replaces a filled slot's tracer on every call (not one cached tracer).
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nfunction getTracer() {\n  if (!globalThis.hh) log("empty"); else globalThis.hh = HoneyHiveTracer.init({ project: "p" });\n  return globalThis.hh;\n}\nexport async function POST() { getTracer().sessionStart(); return new Response("ok"); }`,
      filename: "app/api/x/route.ts",
    },
    // Langfuse / LangSmith code in a handler.
    `import express from "express";\nimport { Langfuse } from "langfuse";\nconst langfuse = new Langfuse();\nconst app = express();\napp.post("/x", async (req, res) => { const trace = langfuse.trace({ name: "x", sessionId: req.body.id }); await langfuse.flushAsync(); });`,
    // A Next.js-looking export outside app/**/route.*.
    {
      code: `import { tracer } from "@/lib/tracing";\nexport async function POST() { tracer.sessionStart(); }`,
      filename: "src/lib/post.ts",
    },
  ],
  invalid: [
    {
      // Slack Bolt: one listener call per event, run concurrently (blind-1x-3 D5: every mention shared the startup session).
      code: `${BOLT_1X}app.event("app_mention", async ({ event, say }) => {\n  const sessionId = await tracer.startSession();\n  await say(event.text + sessionId);\n});`,
      output: null,
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "Slack Bolt handler", unit: "event" }, line: 6 }],
    },
    {
      // app.message with a pattern, app.command, app.action with a constraint object, global middleware.
      code: `${BOLT}app.message(/hello/, async ({ say }) => { tracer.sessionStart(); await say("hi"); });\napp.command("/ask", async ({ ack }) => { await ack(); tracer.sessionStart(); });\napp.action({ callback_id: "c" }, async () => { tracer.sessionStart(); });\napp.use(async ({ next }) => { tracer.sessionStart(); await next(); });`,
      output: `${BOLT}app.message(/hello/, async ({ say }) => { tracer.createSession(); await say("hi"); });\napp.command("/ask", async ({ ack }) => { await ack(); tracer.createSession(); });\napp.action({ callback_id: "c" }, async () => { tracer.createSession(); });\napp.use(async ({ next }) => { tracer.createSession(); await next(); });`,
      errors: [1, 2, 3, 4].map(() => ({ messageId: "sessionStartInHandler" as const, data: { tracer: "tracer", handler: "Slack Bolt handler", unit: "event" } })),
    },
    {
      // honeyhive 1.x: reported without a fix (1.x has no createSession).
      code: `${EXPRESS_1X}app.post("/chat", async (req, res) => {\n  await tracer.startSession();\n});`,
      output: null,
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "Express handler", unit: "request" }, line: 6, column: 16, endColumn: 28 }],
    },
    {
      // 1.x `tracer.sessionId = header` on the module's tracer: every in-flight request switches to the
      // last one's session (real-code-public-2 shape 09). No fix: joining per request needs a tracer per request.
      code: `${EXPRESS_1X}app.post("/message", async (req, res) => {\n  const thread = req.header("x-session-id");\n  if (thread) tracer.sessionId = thread;\n  await tracer.enrichSession({ metadata: { n: 1 } });\n  res.json({ ok: true });\n});`,
      output: null,
      errors: [{ messageId: "sessionIdAssignedInHandler1x", data: { tracer: "tracer", property: "sessionId", handler: "Express handler", unit: "request" }, line: 7, column: 22, endColumn: 31 }],
    },
    {
      // …through a getter's tracer in a Lambda, with `??=` and a computed key.
      code: `import { HoneyHiveTracer } from "honeyhive";\nlet cached;\nconst getTracer = async () => (cached ??= await HoneyHiveTracer.init({ project: "p" }));\nexport const handler = async (event) => {\n  const tracer = await getTracer();\n  tracer["sessionId"] ??= event.sessionId;\n  await tracer.flush();\n};`,
      output: null,
      errors: [{ messageId: "sessionIdAssignedInHandler1x", data: { tracer: "tracer", property: '"sessionId"', handler: "AWS Lambda handler", unit: "invocation" } }],
    },
    {
      // A 1.x getter keeping its init promise on globalThis (`??=`, through a cast) across dev reloads
      // (real-code-public-2 shape 37, there imported from lib/hh.ts).
      code: `import { HoneyHiveTracer } from "honeyhive";\nfunction getTracer() {\n  (globalThis as any).hhTracer ??= HoneyHiveTracer.init({ project: "p" });\n  return (globalThis as any).hhTracer;\n}\nexport async function POST() { const t = await getTracer(); await t.startSession(); return new Response("ok"); }`,
      filename: "app/api/chat/route.ts",
      output: null,
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "t", handler: "Next.js route handler", unit: "request" } }],
    },
    // A plain assignment that runs only while the global slot is empty caches as `??=` does.
    ...[
      `if (!globalThis.hh) globalThis.hh = HoneyHiveTracer.init({ project: "p" });`,
      `if ((globalThis as any).hh === undefined) {\n    (globalThis as any).hh = HoneyHiveTracer.init({ project: "p" });\n  }`,
      `if (typeof global.hh === "undefined") global.hh = HoneyHiveTracer.init({ project: "p" });`,
      // The `else` of a test that the slot is filled (review-rules4).
      `if (globalThis.hh) {
    log("cached");
  } else globalThis.hh = HoneyHiveTracer.init({ project: "p" });`,
    ].map((cache) => {
      const slot = cache.includes("(globalThis as any)") ? "(globalThis as any).hh" : cache.includes("global.hh") ? "global.hh" : "globalThis.hh";
      const code = `import { HoneyHiveTracer } from "honeyhive";\nfunction getTracer() {\n  ${cache}\n  return ${slot};\n}\nexport async function POST() { getTracer().sessionStart(); return new Response("ok"); }`;
      return {
        code,
        filename: "app/api/chat/route.ts",
        output: code.replace("getTracer().sessionStart()", "getTracer().createSession()"),
        errors: [{ messageId: "sessionStartInHandler" as const, data: { tracer: "getTracer()", handler: "Next.js route handler", unit: "request" } }],
      };
    }),
    {
      // …with `||=` on `global`, returned as the assignment's value.
      code: `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = () => (global.hh ||= HoneyHiveTracer.init({ project: "p" }));\nexport const handler = async (event) => { const t = await tracer(); await t.startSession(); await t.flush(); };`,
      output: null,
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "t", handler: "AWS Lambda handler", unit: "invocation" } }],
    },
    {
      // 1.x through a module promise awaited in the handler, and initFromSessionId.
      code: `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracerPromise = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/chat", async (req, res) => {\n  const tracer = await tracerPromise;\n  await tracer.startSession();\n});`,
      output: null,
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "Express handler", unit: "request" } }],
    },
    {
      code: `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.initFromSessionId({ sessionId: "s" });\nexport const handler = async (event) => { await tracer.startSession(); };`,
      output: null,
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "AWS Lambda handler", unit: "invocation" } }],
    },
    {
      // A 1.x tracer imported from the project's tracing module, obtained through an async getter.
      code: `import { getTracer } from "@/lib/tracing";\nexport async function POST() { const tracer = await getTracer(); await tracer.startSession(); return new Response("ok"); }`,
      output: null,
      filename: "src/app/api/chat/route.ts",
      errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "Next.js route handler", unit: "request" } }],
    },
    {
      code: `${EXPRESS}app.post("/chat", async (req, res) => {\n  tracer.sessionStart({ sessionName: "chat" });\n});`,
      output: `${EXPRESS}app.post("/chat", async (req, res) => {\n  tracer.createSession({ sessionName: "chat" });\n});`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Express handler", unit: "request" }, line: 6, column: 10, endColumn: 22 }],
    },
    {
      // Renamed import, optional call, handler declared elsewhere and passed by name.
      code: `import express from "express";\nimport { HoneyHiveTracer as HH } from "honeyhive";\nconst t = HH.init();\nconst router = express.Router();\nconst chat = async (req, res) => { t?.sessionStart(); };\nrouter.post("/x", chat);`,
      output: `import express from "express";\nimport { HoneyHiveTracer as HH } from "honeyhive";\nconst t = HH.init();\nconst router = express.Router();\nconst chat = async (req, res) => { t?.createSession(); };\nrouter.post("/x", chat);`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "t", handler: "Express handler", unit: "request" }, line: 5, column: 39 }],
    },
    {
      // Computed member keeps its quotes.
      code: `${EXPRESS}app.use((req, res, next) => { tracer['sessionStart'](); next(); });`,
      output: `${EXPRESS}app.use((req, res, next) => { tracer['createSession'](); next(); });`,
      errors: [{ messageId: "sessionStartInHandler", line: 5, column: 38 }],
    },
    {
      // require + destructuring, CommonJS, node:http.
      code: `const http = require("http");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nhttp.createServer((req, res) => { tracer.sessionStart(); res.end(); }).listen(80);`,
      output: `const http = require("http");\nconst { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nhttp.createServer((req, res) => { tracer.createSession(); res.end(); }).listen(80);`,
      filename: "server.cjs",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "node:http request handler", unit: "request" } }],
    },
    {
      // Member require and namespace import; nested callback inside the handler still counts.
      code: `import * as hh from "honeyhive";\nimport Fastify from "fastify";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = Fastify();\napp.get("/x", async () => { await Promise.all([1].map(async () => tracer.sessionStart())); });`,
      output: `import * as hh from "honeyhive";\nimport Fastify from "fastify";\nconst tracer = hh.HoneyHiveTracer.init();\nconst app = Fastify();\napp.get("/x", async () => { await Promise.all([1].map(async () => tracer.createSession())); });`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Fastify handler", unit: "request" } }],
    },
    {
      code: `const tracer = require("honeyhive").HoneyHiveTracer.init();\nexports.handler = async (event) => { tracer.sessionStart(); };`,
      output: `const tracer = require("honeyhive").HoneyHiveTracer.init();\nexports.handler = async (event) => { tracer.createSession(); };`,
      filename: "index.js",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "AWS Lambda handler", unit: "invocation" } }],
    },
    {
      // A local alias of an imported getter inside a Lambda handler (.cts, CommonJS-flavoured TypeScript).
      code: `import { getTracer } from "./tracing";\nexport const handler = async () => {\n  const tracer = getTracer();\n  tracer.sessionStart();\n};`,
      output: `import { getTracer } from "./tracing";\nexport const handler = async () => {\n  const tracer = getTracer();\n  tracer.createSession();\n};`,
      filename: "handler.cts",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "AWS Lambda handler", unit: "invocation" }, line: 4, column: 10 }],
    },
    {
      // Lazy getter called inline; Next.js route by file name (.tsx extension works too).
      code: `import { getTracer } from "../../../lib/tracing";\nexport const GET = async () => { getTracer().sessionStart(); return new Response("ok"); };`,
      output: `import { getTracer } from "../../../lib/tracing";\nexport const GET = async () => { getTracer().createSession(); return new Response("ok"); };`,
      filename: "src/app/api/health/route.tsx",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "getTracer()", handler: "Next.js route handler", unit: "request" } }],
    },
    {
      code: `import { Controller, Get } from "@nestjs/common";\nimport { tracer } from "./tracing";\n@Controller()\nexport class AppController {\n  @Get()\n  hello() { tracer.sessionStart(); return "hi"; }\n}`,
      output: `import { Controller, Get } from "@nestjs/common";\nimport { tracer } from "./tracing";\n@Controller()\nexport class AppController {\n  @Get()\n  hello() { tracer.createSession(); return "hi"; }\n}`,
      filename: "app.controller.mts",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "NestJS handler", unit: "request" } }],
    },
    {
      // The tracer is a field of an injected service (one more member hop): `this.tracing.tracer`.
      code: `import { Controller, Injectable, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\n@Injectable()\nexport class TracingService { readonly tracer = HoneyHiveTracer.init({ project: "p" }); }\n@Controller("chat")\nexport class ChatController {\n  constructor(private readonly tracing: TracingService) {}\n  @Post() chat() { this.tracing.tracer.sessionStart(); return {}; }\n}`,
      output: `import { Controller, Injectable, Post } from "@nestjs/common";\nimport { HoneyHiveTracer } from "honeyhive";\n@Injectable()\nexport class TracingService { readonly tracer = HoneyHiveTracer.init({ project: "p" }); }\n@Controller("chat")\nexport class ChatController {\n  constructor(private readonly tracing: TracingService) {}\n  @Post() chat() { this.tracing.tracer.createSession(); return {}; }\n}`,
      filename: "chat.controller.ts",
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "this.tracing.tracer", handler: "NestJS handler", unit: "request" }, line: 8 }],
    },
  ],
});

describe(`${RULE_NAME} on the fixtures`, () => {
  const fixtures = loadFixtures(RULE_NAME);
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(10));

  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))("%s", (_id, fixture) => {
    const before = lintWithRule(RULE_NAME, rule, fixture.before, fixture.filename);
    expect(before.filter((message) => message.fatal)).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((message) => message.ruleId !== `honeyhive/${RULE_NAME}`)).toEqual([]);
    if (fixture.marker) {
      // honeyhive 1.x startSession(): no fix; the codemod's marker leaves the finding in place.
      expect(fixWithRule(RULE_NAME, rule, fixture.before, fixture.filename)).toBe(fixture.before);
      expect(lintWithRule(RULE_NAME, rule, fixture.after, fixture.filename).map((message) => message.messageId)).toEqual(["startSessionInHandler1x"]);
      return;
    }
    // The autofix writes exactly what the codemod writes.
    expect(fixWithRule(RULE_NAME, rule, fixture.before, fixture.filename)).toBe(fixture.after);
    expect(lintWithRule(RULE_NAME, rule, fixture.after, fixture.filename)).toEqual([]);
  });
});

describe(`${RULE_NAME}: an imported session helper speaks its module's honeyhive major`, () => {
  const root = mkdtempSync(join(tmpdir(), "hh-session-helper-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const ROUTE = `import express from "express";\nimport { openChatSession } from "./sessions.js";\nconst app = express();\napp.post("/chat", async (req, res) => {\n  res.json({ id: await openChatSession() });\n});\n`;
  /** Lints ROUTE as src/route.js of a project whose src/sessions.js starts a session on its shared tracer. */
  function lint(name: string, honeyhiveRange: string, tracing: string, method: string) {
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ name, type: "module", dependencies: { honeyhive: honeyhiveRange, express: "^5.0.0" } }),
      "src/tracing.js": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = ${tracing};\n`,
      "src/sessions.js": `import { tracer } from "./tracing.js";\n\nexport function openChatSession() {\n  return tracer.${method}();\n}\n`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name, path)), { recursive: true });
      writeFileSync(join(root, name, path), text);
    }
    // The Linter's cwd is the project: a file outside the cwd is ignored.
    return new Linter({ configType: "flat", cwd: join(root, name) }).verify(ROUTE, configForRule(RULE_NAME, rule), { filename: join(root, name, "src/route.js") });
  }

  it("a 1.x helper (startSession() on a tracer from an awaited init) names `migrate --from 1`, not createSession() alone", () => {
    const [message, ...rest] = lint("one-x", "^1.0.30", "await HoneyHiveTracer.init({ project: \"p\" })", "startSession");
    expect(rest).toEqual([]);
    expect(message?.messageId).toBe("sessionStartInImportedHelper1x");
    expect(message?.message).toContain("npx honeyhive migrate --from 1");
    expect(message?.message).toContain("src/sessions.js:4");
  });

  it("a 2.x helper (sessionStart()) suggests createSession()", () => {
    const [message, ...rest] = lint("two-x", "^2.0.0", "HoneyHiveTracer.init({ project: \"p\" })", "sessionStart");
    expect(rest).toEqual([]);
    expect(message?.messageId).toBe("sessionStartInImportedHelper");
    expect(message?.message).toContain("`tracer.createSession()`");
    expect(message?.message).not.toContain("--from 1");
  });
});

/** One report of `<tracer>.sessionStart(` in a request handler, fixed to `createSession(`. */
const started = (code: string, tracer: string, handler: string) => ({
  code,
  output: code.replace(`${tracer}.sessionStart(`, `${tracer}.createSession(`),
  errors: [{ messageId: "sessionStartInHandler" as const, data: { tracer, handler, unit: "request" } }],
});

// fix-blind7: the other handler methods of a Durable Object (alarm, the WebSocket Hibernation API's close and
// error) and a Cloudflare Workflow's run() run on one shared instance, interleaved at each await.
// fix-blind8: a tracer in a global slot used directly as the receiver, and one stored once on Koa's
// `app.context` (every ctx's prototype) read per request as `ctx.tracer`.
describe("fix-blind8: global slots and app-context slots as receivers", () => {
  const HH = `import { HoneyHiveTracer } from "honeyhive";\nimport express from "express";\n`;
  const KOA = `import { HoneyHiveTracer } from "honeyhive";\nimport Koa from "koa";\nconst app = new Koa();\n`;
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // Another library's object in a global slot, and a slot the file never fills with a tracer.
      `${HH}import { Recorder } from "session-recorder";\nglobalThis.__rec ??= new Recorder();\nconst app = express();\napp.post("/x", (req, res) => { globalThis.__rec.sessionStart(); res.end(); });`,
      `${HH}globalThis.__hh ??= HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/x", (req, res) => { globalThis.__other.sessionStart(); res.end(); });`,
      // The slot's tracer used at startup, outside any handler (the script pattern).
      `${HH}globalThis.__hh ??= HoneyHiveTracer.init({ project: "p" });\nglobalThis.__hh.sessionStart({ sessionName: "boot" });`,
      // Koa look-alikes: a `context` of an object that is no Koa app, another member of app.context, ctx.state.
      `${KOA}const other = { context: {} as Record<string, unknown> };\nother.context.tracer = HoneyHiveTracer.init({ project: "p" });\napp.use(async (ctx: any) => { ctx.tracer.sessionStart(); });`,
      `${KOA}import { Recorder } from "session-recorder";\napp.context.tracer = HoneyHiveTracer.init({ project: "p" });\napp.context.recorder = new Recorder();\napp.use(async (ctx) => { ctx.recorder.sessionStart(); });`,
      `${KOA}app.context.tracer = HoneyHiveTracer.init({ project: "p" });\napp.use(async (ctx) => { ctx.tracer.createSession({ sessionName: "r" }); });`,
      // gaps-rules-6b: ctx.tracer in a handler of another Koa app of the file (its context holds no tracer).
      `${KOA}app.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst admin = new Koa();\nadmin.use(async (ctx) => { ctx.tracer.sessionStart(); });`,
      // gaps-rules-6b: the `const g = globalThis as unknown as {…}` alias of another library's client, and a plain object named g.
      `${HH}import { Recorder } from "session-recorder";\nconst g = globalThis as unknown as { rec?: Recorder };\ng.rec ??= new Recorder();\nconst app = express();\napp.post("/x", (req, res) => { g.rec!.sessionStart(); res.end(); });`,
      `${HH}const g: { tracer?: HoneyHiveTracer } = {};\nconst app = express();\napp.post("/x", (req, res) => { g.tracer?.sessionStart(); res.end(); });`,
    ],
    invalid: [
      started(`${HH}globalThis.__hh ??= HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/x", (req, res) => { globalThis.__hh.sessionStart({ sessionName: "x" }); res.end(); });`, "globalThis.__hh", "Express handler"),
      started(`${HH}(globalThis as any).tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/x", (req, res) => { (globalThis as any).tracer.sessionStart(); res.end(); });`, "(globalThis as any).tracer", "Express handler"),
      started(`${HH}if (!global.hh) global.hh = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/x", (req, res) => { global.hh.sessionStart(); res.end(); });`, "global.hh", "Express handler"),
      started(`${KOA}app.context.tracer = HoneyHiveTracer.init({ project: "p" });\napp.use(async (ctx) => { ctx.tracer.sessionStart({ sessionName: "r" }); ctx.body = "ok"; });`, "ctx.tracer", "Koa handler"),
      // gaps-rules-6b: the slot reached through `const g = globalThis as unknown as {…}`.
      started(`${HH}const g = globalThis as unknown as { tracer?: HoneyHiveTracer };\ng.tracer ??= HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/x", (req, res) => { g.tracer!.sessionStart(); res.end(); });`, "g.tracer!", "Express handler"),
      started(`${KOA}import Router from "@koa/router";\napp.context.tracer = HoneyHiveTracer.init({ project: "p" });\nconst router = new Router();\nrouter.post("/chat", async (ctx) => { ctx.tracer.sessionStart(); });\napp.use(router.routes());`, "ctx.tracer", "Koa handler"),
      started(`${KOA}const tracer = HoneyHiveTracer.init({ project: "p" });\napp.context.hh = tracer;\napp.use(async (context, next) => { context.hh.sessionStart(); await next(); });`, "context.hh", "Koa handler"),
    ],
  });
});

describe("fix-blind7: per-call code of job and workflow runtimes", () => {
  const HEAD = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^2.0.0", ...deps } });
  const CF_FILES = { "package.json": pkg({}), "wrangler.toml": `name = "x"\nmain = "src/index.ts"\ncompatibility_date = "2025-09-01"\n` };
  const cf = (code: string): Case => ({ name: code, code: `${HEAD}${code}`, filename: "src/room.ts", files: CF_FILES });
  const doClass = (base: string, method: string, from = "cloudflare:workers"): Case =>
    cf(`import { ${base} } from "${from}";\nexport class Room extends ${base}<{ K: string }> {\n  async ${method} {\n    tracer.sessionStart({ sessionName: "x" });\n  }\n}`);
  const apollo = (code: string): Case => ({
    name: code,
    code: `${HEAD}import { ApolloServer } from "@apollo/server";\nconst server = new ApolloServer({ typeDefs: "type Query { a: String }", resolvers: {} });\n${code}`,
    filename: "src/gql.ts",
    files: { "package.json": pkg({ "@apollo/server": "^4.12.0", express: "^4.21.0" }) },
  });
  const trigger = (code: string): Case => ({ name: code, code: `${HEAD}${code}`, filename: "src/trigger/t.ts", files: { "package.json": pkg({ "@trigger.dev/sdk": "^4.0.0" }) } });
  const reports = (testCase: Case): number => lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  const reported: Case[] = [
    doClass("DurableObject", "alarm()"),
    doClass("DurableObject", "webSocketClose(ws: WebSocket, code: number)"),
    doClass("DurableObject", "webSocketError(ws: WebSocket, error: unknown)"),
    doClass("WorkflowEntrypoint", "run(event: unknown, step: unknown)"),
    // An exported function of a Temporal activity module (run concurrently per activity task in one worker).
    { name: "temporal activity module", code: `${HEAD}import { Context } from "@temporalio/activity";\nexport async function summarize(id: string) { Context.current().heartbeat(); tracer.sessionStart({ sessionName: id }); }`, filename: "src/activities.ts", files: { "package.json": pkg({ "@temporalio/activity": "^1.12.0" }) } },
    // A Pothos resolver (per operation), also in a file that imports the project's builder module.
    { name: "pothos", code: `${HEAD}import SchemaBuilder from "@pothos/core";\nconst builder = new SchemaBuilder({});\nbuilder.mutationType({ fields: (t) => ({ ask: t.string({ resolve: () => { tracer.sessionStart({ sessionName: "ask" }); return "a"; } }) }) });`, filename: "src/schema.ts", files: { "package.json": pkg({ "@pothos/core": "^4.6.0" }) } },
    { name: "pothos builder module", code: `${HEAD}import { builder } from "./builder";\nbuilder.queryField("ask", (t) => t.string({ resolve: () => { tracer.sessionStart({ sessionName: "ask" }); return "a"; } }));`, filename: "src/ask.ts", files: { "package.json": pkg({ "@pothos/core": "^4.6.0" }) } },
    // Apollo Server 4's per-request context function.
    apollo(`import { startStandaloneServer } from "@apollo/server/standalone";\nawait startStandaloneServer(server, { context: async ({ req }) => { tracer.sessionStart({ sessionName: "gql" }); return {}; } });`),
    apollo(`import { expressMiddleware } from "@apollo/server/express4";\nimport express from "express";\nconst app = express();\napp.use("/graphql", expressMiddleware(server, { context: async () => { tracer.sessionStart({ sessionName: "gql" }); return {}; } }));`),
  ];
  const quiet: Case[] = [
    // Another method of the class, a class of another module, a WorkerEntrypoint's run (not one of its handlers).
    doClass("DurableObject", "alarmAt(when: number)"),
    doClass("DurableObject", "alarm()", "./base"),
    doClass("WorkflowEntrypoint", "run(event: unknown, step: unknown)", "./workflows"),
    doClass("WorkerEntrypoint", "run()"),
    // A function of the same name from another module, the server's listen options (run once).
    apollo(`import { startStandaloneServer } from "./standalone";\nawait startStandaloneServer(server, { context: async () => { tracer.sessionStart({ sessionName: "gql" }); return {}; } });`),
    apollo(`import { startStandaloneServer } from "@apollo/server/standalone";\ntracer.sessionStart({ sessionName: "boot" });\nawait startStandaloneServer(server, { listen: { port: 4000 } });`),
    // Pothos: the schema built once at startup (not a resolver).
    { name: "pothos toSchema", code: `${HEAD}import SchemaBuilder from "@pothos/core";\nconst builder = new SchemaBuilder({});\nbuilder.queryType({ fields: (t) => { tracer.sessionStart({ sessionName: "build" }); return { a: t.string({ resolve: () => "a" }) }; } });`, filename: "src/schema.ts", files: { "package.json": pkg({ "@pothos/core": "^4.6.0" }) } },
    // A module importing only Temporal's types.
    // Not named as Temporal lays out an activity module (src/activities.ts is one by its layout: frameworks/temporal.ts).
    { name: "temporal types only", code: `${HEAD}import type { Context } from "@temporalio/activity";\nexport async function summarize(c: Context) { tracer.sessionStart({ sessionName: "x" }); return c; }`, filename: "src/summaries.ts", files: { "package.json": pkg({ "@temporalio/activity": "^1.12.0" }) } },
    // Trigger.dev runs one run per task run process at a time (the descriptor's \`concurrent: false\`): no race.
    trigger(`import { task } from "@trigger.dev/sdk/v3";\nexport const t = task({ id: "t", run: async () => { tracer.sessionStart({ sessionName: "job" }); } });`),
    trigger(`import { schedules } from "@trigger.dev/sdk";\nexport const t = schedules.task({ id: "t", cron: "0 * * * *", run: async () => { tracer.sessionStart({ sessionName: "job" }); } });`),
  ];
  it.each(reported.map((testCase) => [testCase.name, testCase] as const))("reported: %s", (_name, testCase) => expect(reports(testCase)).toBeGreaterThan(0));
  it.each(quiet.map((testCase) => [testCase.name, testCase] as const))("quiet: %s", (_name, testCase) => expect(reports(testCase)).toBe(0));
});

// fix-blind8-rest: a tracer held by a class a DI container makes once (analysis/knowledge/di-containers.ts:
// tsyringe `@singleton()`, inversify `inSingletonScope()`) is one tracer for every request; one made per
// resolve (`@injectable()`, transient) is the request's own (its init per request is no-tracer-init-in-handler's).
const TSY_APP = `import { container, injectable, singleton } from "tsyringe";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
const INV_APP = `import { Container, injectable } from "inversify";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\nconst container = new Container();\n`;
const TRACING = `class Tracing {\n  readonly tracer = HoneyHiveTracer.init({ project: "chat" });\n}\n`;
const route = (body: string) => `app.post("/chat", (_req, res) => {\n  ${body}\n  res.json({});\n});`;
ruleTester.run(`${RULE_NAME}: tsyringe and inversify containers`, testedRule, {
  valid: [
    `${TSY_APP}@injectable()\n${TRACING}${route("container.resolve(Tracing).tracer.sessionStart();")}`,
    `${INV_APP}@injectable()\n${TRACING}container.bind(Tracing).toSelf().inTransientScope();\n${route("container.get(Tracing).tracer.sessionStart();")}`,
    // A `container` of the project, and the recommended call on the shared one.
    `import { container } from "./di";\nimport express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n${TRACING}${route("container.resolve(Tracing).tracer.sessionStart();")}`,
    `${TSY_APP}@singleton()\n${TRACING}${route("container.resolve(Tracing).tracer.createSession();")}`,
  ],
  invalid: [
    {
      code: `${TSY_APP}@singleton()\n${TRACING}${route("container.resolve(Tracing).tracer.sessionStart();")}`,
      output: `${TSY_APP}@singleton()\n${TRACING}${route("container.resolve(Tracing).tracer.createSession();")}`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "container.resolve(Tracing).tracer", handler: "Express handler", unit: "request" }, line: 10 }],
    },
    {
      code: `${TSY_APP}@singleton()\n${TRACING}${route("const { tracer } = container.resolve(Tracing);\n  tracer.sessionStart();")}`,
      output: `${TSY_APP}@singleton()\n${TRACING}${route("const { tracer } = container.resolve(Tracing);\n  tracer.createSession();")}`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Express handler", unit: "request" }, line: 11 }],
    },
    {
      code: `${INV_APP}@injectable()\n${TRACING}container.bind(Tracing).toSelf().inSingletonScope();\n${route("container.get(Tracing).tracer.sessionStart();")}`,
      output: `${INV_APP}@injectable()\n${TRACING}container.bind(Tracing).toSelf().inSingletonScope();\n${route("container.get(Tracing).tracer.createSession();")}`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "container.get(Tracing).tracer", handler: "Express handler", unit: "request" }, line: 12 }],
    },
    // A plain holder destructured in a handler (the same one-level read).
    {
      code: `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n${TRACING}const tracing = new Tracing();\n${route("const { tracer } = tracing;\n  tracer.sessionStart();")}`,
      output: `import express from "express";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n${TRACING}const tracing = new Tracing();\n${route("const { tracer } = tracing;\n  tracer.createSession();")}`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "tracer", handler: "Express handler", unit: "request" }, line: 10 }],
    },
  ],
});

// fix-blind11-holders: a tracer held where blind-11 found it missed. (a) a private `#tracer` behind a getter; (b) a
// class's one instance (`Obs.instance`, `Obs.getInstance()`); (e) what an app keeps for its handlers, as data
// (analysis/knowledge/app-lifetime.ts): Fastify `decorate`, Hono `c.set`/`c.get`/`c.var`, Express `req.<name>`,
// `res.locals`, `app.locals` read through `req.app`. Look-alikes: the same shapes holding another library's object.
describe("fix-blind11-holders: private fields, class singletons, values an app keeps for its handlers", () => {
  const HH = `import { HoneyHiveTracer } from "honeyhive";\n`;
  const EXPRESS_APP = `${HH}import express from "express";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\n`;
  const FASTIFY_APP = `${HH}import Fastify from "fastify";\nconst app = Fastify();\n`;
  const HONO_APP = `${HH}import { Hono } from "hono";\nimport { Recorder } from "session-recorder";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = new Hono();\n`;
  const PRIVATE = (value: string) => `${HH}import express from "express";\nimport { Recorder } from "session-recorder";\nclass Obs {\n  readonly #tracer = ${value};\n  get tracer() { return this.#tracer; }\n}\nconst obs = new Obs();\nconst app = express();\n`;
  const SINGLETON = (statics: string) => `${HH}import express from "express";\nclass Obs {\n  ${statics}\n  readonly tracer = HoneyHiveTracer.init({ project: "p" });\n}\nconst app = express();\n`;
  const expressRoute = (receiver: string, method = "sessionStart") => `app.post("/x", (req, res) => { ${receiver}.${method}({ sessionName: "x" }); res.end(); });`;
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      // (a) a `#tracer` of another library's class behind the same getter.
      `${PRIVATE("new Recorder()")}${expressRoute("obs.tracer")}`,
      // (b) a static method making an instance per call (a factory), and a static field swapped for another class's instance.
      `${SINGLETON("static create() { return new Obs(); }")}${expressRoute("Obs.create().tracer")}`,
      `${SINGLETON("static instance = new Obs();")}import { Recorder } from "session-recorder";\nexport function swap() { Obs.instance = new Recorder() as never; }\n${expressRoute("Obs.instance.tracer")}`,
      // (e) Fastify: decorate() on an object no framework makes; another decorated name holding an in-house recorder.
      `${HH}import { Registry } from "./registry";\nconst app = new Registry();\napp.decorate("tracer", HoneyHiveTracer.init({ project: "p" }));\nexport async function handle(request: any) { request.server.tracer.sessionStart(); }`,
      `${FASTIFY_APP}import { Recorder } from "session-recorder";\napp.decorate("tracer", HoneyHiveTracer.init({ project: "p" }));\napp.decorate("recorder", new Recorder());\napp.post("/x", async (request) => { request.server.recorder.sessionStart(); });`,
      // (e) Hono: c.get("tracer") holding an in-house recorder; a tracer made per request (its own session).
      `${HONO_APP}app.use(async (c, next) => { c.set("tracer", new Recorder()); await next(); });\napp.post("/x", (c) => { c.get("tracer").sessionStart(); return c.text("ok"); });`,
      `${HONO_APP}app.use(async (c, next) => { c.set("tracer", HoneyHiveTracer.init({ project: "p" })); await next(); });\napp.post("/x", (c) => { c.get("tracer").sessionStart(); return c.text("ok"); });`,
      // (e) Express: req.tracer made per request; res.locals.tracer set in a function no app registers.
      `${EXPRESS_APP}app.use((req: any, _res, next) => { req.tracer = HoneyHiveTracer.init({ project: "p" }); next(); });\n${expressRoute("(req as any).tracer")}`,
      `${EXPRESS_APP}export function attach(_req: unknown, res: any, next: () => void) { res.locals.tracer = tracer; next(); }\n${expressRoute("res.locals.tracer")}`,
    ],
    invalid: [
      started(`${PRIVATE("HoneyHiveTracer.init({ project: \"p\" })")}${expressRoute("obs.tracer")}`, "obs.tracer", "Express handler"),
      started(`${SINGLETON("static readonly instance = new Obs();")}${expressRoute("Obs.instance.tracer")}`, "Obs.instance.tracer", "Express handler"),
      started(`${SINGLETON("private static instance?: Obs;\n  static getInstance() { return (this.instance ??= new Obs()); }")}${expressRoute("Obs.getInstance().tracer")}`, "Obs.getInstance().tracer", "Express handler"),
      started(`${FASTIFY_APP}app.decorate("tracer", HoneyHiveTracer.init({ project: "p" }));\napp.post("/x", async (request) => { request.server.tracer.sessionStart(); });`, "request.server.tracer", "Fastify handler"),
      started(`${HONO_APP}app.use(async (c, next) => { c.set("tracer", tracer); await next(); });\napp.post("/x", (c) => { c.get("tracer").sessionStart(); return c.text("ok"); });`, 'c.get("tracer")', "Hono handler"),
      started(`${HONO_APP}app.use(async (c, next) => { c.set("tracer", tracer); await next(); });\napp.post("/x", (c) => { c.var.tracer.sessionStart(); return c.text("ok"); });`, "c.var.tracer", "Hono handler"),
      started(`${EXPRESS_APP}app.use((req: any, _res, next) => { req.tracer = tracer; next(); });\n${expressRoute("(req as any).tracer")}`, "(req as any).tracer", "Express handler"),
      started(`${EXPRESS_APP}app.use((_req, res, next) => { res.locals.tracer = tracer; next(); });\n${expressRoute("res.locals.tracer")}`, "res.locals.tracer", "Express handler"),
      started(`${EXPRESS_APP}app.locals.tracer = tracer;\n${expressRoute("req.app.locals.tracer")}`, "req.app.locals.tracer", "Express handler"),
    ],
  });
});

// fix-blind11-flow: a session start written in a function or method of the file that a handler calls (one level:
// by name, on `this`, on a `const x = new C()` made outside the handler), in the middleware a factory of the file
// returns (`app.use(sessionMiddleware(tracer))`), and on a getter memoized for the process (lodash `memoize`).
const SERVICE = `class ChatService {\n  constructor(private readonly tracer: HoneyHiveTracer) {}\n  open() { return this.tracer.sessionStart({ sessionName: "chat" }); }\n}\n`;
const MEMO = `import express from "express";\nimport memoize from "lodash/memoize";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\n`;
ruleTester.run(`${RULE_NAME}: called helpers, returned middleware, memoized getters`, testedRule, {
  valid: [
    // The service made in the handler with the handler's own tracer: its session is the call's own.
    `import { HoneyHiveTracer } from "honeyhive";\n${SERVICE}export const handler = async () => {\n  const tracer = HoneyHiveTracer.init();\n  const chat = new ChatService(tracer);\n  chat.open();\n  await tracer.forceFlush();\n};`,
    // The helper is called at startup only, not from the route.
    `${EXPRESS}function openSession() { tracer.sessionStart(); }\nopenSession();\napp.post("/x", (req, res) => { res.json({}); });`,
    // The helper makes its own tracer per call.
    `${EXPRESS}function openSession() { const own = HoneyHiveTracer.init(); own.sessionStart(); }\napp.post("/x", (req, res) => { openSession(); });`,
    // A user withSession() wrapper unrelated to HoneyHive (a DB session), and a vendor wrapper with the recommended call.
    `${EXPRESS}const db = { startSession() { return {}; } };\nfunction withSession(fn) { return (req, res) => { db.startSession(); return fn(req, res); }; }\napp.post("/x", withSession((req, res) => res.json({})));`,
    `import asyncHandler from "express-async-handler";\n${EXPRESS}app.post("/x", asyncHandler(async (req, res) => { tracer.createSession(); res.json({}); }));`,
    // A memoize of something else, and React's per-request cache (a new tracer per request: its own session).
    `${MEMO}const getRecorder = memoize(() => ({ sessionStart() {} }));\napp.post("/x", (req, res) => { getRecorder().sessionStart(); });`,
    `import express from "express";\nimport { cache } from "react";\nimport { HoneyHiveTracer } from "honeyhive";\nconst app = express();\nconst getTracer = cache(() => HoneyHiveTracer.init());\napp.post("/x", (req, res) => { getTracer().sessionStart(); });`,
  ],
  invalid: [
    {
      code: `${EXPRESS}function openSession() { tracer.sessionStart(); }\napp.post("/x", (req, res) => { openSession(); });`,
      output: `${EXPRESS}function openSession() { tracer.createSession(); }\napp.post("/x", (req, res) => { openSession(); });`,
      errors: [{ messageId: "sessionStartInCalledHelper", data: { tracer: "tracer", handler: "Express handler", unit: "request", via: "openSession()", line: "6" }, line: 5 }],
    },
    {
      code: `${EXPRESS}${SERVICE}const chat = new ChatService(tracer);\napp.post("/x", (req, res) => { chat.open(); res.json({}); });`,
      output: `${EXPRESS}${SERVICE.replace("sessionStart", "createSession")}const chat = new ChatService(tracer);\napp.post("/x", (req, res) => { chat.open(); res.json({}); });`,
      errors: [{ messageId: "sessionStartInCalledHelper", data: { tracer: "this.tracer", handler: "Express handler", unit: "request", via: "chat.open()", line: "10" }, line: 7 }],
    },
    {
      code: `${EXPRESS}function sessionMiddleware(t: HoneyHiveTracer) {\n  return (req, _res, next) => { t.sessionStart(); next(); };\n}\napp.use(sessionMiddleware(tracer));`,
      output: `${EXPRESS}function sessionMiddleware(t: HoneyHiveTracer) {\n  return (req, _res, next) => { t.createSession(); next(); };\n}\napp.use(sessionMiddleware(tracer));`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "t", handler: "Express handler", unit: "request" }, line: 6 }],
    },
    {
      code: `${MEMO}const getTracer = memoize(() => HoneyHiveTracer.init());\napp.post("/x", (req, res) => { getTracer().sessionStart(); });`,
      output: `${MEMO}const getTracer = memoize(() => HoneyHiveTracer.init());\napp.post("/x", (req, res) => { getTracer().createSession(); });`,
      errors: [{ messageId: "sessionStartInHandler", data: { tracer: "getTracer()", handler: "Express handler", unit: "request" }, line: 6 }],
    },
  ],
});

// rules-13: a module Worker's object literal exported by reference (`const worker = {…}; export default worker`, also
// `satisfies ExportedHandler<Env>` on the reference, or `export { worker as default }`): its methods are the Worker's
// handlers (the Cloudflare Workers descriptor reads the default export through the `const`). Checked: already so.
describe("rules-13: a Worker object exported by reference", () => {
  const WORKER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst worker = {\n  async fetch(request: Request, env: Env, ctx: ExecutionContext) {\n    tracer.sessionStart();\n    return new Response("ok");\n  },\n};\n`;
  const reports = (code: string): number =>
    lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/index.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;
  it.each(["export default worker;", "export default worker satisfies ExportedHandler<Env>;", "export { worker as default };"])("reported: %s", (tail) => expect(reports(`${WORKER}${tail}\n`)).toBe(1));
  // Look-alikes: the same object never exported as the default (a named export is no Worker entry point).
  it.each(["export const handlers = worker;", "void worker;"])("quiet: %s", (tail) => expect(reports(`${WORKER}${tail}\n`)).toBe(0));
});

// cf-sw: a Worker in the service-worker syntax (`addEventListener("fetch", listener)`): one isolate serves concurrent
// requests, each in the listener and the work it hands `event.respondWith`, so a session stored on the module's tracer
// races there as in a module Worker. A browser's or a PWA's service worker registers the same way and is not one
// (knowledge/frameworks/cloudflare-workers.ts `cloudflareWorkersServiceWorker`: Workers types or the wrangler entry).
describe("cf-sw: Cloudflare Workers in the service-worker syntax", () => {
  const TYPES = `/// <reference types="@cloudflare/workers-types" />\n`;
  const HEAD = `${TYPES}import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  const handler = { tracer: "tracer", handler: "Cloudflare Workers handler", unit: "invocation" };
  ruleTester.run(RULE_NAME, testedRule, {
    valid: [
      `${HEAD}addEventListener("fetch", (event) => {\n  tracer.createSession();\n  event.respondWith(new Response("ok"));\n});`,
      // Look-alikes: no Workers types nor wrangler entry (a PWA's service worker), a page's message listener, an EventTarget of the app.
      `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nself.addEventListener("fetch", (event) => {\n  tracer.sessionStart();\n  event.respondWith(fetch(event.request));\n});`,
      `${HEAD}window.addEventListener("message", (event) => {\n  tracer.sessionStart();\n});`,
      `${HEAD}const bus = new EventTarget();\nbus.addEventListener("fetch", () => {\n  tracer.sessionStart();\n});`,
    ],
    invalid: [
      {
        code: `${HEAD}addEventListener("fetch", (event) => {\n  tracer.sessionStart();\n  event.respondWith(new Response("ok"));\n});`,
        output: `${HEAD}addEventListener("fetch", (event) => {\n  tracer.createSession();\n  event.respondWith(new Response("ok"));\n});`,
        errors: [{ messageId: "sessionStartInHandler", data: handler, line: 5 }],
      },
      {
        code: `${HEAD}self.addEventListener("fetch", onFetch);\nfunction onFetch(event) {\n  event.respondWith(handleRequest(event));\n}\nasync function handleRequest(event) {\n  tracer.sessionStart();\n  return new Response("ok");\n}`,
        output: `${HEAD}self.addEventListener("fetch", onFetch);\nfunction onFetch(event) {\n  event.respondWith(handleRequest(event));\n}\nasync function handleRequest(event) {\n  tracer.createSession();\n  return new Response("ok");\n}`,
        errors: [{ messageId: "sessionStartInCalledHelper", data: { ...handler, via: "handleRequest()", line: "6" }, line: 9 }],
      },
    ],
  });
});
