// Cases written from the frameworks' and platforms' own documentation, not from our fixtures: the
// handler shapes, import styles (default, named, namespace, CommonJS, aliases), wrappers and typed
// annotations that real projects use, and the look-alikes that must stay quiet. Organised by framework.
// A case that was missed or falsely reported when it was written says so (`was missed`); the fix is in
// the framework's descriptor (analysis/knowledge/frameworks/) unless noted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearDeploymentCache } from "../analysis/deployment.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import sessionRule, { RULE_NAME as SESSION_RULE } from "./no-session-start-in-handler.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import explicitTracerRule, { RULE_NAME as EXPLICIT_TRACER_RULE } from "./require-explicit-tracer.js";
import { Linter } from "eslint";
import { configForRule, lintWithRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();

/** This SDK's tracer in the three import styles projects use. */
const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const TRACER_CJS = `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const TRACER_NAMESPACE = `import * as hh from "honeyhive";\nconst tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`;
/** The tracer from the project's own module (named like a tracer: the rule needs no file on disk). */
const TRACER_LOCAL = `import { tracer } from "./tracing";\n`;
const START = `tracer.sessionStart({ sessionName: "chat" });`;

interface SessionCase {
  readonly code: string;
  readonly filename?: string;
}

/** A `sessionStart()` the rule must report in a handler of `framework` (its autofix is `createSession()`); `unit`: what the message says it runs per. */
function reported(framework: string, code: string, filename?: string, unit = "request") {
  return {
    code,
    ...(filename === undefined ? {} : { filename }),
    output: code.replace(".sessionStart(", ".createSession("),
    errors: [{ messageId: "sessionStartInHandler" as const, data: { tracer: "tracer", handler: `${framework} handler`, unit } }],
  };
}

const SESSION_CASES: Record<string, { valid: SessionCase[]; invalid: ReturnType<typeof reported>[] }> = {
  express: {
    valid: [
      // dd-trace's `tracer` is not a HoneyHive tracer.
      { code: `import express from "express";\nimport tracer from "dd-trace";\nconst app = express();\napp.post("/c", (req, res) => { tracer.sessionStart(); });` },
      // PostHog's client in a file that also has a HoneyHive tracer.
      { code: `import express from "express";\n${TRACER}import { PostHog } from "posthog-node";\nconst posthog = new PostHog("k");\nconst app = express();\napp.post("/c", (req, res) => { posthog.sessionStart(); });` },
      // `app.get("env")` reads a setting; it registers nothing.
      { code: `import express from "express";\n${TRACER}const app = express();\nconst env = app.get("env");\n${START}` },
      // Next.js's client router has a `push`, not routes.
      { code: `import { useRouter } from "next/router";\n${TRACER}export function Chat() { const router = useRouter(); router.push("/x"); ${START} return null; }` },
      // A local helper named like the SDK's method, in a router file.
      { code: `import { Router } from "express";\nconst router = Router();\nfunction createSession(req) { return { id: req.ip }; }\nrouter.post("/c", (req, res) => { res.json(createSession(req)); });` },
    ],
    invalid: [
      // A named function registered on `Router()` from a named import; the router exported by default.
      reported("Express", `import { Router } from "express";\n${TRACER}const router = Router();\nasync function createChat(req, res) { ${START} res.json({}); }\nrouter.post("/chat", createChat);\nexport default router;`),
      // CommonJS: `express.Router()` and `module.exports = router`.
      reported("Express", `const express = require("express");\n${TRACER_CJS}const router = express.Router();\nrouter.post("/chat", async (req, res) => { ${START} });\nmodule.exports = router;`),
      // express-async-handler around the handler.
      reported("Express", `import express from "express";\nimport asyncHandler from "express-async-handler";\n${TRACER}const router = express.Router();\nrouter.post("/chat", asyncHandler(async (req, res) => { ${START} }));`),
      // An array of middleware, then a `withAuth(...)` higher-order function.
      reported("Express", `import express from "express";\n${TRACER}const app = express();\napp.post("/chat", [auth, limiter], withAuth(async (req, res) => { ${START} }));`),
      // `router.route(path).get(…).post(…)`.
      reported("Express", `import express from "express";\n${TRACER}const router = express.Router();\nrouter.route("/chat").get(list).post(async (req, res) => { ${START} });`),
      // A controller module: typed `(req: Request, res: Response)`, or `RequestHandler`.
      reported("Express", `import type { Request, Response } from "express";\n${TRACER}export const createChat = async (req: Request, res: Response) => { ${START} res.json({}); };`),
      reported("Express", `import { RequestHandler } from "express";\n${TRACER}export const createChat: RequestHandler = async (req, res) => { ${START} };`),
      // `import * as express`; routes registered on a parameter typed `Express`.
      // On AWS Lambda through serverless-http the route is also the invocation; its message still names Express.
      reported("Express", `const express = require("express");\nconst serverless = require("serverless-http");\n${TRACER_CJS}const app = express();\napp.post("/chat", async (req, res) => { ${START} res.json({}); });\nmodule.exports.handler = serverless(app);`, undefined, "invocation"),
      reported("Express", `import * as express from "express";\n${TRACER}const app = express.default();\napp.post("/c", (req, res) => { ${START} });`),
      reported("Express", `import type { Express } from "express";\n${TRACER}export function routes(app: Express) { app.post("/c", (req, res) => { ${START} }); }`),
      // The tracer from `./tracing`, and a namespace import of honeyhive.
      reported("Express", `import express from "express";\n${TRACER_LOCAL}const app = express();\napp.post("/c", async (req, res) => { ${START} });`),
      reported("Express", `import express from "express";\n${TRACER_NAMESPACE}const app = express();\napp.post("/c", async (req, res) => { ${START} });`),
    ],
  },
  fastify: {
    // A fastify-cli autoloaded plugin that imports nothing of Fastify: below, in projects on disk (its package.json decides).
    valid: [],
    invalid: [
      reported("Fastify", `import type { FastifyInstance } from "fastify";\n${TRACER}export default async function routes(fastify: FastifyInstance) {\n  fastify.post("/chat", async (request, reply) => { ${START} return {}; });\n}`),
      reported("Fastify", `import Fastify from "fastify";\n${TRACER}const app = Fastify();\napp.route({ method: "POST", url: "/c", handler: async (req, reply) => { ${START} } });`),
      reported("Fastify", `import { FastifyPluginAsync } from "fastify";\n${TRACER}const chat: FastifyPluginAsync = async (app) => { app.post("/c", async () => { ${START} }); };\nexport default chat;`),
    ],
  },
  koa: {
    valid: [],
    invalid: [reported("Koa", `const Router = require("@koa/router");\n${TRACER_CJS}const router = new Router();\nrouter.post("/c", async (ctx) => { ${START} ctx.body = {}; });\nmodule.exports = router;`)],
  },
  hono: {
    valid: [
      // Hono's RPC client calls a server; its callbacks run in the caller, not per request.
      { code: `import { hc } from "hono/client";\n${TRACER}const client = hc("/api");\nclient.chat.$post({ json: {} }).then(() => { ${START} });` },
    ],
    invalid: [
      // A validator middleware before the handler, a generic app, `export default app` (Workers, Bun).
      reported("Hono", `import { Hono } from "hono";\nimport { zValidator } from "@hono/zod-validator";\n${TRACER}const app = new Hono<{ Bindings: Env }>();\napp.post("/c", zValidator("json", schema), async (c) => { ${START} return c.json({}); });\nexport default app;`),
      // Was missed: @hono/zod-openapi's `OpenAPIHono` and its `app.openapi(route, handler)`.
      reported("Hono", `import { OpenAPIHono, createRoute } from "@hono/zod-openapi";\n${TRACER}const app = new OpenAPIHono();\napp.openapi(route, async (c) => { ${START} return c.json({}); });\nexport default app;`),
      reported("Hono", `import { createFactory } from "hono/factory";\n${TRACER}const factory = createFactory();\nexport const handlers = factory.createHandlers(async (c) => { ${START} return c.json({}); });`),
      reported("Hono", `import { Hono } from "hono";\n${TRACER}const api = new Hono().basePath("/api");\napi.post("/c", async (c) => { ${START} return c.text("ok"); });\nexport default api;`),
    ],
  },
  nestjs: {
    valid: [
      // An @Injectable() service's method is not a route.
      { code: `import { Injectable } from "@nestjs/common";\n${TRACER}@Injectable()\nexport class BatchService {\n  async runNightly() { ${START} }\n}` },
      // A processor's other methods and its worker events are not the job (the events run after it).
      { code: `import { Processor, WorkerHost, OnWorkerEvent } from "@nestjs/bullmq";\n${TRACER}@Processor("q")\nexport class C extends WorkerHost {\n  async process(job) { return 1; }\n  private label() { ${START} }\n  @OnWorkerEvent("completed")\n  onCompleted() { ${START} }\n}` },
      // A `Processor` decorator of the project's own.
      { code: `import { Processor } from "./decorators";\n${TRACER}@Processor("q")\nexport class C {\n  async process(job) { ${START} }\n}` },
      // A class named like a processor without Nest's decorator.
      { code: `import { WorkerHost } from "@nestjs/bullmq";\n${TRACER}export class C extends WorkerHost {\n  async process(job) { ${START} }\n}` },
    ],
    invalid: [
      // Were missed: queue processors, @nestjs/bullmq's `process(job)` of a `@Processor` class, @nestjs/bull's `@Process()`.
      reported("NestJS", `import { Processor, WorkerHost } from "@nestjs/bullmq";\nimport { Job } from "bullmq";\n${TRACER}@Processor("audio")\nexport class AudioConsumer extends WorkerHost {\n  async process(job: Job<any, any, string>): Promise<any> { ${START} return {}; }\n}`),
      reported("NestJS", `import { Processor, Process } from "@nestjs/bull";\nimport { Job } from "bull";\n${TRACER}@Processor("audio")\nexport class AudioConsumer {\n  @Process("transcode")\n  async transcode(job: Job<unknown>) { ${START} }\n}`),
      reported("NestJS", `import { Controller, Post as HttpPost, Body } from "@nestjs/common";\n${TRACER}@Controller("chat")\nexport class ChatController {\n  @HttpPost()\n  async create(@Body() dto: unknown) { ${START} }\n}`),
      reported("NestJS", `import * as common from "@nestjs/common";\n${TRACER}@common.Controller("chat")\nexport class ChatController {\n  @common.Post()\n  async create() { ${START} }\n}`),
    ],
  },
  trpc: {
    valid: [
      // `t` from a module not named like tRPC's builder module is not followed.
      { code: `import { t } from "./i18n";\n${TRACER}export const label = t.procedure.mutation(() => { ${START} });` },
    ],
    invalid: [
      // Was missed: tRPC's docs export `t` itself from `./trpc` and write `t.procedure…` elsewhere.
      reported("tRPC procedure", `import { t } from "./trpc";\n${TRACER}export const appRouter = t.router({ chat: t.procedure.input(schema).mutation(async ({ input }) => { ${START} return {}; }) });`),
      reported("tRPC procedure", `import { publicProcedure, router } from "../trpc";\n${TRACER}export const chatRouter = router({ send: publicProcedure.input(z.string()).mutation(async ({ input, ctx }) => { ${START} }) });`),
      reported("tRPC procedure", `import { initTRPC } from "@trpc/server";\n${TRACER}const t = initTRPC.context<Ctx>().create();\nexport const router = t.router({ q: t.procedure.query(() => { ${START} return 1; }) });`),
      // Was missed: the builders destructured from `initTRPC.create()` (handlers.ts reads a destructured property's kind).
      reported("tRPC procedure", `import { initTRPC } from "@trpc/server";\n${TRACER}const { router, procedure } = initTRPC.create();\nexport const appRouter = router({ q: procedure.mutation(async () => { ${START} }) });`),
    ],
  },
  nextjs: {
    valid: [
      // The same export outside app/**/route.*.
      { code: `${TRACER}export async function POST(req: Request) { ${START} return new Response("ok"); }`, filename: "src/lib/chat.ts" },
      // getStaticProps runs at build time, not per request.
      { code: `${TRACER}export async function getStaticProps() { ${START} return { props: {} }; }`, filename: "pages/about.tsx" },
    ],
    invalid: [
      // One function exported under two verbs (the NextAuth docs' shape).
      reported("Next.js route", `${TRACER}async function handler(req: Request) { ${START} return new Response("ok"); }\nexport { handler as GET, handler as POST };`, "app/api/chat/route.ts"),
      reported("Next.js route", `import { withAuth } from "@/lib/auth";\n${TRACER}export const POST = withAuth(async (req: Request) => { ${START} return Response.json({}); });`, "src/app/api/chat/route.ts"),
      reported("Next.js route", `import type { NextApiRequest, NextApiResponse } from "next";\n${TRACER}export default async function handler(req: NextApiRequest, res: NextApiResponse) { ${START} res.json({}); }`, "pages/api/chat.ts"),
      reported("Next.js server action", `"use server";\n${TRACER}export async function send(form: FormData) { ${START} }`, "app/actions.ts"),
      // Were missed: a page's getServerSideProps (per request), by path or by its type; a pages/api route in CommonJS.
      reported("Next.js route", `${TRACER}export async function getServerSideProps(context) { ${START} return { props: {} }; }\nexport default function Page() { return null; }`, "pages/chat.jsx"),
      reported("Next.js route", `import type { GetServerSideProps } from "next";\n${TRACER}export const loadChat: GetServerSideProps = async (context) => { ${START} return { props: {} }; };`, "src/lib/load-chat.ts"),
      reported("Next.js route", `${TRACER_CJS}module.exports = async function handler(req, res) { ${START} res.json({}); };`, "pages/api/chat.js"),
    ],
  },
  sveltekit: {
    valid: [],
    invalid: [
      reported("SvelteKit", `import type { RequestHandler } from "./$types";\n${TRACER}export const POST: RequestHandler = async ({ request }) => { ${START} return new Response(); };`, "src/routes/api/chat/+server.ts"),
      // A `Handle` passed through `sequence(...)`.
      reported("SvelteKit", `import { sequence } from "@sveltejs/kit/hooks";\nimport type { Handle } from "@sveltejs/kit";\n${TRACER}const tracing: Handle = async ({ event, resolve }) => { ${START} return resolve(event); };\nexport const handle = sequence(tracing);`, "src/hooks.server.ts"),
      reported("SvelteKit", `import type { Actions } from "./$types";\n${TRACER}export const actions = { default: async ({ request }) => { ${START} } } satisfies Actions;`, "src/routes/chat/+page.server.ts"),
    ],
  },
  vercel: {
    valid: [],
    invalid: [
      // Was missed as Vercel's (a Bun server's `fetch` then): the web-standard default export of api/.
      reported("Vercel function", `${TRACER}export default { async fetch(request: Request) { ${START} return new Response("ok"); } };`, "api/chat.ts", "invocation"),
    ],
  },
  "remix / react router": {
    valid: [
      // A module with generated route types: only its server exports are handlers.
      { code: `import type { Route } from "./+types/page";\n${TRACER}export function meta({}: Route.MetaArgs) { return []; }\nexport function helper() { ${START} }`, filename: "app/chat/page.tsx" },
    ],
    invalid: [
      reported("Remix/React Router route", `import type { ActionFunctionArgs } from "@remix-run/node";\n${TRACER}export const action = async ({ request }: ActionFunctionArgs) => { ${START} return null; };`, "app/routes/chat.tsx"),
      // Was missed: a React Router 7 route module outside app/routes/ (routes.ts puts it anywhere); its `./+types/` import says what it is.
      reported("Remix/React Router route", `import type { Route } from "./+types/page";\n${TRACER}export async function action({ request }: Route.ActionArgs) { ${START} return null; }`, "app/chat/page.tsx"),
    ],
  },
  astro: {
    valid: [
      // A local function named like Astro's.
      { code: `${TRACER}const defineAction = (options) => options;\nexport const server = { chat: defineAction({ handler: async () => { ${START} } }) };`, filename: "src/actions/index.ts" },
    ],
    invalid: [
      reported("Astro endpoint", `import type { APIRoute } from "astro";\n${TRACER}export const POST: APIRoute = async ({ request }) => { ${START} return new Response(); };`, "src/pages/api/chat.ts"),
      // Was missed: an action's `handler` (the docs' `export const server = { name: defineAction({ input, handler }) }`).
      reported("Astro endpoint", `import { defineAction } from "astro:actions";\nimport { z } from "astro/zod";\n${TRACER}export const server = { chat: defineAction({ input: z.object({ prompt: z.string() }), handler: async (input, context) => { ${START} return {}; } }) };`, "src/actions/index.ts"),
      reported("Astro endpoint", `import { defineAction } from "astro:actions";\n${TRACER}async function chat(input) { ${START} return {}; }\nexport const server = { chat: defineAction({ accept: "form", handler: chat }) };`, "src/actions/index.ts"),
      reported("Astro endpoint", `import type { APIContext } from "astro";\n${TRACER}export async function GET({ params, request }: APIContext) { ${START} return new Response(); }`, "src/pages/api/[id].ts"),
    ],
  },
  "h3 / nuxt / nitro": {
    valid: [
      // Outside Nuxt's and Nitro's server folders the global is not their auto-import.
      { code: `${TRACER}export const handler = defineEventHandler(async (event) => { ${START} return {}; });\nexport default handler;`, filename: "server/utils/session.ts" },
    ],
    invalid: [
      reported("h3/Nuxt event", `${TRACER}export default defineEventHandler(async (event) => { ${START} return {}; });`, "server/api/chat.post.ts"),
      // Was missed: a standalone Nitro project's `routes/` at the root.
      reported("h3/Nuxt event", `${TRACER}export default defineEventHandler(async (event) => { ${START} return {}; });`, "routes/chat.post.ts"),
      reported("h3/Nuxt event", `import { createApp, createRouter, defineEventHandler } from "h3";\n${TRACER}const router = createRouter();\nrouter.post("/c", defineEventHandler(async (event) => { ${START} }));`),
      // Was missed: a plain function on h3 v1's router and on h3 v2's `new H3()`.
      reported("h3/Nuxt event", `import { createRouter } from "h3";\n${TRACER}const router = createRouter();\nrouter.post("/c", async (event) => { ${START} return {}; });`),
      reported("h3/Nuxt event", `import { H3 } from "h3";\n${TRACER}const app = new H3();\napp.post("/c", async (event) => { ${START} return {}; });`),
    ],
  },
  elysia: {
    valid: [],
    invalid: [
      // Was missed: routes registered inside `group(prefix, (app) => …)` (handlers.ts: a plugin callback at any argument).
      reported("Elysia", `import { Elysia } from "elysia";\n${TRACER}new Elysia().group("/api", (app) => app.post("/c", async ({ body }) => { ${START} return {}; })).listen(3000);`),
      reported("Elysia", `import { Elysia } from "elysia";\n${TRACER}export const chat = new Elysia({ prefix: "/chat" }).post("/", async ({ body }) => { ${START} return {}; });`),
    ],
  },
  hapi: {
    valid: [
      // A `register` object under another export name is no plugin (hapi reads `plugin` or the default export).
      { code: `import type { Server } from "@hapi/hapi";\n${TRACER}export const routes = { register: async (server) => { server.route({ method: "POST", path: "/c", handler: async (request, h) => { ${START} return {}; } }); } };` },
    ],
    invalid: [
      reported("hapi", `const Hapi = require("@hapi/hapi");\n${TRACER_CJS}const server = Hapi.server({ port: 3000 });\nserver.route({ method: "POST", path: "/c", options: { handler: async (request, h) => { ${START} return {}; } } });`),
      // Was missed: a plugin object's `register(server)` (the descriptor's `pluginExports`); the type import makes hapi's descriptor active without a project.
      reported("hapi", `import type { Plugin } from "@hapi/hapi";\n${TRACER}export const plugin: Plugin<undefined> = { name: "chat", register: async (server) => { server.route({ method: "POST", path: "/c", handler: async (request, h) => { ${START} return {}; } }); } };`),
    ],
  },
  restify: {
    valid: [],
    invalid: [reported("restify", `import restify from "restify";\n${TRACER}const server = restify.createServer();\nserver.post("/c", async (req, res) => { ${START} res.send({}); });`)],
  },
  graphql: {
    valid: [
      // A `@Resolver()` class's helper method, and `@Query` of another library, are no field resolvers.
      { code: `import { Resolver, Query } from "type-graphql";\n${TRACER}@Resolver()\nexport class ChatResolver {\n  @Query(() => String)\n  hello() { return "hi"; }\n  private open() { ${START} }\n}` },
      { code: `import { Query } from "./decorators";\n${TRACER}export class Handler {\n  @Query()\n  run() { ${START} }\n}` },
    ],
    invalid: [
      reported("GraphQL resolver", `import { ApolloServer } from "@apollo/server";\n${TRACER}const resolvers = { Mutation: { chat: async (_parent, args) => { ${START} return "ok"; } } };\nconst server = new ApolloServer({ typeDefs, resolvers });`),
      // Was missed (no descriptor): TypeGraphQL's decorated resolver classes.
      reported("GraphQL resolver", `import { Resolver, Mutation, Arg } from "type-graphql";\n${TRACER}@Resolver()\nexport class ChatResolver {\n  @Mutation(() => String)\n  async chat(@Arg("prompt") prompt: string) { ${START} return prompt; }\n}`),
      reported("GraphQL resolver", `import * as TypeGraphQL from "type-graphql";\n${TRACER}@TypeGraphQL.Resolver((of) => Post)\nexport class PostResolver {\n  @TypeGraphQL.FieldResolver()\n  async author(@TypeGraphQL.Root() post: Post) { ${START} return null; }\n}`),
      reported("GraphQL resolver", `import { createSchema, createYoga } from "graphql-yoga";\n${TRACER}const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers: { Query: { hello: () => { ${START} return "x"; } } } }) });`),
    ],
  },
  "bun / deno": {
    valid: [
      // A `routes` map of another server function, or of a plain object, registers nothing.
      { code: `import { serve } from "./my-server";\n${TRACER}serve({ routes: { "/x": () => { ${START} } } });` },
      { code: `${TRACER}const config = { routes: { "/x": () => { ${START} } } };\nconfig.routes["/x"]();` },
      // An HTML import as a route is no function.
      { code: `import homepage from "./index.html";\n${TRACER}Bun.serve({ routes: { "/": homepage } });\n${START}` },
    ],
    invalid: [
      reported("fetch", `${TRACER}Bun.serve({ port: 3000, async fetch(req) { ${START} return new Response("ok"); } });`),
      reported("fetch", `${TRACER}Deno.serve(async (req) => { ${START} return new Response("ok"); });`),
      // Were missed: Bun 1.2.3's `routes`, a function per path or an object of per-method functions.
      reported("fetch", `${TRACER}Bun.serve({ routes: { "/api/status": new Response("OK"), "/api/chat": { GET: () => new Response("list"), POST: async (req) => { ${START} return Response.json({}); } } } });`),
      reported("fetch", `${TRACER}async function chat(req) { ${START} return Response.json({}); }\nBun.serve({ routes: { "/users/:id": chat }, fetch() { return new Response("404"); } });`),
      reported("fetch", `${TRACER}Deno.serve({ port: 8000 }, async (req) => { ${START} return new Response("ok"); });`),
    ],
  },
  // Was missed: a Durable Object serves every request to its id from one instance, interleaved at each `await`.
  "cloudflare durable objects": {
    valid: [
      // Its other methods are RPC or helpers, and a class of another module named DurableObject is not Cloudflare's.
      { code: `import { DurableObject } from "cloudflare:workers";\n${TRACER}export class Room extends DurableObject { async fetch(request) { return new Response("ok"); }\n  private open() { ${START} } }` },
      { code: `import { DurableObject } from "./base";\n${TRACER}export class Room extends DurableObject { async fetch(request) { ${START} return new Response("ok"); } }` },
    ],
    invalid: [
      reported("Cloudflare Workers", `import { DurableObject } from "cloudflare:workers";\n${TRACER}export class Room extends DurableObject<Env> { async fetch(request: Request) { ${START} return new Response("ok"); } }`),
      reported("Cloudflare Workers", `import { DurableObject } from "cloudflare:workers";\n${TRACER}export class Room extends DurableObject { async webSocketMessage(ws, message) { ${START} } }`),
    ],
  },
  "cloud functions for firebase": {
    valid: [],
    invalid: [
      // Was missed (no descriptor): Firebase's triggers, 2nd gen and 1st gen.
      reported("Google Cloud Functions", `import { onRequest } from "firebase-functions/v2/https";\n${TRACER}export const chat = onRequest(async (req, res) => { ${START} res.send("ok"); });`, undefined, "invocation"),
      reported("Google Cloud Functions", `import { onCall } from "firebase-functions/https";\n${TRACER}export const chat = onCall({ cors: true }, async (request) => { ${START} return { ok: true }; });`, undefined, "invocation"),
      reported("Google Cloud Functions", `import * as functions from "firebase-functions/v1";\n${TRACER}export const chat = functions.https.onRequest(async (req, res) => { ${START} res.send("ok"); });`, undefined, "invocation"),
    ],
  },
  queues: {
    valid: [
      // A worker's events run once per job but after it: nothing to race on here.
      { code: `import { Worker } from "bullmq";\n${TRACER}const worker = new Worker("q", "./processor.js");\nworker.on("completed", (job) => { ${START} });` },
    ],
    invalid: [
      reported("queue job", `import { Worker, Job } from "bullmq";\n${TRACER}const processor = async (job: Job) => { ${START} };\nnew Worker("q", processor, { connection, concurrency: 8 });`, undefined, "job"),
      reported("queue job", `const { Worker } = require("bullmq");\n${TRACER_CJS}const worker = new Worker("q", async (job) => { ${START} }, { concurrency: 5 });`, undefined, "job"),
      reported("queue job", `import { Consumer } from "sqs-consumer";\n${TRACER}const app = Consumer.create({ queueUrl: "u", handleMessage: async (message) => { ${START} } });\napp.start();`, undefined, "job"),
      reported("queue job", `import { Kafka } from "kafkajs";\n${TRACER}const kafka = new Kafka({ brokers: [] });\nconst consumer = kafka.consumer({ groupId: "g" });\nawait consumer.run({ eachMessage: async ({ message }) => { ${START} } });`, undefined, "job"),
    ],
  },
  // Were missed (no descriptor): WebSocket servers, whose callbacks run per connection and per message for every client at once.
  "websockets": {
    valid: [
      // A client: its callbacks are the process's own connection, not requests.
      { code: `import { io } from "socket.io-client";\n${TRACER}const socket = io("http://localhost:3000");\nsocket.on("chat", (message) => { ${START} });` },
      { code: `import WebSocket from "ws";\n${TRACER}const client = new WebSocket("ws://localhost:8080");\nclient.on("message", (data) => { ${START} });` },
      // An EventEmitter's `on` in a file that also runs a Socket.IO server.
      { code: `import { EventEmitter } from "node:events";\nimport { Server } from "socket.io";\n${TRACER}const io = new Server(3000);\nconst bus = new EventEmitter();\nbus.on("tick", () => { ${START} });` },
    ],
    invalid: [
      reported("Socket.IO", `import { Server } from "socket.io";\n${TRACER}const io = new Server(3000);\nio.on("connection", (socket) => {\n  socket.on("chat", async (message, ack) => { ${START} ack({}); });\n});`, undefined, "event"),
      reported("Socket.IO", `const { Server } = require("socket.io");\n${TRACER_CJS}const io = new Server(httpServer);\nio.of("/chat").on("connection", async (socket) => { ${START} });`, undefined, "event"),
      reported("WebSocket", `import { WebSocketServer } from "ws";\n${TRACER}const wss = new WebSocketServer({ port: 8080 });\nwss.on("connection", (ws, request) => {\n  ws.on("message", async (data) => { ${START} ws.send("ok"); });\n});`, undefined, "message"),
    ],
  },
  // Shapes written from the frameworks' docs that were already recognized (kept as regression cases).
  "from the docs": {
    valid: [
      // Known false negative: routes added to a router made in another module (the engine recognizes
      // framework objects by how this file makes or types them, not by what an imported module exports).
      { code: `import router from "./router";\n${TRACER}router.post("/c", async (req, res) => { ${START} res.json({}); });` },
      // Fastify's `listen` callback runs once, at start.
      { code: `import Fastify from "fastify";\n${TRACER}const app = Fastify();\napp.listen({ port: 3000 }, () => { ${START} });` },
    ],
    invalid: [
      reported("Fastify", `import Fastify from "fastify";\n${TRACER}const app = Fastify();\napp.register(async (instance) => { instance.get("/c", async () => { ${START} return {}; }); }, { prefix: "/api" });`),
      reported("Fastify", `import Fastify from "fastify";\n${TRACER}const app = Fastify();\nasync function routes(fastify, options) { fastify.post("/c", async (request, reply) => { ${START} return {}; }); }\napp.register(routes, { prefix: "/api" });`),
      reported("Fastify", `import Fastify from "fastify";\n${TRACER}const app = Fastify();\napp.post("/c", { schema: { body: {} } }, async (request, reply) => { ${START} return {}; });`),
      reported("Express", `const router = require("express").Router();\n${TRACER_CJS}router.post("/c", async (req, res) => { ${START} res.json({}); });\nmodule.exports = router;`),
      reported("Express", `import { Router } from "express";\n${TRACER}const router = Router({ mergeParams: true });\nrouter.post("/c", async (req, res) => { ${START} res.json({}); });\nexport default router;`),
      reported("fetch", `${TRACER}Deno.serve({ port: 8000, handler: async (req) => { ${START} return new Response("ok"); } });`),
      reported("Elysia", `import { Elysia } from "elysia";\n${TRACER}new Elysia().guard({ beforeHandle() {} }, (app) => app.post("/c", async ({ body }) => { ${START} return {}; })).listen(3000);`),
      reported("Elysia", `import { Elysia } from "elysia";\n${TRACER}new Elysia().derive(({ headers }) => { ${START} return {}; }).get("/", () => "hi").listen(3000);`),
      reported("hapi", `import Hapi from "@hapi/hapi";\n${TRACER}const server = Hapi.server({ port: 3000 });\nserver.route([{ method: "GET", path: "/a", handler: () => "a" }, { method: "POST", path: "/c", handler: async (request, h) => { ${START} return {}; } }]);`),
      reported("NestJS", `import { Controller, Get } from "@nestjs/common";\n${TRACER}@Controller("chat")\nexport class ChatController {\n  @Get()\n  async list() { ${START} return []; }\n}`),
      reported("NestJS", `import { Injectable, NestMiddleware } from "@nestjs/common";\n${TRACER}@Injectable()\nexport class SessionMiddleware implements NestMiddleware {\n  use(req, res, next) { ${START} next(); }\n}`),
      reported("Cloudflare Workers", `${TRACER}async function handleRequest(request, env, ctx) { ${START} return new Response("ok"); }\nexport default { fetch: handleRequest } satisfies ExportedHandler<Env>;`, undefined, "invocation"),
      reported("Next.js route", `import { withSentry } from "@sentry/nextjs";\n${TRACER}async function handler(req, res) { ${START} res.json({}); }\nexport default withSentry(handler);`, "pages/api/chat.ts"),
      reported("Next.js route", `import { auth } from "@/auth";\n${TRACER}export const POST = auth(async (req) => { ${START} return Response.json({}); });`, "app/api/chat/route.ts"),
      reported("Koa", `import Router from "koa-router";\n${TRACER}const router = new Router({ prefix: "/api" });\nrouter.post("/c", async (ctx, next) => { ${START} ctx.body = {}; });\nexport default router;`),
      reported("node:http request", `import http from "http";\n${TRACER}const server = http.createServer();\nserver.on("request", async (req, res) => { ${START} res.end("ok"); });`),
      reported("Hono", `import { Hono } from "hono";\n${TRACER}const app = new Hono();\napp.on(["POST", "PUT"], "/c", async (c) => { ${START} return c.json({}); });`),
      reported("restify", `import restify from "restify";\n${TRACER}const server = restify.createServer();\nserver.use(async (req, res) => { ${START} });`),
      reported("queue job", `import { Worker } from "bullmq";\n${TRACER}export class Jobs { start() { return new Worker("q", async (job) => { ${START} }); } }`, undefined, "job"),
      reported("tRPC procedure", `import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";\n${TRACER}export const chatRouter = createTRPCRouter({ send: protectedProcedure.mutation(async ({ ctx, input }) => { ${START} }) });`),
    ],
  },
  // Was missed: graphql-codegen's typed resolver maps, the types from the file it generates.
  "graphql-codegen": {
    valid: [
      // A `Resolvers` type of another module is not codegen's.
      { code: `import type { Resolvers } from "./permissions";\n${TRACER}export const resolvers: Resolvers = { Query: { chat: async () => { ${START} return "ok"; } } };` },
      // A type named like codegen's on a value that is no map of resolvers.
      { code: `import type { Resolvers } from "./generated/graphql";\n${TRACER}export const resolvers: Resolvers = merge(base, extra);\n${START}` },
    ],
    invalid: [
      reported("GraphQL resolver", `import type { Resolvers } from "./generated/graphql";\n${TRACER}export const resolvers: Resolvers = { Query: { chat: async (_parent, args) => { ${START} return "ok"; } } };`),
      reported("GraphQL resolver", `import { Resolvers } from "@/__generated__/resolvers-types";\n${TRACER}const resolvers: Resolvers<Context> = { Mutation: { async send(_parent, { text }, ctx) { ${START} return text; } } };\nexport default resolvers;`),
      reported("GraphQL resolver", `import type { QueryResolvers } from "../../types.generated";\n${TRACER}export const Query: QueryResolvers = { chat: { resolve: async () => { ${START} return "ok"; } } };`),
    ],
  },
};

