// The transform ids are part of the CLI's contract (`--transforms`, `--skip`, `--list`, reports);
// the order here is the order they run in.
export const TRANSFORMS = [
  {
    id: "evaluate-managed-tracer",
    title: "Let evaluate() manage the tracer",
    description:
      "In functions that evaluate() runs, drop the explicit tracer binding and the now-unused global tracer, so each datapoint gets its own session",
  },
  {
    id: "session-start-to-create-session",
    title: "sessionStart() → createSession() in handlers",
    description:
      "Inside request handlers, middleware and Lambda handlers, replace sessionStart() (stored on the shared tracer) with createSession() (request-scoped baggage)",
  },
  {
    id: "lambda-force-flush",
    title: "Flush before a Lambda handler returns",
    description:
      "Make every return path of a tracing serverless handler await its SDK's flush (tracer.forceFlush(), 1.x tracer.flush(), OpenTelemetry provider.forceFlush()), so spans leave before the runtime freezes",
  },
  {
    id: "explicit-tracer",
    title: "Bind trace() and enrichment to the tracer explicitly",
    description:
      "Add `tracer: <name>` to trace()/@trace() and call <name>.enrichSpan()/enrichSession() instead of the implicit globals",
  },
  {
    id: "validate-session-id",
    title: "Mark session ids taken from requests unchecked",
    description:
      "Leave a review marker where a session id from a request or event reaches createSession()/withSession()/init() without toSessionId() or isSessionId() (the SDK throws for a non-UUID)",
  },
  {
    id: "instrumentation-provider",
    title: "Give instrumentations the tracer's provider",
    description:
      "Pass `tracerProvider: tracer.provider` to registerInstrumentations() and instrumentation classes (`tracer: tracer.provider.getTracer(\"ai\")` to AI SDK telemetry), moving a setup above HoneyHiveTracer.init() below it; a marker where the tracer is not clear",
  },
  {
    id: "lost-session-context",
    title: "Create the request's session where the handler sees it",
    description:
      "Move createSession() before the first await of a Fastify hook; leave a review marker where the session is created in a callback that runs later than next()",
  },
  {
    id: "hoist-tracer-init",
    title: "Create the tracer once, not per request",
    description:
      "Move HoneyHiveTracer.init() out of request handlers, serverless handlers and loops into a module-level lazy getter, with a createSession() per request; a marker where the init reads the request, runs in evaluate()'s function, or builds an OpenTelemetry pipeline",
  },
] as const;

/**
 * The `1.x` set (`migrate --from 1`): moves code written against the published honeyhive 1.x onto
 * this SDK, each concern one transform; the ones above run after it, on its output.
 */
export const TRANSFORMS_1X = [
  {
    id: "1x-init",
    title: "1.x: synchronous init and its options",
    description:
      "`await HoneyHiveTracer.init(…)` and `new HoneyHiveTracer(…)` → `HoneyHiveTracer.init(…)`, 1.x option names → this SDK's (also in a const of the file passed or spread into init), a marker for options that no longer exist",
  },
  {
    id: "1x-flush",
    title: "1.x: flush() → forceFlush()",
    description: "`tracer.flush()` → `tracer.forceFlush()`; static `HoneyHiveTracer.flush()` → the one reachable tracer's forceFlush(), else a marker",
  },
  {
    id: "1x-trace-wrappers",
    title: "1.x: traceFunction/traceModel/traceTool/traceChain → trace()",
    description:
      "The 1.x wrappers → `trace(options, fn)` with the event type as an option; 1.x `tracer.trace(fn, …args)` (no span) → `fn(…args)`; logModel → a marked model span",
  },
  {
    id: "1x-sessions",
    title: "1.x: startSession()",
    description: "`tracer.startSession()` → `createSession()` inside request and serverless handlers, `tracer.sessionId` (what 1.x returned) elsewhere",
  },
  {
    id: "1x-enrichment",
    title: "1.x: enrichment calls",
    description:
      "Static `HoneyHiveTracer.enrichSpan` → `enrichSpan` (bound to the tracer by explicit-tracer), `setFeedback/setMetric/setMetadata` → `enrichSession`, `getTracer()` → the provider's, markers for fields with no equivalent",
  },
  {
    id: "1x-evaluate",
    title: "1.x: evaluate() from honeyhive/experiments",
    description:
      "`evaluate` moves to `honeyhive/experiments`, its 1.x config keys become this SDK's, the evaluated function is wrapped to keep its (inputs, groundTruths) parameters, `evaluator(fn, { name })` → `evaluators: { name: fn }`",
  },
  {
    id: "1x-names",
    title: "1.x: types and names with no counterpart",
    description:
      "1.x types → this SDK's (`TraceFunctionOptions` → `TraceOptions`, `EvaluationConfig` → `EvaluateOptions`…); a marker for the REST client, the LangChain tracer, the other removed exports, `HoneyHiveTracer`'s static properties and a tracer's configuration properties; `import hh from \"honeyhive\"` (no default export here) → named or namespace imports; a marker on a test's mock of 1.x",
  },
] as const;

export type Transform1xId = (typeof TRANSFORMS_1X)[number]["id"];

export type TransformId = (typeof TRANSFORMS)[number]["id"] | (typeof TRANSFORMS_1X)[number]["id"];

/** The default run: the transforms onto the recommended patterns. */
export const TRANSFORM_IDS: readonly TransformId[] = TRANSFORMS.map((transform) => transform.id);

export const TRANSFORM_1X_IDS: readonly TransformId[] = TRANSFORMS_1X.map((transform) => transform.id);

/** Every transform, in run order (`--from 1`: all of them). */
export const ALL_TRANSFORMS: readonly ((typeof TRANSFORMS_1X)[number] | (typeof TRANSFORMS)[number])[] = [...TRANSFORMS_1X, ...TRANSFORMS];

export const ALL_TRANSFORM_IDS: readonly TransformId[] = ALL_TRANSFORMS.map((transform) => transform.id);

export function isTransformId(value: string): value is TransformId {
  return (ALL_TRANSFORM_IDS as readonly string[]).includes(value);
}

export function is1xTransformId(id: TransformId): boolean {
  return TRANSFORM_1X_IDS.includes(id);
}
