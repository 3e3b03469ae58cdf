// Where `createSession()` runs in a per-request callback but its session cannot reach the handler's
// spans: they land in the tracer's startup session instead, shared by every such request (the seeds'
// "traces mixed up between requests"). `createSession()` attaches its session to the current async
// execution only, so it must run in the execution that goes on to the handler. Three shapes, each
// proven at run time (sdk/lost-session-context.test.ts, sdk/lost-session-frameworks.test.ts):
//
// - after an `await` in a hook whose promise the framework awaits before running the handler from its
//   own reaction (Fastify's onRequest/preParsing/preValidation/preHandler hooks);
// - in a callback that runs later (a timer, a promise reaction) while the middleware's `next()` (or a
//   hook's `done()`) is called outside that callback;
// - in a route-level middleware (`app.get("/chat", openSession, handler)`) while another route of the
//   same app or router traces with no session of its own: that route's requests share the startup session;
// - after an awaited `next()` in middleware of a framework whose `next()` settles once the handler ran
//   (Koa, Hono): the handler's spans were made before the session existed.
//
// The call may also be a helper function of the file that creates the session first thing
// (`openSession(request)`): it is reported where the hook or middleware calls it.
//
// Which callbacks run before the handler, which of them the framework awaits, where their `next` is
// and which registrations take route-level middleware is each framework descriptor's `sessionFlow`
// data; this module knows no framework by name.
// Shared by the rule `no-lost-session-context` and the transform `lost-session-context`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, enclosingFunction, isFunctionNode, LOOP_TYPES, memberName, staticName, type FunctionNode } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { unwrap, type Bindings } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import { mayHoldEntry } from "./entry-gate.js";
import { getHandlerModel, registeredAt, type HandlerModel, type RequestHandler } from "./handlers.js";
import { mountedAfterSessionMiddleware, registrationReceiver, registrationsAmong, type AdapterMounting } from "./knowledge/frameworks/app-adapters.js";
import { INSTANCE_SESSION_MEMBERS, REQUEST_SCOPED_SESSION_MEMBERS } from "./knowledge/sdks/honeyhive.js";
import type { AnalysisInput } from "./input.js";
import { FRAMEWORKS, frameworkById } from "./knowledge/index.js";
import type { BeforeHandlerCallback, FrameworkDescriptor, RouteLevelMiddleware } from "./knowledge/types.js";
import { nodesOfType, nodesOfTypes, nodesOfTypesWithin } from "./nodes.js";
import { isProjectModule } from "./project-modules.js";
import { getSdkModel, isSharedSessionStartMember, type SdkModel, type TracerDeclaration } from "./sdk-model.js";
import { isHoneyhiveTracer } from "./session-id-flow.js";

/** Tracer methods that attach a session to the current async execution. */
const SESSION_CREATORS: ReadonlySet<string> = new Set(["createSession", "acreateSession"]);

/**
 * Calls that run a callback later, in an execution of its own: timers and microtasks (globals), and
 * promise reactions. A callback API of a library may call back at once or later (jsonwebtoken's
 * `verify` calls back synchronously), so such callbacks are not reported.
 */
const DEFERRING_GLOBALS: ReadonlySet<string> = new Set(["setTimeout", "setImmediate", "queueMicrotask"]);
const DEFERRING_METHODS: ReadonlySet<string> = new Set(["then", "catch", "finally"]);

/** Other tracer methods that give the code they run a session of its own (a route with one is not lost). */
const SCOPED_SESSION_METHODS: ReadonlySet<string> = new Set(["withSession"]);

/** Tracer methods whose call in a middleware of another module may give a request its session (`mountedAfterSessionMiddleware`). */
const SESSION_GIVING_METHODS: readonly string[] = [...REQUEST_SCOPED_SESSION_MEMBERS, ...INSTANCE_SESSION_MEMBERS];

/** Tracer methods that make spans: a route that calls one traces. */
const SPAN_METHODS: ReadonlySet<string> = new Set(["startSpan", "trace"]);

const AWAIT_TYPES = [AST_NODE_TYPES.AwaitExpression, AST_NODE_TYPES.ForOfStatement] as const;
const CALL_TYPES = [AST_NODE_TYPES.CallExpression] as const;

interface LostSessionBase {
  /** Where the hook or middleware creates the session: `tracer.createSession(…)`, or the call of a helper that does. */
  readonly call: TSESTree.CallExpression;
  /** `tracer.createSession(…)` / `tracer.acreateSession(…)` itself (`call`, or the one in the helper). */
  readonly session: TSESTree.CallExpression;
  /** The name of the helper function `call` calls, when it is one. */
  readonly helper: string | undefined;
  readonly method: string;
  readonly tracer: TracerDeclaration;
  /** The hook or middleware the call runs in (for a callback: the one that holds the callback). */
  readonly handler: RequestHandler;
  readonly framework: FrameworkDescriptor;
}