describe("no-session-start-in-handler on the frameworks' own shapes", () => {
  for (const [framework, cases] of Object.entries(SESSION_CASES)) {
    describe(framework, () => {
      ruleTester.run(SESSION_RULE, testableRule(sessionRule), cases);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Serverless platforms for require-force-flush-in-lambda. A table rather than RuleTester: a report
// carries the fix as a suggestion whose exact text the rule's own tests pin; the question here is
// whether the platform's handler is recognized, and named in the message.

const CREATE = `tracer.createSession();`;

interface PlatformCase {
  readonly title: string;
  readonly code: string;
  readonly filename?: string;
  /**
   * The platform and export the message names (`Google Cloud Functions`, `chat`), and the flush it asks
   * for in the handler's SDK when the case is about that (`tracer.flush()` for 1.x); absent: not reported.
   */
  readonly reported?: { readonly platform: string; readonly name: string; readonly flush?: string };
}

const PLATFORM_CASES: Record<string, PlatformCase[]> = {
  "aws lambda": [
    { title: "middy from require(), exported through module.exports.handler", code: `const middy = require("@middy/core");\n${TRACER_CJS}const base = async (event) => { ${CREATE} return { statusCode: 200 }; };\nmodule.exports.handler = middy(base);`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "export { main as handler }", code: `${TRACER}async function main(event) { ${CREATE} return {}; }\nexport { main as handler };`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "module.exports = { handler }", code: `${TRACER_CJS}const handler = async (event) => { ${CREATE} return {}; };\nmodule.exports = { handler };`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "an export typed SQSHandler under another name", code: `import type { SQSHandler } from "aws-lambda";\n${TRACER}export const consume: SQSHandler = async (event) => { ${CREATE} };`, reported: { platform: "AWS Lambda", name: "consume" } },
    { title: "a local test run under `require.main === module` stays a Lambda", code: `${TRACER_CJS}exports.handler = async (event) => { ${CREATE} return {}; };\nif (require.main === module) exports.handler({});`, reported: { platform: "AWS Lambda", name: "handler" } },
    // Was missed: SST v2's ApiHandler wrapper.
    { title: "SST ApiHandler", code: `import { ApiHandler, useBody } from "sst/node/api";\n${TRACER}export const handler = ApiHandler(async (event) => { ${CREATE} return { statusCode: 200, body: useBody() }; });`, reported: { platform: "AWS Lambda", name: "handler" } },
    // Was missed: Powertools' class form, `export const handler = handlerClass.handler.bind(handlerClass)`.
    { title: "a method of a local class, exported bound", code: `${TRACER}class Lambda {\n  public async handler(event: unknown, context: unknown) { ${CREATE} return {}; }\n}\nconst handlerClass = new Lambda();\nexport const handler = handlerClass.handler.bind(handlerClass);`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "a bound method of an imported class is not read", code: `import { Lambda } from "./lambda";\n${TRACER}const handlerClass = new Lambda();\nexport const handler = handlerClass.handler.bind(handlerClass);\n${CREATE}` },
    { title: "the returned promise settles after the flush", code: `${TRACER}export const handler = async (event) => { ${CREATE} return work(event).finally(() => tracer.forceFlush()); };` },
    // Was falsely reported: a script that exports `handler` and runs it on load.
    { title: "a script that runs its exported handler on load", code: `${TRACER}export async function handler() { ${CREATE} await run(); }\nhandler().then(() => tracer.forceFlush());` },
    { title: "a script that awaits its exported handler at the top level", code: `${TRACER}export const handler = async () => { ${CREATE} await run(); };\nawait handler();\nawait tracer.forceFlush();` },
    { title: "dd-trace's tracer is not HoneyHive's", code: `import tracer from "dd-trace";\nexport const handler = async (event) => { tracer.trace("x", () => 1); return {}; };` },
    { title: "OpenTelemetry API alone (no exporter to HoneyHive in sight)", code: `import { trace } from "@opentelemetry/api";\nexport const handler = async (event) => trace.getTracer("svc").startActiveSpan("h", async (span) => { span.end(); return {}; });` },
    { title: "Langfuse flushes its own client", code: `import { Langfuse } from "langfuse";\nconst langfuse = new Langfuse();\nexport const handler = async (event) => { langfuse.trace({ name: "x" }); await langfuse.flushAsync(); return {}; };` },
    { title: "LangSmith waits for its batches", code: `import { Client } from "langsmith";\nimport { traceable } from "langsmith/traceable";\nconst client = new Client();\nconst run = traceable(async () => 1, { client });\nexport const handler = async (event) => { await run(); await client.awaitPendingTraceBatches(); return {}; };` },
  ],
  // Architect's runtime helpers await the handler and return its result (were missed: not looked through).
  "aws lambda: architect": [
    { title: "exports.handler = arc.http(fn)", code: `const arc = require("@architect/functions");\n${TRACER_CJS}exports.handler = arc.http(async (req) => { ${CREATE} return { json: {} }; });`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "arc.events.subscribe(fn) through an ESM default import", code: `import arc from "@architect/functions";\n${TRACER}export const handler = arc.events.subscribe(async (payload) => { ${CREATE} });`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "arc.http(fn), flushed in finally", code: `import arc from "@architect/functions";\n${TRACER}export const handler = arc.http(async (req) => { try { ${CREATE} return { json: {} }; } finally { await tracer.forceFlush(); } });` },
    { title: "an http() of another module", code: `import { http } from "./http";\n${TRACER}export const handler = http(async (req) => { ${CREATE} return { json: {} }; });` },
  ],
  "aws lambda: from the docs": [
    { title: "middy(fn).use(...)", code: `import middy from "@middy/core";\nimport httpErrorHandler from "@middy/http-error-handler";\n${TRACER}const base = async (event) => { ${CREATE} return {}; };\nexport const handler = middy(base).use(httpErrorHandler());`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "middy().use(...).handler(fn)", code: `import middy from "@middy/core";\n${TRACER}export const handler = middy().use(jsonBodyParser()).handler(async (event) => { ${CREATE} return {}; });`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "module.exports.handler = async function", code: `${TRACER_CJS}module.exports.handler = async function (event, context) { ${CREATE} return {}; };`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "Powertools' captureLambdaHandler through middy", code: `import { Tracer } from "@aws-lambda-powertools/tracer";\nimport middy from "@middy/core";\nimport { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";\n${TRACER}const pt = new Tracer();\nconst lambdaHandler = async (event) => { ${CREATE} return {}; };\nexport const handler = middy(lambdaHandler).use(captureLambdaHandler(pt));`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "awslambda.streamifyResponse(fn)", code: `${TRACER}export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => { ${CREATE} responseStream.end(); });`, reported: { platform: "AWS Lambda", name: "handler" } },
    { title: "an export typed APIGatewayProxyHandlerV2", code: `import type { APIGatewayProxyHandlerV2 } from "aws-lambda";\n${TRACER}export const main: APIGatewayProxyHandlerV2 = async (event) => { ${CREATE} return { statusCode: 200 }; };`, reported: { platform: "AWS Lambda", name: "main" } },
    // Known false negatives (documented): a default export, and an export under a name the settings do not list.
    { title: "export default (not a Lambda name)", code: `${TRACER}export default async function handler(event) { ${CREATE} return {}; }` },
    { title: "exports.main without lambdaHandlerNames", code: `${TRACER_CJS}exports.main = async (event) => { ${CREATE} return {}; };` },
  ],
  "google cloud functions": [
    { title: "ff.http through a namespace import", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { ${CREATE} res.send("ok"); });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "flushed before the response", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { ${CREATE} await tracer.forceFlush(); res.send("ok"); });` },
    { title: "cloudEvent through require()", code: `const functions = require("@google-cloud/functions-framework");\n${TRACER_CJS}functions.cloudEvent("onFile", async (cloudEvent) => { ${CREATE} });`, reported: { platform: "Google Cloud Functions", name: "onFile" } },
    // Was missed: an export typed with the framework's HttpFunction, deployed by `--entry-point`.
    { title: "export typed HttpFunction", code: `import type { HttpFunction } from "@google-cloud/functions-framework";\n${TRACER}export const chat: HttpFunction = async (req, res) => { ${CREATE} res.send("ok"); };`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "export typed ff.HttpFunction (namespace)", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}export const chat: ff.HttpFunction = async (req, res) => { ${CREATE} res.send("ok"); };`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    // Was accepted: the invocation ends with `res.send()` (the CPU is throttled then), so a flush in the `finally` runs after it.
    { title: "satisfies HttpFunction, flushed in finally after res.send()", code: `import type { HttpFunction } from "@google-cloud/functions-framework";\n${TRACER}export const chat = (async (req, res) => { try { ${CREATE} res.send("ok"); } finally { await tracer.forceFlush(); } }) satisfies HttpFunction;`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "flushed in finally after an early res.status(400).send(), before the other send", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { try { ${CREATE} if (!req.body) { res.status(400).send("no body"); return; } await tracer.forceFlush(); res.send("ok"); } finally { await tracer.forceFlush(); } });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "a flush after the response", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { ${CREATE} res.json({ ok: true }); await tracer.forceFlush(); });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "a catch that answers without the flush its try has", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { try { ${CREATE} await tracer.forceFlush(); res.send("ok"); } catch (error) { res.status(500).send("failed"); } });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "flushed before each send, a finally flush besides", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { try { ${CREATE} if (!req.body) { await tracer.forceFlush(); return res.status(400).send("no body"); } await tracer.forceFlush(); res.send("ok"); } finally { await tracer.forceFlush(); } });` },
    { title: "flushed before a send in each branch of a switch", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { ${CREATE} await tracer.forceFlush(); switch (req.method) { case "GET": res.send("ok"); break; default: res.sendStatus(405); } });` },
    // The response leaves the handler (a helper may send it): the finally is trusted, report only when sure.
    { title: "res handed to a helper, flushed in finally", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.http("chat", async (req, res) => { try { ${CREATE} await reply(req, res); } finally { await tracer.forceFlush(); } });` },
    { title: "a CloudEvent function ends with its promise: finally is in time", code: `import * as ff from "@google-cloud/functions-framework";\n${TRACER}ff.cloudEvent("ingest", async (event) => { try { ${CREATE} await ingest(event.data); } finally { await tracer.forceFlush(); } });` },
    { title: "a helper taking the framework's Request is not a function", code: `import type { Request } from "@google-cloud/functions-framework";\n${TRACER}export async function format(req: Request, body: string) { ${CREATE} return body; }` },
  ],
  "cloud functions for firebase": [
    // Was missed (no descriptor). The message names the export Firebase deploys (`nameFromExport`).
    { title: "onRequest (2nd gen)", code: `import { onRequest } from "firebase-functions/v2/https";\n${TRACER}export const chat = onRequest(async (req, res) => { ${CREATE} res.send("ok"); });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "a Firestore trigger through require()", code: `const { onDocumentCreated } = require("firebase-functions/v2/firestore");\n${TRACER_CJS}exports.onMessage = onDocumentCreated("messages/{id}", async (event) => { ${CREATE} });`, reported: { platform: "Google Cloud Functions", name: "onMessage" } },
    { title: "https.onCall of the v2 root module", code: `import { https } from "firebase-functions/v2";\n${TRACER}export const chat = https.onCall(async (request) => { ${CREATE} return { ok: true }; });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "onSchedule, flushed in finally", code: `import { onSchedule } from "firebase-functions/v2/scheduler";\n${TRACER}export const nightly = onSchedule("every day 00:00", async () => { try { ${CREATE} } finally { await tracer.forceFlush(); } });` },
    { title: "onRequest, flushed in finally after res.json()", code: `import { onRequest } from "firebase-functions/v2/https";\n${TRACER}export const chat = onRequest(async (req, res) => { try { ${CREATE} res.json({ ok: true }); } finally { await tracer.forceFlush(); } });`, reported: { platform: "Google Cloud Functions", name: "chat" } },
    { title: "onRequest, flushed before res.json()", code: `import { onRequest } from "firebase-functions/v2/https";\n${TRACER}export const chat = onRequest(async (req, res) => { ${CREATE} await tracer.forceFlush(); res.json({ ok: true }); });` },
    { title: "onCall returns its result: finally is in time", code: `import { onCall } from "firebase-functions/v2/https";\n${TRACER}export const chat = onCall(async (request) => { try { ${CREATE} return { ok: true }; } finally { await tracer.forceFlush(); } });` },
    { title: "a function of another library named onRequest", code: `import { onRequest } from "./hooks";\n${TRACER}export const chat = onRequest(async (req, res) => { ${CREATE} res.send("ok"); });` },
  ],
  "azure functions": [
    { title: "a named function registered with app.http", code: `import { app, HttpRequest, InvocationContext } from "@azure/functions";\n${TRACER}async function chat(request: HttpRequest, context: InvocationContext) { ${CREATE} return { body: "ok" }; }\napp.http("chat", { handler: chat });`, reported: { platform: "Azure Functions", name: "chat" } },
    { title: "app.storageQueue through require()", code: `const { app } = require("@azure/functions");\n${TRACER_CJS}app.storageQueue("q", { queueName: "jobs", connection: "C", handler: async (item, context) => { ${CREATE} } });`, reported: { platform: "Azure Functions", name: "q" } },
    { title: "app through a namespace import", code: `import * as az from "@azure/functions";\n${TRACER}az.app.http("chat", { handler: async (request, context) => { ${CREATE} return { body: "ok" }; } });`, reported: { platform: "Azure Functions", name: "chat" } },
    // Were missed: the v3 model's default export, typed `AzureFunction` or taking the v3 `Context`.
    { title: "v3 default export typed AzureFunction", code: `import { AzureFunction, Context, HttpRequest } from "@azure/functions";\n${TRACER}const httpTrigger: AzureFunction = async function (context: Context, req: HttpRequest): Promise<void> { ${CREATE} context.res = { body: "ok" }; };\nexport default httpTrigger;`, reported: { platform: "Azure Functions", name: "default" } },
    { title: "v3 module.exports taking a Context", code: `import type { Context } from "@azure/functions";\n${TRACER}module.exports = async function (context: Context, myQueueItem: string) { ${CREATE} };`, reported: { platform: "Azure Functions", name: "default" } },
    { title: "v3, flushed in finally", code: `import { AzureFunction, Context } from "@azure/functions";\n${TRACER}const run: AzureFunction = async function (context: Context) { try { ${CREATE} } finally { await tracer.forceFlush(); } };\nexport default run;` },
    // Known false negative: the untyped JavaScript v3 handler says nothing of Azure without the function.json beside it.
    { title: "v3 JavaScript module.exports (not read)", code: `${TRACER_CJS}module.exports = async function (context, req) { ${CREATE} context.res = { body: "ok" }; };` },
    // A default export that takes v4's InvocationContext second is not registered by itself (app.http registers v4 handlers).
    { title: "a v4-style function exported by default, not registered", code: `import type { HttpRequest, InvocationContext } from "@azure/functions";\n${TRACER}export default async function (request: HttpRequest, context: InvocationContext) { ${CREATE} return { body: "ok" }; }` },
    { title: "flushed in finally", code: `import { app } from "@azure/functions";\n${TRACER}app.http("chat", { methods: ["POST"], handler: async (request, context) => { try { ${CREATE} return { body: "ok" }; } finally { await tracer.forceFlush(); } } });` },
  ],
  netlify: [
    { title: "the v2 default export", filename: "netlify/functions/chat.mts", code: `import type { Context } from "@netlify/functions";\n${TRACER}export default async (req: Request, context: Context) => { ${CREATE} return new Response("ok"); };`, reported: { platform: "Netlify Functions", name: "default" } },
    { title: "context.waitUntil(flush)", filename: "netlify/functions/chat.mts", code: `import type { Context } from "@netlify/functions";\n${TRACER}export default async (req: Request, context: Context) => { ${CREATE} context.waitUntil(tracer.forceFlush()); return new Response("ok"); };` },
    // Netlify's Lambda-compatible form, typed with its own `Handler`, is read as a Lambda (which it runs on).
    { title: "the v1 handler typed with @netlify/functions' Handler", code: `import type { Handler } from "@netlify/functions";\n${TRACER}export const handler: Handler = async (event, context) => { ${CREATE} return { statusCode: 200 }; };`, reported: { platform: "AWS Lambda", name: "handler" } },
  ],
  // Were missed: a Hono app exported through the adapter of a serverless host (`handle(app)`); each route is the invocation.
  "hono adapters": [
    { title: "hono/aws-lambda handle(app)", code: `import { Hono } from "hono";\nimport { handle } from "hono/aws-lambda";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport const handler = handle(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "hono/aws-lambda streamHandle, CommonJS", code: `const { Hono } = require("hono");\nconst { streamHandle } = require("hono/aws-lambda");\n${TRACER_CJS}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.text("ok"); });\nexports.handler = streamHandle(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "hono/aws-lambda, flushed in finally", code: `import { Hono } from "hono";\nimport { handle } from "hono/aws-lambda";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { try { ${CREATE} return c.json({}); } finally { await tracer.forceFlush(); } });\nexport const handler = handle(app);` },
    { title: "hono/cloudflare-pages handle(app) of a basePath app", filename: "functions/api/[[route]].ts", code: `import { Hono } from "hono";\nimport { handle } from "hono/cloudflare-pages";\n${TRACER}const app = new Hono().basePath("/api");\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport const onRequest = handle(app);`, reported: { platform: "Cloudflare Pages Functions", name: "/chat" } },
    { title: "hono/cloudflare-pages, c.executionCtx.waitUntil(flush)", filename: "functions/api/[[route]].ts", code: `import { Hono } from "hono";\nimport { handle } from "hono/cloudflare-pages";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} c.executionCtx.waitUntil(tracer.forceFlush()); return c.json({}); });\nexport const onRequest = handle(app);` },
    { title: "hono/vercel in a Next.js route that declares maxDuration", filename: "app/api/[[...route]]/route.ts", code: `import { Hono } from "hono";\nimport { handle } from "hono/vercel";\n${TRACER}export const maxDuration = 30;\nconst app = new Hono().basePath("/api");\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport const POST = handle(app);`, reported: { platform: "Next.js serverless function", name: "/chat" } },
    // Hono's Next.js guide uses hono/vercel on any host: without a serverless signal the routes run on a server.
    { title: "hono/vercel in a Next.js route without a serverless signal", filename: "app/api/[[...route]]/route.ts", code: `import { Hono } from "hono";\nimport { handle } from "hono/vercel";\n${TRACER}const app = new Hono().basePath("/api");\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport const POST = handle(app);` },
    // hono/netlify serves Netlify Edge Functions, which do not freeze after the response.
    { title: "hono/netlify (edge functions)", filename: "netlify/edge-functions/api.ts", code: `import { Hono } from "hono";\nimport { handle } from "hono/netlify";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default handle(app);` },
    { title: "an app served by @hono/node-server", code: `import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nserve(app);` },
    // The routes are in the app's module, which is reported (below, "an app served by an adapter in a module beside it"); nothing here traces.
    { title: "handle(app) of an imported app", code: `import { handle } from "hono/aws-lambda";\nimport app from "./app";\n${TRACER}export const handler = handle(app);` },
    { title: "handle(app) made but not exported", code: `import { Hono } from "hono";\nimport { handle } from "hono/aws-lambda";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nconst lambda = handle(app);` },
  ],
  // Were missed: a Node.js server app served on Lambda by an adapter (`export const handler = serverless(app)`);
  // each route is the invocation. An Express route ends with the response it sends (the adapter's promise
  // settles then), so its flush goes before `res.json(…)`; Koa and Fastify answer after the route's promise.
  "node apps on aws lambda": [
    { title: "serverless-http of an Express app, CommonJS", code: `const express = require("express");\nconst serverless = require("serverless-http");\n${TRACER_CJS}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nmodule.exports.handler = serverless(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "serverless-http of an Express app, ESM, through a const", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.get("/chat", async (req, res) => { ${CREATE} res.status(200).send("ok"); });\nconst handler = serverless(app);\nexport { handler };`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "an Express route flushed in finally after res.json()", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { try { ${CREATE} res.json({}); } finally { await tracer.forceFlush(); } });\nexport const handler = serverless(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "an Express route flushed before res.json()", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} await tracer.forceFlush(); res.json({}); });\nexport const handler = serverless(app);` },
    { title: "@codegenie/serverless-express({ app })", code: `import express from "express";\nimport serverlessExpress from "@codegenie/serverless-express";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nexport const handler = serverlessExpress({ app });`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "@vendia/serverless-express configure({ app }) through require()", code: `const express = require("express");\nconst { configure } = require("@vendia/serverless-express");\n${TRACER_CJS}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nexports.handler = configure({ app });`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "serverless-http of a Koa app", code: `import Koa from "koa";\nimport Router from "@koa/router";\nimport serverless from "serverless-http";\n${TRACER}const app = new Koa();\nconst router = new Router();\nrouter.post("/chat", async (ctx) => { ${CREATE} ctx.body = {}; });\napp.use(router.routes());\nexport const handler = serverless(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "a Koa route flushed in finally", code: `import Koa from "koa";\nimport Router from "@koa/router";\nimport serverless from "serverless-http";\n${TRACER}const app = new Koa();\nconst router = new Router();\nrouter.post("/chat", async (ctx) => { try { ${CREATE} ctx.body = {}; } finally { await tracer.forceFlush(); } });\napp.use(router.routes());\nexport const handler = serverless(app);` },
    { title: "@fastify/aws-lambda of a Fastify app", code: `import Fastify from "fastify";\nimport awsLambdaFastify from "@fastify/aws-lambda";\n${TRACER}const app = Fastify();\napp.post("/chat", async (request, reply) => { ${CREATE} return {}; });\nexport const handler = awsLambdaFastify(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    // Were missed: an Express app as a Cloud Functions for Firebase HTTPS function (Firebase's own Express example).
    { title: "Firebase onRequest(app), 2nd gen", code: `import express from "express";\nimport { onRequest } from "firebase-functions/v2/https";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nexport const api = onRequest(app);`, reported: { platform: "Google Cloud Functions", name: "/chat" } },
    { title: "Firebase onRequest(options, app)", code: `import express from "express";\nimport { onRequest } from "firebase-functions/https";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nexport const api = onRequest({ cors: true, region: "europe-west1" }, app);`, reported: { platform: "Google Cloud Functions", name: "/chat" } },
    { title: "Firebase functions.https.onRequest(app), 1st gen, CommonJS", code: `const express = require("express");\nconst functions = require("firebase-functions");\n${TRACER_CJS}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.send("ok"); });\nexports.api = functions.https.onRequest(app);`, reported: { platform: "Google Cloud Functions", name: "/chat" } },
    { title: "Firebase onRequest(app), flushed before the response", code: `import express from "express";\nimport { onRequest } from "firebase-functions/v2/https";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} await tracer.forceFlush(); res.json({}); });\nexport const api = onRequest(app);` },
    // serverless-http's README form: the exported function awaits the proxy; one flush there covers every route.
    { title: "an exported function that awaits the proxy and flushes", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nconst proxy = serverless(app);\nexport const handler = async (event, context) => { try { return await proxy(event, context); } finally { await tracer.forceFlush(); } };` },
    // A middleware hands the request on (`next`): the route after it ends the invocation, and flushes there.
    { title: "an Express middleware that opens the session and calls next()", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.use((req, res, next) => { ${CREATE} next(); });\napp.post("/chat", async (req, res) => { await tracer.forceFlush(); res.json({}); });\nexport const handler = serverless(app);` },
    { title: "an Express app that listens (no adapter)", code: `import express from "express";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\napp.listen(3000);` },
    { title: "serverless-http of a Router, not an app", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const router = express.Router();\nrouter.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nexport const handler = serverless(router);` },
    { title: "a local function named serverless", code: `import express from "express";\n${TRACER}const serverless = (app) => app;\nconst app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nexport const handler = serverless(app);` },
    { title: "the adapter made but not exported", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nconst lambda = serverless(app);` },
    // Koa and Hono await the rest of the chain in a middleware: one that flushes in the \`finally\` around \`await next()\` covers every route.
    { title: "a Koa middleware that flushes after await next() covers the routes", code: `import Koa from "koa";\nimport Router from "@koa/router";\nimport serverless from "serverless-http";\n${TRACER}const app = new Koa();\nconst router = new Router();\napp.use(async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } });\nrouter.post("/chat", async (ctx) => { ${CREATE} ctx.body = {}; });\napp.use(router.routes());\nexport const handler = serverless(app);` },
    { title: "a Hono middleware that flushes after await next() covers the routes of handle(app)", code: `import { Hono } from "hono";\nimport { handle } from "hono/aws-lambda";\n${TRACER}const app = new Hono();\napp.use(async (c, next) => { try { await next(); } finally { await tracer.forceFlush(); } });\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport const handler = handle(app);` },
    // Middleware is decided by where the callback is registered, not by its parameter count.
    { title: "a Fastify preHandler hook is not an invocation end", code: `import Fastify from "fastify";\nimport awsLambdaFastify from "@fastify/aws-lambda";\n${TRACER}const app = Fastify();\napp.addHook("preHandler", async (request, reply) => { ${CREATE} });\napp.post("/chat", async (request, reply) => { try { return {}; } finally { await tracer.forceFlush(); } });\nexport const handler = awsLambdaFastify(app);` },
    { title: "a Fastify route's preHandler option is a hook", code: `import Fastify from "fastify";\nimport awsLambdaFastify from "@fastify/aws-lambda";\n${TRACER}const app = Fastify();\napp.post("/chat", { preHandler: async (request, reply) => { ${CREATE} } }, async (request, reply) => { try { return {}; } finally { await tracer.forceFlush(); } });\nexport const handler = awsLambdaFastify(app);` },
    { title: "an Express route that takes next (for errors) is still the route", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.post("/chat", async (req, res, next) => { try { ${CREATE} res.json({}); } catch (e) { next(e); } });\nexport const handler = serverless(app);`, reported: { platform: "AWS Lambda", name: "/chat" } },
    { title: "an Express route-level middleware before the route is not the end", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\nconst open = (req, res, next) => { ${CREATE} next(); };\napp.post("/chat", open, async (req, res) => { await tracer.forceFlush(); res.json({}); });\nexport const handler = serverless(app);` },
    { title: "an Express app.param callback is middleware", code: `import express from "express";\nimport serverless from "serverless-http";\n${TRACER}const app = express();\napp.param("id", (req, res, next, id) => { ${CREATE} next(); });\napp.post("/chat/:id", async (req, res) => { await tracer.forceFlush(); res.json({}); });\nexport const handler = serverless(app);` },
  ],
  // Was missed (no descriptor): Pages Functions, the `onRequest…` exports under the project's `functions/`.
  "cloudflare pages functions": [
    { title: "onRequestPost typed PagesFunction", filename: "functions/api/chat.ts", code: `${TRACER}export const onRequestPost: PagesFunction<Env> = async (context) => { ${CREATE} return new Response("ok"); };`, reported: { platform: "Cloudflare Pages Functions", name: "onRequestPost" } },
    { title: "onRequest function declaration in a catch-all .js route", filename: "functions/api/[[path]].js", code: `${TRACER}export async function onRequest(context) { ${CREATE} return new Response("ok"); }`, reported: { platform: "Cloudflare Pages Functions", name: "onRequest" } },
    { title: "a _middleware array", filename: "functions/_middleware.ts", code: `${TRACER}export const onRequest = [async (context) => { ${CREATE} return context.next(); }];`, reported: { platform: "Cloudflare Pages Functions", name: "onRequest" } },
    { title: "context.waitUntil(flush)", filename: "functions/api/chat.ts", code: `${TRACER}export const onRequestPost = async (context) => { ${CREATE} context.waitUntil(tracer.forceFlush()); return new Response("ok"); };` },
    // A Serverless Framework project keeps Lambda handlers under functions/ too: they stay Lambdas.
    { title: "a Lambda handler under functions/", filename: "functions/chat.ts", code: `${TRACER}export const handler = async (event) => { ${CREATE} return {}; };`, reported: { platform: "AWS Lambda", name: "handler" } },
  ],
  vercel: [
    { title: "api/ default export", filename: "api/chat.ts", code: `import type { VercelRequest, VercelResponse } from "@vercel/node";\n${TRACER}export default async function handler(req: VercelRequest, res: VercelResponse) { ${CREATE} res.json({}); }`, reported: { platform: "Vercel Functions", name: "default" } },
    // Was accepted: a legacy `(req, res)` handler ends with its response, the `finally` runs after it.
    { title: "api/ default export (req, res), flushed in finally after res.json()", filename: "api/chat.ts", code: `import type { VercelRequest, VercelResponse } from "@vercel/node";\n${TRACER}export default async function handler(req: VercelRequest, res: VercelResponse) { try { ${CREATE} res.status(200).json({}); } finally { await tracer.forceFlush(); } }`, reported: { platform: "Vercel Functions", name: "default" } },
    { title: "api/ default export (req, res), waitUntil(flush) after res.send()", filename: "api/chat.js", code: `import { waitUntil } from "@vercel/functions";\n${TRACER}export default async (req, res) => { ${CREATE} res.send("ok"); waitUntil(tracer.forceFlush()); };`, reported: { platform: "Vercel Functions", name: "default" } },
    { title: "api/ default export (req, res), waitUntil(flush) before res.send()", filename: "api/chat.js", code: `import { waitUntil } from "@vercel/functions";\n${TRACER}export default async (req, res) => { ${CREATE} waitUntil(tracer.forceFlush()); res.send("ok"); };` },
    // Was missed: Vercel's Node.js functions in CommonJS (`module.exports = (req, res) => …`).
    { title: "api/ module.exports = (req, res)", filename: "api/chat.js", code: `${TRACER_CJS}module.exports = async (req, res) => { ${CREATE} res.status(200).json({}); };`, reported: { platform: "Vercel Functions", name: "default" } },
    { title: "api/ module.exports of a local \`module\`", filename: "api/chat.js", code: `${TRACER}const module = { exports: null };\nmodule.exports = async (req, res) => { ${CREATE} res.json({}); };` },
    { title: "api/ module.exports, flushed before res.json()", filename: "api/chat.js", code: `${TRACER_CJS}module.exports = async (req, res) => { ${CREATE} await tracer.forceFlush(); res.json({}); };` },
    { title: "api/ default export (req, res), flushed before res.json()", filename: "api/chat.ts", code: `import type { VercelRequest, VercelResponse } from "@vercel/node";\n${TRACER}export default async function handler(req: VercelRequest, res: VercelResponse) { ${CREATE} await tracer.forceFlush(); res.status(200).json({}); }` },
    // A web handler returns its Response: the `finally` runs before it is sent.
    { title: "api/ POST(request) web handler, flushed in finally", filename: "api/chat.ts", code: `${TRACER}export async function POST(request: Request) { try { ${CREATE} return Response.json({}); } finally { await tracer.forceFlush(); } }` },
    { title: "api/ default export (request, context) web handler, context.waitUntil in finally", filename: "api/chat.ts", code: `${TRACER}export default async function handler(request: Request, context: { waitUntil(p: Promise<unknown>): void }) { try { ${CREATE} return new Response("ok"); } finally { context.waitUntil(tracer.forceFlush()); } }` },
    // Was missed: Vercel's web-standard default export (read as a Bun server's, a request handler only).
    { title: "api/ export default { fetch(request) }", filename: "api/chat.ts", code: `${TRACER}export default {\n  async fetch(request: Request) { ${CREATE} return new Response("ok"); },\n};`, reported: { platform: "Vercel Functions", name: "fetch" } },
    { title: "api/ default export of a const { fetch }", filename: "api/chat.js", code: `${TRACER}const handler = { fetch: async (request) => { ${CREATE} return Response.json({}); } };\nexport default handler;`, reported: { platform: "Vercel Functions", name: "fetch" } },
    { title: "api/ export default { fetch }, waitUntil(flush) in finally", filename: "api/chat.ts", code: `import { waitUntil } from "@vercel/functions";\n${TRACER}export default { async fetch(request: Request) { try { ${CREATE} return new Response("ok"); } finally { waitUntil(tracer.forceFlush()); } } };` },
    { title: "api/ default export of a plain config object", filename: "api/config.ts", code: `${TRACER}${CREATE}\nexport default { runtime: "nodejs", maxDuration: 30, regions: ["iad1"] };` },
    { title: "api/ default export whose other keys hold functions", filename: "api/util.ts", code: `${TRACER}export default { format(value: string) { ${CREATE} return value.trim(); } };` },
    { title: "export default { fetch } outside api/ (a Bun server)", filename: "src/server.ts", code: `${TRACER}export default { port: 3000, async fetch(request: Request) { ${CREATE} return new Response("ok"); } };` },
    { title: "waitUntil(flush) from @vercel/functions", filename: "api/chat.ts", code: `import { waitUntil } from "@vercel/functions";\n${TRACER}export async function POST(request: Request) { ${CREATE} waitUntil(tracer.forceFlush()); return Response.json({}); }` },
  ],
  "cloudflare workers": [
    // A Durable Object is not cancelled after a response (and `waitUntil` does nothing there): request handlers only.
    { title: "a Durable Object's fetch", code: `import { DurableObject } from "cloudflare:workers";\n${TRACER}export class Room extends DurableObject { async fetch(request) { ${CREATE} return new Response("ok"); } }` },
    { title: "satisfies ExportedHandler", code: `${TRACER}export default { async fetch(request, env, ctx) { ${CREATE} return new Response("ok"); } } satisfies ExportedHandler<Env>;`, reported: { platform: "Cloudflare Workers", name: "fetch" } },
    { title: "ctx.waitUntil(flush)", code: `${TRACER}export default { async fetch(request, env, ctx) { ${CREATE} ctx.waitUntil(tracer.forceFlush()); return new Response("ok"); } } satisfies ExportedHandler<Env>;` },
    // Was missed: the class form, `export default class extends WorkerEntrypoint`.
    { title: "class extends WorkerEntrypoint", code: `import { WorkerEntrypoint } from "cloudflare:workers";\n${TRACER}export default class extends WorkerEntrypoint<Env> { async fetch(request: Request) { ${CREATE} return new Response("ok"); } }`, reported: { platform: "Cloudflare Workers", name: "fetch" } },
    { title: "class extends WorkerEntrypoint, this.ctx.waitUntil(flush)", code: `import { WorkerEntrypoint } from "cloudflare:workers";\n${TRACER}export default class extends WorkerEntrypoint<Env> { async fetch(request: Request) { ${CREATE} this.ctx.waitUntil(tracer.forceFlush()); return new Response("ok"); } }` },
    { title: "a class that extends something else", code: `import { WorkerEntrypoint } from "cloudflare:workers";\n${TRACER}export default class Api extends Base { async fetch(request: Request) { ${CREATE} return new Response("ok"); } }` },
  ],
  // Was missed: a Hono app exported as the Worker; its routes end with their response.
  "hono on cloudflare workers": [
    { title: "export default app in a file that imports cloudflare:workers", code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({ model: env.MODEL }); });\nexport default app;`, reported: { platform: "Cloudflare Workers", name: "/chat" } },
    { title: "c.executionCtx.waitUntil(flush)", code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} c.executionCtx.waitUntil(tracer.forceFlush()); return c.json({}); });\nexport default app;` },
    { title: "a middleware that flushes covers the routes", code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.use(async (c, next) => { await next(); c.executionCtx.waitUntil(tracer.forceFlush()); });\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default app;` },
    { title: "a Hono app on Node (no Workers signal) is a server", code: `import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nserve(app);` },
    // Was missed: the app's fetch in an object beside other handlers (Hono's Workers guide).
    { title: "export default { fetch: app.fetch, scheduled }", code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default { fetch: app.fetch, async scheduled(controller) { await run(); } } satisfies ExportedHandler;`, reported: { platform: "Cloudflare Workers", name: "/chat" } },
    { title: "export default { fetch: other.fetch } of something that is no Hono app", code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\nimport { router } from "./router";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default { fetch: router.fetch };` },
    { title: "a Workers file whose default export is not the Hono app", code: `import { Hono } from "hono";\nimport { env } from "cloudflare:workers";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default { fetch: (request: Request) => app.fetch(request) };` },
  ],
  "next.js": [
    { title: "a route with maxDuration (serverless)", filename: "app/api/chat/route.ts", code: `${TRACER}export const maxDuration = 30;\nexport async function POST(req: Request) { ${CREATE} return Response.json({}); }`, reported: { platform: "Next.js serverless function", name: "POST" } },
    { title: "after(() => flush)", filename: "app/api/chat/route.ts", code: `import { after } from "next/server";\n${TRACER}export const maxDuration = 30;\nexport async function POST(req: Request) { ${CREATE} after(() => tracer.forceFlush()); return Response.json({}); }` },
    { title: "pages/api (req, res) with maxDuration, flushed in finally after res.json()", filename: "pages/api/chat.ts", code: `import type { NextApiRequest, NextApiResponse } from "next";\n${TRACER}export const maxDuration = 30;\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) { try { ${CREATE} res.status(200).json({}); } finally { await tracer.forceFlush(); } }`, reported: { platform: "Next.js serverless function", name: "default" } },
    { title: "pages/api (req, res) with maxDuration, flushed before res.json()", filename: "pages/api/chat.ts", code: `import type { NextApiRequest, NextApiResponse } from "next";\n${TRACER}export const maxDuration = 30;\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) { ${CREATE} await tracer.forceFlush(); res.status(200).json({}); }` },
    { title: "a route handler's context is no response", filename: "app/api/chat/route.ts", code: `${TRACER}export const maxDuration = 30;\nexport async function POST(req: Request, context: { params: Promise<{ id: string }> }) { try { ${CREATE} return Response.json(await load(context)); } finally { await tracer.forceFlush(); } }` },
    { title: "a route without a serverless signal", filename: "app/api/chat/route.ts", code: `${TRACER}export async function POST(req: Request) { ${CREATE} return Response.json({}); }` },
  ],
};

/** honeyhive 1.x: `init()` is async (awaited at the top level, or kept as a promise). */
const IMPORT_1X = `import { HoneyHiveTracer } from "honeyhive";\n`;
/** OpenTelemetry exporting to HoneyHive, set up in the handler's module. */
const OTEL_TO_HONEYHIVE = `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { trace } from "@opentelemetry/api";
const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces", headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` } }))] });
provider.register();
const otelTracer = trace.getTracer("svc");
`;
const OTEL_ELSEWHERE = OTEL_TO_HONEYHIVE.replace("https://api.honeyhive.ai/opentelemetry/v1/traces", "https://otlp.example.com/v1/traces").replace("HH_API_KEY", "OTLP_TOKEN");

PLATFORM_CASES["sdk versions: honeyhive 1.x"] = [
  // Which flush the message names is left to the SDK model: an init kept as a promise and awaited later
  // is also valid 2.x code (awaiting a tracer is harmless), so the major is not certain from this file.
  { title: "a module-level tracer promise awaited in the handler", code: `${IMPORT_1X}const tracerPromise = HoneyHiveTracer.init({ project: "p" });\nexport const handler = async (event) => { const tracer = await tracerPromise; tracer.enrichSession({ metadata: {} }); return {}; };`, reported: { platform: "AWS Lambda", name: "handler" } },
  { title: "a tracer awaited at the top level", code: `${IMPORT_1X}const tracer = await HoneyHiveTracer.init({ project: "p" });\nexport const handler = async (event) => { tracer.enrichSession({ metadata: {} }); return {}; };`, reported: { platform: "AWS Lambda", name: "handler", flush: "tracer.flush()" } },
  { title: "the static HoneyHiveTracer.flush()", code: `${IMPORT_1X}const tracer = await HoneyHiveTracer.init({ project: "p" });\nexport const handler = async (event) => { tracer.enrichSession({ metadata: {} }); await HoneyHiveTracer.flush(); return {}; };` },
  { title: "an Azure function", code: `import { app } from "@azure/functions";\n${IMPORT_1X}const tracer = await HoneyHiveTracer.init({ project: "p" });\napp.http("chat", { handler: async (request, context) => { tracer.enrichSession({ metadata: {} }); return { body: "ok" }; } });`, reported: { platform: "Azure Functions", name: "chat", flush: "tracer.flush()" } },
];

PLATFORM_CASES["sdk versions: OpenTelemetry exporting to HoneyHive"] = [
  { title: "a Lambda that returns the span's promise", code: `${OTEL_TO_HONEYHIVE}export const handler = async (event) => otelTracer.startActiveSpan("h", async (span) => { span.end(); return {}; });`, reported: { platform: "AWS Lambda", name: "handler", flush: "provider.forceFlush()" } },
  { title: "a Lambda that flushes the provider in finally", code: `${OTEL_TO_HONEYHIVE}export const handler = async (event) => { try { return await otelTracer.startActiveSpan("h", async (span) => { span.end(); return {}; }); } finally { await provider.forceFlush(); } };` },
  { title: "a Cloud Function", code: `import * as ff from "@google-cloud/functions-framework";\n${OTEL_TO_HONEYHIVE}ff.http("chat", async (req, res) => { otelTracer.startActiveSpan("h", (span) => span.end()); res.send("ok"); });`, reported: { platform: "Google Cloud Functions", name: "chat", flush: "provider.forceFlush()" } },
  { title: "OpenTelemetry exporting to another vendor", code: `${OTEL_ELSEWHERE}export const handler = async (event) => otelTracer.startActiveSpan("h", async (span) => { span.end(); return {}; });` },
  // Known false negative (docs/rules/require-force-flush-in-lambda.md): a provider set up in another
  // module is not followed, so the handler that only imports it is not known to trace into HoneyHive.
  { title: "a provider imported from ./tracing", code: `import { trace } from "@opentelemetry/api";\nimport { provider } from "./tracing";\nexport const handler = async (event) => { trace.getTracer("svc").startActiveSpan("h", (span) => span.end()); return {}; };` },
];

function flushReports(code: string, filename: string) {
  return lintWithRule(FLUSH_RULE, flushRule, code, filename).filter((message) => message.ruleId !== null);
}

describe("require-force-flush-in-lambda on the platforms' own shapes", () => {
  for (const [platform, cases] of Object.entries(PLATFORM_CASES)) {
    describe(platform, () => {
      for (const { title, code, filename = "src/handler.ts", reported: expected } of cases) {
        it(expected ? `reports ${title}` : `accepts ${title}`, () => {
          const messages = flushReports(code, filename);
          if (!expected) {
            expect(messages).toEqual([]);
            return;
          }
          // A handler that answers through `res` (a platform's `responseCall`, an Express route served on one) is told it can send before the flush.
          expect(messages.map((message) => message.messageId)).toEqual([/\bres\.(?:status\([^)]*\)\.)?(?:send|json|end|sendStatus|redirect)\(/.test(code) ? "missingFlushBeforeSend" : "missingFlush"]);
          expect(messages[0].message).toContain(`${expected.platform} handler \`${expected.name}\``);
          if (expected.flush !== undefined) expect(messages[0].message).toContain(`await ${expected.flush}\``);
        });
      }
    });
  }
});

