// What of the HoneyHive SDK a file uses: which local names are SDK exports (through every import
// style), which variables hold a HoneyHive tracer, and which `trace(...)` / enrichment calls exist.
// Everything is recognized through bindings, never by bare name: OpenTelemetry's `trace`, another
// library's `sessionStart` or a local `function trace()` are not the SDK.
//
// One model per AST (cached); files that import neither the SDK nor a local module cost one pass
// over `ast.body` and a substring test.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { Bindings, ModuleOrigin } from "./bindings.js";
import { originMatches } from "./value-specifier.js";
import { APP_CONTEXT_SLOTS, appSlotReads, type AppContextSlot, type AppPlugins } from "./knowledge/app-lifetime.js";
import type { ValueSpecifier } from "./knowledge/types.js";
import { getAnalysisContext } from "./context.js";
import { cachedFunctionOf } from "./function-caches.js";
import { diResolutionOf } from "./di-containers.js";
import { singletonClassOf } from "./class-singletons.js";
import {
  contains,
  dynamicImportSpecifier,
  enclosingFunction,
  findProperty,
  optionIsTrue,
  hasOnlyPlainProperties,
  findVariable,
  fillsEmptyGlobalSlot,
  globalSlotOf,
  includesNullish,
  isExportedVariable,
  isFunctionNode,
  memberName,
  reportAnalysisError,
  staticName,
  unwrapExpression,
  type FunctionNode,
} from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { mayHaveJsdocTypes } from "./jsdoc.js";
import { isLoadedGlobalTracerRead, loadsGlobalTracerSlot, readsLoadedGlobalTracer } from "./global-slots.js";
import { isTracerClass, jsdocTypedTracer } from "./jsdoc-tracer.js";
import { nodesOfType } from "./nodes.js";
import { isLocalModule, isSdkModule, isSdkPackage, packageSpecifier, textMentionsSdk, type HoneyhiveSettings } from "./settings.js";
import { AttachedCache } from "./attached-cache.js";
import {
  HONEYHIVE_VALUE_EXPORTS,
  ONLY_IN_2X,
  SHARED_SESSION_FIELDS,
  SHARED_SESSION_START_MEMBERS,
  TRACER_FACTORY_STATICS,
} from "./knowledge/sdks/index.js";
import { honeyhive1xProfile, IMMEDIATE_MEMBERS_1X, IMPLICIT_TRACER_STATICS_1X, SESSION_STARTING_MEMBERS_1X, WRAPPER_EXPORTS_1X, WRAPPER_MEMBERS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { honeyhiveMajorOf, type HoneyhiveMajor } from "./sdk-version.js";
import { exportedTracerShape, holdsExportsObject, importedModule, importedTracerProven, importedTracerShape, importOrigin, isProjectModule, mentionsTracerHint, projectExportPath, wholeModuleOf } from "./project-modules.js";
import type { TracerHolderFact } from "./export-facts.js";
import { importsSdkThroughBarrel, sdkOriginThroughBarrel } from "./sdk-barrels.js";
import { importedBindingUses } from "./imported-binding-uses.js";
import { includesText } from "./text-search.js";
import { topLevelImportsOf, type ModuleBinding } from "./top-level-imports.js";

export type SdkExport =
  | "HoneyHiveTracer"
  | "trace"
  | "enrichSpan"
  | "enrichSession"
  | "evaluate"
  | "toSessionId"
  | "setDefaultTracer"
  | (string & {});

// What a HoneyHive tracer and the package's exports look like (both majors) is data:
// knowledge/sdks/index.ts derives the tables read here from the 2.x manifest and the 1.x API.

/**
 * Method names the call loop reads on a tracer: the trace forms, and the members that tell the file's
 * major (one look-up per method call of the file, most of which are none of these).
 */
const MEMBERS_READ: ReadonlySet<string> = new Set([
  "trace",
  ...WRAPPER_MEMBERS_1X.keys(),
  ...honeyhive1xProfile.onlyIn1x.members,
  ...honeyhive1xProfile.onlyIn1x.statics,
  ...honeyhive1xProfile.onlyIn1x.awaitedStatics,
  ...ONLY_IN_2X.members,
]);

// `tracerPromise`: 1.x init returned a promise, and modules exported it to be awaited.
const TRACER_NAME = /^(?:tracer|[A-Za-z_$][\w$]*Tracer)(?:Promise)?$/;
const TRACER_GETTER_NAME = /^get[A-Z]?[\w$]*Tracer$/;

export interface TracerDeclaration {
  /** The variable holding the tracer (or the getter returning it); undefined for class members (`this.tracer`). */
  readonly variable: Scope.Variable | undefined;
  /** The variable's name, or the member name for `kind: "member"`. */
  readonly name: string;
  /**
   * - `init`: assigned from `HoneyHiveTracer.init(...)` / `new HoneyHiveTracer(...)` (or from a getter call, or an alias);
   * - `lazy`: a function in this file that returns a tracer (`getTracer()`), usually initializing it on first call;
   * - `imported`: imported from a local module (`./tracing`, a settings module) and used or named as a tracer;
   * - `member`: a class field / `this.tracer = HoneyHiveTracer.init(...)`;
   * - `parameter`: a parameter annotated with the SDK's type (`tracer: HoneyHiveTracer`), no type checker needed.
   */
  readonly kind: "init" | "lazy" | "imported" | "member" | "parameter";
  /** Declared in the module scope (imports and class members of top-level classes included). */
  readonly moduleLevel: boolean;
  readonly exported: boolean;
  /** The declarator / function / import specifier / class property or `this.x = …` assignment. */
  readonly declaration: TSESTree.Node;
  /** The `HoneyHiveTracer.init(...)` / `new HoneyHiveTracer(...)` expressions that create it in this file. */
  readonly initializations: readonly TSESTree.Expression[];
  /** True for getters (`lazy`, or an imported `getTracer`): the tracer is obtained by calling it. */
  readonly callable: boolean;
  /**
   * Source text that evaluates to the tracer where this declaration is in scope: `tracer`,
   * `getTracer()`, `this.tracer`. Undefined when no plain expression does (an async getter).
   */
  readonly referenceText: string | undefined;
  /** For a variable initialized inside a lazy getter (`let _tracer`): that getter, the one to use. */
  readonly getter: TracerDeclaration | undefined;
  /** For a class member: the class that owns it. */
  readonly ownerClass: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined;
  /**
   * Holds the promise of a tracer, not the tracer: honeyhive 1.x's `init` is async, and a module may
   * keep `const tracerPromise = HoneyHiveTracer.init(…)` and await it where it is used. Its
   * `referenceText` is undefined (writing `tracerPromise.traceChain(fn)` would call a promise).
   */
  readonly promise: boolean;
}

/** A `trace(...)` use: the SDK's `trace(fn)` / `trace(options, fn)` / `@trace(options)`, or `<tracer>.trace(options, fn)`. */
export interface TraceUse {
  /** The call (`trace(...)`, `tracer.trace(...)`), or for a bare `@trace` decorator the `trace` expression. */
  readonly node: TSESTree.CallExpression | TSESTree.Identifier | TSESTree.MemberExpression;
  /** `sdk`: the SDK's `trace` (explicit only with a `tracer` option); `tracer`: a method call on a tracer (always explicit). */
  readonly via: "sdk" | "tracer";
  /** The decorator when used as `@trace(...)` / `@trace`. */
  readonly decorator: TSESTree.Decorator | undefined;
  /** The options object literal, when the first argument is one. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** False when options exist but cannot be read statically (a variable, a spread): the tracer may be there. */
  readonly optionsKnown: boolean;
  /** The `tracer` property of the options literal. */
  readonly tracerProperty: TSESTree.Property | undefined;
  /** The explicitly bound tracer: the object of `tracer.trace(...)` or the value of the `tracer` option, when recognized. */
  readonly boundTracer: TracerDeclaration | undefined;
  /** The expression of the bound tracer (`tracer` in `trace({ tracer })`, the object of `tracer.trace`). */
  readonly boundTracerExpression: TSESTree.Node | undefined;
  /** The function argument being wrapped (absent for the decorator factory form). */
  readonly wrapped: TSESTree.Node | undefined;
  /**
   * The name the call traces with: `trace`, or a honeyhive 1.x wrapper (`traceFunction`, `traceModel`,
   * `traceTool`, `traceChain`), free or on a tracer.
   */
  readonly method: string;
  /** The call whose callee names `method`: `node`, or the inner `traceFunction(opts)` of `traceFunction(opts)(fn)`. */
  readonly namingCall: TSESTree.CallExpression | undefined;
  /**
   * honeyhive 1.x `tracer.trace(fn, ...args)`: runs `fn` at once inside the tracer's session context
   * (no wrapper, no span); free 1.x wrappers called inside `fn` find that tracer.
   */
  readonly runsNow: boolean;
}

export interface SdkModel {
  /** False → the file uses neither the SDK nor a tracer from a local module; every rule/transform bails out. */
  readonly usesSdk: boolean;
  /** The SDK export `node` denotes: `trace`, `hh.trace`, `require("honeyhive").trace`, renamed, destructured… */
  sdkExportOf(node: TSESTree.Node): SdkExport | undefined;
  /** `node` calls the SDK export `name` directly (`trace(...)`, `hh.trace(...)`), not a tracer method. */
  isSdkCall(node: TSESTree.CallExpression, name: SdkExport): boolean;
  /**
   * Text that names the SDK export `name` with the file's existing module-level bindings: `trace`
   * (or its local alias) when imported/required by name, `hh.trace` through a namespace binding;
   * undefined when the file has neither (an import would have to be added).
   */
  moduleReferenceTo(name: SdkExport): string | undefined;
  /** The tracer an expression evaluates to: `tracer`, `getTracer()`, `this.tracer`, an imported tracer. */
  tracerOf(node: TSESTree.Node): TracerDeclaration | undefined;
  /** `node` creates a tracer (`HoneyHiveTracer.init(…)`, awaited or not, `new HoneyHiveTracer(…)`), as in `export default await HoneyHiveTracer.init(…)`. */
  isTracerCreation(node: TSESTree.Node): boolean;
  /** Every tracer declared or imported in this file, in source order. */
  readonly tracers: readonly TracerDeclaration[];
  /** `trace(...)` / `@trace` / `tracer.trace(...)` uses, in source order. */
  readonly traceUses: readonly TraceUse[];
  /**
   * Calls of the SDK's global `enrichSpan(...)` / `enrichSession(...)`, and of 1.x's static
   * `HoneyHiveTracer.enrichSpan(...)` (the same function under the class), in source order.
   */
  readonly globalEnrichCalls: readonly TSESTree.CallExpression[];
  /** Calls of `evaluate(...)` from the SDK (`honeyhive/experiments`, or the root of honeyhive 1.x), in source order. */
  readonly evaluateCalls: readonly TSESTree.CallExpression[];
  /**
   * What the code says about the honeyhive major it is written against: 1 for an API only 1.x has (an
   * awaited `HoneyHiveTracer.init()`, `tracer.traceFunction()`, `import { traceChain }`), 2 for one only
   * this SDK has (`createSession`, `trace`, `honeyhive/experiments`); undefined when it says nothing.
   * `honeyhiveMajorOfFile` weighs it after the settings and package.json.
   */
  readonly apiMajorEvidence: HoneyhiveMajor | undefined;
  /** The trace use that wraps or decorates `node` (a function, a method definition, a `trace(...)` call). */
  traceUseOf(node: TSESTree.Node): TraceUse | undefined;
  /** Made by `trace(...)` / `tracer.trace(...)` / `@trace`: a call, the function it wraps, a decorated method, or a variable holding one. */
  isTracedFunction(node: TSESTree.Node): boolean;
  /** The variable an identifier refers to (any variable, not only SDK ones). */
  variableOf(identifier: TSESTree.Identifier): Scope.Variable | undefined;
  /** The tracers whose `referenceText` can be written at `node` and yields an initialized tracer there. */
  tracersInScopeAt(node: TSESTree.Node): readonly TracerInScope[];
  /**
   * The tracers this file reaches only as a member of a project module's binding at its top level, not
   * declared here (`tracing.tracer` of `import * as tracing from "./tracing"`, `const tracing =
   * require("./tracing")`, an imported holder `import { tracing }` whose `tracer` field holds one), usable
   * at `node`: the text is the member read (`tracing.tracer`), unwritable when the member is reassigned.
   * Not in `tracers` (the rules that ask about the file's own tracers do not count them); the rules that
   * ask "which tracer does this file use" (explicit-tracer, the instrumentation provider) add them.
   */
  heldTracersInScopeAt(node: TSESTree.Node): readonly TracerInScope[];
  /**
   * The tracers a class of this file creates in a static field (`class Obs { static tracer = HoneyHiveTracer.init(…) }`),
   * written `Obs.tracer`, usable at `node`: where the class's name is in scope and the field is initialized (after it
   * at load, or in code that runs later). Not in `tracers`: the class holds them, read as `Obs.tracer` (`heldTracerOf`).
   */
  staticFieldTracersInScopeAt(node: TSESTree.Node): readonly TracerInScope[];
  /** Every tracer `heldTracersInScopeAt` may offer somewhere in the file. */
  readonly moduleHeldTracers: readonly TracerDeclaration[];
}

/** A tracer usable at a given place, and whether writing its reference there is safe without review. */
export interface TracerInScope {
  readonly tracer: TracerDeclaration;
  /** The text to write (`tracer`, `getTracer()`, `this.tracer`). */
  readonly text: string;
  /**
   * False when writing it could change behaviour: a lazy getter called at module load (it would
   * initialize the tracer eagerly), or a module-level tracer used at load time before its declaration.
   */
  readonly safe: boolean;
}

type SdkBinding =
  | { readonly kind: "export"; readonly name: SdkExport }
  | { readonly kind: "namespace" }
  /** A binding from a local module (relative path, `@/…`, a settings module) that is not an SDK export. */
  | {
      readonly kind: "local";
      readonly name: string | undefined;
      /** From a module `settings.honeyhive.modules` declares as re-exporting the SDK (its tracer is a HoneyHive one). */
      readonly fromSdkSettingsModule: boolean;
    };

const EMPTY_MODEL: SdkModel = Object.freeze({
  usesSdk: false,
  sdkExportOf: () => undefined,
  isSdkCall: () => false,
  moduleReferenceTo: () => undefined,
  tracerOf: () => undefined,
  isTracerCreation: () => false,
  tracers: [],
  traceUses: [],
  globalEnrichCalls: [],
  evaluateCalls: [],
  apiMajorEvidence: undefined,
  traceUseOf: () => undefined,
  isTracedFunction: () => false,
  variableOf: () => undefined,
  tracersInScopeAt: () => [],
  heldTracersInScopeAt: () => [],
  staticFieldTracersInScopeAt: () => [],
  moduleHeldTracers: [],
});

// Which module specifiers are the SDK and which are the project's own live in settings.ts, so the
// codemod's text prefilter uses the same tests without loading a parser.
export { isLocalModule, isSdkModule };

const models = new AttachedCache<TSESTree.Program, SdkModel>("honeyhive.sdkModel");

/**
 * A tracer member that, called per request, leaves every request in the tracer's one session: 2.x
 * `sessionStart` (stores the session on the instance), 1.x `startSession` (returns the init session).
 */
export function isSharedSessionStartMember(name: string | undefined): boolean {
  return name !== undefined && SHARED_SESSION_START_MEMBERS.has(name);
}

/** A tracer property whose assignment, per request, switches the shared tracer's session (1.x `sessionId`). */
export function isSharedSessionField(name: string | undefined): boolean {
  return name !== undefined && SHARED_SESSION_FIELDS.has(name);
}

/** 1.x `startSession`: the shared-session start of honeyhive 1.x, which has no request-scoped counterpart to rename to. */
export function isSessionStartOf1x(name: string | undefined): boolean {
  return name !== undefined && SESSION_STARTING_MEMBERS_1X.has(name);
}

const majors = new AttachedCache<TSESTree.Program, HoneyhiveMajor>("honeyhive.sdkMajor");

/**
 * The honeyhive major a file is written against (sdk-version.ts: settings, the nearest package.json,
 * then the code's own evidence, else 2), for the rules' messages and fixes. Cached per AST.
 */
export function honeyhiveMajorOfFile(input: AnalysisInput): HoneyhiveMajor {
  let major = majors.get(input.ast);
  if (major === undefined) {
    major = honeyhiveMajorOf(input, () => getSdkModel(input).apiMajorEvidence);
    majors.set(input.ast, major);
  }
  return major;
}

/**
 * For a module's facts (`appPluginTracers`): the names each exported plugin stores a tracer under on the app that
 * registers it (`FileSdkModel.pluginTracerStores`), `exportsOf` naming the exports of a value. Only where the module
 * writes a plugin slot's setter (`decorate`) and uses the SDK.
 */
export function pluginTracerStoresOf(input: AnalysisInput, exportsOf: (value: TSESTree.Node) => readonly string[]): Record<string, string[]> | undefined {
  if (!PLUGIN_SETTERS.some((setter) => input.text.includes(`.${setter}(`))) return undefined;
  const model = getSdkModel(input);
  return model instanceof FileSdkModel ? model.pluginTracerStores(exportsOf) : undefined;
}

const PLUGIN_SETTERS: readonly string[] = APP_CONTEXT_SLOTS.flatMap((slot) => (slot.plugins && slot.store.setter !== undefined ? [slot.store.setter] : []));

/** The SDK model of a file; cached per AST, never throws (an unexpected shape yields an empty model). */
export function getSdkModel(input: AnalysisInput): SdkModel {
  let model = models.get(input.ast);
  if (!model) {
    try {
      model = mayUseSdk(input) ? new FileSdkModel(input) : EMPTY_MODEL;
    } catch (error) {
      reportAnalysisError(error);
      model = EMPTY_MODEL;
    }
    models.set(input.ast, model);
  }
  return model;
}

/**
 * The cheap gate: the SDK's name (or a settings module) in the text, or a binding imported from a
 * local module that is named or used like a tracer. Everything else (most files, including files
 * that only import other local helpers) costs one pass over `ast.body`, shared by the gate's parts
 * (analysis/top-level-imports.ts). What it asks of a binding, `localTracer` keeps for the model.
 */
function mayUseSdk(input: AnalysisInput): boolean {
  const { ast, settings, text } = input;
  if (textMentionsSdk(text, settings)) return true;
  const { bindings } = topLevelImportsOf(ast);
  for (const binding of bindings) {
    // Settings modules returned above; here only the binding's own name and use can tell.
    if (binding.kind === "declarator" ? binding.exported : binding.node.importKind === "type") continue;
    if (binding.specifier !== undefined && isProjectModule(binding.specifier, input) && looksLikeTracer(input, binding.node)) return true;
  }
  // `const { tracer } = await import("./lib/tracing")` (or `….getTracer()`) inside a function: loaded on first use.
  if (includesText(text, "import(")) {
    for (const expression of nodesOfType(ast, AST_NODE_TYPES.ImportExpression)) {
      const specifier = dynamicImportSpecifier(expression);
      const declarator = specifier !== undefined && isProjectModule(specifier, input) ? declaratorOfDynamicImport(expression) : undefined;
      if (declarator && looksLikeTracer(input, declarator)) return true;
    }
  }
  // The SDK imported through a project module that re-exports it (analysis/sdk-barrels.ts), or a
  // service injected with a tracer in a field (NestJS: `constructor(private tracing: TracingService)`).
  // `globalThis.tracer` of a slot a module it loads declares and fills (analysis/global-slots.ts).
  return importsSdkThroughBarrel(input) || injectsTracerHolder(input) || importsTracerHolder(input, bindings) || readsLoadedGlobalTracer(input);
}

/** For the gate: a variable `declaration` declares is named or used like a tracer (`localTracer`). */
function looksLikeTracer(input: AnalysisInput, declaration: TSESTree.Node): boolean {
  for (const variable of input.scopeManager.getDeclaredVariables(declaration)) {
    if (localTracer(variable, importedNameOf(variable), false, input) !== undefined) return true;
  }
  return false;
}

/**
 * For the gate: a named import of a project module reached through one member to a tracer member
 * (`tracing.tracer.sessionStart()`), whose module exports it as an instance holding a tracer there
 * (`tracerHolders`, see `importedHeldTracer`). The module is read only for such a chain.
 */
function importsTracerHolder(input: AnalysisInput, bindings: readonly ModuleBinding[] = topLevelImportsOf(input.ast).bindings): boolean {
  if (!input.readModuleFacts) return false;
  for (const binding of bindings) {
    if (binding.kind === "declarator") {
      // `const tracing = require("./tracing")` / `await import("./tracing")`: the module held whole; `const { Obs } =
      // require("./obs")`: its exports (`holdsTracerThroughSingleton`).
      // The specifier first, as for an import: a package's module object (`require("lodash")`) costs no scan of its references.
      const { node, exported, member } = binding;
      if (exported || member !== undefined || (node.id.type !== AST_NODE_TYPES.Identifier && node.id.type !== AST_NODE_TYPES.ObjectPattern)) continue;
    } else if (binding.node.importKind === "type") continue;
    // TypeScript's `import tracing = require("./tracing")`: the module held whole, as `const tracing = require()`.
    if (binding.specifier === undefined || !isProjectModule(binding.specifier, input)) continue;
    for (const variable of input.scopeManager.getDeclaredVariables(binding.node)) if (holdsTracerMember(input, variable, binding.specifier)) return true;
  }
  return false;
}

/**
 * For the gate: the fields read off an imported binding and used like a tracer (`tracing.tracer.sessionStart()`:
 * found by the gate's one scan of its references, analysis/imported-binding-uses.ts) hold a tracer by the
 * module's facts: an instance holder's member (`tracerHolders`), or the export of a module held whole.
 */
function holdsTracerMember(input: AnalysisInput, variable: Scope.Variable, specifier: string): boolean {
  const { heldFields: fields, singletonFields, registered } = importedBindingUses(input.ast, variable);
  // Shapes common in code without a tracer (`const config = Config.getInstance()`, `app.register(routes)`): the
  // module is read only where the file's text mentions a tracer (`TRACER_HINT_PATTERN`).
  if ((singletonFields !== undefined || registered) && mentionsTracerHint(input)) {
    if (singletonFields !== undefined && holdsSingletonTracer(input, specifier) && holdsTracerThroughSingleton(input, variable, singletonFields)) return true;
    // `app.register(tracing)` of a plugin that stores a tracer on the app (`appPluginTracers`).
    if (registered && registersTracerPlugin(input, variable)) return true;
  }
  if (fields === undefined) return false;
  const whole = wholeModuleOf(input, variable);
  if (whole !== undefined && fields.some((name) => exportedTracerShape(input, { specifier: whole, name }) === "tracer")) return true;
  const origin = variable.defs[0]?.type === "ImportBinding" ? importOrigin(input, variable) : undefined;
  const holder = origin ? importedModule(input, origin.specifier)?.facts.tracerHolders?.[origin.name] : undefined;
  return holder !== undefined && heldNames(holder).some((member) => fields.includes(member));
}

/** The members of an imported holder that hold a tracer: an instance's fields and getters, a class's statics (`Observability.tracer`). */
function heldNames(holder: TracerHolderFact): readonly string[] {
  return holder.of === "instance" ? holder.members : holder.of === "class" ? (holder.statics ?? []) : [];
}

/**
 * For the gate: `Obs.getInstance().tracer.sessionStart()` of a class imported from a project module whose facts say
 * `getInstance()` gives its one instance and that instance holds a tracer in `tracer` (`singletons`, `members`;
 * `<access>.*`: any member it holds one in).
 */
function holdsTracerThroughSingleton(input: AnalysisInput, variable: Scope.Variable, uses: readonly string[]): boolean {
  const origin = importOrigin(input, variable);
  const holder = origin && isProjectModule(origin.specifier, input) ? importedModule(input, origin.specifier)?.facts.tracerHolders?.[origin.name] : undefined;
  if (holder?.of !== "class" || !holder.singletons) return false;
  return uses.some((use) => {
    const dot = use.indexOf(".");
    const access = use.slice(0, dot);
    const field = use.slice(dot + 1);
    return holder.singletons!.includes(access) && (field === "*" ? holder.members.length > 0 || holder.methods.length > 0 : holder.members.includes(field));
  });
}

/**
 * For the gate, before `holdsTracerThroughSingleton` resolves the binding (`importOrigin`: the file's whole
 * `Bindings`, built for this question alone in a file that does not use the SDK): whether the module `specifier`
 * (as written; `importOrigin` names the same module, `packageSpecifier`'s) holds a tracer in a class with a
 * singleton access at all. Most modules whose classes a file reaches through `X.getInstance()` or `X.member`
 * hold none (bench/NOTES.md, perf-nonsdk-4).
 */
function holdsSingletonTracer(input: AnalysisInput, specifier: string): boolean {
  const module = packageSpecifier(specifier);
  const holders = isProjectModule(module, input) ? importedModule(input, module)?.facts.tracerHolders : undefined;
  if (holders === undefined) return false;
  for (const name in holders) if (holders[name]!.of === "class" && holders[name]!.singletons) return true;
  return false;
}

function registersTracerPlugin(input: AnalysisInput, variable: Scope.Variable): boolean {
  const origin = importOrigin(input, variable);
  return origin !== undefined && isProjectModule(origin.specifier, input) && (importedModule(input, origin.specifier)?.facts.appPluginTracers?.[origin.name]?.length ?? 0) > 0;
}

/** `const { tracer } = holder` (a plain key, one level, in a declaration): the holder and the key `reference` names. */
function destructuredMember(reference: Scope.Reference): { readonly holder: TSESTree.Node; readonly name: string } | undefined {
  const property = reference.identifier.parent;
  const pattern = property?.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== reference.identifier || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const declarator = pattern.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern || !declarator.init) return undefined;
  const name = staticName(property.key, property.computed);
  return name === undefined ? undefined : { holder: declarator.init, name };
}

