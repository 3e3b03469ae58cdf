// Recognizing honeyhive 1.x usage for the `1.x` transform set of `migrate --from 1`: calls of a
// tracer's 1.x methods, of `HoneyHiveTracer`'s statics and of the package's free functions, all
// through the SDK model's bindings (a local `traceModel` or another library's `flush` is not 1.x).
// What each name becomes is data (knowledge/sdks/honeyhive-1x.ts); this module only finds the calls.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, definedProperty, enclosingFunction, findVariable, getterResult, isFunctionNode, memberName, moduleScopeOf, requireSpecifier, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import type { ReExport, TracerHolderFact } from "./export-facts.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { API_1X, IMPLICIT_TRACER_EXPORTS_1X, OPTIONS_1X, TRACER_FACTORY_STATICS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import type { Option1xEntry } from "./knowledge/sdks/types.js";
import { AttachedCache } from "./attached-cache.js";
import { singletonAccessesOf, singletonClassOf } from "./class-singletons.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { classMethods } from "./knowledge/frameworks/common.js";
import { absolutePath, exportedTracerShape, holdsExportsObject, importedExport, importedModule, importedTracerShape, isProjectModule, projectExportPath, projectModules } from "./project-modules.js";
import { sdkBarrelOf } from "./sdk-barrels.js";
import { spanMeets, versionSpansOfRange } from "./sdk-version.js";
import { getSdkModel, thisClass } from "./sdk-model.js";
import { jsdocModules, mayHaveJsdocTypes } from "./jsdoc.js";
import { isTracerClass, jsdocImportsOf, jsdocTypedTracer } from "./jsdoc-tracer.js";
import { isSdkModule, textMentionsSdk } from "./settings.js";

/** A call whose callee is `<object>.<name>(…)`. */
export interface MemberCall {
  readonly call: TSESTree.CallExpression;
  readonly callee: TSESTree.MemberExpression;
  readonly name: string;
}

/** Per file: it has an import declaration of the SDK or of a barrel of it (a type-only one counts). */
const importsSdkOrBarrelByFile = new WeakMap<TSESTree.Program, boolean>();

/** Per file that neither uses nor imports the SDK: it calls a 1.x method on a tracer held by another module's class (`reachesImportedHolder`). */
const reachesHolderByFile = new WeakMap<TSESTree.Program, boolean>();

/**
 * The file uses the SDK (its model says so), or imports only types of it: `import type { HoneyHiveTracer }
 * from "honeyhive"` (or a barrel) for an interface's or a parameter's type, whose 1.x calls
 * (`deps.tracer.traceTool(fn)`) the 1.x transforms rewrite even though no SDK value is bound; or it
 * names nothing of the SDK but calls a 1.x method on a tracer another module's class holds
 * (`new Tracing().tracer.flush()`, see `tracerHoldersOf`).
 */
export function uses1xSdk(input: AnalysisInput): boolean {
  if (getSdkModel(input).usesSdk || importsSdkOrBarrel(input)) return true;
  let found = reachesHolderByFile.get(input.ast);
  if (found === undefined) reachesHolderByFile.set(input.ast, (found = reachesImportedHolder(input)));
  return found;
}

function importsSdkOrBarrel(input: AnalysisInput): boolean {
  let found = importsSdkOrBarrelByFile.get(input.ast);
  if (found === undefined) {
    found = input.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        (isSdkModule(statement.source.value, input.settings) || sdkBarrelOf(input, statement.source.value) !== undefined),
    ) || jsdocNamesSdk(input);
    importsSdkOrBarrelByFile.set(input.ast, found);
  }
  return found;
}

/** Every 1.x tracer method's name (`flush`, `traceModel`, `enrichSession`…). */
const INSTANCE_METHODS_1X: ReadonlySet<string> = new Set(API_1X.filter((entry) => entry.where === "instance" && entry.kind === "method").map((entry) => entry.name));

/**
 * A call of a 1.x tracer method whose receiver is a member (or method call) of another module's tracer
 * holder, or the result of another module's function that returns a tracer (`current()!.flush()`).
 */
function reachesImportedHolder(input: AnalysisInput): boolean {
  if (!input.readModuleFacts) return false;
  // Asked once, at the first receiver: most files past the prefilter call a `flush` or `trace` of something else.
  let holders: boolean | undefined;
  return nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).some((call) => {
    const callee = unwrapExpression(call.callee);
    const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !INSTANCE_METHODS_1X.has(name)) return false;
    const receiver = unwrapExpression((callee as TSESTree.MemberExpression).object);
    if (receiver === undefined || !(holders ??= importsTracerHolders(input))) return false;
    return heldByImportedHolder(input, receiver) || tracerFlow(input, receiver, 0);
  });
}

/**
 * Whether a project module the file imports has tracer holders in its facts (`tracerHolders`), itself
 * or one `export … from` further (or hands on a namespace, or its `module.exports` is a tracer): without one, no receiver of the file can
 * reach an imported holder, and the flow of each need not be followed.
 */
function importsTracerHolders(input: AnalysisInput): boolean {
  const read = input.readModuleFacts;
  if (!read) return false;
  const specifiers = new Set<string>();
  const required = new Set<string>();
  for (const statement of input.ast.body) if (statement.type === AST_NODE_TYPES.ImportDeclaration) specifiers.add(statement.source.value);
  // `require("./tracing")` and `import("./tracing")` anywhere in the file.
  for (const node of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.ImportExpression], input.ast)) {
    const source = node.type === AST_NODE_TYPES.ImportExpression ? node.source : node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require" ? node.arguments[0] : undefined;
    if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== "string") continue;
    specifiers.add(source.value);
    if (node.type === AST_NODE_TYPES.CallExpression) required.add(source.value);
  }
  for (const specifier of specifiers) {
    if (!isProjectModule(specifier, input)) continue;
    const module = importedModule(input, specifier);
    if (!module) continue;
    const { facts } = module;
    // `require("./tracing").tracer.flush()` of `module.exports = { tracer }`: a named export read off the call.
    if (required.has(specifier) && Object.values(facts.exports).some((exported) => exported?.some((fact) => fact.kind === "tracer"))) return true;
    // `module.exports = HoneyHiveTracer.init(…)` (or a getter of it) read whole (`require("./tracing").then((t) => t.flush())`): its `default`.
    if (facts.tracerHolders || facts.namespaceReExports || facts.exports.default?.some((fact) => fact.kind === "tracer" || fact.kind === "getter")) return true;
    // `export const ready = HoneyHiveTracer.init(…)` (1.x's promise) awaited into a variable of the file: `const t = await ready; t.flush()`.
    if (facts.initPromiseExports?.length) return true;
    for (const reExport of facts.reExports) {
      if (!isProjectModule(reExport.specifier, input)) continue;
      const target = projectModules().resolve(reExport.specifier, module.path);
      if (target !== undefined && projectModules().factsOf(target, read).tracerHolders) return true;
    }
  }
  return false;
}

/**
 * `holder.tracer` or `holder.getTracer()` where `holder` is an instance of another module's class
 * whose facts say that member holds a tracer (`tracerHolders`): the module's own instance
 * (`import { tracing } from "./tracing"`), a `new Tracing()` of the imported class held in a variable or a
 * field, or a value declared with the class's type (`constructor(private tracing: Tracing)`). One module
 * deep, as every fact, and one `export … from` further (`lib/index.ts` re-exporting the class): a longer
 * chain of re-exports, or a member typed with a class of a third module, is not followed.
 */
function heldByImportedHolder(input: AnalysisInput, node: TSESTree.Node): boolean {
  const callee = node.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(node.callee) : undefined;
  const member = callee ?? node;
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(member);
  if (name === undefined) return false;
  // `Observability.tracer` of an imported class with `static tracer: HoneyHiveTracer | undefined`.
  const object = unwrapExpression(member.object);
  if (!callee && object?.type === AST_NODE_TYPES.Identifier && input.readModuleFacts && holderFactOf(input, object, "class")?.statics?.includes(name)) return true;
  // `Observability.get()` of an imported class with `static async get(): Promise<HoneyHiveTracer>`.
  if (callee && object?.type === AST_NODE_TYPES.Identifier && input.readModuleFacts && holderFactOf(input, object, "class")?.staticMethods?.includes(name)) return true;
  const holder = importedHolderOf(input, member.object);
  return holder !== undefined && (callee ? holder.methods : holder.members).includes(name);
}

/**
 * `telemetry.traceModel(fn)` where another module's facts say `traceModel` is a function of that module on
 * the object (`createTelemetry()` returns `{ traceModel: (fn) => … }`): the project's, not a 1.x tracer's.
 */
export function isImportedHoldersOwnFunction(input: AnalysisInput, callee: TSESTree.MemberExpression): boolean {
  const name = memberName(callee);
  return name !== undefined && importedHolderOf(input, callee.object)?.plain?.includes(name) === true;
}

/**
 * `telemetry.tracer` where another module's class (or its instance) holds 1.x init's promise in that field
 * (`promiseMembers`): an importer's `.then()` on it needs `Promise.resolve(…)` once the field is the tracer.
 */
