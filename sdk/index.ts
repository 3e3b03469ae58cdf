// The public API of `honeyhive`. The names here are a contract: the ESLint rules and codemods of this
// package recognize them.
export { HoneyHiveTracer } from "./tracer.js";
export { trace, enrichSpan, enrichSession, type TraceDecorator } from "./trace.js";
export { setDefaultTracer } from "./default-tracer.js";
export { toSessionId, isSessionId, InvalidSessionIdError } from "./session-id.js";
export type { TracerOptions, SessionOptions, TraceOptions, Enrichment, EventType } from "./types.js";
