// What a project module exports that the rules care about, read from one parse of it as plain data
// (cheap to cache, and it crosses worker threads in `migrate`): a HoneyHive tracer, a getter of one
// (caching or a factory), an OpenTelemetry provider / NodeSDK, a helper that flushes on every path, a
// function bound to the module's own tracer, a helper that starts a session on a shared tracer.
//
// One extractor for both faces: ESLint reads it through analysis/project-modules.ts for the files a
// linted file imports, `migrate`'s project pass (codemods/engine/project.ts, `FileLinks`) for every
// file it parses. The facts come from the same models the rules run on the file itself (sdk-model,
// flush, bindings), so a module's tracer is recognized by the same code whether it is linted or
// imported.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, definedProperty, enclosingFunction, findProperty, findVariable, getterResult, isFunctionNode, memberName, moduleScopeOf, reportAnalysisError, requireSpecifier, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { anyPlatformBackgroundTest, type BackgroundTest } from "./background-work.js";
import { exportPath, originName, type ModuleOrigin } from "./bindings.js";
import { getAnalysisContext, sourceModule } from "./context.js";
import { chainPropertiesOf, flushesAroundNext, flushesOnEveryPath, flushTestOf, type FlushTest } from "./flush.js";
import { globalTracerSlotsOf } from "./global-slots.js";
import { promiseHandedOn, tracerHoldersOf } from "./honeyhive-1x.js";
import { otelSetupOf } from "./flush-calls.js";
import { activationOf, uncachedCreationIn } from "./tracer-init.js";
import { pipelineFactsOf } from "./instrumentations.js";
import { isInputDecoratorFactory, rejectsValidationErrorsIn, uuidSchemaOf } from "./session-id-flow.js";
import type { AnalysisInput } from "./input.js";
import { INSTANCE_SESSION_MEMBERS } from "./knowledge/sdks/honeyhive.js";
import { SESSION_STARTING_MEMBERS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { OTEL_COMPONENTS, type OtelRole } from "./knowledge/sdks/opentelemetry.js";
import { CALL_TYPES, nodesOfTypesWithin } from "./nodes.js";
import { declarationFactsOf } from "./declaration-facts.js";
import { componentDestination, exportsOtelToHoneyhive } from "./otel-destination.js";
import { isDeclarationFile, NO_FACTS } from "./project-modules.js";
import { getSdkModel, honeyhiveMajorOfFile, pluginTracerStoresOf, type SdkModel, type TracerDeclaration } from "./sdk-model.js";
import { isSdkModule } from "./settings.js";
import { declaredDependencyVersion, type HoneyhiveMajor } from "./sdk-version.js";

/** One thing known about an export. An export may carry several (a getter that is also a flush helper is not, but a session helper may flush). */
export type ExportFact =
  /** A module-level HoneyHive tracer (`export const tracer = HoneyHiveTracer.init(…)`, awaited 1.x init, `new HoneyHiveTracer(…)`). */
  | { readonly kind: "tracer" }
  /**
   * A function returning a HoneyHive tracer. `caching`: every call returns the same tracer (`??=`, a
   * module `let` checked for undefined, a memoized promise, a module constant); false for a factory
   * that makes a new tracer per call. `async`: the caller must await it.
   */
  | { readonly kind: "getter"; readonly caching: boolean; readonly async: boolean }
  /**
   * An OpenTelemetry SDK object (`new NodeSDK(…)`, `new NodeTracerProvider(…)`, a span processor, a trace
   * exporter), with its role; `honeyhive`: the module's pipeline exports to HoneyHive (the test the rules apply
   * in-file), for an exporter whose options say where it sends, that place.
   */
  | { readonly kind: "otel"; readonly role: OtelRole; readonly honeyhive: boolean }
  /**
   * An OpenTelemetry tracer (`provider.getTracer(…)` of a provider the module makes, `trace.getTracer(…)`),
   * or a function returning one (`export function getTracer() { return provider.getTracer("jobs"); }`),
   * never a HoneyHive one whatever its name. `provider`: the export name of the provider it comes from
   * (for `trace.getTracer`, of what flushes the pipeline the module registers), if the module exports it;
   * `honeyhive`: its spans go to a pipeline of the module that exports to HoneyHive.
   */
  | { readonly kind: "otelTracer"; readonly provider: string | undefined; readonly honeyhive: boolean }
  /** A function that flushes on every path (the flush analysis of the file itself decides). */
  | { readonly kind: "flushHelper" }
  /**
   * A middleware that flushes on every path after awaiting its parameter at `next` (`async (ctx, next)
   * => { try { await next(); } finally { await tracer.forceFlush(); } }`); `parameters`: how many it takes.
   */
  /**
   * `property`: `next` is that property of the parameter `next` (SvelteKit's `handle({ event, resolve })`, `handle(input)`
   * calling `input.resolve(…)`). `through`: the export is a call of that package function (`"@sveltejs/kit/hooks#sequence"`)
   * and this fact is of one of its function arguments (`sequence(logging, flushing)`); the reader decides what the call does.
   */
  | { readonly kind: "flushesAroundNext"; readonly next: number; readonly parameters: number; readonly property?: string; readonly through?: string }
  /**
   * A wrapper or factory that returns a function (`export function withSession(fn) { return async (req, res) =>
   * { …; return fn(req, res); }; }`, `export const sessionMiddleware = (t: HoneyHiveTracer) => (req, res, next) =>
   * …`): an importer's call of it stands for that function, as a same-file one does (bindings.ts
   * `returnedFunctionsOf`), which the importer cannot see. `calls`: the parameters (by index) the returned
   * function calls, the wrapped functions that run inside it per call; `flushes`: it flushes on every path (a
   * Lambda export made with it is flushed); `sessionStart`: it calls `sessionStart()` (1.x `startSession()`) on
   * the tracer its factory is given at `parameter`, or on the module's own shared tracer (no `parameter`), at `line`.
   */
  | {
      readonly kind: "returnsFunction";
      readonly calls: readonly number[];
      readonly flushes: boolean;
      readonly sessionStart?: { readonly parameter?: number; readonly tracer: string; readonly method: string; readonly line: number; readonly major: HoneyhiveMajor };
    }
  /** A function wrapped by `trace({ tracer }, fn)` / `tracer.trace(…, fn)` bound to the module's own tracer `tracer`. */
  | { readonly kind: "boundFunction"; readonly tracer: string }
  /** A function that calls `<tracer>.<method>()` (`sessionStart`, 1.x `startSession`) on a tracer shared by its callers, at `line`. */
  | {
      readonly kind: "sessionHelper";
      readonly tracer: string;
      readonly method: string;
      readonly line: number;
      /** The honeyhive major the helper's module is written against: 1.x has no createSession() to suggest. */
      readonly major: HoneyhiveMajor;
    }
  /**
   * A function that creates a tracer on every call (`HoneyHiveTracer.init(…)` in its own body, or an
   * OpenTelemetry pipeline to HoneyHive made global there, `new NodeSDK(…).start()`; no cache: not `??=`,
   * not behind a module `let` it checks; analysis/tracer-init.ts `uncachedCreationIn`), at `line`;
   * `display` as the rule names it (`await HoneyHiveTracer.init()`, `new NodeSDK().start()`); `api`: what it
   * makes, a HoneyHive tracer or an OpenTelemetry pipeline (the messages word each).
   */
  | { readonly kind: "initsTracer"; readonly display: string; readonly line: number; readonly api: "honeyhive" | "opentelemetry" }
  /**
   * A parameter decorator made with a framework's factory whose callback returns client input unchecked
   * (NestJS's `export const SessionId = createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().headers["x-session-id"])`):
   * a parameter decorated with it holds that input (analysis/session-id-flow.ts `isInputDecoratorFactory`).
   */
  | { readonly kind: "inputDecorator" }
  /**
   * A middleware (or a factory of one, `validated({ status: 422 })`) that reads a request's validation errors
   * and lets them decide (`if (!validationResult(req).isEmpty()) return res.status(400)…`): a route that holds
   * a chain and this middleware acts on the chain's errors (analysis/session-id-flow.ts `rejectsValidationErrorsIn`).
   */
  | { readonly kind: "rejectsValidationErrors" }
  /**
   * A schema of a schema library (analysis/knowledge/schema-checks.ts) with a UUID rule (`export const Body =
   * z.object({ sessionId: z.string().uuid() })`): `package` the library's, `uuidKeys` the keys (lower-cased)
   * whose own rule is a UUID one. An importer's `Body.parse(req.body)` checks those keys (analysis/session-id-flow.ts
   * `uuidSchemaOf`).
   */
  | { readonly kind: "uuidSchema"; readonly package: string; readonly uuidKeys: readonly string[] };

export type ExportFactKind = ExportFact["kind"];

/** `export { a as b } from "./m"` (`names`: exported → imported) and `export * from "./m"` (`names: "*"`). */
export interface ReExport {
  readonly specifier: string;
  readonly names: Readonly<Record<string, string>> | "*";
}

export interface ModuleFacts {
  /** Export name (`"default"` for the default export) → what is known about it; only exports with facts are listed. */
  readonly exports: Readonly<Record<string, readonly ExportFact[]>>;
  /** Re-exports, followed one hop by the reader (analysis/project-modules.ts). */
  readonly reExports: readonly ReExport[];
  /**
   * A CommonJS module: it assigns `exports.x` / `module.exports` (or TypeScript's `export =`) and has no
   * ESM `export`, so an ESM default import of it is its whole `module.exports` object (Node's CommonJS
   * interop): `import tracing from "./tracing.cjs"` then `tracing.tracer` is its export `tracer`.
   */
  readonly commonJs?: true;
  /**
   * Its `module.exports` (or TypeScript's `export =`) is an object of names: an object literal (`module.exports =
   * { tracer, flush }`) or a namespace (`declare namespace Shared { const tracer: HoneyHiveTracer; function flush():
   * Promise<void> } export = Shared` in a hand-written `.d.ts`). A whole import of it (`import shared =
   * require("./shared")`) is that object, never a tracer, however its members are named or called.
   */
  readonly exportsObject?: true;
  /** The module makes an OpenTelemetry pipeline that exports to HoneyHive (what `import "./instrumentation"` runs). */
  readonly otelPipeline?: OtelPipelineFact;
  /**
   * Exports assigned from an init call without `await` (`export const tracerPromise =
   * HoneyHiveTracer.init(…)`, `module.exports.tracer = HoneyHiveTracer.init(…)`): in 1.x code the
   * promise of the tracer, which importers await or call `.then()` on. Read from the text alone, not
   * from the major the module is taken for (a `migrate --from 1` run reads every file as 2.x code).
   */
  readonly initPromiseExports?: readonly string[];
  /**
   * Exported functions that return an init call without `await`, or a module variable holding one
   * (`const tracerPromise = HoneyHiveTracer.init(…); export function getTracer() { return
   * tracerPromise; }`, `export const fresh = () => HoneyHiveTracer.init(…)`): in 1.x code a getter of the
   * init's promise, which importers await or call `.then()` on. Read from the text alone, as
   * `initPromiseExports`; its `getter` fact is `async` where the module's package.json declares 1.x.
   */
  readonly initPromiseGetters?: readonly string[];
  /** The module hands on exports of the SDK (`honeyhive`) as its own: a barrel its importers use instead of the package. */
  readonly sdkReExport?: SdkReExportFact;
  /**
   * Exported classes and instances whose members hold a HoneyHive tracer (`export class Tracing {
   * tracer!: HoneyHiveTracer; get current(): HoneyHiveTracer … }`, `export const tracing = new
   * Tracing()`), by export name; read by `migrate --from 1` (analysis/honeyhive-1x.ts `tracerHoldersOf`).
   */
  readonly tracerHolders?: Readonly<Record<string, TracerHolderFact>>;
  /** `export * as t from "./tracing"`: export name → the module whose namespace object it is (absent when none; not in `reExports`, which hand on names). */
  readonly namespaceReExports?: Readonly<Record<string, string>>;
  /**
   * The module activates a global OpenTelemetry pipeline (`Sentry.init(…)`, `new NodeSDK(…).start()`,
   * a preload import; analysis/instrumentations.ts `pipelineActivationOf`), by its owner's name: what
   * loading it (`import "./instrument"`) does to an importer's instrumentations without a provider.
   */
  readonly activatesPipeline?: string;
  /**
   * The relative modules it loads for their effect (`import "./x"`, a value import, `require("./x")`,
   * `await import("./x")` in Next.js's `register()`), when it activates none itself: one hop further
   * for `activatesPipeline` (analysis/instrumentations.ts `pipelineFactsOf`).
   */
  readonly loadsForEffect?: readonly string[];
  /**
   * Exported `const`s holding an object literal of plain keys (no spread, no computed key), by export
   * name → its keys (`export const honeyhiveConfig = { apiKey, inputs }` → `["apiKey", "inputs"]`):
   * `migrate --from 1` marks an init taking such an import only where the keys hold 1.x ones
   * (codemods/transforms/1x/init.ts). Absent when there is none.
   */
  readonly objectKeys?: Readonly<Record<string, readonly string[]>>;
  /**
   * Exported functions with parameters typed with 1.x's wrapper options (`export function traced(fn,
   * options: TraceFunctionOptions)`), by export name → those parameters' indices: `migrate --from 1`
   * renames or marks the 1.x options (`eventType: "Tool"`, `config`) its importers pass there, which the
   * helper's type no longer takes once the module itself is migrated (codemods/transforms/1x/trace-wrappers.ts).
   * Read in both scopes (the project pass makes the importers candidates); absent when there is none.
   */
  readonly traceOptionsParameters?: Readonly<Record<string, readonly number[]>>;
  /**
   * Global slots the module declares in `declare global { var tracer: HoneyHiveTracer | undefined }` and
   * fills with a tracer (`globalThis.tracer ??= HoneyHiveTracer.init(…)`): a file that loads the module
   * reads `globalThis.tracer` as that tracer (analysis/global-slots.ts). Read in both scopes; absent when none.
   */
  readonly globalTracerSlots?: readonly string[];
  /**
   * Exported plugins that store a HoneyHive tracer on the app that registers them (knowledge/app-lifetime.ts `plugins`:
   * `export default fp(async (fastify) => { fastify.decorate("tracer", tracer) })`), by export name → the names stored:
   * an importer's `app.register(tracing)` then reads `request.server.tracer` / `app.tracer` / `this.tracer` as that
   * tracer (analysis/sdk-model.ts `importedPluginStore`). Absent when none.
   */
  readonly appPluginTracers?: Readonly<Record<string, readonly string[]>>;
}

/**
 * An export whose instances (`of: "class"`), whose value (`of: "instance"`) or whose call's result (`of:
 * "function"`, a factory returning an object literal) hold a tracer in each of `members` (fields,
 * getters) and return one from each of `methods`.
 */
export interface TracerHolderFact {
  readonly of: "class" | "instance" | "function";
  readonly members: readonly string[];
  readonly methods: readonly string[];
  /**
   * Fields (a class's) whose declared type, read in the module, is not a HoneyHive tracer: a class or
   * interface of the module, or a type of another package (`tracer: LsTracer` from `lightstep-tracer`);
   * an object literal's keys holding a function of the module (`traceModel: (fn) => tracer.traceModel(fn)`).
   * Absent when none.
   */
  readonly plain?: readonly string[];
  /**
   * Fields of `members` (a class's, untyped) initialized with an unawaited 1.x init, `tracer =
   * HoneyHiveTracer.init(…)`: 1.x's promise of the tracer, which importers call `.then()` on
   * (`telemetry.tracer.then(…)`); migrate wraps that receiver in `Promise.resolve(…)`. Absent when none.
   */
  readonly promiseMembers?: readonly string[];
  /** `of: "class"`: static fields of the class holding a tracer (`static tracer: HoneyHiveTracer | undefined`), read as `Observability.tracer` by importers. Absent when none. */
  readonly statics?: readonly string[];
  /**
   * `of: "class"`: static methods of the class declared or written to return a tracer or its promise (`static async get():
   * Promise<HoneyHiveTracer>` over a cached init), called as `Observability.get()` by importers. Absent when none.
   */
  readonly staticMethods?: readonly string[];
  /**
   * `of: "class"`: the static members that give the class's one instance (analysis/class-singletons.ts), as an importer
   * writes them: `instance` (a field or getter), `getInstance()` (an argument-less method); its `members` and
   * `methods` are then read through them (`Observability.getInstance().tracer`). Absent when none.
   */
  readonly singletons?: readonly string[];
  /** `of: "function"`: the call itself returns a tracer or its promise (`export function current(): HoneyHiveTracer | undefined`). */
  readonly returnsTracer?: true;
  /** `of: "function"`: the call returns a function whose call returns a tracer (`return () => tracer` over a `let tracer: HoneyHiveTracer`). */
  readonly returnsTracerGetter?: true;
  /**
   * `of: "function"`: the function makes or uses a tracer but returns what the module does not spell out
   * (`Object.assign({ tracer }, defaults)`, a closure): its importers are read, and what they reach
   * through its result is marked, not rewritten.
   */
  readonly opaque?: true;
}

/**
 * What of the SDK a barrel module re-exports, so that a name imported through it is read as the SDK
 * export it is (analysis/sdk-barrels.ts).
 */
export interface SdkReExportFact {
  /**
   * Every export of the SDK under its own name: `export * from "honeyhive"`, and
   * `module.exports = require("honeyhive")` (whose default import is the SDK module too, see `namespaces`).
   */
  readonly all: boolean;
  /** Named re-exports, export name → the SDK's name: `export { traceFunction as tf } from "honeyhive"`, `import { x } from "honeyhive"; export { x }`. */
  readonly names: Readonly<Record<string, string>>;
  /** Export names that are the SDK's module object: `export * as hh from "honeyhive"`, `"default"` for `module.exports = require("honeyhive")`. */
  readonly namespaces: readonly string[];
  /**
   * Types re-exported by name, export name → the SDK's name: `export type { HoneyHiveTracer } from
   * "honeyhive"`, `export { type TraceFunctionOptions as Options } from "honeyhive"` (absent when none).
   */
  readonly types?: Readonly<Record<string, string>>;
}

export interface OtelPipelineFact {
  /** Made the process's pipeline (`provider.register()`, `trace.setGlobalTracerProvider(provider)`, `sdk.start()`, `registerOTel(…)`): `trace.getTracer()` reaches it. */
  readonly registered: boolean;
  /** Instrumentations are registered: they record a handler's own I/O once the pipeline is the global one. */
  readonly instrumented: boolean;
  /** The export name of what a fix flushes (the provider, else a span processor), if the module exports it. */
  readonly flushExport: string | undefined;
  /** The OpenTelemetry components the module makes, by export name in source order (`NodeTracerProvider`, `BatchSpanProcessor`): what a review marker names. */
  readonly parts: readonly string[];
}

/** Members that start a session stored on the tracer instance, in this SDK and in 1.x. */
const SHARED_SESSION_MEMBERS: ReadonlySet<string> = new Set<string>([...INSTANCE_SESSION_MEMBERS, ...SESSION_STARTING_MEMBERS_1X]);

/** What an export name denotes in its module: a variable of the module scope, or an expression (`export default <expr>`). */
type ExportTarget = { readonly variable: Scope.Variable } | { readonly value: TSESTree.Node };

/**
 * Which facts to extract. `tracers`: only what tells whether the module hands on a tracer (`tracer`,
 * `getter`, `otel`, `otelTracer` and `initsTracer` facts, `tracerHolders`, `otelPipeline`,
 * `sdkReExport`, `reExports`, `namespaceReExports`): what `migrate`'s project pass reads of every file it
 * parses (codemods/engine/project.ts `fileLinks`). It leaves out the facts that cost a flush analysis or a
 * walk of each exported function (`flushHelper`, `flushesAroundNext`, `sessionHelper`, `boundFunction`,
 * `initPromiseExports`/`initPromiseGetters`, a 1.x getter's `async`, `objectKeys`, `activatesPipeline`,
 * `loadsForEffect`); the facts it gives are those `all` gives.
 */
export type ModuleFactsScope = "all" | "tracers";

/** The export names whose value is `value`: `export default value`, or an exported `const` it initializes. */
function exportNamesOf(targets: ReadonlyMap<string, ExportTarget>, value: TSESTree.Node): string[] {
  const names: string[] = [];
  for (const [name, target] of targets) {
    const def = "variable" in target ? target.variable.defs[0] : undefined;
    const held = "value" in target ? target.value : def?.type === "Variable" && def.parent?.kind === "const" ? def.node.init : undefined;
    if (held && unwrapExpression(held) === value) names.push(name);
  }
  return names;
}

/**
 * What each name of a destructuring export takes (`export const { tracer: monitor, provider = fallback } = setup()`,
 * `export const [tracer] = make()`), where the initializer's object is spelled out: an object (array) literal, or the
 * call of a function of the module (a declaration or a `const` arrow / function expression) whose every return is one
 * holding the key; a local `const` the literal names (`return { tracer }` of a `const tracer = HoneyHiveTracer.init(…)`
 * in the function) is read as its initializer. A name taken from anything else (a rest element, a nested pattern, a
 * key one return lacks, a computed key) is left out, as it was before.
 */
function destructuredValues(input: AnalysisInput, pattern: TSESTree.BindingName, init: TSESTree.Expression | null): Map<string, TSESTree.Node> {
  const taken = new Map<string, TSESTree.Node>();
  const made = madeObjects(input, init);
  if (made.length === 0) return taken;
  const nameOf = (target: TSESTree.Node | null): string | undefined => {
    // `{ tracer = fallback }`, `{ tracer: monitor = fallback }`: the default counts only where the object lacks the key.
    const bound = target?.type === AST_NODE_TYPES.AssignmentPattern ? target.left : target;
    return bound?.type === AST_NODE_TYPES.Identifier ? bound.name : undefined;
  };
  const take = (name: string | undefined, pick: (object: TSESTree.Node) => TSESTree.Node | undefined) => {
    const values = made.map(pick);
    const first = values[0];
    // Every return must hold the same thing there: one local's initializer, or one node (a single literal).
    if (name === undefined || first === undefined || values.some((value) => value !== first)) return;
    taken.set(name, first);
  };
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = staticName(property.key);
      take(nameOf(property.value), (object) => {
        // A spread may put the key there too: which value wins is not spelled out.
        if (object.type !== AST_NODE_TYPES.ObjectExpression || key === undefined || object.properties.some((part) => part.type === AST_NODE_TYPES.SpreadElement)) return undefined;
        const held = findProperty(object, key);
        return held && held.kind === "init" ? localInitializer(input, held.value) : undefined;
      });
    }
  } else if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
    pattern.elements.forEach((element, index) => {
      take(nameOf(element), (array) => {
        // A spread before the index moves what stands there.
        if (array.type !== AST_NODE_TYPES.ArrayExpression || array.elements.slice(0, index + 1).some((part) => part?.type === AST_NODE_TYPES.SpreadElement)) return undefined;
        const held = array.elements[index];
        return held ? localInitializer(input, held) : undefined;
      });
    });
  }
  return taken;
}

