// OpenTelemetry as a route into HoneyHive: code that builds its own provider (or NodeSDK) with a batch
// processor and an OTLP exporter pointed at HoneyHive's `/opentelemetry/v1/traces`. What such code
// flushes with, and what a fix may write on the object the file actually has.
//
// Checked against the installed packages (@opentelemetry/sdk-trace 2.12: SpanProcessor,
// BatchSpanProcessorBase, SimpleSpanProcessor and the tracer provider declare `forceFlush(): Promise<void>`
// and `shutdown(): Promise<void>`; @opentelemetry/otlp-exporter-base's OTLPExporterBase the same;
// @opentelemetry/api's `trace.getTracerProvider()` returns the registered ProxyTracerProvider) and the
// opentelemetry-js README of @opentelemetry/sdk-node (NodeSDK: `start()`, `shutdown()`).
import type { FlushCall, PackageExport, SdkProfileBase } from "./types.js";

/** The part an object plays in the pipeline, which decides what a fix may call on it. */
export type OtelRole = "sdk" | "provider" | "processor" | "exporter";

export interface OtelComponent {
  readonly export: PackageExport;
  readonly role: OtelRole;
  /** Instances have `forceFlush()`: a fix in a serverless handler writes `await <it>.forceFlush()`. */
  readonly forceFlush: boolean;
  /** Instances have `shutdown()` (flushes, then stops: right at process exit, wrong per invocation). */
  readonly shutdown: boolean;
  /**
   * The methods that make an instance the process's tracing pipeline (`provider.register()`,
   * `sdk.start()`): a provider or SDK built and activated per request or per invocation is a new global
   * pipeline (and exporter) each time.
   */
  readonly activatedBy?: readonly string[];
  /**
   * `call`: a function, not a class; its call builds a whole pipeline and makes it the global one at once,
   * returning nothing to flush or shut down (`registerOTel(…)` of @vercel/otel). The call is its creation
   * and its activation; what it sends to is read from its options as for NodeSDK's (`traceExporter`,
   * `spanProcessors`). Absent for a class made with `new`.
   */
  readonly madeBy?: "call";
  /**
   * The option of a `call` component that takes span processor objects: where a processor the application
   * keeps in a variable can be handed in, and flushed by its own `forceFlush()` (review-markers.ts says so).
   */
  readonly spanProcessorsOption?: string;
  /**
   * A `call` component that builds its own OTLP exporter from an address option rather than from exporter objects
   * (Traceloop's `initialize({ baseUrl })`): the option, the environment variable read without it, and the address
   * used without either. analysis/otel-destination.ts reads where it sends from these.
   */
  readonly destination?: { readonly option: string; readonly variable: string; readonly fallback: string };
  /**
   * A function of the component's module that flushes the pipeline the call made (`traceloop.forceFlush()`): the
   * flush a fix writes for it, and a flush of another vendor when the pipeline does not send to HoneyHive.
   */
  readonly moduleFlush?: string;
  /** The call also instruments the LLM clients (Traceloop's `instrumentModules`, or all it finds): every handler that calls one traces. */
  readonly instruments?: boolean;
}

// The trace SDK classes moved from @opentelemetry/sdk-trace-base to @opentelemetry/sdk-trace in 2.x;
// the old package re-exports them, and sdk-trace-node re-exports the processors.
const TRACE_SDK_PACKAGES = ["@opentelemetry/sdk-trace", "@opentelemetry/sdk-trace-base"] as const;
const OTLP_EXPORTER_PACKAGES = [
  "@opentelemetry/exporter-trace-otlp-http",
  "@opentelemetry/exporter-trace-otlp-proto",
  "@opentelemetry/exporter-trace-otlp-grpc",
] as const;

const component = (pkg: string, name: string, role: OtelRole, forceFlush = true, activatedBy?: readonly string[]): OtelComponent => ({
  export: { package: pkg, name },
  role,
  forceFlush,
  shutdown: true,
  ...(activatedBy ? { activatedBy } : {}),
});

