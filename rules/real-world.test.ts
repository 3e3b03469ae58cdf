// The four rules on shapes taken from public projects (reconstructed, not copied): Express routers and
// controllers in their own files, Fastify plugins and type providers, Koa, Hono factories, NestJS
// middleware/filters/resolvers, Next.js route handlers and server actions, AWS Lambda exports
// (streaming, middy, serverless-http, SQS), evaluate() scripts, and the look-alikes that must stay
// silent (OpenTelemetry, Langfuse, LangSmith, Sentry, the ai SDK, local helpers). Each case says
// which real-world shape it stands for; known false negatives are `valid` with the reason.
import tsParser from "@typescript-eslint/parser";
import { ESLint } from "eslint";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "./index.js";
import noGlobalTracerWithEvaluate from "./no-global-tracer-with-evaluate.js";
import noSessionStartInHandler from "./no-session-start-in-handler.js";
import requireExplicitTracer from "./require-explicit-tracer.js";
import requireForceFlushInLambda from "./require-force-flush-in-lambda.js";
import { onAnalysisError } from "../analysis/ast.js";
import { lambdaFlushOf } from "../analysis/flush.js";
import { getHandlerModel } from "../analysis/handlers.js";
import { parseAnalysisInput } from "../analysis/parse-input.js";
import { lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";
import { createTempProject, type TempProject } from "./test-utils/temp-project.js";
import { typedLinting, type TypedLinting } from "./test-utils/typed-linting.js";

const ruleTester = createRuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
const asTested = testableRule;

ruleTester.run("no-session-start-in-handler on real-world shapes", asTested(noSessionStartInHandler), {
  valid: [
    // a parameter property typed with another library's class is not a HoneyHive tracer
    {
      code: `import { Controller, Post } from "@nestjs/common";
import { PostHog } from "posthog-node";
import { HoneyHiveTracer } from "honeyhive";
@Controller("chat")
export class ChatController {
  constructor(private readonly tracer: PostHog) {}
  @Post()
  create() {
    this.tracer.sessionStart();
  }
}`,
    },
    // PostHog wrapped in a project module: its sessionStart() is not HoneyHive's (a neutral name needs HoneyHive-only evidence)
    {
      code: `import express from "express";
import { posthog } from "./posthog";
const app = express();
app.post("/x", (req, res) => { posthog.sessionStart(); res.end(); });`,
    },
    // an analytics client from the project's lib in a Lambda handler, also flushed: still not a tracer
    {
      code: `import { analytics } from "../lib/analytics";
export const handler = async (event) => { analytics.sessionStart(event.id); await analytics.forceFlush(); return {}; };`,
    },
    // the callback of an outgoing http.get gets an IncomingMessage too: not a request handler
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import http, { IncomingMessage } from "node:http";
http.get("http://localhost/health", (res: IncomingMessage) => {
  tracer.sessionStart();
});`,
    },
    // a "use client" module is not a server action file
    {
      code: `"use client";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export async function send() {
  tracer.sessionStart();
}`,
      filename: "app/chat/form.tsx",
    },
    // a script's main(): one session for the run is the script pattern
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function main() {
  tracer.sessionStart({ sessionName: "nightly" });
  await run();
  await tracer.forceFlush();
}
main();`,
    },
    // a Lambda typed with aws-lambda's Context (not Hono's or Koa's) is a Lambda, and createSession is fine there
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { APIGatewayProxyEvent, Context } from "aws-lambda";
export const handler = async (event: APIGatewayProxyEvent, context: Context) => {
  tracer.createSession();
  await tracer.forceFlush();
  return { statusCode: 200 };
};`,
    },
    // a function taking the global fetch Request (not Express's) outside a route file
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export async function readBody(req: Request) {
  tracer.sessionStart();
  return req.json();
}`,
      filename: "src/lib/body.ts",
    },
    // Langfuse's trace({ sessionId }) in an Express handler is another library
    {
      code: `import express from "express";
import { Langfuse } from "langfuse";
const langfuse = new Langfuse();
const app = express();
app.post("/chat", async (req, res) => {
  langfuse.trace({ name: "chat", sessionId: req.body.sessionId });
  await langfuse.flushAsync();
  res.end();
});`,
    },
    // the seed's per-invocation Lambda tracer: created inside the handler, so its session is not shared
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
export const handler = async (event) => {
  const tracer = await HoneyHiveTracer.init({ project: "p", sessionName: \`order-\${event.id}\` });
  tracer.sessionStart();
  try {
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};`,
    },
    // a default-exported object with a `fetch(url)` method is what API clients look like: not a server
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default {
  async fetch(path: string) {
    tracer.sessionStart();
    return fetch(\`https://api.example.com\${path}\`);
  },
};`,
      filename: "src/client.ts",
    },
    // known false negative: a fastify-cli autoload plugin in plain JS (`module.exports = async function (fastify, opts)`) names its parameter `fastify` but nothing binds it to Fastify; matching by name would also match look-alikes
    {
      code: `const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
module.exports = async function (fastify, opts) {
  fastify.post("/chat", async function (request, reply) {
    tracer.sessionStart();
    return {};
  });
};`,
      filename: "routes/chat/index.js",
    },
    // known false negative: lexical containment only, a route registered through a wrapper object from another module (`routes.register(app)`) is not followed
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { defineRoute } from "./router";
export default defineRoute("POST", "/chat", async (req, res) => {
  tracer.sessionStart();
});`,
    },
  ],
  invalid: [
    // Nuxt auto-imports defineEventHandler in server/ files (analysis/knowledge/frameworks/h3.ts)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default defineEventHandler(async (event) => {
  tracer.sessionStart();
});`,
      filename: "server/api/chat.post.ts",
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default defineEventHandler(async (event) => {
  tracer.createSession();
});`,
      errors: [{ messageId: "sessionStartInHandler", line: 4, column: 10, data: { tracer: "tracer", handler: "h3/Nuxt event handler", unit: "request" } }],
    },
    // a module worker's fetch(request, env, ctx) (analysis/knowledge/frameworks/cloudflare-workers.ts)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    tracer.sessionStart();
    return new Response("ok");
  },
};`,
      filename: "src/worker.ts",
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    tracer.createSession();
    return new Response("ok");
  },
};`,
      errors: [{ messageId: "sessionStartInHandler", line: 5, column: 12, data: { tracer: "tracer", handler: "Cloudflare Workers handler", unit: "invocation" } }],
    },
    // a NestJS provider injected as a constructor parameter property: `this.tracer` is the injected HoneyHiveTracer
    {
      code: `import { Controller, Post } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";
@Controller("chat")
export class ChatController {
  constructor(private readonly tracer: HoneyHiveTracer) {}
  @Post()
  create() {
    this.tracer.sessionStart();
  }
}`,
      output: `import { Controller, Post } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";
@Controller("chat")
export class ChatController {
  constructor(private readonly tracer: HoneyHiveTracer) {}
  @Post()
  create() {
    this.tracer.createSession();
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 8, column: 17, data: { tracer: "this.tracer", handler: "NestJS handler", unit: "request" } },
      ],
    },
    // the same with `public`, `protected` or `readonly` alone, a type-only import, and an async method
    {
      code: `import { Controller, Get, Post } from "@nestjs/common";
import type { HoneyHiveTracer } from "honeyhive";
import * as hh from "honeyhive";
@Controller("chat")
export class ChatController {
  constructor(public tracer: HoneyHiveTracer, protected audit: hh.HoneyHiveTracer, readonly other: HoneyHiveTracer) {}
  @Get()
  async list() {
    this.tracer.sessionStart({ sessionName: "list" });
    this.audit.sessionStart();
    this.other.sessionStart();
  }
}`,
      output: `import { Controller, Get, Post } from "@nestjs/common";
import type { HoneyHiveTracer } from "honeyhive";
import * as hh from "honeyhive";
@Controller("chat")
export class ChatController {
  constructor(public tracer: HoneyHiveTracer, protected audit: hh.HoneyHiveTracer, readonly other: HoneyHiveTracer) {}
  @Get()
  async list() {
    this.tracer.createSession({ sessionName: "list" });
    this.audit.createSession();
    this.other.createSession();
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 9, column: 17, data: { tracer: "this.tracer", handler: "NestJS handler", unit: "request" } },
        { messageId: "sessionStartInHandler", line: 10, column: 16, data: { tracer: "this.audit", handler: "NestJS handler", unit: "request" } },
        { messageId: "sessionStartInHandler", line: 11, column: 16, data: { tracer: "this.other", handler: "NestJS handler", unit: "request" } },
      ],
    },
    // a neutrally named client from a project module that the file also uses as only HoneyHive's tracer can be (createSession)
    {
      code: `import express from "express";
import { observability } from "./observability";
const app = express();
app.post("/chat", async (req, res) => {
  observability.sessionStart();
  res.end();
});
app.post("/batch", async (req, res) => {
  await observability.createSession();
  res.end();
});`,
      output: `import express from "express";
import { observability } from "./observability";
const app = express();
app.post("/chat", async (req, res) => {
  observability.createSession();
  res.end();
});
app.post("/batch", async (req, res) => {
  await observability.createSession();
  res.end();
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 17, data: { tracer: "observability", handler: "Express handler", unit: "request" } },
      ],
    },
    // Express controller in its own file, typed RequestHandler, registered elsewhere
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { RequestHandler } from "express";

export const createChat: RequestHandler = async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
};`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { RequestHandler } from "express";

export const createChat: RequestHandler = async (req, res) => {
  tracer.createSession({ sessionName: "chat" });
  res.json({ ok: true });
};`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // Express controller function taking (req: Request, res: Response)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Request, Response } from "express";

export async function createChat(req: Request, res: Response) {
  tracer.sessionStart();
  res.status(201).end();
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Request, Response } from "express";

export async function createChat(req: Request, res: Response) {
  tracer.createSession();
  res.status(201).end();
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // class-based Express controller with namespace types (express.Request)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import * as express from "express";

export class ChatController {
  async create(req: express.Request, res: express.Response) {
    tracer.sessionStart();
    res.end();
  }
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import * as express from "express";

export class ChatController {
  async create(req: express.Request, res: express.Response) {
    tracer.createSession();
    res.end();
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 12, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // Express 4-arg error middleware in CommonJS
    {
      code: `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
const app = express();
app.use(function onError(err, req, res, next) {
  tracer.sessionStart();
  next(err);
});`,
      filename: "server.cjs",
      output: `const express = require("express");
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
const app = express();
app.use(function onError(err, req, res, next) {
  tracer.createSession();
  next(err);
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // express-async-handler wrapper on a Router in a routes file
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Router } from "express";
import asyncHandler from "express-async-handler";

const router = Router();
router.post("/chat", asyncHandler(async (req, res) => {
  tracer.sessionStart();
  res.json({});
}));
export default router;`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Router } from "express";
import asyncHandler from "express-async-handler";

const router = Router();
router.post("/chat", asyncHandler(async (req, res) => {
  tracer.createSession();
  res.json({});
}));
export default router;`,
      errors: [
        { messageId: "sessionStartInHandler", line: 8, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // router.route().get().post() chain
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import express from "express";
const router = express.Router({ mergeParams: true });
router.route("/chat/:id").get((req, res) => res.end()).post((req, res) => {
  tracer.sessionStart();
  res.end();
});`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import express from "express";
const router = express.Router({ mergeParams: true });
router.route("/chat/:id").get((req, res) => res.end()).post((req, res) => {
  tracer.createSession();
  res.end();
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // Fastify with a type provider: Fastify().withTypeProvider<…>()
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import Fastify from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
const app = Fastify({ logger: true }).withTypeProvider<TypeBoxTypeProvider>();
app.post("/chat", async (request, reply) => {
  tracer.sessionStart();
  return { ok: true };
});`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import Fastify from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
const app = Fastify({ logger: true }).withTypeProvider<TypeBoxTypeProvider>();
app.post("/chat", async (request, reply) => {
  tracer.createSession();
  return { ok: true };
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 10, data: { tracer: "tracer", handler: "Fastify handler", unit: "request" } },
      ],
    },
    // Fastify plugin typed FastifyPluginAsyncTypebox (routes file)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get("/chat", async () => {
    tracer.sessionStart();
    return {};
  });
};
export default routes;`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get("/chat", async () => {
    tracer.createSession();
    return {};
  });
};
export default routes;`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 12, data: { tracer: "tracer", handler: "Fastify handler", unit: "request" } },
      ],
    },
    // fastify-plugin wrapped plugin adding an onRequest hook
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import fp from "fastify-plugin";

export default fp(async (fastify) => {
  fastify.addHook("onRequest", async (request) => {
    tracer.sessionStart();
  });
});`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import fp from "fastify-plugin";

export default fp(async (fastify) => {
  fastify.addHook("onRequest", async (request) => {
    tracer.createSession();
  });
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 12, data: { tracer: "tracer", handler: "Fastify handler", unit: "request" } },
      ],
    },
    // Fastify handler written apart: (request: FastifyRequest, reply: FastifyReply)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { FastifyReply, FastifyRequest } from "fastify";

export async function chatHandler(request: FastifyRequest, reply: FastifyReply) {
  tracer.sessionStart();
  return reply.send({});
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { FastifyReply, FastifyRequest } from "fastify";

export async function chatHandler(request: FastifyRequest, reply: FastifyReply) {
  tracer.createSession();
  return reply.send({});
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Fastify handler", unit: "request" } },
      ],
    },
    // Hono app with basePath (Cloudflare Workers / Bun)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Hono } from "hono";
const app = new Hono<{ Bindings: Env }>().basePath("/api");
app.post("/chat", async (c) => {
  tracer.sessionStart();
  return c.json({});
});
export default app;`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Hono } from "hono";
const app = new Hono<{ Bindings: Env }>().basePath("/api");
app.post("/chat", async (c) => {
  tracer.createSession();
  return c.json({});
});
export default app;`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Hono handler", unit: "request" } },
      ],
    },
    // Hono createFactory().createHandlers(…)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { createFactory } from "hono/factory";
import { logger } from "hono/logger";
const factory = createFactory();
export const chatHandlers = factory.createHandlers(logger(), async (c) => {
  tracer.sessionStart();
  return c.json({});
});`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { createFactory } from "hono/factory";
import { logger } from "hono/logger";
const factory = createFactory();
export const chatHandlers = factory.createHandlers(logger(), async (c) => {
  tracer.createSession();
  return c.json({});
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 10, data: { tracer: "tracer", handler: "Hono handler", unit: "request" } },
      ],
    },
    // Hono createMiddleware from hono/factory
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { createMiddleware } from "hono/factory";
export const session = createMiddleware(async (c, next) => {
  tracer.sessionStart();
  await next();
});`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { createMiddleware } from "hono/factory";
export const session = createMiddleware(async (c, next) => {
  tracer.createSession();
  await next();
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Hono handler", unit: "request" } },
      ],
    },
    // Hono handler written apart: (c: Context)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { Context } from "hono";
export const chat = async (c: Context) => {
  tracer.sessionStart();
  return c.json({});
};`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { Context } from "hono";
export const chat = async (c: Context) => {
  tracer.createSession();
  return c.json({});
};`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Hono handler", unit: "request" } },
      ],
    },
    // Koa middleware through koa-compose
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import Koa from "koa";
import compose from "koa-compose";
const app = new Koa();
app.use(compose([async (ctx, next) => {
  tracer.sessionStart();
  await next();
}]));`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import Koa from "koa";
import compose from "koa-compose";
const app = new Koa();
app.use(compose([async (ctx, next) => {
  tracer.createSession();
  await next();
}]));`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 10, data: { tracer: "tracer", handler: "Koa handler", unit: "request" } },
      ],
    },
    // koa-router called without `new` in CommonJS
    {
      code: `const { HoneyHiveTracer } = require("honeyhive");
const router = require("koa-router")();
const tracer = HoneyHiveTracer.init();
router.post("/chat", async (ctx) => {
  tracer.sessionStart();
  ctx.body = {};
});
module.exports = router;`,
      filename: "routes/chat.js",
      output: `const { HoneyHiveTracer } = require("honeyhive");
const router = require("koa-router")();
const tracer = HoneyHiveTracer.init();
router.post("/chat", async (ctx) => {
  tracer.createSession();
  ctx.body = {};
});
module.exports = router;`,
      errors: [{ messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Koa handler", unit: "request" } }],
    },
    // Koa handler written apart: (ctx: Koa.Context)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import Koa from "koa";
export async function chat(ctx: Koa.Context) {
  tracer.sessionStart();
  ctx.body = {};
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import Koa from "koa";
export async function chat(ctx: Koa.Context) {
  tracer.createSession();
  ctx.body = {};
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Koa handler", unit: "request" } },
      ],
    },
    // NestJS middleware class without @Injectable()
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { NestMiddleware } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
export class SessionMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    tracer.sessionStart();
    next();
  }
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { NestMiddleware } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
export class SessionMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    tracer.createSession();
    next();
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 12, data: { tracer: "tracer", handler: "NestJS handler", unit: "request" } },
      ],
    },
    // NestJS exception filter (@Catch)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { ArgumentsHost, Catch, ExceptionFilter } from "@nestjs/common";
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    tracer.sessionStart();
  }
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { ArgumentsHost, Catch, ExceptionFilter } from "@nestjs/common";
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    tracer.createSession();
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 7, column: 12, data: { tracer: "tracer", handler: "NestJS handler", unit: "request" } },
      ],
    },
    // NestJS controller with @Sse and a tracer field
    {
      code: `import { Controller, Sse } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";
@Controller("events")
export class EventsController {
  private readonly tracer = HoneyHiveTracer.init({ project: "p" });
  @Sse("stream")
  stream() {
    this.tracer.sessionStart();
    return source$;
  }
}`,
      output: `import { Controller, Sse } from "@nestjs/common";
import { HoneyHiveTracer } from "honeyhive";
@Controller("events")
export class EventsController {
  private readonly tracer = HoneyHiveTracer.init({ project: "p" });
  @Sse("stream")
  stream() {
    this.tracer.createSession();
    return source$;
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 8, column: 17, data: { tracer: "this.tracer", handler: "NestJS handler", unit: "request" } },
      ],
    },
    // NestJS GraphQL resolver mutation
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Args, Mutation, Resolver } from "@nestjs/graphql";
@Resolver()
export class ChatResolver {
  @Mutation(() => String)
  async send(@Args("text") text: string) {
    tracer.sessionStart();
    return text;
  }
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { Args, Mutation, Resolver } from "@nestjs/graphql";
@Resolver()
export class ChatResolver {
  @Mutation(() => String)
  async send(@Args("text") text: string) {
    tracer.createSession();
    return text;
  }
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 8, column: 12, data: { tracer: "tracer", handler: "NestJS handler", unit: "request" } },
      ],
    },
    // Next.js server actions file ("use server")
    {
      code: `"use server";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export async function sendMessage(formData: FormData) {
  tracer.sessionStart();
  return formData.get("text");
}`,
      filename: "app/actions.ts",
      output: `"use server";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export async function sendMessage(formData: FormData) {
  tracer.createSession();
  return formData.get("text");
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Next.js server action handler", unit: "request" } },
      ],
    },
    // next-safe-action: an action client chain exported from a "use server" file
    {
      code: `"use server";
import { tracer } from "@/lib/tracing";
import { actionClient } from "@/lib/safe-action";
import { z } from "zod";
export const sendMessage = actionClient.schema(z.object({ text: z.string() })).action(async ({ parsedInput }) => {
  tracer.sessionStart();
  return parsedInput.text;
});`,
      filename: "src/app/actions/send.ts",
      output: `"use server";
import { tracer } from "@/lib/tracing";
import { actionClient } from "@/lib/safe-action";
import { z } from "zod";
export const sendMessage = actionClient.schema(z.object({ text: z.string() })).action(async ({ parsedInput }) => {
  tracer.createSession();
  return parsedInput.text;
});`,
      errors: [{ messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Next.js server action handler", unit: "request" } }],
    },
    // Next.js inline server action in a server component
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default function Page() {
  async function send(formData: FormData) {
    "use server";
    tracer.sessionStart();
  }
  return <form action={send} />;
}`,
      filename: "app/page.tsx",
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default function Page() {
  async function send(formData: FormData) {
    "use server";
    tracer.createSession();
  }
  return <form action={send} />;
}`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 12, data: { tracer: "tracer", handler: "Next.js server action handler", unit: "request" } },
      ],
    },
    // Next.js App Router: export const POST = withAuth(async (req) => …)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { withAuth } from "@/lib/auth";
