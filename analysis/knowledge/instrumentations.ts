// Instrumentation APIs: how code hands an instrumentation (or an instrumented library) a tracer
// provider, and what it does without one. This SDK registers no global provider, so an
// instrumentation that is given none records into the global no-op provider and its spans reach
// nothing (sdk/instrumentation-provider.test.ts). Read by analysis/instrumentations.ts; adding an
// instrumentation family or another library's telemetry option is adding an entry here.
//
// Each entry says where it was checked (`verifiedAt`), as other-sdks.ts does; none is guessed.
import { CALLED_OTEL_COMPONENTS, GLOBAL_PROVIDER_SETTERS, OTEL_COMPONENTS } from "./sdks/opentelemetry.js";
import type { PackageExport } from "./sdks/types.js";
import { includesWord } from "../text-search.js";

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
 * How a package makes its OpenTelemetry pipeline the process's global one. After that, an
 * instrumentation given no provider records into that pipeline (the author's choice, often a second
 * backend beside HoneyHive; `trace.setGlobalTracerProvider(tracer.provider)` even sends it to
 * HoneyHive), so the file is not reported. Importing such a package is not activating it: Sentry
 * imported for `captureException()`, or `import type { Span }`, registers nothing.
 */
export type PipelineActivation =
  /** Loading the module starts the pipeline: a `--require` / `--import` preload entry, also written `import "…/register"`. */
  | { readonly kind: "import" }
  /**
   * A call of the export `name` (dotted from the module value: `init` for `Sentry.init(…)`,
   * `trace.setGlobalTracerProvider`). `unless`: an option whose literal value in the first argument
   * turns the OpenTelemetry setup off (an argument the rule cannot read counts as activating).
   * `then`: the call returns a builder, and the pipeline starts only once a chained call of this method
   * ends it (`appInsights.setup(…).setAutoCollectRequests(true).start()`).
   */
  | { readonly kind: "call"; readonly name: string; readonly unless?: { readonly key: string; readonly value: boolean }; readonly then?: string }
  /**
   * `new <className>(…)` activated by one of `methods` on the instance (chained, or through the
   * variable it is stored in) or by `trace.setGlobalTracerProvider(instance)`. `byName`: the class is
   * reached through a call's result that bindings do not follow (dd-trace's `require("dd-trace").init()`
   * returns the tracer whose `TracerProvider` is used), so the class is matched by its name in a file
   * that imports the package.
   */
  | { readonly kind: "instance"; readonly className: string; readonly methods: readonly string[]; readonly byName?: true };

/** A package (or several, of one vendor) that owns a global OpenTelemetry pipeline once activated. */
export interface PipelineOwner {
  readonly id: string;
  /** How docs and messages name the vendor. */
  readonly name: string;
  /** Module specifiers, exact (a subpath such as `…/register` is its own entry). */
  readonly packages: readonly string[];
  readonly activations: readonly PipelineActivation[];
  readonly verifiedAt: string;
}

// The trace SDK classes that become global by `register()`, as the OpenTelemetry profile lists them.
const OTEL_REGISTERING: readonly PipelineOwner[] = OTEL_COMPONENTS.flatMap((component) =>
  component.activatedBy
    ? [
        {
          id: `opentelemetry-${component.export.name}`,
          name: "OpenTelemetry",
          packages: [component.export.package],
          activations: [{ kind: "instance", className: component.export.name, methods: component.activatedBy }],
          verifiedAt:
            "analysis/knowledge/sdks/opentelemetry.ts OTEL_COMPONENTS `activatedBy` (NodeSDK#start, NodeTracerProvider#register, WebTracerProvider#register, " +
            "the 1.x BasicTracerProvider#register of @opentelemetry/sdk-trace-base)",
        } satisfies PipelineOwner,
      ]
    : [],
);

