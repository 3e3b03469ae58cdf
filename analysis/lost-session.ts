// Where `createSession()` runs in a per-request callback but its session cannot reach the handler's
// spans: they land in the tracer's startup session instead, shared by every such request (the seeds'
// "traces mixed up between requests"). `createSession()` attaches its session to the current async
// execution only, so it must run in the execution that goes on to the handler. Two shapes, each
// proven at run time (sdk/lost-session-context.test.ts, sdk/lost-session-frameworks.test.ts):
//
// - after an `await` in a hook whose promise the framework awaits before running the handler from its
//   own reaction (Fastify's onRequest/preParsing/preValidation/preHandler hooks);
// - in a callback that runs later (a timer, a promise reaction) while the middleware's `next()` (or a
//   hook's `done()`) is called outside that callback.
//
// Which callbacks run before the handler, which of them the framework awaits and where their `next`
// is, is each framework descriptor's `sessionFlow` data; this module knows no framework by name.
// Shared by the rule `no-lost-session-context` and the transform `lost-session-context`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, enclosingFunction, memberName, staticName, type FunctionNode } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import type { Bindings } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import { getHandlerModel, type RequestHandler } from "./handlers.js";
import type { AnalysisInput } from "./input.js";
import { frameworkById } from "./knowledge/index.js";
import type { BeforeHandlerCallback, FrameworkDescriptor } from "./knowledge/types.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { getSdkModel, type TracerDeclaration } from "./sdk-model.js";
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

const AWAIT_TYPES = [AST_NODE_TYPES.AwaitExpression, AST_NODE_TYPES.ForOfStatement] as const;

interface LostSessionBase {
  /** `tracer.createSession(…)` / `tracer.acreateSession(…)`. */
  readonly call: TSESTree.CallExpression;
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

export type LostSession = SessionAfterAwaitInHook | SessionInDeferredCallback;

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
  const calls: { call: TSESTree.CallExpression; method: string; tracer: TracerDeclaration }[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (method === undefined || !SESSION_CREATORS.has(method) || callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const tracer = sdk.tracerOf(callee.object);
    if (tracer && isHoneyhiveTracer(input, tracer)) calls.push({ call, method, tracer });
  }
  if (calls.length === 0) return [];
  const handlers = getHandlerModel(input);
  const { bindings } = getAnalysisContext(input);
  const found: LostSession[] = [];
  for (const { call, method, tracer } of calls) {
    const handler = handlers.enclosingHandler(call);
    if (handler?.kind !== "request") continue;
    const framework = frameworkById(handler.framework);
    const hook = framework && beforeHandlerCallbackOf(framework, handler, bindings);
    if (!framework || !hook) continue;
    const base = { call, method, tracer, handler, framework };
    if (enclosingFunction(call) === handler.function) {
      const firstAwait = hook.callback.awaitsPromise && handler.function.async ? firstAwaitBefore(input, handler.function, call) : undefined;
      if (firstAwait) found.push({ ...base, shape: "afterAwaitInHook", hook: hook.name, firstAwait });
      continue;
    }
    const deferred = deferredCallbackAround(call, handler.function, bindings);
    const next = deferred && nextCalledOutside(hook.callback, handler.function, deferred.callback, bindings);
    if (deferred && next) found.push({ ...base, shape: "inDeferredCallback", callback: deferred.callback, deferredBy: deferred.by, next });
  }
  return found;
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
      (node.range[1] <= call.range[0] || call.arguments.some((argument) => contains(argument, node))),
  );
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