/**
 * Projects on disk for the cases that the files beside the nearest package.json decide: `file(name,
 * files, path)` writes a project folder and returns the path of `path` in it; `flushReports` lints
 * with ESLint's cwd at the temporary folder (ESLint lints only files under its cwd).
 */
function projectsOnDisk(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    clearDeploymentCache();
  });
  return {
    file(name: string, files: Record<string, string>, path: string): string {
      const directory = join(root, name);
      mkdirSync(join(directory, path, ".."), { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(directory, file), text);
      return join(directory, path);
    },
    flushReports: (code: string, filename: string) =>
      new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(FLUSH_RULE, flushRule), { filename }).filter((message) => message.ruleId !== null),
    sessionReports: (code: string, filename: string) =>
      new Linter({ configType: "flat", cwd: root }).verify(code, configForRule(SESSION_RULE, sessionRule), { filename }).filter((message) => message.ruleId !== null),
  };
}

describe("no-session-start-in-handler: plugin modules that import nothing of their framework (the project's package.json decides)", () => {
  const projects = projectsOnDisk("hh-plugin-modules-");
  const FASTIFY = JSON.stringify({ dependencies: { fastify: "^5.0.0", "@fastify/autoload": "^6.0.0", "fastify-cli": "^7.0.0" } });
  const HAPI = JSON.stringify({ dependencies: { "@hapi/hapi": "^21.0.0" } });
  const PLAIN = JSON.stringify({ dependencies: { "node-cache": "^5.0.0" } });
  // fastify-cli's generated routes/root.js and an ESM route module.
  const AUTOLOADED = `'use strict'\n${TRACER_CJS}module.exports = async function (fastify, opts) {\n  fastify.post('/chat', async function (request, reply) { ${START} return {} })\n}`;
  const AUTOLOADED_ESM = `${TRACER}export default async function (fastify, opts) {\n  fastify.post("/chat", async (request, reply) => { ${START} return {}; });\n}`;
  const HAPI_PLUGIN = `${TRACER_CJS}exports.plugin = {\n  name: "chat",\n  register: async (server, options) => {\n    server.route({ method: "POST", path: "/chat", handler: async (request, h) => { ${START} return {}; } });\n  },\n};`;
  const HAPI_DEFAULT = `${TRACER}export default { name: "chat", async register(server) { server.route({ method: "POST", path: "/chat", options: { handler: async (request, h) => { ${START} return {}; } } }); } };`;
  const handlers = (code: string, name: string, manifest: string, path: string) =>
    projects.sessionReports(code, projects.file(name, { "package.json": manifest }, path)).map((message) => message.message);

  // Were missed (known false negatives): nothing in these files says their parameter is the framework's object.
  it("reports a sessionStart() in a route of a fastify-cli autoloaded plugin, CommonJS and ESM", () => {
    expect(handlers(AUTOLOADED, "fastify-cjs", FASTIFY, "routes/chat/index.js")).toEqual([expect.stringContaining("Fastify handler")]);
    expect(handlers(AUTOLOADED_ESM, "fastify-esm", FASTIFY, "routes/chat/index.mjs")).toEqual([expect.stringContaining("Fastify handler")]);
  });
  it("reports a sessionStart() in a route of a hapi plugin object (exports.plugin, export default)", () => {
    expect(handlers(HAPI_PLUGIN, "hapi-cjs", HAPI, "lib/chat.js")).toEqual([expect.stringContaining("hapi handler")]);
    expect(handlers(HAPI_DEFAULT, "hapi-esm", HAPI, "lib/chat.mjs")).toEqual([expect.stringContaining("hapi handler")]);
  });
  it("accepts the same modules in a project that depends on neither framework, and a hapi plugin in a Fastify project", () => {
    expect(handlers(AUTOLOADED, "plain-cjs", PLAIN, "routes/chat/index.js")).toEqual([]);
    expect(handlers(HAPI_PLUGIN, "plain-hapi", PLAIN, "lib/chat.js")).toEqual([]);
    expect(handlers(HAPI_PLUGIN, "fastify-hapi", FASTIFY, "lib/chat.js")).toEqual([]);
  });
  it("accepts an exported function whose parameter is not used as a Fastify instance (a cache's get(key, callback))", () => {
    const cache = `${TRACER_CJS}module.exports = function (cache, key) { cache.get(key, (error, value) => { ${START} }); }`;
    expect(handlers(cache, "fastify-cache", FASTIFY, "lib/cache.js")).toEqual([]);
  });
});

