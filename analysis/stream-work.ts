// The work of a handler that runs while its streamed response streams, after the handler has returned: the
// callbacks of the stream sources in analysis/knowledge/streams.ts found on the handler's own path, and traced scopes
// it leaves running that write into a stream. analysis/flush.ts decides what they mean for the handler's flush (a
// flush on the handler's path runs before them; one at their end runs after them). Asked only for a serverless
// handler of a file past the flush rule's gates; the walk is of the handler's own nodes, with a text test first.
import type { TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { enclosingFunction, isFunctionNode, memberName, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { originName } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { STREAM_SOURCES, STREAM_WRITE_METHODS, type StreamResultCall } from "./knowledge/streams.js";
import type { ValueSpecifier } from "./knowledge/types.js";
import { nodesOfTypesWithin } from "./nodes.js";

export interface StreamTasks {
  /** The callbacks that run while the response streams (`start` of a `new ReadableStream`, Hono's `streamSSE` callback, `onFinish`). */
  readonly tasks: readonly FunctionNode[];
  /** Tasks that run inside a span by themselves (a traced scope left running that writes the stream). */
  readonly spanScopes: readonly FunctionNode[];
  /** A library call among the sources makes spans of its own while it streams (the AI SDK's telemetry turned on). */
  readonly libraryTraces: boolean;
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
  const callbacksOf = (options: TSESTree.Node | undefined, names: readonly string[]): FunctionNode[] => {
    const object = unwrapExpression(options);
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return object.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property && names.includes(staticName(property.key, property.computed) ?? "") ? bindings.functionsOf(property.value) : [],
    );
  };
  const matches = (callee: TSESTree.Node, value: ValueSpecifier): boolean => {
    const origin = bindings.originOf(callee);
    return origin !== undefined && !origin.typeOnly && [value.package].flat().includes(origin.module) && [value.name].flat().includes(originName(origin));
  };
  for (const node of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.CallExpression], fn.body)) {
    if (enclosingFunction(node) !== fn) continue;
    const callee = unwrapExpression(node.callee);
    if (!callee) continue;
    if (namesSource) {
      for (const source of STREAM_SOURCES) {
        if (source.kind === "constructor") {
          // The global constructor, not a binding of the file's own of that name.
          if (node.type !== AST_NODE_TYPES.NewExpression || callee.type !== AST_NODE_TYPES.Identifier || callee.name !== source.name) continue;
          if ((bindings.variableOf(callee)?.defs.length ?? 0) > 0) continue;
          tasks.push(...callbacksOf(node.arguments[source.argument], source.callbacks));
        } else if (node.type === AST_NODE_TYPES.CallExpression && matches(callee, source.value)) {
          if (source.kind === "callback-call") {
            tasks.push(...bindings.functionsOf(node.arguments[source.callback]));
          } else if (answersWithResult(input, fn, node, source)) {
            tasks.push(...callbacksOf(node.arguments[source.argument], source.callbacks));
            libraryTraces ||= telemetryOn(node.arguments[source.argument], source);
          }
        }
      }
    }
    // `void tracer.startSpan("generate", async () => { await writer.write(chunk); })`: left running, it writes the stream.
    if (namesWrite && node.type === AST_NODE_TYPES.CallExpression && isLeftRunning(node) && isSpanStart(node)) {
      for (const argument of node.arguments) {
        const callback = unwrapExpression(argument);
        if (isFunctionNode(callback) && writesStream(input, callback)) {
          tasks.push(callback);
          spanScopes.push(callback);
        }
      }
    }
  }
  return tasks.length > 0 || libraryTraces ? { tasks, spanScopes, libraryTraces } : undefined;
}

/** The call is a statement of its own (`call();`, `void call();`): its promise is neither awaited, returned nor kept. */
function isLeftRunning(call: TSESTree.CallExpression): boolean {
  let outer: TSESTree.Node = call;
  if (outer.parent?.type === AST_NODE_TYPES.UnaryExpression && outer.parent.operator === "void") outer = outer.parent;
  return outer.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** `callback` calls a stream's write method (`writer.write(…)`, `controller.enqueue(…)`, `stream.writeSSE(…)`). */
function writesStream(input: AnalysisInput, callback: FunctionNode): boolean {
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], callback.body).some((call) => {
    const callee = unwrapExpression(call.callee);
    return callee?.type === AST_NODE_TYPES.MemberExpression && STREAM_WRITE_METHODS.includes(memberName(callee) ?? "");
  });
}

/**
 * The handler answers with the result's stream: `streamText(…).toDataStreamResponse()`, or `result.<method>(…)` on
 * the const holding the call, on the handler's own path.
 */
function answersWithResult(input: AnalysisInput, fn: FunctionNode, call: TSESTree.CallExpression, source: StreamResultCall): boolean {
  const member = call.parent;
  if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === call) return source.responseMethods.includes(memberName(member) ?? "");
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = getAnalysisContext(input).bindings.variableOf(declarator.id);
  return (variable?.references ?? []).some(({ identifier }) => {
    const use = identifier.parent;
    return (
      use?.type === AST_NODE_TYPES.MemberExpression &&
      use.object === identifier &&
      source.responseMethods.includes(memberName(use) ?? "") &&
      use.parent?.type === AST_NODE_TYPES.CallExpression &&
      enclosingFunction(use) === fn
    );
  });
}

/** `<telemetryOption>: { isEnabled: true, … }` in the options object. */
function telemetryOn(options: TSESTree.Node | undefined, source: StreamResultCall): boolean {
  const object = unwrapExpression(options);
  if (source.telemetryOption === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return object.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || staticName(property.key, property.computed) !== source.telemetryOption) return false;
    const value = unwrapExpression(property.value);
    return (
      value?.type === AST_NODE_TYPES.ObjectExpression &&
      value.properties.some(
        (inner) => inner.type === AST_NODE_TYPES.Property && staticName(inner.key, inner.computed) === "isEnabled" && inner.value.type === AST_NODE_TYPES.Literal && inner.value.value === true,
      )
    );
  });
}
