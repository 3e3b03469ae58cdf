// A tracer created per request, per invocation, per datapoint or per item: `HoneyHiveTracer.init()`
// (and the 1.x forms `await HoneyHiveTracer.init()`, `new HoneyHiveTracer()`), or an OpenTelemetry
// provider / NodeSDK built and made global (`register()`, `start()`, `setGlobalTracerProvider()`),
// inside a request handler or middleware, a serverless entry point, the function evaluate() runs, or a
// loop over items. The seeds: initialize once at startup (web servers), lazy-init outside the handler
// and reuse it on warm starts (serverless), let evaluate() create the tracer per datapoint, and create
// a session, not a tracer, per unit of work. Shared by the rule `no-tracer-init-in-handler` and the
// transform `hoist-tracer-init`, so both find exactly the same creations.
//
// What creates a tracer is read from the SDK profiles (knowledge/sdks): this SDK's statics that return
// a tracer, the 1.x entries marked `createsTracer`, the OpenTelemetry components with an activation.
// Not reported: a creation that caches (`tracer ??= …`, `if (!tracer) tracer = …`, `cache.get(k) ??
// …`, `if (!cache.has(k)) cache.set(k, …)`, `if (!t) { t = …; cache.set(k, t) }` into something that
// outlives the call), anything at module
// level or in a function that is neither a handler nor run by evaluate() nor a loop body (main(),
// Next.js `register()`, a test's `beforeEach`), and in a loop a tracer kept beyond the iteration (one
// tracer per project built at startup is the multi-instance design, not a per-item tracer).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, enclosingFunction, globalSlotOf, isFunctionNode, isTopLevelModuleBinding, LOOP_TYPES, memberName, reportAnalysisError, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { mayHoldEntry } from "./entry-gate.js";
import type { ExportFact } from "./export-facts.js";
import { importedFact, type ImportedExport } from "./project-modules.js";
import { AttachedCache } from "./attached-cache.js";
import { originName, type ModuleOrigin } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import { getEvaluateModel } from "./evaluate.js";
import { getHandlerModel, type Handler, type HandlerModel, type PerRequestClass } from "./handlers.js";
import type { AnalysisInput } from "./input.js";
import { isAppLifetimeMember } from "./knowledge/app-lifetime.js";
import { functionCacheLifetime } from "./function-caches.js";
import { API_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { TRACER_STATICS } from "./knowledge/sdks/honeyhive.js";
import { GLOBAL_PROVIDER_SETTERS, OTEL_COMPONENTS, type OtelComponent } from "./knowledge/sdks/opentelemetry.js";
import type { PackageExport } from "./knowledge/sdks/types.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { exportsOtelToHoneyhive } from "./otel-destination.js";
import { getSdkModel, honeyhiveMajorOfFile } from "./sdk-model.js";
import { importsSdkThroughBarrel } from "./sdk-barrels.js";
import { topLevelKey } from "./session-id-flow.js";
import type { HoneyhiveMajor } from "./sdk-version.js";

/** `HoneyHiveTracer.<name>(…)` statics that make a tracer: this SDK's and 1.x's. */
const CREATING_STATICS: ReadonlySet<string> = new Set([
  ...Object.entries(TRACER_STATICS)
    .filter(([, info]) => info.returns === "tracer")
    .map(([name]) => name),
  ...API_1X.filter((entry) => entry.where === "static" && entry.name !== "constructor" && entry.behaviour?.createsTracer).map((entry) => entry.name),
]);

/** 1.x's `new HoneyHiveTracer(…)` made a tracer (this SDK's constructor is private). */
const NEW_CREATES_TRACER = API_1X.some((entry) => entry.where === "static" && entry.name === "constructor" && entry.behaviour?.createsTracer === true);

/** OpenTelemetry objects that are a whole pipeline (provider or SDK), with how each becomes the global one. */
const OTEL_PIPELINES: readonly OtelComponent[] = OTEL_COMPONENTS.filter((component) => component.role === "provider" || component.role === "sdk");

const PIPELINE_EXPORT_NAMES = [...new Set(OTEL_PIPELINES.map((component) => component.export.name))].join("|");

/** The pipelines made by a call (`registerOTel(…)`), and their names as a text test (undefined when there is none). */
const CALLED_PIPELINES: readonly OtelComponent[] = OTEL_PIPELINES.filter((component) => component.madeBy === "call");
const CALLED_PIPELINE_NAMES = CALLED_PIPELINES.length > 0 ? new RegExp(`\\b(?:${CALLED_PIPELINES.map((component) => component.export.name).join("|")})\\b`) : undefined;

/** The text gate: a file that names none of the creators has no finding (no parse-dependent work at all). */
const CREATOR_NAMES = new RegExp(`\\b(?:HoneyHiveTracer|${PIPELINE_EXPORT_NAMES})\\b`);

/** A creating static called on some name (`Tracer.init(`): the class may come renamed through a project barrel. */
const CREATING_CALL = new RegExp(`\\.\\s*(?:${[...CREATING_STATICS].join("|")})\\s*\\(`);

/**
 * The text gate: the file names a creator, or calls a creating static on a name a project module re-exporting
 * the SDK hands on renamed (`export { HoneyHiveTracer as Tracer } from "honeyhive"`, then `Tracer.init()`).
 */
function mayCreate(input: AnalysisInput): boolean {
  return CREATOR_NAMES.test(input.text) || (CREATING_CALL.test(input.text) && importsSdkThroughBarrel(input));
}

/**
 * The OpenTelemetry pipelines' export names: a `new` expression can only resolve to one where the text
 * names it (an import, a namespace member or a destructuring all spell the export's name), so a file
 * that names none resolves no `new` expression's binding.
 */
const OTEL_PIPELINE_NAMES = new RegExp(`\\b(?:${PIPELINE_EXPORT_NAMES})\\b`);

/** Array methods that call their callback once per item. */
const PER_ITEM_METHODS: ReadonlySet<string> = new Set(["forEach", "map", "flatMap"]);

const ASSIGNMENT_TYPES = [AST_NODE_TYPES.AssignmentExpression] as const;
const CALL_TYPES = [AST_NODE_TYPES.CallExpression] as const;
const IF_TYPES = [AST_NODE_TYPES.IfStatement] as const;
const RETURN_TYPES = [AST_NODE_TYPES.ReturnStatement] as const;

export type PerCallPlace =
  /** A request handler, middleware or serverless entry point (`handler.kind` tells which). */
  | { readonly kind: "handler"; readonly handler: Handler }
  /** The function evaluate() runs for each datapoint, or one it calls. */
  | { readonly kind: "evaluate" }
  /** The body of a loop, or a per-item callback (`items.forEach(…)`, `items.map(…)`). */
  | { readonly kind: "loop"; readonly loop: TSESTree.Node }
  /** A field initializer or the constructor of a class the framework instantiates per request (a NestJS request-scoped provider). */
  | { readonly kind: "instance"; readonly owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression; readonly perRequest: PerRequestClass };

export interface TracerInitPerCall {
  /** The creating expression: `HoneyHiveTracer.init(…)`, `new HoneyHiveTracer(…)`, `new NodeSDK(…)`. */
  readonly creation: TSESTree.CallExpression | TSESTree.NewExpression;
  /** Which API creates it. */
  readonly api: "honeyhive" | "opentelemetry";
  /** How messages name the creation: `HoneyHiveTracer.init()`, `await HoneyHiveTracer.init()`, `new NodeSDK().start()`. */
  readonly display: string;
  /** The `await` around it (1.x's init is async). */
  readonly awaited: TSESTree.AwaitExpression | undefined;
  readonly place: PerCallPlace;
  /** The node each run of which runs the creation again: the handler's or evaluated function, or the loop body. */
  readonly boundary: TSESTree.Node;
  /** The honeyhive major the file is written against (the fix speaks its API). */
  readonly major: HoneyhiveMajor;
  /**
   * The function of this file the creation sits in when that function is what runs per call (a getter
   * that does not cache, `makeTracer()`, called from a handler): its name. Undefined when the creation
   * sits in the per-call code itself.
   */
  readonly helper: string | undefined;
}

interface Creation {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly api: "honeyhive" | "opentelemetry";
  readonly display: string;
  readonly awaited: TSESTree.AwaitExpression | undefined;
}

const cache = new AttachedCache<TSESTree.Program, readonly TracerInitPerCall[]>("honeyhive.tracerInitPerCall");

/** Every tracer created per request, invocation, datapoint or item in the file, in source order; cached per AST, never throws. */
export function findTracerInitsPerCall(input: AnalysisInput): readonly TracerInitPerCall[] {
  return cachedFindings(cache, input, NONE_FOUND, () => (mayCreate(input) ? collect(input) : NONE_FOUND));
}

/** `find()`'s answer for the file, cached per AST; `none` when it throws (reported). */
function cachedFindings<T>(findings: AttachedCache<TSESTree.Program, readonly T[]>, input: AnalysisInput, none: readonly T[], find: () => readonly T[]): readonly T[] {
  let found = findings.get(input.ast);
  if (!found) {
    try {
      found = find();
    } catch (error) {
      reportAnalysisError(error);
      found = none;
    }
    findings.set(input.ast, found);
  }
  return found;
}

const NONE_FOUND: readonly TracerInitPerCall[] = Object.freeze([]);

function collect(input: AnalysisInput): readonly TracerInitPerCall[] {
  // A creation at module level outside any loop runs once (the recommended place): only the others
  // need the handler and evaluate models, which most files that use the SDK would otherwise build here.
  const creations = findCreations(input);
  if (creations.length === 0) return NONE_FOUND;
  // The handler model applies the entry gate itself (an empty model, no walk, for a file it stops).
  const handlers = getHandlerModel(input);
  const evaluate = getEvaluateModel(input);
  let major: HoneyhiveMajor | undefined;
  const found: TracerInitPerCall[] = [];
  const perCall = (node: TSESTree.Node): Where | undefined => {
    const where = placeOf(node, handlers.enclosingHandler(node), evaluate.runFunctions, handlers);
    const value = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
    if (!where || isCached(input, value, where.boundary)) return undefined;
    return where.place.kind === "loop" && !isPerItemValue(input, value) ? undefined : where;
  };
  for (const creation of creations) {
    const direct = perCall(creation.node);
    const inPerCallCode = direct !== undefined || handlers.enclosingHandler(creation.node) !== undefined || placeOf(creation.node, undefined, evaluate.runFunctions, handlers) !== undefined;
    const where = direct ?? (inPerCallCode ? undefined : throughHelper(input, creation, perCall));
    if (!where) continue;
    major ??= honeyhiveMajorOfFile(input);
    found.push({ creation: creation.node, api: creation.api, display: creation.display, awaited: creation.awaited, helper: undefined, ...where, major });
  }
  return found;
}

/**
 * Inside a function, a loop or an instance field's initializer: where `placeOf` (directly, or through
 * the helper function holding it) can find a per-call place. A handler, evaluate()'s function and a
 * per-item callback are functions; a field initializer runs with each `new` of its class.
 */
function mayRunPerCall(node: TSESTree.Node): boolean {
  for (let child = node, current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current) || LOOP_TYPES.has(current.type)) return true;
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static && current.value === child) return true;
  }
  return false;
}

