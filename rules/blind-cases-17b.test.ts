// Blind cases, round 17b (a second seventeenth round, rules/blind-cases-17.test.ts being the first): handler shapes of
// the issue 13 list in their less common forms, import styles of a project's own tracer module, honeyhive 1.x and
// OpenTelemetry exporting to HoneyHive, and look-alikes. Each program is linted with ALL EIGHT rules at once and asserts
// every message as `rule:line` (short ids of SHORT_RULE_NAMES), written from the seeds and docs/rules/*.md BEFORE the
// first run; where the first run disagreed, the case says who was wrong and what changed.
import { describe, expect, it } from "vitest";
import { rules } from "./index.js";
import { type AnyRule, lintWithAllRules } from "./test-utils/blind-cases.js";
import { HH1, HH2, pkg, project, projectAt, TRACING_TS } from "./test-utils/programs.js";

interface Program {
  readonly name: string;
  readonly code: string;
  /** Relative to the temporary project. */
  readonly filename: string;
  /** The project's other files (package.json included). */
  readonly files: Readonly<Record<string, string>>;
  /** `short:line` of every message, in any order; [] for a quiet program. */
  readonly expected: readonly string[];
}

const p = (name: string, filename: string, files: Record<string, string>, expected: readonly string[], code: string): Program => ({
  name,
  filename,
  files,
  expected,
  code,
});

/** A TypeScript project's tsconfig.json mapping `alias/*` to `target/*`. */
const tsconfigPaths = (alias: string, target: string): string => JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { [`${alias}/*`]: [`${target}/*`] } } });

/** A CommonJS tracing module: the module-level tracer of the seeds, exported with `module.exports`. */
const TRACING_CJS = `const { HoneyHiveTracer } = require("honeyhive");\n\nmodule.exports = { tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" }) };\n`;

/** A tracer module whose default export is the tracer. */
const DEFAULT_TRACER = `import { HoneyHiveTracer } from "honeyhive";\n\nexport default HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n`;