/** The object (array) literals `init` makes: itself, or every return of the module function it calls (none if one return is another thing). */
function madeObjects(input: AnalysisInput, init: TSESTree.Node | null | undefined): TSESTree.Node[] {
  const literal = (node: TSESTree.Node | undefined): node is TSESTree.ObjectExpression | TSESTree.ArrayExpression =>
    node?.type === AST_NODE_TYPES.ObjectExpression || node?.type === AST_NODE_TYPES.ArrayExpression;
  const expression = unwrapExpression(init);
  if (literal(expression)) return [expression];
  if (expression?.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier || !input.scopeManager) return [];
  const variable = moduleScopeOf(input.scopeManager)?.set.get(expression.callee.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const fn =
    def?.type === "FunctionName" ? def.node : def?.type === "Variable" && def.parent?.kind === "const" && def.node.id === def.name ? unwrapExpression(def.node.init) : undefined;
  if (!isFunctionNode(fn) || fn.async || fn.generator) return [];
  const returned = returnedValues(input, fn).map(unwrapExpression);
  return returned.length > 0 && returned.every(literal) ? (returned as TSESTree.Node[]) : [];
}

/** `value`, or where it names a `const` declared inside a function (`return { tracer }`), that `const`'s initializer. */
function localInitializer(input: AnalysisInput, value: TSESTree.Node): TSESTree.Node {
  const expression = unwrapExpression(value);
  if (expression?.type !== AST_NODE_TYPES.Identifier || !input.scopeManager) return value;
  const variable = findVariable(input.scopeManager, expression, expression.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== "Variable" || def.parent?.kind !== "const" || def.node.id !== def.name || !def.node.init || variable?.scope.type === "module") return value;
  return def.node.init;
}

/** The facts of a parsed module. Never throws (an unexpected shape yields what was found before it, or nothing). */
export function extractModuleFacts(input: AnalysisInput, scope: ModuleFactsScope = "all"): ModuleFacts {
  try {
    // A declaration file (read beside a JavaScript module whose own facts say nothing) has only types to read.
    if (isDeclarationFile(input.filename)) return declarationFactsOf(input);
    const all = scope === "all";
    const { targets, reExports, sdkReExport, namespaceReExports, commonJs, exportsObject } = collectExports(input);
    const tracerHolders = tracerHoldersOf(input);
    const globalTracerSlots = globalTracerSlotsOf(input, (node) => getSdkModel(input).isTracerCreation(node));
    const { activatesPipeline, loadsForEffect } = all ? pipelineFactsOf(input) : { activatesPipeline: undefined, loadsForEffect: undefined };
    const withSdk = (facts: ModuleFacts): ModuleFacts => ({
      ...facts,
      ...(sdkReExport ? { sdkReExport } : {}),
      ...(tracerHolders ? { tracerHolders } : {}),
      ...(namespaceReExports ? { namespaceReExports } : {}),
      ...(activatesPipeline !== undefined ? { activatesPipeline } : {}),
      ...(loadsForEffect ? { loadsForEffect } : {}),
      ...(commonJs ? { commonJs } : {}),
      ...(exportsObject ? { exportsObject } : {}),
      ...(globalTracerSlots.length > 0 ? { globalTracerSlots } : {}),
      ...(appPluginTracers ? { appPluginTracers } : {}),
    });
    const exportNameOf = (variable: Scope.Variable): string | undefined => {
      for (const [name, target] of targets) if ("variable" in target && target.variable === variable) return name;
      return undefined;
    };
    const appPluginTracers = targets.size > 0 ? pluginTracerStoresOf(input, (value) => exportNamesOf(targets, value)) : undefined;
    const otelPipeline = otelPipelineOf(input, exportNameOf);
    if (targets.size === 0 && !otelPipeline) return reExports.length === 0 && !sdkReExport && !tracerHolders && !namespaceReExports && activatesPipeline === undefined && !loadsForEffect && globalTracerSlots.length === 0 && !exportsObject ? NO_FACTS : withSdk({ exports: {}, reExports });
    const sdk = getSdkModel(input);
    const exports: Record<string, ExportFact[]> = {};
    const initPromiseExports: string[] = [];
    const initPromiseGetters: string[] = [];
    const objectKeys: Record<string, readonly string[]> = {};
    const traceOptionsParameters: Record<string, readonly number[]> = {};
    const mayTakeTraceOptions = input.text.includes("TraceFunctionOptions");
    for (const [name, target] of targets) {
      const facts = factsOf(input, sdk, target, { exportNameOf, otelPipeline, all });
      if (facts.length > 0) exports[name] = facts;
      const traceOptions = mayTakeTraceOptions ? traceOptionsParametersOf(input, target) : [];
      if (traceOptions.length > 0) traceOptionsParameters[name] = traceOptions;
      if (!all) continue;
      const keys = plainObjectKeys(target);
      if (keys) objectKeys[name] = keys;
      if (facts.some((fact) => fact.kind === "tracer") && holdsUnawaitedInit(input, sdk, target)) initPromiseExports.push(name);
      if (facts.some((fact) => fact.kind === "getter") && returnsUnawaitedInit(input, sdk, functionOfTarget(target))) {
        initPromiseGetters.push(name);
        // 1.x code: the getter hands out the init's promise, whatever its module's run makes of it.
        if (declaredDependencyVersion(input.filename, SDK_ROOT)?.[0] === 1) exports[name] = facts.map((fact) => (fact.kind === "getter" ? { ...fact, async: true } : fact));
      }
    }
    return withSdk({
      exports,
      reExports,
      ...(otelPipeline ? { otelPipeline } : {}),
      ...(initPromiseExports.length > 0 ? { initPromiseExports } : {}),
      ...(initPromiseGetters.length > 0 ? { initPromiseGetters } : {}),
      ...(Object.keys(objectKeys).length > 0 ? { objectKeys } : {}),
      ...(Object.keys(traceOptionsParameters).length > 0 ? { traceOptionsParameters } : {}),
    });
  } catch (error) {
    reportAnalysisError(error);
    return NO_FACTS;
  }
}

/** The indices of an exported function's parameters typed with the SDK's 1.x `TraceFunctionOptions` (optional or not). */
function traceOptionsParametersOf(input: AnalysisInput, target: ExportTarget): number[] {
  const fn = functionOfTarget(target);
  if (!fn) return [];
  const bindings = getAnalysisContext(input).bindings;
  return fn.params.flatMap((param, index) => {
    const named = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const type = "typeAnnotation" in named ? named.typeAnnotation?.typeAnnotation : undefined;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeArguments) return [];
    const origin = bindings.originOf(type.typeName);
    return origin && isSdkModule(origin.module, input.settings) && exportPath(origin).join(".") === "TraceFunctionOptions" ? [index] : [];
  });
}

