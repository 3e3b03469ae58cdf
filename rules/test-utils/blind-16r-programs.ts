// The programs of blind round 16r, written once: its rule test (rules/blind-cases-16r.test.ts: the messages of the
// eight rules) and its codemod test (codemods/blind-16r.test.ts: what `honeyhive migrate` makes of them) read the same
// projects. A round on issue 16's four rules (no-tracer-init-in-handler, tracer-provider-for-instrumentors,
// require-valid-session-id, no-lost-session-context) in places the earlier rounds did not write: a tracer made per
// request in a Fastify hook, a NestJS request-scoped provider, a GraphQL or tRPC context factory, a helper module, a
// loop of datapoints and the function evaluate() runs; caches by lodash, p-memoize, `||=` and a static field;
// instrumentations with and without a provider; session ids through variables, helpers, schemas, validator.js, Lambda
// and SQS events, websocket messages and Next.js cookies(); sessions after an await, in route-level and Koa/Hono
// middleware; and look-alikes of other libraries' createSession, init and instrument.
import { blindProgram, HH2, HH_IMPORT, pkg, project, TRACING_TS } from "./programs.js";

const program = blindProgram;

// ================================================================================================================
// A tracer made per request, per invocation or per item
// ================================================================================================================

export const FASTIFY_ON_REQUEST_INIT = program(
  "src/server.ts",
  project({ fastify: "^5.1.0" }),
  `import Fastify from "fastify";
${HH_IMPORT}
const app = Fastify({ logger: true });

app.addHook("onRequest", async (request) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "gateway" });
  await tracer.startSpan("authorize", async () => request.headers.authorization?.length ?? 0);
});

app.get("/health", async () => ({ ok: true }));

await app.listen({ port: 3000 });
`,
);

export const NEST_REQUEST_SCOPED = program(
  "src/chat/chat.service.ts",
  project({ "@nestjs/common": "^10.4.0", "@nestjs/core": "^10.4.0" }),
  `import { Injectable, Scope } from "@nestjs/common";
${HH_IMPORT}
@Injectable({ scope: Scope.REQUEST })
export class ChatService {
  private readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "nest-chat" });

  async reply(message: string): Promise<string> {
    return this.tracer.startSpan("reply", async () => message.toUpperCase());
  }
}
`,
);

export const APOLLO_CONTEXT = program(
  "src/index.ts",
  project({ "@apollo/server": "^4.11.0", graphql: "^16.9.0" }),
  `import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
${HH_IMPORT}
const typeDefs = \`type Query { answer(question: String!): String! }\`;
const resolvers = {
  Query: {
    answer: (_: unknown, { question }: { question: string }, { tracer }: { tracer: HoneyHiveTracer }) =>
      tracer.startSpan("answer", async () => question.trim()),
  },
};

const server = new ApolloServer({ typeDefs, resolvers });

const { url } = await startStandaloneServer(server, {
  context: async ({ req }) => ({
    tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "graphql", sessionName: req.url ?? "graphql" }),
  }),
  listen: { port: 4000 },
});
console.log(url);
`,
);

export const TRPC_CREATE_CONTEXT = program(
  "src/server/index.ts",
  project({ "@trpc/server": "^11.0.0", express: "^4.21.0" }, { "src/server/router.ts": `export const appRouter = {};\n` }),
  `import express from "express";
import * as trpcExpress from "@trpc/server/adapters/express";
${HH_IMPORT}import { appRouter } from "./router";

const createContext = ({ req }: trpcExpress.CreateExpressContextOptions) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "trpc-app" });
  return { tracer, user: req.headers["x-user"] };
};

const app = express();
app.use("/trpc", trpcExpress.createExpressMiddleware({ router: appRouter, createContext }));
app.listen(4000);
`,
);

