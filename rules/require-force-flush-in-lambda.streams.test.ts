// The flush rule on streamed responses (streams-2, issue 13's leftovers): what starts a span (knowledge/span-starts.ts),
// which streams reach the response (knowledge/streams.ts `STREAM_RESPONSES`), traced scopes the handler returns or
// leaves running in expression form, where the fix awaits the flush at the stream's end (`StreamEnd`), and the AI SDK's
// root span, which ends after `onFinish` (vercel/ai stream-text.ts; see knowledge/streams.ts).
import type { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./require-force-flush-in-lambda.js";
import { type AnyRule, type Case, lintCase } from "./test-utils/blind-cases.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const TRACER = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\n`;
const handler = (body: string): string => `${TRACER}export const handler = async (event: { body: string }) => {\n${body}};\n`;

// (1) What starts a span: OpenTelemetry's startActiveSpan/startSpan on a tracer of the HoneyHive provider, and the AI
// SDK's telemetry with such a tracer; a span they start after the handler's last flush is not flushed by it.
const OTEL_TRACER = `const otelTracer = tracer.provider.getTracer("app");\n`;
const lateOtelSpan = (flushLast: boolean): string =>
  `${TRACER}${OTEL_TRACER}export const handler = async (event: { body: string }) => {\n  tracer.createSession();\n${flushLast ? "" : "  await tracer.forceFlush();\n"}  const out = await otelTracer.startActiveSpan("late", async (span) => {\n    span.end();\n    return event.body;\n  });\n${flushLast ? "  await tracer.forceFlush();\n" : ""}  return { statusCode: 200, body: out };\n};\n`;
const lateTelemetry = (tracerOption: string): string =>
  `import { generateText } from "ai";\n${TRACER}declare const model: Parameters<typeof generateText>[0]["model"];\nexport const handler = async (event: { body: string }) => {\n  tracer.createSession();\n  await tracer.forceFlush();\n  const { text } = await generateText({ model, prompt: event.body, experimental_telemetry: { isEnabled: true${tracerOption} } });\n  return { statusCode: 200, body: text };\n};\n`;

/** The messageIds of the rule's reports on `code` (as src/handler.ts, a Lambda handler). */
const reportsOn = (code: string): string[] =>
  lintCase(RULE_NAME, rule as unknown as AnyRule, { name: "", code }).flatMap((message) => (message.ruleId === `honeyhive/${RULE_NAME}` ? [message.messageId ?? ""] : []));

describe(`${RULE_NAME}: span starts`, () => {
  it("reported: an OpenTelemetry span of the HoneyHive provider's tracer started after the flush", () => expect(reportsOn(lateOtelSpan(false))).toEqual(["missingFlush"]));
  it("quiet: the same span before the flush", () => expect(reportsOn(lateOtelSpan(true))).toEqual([]));
  it("reported: AI SDK telemetry with the HoneyHive provider's tracer after the flush", () =>
    expect(reportsOn(lateTelemetry(`, tracer: tracer.provider.getTracer("ai")`))).toEqual(["missingFlush"]));
  // Telemetry without a tracer goes to the global provider, which this SDK never registers: no span reaches HoneyHive.
  it("quiet: AI SDK telemetry without a tracer after the flush", () => expect(reportsOn(lateTelemetry(""))).toEqual([]));
  it("quiet: a tracer of the global provider (not HoneyHive's) after the flush", () =>
    expect(
      reportsOn(
        `import { trace } from "@opentelemetry/api";\n${TRACER}const other = trace.getTracer("x");\nexport const handler = async (event: { body: string }) => {\n  tracer.createSession();\n  await tracer.forceFlush();\n  other.startActiveSpan("late", (span) => span.end());\n  return { statusCode: 200 };\n};\n`,
      ),
    ).toEqual([]));
  it("reported: a honeyhive 1.x traceModel wrapper called after the flush", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });\nconst answer = tracer.traceModel(async (q: string) => q);\nexport const handler = async (event: { body: string }) => {\n  await tracer.flush();\n  const out = await answer(event.body);\n  return { statusCode: 200, body: out };\n};\n`;
    const files = { "package.json": JSON.stringify({ name: "app", private: true, type: "module", dependencies: { honeyhive: "^1.0.42" } }) };
    const own = lintCase(RULE_NAME, rule as unknown as AnyRule, { name: "1.x", code, filename: "src/handler.ts", files }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`);
    expect(own.map((message) => message.messageId)).toEqual(["missingFlush"]);
  });
});

