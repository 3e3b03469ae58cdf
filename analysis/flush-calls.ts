// Which calls flush, read from the SDK profiles (analysis/knowledge/sdks): a call counts when its method
// is one of a profile's flush calls and its receiver resolves to what the profile names (the package,
// a static of an exported class, an instance of one, what an export returns, or a HoneyHive tracer),
// through the file's one binding resolver. A method whose name is specific enough (`nameAlone`:
// `forceFlush`, `flushAsync`, …) counts on any receiver; `flush`/`shutdown` only on a resolved one (a
// database pool has `shutdown()` too). Which of these flush a handler that traces through HoneyHive is
// `flushesAnotherPipeline`'s question (analysis/flush.ts `flushTestOf` asks it): not another SDK's.
//
// Also here: what an OpenTelemetry file that exports to HoneyHive sets up (its provider, processors,
// tracers), for the handlers that trace through it and the flush a fix writes on it.
import { dirname, join, relative, sep } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { invokedCallee, memberName, moduleScopeOf, reboundMethodOf, unwrapExpression } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import type { Bindings } from "./bindings.js";
import { getAnalysisContext, sourceModule } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { ALL_FLUSH_CALLS, FLUSH_METHODS_BY_NAME, isKnownNonHoneyhiveModule, moduleMatches, type PackageExport, type ProfiledFlushCall } from "./knowledge/sdks/index.js";
import {
  CALLED_OTEL_COMPONENTS,
  FIX_PREFERENCE,
  GLOBAL_PROVIDER_SETTERS,
  mayExportOtelToHoneyhive,
  NON_TRACE_PACKAGES,
  OTEL_COMPONENTS,
  OTEL_USE_MEMBERS,
  opentelemetryProfile,
  type OtelComponent,
} from "./knowledge/sdks/opentelemetry.js";
import { traceloopProfile } from "./knowledge/sdks/other-sdks.js";

export { mayExportOtelToHoneyhive };
import type { ModuleFacts } from "./export-facts.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { absolutePath, importedExport, importedFromOtherSdkModule, importedModule, importOrigin, projectModules } from "./project-modules.js";
import { configuredPreloads } from "./knowledge/frameworks/lambda-functions-config.js";
import { componentDestination, exportsOtelToHoneyhive, type Destination } from "./otel-destination.js";
import { getSdkModel, honeyhiveMajorOfFile } from "./sdk-model.js";
import { escapeRegExp } from "./workspaces.js";
import { originMatches } from "./value-specifier.js";

/** Tells whether a call flushes (a profile's flush call, or a same-file function that flushes on every path). */
export type FlushTest = (call: TSESTree.CallExpression) => boolean;

const CALLS_BY_METHOD = new Map<string, ProfiledFlushCall[]>();
for (const flush of ALL_FLUSH_CALLS) {
  const list = CALLS_BY_METHOD.get(flush.method);
  if (list) list.push(flush);
  else CALLS_BY_METHOD.set(flush.method, [flush]);
}

/** The method a call invokes: `x.flushAsync?.()` → `flushAsync`, `flush()` → `flush`, `x.flush.call(x)` → `flush`. */
function calledName(call: TSESTree.CallExpression): string | undefined {
  const callee = invokedCallee(call);
  if (callee?.type === AST_NODE_TYPES.Identifier) return callee.name;
  return memberName(callee);
}

/** A call whose method name alone makes it a flush (`<anything>.forceFlush()`): needs no resolution. */
export const isFlushByName: FlushTest = (call) => {
  const name = calledName(call);
  return name !== undefined && FLUSH_METHODS_BY_NAME.has(name);
};

/**
 * A call of a name that holds a HoneyHive tracer's flush method taken off it: `const { forceFlush } = tracer`, `const
 * flush = tracer.forceFlush` (`bound: false`: the call has no `this`, and the SDK's methods read the tracer's private
 * state, sdk/tracer.ts `this.#…`, so it rejects with a TypeError and flushes nothing), or `const flush =
 * tracer.forceFlush.bind(tracer)` (`bound: true`: a flush, whatever its name). A module function (`import {
 * forceFlush } from …`) is neither. The tracer's text and the method, for the message; undefined otherwise.
 */
export function tracerFlushMethodOf(input: AnalysisInput, call: TSESTree.CallExpression): { readonly tracer: string; readonly method: string; readonly bound: boolean } | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = getAnalysisContext(input).bindings.variableOf(callee)?.defs[0];
  if (def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const { id, init } = def.node;
  let holder: TSESTree.Node | undefined;
  let method: string | undefined;
  let bound = false;
  if (id.type === AST_NODE_TYPES.ObjectPattern) {
    holder = init;
    const property = id.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && entry.value === def.name);
    method = property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  } else {
    let value = unwrapExpression(init);
    // `tracer.forceFlush.bind(tracer)`: bound to the tracer it was taken from (the reading `.call`/`.apply` share).
    const target = value?.type === AST_NODE_TYPES.CallExpression ? reboundMethodOf(value, ["bind"]) : undefined;
    if (target) {
      value = target;
      bound = true;
    }
    if (value?.type === AST_NODE_TYPES.MemberExpression) {
      holder = value.object;
      method = memberName(value);
    }
  }
  if (!holder || method === undefined || !FLUSH_METHODS_BY_NAME.has(method)) return undefined;
  const sdk = getSdkModel(input);
  return sdk.usesSdk && sdk.tracerOf(holder) ? { tracer: input.text.slice(...holder.range), method, bound } : undefined;
}

/** How many aliases (`const a = b as X`) a receiver is followed through. */
const MAX_ALIAS_DEPTH = 4;