export const TRPC_CONTEXT_CACHED = program(
  "src/server/context.ts",
  project({ "@trpc/server": "^11.0.0" }),
  `import { createHTTPServer } from "@trpc/server/adapters/standalone";
import type { CreateHTTPContextOptions } from "@trpc/server/adapters/standalone";
${HH_IMPORT}
let tracer: HoneyHiveTracer | undefined;

export function createContext({ req }: CreateHTTPContextOptions) {
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "trpc-standalone" });
  tracer.createSession({ sessionName: req.url ?? "trpc" });
  return { tracer };
}

createHTTPServer({ router: {} as never, createContext }).listen(2022);
`,
);

export const TRPC_FETCH_IN_NEXT_ROUTE = program(
  "app/api/trpc/[trpc]/route.ts",
  { "package.json": pkg({ ...HH2, next: "^15.0.3", "@trpc/server": "^11.0.0" }) },
  `import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
${HH_IMPORT}import { appRouter } from "../../../../server/router";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ tracer: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next-trpc" }) }),
  });

export { handler as GET, handler as POST };
`,
);

export const TRPC_CONTEXT_SESSION_ID = program(
  "src/server/app.ts",
  project({ "@trpc/server": "^11.0.0", express: "^4.21.0" }, { "src/server/router.ts": `export const appRouter = {};\n` }),
  `import express from "express";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import { tracer } from "../tracing";
import { appRouter } from "./router";

const app = express();
app.use(
  "/trpc",
  createExpressMiddleware({
    router: appRouter,
    createContext: ({ req }) => {
      tracer.createSession({ sessionId: req.get("x-session-id"), skipApiCall: true });
      return {};
    },
  }),
);
app.listen(4000);
`,
);

export const TRPC_FASTIFY_PLUGIN = program(
  "src/server/fastify.ts",
  project({ "@trpc/server": "^11.0.0", fastify: "^5.1.0" }, { "src/server/router.ts": `export const appRouter = {};\n` }),
  `import Fastify from "fastify";
import { fastifyTRPCPlugin, type CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import { tracer } from "../tracing";
import { appRouter } from "./router";

function createContext({ req }: CreateFastifyContextOptions) {
  tracer.sessionStart({ sessionName: req.url });
  return { tracer };
}

const server = Fastify({ maxParamLength: 5000 });
await server.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions: { router: appRouter, createContext } });
await server.listen({ port: 3000 });
`,
);

export const NEXT_ROUTE_HELPER_MODULE = program(
  "app/api/summarize/route.ts",
  {
    "package.json": pkg({ ...HH2, next: "^15.0.3" }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
    "lib/honeyhive.ts": `${HH_IMPORT}
export function createTracer(sessionName: string) {
  return HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "summaries", sessionName });
}
`,
  },
  `import { createTracer } from "@/lib/honeyhive";

export async function POST(request: Request) {
  const { text } = (await request.json()) as { text: string };
  const tracer = createTracer("summarize");
  const summary = await tracer.startSpan("summarize", async () => text.slice(0, 280));
  return Response.json({ summary });
}
`,
);

export const PROJECT_MEMOIZE_WRAPPER = program(
  "src/cached.ts",
  project({ express: "^4.21.0" }, { "src/utils/cache.ts": `export const cached = <T>(make: () => T) => { let value: T | undefined; return () => (value ??= make()); };\n` }),
  `import express from "express";
${HH_IMPORT}import { cached } from "./utils/cache";

const getTracer = cached(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cached" }));

const app = express();
app.get("/ask", async (req, res) => {
  const tracer = getTracer();
  tracer.createSession({ sessionName: "ask" });
  res.json(await tracer.startSpan("ask", async () => String(req.query.q)));
});
app.listen(3000);
`,
);

export const LISTEN_CALLBACK_INIT = program(
  "src/listen.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
${HH_IMPORT}
let tracer: HoneyHiveTracer;

const app = express();
app.get("/ask", async (req, res) => {
  tracer.createSession({ sessionName: "ask" });
  res.json(await tracer.startSpan("ask", async () => String(req.query.q)));
});
app.listen(3000, () => {
  tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "listen" });
});
`,
);

export const LODASH_MEMOIZE = program(
  "src/routes.ts",
  project({ express: "^4.21.0", lodash: "^4.17.21" }),
  `import express from "express";
