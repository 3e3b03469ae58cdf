// The programs of blind round otel-2, written once: its rule test (rules/blind-otel-2.test.ts: the messages of the
// eight rules) and its codemod test (codemods/blind-otel-2.test.ts: what `honeyhive migrate` makes of them) read the
// same projects. Each is OpenTelemetry code exporting to HoneyHive (or to another vendor) the way public code sets it
// up: a NodeSDK or a NodeTracerProvider in instrumentation.ts / otel.ts / tracing.js preloaded with --require/--import,
// @vercel/otel's registerOTel in a Next.js instrumentation.ts, Traceloop with HoneyHive's base URL, OpenInference
// instrumentations, trace.getTracer("app") in handlers, Lambdas with and without a flush, the endpoint set only in the
// deployment's environment, and exporters to Honeycomb, Langfuse and Datadog that are no HoneyHive route.
import { blindProgram, HH2, pkg } from "./programs.js";

const program = blindProgram;

/** HoneyHive's OTLP/HTTP trace endpoint, as its docs write it. */
const HH_URL = "https://api.honeyhive.ai/opentelemetry/v1/traces";
const HH_HEADERS = "{ Authorization: `Bearer ${process.env.HH_API_KEY}` }";

const OTEL_DEPS = {
  "@opentelemetry/api": "^1.9.0",
  "@opentelemetry/sdk-trace-node": "^2.0.0",
  "@opentelemetry/sdk-trace-base": "^2.0.0",
  "@opentelemetry/exporter-trace-otlp-http": "^0.200.0",
};
const NODE_SDK_DEPS = {
  "@opentelemetry/api": "^1.9.0",
  "@opentelemetry/sdk-node": "^0.200.0",
  "@opentelemetry/exporter-trace-otlp-proto": "^0.200.0",
  "@opentelemetry/auto-instrumentations-node": "^0.56.0",
};

/** A module that builds a NodeTracerProvider exporting to HoneyHive, registers it and exports it with a tracer. */
const PROVIDER_MODULE = `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: ${HH_HEADERS} }))],
});
provider.register();

export const tracer = trace.getTracer("scoring");
`;

/** instrumentation.ts of a NodeSDK exporting to HoneyHive, with the auto-instrumentations. */
const NODE_SDK_MODULE = `import { getNodeAutoInstrumentations } from "@opentelemetry/auto-instrumentations-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { NodeSDK } from "@opentelemetry/sdk-node";

const sdk = new NodeSDK({
  serviceName: "support-api",
  traceExporter: new OTLPTraceExporter({
    url: "${HH_URL}",
    headers: ${HH_HEADERS},
  }),
  instrumentations: [getNodeAutoInstrumentations({ "@opentelemetry/instrumentation-fs": { enabled: false } })],
});

sdk.start();

process.on("SIGTERM", () => {
  sdk.shutdown().finally(() => process.exit(0));
});
`;

// ================================================================================================================
// Preloaded pipelines of long-running servers
// ================================================================================================================

export const NODESDK_INSTRUMENTATION_PRELOAD = program(
  "src/instrumentation.ts",
  {
    "package.json": pkg({ ...NODE_SDK_DEPS, express: "^4.21.0" }, { scripts: { start: "node --import ./dist/instrumentation.js dist/server.js" } }),
    "src/server.ts": `import express from "express";\nconst app = express();\napp.listen(3000);\n`,
  },
  NODE_SDK_MODULE,
);

export const EXPRESS_TRACING_JS_REQUIRE = program(
  "server.js",
  {
    "package.json": pkg({ ...OTEL_DEPS, express: "^4.21.0", openai: "^4.73.0" }, { scripts: { start: "node -r ./tracing.js server.js" } }),
    "tracing.js": `const { NodeTracerProvider } = require("@opentelemetry/sdk-trace-node");
const { BatchSpanProcessor } = require("@opentelemetry/sdk-trace-base");
const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http");

const provider = new NodeTracerProvider({
  spanProcessors: [
    new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: { Authorization: "Bearer " + process.env.HH_API_KEY } })),
  ],
});
provider.register();
`,
  },
  `const express = require("express");
const OpenAI = require("openai");
const { trace, SpanStatusCode } = require("@opentelemetry/api");

const tracer = trace.getTracer("support-bot");
const openai = new OpenAI();
const app = express();
app.use(express.json());

app.post("/chat", (req, res) => {
  tracer.startActiveSpan("chat", async (span) => {
    try {
      span.setAttribute("chat.user", String(req.body.user));
      const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages });
      res.json({ reply: completion.choices[0].message.content });
    } catch (error) {
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      res.status(500).json({ error: "failed" });
    } finally {
      span.end();
    }
  });
});

app.listen(process.env.PORT || 3000);
`,
);