export const OTEL_COMPONENTS: readonly OtelComponent[] = [
  // NodeSDK has start() and shutdown() only: no forceFlush of its own.
  component("@opentelemetry/sdk-node", "NodeSDK", "sdk", false, ["start"]),
  component("@opentelemetry/sdk-trace-node", "NodeTracerProvider", "provider", true, ["register"]),
  component("@opentelemetry/sdk-trace-web", "WebTracerProvider", "provider", true, ["register"]),
  // BasicTracerProvider of the 1.x SDK (@opentelemetry/sdk-trace-base 1.x) became global with `register()`, as
  // NodeTracerProvider does; 2.x removed it (and @opentelemetry/sdk-trace is 2.x only): there it becomes global
  // through `trace.setGlobalTracerProvider()` (GLOBAL_PROVIDER_SETTERS). A `register()` in code that runs is the
  // 1.x class's, so the method is read on the sdk-trace-base export whichever major is installed.
  component("@opentelemetry/sdk-trace", "BasicTracerProvider", "provider"),
  component("@opentelemetry/sdk-trace-base", "BasicTracerProvider", "provider", true, ["register"]),
  ...[...TRACE_SDK_PACKAGES, "@opentelemetry/sdk-trace-node"].flatMap((pkg) => [
    component(pkg, "BatchSpanProcessor", "processor"),
    component(pkg, "SimpleSpanProcessor", "processor"),
  ]),
  ...OTLP_EXPORTER_PACKAGES.map((pkg) => component(pkg, "OTLPTraceExporter", "exporter")),
  // @vercel/otel's own OTLP exporters (edge-runtime compatible), given to `registerOTel({ traceExporter })`:
  // `new OTLPHttpJsonTraceExporter({ url, headers })` takes the OTLPTraceExporter options and `implements
  // SpanExporter` (vercel/otel packages/otel/src/exporters/exporter-trace-otlp-http-fetch.ts and the proto
  // twin; public instrumentation.ts files pass `url` and `headers`: checked with the search tool, 2026-12-06).
  component("@vercel/otel", "OTLPHttpJsonTraceExporter", "exporter"),
  component("@vercel/otel", "OTLPHttpProtoTraceExporter", "exporter"),
  // `registerOTel(serviceName | { serviceName, traceExporter, spanProcessors, … }): void` builds an sdk-trace-base
  // BasicTracerProvider with a BatchSpanProcessor per exporter, `register()`s it and returns nothing; span
  // processor objects in `spanProcessors` are used as given (vercel/otel packages/otel/src/index.ts and sdk.ts
  // `Sdk#start`, `parseSpanProcessor`: checked with the search tool, 2026-12-06). The provider it registers is
  // reached only through the global one: `trace.getTracerProvider()` is a ProxyTracerProvider whose
  // `getDelegate()` is it (the flush calls below count that form).
  {
    export: { package: "@vercel/otel", name: "registerOTel" },
    role: "sdk",
    forceFlush: false,
    shutdown: false,
    madeBy: "call",
    spanProcessorsOption: "spanProcessors",
  },
  // Traceloop (OpenLLMetry): `initialize({ appName, apiKey, baseUrl, disableBatch, instrumentModules })` builds a NodeSDK
  // with an OTLP exporter to `baseUrl` (default: the TRACELOOP_BASE_URL variable, else https://api.traceloop.com),
  // batching unless `disableBatch`, starts it and instruments the LLM clients; the module's `forceFlush()` flushes it
  // (openllmetry-js packages/traceloop-sdk src/lib/interfaces/initialize-options.interface.ts and
  // src/lib/tracing/index.ts; honeyhive 1.x pointed it at `https://api.honeyhive.ai/opentelemetry` and flushed with
  // `traceloop.forceFlush()`: checked with the search tool, 2026-12-07).
  {
    export: { package: "@traceloop/node-server-sdk", name: "initialize" },
    role: "sdk",
    forceFlush: false,
    shutdown: false,
    madeBy: "call",
    destination: { option: "baseUrl", variable: "TRACELOOP_BASE_URL", fallback: "https://api.traceloop.com" },
    moduleFlush: "forceFlush",
    instruments: true,
  },
];

/** The components made by a call (`registerOTel(…)`), not by `new`. */
export const CALLED_OTEL_COMPONENTS: readonly OtelComponent[] = OTEL_COMPONENTS.filter((component) => component.madeBy === "call");

/**
 * The packages an OpenTelemetry pipeline's code imports (the profile's `modules`): OpenTelemetry's own scope
 * (`@opentelemetry/…`) and the package of every component outside it (@vercel/otel). Adding a component of
 * another package to OTEL_COMPONENTS adds its package here, and so to every test that reads these: the text
 * gates (analysis/relevance.ts, analysis/flush-calls.ts `mayImportOtelPipeline`) and the origin checks that
 * tell an OpenTelemetry object from another SDK's (flush-calls.ts `isOtelModule`). A file naming none makes no pipeline.
 */
const OTEL_PACKAGE_MARKS: readonly string[] = [
  "@opentelemetry/",
  ...new Set(OTEL_COMPONENTS.map((component) => component.export.package).filter((pkg) => !pkg.startsWith("@opentelemetry/"))),
];