import memoize from "lodash/memoize";
${HH_IMPORT}
const getTracer = memoize(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "memo" }));

export const router = express.Router();

router.post("/ask", async (req, res) => {
  const tracer = getTracer();
  tracer.createSession({ sessionName: "ask" });
  res.json(await tracer.startSpan("ask", async () => String(req.body.q)));
});
`,
);

export const LODASH_ONCE = program(
  "src/worker.ts",
  project({ "pg-boss": "^10.1.0", lodash: "^4.17.21" }),
  `import PgBoss from "pg-boss";
import { once } from "lodash";
${HH_IMPORT}
const tracer = once(() => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" }));

const boss = new PgBoss(process.env.DATABASE_URL!);
await boss.start();
await boss.work("summarize", async ([job]) => {
  tracer().createSession({ sessionName: \`job-\${job.id}\` });
  await tracer().startSpan("summarize", async () => job.data);
});
`,
);

export const P_MEMOIZE = program(
  "src/handler.mjs",
  {
    "package.json": pkg({ ...HH2, "p-memoize": "^7.1.1", hono: "^4.6.0" }, { type: "module" }),
  },
  `import { Hono } from "hono";
import pMemoize from "p-memoize";
import { HoneyHiveTracer } from "honeyhive";

const tracerFor = pMemoize(async (project) => HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project }));

const app = new Hono();

app.post("/:project/ask", async (c) => {
  const tracer = await tracerFor(c.req.param("project"));
  tracer.createSession({ sessionName: "ask" });
  return c.json(await tracer.startSpan("ask", async () => "ok"));
});

export default app;
`,
);

export const LOGICAL_OR_ASSIGN = program(
  "src/app.ts",
  project({ koa: "^2.15.3" }),
  `import Koa from "koa";
${HH_IMPORT}
let tracer: HoneyHiveTracer | undefined;

function getTracer(): HoneyHiveTracer {
  tracer ||= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "koa-app" });
  return tracer;
}

const app = new Koa();
app.use(async (ctx) => {
  const t = getTracer();
  t.createSession({ sessionName: ctx.path });
  ctx.body = await t.startSpan("respond", async () => ({ ok: true }));
});
app.listen(3000);
`,
);

export const STATIC_FIELD_TRACER = program(
  "src/telemetry.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
${HH_IMPORT}
class Telemetry {
  static readonly tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "static" });
}

const app = express();
app.get("/search", async (req, res) => {
  Telemetry.tracer.createSession({ sessionName: "search" });
  res.json(await Telemetry.tracer.startSpan("search", async () => [String(req.query.q)]));
});
app.listen(3000);
`,
);

export const LOOP_OVER_DATAPOINTS = program(
  "scripts/score.ts",
  { "package.json": pkg({ ...HH2 }) },
  `${HH_IMPORT}import dataset from "./dataset.json";

async function main() {
  for (const datapoint of dataset as { id: string; input: string }[]) {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "scoring", sessionName: datapoint.id });
    await tracer.startSpan("score", async () => datapoint.input.length);
    await tracer.forceFlush();
  }
}

main();
`,
);

export const EVALUATE_INIT_IN_FUNCTION = program(
  "scripts/experiment.ts",
  { "package.json": pkg({ ...HH2 }) },
  `import { evaluate, HoneyHiveTracer } from "honeyhive";

async function pipeline(inputs: { question: string }) {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "rag-eval" });
  return tracer.startSpan("answer", async () => ({ answer: inputs.question.toUpperCase() }));
}