/** Resolves flush receivers of one file. */
class ReceiverResolver {
  constructor(
    private readonly input: AnalysisInput,
    private readonly bindings: Bindings,
  ) {}

  /** `node` is the export itself: `trace` of `import { trace } from "@opentelemetry/api"`, `bt` of `import * as bt from "braintrust"` for `""`. */
  isExport(node: TSESTree.Node, target: PackageExport): boolean {
    // A `PackageExport` is a `ValueSpecifier` of one package and one name: read as every descriptor's is (`"default"` included).
    return originMatches(this.bindings.originOf(node), target);
  }

  /** `new X()`, a binding of one (also through `as X`, `: X` annotations and aliases). */
  isInstance(node: TSESTree.Node, target: PackageExport, depth = 0): boolean {
    if (depth > MAX_ALIAS_DEPTH) return false;
    let current: TSESTree.Node | undefined = node;
    // Casts say what the value is: `instance as Langfuse`, `<Langfuse>instance`.
    while (current) {
      if ((current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSTypeAssertion) && this.isType(current.typeAnnotation, target)) return true;
      const inner: TSESTree.Node | undefined = unwrapOne(current);
      if (inner === current) break;
      current = inner;
    }
    if (!current) return false;
    if (current.type === AST_NODE_TYPES.NewExpression) return this.isExport(current.callee, target);
    if (current.type !== AST_NODE_TYPES.Identifier) return false;
    return this.valuesOf(current).some(({ annotation, init }) => (annotation !== undefined && this.isType(annotation, target)) || (init !== undefined && this.isInstance(init, target, depth + 1)));
  }

  /** What `target` returns (`calls` empty: a call of it), or a chain of member calls on it. */
  isResult(node: TSESTree.Node, target: PackageExport, calls: readonly string[], depth = 0): boolean {
    if (depth > MAX_ALIAS_DEPTH) return false;
    const value = unwrapExpression(node);
    if (!value) return false;
    if (value.type === AST_NODE_TYPES.Identifier) {
      return this.valuesOf(value).some(({ init }) => init !== undefined && this.isResult(init, target, calls, depth + 1));
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    if (calls.length === 0) return this.isExport(value.callee, target);
    const callee = unwrapExpression(value.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== calls.at(-1)) return false;
    const rest = calls.slice(0, -1);
    return rest.length === 0 ? this.isExport(callee.object, target) : this.isResult(callee.object, target, rest, depth);
  }

  private isType(annotation: TSESTree.TypeNode, target: PackageExport): boolean {
    return annotation.type === AST_NODE_TYPES.TSTypeReference && this.isExport(annotation.typeName, target);
  }

  /** The declared type and initializer of the variable an identifier names (every definition). */
  private valuesOf(identifier: TSESTree.Identifier): { annotation?: TSESTree.TypeNode; init?: TSESTree.Node }[] {
    const variable: Scope.Variable | null | undefined = this.bindings.variableOf(identifier);
    if (!variable) return [];
    return variable.defs.flatMap((def) => {
      if (def.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator) {
        return [{ annotation: def.node.id.typeAnnotation?.typeAnnotation, init: def.node.init ?? undefined }];
      }
      if (def.type === "Parameter" && def.name.type === AST_NODE_TYPES.Identifier) return [{ annotation: def.name.typeAnnotation?.typeAnnotation }];
      return [];
    });
  }

  matches(call: TSESTree.CallExpression, flush: ProfiledFlushCall): boolean {
    const callee = invokedCallee(call);
    const receiver = callee?.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
    const { receiver: expected } = flush;
    switch (expected.kind) {
      case "module":
        // `flush()` imported by name, or `bt.flush()` on the module value.
        return callee !== undefined && (receiver ? this.isExport(receiver, { package: expected.package, name: "default" }) : this.isExport(callee, { package: expected.package, name: flush.method }));
      case "static":
        return receiver !== undefined && this.isExport(receiver, expected.export);
      case "instance":
        return receiver !== undefined && this.isInstance(receiver, expected.export);
      case "result":
        return receiver !== undefined && this.isResult(receiver, expected.export, expected.calls ?? []);
      case "tracer":
        return receiver !== undefined && getSdkModel(this.input).tracerOf(receiver) !== undefined;
    }
  }
}

/** One step of `unwrapExpression`, keeping the node when there is nothing to unwrap. */
function unwrapOne(node: TSESTree.Node): TSESTree.Node {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return node.argument;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return node.expression;
    default:
      return node;
  }
}

const profileTests = new AttachedCache<TSESTree.Program, FlushTest>("honeyhive.profileFlushTest");

/**
 * The flush calls of every profile, as a test on calls of this file. A renamed import of a module
 * flush (`import { flush as btFlush } from "braintrust"`) is found through its binding.
 */
export function profileFlushTestOf(input: AnalysisInput): FlushTest {
  const cached = profileTests.get(input.ast);
  if (cached) return cached;
  let resolver: ReceiverResolver | undefined;
  const resolverOf = (): ReceiverResolver => (resolver ??= new ReceiverResolver(input, getAnalysisContext(input).bindings));
  const test: FlushTest = (call) => {
    if (isFlushByName(call)) return true;
    const callee = invokedCallee(call);
    let name = calledName(call);
    if (callee?.type === AST_NODE_TYPES.Identifier) {
      // A free function: its exported name, whatever the local one.
      const origin = getAnalysisContext(input).bindings.originOf(callee);
      name = origin?.path.at(-1) ?? name;
    }
    const candidates = name === undefined ? undefined : CALLS_BY_METHOD.get(name);
    if (!candidates) return false;
    return candidates.some((flush) => resolverOf().matches(call, flush));
  };
  profileTests.set(input.ast, test);
  return test;
}

