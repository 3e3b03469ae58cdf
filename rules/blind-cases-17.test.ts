// Blind cases, seventeenth round: PRECISION AND RECALL ON SHAPES WE HAD NOT SEEN (issues 13 and 16). Each program is
// written the way public code writes it (handler shapes of Firebase Functions v2, Middy, Lambda response streaming,
// Architect, the Serverless Framework, Inngest, Trigger.dev, Temporal, Durable Objects, Queues, Hono, Fastify plugins,
// NestJS, Koa, Express routers, Next.js pages/api and server actions, Remix, BullMQ, worker_threads, Socket.IO, ws,
// gRPC; import styles; honeyhive 1.x and OpenTelemetry exporting to HoneyHive; look-alikes of other libraries), and is
// linted with ALL EIGHT rules at once. Each asserts the exact messages, `rule:line` (rule ids shortened below), written
// from the seeds and docs/rules/*.md BEFORE the first run; where the first run disagreed, the case says who was wrong.
import { describe, expect, it } from "vitest";
import { rules } from "./index.js";
import { type AnyRule, lintCaseWith, SHORT_RULE_NAMES } from "./test-utils/blind-cases.js";
import { ALIASED, BARREL_AGENT, DD_TRACE_LAMBDA, EVALUATE_BOUND, FASTIFY_HOOK, FASTIFY_PLUGIN, HONO_MIDDLEWARE, INSTRUMENT, MATHJS_PUPPETEER, MIDDY, MIDDY_AFTER, MOCK_CLASS, NAMESPACE_BARREL, ONE_X_EXPRESS, ON_CALL_FLUSHED, SOCKET_IO, TRACING_TS, WORKER_THREAD } from "./test-utils/blind-17-programs.js";
import { HH1, HH2, pkg, project } from "./test-utils/programs.js";

/** Short names of the rules in expectations (`flush:7` = require-force-flush-in-lambda on line 7). */
const SHORT: Readonly<Record<string, keyof typeof rules>> = SHORT_RULE_NAMES;
const SHORT_OF = new Map(Object.entries(SHORT).map(([short, rule]) => [`honeyhive/${rule}`, short]));

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

/** Every message of the eight rules on `program`, as `short:line`, sorted (a parse failure or crash fails the case). */
function lintProgram(program: Program): string[] {
  const messages = lintCaseWith(rules as unknown as Record<string, AnyRule>, program);
  const foreign = messages.filter((message) => !SHORT_OF.has(message.ruleId ?? ""));
  expect(foreign.map((message) => `${message.line}: ${message.message}`)).toEqual([]);
  return messages.map((message) => `${SHORT_OF.get(message.ruleId!)}:${message.line}`).sort();
}

const p = (name: string, filename: string, files: Record<string, string>, expected: readonly string[], code: string): Program => ({
  name,
  filename,
  files,
  expected,
  code,
});

