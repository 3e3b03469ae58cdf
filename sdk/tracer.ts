// HoneyHiveTracer: the facade an application holds. Each instance owns its whole OpenTelemetry
// pipeline (provider, processors, exporter, REST client), never registers itself as the global tracer
// provider, and keeps only one piece of mutable state: the instance session, which is the fallback
// when the active context carries no session in its baggage.
import type { Context, Span, TextMapPropagator, Tracer, TracerProvider } from "@opentelemetry/api";
import type { BasicTracerProvider, ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
// The package version, generated from package.json at build time (the plugin and the CLI read it too).
import { PACKAGE_VERSION } from "./version.js";
import { BackendClient } from "./backend.js";
import { MAX_TIMER_MS, readEach, resolveConfig, timeoutOrDefault, type ResolvedConfig } from "./config.js";
import { offerDefaultTracer, withdrawDefaultTracer } from "./default-tracer.js";
import {
  ATTR_PROJECT,
  ATTR_SOURCE,
  enrichSpanWithin,
  enrichmentToAttributes,
  enrichmentToEventUpdate,
  spanAttributeCountLimit,
} from "./enrichment.js";
import { createExportPipeline, createOtlpExporter, type ExportPipeline } from "./export-pipeline.js";
import { EXIT_FLUSH_BUDGET_MS, flushBeforeExit, type ExitFlushTarget } from "./exit-flush.js";
import { HttpTransport, type TransportFailures } from "./http-transport.js";
import { createLogger, describeError, quote, registerSecret, serverOrigin, warnOnce, type Logger } from "./logger.js";
import { INVALID_SPAN_CONTEXT, context, trace as otelTrace } from "./otel-api.js";
import { otelSdk } from "./otel-sdk.js";
import {
  attachToCurrentContext,
  carrierGetter,
  carrierSetter,
  createPropagator,
  ensureContextSetup,
  getSessionFromContext,
  setSessionInContext,
} from "./session-context.js";
import { generateSessionId, isSessionId, requireSessionId } from "./session-id.js";
import { SessionStampingSpanProcessor } from "./session-span-processor.js";
import { toRequestBody } from "./serialize.js";
import { runInSpan } from "./span-runner.js";
import { wrapFunction, type AnyFunction } from "./traced-function.js";
import { valueWithin } from "./timing.js";
import type { Enrichment, SessionOptions, TraceOptions, TracerOptions } from "./types.js";

const INSTRUMENTATION_SCOPE = "honeyhive";
const DEFAULT_FLUSH_TIMEOUT_MS = 10_000;
/** How much longer than a call's own deadline an awaited call holds the process (it settles by then). */
const AWAITED_CALL_MARGIN_MS = 100;
/** How long OpenTelemetry's batch processor waits for one export before starting the next (see below). */
const PROCESSOR_EXPORT_HOLD_MS = 500;

/** How a tracer is created beyond its public options (used by evaluate() and tests). */
export interface TracerCreation {
  /** Whether this tracer may become the default tracer of implicit trace(). */
  becomeDefault: boolean;
  /** Replaces the OTLP exporter (tests inject failing or recording exporters). */
  exporter?: SpanExporter;
}

interface OpenedSession {
  sessionId: string;
  /** The current context plus the session in its baggage. */
  context: Context;
  /** Resolves true once the backend has the session (immediately when no call is made). */
  started: Promise<boolean>;
}

// A module-private door into the class, set in its static block: the constructor stays private to
// users while init and the SDK's own helpers can still create tracers.
let construct: (config: ResolvedConfig, creation: TracerCreation) => HoneyHiveTracer;
let endedSpans: (tracer: HoneyHiveTracer) => number;
let shutDownWithOutcome: (tracer: HoneyHiveTracer, timeoutMs: number) => Promise<FinalFlushOutcome>;

/**
 * How a tracer's last flush (its shutdown's) ended: `true` delivered; `false` not delivered because
 * the backend is out (unreachable, hung, dripping, overloaded: worth waiting for) or for a reason the
 * tracer cannot tell; `refused` the backend answered and refused it (401, 403, another 4xx), which
 * waiting will not change; `notSent` a call was never sent, its deadline spent while the application
 * kept the event loop busy: the backend was not asked, so this says nothing about it.
 */
export type FinalFlushOutcome = true | false | { refused: number } | { notSent: true };

/** What failed in one flush's window (see HoneyHiveTracer#flush). */
interface FlushFailures {
  /** Outages of the window the backend has not answered since. */
  outages: number;
  refusals: number;
  lastRefusedStatus: number | undefined;
  /** Deliveries of the window never sent (their deadline passed while the event loop was busy). */
  unsent: number;
}

/**
 * How trace() reaches a tracer's OpenTelemetry tracer. A registry-wide symbol rather than `instanceof`
 * or a `#private` brand: an application can load this package twice (its ESM and its CJS build, the
 * "dual package hazard"), and a tracer made by one copy must still work with the other copy's trace().
 */
const OTEL_TRACER_OF = Symbol.for("honeyhive.HoneyHiveTracer.otelTracer");

export class HoneyHiveTracer {
  static {
    construct = (config, creation) => new HoneyHiveTracer(config, creation);
    endedSpans = (tracer) => Math.min(tracer.#pipeline?.endedSpans ?? 0, tracer.#config.maxQueueSize);
    shutDownWithOutcome = (tracer, timeoutMs) => tracer.#shutDownWithin(timeoutMs);
    Object.defineProperty(HoneyHiveTracer.prototype, OTEL_TRACER_OF, {
      value(this: HoneyHiveTracer) {
        return this.#activeOtelTracer();
      },
    });
  }

  /** Creates a tracer: synchronous, never makes the application wait for the network. */
  static init(options: TracerOptions = {}): HoneyHiveTracer {
    return createTracer(options, { becomeDefault: true });
  }

  readonly #config: ResolvedConfig;
  readonly #enabled: boolean;
  readonly #logger: Logger;
  readonly #otelTracer: Tracer;
  readonly #basicProvider: BasicTracerProvider;
  readonly #pipeline: ExportPipeline | undefined;
  readonly #backend: BackendClient | undefined;
  /** The tracer's HTTP transport (spans and REST calls): its breaker, its connections. */
  readonly #transport: HttpTransport | undefined;
  readonly #propagator: TextMapPropagator;
  #instanceSessionId: string | undefined;
  #isShutDown = false;
  /** The transport's failure counts when the last flush reported (see #flush). */
  #reportedFailures: Pick<TransportFailures, "outages" | "refusals" | "unsent"> = { outages: 0, refusals: 0, unsent: 0 };
  #shutdown: Promise<FinalFlushOutcome> | undefined;
  /** The amount of work (spans ended, calls asked) when an exit flush last gave up; see #flushBeforeExit. */
  #workWhenExitFlushFailed = -1;
  /** Owned by the tracer and only weakly registered, so an abandoned tracer can be collected. */
  readonly #exitHook: ExitFlushTarget = {
    flushBeforeExit: () => this.#flushBeforeExit(),
  };
  #stopExitFlush: () => void = () => {};

  private constructor(config: ResolvedConfig, creation: TracerCreation) {
    this.#config = config;
    registerSecret(config.apiKey);
    this.#logger = createLogger(config.verbose);
    // A wrong option from a JavaScript caller is reported and ignored, never thrown (tracing problems
    // must not break the application); the message names the option, never its value.
    for (const problem of config.problems) {
      if (problem.networkOnly && config.testMode) continue;
      this.#logger.warnOnce(`init-option:${problem.option}`, `HoneyHiveTracer.init(): ${problem.message}`);
    }
    this.#enabled = config.testMode || (config.apiKey !== undefined && config.apiKeyUsable && config.serverUrlUsable);
    Object.defineProperties(this, {
      project: { value: config.project, enumerable: true },
      source: { value: config.source, enumerable: true },
      testMode: { value: config.testMode, enumerable: true },
      enabled: { value: this.#enabled, enumerable: true },
    });
    const startupSessionId = config.sessionId ? requireSessionId(config.sessionId, "HoneyHiveTracer.init()") : undefined;
    const { AlwaysOffSampler, BasicTracerProvider } = otelSdk().traceBase;
    ensureContextSetup();
    this.#propagator = createPropagator();

    const resource = tracerResource(config);
    if (!this.#enabled && config.apiKey === undefined) {
      this.#logger.warnOnce(
        "no-api-key",
        "No HoneyHive API key (set apiKey or HH_API_KEY) and not in test mode: tracing is disabled; " +
          "traced functions still run.",
      );
    }
    if (!this.#enabled) {
      // Instrumentors given this provider get non-recording spans: nothing is kept, nothing is sent.
      this.#basicProvider = new BasicTracerProvider({ resource, sampler: new AlwaysOffSampler() });
    } else {
      if (config.apiKey !== undefined && !config.testMode) {
        // Background telemetry: its sockets do not keep the process alive; the exit flush bounds it.
        this.#transport = new HttpTransport(config.serverUrl, { keepProcessAlive: false });
        this.#backend = new BackendClient({
          serverUrl: config.serverUrl,
          apiKey: config.apiKey,
          timeoutMs: config.timeoutMs,
          logger: this.#logger,
          transport: this.#transport,
        });
      }
      this.#pipeline = createExportPipeline({
        exporter: creation.exporter ?? createSpanExporter(config, this.#transport),
        // Test mode exports synchronously so tests can read spans right after the call that made them.
        batch: !config.disableBatch && !config.testMode,
        maxQueueSize: config.maxQueueSize,
        // The processor's export timer is ref'd (OpenTelemetry's): it alone would hold the process for a
        // whole delivery deadline when the backend hangs, and `beforeExit` (the bounded exit flush) would
        // never come. So it is short: the delivery goes on without holding the process (its spans are
        // still tracked, counted and flushed by the DeliveringExporter), and a script exits ~2 s after
        // its work (ARCHITECTURE "SDK guarantees"). A slow export may overlap the next one.
        exportTimeoutMs: Math.min(config.timeoutMs + 1_000, PROCESSOR_EXPORT_HOLD_MS),
        logger: this.#logger,
        breaker: this.#transport?.breaker,
        serverUrl: this.#transport?.serverUrl,
        environment: process.env,
      });
      const stamping = new SessionStampingSpanProcessor({
        project: config.project,
        source: config.source,
        instanceSessionId: () => this.#instanceSessionId,
      });
      this.#basicProvider = new BasicTracerProvider({
        resource,
        spanProcessors: [stamping, this.#pipeline.processor],
        // Room for the SDK's own attributes on top of the application's limit (see enrichment.ts).
        spanLimits: { attributeCountLimit: spanAttributeCountLimit() },
      });
      if (!config.testMode) this.#stopExitFlush = flushBeforeExit(this.#exitHook);
      this.#instanceSessionId = startupSessionId ?? generateSessionId();
      void this.#startSessionOnBackend(this.#instanceSessionId, {
        sessionName: config.sessionName,
        inputs: config.sessionInputs,
        metadata: config.sessionMetadata,
      });
    }
    this.#otelTracer = this.#basicProvider.getTracer(INSTRUMENTATION_SCOPE, PACKAGE_VERSION);
    if (creation.becomeDefault) offerDefaultTracer(this);
    this.#logger.debug(
      `tracer initialized: project=${config.project} source=${config.source} server=${serverShown(config.serverUrl)} ` +
        `testMode=${config.testMode} enabled=${this.#enabled} session=${this.#instanceSessionId ?? "none"}`,
    );
  }

  /**
   * The provider an instrumentor is given: `instrument({ tracerProvider: tracer.provider })`. A getter,
   * so that it is read-only at run time too (a JavaScript caller's assignment cannot detach the tracer
   * from its own pipeline).
   */
  get provider(): TracerProvider {
    return this.#basicProvider;
  }

  // project, source, testMode and enabled are fixed when the tracer is made: own data properties that
  // are neither writable nor configurable (defined in the constructor). Public fields let a JavaScript
  // caller's assignment (`tracer.enabled = true` on a tracer without a key) change what the tracer said
  // about itself while its pipeline stayed as built (gaps-sdk-4); prototype getters then made
  // `JSON.stringify(tracer)` and `{ ...tracer }` show `{}` instead of these four (review-sdk4). They
  // show them again, and nothing else (no key, no configuration).

  /** The project spans and sessions are recorded in. */
  declare readonly project: string;

  /** The source (environment) spans and sessions are stamped with. */
  declare readonly source: string;

  /** Whether the tracer is in test mode (no network, spans kept in memory). */
  declare readonly testMode: boolean;

  /** False when there is no API key outside test mode: functions run, nothing is recorded. */
  declare readonly enabled: boolean;

  /** The instance session: the startup session, or the last one sessionStart() made. */
  get sessionId(): string | undefined {
    return this.#instanceSessionId;
  }

  /**
   * Starts a request-scoped session: its id goes into the baggage of the current async context, so it
   * holds for the rest of the request (e.g. after a middleware calls `next()`) without touching other
   * requests. Returns the id at once; the backend is told in the background.
   */
  createSession(options: SessionOptions = {}): string {
    const session = this.#openSession(sessionOptions(options), "createSession()");
    attachToCurrentContext(session.context);
    return session.sessionId;
  }

  /** Like createSession(), and resolves once the backend has the session (it never rejects for backend trouble). */
  acreateSession(options: SessionOptions = {}): Promise<string> {
    // Not an async function: the context must be attached synchronously, in the caller's execution,
    // so it is still active after the caller's `await`.
    let session: OpenedSession;
    try {
      session = this.#openSession(sessionOptions(options), "acreateSession()");
    } catch (error) {
      return Promise.reject(error);
    }
    attachToCurrentContext(session.context);
    // Awaited by the application: held open until the call settles. The tracer's requests do not keep
    // the process alive by themselves (background telemetry), so a script awaiting this had nothing
    // else on its event loop, and the exit flush aborted the session start after ~1.5 s whatever
    // `timeoutMs` said (review-sdk3). But only while something waits for it: a call nobody awaits
    // (`tracer.acreateSession()` as a statement) held a script whose backend hangs for the whole
    // deadline, where createSession() lets it exit ~2 s after its work (gaps-sdk-4). The timer ends
    // with the call's own deadline (+ a margin; the call settles by then and clears it).
    return settledOrTimedOut(session.started, this.#config.timeoutMs + AWAITED_CALL_MARGIN_MS, session.sessionId);
  }

  /** Runs `fn` (and everything it awaits) in a new session; the session ends with `fn`'s scope. */
  withSession<T>(nameOrOptions: string | SessionOptions, fn: (sessionId: string) => T): T {
    requireFunction(fn, "withSession()", "fn");
    const session = this.#openSession(sessionOptions(nameOrOptions), "withSession()");
    return context.with(session.context, fn, undefined, session.sessionId);
  }

  /**
   * Legacy: makes a new session the instance session. Every request sharing this tracer then reports
   * into whichever session was started last; use createSession() in servers.
   */
  sessionStart(options: SessionOptions = {}): string {
    const session = this.#openSession({ ...sessionOptions(options), linkCarrier: undefined }, "sessionStart()");
    this.#instanceSessionId = session.sessionId;
    return session.sessionId;
  }

  /** Runs `fn` in a new active span named `name`; async results end the span when they settle. */
  startSpan<T>(name: string, fn: (span: Span) => T): T {
    requireFunction(fn, "startSpan()", "fn");
    const tracer = this.#activeOtelTracer();
    if (!tracer) return fn(otelTrace.wrapSpanContext(INVALID_SPAN_CONTEXT));
    return runInSpan(tracer, name, fn);
  }

  /** A wrapper of `fn` that records each call as a span of this tracer. */
  trace<F extends AnyFunction>(options: Omit<TraceOptions, "tracer">, fn: F): F {
    return wrapFunction(fn, options, () => this.#activeOtelTracer(), undefined, HoneyHiveTracer.prototype.trace);
  }

  /** Adds enrichment attributes to the active span. */
  enrichSpan(fields: Enrichment): void {
    try {
      const span = otelTrace.getActiveSpan();
      if (!span || !span.isRecording()) {
        this.#logger.debug("enrichSpan() called outside a recording span; nothing enriched");
        return;
      }
      enrichSpanWithin(span, enrichmentToAttributes(fields));
    } catch (error) {
      this.#logger.debug(`enrichSpan() failed: ${describeError(error)}`);
    }
  }

  /**
   * Enriches a session through the backend (`PUT /events`): the given `sessionId`, else the session
   * in the active context's baggage, else the instance session.
   */
  enrichSession(fields: Enrichment & { sessionId?: string }): void {
    try {
      const { sessionId: explicitId, ...enrichment } = fields;
      if (explicitId !== undefined && !isSessionId(explicitId)) {
        this.#logger.warnOnce(
          "enrich-session-invalid-id",
          `enrichSession(): session id ${quote(explicitId)} is not a UUID; nothing sent (further ids like this ` +
            "are dropped without a warning). Convert identifiers with toSessionId().",
        );
        return;
      }
      const sessionId = explicitId ?? this.resolveSessionId();
      if (!sessionId || !this.#backend) {
        this.#logger.debug(sessionId ? "enrichSession(): no backend (test mode or no API key)" : "enrichSession(): no session");
        return;
      }
      void this.#backend.put("/events", enrichmentToEventUpdate(sessionId, enrichment));
    } catch (error) {
      this.#logger.debug(`enrichSession() failed: ${describeError(error)}`);
    }
  }

  /** The session spans started now would carry: the context's baggage session, else the instance session. */
  resolveSessionId(ctx: Context = context.active()): string | undefined {
    return getSessionFromContext(ctx) ?? this.#instanceSessionId;
  }

  /**
   * Writes W3C `traceparent`/`tracestate` and `baggage` (with the session) into `carrier`: a plain
   * headers object or a `Headers`-like one (`set()`), e.g. for `fetch`.
   */
  inject(carrier: object): void {
    try {
      let ctx = context.active();
      const sessionId = this.resolveSessionId(ctx);
      if (sessionId && getSessionFromContext(ctx) === undefined) ctx = setSessionInContext(ctx, sessionId);
      this.#propagator.inject(ctx, carrier, carrierSetter);
    } catch (error) {
      this.#logger.debug(`inject() failed: ${describeError(error)}`);
    }
  }

  /**
   * The current context continued from a carrier's W3C trace context and baggage (the session
   * included). The carrier is a plain headers object (Node.js, Express) or a `Headers`-like one
   * (`get()`/`keys()`, e.g. a Next.js route handler's `request.headers`).
   */
  extract(carrier: object): Context {
    try {
      return this.#propagator.extract(context.active(), carrier, carrierGetter);
    } catch (error) {
      this.#logger.debug(`extract() failed: ${describeError(error)}`);
      return context.active();
    }
  }

  /**
   * Exports every finished span and waits for every pending session call. Resolves true only when all
   * of it reached the backend within `timeoutMs` (default 10000); false on failure, drops or timeout,
   * and false when tracing is disabled (no API key: nothing was sent). Never rejects, and always
   * settles by its deadline. While the backend is known to be unavailable (an export failed and no
   * probe has succeeded since), it answers false at once instead of waiting.
   */
  async forceFlush(options: { timeoutMs?: number } = {}): Promise<boolean> {
    // `forceFlush(null)`, `{ timeoutMs: "5000" }`, `Infinity`: a JavaScript caller's options never make
    // it reject, nor arm a timer that overflows into a deadline of 1 ms.
    return (await this.#flush(timeoutOrDefault(optionValue(options, "timeoutMs"), DEFAULT_FLUSH_TIMEOUT_MS))).delivered;
  }

  /**
   * A flush, and what failed in its window: since the previous flush reported (flushes waiting at once
   * all see what happened while they waited), leaving out outages the backend has answered since (the
   * breaker closed again after them). The tracer's whole life once counted: an early outage then a
   * refusal read as an outage, a refusal of an earlier flush made a later one "refused" (gaps-sdk-5).
   */
  async #flush(timeoutMs: number): Promise<{ delivered: boolean; failures: FlushFailures }> {
    const since = this.#reportedFailures;
    const delivered = await this.#deliverAll(timeoutMs);
    const now = this.#transport?.failures;
    if (!now) return { delivered, failures: { outages: 0, refusals: 0, lastRefusedStatus: undefined, unsent: 0 } };
    this.#reportedFailures = now;
    return {
      delivered,
      failures: {
        outages: now.outages - Math.max(since.outages, now.outagesRecovered),
        refusals: now.refusals - since.refusals,
        lastRefusedStatus: now.lastRefusedStatus,
        unsent: now.unsent - since.unsent,
      },
    };
  }

  async #deliverAll(timeoutMs: number): Promise<boolean> {
    if (!this.#enabled) return false;
    try {
      const breaker = this.#transport?.breaker;
      if (breaker?.isOpen) {
        // The circuit breaker's fast path: nothing is awaited. A due probe is started in the background.
        if (breaker.msUntilProbe === 0) this.#pipeline?.kick();
        this.#pipeline?.reportWithoutWaiting();
        this.#backend?.reportWithoutWaiting();
        return false;
      }
      const deadline = Date.now() + timeoutMs;
      const [spansExported, sessionsSent] = await Promise.all([
        this.#pipeline ? this.#pipeline.flush(deadline) : true,
        this.#backend ? this.#backend.settleBy(deadline) : true,
      ]);
      const delivered = spansExported && sessionsSent;
      if (!delivered && Date.now() >= deadline) {
        // The deadline passed with requests still on the wire (a hung or dripping backend): abort them,
        // so that nothing of this flush outlives it. Their spans are kept for the next attempt. A flush
        // that delivered everything has nothing of its own on the wire, also when the application kept
        // the loop busy past the deadline after the answers had arrived (they were read in time:
        // timing.ts afterDeadline()); what went out since (a new export, a session call) is not its to abort.
        this.#transport?.abortAll();
      }
      return delivered;
    } catch (error) {
      this.#logger.debug(`forceFlush() failed: ${describeError(error)}`);
      return false;
    }
  }

  /**
   * Flushes, then stops the tracer's pipeline and closes its connections. Further spans are not
   * recorded. Resolves within `timeoutMs` (default 10000), never rejects; nothing of the tracer is left
   * on the wire afterwards.
   */
  shutdown(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.#shutDownWithin(timeoutOrDefault(optionValue(options, "timeoutMs"), DEFAULT_FLUSH_TIMEOUT_MS)).then(() => undefined);
  }

  /**
   * The tracer's one shutdown, awaited at most `timeoutMs`. A later call does not start another, and
   * does not wait past its own deadline for an earlier one with a longer timeout (it once waited for
   * the earlier deadline: gaps-sdk-5); then it says `false` (not delivered in its time).
   */
  #shutDownWithin(timeoutMs: number): Promise<FinalFlushOutcome> {
    if (this.#shutdown) return valueWithin(this.#shutdown, timeoutMs, false);
    this.#shutdown = this.#shutDown(timeoutMs);
    return this.#shutdown;
  }

  async #shutDown(timeoutMs: number): Promise<FinalFlushOutcome> {
    // One deadline for the whole shutdown: the flush and the provider's own shutdown share it.
    const deadline = Date.now() + timeoutMs;
    withdrawDefaultTracer(this);
    this.#stopExitFlush();
    const { delivered, failures } = await this.#flush(deadline - Date.now());
    // Read before the transport closes (closing aborts what is left and counts nothing about the backend).
    const outcome = delivered || this.#whyUndelivered(Date.now() >= deadline, failures);
    this.#isShutDown = true;
    await valueWithin(this.#basicProvider.shutdown(), deadline - Date.now(), undefined);
    // The deadline is spent or nothing is pending: an export still unanswered (its module still loading,
    // or on the wire) is answered now, before shutdown() returns, so that OpenTelemetry's batch processor
    // clears the ref'd timer it holds per export (export-pipeline.ts dispose()); the close aborts the rest.
    this.#pipeline?.dispose();
    this.#transport?.close();
    return outcome;
  }

  /**
   * Why a flush delivered nothing: refused only when the backend refused a delivery in the flush's
   * window and no outage of the window stands (an outage counts as soon as anything says so, unless the
   * backend answered after it), and the flush neither ran out of time nor found the breaker open;
   * not sent, on the same terms, when what failed was never sent and the backend did not refuse anything.
   * Without a transport (test mode, an injected exporter) nothing says why.
   */
  #whyUndelivered(ranOutOfTime: boolean, { outages, refusals, lastRefusedStatus, unsent }: FlushFailures): FinalFlushOutcome {
    const transport = this.#transport;
    if (!transport || ranOutOfTime || transport.breaker.isOpen || outages > 0) return false;
    if (refusals > 0 && lastRefusedStatus !== undefined) return { refused: lastRefusedStatus };
    return unsent > 0 ? { notSent: true } : false;
  }

  /** At exit: one bounded flush, and no more once one gave up unless new work came since. */
  #flushBeforeExit(): Promise<unknown> | undefined {
    const work = (this.#pipeline?.endedSpans ?? 0) + (this.#backend?.callsAsked ?? 0);
    if (!this.#hasUnsentWork() || work === this.#workWhenExitFlushFailed) return undefined;
    return this.forceFlush({ timeoutMs: Math.min(EXIT_FLUSH_BUDGET_MS, this.#config.timeoutMs) }).then((flushed) => {
      if (flushed) return;
      this.#workWhenExitFlushFailed = work;
      // Whatever is still on the wire would hold the process open until its own deadline.
      this.#transport?.abortAll();
    });
  }

  /** Spans dropped since init because the export queue was full (the backend slow or down). */
  get droppedSpans(): number {
    return this.#pipeline?.droppedSpans ?? 0;
  }

  /** Spans recorded in test mode, oldest first (OpenTelemetry ReadableSpans). Empty outside test mode. */
  getFinishedSpans(): ReadableSpan[] {
    return this.#pipeline?.getFinishedSpans() ?? [];
  }

  #hasUnsentWork(): boolean {
    return (this.#pipeline?.hasPendingSpans ?? false) || (this.#backend?.pendingCalls ?? 0) > 0;
  }

  /** The OpenTelemetry tracer to record with, or undefined when this tracer records nothing. */
  #activeOtelTracer(): Tracer | undefined {
    return this.#enabled && !this.#isShutDown ? this.#otelTracer : undefined;
  }

  #openSession(options: SessionOptions, where: string): OpenedSession {
    let base = context.active();
    if (options.linkCarrier) base = this.#linkedContext(options.linkCarrier);
    const carriedSessionId = options.linkCarrier ? getSessionFromContext(base) : undefined;
    const explicitId = options.sessionId !== undefined ? requireSessionId(options.sessionId, where) : undefined;
    // A session carried in from upstream already exists: join it rather than start it again.
    const joined = explicitId === undefined && isSessionId(carriedSessionId) ? carriedSessionId : undefined;
    const sessionId = explicitId ?? joined ?? generateSessionId();
    const started =
      options.skipApiCall || joined !== undefined ? Promise.resolve(true) : this.#startSessionOnBackend(sessionId, options);
    return { sessionId, context: setSessionInContext(base, sessionId), started };
  }

  #linkedContext(carrier: object | Context): Context {
    if (typeof (carrier as Partial<Context>).getValue === "function") return carrier as Context;
    return this.extract(carrier);
  }

  #startSessionOnBackend(sessionId: string, options: SessionOptions): Promise<boolean> {
    if (!this.#backend) return Promise.resolve(true);
    const session: Record<string, unknown> = {
      project: this.#config.project,
      session_name: options.sessionName ?? this.#config.sessionName,
      source: this.#config.source,
      session_id: sessionId,
    };
    if (options.inputs !== undefined) session.inputs = options.inputs;
    if (options.metadata !== undefined) session.metadata = options.metadata;
    // Safe and capped: a BigInt or a cycle in the inputs must not keep the session from starting.
    return this.#backend.post("/session/start", toRequestBody({ session })).then((result) => result.ok);
  }
}