describe("require-force-flush-in-lambda: a Hono app in a Workers project (the project's files decide)", () => {
  const projects = projectsOnDisk("hh-hono-workers-");
  const project = (name: string, files: Record<string, string>) => projects.file(name, files, "src/index.ts");
  const flushReports = projects.flushReports;
  const APP = `import { Hono } from "hono";\n${TRACER}const app = new Hono<{ Bindings: Env }>();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default app;`;

  it("reports a route when wrangler.toml is beside package.json", () => {
    const messages = flushReports(APP, project("wrangler", { "package.json": "{}", "wrangler.toml": 'name = "chat"\n' }));
    expect(messages.map((message) => message.message)).toEqual([expect.stringContaining("Cloudflare Workers handler `/chat`")]);
  });
  it("reports a route when the project depends on @cloudflare/workers-types", () => {
    const messages = flushReports(APP, project("types", { "package.json": JSON.stringify({ devDependencies: { "@cloudflare/workers-types": "^4.0.0" } }) }));
    expect(messages).toHaveLength(1);
  });
  it("accepts the same app in a project without a Workers signal (Bun, Deno, Node)", () => {
    expect(flushReports(APP, project("plain", { "package.json": JSON.stringify({ dependencies: { hono: "^4.0.0" } }) }))).toEqual([]);
  });
});

