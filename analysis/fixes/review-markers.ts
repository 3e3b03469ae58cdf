// The texts of the review markers the codemod leaves where a finding's fix needs a person (the rule
// reports the same places without a fix). Fixtures spell these texts exactly.
import { FIX_PREFERENCE, OTEL_COMPONENTS, type OtelComponent } from "../knowledge/sdks/opentelemetry.js";

/**
 * The OpenTelemetry pipeline a handler traces through, where no flush of it can be written: what it is
 * made of (export names, `NodeTracerProvider`), and, when another module makes it, that module as the
 * file imports it (`./instrumentation`) and the export name of what a fix would flush, if it exports it.
 */
export interface UnflushablePipeline {
  readonly parts: readonly string[];
  readonly module?: string;
  readonly flushExport?: string;
}

/** What each marker asks a person to check; fixtures spell these texts exactly. */
export const MARKER_MESSAGES = {
  explicitTracerNone: "pass a tracer to this call (no HoneyHive tracer in scope)",
  explicitTracerUnsafe: (text: string) => `pass a tracer to this call (${text} here could run before the tracer exists or create it early)`,
  /**
   * The one tracer is a class member declared so that it may be undefined (`current?: HoneyHiveTracer`) and the class has
   * no accessor returning it as a tracer: written as it is, the call would not compile under `strict` (TS2532). Whether
   * it is set by the time this runs is the person's call.
   */
  explicitTracerOptionalMember: (text: string) =>
    `pass a tracer to this call (${text} is declared optional, so it may be undefined here: if it is always set by now, read it through a getter of the class declared to return the tracer that throws while it is unset, else skip the call while it is, if (${text}) …)`,
  explicitTracerSeveral: (names: readonly string[]) => `pick the tracer for this call (${names.join(", ")})`,
  /** honeyhive 1.x: the tracer comes from a (usually async) getter of the project; a fix cannot await it everywhere. */
  explicitTracerAwaitGetter: (getters: readonly string[]) =>
    `call this on the tracer ${getters.map((getter) => `await ${getter}`).join(" or ")} resolves to (its own method of the same name)`,
  /** Non-async and callback-style handlers alike: making them async is the person's call. */
  /** `flush` is the profile's flush call: `tracer.forceFlush()`, `tracer.flush()` (1.x), `provider.forceFlush()`. */
  lambdaNotAsync: (flush: string) => `make this handler async and await ${flush} before it returns`,
  /**
   * The same on a platform whose HTTP invocation ends with the response (`responseCall`: Express on Lambda
   * through serverless-http, Cloud Functions, Firebase onRequest): a flush before the return runs after
   * `res.json(…)`, once the work is stopped, so it goes before each send (the rule's missingFlushNotAsyncBeforeSend).
   */
  lambdaNotAsyncBeforeSend: (flush: string) =>
    `make this handler async and await ${flush} before each statement that sends the response (res.send/json/end): the platform stops the work once the response is sent`,
  /** Such a handler that hands the response to a callback sending it (`cors(req, res, () => res.json(x))`; the rule's missingFlushInCallback). */
  lambdaNotAsyncSendingCallback: (flush: string) =>
    `await ${flush} in the callback this handler passes the response to (made async if it is not), before each statement that sends the response: the platform stops the work once the response is sent`,
  /** An HTTP handler that answers through `res`: the flush must come before the response is sent, and not every send can be seen. */
  lambdaFlushBeforeResponse: (flush: string) =>
    `await ${flush} before each place this handler sends its response (res.send/json/end): the platform stops the work once the response is sent`,
  /** `sdk.shutdown()` of a NodeSDK made once, in a handler: it has no flush of its own, and a shut-down pipeline exports nothing on the next invocation. */
  sharedPipelineShutdown: (receiver: string, flush: string) =>
    `${receiver}.shutdown() stops the pipeline for this warm instance's later invocations, and it has no forceFlush(): keep its provider or span processor in a module-level variable and await ${flush} here instead`,
  /** The handler returns a stream whose callbacks trace after it returned (analysis/flush.ts `streamWork`): a flush in the handler runs first. */
  lambdaFlushAfterStream: (flush: string) =>
    `this handler returns a stream whose callbacks trace after it has returned: await ${flush} at the end of the stream's own callback (in its finally, before it closes the stream; in the AI SDK's onFinish (onEnd from ai 7) when its telemetry is off, since its root span ends after that callback), not in this handler, whose flush runs before the stream`,
  /** An entry whose work goes on after it returns (`FlushShape` "after") where the platform's after-response hook could not be written. */
  lambdaFlushAfterResponse: (flush: string, hook: string | undefined) =>
    `this entry point's work goes on after it returns (it renders and streams per request): flush after the response${hook ? ` with ${hook}(() => ${flush})` : ""} (the name is taken here, or the project's version lacks it), not in a try { … } finally around its body, which flushes before that work and on every render`,
  lambdaWrapByHand: (flush: string) => `wrap the rest of this handler in try { … } finally { await ${flush}; }`,
  lambdaNoTracer: (profile: "honeyhive" | "honeyhive-1x" | "opentelemetry", pipeline?: UnflushablePipeline) =>
    profile === "opentelemetry" ? otelNoFlushMessage(pipeline) : `await the HoneyHive tracer's ${profile === "honeyhive-1x" ? "flush()" : "forceFlush()"} before this handler returns`,
  /**
   * honeyhive 1.x `startSession()` in a handler: 1.x has no request-scoped session on a shared tracer,
   * so the fix is the migration (or a tracer per request), which a person decides.
   */
  sessionStart1x: (call: string) =>
    `${call} returns the session this tracer started at init (honeyhive 1.x), so every request shares it: migrate with \`npx honeyhive migrate --from 1\` and call createSession() here, or init a tracer per request`,
  /** A file tracer's session call in code evaluate() runs: which implicit call replaces it is the person's call. */
  evaluatedTracerCall: (call: string) =>
    `${call} acts on this file's tracer, not the datapoint's: use the SDK's implicit enrichSession()/trace() in evaluated code`,
  /**
   * `tracer.trace(…)` bound to evaluated code where the SDK's `trace` cannot be written: another
   * binding of that name is in scope there (OpenTelemetry's `trace`, a local function, a parameter).
   */
  evaluatedTraceNameTaken: (call: string, free = "trace") =>
    `use the SDK's ${free}() here instead of ${call}, so evaluate() supplies the tracer: import it under a name no other binding here has`,
  /** `pkg`: the package holding the file, which does not depend on honeyhive (SdkImports.packageWithoutSdk). */
  evaluatedTraceSdkNotADependency: (call: string, free: string, pkg: string) =>
    `use the SDK's ${free}() here instead of ${call}, so evaluate() supplies the tracer: ${pkg} does not depend on honeyhive, so no import of ${free} is added (under pnpm or Yarn PnP it would not resolve): add honeyhive to its dependencies and import { ${free} } from "honeyhive", or have the module this file takes the SDK from export ${free}`,
  /** A binding in code that another module's evaluate() runs and a module without evaluate() imports too (migrate only). */
  evaluatedFromAnotherModule: (tracer: string) =>
    `evaluate() in another module runs this code, and so does a module that imports it without evaluate() (a server?): \`${tracer}\` bound here puts all of evaluate()'s datapoints in one session, and that module needs it; give evaluate() this function wrapped without \`${tracer}\` and keep this binding for the other callers`,
  /** A traced function bound to a tracer that evaluate() runs and code outside evaluate() uses too (another framework's Eval task, a route). */
  tracedAlsoOutsideEvaluate: (tracer: string) =>
    `evaluate() runs this function, and so does code outside it (another framework's runner, a caller of its own): \`${tracer}\` bound here puts all of evaluate()'s datapoints in one session, and those other calls need it; give evaluate() the function wrapped without \`${tracer}\` and keep this one for the other callers`,
  /** honeyhive 1.x `tracer.trace(fn)` in evaluated code: runs fn in the file tracer's session, not the datapoint's. */
  evaluatedImmediateTrace1x: (call: string) =>
    `${call} runs this code in this file's tracer session, not the datapoint's (honeyhive 1.x): call the function directly so evaluate() supplies the session`,
  /** createSession() after a hook's first await, where moving it first could change what the hook does (rule no-lost-session-context). */
  lostSessionAfterAwait: (hook: string) =>
    `this session does not reach the handler (created after an await in the ${hook} hook): create it before the hook's first await and add what you await later with enrichSession()`,
  /** createSession() after an awaited next() that runs the handler, where moving it first could change what it records (rule no-lost-session-context). */
  lostSessionAfterNext: (next: string) =>
    `this session does not reach the handler (created after await ${next}(), which runs the handler): create it before await ${next}() and add what the handler set with enrichSession() after it`,
  /** createSession() in a callback that runs later while next() runs outside it (rule no-lost-session-context). */
  lostSessionInCallback: (next: string, deferredBy: string) =>
    `this session does not reach the handler (created in a ${deferredBy} callback, ${next}() called outside it): call ${next}() inside the callback, on every path, after createSession()`,
  /** createSession() in route-level middleware while another route of the object traces without a session (rule no-lost-session-context). */
  lostSessionInRouteMiddleware: (otherRoute: string, object: string, useAfterRoutes = false) =>
    `this session reaches only the routes this middleware is registered for (${otherRoute} traces without one, in the tracer's startup session): ${
      // The routes registered before a `use` run without it: registration order decides.
      useAfterRoutes ? `register it before the routes with ${object}.use() (the ${object}.use() that gives a session comes after ${otherRoute})` : `register it for every route with ${object}.use()`
    }, or give the other routes a session of their own (withSession(..., () => next()))`,
} as const;

