// Runs a function inside a span: the one place that knows how to trace a call correctly. Sync
// functions stay sync (only a native Promise result is awaited), the span is active while the function
// runs, errors are recorded and re-thrown unchanged, the span always ends, and a failure of the
// tracing machinery itself is swallowed so it can never change what the application sees.
import {
  INVALID_SPAN_CONTEXT,
  SpanStatusCode,
  context,
  trace as otelTrace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { ATTR_ERROR, ATTR_INPUT_PARAMS, ATTR_OUTPUT_RESULT, errorMessage } from "./enrichment.js";
import { safeStringify, toAttributeValue } from "./serialize.js";

export interface SpanRunOptions {
  name: string;
  attributes?: Attributes;
  /** Arguments recorded as `honeyhive_inputs._params_`; omitted when undefined. */
  inputs?: readonly unknown[];
  /** Record the return (or resolved) value as `honeyhive_outputs.result`. */
  captureOutput?: boolean;
}

export function runInSpan<T>(tracer: Tracer, options: SpanRunOptions, body: (span: Span) => T): T {
  let span: Span;
  let spanContext: Context;
  try {
    const parent = context.active();
    span = tracer.startSpan(options.name, { attributes: options.attributes }, parent);
    spanContext = otelTrace.setSpan(parent, span);
    if (options.inputs !== undefined) {
      const inputs = options.inputs;
      bestEffort(() => span.setAttribute(ATTR_INPUT_PARAMS, safeStringify(inputs)));
    }
  } catch {
    // The tracer failed to start a span: run the function as if it were not traced.
    return body(otelTrace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  }

  let result: T;
  try {
    result = context.with(spanContext, body, undefined, span);
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value: unknown) => {
        endWithResult(span, value, options.captureOutput);
        return value;
      },
      (error: unknown) => {
        endWithError(span, error);
        throw error;
      },
    ) as T;
  }
  endWithResult(span, result, options.captureOutput);
  return result;
}

function endWithResult(span: Span, value: unknown, captureOutput: boolean | undefined): void {
  bestEffort(() => {
    if (captureOutput && value !== undefined) span.setAttribute(ATTR_OUTPUT_RESULT, toAttributeValue(value));
  });
  bestEffort(() => span.end());
}

function endWithError(span: Span, error: unknown): void {
  bestEffort(() => {
    const message = errorMessage(error);
    span.recordException(error instanceof Error ? error : message);
    span.setStatus({ code: SpanStatusCode.ERROR, message });
    span.setAttribute(ATTR_ERROR, message);
  });
  bestEffort(() => span.end());
}

/** Runs a tracing side effect; its failure must not reach the traced code. */
function bestEffort(effect: () => void): void {
  try {
    effect();
  } catch {
    // Deliberately ignored: see the module comment.
  }
}
