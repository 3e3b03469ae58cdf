// This SDK's API as the rules and the codemods see it: one manifest of the tracer's members and the
// package's exports, tied to sdk/'s types so that renaming or adding a member there breaks `tsc` here
// until the manifest says what the new name is. Everything the engine derives (member tables, flush
// calls, the prefilter's member hint) comes from these tables.
//
// Type-only imports: analysis/ is built into dist/ with the SDK, but must not load the SDK at runtime
// (the ESLint plugin would pull in OpenTelemetry). `import type` is erased from the emitted JS.
import type * as sdkRoot from "../../../sdk/index.js";
import type * as sdkExperiments from "../../../sdk/experiments/index.js";
import type { EvaluateOptions } from "../../../sdk/experiments/index.js";
import type { HoneyHiveTracer } from "../../../sdk/tracer.js";
import type { Enrichment, SessionOptions, TraceOptions, TracerOptions } from "../../../sdk/types.js";
import type { FlushCall, SdkExportInfo, SdkProfileBase, TracerMemberInfo } from "./types.js";

/** Every public instance member of `HoneyHiveTracer`. */
export const TRACER_MEMBERS = {
  // Properties
  provider: { kind: "property", honeyhiveOnly: false, tracerLike: false },
  project: { kind: "property", honeyhiveOnly: false, tracerLike: false },
  source: { kind: "property", honeyhiveOnly: false, tracerLike: false },
  testMode: { kind: "property", honeyhiveOnly: false, tracerLike: false },
  enabled: { kind: "property", honeyhiveOnly: false, tracerLike: false },
  sessionId: { kind: "property", honeyhiveOnly: false, tracerLike: true, session: "reads" },
  // `getFinishedSpans` is also OpenTelemetry's InMemorySpanExporter method, hence not HoneyHive-only.
  droppedSpans: { kind: "property", honeyhiveOnly: false, tracerLike: false },
  getFinishedSpans: { kind: "method", honeyhiveOnly: false, tracerLike: false },

  // Sessions
  createSession: { kind: "method", honeyhiveOnly: true, tracerLike: true, session: "starts-in-context" },
  acreateSession: { kind: "method", honeyhiveOnly: true, tracerLike: true, session: "starts-in-context" },
  withSession: { kind: "method", honeyhiveOnly: true, tracerLike: true, session: "starts-scoped" },
  sessionStart: {
    kind: "method",
    honeyhiveOnly: false, // analytics clients (PostHog…) have a `sessionStart` too
    tracerLike: true,
    session: "starts-on-instance",
    legacy: "stores the session on the shared instance; use createSession() (request-scoped) in servers and handlers",
  },
  resolveSessionId: { kind: "method", honeyhiveOnly: true, tracerLike: true, session: "reads" },

  // Tracing
  startSpan: { kind: "method", honeyhiveOnly: false, tracerLike: true, startsSpan: true },
  trace: { kind: "method", honeyhiveOnly: false, tracerLike: true },
  enrichSpan: { kind: "method", honeyhiveOnly: true, tracerLike: true },
  enrichSession: { kind: "method", honeyhiveOnly: true, tracerLike: true, session: "enriches" },

  // Propagation: every propagator has inject/extract.
  inject: { kind: "method", honeyhiveOnly: false, tracerLike: false },
  extract: { kind: "method", honeyhiveOnly: false, tracerLike: false },

  // Flushing
  forceFlush: { kind: "method", honeyhiveOnly: false, tracerLike: true, flushes: "flush" },
  shutdown: { kind: "method", honeyhiveOnly: false, tracerLike: false, flushes: "shutdown" },
} as const satisfies Record<keyof HoneyHiveTracer, TracerMemberInfo>;

/** The static members of `HoneyHiveTracer` (besides `prototype`). */
export const TRACER_STATICS = {
  init: { kind: "method", returns: "tracer", async: false },
} as const satisfies Record<Exclude<keyof typeof HoneyHiveTracer, "prototype">, { kind: "method"; returns: "tracer"; async: boolean }>;

/**
 * The options of `HoneyHiveTracer.init()` that describe its startup session, each with the
 * `createSession()` option that says the same for a request's session: moving a per-request init onto
 * one shared tracer moves these into the request's `createSession()` (with `skipApiCall: true` when the
 * id is the caller's, an existing session: analysis/fixes/tracer-init.ts). Typed so a new `session…`
 * option of init must be mapped here.
 */