/**
 * Why no OpenTelemetry flush could be written, from what the pipeline is made of (the profile's
 * components say which of them has forceFlush() and which a fix prefers): a provider or processor kept
 * where the handler cannot reach it, or only a NodeSDK, which has no forceFlush() at all.
 */
function otelNoFlushMessage(pipeline: UnflushablePipeline | undefined): string {
  const components = (pipeline?.parts ?? []).flatMap((name) => OTEL_COMPONENTS.find((component) => component.export.name === name) ?? []);
  const flushable = FIX_PREFERENCE.map((role) => components.find((component) => component.role === role && component.forceFlush)).find(
    (component): component is OtelComponent => component !== undefined,
  );
  const what = flushable?.role === "processor" ? "span processor" : "tracer provider";
  const head = `await the ${what}'s forceFlush() before this handler returns`;
  const module = pipeline?.module;
  if (flushable) {
    const name = flushable.export.name;
    if (module === undefined) return `${head} (keep the ${name} this file builds in a module-level variable and flush that)`;
    // Exported, yet not written by the fix: its name is taken here, the module is reached through a barrel, or it is a preload the file does not import.
    if (pipeline?.flushExport !== undefined) return `${head} (import the ${name} that ${module} exports as ${pipeline.flushExport}, under a name free in this file, and flush that)`;
    return `${head} (export the ${name} that ${module} builds, import it here and flush that)`;
  }
  // A pipeline a call made and registered (`registerOTel(…)`): nothing it returns has a forceFlush().
  const called = components.find((component) => component.madeBy === "call");
  if (called) return calledPipelineAdvice(called, module);
  const unflushable = components.find((component) => !component.forceFlush);
  if (!unflushable) return head;
  const keep = module === undefined ? "keep the provider or span processor in a module-level variable" : `build the provider or span processor in ${module} yourself and export it`;
  return `${head} (${unflushable.export.name} has none: ${keep})`;
}