export const FASTIFY_OTEL_MJS_IMPORT = program(
  "otel.mjs",
  { "package.json": pkg({ ...OTEL_DEPS, fastify: "^5.1.0" }, { type: "module", scripts: { start: "node --import ./otel.mjs server.mjs" } }) },
  `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const exporter = new OTLPTraceExporter({
  url: process.env.HONEYHIVE_OTLP_URL ?? "${HH_URL}",
  headers: { Authorization: \`Bearer \${process.env.HONEYHIVE_API_KEY}\` },
});

const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ "service.name": "rag-api" }),
  spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 2048, scheduledDelayMillis: 1000 })],
});
provider.register();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => provider.shutdown().then(() => process.exit(0)));
}
`,
);

export const NEXT_INSTRUMENTATION_NODESDK_DYNAMIC = program(
  "instrumentation.ts",
  {
    "package.json": pkg({ ...NODE_SDK_DEPS, next: "^15.1.0" }),
    "instrumentation.node.ts": NODE_SDK_MODULE,
  },
  `export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation.node");
  }
}
`,
);

export const EXPRESS_ROUTER_MODULE_TRACER = program(
  "src/routes/chat.ts",
  {
    "package.json": pkg({ ...OTEL_DEPS, express: "^4.21.0" }, { scripts: { start: "node --import ./dist/otel.js dist/server.js" } }),
    "src/otel.ts": PROVIDER_MODULE,
  },
  `import { Router } from "express";
import { SpanStatusCode } from "@opentelemetry/api";
import { tracer } from "../otel";

export const chat = Router();

chat.post("/", async (req, res) => {
  await tracer.startActiveSpan("chat.turn", async (span) => {
    try {
      span.setAttributes({ "chat.session": String(req.header("x-session-id")), "chat.length": req.body.messages.length });
      res.json({ ok: true });
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
});
`,
);

// ================================================================================================================
// Lambda handlers
// ================================================================================================================

export const LAMBDA_PROVIDER_MODULE_TRACER_ONLY = program(
  "src/handler.ts",
  { "package.json": pkg({ ...OTEL_DEPS }), "src/otel.ts": PROVIDER_MODULE },
  `import type { APIGatewayProxyEvent } from "aws-lambda";
import { tracer } from "./otel";

export const handler = async (event: APIGatewayProxyEvent) => {
  return tracer.startActiveSpan("score", async (span) => {
    const { answer } = JSON.parse(event.body ?? "{}") as { answer: string };
    span.setAttribute("answer.length", answer.length);
    span.end();
    return { statusCode: 200, body: JSON.stringify({ score: answer.length > 20 ? 1 : 0 }) };
  });
};
`,
);

/** A Lambda file that builds its pipeline with the 1.x SDK's addSpanProcessor and traces an SQS batch. */
const sqsLambda = (body: string) => `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { SQSEvent } from "aws-lambda";

const provider = new NodeTracerProvider();
provider.addSpanProcessor(
  new BatchSpanProcessor(
    new OTLPTraceExporter({
      url: "${HH_URL}",
      headers: { authorization: \`Bearer \${process.env.HH_API_KEY}\` },
    }),
  ),
);
provider.register();

const tracer = trace.getTracer("ingest");

export const handler = async (event: SQSEvent) => {
${body}};
`;
const OTEL_1X_DEPS = {
  "@opentelemetry/api": "^1.9.0",
  "@opentelemetry/sdk-trace-node": "^1.28.0",
  "@opentelemetry/sdk-trace-base": "^1.28.0",
  "@opentelemetry/exporter-trace-otlp-http": "^0.55.0",
};
const SQS_BATCH_LOOP = `  for (const record of event.Records) {
    await tracer.startActiveSpan("ingest.record", async (span) => {
      span.setAttribute("messaging.message.id", record.messageId);
      span.end();
    });
  }
`;

export const LAMBDA_ADD_SPAN_PROCESSOR_NO_FLUSH = program("src/ingest.ts", { "package.json": pkg(OTEL_1X_DEPS) }, sqsLambda(SQS_BATCH_LOOP));

