// 1.x → this SDK: flushing. `tracer.flush()` is OpenTelemetry's `forceFlush()` here. 1.x's static
// `HoneyHiveTracer.flush()` flushed the one global pipeline; here each tracer owns its pipeline, so it
// becomes the tracer's `forceFlush()` when exactly one tracer can be written there, else a marker
// (guessing a tracer could leave the one that holds the spans unflushed). A `.tracer.flush()` on another
// module's object whose facts do not say what it holds gets a marker too (`flush` is also a logger's).
import { DISCARDED_INIT_NAME, discardedInit, flushesBeyondHolderFacts, isImportedHoldersOwnFunction, isInitPromiseValue, soleTracerAt, staticCalls, tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { FLUSH_MEMBERS_1X, FLUSH_STATICS_1X, OWN_MEMBERS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { isTypeScriptInput } from "../../../analysis/input.js";
import { awaitedPromiseAllElement, getSdkModel, thisClass } from "../../../analysis/sdk-model.js";
import { findVariable, globalSlotOf, isFunctionNode, memberName, staticName, unwrapExpression } from "../../../analysis/ast.js";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { LineMarkers, receiverOfAnotherLibrary, renameMember } from "./shared.js";

export const meta = transformMeta("1x-flush");

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  const markers = new LineMarkers(text);
  collectFlushes(input, edits, text, sdk, markers);
  markers.write(edits);
}

function collectFlushes(input: TransformContext["file"]["input"], edits: TransformContext["edits"], text: string, sdk: ReturnType<typeof getSdkModel>, markers: LineMarkers): void {
  for (const { call } of flushesBeyondHolderFacts(input, FLUSH_MEMBERS_1X)) markers.add(call, MESSAGES_1X.flushBeyondFacts);
  if (!uses1xSdk(input)) {
    // A file that imports nothing of the SDK but calls 1.x wrappers on a receiver the model does not follow
    // (`globalThis.honeyhive` typed by another module's `declare global`): 1x-trace-wrappers marks those,
    // so the flush beside them is marked too, not left a silent TS2339 (blind-1x-3 D6).
    if (WRAPPER_AND_FLUSH_CALLS.every((call) => call.test(text))) markFlushesOfWrapperReceivers(input, markers, new Set());
    return;
  }
  const typed = isTypeScriptInput(input);
  const flushes = tracerMethodCalls(input, FLUSH_MEMBERS_1X);
  for (const { call, callee } of flushes) {
    renameMember(edits, text, callee, "forceFlush");
    if (typed && valueIsUsed(call)) edits.insertAfter(call, VOID_RESULT);
  }
  markFlushesOfWrapperReceivers(input, markers, new Set(flushes.map(({ call }) => call)));
  const discarded = discardedInit(input);
  for (const { call, callee } of staticCalls(input, FLUSH_STATICS_1X)) {
    const tracer = soleTracerAt(input, call) ?? namedByInit(input, discarded, call);
    if (tracer === undefined) markers.add(call, MESSAGES_1X.staticFlush);
    else {
      edits.replace(callee, `${tracer}.forceFlush`);
      if (typed && valueIsUsed(call)) edits.insertAfter(call, VOID_RESULT);
    }
  }
  // `HoneyHiveTracer.flushPromise`: the static flush's internal promise.
  for (const member of nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression)) {
    if (memberName(member) === "flushPromise" && sdk.sdkExportOf(member.object) === "HoneyHiveTracer") markers.add(member, MESSAGES_1X.flushPromise);
  }
}

/**
 * The tracer 1x-init names for the README's `await HoneyHiveTracer.init({…});` statement (`const tracer =
 * …`, `discardedInit`), where a static flush can reach it and no other tracer is in scope: after that
 * statement, or in a function (run later). Without this the first run marked the flush and a second run,
 * seeing the const, rewrote it.
 */
