// The published `honeyhive` 1.x API as data, each name with what it becomes in this SDK. Read from the
// source (github.com/honeyhiveai/typescript-sdk, src/sdk/tracer.ts, evaluation.ts, evaluator.ts and
// src/index.ts at every commit that changed them, versions from package.json at that commit) and from
// the npm tarball of honeyhive@1.0.42, the last version with code (1.0.44 ships no JavaScript). The
// migration guide docs/migrating-from-1x.md is this table in prose; a test keeps the two in step.
//
// Facts the table rests on, worth knowing when reading it:
// - `HoneyHiveTracer.init()` is async in every 1.x version and starts the session before resolving.
// - 1.x `tracer.startSession()` returns the tracer's existing session id without calling the API when
//   the tracer already has one, which it always has after init (tracer.ts: `if (this.sessionId) return
//   this.sessionId`). A per-request `startSession()` on a shared tracer therefore never made a session
//   per request: every request landed in the init session.
// - 1.x `tracer.trace(fn, ...args)` creates no span: it runs `fn` at once with the tracer's session as
//   association properties in the context (and `this` undefined), so wrappers inside find the session.
// - `evaluate()` calls the evaluated function as `fn(inputs, groundTruths)` (1.0.12–1.0.32: `fn(inputs)`),
//   and dataset items are `{ inputs, ground_truths }`; this SDK calls `function({ inputs, groundTruth })`.
// - `evaluate()` calls each evaluator as `evaluator(output, inputs, groundTruths)` from 1.0.24 on, and as
//   `evaluator(inputs, output)` before (EVALUATOR_CALL_ORDERS_1X).
// - The tracer's options were camelCase in every 1.x version; the snake_case keys (`hh_api_key`,
//   `hh_project`, `dataset_id`, `server_url`, `query_list`) are evaluate()'s config of 1.0.12–1.0.32.
import { TRACER_MEMBERS } from "./honeyhive.js";
import type { Api1xEntry, FlushCall, Migration, Option1xEntry, PackageExport, RequestScopedRestCall, SdkProfileBase, VersionRange } from "./types.js";

/** The last 1.x version with code; `until` absent in a VersionRange means "still there in this one". */
export const LAST_1X_WITH_CODE = "1.0.42";

/** The parameters 1.x evaluate() passed an evaluator, in order, for the versions that passed them so, and what an item of its `dataset` was then. */
export interface EvaluatorCallOrder1x {
  readonly versions: VersionRange;
  readonly parameters: readonly string[];
  /** `inputs`: each item was the inputs themselves (as query_list's); `datapoint`: `{ inputs, ground_truths }`. */
  readonly datasetItem: "inputs" | "datapoint";
}

/**
 * How 1.x evaluate() called each evaluator (src/sdk/evaluation.ts, `runEvaluators`): before 1.0.24
 * `evaluator(inputs, evaluation_output)` (1.0.18 335e8a2, 1.0.21 c6de5f2, 1.0.23 a52a18a); from 1.0.24
 * (2297613, the ground-truth change) `evaluator(evaluation_output, inputs, ground_truths)`, which is this
 * SDK's `(output, inputs, groundTruth)`. An evaluator written for the first order takes its parameters
 * swapped here. The same change made a `dataset` item `{ inputs, ground_truths }`; before it (1.0.21–1.0.23,
 * c6de5f2 `return config.dataset[run_id]`) the item was the inputs themselves.
 */
export const EVALUATOR_CALL_ORDERS_1X: readonly EvaluatorCallOrder1x[] = [
  { versions: { since: "1.0.0", until: "1.0.24" }, parameters: ["inputs", "output"], datasetItem: "inputs" },
  { versions: { since: "1.0.24" }, parameters: ["output", "inputs", "groundTruth"], datasetItem: "datapoint" },
];

const planned = (decision: Migration["decision"], to: string | undefined, why: string, marker?: string): Migration => ({ decision, to, why, ...(marker === undefined ? {} : { marker }), status: "planned" });

const TRACER_CLASS: PackageExport = { package: "honeyhive", name: "HoneyHiveTracer" };

// Every name and option below is implemented by `honeyhive migrate --from 1` (codemods/transforms/1x,
// a fixture pair each in fixtures/migrate-1x): rewritten, or marked where a person must decide. A name
// added later starts `planned` (the guide's status column says so) until its transform lands.
const withStatus = <T extends { readonly migration: Migration }>(entry: T, implemented: boolean): T =>
  implemented ? { ...entry, migration: { ...entry.migration, status: "implemented" } } : entry;

/** A 1.x type export with a counterpart here: its name, its module, and for a composed type the text it stands for. */
export interface Type1xTarget {
  readonly since: string;
  readonly decision: "rename" | "rewrite";
  readonly name: string;
  readonly module: "honeyhive" | "honeyhive/experiments";
  /** The type written for the 1.x name when it is not one export here (a local alias is declared). */
  readonly as?: string;
}

/** The 1.x types that have a counterpart here (the rest are removed: see API_1X). */
export const TYPES_1X: Readonly<Record<string, Type1xTarget>> = {
  TraceFunctionOptions: { since: "1.0.41", decision: "rename", name: "TraceOptions", module: "honeyhive" },
  EnrichSpanParams: { since: "1.0.20", decision: "rename", name: "Enrichment", module: "honeyhive" },
  EnrichSessionParams: { since: "1.0.33", decision: "rewrite", name: "Enrichment", module: "honeyhive", as: "Enrichment & { sessionId?: string }" },
  HoneyHiveTracerProperties: { since: "1.0.20", decision: "rewrite", name: "TracerOptions", module: "honeyhive" },
  EvaluationConfig: { since: "1.0.33", decision: "rewrite", name: "EvaluateOptions", module: "honeyhive/experiments" },
  EvaluationResult: { since: "1.0.33", decision: "rewrite", name: "EvaluationResult", module: "honeyhive/experiments" },
};

const typeTarget = (type: Type1xTarget): string => type.as ?? (type.module === "honeyhive" ? type.name : `${type.name} from "${type.module}"`);

/**
 * Words that, in the text of a receiver the model cannot resolve, name the SDK itself: Fastify's
 * `request.server.honeyhive` of a `declare module "fastify"` in another file. Evidence for a review marker
 * even on a 1.x method other clients share (`startSession()` is MongoDB's too), never for a rewrite.
 */
export const SDK_RECEIVER_WORDS_1X: readonly string[] = ["honeyhive"];

/**
 * Words that, in the text of a receiver the model cannot resolve, name a HoneyHive tracer: `this.hhTracer`,
 * `c.get("tracer")`, and the SDK's own name. Evidence for a review marker on a 1.x-only method called on it.
 */