export const PIPELINE_OWNERS: readonly PipelineOwner[] = [
  ...OTEL_REGISTERING,
  {
    id: "opentelemetry-api",
    name: "OpenTelemetry",
    // `trace.setGlobalTracerProvider(…)`, as the OpenTelemetry profile lists its global provider setters.
    packages: [...new Set(GLOBAL_PROVIDER_SETTERS.map((setter) => setter.receiver.package))],
    activations: GLOBAL_PROVIDER_SETTERS.map((setter) => ({ kind: "call", name: `${setter.receiver.name}.${setter.method}` })),
    verifiedAt: "@opentelemetry/api TraceAPI#setGlobalTracerProvider; sdk/instrumentation-provider.test.ts: tracer.provider registered globally reaches HoneyHive",
  },
  {
    id: "opentelemetry-auto-register",
    name: "OpenTelemetry auto-instrumentations",
    packages: ["@opentelemetry/auto-instrumentations-node/register"],
    activations: [{ kind: "import" }],
    verifiedAt: "auto-instrumentations-node README: `--require @opentelemetry/auto-instrumentations-node/register` starts a NodeSDK configured from OTEL_* variables",
  },
  {
    id: "sentry",
    name: "Sentry",
    packages: [
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
    ],
    activations: [{ kind: "call", name: "init", unless: { key: "skipOpenTelemetrySetup", value: true } }],
    verifiedAt:
      "docs.sentry.io platforms/node/performance/instrumentation/opentelemetry and javascript/guides/*/opentelemetry/custom-setup (v8–v10): Sentry.init sets up OpenTelemetry and a registerInstrumentations() after it is picked up by Sentry; `skipOpenTelemetrySetup: true` leaves the setup to the application; the framework SDKs build on @sentry/node. `@sentry/node/preload` (build/esm/preload.js) only preloads the instrumentation 'without initializing the Sentry SDK': not an activation",
  },
  {
    id: "sentry-init-preload",
    name: "Sentry",
    packages: ["@sentry/node/init"],
    activations: [{ kind: "import" }],
    verifiedAt: "@sentry/node 10.49 build/esm/init.js: the `@sentry/node/init` export, for `--import`/`--require`, calls init() configured from SENTRY_* variables",
  },
  {
    // The Lambda layer's preload: `NODE_OPTIONS="--import @sentry/aws-serverless/awslambda-auto"` (v9+), and
    // the same module under its build path in v8's README (`-r @sentry/aws-serverless/build/npm/cjs/awslambda-auto`).
    // v7's `@sentry/serverless/dist/awslambda-auto` is left out: that SDK had no OpenTelemetry pipeline.
    id: "sentry-lambda-auto",
    name: "Sentry",
    packages: ["@sentry/aws-serverless/awslambda-auto", "@sentry/aws-serverless/build/npm/cjs/awslambda-auto", "@sentry/aws-serverless/build/npm/esm/awslambda-auto"],
    activations: [{ kind: "import" }],
    verifiedAt:
      "@sentry/aws-serverless README (10.28, 'Automatic Setup': NODE_OPTIONS=\"--import @sentry/aws-serverless/awslambda-auto\"; 8.x: `-r @sentry/aws-serverless/build/npm/cjs/awslambda-auto`), src/awslambda-auto.ts: calls Sentry.init() from SENTRY_* variables when LAMBDA_TASK_ROOT is set; docs.sentry.io integrations/cloud-monitoring/aws-lambda/how-it-works: the layer sets NODE_OPTIONS 'to preload the awslambda-auto module which will automatically initialize Sentry'",
  },
  {
    id: "azure-monitor",
    name: "Azure Monitor",
    packages: ["@azure/monitor-opentelemetry"],
    activations: [{ kind: "call", name: "useAzureMonitor" }],
    verifiedAt: "learn.microsoft.com opentelemetry-nodejs-migrate / monitor-opentelemetry README: useAzureMonitor(options) starts the distro (an OpenTelemetry NodeSDK; shutdownAzureMonitor shuts it down)",
  },
  {
    id: "applicationinsights",
    name: "Application Insights",
    packages: ["applicationinsights"],
    // 2.x has the same builder and no OpenTelemetry: counted anyway (a missed report, never a false one).
    // `setup(cs)…start()` chained, or `setup(cs);` then the module's own `start()` (the legacy API's top-level export).
    activations: [
      { kind: "call", name: "setup", then: "start" },
      { kind: "call", name: "start" },
    ],
    verifiedAt:
      "applicationinsights 3.4 README: 'This solution is based on OpenTelemetry'; appInsights.setup(connectionString)…start() starts it (built on @azure/monitor-opentelemetry); the module exports start() beside setup(), and the common layout is `appInsights.setup(cs).setAutoCollect…(true);` then `appInsights.start();`, starting what setup() configured",
  },
  {
    id: "vercel-otel",
    name: "Vercel OTel",
    packages: ["@vercel/otel"],
    // `registerOTel(…)`, as the OpenTelemetry profile lists the components made (and registered) by a call.
    activations: CALLED_OTEL_COMPONENTS.filter((component) => component.export.package === "@vercel/otel").map((component) => ({ kind: "call", name: component.export.name })),
    verifiedAt: "npmjs.com/package/@vercel/otel and vercel.com/docs/tracing/instrumentation: registerOTel(serviceName | config) 'registers the OpenTelemetry SDK', in instrumentation.ts `register()`",
  },
  {
    id: "honeycomb",
    name: "Honeycomb",
    packages: ["@honeycombio/opentelemetry-node"],
    activations: [{ kind: "instance", className: "HoneycombSDK", methods: ["start"] }],
    verifiedAt: "Honeycomb's README: new HoneycombSDK({ instrumentations }).start(); HoneycombSDK extends NodeSDK",
  },
  {
    id: "phoenix",
    name: "Arize Phoenix",
    packages: ["@arizeai/phoenix-otel"],
    // `register({ global: false })` builds the provider without registering it globally.
    activations: [{ kind: "call", name: "register", unless: { key: "global", value: false } }],
    verifiedAt:
      "arize.com phoenix-otel overview: register() 'handles provider setup, OTLP export, and instrumentation registration'; phoenix-otel src/register.ts: `global?: boolean` (default true), `if (global) provider.register()`",
  },
  {
    id: "traceloop",
    name: "Traceloop (OpenLLMetry)",
    packages: ["@traceloop/node-server-sdk"],
    activations: [{ kind: "call", name: "initialize" }],
    verifiedAt: "traceloop/openllmetry-js packages/traceloop-sdk/src/lib/tracing/index.ts: initialize() builds a NodeSDK and starts it (registering its provider); honeyhive 1.x calls it too",
  },
  {
    id: "langsmith",
    name: "LangSmith",
    packages: ["langsmith/experimental/otel/setup"],
    activations: [{ kind: "call", name: "initializeOTEL" }],
    verifiedAt: "docs.smith.langchain.com reference experimental_otel_setup.initializeOTEL and langsmith 0.5.9 dist/experimental/otel/setup.d.ts: 'Sets global OpenTelemetry components including the tracer provider'",
  },
  {
    id: "splunk",
    name: "Splunk",
    packages: ["@splunk/otel"],
    activations: [{ kind: "call", name: "start", unless: { key: "tracing", value: false } }],
    verifiedAt: "@splunk/otel 3.3 lib/start.d.ts: start(options?: Partial<Options>) with `tracing: boolean | StartTracingOptions` (4.2 lib/tracing: startTracing builds the provider)",
  },
  {
    id: "splunk-instrument",
    name: "Splunk",
    packages: ["@splunk/otel/instrument"],
    activations: [{ kind: "import" }],
    verifiedAt: "@splunk/otel README: `node -r @splunk/otel/instrument index.js` starts the distribution (tracing included) configured from OTEL_*/SPLUNK_* variables",
  },
  {
    id: "elastic",
    name: "Elastic (EDOT Node.js)",
    packages: ["@elastic/opentelemetry-node"],
    activations: [{ kind: "import" }],
    verifiedAt: "@elastic/opentelemetry-node 1.4 README ('node --import @elastic/opentelemetry-node my-app.js') and import.mjs: loading it calls startNodeSDK()",
  },
  {
    id: "dash0",
    name: "Dash0",
    packages: ["@dash0/opentelemetry"],
    activations: [{ kind: "import" }],
    verifiedAt:
      "dash0.com/docs/dash0/opentelemetry/distributions/nodejs/overview: 'Load the distribution with node --require @dash0/opentelemetry or via NODE_OPTIONS'; it sets up tracing (the OpenTelemetry JS SDK with auto-instrumentations-node) before the application runs",
  },
  {
    id: "datadog",
    name: "Datadog",
    packages: ["dd-trace"],
    // `init()` alone sets up Datadog's own tracer, not an OpenTelemetry provider.
    activations: [{ kind: "instance", className: "TracerProvider", methods: ["register"], byName: true }],
    verifiedAt:
      "docs.datadoghq.com tracing/trace_collection/custom_instrumentation/nodejs/otel: `const tracer = require('dd-trace').init(); const { TracerProvider } = tracer; const provider = new TracerProvider(); provider.register()`; datadoghq.dev/dd-trace-js TracerProvider#register 'Register this tracer provider with @opentelemetry/api'",
  },
];