function namedByInit(input: TransformContext["file"]["input"], init: TSESTree.CallExpression | undefined, call: TSESTree.CallExpression): string | undefined {
  if (!init || getSdkModel(input).tracersInScopeAt(call).length > 0) return undefined;
  let inFunction = false;
  for (let node: TSESTree.Node | undefined = call.parent; node && !inFunction; node = node.parent) inFunction = isFunctionNode(node);
  return inFunction || call.range[0] > init.range[1] ? DISCARDED_INIT_NAME : undefined;
}

/** A 1.x wrapper's call and a flush's in the text: the cheap test before the walk of a file without the SDK. */
const WRAPPER_AND_FLUSH_CALLS = [OWN_MEMBERS_1X, FLUSH_MEMBERS_1X].map((names) => new RegExp(`\\.(?:${[...names].join("|")})\\s*\\(`));

/**
 * `a.flush()` where the model cannot tell `a` is a tracer but the same binding's `a.traceModel(…)` shows it
 * is 1.x's (`const [a, b] = await Promise.all([HoneyHiveTracer.init(…), …])`): a marker, as the wrapper
 * call gets one. `flush` alone is every logger's name, so a receiver without such a use stays unmarked.
 */
function markFlushesOfWrapperReceivers(input: TransformContext["file"]["input"], markers: LineMarkers, resolved: ReadonlySet<TSESTree.CallExpression>): void {
  const sdk = getSdkModel(input);
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (resolved.has(call) || callee.type !== AST_NODE_TYPES.MemberExpression || !FLUSH_MEMBERS_1X.has(memberName(callee) ?? "")) continue;
    if (untypedParameterProperty(callee.object)) {
      markers.add(call, MESSAGES_1X.flushOfUntypedParameter);
      continue;
    }
    const inherited = inheritedTracerMember(sdk, input.text, callee.object);
    if (inherited) {
      markers.add(call, MESSAGES_1X.flushOfInheritedMember(inherited));
      continue;
    }
    // `globalThis.hhTracer.flush()` where the same slot also gets `globalThis.hhTracer.traceTool(…)` (a test file
    // beside a Jest setup file that keeps the tracer on the global object: blind-1x-7 shape 13).
    const slot = globalSlotOf(input.scopeManager, unwrapExpression(callee.object) ?? callee.object);
    if (slot !== undefined) {
      if (globalSlotCalledWith1xMember(input, slot)) markers.add(call, MESSAGES_1X.flushOfWrapperReceiver);
      continue;
    }
    // `res.locals.tracer.flush()` where the file writes `res.locals.tracer = await HoneyHiveTracer.init(…)` (in a
    // middleware, its `res` another parameter than the route's): the same member path is assigned a 1.x tracer.
    const path = memberPathAfterRoot(callee.object);
    if (path !== undefined && initAssignedPaths(input).has(path)) {
      markers.add(call, MESSAGES_1X.flushOfInitAssignedMember(path));
      continue;
    }
    if (callee.object.type !== AST_NODE_TYPES.Identifier) continue;
    // A factory's object with helpers of its own named like the tracer's (its module's facts say so) is no tracer.
    if (isImportedHoldersOwnFunction(input, callee)) continue;
    // Another library's object, or the project's own module's that provably loads nothing of HoneyHive (`await Tracer.init()` of ./my-tracer).
    if (receiverOfAnotherLibrary(input, callee)) continue;
    // The scope manager's own lookup where the SDK model resolves nothing (a file that does not import the SDK).
    const variable = sdk.variableOf(callee.object) ?? findVariable(input.scopeManager, callee.object, callee.object.name) ?? undefined;
    const references = variable?.references ?? [];
    const usedAs1xTracer = references.some(({ identifier }) => {
      const member = identifier.parent;
      return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && OWN_MEMBERS_1X.has(memberName(member) ?? "") && !isImportedHoldersOwnFunction(input, member);
    });
    // The Promise.all's marker names where the tracer comes from: the one marker when both apply.
    if (heldFromPromiseAllOfInit(input, variable)) markers.add(call, MESSAGES_1X.flushOfPromiseAllElement);
    else if (usedAs1xTracer) markers.add(call, MESSAGES_1X.flushOfWrapperReceiver);
  }
}