export const TRACER_RECEIVER_WORDS_1X: readonly string[] = ["tracer", ...SDK_RECEIVER_WORDS_1X];

/**
 * The event types 1.x's wrappers recorded: they lower-cased `eventType` and dropped any other value
 * (github.com/honeyhiveai/typescript-sdk src/sdk/tracer.ts, as the blind-1x-2 round read it); this SDK's
 * `trace()` takes exactly these, as written.
 */
export const EVENT_TYPES_1X = ["model", "tool", "chain"] as const;

/** Every public name of honeyhive 1.x that application code can touch. */
export const API_1X: readonly Api1xEntry[] = ([
  // --- HoneyHiveTracer, static ---------------------------------------------------------------------
  {
    name: "init",
    where: "static",
    display: "await HoneyHiveTracer.init(options)",
    kind: "method",
    versions: { since: "1.0.0" },
    behaviour: { async: true, startsSession: true, createsTracer: true },
    migration: planned(
      "rewrite",
      "HoneyHiveTracer.init(options)",
      "init is synchronous here (the session starts in the background), so the `await` goes; a module-level " +
        "`let tracer` assigned in an async function or an awaiting lazy getter stays valid. Options are renamed (see the options table).",
    ),
  },
  {
    name: "constructor",
    where: "static",
    display: "new HoneyHiveTracer(options)",
    kind: "method",
    versions: { since: "1.0.0" },
    behaviour: { createsTracer: true },
    migration: planned(
      "rewrite",
      "HoneyHiveTracer.init(options)",
      "Private in 1.x's types; from JavaScript it made a tracer with no session and no exporter (init did both). Private here too: init is the one way.",
    ),
  },
  {
    name: "initFromSessionId",
    where: "static",
    display: "await HoneyHiveTracer.initFromSessionId({ apiKey, sessionId, serverUrl })",
    kind: "method",
    versions: { since: "1.0.0", until: "1.0.21" },
    behaviour: { async: true, createsTracer: true },
    migration: planned(
      "rewrite",
      "HoneyHiveTracer.init({ apiKey, serverUrl }) + tracer.sessionStart({ sessionId, skipApiCall: true })",
      "1.x joined the existing session without starting it. init({ sessionId }) here would start it on the backend again (under project \"default\" when none is given), so the id goes to sessionStart({ sessionId, skipApiCall: true }), which joins without an API call (createSession({ sessionId, skipApiCall: true }) in a request handler). init() still starts a startup session of its own. A call that is not `const tracer = await …` (a return, an assignment) gets a marker.",
    ),
  },
  {
    name: "flush",
    where: "static",
    display: "await HoneyHiveTracer.flush()",
    kind: "method",
    versions: { since: "1.0.33" },
    behaviour: { async: true, flushes: true },
    migration: planned(
      "rewrite",
      "await tracer.forceFlush()",
      "1.x had one global pipeline, so a static flush flushed every tracer; here each tracer owns its pipeline. " +
        "Rewritten to the instance's forceFlush() when one tracer is reachable from the file, else a marker.",
    ),
  },
  {
    name: "enrichSpan",
    where: "static",
    display: "HoneyHiveTracer.enrichSpan(fields)",
    kind: "method",
    versions: { since: "1.0.33" },
    // honeyhive@1.0.42 sdk/tracer.js: `static enrichSpan(params) { enrichSpan(params); }`, the free
    // function, which enriches whatever span is active in the context. (1.x has no static enrichSession.)
    behaviour: { implicitTracer: true },
    migration: planned("rewrite", "tracer.enrichSpan(fields)", "Deprecated in 1.x already; the tracer's method where one is reachable, else the free enrichSpan()."),
  },
  {
    name: "sdkInstance",
    where: "static",
    display: "HoneyHiveTracer.sdkInstance",
    kind: "property",
    versions: { since: "1.0.33" },
    migration: planned("marker", undefined, "The shared REST client of 1.x; this SDK has no public REST client (use @honeyhive/api-client)."),
  },
  {
    name: "flushPromise",
    where: "static",
    display: "HoneyHiveTracer.flushPromise",
    kind: "property",
    versions: { since: "1.0.33" },
    migration: planned("marker", "await tracer.forceFlush()", "Internal state of the static flush; await the tracer's forceFlush() instead."),
  },
  {
    name: "isEvaluation",
    where: "static",
    display: "HoneyHiveTracer.isEvaluation",
    kind: "property",
    versions: { since: "1.0.33" },
    migration: planned("removed", undefined, "evaluate() gives each datapoint its own tracer here; no global evaluation flag exists."),
  },
  {
    name: "evalAssociationProps",
    where: "static",
    display: "HoneyHiveTracer.evalAssociationProps",
    kind: "property",
    versions: { since: "1.0.33" },
    migration: planned("removed", undefined, "Traceloop association properties are gone; sessions travel in OpenTelemetry baggage."),
  },
  {
    name: "verbose",
    where: "static",
    display: "HoneyHiveTracer.verbose",
    kind: "property",
    versions: { since: "1.0.38" },
    migration: planned("marker", "HoneyHiveTracer.init({ verbose: true })", "Verbosity is per tracer (option `verbose` or HH_VERBOSE)."),
  },

  // --- HoneyHiveTracer, instance ------------------------------------------------------------------
  {
    name: "startSession",
    where: "instance",
    display: "await tracer.startSession()",
    kind: "method",
    versions: { since: "1.0.33" },
    behaviour: { async: true, startsSession: true },
    migration: planned(
      "rewrite",
      "tracer.createSession()",
      "Inside a request or serverless handler: createSession(), the request-scoped session the code evidently meant " +
        "(1.x returned the init session again, so every request shared it). Elsewhere `tracer.sessionId`, which is what 1.x returned.",
    ),
  },
  {
    name: "traceFunction",
    where: "instance",
    display: "tracer.traceFunction(options)(fn)",
    kind: "method",
    versions: { since: "1.0.5" },
    behaviour: { wrapsFunction: "curried" },
    migration: planned(
      "rewrite",
      "tracer.trace(options, fn)",
      "The same wrapper with the options first; `config` has no option here (a marker moves it to enrichSpan). " +
        "1.0.5–1.0.6 took `(config, metadata)` instead of the options object: `tracer.trace({ metadata }, fn)`, with a marker naming the config.",
    ),
  },
  {
    name: "traceModel",
    where: "instance",
    display: "tracer.traceModel(fn, options?)",
    kind: "method",
    versions: { since: "1.0.20" },
    behaviour: { wrapsFunction: "first-argument" },
    migration: planned("rewrite", 'tracer.trace({ ...options, eventType: "model" }, fn)', "One wrapper with the event type as an option."),
  },
  {
    name: "traceTool",
    where: "instance",
    display: "tracer.traceTool(fn, options?)",
    kind: "method",
    versions: { since: "1.0.20" },
    behaviour: { wrapsFunction: "first-argument" },
    migration: planned("rewrite", 'tracer.trace({ ...options, eventType: "tool" }, fn)', "One wrapper with the event type as an option."),
  },
  {
    name: "traceChain",
    where: "instance",
    display: "tracer.traceChain(fn, options?)",
    kind: "method",
    versions: { since: "1.0.20" },
    behaviour: { wrapsFunction: "first-argument" },
    migration: planned("rewrite", 'tracer.trace({ ...options, eventType: "chain" }, fn)', "One wrapper with the event type as an option."),
  },
  {
    name: "trace",
    where: "instance",
    display: "tracer.trace(fn, ...args)",
    kind: "method",
    versions: { since: "1.0.0" },
    behaviour: { runsImmediately: true },
    migration: planned(
      "rewrite",
      "fn(...args)",
      "1.x runs fn at once in the tracer's session context and makes no span (before 1.0.39 it returned nothing). Here every span " +
        "recorded through the tracer carries its session, so a direct call keeps the span tree; free wrappers inside are bound to the " +
        "tracer by their own rewrite. A method passed as fn gets a marker (1.x called it with `this` undefined).",
    ),
  },
  {
    name: "logModel",
    where: "instance",
    display: "tracer.logModel(fields)",
    kind: "method",
    versions: { since: "1.0.20" },
    migration: planned(
      "marker",
      'tracer.trace({ eventType: "model", eventName: "func" }, () => tracer.enrichSpan(fields))()',
      "1.x made a model span named after its own inner closure (`func`) and enriched it; rewritten to the same span, with a marker to give it a real name.",
    ),
  },
  {
    name: "enrichSpan",
    where: "instance",
    display: "tracer.enrichSpan(fields)",
    kind: "method",
    versions: { since: "1.0.7" },
    migration: planned("rename", "tracer.enrichSpan(fields)", "Same method; the field `eventName` has no equivalent (marker)."),
  },
  {
    name: "enrichSession",
    where: "instance",
    display: "await tracer.enrichSession(fields)",
    kind: "method",
    versions: { since: "1.0.7" },
    behaviour: { async: true },
    migration: planned(
      "rename",
      "tracer.enrichSession(fields)",
      "Same method, now synchronous (sent in the background; an `await` of it stays valid). `userProperties` has no field here (marker); `inputs`, ignored by 1.x, are sent.",
    ),
  },
  {
    name: "flush",
    where: "instance",
    display: "await tracer.flush()",
    kind: "method",
    versions: { since: "1.0.7" },
    behaviour: { async: true, flushes: true },
    migration: planned("rename", "await tracer.forceFlush()", "OpenTelemetry's name; resolves to a boolean (delivered or not) and never rejects."),
  },
  {
    name: "getTracer",
    where: "instance",
    display: "tracer.getTracer()",
    kind: "method",
    versions: { since: "1.0.16" },
    migration: planned(
      "rewrite",
      'tracer.provider.getTracer("honeyhive")',
      "An OpenTelemetry tracer for integrations (Vercel AI SDK telemetry); spans of the tracer's provider carry its session.",
    ),
  },
  {
    name: "setFeedback",
    where: "instance",
    display: "await tracer.setFeedback(feedback)",
    kind: "method",
    versions: { since: "1.0.0", until: "1.0.7" },
    behaviour: { async: true },
    migration: planned("rewrite", "tracer.enrichSession({ feedback })", "Session enrichment is one method with named fields."),
  },
  {
    name: "setMetric",
    where: "instance",
    display: "await tracer.setMetric(metrics)",
    kind: "method",
    versions: { since: "1.0.0", until: "1.0.7" },
    behaviour: { async: true },
    migration: planned("rewrite", "tracer.enrichSession({ metrics })", "Session enrichment is one method with named fields."),
  },
  {
    name: "setMetadata",
    where: "instance",
    display: "await tracer.setMetadata(metadata)",
    kind: "method",
    versions: { since: "1.0.0", until: "1.0.7" },
    behaviour: { async: true },
    migration: planned("rewrite", "tracer.enrichSession({ metadata })", "Session enrichment is one method with named fields."),
  },
  {
    name: "sessionId",
    where: "instance",
    display: "tracer.sessionId (get; set since 1.0.20)",
    kind: "property",
    versions: { since: "1.0.0" },
    // honeyhive@1.0.42 sdk/tracer.js: `set sessionId(sessionId) { … this.properties.sessionId = sessionId; }`.
    behaviour: { switchesSessionWhenSet: true },
    migration: planned(
      "rename",
      "tracer.sessionId",
      "Reading is the same (the instance session). Assigning it is not possible here: a marker proposes createSession({ sessionId }) or sessionStart({ sessionId }).",
    ),
  },
  {
    name: "project",
    where: "instance",
    display: "tracer.project",
    kind: "property",
    versions: { since: "1.0.20" },
    migration: planned("rename", "tracer.project", "Same read-only property."),
  },
  {
    name: "source",
    where: "instance",
    display: "tracer.source",
    kind: "property",
    versions: { since: "1.0.20" },
    migration: planned("rename", "tracer.source", "Same read-only property."),
  },
  ...[
    "apiKey",
    "serverUrl",
    "sessionName",
    "inputs",
    "metadata",
    "disableBatch",
    "isEvaluation",
    "runId",
    "datasetId",
    "datapointId",
    "verbose",
    "disableHttpTracing",
  ].map(
    (name): Api1xEntry => ({
      name,
      where: "instance",
      display: `tracer.${name}`,
      kind: "property",
      versions: { since: name === "disableHttpTracing" ? "1.0.23" : "1.0.20" },
      migration: planned("marker", undefined, "The tracer does not expose its configuration; read the value where it is configured (options or HH_* environment)."),
    }),
  ),

  // --- Free exports of "honeyhive" ----------------------------------------------------------------
  {
    name: "traceFunction",
    where: "export",
    display: "traceFunction(options, associationProperties?)(fn)",
    kind: "function",
    versions: { since: "1.0.33" },
    behaviour: { implicitTracer: true, wrapsFunction: "curried" },
    migration: planned(
      "rewrite",
      "trace({ tracer, ...options }, fn)",
      "Binds the tracer explicitly when one is reachable (in the file or through its imports); else `trace(options, fn)` with a marker, " +
        "since 1.x found the session in the context and this SDK would use the default tracer. " +
        "1.0.42's second argument, `associationProperties` (Traceloop association properties set on the span and its children; sdk/tracer.d.ts), becomes the span's `metadata` " +
        "(options written as a literal without `metadata`; else the call keeps a marker), with a marker: spans inside no longer get them.",
    ),
  },
  ...EVENT_TYPES_1X.map(
    (eventType): Api1xEntry => ({
      name: `trace${eventType[0].toUpperCase()}${eventType.slice(1)}`,
      where: "export",
      display: `trace${eventType[0].toUpperCase()}${eventType.slice(1)}(fn, options?)`,
      kind: "function",
      versions: { since: "1.0.33" },
      behaviour: { implicitTracer: true, wrapsFunction: "first-argument" },
      migration: planned(
        "rewrite",
        `trace({ ...options, tracer, eventType: "${eventType}" }, fn)`,
        "Explicit tracer where reachable, else `trace({ ...options, eventType }, fn)` plus a marker.",
      ),
    }),
  ),
  {
    name: "enrichSpan",
    where: "export",
    display: "enrichSpan(fields)",
    kind: "function",
    versions: { since: "1.0.33" },
    behaviour: { implicitTracer: true },
    migration: planned("rewrite", "tracer.enrichSpan(fields)", "The tracer's method where one is reachable; inside evaluate()'s function the free enrichSpan() stays (recommended there)."),
  },
  {
    name: "enrichSession",
    where: "export",
    display: "await enrichSession(fields)",
    kind: "function",
    versions: { since: "1.0.33" },
    behaviour: { implicitTracer: true, async: true },
    migration: planned("rewrite", "tracer.enrichSession(fields)", "As enrichSpan; 1.x found the session in the context, the tracer's method finds it the same way."),
  },
  {
    name: "evaluate",
    where: "export",
    display: 'evaluate(config) from "honeyhive"',
    kind: "function",
    versions: { since: "1.0.12" },
    migration: planned(
      "rewrite",
      'evaluate(options) from "honeyhive/experiments"',
      "Moves to the subpath; config keys renamed (options table); the function is called with `{ inputs, groundTruth }` here, so it is wrapped. " +
        "The result differs (`results`/`summary` instead of `sessionIds`/`stats`/`data`): reads of it get a marker.",
    ),
  },
  {
    name: "evaluator",
    where: "export",
    display: "evaluator(fn, { name, weight, repeat, … })",
    kind: "function",
    versions: { since: "1.0.33" },
    migration: planned(
      "rewrite",
      "evaluators: { [name]: fn }",
      "Evaluators are plain functions named by their key. 1.x's wrapper never used `name` (the metric was named after its bound function) and " +
        "recorded a list of results; the rewrite gives the named scalar metric the code meant. weight/asserts/target/transform/aggregate/checker were " +
        "never read by 1.x and go; a `repeat` other than 1, or an evaluator not listed in an evaluate() call of the file, gets a marker, and so does the import those calls keep.",
    ),
  },
  {
    name: "HoneyHiveTracer",
    where: "export",
    display: "HoneyHiveTracer",
    kind: "class",
    versions: { since: "1.0.0" },
    migration: planned("rename", "HoneyHiveTracer", "Same class name; the constructor was private in 1.x and is here (use init)."),
  },
  {
    name: "HoneyHive",
    where: "export",
    display: "new HoneyHive({ bearerAuth, serverURL })",
    kind: "class",
    versions: { since: "1.0.0" },
    migration: planned(
      "marker",
      "new Client({ apiKey }) from @honeyhive/api-client",
      "The REST client is not part of this SDK. Its calls are request-scoped and stay as they are; a person moves them to @honeyhive/api-client (other method names) or keeps 1.x under an npm alias.",
    ),
  },
  {
    name: "HoneyHiveLangChainTracer",
    where: "export",
    display: "new HoneyHiveLangChainTracer({ project, sessionName, … })",
    kind: "class",
    versions: { since: "1.0.0" },
    migration: planned("marker", undefined, "LangChain is traced with an OpenTelemetry instrumentation given `tracerProvider: tracer.provider`."),
  },
  {
    name: "getGitInfo",
    where: "export",
    display: "getGitInfo(directory?)",
    kind: "function",
    versions: { since: "1.0.23" },
    migration: planned("removed", undefined, "Git metadata is not collected by this SDK; record it as session metadata if needed."),
  },
  {
    name: "files",
    where: "export",
    display: "files (namespace)",
    kind: "namespace",
    versions: { since: "1.0.0" },
    migration: planned("removed", undefined, "A helper of the generated REST client."),
  },
  {
    // Imported (and never used) by a public 1.x test of the AI SDK's telemetry (`import { WrapperTracer,
    // HoneyHiveTracer } from "honeyhive"` beside `tracer.getTracer()`), found with the code search; not among
    // the 1.0.42 tarball's exports (honeyhive-1x.test.ts), in no commit of honeyhiveai/typescript-sdk's src/ (aa07718), and
    // `npm view honeyhive versions` lists 0.6.4, 1.0.42 and 1.0.44 only. The import type-checks nowhere.
    name: "WrapperTracer",
    where: "export",
    display: "WrapperTracer",
    kind: "class",
    versions: { since: "1.0.16" },
    neverExported: true,
    migration: planned(
      "marker",
      undefined,
      "No published 1.x version exports it (1.0.42 has no such name), nor does this SDK: the import fails to type-check and is undefined at run time; remove it (the tracer itself is `HoneyHiveTracer`).",
    ),
  },
  ...["ServerList", "serverURLFromOptions", "SDK_METADATA"].map(
    (name): Api1xEntry => ({
      name,
      where: "export",
      display: name,
      kind: name === "serverURLFromOptions" ? "function" : "constant",
      versions: { since: "1.0.0" },
      migration: planned("removed", undefined, "Configuration of the generated REST client; the tracer takes `serverUrl`."),
    }),
  ),
  // Types. Their 2.x names are type-only imports from "honeyhive" (or "honeyhive/experiments").
  ...(
    [
      ...Object.entries(TYPES_1X).map(([name, type]) => [name, type.since, type.decision, typeTarget(type)] as const),
      ["SDKOptions", "1.0.0", "removed", undefined],
      ["SessionStartParams", "1.0.20", "removed", undefined],
      ["TraceloopAssociationProperties", "1.0.20", "removed", undefined],
      ["TraceloopParams", "1.0.20", "removed", undefined],
      ["GitInfo", "1.0.23", "removed", undefined],
    ] as const
  ).map(
    ([name, since, decision, to]): Api1xEntry => ({
      name,
      where: "export",
      display: `type ${name}`,
      kind: "type",
      versions: { since },
      migration: planned(
        decision,
        to,
        decision === "removed" ? "Describes a 1.x internal (Traceloop, the REST client) with no counterpart." : "The type of the same value here; fields as in the options table.",
      ),
    }),
  ),
] satisfies Api1xEntry[]).map((entry) => withStatus(entry, true));

