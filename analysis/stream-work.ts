// The work of a handler that runs while its streamed response streams, after the handler has returned: the
// callbacks of the stream sources in analysis/knowledge/streams.ts found on the handler's own path whose stream
// reaches the response (returned, or handed to a response: `STREAM_RESPONSES`; a stream the handler reads itself runs
// on its path), and traced scopes it leaves running that write into a stream. The handler's own path takes in the
// callback of a span it starts and returns or leaves running (`return tracer.startSpan("chat", async () => new
// Response(stream))`): that callback's code runs as the handler's. analysis/flush.ts decides what they mean for the handler's flush (a
// flush on the handler's path runs before them; one at their end runs after them). Asked only for a serverless
// handler of a file past the flush rule's gates; the walk is of the handler's own nodes, with a text test first.
import type { TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { enclosingFunction, findProperty, isFunctionNode, memberName, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { STREAM_RESPONSES, STREAM_SOURCES, STREAM_WRITE_METHODS, type StreamResultCall, type StreamSource } from "./knowledge/streams.js";
import type { ValueSpecifier } from "./knowledge/types.js";
import { deploymentOf } from "./deployment.js";
import { nodesOfTypesWithin } from "./nodes.js";
import { admitsVersionBefore } from "./telemetry-version.js";
import { originMatches } from "./value-specifier.js";

export interface StreamTasks {
  /** The callbacks that run while the response streams (`start` of a `new ReadableStream`, Hono's `streamSSE` callback, `onFinish`). */
  readonly tasks: readonly FunctionNode[];
  /** Tasks that run inside a span by themselves (a traced scope left running that writes the stream). */
  readonly spanScopes: readonly FunctionNode[];
  /** A library call among the sources makes spans of its own while it streams (the AI SDK's telemetry turned on). */
  readonly libraryTraces: boolean;
  /** The source each task of a stream source belongs to, and the node that makes that stream (a traced scope has none). */
  readonly origins: ReadonlyMap<FunctionNode, StreamOrigin>;
}

/** A stream source found on the handler's path: which table entry, the node making it, and which of its callbacks a task is. */
export interface StreamOrigin {
  readonly source: StreamSource;
  readonly made: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The callback's name in the options object; undefined for a source's one callback argument. */
  readonly callback: string | undefined;
}

/** The task `origin` tells of is the callback at whose end its stream's work ends (`StreamEnd.callback`: `onFinish`, `onEnd`). */
export function isStreamEnd(origin: StreamOrigin | undefined): boolean {
  const callback = origin?.source.end?.callback;
  if (origin?.source.end === undefined) return false;
  return typeof callback === "string" || callback === undefined ? origin.callback === callback : origin.callback !== undefined && callback.includes(origin.callback);
}

/** The names a handler must spell to hold a stream source (the cheap text test before the walk). */
const SOURCE_NAMES: readonly string[] = [
  ...new Set(
    STREAM_SOURCES.flatMap((source) => (source.kind === "constructor" ? [source.name] : [source.value.name].flat())),
  ),
];

/** The stream work of `fn` (its own path: not code in nested functions it does not hand to a stream); undefined when it has none. */
export function streamTasksOf(input: AnalysisInput, fn: FunctionNode, isSpanStart: (call: TSESTree.CallExpression) => boolean): StreamTasks | undefined {
  const [start, end] = fn.body.range;
  const body = input.text.slice(start, end);
  const namesSource = SOURCE_NAMES.some((name) => body.includes(name));
  const namesWrite = STREAM_WRITE_METHODS.some((name) => body.includes(`.${name}(`));
  if (!namesSource && !namesWrite) return undefined;
  const { bindings } = getAnalysisContext(input);
  const tasks: FunctionNode[] = [];
  const spanScopes: FunctionNode[] = [];
  let libraryTraces = false;
  const origins = new Map<FunctionNode, StreamOrigin>();
  const addCallbacks = (source: StreamSource, made: TSESTree.NewExpression | TSESTree.CallExpression, options: TSESTree.Node | undefined, names: readonly string[]): void => {
    // The options written inline or held in a const (`const options = { model, onFinish }; streamText(options)`).
    const object = bindings.objectOf(options);
    if (!object) return;
    for (const property of object.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? staticName(property.key, property.computed) : undefined;
      if (property.type !== AST_NODE_TYPES.Property || name === undefined || !names.includes(name)) continue;
      for (const task of bindings.functionsOf(property.value)) {
        tasks.push(task);
        origins.set(task, { source, made, callback: name });
      }
    }
  };
  const matches = (callee: TSESTree.Node, value: ValueSpecifier): boolean => {
    const origin = bindings.originOf(callee);
    return origin !== undefined && !origin.typeOnly && originMatches(origin, value);
  };
  const path = new HandlerPath(input, fn, isSpanStart);
  for (const node of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.CallExpression], fn.body)) {
    if (!path.runs(node)) continue;
    const callee = unwrapExpression(node.callee);
    if (!callee) continue;
    if (namesSource) {
      for (const source of STREAM_SOURCES) {
        if (source.kind === "constructor") {
          // The global constructor, not a binding of the file's own of that name.
          if (node.type !== AST_NODE_TYPES.NewExpression || callee.type !== AST_NODE_TYPES.Identifier || callee.name !== source.name) continue;
          if ((bindings.variableOf(callee)?.defs.length ?? 0) > 0) continue;
          if (path.reachesResponse(node)) addCallbacks(source, node, node.arguments[source.argument], source.callbacks);
        } else if (node.type === AST_NODE_TYPES.CallExpression && matches(callee, source.value)) {
          if (source.kind === "callback-call") {
            if (!path.reachesResponse(node)) continue;
            for (const task of bindings.functionsOf(node.arguments[source.callback])) {
              tasks.push(task);
              origins.set(task, { source, made: node, callback: undefined });
            }
          } else if (answersWithResult(input, path, node, source)) {
            addCallbacks(source, node, node.arguments[source.argument], source.callbacks);
            libraryTraces ||= telemetryOn(input, node.arguments[source.argument], source);
          }
        }
      }
    }
    // `void tracer.startSpan("generate", async () => { await writer.write(chunk); })`: left running, it writes the stream.
    if (namesWrite && node.type === AST_NODE_TYPES.CallExpression && isLeftRunning(node) && isSpanStart(node)) {
      for (const argument of node.arguments) {
        const callback = unwrapExpression(argument);
        if (isFunctionNode(callback) && writesStream(input, callback, path)) {
          tasks.push(callback);
          spanScopes.push(callback);
        }
      }
    }
  }
  return tasks.length > 0 || libraryTraces ? { tasks, spanScopes, libraryTraces, origins } : undefined;
}