/**
 * A module a framework loads before any of the application's, which no file imports: an activation
 * there (`registerOTel(…)` in Next.js's `instrumentation.ts` `register()`) covers every file of the
 * project that depends on the framework.
 */
export interface FrameworkPreload {
  readonly framework: string;
  /** The package.json dependency that makes a project one of the framework's. */
  readonly dependency: string;
  /** Specifiers relative to the project root (the nearest package.json), resolved as imports are. */
  readonly modules: readonly string[];
  /** Preloads the framework's configuration names (a test runner's setup files), besides `modules`. */
  readonly configured?: PreloadConfiguration;
  /** The project's files the preloads run before (a test runner's test files); every file when absent. */
  readonly loadsBefore?: RegExp;
  readonly verifiedAt: string;
}

/**
 * Where a framework's configuration names preload modules: the first of `files` beside the package.json
 * that exists (a JSON one parsed, a script read as text), else the package.json's `packageKey` object.
 */
export interface PreloadConfiguration {
  readonly files: readonly string[];
  readonly packageKey?: string;
  /** The options whose value (a path or an array of paths) names preloads, at any depth (`test: { setupFiles }`). */
  readonly options: readonly string[];
  /** What a path may start with for the root folder (Jest's `<rootDir>`). */
  readonly rootToken?: string;
  /**
   * The option that moves the root the paths are relative to, itself relative to the configuration's folder (Jest's
   * `rootDir`: `"src"`, `".."`); the configuration's folder when absent or not written as a string.
   */
  readonly rootOption?: string;
  /**
   * The option listing projects, each an object with preloads of its own relative to its own `rootOption` (in which
   * `rootToken` is the configuration's folder) and run before the test files under that root only (Jest's `projects`;
   * a project named by a path is read as its own folder's configuration, when a test file's package is that folder).
   */
  readonly projectsOption?: string;
}