/** `createSession()` after an `await` in a hook the framework awaits before the handler. */
export interface SessionAfterAwaitInHook extends LostSessionBase {
  readonly shape: "afterAwaitInHook";
  /** The hook's name as registered (`onRequest`). */
  readonly hook: string;
  /** The hook's first `await` (or `for await`) that runs before the call. */
  readonly firstAwait: TSESTree.Node;
}

/** `createSession()` in a callback that runs later, while `next()` is called outside it. */
export interface SessionInDeferredCallback extends LostSessionBase {
  readonly shape: "inDeferredCallback";
  readonly callback: FunctionNode;
  /** What runs the callback later, for messages: `setImmediate`, `.then`. */
  readonly deferredBy: string;
  /** The middleware's `next` (or `done`) parameter, as named there. */
  readonly next: string;
}

/** `createSession()` in middleware registered for some routes only, while another route of the same object traces without a session. */
export interface SessionInRouteMiddleware extends LostSessionBase {
  readonly shape: "inRouteMiddleware";
  /** The app or router variable the routes are registered on (`app`, `router`). */
  readonly object: string;
  /** A route the middleware is registered for: `GET /chat`. */
  readonly route: string;
  /** A route of the same object that traces with no session: `GET /search`. */
  readonly otherRoute: string;
  /**
   * A middleware that gives every route a session is registered on the object, but after `otherRoute`
   * (which the framework runs first): moving it before the routes is the fix, not adding one.
   */
  readonly sessionMiddlewareAfterRoutes: boolean;
}

/** `createSession()` after an awaited `next()` in middleware whose `next()` runs the handler (Koa, Hono). */
export interface SessionAfterAwaitedNext extends LostSessionBase {
  readonly shape: "afterAwaitedNext";
  /** The middleware's `next` parameter, as named there. */
  readonly next: string;
  /** The `await next()` that runs before the call. */
  readonly nextAwait: TSESTree.AwaitExpression;
}

export type LostSession = SessionAfterAwaitInHook | SessionInDeferredCallback | SessionInRouteMiddleware | SessionAfterAwaitedNext;

/** A place that creates a session, as a hook or middleware sees it: the SDK call, or a call of a helper that makes it. */
interface SessionPoint {
  readonly call: TSESTree.CallExpression;
  readonly session: TSESTree.CallExpression;
  readonly helper: string | undefined;
  readonly method: string;
  readonly tracer: TracerDeclaration;
}

const cache = new AttachedCache<TSESTree.Program, readonly LostSession[]>("honeyhive.lostSessions");

/** Every lost session context of the file, in source order; cached per AST, never throws. */
export function findLostSessions(input: AnalysisInput): readonly LostSession[] {
  // The text gate: a file that never says `createSession` (acreateSession included) costs one search.
  if (!input.text.includes("reateSession")) return [];
  return cache.getOrCompute(input.ast, () => collect(input), []);
}