/**
 * `const [a, b] = await Promise.all([HoneyHiveTracer.init(…), other()])`, or the callback's parameter of
 * `Promise.all([…]).then(([a, b]) => …)`: the element of the list that `name` (a name of the array pattern,
 * at its index) holds once the list has resolved. Undefined for a hole, a rest element, a spread, or any
 * other value than a `Promise.all([…])` of the global `Promise`, awaited or `.then`-ed.
 */
export function awaitedPromiseAllElement(scopeManager: AnalysisInput["scopeManager"], name: TSESTree.Node): TSESTree.Expression | undefined {
  const pattern = name.parent;
  if (pattern?.type !== AST_NODE_TYPES.ArrayPattern) return undefined;
  const declarator = pattern.parent;
  const list = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === pattern ? promiseAllList(scopeManager, declarator.init) : thenedPromiseAllList(scopeManager, pattern);
  const index = pattern.elements.indexOf(name as TSESTree.DestructuringPattern);
  const element = index < 0 ? undefined : list?.elements[index];
  // Past a spread, indexes no longer line up with the names.
  if (!list || !element || list.elements.slice(0, index).some((before) => before?.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return element.type === AST_NODE_TYPES.SpreadElement ? undefined : element;
}

/** The array literal of `await Promise.all([…])` (the global `Promise`, not a binding of the file). */
export function promiseAllList(scopeManager: AnalysisInput["scopeManager"], value: TSESTree.Node | null | undefined): TSESTree.ArrayExpression | undefined {
  return value?.type === AST_NODE_TYPES.AwaitExpression ? promiseAllCallList(scopeManager, value.argument) : undefined;
}

/** `Promise.all([…]).then(([a, b]) => …)` where `pattern` is the callback's first parameter: the array literal. */
function thenedPromiseAllList(scopeManager: AnalysisInput["scopeManager"], pattern: TSESTree.ArrayPattern): TSESTree.ArrayExpression | undefined {
  const callback = pattern.parent;
  const then = callback?.parent;
  if (!isFunctionNode(callback) || callback.params[0] !== pattern || then?.type !== AST_NODE_TYPES.CallExpression || then.arguments[0] !== callback) return undefined;
  return then.callee.type === AST_NODE_TYPES.MemberExpression && memberName(then.callee) === "then" ? promiseAllCallList(scopeManager, then.callee.object) : undefined;
}

/** The array literal of `Promise.all([…])` (the global `Promise`). */
function promiseAllCallList(scopeManager: AnalysisInput["scopeManager"], value: TSESTree.Node): TSESTree.ArrayExpression | undefined {
  const all = unwrapExpression(value);
  if (all?.type !== AST_NODE_TYPES.CallExpression || all.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(all.callee) !== "all") return undefined;
  const promise = all.callee.object;
  if (promise.type !== AST_NODE_TYPES.Identifier || promise.name !== "Promise" || (findVariable(scopeManager, promise, "Promise")?.defs.length ?? 0) > 0) return undefined;
  const list = all.arguments[0];
  return list?.type === AST_NODE_TYPES.ArrayExpression ? list : undefined;
}

/** The declarator an `import()` initializes, awaited, through a member or a call of one (`(await import(m)).getTracer()`). */
function declaratorOfDynamicImport(expression: TSESTree.ImportExpression): TSESTree.VariableDeclarator | undefined {
  let node: TSESTree.Node = expression;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.AwaitExpression || (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) || (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node)) continue;
    return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node ? parent : undefined;
  }
  return undefined;
}

/**
 * `constructor(private tracing: TracingService)` where the file reaches through it (`.tracing.` in its
 * text): the parameter and the variable its class name resolves to (a class of the file or an import).
 */
function injectedService(input: AnalysisInput, property: TSESTree.TSParameterProperty): { readonly parameter: TSESTree.Identifier; readonly variable: Scope.Variable } | undefined {
  const parameter = property.parameter;
  if (parameter.type !== AST_NODE_TYPES.Identifier || !input.text.includes(`.${parameter.name}.`)) return undefined;
  const type = parameter.typeAnnotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeArguments || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(input.scopeManager, type.typeName, type.typeName.name);
  return variable ? { parameter, variable } : undefined;
}

/** The fields holding a tracer of a class imported from a project module (its `tracerHolders` fact, one module deep). */
function importedHeldFields(input: AnalysisInput, variable: Scope.Variable): readonly string[] | undefined {
  if (variable.defs[0]?.type !== "ImportBinding") return undefined;
  const origin = importOrigin(input, variable);
  const holder = origin && isProjectModule(origin.specifier, input) ? importedModule(input, origin.specifier)?.facts.tracerHolders?.[origin.name] : undefined;
  return holder?.of === "class" && holder.members.length > 0 ? holder.members : undefined;
}

/**
 * For the gate: a constructor parameter property of a top-level class typed with an imported class whose
 * module says it holds a tracer. Top-level classes only (the NestJS layout), read from `ast.body`
 * without indexing the file's nodes, which the gate exists to spare files that do not use the SDK.
 */
function injectsTracerHolder(input: AnalysisInput): boolean {
  if (!input.readModuleFacts) return false;
  const { parameterProperties } = topLevelImportsOf(input.ast);
  // The text test (`constructor(` written, as NestJS writes it) after the syntax's: the top level's
  // classes cost less to look through than the text of a file without one to search.
  if (parameterProperties.length === 0 || !includesText(input.text, "constructor(")) return false;
  for (const parameter of parameterProperties) {
    const service = injectedService(input, parameter);
    if (service && importedHeldFields(input, service.variable)) return true;
  }
  return false;
}

type TracerValue = { readonly creation?: TSESTree.Expression; readonly tracer?: MutableTracer };

/** A variable the tracer rounds read again when one of the variables its values named becomes a tracer. */
interface Waiting {
  readonly variable: Scope.Variable;
  named: readonly Scope.Variable[];
}

/**
 * The SDK model of one file: built by the constructor, asked through prototype methods. One object per
 * file, its fields the build state, instead of a function scope of ~35 closures and an object literal
 * of nine of them allocated for every file.
 */
class FileSdkModel implements SdkModel {
  readonly usesSdk: boolean;
  readonly tracers: readonly TracerDeclaration[];
  readonly traceUses: TraceUse[] = [];
  readonly globalEnrichCalls: TSESTree.CallExpression[] = [];
  readonly evaluateCalls: TSESTree.CallExpression[] = [];
  readonly apiMajorEvidence: HoneyhiveMajor | undefined;

  private readonly ast: TSESTree.Program;
  private readonly settings: HoneyhiveSettings;
  // --- identifiers → variables: the file's one binding resolver (shared with the handler engine) ---
  private readonly resolver: Bindings;
  /** SDK bindings: what Bindings resolves each name to, read as the SDK, a project module, or neither. */
  private readonly bindings = new Map<Scope.Variable, SdkBinding>();
  /** A module only this SDK has (`honeyhive/experiments`) is imported: 2.x evidence. */
  private usesModuleOf2x = false;
  /** Evidence of the major while the constructor reads the file (see `apiMajorEvidence`). */
  private saw1x = false;
  private saw2x = false;
  private readonly tracerByVariable = new Map<Scope.Variable, MutableTracer>();
  private readonly memberTracers: MutableTracer[] = [];
  /** Tracers created in a holder's member (`heldTracerOf`), by that member. */
  private heldTracers: Map<TSESTree.Node, MutableTracer> | undefined;
  private holderDepth = 0;
  /** Tracers held by an imported instance (`importedHeldTracer`), by `<binding>.<member>`. */
  private importedHolders: Map<string, MutableTracer> | undefined;
  /** Variables holding `(await import("./tracing")).getTracer()` (see `isDynamicTracerGetterCall`). */
  private dynamicGetterResults: Scope.Variable[] | undefined;
  /** While the rounds examine a variable: the variables its values named that were no tracer (yet). */
  private misses: Scope.Variable[] | undefined;
  /** Tracers of global slots, by slot name (`globalSlotTracer`). */
  private globalSlotTracers: Map<string, MutableTracer> | undefined;
  /** What application context slots keep, by slot and name (`appSlotStore`). */
  private appContextTracers: Map<AppContextSlot, Map<string, AppSlotStore | undefined>> | undefined;
  /** The writes of each application context slot's form, by name (`slotWrites`). */
  private appSlotWrites: Map<AppContextSlot, ReadonlyMap<string, readonly SlotWrite[]>> | undefined;
  /** Tracers of global slots another module declares and fills, by slot name; null where none does (`importedGlobalSlotTracer`). */
  private importedSlotTracers: Map<string, MutableTracer | null> | undefined;
  /** What a function returns, grouped once: asking every function for its returns would be quadratic on large files. */
  private returnsByFunction: Map<FunctionNode, TSESTree.ReturnStatement[]> | undefined;
  /** Undefined while the file has no trace use (most files): `traceUseOf` then answers at once. */
  private traceUseByNode: Map<TSESTree.Node, TraceUse> | undefined;
  private readonly returns: readonly TSESTree.ReturnStatement[];