interface Where {
  readonly place: PerCallPlace;
  readonly boundary: TSESTree.Node;
  readonly helper?: string;
}

/**
 * One level through the file's own functions: a function that creates a tracer without caching it
 * (`function makeTracer() { return HoneyHiveTracer.init(…); }`), called from per-call code with the
 * call's result not cached there either. A function called once at startup (`main()`) is not one.
 */
function throughHelper(input: AnalysisInput, creation: Creation, perCall: (node: TSESTree.Node) => Where | undefined): Where | undefined {
  // A field initializer or the constructor (`class Tracing { tracer = HoneyHiveTracer.init() }`): runs with
  // every `new Tracing()`, so one made per call (`new Tracing()` in a handler, not cached) makes a tracer per call.
  const owner = initializedWith(creation.node);
  if (owner) {
    const name = owner.id?.name ?? (owner.parent?.type === AST_NODE_TYPES.VariableDeclarator && owner.parent.id.type === AST_NODE_TYPES.Identifier ? owner.parent.id.name : "class");
    for (const instance of perCallInstancesOf(input, owner)) {
      const where = perCall(instance);
      if (where) return { ...where, helper: `new ${name}` };
    }
    return undefined;
  }
  const fn = enclosingFunction(creation.node);
  if (!fn || isCached(input, creation.awaited ?? creation.node, fn)) return undefined;
  // A method called on an instance made per call (`new Session().tracer()`, `const s = new Session(); s.tracer()`).
  const method = methodOf(fn);
  if (method) {
    for (const instance of perCallInstancesOf(input, method.owner)) {
      if (instanceCalls(input, instance, method.name)) {
        const where = perCall(instance);
        if (where) return { ...where, helper: method.name };
      }
    }
    // A long-lived instance (`const tracing = new Tracing()` at module level) whose method is called per
    // call (`tracing.make()` in a handler): the method's body runs, and makes a tracer, on every call.
    for (const call of heldInstanceCallsOf(input, method.owner, method.name)) {
      const where = perCall(call);
      if (where) return { ...where, helper: method.name };
    }
    return undefined;
  }
  const helper = helperCallsOf(input, fn);
  for (const call of helper?.calls ?? []) {
    const where = perCall(call);
    if (where) return { ...where, helper: helper!.name };
  }
  return undefined;
}

