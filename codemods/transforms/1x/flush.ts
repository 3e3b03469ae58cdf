// 1.x → this SDK: flushing. `tracer.flush()` is OpenTelemetry's `forceFlush()` here. 1.x's static
// `HoneyHiveTracer.flush()` flushed the one global pipeline; here each tracer owns its pipeline, so it
// becomes the tracer's `forceFlush()` when exactly one tracer can be written there, else a marker
// (guessing a tracer could leave the one that holds the spans unflushed). A `.tracer.flush()` on another
// module's object whose facts do not say what it holds gets a marker too (`flush` is also a logger's).
import { flushesBeyondHolderFacts, isImportedHoldersOwnFunction, soleTracerAt, staticCalls, tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { FLUSH_MEMBERS_1X, FLUSH_STATICS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { enclosingFunction, memberName, type FunctionNode } from "../../../analysis/ast.js";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { renameMember } from "./shared.js";

export const meta = transformMeta("1x-flush");

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  for (const { call } of flushesBeyondHolderFacts(input, FLUSH_MEMBERS_1X)) addMarker(edits, text, call, MESSAGES_1X.flushBeyondFacts);
  if (!uses1xSdk(input)) return;
  const typed = /\.[cm]?tsx?$/i.test(input.filename);
  const flushes = tracerMethodCalls(input, FLUSH_MEMBERS_1X);
  for (const { call, callee } of flushes) {
    renameMember(edits, text, callee, "forceFlush");
    if (typed && returnedToADeclaredType(call)) edits.insertAfter(call, VOID_RESULT);
  }
  markFlushesOfWrapperReceivers(input, edits, text, new Set(flushes.map(({ call }) => call)));
  for (const { call, callee } of staticCalls(input, FLUSH_STATICS_1X)) {
    const tracer = soleTracerAt(input, call);
    if (tracer === undefined) addMarker(edits, text, call, MESSAGES_1X.staticFlush);
    else {
      edits.replace(callee, `${tracer}.forceFlush`);
      if (typed && returnedToADeclaredType(call)) edits.insertAfter(call, VOID_RESULT);
    }
  }
  // `HoneyHiveTracer.flushPromise`: the static flush's internal promise.
  for (const member of nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression)) {
    if (memberName(member) === "flushPromise" && sdk.sdkExportOf(member.object) === "HoneyHiveTracer") addMarker(edits, text, member, MESSAGES_1X.flushPromise);
  }
}

/** Tracer methods that only 1.x HoneyHive's tracer has (no logger or client names its methods so). */
const WRAPPER_MEMBERS_1X: ReadonlySet<string> = new Set(["traceFunction", "traceModel", "traceTool", "traceChain", "logModel"]);

/**
 * `a.flush()` where the model cannot tell `a` is a tracer but the same binding's `a.traceModel(…)` shows it
 * is 1.x's (`const [a, b] = await Promise.all([HoneyHiveTracer.init(…), …])`): a marker, as the wrapper
 * call gets one. `flush` alone is every logger's name, so a receiver without such a use stays unmarked.
 */
function markFlushesOfWrapperReceivers(input: TransformContext["file"]["input"], edits: TransformContext["edits"], text: string, resolved: ReadonlySet<TSESTree.CallExpression>): void {
  const sdk = getSdkModel(input);
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (resolved.has(call) || callee.type !== AST_NODE_TYPES.MemberExpression || !FLUSH_MEMBERS_1X.has(memberName(callee) ?? "") || callee.object.type !== AST_NODE_TYPES.Identifier) continue;
    // A factory's object with helpers of its own named like the tracer's (its module's facts say so) is no tracer.
    if (isImportedHoldersOwnFunction(input, callee)) continue;
    const references = sdk.variableOf(callee.object)?.references ?? [];
    const usedAs1xTracer = references.some(({ identifier }) => {
      const member = identifier.parent;
      return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && WRAPPER_MEMBERS_1X.has(memberName(member) ?? "") && !isImportedHoldersOwnFunction(input, member);
    });
    if (usedAs1xTracer) addMarker(edits, text, call, MESSAGES_1X.flushOfWrapperReceiver);
  }
}

/** 1.x's flush() resolved to nothing; forceFlush() resolves to whether the spans were delivered. */
const VOID_RESULT = ".then(() => {})";

/**
 * Whether the flush's promise is the value of a function whose return type is written, or of a variable
 * whose type is (`close(): Promise<void> { return tracer.flush(); }`, `(): Promise<void> =>
 * init().then(() => tracer.flush())`): 1.x typed it `Promise<void>`, which `Promise<boolean>` is not
 * assignable to. Followed through `await`, `.catch()`/`.finally()`, and `.then()` callbacks whose call is itself such a value.
 */
function returnedToADeclaredType(call: TSESTree.CallExpression): boolean {
  let value: TSESTree.Node = call;
  for (;;) {
    if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = value.parent;
    // `.catch()` / `.finally()` keep the promise's value type.
    while (isCalledMember(value, "catch") || isCalledMember(value, "finally")) value = value.parent!.parent!;
    const parent: TSESTree.Node | undefined = value.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === value && parent.id.typeAnnotation !== undefined;
    const fn: FunctionNode | undefined = parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value ? parent : undefined;
    if (!fn) return false;
    if (fn.returnType) return true;
    const then: TSESTree.Node | undefined = fn.parent;
    if (then?.type !== AST_NODE_TYPES.CallExpression || then.arguments[0] !== fn || then.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(then.callee) !== "then") return false;
    value = then;
  }
}

/** `value.<name>(…)`. */
function isCalledMember(value: TSESTree.Node, name: string): boolean {
  const member = value.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === value && memberName(member) === name && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

export const flush1x: CodemodTransform = { meta, collect };

