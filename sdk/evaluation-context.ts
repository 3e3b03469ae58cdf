// The tracer that evaluate() created for the datapoint being run lives in the OpenTelemetry context,
// so implicit trace() calls inside the evaluated function find it without any global state, even
// when many datapoints run concurrently.
import type { Context } from "@opentelemetry/api";
import { context, createContextKey } from "./otel-api.js";

const EVALUATION_TRACER = createContextKey("honeyhive.evaluation_tracer");

/** Runs `fn` with `tracer` as the tracer of the current evaluate() datapoint. */
export function withEvaluationTracer<T, Tracer extends object>(tracer: Tracer, fn: () => T): T {
  return context.with(context.active().setValue(EVALUATION_TRACER, tracer), fn);
}

/** The tracer evaluate() placed in `ctx` (the active context by default), if any. */
export function getEvaluationTracer<Tracer extends object>(ctx: Context = context.active()): Tracer | undefined {
  return ctx.getValue(EVALUATION_TRACER) as Tracer | undefined;
}
