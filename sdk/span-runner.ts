// Runs a function inside a span: the one place that knows how to trace a call correctly. Sync
// functions stay sync (only a native Promise result is awaited), the span is active while the function
// runs, errors are recorded and re-thrown unchanged, the span always ends, and a failure of the
// tracing machinery itself is swallowed so it can never change what the application sees.
//
// Every traced call of the application runs through runTracedCall(), so it is written for the per-call
// cost: no options object, no closures (plain try/catch instead of a best-effort helper taking a
// callback), nothing serialized for a call without arguments.
import type { Context, Span, SpanOptions, Tracer } from "@opentelemetry/api";
import { INVALID_SPAN_CONTEXT, SpanStatusCode, context, trace as otelTrace } from "./otel-api.js";
import { ATTR_ERROR, ATTR_INPUT_PARAMS, ATTR_OUTPUT_RESULT, errorMessage } from "./enrichment.js";
import { safeStringify, toAttributeValue } from "./serialize.js";
import type { AnyFunction } from "./traced-function.js";

/** How a traced function's calls are recorded; made once per wrapped function, shared by its calls. */
export interface TracedCallOptions {
  name: string;
  /** Start options passed to `startSpan` as they are (attributes set at span start). */
  spanOptions: SpanOptions;
  /** Record the arguments as `honeyhive_inputs._params_` (only when there are any). */
  captureInputs: boolean;
  /** Record the return (or resolved) value as `honeyhive_outputs.result`. */
  captureOutput: boolean;
}

/**
 * Calls `fn` with `thisArg` and `args` in a new active span of `tracer`: the traced twin of
 * `Reflect.apply(fn, thisArg, args)`.
 */
export function runTracedCall(
  tracer: Tracer,
  options: TracedCallOptions,
  fn: AnyFunction,
  thisArg: unknown,
  args: unknown[],
): unknown {
  const parent = context.active();
  const span = startSpanIn(tracer, options.name, options.spanOptions, parent);
  if (span === undefined) return Reflect.apply(fn, thisArg, args);
  if (options.captureInputs && args.length > 0) recordInputs(span, args);
  let result: unknown;
  try {
    // Reflect.apply as the callback: `this` passes through exactly (null included), with no bound
    // function or closure allocated per call.
    result = context.with(otelTrace.setSpan(parent, span), Reflect.apply, undefined, fn, thisArg, args);
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
  return settle(span, result, options.captureOutput);
}

/** Runs `body(span)` in a new active span named `name` (tracer.startSpan()). */
export function runInSpan<T>(tracer: Tracer, name: string, body: (span: Span) => T): T {
  const parent = context.active();
  const span = startSpanIn(tracer, name, NO_SPAN_OPTIONS, parent);
  if (span === undefined) return body(otelTrace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  let result: T;
  try {
    result = context.with(otelTrace.setSpan(parent, span), body, undefined, span);
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
  return settle(span, result, false);
}

const NO_SPAN_OPTIONS: SpanOptions = {};

/** The started span, or undefined when the tracer failed (the call then runs untraced). */
function startSpanIn(tracer: Tracer, name: string, spanOptions: SpanOptions, parent: Context): Span | undefined {
  try {
    return tracer.startSpan(name, spanOptions, parent);
  } catch {
    return undefined;
  }
}

function recordInputs(span: Span, args: readonly unknown[]): void {
  try {
    span.setAttribute(ATTR_INPUT_PARAMS, safeStringify(args));
  } catch {
    // Best effort: see the module comment.
  }
}

/** Ends the span now for a plain value, or when a native Promise settles (returning the chained promise). */
function settle<T>(span: Span, result: T, captureOutput: boolean): T {
  if (isNativePromise(result)) {
    return result.then(
      (value: unknown) => {
        endWithResult(span, value, captureOutput);
        return value;
      },
      (error: unknown) => {
        endWithError(span, error);
        throw error;
      },
    ) as T;
  }
  endWithResult(span, result, captureOutput);
  return result;
}

/**
 * `value instanceof Promise`, false where asking throws: `instanceof` asks a Proxy for its prototype,
 * and one whose getPrototypeOf trap throws (or a revoked one) made the traced function throw what it
 * returned fine untraced (review-sdk4).
 */
function isNativePromise(value: unknown): value is Promise<unknown> {
  try {
    return value instanceof Promise;
  } catch {
    return false;
  }
}

function endWithResult(span: Span, value: unknown, captureOutput: boolean): void {
  try {
    if (captureOutput && value !== undefined) span.setAttribute(ATTR_OUTPUT_RESULT, toAttributeValue(value));
  } catch {
    // Best effort: the span still ends below.
  }
  endSafely(span);
}

function endWithError(span: Span, error: unknown): void {
  try {
    const message = errorMessage(error);
    span.recordException(error instanceof Error ? error : message);
    span.setStatus({ code: SpanStatusCode.ERROR, message });
    span.setAttribute(ATTR_ERROR, message);
  } catch {
    // Best effort: the span still ends below.
  }
  endSafely(span);
}

function endSafely(span: Span): void {
  try {
    span.end();
  } catch {
    // A failing span processor or exporter must not reach the traced code.
  }
}