  constructor(private readonly input: AnalysisInput) {
    const { ast, settings } = input;
    this.ast = ast;
    this.settings = settings;
    // The node index also sets `parent` where missing: ESLint sets it before rules run, a bare
    // typescript-estree parse (the codemods) does not.
    const calls = nodesOfType(ast, AST_NODE_TYPES.CallExpression);
    const decorators = nodesOfType(ast, AST_NODE_TYPES.Decorator);
    const assignments = nodesOfType(ast, AST_NODE_TYPES.AssignmentExpression);
    const classProperties = nodesOfType(ast, AST_NODE_TYPES.PropertyDefinition);
    this.returns = nodesOfType(ast, AST_NODE_TYPES.ReturnStatement);
    const parameterProperties = nodesOfType(ast, AST_NODE_TYPES.TSParameterProperty);

    // Without the lib's globals, which the file neither declares nor assigns (80% of this function's time).
    const context = getAnalysisContext(input);
    const allVariables = context.variables;
    this.resolver = context.bindings;

    // Steps of their own (small methods reach optimized code after a few files; one constructor of
    // all of them waited for ~1,000 files and then took the compiler ~0.6 s).
    this.readBindings(allVariables);
    this.addTypedParameters(allVariables);
    const usedOnly = this.addImportedTracers();
    if (this.mayCreateOrHoldTracer()) this.runTracerRounds(allVariables);
    this.linkBackingVariables();
    this.addMemberTracers(classProperties, assignments, parameterProperties);
    // Bindings known as tracers only by their use, with no tracer of the file's own beside them: the file's tracers.
    if (usedOnly !== undefined && !this.hasOwnTracer()) {
      for (const [variable, shape] of usedOnly) this.addImportedTracer(variable, shape);
      this.runTracerRounds(allVariables);
      this.linkBackingVariables();
      this.addMemberTracers(classProperties, assignments, parameterProperties);
    }
    const tracers: TracerDeclaration[] = [...this.tracerByVariable.values(), ...this.memberTracers].sort((a, b) => a.declaration.range[0] - b.declaration.range[0]);
    this.tracers = tracers;
    let usesSdk = tracers.length > 0;
    if (!usesSdk) for (const binding of this.bindings.values()) if (binding.kind !== "local") usesSdk = true;
    // A tracer reached only through an imported holder (`tracing.tracer`, `importedHeldTracer`), or read off a global
    // slot a loaded module fills (`globalThis.tracer?.sessionStart()`, analysis/global-slots.ts), is no declaration of the file.
    if (!usesSdk) usesSdk = importsTracerHolder(input) || readsLoadedGlobalTracer(input);
    this.usesSdk = usesSdk;
    this.readMajorEvidenceOfBindings();
    const tracerTraceCalls = this.readCalls(calls);
    // The code's own API decides ties: a 2.x-only call means the 2.x API is there to call.
    this.apiMajorEvidence = this.saw2x ? 2 : this.saw1x ? 1 : undefined;
    this.readTracerTraceCalls(tracerTraceCalls);
    this.markPromises();
    this.readDecorators(decorators);
    this.indexTraceUses();
  }