function collect(input: AnalysisInput): LostSession[] {
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return [];
  const sessions: SessionPoint[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (method === undefined || !SESSION_CREATORS.has(method) || callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const tracer = sdk.tracerOf(callee.object);
    if (tracer && isHoneyhiveTracer(input, tracer)) sessions.push({ call, session: call, helper: undefined, method, tracer });
  }
  // The handler model is the costly part: asked only where a shape is possible at all, which most
  // files that create a session (in the route handler itself, at its top) rule out by their syntax.
  if (!mayHoldEntry(input, "handler")) return [];
  const { bindings } = getAnalysisContext(input);
  // Each point's helper call sites, found once for the gate below and for the points after it.
  const callSites = new Map<SessionPoint, readonly TSESTree.CallExpression[]>();
  const callSitesOf = (point: SessionPoint) => {
    let sites = callSites.get(point);
    if (sites === undefined) callSites.set(point, (sites = helperCallSites(input, point, bindings)));
    return sites;
  };
  if (!sessions.some((point) => mayBeLostAt(input, point.call) || callSitesOf(point).some((call) => mayBeLostAt(input, call)))) return [];
  const handlers = getHandlerModel(input);
  if (!handlers.requestHandlers.some((handler) => frameworkById(handler.framework)?.sessionFlow?.beforeHandler !== undefined)) return [];
  const points = [...sessions, ...sessions.flatMap((point) => helperCalls(point, handlers, callSitesOf(point)))];
  const routes = new RouteSessions(input, sdk, bindings, points);
  const found: LostSession[] = [];
  for (const point of points) {
    const { call } = point;
    const handler = handlers.enclosingHandler(call);
    if (handler?.kind !== "request") continue;
    const framework = frameworkById(handler.framework);
    const hook = framework && beforeHandlerCallbackOf(framework, handler, bindings);
    if (!framework || !hook) continue;
    const base = { ...point, handler, framework };
    if (enclosingFunction(call) === handler.function) {
      const firstAwait = hook.callback.awaitsPromise && handler.function.async ? firstAwaitBefore(input, handler.function, call) : undefined;
      if (firstAwait) {
        found.push({ ...base, shape: "afterAwaitInHook", hook: hook.name, firstAwait });
        continue;
      }
      const afterNext = awaitedNextBefore(input, hook.callback, handler.function, call, bindings);
      if (afterNext) {
        found.push({ ...base, shape: "afterAwaitedNext", ...afterNext });
        continue;
      }
      const routeLevel = framework.sessionFlow?.routeLevel;
      const lost = routeLevel && takesNext(hook.callback, handler.function) && routes.otherRouteOf(handler, framework, routeLevel, hook.callback);
      if (lost) found.push({ ...base, shape: "inRouteMiddleware", ...lost });
      continue;
    }
    const deferred = deferredCallbackAround(call, handler.function, bindings);
    const next = deferred && nextCalledOutside(hook.callback, handler.function, deferred.callback, bindings);
    if (deferred && next) found.push({ ...base, shape: "inDeferredCallback", callback: deferred.callback, deferredBy: deferred.by, next });
  }
  return found.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/**
 * The calls of the helper function that holds `point`'s SDK call (`sites`, its `helperCallSites`), when
 * that function is not registered as a handler itself, has a name of its own and makes the call in its
 * own body (not a nested function) before any `await` of its own: calling it is then creating the
 * session, wherever it is called from.
 */
function helperCalls(point: SessionPoint, handlers: HandlerModel, sites: readonly TSESTree.CallExpression[]): SessionPoint[] {
  const helper = enclosingFunction(point.session);
  // A function known as a handler only by its types (`request: FastifyRequest`) is still a helper when it is called.
  const asHandler = helper && handlers.handlerOf(helper);
  const registered = asHandler && (asHandler.kind !== "request" || !asHandler.registration.type.startsWith("TS"));
  if (registered || sites.length === 0) return [];
  // `helperCallSites` found calls of it by its name, so it has one.
  const name = helperNameOf(helper!)!.name;
  return sites.map((call) => ({ ...point, call, helper: name }));
}

/** `helperCalls` before the handler model: the call sites of the helper holding `point`'s SDK call, registered as a handler or not. */
function helperCallSites(input: AnalysisInput, point: SessionPoint, bindings: Bindings): TSESTree.CallExpression[] {
  const helper = enclosingFunction(point.session);
  if (!helper || firstAwaitBefore(input, helper, point.session)) return [];
  const name = helperNameOf(helper);
  const variable = name && bindings.variableOf(name);
  if (!variable) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier as TSESTree.Identifier;
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || !bindings.functionsOf(identifier).includes(helper)) continue;
    calls.push(call);
  }
  return calls;
}

/** The name a helper function is declared by: `function name()`, `const name = () => …`. */
function helperNameOf(helper: FunctionNode): TSESTree.Identifier | undefined {
  const declarator = helper.parent?.type === AST_NODE_TYPES.VariableDeclarator && helper.parent.init === helper ? helper.parent : undefined;
  const name = helper.type === AST_NODE_TYPES.FunctionDeclaration ? helper.id : declarator?.id;
  return name?.type === AST_NODE_TYPES.Identifier ? name : undefined;
}

/** The positions of `next` (or `done`) among the parameters, by count of parameters, in any framework's hooks or middleware. */
let nextArities: ReadonlySet<number> | undefined;

function arityTakesNext(count: number): boolean {
  nextArities ??= new Set(
    FRAMEWORKS.flatMap((framework) => Object.values(framework.sessionFlow?.beforeHandler ?? {}).flatMap((callback) => Object.keys(callback.nextParameterByArity ?? {}).map(Number))),
  );
  return nextArities.has(count);
}

const DEFERRING_NAMES: ReadonlySet<string> = new Set([...DEFERRING_GLOBALS, ...DEFERRING_METHODS, "nextTick"]);

/**
 * `app.get(path, (req, res) => …);`: the last argument of a call whose value goes nowhere, so the call is
 * the registration and `fn` its route handler, never middleware of a route. A call whose value is used
 * (\`asyncHandler(fn)\` handed on, a chained registration) may be a wrapper of middleware.
 */
function isLastArgumentOfStatementCall(fn: FunctionNode): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.at(-1) === fn && call.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/**
 * What each shape needs of the syntax around `call` (a session point), whatever handler holds it: an
 * \`await\` before it in its async function (after an await in a hook); its function taking \`next\` and
 * not being the last argument of a registering statement (route-level middleware: the route's handler
 * comes last); a function around it handed to a call named like a timer or a promise reaction
 * (a callback that runs later). False means no handler model can make it a finding.
 */
function mayBeLostAt(input: AnalysisInput, call: TSESTree.CallExpression): boolean {
  const fn = enclosingFunction(call);
  if (!fn) return false;
  if (fn.async && firstAwaitBefore(input, fn, call)) return true;
  if (arityTakesNext(fn.params.length) && !isLastArgumentOfStatementCall(fn)) return true;
  for (let callback: FunctionNode | undefined = fn; callback; callback = enclosingFunction(callback)) {
    const deferring = callback.parent;
    if (deferring?.type !== AST_NODE_TYPES.CallExpression || !deferring.arguments.includes(callback as TSESTree.CallExpressionArgument)) continue;
    const callee = deferring.callee;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    if (name !== undefined && DEFERRING_NAMES.has(name)) return true;
  }
  return false;
}