// ================================================================================================================
// Handler shapes of the issue 13 list, in their less common forms
// ================================================================================================================
const HANDLERS: Program[] = [
  p(
    "Hono app.on([methods], path): sessionStart on the module tracer",
    "src/server.ts",
    project({ hono: "^4.6.0", "@hono/node-server": "^1.13.0" }),
    ["start:8"],
    `import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { tracer } from "./tracing";

const app = new Hono();

app.on(["GET", "POST"], "/chat", async (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  return c.json(await tracer.startSpan("chat", async () => ({ ok: true })));
});

serve({ fetch: app.fetch, port: 3000 });
`,
  ),
  p(
    "Hono factory.createMiddleware in createHandlers: the session id from a header, unchecked",
    "src/routes.ts",
    project({ hono: "^4.6.0" }),
    ["sid:8"],
    `import { Hono } from "hono";
import { createFactory } from "hono/factory";
import { tracer } from "./tracing";

const factory = createFactory();

const withSession = factory.createMiddleware(async (c, next) => {
  tracer.createSession({ sessionId: c.req.header("x-session-id") });
  await next();
});

const handlers = factory.createHandlers(withSession, async (c) => c.json({ ok: await tracer.startSpan("chat", async () => true) }));

export const routes = new Hono().post("/chat", ...handlers);
`,
  ),
  p(
    "Elysia .group(prefix, app => app.post(…)): a tracer made per request",
    "src/index.ts",
    project({ elysia: "^1.1.0" }),
    ["init:7"],
    `import { Elysia } from "elysia";
import { HoneyHiveTracer } from "honeyhive";

new Elysia()
  .group("/v1", (app) =>
    app.post("/chat", async ({ body }) => {
      const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "elysia" });
      return tracer.startSpan("chat", async () => ({ echo: body }));
    }),
  )
  .listen(3000);
`,
  ),
  p(
    "fastify-plugin with options: an onRequest hook creates the session after an await",
    "src/plugins/sessions.ts",
    projectAt({ fastify: "^5.0.0", "fastify-plugin": "^5.0.0" }, "src/tracing.ts"),
    ["lost:8"],
    `import fp from "fastify-plugin";
import type { FastifyPluginAsync } from "fastify";
import { tracer } from "../tracing";

const sessions: FastifyPluginAsync = async (fastify) => {
  fastify.addHook("onRequest", async (request) => {
    const user = await loadUser(request.headers.authorization);
    tracer.createSession({ sessionName: "chat-" + user });
  });
};

async function loadUser(token: string | undefined): Promise<string> {
  return token ?? "anonymous";
}

export default fp(sessions, { name: "sessions" });
`,
  ),
  p(
    "Koa with @koa/router (prefix): the session id of the parsed body, unchecked, to acreateSession",
    "src/app.ts",
    project({ koa: "^2.15.0", "@koa/router": "^13.0.0", "koa-bodyparser": "^4.4.0" }),
    ["sid:10"],
    `import Koa from "koa";
import Router from "@koa/router";
import bodyParser from "koa-bodyparser";
import { tracer } from "./tracing";

const router = new Router({ prefix: "/api" });

router.post("/chat", async (ctx) => {
  const { sessionId } = ctx.request.body as { sessionId: string };
  await tracer.acreateSession({ sessionId });
  ctx.body = await tracer.startSpan("chat", async () => "ok");
});

const app = new Koa();
app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(3000);
`,
  ),
  p(
    "NestJS controller: the tracer injected with @Inject(TOKEN), sessionStart in a @Post() method",
    "src/chat/chat.controller.ts",
    project({ "@nestjs/common": "^10.4.0", "@nestjs/core": "^10.4.0" }),
    ["start:12"],
    `import { Body, Controller, Inject, Post } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";

export const HONEYHIVE = Symbol("HONEYHIVE");

@Controller("chat")
export class ChatController {
  constructor(@Inject(HONEYHIVE) private readonly tracer: HoneyHiveTracer) {}

  @Post()
  async chat(@Body() body: { message: string }) {
    this.tracer.sessionStart({ sessionName: "chat" });
    return this.tracer.startSpan("chat", async () => body.message);
  }
}
`,
  ),
  p(
    "Express Router chain router.route(path).get(…).post(…): a route parameter as the session id",
    "src/routes/chat.ts",
    project({ express: "^4.21.0" }),
    ["sid:10"],
    `import { Router } from "express";
import { tracer } from "../tracing";

export const chat = Router();

chat
  .route("/chat/:sessionId")
  .get((_req, res) => res.json({ ok: true }))
  .post(async (req, res) => {
    tracer.createSession({ sessionId: req.params.sessionId });
    res.json(await tracer.startSpan("chat", async () => "ok"));
  });
`,
  ),
  p(
    "middy 5 middy().use(…).handler(fn): traces, never flushes",
    "src/handler.ts",
    project({ "@middy/core": "^5.4.0", "@middy/http-error-handler": "^5.4.0" }),
    // Reported on the wrapped function, the one the fix edits (short-middy), not on the export line.
    ["flush:7"],
    `import middy from "@middy/core";
import httpErrorHandler from "@middy/http-error-handler";
import { tracer } from "./tracing";

export const handler = middy()
  .use(httpErrorHandler())
  .handler(async (event: { body: string }) => {
    tracer.createSession({ sessionName: "lambda" });
    const answer = await tracer.startSpan("answer", async () => event.body.length);
    return { statusCode: 200, body: String(answer) };
  });
`,
  ),
  p(
    "SST v2 ApiHandler: traces, never flushes",
    "packages/functions/src/chat.ts",
    projectAt({ sst: "^2.43.0" }, "packages/functions/src/tracing.ts"),
    ["flush:4"],
    `import { ApiHandler, useJsonBody } from "sst/node/api";
import { tracer } from "./tracing";

export const handler = ApiHandler(async () => {
  const body = useJsonBody();
  tracer.createSession({ sessionName: "sst" });
  const reply = await tracer.startSpan("reply", async () => String(body.message));
  return { statusCode: 200, body: reply };
});
`,
  ),
  p(
    "Azure Functions v4 app.http in a CommonJS .js file: traces, never flushes",
    "src/functions/chat.js",
    { "package.json": pkg({ ...HH2, "@azure/functions": "^4.5.0" }, { main: "src/functions/*.js" }) },
    // First expectation flush:9 (the handler function): wrong, a registration's handler is reported at the
    // registration, `app.http(…)` (as for a .ts file: fixtures/require-force-flush-in-lambda/azure-functions-http).
    ["flush:6"],
    `const { app } = require("@azure/functions");
const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "azure" });

app.http("chat", {
  methods: ["POST"],
  authLevel: "function",
  handler: async (request, context) => {
    const { message } = await request.json();
    tracer.createSession({ sessionName: context.invocationId });
    const reply = await tracer.startSpan("reply", async () => String(message));
    return { jsonBody: { reply } };
  },
});
`,
  ),
  p(
    "Azure Functions v4 app.post in CommonJS, the tracer required from ../tracing, flushed in finally (correct)",
    "src/functions/summarize.js",
    { "package.json": pkg({ ...HH2, "@azure/functions": "^4.5.0" }, { main: "src/functions/*.js" }), "src/tracing.js": TRACING_CJS },
    [],
    `const { app } = require("@azure/functions");
const { tracer } = require("../tracing");

app.post("summarize", async (request) => {
  try {
    tracer.createSession({ sessionName: "summarize" });
    return { body: await tracer.startSpan("summarize", async () => request.text()) };
  } finally {
    await tracer.forceFlush();
  }
});
`,
  ),
  p(
    "Cloudflare Worker `export default { fetch } satisfies ExportedHandler<Env>`: a lazy tracer, ctx.waitUntil(flush) (correct)",
    "src/index.ts",
    { "package.json": pkg({ ...HH2 }, { devDependencies: { wrangler: "^3.80.0", "@cloudflare/workers-types": "^4.0.0" } }) },
    [],
    `import { HoneyHiveTracer } from "honeyhive";

interface Env {
  HH_API_KEY: string;
}

let tracer: HoneyHiveTracer | undefined;

export default {
  async fetch(request, env, ctx) {
    tracer ??= HoneyHiveTracer.init({ apiKey: env.HH_API_KEY, project: "worker" });
    tracer.createSession({ sessionName: new URL(request.url).pathname });
    const body = await tracer.startSpan("fetch", async () => "ok");
    ctx.waitUntil(tracer.forceFlush());
    return new Response(body);
  },
} satisfies ExportedHandler<Env>;
`,
  ),
  p(
    "Cloudflare Worker `satisfies ExportedHandler`: a scheduled() that traces without a flush",
    "src/cron.ts",
    project({}, {}, { devDependencies: { wrangler: "^3.80.0" } }),
    ["flush:4"],
    `import { tracer } from "./tracing";

export default {
  async scheduled(controller, env, ctx) {
    tracer.createSession({ sessionName: controller.cron });
    await tracer.startSpan("cron", async () => env.KV.get("last-run"));
  },
} satisfies ExportedHandler<{ KV: KVNamespace }>;
`,
  ),
  p(
    "Deno.serve({ port, hostname }, handler) on Deno Deploy: a tracer made per request",
    "main.ts",
    { "deno.json": JSON.stringify({ imports: { honeyhive: "npm:honeyhive@^2.0.0" } }) },
    ["init:4"],
    `import { HoneyHiveTracer } from "honeyhive";

Deno.serve({ port: 8000, hostname: "0.0.0.0" }, async (req) => {
  const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "deno" });
  const text = await req.text();
  return new Response(await tracer.startSpan("echo", async () => text));
});
`,
  ),
  p(
    "Next.js pages/api `const handler: NextApiHandler` exported by name as default, tracer through the @/ alias, self-hosted: sessionStart",
    "src/pages/api/chat.ts",
    { "package.json": pkg({ ...HH2, next: "^14.2.0" }), "tsconfig.json": tsconfigPaths("@", "src"), "src/lib/tracer.ts": TRACING_TS },
    ["start:5"],
    `import type { NextApiHandler } from "next";
import { tracer } from "@/lib/tracer";

const handler: NextApiHandler = async (req, res) => {
  tracer.sessionStart({ sessionName: "chat-" + String(req.query.topic) });
  if (req.method !== "POST") return res.status(405).end();
  res.json(await tracer.startSpan("reply", async () => String(req.body.message)));
};

export default handler;
`,
  ),
  p(
    "Next.js pages/api route in JavaScript on Netlify (netlify.toml): the tracer required, flushed before the response (correct)",
    "pages/api/summarize.js",
    { "package.json": pkg({ ...HH2, next: "^14.2.0" }), "netlify.toml": `[build]\ncommand = "next build"\n`, "lib/tracer.js": TRACING_CJS },
    [],
    `const { tracer } = require("../../lib/tracer");

module.exports = async function summarize(req, res) {
  tracer.createSession({ sessionName: "summarize" });
  const summary = await tracer.startSpan("summarize", async () => String(req.body.text).slice(0, 100));
  await tracer.forceFlush();
  res.status(200).json({ summary });
};
`,
  ),
  p(
    "Netlify `export const handler: Handler` in netlify/functions: traces, never flushes",
    "netlify/functions/chat.ts",
    project({ "@netlify/functions": "^2.8.0" }),
    ["flush:4"],
    `import type { Handler } from "@netlify/functions";
import { tracer } from "../../src/tracing";

export const handler: Handler = async (event) => {
  tracer.createSession({ sessionName: "netlify" });
  const reply = await tracer.startSpan("reply", async () => event.body ?? "");
  return { statusCode: 200, body: reply };
};
`,
  ),
  p(
    "Netlify Functions 2.0 `export default async (req, context)` in a subfolder's index.mts: context.waitUntil(flush) (correct)",
    "netlify/functions/summarize/index.mts",
    project({ "@netlify/functions": "^2.8.0" }),
    [],
    `import type { Config, Context } from "@netlify/functions";
import { tracer } from "../../../src/tracing";

export default async (req: Request, context: Context) => {
  tracer.createSession({ sessionName: context.requestId });
  const text = await tracer.startSpan("summarize", async () => (await req.text()).slice(0, 100));
  context.waitUntil(tracer.forceFlush());
  return new Response(text);
};

export const config: Config = { path: "/api/summarize" };
`,
  ),
  p(
    "GCF functions.cloudEvent (namespace import of the Functions Framework): traces, never flushes",
    "src/index.ts",
    project({ "@google-cloud/functions-framework": "^3.4.0" }),
    ["flush:4"],
    `import * as functions from "@google-cloud/functions-framework";
import { tracer } from "./tracing";

functions.cloudEvent<{ message: { data: string } }>("onMessage", async (cloudEvent) => {
  tracer.createSession({ sessionName: cloudEvent.id });
  await tracer.startSpan("message", async () => Buffer.from(cloudEvent.data!.message.data, "base64").toString());
});
`,
  ),
  p(
    "GCF functions.http in CommonJS: a tracer made per request (flushed)",
    "index.js",
    { "package.json": pkg({ ...HH2, "@google-cloud/functions-framework": "^3.4.0" }) },
    ["init:5"],
    `const functions = require("@google-cloud/functions-framework");
const { HoneyHiveTracer } = require("honeyhive");

functions.http("chat", async (req, res) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "gcf" });
  const reply = await tracer.startSpan("chat", async () => req.body.message);
  await tracer.forceFlush();
  res.send(reply);
});
`,
  ),
  p(
    "Elysia onBeforeHandle lifecycle hook: sessionStart on the module tracer",
    "src/index.ts",
    project({ elysia: "^1.1.0" }),
    ["start:6"],
    `import { Elysia } from "elysia";
import { tracer } from "./tracing";

new Elysia()
  .onBeforeHandle(({ request }) => {
    tracer.sessionStart({ sessionName: new URL(request.url).pathname });
  })
  .post("/chat", async ({ body }) => tracer.startSpan("chat", async () => body))
  .listen(3000);
`,
  ),
  p(
    "Koa router.use(middleware) of @koa/router: a tracer made per request",
    "src/router.ts",
    project({ koa: "^2.15.0", "@koa/router": "^13.0.0" }),
    ["init:7"],
    `import Router from "@koa/router";
import { HoneyHiveTracer } from "honeyhive";

export const router = new Router();

router.use(async (ctx, next) => {
  ctx.state.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa" });
  await next();
});
`,
  ),
];