// (2) Only a stream that reaches the response runs after the handler returned; one the handler reads itself runs on its path.
const STREAM = `new ReadableStream({\n    async start(controller) {\n      controller.enqueue(await tracer.startSpan("answer", async () => event.body));\n      controller.close();\n    },\n  })`;
describe(`${RULE_NAME}: streams that reach the response`, () => {
  it("quiet: a stream the handler reads itself, then flushes", () =>
    expect(reportsOn(handler(`  const text = await new Response(${STREAM}).text();\n  await tracer.forceFlush();\n  return { statusCode: 200, body: text };\n`))).toEqual([]));
  it("quiet: the same through a variable", () =>
    expect(reportsOn(handler(`  const stream = ${STREAM};\n  const text = await new Response(stream).text();\n  await tracer.forceFlush();\n  return { statusCode: 200, body: text };\n`))).toEqual([]));
  it("reported: a stream carried on by pipeThrough into the returned Response", () =>
    expect(reportsOn(handler(`  const body = ${STREAM}.pipeThrough(new TextEncoderStream());\n  try {\n    return new Response(body);\n  } finally {\n    await tracer.forceFlush();\n  }\n`))).toEqual([
      "missingFlushAfterStream",
    ]));
});

// (3) A traced scope the handler returns, or leaves running through a `.then(…)` chain.
describe(`${RULE_NAME}: traced scopes in expression form`, () => {
  it("reported: the stream made in a span callback the handler returns", () =>
    expect(reportsOn(handler(`  try {\n    return await tracer.startSpan("chat", async () => new Response(${STREAM}));\n  } finally {\n    await tracer.forceFlush();\n  }\n`))).toEqual([
      "missingFlushAfterStream",
    ]));
  it("reported: a traced scope writing the stream, left running through .then()", () =>
    expect(
      reportsOn(
        handler(
          `  const { readable, writable } = new TransformStream();\n  const writer = writable.getWriter();\n  tracer.startSpan("generate", async () => {\n    await writer.write(event.body);\n  }).then(() => writer.close());\n  try {\n    return new Response(readable);\n  } finally {\n    await tracer.forceFlush();\n  }\n`,
        ),
      ),
    ).toEqual(["missingFlushAfterStream"]));
});

// (4) Where the fix awaits the flush at the stream's end, and where it leaves a marker.
const transformRoute = (flushMethod: string): string =>
  handler(
    `  const upper = new TransformStream<string, string>({\n    async transform(chunk, controller) {\n      controller.enqueue(await tracer.startSpan("chunk", async () => chunk.toUpperCase()));\n    },${flushMethod}\n  });\n  return new Response(new Blob([event.body]).stream().pipeThrough(new TextDecoderStream()).pipeThrough(upper));\n`,
  );