export function isImportedHoldersInitPromise(input: AnalysisInput, member: TSESTree.MemberExpression): boolean {
  const name = memberName(member);
  return name !== undefined && importedHolderOf(input, member.object)?.promiseMembers?.includes(name) === true;
}

function importedHolderOf(input: AnalysisInput, node: TSESTree.Node): TracerHolderFact | undefined {
  const imported = importedObjectOf(input, node);
  return imported && holderFactOf(input, imported.reference, imported.of);
}

/**
 * The reference to a project module's export that `node` is made from: the module's instance itself
 * (`tracing`), an instance of its class (a variable or field initialized with `new Tracing()`, a value
 * declared `: Tracing`), or what its function returns (`createTelemetry(tracer)`, a variable holding that).
 */
function importedObjectOf(input: AnalysisInput, node: TSESTree.Node): { readonly reference: TSESTree.Node; readonly of: TracerHolderFact["of"] } | undefined {
  const expression = unwrapExpression(node);
  if (!expression || !input.readModuleFacts) return undefined;
  if (expression.type === AST_NODE_TYPES.Identifier && projectExportOf(input, expression)) return { reference: expression, of: "instance" };
  if (expression.type === AST_NODE_TYPES.CallExpression) return importedFunctionOf(input, expression);
  const declared = declaredTypeOf(input, expression, 0);
  if (!declared) return importedObjectMadeBy(input, initializerOf(input, expression));
  const type = declared.type === AST_NODE_TYPES.TSUnionType ? nonNullishMember(declared) : declared;
  return importedClassOf(input, type?.type === AST_NODE_TYPES.TSTypeReference && !type.typeArguments ? type.typeName : undefined);
}

/** The project module's export a value is made by: `createTelemetry(tracer)`, `new Tracing()`. */
function importedObjectMadeBy(input: AnalysisInput, node: TSESTree.Node | undefined): ReturnType<typeof importedObjectOf> {
  const made = unwrapExpression(node);
  if (made?.type === AST_NODE_TYPES.CallExpression) return importedFunctionOf(input, made);
  return importedClassOf(input, made?.type === AST_NODE_TYPES.NewExpression ? made.callee : undefined);
}

function importedClassOf(input: AnalysisInput, classReference: TSESTree.Node | undefined): ReturnType<typeof importedObjectOf> {
  return classReference?.type === AST_NODE_TYPES.Identifier && projectExportOf(input, classReference) ? { reference: classReference, of: "class" } : undefined;
}

/** `createTelemetry(…)`, `t.getTracer()`: a call of a function a project module exports. */
function importedFunctionOf(input: AnalysisInput, call: TSESTree.CallExpression): { readonly reference: TSESTree.Node; readonly of: "function" } | undefined {
  const callee = unwrapExpression(call.callee);
  return callee && projectExportOf(input, callee) ? { reference: callee, of: "function" } : undefined;
}

/**
 * The project module and export path `node` is imported as (`import { Tracing } from "./tracing"`, a
 * `require` of it: `["Tracing"]`; `t.getTracer` of `import * as t from "./tracing"`: `["getTracer"]`, of
 * `import { t } from "./barrel"` where the barrel has `export * as t from "./tracing"`: `["t", "getTracer"]`).
 */
function projectExportOf(input: AnalysisInput, node: TSESTree.Node): { readonly module: string; readonly path: readonly [string] | readonly [string, string] } | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const origin = getAnalysisContext(input).bindings.originOf(node);
  if (!origin || isSdkModule(origin.module, input.settings) || !isProjectModule(origin.module, input)) return undefined;
  const path = projectExportPath(input, origin);
  if (path.length === 1) return { module: origin.module, path: [path[0]!] };
  // `import shared = require("./shared")` of a module whose `module.exports` is an object of names (a `.d.ts` `export =`
  // types it): that object, its `default` holder, whose facts say which members are the module's own functions.
  if (path.length === 0 && node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(input.scopeManager, node, node.name);
    if (variable && holdsExportsObject(input, variable)) return { module: origin.module, path: ["default"] };
  }
  return path.length === 2 ? { module: origin.module, path: [path[0]!, path[1]!] } : undefined;
}

/**
 * The holder fact of the project module's export that `node` is imported as, if it is of that kind: the
 * module's own, one `export … from` further, or through a namespace it re-exports (`export * as t from`).
 */
function holderFactOf(input: AnalysisInput, node: TSESTree.Node, of: TracerHolderFact["of"]): TracerHolderFact | undefined {
  const from = projectExportOf(input, node);
  const module = from && importedModule(input, from.module);
  if (!module) return undefined;
  const [name, inner] = from.path;
  let fact: TracerHolderFact | undefined;
  if (inner === undefined) fact = module.facts.tracerHolders?.[name] ?? reExportedHolder(input, module.path, module.facts.reExports, name);
  else {
    const specifier = module.facts.namespaceReExports?.[name];
    fact = specifier === undefined ? undefined : reExportedHolder(input, module.path, [{ specifier, names: { [inner]: inner } }], inner);
  }
  return fact?.of === of ? fact : undefined;
}

/** `lib/index.ts`: `export { Tracing } from "./tracing"` (or `export *`): the holder fact of the module it re-exports, one hop. */
function reExportedHolder(input: AnalysisInput, path: string, reExports: readonly ReExport[], name: string): TracerHolderFact | undefined {
  for (const reExport of reExports) {
    const imported = reExport.names === "*" ? name : reExport.names[name];
    if (imported === undefined || imported === "default" || !input.readModuleFacts || !isProjectModule(reExport.specifier, input)) continue;
    const target = projectModules().resolve(reExport.specifier, path);
    const fact = target === undefined ? undefined : projectModules().factsOf(target, input.readModuleFacts).tracerHolders?.[imported];
    if (fact) return fact;
  }
  return undefined;
}

/**
 * Where the facts stop: `<object>.<member>.flush()` (a 1.x flush) whose member is named like a tracer
 * (`tracer`, `hhTracer`) on an instance of another module's class, or that module's instance, when that
 * module's facts do not say the member holds a tracer (the class comes down a chain of re-exports, the
 * member's type or value comes from a third module); not where they say the member is a field of
 * another type (`TracerHolderFact.plain`). `flush` is every logger's name, so these are marked, not rewritten.
 */
export function flushesBeyondHolderFacts(input: AnalysisInput, names: ReadonlySet<string>): MemberCall[] {
  if (!input.readModuleFacts || !TRACER_WORD.test(input.text)) return [];
  const found: MemberCall[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !names.has(name)) continue;
    const receiver = unwrapExpression((callee as TSESTree.MemberExpression).object);
    const member = receiver?.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : undefined;
    if (member === undefined || !TRACER_WORD.test(member) || isTracerValue1x(input, receiver!)) continue;
    const object = (receiver as TSESTree.MemberExpression).object;
    // `require("./tracing").tracer.flush()` of a project module whose facts do not say what `tracer` is (unresolved,
    // not among its exports); not where they list it as something else.
    const required = requireSpecifier(unwrapExpression(object));
    if (required !== undefined) {
      const exported = isProjectModule(required, input) ? importedModule(input, required) : undefined;
      if (isProjectModule(required, input) && exported?.facts.exports[member] === undefined) found.push({ call, callee: callee as TSESTree.MemberExpression, name });
      continue;
    }
    const imported = importedObjectOf(input, object) ?? assignedImportedObjectOf(input, object);
    // The holder's facts were read and say what the member is: a field of another type (`tracer: LsTracer`).
    if (imported && !holderFactOf(input, imported.reference, imported.of)?.plain?.includes(member)) found.push({ call, callee: callee as TSESTree.MemberExpression, name });
  }
  return found;
}

const TRACER_WORD = /tracer/i;

/**
 * Where the facts stop at a variable with no initializer to type it (`let t; … t = new Telemetry()`):
 * what one of its assignments makes, so that a `.tracer.flush()` on it is still marked.
 */
function assignedImportedObjectOf(input: AnalysisInput, node: TSESTree.Node): ReturnType<typeof importedObjectOf> {
  const expression = unwrapExpression(node);
  const variable = expression?.type === AST_NODE_TYPES.Identifier ? variableAt(input, expression) : undefined;
  for (const reference of variable?.references ?? []) {
    const imported = reference.writeExpr ? importedObjectMadeBy(input, reference.writeExpr) : undefined;
    if (imported) return imported;
  }
  return undefined;
}

/**
 * The module side of `heldByImportedHolder`: its exported classes (`export class Tracing`, `export
 * default class`) and exported instances of its classes (`export const tracing = new Tracing()`) with
 * the members that hold a tracer, by the rules the file's own receivers follow: a field typed as one
 * (`tracer!: HoneyHiveTracer`, `Promise<HoneyHiveTracer>`, a constructor parameter property) or
 * initialized with one, a field with no type written that every `this.<field> =` of the class assigns
 * a tracer (`this.tracer = await HoneyHiveTracer.init(…)`), a getter, and a method (`methods`) typed or
 * written to return one. Undefined when there is none (the common case: no class is exported, or the
 * module does not use the SDK).
 */
