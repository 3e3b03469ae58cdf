// Instrumentation APIs: how code hands an instrumentation (or an instrumented library) a tracer
// provider, and what it does without one. This SDK registers no global provider, so an
// instrumentation that is given none records into the global no-op provider and its spans reach
// nothing (sdk/instrumentation-provider.test.ts). Read by analysis/instrumentations.ts; adding an
// instrumentation family or another library's telemetry option is adding an entry here.
//
// Each entry says where it was checked (`verifiedAt`), as other-sdks.ts does; none is guessed.
import type { PackageExport } from "./sdks/types.js";

/** Classes `new`ed from these packages are OpenTelemetry instrumentations (`InstrumentationBase` subclasses). */
export interface InstrumentationFamily {
  readonly id: string;
  readonly name: string;
  /** Package names, or prefixes ending in `-` (`@opentelemetry/instrumentation-` covers `-http`, `-express`, …). */
  readonly packages: readonly string[];
  /** Exported class names that are instrumentations (all of these packages name them `…Instrumentation`). */
  readonly classNamePattern: RegExp;
  /**
   * The constructor's options object takes the provider under this key; the fix writes it there.
   * Without one, the fix calls `setTracerProvider(…)` on the instance.
   */
  readonly constructorProviderOption?: string;
  readonly verifiedAt: string;
}

export const INSTRUMENTATION_FAMILIES: readonly InstrumentationFamily[] = [
  {
    id: "opentelemetry",
    name: "OpenTelemetry",
    // `@opentelemetry/instrumentation-http`, `-express`, `-undici`, … (the contrib and core instrumentations).
    packages: ["@opentelemetry/instrumentation-"],
    classNamePattern: /Instrumentation$/,
    verifiedAt:
      "@opentelemetry/instrumentation 0.56 build/src/instrumentation.js + platform/node/instrumentation.js: the tracer is trace.getTracer(name) until setTracerProvider(); config defaults to `enabled: true` and the constructor then calls enable(); InstrumentationConfig has no provider",
  },
  {
    id: "openinference",
    name: "OpenInference",
    // `@arizeai/openinference-instrumentation-openai`, `-langchain`, `-anthropic`, `-bedrock`, `-mcp`, …
    packages: ["@arizeai/openinference-instrumentation-"],
    classNamePattern: /Instrumentation$/,
    constructorProviderOption: "tracerProvider",
    verifiedAt:
      "Arize-ai/openinference js/packages/openinference-instrumentation-openai/src/instrumentation.ts: constructor({ instrumentationConfig, traceConfig, tracerProvider }), manuallyInstrument(module), setTracerProvider(provider)",
  },
  {
    id: "traceloop",
    name: "Traceloop (OpenLLMetry)",
    // `@traceloop/instrumentation-openai`, `-anthropic`, `-langchain`, … (the node-server-sdk's own set).
    packages: ["@traceloop/instrumentation-"],
    classNamePattern: /Instrumentation$/,
    verifiedAt:
      "code search: `new OpenAIInstrumentation()` from @traceloop/instrumentation-openai passed to initAutoTracer/registerInstrumentations; OpenAIInstrumentationConfig extends InstrumentationConfig (traceContent)",
  },
];

/** What code calls on an instrumentation instance. */
export const INSTRUMENTATION_INSTANCE_API = {
  /** Hands the instance a provider (`registerInstrumentations({ tracerProvider })` calls it for each instrumentation). */
  setProvider: "setTracerProvider",
  verifiedAt: "@opentelemetry/instrumentation InstrumentationBase#setTracerProvider; OpenInference overrides it (instrumentation.ts)",
} as const;

/** A function that enables instrumentations: `registerInstrumentations({ instrumentations, tracerProvider })`. */
export interface RegisterCall {
  readonly callee: PackageExport;
  /** The options key holding the instrumentations. */
  readonly instrumentationsKey: string;
  /** The options key holding the provider; without it the global provider is used. */
  readonly providerKey: string;
  readonly verifiedAt: string;
}

export const REGISTER_CALLS: readonly RegisterCall[] = [
  {
    callee: { package: "@opentelemetry/instrumentation", name: "registerInstrumentations" },
    instrumentationsKey: "instrumentations",
    providerKey: "tracerProvider",
    verifiedAt:
      "@opentelemetry/instrumentation 0.56 build/src/autoLoader.js: `options.tracerProvider || trace.getTracerProvider()`, then enableInstrumentations() calls setTracerProvider() on every instrumentation (overriding one given to its constructor)",
  },
  {
    // Re-exported by Phoenix's OpenTelemetry helper package.
    callee: { package: "@arizeai/phoenix-otel", name: "registerInstrumentations" },
    instrumentationsKey: "instrumentations",
    providerKey: "tracerProvider",
    verifiedAt: "code search: `import { register, registerInstrumentations } from \"@arizeai/phoenix-otel\"`",
  },
];

/**
 * Packages that build (and usually register globally) an OpenTelemetry pipeline of their own: NodeSDK
 * (`new NodeSDK({ instrumentations })`), a NodeTracerProvider with `register()`, Vercel's
 * `registerOTel({ instrumentations })`, Phoenix's `register({ instrumentations })`, Traceloop's
 * `initialize({ instrumentModules })`. A file that imports one of them decides where its
 * instrumentations' spans go by itself (to that pipeline, often a second exporter beside HoneyHive):
 * an instrumentation there without `tracer.provider` is not reported.
 */