// ================================================================================================================
// Import styles: the tracer from a module of the project's own
// ================================================================================================================
const IMPORTS: Program[] = [
  p(
    "default export: `export default HoneyHiveTracer.init(…)` in lib/tracer.ts, a Lambda that never flushes",
    "src/handler.ts",
    { "package.json": pkg({ ...HH2, "@types/aws-lambda": "^8.10.0" }), "lib/tracer.ts": DEFAULT_TRACER },
    ["flush:4"],
    `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import tracer from "../lib/tracer";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  tracer.createSession({ sessionName: event.requestContext.requestId });
  const body = await tracer.startSpan("handle", async () => event.body ?? "");
  return { statusCode: 200, body };
};
`,
  ),
  p(
    "barrel: `export { default as tracer } from './tracer'` in observability/index.ts, sessionStart in Express",
    "src/server.ts",
    {
      "package.json": pkg({ ...HH2, express: "^4.21.0" }),
      "src/observability/tracer.ts": DEFAULT_TRACER,
      "src/observability/metrics.ts": `export const requests = { count: 0 };\n`,
      "src/observability/index.ts": `export { default as tracer } from "./tracer";\nexport * from "./metrics";\n`,
    },
    ["start:6"],
    `import express from "express";
import { tracer } from "./observability";

const app = express();
app.post("/chat", express.json(), async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(await tracer.startSpan("chat", async () => req.body));
});
app.listen(3000);
`,
  ),
  p(
    "path alias ~/ (tsconfig paths): trace() without the tracer in a file that imports one",
    "src/jobs/summarize.ts",
    { "package.json": pkg(HH2), "tsconfig.json": tsconfigPaths("~", "src"), "src/server/tracer.ts": TRACING_TS },
    ["explicit:4"],
    `import { trace } from "honeyhive";
import { tracer } from "~/server/tracer";

export const summarize = trace({ eventType: "tool" }, async (text: string) => text.slice(0, 200));

export async function run(text: string) {
  tracer.createSession({ sessionName: "script" });
  const result = await summarize(text);
  await tracer.forceFlush();
  return result;
}
`,
  ),
  p(
    "package.json subpath import #tracing (ESM .mjs): a Lambda that never flushes",
    "src/handler.mjs",
    {
      "package.json": pkg(HH2, { type: "module", imports: { "#tracing": "./src/tracing.mjs" } }),
      "src/tracing.mjs": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n`,
    },
    ["flush:3"],
    `import { tracer } from "#tracing";

export const handler = async (event) => {
  tracer.createSession({ sessionName: "lambda" });
  return { statusCode: 200, body: await tracer.startSpan("work", async () => JSON.stringify(event)) };
};
`,
  ),
  p(
    "namespace import `import * as obs from './tracing'`: obs.tracer.sessionStart() in Express middleware",
    "src/server.ts",
    project({ express: "^4.21.0" }),
    ["start:6"],
    `import express from "express";
import * as obs from "./tracing";

const app = express();
app.use((req, _res, next) => {
  obs.tracer.sessionStart({ sessionName: req.path });
  next();
});
app.get("/health", (_req, res) => res.send("ok"));
app.listen(8080);
`,
  ),
  p(
    "CommonJS module held whole: `const tracing = require('./tracing')`, exports.handler never flushes",
    "src/handler.js",
    { "package.json": pkg(HH2), "src/tracing.js": TRACING_CJS },
    ["flush:3"],
    `const tracing = require("./tracing");

exports.handler = async (event, context) => {
  tracing.tracer.createSession({ sessionName: context.awsRequestId });
  const result = await tracing.tracer.startSpan("work", async () => event.detail);
  return result;
};
`,
  ),
  p(
    "lazy getTracer() from lib/hh.ts, flushed in finally (correct)",
    "src/handler.ts",
    {
      "package.json": pkg(HH2),
      "src/lib/hh.ts": `import { HoneyHiveTracer } from "honeyhive";

let instance: HoneyHiveTracer | undefined;

export function getTracer(): HoneyHiveTracer {
  instance ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lambda" });
  return instance;
}
`,
    },
    [],
    `import { getTracer } from "./lib/hh";

export async function handler(event: { question?: string }) {
  const tracer = getTracer();
  try {
    tracer.createSession({ sessionName: "lambda" });
    return await tracer.startSpan("work", async () => event.question ?? "none");
  } finally {
    await tracer.forceFlush();
  }
}
`,
  ),
  p(
    "path alias @/ to lib/tracer.ts: an OpenInference instrumentation made without the provider",
    "lib/ask.ts",
    {
      "package.json": pkg({ ...HH2, openai: "^4.70.0", "@arizeai/openinference-instrumentation-openai": "^2.0.0" }),
      "tsconfig.json": tsconfigPaths("@", "."),
      "lib/tracer.ts": TRACING_TS,
    },
    ["provider:5"],
    `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import OpenAI from "openai";
import { tracer } from "@/lib/tracer";

const instrumentation = new OpenAIInstrumentation();
instrumentation.manuallyInstrument(OpenAI);

export async function ask(question: string) {
  const client = new OpenAI();
  return tracer.startSpan("ask", async () => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] }));
}
`,
  ),
  p(
    "barrel `export * from './tracer'` in a CommonJS-free ESM index, a Lambda that never flushes",
    "src/functions/ingest.ts",
    { "package.json": pkg(HH2), "src/shared/tracer.ts": TRACING_TS, "src/shared/index.ts": `export * from "./tracer";\nexport const TABLE = "chats";\n` },
    ["flush:3"],
    `import { tracer, TABLE } from "../shared";