/**
 * The calls of the file that run `fn`'s body each time: calls of a function declaration or a `const`
 * function by its name, of a class's static method (`Tracing.create()`), or of a `const` holding `fn`
 * wrapped in a cache that lives for one request only (React's `cache()`, knowledge/function-caches.ts);
 * a wrapper that caches for the process, or one not known, runs the body once.
 */
function helperCallsOf(input: AnalysisInput, fn: FunctionNode): { readonly name: string; readonly calls: readonly TSESTree.CallExpression[] } | undefined {
  const parent = fn.parent;
  const method = parent?.type === AST_NODE_TYPES.MethodDefinition && parent.static && parent.kind === "method" && parent.value === fn ? staticName(parent.key, parent.computed) : undefined;
  if (method !== undefined) {
    const owner = parent!.parent?.parent;
    const variable = owner?.type === AST_NODE_TYPES.ClassDeclaration ? input.scopeManager.getDeclaredVariables(owner)[0] : undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable?.references ?? []) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || memberName(member) !== method) continue;
      if (member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) calls.push(member.parent);
    }
    return { name: `${variable?.name ?? "class"}.${method}`, calls };
  }
  const wrapper = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn && parent.parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.init === parent ? parent : undefined;
  if (wrapper && functionCacheLifetime(getAnalysisContext(input).bindings, wrapper.callee) !== "request") return undefined;
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : wrapper ? wrapper.parent : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn ? parent : undefined;
  const variable = holder && input.scopeManager.getDeclaredVariables(holder)[0];
  if (!variable) return undefined;
  const calls = variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
  return { name: variable.name, calls };
}

/**
 * For a module's export facts: the first tracer creation (of this SDK, or an OpenTelemetry pipeline to
 * HoneyHive made global) that every call of `fn` runs again, in `fn`'s own body (not in a function nested
 * in it) and not cached (`isCached`: `??=`, a module `let` checked first, a memoized map). What importers
 * calling `fn` per request or invocation pay each time.
 */
export function uncachedCreationIn(input: AnalysisInput, fn: FunctionNode): { readonly display: string; readonly line: number; readonly api: Creation["api"] } | undefined {
  if (!mayCreate(input)) return undefined;
  let creations = creationsOfModule.get(input.ast);
  if (!creations) creationsOfModule.set(input.ast, (creations = findCreations(input)));
  for (const creation of creations) {
    if (enclosingFunction(creation.node) !== fn || isCached(input, creation.awaited ?? creation.node, fn)) continue;
    return { display: creation.display, line: creation.node.loc.start.line, api: creation.api };
  }
  return undefined;
}

const creationsOfModule = new AttachedCache<TSESTree.Program, readonly Creation[]>("honeyhive.tracerCreations");