export const POST = withAuth(async (req) => {
  tracer.sessionStart();
  return Response.json({});
});`,
      filename: "src/app/api/chat/route.ts",
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { withAuth } from "@/lib/auth";
export const POST = withAuth(async (req) => {
  tracer.createSession();
  return Response.json({});
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Next.js route handler", unit: "request" } },
      ],
    },
    // Next.js App Router: export { handler as GET, handler as POST }
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function handler(req: Request) {
  tracer.sessionStart();
  return new Response("ok");
}
export { handler as GET, handler as POST };`,
      filename: "app/api/[...path]/route.ts",
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function handler(req: Request) {
  tracer.createSession();
  return new Response("ok");
}
export { handler as GET, handler as POST };`,
      errors: [
        { messageId: "sessionStartInHandler", line: 4, column: 10, data: { tracer: "tracer", handler: "Next.js route handler", unit: "request" } },
      ],
    },
    // Next.js pages/api: export default withSentry(handler), NextApiHandler const
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { NextApiHandler } from "next";
import { withSentry } from "@sentry/nextjs";
const handler: NextApiHandler = async (req, res) => {
  tracer.sessionStart();
  res.status(200).json({});
};
export default withSentry(handler);`,
      filename: "pages/api/chat.ts",
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { NextApiHandler } from "next";
import { withSentry } from "@sentry/nextjs";
const handler: NextApiHandler = async (req, res) => {
  tracer.createSession();
  res.status(200).json({});
};
export default withSentry(handler);`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Next.js route handler", unit: "request" } },
      ],
    },
    // Vercel serverless function (api/*.ts) typed with @vercel/node
    {
      code: `import type { VercelRequest, VercelResponse } from "@vercel/node";
