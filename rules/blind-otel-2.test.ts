// Blind round otel-2: OPENTELEMETRY EXPORTING TO HONEYHIVE, WITH THE PIPELINE IN A MODULE OF ITS OWN (the mission's
// "code written against OpenTelemetry exporting to HoneyHive"). Each program (rules/test-utils/blind-otel-2-programs.ts,
// shared with codemods/blind-otel-2.test.ts) is written the way public code sets OpenTelemetry up: a NodeSDK or a
// NodeTracerProvider with an OTLP exporter to https://api.honeyhive.ai/opentelemetry/v1/traces in instrumentation.ts,
// otel.ts or tracing.js preloaded with --require/--import, @vercel/otel's registerOTel in Next.js, Traceloop with
// HoneyHive's base URL, OpenInference instrumentations, trace.getTracer() in handlers, Lambdas that never flush, the
// endpoint set only in serverless.yml, and exporters to Honeycomb, Langfuse and Datadog. Each is linted once with ALL
// EIGHT rules and asserts the exact messages, `rule:line` (short names: rules/test-utils/blind-cases.ts), written from
// docs/rules/*.md BEFORE the first run; where the first run disagreed, the case says who was wrong.
import { rules } from "./index.js";
import { describe, expect, it } from "vitest";
import { describeProgramRound, lintMessagesWithAllRules, type AnyRule } from "./test-utils/blind-cases.js";
import * as programs from "./test-utils/blind-otel-2-programs.js";

type Name = keyof typeof programs;

/** A program of the shared module, what it is, and the messages expected on it. */
const c = (name: Name, title: string, expected: readonly string[]) => ({ name, title, expected });

const PRELOADED_SERVERS = [
  c("NODESDK_INSTRUMENTATION_PRELOAD", "NodeSDK to HoneyHive in instrumentation.ts, preloaded with --import (SIGTERM shutdown)", []),
  c("EXPRESS_TRACING_JS_REQUIRE", "Express (CommonJS) with tracing.js preloaded by -r, startActiveSpan in a route", []),
  c("FASTIFY_OTEL_MJS_IMPORT", "otel.mjs preloaded with --import: NodeTracerProvider, BatchSpanProcessor, register()", []),
  c("NEXT_INSTRUMENTATION_NODESDK_DYNAMIC", "Next.js register() importing instrumentation.node (NodeSDK)", []),
  c("EXPRESS_ROUTER_MODULE_TRACER", "Express router using the tracer the otel module exports", []),
];

const LAMBDAS = [
  c("LAMBDA_PROVIDER_MODULE_TRACER_ONLY", "Lambda importing only the tracer of a module that exports its provider", ["flush:4"]),
  c("LAMBDA_ADD_SPAN_PROCESSOR_NO_FLUSH", "SQS Lambda, 1.x SDK addSpanProcessor + register() in the file, no flush", ["flush:20"]),
  c("LAMBDA_ADD_SPAN_PROCESSOR_FLUSHED", "the same Lambda with provider.forceFlush() in finally", []),
  c("LAMBDA_SIDE_EFFECT_NODESDK", "Lambda with import \"./instrumentation\" (NodeSDK) and trace.getTracer()", ["flush:4"]),
  c("LAMBDA_SIDE_EFFECT_PROVIDER_EXPORTED", "Lambda with import \"./otel/provider\" (exports the provider) and trace.getTracer()", ["flush:6"]),
  // Its own provider, shut down in the same invocation: that is its flush (docs/rules/require-force-flush-in-lambda.md).
  c("LAMBDA_PROVIDER_PER_INVOCATION", "a NodeTracerProvider built and registered per invocation", ["init:7"]),
  c("LAMBDA_SHARED_PROVIDER_SHUTDOWN", "provider.shutdown() of the imported provider in the handler", ["flush:8"]),
  c("LAMBDA_ENV_ONLY_HONEYHIVE", "OTLPTraceExporter() without url, OTEL_EXPORTER_OTLP_ENDPOINT to HoneyHive in serverless.yml", ["flush:9"]),
  c("LAMBDA_ENV_ONLY_HONEYCOMB", "the same, OTEL_EXPORTER_OTLP_ENDPOINT to Honeycomb", []),
  c("LAMBDA_HEADER_KEY_ONLY", "exporter url from a neutral variable, Authorization from HH_API_KEY", ["flush:15"]),
  c("LAMBDA_PRELOAD_NODE_OPTIONS", "Lambda preloading otel.js through NODE_OPTIONS=--require in serverless.yml", ["flush:3"]),
  c("LAMBDA_PRELOAD_NODE_OPTIONS_HONEYCOMB", "the same preload, exporting to Honeycomb", []),
  c("TWO_PROVIDERS_LAMBDA", "a Honeycomb and a HoneyHive provider; only Honeycomb's flushed", ["flush:13"]),
];