/** A handler's call of a function imported from a project module that creates a tracer on every call. */
export interface ImportedTracerInit {
  readonly call: TSESTree.CallExpression;
  /** The local name called (`main`). */
  readonly helper: string;
  readonly handler: Handler;
  readonly fact: Extract<ExportFact, { kind: "initsTracer" }> & { readonly from: ImportedExport };
}

const importedInitsCache = new AttachedCache<TSESTree.Program, readonly ImportedTracerInit[]>("honeyhive.importedTracerInits");

/**
 * `await main()` in a handler, where `main` is imported (an `import` binding, or a top-level `require()` or
 * awaited `import()` one: analysis/ast.ts `isTopLevelModuleBinding`) from a project module
 * whose facts say each call creates a tracer (`initsTracer`, one module deep): every request or
 * invocation makes one. The script module alone cannot tell (run once from a CLI, `main()` is right),
 * so the finding is the handler's call. Not when the handler caches the call's result (`tracer ??=
 * await makeTracer()`). Cached per AST, never throws.
 */
export function importedTracerInitsInHandlers(input: AnalysisInput): readonly ImportedTracerInit[] {
  return cachedFindings(importedInitsCache, input, NO_IMPORTED_INITS, () =>
    input.readModuleFacts && mayHoldEntry(input, "handler") ? collectImportedInits(input) : NO_IMPORTED_INITS,
  );
}

const NO_IMPORTED_INITS: readonly ImportedTracerInit[] = Object.freeze([]);

function collectImportedInits(input: AnalysisInput): readonly ImportedTracerInit[] {
  let found: ImportedTracerInit[] | undefined;
  const { bindings } = getAnalysisContext(input);
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.Identifier || enclosingFunction(call) === undefined) continue;
    const variable = bindings.variableOf(callee);
    if (!variable || !isTopLevelModuleBinding(variable)) continue;
    const fact = importedFact(input, variable, "initsTracer");
    const handler = fact && getHandlerModel(input).enclosingHandler(call);
    if (!fact || !handler) continue;
    const value = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
    if (isCached(input, value, handler.function)) continue;
    (found ??= []).push({ call, helper: callee.name, handler, fact });
  }
  return found ?? NO_IMPORTED_INITS;
}

/** The creations inside a function or a loop (the others run once, at module level), in source order. */
function findCreations(input: AnalysisInput): Creation[] {
  const sdk = getSdkModel(input);
  const { bindings } = getAnalysisContext(input);
  // OpenTelemetry pipelines count only where they export to HoneyHive (or next to the SDK): another
  // vendor's setup is not this plugin's business.
  const otelToHoneyhive = (sdk.usesSdk || exportsOtelToHoneyhive(input)) && OTEL_PIPELINE_NAMES.test(input.text);
  const creations: Creation[] = [];
  // The two node lists one by one (the index's own arrays, no merged list made for this file), then in
  // walk order: a call before the \`new\` it starts with (\`new NodeSDK().start()\`).
  if (sdk.usesSdk) {
    for (const node of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
      const callee = unwrapExpression(node.callee);
      if (callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
      const method = memberName(callee);
      if (method === undefined || !CREATING_STATICS.has(method) || !mayRunPerCall(node) || sdk.sdkExportOf(callee.object) !== "HoneyHiveTracer") continue;
      const awaited = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : undefined;
      creations.push({ node, api: "honeyhive", display: `${awaited ? "await " : ""}HoneyHiveTracer.${method}()`, awaited });
    }
  }
  const newCreatesTracer = sdk.usesSdk && NEW_CREATES_TRACER;
  if (!newCreatesTracer && !otelToHoneyhive) return creations;
  const calls = creations.length;
  for (const node of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
    const callee = unwrapExpression(node.callee);
    if (!callee || !mayRunPerCall(node)) continue;
    if (newCreatesTracer && sdk.sdkExportOf(callee) === "HoneyHiveTracer") {
      const awaited = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : undefined;
      creations.push({ node, api: "honeyhive", display: "new HoneyHiveTracer()", awaited });
      continue;
    }
    if (!otelToHoneyhive || callee.type === AST_NODE_TYPES.Super) continue;
    const origin = bindings.originOf(callee);
    const component = origin && OTEL_PIPELINES.find((candidate) => candidate.madeBy !== "call" && matches(origin, candidate.export));
    if (!component) continue;
    const activation = activationOf(input, node, component.activatedBy ?? []);
    if (activation) creations.push({ node, api: "opentelemetry", display: `new ${component.export.name}()${activation}`, awaited: undefined });
  }
  const made = creations.length;
  // A pipeline a call builds and makes global at once (`registerOTel(…)`): the call is creation and activation.
  if (otelToHoneyhive && CALLED_PIPELINE_NAMES?.test(input.text)) {
    for (const node of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
      const callee = unwrapExpression(node.callee);
      const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
      if (!CALLED_PIPELINES.some((candidate) => candidate.export.name === name) || !mayRunPerCall(node)) continue;
      const origin = bindings.originOf(node.callee);
      const component = origin && CALLED_PIPELINES.find((candidate) => matches(origin, candidate.export));
      if (component) creations.push({ node, api: "opentelemetry", display: `${component.export.name}()`, awaited: undefined });
    }
  }
  // Each pass found its creations in source order: merged only when two of them found some.
  if ((calls > 0 && made > calls) || (made > 0 && creations.length > made)) creations.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
  return creations;
}

function matches(origin: ModuleOrigin, spec: PackageExport): boolean {
  return origin.module === spec.package && originName(origin) === spec.name;
}

/**
 * How a new provider / SDK becomes the process's pipeline: one of `methods` (`.register()`, `.start()`)
 * on it (chained or through the variable it is stored in), or `trace.setGlobalTracerProvider(it)`. Undefined when the
 * file never activates it (a provider kept local to a test or handed to one instrumentation).
 */
export function activationOf(input: AnalysisInput, creation: TSESTree.NewExpression, methods: readonly string[]): string | undefined {
  const activatedBy = new Set(methods);
  const { bindings } = getAnalysisContext(input);
  const activationAt = (use: TSESTree.Node): string | undefined => {
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
      const method = memberName(parent);
      if (method !== undefined && activatedBy.has(method)) return `.${method}()`;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === use && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(parent.callee);
      const receiver = bindings.originOf(parent.callee.object);
      const setter = GLOBAL_PROVIDER_SETTERS.find((candidate) => candidate.method === method && receiver !== undefined && matches(receiver, candidate.receiver));
      if (setter) return ` + ${setter.method}()`;
    }
    return undefined;
  };
  // `new NodeSDK() as NodeSDK`, `new NodeSDK()!`: the instance all the same.
  let value: TSESTree.Node = creation;
  while (value.parent && TYPE_WRAPPERS.has(value.parent.type)) value = value.parent;
  const direct = activationAt(value);
  if (direct) return direct;
  const holder = value.parent;
  // Where the instance is stored: a variable (declared with it or assigned it later), or `this.x`.
  let stored: TSESTree.Node | undefined;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value) stored = holder.id;
  else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === value && holder.operator === "=") stored = holder.left;
  else if (holder?.type === AST_NODE_TYPES.PropertyDefinition && holder.value === value && !holder.static) return thisMemberActivation(input.ast, holder, holder.key, holder.computed, activationAt);
  if (stored?.type === AST_NODE_TYPES.Identifier) {
    for (const reference of bindings.variableOf(stored)?.references ?? []) {
      const found = activationAt(reference.identifier);
      if (found) return found;
    }
  } else if (stored?.type === AST_NODE_TYPES.MemberExpression && stored.object.type === AST_NODE_TYPES.ThisExpression) {
    return thisMemberActivation(input.ast, stored, stored.property, stored.computed, activationAt);
  }
  return undefined;
}

