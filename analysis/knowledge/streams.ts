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
//   `experimental_telemetry: { isEnabled: true }` makes spans while the stream runs. (Whether the SDK's root span
//   `ai.streamText` ends before or after `onFinish` was not found in the corpus: see the report of fix-blind13.)
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
}

/** A library call that returns a streamed response and runs its callback argument while it streams (Hono's `streamSSE(c, cb)`). */
export interface StreamCallbackCall {
  readonly kind: "callback-call";
  readonly value: ValueSpecifier;
  /** The argument that runs while the response streams. */
  readonly callback: number;
}

/**
 * A library call whose result makes the streamed response through one of `responseMethods` (the AI SDK's
 * `streamText({ onFinish })` + `result.toDataStreamResponse()`): the options in `callbacks` run while it streams,
 * and `telemetryOption` with `isEnabled: true` makes the library trace while it streams.
 */
export interface StreamResultCall {
  readonly kind: "result-call";
  readonly value: ValueSpecifier;
  /** The argument holding the options object. */
  readonly argument: number;
  readonly callbacks: readonly string[];
  /** Methods of the result that answer with its stream (returned, or piped into the platform's response object). */
  readonly responseMethods: readonly string[];
  /** The option that turns the library's own spans on (`experimental_telemetry: { isEnabled: true }`). */
  readonly telemetryOption?: string;
}

export type StreamSource = StreamConstructor | StreamCallbackCall | StreamResultCall;

export const STREAM_SOURCES: readonly StreamSource[] = [
  { kind: "constructor", name: "ReadableStream", argument: 0, callbacks: ["start", "pull"] },
  { kind: "constructor", name: "TransformStream", argument: 0, callbacks: ["transform", "flush"] },
  { kind: "callback-call", value: { package: "hono/streaming", name: ["stream", "streamText", "streamSSE"] }, callback: 1 },
  {
    kind: "result-call",
    value: { package: "ai", name: ["streamText", "streamObject"] },
    argument: 0,
    callbacks: ["onFinish", "onChunk"],
    responseMethods: [
      "toDataStreamResponse",
      "toTextStreamResponse",
      "toUIMessageStreamResponse",
      "pipeDataStreamToResponse",
      "pipeTextStreamToResponse",
      "pipeUIMessageStreamToResponse",
    ],
    telemetryOption: "experimental_telemetry",
  },
];

/**
 * A traced scope the handler starts and leaves running (`void tracer.startSpan("generate", async () => { await
 * writer.write(chunk); })`) that writes chunks into a stream through one of these methods runs while the response
 * streams too: it ends when the reader has read them, after the handler returned.
 */
export const STREAM_WRITE_METHODS: readonly string[] = ["write", "enqueue", "writeSSE", "writeln"];
