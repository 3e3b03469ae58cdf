// Blind round 9 for `honeyhive migrate`: OpenTelemetry applications exporting to HoneyHive, instrumentation
// set-ups beside a HoneyHive 2.x tracer, and look-alikes (Jaeger, a test's InMemorySpanExporter, Traceloop's own
// pipeline). Each project is migrated in a temporary folder with the 2.x set (`migrate`) and, where the promise
// is about 1.x code or about what `--from 1` must leave alone, with `--from 1` too.
//
// Written from docs/codemods.md, docs/rules/require-force-flush-in-lambda.md ("Suggestions", "A pipeline set up
// in the project's own tracing module"), docs/rules/tracer-provider-for-instrumentors.md ("Fixes"),
// docs/rules/no-tracer-init-in-handler.md ("The fix": "a review marker ... an OpenTelemetry pipeline (move it
// to startup by hand)") and docs/migrating-from-1x.md (`tracer.getTracer()` → `tracer.provider.getTracer("honeyhive")`,
// `instrumentModules` → marker), before reading the transforms. What `--from 1` must do to an
// OpenTelemetry-exporting module: nothing of its own (no 1.x name is there: "OpenTelemetry's `trace` ... never
// touched"); the 2.x transforms that follow it apply as in the 2.x set (docs/sdk-profiles.md: "After `migrate
// --from 1` has rewritten a file, the 2.x transforms that follow read it as 2.x").
//
// Each case asserts the correct output. First run (20 projects, 25 runs of their sets, 2026-12-06): every
// assertion held. Added since: one project with the @vercel/otel exporter fix, and a second round of six projects
// (hosts' own flush forms, a provider name taken, Express on Lambda), which found one wording defect (a non-async
// Express-on-Lambda route's marker said "before it returns" where the rule says "before each statement that sends
// the response"). fix-blind9-engine fixed it and the engine misses of the rule cases (a getTracer() function, registerOTel
// in a side-effect module or per invocation, an imported startTelemetry()); their projects and look-alikes are below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import { expectCleanRun, projectRuns, type SetName, type SetProject } from "./cli/test-utils/shapes.js";
import { modulePkg } from "../rules/test-utils/programs.js";

const HH_URL = "https://api.honeyhive.ai/opentelemetry/v1/traces";
const OTEL_DEPS = {
  "@opentelemetry/api": "^1.9.0",
  "@opentelemetry/sdk-trace-node": "^2.0.1",
  "@opentelemetry/sdk-trace-base": "^2.0.1",
  "@opentelemetry/exporter-trace-otlp-http": "^0.203.0",
};
const PIPELINE = `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}", headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` } }))],
});
provider.register();
`;
const TRACING_2X = `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "support" });\n`;

/** Express on Lambda through serverless-http, its route traced through the provider of `lib/otel.ts`. */
const expressOnLambda = (name: string, route: string): SetProject => ({
  name,
  sets: ["2x"],
  files: {
    "package.json": modulePkg({ ...OTEL_DEPS, express: "^5.1.0", "serverless-http": "^3.2.0" }),
    "src/lib/otel.ts": PIPELINE,
    "src/index.ts": `import express from "express";
import serverless from "serverless-http";
import { provider } from "./lib/otel";

const app = express();
app.post("/chat", ${route} {
  provider.getTracer("chat").startSpan("chat").end();
  res.json({ ok: true, body: req.body });
});
export const handler = serverless(app);
`,
  },
});

const VERCEL_API_CHAT = `import { provider } from "../lib/otel";

export async function POST(request: Request) {
  provider.getTracer("chat").startSpan("chat").end();
  return Response.json(await request.json());
}
`;

const PROJECTS: readonly SetProject[] = [
  {
    name: "lambda-in-file-provider",
    sets: ["2x", "from1"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/handler.ts": `${PIPELINE}
const tracer = provider.getTracer("support");

export const handler = async (event: { body: string }) => {
  const span = tracer.startSpan("answer");
  span.end();
  return reply(event.body);
};

async function reply(body: string) {
  return { statusCode: 200, body };
}
`,
    },
  },
  {
    name: "lambda-nodesdk-only",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@opentelemetry/sdk-node": "^0.203.0" }),
      "src/handler.ts": `import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { NodeSDK } from "@opentelemetry/sdk-node";

new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "${HH_URL}" }) }).start();

export const handler = async () => {
  trace.getTracer("jobs").startSpan("run").end();
  return { ok: true };
};
`,
    },
  },
  {
    // Added with the fix of rules/blind-cases-9's @vercel/otel entry (not blind).
    name: "lambda-vercel-otel-exporter",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ "@opentelemetry/api": "^1.9.0", "@vercel/otel": "^1.13.0" }),
      "src/handler.ts": `import { trace } from "@opentelemetry/api";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