import { tracer } from "../lib/tracing";
export default async function handler(req: VercelRequest, res: VercelResponse) {
  tracer.sessionStart();
  res.status(200).json({});
}`,
      filename: "api/chat.ts",
      output: `import type { VercelRequest, VercelResponse } from "@vercel/node";
import { tracer } from "../lib/tracing";
export default async function handler(req: VercelRequest, res: VercelResponse) {
  tracer.createSession();
  res.status(200).json({});
}`,
      errors: [{ messageId: "sessionStartInHandler", line: 4, column: 10, data: { tracer: "tracer", handler: "Vercel function handler", unit: "invocation" } }],
    },
    // Lambda typed Handler<…> under a configured export name
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Handler } from "aws-lambda";
export const main: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> = async (event) => {
  tracer.sessionStart();
  try {
    return { statusCode: 200, body: "" };
  } finally {
    await tracer.forceFlush();
  }
};`,
      settings: {"honeyhive": {"lambdaHandlerNames": ["main"]}},
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Handler } from "aws-lambda";
export const main: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> = async (event) => {
  tracer.createSession();
  try {
    return { statusCode: 200, body: "" };
  } finally {
    await tracer.forceFlush();
  }
};`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "AWS Lambda handler", unit: "invocation" } },
      ],
    },
    // tracer imported from the project's own ./tracing module in an Express router
    {
      code: `import { Router } from "express";