export async function handler(event: { Records: { body: string }[] }) {
  tracer.createSession({ sessionName: TABLE });
  for (const record of event.Records) await tracer.startSpan("record", async () => record.body.length);
}
`,
  ),
];

// ================================================================================================================
// SDK versions: honeyhive 1.x, OpenTelemetry exporting to HoneyHive, evaluate()
// ================================================================================================================
const VERSIONS: Program[] = [
  p(
    "honeyhive 1.x: `await HoneyHiveTracer.init()` in an Express route",
    "src/server.ts",
    { "package.json": pkg({ ...HH1, express: "^4.21.0" }) },
    ["init:6"],
    `import express from "express";
import { HoneyHiveTracer } from "honeyhive";

const app = express();
app.post("/chat", async (req, res) => {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY!, project: "chat", sessionName: "chat" });
  const reply = await tracer.trace(async () => String(req.body.message));
  res.json({ reply });
});
app.listen(3000);
`,
  ),
  p(
    "honeyhive 1.x: a Lambda whose early return skips `await tracer.flush()`",
    "src/handler.mts",
    { "package.json": pkg(HH1, { type: "module" }) },
    ["flush:5"],
    `import { HoneyHiveTracer } from "honeyhive";

const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY!, project: "lambda" });

export const handler = async (event: { query?: string }) => {
  const answer = await tracer.trace(async () => event.query?.toUpperCase());
  if (!answer) return { statusCode: 400 };
  await tracer.flush();
  return { statusCode: 200, body: answer };
};
`,
  ),
  p(
    "OpenTelemetry NodeTracerProvider exporting to HoneyHive's OTLP endpoint: a Lambda without provider.forceFlush()",
    "src/handler.ts",
    { "package.json": pkg({ "@opentelemetry/sdk-trace-node": "^1.28.0", "@opentelemetry/exporter-trace-otlp-proto": "^0.55.0" }) },
    ["flush:12"],
    `import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";

