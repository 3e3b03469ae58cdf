import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { TSESTree } from "@typescript-eslint/utils";
import { parseAnalysisInput } from "./parse-input.js";
import { loadFixtures } from "../fixtures/index.js";
import { describeHandler, getHandlerModel, handlerModelWithoutGates, type Handler, type HandlerModel } from "./handlers.js";
import { mayHoldEntry } from "./entry-gate.js";
import { readSettings } from "./settings.js";
import { useTempProjects } from "./test-utils/temp-projects.js";
import { temporal } from "./knowledge/frameworks/temporal.js";

function modelOf(code: string, filename = "src/server.ts", settings: unknown = {}): { model: HandlerModel; text: string } {
  const input = parseAnalysisInput(code, filename, readSettings(settings));
  const model = getHandlerModel(input);
  // The rules' cheap gate (analysis/entry-gate.ts) must let through every file that holds a handler.
  if (model.lambdaHandlers.length > 0) expect(mayHoldEntry(input, "invocation")).toBe(true);
  if (model.lambdaHandlers.length + model.requestHandlers.length > 0) expect(mayHoldEntry(input, "handler")).toBe(true);
  return { model, text: input.text };
}

/** The first line of each handler function, to assert on readable source instead of node shapes. */
function firstLines(handlers: readonly Handler[], text: string): string[] {
  return handlers.map((handler) => text.slice(...handler.function.range).split("\n")[0].trim());
}

function requestHandlers(code: string, filename?: string): string[] {
  const { model, text } = modelOf(code, filename);
  return firstLines(model.requestHandlers, text);
}

function lambdaHandlers(code: string, filename?: string, settings?: unknown): Array<Record<string, unknown>> {
  const { model, text } = modelOf(code, filename, settings);
  return model.lambdaHandlers.map((handler) => ({
    fn: text.slice(...handler.function.range).split("\n")[0].trim(),
    exportName: handler.exportName,
    at: text.slice(...handler.nameNode.range),
    middy: handler.middy,
    callbackStyle: handler.callbackStyle,
  }));
}

describe("request handlers", () => {
  it("finds Express app, Router() and express.Router() handlers, inline and by name", () => {
    const code = `
      import express, { Router } from "express";
      const app = express();
      const router = Router();
      const admin = express.Router();
      function auth(req, res, next) { next(); }
      const chat = async (req, res) => { res.json({}); };
      app.use(express.json());
      app.use((req, res, next) => next());
      app.get("/a", auth, chat);
      router.post("/b", async function b(req, res) {});
      admin.route("/c").get((req, res) => {}).post(function c2(req, res) {});
      app.listen(3000);
    `;
    expect(requestHandlers(code)).toEqual([
      "function auth(req, res, next) { next(); }",
      "async (req, res) => { res.json({}); }",
      "(req, res, next) => next()",
      "async function b(req, res) {}",
      "(req, res) => {}",
      "function c2(req, res) {}",
    ]);
  });

  it("finds handlers through require, namespace imports, wrappers and typed parameters", () => {
    const code = `
      const express = require("express");
      const asyncHandler = require("express-async-handler");
      const app = express();
      app.post("/x", asyncHandler(async (req, res) => {}));
      export function mount(router: import("express").Router) {}
    `;
    expect(requestHandlers(code, "src/app.js")).toEqual(["async (req, res) => {}"]);
    const typed = `
      import type { Express } from "express";
      export function registerRoutes(app: Express) {
        app.get("/health", (req, res) => res.send("ok"));
      }
    `;
    expect(requestHandlers(typed)).toEqual(['(req, res) => res.send("ok")']);
    const passed = `
      const express = require("express");
      function registerRoutes(app, prefix) {
        app.get(prefix + "/health", function health(req, res) { res.send("ok"); });
      }
      function notRoutes(cache) { cache.get("k", () => 1); }
      registerRoutes(express(), "/v1");
      notRoutes(new Map());
    `;
    expect(requestHandlers(passed, "src/routes.js")).toEqual(['function health(req, res) { res.send("ok"); }']);
  });

  it("ignores look-alikes: a Map's get, a local express(), an unknown object", () => {
    const code = `
      const cache = new Map();
      cache.get("a", () => {});
      function express() { return { get(path: string, fn: () => void) {} }; }
      const app = express();
      app.get("/x", () => {});
      someApp.post("/y", () => {});
    `;
    expect(requestHandlers(code)).toEqual([]);
  });

  it("finds Koa middleware and @koa/router routes", () => {
    const code = `
      import Koa from "koa";
      import Router from "@koa/router";
      const app = new Koa();
      const router = new Router();
      app.use(async (ctx, next) => { await next(); });
      router.get("/x", async (ctx) => {});
      app.use(router.routes());
    `;
    expect(requestHandlers(code)).toEqual(["async (ctx, next) => { await next(); }", "async (ctx) => {}"]);
  });

  it("finds Fastify routes, route({ handler }), request hooks and plugin routes", () => {
    const code = `
      import Fastify from "fastify";
      import fp from "fastify-plugin";
      const fastify = Fastify({ logger: true });
      fastify.get("/a", async (request, reply) => {});
      fastify.route({ method: "POST", url: "/b", preHandler: [async function pre(request) {}], handler: async (request) => {} });
      fastify.addHook("onRequest", async (request) => {});
      fastify.addHook("onReady", async () => {});
      async function routes(instance, options) {
        instance.post("/c", async function c(request) {});
      }
      fastify.register(routes);
      fastify.register(async (f) => { f.get("/d", async function d() {}); });
      export default fp(async (server) => { server.addHook("preHandler", async function hook() {}); });
    `;
    expect(requestHandlers(code)).toEqual([
      "async (request, reply) => {}",
      "async function pre(request) {}",
      "async (request) => {}",
      "async (request) => {}",
      "async function c(request) {}",
      "async function d() {}",
      "async function hook() {}",
    ]);
  });

  it("finds Hono routes, middleware and on()", () => {
    const code = `
      import { Hono } from "hono";
      const app = new Hono().basePath("/api");
      const api = new Hono();
      api.use("*", async (c, next) => { await next(); });
      api.get("/x", (c) => c.text("x")).post("/y", async function y(c) {});
      api.on("PURGE", "/cache", (c) => c.text("ok"));
      export default api;
    `;
    expect(requestHandlers(code)).toEqual([
      "async (c, next) => { await next(); }",
      '(c) => c.text("x")',
      "async function y(c) {}",
      '(c) => c.text("ok")',
    ]);
  });

  it("finds node:http createServer callbacks and server.on('request')", () => {
    const code = `
      import { createServer } from "node:http";
      import https from "https";
      const server = createServer(async (req, res) => { res.end(); });
      const secure = https.createServer({}, handle);
      function handle(req, res) {}
      server.on("request", function onRequest(req, res) {});
      server.on("close", function onClose() {});
      server.listen(8080);
    `;
    expect(requestHandlers(code)).toEqual([
      "async (req, res) => { res.end(); }",
      "function handle(req, res) {}",
      "function onRequest(req, res) {}",
    ]);
  });

  it("finds NestJS controller routes and middleware use()", () => {
    const code = `
      import { Controller, Get, Post, Injectable, NestMiddleware } from "@nestjs/common";
      @Controller("chat")
      export class ChatController {
        constructor(private readonly service: ChatService) {}
        @Post()
        async chat(@Body() body: Dto) { return this.service.chat(body); }
        helper() {}
      }
      @Injectable()
      export class SessionMiddleware implements NestMiddleware {
        use(req: Request, res: Response, next: () => void) { next(); }
      }
      @Injectable()
      export class ChatService { use() {} }
      @Injectable()
      export class LoggerMiddleware { use(req, res, next) { next(); } }
    `;
    expect(requestHandlers(code)).toEqual([
      "(@Body() body: Dto) { return this.service.chat(body); }",
      "(req: Request, res: Response, next: () => void) { next(); }",
      "(req, res, next) { next(); }",
    ]);
  });

  it("finds Next.js app route exports and pages/api default exports by file name", () => {
    const route = `
      export async function GET(request: Request) { return Response.json({}); }
      export const POST = async (request: Request) => Response.json({});
      export const revalidate = 60;
      function helper() {}
    `;
    expect(requestHandlers(route, "app/api/chat/route.ts")).toEqual([
      "async function GET(request: Request) { return Response.json({}); }",
      "async (request: Request) => Response.json({})",
    ]);
    expect(requestHandlers(route, "src/app/route.js").length).toBe(2);
    expect(requestHandlers(route, "src/routes.ts")).toEqual([]);
    const page = `
      async function handler(req, res) { res.status(200).json({}); }
      export default handler;
    `;
    expect(requestHandlers(page, "pages/api/chat.ts")).toEqual(["async function handler(req, res) { res.status(200).json({}); }"]);
    expect(requestHandlers(page, "pages/chat.tsx")).toEqual([]);
  });

  it("answers enclosingHandler for nodes nested in a handler, and not outside", () => {
    const code = `
      import express from "express";
      const app = express();
      app.post("/x", async (req, res) => { const inner = () => 1; });
      const outside = 2;
    `;
    const { model } = modelOf(code);
    const handler = model.requestHandlers[0];
    const body = handler.function.body as TSESTree.BlockStatement;
    expect(model.enclosingHandler(body.body[0])).toBe(handler);
    expect(model.enclosingHandler(handler.function)).toBe(handler);
    expect(model.enclosingHandler(handler.function.parent!)).toBeUndefined();
  });
});