// ================================================================================================================
// Handler shapes
// ================================================================================================================
const HANDLERS: Program[] = [
  p(
    "Firebase v2 onRequest: a tracer made per request, answered without a flush",
    "src/index.ts",
    project({ "firebase-functions": "^6.0.0", "firebase-admin": "^12.0.0" }),
    // First expectation flush:7 (the send): wrong, the flush rule reports the handler (its message names the exits).
    ["flush:4", "init:5"],
    `import { onRequest } from "firebase-functions/v2/https";
import { HoneyHiveTracer } from "honeyhive";

export const chat = onRequest(async (req, res) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });
  const answer = await tracer.startSpan("answer", async () => reply(req.body.message));
  res.json({ answer });
});

async function reply(message: string): Promise<string> {
  return message.toUpperCase();
}
`,
  ),
  p(
    "Firebase v2 onCall: the module tracer flushed in finally",
    "src/index.ts",
    project({ "firebase-functions": "^6.0.0" }),
    [],
    ON_CALL_FLUSHED,
  ),
  p(
    "Firebase v2 onCall with options: the module tracer, no flush",
    "src/index.ts",
    project({ "firebase-functions": "^6.0.0" }),
    ["flush:4"],
    `import { onCall } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const ask = onCall({ region: "europe-west1", cors: true }, async (request) => {
  tracer.createSession({ sessionName: "ask" });
  return tracer.startSpan("ask", async () => ({ answer: String(request.data.question) }));
});
`,
  ),
  p(
    "Firebase v2 onDocumentCreated: traces, no flush",
    "src/triggers.ts",
    project({ "firebase-functions": "^6.0.0" }),
    ["flush:4"],
    `import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { tracer } from "./tracing";

export const summarize = onDocumentCreated("chats/{chatId}/messages/{messageId}", async (event) => {
  const data = event.data?.data();
  await tracer.startSpan("summarize", async () => {
    tracer.enrichSpan({ metadata: { chatId: event.params.chatId, length: String(data?.text ?? "").length } });
  });
});
`,
  ),
  p(
    "Firebase v2 onSchedule: sessionStart on the module tracer, flushed",
    "src/jobs.ts",
    project({ "firebase-functions": "^6.0.0" }),
    ["start:6"],
    `import { onSchedule } from "firebase-functions/v2/scheduler";
import { tracer } from "./tracing";

export const nightly = onSchedule("every day 03:00", async () => {
  try {
    tracer.sessionStart({ sessionName: "nightly" });
    await tracer.startSpan("rollup", async () => rollup());
  } finally {
    await tracer.forceFlush();
  }
});

async function rollup(): Promise<void> {}
`,
  ),
  p(
    "Middy-wrapped Lambda: the base handler traces and does not flush",
    "src/chat.ts",
    project({ "@middy/core": "^5.4.0", "@middy/http-json-body-parser": "^5.4.0" }),
    // Reported on the wrapped `baseHandler`, the function the fix edits (the export line was the place before issue 13).
    ["flush:5"],
    MIDDY,
  ),
  p(
    "Middy-wrapped Lambda: flushed in finally",
    "src/chat.ts",
    project({ "@middy/core": "^5.4.0", "@middy/http-json-body-parser": "^5.4.0" }),
    [],
    MIDDY_AFTER,
  ),
  p(
    "Lambda response streaming: awslambda.streamifyResponse traces, never flushes",
    "src/stream.mjs",
    { "package.json": pkg(HH2), "src/tracing.mjs": TRACING_TS.replace(`import { HoneyHiveTracer }`, `import { HoneyHiveTracer }`) },
    ["flush:3"],
    `import { tracer } from "./tracing.mjs";

export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  await tracer.startSpan("stream", async () => {
    responseStream.write("hello ");
    responseStream.write("world");
  });
  responseStream.end();
});
`,
  ),
  p(
    "Architect arc.http: a tracer made per request (CommonJS), no flush",
    "src/http/post-chat/index.js",
    { "package.json": pkg({ ...HH2, "@architect/functions": "^8.1.0" }) },
    // Reported on the wrapped `chat`, the function the fix edits (the `exports.handler` line was the place before issue 13).
    ["flush:4", "init:5"],
    `const arc = require("@architect/functions");
const { HoneyHiveTracer } = require("honeyhive");

async function chat(req) {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "arc" });
  const answer = await tracer.startSpan("answer", async () => req.body.message);
  return { json: { answer } };
}

exports.handler = arc.http(chat);
`,
  ),
  p(
    "Serverless Framework: a handler named in serverless.yml, not exported as `handler`, no flush",
    "src/chat.ts",
    project({}, { "serverless.yml": "service: chat\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  chat:\n    handler: src/chat.run\n    events:\n      - httpApi: POST /chat\n" }),
    ["flush:3"],
    `import { tracer } from "./tracing";

export async function run(event: { body?: string }) {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => JSON.parse(event.body ?? "{}").q);
  return { statusCode: 200, body: JSON.stringify({ answer }) };
}
`,
  ),
  p(
    "Inngest: a tracer made inside createFunction's handler",
    "src/inngest/functions.ts",
    project({ inngest: "^3.22.0" }),
    ["init:8"],
    `import { Inngest } from "inngest";
import { HoneyHiveTracer } from "honeyhive";

export const inngest = new Inngest({ id: "app" });

export const summarize = inngest.createFunction({ id: "summarize-doc" }, { event: "doc/uploaded" }, async ({ event, step }) => {
  const text = await step.run("load", () => String(event.data.text));
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  return step.run("summarize", () => tracer.startSpan("summarize", async () => text.slice(0, 100)));
});
`,
  ),
  p(
    "Trigger.dev v3: a tracer made inside task({ run })",
    "src/trigger/summarize.ts",
    project({ "@trigger.dev/sdk": "^3.3.0" }),
    ["init:7"],
    `import { task } from "@trigger.dev/sdk/v3";
import { HoneyHiveTracer } from "honeyhive";

export const summarize = task({
  id: "summarize",
  run: async (payload: { text: string }) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
    return tracer.startSpan("summarize", async () => payload.text.slice(0, 100));
  },
});
`,
  ),
  p(
    "Temporal: an activity module that makes a tracer per activity call",
    "src/activities.ts",
    project({ "@temporalio/worker": "^1.11.0", "@temporalio/activity": "^1.11.0" }, {
      "src/worker.ts": `import { Worker } from "@temporalio/worker";
import * as activities from "./activities";

async function run() {
  const worker = await Worker.create({ workflowsPath: require.resolve("./workflows"), activities, taskQueue: "chat" });
  await worker.run();
}
run();
`,
    }),
    // Before: [] (a miss). The activity module Temporal's docs write imports nothing of Temporal; now known by its
    // layout (activities.ts in a project depending on the worker), frameworks/temporal.ts.
    ["init:4"],
    `import { HoneyHiveTracer } from "honeyhive";

export async function summarize(text: string): Promise<string> {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "temporal" });
  return tracer.startSpan("summarize", async () => text.slice(0, 100));
}
`,
  ),
  p(
    "Cloudflare Durable Object: fetch() traces without waitUntil(flush)",
    "src/index.ts",
    project({ "@cloudflare/workers-types": "^4.0.0" }, { "wrangler.toml": `name = "chat"\nmain = "src/index.ts"\n` }),
    // First expectation flush:5: wrong. A Durable Object is not cancelled when it has answered and `waitUntil` has
    // no effect there (developers.cloudflare.com/durable-objects/api/state/), so the rule does not ask for a flush
    // (frameworks/cloudflare-workers.ts: request handlers, not invocations).
    [],
    `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject {
  async fetch(request: Request): Promise<Response> {
    const answer = await tracer.startSpan("room", async () => request.text());
    return new Response(answer);
  }
}

export default {
  async fetch(request: Request, env: { ROOM: DurableObjectNamespace }): Promise<Response> {
    return env.ROOM.get(env.ROOM.idFromName("lobby")).fetch(request);
  },
};
`,
  ),
  p(
    "Cloudflare Queues consumer: traces each message, no waitUntil(flush)",
    "src/index.ts",
    project({}, { "wrangler.toml": `name = "consumer"\nmain = "src/index.ts"\n[[queues.consumers]]\nqueue = "jobs"\n` }),
    // First expectation flush:5: a miscount, the handler is the `queue` method on line 4.
    ["flush:4"],
    `import { tracer } from "./tracing";

export default {
  async queue(batch: MessageBatch<{ text: string }>, env: unknown, ctx: ExecutionContext): Promise<void> {
    for (const message of batch.messages) {
      await tracer.startSpan("job", async () => message.body.text.length);
      message.ack();
    }
  },
};
`,
  ),
  p(
    "Hono on Bun: session created first in middleware, a sub-app mounted with app.route",
    "src/index.ts",
    project({ hono: "^4.6.0" }),
    [],
    HONO_MIDDLEWARE,
  ),
  p(
    "Hono createFactory().createHandlers: a tracer made in the handler",
    "src/routes.ts",
    project({ hono: "^4.6.0" }),
    ["init:8"],
    `import { Hono } from "hono";
import { createFactory } from "hono/factory";
import { HoneyHiveTracer } from "honeyhive";

const factory = createFactory();

const chatHandlers = factory.createHandlers(async (c) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "hono" });
  return c.json(await tracer.startSpan("chat", async () => "ok"));
});

const app = new Hono();
app.post("/chat", ...chatHandlers);
export default app;
`,
  ),
  p(
    "Fastify plugin: fastify.register(async (f) => f.get(…)) calls sessionStart",
    "src/server.ts",
    project({ fastify: "^5.0.0" }),
    ["start:8"],
    FASTIFY_PLUGIN,
  ),
  p(
    "Fastify plugin: preHandler hook creates the session after an await",
    "src/server.ts",
    project({ fastify: "^5.0.0" }),
    ["lost:9"],
    FASTIFY_HOOK,
  ),
  p(
    "NestJS controller: injected tracer, sessionStart per request",
    "src/chat.controller.ts",
    project({ "@nestjs/common": "^10.4.0", "@nestjs/core": "^10.4.0" }),
    // First expectation start:9: a miscount, the call is on line 10.
    ["start:10"],
    `import { Body, Controller, Post } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";

@Controller("chat")
export class ChatController {
  constructor(private readonly tracer: HoneyHiveTracer) {}

  @Post()
  async chat(@Body() body: { message: string }) {
    this.tracer.sessionStart({ sessionName: "chat" });
    return this.tracer.startSpan("chat", async () => body.message);
  }
}
`,
  ),
  p(
    "NestJS interceptor: a tracer made in intercept()",
    "src/tracing.interceptor.ts",
    project({ "@nestjs/common": "^10.4.0", rxjs: "^7.8.0" }),
    ["init:8"],
    `import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from "@nestjs/common";
import { Observable } from "rxjs";
import { HoneyHiveTracer } from "honeyhive";

@Injectable()
export class TracingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nest" });
    tracer.createSession({ sessionName: context.getHandler().name });
    return next.handle();
  }
}
`,
  ),
  p(
    "Koa router: session id from the request body passed through unchecked",
    "src/server.ts",
    project({ koa: "^2.15.0", "@koa/router": "^13.0.0", "koa-bodyparser": "^4.4.0" }),
    ["sid:10"],
    `import Koa from "koa";
import Router from "@koa/router";
import bodyParser from "koa-bodyparser";
import { tracer } from "./tracing";

const app = new Koa();
const router = new Router();

router.post("/chat", async (ctx) => {
  tracer.createSession({ sessionId: (ctx.request.body as { sessionId: string }).sessionId });
  ctx.body = await tracer.startSpan("chat", async () => "ok");
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(3000);
`,
  ),
  p(
    "Express Router() in its own module: sessionStart in a route",
    "src/routes/chat.ts",
    project({ express: "^4.21.0" }, { "src/app.ts": `import express from "express";\nimport chat from "./routes/chat";\n\nconst app = express();\napp.use(express.json());\napp.use("/chat", chat);\napp.listen(3000);\n` }),
    ["start:7"],
    `import { Router } from "express";
import { tracer } from "../tracing";

const router = Router();

router.post("/", async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(await tracer.startSpan("chat", async () => req.body.message));
});

export default router;
`,
  ),
  p(
    "Next.js pages API on Vercel: answers with res.json before any flush",
    "pages/api/chat.ts",
    project({ next: "^14.2.0" }, { "vercel.json": "{}\n" }),
    // First expectation flush:7 (the send): wrong, reported at the handler as on Firebase.
    ["flush:4"],
    `import type { NextApiRequest, NextApiResponse } from "next";
import { tracer } from "../../src/tracing";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("chat", async () => String(req.body.message));
  res.status(200).json({ answer });
}
`,
  ),
  p(
    'Next.js server action in a "use server" module: sessionStart on the module tracer',
    "app/actions.ts",
    project({ next: "^15.0.0" }),
    ["start:6"],
    `"use server";

import { tracer } from "../src/tracing";

export async function sendMessage(formData: FormData) {
  tracer.sessionStart({ sessionName: "chat" });
  return tracer.startSpan("send", async () => String(formData.get("message")));
}
`,
  ),
  p(
    "Remix action: the session id from the form data, unchecked",
    "app/routes/chat.tsx",
    project({ "@remix-run/node": "^2.12.0", "@remix-run/react": "^2.12.0" }),
    // First expectation sid:7: a miscount, the createSession() is on line 8.
    ["sid:8"],
    `import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { tracer } from "../../src/tracing";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const sessionId = String(form.get("sessionId"));
  tracer.createSession({ sessionId });
  return json(await tracer.startSpan("chat", async () => form.get("message")));
}

export default function Chat() {
  return null;
}
`,
  ),
  p(
    "BullMQ processor: a tracer made per job",
    "src/worker.ts",
    project({ bullmq: "^5.12.0" }),
    ["init:5"],
    `import { Worker } from "bullmq";
import { HoneyHiveTracer } from "honeyhive";

const worker = new Worker("summaries", async (job) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });
  return tracer.startSpan("summarize", async () => String(job.data.text).slice(0, 100));
}, { connection: { host: "127.0.0.1", port: 6379 } });

worker.on("failed", (job, error) => console.error(job?.id, error));
`,
  ),
  p(
    "worker_threads: a tracer made per message",
    "src/worker.ts",
    project(),
    // Before: [] (a miss): worker_threads had no descriptor; now frameworks/job-runners.ts `workerThreads`.
    ["init:5"],
    WORKER_THREAD,
  ),
  p(
    "Socket.IO: sessionStart per chat message",
    "src/socket.ts",
    project({ "socket.io": "^4.8.0" }),
    ["start:8"],
    SOCKET_IO,
  ),
  p(
    "ws: a tracer made per message",
    "src/ws.ts",
    project({ ws: "^8.18.0" }),
    ["init:8"],
    `import { WebSocketServer } from "ws";
import { HoneyHiveTracer } from "honeyhive";

const wss = new WebSocketServer({ port: 8080 });

wss.on("connection", (ws) => {
  ws.on("message", async (data) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "ws" });
    ws.send(await tracer.startSpan("message", async () => data.toString()));
  });
});
`,
  ),
  p(
    "gRPC addService: the session id from call metadata, unchecked",
    "src/grpc.ts",
    project({ "@grpc/grpc-js": "^1.12.0", "@grpc/proto-loader": "^0.7.13" }),
    ["sid:11"],
    `import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { tracer } from "./tracing";

const definition = protoLoader.loadSync("chat.proto");
const proto = grpc.loadPackageDefinition(definition) as any;

const server = new grpc.Server();
server.addService(proto.chat.Chat.service, {
  ask: async (call: grpc.ServerUnaryCall<{ question: string }, unknown>, callback: grpc.sendUnaryData<unknown>) => {
    tracer.createSession({ sessionId: String(call.metadata.get("x-session-id")[0]) });
    callback(null, { answer: await tracer.startSpan("ask", async () => call.request.question) });
  },
});
server.bindAsync("127.0.0.1:50051", grpc.ServerCredentials.createInsecure(), () => {});
`,
  ),
];

