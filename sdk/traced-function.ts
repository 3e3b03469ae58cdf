// Turns a function into its traced twin. The tracer is looked up at every call, not when wrapping,
// because the right tracer for implicit trace() (evaluate()'s per-datapoint tracer) only exists in
// the context of the call.
import type { Tracer } from "@opentelemetry/api";
import { ATTR_EVENT_TYPE, capEnrichment, enrichmentToAttributes } from "./enrichment.js";
import { runTracedCall, type TracedCallOptions } from "./span-runner.js";
import type { EventType } from "./types.js";

/**
 * Any function. `never[]` parameters make every function assignable without `any`: a parameter list
 * of `never` is a subtype of every parameter list.
 */
export type AnyFunction = (...args: never[]) => unknown;

export interface WrapOptions {
  eventType?: EventType;
  eventName?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Wraps `fn` so each call runs in a span of the tracer `resolveTracer()` returns at call time, or
 * untraced when it returns undefined. `this`, arguments, sync/async-ness, return values and errors
 * pass through unchanged; `name` and `length` are kept.
 */
export function wrapFunction<F extends AnyFunction>(
  fn: F,
  options: WrapOptions,
  resolveTracer: () => Tracer | undefined,
  defaultName: string = fn.name,
): F {
  const spanName = options.eventName ?? (defaultName || "anonymous");
  // Built once: every call starts its span with these attributes and the same options object.
  const callOptions: TracedCallOptions = {
    name: spanName,
    spanOptions: {
      attributes: {
        [ATTR_EVENT_TYPE]: options.eventType ?? "tool",
        ...(options.metadata ? capEnrichment(enrichmentToAttributes({ metadata: options.metadata })).admitted : {}),
      },
    },
    captureInputs: true,
    captureOutput: true,
  };
  const traced = function (this: unknown, ...args: unknown[]): unknown {
    let tracer: Tracer | undefined;
    try {
      tracer = resolveTracer();
    } catch {
      tracer = undefined;
    }
    if (!tracer) return Reflect.apply(fn, this, args);
    return runTracedCall(tracer, callOptions, fn, this, args);
  };
  copyIdentity(traced, fn);
  return traced as unknown as F;
}

function copyIdentity(wrapper: Function, original: Function): void {
  try {
    Object.defineProperty(wrapper, "name", { value: original.name, configurable: true });
    Object.defineProperty(wrapper, "length", { value: original.length, configurable: true });
  } catch {
    // A frozen or exotic function keeps the wrapper's own name; tracing still works.
  }
}