const VERCEL_AND_REGISTER = [
  c("NEXT_REGISTEROTEL_INSTRUMENTATION", "Next.js instrumentation.ts registerOTel({ traceExporter }) to HoneyHive", []),
  // @vercel/otel's span processor hands its flush to Vercel's request context (waitUntil) when a root span ends.
  c("NEXT_ROUTE_ON_VERCEL_REGISTEROTEL", "Next.js route on Vercel tracing with trace.getTracer() under registerOTel", []),
  c("LAMBDA_REGISTEROTEL_PER_INVOCATION", "registerOTel() to HoneyHive inside a Lambda handler", ["init:5", "flush:4"]),
  c("NEXT_REGISTEROTEL_LANGFUSE", "registerOTel with Langfuse's span processor", []),
  c("OWN_REGISTER_TELEMETRY_HONEYCOMB", "a project's own registerOTel() to Honeycomb (HoneyHive only in a comment)", []),
  c("AI_SDK7_REGISTER_TELEMETRY_OWN_PIPELINE", "AI SDK 7 registerTelemetry beside registerOTel to HoneyHive, no HoneyHive tracer", []),
];

const TRACELOOP_OPENINFERENCE = [
  // Traceloop's initialize({ baseUrl }) to HoneyHive is a pipeline into HoneyHive (knowledge/sdks/opentelemetry.ts);
  // its flush is the module's `traceloop.forceFlush()`.
  c("TRACELOOP_HONEYHIVE_LAMBDA", "Traceloop initialize({ baseUrl: HoneyHive }) in a Lambda, no forceFlush", ["flush:13"]),
  c("TRACELOOP_HONEYHIVE_LAMBDA_FLUSHED", "the same with await traceloop.forceFlush()", []),
  c("TRACELOOP_ENV_BASE_URL_HONEYHIVE", "Traceloop's baseUrl from TRACELOOP_BASE_URL, which serverless.yml points at HoneyHive", ["flush:7"]),
  c("TRACELOOP_ENV_ONLY_HONEYHIVE", "Traceloop without baseUrl, TRACELOOP_BASE_URL to HoneyHive only in serverless.yml", ["flush:7"]),
  c("TRACELOOP_NAMED_IMPORT_HONEYHIVE", "import { initialize } from Traceloop to HoneyHive in a Lambda, no forceFlush", ["flush:7"]),
  // Traceloop's flush is another vendor's when Traceloop does not send to HoneyHive: the HoneyHive tracer stays unflushed.
  c("TRACELOOP_CLOUD_BESIDE_HONEYHIVE_TRACER", "Traceloop to its own cloud beside a HoneyHive tracer, only traceloop.forceFlush()", ["flush:9"]),
  c("TRACELOOP_HONEYCOMB_BESIDE_HONEYHIVE_TRACER", "Traceloop to Honeycomb beside a HoneyHive tracer, only traceloop.forceFlush()", ["flush:9"]),
  c("OWN_INITIALIZE_HONEYHIVE_URL", "a project's own initialize({ baseUrl: HoneyHive }) beside traceloop.withWorkflow", []),
  c("OPENINFERENCE_PROVIDER_REGISTERED", "OpenInference OpenAI instrumentation under a registered provider to HoneyHive", []),
  c("OPENINFERENCE_MANUAL_WITH_PROVIDER", "OpenInference LangChain instrumentation given the provider", []),
  c("HONEYHIVE_TRACER_OPENINFERENCE_NO_PROVIDER", "HoneyHive tracer beside new LangChainInstrumentation().manuallyInstrument()", ["provider:7"]),
];

const OTHER_VENDORS = [
  c("HONEYCOMB_OTLP_LAMBDA", "OTLP to Honeycomb (x-honeycomb-team) in a Lambda without flush", []),
  c("LANGFUSE_OTLP_LAMBDA", "OTLP to Langfuse's /api/public/otel in a Lambda without flush", []),
  c("DATADOG_AGENT_OTLP", "NodeSDK to the Datadog Agent's OTLP intake", []),
  c("HONEYCOMB_NODE_SDK_WORKER", "HoneycombSDK in a BullMQ worker", []),
];

const GROUPS = [
  ["preloaded pipelines of servers", PRELOADED_SERVERS],
  ["Lambda handlers", LAMBDAS],
  ["@vercel/otel and register look-alikes", VERCEL_AND_REGISTER],
  ["Traceloop and OpenInference", TRACELOOP_OPENINFERENCE],
  ["other vendors", OTHER_VENDORS],
] as const;

describeProgramRound("blind-otel-2", rules as unknown as Record<string, AnyRule>, programs, GROUPS, 30);

describe("blind-otel-2: the flush the rule suggests for Traceloop's initialize imported by name", () => {
  it("adds forceFlush to the import and awaits it in a finally", () => {
    const { path, code, files } = programs.TRACELOOP_NAMED_IMPORT_HONEYHIVE;
    const messages = lintMessagesWithAllRules(rules as unknown as Record<string, AnyRule>, path, code, files);
    const fix = messages.find((message) => message.ruleId === "honeyhive/require-force-flush-in-lambda")?.suggestions?.[0]?.fix;
    expect(fix).toBeDefined();
    const fixed = code.slice(0, fix!.range[0]) + fix!.text + code.slice(fix!.range[1]);
    expect(fixed).toContain(`import { initialize, withWorkflow, forceFlush } from "@traceloop/node-server-sdk";`);
    expect(fixed).toMatch(/ {2}try \{\n[^]*\n {2}\} finally \{\n {4}await forceFlush\(\);\n {2}\}\n/);
  });
});
