// Calls that start a span exported to HoneyHive besides this SDK's `tracer.startSpan(name, fn)` and a call of a
// function it traces (`trace(…)`, `tracer.trace(options, fn)`; analysis/sdk-model.ts `isTracedFunction`, which also
// knows the honeyhive 1.x wrappers `traceFunction(options)(fn)`, `traceModel(fn)`, `traceTool(fn)`, `traceChain(fn)`).
// Read by analysis/flush.ts `spanTestOf`: a span started after a path's last flush is not flushed by it.
//
// Not here, on purpose: 1.x `tracer.trace(fn, ...args)` runs `fn` in the session's context and makes no span
// (analysis/knowledge/sdks/honeyhive-1x.ts, entry `trace`: "makes no span"); the spans it holds are those of the calls
// inside it, which this test sees on their own.
import { TELEMETRY_OPTIONS } from "./instrumentations.js";

/**
 * OpenTelemetry's `Tracer` methods that start a span (@opentelemetry/api 1.9 Tracer#startSpan, #startActiveSpan),
 * counted on a tracer whose spans reach HoneyHive: one a HoneyHive tracer's provider gives
 * (`tracer.provider.getTracer("app")`), or one of the file's own OpenTelemetry pipeline exporting to HoneyHive
 * (analysis/flush-calls.ts `otelSetupOf`).
 */
export const OTEL_SPAN_STARTING_METHODS: readonly string[] = ["startActiveSpan", "startSpan"];

/** The property of a HoneyHive tracer that holds its OpenTelemetry provider, and the provider's tracer factory. */
export const HONEYHIVE_PROVIDER = { property: "provider", getTracer: "getTracer" } as const;

/**
 * Library calls that start spans of their own when an option turns their telemetry on and names a tracer that
 * reaches HoneyHive (the AI SDK's `experimental_telemetry: { isEnabled: true, tracer }`; without `tracer` it uses the
 * global provider, which this SDK never registers: knowledge/instrumentations.ts). From the version in
 * `tracerMovedToIntegration` on (AI SDK 7), the tracer is the one given to the call's or the file's registered
 * telemetry integration (`TELEMETRY_INTEGRATIONS`; analysis/flush.ts `telemetryTracersOf`).
 */
export const TELEMETRY_SPAN_STARTS = TELEMETRY_OPTIONS;
