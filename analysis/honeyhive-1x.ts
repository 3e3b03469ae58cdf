// Recognizing honeyhive 1.x usage for the `1.x` transform set of `migrate --from 1`: calls of a
// tracer's 1.x methods, of `HoneyHiveTracer`'s statics and of the package's free functions, all
// through the SDK model's bindings (a local `traceModel` or another library's `flush` is not 1.x).
// What each name becomes is data (knowledge/sdks/honeyhive-1x.ts); this module only finds the calls.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { enclosingFunction, findVariable, isFunctionNode, memberName, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { originName } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { OPTIONS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import type { Option1xEntry } from "./knowledge/sdks/types.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { sdkBarrelOf, sdkOriginThroughBarrel } from "./sdk-barrels.js";
import { getSdkModel, thisClass } from "./sdk-model.js";
import { isSdkModule } from "./settings.js";

/** A call whose callee is `<object>.<name>(…)`. */
export interface MemberCall {
  readonly call: TSESTree.CallExpression;
  readonly callee: TSESTree.MemberExpression;
  readonly name: string;
}

/** Per file: it has an import declaration of the SDK or of a barrel of it (a type-only one counts). */
const importsSdkOrBarrelByFile = new WeakMap<TSESTree.Program, boolean>();

/**
 * The file uses the SDK (its model says so), or imports only types of it: `import type { HoneyHiveTracer }
 * from "honeyhive"` (or a barrel) for an interface's or a parameter's type, whose 1.x calls
 * (`deps.tracer.traceTool(fn)`) the 1.x transforms rewrite even though no SDK value is bound.
 */
export function uses1xSdk(input: AnalysisInput): boolean {
  if (getSdkModel(input).usesSdk) return true;
  let found = importsSdkOrBarrelByFile.get(input.ast);
  if (found === undefined) {
    found = input.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        (isSdkModule(statement.source.value, input.settings) || sdkBarrelOf(input, statement.source.value) !== undefined),
    );
    importsSdkOrBarrelByFile.set(input.ast, found);
  }
  return found;
}

function memberCalls(input: AnalysisInput, names: ReadonlySet<string>, accept: (object: TSESTree.Expression) => boolean): MemberCall[] {
  if (!uses1xSdk(input)) return [];
  const found: MemberCall[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(callee);
    if (name !== undefined && names.has(name) && accept(callee.object)) found.push({ call, callee, name });
  }
  return found;
}

/**
 * `tracer.<name>(…)` on a HoneyHive tracer (initialized here, a getter's, imported from a project
 * module), or on a value that can only be one (`isTracerValue1x`).
 */
export function tracerMethodCalls(input: AnalysisInput, names: ReadonlySet<string>): MemberCall[] {
  return memberCalls(input, names, (object) => isTracerValue1x(input, object));
}

/** How many steps (alias, call, `.then` callback) `isTracerValue1x` follows: the shapes 1.x code has need two or three. */
const MAX_TRACER_FLOW = 4;

/**
 * `node` evaluates to a HoneyHive tracer: the SDK model's tracers (`tracer`, `getTracer()`,
 * `this.tracer`, an imported one), and, in 1.x code, the one value a single tracer flows into:
 * - a `const` (or a `let` assigned once) initialized from one: `const tracer = this.tracer`,
 *   `const tracer = await tracerFor(project)`;
 * - the parameter of a `.then()` callback on a tracer's promise: `tracerPromise.then((t) => …)`,
 *   `Promise.resolve(p).then((t) => …)`, `HoneyHiveTracer.init(…).then((t) => …)`;
 * - a call of a function declared to return one (`function tracerFor(p): Promise<HoneyHiveTracer>`),
 *   awaited or not: `(await tracerFor(p)).traceModel(fn)`;
 * - a variable or parameter declared as one (`let t: HoneyHiveTracer | undefined`).
 * The rewrites of 1.x methods on such a value keep their receiver, so no tracer is chosen: each only
 * needs the receiver to be a HoneyHive tracer, which these shapes prove without a type checker.
 */