// ================================================================================================================
// Import styles
// ================================================================================================================
const IMPORTS: Program[] = [
  p(
    "import x = require(): a tracer made in an Express route",
    "src/server.ts",
    project({ express: "^4.21.0" }),
    ["init:7"],
    `import express = require("express");
import hh = require("honeyhive");

const app = express();

app.post("/chat", async (req, res) => {
  const tracer = hh.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
  res.json(await tracer.startSpan("chat", async () => req.body.message));
});

app.listen(3000);
`,
  ),
  p(
    "a re-export barrel: trace(fn) without the tracer in a file that imports one",
    "src/agent.ts",
    project({}, { "src/lib/index.ts": `export * from "../tracing";\nexport const VERSION = "1";\n` }),
    ["explicit:4"],
    BARREL_AGENT,
  ),
  p(
    "export * as: obs.tracer.sessionStart() in an Express route",
    "src/server.ts",
    project({ express: "^4.21.0" }, { "src/obs.ts": `export * as obs from "./tracing";\n` }),
    // Before: [] (a miss). `export * as obs from "./tracing"` is a namespace re-export: the barrel's facts had it
    // (`namespaceReExports`, read by the 1.x migration only), but `wholeModuleOf` (analysis/project-modules.ts) took
    // a named import for one export, never a namespace; now it follows it, one `export … from` hop as `export *` is.
    ["start:7"],
    NAMESPACE_BARREL,
  ),
  p(
    "export * as behind a second barrel: obs.tracer.sessionStart() of `export * from \"./namespaces\"` in an Express route",
    "src/server.ts",
    project({ express: "^4.21.0" }, { "src/namespaces.ts": `export * as obs from "./tracing";\n`, "src/obs.ts": `export * from "./namespaces";\n` }),
    // Before: [] (a miss). The namespace was followed from the module the file imports only: a barrel of that
    // barrel (`export * from`) hands on the name `obs`, whose namespace `wholeModuleOf` now follows there.
    ["start:7"],
    NAMESPACE_BARREL,
  ),
  p(
    "look-alike: export * as apm of a dd-trace module, apm.tracer.trace() in an Express route",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0", "dd-trace": "^5.20.0" }), "src/apm.ts": `import tracer from "dd-trace";\n\nexport { tracer };\nexport const ready = tracer.init({ service: "chat" });\n`, "src/obs.ts": `export * as apm from "./apm";\n` },
    [],
    `import express from "express";
import { apm } from "./obs";

const app = express();

app.post("/chat", (req, res) => {
  apm.tracer.trace("chat", () => res.json({ ok: true }));
});

app.listen(3000);
`,
  ),
  p(
    'dynamic await import("honeyhive") in a Lambda handler: a tracer per invocation, never flushed',
    "src/handler.mjs",
    { "package.json": pkg(HH2, { type: "module" }) },
    ["flush:1", "init:3"],
    `export const handler = async (event) => {
  const { HoneyHiveTracer } = await import("honeyhive");
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lambda" });
  const answer = await tracer.startSpan("answer", async () => event.question);
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};
`,
  ),
  p(
    "aliased names: hhTrace(fn) in a file with its own tracer",
    "src/agent.ts",
    { "package.json": pkg(HH2) },
    ["explicit:5"],
    ALIASED,
  ),
  p(
    "a tracer from a tsyringe singleton: sessionStart in an Express route",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0", tsyringe: "^4.8.0", "reflect-metadata": "^0.2.2" }) },
    ["start:13"],
    `import "reflect-metadata";
import express from "express";
import { container, singleton } from "tsyringe";
import { HoneyHiveTracer } from "honeyhive";

@singleton()
class Tracing {
  readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "app" });
}

const app = express();
app.post("/chat", (req, res) => {
  container.resolve(Tracing).tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});
app.listen(3000);
`,
  ),
  p(
    "a class static tracer: Lambda handler uses Observability.tracer, no flush",
    "src/handler.ts",
    { "package.json": pkg(HH2) },
    ["flush:7"],
    `import { HoneyHiveTracer } from "honeyhive";

class Observability {
  static readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lambda" });
}

export const handler = async (event: { q: string }) => {
  const answer = await Observability.tracer.startSpan("answer", async () => event.q);
  return { statusCode: 200, body: answer };
};
`,
  ),
  p(
    "a tsconfig path alias: a Lambda handler imports the tracer from @/lib/tracing, no flush",
    "src/handlers/chat.ts",
    {
      "package.json": pkg({ ...HH2, "@types/aws-lambda": "^8.10.0" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } } }),
      "src/lib/tracing.ts": TRACING_TS,
    },
    ["flush:4"],
    `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { tracer } from "@/lib/tracing";

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  tracer.createSession({ sessionName: "chat" });
  const answer = await tracer.startSpan("answer", async () => event.body ?? "");
  return { statusCode: 200, body: answer };
};
`,
  ),
];

