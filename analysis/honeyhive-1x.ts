// Recognizing honeyhive 1.x usage for the `1.x` transform set of `migrate --from 1`: calls of a
// tracer's 1.x methods, of `HoneyHiveTracer`'s statics and of the package's free functions, all
// through the SDK model's bindings (a local `traceModel` or another library's `flush` is not 1.x).
// What each name becomes is data (knowledge/sdks/honeyhive-1x.ts); this module only finds the calls.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, memberName, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { OPTIONS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import type { Option1xEntry } from "./knowledge/sdks/types.js";
import { nodesOfType } from "./nodes.js";
import { getSdkModel } from "./sdk-model.js";

/** A call whose callee is `<object>.<name>(…)`. */
export interface MemberCall {
  readonly call: TSESTree.CallExpression;
  readonly callee: TSESTree.MemberExpression;
  readonly name: string;
}

function memberCalls(input: AnalysisInput, names: ReadonlySet<string>, accept: (object: TSESTree.Expression) => boolean): MemberCall[] {
  if (!getSdkModel(input).usesSdk) return [];
  const found: MemberCall[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(callee);
    if (name !== undefined && names.has(name) && accept(callee.object)) found.push({ call, callee, name });
  }
  return found;
}

/** `tracer.<name>(…)` on a HoneyHive tracer (initialized here, a getter's, imported from a project module). */
export function tracerMethodCalls(input: AnalysisInput, names: ReadonlySet<string>): MemberCall[] {
  const sdk = getSdkModel(input);
  return memberCalls(input, names, (object) => sdk.tracerOf(object) !== undefined);
}

/** `HoneyHiveTracer.<name>(…)`, through any import style of the SDK's class. */
export function staticCalls(input: AnalysisInput, names: ReadonlySet<string>): MemberCall[] {
  const sdk = getSdkModel(input);
  return memberCalls(input, names, (object) => sdk.sdkExportOf(object) === "HoneyHiveTracer");
}

/** Calls of the package's free functions `names` (`traceModel(…)`, `hh.traceTool(…)`), with the name called. */
export function sdkFunctionCalls(input: AnalysisInput, names: ReadonlySet<string>): { readonly call: TSESTree.CallExpression; readonly name: string }[] {
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return [];
  const found: { call: TSESTree.CallExpression; name: string }[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const name = sdk.sdkExportOf(call.callee);
    if (name !== undefined && names.has(name)) found.push({ call, name });
  }
  return found;
}

/**
 * The one tracer whose reference can be written at `node` without review, as text (`tracer`,
 * `getTracer()`, `this.tracer`); undefined when there is none or several.
 */
export function soleTracerAt(input: AnalysisInput, node: TSESTree.Node): string | undefined {
  const texts = new Set(getSdkModel(input).tracersInScopeAt(node).filter((candidate) => candidate.safe).map((candidate) => candidate.text));
  return texts.size === 1 ? [...texts][0] : undefined;
}

/** The function `node` certainly is: a function expression, or an identifier declared as one in this file. */
export function knownFunctionOf(input: AnalysisInput, node: TSESTree.Node): FunctionNode | undefined {
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return expression;
  if (expression?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = getSdkModel(input).variableOf(expression);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === "FunctionName" && isFunctionNode(def.node)) return def.node;
  if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.kind !== "const") return undefined;
  const init = unwrapExpression(def.node.init);
  return isFunctionNode(init) ? init : undefined;
}

/** `fn` is certainly a function (see knownFunctionOf). */
export function isKnownFunction(input: AnalysisInput, node: TSESTree.Node): boolean {
  return knownFunctionOf(input, node) !== undefined;
}

/** The 1.x option `key` of call `of` (`HoneyHiveTracer.init`, `evaluate`, `traceFunction`…), from the data. */
export function option1x(of: string, key: string): Option1xEntry | undefined {
  return OPTIONS_1X.find((option) => option.of === of && option.key === key);
}

/** The properties of an object literal with a static key (spreads and computed keys are left alone). */
export function keyedProperties(object: TSESTree.ObjectExpression): { readonly property: TSESTree.Property; readonly key: string }[] {
  const result: { property: TSESTree.Property; key: string }[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== "init") continue;
    const key = staticName(property.key, property.computed);
    if (key !== undefined) result.push({ property, key });
  }
  return result;
}