describe("Lambda handlers", () => {
  it("finds ESM exports named handler", () => {
    expect(lambdaHandlers(`export const handler = async (event, context) => {};`)).toEqual([
      { fn: "async (event, context) => {}", exportName: "handler", at: "handler", middy: false, callbackStyle: false },
    ]);
    expect(lambdaHandlers(`export async function handler(event) {}`)[0].fn).toBe("async function handler(event) {}");
    expect(lambdaHandlers(`async function main(event) {}\nexport { main as handler };`)[0]).toMatchObject({
      fn: "async function main(event) {}",
      at: "handler",
    });
    expect(lambdaHandlers(`export const main = async () => {};`)).toEqual([]);
  });

  it("finds CommonJS exports", () => {
    expect(lambdaHandlers(`exports.handler = async (event) => {};`, "src/index.js")[0].at).toBe("handler");
    expect(lambdaHandlers(`module.exports.handler = function (event, context, callback) {};`, "src/index.js")[0]).toMatchObject({
      callbackStyle: true,
    });
    expect(lambdaHandlers(`async function run(event) {}\nmodule.exports = { handler: run };`, "src/index.cjs")[0]).toMatchObject({
      fn: "async function run(event) {}",
      at: "handler",
    });
    expect(lambdaHandlers(`const handler = async () => {};\nmodule.exports = { handler };`, "src/index.cjs")).toHaveLength(1);
    // A local `exports` object is not CommonJS's.
    expect(lambdaHandlers(`const exports = {};\nexports.handler = async () => {};`, "src/index.js")).toEqual([]);
  });

  it("finds exports typed with aws-lambda handler types and configured names", () => {
    const typed = `
      import type { APIGatewayProxyHandlerV2, Context } from "aws-lambda";
      export const main: APIGatewayProxyHandlerV2 = async (event) => ({ statusCode: 200 });
      export const other: Context = {} as Context;
    `;
    expect(lambdaHandlers(typed).map((handler) => handler.exportName)).toEqual(["main"]);
    expect(lambdaHandlers(`export const process = async (event) => {};`, "src/x.ts", { honeyhive: { lambdaHandlerNames: ["process"] } })).toHaveLength(1);
  });

  it("analyses the function a middy() export wraps", () => {
    const code = `
      import middy from "@middy/core";
      import jsonBodyParser from "@middy/http-json-body-parser";
      const baseHandler = async (event) => ({ statusCode: 200 });
      export const handler = middy(baseHandler).use(jsonBodyParser());
    `;
    expect(lambdaHandlers(code)).toEqual([
      { fn: "async (event) => ({ statusCode: 200 })", exportName: "handler", at: "handler", middy: true, callbackStyle: false },
    ]);
    const v5 = `import middy from "@middy/core";\nexport const handler = middy().use(x()).handler(async (event) => {});`;
    expect(lambdaHandlers(v5)[0]).toMatchObject({ middy: true, fn: "async (event) => {}" });
    // The chain in a const exported by name: `module.exports = { handler }`, `export { handler }`.
    const cjs = `const middy = require("@middy/core");\nconst base = async (event) => {};\nconst handler = middy(base).use(cors());\nmodule.exports = { handler };`;
    expect(lambdaHandlers(cjs, "src/index.cjs")).toEqual([{ fn: "async (event) => {}", exportName: "handler", at: "handler", middy: true, callbackStyle: false }]);
    const esm = `import middy from "@middy/core";\nconst base = async (event) => {};\nconst handler = middy(base).use(cors());\nexport { handler };`;
    expect(lambdaHandlers(esm)).toMatchObject([{ fn: "async (event) => {}", middy: true }]);
    // A name holding another call is followed as before (to the call's function arguments), not taken for a chain.
    const other = `const base = async (event) => {};\nconst handler = wrap(base).use(cors());\nmodule.exports = { handler };`;
    expect(lambdaHandlers(other, "src/index.cjs")).toEqual([]);
  });

  it("does not treat servers or Next.js routes as Lambdas", () => {
    const server = `
      import express from "express";
      const app = express();
      export const handler = async (req, res) => {};
      app.post("/x", handler);
      app.listen(3000);
    `;
    const { model } = modelOf(server);
    expect(model.lambdaHandlers).toEqual([]);
    expect(model.requestHandlers).toHaveLength(1);
    expect(lambdaHandlers(`export async function handler(req) {}`, "app/api/route.ts")).toEqual([]);
    // An arbitrary wrapper may end the span before a flush inside would run: not analysed.
    expect(lambdaHandlers(`export const handler = wrap(async (event) => {});`)).toEqual([]);
  });

  it("never throws on odd input", () => {
    expect(() => modelOf(`export default 1; module.exports = 2; exports[a] = 3; new (class {})();`, "src/x.js")).not.toThrow();
  });
});