registerOTel({ serviceName: "support", traceExporter: new OTLPHttpJsonTraceExporter({ url: "${HH_URL}" }) });

export const handler = async () => {
  trace.getTracer("support").startSpan("answer").end();
  return { ok: true };
};
`,
    },
  },
  {
    name: "lambda-imports-tracer-only",
    sets: ["2x", "from1"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/lib/otel.ts": `${PIPELINE}import { trace } from "@opentelemetry/api";\nexport const tracer = trace.getTracer("orders");\n`,
      "src/functions/orders.ts": `import { tracer } from "../lib/otel";

export const handler = async (event: { orderId: string }) => {
  tracer.startSpan("fulfil").setAttribute("order", event.orderId).end();
  return { ok: true };
};
`,
    },
  },
  {
    name: "lambda-module-keeps-provider-private",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/lib/otel.ts": `${PIPELINE.replace("export const provider", "const provider")}import { trace } from "@opentelemetry/api";\nexport const tracer = trace.getTracer("orders");\n`,
      "src/handler.ts": `import { tracer } from "./lib/otel";

export const handler = async () => {
  tracer.startSpan("fulfil").end();
  return { ok: true };
};
`,
    },
  },
  {
    name: "lambda-try-catch",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/handler.ts": `${PIPELINE}
const tracer = provider.getTracer("support");

export const handler = async (event: { body: string }) => {
  try {
    tracer.startSpan("parse").end();
    return { statusCode: 200, body: JSON.parse(event.body) };
  } catch (error) {
    return { statusCode: 400, body: String(error) };
  }
};
`,
    },
  },
  {
    name: "lambda-two-providers",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/handler.ts": `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const honeycomb = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }))] });
const honeyhive = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}" }))] });

export const handler = async () => {
  honeyhive.getTracer("llm").startSpan("completion").end();
  honeycomb.getTracer("ops").startSpan("request").end();
  await honeycomb.forceFlush();
  return { ok: true };
};
`,
    },
  },
  {
    name: "gcf-http-otel",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@google-cloud/functions-framework": "^4.0.0" }),
      "src/lib/otel.ts": `${PIPELINE}import { trace } from "@opentelemetry/api";\nexport const tracer = trace.getTracer("chat");\n`,
      "src/index.ts": `import * as functions from "@google-cloud/functions-framework";
import { provider, tracer } from "./lib/otel";

functions.http("chat", async (req, res) => {
  tracer.startSpan("chat").end();
  if (!req.body) {
    res.status(400).send("missing body");
    return;
  }
  res.json({ ok: true });
});

export { provider };
`,
    },
  },
  // Second round (after the first commit; written from the docs' fix forms per host).
  {
    name: "next-route-on-vercel",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, next: "15.3.0" }),
      "next.config.ts": "export default {};\n",
      "vercel.json": "{}\n",
      "lib/otel.ts": PIPELINE,
      "app/api/chat/route.ts": `import { provider } from "../../../lib/otel";

export async function POST(request: Request) {
  provider.getTracer("chat").startSpan("chat").end();
  return Response.json(await request.json());
}
`,
    },
  },
  {
    name: "vercel-api-function",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS }),
      "lib/otel.ts": PIPELINE,
      "api/chat.ts": VERCEL_API_CHAT,
    },
  },
  {
    name: "vercel-api-function-with-functions-package",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@vercel/functions": "^2.2.0" }),
      "lib/otel.ts": PIPELINE,
      "api/chat.ts": VERCEL_API_CHAT,
    },
  },
  {
    name: "worker-with-ctx",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ "@opentelemetry/api": "^1.9.0", "@opentelemetry/sdk-trace-base": "^2.0.1", "@opentelemetry/exporter-trace-otlp-http": "^0.203.0" }),
      "wrangler.toml": `name = "worker"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n`,
      "src/index.ts": `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}" }))] });

export default {
  async fetch(request: Request, _env: unknown, ctx: ExecutionContext): Promise<Response> {
    provider.getTracer("worker").startSpan("fetch").end();
    return new Response(request.url);
  },
};
`,
    },
  },
  {
    name: "lambda-provider-name-taken",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/lib/otel.ts": `${PIPELINE}import { trace } from "@opentelemetry/api";\nexport const tracer = trace.getTracer("orders");\n`,
      "src/handler.ts": `import { tracer } from "./lib/otel";