const TYPE_WRAPPERS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSSatisfiesExpression, AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.TSTypeAssertion]);

/** `this.<key>` stored in a class: the activation found on a `this.<key>` of the same class. */
function thisMemberActivation(ast: TSESTree.Program, from: TSESTree.Node, key: TSESTree.Node, computed: boolean, activationAt: (use: TSESTree.Node) => string | undefined): string | undefined {
  const name = staticName(key, computed);
  let owner: TSESTree.Node | undefined = from.parent;
  while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
  if (name === undefined || !owner) return undefined;
  for (const member of nodesOfTypesWithin(ast, [AST_NODE_TYPES.MemberExpression], owner)) {
    if (member.object.type !== AST_NODE_TYPES.ThisExpression || memberName(member) !== name) continue;
    const found = activationAt(member);
    if (found) return found;
  }
  return undefined;
}

/** The class whose instance `this` is at `node`: the nearest non-arrow function is a method, accessor or field initializer of it. */
function thisClassOf(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static) return current.parent.parent;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent?.type === AST_NODE_TYPES.MethodDefinition && !current.parent.static) return current.parent.parent.parent;
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.StaticBlock || current.type === AST_NODE_TYPES.Program) return undefined;
  }
  return undefined;
}

/** The class whose instance field initializer or constructor runs `node` directly (no function of its own between). */
function initializedWith(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let child = node, current = node.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return !current.static && current.value === child ? current.parent.parent : undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent?.type === AST_NODE_TYPES.MethodDefinition && current.parent.kind === "constructor") return current.parent.parent.parent;
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.Program) return undefined;
  }
  return undefined;
}

/** `fn` is an instance method of a class (not static): its name and class. */
function methodOf(fn: FunctionNode): { readonly name: string; readonly owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression } | undefined {
  const definition = fn.parent;
  if (definition?.type !== AST_NODE_TYPES.MethodDefinition || definition.static || definition.kind !== "method") return undefined;
  const name = staticName(definition.key, definition.computed);
  return name === undefined ? undefined : { name, owner: definition.parent.parent };
}

/** The file's `new C(…)` of `owner` (by its declared name, in the scope that declares it) that run in per-call code (a handler, a loop, evaluate()'s function) uncached. */
function perCallInstancesOf(input: AnalysisInput, owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.NewExpression[] {
  // A class declaration declares its name twice (outside, and inside the class's own scope): both are read.
  const declarer = owner.id ? owner : owner.parent?.type === AST_NODE_TYPES.VariableDeclarator ? owner.parent : undefined;
  const references = declarer ? input.scopeManager.getDeclaredVariables(declarer).flatMap((variable) => variable.references) : [];
  const handlers = getHandlerModel(input);
  const { runFunctions } = getEvaluateModel(input);
  const found: TSESTree.NewExpression[] = [];
  for (const reference of references) {
    const made = reference.identifier.parent;
    if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee !== reference.identifier) continue;
    // Per call, and not itself cached (`Service.shared ??= new Service()` in a handler is the singleton pattern).
    const handler = handlers.enclosingHandler(made);
    const boundary = handler ? handler.function : placeOf(made, undefined, runFunctions, handlers)?.boundary;
    if (boundary !== undefined && !isCached(input, made, boundary)) found.push(made);
  }
  return found;
}

