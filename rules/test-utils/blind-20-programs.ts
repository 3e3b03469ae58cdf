// The programs of blind round 20 (rules/blind-cases-20.test.ts: the messages of the eight rules): platforms,
// frameworks and code styles no earlier round modelled or tested. A program is the linted file, `path` in its project
// of `files`. Written from public code of each shape: Amplify Gen 2 functions, AWS CDK NodejsFunction entries,
// Lambda@Edge, SQS/EventBridge/DynamoDB-stream handlers, Appwrite and DigitalOcean Functions, Cloudflare's
// service-worker syntax, Vercel cron routes, Alibaba FC and Tencent SCF, Firebase 1st gen; Egg.js, Midway, LoopBack 4,
// Moleculer, Encore.ts, uWebSockets.js, node:http's "request" event, Express app.all/app.param, a Fastify routes
// module, NestJS interceptors, guards and gateways; Object.assign(exports, …), module.exports = { handler },
// re-exported and wrapped handlers, static methods, `satisfies`, namespaces, .mjs/.cjs with JSDoc types; and
// look-alikes (other SDKs' sessions and flushes, test mocks, Playwright, MSW, an auth library's createSession).
import { blindProgram, HH2, pkg, project, projectAt, TRACING_TS } from "./programs.js";

const program = blindProgram;

// ================================================================================================================
// Serverless handlers
// ================================================================================================================

export const AMPLIFY_GEN2 = program(
  "amplify/functions/chat/handler.ts",
  projectAt({ "@aws-amplify/backend": "^1.8.0", "aws-amplify": "^6.10.0" }, "amplify/functions/chat/tracing.ts", {
    "amplify/functions/chat/resource.ts": `import { defineFunction } from "@aws-amplify/backend";\n\nexport const chat = defineFunction({ name: "chat", entry: "./handler.ts" });\n`,
    "amplify/backend.ts": `import { defineBackend } from "@aws-amplify/backend";\nimport { chat } from "./functions/chat/resource";\n\ndefineBackend({ chat });\n`,
  }),
  `import type { Schema } from "../../data/resource";
import { tracer } from "./tracing";

export const handler: Schema["chat"]["functionHandler"] = async (event) => {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => event.arguments.message.toUpperCase());
  return reply;
};
`,
);

const CDK_STACK = `import { Stack, type StackProps } from "aws-cdk-lib";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";

export class ChatStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new NodejsFunction(this, "Ask", { entry: "lambda/ask.ts", handler: "main" });
  }
}
`;

export const CDK_NODEJS_FUNCTION_MAIN = program(
  "lambda/ask.ts",
  projectAt({ "aws-cdk-lib": "^2.170.0", constructs: "^10.4.2" }, "lambda/tracing.ts", {
    "cdk.json": `{ "app": "npx ts-node --prefer-ts-exts bin/app.ts" }\n`,
    "bin/app.ts": `import { App } from "aws-cdk-lib";\nimport { ChatStack } from "../lib/chat-stack";\n\nnew ChatStack(new App(), "ChatStack");\n`,
    "lib/chat-stack.ts": CDK_STACK,
  }),
  `import { tracer } from "./tracing";

export async function main(event: { question: string }) {
  tracer.createSession({ sessionName: "ask" });
  const answer = await tracer.startSpan("answer", async () => event.question.trim());
  return { answer };
}
`,
);

export const LAMBDA_EDGE = program(
  "src/edge/viewer-request.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { CloudFrontRequestHandler } from "aws-lambda";
import { tracer } from "../tracing";

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0].cf.request;
  tracer.createSession({ sessionName: "edge" });
  await tracer.startSpan("rewrite", async () => {
    if (request.uri.endsWith("/")) request.uri += "index.html";
  });
  return request;
};
`,
);

export const SQS_HANDLER = program(
  "src/consumers/summaries.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { SQSHandler } from "aws-lambda";
import { tracer } from "../tracing";

export const consume: SQSHandler = async (event) => {
  for (const record of event.Records) {
    tracer.sessionStart({ sessionName: "summary" });
    await tracer.startSpan("summarize", async () => JSON.parse(record.body));
  }
};
`,
);

