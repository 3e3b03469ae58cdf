// Blind round otel-2 for `honeyhive migrate`: the programs of rules/blind-otel-2.test.ts
// (rules/test-utils/blind-otel-2-programs.ts: OpenTelemetry exporting to HoneyHive, or to another vendor), migrated
// with the 2.x set in one in-process batch. The reported Lambdas become what docs/codemods.md promises (lambda-force-flush:
// the provider's forceFlush() in a finally, the provider imported through the module's import, a shared pipeline's
// shutdown() turned into forceFlush(); a review marker where the pipeline has no flush to write: NodeSDK, registerOTel,
// a pipeline built per invocation); the quiet ones come out byte for byte. Expectations were written from
// docs/codemods.md and docs/rules/*.md before the first run; where the first run disagreed, the expectation says who
// was wrong.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { removeProjects } from "./cli/test-utils/project.js";
import { MARKER_PREFIX } from "./engine/markers.js";
import * as programs from "../rules/test-utils/blind-otel-2-programs.js";
import { blindProgramRuns, describeSetExpectations, type Expectation, type KnownExpectation } from "./cli/test-utils/shapes.js";

type Name = keyof typeof programs;

const { projects: PROJECTS, runs, edited, unchanged } = blindProgramRuns(programs);

/** The edit that puts `body` (whole lines, indented two spaces) into `try { … } finally { <flush> }`. */
function wrap(body: string, flush: string, ...returns: readonly (readonly [string, string])[]): readonly [string, string] {
  let inner = body.replace(/^(?=.)/gm, "  ");
  for (const [before, after] of returns) inner = inner.replace(before, after);
  return [body, `  try {\n${inner}  } finally {\n    ${flush};\n  }\n`];
}