const provider = "openai";

export const handler = async () => {
  tracer.startSpan(provider).end();
  return { ok: true };
};
`,
    },
  },
  expressOnLambda("express-serverless-http", "(req, res) =>"),
  expressOnLambda("express-serverless-http-async", "async (req, res) =>"),
  {
    name: "lambda-shutdown-shared-provider",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/handler.ts": `${PIPELINE}
export const handler = async () => {
  provider.getTracer("jobs").startSpan("run").end();
  await provider.shutdown();
  return { ok: true };
};
`,
    },
  },
  {
    name: "express-server-otel",
    sets: ["2x", "from1"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, express: "^5.1.0" }),
      "src/lib/otel.ts": PIPELINE,
      "src/server.ts": `import express from "express";
import { trace } from "@opentelemetry/api";
import "./lib/otel";

const app = express();
app.post("/chat", (req, res) => {
  trace.getTracer("chat").startSpan("chat").end();
  res.json({ ok: true, body: req.body });
});
app.listen(3000);
`,
    },
  },
  {
    name: "lambda-jaeger",
    sets: ["2x", "from1"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@opentelemetry/exporter-jaeger": "^2.0.1" }),
      "src/handler.ts": `import { trace } from "@opentelemetry/api";
import { JaegerExporter } from "@opentelemetry/exporter-jaeger";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new JaegerExporter())] });
provider.register();

export const handler = async () => {
  trace.getTracer("jaeger").startSpan("work").end();
  return { ok: true };
};
`,
    },
  },
  {
    name: "register-instrumentations",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ honeyhive: "^2.0.0", "@opentelemetry/instrumentation": "^0.203.0" }),
      "src/tracing.ts": `${TRACING_2X}import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { LlamaIndexInstrumentation } from "@traceloop/instrumentation-llamaindex";

registerInstrumentations({ instrumentations: [new LlamaIndexInstrumentation()] });
`,
    },
  },
  {
    name: "openinference-manual",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ honeyhive: "^2.0.0" }),
      "src/tracing.ts": `${TRACING_2X}import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import * as CallbackManagerModule from "@langchain/core/callbacks/manager";

const lcInstrumentation = new LangChainInstrumentation();
lcInstrumentation.manuallyInstrument(CallbackManagerModule);
`,
    },
  },
  {
    name: "ai-sdk-telemetry",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ honeyhive: "^2.0.0", ai: "^4.3.16", "@ai-sdk/openai": "^1.3.22" }),
      "src/tracing.ts": TRACING_2X,
      "src/answer.ts": `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import { tracer } from "./tracing";

export async function answer(prompt: string) {
  tracer.enrichSpan({ metadata: { prompt } });
  const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt, experimental_telemetry: { isEnabled: true } });
  return text;
}
`,
    },
  },
  {
    name: "instrumentations-above-init",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ honeyhive: "^2.0.0", "@opentelemetry/instrumentation": "^0.203.0" }),
      "src/tracing.ts": `import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { HoneyHiveTracer } from "honeyhive";

registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()] });
export const tracer = HoneyHiveTracer.init({ project: "support" });
`,
    },
  },
  {
    name: "provider-per-request",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, express: "^5.1.0" }),
      "src/server.ts": `import express from "express";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const app = express();
app.post("/chat", async (_req, res) => {
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}" }))] });
  provider.register();
  provider.getTracer("chat").startSpan("answer").end();
  res.json({ ok: true });
});
app.listen(3000);
`,
    },
  },
  {
    // Added with the BasicTracerProvider knowledge fix (not blind).
    name: "basic-provider-per-request",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@opentelemetry/sdk-trace-base": "^1.30.1", express: "^5.1.0" }),
      "src/server.ts": `import express from "express";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

const app = express();
app.post("/chat", async (_req, res) => {
  const provider = new BasicTracerProvider();
  provider.addSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url: "${HH_URL}" })));
  provider.register();
  res.json({ ok: true });
});
app.listen(3000);
`,
    },
  },
  {
    // Fourth round: import styles.
    name: "cjs-handler-renamed-provider",
    sets: ["2x", "from1"],
    files: {
      "package.json": JSON.stringify({ name: "app", private: true, dependencies: OTEL_DEPS }),
      "src/handler.js": `const opentelemetry = require("@opentelemetry/api");
const { OTLPTraceExporter: Exporter } = require("@opentelemetry/exporter-trace-otlp-http");
const { BatchSpanProcessor } = require("@opentelemetry/sdk-trace-base");
const { NodeTracerProvider } = require("@opentelemetry/sdk-trace-node");