/** The keys of an export that is a `const` (or a value) holding an object literal of plain keys only. */
function plainObjectKeys(target: ExportTarget): string[] | undefined {
  let value: TSESTree.Node | null | undefined;
  if ("value" in target) value = target.value;
  else {
    const def = target.variable.defs.length === 1 ? target.variable.defs[0] : undefined;
    if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || def.parent?.kind !== "const") return undefined;
    value = def.node.init;
  }
  const object = unwrapExpression(value);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const keys: string[] = [];
  for (const property of object.properties) {
    const key = property.type === AST_NODE_TYPES.Property && !property.computed ? staticName(property.key) : undefined;
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}

/** A `const` (declared once) initialized with an object literal. */
function constObjectLiteral(variable: Scope.Variable | undefined): boolean {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === "Variable" && def.parent?.kind === "const" && def.node.type === AST_NODE_TYPES.VariableDeclarator && unwrapExpression(def.node.init)?.type === AST_NODE_TYPES.ObjectExpression;
}

/** The namespace declaration (`namespace X { … }`, `declare namespace X { … }`) a module variable names, if it names one. */
function declaredNamespaceOf(variable: Scope.Variable | undefined): TSESTree.TSModuleDeclaration | undefined {
  const node = variable?.defs.find((def) => def.node.type === AST_NODE_TYPES.TSModuleDeclaration)?.node;
  return node?.type === AST_NODE_TYPES.TSModuleDeclaration && node.id.type === AST_NODE_TYPES.Identifier ? node : undefined;
}