export const EVENTBRIDGE_HANDLER = program(
  "src/events/order-placed.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { EventBridgeEvent, Handler } from "aws-lambda";
import { tracer } from "../tracing";

type OrderPlaced = EventBridgeEvent<"OrderPlaced", { orderId: string }>;

export const onOrderPlaced: Handler<OrderPlaced> = async (event) => {
  tracer.createSession({ sessionName: "order", metadata: { orderId: event.detail.orderId } });
  await tracer.startSpan("notify", async () => event.detail.orderId);
};
`,
);

export const DYNAMODB_STREAM_FLUSHED = program(
  "src/streams/chats.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { DynamoDBStreamHandler } from "aws-lambda";
import { tracer } from "../tracing";

export const handler: DynamoDBStreamHandler = async (event) => {
  try {
    for (const record of event.Records) {
      tracer.createSession({ sessionName: record.eventName ?? "change" });
      await tracer.startSpan("index", async () => record.dynamodb?.Keys);
    }
  } finally {
    await tracer.forceFlush();
  }
};
`,
);

export const APPWRITE_FUNCTION = program(
  "functions/chat/src/main.js",
  {
    "package.json": pkg({ "node-appwrite": "^14.1.0" }),
    "appwrite.json": `{ "projectId": "chat", "functions": [{ "$id": "chat", "name": "chat", "runtime": "node-18.0", "path": "functions/chat", "entrypoint": "src/main.js" }] }\n`,
    "functions/chat/package.json": pkg({ ...HH2, "node-appwrite": "^14.1.0" }, { type: "module", main: "src/main.js" }),
    "functions/chat/src/tracing.js": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `import { tracer } from "./tracing.js";

export default async ({ req, res, log }) => {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.bodyJson.message).toUpperCase());
  log(reply);
  return res.json({ reply });
};
`,
);

export const DIGITALOCEAN_FUNCTION = program(
  "packages/chat/ask/index.js",
  {
    "project.yml": `packages:\n  - name: chat\n    functions:\n      - name: ask\n        runtime: nodejs:18\n        web: true\n`,
    "packages/chat/ask/package.json": pkg({ ...HH2 }, { main: "index.js" }),
    "packages/chat/ask/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const { tracer } = require("./tracing");

async function main(args) {
  tracer.sessionStart({ sessionName: "ask" });
  const answer = await tracer.startSpan("answer", async () => String(args.question).trim());
  return { body: { answer } };
}

exports.main = main;
`,
);

export const WORKER_SERVICE_WORKER = program(
  "src/worker.js",
  {
    "package.json": pkg({ ...HH2 }, { devDependencies: { wrangler: "^3.90.0" } }),
    "wrangler.toml": `name = "chat"\nmain = "src/worker.js"\ncompatibility_date = "2024-09-23"\ncompatibility_flags = ["nodejs_compat"]\n`,
    "src/tracing.js": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: HH_API_KEY, project: "chat" });\n`,
  },
  `import { tracer } from "./tracing";

addEventListener("fetch", (event) => {
  event.respondWith(handle(event.request));
});

async function handle(request) {
  tracer.sessionStart({ sessionName: "chat" });
  const text = await tracer.startSpan("read", () => request.text());
  return new Response(text.toUpperCase());
}
`,
);

export const VERCEL_CRON = program(
  "api/cron/digest.ts",
  {
    ...project({ "@vercel/functions": "^1.5.0" }),
    "vercel.json": `{ "crons": [{ "path": "/api/cron/digest", "schedule": "0 8 * * *" }] }\n`,
    "lib/tracing.ts": TRACING_TS,
  },
  `import { tracer } from "../../lib/tracing";

export async function GET(request: Request) {
  if (request.headers.get("authorization") !== \`Bearer \${process.env.CRON_SECRET}\`) {
    return new Response("Unauthorized", { status: 401 });
  }
  tracer.createSession({ sessionName: "digest" });
  const count = await tracer.startSpan("digest", async () => 42);
  return Response.json({ count });
}
`,
);

export const ALIBABA_FC = program(
  "index.js",
  {
    "package.json": pkg({ ...HH2 }),
    "s.yaml": `edition: 3.0.0\nname: chat\nresources:\n  chat:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: chat\n      runtime: nodejs18\n      handler: index.handler\n      code: ./\n`,
    "tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const { tracer } = require("./tracing");

exports.handler = async (event, context) => {
  const { message } = JSON.parse(event.toString());
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => message.toUpperCase());
  return { statusCode: 200, body: JSON.stringify({ reply }) };
};
`,
);

export const TENCENT_SCF = program(
  "src/index.js",
  {
    "package.json": pkg({ ...HH2 }),
    "serverless.yml": `component: scf\nname: chat\ninputs:\n  src: ./src\n  handler: index.main_handler\n  runtime: Nodejs16.13\n  region: ap-guangzhou\n`,
    "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const { tracer } = require("./tracing");

exports.main_handler = async (event, context) => {
  tracer.createSession({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(event.body).toUpperCase());
  return { statusCode: 200, body: reply };
};
`,
);

export const FIREBASE_V1_ON_REQUEST = program(
  "functions/src/index.ts",
  projectAt({ "firebase-functions": "^6.1.0", "firebase-admin": "^12.7.0" }, "functions/src/tracing.ts"),
  `import * as functions from "firebase-functions/v1";
import { tracer } from "./tracing";

export const chat = functions.region("europe-west1").https.onRequest(async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message).toUpperCase());
  res.json({ reply });
});
`,
);

// ================================================================================================================
// Servers and frameworks
// ================================================================================================================

export const EGG_CONTROLLER = program(
  "app/controller/chat.ts",
  projectAt({ egg: "^3.29.0" }, "app/lib/tracing.ts"),
  `import { Controller } from "egg";
import { tracer } from "../lib/tracing";

export default class ChatController extends Controller {
  async ask() {
    const { ctx } = this;
    tracer.sessionStart({ sessionName: "ask" });
    const answer = await tracer.startSpan("answer", async () => String(ctx.request.body.question).trim());
    ctx.body = { answer };
  }
}
`,
);

export const MIDWAY_CONTROLLER = program(
  "src/controller/chat.controller.ts",
  project({ "@midwayjs/core": "^3.19.0", "@midwayjs/koa": "^3.19.0" }),
  `import { Body, Controller, Post } from "@midwayjs/core";
import { tracer } from "../tracing";

@Controller("/api")
export class ChatController {
  @Post("/chat")
  async chat(@Body("message") message: string) {
    tracer.sessionStart({ sessionName: "chat" });
    return tracer.startSpan("reply", async () => message.toUpperCase());
  }
}
`,
);

export const LOOPBACK4_CONTROLLER = program(
  "src/controllers/chat.controller.ts",
  project({ "@loopback/rest": "^14.0.9", "@loopback/core": "^6.1.6" }),
  `import { post, requestBody } from "@loopback/rest";
import { tracer } from "../tracing";

export class ChatController {
  @post("/chat")
  async chat(@requestBody() body: { message: string }): Promise<{ reply: string }> {
    tracer.sessionStart({ sessionName: "chat" });
    const reply = await tracer.startSpan("reply", async () => body.message.toUpperCase());
    return { reply };
  }
}
`,
);

export const MOLECULER_SATISFIES = program(
  "services/chat.service.ts",
  projectAt({ moleculer: "^0.14.35" }, "services/tracing.ts"),
  `import type { Context, ServiceSchema } from "moleculer";
import { tracer } from "./tracing";

export default {
  name: "chat",
  actions: {
    async ask(ctx: Context<{ question: string }>) {
      tracer.sessionStart({ sessionName: "ask" });
      return tracer.startSpan("answer", async () => ctx.params.question.trim());
    },
  },
} satisfies ServiceSchema;
`,
);

export const ENCORE_API = program(
  "chat/chat.ts",
  projectAt({ "encore.dev": "^1.45.0" }, "chat/tracing.ts", { "encore.app": `{ "id": "chat" }\n` }),
  `import { api } from "encore.dev/api";
import { tracer } from "./tracing";

interface AskRequest {
  question: string;
}

export const ask = api({ method: "POST", path: "/ask", expose: true }, async (req: AskRequest): Promise<{ answer: string }> => {
  tracer.sessionStart({ sessionName: "ask" });
  const answer = await tracer.startSpan("answer", async () => req.question.trim());
  return { answer };
});
`,
);

export const UWEBSOCKETS = program(
  "src/server.ts",
  project({ "uWebSockets.js": "github:uNetworking/uWebSockets.js#v20.49.0" }),
  `import uWS from "uWebSockets.js";
import { tracer } from "./tracing";

uWS
  .App()
  .get("/chat", (res, req) => {
    tracer.sessionStart({ sessionName: "chat" });
    const query = req.getQuery() ?? "";
    res.end(tracer.startSpan("reply", () => query.toUpperCase()));
  })
  .listen(9001, () => {});
`,
);

export const NODE_HTTP_REQUEST_EVENT = program(
  "src/server.ts",
  project(),
  `import { createServer } from "node:http";
import { tracer } from "./tracing";

const server = createServer();

server.on("request", async (req, res) => {
  tracer.sessionStart({ sessionName: "request" });
  await tracer.startSpan("handle", async () => req.url);
  res.end("ok");
});

server.listen(8080);
`,
);

export const EXPRESS_ALL_AND_PARAM = program(
  "src/app.ts",
  project({ express: "^4.21.1" }),
  `import express from "express";
import { tracer } from "./tracing";

const app = express();

app.param("chatId", (req, res, next, chatId: string) => {
  tracer.sessionStart({ sessionName: \`chat-\${chatId}\` });
  next();
});

app.all("/api/*", async (req, res) => {
  tracer.sessionStart({ sessionName: "api" });
  res.json(await tracer.startSpan("api", async () => req.path));
});

app.listen(3000);
`,
);

export const FASTIFY_ROUTES_MODULE = program(
  "src/routes/chat.ts",
  project({ fastify: "^5.1.0" }),
  `import type { FastifyInstance } from "fastify";
import { tracer } from "../tracing";

export async function chatRoutes(instance: FastifyInstance) {
  instance.post<{ Body: { message: string } }>("/chat", async (request) => {
    tracer.sessionStart({ sessionName: "chat" });
    return tracer.startSpan("reply", async () => request.body.message.toUpperCase());
  });
}
`,
);

export const NEST_INTERCEPTOR = program(
  "src/tracing.interceptor.ts",
  project({ "@nestjs/common": "^10.4.8", rxjs: "^7.8.1" }),
  `import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from "@nestjs/common";
import type { Observable } from "rxjs";
import { tracer } from "./tracing";

@Injectable()
export class SessionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest();
    tracer.sessionStart({ sessionName: request.url });
    return next.handle();
  }
}
`,
);

export const NEST_GATEWAY_CONNECTION = program(
  "src/chat.gateway.ts",
  project({ "@nestjs/websockets": "^10.4.8", "@nestjs/platform-socket.io": "^10.4.8", "socket.io": "^4.8.1" }),
  `import { WebSocketGateway, type OnGatewayConnection } from "@nestjs/websockets";
import type { Socket } from "socket.io";
import { tracer } from "./tracing";

@WebSocketGateway()
export class ChatGateway implements OnGatewayConnection {
  handleConnection(client: Socket) {
    tracer.sessionStart({ sessionName: \`socket-\${client.id}\` });
  }
}
`,
);

// ================================================================================================================
// Code styles
// ================================================================================================================

export const OBJECT_ASSIGN_EXPORTS = program(
  "src/handler.js",
  {
    "package.json": pkg({ ...HH2 }),
    "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const { tracer } = require("./tracing");

Object.assign(exports, {
  handler: async (event) => {
    tracer.sessionStart({ sessionName: "chat" });
    const reply = await tracer.startSpan("reply", async () => String(event.body).toUpperCase());
    return { statusCode: 200, body: reply };
  },
});
`,
);

export const MODULE_EXPORTS_OBJECT = program(
  "src/handler.cjs",
  {
    "package.json": pkg({ ...HH2 }, { type: "module" }),
    "src/tracing.cjs": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const { tracer } = require("./tracing.cjs");

async function handler(event) {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(event.body).toUpperCase());
  return { statusCode: 200, body: reply };
}

module.exports = { handler };
`,
);

export const REEXPORTED_HANDLER = program(
  "src/index.ts",
  {
    ...project({ "@types/aws-lambda": "^8.10.145" }),
    "src/impl/chat.ts": `import { tracer } from "../tracing";\n\nexport async function handler(event: { body?: string }) {\n  tracer.sessionStart({ sessionName: "chat" });\n  return { statusCode: 200, body: await tracer.startSpan("reply", async () => event.body ?? "") };\n}\n`,
  },
  `export { handler } from "./impl/chat";
`,
);

export const OWN_WRAPPER_VERCEL = program(
  "api/chat.ts",
  {
    ...project({ "@vercel/node": "^3.2.24" }),
    "lib/tracing.ts": TRACING_TS,
    "lib/with-auth.ts": `import type { VercelRequest, VercelResponse } from "@vercel/node";\n\ntype Handler = (req: VercelRequest, res: VercelResponse) => Promise<void>;\n\nexport const withAuth = (handler: Handler): Handler => async (req, res) => {\n  if (!req.headers.authorization) {\n    res.status(401).end();\n    return;\n  }\n  await handler(req, res);\n};\n`,
  },
  `import type { VercelRequest, VercelResponse } from "@vercel/node";
import { tracer } from "../lib/tracing";
import { withAuth } from "../lib/with-auth";

export default withAuth(async (req: VercelRequest, res: VercelResponse) => {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message).toUpperCase());
  res.json({ reply });
});
`,
);

export const STATIC_METHOD_HANDLER = program(
  "src/chat.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./tracing";

class ChatHandler {
  static async handle(event: APIGatewayProxyEventV2) {
    tracer.sessionStart({ sessionName: "chat" });
    const reply = await tracer.startSpan("reply", async () => (event.body ?? "").toUpperCase());
    return { statusCode: 200, body: reply };
  }
}

export const handler = ChatHandler.handle;
`,
);

export const SATISFIES_HANDLER = program(
  "src/chat.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { APIGatewayProxyEventV2, Handler } from "aws-lambda";
import { tracer } from "./tracing";

export const handler = (async (event) => {
  tracer.sessionStart({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => (event.body ?? "").toUpperCase());
  return { statusCode: 200, body: reply };
}) satisfies Handler<APIGatewayProxyEventV2>;
`,
);

export const NAMESPACE_HANDLERS = program(
  "src/server.ts",
  project({ express: "^4.21.1", "@types/express": "^5.0.0" }),
  `import express from "express";
import type { Request, Response } from "express";
import { tracer } from "./tracing";

namespace Handlers {
  export async function chat(req: Request, res: Response) {
    tracer.sessionStart({ sessionName: "chat" });
    res.json(await tracer.startSpan("reply", async () => String(req.body.message)));
  }
}

const app = express();
app.post("/chat", Handlers.chat);
app.listen(3000);
`,
);

export const MJS_JSDOC_SQS = program(
  "src/consume.mjs",
  {
    "package.json": pkg({ ...HH2, "@types/aws-lambda": "^8.10.145" }, { type: "module" }),
    "src/tracing.mjs": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });\n`,
  },
  `import { tracer } from "./tracing.mjs";

/** @type {import("aws-lambda").SQSHandler} */
export const consume = async (event) => {
  for (const record of event.Records) {
    tracer.createSession({ sessionName: "job" });
    await tracer.startSpan("job", async () => JSON.parse(record.body));
  }
};
`,
);

export const CJS_JSDOC_EXPRESS = program(
  "src/routes/chat.cjs",
  {
    "package.json": pkg({ ...HH2, express: "^4.21.1" }, { type: "module" }),
    "src/tracing.cjs": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "chat" });\n`,
  },
  `const { tracer } = require("../tracing.cjs");

/** @type {import("express").RequestHandler} */
const chat = async (req, res) => {
  tracer.sessionStart({ sessionName: "chat" });
  res.json(await tracer.startSpan("reply", async () => String(req.body.message)));
};

module.exports = { chat };
`,
);