/** `a.b.c` → `b.c`: the names after the root of a member chain of plain names (undefined for any other receiver). */
function memberPathAfterRoot(node: TSESTree.Node): string | undefined {
  const names: string[] = [];
  let current = unwrapExpression(node) ?? node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = current.computed ? undefined : memberName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrapExpression(current.object) ?? current.object;
  }
  return names.length > 0 && (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) ? names.join(".") : undefined;
}

/** The member paths (`locals.tracer`) the file assigns a 1.x `HoneyHiveTracer.init(…)` to, awaited or not. */
function initAssignedPaths(input: TransformContext["file"]["input"]): ReadonlySet<string> {
  const sdk = getSdkModel(input);
  const paths = new Set<string>();
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const right = unwrapExpression(assignment.right) ?? assignment.right;
    const value = right.type === AST_NODE_TYPES.AwaitExpression ? (unwrapExpression(right.argument) ?? right.argument) : right;
    if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(value.callee) !== "init") continue;
    if (sdk.sdkExportOf(value.callee.object) !== "HoneyHiveTracer") continue;
    const path = memberPathAfterRoot(assignment.left);
    if (path !== undefined) paths.add(path);
  }
  return paths;
}

/** Whether the file calls a 1.x-only tracer method (`traceTool`, `traceFunction`, …) on global slot `slot` (`globalThis.<slot>.traceTool(…)`). */
function globalSlotCalledWith1xMember(input: TransformContext["file"]["input"], slot: string): boolean {
  return nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression).some((member) => {
    const object = unwrapExpression(member.object);
    return OWN_MEMBERS_1X.has(memberName(member) ?? "") && object !== undefined && globalSlotOf(input.scopeManager, object) === slot;
  });
}

/**
 * `this.tracer` where the class declares `constructor(private readonly tracer)` with no type and no default
 * (a tracer handed in by whoever constructs it, in 1.x code awaited there), or JavaScript's form of it,
 * `constructor(tracer) { this.tracer = tracer; }` (a CommonJS class), named like a tracer: the model
 * cannot tell what it holds, and `flush` is every logger's name too, so a marker rather than a rewrite.
 */