/** The values a namespace declares (in an ambient one, every member is exported): its consts, lets, functions and classes. */
function namespaceMemberNames(namespace: TSESTree.TSModuleDeclaration): string[] {
  const names: string[] = [];
  for (const statement of namespace.body?.type === AST_NODE_TYPES.TSModuleBlock ? namespace.body.body : []) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) names.push(declarator.id.name);
    } else if ((declaration?.type === AST_NODE_TYPES.TSDeclareFunction || declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
      names.push(declaration.id.name);
    }
  }
  return names;
}

/** The package a barrel re-exports (its subpaths are 2.x only; 1.x code re-exports the root). */
const SDK_ROOT = "honeyhive";

/** `Object.assign`. */
function isObjectAssign(callee: TSESTree.Node): boolean {
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "assign" && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Object";
}

/**
 * The interop marker a transpiler (tsc, Babel, esbuild, SWC) writes into the CommonJS output of an ES module:
 * `Object.defineProperty(exports, "__esModule", { value: true })`, or `exports.__esModule = true` (also on
 * `module.exports`). Node's and the bundlers' ESM default import of such a module is its `exports.default`.
 */
function isEsModuleMarker(expression: TSESTree.Expression, isExportsObject: (node: TSESTree.Node | undefined) => boolean): boolean {
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
    const { left, right } = expression;
    return left.type === AST_NODE_TYPES.MemberExpression && memberName(left) === "__esModule" && isExportsObject(unwrapExpression(left.object)) && right.type === AST_NODE_TYPES.Literal && right.value === true;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = expression.callee;
  const [target, key, descriptor] = expression.arguments;
  const isDefineProperty = callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "defineProperty" && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Object";
  if (!isDefineProperty || !target || !isExportsObject(unwrapExpression(target)) || staticName(key, true) !== "__esModule" || descriptor?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const value = descriptor.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) === "value");
  return value?.value.type === AST_NODE_TYPES.Literal && value.value.value === true;
}

