// Instrumentations that cannot reach HoneyHive: set up without a tracer provider in a file that has a
// HoneyHive tracer, or set up at module load before that tracer exists. This SDK registers no global
// provider (two tracers may coexist), so an instrumentation given none records into the global no-op
// provider: its spans reach nothing (sdk/instrumentation-provider.test.ts). The seed: "Initialize the
// tracer before any instrumentor … then pass tracer.provider". Shared by the rule
// `tracer-provider-for-instrumentors` and the transform `instrumentation-provider`.
//
// What counts as given a provider (any expression is trusted, it need not be HoneyHive's):
// `registerInstrumentations({ tracerProvider })`, a constructor option (`new OpenAIInstrumentation({
// tracerProvider })`), `instrumentation.setTracerProvider(…)`, `experimental_telemetry: { tracer }` (AI SDK ≤ 6),
// `new OpenTelemetry({ tracer })` of @ai-sdk/otel (AI SDK 7, which no longer reads the settings' `tracer`).
// An instrumentation that leaves the code we can see (passed to another call, exported, returned,
// held in an array) is not reported: `new NodeSDK({ instrumentations })` and similar set it up with
// their own provider, and an unknown helper may as well. Options that cannot be read statically (a
// variable, a spread) are trusted. Programs that activate a global OpenTelemetry pipeline of their own
// (`PIPELINE_OWNERS`: `Sentry.init(…)`, `useAzureMonitor()`, `new NodeSDK(…).start()`,
// `trace.setGlobalTracerProvider(…)`, a preload import such as `…/register`), in the file or in a
// project module it imports, and files written against honeyhive 1.x (whose tracer registered
// Traceloop's provider globally and has no `provider`) are not reported at all. Importing a vendor's
// package is not activating it (`Sentry.captureException` alone registers nothing).
import { join } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, enclosingFunction, findProperty, hasOnlyPlainProperties, isExportedVariable, isTypeOnlyImport, memberName, reportAnalysisError, requireSpecifier, staticName, unwrapExpression } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { originName, type ModuleOrigin } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import { deploymentOf } from "./deployment.js";
import { frameworkPreloadsOf } from "./framework-preloads.js";
import type { AnalysisInput, ModuleFactsReader } from "./input.js";
import {
  INSTRUMENTATION_FAMILIES,
  INSTRUMENTATION_INSTANCE_API,
  mayHoldInstrumentation,
  PIPELINE_ACTIVATION_NAMES,
  PIPELINE_OWNERS,
  REGISTER_CALLS,
  TELEMETRY_INTEGRATIONS,
  TELEMETRY_OPTIONS,
  type InstrumentationFamily,
  type PipelineActivation,
  type PipelineOwner,
  type RegisterCall,
  type TelemetryIntegration,
  type TelemetryOption,
} from "./knowledge/instrumentations.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { absolutePath, projectModules } from "./project-modules.js";
import { configuredPreloads } from "./knowledge/frameworks/lambda-functions-config.js";
import { getSdkModel, honeyhiveMajorOfFile, type SdkModel, type TracerDeclaration, type TracerInScope } from "./sdk-model.js";
import { isSdkModule, packageSpecifier } from "./settings.js";
import { tracerIntegrationOf } from "./telemetry-version.js";
import { activationOf } from "./tracer-init.js";
import { originMatches } from "./value-specifier.js";

/** Where the provider goes for a given setup. */
export type ProviderPlacement =
  /** A property appended to an options object literal (`{ …, tracerProvider: tracer.provider }`). */
  | { readonly kind: "property"; readonly object: TSESTree.ObjectExpression; readonly key: string; readonly value: (tracerText: string) => string }
  /** The constructor has no arguments: `new X()` → `new X({ tracerProvider: … })`. */
  | { readonly kind: "argument"; readonly expression: TSESTree.NewExpression; readonly key: string; readonly value: (tracerText: string) => string }
  /** A statement after the instance's declaration: `instrumentation.setTracerProvider(tracer.provider);`. */
  | { readonly kind: "statement"; readonly after: TSESTree.Node; readonly variable: string };