const otel = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new Exporter({ url: "${HH_URL}" }))] });
otel.register();

module.exports.handler = async (event) => {
  opentelemetry.trace.getTracer("cjs").startSpan("work").end();
  return { statusCode: 200, body: event.body };
};
`,
    },
  },
  {
    name: "test-in-memory-exporter",
    sets: ["2x", "from1"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, vitest: "^3.2.4" }),
      "src/handler.ts": `export const handler = async (event: { body: string }) => event.body;\n`,
      "src/handler.test.ts": `import { expect, it } from "vitest";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { handler } from "./handler";

const exporter = new InMemorySpanExporter();
new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();

it("answers", async () => {
  expect(await handler({ body: "x" })).toBe("x");
  expect(exporter.getFinishedSpans()).toEqual([]);
});
`,
    },
  },
  {
    name: "traceloop-own-pipeline",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ honeyhive: "^2.0.0", "@traceloop/node-server-sdk": "^0.14.0", openai: "^5.10.0" }),
      "src/tracing.ts": `${TRACING_2X}import * as traceloop from "@traceloop/node-server-sdk";
import OpenAI from "openai";

traceloop.initialize({ appName: "support", disableBatch: true, instrumentModules: { openAI: OpenAI } });
`,
    },
  },
  {
    name: "1x-with-jaeger-otel-module",
    sets: ["from1"],
    files: {
      "package.json": modulePkg({ honeyhive: "^1.0.42", ...OTEL_DEPS, "@opentelemetry/exporter-jaeger": "^2.0.1" }),
      "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY ?? "", project: "support" });\n`,
      "src/otel.ts": `import { trace } from "@opentelemetry/api";
import { JaegerExporter } from "@opentelemetry/exporter-jaeger";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new JaegerExporter())] });
provider.register();
export const tracer = trace.getTracer("ops");

export async function flush() {
  await provider.forceFlush();
}
`,
      "src/ops.ts": `import { flush, tracer } from "./otel";

export async function audit(action: string) {
  const span = tracer.startSpan("audit");
  span.setAttribute("action", action);
  span.end();
  await flush();
}
`,
    },
  },
  {
    // A 1.x project whose Lambda traces through its own OpenTelemetry pipeline to HoneyHive (no 1.x name in it).
    name: "1x-project-otel-lambda",
    sets: ["2x", "from1"],
    files: {
      "package.json": modulePkg({ honeyhive: "^1.0.42", ...OTEL_DEPS }),
      "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY ?? "", project: "support" });\n`,
      "src/lib/otel.ts": PIPELINE,
      "src/handler.ts": `import { provider } from "./lib/otel";

export const handler = async () => {
  provider.getTracer("orders").startSpan("fulfil").end();
  return { ok: true };
};
`,
    },
  },
  {
    name: "1x-get-tracer-for-ai-sdk",
    sets: ["from1"],
    files: {
      "package.json": modulePkg({ honeyhive: "^1.0.42", ai: "^4.3.16", "@ai-sdk/openai": "^1.3.22" }),
      "src/answer.ts": `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import { HoneyHiveTracer } from "honeyhive";

const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY ?? "", project: "support" });

export async function answer(prompt: string) {
  const { text } = await generateText({
    model: openai("gpt-4o-mini"),
    prompt,
    experimental_telemetry: { isEnabled: true, tracer: tracer.getTracer() },
  });
  return text;
}
`,
    },
  },
  // fix-blind9-engine: the engine misses of blind 9 fixed, and their look-alikes.
  {
    name: "express-serverless-http-cors-callback",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, express: "^5.1.0", "serverless-http": "^3.2.0", cors: "^2.8.5" }),
      "src/lib/otel.ts": PIPELINE,
      "src/index.ts": `import cors from "cors";
import express from "express";
import serverless from "serverless-http";
import { provider } from "./lib/otel";

const app = express();
const corsHandler = cors();
app.post("/chat", (req, res) => {
  corsHandler(req, res, () => {
    provider.getTracer("chat").startSpan("chat").end();
    res.json({ ok: true, body: req.body });
  });
});
export const handler = serverless(app);
`,
    },
  },
  {
    name: "lambda-not-async-provider",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/lib/otel.ts": PIPELINE,
      "src/handler.ts": `import { provider } from "./lib/otel";

export function handler(event: { body: string }) {
  provider.getTracer("jobs").startSpan("run").end();
  return Promise.resolve({ statusCode: 200, body: event.body });
}
`,
    },
  },
  {
    name: "lambda-get-tracer-function",
    sets: ["2x"],
    files: {
      "package.json": modulePkg(OTEL_DEPS),
      "src/lib/otel.ts": `${PIPELINE}export function getTracer() {\n  return provider.getTracer("jobs");\n}\n`,
      "src/handler.ts": `import { getTracer } from "./lib/otel";

export const handler = async (event: { body: string }) => {
  getTracer().startSpan("work").end();
  return { statusCode: 200, body: event.body };
};
`,
    },
  },
  {
    name: "lambda-registerotel-side-effect",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ "@opentelemetry/api": "^1.9.0", "@vercel/otel": "^1.13.0" }),
      "src/otel.ts": `import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";\nregisterOTel({ serviceName: "jobs", traceExporter: new OTLPHttpJsonTraceExporter({ url: "${HH_URL}" }) });\n`,
      "src/handler.ts": `import "./otel";
import { trace } from "@opentelemetry/api";

export const handler = async () => {
  trace.getTracer("jobs").startSpan("work").end();
  return { ok: true };
};
`,
    },
  },
  {
    name: "lambda-registerotel-processor-flushed",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ "@opentelemetry/api": "^1.9.0", "@opentelemetry/sdk-trace-base": "^2.0.1", "@vercel/otel": "^1.13.0" }),
      "src/handler.ts": `import { trace } from "@opentelemetry/api";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

const processor = new BatchSpanProcessor(new OTLPHttpJsonTraceExporter({ url: "${HH_URL}" }));
registerOTel({ serviceName: "jobs", spanProcessors: [processor] });

export const handler = async () => {
  try {
    trace.getTracer("jobs").startSpan("run").end();
    return { ok: true };
  } finally {
    await processor.forceFlush();
  }
};
`,
    },
  },
  {
    name: "lambda-start-telemetry-per-call",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@opentelemetry/sdk-node": "^0.203.0" }),
      "src/otel.ts": `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\nexport function startTelemetry() {\n  const sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "${HH_URL}" }) });\n  sdk.start();\n  return sdk;\n}\n`,
      "src/handler.ts": `import { startTelemetry } from "./otel";

export const handler = async (event: { body: string }) => {
  const sdk = startTelemetry();
  try {
    return { statusCode: 200, body: event.body };
  } finally {
    await sdk.shutdown();
  }
};
`,
    },
  },
  {
    name: "lambda-start-telemetry-cached",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ ...OTEL_DEPS, "@opentelemetry/sdk-node": "^0.203.0" }),
      "src/otel.ts": `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nimport { NodeSDK } from "@opentelemetry/sdk-node";\nlet sdk: NodeSDK | undefined;\nexport function startTelemetry() {\n  if (sdk) return sdk;\n  sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "${HH_URL}" }) });\n  sdk.start();\n  return sdk;\n}\n`,
      "src/handler.ts": `import { startTelemetry } from "./otel";

export const handler = async (event: { body: string }) => {
  startTelemetry();
  return { statusCode: 200, body: event.body };
};
`,
    },
  },
  {
    name: "lambda-registerotel-per-invocation",
    sets: ["2x"],
    files: {
      "package.json": modulePkg({ "@opentelemetry/api": "^1.9.0", "@vercel/otel": "^1.13.0" }),
      "src/handler.ts": `import { trace } from "@opentelemetry/api";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

export const handler = async () => {
  registerOTel({ serviceName: "jobs", traceExporter: new OTLPHttpJsonTraceExporter({ url: "${HH_URL}" }) });
  trace.getTracer("jobs").startSpan("run").end();
  return { ok: true };
};
`,
    },
  },
];