export function tracerHoldersOf(input: AnalysisInput): Record<string, TracerHolderFact> | undefined {
  const exported: [string, TracerHolderFact["of"], TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.ObjectExpression | FunctionNode][] = [];
  const add = (name: string | undefined, node: TSESTree.Node | null | undefined) => {
    const value = unwrapExpression(node);
    if (name === undefined || !value) return;
    if (value.type === AST_NODE_TYPES.ClassDeclaration || value.type === AST_NODE_TYPES.ClassExpression) exported.push([name, "class", value]);
    // `export const observability = { tracer: await HoneyHiveTracer.init(…) }`.
    else if (value.type === AST_NODE_TYPES.ObjectExpression) exported.push([name, "instance", value]);
    // `export function current(): HoneyHiveTracer | undefined`, `export const createTelemetry = (t) => ({ … })`.
    else if (isFunctionNode(value)) exported.push([name, "function", value]);
    else if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
      const declared = findVariable(input.scopeManager, value.callee, value.callee.name)?.defs[0];
      if (declared?.type === "ClassName" && declared.node.type === AST_NODE_TYPES.ClassDeclaration) exported.push([name, "instance", declared.node]);
    } else if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.MemberExpression) {
      // `export const obs = Observability.getInstance()` / `= Observability.instance`: the one instance the class keeps.
      const single = singletonClassOf(input, value);
      if (single) exported.push([name, "instance", single]);
    }
  };
  const addVariable = (exportedName: string | undefined, local: TSESTree.Identifier) => {
    const def = findVariable(input.scopeManager, local, local.name)?.defs[0];
    if (def?.type === "ClassName" || def?.type === "FunctionName") add(exportedName, def.node);
    else if (def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.parent?.kind === "const") add(exportedName, def.node.init);
  };
  for (const statement of input.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.FunctionDeclaration) add(declaration.id?.name, declaration);
      else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === "const") {
        for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.init);
      }
      for (const specifier of statement.specifiers) if (specifier.local.type === AST_NODE_TYPES.Identifier) addVariable(staticName(specifier.exported), specifier.local);
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      if (statement.declaration.type === AST_NODE_TYPES.Identifier) addVariable("default", statement.declaration);
      else add("default", statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      // CommonJS: `module.exports = { Observability }`, `exports.tracing = new Tracing()`.
      for (const [name, value] of commonJsExports(statement.expression)) {
        if (value.type === AST_NODE_TYPES.Identifier) addVariable(name, value);
        else add(name, value);
      }
    }
  }
  // The text test first: this runs on every project module a file's import makes the analysis read.
  if (exported.length === 0 || !(textMentionsSdk(input.text, input.settings) || importsSdkOrBarrel(input))) return undefined;
  const holders: Record<string, TracerHolderFact> = {};
  for (const [name, of, node] of exported) {
    const fact = tracerMembersOf(input, node);
    // An object's own function named like a 1.x tracer method (`traceModel: (fn) => …`) is a fact too: its callers' `x.traceModel(fn)` is the module's, not 1.x's.
    if (fact.members.length > 0 || fact.methods.length > 0 || fact.statics || fact.staticMethods || fact.returnsTracer || fact.returnsTracerGetter || fact.opaque || fact.plain?.some((key) => INSTANCE_METHODS_1X.has(key))) holders[name] = { of, ...fact };
  }
  return Object.keys(holders).length > 0 ? holders : undefined;
}

/** An object literal's properties holding a tracer (`{ tracer: await HoneyHiveTracer.init(…) }`), getters and methods returning one. */
function objectTracerMembers(input: AnalysisInput, object: TSESTree.ObjectExpression): Omit<TracerHolderFact, "of"> {
  const members: string[] = [];
  const methods: string[] = [];
  const plain: string[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = staticName(property.key, property.computed);
    if (key === undefined) continue;
    const value = unwrapExpression(property.value);
    if (property.kind === "get" && isFunctionNode(value)) {
      if (functionReturnsTracer(input, value, 1)) members.push(key);
    } else if (property.kind === "init" && isFunctionNode(ownFunction(input, value))) {
      // A method, a function-valued key (`flush: async () => …`) or a function of the module given by
      // name (`return { tracer, flush, traceModel }`): the module's own function.
      if (functionReturnsTracer(input, ownFunction(input, value)!, 1)) methods.push(key);
      else plain.push(key);
    } else if (property.kind === "init" && tracerFlow(input, property.value, 1)) members.push(key);
  }
  return { members, methods, ...(plain.length > 0 ? { plain } : {}) };
}

/** `value` itself when it is a function, or the function a never-reassigned name of the module holds. */
function ownFunction(input: AnalysisInput, value: TSESTree.Node | undefined): FunctionNode | undefined {
  if (isFunctionNode(value)) return value;
  const held = value?.type === AST_NODE_TYPES.Identifier ? getAnalysisContext(input).bindings.valueOf(value) : undefined;
  return isFunctionNode(held) ? held : undefined;
}

/**
 * What a call of an exported function gives its importers: a tracer (`returnsTracer`: declared, or every
 * return one), or the object literal it returns (`return { tracer, flush: () => tracer.flush() }`), read
 * as an exported object is. Nothing for other results (a closure, a value built elsewhere).
 */
function functionResultMembers(input: AnalysisInput, fn: FunctionNode): Omit<TracerHolderFact, "of"> {
  if (functionReturnsTracer(input, fn, 1)) return { members: [], methods: [], returnsTracer: true };
  let returned: TSESTree.Node | null | undefined;
  let returnsValue = false;
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) [returned, returnsValue] = [fn.body, true];
  else if (!fn.generator) {
    const returns = nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.ReturnStatement], fn.body).filter((statement) => enclosingFunction(statement) === fn);
    returned = returns.length === 1 ? returns[0]!.argument : undefined;
    returnsValue = returns.some((statement) => statement.argument !== null);
  }
  const object = unwrapExpression(returned);
  if (object?.type === AST_NODE_TYPES.ObjectExpression) return objectTracerMembers(input, object);
  // `return () => tracer`: a getter of the tracer the function set up.
  if (isFunctionNode(object) && functionReturnsTracer(input, object, 1)) return { members: [], methods: [], returnsTracerGetter: true };
  return { members: [], methods: [], ...(returnsValue && usesTracer(input, fn) ? { opaque: true as const } : {}) };
}

/** A tracer of the SDK model is made or read inside `fn` (its parameter typed as one counts). */
function usesTracer(input: AnalysisInput, fn: FunctionNode): boolean {
  return getSdkModel(input).tracers.some(
    (tracer) => tracer.initializations.some((creation) => contains(fn, creation)) || tracer.variable?.references.some((reference) => contains(fn, reference.identifier)) === true,
  );
}

/**
 * `module.exports = { a, b: c }` → a, b; `module.exports.a = …` and `exports.a = …` → a; `module.exports = A` → default: each
 * export name with its value. A getter (`get tracer() { return tracer; }`, `Object.defineProperty(module.exports, "tracer",
 * { get: () => tracer })`) exports what it returns: its readers read a property, they do not call a function.
 */
function commonJsExports(expression: TSESTree.Expression): [string, TSESTree.Node][] {
  const isModuleExports = (node: TSESTree.Node) =>
    node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === "exports" && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === "module";
  const defined = definedProperty(expression);
  const target = defined && unwrapExpression(defined.target);
  if (defined && target && (isModuleExports(target) || (target.type === AST_NODE_TYPES.Identifier && target.name === "exports"))) return defined.value ? [[defined.name, defined.value]] : [];
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== "=" || expression.left.type !== AST_NODE_TYPES.MemberExpression) return [];
  const { left, right } = expression;
  const object = unwrapExpression(left.object);
  const name = memberName(left);
  if (object && (isModuleExports(object) || (object.type === AST_NODE_TYPES.Identifier && object.name === "exports"))) return name === undefined ? [] : [[name, right]];
  if (!isModuleExports(left)) return [];
  const value = unwrapExpression(right);
  if (value?.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.flatMap((property): [string, TSESTree.Node][] => {
      const key = property.type === AST_NODE_TYPES.Property && property.kind !== "set" ? staticName(property.key, property.computed) : undefined;
      const given = property.type !== AST_NODE_TYPES.Property ? undefined : property.kind === "get" ? getterResult(property.value) : property.value;
      return key !== undefined && given ? [[key, given]] : [];
    });
  }
  // `module.exports = Observability`: what `require()` gives, recorded as the module's `default` (as export-facts.ts does).
  return value?.type === AST_NODE_TYPES.Identifier || value?.type === AST_NODE_TYPES.ClassExpression ? [["default", value]] : [];
}

