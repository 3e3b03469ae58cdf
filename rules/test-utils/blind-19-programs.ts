// The programs of blind round 19, written once: its rule test (rules/blind-cases-19.test.ts: the messages of the eight
// rules) and its codemod test (codemods/blind-19.test.ts: what `honeyhive migrate` makes of them) read the same
// projects. A program is the linted (and migrated) file, `path` in its project of `files`. Written from public code
// of each shape (SST, Middy, Architect, Serverless Framework, Workers, Pages, Vercel, Netlify, Firebase, Supabase,
// Next.js, Remix, SvelteKit, Astro, SolidStart, tRPC, Yoga, Socket.IO, ws, BullMQ, Temporal, Inngest, Trigger.dev,
// Mastra, MCP, Electron, commander) and of the libraries whose names look like ours.
import { blindProgram, HH2, HH_IMPORT, pkg, project, TRACING_TS } from "./programs.js";

const program = blindProgram;

// ================================================================================================================
// Serverless handlers
// ================================================================================================================

const SST_CONFIG = `/// <reference path="./.sst/platform/config.d.ts" />
export default $config({
  app() {
    return { name: "chat", home: "aws" };
  },
  async run() {
    const table = new sst.aws.Dynamo("Chats", { fields: { id: "string" }, primaryIndex: { hashKey: "id" } });
    new sst.aws.Function("Chat", { handler: "packages/functions/src/chat.handler", link: [table], url: true });
  },
});
`;

export const SST_RESOURCE = program(
  "packages/functions/src/chat.ts",
  {
    ...project({ sst: "^3.3.0", "@aws-sdk/client-dynamodb": "^3.700.0" }),
    "sst.config.ts": SST_CONFIG,
    "packages/functions/src/tracing.ts": TRACING_TS,
  },
  `import { Resource } from "sst";
import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { tracer } from "./tracing";

const db = new DynamoDBClient({});

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  tracer.sessionStart({ sessionName: "chat" });
  const body = JSON.parse(event.body ?? "{}");
  await tracer.startSpan("save", () =>
    db.send(new PutItemCommand({ TableName: Resource.Chats.name, Item: { id: { S: body.id } } })),
  );
  return { statusCode: 200, body: JSON.stringify({ ok: true }) };
};
`,
);

export const MIDDY = program(
  "src/functions/ask.ts",
  project({ "@middy/core": "^5.4.0", "@middy/http-json-body-parser": "^5.4.0", "@middy/http-error-handler": "^5.4.0" }),
  `import middy from "@middy/core";
import jsonBodyParser from "@middy/http-json-body-parser";
import httpErrorHandler from "@middy/http-error-handler";
import type { APIGatewayProxyEvent } from "aws-lambda";
import { tracer } from "../tracing";

const ask = async (event: APIGatewayProxyEvent & { body: { question: string } }) => {
  tracer.sessionStart({ sessionName: "ask" });
  const answer = await tracer.startSpan("answer", async () => event.body.question.trim());
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};

export const handler = middy(ask).use(jsonBodyParser()).use(httpErrorHandler());
`,
);

export const ARCHITECT = program(
  "src/http/post-chat/index.js",
  {
    "package.json": pkg({ ...HH2, "@architect/functions": "^8.1.0" }),
    "app.arc": "@app\nchat\n\n@http\npost /chat\n",
    "src/http/post-chat/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const arc = require("@architect/functions");
const { tracer } = require("./tracing");

async function chat(req) {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message).toUpperCase());
  return { json: { reply } };
}

exports.handler = arc.http(chat);
`,
);

export const SERVERLESS_YML = program(
  "src/handlers/summarize.ts",
  project(
    { "serverless-esbuild": "^1.54.0" },
    {
      "serverless.yml": `service: summarizer
provider:
  name: aws
  runtime: nodejs20.x
plugins:
  - serverless-esbuild
functions:
  summarize:
    handler: src/handlers/summarize.handler
    events:
      - httpApi: "POST /summarize"
`,
    },
  ),
  `import { tracer } from "../tracing";

export async function handler(event: { body?: string }) {
  const { text } = JSON.parse(event.body ?? "{}") as { text: string };
  tracer.createSession({ sessionName: "summarize" });
  const summary = await tracer.startSpan("summarize", async () => text.slice(0, 200));
  return { statusCode: 200, body: JSON.stringify({ summary }) };
}
`,
);

export const STREAMIFY = program(
  "src/stream.mjs",
  {
    "package.json": pkg({ ...HH2 }, { type: "module" }),
    "src/tracing.mjs": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "stream" });\n`,
    "template.yaml": `Resources:
  StreamFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: src/stream.handler
      Runtime: nodejs20.x
      FunctionUrlConfig:
        AuthType: NONE
        InvokeMode: RESPONSE_STREAM
`,
  },
  `import { tracer } from "./tracing.mjs";

export const handler = awslambda.streamifyResponse(async (event, responseStream, _context) => {
  tracer.sessionStart({ sessionName: "stream" });
  await tracer.startSpan("generate", async () => {
    for (const word of ["hello", "from", "lambda"]) responseStream.write(word + " ");
  });
  responseStream.end();
});
`,
);