// ================================================================================================================
// SDK versions: honeyhive 1.x, OpenTelemetry exporting to HoneyHive, evaluate()
// ================================================================================================================
const VERSIONS: Program[] = [
  p(
    "honeyhive 1.x: await HoneyHiveTracer.init() per Lambda invocation, never flushed",
    "src/handler.ts",
    { "package.json": pkg(HH1) },
    ["flush:3", "init:4"],
    `import { HoneyHiveTracer } from "honeyhive";

export const handler = async (event: { q: string }) => {
  const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY!, project: "lambda", sessionName: "invocation" });
  const answer = await tracer.traceFunction()(async (q: string) => q.toUpperCase())(event.q);
  return { statusCode: 200, body: answer };
};
`,
  ),
  p(
    "honeyhive 1.x: startSession() per request on a shared tracer in Express",
    "src/server.ts",
    { "package.json": pkg({ ...HH1, express: "^4.21.0" }) },
    ["start:8"],
    ONE_X_EXPRESS,
  ),
  p(
    "honeyhive 1.x: the free traceTool wrapper in a file with a tracer",
    "src/tools.ts",
    { "package.json": pkg(HH1) },
    ["explicit:5"],
    `import { HoneyHiveTracer, traceTool } from "honeyhive";

export const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY!, project: "tools" });

export const lookup = traceTool(async function lookup(id: string) {
  return { id };
});
`,
  ),
  p(
    "OpenTelemetry exporting to HoneyHive: a Lambda handler that traces without flushing the provider",
    "src/handler.ts",
    {
      "package.json": pkg({ "@opentelemetry/api": "^1.9.0", "@opentelemetry/sdk-trace-node": "^1.26.0", "@opentelemetry/sdk-trace-base": "^1.26.0", "@opentelemetry/exporter-trace-otlp-http": "^0.53.0" }),
    },
    ["flush:14"],
    `import { trace } from "@opentelemetry/api";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

const provider = new NodeTracerProvider();
provider.addSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({
  url: "https://api.honeyhive.ai/opentelemetry/v1/traces",
  headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` },
})));
provider.register();
const otelTracer = trace.getTracer("lambda");