/** Options (object keys) of 1.x calls, per version, with their 2.x names. */
export const OPTIONS_1X: readonly Option1xEntry[] = ([
  // HoneyHiveTracer.init: camelCase in every version.
  ...(
    [
      ["apiKey", "1.0.0", "apiKey"],
      ["project", "1.0.0", "project"],
      ["sessionName", "1.0.0", "sessionName"],
      ["source", "1.0.0", "source"],
      ["serverUrl", "1.0.0", "serverUrl"],
      ["verbose", "1.0.20", "verbose"],
      ["disableBatch", "1.0.20", "disableBatch"],
    ] as const
  ).map(
    ([key, since, to]): Option1xEntry => ({
      of: "HoneyHiveTracer.init",
      key,
      versions: { since },
      migration: planned("rename", to, "Same name and meaning."),
    }),
  ),
  {
    of: "HoneyHiveTracer.init",
    key: "sessionId",
    versions: { since: "1.0.20" },
    // 1.x startSession() returned at once when a session id was set (typescript-sdk src/sdk/tracer.ts);
    // init() here always starts its startup session on the backend (sdk/tracer.ts).
    migration: planned(
      "rewrite",
      "tracer.sessionStart({ sessionId, skipApiCall: true })",
      "1.x joined that existing session without starting it; init({ sessionId }) here would start it on the backend again. The awaited `const tracer = await init({ sessionId, … })` becomes init without it plus this call (which joins without an API call); elsewhere the option stays under a marker. Must be a UUID in both (convert other ids with toSessionId()).",
    ),
  },
  {
    of: "HoneyHiveTracer.init",
    key: "inputs",
    versions: { since: "1.0.17" },
    migration: planned("rename", "sessionInputs", "The startup session's inputs."),
  },
  {
    of: "HoneyHiveTracer.init",
    key: "metadata",
    versions: { since: "1.0.33" },
    migration: planned("rename", "sessionMetadata", "The startup session's metadata."),
  },
  {
    of: "HoneyHiveTracer.init",
    key: "instrumentModules",
    versions: { since: "1.0.33" },
    migration: planned("marker", undefined, "Traceloop instrumentation of 1.x; register OpenTelemetry instrumentations with `tracerProvider: tracer.provider`."),
  },
  {
    of: "HoneyHiveTracer.init",
    key: "modules",
    versions: { since: "1.0.20", until: "1.0.33" },
    migration: planned("marker", undefined, "Earlier name of instrumentModules; same answer."),
  },
  {
    of: "HoneyHiveTracer.init",
    key: "disableHttpTracing",
    versions: { since: "1.0.23" },
    migration: planned("removed", undefined, "This SDK instruments no HTTP client of its own; the key is dropped with a marker."),
  },
  ...(["isEvaluation", "runId", "datasetId", "datapointId"] as const).map(
    (key): Option1xEntry => ({
      of: "HoneyHiveTracer.init",
      key,
      versions: { since: key === "isEvaluation" ? "1.0.17" : "1.0.20" },
      migration: planned("marker", undefined, "Set by 1.x evaluate() on its own tracers; evaluate() here creates and links the datapoint tracers itself."),
    }),
  ),
  {
    of: "HoneyHiveTracer.init",
    key: "evalContext",
    versions: { since: "1.0.20", until: "1.0.33" },
    migration: planned("marker", undefined, "Set by 1.x evaluate(); no counterpart."),
  },
  // The Python SDK's HoneyHiveTracer.init() keys, which 1.x never read (it took camelCase keys only: `apiKey` fell back
  // to HH_API_KEY, the server and session name to their defaults), pasted into JavaScript from that SDK's docs
  // (honeyhiveai/python-sdk docs/API_REFERENCE.rst, HoneyHiveTracer.init: api_key, project, source, session_name,
  // server_url, instrumentors, disable_http_tracing; read with the search tool 2026-12-08). Each gets the treatment of
  // the setting it names, as evaluate()'s Python keys do. blind-1x-11 shape 24.
  ...(
    [
      ["api_key", "rename", "apiKey", "The Python SDK's name of the same setting (1.x read `apiKey` and ignored this one, falling back to HH_API_KEY).", "apiKey"],
      ["server_url", "rename", "serverUrl", "The Python SDK's name of the same setting (1.x read `serverUrl` and ignored this one).", "serverUrl"],
      ["session_name", "rename", "sessionName", "The Python SDK's name of the same setting (1.x read `sessionName` and ignored this one).", "sessionName"],
      ["disable_http_tracing", "removed", undefined, "The Python SDK's `disableHttpTracing` (1.x ignored it); this SDK instruments no HTTP client of its own.", "disableHttpTracing"],
      ["instrumentors", "marker", undefined, "The Python SDK's key, which 1.x ignored; register OpenTelemetry instrumentations with `tracerProvider: tracer.provider`.", undefined],
    ] as const
  ).map(
    ([key, decision, to, why, sameAs]): Option1xEntry => ({
      of: "HoneyHiveTracer.init",
      key,
      versions: { since: "1.0.0" },
      migration: planned(decision, to, why),
      pythonSdk: sameAs === undefined ? {} : { sameAs },
    }),
  ),

  // traceFunction / traceModel / traceTool / traceChain options (an object from 1.0.7; 1.0.5–1.0.6 took `(config, metadata)`)
  ...(
    [
      ["eventType", "1.0.7", "rename", "eventType", "Same, restricted to \"model\" | \"tool\" | \"chain\" (1.x lower-cased the value and ignored others: a literal is lower-cased, another value or an unknown literal gets a marker; a literal held in an unannotated const passed as the options or spread into them gets `as const`, as TypeScript widens it to string). Without it this SDK records \"tool\"; 1.x recorded none."],
      ["eventName", "1.0.20", "rename", "eventName", "Same option: the span name."],
      ["metadata", "1.0.5", "rename", "metadata", "Same option: recorded on the span (1.0.5–1.0.6: the second argument)."],
      ["config", "1.0.5", "marker", undefined, "No config option on a wrapper; a marker proposes tracer.enrichSpan({ config }) inside the function (1.0.5–1.0.6: the first argument)."],
    ] as const
  ).map(
    ([key, since, decision, to, why]): Option1xEntry => ({ of: "traceFunction", key, versions: { since }, migration: planned(decision, to, why) }),
  ),

  // enrichSpan / enrichSession fields
  ...(["metadata", "metrics", "feedback", "config", "inputs", "outputs", "error"] as const).map(
    (key): Option1xEntry => ({ of: "enrichSpan", key, versions: { since: "1.0.7" }, migration: planned("rename", key, "Same field, same attribute on the span.") }),
  ),
  {
    of: "enrichSpan",
    key: "eventName",
    versions: { since: "1.0.33" },
    migration: planned("marker", undefined, "Renaming the current span is not an enrichment here; name it with trace({ eventName })."),
  },
  ...(["sessionId", "metadata", "metrics", "feedback", "config", "inputs", "outputs"] as const).map(
    (key): Option1xEntry => ({
      of: "enrichSession",
      key,
      versions: { since: "1.0.7" },
      migration: planned("rename", key, key === "inputs" ? "Same field; 1.x ignored it (with a warning), this SDK sends it." : "Same field, sent to the session."),
    }),
  ),
  {
    of: "enrichSession",
    key: "userProperties",
    versions: { since: "1.0.7" },
    migration: planned(
      "marker",
      "metadata",
      "No user-properties field; a marker proposes moving them into metadata.",
      "move them into metadata (enrichSession({ metadata: { userProperties: … } })) or drop them",
    ),
  },

  // evaluate(): snake_case 1.0.12–1.0.32, camelCase from 1.0.33.
  {
    of: "evaluate",
    key: "evaluationFunction",
    versions: { since: "1.0.12", until: "1.0.33" },
    evaluatedFunction: true,
    migration: planned("rewrite", "function: ({ inputs }) => fn(inputs)", "1.x called it with the inputs only; this SDK passes `{ inputs, groundTruth }`."),
  },
  {
    of: "evaluate",
    key: "function",
    versions: { since: "1.0.33" },
    evaluatedFunction: true,
    migration: planned(
      "rewrite",
      "function: ({ inputs, groundTruth }) => fn(inputs, groundTruth || {})",
      "1.x called fn(inputs, groundTruths), with `{}` for a missing or any other falsy ground truth (`datapoint.ground_truths || {}` in its evaluation.ts); this SDK passes one datapoint object.",
    ),
  },
  ...(
    [
      ["hh_api_key", "1.0.12", "1.0.33", "apiKey"],
      ["hh_project", "1.0.12", "1.0.33", "project"],
      ["dataset_id", "1.0.12", "1.0.33", "datasetId"],
      ["server_url", "1.0.21", "1.0.33", "serverUrl"],
      ["apiKey", "1.0.33", undefined, "apiKey"],
      ["project", "1.0.33", undefined, "project"],
      ["datasetId", "1.0.33", undefined, "datasetId"],
      ["serverUrl", "1.0.33", undefined, "serverUrl"],
      ["name", "1.0.12", undefined, "name"],
      ["evaluators", "1.0.17", undefined, "evaluators"],
      ["metadata", "1.0.33", undefined, "metadata"],
      ["maxWorkers", "1.0.33", undefined, "maxConcurrency"],
    ] as const
  ).map(
    ([key, since, until, to]): Option1xEntry => ({
      of: "evaluate",
      key,
      versions: until === undefined ? { since } : { since, until },
      migration: planned("rename", to, key === to ? "Same setting under the same name." : key === "maxWorkers" ? "Same bound on datapoints run at once." : "camelCase name of the same setting."),
    }),
  ),
  // query_list/runs → dataset/suite/server_url: 1.0.20 (package.json 1.0.20 at 3f09b13, 2024-11-14) still read
  // `query_list` and `runs` in src/sdk/evaluation.ts; 1.0.21 (c6de5f2, 2025-03-12) reads `dataset`, `suite` and
  // `server_url` instead. The registry no longer serves 1.0.19–1.0.21 (`npm view honeyhive versions`: 0.6.4,
  // 1.0.42, 1.0.44), so the bounds come from the sources at the commits that set those versions.
  {
    of: "evaluate",
    key: "query_list",
    versions: { since: "1.0.12", until: "1.0.21" },
    migration: planned("rewrite", "dataset: query_list.map((inputs) => ({ inputs }))", "Items were the inputs themselves; datapoints here are `{ inputs, groundTruth }`."),
  },
  {
    of: "evaluate",
    key: "dataset",
    versions: { since: "1.0.21" },
    migration: planned(
      "rename",
      "dataset",
      "Same list from 1.0.24 on; each item's `ground_truths` key becomes `groundTruth` (see evaluate.dataset[]). In 1.0.21–1.0.23 each item was the inputs themselves (`dataset[i]` passed as the inputs), as in `query_list`: wrap them, `dataset.map((inputs) => ({ inputs }))`.",
    ),
  },
  {
    of: "evaluate.dataset[]",
    key: "ground_truths",
    versions: { since: "1.0.21" },
    migration: planned("rename", "groundTruth", "1.x read `ground_truths` from each datapoint; this SDK reads `groundTruth`."),
  },
  {
    of: "evaluate.dataset[]",
    key: "inputs",
    versions: { since: "1.0.21" },
    migration: planned("rename", "inputs", "Same key in each datapoint."),
  },
  {
    of: "evaluate",
    key: "runConcurrently",
    versions: { since: "1.0.33" },
    migration: planned("rewrite", "maxConcurrency: 1 (when false)", "Datapoints always run through a bounded pool here; `false` meant one at a time."),
  },
  ...(
    [
      ["runs", "1.0.12", "1.0.21", "A count of datapoints to run; slice the dataset instead."],
      ["suite", "1.0.21", undefined, "No suite grouping; a marker proposes metadata: { suite }."],
      ["verbose", "1.0.33", undefined, "Use HH_VERBOSE for the datapoint tracers."],
      ["disableHttpTracing", "1.0.33", undefined, "No HTTP instrumentation of its own here."],
      ["instrumentModules", "1.0.33", undefined, "Register OpenTelemetry instrumentations yourself."],
    ] as const
  ).map(
    ([key, since, until, why]): Option1xEntry => ({
      of: "evaluate",
      key,
      versions: until === undefined ? { since } : { since, until },
      migration: planned("marker", undefined, why),
    }),
  ),

  // The Python SDK's evaluate() keys that 1.x never read, pasted from that SDK's docs (honeyhiveai/python-sdk:
  // src/honeyhive/evaluation/__init__.py Evaluation.__init__ at 6f543458, 2025-03: max_workers, run_concurrently;
  // src/honeyhive/experiments/core.py evaluate() at HEAD: api_key, instrumentors, run_id, max_workers,
  // aggregate_function, print_results; read with the fetch tool 2026-12-07). Its other keys are 1.x's too
  // (hh_api_key, hh_project, dataset_id, server_url, dataset, suite, verbose, name, evaluators, project): their rows above.
  ...(
    [
      ["max_workers", "rename", "maxConcurrency", "The Python SDK's name of the same bound on datapoints run at once (1.x read `maxWorkers` and ignored this one).", "maxWorkers"],
      ["run_concurrently", "rewrite", "maxConcurrency: 1 (when false)", "The Python SDK's `runConcurrently` (1.x ignored it): `false` meant one at a time, `true` is the default here.", "runConcurrently"],
      ["api_key", "rename", "apiKey", "The Python SDK's name of the same setting (1.x read `apiKey` and ignored this one).", "apiKey"],
      ["instrumentors", "marker", undefined, "The Python SDK's key, which 1.x ignored; register OpenTelemetry instrumentations yourself.", undefined],
      ["run_id", "marker", undefined, "The Python SDK's key, which 1.x ignored; each evaluate() here starts a run of its own.", undefined],
      ["aggregate_function", "marker", undefined, "The Python SDK's key, which 1.x ignored; the result's summary gives each metric's aggregates.", undefined],
      ["print_results", "marker", undefined, "The Python SDK's key, which 1.x ignored; nothing is printed here, read the returned result.", undefined],
    ] as const
  ).map(
    ([key, decision, to, why, sameAs]): Option1xEntry => ({
      of: "evaluate",
      key,
      versions: { since: "1.0.12" },
      migration: planned(decision, to, why),
      pythonSdk: sameAs === undefined ? {} : { sameAs },
    }),
  ),

  // evaluator(fn, options): the options parameter of sdk/evaluator.d.ts (1.0.33–1.0.42). 1.x's Evaluator
  // stored them all; its run read only `repeat` (sdk/evaluator.js), and evaluate() named the metric after
  // the function it was handed, never after `name`.
  ...(
    [
      ["name", "rewrite", "evaluators: { [name]: fn }", "The metric's name the code meant: the evaluator's key in evaluate()'s evaluators record (a literal, non-empty name; any other keeps evaluator() under a marker)."],
      ["repeat", "marker", undefined, "1.x ran the evaluator that many times and recorded every result; nothing here does. `repeat: 1` is dropped, any other value keeps evaluator() under a marker."],
      ...(["weight", "asserts", "target", "transform", "aggregate", "checker"] as const).map((key) => [key, "removed", undefined, "Stored by 1.x's evaluator() and never read; dropped with the wrapper."] as const),
    ] as const
  ).map(([key, decision, to, why]): Option1xEntry => ({ of: "evaluator", key, versions: { since: "1.0.33" }, migration: planned(decision, to, why) })),
] satisfies Option1xEntry[]).map((option) => withStatus(option, true));