const { migrate, runOf, out, input } = projectRuns(PROJECTS);

beforeAll(migrate, 300_000);
afterAll(removeProjects);

describe("blind 9: migrate on OpenTelemetry-to-HoneyHive code and instrumentation set-ups", () => {
  it("migrates every project with its sets without a failure, to parsable output a second run leaves alone", () => {
    for (const project of PROJECTS) for (const set of project.sets) expectCleanRun(`${project.name} ${set}`, runOf(project.name, set));
  });

  describe("lambda-force-flush on OpenTelemetry exporting to HoneyHive", () => {
    it("wraps an in-file provider's handler in try/finally with await provider.forceFlush(), return awaited", () => {
      const text = out("lambda-in-file-provider", "src/handler.ts");
      expect(text).toContain("  } finally {\n    await provider.forceFlush();\n  }");
      expect(text).toContain("    return await reply(event.body);");
      expect(text).not.toContain("tracer.forceFlush()");
    });
    it("--from 1 writes the same flush into an OpenTelemetry-only module (no 1.x name there)", () => {
      expect(out("lambda-in-file-provider", "src/handler.ts", "from1")).toBe(out("lambda-in-file-provider", "src/handler.ts"));
    });
    it("leaves a marker where NodeSDK is all there is (it has no forceFlush)", () => {
      const text = out("lambda-nodesdk-only", "src/handler.ts");
      expect(text).toMatch(/\/\* honeyhive-migrate: [^*]*NodeSDK has none[^*]*\*\//);
      expect(text).not.toContain("sdk.shutdown()");
    });
    it("leaves a marker on a handler whose @vercel/otel exporter sends to HoneyHive (no provider variable to flush)", () => {
      const text = out("lambda-vercel-otel-exporter", "src/handler.ts");
      // registerOTel() returns nothing to flush: the marker names what works (a processor handed in, or the registered provider).
      expect(text).toContain(
        "/* honeyhive-migrate: await a forceFlush() of the pipeline registerOTel() registers before this handler returns (registerOTel() returns nothing to flush: keep a " +
          "BatchSpanProcessor of its exporter in a module-level variable, give it to registerOTel() as spanProcessors: [processor] and await processor.forceFlush(), " +
          "or flush the provider it registers, await ((trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as BasicTracerProvider).forceFlush(), " +
          "with ProxyTracerProvider of @opentelemetry/api and BasicTracerProvider of @opentelemetry/sdk-trace-base) */\nexport const handler = async () => {",
      );
    });
    it("registerOTel in a side-effect module: the marker names that module", () => {
      const text = out("lambda-registerotel-side-effect", "src/handler.ts");
      expect(text).toMatch(/\/\* honeyhive-migrate: [^*]*registerOTel\(\) returns nothing to flush: build a BatchSpanProcessor of its exporter in \.\/otel[^*]*\*\/\nexport const handler = async/);
      expect(out("lambda-registerotel-side-effect", "src/otel.ts")).toBe(input("lambda-registerotel-side-effect", "src/otel.ts"));
    });
    it("a getTracer() function of the module: its provider imported beside it and flushed in a finally", () => {
      const text = out("lambda-get-tracer-function", "src/handler.ts");
      expect(text).toMatch(/import \{ (getTracer, provider|provider, getTracer) \} from "\.\/lib\/otel";/);
      expect(text).toContain("  } finally {\n    await provider.forceFlush();\n  }");
    });
    it("a non-async route of Express on Lambda: the marker asks for the flush before each send, as the rule does", () => {
      expect(out("express-serverless-http", "src/index.ts")).toContain(
        "/* honeyhive-migrate: make this handler async and await provider.forceFlush() before each statement that sends the response (res.send/json/end): " +
          "the platform stops the work once the response is sent */\napp.post(\"/chat\", (req, res) => {",
      );
    });
    it("a non-async route that sends from the callback it hands the response to: the marker points at that callback", () => {
      expect(out("express-serverless-http-cors-callback", "src/index.ts")).toContain(
        "/* honeyhive-migrate: await provider.forceFlush() in the callback this handler passes the response to (made async if it is not), before each statement " +
          "that sends the response: the platform stops the work once the response is sent */\napp.post(\"/chat\", (req, res) => {",
      );
    });
    it("a non-async Lambda that returns (no response object): the marker keeps 'before it returns'", () => {
      expect(out("lambda-not-async-provider", "src/handler.ts")).toContain(
        "/* honeyhive-migrate: make this handler async and await provider.forceFlush() before it returns */\nexport function handler(",
      );
    });
    it("imports the module's provider beside the tracer and flushes it", () => {
      const text = out("lambda-imports-tracer-only", "src/functions/orders.ts");
      expect(text).toMatch(/import \{ (tracer, provider|provider, tracer) \} from "\.\.\/lib\/otel";/);
      expect(text).toContain("await provider.forceFlush();");
      expect(out("lambda-imports-tracer-only", "src/lib/otel.ts")).toBe(input("lambda-imports-tracer-only", "src/lib/otel.ts"));
      expect(out("lambda-imports-tracer-only", "src/functions/orders.ts", "from1")).toBe(text);
    });
    it("leaves a marker naming the module when the provider is not exported", () => {
      const text = out("lambda-module-keeps-provider-private", "src/handler.ts");
      expect(text).toMatch(/\/\* honeyhive-migrate: [^*]*NodeTracerProvider[^*]*\.\/lib\/otel[^*]*\*\//);
      expect(text).not.toContain("provider.forceFlush()");
    });
    it("adds a finally after an existing catch", () => {
      const text = out("lambda-try-catch", "src/handler.ts");
      expect(text).toMatch(/ {2}\} catch \(error\) \{\n {4}return \{ statusCode: 400, body: String\(error\) \};\n {2}\} finally \{\n {4}await provider\.forceFlush\(\);\n {2}\}/);
      expect(text.match(/try \{/g)).toHaveLength(1);
    });
    it("of two providers, flushes the HoneyHive one and keeps the other's flush", () => {
      const text = out("lambda-two-providers", "src/handler.ts");
      expect(text).toContain("await honeyhive.forceFlush();");
      expect(text).toContain("await honeycomb.forceFlush();");
    });
    it("on Cloud Functions, flushes the imported provider before each send", () => {
      const text = out("gcf-http-otel", "src/index.ts");
      expect(text).toContain("    await provider.forceFlush();\n    res.status(400).send(\"missing body\");");
      expect(text).toContain("  await provider.forceFlush();\n  res.json({ ok: true });");
      expect(text).not.toContain("finally");
    });
    it("Next.js on Vercel: after(() => provider.forceFlush()) at the top of the route, imported from next/server", () => {
      const text = out("next-route-on-vercel", "app/api/chat/route.ts");
      expect(text).toMatch(/import \{ after \} from "next\/server";/);
      expect(text).toContain("export async function POST(request: Request) {\n  after(() => provider.forceFlush());\n");
    });
    // waitUntil of @vercel/functions only where the project installs that package (an import of one it does not
    // install breaks the build): the project as written declares no @vercel/functions, so the awaited flush.
    it("a Vercel api/ function without @vercel/functions installed: the awaited provider.forceFlush() in a finally", () => {
      const text = out("vercel-api-function", "api/chat.ts");
      expect(text).not.toContain("@vercel/functions");
      expect(text).not.toContain("waitUntil");
      expect(text).toMatch(/\} finally \{\n\s+await provider\.forceFlush\(\);/);
    });
    it("a Vercel api/ function of a project that declares @vercel/functions: waitUntil(provider.forceFlush()) in a finally", () => {
      const text = out("vercel-api-function-with-functions-package", "api/chat.ts");
      expect(text).toMatch(/import \{ waitUntil \} from "@vercel\/functions";/);
      expect(text).toMatch(/\} finally \{\n\s+waitUntil\(provider\.forceFlush\(\)\);/);
    });
    it("a Cloudflare Worker with ctx: ctx.waitUntil(provider.forceFlush()) in a finally", () => {
      expect(out("worker-with-ctx", "src/index.ts")).toContain("ctx.waitUntil(provider.forceFlush());");
    });
    it("the name provider taken in the handler's file: a marker naming the export, no import added", () => {
      const text = out("lambda-provider-name-taken", "src/handler.ts");
      expect(text).toMatch(/\/\* honeyhive-migrate: [^*]*import the NodeTracerProvider that \.\/lib\/otel exports as provider, under a name free in this file[^*]*\*\//);
      expect(text).toContain(`import { tracer } from "./lib/otel";`);
    });
    it("Express on Lambda through serverless-http: the flush before res.json in an async route", () => {
      expect(out("express-serverless-http-async", "src/index.ts")).toContain("  await provider.forceFlush();\n  res.json({ ok: true, body: req.body });");
    });
    it("replaces a shared provider's shutdown() in the handler with forceFlush()", () => {
      const text = out("lambda-shutdown-shared-provider", "src/handler.ts");
      expect(text).toContain("await provider.forceFlush();");
      expect(text).not.toContain("provider.shutdown()");
    });
  });

  describe("instrumentation-provider beside a HoneyHive 2.x tracer", () => {
    it("adds tracerProvider: tracer.provider to registerInstrumentations", () => {
      expect(out("register-instrumentations", "src/tracing.ts")).toContain("tracerProvider: tracer.provider");
    });
    it("gives an OpenInference instrumentation the provider in its options", () => {
      expect(out("openinference-manual", "src/tracing.ts")).toContain("new LangChainInstrumentation({ tracerProvider: tracer.provider })");
    });
    it("gives AI SDK telemetry the tracer's provider's tracer", () => {
      expect(out("ai-sdk-telemetry", "src/answer.ts")).toContain(`experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") }`);
    });
    it("moves a setup above the init below it, with the provider", () => {
      const text = out("instrumentations-above-init", "src/tracing.ts");
      expect(text.indexOf("HoneyHiveTracer.init(")).toBeLessThan(text.indexOf("registerInstrumentations({"));
      expect(text).toContain("tracerProvider: tracer.provider");
    });
  });

  describe("hoist-tracer-init", () => {
    it("marks the handler's call of an imported startTelemetry() that starts a NodeSDK on every call", () => {
      expect(out("lambda-start-telemetry-per-call", "src/handler.ts")).toMatch(/\/\* honeyhive-migrate: startTelemetry\(\) builds an OpenTelemetry pipeline on every call \(in [^)]*otel[^)]*\)[^*]*\*\/\n\s*const sdk = startTelemetry\(\);/);
    });
    it("marks registerOTel() called per invocation (build the pipeline once at startup)", () => {
      expect(out("lambda-registerotel-per-invocation", "src/handler.ts")).toMatch(/\/\* honeyhive-migrate: build this OpenTelemetry pipeline \(registerOTel\(\)\) once at startup[^*]*\*\/\n\s*registerOTel\(/);
    });
    it("leaves a startTelemetry() that caches its NodeSDK, and a handler flushing the processor it gave registerOTel(), alone", () => {
      for (const name of ["lambda-start-telemetry-cached", "lambda-registerotel-processor-flushed"]) {
        const run = runOf(name, "2x");
        expect(run.output, name).toEqual(run.input);
      }
    });
    it("leaves a marker on an OpenTelemetry provider built and registered per request (moved by hand)", () => {
      const text = out("provider-per-request", "src/server.ts");
      expect(text).toMatch(/\/\* honeyhive-migrate: [^*]*\*\/\n\s*const provider = new NodeTracerProvider/);
    });
  });

  it("CommonJS with renamed requires: module.exports.handler wrapped, the provider flushed by its own name, both sets", () => {
    const text = out("cjs-handler-renamed-provider", "src/handler.js");
    expect(text).toContain("  try {\n    opentelemetry.trace.getTracer(\"cjs\").startSpan(\"work\").end();\n    return { statusCode: 200, body: event.body };\n  } finally {\n    await otel.forceFlush();\n  }");
    expect(out("cjs-handler-renamed-provider", "src/handler.js", "from1")).toBe(text);
  });

  it("leaves a marker on a 1.x-SDK BasicTracerProvider registered per request", () => {
    const text = out("basic-provider-per-request", "src/server.ts");
    expect(text).toMatch(/\/\* honeyhive-migrate: [^*]*BasicTracerProvider[^*]*\*\/\n\s*const provider = new BasicTracerProvider\(\);/);
  });

  describe("left byte for byte", () => {
    const UNCHANGED: readonly [string, SetName][] = [
      ["express-server-otel", "2x"],
      ["express-server-otel", "from1"],
      ["lambda-jaeger", "2x"],
      ["lambda-jaeger", "from1"],
      ["test-in-memory-exporter", "2x"],
      ["test-in-memory-exporter", "from1"],
      ["traceloop-own-pipeline", "2x"],
    ];
    for (const [name, set] of UNCHANGED) {
      it(`${name} (${set})`, () => {
        const run = runOf(name, set);
        expect(run.output).toEqual(run.input);
      });
    }
    it("--from 1 leaves the project's Jaeger OpenTelemetry module and its user alone", () => {
      expect(out("1x-with-jaeger-otel-module", "src/otel.ts", "from1")).toBe(input("1x-with-jaeger-otel-module", "src/otel.ts"));
      expect(out("1x-with-jaeger-otel-module", "src/ops.ts", "from1")).toBe(input("1x-with-jaeger-otel-module", "src/ops.ts"));
    });
  });

  describe("--from 1 on 1.x OpenTelemetry hand-offs", () => {
    it("a 1.x project's OpenTelemetry Lambda gets the provider's flush with either set, its pipeline module untouched", () => {
      for (const set of ["2x", "from1"] as const) {
        expect(out("1x-project-otel-lambda", "src/handler.ts", set), set).toContain("  } finally {\n    await provider.forceFlush();\n  }");
        expect(out("1x-project-otel-lambda", "src/lib/otel.ts", set), set).toBe(input("1x-project-otel-lambda", "src/lib/otel.ts"));
      }
      expect(out("1x-project-otel-lambda", "src/tracing.ts", "from1")).toContain("export const tracer = HoneyHiveTracer.init(");
    });

    it("rewrites tracer.getTracer() for AI SDK telemetry to tracer.provider.getTracer(\"honeyhive\")", () => {
      const text = out("1x-get-tracer-for-ai-sdk", "src/answer.ts", "from1");
      expect(text).toContain(`tracer: tracer.provider.getTracer("honeyhive")`);
      expect(text).toContain("const tracer = HoneyHiveTracer.init(");
    });
  });
});