const configFiles = (base: string): string[] => ["ts", "mts", "cts", "js", "mjs", "cjs"].map((extension) => `${base}.${extension}`);

export const FRAMEWORK_PRELOADS: readonly FrameworkPreload[] = [
  {
    framework: "Next.js",
    dependency: "next",
    modules: ["./instrumentation", "./src/instrumentation"],
    verifiedAt:
      "vercel.com/docs/tracing/instrumentation: 'create a instrumentation.ts (or .js) file in the root directory of the project, or, on Next.js it must be placed in the src directory if you are using one', whose register() Next.js calls at server start",
  },
  {
    framework: "Jest",
    dependency: "jest",
    modules: [],
    configured: { files: [...configFiles("jest.config"), "jest.config.json"], packageKey: "jest", options: ["setupFiles", "setupFilesAfterEnv"], rootToken: "<rootDir>", rootOption: "rootDir", projectsOption: "projects" },
    // Jest's default testMatch: `**/__tests__/**/*.?([mc])[jt]s?(x)` and `**/?(*.)+(spec|test).?([mc])[jt]s?(x)`.
    loadsBefore: /\/__tests__\/.*\.[cm]?[jt]sx?$|[./](?:spec|test)\.[cm]?[jt]sx?$/,
    verifiedAt:
      "jestjs.io/docs/configuration: jest.config.js|ts|mjs|cjs|json or the package.json 'jest' key; setupFiles 'run some code to configure or set up the testing environment. Each setupFile will be run once per test file'; setupFilesAfterEnv the same after the framework is installed; rootDir 'defaults to the directory containing your Jest config file or the package.json', '<rootDir>' it; projects entries with their own rootDir; testMatch defaults. jest-config (jestjs/jest 52db46e): readConfigFileAndSetRootDir resolves rootDir from the config's folder, normalize resolves setupFiles with basedir rootDir, readInitialOptions replaces `<rootDir>` in an inline project's rootDir with the config's folder (its default)",
  },
  {
    framework: "Vitest",
    dependency: "vitest",
    modules: [],
    // vitest.config.* has priority over vite.config.* (vitest.dev/config: "vitest.config.ts … will have the higher priority").
    configured: { files: [...configFiles("vitest.config"), ...configFiles("vite.config")], options: ["setupFiles"] },
    // Vitest's default include: `**/*.{test,spec}.?(c|m)[jt]s?(x)`.
    loadsBefore: /[./](?:spec|test)\.[cm]?[jt]sx?$/,
    verifiedAt: "vitest.dev/config/#setupfiles: 'Path to setup files. They will be run before each test file', relative to the root; test.include default",
  },
];

/**
 * The names an activation is written with: a call's export, its last segment (`init`,
 * `setGlobalTracerProvider`), and an instance's class. A call can activate only if its callee ends
 * with one of them, and a module only if its text contains one (besides a preload import).
 */