export const DECORATED_METHOD_LAMBDA = program(
  "src/chat.ts",
  project({ "@types/aws-lambda": "^8.10.145" }),
  `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { trace } from "honeyhive";
import { tracer } from "./tracing";

class Assistant {
  @trace({ eventType: "chain", tracer })
  async reply(message: string): Promise<string> {
    return message.toUpperCase();
  }
}

const assistant = new Assistant();

export const handler = async (event: APIGatewayProxyEventV2) => {
  tracer.createSession({ sessionName: "chat" });
  return { statusCode: 200, body: await assistant.reply(event.body ?? "") };
};
`,
);

export const LAZY_TRACER_PER_INVOCATION_SESSION = program(
  "lambda_function.mjs",
  { "package.json": pkg({ ...HH2 }, { type: "module" }) },
  `import { HoneyHiveTracer } from "honeyhive";

let tracer;

function getTracer() {
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: process.env.HH_PROJECT, source: "lambda" });
  return tracer;
}

export const handler = async (event, context) => {
  const hh = getTracer();
  hh.createSession({ sessionName: \`lambda-\${context.awsRequestId}\`, inputs: { event } });
  try {
    return await hh.startSpan("process_request", async () => ({ status: "success" }));
  } finally {
    await hh.forceFlush();
  }
};
`,
);