/** A registration of a function that may create the session for every route of `object`. */
interface SessionRegistration {
  readonly object: Scope.Variable | null | undefined;
  /** Where the registration ends in the text. */
  readonly from: number;
  /** The function whose body registers it; undefined at the module's top level. */
  readonly body: FunctionNode | undefined;
}

/**
 * The route `call` is surely registered before `session` runs: both are registered in the same
 * function body (or both at the module's top level) and the route comes first in it. Registrations in
 * different functions run in the order the functions are called (`function routes() { … }` called
 * after `app.use(openSession)`, or a hoisted `setup()` called first), which is not followed here.
 */
function registeredBefore(call: TSESTree.CallExpression, session: SessionRegistration): boolean {
  return enclosingFunction(call) === session.body && registeredAt(call) < session.from;
}

/**
 * The routes of a file and the sessions they create, for the route-level shape: built on the first
 * question (a file with no route-level middleware that creates a session never builds it).
 */
class RouteSessions {
  private readonly opensCache = new Map<TSESTree.Node, boolean>();
  private readonly tracesCache = new Map<TSESTree.Node, boolean>();
  private readonly everyRouteCache = new Map<FrameworkDescriptor, readonly SessionRegistration[]>();
  private sessionCalls: readonly TSESTree.CallExpression[] | undefined;

  constructor(
    private readonly input: AnalysisInput,
    private readonly sdk: SdkModel,
    private readonly bindings: Bindings,
    private readonly points: readonly SessionPoint[],
  ) {}