/** The text names a package an OpenTelemetry pipeline is made with (the cheap test before any parse-dependent work). */
export function namesOtelPackage(text: string): boolean {
  return OTEL_PACKAGE_MARKS.some((mark) => text.includes(mark));
}

/**
 * The members code calls on a pipeline's objects, which make a file that calls them one that may trace
 * through a pipeline another module builds: a provider's (or the `trace` API's) `getTracer`, a tracer's
 * `startSpan` / `startActiveSpan`, a provider's or processor's `forceFlush` (@opentelemetry/api 1.9
 * TracerProvider#getTracer, Tracer#startSpan/#startActiveSpan; sdk-trace 2.x forceFlush, as above).
 */
export const OTEL_USE_MEMBERS: readonly string[] = ["getTracer", "startActiveSpan", "startSpan", "forceFlush"];

/**
 * OpenTelemetry packages of other signals than traces: their providers' `forceFlush()` (MeterProvider of
 * sdk-metrics, LoggerProvider of sdk-logs) exports metrics or logs, never a span, so it is no flush of a
 * tracing pipeline (opentelemetry-js: packages/sdk-metrics MeterProvider#forceFlush, experimental/packages/
 * sdk-logs LoggerProvider#forceFlush).
 */
export const NON_TRACE_PACKAGES: readonly string[] = ["@opentelemetry/sdk-metrics", "@opentelemetry/sdk-logs", "@opentelemetry/api-logs"];

/**
 * What a fix flushes, best first: the provider (flushes every processor), else a span processor. Never
 * the exporter alone: its forceFlush() waits for the exports under way, not for the spans still queued
 * in the batch processor in front of it.
 */
export const FIX_PREFERENCE: readonly OtelRole[] = ["provider", "processor"];

const API: PackageExport = { package: "@opentelemetry/api", name: "trace" };

/** Calls that install a provider as the global one: `trace.setGlobalTracerProvider(provider)` (its first argument). */
export const GLOBAL_PROVIDER_SETTERS: readonly { readonly receiver: PackageExport; readonly method: string }[] = [{ receiver: API, method: "setGlobalTracerProvider" }];

const flushCalls: FlushCall[] = [
  ...OTEL_COMPONENTS.flatMap((part): FlushCall[] => [
    ...(part.forceFlush
      ? [
          {
            receiver: { kind: "instance", export: part.export },
            method: "forceFlush",
            effect: "flush",
            nameAlone: true,
            verifiedAt: `${part.export.package} ${part.export.name}#forceFlush`,
          } as const,
        ]
      : []),
    ...(part.shutdown
      ? [
          {
            receiver: { kind: "instance", export: part.export },
            method: "shutdown",
            effect: "shutdown",
            nameAlone: false,
            verifiedAt: `${part.export.package} ${part.export.name}#shutdown`,
          } as const,
        ]
      : []),
  ]),
  // The global provider: `trace.getTracerProvider()` is the ProxyTracerProvider that `register()` /
  // `setGlobalTracerProvider()` installs; only `.getDelegate()` reaches the real provider.
  ...(["forceFlush", "shutdown"] as const).flatMap((method): FlushCall[] => [
    {
      receiver: { kind: "result", export: API, calls: ["getTracerProvider", "getDelegate"] },
      method,
      effect: method === "forceFlush" ? "flush" : "shutdown",
      nameAlone: method === "forceFlush",
      verifiedAt: "@opentelemetry/api 1.9 trace.getTracerProvider() / ProxyTracerProvider#getDelegate",
    },
    {
      receiver: { kind: "result", export: API, calls: ["getTracerProvider"] },
      method,
      effect: method === "forceFlush" ? "flush" : "shutdown",
      nameAlone: method === "forceFlush",
      verifiedAt: "@opentelemetry/api 1.9 trace.getTracerProvider()",
      caveat:
        "ProxyTracerProvider has no forceFlush/shutdown: `(trace.getTracerProvider() as NodeTracerProvider).forceFlush()` throws " +
        "and `?.forceFlush?.()` does nothing. Counted as a flush (the author meant one); `.getDelegate().forceFlush()` is the working form.",
    },
  ]),
];

/**
 * Other backends whose OTLP/HTTP trace path ends like HoneyHive's (`…/opentelemetry/v1/traces`), by the path
 * segment just before that tail: an exporter to one of them is not HoneyHive's (fixtures/real-code-public-6,
 * 29 and 30, were false flush reports). Found with the search tool, 2026-12-06. A prefix is one plain path
 * segment (`/` and word characters: it goes into the endpoint pattern as it is).
 */