function untypedParameterProperty(receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.object.type !== AST_NODE_TYPES.ThisExpression || !/tracer/i.test(memberName(receiver) ?? "")) return false;
  const name = memberName(receiver);
  const constructor = thisClass(receiver)?.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor");
  if (constructor?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  const untyped = (parameter: TSESTree.Parameter, named: (identifier: TSESTree.Identifier) => boolean) =>
    parameter.type === AST_NODE_TYPES.Identifier && !parameter.typeAnnotation && named(parameter);
  if (constructor.value.params.some((parameter) => parameter.type === AST_NODE_TYPES.TSParameterProperty && untyped(parameter.parameter, (identifier) => identifier.name === name))) return true;
  // `this.tracer = tracer` as a statement of the constructor's body, from an untyped parameter.
  return (constructor.value.body?.body ?? []).some((statement) => {
    const assigned = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (assigned?.type !== AST_NODE_TYPES.AssignmentExpression || assigned.operator !== "=" || assigned.left.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (assigned.left.object.type !== AST_NODE_TYPES.ThisExpression || memberName(assigned.left) !== name || assigned.right.type !== AST_NODE_TYPES.Identifier) return false;
    const source = assigned.right.name;
    return constructor.value.params.some((parameter) => untyped(parameter, (identifier) => identifier.name === source));
  });
}

/**
 * `this.tracer` (or `await this.tracer`) in a class that inherits the member from a class of this file that
 * holds a tracer there (`class Base { constructor(protected tracer = HoneyHiveTracer.init(…)) {} }`,
 * `class Sub extends Base { … (await this.tracer).flush() }`, or a member typed `Promise<HoneyHiveTracer>`):
 * the model reads a class's own members only, so
 * the flush was left as 1.x's, which this SDK's tracer does not have. The class holding it, or undefined;
 * the subclass may reassign the member, so a marker rather than a rewrite.
 */
function inheritedTracerMember(sdk: ReturnType<typeof getSdkModel>, text: string, receiver: TSESTree.Node): string | undefined {
  const member = unwrapExpression(receiver.type === AST_NODE_TYPES.AwaitExpression ? receiver.argument : receiver);
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(member);
  const own = thisClass(member);
  if (name === undefined || !own || declaresMember(own, name)) return undefined;
  let base = own.superClass;
  for (let depth = 0; depth < 8 && base?.type === AST_NODE_TYPES.Identifier; depth++) {
    const owner = sdk.variableOf(base)?.defs[0];
    if (owner?.type !== "ClassName" || (owner.node.type !== AST_NODE_TYPES.ClassDeclaration && owner.node.type !== AST_NODE_TYPES.ClassExpression)) return undefined;
    const holder = owner.node;
    if (sdk.tracers.some((tracer) => tracer.kind === "member" && tracer.name === name && tracer.ownerClass === holder)) return holder.id?.name ?? base.name;
    const declared = declaresMember(holder, name);
    // `protected tracer: Promise<HoneyHiveTracer>` (1.x's init promise, which the model does not count as a tracer member).
    if (declared) return declared !== true && TRACER_PROMISE_TYPE.test(text.slice(...declared.range)) ? (holder.id?.name ?? base.name) : undefined;
    base = holder.superClass;
  }
  return undefined;
}

/** `Promise<HoneyHiveTracer>` as a member's written type. */
const TRACER_PROMISE_TYPE = /^Promise\s*<\s*HoneyHiveTracer\s*>$/;

/**
 * The class declares `name` itself (a field, an accessor or method, or a constructor parameter property):
 * the type it writes for a field or parameter property, `true` for one without, undefined where it does not.
 */
function declaresMember(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): TSESTree.TypeNode | true | undefined {
  for (const element of owner.body.body) {
    if ((element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.MethodDefinition) && !element.static && staticName(element.key, element.computed) === name) {
      return (element.type === AST_NODE_TYPES.PropertyDefinition && element.typeAnnotation?.typeAnnotation) || true;
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== "constructor") continue;
    for (const parameter of element.value.params) {
      if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const declared = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
      if (declared.type === AST_NODE_TYPES.Identifier && declared.name === name) return declared.typeAnnotation?.typeAnnotation ?? true;
    }
  }
  return undefined;
}

/**
 * A binding destructured from a `Promise.all([…])` that runs a 1.x init (`const [a, b] = await
 * Promise.all([HoneyHiveTracer.init(…), …])`, `Promise.all([…]).then(([a]) => …)`): the model does not
 * follow a tracer into an array, so its `.flush()` gets a marker rather than staying 1.x silently.
 */
function heldFromPromiseAllOfInit(input: TransformContext["file"]["input"], variable: Scope.Variable | undefined): boolean {
  const def = variable?.defs[0];
  if (def?.name.parent?.type !== AST_NODE_TYPES.ArrayPattern) return false;
  const inits = new Set<TSESTree.Node>(staticCalls(input, INIT_STATICS_1X).map(({ call }) => call));
  const isInit = (element: TSESTree.Node) => inits.has(unwrapExpression(element) ?? element) || isInitPromiseValue(input, element);
  let all: TSESTree.Node | undefined;
  if (def.type === "Variable") {
    // The element at the name's own index (`const [logger, tracer] = await Promise.all([makeLogger(), init(…)])`).
    const element = awaitedPromiseAllElement(input.scopeManager, def.name);
    return element !== undefined && isInit(element);
  } else if (def.type === "Parameter") {
    const then = def.node.parent;
    if (then?.type === AST_NODE_TYPES.CallExpression && then.arguments[0] === def.node && then.callee.type === AST_NODE_TYPES.MemberExpression && memberName(then.callee) === "then") all = unwrapExpression(then.callee.object);
  }
  if (all?.type !== AST_NODE_TYPES.CallExpression || memberName(all.callee) !== "all" || all.arguments[0]?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  // An init, awaited inside or not, or a getter of its promise (`Promise.all([getTracer(), other()])`).
  return all.arguments[0].elements.some((element) => element !== null && isInit(element));
}

/** 1.x's static constructors of a tracer. */
const INIT_STATICS_1X: ReadonlySet<string> = new Set(["init", "initFromSessionId"]);

/** 1.x's flush() resolved to nothing; forceFlush() resolves to whether the spans were delivered. */
const VOID_RESULT = ".then(() => {})";

/**
 * Whether the flush's promise (or what it resolves to) is used as a value: returned (`close():
 * Promise<void> { return tracer.flush(); }`, `() => tracer.flush()` passed where `() => Promise<void>` is
 * declared), assigned, passed, put in an object. 1.x typed it `Promise<void>`, which `Promise<boolean>`
 * is not assignable to, and whether a declared type is in play is often in another file (an interface, a
 * callback parameter's type), so every used value gets `.then(() => {})`: it resolves to what 1.x did.
 * Not used: a statement of its own (also awaited, `void`), a `.then()` callback that takes no argument;
 * followed through `?.`, `as`, `!`, `.catch()`/`.finally()`.
 */
function valueIsUsed(call: TSESTree.CallExpression): boolean {
  let value: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = value.parent;
    if (!parent) return false;
    if (
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression
    ) {
      value = parent;
      continue;
    }
    // `.catch()` / `.finally()` keep the promise's value type.
    if (isCalledMember(value, "catch") || isCalledMember(value, "finally")) {
      value = value.parent!.parent!;
      continue;
    }
    if (isCalledMember(value, "then")) {
      const callback = (value.parent!.parent as TSESTree.CallExpression).arguments[0];
      return !(callback && isFunctionNode(callback) && callback.params.length === 0);
    }
    // `ts.forEach((t) => t.flush())`, `process.on("exit", () => tracer.flush())`: a callback whose value is dropped.
    const caller: TSESTree.CallExpression | undefined = parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value ? callPassed(parent) : undefined;
    const method: string | undefined = caller && memberName(caller.callee);
    if (method !== undefined && DROPPING_CALLBACK_VALUE.has(method)) return false;
    // `p.then(() => tracer.flush())`: the callback's value is the chain's, used as that call is (`void p.then(…)`: not).
    if (method === "then" || method === "catch") {
      value = caller!;
      continue;
    }
    // `await Promise.all(ts.map((t) => t.flush()))`: as used as the Promise.all() is.
    const all: TSESTree.CallExpression | undefined = method === "map" ? callPassed(caller!) : undefined;
    if (all && ["all", "allSettled"].includes(memberName(all.callee) ?? "")) {
      value = all;
      continue;
    }
    // `await Promise.all([a.flush(), b.flush()])`: as used as the Promise.all() is.
    const listed: TSESTree.CallExpression | undefined = parent.type === AST_NODE_TYPES.ArrayExpression ? callPassed(parent) : undefined;
    if (listed && ["all", "allSettled"].includes(memberName(listed.callee) ?? "")) {
      value = listed;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
    return !(parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "void");
  }
}

/** Methods that call a callback and drop what it returns (array iteration, event listeners, a promise's `finally`). */
const DROPPING_CALLBACK_VALUE: ReadonlySet<string> = new Set(["forEach", "on", "once", "addListener", "prependListener", "finally"]);

/** The call `node` is an argument of, if any. */
function callPassed(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument) ? parent : undefined;
}

/** `value.<name>(…)`. */
function isCalledMember(value: TSESTree.Node, name: string): boolean {
  const member = value.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === value && memberName(member) === name && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

export const flush1x: CodemodTransform = { meta, collect };

