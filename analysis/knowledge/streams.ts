// What runs WHILE a streamed response streams, after the handler has returned: the callbacks a handler hands to a
// stream (or to a library that makes the stream) that the runtime or the library calls once the response is on its
// way. Spans those callbacks start end after the handler returned, so a flush on the handler's own path (an awaited
// one, or `waitUntil(tracer.forceFlush())` in its `finally`) runs before them; a flush at the end of such a callback
// (before the stream closes) runs after them, and the response ends only after it. Read by analysis/stream-work.ts,
// for the flush rule and the flush fix only (files past the flush rule's gates).
//
// Checked with the search tool (docs corpus):
// - ReadableStream's underlying source: `start(controller)` "called immediately when the object is constructed" and
//   may return a promise; `pull(controller)` is called while the queue is not full (developer.mozilla.org,
//   ReadableStream() constructor; nodejs.org webstreams `new ReadableStream([underlyingSource])`). An async `start`
//   keeps running after the constructor returned: the response streams while it enqueues, and ends at `close()`.
// - TransformStream's transformer `transform(chunk, controller)` / `flush(controller)` run as chunks pass and when the
//   writable side closes (same spec family; Hono's own stream helpers build on `new TransformStream()`).
// - Hono `stream(c, cb)`, `streamText(c, cb)`, `streamSSE(c, cb)` (hono.dev/helpers/streaming; hono/dist/helper/
//   streaming/sse.js: `run(stream, cb, onError)` is not awaited, `c.newResponse(stream.responseReadable)` is returned
//   at once, and `run` closes the stream in its `finally` after `await cb(stream)`).
// - The AI SDK's `streamText` / `streamObject` `onFinish` / `onChunk` options (vercel/ai: `onFinish` is awaited in the
//   flush of the result's TransformStream, so the response's stream ends after it settles), when the result's
//   response is what the handler answers with (`to…StreamResponse()` returned, `pipe…ToResponse(res)` called). Its
//   `experimental_telemetry: { isEnabled: true }` makes spans while the stream runs, and the root span `ai.streamText`
//   ends AFTER `onFinish`: read in vercel/ai (fetched snapshot ed857f50), ai@4.3.16 packages/ai/core/generate-text/
//   stream-text.ts:828 `await onFinish?.({…})` then :870 `rootSpan.end()` in the `finally` of the same flush(); the
//   same order in ai@5.0.0 packages/ai/src/generate-text/stream-text.ts:845/:896 and ai@6.0.0 :938/:991; in 7.x
//   (stream-text.ts:1524) `onEnd`/`onFinish` and the telemetry integration's `onEnd`, which ends the root span
//   (packages/otel/src/legacy-open-telemetry.ts:881), run side by side (packages/ai/src/util/notify.ts: Promise.all).
//   So a flush inside `onFinish` never covers the library's root span: with telemetry on, only a flush after the
//   response does (analysis/flush.ts `streamWorkOf`). Without telemetry the library makes no span (ai@4.3.16
//   core/telemetry/get-tracer.ts: `isEnabled` false → the noop tracer), and a flush at the end of `onFinish` ends the
//   response after the callbacks' own spans.
// Not in the table, because they run on the handler's own path and the must-analysis follows them there
// (analysis/flush.ts: spans started after the last flush are unflushed): `awslambda.streamifyResponse(async (event,
// responseStream) => …)` bodies (the handler is the stream's writer) and Node `res.write(…)` loops before `res.end()`.
import type { ValueSpecifier } from "./types.js";

/** A constructor whose options object holds callbacks that run while the stream streams (`new ReadableStream({ start })`). */
export interface StreamConstructor {
  readonly kind: "constructor";
  /** The global constructor's name (web streams are globals in Node ≥ 18, Workers, Deno, the Edge runtime). */
  readonly name: string;
  /** The argument holding the options object. */
  readonly argument: number;
  /** Its methods (or function-valued properties) that run while the response streams. */
  readonly callbacks: readonly string[];
  readonly end?: StreamEnd;
}