export const PIPELINE_ACTIVATION_NAMES: ReadonlySet<string> = new Set(
  PIPELINE_OWNERS.flatMap((owner) =>
    owner.activations.flatMap((activation) => (activation.kind === "call" ? [activation.name.slice(activation.name.lastIndexOf(".") + 1)] : activation.kind === "instance" ? [activation.className] : [])),
  ),
);

/**
 * A module's text can hold an activation (the project-module reader's text gate, analysis/project-modules.ts,
 * so that `import "./instrument"` with a `Sentry.init(…)` is parsed): it names a preload package, or it
 * names an owner's package and one of `PIPELINE_ACTIVATION_NAMES` (importing Sentry for
 * `captureException()` alone activates nothing). `String#includes`, as the rule's own text gate.
 */
export function mayActivatePipeline(text: string): boolean {
  if (PRELOAD_PACKAGES.some((pkg) => text.includes(pkg))) return true;
  if (!OWNER_PACKAGES.some((pkg) => text.includes(pkg))) return false;
  for (const name of PIPELINE_ACTIVATION_NAMES) if (text.includes(name)) return true;
  return false;
}

const PRELOAD_PACKAGES: readonly string[] = [...new Set(PIPELINE_OWNERS.flatMap((owner) => (owner.activations.some((activation) => activation.kind === "import") ? owner.packages : [])))];
// A preload package's name starts with its vendor's (`@sentry/node/init`): `includes` finds the latter in both.
const OWNER_PACKAGES: readonly string[] = [...new Set(PIPELINE_OWNERS.flatMap((owner) => owner.packages))].filter((pkg, _, all) => !all.some((other) => other !== pkg && pkg.startsWith(other)));

/**
 * A library call that traces through OpenTelemetry when an option enables it, with the global
 * tracer unless the option names one: the Vercel AI SDK's `experimental_telemetry`.
 */
export interface TelemetryOption {
  readonly id: string;
  readonly name: string;
  readonly functions: readonly PackageExport[];
  /** Classes whose constructor's first argument takes the same option, passed on to the calls they make (`new ToolLoopAgent({ experimental_telemetry })`). */
  readonly classes?: readonly PackageExport[];
  /** The options key of the telemetry settings object. */
  readonly option: string;
  /** The key that turns it on (off by default). */
  readonly enabledKey: string;
  /** The key that takes a tracer; without it the library calls `trace.getTracer(tracerName)` on the global provider. */
  readonly tracerKey: string;
  readonly tracerName: string;
  /**
   * The library version from which the settings no longer take `tracerKey` (a `tracer` there is ignored): its
   * spans go through telemetry integrations, and the tracer to the integration's constructor (`integration`, an id
   * of `TELEMETRY_INTEGRATIONS`). `options`: the settings keys of that version, by precedence. A project whose
   * nearest package.json admits an older version keeps the settings' `tracerKey`; one that declares no version is
   * read as older, unless the file imports an integration's package (which exists only from that version on).
   */
  readonly tracerMovedToIntegration?: {
    readonly since: { readonly package: string; readonly version: readonly [major: number, minor: number] };
    readonly options: readonly string[];
    readonly integration: string;
  };
  readonly verifiedAt: string;
}

export const TELEMETRY_OPTIONS: readonly TelemetryOption[] = [
  {
    id: "vercel-ai",
    name: "Vercel AI SDK",
    functions: ["generateText", "streamText", "generateObject", "streamObject", "embed", "embedMany"].map((name) => ({ package: "ai", name })),
    // ai@6.0.41 src/agent/tool-loop-agent-settings.ts: ToolLoopAgentSettings carries TelemetrySettings, which
    // the agent passes to the generateText/streamText calls of its loop (src/agent/tool-loop-agent.ts).
    classes: [{ package: "ai", name: "ToolLoopAgent" }],
    option: "experimental_telemetry",
    enabledKey: "isEnabled",
    tracerKey: "tracer",
    tracerName: "ai",
    // 7.0 renames `experimental_telemetry` to `telemetry` (the old name stays, deprecated) and drops `tracer` from it.
    tracerMovedToIntegration: { since: { package: "ai", version: [7, 0] }, options: ["telemetry", "experimental_telemetry"], integration: "ai-sdk-otel" },
    verifiedAt:
      "ai@6.0.99 src/telemetry/get-tracer.ts: getTracer({ isEnabled = false, tracer }) → noop when disabled, `tracer` when given, else trace.getTracer('ai'); telemetry-settings.ts: TelemetrySettings.tracer; ai-sdk.dev/docs/telemetry. " +
      "ai@7.0.77 (vercel/ai packages/ai/src/telemetry/telemetry-options.ts: TelemetryOptions has isEnabled, recordInputs, recordOutputs, functionId, includeRuntimeContext, includeToolsContext, integrations, and no tracer; " +
      "content/docs/08-migration-guides/23-migration-guide-7-0.mdx '`tracer` Property Removed from `experimental_telemetry`: … pass it to the `OpenTelemetry` constructor instead' and '`experimental_telemetry` Renamed to `telemetry`', the old name a deprecated alias; read with the fetch tool 2026-12-07)",
  },
];

