// The shapes of the SDK profiles: what an SDK's API looks like to the rules and the codemods, as plain
// data read by one engine (the way eslint-plugin-n's trace maps are read by one ReferenceTracker, and
// typescript-eslint's TypeOrValueSpecifier names a value by its package). A profile says which calls
// flush, which start sessions, and, for the 1.x API, what each name becomes in this SDK.

/** An export of a package: `{ package: "@opentelemetry/sdk-trace-node", name: "NodeTracerProvider" }`. */
export interface PackageExport {
  readonly package: string;
  /** The export's name; `"default"` for the default export. */
  readonly name: string;
}

/**
 * What a flush is called on. The engine resolves receivers through import/require bindings (renamed,
 * namespace, destructured, `require`), never by the receiver's local name.
 */
export type FlushReceiver =
  /** The package itself: `method` is one of its exports (`flush()`, `braintrust.flush()`, `traceloop.forceFlush()`). */
  | { readonly kind: "module"; readonly package: string }
  /** A static member of an exported class or object: `HoneyHiveTracer.flush()`, `Laminar.flush()`. */
  | { readonly kind: "static"; readonly export: PackageExport }
  /** An instance of an exported class: made with `new X(...)`, or a binding annotated or cast as `X`. */
  | { readonly kind: "instance"; readonly export: PackageExport }
  /**
   * What a call returns: the export called itself (`initLogger(...)`, no `calls`), or a chain of member
   * calls on it (`trace.getTracerProvider().getDelegate()` is `calls: ["getTracerProvider", "getDelegate"]`).
   */
  | { readonly kind: "result"; readonly export: PackageExport; readonly calls?: readonly string[] }
  /** The profile's own tracer however the engine found it (initialized here, a getter, a project import). */
  | { readonly kind: "tracer" };

/** A call that sends what an SDK has buffered, so a handler that awaits it may return. */
export interface FlushCall {
  readonly receiver: FlushReceiver;
  readonly method: string;
  /** `flush` exports what is pending and keeps working; `shutdown` flushes and then stops the pipeline. */
  readonly effect: "flush" | "shutdown";
  /**
   * The method name is specific enough to count as this flush on a receiver the engine cannot resolve
   * (a client imported from the project's own `./langfuse` module): `flushAsync`, `forceFlush`. Generic
   * names (`flush`, `shutdown`) count only on a resolved receiver.
   */
  readonly nameAlone: boolean;
  /** Where the name was checked (docs page, source file); kept so a reviewer can re-check it. */
  readonly verifiedAt: string;
  /** A trap in using it (counted as a flush all the same, so it never causes a report). */
  readonly caveat?: string;
}

/** What every profile has: how a file is recognized as using it, and how it flushes. */
export interface SdkProfileBase {
  /** Stable id used in messages, settings and fixtures: `honeyhive`, `honeyhive-1x`, `opentelemetry`, `langfuse`. */
  readonly id: string;
  /** For messages and docs. */
  readonly name: string;
  /**
   * Module specifiers whose import makes a file use this profile: exact names, or prefixes ending in
   * `/` (`"@opentelemetry/"` matches every OpenTelemetry package).
   */
  readonly modules: readonly string[];
  readonly flushCalls: readonly FlushCall[];
}

// ---------------------------------------------------------------------------------------------------
// This SDK (2.x)

/** How a member of this SDK's tracer touches sessions. */
export type SessionUse =
  /** Starts a session in the current async context's baggage: the request-scoped form (createSession). */
  | "starts-in-context"
  /** Starts a session for the callback's scope only (withSession). */
  | "starts-scoped"
  /** Replaces the tracer's own session: shared by every request using the instance (legacy sessionStart). */
  | "starts-on-instance"
  /** Reads the session that spans would carry now. */
  | "reads"
  /** Sends fields to the current (or a given) session. */
  | "enriches";

/** One public member of `HoneyHiveTracer`, as the rules and codemods need to know it. */
export interface TracerMemberInfo {
  readonly kind: "method" | "property";
  /**
   * No other tracer or client has a member of this name: one use of it on a binding of unknown origin
   * marks the binding as a HoneyHive tracer (`hh.enrichSession(...)`).
   */
  readonly honeyhiveOnly: boolean;
  /**
   * A member a tracer is typically used through (`trace`, `forceFlush`, `sessionStart`): evidence that
   * a binding already named or known as a tracer is one (and tells a tracer from a getter of one), but
   * shared with other libraries, so alone it proves nothing.
   */
  readonly tracerLike: boolean;
  readonly session?: SessionUse;
  readonly flushes?: "flush" | "shutdown";
  /**
   * A call runs its callback in a span of its own (`tracer.startSpan(name, fn)`): started after the last flush of a
   * serverless handler's path, that span is not flushed (analysis/flush.ts).
   */
  readonly startsSpan?: true;
  /** Kept for code written before the recommended form; the text says what to use instead. */
  readonly legacy?: string;
}

/** One export of `honeyhive` or `honeyhive/experiments` (this SDK). */
export interface SdkExportInfo {
  readonly module: "honeyhive" | "honeyhive/experiments";
  readonly kind: "class" | "function" | "type" | "constant";
  /** Uses the implicit (default or evaluate()-provided) tracer rather than an explicit one. */
  readonly implicitTracer?: boolean;
  readonly legacy?: string;
}