// Were missed (known false negative): the app in one module, the adapter that serves it on Lambda in
// another (`app.ts` + `lambda.ts`, @codegenie/serverless-express's own example layout). The app's module
// is the one that traces; the modules of its folder and of the folder above say how it is served.
describe("require-force-flush-in-lambda: an app served by an adapter in a module beside it", () => {
  const projects = projectsOnDisk("hh-adapted-elsewhere-");
  const HONO_APP = `import { Hono } from "hono";\n${TRACER}const app = new Hono();\napp.post("/chat", async (c) => { ${CREATE} return c.json({}); });\nexport default app;`;
  const EXPRESS_APP_CJS = `const express = require("express");\n${TRACER_CJS}const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });\nmodule.exports = app;`;
  const EXPRESS_APP_NAMED = `import express from "express";\n${TRACER}export const app = express();\napp.post("/chat", async (req, res) => { ${CREATE} res.json({}); });`;
  const HONO_LAMBDA = `import { handle } from "hono/aws-lambda";\nimport app from "./app";\nexport const handler = handle(app);\n`;
  const messagesOf = (name: string, files: Record<string, string>, app: string, path = "src/app.ts") =>
    projects.flushReports(app, projects.file(name, { "package.json": "{}", ...files, [path]: app }, path)).map((message) => message.message);

  it("reports a route of a Hono app that src/lambda.ts serves through hono/aws-lambda", () => {
    expect(messagesOf("hono", { "src/lambda.ts": HONO_LAMBDA }, HONO_APP)).toEqual([expect.stringContaining("AWS Lambda handler `/chat`")]);
  });
  it("reports a route of an Express app (module.exports = app) that lambda.js serves through serverlessExpress({ app })", () => {
    const lambda = `const serverlessExpress = require("@codegenie/serverless-express");\nconst app = require("./app");\nexports.handler = serverlessExpress({ app });\n`;
    expect(messagesOf("express-cjs", { "src/lambda.js": lambda }, EXPRESS_APP_CJS, "src/app.js")).toEqual([expect.stringContaining("AWS Lambda handler `/chat`")]);
  });
  it("reports a route of a named app export served from the folder above, through a const", () => {
    const handler = `import serverless from "serverless-http";\nimport { app } from "./src/app";\nconst handler = serverless(app);\nexport { handler };\n`;
    expect(messagesOf("express-named", { "handler.ts": handler }, EXPRESS_APP_NAMED)).toEqual([expect.stringContaining("AWS Lambda handler `/chat`")]);
  });
  it("accepts the app when the module beside it serves another module's app, serves it on a server, or does not export the adapter", () => {
    expect(messagesOf("other-app", { "src/lambda.ts": HONO_LAMBDA.replace("./app", "./admin") }, HONO_APP)).toEqual([]);
    expect(messagesOf("node-server", { "src/server.ts": `import { serve } from "@hono/node-server";\nimport app from "./app";\nserve(app);\n` }, HONO_APP)).toEqual([]);
    expect(messagesOf("unexported", { "src/lambda.ts": `import { handle } from "hono/aws-lambda";\nimport app from "./app";\nconst handler = handle(app);\n` }, HONO_APP)).toEqual([]);
    // A test module that wraps the app is no deployment.
    expect(messagesOf("test-file", { "src/app.test.ts": HONO_LAMBDA }, HONO_APP)).toEqual([]);
    // The named export served is not the app (`import { router }`).
    expect(messagesOf("router", { "handler.ts": `import serverless from "serverless-http";\nimport { router } from "./src/app";\nexport const handler = serverless(router);\n` }, `${EXPRESS_APP_NAMED}\nexport const router = express.Router();`)).toEqual([]);
  });
  it("does not read modules above the app's package (a package.json beside it ends the project)", () => {
    const handler = `import serverless from "serverless-http";\nimport { app } from "./api/app";\nexport const handler = serverless(app);\n`;
    expect(messagesOf("above-package", { "handler.ts": handler, "api/package.json": "{}" }, EXPRESS_APP_NAMED, "api/app.ts")).toEqual([]);
  });
});