/** `c.name(…)` of every module-level `const c = new C(…)` of `owner` in the file. */
function heldInstanceCallsOf(input: AnalysisInput, owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): TSESTree.CallExpression[] {
  const declarer = owner.id ? owner : owner.parent?.type === AST_NODE_TYPES.VariableDeclarator ? owner.parent : undefined;
  const references = declarer ? input.scopeManager.getDeclaredVariables(declarer).flatMap((variable) => variable.references) : [];
  const { bindings } = getAnalysisContext(input);
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of references) {
    const made = reference.identifier.parent;
    const holder = made?.type === AST_NODE_TYPES.NewExpression && made.callee === reference.identifier ? made.parent : undefined;
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== made || holder.id.type !== AST_NODE_TYPES.Identifier) continue;
    // Module level only: an instance made in a loop or a handler is `perCallInstancesOf`'s (or kept per item on purpose).
    const declaration = holder.parent;
    const top = declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent.parent : declaration?.parent;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== "const" || top?.type !== AST_NODE_TYPES.Program) continue;
    for (const use of bindings.variableOf(holder.id)?.references ?? []) {
      const member = use.identifier.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === use.identifier && memberName(member) === name && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) {
        calls.push(member.parent);
      }
    }
  }
  return calls;
}

/** `new C(…).name(…)`, or `const c = new C(…); … c.name(…)`: the instance's method `name` is called. */
function instanceCalls(input: AnalysisInput, instance: TSESTree.NewExpression, name: string): boolean {
  const calledOn = (object: TSESTree.Node): boolean => {
    const member = object.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === object && memberName(member) === name && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
  };
  if (calledOn(instance)) return true;
  const holder = instance.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== instance || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  return (getAnalysisContext(input).bindings.variableOf(holder.id)?.references ?? []).some((reference) => calledOn(reference.identifier));
}

/**
 * The per-call place around `start` (a creation or a call of a helper), and the node whose every run
 * runs it again. A class the framework instantiates per request (`HandlerModel.perRequestClassOf`) runs
 * its instance fields' initializers and its constructor per request.
 */
function placeOf(start: TSESTree.Node, handler: Handler | undefined, runFunctions: ReadonlySet<TSESTree.Node>, handlers: HandlerModel): Where | undefined {
  if (handler) return { place: { kind: "handler", handler }, boundary: handler.function };
  // Inside the innermost function only: a loop around a function that makes a tracer does not run it.
  let child: TSESTree.Node = start;
  for (let node: TSESTree.Node | undefined = start.parent; node; child = node, node = node.parent) {
    if (LOOP_TYPES.has(node.type) && "body" in node && node.body === child) return { place: { kind: "loop", loop: node }, boundary: child };
    if (node.type === AST_NODE_TYPES.Program) return undefined;
    const instance =
      node.type === AST_NODE_TYPES.PropertyDefinition && !node.static && node.value === child
        ? perInstance(node.parent.parent, node, handlers)
        : node.type === AST_NODE_TYPES.FunctionExpression && node.parent?.type === AST_NODE_TYPES.MethodDefinition && node.parent.kind === "constructor"
          ? perInstance(node.parent.parent.parent, node, handlers)
          : undefined;
    if (instance) return instance;
    if (!isFunctionNode(node)) continue;
    if (runFunctions.has(node)) return { place: { kind: "evaluate" }, boundary: node };
    if (isPerItemCallback(node)) return { place: { kind: "loop", loop: node.parent! }, boundary: node };
    // Nested functions: evaluate() also runs what its function calls, lexically further out.
    for (let outer: TSESTree.Node | undefined = node.parent; outer; outer = outer.parent) {
      if (isFunctionNode(outer) && runFunctions.has(outer)) return { place: { kind: "evaluate" }, boundary: outer };
    }
    return undefined;
  }
  return undefined;
}

/** Code that runs with each instance of `owner` (a field initializer, the constructor), when the framework makes one per request. */
function perInstance(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, boundary: TSESTree.Node, handlers: HandlerModel): Where | undefined {
  const perRequest = handlers.perRequestClassOf(owner);
  return perRequest && { place: { kind: "instance", owner, perRequest }, boundary };
}

/** `items.forEach((item) => …)`, `items.map(async (item) => …)`. */
function isPerItemCallback(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(call.callee);
  return method !== undefined && PER_ITEM_METHODS.has(method);
}

/**
 * In a loop, a tracer that lives for one iteration: a variable declared in the body, or used right
 * away (`HoneyHiveTracer.init(…).trace(…)`). One stored beyond it (pushed, assigned out, returned
 * from a `map` callback) builds a set of tracers, the multi-instance design, and is left alone.
 */
function isPerItemValue(input: AnalysisInput, value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === value && !keptBeyondIteration(input, parent);
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return true;
  return parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value;
}

/**
 * A loop body's local stored where the next iteration does not overwrite it: `tracers.set(project, t)`,
 * `list.push(t)`, `registry.add(t)`, `byName[name] = t`, `holder.current = t`, into a collection or object
 * declared outside the loop body. The loop then builds a set of tracers (or of instances each caching its
 * own, `new ProjectTracing(project)`), the multi-instance design. A call on the local (`t.trace(…)`),
 * handing it to a function, or storing it in an object of the iteration (`const job = {}; job.tracer = t`)
 * keeps nothing.
 */