const exporter = new OTLPTraceExporter({
  url: "https://api.honeyhive.ai/opentelemetry/v1/traces",
  headers: { Authorization: "Bearer " + process.env.HH_API_KEY, project: "lambda" },
});
const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
provider.register();
const otel = provider.getTracer("lambda");

export const handler = async (event: { q: string }) =>
  otel.startActiveSpan("handle", async (span) => {
    span.setAttribute("q", event.q);
    span.end();
    return { statusCode: 200 };
  });
`,
  ),
  p(
    "OpenTelemetry exporting to HoneyHive (the key in x-api-key): a Lambda flushing the provider in finally (correct)",
    "src/handler.ts",
    { "package.json": pkg({ "@opentelemetry/sdk-trace-node": "^1.28.0", "@opentelemetry/exporter-trace-otlp-http": "^0.55.0" }) },
    [],
    `import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: process.env.OTLP_URL, headers: { "x-api-key": process.env.HH_API_KEY ?? "" } }))],
});
const otel = provider.getTracer("orders");

export async function handler(event: { id: string }) {
  try {
    return await otel.startActiveSpan("order", async (span) => {
      span.end();
      return { id: event.id };
    });
  } finally {
    await provider.forceFlush();
  }
}
`,
  ),
  p(
    "evaluate(): a module tracer bound with trace({ tracer }) to the evaluated function",
    "scripts/experiment.ts",
    { "package.json": pkg(HH2, { type: "module" }) },
    // First expectation evaluate:6 alone: wrong, the initialization is reported too, since nothing but evaluated
    // code uses that tracer (docs/rules/no-global-tracer-with-evaluate.md, "nothing but evaluated code uses it").
    ["evaluate:4", "evaluate:6"],
    `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "rag" });

