// The default tracer is what implicit trace()/enrichSpan()/enrichSession() fall back to outside
// evaluate(): the first tracer initialized, or the one set with setDefaultTracer(). It is a fallback for
// code written before explicit tracers, not a global the SDK itself relies on.
import { processSlot } from "./process-slot.js";
import type { HoneyHiveTracer } from "./tracer.js";

/**
 * One slot per process, not per copy of the package: an application can load this package twice (its
 * ES module build from `import`, its CommonJS build from a `require()` in a dependency: the "dual
 * package hazard"), and "the first HoneyHiveTracer.init()" must be the default tracer of both copies'
 * implicit calls. With a module variable, an ESM app's tracer was not the default of a CommonJS
 * module's trace() (sdk/blind-users.test.ts). evaluate()'s tracer (a context key) and the tracers
 * themselves (tracer.ts, OTEL_TRACER_OF) already work across copies the same way.
 */
const slot = processSlot<{ tracer: HoneyHiveTracer | undefined }>("honeyhive.defaultTracer", () => ({ tracer: undefined }));

/** Makes `tracer` the fallback of implicit trace()/enrichSpan()/enrichSession(); `undefined` clears it. */
export function setDefaultTracer(tracer: HoneyHiveTracer | undefined): void {
  slot.tracer = tracer;
}

export function getDefaultTracer(): HoneyHiveTracer | undefined {
  return slot.tracer;
}

/** Called by init: only the first tracer becomes the default. */
export function offerDefaultTracer(tracer: HoneyHiveTracer): void {
  slot.tracer ??= tracer;
}

/** Called by shutdown: a shut-down tracer must not keep receiving implicit spans. */
export function withdrawDefaultTracer(tracer: HoneyHiveTracer): void {
  if (slot.tracer === tracer) slot.tracer = undefined;
}