/**
 * Where the stream's work ends, so an awaited flush written there ends the response after every callback's spans (the
 * flush fix writes it; without an `end` it writes a review marker). `callback`: the callback whose end it is (absent:
 * the source's one callback); `before`: the call on its first parameter that closes the stream, which the flush must
 * precede (`controller.close()`); absent, the flush goes last in the callback.
 */
export interface StreamEnd {
  readonly callback?: string | readonly string[];
  readonly before?: string;
}

/** A library call that returns a streamed response and runs its callback argument while it streams (Hono's `streamSSE(c, cb)`). */
export interface StreamCallbackCall {
  readonly kind: "callback-call";
  readonly value: ValueSpecifier;
  /** The argument that runs while the response streams. */
  readonly callback: number;
  readonly end?: StreamEnd;
}

/**
 * Where a library traces by default, with no `isEnabled` in its telemetry settings: the AI SDK from 7.0 on, once a
 * telemetry integration is registered (`registerTelemetry(new OpenTelemetry())` of `ai`, usually in instrumentation.ts;
 * the OpenTelemetry one is `@ai-sdk/otel`) or given to the call (`telemetry: { integrations }`); `isEnabled: false`
 * opts a call out (vercel/ai ai@7.0.77 packages/ai/src/telemetry/telemetry-options.ts "Enabled by default when a
 * telemetry integration is registered", create-telemetry-dispatcher.ts; ai-sdk.dev/v7/docs/ai-sdk-core/telemetry; read
 * with the search and fetch tools 2026-12-07). Before 7.0, `isEnabled` is "Disabled by default while experimental".
 */
export interface TelemetryDefault {
  /** The library version from which settings without `isEnabled` trace (a project that admits an older one: off). */
  readonly since: { readonly package: string; readonly version: readonly [major: number, minor: number] };
  /** The call that registers integrations for every call, seen in the file (`registerTelemetry` of `ai`). */
  readonly register: ValueSpecifier;
  /** Packages whose declaration in the nearest package.json says the project registers one (in another module). */
  readonly integrationPackages: readonly string[];
  /** The settings key of the call's own integrations. */
  readonly integrationsKey: string;
}

/**
 * A library call whose result makes the streamed response through one of `responseMethods` (the AI SDK's
 * `streamText({ onFinish })` + `result.toDataStreamResponse()`): the options in `callbacks` run while it streams,
 * and the first of `telemetryOptions` present, with `isEnabled` true (or decided at run time: analysis/stream-work.ts
 * `telemetryOn`), or without it where `telemetryDefault` says so, makes the library trace while it streams.
 */
export interface StreamResultCall {
  readonly kind: "result-call";
  readonly value: ValueSpecifier;
  /** The argument holding the options object. */
  readonly argument: number;
  readonly callbacks: readonly string[];
  /** Methods of the result that make the response with its stream, which the handler returns (`return result.toDataStreamResponse()`). */
  readonly responseMethods: readonly string[];
  /** Methods of the result that send its stream into the platform's response object themselves (`result.pipeDataStreamToResponse(res)`). */
  readonly sendMethods: readonly string[];
  /** The options, by precedence, that turn the library's own spans on (`telemetry: { isEnabled: true }`, `experimental_telemetry`). */
  readonly telemetryOptions?: readonly string[];
  readonly telemetryDefault?: TelemetryDefault;
  /** Where its callbacks' work ends (never a place to flush the library's own spans: they end after it). */
  readonly end?: StreamEnd;
}

export type StreamSource = StreamConstructor | StreamCallbackCall | StreamResultCall;