  /**
   * A route of the object `handler` is registered on that traces with no session of its own, while
   * `handler` is registered on that object as middleware of other routes only. Undefined whenever a
   * session may reach that route: a function that creates one is registered by any other method (`use`,
   * `all`, a route's last function that takes `next`) on another object (which routes it reaches is not
   * known here) or on this one before the route (the framework runs what is registered in that order:
   * a route registered first answers before it; the order is read from the text only where both are
   * registered in the same function body, or both at the module's top level: a function that registers
   * routes may be called after the session middleware is registered), or a module beside mounts this object after a
   * middleware of its app that may give the session (`mountedAfterSessionMiddleware`).
   */
  otherRouteOf(
    handler: RequestHandler,
    framework: FrameworkDescriptor,
    routeLevel: RouteLevelMiddleware,
    middleware: BeforeHandlerCallback,
  ): Pick<SessionInRouteMiddleware, "object" | "route" | "otherRoute" | "sessionMiddlewareAfterRoutes"> | undefined {
    const registration = handler.registration;
    if (registration.type !== AST_NODE_TYPES.CallExpression || registration.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const receiver = this.routesObjectOf(registration.callee.object, framework);
    const variable = receiver && this.bindings.variableOf(receiver);
    if (!variable || !receiver || variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
    let sessions = this.everyRouteCache.get(framework);
    if (sessions === undefined) this.everyRouteCache.set(framework, (sessions = this.everyRouteSessions(framework, routeLevel, middleware)));
    if (sessions.some((session) => session.object !== variable)) return undefined;
    let route: string | undefined;
    let otherRoute: string | undefined;
    for (const { call, method, path } of this.routesOn(variable, framework, routeLevel)) {
      const { middleware, all } = this.routeFunctions(call);
      if (middleware.includes(handler.function)) route ??= routeLabel(method, path);
      else if (
        sessions.every((session) => registeredBefore(call, session)) &&
        !all.some((fn) => this.opensSession(fn)) &&
        !call.arguments.some((argument) => this.mayCreateSessionUnseen(argument)) &&
        all.some((fn) => this.traces(fn, 0))
      ) {
        otherRoute ??= routeLabel(method, path);
      }
    }
    if (route === undefined || otherRoute === undefined) return undefined;
    if (mountedAfterSessionMiddleware(this.input.filename, this.input.ast, receiver.name, this.mountingOf(framework, routeLevel))) return undefined;
    // `sessions` are all on this object here, each registered after `otherRoute`.
    return { object: receiver.name, route, otherRoute, sessionMiddlewareAfterRoutes: sessions.length > 0 };
  }

  /**
   * The routes registered on `variable`: `app.get(path, …)`, in a chain (`router.get(…).post(…)`), and
   * through a method that returns a route object of the framework (`app.route(path).get(…).post(…)`,
   * `ObjectKind.returns`), whose path is the route's.
   */
  private *routesOn(variable: Scope.Variable, framework: FrameworkDescriptor, routeLevel: RouteLevelMiddleware): Generator<{ call: TSESTree.CallExpression; method: string; path: TSESTree.Node | undefined }> {
    const returning = returningMethods(framework);
    for (const reference of variable.references) {
      let path: TSESTree.Node | undefined;
      let object: TSESTree.Node = reference.identifier;
      for (let depth = 0; depth < MAX_CHAIN; depth += 1) {
        const member: TSESTree.Node | undefined = object.parent;
        const call: TSESTree.Node | undefined = member?.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) break;
        const method = memberName(member);
        if (method === undefined) break;
        if (routeLevel.routeMethods.includes(method)) yield { call, method, path: path ?? call.arguments[0] };
        else if (returning.has(method)) path = call.arguments[0];
        object = call;
      }
    }
  }

  /** The object a registering call is made on (an identifier), past chained registrations and route objects (`app.route("/x").get(…)`). */
  private routesObjectOf(node: TSESTree.Node, framework: FrameworkDescriptor): TSESTree.Identifier | undefined {
    const object = registrationReceiver(node, this.chainsOf(framework));
    return object?.type === AST_NODE_TYPES.Identifier ? object : undefined;
  }

  /** The methods a chain of registrations on an object of `framework` goes through: its registering methods, and those that return a route object. */
  private chainsOf(framework: FrameworkDescriptor): (method: string) => boolean {
    const returning = returningMethods(framework);
    const registering = registeringMethods(framework);
    return (method) => returning.has(method) || registering.has(method);
  }

  /** How the framework's objects are mounted and given middleware, for the modules beside (`mountedAfterSessionMiddleware`). */
  private mountingOf(framework: FrameworkDescriptor, routeLevel: RouteLevelMiddleware): AdapterMounting {
    const mounts = [...new Set(Object.values(framework.objects ?? {}).flatMap((kind) => (kind.mounts ? [kind.mounts] : [])))];
    return { mounts, ...(routeLevel.appMiddleware !== undefined && { middleware: routeLevel.appMiddleware }), sessionMethods: SESSION_GIVING_METHODS };
  }

  /**
   * Where a function that may give a session is registered so that it may run for every route (see
   * `otherRouteOf`): the object it is registered on (undefined when not a variable of the file) and
   * the end of the registering call (a route whose method name comes after it runs after it).
   */
  private everyRouteSessions(
    framework: FrameworkDescriptor,
    routeLevel: RouteLevelMiddleware,
    middleware: BeforeHandlerCallback,
  ): readonly SessionRegistration[] {
    const sessions: SessionRegistration[] = [];
    // The walk of registrations the reader of the modules beside reads too (`registrationsAmong`).
    const calls = nodesOfType(this.input.ast, AST_NODE_TYPES.CallExpression);
    for (const { call, method, receiver } of registrationsAmong(calls, registeringMethods(framework), this.chainsOf(framework))) {
      if (call.arguments.length === 0 || !this.givesEveryRouteSession(call, routeLevel.routeMethods.includes(method), middleware)) continue;
      const object = receiver?.type === AST_NODE_TYPES.Identifier ? receiver : undefined;
      sessions.push({ object: object && this.bindings.variableOf(object), from: call.range[1], body: enclosingFunction(call) });
    }
    return sessions;
  }

  /** A registration (`isRoute`: of one route) of a function that creates a session where it may run for every route. */
  private givesEveryRouteSession(call: TSESTree.CallExpression, isRoute: boolean, middleware: BeforeHandlerCallback): boolean {
    const last = lastFunctionArgument(call, this.bindings);
    for (const [index, argument] of call.arguments.entries()) {
      if (!isRoute && this.mayCreateSessionUnseen(argument)) return true;
      const opening = this.bindings.functionsOf(argument).filter((fn) => this.opensSession(fn));
      if (opening.length === 0) continue;
      if (isRoute && index < last) continue;
      // A route's own handler that creates its session (it takes no `next`): that route only.
      if (isRoute && index === last && !opening.some((fn) => takesNext(middleware, fn))) continue;
      return true;
    }
    return false;
  }

  /**
   * A registered value this file cannot see into that comes from one of the project's own modules
   * (`sessionMiddleware`, `withSession(tracer)` imported from `./tracing`): it may create a session.
   * A package's middleware (`express.json()`, `cors()`) does not.
   */
  private mayCreateSessionUnseen(argument: TSESTree.Node): boolean {
    if (this.bindings.functionsOf(argument).length > 0) return false;
    const target = unwrap(argument);
    const origin = this.bindings.originOf(target.type === AST_NODE_TYPES.CallExpression ? target.callee : target);
    return origin !== undefined && isProjectModule(origin.module, this.input);
  }

  /** The functions of a route registration: all of them, and those before the last function argument (its middleware). */
  private routeFunctions(call: TSESTree.CallExpression): { middleware: FunctionNode[]; all: FunctionNode[] } {
    const last = lastFunctionArgument(call, this.bindings);
    const middleware: FunctionNode[] = [];
    const all: FunctionNode[] = [];
    call.arguments.forEach((argument, index) => {
      const functions = this.bindings.functionsOf(argument);
      all.push(...functions);
      if (index < last) middleware.push(...functions);
    });
    return { middleware, all };
  }

  /** `fn` creates a session or scopes one somewhere in its body (a helper that does, called there, counts). */
  private opensSession(fn: FunctionNode): boolean {
    let opens = this.opensCache.get(fn);
    if (opens === undefined) {
      this.sessionCalls ??= [...this.points.map((point) => point.call), ...this.otherSessionCalls()];
      opens = this.sessionCalls.some((call) => contains(fn, call));
      this.opensCache.set(fn, opens);
    }
    return opens;
  }

  /** `tracer.withSession(…)`, `tracer.sessionStart()`: a route that calls them has a session of its own (or another rule's finding). */
  private otherSessionCalls(): TSESTree.CallExpression[] {
    return nodesOfTypes(this.input.ast, CALL_TYPES).filter((call) => {
      const method = call.callee.type === AST_NODE_TYPES.MemberExpression ? memberName(call.callee) : undefined;
      const scoped = method !== undefined && (SCOPED_SESSION_METHODS.has(method) || isSharedSessionStartMember(method));
      return scoped && call.callee.type === AST_NODE_TYPES.MemberExpression && isHoneyhiveTracer(this.input, this.sdk.tracerOf(call.callee.object));
    });
  }

  /**
   * `fn` makes spans: it calls `tracer.startSpan()` / `tracer.trace()`, the SDK's `trace()`, a function
   * made by one, or (one level down) a function of the file that does.
   */
  private traces(fn: FunctionNode, depth: number): boolean {
    const cached = this.tracesCache.get(fn);
    if (cached !== undefined) return cached;
    this.tracesCache.set(fn, false); // cycle guard
    const traces = nodesOfTypesWithin(this.input.ast, CALL_TYPES, fn.body).some((call) => {
      const callee = call.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && SPAN_METHODS.has(memberName(callee) ?? "") && isHoneyhiveTracer(this.input, this.sdk.tracerOf(callee.object))) return true;
      if (this.sdk.traceUseOf(call) || this.sdk.isTracedFunction(callee)) return true;
      return depth === 0 && callee.type === AST_NODE_TYPES.Identifier && this.bindings.functionsOf(callee).some((called) => called !== fn && this.traces(called, depth + 1));
    });
    if (depth === 0) this.tracesCache.set(fn, traces);
    else this.tracesCache.delete(fn);
    return traces;
  }
}

