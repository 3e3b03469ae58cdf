// The programs of blind round 18, written once: its rule test (rules/blind-cases-18.test.ts: the messages of the eight
// rules) and its codemod test (codemods/blind-18.test.ts: what `honeyhive migrate` makes of them) read the same
// projects. A program is the linted (and migrated) file, `path` in its project of `files`.
import { TRACING_TS } from "./blind-17-programs.js";
import { blindProgram } from "./programs.js";

const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ name: "app", private: true, ...extra, dependencies: deps });
const HH = { honeyhive: "^2.0.0" };
/** A 2.x project of `deps` whose tracer module is src/tracing.ts, plus `extra` files. */
const project = (deps: Record<string, string> = {}, extra: Record<string, string> = {}, pkgExtra: Record<string, unknown> = {}) => ({
  "package.json": pkg({ ...HH, ...deps }, pkgExtra),
  "src/tracing.ts": TRACING_TS,
  ...extra,
});
const program = blindProgram;

// ================================================================================================================
// Handler shapes
// ================================================================================================================

export const SERVERLESS_HTTP = program(
  "src/lambda.ts",
  project({ express: "^4.21.0", "serverless-http": "^3.2.0" }),
  `import express from "express";
import serverless from "serverless-http";
import { tracer } from "./tracing";

const app = express();
app.use(express.json());

app.post("/chat", async (req, res) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => String(req.body.message).toUpperCase());
  res.json({ answer });
});

export const handler = serverless(app);
`,
);