await evaluate({
  function: pipeline,
  dataset: [{ inputs: { question: "what is honeyhive?" } }],
  apiKey: process.env.HH_API_KEY,
  project: "rag-eval",
  name: "rag-experiment",
});
`,
);

// ================================================================================================================
// Instrumentations
// ================================================================================================================

export const REGISTER_WITHOUT_PROVIDER = program(
  "src/instrument.ts",
  { "package.json": pkg({ ...HH2, "@opentelemetry/instrumentation": "^0.55.0", "@opentelemetry/instrumentation-http": "^0.55.0" }) },
  `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
${HH_IMPORT}
export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support-bot" });

registerInstrumentations({
  instrumentations: [new HttpInstrumentation()],
});
`,
);

export const REGISTER_WITH_PROVIDER = program(
  "src/instrument.ts",
  { "package.json": pkg({ ...HH2, "@opentelemetry/instrumentation": "^0.55.0", "@opentelemetry/instrumentation-undici": "^0.8.0" }) },
  `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
${HH_IMPORT}
export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "fetcher" });

registerInstrumentations({
  tracerProvider: tracer.provider,
  instrumentations: [new UndiciInstrumentation()],
});
`,
);

export const OPENINFERENCE_MANUAL = program(
  "src/llm.ts",
  project({ openai: "^4.73.0", "@arizeai/openinference-instrumentation-openai": "^2.0.0" }),
  `import OpenAI from "openai";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { tracer } from "./tracing";

new OpenAIInstrumentation().manuallyInstrument(OpenAI);

export const client = new OpenAI();
export const ask = (question: string) =>
  tracer.startSpan("ask", () => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] }));
`,
);

export const TRACELOOP_IN_VARIABLE = program(
  "src/anthropic.ts",
  project({ "@anthropic-ai/sdk": "^0.32.0", "@traceloop/instrumentation-anthropic": "^0.11.0" }),
  `import * as AnthropicModule from "@anthropic-ai/sdk";
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";
import { tracer } from "./tracing";

const anthropicInstrumentation = new AnthropicInstrumentation();
anthropicInstrumentation.manuallyInstrument(AnthropicModule);

export const claude = new AnthropicModule.Anthropic();
export const tracedAsk = (prompt: string) => tracer.startSpan("claude", async () => prompt);
`,
);

export const DISABLED_THEN_PROVIDER = program(
  "src/otel.ts",
  project({ "@opentelemetry/instrumentation-express": "^0.45.0" }),
  `import { ExpressInstrumentation } from "@opentelemetry/instrumentation-express";
import { tracer } from "./tracing";

const expressInstrumentation = new ExpressInstrumentation({ enabled: false });
expressInstrumentation.setTracerProvider(tracer.provider);
expressInstrumentation.enable();
`,
);

export const AI_SDK_TRACER_CONST = program(
  "src/generate.ts",
  project({ ai: "^4.3.0", "@ai-sdk/openai": "^1.3.0" }),
  `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

const aiTracer = tracer.provider.getTracer("ai");