  /** The SDK bindings of the file's declared variables (see `bindingOf`). */
  private readBindings(allVariables: readonly Scope.Variable[]): void {
    const { bindings, settings } = this;
    const mayImport = this.input.text.includes("import(");
    for (const variable of allVariables) {
      const def = variable.defs[0];
      if (def === undefined) continue;
      if (def.type === "ImportBinding") {
        // An import of a package that is neither the SDK nor the project's (`express`, `zod`): no
        // binding, known without making its origin.
        const module = def.parent.type === AST_NODE_TYPES.ImportDeclaration ? def.parent.source.value : undefined;
        if (module !== undefined && !isSdkModule(module, settings) && !isProjectModule(module, this.input)) continue;
      } else if (def.type === "Parameter") {
        // `import("honeyhive").then(({ HoneyHiveTracer }) => …)`: the callback's parameter is the lazily loaded module (Bindings).
        if (!mayImport || !isFunctionNode(def.node) || def.node.parent?.type !== AST_NODE_TYPES.CallExpression) continue;
      } else if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.init === null) {
        continue;
      }
      const binding = this.bindingOf(this.resolver.originOf(def.name));
      if (binding) bindings.set(variable, binding);
      else if (mayImport && def.type === "Variable" && this.isDynamicTracerGetterCall(def.node.init)) (this.dynamicGetterResults ??= []).push(variable);
    }
  }

  /**
   * `(await import("./lib/tracing")).getTracer()`: a getter of a project module, called on the awaited
   * module value. The module is read as for a static import of the getter, and only its word counts
   * (a getter's name is no evidence: a dd-trace or OpenTelemetry `getTracer` is named the same).
   */
  private isDynamicTracerGetterCall(init: TSESTree.Expression | null): boolean {
    const call = unwrapExpression(init);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0 || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (unwrapExpression(call.callee.object)?.type !== AST_NODE_TYPES.ImportExpression) return false;
    const origin = this.resolver.originOf(call.callee);
    const name = origin?.path.length === 1 ? origin.path[0] : undefined;
    if (origin === undefined || name === undefined || !isProjectModule(origin.module, this.input)) return false;
    const shape = exportedTracerShape(this.input, { specifier: origin.module, name });
    return shape === "getter" || shape === "opaqueGetter";
  }

  /**
   * Parameters typed with the SDK's class: `function step(input: string, tracer: HoneyHiveTracer)`; in
   * JavaScript by JSDoc too, `@param {import("honeyhive").HoneyHiveTracer} tracer` (analysis/jsdoc-tracer.ts).
   */
  private addTypedParameters(allVariables: readonly Scope.Variable[]): void {
    const { input } = this;
    const jsdoc = mayHaveJsdocTypes(input.ast, input.text, input.filename);
    for (const variable of allVariables) {
      const def = variable.defs[0];
      if (def?.type !== "Parameter" || !(def.name.type === AST_NODE_TYPES.Identifier)) continue;
      if (!this.isSdkTracerType(def.name.typeAnnotation?.typeAnnotation) && !(jsdoc && jsdocTypedTracer(input, def))) continue;
      this.addVariableTracer(variable, "parameter", def.name, [], false, variable.name);
    }
  }

  /**
   * Tracers imported from local modules: named or used like one. Before the rounds, so that a variable
   * assigned from an imported getter (`const tracer = getTracer()`) is a tracer too. Those known only by
   * their use (`localTracer`'s `usedOnly`) are returned instead, for the constructor to add once it knows
   * the file has no tracer of its own: beside one, the file's SDK is that tracer's, and a session store's
   * `lucia.createSession({ sessionId })` is no evidence.
   */
  private addImportedTracers(): Map<Scope.Variable, LocalTracerShape> | undefined {
    const { input, tracerByVariable } = this;
    for (const variable of this.dynamicGetterResults ?? NO_VARIABLES) {
      if (!tracerByVariable.has(variable)) this.addVariableTracer(variable, "imported", variable.defs[0]?.node ?? variable.identifiers[0]!, [], false, variable.name);
    }
    let usedOnly: Map<Scope.Variable, LocalTracerShape> | undefined;
    for (const [variable, binding] of this.bindings) {
      if (binding.kind !== "local" || tracerByVariable.has(variable)) continue;
      const found = localTracer(variable, binding.name, binding.fromSdkSettingsModule, input);
      if (found?.usedOnly) (usedOnly ??= new Map()).set(variable, found.shape);
      else if (found !== undefined) this.addImportedTracer(variable, found.shape);
    }
    return usedOnly;
  }

  private addImportedTracer(variable: Scope.Variable, shape: LocalTracerShape): void {
    this.addVariableTracer(
      variable,
      "imported",
      variable.defs[0]?.node ?? variable.identifiers[0]!,
      [],
      shape !== "tracer",
      // A factory's or an async getter's call is never written again (it would make or await a new tracer).
      shape === "tracer" ? variable.name : shape === "getter" ? `${variable.name}()` : undefined,
    );
  }

  /** A tracer made or held here (created, typed, a class member, or read from one), not only imported. */
  private hasOwnTracer(): boolean {
    if (this.memberTracers.length > 0) return true;
    for (const tracer of this.tracerByVariable.values()) if (tracer.kind !== "imported") return true;
    return false;
  }

  /**
   * Whether the rounds can find a tracer. Every tracer they find starts from a creation
   * (`creationOf`: an expression the SDK model resolves to `HoneyHiveTracer`) or from a tracer known
   * before them (typed parameters, imported tracers; class members come after the rounds). The SDK
   * model resolves `HoneyHiveTracer` through a binding exporting it, through a namespace or project
   * module binding (`hh.HoneyHiveTracer`, a barrel), or through an expression rooted in `require(…)` /
   * `import(…)` (no root identifier): a file with none of these (its SDK bindings all other exports,
   * say `import { trace, evaluate } from "honeyhive"`) gets no tracer from the rounds, which would read
   * every variable's writes to say so. A global slot another module fills is a tracer known before them too.
   */
  private mayCreateOrHoldTracer(): boolean {
    if (this.tracerByVariable.size > 0) return true;
    for (const binding of this.bindings.values()) if (binding.kind !== "export" || binding.name === "HoneyHiveTracer") return true;
    const { text } = this.input;
    // `const tracer = globalThis.tracer` of a slot a module it loads fills (analysis/global-slots.ts).
    return text.includes("require") || text.includes("import(") || readsLoadedGlobalTracer(this.input);
  }

  private runTracerRounds(allVariables: readonly Scope.Variable[]): void {
    const { bindings, tracerByVariable } = this;
    // Rounds: creations → getters returning them → variables assigned from getters / aliases.
    // A variable's verdict reads nothing that changes during the rounds but which variables are tracers,
    // and only those its values name (`tracerOfInternal` records the ones that were no tracer): a
    // variable that named none gets the same "no" in every round, and one whose named variables are all
    // still no tracer gets it again. So the first round reads every variable and keeps, in the same
    // order, those that named one; a later round re-reads only those of them whose named variables
    // changed. Same verdicts in the same order as re-reading every variable each round, which re-read
    // the writes of every variable of a large file up to four times.
    const scratch: Scope.Variable[] = [];
    let waiting: Waiting[] = [];
    let changed = false;
    for (const variable of allVariables) {
      if (tracerByVariable.has(variable) || bindings.has(variable)) continue;
      if (this.examineRecording(variable, scratch)) changed = true;
      else if (scratch.length > 0) waiting.push({ variable, named: scratch.slice() });
      scratch.length = 0;
    }
    for (let round = 1; round < 4 && changed; round += 1) {
      changed = false;
      const stillWaiting: Waiting[] = [];
      for (const entry of waiting) {
        if (!namesAny(entry.named, tracerByVariable)) {
          stillWaiting.push(entry);
          continue;
        }
        if (this.examineRecording(entry.variable, scratch)) changed = true;
        else if (scratch.length > 0) {
          entry.named = scratch.slice();
          stillWaiting.push(entry);
        }
        scratch.length = 0;
      }
      waiting = stillWaiting;
    }
  }

  /** Backing variables whose initialization sits in their getter: point them at it. */
  private linkBackingVariables(): void {
    const { tracerByVariable } = this;
    for (const getter of tracerByVariable.values()) {
      if (getter.kind !== "lazy" || !getter.variable) continue;
      const fn = functionOfVariable(getter.variable);
      if (!fn) continue;
      for (const tracer of tracerByVariable.values()) {
        const filledByGetter = tracer.initializations.length > 0 && tracer.initializations.every((init) => contains(fn, init));
        if (tracer.kind === "init" && tracer !== getter && filledByGetter) {
          tracer.getter ??= getter;
          for (const init of tracer.initializations) if (!getter.initializations.includes(init)) getter.initializations.push(init);
        }
      }
    }
  }

  /** Class members: `tracer = HoneyHiveTracer.init()` fields, `this.tracer = HoneyHiveTracer.init()`, parameter properties. */
  private addMemberTracers(
    classProperties: readonly TSESTree.PropertyDefinition[],
    assignments: readonly TSESTree.AssignmentExpression[],
    parameterProperties: readonly TSESTree.TSParameterProperty[],
  ): void {
    for (const property of classProperties) {
      if (property.static) continue;
      const owner = property.parent?.parent;
      if (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) {
        this.addMemberTracer(staticName(property.key, property.computed), property.value, property, owner);
      }
    }
    for (const assignment of assignments) {
      if (assignment.left.type !== AST_NODE_TYPES.MemberExpression || assignment.left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
      this.addMemberTracer(memberName(assignment.left), assignment.right, assignment, thisClass(assignment.left));
    }
    // Parameter properties (`constructor(private readonly tracer: HoneyHiveTracer) {}`, NestJS injection):
    // the parameter is also the member `this.tracer` of every instance.
    const { memberTracers } = this;
    for (const property of parameterProperties) {
      const ownerClass = property.parent?.parent?.parent?.parent;
      if (ownerClass?.type !== AST_NODE_TYPES.ClassDeclaration && ownerClass?.type !== AST_NODE_TYPES.ClassExpression) continue;
      // `constructor(private tracer = HoneyHiveTracer.init(…))`: the default is the member's value, as a field's initializer is.
      const defaulted = property.parameter.type === AST_NODE_TYPES.AssignmentPattern ? property.parameter : undefined;
      if (defaulted?.left.type === AST_NODE_TYPES.Identifier && !this.isSdkTracerType(defaulted.left.typeAnnotation?.typeAnnotation)) {
        this.addMemberTracer(defaulted.left.name, defaulted.right, property, ownerClass);
        continue;
      }
      const parameter = defaulted?.left ?? property.parameter;
      if (parameter.type !== AST_NODE_TYPES.Identifier || !this.isSdkTracerType(parameter.typeAnnotation?.typeAnnotation)) continue;
      if (memberTracers.some((tracer) => tracer.name === parameter.name && tracer.ownerClass === ownerClass)) continue;
      memberTracers.push(new MutableTracer(undefined, parameter.name, "member", isTopLevelClass(ownerClass), false, property, [], false, `this.${parameter.name}`, ownerClass));
    }
    for (const property of parameterProperties) this.addHeldTracers(property);
  }

  /**
   * An injected service that holds the tracer (NestJS: `constructor(private tracing: TracingService)`,
   * `TracingService { readonly tracer = HoneyHiveTracer.init(…) }`): `this.tracing.tracer` is a member
   * tracer of the injecting class too, named `tracing.tracer`. The parameter's class is one of this file
   * (its member tracers, read above) or a project module's export whose facts list the field
   * (`tracerHolders`, one module deep, no re-export followed). Asked only where the file writes
   * `.<parameter>.`, so a class injecting services it never reaches through costs no module read.
   */
  private addHeldTracers(property: TSESTree.TSParameterProperty): void {
    const service = injectedService(this.input, property);
    const ownerClass = property.parent?.parent?.parent?.parent;
    if (!service || (ownerClass?.type !== AST_NODE_TYPES.ClassDeclaration && ownerClass?.type !== AST_NODE_TYPES.ClassExpression)) return;
    const def = service.variable.defs[0];
    const fields =
      def?.type === "ClassName"
        ? this.memberTracers.filter((tracer) => tracer.ownerClass === def.node && !tracer.name.includes(".")).map((tracer) => tracer.name)
        : importedHeldFields(this.input, service.variable);
    const parameter = service.parameter;
    for (const field of fields ?? []) {
      const name = `${parameter.name}.${field}`;
      if (this.memberTracers.some((tracer) => tracer.name === name && tracer.ownerClass === ownerClass)) continue;
      this.memberTracers.push(new MutableTracer(undefined, name, "member", isTopLevelClass(ownerClass), false, property, [], false, `this.${name}`, ownerClass));
    }
  }

  /** The major the code is written against, as its SDK bindings tell (evidence only; honeyhiveMajorOfFile weighs it). */
  private readMajorEvidenceOfBindings(): void {
    let saw1x = false;
    let saw2x = this.usesModuleOf2x;
    for (const binding of this.bindings.values()) {
      if (binding.kind !== "export") continue;
      if (honeyhive1xProfile.onlyIn1x.exports.has(binding.name)) saw1x = true;
      if (ONLY_IN_2X.exports.has(binding.name)) saw2x = true;
    }
    // Wherever the tracer goes (a module variable, a per-request local, nowhere): `new HoneyHiveTracer()`.
    if (honeyhive1xProfile.onlyIn1x.construction) {
      for (const node of nodesOfType(this.ast, AST_NODE_TYPES.NewExpression)) {
        if (this.sdkExportOf(node.callee) === "HoneyHiveTracer") {
          saw1x = true;
          break;
        }
      }
    }
    this.saw1x = saw1x;
    this.saw2x = saw2x;
  }

  /** Trace uses, enrichment, evaluate; the calls `<tracer>.trace(…)`, whose form waits for the major. */
  private readCalls(calls: readonly TSESTree.CallExpression[]): TSESTree.CallExpression[] {
    const { traceUses } = this;
    const tracerTraceCalls: TSESTree.CallExpression[] = [];
    let { saw1x, saw2x } = this;
    for (const call of calls) {
      const sdkName = this.sdkExportOf(call.callee);
      if (sdkName === "trace") {
        traceUses.push(this.readTraceCall(call, "sdk", false));
      } else if (sdkName === "enrichSpan" || sdkName === "enrichSession") {
        this.globalEnrichCalls.push(call);
      } else if (sdkName === "evaluate") {
        this.evaluateCalls.push(call);
      } else if (sdkName !== undefined && WRAPPER_EXPORTS_1X.has(sdkName)) {
        traceUses.push(this.readWrapperCall(call, "sdk", sdkName));
      } else {
        const callee = unwrapExpression(call.callee);
        if (callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
        const name = memberName(callee);
        if (name === undefined || !MEMBERS_READ.has(name)) continue;
        const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression;
        const static1x = honeyhive1xProfile.onlyIn1x.statics.has(name) || (awaited && honeyhive1xProfile.onlyIn1x.awaitedStatics.has(name));
        if (static1x && this.sdkExportOf(callee.object) === "HoneyHiveTracer") {
          saw1x = true;
          // 1.x `HoneyHiveTracer.enrichSpan()` is the free enrichSpan() under the class.
          if (IMPLICIT_TRACER_STATICS_1X.has(name)) this.globalEnrichCalls.push(call);
          continue;
        }
        if (!this.tracerOfInternal(callee.object)) continue;
        if (honeyhive1xProfile.onlyIn1x.members.has(name)) saw1x = true;
        if (ONLY_IN_2X.members.has(name)) saw2x = true;
        if (name === "trace") tracerTraceCalls.push(call);
        else if (WRAPPER_MEMBERS_1X.has(name)) traceUses.push(this.readWrapperCall(call, "tracer", name));
      }
    }
    this.saw1x = saw1x;
    this.saw2x = saw2x;
    return tracerTraceCalls;
  }

  /**
   * 1.x `tracer.trace(fn, ...args)` runs fn now; this SDK's `tracer.trace(options, fn)` wraps it.
   * Asked only where a decision depends on it (it may read the project's package.json).
   */
  private readTracerTraceCalls(tracerTraceCalls: readonly TSESTree.CallExpression[]): void {
    const { traceUses } = this;
    for (const call of tracerTraceCalls) {
      const runsNow = IMMEDIATE_MEMBERS_1X.has("trace") && this.majorOfFile() === 1;
      traceUses.push(this.readTraceCall(call, "tracer", runsNow));
    }
  }

  /** A 1.x module that keeps `HoneyHiveTracer.init(…)` unawaited holds a promise of the tracer. */
  private markPromises(): void {
    for (const tracer of this.tracerByVariable.values()) {
      if (tracer.kind !== "init" || !tracer.variable) continue;
      const unawaited = tracer.initializations.some((creation) => creation.parent?.type !== AST_NODE_TYPES.AwaitExpression && creation.type === AST_NODE_TYPES.CallExpression && !this.awaitedInPromiseAll(creation));
      if (!unawaited) continue;
      const awaitedLater = tracer.variable.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.AwaitExpression);
      // 2.x's `init` returns the tracer: the usual `const tracer = HoneyHiveTracer.init(…)` holds a
      // promise only in a 1.x file. Unless that is known without reading the project's package.json, it
      // is asked when a rule first reads what depends on it (most files never do).
      if (awaitedLater) tracer.holdsPromise();
      else tracer.holdsPromiseIf(() => this.majorOfFile() === 1);
    }
  }

  /** `HoneyHiveTracer.init(…)` as an element of an awaited `Promise.all([…])`, or one whose callback destructures it: resolved with the list. */
  private awaitedInPromiseAll(creation: TSESTree.Node): boolean {
    const list = creation.parent;
    if (list?.type !== AST_NODE_TYPES.ArrayExpression) return false;
    const member = list.parent?.parent;
    const callback = member?.type === AST_NODE_TYPES.MemberExpression && member.parent?.type === AST_NODE_TYPES.CallExpression ? member.parent.arguments[0] : undefined;
    const pattern = isFunctionNode(callback) ? callback.params[0] : undefined;
    return promiseAllList(this.input.scopeManager, member) === list || (pattern?.type === AST_NODE_TYPES.ArrayPattern && thenedPromiseAllList(this.input.scopeManager, pattern) === list);
  }

  private readDecorators(decorators: readonly TSESTree.Decorator[]): void {
    const { traceUses } = this;
    for (const decorator of decorators) {
      const expression = unwrapExpression(decorator.expression);
      if (!expression) continue;
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        const use = traceUses.find((candidate) => candidate.node === expression);
        if (use) Object.assign(use, { decorator });
      } else if ((expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression) && this.sdkExportOf(expression) === "trace") {
        traceUses.push(bareDecorator(expression, decorator));
      }
    }
  }

  /** The trace uses in source order, and each by the nodes `traceUseOf` is asked about. */
  private indexTraceUses(): void {
    const { traceUses } = this;
    if (traceUses.length === 0) return;
    traceUses.sort((a, b) => a.node.range[0] - b.node.range[0]);
    const traceUseByNode = (this.traceUseByNode = new Map());
    for (const use of traceUses) {
      traceUseByNode.set(use.node, use);
      if (use.wrapped) traceUseByNode.set(unwrapExpression(use.wrapped) ?? use.wrapped, use);
      if (use.decorator?.parent) {
        traceUseByNode.set(use.decorator.parent, use);
        const member = use.decorator.parent;
        if (member.type === AST_NODE_TYPES.MethodDefinition) traceUseByNode.set(member.value, use);
      }
    }
  }

  variableOf(identifier: TSESTree.Identifier): Scope.Variable | undefined {
    return this.resolver.variableOf(identifier) ?? undefined;
  }

  private bindingOf(origin: ModuleOrigin | undefined): SdkBinding | undefined {
    // A type-only import names no value: nothing to call, nor to write a call through.
    if (!origin || origin.typeOnly) return undefined;
    const { module } = origin;
    const { settings } = this;
    if (ONLY_IN_2X.modules.has(module)) this.usesModuleOf2x = true;
    if (isSdkModule(module, settings)) {
      // The SDK's CommonJS build has no default export: `default` is the module itself.
      const path = origin.path[0] === "default" ? origin.path.slice(1) : origin.path;
      if (path.length === 0) return NAMESPACE_BINDING;
      const name = path[0]!;
      if (path.length > 1) return undefined;
      if (isSdkPackage(module) || HONEYHIVE_VALUE_EXPORTS.has(name)) return { kind: "export", name };
      return { kind: "local", name, fromSdkSettingsModule: true };
    }
    if (!isProjectModule(module, this.input)) return undefined;
    // A project module re-exporting the SDK (a barrel): the names it hands on are the SDK's.
    const throughBarrel = sdkOriginThroughBarrel(this.input, origin);
    if (throughBarrel) return this.bindingOf(throughBarrel);
    // `import tracing from "./tracing"` is the module's default export, which may itself be a tracer.
    const path = projectExportPath(this.input, origin);
    return path.length > 1 ? undefined : { kind: "local", name: path[0], fromSdkSettingsModule: false };
  }

  sdkExportOf(node: TSESTree.Node): SdkExport | undefined {
    const expression = unwrapExpression(node);
    if (!expression) return undefined;
    let binding: SdkBinding | undefined;
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(expression);
      binding = variable && this.bindings.get(variable);
    } else {
      // Every call's callee is asked: a member chain whose root names no SDK or project binding
      // (`console.log`, `res.json`, `this.x`) cannot reach one, since a longer path of a module is
      // never more of an SDK export than a shorter one. Only those rooted in a binding pay for the
      // origin's path objects.
      const root = rootIdentifierOf(expression);
      if (root !== undefined) {
        const variable = this.variableOf(root);
        if (!variable || !this.bindings.has(variable)) return undefined;
      }
      binding = this.bindingOf(this.resolver.originOf(expression));
    }
    return binding?.kind === "export" ? binding.name : undefined;
  }

  isSdkCall(node: TSESTree.CallExpression, name: SdkExport): boolean {
    return this.sdkExportOf(node.callee) === name;
  }

  moduleReferenceTo(name: SdkExport): string | undefined {
    let namespace: string | undefined;
    for (const [variable, binding] of this.bindings) {
      if (!isModuleScope(variable.scope)) continue;
      if (binding.kind === "export" && binding.name === name) return variable.name;
      if (binding.kind === "namespace") namespace ??= variable.name;
    }
    return namespace === undefined ? undefined : `${namespace}.${name}`;
  }

  tracerOf(node: TSESTree.Node): TracerDeclaration | undefined {
    return this.tracerOfInternal(node);
  }

  isTracerCreation(node: TSESTree.Node): boolean {
    return this.creationOf(node) !== undefined;
  }

  /** `node` itself when it creates a tracer (`HoneyHiveTracer.init(…)`, `new HoneyHiveTracer(…)`, through wrappers). */
  private creationOf(node: TSESTree.Node | null | undefined): TSESTree.Expression | undefined {
    const expression = unwrapExpression(node);
    if (expression?.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(expression.callee);
      const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (callee?.type === AST_NODE_TYPES.MemberExpression && name !== undefined && TRACER_FACTORY_STATICS.has(name) && this.sdkExportOf(callee.object) === "HoneyHiveTracer") {
        return expression;
      }
    }
    if (expression?.type === AST_NODE_TYPES.NewExpression && this.sdkExportOf(expression.callee) === "HoneyHiveTracer") return expression;
    return undefined;
  }

  /** A tracer value: a creation, a known tracer, `a ?? creation`, `cond ? creation : x`, `(x ??= creation)`. */
  private tracerValue(node: TSESTree.Node | null | undefined, depth = 0): TracerValue | undefined {
    if (depth > 8) return undefined;
    const expression = unwrapExpression(node);
    if (!expression) return undefined;
    const creation = this.creationOf(expression);
    if (creation) return { creation };
    switch (expression.type) {
      case AST_NODE_TYPES.LogicalExpression:
        return this.tracerValue(expression.right, depth + 1) ?? this.tracerValue(expression.left, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.tracerValue(expression.consequent, depth + 1) ?? this.tracerValue(expression.alternate, depth + 1);
      case AST_NODE_TYPES.AssignmentExpression: {
        // `(_tracer ??= HoneyHiveTracer.init())` yields the variable (memoized), not a fresh tracer;
        // until that variable is known as a tracer (a later round), it yields nothing.
        if (expression.left.type === AST_NODE_TYPES.Identifier) {
          const tracer = this.tracerOfInternal(expression.left);
          return tracer ? { tracer } : undefined;
        }
        return this.tracerValue(expression.right, depth + 1);
      }
      case AST_NODE_TYPES.SequenceExpression:
        return this.tracerValue(expression.expressions[expression.expressions.length - 1], depth + 1);
      case AST_NODE_TYPES.CallExpression: {
        // `import("honeyhive").then(({ HoneyHiveTracer }) => HoneyHiveTracer.init(…))`: a promise of the tracer its callback makes.
        const loaded = lazyImportCallback(expression);
        if (loaded) return this.returnedTracer(loaded);
        const tracer = this.tracerOfInternal(expression);
        return tracer ? { tracer } : undefined;
      }
      default: {
        // `return globalThis.hhTracer` of a getter that fills it with `globalThis.hhTracer ??= init()`.
        const slot = globalSlotOf(this.input.scopeManager, expression);
        if (slot !== undefined) {
          const cached = this.globalCacheValue(slot, depth);
          if (cached) return cached;
          // `const tracer = globalThis.tracer` of a slot another module declares and fills.
          const imported = this.importedGlobalSlotTracer(slot);
          return imported ? { tracer: imported } : undefined;
        }
        const tracer = this.tracerOfInternal(expression);
        return tracer ? { tracer } : undefined;
      }
    }
  }

  /**
   * What the file caches in a global slot with `globalThis.x ??= <tracer>` (or `||=`, or a plain `=` that
   * runs only while the slot is empty: `if (!globalThis.x) globalThis.x = <tracer>`): read by a getter returning the slot.
   */
  private globalCacheValue(slot: string, depth: number): TracerValue | undefined {
    const { scopeManager } = this.input;
    for (const assignment of nodesOfType(this.ast, AST_NODE_TYPES.AssignmentExpression)) {
      if (globalSlotOf(scopeManager, assignment.left) !== slot) continue;
      if (assignment.operator !== "??=" && assignment.operator !== "||=" && !fillsEmptyGlobalSlot(scopeManager, assignment, slot)) continue;
      const value = this.tracerValue(assignment.right, depth + 1);
      if (value) return value;
    }
    return undefined;
  }

  /**
   * The tracer of a global slot (`globalThis.x`, `global.x`) the file fills with one: cached there
   * (`globalThis.x ??= <tracer>`, `if (!globalThis.x) globalThis.x = <tracer>`) or assigned at module level
   * (`globalThis.x = <tracer>`). One process-wide value, so module-level whatever function fills it; no
   * reference text (the slot may be filled by another module first). Kept once found (a tracer the file
   * assigns may be known only in a later round).
   */
  private globalSlotTracer(slot: string): MutableTracer | undefined {
    const known = this.globalSlotTracers?.get(slot);
    if (known) return known;
    const { scopeManager } = this.input;
    for (const assignment of nodesOfType(this.ast, AST_NODE_TYPES.AssignmentExpression)) {
      if (globalSlotOf(scopeManager, assignment.left) !== slot) continue;
      const cached = assignment.operator === "??=" || assignment.operator === "||=" || fillsEmptyGlobalSlot(scopeManager, assignment, slot);
      if (!cached && (assignment.operator !== "=" || enclosingFunction(assignment) !== undefined)) continue;
      const tracer = this.storedTracer(assignment, assignment.right, `globalThis.${slot}`);
      if (!tracer) continue;
      (this.globalSlotTracers ??= new Map()).set(slot, tracer);
      return tracer;
    }
    return this.importedGlobalSlotTracer(slot);
  }

  /**
   * The tracer of a global slot another module declares and fills (`declare global { var tracer:
   * HoneyHiveTracer | undefined }` with `globalThis.tracer ??= HoneyHiveTracer.init(…)`), where this file
   * loads that module or its framework loads it first (analysis/global-slots.ts). No reference text: the
   * slot's type admits `undefined`. Asked once per slot.
   */
  private importedGlobalSlotTracer(slot: string): MutableTracer | undefined {
    const known = this.importedSlotTracers?.get(slot);
    if (known !== undefined) return known ?? undefined;
    const tracer = loadsGlobalTracerSlot(this.input, slot) ? new MutableTracer(undefined, `globalThis.${slot}`, "init", true, false, this.ast, [], false, undefined, undefined) : null;
    (this.importedSlotTracers ??= new Map()).set(slot, tracer);
    return tracer ?? undefined;
  }

  /**
   * A tracer an application keeps for its handlers (`APP_CONTEXT_SLOTS`), read back where they read it: `ctx.tracer`
   * of `app.context.tracer = <tracer>` (Koa, Telegraf), `request.server.tracer` / `app.tracer` of
   * `app.decorate("tracer", <tracer>)` (Fastify), `req.app.locals.tracer` of `app.locals.tracer = <tracer>`, and
   * `req.tracer` / `res.locals.tracer` an app middleware sets to the module's tracer (Express), `c.get("tracer")` /
   * `c.var.tracer` of `c.set("tracer", <tracer>)` (Hono). Through a parameter only in a function registered on that
   * app (`registeredOn`): a function elsewhere with a `ctx` parameter gets whatever its caller passes.
   */
  private appContextTracer(expression: TSESTree.MemberExpression | TSESTree.CallExpression): MutableTracer | undefined {
    const read = slotReadOf(expression);
    if (!read) return undefined;
    // `this.tracer` in a non-arrow function: the app, where the framework calls its handlers with the app as `this`.
    const thisFn = read.base.type === AST_NODE_TYPES.ThisExpression ? functionOfThis(read.base) : undefined;
    const variable = read.base.type === AST_NODE_TYPES.Identifier ? this.variableOf(read.base) : undefined;
    const def = variable?.defs[0];
    const fn = thisFn ?? (def?.type === "Parameter" && isFunctionNode(def.node) ? def.node : undefined);
    if (!thisFn && (read.base.type === AST_NODE_TYPES.ThisExpression || (!fn && def?.type !== "Variable"))) return undefined;
    const position = fn && def?.type === "Parameter" ? fn.params.indexOf(def.name) : -1;
    for (const slot of APP_CONTEXT_SLOTS) {
      for (const form of appSlotReads(slot)) {
        if (form.getter !== read.getter || !samePath(form.path, read.path) || (form.on === "this") !== (thisFn !== undefined)) continue;
        if (form.on === "parameter" ? !fn || (form.position !== undefined && form.position !== position) : form.on === "app" && (fn || !this.madeBy(variable!, slot.app))) continue;
        const stored = this.appSlotStore(slot, read.name);
        if (!stored) continue;
        if (form.on === "app" ? variable === stored.app : this.registeredOn(fn!, stored.app, slot)) return stored.tracer;
      }
    }
    return undefined;
  }

  /** What `slot` keeps under `name` in this file, with the app keeping it (`appContextTracer`); asked once a slot and name. */
  private appSlotStore(slot: AppContextSlot, name: string): AppSlotStore | undefined {
    const stores = (this.appContextTracers ??= new Map());
    let byName = stores.get(slot);
    if (!byName) stores.set(slot, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, slot.store.on === "app" ? this.appStore(slot, name) : this.requestStore(slot, name));
    return byName.get(name);
  }

  /**
   * `<app>.<path>.<name> = <tracer>` (`app.context.tracer = …`, `app.locals.tracer ??= …`) or `<app>.<setter>("<name>",
   * <tracer>)` (`app.decorate("tracer", …)`), `<app>` made by `slot.app`: one value for the process, so module-level
   * wherever it is put; no reference text (it reads only where the app or a context is at hand).
   */
  private appStore(slot: AppContextSlot, name: string): AppSlotStore | undefined {
    for (const { base, value, node } of this.slotWrites(slot).get(name) ?? []) {
      const holder = this.variableOf(base);
      // `app.decorate(…)`, or `fastify.decorate(…)` in a plugin (`slot.plugins`) registered on the app.
      const app = holder && this.madeBy(holder, slot.app) ? holder : slot.plugins && this.pluginHost(base, slot, slot.plugins);
      if (!app) continue;
      const tracer = this.storedTracer(node, value, [...slot.store.path, name].join("."));
      if (tracer) return { tracer, app };
    }
    return slot.plugins && this.importedPluginStore(slot, slot.plugins, name);
  }

  /**
   * The app `base` stands for when it is the first parameter of a plugin function wrapped by one of `plugins.wrappers`
   * (without its `encapsulate` option written `true`) and given, as written or by the `const` it is kept in, to
   * `<app>.<register>(…)` of an app `slot.app` makes: `app.register(fp(async (fastify) => fastify.decorate(…)))`.
   */
  private pluginHost(base: TSESTree.Identifier, slot: AppContextSlot, plugins: AppPlugins): Scope.Variable | undefined {
    const wrapper = this.pluginWrapperOf(base, plugins);
    return wrapper && this.registeringApps(wrapper, slot, plugins)[0];
  }

  /** The wrapper call (`fp(fn)`, not `fp(fn, { encapsulate: true })`) of the plugin function whose first parameter `base` is. */
  private pluginWrapperOf(base: TSESTree.Identifier, plugins: AppPlugins): TSESTree.CallExpression | undefined {
    const def = this.variableOf(base)?.defs[0];
    const plugin = def?.type === "Parameter" && isFunctionNode(def.node) && def.node.params[0] === def.name ? def.node : undefined;
    const wrapper = plugin?.parent;
    if (wrapper?.type !== AST_NODE_TYPES.CallExpression || wrapper.arguments[0] !== plugin || !this.callsOneOf(wrapper, plugins.wrappers)) return undefined;
    return plugins.encapsulate !== undefined && optionIsTrue(wrapper.arguments[1], plugins.encapsulate) ? undefined : wrapper;
  }

  /** The apps `slot.app` makes that `<app>.<register>(plugin)` registers `plugin` (an expression, or the `const` keeping it) on. */
  private registeringApps(plugin: TSESTree.Node, slot: AppContextSlot, plugins: AppPlugins): Scope.Variable[] {
    const kept = plugin.parent?.type === AST_NODE_TYPES.VariableDeclarator && plugin.parent.init === plugin && plugin.parent.id.type === AST_NODE_TYPES.Identifier ? this.variableOf(plugin.parent.id) : undefined;
    const uses: TSESTree.Node[] = kept ? kept.references.filter((reference) => !reference.init).map((reference) => reference.identifier) : [plugin];
    const apps: Scope.Variable[] = [];
    for (const use of uses) {
      const call = use.parent;
      const callee = call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === use ? unwrapExpression(call.callee) : undefined;
      const receiver = callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === plugins.register ? unwrapExpression(callee.object) : undefined;
      const app = receiver?.type === AST_NODE_TYPES.Identifier ? this.variableOf(receiver) : undefined;
      if (app && !apps.includes(app) && this.madeBy(app, slot.app)) apps.push(app);
    }
    return apps;
  }

  /**
   * `app.register(tracing)` of a plugin imported from a project module whose facts say it stores a tracer under `name`
   * on the app that registers it (`appPluginTracers`, export-facts.ts). One tracer of the module, no reference text.
   */
  private importedPluginStore(slot: AppContextSlot, plugins: AppPlugins, name: string): AppSlotStore | undefined {
    for (const app of this.appsMadeBy(slot.app)) {
      for (const reference of app.references) {
        const callee = reference.identifier.parent;
        const call = callee?.type === AST_NODE_TYPES.MemberExpression && callee.object === reference.identifier && memberName(callee) === plugins.register ? callee.parent : undefined;
        const plugin = call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee ? unwrapExpression(call.arguments[0]) : undefined;
        const variable = plugin?.type === AST_NODE_TYPES.Identifier ? this.variableOf(plugin) : undefined;
        const origin = variable && importOrigin(this.input, variable);
        if (!origin || !isProjectModule(origin.specifier, this.input)) continue;
        if (!importedModule(this.input, origin.specifier)?.facts.appPluginTracers?.[origin.name]?.includes(name)) continue;
        return { tracer: this.sharedImportedTracer(variable!, name, undefined), app };
      }
    }
    return undefined;
  }

  /**
   * For a module's facts: the names each exported plugin (`slot.plugins`: `export default fp(async (fastify) => …)`)
   * stores a HoneyHive tracer under on the app that registers it, by export name (`appPluginTracers`, read by
   * `importedPluginStore` in the importer).
   */
  pluginTracerStores(exportsOf: (value: TSESTree.Node) => readonly string[]): Record<string, string[]> | undefined {
    let found: Record<string, string[]> | undefined;
    for (const slot of APP_CONTEXT_SLOTS) {
      const plugins = slot.plugins;
      if (!plugins) continue;
      for (const [name, writes] of this.slotWrites(slot)) {
        for (const { base, value, node } of writes) {
          const wrapper = this.pluginWrapperOf(base, plugins);
          if (!wrapper || !this.storedTracer(node, value, name)) continue;
          for (const exported of exportsOf(wrapper)) {
            const names = ((found ??= {})[exported] ??= []);
            if (!names.includes(name)) names.push(name);
          }
        }
      }
    }
    return found;
  }

  /** `call` calls one of `specs` (`fp(…)` of fastify-plugin), by the binding its callee comes from. */
  private callsOneOf(call: TSESTree.CallExpression, specs: readonly ValueSpecifier[]): boolean {
    const origin = specs.length > 0 ? this.resolver.originOf(call.callee) : undefined;
    return origin !== undefined && specs.some((spec) => originMatches(origin, spec));
  }

  /**
   * `req.<name> = tracer`, `res.locals.<name> = tracer`, `c.set("<name>", tracer)` in a function registered on an app
   * `slot.app` makes: each request gets a new object, so it holds the app's one tracer only where every such write on
   * that app stores the same module-level tracer (`req.tracer = HoneyHiveTracer.init(…)` is a tracer per request: not followed).
   */
  private requestStore(slot: AppContextSlot, name: string): AppSlotStore | undefined {
    const { store } = slot;
    let found: AppSlotStore | undefined;
    for (const { base, value } of this.slotWrites(slot).get(name) ?? []) {
      const def = this.variableOf(base)?.defs[0];
      const fn = def?.type === "Parameter" && isFunctionNode(def.node) ? def.node : undefined;
      if (!fn || def?.type !== "Parameter" || (store.on === "parameter" && store.position !== undefined && fn.params.indexOf(def.name) !== store.position)) continue;
      const app = this.appsMadeBy(slot.app).find((candidate) => this.registeredOn(fn, candidate, slot));
      if (!app) continue;
      const tracer = this.tracerValue(value)?.tracer;
      if (!tracer || !tracer.moduleLevel || tracer.kind === "parameter" || (found && (found.tracer !== tracer || found.app !== app))) return undefined;
      found = { tracer, app };
    }
    return found;
  }

  /** The writes of `slot.store`'s form, by the name written (one pass over the file's assignments or calls a slot, when first asked). */
  private slotWrites(slot: AppContextSlot): ReadonlyMap<string, readonly SlotWrite[]> {
    const known = (this.appSlotWrites ??= new Map()).get(slot);
    if (known) return known;
    const { path, setter } = slot.store;
    const writes = new Map<string, SlotWrite[]>();
    const add = (read: ReturnType<typeof slotReadOf>, value: TSESTree.Node, node: TSESTree.Node) => {
      if (!read || read.base.type !== AST_NODE_TYPES.Identifier || read.getter !== setter || !samePath(read.path, path)) return;
      const list = writes.get(read.name);
      const write = { base: read.base as TSESTree.Identifier, value, node };
      if (list) list.push(write);
      else writes.set(read.name, [write]);
    };
    if (setter !== undefined) {
      for (const call of nodesOfType(this.ast, AST_NODE_TYPES.CallExpression)) if (call.arguments.length === 2) add(slotReadOf(call, 2), call.arguments[1]!, call);
    } else {
      for (const assignment of nodesOfType(this.ast, AST_NODE_TYPES.AssignmentExpression)) {
        if ((assignment.operator === "=" || assignment.operator === "??=" || assignment.operator === "||=") && assignment.left.type === AST_NODE_TYPES.MemberExpression) add(slotReadOf(assignment.left), assignment.right, assignment);
      }
    }
    this.appSlotWrites.set(slot, writes);
    return writes;
  }

  /** `variable` is declared with a value `spec` makes (`const app = new Koa()`, `const app = express()`). */
  private madeBy(variable: Scope.Variable, spec: ValueSpecifier): boolean {
    const made = variable.defs[0]?.node;
    const init = made?.type === AST_NODE_TYPES.VariableDeclarator ? unwrapExpression(made.init) : undefined;
    const origin = init?.type === AST_NODE_TYPES.NewExpression || init?.type === AST_NODE_TYPES.CallExpression ? this.resolver.originOf(init.callee) : undefined;
    return originMatches(origin, spec);
  }

  /** The variables of the file holding an app `spec` makes (`requestStore`), in source order. */
  private appsMadeBy(spec: ValueSpecifier): readonly Scope.Variable[] {
    const apps: Scope.Variable[] = [];
    for (const declarator of nodesOfType(this.ast, AST_NODE_TYPES.VariableDeclarator)) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
      const init = unwrapExpression(declarator.init);
      if (init?.type !== AST_NODE_TYPES.NewExpression && init?.type !== AST_NODE_TYPES.CallExpression) continue;
      const variable = this.variableOf(declarator.id);
      if (variable && this.madeBy(variable, spec)) apps.push(variable);
    }
    return apps;
  }

  /**
   * `fn` is given to a call on `app` (`app.use(fn)`, `bot.command("ask", fn)`), directly or by the name it
   * is declared with, or to a call on an object the app mounts (`router.get(p, fn)` with `app.use(router.routes())`,
   * `composer.on(e, fn)` with `bot.use(composer)`), also through calls of the slot's `wrappers` (`app.use(compose([fn]))`,
   * `app.use(mount("/p", fn))`), or under a key of an options object the slot's `optionKeys` declare for the call's
   * method (Fastify's `app.route({ handler })`): its context parameter is one of that app's contexts.
   */
  private registeredOn(fn: FunctionNode, app: Scope.Variable, slot: AppContextSlot): boolean {
    const wrappers = slot.wrappers ?? [];
    const receiverOf = (call: TSESTree.Node | undefined): Scope.Variable | undefined => {
      const callee = call?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
      const receiver = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
      return receiver?.type === AST_NODE_TYPES.Identifier ? this.variableOf(receiver) : undefined;
    };
    /** The call `value` is an argument of (`value` itself, or `value.routes()`). */
    const argumentOf = (value: TSESTree.Node): TSESTree.Node | undefined => {
      const parent = value.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) return parent;
      const call = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value ? parent.parent : undefined;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? argumentOf(call) : undefined;
    };
    const mountedOnApp = (holder: Scope.Variable): boolean => holder.references.some((reference) => receiverOf(argumentOf(reference.identifier)) === app);
    const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent.id : undefined;
    const named = declared?.type === AST_NODE_TYPES.Identifier ? this.variableOf(declared) : undefined;
    const uses: TSESTree.Node[] = named ? named.references.map((reference) => reference.identifier) : [fn];
    const isWrapper = (call: TSESTree.CallExpression): boolean => this.callsOneOf(call, wrappers);
    /** `call`'s method declares `property`'s key as an option whose function it registers (`AppContextSlot.optionKeys`). */
    const declaredOption = (call: TSESTree.CallExpression, property: TSESTree.Property): boolean => {
      const callee = unwrapExpression(call.callee);
      const method = memberName(callee);
      const key = staticName(property.key, property.computed);
      return method !== undefined && key !== undefined && Object.hasOwn(slot.optionKeys ?? {}, method) && slot.optionKeys![method]!.includes(key);
    };
    /**
     * The calls that register `value`: the call it is an argument of (also under a key of an options object the slot
     * declares for the call's method: Fastify's `app.route({ handler })`), or, for a wrapper's call, the calls that
     * register its result.
     */
    const registeringCalls = (value: TSESTree.Node, depth: number): TSESTree.CallExpression[] => {
      const property = value.parent?.type === AST_NODE_TYPES.Property && value.parent.value === value && value.parent.parent?.type === AST_NODE_TYPES.ObjectExpression ? value.parent : undefined;
      const option = property?.parent as TSESTree.ObjectExpression | undefined;
      const holder = value.parent?.type === AST_NODE_TYPES.ArrayExpression ? value.parent : (option ?? value);
      const call = holder.parent?.type === AST_NODE_TYPES.CallExpression && holder.parent.arguments.includes(holder as TSESTree.CallExpressionArgument) ? holder.parent : undefined;
      if (!call || !isWrapper(call)) return call && holder !== value.parent && (!property || declaredOption(call, property)) ? [call] : [];
      if (depth > 3) return [];
      // `const api = compose([a, b]); app.use(api)`: the wrapper's result, by the name it is kept under.
      const kept = call.parent?.type === AST_NODE_TYPES.VariableDeclarator && call.parent.init === call && call.parent.id.type === AST_NODE_TYPES.Identifier ? this.variableOf(call.parent.id) : undefined;
      const results: TSESTree.Node[] = kept ? kept.references.filter((reference) => !reference.init).map((reference) => reference.identifier) : [call];
      return results.flatMap((result) => registeringCalls(result, depth + 1));
    };
    return uses.some((use) =>
      registeringCalls(use, 0).some((call) => {
        const receiver = receiverOf(call);
        return receiver !== undefined && (receiver === app || mountedOnApp(receiver));
      }),
    );
  }

  /** The module-level tracer `node` (an assignment, a setter call) stores in a process-wide slot (`globalSlotTracer`, `appStore`) with `stored`, named `name`; undefined when it stores none. */
  private storedTracer(node: TSESTree.Node, stored: TSESTree.Node, name: string): MutableTracer | undefined {
    const value = this.tracerValue(stored, 1);
    if (!value) return undefined;
    const initializations = value.creation ? [value.creation] : [...(value.tracer?.initializations ?? [])];
    return new MutableTracer(undefined, name, "init", true, false, node, initializations, false, undefined, undefined);
  }

  private tracerOfInternal(node: TSESTree.Node): MutableTracer | undefined {
    const expression = unwrapExpression(node);
    if (!expression) return undefined;
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(expression);
      // A name the file never declares is read from the global object: `tracer.createSession()` of a slot
      // a module it loads declares in `declare global` and fills, as `globalThis.tracer` is (global-slots.ts).
      if (variable === undefined) return isLoadedGlobalTracerRead(this.input, expression) ? this.importedGlobalSlotTracer(expression.name) : undefined;
      const tracer = this.tracerByVariable.get(variable);
      if (tracer === undefined) this.misses?.push(variable);
      return tracer;
    }
    if (expression.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(expression.callee);
      if (callee?.type === AST_NODE_TYPES.Identifier) {
        const variable = this.variableOf(callee);
        if (variable === undefined) return undefined;
        const tracer = this.tracerByVariable.get(variable);
        if (tracer === undefined) this.misses?.push(variable);
        // A function of this file is a getter by what it returns (read above), whatever it is given:
        // `initializeTracer(sessionName)` returning `HoneyHiveTracer.init(…)`. An imported getter is
        // known by its name, so only its plain call counts.
        return tracer?.callable && (expression.arguments.length === 0 || tracer.kind === "lazy") ? tracer : undefined;
      }
    }
    if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(expression);
      const owner = thisClass(expression);
      // Outside a class, `this.tracer` of a handler the framework calls with the app as `this` (Fastify's `decorate`).
      return this.memberTracers.find((tracer) => tracer.name === name && tracer.ownerClass === owner) ?? (owner ? undefined : this.appContextTracer(expression));
    }
    // `this.tracing.tracer`: a tracer field of an injected service (`addHeldTracers`).
    const object = expression.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(expression.object) : undefined;
    if (object?.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression) {
      const field = memberName(expression as TSESTree.MemberExpression);
      const service = memberName(object);
      if (field === undefined || service === undefined) return undefined;
      const name = `${service}.${field}`;
      const owner = thisClass(object);
      return this.memberTracers.find((tracer) => tracer.name === name && tracer.ownerClass === owner);
    }
    // `globalThis.__hh.sessionStart()`: a global slot the file fills with a tracer, used directly.
    const slot = expression.type === AST_NODE_TYPES.MemberExpression ? globalSlotOf(this.input.scopeManager, expression) : undefined;
    if (slot !== undefined) return this.globalSlotTracer(slot);
    const contextTracer = expression.type === AST_NODE_TYPES.MemberExpression || expression.type === AST_NODE_TYPES.CallExpression ? this.appContextTracer(expression) : undefined;
    if (contextTracer) return contextTracer;
    // A holder naming itself (`static get tracer() { return Obs.tracer; }`) must not loop.
    if (this.holderDepth > 4) return undefined;
    this.holderDepth++;
    try {
      return this.heldTracerOf(expression);
    } finally {
      this.holderDepth--;
    }
  }

  /**
   * A tracer reached through a holder of this file: `obs.tracer` of `const obs = { tracer: <tracer> }`,
   * `Obs.tracer` of a class's static getter or field, `obs.tracer` / `obs.get()` of `const obs = new Obs()`
   * whose getter, field or argument-less method holds or returns one (`this.#t ??= HoneyHiveTracer.init()`).
   * One hop, `const` holders only; a holder imported from another module is not followed here. Its
   * reference text is the holder expression (`obs.get()`), written only for a module-level holder whose
   * member yields the same tracer each time (a field, or a getter caching it with `this.x ??= …`).
   */
  private heldTracerOf(expression: TSESTree.Node): MutableTracer | undefined {
    let member: TSESTree.Node | undefined = expression;
    let call = false;
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 0) {
      member = unwrapExpression(expression.callee);
      call = true;
    }
    if (member?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(member);
    return name === undefined ? undefined : this.holderMemberTracer(member.object, name, call);
  }

  /** The tracer `holder` holds in `name` (`heldTracerOf`; also `const { tracer } = holder`). */
  private holderMemberTracer(holderNode: TSESTree.Node, name: string, call: boolean): MutableTracer | undefined {
    const holder = unwrapExpression(holderNode);
    // `container.resolve(Tracing).tracer`: a class of this file a DI container makes once (analysis/di-containers.ts).
    const resolution = holder?.type === AST_NODE_TYPES.CallExpression ? diResolutionOf(this.input, holder) : undefined;
    if (resolution?.lifetime === "shared") {
      const text = `${this.input.text.slice(...resolution.call.range)}.${name}${call ? "()" : ""}`;
      return this.classHeldTracer(resolution.owner, name, false, call, text, false);
    }
    // `Obs.instance.tracer`, `Obs.getInstance().tracer`: the one instance a class of this file keeps (analysis/class-singletons.ts).
    if (holder?.type === AST_NODE_TYPES.MemberExpression || holder?.type === AST_NODE_TYPES.CallExpression) {
      const singleton = singletonClassOf(this.input, holder);
      return singleton ? this.classHeldTracer(singleton, name, false, call, this.singletonText(holder, name, call), false) : this.importedSingletonTracer(holder, name, call);
    }
    if (holder?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(holder);
    const def = variable?.defs[0];
    // A holder whose member may give another tracer later (`holder.tracer = other`, `Obs.tracer = other`) is
    // still followed, but never written as the fix's receiver: it might flush another tracer than the one used.
    const changes = variable !== undefined && memberReassigned(variable, name);
    const text = changes ? undefined : `${holder.name}.${name}${call ? "()" : ""}`;
    if (def?.type === "ClassName") return this.classHeldTracer(def.node, name, true, call, text, changes);
    if (variable && !call && !changes) {
      const held = this.moduleExportTracer(variable, name, text);
      if (held) return held;
    }
    if (def?.type === "ImportBinding" && !call) return this.importedHeldTracer(variable!, name, text);
    // A `let` holder counts as one while nothing reassigns it; reassigned, it may hold anything (not followed).
    if (!variable || def?.type !== "Variable" || !(def.parent?.kind === "const" || !reassigned(variable))) return undefined;
    const init = unwrapExpression(def.node.init);
    // `const obs = Observability.getInstance()`: the one instance, read as where it comes from.
    if (init && singletonAccessOf(init) !== undefined) return this.holderMemberTracer(init, name, call);
    const moduleLevel = isModuleScope(variable.scope);
    if (init?.type === AST_NODE_TYPES.ObjectExpression && !call) {
      const property = init.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.kind === "init" && !p.method && staticName(p.key, p.computed) === name);
      return property ? this.heldTracerFromValue(property, this.tracerValue(property.value), moduleLevel, text, true, changes) : undefined;
    }
    // `const Obs = class { static tracer = … }`: the class's static member.
    if (init?.type === AST_NODE_TYPES.ClassExpression && def.parent?.kind === "const") return this.classHeldTracer(init, name, true, call, text, changes);
    if (init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier) {
      const classDef = this.variableOf(init.callee)?.defs[0];
      return classDef?.type === "ClassName" ? this.classHeldTracer(classDef.node, name, false, call, moduleLevel ? text : undefined, changes) : undefined;
    }
    return undefined;
  }

  /**
   * `Obs.getInstance().tracer` / `Obs.instance.tracer` of a class imported from a project module whose facts say the
   * member gives the class's one instance and the instance holds a tracer in `name` (`tracerHolders` `singletons`,
   * `members`; with `call` its `methods`). The module's one tracer, shared by every handler of the importer, written
   * as it is read (the import is in scope wherever the importer writes it).
   */
  private importedSingletonTracer(holder: TSESTree.MemberExpression | TSESTree.CallExpression, name: string, call: boolean): MutableTracer | undefined {
    const access = singletonAccessOf(holder);
    const variable = access && this.variableOf(access.owner);
    const origin = variable && importOrigin(this.input, variable);
    if (!origin || !isProjectModule(origin.specifier, this.input)) return undefined;
    const fact = importedModule(this.input, origin.specifier)?.facts.tracerHolders?.[origin.name];
    if (fact?.of !== "class" || !fact.singletons?.includes(access.member) || !(call ? fact.methods : fact.members).includes(name)) return undefined;
    const text = `${access.owner.name}.${access.member}.${name}${call ? "()" : ""}`;
    return this.sharedImportedTracer(variable, `${access.member}.${name}`, text);
  }

  /**
   * `Obs.getInstance().tracer` as written, to write elsewhere in the file: only where the holder names the class
   * (not `this`, which is the class in its static methods alone) and no private name (readable inside the class only).
   */
  private singletonText(holder: TSESTree.Node, name: string, call: boolean): string | undefined {
    const text = `${this.input.text.slice(...holder.range)}.${name}${call ? "()" : ""}`;
    let receiver = unwrapExpression(holder);
    while (receiver?.type === AST_NODE_TYPES.MemberExpression || receiver?.type === AST_NODE_TYPES.CallExpression) receiver = unwrapExpression(receiver.type === AST_NODE_TYPES.CallExpression ? receiver.callee : receiver.object);
    return receiver?.type === AST_NODE_TYPES.Identifier && !text.includes("#") ? text : undefined;
  }

  /**
   * `tracing.tracer` of `import { tracing } from "./tracing"` whose module exports an instance holding a
   * tracer in `tracer` (`export const tracing = new Tracing()`, `export const tracing = { tracer }`), or a
   * class holding one in a static (`export class Observability { static tracer = … }`): its `tracerHolders` fact, one module deep, as for an injected service). Fields and getters only: a
   * method's result may be a new tracer per call, which the module's facts do not tell. Module-level,
   * shared by every handler of the importer.
   */
  private importedHeldTracer(variable: Scope.Variable, name: string, text: string | undefined): MutableTracer | undefined {
    const origin = importOrigin(this.input, variable);
    if (!origin || !isProjectModule(origin.specifier, this.input)) return undefined;
    const holder = importedModule(this.input, origin.specifier)?.facts.tracerHolders?.[origin.name];
    if (holder === undefined || !heldNames(holder).includes(name)) return undefined;
    return this.sharedImportedTracer(variable, name, text);
  }

  /**
   * `tracing.tracer` of a project module held whole (`import * as tracing from "./tracing"`,
   * `const tracing = require("./tracing")`, `wholeModuleOf`) whose export `tracer` is a HoneyHive tracer by
   * the module's facts (`export const tracer = HoneyHiveTracer.init()`, `exports.tracer = …`). The
   * module's one tracer, shared by every handler of the importer.
   */
  private moduleExportTracer(variable: Scope.Variable, name: string, text: string | undefined): MutableTracer | undefined {
    const specifier = wholeModuleOf(this.input, variable);
    if (specifier === undefined || exportedTracerShape(this.input, { specifier, name }) !== "tracer") return undefined;
    return this.sharedImportedTracer(variable, name, text);
  }

  /** One tracer per imported `holder.name`, made once a file (`importedHeldTracer`, `moduleExportTracer`). */
  private sharedImportedTracer(variable: Scope.Variable, name: string, text: string | undefined): MutableTracer {
    const key = `${variable.name}.${name}`;
    let held = this.importedHolders?.get(key);
    if (!held) {
      held = new MutableTracer(undefined, text ?? key, "init", true, false, variable.defs[0]!.node, [], false, text, undefined);
      (this.importedHolders ??= new Map()).set(key, held);
    }
    return held;
  }

  /** The tracer a class of this file holds in `name` (a field, a getter, or with `call` an argument-less method), static or of an instance. */
  private classHeldTracer(owner: TSESTree.Node, name: string, isStatic: boolean, call: boolean, text: string | undefined, changes: boolean): MutableTracer | undefined {
    if (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    const moduleLevel = isTopLevelClass(owner);
    if (!isStatic && !call) {
      const field = this.memberTracers.find((tracer) => tracer.name === name && tracer.ownerClass === owner);
      if (field) return this.heldTracerFromValue(field.declaration, { tracer: field }, moduleLevel, text, true, changes);
    }
    for (const element of owner.body.body) {
      if ((element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) || element.static !== isStatic || staticName(element.key, element.computed) !== name) continue;
      // An instance field read before the member tracers are (`const { tracer } = holder` in the rounds): its initializer.
      if (element.type === AST_NODE_TYPES.PropertyDefinition) return !call ? this.heldTracerFromValue(element, this.tracerValue(element.value), moduleLevel, text, true, changes) : undefined;
      if (element.kind !== (call ? "method" : "get") || element.value.type !== AST_NODE_TYPES.FunctionExpression || element.value.params.length > 0) return undefined;
      const returns = this.returnsOf(element.value);
      // `return (this.tracer ??= HoneyHiveTracer.init())`: the same tracer on every call.
      const returned = returns.length === 1 ? unwrapExpression(returns[0]!.argument) : undefined;
      const cached = returned?.type === AST_NODE_TYPES.AssignmentExpression && returned.operator === "??=" && returned.left.type === AST_NODE_TYPES.MemberExpression && returned.left.object.type === AST_NODE_TYPES.ThisExpression;
      return this.heldTracerFromValue(element, this.returnedTracer(element.value), moduleLevel, text, cached, changes);
    }
    return undefined;
  }

  /**
   * A tracer of a holder member, one per member (`declaration`): a module-level tracer it names as is
   * (`{ tracer }`), else a tracer of its own (kind `init`) with the creations it was made from.
   */
  private heldTracerFromValue(declaration: TSESTree.Node, value: TracerValue | undefined, moduleLevel: boolean, text: string | undefined, same: boolean, changes = false): MutableTracer | undefined {
    const named = value?.tracer;
    if (named?.kind === "parameter" || (!named && !value?.creation)) return undefined;
    // A holder that may change gives the named tracer only until then: a tracer of its own, written nowhere.
    if (named && named.kind !== "member" && named.moduleLevel && !changes) return named;
    let held = this.heldTracers?.get(declaration);
    if (!held) {
      const referenceText = moduleLevel && (same || named) ? text : undefined;
      held = new MutableTracer(undefined, text ?? "tracer", "init", moduleLevel, false, declaration, named ? [...named.initializations] : [value!.creation!], false, referenceText, undefined);
      (this.heldTracers ??= new Map()).set(declaration, held);
    }
    return held;
  }

  private addVariableTracer(
    variable: Scope.Variable,
    kind: MutableTracer["kind"],
    declaration: TSESTree.Node,
    initializations: TSESTree.Expression[],
    callable: boolean,
    referenceText: string | undefined,
  ): MutableTracer {
    const tracer = new MutableTracer(variable, variable.name, kind, isModuleScope(variable.scope), isExportedVariable(variable), declaration, initializations, callable, referenceText, undefined);
    this.tracerByVariable.set(variable, tracer);
    return tracer;
  }

  private returnsOf(fn: FunctionNode): readonly TSESTree.ReturnStatement[] {
    let byFunction = this.returnsByFunction;
    if (!byFunction) {
      byFunction = this.returnsByFunction = new Map();
      for (const statement of this.returns) {
        const owner = enclosingFunction(statement);
        if (!owner) continue;
        const list = byFunction.get(owner);
        if (list) list.push(statement);
        else byFunction.set(owner, [statement]);
      }
    }
    return byFunction.get(fn) ?? NO_RETURNS;
  }

  /** What a function returns, when every return yields a tracer (or the same tracer). */
  private returnedTracer(fn: FunctionNode): TracerValue | undefined {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      const value = this.tracerValue(fn.body);
      return value?.tracer?.kind === "parameter" ? undefined : value;
    }
    let result: TracerValue | undefined;
    for (const statement of this.returnsOf(fn)) {
      // `return null` beside the tracer (an init in try, `null` in catch): a tracer where there is one, as `HoneyHiveTracer | null` reads.
      if (!statement.argument || (statement.argument.type === AST_NODE_TYPES.Literal && statement.argument.value === null)) continue;
      const value = this.tracerValue(statement.argument);
      // Handing back the tracer it was given does not make a function a getter.
      if (!value || value.tracer?.kind === "parameter") return undefined;
      result = value;
    }
    return result;
  }

  // Parameters typed with the SDK's class: `function step(input: string, tracer: HoneyHiveTracer)`.
  // The type may come from a type-only import, which is not an SDK binding for values.
  private isSdkTracerType(annotation: TSESTree.TypeNode | undefined): boolean {
    // `HoneyHiveTracer`, renamed, or `hh.HoneyHiveTracer` through a namespace/default import, or through a barrel.
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    return isTracerClass(this.input, annotation.typeName) || this.isAwaitedInitType(annotation);
  }

  /**
   * `Awaited<ReturnType<typeof HoneyHiveTracer.init>>` (the lib's `Awaited` and `ReturnType`): what 1.x's init
   * resolved to, and what this SDK's init returns, so the tracer itself in both majors.
   */
  private isAwaitedInitType(type: TSESTree.TSTypeReference): boolean {
    const global = (name: TSESTree.EntityName, expected: string) =>
      name.type === AST_NODE_TYPES.Identifier && name.name === expected && (findVariable(this.input.scopeManager, name, expected)?.defs.length ?? 0) === 0;
    const returned = type.typeArguments?.params.length === 1 && global(type.typeName, "Awaited") ? type.typeArguments.params[0] : undefined;
    if (returned?.type !== AST_NODE_TYPES.TSTypeReference || returned.typeArguments?.params.length !== 1 || !global(returned.typeName, "ReturnType")) return false;
    const query = returned.typeArguments.params[0];
    const init = query?.type === AST_NODE_TYPES.TSTypeQuery ? query.exprName : undefined;
    return init?.type === AST_NODE_TYPES.TSQualifiedName && init.right.name === "init" && this.sdkExportOf(init.left) === "HoneyHiveTracer";
  }

  private examineRecording(variable: Scope.Variable, scratch: Scope.Variable[]): boolean {
    this.misses = scratch;
    const found = this.examine(variable);
    this.misses = undefined;
    return found;
  }

  /** Whether `variable` is a tracer (added) given the tracers known so far. */
  private examine(variable: Scope.Variable): boolean {
    // Made at the first write that yields a tracer (most variables examined are none).
    let initializations: TSESTree.Expression[] | undefined;
    let declaration: TSESTree.Node | undefined;
    for (const reference of variable.references) {
      if (!reference.writeExpr) continue;
      const destructured = destructuredMember(reference);
      // `const [a, b] = await Promise.all([init(…), init(…)])`: each name holds its element, awaited.
      const element = reference.init ? awaitedPromiseAllElement(this.input.scopeManager, reference.identifier) : undefined;
      // Else as before: the holder's own value (`const { tracer } = await setup()` of a getter-like factory).
      const value = element ? this.tracerValue(element) : ((destructured && this.destructuredValue(destructured)) ?? this.tracerValue(reference.writeExpr));
      if (!value) continue;
      initializations ??= [];
      if (value.creation) initializations.push(value.creation);
      declaration ??= reference.init ? reference.identifier.parent : reference.writeExpr.parent;
    }
    // `Promise.all([init(…), …]).then(([a]) => …)`: the parameter holds its element (a parameter has no write to read).
    const def0 = variable.defs[0];
    const thened = def0?.type === "Parameter" && initializations === undefined ? awaitedPromiseAllElement(this.input.scopeManager, def0.name) : undefined;
    const thenedValue = thened && this.tracerValue(thened);
    if (thenedValue) {
      initializations = thenedValue.creation ? [thenedValue.creation] : [];
    }
    if (initializations !== undefined) {
      const def = variable.defs[0];
      // A parameter's default (`constructor(private tracer = HoneyHiveTracer.init(…))`): the parameter is the
      // declaration, not the function (a def's node), whose removal or enclosing function would be the wrong one.
      const node = def?.type === "Parameter" ? parameterOf(def.name) : def?.node;
      this.addVariableTracer(variable, "init", node ?? declaration ?? variable.identifiers[0]!, initializations, false, variable.name);
      return true;
    }
    const cached = functionOfVariable(variable) ? undefined : this.processCachedFunction(variable);
    const fn = functionOfVariable(variable) ?? cached;
    const returned = fn && this.returnedTracer(fn);
    if (fn && returned) {
      const def = variable.defs[0]!;
      const getter = this.addVariableTracer(
        variable,
        "lazy",
        def.node,
        returned.creation ? [returned.creation] : [],
        true,
        // A factory (`return HoneyHiveTracer.init()`) makes a new tracer per call: never write a call to
        // it; nor to a getter that takes parameters (what to pass is not known). A factory wrapped in a
        // process-lifetime cache makes its tracer once: a getter.
        fn.async || (returned.creation && !cached) || fn.params.length > 0 ? undefined : `${variable.name}()`,
      );
      if (returned.tracer) getter.initializations.push(...returned.tracer.initializations);
      return true;
    }
    return false;
  }

  /**
   * `const getTracer = memoize(() => HoneyHiveTracer.init(…))` (lodash `memoize`/`once`, any process-lifetime cache of
   * knowledge/function-caches.ts): the wrapped function, read as the getter's body. A request-lifetime cache (React's
   * `cache`) is no getter of one tracer (tracer-init.ts follows it as a factory).
   */
  private processCachedFunction(variable: Scope.Variable): FunctionNode | undefined {
    const def = variable.defs[0];
    if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.kind !== "const") return undefined;
    const cached = cachedFunctionOf(this.resolver, def.node.init);
    return cached?.lifetime === "process" ? cached.fn : undefined;
  }

  /** The tracer `const { name } = holder` takes from a holder (`holderMemberTracer`, one level). */
  private destructuredValue({ holder, name }: { readonly holder: TSESTree.Node; readonly name: string }): TracerValue | undefined {
    if (this.holderDepth > 4) return undefined;
    this.holderDepth++;
    try {
      const tracer = this.holderMemberTracer(holder, name, false);
      return tracer ? { tracer } : undefined;
    } finally {
      this.holderDepth--;
    }
  }

  private addMemberTracer(name: string | undefined, value: TSESTree.Node | null, declaration: TSESTree.Node, ownerClass: MutableTracer["ownerClass"]): void {
    if (name === undefined || !ownerClass) return;
    const created = this.tracerValue(value);
    if (!created) return;
    const existing = this.memberTracers.find((tracer) => tracer.name === name && tracer.ownerClass === ownerClass);
    if (existing) {
      if (created.creation) existing.initializations.push(created.creation);
      return;
    }
    this.memberTracers.push(
      new MutableTracer(undefined, name, "member", isTopLevelClass(ownerClass), false, declaration, created.creation ? [created.creation] : [], false, `this.${name}`, ownerClass),
    );
  }

  /**
   * The major `honeyhiveMajorOfFile` answers for this file (from the same evidence), kept as its answer:
   * asked only where a decision depends on it (it may read the project's package.json).
   */
  private majorOfFile(): HoneyhiveMajor {
    const { ast } = this;
    let major = majors.get(ast);
    if (major === undefined) majors.set(ast, (major = honeyhiveMajorOf(this.input, () => this.apiMajorEvidence)));
    return major;
  }

  private readTraceCall(call: TSESTree.CallExpression, via: TraceUse["via"], runsNow: boolean): TraceUse {
    const [first, second] = call.arguments;
    const firstValue = unwrapExpression(first);
    const isOptions =
      !runsNow && firstValue !== undefined && !isFunctionNode(firstValue) && (call.arguments.length >= 2 || firstValue.type === AST_NODE_TYPES.ObjectExpression);
    const options = isOptions && firstValue?.type === AST_NODE_TYPES.ObjectExpression ? firstValue : undefined;
    const optionsKnown = !isOptions || (options !== undefined && hasOnlyPlainProperties(options));
    const tracerProperty = options ? findProperty(options, "tracer") : undefined;
    const callee = unwrapExpression(call.callee);
    const boundTracerExpression =
      via === "tracer" && callee?.type === AST_NODE_TYPES.MemberExpression ? callee.object : (tracerProperty?.value ?? undefined);
    return {
      node: call,
      via,
      decorator: undefined,
      options,
      optionsKnown,
      tracerProperty,
      boundTracer: boundTracerExpression ? this.tracerOfInternal(boundTracerExpression) : undefined,
      boundTracerExpression,
      wrapped: isOptions ? second : first,
      method: "trace",
      namingCall: call,
      runsNow,
    };
  }

  /**
   * A honeyhive 1.x wrapper: `traceModel(fn, options?)` (free or on a tracer), or `traceFunction(options)`
   * whose application `traceFunction(options)(fn)` is the use. 1.x options never name a tracer: a free
   * wrapper is implicit whatever its options say.
   */
  private readWrapperCall(call: TSESTree.CallExpression, via: TraceUse["via"], name: string): TraceUse {
    const curried = (via === "sdk" ? WRAPPER_EXPORTS_1X : WRAPPER_MEMBERS_1X).get(name) === "curried";
    const applied = curried && call.parent?.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call ? call.parent : undefined;
    const optionsValue = unwrapExpression(curried ? call.arguments[0] : call.arguments[1]);
    const callee = unwrapExpression(call.callee);
    const boundTracerExpression = via === "tracer" && callee?.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
    return {
      node: applied ?? call,
      via,
      decorator: undefined,
      options: optionsValue?.type === AST_NODE_TYPES.ObjectExpression ? optionsValue : undefined,
      optionsKnown: true,
      tracerProperty: undefined,
      boundTracer: boundTracerExpression ? this.tracerOfInternal(boundTracerExpression) : undefined,
      boundTracerExpression,
      wrapped: curried ? applied?.arguments[0] : call.arguments[0],
      method: name,
      namingCall: call,
      runsNow: false,
    };
  }

  traceUseOf(node: TSESTree.Node): TraceUse | undefined {
    const { traceUseByNode } = this;
    if (traceUseByNode === undefined) return undefined;
    const direct = traceUseByNode.get(node) ?? traceUseByNode.get(unwrapExpression(node) ?? node);
    if (direct) return direct;
    const expression = unwrapExpression(node);
    if (expression?.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(expression);
      const def = variable?.defs[0];
      if (def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        return traceUseByNode.get(unwrapExpression(def.node.init) ?? def.node.init);
      }
    }
    return undefined;
  }

  isTracedFunction(node: TSESTree.Node): boolean {
    return this.traceUseOf(node) !== undefined;
  }

  tracersInScopeAt(node: TSESTree.Node): TracerInScope[] {
    const result: TracerInScope[] = [];
    const runsAtLoad = !enclosingFunction(node) && !insideClassMemberBody(node);
    for (const tracer of this.tracers) {
      // A backing variable is reached through its getter (it may still be unset).
      if (tracer.getter) continue;
      if (tracer.referenceText === undefined) continue;
      if (tracer.kind === "member") {
        // In the constructor of a parameter property, the parameter itself (same object) is offered instead.
        const declaringConstructor = tracer.declaration.type === AST_NODE_TYPES.TSParameterProperty ? tracer.declaration.parent : undefined;
        if (declaringConstructor && contains(declaringConstructor, node)) continue;
        if (thisClassForUse(node) !== tracer.ownerClass) continue;
        // A member declared optional (`current?: HoneyHiveTracer`) may be undefined: read through an accessor of the
        // class that returns it as a tracer (`get tracer(): HoneyHiveTracer`), else written only with review (TS2532).
        const definite = this.definiteMemberText(tracer);
        result.push({ tracer, text: definite ?? tracer.referenceText, safe: definite !== undefined && memberSetBefore(tracer, node) });
        continue;
      }
      const variable = tracer.variable;
      if (!variable || !contains(variable.scope.block, node) || findVariable(this.input.scopeManager, node, variable.name) !== variable) continue;
      if (tracer.kind === "lazy") {
        // Calling the getter at load time would create the tracer earlier than the code does today.
        result.push({ tracer, text: tracer.referenceText, safe: !runsAtLoad });
        continue;
      }
      if (tracer.kind === "parameter") {
        result.push({ tracer, text: tracer.referenceText, safe: true });
        continue;
      }
      if (tracer.kind === "imported") {
        // A name (`getTracer` from "./tracing") is a guess: it may be an OpenTelemetry tracer, whose
        // `enrichSpan` does not exist. Written without review only when the module's facts say HoneyHive.
        // A module the settings declare as re-exporting the SDK is the user's word for it; a member only
        // HoneyHive's tracer has, already used on the binding here (`tracer.enrichSession()`), is the code's.
        const binding = this.bindings.get(variable);
        const fromSettings = binding?.kind === "local" && binding.fromSdkSettingsModule;
        const usage = importedBindingUses(this.ast, variable).tracer;
        const safe = fromSettings || (typeof usage === "object" && usage.honeyhiveOnly) || importedTracerProven(this.input, variable);
        result.push({ tracer, text: tracer.referenceText, safe });
        continue;
      }
      const def = variable.defs[0];
      const declarationNode = (def?.type === "Parameter" ? parameterOf(def.name) : def?.node) ?? tracer.declaration;
      const declaredBefore = declarationNode.range[1] <= node.range[0];
      // Code that runs later than the declaration's own code (a nested function) may still read it first.
      const deferred = enclosingFunction(node) !== enclosingFunction(declarationNode) && !runsAtLoad;
      if (!declaredBefore && !deferred) continue; // temporal dead zone
      // A module's tracer declared below a function is set when the function runs, unless the module calls it first.
      const setWhenRun = declaredBefore || (!enclosingFunction(declarationNode) && !mayRunAtLoadBefore(this.input.scopeManager, node, declarationNode));
      result.push({ tracer, text: tracer.referenceText, safe: setWhenRun && !isAssignedLater(tracer) });
    }
    return result;
  }

  /**
   * The text that reads a member tracer as a definite tracer: its own (`this.tracer`) unless its declaration lets it be
   * undefined, then an argument-less getter or method of its class declared to return the SDK's tracer type that returns
   * the member (`get tracer(): HoneyHiveTracer { if (!this.current) throw …; return this.current; }`); else undefined.
   */
  private definiteMemberText(tracer: TracerDeclaration): string | undefined {
    const owner = tracer.ownerClass;
    if (!owner || !memberMayBeUndefined(owner, tracer)) return tracer.referenceText;
    for (const element of owner.body.body) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || (element.kind !== "get" && element.kind !== "method")) continue;
      const fn = element.value;
      const name = staticName(element.key, element.computed);
      if (name === undefined || fn.type !== AST_NODE_TYPES.FunctionExpression || fn.params.length > 0 || fn.async || fn.generator || !this.isSdkTracerType(fn.returnType?.typeAnnotation)) continue;
      const returns = this.returnsOf(fn);
      const returnsMember = (statement: TSESTree.ReturnStatement) => {
        const returned = unwrapExpression(statement.argument);
        return returned?.type === AST_NODE_TYPES.MemberExpression && returned.object.type === AST_NODE_TYPES.ThisExpression && memberName(returned) === tracer.name;
      };
      if (returns.length > 0 && returns.every(returnsMember)) return element.kind === "get" ? `this.${name}` : `this.${name}()`;
    }
    return undefined;
  }

  heldTracersInScopeAt(node: TSESTree.Node): TracerInScope[] {
    const held = (this.heldPairs ??= this.findHeldTracers());
    const result: TracerInScope[] = [];
    const runsAtLoad = !enclosingFunction(node) && !insideClassMemberBody(node);
    for (const { holder, tracer } of held) {
      if (tracer.referenceText === undefined || findVariable(this.input.scopeManager, node, holder.name) !== holder) continue;
      // Imports run first; a `require()` declarator only once its statement has run.
      const declaration = holder.defs[0]!.node;
      const loaded = holder.defs[0]!.type === "ImportBinding" || declaration.range[1] <= node.range[0] || !runsAtLoad;
      if (loaded && !result.some((candidate) => candidate.tracer === tracer)) result.push({ tracer, text: tracer.referenceText, safe: true });
    }
    return result;
  }

  staticFieldTracersInScopeAt(node: TSESTree.Node): TracerInScope[] {
    const result: TracerInScope[] = [];
    for (const property of nodesOfType(this.ast, AST_NODE_TYPES.PropertyDefinition)) {
      if (!property.static || property.value === null || !this.isTracerCreation(property.value)) continue;
      const owner = property.parent?.parent;
      const name = staticName(property.key, property.computed);
      // `class Obs {…}`, or `const Obs = class {…}` (its name is the `const`'s).
      const declarator = owner?.type === AST_NODE_TYPES.ClassExpression && owner.parent?.type === AST_NODE_TYPES.VariableDeclarator && owner.parent.init === owner ? owner.parent : undefined;
      const id = owner?.type === AST_NODE_TYPES.ClassDeclaration ? owner.id : declarator?.parent.kind === "const" && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id : undefined;
      if (!owner || !id || name === undefined) continue;
      // `Obs.#tracer` is written only inside the class's body.
      if (property.key.type === AST_NODE_TYPES.PrivateIdentifier && !contains(owner.body, node)) continue;
      // The class's own binding where `node` is (not a same-named one of an inner scope).
      const variable = findVariable(this.input.scopeManager, node, id.name);
      if (variable?.defs[0]?.node !== (declarator ?? owner)) continue;
      // At load, before the field's initializer has run, `Obs.tracer` is still undefined.
      if (!enclosingFunction(node) && !insideClassMemberBody(node) && node.range[0] < property.range[1]) continue;
      const tracer = this.holderMemberTracer(id, name, false);
      if (tracer?.referenceText !== undefined) result.push({ tracer, text: tracer.referenceText, safe: true });
    }
    return result;
  }

  get moduleHeldTracers(): readonly TracerDeclaration[] {
    // By `push`, not `.map()`: optimized, `map` returns a holey array where the interpreter's is packed, and the
    // callers compiled on the packed one are thrown away when it reaches them (implicit-tracer's `compute`).
    const tracers: TracerDeclaration[] = [];
    for (const pair of (this.heldPairs ??= this.findHeldTracers())) tracers.push(pair.tracer);
    return tracers;
  }

  /** The tracer `X.<member>.<field>` / `X.<member>().<field>` reads (`member` is `X.<member>`), where `X` is a class imported from a project module whose facts list singletons. */
  private throughImportedSingleton(variable: Scope.Variable, member: TSESTree.MemberExpression): MutableTracer | undefined {
    if (importedBindingUses(this.ast, variable).singletonFields === undefined) return undefined;
    const access = member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : member;
    const field = access.parent;
    return field?.type === AST_NODE_TYPES.MemberExpression && field.object === access ? this.tracerOfInternal(field) : undefined;
  }

  /** `heldTracersInScopeAt`'s pairs, found once: each member read off a top-level project-module binding that holds a tracer. */
  private heldPairs: readonly { readonly holder: Scope.Variable; readonly tracer: TracerDeclaration }[] | undefined;

  private findHeldTracers(): { holder: Scope.Variable; tracer: TracerDeclaration }[] {
    const found: { holder: Scope.Variable; tracer: TracerDeclaration }[] = [];
    for (const [variable, binding] of this.bindings) {
      if (binding.kind !== "local" || this.tracerByVariable.has(variable) || !isModuleScope(variable.scope)) continue;
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || member.computed) continue;
        // `Obs.getInstance().tracer` / `Obs.instance.tracer` of an imported singleton class (`importedSingletonTracer`): one more member.
        const tracer = this.tracerOfInternal(member) ?? this.throughImportedSingleton(variable, member);
        if (tracer && !this.tracers.includes(tracer) && !found.some((pair) => pair.tracer === tracer)) found.push({ holder: variable, tracer });
      }
    }
    return found;
  }
}