/**
 * A promise that keeps the process alive only once something waits for it. `await`, `.then()`,
 * `.catch()`, `.finally()` and `Promise.all()` all call `then()` on a promise of another constructor
 * (a native one they would read internally), which refs the timer; promises derived from it are plain.
 */
class ObservedPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  #onObserved: (() => void) | undefined;

  constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void, onObserved?: () => void) {
    super(executor);
    this.#onObserved = onObserved;
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const observed = this.#onObserved;
    this.#onObserved = undefined;
    observed?.();
    return super.then(onFulfilled, onRejected);
  }
}

/**
 * `result` once `work` settles (either way) or `ms` passed, whichever is first. Its timer holds the
 * process only while the returned promise is awaited: not a promise derived from it here.
 */
function settledOrTimedOut<T>(work: Promise<unknown>, ms: number, result: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return new ObservedPromise<T>(
    (resolve) => {
      const settle = (): void => {
        clearTimeout(timer);
        resolve(result);
      };
      timer = setTimeout(settle, Math.min(ms, MAX_TIMER_MS));
      timer.unref();
      work.then(settle, settle);
    },
    () => timer?.ref(),
  );
}

/** Every session option; typed, so that one added to SessionOptions cannot be left unread. */
const SESSION_OPTION_NAMES = Object.keys({
  sessionName: true,
  sessionId: true,
  inputs: true,
  metadata: true,
  skipApiCall: true,
  linkCarrier: true,
} satisfies Record<keyof SessionOptions, true>) as (keyof SessionOptions)[];

