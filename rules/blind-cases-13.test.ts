// Blind cases, thirteenth round: LLM APP SHAPES — STREAMING, AGENTS, TOOLS AND BACKGROUND WORK, across the eight rules.
// Earlier rounds wrote handlers that return a JSON body; LLM apps stream and work after the response: Next.js route
// handlers returning `new Response(new ReadableStream({ start }))`, the Vercel AI SDK's `streamText({ onFinish })` +
// `toDataStreamResponse()` / `toUIMessageStreamResponse()`, OpenAI `stream: true` read with `for await`, SSE through
// `res.write` + `res.end`, Lambda's `awslambda.streamifyResponse`, Hono's `streamSSE`, Fastify's `reply.raw`; work after
// the response (Next.js `after()`, `waitUntil`, Workers `ctx.waitUntil`, SQS batches with `Promise.all`, BullMQ workers,
// cron); agents and tools (tool functions wrapped with `tracer.trace(…)` or 1.x `traceTool`, recursive agent loops,
// `Promise.all` fan-out, MCP tools, LangChain chat histories keyed by a session id, conversation ids from the client);
// instrumentors in LLM apps (OpenInference and Traceloop instrumentations, AI SDK telemetry). About 40% are quiet
// look-alikes: a stream that flushes in `finally` after its last chunk, `after(() => tracer.forceFlush())`, another
// vendor's tracer, LangChain's `sessionId` option, a `trace` of another package.
//
// Written before reading the analysis code (analysis/**, rules/*.ts), from the seeds (/work/shared/seeds/: "call
// tracer.force_flush() before returning so buffered spans are exported before the runtime freezes", "Don't use
// session_start() for web servers", "If receiving session_id from external source, validate it's UUID v4", "Initialize
// the tracer before any instrumentor ... pass tracer.provider"), ARCHITECTURE.md, README and docs/rules/*.md
// (require-force-flush-in-lambda: "A flush handed to the platform to finish after the response counts ...
// `after(() => tracer.forceFlush())`", the platform table, "every statement that sends it is an exit too";
// no-tracer-init-in-handler: "a cron tick (node-cron), or a queue worker's ... per-job callback", "inside a loop body or a
// per-item callback"; no-session-start-in-handler's "Queue workers" and "MCP servers" rows; tracer-provider-for-
// instrumentors: OpenInference/Traceloop constructors, "a Vercel AI SDK call (`generateText`, `streamText`, …) with
// `experimental_telemetry: { isEnabled: … }` and no `tracer`"; no-global-tracer-with-evaluate: "the functions of the same
// file it calls"; require-valid-session-id: "Not sources: a queue job"). Vendor APIs checked with the search tool: Next.js
// `after` (nextjs.org/docs/app/api-reference/functions/after: runs "after a response (or prerender) is finished"), Hono
// `streamSSE(c, cb)` (hono/dist/types/helper/streaming/sse.d.ts), AI SDK `streamText`/`streamObject` (vercel/ai: `await
// onFinish?.(…)` runs in the flush of the result's TransformStream, so the response's stream ends after onFinish settles).
// Each case asserts the CORRECT behaviour: `reported` (at least one report of the rule) or `quiet` (none). Cases the core
// does not get right are in the labelled KNOWN block, asserting today's behaviour with a reason each (harness:
// ./test-utils/blind-cases.ts).
import { describe } from "vitest";
import { type AnyRule, type Case, describeBlindCases, type Known, caseOf as c } from "./test-utils/blind-cases.js";
import flushRule, { RULE_NAME as FLUSH_RULE } from "./require-force-flush-in-lambda.js";
import initRule, { RULE_NAME as INIT_RULE } from "./no-tracer-init-in-handler.js";
import providerRule, { RULE_NAME as PROVIDER_RULE } from "./tracer-provider-for-instrumentors.js";
import explicitRule, { RULE_NAME as EXPLICIT_RULE } from "./require-explicit-tracer.js";
import sessionStartRule, { RULE_NAME as SESSION_START_RULE } from "./no-session-start-in-handler.js";
import evaluateRule, { RULE_NAME as EVALUATE_RULE } from "./no-global-tracer-with-evaluate.js";
import lostContextRule, { RULE_NAME as LOST_CONTEXT_RULE } from "./no-lost-session-context.js";
import sessionIdRule, { RULE_NAME as SESSION_ID_RULE } from "./require-valid-session-id.js";
import { HH2, pkg, tracingModule } from "./test-utils/programs.js";

// Cases the core gets wrong today (`Known` in ./test-utils/blind-cases.ts); each says why, and where.
// First run (102 cases, 2026-12-06): 4 misses and 2 false reports, all of require-force-flush-in-lambda and all about
// WHEN a streamed response's work runs; the other seven rules got every case right (streamed routes, SSE, queue workers,
// cron, MCP tools, SQS fan-out, OpenInference/Traceloop/AI SDK telemetry, 1.x traceTool under evaluate(), conversation
// ids from bodies, params, cookies and headers, LangChain's `sessionId`, another package's `trace`). Three engine causes:
// (A) FLUSH BEFORE THE STREAM: analysis/flush.ts:297 (`MustFlush.expression`): once a path has awaited a flush its state
//     stays `true`; tracing after the flush (the completion's spans while it streams) is never asked for, so a flush
//     written before the stream satisfies every path, and on Cloud Functions the `res.end()` send check (flush.ts:318,
//     `sendStatements`) passes for the same reason. Needs "a flush after the last tracer use", an engine change.
// (B) A BACKGROUND FLUSH REGISTERED BEFORE THE STREAM RUNS: flush.ts:167 (`isBackgroundFlush`) credits
//     `waitUntil(tracer.forceFlush())` / `ctx.waitUntil(…)` where it is registered, and flush.ts:513
//     (`flushesAroundNext`) a flush after `await next()`; a returned streamed Response (`new Response(stream)`,
//     `streamSSE(c, cb)`) runs its stream after the handler returned, so that flush settles before the stream's spans
//     end. The fix writes this very form for streamed handlers (analysis/fixes/flush.ts:216 `form()`; codemods/blind-13).
// (C) A FLUSH IN THE STREAM'S OWN TASK IS NOT SEEN: flush.ts:473 (`unconditionallyAwaitsFlush`) skips nested functions,
//     so an awaited flush at the end of the ReadableStream's `start()` or in the AI SDK's `onFinish` (awaited in the flush
//     of its stream, so the response ends after it) is not the handler's: a false report, and the codemod adds an
//     `after()` flush to a file that flushes already. Telling which callbacks run before the response ends needs a
//     knowledge table (ReadableStream `start`/`pull` of a returned Response, `streamText`'s `onFinish` with a
//     `to…StreamResponse()` returned, Hono's `streamSSE` callback) and engine code to read it.
// All three fixed by fix-blind13 (entries removed): (A) the must-analysis now asks for a flush after the path's last
// span start (analysis/flush.ts `lastFlushEvent`, `SpanTest`; the rule's segment levels agree), `after()` alone
// outlasting later spans; (B) and (C) read what runs while the response streams from a table
// (analysis/knowledge/streams.ts, analysis/stream-work.ts): a stream task that flushes at its end flushes the handler,
// one that traces without doing so leaves only `after()` to cover it, and a Hono middleware's flush after
// `await next()` no longer covers a route whose stream traces (analysis/handlers.ts). The fix writes `after()` or a
// review marker for such a handler, never the `finally` flush (analysis/fixes/flush.ts `flushFix`).
const KNOWN: readonly Known[] = [
  // Second batch, first run (20 cases): 9 misses, 1 of the flush rule (B again, Hono's streamHandle middleware: the entry above) and
  // 8 knowledge: (D) AGENT TOOLS AND GRAPH NODES: no descriptor under analysis/knowledge/frameworks/ registered an AI SDK
  // `tool({ execute })`, Mastra `createTool({ execute })`, the OpenAI Agents SDK's `tool({ execute })`, LangChain's
  // `tool(fn, …)` or a LangGraph `addNode(name, fn)` as a per-call callback, so neither no-tracer-init-in-handler nor
  // no-session-start-in-handler saw them. Fixed in knowledge: analysis/knowledge/frameworks/agent-tools.ts (`agentTools`,
  // `langGraph`); the quiet cases beside them (a tool using the module tracer, the app's own `tool()` registry, a Mastra
  // Agent at module level, createSession in a tool, a LangGraph script) stay quiet.
];
const describeCases = (ruleName: string, rule: AnyRule, cases: { reported: readonly Case[]; quiet: readonly Case[] }): void =>
  describeBlindCases(ruleName, rule, cases, KNOWN);

const TRACING_TS = tracingModule("assistant");
const GETTER_TS = `import { HoneyHiveTracer } from "honeyhive";

let tracer: HoneyHiveTracer | undefined;
export function getTracer(): HoneyHiveTracer {
  tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
  return tracer;
}
`;
const TSCONFIG_AT = JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } });
const AI_DEPS = { ai: "^4.1.0", "@ai-sdk/openai": "^1.1.0", openai: "^4.77.0" };
/** A Next.js app deployed on Vercel (serverless route handlers), with the `@/` alias. */
const NEXT_VERCEL = {
  "package.json": pkg({ ...HH2, ...AI_DEPS, next: "^15.1.0", react: "^19.0.0" }),
  "vercel.json": JSON.stringify({ framework: "nextjs" }),
  "tsconfig.json": TSCONFIG_AT,
  "lib/tracing.ts": TRACING_TS,
};
/** The same app self-hosted as a long-running `next start` server in a container. */
const NEXT_SELF_HOSTED = {
  "package.json": pkg({ ...HH2, ...AI_DEPS, next: "^15.1.0", react: "^19.0.0" }, { scripts: { build: "next build", start: "next start" } }),
  "next.config.mjs": `export default { output: "standalone" };\n`,
  Dockerfile: `FROM node:20-alpine\nWORKDIR /app\nCOPY .next/standalone ./\nCMD ["node", "server.js"]\n`,
  "tsconfig.json": TSCONFIG_AT,
  "lib/tracing.ts": TRACING_TS,
};
const ROUTE = "app/api/chat/route.ts";
const AWS = { "package.json": pkg({ ...HH2, openai: "^4.77.0", "@types/aws-lambda": "^8.10.145" }), "src/lib/tracing.ts": TRACING_TS };
const GCF = { "package.json": pkg({ ...HH2, openai: "^4.77.0", "@google-cloud/functions-framework": "^3.4.2" }), "src/tracing.ts": TRACING_TS };
const EXPRESS = { "package.json": pkg({ ...HH2, openai: "^4.77.0", express: "^4.21.2" }), "src/tracing.ts": TRACING_TS };
const WORKERS = {
  "package.json": pkg({ ...HH2, hono: "^4.6.0" }, { devDependencies: { wrangler: "^3.90.0", "@cloudflare/workers-types": "^4.20241112.0" } }),
  "wrangler.toml": `name = "assistant"\nmain = "src/index.ts"\ncompatibility_date = "2024-11-01"\n\n[triggers]\ncrons = ["*/30 * * * *"]\n`,
  "src/tracing.ts": TRACING_TS,
};
const BULLMQ = { "package.json": pkg({ ...HH2, bullmq: "^5.34.0", openai: "^4.77.0" }), "src/tracing.ts": TRACING_TS };
const HONO_NODE = { "package.json": pkg({ ...HH2, hono: "^4.6.0", "@hono/node-server": "^1.13.0", openai: "^4.77.0" }), "src/tracing.ts": TRACING_TS };