export interface InstrumentationFinding {
  /**
   * - `missingProvider`: set up without a provider while a HoneyHive tracer is reachable (or none is
   *   in scope at that place);
   * - `beforeTracer`: set up at module load above the module's `HoneyHiveTracer.init(…)`, where the
   *   tracer does not exist yet;
   * - `ignoredTracer`: telemetry settings name a tracer in a version of the library that no longer reads it
   *   there (AI SDK 7: it goes to the integration, `TelemetryOption.tracerMovedToIntegration`).
   */
  readonly kind: "missingProvider" | "beforeTracer" | "ignoredTracer";
  /** `integration`: a telemetry integration made without a tracer (`registerTelemetry(new OpenTelemetry())`). */
  readonly setup: "register" | "instance" | "telemetry" | "integration";
  /** Where the rule reports: the call, the `new` expression, the telemetry option (`ignoredTracer`: its tracer property). */
  readonly node: TSESTree.Node;
  /** How messages name the setup: `registerInstrumentations()`, `new OpenAIInstrumentation()`, `generateText()`. */
  readonly label: string;
  /** What the fix writes for a tracer (`tracer.provider`, `tracer.provider.getTracer("gen_ai")`): how messages and markers name the form. */
  readonly passes: (tracerText: string) => string;
  /** `ignoredTracer`: the settings key (`telemetry`) and the integration the tracer goes to instead. */
  readonly ignored?: { readonly option: string; readonly integration: TelemetryIntegration };
  /** Where the provider is written; undefined when the shape has no place a fix can write it. */
  readonly placement: ProviderPlacement | undefined;
  /** The HoneyHive tracers that can be written at `node` (`tracersInScopeAt`). */
  readonly candidates: readonly TracerInScope[];
  /** `beforeTracer`: the module-level tracer initialized below, and the two top-level statements. */
  readonly later?: {
    readonly tracer: TracerDeclaration;
    readonly statement: TSESTree.ProgramStatement;
    readonly initStatement: TSESTree.ProgramStatement;
  };
}

const findingsCache = new AttachedCache<TSESTree.Program, readonly InstrumentationFinding[]>("honeyhive.instrumentationFindings");

/** Every instrumentation of the file that cannot reach the file's HoneyHive tracer, in source order; cached per AST, never throws. */
export function findInstrumentationsWithoutProvider(input: AnalysisInput): readonly InstrumentationFinding[] {
  // The text gate before the cache: most files name no instrumentation and then store nothing.
  if (!mayHoldInstrumentation(input.text)) return NO_FINDINGS;
  const cached = findingsCache.get(input.ast);
  if (cached) return cached;
  let found: readonly InstrumentationFinding[] = [];
  try {
    found = collect(input);
  } catch (error) {
    reportAnalysisError(error); // an unexpected shape costs the findings of this file, never the lint run
  }
  findingsCache.set(input.ast, found);
  return found;
}

const NO_FINDINGS: readonly InstrumentationFinding[] = Object.freeze([]);

function collect(input: AnalysisInput): readonly InstrumentationFinding[] {
  const sdk = getSdkModel(input);
  // A tracer reached only as `tracing.tracer` of a project module's binding counts as the file's (`heldTracersInScopeAt`).
  // A static field's tracer (`static readonly tracer = HoneyHiveTracer.init(…)`, read as `Obs.tracer`) is the program's too.
  if (!sdk.usesSdk || (sdk.tracers.length === 0 && sdk.moduleHeldTracers.length === 0 && !holdsStaticFieldTracer(input, sdk))) return [];
  const finder = new Finder(input, sdk);
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) finder.visitCall(call);
  for (const expression of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) finder.visitNew(expression);
  if (finder.found.length === 0) return [];
  // Asked only of a file with something to report, dearest last: the file's own activations, then the
  // project modules it loads (each read once per run), then the major (may read the package.json).
  if (pipelineActivationOf(input) !== undefined || loadsActivatingModule(input) || honeyhiveMajorOfFile(input) === 1) return [];
  return finder.found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** A class of the file creates a tracer in a static field (`static tracer = HoneyHiveTracer.init(…)`); not among `sdk.tracers`. */
function holdsStaticFieldTracer(input: AnalysisInput, sdk: SdkModel): boolean {
  return nodesOfType(input.ast, AST_NODE_TYPES.PropertyDefinition).some((property) => property.static && property.value !== null && sdk.isTracerCreation(property.value));
}

/** An activation as the engine reads it, with the owner it belongs to. */
interface KeyedActivation {
  readonly owner: PipelineOwner;
  readonly activation: PipelineActivation;
}