/**
 * REST calls that create or update exactly the resource they name and keep no tracer state: the 1.x
 * generated client and `@honeyhive/api-client`. Starting a session through them in a handler is
 * correct, per-request code; the session rules must not report it and `migrate` leaves it alone.
 */
export const REQUEST_SCOPED_REST_CALLS: readonly RequestScopedRestCall[] = [
  ...(
    [
      ["session", "startSession"],
      ["session", "getSession"],
      ["events", "createEvent"],
      ["events", "updateEvent"],
      ["events", "createModelEvent"],
      ["events", "createEventBatch"],
      ["events", "createModelEventBatch"],
    ] as const
  ).map((path): RequestScopedRestCall => ({ client: { package: "honeyhive", name: "HoneyHive" }, path, versions: "honeyhive 0.x–1.0.42" })),
  // The same calls as standalone functions of the generated client: honeyhive/funcs/<name>.js.
  ...["sessionStartSession", "eventsCreateEvent", "eventsUpdateEvent"].map(
    (name): RequestScopedRestCall => ({ client: { package: `honeyhive/funcs/${name}.js`, name }, path: [], versions: "honeyhive 1.0.20–1.0.42" }),
  ),
  ...(
    [
      [["sessions", "startSession"], "2.0.0-rc1"],
      [["sessions", "start"], "2.0.0-rc2 – 2.0.0-rc.7, 1.0.0-rc.1"],
      [["sessions", "create"], "1.0.0-rc.2 and later"],
      [["sessions", "addTraces"], "2.0.0-rc2 – 1.0.0-rc.1"],
      [["events", "create"], "2.0.0-rc2 and later"],
      [["events", "update"], "2.0.0-rc2 and later"],
      [["events", "createBatch"], "2.0.0-rc2 and later"],
      [["events", "createModel"], "2.0.0-rc2 – 1.0.0-rc.1"],
    ] as const
  ).map(([path, versions]): RequestScopedRestCall => ({ client: { package: "@honeyhive/api-client", name: "Client" }, path, versions: `@honeyhive/api-client ${versions}` })),
];