/**
 * A telemetry integration: an object a library sends its lifecycle events to, which turns them into OpenTelemetry
 * spans with the tracer given to its constructor, else with the global provider's (which this SDK never registers:
 * its spans reach nothing). The AI SDK 7's `registerTelemetry(new OpenTelemetry())` of @ai-sdk/otel.
 */
export interface TelemetryIntegration {
  readonly id: string;
  readonly name: string;
  /** The integration classes, each with the name it asks the global provider's tracer by (what the fix names its tracer). */
  readonly classes: readonly { readonly export: PackageExport; readonly tracerName: string }[];
  /** The constructor option that takes the tracer. */
  readonly tracerKey: string;
  /** Where an instance is put to work: an argument of `register` (every call's), or under `integrationsKey` of a call's telemetry settings. */
  readonly register: PackageExport;
  readonly integrationsKey: string;
  readonly verifiedAt: string;
}

export const TELEMETRY_INTEGRATIONS: readonly TelemetryIntegration[] = [
  {
    id: "ai-sdk-otel",
    name: "AI SDK OpenTelemetry integration",
    classes: [
      // The GenAI semantic-conventions spans; `LegacyOpenTelemetry` emits the `ai.*` spans of ai 6 and before.
      { export: { package: "@ai-sdk/otel", name: "OpenTelemetry" }, tracerName: "gen_ai" },
      { export: { package: "@ai-sdk/otel", name: "LegacyOpenTelemetry" }, tracerName: "ai" },
    ],
    tracerKey: "tracer",
    register: { package: "ai", name: "registerTelemetry" },
    integrationsKey: "integrations",
    verifiedAt:
      "vercel/ai at @ai-sdk/otel 1.0.77 / ai 7.0.77 (read with the fetch tool 2026-12-07): packages/otel/src/open-telemetry.ts `constructor(options: OpenTelemetryOptions = {})`, " +
      "`this.tracer = options.tracer ?? trace.getTracer('gen_ai')`; supplemental-attributes.ts OpenTelemetryOptions.tracer; legacy-open-telemetry.ts `options.tracer ?? trace.getTracer('ai')`; " +
      "packages/ai/src/telemetry/telemetry-registry.ts registerTelemetry(...integrations) (global), telemetry-options.ts `integrations` ('take precedence over the globally registered integrations for this call'); " +
      "content/docs/03-ai-sdk-core/60-telemetry.mdx 'Custom Tracer': new OpenTelemetry({ tracer: tracerProvider.getTracer('gen_ai') })",
  },
];

/**
 * Words one of which a file must contain for any entry above to apply (the rule's text gate, tested
 * with `String#includes`, several times faster than a RegExp over a whole file).
 */
// `@ai-sdk/otel`: a file that makes an integration imports it.
export const INSTRUMENTATION_TEXT_HINTS: readonly string[] = ["Instrumentation", "experimental_telemetry", "@ai-sdk/otel"];

/**
 * Settings keys a file must contain as a word of their own (not inside a longer name) for the entries above to
 * apply, however the key is written: ai 7's `telemetry: {`, `telemetry : {`, the shorthand `{ telemetry }` and
 * `{ ...opts, telemetry }`, a quoted `"telemetry":`. Not `@opentelemetry/api` or `OpenTelemetry`, which most
 * files that name the word hold.
 */
export const INSTRUMENTATION_WORD_HINTS: readonly string[] = ["telemetry"];

/** The text gate of analysis/instrumentations.ts: a hint of `INSTRUMENTATION_TEXT_HINTS` anywhere, or a word of `INSTRUMENTATION_WORD_HINTS`. */
export function mayHoldInstrumentation(text: string): boolean {
  return INSTRUMENTATION_TEXT_HINTS.some((hint) => text.includes(hint)) || INSTRUMENTATION_WORD_HINTS.some((word) => includesWord(text, word));
}

