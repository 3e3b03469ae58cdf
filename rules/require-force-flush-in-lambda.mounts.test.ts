// Routes of an app served on AWS Lambda through an adapter, where what serves them or covers them is
// registered in another module or in another order: the mount chain through a third module (the app's
// module mounts the router, an adapter module wraps the app), a covering middleware imported into the
// serving module, reverse chains, and Fastify's done-callback hooks.
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { withFakeDate } from "../analysis/test-utils/clock.js";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { configForRule } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const FLUSH_MW = `async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } }`;

describe(`${RULE_NAME}: a router mounted in the app's module, the adapter in a third one`, () => {
  const project = useTempProjects("mount-chain");
  const lint = (files: Record<string, string>, file: string) => {
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", express: "^5.1.0", koa: "^3.0.0", hono: "^4.7.0" } }), ...files });
    return new Linter({ configType: "flat", cwd: root })
      .verify(files[file]!, configForRule(RULE_NAME, rule), { filename: join(root, file) })
      .map((message) => message.message.match(/^[^`]*`[^`]+`/)?.[0] ?? message.message);
  };
  const EXPRESS_ROUTES = `import { Router } from "express";\n${TRACER}const router = Router();\nrouter.post("/chat", async (req, res) => { tracer.createSession(); res.json({}); });\nexport default router;\n`;
  const EXPRESS_APP = `import express from "express";\nimport routes from "./routes";\nconst app = express();\napp.use(express.json());\napp.use("/api", routes);\nexport default app;\n`;
  const EXPRESS_LAMBDA = `import serverless from "serverless-http";\nimport app from "./app";\nexport const handler = serverless(app);\n`;

  it("reports the router's routes (was missed), for each adapter", () => {
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": EXPRESS_APP, "src/lambda.ts": EXPRESS_LAMBDA }, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    const vendia = `import serverlessExpress from "@vendia/serverless-express";\nimport app from "./app";\nexport const handler = serverlessExpress({ app });\n`;
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": EXPRESS_APP, "src/lambda.ts": vendia }, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    const codegenie = `const serverlessExpress = require("@codegenie/serverless-express");\nconst { app } = require("./app");\nexports.handler = serverlessExpress({ app });\n`;
    const namedApp = EXPRESS_APP.replace("export default app;", "export { app };");
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": namedApp, "src/lambda.ts": codegenie }, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    // The adapter module in the folder above the routes' folder, the app beside the routes.
    expect(lint({ "src/http/routes.ts": EXPRESS_ROUTES, "src/http/app.ts": EXPRESS_APP, "src/lambda.ts": EXPRESS_LAMBDA.replace("./app", "./http/app") }, "src/http/routes.ts")).toEqual([
      "AWS Lambda handler `/chat`",
    ]);
  });

  it("an adapter module added beside the app during an editor session serves the router's routes on a lint a second later", () => {
    const files = { "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": EXPRESS_APP };
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", express: "^5.1.0" } }), ...files });
    const linted = () => new Linter({ configType: "flat", cwd: root }).verify(EXPRESS_ROUTES, configForRule(RULE_NAME, rule), { filename: join(root, "src/routes.ts") }).map((message) => message.message.match(/^[^`]*`[^`]+`/)?.[0]);
    withFakeDate((nextSecond) => {
      expect(linted()).toEqual([]);
      writeFileSync(join(root, "src/lambda.ts"), EXPRESS_LAMBDA);
      utimesSync(join(root, "src"), new Date(), new Date(Date.now() + 5_000));
      // The folder's listing is trusted for a second (one look a second serves every file's `modulesBeside`).
      expect(linted()).toEqual([]);
      nextSecond();
      expect(linted()).toEqual(["AWS Lambda handler `/chat`"]);
    });
  });

  it("reports a Hono sub-app and a Koa router mounted in the app's module", () => {
    const api = `import { Hono } from "hono";\n${TRACER}const api = new Hono();\napi.post("/chat", async (c) => { tracer.createSession(); return c.json({}); });\nexport default api;\n`;
    const app = `import { Hono } from "hono";\nimport api from "./api";\nexport const app = new Hono();\napp.route("/api", api);\n`;
    const lambda = `import { handle } from "hono/aws-lambda";\nimport { app } from "./app";\nexport const handler = handle(app);\n`;
    expect(lint({ "src/api.ts": api, "src/app.ts": app, "src/lambda.ts": lambda }, "src/api.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    const routes = `import Router from "@koa/router";\n${TRACER}export const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\n`;
    const koaApp = (middleware: string) => `import Koa from "koa";\n${TRACER}import { router } from "./routes";\nconst app = new Koa();\n${middleware}app.use(router.routes());\nexport default app;\n`;
    const koaLambda = `import serverless from "serverless-http";\nimport app from "./app";\nexport const handler = serverless(app);\n`;
    expect(lint({ "src/routes.ts": routes, "src/app.ts": koaApp(""), "src/lambda.ts": koaLambda }, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    // Covered by the app module's flushing middleware, registered before the mount.
    expect(lint({ "src/routes.ts": routes, "src/app.ts": koaApp(`app.use(${FLUSH_MW});\n`), "src/lambda.ts": koaLambda }, "src/routes.ts")).toEqual([]);
  });

  it("the codemod wraps the router's route in the router's module, and leaves it when the app module's middleware covers it", () => {
    const routes = `import Router from "@koa/router";\n${TRACER}export const router = new Router();\nrouter.post("/chat", async (ctx) => {\n  tracer.createSession();\n  ctx.body = {};\n});\n`;
    const koaApp = (middleware: string) => `import Koa from "koa";\n${TRACER}import { router } from "./routes";\nconst app = new Koa();\n${middleware}app.use(router.routes());\nexport default app;\n`;
    const koaLambda = `import serverless from "serverless-http";\nimport app from "./app";\nexport const handler = serverless(app);\n`;
    const transformed = (middleware: string) => {
      const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", koa: "^3.0.0" } }), "src/routes.ts": routes, "src/app.ts": koaApp(middleware), "src/lambda.ts": koaLambda });
      return runTransforms(routes, join(root, "src/routes.ts"), { transforms: ["lambda-force-flush"] }).output;
    };
    expect(transformed("")).toBe(routes.replace("  tracer.createSession();\n  ctx.body = {};\n", "  try {\n    tracer.createSession();\n    ctx.body = {};\n  } finally {\n    await tracer.forceFlush();\n  }\n"));
    expect(transformed(`app.use(${FLUSH_MW});\n`)).toBe(routes);
  });

  // The app module is read without a linted file's scopes: a flush handed to the platform counts by that module's
  // imports, as in the linted file (it was tested by method name alone, so an imported `waitUntil` did not count).
  it("a middleware of the app module that hands the flush to an imported waitUntil covers the router; a local waitUntil does not", () => {
    const routes = `import Router from "@koa/router";\n${TRACER}export const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\n`;
    const koaApp = (head: string) => `import Koa from "koa";\n${head}${TRACER}import { router } from "./routes";\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  await next();\n  waitUntil(tracer.forceFlush());\n});\napp.use(router.routes());\nexport default app;\n`;
    const koaLambda = `import serverless from "serverless-http";\nimport app from "./app";\nexport const handler = serverless(app);\n`;
    const imported = koaApp(`import { waitUntil } from "@vercel/functions";\n`);
    expect(lint({ "src/routes.ts": routes, "src/app.ts": imported, "src/lambda.ts": koaLambda }, "src/routes.ts")).toEqual([]);
    const local = koaApp(`function waitUntil(promise) { void promise; }\n`);
    expect(lint({ "src/routes.ts": routes, "src/app.ts": local, "src/lambda.ts": koaLambda }, "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
  });

  it("does not report look-alikes: the app module serves itself, the adapter wraps another app, the router is only imported", () => {
    const server = EXPRESS_LAMBDA.replace("export const handler = serverless(app);", "app.listen(3000);").replace(`import serverless from "serverless-http";\n`, "");
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": EXPRESS_APP, "src/server.ts": server }, "src/routes.ts")).toEqual([]);
    const other = `import serverless from "serverless-http";\nimport express from "express";\nimport "./app";\nconst app = express();\nexport const handler = serverless(app);\n`;
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": EXPRESS_APP, "src/lambda.ts": other }, "src/routes.ts")).toEqual([]);
    const onlyImported = EXPRESS_APP.replace(`app.use("/api", routes);\n`, "console.log(routes);\n");
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": onlyImported, "src/lambda.ts": EXPRESS_LAMBDA }, "src/routes.ts")).toEqual([]);
    // The adapter wraps another export of the app module than the app the router is mounted on.
    const twoApps = `${EXPRESS_APP}export const admin = express();\n`;
    const wrapsAdmin = `import serverless from "serverless-http";\nimport { admin } from "./app";\nexport const handler = serverless(admin);\n`;
    expect(lint({ "src/routes.ts": EXPRESS_ROUTES, "src/app.ts": twoApps, "src/lambda.ts": wrapsAdmin }, "src/routes.ts")).toEqual([]);
  });
});

describe(`${RULE_NAME}: a covering middleware imported into the serving module from a third module`, () => {
  const project = useTempProjects("imported-cover");
  const lint = (files: Record<string, string>, file: string) => {
    const root = project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^2.0.0", koa: "^3.0.0" } }), ...files });
    return new Linter({ configType: "flat", cwd: root })
      .verify(files[file]!, configForRule(RULE_NAME, rule), { filename: join(root, file) })
      .map((message) => message.message.match(/^[^`]*`[^`]+`/)?.[0] ?? message.message);
  };
  const ROUTES = `import Router from "@koa/router";\n${TRACER}const router = new Router();\nrouter.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\nexport default router;\n`;
  const LAMBDA = (middleware: string) =>
    `import Koa from "koa";\nimport serverless from "serverless-http";\nimport { flushAfter } from "./middleware";\nimport router from "./routes";\nconst app = new Koa();\n${middleware}\nexport const handler = serverless(app);\n`;
  const MIDDLEWARE = (body: string) => `${TRACER}export async function flushAfter(ctx, next) { ${body} }\n`;

  it("does not report the router's routes when the imported middleware flushes after `await next()` (was reported)", () => {
    const files = (body: string, registration: string) => ({ "src/routes.ts": ROUTES, "src/middleware.ts": MIDDLEWARE(body), "src/lambda.ts": LAMBDA(registration) });
    const flushing = "try { await next(); } finally { await tracer.forceFlush(); }";
    expect(lint(files(flushing, "app.use(flushAfter);\napp.use(router.routes());"), "src/routes.ts")).toEqual([]);
    // Still reported: mounted before it, a middleware that flushes before `next()`, or one that does not flush.
    expect(lint(files(flushing, "app.use(router.routes());\napp.use(flushAfter);"), "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lint(files("await tracer.forceFlush(); await next();", "app.use(flushAfter);\napp.use(router.routes());"), "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
    expect(lint(files("await next();", "app.use(flushAfter);\napp.use(router.routes());"), "src/routes.ts")).toEqual(["AWS Lambda handler `/chat`"]);
  });
});

describe(`${RULE_NAME}: reverse chains and done-callback hooks`, () => {
  const ruleTester = createRuleTester();
  const KOA = `import Koa from "koa";\nimport Router from "@koa/router";\nimport serverless from "serverless-http";\n${TRACER}const app = new Koa();\nconst router = new Router();\n`;
  const FASTIFY = `import Fastify from "fastify";\nimport awsLambdaFastify from "@fastify/aws-lambda";\n${TRACER}const app = Fastify();\n`;
  const FASTIFY_ROUTE = `app.post("/chat", async (request, reply) => { tracer.createSession(); return {}; });`;
  const FASTIFY_ROUTE_FLUSHED = `app.post("/chat", async (request, reply) => {\n  try {\n    tracer.createSession(); return {};\n  } finally {\n    await tracer.forceFlush();\n  }\n});`;
  const KOA_ROUTE = `router.post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; })`;
  const KOA_ROUTE_FLUSHED = `router.post("/chat", async (ctx) => {\n  try {\n    tracer.createSession(); ctx.body = {};\n  } finally {\n    await tracer.forceFlush();\n  }\n})`;
  const reported = (code: string, route: string, flushed: string) => ({
    code,
    errors: [
      {
        messageId: "missingFlush" as const,
        data: { name: "/chat", flush: "tracer.forceFlush()", platform: "AWS Lambda", recommended: "`await tracer.forceFlush()`" },
        suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush: "tracer.forceFlush()" }, output: code.replace(route, flushed) }],
      },
    ],
  });
  ruleTester.run(RULE_NAME, testableRule(rule), {
    valid: [
      // Was reported: Fastify continues only once `done()` is called, here after the flush settled.
      `${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { tracer.forceFlush().then(() => done(null, payload), done); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      `${FASTIFY}app.addHook("onSend", function (request, reply, payload, done) { tracer.forceFlush().finally(() => { done(); }); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      // A `.catch` callback also runs only after the flush promise has settled.
      `${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { tracer.forceFlush().then(() => done(null, payload)).catch(done); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      `${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { tracer.forceFlush().then(() => done(null, payload)).catch((error) => done(error)); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      `${FASTIFY}const flushOnSend = (request, reply, payload, done) => { void tracer.forceFlush().finally(done); };\napp.post("/chat", { onSend: flushOnSend }, async (request, reply) => { tracer.createSession(); return {}; });\nexport const handler = awsLambdaFastify(app);`,
      // Koa: a router's middleware registered before the route in a chain covers it.
      `${KOA}router.use(${FLUSH_MW}).post("/chat", async (ctx) => { tracer.createSession(); ctx.body = {}; });\napp.use(router.routes());\nexport const handler = serverless(app);`,
    ],
    invalid: [
      // Was accepted: `done()` is called before the flush settles (Fastify writes the response then).
      reported(`${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { tracer.forceFlush(); done(null, payload); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`, FASTIFY_ROUTE, FASTIFY_ROUTE_FLUSHED),
      // `done()` on one path without the flush.
      reported(
        `${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { if (reply.statusCode >= 400) return done(); tracer.forceFlush().then(() => done()); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
        FASTIFY_ROUTE,
        FASTIFY_ROUTE_FLUSHED,
      ),
      // `.catch` on a promise that is not the flush's: `done` may run before the flush settles.
      reported(
        `${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { payload.pipeTo(reply.raw).catch(done); tracer.forceFlush().then(() => done()); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
        FASTIFY_ROUTE,
        FASTIFY_ROUTE_FLUSHED,
      ),
      // A look-alike: the flush settles before a `done` that is not the hook's own.
      reported(
        `${FASTIFY}const done = () => {};\napp.addHook("onSend", (request, reply, payload, next) => { tracer.forceFlush().then(() => done()); next(); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
        FASTIFY_ROUTE,
        FASTIFY_ROUTE_FLUSHED,
      ),
      // onResponse runs after the response in the done-callback form too.
      reported(`${FASTIFY}app.addHook("onResponse", (request, reply, done) => { tracer.forceFlush().then(() => done()); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`, FASTIFY_ROUTE, FASTIFY_ROUTE_FLUSHED),
      // Koa: in the reverse chain the route comes first in the router's stack: it answers before the middleware runs.
      reported(`${KOA}${KOA_ROUTE}.use(${FLUSH_MW});\napp.use(router.routes());\nexport const handler = serverless(app);`, KOA_ROUTE, KOA_ROUTE_FLUSHED),
    ],
  });
});