/** Constructors of REST clients: a `new` of one in a handler is not a tracer initialized per request. */
export const REST_CLIENTS: readonly PackageExport[] = [
  { package: "honeyhive", name: "HoneyHive" },
  { package: "@honeyhive/api-client", name: "Client" },
];

const entriesWhere = (where: Api1xEntry["where"], test: (entry: Api1xEntry) => boolean): ReadonlySet<string> =>
  new Set(API_1X.filter((entry) => entry.where === where && test(entry)).map((entry) => entry.name));

/** 1.x tracer methods whose awaited call flushes (`tracer.flush()`). */
export const FLUSH_MEMBERS_1X = entriesWhere("instance", (entry) => entry.behaviour?.flushes === true);
/** 1.x static members that flush every tracer (`HoneyHiveTracer.flush()`). */
export const FLUSH_STATICS_1X = entriesWhere("static", (entry) => entry.behaviour?.flushes === true);
/** 1.x tracer methods that start (or, in 1.x, claim to start) a session on the shared instance. */
export const SESSION_STARTING_MEMBERS_1X = entriesWhere("instance", (entry) => entry.behaviour?.startsSession === true);
/** 1.x tracer properties whose assignment switches the instance session (`tracer.sessionId = id`). */
export const SESSION_SWITCHING_FIELDS_1X = entriesWhere("instance", (entry) => entry.behaviour?.switchesSessionWhenSet === true);
/** 1.x free exports that record through the tracer found in the context: the implicit-binding wrappers. */
export const IMPLICIT_TRACER_EXPORTS_1X = entriesWhere("export", (entry) => entry.behaviour?.implicitTracer === true);
/** 1.x statics that are those free functions under the class (`HoneyHiveTracer.enrichSpan()`): as implicit. */
export const IMPLICIT_TRACER_STATICS_1X = entriesWhere("static", (entry) => entry.behaviour?.implicitTracer === true);
/** 1.x calls that return a promise the caller awaits (so `await` before them is expected, not a bug). */
export const ASYNC_STATICS_1X = entriesWhere("static", (entry) => entry.behaviour?.async === true);
/** 1.x tracer methods and free exports that returned a promise (`tracer.enrichSession()`, the setters, `flush()`). */
export const ASYNC_MEMBERS_1X = entriesWhere("instance", (entry) => entry.behaviour?.async === true);
export const ASYNC_EXPORTS_1X = entriesWhere("export", (entry) => entry.behaviour?.async === true);
/** 1.x statics that resolve to a new tracer: `await HoneyHiveTracer.init(…)`, `initFromSessionId(…)`. */
export const TRACER_FACTORY_STATICS_1X = entriesWhere("static", (entry) => entry.name !== "constructor" && entry.behaviour?.createsTracer === true);
/** 1.x tracer methods that return the function traced, by how they take it (`traceModel(fn)`, `traceFunction(opts)(fn)`). */
export const WRAPPER_MEMBERS_1X: ReadonlyMap<string, "first-argument" | "curried"> = wrappersOf("instance");
/** The same wrappers as free exports of "honeyhive" (1.0.33+), which find the tracer in the context. */
export const WRAPPER_EXPORTS_1X: ReadonlyMap<string, "first-argument" | "curried"> = wrappersOf("export");
/** 1.x `tracer.trace(fn, ...args)`: runs fn at once inside the tracer's session context. */
export const IMMEDIATE_MEMBERS_1X = entriesWhere("instance", (entry) => entry.behaviour?.runsImmediately === true);
/** Keys of the 1.x `evaluate()` config that hold the function it runs per datapoint (`evaluationFunction`, then `function`). */
export const EVALUATED_FUNCTION_KEYS_1X: ReadonlySet<string> = new Set(OPTIONS_1X.filter((option) => option.of === "evaluate" && option.evaluatedFunction).map((option) => option.key));