function collectExports(input: AnalysisInput): {
  targets: Map<string, ExportTarget>;
  reExports: ReExport[];
  sdkReExport: SdkReExportFact | undefined;
  namespaceReExports: Record<string, string> | undefined;
  commonJs: true | undefined;
  exportsObject: true | undefined;
} {
  const { ast, scopeManager } = input;
  const moduleScope = moduleScopeOf(scopeManager);
  const variableNamed = (name: string): Scope.Variable | undefined => moduleScope?.set.get(name);
  const targets = new Map<string, ExportTarget>();
  const reExports: ReExport[] = [];
  let namespaceReExports: Record<string, string> | undefined;
  const bindings = getAnalysisContext(input).bindings;
  const sdk = { all: false, names: {} as Record<string, string>, namespaces: [] as string[] };
  const sdkTypes: Record<string, string> = {};
  const exportVariable = (exported: string, local: string) => {
    const variable = variableNamed(local);
    if (!variable) return;
    // `import { tracer } from "./tracing"; export { tracer }`: a re-export in all but syntax. So is CommonJS's
    // `const { traceTool } = require("honeyhive"); module.exports = { traceTool }` of the SDK's names.
    const def = variable.defs[0];
    const imported = def?.type === "ImportBinding" && def.node.type !== AST_NODE_TYPES.TSImportEqualsDeclaration;
    if (imported || (def?.type === "Variable" && bindings.declaringModuleOf(variable) === SDK_ROOT)) {
      reExportOrigin(exported, bindings.originOf(def.name));
      return;
    }
    targets.set(exported, { variable });
  };
  const reExportOrigin = (exported: string, origin: ModuleOrigin | undefined) => {
    const path = origin && exportPath(origin);
    if (origin && path?.length === 1) reExports.push({ specifier: origin.module, names: { [exported]: path[0]! } });
    if (origin?.module === SDK_ROOT && !origin.typeOnly) {
      if (path?.length === 1) sdk.names[exported] = path[0]!;
      // `import * as hh from "honeyhive"; export { hh }`.
      else if (origin.path.length === 0) sdk.namespaces.push(exported);
    }
  };
  /** `exports.tracer = require("./tracer").tracer`, `{ traceTool: require("honeyhive").traceTool }`: one name of the required module handed on. */
  const requiredMember = (exported: string, value: TSESTree.Node | undefined): boolean => {
    if (value?.type !== AST_NODE_TYPES.MemberExpression || requireSpecifier(unwrapExpression(value.object)) === undefined) return false;
    const origin = bindings.originOf(value);
    if (origin === undefined || exportPath(origin).length !== 1) return false;
    reExportOrigin(exported, origin);
    return true;
  };
  const isExportsObject = (node: TSESTree.Node | undefined): boolean =>
    (node?.type === AST_NODE_TYPES.Identifier && node.name === "exports" && bindings.isGlobal(node)) ||
    (node?.type === AST_NODE_TYPES.MemberExpression &&
      memberName(node) === "exports" &&
      node.object.type === AST_NODE_TYPES.Identifier &&
      node.object.name === "module" &&
      bindings.isGlobal(node.object));
  /** `require("./m")` of a project module handed on whole (`module.exports = require("./m")`): recorded as `export * from "./m"`. */
  const requiredReExport = (node: TSESTree.Node | undefined): boolean => {
    const from = sourceModule(requireSpecifier(unwrapExpression(node)));
    if (from === undefined || from === SDK_ROOT) return false;
    reExports.push({ specifier: from, names: "*" });
    return true;
  };
  let esm = false;
  let esModuleMarker = false;
  let assignsExports = false;
  let exportsObject = false;
  const exportValue = (exported: string | undefined, value: TSESTree.Node) => {
    if (exported === undefined) return;
    const expression = unwrapExpression(value);
    if (expression?.type === AST_NODE_TYPES.Identifier && variableNamed(expression.name)) exportVariable(exported, expression.name);
    else if (!requiredMember(exported, expression)) targets.set(exported, { value });
  };

  /** `module.exports = value` (or `export = value`): an object literal's keys are the module's names, anything else its `default`. */
  const exportModuleObject = (value: TSESTree.Node) => {
    const object = unwrapExpression(value);
    const namespace = object?.type === AST_NODE_TYPES.Identifier ? declaredNamespaceOf(variableNamed(object.name)) : undefined;
    if (namespace) {
      // `export = Shared` of `declare namespace Shared { … }`: its members are the module's names (a `.d.ts` has no values to read).
      exportsObject = true;
      for (const name of namespaceMemberNames(namespace)) {
        const member = scopeManager?.acquire(namespace)?.set.get(name);
        if (member) targets.set(name, { variable: member });
      }
    } else if (object?.type === AST_NODE_TYPES.ObjectExpression) {
      exportsObject = true;
      for (const property of object.properties) {
        // `get tracer() { return tracer; }`: its readers get what it returns (a property read, not a function they call).
        if (property.type === AST_NODE_TYPES.Property && property.kind === "get") {
          const returned = getterResult(property.value);
          if (returned) exportValue(staticName(property.key, property.computed), returned);
        } else if (property.type === AST_NODE_TYPES.Property) exportValue(staticName(property.key, property.computed), property.value);
        // `{ ...require("./tracing"), version }`.
        else requiredReExport(property.argument);
      }
    } else if (sourceModule(requireSpecifier(object)) === SDK_ROOT) {
      // `module.exports = require("honeyhive")`: the module is the SDK, whichever way it is imported.
      sdk.all = true;
      sdk.namespaces.push("default");
    } else if (!requiredReExport(object)) {
      // `module.exports = tracer`: what `require()` and a default import get; `module.exports = shared` of a `const shared = { … }` is an object of names too.
      if (object?.type === AST_NODE_TYPES.Identifier && constObjectLiteral(variableNamed(object.name))) exportsObject = true;
      exportValue("default", value);
    }
  };

  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) esm = true;
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        // Deno's `export * from "npm:honeyhive@2"` re-exports `honeyhive`, as every import names it.
        const from = sourceModule(statement.source?.value);
        if (from === SDK_ROOT) {
          for (const specifier of statement.specifiers) {
            const exported = staticName(specifier.exported);
            const local = staticName(specifier.local);
            if (exported !== undefined && local !== undefined && (statement.exportKind === "type" || specifier.exportKind === "type")) sdkTypes[exported] = local;
          }
        }
        if (statement.exportKind === "type") break;
        if (from !== undefined) {
          const names: Record<string, string> = {};
          for (const specifier of statement.specifiers) {
            const exported = staticName(specifier.exported);
            const local = staticName(specifier.local);
            if (exported !== undefined && local !== undefined && specifier.exportKind !== "type") names[exported] = local;
          }
          reExports.push({ specifier: from, names });
          if (from === SDK_ROOT) Object.assign(sdk.names, names);
          break;
        }
        const declaration = statement.declaration;
        if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) exportVariable(declaration.id.name, declaration.id.name);
        else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier) exportVariable(declarator.id.name, declarator.id.name);
            // `export const { tracer: monitor } = setup()`: each name is what it takes of the object the initializer makes.
            else if (declaration.kind === "const") for (const [name, taken] of destructuredValues(input, declarator.id, declarator.init)) exportValue(name, taken);
          }
        }
        for (const specifier of statement.specifiers) {
          const exported = staticName(specifier.exported);
          const local = staticName(specifier.local);
          if (exported !== undefined && local !== undefined && specifier.exportKind !== "type") exportVariable(exported, local);
        }
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration: {
        if (statement.exportKind === "type") break;
        const from = sourceModule(statement.source.value);
        // `export * as ns from` is a namespace object, not the module's names.
        if (!statement.exported) reExports.push({ specifier: from, names: "*" });
        else if (from !== SDK_ROOT) {
          const namespace = staticName(statement.exported);
          if (namespace !== undefined) (namespaceReExports ??= {})[namespace] = from;
        }
        if (from === SDK_ROOT) {
          const namespace = staticName(statement.exported ?? undefined);
          if (!statement.exported) sdk.all = true;
          else if (namespace !== undefined) sdk.namespaces.push(namespace);
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
          exportVariable("default", declaration.id.name);
        } else exportValue("default", declaration);
        break;
      }
      case AST_NODE_TYPES.ExpressionStatement: {
        const expression = statement.expression;
        // A transpiled ES module marks itself (`Object.defineProperty(exports, "__esModule", { value: true })`):
        // an ESM default import of it reads `exports.default`, not its whole `module.exports` (`commonJs`).
        if (isEsModuleMarker(expression, isExportsObject)) {
          esModuleMarker = true;
          break;
        }
        // `Object.defineProperty(module.exports, "tracer", { get: () => tracer })`: the name is what the getter returns.
        const defined = definedProperty(expression);
        if (defined && isExportsObject(unwrapExpression(defined.target))) {
          assignsExports = true;
          if (defined.value) exportValue(defined.name, defined.value);
          break;
        }
        // `Object.assign(module.exports, require("./tracing"))`: hands on that module's names, as `export *`.
        if (expression.type === AST_NODE_TYPES.CallExpression && isObjectAssign(expression.callee) && isExportsObject(unwrapExpression(expression.arguments[0]))) {
          for (const argument of expression.arguments.slice(1)) requiredReExport(argument);
          break;
        }
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== "=") break;
        const { left, right } = expression;
        if (left.type !== AST_NODE_TYPES.MemberExpression) break;
        if (isExportsObject(unwrapExpression(left.object))) {
          assignsExports = true;
          exportValue(memberName(left), right);
        } else if (isExportsObject(left)) {
          assignsExports = true;
          exportModuleObject(right);
        }
        break;
      }
      // TypeScript's `export = tracer` / `export = { handler }`: compiled to `module.exports = …`, read as it is.
      case AST_NODE_TYPES.TSExportAssignment:
        assignsExports = true;
        exportModuleObject(statement.expression);
        break;
      default:
        break;
    }
  }
  const hasTypes = Object.keys(sdkTypes).length > 0;
  const reExportsSdk = sdk.all || sdk.namespaces.length > 0 || Object.keys(sdk.names).length > 0 || hasTypes;
  const commonJs = assignsExports && !esm && !esModuleMarker ? (true as const) : undefined;
  return {
    targets,
    reExports,
    sdkReExport: reExportsSdk ? (hasTypes ? { ...sdk, types: sdkTypes } : sdk) : undefined,
    namespaceReExports,
    commonJs,
    exportsObject: commonJs && exportsObject ? true : undefined,
  };
}