/** The activations by module specifier: a file pays only for the specifiers it imports that have one. */
const ACTIVATIONS_BY_MODULE: ReadonlyMap<string, readonly KeyedActivation[]> = (() => {
  const byModule = new Map<string, KeyedActivation[]>();
  for (const owner of PIPELINE_OWNERS) {
    for (const pkg of owner.packages) {
      const list = byModule.get(pkg) ?? [];
      for (const activation of owner.activations) list.push({ owner, activation });
      byModule.set(pkg, list);
    }
  }
  return byModule;
})();

/**
 * The owner (`PipelineOwner.name`) of the first global OpenTelemetry pipeline the file activates: a
 * preload module it loads, a call (`Sentry.init(…)` without `skipOpenTelemetrySetup: true`), an
 * instance started or registered (`new NodeSDK(…).start()`). Anywhere in the file, a function included
 * (Next.js calls `register()` of `instrumentation.ts`). Undefined when none; the work is bounded by the
 * file's imports that have an entry (none: no node is visited). Also an export fact of project modules.
 */
export function pipelineActivationOf(input: AnalysisInput): string | undefined {
  const context = getAnalysisContext(input);
  let candidates: Map<string, readonly KeyedActivation[]> | undefined;
  for (const specifier of context.importedModules) {
    const module = packageSpecifier(specifier);
    const entries = ACTIVATIONS_BY_MODULE.get(module);
    if (!entries) continue;
    const preload = entries.find((entry) => entry.activation.kind === "import");
    if (preload && loadsModule(input, specifier)) return preload.owner.name;
    (candidates ??= new Map()).set(module, entries);
  }
  if (!candidates) return undefined;
  const { bindings } = context;
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.Identifier && callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
    // Before resolving anything: a member call's origin ends with the property it names (`Sentry.init`),
    // so any other name cannot be an activation. An identifier may be an alias (`init as initSentry`).
    if (callee.type === AST_NODE_TYPES.MemberExpression && !PIPELINE_ACTIVATION_NAMES.has(memberName(callee) ?? "")) continue;
    const origin = bindings.originOf(call.callee);
    const entries = origin && !origin.typeOnly ? candidates.get(origin.module) : undefined;
    if (!origin || !entries) continue;
    const name = originName(origin);
    for (const { owner, activation } of entries) {
      if (activation.kind === "call" && activation.name === name && callActivates(call, activation)) return owner.name;
    }
  }
  // Only `new` expressions can be the rest; most owners have none.
  if (![...candidates.values()].some((entries) => entries.some((entry) => entry.activation.kind === "instance"))) return undefined;
  for (const creation of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
    const callee = unwrapExpression(creation.callee);
    if (!callee || callee.type === AST_NODE_TYPES.Super) continue;
    const origin = bindings.originOf(callee);
    const written = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    for (const [module, entries] of candidates) {
      for (const { owner, activation } of entries) {
        if (activation.kind !== "instance") continue;
        const matches = activation.byName
          ? written === activation.className
          : origin !== undefined && !origin.typeOnly && origin.module === module && originName(origin) === activation.className;
        if (matches && activationOf(input, creation, activation.methods) !== undefined) return owner.name;
      }
    }
  }
  return undefined;
}

/** A call activates unless its options literally opt out, and (for a builder) once a chained call ends it. */
function callActivates(call: TSESTree.CallExpression, activation: Extract<PipelineActivation, { kind: "call" }>): boolean {
  const { unless, then } = activation;
  if (unless) {
    const options = unwrapExpression(call.arguments[0]);
    const value = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, unless.key)?.value : undefined;
    if (value?.type === AST_NODE_TYPES.Literal && value.value === unless.value) return false;
  }
  if (then === undefined) return true;
  // `setup(…).setAutoCollectRequests(true).start()`: through the builder's chained calls.
  let current: TSESTree.Node = call;
  for (;;) {
    const member: TSESTree.Node | undefined = current.parent;
    const next: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return false;
    if (memberName(member) === then) return true;
    current = next;
  }
}

/**
 * The file loads `specifier` for its effect, not only its types: `import "m"`, a value import,
 * `require("m")`, `import("m")`, a re-export. `import type … from "m"` (and imports whose names are all
 * `type`) are erased.
 */
function loadsModule(input: AnalysisInput, specifier: string): boolean {
  let declared = false;
  for (const statement of input.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== specifier) continue;
    declared = true;
    if (!isTypeOnlyImport(statement)) return true;
  }
  // Not an import declaration: a require, an import(), an `import x = require()`, a re-export.
  return !declared || hasOtherLoad(input, specifier);
}