const pipeline = trace({ tracer, eventType: "chain" }, async ({ inputs }: { inputs: { query: string } }) => ({ answer: inputs.query }));

await evaluate({ function: pipeline, dataset: [{ inputs: { query: "hi" } }], name: "rag-1" });
`,
  ),
];

// ================================================================================================================
// Look-alikes: the same names from other packages, tests, mocks, local functions, another library's flush
// ================================================================================================================
const LOOKALIKES: Program[] = [
  p(
    "look-alike: OpenTelemetry's trace.getTracer() named `tracer` in a Lambda of a project that also depends on honeyhive",
    "src/orders.ts",
    { "package.json": pkg({ ...HH2, "@opentelemetry/api": "^1.9.0" }) },
    [],
    `import { trace } from "@opentelemetry/api";

const tracer = trace.getTracer("orders");

export const handler = async (event: { id: string }) =>
  tracer.startActiveSpan("order", async (span) => {
    span.end();
    return { id: event.id };
  });
`,
  ),
  p(
    "look-alike: a local function called sessionStart(req) in an Express route",
    "src/server.ts",
    project({ express: "^4.21.0" }),
    [],
    `import express from "express";
import { tracer } from "./tracing";

function sessionStart(req: express.Request) {
  return { id: req.get("x-request-id") ?? "anonymous", at: Date.now() };
}

const app = express();
app.get("/chat", async (req, res) => {
  const session = sessionStart(req);
  tracer.createSession({ sessionName: session.id });
  res.json(await tracer.startSpan("chat", async () => session));
});
app.listen(3000);
`,
  ),
  p(
    "look-alike: a pino logger's flush() in a Lambda that does not trace",
    "src/handler.ts",
    { "package.json": pkg({ ...HH2, pino: "^9.5.0" }) },
    [],
    `import pino from "pino";

const logger = pino();

export const handler = async (event: { id: string }) => {
  logger.info({ id: event.id }, "start");
  logger.flush();
  return { ok: true };
};
`,
  ),
  p(
    "a Lambda that traces and flushes only its pino logger: the logger's flush() is no tracer flush",
    "src/handler.ts",
    project({ pino: "^9.5.0" }),
    ["flush:6"],
    `import pino from "pino";
import { tracer } from "./tracing";

const logger = pino();

