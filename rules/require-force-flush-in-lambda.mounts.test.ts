// Routes of an app served on AWS Lambda through an adapter, where what serves them or covers them is
// registered in another module or in another order: the mount chain through a third module (the app's
// module mounts the router, an adapter module wraps the app), a covering middleware imported into the
// serving module, reverse chains, and Fastify's done-callback hooks.
import { describe } from "vitest";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const FLUSH_MW = `async (ctx, next) => { try { await next(); } finally { await tracer.forceFlush(); } }`;

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
        data: { name: "/chat", flush: "tracer.forceFlush()", platform: "AWS Lambda" },
        suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush: "tracer.forceFlush()" }, output: code.replace(route, flushed) }],
      },
    ],
  });
  ruleTester.run(RULE_NAME, testableRule(rule), {
    valid: [
      // Was reported: Fastify continues only once `done()` is called, here after the flush settled.
      `${FASTIFY}app.addHook("onSend", (request, reply, payload, done) => { tracer.forceFlush().then(() => done(null, payload), done); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
      `${FASTIFY}app.addHook("onSend", function (request, reply, payload, done) { tracer.forceFlush().finally(() => { done(); }); });\n${FASTIFY_ROUTE}\nexport const handler = awsLambdaFastify(app);`,
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