export const STREAM_SOURCES: readonly StreamSource[] = [
  // An async `start()` that ends with `controller.close()`: the stream ends there (a `pull` source has no one end).
  { kind: "constructor", name: "ReadableStream", argument: 0, callbacks: ["start", "pull"], end: { callback: "start", before: "close" } },
  // `flush()` is called once the last chunk's `transform()` has settled, and the readable side closes after it.
  { kind: "constructor", name: "TransformStream", argument: 0, callbacks: ["transform", "flush"], end: { callback: "flush" } },
  // Hono's `run` closes the stream in its `finally` after `await cb(stream)`: the callback's end is the stream's.
  { kind: "callback-call", value: { package: "hono/streaming", name: ["stream", "streamText", "streamSSE"] }, callback: 1, end: {} },
  {
    kind: "result-call",
    value: { package: "ai", name: ["streamText", "streamObject"] },
    argument: 0,
    // 7.0 renames `onFinish` to `onEnd` (`onFinish` stays, deprecated: ai@7.0.77 stream-text.ts).
    callbacks: ["onFinish", "onEnd", "onChunk"],
    responseMethods: ["toDataStreamResponse", "toTextStreamResponse", "toUIMessageStreamResponse"],
    sendMethods: ["pipeDataStreamToResponse", "pipeTextStreamToResponse", "pipeUIMessageStreamToResponse"],
    // 7.0's `telemetry`, which wins over the deprecated `experimental_telemetry` (`telemetry = experimental_telemetry`).
    telemetryOptions: ["telemetry", "experimental_telemetry"],
    telemetryDefault: { since: { package: "ai", version: [7, 0] }, register: { package: "ai", name: "registerTelemetry" }, integrationPackages: ["@ai-sdk/otel"], integrationsKey: "integrations" },
    // `onFinish` (`onEnd`) runs after the last chunk, and the response's stream ends after it settles.
    end: { callback: ["onFinish", "onEnd"] },
  },
];

/**
 * A traced scope the handler starts and leaves running (`void tracer.startSpan("generate", async () => { await
 * writer.write(chunk); })`) that writes chunks into a stream through one of these methods runs while the response
 * streams too: it ends when the reader has read them, after the handler returned.
 */
export const STREAM_WRITE_METHODS: readonly string[] = ["write", "enqueue", "writeSSE", "writeln"];

/**
 * Where a stream reaches the response, so its callbacks run after the handler returned (a stream the handler reads
 * itself, `await new Response(stream).text()`, runs on the handler's own path instead): the stream, or what wraps
 * it, is returned, or handed to one of these. The Fetch API's `new Response(body)` takes a ReadableStream (MDN
 * Response.body; whatwg/fetch ResponseBodyInit), and `NextResponse` of next/server and the AI SDK 3.x
 * `StreamingTextResponse` of `ai` extend it; Hono's Context has `body` and `newResponse` (deno.land/x/hono Context;
 * its own stream helper answers `c.newResponse(stream.responseReadable)`, hono/dist/helper/streaming/stream.js);
 * Fastify's `reply.send(payload)` sends "a stream" (fastify docs/Reply.md; test/web-api.test.js sends a web
 * ReadableStream), as Express's `res.send` does a body. Checked with the search tool (docs corpus). A
 * `.pipeThrough(transform)` of the stream is the same stream; a `.pipeTo(writable)` goes wherever that writable goes
 * (not followed).
 */
export const STREAM_RESPONSES = {
  /** Constructors taking the body as their first argument: the global `Response`, and the exports that extend it. */
  constructors: { global: ["Response"], exports: [{ package: "next/server", name: "NextResponse" }, { package: "ai", name: "StreamingTextResponse" }] satisfies readonly ValueSpecifier[] },
  /** Methods that send their first argument as the response (`c.body(stream)`, `res.send(stream)`, `reply.send(stream)`). */
  sendMethods: ["body", "newResponse", "send"],
  /** Methods of a stream whose result carries it on (`stream.pipeThrough(transform)`). */
  carryMethods: ["pipeThrough"],
} as const;
