// trace(): the way application code marks a function as a step of a trace, and the implicit globals
// enrichSpan()/enrichSession(). Which tracer records is decided at call time, in this order:
//   1. the `tracer` option,
//   2. the tracer evaluate() placed in the context for the current datapoint,
//   3. the default tracer (first initialized, or setDefaultTracer()), with a one-time deprecation warning,
//   4. none: the function runs untraced, with a one-time warning.
import { getDefaultTracer } from "./default-tracer.js";
import { getEvaluationTracer } from "./evaluation-context.js";
import { warnOnce } from "./logger.js";
import { warnUnreadableTraceOptions, wrapFunction, type AnyFunction } from "./traced-function.js";
import { isHoneyHiveTracer, otelTracerOf, type HoneyHiveTracer } from "./tracer.js";
import type { Enrichment, TraceOptions } from "./types.js";

/**
 * A method decorator. The TC39 form (TypeScript 5+, the default) is the one to use; the legacy form
 * (`experimentalDecorators: true`, e.g. NestJS projects) is accepted too, so the same `@trace(...)`
 * works in both kinds of code base.
 */
export interface TraceDecorator {
  <This, Args extends unknown[], Return>(
    method: (this: This, ...args: Args) => Return,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Return>,
  ): (this: This, ...args: Args) => Return;
  <T>(target: object, propertyKey: string | symbol, descriptor: TypedPropertyDescriptor<T>): TypedPropertyDescriptor<T>;
}

/** Traces `fn` with the implicit tracer (evaluate()'s, else the default). Prefer passing `{ tracer }`. */
export function trace<F extends AnyFunction>(fn: F): F;
/** Traces `fn`; pass `{ tracer }` so the spans cannot land in another tracer's session. */
export function trace<F extends AnyFunction>(options: TraceOptions, fn: F): F;
/** Method decorator: `@trace({ eventType: "tool", tracer })`. */
export function trace(options: TraceOptions): TraceDecorator;
export function trace(optionsOrFn: TraceOptions | AnyFunction, maybeFn?: AnyFunction): AnyFunction | TraceDecorator {
  if (typeof optionsOrFn === "function") return traceFunction({}, optionsOrFn);
  const options = optionsOrFn ?? {};
  if (typeof maybeFn === "function") return traceFunction(options, maybeFn);
  // `trace(options, undefined)`: a second argument was given, so this is not the decorator form.
  if (arguments.length > 1) throw new TypeError(`trace(): expected a function to wrap (got ${maybeFn === null ? "null" : typeof maybeFn})`);
  return decorateMethod.bind(undefined, options) as TraceDecorator;
}

function decorateMethod(
  options: TraceOptions,
  methodOrTarget: unknown,
  contextOrKey: ClassMethodDecoratorContext | string | symbol,
  legacyDescriptor?: PropertyDescriptor,
): unknown {
  if (typeof contextOrKey === "object") {
    // Only methods are traced; on a field, getter or accessor the decorator changes nothing.
    if (contextOrKey.kind !== "method" || typeof methodOrTarget !== "function") return undefined;
    return traceFunction(options, methodOrTarget as AnyFunction, String(contextOrKey.name));
  }
  // Legacy decorators get (prototype, key, descriptor) and return the descriptor.
  if (legacyDescriptor && typeof legacyDescriptor.value === "function") {
    legacyDescriptor.value = traceFunction(options, legacyDescriptor.value as AnyFunction, String(contextOrKey));
  }
  return legacyDescriptor;
}

function traceFunction<F extends AnyFunction>(options: TraceOptions, fn: F, defaultName?: string): F {
  let explicitTracer: unknown;
  try {
    explicitTracer = options.tracer;
  } catch {
    warnUnreadableTraceOptions();
    return fn;
  }
  if (explicitTracer !== undefined && !isHoneyHiveTracer(explicitTracer)) {
    warnOnce(
      "tracer-option-not-honeyhive",
      "trace({ tracer }) expects a HoneyHiveTracer (from HoneyHiveTracer.init()); the function runs untraced.",
    );
    return fn;
  }
  const chosen = explicitTracer as HoneyHiveTracer | undefined;
  const resolve = chosen
    ? () => otelTracerOf(chosen)
    : () => {
        const tracer = resolveImplicitTracer("trace()");
        return tracer && otelTracerOf(tracer);
      };
  return wrapFunction(fn, options, resolve, defaultName, trace);
}

/**
 * Adds enrichment to the active span through the implicit tracer. Inside code that evaluate() runs
 * this is the recommended form (it follows the datapoint's tracer); elsewhere it is deprecated in
 * favour of `tracer.enrichSpan()`.
 */
export function enrichSpan(fields: Enrichment): void {
  implicitEnrichmentTracer("enrichSpan")?.enrichSpan(fields);
}

/**
 * Enriches the current session through the implicit tracer: the datapoint's session inside
 * evaluate() (the recommended form there), deprecated elsewhere in favour of `tracer.enrichSession()`.
 */
export function enrichSession(fields: Enrichment & { sessionId?: string }): void {
  implicitEnrichmentTracer("enrichSession")?.enrichSession(fields);
}

function implicitEnrichmentTracer(method: "enrichSpan" | "enrichSession"): HoneyHiveTracer | undefined {
  const evaluationTracer = getEvaluationTracer();
  if (isHoneyHiveTracer(evaluationTracer)) return evaluationTracer;
  warnOnce(
    `deprecated-${method}`,
    `${method}() is deprecated outside evaluate(): call tracer.${method}() on your tracer instead.`,
  );
  return resolveImplicitTracer(`${method}()`);
}

/** Steps 2–4 of the resolution order above. */
export function resolveImplicitTracer(caller: string): HoneyHiveTracer | undefined {
  const evaluationTracer = getEvaluationTracer();
  if (isHoneyHiveTracer(evaluationTracer)) return evaluationTracer;
  const defaultTracer = getDefaultTracer();
  if (defaultTracer) {
    warnOnce(
      "implicit-default-tracer",
      `${caller} without a tracer used the default tracer. Implicit tracer discovery is deprecated: ` +
        "pass { tracer } (or call methods on your tracer) so spans cannot land in the wrong session.",
    );
    return defaultTracer;
  }
  warnOnce(
    "no-tracer",
    `${caller} found no tracer (none passed, not inside evaluate(), no HoneyHiveTracer.init()); ` +
      "running untraced.",
  );
  return undefined;
}