/** What the facts of one export may refer to in the rest of the module. */
interface ModuleView {
  readonly exportNameOf: (variable: Scope.Variable) => string | undefined;
  readonly otelPipeline: OtelPipelineFact | undefined;
  /** False for the `tracers` scope (`extractModuleFacts`): the facts of what a function does when called are not looked for. */
  readonly all: boolean;
}

function factsOf(input: AnalysisInput, sdk: SdkModel, target: ExportTarget, module: ModuleView): ExportFact[] {
  const facts: ExportFact[] = [];
  const tracer = "variable" in target ? sdk.tracers.find((candidate) => candidate.variable === target.variable) : undefined;
  const fn = functionOfTarget(target);
  // An `export let tracer` that a getter fills is a tracer too (shared by every importer), possibly unset.
  const created = ("value" in target && sdk.isTracerCreation(target.value)) || chainedInitOf(input, sdk, target) !== undefined;
  if (tracer && tracer.moduleLevel && (tracer.kind === "init" || tracer.kind === "lazy")) {
    facts.push(tracer.kind === "init" ? { kind: "tracer" } : getterFact(sdk, tracer, fn));
  } else if (created) {
    // `export default await HoneyHiveTracer.init(…)`, `module.exports.tracer = HoneyHiveTracer.init(…)`.
    facts.push({ kind: "tracer" });
  } else if (!tracer) {
    const otel = otelObjectOf(input, valueOfTarget(target));
    if (otel) facts.push({ kind: "otel", role: otel.role, honeyhive: otelObjectSendsToHoneyhive(input, otel) });
    const otelTracer = otelTracerOf(input, valueOfTarget(target), module) ?? (fn ? returnedOtelTracerOf(input, fn, module) : undefined);
    if (otelTracer) facts.push(otelTracer);
  }
  const value = module.all ? valueOfTarget(target) : undefined;
  if (value && !tracer && isInputDecoratorFactory(input, unwrapExpression(value) ?? value)) facts.push({ kind: "inputDecorator" });
  if (fn && !tracer && module.all && rejectsValidationErrorsIn(input, fn)) facts.push({ kind: "rejectsValidationErrors" });
  const schema = value && !tracer ? uuidSchemaOf(input, unwrapExpression(value) ?? value) : undefined;
  if (schema) facts.push({ kind: "uuidSchema", ...schema });
  const use = value ? sdk.traceUseOf(value) : undefined;
  const bound = use?.boundTracer;
  if (bound && bound.kind !== "parameter" && bound.moduleLevel) facts.push({ kind: "boundFunction", tracer: (bound.getter ?? bound).name });
  if (fn && !tracer && module.all) {
    const isFlush = flushTestOf(input);
    const accepts = anyPlatformBackgroundTest(input);
    if (flushesOnEveryPath(fn, new Set(), isFlush, [], accepts)) {
      facts.push({ kind: "flushHelper" });
      facts.push(...aroundNextFacts(fn, isFlush, accepts, undefined));
    }
    const session = sharedSessionStartIn(input, sdk, fn);
    if (session) facts.push(session);
    const returns = returnedFunctionFact(input, sdk, fn, isFlush);
    if (returns) facts.push(returns);
  }
  // An export composed by a package function from functions (`export const handle = sequence(logging, flushing)`):
  // the `flushesAroundNext` facts of its arguments, marked with the composing call (`through`).
  const composed = !fn && !tracer && module.all && value ? unwrapExpression(value) : undefined;
  if (composed?.type === AST_NODE_TYPES.CallExpression) {
    const origin = getAnalysisContext(input).bindings.originOf(composed.callee);
    const isFlush = flushTestOf(input);
    const through = origin && !origin.typeOnly ? `${origin.module}#${originName(origin)}` : undefined;
    for (const argument of through === undefined ? [] : composed.arguments) {
      for (const part of getAnalysisContext(input).bindings.functionsOf(argument)) {
        const accepts = anyPlatformBackgroundTest(input);
        if (flushesOnEveryPath(part, new Set(), isFlush, [], accepts)) facts.push(...aroundNextFacts(part, isFlush, accepts, through));
      }
    }
  }
  // What each call of a function runs: not for a getter that returns one tracer, but for a factory (its `getter`
  // fact says `caching: false`: `export const makeTracer = () => HoneyHiveTracer.init(…)`), whose every call in a
  // handler makes a tracer. A pipeline to HoneyHive made and made global per call counts in a module of
  // OpenTelemetry alone too (`startTelemetry()`).
  const factory = facts.some((fact) => fact.kind === "getter" && !fact.caching);
  const inits = fn && (!tracer || factory) && (sdk.usesSdk || exportsOtelToHoneyhive(input)) ? uncachedCreationIn(input, fn) : undefined;
  if (inits) facts.push({ kind: "initsTracer", ...inits });
  return facts;
}