/** Besides type-only import declarations, a `require("m")` / `import("m")` (the context collected them) / `export … from "m"` of the same specifier. */
function hasOtherLoad(input: AnalysisInput, specifier: string): boolean {
  for (const statement of input.ast.body) {
    // `export type { Options } from "m"` is erased like an `import type`.
    if ((statement.type === AST_NODE_TYPES.ExportAllDeclaration || statement.type === AST_NODE_TYPES.ExportNamedDeclaration) && statement.source?.value === specifier && statement.exportKind !== "type") return true;
  }
  return getAnalysisContext(input).calledModules.has(specifier);
}

/** What a project module's export facts say about pipelines (analysis/export-facts.ts). */
export function pipelineFactsOf(input: AnalysisInput): { readonly activatesPipeline?: string; readonly loadsForEffect?: readonly string[] } {
  const activatesPipeline = pipelineActivationOf(input);
  if (activatesPipeline !== undefined) return { activatesPipeline };
  const loads = [...getAnalysisContext(input).importedModules].filter((specifier) => specifier.startsWith(".") && loadsModule(input, specifier));
  return loads.length > 0 ? { loadsForEffect: loads } : {};
}

/**
 * A project module the file loads activates a pipeline (its export facts say so): `import
 * "./instrumentation"`, `import { tracer } from "./tracing"` where `./tracing` calls `Sentry.init(…)`,
 * or a relative module that one loads (`./instrument` runs `initSentry()` of `./sentry`). Two modules
 * deep at most.
 */
function loadsActivatingModule(input: AnalysisInput): boolean {
  const read = input.readModuleFacts;
  if (!read) return false; // a module read for another file: one module deep
  const reader = projectModules();
  const from = absolutePath(input.filename);
  for (const specifier of getAnalysisContext(input).importedModules) {
    // A package with an entry was asked about already; the rest resolve to a project module or to nothing.
    if (ACTIVATIONS_BY_MODULE.has(packageSpecifier(specifier)) || isSdkModule(specifier, input.settings) || !loadsModule(input, specifier)) continue;
    const path = reader.resolve(specifier, from);
    // A module loaded only for its effect (`import "./instrument"`) is read whatever its text names.
    if (path !== undefined && moduleActivates(path, read, loadsForEffectOnly(input.ast, specifier))) return true;
  }
  return frameworkPreloadActivates(input, read);
}

/** The module at `path` activates a pipeline, or a relative module it loads does. */
function moduleActivates(path: string, read: ModuleFactsReader, ungated: boolean): boolean {
  const reader = projectModules();
  const facts = reader.factsOf(path, read, false, ungated);
  if (facts.activatesPipeline !== undefined) return true;
  for (const specifier of facts.loadsForEffect ?? []) {
    const target = reader.resolve(specifier, path);
    if (target !== undefined && target !== path && reader.factsOf(target, read).activatesPipeline !== undefined) return true;
  }
  return false;
}

/** `import "./m"` or a `require("./m");` statement: nothing but the module's effect is wanted. */
function loadsForEffectOnly(ast: TSESTree.Program, specifier: string): boolean {
  return ast.body.some(
    (statement) =>
      (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.specifiers.length === 0 && statement.importKind !== "type" && statement.source.value === specifier) ||
      (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.CallExpression && requireSpecifier(statement.expression) === specifier),
  );
}

/**
 * The project's framework loads a module that activates a pipeline (analysis/framework-preloads.ts: Next.js's
 * `instrumentation.ts`), itself or through a module it loads (`await import("./sentry.server.config")`
 * in `register()`): read whatever its text names, since it runs for its effect.
 */
function frameworkPreloadActivates(input: AnalysisInput, read: ModuleFactsReader): boolean {
  const { root, preloads } = deploymentOf(input.filename);
  if (root === undefined) return false;
  const reader = projectModules();
  const anchor = join(root, "package.json");
  // `node --import ./instrument.mjs app.mjs` in a package.json script (Sentry's ESM setup), or the same in a
  // Lambda function's `NODE_OPTIONS` set by serverless.yml or a SAM template (lambda-functions-config.ts).
  // A package.json script's preload resolves against the package root; a Lambda's against its code folder.
  const scripted = (preloads ?? []).map((specifier) => ({ specifier, from: anchor }));
  const configured = configuredPreloads(input.filename, input.cwd).map(({ specifier, directory }) => ({ specifier, from: join(directory, "package.json") }));
  for (const { specifier, from } of [...scripted, ...configured]) {
    if (!specifier.startsWith(".")) {
      if (ACTIVATIONS_BY_MODULE.get(packageSpecifier(specifier))?.some((entry) => entry.activation.kind === "import")) return true;
      continue;
    }
    const path = reader.resolve(specifier, from);
    if (path !== undefined && moduleActivates(path, read, true)) return true;
  }
  for (const path of frameworkPreloadsOf(input)) if (moduleActivates(path, read, true)) return true;
  return false;
}