export const LAMBDA_ADD_SPAN_PROCESSOR_FLUSHED = program(
  "src/ingest.ts",
  { "package.json": pkg(OTEL_1X_DEPS) },
  sqsLambda(`  try {
${SQS_BATCH_LOOP.replace(/^/gm, "  ").replace(/ +$/, "")}  } finally {
    await provider.forceFlush();
  }
`),
);

export const LAMBDA_SIDE_EFFECT_NODESDK = program(
  "src/handler.ts",
  { "package.json": pkg(NODE_SDK_DEPS), "src/instrumentation.ts": NODE_SDK_MODULE },
  `import "./instrumentation";
import { trace } from "@opentelemetry/api";

export const handler = async (event: { question: string }) => {
  const tracer = trace.getTracer("faq");
  return tracer.startActiveSpan("answer", async (span) => {
    span.setAttribute("question", event.question);
    span.end();
    return { answer: event.question.toUpperCase() };
  });
};
`,
);

export const LAMBDA_SIDE_EFFECT_PROVIDER_EXPORTED = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS), "src/otel/provider.ts": PROVIDER_MODULE },
  `import "./otel/provider";
import { trace } from "@opentelemetry/api";

const tracer = trace.getTracer("webhooks");

export async function handler(event: { body: string }) {
  const payload = JSON.parse(event.body) as { type: string };
  await tracer.startActiveSpan(\`webhook.\${payload.type}\`, async (span) => {
    span.end();
  });
  return { statusCode: 204 };
}
`,
);

export const LAMBDA_PROVIDER_PER_INVOCATION = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS) },
  `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export const handler = async (event: { prompt: string }) => {
  const provider = new NodeTracerProvider({
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: ${HH_HEADERS} }))],
  });
  provider.register();
  const tracer = trace.getTracer("summarize");
  const summary = await tracer.startActiveSpan("summarize", async (span) => {
    span.end();
    return event.prompt.slice(0, 100);
  });
  await provider.shutdown();
  return { summary };
};
`,
);

export const LAMBDA_SHARED_PROVIDER_SHUTDOWN = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS), "src/otel.ts": PROVIDER_MODULE },
  `import { provider, tracer } from "./otel";

export const handler = async (event: { id: string }) => {
  await tracer.startActiveSpan("lookup", async (span) => {
    span.setAttribute("id", event.id);
    span.end();
  });
  await provider.shutdown();
  return { statusCode: 200 };
};
`,
);

/** serverless.yml of one function `chat` whose handler is src/chat.handler, with `environment` lines. */
const serverlessYml = (environment: string) => `service: chat
provider:
  name: aws
  runtime: nodejs20.x
  environment:
${environment}
functions:
  chat:
    handler: src/chat.handler
`;

/** A Lambda whose exporter has no url: the endpoint comes from the environment. */
const ENV_ONLY_CHAT = `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
provider.register();

export const handler = async (event: { body: string }) => {
  const reply = await trace.getTracer("chat").startActiveSpan("reply", async (span) => {
    span.end();
    return event.body.trim();
  });
  return { statusCode: 200, body: reply };
};
`;

export const LAMBDA_ENV_ONLY_HONEYHIVE = program(
  "src/chat.ts",
  {
    "package.json": pkg(OTEL_DEPS),
    "serverless.yml": serverlessYml(`    OTEL_EXPORTER_OTLP_ENDPOINT: https://api.honeyhive.ai/opentelemetry
    OTEL_EXPORTER_OTLP_HEADERS: Authorization=Bearer \${ssm:/honeyhive/api-key}`),
  },
  ENV_ONLY_CHAT,
);

export const LAMBDA_ENV_ONLY_HONEYCOMB = program(
  "src/chat.ts",
  {
    "package.json": pkg(OTEL_DEPS),
    "serverless.yml": serverlessYml(`    OTEL_EXPORTER_OTLP_ENDPOINT: https://api.honeycomb.io
    OTEL_EXPORTER_OTLP_HEADERS: x-honeycomb-team=\${ssm:/honeycomb/api-key}`),
  },
  ENV_ONLY_CHAT,
);

export const LAMBDA_HEADER_KEY_ONLY = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS) },
  `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const exporter = new OTLPTraceExporter({
  url: process.env.OTLP_TRACES_URL,
  headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` },
});
const processor = new BatchSpanProcessor(exporter);
const provider = new NodeTracerProvider({ spanProcessors: [processor] });
provider.register();
const tracer = trace.getTracer("classify");