/** `framework` of each request handler, with its first line. */
function requestHandlersWithFramework(code: string, filename?: string): string[] {
  const { model, text } = modelOf(code, filename);
  return model.requestHandlers.map((handler) => `${handler.framework}: ${text.slice(...handler.function.range).split("\n")[0].trim()}`);
}

/** `platform` and export name of each invocation handler, with its first line. */
function invocations(code: string, filename?: string, settings?: unknown): string[] {
  const { model, text } = modelOf(code, filename, settings);
  return model.lambdaHandlers.map((handler) => `${handler.platform.id} ${handler.exportName}: ${text.slice(...handler.function.range).split("\n")[0].trim()}`);
}

describe("request handlers of the frameworks added as descriptors", () => {
  it("h3/Nuxt: defineEventHandler and eventHandler, imported or auto-imported under server/", () => {
    const imported = `
      import { defineEventHandler, eventHandler as eh, createApp } from "h3";
      export default defineEventHandler(async (event) => ({ ok: true }));
      const other = eh({ onRequest: [async function before(event) {}], handler: async function handle(event) {} });
    `;
    expect(requestHandlersWithFramework(imported)).toEqual([
      "h3: async (event) => ({ ok: true })",
      "h3: async function before(event) {}",
      "h3: async function handle(event) {}",
    ]);
    const autoImported = `export default defineEventHandler(async (event) => { return 1; });`;
    expect(requestHandlers(autoImported, "server/api/chat.post.ts")).toEqual(["async (event) => { return 1; }"]);
    // Outside Nuxt's server folders an unresolved global is not h3's; a local function of that name never is.
    expect(requestHandlers(autoImported, "src/chat.ts")).toEqual([]);
    const local = `function defineEventHandler(fn) { return fn; }\nexport default defineEventHandler(async (event) => 1);`;
    expect(requestHandlers(local, "server/api/chat.ts")).toEqual([]);
  });

  it("h3/Nuxt: defineLazyEventHandler registers the handler its factory returns, not the factory", () => {
    const imported = `
      import { defineLazyEventHandler, defineEventHandler } from "h3";
      export default defineLazyEventHandler(async () => {
        const model = await loadModel();
        const unused = () => "a nested function's return is not the factory's";
        return async (event) => model.answer(event);
      });
      export const wrapped = defineLazyEventHandler(() => defineEventHandler(async function chat(event) {}));
    `;
    expect(requestHandlersWithFramework(imported)).toEqual(["h3: async (event) => model.answer(event)", "h3: async function chat(event) {}"]);
    const autoImported = `export default defineLazyEventHandler(async () => { return (event) => 1; });`;
    expect(requestHandlers(autoImported, "server/api/lazy.ts")).toEqual(["(event) => 1"]);
    // A local function of that name is not h3's; outside the server folders the global is not Nuxt's.
    expect(requestHandlers(`const defineLazyEventHandler = (f) => f;\nexport default defineLazyEventHandler(() => (event) => 1);`, "server/api/x.ts")).toEqual([]);
    expect(requestHandlers(autoImported, "src/lazy.ts")).toEqual([]);
  });

  it("SvelteKit: +server.ts verbs, hooks.server.ts handle, +page.server.ts load and actions", () => {
    const server = `
      export async function POST({ request }) { return new Response(); }
      export const GET = async () => new Response();
      export const prerender = false;
    `;
    expect(requestHandlersWithFramework(server, "src/routes/api/chat/+server.ts")).toEqual([
      "sveltekit: async function POST({ request }) { return new Response(); }",
      "sveltekit: async () => new Response()",
    ]);
    expect(requestHandlers(server, "src/routes/api/chat/server.ts")).toEqual([]);
    const hooks = `export const handle = async ({ event, resolve }) => resolve(event);\nexport function helper() {}`;
    expect(requestHandlers(hooks, "src/hooks.server.ts")).toEqual(["async ({ event, resolve }) => resolve(event)"]);
    const page = `
      export const load = async ({ params }) => ({ id: params.id });
      export const actions = { default: async ({ request }) => {}, rename: async function rename() {} };
    `;
    expect(requestHandlers(page, "src/routes/chat/[id]/+page.server.ts")).toEqual([
      "async ({ params }) => ({ id: params.id })",
      "async ({ request }) => {}",
      "async function rename() {}",
    ]);
  });

  it("Remix / React Router: action and loader of route modules", () => {
    const route = `
      export async function action({ request }) { return null; }
      export const loader = async () => null;
      export async function clientLoader() { return null; }
      export default function Page() { return null; }
    `;
    expect(requestHandlersWithFramework(route, "app/routes/chat.tsx")).toEqual([
      "remix: async function action({ request }) { return null; }",
      "remix: async () => null",
    ]);
    expect(requestHandlers(route, "app/components/chat.tsx")).toEqual([]);
  });

  it("Astro: endpoint verbs and middleware onRequest", () => {
    const endpoint = `export const POST = async ({ request }) => new Response();\nexport const ALL = async () => new Response();`;
    expect(requestHandlersWithFramework(endpoint, "src/pages/api/chat.ts")).toEqual([
      "astro: async ({ request }) => new Response()",
      "astro: async () => new Response()",
    ]);
    expect(requestHandlers(`export const onRequest = async (context, next) => next();`, "src/middleware.ts")).toHaveLength(1);
  });

  it("Elysia: routes, local hooks and lifecycle hooks", () => {
    const code = `
      import { Elysia } from "elysia";
      new Elysia()
        .onBeforeHandle(({ headers }) => {})
        .get("/a", () => "a", { beforeHandle: [function check() {}] })
        .post("/b", async ({ body }) => body)
        .listen(3000);
    `;
    expect(requestHandlersWithFramework(code)).toEqual([
      "elysia: ({ headers }) => {}",
      'elysia: () => "a"',
      "elysia: function check() {}",
      "elysia: async ({ body }) => body",
    ]);
  });

  it("hapi: route({ handler }), route options, arrays of routes and request extensions", () => {
    const code = `
      const Hapi = require("@hapi/hapi");
      const server = Hapi.server({ port: 3000 });
      server.route({ method: "POST", path: "/chat", handler: async (request, h) => ({}) });
      server.route([{ method: "GET", path: "/a", options: { handler: function a(request) {} } }]);
      server.ext("onRequest", (request, h) => h.continue);
      server.ext("onPreStart", () => {});
      const router = { route(config) {} };
      router.route({ handler: () => {} });
    `;
    expect(requestHandlersWithFramework(code, "src/server.js")).toEqual([
      "hapi: async (request, h) => ({})",
      "hapi: function a(request) {}",
      "hapi: (request, h) => h.continue",
    ]);
  });

  // rules-13: the route options containers (`options`, hapi 17+, and its older name `config`) are followed one level,
  // through a `const` too; another key holding a `handler` (`plugins`, the route's plugin-specific settings) is not.
  it("hapi: route options containers options/config, one level; other keys holding a handler are not", () => {
    const code = `
      import Hapi from "@hapi/hapi";
      const server = Hapi.server({ port: 3000 });
      const opts = { handler: function viaConst(request) {} };
      server.route({ method: "POST", path: "/a", config: { handler: function viaConfig(request) {} } });
      server.route({ method: "POST", path: "/b", options: opts });
      server.route({ method: "POST", path: "/c", plugins: { handler: function notRoute(request) {} }, handler: function route(request) {} });
      server.route({ method: "POST", path: "/d", options: { options: { handler: function tooDeep(request) {} } } });
    `;
    expect(requestHandlersWithFramework(code, "src/server.js")).toEqual(["hapi: function viaConst(request) {}", "hapi: function viaConfig(request) {}", "hapi: function route(request) {}"]);
  });

  it("hapi: ext({ type, method }) objects, arrays of them and arrays of methods; only request extension points", () => {
    const code = `
      import Hapi from "@hapi/hapi";
      const server = Hapi.server({ port: 3000 });
      async function audit(request, h) { return h.continue; }
      server.ext({ type: "onPreHandler", method: audit });
      server.ext([
        { type: "onPostAuth", method: async function postAuth(request, h) { return h.continue; } },
        { type: "onPreStart", method: async function starting(server) {} },
        { type: "onPreResponse", method: [function first(request, h) {}, function second(request, h) {}] },
      ]);
      server.ext({ type: "onPostStop", method: async function stopped(server) {} });
      // Not hapi's: a look-alike object with the same method and the same option keys.
      const plugins = { ext(options) {} };
      plugins.ext({ type: "onRequest", method: function lookAlike(request) {} });
    `;
    expect(requestHandlersWithFramework(code)).toEqual([
      "hapi: async function audit(request, h) { return h.continue; }",
      "hapi: async function postAuth(request, h) { return h.continue; }",
      "hapi: function first(request, h) {}",
      "hapi: function second(request, h) {}",
    ]);
  });

  it("restify: routes and use/pre", () => {
    const code = `
      import restify from "restify";
      const server = restify.createServer();
      server.pre((req, res, next) => next());
      server.post("/chat", async (req, res) => { res.send({}); });
    `;
    expect(requestHandlers(code)).toEqual(["(req, res, next) => next()", "async (req, res) => { res.send({}); }"]);
  });

  it("tRPC: query/mutation/subscription resolvers and middleware of procedures from initTRPC", () => {
    const code = `
      import { initTRPC } from "@trpc/server";
      import { z } from "zod";
      const t = initTRPC.context<Ctx>().create();
      const logged = t.middleware(async ({ next }) => next());
      export const publicProcedure = t.procedure;
      export const appRouter = t.router({
        chat: publicProcedure.input(z.string()).mutation(async ({ input }) => input),
        list: t.procedure.use(logged).query(function list() { return []; }),
      });
      const other = { procedure: { query(fn) {} } };
      other.procedure.query(() => 1);
    `;
    expect(requestHandlersWithFramework(code)).toEqual([
      "trpc: async ({ next }) => next()",
      "trpc: async ({ input }) => input",
      "trpc: function list() { return []; }",
    ]);
  });

  it("tRPC: builders imported from the project's trpc module, by their conventional names", () => {
    // create-t3-app's router file: no @trpc/server import, the builders come from ~/server/api/trpc.
    const t3 = `
      import { z } from "zod";
      import { createTRPCRouter, publicProcedure, protectedProcedure } from "~/server/api/trpc";
      export const chatRouter = createTRPCRouter({
        send: publicProcedure.input(z.object({ text: z.string() })).mutation(async ({ ctx, input }) => input.text),
        history: protectedProcedure.query(function history({ ctx }) { return []; }),
      });
    `;
    expect(requestHandlersWithFramework(t3, "src/server/api/routers/chat.ts")).toEqual([
      "trpc: async ({ ctx, input }) => input.text",
      "trpc: function history({ ctx }) { return []; }",
    ]);
    // Any project module, in a file that imports @trpc/server.
    const withTypes = `
      import { TRPCError } from "@trpc/server";
      import { authedProcedure, procedure } from "../procedures";
      export const a = authedProcedure.use(async ({ next }) => next()).query(async () => 1);
      export const b = procedure.mutation(async () => 2);
    `;
    expect(requestHandlers(withTypes)).toEqual(["async ({ next }) => next()", "async () => 1", "async () => 2"]);
    // Look-alikes: another module name without @trpc/server, a package, another name, a local object.
    expect(requestHandlers(`import { publicProcedure } from "./rpc";\npublicProcedure.query(async () => 1);`)).toEqual([]);
    expect(requestHandlers(`import "@trpc/server";\nimport { publicProcedure } from "some-rpc-lib";\npublicProcedure.query(async () => 1);`)).toEqual([]);
    expect(requestHandlers(`import { builder } from "./trpc";\nbuilder.query(async () => 1);`)).toEqual([]);
    expect(requestHandlers(`import "./trpc";\nconst publicProcedure = { query(fn) {} };\npublicProcedure.query(async () => 1);`)).toEqual([]);
  });

  it("GraphQL resolvers: Apollo Server, GraphQL Yoga, Mercurius, makeExecutableSchema", () => {
    const apollo = `
      import { ApolloServer } from "@apollo/server";
      const resolvers = {
        Query: { chat: async (_, { prompt }) => prompt, me() { return null; } },
        Subscription: { messages: { subscribe: async function* subscribe() {} } },
      };
      const server = new ApolloServer({ typeDefs, resolvers });
    `;
    expect(requestHandlersWithFramework(apollo)).toEqual([
      "apollo-server: async (_, { prompt }) => prompt",
      "apollo-server: () { return null; }",
      "apollo-server: async function* subscribe() {}",
    ]);
    const yoga = `
      import { createSchema, createYoga } from "graphql-yoga";
      const schema = createSchema({ typeDefs, resolvers: { Mutation: { send: async (_, args) => args } } });
      export const yoga = createYoga({ schema });
    `;
    expect(requestHandlersWithFramework(yoga)).toEqual(["graphql-yoga: async (_, args) => args"]);
    const merc = `
      import Fastify from "fastify";
      import mercurius from "mercurius";
      const app = Fastify();
      app.register(mercurius, { schema, resolvers: { Query: { add: async (_, { x, y }) => x + y } } });
    `;
    expect(requestHandlersWithFramework(merc)).toEqual(["mercurius: async (_, { x, y }) => x + y"]);
    // A resolver map that no server takes is not known to run per request.
    expect(requestHandlers(`export const resolvers = { Query: { a: () => 1 } };`)).toEqual([]);
  });

  it("queue consumers: BullMQ Worker, Bull process, kafkajs eachMessage, sqs-consumer", () => {
    const code = `
      import { Worker } from "bullmq";
      import Queue from "bull";
      import { Kafka } from "kafkajs";
      import { Consumer } from "sqs-consumer";
      new Worker("chat", async (job) => job.data, { concurrency: 8 });
      const queue = new Queue("mail");
      queue.process(5, async function mail(job) {});
      const consumer = new Kafka({ brokers }).consumer({ groupId: "g" });
      await consumer.run({ eachMessage: async ({ message }) => {} });
      Consumer.create({ queueUrl, handleMessage: async (message) => {} });
    `;
    expect(requestHandlersWithFramework(code)).toEqual([
      "queue-worker: async (job) => job.data",
      "queue-worker: async function mail(job) {}",
      "queue-worker: async ({ message }) => {}",
      "queue-worker: async (message) => {}",
    ]);
    // A local class called Worker is not BullMQ's.
    expect(requestHandlers(`class Worker { constructor(name, fn) {} }\nnew Worker("q", async (job) => {});`)).toEqual([]);
  });

  it("Bun.serve / Deno.serve fetch handlers and a default-exported fetch", () => {
    const code = `
      Bun.serve({ port: 3000, async fetch(request) { return new Response(); } });
      Deno.serve({ port: 8000 }, (request) => new Response());
    `;
    expect(requestHandlersWithFramework(code)).toEqual([
      "bun-deno: (request) { return new Response(); }",
      "bun-deno: (request) => new Response()",
    ]);
    expect(requestHandlers(`const Bun = { serve(o) {} };\nBun.serve({ fetch(request) {} });`)).toEqual([]);
    // WebSocket callbacks run per connection and per message, concurrently, like requests.
    const websocket = `
      Bun.serve({
        fetch(request, server) { server.upgrade(request); },
        websocket: { open(ws) {}, async message(ws, message) {}, close: function closed(ws, code) {}, perMessageDeflate: true },
      });
    `;
    expect(requestHandlers(websocket)).toEqual(["(request, server) { server.upgrade(request); }", "(ws) {}", "(ws, message) {}", "function closed(ws, code) {}"]);
    expect(requestHandlers(`const Bun = { serve(o) {} };\nBun.serve({ websocket: { message(ws, m) {} } });`)).toEqual([]);
    expect(requestHandlersWithFramework(`export default { port: 3000, fetch(request) { return new Response(); } };`)).toEqual([
      "bun-deno: (request) { return new Response(); }",
    ]);
    expect(requestHandlers(`export default { fetch(request: Request) { return new Response(); } };`)).toHaveLength(1);
    // An API client's fetch(path) is not a server's.
    expect(requestHandlers(`export default { async fetch(path: string) { return fetch(path); } };`)).toEqual([]);
  });
});