export const OWN_PIPELINE_PACKAGES: readonly { readonly package: string; readonly verifiedAt: string }[] = [
  { package: "@opentelemetry/sdk-node", verifiedAt: "opentelemetry-js README of @opentelemetry/sdk-node: new NodeSDK({ instrumentations }).start() registers its provider globally" },
  { package: "@opentelemetry/sdk-trace-node", verifiedAt: "NodeTracerProvider#register(): sets the global provider" },
  { package: "@opentelemetry/sdk-trace-base", verifiedAt: "BasicTracerProvider (1.x: #register())" },
  { package: "@opentelemetry/sdk-trace", verifiedAt: "BasicTracerProvider (2.x home of the trace SDK classes)" },
  { package: "@opentelemetry/sdk-trace-web", verifiedAt: "WebTracerProvider#register()" },
  { package: "@vercel/otel", verifiedAt: "code search: registerOTel({ serviceName, instrumentations }) in Next.js instrumentation.ts files" },
  { package: "@arizeai/phoenix-otel", verifiedAt: "code search: register({ projectName, instrumentations }) returns the (global) provider" },
  { package: "@traceloop/node-server-sdk", verifiedAt: "traceloop/openllmetry-nextjs-demo instrumentation.node.ts: traceloop.initialize({ instrumentModules }); honeyhive 1.x calls it too" },
  // Vendor SDKs whose init sets up OpenTelemetry and registers its provider globally: an
  // instrumentation registered beside them records into that provider (their docs show exactly
  // `init(…)` then `registerInstrumentations({ instrumentations })`), not into nothing.
  ...[
    "@sentry/node",
    "@sentry/bun",
    "@sentry/aws-serverless",
    "@sentry/google-cloud-serverless",
    "@sentry/nestjs",
    "@sentry/nextjs",
    "@sentry/remix",
    "@sentry/sveltekit",
    "@sentry/astro",
    "@sentry/nuxt",
  ].map((sentryPackage) => ({
    package: sentryPackage,
    verifiedAt:
      "docs.sentry.io platforms/node/performance/instrumentation/opentelemetry: from 8.x Sentry.init sets up OpenTelemetry (opt out: skipOpenTelemetrySetup), and 'registerInstrumentations({ instrumentations: [new GenericPoolInstrumentation()] })' after it is picked up by Sentry; the framework SDKs build on @sentry/node",
  })),
  { package: "@azure/monitor-opentelemetry", verifiedAt: "learn.microsoft.com monitor-opentelemetry-readme: useAzureMonitor(options) starts the distro (an OpenTelemetry NodeSDK; shutdownAzureMonitor shuts that SDK down)" },
  { package: "applicationinsights", verifiedAt: "Application Insights for Node.js 3.x is built on @azure/monitor-opentelemetry: appInsights.setup().start() starts it" },
  { package: "@honeycombio/opentelemetry-node", verifiedAt: "Honeycomb's README: new HoneycombSDK({ instrumentations }).start(); HoneycombSDK extends NodeSDK" },
  { package: "@opentelemetry/auto-instrumentations-node/register", verifiedAt: "auto-instrumentations-node README: --require …/register starts a NodeSDK configured from OTEL_* variables" },
];

/**
 * Calls that register a tracer provider globally. After one, an instrumentation given no provider
 * records into the registered one (the author's choice: `trace.setGlobalTracerProvider(tracer.provider)`
 * even sends it to HoneyHive), so a file that makes one is not reported.
 */
export const GLOBAL_PROVIDER_REGISTRATIONS: readonly { readonly callee: PackageExport; readonly verifiedAt: string }[] = [
  {
    callee: { package: "@opentelemetry/api", name: "trace.setGlobalTracerProvider" },
    verifiedAt: "@opentelemetry/api TraceAPI#setGlobalTracerProvider; sdk/instrumentation-provider.test.ts: tracer.provider registered globally reaches HoneyHive",
  },
];

/**
 * A library call that traces through OpenTelemetry when an option enables it, with the global
 * tracer unless the option names one: the Vercel AI SDK's `experimental_telemetry`.
 */
export interface TelemetryOption {
  readonly id: string;
  readonly name: string;
  readonly functions: readonly PackageExport[];
  /** The options key of the telemetry settings object. */
  readonly option: string;
  /** The key that turns it on (off by default). */
  readonly enabledKey: string;
  /** The key that takes a tracer; without it the library calls `trace.getTracer(tracerName)` on the global provider. */
  readonly tracerKey: string;
  readonly tracerName: string;
  readonly verifiedAt: string;
}

export const TELEMETRY_OPTIONS: readonly TelemetryOption[] = [
  {
    id: "vercel-ai",
    name: "Vercel AI SDK",
    functions: ["generateText", "streamText", "generateObject", "streamObject", "embed", "embedMany"].map((name) => ({ package: "ai", name })),
    option: "experimental_telemetry",
    enabledKey: "isEnabled",
    tracerKey: "tracer",
    tracerName: "ai",
    verifiedAt:
      "ai@6.0.99 src/telemetry/get-tracer.ts: getTracer({ isEnabled = false, tracer }) → noop when disabled, `tracer` when given, else trace.getTracer('ai'); telemetry-settings.ts: TelemetrySettings.tracer; ai-sdk.dev/docs/telemetry",
  },
];

/**
 * Words one of which a file must contain for any entry above to apply (the rule's text gate, tested
 * with `String#includes`, several times faster than a RegExp over a whole file).
 */
export const INSTRUMENTATION_TEXT_HINTS: readonly string[] = ["Instrumentation", "experimental_telemetry"];