describe("require-force-flush-in-lambda: Pages Functions live in the functions/ folder at the project root", () => {
  const projects = projectsOnDisk("hh-pages-functions-");
  const PAGES = `${TRACER}export const onRequestPost = async (context) => { ${CREATE} return new Response("ok"); };`;

  it("reports an onRequestPost export of functions/ beside package.json", () => {
    const filename = projects.file("pages", { "package.json": "{}" }, "functions/api/chat.ts");
    expect(projects.flushReports(PAGES, filename).map((message) => message.message)).toEqual([expect.stringContaining("Cloudflare Pages Functions handler `onRequestPost`")]);
  });
  it("accepts the same export in a functions/ folder deeper in the project", () => {
    const filename = projects.file("nested", { "package.json": "{}" }, "src/functions/chat.ts");
    expect(projects.flushReports(PAGES, filename)).toEqual([]);
  });
});

describe("require-force-flush-in-lambda: a root api/ folder is Vercel's only outside Nitro/Nuxt projects", () => {
  const projects = projectsOnDisk("hh-api-folder-");
  const apiFile = (name: string, files: Record<string, string>) => projects.file(name, files, "api/chat.ts");
  const flushReports = projects.flushReports;
  const VERCEL = `${TRACER}export default async function handler(request: Request) { ${CREATE} return Response.json({}); }`;
  // A plain function is an (implicitly converted, deprecated) event handler to Nitro; `defineEventHandler(…)` is claimed by the h3 descriptor first.
  const NITRO = `import type { H3Event } from "h3";\n${TRACER}export default async function (event: H3Event) { ${CREATE} return { ok: true }; }`;

  it("reports a Vercel function in a plain project", () => {
    expect(flushReports(VERCEL, apiFile("vercel", { "package.json": "{}", "vercel.json": "{}" })).map((message) => message.message)).toEqual([expect.stringContaining("Vercel Functions handler")]);
  });
  // Was falsely reported: Nitro reads a root api/ folder too and bundles it for its host.
  it("accepts a Nitro event handler in api/ of a project that depends on nitropack", () => {
    expect(flushReports(NITRO, apiFile("nitro", { "package.json": JSON.stringify({ dependencies: { nitropack: "^2.0.0" } }) }))).toEqual([]);
  });
  it("accepts api/ of a Nuxt project (nuxt.config.ts), even with a vercel.json", () => {
    expect(flushReports(NITRO, apiFile("nuxt", { "package.json": "{}", "nuxt.config.ts": "export default {};", "vercel.json": "{}" }))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The other rules that read the handler model, on the shapes found missing above: each reports in
// the newly recognized handlers (a table: their reports carry suggestions pinned by their own tests).

interface RuleCase {
  readonly title: string;
  readonly code: string;
  readonly filename?: string;
  readonly messageIds: readonly string[];
}

const INIT = `const perRequest = HoneyHiveTracer.init({ project: "p" });`;

const OTHER_RULES: ReadonlyArray<{ readonly name: string; readonly rule: typeof initRule | typeof sessionIdRule; readonly cases: readonly RuleCase[] }> = [
  {
    name: INIT_RULE,
    rule: initRule,
    cases: [
      { title: "OpenAPIHono route", code: `import { OpenAPIHono } from "@hono/zod-openapi";\n${TRACER}const app = new OpenAPIHono();\napp.openapi(route, async (c) => { ${INIT} return c.json({}); });`, messageIds: ["perRequest"] },
      { title: "h3 v2 route", code: `import { H3 } from "h3";\n${TRACER}const app = new H3();\napp.post("/c", async (event) => { ${INIT} return {}; });`, messageIds: ["perRequest"] },
      { title: "React Router 7 action outside app/routes", filename: "app/chat/page.tsx", code: `import type { Route } from "./+types/page";\n${TRACER}export async function action({ request }: Route.ActionArgs) { ${INIT} return null; }`, messageIds: ["perRequest"] },
      { title: "Elysia group route", code: `import { Elysia } from "elysia";\n${TRACER}new Elysia().group("/api", (app) => app.post("/c", () => { ${INIT} return {}; })).listen(3000);`, messageIds: ["perRequest"] },
      { title: "tRPC `t` from ./trpc", code: `import { t } from "./trpc";\n${TRACER}export const r = t.router({ c: t.procedure.mutation(async () => { ${INIT} }) });`, messageIds: ["perRequest"] },
      { title: "WorkerEntrypoint fetch", code: `import { WorkerEntrypoint } from "cloudflare:workers";\nimport { HoneyHiveTracer } from "honeyhive";\nexport default class extends WorkerEntrypoint<Env> { async fetch(request: Request) { const tracer = HoneyHiveTracer.init({ project: "p" }); tracer.createSession(); return new Response("ok"); } }`, messageIds: ["perInvocation"] },
      { title: "export typed HttpFunction", code: `import type { HttpFunction } from "@google-cloud/functions-framework";\nimport { HoneyHiveTracer } from "honeyhive";\nexport const chat: HttpFunction = async (req, res) => { const tracer = HoneyHiveTracer.init({ project: "p" }); tracer.createSession(); res.send("ok"); };`, messageIds: ["perInvocation"] },
    ],
  },
  {
    name: SESSION_ID_RULE,
    rule: sessionIdRule,
    cases: [
      { title: "a header in an OpenAPIHono route", code: `import { OpenAPIHono } from "@hono/zod-openapi";\n${TRACER}const app = new OpenAPIHono();\napp.openapi(route, async (c) => { tracer.createSession({ sessionId: c.req.header("x-session-id") }); return c.json({}); });`, messageIds: ["unvalidatedSessionId"] },
      { title: "a header in a WorkerEntrypoint", code: `import { WorkerEntrypoint } from "cloudflare:workers";\n${TRACER}export default class extends WorkerEntrypoint<Env> { async fetch(request: Request) { tracer.createSession({ sessionId: request.headers.get("x-session-id") }); return new Response("ok"); } }`, messageIds: ["unvalidatedSessionId"] },
      { title: "a header in a Durable Object's fetch", code: `import { DurableObject } from "cloudflare:workers";\n${TRACER}export class Room extends DurableObject { async fetch(request: Request) { tracer.createSession({ sessionId: request.headers.get("x-session-id") }); return new Response("ok"); } }`, messageIds: ["unvalidatedSessionId"] },
      { title: "a header in a Pages Function", filename: "functions/api/chat.ts", code: `${TRACER}export const onRequestPost = async (context) => { tracer.createSession({ sessionId: context.request.headers.get("x-session-id") }); context.waitUntil(tracer.forceFlush()); return new Response("ok"); };`, messageIds: ["unvalidatedSessionId"] },
      { title: "a binding of a Pages Function's env", filename: "functions/api/chat.ts", code: `${TRACER}export const onRequestPost = async (context) => { tracer.createSession({ sessionId: context.env.SESSION_ID }); context.waitUntil(tracer.forceFlush()); return new Response("ok"); };`, messageIds: [] },
      // The v3 handler's first parameter is the runtime's context; the request comes second.
      { title: "a header in an Azure v3 function", code: `import { AzureFunction, Context, HttpRequest } from "@azure/functions";\n${TRACER}const run: AzureFunction = async function (context: Context, req: HttpRequest) { tracer.createSession({ sessionId: req.headers["x-session-id"] }); context.res = { body: "ok" }; };\nexport default run;`, messageIds: ["unvalidatedSessionId"] },
      { title: "the invocation id of an Azure v3 function", code: `import { AzureFunction, Context } from "@azure/functions";\n${TRACER}const run: AzureFunction = async function (context: Context) { tracer.createSession({ sessionId: context.invocationId }); };\nexport default run;`, messageIds: [] },
      { title: "a header in an Azure function", code: `import { app } from "@azure/functions";\n${TRACER}app.http("c", { handler: async (request, context) => { tracer.createSession({ sessionId: request.headers.get("x-session-id") }); return { body: "ok" }; } });`, messageIds: ["unvalidatedSessionId"] },
      { title: "converted with toSessionId()", code: `import express from "express";\nimport { HoneyHiveTracer, toSessionId } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/c", (req, res) => { tracer.createSession({ sessionId: toSessionId(req.headers["x-session-id"]) }); res.end(); });`, messageIds: [] },
      // h3's input readers and tRPC's `input` are sources by their descriptors' `requestInputs`.
      { title: "h3's getHeader(event, …)", code: `import { H3, getHeader } from "h3";\n${TRACER}const app = new H3();\napp.post("/c", async (event) => { tracer.createSession({ sessionId: getHeader(event, "x-session-id") }); return {}; });`, messageIds: ["unvalidatedSessionId"] },
      { title: "tRPC's input", code: `import { publicProcedure } from "../trpc";\n${TRACER}export const r = publicProcedure.mutation(async ({ input }) => { tracer.createSession({ sessionId: input.sessionId }); });`, messageIds: ["unvalidatedSessionId"] },
    ],
  },
];

describe("the rules after the handler model, on the shapes found missing", () => {
  for (const { name, rule, cases } of OTHER_RULES) {
    describe(name, () => {
      for (const { title, code, filename = "src/file.ts", messageIds } of cases) {
        it(`${messageIds.length > 0 ? "reports" : "accepts"} ${title}`, () => {
          const messages = lintWithRule(name, rule, code, filename);
          expect(messages.map((message) => message.messageId ?? message.message)).toEqual(messageIds);
        });
      }
    });
  }
});

// honeyhive 1.x in handlers: `startSession()` returns the init session, so every request shares it.
describe("no-session-start-in-handler on honeyhive 1.x", () => {
  ruleTester.run(SESSION_RULE, testableRule(sessionRule), {
    valid: [
      // Known false negative: a tracer assigned from `init().then(...)` has no declaration the model can read.
      `const { Hono } = require("hono");\nconst { HoneyHiveTracer } = require("honeyhive");\nlet tracer;\nHoneyHiveTracer.init({ project: "p" }).then((created) => { tracer = created; });\nconst app = new Hono();\napp.post("/c", async (c) => { await tracer.startSession(); return c.text("ok"); });`,
    ],
    invalid: [
      {
        // A 1.x tracer promise imported from the project's module (`tracerPromise`): the SDK model reads an
        // imported `…TracerPromise` name as a tracer, so the awaited local is one too.
        code: `import { tracerPromise } from "./tracing";\nexport const handler = async (event) => { const tracer = await tracerPromise; await tracer.startSession(); return {}; };`,
        output: null,
        errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "AWS Lambda handler", unit: "invocation" } }],
      },
      {
        code: `import express from "express";\n${IMPORT_1X}const tracer = await HoneyHiveTracer.init({ project: "p" });\nconst app = express();\napp.post("/c", async (req, res) => { await tracer.startSession(); res.json({}); });`,
        output: null,
        errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "Express handler", unit: "request" } }],
      },
      {
        // Was missed before the tRPC fix: the 1.x form in a procedure of `t` imported from ./trpc.
        code: `import { t } from "./trpc";\n${IMPORT_1X}const tracer = await HoneyHiveTracer.init({ project: "p" });\nexport const r = t.router({ c: t.procedure.mutation(async () => { await tracer.startSession(); }) });`,
        output: null,
        errors: [{ messageId: "startSessionInHandler1x", data: { tracer: "tracer", handler: "tRPC procedure handler", unit: "request" } }],
      },
    ],
  });
});