/**
 * Session options as a JavaScript caller may pass them: a name alone, or nothing usable (`null`). Read
 * once, here: an option whose getter or Proxy trap throws is left out with a warning (createSession()
 * threw the trap's error into the request; gaps-sdk-6), like a session option that is not there.
 */
function sessionOptions(value: unknown): SessionOptions {
  if (typeof value === "string") return { sessionName: value };
  if (typeof value !== "object" || value === null) return {};
  return readEach(value, SESSION_OPTION_NAMES, (name) =>
    warnOnce(`session-option-unreadable:${name}`, `Session options: \`${name}\` could not be read (a getter or a Proxy threw); ignored.`),
  ) as SessionOptions;
}

/** `options[key]` when `options` is an object and can be read, else undefined (`forceFlush(null)`). */
function optionValue(options: unknown, key: string): unknown {
  try {
    return typeof options === "object" && options !== null ? (options as Record<string, unknown>)[key] : undefined;
  } catch {
    // A getter or a Proxy that throws: the option is as good as absent (the default), never an error.
    return undefined;
  }
}

/** A clear TypeError for a callback that is not a function (a programming error, reported where it is made). */
function requireFunction(fn: unknown, where: string, name: string): void {
  if (typeof fn !== "function") throw new TypeError(`${where}: \`${name}\` must be a function (got ${fn === null ? "null" : typeof fn})`);
}