/** A route handler body that streams OpenAI's completion through a ReadableStream, tracing in `start()`. */
const STREAM_START = (flushInFinally: boolean): string => `    async start(controller) {
      const encoder = new TextEncoder();
      ${flushInFinally ? "try {\n        " : ""}await tracer.startSpan("generate", async () => {
        const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true });
        for await (const chunk of completion) controller.enqueue(encoder.encode(chunk.choices[0]?.delta?.content ?? ""));
      });
      ${flushInFinally ? "} finally {\n        await tracer.forceFlush();\n        controller.close();\n      }" : "controller.close();"}
    },`;
const nextStreamRoute = (options: { flushInFinally?: boolean; after?: boolean } = {}): string => `import OpenAI from "openai";
${options.after ? `import { after } from "next/server";\n` : ""}import { tracer } from "@/lib/tracing";

const openai = new OpenAI();

export async function POST(request: Request) {
  const { messages } = (await request.json()) as { messages: OpenAI.ChatCompletionMessageParam[] };
${options.after ? "  after(() => tracer.forceFlush());\n" : ""}  tracer.createSession({ sessionName: "chat" });
  const stream = new ReadableStream<Uint8Array>({
${STREAM_START(options.flushInFinally ?? false)}
  });
  return new Response(stream, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
`;
/** An AI SDK chat route: streamText with telemetry through the tracer's provider, onFinish as given. */
const aiSdkRoute = (onFinish: string, toResponse = "toDataStreamResponse"): string => `import { openai } from "@ai-sdk/openai";
import { streamText, type CoreMessage } from "ai";
import { tracer } from "@/lib/tracing";

export const maxDuration = 30;

export async function POST(req: Request) {
  const { messages } = (await req.json()) as { messages: CoreMessage[] };
  tracer.createSession({ sessionName: "chat", inputs: { turns: messages.length } });
  const result = streamText({
    model: openai("gpt-4o-mini"),
    messages,
    experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },
    onFinish: ${onFinish},
  });
  return result.${toResponse}();
}
`;
/** A Lambda response-streaming handler; `flush` is where (if anywhere) it flushes. */
const lambdaStream = (flush: "none" | "before" | "finally"): string => `import OpenAI from "openai";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./lib/tracing";

declare const awslambda: {
  streamifyResponse<T>(fn: T): T;
};

const openai = new OpenAI();

export const handler = awslambda.streamifyResponse(async (event: APIGatewayProxyEventV2, responseStream: NodeJS.WritableStream) => {
  tracer.createSession({ sessionName: "stream" });
${flush === "before" ? "  await tracer.forceFlush();\n" : ""}${flush === "finally" ? "  try {\n" : ""}  const completion = await tracer.startSpan("completion", () =>
    openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: event.body ?? "" }], stream: true }),
  );
  for await (const chunk of completion) responseStream.write(chunk.choices[0]?.delta?.content ?? "");
${flush === "finally" ? "  } finally {\n    await tracer.forceFlush();\n    responseStream.end();\n  }\n" : "  responseStream.end();\n"}});
`;
/** A Google Cloud Function answering with server-sent events; `flush` is where (if anywhere) it flushes. */
const gcfSse = (flush: "none" | "before" | "after-loop"): string => `import { http } from "@google-cloud/functions-framework";
import OpenAI from "openai";
import { tracer } from "./tracing";

const openai = new OpenAI();

http("chat", async (req, res) => {
  res.setHeader("content-type", "text/event-stream");
  tracer.createSession({ sessionName: "sse" });
${flush === "before" ? "  await tracer.forceFlush();\n" : ""}  const completion = await tracer.startSpan("completion", () =>
    openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: String(req.body.message) }], stream: true }),
  );
  for await (const chunk of completion) {
    res.write("data: " + JSON.stringify(chunk.choices[0]?.delta ?? {}) + "\\n\\n");
  }
${flush === "after-loop" ? "  await tracer.forceFlush();\n" : ""}  res.end();
});
`;