export const handler = async (event: { id: string }) => {
  tracer.createSession({ sessionName: event.id });
  await tracer.startSpan("work", async () => logger.info("working"));
  logger.flush();
  return { ok: true };
};
`,
  ),
  p(
    "look-alike: a vitest file that makes a tracer in beforeEach and calls sessionStart in a test",
    "src/handler.test.ts",
    project({ vitest: "^2.1.0" }),
    [],
    `import { beforeEach, describe, expect, it } from "vitest";
import { HoneyHiveTracer } from "honeyhive";
import { handler } from "./handler";

let tracer: HoneyHiveTracer;

beforeEach(() => {
  tracer = HoneyHiveTracer.init({ apiKey: "test", project: "test", testMode: true });
});

describe("handler", () => {
  it("answers", async () => {
    tracer.sessionStart({ sessionName: "test" });
    expect(await handler({ q: "hi" })).toEqual({ statusCode: 200 });
  });
});
`,
  ),
  p(
    "look-alike: vi.mock('./tracing') with a fake tracer, in a test file",
    "src/handler.test.ts",
    project({ vitest: "^2.1.0" }),
    [],
    `import { describe, expect, it, vi } from "vitest";

vi.mock("./tracing", () => ({
  tracer: { createSession: vi.fn(), startSpan: vi.fn(async (_name: string, fn: () => unknown) => fn()), forceFlush: vi.fn() },
}));

const { handler } = await import("./handler");

describe("handler", () => {
  it("flushes", async () => {
    await handler({ q: "hi" });
    const { tracer } = await import("./tracing");
    expect(tracer.forceFlush).toHaveBeenCalled();
  });
});
`,
  ),
  p(
    "look-alike: a jest manual mock __mocks__/honeyhive.ts",
    "__mocks__/honeyhive.ts",
    { "package.json": pkg({ ...HH2, jest: "^29.7.0" }) },
    [],
    `export class HoneyHiveTracer {
  static init() {
    return new HoneyHiveTracer();
  }
  createSession() {
    return "00000000-0000-4000-8000-000000000000";
  }
  sessionStart() {
    return this.createSession();
  }
  async forceFlush() {}
}

export const trace = (_options: unknown, fn: unknown) => fn;
`,
  ),
  p(
    "look-alike: dd-trace's tracer.init() inside a Lambda handler",
    "src/handler.ts",
    { "package.json": pkg({ ...HH2, "dd-trace": "^5.25.0" }) },
    [],
    `import tracer from "dd-trace";

export const handler = async (event: { path: string }) => {
  tracer.init({ service: "api" });
  return tracer.trace("handle", async () => ({ statusCode: 200, body: event.path }));
};
`,
  ),
  p(
    "look-alike: a class of the file named HoneyHiveTracer (a stub) made in an Express route",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0" }) },
    [],
    `import express from "express";

class HoneyHiveTracer {
  static init(options: { project: string }) {
    return new HoneyHiveTracer(options.project);
  }
  constructor(readonly project: string) {}
  sessionStart() {
    return this.project;
  }
}

const app = express();
app.get("/", (_req, res) => {
  const tracer = HoneyHiveTracer.init({ project: "x" });
  res.send(tracer.sessionStart());
});
app.listen(3000);
`,
  ),
  p(
    "look-alike: Mixpanel.init() per request in an Express route",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0", mixpanel: "^0.18.0" }) },
    [],
    `import express from "express";
import Mixpanel from "mixpanel";

const app = express();
app.post("/track", express.json(), (req, res) => {
  const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN ?? "");
  mixpanel.track(req.body.event, { distinct_id: req.body.userId, session_id: req.body.sessionId });
  res.sendStatus(204);
});
app.listen(3000);
`,
  ),
  p(
    "look-alike: Lucia's createSession(userId) and validateSession(cookie) in an Express route",
    "src/auth-routes.ts",
    project({ express: "^4.21.0", lucia: "^3.2.0" }, { "src/auth.ts": `import { Lucia } from "lucia";\nimport { adapter } from "./db";\n\nexport const lucia = new Lucia(adapter);\n`, "src/db.ts": `export const adapter = {} as never;\n` }),
    [],
    `import express from "express";
import { lucia } from "./auth";

const app = express();
app.post("/login", express.json(), async (req, res) => {
  await lucia.validateSession(req.cookies.sessionId);
  const session = await lucia.createSession(req.body.userId, {});
  res.cookie("sid", session.id).end();
});
app.listen(3000);
`,
  ),
  p(
    "look-alike: a commander CLI action that makes its tracer once per run and flushes",
    "src/cli.ts",
    project({ commander: "^12.1.0" }, {}, { type: "module" }),
    [],
    `import { Command } from "commander";
import { HoneyHiveTracer } from "honeyhive";