/** The `flushesAroundNext` facts of a function that flushes on every path (only such a one can flush on every path after `await next()`). */
function aroundNextFacts(fn: FunctionNode, isFlush: FlushTest, accepts: BackgroundTest, through: string | undefined): ExportFact[] {
  const facts: ExportFact[] = [];
  const extra = through === undefined ? {} : { through };
  for (let next = 1; next < fn.params.length; next += 1) {
    if (flushesAroundNext(fn, next, isFlush, accepts)) facts.push({ kind: "flushesAroundNext", next, parameters: fn.params.length, ...extra });
  }
  // The first parameter's functions (`handle({ event, resolve })`, `handle(input)` calling `input.resolve(…)`) may be the chain's rest.
  for (const property of chainPropertiesOf(fn)) {
    if (flushesAroundNext(fn, { parameter: 0, property }, isFlush, accepts)) facts.push({ kind: "flushesAroundNext", next: 0, parameters: fn.params.length, property, ...extra });
  }
  return facts;
}

/** A tracer export's value comes from an init call without `await`. */
function holdsUnawaitedInit(input: AnalysisInput, sdk: SdkModel, target: ExportTarget): boolean {
  if (chainedInitOf(input, sdk, target)) return true;
  if ("value" in target) return isUnawaitedInit(target.value);
  return sdk.tracers.some((tracer) => tracer.variable === target.variable && tracer.kind === "init" && tracer.initializations.some(isUnawaitedInit));
}

/** `HoneyHiveTracer.init(…).then((t) => { …; return t; }).catch(() => undefined)`, of a `const` too: the unawaited init whose promise the chain hands on (`promiseHandedOn`). */
function chainedInitOf(input: AnalysisInput, sdk: SdkModel, target: ExportTarget): TSESTree.Node | undefined {
  const defs = "variable" in target ? target.variable.defs : undefined;
  if (defs && (defs.length !== 1 || defs[0]!.parent?.type !== AST_NODE_TYPES.VariableDeclaration || defs[0]!.parent.kind !== "const")) return undefined;
  const chain = unwrapExpression(valueOfTarget(target));
  let value = chain;
  for (let inner; value?.type === AST_NODE_TYPES.CallExpression && (inner = promiseHandedOn(input, value)); ) value = unwrapExpression(inner);
  return value !== chain && value && sdk.isTracerCreation(value) && isUnawaitedInit(value) ? value : undefined;
}

/**
 * A function with a return of an init call without `await` (`return HoneyHiveTracer.init(…)`, `() =>
 * HoneyHiveTracer.init(…)`) or of a module tracer variable that holds one (`return tracerPromise`);
 * also an async one, which is what `migrate` makes of the first kind (the fact must not depend on
 * whether the module is written before its importers).
 */
function returnsUnawaitedInit(input: AnalysisInput, sdk: SdkModel, fn: FunctionNode | undefined): boolean {
  if (!fn) return false;
  return returnedValues(input, fn).some((value) => {
    const expression = unwrapExpression(value);
    if (expression?.type === AST_NODE_TYPES.Identifier) {
      const variable = sdk.variableOf(expression);
      const tracer = variable && sdk.tracers.find((candidate) => candidate.variable === variable);
      return tracer !== undefined && tracer.moduleLevel && tracer.kind === "init" && tracer.initializations.some(isUnawaitedInit);
    }
    return expression !== undefined && sdk.isTracerCreation(expression) && isUnawaitedInit(value);
  });
}

/** What `fn` itself returns: the arguments of its own `return`s (not a nested function's), or an arrow's expression body. */
function returnedValues(input: AnalysisInput, fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.ReturnStatement], fn.body).flatMap((statement) => (statement.argument && enclosingFunction(statement) === fn ? [statement.argument] : []));
}

/**
 * A function whose every return hands back an OpenTelemetry tracer (`export function getTracer() { return
 * provider.getTracer("jobs"); }`, `() => trace.getTracer("x")`): the tracer its callers trace through, as
 * `otelTracerOf` reads it; the first return's fact.
 */
function returnedOtelTracerOf(input: AnalysisInput, fn: FunctionNode, module: ModuleView): ExportFact | undefined {
  const returned = returnedValues(input, fn);
  const facts = returned.map((value) => otelTracerOf(input, value, module));
  return facts.length > 0 && facts.every((fact) => fact !== undefined) ? facts[0] : undefined;
}

/** `HoneyHiveTracer.init(…)` not under `await` (a `new HoneyHiveTracer(…)` was never a promise). */
function isUnawaitedInit(creation: TSESTree.Node): boolean {
  const call = unwrapExpression(creation);
  return call?.type === AST_NODE_TYPES.CallExpression && creation.type !== AST_NODE_TYPES.AwaitExpression && call.parent?.type !== AST_NODE_TYPES.AwaitExpression;
}

/** A getter's fact: caching unless one of its returns hands back a tracer it has just created. */
function getterFact(sdk: SdkModel, getter: TracerDeclaration, fn: FunctionNode | undefined): ExportFact {
  const fresh = getter.initializations.some((creation) => isReturnedDirectly(creation, fn));
  // A getter without creations of its own returns a module tracer (`() => tracer`) or a cached variable.
  const backed = sdk.tracers.some((tracer) => tracer.getter === getter) || getter.initializations.length === 0 || !fresh;
  return { kind: "getter", caching: backed && !fresh, async: fn?.async === true };
}

/** `return HoneyHiveTracer.init()` / `() => new HoneyHiveTracer()` / `return await …`: not stored anywhere first. */
function isReturnedDirectly(creation: TSESTree.Node, fn: FunctionNode | undefined): boolean {
  let node: TSESTree.Node = creation;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (parent === fn) return fn.body === node;
    const passesThrough =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.ConditionalExpression ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node);
    if (!passesThrough) return false;
  }
  return false;
}

function valueOfTarget(target: ExportTarget): TSESTree.Node | undefined {
  if ("value" in target) return target.value;
  const def = target.variable.defs[0];
  if (def?.type === "FunctionName") return def.node;
  if (def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) return def.node.init;
  return undefined;
}

