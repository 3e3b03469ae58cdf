// Where the request-scoped session lives: OpenTelemetry baggage in the active context. Baggage is
// carried by the async context (AsyncLocalStorage) from a middleware to everything the request awaits,
// and by W3C `baggage` headers to downstream services, so concurrent requests on one shared tracer
// never see each other's session.
//
// A session id that arrives from outside (a `baggage` header, through tracer.extract(), createSession({
// linkCarrier }) or an instrumentation using the global propagator) is untrusted: it is validated like
// an explicit `createSession({ sessionId })`, and an invalid one is dropped (with one warning per kind
// of problem) before it can be stamped on a span, sent as an `event_id` or propagated downstream.
import type { Context, ContextManager, TextMapGetter, TextMapPropagator, TextMapSetter } from "@opentelemetry/api";
import type { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import type { W3CBaggagePropagator } from "@opentelemetry/core";
import { subscribe } from "node:diagnostics_channel";
import { quote, warnOnce } from "./logger.js";
import { ROOT_CONTEXT, context, createContextKey, propagation } from "./otel-api.js";
import { otelSdk } from "./otel-sdk.js";
import { isSessionId } from "./session-id.js";

/** Baggage entry holding the session id (the same key the Python SDK uses). */
export const SESSION_BAGGAGE_KEY = "honeyhive.session_id";

/**
 * W3C trace-context + baggage: what `tracer.inject`/`extract` and createSession({ linkCarrier }) speak.
 * The baggage half drops an invalid session id on the way in and on the way out.
 */
export function createPropagator(): TextMapPropagator {
  const { CompositePropagator, W3CTraceContextPropagator } = otelSdk().core;
  return new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new SessionValidatingBaggagePropagator()],
  });
}

/** W3C baggage, minus a `honeyhive.session_id` entry that is not a session id. */
class SessionValidatingBaggagePropagator implements TextMapPropagator {
  readonly #baggage: W3CBaggagePropagator = new (otelSdk().core.W3CBaggagePropagator)();

  inject(ctx: Context, carrier: unknown, setter: TextMapSetter): void {
    this.#baggage.inject(withValidSession(ctx), carrier, setter);
  }

