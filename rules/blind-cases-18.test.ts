// Blind cases, eighteenth round: PRECISION AND RECALL ON SHAPES WE HAD NOT SEEN (issues 13 and 16). Each program
// (rules/test-utils/blind-18-programs.ts, shared with codemods/blind-18.test.ts) is written the way public code writes
// it: Express/Fastify/Hono behind their Lambda adapters, Hono on Workers and Vercel, Nitro and Nuxt, Azure Functions v3,
// Vercel edge, Deno with oak, Feathers, AdonisJS, NestJS microservices, Express 5 route chains, Koa router middleware,
// Apollo resolver maps built by spread, Next.js metadata and segment config, Kafka, RabbitMQ, Pub/Sub, cron and
// interval jobs, LangChain callbacks; import styles; look-alikes of other libraries. Each is linted with ALL EIGHT
// rules at once and asserts the exact messages, `rule:line` (short names: rules/test-utils/blind-cases.ts), written
// from the seeds and docs/rules/*.md BEFORE the first run; where the first run disagreed, the case says who was wrong.
import { describe, expect, it } from "vitest";
import { rules } from "./index.js";
import { lintWithAllRules, type AnyRule } from "./test-utils/blind-cases.js";
import * as programs from "./test-utils/blind-18-programs.js";

type Name = keyof typeof programs;

/** A program of the shared module, what it is, and the messages expected on it. */
const c = (name: Name, title: string, expected: readonly string[]) => ({ name, title, expected });

const HANDLERS = [
  c("SERVERLESS_HTTP", "Express behind serverless-http in the same module: the route traces without a flush", ["flush:8"]),
  c("VENDIA", "@vendia/serverless-express (CommonJS): sessionStart in a route, no flush", ["start:8", "flush:7"]),
  c("CODEGENIE_APP", "@codegenie/serverless-express serves the app from lambda.ts: the app module's route", ["flush:7"]),
  c("AWS_LAMBDA_FASTIFY", "@fastify/aws-lambda wraps a Fastify app: its route is the Lambda's", ["flush:7"]),
  c("HONO_CLOUDFLARE", "Hono `export default app` on Cloudflare Workers (wrangler.toml)", ["start:7", "flush:6"]),
  c("HONO_AWS_LAMBDA", "Hono handle(app) of hono/aws-lambda", ["flush:7"]),
  c("HONO_VERCEL_EDGE", "Hono handle(app) of hono/vercel in a Next.js edge route", ["start:10", "flush:9"]),
  c("NITRO_CACHED", "Nitro defineCachedEventHandler (auto-imported, server/api)", ["start:6"]),
  c("NITRO_PLUGIN", "Nitro plugin: the request hook runs per request", ["start:5"]),
  c("NITRO_PLUGIN_STARTUP", "Nitro plugin: sessionStart once at startup, createSession per request, shutdown on close", []),
  c("NUXT_MIDDLEWARE", "Nuxt server middleware", ["start:5"]),
  c("AZURE_V3", "Azure Functions v3: module.exports = async function (context, req) beside function.json", ["start:4", "flush:3"]),
  c("VERCEL_EDGE_PAGES", "Vercel edge: pages/api with config.runtime edge and a default (req: Request) handler", ["flush:5"]),
  c("DENO_OAK", "Deno.serve(app.fetch) of an oak Application with router.post", ["start:7"]),
  // Was a known false negative (a URL names no package): deno.land/x/oak is read as `@oak/oak` (analysis/knowledge/npm-cdns.ts).
  c("OAK_URL_IMPORT", "oak imported from a deno.land/x URL, read as the package @oak/oak", ["start:6"]),
  c("FEATHERS", "Feathers 5 service class on koa(feathers())", ["start:11"]),
  c("ADONIS_CONTROLLER", "AdonisJS controller method typed HttpContext, routed as [Ctrl, \"store\"]", ["start:6"]),
  c("NEST_MICROSERVICE", "NestJS @MessagePattern with an injected tracer", ["start:11"]),
  c("EXPRESS5_ROUTE_CHAIN", "Express 5 router.route().get().post() chain", ["start:12"]),
  c("FASTIFY_ROUTE_HOOK", "Fastify route({ method, url, handler }) and an onRequest hook making a tracer", ["init:9", "start:17"]),
  c("KOA_ROUTER_USE", "@koa/router router.use(middleware)", ["start:9"]),
  c("APOLLO_SPREAD", "Apollo resolvers map built by spreading two objects", ["start:15"]),
  c("NEXT_GENERATE_METADATA", "Next.js generateMetadata of a dynamic page", ["start:7"]),
  c("GENERATE_METADATA_HELPER", "a helper named generateMetadata outside app/: no page of Next.js", []),
  c("NEXT_DYNAMIC_ROUTE", "Next.js route segment export const dynamic, no serverless host", ["start:8"]),
  c("KAFKAJS", "kafkajs consumer.run({ eachMessage })", ["start:12"]),
  c("KAFKAJS_BATCH", "kafkajs eachBatch making a tracer per batch", ["init:11"]),
  c("AMQPLIB", "amqplib channel.consume (CommonJS)", ["start:12"]),
  c("PUBSUB", "Google Pub/Sub subscription.on(\"message\")", ["start:8"]),
  c("NODE_CRON", "node-cron schedule", ["start:5"]),
  c("SET_INTERVAL", "setInterval poller with the module tracer: not per request", []),
  c("LANGCHAIN_CALLBACKS", "LangChain callbacks enriching through the tracer, an implicit trace()", ["explicit:16"]),
];