// ================================================================================================================
// Look-alikes
// ================================================================================================================

export const SENTRY_SESSION_EXPRESS = program(
  "src/server.ts",
  project({ express: "^4.21.1", "@sentry/node": "^8.40.0" }),
  `import express from "express";
import * as Sentry from "@sentry/node";
import { tracer } from "./tracing";

const app = express();

app.post("/chat", async (req, res) => {
  Sentry.startSession();
  tracer.createSession({ sessionName: "chat" });
  const reply = await tracer.startSpan("reply", async () => String(req.body.message));
  Sentry.endSession();
  await Sentry.flush(2000);
  res.json({ reply });
});

app.listen(3000);
`,
);

export const SEGMENT_CLOSE_AND_FLUSH = program(
  "src/handler.ts",
  project({ "@segment/analytics-node": "^2.1.3" }),
  `import { Analytics } from "@segment/analytics-node";

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });

export const handler = async (event: { userId: string }) => {
  analytics.track({ userId: event.userId, event: "Chat Opened" });
  await analytics.closeAndFlush({ timeout: 2000 });
  return { statusCode: 200 };
};
`,
);

export const VITEST_MOCKED_TRACER = program(
  "src/handler.test.ts",
  project({ vitest: "^2.1.5" }),
  `import { describe, expect, it, vi } from "vitest";

vi.mock("./tracing", () => ({
  tracer: { sessionStart: vi.fn(), createSession: vi.fn(), startSpan: vi.fn((_name, fn) => fn()), forceFlush: vi.fn() },
}));

import { tracer } from "./tracing";
import { handler } from "./handler";

describe("handler", () => {
  it("starts a session", async () => {
    tracer.sessionStart({ sessionName: "test" });
    await handler({ body: "hi" });
    expect(tracer.forceFlush).toHaveBeenCalled();
  });
});
`,
);