export const OTHER_BACKENDS_OTLP_TRACE_PREFIXES: readonly { readonly backend: string; readonly prefix: string; readonly source: string }[] = [
  { backend: "VictoriaTraces", prefix: "/insert", source: "docs.victoriametrics.com/victoriatraces/data-ingestion: `http://<host>:10428/insert/opentelemetry/v1/traces`" },
  { backend: "CozeLoop", prefix: "/loop", source: "docs.coze.cn, CozeLoop's OpenTelemetry pages: `https://api.coze.cn/v1/loop/opentelemetry/v1/traces`" },
  { backend: "Oracle Cloud APM", prefix: "/20200101", source: "docs.oracle.com, APM configure-opentelemetry: `https://<dataUploadEndpoint>/20200101/opentelemetry/…`" },
];

/** The prefix of this SDK's environment variables (`HH_API_KEY`, `HH_API_URL`; sdk/config.ts): such a variable names HoneyHive. */
const HH_VARIABLE_PREFIX = "HH_";
/** The text reads an `HH_` environment variable (`process.env.HH_API_KEY`): upper case, as environment names are written. */
const HH_VARIABLE_IN_TEXT = new RegExp(String.raw`\b${HH_VARIABLE_PREFIX}[A-Z]`);

export const opentelemetryProfile = {
  id: "opentelemetry",
  name: "OpenTelemetry",
  modules: OTEL_PACKAGE_MARKS,
  flushCalls,
  /**
   * A file sends to HoneyHive over OpenTelemetry when an exporter's `url` (or OTEL_EXPORTER_OTLP_*
   * endpoint) matches this; without it, OpenTelemetry code is another vendor's and no HoneyHive rule applies.
   * HoneyHive's path `/opentelemetry/v1/traces` counts wherever it stands (a proxy may put a prefix before it:
   * docs/sdk.md, `serverUrl`) but after another backend's segment (OTHER_BACKENDS_OTLP_TRACE_PREFIXES).
   */
  honeyhiveEndpoint: new RegExp(
    String.raw`honeyhive|(?<!${OTHER_BACKENDS_OTLP_TRACE_PREFIXES.map(({ prefix }) => prefix).join("|")})/opentelemetry/v1/traces\b`,
    "i",
  ),
  /**
   * How an exporter is told where to send, and what says the place is HoneyHive (analysis/otel-destination.ts
   * reads an exporter's options with these). HoneyHive takes OTLP/HTTP at `https://<host>/opentelemetry/v1/traces`
   * (api.honeyhive.ai, or a deployment host such as api.dp1.us.prod.honeyhive.ai) with `Authorization: Bearer <key>`
   * (docs.honeyhive.ai/v2/integrations/opentelemetry-collector and .../truefoundry, checked 2026-12-06; the
   * collector page keeps the key in HH_INGESTION_API_KEY); this SDK reads HH_API_KEY (sdk/config.ts).
   */
  honeyhiveOtlp: {
    /** Header names an exporter's `headers` carry HoneyHive's key in (compared lower-case). */
    keyHeaders: ["authorization", "x-api-key"],
    /** Environment variables that hold a HoneyHive API key: a key header read from one sends to HoneyHive. */
    apiKeyVariables: ["HH_API_KEY", "HONEYHIVE_API_KEY", "HH_INGESTION_API_KEY"],
    /** A variable named like this holds a HoneyHive address or key (`process.env.HONEYHIVE_OTLP_URL`, `HH_API_URL`). */
    honeyhiveVariable: new RegExp(`honeyhive|^${HH_VARIABLE_PREFIX}`, "i"),
    /**
     * What an OTLP trace exporter built without `url` sends to (opentelemetry.io/docs/specs/otel/protocol/exporter:
     * the signal-specific variable wins over the general one): read from the project's deployment configuration.
     */
    endpointVariables: ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"],
  },
} as const satisfies SdkProfileBase & Record<string, unknown>;

/**
 * The text test of a file that exports to HoneyHive over OpenTelemetry: it names an OpenTelemetry
 * package (or @vercel/otel) and HoneyHive's endpoint (an exporter URL, a header or an environment name), or reads
 * an `HH_` variable (an exporter whose only HoneyHive mark is its key header, `Authorization: Bearer
 * ${process.env.HH_API_KEY}`, or its url `process.env.HH_API_URL`: analysis/otel-destination.ts reads both as HoneyHive's).
 * The rules' gate and the codemod's prefilter both use it, before anything is parsed.
 */
export function mayExportOtelToHoneyhive(text: string): boolean {
  return namesOtelPackage(text) && (opentelemetryProfile.honeyhiveEndpoint.test(text) || HH_VARIABLE_IN_TEXT.test(text));
}