const NAMESPACE_BINDING: SdkBinding = { kind: "namespace" };
const NO_RETURNS: readonly TSESTree.ReturnStatement[] = Object.freeze([]);
const NO_VARIABLES: readonly Scope.Variable[] = Object.freeze([]);

function isModuleScope(scope: Scope.Scope): boolean {
  return scope.type === "module" || scope.type === "global";
}

/** Whether any of `named` is a tracer by now (a loop: this runs per waiting variable and round). */
function namesAny(named: readonly Scope.Variable[], tracerByVariable: ReadonlyMap<Scope.Variable, MutableTracer>): boolean {
  for (let i = 0; i < named.length; i++) if (tracerByVariable.has(named[i])) return true;
  return false;
}

/** The callback of `import("m").then(fn)` (a lazily loaded module handed to `fn`). */
function lazyImportCallback(call: TSESTree.CallExpression): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "then" || unwrapExpression(callee.object)?.type !== AST_NODE_TYPES.ImportExpression) return undefined;
  const callback = unwrapExpression(call.arguments[0]);
  return isFunctionNode(callback) ? callback : undefined;
}

function functionOfVariable(variable: Scope.Variable): FunctionNode | undefined {
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === "FunctionName" && isFunctionNode(def.node)) return def.node;
  if (def.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator) {
    const init = unwrapExpression(def.node.init);
    if (isFunctionNode(init)) return init;
  }
  return undefined;
}