export const handler = async (event: { q: string }) => {
  return otelTracer.startActiveSpan("answer", async (span) => {
    span.end();
    return { statusCode: 200, body: event.q };
  });
};
`,
  ),
  p(
    "evaluate(): the module tracer bound to the evaluated function",
    "scripts/eval.ts",
    { "package.json": pkg(HH2) },
    ["evaluate:4", "evaluate:6"],
    EVALUATE_BOUND,
  ),
  p(
    "evaluate(): implicit trace() in the evaluated function, no tracer of its own",
    "scripts/eval.ts",
    { "package.json": pkg(HH2) },
    [],
    `import { trace, enrichSession } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const answer = trace({ eventType: "chain" }, async ({ inputs }: { inputs: { q: string } }) => {
  enrichSession({ metadata: { q: inputs.q } });
  return inputs.q;
});

await evaluate({ function: answer, dataset: [{ inputs: { q: "hi" } }], name: "run-1" });
`,
  ),
  p(
    "instrumentation without the provider, after the tracer",
    "src/instrument.ts",
    project({ "@arizeai/openinference-instrumentation-openai": "^2.0.0", openai: "^4.67.0" }),
    ["provider:5"],
    INSTRUMENT,
  ),
];

// ================================================================================================================
// Look-alikes: other libraries, the same names (all must stay quiet)
// ================================================================================================================
const LOOKALIKES: Program[] = [
  p(
    "Sentry in a Lambda handler (no HoneyHive)",
    "src/handler.ts",
    { "package.json": pkg({ "@sentry/aws-serverless": "^8.30.0" }) },
    [],
    `import * as Sentry from "@sentry/aws-serverless";

Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1 });

export const handler = Sentry.wrapHandler(async (event: { q: string }) => {
  return Sentry.startSpan({ name: "answer" }, () => ({ statusCode: 200, body: event.q }));
});
`,
  ),
  p(
    "dd-trace's tracer.trace() in a Lambda handler next to a HoneyHive dependency",
    "src/handler.ts",
    { "package.json": pkg({ ...HH2, "dd-trace": "^5.20.0" }) },
    [],
    DD_TRACE_LAMBDA,
  ),
  p(
    "Langfuse: langfuse.trace() per request in Express, flushAsync",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0", langfuse: "^3.26.0" }) },
    [],
    `import express from "express";
import { Langfuse } from "langfuse";

const langfuse = new Langfuse();
const app = express();

app.post("/chat", async (req, res) => {
  const trace = langfuse.trace({ name: "chat", sessionId: req.body.sessionId });
  trace.span({ name: "answer" }).end();
  await langfuse.flushAsync();
  res.json({ ok: true });
});

app.listen(3000);
`,
  ),
  p(
    "LangSmith traceable and Braintrust's evaluate-like Eval in a file with a HoneyHive tracer module",
    "src/agent.ts",
    project({ langsmith: "^0.1.60", braintrust: "^0.0.160" }),
    [],
    `import { traceable } from "langsmith/traceable";
import { Eval } from "braintrust";
import { tracer } from "./tracing";

export const plan = traceable(async (goal: string) => [goal], { name: "plan" });

export const answer = (q: string) => tracer.startSpan("answer", async () => q);

Eval("agent", { data: () => [{ input: "hi", expected: "hi" }], task: async (input: string) => input, scores: [] });
`,
  ),
  p(
    "mathjs evaluate() and puppeteer page.evaluate() in a file with a HoneyHive tracer",
    "scripts/report.ts",
    { "package.json": pkg({ ...HH2, mathjs: "^13.1.0", puppeteer: "^23.3.0" }) },
    [],
    MATHJS_PUPPETEER,
  ),
  p(
    "a test mock class named HoneyHiveTracer, made in a route",
    "test/server.test.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0" }) },
    [],
    MOCK_CLASS,
  ),
  p(
    "OpenLLMetry to Traceloop's own endpoint in a Lambda handler",
    "src/handler.ts",
    { "package.json": pkg({ "@traceloop/node-server-sdk": "^0.11.0" }) },
    [],
    `import * as traceloop from "@traceloop/node-server-sdk";

traceloop.initialize({ appName: "chat", baseUrl: "https://api.traceloop.com", disableBatch: true });

export const handler = async (event: { q: string }) => {
  return traceloop.withWorkflow({ name: "answer" }, async () => ({ statusCode: 200, body: event.q }));
};
`,
  ),
  p(
    "Helicone proxy and functions named trace / sessionStart / forceFlush of the app's own",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, express: "^4.21.0", openai: "^4.67.0" }) },
    [],
    `import express from "express";
import OpenAI from "openai";