/**
 * 1.x tracer methods whose name other objects share: MongoDB's and Mongoose's `startSession()`, every
 * logger's `flush()`, OpenTelemetry providers' `getTracer()`, the pre-1.0.7 setters, `trace`. One use
 * on a binding of unknown origin proves nothing; the other 1.x methods (`traceFunction`, `traceModel`,
 * `logModel`…) exist on HoneyHive's tracer only.
 */
export const SHARED_MEMBER_NAMES_1X: ReadonlySet<string> = new Set(["startSession", "flush", "getTracer", "setFeedback", "setMetric", "setMetadata", "trace"]);

/** 1.x tracer methods this SDK's tracer does not have (`traceFunction`, `startSession`, `flush`…): the 1.x table less the tracer's manifest. */
export const METHODS_GONE_1X: ReadonlySet<string> = entriesWhere("instance", (entry) => entry.kind === "method" && !Object.hasOwn(TRACER_MEMBERS, entry.name));

/**
 * 1.x tracer methods no other object names so (neither this SDK's tracer nor SHARED_MEMBER_NAMES_1X's
 * owners): the wrappers and `logModel`. A call of one on a receiver of unknown origin shows a 1.x tracer.
 */
export const OWN_MEMBERS_1X: ReadonlySet<string> = new Set([...METHODS_GONE_1X].filter((name) => !SHARED_MEMBER_NAMES_1X.has(name)));