export function isTracerValue1x(input: AnalysisInput, node: TSESTree.Node): boolean {
  return tracerFlow(input, node, 0);
}

function tracerFlow(input: AnalysisInput, node: TSESTree.Node | null | undefined, depth: number): boolean {
  const sdk = getSdkModel(input);
  const expression = unwrapExpression(node);
  if (!expression) return false;
  if (sdk.tracerOf(expression) !== undefined || sdk.isTracerCreation(expression)) return true;
  if (depth >= MAX_TRACER_FLOW) return false;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // `Promise.resolve(p)` is p's promise; `f(…)` of a function declared to return a tracer (or its promise).
    if (isPromiseResolve(expression)) return tracerFlow(input, expression.arguments[0], depth + 1);
    const callee = unwrapExpression(expression.callee);
    // `tracers.get(key)` of a `Map<string, HoneyHiveTracer>`.
    if (callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "get" && expression.arguments.length === 1) {
      const collection = collectionOf(input, callee.object);
      if (collection?.kind === "map") return namesTracerType(input, collection.value);
    }
    const fn = callee?.type === AST_NODE_TYPES.Identifier ? knownFunctionOf(input, callee) : callee ? ownMethodOf(callee, "method") : undefined;
    return fn !== undefined && functionReturnsTracer(input, fn, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    // `this.current` of a getter of the class: `get current(): HoneyHiveTracer { … }`.
    const getter = ownMethodOf(expression, "get");
    if (getter) return functionReturnsTracer(input, getter, depth + 1);
    // `Registry.tracer` of `class Registry { static tracer: HoneyHiveTracer; … }`, `deps.tracer` of
    // `deps: Deps` with `interface Deps { tracer: HoneyHiveTracer }`, `this.deps.tracer`.
    if (namesTracerType(input, declaredTypeOf(input, expression, 0))) return true;
    // `tracers[key]` of a `Record<string, HoneyHiveTracer>`, `list[0]` of a `HoneyHiveTracer[]`.
    if (expression.computed) {
      const collection = collectionOf(input, expression.object);
      if (collection && collection.kind !== "map") return namesTracerType(input, collection.value);
    }
    // `observability.tracer` of `const observability = { tracer: await HoneyHiveTracer.init(…) }`.
    return tracerFlow(input, constObjectProperty(input, expression), depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sdk.variableOf(expression);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return false;
  if (def.name.type === AST_NODE_TYPES.Identifier && namesTracerType(input, def.name.typeAnnotation?.typeAnnotation ?? destructuredType(input, def.name, 0))) return true;
  if (def.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name) {
    // Written once, by its initializer: the variable holds that value wherever it is read.
    const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
    // `for (const t of tracers.values())`: an element of a collection of tracers.
    const loop = def.parent?.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === def.parent && !loop.await) return namesTracerType(input, elementTypeOf(input, loop.right));
    if (writes.length === 0) return tracerFlow(input, def.node.init, depth + 1);
    // `let tracer;` (or `= null`) assigned a tracer later, and only tracers: `HoneyHiveTracer.init(…).then((t) => { tracer = t; })`.
    // Read before that assignment it is empty, which the code has to handle (1.x's as this SDK's).
    const initial = unwrapExpression(def.node.init);
    const empty = initial === undefined || (initial.type === AST_NODE_TYPES.Literal && initial.value === null) || (initial.type === AST_NODE_TYPES.Identifier && initial.name === "undefined");
    return empty && writes.every((reference) => isPlainAssignment(reference.identifier) && tracerFlow(input, reference.writeExpr, depth + 1));
  }
  if (def.type === "Parameter" && isFunctionNode(def.node) && def.node.params[0] === def.name) {
    const call = def.node.parent;
    const method = call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === def.node ? unwrapExpression(call.callee) : undefined;
    if (method?.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(method);
    if (name === "then") return tracerFlow(input, method.object, depth + 1);
    // `Object.values(tracers).forEach((t) => …)`, `tracers.forEach((t) => …)` of a Map (its callback's first parameter is the value).
    if (name === undefined || !ELEMENT_CALLBACK_METHODS.has(name)) return false;
    const collection = name === "forEach" ? collectionOf(input, method.object) : undefined;
    return namesTracerType(input, collection?.kind === "map" ? collection.value : elementTypeOf(input, method.object));
  }
  return false;
}

/** Array (and Map/Set `forEach`) methods whose callback gets an element as its first parameter. */
const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set(["forEach", "map", "flatMap", "filter", "some", "every", "find", "findLast"]);

/** Global collection types by what a key look-up (`get`, `[key]`) and iteration give: a map's values, a list's elements, a record's values. */
const COLLECTION_TYPES: Readonly<Record<string, { readonly kind: Collection["kind"]; readonly arguments: number }>> = {
  Map: { kind: "map", arguments: 2 },
  ReadonlyMap: { kind: "map", arguments: 2 },
  WeakMap: { kind: "map", arguments: 2 },
  Set: { kind: "list", arguments: 1 },
  ReadonlySet: { kind: "list", arguments: 1 },
  Array: { kind: "list", arguments: 1 },
  ReadonlyArray: { kind: "list", arguments: 1 },
  Record: { kind: "record", arguments: 2 },
};

/**
 * A collection the file declares, and the type of what it holds: `Map<string, HoneyHiveTracer>` (`get`,
 * `values()`, `forEach`), `HoneyHiveTracer[]`/`Array<…>`/`Set<…>` (iteration, `[i]`), `Record<string,
 * HoneyHiveTracer>` or an index signature (`[key]`, `Object.values`).
 */
interface Collection {
  readonly kind: "map" | "list" | "record";
  readonly value: TSESTree.TypeNode;
}

/** The collection `node` is, by its declared type or, for a variable or field without one, its `new Map<…>()` initializer. */
function collectionOf(input: AnalysisInput, node: TSESTree.Node): Collection | undefined {
  const declared = declaredTypeOf(input, node, 0);
  if (declared) return collectionOfType(input, declared, 0);
  const init = unwrapExpression(initializerOf(input, node));
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier || !isGlobalType(input, init.callee)) return undefined;
  return collectionOfArguments(init.callee.name, init.typeArguments?.params);
}

function collectionOfArguments(name: string, params: readonly TSESTree.TypeNode[] | undefined): Collection | undefined {
  const known = COLLECTION_TYPES[name];
  const value = params?.length === known?.arguments ? params?.at(-1) : undefined;
  return known && value ? { kind: known.kind, value } : undefined;
}

function collectionOfType(input: AnalysisInput, type: TSESTree.TypeNode | undefined, depth: number): Collection | undefined {
  if (!type || depth >= MAX_TYPE_STEPS) return undefined;
  if (type.type === AST_NODE_TYPES.TSUnionType) return collectionOfType(input, nonNullishMember(type), depth + 1);
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.operator === "readonly") return collectionOfType(input, type.typeAnnotation, depth + 1);
  if (type.type === AST_NODE_TYPES.TSArrayType) return { kind: "list", value: type.elementType };
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return indexSignatureOf(type.members);
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (isGlobalType(input, type.typeName)) return collectionOfArguments(type.typeName.name, type.typeArguments?.params);
  const declared = type.typeArguments ? undefined : typeDeclarationOf(input, type.typeName);
  if (declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration) return indexSignatureOf(declared.body.body);
  if (declared?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && !declared.typeParameters) return collectionOfType(input, declared.typeAnnotation, depth + 1);
  return undefined;
}