describe("entry points of serverless platforms", () => {
  it("Google Cloud Functions: functions.http and cloudEvent, named by their registration", () => {
    const code = `
      const functions = require("@google-cloud/functions-framework");
      functions.http("chat", async (req, res) => { res.send("ok"); });
      functions.cloudEvent("onUpload", async function onUpload(event) {});
    `;
    expect(invocations(code, "index.js")).toEqual([
      'gcp-functions chat: async (req, res) => { res.send("ok"); }',
      "gcp-functions onUpload: async function onUpload(event) {}",
    ]);
  });

  it("Azure Functions v4: app.http(name, { handler }) and other triggers", () => {
    const code = `
      import { app } from "@azure/functions";
      app.http("chat", { methods: ["POST"], authLevel: "anonymous", handler: async (request, context) => ({ body: "ok" }) });
      app.storageQueue("jobs", { queueName: "jobs", connection: "c", handler: async function jobs(item, context) {} });
      app.get("health", async () => ({ body: "ok" }));
    `;
    expect(invocations(code)).toEqual([
      'azure-functions chat: async (request, context) => ({ body: "ok" })',
      "azure-functions jobs: async function jobs(item, context) {}",
      'azure-functions health: async () => ({ body: "ok" })',
    ]);
    // An object called app that is not Azure's registers nothing.
    expect(invocations(`const app = { http() {} };\napp.http("x", { handler: async () => {} });`)).toEqual([]);
  });

  it("Netlify Functions by path, Vercel Functions in the root api/ folder", () => {
    const modern = `export default async (req: Request, context: Context) => new Response("ok");`;
    expect(invocations(modern, "netlify/functions/chat.ts")).toEqual(['netlify default: async (req: Request, context: Context) => new Response("ok")']);
    expect(invocations(`export const handler = async (event) => ({ statusCode: 200 });`, "netlify/functions/legacy.ts")[0]).toMatch(/^netlify handler:/);
    const vercelNode = `export default async function handler(req, res) { res.json({}); }`;
    expect(invocations(vercelNode, "api/chat.ts")).toEqual(["vercel default: async function handler(req, res) { res.json({}); }"]);
    expect(invocations(`export async function POST(request) { return new Response(); }`, "api/chat.ts")).toHaveLength(1);
    // (Which `api/` folder is the project's root one is tested with a project on disk below.)
  });

  it("Netlify Edge Functions: the default export of netlify/edge-functions runs per request, not as a freezing platform", () => {
    const edge = `
      import type { Context } from "@netlify/edge-functions";
      export default async (request: Request, context: Context) => new Response("ok");
      export const config = { path: "/chat" };
    `;
    expect(requestHandlersWithFramework(edge, "netlify/edge-functions/chat.ts")).toEqual(['netlify-edge: async (request: Request, context: Context) => new Response("ok")']);
    expect(invocations(edge, "netlify/edge-functions/chat.ts")).toEqual([]);
    // The same module elsewhere is nobody's handler; a Netlify (serverless) function stays an invocation.
    expect(requestHandlers(edge, "src/edge/chat.ts")).toEqual([]);
    expect(invocations(edge, "netlify/functions/chat.ts")).toHaveLength(1);
  });

  it("Cloudflare Workers: the default export's fetch/queue/scheduled, not a Bun server", () => {
    const worker = `
      export default {
        async fetch(request, env, ctx) { return new Response(); },
        async queue(batch, env, ctx) {},
      };
    `;
    expect(invocations(worker)).toEqual([
      // A method's function node starts at its parameters.
      "cloudflare-workers fetch: (request, env, ctx) { return new Response(); }",
      "cloudflare-workers queue: (batch, env, ctx) {}",
    ]);
    const typed = `export default { async fetch(request) { return new Response(); } } satisfies ExportedHandler<Env>;`;
    expect(invocations(typed)).toHaveLength(1);
    expect(invocations(`export default { async fetch(request) { return new Response(); } };`)).toEqual([]);
  });

  it("Next.js route handlers and server actions only where the project deploys serverless", () => {
    const route = `export async function POST(request: Request) { return Response.json({}); }`;
    expect(invocations(route, "app/api/chat/route.ts")).toEqual([]);
    expect(invocations(`export const maxDuration = 30;\n${route}`, "app/api/chat/route.ts")).toEqual([
      "nextjs-serverless POST: async function POST(request: Request) { return Response.json({}); }",
    ]);
    expect(invocations(`export const runtime = "edge";\n${route}`, "app/api/chat/route.ts")).toHaveLength(1);
    expect(invocations(route, "app/api/chat/route.ts", { honeyhive: { serverless: true } })).toHaveLength(1);
    expect(invocations(`export const maxDuration = 30;\n${route}`, "app/api/chat/route.ts", { honeyhive: { serverless: false } })).toEqual([]);
    const action = `"use server";\nexport async function send(formData: FormData) {}`;
    expect(invocations(action, "app/actions.ts", { honeyhive: { serverless: true } })).toEqual(["nextjs-serverless send: async function send(formData: FormData) {}"]);
    expect(invocations(action, "app/actions.ts")).toEqual([]);
    const { model } = modelOf(`export const maxDuration = 30;\n${route}`, "app/api/chat/route.ts");
    expect(describeHandler(model.lambdaHandlers[0])).toBe("Next.js route handler");
  });
});