function bareDecorator(expression: TSESTree.Identifier | TSESTree.MemberExpression, decorator: TSESTree.Decorator): TraceUse {
  return {
    node: expression,
    via: "sdk",
    decorator,
    options: undefined,
    optionsKnown: true,
    tracerProperty: undefined,
    boundTracer: undefined,
    boundTracerExpression: undefined,
    wrapped: undefined,
    method: "trace",
    namingCall: undefined,
    runsNow: false,
  };
}

/** A `let` tracer assigned later (not in a getter) may be unset where it is used. */
function isAssignedLater(tracer: TracerDeclaration): boolean {
  const variable = tracer.variable;
  if (!variable) return false;
  const def = variable.defs[0];
  const hasInitializer = def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init !== null;
  return !hasInitializer && tracer.kind === "init";
}

/**
 * The identifier a member chain (`a.b.c`, `a!.b`, `hh.HoneyHiveTracer` as a type name) starts at, seen
 * through what `Bindings.originOf` sees through; undefined when it starts at anything else (a call,
 * `this`, an `await import()`), whose origin only `originOf` tells.
 */
function rootIdentifierOf(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current: TSESTree.Node = node;
  for (;;) {
    const target: TSESTree.Node = unwrapExpression(current) ?? current;
    if (target.type === AST_NODE_TYPES.MemberExpression) current = target.object;
    else if (target.type === AST_NODE_TYPES.TSQualifiedName) current = target.left;
    else return target.type === AST_NODE_TYPES.Identifier ? target : undefined;
  }
}