/** `{ [key: string]: HoneyHiveTracer }`: a record of that type. */
function indexSignatureOf(members: readonly TSESTree.TypeElement[]): Collection | undefined {
  const signature = members.find((member): member is TSESTree.TSIndexSignature => member.type === AST_NODE_TYPES.TSIndexSignature);
  const value = signature?.typeAnnotation?.typeAnnotation;
  return value ? { kind: "record", value } : undefined;
}

/**
 * The type of the values iterating `node` gives (`for … of`, an array method's callback): a list's
 * elements, `map.values()`, `Object.values(record)`, also spread into an array or through `Array.from`.
 */
function elementTypeOf(input: AnalysisInput, node: TSESTree.Node): TSESTree.TypeNode | undefined {
  const expression = unwrapExpression(node);
  if (expression?.type === AST_NODE_TYPES.ArrayExpression) {
    const only = expression.elements.length === 1 ? expression.elements[0] : undefined;
    return only?.type === AST_NODE_TYPES.SpreadElement ? elementTypeOf(input, only.argument) : undefined;
  }
  if (expression?.type !== AST_NODE_TYPES.CallExpression) {
    const collection = expression ? collectionOf(input, expression) : undefined;
    return collection?.kind === "list" ? collection.value : undefined;
  }
  const callee = unwrapExpression(expression.callee);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  const holder = unwrapExpression(callee.object);
  const argument = expression.arguments.length === 1 ? expression.arguments[0] : undefined;
  // `Object.values(tracers)`, `Array.from(tracers.values())`.
  if (holder?.type === AST_NODE_TYPES.Identifier && isGlobalType(input, holder) && argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
    if (holder.name === "Array" && name === "from") return elementTypeOf(input, argument);
    const collection = holder.name === "Object" && name === "values" ? collectionOf(input, argument) : undefined;
    return collection && collection.kind !== "map" ? collection.value : undefined;
  }
  if (name !== "values" || expression.arguments.length > 0 || !holder) return undefined;
  return collectionOf(input, holder)?.value;
}