/** Promise methods whose call carries the promise on (`start().then(done)`): the chain settles after the call. */
const PROMISE_CHAIN_METHODS: readonly string[] = ["then", "catch", "finally"];

/** The outermost call of a `.then(…)` / `.catch(…)` / `.finally(…)` chain on `call` (`call` itself when there is none). */
function promiseChainOf(call: TSESTree.Node): TSESTree.Node {
  let outer = call;
  for (;;) {
    const member = outer.parent;
    const chained = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || !PROMISE_CHAIN_METHODS.includes(memberName(member) ?? "")) return outer;
    if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) return outer;
    outer = chained;
  }
}

/**
 * The call's promise (or a `.then(…)` chain on it) is a statement of its own (`call();`, `void call();`,
 * `call().then(close);`): neither awaited, returned nor kept.
 */
function isLeftRunning(call: TSESTree.CallExpression): boolean {
  let outer = promiseChainOf(call);
  if (outer.parent?.type === AST_NODE_TYPES.UnaryExpression && outer.parent.operator === "void") outer = outer.parent;
  return outer.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** The property of a stream pair that is its readable side (`TransformStream#readable`). */
const READABLE_SIDES: readonly string[] = ["readable"];

/** How many variables `reachesResponse` follows a stream through (`const body = stream.pipeThrough(t); return new Response(body)`). */
const MAX_HOLDERS = 4;

/** Nodes that pass their operand's value on unchanged. */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.LogicalExpression,
]);