describe("the serverless signal from the project's files", () => {
  const makeProject = useTempProjects("deploy", "all");
  // The folders of the files linted below exist, as in a real project (a path not on disk tells nothing).
  const FOLDERS = Object.fromEntries(["app/api/chat/", "src/", "api/", "src/api/", "packages/web/app/api/chat/"].map((folder) => [folder, ""]));
  const project = (files: Record<string, string>) => makeProject({ ...FOLDERS, "package.json": "{}", ...files });
  const route = `export async function POST(request: Request) { return Response.json({}); }`;

  it("a vercel.json, netlify.toml or open-next config beside the nearest package.json makes Next.js routes serverless", () => {
    for (const signal of ["vercel.json", "netlify.toml", "open-next.config.ts", ".vercel/project.json"]) {
      const root = project({ [signal]: "" });
      expect(invocations(route, join(root, "app/api/chat/route.ts")), signal).toHaveLength(1);
    }
    const plain = project({});
    expect(invocations(route, join(plain, "app/api/chat/route.ts"))).toEqual([]);
    // A simulated path (its folder not on disk) gives no signal either.
    expect(invocations(route, join(project({ "vercel.json": "" }), "virtual/app/api/chat/route.ts"))).toEqual([]);
    // The nearest package.json decides: a nested package without a signal is not serverless.
    const monorepo = project({ "vercel.json": "", "packages/web/package.json": "{}" });
    expect(invocations(route, join(monorepo, "packages/web/app/api/chat/route.ts"))).toEqual([]);
  });

  it("a wrangler config makes a default-exported fetch a Cloudflare Worker", () => {
    const worker = `export default { async fetch(request) { return new Response(); } };`;
    expect(invocations(worker, join(project({ "wrangler.toml": "" }), "src/index.ts"))).toHaveLength(1);
    expect(invocations(worker, join(project({}), "src/index.ts"))).toEqual([]);
  });

  it("legacy Google Cloud Functions: exports of the entry module of a project with the functions framework or a .gcloudignore", () => {
    const legacy = `
      exports.chat = async (req, res) => { res.json({}); };
      exports.onUpload = (data, context) => {};
      exports.onMessage = function (message, context, callback) { callback(); };
      exports.helper = (text) => text.trim();
      exports.VERSION = "1";
    `;
    const withFramework = project({ "package.json": JSON.stringify({ dependencies: { "@google-cloud/functions-framework": "^3.0.0" } }) });
    const found = lambdaHandlers(legacy, join(withFramework, "index.js"));
    expect(found.map((handler) => `${handler.exportName} callback:${handler.callbackStyle}`)).toEqual(["chat callback:false", "onUpload callback:false", "onMessage callback:true"]);
    expect(invocations(legacy, join(withFramework, "index.js"))[0]).toMatch(/^gcp-functions chat:/);
    expect(invocations(legacy, join(project({ ".gcloudignore": "node_modules\n" }), "src/index.js"))).toHaveLength(3);
    // TypeScript: main names the compiled file, the rule sees its source.
    const typescript = project({ "package.json": JSON.stringify({ main: "build/src/index.js", devDependencies: { "@google-cloud/functions-framework": "^3.0.0" } }) });
    expect(invocations(legacy, join(typescript, "src/index.ts"))).toHaveLength(3);
    // Not the entry module, not a Cloud Functions project, or a server that listens: not entry points.
    expect(invocations(legacy, join(withFramework, "src/helpers.js"))).toEqual([]);
    expect(invocations(legacy, join(project({}), "index.js"))).toEqual([]);
    expect(invocations(`${legacy}\nrequire("http").createServer(exports.chat).listen(8080);`, join(withFramework, "index.js"))).toEqual([]);
  });

  it("Vercel's api/ folder is the one at the project root", () => {
    const root = project({});
    const fn = `export default async function handler(req, res) { res.end(); }`;
    expect(invocations(fn, join(root, "api/chat.ts"))).toHaveLength(1);
    expect(invocations(fn, join(root, "src/api/chat.ts"))).toEqual([]);
  });
});