/** The initializer of a variable (`const tracers = new Map<…>()`, which types it) or of a field of the class (`private tracers = new Map<…>()`). */
function initializerOf(input: AnalysisInput, node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(node);
  if (expression?.type === AST_NODE_TYPES.Identifier) {
    const variable = getSdkModel(input).variableOf(expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return undefined;
    // TypeScript types the variable by it, whatever is assigned later.
    return def.node.init ?? undefined;
  }
  if (expression?.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(expression.object)?.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(expression);
  const field = thisClass(expression)?.body.body.find(
    (element): element is TSESTree.PropertyDefinition => element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && staticName(element.key, element.computed) === name,
  );
  return field?.value ?? undefined;
}

/** The function returns a tracer (or its promise): by its declared return type, else by what each of its returns returns. */
function functionReturnsTracer(input: AnalysisInput, fn: FunctionNode, depth: number): boolean {
  return fn.returnType ? namesTracerType(input, fn.returnType.typeAnnotation) : returnsTracer(input, fn, depth);
}

/** `this.<name>` naming a non-static method (or getter) of the class `this` is in. */
function ownMethodOf(node: TSESTree.Node, kind: "method" | "get"): FunctionNode | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(node);
  const body = thisClass(node)?.body;
  if (name === undefined || body === undefined) return undefined;
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.kind === kind && staticName(member.key, member.computed) === name) {
      return member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined;
    }
  }
  return undefined;
}

/** How many steps (a property, an alias, a union) `declaredTypeOf` takes: `context?.deps.tracer` of `type Context = { deps: Deps } | undefined` needs six. */
const MAX_TYPE_STEPS = 10;

/**
 * The type written for `node` in the file: a variable's or parameter's annotation (also of the object
 * pattern it is destructured from), a property of such a type (`deps.tracer`), a field of the class
 * (`this.deps`, a constructor parameter property) or a static property (`Registry.tracer`).
 */