export const HONO_STREAM_HANDLE = program(
  "src/index.ts",
  project({ hono: "^4.6.0" }),
  `import { Hono } from "hono";
import { streamHandle } from "hono/aws-lambda";
import { streamText } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.post("/chat", (c) => {
  tracer.sessionStart({ sessionName: "chat" });
  return streamText(c, async (stream) => {
    await tracer.startSpan("tokens", async () => {
      await stream.writeln("hello");
    });
  });
});

export const handler = streamHandle(app);
`,
);

const WRANGLER = `name = "chat-worker"\nmain = "src/index.ts"\ncompatibility_date = "2024-09-23"\ncompatibility_flags = ["nodejs_compat"]\n`;

export const WORKER_ALL_HANDLERS = program(
  "src/index.ts",
  project({}, { "wrangler.toml": WRANGLER }, {}),
  `import { tracer } from "./tracing";

interface Env {
  JOBS: Queue<{ id: string }>;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    tracer.createSession({ sessionName: "fetch" });
    const text = await tracer.startSpan("read", () => request.text());
    await env.JOBS.send({ id: text });
    return new Response("queued");
  },

  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    await tracer.startSpan("cron", async () => controller.cron);
    ctx.waitUntil(tracer.forceFlush());
  },

  async queue(batch: MessageBatch<{ id: string }>, env: Env, ctx: ExecutionContext): Promise<void> {
    for (const message of batch.messages) {
      tracer.sessionStart({ sessionName: "job" });
      await tracer.startSpan("job", async () => message.body.id);
      message.ack();
    }
  },
} satisfies ExportedHandler<Env>;
`,
);

export const DURABLE_OBJECT = program(
  "src/room.ts",
  project({}, { "wrangler.toml": `${WRANGLER}\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "ChatRoom"\n` }),
  `import { DurableObject } from "cloudflare:workers";
import { tracer } from "./tracing";

export class ChatRoom extends DurableObject {
  async fetch(request: Request): Promise<Response> {
    tracer.sessionStart({ sessionName: "room" });
    const message = await request.text();
    await tracer.startSpan("store", () => this.ctx.storage.put("last", message));
    return new Response("ok");
  }
}
`,
);

export const PAGES_ON_REQUEST_POST = program(
  "functions/api/chat.ts",
  project({}, { "wrangler.toml": `name = "chat-pages"\npages_build_output_dir = "./dist"\n` }),
  `import { tracer } from "../../src/tracing";

interface Env {
  OPENAI_API_KEY: string;
}

export const onRequestPost: PagesFunction<Env> = async (context) => {
  tracer.sessionStart({ sessionName: "pages-chat" });
  const { message } = await context.request.json<{ message: string }>();
  const reply = await tracer.startSpan("reply", async () => message.toUpperCase());
  return Response.json({ reply });
};
`,
);

export const VERCEL_WAIT_UNTIL = program(
  "api/chat.ts",
  project({ "@vercel/functions": "^1.5.0" }, { "vercel.json": `{ "functions": { "api/*.ts": { "maxDuration": 30 } } }\n` }),
  `import { waitUntil } from "@vercel/functions";
import { tracer } from "../src/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const { message } = (await request.json()) as { message: string };
  const reply = await tracer.startSpan("reply", async () => message.toUpperCase());
  waitUntil(tracer.forceFlush());
  return Response.json({ reply });
}
`,
);

export const NETLIFY_V2 = program(
  "netlify/functions/chat.mts",
  project({ "@netlify/functions": "^2.8.0" }, { "netlify.toml": `[build]\n  publish = "dist"\n` }),
  `import type { Config, Context } from "@netlify/functions";
import { tracer } from "../../src/tracing";

export default async (req: Request, context: Context) => {
  tracer.sessionStart({ sessionName: "chat", metadata: { country: context.geo.country?.code } });
  const { message } = await req.json();
  const reply = await tracer.startSpan("reply", async () => String(message).toUpperCase());
  return Response.json({ reply });
};

export const config: Config = { path: "/api/chat" };
`,
);

const FIREBASE_DEPS = { "firebase-functions": "^6.1.0", "firebase-admin": "^12.7.0" };