/**
 * The flush call's receiver (or the free function called) resolves to another SDK's or pipeline's object:
 * an import of a package known not to be HoneyHive's (`flush` of `braintrust`, `Laminar`) or an object
 * made from one (`new Langfuse()`, `initLogger()`, `new LangfuseSpanProcessor()`, `new MeterProvider()`),
 * through `const` aliases, `: X` annotations and `as X` casts; an OpenTelemetry provider, processor or
 * exporter whose spans go elsewhere (otel-destination.ts `componentDestination`: a Honeycomb provider); a
 * binding imported from a project module that loads only such packages and exports no pipeline to
 * HoneyHive. HoneyHive's tracer, its provider (`tracer.provider`), a pipeline to HoneyHive, the global
 * provider (`trace.getTracerProvider()`) and whatever cannot be resolved (a parameter, `this.client`, an
 * unknown package) are not: they may flush HoneyHive's spans. Under 1.x, Traceloop's `forceFlush()` is
 * the pipeline the 1.x tracer runs on; so it is where the file's `traceloop.initialize({ baseUrl })` sends to HoneyHive.
 */
export function flushesAnotherPipeline(input: AnalysisInput, call: TSESTree.CallExpression): boolean {
  const callee = invokedCallee(call);
  if (callee?.type === AST_NODE_TYPES.Identifier) return foreignOrigin(input, getAnalysisContext(input).bindings.originOf(callee)?.module);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression) return false;
  return isForeignValue(input, callee.object, 0) || globalProviderWithoutHoneyhive(input, callee.object);
}

/**
 * The global provider (`trace.getTracerProvider()`, `.getDelegate()`) flushed beside a HoneyHive 2.x tracer
 * that never became global: the 2.x tracer builds its own provider and never registers it (sdk/tracer.ts,
 * ARCHITECTURE.md "no hidden global"), so the global one is another pipeline or the no-op. It may be HoneyHive's
 * when the file makes it so (`trace.setGlobalTracerProvider(tracer.provider)`), builds an OpenTelemetry
 * component exporting to HoneyHive or imports a project's pipeline (either may be the one registered), or
 * runs on 1.x (Traceloop's global SDK).
 */
function globalProviderWithoutHoneyhive(input: AnalysisInput, receiver: TSESTree.Node): boolean {
  const { bindings } = getAnalysisContext(input);
  const resolver = new ReceiverResolver(input, bindings);
  if (!resolver.isResult(receiver, API_TRACE, ["getTracerProvider"]) && !resolver.isResult(receiver, API_TRACE, ["getTracerProvider", "getDelegate"])) return false;
  const sdk = getSdkModel(input);
  if (sdk.tracers.length === 0 || honeyhiveMajorOfFile(input) === 1 || importedOtelUseIn(input, input.ast) !== undefined) return false;
  // A pipeline of the file that exports to HoneyHive may be the global one (`provider.register()`, NodeSDK's
  // `start()`, @vercel/otel's `registerOTel({ traceExporter })`: the components made by a call).
  const exportsToHoneyhive = (creation: TSESTree.NewExpression | TSESTree.CallExpression, components: readonly OtelComponent[]) =>
    components.some((component) => resolver.isExport(creation.callee, component.export)) && componentDestination(input, creation) === "honeyhive";
  const toHoneyhive =
    nodesOfType(input.ast, AST_NODE_TYPES.NewExpression).some((creation) => exportsToHoneyhive(creation, OTEL_COMPONENTS)) ||
    (CALLED_OTEL_COMPONENTS.length > 0 && nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).some((creation) => exportsToHoneyhive(creation, CALLED_OTEL_COMPONENTS)));
  if (toHoneyhive) return false;
  return !nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).some((call) => {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || !GLOBAL_PROVIDER_SETTERS.some((setter) => setter.method === memberName(callee) && resolver.isExport(callee.object, setter.receiver))) return false;
    // `trace.setGlobalTracerProvider(tracer.provider)`: the tracer's own provider made global.
    const provider = unwrapExpression(call.arguments[0]);
    return provider?.type === AST_NODE_TYPES.MemberExpression && memberName(provider) === "provider" && sdk.tracerOf(provider.object) !== undefined;
  });
}

/** A module specifier of a package known not to be HoneyHive's, other than OpenTelemetry's trace API (whose global provider may be HoneyHive's). */
function foreignOrigin(input: AnalysisInput, module: string | undefined): boolean {
  if (module === undefined || !isKnownNonHoneyhiveModule(module) || module === API_TRACE.package) return false;
  if (moduleMatches(module, traceloopProfile.modules) && honeyhiveMajorOfFile(input) === 1) return false;
  return !flushesOwnPipelineToHoneyhive(input, module);
}

/** The components whose pipeline a function of their module flushes (`traceloop.forceFlush()` after `traceloop.initialize(…)`). */
const MODULE_FLUSHED_COMPONENTS: readonly OtelComponent[] = OTEL_COMPONENTS.filter((component) => component.moduleFlush !== undefined);

/**
 * `module` is the package of a pipeline made in the file by a call whose module flushes it, and that pipeline sends
 * to HoneyHive (`traceloop.initialize({ baseUrl: "https://api.honeyhive.ai/opentelemetry" })`): its flush is HoneyHive's.
 * Sent elsewhere (Traceloop's cloud, by default), or not made in the file, it is another vendor's.
 */