import { tracer } from "../lib/tracing";
export const chatRouter = Router();
chatRouter.post("/", async (req, res) => {
  tracer.sessionStart();
  res.end();
});`,
      output: `import { Router } from "express";
import { tracer } from "../lib/tracing";
export const chatRouter = Router();
chatRouter.post("/", async (req, res) => {
  tracer.createSession();
  res.end();
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 5, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
    // SDK re-exported by a local module named in settings.honeyhive.modules
    {
      code: `import express from "express";
import { HoneyHiveTracer } from "@/lib/honeyhive";
const tracer = HoneyHiveTracer.init();
const app = express();
app.get("/x", (req, res) => {
  tracer.sessionStart();
  res.end();
});`,
      settings: {"honeyhive": {"modules": ["@/lib/honeyhive"]}},
      output: `import express from "express";
import { HoneyHiveTracer } from "@/lib/honeyhive";
const tracer = HoneyHiveTracer.init();
const app = express();
app.get("/x", (req, res) => {
  tracer.createSession();
  res.end();
});`,
      errors: [
        { messageId: "sessionStartInHandler", line: 6, column: 10, data: { tracer: "tracer", handler: "Express handler", unit: "request" } },
      ],
    },
  ],
});

ruleTester.run("require-force-flush-in-lambda on real-world shapes", asTested(requireForceFlushInLambda), {
  valid: [
    // an analytics client wrapped in a project module: sessionStart() alone does not make it a HoneyHive tracer
    {
      code: `import { analytics } from "../lib/analytics";
export const handler = async (event) => { analytics.sessionStart(event.id); return {}; };`,
    },
    // PostHog's forceFlush-less Lambda usage, through a default import
    {
      code: `import posthog from "./posthog";
export async function handler(event) {
  posthog.sessionStart();
  posthog.trace("event");
  return { statusCode: 204 };
}`,
    },
    // `await tracer.forceFlush().catch(log)`: awaiting the chain waits for the flush
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = async (event) => {
  tracer.createSession();
  const result = await work(event);
  await tracer.forceFlush().catch((error) => console.error("flush failed", error));
  return result;
};`,
    },
    // a same-file helper that awaits the flush, called in finally
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function flushTraces() {
  await tracer.forceFlush();
}
export const handler = async (event) => {
  try {
    tracer.createSession();
    return await work(event);
  } finally {
    await flushTraces();
  }
};`,
    },
    // CommonJS: a const arrow helper that returns the flush promise
    {
      code: `const { HoneyHiveTracer, trace } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
const work = trace({ tracer }, async (event) => event.body);
const flush = () => tracer.forceFlush();
exports.handler = async (event) => {
  try {
    return await work(event);
  } finally {
    await flush();
  }
};`,
      filename: "handler.cjs",
    },
    // returning the flush promise chain from an async handler
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = async (event) => {
  tracer.createSession();
  const body = await work(event);
  return tracer.forceFlush().then(() => ({ statusCode: 200, body }));
};`,
    },
    // the seed's per-invocation tracer, shut down (which flushes) before the handler returns
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
export const handler = async (event) => {
  const tracer = HoneyHiveTracer.init({ project: "p", sessionName: event.requestContext.requestId });
  try {
    return await tracer.trace({ eventName: "work" }, work)(event);
  } finally {
    await tracer.shutdown();
  }
};`,
    },
    // a flush bounded by a timeout with Promise.race
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const handler = async (event) => {
  tracer.createSession();
  await Promise.race([tracer.forceFlush(), timeout(500)]);
  return { statusCode: 200 };
};`,
    },
    // a streaming handler that flushes in finally
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  try {
    tracer.createSession();
    responseStream.end("done");
  } finally {
    await tracer.forceFlush();
  }
});`,
    },
    // Netlify functions run on Lambda: typed Handler from @netlify/functions, flushed
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { Handler } from "@netlify/functions";
export const handler: Handler = async (event) => {
  tracer.createSession();
  await tracer.forceFlush();
  return { statusCode: 200 };
};`,
      filename: "netlify/functions/chat.ts",
    },
    // Langfuse in a Lambda: flushAsync is another library's
    {
      code: `import { Langfuse } from "langfuse";