function tracerResource(config: ResolvedConfig) {
  const { defaultResource, resourceFromAttributes } = otelSdk().resources;
  return defaultResource().merge(
    resourceFromAttributes({
      "service.name": config.project,
      [ATTR_PROJECT]: config.project,
      [ATTR_SOURCE]: config.source,
      "honeyhive.sdk.version": PACKAGE_VERSION,
    }),
  );
}

/** In memory in test mode; otherwise OTLP to the HoneyHive backend. */
function createSpanExporter(config: ResolvedConfig, transport: HttpTransport | undefined): SpanExporter {
  if (config.testMode || config.apiKey === undefined || transport === undefined) return new (otelSdk().traceBase.InMemorySpanExporter)();
  return createOtlpExporter({ project: config.project, source: config.source, apiKey: config.apiKey, timeoutMs: config.timeoutMs, transport });
}

/** Creates a tracer from public options; `creation` carries what only the SDK itself decides. */
export function createTracer(options: TracerOptions, creation: TracerCreation): HoneyHiveTracer {
  return construct(resolveConfig(options), creation);
}

/**
 * The most spans `tracer` can still hold for export: those it ended, capped by its queue (evaluate()
 * weighs a datapoint tracer's background flush with it; the SDK's own tracers only).
 */
export function heldSpansBound(tracer: HoneyHiveTracer): number {
  return endedSpans(tracer);
}