const FLUSH_METHOD = (flush: boolean): string => `\n    async flush(controller) {\n      controller.enqueue("\\n");${flush ? "\n      await tracer.forceFlush();" : ""}\n    },`;
ruleTester.run(`${RULE_NAME} the flush at the stream's end`, testedRule, {
  valid: [transformRoute(FLUSH_METHOD(true))],
  invalid: [
    {
      code: transformRoute(FLUSH_METHOD(false)),
      filename: "src/handler.ts",
      errors: [{ messageId: "missingFlushAfterStream", suggestions: [{ messageId: "flushAtStreamEnd", data: { flush: "tracer.forceFlush()" }, output: transformRoute(FLUSH_METHOD(true)) }] }],
    },
    // No flush() of its own: no end the fix can await at (a marker in migrate).
    { code: transformRoute(""), filename: "src/handler.ts", errors: [{ messageId: "missingFlushAfterStream", suggestions: [] }] },
  ],
});

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: "app", private: true, dependencies: deps });
const WORKERS = {
  "package.json": pkg({ honeyhive: "^2.0.0", hono: "^4.6.0" }),
  "wrangler.toml": `name = "assistant"\nmain = "src/index.ts"\ncompatibility_date = "2024-11-01"\n`,
  "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ project: "assistant" });\n`,
};
const honoRoute = (flush: boolean): string => `import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.post("/chat", (c) => {
  tracer.createSession({ sessionName: "chat" });
  return streamSSE(c, async (stream) => {
    const words = await tracer.startSpan("answer", async () => ["hello", "world"]);
    for (const word of words) await stream.writeSSE({ data: word });${flush ? "\n    await tracer.forceFlush();" : ""}
  });
});

export default app;
`;
const LAMBDA = { "package.json": pkg({ honeyhive: "^2.0.0", ai: "^4.1.0" }), "src/tracing.ts": WORKERS["src/tracing.ts"] };
const aiRoute = (telemetry: boolean, flush: boolean): string => `import { streamText } from "ai";
import { tracer } from "./tracing";

declare const model: Parameters<typeof streamText>[0]["model"];

export const handler = async (event: { body: string }) => {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({
    model,
    prompt: event.body,${telemetry ? `\n    experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },` : ""}
    onFinish: async ({ text }) => {
      await tracer.startSpan("store", async () => text.length);${flush ? "\n      await tracer.forceFlush();" : ""}
    },
  });
  return result.toTextStreamResponse();
};
`;

/** The rule's reports on `testCase`, and the text after applying the first report's `flushAtStreamEnd` suggestion. */
function lintAndSuggest(testCase: Case): { reports: number; suggested: string | undefined } {
  const own = lintCase(RULE_NAME, rule as unknown as AnyRule, testCase).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`);
  const suggestion = own[0]?.suggestions?.find((candidate: Linter.LintSuggestion) => candidate.messageId === "flushAtStreamEnd");
  const suggested = suggestion && testCase.code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + testCase.code.slice(suggestion.fix.range[1]);
  return { reports: own.length, suggested };
}

describe(`${RULE_NAME}: the flush at the end of a Hono stream callback and of the AI SDK's onFinish`, () => {
  it("Hono streamSSE on Workers: the flush is awaited last in the callback (Hono closes the stream after it)", () => {
    const { reports, suggested } = lintAndSuggest({ name: "hono", code: honoRoute(false), filename: "src/index.ts", files: WORKERS });
    expect(reports).toBe(1);
    expect(suggested).toBe(honoRoute(true));
    expect(lintAndSuggest({ name: "hono flushed", code: honoRoute(true), filename: "src/index.ts", files: WORKERS }).reports).toBe(0);
  });

  it("AI SDK without telemetry on Lambda: the flush is awaited last in onFinish (the response ends after it)", () => {
    const { reports, suggested } = lintAndSuggest({ name: "ai", code: aiRoute(false, false), filename: "src/chat.ts", files: LAMBDA });
    expect(reports).toBe(1);
    expect(suggested).toBe(aiRoute(false, true));
    expect(lintAndSuggest({ name: "ai flushed", code: aiRoute(false, true), filename: "src/chat.ts", files: LAMBDA }).reports).toBe(0);
  });

  it("AI SDK with telemetry: a flush in onFinish misses the root span ai.streamText (it ends after onFinish): reported, no suggestion", () => {
    const { reports, suggested } = lintAndSuggest({ name: "ai telemetry", code: aiRoute(true, true), filename: "src/chat.ts", files: LAMBDA });
    expect(reports).toBe(1);
    expect(suggested).toBeUndefined();
  });

  it("migrate writes what the suggestion writes", () => {
    const code = transformRoute(FLUSH_METHOD(false));
    expect(runTransforms(code, "src/handler.ts", { transforms: ["lambda-force-flush"] }).output).toBe(transformRoute(FLUSH_METHOD(true)));
  });
});