const langfuse = new Langfuse();
export const handler = async (event) => {
  langfuse.trace({ name: "lambda" });
  await langfuse.flushAsync();
  return 1;
};`,
    },
    // Sentry's wrapped handler and Sentry.flush are another library's
    {
      code: `import * as Sentry from "@sentry/aws-serverless";
export const handler = Sentry.wrapHandler(async (event) => {
  await Sentry.flush(2000);
  return { statusCode: 200 };
});`,
    },
    // OpenTelemetry's tracer in a Lambda is not a HoneyHive tracer
    {
      code: `import { trace } from "@opentelemetry/api";
const tracer = trace.getTracer("orders");
export const handler = async (event) => tracer.startActiveSpan("order", async (span) => {
  span.end();
  return { statusCode: 200 };
});`,
    },
    // a default export is not what the Lambda runtime calls
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export default async function handler(event) {
  tracer.createSession();
  return 1;
}`,
    },
    // known false negative: the export is itself a traced function (`tracer.trace(options, fn)`); the flush
    // cannot go inside `fn` (the wrapper's span ends after it) and the rule does not say where it goes instead
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = tracer.trace({ eventName: "lambda" }, async (event) => {
  tracer.createSession();
  return { statusCode: 200 };
});`,
    },
  ],
  invalid: [
    // Architect's arc.http.async(fn) awaits `fn` and returns its result, flushing nothing of HoneyHive's
    // (was a known false negative; analysis/knowledge/frameworks/aws-lambda.ts looks through it now)
    {
      code: `const arc = require("@architect/functions");
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
async function chat(req) {
  tracer.createSession();
  return { json: {} };
}
exports.handler = arc.http.async(chat);`,
      filename: "src/http/post-chat/index.js",
      output: null,
      errors: [
        {
          messageId: "missingFlush",
          line: 4,
          suggestions: [
            {
              messageId: "wrapInTryFinally",
              data: { flush: "tracer.forceFlush()" },
              output: `const arc = require("@architect/functions");
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
async function chat(req) {
  try {
    tracer.createSession();
    return { json: {} };
  } finally {
    await tracer.forceFlush();
  }
}
exports.handler = arc.http.async(chat);`,
            },
          ],
        },
      ],
    },
    // a neutrally named binding from a project module used with enrichSession (only HoneyHive's tracer has it) traces
    {
      code: `import { analytics } from "../lib/analytics";
export const handler = async (event) => {
  analytics.enrichSession({ metadata: { id: event.id } });
  return {};
};`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 2, column: 14, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "analytics.forceFlush()" }, output: `import { analytics } from "../lib/analytics";
export const handler = async (event) => {
  try {
    analytics.enrichSession({ metadata: { id: event.id } });
    return {};
  } finally {
    await analytics.forceFlush();
  }
};` }] },
      ],
    },
    // response streaming: awslambda.streamifyResponse(async (event, responseStream, context) => …)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  tracer.createSession();
  responseStream.write("hi");
  responseStream.end();
});`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 3, column: 52, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  try {
    tracer.createSession();
    responseStream.write("hi");
    responseStream.end();
  } finally {
    await tracer.forceFlush();
  }
});` }] },
      ],
    },
    // serverless-http wrapping Express inside a tracing async handler
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import serverless from "serverless-http";
import { app } from "./app";
const proxy = serverless(app);
export const handler = async (event, context) => {
  tracer.createSession();
  return proxy(event, context);
};`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 6, column: 14, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import serverless from "serverless-http";
import { app } from "./app";
const proxy = serverless(app);
export const handler = async (event, context) => {
  try {
    tracer.createSession();
    return await proxy(event, context);
  } finally {
    await tracer.forceFlush();
  }
};` }] },
      ],
    },
    // SQS batch handler typed SQSHandler with continue
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { SQSHandler } from "aws-lambda";
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    if (!record.body) continue;
    tracer.createSession();
  }
};`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 4, column: 14, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import type { SQSHandler } from "aws-lambda";
export const handler: SQSHandler = async (event) => {
  try {
    for (const record of event.Records) {
      if (!record.body) continue;
      tracer.createSession();
    }
  } finally {
    await tracer.forceFlush();
  }
};` }] },
      ],
    },
    // middy chain with http-json-body-parser, base handler declared above
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import middy from "@middy/core";
import jsonBodyParser from "@middy/http-json-body-parser";
const base = async (event) => {
  tracer.createSession();
  return { statusCode: 200 };
};
export const handler = middy(base).use(jsonBodyParser());`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 5, column: 7, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import middy from "@middy/core";
import jsonBodyParser from "@middy/http-json-body-parser";
const base = async (event) => {
  try {
    tracer.createSession();
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};
export const handler = middy(base).use(jsonBodyParser());` }] },
      ],
    },
    // module.exports.handler = async function (event, context)
    {
      code: `const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
module.exports.handler = async function (event, context) {
  tracer.createSession();
  return { statusCode: 200 };
};`,
      filename: "handler.js",
      output: null,
      errors: [
        { messageId: "missingFlush", line: 3, column: 16, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
module.exports.handler = async function (event, context) {
  try {
    tracer.createSession();
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
};` }] },
      ],
    },
    // Sentry.wrapHandler around a tracing handler (Sentry flushes its own events, not HoneyHive's spans)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import * as Sentry from "@sentry/aws-serverless";