function declaredTypeOf(input: AnalysisInput, node: TSESTree.Node, depth: number): TSESTree.TypeNode | undefined {
  const expression = unwrapExpression(node);
  if (!expression || depth >= MAX_TYPE_STEPS) return undefined;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const def = getSdkModel(input).variableOf(expression)?.defs[0];
    if (def?.name.type !== AST_NODE_TYPES.Identifier) return undefined;
    return def.name.typeAnnotation?.typeAnnotation ?? destructuredType(input, def.name, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(expression);
  if (name === undefined) return undefined;
  const holder = unwrapExpression(expression.object);
  if (holder?.type === AST_NODE_TYPES.ThisExpression) return classMemberType(thisClass(expression)?.body, name, false);
  const def = holder?.type === AST_NODE_TYPES.Identifier ? getSdkModel(input).variableOf(holder)?.defs[0] : undefined;
  if (def?.type === "ClassName" && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return classMemberType(def.node.body, name, true);
  return propertyType(input, declaredTypeOf(input, expression.object, depth + 1), name, depth + 1);
}

/** `{ tracer }: Deps` (a parameter or variable destructured from a typed object): the type of its key there. */
function destructuredType(input: AnalysisInput, binding: TSESTree.Identifier, depth: number): TSESTree.TypeNode | undefined {
  const property = binding.parent;
  const pattern = property?.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== binding || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const key = staticName(property.key, property.computed);
  return key === undefined ? undefined : propertyType(input, pattern.typeAnnotation?.typeAnnotation, key, depth);
}

/** The type of property `key` of `type`: an object type literal, or an interface or type alias of the file naming one. */
function propertyType(input: AnalysisInput, type: TSESTree.TypeNode | undefined, key: string, depth: number): TSESTree.TypeNode | undefined {
  if (!type || depth >= MAX_TYPE_STEPS) return undefined;
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const only = nonNullishMember(type);
    return only ? propertyType(input, only, key, depth + 1) : undefined;
  }
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) members = type.members;
  else if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && !type.typeArguments) {
    const declared = typeDeclarationOf(input, type.typeName);
    if (declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration) members = declared.body.body;
    else if (declared?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return propertyType(input, declared.typeAnnotation, key, depth + 1);
  }
  for (const member of members ?? []) {
    if (member.type === AST_NODE_TYPES.TSPropertySignature && staticName(member.key, member.computed) === key) return member.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}

/** The declared type of a field of the class (`tracer: HoneyHiveTracer`, `static tracer: …`, `constructor(private deps: Deps)`). */
function classMemberType(body: TSESTree.ClassBody | undefined, name: string, isStatic: boolean): TSESTree.TypeNode | undefined {
  for (const element of body?.body ?? []) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.static === isStatic && staticName(element.key, element.computed) === name) return element.typeAnnotation?.typeAnnotation;
    if (!isStatic && element.type === AST_NODE_TYPES.MethodDefinition && element.kind === "constructor") {
      for (const parameter of element.value.params) {
        if (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.Identifier && parameter.parameter.name === name) {
          return parameter.parameter.typeAnnotation?.typeAnnotation;
        }
      }
    }
  }
  return undefined;
}

/** `holder.key` where `holder` is a `const` of the file initialized with an object literal: the value written for `key` there. */
function constObjectProperty(input: AnalysisInput, member: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const name = memberName(member);
  const holder = unwrapExpression(member.object);
  if (name === undefined || holder?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = getSdkModel(input).variableOf(holder)?.defs[0];
  if (def?.type !== "Variable" || def.parent?.kind !== "const" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return undefined;
  const object = unwrapExpression(def.node.init);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = keyedProperties(object).find(({ key }) => key === name)?.property;
  return property && !property.method ? property.value : undefined;
}

/**
 * An untyped function of the file whose every return is a tracer: `async function initializeTracer(name)
 * { const tracer = await HoneyHiveTracer.init({ sessionName: name }); return tracer; }` (JavaScript, or
 * TypeScript that lets the return type be inferred), or an arrow returning one.
 */
function returnsTracer(input: AnalysisInput, fn: FunctionNode, depth: number): boolean {
  if (fn.generator) return false;
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return fn.body !== undefined && fn.body !== null && tracerFlow(input, fn.body, depth);
  const returns = nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.ReturnStatement], fn.body).filter((statement) => enclosingFunction(statement) === fn);
  return returns.length > 0 && returns.every((statement) => tracerFlow(input, statement.argument, depth));
}