/**
 * Shuts `tracer` down within `timeoutMs` in all (its flush and its provider's shutdown share the
 * deadline) and says how the flush ended: evaluate()'s final flush of a datapoint tracer, which once
 * was `forceFlush(t)` then `shutdown(t)`, up to twice `t`.
 */
export function finalFlush(tracer: HoneyHiveTracer, timeoutMs: number): Promise<FinalFlushOutcome> {
  return shutDownWithOutcome(tracer, timeoutMs);
}

/** Whether `value` is a HoneyHiveTracer, from this copy of the package or another. */
export function isHoneyHiveTracer(value: unknown): value is HoneyHiveTracer {
  try {
    return typeof (value as { [OTEL_TRACER_OF]?: unknown } | null)?.[OTEL_TRACER_OF] === "function";
  } catch {
    // A Proxy whose get trap throws (or a revoked one) is not a tracer, whatever it was meant to be.
    return false;
  }
}

/** The OpenTelemetry tracer behind `tracer`, or undefined when it records nothing (disabled, shut down). */
export function otelTracerOf(tracer: HoneyHiveTracer): Tracer | undefined {
  return (tracer as unknown as { [OTEL_TRACER_OF]: () => Tracer | undefined })[OTEL_TRACER_OF]();
}

/**
 * What the verbose startup line says about `serverUrl`: its origin, never its path, query or credentials
 * (a proxy's URL may carry a token in any of them: `https://proxy.example.com/t/<token>/api`); `/…` marks a
 * path left out.
 */
function serverShown(serverUrl: string): string {
  const origin = serverOrigin(serverUrl);
  if (origin === undefined) return "(not a URL)";
  // serverOrigin() parsed it: parsing again cannot throw.
  const { pathname } = new URL(serverUrl);
  return pathname === "/" || pathname === "" ? origin : `${origin}/…`;
}