function tracerMembersOf(input: AnalysisInput, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.ObjectExpression | FunctionNode): Omit<TracerHolderFact, "of"> {
  if (node.type === AST_NODE_TYPES.ObjectExpression) return objectTracerMembers(input, node);
  if (isFunctionNode(node)) return functionResultMembers(input, node);
  const members = new Set<string>();
  const methods = new Set<string>();
  const plain = new Set<string>();
  const promises = new Set<string>();
  const statics: string[] = [];
  const staticMethods: string[] = [];
  // Fields whose type or initializer says what they hold: an assignment elsewhere in the class does not change it.
  const typed = new Set<string>();
  for (const element of node.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && element.static) {
      // `static tracer: HoneyHiveTracer | undefined` (filled in a static block or method): `Observability.tracer` in importers.
      const name = staticName(element.key, element.computed);
      const type = element.typeAnnotation?.typeAnnotation;
      if (name !== undefined && (type ? namesTracerType(input, type) : tracerFlow(input, element.value, 1))) statics.push(name);
    } else if (element.type === AST_NODE_TYPES.MethodDefinition && element.static && element.kind === "method" && element.value.type === AST_NODE_TYPES.FunctionExpression) {
      const name = staticName(element.key, element.computed);
      if (name !== undefined && functionReturnsTracer(input, element.value, 1)) staticMethods.push(name);
    } else if (element.type === AST_NODE_TYPES.PropertyDefinition) {
      const name = staticName(element.key, element.computed);
      const type = element.typeAnnotation?.typeAnnotation;
      if (name === undefined || (!type && !element.value)) continue;
      typed.add(name);
      if (type ? namesTracerType(input, type) : tracerFlow(input, element.value, 1)) members.add(name);
      else if (isOtherTypeHere(input, type)) plain.add(name);
      // `tracer = HoneyHiveTracer.init(…)` untyped: 1.x's promise, whatever the module's run makes of the field.
      if (!type && element.value && isUnawaitedInitCall(input, element.value)) promises.add(name);
    } else if (element.type === AST_NODE_TYPES.MethodDefinition && !element.static && element.value.type === AST_NODE_TYPES.FunctionExpression) {
      const name = staticName(element.key, element.computed);
      if (element.kind === "constructor") {
        for (const parameter of element.value.params) {
          if (parameter.type !== AST_NODE_TYPES.TSParameterProperty || parameter.parameter.type !== AST_NODE_TYPES.Identifier) continue;
          typed.add(parameter.parameter.name);
          const type = parameter.parameter.typeAnnotation?.typeAnnotation;
          if (namesTracerType(input, type)) members.add(parameter.parameter.name);
          else if (isOtherTypeHere(input, type)) plain.add(parameter.parameter.name);
        }
      } else if (name !== undefined && (element.kind === "get" || element.kind === "method") && functionReturnsTracer(input, element.value, 1)) {
        (element.kind === "get" ? members : methods).add(name);
      }
    }
  }
  // `tracer;` (or no field) and `this.tracer = await HoneyHiveTracer.init(…)` in a method: every write a tracer.
  const writes = new Map<string, boolean>();
  for (const assignment of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.AssignmentExpression], node.body)) {
    const left = assignment.left;
    const name = left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression ? memberName(left) : undefined;
    if (name === undefined || typed.has(name) || thisClass(left) !== node) continue;
    writes.set(name, (writes.get(name) ?? true) && assignment.operator === "=" && tracerFlow(input, assignment.right, 1));
  }
  for (const [name, tracer] of writes) if (tracer) members.add(name);
  // `static getInstance()` / `static instance` keeping the class's one instance: `Observability.getInstance().tracer` in importers.
  const singletons = members.size > 0 || methods.size > 0 ? singletonAccessesOf(input, node) : [];
  return {
    members: [...members],
    methods: [...methods],
    ...(plain.size > 0 ? { plain: [...plain] } : {}),
    ...(promises.size > 0 ? { promiseMembers: [...promises] } : {}),
    ...(statics.length > 0 ? { statics } : {}),
    ...(staticMethods.length > 0 ? { staticMethods } : {}),
    ...(singletons.length > 0 ? { singletons } : {}),
  };
}

/**
 * A type (not a tracer's, `namesTracerType` said) whose declaration the module shows is another: a class
 * or interface it declares, or a type imported from a package other than the SDK (`LsTracer` of
 * `lightstep-tracer`). Not one imported from a project module (a barrel or alias may name the tracer
 * there), a type alias, a generic, a global or `any`.
 */