/** `fn` is middleware by the framework's own count of parameters: it takes `next`. */
function takesNext(spec: BeforeHandlerCallback, fn: FunctionNode): boolean {
  return spec.nextParameterByArity?.[fn.params.length] !== undefined;
}

/** The index of a registering call's last argument that holds a function (its handler), or -1. */
function lastFunctionArgument(call: TSESTree.CallExpression, bindings: Bindings): number {
  for (let index = call.arguments.length - 1; index >= 0; index--) if (bindings.functionsOf(call.arguments[index]).length > 0) return index;
  return -1;
}

/** How many calls a chain of registrations is followed through (`app.route("/x").get(…).post(…)`). */
const MAX_CHAIN = 16;

/** The registering methods of the framework's objects (`get`, `use`, …). */
function registeringMethods(framework: FrameworkDescriptor): ReadonlySet<string> {
  let methods = registeringByFramework.get(framework);
  if (!methods) registeringByFramework.set(framework, (methods = new Set(Object.values(framework.objects ?? {}).flatMap((kind) => Object.keys(kind.methods ?? {})))));
  return methods;
}
const registeringByFramework = new WeakMap<FrameworkDescriptor, ReadonlySet<string>>();

/** Methods that return another object of the framework (`route` of Express: `app.route(path)`). */
function returningMethods(framework: FrameworkDescriptor): ReadonlySet<string> {
  let methods = returningByFramework.get(framework);
  if (!methods) returningByFramework.set(framework, (methods = new Set(Object.values(framework.objects ?? {}).flatMap((kind) => Object.keys(kind.returns ?? {})))));
  return methods;
}
const returningByFramework = new WeakMap<FrameworkDescriptor, ReadonlySet<string>>();

/** `GET /chat` (the path as written when it is no string). */
function routeLabel(method: string, path: TSESTree.Node | undefined): string {
  const text = path && (staticName(path, true) ?? (isFunctionNode(path) ? undefined : "…"));
  return text === undefined ? method.toUpperCase() : `${method.toUpperCase()} ${text}`;
}

/** The descriptor's entry for this per-request callback (its registration name, or `"*"`), if it runs before the handler. */
function beforeHandlerCallbackOf(
  framework: FrameworkDescriptor,
  handler: RequestHandler,
  bindings: Bindings,
): { name: string; callback: BeforeHandlerCallback } | undefined {
  const callbacks = framework.sessionFlow?.beforeHandler;
  if (!callbacks) return undefined;
  const any = callbacks["*"];
  if (any) return { name: "*", callback: any };
  const name = registrationName(framework, handler, bindings);
  const callback = name === undefined ? undefined : callbacks[name];
  return callback && name !== undefined ? { name, callback } : undefined;
}