/**
 * The code of a handler that runs on its own path: its body, and the callbacks of the spans it starts and whose
 * promise it returns or leaves running (`return tracer.startSpan("chat", async () => …)`, `tracer.trace(options,
 * async () => …)()`), which run as part of it; and where a value made there goes.
 */
class HandlerPath {
  constructor(
    private readonly input: AnalysisInput,
    private readonly fn: FunctionNode,
    private readonly isSpanStart: (call: TSESTree.CallExpression) => boolean,
  ) {}

  /** `node` runs on the handler's own path (not in a nested function it does not run as part of itself). */
  runs(node: TSESTree.Node): boolean {
    for (let owner = enclosingFunction(node); owner; ) {
      if (owner === this.fn) return true;
      const span = this.spanOf(owner);
      if (!span) return false;
      owner = enclosingFunction(span);
    }
    return false;
  }

  /**
   * The span start that runs `callback` as the handler's (its promise returned or left running): the call of which
   * it is an argument, or the call of the wrapper that call makes (`tracer.trace(options, cb)()`).
   */
  private spanOf(callback: FunctionNode): TSESTree.CallExpression | undefined {
    const made = callback.parent;
    if (made?.type !== AST_NODE_TYPES.CallExpression || !made.arguments.includes(callback as TSESTree.CallExpressionArgument)) return undefined;
    const invoked = made.parent?.type === AST_NODE_TYPES.CallExpression && made.parent.callee === made ? made.parent : made;
    if (!this.isSpanStart(invoked)) return undefined;
    return isLeftRunning(invoked) || this.returns(invoked) ? invoked : undefined;
  }

  /** The handler (or a span callback on its path) returns `node`'s value, possibly through a `.then(…)` chain. */
  private returns(node: TSESTree.Node): boolean {
    let value: TSESTree.Node = promiseChainOf(node);
    while (value.parent && PASS_THROUGH.has(value.parent.type)) value = value.parent;
    const parent = value.parent;
    const returned = parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value);
    if (!returned) return false;
    const owner = parent.type === AST_NODE_TYPES.ArrowFunctionExpression ? parent : enclosingFunction(parent);
    if (owner === this.fn) return true;
    const span = owner && this.spanOf(owner);
    return span !== undefined && this.returns(span);
  }

  /**
   * The stream `node` makes reaches the response: returned (by the handler, or by a span callback it returns), handed
   * to a response constructor that is, sent (`c.body(stream)`, `res.send(stream)`), carried on (`.pipeThrough(t)`),
   * or held in a variable one of whose uses does (`const { readable } = new TransformStream(…)`).
   */
  reachesResponse(node: TSESTree.Node, holders = 0): boolean {
    let value = node;
    for (;;) {
      const parent = value.parent;
      if (!parent) return false;
      if (PASS_THROUGH.has(parent.type) || (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value)) {
        value = parent;
        continue;
      }
      switch (parent.type) {
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return this.returns(value);
        case AST_NODE_TYPES.NewExpression:
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(parent.callee);
          if (parent.arguments[0] === value && this.isResponseConstructor(parent)) {
            value = parent;
            continue;
          }
          const method = memberName(callee);
          if (parent.arguments[0] === value && STREAM_RESPONSES.sendMethods.includes(method as never)) return true;
          // `source.pipeThrough(new TransformStream(…))`: the result streams what the transform passes on.
          if (parent.arguments.includes(value as TSESTree.CallExpressionArgument) && STREAM_RESPONSES.carryMethods.includes(method as never)) {
            value = parent;
            continue;
          }
          return false;
        }
        case AST_NODE_TYPES.MemberExpression: {
          // `new Response(stream.readable)`: the readable side of a TransformStream is the stream answered with.
          if (parent.object === value && READABLE_SIDES.includes(memberName(parent) ?? "")) {
            value = parent;
            continue;
          }
          const call = parent.parent;
          if (parent.object !== value || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
          if (!STREAM_RESPONSES.carryMethods.includes(memberName(parent) as never)) return false;
          value = call;
          continue;
        }
        case AST_NODE_TYPES.VariableDeclarator:
          return holders < MAX_HOLDERS && parent.init === value && this.heldReaches(parent.id, holders + 1);
        default:
          return false;
      }
    }
  }

  /** A use of the variable `id` declares (or of the `readable` an object pattern takes out of it) reaches the response. */
  private heldReaches(id: TSESTree.Node, holders: number): boolean {
    const { bindings } = getAnalysisContext(this.input);
    const names: TSESTree.Identifier[] = [];
    if (id.type === AST_NODE_TYPES.Identifier) names.push(id);
    else if (id.type === AST_NODE_TYPES.ObjectPattern) {
      // `const { readable, writable } = new TransformStream(…)`: the readable side is what is answered with.
      for (const property of id.properties) {
        if (property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) === "readable" && property.value.type === AST_NODE_TYPES.Identifier) names.push(property.value);
      }
    }
    return names.some((name) =>
      (bindings.variableOf(name)?.references ?? []).some(({ identifier }) => identifier !== name && this.runs(identifier) && this.reachesResponse(identifier, holders)),
    );
  }

  /** `new Response(…)`, or an export that extends it (`NextResponse`), called or constructed. */
  private isResponseConstructor(call: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    if (!callee) return false;
    const { bindings } = getAnalysisContext(this.input);
    if (callee.type === AST_NODE_TYPES.Identifier && (STREAM_RESPONSES.constructors.global as readonly string[]).includes(callee.name)) {
      return (bindings.variableOf(callee)?.defs.length ?? 0) === 0;
    }
    const origin = bindings.originOf(callee);
    return origin !== undefined && STREAM_RESPONSES.constructors.exports.some((value) => originMatches(origin, value));
  }
}