export const INIT_SESSION_OPTIONS = {
  sessionId: "sessionId",
  sessionName: "sessionName",
  sessionInputs: "inputs",
  sessionMetadata: "metadata",
} as const satisfies { readonly [K in Extract<keyof TracerOptions, `session${string}`>]-?: keyof SessionOptions };

/** The runtime exports of `honeyhive` and `honeyhive/experiments` (types are listed in the docs only). */
export const SDK_EXPORTS = {
  root: {
    HoneyHiveTracer: { module: "honeyhive", kind: "class" },
    trace: { module: "honeyhive", kind: "function", implicitTracer: true },
    enrichSpan: {
      module: "honeyhive",
      kind: "function",
      implicitTracer: true,
      legacy: "outside evaluate() use tracer.enrichSpan(); inside evaluate() this is the recommended form",
    },
    enrichSession: {
      module: "honeyhive",
      kind: "function",
      implicitTracer: true,
      legacy: "outside evaluate() use tracer.enrichSession(); inside evaluate() this is the recommended form",
    },
    setDefaultTracer: { module: "honeyhive", kind: "function", legacy: "the default tracer only serves implicit trace(); pass { tracer } instead" },
    toSessionId: { module: "honeyhive", kind: "function" },
    isSessionId: { module: "honeyhive", kind: "function" },
    InvalidSessionIdError: { module: "honeyhive", kind: "class" },
  } satisfies Record<keyof typeof sdkRoot, SdkExportInfo>,
  experiments: {
    evaluate: { module: "honeyhive/experiments", kind: "function" },
    EvaluateOptionsError: { module: "honeyhive/experiments", kind: "class" },
    ExperimentApiError: { module: "honeyhive/experiments", kind: "class" },
    DEFAULT_MAX_CONCURRENCY: { module: "honeyhive/experiments", kind: "constant" },
    DEFAULT_DATAPOINT_TIMEOUT_MS: { module: "honeyhive/experiments", kind: "constant" },
  } satisfies Record<keyof typeof sdkExperiments, SdkExportInfo>,
} as const;

/**
 * The type-only exports of `honeyhive` (sdk/index.ts's `export type …` and `type` specifiers). tsc cannot
 * list a module's types, so sdk/public-surface.test.ts reads sdk/index.ts and checks that these and
 * SDK_EXPORTS.root are exactly the names it exports.
 */
export const SDK_TYPE_EXPORTS = {
  root: ["TracerOptions", "SessionOptions", "TraceOptions", "Enrichment", "EventType", "TraceDecorator"],
} as const;

/** Every name `import { … } from "honeyhive"` can bind here, values and types. */
export const SDK_ROOT_NAMES: ReadonlySet<string> = new Set([...Object.keys(SDK_EXPORTS.root), ...SDK_TYPE_EXPORTS.root]);

/** Option names of the SDK's calls, so a 1.x option's target name is checked against the real one. */
export const OPTION_NAMES = {
  tracer: keysOf<TracerOptions>({
    apiKey: 0,
    project: 0,
    sessionName: 0,
    source: 0,
    serverUrl: 0,
    sessionId: 0,
    sessionInputs: 0,
    sessionMetadata: 0,
    testMode: 0,
    disableBatch: 0,
    verbose: 0,
    maxQueueSize: 0,
    timeoutMs: 0,
  }),
  session: keysOf<SessionOptions>({ sessionName: 0, sessionId: 0, inputs: 0, metadata: 0, skipApiCall: 0, linkCarrier: 0 }),
  trace: keysOf<TraceOptions>({ eventType: 0, eventName: 0, tracer: 0, metadata: 0 }),
  enrichSpan: keysOf<Enrichment>({ metadata: 0, metrics: 0, feedback: 0, config: 0, inputs: 0, outputs: 0, error: 0 }),
  enrichSession: keysOf<Parameters<HoneyHiveTracer["enrichSession"]>[0]>({
    sessionId: 0,
    metadata: 0,
    metrics: 0,
    feedback: 0,
    config: 0,
    inputs: 0,
    outputs: 0,
    error: 0,
  }),
  evaluate: keysOf<EvaluateOptions>({
    function: 0,
    dataset: 0,
    datasetId: 0,
    evaluators: 0,
    name: 0,
    apiKey: 0,
    project: 0,
    serverUrl: 0,
    maxConcurrency: 0,
    timeoutMs: 0,
    datapointTimeoutMs: 0,
    testMode: 0,
    metadata: 0,
  }),
} as const;