export const handler = Sentry.wrapHandler(async (event) => {
  tracer.createSession();
  return { statusCode: 200 };
});`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 4, column: 43, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import * as Sentry from "@sentry/aws-serverless";
export const handler = Sentry.wrapHandler(async (event) => {
  try {
    tracer.createSession();
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
});` }] },
      ],
    },
    // SST v2's ApiHandler(fn): it sets up SST's request hooks and flushes nothing of HoneyHive's (a known false negative before)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { ApiHandler } from "sst/node/api";
export const handler = ApiHandler(async (evt) => {
  tracer.createSession();
  return { statusCode: 200 };
});`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 4, column: 35, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
import { ApiHandler } from "sst/node/api";
export const handler = ApiHandler(async (evt) => {
  try {
    tracer.createSession();
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
});` }] },
      ],
    },
    // Datadog's datadog(fn) wrapper, CommonJS
    {
      code: `const { datadog } = require("datadog-lambda-js");
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
async function main(event) {
  tracer.createSession();
  return { statusCode: 200 };
}
module.exports.handler = datadog(main);`,
      filename: "handler.js",
      output: null,
      errors: [
        { messageId: "missingFlush", line: 4, column: 16, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `const { datadog } = require("datadog-lambda-js");
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
async function main(event) {
  try {
    tracer.createSession();
    return { statusCode: 200 };
  } finally {
    await tracer.forceFlush();
  }
}
module.exports.handler = datadog(main);` }] },
      ],
    },
    // streaming through a `const streamifyResponse = awslambda.streamifyResponse` alias, CommonJS
    {
      code: `"use strict";
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
const streamifyResponse = awslambda.streamifyResponse;
module.exports.handler = streamifyResponse(async (event, responseStream) => {
  tracer.createSession();
  responseStream.end("ok");
});`,
      filename: "index.js",
      output: null,
      errors: [
        { messageId: "missingFlush", line: 5, column: 44, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `"use strict";
const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
const streamifyResponse = awslambda.streamifyResponse;
module.exports.handler = streamifyResponse(async (event, responseStream) => {
  try {
    tracer.createSession();
    responseStream.end("ok");
  } finally {
    await tracer.forceFlush();
  }
});` }] },
      ],
    },
    // the lambda-stream package's streamifyResponse, handler declared below
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
import { streamifyResponse, type ResponseStream } from "lambda-stream";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = streamifyResponse(stream);
async function stream(event: unknown, responseStream: ResponseStream): Promise<void> {
  tracer.createSession();
  responseStream.end();
}`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 5, column: 16, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
import { streamifyResponse, type ResponseStream } from "lambda-stream";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = streamifyResponse(stream);
async function stream(event: unknown, responseStream: ResponseStream): Promise<void> {
  try {
    tracer.createSession();
    responseStream.end();
  } finally {
    await tracer.forceFlush();
  }
}` }] },
      ],
    },
    // a flush helper that only flushes sometimes does not count
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function maybeFlush() {
  if (process.env.FLUSH) await tracer.forceFlush();
}
export const handler = async (event) => {
  tracer.createSession();
  await maybeFlush();
  return 1;
};`,
      output: null,
      errors: [
        { messageId: "missingFlush", line: 6, column: 14, suggestions: [{ messageId: "wrapInTryFinally", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function maybeFlush() {
  if (process.env.FLUSH) await tracer.forceFlush();
}
export const handler = async (event) => {
  try {
    tracer.createSession();
    await maybeFlush();
    return 1;
  } finally {
    await tracer.forceFlush();
  }
};` }] },
      ],
    },
    // flush fired and forgotten with .catch (not awaited)
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = async (event) => {
  tracer.createSession();
  tracer.forceFlush().catch(console.error);
  return { statusCode: 200 };
};`,
      output: null,
      errors: [
        // Awaiting the chain is enough (and flushes once).
        { messageId: "missingFlush", line: 3, column: 14, suggestions: [{ messageId: "awaitFlush", data: { flush: "tracer.forceFlush()" }, output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const handler = async (event) => {
  tracer.createSession();
  await tracer.forceFlush().catch(console.error);
  return { statusCode: 200 };
};` }] },
      ],
    },
  ],
});