export async function draft(topic: string) {
  const { text } = await generateText({
    model: openai("gpt-4o-mini"),
    prompt: \`Write about \${topic}\`,
    experimental_telemetry: { isEnabled: true, functionId: "draft", tracer: aiTracer },
  });
  return text;
}
`,
);

export const AI_SDK_STREAM_NO_TRACER = program(
  "src/stream.ts",
  project({ ai: "^4.3.0", "@ai-sdk/anthropic": "^1.2.0" }),
  `import { streamText } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { tracer } from "./tracing";

export function chat(prompt: string) {
  return tracer.startSpan("chat", () =>
    streamText({
      model: anthropic("claude-3-5-haiku-latest"),
      prompt,
      experimental_telemetry: { isEnabled: true },
    }),
  );
}
`,
);

export const LANGCHAIN_WITH_PROVIDER = program(
  "src/chain.ts",
  project({ "@langchain/core": "^0.3.19", "@arizeai/openinference-instrumentation-langchain": "^2.0.0" }),
  `import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { tracer } from "./tracing";

const lcInstrumentation = new LangChainInstrumentation({ tracerProvider: tracer.provider });
lcInstrumentation.manuallyInstrument(CallbackManagerModule);
`,
);

export const INSTRUMENTATION_ABOVE_INIT = program(
  "src/tracing.ts",
  { "package.json": pkg({ ...HH2, openai: "^4.73.0", "@arizeai/openinference-instrumentation-openai": "^2.0.0" }) },
  `import OpenAI from "openai";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
${HH_IMPORT}
new OpenAIInstrumentation().manuallyInstrument(OpenAI);
export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "early" });
`,
);

export const MASTRA_TELEMETRY = program(
  "src/mastra/index.ts",
  project({ "@mastra/core": "^0.4.0" }),
  `import { Mastra } from "@mastra/core";
import { tracer } from "../tracing";

export const mastra = new Mastra({
  telemetry: { serviceName: "agents", enabled: true, export: { type: "otlp", endpoint: "https://api.honeyhive.ai/opentelemetry/v1/traces" } },
});

export const run = (input: string) => tracer.startSpan("agent", async () => input);
`,
);

// ================================================================================================================
// Session ids from requests and events
// ================================================================================================================

export const EXPRESS_DESTRUCTURE_NULLISH = program(
  "src/chat.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
import { tracer } from "./tracing";

const app = express();
app.use(express.json());

app.post("/chat", async (req, res) => {
  const { conversationId } = req.body as { conversationId?: string };
  const sessionId = conversationId ?? req.get("x-conversation-id");
  tracer.createSession({ sessionId, skipApiCall: true });
  res.json(await tracer.startSpan("reply", async () => "hi"));
});

app.listen(3000);
`,
);

export const SESSION_ID_HELPER = program(
  "src/sessions.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
import { tracer } from "./tracing";

function joinConversation(conversationId: string) {
  return tracer.createSession({ sessionId: conversationId, skipApiCall: true });
}

export const router = express.Router();

router.get("/conversations/:conversationId", async (req, res) => {
  joinConversation(req.params.conversationId);
  res.json(await tracer.startSpan("history", async () => []));
});
`,
);

export const HONO_HEADER_OR_RANDOM = program(
  "src/hono-sid.ts",
  project({ hono: "^4.6.0" }),
  `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();

app.post("/chat", async (c) => {
  const sessionId = c.req.header("x-session-id") ?? crypto.randomUUID();
  await tracer.acreateSession({ sessionId, skipApiCall: true });
  return c.json(await tracer.startSpan("chat", async () => ({ sessionId })));
});

export default app;
`,
);

export const ZOD_UUID_PARSE = program(
  "src/zod.ts",
  project({ express: "^4.21.0", zod: "^3.23.8" }),
  `import express from "express";
import { z } from "zod";
import { tracer } from "./tracing";

const app = express();

app.post("/turn", async (req, res) => {
  const sessionId = z.string().uuid().parse(req.headers["x-session-id"]);
  tracer.createSession({ sessionId, skipApiCall: true });
  res.json(await tracer.startSpan("turn", async () => ({ ok: true })));
});

app.listen(3000);
`,
);

export const VALIDATOR_IS_UUID = program(
  "src/validator.ts",
  project({ fastify: "^5.1.0", validator: "^13.12.0" }),
  `import Fastify from "fastify";
import isUUID from "validator/lib/isUUID";
import { tracer } from "./tracing";

const app = Fastify();

app.post("/continue", async (request, reply) => {
  const { sessionId } = request.body as { sessionId: string };
  if (!isUUID(sessionId, 4)) {
    return reply.code(400).send({ error: "bad session id" });
  }
  await tracer.acreateSession({ sessionId, skipApiCall: true });
  return tracer.startSpan("continue", async () => ({ ok: true }));
});

await app.listen({ port: 3000 });
`,
);

export const RANDOM_UUID_SESSION = program(
  "src/new-session.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
import crypto from "node:crypto";
import { tracer } from "./tracing";

const app = express();

app.post("/sessions", async (req, res) => {
  const sessionId = crypto.randomUUID();
  await tracer.acreateSession({ sessionId, sessionName: String(req.body?.name ?? "chat") });
  res.json({ sessionId });
});

app.listen(3000);
`,
);

export const LAMBDA_PATH_PARAMETER = program(
  "src/handler.ts",
  project({}),
  `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./tracing";

export const handler = async (event: APIGatewayProxyEventV2) => {
  const sessionId = event.pathParameters?.sessionId;
  try {
    tracer.createSession({ sessionId, skipApiCall: true });
    const answer = await tracer.startSpan("answer", async () => event.body ?? "");
    return { statusCode: 200, body: JSON.stringify({ answer }) };
  } finally {
    await tracer.forceFlush();
  }
};
`,
);

export const SQS_MESSAGE_ATTRIBUTE = program(
  "src/consumer.ts",
  project({}),
  `import type { SQSEvent } from "aws-lambda";
import { tracer } from "./tracing";

export const handler = async (event: SQSEvent) => {
  try {
    for (const record of event.Records) {
      const sessionId = record.messageAttributes.sessionId?.stringValue;
      tracer.createSession({ sessionId, skipApiCall: true });
      await tracer.startSpan("consume", async () => JSON.parse(record.body));
    }
  } finally {
    await tracer.forceFlush();
  }
};
`,
);

export const WEBSOCKET_MESSAGE = program(
  "src/ws.ts",
  project({ ws: "^8.18.0" }),
  `import { WebSocketServer } from "ws";
import { tracer } from "./tracing";

const wss = new WebSocketServer({ port: 8080 });

wss.on("connection", (socket) => {
  socket.on("message", async (data) => {
    const message = JSON.parse(data.toString()) as { sessionId: string; text: string };
    tracer.createSession({ sessionId: message.sessionId, skipApiCall: true });
    socket.send(await tracer.startSpan("echo", async () => message.text));
  });
});
`,
);

export const NEXT_COOKIES = program(
  "app/api/chat/route.ts",
  {
    "package.json": pkg({ ...HH2, next: "^15.0.3" }),
    "lib/tracing.ts": TRACING_TS,
  },
  `import { cookies } from "next/headers";
import { tracer } from "../../../lib/tracing";

export async function POST(request: Request) {
  const cookieStore = await cookies();
  const sessionId = cookieStore.get("hh_session")?.value;
  await tracer.acreateSession({ sessionId, skipApiCall: true });
  const { message } = (await request.json()) as { message: string };
  return Response.json(await tracer.startSpan("chat", async () => message));
}
`,
);

export const NEXT_COOKIES_CONVERTED = program(
  "app/api/history/route.ts",
  {
    "package.json": pkg({ ...HH2, next: "^15.0.3" }),
    "lib/tracing.ts": TRACING_TS,
  },
  `import { cookies } from "next/headers";
import { isSessionId, toSessionId } from "honeyhive";
import { tracer } from "../../../lib/tracing";

export async function GET() {
  const raw = (await cookies()).get("conversation")?.value ?? "anonymous";
  const sessionId = isSessionId(raw) ? raw : toSessionId(raw);
  await tracer.acreateSession({ sessionId, skipApiCall: true });
  return Response.json(await tracer.startSpan("history", async () => []));
}
`,
);

// ================================================================================================================
// Lost session context
// ================================================================================================================

export const FASTIFY_PREHANDLER_AFTER_AWAIT = program(
  "src/hooks.ts",
  project({ fastify: "^5.1.0" }),
  `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

async function loadUser(token: string | undefined) {
  return { id: token ?? "anonymous" };
}

app.addHook("preHandler", async (request) => {
  const user = await loadUser(request.headers.authorization);
  tracer.createSession({ sessionName: "api", metadata: { userId: user.id } });
});

app.get("/ask", async () => tracer.startSpan("ask", async () => "answer"));

await app.listen({ port: 3000 });
`,
);

export const FASTIFY_ON_REQUEST_MOVABLE = program(
  "src/limits.ts",
  project({ fastify: "^5.1.0" }),
  `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();
const hits = new Map<string, number>();

app.addHook("onRequest", async (request) => {
  await new Promise((resolve) => setImmediate(resolve));
  hits.set(request.ip, (hits.get(request.ip) ?? 0) + 1);
  // One session per request.
  tracer.createSession({ sessionName: request.routeOptions.url ?? "unknown" });
});

app.get("/ask", async () => tracer.startSpan("ask", async () => "answer"));

await app.listen({ port: 3000 });
`,
);

export const EXPRESS_ROUTER_ROUTE_LEVEL = program(
  "src/api.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
import { tracer } from "./tracing";

const router = express.Router();

function sessionMiddleware(req: express.Request, _res: express.Response, next: express.NextFunction) {
  tracer.createSession({ sessionName: req.path });
  next();
}

router.post("/chat", sessionMiddleware, async (req, res) => {
  res.json(await tracer.startSpan("chat", async () => String(req.body.message)));
});

router.get("/search", async (req, res) => {
  res.json(await tracer.startSpan("search", async () => [String(req.query.q)]));
});

const app = express();
app.use(express.json());
app.use("/api", router);
app.listen(3000);
`,
);

export const KOA_BEFORE_NEXT = program(
  "src/koa.ts",
  project({ koa: "^2.15.3" }),
  `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();

app.use(async (ctx, next) => {
  tracer.createSession({ sessionName: ctx.path });
  await next();
  tracer.enrichSession({ outputs: { status: ctx.status } });
});

app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("respond", async () => ({ ok: true }));
});

app.listen(3000);
`,
);

export const KOA_AFTER_NEXT = program(
  "src/koa-late.ts",
  project({ koa: "^2.15.3" }),
  `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();

app.use(async (ctx, next) => {
  await next();
  tracer.createSession({ sessionName: ctx.path, metadata: { status: ctx.status } });
});

app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("respond", async () => ({ ok: true }));
});

app.listen(3000);
`,
);

export const KOA_MICROTASK = program(
  "src/koa-deferred.ts",
  project({ koa: "^2.15.3" }),
  `import Koa from "koa";
import { tracer } from "./tracing";

const app = new Koa();

app.use(async (ctx, next) => {
  queueMicrotask(() => {
    tracer.createSession({ sessionName: ctx.path });
  });
  await next();
});

app.use(async (ctx) => {
  ctx.body = await tracer.startSpan("respond", async () => ({ ok: true }));
});

app.listen(3000);
`,
);

export const FASTIFY_AWAIT_ONLY_ON_REJECT = program(
  "src/guard.ts",
  project({ fastify: "^5.1.0" }),
  `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("onRequest", async (request, reply) => {
  if (!request.headers.authorization) {
    await reply.code(401).send({ error: "unauthorized" });
    return;
  }
  tracer.createSession({ sessionName: request.url });
});

app.get("/ask", async () => tracer.startSpan("ask", async () => "answer"));

await app.listen({ port: 3000 });
`,
);

export const FASTIFY_AWAIT_IN_NESTED_FUNCTION = program(
  "src/nested.ts",
  project({ fastify: "^5.1.0" }),
  `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("preHandler", async (request) => {
  const audit = async () => {
    await fetch("https://audit.example.com", { method: "POST", body: request.url });
  };
  tracer.createSession({ sessionName: request.url });
  await audit();
});

app.get("/ask", async () => tracer.startSpan("ask", async () => "answer"));

await app.listen({ port: 3000 });
`,
);

export const HONO_C_SET = program(
  "src/hono.ts",
  project({ hono: "^4.6.0" }),
  `import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono<{ Variables: { sessionId: string | undefined } }>();

app.use(async (c, next) => {
  const sessionId = await tracer.acreateSession({ sessionName: c.req.path });
  c.set("sessionId", sessionId);
  await next();
});

app.get("/ask", async (c) => c.json(await tracer.startSpan("ask", async () => c.get("sessionId"))));

export default app;
`,
);

export const KOA_WITH_SESSION_NEXT = program(
  "src/koa-scoped.ts",
  project({ koa: "^2.15.3", "@koa/router": "^13.1.0" }),
  `import Koa from "koa";
import Router from "@koa/router";
import { tracer } from "./tracing";

const app = new Koa();
const router = new Router();

router.get("/ask", async (ctx) => {
  ctx.body = await tracer.startSpan("ask", async () => "answer");
});

app.use((ctx, next) => tracer.withSession({ sessionName: ctx.path }, () => next()));
app.use(router.routes());
app.listen(3000);
`,
);

// ================================================================================================================
// Look-alikes
// ================================================================================================================

export const LUCIA_CREATE_SESSION = program(
  "src/auth.ts",
  project({ fastify: "^5.1.0", lucia: "^3.2.2" }),
  `import Fastify from "fastify";
import { lucia } from "./lucia";
import { tracer } from "./tracing";

const app = Fastify();

app.addHook("preHandler", async (request) => {
  const user = await tracer.startSpan("lookup", async () => ({ id: String(request.headers["x-user"]) }));
  const session = await lucia.createSession(user.id, {});
  request.headers.cookie = lucia.createSessionCookie(session.id).serialize();
});

await app.listen({ port: 3000 });
`,
);

export const DB_CREATE_SESSION_ID = program(
  "src/db-sessions.ts",
  project({ express: "^4.21.0" }),
  `import express from "express";
import { createSession } from "./db/sessions";
import { tracer } from "./tracing";

const app = express();

app.post("/login", async (req, res) => {
  await createSession({ sessionId: req.cookies.sid, userId: req.body.userId });
  res.json(await tracer.startSpan("login", async () => ({ ok: true })));
});

app.listen(3000);
`,
);

export const CUID_INIT_IN_HANDLER = program(
  "src/ids.ts",
  project({ express: "^4.21.0", "@paralleldrive/cuid2": "^2.2.2" }),
  `import express from "express";
import { init } from "@paralleldrive/cuid2";
import { tracer } from "./tracing";

const app = express();

app.post("/orders", async (req, res) => {
  const createId = init({ length: 12, fingerprint: String(req.ip) });
  tracer.createSession({ sessionName: "orders" });
  res.json(await tracer.startSpan("order", async () => ({ id: createId() })));
});

app.listen(3000);
`,
);

export const SOCKET_IO_ADMIN_INSTRUMENT = program(
  "src/realtime.ts",
  project({ "socket.io": "^4.8.1", "@socket.io/admin-ui": "^0.5.1" }),
  `import { Server } from "socket.io";
import { instrument } from "@socket.io/admin-ui";
import { tracer } from "./tracing";

const io = new Server(3001, { cors: { origin: ["https://admin.socket.io"], credentials: true } });

instrument(io, { auth: false, mode: "development" });

io.on("connection", (socket) => {
  socket.on("ping", async () => socket.emit("pong", await tracer.startSpan("ping", async () => Date.now())));
});
`,
);

export const DATADOG_INIT_PER_REQUEST = program(
  "src/dd.ts",
  { "package.json": pkg({ express: "^4.21.0", "dd-trace": "^5.27.0" }) },
  `import express from "express";
import ddTrace from "dd-trace";

const app = express();

app.get("/ping", (req, res) => {
  const tracer = ddTrace.init({ service: "pinger" });
  tracer.trace("ping", () => res.send("pong"));
});

app.listen(3000);
`,
);