/** The name an `import { name as local }` specifier imports; undefined for other declarations. */
function importedNameOf(variable: Scope.Variable): string | undefined {
  const node = variable.defs[0]?.node;
  return node?.type === AST_NODE_TYPES.ImportSpecifier ? staticName(node.imported) : undefined;
}

/** `import * as tracing from "./tracing"`: a module namespace object, never a tracer itself. */
function isNamespaceImport(variable: Scope.Variable): boolean {
  return variable.defs[0]?.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier;
}

/** A tracer while the model is built (one class: every tracer of every file has the same shape). */
class MutableTracer implements TracerDeclaration {
  getter: TracerDeclaration | undefined = undefined;
  private promiseValue = false;
  private text: string | undefined;
  /** While whether it holds a promise waits for the file's major: the question, asked when first read. */
  private pendingPromise: (() => boolean) | undefined = undefined;

  constructor(
    readonly variable: Scope.Variable | undefined,
    readonly name: string,
    readonly kind: TracerDeclaration["kind"],
    readonly moduleLevel: boolean,
    readonly exported: boolean,
    readonly declaration: TSESTree.Node,
    readonly initializations: TSESTree.Expression[],
    readonly callable: boolean,
    referenceText: string | undefined,
    readonly ownerClass: TracerDeclaration["ownerClass"],
  ) {
    this.text = referenceText;
  }