/** Node types whose presence between two statements means code runs there (an import, a side effect). */
const RUNNING_TYPES = [
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ImportExpression,
] as const;

class Finder {
  readonly found: InstrumentationFinding[] = [];
  private readonly bindings;

  constructor(
    private readonly input: AnalysisInput,
    private readonly sdk: SdkModel,
  ) {
    this.bindings = getAnalysisContext(input).bindings;
  }

  private origin(node: TSESTree.Node): ModuleOrigin | undefined {
    return this.bindings.originOf(node);
  }

  visitCall(call: TSESTree.CallExpression): void {
    // Only calls of imported functions can be one of ours: skip the rest before resolving anything.
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.Identifier && callee?.type !== AST_NODE_TYPES.MemberExpression) return;
    const origin = this.origin(call.callee);
    if (!origin) return;
    const name = originName(origin);
    const register = REGISTER_CALLS.find((entry) => originMatches(origin, entry.callee));
    if (register) {
      this.visitRegister(call, register, name);
      return;
    }
    const telemetry = TELEMETRY_OPTIONS.find((entry) => entry.functions.some((fn) => originMatches(origin, fn)));
    if (telemetry) this.visitTelemetry(call, telemetry, name);
  }

  visitNew(expression: TSESTree.NewExpression): void {
    const origin = this.origin(expression.callee);
    if (!origin) return;
    const className = origin.path.at(-1);
    if (className === undefined) return;
    const telemetry = TELEMETRY_OPTIONS.find((entry) => entry.classes?.some((cls) => originMatches(origin, cls)));
    if (telemetry) {
      this.visitTelemetry(expression, telemetry, `new ${originName(origin)}`);
      return;
    }
    for (const integration of TELEMETRY_INTEGRATIONS) {
      const cls = integration.classes.find((entry) => !origin.typeOnly && originMatches(origin, entry.export));
      if (cls) {
        this.visitIntegration(expression, integration, cls.tracerName, originName(origin));
        return;
      }
    }
    const family = INSTRUMENTATION_FAMILIES.find(
      (entry) => entry.classNamePattern.test(className) && entry.packages.some((pkg) => (pkg.endsWith("-") ? origin.module.startsWith(pkg) : origin.module === pkg)),
    );
    if (!family) return;
    this.visitInstance(expression, family, className);
  }

  private visitRegister(call: TSESTree.CallExpression, register: RegisterCall, name: string): void {
    const options = unwrapExpression(call.arguments[0]);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression || !hasOnlyPlainProperties(options)) return;
    if (findProperty(options, register.providerKey)) return;
    const placement: ProviderPlacement = { kind: "property", object: options, key: register.providerKey, value: providerOf };
    this.add("register", call, `${name}()`, placement);
  }

  private visitTelemetry(call: TSESTree.CallExpression | TSESTree.NewExpression, telemetry: TelemetryOption, name: string): void {
    const options = unwrapExpression(call.arguments[0]);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
    const moved = telemetry.tracerMovedToIntegration;
    const integration = moved && tracerIntegrationOf(this.input, telemetry);
    if (moved && integration) {
      this.visitMovedTracer(options, telemetry, moved.options, integration, name);
      return;
    }
    const property = findProperty(options, telemetry.option);
    const settings = unwrapExpression(property?.value);
    if (!property || settings?.type !== AST_NODE_TYPES.ObjectExpression || !hasOnlyPlainProperties(settings)) return;
    const enabled = findProperty(settings, telemetry.enabledKey);
    // Off by default: only an `isEnabled` that may be true turns spans on.
    if (!enabled || (enabled.value.type === AST_NODE_TYPES.Literal && enabled.value.value === false)) return;
    if (findProperty(settings, telemetry.tracerKey)) return;
    const value = tracerOf(telemetry.tracerName);
    const placement: ProviderPlacement = { kind: "property", object: settings, key: telemetry.tracerKey, value };
    this.add("telemetry", property, `${name}()`, placement, value);
  }

  /**
   * Settings (the first of `keys`) that name a tracer the library no longer reads there, inline or held by a const
   * (`{ telemetry }`; reported once where the tracer is written, however many calls share it); telemetry turned off
   * literally is left alone.
   */
  private visitMovedTracer(options: TSESTree.ObjectExpression, telemetry: TelemetryOption, keys: readonly string[], integration: TelemetryIntegration, name: string): void {
    const property = keys.map((key) => findProperty(options, key)).find((found) => found !== undefined);
    const settings = this.bindings.objectOf(property?.value);
    if (!property || !settings) return;
    const enabled = findProperty(settings, telemetry.enabledKey);
    if (enabled?.value.type === AST_NODE_TYPES.Literal && enabled.value.value === false) return;
    const tracer = findProperty(settings, telemetry.tracerKey);
    if (!tracer || this.found.some((finding) => finding.node === tracer)) return;
    const option = staticName(property.key, property.computed) ?? keys[0];
    this.found.push({ kind: "ignoredTracer", setup: "telemetry", node: tracer, label: `${name}()`, placement: undefined, candidates: [], passes: providerOf, ignored: { option, integration } });
  }

  /**
   * A telemetry integration made without a tracer and put to work where it can be seen: an argument of the register
   * call (`registerTelemetry(new OpenTelemetry())`), in a call's `integrations`, or a variable used only there.
   * Options the rule cannot read (a variable, a spread) are trusted.
   */
  private visitIntegration(expression: TSESTree.NewExpression, integration: TelemetryIntegration, tracerName: string, className: string): void {
    const options = unwrapExpression(expression.arguments[0]);
    if (options && (options.type !== AST_NODE_TYPES.ObjectExpression || !hasOnlyPlainProperties(options) || findProperty(options, integration.tracerKey))) return;
    if (!this.integrationInUse(expression, integration)) return;
    const value = tracerOf(tracerName);
    const placement: ProviderPlacement = options
      ? { kind: "property", object: options, key: integration.tracerKey, value }
      : { kind: "argument", expression, key: integration.tracerKey, value };
    this.add("integration", expression, `new ${className}()`, placement, value);
  }

  private integrationInUse(expression: TSESTree.NewExpression, integration: TelemetryIntegration): boolean {
    const parent = expression.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === expression && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.sdk.variableOf(parent.id);
      if (!variable || isExportedVariable(variable)) return false;
      const uses = variable.references.filter((reference) => !reference.init);
      return uses.length > 0 && uses.every((reference) => this.putsToWork(reference.identifier as TSESTree.Node, integration));
    }
    return this.putsToWork(expression, integration);
  }

  /** `node` is an argument of the register call, or (an element of) the value of an `integrations` property. */
  private putsToWork(node: TSESTree.Node, integration: TelemetryIntegration): boolean {
    let parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      return originMatches(this.origin(parent.callee), integration.register);
    }
    let value = node;
    if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
      value = parent;
      parent = parent.parent;
    }
    return parent?.type === AST_NODE_TYPES.Property && parent.value === value && staticName(parent.key, parent.computed) === integration.integrationsKey;
  }

  private visitInstance(expression: TSESTree.NewExpression, family: InstrumentationFamily, className: string): void {
    const options = unwrapExpression(expression.arguments[0]);
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return;
    if (options && (!hasOnlyPlainProperties(options) || (family.constructorProviderOption !== undefined && findProperty(options, family.constructorProviderOption)))) return;
    const statement = this.instanceStatement(expression);
    if (!statement) return;
    let placement: ProviderPlacement | undefined;
    if (family.constructorProviderOption !== undefined) {
      placement = options
        ? { kind: "property", object: options, key: family.constructorProviderOption, value: providerOf }
        : { kind: "argument", expression, key: family.constructorProviderOption, value: providerOf };
    } else if (statement.variable !== undefined) {
      placement = { kind: "statement", after: statement.node, variable: statement.variable };
    }
    this.add("instance", expression, `new ${className}()`, placement);
  }

  /**
   * The statement an instance lives in when all its uses are visible and none gives it a provider:
   * `new X();`, `new X().enable();`, `const x = new X(); x.manuallyInstrument(m);`. Undefined when the
   * instance goes elsewhere (an argument, an array, a return, an export) or receives a provider.
   */
  private instanceStatement(expression: TSESTree.NewExpression): { node: TSESTree.Node; variable?: string } | undefined {
    const parent = expression.parent;
    if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return { node: parent };
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === expression) {
      const call = parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return undefined;
      if (memberName(parent) === INSTRUMENTATION_INSTANCE_API.setProvider) return undefined;
      return call.parent?.type === AST_NODE_TYPES.ExpressionStatement ? { node: call.parent } : undefined;
    }
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== expression || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const declaration = parent.parent;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) return undefined;
    const variable = this.sdk.variableOf(parent.id);
    if (!variable || isExportedVariable(variable) || !onlyMethodCalls(variable)) return undefined;
    return { node: declaration, variable: variable.name };
  }

  private add(setup: InstrumentationFinding["setup"], node: TSESTree.Node, label: string, placement: ProviderPlacement | undefined, passes: (tracerText: string) => string = providerOf): void {
    const candidates = [...this.sdk.tracersInScopeAt(node), ...this.sdk.heldTracersInScopeAt(node), ...this.sdk.staticFieldTracersInScopeAt(node)];
    const later = candidates.length === 0 ? this.tracerInitializedBelow(node) : undefined;
    this.found.push({ kind: later ? "beforeTracer" : "missingProvider", setup, node, label, placement, candidates, passes, ...(later ? { later } : {}) });
  }

  /** A module-level `HoneyHiveTracer.init(…)` below the top-level statement that runs `node` at load. */
  private tracerInitializedBelow(node: TSESTree.Node): InstrumentationFinding["later"] {
    if (enclosingFunction(node)) return undefined;
    const statement = topLevelStatement(node);
    if (!statement) return undefined;
    for (const tracer of this.sdk.tracers) {
      if (tracer.kind !== "init" || !tracer.moduleLevel || tracer.initializations.length === 0 || tracer.referenceText === undefined) continue;
      const initStatement = topLevelStatement(tracer.declaration);
      if (initStatement && initStatement.range[0] > statement.range[1]) return { tracer, statement, initStatement };
    }
    return undefined;
  }
}