export const FIREBASE_ON_REQUEST = program(
  "functions/src/index.ts",
  {
    "package.json": pkg({ ...HH2, ...FIREBASE_DEPS }, { main: "lib/index.js" }),
    "firebase.json": `{ "functions": { "source": "functions" } }\n`,
    "functions/package.json": pkg({ ...HH2, ...FIREBASE_DEPS }, { main: "lib/index.js" }),
    "functions/src/tracing.ts": TRACING_TS,
  },
  `import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest({ cors: true }, async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message).toUpperCase());
  res.json({ reply });
});
`,
);

export const FIREBASE_ON_CALL = program(
  "functions/src/ask.ts",
  {
    "package.json": pkg({ ...HH2, ...FIREBASE_DEPS }, { main: "lib/index.js" }),
    "functions/package.json": pkg({ ...HH2, ...FIREBASE_DEPS }, { main: "lib/index.js" }),
    "functions/src/tracing.ts": TRACING_TS,
  },
  `import { onCall, HttpsError } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const ask = onCall(async (request) => {
  if (!request.auth) throw new HttpsError("unauthenticated", "sign in first");
  tracer.createSession({ sessionName: "ask", userProperties: { uid: request.auth.uid } });
  try {
    const answer = await tracer.startSpan("answer", async () => String(request.data.question).trim());
    return { answer };
  } finally {
    await tracer.forceFlush();
  }
});
`,
);

export const FIREBASE_ON_DOCUMENT = program(
  "functions/src/triggers.ts",
  {
    "package.json": pkg({ ...HH2, ...FIREBASE_DEPS }, { main: "lib/index.js" }),
    "functions/package.json": pkg({ ...HH2, ...FIREBASE_DEPS }, { main: "lib/index.js" }),
    "functions/src/tracing.ts": TRACING_TS,
  },
  `import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { tracer } from "./tracing";

export const onMessage = onDocumentCreated("chats/{chatId}/messages/{messageId}", async (event) => {
  tracer.sessionStart({ sessionName: "message", metadata: { chatId: event.params.chatId } });
  const text = event.data?.get("text") as string;
  await tracer.startSpan("moderate", async () => text.includes("spam"));
});

export const digest = onSchedule("every day 08:00", async () => {
  await tracer.startSpan("digest", async () => "sent");
});
`,
);

export const SUPABASE_DENO_SERVE = program(
  "supabase/functions/chat/index.ts",
  {
    "package.json": pkg({}),
    "supabase/config.toml": `project_id = "chat"\n\n[functions.chat]\nverify_jwt = false\n`,
    "supabase/functions/chat/deno.json": `{ "imports": { "honeyhive": "npm:honeyhive@^2.0.0" } }\n`,
  },
  `import { HoneyHiveTracer } from "npm:honeyhive@^2.0.0";

const tracer = HoneyHiveTracer.init({ apiKey: Deno.env.get("HH_API_KEY"), project: "edge-chat" });

Deno.serve(async (req) => {
  tracer.sessionStart({ sessionName: "edge-chat" });
  const { message } = await req.json();
  const reply = await tracer.startSpan("reply", async () => String(message).toUpperCase());
  return new Response(JSON.stringify({ reply }), { headers: { "Content-Type": "application/json" } });
});
`,
);

// ================================================================================================================
// Web frameworks' per-request functions
// ================================================================================================================

const NEXT_DEPS = { next: "^15.0.3", react: "^19.0.0", "react-dom": "^19.0.0" };
const NEXT_TSCONFIG = `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }\n`;

export const NEXT_SERVER_ACTION = program(
  "src/app/actions.ts",
  project(NEXT_DEPS, { "tsconfig.json": NEXT_TSCONFIG, "src/lib/tracing.ts": TRACING_TS }),
  `"use server";

import { revalidatePath } from "next/cache";
import { tracer } from "@/lib/tracing";

export async function sendMessage(formData: FormData) {
  tracer.sessionStart({ sessionName: "send-message" });
  const text = String(formData.get("text") ?? "");
  await tracer.startSpan("store", async () => text.trim());
  revalidatePath("/chat");
}
`,
);

export const NEXT_PAGES_API = program(
  "pages/api/chat.ts",
  project(NEXT_DEPS),
  `import type { NextApiRequest, NextApiResponse } from "next";
import { tracer } from "../../src/tracing";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") return res.status(405).end();
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message).toUpperCase());
  res.status(200).json({ reply });
}
`,
);

export const NEXT_MIDDLEWARE = program(
  "middleware.ts",
  project(NEXT_DEPS),
  `import { NextResponse, type NextRequest } from "next/server";
import { tracer } from "./src/tracing";

export function middleware(request: NextRequest) {
  tracer.sessionStart({ sessionName: "edge", metadata: { path: request.nextUrl.pathname } });
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
`,
);

