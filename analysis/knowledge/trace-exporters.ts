// Which packages export traces, and how their exporters are named: what analysis/otel-destination.ts reads to
// decide where a file's OpenTelemetry pipeline sends its spans. The decision goes by bindings (an exporter class
// imported from one of these packages, under an alias or through a namespace); the names here are also the cheap
// text test before any parse. Adding a trace exporter is adding a component to knowledge/sdks/opentelemetry.ts
// (`role: "exporter"`), or an entry to ENV_CONFIGURED_PIPELINES below for a call that builds its exporter from the
// environment.
import { OTEL_COMPONENTS } from "./sdks/opentelemetry.js";
import type { PackageExport } from "./sdks/types.js";

/** The OTLP trace exporter classes (`OTLPTraceExporter` of the http/proto/grpc packages, @vercel/otel's own). */
export const TRACE_EXPORTERS: readonly PackageExport[] = OTEL_COMPONENTS.filter((component) => component.role === "exporter").map((component) => component.export);

/**
 * Calls that build a whole pipeline whose exporter, unless an option gives one, is the OTLP exporter the
 * environment configures (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT`): its destination is
 * the one the project's deployment configuration sets (analysis/otel-destination.ts `configuredDestination`).
 * `exporterOptions`: the options that give the exporter or processors instead (read as for NodeSDK's).
 *
 * @vercel/otel `registerOTel(serviceName | { serviceName, traceExporter, spanProcessors })`: its npm page (found with
 * the search tool, npmjs.com/package/@vercel/otel 1.12) documents `registerOTel("your-service-name")` as "the default
 * configuration"; that the default `traceExporter` ("auto") is the OTLP exporter configured by the
 * `OTEL_EXPORTER_OTLP_*` variables is from its README as known (the corpus excerpt stops before that option).
 */
export const ENV_CONFIGURED_PIPELINES: readonly { readonly export: PackageExport; readonly exporterOptions: readonly string[] }[] = [
  { export: { package: "@vercel/otel", name: "registerOTel" }, exporterOptions: ["traceExporter", "spanProcessors"] },
];

/** The names a file must spell to make a trace exporter (its class, or a call that builds one from the environment). */
const EXPORTER_NAMES: readonly string[] = [...new Set([...TRACE_EXPORTERS, ...ENV_CONFIGURED_PIPELINES.map((pipeline) => pipeline.export)].map((entry) => entry.name))];

/** The parse-free test: the text spells an exporter class or an environment-configured pipeline of the lists above. */
export function mayMakeTraceExporter(text: string): boolean {
  return EXPORTER_NAMES.some((name) => text.includes(name));
}