  get promise(): boolean {
    if (this.pendingPromise !== undefined) this.settle();
    return this.promiseValue;
  }

  get referenceText(): string | undefined {
    if (this.pendingPromise !== undefined) this.settle();
    return this.text;
  }

  /** It holds the promise of a tracer: no plain expression yields the tracer (`tracerPromise.traceChain(fn)` would call a promise). */
  holdsPromise(): void {
    this.pendingPromise = undefined;
    this.promiseValue = true;
    this.text = undefined;
  }

  /** It holds a promise if `question()` says so, asked when `promise` or `referenceText` is first read. */
  holdsPromiseIf(question: () => boolean): void {
    this.pendingPromise = question;
  }

  private settle(): void {
    const question = this.pendingPromise!;
    this.pendingPromise = undefined;
    if (question()) this.holdsPromise();
  }
}

/** What a binding imported from a project module holds, as far as the SDK model can tell (see localTracer). */
type LocalTracerShape = "tracer" | "getter" | "opaqueGetter";

/**
 * A binding imported from a project module taken as a tracer: its shape, and whether only its use says so
 * (`usedOnly`: a HoneyHive-only member used on it, no module read to prove it, no tracer's name, no SDK type).
 */
interface LocalTracer {
  readonly shape: LocalTracerShape;
  readonly usedOnly: boolean;
}

interface LocalTracerAnswer {
  readonly importedName: string | undefined;
  readonly fromSdkSettingsModule: boolean;
  readonly found: LocalTracer | undefined;
}

/** Per file, by binding: the last answer of `localTracer` and its question (the gate and the model ask the same). */
const localTracerAnswers = new AttachedCache<TSESTree.Program, Map<Scope.Variable, LocalTracerAnswer>>("honeyhive.localTracerShapes");

/**
 * Whether a binding imported from a project module holds a HoneyHive tracer (`"tracer"`), a getter of
 * one (`"getter"`), or neither. Named like one (`tracer`, `hhTracer`, `getTracer`, also through the
 * imported name) suffices; a neutral name (`posthog`, `analytics`) needs evidence only HoneyHive gives:
 * a HoneyHive-only member used on it, or a module declared in settings as re-exporting the SDK. The
 * first alone (`usedOnly`) counts only in a file without a tracer of its own (`FileSdkModel.addImportedTracers`).
 * Kept per file and binding: the answer may read the module the binding comes from.
 */
function localTracer(variable: Scope.Variable, importedName: string | undefined, fromSdkSettingsModule: boolean, input: AnalysisInput): LocalTracer | undefined {
  // An import's `default` is no more a tracer's name than none (neither matches the names below): one question.
  const name = importedName === "default" ? undefined : importedName;
  // Asked of every binding a file imports from its own modules: one neither named nor used like a
  // tracer is none (`readLocalTracer` reads no module for it), answered without keeping anything.
  if (isNamespaceImport(variable)) return undefined;
  const usage = importedBindingUses(input.ast, variable).tracer;
  if (usage === "foreign" || (usage === undefined && !namedGetter(variable, name) && !namedTracer(variable, name))) return undefined;
  let answers = localTracerAnswers.get(input.ast);
  const known = answers?.get(variable);
  if (known !== undefined && known.importedName === name && known.fromSdkSettingsModule === fromSdkSettingsModule) return known.found;
  const found = readLocalTracer(variable, name, fromSdkSettingsModule, input);
  if (answers === undefined) localTracerAnswers.set(input.ast, (answers = new Map()));
  answers.set(variable, { importedName: name, fromSdkSettingsModule, found });
  return found;
}

function readLocalTracer(variable: Scope.Variable, importedName: string | undefined, fromSdkSettingsModule: boolean, input: AnalysisInput): LocalTracer | undefined {
  if (isNamespaceImport(variable)) return undefined;
  const usage = importedBindingUses(input.ast, variable).tracer;
  if (usage === "foreign") return undefined;
  const isGetter = namedGetter(variable, importedName);
  const isTracer = namedTracer(variable, importedName);
  // What the module itself exports (one module deep), asked only of bindings named or used like a tracer.
  const exported = usage !== undefined || isGetter || isTracer ? importedTracerShape(input, variable) : undefined;
  if (exported === "foreign") return undefined; // an OpenTelemetry tracer, whatever its name
  if (exported) return { shape: exported, usedOnly: false };
  // `import shared = require("./shared")` of `export = Shared` (a declared namespace) or `module.exports = { … }`: an object of names.
  if (usage !== undefined && holdsExportsObject(input, variable)) return undefined;
  const typeNameOf = input.typeNameOf;
  const confirmedByName = usage !== undefined && (usage.honeyhiveOnly || fromSdkSettingsModule || isGetter || isTracer);
  // With type information, a neutral name used with generic members is confirmed by its declared
  // type; asked only here, so typed linting costs nothing on the usual shapes.
  const confirmedByType =
    !confirmedByName && usage?.shape === "tracer" && variable.identifiers[0] !== undefined && typeNameOf?.(variable.identifiers[0]) === "HoneyHiveTracer";
  const confirmedUsage = usage && (confirmedByName || confirmedByType) ? usage.shape : undefined;
  const usedOnly = !fromSdkSettingsModule && !isGetter && !isTracer && !confirmedByType;
  if (confirmedUsage === "getter" || isGetter) return { shape: "getter", usedOnly };
  if (confirmedUsage === "tracer" || isTracer) return { shape: "tracer", usedOnly };
  return undefined;
}

/** A name the SDK's class is not: `HoneyHiveTracer` imported under its own name is the class, no instance or getter. */
function namedOtherThanClass(name: string | undefined): name is string {
  return name !== undefined && name !== "HoneyHiveTracer";
}

/** The binding, or the name it imports, is named like a tracer getter (`getTracer`). */
function namedGetter(variable: Scope.Variable, importedName: string | undefined): boolean {
  return TRACER_GETTER_NAME.test(variable.name) || (namedOtherThanClass(importedName) && TRACER_GETTER_NAME.test(importedName));
}

/** The binding, or the name it imports, is named like a tracer (`tracer`, `hhTracer`). */
function namedTracer(variable: Scope.Variable, importedName: string | undefined): boolean {
  return (namedOtherThanClass(variable.name) && TRACER_NAME.test(variable.name)) || (namedOtherThanClass(importedName) && TRACER_NAME.test(importedName));
}

/** The class whose instance `this` denotes at `node` (arrow functions see through; other functions stop). */
export function thisClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const member = current.parent;
      if (member?.type === AST_NODE_TYPES.MethodDefinition && !member.static) {
        const owner = member.parent?.parent;
        return owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner : undefined;
      }
      return undefined;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static && current.value && contains(current.value, node)) {
      const owner = current.parent?.parent;
      return owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner : undefined;
    }
  }
  return undefined;
}

/** A class declared at the top of the module (possibly exported). */
function isTopLevelClass(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  // `const Obs = class {…}` (also exported): the declaration's statement is the top-level one.
  const statement = owner.parent?.type === AST_NODE_TYPES.VariableDeclarator ? owner.parent.parent : owner;
  return statement.parent?.type === AST_NODE_TYPES.Program || statement.parent?.parent?.type === AST_NODE_TYPES.Program;
}

/** Like `thisClass`, but decorators (evaluated when the class is defined) have no instance. */
function thisClassForUse(node: TSESTree.Node): ReturnType<typeof thisClass> {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.Decorator) return undefined;
    if (isFunctionNode(current)) break;
  }
  return thisClass(node);
}

/**
 * Whether `this.<tracer>` is already set when the code at `node` runs. A field initializer runs at
 * construction, in source order, before the constructor body (and, with ES class fields, before
 * parameter properties are assigned): `run = trace(fn)` above `tracer = HoneyHiveTracer.init()`, or
 * with the tracer assigned in the constructor, reads undefined (TS2729). Likewise constructor code
 * before the constructor's own assignment. Code in a method or a function runs later.
 */
/** The parameter (an element of its function's `params`) that declares `name`, also inside a default or a pattern. */
function parameterOf(name: TSESTree.Node): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = name; current?.parent; current = current.parent) {
    if (isFunctionNode(current.parent)) return (current.parent.params as readonly TSESTree.Node[]).includes(current) ? current : undefined;
  }
  return undefined;
}

/**
 * Whether the class declares a member tracer so that it may be undefined: an optional field or parameter property
 * (`current?: HoneyHiveTracer`), or one typed with `undefined` / `null` in a union. An undeclared member, or one of an
 * injected service (`tracing.tracer`), is taken as its assignments make it.
 */
export function memberMayBeUndefined(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, tracer: TracerDeclaration): boolean {
  const nullable = (annotation: TSESTree.TSTypeAnnotation | undefined) => annotation !== undefined && includesNullish(annotation.typeAnnotation);
  if (tracer.declaration.type === AST_NODE_TYPES.TSParameterProperty) {
    const parameter = tracer.declaration.parameter;
    const declared = parameter.type === AST_NODE_TYPES.AssignmentPattern ? undefined : parameter;
    return declared?.type === AST_NODE_TYPES.Identifier && (declared.optional === true || nullable(declared.typeAnnotation));
  }
  return owner.body.body.some(
    (element) =>
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.static &&
      staticName(element.key, element.computed) === tracer.name &&
      !element.definite &&
      (element.optional || nullable(element.typeAnnotation)),
  );
}

function memberSetBefore(tracer: TracerDeclaration, node: TSESTree.Node): boolean {
  const declaration = tracer.declaration;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const member = current.parent;
      const isConstructor = member?.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor";
      if (!isConstructor || !contains(current, declaration)) return true;
      // `this.tracer = …` in this constructor: set for the code after it in the constructor's own body.
      return declaration.range[1] <= node.range[0] && enclosingFunction(declaration) === current;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static && current.value && contains(current.value, node)) {
      return declaration.type === AST_NODE_TYPES.PropertyDefinition && declaration.range[1] <= current.range[0];
    }
  }
  return true;
}

/**
 * Whether `node`, in a function or class member of the module, may run while the module loads, before
 * `declaration` (a module-level declaration below it) has run: its outermost function or class is
 * referenced by the module's own code before there (`early()` above `const tracer = …`), or is no named
 * declaration (a callback passed at load, an IIFE), whose running time is unknown.
 */
function mayRunAtLoadBefore(scopeManager: AnalysisInput["scopeManager"], node: TSESTree.Node, declaration: TSESTree.Node): boolean {
  let outer: TSESTree.Node = node;
  for (let current = node.parent; current && current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) outer = current;
  }
  const parent = outer.parent;
  const declarator = parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier ? parent : undefined;
  const id = declarator ? (declarator.id as TSESTree.Identifier) : outer.type === AST_NODE_TYPES.FunctionDeclaration || outer.type === AST_NODE_TYPES.ClassDeclaration ? outer.id : null;
  if (!id) return true;
  const variable = findVariable(scopeManager, id, id.name);
  if (!variable) return true;
  // `export { early }` and type positions name it without running it.
  const runsAtLoad = (reference: Scope.Reference) =>
    reference.isValueReference && reference.identifier.parent?.type !== AST_NODE_TYPES.ExportSpecifier && !enclosingFunction(reference.identifier) && !insideClassMemberBody(reference.identifier) && !contains(outer, reference.identifier);
  return variable.references.some((reference) => !reference.init && reference.identifier.range[0] < declaration.range[1] && runsAtLoad(reference));
}

/** Inside a class field initializer (runs per instance, not at load). */
function insideClassMemberBody(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static && current.value && contains(current.value, node)) return true;
  }
  return false;
}

/** A variable written after its declaration (`holder = other`). */
function reassigned(variable: Scope.Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** `holder.<name> = …` (also `??=`, `++`, `delete holder.<name>`) through one of the variable's references. */
function memberReassigned(variable: Scope.Variable, name: string): boolean {
  return variable.references.some((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || memberName(member) !== name) return false;
    const use = member.parent;
    return (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) || use?.type === AST_NODE_TYPES.UpdateExpression || (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === "delete");
  });
}

/** A specifier's `package` or `name` (one string or a list) names `candidate`. */
/** A write of an application context slot: the identifier its place starts from, the value, the assignment or setter call. */
interface SlotWrite {
  readonly base: TSESTree.Identifier;
  readonly value: TSESTree.Node;
  readonly node: TSESTree.Node;
}

/**
 * `Obs.instance` / `Obs.getInstance()` (an argument-less call) with `Obs` a name: the name and the member as a
 * module's `singletons` fact lists it (`instance`, `getInstance()`).
 */
function singletonAccessOf(node: TSESTree.Node): { readonly owner: TSESTree.Identifier; readonly member: string } | undefined {
  const call = node.type === AST_NODE_TYPES.CallExpression;
  if (call && node.arguments.length > 0) return undefined;
  const member = call ? unwrapExpression(node.callee) : node;
  if (member?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const owner = unwrapExpression(member.object);
  const name = memberName(member);
  return owner?.type === AST_NODE_TYPES.Identifier && name !== undefined ? { owner, member: call ? `${name}()` : name } : undefined;
}

/** What an application context slot keeps: the tracer, and the app variable keeping it (`appSlotStore`). */
interface AppSlotStore {
  readonly tracer: MutableTracer;
  readonly app: Scope.Variable;
}

/**
 * `base.<path…>.<name>`, or with a call `base.<path…>.<getter>("<name>", …)` of `arity` arguments: the parts an
 * application context slot is matched by (`appContextTracer`), the base an identifier, at most three members deep.
 */
function slotReadOf(
  expression: TSESTree.MemberExpression | TSESTree.CallExpression,
  arity = 1,
): { readonly base: TSESTree.Identifier | TSESTree.ThisExpression; readonly path: readonly string[]; readonly name: string; readonly getter: string | undefined } | undefined {
  let name: string | undefined;
  let getter: string | undefined;
  let member: TSESTree.Node | undefined = expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const key = expression.arguments[0];
    if (expression.arguments.length !== arity || (key?.type !== AST_NODE_TYPES.Literal && key?.type !== AST_NODE_TYPES.TemplateLiteral)) return undefined;
    name = staticName(key);
    member = unwrapExpression(expression.callee);
    getter = memberName(member);
    if (name === undefined || getter === undefined) return undefined;
  } else {
    name = memberName(expression);
    if (name === undefined) return undefined;
  }
  const path: string[] = [];
  let object = member?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(member.object) : undefined;
  while (object?.type === AST_NODE_TYPES.MemberExpression && path.length < 3) {
    const step = memberName(object);
    if (step === undefined) return undefined;
    path.unshift(step);
    object = unwrapExpression(object.object);
  }
  return object?.type === AST_NODE_TYPES.Identifier || object?.type === AST_NODE_TYPES.ThisExpression ? { base: object, path, name, getter } : undefined;
}

/** The non-arrow function outside a class whose `this` `node` is (a handler or hook the framework calls with a `this`); undefined in a class or at the top. */
function functionOfThis(node: TSESTree.ThisExpression): TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current.parent?.type === AST_NODE_TYPES.MethodDefinition ? undefined : current;
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return undefined;
  }
  return undefined;
}


function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}