// ---------------------------------------------------------------------------------------------------
// require-force-flush-in-lambda: a serverless handler that traces must await a flush before it returns; on a platform
// whose invocation ends with the response, before each statement that sends it (`res.end()`); a flush handed to
// `after()` / `waitUntil` counts. For a streamed response the flush belongs after the stream ends (its spans are made
// while it streams), not before it.
describe(`${FLUSH_RULE} (blind 13, streaming and background work)`, () => {
  const reported: Case[] = [
    c("Next.js on Vercel: POST returns new Response(new ReadableStream({ start })) tracing in start(), no flush", nextStreamRoute(), { filename: ROUTE, files: NEXT_VERCEL }),
    c("Next.js on Vercel: AI SDK streamText + toDataStreamResponse(), onFinish enriches the session, no flush", aiSdkRoute("({ text }) => {\n      tracer.enrichSession({ outputs: { text } });\n    }"), { filename: ROUTE, files: NEXT_VERCEL }),
    c("Next.js on Vercel: AI SDK 5 streamText + toUIMessageStreamResponse(), no flush", aiSdkRoute("() => undefined", "toUIMessageStreamResponse"), { filename: ROUTE, files: NEXT_VERCEL }),
    c("Lambda awslambda.streamifyResponse with OpenAI stream: true and for await, no flush", lambdaStream("none"), { filename: "src/stream.ts", files: AWS }),
    c("Lambda awslambda.streamifyResponse flushes BEFORE the stream (the completion's spans come after the flush)", lambdaStream("before"), { filename: "src/stream.ts", files: AWS }),
    c("Google Cloud Function SSE: res.write per chunk, res.end(), no flush", gcfSse("none"), { filename: "src/index.ts", files: GCF }),
    c("Google Cloud Function SSE flushes BEFORE the stream, res.end() after the spans", gcfSse("before"), { filename: "src/index.ts", files: GCF }),
    c("Lambda with a fire-and-forget flush (tracer.forceFlush().catch(…), not awaited) before returning", `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./lib/tracing";

export const handler = async (event: APIGatewayProxyEventV2) => {
  tracer.createSession({ sessionName: "summarize" });
  const summary = await tracer.startSpan("summarize", async () => String(event.body ?? "").slice(0, 200));
  tracer.forceFlush().catch(() => undefined);
  return { statusCode: 202, body: JSON.stringify({ summary }) };
};
`, { filename: "src/summarize.ts", files: AWS }),
    c("SQS batch Lambda: Promise.all(event.Records.map(…)) traces each record, no flush", `import type { SQSEvent } from "aws-lambda";
import { tracer } from "./lib/tracing";

export const handler = async (event: SQSEvent) => {
  await Promise.all(
    event.Records.map((record) =>
      tracer.startSpan("embed", async () => {
        tracer.enrichSpan({ metadata: { messageId: record.messageId } });
        return record.body.length;
      }),
    ),
  );
};
`, { filename: "src/embed.ts", files: AWS }),
    c("Cloudflare Worker scheduled (cron trigger) that traces a digest, no flush", `import { tracer } from "./tracing";

export default {
  async scheduled(controller: ScheduledController, env: { OPENAI_API_KEY: string }, ctx: ExecutionContext) {
    tracer.createSession({ sessionName: "digest-" + controller.cron });
    await tracer.startSpan("digest", async () => env.OPENAI_API_KEY.length);
  },
} satisfies ExportedHandler<{ OPENAI_API_KEY: string }>;
`, { filename: "src/index.ts", files: WORKERS }),
    c("Hono on Cloudflare Workers: app.post returns streamSSE(c, …) tracing in the callback, no flush", `import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.post("/chat", (c) => {
  tracer.createSession({ sessionName: "chat" });
  return streamSSE(c, async (stream) => {
    const words = await tracer.startSpan("answer", async () => ["hello", "world"]);
    for (const word of words) await stream.writeSSE({ data: word });
  });
});

export default app;
`, { filename: "src/index.ts", files: WORKERS }),
    c("Netlify function (default export) returning a ReadableStream body, no flush", `import type { Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (request: Request, context: Context) => {
  tracer.createSession({ sessionName: "chat-" + context.requestId });
  const text = await tracer.startSpan("answer", async () => request.url);
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/plain" } });
};
`, { filename: "netlify/functions/chat.mts", files: { "package.json": pkg({ ...HH2, "@netlify/functions": "^2.8.2" }, { type: "module" }), "netlify/lib/tracing.ts": TRACING_TS } }),
    c("Next.js pages/api on Vercel: SSE through res.write and res.end(), no flush", `import type { NextApiRequest, NextApiResponse } from "next";
import { tracer } from "@/lib/tracing";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader("content-type", "text/event-stream");
  tracer.createSession({ sessionName: "sse" });
  const parts = await tracer.startSpan("answer", async () => String(req.body.message).split(" "));
  for (const part of parts) res.write("data: " + part + "\\n\\n");
  res.end();
}
`, { filename: "pages/api/chat.ts", files: NEXT_VERCEL }),
    // The platform forms of the flush (waitUntil in the handler's finally) start the flush when the handler returns the
    // Response, before its stream has run: the spans the stream makes come after that flush.
    c("Vercel function (api/chat.ts) streams a Response, waitUntil(tracer.forceFlush()) in the handler's finally runs before the stream", `import { waitUntil } from "@vercel/functions";
import { tracer } from "../lib/tracing";

export async function POST(request: Request) {
  try {
    tracer.createSession({ sessionName: "chat" });
    const prompt = await request.text();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const answer = await tracer.startSpan("generate", async () => prompt.toUpperCase());
        controller.enqueue(new TextEncoder().encode(answer));
        controller.close();
      },
    });
    return new Response(stream);
  } finally {
    waitUntil(tracer.forceFlush());
  }
}
`, { filename: "api/chat.ts", files: { "package.json": pkg({ ...HH2, "@vercel/functions": "^1.5.0" }), "vercel.json": JSON.stringify({ functions: { "api/**/*.ts": { maxDuration: 30 } } }), "lib/tracing.ts": TRACING_TS } }),
    c("Cloudflare Worker fetch returns a streamed Response, ctx.waitUntil(tracer.forceFlush()) in finally runs before the stream", `import { tracer } from "./tracing";

export default {
  async fetch(request: Request, env: unknown, ctx: ExecutionContext) {
    try {
      tracer.createSession({ sessionName: "chat" });
      const { readable, writable } = new TransformStream();
      const writer = writable.getWriter();
      void tracer.startSpan("generate", async () => {
        await writer.write(new TextEncoder().encode(await request.text()));
        await writer.close();
      });
      return new Response(readable);
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
} satisfies ExportedHandler;
`, { filename: "src/index.ts", files: WORKERS }),
    // Was `quiet` (fix-blind13 read only that `onFinish` is awaited in the flush of the result's stream). streams-2 read
    // the AI SDK source: with `experimental_telemetry` on, the root span `ai.streamText` ends AFTER `onFinish` settles
    // (vercel/ai ai@4.3.16 packages/ai/core/generate-text/stream-text.ts:828 `await onFinish?.(…)`, :870 `rootSpan.end()`
    // in the same flush's finally; ai@5.0.0 :845/:896; ai@6.0.0 :938/:991; side by side in 7.x), so this flush misses
    // it: only a flush after the response covers it (analysis/knowledge/streams.ts, analysis/flush.ts `streamWorkOf`).
    c("Next.js on Vercel: AI SDK streamText with telemetry whose onFinish awaits tracer.forceFlush() (the root span ai.streamText ends after onFinish)", aiSdkRoute("async ({ text }) => {\n      tracer.enrichSession({ outputs: { text } });\n      await tracer.forceFlush();\n    }"), { filename: ROUTE, files: NEXT_VERCEL }),
  ];
  const quiet: Case[] = [
    c("Next.js on Vercel: after(() => tracer.forceFlush()) at the top, then a streamed Response", nextStreamRoute({ after: true }), { filename: ROUTE, files: NEXT_VERCEL }),
    c("Next.js on Vercel: the stream's start() flushes in finally after its last chunk, before close()", nextStreamRoute({ flushInFinally: true }), { filename: ROUTE, files: NEXT_VERCEL }),
    c("Lambda awslambda.streamifyResponse with try { … } finally { await tracer.forceFlush(); responseStream.end(); }", lambdaStream("finally"), { filename: "src/stream.ts", files: AWS }),
    c("Google Cloud Function SSE: await tracer.forceFlush() after the last chunk, before res.end()", gcfSse("after-loop"), { filename: "src/index.ts", files: GCF }),
    c("Express SSE on a long-running server (no serverless platform): no flush needed", `import express from "express";
import OpenAI from "openai";
import { tracer } from "./tracing";

const app = express();
const openai = new OpenAI();

app.get("/chat/stream", async (req, res) => {
  res.setHeader("content-type", "text/event-stream");
  tracer.createSession({ sessionName: "sse" });
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: String(req.query.q) }], stream: true });
  for await (const chunk of completion) res.write("data: " + (chunk.choices[0]?.delta?.content ?? "") + "\\n\\n");
  res.end();
});

app.listen(3000);
`, { filename: "src/server.ts", files: EXPRESS }),
    c("Lambda streaming that traces with Langfuse only and awaits langfuse.flushAsync() (no HoneyHive)", `import { Langfuse } from "langfuse";

declare const awslambda: { streamifyResponse<T>(fn: T): T };

const langfuse = new Langfuse();

export const handler = awslambda.streamifyResponse(async (event: { body: string }, responseStream: NodeJS.WritableStream) => {
  const trace = langfuse.trace({ name: "stream", input: event.body });
  responseStream.write(event.body);
  trace.update({ output: event.body });
  await langfuse.flushAsync();
  responseStream.end();
});
`, { filename: "src/stream.ts", files: { "package.json": pkg({ langfuse: "^3.32.0" }) } }),
    c("Cloudflare Worker scheduled hands the flush to ctx.waitUntil(tracer.forceFlush()) in finally", `import { tracer } from "./tracing";

export default {
  async scheduled(controller: ScheduledController, env: { OPENAI_API_KEY: string }, ctx: ExecutionContext) {
    try {
      tracer.createSession({ sessionName: "digest-" + controller.cron });
      await tracer.startSpan("digest", async () => env.OPENAI_API_KEY.length);
    } finally {
      ctx.waitUntil(tracer.forceFlush());
    }
  },
} satisfies ExportedHandler<{ OPENAI_API_KEY: string }>;
`, { filename: "src/index.ts", files: WORKERS }),
    c("BullMQ worker in a long-running process traces each job without a flush", `import { Worker } from "bullmq";
import { tracer } from "./tracing";

export const worker = new Worker("summaries", async (job) => {
  tracer.createSession({ sessionName: "summary-" + job.id });
  return tracer.startSpan("summarize", async () => String(job.data.text).slice(0, 100));
}, { connection: { host: "localhost", port: 6379 } });
`, { filename: "src/worker.ts", files: BULLMQ }),
    c("Next.js self-hosted (next start in a container): a streamed route without a flush", nextStreamRoute(), { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("Cloudflare Worker fetch: the stream's own task awaits tracer.forceFlush() after the last chunk, handed to ctx.waitUntil", `import { tracer } from "./tracing";

export default {
  async fetch(request: Request, env: unknown, ctx: ExecutionContext) {
    tracer.createSession({ sessionName: "chat" });
    const { readable, writable } = new TransformStream();
    const writer = writable.getWriter();
    const streaming = tracer.startSpan("generate", async () => {
      await writer.write(new TextEncoder().encode(await request.text()));
      await writer.close();
    });
    ctx.waitUntil(streaming.finally(() => tracer.forceFlush()));
    return new Response(readable);
  },
} satisfies ExportedHandler;
`, { filename: "src/index.ts", files: WORKERS }),
    c("Next.js on Vercel: after(async () => { await tracer.forceFlush(); }) in a route that streams AI SDK output", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { after } from "next/server";
import { tracer } from "@/lib/tracing";

export async function POST(req: Request) {
  after(async () => {
    await tracer.forceFlush();
  });
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({ model: openai("gpt-4o-mini"), prompt: await req.text(), experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });
  return result.toDataStreamResponse();
}
`, { filename: ROUTE, files: NEXT_VERCEL }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-tracer-init-in-handler: "inside a request handler ... a cron tick (node-cron), or a queue worker's ... per-job
// callback", "inside a serverless entry point", "inside a loop body or a per-item callback".
describe(`${INIT_RULE} (blind 13, streaming and background work)`, () => {
  const reported: Case[] = [
    c("HoneyHiveTracer.init inside a Next.js route handler that streams", `import { HoneyHiveTracer } from "honeyhive";

export async function POST(request: Request) {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
  const { prompt } = (await request.json()) as { prompt: string };
  const stream = new ReadableStream({
    async start(controller) {
      await tracer.startSpan("generate", async () => controller.enqueue(new TextEncoder().encode(prompt)));
      controller.close();
    },
  });
  return new Response(stream);
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("HoneyHiveTracer.init per job inside a BullMQ Worker processor", `import { Worker } from "bullmq";
import { HoneyHiveTracer } from "honeyhive";

export const worker = new Worker("summaries", async (job) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant", sessionName: "job-" + job.id });
  return tracer.startSpan("summarize", async () => String(job.data.text).slice(0, 100));
}, { connection: { host: "localhost", port: 6379 } });
`, { filename: "src/worker.ts", files: BULLMQ }),
    c("HoneyHiveTracer.init on every node-cron tick", `import cron from "node-cron";
import { HoneyHiveTracer } from "honeyhive";

cron.schedule("*/15 * * * *", async () => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant", sessionName: "reindex" });
  await tracer.startSpan("reindex", async () => "ok");
});
`, { filename: "src/cron.ts", files: { "package.json": pkg({ ...HH2, "node-cron": "^3.0.3" }) } }),
    c("HoneyHiveTracer.init inside Hono's streamSSE callback of a route", `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { HoneyHiveTracer } from "honeyhive";

const app = new Hono();

app.get("/sse", (c) =>
  streamSSE(c, async (stream) => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
    await tracer.startSpan("tick", async () => stream.writeSSE({ data: "hello" }));
  }),
);

serve(app);
`, { filename: "src/server.ts", files: HONO_NODE }),
    c("HoneyHiveTracer.init per tool call in an agent's Promise.all fan-out (per-item callback)", `import { HoneyHiveTracer } from "honeyhive";

const tools = [{ name: "search", run: async (q: string) => q }, { name: "weather", run: async (q: string) => q.length }];

export async function runTools(question: string) {
  return Promise.all(
    tools.map(async (tool) => {
      const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent", sessionName: tool.name });
      return tracer.startSpan(tool.name, () => tool.run(question));
    }),
  );
}
`, { filename: "src/agent.ts", files: { "package.json": pkg(HH2) } }),
    c("HoneyHiveTracer.init inside awslambda.streamifyResponse's handler", `import { HoneyHiveTracer } from "honeyhive";

declare const awslambda: { streamifyResponse<T>(fn: T): T };

export const handler = awslambda.streamifyResponse(async (event: { body: string }, responseStream: NodeJS.WritableStream) => {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
  try {
    await tracer.startSpan("echo", async () => responseStream.write(event.body));
  } finally {
    await tracer.forceFlush();
    responseStream.end();
  }
});
`, { filename: "src/stream.ts", files: AWS }),
    c("HoneyHiveTracer.init per SQS record in a for…of loop of the Lambda", `import type { SQSEvent } from "aws-lambda";
import { HoneyHiveTracer } from "honeyhive";

export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "ingest", sessionName: record.messageId });
    await tracer.startSpan("ingest", async () => record.body.length);
    await tracer.forceFlush();
  }
};
`, { filename: "src/ingest.ts", files: AWS }),
    c("HoneyHiveTracer.init inside an after() callback of a Next.js route (runs after every request)", `import { HoneyHiveTracer } from "honeyhive";
import { after } from "next/server";

export async function POST(request: Request) {
  const body = await request.text();
  after(async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant", sessionName: "audit" });
    tracer.enrichSession({ metadata: { length: body.length } });
    await tracer.forceFlush();
  });
  return new Response(body);
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("HoneyHiveTracer.init inside a ReadableStream's pull() of a route", `import { HoneyHiveTracer } from "honeyhive";

export async function GET() {
  let sent = 0;
  return new Response(
    new ReadableStream({
      async pull(controller) {
        const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
        await tracer.startSpan("chunk", async () => controller.enqueue(new TextEncoder().encode(String(sent++))));
        if (sent === 3) controller.close();
      },
    }),
  );
}
`, { filename: "app/api/ticks/route.ts", files: NEXT_SELF_HOSTED }),
  ];
  const quiet: Case[] = [
    c("Langfuse's LangChain CallbackHandler made per request (another vendor's handler)", `import { ChatOpenAI } from "@langchain/openai";
import { CallbackHandler } from "langfuse-langchain";

const model = new ChatOpenAI({ model: "gpt-4o-mini" });

export async function POST(request: Request) {
  const { question, conversationId } = (await request.json()) as { question: string; conversationId: string };
  const langfuseHandler = new CallbackHandler({ sessionId: conversationId });
  const answer = await model.invoke(question, { callbacks: [langfuseHandler] });
  return Response.json({ answer: answer.content });
}
`, { filename: ROUTE, files: { "package.json": pkg({ next: "^15.1.0", "@langchain/openai": "^0.3.0", "langfuse-langchain": "^3.32.0" }) } }),
    c("a lazy getter's tracer used in a streaming Next.js route (init once, outside the handler)", `import { getTracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const tracer = getTracer();
  tracer.createSession({ sessionName: "chat" });
  const text = await request.text();
  return new Response(new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(text)); controller.close(); } }));
}
`, { filename: ROUTE, files: { ...NEXT_SELF_HOSTED, "lib/tracing.ts": GETTER_TS } }),
    c("HoneyHiveTracer.init once in a CLI agent's main() (a script: one run)", `import { HoneyHiveTracer } from "honeyhive";

async function main() {
  const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent", sessionName: "cli" });
  for (const step of ["plan", "act", "reflect"]) await tracer.startSpan(step, async () => step);
  await tracer.shutdown();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`, { filename: "scripts/agent.ts", files: { "package.json": pkg(HH2) } }),
    c("new OpenAI() / new ChatOpenAI() per request beside a module-level tracer", `import express from "express";
import OpenAI from "openai";
import { tracer } from "./tracing";

const app = express();

app.post("/chat", async (req, res) => {
  const openai = new OpenAI({ apiKey: req.get("x-user-key") });
  tracer.createSession({ sessionName: "byok" });
  const answer = await tracer.startSpan("answer", () => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }));
  res.json(answer);
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("BullMQ worker with a module-level tracer and createSession per job", `import { Worker } from "bullmq";
import { tracer } from "./tracing";

export const worker = new Worker("summaries", async (job) => {
  tracer.createSession({ sessionName: "summary-" + job.id });
  return tracer.startSpan("summarize", async () => String(job.data.text));
}, { connection: { host: "localhost", port: 6379 } });
`, { filename: "src/worker.ts", files: BULLMQ }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// tracer-provider-for-instrumentors: OpenInference / Traceloop instrumentations and AI SDK telemetry in a file with a
// HoneyHive tracer must be given `tracer.provider` (or a tracer of it).
describe(`${PROVIDER_RULE} (blind 13, LLM instrumentations)`, () => {
  const reported: Case[] = [
    c("OpenInference OpenAIInstrumentation().manuallyInstrument(OpenAI) without tracerProvider, beside the tracer", `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { HoneyHiveTracer } from "honeyhive";
import OpenAI from "openai";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
new OpenAIInstrumentation().manuallyInstrument(OpenAI);
export const openai = new OpenAI();
`, { filename: "src/instrumentation.ts", files: { "package.json": pkg({ ...HH2, openai: "^4.77.0", "@arizeai/openinference-instrumentation-openai": "^1.0.0" }) } }),
    c("registerInstrumentations([new LangChainInstrumentation()]) without tracerProvider, tracer imported from ./tracing", `import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { tracer } from "./tracing";

const langchain = new LangChainInstrumentation();
langchain.manuallyInstrument(CallbackManagerModule);
registerInstrumentations({ instrumentations: [langchain] });

export { tracer };
`, { filename: "src/instrumentation.ts", files: { ...EXPRESS, "package.json": pkg({ ...HH2, "@arizeai/openinference-instrumentation-langchain": "^3.0.0", "@opentelemetry/instrumentation": "^0.57.0", "@langchain/core": "^0.3.0" }) } }),
    c("AI SDK streamText with experimental_telemetry: { isEnabled: true } and no tracer, in a route with the tracer", `import { openai } from "@ai-sdk/openai";
import { streamText, type CoreMessage } from "ai";
import { tracer } from "@/lib/tracing";

export async function POST(req: Request) {
  const { messages } = (await req.json()) as { messages: CoreMessage[] };
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({ model: openai("gpt-4o-mini"), messages, experimental_telemetry: { isEnabled: true, functionId: "chat" } });
  return result.toDataStreamResponse();
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("Traceloop AnthropicInstrumentation constructed without a provider beside HoneyHiveTracer.init", `import Anthropic from "@anthropic-ai/sdk";
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";
import { HoneyHiveTracer } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
const instrumentation = new AnthropicInstrumentation();
instrumentation.manuallyInstrument(Anthropic);
export const anthropic = new Anthropic();
`, { filename: "src/instrumentation.ts", files: { "package.json": pkg({ ...HH2, "@anthropic-ai/sdk": "^0.33.0", "@traceloop/instrumentation-anthropic": "^0.11.0" }) } }),
    c("AI SDK 6 new ToolLoopAgent({ …, experimental_telemetry: { isEnabled: true } }) without a tracer", `import { openai } from "@ai-sdk/openai";
import { ToolLoopAgent, tool } from "ai";
import { z } from "zod";
import { getTracer } from "./tracing";

getTracer();

export const researcher = new ToolLoopAgent({
  model: openai("gpt-4o"),
  tools: { lookup: tool({ description: "look a term up", inputSchema: z.object({ term: z.string() }), execute: async ({ term }) => term }) },
  experimental_telemetry: { isEnabled: true },
});
`, { filename: "src/agent.ts", files: { "package.json": pkg({ ...HH2, ai: "^6.0.0", "@ai-sdk/openai": "^2.0.0", zod: "^3.24.0" }), "src/tracing.ts": GETTER_TS } }),
    c("AI SDK generateText inside an agent tool's execute, telemetry enabled without a tracer, module tracer in the file", `import { openai } from "@ai-sdk/openai";
import { generateText, tool } from "ai";
import { HoneyHiveTracer } from "honeyhive";
import { z } from "zod";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

export const summarize = tool({
  description: "summarize a page",
  parameters: z.object({ url: z.string() }),
  execute: async ({ url }) =>
    tracer.startSpan("summarize", async () => {
      const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt: "Summarize " + url, experimental_telemetry: { isEnabled: true } });
      return text;
    }),
});
`, { filename: "src/tools.ts", files: { "package.json": pkg({ ...HH2, ai: "^4.1.0", "@ai-sdk/openai": "^1.1.0", zod: "^3.24.0" }) } }),
  ];
  const quiet: Case[] = [
    c("OpenInference OpenAIInstrumentation({ tracerProvider: tracer.provider })", `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { HoneyHiveTracer } from "honeyhive";
import OpenAI from "openai";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "assistant" });
new OpenAIInstrumentation({ tracerProvider: tracer.provider }).manuallyInstrument(OpenAI);
export const openai = new OpenAI();
`, { filename: "src/instrumentation.ts", files: { "package.json": pkg({ ...HH2, openai: "^4.77.0", "@arizeai/openinference-instrumentation-openai": "^1.0.0" }) } }),
    c("AI SDK streamText with experimental_telemetry.tracer = tracer.provider.getTracer(\"ai\")", aiSdkRoute("() => undefined"), { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("AI SDK streamText with experimental_telemetry: { isEnabled: false } (no spans at all)", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "@/lib/tracing";

export async function POST(req: Request) {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({ model: openai("gpt-4o-mini"), prompt: await req.text(), experimental_telemetry: { isEnabled: false } });
  return result.toTextStreamResponse();
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("a Langfuse + @vercel/otel app with AI SDK telemetry and no HoneyHive tracer", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";

export async function POST(req: Request) {
  const result = streamText({ model: openai("gpt-4o-mini"), prompt: await req.text(), experimental_telemetry: { isEnabled: true } });
  return result.toDataStreamResponse();
}
`, { filename: ROUTE, files: { "package.json": pkg({ ...AI_DEPS, next: "^15.1.0", "@vercel/otel": "^1.10.0", "langfuse-vercel": "^3.32.0" }), "instrumentation.ts": `import { registerOTel } from "@vercel/otel";\nimport { LangfuseExporter } from "langfuse-vercel";\n\nexport function register() {\n  registerOTel({ serviceName: "assistant", traceExporter: new LangfuseExporter() });\n}\n` } }),
    c("the app's own streamText helper (not the AI SDK's) with an experimental_telemetry field", `import { tracer } from "./tracing";

function streamText(options: { prompt: string; experimental_telemetry?: { isEnabled: boolean } }) {
  return tracer.startSpan("stream", async () => options.prompt.split(" "));
}

export const words = streamText({ prompt: "hello world", experimental_telemetry: { isEnabled: true } });
`, { filename: "src/words.ts", files: EXPRESS }),
    c("LangChainInstrumentation given the tracer's provider with setTracerProvider before manuallyInstrument", `import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { tracer } from "./tracing";

const langchain = new LangChainInstrumentation();
langchain.setTracerProvider(tracer.provider);
langchain.manuallyInstrument(CallbackManagerModule);
`, { filename: "src/instrumentation.ts", files: { ...EXPRESS, "package.json": pkg({ ...HH2, "@arizeai/openinference-instrumentation-langchain": "^3.0.0", "@langchain/core": "^0.3.0" }) } }),
  ];
  describeCases(PROVIDER_RULE, providerRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-explicit-tracer: `trace()` / `@trace()` without `tracer`, and the global enrichSpan/enrichSession, in a file
// that has a tracer of its own.
describe(`${EXPLICIT_RULE} (blind 13, agents and tools)`, () => {
  const reported: Case[] = [
    c("agent tools wrapped with trace({ eventType: \"tool\" }, fn) without tracer, tracer imported from ./tracing", `import { trace } from "honeyhive";
import { tracer } from "./tracing";

export const searchDocs = trace({ eventType: "tool", eventName: "search_docs" }, async (query: string) => [query]);
export const getWeather = trace({ eventType: "tool", eventName: "get_weather" }, async (city: string) => ({ city, tempC: 21 }));

export async function runAgent(question: string) {
  tracer.createSession({ sessionName: "agent" });
  return { docs: await searchDocs(question), weather: await getWeather("Paris") };
}
`, { filename: "src/agent.ts", files: EXPRESS }),
    c("the global enrichSpan in streamText's onFinish, in a route that imports the tracer", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { enrichSpan } from "honeyhive";
import { tracer } from "@/lib/tracing";

export async function POST(req: Request) {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({
    model: openai("gpt-4o-mini"),
    prompt: await req.text(),
    experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") },
    onFinish: ({ usage }) => enrichSpan({ metrics: { totalTokens: usage.totalTokens } }),
  });
  return result.toDataStreamResponse();
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("@trace({ eventType: \"tool\" }) method decorators of an agent class, HoneyHiveTracer.init in the file", `import { HoneyHiveTracer, trace } from "honeyhive";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

export class ResearchAgent {
  @trace({ eventType: "tool", eventName: "web_search" })
  async webSearch(query: string): Promise<string[]> {
    return [query];
  }

  @trace({ eventType: "chain", eventName: "answer" })
  async answer(question: string): Promise<string> {
    const hits = await this.webSearch(question);
    return hits.join("\\n");
  }
}
`, { filename: "src/agent.ts", files: { "package.json": pkg(HH2) } }),
    c("the global enrichSession in a BullMQ worker whose file inits the tracer", `import { Worker } from "bullmq";
import { HoneyHiveTracer, enrichSession } from "honeyhive";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "jobs" });

export const worker = new Worker("summaries", async (job) => {
  tracer.createSession({ sessionName: "summary-" + job.id });
  const summary = await tracer.startSpan("summarize", async () => String(job.data.text).slice(0, 100));
  enrichSession({ outputs: { summary } });
  return summary;
}, { connection: { host: "localhost", port: 6379 } });
`, { filename: "src/worker.ts", files: BULLMQ }),
    c("LangGraph-style node functions wrapped with trace({ eventType: \"chain\" }, node), getTracer() in the file", `import { trace } from "honeyhive";
import { getTracer } from "./tracing";

type State = { question: string; draft?: string };

const plan = trace({ eventType: "chain", eventName: "plan" }, async (state: State) => ({ ...state, draft: "plan: " + state.question }));
const write = trace({ eventType: "chain", eventName: "write" }, async (state: State) => ({ ...state, draft: (state.draft ?? "") + "!" }));

export async function runGraph(question: string) {
  getTracer().createSession({ sessionName: "graph" });
  return write(await plan({ question }));
}
`, { filename: "src/graph.ts", files: { "package.json": pkg(HH2), "src/tracing.ts": GETTER_TS } }),
  ];
  const quiet: Case[] = [
    c("agent tools wrapped with tracer.trace({ eventType: \"tool\" }, fn)", `import { tracer } from "./tracing";

export const searchDocs = tracer.trace({ eventType: "tool", eventName: "search_docs" }, async (query: string) => [query]);

export async function runAgent(question: string) {
  tracer.createSession({ sessionName: "agent" });
  tracer.enrichSpan({ metadata: { question } });
  return searchDocs(question);
}
`, { filename: "src/agent.ts", files: EXPRESS }),
    c("trace({ tracer, eventType: \"tool\" }, fn) and tracer.enrichSession in onFinish", `import { trace } from "honeyhive";
import { tracer } from "./tracing";

export const lookup = trace({ tracer, eventType: "tool", eventName: "lookup" }, async (term: string) => term.toUpperCase());
export const onFinish = ({ text }: { text: string }) => tracer.enrichSession({ outputs: { text } });
`, { filename: "src/tools.ts", files: EXPRESS }),
    c("OpenTelemetry's trace.getActiveSpan() (another package's `trace`) beside a HoneyHive tracer", `import { trace } from "@opentelemetry/api";
import { tracer } from "./tracing";

export async function callTool(name: string) {
  trace.getActiveSpan()?.setAttribute("tool.name", name);
  return tracer.startSpan("tool:" + name, async () => name);
}
`, { filename: "src/tools.ts", files: EXPRESS }),
    c("the app's own trace(label, fn) helper in a file with a HoneyHive tracer", `import { tracer } from "./tracing";

function trace<T>(label: string, fn: () => Promise<T>): Promise<T> {
  console.time(label);
  return fn().finally(() => console.timeEnd(label));
}

export async function answer(question: string) {
  return trace("answer", () => tracer.startSpan("answer", async () => question));
}
`, { filename: "src/answer.ts", files: EXPRESS }),
    c("OpenAI Agents SDK withTrace / Mastra-style tool in a file with no HoneyHive tracer: trace() of honeyhive without tracer is evaluate()'s", `import { Agent, run, withTrace } from "@openai/agents";
import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const agent = new Agent({ name: "helper", instructions: "Answer briefly." });
const answer = trace({ eventType: "chain", eventName: "answer" }, async ({ inputs }: { inputs: { q: string } }) =>
  withTrace("answer", async () => (await run(agent, inputs.q)).finalOutput),
);

await evaluate({ function: answer, dataset: [{ inputs: { q: "hi" } }], name: "agents-sdk" });
`, { filename: "src/eval.ts", files: { "package.json": pkg({ ...HH2, "@openai/agents": "^0.1.0" }, { type: "module" }) } }),
  ];
  describeCases(EXPLICIT_RULE, explicitRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-session-start-in-handler: `sessionStart()` stores the session on the shared tracer; streamed routes, SSE, queue
// workers, MCP tools and SQS record callbacks all run concurrently.
describe(`${SESSION_START_RULE} (blind 13, streaming, workers and tools)`, () => {
  const reported: Case[] = [
    c("tracer.sessionStart() in a Next.js route handler that streams", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  tracer.sessionStart({ sessionName: "chat" });
  const text = await request.text();
  return new Response(new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(text)); controller.close(); } }));
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("tracer.sessionStart() inside Hono's streamSSE callback of a route", `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.get("/sse", (c) =>
  streamSSE(c, async (stream) => {
    tracer.sessionStart({ sessionName: "sse" });
    await stream.writeSSE({ data: "hello" });
  }),
);

serve(app);
`, { filename: "src/server.ts", files: HONO_NODE }),
    c("tracer.sessionStart() in a BullMQ Worker processor", `import { Worker } from "bullmq";
import { tracer } from "./tracing";

export const worker = new Worker("summaries", async (job) => {
  tracer.sessionStart({ sessionName: "summary-" + job.id });
  return tracer.startSpan("summarize", async () => String(job.data.text));
}, { connection: { host: "localhost", port: 6379 } });
`, { filename: "src/worker.ts", files: BULLMQ }),
    c("tracer.sessionStart() in an MCP server's registerTool callback", `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { tracer } from "./tracing";

const server = new McpServer({ name: "docs", version: "1.0.0" });

server.registerTool("search", { description: "search the docs", inputSchema: { query: z.string() } }, async ({ query }) => {
  tracer.sessionStart({ sessionName: "mcp-search" });
  const hits = await tracer.startSpan("search", async () => [query]);
  return { content: [{ type: "text", text: hits.join("\\n") }] };
});

export { server };
`, { filename: "src/mcp.ts", files: { "package.json": pkg({ ...HH2, "@modelcontextprotocol/sdk": "^1.12.0", zod: "^3.24.0" }), "src/tracing.ts": TRACING_TS } }),
    c("tracer.sessionStart() per record in an SQS Lambda's Promise.all(event.Records.map(…))", `import type { SQSEvent } from "aws-lambda";
import { tracer } from "./lib/tracing";

export const handler = async (event: SQSEvent) => {
  try {
    await Promise.all(
      event.Records.map(async (record) => {
        tracer.sessionStart({ sessionName: "record-" + record.messageId });
        await tracer.startSpan("embed", async () => record.body.length);
      }),
    );
  } finally {
    await tracer.forceFlush();
  }
};
`, { filename: "src/embed.ts", files: AWS }),
    c("tracer.sessionStart() in a Fastify route that streams through reply.raw", `import Fastify from "fastify";
import { tracer } from "./tracing";

const app = Fastify();

app.get("/stream", async (request, reply) => {
  tracer.sessionStart({ sessionName: "stream" });
  reply.raw.writeHead(200, { "content-type": "text/event-stream" });
  for (const word of ["a", "b"]) reply.raw.write("data: " + word + "\\n\\n");
  reply.raw.end();
});

await app.listen({ port: 3000 });
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "module" }), "src/tracing.ts": TRACING_TS } }),
    c("tracer.sessionStart() in an Express SSE route", `import express from "express";
import { tracer } from "./tracing";

const app = express();

app.get("/events", (req, res) => {
  tracer.sessionStart({ sessionName: "events" });
  res.setHeader("content-type", "text/event-stream");
  res.write("data: hello\\n\\n");
  res.end();
});

app.listen(3000);
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("tracer.createSession() in a Next.js route handler that streams", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  tracer.createSession({ sessionName: "chat" });
  const text = await request.text();
  return new Response(new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(text)); controller.close(); } }));
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("tracer.sessionStart() once in a CLI agent loop (a script, not a handler)", `import { tracer } from "./tracing";

async function agentLoop(goal: string, depth = 0): Promise<string> {
  if (depth > 3) return goal;
  return tracer.startSpan("step-" + depth, () => agentLoop(goal + ".", depth + 1));
}

tracer.sessionStart({ sessionName: "cli-agent" });
console.log(await agentLoop("ship it"));
await tracer.shutdown();
`, { filename: "scripts/agent.ts", files: { "package.json": pkg(HH2, { type: "module" }), "scripts/tracing.ts": TRACING_TS } }),
    c("analytics.sessionStart() of another library in an SSE route", `import express from "express";
import { analytics } from "./analytics";
import { tracer } from "./tracing";

const app = express();

app.get("/events", (req, res) => {
  analytics.sessionStart(String(req.query.user));
  tracer.createSession({ sessionName: "events" });
  res.write("data: hello\\n\\n");
  res.end();
});
`, { filename: "src/server.ts", files: { ...EXPRESS, "src/analytics.ts": `export const analytics = { sessionStart(user: string) { console.log("session", user); } };\n` } }),
    c("withSession per tool in a route's Promise.all fan-out", `import express from "express";
import { tracer } from "./tracing";

const app = express();
const tools = ["search", "weather"];

app.post("/agent", async (req, res) => {
  const results = await Promise.all(tools.map((tool) => tracer.withSession({ sessionName: "tool-" + tool }, () => tracer.startSpan(tool, async () => tool))));
  res.json(results);
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-global-tracer-with-evaluate: an agent evaluated with evaluate() must not bind the file's tracer to what evaluate()
// runs (its tools included: "the functions of the same file it calls"), nor open sessions on it.
describe(`${EVALUATE_RULE} (blind 13, agents and tools under evaluate())`, () => {
  const reported: Case[] = [
    c("the evaluated agent calls tools wrapped with the module tracer's tracer.trace({ eventType: \"tool\" }, fn)", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

const searchDocs = tracer.trace({ eventType: "tool", eventName: "search_docs" }, async (query: string) => [query]);

async function runAgent({ inputs }: { inputs: { question: string } }) {
  const docs = await searchDocs(inputs.question);
  return { answer: docs.join(" ") };
}

await evaluate({ function: runAgent, dataset: [{ inputs: { question: "What is HoneyHive?" } }], name: "agent-tools" });
`, { filename: "src/eval.ts", files: { "package.json": pkg(HH2, { type: "module" }) } }),
    c("trace({ tracer, eventType: \"chain\" }, runAgent) passed to evaluate()", `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

const runAgent = trace({ tracer, eventType: "chain", eventName: "agent" }, async ({ inputs }: { inputs: { question: string } }) => ({ answer: inputs.question }));

await evaluate({ function: runAgent, dataset: [{ inputs: { question: "hi" } }], name: "agent-chain" });
`, { filename: "src/eval.ts", files: { "package.json": pkg(HH2, { type: "module" }) } }),
    c("a recursive agent loop opening spans on the module tracer inside evaluated code", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

async function step(goal: string, depth: number): Promise<string> {
  if (depth === 3) return goal;
  return tracer.startSpan("step-" + depth, () => step(goal + "!", depth + 1));
}

await evaluate({ function: async ({ inputs }: { inputs: { goal: string } }) => step(inputs.goal, 0), dataset: [{ inputs: { goal: "plan" } }], name: "loop" });
`, { filename: "src/eval.ts", files: { "package.json": pkg(HH2, { type: "module" }) } }),
    c("Promise.all fan-out with the module tracer's withSession inside evaluated code", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

async function fanOut({ inputs }: { inputs: { questions: string[] } }) {
  return Promise.all(inputs.questions.map((question) => tracer.withSession({ sessionName: "sub-" + question }, async () => question.length)));
}

await evaluate({ function: fanOut, dataset: [{ inputs: { questions: ["a", "bb"] } }], name: "fan-out" });
`, { filename: "src/eval.ts", files: { "package.json": pkg(HH2, { type: "module" }) } }),
    c("honeyhive 1.x: tools wrapped with tracer.traceTool(fn) called by the evaluationFunction", `import { HoneyHiveTracer, evaluate } from "honeyhive";

const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

const lookup = tracer.traceTool(async function lookup(term: string) {
  return term.toUpperCase();
});

async function runAgent(inputs: { question: string }) {
  return { answer: await lookup(inputs.question) };
}

await evaluate({ evaluationFunction: runAgent, hh_project: "agent", name: "v1-tools", dataset: [{ question: "hi" }] });
`, { filename: "src/eval.ts", files: { "package.json": pkg({ honeyhive: "^1.0.42" }, { type: "module" }) } }),
  ];
  const quiet: Case[] = [
    c("agent tools wrapped with trace({ eventType: \"tool\" }, fn) without a tracer (evaluate() provides one)", `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const searchDocs = trace({ eventType: "tool", eventName: "search_docs" }, async (query: string) => [query]);

const runAgent = trace({ eventType: "chain", eventName: "agent" }, async ({ inputs }: { inputs: { question: string } }) => ({ answer: (await searchDocs(inputs.question)).join(" ") }));

await evaluate({ function: runAgent, dataset: [{ inputs: { question: "What is HoneyHive?" } }], name: "agent-tools" });
`, { filename: "src/eval.ts", files: { "package.json": pkg(HH2, { type: "module" }) } }),
    c("LangSmith's evaluate() of an agent beside a HoneyHive tracer that serves the app", `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "langsmith/evaluation";

export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });

const runAgent = async (inputs: { question: string }) => tracer.startSpan("agent", async () => ({ answer: inputs.question }));

await evaluate(runAgent, { data: "agent-dataset", experimentPrefix: "agent" });
`, { filename: "src/eval.ts", files: { "package.json": pkg({ ...HH2, langsmith: "^0.2.0" }, { type: "module" }) } }),
    c("the OpenAI Agents SDK's run(agent) in evaluated code traced with trace() without a tracer", `import { Agent, run } from "@openai/agents";
import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const agent = new Agent({ name: "helper", instructions: "Answer briefly." });
const answer = trace({ eventType: "chain", eventName: "answer" }, async ({ inputs }: { inputs: { q: string } }) => (await run(agent, inputs.q)).finalOutput);

await evaluate({ function: answer, dataset: [{ inputs: { q: "hi" } }], name: "agents-sdk" });
`, { filename: "src/eval.ts", files: { "package.json": pkg({ ...HH2, "@openai/agents": "^0.1.0" }, { type: "module" }) } }),
    c("a recursive agent loop using enrichSpan() (the datapoint's span) and trace() without tracer", `import { enrichSpan, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const step = trace({ eventType: "chain", eventName: "step" }, async (goal: string, depth: number): Promise<string> => {
  enrichSpan({ metadata: { depth } });
  return depth === 3 ? goal : step(goal + "!", depth + 1);
});

await evaluate({ function: ({ inputs }: { inputs: { goal: string } }) => step(inputs.goal, 0), dataset: [{ inputs: { goal: "plan" } }], name: "loop" });
`, { filename: "src/eval.ts", files: { "package.json": pkg(HH2, { type: "module" }) } }),
  ];
  describeCases(EVALUATE_RULE, evaluateRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// no-lost-session-context: the three shapes of the rule page, in chat servers that load the conversation first.
describe(`${LOST_CONTEXT_RULE} (blind 13, chat servers)`, () => {
  const reported: Case[] = [
    c("Fastify onRequest hook loads the conversation (await) and then creates the session", `import Fastify from "fastify";
import { tracer } from "./tracing";

declare function loadConversation(id: string | undefined): Promise<{ title: string }>;

const app = Fastify();

app.addHook("onRequest", async (request) => {
  const conversation = await loadConversation(request.headers["x-conversation"] as string | undefined);
  tracer.createSession({ sessionName: conversation.title });
});

app.post("/chat", async () => tracer.startSpan("answer", async () => ({ ok: true })));

await app.listen({ port: 3000 });
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "module" }), "src/tracing.ts": TRACING_TS } }),
    c("Express middleware creates the session in loadThread(req).then(…) and calls next() outside it", `import express from "express";
import { tracer } from "./tracing";

declare function loadThread(req: express.Request): Promise<{ title: string }>;

const app = express();

app.use((req, res, next) => {
  loadThread(req).then((thread) => tracer.createSession({ sessionName: thread.title }));
  next();
});

app.post("/chat", async (req, res) => {
  res.json(await tracer.startSpan("answer", async () => "ok"));
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("Hono middleware creates the session in a setTimeout callback, await next() outside it", `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { tracer } from "./tracing";

const app = new Hono();

app.use(async (c, next) => {
  setTimeout(() => tracer.createSession({ sessionName: "chat" }), 0);
  await next();
});

app.post("/chat", async (c) => c.json(await tracer.startSpan("answer", async () => "ok")));

serve(app);
`, { filename: "src/server.ts", files: HONO_NODE }),
    c("Express: the session middleware is on /chat only, while /chat/stream traces without a session", `import express from "express";
import { tracer } from "./tracing";

const app = express();

function openSession(req: express.Request, res: express.Response, next: express.NextFunction) {
  tracer.createSession({ sessionName: "chat" });
  next();
}

app.post("/chat", openSession, async (req, res) => {
  res.json(await tracer.startSpan("answer", async () => "ok"));
});

app.get("/chat/stream", async (req, res) => {
  const words = await tracer.startSpan("stream", async () => ["a", "b"]);
  for (const word of words) res.write("data: " + word + "\\n\\n");
  res.end();
});
`, { filename: "src/server.ts", files: EXPRESS }),
  ];
  const quiet: Case[] = [
    c("Express async middleware awaits the thread, then createSession and next() in the same execution", `import express from "express";
import { tracer } from "./tracing";

declare function loadThread(req: express.Request): Promise<{ title: string }>;

const app = express();

app.use(async (req, res, next) => {
  const thread = await loadThread(req);
  tracer.createSession({ sessionName: thread.title });
  next();
});

app.post("/chat", async (req, res) => {
  res.json(await tracer.startSpan("answer", async () => "ok"));
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("Fastify onRequest creates the session before its first await", `import Fastify from "fastify";
import { tracer } from "./tracing";

declare function loadConversation(id: string | undefined): Promise<{ title: string }>;

const app = Fastify();

app.addHook("onRequest", async (request) => {
  const sessionId = tracer.createSession({ sessionName: "chat" });
  const conversation = await loadConversation(request.headers["x-conversation"] as string | undefined);
  tracer.enrichSession({ sessionId, metadata: { title: conversation.title } });
});

app.post("/chat", async () => tracer.startSpan("answer", async () => ({ ok: true })));

await app.listen({ port: 3000 });
`, { filename: "src/server.ts", files: { "package.json": pkg({ ...HH2, fastify: "^5.2.0" }, { type: "module" }), "src/tracing.ts": TRACING_TS } }),
    c("Hono middleware createSession then await next() before a streamSSE route", `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.use(async (c, next) => {
  tracer.createSession({ sessionName: "chat" });
  await next();
});

app.get("/sse", (c) => streamSSE(c, async (stream) => {
  await tracer.startSpan("tick", () => stream.writeSSE({ data: "hello" }));
}));

serve(app);
`, { filename: "src/server.ts", files: HONO_NODE }),
  ];
  describeCases(LOST_CONTEXT_RULE, lostContextRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// require-valid-session-id: a conversation id from the client reaching createSession / withSession unchecked.
describe(`${SESSION_ID_RULE} (blind 13, conversation ids)`, () => {
  const reported: Case[] = [
    c("createSession({ sessionId: body.conversationId }) in a Next.js chat route", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const body = (await request.json()) as { conversationId: string; message: string };
  tracer.createSession({ sessionId: body.conversationId, skipApiCall: true });
  return Response.json({ answer: await tracer.startSpan("answer", async () => body.message) });
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("AI SDK useChat's id (const { id, messages } = await req.json()) as the session id", `import { openai } from "@ai-sdk/openai";
import { streamText, type CoreMessage } from "ai";
import { tracer } from "@/lib/tracing";

export async function POST(req: Request) {
  const { id, messages } = (await req.json()) as { id: string; messages: CoreMessage[] };
  tracer.createSession({ sessionId: id, skipApiCall: true });
  const result = streamText({ model: openai("gpt-4o-mini"), messages, experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });
  return result.toDataStreamResponse();
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("Hono: withSession({ sessionId: c.req.header(\"x-conversation-id\") }, …) around streamSSE", `import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.get("/sse", (c) =>
  tracer.withSession({ sessionId: c.req.header("x-conversation-id"), skipApiCall: true }, () =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ data: "hello" });
    }),
  ),
);

serve(app);
`, { filename: "src/server.ts", files: HONO_NODE }),
    c("Express SSE: createSession({ sessionId: String(req.query.threadId) })", `import express from "express";
import { tracer } from "./tracing";

const app = express();

app.get("/threads/stream", (req, res) => {
  tracer.createSession({ sessionId: String(req.query.threadId), skipApiCall: true });
  res.setHeader("content-type", "text/event-stream");
  res.write("data: hello\\n\\n");
  res.end();
});
`, { filename: "src/server.ts", files: EXPRESS }),
    c("Lambda streamifyResponse: createSession({ sessionId: event.headers[\"x-session-id\"] })", `import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { tracer } from "./lib/tracing";

declare const awslambda: { streamifyResponse<T>(fn: T): T };

export const handler = awslambda.streamifyResponse(async (event: APIGatewayProxyEventV2, responseStream: NodeJS.WritableStream) => {
  tracer.createSession({ sessionId: event.headers["x-session-id"], skipApiCall: true });
  try {
    responseStream.write(event.body ?? "");
  } finally {
    await tracer.forceFlush();
    responseStream.end();
  }
});
`, { filename: "src/stream.ts", files: AWS }),
    c("Next.js 15 dynamic route: const { id } = await params; createSession({ sessionId: id })", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  tracer.createSession({ sessionId: id, skipApiCall: true });
  return new Response(await request.text());
}
`, { filename: "app/api/conversations/[id]/route.ts", files: NEXT_SELF_HOSTED }),
    c("Next.js route: the conversation cookie (cookies() of next/headers) as the session id", `import { cookies } from "next/headers";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const conversation = (await cookies()).get("conversation")?.value;
  tracer.createSession({ sessionId: conversation, skipApiCall: true });
  return new Response(await request.text());
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
  ];
  const quiet: Case[] = [
    c("the conversation id checked with isSessionId and converted with toSessionId", `import { isSessionId, toSessionId } from "honeyhive";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const body = (await request.json()) as { conversationId?: unknown; message: string };
  if (typeof body.conversationId === "string" && body.conversationId !== "") {
    tracer.createSession({ sessionId: isSessionId(body.conversationId) ? body.conversationId : toSessionId(body.conversationId), skipApiCall: true });
  }
  return Response.json({ answer: body.message });
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("LangChain's UpstashRedisChatMessageHistory({ sessionId: body.conversationId }) (another library's session id)", `import { UpstashRedisChatMessageHistory } from "@langchain/community/stores/message/upstash_redis";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const body = (await request.json()) as { conversationId: string; message: string };
  const history = new UpstashRedisChatMessageHistory({ sessionId: body.conversationId, config: { url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! } });
  await history.addUserMessage(body.message);
  tracer.createSession({ sessionName: "chat" });
  return Response.json({ messages: (await history.getMessages()).length });
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
    c("the app's own createSession helper of ./chat-store with the client's conversation id", `import { createSession } from "@/lib/chat-store";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const body = (await request.json()) as { conversationId: string };
  const chat = await createSession({ sessionId: body.conversationId });
  tracer.createSession({ sessionName: "chat" });
  return Response.json(chat);
}
`, { filename: ROUTE, files: { ...NEXT_SELF_HOSTED, "lib/chat-store.ts": `export async function createSession(options: { sessionId: string }) {\n  return { id: options.sessionId, createdAt: Date.now() };\n}\n` } }),
    c("a BullMQ job's conversation id (the application's own message, not a source)", `import { Worker } from "bullmq";
import { tracer } from "./tracing";

export const worker = new Worker("replies", async (job) => {
  tracer.createSession({ sessionId: job.data.conversationId, skipApiCall: true });
  return tracer.startSpan("reply", async () => String(job.data.text));
}, { connection: { host: "localhost", port: 6379 } });
`, { filename: "src/worker.ts", files: BULLMQ }),
    c("sessionId: crypto.randomUUID() in a streaming route", `import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  const sessionId = tracer.createSession({ sessionId: crypto.randomUUID(), sessionName: "chat" });
  const text = await request.text();
  return new Response(text, { headers: { "x-session-id": sessionId } });
}
`, { filename: ROUTE, files: NEXT_SELF_HOSTED }),
  ];
  describeCases(SESSION_ID_RULE, sessionIdRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Second batch, written from the docs before reading the framework descriptors: agent tool callbacks (AI SDK `tool({
// execute })`, Mastra `createTool`, the OpenAI Agents SDK's `tool`, LangChain's `tool(fn, …)`), LangGraph nodes and the
// queue consumers the docs name (sqs-consumer, kafkajs). A tool's `execute` runs once per tool call, many times per
// request and concurrently across requests: a tracer made there is one per call, and `sessionStart()` there races like in
// a handler. Checked with the search tool: AI SDK `tool({ description, parameters, execute })` (ai-sdk.dev), Mastra
// `createTool({ id, description, inputSchema, execute })` (@mastra/core/tools), `tool({ name, description, parameters,
// execute })` of @openai/agents, LangChain's `tool(func, { name, description, schema })` (@langchain/core/tools).
const AGENT_DEPS = { ...HH2, ai: "^4.1.0", "@ai-sdk/openai": "^1.1.0", "@mastra/core": "^0.10.0", "@openai/agents": "^0.1.0", "@langchain/core": "^0.3.0", "@langchain/langgraph": "^0.2.0", zod: "^3.24.0" };
const AGENT = { "package.json": pkg(AGENT_DEPS, { type: "module" }), "src/tracing.ts": TRACING_TS };
const INIT_IN = `const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "agent" });`;
describe(`${INIT_RULE} (blind 13, second batch: agent tools, graph nodes, queue consumers)`, () => {
  const reported: Case[] = [
    c("HoneyHiveTracer.init inside an AI SDK tool's execute (once per tool call)", `import { tool } from "ai";
import { HoneyHiveTracer } from "honeyhive";
import { z } from "zod";

export const weather = tool({
  description: "the weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    ${INIT_IN}
    return tracer.startSpan("weather", async () => ({ city, tempC: 21 }));
  },
});
`, { filename: "src/tools.ts", files: AGENT }),
    c("HoneyHiveTracer.init inside a Mastra createTool execute", `import { createTool } from "@mastra/core/tools";
import { HoneyHiveTracer } from "honeyhive";
import { z } from "zod";

export const weatherTool = createTool({
  id: "get-weather",
  description: "the weather in a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => {
    ${INIT_IN}
    return tracer.startSpan("weather", async () => ({ city: context.city, tempC: 21 }));
  },
});
`, { filename: "src/mastra/tools/weather.ts", files: AGENT }),
    c("HoneyHiveTracer.init inside an OpenAI Agents SDK tool's execute", `import { tool } from "@openai/agents";
import { HoneyHiveTracer } from "honeyhive";
import { z } from "zod";

export const lookup = tool({
  name: "lookup",
  description: "look a term up",
  parameters: z.object({ term: z.string() }),
  execute: async ({ term }) => {
    ${INIT_IN}
    return tracer.startSpan("lookup", async () => term.toUpperCase());
  },
});
`, { filename: "src/tools.ts", files: AGENT }),
    c("HoneyHiveTracer.init inside a LangChain tool(func, { name, schema })", `import { tool } from "@langchain/core/tools";
import { HoneyHiveTracer } from "honeyhive";
import { z } from "zod";

export const search = tool(
  async ({ query }) => {
    ${INIT_IN}
    return tracer.startSpan("search", async () => "results for " + query);
  },
  { name: "search", description: "search the web", schema: z.object({ query: z.string() }) },
);
`, { filename: "src/tools.ts", files: AGENT }),
    c("HoneyHiveTracer.init inside a LangGraph node added with addNode", `import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { HoneyHiveTracer } from "honeyhive";

export const graph = new StateGraph(MessagesAnnotation)
  .addNode("agent", async (state) => {
    ${INIT_IN}
    await tracer.startSpan("agent", async () => state.messages.length);
    return { messages: [] };
  })
  .addEdge("__start__", "agent")
  .compile();
`, { filename: "src/graph.ts", files: AGENT }),
    c("HoneyHiveTracer.init in an sqs-consumer handleMessage", `import { Consumer } from "sqs-consumer";
import { HoneyHiveTracer } from "honeyhive";

export const consumer = Consumer.create({
  queueUrl: process.env.QUEUE_URL!,
  handleMessage: async (message) => {
    ${INIT_IN}
    await tracer.startSpan("embed", async () => message.Body?.length);
    return message;
  },
});
consumer.start();
`, { filename: "src/consumer.ts", files: { "package.json": pkg({ ...HH2, "sqs-consumer": "^11.2.0" }) } }),
    c("HoneyHiveTracer.init in a kafkajs consumer.run({ eachMessage })", `import { Kafka } from "kafkajs";
import { HoneyHiveTracer } from "honeyhive";

const consumer = new Kafka({ brokers: ["localhost:9092"] }).consumer({ groupId: "summaries" });
await consumer.connect();
await consumer.subscribe({ topic: "chats" });
await consumer.run({
  eachMessage: async ({ message }) => {
    ${INIT_IN}
    await tracer.startSpan("summarize", async () => message.value?.toString());
  },
});
`, { filename: "src/consumer.ts", files: { "package.json": pkg({ ...HH2, kafkajs: "^2.2.4" }, { type: "module" }) } }),
  ];
  const quiet: Case[] = [
    c("an AI SDK tool's execute using the module tracer", `import { tool } from "ai";
import { z } from "zod";
import { tracer } from "./tracing";

export const weather = tool({
  description: "the weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => tracer.startSpan("weather", async () => ({ city, tempC: 21 })),
});
`, { filename: "src/tools.ts", files: AGENT }),
    c("the app's own tool() registry (not an agent framework's) with an init inside its callback", `import { HoneyHiveTracer } from "honeyhive";

const registry = new Map<string, () => Promise<unknown>>();
function tool(name: string, run: () => Promise<unknown>) {
  registry.set(name, run);
}

tool("bootstrap", async () => {
  ${INIT_IN}
  return tracer.sessionId;
});
`, { filename: "src/registry.ts", files: { "package.json": pkg(HH2) } }),
    c("a Mastra Agent built at module level beside a module-level tracer", `import { Agent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import { tracer } from "../tracing";

export const assistant = new Agent({ name: "assistant", instructions: "Be brief.", model: openai("gpt-4o-mini") });
export const ready = tracer.sessionId !== undefined;
`, { filename: "src/mastra/agent.ts", files: AGENT }),
  ];
  describeCases(INIT_RULE, initRule as AnyRule, { reported, quiet });
});

describe(`${SESSION_START_RULE} (blind 13, second batch: agent tools, graph nodes, queue consumers)`, () => {
  const reported: Case[] = [
    c("tracer.sessionStart() in an AI SDK tool's execute", `import { tool } from "ai";
import { z } from "zod";
import { tracer } from "./tracing";

export const weather = tool({
  description: "the weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    tracer.sessionStart({ sessionName: "weather" });
    return { city, tempC: 21 };
  },
});
`, { filename: "src/tools.ts", files: AGENT }),
    c("tracer.sessionStart() in a Mastra createTool execute", `import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { tracer } from "../../tracing";

export const weatherTool = createTool({
  id: "get-weather",
  description: "the weather in a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => {
    tracer.sessionStart({ sessionName: "weather" });
    return { city: context.city };
  },
});
`, { filename: "src/mastra/tools/weather.ts", files: AGENT }),
    c("tracer.sessionStart() in a LangGraph node", `import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { tracer } from "./tracing";

export const graph = new StateGraph(MessagesAnnotation)
  .addNode("agent", async (state) => {
    tracer.sessionStart({ sessionName: "agent" });
    return { messages: state.messages };
  })
  .addEdge("__start__", "agent")
  .compile();
`, { filename: "src/graph.ts", files: AGENT }),
    c("tracer.sessionStart() in an sqs-consumer handleMessage", `import { Consumer } from "sqs-consumer";
import { tracer } from "./tracing";

export const consumer = Consumer.create({
  queueUrl: process.env.QUEUE_URL!,
  handleMessage: async (message) => {
    tracer.sessionStart({ sessionName: "message-" + message.MessageId });
    return message;
  },
});
`, { filename: "src/consumer.ts", files: { "package.json": pkg({ ...HH2, "sqs-consumer": "^11.2.0" }), "src/tracing.ts": TRACING_TS } }),
    c("tracer.sessionStart() in kafkajs eachMessage", `import { Kafka } from "kafkajs";
import { tracer } from "./tracing";

const consumer = new Kafka({ brokers: ["localhost:9092"] }).consumer({ groupId: "summaries" });
await consumer.run({
  eachMessage: async ({ message }) => {
    tracer.sessionStart({ sessionName: "chat-" + message.key?.toString() });
  },
});
`, { filename: "src/consumer.ts", files: { "package.json": pkg({ ...HH2, kafkajs: "^2.2.4" }, { type: "module" }), "src/tracing.ts": TRACING_TS } }),
  ];
  const quiet: Case[] = [
    c("tracer.createSession() in an AI SDK tool's execute", `import { tool } from "ai";
import { z } from "zod";
import { tracer } from "./tracing";

export const weather = tool({
  description: "the weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    tracer.createSession({ sessionName: "weather" });
    return { city, tempC: 21 };
  },
});
`, { filename: "src/tools.ts", files: AGENT }),
    c("tracer.sessionStart() in a one-off LangGraph script's top level (a script, before the graph runs)", `import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { tracer } from "./tracing";

const graph = new StateGraph(MessagesAnnotation)
  .addNode("agent", async (state) => ({ messages: state.messages }))
  .addEdge("__start__", "agent")
  .compile();

tracer.sessionStart({ sessionName: "graph-script" });
await graph.invoke({ messages: [] });
`, { filename: "scripts/graph.ts", files: { ...AGENT, "scripts/tracing.ts": TRACING_TS } }),
  ];
  describeCases(SESSION_START_RULE, sessionStartRule as AnyRule, { reported, quiet });
});

describe(`${FLUSH_RULE} (blind 13, second batch: Hono on Lambda with streamHandle)`, () => {
  const HONO_LAMBDA = { "package.json": pkg({ ...HH2, hono: "^4.6.0" }), "src/tracing.ts": TRACING_TS };
  const reported: Case[] = [
    c("Hono app served by hono/aws-lambda's streamHandle: a streamSSE route that traces, no flush", `import { Hono } from "hono";
import { streamHandle } from "hono/aws-lambda";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.get("/sse", (c) => {
  tracer.createSession({ sessionName: "sse" });
  return streamSSE(c, async (stream) => {
    await tracer.startSpan("tick", () => stream.writeSSE({ data: "hello" }));
  });
});

export const handler = streamHandle(app);
`, { filename: "src/index.ts", files: HONO_LAMBDA }),
    c("Hono on Lambda (streamHandle): a middleware flushing after await next() runs before the SSE stream has run", `import { Hono } from "hono";
import { streamHandle } from "hono/aws-lambda";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.use(async (c, next) => {
  tracer.createSession({ sessionName: "sse" });
  await next();
  await tracer.forceFlush();
});

app.get("/sse", (c) =>
  streamSSE(c, async (stream) => {
    await tracer.startSpan("tick", () => stream.writeSSE({ data: "hello" }));
  }),
);

export const handler = streamHandle(app);
`, { filename: "src/index.ts", files: HONO_LAMBDA }),
  ];
  const quiet: Case[] = [
    c("Hono on Lambda (streamHandle): the SSE callback flushes in finally after its last event", `import { Hono } from "hono";
import { streamHandle } from "hono/aws-lambda";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.get("/sse", (c) =>
  streamSSE(c, async (stream) => {
    try {
      tracer.createSession({ sessionName: "sse" });
      await tracer.startSpan("tick", () => stream.writeSSE({ data: "hello" }));
    } finally {
      await tracer.forceFlush();
    }
  }),
);

export const handler = streamHandle(app);
`, { filename: "src/index.ts", files: HONO_LAMBDA }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// Third batch (written after the first run, from the docs): the AI SDK's pipe-to-response form on a platform whose
// invocation ends with the response, and instrumentations registered with a provider or under another pipeline. All four
// right on their first run.
const FIREBASE_AI = {
  "package.json": pkg({ ...HH2, "firebase-functions": "^6.1.0", ai: "^4.1.0", "@ai-sdk/openai": "^1.1.0" }, { main: "lib/index.js" }),
  "firebase.json": JSON.stringify({ functions: [{ source: ".", codebase: "default" }] }),
  "src/tracing.ts": TRACING_TS,
};
describe(`${FLUSH_RULE} (blind 13, third batch: pipeDataStreamToResponse)`, () => {
  const reported: Case[] = [
    c("Firebase v2 onRequest pipes an AI SDK stream into res (pipeDataStreamToResponse), no flush", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { onRequest } from "firebase-functions/v2/https";
import { tracer } from "./tracing";

export const chat = onRequest(async (req, res) => {
  tracer.createSession({ sessionName: "chat" });
  const result = streamText({ model: openai("gpt-4o-mini"), prompt: String(req.body.prompt), experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });
  result.pipeDataStreamToResponse(res);
});
`, { filename: "src/index.ts", files: FIREBASE_AI }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet: [] });
});

describe(`${PROVIDER_RULE} (blind 13, third batch: providers and other pipelines)`, () => {
  const OI = { ...EXPRESS, "package.json": pkg({ ...HH2, openai: "^4.77.0", "@arizeai/openinference-instrumentation-openai": "^1.0.0", "@opentelemetry/instrumentation": "^0.57.0", "@traceloop/node-server-sdk": "^0.11.0" }) };
  const reported: Case[] = [
    c("Next.js instrumentation.ts register() makes OpenAIInstrumentation without a provider, tracer from lib/tracing", `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { tracer } from "./lib/tracing";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const OpenAI = (await import("openai")).default;
  new OpenAIInstrumentation().manuallyInstrument(OpenAI);
  tracer.enrichSession({ metadata: { booted: true } });
}
`, { filename: "instrumentation.ts", files: { ...NEXT_SELF_HOSTED, "package.json": pkg({ ...HH2, ...AI_DEPS, next: "^15.1.0", "@arizeai/openinference-instrumentation-openai": "^1.0.0" }) } }),
  ];
  const quiet: Case[] = [
    c("registerInstrumentations({ tracerProvider: tracer.provider, instrumentations: [new OpenAIInstrumentation()] })", `import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { tracer } from "./tracing";

registerInstrumentations({ tracerProvider: tracer.provider, instrumentations: [new OpenAIInstrumentation()] });
`, { filename: "src/instrumentation.ts", files: OI }),
    c("Traceloop's own pipeline (traceloop.initialize with instrumentModules) beside a HoneyHive tracer", `import * as traceloop from "@traceloop/node-server-sdk";
import OpenAI from "openai";
import { tracer } from "./tracing";

traceloop.initialize({ appName: "assistant", disableBatch: true, instrumentModules: { openAI: OpenAI } });
export const ready = tracer.sessionId;
`, { filename: "src/instrumentation.ts", files: OI }),
  ];
  describeCases(PROVIDER_RULE, providerRule as AnyRule, { reported, quiet });
});

// ---------------------------------------------------------------------------------------------------
// fix-blind13: look-alikes around the three causes, written with the fix (analysis/flush.ts: spans after the last flush;
// analysis/stream-work.ts and knowledge/streams.ts: what runs while a response streams).
describe(`${FLUSH_RULE} (fix-blind13: spans after the flush, streams that trace after the return)`, () => {
  const NETLIFY = { "package.json": pkg({ ...HH2, "@netlify/functions": "^2.8.2" }, { type: "module" }), "netlify/lib/tracing.ts": TRACING_TS };
  /** A Netlify function returning a ReadableStream, flushing through context.waitUntil in its finally; the span in start() or before it. */
  const netlifyStream = (spanInStart: boolean): string => `import type { Context } from "@netlify/functions";
import { tracer } from "../lib/tracing";

export default async (request: Request, context: Context) => {
  try {
${spanInStart ? "" : '    const text = await tracer.startSpan("answer", async () => request.url);\n'}    const stream = new ReadableStream({
      ${spanInStart ? "async start(controller) {\n        const text = await tracer.startSpan(\"answer\", async () => request.url);" : "start(controller) {"}
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    return new Response(stream);
  } finally {
    context.waitUntil(tracer.forceFlush());
  }
};
`;
  const reported: Case[] = [
    c("Lambda: await tracer.forceFlush(), then a call of a traced function before the return", `import { trace } from "honeyhive";
import { tracer } from "./lib/tracing";

const summarize = trace({ tracer, eventName: "summarize" }, async (text: string) => text.slice(0, 100));

export const handler = async (event: { body: string }) => {
  await tracer.forceFlush();
  const summary = await summarize(event.body);
  return { statusCode: 200, body: summary };
};
`, { filename: "src/summarize.ts", files: AWS }),
    c("Lambda: the flush comes before a loop whose body starts spans", `import { tracer } from "./lib/tracing";

export const handler = async (event: { items: string[] }) => {
  await tracer.forceFlush();
  for (const item of event.items) await tracer.startSpan("item", async () => item.length);
  return { statusCode: 204 };
};
`, { filename: "src/items.ts", files: AWS }),
    c("Netlify function: context.waitUntil(tracer.forceFlush()) in finally, the ReadableStream's start() traces", netlifyStream(true), { filename: "netlify/functions/chat.mts", files: NETLIFY }),
    c("Next.js on Vercel: AI SDK telemetry on, await tracer.forceFlush() before returning toTextStreamResponse()", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "@/lib/tracing";

export async function POST(req: Request) {
  const result = streamText({ model: openai("gpt-4o-mini"), prompt: await req.text(), experimental_telemetry: { isEnabled: true, tracer: tracer.provider.getTracer("ai") } });
  await tracer.forceFlush();
  return result.toTextStreamResponse();
}
`, { filename: ROUTE, files: NEXT_VERCEL }),
  ];
  const quiet: Case[] = [
    c("Lambda streamifyResponse: the span, then the flush, then writes that start no span", `import { tracer } from "./lib/tracing";

declare const awslambda: { streamifyResponse<T>(fn: T): T };

export const handler = awslambda.streamifyResponse(async (event: { body: string }, responseStream: NodeJS.WritableStream) => {
  const answer = await tracer.startSpan("answer", async () => event.body.toUpperCase());
  await tracer.forceFlush();
  for (const part of answer.split(" ")) responseStream.write(part);
  responseStream.end();
});
`, { filename: "src/stream.ts", files: AWS }),
    c("Lambda: a function that would start a span is made after the flush, not called", `import { tracer } from "./lib/tracing";

export const handler = async (event: { body: string }) => {
  const text = await tracer.startSpan("answer", async () => event.body);
  await tracer.forceFlush();
  const later = () => tracer.startSpan("later", async () => text);
  return { statusCode: 200, body: text, later: typeof later };
};
`, { filename: "src/later.ts", files: AWS }),
    c("Next.js on Vercel: after(() => tracer.forceFlush()) first, spans after it in the handler", `import { after } from "next/server";
import { tracer } from "@/lib/tracing";

export async function POST(request: Request) {
  after(() => tracer.forceFlush());
  const text = await tracer.startSpan("answer", async () => request.url);
  return new Response(text);
}
`, { filename: ROUTE, files: NEXT_VERCEL }),
    c("Netlify function: the stream's start() only enqueues what the handler traced; the handler's finally hands the flush to waitUntil", netlifyStream(false), { filename: "netlify/functions/chat.mts", files: NETLIFY }),
    c("Hono on Cloudflare Workers: the streamSSE callback traces and flushes in its finally", `import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { tracer } from "./tracing";

const app = new Hono();

app.post("/chat", (c) =>
  streamSSE(c, async (stream) => {
    try {
      const words = await tracer.startSpan("answer", async () => ["hello", "world"]);
      for (const word of words) await stream.writeSSE({ data: word });
    } finally {
      await tracer.forceFlush();
    }
  }),
);

export default app;
`, { filename: "src/index.ts", files: WORKERS }),
    c("Next.js on Vercel: AI SDK without telemetry, onFinish only stores the text, the handler flushes before returning", `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { tracer } from "@/lib/tracing";

const saved: string[] = [];

export async function POST(req: Request) {
  const prompt = await tracer.startSpan("prompt", async () => req.text());
  const result = streamText({ model: openai("gpt-4o-mini"), prompt, onFinish: ({ text }) => void saved.push(text) });
  await tracer.forceFlush();
  return result.toDataStreamResponse();
}
`, { filename: ROUTE, files: NEXT_VERCEL }),
  ];
  describeCases(FLUSH_RULE, flushRule as AnyRule, { reported, quiet });
});