/** `x = value`: not `x ||= value`, `x += …`, a pattern or a loop head. */
function isPlainAssignment(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier && parent.operator === "=";
}

function isPromiseResolve(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee?.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === "resolve" &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === "Promise" &&
    call.arguments.length === 1
  );
}

/** `T | undefined | null` → `T`: the one member that is not `undefined` or `null` (undefined when there are several). */
function nonNullishMember(union: TSESTree.TSUnionType): TSESTree.TypeNode | undefined {
  const others = union.types.filter((member) => member.type !== AST_NODE_TYPES.TSUndefinedKeyword && member.type !== AST_NODE_TYPES.TSNullKeyword);
  return others.length === 1 ? others[0] : undefined;
}

/** The declaration of the type named `typeName` in the file (an interface, a type alias, an import…), by its first definition. */
function typeDeclarationOf(input: AnalysisInput, typeName: TSESTree.Identifier): TSESTree.Node | undefined {
  return findVariable(input.scopeManager, typeName, typeName.name)?.defs[0]?.node;
}

/** The lib's type of that name (a lib variable without definitions), not a type the file declares. */
function isGlobalType(input: AnalysisInput, typeName: TSESTree.Identifier): boolean {
  const declared = findVariable(input.scopeManager, typeName, typeName.name);
  return declared === undefined || declared.defs.length === 0;
}

/** Global generic types whose one argument a tracer type may stand in: `Promise<HoneyHiveTracer>`, `Awaited<…>`. */
const WRAPPING_TYPES: ReadonlySet<string> = new Set(["Promise", "Awaited"]);

/**
 * `HoneyHiveTracer` (through any import of the SDK or of a barrel re-exporting it), `Promise<HoneyHiveTracer>`,
 * `Awaited<ReturnType<typeof HoneyHiveTracer.init>>`, a type alias of the file for one of these, or a
 * union holding one with `undefined`/`null`.
 */
export function namesTracerType(input: AnalysisInput, type: TSESTree.TypeNode | undefined, aliases = 0): boolean {
  if (type?.type === AST_NODE_TYPES.TSUnionType) return namesTracerType(input, nonNullishMember(type), aliases);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const { typeName } = type;
  if (typeName.type === AST_NODE_TYPES.Identifier && type.typeArguments?.params.length === 1 && WRAPPING_TYPES.has(typeName.name)) {
    return isGlobalType(input, typeName) && namesTracerType(input, type.typeArguments.params[0], aliases);
  }
  if (typeName.type === AST_NODE_TYPES.Identifier && typeName.name === "ReturnType" && type.typeArguments?.params.length === 1 && isGlobalType(input, typeName)) {
    // `ReturnType<typeof HoneyHiveTracer.init>`: the 1.x init's promise of a tracer.
    const query = type.typeArguments.params[0];
    const exprName = query?.type === AST_NODE_TYPES.TSTypeQuery ? query.exprName : undefined;
    return exprName?.type === AST_NODE_TYPES.TSQualifiedName && exprName.right.name === "init" && getSdkModel(input).sdkExportOf(exprName.left) === "HoneyHiveTracer";
  }
  // `type Tracer = Awaited<ReturnType<typeof HoneyHiveTracer.init>>` of the file: what the alias names.
  const alias = typeName.type === AST_NODE_TYPES.Identifier ? typeDeclarationOf(input, typeName) : undefined;
  if (alias?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
    return aliases < MAX_TRACER_FLOW && alias.typeParameters === undefined && namesTracerType(input, alias.typeAnnotation, aliases + 1);
  }
  const found = getAnalysisContext(input).bindings.originOf(typeName);
  const origin = found && !isSdkModule(found.module, input.settings) ? sdkOriginThroughBarrel(input, found) : found;
  return origin !== undefined && isSdkModule(origin.module, input.settings) && originName(origin) === "HoneyHiveTracer";
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