function isOtherTypeHere(input: AnalysisInput, type: TSESTree.TypeNode | undefined): boolean {
  const named = type?.type === AST_NODE_TYPES.TSUnionType ? nonNullishMember(type) : type;
  if (named?.type !== AST_NODE_TYPES.TSTypeReference || named.typeArguments || named.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const declaration = typeDeclarationOf(input, named.typeName);
  if (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) return true;
  const origin = getAnalysisContext(input).bindings.originOf(named.typeName);
  return origin !== undefined && !isSdkModule(origin.module, input.settings) && !isProjectModule(origin.module, input) && !isWorkspacePackage(input, origin.module);
}

/**
 * A package of the file's workspace (`@acme/types` from apps/api), asked also where `isProjectModule`
 * cannot (a holder module read for its importer's facts follows no import): only for a type a holder's
 * member is declared with, so the workspace is looked up for few files.
 */
function isWorkspacePackage(input: AnalysisInput, specifier: string): boolean {
  try {
    return projectModules().resolveWorkspaceImport(specifier, absolutePath(input.filename)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Per file: every `<object>.<name>(…)` call with a static name, in document order. Each 1.x transform
 * asks for its own names (most ask several times), so the calls are read once for all of them.
 */
const memberCallsByFile = new AttachedCache<TSESTree.Program, readonly MemberCall[]>("honeyhive.memberCalls1x");

function memberCalls(input: AnalysisInput, names: ReadonlySet<string>, accept: (object: TSESTree.Expression) => boolean): MemberCall[] {
  if (!uses1xSdk(input)) return [];
  let calls = memberCallsByFile.get(input.ast);
  if (calls === undefined) {
    const all: MemberCall[] = [];
    for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = memberName(callee);
      if (name !== undefined) all.push({ call, callee, name });
    }
    memberCallsByFile.set(input.ast, (calls = all));
  }
  const found: MemberCall[] = [];
  for (const entry of calls) if (names.has(entry.name) && accept(entry.callee.object)) found.push(entry);
  return found;
}

/**
 * `tracer.<name>(…)` on a HoneyHive tracer (initialized here, a getter's, imported from a project
 * module), or on a value that can only be one (`isTracerValue1x`).
 */
export function tracerMethodCalls(input: AnalysisInput, names: ReadonlySet<string>): MemberCall[] {
  // A helper of the project's own that the holder module's facts list beside its tracer
  // (`makeLogger().flush()` of `return { tracer, flush() {} }`) is not the tracer's method, whatever the receiver looks like.
  return memberCalls(input, names, (object) => isTracerValue1x(input, object)).filter(({ callee }) => !isImportedHoldersOwnFunction(input, callee));
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
  // `req.app.locals.tracer as HoneyHiveTracer`, `<HoneyHiveTracer>x`: the code says what the value is.
  if (node && castToTracer(input, node)) return true;
  if (sdk.tracerOf(expression) !== undefined || sdk.isTracerCreation(expression)) return true;
  if (depth >= MAX_TRACER_FLOW) return false;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // `Promise.resolve(p)` is p's promise; `f(…)` of a function declared to return a tracer (or its promise).
    if (isPromiseResolve(expression)) return tracerFlow(input, expression.arguments[0], depth + 1);
    // `await Promise.race([HoneyHiveTracer.init(…), timeout])`: the tracer, or the timeout's value (read with `?.` after, as the code must).
    const raced = timedOutTracerRace(input, expression);
    if (raced !== undefined) return raced.every((element) => tracerFlow(input, element, depth + 1));
    // `require("./tracing")` of a module whose `module.exports` is a tracer (or 1.x init's promise): its `default` export.
    const required = requireSpecifier(expression);
    if (required !== undefined) return exportedTracerShape(input, { specifier: required, name: "default" }) === "tracer";
    // `require("./init-tracer")()` of a module whose `module.exports` is a getter of one (`module.exports = initTracer`).
    const callee = unwrapExpression(expression.callee);
    const getter = requireSpecifier(callee);
    // `start()` of `const start = require("./init-tracer")` or `import start from "./init-tracer"`, whatever its name.
    const wholeGetter = getter === undefined && callee?.type === AST_NODE_TYPES.Identifier ? findVariable(input.scopeManager, callee, callee.name) : undefined;
    const shape = getter !== undefined ? exportedTracerShape(input, { specifier: getter, name: "default" }) : wholeGetter ? importedTracerShape(input, wholeGetter) : undefined;
    if (shape === "getter" || shape === "opaqueGetter") return true;
    if (getter !== undefined) return false;
    // `init(…).catch(() => undefined)`, `.finally(cb)`, `.then((t) => { …; return t; })`: the tracer, or on failure what the callback gives (nothing, or a tracer too).
    if (isSettledTracerPromise(input, expression, depth)) return true;
    // `tracing.getTracer()` of another module's class that returns one (`tracerHoldersOf`).
    if (heldByImportedHolder(input, expression)) return true;
    // `current()`, `t.getTracer()` of another module's function declared or written to return one.
    const imported = importedFunctionOf(input, expression);
    if (imported && holderFactOf(input, imported.reference, "function")?.returnsTracer) return true;
    // `tracer()` of `const tracer = setupTracer(hooks)`, or `setupTracer(hooks)()`: another module's function returning a getter of one.
    const made = unwrapExpression(callee?.type === AST_NODE_TYPES.Identifier ? getAnalysisContext(input).bindings.valueOf(callee) : callee);
    const maker = made?.type === AST_NODE_TYPES.CallExpression ? importedFunctionOf(input, made) : undefined;
    if (maker && holderFactOf(input, maker.reference, "function")?.returnsTracerGetter) return true;
    // `tracers.get(key)` of a `Map<string, HoneyHiveTracer>`.
    if (callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "get" && expression.arguments.length === 1) {
      const collection = collectionOf(input, callee.object);
      if (collection?.kind === "map") return namesTracerType(input, collection.value);
    }
    const fn = callee?.type === AST_NODE_TYPES.Identifier ? knownFunctionOf(input, callee) : callee ? (ownMethodOf(callee, "method") ?? staticMethodOf(input, callee)) : undefined;
    if (fn !== undefined && functionReturnsTracer(input, fn, depth + 1)) return true;
    return genericGetterOfTracer(input, expression, fn);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    // `this.current` of a getter of the class: `get current(): HoneyHiveTracer { … }`.
    const getter = ownMethodOf(expression, "get");
    if (getter) return functionReturnsTracer(input, getter, depth + 1);
    // `Registry.tracer` of `class Registry { static tracer: HoneyHiveTracer; … }`, `deps.tracer` of
    // `deps: Deps` with `interface Deps { tracer: HoneyHiveTracer }`, `this.deps.tracer`.
    if (namesTracerType(input, declaredTypeOf(input, expression, 0))) return true;
    // `new Tracing().tracer`, `this.tracing.current` of another module's class that holds one (`tracerHoldersOf`).
    if (heldByImportedHolder(input, expression)) return true;
    // `request.server.hh` where the file augments a package's interface with `hh: HoneyHiveTracer`.
    if (expression.object.type !== AST_NODE_TYPES.ThisExpression && augmentedTracerMembers(input).has(memberName(expression) ?? "") && !receiverOfOwnType(input, expression)) return true;
    // `tracers[key]` of a `Record<string, HoneyHiveTracer>`, `list[0]` of a `HoneyHiveTracer[]`.
    if (expression.computed) {
      const collection = collectionOf(input, expression.object);
      if (collection && collection.kind !== "map") return namesTracerType(input, collection.value);
    }
    // `require("./tracing").tracer` of a module exporting its tracer by that name (`module.exports = { tracer }`,
    // `exports.tracer = …`, a getter property): the export, as `hh.tracer` of `const hh = require("./tracing")`.
    const required = requireSpecifier(unwrapExpression(expression.object));
    const exported = expression.computed ? undefined : memberName(expression);
    if (required !== undefined) return exported !== undefined && exportedTracerShape(input, { specifier: required, name: exported }) === "tracer";
    // `observability.tracer` of `const observability = { tracer: await HoneyHiveTracer.init(…) }`.
    return tracerFlow(input, constObjectProperty(input, expression), depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableAt(input, expression);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return false;
  if (def.name.type === AST_NODE_TYPES.Identifier && namesTracerType(input, def.name.typeAnnotation?.typeAnnotation ?? destructuredType(input, def.name, 0))) return true;
  if (jsdocTypedTracer(input, def)) return true;
  if (destructuredFromImportedHolder(input, variable)) return true;
  // `ready` of `import { ready } from "./tracing"` (or `const { ready } = require("./tracing")`) where that module
  // exports a tracer or 1.x init's promise (`export const ready = HoneyHiveTracer.init(…)`): `const t = await ready`.
  if ((def.type === "ImportBinding" || (def.type === "Variable" && def.node.id !== def.name)) && importedTracerShape(input, variable) === "tracer") return true;
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
  if (def.type === "Parameter" && isFunctionNode(def.node) && callbackParameterIsTracer(input, def.node, def.name)) return true;
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

/**
 * `container.get<Promise<HoneyHiveTracer>>(TYPES.Tracer)`, `resolve<HoneyHiveTracer>("tracer")`: a dependency
 * container's generic getter, whose one type argument names what it returns (Inversify, NestJS's `moduleRef.get`,
 * Angular's `inject`, a hand-written `resolve<T>(token): T`). Where the file declares the function (`fn`), it must
 * be declared to return that type parameter; a getter of another module or package is taken at its word.
 */
function genericGetterOfTracer(input: AnalysisInput, call: TSESTree.CallExpression, fn: FunctionNode | undefined): boolean {
  const [argument, ...others] = call.typeArguments?.params ?? [];
  if (!argument || others.length > 0 || !namesTracerType(input, argument)) return false;
  if (fn === undefined) return true;
  const [parameter] = fn.typeParameters?.params ?? [];
  const returned = fn.returnType?.typeAnnotation;
  return parameter !== undefined && returned?.type === AST_NODE_TYPES.TSTypeReference && returned.typeName.type === AST_NODE_TYPES.Identifier && returned.typeName.name === parameter.name.name && !returned.typeArguments;
}

/** A JavaScript file whose JSDoc imports a type of the SDK (`@param {import("honeyhive").HoneyHiveTracer} t`, `@import { … } from "honeyhive"`): it uses 1.x as a file importing types does. */
function jsdocNamesSdk(input: AnalysisInput): boolean {
  if (!mayHaveJsdocTypes(input.ast, input.text, input.filename)) return false;
  const modules = [...jsdocModules(input.text), ...[...jsdocImportsOf(input).values()].map(({ module }) => module)];
  return modules.some((module) => isSdkModule(module, input.settings));
}

/**
 * `p.catch(cb)` where `p` gives a tracer and `cb` returns nothing, `undefined`, `null` or a tracer (read
 * with `?.` after, as the code must); `p.finally(cb)`, which gives what `p` gives; `p.then(function (t) {
 * …; return t; })`, which hands the tracer on.
 */
function isSettledTracerPromise(input: AnalysisInput, call: TSESTree.CallExpression, depth: number): boolean {
  const promise = promiseHandedOn(input, call, (value) => tracerFlow(input, value, depth + 1));
  return promise !== undefined && tracerFlow(input, promise, depth + 1);
}

/**
 * The promise whose value `call` hands on: `p` of `p.then(cb)` where `cb` returns its first parameter on
 * every path (`function (tracer) { …; return tracer; }`), of `p.finally(cb)`, and of `p.catch(cb)` where
 * `cb` returns nothing, `undefined`, `null`, a `console` call's result, or what `accepts` takes (the value
 * is then `p`'s or nothing). An init's promise stays one through these: what `tracerFlow` and the export
 * facts (`initPromiseExports`) read. Undefined for any other call.
 */
export function promiseHandedOn(input: AnalysisInput, call: TSESTree.CallExpression, accepts: (value: TSESTree.Node) => boolean = () => false): TSESTree.Node | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  const handler = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (name === "then") return call.arguments.length === 1 && isFunctionNode(handler) && returnsItsParameter(input, handler) ? callee.object : undefined;
  if (name === "finally") return callee.object;
  if (name !== "catch" || call.arguments.length !== 1 || !isFunctionNode(handler) || handler.async) return undefined;
  const empty = (value: TSESTree.Node) => {
    const bare = unwrapExpression(value);
    return (
      (bare?.type === AST_NODE_TYPES.Identifier && bare.name === "undefined") ||
      (bare?.type === AST_NODE_TYPES.Literal && bare.value === null) ||
      (bare?.type === AST_NODE_TYPES.UnaryExpression && bare.operator === "void") ||
      (bare !== undefined && isConsoleCall(input, bare))
    );
  };
  return returnedValues(input, handler).every((value) => empty(value) || accepts(value)) ? callee.object : undefined;
}

/** `(t) => t`, `function (t) { …; return t; }`: every return (and the end of the body) gives the first parameter, never reassigned. */
function returnsItsParameter(input: AnalysisInput, fn: FunctionNode): boolean {
  const [parameter] = fn.params;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = input.scopeManager.getDeclaredVariables(fn).find((candidate) => candidate.name === parameter.name);
  if (!variable || variable.references.some((reference) => reference.isWrite())) return false;
  const last = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.at(-1) : undefined;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement && last?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  return returnedValues(input, fn).every((value) => {
    const bare = unwrapExpression(value);
    return bare?.type === AST_NODE_TYPES.Identifier && findVariable(input.scopeManager, bare, bare.name) === variable;
  });
}

/** `console.warn(e)` of the global `console` (not a binding of the file): its methods give undefined. */
function isConsoleCall(input: AnalysisInput, node: TSESTree.Node): boolean {
  const callee = node.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(node.callee) : undefined;
  const object = callee?.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? unwrapExpression(callee.object) : undefined;
  return object?.type === AST_NODE_TYPES.Identifier && object.name === "console" && !findVariable(input.scopeManager, object, "console")?.defs.length;
}

/**
 * `const { tracer } = await createObservability(…)`: a key destructured, and never reassigned, from what
 * another module's function returns where its facts list that key as a tracer (`return { tracer, session }`),
 * as `obs.tracer` of `const obs = await createObservability(…)` is read.
 */
function destructuredFromImportedHolder(input: AnalysisInput, variable: Scope.Variable): boolean {
  const def = variable.defs[0]!;
  const property = def.name.parent;
  const declarator = def.node;
  if (def.type !== "Variable" || declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return false;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== def.name || property.parent !== declarator.id) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const key = staticName(property.key, property.computed);
  return key !== undefined && importedHolderOf(input, declarator.init)?.members.includes(key) === true;
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

/**
 * The initializer that types a variable (`const tracers = new Map<…>()`; also `let tracing = new
 * Tracing()` reassigned later: TypeScript types an untyped `let` by its initializer, so every value
 * assigned to it has that type) or a field of the class (`private tracers = new Map<…>()`). For type
 * questions only: what the variable holds at run time is the binding resolver's `valueOf`.
 */
function initializerOf(input: AnalysisInput, node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(node);
  if (expression?.type === AST_NODE_TYPES.Identifier) {
    const variable = variableAt(input, expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return undefined;
    return def.node.init ?? undefined;
  }
  if (expression?.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(expression.object)?.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(expression);
  return name === undefined ? undefined : (fieldOfClass(thisClass(expression)?.body, name, false)?.value ?? undefined);
}

/**
 * The variable `identifier` refers to. The SDK model's resolver where the file uses the SDK; the scope
 * manager's where it does not (a file reaching a tracer only through another module's class), as the
 * model of such a file is empty.
 */
function variableAt(input: AnalysisInput, identifier: TSESTree.Identifier): Scope.Variable | undefined {
  return getSdkModel(input).variableOf(identifier) ?? findVariable(input.scopeManager, identifier, identifier.name) ?? undefined;
}

/**
 * `withTracer(async (t) => t.flush())` where the file declares `withTracer(fn: (tracer: HoneyHiveTracer)
 * => Promise<T>)`: the callback's parameter has the type the called function's parameter gives it.
 */
function callbackParameterIsTracer(input: AnalysisInput, callback: FunctionNode, parameter: TSESTree.Node): boolean {
  const call = callback.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const argumentIndex = call.arguments.indexOf(callback as TSESTree.CallExpressionArgument);
  const parameterIndex = callback.params.indexOf(parameter as TSESTree.Parameter);
  const called = argumentIndex < 0 || parameterIndex < 0 ? undefined : knownFunctionOf(input, call.callee);
  const declared = called?.params[argumentIndex];
  const type = declared?.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
  const given = type?.type === AST_NODE_TYPES.TSFunctionType ? type.params[parameterIndex] : undefined;
  return given?.type === AST_NODE_TYPES.Identifier && namesTracerType(input, given.typeAnnotation?.typeAnnotation);
}

/**
 * The function returns a tracer (or its promise): by its declared return type, else by what each of its
 * returns returns. A return type of `typeof HoneyHiveTracer` (or its promise) is the class's type, which
 * code with the class from an untyped `require("honeyhive").HoneyHiveTracer` writes for the instance: there
 * the returns decide.
 */
function functionReturnsTracer(input: AnalysisInput, fn: FunctionNode, depth: number): boolean {
  if (!fn.returnType) return returnsTracer(input, fn, depth);
  const type = fn.returnType.typeAnnotation;
  return namesTracerType(input, type) || (namesTracerClassType(input, type) && returnsTracer(input, fn, depth));
}

/** `typeof HoneyHiveTracer`, or `Promise<typeof HoneyHiveTracer>`: the class's own type. */
function namesTracerClassType(input: AnalysisInput, type: TSESTree.TypeNode): boolean {
  const inner =
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    WRAPPING_TYPES.has(type.typeName.name) &&
    type.typeArguments?.params.length === 1 &&
    isGlobalType(input, type.typeName)
      ? type.typeArguments.params[0]
      : type;
  return inner?.type === AST_NODE_TYPES.TSTypeQuery && inner.exprName.type === AST_NODE_TYPES.Identifier && getSdkModel(input).sdkExportOf(inner.exprName) === "HoneyHiveTracer";
}

/** `this.<name>` naming a non-static method (or getter) of the class `this` is in. */
function ownMethodOf(node: TSESTree.Node, kind: "method" | "get"): FunctionNode | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(node);
  const owner = thisClass(node);
  return name === undefined || owner === undefined ? undefined : classMethods(owner, { names: [name], kind })[0]?.fn;
}

/** `Registry.tracer()` naming a static method of a class of the file (`static async tracer(): Promise<HoneyHiveTracer>`). */
function staticMethodOf(input: AnalysisInput, node: TSESTree.Node): FunctionNode | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = variableAt(input, node.object)?.defs[0];
  const name = memberName(node);
  if (def?.type !== "ClassName" || (def.node.type !== AST_NODE_TYPES.ClassDeclaration && def.node.type !== AST_NODE_TYPES.ClassExpression) || name === undefined) return undefined;
  return classMethods(def.node, { names: [name], static: true })[0]?.fn;
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
    const def = variableAt(input, expression)?.defs[0];
    if (def?.name.type !== AST_NODE_TYPES.Identifier) return undefined;
    return def.name.typeAnnotation?.typeAnnotation ?? destructuredType(input, def.name, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(expression);
  if (name === undefined) return undefined;
  const holder = unwrapExpression(expression.object);
  if (holder?.type === AST_NODE_TYPES.ThisExpression) return classMemberType(thisClass(expression)?.body, name, false);
  const def = holder?.type === AST_NODE_TYPES.Identifier ? variableAt(input, holder)?.defs[0] : undefined;
  if (def?.type === "ClassName" && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return classMemberType(def.node.body, name, true);
  return propertyType(input, declaredTypeOf(input, expression.object, depth + 1), name, depth + 1);
}

/** `{ tracer }: Deps` (a parameter or variable destructured from a typed object): the type of its key there. */
function destructuredType(input: AnalysisInput, binding: TSESTree.Identifier, depth: number): TSESTree.TypeNode | undefined {
  const property = binding.parent;
  const pattern = property?.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== binding || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const key = staticName(property.key, property.computed);
  if (key === undefined) return undefined;
  // `const { tracer } = options` of `options: { tracer: HoneyHiveTracer }`: the type of what it destructures.
  const declarator = pattern.parent;
  const source = pattern.typeAnnotation?.typeAnnotation ?? (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === pattern && declarator.init ? declaredTypeOf(input, declarator.init, depth + 1) : undefined);
  return propertyType(input, source, key, depth);
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
  const field = fieldOfClass(body, name, isStatic);
  if (field) return field.typeAnnotation?.typeAnnotation;
  for (const element of body?.body ?? []) {
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

/** The field `name` of a class body (`tracer: HoneyHiveTracer`, `#tracer`, `static tracer`). */
function fieldOfClass(body: TSESTree.ClassBody | undefined, name: string, isStatic: boolean): TSESTree.PropertyDefinition | undefined {
  return body?.body.find(
    (element): element is TSESTree.PropertyDefinition =>
      element.type === AST_NODE_TYPES.PropertyDefinition && element.static === isStatic && staticName(element.key, element.computed) === name,
  );
}

/** `holder.key` where `holder` is a `const` of the file initialized with an object literal: the value written for `key` there. */
function constObjectProperty(input: AnalysisInput, member: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const name = memberName(member);
  const holder = unwrapExpression(member.object);
  if (name === undefined || holder?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = variableAt(input, holder)?.defs[0];
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
  // `return null` / `return;` beside tracers (an init in try, `null` in catch) reads as `HoneyHiveTracer | null` does: a tracer where there is one.
  const tracers = returns.filter((statement) => tracerFlow(input, statement.argument, depth));
  return tracers.length > 0 && returns.every((statement) => tracers.includes(statement) || isNullish(statement.argument));
}

/** Nothing, `null` or `undefined`. */
function isNullish(node: TSESTree.Node | null): boolean {
  const expression = unwrapExpression(node);
  return !expression || (expression.type === AST_NODE_TYPES.Literal && expression.value === null) || (expression.type === AST_NODE_TYPES.Identifier && expression.name === "undefined");
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

/**
 * The list of `Promise.race([…])` (or `Promise.any`) where every element but the tracers is a timeout: a
 * `new Promise(…)` written there or held by a `const` of the file (`const timeout = new Promise<null>((r) =>
 * setTimeout(() => r(null), 2000))`). Such a race gives the tracer or what the timeout resolves to, never
 * another object with a tracer's methods; a list with anything else (another call, a spread) is not read.
 */
function timedOutTracerRace(input: AnalysisInput, call: TSESTree.CallExpression): readonly TSESTree.Expression[] | undefined {
  const callee = unwrapExpression(call.callee);
  const list = call.arguments.length === 1 ? unwrapExpression(call.arguments[0]) : undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== "Promise") return undefined;
  if (!RACING_COMBINATORS.has(memberName(callee) ?? "") || list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const elements = list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
  if (elements.length !== list.elements.length) return undefined;
  const isTimeout = (element: TSESTree.Expression) => {
    const held = unwrapExpression(element);
    const value = held?.type === AST_NODE_TYPES.Identifier ? constInitializer(input, held) : held;
    return value?.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === "Promise";
  };
  const others = elements.filter((element) => !isTimeout(element));
  return others.length > 0 && others.length < elements.length ? others : undefined;
}

/** `Promise.race` and `Promise.any` settle with one element's value: a tracer's list gives a tracer or a timeout's value. */
const RACING_COMBINATORS: ReadonlySet<string> = new Set(["race", "any"]);

/** The initializer of the `const` (of the file, written once) `identifier` reads. */
function constInitializer(input: AnalysisInput, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const def = findVariable(input.scopeManager, identifier, identifier.name)?.defs[0];
  return def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.parent?.kind === "const" ? (def.node.init ?? undefined) : undefined;
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
  return isTracerClass(input, typeName);
}

/** `HoneyHiveTracer` of the SDK, through any import of it or of a barrel re-exporting it. */

/**
 * What `node` evaluates to is declared as the tracer itself, not its promise: a variable or parameter
 * declared `: HoneyHiveTracer` (or with `| undefined`), `tracers.get(k)` of a `Map<string, HoneyHiveTracer>`.
 */
export function holdsTracerItself(input: AnalysisInput, node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (!expression) return false;
  let type: TSESTree.TypeNode | undefined;
  if (expression.type === AST_NODE_TYPES.Identifier && expression.typeAnnotation) type = expression.typeAnnotation.typeAnnotation;
  else if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    const collection = callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "get" ? collectionOf(input, callee.object) : undefined;
    type = collection?.kind === "map" ? collection.value : undefined;
  } else type = declaredTypeOf(input, expression, 0);
  const named = type?.type === AST_NODE_TYPES.TSUnionType ? nonNullishMember(type) : type;
  return named?.type === AST_NODE_TYPES.TSTypeReference && !named.typeArguments && isTracerClass(input, named.typeName);
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
  let calls = sdkCallsByFile.get(input.ast);
  if (calls === undefined) {
    const all: SdkCall[] = [];
    for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
      const name = sdk.sdkExportOf(call.callee);
      if (name !== undefined) all.push({ call, name });
    }
    sdkCallsByFile.set(input.ast, (calls = all));
  }
  return calls.filter((entry) => names.has(entry.name));
}

interface SdkCall {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
}

/** Per file: every call of an SDK export, in document order (asked by four 1.x transforms, each for its own names). */
const sdkCallsByFile = new AttachedCache<TSESTree.Program, readonly SdkCall[]>("honeyhive.sdkCalls1x");

/** The name `discardedInit`'s statement gives the tracer. */
export const DISCARDED_INIT_NAME = "tracer";

/**
 * The README's 1.x shape: `await HoneyHiveTracer.init({…});` as a statement of the module, and free
 * wrappers (`traceFunction`, `enrichSpan`, `enrichSession`) that found that tracer through 1.x's global
 * instance. Here nothing is global, so 1x-init writes `const tracer = HoneyHiveTracer.init({…});` and
 * explicit-tracer binds the free calls to it. The init call, where the file calls such a free function,
 * has exactly one such statement, and `tracer` names nothing in the file (no variable in any scope, no
 * global read); else undefined.
 */
export function discardedInit(input: AnalysisInput): TSESTree.CallExpression | undefined {
  if (sdkFunctionCalls(input, IMPLICIT_TRACER_EXPORTS_1X).length === 0) return undefined;
  const statements = staticCalls(input, TRACER_FACTORY_STATICS_1X).filter(({ call }) => {
    const parent = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent.parent : call.parent;
    return parent?.type === AST_NODE_TYPES.ExpressionStatement && parent.parent?.type === AST_NODE_TYPES.Program;
  });
  if (statements.length !== 1) return undefined;
  const taken = input.scopeManager.scopes.some(
    (scope) => scope.set.has(DISCARDED_INIT_NAME) || scope.through.some((reference) => reference.identifier.name === DISCARDED_INIT_NAME),
  );
  return taken ? undefined : statements[0]!.call;
}

/**
 * The name of the one module-level `const tracerReady = HoneyHiveTracer.init({…})` (not awaited) that
 * `node` can name: 1.x's promise of the tracer, which 1x-init leaves as it is written, so that here it
 * holds the tracer itself (the 1.x model does not count the promise among the file's tracers). A free
 * wrapper can take it as its `tracer` option where it runs after the declaration (in a function, or
 * below it at load time). Undefined for none, several, or one declared after a load-time `node`.
 */
export function moduleInitPromiseAt(input: AnalysisInput, node: TSESTree.Node): string | undefined {
  const names = staticCalls(input, TRACER_FACTORY_STATICS_1X).flatMap(({ call }) => {
    const declarator = call.parent;
    const declaration = declarator?.parent;
    const statement = declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
    const held =
      declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.init === call &&
      declarator.id.type === AST_NODE_TYPES.Identifier &&
      declaration?.type === AST_NODE_TYPES.VariableDeclaration &&
      declaration.kind === "const" &&
      statement?.parent?.type === AST_NODE_TYPES.Program;
    return held ? [{ name: (declarator.id as TSESTree.Identifier).name, declarator }] : [];
  });
  if (names.length === 0) return importedInitPromiseAt(input, node);
  if (names.length !== 1) return undefined;
  const [{ name, declarator }] = names as [{ name: string; declarator: TSESTree.VariableDeclarator }];
  // Not shadowed where it would be written.
  if (findVariable(input.scopeManager, node, name)?.defs[0]?.node !== declarator) return undefined;
  return enclosingFunction(node) || declarator.range[1] <= node.range[0] ? name : undefined;
}

/**
 * moduleInitPromiseAt() of a file without an init of its own: the one module-level binding imported from a
 * project module whose export is such a promise (`const { tracerReady } = require("../lib")`, through
 * `module.exports = require("./tracer")` too: the facts' `initPromiseExports`), if `node` sees that binding.
 */
function importedInitPromiseAt(input: AnalysisInput, node: TSESTree.Node): string | undefined {
  if (!input.readModuleFacts) return undefined;
  const read = input.readModuleFacts;
  const promises = (moduleScopeOf(input.scopeManager)?.variables ?? []).filter((variable) => {
    const found = variable.defs.length === 1 ? importedExport(input, variable) : undefined;
    return found !== undefined && projectModules().factsOf(found.path, read).initPromiseExports?.includes(found.name) === true;
  });
  if (promises.length !== 1) return undefined;
  const [promise] = promises as [Scope.Variable];
  return findVariable(input.scopeManager, node, promise.name) === promise ? promise.name : undefined;
}

/**
 * The one tracer whose reference can be written at `node` without review, as text (`tracer`,
 * `getTracer()`, `this.tracer`, or `tracing.tracer` read off a project module's binding the file holds,
 * `heldTracersInScopeAt`, counted as the rules' explicit-tracer counts it); undefined when there is none
 * or several.
 */
export function soleTracerAt(input: AnalysisInput, node: TSESTree.Node): string | undefined {
  const sdk = getSdkModel(input);
  const texts = new Set([...sdk.tracersInScopeAt(node), ...sdk.heldTracersInScopeAt(node)].filter((candidate) => candidate.safe).map((candidate) => candidate.text));
  return texts.size === 1 ? [...texts][0] : undefined;
}

/** The function `node` certainly is: a function expression, or an identifier declared as one in this file. */
export function knownFunctionOf(input: AnalysisInput, node: TSESTree.Node): FunctionNode | undefined {
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return expression;
  if (expression?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableAt(input, expression);
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

/**
 * `option1x(of, key)` for a key written next to `siblingKeys` in one object. A rename of a key that 1.x
 * had stopped reading before another key of the object existed becomes a marker: that object was written
 * for a version that ignored the key, so renaming it would turn on a value 1.x never used (`server_url`,
 * read until 1.0.33, next to camelCase `apiKey`, read from 1.0.33 on). Only when no other key of the object
 * belongs to the earlier versions too.
 */
export function option1xAmong(of: string, key: string, siblingKeys: readonly string[]): Option1xEntry | undefined {
  const option = option1x(of, key);
  const until = option?.versions.until;
  if (!option || option.migration.decision !== "rename" || option.migration.to === key) return option;
  const twice = renamedOntoSibling(of, option, siblingKeys);
  if (until === undefined) return twice ?? option;
  const siblings = siblingKeys.filter((sibling) => sibling !== key).flatMap((sibling) => option1x(of, sibling) ?? []).filter((sibling) => !sibling.pythonSdk);
  const later = siblings.find((sibling) => !spanMeets(versionSpansOfRange(`>=${sibling.versions.since}`)![0]!, option.versions.since, until));
  // Another key of the same earlier era (`hh_api_key` beside `server_url` and a stray `runConcurrently`): the object
  // mixes eras, and which of them 1.x read is not for this key to decide.
  const laterStart = versionSpansOfRange(`>=${until}`)![0]!;
  if (!later || siblings.some((sibling) => !spanMeets(laterStart, sibling.versions.since, sibling.versions.until))) return twice ?? option;
  const why = `1.x read it only before ${until}, and \`${later.key}\` (read from ${later.versions.since}) says this config is for a later version, which ignored it: as \`${option.migration.to}\` it would take effect for the first time; set \`${option.migration.to}\` if it should`;
  return { ...option, migration: { ...option.migration, decision: "marker", why } };
}

/**
 * A rename of `option` that would write its new name a second time into the object: beside that name itself
 * (`hh_api_key` next to `apiKey` in a config mixing eras: which one 1.x read depends on its version), or, for
 * a Python SDK key, beside the 1.x key that is renamed to the same name (`max_workers` next to `maxWorkers`: 1.x
 * read the latter). An object literal with a key twice keeps the last value and does not type-check, so the key
 * is dropped under a marker instead, and the other one is renamed or kept.
 */
function renamedOntoSibling(of: string, option: Option1xEntry, siblingKeys: readonly string[]): Option1xEntry | undefined {
  const to = option.migration.to;
  if (to === undefined) return undefined;
  const other = siblingKeys.find((sibling) => {
    if (sibling === option.key) return false;
    if (sibling === to) return true;
    const entry = option.pythonSdk ? option1x(of, sibling) : undefined;
    return entry !== undefined && !entry.pythonSdk && entry.migration.decision === "rename" && entry.migration.to === to;
  });
  if (other === undefined) return undefined;
  const why = option.pythonSdk
    ? `1.x ignored this Python SDK key and read \`${other}\`${other === to ? "" : `, which becomes \`${to}\` here`}: two \`${to}\` keys would not type-check`
    : `the object also has \`${other}\`: as \`${to}\` it would be that key a second time (which of the two 1.x read depended on its version); keep the value that should hold`;
  return { ...option, migration: { ...option.migration, decision: "marker", why } };
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

/**
 * `node` is what 1.x's init returned, a promise of the tracer: an init call without `await`, a variable
 * of the file assigned one (`pending ??= HoneyHiveTracer.init(…)`), or a call of a getter returning one
 * (a function of the file, `const fresh = () => tracerPromise`, or a project module's export its facts
 * list as such a getter, `initPromiseGetters`). A getter made `async` by the first run still is one.
 */
export function isInitPromiseValue(input: AnalysisInput, node: TSESTree.Node, depth = 0): boolean {
  const expression = withoutCasts(node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression || depth > 2) return false;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    if (isUnawaitedInitCall(input, expression)) return true;
    if (expression.callee.type !== AST_NODE_TYPES.Identifier) return false;
    const fn = knownFunctionOf(input, expression.callee);
    if (fn) return returnedValues(input, fn).some((value) => isInitPromiseValue(input, value, depth + 1));
    const variable = variableAt(input, expression.callee);
    const found = variable && importedExport(input, variable);
    return found !== undefined && input.readModuleFacts !== undefined && projectModules().factsOf(found.path, input.readModuleFacts).initPromiseGetters?.includes(found.name) === true;
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableAt(input, expression);
  return (variable?.references ?? []).some(({ identifier, init }) => {
    const parent = identifier.parent;
    const value =
      init && parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier
        ? parent.init
        : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier
          ? parent.right
          : undefined;
    return value !== null && value !== undefined && isUnawaitedInitCall(input, value);
  });
}

const augmentedMembers = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/**
 * Properties typed as the tracer in interfaces the file declares inside a module augmentation of a package
 * or passes as a type argument to a package's class
 * (`declare module "fastify" { interface FastifyInstance { hh: HoneyHiveTracer } }`) or `declare global`:
 * every value of that package's type has the member, which the file cannot trace to a declaration without
 * a type checker; so `<x>.hh` (not `this.hh`) in the file is that tracer.
 */
function augmentedTracerMembers(input: AnalysisInput): ReadonlySet<string> {
  let members = augmentedMembers.get(input.ast);
  if (members) return members;
  const found = new Set<string>();
  if (/\bdeclare\s+(?:module\s+["']|global\b)/.test(input.text)) {
    for (const block of nodesOfType(input.ast, AST_NODE_TYPES.TSModuleDeclaration)) {
      const augments = block.kind === "global" || (block.id.type === AST_NODE_TYPES.Literal && !String(block.id.value).startsWith("."));
      if (!augments || !block.body) continue;
      for (const signature of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.TSPropertySignature], block.body)) {
        const name = staticName(signature.key, signature.computed);
        if (name !== undefined && signature.parent?.parent?.type === AST_NODE_TYPES.TSInterfaceDeclaration && namesTracerType(input, signature.typeAnnotation?.typeAnnotation)) found.add(name);
      }
    }
  }
  // `new Koa<State>()` of a package with `interface State { tracer: HoneyHiveTracer }`: the framework hands
  // values of that type to its callbacks (`ctx.state.tracer`), which the file cannot follow without a type checker.
  if (/\bnew\s+[\w.$]+\s*</.test(input.text)) {
    for (const made of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
      const callee = made.callee.type === AST_NODE_TYPES.Identifier ? made.callee : undefined;
      const origin = callee && getAnalysisContext(input).bindings.originOf(callee);
      if (!origin || isProjectModule(origin.module, input) || isSdkModule(origin.module, input.settings)) continue;
      for (const argument of made.typeArguments?.params ?? []) {
        const declared = argument.type === AST_NODE_TYPES.TSTypeReference && argument.typeName.type === AST_NODE_TYPES.Identifier ? typeDeclarationOf(input, argument.typeName) : undefined;
        const body = declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration ? declared.body.body : declared?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declared.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral ? declared.typeAnnotation.members : [];
        for (const member of body) {
          const name = member.type === AST_NODE_TYPES.TSPropertySignature ? staticName(member.key, member.computed) : undefined;
          if (name !== undefined && member.type === AST_NODE_TYPES.TSPropertySignature && namesTracerType(input, member.typeAnnotation?.typeAnnotation)) found.add(name);
        }
      }
    }
  }
  augmentedMembers.set(input.ast, (members = found));
  return members;
}

/**
 * The file says what `member`'s receiver is, so an augmented member of the same name is not its:
 * `metrics.hh` of `const metrics = { hh: new StatsD() }`, `client.hh` of `client: Metrics` with an
 * `interface Metrics` (or class, or type alias) declared outside the augmentation and extending nothing,
 * `literal.hh` of `literal: { hh: StatsD }`.
 */
function receiverOfOwnType(input: AnalysisInput, member: TSESTree.MemberExpression): boolean {
  if (constObjectProperty(input, member) !== undefined) return true;
  const type = declaredTypeOf(input, member.object, 0);
  if (type?.type === AST_NODE_TYPES.TSTypeLiteral) return true;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const declared = typeDeclarationOf(input, type.typeName);
  if (declared === undefined || nodeWithin(declared, AST_NODE_TYPES.TSModuleDeclaration)) return false;
  if (declared.type === AST_NODE_TYPES.TSInterfaceDeclaration) return declared.extends.length === 0;
  if (declared.type === AST_NODE_TYPES.ClassDeclaration) return declared.superClass === null;
  return declared.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declared.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral;
}

function nodeWithin(node: TSESTree.Node, type: AST_NODE_TYPES): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === type) return true;
  return false;
}

/** A cast of `node`'s own (`x as HoneyHiveTracer`, `<HoneyHiveTracer>x`, the outer one of `x as unknown as …`) to the tracer's type. */
function castToTracer(input: AnalysisInput, node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
  return (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSTypeAssertion) && namesTracerType(input, current.typeAnnotation);
}

/** `node` without TypeScript's casts and `?.` chains (unlike unwrapExpression, an `await` stays). */
function withoutCasts(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.ChainExpression
  )
    current = current.expression;
  return current;
}

function isUnawaitedInitCall(input: AnalysisInput, node: TSESTree.Node): boolean {
  const call = withoutCasts(node);
  return call?.type === AST_NODE_TYPES.CallExpression && staticCalls(input, TRACER_FACTORY_STATICS_1X).some((found) => found.call === call);
}

/** What `fn` returns: its expression body, or the arguments of its own return statements. */
export function returnedValues(input: AnalysisInput, fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.ReturnStatement], fn.body).flatMap((statement) => (statement.argument && enclosingFunction(statement) === fn ? [statement.argument] : []));
}