export const PLAYWRIGHT_ROUTE = program(
  "e2e/chat.spec.ts",
  project({ "@playwright/test": "^1.49.0" }, { "playwright.config.ts": `import { defineConfig } from "@playwright/test";\n\nexport default defineConfig({ use: { trace: "on-first-retry" } });\n` }),
  `import { expect, test } from "@playwright/test";
import { tracer } from "../src/tracing";

test("chat answers", async ({ page }) => {
  await page.route("**/api/chat", async (route) => {
    tracer.sessionStart({ sessionName: "e2e" });
    await route.fulfill({ json: { reply: "HI" } });
  });
  await page.goto("/");
  await expect(page.getByText("HI")).toBeVisible();
});
`,
);

export const MSW_HANDLERS = program(
  "src/mocks/handlers.ts",
  project({ msw: "^2.6.5" }),
  `import { http, HttpResponse } from "msw";

export const handlers = [
  http.post("/api/chat", async ({ request }) => {
    const { message } = (await request.json()) as { message: string };
    return HttpResponse.json({ reply: message.toUpperCase(), sessionId: "mock-session" });
  }),
];

export const handler = handlers[0];
`,
);

export const BETTER_AUTH_CREATE_SESSION = program(
  "src/auth/login.ts",
  project({ express: "^4.21.1", "better-auth": "^1.0.0" }),
  `import { Router } from "express";
import { betterAuth } from "better-auth";

const auth = betterAuth({ emailAndPassword: { enabled: true } });
const ctxPromise = auth.$context;

export const login = Router();

login.post("/impersonate", async (req, res) => {
  const ctx = await ctxPromise;
  const session = await ctx.internalAdapter.createSession(req.body.userId, undefined);
  res.json({ token: session.token });
});
`,
);