export const VENDIA = program(
  "src/lambda.js",
  { "package.json": pkg({ ...HH, express: "^4.21.0", "@vendia/serverless-express": "^4.12.6" }), "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n` },
  `const express = require("express");
const serverlessExpress = require("@vendia/serverless-express");
const { tracer } = require("./tracing");

const app = express();

app.get("/items/:id", async (req, res) => {
  tracer.sessionStart({ sessionName: "items" });
  const item = await tracer.startSpan("load", async () => ({ id: req.params.id }));
  res.send(item);
});

exports.handler = serverlessExpress({ app });
`,
);

export const CODEGENIE_APP = program(
  "src/app.ts",
  project(
    { express: "^4.21.0", "@codegenie/serverless-express": "^4.16.0" },
    {
      "src/lambda.ts": `import serverlessExpress from "@codegenie/serverless-express";
import app from "./app";

export const handler = serverlessExpress({ app });
`,
    },
  ),
  `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use(express.json());

app.post("/summarize", async (req, res) => {
  const summary = await tracer.startSpan("summarize", async () => String(req.body.text).slice(0, 100));
  res.json({ summary });
});

export default app;
`,
);

export const AWS_LAMBDA_FASTIFY = program(
  "src/lambda.ts",
  project({ fastify: "^5.0.0", "@fastify/aws-lambda": "^5.0.0" }),
  `import Fastify from "fastify";
import awsLambdaFastify from "@fastify/aws-lambda";
import { tracer } from "./tracing";

const app = Fastify();

app.post("/chat", async (request) => {
  tracer.createSession({ sessionName: "chat" });
  return tracer.startSpan("chat", async () => ({ echo: request.body }));
});

export const handler = awsLambdaFastify(app);
`,
);

export const HONO_CLOUDFLARE = program(
  "src/index.ts",
  project({ hono: "^4.6.0" }, { "wrangler.toml": `name = "chat"\nmain = "src/index.ts"\ncompatibility_date = "2024-09-23"\n` }),
  `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();

app.post("/chat", async (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  const { message } = await c.req.json<{ message: string }>();
  const answer = await tracer.startSpan("answer", async () => message.toUpperCase());
  return c.json({ answer });
});

export default app;
`,
);

export const HONO_AWS_LAMBDA = program(
  "src/index.ts",
  project({ hono: "^4.6.0" }),
  `import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { tracer } from "./tracing";

const app = new Hono();

app.get("/search", async (c) => {
  const q = c.req.query("q") ?? "";
  const hits = await tracer.startSpan("search", async () => [q]);
  return c.json({ hits });
});

export const handler = handle(app);
`,
);

export const HONO_VERCEL_EDGE = program(
  "app/api/[[...route]]/route.ts",
  { "package.json": pkg({ ...HH, next: "^15.1.0", hono: "^4.6.0" }), "lib/tracing.ts": TRACING_TS },
  `import { Hono } from "hono";
import { handle } from "hono/vercel";
import { tracer } from "../../../lib/tracing";

export const runtime = "edge";

const app = new Hono().basePath("/api");

app.post("/chat", async (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  return c.json({ ok: true });
});

export const GET = handle(app);
export const POST = handle(app);
`,
);

export const NITRO_CACHED = program(
  "server/api/summary.get.ts",
  { "package.json": pkg({ ...HH, nuxt: "^3.13.0" }), "server/utils/tracing.ts": TRACING_TS },
  `import { tracer } from "../utils/tracing";

export default defineCachedEventHandler(
  async (event) => {
    const { id } = getQuery(event);
    tracer.sessionStart({ sessionName: \`summary-\${id}\` });
    return tracer.startSpan("summary", async () => ({ id }));
  },
  { maxAge: 60 },
);
`,
);

export const NITRO_PLUGIN = program(
  "server/plugins/tracing.ts",
  { "package.json": pkg({ ...HH, nuxt: "^3.13.0" }), "server/utils/tracing.ts": TRACING_TS },
  `import { tracer } from "../utils/tracing";

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook("request", (event) => {
    tracer.sessionStart({ sessionName: event.path });
  });

  nitroApp.hooks.hook("afterResponse", async () => {
    await tracer.forceFlush();
  });
});
`,
);

export const NITRO_PLUGIN_STARTUP = program(
  "server/plugins/session.ts",
  { "package.json": pkg({ ...HH, nuxt: "^3.13.0" }), "server/utils/tracing.ts": TRACING_TS },
  `import { tracer } from "../utils/tracing";

export default defineNitroPlugin((nitroApp) => {
  tracer.sessionStart({ sessionName: "server" });

  nitroApp.hooks.hook("request", (event) => {
    tracer.createSession({ sessionName: event.path });
  });

  nitroApp.hooks.hook("close", async () => {
    await tracer.shutdown();
  });
});
`,
);

export const NUXT_MIDDLEWARE = program(
  "server/middleware/session.ts",
  { "package.json": pkg({ ...HH, nuxt: "^3.13.0" }), "server/utils/tracing.ts": TRACING_TS },
  `import { tracer } from "../utils/tracing";

export default defineEventHandler((event) => {
  const sessionId = getHeader(event, "x-session-id");
  if (!sessionId) tracer.sessionStart({ sessionName: "web" });
});
`,
);

export const AZURE_V3 = program(
  "HttpTrigger/index.js",
  {
    "package.json": pkg({ ...HH }),
    "host.json": `{ "version": "2.0" }`,
    "HttpTrigger/function.json": JSON.stringify({ bindings: [{ authLevel: "function", type: "httpTrigger", direction: "in", name: "req", methods: ["post"] }, { type: "http", direction: "out", name: "res" }] }),
    "shared/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nmodule.exports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "azure" });\n`,
  },
  `const { tracer } = require("../shared/tracing");

module.exports = async function (context, req) {
  tracer.sessionStart({ sessionName: "azure" });
  const answer = await tracer.startSpan("answer", async () => (req.body && req.body.message) || "");
  context.res = { status: 200, body: { answer } };
};
`,
);

export const VERCEL_EDGE_PAGES = program(
  "pages/api/chat.ts",
  { "package.json": pkg({ ...HH, next: "^14.2.0" }), "lib/tracing.ts": TRACING_TS },
  `import { tracer } from "../../lib/tracing";

export const config = { runtime: "edge" };

export default async function handler(req: Request) {
  const { message } = await req.json();
  const answer = await tracer.startSpan("answer", async () => String(message));
  return new Response(JSON.stringify({ answer }), { headers: { "content-type": "application/json" } });
}
`,
);

export const DENO_OAK = program(
  "main.ts",
  {
    "deno.json": `{ "imports": { "@oak/oak": "jsr:@oak/oak@^17", "honeyhive": "npm:honeyhive@^2" } }`,
    "tracing.ts": TRACING_TS,
  },
  `import { Application, Router } from "@oak/oak";
import { tracer } from "./tracing.ts";

const router = new Router();

router.post("/chat", async (ctx) => {
  tracer.sessionStart({ sessionName: "chat" });
  const body = await ctx.request.body.json();
  ctx.response.body = await tracer.startSpan("chat", async () => body);
});

const app = new Application();
app.use(router.routes());
app.use(router.allowedMethods());

Deno.serve(app.fetch);
`,
);

export const OAK_URL_IMPORT = program(
  "server.ts",
  { "tracing.ts": TRACING_TS },
  `import { Application, Router } from "https://deno.land/x/oak@v17.1.3/mod.ts";
import { tracer } from "./tracing.ts";

const router = new Router();
router.get("/", (ctx) => {
  tracer.sessionStart({ sessionName: "home" });
  ctx.response.body = "ok";
});

const app = new Application();
app.use(router.routes());
await app.listen({ port: 8000 });
`,
);

export const FEATHERS = program(
  "src/app.ts",
  project({ "@feathersjs/feathers": "^5.0.0", "@feathersjs/koa": "^5.0.0" }),
  `import { feathers } from "@feathersjs/feathers";
import { koa, rest, bodyParser } from "@feathersjs/koa";
import { tracer } from "./tracing";

class MessageService {
  async find() {
    return [];
  }

  async create(data: { text: string }) {
    tracer.sessionStart({ sessionName: "messages" });
    return tracer.startSpan("create", async () => ({ ...data, id: Date.now() }));
  }
}

const app = koa(feathers());
app.use(bodyParser());
app.configure(rest());
app.use("messages", new MessageService());

app.listen(3030);
`,
);

export const ADONIS_CONTROLLER = program(
  "app/controllers/chats_controller.ts",
  {
    ...project({ "@adonisjs/core": "^6.14.0" }),
    "start/routes.ts": `import router from "@adonisjs/core/services/router";
const ChatsController = () => import("#controllers/chats_controller");

router.post("/chats", [ChatsController, "store"]);
`,
  },
  `import type { HttpContext } from "@adonisjs/core/http";
import { tracer } from "../../src/tracing.js";

export default class ChatsController {
  async store({ request, response }: HttpContext) {
    tracer.sessionStart({ sessionName: "chat" });
    const message = request.input("message");
    return response.ok(await tracer.startSpan("chat", async () => ({ message })));
  }
}
`,
);

export const NEST_MICROSERVICE = program(
  "src/orders.controller.ts",
  project({ "@nestjs/common": "^10.4.0", "@nestjs/microservices": "^10.4.0" }),
  `import { Controller } from "@nestjs/common";
import { EventPattern, MessagePattern, Payload } from "@nestjs/microservices";
import { HoneyHiveTracer } from "honeyhive";

@Controller()
export class OrdersController {
  constructor(private readonly tracer: HoneyHiveTracer) {}

  @MessagePattern({ cmd: "sum" })
  sum(@Payload() data: number[]): number {
    this.tracer.sessionStart({ sessionName: "sum" });
    return data.reduce((a, b) => a + b, 0);
  }

  @EventPattern("order_created")
  async created(@Payload() order: { id: string }) {
    await this.tracer.startSpan("created", async () => order.id);
  }
}
`,
);

export const EXPRESS5_ROUTE_CHAIN = program(
  "src/routes/chat.ts",
  project({ express: "^5.0.0" }),
  `import { Router } from "express";
import { tracer } from "../tracing";

const router = Router();

router
  .route("/chat")
  .get(async (_req, res) => {
    res.json({ ready: true });
  })
  .post(async (req, res) => {
    tracer.sessionStart({ sessionName: "chat" });
    res.json(await tracer.startSpan("chat", async () => req.body));
  });

export default router;
`,
);

export const FASTIFY_ROUTE_HOOK = program(
  "src/server.ts",
  project({ fastify: "^5.0.0" }),
  `import Fastify from "fastify";
import { HoneyHiveTracer } from "honeyhive";
import { tracer } from "./tracing";

const app = Fastify({ logger: true });

app.addHook("onRequest", async (request) => {
  request.log.info({ url: request.url }, "incoming");
  const perRequest = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "hooks" });
  perRequest.enrichSession({ metadata: { url: request.url } });
});

app.route({
  method: "POST",
  url: "/chat",
  handler: async (request) => {
    tracer.sessionStart({ sessionName: "chat" });
    return { body: request.body };
  },
});

await app.listen({ port: 3000 });
`,
);

export const KOA_ROUTER_USE = program(
  "src/server.ts",
  project({ koa: "^2.15.0", "@koa/router": "^13.1.0" }),
  `import Koa from "koa";
import Router from "@koa/router";
import { tracer } from "./tracing";

const app = new Koa();
const router = new Router({ prefix: "/api" });

router.use(async (ctx, next) => {
  tracer.sessionStart({ sessionName: ctx.path });
  await next();
});

router.get("/health", (ctx) => {
  ctx.body = "ok";
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(3000);
`,
);

export const APOLLO_SPREAD = program(
  "src/server.ts",
  project({ "@apollo/server": "^4.11.0", graphql: "^16.9.0" }),
  `import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { tracer } from "./tracing";

const typeDefs = \`#graphql
  type Query { ask(question: String!): String! health: String! }
\`;

const baseQueries = {
  health: () => "ok",
};

const chatQueries = {
  ask: async (_parent: unknown, args: { question: string }) => {
    tracer.sessionStart({ sessionName: "ask" });
    return tracer.startSpan("ask", async () => args.question.toUpperCase());
  },
};

const server = new ApolloServer({ typeDefs, resolvers: { Query: { ...baseQueries, ...chatQueries } } });

const { url } = await startStandaloneServer(server, { listen: { port: 4000 } });
console.log(url);
`,
);

export const NEXT_GENERATE_METADATA = program(
  "app/chat/[id]/page.tsx",
  { "package.json": pkg({ ...HH, next: "^15.1.0", react: "^19.0.0" }), "lib/tracing.ts": TRACING_TS },
  `import { tracer } from "../../../lib/tracing";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  tracer.sessionStart({ sessionName: \`chat-\${id}\` });
  return { title: \`Chat \${id}\` };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <main>{id}</main>;
}
`,
);

export const GENERATE_METADATA_HELPER = program(
  "lib/seo.ts",
  { "package.json": pkg({ ...HH, next: "^15.1.0" }), "lib/tracing.ts": TRACING_TS },
  `import type { Metadata } from "next";
import { tracer } from "./tracing";

export async function generateMetadata(title: string): Promise<Metadata> {
  tracer.sessionStart({ sessionName: "seo" });
  return { title };
}
`,
);

export const NEXT_DYNAMIC_ROUTE = program(
  "app/api/chat/route.ts",
  { "package.json": pkg({ ...HH, next: "^15.1.0" }), "lib/tracing.ts": TRACING_TS },
  `import { NextResponse } from "next/server";
import { tracer } from "../../../lib/tracing";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const { message } = await request.json();
  tracer.sessionStart({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => String(message));
  return NextResponse.json({ answer });
}
`,
);

export const KAFKAJS = program(
  "src/consumer.ts",
  project({ kafkajs: "^2.2.4" }),
  `import { Kafka } from "kafkajs";
import { tracer } from "./tracing";

const kafka = new Kafka({ clientId: "summarizer", brokers: ["localhost:9092"] });
const consumer = kafka.consumer({ groupId: "summarizer" });

await consumer.connect();
await consumer.subscribe({ topic: "documents", fromBeginning: false });

await consumer.run({
  eachMessage: async ({ message }) => {
    tracer.sessionStart({ sessionName: "document" });
    await tracer.startSpan("summarize", async () => message.value?.toString());
  },
});
`,
);

export const KAFKAJS_BATCH = program(
  "src/batch-consumer.ts",
  project({ kafkajs: "^2.2.4" }),
  `import { Kafka } from "kafkajs";
import { HoneyHiveTracer } from "honeyhive";

const consumer = new Kafka({ clientId: "etl", brokers: ["localhost:9092"] }).consumer({ groupId: "etl" });

await consumer.connect();
await consumer.subscribe({ topics: ["events"] });

await consumer.run({
  eachBatch: async ({ batch, heartbeat }) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "etl" });
    for (const message of batch.messages) {
      await tracer.startSpan("event", async () => message.value?.toString());
      await heartbeat();
    }
    await tracer.forceFlush();
  },
});
`,
);

export const AMQPLIB = program(
  "src/worker.js",
  { "package.json": pkg({ ...HH, amqplib: "^0.10.4" }), "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });\n` },
  `const amqp = require("amqplib");
const { tracer } = require("./tracing");

async function main() {
  const connection = await amqp.connect("amqp://localhost");
  const channel = await connection.createChannel();
  await channel.assertQueue("tasks", { durable: true });
  channel.prefetch(1);

  channel.consume("tasks", async (msg) => {
    if (msg === null) return;
    tracer.sessionStart({ sessionName: "task" });
    await tracer.startSpan("task", async () => msg.content.toString());
    channel.ack(msg);
  });
}

main();
`,
);

export const PUBSUB = program(
  "src/subscriber.ts",
  project({ "@google-cloud/pubsub": "^4.7.0" }),
  `import { PubSub, type Message } from "@google-cloud/pubsub";
import { tracer } from "./tracing";

const pubsub = new PubSub();
const subscription = pubsub.subscription("chat-requests");

subscription.on("message", async (message: Message) => {
  tracer.sessionStart({ sessionName: "pubsub" });
  await tracer.startSpan("handle", async () => message.data.toString());
  message.ack();
});

subscription.on("error", (error) => {
  console.error(error);
});
`,
);

export const NODE_CRON = program(
  "src/jobs.ts",
  project({ "node-cron": "^3.0.3" }),
  `import cron from "node-cron";
import { tracer } from "./tracing";

cron.schedule("*/5 * * * *", async () => {
  tracer.sessionStart({ sessionName: "digest" });
  await tracer.startSpan("digest", async () => "sent");
});
`,
);

export const SET_INTERVAL = program(
  "src/poller.ts",
  project(),
  `import { tracer } from "./tracing";

async function poll() {
  await tracer.startSpan("poll", async () => fetch("https://example.com/queue").then((r) => r.status));
}

setInterval(() => {
  void poll();
}, 60_000);
`,
);

export const LANGCHAIN_CALLBACKS = program(
  "src/agent.ts",
  project({ "@langchain/openai": "^0.3.0", "@langchain/core": "^0.3.0" }),
  `import { ChatOpenAI } from "@langchain/openai";
import { trace } from "honeyhive";
import { tracer } from "./tracing";

const model = new ChatOpenAI({
  model: "gpt-4o-mini",
  callbacks: [
    {
      handleLLMEnd: async (output) => {
        tracer.enrichSpan({ metrics: { generations: output.generations.length } });
      },
    },
  ],
});

export const ask = trace(async (question: string) => (await model.invoke(question)).content);
`,
);

// ================================================================================================================
// Import styles
// ================================================================================================================

export const RENAMED_IMPORT = program(
  "src/server.ts",
  { "package.json": pkg({ ...HH, express: "^4.21.0" }) },
  `import express from "express";
import { HoneyHiveTracer as HH } from "honeyhive";

const tracer = HH.init({ apiKey: process.env.HH_API_KEY, project: "renamed" });
const app = express();

app.post("/chat", async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});

app.listen(3000);
`,
);

export const DYNAMIC_IMPORT = program(
  "src/server.mjs",
  { "package.json": pkg({ ...HH, express: "^4.21.0" }, { type: "module" }) },
  `import express from "express";

const { HoneyHiveTracer } = await import("honeyhive");
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "dyn" });

const app = express();
app.post("/chat", async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});
app.listen(3000);
`,
);

export const REQUIRE_CHAIN = program(
  "src/server.js",
  { "package.json": pkg({ ...HH, express: "^4.21.0" }) },
  `const express = require("express");
const tracer = require("honeyhive").HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cjs" });

const app = express();
app.post("/chat", async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});
app.listen(3000);
`,
);

export const IMPORT_TYPE_ONLY = program(
  "src/handler.ts",
  { "package.json": pkg({ ...HH, "@types/aws-lambda": "^8.10.0" }) },
  `import type { HoneyHiveTracer } from "honeyhive";
import type { APIGatewayProxyHandlerV2 } from "aws-lambda";

export interface Deps {
  tracer?: HoneyHiveTracer;
}

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  return { statusCode: 200, body: event.body ?? "" };
};
`,
);

export const GLOBAL_SINGLETON = program(
  "app/api/chat/route.ts",
  {
    "package.json": pkg({ ...HH, next: "^15.1.0" }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
    "lib/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";

const globalForTracer = globalThis as unknown as { __tracer?: HoneyHiveTracer };

export const tracer = (globalForTracer.__tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next" }));
`,
  },
  `import { tracer } from "@/lib/tracer";

export async function POST(request: Request) {
  const { message } = await request.json();
  tracer.sessionStart({ sessionName: "chat" });
  return Response.json(await tracer.startSpan("chat", async () => message));
}
`,
);

export const PRISMA_STYLE_SINGLETON = program(
  "app/api/ask/route.ts",
  {
    "package.json": pkg({ ...HH, next: "^15.1.0" }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
    "lib/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";

const globalForTracer = globalThis as unknown as { tracer: HoneyHiveTracer | undefined };

export const tracer = globalForTracer.tracer ?? HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next" });

if (process.env.NODE_ENV !== "production") globalForTracer.tracer = tracer;
`,
  },
  `import { NextResponse, type NextRequest } from "next/server";
import { tracer } from "@/lib/tracer";

export async function POST(req: NextRequest) {
  const { question } = await req.json();
  tracer.sessionStart({ sessionName: "ask" });
  return NextResponse.json({ answer: await tracer.startSpan("ask", async () => question) });
}
`,
);

export const CONSTRUCTOR_ARG = program(
  "src/chat-routes.ts",
  project({ express: "^4.21.0" }),
  `import type { Express } from "express";
import type { HoneyHiveTracer } from "honeyhive";

export class ChatRoutes {
  constructor(private readonly tracer: HoneyHiveTracer) {}

  register(app: Express) {
    app.post("/chat", async (req, res) => {
      this.tracer.sessionStart({ sessionName: "chat" });
      res.json(await this.tracer.startSpan("chat", async () => req.body));
    });
  }
}
`,
);

export const PATHS_ALIAS = program(
  "src/server.ts",
  {
    ...project({ express: "^4.21.0" }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } } }),
  },
  `import express from "express";
import { trace } from "honeyhive";
import { tracer } from "@/tracing";

const app = express();

const answer = trace({ eventType: "chain" }, async (question: string) => question.toUpperCase());

app.post("/chat", async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ answer: await answer(req.body.question) });
});

app.listen(3000);
`,
);

export const MTS_LAMBDA = program(
  "src/handler.mts",
  project(),
  `import { tracer } from "./tracing.js";

export const handler = async (event: { body?: string }) => {
  const answer = await tracer.startSpan("answer", async () => event.body ?? "");
  return { statusCode: 200, body: answer };
};
`,
);

export const CTS_LAMBDA = program(
  "src/handler.cts",
  project(),
  `import tracing = require("./tracing");

exports.handler = async (event: { body?: string }) => {
  tracing.tracer.createSession({ sessionName: "cts" });
  return { statusCode: 200, body: await tracing.tracer.startSpan("answer", async () => event.body ?? "") };
};
`,
);

// ================================================================================================================
// Look-alikes (quiet)
// ================================================================================================================

export const OTEL_API = program(
  "src/handler.ts",
  { "package.json": pkg({ "@opentelemetry/api": "^1.9.0" }) },
  `import { trace } from "@opentelemetry/api";

const tracer = trace.getTracer("orders");

export const handler = async (event: { id: string }) => {
  return tracer.startActiveSpan("order", async (span) => {
    span.setAttribute("order.id", event.id);
    span.end();
    return { statusCode: 200 };
  });
};
`,
);

export const TRACELOOP_OTHER = program(
  "src/handler.ts",
  { "package.json": pkg({ "@traceloop/node-server-sdk": "^0.11.0", openai: "^4.67.0" }) },
  `import * as traceloop from "@traceloop/node-server-sdk";
import OpenAI from "openai";

traceloop.initialize({ appName: "chat", baseUrl: "https://api.traceloop.com", apiKey: process.env.TRACELOOP_API_KEY, disableBatch: true });
const openai = new OpenAI();

export const handler = async (event: { body: string }) => {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.body }] });
  return { statusCode: 200, body: completion.choices[0]?.message.content ?? "" };
};
`,
);

export const LAMINAR = program(
  "src/handler.ts",
  { "package.json": pkg({ "@lmnr-ai/lmnr": "^0.4.0", openai: "^4.67.0" }) },
  `import { Laminar, observe } from "@lmnr-ai/lmnr";
import OpenAI from "openai";

Laminar.initialize({ projectApiKey: process.env.LMNR_PROJECT_API_KEY });
const openai = new OpenAI();

export const handler = async (event: { body: string }) => {
  const answer = await observe({ name: "answer" }, async () => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.body }] }));
  await Laminar.flush();
  return { statusCode: 200, body: JSON.stringify(answer) };
};
`,
);

export const PHOENIX = program(
  "src/instrumentation.ts",
  { "package.json": pkg({ "@arizeai/openinference-instrumentation-openai": "^2.0.0", "@opentelemetry/sdk-trace-node": "^1.26.0", "@opentelemetry/exporter-trace-otlp-proto": "^0.53.0", openai: "^4.67.0" }) },
  `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";

const provider = new NodeTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: "http://localhost:6006/v1/traces" }))],
});
provider.register();

registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()] });
`,
);

export const LANGFUSE = program(
  "src/server.ts",
  project({ express: "^4.21.0", langfuse: "^3.29.0" }),
  `import express from "express";
import { Langfuse } from "langfuse";
import { tracer } from "./tracing";

const langfuse = new Langfuse();
const app = express();

app.post("/chat", async (req, res) => {
  const trace = langfuse.trace({ name: "chat", sessionId: req.body.sessionId });
  trace.event({ name: "received" });
  const answer = await tracer.startSpan("answer", async () => req.body.message);
  await langfuse.flushAsync();
  res.json({ answer });
});

app.listen(3000);
`,
);

export const JEXL_VM = program(
  "src/rules-engine.ts",
  project({ express: "^4.21.0", jexl: "^2.3.0" }),
  `import express from "express";
import jexl from "jexl";
import vm from "node:vm";
import { tracer } from "./tracing";

const app = express();
const sandbox = vm.createContext({ Math });

app.post("/rules", async (req, res) => {
  const allowed = await jexl.evaluate(req.body.rule, { user: req.body.user });
  const score = vm.runInContext(String(req.body.formula), sandbox, { timeout: 50 });
  res.json(await tracer.startSpan("rules", async () => ({ allowed, score })));
});

app.listen(3000);
`,
);

export const PLAYWRIGHT = program(
  "scripts/scrape.ts",
  { "package.json": pkg({ ...HH, playwright: "^1.48.0" }) },
  `import { chromium } from "playwright";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "scrape" });

const browser = await chromium.launch();
const page = await browser.newPage();
await page.goto("https://example.com");
const title = await tracer.startSpan("title", async () => page.evaluate(() => document.title));
console.log(title);
await browser.close();
await tracer.forceFlush();
`,
);

export const AUTH_SESSIONS = program(
  "src/server.ts",
  project({ express: "^4.21.0", "express-session": "^1.18.0" }, { "src/auth.ts": `export async function createSession(userId: string): Promise<string> {\n  return \`sess-\${userId}\`;\n}\n` }),
  `import express from "express";
import session from "express-session";
import { createSession } from "./auth";
import { tracer } from "./tracing";

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET ?? "dev", resave: false, saveUninitialized: false }));

app.post("/login", async (req, res) => {
  const token = await createSession(String(req.body.userId));
  req.session.regenerate(() => {
    res.json({ token });
  });
});

app.post("/chat", async (req, res) => {
  res.json(await tracer.startSpan("chat", async () => req.body));
});

app.listen(3000);
`,
);

export const PINO_FLUSH = program(
  "src/handler.ts",
  project({ pino: "^9.4.0" }),
  `import pino from "pino";
import { tracer } from "./tracing";

const logger = pino();

export const handler = async (event: { body: string }) => {
  tracer.createSession({ sessionName: "pino" });
  const answer = await tracer.startSpan("answer", async () => event.body);
  logger.info({ answer }, "answered");
  logger.flush();
  return { statusCode: 200, body: answer };
};
`,
);

export const WINSTON_NO_TRACER = program(
  "src/handler.ts",
  { "package.json": pkg({ ...HH, winston: "^3.14.0" }) },
  `import winston from "winston";

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export const handler = async (event: { body: string }) => {
  logger.info("received", { size: event.body.length });
  await new Promise((resolve) => logger.on("finish", resolve).end());
  return { statusCode: 200, body: "ok" };
};
`,
);

export const LOCAL_MOCK_CLASS = program(
  "__mocks__/honeyhive.ts",
  { "package.json": pkg({ ...HH, express: "^4.21.0" }) },
  `export class HoneyHiveTracer {
  static init() {
    return new HoneyHiveTracer();
  }

  sessionStart() {
    return "test-session";
  }

  async forceFlush() {
    return true;
  }
}

export function trace<T>(fn: T): T {
  return fn;
}
`,
);

export const NEXT_AUTH = program(
  "auth.ts",
  { "package.json": pkg({ ...HH, next: "^15.1.0", "next-auth": "^5.0.0-beta.25" }), "lib/tracing.ts": TRACING_TS },
  `import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";
import { tracer } from "./lib/tracing";

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: [GitHub],
  callbacks: {
    async session({ session }) {
      tracer.enrichSession({ metadata: { user: session.user?.email } });
      return session;
    },
  },
});
`,
);