  extract(ctx: Context, carrier: unknown, getter: TextMapGetter): Context {
    return withValidSession(this.#baggage.extract(ctx, carrier, getter));
  }

  fields(): string[] {
    return this.#baggage.fields();
  }
}

/** `ctx`, with its baggage session id normalized (lower case) or removed when it is not a UUID. */
export function withValidSession(ctx: Context): Context {
  const baggage = propagation.getBaggage(ctx);
  const value = baggage?.getEntry(SESSION_BAGGAGE_KEY)?.value;
  if (baggage === undefined || value === undefined) return ctx;
  const valid = validSessionId(value);
  if (valid === value) return ctx;
  return propagation.setBaggage(
    ctx,
    valid === undefined ? baggage.removeEntry(SESSION_BAGGAGE_KEY) : baggage.setEntry(SESSION_BAGGAGE_KEY, { value: valid }),
  );
}

/** The session id `value` names (lower case), or undefined, with a warning once per kind of problem. */
function validSessionId(value: string): string | undefined {
  // Through `unknown`: isSessionId's type guard would otherwise narrow `value` to never below.
  if (isSessionId(value as unknown)) return value.toLowerCase();
  const [kind, problem] = /[\u0000-\u001f\u007f]/.test(value)
    ? ["control-characters", "contains control characters"]
    : value.length > 36
      ? ["too-long", `is ${value.length} characters long`]
      : ["not-uuid", "is not a UUID"];
  warnOnce(
    `untrusted-session-id:${kind}`,
    `Ignored the session id ${quote(value)} from incoming baggage (${SESSION_BAGGAGE_KEY}): it ${problem}. ` +
      "Spans use the tracer's own session instead. Session ids must be UUIDs (convert identifiers with " +
      "toSessionId()); further ids with this problem are ignored without a warning.",
  );
  return undefined;
}

/** What a carrier may be: plain headers (Node.js, Express) or a `Headers`-like object (fetch, Next.js). */
interface HeadersLike {
  get(name: string): string | null | undefined;
  set(name: string, value: string): void;
  keys(): Iterable<string>;
}

function isHeadersLike(carrier: unknown): carrier is HeadersLike {
  const candidate = carrier as Partial<HeadersLike> | null;
  return typeof candidate?.get === "function" && typeof candidate.set === "function" && typeof candidate.keys === "function";
}

/** Reads W3C headers from plain objects and from `Headers`/`Map`-like carriers alike. */
export const carrierGetter: TextMapGetter<object> = {
  get(carrier, key) {
    if (isHeadersLike(carrier)) return carrier.get(key) ?? undefined;
    const value = (carrier as Record<string, unknown>)[key];
    return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : undefined;
  },
  keys(carrier) {
    return isHeadersLike(carrier) ? [...carrier.keys()] : Object.keys(carrier);
  },
};

/** Writes W3C headers into plain objects and `Headers`/`Map`-like carriers alike. */
export const carrierSetter: TextMapSetter<object> = {
  set(carrier, key, value) {
    if (isHeadersLike(carrier)) carrier.set(key, value);
    else (carrier as Record<string, unknown>)[key] = value;
  },
};

/**
 * The valid session id in the baggage of `ctx`, if any. Validated here too, not only when extracted:
 * baggage can also come from a propagator the application registered itself.
 */
export function getSessionFromContext(ctx: Context = context.active()): string | undefined {
  const value = propagation.getBaggage(ctx)?.getEntry(SESSION_BAGGAGE_KEY)?.value;
  return value === undefined ? undefined : validSessionId(value);
}

export function setSessionInContext(ctx: Context, sessionId: string): Context {
  const baggage = propagation.getBaggage(ctx) ?? propagation.createBaggage();
  return propagation.setBaggage(ctx, baggage.setEntry(SESSION_BAGGAGE_KEY, { value: sessionId }));
}

/** An attach-capable context manager: what createSession needs to change the *current* context. */
interface AttachingContextManager extends ContextManager {
  attach(ctx: Context): unknown;
}

let installedManager: AsyncLocalStorageContextManager | undefined;

/**
 * Registers AsyncLocalStorageContextManager as the global context manager unless the application
 * already registered one (e.g. through the OpenTelemetry NodeSDK), and W3C trace-context + baggage as
 * the global propagator unless one is registered, so instrumentations propagate the session too.
 */
export function ensureContextSetup(): void {
  isolateIncomingRequests();
  // OpenTelemetry logs each registration to the application's diagnostic logger, after registering: a
  // logger that throws made HoneyHiveTracer.init() throw, and skipped what came after (gaps-sdk-6). Each
  // step stands alone; what is registered stays registered.
  try {
    if (!hasGlobalContextManager()) {
      const manager = new (otelSdk().asyncHooks.AsyncLocalStorageContextManager)().enable();
      installedManager = manager;
      if (!context.setGlobalContextManager(manager)) installedManager = undefined;
    }
  } catch {
    // Registered or not, registeredContextManager() reads what the API holds.
  }
  try {
    if (propagation.fields().length === 0) propagation.setGlobalPropagator(createPropagator());
  } catch {
    // As above.
  }
}

let isolatingRequests = false;

/**
 * Gives every request of every Node.js HTTP(S) server (node:http directly, Express, Fastify, Koa, Hono's
 * Node adapter, Next.js…) a clean context before any of its handlers runs.
 *
 * Why: Node.js parses the requests of one keep-alive connection in one async resource, and
 * createSession() attaches its context to the current resource (`enterWith`), so without this the next
 * request on the connection would start with the previous request's session. Node publishes each
 * incoming request on the `http.server.request.start` diagnostics channel synchronously, in the
 * request's own execution, right before the server emits `request`; attaching the root context there
 * resets exactly that execution. Instrumentations that scope a request with `context.with` (such as
 * @opentelemetry/instrumentation-http) run later, inside the emit, and are unaffected.
 */
function isolateIncomingRequests(): void {
  if (isolatingRequests) return;
  isolatingRequests = true;
  // The module-level subscribe() keeps the subscription alive (a channel object's could be collected).
  subscribe("http.server.request.start", startRequestInRootContext);
}

function startRequestInRootContext(): void {
  if (context.active() === ROOT_CONTEXT) return;
  const manager = registeredContextManager() ?? installedManager;
  (manager as Partial<AttachingContextManager> | undefined)?.attach?.(ROOT_CONTEXT);
}

/** The no-op manager the API falls back to ignores `with`; a real one makes a value visible inside it. */
function hasGlobalContextManager(): boolean {
  const probe = createContextKey("honeyhive.context_manager_probe");
  return context.with(ROOT_CONTEXT.setValue(probe, true), () => context.active().getValue(probe) === true);
}

/**
 * Makes `ctx` the active context for the rest of the current async execution (everything this call's
 * caller does afterwards and everything it awaits), without a callback to scope it. This is what lets
 * `createSession()` in a middleware hold for the handler that `next()` runs.
 *
 * `@opentelemetry/api` 1.9 has no `context.attach`; `AsyncLocalStorageContextManager` (2.x) has an
 * experimental `attach()` built on `AsyncLocalStorage#enterWith` (or `withScope` on newer Node.js),
 * exactly the semantics needed, so it is used rather than re-implemented in a subclass. The manager
 * is the one registered globally (the application may have registered its own, or replaced ours),
 * reached through the API's internal accessor, else the one this SDK installed; a manager without
 * `attach` cannot do this, and the caller is told to use withSession() instead.
 */
export function attachToCurrentContext(ctx: Context): boolean {
  const manager = registeredContextManager() ?? installedManager;
  if (manager && typeof (manager as Partial<AttachingContextManager>).attach === "function") {
    (manager as AttachingContextManager).attach(ctx);
    return true;
  }
  warnOnce(
    "context-manager-without-attach",
    "The registered OpenTelemetry context manager cannot attach a context, so createSession() cannot " +
      "make the session active for the rest of the request. Use tracer.withSession(name, fn) instead, " +
      "or register AsyncLocalStorageContextManager from @opentelemetry/context-async-hooks.",
  );
  return false;
}

function registeredContextManager(): ContextManager | undefined {
  // `_getContextManager` is internal to @opentelemetry/api's ContextAPI; it is only consulted when the
  // application registered its own manager, and its absence is handled.
  const api = context as unknown as { _getContextManager?: () => ContextManager };
  try {
    return api._getContextManager?.();
  } catch {
    return undefined;
  }
}
