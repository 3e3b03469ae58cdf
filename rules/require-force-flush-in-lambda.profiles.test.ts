// require-force-flush-in-lambda on the SDK profiles: honeyhive 1.x (`tracer.flush()`, static
// `HoneyHiveTracer.flush()`), OpenTelemetry exporting to HoneyHive (`provider.forceFlush()`), and
// other tracing SDKs (Langfuse, LangSmith, Braintrust, Laminar): the message and the fix speak the
// handler's profile; another SDK's (or pipeline's) flush is not the flush of a handler that traces
// through HoneyHive (fix-lookalike-names), a flush whose receiver cannot be resolved still is.
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const V1 = `import { HoneyHiveTracer } from "honeyhive";\nconst tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" });\n`;

const OTEL_IMPORTS =
  `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\n` +
  `import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\n` +
  `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\n`;
const EXPORTER = `new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" })`;
const OTEL =
  OTEL_IMPORTS +
  `const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${EXPORTER})] });\n` +
  `provider.register();\nconst tracer = provider.getTracer("x");\n`;

/** A tracer from the project's own module (taken for a HoneyHive tracer by its name) in a file that flushes through another SDK. */
const LOCAL_TRACER = `import { tracer } from "./lib/tracing";\n`;

/** A Honeycomb provider first, then one exporting to HoneyHive (its processor given in the options, or added to it). */
const TWO_PROVIDERS =
  `${OTEL_IMPORTS}const honeycomb = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }))] });\n` +
  `const honeyhive = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${EXPORTER})] });\n`;
const TWO_PROVIDERS_ADDED =
  `${OTEL_IMPORTS}const toHoneycomb = new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }));\nconst honeycomb = new NodeTracerProvider({ spanProcessors: [toHoneycomb] });\n` +
  `const honeyhive = new NodeTracerProvider();\nhoneyhive.addSpanProcessor(new BatchSpanProcessor(${EXPORTER}));\n`;

/** Another SDK's flush in a handler that traces with a HoneyHive tracer: the setup, the body's lines, the parameters. */
const OTHER_SDK_FLUSHES: readonly (readonly [setup: string, body: readonly string[], params?: string])[] = [
  ['import { Langfuse } from "langfuse";\nconst langfuse = new Langfuse();\n', ['tracer.trace("h", () => work(event));', "await langfuse.flushAsync();"]],
  ['import { Langfuse } from "langfuse";\n', ['tracer.trace("h", () => work(event));', "const ext = instance as Langfuse;", "await ext.flushAsync?.();"], "event, instance: unknown"],
  ['import { CallbackHandler } from "langfuse-langchain";\nconst handlerCb = new CallbackHandler();\n', ['tracer.trace("h", () => work(event));', "await handlerCb.shutdownAsync();"]],
  ['import { Client } from "langsmith";\nconst client = new Client();\n', ['tracer.trace("h", () => work(event));', "await client.flush();"]],
  ['import { Client } from "langsmith";\nconst client: Client = makeClient();\n', ['tracer.trace("h", () => work(event));', "await client.awaitPendingTraceBatches();"]],
  ['import { flush as flushBraintrust } from "braintrust";\n', ['tracer.trace("h", () => work(event));', "await flushBraintrust();"]],
  ['import * as braintrust from "braintrust";\nconst logger = braintrust.initLogger({ projectName: "p" });\n', ['tracer.trace("h", () => work(event));', "await logger.flush();"]],
  ['import { Laminar } from "@lmnr-ai/lmnr";\n', ['tracer.trace("h", () => work(event));', "await Laminar.flush();"]],
];

/** An invalid case whose one suggestion wraps the body in try/finally around `await <flush>`. */
function wrapped(code: string, flush: string, output: string) {
  return {
    code,
    errors: [
      {
        messageId: "missingFlush" as const,
        data: { name: "handler", flush, platform: "AWS Lambda", recommended: `\`await ${flush}\`` },
        suggestions: [{ messageId: "wrapInTryFinally" as const, data: { flush }, output }],
      },
    ],
  };
}