function keptBeyondIteration(input: AnalysisInput, declarator: TSESTree.VariableDeclarator): boolean {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const { bindings } = getAnalysisContext(input);
  const variable = bindings.variableOf(declarator.id);
  if (!variable) return false;
  // The container outlives the iteration unless it is a local of the same body (or of a scope inside it).
  const outlivesIteration = (container: TSESTree.Node): boolean => {
    const { root } = chainRoot(container);
    const scope = root.type === AST_NODE_TYPES.Identifier ? bindings.variableOf(root)?.scope : undefined;
    for (let current: Scope.Scope | null | undefined = scope; current; current = current.upper) if (current === variable.scope) return false;
    return true;
  };
  return variable.references.some(({ identifier }) => {
    const use = identifier.parent;
    if (use?.type === AST_NODE_TYPES.CallExpression) {
      const callee = use.callee;
      return use.arguments.some((argument) => argument === identifier) && callee.type === AST_NODE_TYPES.MemberExpression && KEEPING_METHODS.has(memberName(callee) ?? "") && outlivesIteration(callee.object);
    }
    return use?.type === AST_NODE_TYPES.AssignmentExpression && use.right === identifier && use.left.type === AST_NODE_TYPES.MemberExpression && outlivesIteration(use.left.object);
  });
}

/** Collection methods that keep their argument: `Map#set`, `Array#push`/`unshift`, `Set#add`. */
const KEEPING_METHODS: ReadonlySet<string> = new Set(["set", "push", "unshift", "add"]);

/**
 * True when the creation only runs while a cache outliving the call is empty: `x ??= creation`,
 * `x || (x = creation)`, `if (!x) { x = creation }`, `if (!cache.has(k)) cache.set(k, creation)`, a
 * conditional on the stored value.
 */
function isCached(input: AnalysisInput, value: TSESTree.Node, boundary: TSESTree.Node): boolean {
  const targets: TSESTree.Node[] = [];
  const text = (node: TSESTree.Node) => input.text.slice(node.range[0], node.range[1]);
  const mentionsTarget = (test: TSESTree.Node, candidates: readonly TSESTree.Node[]) =>
    candidates.some((target) => outlives(input, target, boundary) && mentions(text(test), text(target)));
  let child: TSESTree.Node = value;
  for (let node: TSESTree.Node | undefined = value.parent; node && node !== boundary; child = node, node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.right !== child) break;
        if ((node.operator === "??=" || node.operator === "||=") && outlives(input, node.left, boundary)) return true;
        targets.push(node.left);
        break;
      case AST_NODE_TYPES.CallExpression:
        // `cache.set(key, creation)`
        if (node.arguments.includes(child as TSESTree.CallExpressionArgument) && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === "set") {
          targets.push(node.callee.object);
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (node.right === child && node.operator !== "&&" && mentionsTarget(node.left, targets)) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.IfStatement: {
        if (node.test === child) break;
        if (mentionsTarget(node.test, targets)) return true;
        // `if (!tracer) { const t = creation; …; tracer = t; }`: an assignment in the branch to what the test checks.
        const branch = child;
        const assigned = nodesOfTypesWithin(input.ast, ASSIGNMENT_TYPES, branch).map((assignment) => assignment.left);
        if (mentionsTarget(node.test, assigned)) return true;
        // `let t = cache.get(k); if (!t) { t = creation; cache.set(k, t); }` (or `let t = holder.x; … holder.x = t`):
        // the local the test checks was read from a cache outliving the call, and the branch stores it back
        // there under the same key. Stored anywhere else (`registry.set("last", t)`, another map, `last =
        // t`), the next call still finds nothing and creates another tracer.
        const readFrom = (local: TSESTree.Node) => (local.type === AST_NODE_TYPES.Identifier ? initializerOf(input, local) : undefined);
        const storedBack = (local: TSESTree.Node): boolean => {
          const read = readFrom(local);
          if (!read) return false;
          const sameLocal = (stored: TSESTree.Node | undefined) => stored !== undefined && text(stored) === text(local);
          if (read.type === AST_NODE_TYPES.CallExpression && read.callee.type === AST_NODE_TYPES.MemberExpression && memberName(read.callee) === "get" && read.arguments[0]) {
            const cache = text(read.callee.object);
            const key = text(read.arguments[0]);
            return nodesOfTypesWithin(input.ast, CALL_TYPES, branch).some(
              (call) =>
                call.callee.type === AST_NODE_TYPES.MemberExpression &&
                memberName(call.callee) === "set" &&
                text(call.callee.object) === cache &&
                call.arguments[0] !== undefined &&
                text(call.arguments[0]) === key &&
                sameLocal(call.arguments[1]) &&
                outlives(input, call.callee.object, boundary),
            );
          }
          return nodesOfTypesWithin(input.ast, ASSIGNMENT_TYPES, branch).some(
            (assignment) => sameLocal(assignment.right) && text(assignment.left) === text(read) && outlives(input, assignment.left, boundary),
          );
        };
        if (targets.some((target) => mentions(text(node.test), text(target)) && storedBack(target))) return true;
        break;
      }
      default:
        break;
    }
  }
  // `if (tracer) return tracer;` (or `if (tracer !== undefined) return …`) before the assignment: the seed's lazy getter.
  const earlyExits = nodesOfTypesWithin(input.ast, IF_TYPES, boundary).filter(
    (statement) => statement.range[1] <= value.range[0] && nodesOfTypesWithin(input.ast, RETURN_TYPES, statement.consequent).length > 0,
  );
  return earlyExits.some((statement) => mentionsTarget(statement.test, targets));
}