// ---------------------------------------------------------------------------------------------------
// honeyhive 1.x

/**
 * What `honeyhive migrate` does with a 1.x name. `rename` and `rewrite` are mechanical; `marker` means a
 * person must decide (a review comment is inserted); `removed` means nothing replaces it here.
 */
export type MigrationDecision = "rename" | "rewrite" | "marker" | "removed";

/** Where a 1.x rewrite stands: done by `honeyhive migrate` today, or planned (issue 15). */
export type MigrationStatus = "implemented" | "planned";

/** What a 1.x name becomes in this SDK. */
export interface Migration {
  readonly decision: MigrationDecision;
  /** The 2.x form, in code (`tracer.trace(opts, fn)`), or undefined for `removed`. */
  readonly to?: string;
  /** Why, in one or two sentences (shown in docs/migrating-from-1x.md). */
  readonly why: string;
  /** For a `marker` whose `why` is reasoning, not an instruction: what the marker asks the reader to do. */
  readonly marker?: string;
  readonly status: MigrationStatus;
}

/** The 1.x versions a name or option existed in, by the published package.json version. */
export interface VersionRange {
  /** First version with it (inclusive), e.g. "1.0.12". */
  readonly since: string;
  /** First version without it (exclusive); absent while it lasted to the last version with code (1.0.42). */
  readonly until?: string;
}

/** Why a 1.x call matters to the rules, besides its migration. */
export interface Legacy1xBehaviour {
  /** Sends buffered spans (static `HoneyHiveTracer.flush()`, `tracer.flush()`). */
  readonly flushes?: boolean;
  /** Starts a session and stores its id on the tracer (so concurrent requests share it). */
  readonly startsSession?: boolean;
  /**
   * A property whose assignment switches the tracer's instance session (1.x `tracer.sessionId = id`,
   * settable since 1.0.20): per request on a shared tracer, the same race as a per-request session start.
   */
  readonly switchesSessionWhenSet?: boolean;
  /** Returns a promise the caller must await (1.x `init` is async). */
  readonly async?: boolean;
  /** Records through the tracer found in the context, not an explicit one (the free wrappers). */
  readonly implicitTracer?: boolean;
  /** Runs the function at once (1.x `tracer.trace(fn, ...args)`) instead of returning a wrapper. */
  readonly runsImmediately?: boolean;
  /**
   * Returns `fn` traced: `first-argument` for `traceModel(fn, options?)`, `curried` for
   * `traceFunction(options)(fn)`.
   */
  readonly wrapsFunction?: "first-argument" | "curried";
  /**
   * Makes a new tracer (its own provider, exporter and session): what must not run per request. A
   * static that does (`init`, `initFromSessionId`) resolves to it, so a binding it is assigned to holds a tracer.
   */
  readonly createsTracer?: boolean;
}

/** A public name of honeyhive 1.x: a static or instance member of `HoneyHiveTracer`, or an export. */
export interface Api1xEntry {
  /** The member or export name: `init`, `traceFunction`, `traceModel`. */
  readonly name: string;
  readonly where: "static" | "instance" | "export";
  /** How it is written, for docs and messages: `await HoneyHiveTracer.init(opts)`, `tracer.traceFunction(opts)(fn)`. */
  readonly display: string;
  readonly kind: "method" | "property" | "function" | "class" | "type" | "namespace" | "constant";
  readonly versions: VersionRange;
  /**
   * No published 1.x version exports it (1.0.42 and 1.0.44, the versions the registry still has, do not),
   * yet 1.x code imports it: listed so `migrate --from 1` marks the import. `versions` then name the
   * releases the importing code was written against.
   */
  readonly neverExported?: true;
  readonly behaviour?: Legacy1xBehaviour;
  readonly migration: Migration;
}

/** An option (object key) of a 1.x call, per version, with its 2.x name. */
export interface Option1xEntry {
  /** The call that takes it: `HoneyHiveTracer.init`, `evaluate`, `evaluate.dataset[]`, `traceFunction`, `enrichSpan`. */
  readonly of: string;
  readonly key: string;
  readonly versions: VersionRange;
  readonly migration: Migration;
  /** For `evaluate`: the key holds the function evaluate() runs once per datapoint. */
  readonly evaluatedFunction?: boolean;
  /**
   * A key of the Python SDK's call of the same name (`honeyhive` on PyPI), which 1.x never read (it ignored it) and
   * people paste from that SDK's docs (`max_workers`): `versions` spans all of 1.x, and `sameAs` names the 1.x key
   * whose treatment it gets (`run_concurrently` as `runConcurrently`).
   */
  readonly pythonSdk?: { readonly sameAs?: string };
}

/**
 * A REST client call that is scoped to one request by design: it creates or updates exactly the
 * resource it names and holds no tracer state, so the session rules must leave it alone.
 */
export interface RequestScopedRestCall {
  /** The client class (its instances are called), or a standalone function (`path` is then empty). */
  readonly client: PackageExport;
  /** The path of the call on a client instance: `["session", "startSession"]` for `sdk.session.startSession(...)`. */
  readonly path: readonly string[];
  /** The client versions that have this call. */
  readonly versions: string;
}