ruleTester.run("require-explicit-tracer on real-world shapes", asTested(requireExplicitTracer), {
  valid: [
    // OpenTelemetry's trace.getTracer next to a HoneyHive tracer
    {
      code: `import { trace } from "@opentelemetry/api";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
const otel = trace.getTracer("svc");
otel.startActiveSpan("work", (span) => span.end());`,
    },
    // LangSmith's traceable is not the SDK's trace
    {
      code: `import { traceable } from "langsmith/traceable";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const pipeline = traceable(async (input: string) => input, { name: "pipeline" });`,
    },
    // the ai SDK's experimental_telemetry option
    {
      code: `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
export const answer = (prompt: string) =>
  generateText({ model: openai("gpt-4o-mini"), prompt, experimental_telemetry: { isEnabled: true } });`,
    },
    // a local helper named trace
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
function trace(label: string) {
  console.log(label);
}
trace("boot");`,
    },
    // Langfuse's langfuse.trace() next to a HoneyHive tracer
    {
      code: `import { Langfuse } from "langfuse";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
const langfuse = new Langfuse();
langfuse.trace({ name: "x" });`,
    },
  ],
  invalid: [
    // namespace import hh.trace with a tracer of its own
    {
      code: `import * as hh from "honeyhive";
const tracer = hh.HoneyHiveTracer.init();
export const step = hh.trace({ eventType: "tool" }, async (x: string) => x);`,
      output: `import * as hh from "honeyhive";
const tracer = hh.HoneyHiveTracer.init();
export const step = hh.trace({ eventType: "tool", tracer }, async (x: string) => x);`,
      errors: [
        { messageId: "implicitTrace", line: 3, column: 21 },
      ],
    },
    // global enrichSpan through destructured require in CommonJS
    {
      code: `const { HoneyHiveTracer, enrichSpan } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
function record(x) {
  enrichSpan({ metadata: { x } });
}
module.exports = { record };`,
      filename: "worker.cjs",
      output: `const { HoneyHiveTracer } = require("honeyhive");
const tracer = HoneyHiveTracer.init();
function record(x) {
  tracer.enrichSpan({ metadata: { x } });
}
module.exports = { record };`,
      errors: [
        { messageId: "implicitEnrichment", line: 4, column: 3 },
      ],
    },
  ],
});

const CJS_EVALUATE_WITHOUT_TRACER = `const { trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const answer = trace({ eventType: "chain" }, async (datapoint) => datapoint.inputs);
evaluate({ function: answer, dataset: [], name: "x" });`;

ruleTester.run("no-global-tracer-with-evaluate on real-world shapes", asTested(noGlobalTracerWithEvaluate), {
  valid: [
    // LangSmith's evaluate next to a module-level HoneyHive tracer
    {
      code: `import { evaluate } from "langsmith/evaluation";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
await evaluate((input) => input, { data: "qa-dataset" });`,
    },
    // a local function named evaluate
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
function evaluate(config: { function: (x: unknown) => unknown }) {
  return config.function(1);
}
evaluate({ function: tracer.trace({}, (x) => x) });`,
    },
    // the script pattern: a module-level tracer without evaluate()
    {
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
const summarize = tracer.trace({ eventType: "chain" }, async (text: string) => text.slice(0, 100));
await summarize("hello");
await tracer.forceFlush();`,
    },
  ],
  invalid: [
    // evaluate() script in CommonJS with tracer.trace-wrapped function: `trace` joins the destructured require
    {
      code: `const { HoneyHiveTracer } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const tracer = HoneyHiveTracer.init();
const answer = tracer.trace({ eventType: "chain" }, async (datapoint) => datapoint.inputs);
evaluate({ function: answer, dataset: [], name: "x" });`,
      filename: "eval.cjs",
      output: null,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          line: 3,
          column: 16,
          suggestions: [{ messageId: "removeTracer", data: { tracer: "tracer" }, output: CJS_EVALUATE_WITHOUT_TRACER }],
        },
        {
          messageId: "tracerBoundToEvaluated",
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `const { HoneyHiveTracer, trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const tracer = HoneyHiveTracer.init();
const answer = trace({ eventType: "chain" }, async (datapoint) => datapoint.inputs);
evaluate({ function: answer, dataset: [], name: "x" });`,
            },
            { messageId: "removeTracer", data: { tracer: "tracer" }, output: CJS_EVALUATE_WITHOUT_TRACER },
          ],
        },
      ],
    },
  ],
});
// Type information is optional: on a sample of the shapes above for all four rules (typed handler parameters, Nest
// decorators, a typed Lambda, look-alikes), linting with `projectService` reports exactly what
// linting without it reports, and parses everything.
describe("real-world shapes with and without type information", () => {
  const samples: Record<string, string> = {
    "src/controllers/chat.ts": `import { HoneyHiveTracer } from "honeyhive";\nimport type { Request, Response } from "express";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport async function createChat(req: Request, res: Response) {\n  tracer.sessionStart();\n  res.end();\n}\n`,
    "src/filters/all.ts": `import { HoneyHiveTracer } from "honeyhive";\nimport { Catch, type ArgumentsHost, type ExceptionFilter } from "@nestjs/common";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n@Catch()\nexport class AllExceptionsFilter implements ExceptionFilter {\n  catch(exception: unknown, host: ArgumentsHost) {\n    tracer.sessionStart();\n  }\n}\n`,
    "src/lambda/sqs.ts": `import { HoneyHiveTracer } from "honeyhive";\nimport type { SQSHandler } from "aws-lambda";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const handler: SQSHandler = async (event) => {\n  for (const record of event.Records) tracer.createSession({ sessionName: record.messageId });\n};\n`,
    "src/lambda/flushed.mts": `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nasync function flushTraces(): Promise<void> {\n  await tracer.forceFlush().catch(() => undefined);\n}\nexport const handler = async (event: { body?: string }) => {\n  try {\n    return { statusCode: 200, body: event.body ?? "" };\n  } finally {\n    await flushTraces();\n  }\n};\n`,
    "src/otel.ts": `import { trace } from "@opentelemetry/api";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const otel = trace.getTracer("svc");\nexport { tracer };\n`,
    "eval/run.ts": `import { HoneyHiveTracer, trace } from "honeyhive";\nimport { evaluate } from "honeyhive/experiments";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst answer = trace({ eventType: "chain", tracer }, async (datapoint: { inputs: { q: string } }) => datapoint.inputs.q);\nawait evaluate({ function: answer, dataset: [], name: "x" });\n`,
    "src/steps.ts": `import { HoneyHiveTracer, trace } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\nexport const step = trace({ eventType: "tool" }, async (input: string) => input.trim());\n`,
    "app/actions.ts": `"use server";\nimport { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport async function send(formData: FormData) {\n  tracer.sessionStart();\n  return formData.get("text");\n}\n`,
  };
  let project: TempProject;
  const files: string[] = [];

  beforeAll(() => {
    project = createTempProject("real-world-typed", []);
    // Decorators in the legacy form NestJS projects compile with.
    const compilerOptions = { strict: true, noEmit: true, experimentalDecorators: true, module: "nodenext", target: "es2022", types: [] };
    project.write("tsconfig.json", JSON.stringify({ compilerOptions, include: ["**/*"] }));
    for (const [path, text] of Object.entries(samples)) files.push(project.write(path, text));
  });
  afterAll(() => project?.remove());

  async function findings(parserOptions: object, typed?: TypedLinting): Promise<string[]> {
    const files = ["**/*.{ts,mts}"];
    const config = [{ ...plugin.configs.all, files, languageOptions: { parser: tsParser, parserOptions } }, ...(typed ? [{ files, ...typed.probe }] : [])];
    // typescript-eslint's config types are not ESLint's own; the object is the same at runtime.
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: config as unknown as ESLint.Options["overrideConfig"] });
    const results = await eslint.lintFiles(files);
    return results.flatMap((result) =>
      result.messages.map((message) => `${result.filePath.slice(project.dir.length + 1)}:${message.line} ${message.ruleId ?? "fatal"}`),
    ).sort();
  }

  it("reports the same findings, none fatal", async () => {
    const untyped = await findings({});
    const typedLint = typedLinting(project.dir);
    const typed = await findings(typedLint.parserOptions, typedLint);
    // Every file had type information, from this project's tsconfig (rules/test-utils/typed-linting.ts).
    expect(files.filter((file) => typedLint.tsconfigOf.get(file) !== typedLint.tsconfig)).toEqual([]);
    expect(typed).toEqual(untyped);
    expect(untyped).toEqual([
      "app/actions.ts:5 honeyhive/no-session-start-in-handler",
      "eval/run.ts:3 honeyhive/no-global-tracer-with-evaluate",
      "eval/run.ts:4 honeyhive/no-global-tracer-with-evaluate",
      "src/controllers/chat.ts:5 honeyhive/no-session-start-in-handler",
      "src/filters/all.ts:7 honeyhive/no-session-start-in-handler",
      "src/lambda/sqs.ts:4 honeyhive/require-force-flush-in-lambda",
      "src/steps.ts:3 honeyhive/require-explicit-tracer",
    ]);
  }, 120_000);
});

// Odd but legal shapes next to a tracer and an Express app: the analysis swallows no error (it would
// otherwise silently report nothing), no rule crashes, and the flush rule's code-path verdict matches
// the structural one the codemod uses.
describe("a neutrally named tracer from a project module, confirmed by type information or by the module", () => {
  let project: TempProject;
  let files: Record<string, string>;

  beforeAll(() => {
    project = createTempProject("neutral-typed", []);
    const compilerOptions = { strict: true, noEmit: true, module: "nodenext", target: "es2022", types: [] };
    project.write("tsconfig.json", JSON.stringify({ compilerOptions, include: ["**/*"] }));
    project.write("src/obs.ts", `import { HoneyHiveTracer } from "honeyhive";\nexport const client = HoneyHiveTracer.init({ project: "p" });\n`);
    project.write("src/posthog.ts", `export const posthog = { sessionStart(): void {}, async forceFlush(): Promise<void> {} };\n`);
    files = {
      tracer: project.write("src/lambda.ts", `import { client } from "./obs.js";\nexport const handler = async () => {\n  client.sessionStart();\n  return {};\n};\n`),
      posthog: project.write("src/other.ts", `import { posthog } from "./posthog.js";\nexport const handler = async () => {\n  posthog.sessionStart();\n  return {};\n};\n`),
    };
  });
  afterAll(() => project?.remove());

  async function ruleIds(parserOptions: object, file: string, typed?: TypedLinting): Promise<string[]> {
    const files = ["**/*.ts"];
    const config = [{ ...plugin.configs.recommended, files, languageOptions: { parser: tsParser, parserOptions } }, ...(typed ? [{ files, ...typed.probe }] : [])];
    // typescript-eslint's config types are not ESLint's own; the object is the same at runtime.
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: config as unknown as ESLint.Options["overrideConfig"] });
    const [result] = await eslint.lintFiles([file]);
    return result!.messages.map((message) => `${message.line} ${message.ruleId ?? "fatal"}`).sort();
  }

  it("reports `client.sessionStart()` when the type checker or the imported module says `client` is a HoneyHiveTracer", async () => {
    const typed = typedLinting(project.dir);
    const reported = ["2 honeyhive/require-force-flush-in-lambda", "3 honeyhive/no-session-start-in-handler"];
    // Without types, src/obs.ts itself says so (cross-file facts, analysis/project-modules.ts).
    expect(await ruleIds({}, files.tracer)).toEqual(reported);
    expect(await ruleIds(typed.parserOptions, files.tracer, typed)).toEqual(reported);
    expect(await ruleIds({}, files.posthog)).toEqual([]);
    expect(await ruleIds(typed.parserOptions, files.posthog, typed)).toEqual([]);
    expect([files.tracer, files.posthog].filter((file) => typed.tsconfigOf.get(file) !== typed.tsconfig)).toEqual([]);
  }, 120_000);
});

describe("odd shapes", () => {
  const PRELUDE = `import { HoneyHiveTracer } from "honeyhive";\nimport express from "express";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\n`;
  const snippets = [
    "export const handler = async function* (event) { tracer.createSession(); yield 1; };",
    'exports["handler"] = async () => { tracer.createSession(); };',
    "module.exports.handler = handler = async () => { tracer.createSession(); };",
    'export { default as handler } from "./x";',
    "export default { handler: async () => { tracer.createSession(); } };",
    "const fns = [(req, res) => tracer.sessionStart()]; app.get(\"/x\", ...fns);",
    'const m = "get"; app[m]("/x", (req, res) => tracer.sessionStart());',
    "const a = b; const b = a; app.get(\"/x\", a); export const handler = a;",
    'function routes(r) { routes(r); r.get("/x", () => tracer.sessionStart()); } routes(app);',
    "let app2 = app; app2 = app2.use(() => tracer.sessionStart());",
    "export const handler = async (event) => { label: { if (event) break label; return 1; } for await (const x of event) { continue; } try { throw 1; } catch { return 2; } finally { if (event) return 3; } };",
    "export const handler = async () => await Promise.all([, tracer.forceFlush()]);",
    "const flush = async () => flush(); export const handler = async () => { tracer.createSession(); await flush(); };",
    "export const handler = async () => { await (tracer.forceFlush() as Promise<void>).catch(); await tracer!.forceFlush(); return void 0; };",
    "const s = awslambda.streamifyResponse; export const handler = s();",
    "export class X implements NestMiddleware, Foo.Bar<string> { use() {} }",
    "function f(this: Request, { a }: Context = {} as Context, ...rest: Response[]) { tracer.sessionStart(); }",
    'export const GET = undefined; export { x as "string name" };',
  ];
  const rules = { noGlobalTracerWithEvaluate, noSessionStartInHandler, requireExplicitTracer, requireForceFlushInLambda };

  it.each(snippets)("%s", (snippet) => {
    const code = PRELUDE + snippet;
    const swallowed: unknown[] = [];
    onAnalysisError((error) => swallowed.push(error));
    try {
      for (const [name, rule] of Object.entries(rules)) {
        // typescript-eslint's RuleModule type differs from the one fixture-lint expects; same object at runtime.
        const messages = lintWithRule(name, rule as unknown as Parameters<typeof lintWithRule>[1], code, "src/odd.ts");
        expect(messages.filter((message) => message.fatal)).toEqual([]);
        if (rule !== requireForceFlushInLambda) continue;
        const input = parseAnalysisInput(code, "src/odd.ts");
        const structural = getHandlerModel(input).lambdaHandlers.filter((handler) => {
          const flush = lambdaFlushOf(input, handler);
          return flush?.traces === true && !flush.flushedOnEveryPath;
        });
        expect(messages).toHaveLength(structural.length);
      }
    } finally {
      onAnalysisError(undefined);
    }
    expect(swallowed).toEqual([]);
  });
});