const openai = new OpenAI({ baseURL: "https://oai.helicone.ai/v1", defaultHeaders: { "Helicone-Auth": \`Bearer \${process.env.HELICONE_API_KEY}\` } });
const analytics = { sessionStart: (id: string) => id, forceFlush: async () => true };
function trace<T>(fn: () => T): T {
  return fn();
}

const app = express();
app.post("/chat", async (req, res) => {
  analytics.sessionStart(String(req.body.sessionId));
  const completion = await trace(() => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: req.body.message }] }));
  await analytics.forceFlush();
  res.json(completion);
});
app.listen(3000);
`,
  ),
  p(
    "PostHog's shutdown/flush in a Lambda next to a HoneyHive dependency, no HoneyHive use",
    "src/handler.ts",
    { "package.json": pkg({ ...HH2, "posthog-node": "^4.2.0" }) },
    [],
    `import { PostHog } from "posthog-node";

const posthog = new PostHog(process.env.POSTHOG_KEY!, { host: "https://eu.i.posthog.com" });

export const handler = async (event: { userId: string }) => {
  posthog.capture({ distinctId: event.userId, event: "invoked" });
  await posthog.shutdown();
  return { statusCode: 200 };
};
`,
  ),
];

// ================================================================================================================
// Second batch, after the first run: the shapes of the two new descriptors with their look-alikes, and more of the
// everyday shapes
// ================================================================================================================
const TEMPORAL_WORKER = { "@temporalio/worker": "^1.11.0", "@temporalio/workflow": "^1.11.0" };
const SECOND: Program[] = [
  p(
    "Temporal: one activity per file under src/activities/",
    "src/activities/summarize.ts",
    project(TEMPORAL_WORKER, { "src/activities/index.ts": `export * from "./summarize";\n` }),
    ["init:4"],
    `import { HoneyHiveTracer } from "honeyhive";

export const summarize = async (text: string): Promise<string> => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "temporal" });
  return tracer.startSpan("summarize", async () => text.slice(0, 100));
};
`,
  ),
  p(
    "Temporal: activities.ts that also imports @temporalio/activity (its hook runs by import and by path: one report)",
    "src/activities.ts",
    project(TEMPORAL_WORKER),
    ["init:5"],
    `import { log } from "@temporalio/activity";
import { HoneyHiveTracer } from "honeyhive";

export async function summarize(text: string): Promise<string> {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "temporal" });
  log.info("summarize");
  return tracer.startSpan("summarize", async () => text.slice(0, 100));
}
`,
  ),
  p(
    "Temporal: the activity module with the module tracer and a session per activity (correct)",
    "src/activities.ts",
    project(TEMPORAL_WORKER),
    [],
    `import { tracer } from "./tracing";

export async function summarize(text: string): Promise<string> {
  tracer.createSession({ sessionName: "summarize" });
  return tracer.startSpan("summarize", async () => text.slice(0, 100));
}
`,
  ),
  p(
    "look-alike: src/activities.ts of a fitness app (no Temporal) that makes a tracer in a function",
    "src/activities.ts",
    project({ "strava-v3": "^2.2.0" }),
    [],
    `import { HoneyHiveTracer } from "honeyhive";

export function makeTracer(project: string) {
  return HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project });
}
`,
  ),
  p(
    "look-alike: a Temporal project's activities.test.ts that makes a tracer per test helper call",
    "src/activities.test.ts",
    project({ ...TEMPORAL_WORKER, "@temporalio/testing": "^1.11.0" }),
    [],
    `import { HoneyHiveTracer } from "honeyhive";

export function testTracer() {
  return HoneyHiveTracer.init({ apiKey: "test", project: "test", testMode: true });
}
`,
  ),
  p(
    "worker_threads: the thread's tracer at module level, a session per message (correct)",
    "src/worker.ts",
    project(),
    [],
    `import { parentPort } from "node:worker_threads";
import { tracer } from "./tracing";

parentPort?.on("message", async (task: { text: string }) => {
  tracer.createSession({ sessionName: "task" });
  parentPort?.postMessage(await tracer.startSpan("task", async () => task.text.length));
});
`,
  ),
  p(
    "worker_threads: sessionStart per message on the module tracer (CommonJS require)",
    "src/worker.js",
    { "package.json": pkg(HH2), "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\nmodule.exports = { tracer: HoneyHiveTracer.init({ project: "w" }) };\n` },
    ["start:5"],
    `const { parentPort } = require("worker_threads");
const { tracer } = require("./tracing");

parentPort.on("message", async (task) => {
  tracer.sessionStart({ sessionName: "task" });
  parentPort.postMessage(await tracer.startSpan("task", async () => task.length));
});
`,
  ),
  p(
    "look-alike: worker_threads close handler that makes a tracer once, at shutdown",
    "src/worker.ts",
    project(),
    [],
    `import { parentPort } from "node:worker_threads";
import { HoneyHiveTracer } from "honeyhive";

parentPort?.once("close", async () => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "workers" });
  tracer.enrichSession({ metadata: { closed: true } });
  await tracer.forceFlush();
});
`,
  ),
  p(
    "Hono on Deno: sessionStart in a route, Deno.serve(app.fetch)",
    "main.ts",
    project({ hono: "^4.6.0" }),
    ["start:7"],
    `import { Hono } from "hono";
import { tracer } from "./src/tracing.ts";

const app = new Hono();

app.post("/chat", async (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  return c.json({ ok: true });
});

Deno.serve(app.fetch);
`,
  ),
  p(
    "fastify-plugin wrapped plugin module: a tracer made in a route",
    "src/plugins/chat.ts",
    project({ fastify: "^5.0.0", "fastify-plugin": "^5.0.0" }),
    ["init:7"],
    `import fp from "fastify-plugin";
import type { FastifyInstance } from "fastify";
import { HoneyHiveTracer } from "honeyhive";

export default fp(async (fastify: FastifyInstance) => {
  fastify.post("/chat", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "fastify" });
    return tracer.startSpan("chat", async () => ({ ok: true }));
  });
});
`,
  ),
  p(
    "SQS Lambda: the session id of each record's body, unchecked; flushed in finally",
    "src/consumer.ts",
    project({ "@types/aws-lambda": "^8.10.0" }),
    ["sid:8"],
    `import type { SQSEvent } from "aws-lambda";
import { tracer } from "./tracing";

export const handler = async (event: SQSEvent) => {
  try {
    for (const record of event.Records) {
      const { sessionId, text } = JSON.parse(record.body) as { sessionId: string; text: string };
      await tracer.withSession({ sessionId }, () => tracer.startSpan("record", async () => text.length));
    }
  } finally {
    await tracer.forceFlush();
  }
};
`,
  ),
  p(
    "honeyhive 1.x: module tracer with top-level await, a Lambda that awaits tracer.flush() (correct for 1.x)",
    "src/handler.mjs",
    { "package.json": pkg(HH1, { type: "module" }) },
    [],
    `import { HoneyHiveTracer } from "honeyhive";

const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lambda" });

export const handler = async (event) => {
  try {
    return await tracer.traceFunction()(async (q) => ({ statusCode: 200, body: q }))(event.q);
  } finally {
    await tracer.flush();
  }
};
`,
  ),
  p(
    "look-alike: OpenTelemetry NodeSDK exporting to a local collector, in a Lambda without flush",
    "src/handler.ts",
    { "package.json": pkg({ "@opentelemetry/api": "^1.9.0", "@opentelemetry/sdk-node": "^0.53.0", "@opentelemetry/exporter-trace-otlp-http": "^0.53.0" }) },
    [],
    `import { trace } from "@opentelemetry/api";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

const sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "http://localhost:4318/v1/traces" }) });
sdk.start();

export const handler = async (event: { q: string }) => {
  return trace.getTracer("lambda").startActiveSpan("answer", async (span) => {
    span.end();
    return { statusCode: 200, body: event.q };
  });
};
`,
  ),
  p(
    "Vercel AI SDK telemetry enabled without the HoneyHive tracer, in a file with one",
    "src/chat.ts",
    project({ ai: "^4.0.0", "@ai-sdk/openai": "^1.0.0" }),
    ["provider:6"],
    `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

export async function answer(prompt: string) {
  const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt, experimental_telemetry: { isEnabled: true } });
  tracer.enrichSpan({ metadata: { length: text.length } });
  return text;
}
`,
  ),
  p(
    "namespace import: HH.HoneyHiveTracer.init() in Koa middleware",
    "src/server.ts",
    { "package.json": pkg({ ...HH2, koa: "^2.15.0" }) },
    ["init:7"],
    `import Koa from "koa";
import * as HH from "honeyhive";

const app = new Koa();

app.use(async (ctx, next) => {
  const tracer = HH.HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa" });
  tracer.createSession({ sessionName: ctx.path });
  await next();
});

app.listen(3000);
`,
  ),
  p(
    "Next.js App Router route: the session id from a header, unchecked",
    "app/api/chat/route.ts",
    project({ next: "^15.0.0" }),
    ["sid:5"],
    `import { tracer } from "../../../src/tracing";

export async function POST(request: Request) {
  const sessionId = request.headers.get("x-session-id") ?? crypto.randomUUID();
  tracer.createSession({ sessionId, skipApiCall: true });
  return Response.json(await tracer.startSpan("chat", async () => (await request.json()).message));
}
`,
  ),
];

// ================================================================================================================
// Third batch: more platforms and frameworks, session context, and flushes that do not wait
// ================================================================================================================
const THIRD: Program[] = [
  p(
    "Azure Functions v4: the session id from the query string, unchecked; flushed in finally",
    "src/functions/chat.ts",
    project({ "@azure/functions": "^4.5.0" }, { "host.json": `{ "version": "2.0" }\n` }),
    // First expectation sid:7: a miscount, the createSession() is on line 8.
    ["sid:8"],
    `import { app, type HttpRequest, type InvocationContext } from "@azure/functions";
import { tracer } from "../tracing";

app.http("chat", {
  methods: ["POST"],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    try {
      tracer.createSession({ sessionId: request.query.get("sid") ?? undefined });
      return { jsonBody: await tracer.startSpan("chat", async () => context.invocationId) };
    } finally {
      await tracer.forceFlush();
    }
  },
});
`,
  ),
  p(
    "Express: the session created after an await in middleware, next() called after it (fine for Express)",
    "src/server.ts",
    project({ express: "^4.21.0" }),
    [],
    `import express from "express";
import { tracer } from "./tracing";

const app = express();

app.use(async (req, res, next) => {
  const user = await loadUser(req.get("authorization"));
  tracer.createSession({ sessionName: "api", metadata: { user } });
  next();
});
app.post("/chat", async (req, res) => {
  res.json(await tracer.startSpan("chat", async () => req.body.message));
});
app.listen(3000);

async function loadUser(token: string | undefined): Promise<string> {
  return token ?? "anonymous";
}
`,
  ),
  p(
    "Koa: the session created in a setTimeout callback while await next() runs outside it",
    "src/server.ts",
    project({ koa: "^2.15.0" }),
    ["lost:8"],
    `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();

app.use(async (ctx, next) => {
  setTimeout(() => {
    tracer.createSession({ sessionName: ctx.path });
  }, 0);
  await next();
});
app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("reply", async () => "ok");
});
app.listen(3000);
`,
  ),
  p(
    "Fastify done-callback onRequest hook that creates the session and calls done() (correct)",
    "src/server.ts",
    project({ fastify: "^5.0.0" }),
    [],
    `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("onRequest", (request, reply, done) => {
  tracer.createSession({ sessionName: request.url });
  done();
});
app.get("/chat", async () => tracer.startSpan("chat", async () => "ok"));
app.listen({ port: 3000 });
`,
  ),
  p(
    "MCP server: a tracer made in a tool callback",
    "src/mcp.ts",
    project({ "@modelcontextprotocol/sdk": "^1.5.0", zod: "^3.23.0" }),
    ["init:8"],
    `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { HoneyHiveTracer } from "honeyhive";

const server = new McpServer({ name: "search", version: "1.0.0" });

server.tool("search", { query: z.string() }, async ({ query }) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "mcp" });
  const hits = await tracer.startSpan("search", async () => [query]);
  return { content: [{ type: "text", text: hits.join(",") }] };
});
`,
  ),
  p(
    "tRPC mutation: the session id from the procedure's input, unchecked",
    "src/server/routers/chat.ts",
    project({ "@trpc/server": "^11.0.0", zod: "^3.23.0" }),
    ["sid:9"],
    `import { initTRPC } from "@trpc/server";
import { z } from "zod";
import { tracer } from "../../tracing";

const t = initTRPC.create();

export const chatRouter = t.router({
  send: t.procedure.input(z.object({ sessionId: z.string(), message: z.string() })).mutation(async ({ input }) => {
    tracer.createSession({ sessionId: input.sessionId, skipApiCall: true });
    return tracer.startSpan("send", async () => input.message);
  }),
});
`,
  ),
  p(
    "Apollo Server resolver: sessionStart per query",
    "src/server.ts",
    project({ "@apollo/server": "^4.11.0", graphql: "^16.9.0" }),
    ["start:10"],
    `import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { tracer } from "./tracing";

const typeDefs = \`type Query { answer(q: String!): String }\`;

const resolvers = {
  Query: {
    answer: async (_parent: unknown, args: { q: string }) => {
      tracer.sessionStart({ sessionName: "graphql" });
      return tracer.startSpan("answer", async () => args.q);
    },
  },
};

const server = new ApolloServer({ typeDefs, resolvers });
await startStandaloneServer(server, { listen: { port: 4000 } });
`,
  ),
  p(
    "Electron ipcMain.handle: a tracer made per IPC call",
    "src/main.ts",
    project({ electron: "^33.0.0" }),
    ["init:5"],
    `import { ipcMain } from "electron";
import { HoneyHiveTracer } from "honeyhive";

ipcMain.handle("chat:send", async (_event, message: string) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "desktop" });
  return tracer.startSpan("send", async () => message.toUpperCase());
});
`,
  ),
  p(
    "Discord.js: sessionStart per message",
    "src/bot.ts",
    project({ "discord.js": "^14.16.0" }),
    ["start:8"],
    `import { Client, Events, GatewayIntentBits } from "discord.js";
import { tracer } from "./tracing";

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });

client.on(Events.MessageCreate, async (message) => {
  if (message.author.bot) return;
  tracer.sessionStart({ sessionName: \`discord-\${message.channelId}\` });
  await message.reply(await tracer.startSpan("reply", async () => message.content));
});

client.login(process.env.DISCORD_TOKEN);
`,
  ),
  p(
    "Lambda: a flush in finally that is not awaited",
    "src/handler.ts",
    project(),
    ["flush:3"],
    `import { tracer } from "./tracing";

export const handler = async (event: { q: string }) => {
  try {
    return { statusCode: 200, body: await tracer.startSpan("answer", async () => event.q) };
  } finally {
    tracer.forceFlush();
  }
};
`,
  ),
  p(
    "Lambda: flushed on the happy path only, an early return skips it",
    "src/handler.ts",
    project(),
    ["flush:3"],
    `import { tracer } from "./tracing";

export const handler = async (event: { q?: string }) => {
  const answer = await tracer.startSpan("answer", async () => event.q);
  if (!answer) return { statusCode: 400, body: "missing q" };
  await tracer.forceFlush();
  return { statusCode: 200, body: answer };
};
`,
  ),
  p(
    "Supabase Edge Function: Deno.serve traces, never flushes",
    "supabase/functions/chat/index.ts",
    { "package.json": pkg(HH2), "supabase/config.toml": `project_id = "chat"\n`, "supabase/functions/_shared/tracing.ts": TRACING_TS },
    ["flush:3"],
    `import { tracer } from "../_shared/tracing.ts";

Deno.serve(async (req: Request) => {
  const { message } = await req.json();
  return Response.json({ answer: await tracer.startSpan("chat", async () => String(message)) });
});
`,
  ),
  p(
    "look-alike: @vercel/otel registerOTel in instrumentation.ts (no HoneyHive)",
    "instrumentation.ts",
    { "package.json": pkg({ next: "^15.0.0", "@vercel/otel": "^1.10.0" }) },
    [],
    `import { registerOTel } from "@vercel/otel";

export function register() {
  registerOTel({ serviceName: "chat" });
}
`,
  ),
  p(
    "look-alike: Langfuse observeOpenAI in a Lambda with shutdownAsync, next to a HoneyHive dependency",
    "src/handler.ts",
    { "package.json": pkg({ ...HH2, langfuse: "^3.26.0", openai: "^4.67.0" }) },
    [],
    `import OpenAI from "openai";
import { observeOpenAI, Langfuse } from "langfuse";

const langfuse = new Langfuse();

export const handler = async (event: { q: string }) => {
  const openai = observeOpenAI(new OpenAI(), { sessionId: event.q });
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.q }] });
  await langfuse.shutdownAsync();
  return { statusCode: 200, body: completion.choices[0]?.message.content ?? "" };
};
`,
  ),
  p(
    "look-alike: autoevals scorers and a local evaluate() beside a module tracer bound with trace({ tracer })",
    "scripts/score.ts",
    { "package.json": pkg({ ...HH2, autoevals: "^0.0.100" }) },
    [],
    `import { Factuality } from "autoevals";
import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "scores" });

const answer = trace({ tracer, eventType: "chain" }, async (q: string) => q);

async function evaluate(run: (q: string) => Promise<string>) {
  const output = await run("hi");
  return Factuality({ input: "hi", output, expected: "hi" });
}

console.log(await evaluate(answer));
await tracer.forceFlush();
`,
  ),
];

const ALL: readonly (readonly [string, readonly Program[]])[] = [
  ["handler shapes", HANDLERS],
  ["import styles", IMPORTS],
  ["SDK versions", VERSIONS],
  ["look-alikes", LOOKALIKES],
  ["second batch", SECOND],
  ["third batch", THIRD],
];

for (const [group, programs] of ALL) {
  describe(`blind-17 ${group}`, () => {
    it.each(programs.map((program) => [program.name, program] as const))("%s", (_name, program) => {
      expect(lintProgram(program)).toEqual([...program.expected].sort());
    });
  });
}