/** The span processor a person builds to flush by hand (the first processor the profile lists: BatchSpanProcessor). */
const PROCESSOR_NAME = OTEL_COMPONENTS.find((component) => component.role === "processor")?.export.name ?? "span processor";

/**
 * What flushes a pipeline made by a call that returns nothing (`registerOTel(…)` of @vercel/otel): a span
 * processor the application builds and hands in through the call's processors option (its own forceFlush()),
 * or the provider the call registers, reached through the global ProxyTracerProvider's getDelegate()
 * (knowledge/sdks/opentelemetry.ts; both count as a flush for the rule).
 */
/**
 * The registered provider's flush as code that type-checks: `getDelegate()` is typed as the API's
 * `TracerProvider`, which has no forceFlush(), so the SDK's class is cast to as well (review-markers.test.ts
 * compiles it against @opentelemetry/api and @opentelemetry/sdk-trace-base).
 */
export const DELEGATE_FLUSH_CODE = "await ((trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as BasicTracerProvider).forceFlush()";

function calledPipelineAdvice(called: OtelComponent, module: string | undefined): string {
  const name = `${called.export.name}()`;
  const given = called.spanProcessorsOption === undefined ? "" : `, give it to ${name} as ${called.spanProcessorsOption}: [processor]`;
  const processor =
    module === undefined
      ? `keep a ${PROCESSOR_NAME} of its exporter in a module-level variable${given} and await processor.forceFlush()`
      : `build a ${PROCESSOR_NAME} of its exporter in ${module}${given}, export it and await processor.forceFlush() here`;
  return (
    `await a forceFlush() of the pipeline ${name} registers before this handler returns (${name} returns nothing to flush: ${processor}, ` +
    `or flush the provider it registers, ${DELEGATE_FLUSH_CODE}, with ProxyTracerProvider of @opentelemetry/api and BasicTracerProvider of @opentelemetry/sdk-trace-base)`
  );
}