/** The initializer of the variable `name` refers to (`let t = cache.get(k)` → `cache.get(k)`). */
function initializerOf(input: AnalysisInput, name: TSESTree.Identifier): TSESTree.Expression | undefined {
  const def = getAnalysisContext(input).bindings.variableOf(name)?.defs[0];
  return def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier ? (def.node.init ?? undefined) : undefined;
}

/** `text` reads `target` (`tracer` in `!tracer`, `this.tracer` in `this.tracer === undefined`), not a longer name. */
function mentions(text: string, target: string): boolean {
  const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\w$.])${escaped}(?![\\w$])`).test(text);
}

/**
 * The stored-in target lives longer than one run of `boundary`: declared outside it, a member of
 * something that is, or the application object a handler's parameter holds (`req.app.locals`,
 * `ctx.app.context`, `request.server`: knowledge/app-lifetime.ts). The undeclared names taken as
 * globals (`globalThis`, `global`, `process`, `module.exports`, `exports`) live as long as the
 * process; `arguments` has no declaration either but is the call's own (`arguments[0].tracer` is
 * `req.tracer`).
 */
function outlives(input: AnalysisInput, target: TSESTree.Node, boundary: TSESTree.Node): boolean {
  const { root, first } = chainRoot(target);
  // `this.tracer ??= init()`: the instance's field lives as long as the instance. One made at module level
  // (or held by a static singleton) lives with the process; one the file makes in per-call code (a handler, a
  // loop, evaluate()'s function: `new Session(req)` per request) is gone with the call, its field no cache.
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    const owner = thisClassOf(root);
    return owner === undefined || (getHandlerModel(input).perRequestClassOf(owner) === undefined && perCallInstancesOf(input, owner).length === 0);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  // A slot of the global object, also through a `const g = globalThis as …` declared in the handler itself.
  if (first && globalSlotOf(input.scopeManager, first) !== undefined) return true;
  const { bindings } = getAnalysisContext(input);
  const variable: Scope.Variable | null | undefined = bindings.variableOf(root);
  if (root.name === "arguments" && variable?.scope.type === "function") return !contains(boundary, variable.scope.block);
  // A global: `globalThis` (a built-in, declared without a definition) or an undeclared name.
  if (bindings.isGlobal(root)) return true;
  const def = variable?.defs[0];
  if (def === undefined) return false;
  if (!contains(boundary, def.name)) return true;
  // `req.app.locals.tracer`: a parameter of the handler, and the member its framework hands the app through;
  // or reached through a local or a pattern first (`const { app } = ctx`, `const locals = req.app.locals`,
  // `const { locals } = req.app`, `({ app: server }, res) => …`): the first member read on the parameter.
  const reached = parameterMember(input, def, first && memberName(first));
  if (reached === undefined) return false;
  const handler = getHandlerModel(input).handlerOf(reached.parameter.node as TSESTree.Node);
  // A route of an app served on a serverless platform (serverless-http) is an invocation of that framework's too.
  return isAppLifetimeMember(handler?.framework, reached.member);
}

/**
 * The identifier (or `this`) a member chain starts from, and the chain's first member, through TS
 * casts and non-null assertions (`(request.server as any).tracer`, `req.app.locals!.tracer`).
 */
function chainRoot(target: TSESTree.Node): { root: TSESTree.Node; first: TSESTree.MemberExpression | undefined } {
  let root: TSESTree.Node = unwrapExpression(target) ?? target;
  let first: TSESTree.MemberExpression | undefined;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    first = root;
    root = unwrapExpression(root.object) ?? root.object;
  }
  return { root, first };
}

/**
 * The handler parameter a local holds part of, and the first member read on that parameter:
 * `member` for the parameter itself, the pattern's key for a destructured one (`{ app: server }`), and
 * for a `const` initialized from a chain of a parameter (`= req.app.locals`, `{ locals } = req.app`,
 * `{ app } = ctx`) the chain's first member or the pattern's key. A few locals deep at most.
 */
function parameterMember(input: AnalysisInput, def: Scope.Definition, member: string | undefined, depth = 0): { parameter: Scope.Definition; member: string } | undefined {
  const pattern = def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.id : patternOf(def);
  const key = pattern && topLevelKey(pattern, def.name as TSESTree.Identifier);
  if (def.type === "Parameter") {
    const found = key ?? member;
    return found === undefined ? undefined : { parameter: def, member: found };
  }
  if (depth > 3 || def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.kind !== "const" || !def.node.init) return undefined;
  const { root, first } = chainRoot(def.node.init);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const from = getAnalysisContext(input).bindings.variableOf(root)?.defs[0];
  // The init's own first member comes first (`req.app` in `= req.app.locals`), then the pattern's key.
  return from && parameterMember(input, from, (first && memberName(first)) ?? key ?? member, depth + 1);
}

/** The parameter pattern a parameter definition's name stands in (`{ app: server }` of `({ app: server }, res)`). */
function patternOf(def: Scope.Definition): TSESTree.Node | undefined {
  if (def.type !== "Parameter") return undefined;
  const fn = def.node as TSESTree.Node;
  const pattern = isFunctionNode(fn) ? fn.params.find((parameter) => contains(parameter, def.name)) : undefined;
  return pattern?.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
}