export const LOCAL_CREATE_SESSION = program(
  "src/server.ts",
  project({ express: "^4.21.1" }),
  `import express from "express";
import { randomUUID } from "node:crypto";
import { tracer } from "./tracing";

const sessions = new Map<string, { user: string }>();

function createSession(user: string): string {
  const id = randomUUID();
  sessions.set(id, { user });
  return id;
}

const app = express();

app.post("/login", async (req, res) => {
  const id = createSession(req.body.user);
  await tracer.startSpan("login", async () => id);
  res.json({ id });
});

app.listen(3000);
`,
);

export const STORYBOOK_STORY = program(
  "src/components/Chat.stories.tsx",
  project({ "@storybook/react": "^8.4.5", msw: "^2.6.5", "msw-storybook-addon": "^2.0.4" }),
  `import type { Meta, StoryObj } from "@storybook/react";
import { http, HttpResponse } from "msw";
import { Chat } from "./Chat";

const meta = { component: Chat } satisfies Meta<typeof Chat>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  parameters: {
    msw: {
      handlers: [http.post("/api/chat", () => HttpResponse.json({ reply: "hi", sessionId: "abc" }))],
    },
  },
};
`,
);

// ================================================================================================================
// Added after the first run: look-alikes of the frameworks this round added
// ================================================================================================================

export const STIMULUS_CONTROLLER = program(
  "app/javascript/controllers/chat_controller.ts",
  project({ "@hotwired/stimulus": "^3.2.2" }),
  `import { Controller } from "@hotwired/stimulus";
import { tracer } from "../../../src/tracing";

export default class ChatController extends Controller {
  connect() {
    tracer.sessionStart({ sessionName: "chat-page" });
  }
}
`,
);

export const ENCORE_CLIENT_API = program(
  "src/sync.ts",
  project({ "encore.dev": "^1.45.0" }),
  `import { api } from "./client";
import { tracer } from "./tracing";

export async function sync() {
  tracer.sessionStart({ sessionName: "sync" });
  await api({ method: "POST", path: "/sync" }, async () => tracer.startSpan("sync", async () => 1));
}

await sync();
`,
);
