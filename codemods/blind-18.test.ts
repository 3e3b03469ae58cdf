// Blind round 18 for `honeyhive migrate` (issues 13 and 16): the programs of rules/blind-cases-18.test.ts
// (rules/test-utils/blind-18-programs.ts), migrated with the 2.x set. The reported ones become what docs/codemods.md
// promises (session-start-to-create-session, lambda-force-flush, explicit-tracer, hoist-tracer-init); the quiet
// ones come out byte for byte. Expectations were written from docs/codemods.md before the first run; where the
// first run disagreed, the expectation says who was wrong.
import { afterAll, beforeAll, describe } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import * as programs from "../rules/test-utils/blind-18-programs.js";
import { blindProgramRuns, describeSetExpectations, type Expectation, type KnownExpectation } from "./cli/test-utils/shapes.js";

const { projects: PROJECTS, runs, edited, RENAME, renamed, unchanged } = blindProgramRuns(programs);

const EXPECTATIONS: readonly Expectation[] = [
  // --- handler shapes ------------------------------------------------------------------------------------------
  edited("SERVERLESS_HTTP", "serverless-http: the flush before the send", ["  res.json({ answer });", "  await tracer.forceFlush();\n  res.json({ answer });"]),
  edited("VENDIA", "@vendia/serverless-express: createSession, and the flush before the send", RENAME, ["  res.send(item);", "  await tracer.forceFlush();\n  res.send(item);"]),
  edited("CODEGENIE_APP", "@codegenie/serverless-express (adapter in lambda.ts): the flush before the send", ["  res.json({ summary });", "  await tracer.forceFlush();\n  res.json({ summary });"]),
  edited("AWS_LAMBDA_FASTIFY", "@fastify/aws-lambda: the route's body in try/finally", [
    `  tracer.createSession({ sessionName: "chat" });
  return tracer.startSpan("chat", async () => ({ echo: request.body }));
`,
    `  try {
    tracer.createSession({ sessionName: "chat" });
    return await tracer.startSpan("chat", async () => ({ echo: request.body }));
  } finally {
    await tracer.forceFlush();
  }
`,
  ]),
  // The first run wrote `return await c.json({ answer })`: our bug, Hono's `c.json()` returns a Response, no promise
  // (typescript-eslint's await-thenable reports that await); knowledge/settled-values.ts `SETTLED_CONTEXT_CALLS`.
  edited("HONO_CLOUDFLARE", "Hono on Workers: createSession, and waitUntil(flush) in a finally", [
    `  tracer.sessionStart({ sessionName: "chat" });
  const { message } = await c.req.json<{ message: string }>();
  const answer = await tracer.startSpan("answer", async () => message.toUpperCase());
  return c.json({ answer });
`,
    `  try {
    tracer.createSession({ sessionName: "chat" });
    const { message } = await c.req.json<{ message: string }>();
    const answer = await tracer.startSpan("answer", async () => message.toUpperCase());
    return c.json({ answer });
  } finally {
    c.executionCtx.waitUntil(tracer.forceFlush());
  }
`,
  ]),
  edited("HONO_AWS_LAMBDA", "hono/aws-lambda: the route's body in try/finally", [
    `  const q = c.req.query("q") ?? "";
  const hits = await tracer.startSpan("search", async () => [q]);
  return c.json({ hits });
`,
    `  try {
    const q = c.req.query("q") ?? "";
    const hits = await tracer.startSpan("search", async () => [q]);
    return c.json({ hits });
  } finally {
    await tracer.forceFlush();
  }
`,
  ]),
  edited(
    "HONO_VERCEL_EDGE",
    "hono/vercel on an edge route: createSession, and after(flush) from next/server",
    // First expectation put the import after `hono/vercel`'s: wrong, the codemod adds imports after the file's last one.
    ['import { tracer } from "../../../lib/tracing";\n', 'import { tracer } from "../../../lib/tracing";\nimport { after } from "next/server";\n'],
    ['app.post("/chat", async (c) => {\n', 'app.post("/chat", async (c) => {\n  after(() => tracer.forceFlush());\n'],
    RENAME,
  ),
  renamed("NITRO_CACHED"),
  renamed("NITRO_PLUGIN", "a Nitro request hook's sessionStart() becomes createSession()"),
  unchanged("NITRO_PLUGIN_STARTUP"),
  renamed("NUXT_MIDDLEWARE"),
  edited("AZURE_V3", "Azure Functions v3: createSession, and the body in try/finally", [
    `  tracer.sessionStart({ sessionName: "azure" });
  const answer = await tracer.startSpan("answer", async () => (req.body && req.body.message) || "");
  context.res = { status: 200, body: { answer } };
`,
    `  try {
    tracer.createSession({ sessionName: "azure" });
    const answer = await tracer.startSpan("answer", async () => (req.body && req.body.message) || "");
    context.res = { status: 200, body: { answer } };
  } finally {
    await tracer.forceFlush();
  }
`,
  ]),
  edited("VERCEL_EDGE_PAGES", "a Vercel edge pages/api route on Next.js 14.2: the awaited flush in try/finally", [
    `  const { message } = await req.json();
  const answer = await tracer.startSpan("answer", async () => String(message));
  return new Response(JSON.stringify({ answer }), { headers: { "content-type": "application/json" } });
`,
    `  try {
    const { message } = await req.json();
    const answer = await tracer.startSpan("answer", async () => String(message));
    return new Response(JSON.stringify({ answer }), { headers: { "content-type": "application/json" } });
  } finally {
    await tracer.forceFlush();
  }
`,
  ]),
  renamed("DENO_OAK", "an oak route's sessionStart() becomes createSession()"),
  renamed("OAK_URL_IMPORT", "oak by its deno.land/x URL: the route's sessionStart() becomes createSession()"),
  renamed("FEATHERS"),
  renamed("ADONIS_CONTROLLER"),
  renamed("NEST_MICROSERVICE"),
  renamed("EXPRESS5_ROUTE_CHAIN"),
  edited(
    "FASTIFY_ROUTE_HOOK",
    "Fastify: the hook's tracer becomes a module getter, the route's sessionStart() createSession()",
    // First expectation named the getter after the local (`getPerRequest`) and put it above `app`: the codemod names it
    // `getTracer` with a free cache name (`tracer` is taken) and puts it before the statement that registers the hook.
    [
      "const app = Fastify({ logger: true });\n",
      `const app = Fastify({ logger: true });

let honeyhiveTracer: HoneyHiveTracer | undefined;

function getTracer() {
  return (honeyhiveTracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "hooks" }));
}
`,
    ],
    [
      `  const perRequest = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "hooks" });\n`,
      `  const perRequest = getTracer();\n  perRequest.createSession();\n`,
    ],
    RENAME,
  ),
  renamed("KOA_ROUTER_USE"),
  renamed("APOLLO_SPREAD", "a resolver spread into the map: sessionStart() becomes createSession()"),
  renamed("NEXT_GENERATE_METADATA", "generateMetadata's sessionStart() becomes createSession()"),
  unchanged("GENERATE_METADATA_HELPER"),
  renamed("NEXT_DYNAMIC_ROUTE"),
  renamed("KAFKAJS"),
  edited(
    "KAFKAJS_BATCH",
    "kafkajs eachBatch: the batch's tracer becomes a module getter, with a session per batch",
    [
      "await consumer.run({\n",
      `let tracer: HoneyHiveTracer | undefined;

function getTracer() {
  return (tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "etl" }));
}

await consumer.run({
`,
    ],
    [
      `    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "etl" });\n`,
      `    const tracer = getTracer();\n    tracer.createSession();\n`,
    ],
  ),
  renamed("AMQPLIB"),
  renamed("PUBSUB", "a Pub/Sub message handler's sessionStart() becomes createSession()"),
  renamed("NODE_CRON"),
  unchanged("SET_INTERVAL"),
  edited("LANGCHAIN_CALLBACKS", "the implicit trace() gets the file's tracer", ["export const ask = trace(async", "export const ask = trace({ tracer }, async"]),
  // --- import styles -------------------------------------------------------------------------------------------
  renamed("RENAMED_IMPORT"),
  renamed("DYNAMIC_IMPORT"),
  renamed("REQUIRE_CHAIN"),
  unchanged("IMPORT_TYPE_ONLY"),
  renamed("GLOBAL_SINGLETON"),
  renamed("PRISMA_STYLE_SINGLETON"),
  renamed("CONSTRUCTOR_ARG"),
  edited("PATHS_ALIAS", "paths alias: createSession, and trace() gets the tracer", RENAME, ['trace({ eventType: "chain" }, async', 'trace({ eventType: "chain", tracer }, async']),
  edited("MTS_LAMBDA", "an .mts Lambda: try/finally", [
    `  const answer = await tracer.startSpan("answer", async () => event.body ?? "");
  return { statusCode: 200, body: answer };
`,
    `  try {
    const answer = await tracer.startSpan("answer", async () => event.body ?? "");
    return { statusCode: 200, body: answer };
  } finally {
    await tracer.forceFlush();
  }
`,
  ]),
  edited("CTS_LAMBDA", "a .cts Lambda: try/finally through the namespace", [
    `  tracing.tracer.createSession({ sessionName: "cts" });
  return { statusCode: 200, body: await tracing.tracer.startSpan("answer", async () => event.body ?? "") };
`,
    `  try {
    tracing.tracer.createSession({ sessionName: "cts" });
    return { statusCode: 200, body: await tracing.tracer.startSpan("answer", async () => event.body ?? "") };
  } finally {
    await tracing.tracer.forceFlush();
  }
`,
  ]),
  // --- look-alikes ---------------------------------------------------------------------------------------------
  unchanged("OTEL_API"),
  unchanged("TRACELOOP_OTHER"),
  unchanged("LAMINAR"),
  unchanged("PHOENIX"),
  unchanged("LANGFUSE"),
  unchanged("JEXL_VM"),
  unchanged("PLAYWRIGHT"),
  unchanged("AUTH_SESSIONS"),
  edited("PINO_FLUSH", "pino's flush is not the tracer's: the body in try/finally, pino's flush kept", [
    `  tracer.createSession({ sessionName: "pino" });
  const answer = await tracer.startSpan("answer", async () => event.body);
  logger.info({ answer }, "answered");
  logger.flush();
  return { statusCode: 200, body: answer };
`,
    `  try {
    tracer.createSession({ sessionName: "pino" });
    const answer = await tracer.startSpan("answer", async () => event.body);
    logger.info({ answer }, "answered");
    logger.flush();
    return { statusCode: 200, body: answer };
  } finally {
    await tracer.forceFlush();
  }
`,
  ]),
  unchanged("WINSTON_NO_TRACER"),
  unchanged("LOCAL_MOCK_CLASS"),
  unchanged("NEXT_AUTH"),
];

const KNOWN: readonly KnownExpectation[] = [];

describe("honeyhive migrate on blind round 18's programs", () => {
  beforeAll(runs.migrate, 120_000);
  afterAll(() => removeProjects());
  describeSetExpectations(PROJECTS, runs.runOf, EXPECTATIONS, KNOWN);
});