/**
 * Whether moving `statement` below `initStatement` keeps the program's meaning apart from the
 * instrumentation's own start: no code runs between them (a `require` of the instrumented library,
 * a call that uses the instance) and nothing between them reads what the statement declares.
 */
export function isMovableBelow(input: AnalysisInput, statement: TSESTree.ProgramStatement, initStatement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement && statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  const body = input.ast.body;
  const from = body.indexOf(statement);
  const to = body.indexOf(initStatement);
  if (from === -1 || to <= from) return false;
  for (const between of body.slice(from + 1, to)) {
    if (between.type === AST_NODE_TYPES.ImportDeclaration) continue;
    // Code inside a function declared here runs later, when called; anything else runs now.
    if (nodesOfTypesWithin(input.ast, RUNNING_TYPES, between).some((node) => !insideFunctionWithin(node, between))) return false;
  }
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const sdk = getSdkModel(input);
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = sdk.variableOf(declarator.id);
      const readEarly = variable?.references.some(
        (reference) => !reference.init && reference.identifier.range[0] > statement.range[1] && reference.identifier.range[0] < initStatement.range[1] && !enclosingFunction(reference.identifier as TSESTree.Node),
      );
      if (!variable || readEarly) return false;
    }
  }
  return true;
}

function insideFunctionWithin(node: TSESTree.Node, root: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  return fn !== undefined && contains(root, fn);
}

/** `tracer` → `tracer.provider`. */
export function providerOf(tracerText: string): string {
  return `${tracerText}.provider`;
}

/** `tracer` → `tracer.provider.getTracer("ai")`: a tracer of the HoneyHive provider, named as the library names its own. */
function tracerOf(tracerName: string): (tracerText: string) => string {
  return (tracerText) => `${providerOf(tracerText)}.getTracer(${JSON.stringify(tracerName)})`;
}

/** Every reference (besides the declaration) is `x.method(…)` and none hands it a provider. */
function onlyMethodCalls(variable: Scope.Variable): boolean {
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const identifier = reference.identifier as TSESTree.Node;
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
    return staticName(member.property, member.computed) !== INSTRUMENTATION_INSTANCE_API.setProvider;
  });
}

function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? (current as TSESTree.ProgramStatement) : undefined;
}