export const handler = async (event: { text: string }) => {
  const label = await tracer.startActiveSpan("classify", async (span) => {
    span.end();
    return event.text.includes("refund") ? "billing" : "other";
  });
  return { label };
};
`,
);

/** otel.js of a Lambda preloaded through NODE_OPTIONS: a registered provider exporting to `url` with `headers`. */
const preloadedOtelJs = (url: string, headers: string) => `const { NodeTracerProvider } = require("@opentelemetry/sdk-trace-node");
const { BatchSpanProcessor } = require("@opentelemetry/sdk-trace-base");
const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http");

const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${url}", headers: ${headers} }))],
});
provider.register();
module.exports = { provider };
`;
const PRELOADED_CHAT = `const { trace } = require("@opentelemetry/api");

exports.handler = async (event) => {
  const span = trace.getTracer("chat").startSpan("chat");
  const reply = String(event.body).trim();
  span.end();
  return { statusCode: 200, body: reply };
};
`;

export const LAMBDA_PRELOAD_NODE_OPTIONS = program(
  "src/chat.js",
  {
    "package.json": pkg(OTEL_DEPS),
    "serverless.yml": serverlessYml("    NODE_OPTIONS: --require ./otel.js"),
    "otel.js": preloadedOtelJs(HH_URL, `{ Authorization: "Bearer " + process.env.HH_API_KEY }`),
  },
  PRELOADED_CHAT,
);

export const LAMBDA_PRELOAD_NODE_OPTIONS_HONEYCOMB = program(
  "src/chat.js",
  {
    "package.json": pkg(OTEL_DEPS),
    "serverless.yml": serverlessYml("    NODE_OPTIONS: --require ./otel.js"),
    "otel.js": preloadedOtelJs("https://api.honeycomb.io/v1/traces", `{ "x-honeycomb-team": process.env.HONEYCOMB_API_KEY }`),
  },
  PRELOADED_CHAT,
);

export const TWO_PROVIDERS_LAMBDA = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS) },
  `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const honeycomb = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces", headers: { "x-honeycomb-team": process.env.HONEYCOMB_API_KEY! } }))],
});
const honeyhive = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: ${HH_HEADERS} }))],
});
const llmTracer = honeyhive.getTracer("llm");

export const handler = async (event: { prompt: string }) => {
  const text = await llmTracer.startActiveSpan("generate", async (span) => {
    span.end();
    return event.prompt.toUpperCase();
  });
  await honeycomb.forceFlush();
  return { text };
};
`,
);

// ================================================================================================================
// @vercel/otel and look-alike register functions
// ================================================================================================================

const NEXT_DEPS = { next: "^15.1.0", "@vercel/otel": "^1.10.0", "@opentelemetry/api": "^1.9.0" };

const REGISTER_OTEL_HONEYHIVE = `import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