function wrappersOf(where: Api1xEntry["where"]): ReadonlyMap<string, "first-argument" | "curried"> {
  return new Map(API_1X.flatMap((entry) => (entry.where === where && entry.behaviour?.wrapsFunction ? [[entry.name, entry.behaviour.wrapsFunction] as const] : [])));
}

const flushCalls: FlushCall[] = [
  ...[...FLUSH_MEMBERS_1X].map(
    (method): FlushCall => ({
      receiver: { kind: "tracer" },
      method,
      effect: "flush",
      nameAlone: false,
      verifiedAt: "honeyhive@1.0.42 sdk/tracer.d.ts (HoneyHiveTracer#flush)",
    }),
  ),
  ...[...FLUSH_STATICS_1X].map(
    (method): FlushCall => ({
      receiver: { kind: "static", export: TRACER_CLASS },
      method,
      effect: "flush",
      nameAlone: false,
      verifiedAt: "honeyhive@1.0.42 sdk/tracer.d.ts (static HoneyHiveTracer.flush)",
    }),
  ),
];

export const honeyhive1xProfile = {
  id: "honeyhive-1x",
  name: "honeyhive 1.x",
  modules: ["honeyhive"],
  flushCalls,
  /** A file on the `honeyhive` module is 1.x code when it uses one of these (they do not exist in this SDK)… */
  onlyIn1x: {
    statics: entriesWhere("static", (entry) => entry.name !== "init" && entry.name !== "constructor"),
    members: entriesWhere("instance", (entry) => !["enrichSpan", "enrichSession", "trace", "sessionId", "project", "source"].includes(entry.name)),
    exports: entriesWhere("export", (entry) => !["HoneyHiveTracer", "enrichSpan", "enrichSession"].includes(entry.name)),
    /**
     * Statics whose awaited call is 1.x's: `await HoneyHiveTracer.init()` (async in 1.x; synchronous
     * here, where the `await` is harmless but tells the author's major), `initFromSessionId`.
     */
    awaitedStatics: entriesWhere("static", (entry) => entry.name !== "constructor" && entry.behaviour?.async === true),
    /**
     * `new HoneyHiveTracer(…)`: 1.x's constructor (private in its types) made a tracer from JavaScript;
     * this SDK's takes resolved internals and is never called by application code.
     */
    construction: API_1X.some((entry) => entry.where === "static" && entry.name === "constructor" && entry.behaviour?.createsTracer === true),
  },
  /** …or the nearest package.json depends on `honeyhive` below 2. */
  dependencyRange: "<2",
  /** What a fix writes in 1.x code: 1.x has no forceFlush. */
  preferredFlush: { member: "flush", text: (tracer: string) => `${tracer}.flush()` },
} as const satisfies SdkProfileBase & Record<string, unknown>;