describe("plugin modules recognized by their exports in a project that depends on the framework", () => {
  const makeProject = useTempProjects("plugins", "all");
  const HAPI_PROJECT = { "package.json": JSON.stringify({ dependencies: { "@hapi/hapi": "^21.0.0" } }), "lib/": "" };
  const FASTIFY_PROJECT = { "package.json": JSON.stringify({ dependencies: { fastify: "^5.0.0", "@fastify/autoload": "^6.0.0" } }), "routes/chat/": "" };
  const PLAIN_PROJECT = { "package.json": JSON.stringify({ dependencies: { lodash: "^4.0.0" } }), "lib/": "", "routes/chat/": "" };
  const hapiFile = (files: Record<string, string>) => join(makeProject(files), "lib", "chat.js");
  const fastifyFile = (files: Record<string, string>) => join(makeProject(files), "routes", "chat", "index.js");

  it("hapi: a plugin object's register(server) in its four export forms", () => {
    const file = hapiFile(HAPI_PROJECT);
    const route = `server.route({ method: "POST", path: "/chat", handler: async (request, h) => ({}) });`;
    for (const code of [
      `export const plugin = { name: "chat", register: async (server, options) => { ${route} } };`,
      `exports.plugin = { name: "chat", register(server) { ${route} } };`,
      `module.exports = { name: "chat", register: async function (server) { ${route} } };`,
      `const register = async (server) => { ${route} };\nexport default { name: "chat", register };`,
    ]) {
      expect(requestHandlersWithFramework(code, file), code).toEqual(["hapi: async (request, h) => ({})"]);
    }
    // Request extensions registered by the plugin too; the server's own extension points stay out.
    const ext = `exports.plugin = { register(server) { server.ext("onPreHandler", (request, h) => h.continue); server.ext("onPreStart", () => {}); } };`;
    expect(requestHandlersWithFramework(ext, file)).toEqual(["hapi: (request, h) => h.continue"]);
  });

  it("hapi: quiet without the dependency, on other exports, and on a register whose parameter registers nothing", () => {
    const route = `server.route({ method: "POST", path: "/chat", handler: async (request, h) => ({}) });`;
    expect(requestHandlersWithFramework(`export const plugin = { register: async (server) => { ${route} } };`, hapiFile(PLAIN_PROJECT))).toEqual([]);
    const file = hapiFile(HAPI_PROJECT);
    // Another export name, a `register` that is no plugin's, and a server parameter at another position.
    expect(requestHandlersWithFramework(`export const routes = { register: async (server) => { ${route} } };`, file)).toEqual([]);
    expect(requestHandlersWithFramework(`export const plugin = { name: "x", register: async (server) => { server.decorate("toolkit", "ok", () => {}); } };`, file)).toEqual([]);
    expect(requestHandlersWithFramework(`export const plugin = { register: async (options, server) => { ${route} } };`, file)).toEqual([]);
  });

  it("fastify: an autoloaded route module's exported function, CommonJS and ESM, inline or by name", () => {
    const file = fastifyFile(FASTIFY_PROJECT);
    const route = `fastify.post("/", async function (request, reply) { return {}; });`;
    for (const code of [
      `'use strict'\nmodule.exports = async function (fastify, opts) { ${route} }`,
      `export default async function (fastify, opts) { ${route} }`,
      `async function routes(fastify) { ${route} }\nexport default routes;`,
      `const routes = async (fastify) => { fastify.register(async (child) => { child.post("/", async function (request, reply) { return {}; }); }); };\nmodule.exports = routes;`,
    ]) {
      expect(requestHandlersWithFramework(code, file), code).toEqual(["fastify: async function (request, reply) { return {}; }"]);
    }
    // Request hooks of the plugin; application hooks stay out.
    const hooks = `module.exports = async function (fastify) { fastify.addHook("preHandler", async (request) => {}); fastify.addHook("onReady", async () => {}); };`;
    expect(requestHandlersWithFramework(hooks, file)).toEqual(["fastify: async (request) => {}"]);
  });

  it("fastify: quiet without the dependency, on a named export, and when the parameter is not used as the instance", () => {
    const route = `fastify.post("/", async function (request, reply) { return {}; });`;
    expect(requestHandlersWithFramework(`module.exports = async function (fastify, opts) { ${route} }`, fastifyFile(PLAIN_PROJECT))).toEqual([]);
    const file = fastifyFile(FASTIFY_PROJECT);
    expect(requestHandlersWithFramework(`export async function routes(fastify) { ${route} }`, file)).toEqual([]);
    // A default-exported function whose first parameter reads a setting or is a map: no route method with a handler.
    expect(requestHandlersWithFramework(`export default function (config) { return config.get("port"); }`, file)).toEqual([]);
    expect(requestHandlersWithFramework(`export default function (cache, key) { cache.get(key, (error, value) => value); return key; }`, file)).toEqual([]);
    // The second parameter is no instance.
    expect(requestHandlersWithFramework(`export default async function (fastify, opts) { opts.post("/", async () => {}); }`, file)).toEqual([]);
  });
});