export const REMIX_ACTION = program(
  "app/routes/chat.tsx",
  project({ "@remix-run/node": "^2.15.0", "@remix-run/react": "^2.15.0", react: "^18.3.1" }, { "app/tracing.server.ts": TRACING_TS, "tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["./app/*"] } } }\n` }),
  `import { json, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { tracer } from "~/tracing.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  tracer.sessionStart({ sessionName: "remix-chat" });
  const reply = await tracer.startSpan("reply", async () => String(form.get("message")).toUpperCase());
  return json({ reply });
}

export default function Chat() {
  const data = useActionData<typeof action>();
  return (
    <Form method="post">
      <input name="message" />
      <p>{data?.reply}</p>
    </Form>
  );
}
`,
);

export const SVELTEKIT_ACTIONS = program(
  "src/routes/chat/+page.server.ts",
  project({ "@sveltejs/kit": "^2.8.0", svelte: "^5.2.0" }, { "src/lib/server/tracing.ts": TRACING_TS }),
  `import { fail } from "@sveltejs/kit";
import type { Actions } from "./$types";
import { tracer } from "$lib/server/tracing";

export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    const message = data.get("message");
    if (typeof message !== "string") return fail(400, { missing: true });
    tracer.sessionStart({ sessionName: "svelte-chat" });
    const reply = await tracer.startSpan("reply", async () => message.toUpperCase());
    return { reply };
  },
} satisfies Actions;
`,
);

export const ASTRO_API_ROUTE = program(
  "src/pages/api/chat.ts",
  project({ astro: "^4.16.0" }),
  `import type { APIRoute } from "astro";
import { tracer } from "../../tracing";

export const prerender = false;

export const POST: APIRoute = async ({ request }) => {
  tracer.sessionStart({ sessionName: "astro-chat" });
  const { message } = await request.json();
  const reply = await tracer.startSpan("reply", async () => String(message).toUpperCase());
  return new Response(JSON.stringify({ reply }), { status: 200 });
};
`,
);

export const SOLIDSTART_USE_SERVER = program(
  "src/lib/chat.ts",
  project({ "@solidjs/start": "^1.0.10", "solid-js": "^1.9.3", "@solidjs/router": "^0.15.0" }),
  `import { action } from "@solidjs/router";
import { tracer } from "../tracing";

export const sendMessage = action(async (formData: FormData) => {
  "use server";
  tracer.sessionStart({ sessionName: "solid-chat" });
  return tracer.startSpan("reply", async () => String(formData.get("message")).toUpperCase());
}, "sendMessage");
`,
);

export const TRPC_V11 = program(
  "src/server/routers/chat.ts",
  project({ "@trpc/server": "^11.0.0-rc.608", zod: "^3.23.8" }, { "src/server/trpc.ts": `import { initTRPC } from "@trpc/server";\n\nconst t = initTRPC.create();\nexport const router = t.router;\nexport const publicProcedure = t.procedure;\n` }),
  `import { z } from "zod";
import { publicProcedure, router } from "../trpc";
import { tracer } from "../../tracing";

export const chatRouter = router({
  send: publicProcedure.input(z.object({ text: z.string().min(1) })).mutation(async ({ input }) => {
    tracer.sessionStart({ sessionName: "trpc-chat" });
    return tracer.startSpan("reply", async () => input.text.toUpperCase());
  }),
  history: publicProcedure.query(() => []),
});
`,
);

export const YOGA_CREATE_SCHEMA = program(
  "src/schema.ts",
  project({ "graphql-yoga": "^5.10.0", graphql: "^16.9.0" }),
  `import { createSchema } from "graphql-yoga";
import { tracer } from "./tracing";

export const schema = createSchema({
  typeDefs: /* GraphQL */ \`
    type Query { ping: String }
    type Mutation { ask(question: String!): String }
  \`,
  resolvers: {
    Query: { ping: () => "pong" },
    Mutation: {
      ask: async (_parent, { question }: { question: string }) => {
        tracer.sessionStart({ sessionName: "graphql-ask" });
        return tracer.startSpan("answer", async () => question.toUpperCase());
      },
    },
  },
});
`,
);

// ================================================================================================================
// Connections, jobs, agents, tools
// ================================================================================================================

export const SOCKET_IO = program(
  "src/socket.ts",
  project({ "socket.io": "^4.8.1" }),
  `import { Server } from "socket.io";
import { tracer } from "./tracing";

const io = new Server(3001, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("message", async (text: string, ack: (reply: string) => void) => {
    tracer.sessionStart({ sessionName: "socket", metadata: { socket: socket.id } });
    const reply = await tracer.startSpan("reply", async () => text.toUpperCase());
    ack(reply);
  });
});
`,
);

export const WS_SERVER = program(
  "src/ws.ts",
  project({ ws: "^8.18.0" }),
  `import { WebSocketServer } from "ws";
import { tracer } from "./tracing";

const wss = new WebSocketServer({ port: 8080 });

wss.on("connection", (ws) => {
  ws.on("message", async (data) => {
    tracer.sessionStart({ sessionName: "ws" });
    const reply = await tracer.startSpan("reply", async () => data.toString().toUpperCase());
    ws.send(reply);
  });
});
`,
);

export const BULLMQ_SANDBOXED = program(
  "src/processor.ts",
  project(
    { bullmq: "^5.30.0" },
    {
      "src/worker.ts": `import path from "node:path";
import { Worker } from "bullmq";

export const worker = new Worker("emails", path.join(__dirname, "processor.js"), { connection: { host: "127.0.0.1" } });
`,
    },
  ),
  `import type { Job } from "bullmq";
import { tracer } from "./tracing";

export default async function (job: Job<{ to: string }>) {
  tracer.sessionStart({ sessionName: "email", metadata: { jobId: job.id } });
  await tracer.startSpan("send", async () => job.data.to);
}
`,
);

export const TEMPORAL_ACTIVITIES = program(
  "src/activities.ts",
  project(
    { "@temporalio/worker": "^1.11.5", "@temporalio/activity": "^1.11.5" },
    {
      "src/worker.ts": `import { Worker } from "@temporalio/worker";
import * as activities from "./activities";

async function run() {
  const worker = await Worker.create({ workflowsPath: require.resolve("./workflows"), activities, taskQueue: "summaries" });
  await worker.run();
}

run().catch(() => process.exit(1));
`,
    },
  ),
  `import { Context } from "@temporalio/activity";
import { tracer } from "./tracing";

export async function summarize(text: string): Promise<string> {
  tracer.sessionStart({ sessionName: "summarize", metadata: { attempt: Context.current().info.attempt } });
  return tracer.startSpan("summarize", async () => text.slice(0, 100));
}
`,
);

export const INNGEST_FUNCTION = program(
  "src/inngest/functions.ts",
  project({ inngest: "^3.27.0" }),
  `import { Inngest } from "inngest";
import { tracer } from "../tracing";

export const inngest = new Inngest({ id: "chat-app" });

export const summarizeChat = inngest.createFunction(
  { id: "summarize-chat" },
  { event: "chat/ended" },
  async ({ event, step }) => {
    tracer.sessionStart({ sessionName: "summarize-chat" });
    const summary = await step.run("summarize", () => tracer.startSpan("summarize", async () => String(event.data.text).slice(0, 80)));
    return { summary };
  },
);
`,
);

export const TRIGGER_TASK = program(
  "src/trigger/summarize.ts",
  project({ "@trigger.dev/sdk": "^3.3.0" }, { "trigger.config.ts": `import { defineConfig } from "@trigger.dev/sdk/v3";\n\nexport default defineConfig({ project: "proj_chat", dirs: ["./src/trigger"] });\n` }),
  `import { task } from "@trigger.dev/sdk/v3";
import { tracer } from "../tracing";

export const summarizeTask = task({
  id: "summarize",
  run: async (payload: { text: string }) => {
    tracer.sessionStart({ sessionName: "summarize" });
    return tracer.startSpan("summarize", async () => payload.text.slice(0, 80));
  },
});
`,
);

export const MASTRA_TOOL = program(
  "src/mastra/tools/weather.ts",
  project({ "@mastra/core": "^0.4.0", zod: "^3.23.8" }),
  `import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { tracer } from "../../tracing";

export const weatherTool = createTool({
  id: "get-weather",
  description: "Current weather for a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => {
    tracer.sessionStart({ sessionName: "weather" });
    return tracer.startSpan("fetch-weather", async () => ({ city: context.city, celsius: 21 }));
  },
});
`,
);

export const MCP_SERVER_TOOL = program(
  "src/server.ts",
  project({ "@modelcontextprotocol/sdk": "^1.0.4", zod: "^3.23.8" }),
  `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { tracer } from "./tracing";

const server = new McpServer({ name: "notes", version: "1.0.0" });

server.tool("search-notes", { query: z.string() }, async ({ query }) => {
  tracer.sessionStart({ sessionName: "search-notes" });
  const hits = await tracer.startSpan("search", async () => [query]);
  return { content: [{ type: "text", text: hits.join("\\n") }] };
});

server.registerTool("add-note", { description: "Add a note", inputSchema: { text: z.string() } }, async ({ text }) => {
  tracer.sessionStart({ sessionName: "add-note" });
  return { content: [{ type: "text", text: \`added \${text}\` }] };
});

await server.connect(new StdioServerTransport());
`,
);

export const ELECTRON_IPC = program(
  "src/main.ts",
  project({ electron: "^33.2.0" }),
  `import { app, BrowserWindow, ipcMain } from "electron";
import { tracer } from "./tracing";

ipcMain.handle("chat:send", async (_event, text: string) => {
  tracer.sessionStart({ sessionName: "desktop-chat" });
  return tracer.startSpan("reply", async () => text.toUpperCase());
});

app.whenReady().then(() => {
  new BrowserWindow({ width: 800, height: 600 }).loadFile("index.html");
});
`,
);

export const COMMANDER_CLI = program(
  "src/cli.ts",
  project({ commander: "^12.1.0" }),
  `#!/usr/bin/env node
import { Command } from "commander";
import { tracer } from "./tracing";

const program = new Command();

program
  .command("summarize <file>")
  .description("Summarize a file")
  .action(async (file: string) => {
    tracer.sessionStart({ sessionName: "cli-summarize" });
    await tracer.startSpan("summarize", async () => file.length);
    await tracer.shutdown();
  });

program.parseAsync(process.argv);
`,
);

// ================================================================================================================
// SDK shapes
// ================================================================================================================

export const INSTRUMENTATION_GLOBAL = program(
  "src/app/api/chat/route.ts",
  project(NEXT_DEPS, {
    "tsconfig.json": NEXT_TSCONFIG,
    "src/instrumentation.ts": `${HH_IMPORT}
declare global {
  var hhTracer: HoneyHiveTracer | undefined;
}

export function register() {
  globalThis.hhTracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next-chat" });
}
`,
  }),
  `export async function POST(request: Request) {
  const tracer = globalThis.hhTracer!;
  tracer.sessionStart({ sessionName: "chat" });
  const { message } = await request.json();
  const reply = await tracer.startSpan("reply", async () => String(message).toUpperCase());
  return Response.json({ reply });
}
`,
);

export const OBSERVABILITY_CLASS = program(
  "src/app.ts",
  project({ express: "^4.21.1" }),
  `import express from "express";
${HH_IMPORT}
class Observability {
  readonly tracer: HoneyHiveTracer;

  constructor() {
    this.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "obs" });
  }
}

const observability = new Observability();
const app = express();

app.post("/chat", async (req, res) => {
  observability.tracer.sessionStart({ sessionName: "chat" });
  const reply = await observability.tracer.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const TSYRINGE_CONTROLLER = program(
  "src/chat.controller.ts",
  project({ tsyringe: "^4.8.0", "reflect-metadata": "^0.2.2", express: "^4.21.1" }),
  `import "reflect-metadata";
import express from "express";
import { container, inject, injectable } from "tsyringe";
import { HoneyHiveTracer } from "honeyhive";

container.register("Tracer", { useValue: HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "di" }) });

@injectable()
class ChatController {
  constructor(@inject("Tracer") private readonly tracer: HoneyHiveTracer) {}

  async send(req: express.Request, res: express.Response) {
    this.tracer.sessionStart({ sessionName: "chat" });
    res.json({ ok: true });
  }
}

const app = express();
const controller = container.resolve(ChatController);
app.post("/chat", (req, res) => controller.send(req, res));
app.listen(3000);
`,
);

export const LAMBDA_SKIP_API_CALL = program(
  "src/handler.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { toSessionId } from "honeyhive";
import { tracer } from "./tracing";

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const conversation = event.headers["x-conversation-id"] ?? event.requestContext.requestId;
  tracer.createSession({ sessionId: toSessionId(conversation), skipApiCall: true });
  try {
    const reply = await tracer.startSpan("reply", async () => (event.body ?? "").toUpperCase());
    return { statusCode: 200, body: reply };
  } finally {
    await tracer.forceFlush();
  }
};
`,
);