function flushesOwnPipelineToHoneyhive(input: AnalysisInput, module: string): boolean {
  if (!MODULE_FLUSHED_COMPONENTS.some((component) => moduleMatches(module, [component.export.package]))) return false;
  return (
    otelSetupOf(input)?.parts.some((part) => part.component.moduleFlush !== undefined && moduleMatches(module, [part.component.export.package]) && part.destination === "honeyhive") ??
    false
  );
}

/**
 * A module of an OpenTelemetry pipeline's packages (the profile's `modules`: `@opentelemetry/…`, `@vercel/otel`), other
 * than one whose own functions flush its pipeline (Traceloop's: `foreignOrigin` judges it by where that pipeline sends).
 */
function isOtelModule(module: string): boolean {
  return moduleMatches(module, opentelemetryProfile.modules) && !MODULE_FLUSHED_COMPONENTS.some((component) => moduleMatches(module, [component.export.package]));
}

/** `foreignOrigin`, and not an OpenTelemetry trace package (an object of one may export to HoneyHive); its metrics and logs packages are foreign. */
function foreignTraceOrigin(input: AnalysisInput, module: string): boolean {
  return foreignOrigin(input, module) && (!isOtelModule(module) || moduleMatches(module, NON_TRACE_PACKAGES));
}

function isForeignValue(input: AnalysisInput, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_ALIAS_DEPTH) return false;
  const { bindings } = getAnalysisContext(input);
  // `client as Langfuse`: the cast says what it is.
  for (let current: TSESTree.Node | undefined = node; current; ) {
    if ((current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSTypeAssertion) && isForeignType(input, current.typeAnnotation)) return true;
    const inner = unwrapOne(current);
    current = inner === current ? undefined : inner;
  }
  const value = unwrapExpression(node);
  if (value?.type === AST_NODE_TYPES.NewExpression || value?.type === AST_NODE_TYPES.CallExpression) {
    // `require("braintrust")` itself, else what is called or constructed.
    const origin = (value.type === AST_NODE_TYPES.CallExpression ? bindings.originOf(value) : undefined) ?? bindings.originOf(value.callee);
    if (origin === undefined) return false;
    const component = OTEL_COMPONENTS.find((candidate) => originMatches(origin, candidate.export));
    if (component) return value.type === AST_NODE_TYPES.NewExpression && componentDestination(input, value) === "other";
    return foreignTraceOrigin(input, origin.module);
  }
  if (value?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = bindings.variableOf(value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return false;
  if (def.type === "ImportBinding") {
    const origin = bindings.originOf(value);
    if (origin?.typeOnly) return false;
    // A project module's export: its facts first (a tracer, a pipeline to HoneyHive), then what the module loads.
    const facts = importedExport(input, variable)?.facts ?? [];
    if (facts.some((fact) => fact.kind === "tracer" || fact.kind === "getter" || ((fact.kind === "otel" || fact.kind === "otelTracer") && fact.honeyhive))) return false;
    if (importedFromOtherSdkModule(input, variable)) return true;
    return origin !== undefined && foreignOrigin(input, origin.module) && !isOtelModule(origin.module);
  }
  if (def.type === "Parameter") {
    const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
    return annotation !== undefined && isForeignType(input, annotation);
  }
  if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = def.node.id.typeAnnotation?.typeAnnotation;
  if (annotation && isForeignType(input, annotation)) return true;
  // Only a `const` holds what it was made with (a `let` may be reassigned to HoneyHive's object).
  return def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === "const" && def.node.init !== null && isForeignValue(input, def.node.init, depth + 1);
}

/** `Langfuse`, `LangfuseSpanProcessor`: a type named by an import of another SDK's package (not an OpenTelemetry trace type, whose destination a type cannot tell). */
function isForeignType(input: AnalysisInput, annotation: TSESTree.TypeNode): boolean {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const module = getAnalysisContext(input).bindings.originOf(annotation.typeName)?.module;
  return module !== undefined && foreignTraceOrigin(input, module);
}

// ---------------------------------------------------------------------------------------------
// OpenTelemetry set up in the file

/** An OpenTelemetry component made in the file (`new NodeTracerProvider(…)`, `registerOTel(…)`) and the variable that holds it. */
export interface OtelPart {
  readonly component: OtelComponent;
  /** A `new` of a class, or the call of a component made by a call (`madeBy: "call"`). */
  readonly creation: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The variable the instance is assigned to (`const provider = new …`), if any. */
  readonly variable: Scope.Variable | undefined;
  /** Where its spans go (otel-destination.ts `componentDestination`): a file may hold a pipeline to HoneyHive beside one to another vendor. */
  readonly destination: Destination;
}

export interface OtelSetup {
  /** Components made in the file, in source order. */
  readonly parts: readonly OtelPart[];
  /**
   * What a fix flushes: the first module-level provider variable, else a span processor variable
   * (see FIX_PREFERENCE), the one exporting to HoneyHive first and never one known to export elsewhere
   * (a Honeycomb provider beside HoneyHive's); undefined when none is held in a variable (`new NodeSDK({ traceExporter })`).
   */
  readonly flushTarget: OtelPart | undefined;
  /**
   * Instrumentations are registered (`registerInstrumentations`, NodeSDK's `instrumentations`): they
   * record spans for a handler's own I/O, so every handler traces once a pipeline is set up.
   */
  readonly instrumented: boolean;
  /**
   * The flush a fix writes for a pipeline made by a call whose module flushes it (`traceloop.forceFlush()`, on the
   * name the file imports the module under; `forceFlush()`, with `addImport` when the file does not import it yet,
   * beside a function imported by name), when no provider or processor variable is held (`flushTarget`).
   */
  readonly moduleFlush: { readonly receiver: string; readonly text: string; readonly addImport?: { readonly module: string; readonly name: string } } | undefined;
  /** Does `node` (inside a handler) trace through OpenTelemetry: a part, a tracer got from one or from `trace.getTracer()`? */
  tracesAt(node: TSESTree.Node): boolean;
}

const API_TRACE: PackageExport = { package: "@opentelemetry/api", name: "trace" };

/** The names of the components made by a call (`registerOTel`), as a text test; undefined when there is none. */
const CALLED_OTEL_NAMES = CALLED_OTEL_COMPONENTS.length > 0 ? new RegExp(`\\b(?:${CALLED_OTEL_COMPONENTS.map((component) => component.export.name).join("|")})\\b`) : undefined;

const setups = new AttachedCache<TSESTree.Program, OtelSetup | null>("honeyhive.otelSetup");

/** What the file sets up of OpenTelemetry exporting to HoneyHive; undefined when it makes no pipeline of its own. */
export function otelSetupOf(input: AnalysisInput): OtelSetup | undefined {
  const cached = setups.get(input.ast);
  if (cached !== undefined) return cached ?? undefined;
  const setup = exportsOtelToHoneyhive(input) ? buildOtelSetup(input) : undefined;
  setups.set(input.ast, setup ?? null);
  return setup;
}

function buildOtelSetup(input: AnalysisInput): OtelSetup | undefined {
  const { bindings } = getAnalysisContext(input);
  const resolver = new ReceiverResolver(input, bindings);
  const parts: OtelPart[] = [];
  for (const creation of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
    const component = OTEL_COMPONENTS.find((candidate) => candidate.madeBy !== "call" && resolver.isExport(creation.callee, candidate.export));
    if (!component) continue;
    parts.push({ component, creation, variable: holderOf(creation, bindings), destination: componentDestination(input, creation) });
  }
  // `registerOTel(…)`: a pipeline made (and registered) by a call; looked for only where the text names one.
  if (CALLED_OTEL_NAMES?.test(input.text)) {
    for (const creation of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
      const component = CALLED_OTEL_COMPONENTS.find((candidate) => calledName(creation) === candidate.export.name && resolver.isExport(creation.callee, candidate.export));
      if (component) parts.push({ component, creation, variable: undefined, destination: componentDestination(input, creation) });
    }
    parts.sort((a, b) => a.creation.range[0] - b.creation.range[0]);
  }
  // No pipeline made here: the provider lives in another module (not followed), or the file only
  // names `@opentelemetry/api` next to this SDK, whose tracer is analysed as such.
  if (parts.length === 0) return undefined;
  const partVariables = new Set(parts.flatMap((part) => (part.variable ? [part.variable] : [])));
  const usesApiTracer = (node: TSESTree.Node): boolean => resolver.isResult(node, API_TRACE, ["getTracer"]);
  // Tracers: `provider.getTracer(…)` and `trace.getTracer(…)`, held in variables.
  const tracerVariables = new Set<Scope.Variable>();
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (memberName(callee) !== "getTracer" || callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
    const object = unwrapExpression(callee.object);
    const fromPart = object?.type === AST_NODE_TYPES.Identifier && partVariables.has(bindings.variableOf(object) as Scope.Variable);
    if (!fromPart && !usesApiTracer(call)) continue;
    const holder = holderOf(call, bindings);
    if (holder) tracerVariables.add(holder);
  }
  const flushTarget = FIX_PREFERENCE.map((role) => {
    const held = parts.filter(
      (part) => part.component.role === role && part.component.forceFlush && part.variable !== undefined && isModuleScope(part.variable.scope) && part.destination !== "other",
    );
    return held.find((part) => part.destination === "honeyhive") ?? held[0];
  }).find((part) => part !== undefined);
  const tracesAt = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = bindings.variableOf(node);
      return variable !== null && variable !== undefined && (tracerVariables.has(variable) || partVariables.has(variable));
    }
    return node.type === AST_NODE_TYPES.CallExpression && usesApiTracer(node);
  };
  const instrumented = /Instrumentations?\b/.test(input.text) || parts.some((part) => part.component.instruments === true);
  return { parts, flushTarget, instrumented, tracesAt, moduleFlush: moduleFlushOf(input, bindings, parts) };
}