// require-explicit-tracer: options passed as a variable. Was missed: a `const` that holds a literal
// without `tracer`, used only by this call, is read as that literal (reported, and the fix writes the
// tracer into it); options that may carry a tracer by the time of the call are left alone.
describe("require-explicit-tracer: trace(options, fn) with the options in a variable", () => {
  const implicit = { messageId: "implicitTrace" as const, data: { tracers: "`tracer`", name: "trace" } };
  ruleTester.run(EXPLICIT_TRACER_RULE, testableRule(explicitTracerRule), {
    valid: [
      // The literal already names the tracer.
      `${TRACER}import { trace } from "honeyhive";\nconst options = { eventType: "tool", tracer };\nexport const run = trace(options, async () => 1);`,
      // Imported options, or a parameter: what they hold is not seen here.
      `${TRACER}import { trace } from "honeyhive";\nimport { toolOptions } from "./options";\nexport const run = trace(toolOptions, async () => 1);`,
      `${TRACER}import { trace } from "honeyhive";\nexport const wrap = (options, fn) => trace(options, fn);`,
      // One literal shared by two calls, changed later, or spread from defaults: one edit would not say what each call gets.
      `${TRACER}import { trace } from "honeyhive";\nconst options = { eventType: "tool" };\nexport const a = trace(options, async () => 1);\nexport const b = trace(options, async () => 2);`,
      `${TRACER}import { trace } from "honeyhive";\nconst options = { eventType: "tool" };\nObject.assign(options, { tracer });\nexport const run = trace(options, async () => 1);`,
      `${TRACER}import { trace } from "honeyhive";\nconst options = { ...defaults, eventType: "tool" };\nexport const run = trace(options, async () => 1);`,
      // A \`let\`, and an exported const, may hold something else at the call.
      `${TRACER}import { trace } from "honeyhive";\nlet options = { eventType: "tool" };\nexport const run = trace(options, async () => 1);`,
      `${TRACER}import { trace } from "honeyhive";\nexport const options = { eventType: "tool" };\nexport const run = trace(options, async () => 1);`,
    ],
    invalid: [
      {
        code: `${TRACER}import { trace } from "honeyhive";\nconst options = { eventType: "tool", eventName: "classify" };\nexport const classify = trace(options, async (text: string) => text.length);`,
        output: `${TRACER}import { trace } from "honeyhive";\nconst options = { eventType: "tool", eventName: "classify", tracer };\nexport const classify = trace(options, async (text: string) => text.length);`,
        errors: [{ ...implicit, line: 5 }],
      },
      {
        // \`satisfies TraceOptions\`, an empty literal, inside a function.
        code: `${TRACER}import { trace, type TraceOptions } from "honeyhive";\nexport function build() {\n  const options = {} satisfies TraceOptions;\n  return trace(options, async () => 1);\n}`,
        output: `${TRACER}import { trace, type TraceOptions } from "honeyhive";\nexport function build() {\n  const options = { tracer } satisfies TraceOptions;\n  return trace(options, async () => 1);\n}`,
        errors: [{ ...implicit, line: 6 }],
      },
      {
        // The literal comes before the tracer: writing it there would read the tracer before it exists (no tracer to name there).
        code: `import { HoneyHiveTracer, trace } from "honeyhive";\nconst options = { eventType: "tool" };\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const run = trace(options, async () => 1);`,
        output: null,
        errors: [{ messageId: "implicitTrace", line: 4, suggestions: [] }],
      },
    ],
  });
});