/**
 * `callback` calls a stream's write method (`writer.write(…)`, `controller.enqueue(…)`, `stream.writeSSE(…)`) on a
 * stream that may reach the response (`writeReaches`).
 */
function writesStream(input: AnalysisInput, callback: FunctionNode, path: HandlerPath): boolean {
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], callback.body).some((call) => {
    const callee = unwrapExpression(call.callee);
    return callee?.type === AST_NODE_TYPES.MemberExpression && STREAM_WRITE_METHODS.includes(memberName(callee) ?? "") && writeReaches(input, path, callee.object, 0);
  });
}

/** The method of a stream that hands out its writer (`writable.getWriter()`): the writer writes that stream. */
const WRITER_METHODS: readonly string[] = ["getWriter"];

/**
 * What `receiver` writes may reach the response: a parameter of the handler's (the response object, `res.write(…)`),
 * a stream the handler makes that reaches it (`const { readable, writable } = new TransformStream()` answered with
 * `readable`, through `writable.getWriter()` or `stream.writable`); not a stream made on the path that does not (a
 * file's `createWriteStream(…)`, a stream the handler reads itself). What it cannot follow, it takes to reach it.
 */
function writeReaches(input: AnalysisInput, path: HandlerPath, receiver: TSESTree.Node, depth: number): boolean {
  const value = unwrapExpression(receiver);
  if (!value || depth > MAX_HOLDERS) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression) return writeReaches(input, path, value.object, depth + 1);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(value.callee);
    return callee?.type === AST_NODE_TYPES.MemberExpression && WRITER_METHODS.includes(memberName(callee) ?? "") ? writeReaches(input, path, callee.object, depth + 1) : path.reachesResponse(value);
  }
  if (value.type === AST_NODE_TYPES.NewExpression) return path.reachesResponse(value);
  if (value.type !== AST_NODE_TYPES.Identifier) return true;
  const def = getAnalysisContext(input).bindings.variableOf(value)?.defs[0];
  if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init || !path.runs(def.node)) return true;
  const init = unwrapExpression(def.node.init);
  return !init || writeReaches(input, path, init, depth + 1);
}

/**
 * The handler answers with the result's stream: `streamText(…).toDataStreamResponse()` returned, `result.<method>(…)`
 * on the const holding the call returned, or a method that sends it (`result.pipeDataStreamToResponse(res)`) called,
 * on the handler's own path.
 */