/** `Record<keyof T, 0>` checks the list is complete and exact at compile time; the keys are what is kept. */
function keysOf<T>(record: Record<keyof T, 0>): ReadonlySet<string> {
  return new Set(Object.keys(record));
}

export type TracerMemberName = keyof typeof TRACER_MEMBERS;

function membersWhere(test: (info: TracerMemberInfo) => boolean): ReadonlySet<TracerMemberName> {
  return new Set((Object.keys(TRACER_MEMBERS) as TracerMemberName[]).filter((name) => test(TRACER_MEMBERS[name])));
}

/** Members only HoneyHive's tracer has: one use marks a binding of unknown origin as a tracer. */
export const HONEYHIVE_ONLY_MEMBERS = membersWhere((info) => info.honeyhiveOnly);
/** Members a tracer is used through that other libraries share: evidence only for a binding named or known as a tracer. */
export const GENERIC_TRACER_MEMBERS = membersWhere((info) => info.tracerLike && !info.honeyhiveOnly);
/** Members whose awaited call flushes the tracer (forceFlush, and shutdown which flushes first). */
export const FLUSH_MEMBERS = membersWhere((info) => info.flushes !== undefined);
/**
 * Members that flush and then stop the tracer (`shutdown`: "further spans are not recorded",
 * sdk/tracer.ts): right for a tracer made per invocation, wrong for one a warm serverless instance reuses.
 */
/** Methods that run their callback in a span (`tracer.startSpan(name, fn)`); `trace` makes a wrapper, whose calls are traced calls. */
export const SPAN_STARTING_MEMBERS = membersWhere((info) => info.startsSpan === true);
export const SHUTDOWN_MEMBERS = membersWhere((info) => info.flushes === "shutdown");
/** Members that start a session (request-scoped, scoped, or on the instance). */
export const SESSION_STARTING_MEMBERS = membersWhere((info) => info.session?.startsWith("starts-") ?? false);
/** The one member that starts a session on the shared instance: the per-request anti-pattern. */
export const INSTANCE_SESSION_MEMBERS = membersWhere((info) => info.session === "starts-on-instance");
/** Members that start a session only for the current request/async context: what a handler should call. */
export const REQUEST_SCOPED_SESSION_MEMBERS = membersWhere((info) => info.session === "starts-in-context" || info.session === "starts-scoped");
/** Legacy members, with the reason (for messages). */
export const LEGACY_MEMBERS: ReadonlyMap<TracerMemberName, string> = new Map(
  (Object.keys(TRACER_MEMBERS) as TracerMemberName[]).flatMap((name) => {
    const info: TracerMemberInfo = TRACER_MEMBERS[name];
    return info.legacy === undefined ? [] : [[name, info.legacy] as const];
  }),
);

/** The flush call this SDK's fixes write: `await <tracer>.forceFlush()`. */
export const PREFERRED_FLUSH = { member: "forceFlush", text: (tracer: string) => `${tracer}.forceFlush()` } as const satisfies {
  member: TracerMemberName;
  text: (tracer: string) => string;
};

const flushCalls: FlushCall[] = [...FLUSH_MEMBERS].map((method) => {
  const info: TracerMemberInfo = TRACER_MEMBERS[method];
  return {
    receiver: { kind: "tracer" },
    method,
    effect: info.flushes ?? "flush",
    // `forceFlush` is OpenTelemetry's name on every provider and processor: any of them is a flush.
    nameAlone: method === "forceFlush",
    verifiedAt: "sdk/tracer.ts (HoneyHiveTracer.forceFlush / shutdown)",
  };
});

export const honeyhiveProfile = {
  id: "honeyhive",
  name: "HoneyHive (this SDK)",
  modules: ["honeyhive", "honeyhive/experiments"],
  flushCalls,
} as const satisfies SdkProfileBase;
