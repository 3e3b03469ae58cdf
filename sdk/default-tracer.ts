// The default tracer is what implicit trace()/enrichSpan()/enrichSession() fall back to outside
// evaluate(): the first tracer initialized, or the one set with setDefaultTracer(). It is a fallback for
// code written before explicit tracers, not a global the SDK itself relies on.
import type { HoneyHiveTracer } from "./tracer.js";

let defaultTracer: HoneyHiveTracer | undefined;

/** Makes `tracer` the fallback of implicit trace()/enrichSpan()/enrichSession(); `undefined` clears it. */
export function setDefaultTracer(tracer: HoneyHiveTracer | undefined): void {
  defaultTracer = tracer;
}

export function getDefaultTracer(): HoneyHiveTracer | undefined {
  return defaultTracer;
}

/** Called by init: only the first tracer becomes the default. */
export function offerDefaultTracer(tracer: HoneyHiveTracer): void {
  defaultTracer ??= tracer;
}

/** Called by shutdown: a shut-down tracer must not keep receiving implicit spans. */
export function withdrawDefaultTracer(tracer: HoneyHiveTracer): void {
  if (defaultTracer === tracer) defaultTracer = undefined;
}