// Architect's `arc.http(...fns)` runs its functions as middleware, in order
// (https://arc.codes/docs/en/reference/runtime-helpers/node.js): the last is the route's handler and is
// examined; those before it may answer early and are not (was reported in `auth`, the first, a
// middleware that answers nothing, while `chat` answers).
describe("require-force-flush-in-lambda: Architect's arc.http with several functions", () => {
  const arcTracer = `const arc = require("@architect/functions");\n${TRACER_CJS}`;
  it("examines the last of several functions, not the first (the last flushes)", () => {
    const code = `${arcTracer}async function auth(req) { tracer.enrichSession({ metadata: { user: req.session.user } }); }\nasync function chat(req) { try { tracer.createSession(); return { json: { ok: true } }; } finally { await tracer.forceFlush(); } }\nexports.handler = arc.http(auth, chat);`;
    expect(flushReports(code, "src/http/post-chat/index.js")).toEqual([]);
  });
  it("still examines a single function passed by name", () => {
    const code = `${arcTracer}async function chat(req) { tracer.createSession(); return { json: { ok: true } }; }\nexports.handler = arc.http(chat);`;
    const messages = flushReports(code, "src/http/post-chat/index.js");
    expect(messages.map((message) => message.messageId)).toEqual(["missingFlush"]);
    expect(messages[0].message).toContain("AWS Lambda handler `handler`");
  });
});