export const WITH_SESSION_NEXT = program(
  "src/server.ts",
  project({ express: "^4.21.1" }),
  `import express from "express";
import { tracer } from "./tracing";

const app = express();

app.use((req, _res, next) => {
  tracer.withSession({ sessionName: \`\${req.method} \${req.path}\` }, () => next());
});

app.post("/chat", async (req, res) => {
  const reply = await tracer.startSpan("reply", async () => String(req.body.message));
  res.json({ reply });
});

app.listen(3000);
`,
);

export const EVALUATE_WITH_TRACER_OPTION = program(
  "scripts/eval.ts",
  { "package.json": pkg(HH2) },
  `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "evals" });

const answer = trace({ eventType: "chain" }, async (datapoint: { inputs: { question: string } }) => datapoint.inputs.question.toUpperCase());

await evaluate({
  name: "uppercase",
  function: answer,
  dataset: [{ inputs: { question: "hi" } }],
  tracer,
});
`,
);

export const AI_SDK5_TELEMETRY = program(
  "src/generate.ts",
  project({ ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0" }),
  `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

export async function answer(question: string) {
  return tracer.startSpan("answer", async () => {
    const { text } = await generateText({
      model: openai("gpt-4o-mini"),
      prompt: question,
      experimental_telemetry: { isEnabled: true, functionId: "answer" },
    });
    return text;
  });
}
`,
);

export const AI_SDK5_TELEMETRY_TRACER = program(
  "src/generate.ts",
  project({ ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0" }),
  `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

const aiTracer = tracer.provider.getTracer("ai");

export async function answer(question: string) {
  const { text } = await generateText({
    model: openai("gpt-4o-mini"),
    prompt: question,
    experimental_telemetry: { isEnabled: true, tracer: aiTracer },
  });
  return text;
}
`,
);

export const AI_SDK7_REGISTER = program(
  "src/telemetry.ts",
  project({ ai: "^7.0.0", "@ai-sdk/otel": "^1.0.0" }),
  `import { registerTelemetry } from "ai";
import { OpenTelemetry } from "@ai-sdk/otel";
import { tracer } from "./tracing";

registerTelemetry(new OpenTelemetry());

export { tracer };
`,
);

// ================================================================================================================
// Look-alikes: other libraries, same words
// ================================================================================================================

export const SENTRY_FLUSH = program(
  "src/handler.ts",
  project({ "@sentry/aws-serverless": "^8.40.0", "@types/aws-lambda": "^8.10.145" }),
  `import * as Sentry from "@sentry/aws-serverless";
import type { SQSEvent } from "aws-lambda";

Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1.0 });

export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    await Sentry.startSpan({ name: "process" }, async () => JSON.parse(record.body));
  }
  await Sentry.flush(2000);
};
`,
);

export const DD_TRACE = program(
  "src/handler.ts",
  project({ "dd-trace": "^5.26.0" }),
  `import tracer from "dd-trace";

tracer.init({ service: "chat" });

export const handler = async (event: { body: string }) => {
  const span = tracer.startSpan("chat.handle");
  span.setTag("size", event.body.length);
  span.finish();
  return { statusCode: 200, body: "ok" };
};
`,
);

export const OTEL_NODE_SDK_OTHER = program(
  "src/instrumentation.ts",
  project({ "@opentelemetry/sdk-node": "^0.55.0", "@opentelemetry/exporter-trace-otlp-http": "^0.55.0", "@opentelemetry/auto-instrumentations-node": "^0.53.0" }),
  `import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { getNodeAutoInstrumentations } from "@opentelemetry/auto-instrumentations-node";

const sdk = new NodeSDK({
  serviceName: "chat",
  traceExporter: new OTLPTraceExporter({ url: "https://otel.example.com/v1/traces" }),
  instrumentations: [getNodeAutoInstrumentations()],
});

sdk.start();
process.on("SIGTERM", () => sdk.shutdown());
`,
);

export const LANGSMITH_TRACEABLE = program(
  "src/handler.ts",
  project({ langsmith: "^0.2.8", openai: "^4.73.0" }),
  `import { traceable } from "langsmith/traceable";
import { wrapOpenAI } from "langsmith/wrappers";
import OpenAI from "openai";

const client = wrapOpenAI(new OpenAI());

const answer = traceable(
  async (question: string) => {
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
    return completion.choices[0]?.message.content ?? "";
  },
  { name: "answer", run_type: "chain" },
);

export const handler = async (event: { question: string }) => ({ statusCode: 200, body: await answer(event.question) });
`,
);

export const HELICONE = program(
  "src/routes/chat.ts",
  project({ express: "^4.21.1", openai: "^4.73.0" }),
  `import { Router } from "express";
import OpenAI from "openai";

const openai = new OpenAI({
  baseURL: "https://oai.helicone.ai/v1",
  defaultHeaders: { "Helicone-Auth": \`Bearer \${process.env.HELICONE_API_KEY}\` },
});

export const chat = Router();

chat.post("/", async (req, res) => {
  const completion = await openai.chat.completions.create(
    { model: "gpt-4o-mini", messages: [{ role: "user", content: req.body.message }] },
    { headers: { "Helicone-Session-Id": req.body.sessionId, "Helicone-Session-Name": "chat" } },
  );
  res.json(completion.choices[0]?.message);
});
`,
);

export const POSTHOG_SHUTDOWN = program(
  "src/handler.ts",
  project({ "posthog-node": "^4.3.0" }),
  `import { PostHog } from "posthog-node";

export const handler = async (event: { userId: string; action: string }) => {
  const posthog = new PostHog(process.env.POSTHOG_KEY!, { host: "https://eu.i.posthog.com", flushAt: 1, flushInterval: 0 });
  posthog.capture({ distinctId: event.userId, event: event.action });
  await posthog.shutdown();
  return { statusCode: 200 };
};
`,
);

export const BRAINTRUST_EVAL = program(
  "evals/answer.eval.ts",
  project({ braintrust: "^0.0.174", autoevals: "^0.0.110" }),
  `import { Eval, initLogger, traced } from "braintrust";
import { Levenshtein } from "autoevals";

initLogger({ projectName: "answers" });

Eval("answers", {
  data: () => [{ input: "hi", expected: "HI" }],
  task: async (input: string) => traced(async () => input.toUpperCase(), { name: "upper" }),
  scores: [Levenshtein],
});
`,
);

export const PROMPTFOO_EVALUATE = program(
  "scripts/promptfoo.ts",
  project({ promptfoo: "^0.100.0" }),
  `import promptfoo from "promptfoo";

const results = await promptfoo.evaluate({
  prompts: ["Answer briefly: {{question}}"],
  providers: ["openai:gpt-4o-mini"],
  tests: [{ vars: { question: "What is OpenTelemetry?" } }],
});

console.log(results.results.length);
`,
);

export const HONEYCOMB_NODE = program(
  "src/handler.ts",
  project({ "@honeycombio/opentelemetry-node": "^0.7.2", "@opentelemetry/api": "^1.9.0" }),
  `import { HoneycombSDK } from "@honeycombio/opentelemetry-node";
import { trace } from "@opentelemetry/api";

const sdk = new HoneycombSDK({ apiKey: process.env.HONEYCOMB_API_KEY, serviceName: "chat" });
sdk.start();

const otelTracer = trace.getTracer("chat");

export const handler = async (event: { body: string }) =>
  otelTracer.startActiveSpan("handle", async (span) => {
    span.setAttribute("size", event.body.length);
    span.end();
    return { statusCode: 200 };
  });
`,
);

export const HONEYHIVE_MOCK = program(
  "src/server.ts",
  { "package.json": pkg({ "honeyhive-mock": "^0.1.0", express: "^4.21.1" }) },
  `import express from "express";
import { HoneyHiveTracer } from "honeyhive-mock";

const tracer = HoneyHiveTracer.init({ project: "test" });
const app = express();

app.post("/chat", (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json({ ok: true });
});

app.listen(3000);
`,
);

export const MONGOOSE_START_SESSION = program(
  "src/routes/orders.ts",
  project({ express: "^4.21.1", mongoose: "^8.8.2" }),
  `import { Router } from "express";
import mongoose from "mongoose";
import { tracer } from "../tracing";

export const orders = Router();

orders.post("/", async (req, res) => {
  tracer.createSession({ sessionName: "order" });
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await tracer.startSpan("save", async () => mongoose.connection.collection("orders").insertOne(req.body, { session }));
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
  res.status(201).end();
});
`,
);

// ================================================================================================================
// Added after the first run: session ids, Next.js after(), AI SDK 6 agents
// ================================================================================================================

export const LAMBDA_RAW_SESSION_ID = program(
  "src/chat.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./tracing";

export const handler = async (event: APIGatewayProxyEventV2) => {
  const sessionId = event.headers["x-session-id"];
  tracer.createSession({ sessionId, skipApiCall: true });
  try {
    const reply = await tracer.startSpan("reply", async () => (event.body ?? "").toUpperCase());
    return { statusCode: 200, body: reply };
  } finally {
    await tracer.forceFlush();
  }
};
`,
);

export const NEXT_ROUTE_AFTER = program(
  "src/app/api/chat/route.ts",
  project(NEXT_DEPS, { "tsconfig.json": NEXT_TSCONFIG, "src/lib/tracing.ts": TRACING_TS, "vercel.json": `{ "regions": ["iad1"] }\n` }),
  `import { after } from "next/server";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  after(() => tracer.forceFlush());
  tracer.createSession({ sessionName: "chat" });
  const { message } = await request.json();
  const reply = await tracer.startSpan("reply", async () => String(message).toUpperCase());
  return Response.json({ reply });
}
`,
);

export const AI_SDK6_AGENT = program(
  "src/agent.ts",
  project({ ai: "^6.0.0", "@ai-sdk/openai": "^3.0.0" }),
  `import { ToolLoopAgent } from "ai";
import { openai } from "@ai-sdk/openai";
import { tracer } from "./tracing";

export const agent = new ToolLoopAgent({
  model: openai("gpt-4o-mini"),
  instructions: "Answer briefly.",
  experimental_telemetry: { isEnabled: true },
});

export async function ask(question: string) {
  return tracer.startSpan("ask", async () => (await agent.generate({ prompt: question })).text);
}
`,
);