/**
 * `traceloop.forceFlush()` for the first part to HoneyHive made by a call whose module flushes it, called as
 * `<namespace>.initialize(…)` (`import * as traceloop`, `const traceloop = require(…)`): the flush is written on that
 * name. A function imported by name (`import { initialize } from …`): the module's flush imported beside it, under
 * the name the file already gives it or added to that import (`addImport`); undefined when its name is taken or the
 * function is not bound by an import declaration (a destructured `require`).
 */
function moduleFlushOf(input: AnalysisInput, bindings: Bindings, parts: readonly OtelPart[]): OtelSetup["moduleFlush"] {
  for (const part of parts) {
    const method = part.component.moduleFlush;
    const callee = unwrapExpression(part.creation.callee);
    if (method === undefined || part.destination !== "honeyhive") continue;
    if (callee?.type === AST_NODE_TYPES.Identifier) {
      const imported = importedByName(input, bindings, callee, part.component.export.package, method);
      if (imported) return imported;
      continue;
    }
    if (callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
    const namespace = unwrapExpression(callee.object);
    if (namespace?.type === AST_NODE_TYPES.Identifier) return { receiver: namespace.name, text: `${namespace.name}.${method}()` };
  }
  return undefined;
}

/** `forceFlush()` beside `import { initialize } from "<module>"`: its local name if imported, else added to that import. */
function importedByName(input: AnalysisInput, bindings: Bindings, callee: TSESTree.Identifier, module: string, method: string): OtelSetup["moduleFlush"] {
  const importsByName = bindings.variableOf(callee)?.defs.some((def) => def.type === "ImportBinding" && def.node.type === AST_NODE_TYPES.ImportSpecifier);
  if (!importsByName) return undefined;
  const variables = moduleScopeOf(input.scopeManager)?.variables ?? [];
  const held = variables.find((variable) =>
    variable.defs.some((def) => {
      if (def.type !== "ImportBinding" || def.node.type !== AST_NODE_TYPES.ImportSpecifier || def.parent?.type !== AST_NODE_TYPES.ImportDeclaration) return false;
      const imported = def.node.imported;
      const name = imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
      return name === method && def.node.importKind !== "type" && def.parent.importKind !== "type" && moduleMatches(sourceModule(def.parent.source.value), [module]);
    }),
  );
  if (held) return { receiver: held.name, text: `${held.name}()` };
  if (variables.some((variable) => variable.name === method)) return undefined;
  return { receiver: method, text: `${method}()`, addImport: { module, name: method } };
}

function isModuleScope(scope: Scope.Scope): boolean {
  return scope.type === "module" || scope.type === "global";
}

/** The variable a value is assigned to: `const x = <value>` (through `await`, casts, parentheses). */
function holderOf(value: TSESTree.Node, bindings: Bindings): Scope.Variable | undefined {
  let outer: TSESTree.Node = value;
  while (outer.parent && unwrapOne(outer.parent) === outer) outer = outer.parent;
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier) {
    return bindings.variableOf(parent.id) ?? undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// OpenTelemetry set up in a project module the file imports (one module deep)

/** The start of a project module's specifier as a RegExp source (`./`, `../`, `@/`, `~/`, `#`): what a side-effect import of the file's own set-up names. */
export const PROJECT_SPECIFIER_START = String.raw`(?:\.{1,2}\/|@\/|~\/|#)`;

/**
 * The text test before any module is read for a handler file without a pipeline of its own: it names
 * an OpenTelemetry pipeline's package in quotes (the profile's `modules`: `@opentelemetry/…`, `@vercel/otel`),
 * calls one of the members `importedOtelUseIn` looks for (OTEL_USE_MEMBERS: `.getTracer(`,
 * `.startActiveSpan(`, `.startSpan(`, `.forceFlush(`), imports by name a binding named
 * like a tracer (`import { tracer } from`, `const { otelTracer } = require(`), or has a
 * side-effect import of a project-looking module (`import "./instrumentation"`, `require("@/tracing")`;
 * not a stylesheet, JSON or image). The word "tracer" anywhere is not enough: libraries with a tracing
 * API of their own (Effect) name it in every other file, and each such file paid for the handler model.
 */
const MAY_IMPORT_OTEL = new RegExp(
  [
    String.raw`\b(?:require|import)\s*\(\s*["']${otelModuleSource()}`,
    String.raw`\.(?:${OTEL_USE_MEMBERS.map(escapeRegExp).join("|")})\s*\(`,
    String.raw`\{[^{}]*\b\w*[Tt]racer\w*\b[^{}]*\}\s*(?:from\b|=\s*require\b)`,
    String.raw`^\s*(?:import|require\s*\()\s*["']${PROJECT_SPECIFIER_START}(?![^"']*\.(?:css|scss|sass|less|json|svg|png)["'])`,
  ].join("|"),
  "m",
);
/** An OpenTelemetry package in quotes: also what a JSDoc example writes, so the file's imports confirm it. */
const QUOTED_OTEL_PACKAGE = new RegExp(`["']${otelModuleSource()}`);

/** A RegExp source matching the start of a specifier of one of the OpenTelemetry profile's `modules` (a scope `@opentelemetry/`, or a package and its subpaths). */
function otelModuleSource(): string {
  return `(?:${opentelemetryProfile.modules.map((module) => escapeRegExp(module) + (module.endsWith("/") ? "" : `(?=["'/])`)).join("|")})`;
}

const otelImportGates = new AttachedCache<TSESTree.Program, boolean>("honeyhive.mayImportOtelPipeline");

/**
 * `ast`, when given, confirms a quoted OpenTelemetry package as a static import of the file (a comment
 * is no import), and keeps the answer on it: the rule, the flush analysis and the cross-file reading
 * all ask, and the text scan is the dear part on a large file.
 */
export function mayImportOtelPipeline(text: string, ast?: TSESTree.Program): boolean {
  if (ast === undefined) return scanForOtelImport(text, undefined);
  return otelImportGates.getOrCompute(ast, () => scanForOtelImport(text, ast), true);
}

function scanForOtelImport(text: string, ast: TSESTree.Program | undefined): boolean {
  if (MAY_IMPORT_OTEL.test(text)) return true;
  if (!QUOTED_OTEL_PACKAGE.test(text)) return false;
  return ast === undefined || ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && isOtelModule(sourceModule(statement.source.value)));
}

/** How a handler traces through a pipeline made in a project module it imports. */
export interface ImportedOtelUse {
  /** What to flush: the local name of the imported provider (or span processor), or the export name `addImport` brings in. */
  readonly receiver: string | undefined;
  /** The module exports the provider and the file does not import it: the fix adds `import { <name> } from "<module>"`. */
  readonly addImport?: { readonly module: string; readonly name: string };
}

/** A project module the file imports, with its facts; `sideEffect`: `import "./x"`, a bare `require("./x")`. */
export interface ImportedModule {
  readonly specifier: string;
  readonly sideEffect: boolean;
  readonly path: string;
  readonly facts: ModuleFacts;
}

const importedModuleLists = new AttachedCache<TSESTree.Program, readonly ImportedModule[]>("honeyhive.importedOtelModules");
const sideEffectModuleLists = new AttachedCache<TSESTree.Program, readonly ImportedModule[]>("honeyhive.sideEffectOtelModules");

/** The project modules the file imports at its top level (`sideEffectOnly`: `import "./x"` alone), read when a handler may trace through one. */
function importedModulesOf(input: AnalysisInput, sideEffectOnly: boolean): readonly ImportedModule[] {
  const cache = sideEffectOnly ? sideEffectModuleLists : importedModuleLists;
  const cached = cache.get(input.ast);
  if (cached) return cached;
  const list: ImportedModule[] = [];
  const add = (specifier: string, sideEffect: boolean) => {
    if (sideEffectOnly && !sideEffect) return;
    const found = importedModule(input, specifier);
    if (found) list.push({ specifier, sideEffect, ...found });
  };
  for (const statement of input.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== "type") add(statement.source.value, statement.specifiers.length === 0);
    else {
      const required = bareRequireOf(statement);
      if (required !== undefined) add(required, true);
    }
  }
  cache.set(input.ast, list);
  return list;
}

const preloadedModuleLists = new AttachedCache<TSESTree.Program, readonly ImportedModule[]>("honeyhive.preloadedOtelModules");

/**
 * The project modules the Lambda configuration preloads into the file's runtime (`NODE_OPTIONS: --require ./otel.js`
 * in a serverless.yml or SAM template: lambda-functions-config.ts `configuredPreloads`), resolved against the
 * function's code folder as Lambda does. Loaded before the handler's module, for their effect: a pipeline one
 * registers is the one `trace.getTracer()` reaches. `specifier` is the module's path from the file (what a review
 * marker names); no import of it is in the file, so no fix writes one (a marker asks for it). A package preload
 * (`@opentelemetry/auto-instrumentations-node/register`, a layer's wrapper) is not read.
 */
export function preloadedModulesOf(input: AnalysisInput): readonly ImportedModule[] {
  const cached = preloadedModuleLists.get(input.ast);
  if (cached) return cached;
  const list: ImportedModule[] = [];
  const read = input.readModuleFacts;
  if (read) {
    const reader = projectModules();
    for (const { specifier, directory } of configuredPreloads(input.filename, input.cwd)) {
      if (!specifier.startsWith(".")) continue;
      const path = reader.resolve(specifier, join(directory, "package.json"));
      if (path === undefined || list.some((known) => known.path === path)) continue;
      const fromFile = relative(dirname(absolutePath(input.filename)), path).split(sep).join("/");
      list.push({ specifier: fromFile.startsWith(".") ? fromFile : `./${fromFile}`, sideEffect: true, path, facts: reader.factsOf(path, read) });
    }
  }
  preloadedModuleLists.set(input.ast, list);
  return list;
}

/** The module of a top-level `require("./otel/provider");` kept for its side effect, as written. */
export function bareRequireOf(statement: TSESTree.ProgramStatement): string | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const call = statement.expression;
  const argument = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
  const isRequire = call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === "require";
  return isRequire && argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" ? argument.value : undefined;
}

/** Members through which a handler traces with (or flushes) an OpenTelemetry provider or tracer. */
const OTEL_USE_MEMBER_SET: ReadonlySet<string> = new Set(OTEL_USE_MEMBERS);
const OTEL_USE_NAME = /tracer|provider|processor/i;

/**
 * Does the handler `fn` trace through an OpenTelemetry pipeline exporting to HoneyHive that a project
 * module makes: a provider or tracer imported from it, `trace.getTracer()` once an imported module
 * registers its pipeline, or the instrumentations of a side-effect import's registered pipeline.
 * Undefined when it does not (or the file's text rules it out before anything is read).
 */
export function importedOtelUseIn(input: AnalysisInput, fn: TSESTree.Node): ImportedOtelUse | undefined {
  if (!mayImportOtelPipeline(input.text, input.ast)) return undefined;
  const { bindings } = getAnalysisContext(input);
  const resolver = new ReceiverResolver(input, bindings);
  let flushSource: FlushSource | undefined;
  let traces = false;
  let usesApiTracer = false;
  const seen = new Set<Scope.Variable>();
  const asked = new Set<Scope.Variable>();
  for (const node of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.Identifier, AST_NODE_TYPES.CallExpression], fn)) {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      usesApiTracer ||= resolver.isResult(node, API_TRACE, ["getTracer"]);
      continue;
    }
    const variable = bindings.variableOf(node);
    if (!variable) continue;
    if (!usesApiTracer && !seen.has(variable)) {
      seen.add(variable);
      // A tracer the module made once (`const tracer = trace.getTracer("orders")` at the top) and the handler uses.
      const declared = variable.defs[0]?.node;
      if (declared?.type === AST_NODE_TYPES.VariableDeclarator && declared.init) usesApiTracer = resolver.isResult(declared.init, API_TRACE, ["getTracer"]);
    }
    const parent = node.parent;
    const member = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node ? memberName(parent) : undefined;
    if (!OTEL_USE_NAME.test(node.name) && !(member !== undefined && OTEL_USE_MEMBER_SET.has(member))) continue;
    if (asked.has(variable)) continue;
    asked.add(variable);
    const found = importedExport(input, variable);
    for (const fact of found?.facts ?? []) {
      if ((fact.kind !== "otel" && fact.kind !== "otelTracer") || !fact.honeyhive) continue;
      traces = true;
      const name = fact.kind === "otelTracer" ? fact.provider : FIX_PREFERENCE.includes(fact.role) ? found!.name : undefined;
      const specifier = importOrigin(input, variable)?.specifier;
      if (!flushSource && name !== undefined && specifier !== undefined) flushSource = { path: found!.path, name, specifier };
    }
  }
  if (!traces) {
    // `trace.getTracer()` reaches a registered pipeline; instrumentations record any handler's I/O.
    // Without `trace.getTracer()` only side-effect imports are read (a named import was asked about above), and
    // the modules the Lambda configuration preloads (read last: they cost a look at its files).
    const registers = ({ facts, sideEffect }: ImportedModule) => facts.otelPipeline?.registered === true && (usesApiTracer || (sideEffect && facts.otelPipeline.instrumented));
    const registered = importedModulesOf(input, !usesApiTracer).find(registers) ?? preloadedModulesOf(input).find(registers);
    if (!registered) return undefined;
    const flushExport = registered.facts.otelPipeline?.flushExport;
    if (flushExport !== undefined) flushSource = { path: registered.path, name: flushExport, specifier: registered.specifier };
  }
  if (!flushSource) return { receiver: undefined };
  const local = localNameOfImport(input, flushSource);
  if (local !== undefined) return { receiver: local };
  // Imported from the specifier the file already uses, when that names the defining module itself
  // (not a barrel, which may not re-export the provider) and the name is free in the file.
  // Only into an ES module import the file already has, or a bare `require()` of it (which becomes
  // `const { provider } = require(…)`: fixes/flush.ts addNamedImport); a CommonJS file gets no `import` statement.
  const imports = input.ast.body.some(
    (statement) => (statement.type === AST_NODE_TYPES.ImportDeclaration ? statement.source.value : bareRequireOf(statement)) === flushSource!.specifier,
  );
  const direct = imports && importedModule(input, flushSource.specifier)?.path === flushSource.path;
  if (!direct || isNameTaken(input, flushSource.name)) return { receiver: undefined };
  return { receiver: flushSource.name, addImport: { module: flushSource.specifier, name: flushSource.name } };
}