const IMPORTS = [
  c("RENAMED_IMPORT", "import { HoneyHiveTracer as HH }", ["start:8"]),
  c("DYNAMIC_IMPORT", "const { HoneyHiveTracer } = await import(\"honeyhive\") in an .mjs", ["start:8"]),
  c("REQUIRE_CHAIN", "require(\"honeyhive\").HoneyHiveTracer.init(...)", ["start:6"]),
  c("IMPORT_TYPE_ONLY", "import type only, a Lambda that traces nothing", []),
  c("GLOBAL_SINGLETON", "globalThis singleton for Next dev, imported through @/ paths", ["start:5"]),
  c("PRISMA_STYLE_SINGLETON", "the Prisma-style global singleton (globalForTracer.tracer ?? init, kept in dev) imported through @/", ["start:6"]),
  c("CONSTRUCTOR_ARG", "a tracer passed as a constructor argument, used in a route the class registers", ["start:9"]),
  c("PATHS_ALIAS", "tsconfig paths alias @/tracing, an implicit trace()", ["explicit:7", "start:10"]),
  c("MTS_LAMBDA", "a Lambda handler in an .mts file", ["flush:3"]),
  c("CTS_LAMBDA", "a Lambda handler in a .cts file (import = require)", ["flush:3"]),
];

const LOOK_ALIKES = [
  c("OTEL_API", "@opentelemetry/api trace.getTracer in a Lambda", []),
  c("TRACELOOP_OTHER", "Traceloop exporting to its own endpoint", []),
  c("LAMINAR", "Laminar observe() and flush", []),
  c("PHOENIX", "Arize Phoenix provider and an OpenInference instrumentation", []),
  c("LANGFUSE", "Langfuse langfuse.trace() in a route beside the HoneyHive tracer", []),
  c("JEXL_VM", "jexl.evaluate and vm.runInContext in a route", []),
  c("PLAYWRIGHT", "Playwright page.evaluate in a script", []),
  c("AUTH_SESSIONS", "express-session and the project's own createSession", []),
  c("PINO_FLUSH", "pino logger.flush() is not the tracer's flush", ["flush:6"]),
  c("WINSTON_NO_TRACER", "winston logger ended in a Lambda without a tracer", []),
  c("LOCAL_MOCK_CLASS", "a local HoneyHiveTracer class in __mocks__", []),
  c("NEXT_AUTH", "next-auth session callback enriching through the tracer", []),
];

const GROUPS = [
  ["handler shapes", HANDLERS],
  ["import styles", IMPORTS],
  ["look-alikes", LOOK_ALIKES],
] as const;

describe("blind-18", () => {
  it("has 40 programs or more", () => {
    expect(GROUPS.flatMap(([, cases]) => cases).length).toBeGreaterThanOrEqual(40);
  });
  for (const [group, cases] of GROUPS) {
    describe(group, () => {
      it.each(cases.map((entry) => [entry.title, entry] as const))("%s", (_title, { name, expected }) => {
        const { path, code, files } = programs[name];
        expect(lintWithAllRules(rules as unknown as Record<string, AnyRule>, path, code, files)).toEqual([...expected].sort());
      });
    });
  }
});