function answersWithResult(input: AnalysisInput, path: HandlerPath, call: TSESTree.CallExpression, source: StreamResultCall): boolean {
  const answers = (member: TSESTree.Node | undefined): boolean => {
    const used = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || used?.type !== AST_NODE_TYPES.CallExpression || used.callee !== member || !path.runs(used)) return false;
    const method = memberName(member) ?? "";
    return source.sendMethods.includes(method) || (source.responseMethods.includes(method) && path.reachesResponse(used));
  };
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) return answers(parent);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = getAnalysisContext(input).bindings.variableOf(parent.id);
  return (variable?.references ?? []).some(({ identifier }) => identifier.parent?.type === AST_NODE_TYPES.MemberExpression && identifier.parent.object === identifier && answers(identifier.parent));
}

/**
 * The first of `telemetryOptions` in the options object may turn the library's own spans on. The AI SDK before 7.0
 * traces only when `isEnabled` is true: its `getTracer({ isEnabled = false, tracer })` returns the noop tracer otherwise,
 * and `tracer` only picks where the spans go (ai@6.0.99 src/telemetry/get-tracer.ts; `TelemetrySettings.isEnabled`:
 * "Disabled by default while experimental"); from 7.0 a call without `isEnabled` traces where an integration is
 * registered or given (`telemetryDefault`, knowledge/streams.ts). Off: no such option (or settings without `isEnabled`)
 * and no such default, or `isEnabled` a constant false (`false`, `undefined`, a `const` holding one). A value decided
 * at run time (`isEnabled: process.env.AI_TRACE === "1"`, a flag, settings built elsewhere or spread in) may be true:
 * on, since a flush in its callbacks would miss its spans.
 */
function telemetryOn(input: AnalysisInput, options: TSESTree.Node | undefined, source: StreamResultCall): boolean {
  const { bindings } = getAnalysisContext(input);
  const object = bindings.objectOf(options);
  if (!object) return false;
  const option = (source.telemetryOptions ?? []).map((key) => findProperty(object, key)).find((property) => property !== undefined);
  if (!option) return tracesByDefault(input, source, undefined);
  const settings = bindings.objectOf(option.value);
  if (!settings) return mayBeTruthy(input, option.value);
  const enabled = findProperty(settings, "isEnabled");
  // A spread after `isEnabled` (or anywhere, without one) may set it.
  if (settings.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement && (!enabled || property.range[0] > enabled.range[0]))) return true;
  return enabled === undefined ? tracesByDefault(input, source, settings) : mayBeTruthy(input, enabled.value);
}

/**
 * Settings without `isEnabled` (or none) trace by the library's default (`TelemetryDefault`): the project admits no
 * version before `since`, and the call is given integrations, or the nearest package.json declares an integration
 * package, or the file calls the register function.
 */
function tracesByDefault(input: AnalysisInput, source: StreamResultCall, settings: TSESTree.ObjectExpression | undefined): boolean {
  const byDefault = source.telemetryDefault;
  if (!byDefault) return false;
  if (admitsVersionBefore(input.filename, byDefault.since) === true) return false;
  if (settings && findProperty(settings, byDefault.integrationsKey)) return true;
  if (byDefault.integrationPackages.some((name) => deploymentOf(input.filename).dependencies.has(name))) return true;
  const names = [byDefault.register.name].flat();
  if (!names.some((name) => input.text.includes(name))) return false;
  const { bindings } = getAnalysisContext(input);
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], input.ast).some((call) => {
    const origin = bindings.originOf(call.callee);
    return origin !== undefined && !origin.typeOnly && originMatches(origin, byDefault.register);
  });
}

/** `node` is not a constant falsy value: a literal, `undefined`, or a never-reassigned name holding one (one step). */
function mayBeTruthy(input: AnalysisInput, node: TSESTree.Node): boolean {
  let value = unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.Identifier && value.name !== "undefined") value = unwrapExpression(getAnalysisContext(input).bindings.valueOf(value)) ?? value;
  if (value?.type === AST_NODE_TYPES.Identifier && value.name === "undefined") return false;
  return value?.type !== AST_NODE_TYPES.Literal || Boolean(value.value);
}
