// Which packages export traces, and how their exporters are named: what analysis/otel-destination.ts reads to
// decide where a file's OpenTelemetry pipeline sends its spans. The decision goes by bindings (an exporter class
// imported from one of these packages, under an alias or through a namespace); the names here are also the cheap
// text test before any parse. Adding a trace exporter is adding a component to knowledge/sdks/opentelemetry.ts
// (`role: "exporter"`), or an entry to ENV_CONFIGURED_PIPELINES below for a call that builds its exporter from the
// environment (a component with a `destination` is one already).
import { OTEL_COMPONENTS, opentelemetryProfile } from "./sdks/opentelemetry.js";
import type { PackageExport } from "./sdks/types.js";

/** The OTLP trace exporter classes (`OTLPTraceExporter` of the http/proto/grpc packages, @vercel/otel's own). */
export const TRACE_EXPORTERS: readonly PackageExport[] = OTEL_COMPONENTS.filter((component) => component.role === "exporter").map((component) => component.export);

/**
 * Calls that build a whole pipeline whose destination, unless an option gives it, is what environment variables say:
 * the one the project's deployment configuration sets (analysis/otel-destination.ts `configuredDestination`,
 * `addressedDestination`). `exporterOptions`: the options that give the exporter, processors or address instead;
 * `variables`: the variables read without them. The names and variables are also the parse-free tests (a file
 * naming none of these calls and no HoneyHive makes nothing the configuration can point at HoneyHive).
 *
 * @vercel/otel `registerOTel(serviceName | { serviceName, traceExporter, spanProcessors })`: its npm page (found with
 * the search tool, npmjs.com/package/@vercel/otel 1.12) documents `registerOTel("your-service-name")` as "the default
 * configuration"; that the default `traceExporter` ("auto") is the OTLP exporter configured by the
 * `OTEL_EXPORTER_OTLP_*` variables is from its README as known (the corpus excerpt stops before that option).
 * A component with a `destination` (Traceloop's `initialize({ baseUrl })`, default TRACELOOP_BASE_URL): its option
 * and variable, from knowledge/sdks/opentelemetry.ts.
 */
export const ENV_CONFIGURED_PIPELINES: readonly EnvConfiguredPipeline[] = [
  { export: { package: "@vercel/otel", name: "registerOTel" }, exporterOptions: ["traceExporter", "spanProcessors"], variables: opentelemetryProfile.honeyhiveOtlp.endpointVariables },
  ...OTEL_COMPONENTS.flatMap((component) =>
    component.destination ? [{ export: component.export, exporterOptions: [component.destination.option], variables: [component.destination.variable], addressed: true }] : [],
  ),
];

export interface EnvConfiguredPipeline {
  readonly export: PackageExport;
  readonly exporterOptions: readonly string[];
  readonly variables: readonly string[];
  /** Its destination is read from the component's `destination` (option, variable, default), not from the OTLP variables. */
  readonly addressed?: boolean;
}

/** The names a file must spell to make a trace exporter (its class, or a call that builds one from the environment). */
const EXPORTER_NAMES: readonly string[] = [...new Set([...TRACE_EXPORTERS, ...ENV_CONFIGURED_PIPELINES.map((pipeline) => pipeline.export)].map((entry) => entry.name))];

/** The parse-free test: the text spells an exporter class or an environment-configured pipeline of the lists above. */
export function mayMakeTraceExporter(text: string): boolean {
  return EXPORTER_NAMES.some((name) => text.includes(name));
}

/**
 * The parse-free counterpart for the configuration: the environment variables that may say where the exporters and
 * pipelines the text spells send (the OTLP endpoint variables for an exporter class, a pipeline's own).
 */
export function exporterVariablesIn(text: string): readonly string[] {
  const variables = new Set<string>();
  if (TRACE_EXPORTERS.some((exporter) => text.includes(exporter.name))) for (const name of opentelemetryProfile.honeyhiveOtlp.endpointVariables) variables.add(name);
  for (const pipeline of ENV_CONFIGURED_PIPELINES) if (text.includes(pipeline.export.name)) for (const name of pipeline.variables) variables.add(name);
  return [...variables];
}