/**
 * The name a callback is registered under: the key of the option that holds it (`{ onRequest: fn }`,
 * inline or by name), or the argument that the registering method's `when` reads (`addHook("onRequest", fn)`).
 */
function registrationName(framework: FrameworkDescriptor, handler: RequestHandler, bindings: Bindings): string | undefined {
  const { function: fn, registration } = handler;
  if (fn.parent?.type === AST_NODE_TYPES.Property && contains(registration, fn)) return staticName(fn.parent.key, fn.parent.computed);
  if (registration.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (const argument of registration.arguments) {
    for (const property of bindings.objectOf(argument)?.properties ?? []) {
      if (property.type === AST_NODE_TYPES.Property && bindings.functionsOf(property.value).includes(fn)) return staticName(property.key, property.computed);
    }
  }
  const method = memberName(registration.callee);
  if (method === undefined) return undefined;
  for (const kind of Object.values(framework.objects ?? {})) {
    const when = kind.methods?.[method]?.when;
    const named = when ? registration.arguments[when.argument] : undefined;
    if (named?.type === AST_NODE_TYPES.Literal && typeof named.value === "string") return named.value;
  }
  return undefined;
}

/** The first `await` of `fn` itself (not of a nested function) evaluated before `call` runs; one that awaits the call itself does not count. */
function firstAwaitBefore(input: AnalysisInput, fn: FunctionNode, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  return nodesOfTypesWithin(input.ast, AWAIT_TYPES, fn.body).find(
    (node) =>
      (node.type === AST_NODE_TYPES.AwaitExpression || node.await) &&
      enclosingFunction(node) === fn &&
      !contains(node, call) &&
      ((node.range[1] <= call.range[0] && runsOnAPathTo(node, call)) || call.arguments.some((argument) => contains(argument, node)) || loopsBackTo(node, call, fn)),
  );
}

const LOOP_EXITS: ReadonlySet<string> = new Set([AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement]);

/**
 * Whether `earlier`, written after `later` in a loop of `fn` that holds both, runs before it on the loop's next
 * iteration (`for (…) { tracer.createSession(); await step(); }`): nothing after `earlier` in the blocks that hold it
 * leaves the loop first (a `break`, also one of an inner loop or `switch`, counts as leaving: report only when sure).
 */
function loopsBackTo(earlier: TSESTree.Node, later: TSESTree.Node, fn: FunctionNode): boolean {
  for (let loop = later.parent; loop && loop !== fn; loop = loop.parent) {
    if (!LOOP_TYPES.has(loop.type) || !contains(loop, earlier)) continue;
    for (let child: TSESTree.Node = earlier; child !== loop && child.parent; child = child.parent) if (exitsAfter(child, LOOP_EXITS)) return false;
    return true;
  }
  return false;
}

const JUMPS: ReadonlySet<string> = new Set([AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement, AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement]);
const EXITS: ReadonlySet<string> = new Set([AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement]);

/**
 * Whether `earlier`, written before `later` in one function, can run before it on some path: not when the two sit
 * in the two branches of one `if` or `?:`, or in two cases of a `switch` whose earlier case ends with a jump
 * (`if (linked) { await tracer.acreateSession(…) } else { tracer.createSession(…) }`), nor when a `return` or
 * `throw` after `earlier` in a block that holds it ends its path first (`if (!ok) { await reply.send(); return; }`).
 */
function runsOnAPathTo(earlier: TSESTree.Node, later: TSESTree.Node): boolean {
  const laterAncestors = new Set<TSESTree.Node>();
  for (let node: TSESTree.Node | undefined = later; node; node = node.parent) laterAncestors.add(node);
  let child: TSESTree.Node = earlier;
  while (child.parent && !laterAncestors.has(child.parent)) {
    if (exitsAfter(child)) {
      // `try { await x; return; } catch {}`: a rejection of `earlier` leaves the try through its catch, and on from there.
      const caught = catchAround(child, laterAncestors);
      return caught !== undefined && runsOnAPathTo(caught.body, later);
    }
    child = child.parent;
  }
  const common = child.parent;
  if (!common) return true;
  let laterChild: TSESTree.Node = later;
  while (laterChild.parent && laterChild.parent !== common) laterChild = laterChild.parent;
  switch (common.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return !(child === common.consequent && laterChild === common.alternate);
    case AST_NODE_TYPES.SwitchStatement: {
      const last = child.type === AST_NODE_TYPES.SwitchCase ? child.consequent.at(-1) : undefined;
      return !(child !== laterChild && last !== undefined && JUMPS.has(last.type));
    }
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.SwitchCase: {
      const body: readonly TSESTree.Node[] = common.type === AST_NODE_TYPES.BlockStatement ? common.body : common.consequent;
      const between = body.slice(body.indexOf(child) + 1, body.indexOf(laterChild));
      return !between.some((statement) => EXITS.has(statement.type));
    }
    default:
      return true;
  }
}

/** `statement` is followed, in the block or case that holds it, by one of `exits` (a `return` or `throw`). */
function exitsAfter(statement: TSESTree.Node, exits: ReadonlySet<string> = EXITS): boolean {
  const holder = statement.parent;
  const body: readonly TSESTree.Node[] | undefined =
    holder?.type === AST_NODE_TYPES.BlockStatement ? holder.body : holder?.type === AST_NODE_TYPES.SwitchCase ? holder.consequent : undefined;
  return body !== undefined && body.slice(body.indexOf(statement) + 1).some((next) => exits.has(next.type));
}

/**
 * The catch clause a throw at `node` goes to, of the nearest `try` around it that holds nothing of `laterAncestors`
 * (the catch then runs before what they lead to), when its body does not end that path itself (`catch { return; }`).
 */
function catchAround(node: TSESTree.Node, laterAncestors: ReadonlySet<TSESTree.Node>): TSESTree.CatchClause | undefined {
  for (let child = node, parent = node.parent; parent && !laterAncestors.has(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== child || !parent.handler) continue;
    return parent.handler.body.body.some((statement) => EXITS.has(statement.type)) ? undefined : parent.handler;
  }
  return undefined;
}

/**
 * The middleware's own `await next()` (its `next` parameter, called in its body, not in a nested
 * function) that runs before `call`, when the framework's `next()` settles only after the handler ran
 * (`awaitedNextRunsHandler`). A `next` the middleware does not await (Express) returns nothing to wait for.
 */
function awaitedNextBefore(
  input: AnalysisInput,
  spec: BeforeHandlerCallback,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  bindings: Bindings,
): { next: string; nextAwait: TSESTree.AwaitExpression } | undefined {
  if (!spec.awaitedNextRunsHandler || !fn.async) return undefined;
  const position = spec.nextParameterByArity?.[fn.params.length];
  const parameter = position === undefined ? undefined : fn.params[position];
  const variable = parameter?.type === AST_NODE_TYPES.Identifier ? bindings.variableOf(parameter) : undefined;
  for (const reference of variable?.references ?? []) {
    const identifier = reference.identifier;
    const nextCall = identifier.parent;
    const awaited = nextCall?.parent;
    if (nextCall?.type !== AST_NODE_TYPES.CallExpression || nextCall.callee !== identifier || awaited?.type !== AST_NODE_TYPES.AwaitExpression) continue;
    if (enclosingFunction(awaited) !== fn || contains(awaited, call)) continue;
    if ((awaited.range[1] <= call.range[0] && runsOnAPathTo(awaited, call)) || loopsBackTo(awaited, call, fn)) return { next: identifier.name, nextAwait: awaited };
  }
  return undefined;
}

/** The callback of the handler that holds `call`, when it is handed to a call that runs it later. */
function deferredCallbackAround(
  call: TSESTree.CallExpression,
  handlerFunction: FunctionNode,
  bindings: Bindings,
): { callback: FunctionNode; by: string } | undefined {
  let callback = enclosingFunction(call);
  while (callback && enclosingFunction(callback) !== handlerFunction) callback = enclosingFunction(callback);
  const deferring = callback?.parent;
  if (!callback || deferring?.type !== AST_NODE_TYPES.CallExpression || !deferring.arguments.some((argument) => argument === callback)) return undefined;
  const callee = deferring.callee;
  if (callee.type === AST_NODE_TYPES.Identifier && DEFERRING_GLOBALS.has(callee.name) && bindings.isGlobal(callee)) return { callback, by: callee.name };
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method !== undefined && DEFERRING_METHODS.has(method)) return { callback, by: `.${method}()` };
  const isProcess = callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "process" && bindings.isGlobal(callee.object);
  return isProcess && method === "nextTick" ? { callback, by: "process.nextTick" } : undefined;
}

/**
 * The name of the handler's `next` parameter when the handler calls it itself (not from a nested
 * function) and `callback` never mentions it: the rest of the request then runs outside the callback.
 */
function nextCalledOutside(spec: BeforeHandlerCallback, handlerFunction: FunctionNode, callback: FunctionNode, bindings: Bindings): string | undefined {
  const position = spec.nextParameterByArity?.[handlerFunction.params.length];
  const parameter = position === undefined ? undefined : handlerFunction.params[position];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = bindings.variableOf(parameter);
  if (!variable) return undefined;
  const references = variable.references.map((reference: Scope.Reference) => reference.identifier);
  if (references.some((identifier) => contains(callback, identifier))) return undefined;
  const calledHere = references.some(
    (identifier) =>
      identifier.parent?.type === AST_NODE_TYPES.CallExpression && identifier.parent.callee === identifier && enclosingFunction(identifier) === handlerFunction,
  );
  return calledHere ? parameter.name : undefined;
}