describe("the engine's own gates (the entry gate before the model, each hook's signs)", () => {
  /** What a model says, comparable across parses: each handler's kind, function, framework, export and platform. */
  const summary = (model: HandlerModel): string[] =>
    [...model.requestHandlers, ...model.lambdaHandlers].map((handler) =>
      JSON.stringify([handler.kind, handler.function.range, handler.kind === "lambda" ? [handler.exportName, handler.nameNode.range, handler.platform.id, handler.framework] : handler.framework]),
    );

  it("change no model: every fixture gets the handlers the engine finds without them", () => {
    const files = loadFixtures().flatMap((fixture) => [
      { filename: fixture.filename, text: fixture.before },
      { filename: fixture.filename, text: fixture.after },
    ]);
    let stopped = 0;
    for (const { filename, text } of files) {
      const gated = getHandlerModel(parseAnalysisInput(text, filename, readSettings({})));
      const input = parseAnalysisInput(text, filename, readSettings({}));
      expect(summary(gated), filename).toEqual(summary(handlerModelWithoutGates(input)));
      if (!mayHoldEntry(input, "handler")) stopped++;
    }
    // The gates ran on files they stop, not only on files with handlers.
    expect(stopped).toBeGreaterThan(10);
  });
});

describe("hooks run once per file", () => {
  it("a hook whose trigger has both `imports` and `path` runs once where both hold (Temporal's activity module)", () => {
    const hook = temporal.hook;
    const run = vi.spyOn(hook, "run");
    try {
      const code = `import { heartbeat } from "@temporalio/activity";\nexport async function charge(id: string) { heartbeat(); return id; }\n`;
      expect(requestHandlers(code, "src/activities.ts")).toEqual(["async function charge(id: string) { heartbeat(); return id; }"]);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
  });
});