ruleTester.run(`${RULE_NAME} (profiles)`, testedRule, {
  valid: [
    // 1.x: the tracer's own flush, and the static flush.
    `${V1}export const handler = async (event) => {\n  const tracer = await tracerPromise;\n  const out = await tracer.traceFunction({ eventName: "h" })(work)(event);\n  await tracer.flush();\n  return out;\n};`,
    `${V1}export const handler = async (event) => {\n  const tracer = await tracerPromise;\n  tracer.startSession();\n  const out = await work(event);\n  await HoneyHiveTracer.flush();\n  return out;\n};`,
    `import { HoneyHiveTracer as HH } from "honeyhive";\nexport const handler = async (event) => {\n  const tracer = await HH.init({ project: "p" });\n  try {\n    return await work(event, tracer);\n  } finally {\n    await HH.flush();\n  }\n};`,
    // OpenTelemetry: the provider's, a processor's, the global provider's delegate's flush; the shutdown of
    // a provider (or NodeSDK) the invocation made itself, which no later invocation uses.
    `${OTEL}export const handler = async (event) => {\n  try {\n    return await tracer.startActiveSpan("h", async (span) => { try { return await work(event); } finally { span.end(); } });\n  } finally {\n    await provider.forceFlush();\n  }\n};`,
    `${OTEL_IMPORTS}const processor = new BatchSpanProcessor(${EXPORTER});\nconst provider = new NodeTracerProvider({ spanProcessors: [processor] });\nprovider.register();\nconst tracer = provider.getTracer("x");\nexport const handler = async (event) => {\n  tracer.startActiveSpan("h", (span) => span.end());\n  await processor.forceFlush();\n};`,
    `${OTEL}import { trace } from "@opentelemetry/api";\nexport const handler = async (event) => {\n  tracer.startActiveSpan("h", (span) => span.end());\n  await trace.getTracerProvider().getDelegate().forceFlush();\n};`,
    `${OTEL_IMPORTS}export const handler = async (event) => {\n  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${EXPORTER})] });\n  provider.getTracer("x").startActiveSpan("h", (span) => span.end());\n  await provider.shutdown();\n};`,
    `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nexport const handler = async (event) => {\n  const sdk = new NodeSDK({ traceExporter: ${EXPORTER} });\n  sdk.start();\n  trace.getTracer("x").startActiveSpan("h", (span) => span.end());\n  await sdk.shutdown();\n};`,
    // A provider made per invocation through a helper of the file (review-rules4): its shutdown is the invocation's own flush.
    `${OTEL_IMPORTS}function makeProvider() {\n  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${EXPORTER})] });\n  provider.register();\n  return provider;\n}\nexport const handler = async (event) => {\n  const provider = makeProvider();\n  provider.getTracer("x").startActiveSpan("h", (span) => span.end());\n  await provider.shutdown();\n};`,
    // A database pool's shutdown next to the provider's flush is no pipeline's.
    `${OTEL}import { Pool } from "pg";\nconst pool = new Pool();\nexport const handler = async (event) => {\n  tracer.startActiveSpan("h", (span) => span.end());\n  await provider.forceFlush();\n  await pool.shutdown();\n};`,
    // OpenTelemetry exporting elsewhere is another vendor's: no HoneyHive rule applies.
    `${OTEL_IMPORTS}const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://otel.example.com/v1/traces" }))] });\nconst tracer = provider.getTracer("x");\nexport const handler = async () => { tracer.startActiveSpan("h", (span) => span.end()); };`,
    // Where the exporter sends decides, not the file's words (analysis/otel-destination.ts): a comment naming
    // HoneyHive next to an exporter to a local collector, a template to the team's host, another vendor's key header.
    ...[
      `new OTLPTraceExporter({ url: "http://localhost:4318/v1/traces" })`,
      `new OTLPTraceExporter({ url: \`http://\${process.env.COLLECTOR_HOST}:4318/v1/traces\` })`,
      `new OTLPTraceExporter({ url: process.env.COLLECTOR_URL })`,
      `new OTLPTraceExporter({ headers: { Authorization: \`Bearer \${process.env.HONEYCOMB_API_KEY}\` } })`,
    ].map(
      (exporter) =>
        `// Spans go to our collector, which forwards them to HoneyHive.\n${OTEL_IMPORTS}const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${exporter})] });\nconst tracer = provider.getTracer("x");\nexport const handler = async () => { tracer.startActiveSpan("h", (span) => span.end()); };`,
    ),
    // Beside a HoneyHive tracer, a flush whose receiver cannot be resolved still counts (a parameter, a member), as does the
    // tracer's own provider and the global provider; two providers in one file: the one exporting to HoneyHive flushed.
    `${LOCAL_TRACER}export const handler = async (event, client) => {\n  tracer.trace("h", () => work(event));\n  await client.forceFlush();\n};`,
    `${LOCAL_TRACER}export const handler = async (event, deps) => {\n  tracer.trace("h", () => work(event));\n  await deps.langfuse.flushAsync();\n};`,
    `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const handler = async (event) => {\n  tracer.createSession({ sessionName: "h" });\n  await tracer.provider.forceFlush();\n};`,
    `${TWO_PROVIDERS}export const handler = async () => {\n  honeycomb.getTracer("a").startSpan("a").end();\n  honeyhive.getTracer("b").startSpan("b").end();\n  await honeyhive.forceFlush();\n};`,
    // No OpenTelemetry pipeline in the file: `@opentelemetry/api` beside this SDK is not a route into HoneyHive of its own.
    `import { HoneyHiveTracer } from "honeyhive";\nimport { trace } from "@opentelemetry/api";\nconst hh = HoneyHiveTracer.init({ project: "p" });\nexport const handler = async () => { trace.getTracer("x").startActiveSpan("h", (span) => span.end()); };`,
  ],
  invalid: [
    // shutdown() of a pipeline object made once per instance (HoneyHive's shutdownOfSharedTracer, for
    // OpenTelemetry): the warm instance's later invocations export nothing. Counted as the path's flush.
    {
      code: `${OTEL}export const handler = async (event) => {\n  tracer.startActiveSpan("h", (span) => span.end());\n  await provider.shutdown();\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedPipeline" as const,
          data: { name: "handler", platform: "AWS Lambda", tracer: "provider", flush: "provider.forceFlush()" },
          line: 9,
          suggestions: [
            {
              messageId: "flushInsteadOfPipelineShutdown" as const,
              data: { flush: "provider.forceFlush()" },
              output: `${OTEL}export const handler = async (event) => {\n  tracer.startActiveSpan("h", (span) => span.end());\n  await provider.forceFlush();\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `${OTEL_IMPORTS}const processor = new BatchSpanProcessor(${EXPORTER});\nconst provider = new NodeTracerProvider({ spanProcessors: [processor] });\nprovider.register();\nconst tracer = provider.getTracer("x");\nexport const handler = async (event) => {\n  try {\n    return await tracer.startActiveSpan("h", async (span) => { span.end(); return event; });\n  } finally {\n    await processor.shutdown();\n  }\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedPipeline" as const,
          data: { name: "handler", platform: "AWS Lambda", tracer: "processor", flush: "processor.forceFlush()" },
          suggestions: [
            {
              messageId: "flushInsteadOfPipelineShutdown" as const,
              data: { flush: "processor.forceFlush()" },
              output: `${OTEL_IMPORTS}const processor = new BatchSpanProcessor(${EXPORTER});\nconst provider = new NodeTracerProvider({ spanProcessors: [processor] });\nprovider.register();\nconst tracer = provider.getTracer("x");\nexport const handler = async (event) => {\n  try {\n    return await tracer.startActiveSpan("h", async (span) => { span.end(); return event; });\n  } finally {\n    await processor.forceFlush();\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // NodeSDK has no forceFlush(): reported without a suggestion (the codemod leaves a review marker).
      code: `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nconst sdk = new NodeSDK({ traceExporter: ${EXPORTER} });\nsdk.start();\nexport const handler = async (event) => {\n  trace.getTracer("x").startActiveSpan("h", (span) => span.end());\n  await sdk.shutdown();\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedSdk" as const,
          data: { name: "handler", platform: "AWS Lambda", tracer: "sdk", flush: "provider.forceFlush()" },
          suggestions: [],
        },
      ],
    },
    {
      // NodeSDK next to a span processor the file keeps at module level: the marker and message name its flush.
      code: `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { trace } from "@opentelemetry/api";\nimport { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nconst processor = new BatchSpanProcessor(${EXPORTER});\nconst sdk = new NodeSDK({ spanProcessors: [processor] });\nsdk.start();\nexport const handler = async (event) => {\n  trace.getTracer("x").startActiveSpan("h", (span) => span.end());\n  await sdk.shutdown();\n};`,
      errors: [
        {
          messageId: "shutdownOfSharedSdk" as const,
          data: { name: "handler", platform: "AWS Lambda", tracer: "sdk", flush: "processor.forceFlush()" },
          suggestions: [],
        },
      ],
    },
    {
      // The platform's background form, in 1.x's API: Next.js `after()` on a serverless route.
      code: `${V1}export const maxDuration = 30;\nexport async function POST(request) {\n  const tracer = await tracerPromise;\n  tracer.startSession();\n  return Response.json(await answer(await request.json()));\n}`,
      filename: "app/api/chat/route.ts",
      errors: [
        {
          messageId: "missingFlush",
          data: { name: "POST", flush: "tracer.flush()", platform: "Next.js serverless function", recommended: "`after(() => tracer.flush())` (`next/server`) or `await tracer.flush()`" },
          suggestions: [
            {
              messageId: "afterFlush",
              data: { flush: "tracer.flush()" },
              output: `import { HoneyHiveTracer } from "honeyhive";\nimport { after } from "next/server";\nconst tracerPromise = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" });\nexport const maxDuration = 30;\nexport async function POST(request) {\n  const tracer = await tracerPromise;\n  after(() => tracer.flush());\n  tracer.startSession();\n  return Response.json(await answer(await request.json()));\n}`,
            },
          ],
        },
      ],
    },
    // 1.x: the fix writes 1.x's `tracer.flush()`, which 1.x has (it has no forceFlush).
    wrapped(`${V1}export const handler = async (event) => {\n  const tracer = await tracerPromise;\n  tracer.startSession();\n  return work(event);\n};`, "tracer.flush()", `${V1}export const handler = async (event) => {\n  const tracer = await tracerPromise;\n  try {\n    tracer.startSession();\n    return await work(event);\n  } finally {\n    await tracer.flush();\n  }\n};`),
    // 1.x whose handlers use the static flush: the fix writes it too.
    wrapped(`${V1}export const ok = async () => { await HoneyHiveTracer.flush(); };\nexport const handler = async (event) => {\n  (await tracerPromise).startSession();\n  return work(event);\n};`, "HoneyHiveTracer.flush()", `${V1}export const ok = async () => { await HoneyHiveTracer.flush(); };\nexport const handler = async (event) => {\n  try {\n    (await tracerPromise).startSession();\n    return await work(event);\n  } finally {\n    await HoneyHiveTracer.flush();\n  }\n};`),
    // 1.x through the module's promise: the tracer is what it resolves to.
    wrapped(`${V1}export const handler = async (event) => {\n  (await tracerPromise).startSession();\n  return work(event);\n};`, "(await tracerPromise).flush()", `${V1}export const handler = async (event) => {\n  try {\n    (await tracerPromise).startSession();\n    return await work(event);\n  } finally {\n    await (await tracerPromise).flush();\n  }\n};`),
    // OpenTelemetry to HoneyHive: flush the provider the file has.
    wrapped(`${OTEL}export const handler = async (event) =>\n  tracer.startActiveSpan("h", async (span) => {\n    try {\n      return await work(event);\n    } finally {\n      span.end();\n    }\n  });`, "provider.forceFlush()", `${OTEL}export const handler = async (event) => {\n  try {\n    return await tracer.startActiveSpan("h", async (span) => {\n      try {\n        return await work(event);\n      } finally {\n        span.end();\n      }\n    });\n  } finally {\n    await provider.forceFlush();\n  }\n};`),
    {
      // NodeSDK has no forceFlush and no way to its provider: reported, with no fix (the codemod leaves a marker).
      code: `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { trace } from "@opentelemetry/api";\nimport { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nconst sdk = new NodeSDK({ traceExporter: ${EXPORTER} });\nsdk.start();\nexport const handler = async (event) => {\n  trace.getTracer("x").startActiveSpan("h", (span) => span.end());\n};`,
      // The message names what is true (no `provider` here, NodeSDK has no forceFlush), in the words of migrate's marker.
      errors: [
        {
          messageId: "missingOtelFlush",
          data: {
            name: "handler",
            flush: "provider.forceFlush()",
            platform: "AWS Lambda",
            advice: "await the tracer provider's forceFlush() before this handler returns (NodeSDK has none: keep the provider or span processor in a module-level variable)",
          },
          suggestions: [],
        },
      ],
    },
    {
      // @vercel/otel's registerOTel() returns nothing to flush: the advice names what works there (a span processor handed in
      // through spanProcessors and flushed, or the registered provider reached through the global proxy's getDelegate()).
      code: `import { trace } from "@opentelemetry/api";\nimport { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";\nregisterOTel({ serviceName: "x", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });\nexport const handler = async (event) => {\n  trace.getTracer("x").startActiveSpan("h", (span) => span.end());\n};`,
      errors: [
        {
          messageId: "missingOtelFlush",
          data: {
            name: "handler",
            flush: "provider.forceFlush()",
            platform: "AWS Lambda",
            advice:
              "await a forceFlush() of the pipeline registerOTel() registers before this handler returns (registerOTel() returns nothing to flush: keep a BatchSpanProcessor " +
              "of its exporter in a module-level variable, give it to registerOTel() as spanProcessors: [processor] and await processor.forceFlush(), or " +
              "flush the provider it registers, await ((trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as BasicTracerProvider).forceFlush(), " +
              "with ProxyTracerProvider of @opentelemetry/api and BasicTracerProvider of @opentelemetry/sdk-trace-base)",
          },
          suggestions: [],
        },
      ],
    },
    // An exporter sends to HoneyHive by its url's variable, through a const, or by HoneyHive's key in its Authorization header.
    ...[
      `new OTLPTraceExporter({ url: process.env.HONEYHIVE_OTLP_URL })`,
      `new OTLPTraceExporter({ url: TRACES_URL })`,
      `new OTLPTraceExporter({ headers: { Authorization: \`Bearer \${process.env.HH_API_KEY}\` } })`,
    ].map((exporter) => {
      const head = `${OTEL_IMPORTS}const TRACES_URL = \`\${process.env.HH_API_URL}/opentelemetry/v1/traces\`;\nconst provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(${exporter})] });\nconst tracer = provider.getTracer("x");\n`;
      return wrapped(`${head}export const handler = async () => {\n  tracer.startActiveSpan("h", (span) => span.end());\n};`, "provider.forceFlush()", `${head}export const handler = async () => {\n  try {\n    tracer.startActiveSpan("h", (span) => span.end());\n  } finally {\n    await provider.forceFlush();\n  }\n};`);
    }),
    // `flush`/`shutdown` count only on a resolved receiver: a database pool's shutdown is no flush.
    wrapped(`import { HoneyHiveTracer } from "honeyhive";\nimport { Pool } from "pg";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst pool = new Pool();\nexport const handler = async () => {\n  tracer.createSession();\n  await pool.shutdown();\n};`, "tracer.forceFlush()", `import { HoneyHiveTracer } from "honeyhive";\nimport { Pool } from "pg";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nconst pool = new Pool();\nexport const handler = async () => {\n  try {\n    tracer.createSession();\n    await pool.shutdown();\n  } finally {\n    await tracer.forceFlush();\n  }\n};`),
    // `flush` on a `Client` of the project's own module is not LangSmith's `Client#flush`: it does not count.
    // Another SDK's flush beside a HoneyHive tracer (fix-lookalike-names D1): Langfuse (also optional-chained, through an `as`
    // alias), LangChain's CallbackHandler, LangSmith, Braintrust, Laminar flush their own spans, not the tracer's: reported, and
    // the fix flushes the tracer, the other SDK's flush kept where it is.
    ...OTHER_SDK_FLUSHES.map(([setup, body, params = "event"]) =>
      wrapped(
        `${LOCAL_TRACER}${setup}export const handler = async (${params}) => {\n${body.map((line) => `  ${line}\n`).join("")}};`,
        "tracer.forceFlush()",
        `${LOCAL_TRACER}${setup}export const handler = async (${params}) => {\n  try {\n${body.map((line) => `    ${line}\n`).join("")}  } finally {\n    await tracer.forceFlush();\n  }\n};`,
      ),
    ),
    // An OpenTelemetry MeterProvider's forceFlush() exports metrics, not the tracer's spans (NON_TRACE_PACKAGES).
    wrapped(
      `import { HoneyHiveTracer } from "honeyhive";\nimport { MeterProvider } from "@opentelemetry/sdk-metrics";\nconst metrics = new MeterProvider();\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const handler = async () => {\n  tracer.createSession({ sessionName: "h" });\n  await metrics.forceFlush();\n};`,
      "tracer.forceFlush()",
      `import { HoneyHiveTracer } from "honeyhive";\nimport { MeterProvider } from "@opentelemetry/sdk-metrics";\nconst metrics = new MeterProvider();\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const handler = async () => {\n  try {\n    tracer.createSession({ sessionName: "h" });\n    await metrics.forceFlush();\n  } finally {\n    await tracer.forceFlush();\n  }\n};`,
    ),
    // Two providers (fix-lookalike-names D2): the Honeycomb one's flush is not the flush of the one exporting to HoneyHive, which
    // the message and the fix name, whichever comes first in the file (also a 1.x-style `addSpanProcessor`).
    ...[TWO_PROVIDERS, TWO_PROVIDERS_ADDED].map((setup) =>
      wrapped(
        `${setup}export const handler = async () => {\n  honeycomb.getTracer("a").startSpan("a").end();\n  honeyhive.getTracer("b").startSpan("b").end();\n  await honeycomb.forceFlush();\n};`,
        "honeyhive.forceFlush()",
        `${setup}export const handler = async () => {\n  try {\n    honeycomb.getTracer("a").startSpan("a").end();\n    honeyhive.getTracer("b").startSpan("b").end();\n    await honeycomb.forceFlush();\n  } finally {\n    await honeyhive.forceFlush();\n  }\n};`,
      ),
    ),
    wrapped(`${LOCAL_TRACER}import { Client } from "./lib/db";\nconst client = new Client();\nexport const handler = async (event) => {\n  tracer.trace("h", () => work(event));\n  await client.flush();\n};`, "tracer.forceFlush()", `${LOCAL_TRACER}import { Client } from "./lib/db";\nconst client = new Client();\nexport const handler = async (event) => {\n  try {\n    tracer.trace("h", () => work(event));\n    await client.flush();\n  } finally {\n    await tracer.forceFlush();\n  }\n};`),
  ],
});