const program = new Command();
program
  .command("ingest <file>")
  .action(async (file: string) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cli" });
    await tracer.startSpan("ingest", async () => file.length);
    await tracer.forceFlush();
  });
await program.parseAsync();
`,
  ),
  p(
    "look-alike: a yargs command module's `export const handler` (no serverless platform) that traces without a flush",
    "src/commands/ingest.ts",
    project({ yargs: "^17.7.0" }),
    // The first run reported flush:8 (a Lambda by the export's name): wrong, a module exporting `command` beside
    // `handler` is a yargs command module (frameworks/aws-lambda.ts, COMMAND_MODULE_EXPORT).
    [],
    `import type { ArgumentsCamelCase, Argv } from "yargs";
import { tracer } from "../tracing";

export const command = "ingest <file>";
export const describe = "Ingest a file";
export const builder = (yargs: Argv) => yargs.positional("file", { type: "string" });

export const handler = async (argv: ArgumentsCamelCase<{ file: string }>) => {
  tracer.createSession({ sessionName: "ingest" });
  await tracer.startSpan("ingest", async () => argv.file);
};
`,
  ),
  p(
    "look-alike: a CommonJS yargs command module (`exports.command = [name, alias]`) whose handler traces without a flush",
    "cli/commands/serve.js",
    { "package.json": pkg({ ...HH2, yargs: "^17.7.0" }), "cli/tracing.js": TRACING_CJS },
    [],
    `const { tracer } = require("../tracing");

exports.command = ["serve [port]", "s"];
exports.describe = "Serve the playground";
exports.handler = async (argv) => {
  tracer.createSession({ sessionName: "serve-" + argv.port });
  await tracer.startSpan("serve", async () => argv.port);
};
`,
  ),
  p(
    "a Lambda typed APIGatewayProxyHandler beside a yargs-like `command` export stays a Lambda (traces, no flush)",
    "src/handler.ts",
    project({ "@types/aws-lambda": "^8.10.0" }),
    ["flush:6"],
    `import type { APIGatewayProxyHandler } from "aws-lambda";
import { tracer } from "./tracing";

export const command = "chat";

export const handler: APIGatewayProxyHandler = async (event) => {
  tracer.createSession({ sessionName: command });
  return { statusCode: 200, body: await tracer.startSpan("chat", async () => event.body ?? "") };
};
`,
  ),
  p(
    "a Lambda whose handler takes APIGatewayProxyEvent beside a yargs-like `command` export stays a Lambda (traces, no flush)",
    "src/chat.ts",
    project({ "@types/aws-lambda": "^8.10.0" }),
    ["flush:6"],
    `import type { APIGatewayProxyEvent } from "aws-lambda";
import { tracer } from "./tracing";

export const command = ["chat", "c"];

export async function handler(event: APIGatewayProxyEvent) {
  tracer.createSession({ sessionName: command[0] });
  return { statusCode: 200, body: await tracer.startSpan("chat", async () => event.body ?? "") };
}
`,
  ),
  p(
    "a Lambda that exports an AWS SDK `command` object beside its handler stays a Lambda (traces, no flush)",
    "src/handler.ts",
    project({ "@aws-sdk/client-dynamodb": "^3.700.0" }),
    ["flush:6"],
    `import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { tracer } from "./tracing";

export const command = new ScanCommand({ TableName: "chats" });

export const handler = async () => {
  tracer.createSession({ sessionName: "scan" });
  return tracer.startSpan("scan", async () => new DynamoDBClient({}).send(command));
};
`,
  ),
  p(
    "Express middleware turning a conversation id into a session id with toSessionId() (correct)",
    "src/server.ts",
    project({ express: "^4.21.0" }),
    [],
    `import express from "express";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

const app = express();
app.use((req, _res, next) => {
  const raw = req.get("x-conversation-id");
  tracer.createSession(raw ? { sessionId: toSessionId(raw) } : { sessionName: "anonymous" });
  next();
});
app.post("/chat", async (req, res) => res.json(await tracer.startSpan("chat", async () => req.body)));
app.listen(3000);
`,
  ),
];

const ALL: readonly (readonly [string, readonly Program[]])[] = [
  ["handler shapes", HANDLERS],
  ["import styles", IMPORTS],
  ["SDK versions", VERSIONS],
  ["look-alikes", LOOKALIKES],
];

for (const [group, programs] of ALL) {
  describe(`blind-17b ${group}`, () => {
    it.each(programs.map((program) => [program.name, program] as const))("%s", (_name, program) => {
      expect(lintWithAllRules(rules as unknown as Record<string, AnyRule>, program.filename, program.code, program.files)).toEqual([...program.expected].sort());
    });
  });
}