export function register() {
  registerOTel({
    serviceName: "docs-chat",
    traceExporter: new OTLPHttpJsonTraceExporter({
      url: "${HH_URL}",
      headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` },
    }),
  });
}
`;

export const NEXT_REGISTEROTEL_INSTRUMENTATION = program("instrumentation.ts", { "package.json": pkg(NEXT_DEPS) }, REGISTER_OTEL_HONEYHIVE);

export const NEXT_ROUTE_ON_VERCEL_REGISTEROTEL = program(
  "app/api/chat/route.ts",
  { "package.json": pkg(NEXT_DEPS), "vercel.json": "{}\n", "instrumentation.ts": REGISTER_OTEL_HONEYHIVE },
  `import { trace } from "@opentelemetry/api";

const tracer = trace.getTracer("docs-chat");

export async function POST(request: Request) {
  const { question } = (await request.json()) as { question: string };
  return tracer.startActiveSpan("answer", async (span) => {
    span.setAttribute("question", question);
    span.end();
    return Response.json({ answer: question.toUpperCase() });
  });
}
`,
);

export const LAMBDA_REGISTEROTEL_PER_INVOCATION = program(
  "src/handler.ts",
  { "package.json": pkg({ "@vercel/otel": "^1.10.0", "@opentelemetry/api": "^1.9.0" }) },
  `import { trace } from "@opentelemetry/api";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

export const handler = async (event: { id: string }) => {
  registerOTel({ serviceName: "jobs", traceExporter: new OTLPHttpJsonTraceExporter({ url: "${HH_URL}" }) });
  await trace.getTracer("jobs").startActiveSpan("job", async (span) => {
    span.setAttribute("job.id", event.id);
    span.end();
  });
  return { ok: true };
};
`,
);

export const NEXT_REGISTEROTEL_LANGFUSE = program(
  "instrumentation.ts",
  { "package.json": pkg({ ...NEXT_DEPS, "@langfuse/otel": "^4.0.0" }) },
  `import { LangfuseSpanProcessor } from "@langfuse/otel";
import { registerOTel } from "@vercel/otel";

export function register() {
  registerOTel({ serviceName: "langfuse-vercel-ai-nextjs-example", spanProcessors: [new LangfuseSpanProcessor()] });
}
`,
);

export const OWN_REGISTER_TELEMETRY_HONEYCOMB = program(
  "src/handler.ts",
  {
    "package.json": pkg(OTEL_DEPS),
    "src/telemetry.ts": `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

// Moved off HoneyHive (was https://api.honeyhive.ai/opentelemetry/v1/traces) in March.
export const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces", headers: { "x-honeycomb-team": process.env.HONEYCOMB_API_KEY ?? "" } }))],
});

export function registerOTel() {
  provider.register();
}
`,
  },
  `import { trace } from "@opentelemetry/api";
import { registerOTel } from "./telemetry";

registerOTel();

export const handler = async (event: { id: string }) => {
  return trace.getTracer("orders").startActiveSpan("order", async (span) => {
    span.setAttribute("order.id", event.id);
    span.end();
    return { statusCode: 200 };
  });
};
`,
);

export const AI_SDK7_REGISTER_TELEMETRY_OWN_PIPELINE = program(
  "instrumentation.ts",
  { "package.json": pkg({ ...NEXT_DEPS, ai: "^7.0.0", "@ai-sdk/otel": "^1.0.0" }) },
  `import { OpenTelemetry } from "@ai-sdk/otel";
import { registerTelemetry } from "ai";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

export function register() {
  registerOTel({ serviceName: "assistant", traceExporter: new OTLPHttpJsonTraceExporter({ url: "${HH_URL}" }) });
  registerTelemetry(new OpenTelemetry());
}
`,
);

// ================================================================================================================
// Traceloop / OpenLLMetry and OpenInference
// ================================================================================================================

const TRACELOOP_DEPS = { "@traceloop/node-server-sdk": "^0.12.0", openai: "^4.73.0" };
const traceloopLambda = (handlerBody: string) => `import * as traceloop from "@traceloop/node-server-sdk";
import OpenAI from "openai";

traceloop.initialize({
  appName: "faq-bot",
  baseUrl: "https://api.honeyhive.ai/opentelemetry",
  apiKey: process.env.HH_API_KEY,
  disableBatch: false,
  instrumentModules: { openAI: OpenAI },
});
const openai = new OpenAI();

export const handler = async (event: { question: string }) => {
${handlerBody}};
`;
const TRACELOOP_WORKFLOW = `  const answer = await traceloop.withWorkflow({ name: "answer" }, async () => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.question }] });
    return completion.choices[0]?.message.content ?? "";
  });
`;

export const TRACELOOP_HONEYHIVE_LAMBDA = program(
  "src/handler.ts",
  { "package.json": pkg(TRACELOOP_DEPS) },
  traceloopLambda(`${TRACELOOP_WORKFLOW}  return { statusCode: 200, body: answer };\n`),
);

export const TRACELOOP_HONEYHIVE_LAMBDA_FLUSHED = program(
  "src/handler.ts",
  { "package.json": pkg(TRACELOOP_DEPS) },
  traceloopLambda(`${TRACELOOP_WORKFLOW}  await traceloop.forceFlush();\n  return { statusCode: 200, body: answer };\n`),
);

// Look-alikes of Traceloop to HoneyHive: the address only in the Lambda's configuration; Traceloop to its own cloud
// (no baseUrl) and to another OTLP vendor beside a HoneyHive tracer; a project's own `initialize`.
/** A chat Lambda whose Traceloop `initialize` takes `options`, with TRACELOOP_BASE_URL pointed at HoneyHive in serverless.yml. */
const traceloopEnvChat = (options: string) =>
  program(
    "src/chat.ts",
    {
      "package.json": pkg(TRACELOOP_DEPS),
      "serverless.yml": serverlessYml(`    TRACELOOP_BASE_URL: https://api.honeyhive.ai/opentelemetry`),
    },
    `import * as traceloop from "@traceloop/node-server-sdk";
import OpenAI from "openai";

traceloop.initialize({ appName: "chat", ${options}, instrumentModules: { openAI: OpenAI } });
const openai = new OpenAI();

export const handler = async (event: { body: string }) => {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.body }] });
  return { statusCode: 200, body: completion.choices[0]?.message.content ?? "" };
};
`,
  );

export const TRACELOOP_ENV_BASE_URL_HONEYHIVE = traceloopEnvChat("baseUrl: process.env.TRACELOOP_BASE_URL, apiKey: process.env.HH_API_KEY");

// The address only in serverless.yml, and no HoneyHive text nor HH_ variable in the code (Traceloop's own key variable).
export const TRACELOOP_ENV_ONLY_HONEYHIVE = traceloopEnvChat("apiKey: process.env.TRACELOOP_API_KEY");

// `initialize` imported by name: the flush needs `forceFlush` imported beside it.
export const TRACELOOP_NAMED_IMPORT_HONEYHIVE = program(
  "src/handler.ts",
  { "package.json": pkg(TRACELOOP_DEPS) },
  `import { initialize, withWorkflow } from "@traceloop/node-server-sdk";
import OpenAI from "openai";

initialize({ appName: "faq-bot", baseUrl: "https://api.honeyhive.ai/opentelemetry", apiKey: process.env.HH_API_KEY, instrumentModules: { openAI: OpenAI } });
const openai = new OpenAI();

export const handler = async (event: { question: string }) => {
  const answer = await withWorkflow({ name: "answer" }, async () => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.question }] });
    return completion.choices[0]?.message.content ?? "";
  });
  return { statusCode: 200, body: answer };
};
`,
);

/** A HoneyHive tracer beside Traceloop sending to `baseUrl` (none: Traceloop's cloud), the handler flushing only Traceloop. */
const traceloopBesideTracer = (baseUrl: string) => `import * as traceloop from "@traceloop/node-server-sdk";
import { HoneyHiveTracer } from "honeyhive";
import OpenAI from "openai";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "faq" });
traceloop.initialize({ appName: "faq", apiKey: process.env.TRACELOOP_API_KEY${baseUrl}, instrumentModules: { openAI: OpenAI } });
const openai = new OpenAI();

export const handler = async (event: { question: string }) => {
  const answer = await tracer.trace("answer", async () => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.question }] });
    return completion.choices[0]?.message.content ?? "";
  });
  await traceloop.forceFlush();
  return { statusCode: 200, body: answer };
};
`;

export const TRACELOOP_CLOUD_BESIDE_HONEYHIVE_TRACER = program("src/handler.ts", { "package.json": pkg({ ...HH2, ...TRACELOOP_DEPS }) }, traceloopBesideTracer(""));

export const TRACELOOP_HONEYCOMB_BESIDE_HONEYHIVE_TRACER = program(
  "src/handler.ts",
  { "package.json": pkg({ ...HH2, ...TRACELOOP_DEPS }) },
  traceloopBesideTracer(`, baseUrl: "https://api.honeycomb.io"`),
);

export const OWN_INITIALIZE_HONEYHIVE_URL = program(
  "src/handler.ts",
  {
    "package.json": pkg(TRACELOOP_DEPS),
    "src/telemetry.ts": `export function initialize(options: { baseUrl: string }): void {\n  console.log("telemetry to", options.baseUrl);\n}\n`,
  },
  `import * as traceloop from "@traceloop/node-server-sdk";
import { initialize } from "./telemetry";

initialize({ baseUrl: "https://api.honeyhive.ai/opentelemetry" });

export const handler = async (event: { question: string }) => {
  const answer = await traceloop.withWorkflow({ name: "answer" }, async () => event.question.trim());
  return { statusCode: 200, body: answer };
};
`,
);

export const OPENINFERENCE_PROVIDER_REGISTERED = program(
  "src/otel.ts",
  { "package.json": pkg({ ...OTEL_DEPS, "@opentelemetry/instrumentation": "^0.200.0", "@arizeai/openinference-instrumentation-openai": "^2.0.0", openai: "^4.73.0" }) },
  `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";

const provider = new NodeTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: ${HH_HEADERS} }))],
});
provider.register();

registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()] });
`,
);

export const OPENINFERENCE_MANUAL_WITH_PROVIDER = program(
  "src/otel.ts",
  { "package.json": pkg({ ...OTEL_DEPS, "@arizeai/openinference-instrumentation-langchain": "^3.0.0", "@langchain/core": "^0.3.0" }) },
  `import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: ${HH_HEADERS} }))],
});

const instrumentation = new LangChainInstrumentation({ tracerProvider: provider });
instrumentation.manuallyInstrument(CallbackManagerModule);
`,
);

export const HONEYHIVE_TRACER_OPENINFERENCE_NO_PROVIDER = program(
  "src/tracing.ts",
  { "package.json": pkg({ ...HH2, "@arizeai/openinference-instrumentation-langchain": "^3.0.0", "@langchain/core": "^0.3.0" }) },
  `import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "rag" });

new LangChainInstrumentation().manuallyInstrument(CallbackManagerModule);
`,
);

// ================================================================================================================
// Other vendors' OTLP exporters (not HoneyHive)
// ================================================================================================================

export const HONEYCOMB_OTLP_LAMBDA = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS) },
  `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

// Honeycomb, not HoneyHive: https://api.honeycomb.io/v1/traces with the team key.
const provider = new NodeTracerProvider({
  spanProcessors: [
    new BatchSpanProcessor(
      new OTLPTraceExporter({
        url: "https://api.honeycomb.io/v1/traces",
        headers: { "x-honeycomb-team": process.env.HONEYCOMB_API_KEY ?? "", "x-honeycomb-dataset": "hive-orders" },
      }),
    ),
  ],
});
provider.register();

export const handler = async (event: { id: string }) => {
  return trace.getTracer("orders").startActiveSpan("order", async (span) => {
    span.setAttribute("order.id", event.id);
    span.end();
    return { statusCode: 200 };
  });
};
`,
);

export const LANGFUSE_OTLP_LAMBDA = program(
  "src/handler.ts",
  { "package.json": pkg(OTEL_DEPS) },
  `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const auth = Buffer.from(\`\${process.env.LANGFUSE_PUBLIC_KEY}:\${process.env.LANGFUSE_SECRET_KEY}\`).toString("base64");
const provider = new NodeTracerProvider({
  spanProcessors: [
    new BatchSpanProcessor(
      new OTLPTraceExporter({ url: \`\${process.env.LANGFUSE_HOST}/api/public/otel/v1/traces\`, headers: { Authorization: \`Basic \${auth}\` } }),
    ),
  ],
});
provider.register();

export const handler = async (event: { prompt: string }) => {
  return trace.getTracer("llm").startActiveSpan("generate", async (span) => {
    span.end();
    return { statusCode: 200, body: event.prompt };
  });
};
`,
);

export const DATADOG_AGENT_OTLP = program(
  "src/tracing.ts",
  { "package.json": pkg({ ...NODE_SDK_DEPS, "dd-trace": "^5.30.0" }) },
  `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { getNodeAutoInstrumentations } from "@opentelemetry/auto-instrumentations-node";

// The Datadog Agent's OTLP intake on the host; DD_API_KEY is the agent's, the app sends no key.
const sdk = new NodeSDK({
  serviceName: process.env.DD_SERVICE ?? "checkout",
  traceExporter: new OTLPTraceExporter({ url: \`http://\${process.env.DD_AGENT_HOST ?? "localhost"}:4318/v1/traces\` }),
  instrumentations: [getNodeAutoInstrumentations()],
});
sdk.start();
`,
);

export const HONEYCOMB_NODE_SDK_WORKER = program(
  "src/worker.ts",
  { "package.json": pkg({ "@honeycombio/opentelemetry-node": "^0.9.0", "@opentelemetry/api": "^1.9.0", bullmq: "^5.30.0" }) },
  `import { HoneycombSDK } from "@honeycombio/opentelemetry-node";
import { trace } from "@opentelemetry/api";
import { Worker } from "bullmq";

const sdk = new HoneycombSDK({ apiKey: process.env.HONEYCOMB_API_KEY, serviceName: "hive-worker" });
sdk.start();

const tracer = trace.getTracer("hive-worker");

new Worker("embeddings", async (job) => {
  await tracer.startActiveSpan("embed", async (span) => {
    span.setAttribute("job.id", String(job.id));
    span.end();
  });
});
`,
);