/** The program `name` after migrate holds one review marker, right above `line`, saying all of `words`. */
const markedAbove = (name: Name, why: string, line: string, words: readonly string[]): Expectation => ({
  name: `${name}: ${why}`,
  check: () => {
    const text = runs.out(name, programs[name].path);
    expect(text.split(MARKER_PREFIX).length - 1, text).toBe(1);
    const marker = new RegExp(`/\\* ${MARKER_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\n]*\\*/\\n[ \\t]*${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
    expect(text).toMatch(marker);
    for (const word of words) expect(text).toContain(word);
    expect(text.replace(/[ \t]*\/\* honeyhive-migrate:[^\n]*\*\/\n/, "")).toBe(programs[name].code);
  },
});

const EXPECTATIONS: readonly Expectation[] = [
  // --- preloaded pipelines of servers: nothing to do ------------------------------------------------------------
  unchanged("NODESDK_INSTRUMENTATION_PRELOAD"),
  unchanged("EXPRESS_TRACING_JS_REQUIRE"),
  unchanged("FASTIFY_OTEL_MJS_IMPORT"),
  unchanged("NEXT_INSTRUMENTATION_NODESDK_DYNAMIC"),
  unchanged("EXPRESS_ROUTER_MODULE_TRACER"),
  // --- Lambdas ----------------------------------------------------------------------------------------------------
  edited(
    "LAMBDA_PROVIDER_MODULE_TRACER_ONLY",
    "the module's provider joins the import and is flushed in a finally",
    [`import { tracer } from "./otel";`, `import { tracer, provider } from "./otel";`],
    wrap(
      `  return tracer.startActiveSpan("score", async (span) => {
    const { answer } = JSON.parse(event.body ?? "{}") as { answer: string };
    span.setAttribute("answer.length", answer.length);
    span.end();
    return { statusCode: 200, body: JSON.stringify({ score: answer.length > 20 ? 1 : 0 }) };
  });
`,
      "await provider.forceFlush()",
      ["return tracer.startActiveSpan(", "return await tracer.startActiveSpan("],
    ),
  ),
  {
    name: "LAMBDA_ADD_SPAN_PROCESSOR_NO_FLUSH: becomes the flushed program, byte for byte",
    check: () => expect(runs.out("LAMBDA_ADD_SPAN_PROCESSOR_NO_FLUSH", "src/ingest.ts")).toBe(programs.LAMBDA_ADD_SPAN_PROCESSOR_FLUSHED.code),
  },
  unchanged("LAMBDA_ADD_SPAN_PROCESSOR_FLUSHED"),
  markedAbove("LAMBDA_SIDE_EFFECT_NODESDK", "NodeSDK has no forceFlush(): a marker above the handler", "export const handler", ["NodeSDK has none"]),
  edited(
    "LAMBDA_SIDE_EFFECT_PROVIDER_EXPORTED",
    "the side-effect import imports the provider, flushed in a finally",
    [`import "./otel/provider";`, `import { provider } from "./otel/provider";`],
    wrap(
      `  const payload = JSON.parse(event.body) as { type: string };
  await tracer.startActiveSpan(\`webhook.\${payload.type}\`, async (span) => {
    span.end();
  });
  return { statusCode: 204 };
`,
      "await provider.forceFlush()",
    ),
  ),
  markedAbove("LAMBDA_PROVIDER_PER_INVOCATION", "a pipeline per invocation: a marker (module level; the shutdown becomes a flush)", "const provider = new NodeTracerProvider", [
    "module level",
    "forceFlush",
  ]),
  edited("LAMBDA_SHARED_PROVIDER_SHUTDOWN", "the shared provider's shutdown() becomes forceFlush()", ["await provider.shutdown();", "await provider.forceFlush();"]),
  edited(
    "LAMBDA_ENV_ONLY_HONEYHIVE",
    "HoneyHive set by serverless.yml: the provider flushed in a finally",
    wrap(
      `  const reply = await trace.getTracer("chat").startActiveSpan("reply", async (span) => {
    span.end();
    return event.body.trim();
  });
  return { statusCode: 200, body: reply };
`,
      "await provider.forceFlush()",
    ),
  ),
  unchanged("LAMBDA_ENV_ONLY_HONEYCOMB"),
  edited(
    "LAMBDA_HEADER_KEY_ONLY",
    "HoneyHive by its key header: the provider (not the processor) flushed in a finally",
    wrap(
      `  const label = await tracer.startActiveSpan("classify", async (span) => {
    span.end();
    return event.text.includes("refund") ? "billing" : "other";
  });
  return { label };
`,
      "await provider.forceFlush()",
    ),
  ),
  // First expectation imported the provider with a require() added to the handler: wrong by docs/rules (the fix adds
  // a name only to an import of the module the file already has; a preload is none), so a marker names the module.
  markedAbove("LAMBDA_PRELOAD_NODE_OPTIONS", "a pipeline the NODE_OPTIONS preload registers: a marker naming its provider", "exports.handler", [
    "NodeTracerProvider that ../otel.js exports as provider",
  ]),
  unchanged("LAMBDA_PRELOAD_NODE_OPTIONS_HONEYCOMB"),
  edited(
    "TWO_PROVIDERS_LAMBDA",
    "HoneyHive's provider flushed, Honeycomb's flush kept",
    wrap(
      `  const text = await llmTracer.startActiveSpan("generate", async (span) => {
    span.end();
    return event.prompt.toUpperCase();
  });
  await honeycomb.forceFlush();
  return { text };
`,
      "await honeyhive.forceFlush()",
    ),
  ),
  // --- @vercel/otel and register look-alikes ------------------------------------------------------------------------
  unchanged("NEXT_REGISTEROTEL_INSTRUMENTATION"),
  unchanged("NEXT_ROUTE_ON_VERCEL_REGISTEROTEL"),
  {
    name: "LAMBDA_REGISTEROTEL_PER_INVOCATION: markers for the per-invocation registerOTel and for the flush it cannot write",
    check: () => {
      const text = runs.out("LAMBDA_REGISTEROTEL_PER_INVOCATION", "src/handler.ts");
      expect(text.split(MARKER_PREFIX).length - 1, text).toBe(2);
      expect(text.replace(/[ \t]*\/\* honeyhive-migrate:[^\n]*\*\/\n/g, "")).toBe(programs.LAMBDA_REGISTEROTEL_PER_INVOCATION.code);
      expect(text).toContain("spanProcessors");
    },
  },
  unchanged("NEXT_REGISTEROTEL_LANGFUSE"),
  unchanged("OWN_REGISTER_TELEMETRY_HONEYCOMB"),
  unchanged("AI_SDK7_REGISTER_TELEMETRY_OWN_PIPELINE"),
  // --- Traceloop and OpenInference ------------------------------------------------------------------------------------
  edited(
    "TRACELOOP_HONEYHIVE_LAMBDA",
    "Traceloop to HoneyHive: traceloop.forceFlush() in a finally",
    wrap(
      `  const answer = await traceloop.withWorkflow({ name: "answer" }, async () => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.question }] });
    return completion.choices[0]?.message.content ?? "";
  });
  return { statusCode: 200, body: answer };
`,
      "await traceloop.forceFlush()",
    ),
  ),
  unchanged("TRACELOOP_HONEYHIVE_LAMBDA_FLUSHED"),
  // TRACELOOP_BASE_URL points Traceloop at HoneyHive, read by `baseUrl` or by default (no HoneyHive text in the code then).
  ...(["TRACELOOP_ENV_BASE_URL_HONEYHIVE", "TRACELOOP_ENV_ONLY_HONEYHIVE"] as const).map((name) =>
    edited(
      name,
      "Traceloop to HoneyHive through TRACELOOP_BASE_URL in serverless.yml: traceloop.forceFlush() in a finally",
      wrap(
        `  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.body }] });
  return { statusCode: 200, body: completion.choices[0]?.message.content ?? "" };
`,
        "await traceloop.forceFlush()",
      ),
    ),
  ),
  edited(
    "TRACELOOP_NAMED_IMPORT_HONEYHIVE",
    "initialize imported by name: forceFlush joins the import and is awaited in a finally",
    [`import { initialize, withWorkflow } from "@traceloop/node-server-sdk";`, `import { initialize, withWorkflow, forceFlush } from "@traceloop/node-server-sdk";`],
    wrap(
      `  const answer = await withWorkflow({ name: "answer" }, async () => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.question }] });
    return completion.choices[0]?.message.content ?? "";
  });
  return { statusCode: 200, body: answer };
`,
      "await forceFlush()",
    ),
  ),
  // Traceloop sends elsewhere: its flush is not the HoneyHive tracer's, which gets its own.
  ...(["TRACELOOP_CLOUD_BESIDE_HONEYHIVE_TRACER", "TRACELOOP_HONEYCOMB_BESIDE_HONEYHIVE_TRACER"] as const).map((name) =>
    edited(
      name,
      "the HoneyHive tracer's forceFlush() in a finally, Traceloop's flush left as it is",
      wrap(
        `  const answer = await tracer.trace("answer", async () => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.question }] });
    return completion.choices[0]?.message.content ?? "";
  });
  await traceloop.forceFlush();
  return { statusCode: 200, body: answer };
`,
        "await tracer.forceFlush()",
      ),
    ),
  ),
  unchanged("OWN_INITIALIZE_HONEYHIVE_URL"),
  unchanged("OPENINFERENCE_PROVIDER_REGISTERED"),
  unchanged("OPENINFERENCE_MANUAL_WITH_PROVIDER"),
  edited("HONEYHIVE_TRACER_OPENINFERENCE_NO_PROVIDER", "OpenInference's constructor gets tracerProvider: tracer.provider", [
    "new LangChainInstrumentation().manuallyInstrument(",
    "new LangChainInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(",
  ]),
  // --- other vendors --------------------------------------------------------------------------------------------------
  unchanged("HONEYCOMB_OTLP_LAMBDA"),
  unchanged("LANGFUSE_OTLP_LAMBDA"),
  unchanged("DATADOG_AGENT_OTLP"),
  unchanged("HONEYCOMB_NODE_SDK_WORKER"),
];

const KNOWN: readonly KnownExpectation[] = [];

describe("honeyhive migrate on blind round otel-2's programs", () => {
  beforeAll(runs.migrate, 300_000);
  afterAll(() => removeProjects());
  describeSetExpectations(PROJECTS, runs.runOf, EXPECTATIONS, KNOWN);
});
