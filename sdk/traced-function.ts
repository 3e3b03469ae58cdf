// Turns a function into its traced twin. The tracer is looked up at every call, not when wrapping,
// because the right tracer for implicit trace() (evaluate()'s per-datapoint tracer) only exists in
// the context of the call.
import type { Tracer } from "@opentelemetry/api";
import { ATTR_EVENT_TYPE, capEnrichment, enrichmentToAttributes } from "./enrichment.js";
import { warnOnce } from "./logger.js";
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
 *
 * The span is named `eventName`, else `defaultName` (a decorated method's name), else the function's
 * name, else, for an anonymous function (an inline arrow has no name), after its event type and the
 * place where it was wrapped: `chain (rag.ts:14)`. `entry` is the public function the application
 * called (`trace`, `tracer.trace`), so the place found is the application's line, not the SDK's.
 */
export function wrapFunction<F extends AnyFunction>(
  fn: F,
  options: WrapOptions,
  resolveTracer: () => Tracer | undefined,
  defaultName: string | undefined,
  entry: AnyFunction,
): F {
  if (typeof fn !== "function") throw new TypeError(`trace(): expected a function to wrap (got ${fn === null ? "null" : typeof fn})`);
  // `trace(null, fn)` from JavaScript: no options, not a TypeError from deep inside the SDK. Options read
  // once, here: a getter or a Proxy trap that throws leaves the function untraced, with a warning, where
  // trace() threw the trap's error into the application (gaps-sdk-6).
  const given = typeof options === "object" && options !== null ? options : {};
  try {
    options = { eventType: given.eventType, eventName: given.eventName, metadata: given.metadata };
  } catch {
    warnUnreadableTraceOptions();
    return fn;
  }
  const spanName = options.eventName ?? (defaultName || fn.name || anonymousSpanName(options.eventType ?? "tool", entry));
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

/** trace()'s options threw when read: the function is returned as it is. */
export function warnUnreadableTraceOptions(): void {
  warnOnce("trace-options-unreadable", "trace(): its options could not be read (a getter or a Proxy threw); the function runs untraced.");
}

function anonymousSpanName(eventType: EventType, entry: AnyFunction): string {
  const site = callSiteOf(entry);
  return site ? `${eventType} (${site})` : eventType;
}

/** `file:line` of the code that called `entry` (the file's base name), or undefined when the stack does not tell. */
function callSiteOf(entry: AnyFunction): string | undefined {
  const limit = Error.stackTraceLimit;
  try {
    // Wrapping happens once per function, usually at module load; one frame is all that is needed.
    Error.stackTraceLimit = 1;
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, entry);
    const frame = holder.stack?.split("\n")[1]?.trim();
    // "at fn (file:///app/rag.ts:14:7)" or "at file:///app/rag.ts:14:7"; a query (?v=…) may follow the path.
    const location = /\(([^()]*)\)$/.exec(frame ?? "")?.[1] ?? frame?.replace(/^at\s+/, "");
    const match = /^(.*?)(?:\?[^:/]*)?:(\d+):\d+$/.exec(location ?? "");
    if (!match) return undefined;
    const file = match[1].split(/[\\/]/).pop();
    return file ? `${file}:${match[2]}` : undefined;
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function copyIdentity(wrapper: AnyFunction, original: AnyFunction): void {
  try {
    Object.defineProperty(wrapper, "name", { value: original.name, configurable: true });
    Object.defineProperty(wrapper, "length", { value: original.length, configurable: true });
  } catch {
    // A frozen or exotic function keeps the wrapper's own name; tracing still works.
  }
}
