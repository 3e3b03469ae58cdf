import { describe, expect, it } from "vitest";
import type { TSESTree } from "@typescript-eslint/utils";
import { parseAnalysisInput } from "./parse-input.js";
import { getHandlerModel, type Handler, type HandlerModel } from "./handlers.js";
import { readSettings } from "./settings.js";

function modelOf(code: string, filename = "src/server.ts", settings: unknown = {}): { model: HandlerModel; text: string } {
  const input = parseAnalysisInput(code, filename, readSettings(settings));
  return { model: getHandlerModel(input), text: input.text };
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