/** An export that flushes the pipeline: its name, the module defining it, and the specifier the file imports that module by. */
interface FlushSource {
  readonly path: string;
  readonly name: string;
  readonly specifier: string;
}

/** `name` is declared anywhere in the file (adding an import of it would clash or be shadowed). */
function isNameTaken(input: AnalysisInput, name: string): boolean {
  return input.scopeManager.scopes.some((scope) => scope.set.has(name)) || input.scopeManager.globalScope?.through.some((reference) => reference.identifier.name === name) === true;
}

/**
 * The local name under which the file imports export `name` of the module at `path`, by `import` or
 * `require` (`import { provider as p }` → `p`, `const { provider } = require("./tracing")`).
 */
function localNameOfImport(input: AnalysisInput, target: FlushSource): string | undefined {
  const moduleScope = moduleScopeOf(input.scopeManager);
  for (const variable of moduleScope?.variables ?? []) {
    // The cheap test first: only a binding of that export name is resolved.
    if (importOrigin(input, variable)?.name !== target.name) continue;
    if (importedExport(input, variable)?.path === target.path) return variable.name;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// OpenTelemetry objects that outlive an invocation

/**
 * The OpenTelemetry pipeline object `receiver` names when it outlives the handler `fn`: a provider,
 * processor or NodeSDK the file makes outside `fn` (module level, or an enclosing function's), or one
 * imported from a project module whose facts say so (`kind: "otel"`, exporting to HoneyHive). Its
 * `shutdown()` in the handler stops it for the warm instance's later invocations. `forceFlush`: whether
 * the object has one (knowledge/sdks/opentelemetry.ts: NodeSDK does not). Undefined for anything else,
 * including an object the handler makes itself (its shutdown is its flush).
 */
export function sharedOtelObjectOf(input: AnalysisInput, receiver: TSESTree.Node, fn: TSESTree.Node): { readonly role: OtelComponent["role"]; readonly forceFlush: boolean } | undefined {
  const identifier = unwrapExpression(receiver);
  if (identifier?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = getAnalysisContext(input).bindings.variableOf(identifier);
  if (!variable) return undefined;
  const part = otelSetupOf(input)?.parts.find((candidate) => candidate.variable === variable);
  if (part) {
    const declared = variable.defs[0]?.node;
    const inside = declared !== undefined && fn.range[0] <= declared.range[0] && declared.range[1] <= fn.range[1];
    // `let provider` assigned later may hold one the handler makes: only a `const` is known to be the one made once.
    const constant = variable.defs[0]?.type === "Variable" && variable.defs[0].parent?.type === AST_NODE_TYPES.VariableDeclaration && variable.defs[0].parent.kind === "const";
    return inside || !constant ? undefined : { role: part.component.role, forceFlush: part.component.forceFlush };
  }
  if (variable.defs[0]?.type !== "ImportBinding" || !mayImportOtelPipeline(input.text, input.ast)) return undefined;
  const fact = importedExport(input, variable)?.facts.find((candidate) => candidate.kind === "otel");
  if (fact?.kind !== "otel" || !fact.honeyhive) return undefined;
  const role = fact.role;
  return { role, forceFlush: OTEL_COMPONENTS.some((component) => component.role === role && component.forceFlush) };
}