function functionOfTarget(target: ExportTarget): FunctionNode | undefined {
  const value = unwrapExpression(valueOfTarget(target));
  if (!isFunctionNode(value)) return undefined;
  // A `let` may be reassigned: which function it holds is not static.
  if ("variable" in target && target.variable.references.some((reference) => reference.writeExpr && !reference.init)) return undefined;
  return value;
}

/** `new NodeSDK(…)`, `new NodeTracerProvider(…)`, `new BatchSpanProcessor(…)` of the OpenTelemetry packages the profile lists. */
/**
 * `new NodeSDK(…)`, a provider, a span processor, or a trace exporter (knowledge/trace-exporters.ts `TRACE_EXPORTERS`:
 * the OTLP exporters of OpenTelemetry's packages and @vercel/otel's), with its role.
 */
function otelObjectOf(input: AnalysisInput, value: TSESTree.Node | undefined): { readonly role: OtelRole; readonly creation: TSESTree.NewExpression } | undefined {
  const expression = unwrapExpression(value);
  if (expression?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const origin = getAnalysisContext(input).bindings.originOf(expression.callee);
  if (!origin || origin.path.length !== 1) return undefined;
  const component = OTEL_COMPONENTS.find((candidate) => candidate.export.package === origin.module && candidate.export.name === origin.path[0]);
  return component ? { role: component.role, creation: expression } : undefined;
}

/**
 * The `honeyhive` of an `otel` fact: the module's pipeline exports to HoneyHive; for an exporter, its own
 * destination where its options tell it (an exporter to Honeycomb beside a pipeline to HoneyHive is not
 * HoneyHive's), else the module's. What flush-calls' facts-first check reads: an importer's flush of an
 * exported exporter to HoneyHive counts even when its module loads only @vercel/otel (issue 13 small-fixes).
 */
function otelObjectSendsToHoneyhive(input: AnalysisInput, otel: { readonly role: OtelRole; readonly creation: TSESTree.NewExpression }): boolean {
  const own = otel.role === "exporter" ? componentDestination(input, otel.creation) : "unknown";
  return own === "unknown" ? otelSetupOf(input) !== undefined : own === "honeyhive";
}

/** The pipeline the module makes, when it exports to HoneyHive (analysis/flush-calls.ts decides, as for a handler's own file). */
function otelPipelineOf(input: AnalysisInput, exportNameOf: ModuleView["exportNameOf"]): OtelPipelineFact | undefined {
  const setup = otelSetupOf(input);
  if (!setup) return undefined;
  // A part made by a call (`registerOTel(…)`) is registered by that call; one made with `new`, by an activation of it.
  const registered = setup.parts.some((part) =>
    part.creation.type === AST_NODE_TYPES.CallExpression ? part.destination !== "other" : activationOf(input, part.creation, part.component.activatedBy ?? []) !== undefined,
  );
  const flushVariable = setup.flushTarget?.variable;
  const parts = setup.parts.map((part) => part.component.export.name);
  return { registered, instrumented: setup.instrumented, flushExport: flushVariable && exportNameOf(flushVariable), parts };
}

/** `provider.getTracer(…)` on a provider the module makes, or `trace.getTracer(…)` of `@opentelemetry/api`. */
function otelTracerOf(input: AnalysisInput, value: TSESTree.Node | undefined, module: ModuleView): ExportFact | undefined {
  const call = unwrapExpression(value);
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "getTracer") return undefined;
  const object = unwrapExpression(callee.object);
  if (object?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const { bindings } = getAnalysisContext(input);
  const origin = bindings.originOf(object);
  if (origin?.module === "@opentelemetry/api" && originName(origin) === "trace") {
    // The global provider: this module's pipeline when it registers one (else whatever another module registers).
    const registered = module.otelPipeline?.registered === true;
    return { kind: "otelTracer", provider: registered ? module.otelPipeline?.flushExport : undefined, honeyhive: registered };
  }
  const variable = bindings.variableOf(object);
  const def = variable?.defs[0];
  const init = def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
  if (!variable || !init || otelObjectOf(input, init)?.role !== "provider") return undefined;
  return { kind: "otelTracer", provider: module.exportNameOf(variable), honeyhive: otelSetupOf(input) !== undefined };
}

/**
 * The `returnsFunction` fact of an exported function that returns functions (bindings.ts `functionsReturnedBy`):
 * which of its parameters those call, whether they all flush on every path, and the first session start in them
 * on a parameter of `fn` or on a module-level tracer. Undefined for a function returning none (most exports).
 */
function returnedFunctionFact(input: AnalysisInput, sdk: SdkModel, fn: FunctionNode, isFlush: (call: TSESTree.CallExpression) => boolean): ExportFact | undefined {
  const { bindings } = getAnalysisContext(input);
  const returned = bindings.functionsReturnedBy(fn);
  if (returned.length === 0) return undefined;
  const inReturned = (node: TSESTree.Node) => returned.some((inner) => contains(inner, node));
  const parameterIndex = (node: TSESTree.Node | undefined): number | undefined => {
    const identifier = unwrapExpression(node);
    if (identifier?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = bindings.variableOf(identifier);
    const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && bindings.variableOf(param) === variable);
    return variable && index !== -1 ? index : undefined;
  };
  const calls: number[] = [];
  fn.params.forEach((param, index) => {
    const variable = param.type === AST_NODE_TYPES.Identifier ? bindings.variableOf(param) : undefined;
    const called = variable?.references.some((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier && inReturned(parent);
    });
    if (called) calls.push(index);
  });
  const flushes = returned.every((inner) => flushesOnEveryPath(inner, new Set(), isFlush, [], anyPlatformBackgroundTest(input)));
  let sessionStart: Extract<ExportFact, { kind: "returnsFunction" }>["sessionStart"];
  for (const inner of returned) {
    for (const call of sdk.usesSdk && !sessionStart ? nodesOfTypesWithin(input.ast, CALL_TYPES, inner.body) : []) {
      const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
      const method = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (callee?.type !== AST_NODE_TYPES.MemberExpression || method === undefined || !SHARED_SESSION_MEMBERS.has(method)) continue;
      const parameter = parameterIndex(callee.object);
      const tracer = sdk.tracerOf(callee.object);
      if (!tracer || (parameter === undefined && (tracer.kind === "parameter" || !tracer.moduleLevel))) continue;
      const major = honeyhiveMajorOfFile(input);
      sessionStart = parameter === undefined ? { tracer: (tracer.getter ?? tracer).name, method, line: call.loc.start.line, major } : { parameter, tracer: tracer.name, method, line: call.loc.start.line, major };
      break;
    }
  }
  return { kind: "returnsFunction", calls, flushes, ...(sessionStart ? { sessionStart } : {}) };
}

/** The first `<tracer>.sessionStart()` / `.startSession()` in `fn` on a tracer `fn` does not create for itself. */
function sharedSessionStartIn(input: AnalysisInput, sdk: SdkModel, fn: FunctionNode): ExportFact | undefined {
  if (!sdk.usesSdk) return undefined;
  for (const call of nodesOfTypesWithin(input.ast, CALL_TYPES, fn.body)) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrapExpression(call.callee);
    const method = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || method === undefined || !SHARED_SESSION_MEMBERS.has(method)) continue;
    const tracer = sdk.tracerOf(callee.object);
    if (!tracer || tracer.kind === "parameter") continue;
    // A tracer the helper creates for itself (`const t = HoneyHiveTracer.init()` inside it) is not shared.
    const createdInside = !tracer.moduleLevel && tracer.initializations.length > 0 && tracer.initializations.every((creation) => contains(fn, creation));
    if (createdInside) continue;
    return { kind: "sessionHelper", tracer: (tracer.getter ?? tracer).name, method, line: call.loc.start.line, major: honeyhiveMajorOfFile(input) };
  }
  return undefined;
}
