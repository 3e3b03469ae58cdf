// Which functions in a file run once per request, job or invocation: the handler engine. It knows no
// framework by name: what each framework looks like (its modules, how its app or router objects are
// made, which methods, options, exports or file paths register a callback, its handler types) is a
// descriptor under `knowledge/frameworks/`, read here. Inside such a function, state stored on a
// shared tracer (`sessionStart()`) leaks between concurrent requests; an entry point of a serverless
// platform that freezes after the response (`knowledge/platforms/`) must also flush before it returns.
//
// Framework objects are recognized through bindings (`import express from "express"`,
// `require("fastify")()`, a parameter typed `FastifyInstance`, the parameter of a plugin module's
// exported function in a project that depends on the framework, …), never by variable name, and a
// handler may be given inline or declared elsewhere in the file and passed by name. A descriptor
// whose modules the file does not import costs nothing beyond a set lookup; path conventions cost a
// regular expression test of the file name.
import { basename, dirname } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { deploymentOf, projectDependsOn, projectRelativePath } from "./deployment.js";
import { contains, enclosingFunction, invokedCallee, isFunctionNode, reportAnalysisError, staticName, type FunctionNode } from "./ast.js";
import { originName, unwrap, type Bindings, type ModuleOrigin } from "./bindings.js";
import { diResolutionsOf } from "./di-containers.js";
import { originMatches, packageSpecifies } from "./value-specifier.js";
import { getAnalysisContext, type AnalysisContext } from "./context.js";
import type { AnalysisInput, ModuleFactsReader } from "./input.js";
import type { HoneyhiveSettings } from "./settings.js";
import { CALL_TYPES, nodesOfType, nodesOfTypes, nodesOfTypesWithin } from "./nodes.js";
import { getSdkModel, isSharedSessionField, isSharedSessionStartMember, thisClass, type TracerDeclaration } from "./sdk-model.js";
import { AttachedCache } from "./attached-cache.js";
import { includesText } from "./text-search.js";
import { callsDoneAfterFlush, flushesAroundNext, flushesOnEveryPath, flushTestOf, streamTracesUnflushed } from "./flush.js";
import { anyPlatformBackgroundTest, platformBackgroundTest } from "./background-work.js";
import { absolutePath, importedFact, projectModules } from "./project-modules.js";
import { importedWrapperFunctionsOf } from "./imported-wrappers.js";
import { configuredFolderEntry, hookMayReport, mayExportPlugin, mayHoldEntry, mayMatchConvention } from "./entry-gate.js";
import { mountedObject } from "./knowledge/frameworks/app-adapters.js";
import { moduleExportsValue } from "./knowledge/frameworks/common.js";
import { documentedStatement, jsdocModules, jsdocTypesBefore, mayHaveJsdocTypes } from "./jsdoc.js";
import { FRAMEWORKS, activeDescriptorsFor, frameworkById, globalRegistrations, knowledgeIndex, type ActiveDescriptors, type KindRef } from "./knowledge/index.js";
import type {
  ExportedValue,
  FileConvention,
  FlushShape,
  FrameworkDescriptor,
  HandlerHookApi,
  InvocationEntry,
  ObjectKind,
  PlatformDescriptor,
  PluginExport,
  Registration,
  RouteCover,
  ValueSpecifier,
  WorkHandedTo,
} from "./knowledge/types.js";

// Node-type lists asked of the node index, kept as constants: the index caches its merged lists per array.
const FUNCTION_TYPES = [AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression] as const;
const RETURN_TYPES = [AST_NODE_TYPES.ReturnStatement] as const;

/** The id of the framework descriptor that registered a handler (`express`, `hapi`, `nextjs`, …). */
export type RequestFramework = string;

/** A function a web framework calls once per request or job (route handler, middleware, hook, resolver, worker). */
export interface RequestHandler {
  readonly kind: "request";
  readonly function: FunctionNode;
  readonly framework: RequestFramework;
  /** What makes it a handler: the registering call, the decorator, the type, or the export. */
  readonly registration: TSESTree.Node;
}

/**
 * An entry point of a serverless platform that stops the work after the response (AWS Lambda, Google
 * Cloud Functions, Azure Functions, Netlify, Vercel, Cloudflare Workers, serverless Next.js). The
 * name stays from when AWS Lambda was the only one (for `middy(fn)`, `function` is `fn`).
 */
export interface LambdaHandler {
  readonly kind: "lambda";
  readonly function: FunctionNode;
  /** The name the platform knows it by: the export (`handler`, `GET`, `fetch`) or the registered name (`functions.http("name", …)`). */
  readonly exportName: string;
  /** Where to report: the exported name (identifier, `exports.handler` property, object key) or the registered name. */
  readonly nameNode: TSESTree.Node;
  /** The whole export or registration statement; a review marker goes before it. */
  readonly exportNode: TSESTree.Node;
  /** Exported as `middy(function)`; `function` is the wrapped one. */
  readonly middy: boolean;
  /** `(event, context, callback)`: the runtime waits for the callback, not for a promise. */
  readonly callbackStyle: boolean;
  /** The serverless platform that runs it (its name goes into messages; its hooks shape the fix). */
  readonly platform: PlatformDescriptor;
  /** The framework descriptor that found it, when it is not the platform's own API (Next.js on a serverless host). */
  readonly framework?: RequestFramework;
  /** `FileConvention.flushShape` of the convention that found it. */
  readonly flushShape?: FlushShape;
  /**
   * Request handlers of the file that run inside this invocation, handed it through a descriptor's
   * `invocationReceivers` (Bolt's listeners behind `await receiver.start()`): their tracing is the handler's.
   */
  readonly runsInside?: readonly FunctionNode[];
  /** `FrameworkDescriptor.workHandedTo` of the framework that found it. */
  readonly workHandedTo?: WorkHandedTo;
}

export type Handler = RequestHandler | LambdaHandler;

/**
 * The calls of `fn` that hand its work to its parameter's methods (`FrameworkDescriptor.workHandedTo`): the
 * service-worker syntax's `event.respondWith(handle(event.request))`, `event.waitUntil(run(event))`.
 */
export function workHandingCalls(input: AnalysisInput, fn: FunctionNode, spec: WorkHandedTo): TSESTree.CallExpression[] {
  const parameter = fn.params[spec.parameterIndex];
  if (parameter?.type !== "Identifier") return [];
  const { bindings } = getAnalysisContext(input);
  const variable = bindings.variableOf(parameter);
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], fn.body).filter((call) => {
    const callee = unwrap(call.callee);
    if (callee.type !== "MemberExpression" || !spec.methods.includes(staticName(callee.property, callee.computed) ?? "")) return false;
    const holder = unwrap(callee.object);
    return holder.type === "Identifier" && variable !== undefined && variable !== null && bindings.variableOf(holder) === variable;
  });
}

/** A class whose instances the framework makes per request: its field initializers and constructor run per request. */
export interface PerRequestClass {
  readonly framework: RequestFramework;
  /** What makes it per request: the decorator, or the injected parameter, or a container's resolve call in a handler. */
  readonly registration: TSESTree.Node;
  /** How messages name the class, when not "<framework> request-scoped class" (a DI container's per-resolve class). */
  readonly description?: string;
}

export interface HandlerModel {
  readonly requestHandlers: readonly RequestHandler[];
  /** Entry points of serverless platforms (see `LambdaHandler`). */
  readonly lambdaHandlers: readonly LambdaHandler[];
  /** The handler record of exactly this function, if it is one. */
  handlerOf(fn: TSESTree.Node): Handler | undefined;
  /** The innermost handler that lexically contains `node` (`node` itself included when it is one). */
  enclosingHandler(node: TSESTree.Node): Handler | undefined;
  /** `node` (a class) is instantiated per request (`PerRequestClass`). */
  perRequestClassOf(node: TSESTree.Node): PerRequestClass | undefined;
}

// ---------------------------------------------------------------------------------------------
// Matching values against descriptors' specifiers

export { originMatches };

/** Who registers: the descriptor, and the platform its handlers run on (if any). */
interface Owner {
  readonly descriptor: FrameworkDescriptor;
  readonly platform?: PlatformDescriptor;
}

/** On a platform: a callback that ends the request (the invocation), or a middleware/hook before it. */
type CallbackRole = "end" | "middleware";

function siblingKind(ref: KindRef, id: string | undefined): KindRef | undefined {
  const kind = id === undefined ? undefined : ref.descriptor.objects?.[id];
  return kind && id !== undefined ? { descriptor: ref.descriptor, id, kind } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * What the hook API asks of the analysis it belongs to (the analysis's own state stays private to it).
 */
interface HookHost {
  readonly isServerOrRoutedFile: boolean;
  hookNamedExports(): readonly ExportedValue[];
  hookIsHandler(fn: TSESTree.Node): boolean;
  hookRequest(functions: readonly FunctionNode[], registration: TSESTree.Node): void;
  hookInvocation(fn: FunctionNode, entry: InvocationEntry): void;
  hookPerRequestClass(node: TSESTree.Node, registration: TSESTree.Node): void;
}

/**
 * The one API object hooks and platform choosers see, with its methods on the prototype: one small
 * object per file instead of an object literal of fifteen closures (measured ~8 µs a file on the
 * 100%-SDK tree, and their garbage). A getter written in an object literal would also give each
 * object a hidden class of its own (holding that getter's closure), which V8 keeps in the old
 * generation: it pinned the analysis, and through it the file's AST, through every young-generation
 * collection (codemods/engine/parse.ts explains the same effect of typescript-estree's alias getters).
 */
class HookApi implements HandlerHookApi {
  readonly path: string;
  readonly filename: string;
  readonly cwd: string | undefined;
  readonly ast: TSESTree.Program;
  readonly text: string;
  readonly settings: HoneyhiveSettings;
  readonly readModuleFacts: ModuleFactsReader | undefined;

  constructor(
    private readonly host: HookHost,
    private readonly input: AnalysisInput,
    path: string,
    private readonly bindings: Bindings,
  ) {
    this.path = path;
    this.filename = input.filename;
    this.cwd = input.cwd;
    this.ast = input.ast;
    this.text = input.text;
    this.settings = input.settings;
    this.readModuleFacts = input.readModuleFacts;
  }

  get isServerOrRoutedFile(): boolean {
    return this.host.isServerOrRoutedFile;
  }

  /**
   * The last node `matches` resolved, and its origin: hooks and platform choosers test one node against
   * several specifiers in a row (AWS Lambda's seven vendor wrappers, each adapter of a list), and an
   * origin is a walk through the node's bindings, made anew by every `originOf`.
   */
  private matchedNode: TSESTree.Node | undefined;
  private matchedOrigin: ModuleOrigin | undefined;

  matches(node: TSESTree.Node, spec: ValueSpecifier): boolean {
    if (node !== this.matchedNode) {
      this.matchedOrigin = this.bindings.originOf(node);
      this.matchedNode = node;
    }
    return originMatches(this.matchedOrigin, spec);
  }

  originOf(node: TSESTree.Node): ModuleOrigin | undefined {
    return this.bindings.originOf(node);
  }

  isGlobal(identifier: TSESTree.Identifier): boolean {
    return this.bindings.isGlobal(identifier);
  }

  variableOf(identifier: TSESTree.Identifier): Scope.Variable | null | undefined {
    return this.bindings.variableOf(identifier);
  }

  valueOf(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
    return this.bindings.valueOf(identifier);
  }

  flushesOnEveryPath(fn: FunctionNode): boolean {
    return flushesOnEveryPath(fn, new Set(), flushTestOf(this.input), [], anyPlatformBackgroundTest(this.input));
  }

  functionsOf(node: TSESTree.Node | null | undefined): FunctionNode[] {
    return this.bindings.functionsOf(node);
  }

  returnedFunctionsOf(call: TSESTree.CallExpression): FunctionNode[] {
    const own = this.bindings.returnedFunctionsOf(call);
    // A wrapper imported from a project module: what its `returnsFunction` fact says runs (analysis/imported-wrappers.ts).
    return own.length > 0 ? own : importedWrapperFunctionsOf(this.input, this.bindings, call);
  }

  objectOf(node: TSESTree.Node | null | undefined): TSESTree.ObjectExpression | undefined {
    return this.bindings.objectOf(node);
  }

  namedExports(): readonly ExportedValue[] {
    return this.host.hookNamedExports();
  }

  isHandler(fn: TSESTree.Node): boolean {
    return this.host.hookIsHandler(fn);
  }

  request(functions: readonly FunctionNode[], registration: TSESTree.Node): void {
    this.host.hookRequest(functions, registration);
  }

  invocation(fn: FunctionNode, entry: InvocationEntry): void {
    this.host.hookInvocation(fn, entry);
  }

  perRequestClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, registration: TSESTree.Node): void {
    this.host.hookPerRequestClass(node, registration);
  }
}

class HandlerAnalysis implements HandlerModel, HookHost {
  readonly requestHandlers: RequestHandler[] = [];
  readonly lambdaHandlers: LambdaHandler[] = [];
  private readonly byFunction = new Map<TSESTree.Node, Handler>();
  /** Made on the first report: few files have one. */
  private perRequestClasses: Map<TSESTree.Node, PerRequestClass> | undefined;
  private readonly context: AnalysisContext;
  /** The descriptors whose modules the file imports (in registry order), flattened once per process for each such set. */
  private readonly active: ActiveDescriptors;
  private readonly kinds: readonly KindRef[];
  /** Every method and property name that any active object kind reacts to: the cheap gate for member calls. */
  private readonly memberNames: ReadonlySet<string>;
  // The tables below are made on first use: most files that reach the engine need few or none of them,
  // and every file that does pays for each one made (measured on the 100%-SDK tree, bench/NOTES.md).
  private objectKinds: Map<TSESTree.Node, KindRef | null> | undefined;
  private variableKinds: Map<Scope.Variable, KindRef | null> | undefined;
  /** Calls whose callee is a plain name (`fp(…)`, `registerRoutes(app)`) and calls of a member, in source order. */
  private callsByCallee: { readonly identifier: readonly TSESTree.CallExpression[]; readonly member: readonly TSESTree.CallExpression[] } | undefined;
  private listensAsServer = false;
  private routedFile = false;
  private exportsCache: ExportedValue[] | undefined;
  /** Exported plugin functions (`PluginExport`): the parameter that is the framework's object, and its kind. */
  private pluginParameters: Map<TSESTree.Node, { readonly index: number; readonly ref: KindRef }> | undefined;
  /** The kinds those parameters are: nothing else says they are the framework's objects, so their calls must look like registrations. */
  private pluginParameterKinds: Set<KindRef> | undefined;
  /** The descriptors whose hook has run on the file (made when the first one runs). */
  private hooksRun: Set<FrameworkDescriptor> | undefined;

  /** `gated`: hooks run only where their signs hold (see `hookMayReport`); ungated only to test the gate against the engine. */
  constructor(
    private readonly input: AnalysisInput,
    private readonly gated: boolean,
  ) {
    this.context = getAnalysisContext(input);
    const { ast } = input;
    this.active = this.activeWithPluginExports(activeDescriptorsFor(this.modulesWithJsdoc()));
    this.kinds = this.active.kinds;
    this.memberNames = this.active.memberNames;

    // The node index also sets `parent` where missing: ESLint sets it before rules run, a bare
    // typescript-estree parse (the codemods) does not.
    const calls = nodesOfTypes(ast, CALL_TYPES);
    const knowledge = knowledgeIndex();
    for (const node of calls) this.collectCall(node);
    for (const descriptor of this.active.descriptors) if (descriptor.hook?.trigger.imports) this.runHook(descriptor);
    if (mayMatchConvention(input)) {
      for (const descriptor of knowledge.withFiles) this.collectFileConventions(descriptor);
    }
    for (const descriptor of knowledge.withPathHooks) {
      if (descriptor.hook?.trigger.path?.test(this.context.path)) this.runHook(descriptor);
    }
    // A text found by its rarest character, and searched once for hooks in a row that share it ("use server").
    let searchedText: string | undefined;
    let found = false;
    for (const descriptor of knowledge.withTextHooks) {
      const text = descriptor.hook?.trigger.text;
      if (text === undefined) continue;
      if (text !== searchedText) {
        searchedText = text;
        found = includesText(input.text, text);
      }
      if (found) this.runHook(descriptor);
    }
    this.collectTypedHandlers();
    this.collectTypedResolverMaps();
    for (const descriptor of knowledge.withAlwaysHooks) this.runHook(descriptor);
    // Source order, whatever order the registrations were found in (`a.get(f).post(g)` visits `post` first).
    if (this.requestHandlers.length > 1) this.requestHandlers.sort(bySourceOrder);
  }

  /** The file's imported modules, and in JavaScript those its JSDoc types import (`@type {import("express").RequestHandler}`). */
  private modulesWithJsdoc(): ReadonlySet<string> {
    const imported = this.context.importedModules;
    if (!mayHaveJsdocTypes(this.input.ast, this.input.text, this.input.filename)) return imported;
    const documented = jsdocModules(this.input.text);
    return [...documented].every((module) => imported.has(module)) ? imported : new Set([...imported, ...documented]);
  }

  handlerOf(fn: TSESTree.Node): Handler | undefined {
    return this.byFunction.get(fn);
  }

  /**
   * The active descriptors, plus those whose plugin the file exports in a project that depends on them
   * (`PluginExport`): such a file imports nothing of the framework, so it is read as if it did. Only
   * files with a default or a matching named export pay for the project lookup (cached per directory).
   */
  private activeWithPluginExports(active: ActiveDescriptors): ActiveDescriptors {
    const added: FrameworkDescriptor[] = [];
    for (const descriptor of pluginExportDescriptors()) {
      for (const spec of descriptor.pluginExports!) {
        const kind = descriptor.objects?.[spec.object];
        if (!kind || !mayExportPlugin(this.input, spec)) continue;
        // The dependency first: it is one look-up per directory (the entry gate asked it already), where the
        // exported functions cost a walk of the exports for most files that export a default or a `handler`.
        const imported = active.descriptors.includes(descriptor);
        if (!imported && !projectDependsOn(this.input.filename, spec.projectDependency)) continue;
        const functions = this.pluginExportFunctions(spec);
        if (functions.length === 0) continue;
        const ref: KindRef = { descriptor, id: spec.object, kind };
        (this.pluginParameterKinds ??= new Set<KindRef>()).add(ref);
        const parameters = (this.pluginParameters ??= new Map<TSESTree.Node, { readonly index: number; readonly ref: KindRef }>());
        for (const fn of functions) if (!parameters.has(fn)) parameters.set(fn, { index: spec.serverParam, ref });
        if (!imported && !added.includes(descriptor)) added.push(descriptor);
      }
    }
    if (added.length === 0) return active;
    const modules = new Set(this.context.importedModules);
    // The descriptor's first plain module stands for an import of it: the registry's flattening is shared by every such file.
    for (const descriptor of added) {
      const module = descriptor.modules.find((name) => !name.endsWith("*"));
      if (module !== undefined) modules.add(module);
    }
    return activeDescriptorsFor(modules);
  }

  /** The plugin functions the file exports in `spec`'s shape. */
  private pluginExportFunctions(spec: PluginExport): FunctionNode[] {
    const { bindings } = this.context;
    const values: TSESTree.Node[] = [];
    if (spec.exports.includes("default")) values.push(...defaultExportValues(this.input.ast, bindings));
    const named = spec.exports.filter((name) => name !== "default");
    if (named.length > 0) for (const exported of this.namedExports()) if (named.includes(exported.name)) values.push(exported.value);
    if (spec.shape === "exported-function") return values.flatMap((value) => bindings.functionsOf(value));
    return values.flatMap((value) => {
      const register = bindings.objectOf(value)?.properties.find((property) => property.type === "Property" && staticName(property.key, property.computed) === "register");
      return register?.type === "Property" ? bindings.functionsOf(register.value) : [];
    });
  }

  enclosingHandler(node: TSESTree.Node): Handler | undefined {
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const handler = this.byFunction.get(current);
      if (handler) return handler;
    }
    return undefined;
  }

  private addRequest(functions: readonly FunctionNode[], framework: FrameworkDescriptor, registration: TSESTree.Node): void {
    for (const fn of functions) {
      if (this.byFunction.has(fn)) continue;
      const handler: RequestHandler = { kind: "request", function: fn, framework: framework.id, registration };
      this.requestHandlers.push(handler);
      this.byFunction.set(fn, handler);
    }
  }

  private addInvocation(fn: FunctionNode, entry: InvocationEntry, framework?: FrameworkDescriptor): void {
    if (this.byFunction.has(fn)) return;
    const handler: LambdaHandler = {
      kind: "lambda",
      function: fn,
      exportName: entry.exportName,
      nameNode: entry.nameNode,
      exportNode: entry.exportNode,
      middy: entry.middy ?? false,
      callbackStyle: entry.callbackStyle ?? false,
      platform: entry.platform,
      ...(framework && framework.platform !== entry.platform ? { framework: framework.id } : {}),
      ...(entry.flushShape && { flushShape: entry.flushShape }),
    };
    const workHandedTo = framework?.workHandedTo;
    const runsInside = workHandedTo ? this.handedWork(fn, workHandedTo) : this.active.hasInvocationReceivers ? this.receivedListeners(fn) : [];
    this.lambdaHandlers.push({ ...handler, ...(runsInside.length > 0 && { runsInside }), ...(workHandedTo && { workHandedTo }) });
    this.byFunction.set(fn, this.lambdaHandlers.at(-1)!);
  }

  /** `FrameworkDescriptor.workHandedTo`: the file's functions called in the work `fn` hands to its parameter (`event.respondWith(handle(event.request))`). */
  private handedWork(fn: FunctionNode, spec: WorkHandedTo): FunctionNode[] {
    const { bindings } = this.context;
    const found = new Set<FunctionNode>();
    for (const call of workHandingCalls(this.input, fn, spec)) {
      for (const argument of call.arguments) {
        for (const inner of nodesOfTypesWithin(this.input.ast, CALL_TYPES, argument)) for (const called of bindings.functionsOf(inner.callee)) found.add(called);
      }
    }
    return [...found];
  }

  /**
   * `FrameworkDescriptor.invocationReceivers`: the descriptor's request handlers of the file when `fn` calls
   * a handler method of a receiver the file gives an app of that descriptor (`const receiver = new
   * AwsLambdaReceiver(…)`, `new App({ receiver })`, `await receiver.start()` in `fn`). Read after the
   * registrations: the Lambda hook runs last. A handler counts when its registering call's receiver is an
   * app given that receiver (`app.event(…)` on `const app = new App({ receiver })`), or cannot be told (two
   * apps of one file, one per receiver, keep their listeners apart).
   */
  private receivedListeners(fn: FunctionNode): FunctionNode[] {
    const { bindings } = this.context;
    for (const descriptor of this.active.descriptors) {
      for (const spec of descriptor.invocationReceivers ?? []) {
        for (const call of nodesOfTypesWithin(this.input.ast, CALL_TYPES, fn.body)) {
          const callee = call.callee;
          if (callee.type !== "MemberExpression" || !spec.handlerMethods.includes(staticName(callee.property, callee.computed) ?? "")) continue;
          const receiver = unwrap(callee.object);
          const created = receiver.type === "Identifier" ? bindings.valueOf(receiver) : undefined;
          if (created?.type !== "NewExpression" || !originMatches(bindings.originOf(created.callee), spec.value)) continue;
          const apps = this.appsGiven(receiver as TSESTree.Identifier, spec.option, descriptor);
          if (apps.length === 0) continue;
          return this.requestHandlers.filter((handler) => handler.framework === descriptor.id && this.registeredOnOneOf(handler.registration, apps)).map((handler) => handler.function);
        }
      }
    }
    return [];
  }

  /** `new App({ receiver })` / `{ receiver: awsLambdaReceiver }`: the descriptor's objects made with the variable as the value of `option`. */
  private appsGiven(receiver: TSESTree.Identifier, option: string, descriptor: FrameworkDescriptor): TSESTree.Node[] {
    const variable = this.context.bindings.variableOf(receiver);
    return (variable?.references ?? []).flatMap(({ identifier }) => {
      const property = identifier.parent;
      if (property?.type !== "Property" || property.value !== identifier || staticName(property.key, property.computed) !== option) return [];
      const options = property.parent;
      const app = options?.parent;
      const made = (app?.type === "NewExpression" || app?.type === "CallExpression") && app.arguments.includes(options as TSESTree.ObjectExpression) && this.objectKindOf(app)?.descriptor === descriptor;
      return made ? [app] : [];
    });
  }

  /** `registration` is a method call on a name that holds one of `apps`, or on something whose value cannot be told. */
  private registeredOnOneOf(registration: TSESTree.Node, apps: readonly TSESTree.Node[]): boolean {
    const callee = registration.type === "CallExpression" ? unwrap(registration.callee) : undefined;
    const object = callee?.type === "MemberExpression" ? unwrap(callee.object) : undefined;
    if (object?.type !== "Identifier") return true;
    const value = this.context.bindings.valueOf(object);
    return value === undefined || apps.some((app) => unwrap(value) === app);
  }

  /** Request handlers, or invocation entry points when the owner runs on a platform. */
  private addHandlers(
    functions: readonly FunctionNode[],
    owner: Owner,
    registration: TSESTree.Node,
    name?: { text: string; node: TSESTree.Node },
    roles?: ReadonlyMap<FunctionNode, CallbackRole>,
    coveredHere = false,
  ): void {
    if (!owner.platform) {
      this.addRequest(functions, owner.descriptor, registration);
      return;
    }
    // A middleware or hook does not end the invocation: the route after it does (an Express middleware
    // before a route served by serverless-http). Where it is registered decides (`Registration.ends`);
    // else a callback that takes the framework's `next` (its `sessionFlow`) hands the request on.
    // A route that a flushing middleware or hook covers (`RouteCover`) ends an invocation that flushes.
    const passesOn = owner.descriptor.sessionFlow?.beforeHandler["*"]?.nextParameterByArity;
    let covered: boolean | undefined = coveredHere || undefined;
    for (const fn of functions) {
      const role = roles?.get(fn) ?? (passesOn?.[fn.params.length] !== undefined ? "middleware" : "end");
      if (role === "end") covered ??= this.isCoveredRoute(registration, owner.descriptor);
      // A middleware's flush after `await next()` runs once the route has made its Response, before the
      // stream that Response carries has run: a route whose stream traces unflushed is not covered.
      if (role === "middleware" || (covered && !streamTracesUnflushed(this.input, fn))) {
        this.addRequest([fn], owner.descriptor, registration);
        continue;
      }
      this.addInvocation(
        fn,
        {
          platform: owner.platform,
          exportName: name?.text ?? fn.id?.name ?? owner.descriptor.name,
          nameNode: name?.node ?? registration,
          exportNode: topLevelStatementOf(registration),
        },
        owner.descriptor,
      );
    }
  }

  private apiValue: HandlerHookApi | undefined;

  /** The one API object hooks and platform choosers see; reports go to the descriptor whose hook runs. */
  private get api(): HandlerHookApi {
    return (this.apiValue ??= this.hookApi());
  }

  private hookApi(): HandlerHookApi {
    return new HookApi(this, this.input, this.context.path, this.context.bindings);
  }

  // --- what the hook API asks (HookHost) ---

  get isServerOrRoutedFile(): boolean {
    return this.listensAsServer || this.routedFile;
  }

  hookNamedExports(): readonly ExportedValue[] {
    return this.namedExports();
  }

  hookIsHandler(fn: TSESTree.Node): boolean {
    return this.byFunction.has(fn);
  }

  hookRequest(functions: readonly FunctionNode[], registration: TSESTree.Node): void {
    this.addRequest(functions, this.currentHookOwner(), registration);
  }

  hookInvocation(fn: FunctionNode, entry: InvocationEntry): void {
    this.addInvocation(fn, entry, this.currentHookOwner());
  }

  hookPerRequestClass(node: TSESTree.Node, registration: TSESTree.Node): void {
    const classes = (this.perRequestClasses ??= new Map<TSESTree.Node, PerRequestClass>());
    if (!classes.has(node)) classes.set(node, { framework: this.currentHookOwner().id, registration });
  }

  perRequestClassOf(node: TSESTree.Node): PerRequestClass | undefined {
    return this.perRequestClasses?.get(node) ?? this.resolvedPerRequest(node);
  }

  /**
   * A class a DI container (knowledge/di-containers.ts) makes anew on every resolve, resolved inside a
   * handler of this file (`container.resolve(Tracing)` in a route): its instance is made per request.
   */
  private resolvedPerRequest(node: TSESTree.Node): PerRequestClass | undefined {
    for (const resolution of diResolutionsOf(this.input, node)) {
      if (resolution.lifetime === "perResolve" && this.enclosingHandler(resolution.call)) {
        return { framework: resolution.descriptor.id, registration: resolution.call, description: resolution.descriptor.perResolveClass };
      }
    }
    return undefined;
  }

  /** The descriptor whose hook is running (hooks report through the one API object). */
  private hookOwner: FrameworkDescriptor | undefined;
  private currentHookOwner(): FrameworkDescriptor {
    if (!this.hookOwner) throw new Error("honeyhive: a handler hook reported outside of its run");
    return this.hookOwner;
  }

  // --- framework objects ---------------------------------------------------------------------

  /** What framework object an expression evaluates to (`express()`, `new Hono()`, a typed parameter…). */
  private objectKindOf(node: TSESTree.Node): KindRef | undefined {
    if (this.kinds.length === 0) return undefined;
    const target = unwrap(node);
    const objectKinds = (this.objectKinds ??= new Map<TSESTree.Node, KindRef | null>());
    const known = objectKinds.get(target);
    if (known !== undefined) return known ?? undefined;
    objectKinds.set(target, null); // cycle guard: `let app = app.use(…)`
    const kind = this.computeObjectKind(target);
    objectKinds.set(target, kind ?? null);
    return kind;
  }

  private computeObjectKind(target: TSESTree.Node): KindRef | undefined {
    const { bindings } = this.context;
    switch (target.type) {
      case "Identifier":
      case "MemberExpression": {
        const origin = this.active.valueKinds.length > 0 ? bindings.originOf(target) : undefined;
        const value = origin && this.active.valueKinds.find((ref) => ref.kind.isValue?.some((spec) => originMatches(origin, spec)) || importedFromMatches(origin, ref.kind));
        if (value) return value;
        if (target.type === "Identifier") return this.objectKindOfVariable(target);
        // `this.router` of `readonly router = express.Router()` (or of its one assignment in the class).
        if (target.object.type === "ThisExpression") {
          const field = thisFieldValue(this.input.ast, target);
          return field && this.objectKindOf(field);
        }
        const property = staticName(target.property, target.computed);
        const base = property !== undefined && this.memberNames.has(property) ? this.objectKindOf(target.object) : undefined;
        return base && siblingKind(base, base.kind.properties?.[property!]);
      }
      case "NewExpression":
      case "CallExpression": {
        const isNew = target.type === "NewExpression";
        const origin = bindings.originOf(target.callee);
        const created =
          origin &&
          this.kinds.find((ref) => ref.kind.createdBy?.some((entry) => (entry.new === undefined || entry.new === isNew) && originMatches(origin, entry.value)));
        if (created || isNew || target.callee.type !== "MemberExpression") return created;
        // Chained registration returns the object itself: `new Hono().get(…).post(…)`, `app.route("/x").get(h)`.
        const method = staticName(target.callee.property, target.callee.computed);
        if (method === undefined || !this.memberNames.has(method)) return undefined;
        const receiver = this.objectKindOf(target.callee.object);
        if (!receiver) return undefined;
        const returned = receiver.kind.returns?.[method];
        if (returned !== undefined) return siblingKind(receiver, returned);
        const { kind } = receiver;
        const chains = (kind.methods && Object.hasOwn(kind.methods, method)) || kind.chainable?.includes(method) || kind.listens?.includes(method);
        return chains ? receiver : undefined;
      }
      default:
        return undefined;
    }
  }

  private objectKindOfVariable(identifier: TSESTree.Identifier): KindRef | undefined {
    const variable = this.context.bindings.variableOf(identifier);
    if (!variable) return undefined;
    const variableKinds = (this.variableKinds ??= new Map<Scope.Variable, KindRef | null>());
    const known = variableKinds.get(variable);
    if (known !== undefined) return known ?? undefined;
    variableKinds.set(variable, null); // cycle guard
    const kind = this.computeVariableKind(variable);
    variableKinds.set(variable, kind ?? null);
    return kind;
  }

  private computeVariableKind(variable: Scope.Variable): KindRef | undefined {
    for (const reference of variable.references) {
      if (!reference.writeExpr) continue;
      // `const { procedure } = initTRPC.create()`: the variable is a property of what is written.
      const key = destructuredKey(reference.identifier);
      if (key === null) continue;
      const base = this.objectKindOf(reference.writeExpr);
      const written = key === undefined ? base : base && siblingKind(base, base.kind.properties?.[key]);
      if (written) return written;
    }
    for (const def of variable.defs) {
      if (def.type !== "Parameter") continue;
      const parameter = def.name as TSESTree.Identifier;
      const typed = this.typedObjectKind(parameter.typeAnnotation?.typeAnnotation);
      if (typed) return typed;
      const fn = def.node;
      if (!isFunctionNode(fn)) continue;
      const index = fn.params.indexOf(parameter);
      const exportedPlugin = this.pluginParameters?.get(fn);
      if (exportedPlugin && exportedPlugin.index === index) return exportedPlugin.ref;
      const option = this.kinds.find((ref) => ref.kind.optionParameters?.some((spec) => spec.parameter === index && this.isOptionOf(fn, spec)));
      if (option) return option;
      if (index === 0) {
        const plugin = this.kinds.find((ref) => ref.kind.plugins && this.isPluginOf(fn, ref));
        if (plugin) return plugin;
      }
      if (index !== -1) {
        const passed = this.argumentKindAtCallSites(fn, index);
        if (passed) return passed;
      }
    }
    return undefined;
  }

  /** The file's calls by the shape of their callee (see `callsByCallee`). */
  private calls(): NonNullable<HandlerAnalysis["callsByCallee"]> {
    if (!this.callsByCallee) {
      const identifier: TSESTree.CallExpression[] = [];
      const member: TSESTree.CallExpression[] = [];
      for (const node of nodesOfTypes(this.input.ast, CALL_TYPES)) {
        if (node.type !== "CallExpression") continue;
        if (node.callee.type === "MemberExpression") member.push(node);
        else if (node.callee.type === "Identifier") identifier.push(node);
      }
      this.callsByCallee = { identifier, member };
    }
    return this.callsByCallee;
  }

  /** `ObjectKind.optionParameters`: `fn` is the value of `spec.option` in options given with `spec.beside` (inline, or by a name of the file). */
  private isOptionOf(fn: FunctionNode, spec: NonNullable<ObjectKind["optionParameters"]>[number]): boolean {
    const { bindings } = this.context;
    const declared = fn.type === "FunctionDeclaration" ? fn.id : fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn ? fn.parent.id : undefined;
    const variable = declared?.type === "Identifier" ? bindings.variableOf(declared) : undefined;
    const values: TSESTree.Node[] = variable ? variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier) : [fn];
    return values.some((value) => {
      const property = value.parent;
      if (property?.type !== "Property" || property.value !== value || staticName(property.key, property.computed) !== spec.option) return false;
      const options = property.parent;
      const call = options?.parent;
      if (call?.type !== "CallExpression" || !call.arguments.includes(options as TSESTree.ObjectExpression)) return false;
      return [call.callee, ...call.arguments].some((candidate) => candidate !== options && candidate.type !== "SpreadElement" && originMatches(bindings.originOf(candidate), spec.beside));
    });
  }

  /** `function routes(app) { app.get(…) }` called in this file as `routes(express())` / `routes(app)`. */
  private argumentKindAtCallSites(fn: FunctionNode, index: number): KindRef | undefined {
    for (const call of this.calls().identifier) {
      const argument = call.arguments[index];
      if (!argument || argument.type === "SpreadElement") continue;
      if (!this.context.bindings.functionsOf(call.callee).includes(fn)) continue;
      const kind = this.objectKindOf(argument);
      if (kind) return kind;
    }
    return undefined;
  }

  private typedObjectKind(type: TSESTree.TypeNode | undefined): KindRef | undefined {
    if (type?.type !== "TSTypeReference") return undefined;
    const origin = this.context.bindings.originOf(type.typeName);
    return origin && this.kinds.find((ref) => ref.kind.types?.some((spec) => originMatches(origin, spec)));
  }

  /** `fastify.register(fn)`, `fp(fn)` from fastify-plugin, or `const fn: FastifyPluginAsync = …`. */
  private isPluginOf(fn: FunctionNode, ref: KindRef): boolean {
    const plugins = ref.kind.plugins;
    if (!plugins) return false;
    const { bindings } = this.context;
    for (const call of this.calls().member) {
      const callee = call.callee as TSESTree.MemberExpression;
      if (staticName(callee.property, callee.computed) !== plugins.registerMethod) continue;
      // Any argument: `register(fn, opts)`, and Elysia's `group(prefix, fn)` after its prefix.
      if (call.arguments.some((argument) => bindings.functionsOf(argument).includes(fn)) && this.objectKindOf(callee.object)?.kind === ref.kind) return true;
    }
    for (const call of this.calls().identifier) {
      const origin = bindings.originOf(call.callee);
      if (plugins.wrappers?.some((spec) => originMatches(origin, spec)) && bindings.functionsOf(call.arguments[0]).includes(fn)) return true;
    }
    const holder = fn.parent;
    const types = plugins.types;
    if (types && holder?.type === "VariableDeclarator" && holder.init === fn && holder.id.type === "Identifier") {
      const type = holder.id.typeAnnotation?.typeAnnotation;
      if (type?.type === "TSTypeReference") {
        const origin = bindings.originOf(type.typeName);
        const fromTypes = origin && (types.packages.includes(origin.module) || types.packagePrefixes?.some((prefix) => origin.module.startsWith(prefix)));
        return fromTypes === true && origin!.path.length === 1 && types.pattern.test(origin!.path[0]);
      }
    }
    return false;
  }

  // --- registrations -------------------------------------------------------------------------

  private collectCall(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const callee = call.callee;
    if (call.type === "CallExpression" && callee.type === "MemberExpression") {
      const method = staticName(callee.property, callee.computed);
      if (method !== undefined && this.memberNames.has(method)) this.collectMethodCall(call, method);
    }
    if (call.arguments.length === 0) return;
    this.collectCallRegistrations(call);
    this.collectGlobalRegistration(call);
  }

  private collectMethodCall(call: TSESTree.CallExpression, method: string): void {
    const callee = call.callee as TSESTree.MemberExpression;
    const receiver = this.objectKindOf(callee.object);
    if (receiver) {
      if (receiver.kind.listens?.includes(method)) this.listensAsServer = true;
      const registration = receiver.kind.methods && Object.hasOwn(receiver.kind.methods, method) ? receiver.kind.methods[method] : undefined;
      if (registration && (!this.pluginParameterKinds?.has(receiver) || this.looksLikeRegistration(call))) this.register(call, registration, this.ownerOf(receiver.descriptor), callee.property);
    }
    for (const { descriptor, registration } of this.active.pluginRegistrations) {
      const first = call.arguments[0];
      if (registration.method === method && first && originMatches(this.context.bindings.originOf(first), registration.plugin)) {
        this.register(call, registration, this.ownerOf(descriptor), callee.property);
      }
    }
  }

  /**
   * A call on an exported plugin's parameter registers only with a route path, hook name or options
   * object first (`fastify.get("/", fn)`, `server.route({ … })`): a `cache.get(key, callback)` does not.
   */
  private looksLikeRegistration(call: TSESTree.CallExpression): boolean {
    const first = call.arguments[0];
    if (!first || first.type === "SpreadElement") return false;
    const target = unwrap(first);
    return staticName(target, true) !== undefined || target.type === "ObjectExpression" || target.type === "ArrayExpression" || this.context.bindings.objectOf(target) !== undefined;
  }

  private collectCallRegistrations(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    let origin: ModuleOrigin | undefined | null = null; // resolved once, on the first registration that may match
    for (const { descriptor, registration } of this.active.callRegistrations) {
      if (registration.new !== undefined && registration.new !== (call.type === "NewExpression")) continue;
      if (origin === null) origin = this.context.bindings.originOf(call.callee);
      if (!origin) return;
      if (originMatches(origin, registration.callee)) this.register(call, registration, this.ownerOf(descriptor), call.callee);
    }
  }

  /** `Bun.serve({ fetch })`, Nuxt's auto-imported `defineEventHandler(fn)`: names no declaration in the file shadows. */
  private collectGlobalRegistration(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const globals = globalRegistrations();
    let root: TSESTree.Node = call.callee;
    while (root.type === "MemberExpression") root = root.object;
    if (root.type !== "Identifier" || !globals.roots.has(root.name) || !this.context.bindings.isGlobal(root)) return;
    const path: string[] = [];
    for (let member: TSESTree.Node = call.callee; member.type === "MemberExpression"; member = member.object) {
      const name = staticName(member.property, member.computed);
      if (name === undefined) return;
      path.unshift(name);
    }
    for (const { descriptor, registration } of globals.byName.get([root.name, ...path].join(".")) ?? []) {
      if (registration.path && !registration.path.test(this.context.path)) continue;
      const owner = this.ownerOf(descriptor);
      if (registration.onlyOnPlatform && !owner.platform) continue;
      this.register(call, registration, owner, call.callee);
    }
  }

  /** One owner per descriptor and file (a file registers many routes on one app), its platform chosen once. */
  private owners: Map<FrameworkDescriptor, Owner> | undefined;

  private ownerOf(descriptor: FrameworkDescriptor): Owner {
    const owners = (this.owners ??= new Map<FrameworkDescriptor, Owner>());
    let owner = owners.get(descriptor);
    if (!owner) {
      const platform = typeof descriptor.platform === "function" ? descriptor.platform(this.api) : descriptor.platform;
      owner = platform ? { descriptor, platform } : { descriptor };
      owners.set(descriptor, owner);
    }
    return owner;
  }

  /** The functions a registering call's arguments hold, per the descriptor's registration. */
  private register(call: TSESTree.CallExpression | TSESTree.NewExpression, registration: Registration, owner: Owner, nameFallback: TSESTree.Node): void {
    const args = call.arguments;
    const positional = registration.when === undefined || this.argumentIn(args[registration.when.argument], registration.when);
    if (!positional && !registration.optionsWhen) return;
    const { bindings } = this.context;
    const positions = registration.arguments ?? "all";
    let functions: FunctionNode[] = [];
    const roles = new Map<FunctionNode, CallbackRole>();
    // Error handlers run only for a failed request (`Registration.errorHandlers`): never its end, and
    // not the last callback of a route either (`app.post(path, handler, (err, req, res, next) => …)`).
    const errors = registration.errorHandlers;
    const isErrorHandler = (fn: FunctionNode): boolean => errors !== undefined && (errors === true || functionLength(fn) === errors.errorArity);
    let lastPositional: FunctionNode[] = [];
    let coveredHere = false;
    args.forEach((argument, index) => {
      if (argument.type === "SpreadElement") return;
      if (positional && (positions === "all" ? argument.type !== "ObjectExpression" : positions.includes(index))) {
        const found = bindings.functionsOf(argument);
        if (found.some((fn) => !isErrorHandler(fn))) lastPositional = found;
        for (const fn of found) if (registration.ends) roles.set(fn, "middleware");
        functions.push(...found);
      }
      if (positional && registration.methodMaps?.includes(index)) functions.push(...this.methodMapFunctions(argument, registration));
      if (registration.options || registration.resolverMaps) {
        const target = unwrap(argument);
        const objects = target.type === "ArrayExpression" ? target.elements : [argument];
        for (const element of objects) {
          const options = element && element.type !== "SpreadElement" ? bindings.objectOf(element) : undefined;
          if (!options || !optionsApply(options, registration)) continue;
          functions.push(...this.optionFunctions(options, registration));
          for (const property of options.properties) {
            const key = property.type === "Property" ? staticName(property.key, property.computed) : undefined;
            if (key === undefined || property.type !== "Property") continue;
            if (registration.coveringOptions?.keys.includes(key) && owner.platform && this.callbackCovers(property.value, registration.coveringOptions, owner.descriptor)) coveredHere = true;
            if (!registration.hookOptions?.includes(key)) continue;
            for (const fn of bindings.functionsOf(property.value)) roles.set(fn, "middleware");
          }
        }
      }
    });
    if (registration.ends === "last") for (const fn of lastPositional) roles.set(fn, "end");
    for (const fn of functions) if (isErrorHandler(fn)) roles.set(fn, "middleware");
    if (registration.returnsHandler) functions = functions.flatMap((factory) => this.returnedFunctions(factory));
    const nameArgument = registration.nameArgument === undefined ? undefined : args[registration.nameArgument];
    const nameText = nameArgument && staticName(nameArgument, true);
    const nameNode = nameFallback.type === "MemberExpression" ? nameFallback.property : nameFallback;
    const exported = registration.nameFromExport && nameText === undefined ? this.namedExports().find((candidate) => unwrap(candidate.value) === call) : undefined;
    const name =
      nameText !== undefined
        ? { text: nameText, node: nameArgument! }
        : exported
          ? { text: exported.name, node: exported.nameNode }
          : { text: nodeName(nameNode) ?? owner.descriptor.name, node: nameNode };
    this.addHandlers(functions, owner, call, name, roles, coveredHere);
  }

  // --- routes covered by a flushing middleware or hook (`RouteCover`) --------------------------

  /**
   * Per descriptor: the objects (by `coverKey`) whose routes a flushing callback covers → routes
   * registered after this position (-1: all): the end of the covering call, compared with where a
   * registration's method name starts (`registeredAt`), so that a chain `app.use(mw).post(…)`, whose
   * calls all start at `app`, is ordered too.
   */
  private covers: Map<FrameworkDescriptor, Map<unknown, number>> | undefined;

  /** A route registered by `registration` (a call on an object of `descriptor`) that a flushing middleware or hook covers. */
  private isCoveredRoute(registration: TSESTree.Node, descriptor: FrameworkDescriptor): boolean {
    if (registration.type !== "CallExpression" || registration.callee.type !== "MemberExpression") return false;
    const covers = this.coversOf(descriptor);
    if (covers.size === 0) return false;
    // A hook of an instance covers the instances registered on it as plugins (they inherit its hooks).
    let object: TSESTree.Node | undefined = registration.callee.object;
    for (let depth = 0; object && depth < MAX_PLUGIN_DEPTH; depth += 1, object = this.pluginParent(object)?.parent) {
      const from = covers.get(this.coverKey(object));
      if (from !== undefined && from < registeredAt(registration)) return true;
    }
    return false;
  }

  private coversOf(descriptor: FrameworkDescriptor): Map<unknown, number> {
    const all = (this.covers ??= new Map<FrameworkDescriptor, Map<unknown, number>>());
    let covers = all.get(descriptor);
    if (covers) return covers;
    covers = new Map<unknown, number>();
    all.set(descriptor, covers);
    if (!hasRouteCovers(descriptor)) return covers;
    const cover = (key: unknown, from: number): void => {
      const known = covers!.get(key);
      if (known === undefined || from < known) covers!.set(key, from);
    };
    const onDescriptor: Array<{ readonly call: TSESTree.CallExpression; readonly receiver: KindRef }> = [];
    for (const call of this.calls().member) {
      const callee = call.callee as TSESTree.MemberExpression;
      const method = staticName(callee.property, callee.computed);
      if (method === undefined || !this.memberNames.has(method)) continue;
      const receiver = this.objectKindOf(callee.object);
      if (receiver?.descriptor !== descriptor) continue;
      onDescriptor.push({ call, receiver });
      const registration = receiver.kind.methods && Object.hasOwn(receiver.kind.methods, method) ? receiver.kind.methods[method] : undefined;
      const rule = registration?.coversRoutes;
      if (!rule || (rule.when && !stringArgumentIn(call.arguments[rule.when.argument], rule.when.oneOf))) continue;
      const path = rule.runs === "aroundNext" && call.arguments[0] ? staticName(unwrap(call.arguments[0]), true) : undefined;
      if (path !== undefined && !rule.catchAllPaths?.includes(path)) continue;
      const positions = registration.arguments ?? "all";
      const covering = call.arguments.some(
        (argument, index) => argument.type !== "SpreadElement" && (positions === "all" || positions.includes(index)) && this.callbackCovers(argument, rule, descriptor),
      );
      if (!covering) continue;
      if (rule.runs === "afterHandler") {
        // Of this instance and its children (`isCoveredRoute`); a plugin wrapped by `fastify-plugin`
        // shares its instance with the one it is registered on, hooks included.
        let object: TSESTree.Node | undefined = callee.object;
        for (let depth = 0; object && depth < MAX_PLUGIN_DEPTH; depth += 1) {
          cover(this.coverKey(object), -1);
          const parent = this.pluginParent(object);
          object = parent?.wrapped ? parent.parent : undefined;
        }
      } else {
        cover(this.coverKey(callee.object), call.range[1]);
      }
    }
    // A router or sub-app mounted on a covered object after the covering middleware runs inside it:
    // `app.use(router.routes())`, `app.route("/api", api)`. Twice, for a router mounted on a mounted router.
    // Mounted as the receiver's kind says (`ObjectKind.mounts`).
    for (let pass = 0; pass < 2; pass += 1) {
      for (const { call, receiver } of onDescriptor) {
        const callee = call.callee as TSESTree.MemberExpression;
        const mounting = receiver.kind.mounts;
        if (!mounting || staticName(callee.property, callee.computed) !== mounting.method) continue;
        const from = covers.get(this.coverKey(callee.object));
        if (from === undefined || from >= registeredAt(call)) continue;
        for (const argument of call.arguments) {
          const mounted = mountedObject(argument, mounting);
          if (this.objectKindOf(mounted)?.descriptor === descriptor) cover(this.coverKey(mounted), -1);
        }
      }
    }
    return covers;
  }

  /** Does the callback `argument` (inline, by name, or imported from a project module) flush where `rule` says it must? */
  private callbackCovers(argument: TSESTree.Node, rule: RouteCover, descriptor: FrameworkDescriptor): boolean {
    const isFlush = flushTestOf(this.input);
    const accepts = platformBackgroundTest(this.input, this.ownerOf(descriptor).platform, { framework: descriptor.id });
    const nextByArity = descriptor.sessionFlow?.beforeHandler["*"]?.nextParameterByArity;
    const functions = this.context.bindings.functionsOf(argument);
    if (functions.length > 0) {
      return functions.some((fn) => {
        if (rule.runs === "afterHandler") {
          const done = rule.doneParameterByArity?.[fn.params.length];
          return done !== undefined && !fn.async ? callsDoneAfterFlush(fn, done, isFlush, accepts) : flushesOnEveryPath(fn, new Set(), isFlush, [], accepts);
        }
        const next = nextByArity?.[fn.params.length];
        return next !== undefined && flushesAroundNext(fn, next, isFlush, accepts);
      });
    }
    const target = unwrap(argument);
    const variable = target.type === "Identifier" ? this.context.bindings.variableOf(target) : undefined;
    if (!variable) return false;
    if (rule.runs === "afterHandler") return importedFact(this.input, variable, "flushHelper") !== undefined;
    const fact = importedFact(this.input, variable, "flushesAroundNext");
    return fact !== undefined && nextByArity?.[fact.parameters] === fact.next;
  }

  /**
   * The object a registering call is made on, past calls that return it (`app.use(a).get(…)`) and
   * through the `const` that holds a view of it (`const api = app.basePath("/api")`, `sharesRoutes`):
   * its variable, else the node.
   */
  private coverKey(node: TSESTree.Node): unknown {
    let target = unwrap(node);
    for (let depth = 0; depth < 8; depth += 1) {
      while (target.type === "CallExpression" && target.callee.type === "MemberExpression" && this.objectKindOf(target) === this.objectKindOf(target.callee.object)) {
        target = unwrap(target.callee.object);
      }
      const view = target.type === "Identifier" ? this.sharedRoutesView(target) : undefined;
      if (!view) break;
      target = view;
    }
    return (target.type === "Identifier" && this.context.bindings.variableOf(target)) || target;
  }

  /** `app` of a never-reassigned `const api = app.basePath("/api")` whose method `sharesRoutes` of its kind. */
  private sharedRoutesView(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
    const value = this.context.bindings.valueOf(identifier);
    const init = value && unwrap(value);
    if (init?.type !== "CallExpression" || init.callee.type !== "MemberExpression") return undefined;
    const method = staticName(init.callee.property, init.callee.computed);
    const receiver = method === undefined ? undefined : this.objectKindOf(init.callee.object);
    return receiver?.kind.sharesRoutes?.includes(method!) ? unwrap(init.callee.object) : undefined;
  }

  /**
   * The instance a plugin's parameter comes from: `app` for `instance` of `app.register(async (instance)
   * => …)` (the kind's `plugins.registerMethod`); `wrapped` when the plugin goes through one of its
   * `wrappers` (`app.register(fp(async (instance) => …))`).
   */
  private pluginParent(node: TSESTree.Node): { readonly parent: TSESTree.Node; readonly wrapped: boolean } | undefined {
    const target = unwrap(node);
    const def = target.type === "Identifier" ? this.context.bindings.variableOf(target)?.defs[0] : undefined;
    const fn = def?.type === "Parameter" ? def.node : undefined;
    if (!fn || !isFunctionNode(fn) || fn.params[0] !== def!.name) return undefined;
    let argument: TSESTree.Node = fn;
    let wrapped = false;
    let call = fn.parent;
    if (call?.type === "CallExpression" && call.callee.type !== "MemberExpression" && call.arguments.includes(fn as TSESTree.Expression)) {
      const wrapperOrigin = this.context.bindings.originOf(call.callee);
      if (!this.objectKindOf(target)?.kind.plugins?.wrappers?.some((wrapper) => originMatches(wrapperOrigin, wrapper))) return undefined;
      argument = call;
      wrapped = true;
      call = call.parent;
    }
    if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || !call.arguments.includes(argument as TSESTree.Expression)) return undefined;
    const registerMethod = this.objectKindOf(call.callee.object)?.kind.plugins?.registerMethod;
    return registerMethod !== undefined && staticName(call.callee.property, call.callee.computed) === registerMethod ? { parent: call.callee.object, wrapped } : undefined;
  }

  /** The functions a factory returns: an arrow's expression body, or the arguments of its own `return` statements. */
  private returnedFunctions(factory: FunctionNode): FunctionNode[] {
    const { bindings } = this.context;
    if (factory.body.type !== "BlockStatement") return bindings.functionsOf(factory.body);
    return nodesOfTypesWithin(this.input.ast, RETURN_TYPES, factory.body)
      .filter((statement) => statement.argument && enclosingFunction(statement) === factory)
      .flatMap((statement) => bindings.functionsOf(statement.argument));
  }

  private optionFunctions(options: TSESTree.ObjectExpression, registration: Registration, depth = 0): FunctionNode[] {
    const { bindings } = this.context;
    const functions: FunctionNode[] = [];
    for (const property of options.properties) {
      if (property.type !== "Property") continue;
      const key = staticName(property.key, property.computed);
      if (key === undefined) continue;
      // `{ handler }` shorthand and `{ async handler(req, reply) {} }` methods both land here.
      if (registration.options?.includes(key)) functions.push(...bindings.functionsOf(property.value));
      if (registration.resolverMaps?.includes(key)) functions.push(...this.resolverFunctions(property.value, registration.resolverMapExcept?.[key]));
      if (depth === 0 && registration.optionContainers?.includes(key)) {
        const nested = bindings.objectOf(property.value);
        if (nested) functions.push(...this.optionFunctions(nested, registration, depth + 1));
      }
    }
    return functions;
  }

  /** `when`'s test: a string of `oneOf`, or a package constant holding one (`Events.MessageCreate` of discord.js). */
  private argumentIn(value: TSESTree.Node | undefined, when: NonNullable<Registration["when"]>): boolean {
    if (stringArgumentIn(value, when.oneOf)) return true;
    const { constants } = when;
    const target = constants && value ? unwrap(value) : undefined;
    if (target?.type !== "MemberExpression") return false;
    const origin = this.context.bindings.originOf(target);
    if (!origin || origin.typeOnly || !packageSpecifies(constants!.package, origin.module)) return false;
    const path = originName(origin);
    return Object.hasOwn(constants!.values, path) && when.oneOf.includes(constants!.values[path]!);
  }

  /** The handlers of a `methodMaps` argument: an object of them, or (`methodMapInstances`) an instance of a class of the file. */
  private methodMapFunctions(argument: TSESTree.Node, registration: Registration): FunctionNode[] {
    const instances = registration.methodMapInstances;
    const { bindings } = this.context;
    const target = unwrap(argument);
    // `new MessageService()` written inline: the class its callee names (a name made by `new` is `classOfInstance`'s).
    const callee = target.type === "NewExpression" ? unwrap(target.callee) : undefined;
    const named = callee?.type === "Identifier" ? bindings.variableOf(callee)?.defs[0] : undefined;
    const inline = callee?.type === "ClassExpression" ? callee : named?.type === "ClassName" && (named.node.type === "ClassDeclaration" || named.node.type === "ClassExpression") ? named.node : undefined;
    const owner = instances ? (inline ?? bindings.classOfInstance(argument)) : undefined;
    if (!owner) return this.resolverFunctions(argument);
    return owner.body.body.flatMap((member) =>
      member.type === "MethodDefinition" && member.kind === "method" && !member.static && !instances!.except.includes(staticName(member.key, member.computed) ?? "")
        ? bindings.functionsOf(member.value)
        : [],
    );
  }

  /** `{ Query: { field: fn }, User: { posts() {} }, Subscription: { s: { subscribe, resolve } } }`, or an array of such maps; also a route map (`{ "/x": fn, "/y": { GET: fn } }`). */
  private resolverFunctions(value: TSESTree.Node, except?: RegExp, seen = new Set<TSESTree.ObjectExpression>()): FunctionNode[] {
    const { bindings } = this.context;
    const target = unwrap(value);
    if (target.type === "ArrayExpression") {
      return target.elements.flatMap((element) => (element && element.type !== "SpreadElement" ? this.resolverFunctions(element, except, seen) : []));
    }
    const map = bindings.objectOf(target);
    if (!map || seen.has(map)) return [];
    const skipped = (property: TSESTree.Property) => except !== undefined && except.test(staticName(property.key, property.computed) ?? "");
    // A function directly under a key is a handler too: Bun's `routes: { "/users/:id": (req) => … }` beside `{ GET, POST }` objects.
    // A spread map (`{ ...userResolvers, Query: { … } }`) contributes its types.
    return map.properties.flatMap((typeProperty) =>
      typeProperty.type === "SpreadElement"
        ? this.resolverFunctions(typeProperty.argument, except, seen.add(map))
        : !skipped(typeProperty)
          ? [...bindings.functionsOf(typeProperty.value), ...this.fieldResolverFunctions(typeProperty.value)]
          : [],
    );
  }

  /** One type's field resolvers: `{ field: fn, other() {}, s: { subscribe, resolve } }`, also spread in (`{ ...baseQueries, ask }`). */
  private fieldResolverFunctions(value: TSESTree.Node, seen = new Set<TSESTree.ObjectExpression>()): FunctionNode[] {
    const { bindings } = this.context;
    const functions: FunctionNode[] = [];
    const fields = bindings.objectOf(value);
    if (!fields || seen.has(fields)) return functions;
    seen.add(fields);
    for (const field of fields.properties) {
      if (field.type === "SpreadElement") {
        functions.push(...this.fieldResolverFunctions(field.argument, seen));
        continue;
      }
      const direct = bindings.functionsOf(field.value);
      if (direct.length > 0) {
        functions.push(...direct);
        continue;
      }
      const resolver = bindings.objectOf(field.value);
      for (const part of resolver?.properties ?? []) {
        const key = part.type === "Property" ? staticName(part.key, part.computed) : undefined;
        if (part.type === "Property" && (key === "resolve" || key === "subscribe")) functions.push(...bindings.functionsOf(part.value));
      }
    }
    return functions;
  }

  // --- file conventions ----------------------------------------------------------------------

  /** See `FileConvention.projectDependency`. */
  private dependsOnFramework(descriptor: FrameworkDescriptor, packages: readonly string[]): boolean {
    if (descriptor.modules.some((module) => this.context.importedModules.has(module))) return true;
    const deployment = deploymentOf(this.input.filename);
    return deployment.root === undefined || packages.some((name) => deployment.dependencies.has(name));
  }

  private collectFileConventions(descriptor: FrameworkDescriptor): void {
    for (const convention of descriptor.files ?? []) {
      const match = this.conventionMatch(convention);
      if (!match) continue;
      if (convention.requiresImport && ![...this.context.importedModules].some((module) => convention.requiresImport!.some((required) => module.startsWith(required)))) continue;
      if (convention.projectPath && !this.matchesProjectPath(convention.projectPath)) continue;
      if (convention.projectDependency && !this.dependsOnFramework(descriptor, convention.projectDependency)) continue;
      if (convention.entryPrecedence && !isFolderEntry(this.input.filename, match[1], convention.entryPrecedence)) continue;
      if (convention.exceptInProjects?.some((flag) => deploymentOf(this.input.filename)[flag])) continue;
      this.routedFile = true;
      const platform = this.conventionPlatform(convention);
      const owner: Owner = platform ? { descriptor, platform } : { descriptor };
      for (const exported of this.namedExports()) {
        if (exportMatches(convention, exported.name)) {
          this.addConventionHandlers(this.context.bindings.functionsOf(exported.value), owner, exported, convention.flushShape);
        } else if (convention.objectExports?.includes(exported.name)) {
          const object = this.context.bindings.objectOf(exported.value);
          const functions = (object?.properties ?? []).flatMap((property) => (property.type === "Property" ? this.context.bindings.functionsOf(property.value) : []));
          this.addConventionHandlers(functions, owner, exported);
        }
      }
      if (!convention.defaultExport && !convention.defaultObjectKeys) continue;
      // `export default fn`, or CommonJS `module.exports = fn` (Vercel's Node.js functions, `pages/api` in JavaScript).
      for (const statement of this.input.ast.body) {
        const value = statement.type === "ExportDefaultDeclaration" ? statement.declaration : moduleExportsValue(statement, this.context.bindings);
        if (!value) continue;
        const nameNode = statement.type === "ExportDefaultDeclaration" ? defaultExportNameNode(statement) : value;
        if (convention.defaultExport) this.addConventionHandlers(this.context.bindings.functionsOf(value), owner, { name: "default", value, nameNode, exportNode: statement }, convention.flushShape);
        // `export default { fetch(request) { … } }`: each listed key, named after it.
        for (const property of (convention.defaultObjectKeys && this.context.bindings.objectOf(value)?.properties) || []) {
          const key = property.type === "Property" ? staticName(property.key, property.computed) : undefined;
          if (property.type === "Property" && key !== undefined && convention.defaultObjectKeys!.includes(key)) {
            this.addConventionHandlers(this.context.bindings.functionsOf(property.value), owner, { name: key, value: property.value, nameNode: property.key, exportNode: statement });
          }
        }
      }
    }
  }

  /**
   * The match that makes the file one of `convention`'s: of `path`, else of `configuredFolders.entry` below
   * a folder the project configures; with `replacesPath` and a configured folder, of the latter only.
   */
  private conventionMatch(convention: FileConvention): RegExpExecArray | null {
    const configured = configuredFolderEntry(convention, this.input.filename);
    if (configured !== undefined && convention.configuredFolders?.replacesPath) return configured;
    return convention.path.exec(this.context.path) ?? configured ?? null;
  }

  /** Outside any project (no package.json above the file) there is no root to tell: the file's own path pattern decides. */
  private matchesProjectPath(pattern: RegExp): boolean {
    const relative = projectRelativePath(this.input.filename);
    return relative === undefined || pattern.test(relative);
  }

  private conventionPlatform(convention: FileConvention): PlatformDescriptor | undefined {
    const { platform } = convention;
    if (typeof platform === "function") return platform(this.api);
    return platform;
  }

  private addConventionHandlers(functions: readonly FunctionNode[], owner: Owner, exported: ExportedValue, flushShape?: FlushShape): void {
    if (!owner.platform) {
      this.addRequest(functions, owner.descriptor, exported.exportNode);
      return;
    }
    const entry = { platform: owner.platform, exportName: exported.name, nameNode: exported.nameNode, exportNode: exported.exportNode, ...(flushShape && { flushShape }) };
    for (const fn of functions) this.addInvocation(fn, entry, owner.descriptor);
  }

  /** Every named ESM and CommonJS export of the file, with the expression or function it exports. */
  private namedExports(): ExportedValue[] {
    return (this.exportsCache ??= collectNamedExports(this.input.ast, this.context));
  }

  // --- typed handlers ------------------------------------------------------------------------

  /** A function typed as a handler of a framework, or taking its request/response/context. */
  private collectTypedHandlers(): void {
    if (!this.active.hasHandlerTypes) return;
    const typed = this.active.descriptors.filter((descriptor) => descriptor.handlerTypes);
    const jsdoc = mayHaveJsdocTypes(this.input.ast, this.input.text, this.input.filename);
    for (const fn of nodesOfTypes(this.input.ast, FUNCTION_TYPES)) {
      if (this.byFunction.has(fn) || (fn.parent?.type === "MethodDefinition" && fn.parent.kind !== "method")) continue;
      if (jsdoc && this.collectJsdocTyped(fn, typed)) continue;
      if (!hasTypeAnnotations(fn)) continue;
      const holder = fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn ? fn.parent.id : undefined;
      for (const type of [holder?.typeAnnotation?.typeAnnotation, returnedAsType(fn), ...fn.params.map(parameterType)]) {
        if (type?.type !== "TSTypeReference") continue;
        const origin = this.context.bindings.originOf(type.typeName);
        if (origin?.path.length !== 1) continue;
        const descriptor = typed.find((candidate) => candidate.handlerTypes!.some((spec) => originMatches(origin, spec)));
        if (descriptor) {
          this.addRequest([fn], descriptor, type);
          break;
        }
      }
    }
  }

  /** A JavaScript function whose JSDoc types it with a descriptor's handler type (`@type {import("express").RequestHandler}`, `@param {import("express").Request} req`). */
  private collectJsdocTyped(fn: FunctionNode, typed: readonly FrameworkDescriptor[]): boolean {
    const statement = documentedStatement(fn);
    for (const type of jsdocTypesBefore(this.input.text, statement)) {
      const origin: ModuleOrigin = { module: type.module, path: [type.name] };
      const descriptor = typed.find((candidate) => candidate.handlerTypes!.some((spec) => originMatches(origin, spec)));
      if (descriptor) {
        this.addRequest([fn], descriptor, statement);
        return true;
      }
    }
    return false;
  }

  /** `const resolvers: Resolvers = { Query: { … } }` with a descriptor's `resolverMapTypes`. */
  private collectTypedResolverMaps(): void {
    const typed = this.active.descriptors.filter((descriptor) => descriptor.resolverMapTypes);
    if (typed.length === 0) return;
    for (const declarator of nodesOfType(this.input.ast, AST_NODE_TYPES.VariableDeclarator)) {
      const type = declarator.id.typeAnnotation?.typeAnnotation;
      if (type?.type !== "TSTypeReference" || !declarator.init) continue;
      const origin = this.context.bindings.originOf(type.typeName);
      if (origin?.path.length !== 1) continue;
      const name = origin.path[0];
      for (const descriptor of typed) {
        // The type comes from the descriptor's own modules (a `Resolvers` of another library is not codegen's).
        if (!descriptor.modules.includes(origin.module) && !descriptor.modulePatterns?.some((pattern) => pattern.test(origin.module))) continue;
        const { map, fields } = descriptor.resolverMapTypes!;
        // One type's fields are a map of that one type: `{ Query: <fields> }`.
        const functions = map.test(name) ? this.resolverFunctions(declarator.init) : fields?.test(name) ? this.fieldResolverFunctions(declarator.init) : [];
        if (functions.length > 0) this.addRequest(functions, descriptor, type);
      }
    }
  }

  /**
   * Runs one descriptor's hook with the reports attributed to it, unless its signs say it reports nothing here, once
   * per file: a trigger of several conditions (Temporal's `imports` and `path`) is asked once for each, and where
   * more than one holds, a second run would only find the same handlers again.
   */
  private runHook(descriptor: FrameworkDescriptor): void {
    if (this.gated && !hookMayReport(this.input, descriptor.hook?.signs)) return;
    if (this.hooksRun?.has(descriptor)) return;
    (this.hooksRun ??= new Set()).add(descriptor);
    const previous = this.hookOwner;
    this.hookOwner = descriptor;
    try {
      descriptor.hook?.run(this.api);
    } finally {
      this.hookOwner = previous;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** The key under which an `afterHandler` cover of an app the file makes covers every object of its framework. */
/** How many plugin levels a hook's cover is followed through (`app.register(a => a.register(b => …))`). */
const MAX_PLUGIN_DEPTH = 4;

/** Does any object kind of the descriptor register a callback that may cover routes? (Most do not: no walk for them.) */
function hasRouteCovers(descriptor: FrameworkDescriptor): boolean {
  return Object.values(descriptor.objects ?? {}).some((kind) => Object.values(kind.methods ?? {}).some((registration) => registration.coversRoutes !== undefined));
}

/**
 * JavaScript's `fn.length`: the parameters before the first one with a default or the rest parameter
 * (what Express reads to tell error middleware apart: `(err, req, res, next = noop)` is not).
 */
function functionLength(fn: FunctionNode): number {
  // TypeScript's `this` parameter is no parameter at run time.
  const params = fn.params.filter((parameter) => !(parameter.type === "Identifier" && parameter.name === "this"));
  const index = params.findIndex((parameter) => parameter.type === "AssignmentPattern" || parameter.type === "RestElement");
  return index === -1 ? params.length : index;
}

function bySourceOrder(a: Handler, b: Handler): number {
  return a.function.range[0] - b.function.range[0];
}

/** A binding imported from a project module under a conventional name (`ObjectKind.importedFrom`). */
function importedFromMatches(origin: ModuleOrigin, kind: ObjectKind): boolean {
  const rule = kind.importedFrom;
  return rule !== undefined && origin.path.length === 1 && rule.modules.test(origin.module) && rule.names.test(origin.path[0]);
}

/**
 * The key a variable is destructured from (`const { procedure } = …` → "procedure"); `undefined` when
 * the identifier is not in an object pattern, `null` when it is nested deeper or under a computed key.
 */
function destructuredKey(identifier: TSESTree.Node): string | null | undefined {
  const holder = identifier.parent?.type === "AssignmentPattern" && identifier.parent.left === identifier ? identifier.parent : identifier;
  const property = holder.parent;
  if (property?.type !== "Property" || property.value !== holder || property.parent?.type !== "ObjectPattern") return undefined;
  const pattern = property.parent;
  if (pattern.parent?.type !== "VariableDeclarator" && pattern.parent?.type !== "AssignmentExpression") return null;
  return staticName(property.key, property.computed) ?? null;
}

/** Where a registering call on an object takes effect: at its method name (`.post` of `app.use(mw).post(…)`), else at its start. */
export function registeredAt(call: TSESTree.CallExpression): number {
  return call.callee.type === "MemberExpression" ? call.callee.property.range[0] : call.range[0];
}

/** A string argument (literal or static template) that is one of `oneOf`. */
function stringArgumentIn(value: TSESTree.Node | undefined, oneOf: readonly string[]): boolean {
  const name = value && staticName(value, true);
  return name !== undefined && oneOf.includes(name);
}

/** An option object counts unless the registration asks for a key it lacks (`{ type: "onRequest", method }`). */
function optionsApply(options: TSESTree.ObjectExpression, registration: Registration): boolean {
  const gate = registration.optionsWhen;
  if (!gate) return true;
  return options.properties.some(
    (property) => property.type === "Property" && staticName(property.key, property.computed) === gate.key && stringArgumentIn(property.value, gate.oneOf),
  );
}

function exportMatches(convention: FileConvention, name: string): boolean {
  const { exports } = convention;
  if (!exports) return false;
  return exports instanceof RegExp ? exports.test(name) : exports.includes(name);
}

/** The statement of the program that holds `node` (a review marker goes before it). */
function topLevelStatementOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && current.parent.type !== "Program") current = current.parent;
  return current;
}

function nodeName(node: TSESTree.Node): string | undefined {
  return node.type === "Identifier" ? node.name : staticName(node, true);
}

/** Where to report a default export: the function's own name, else the exported expression. */
function defaultExportNameNode(statement: TSESTree.ExportDefaultDeclaration): TSESTree.Node {
  const declaration = statement.declaration;
  return (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id ? declaration.id : declaration;
}

function parameterType(parameter: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const target = parameter.type === "AssignmentPattern" ? parameter.left : parameter;
  if (target.type === "TSParameterProperty") return undefined;
  return target.typeAnnotation?.typeAnnotation;
}

function hasTypeAnnotations(fn: FunctionNode): boolean {
  const holder = fn.parent?.type === "VariableDeclarator" ? fn.parent.id : undefined;
  return holder?.typeAnnotation !== undefined || returnedAsType(fn) !== undefined || fn.params.some((parameter) => parameterType(parameter) !== undefined);
}

/**
 * The return type written on the function that returns `fn` (`function perRequest(t): RequestHandler { return (req,
 * res, next) => … }`, `(): RequestHandler => (req, res) => …`): the type `fn` is made as, as a declarator's is.
 */
function returnedAsType(fn: FunctionNode): TSESTree.TypeNode | undefined {
  const parent = fn.parent;
  let outer: TSESTree.Node | undefined;
  if (parent?.type === "ReturnStatement" && parent.argument === fn) {
    for (outer = parent.parent; outer && !isFunctionNode(outer); outer = outer.parent);
  } else if (parent?.type === "ArrowFunctionExpression" && parent.body === fn) outer = parent;
  return outer && isFunctionNode(outer) ? outer.returnType?.typeAnnotation : undefined;
}

/** Every named ESM and CommonJS export of a file: `export const x`, `export { a as b }`, `exports.x =`, `module.exports = { x }`, `export = { x }`, `Object.assign(exports, { x })`. */
function collectNamedExports(ast: TSESTree.Program, context: AnalysisContext): ExportedValue[] {
  const { bindings } = context;
  const isGlobalNamed = (node: TSESTree.Node, name: string): boolean => node.type === "Identifier" && node.name === name && bindings.isGlobal(node);
  /** `module.exports` (so that `module.exports.handler = …` is a named export). */
  const isModuleObject = (node: TSESTree.Node): boolean =>
    node.type === "MemberExpression" && staticName(node.property, node.computed) === "exports" && isGlobalNamed(node.object, "module");
  /** `Object.assign(exports, { handler })` / `Object.assign(module.exports, { … })`: the object literal of its keys. */
  const assignedExports = (statement: TSESTree.ProgramStatement): TSESTree.Expression | undefined => {
    const call = statement.type === "ExpressionStatement" ? statement.expression : undefined;
    if (call?.type !== "CallExpression" || call.arguments.length !== 2 || call.callee.type !== "MemberExpression") return undefined;
    const [target, source] = call.arguments as [TSESTree.Node, TSESTree.Node];
    const isAssign = isGlobalNamed(call.callee.object, "Object") && staticName(call.callee.property, call.callee.computed) === "assign";
    return isAssign && (isGlobalNamed(target, "exports") || isModuleObject(target)) && source.type === "ObjectExpression" ? source : undefined;
  };
  const exported: ExportedValue[] = [];
  for (const statement of ast.body) {
    if (statement.type === "ExportNamedDeclaration") {
      const declaration = statement.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id) {
        exported.push({ name: declaration.id.name, value: declaration, nameNode: declaration.id, exportNode: statement });
      } else if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== "Identifier" || !declarator.init) continue;
          exported.push({
            name: declarator.id.name,
            value: declarator.init,
            nameNode: declarator.id,
            exportNode: statement,
            type: declarator.id.typeAnnotation?.typeAnnotation,
          });
        }
      } else if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.type !== "ExportSpecifier" || specifier.local.type !== "Identifier") continue;
          const name = specifier.exported.type === "Identifier" ? specifier.exported.name : specifier.exported.value;
          exported.push({ name, value: specifier.local, nameNode: specifier.exported, exportNode: statement });
        }
      }
      continue;
    }
    // `module.exports = { x }`, TypeScript's `export = { x }`.
    const whole = moduleExportsValue(statement, bindings) ?? assignedExports(statement);
    if (whole === undefined) {
      if (statement.type !== "ExpressionStatement" || statement.expression.type !== "AssignmentExpression") continue;
      const { left, right, operator } = statement.expression;
      if (operator !== "=" || left.type !== "MemberExpression") continue;
      const name = staticName(left.property, left.computed);
      if (name !== undefined && (isGlobalNamed(left.object, "exports") || isModuleObject(left.object))) {
        exported.push({ name, value: right, nameNode: left.property, exportNode: statement });
      }
      continue;
    }
    const object = unwrap(whole);
    if (object.type !== "ObjectExpression") continue;
    for (const property of object.properties) {
      const key = property.type === "Property" ? staticName(property.key, property.computed) : undefined;
      if (property.type === "Property" && key !== undefined) exported.push({ name: key, value: property.value, nameNode: property.key, exportNode: statement });
    }
  }
  return exported;
}

/** `export default <value>`, `module.exports = <value>` and `export = <value>` at the top level. */
function defaultExportValues(ast: TSESTree.Program, bindings: Bindings): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const statement of ast.body) {
    const value = statement.type === "ExportDefaultDeclaration" ? statement.declaration : moduleExportsValue(statement, bindings);
    if (value) values.push(value);
  }
  return values;
}

let withPluginExports: readonly FrameworkDescriptor[] | undefined;

/** The registry's descriptors that recognize plugin modules by their exports, once per process. */
function pluginExportDescriptors(): readonly FrameworkDescriptor[] {
  return (withPluginExports ??= FRAMEWORKS.filter((descriptor) => descriptor.pluginExports && descriptor.pluginExports.length > 0));
}

const models = new AttachedCache<TSESTree.Program, HandlerModel>("honeyhive.handlerModel");


/**
 * Request and invocation handlers of a file; computed once per AST. Never throws (an empty model instead).
 * A file the entry gate stops (analysis/entry-gate.ts: it can hold no handler the engine would find)
 * gets the empty model without a walk: on SDK code that is most library modules, scripts and tests.
 */
export function getHandlerModel(input: AnalysisInput): HandlerModel {
  let model = models.get(input.ast);
  if (!model) {
    try {
      model = mayHoldEntry(input, "handler") ? new HandlerAnalysis(input, true) : EMPTY_MODEL;
    } catch (error) {
      reportAnalysisError(error);
      model = EMPTY_MODEL;
    }
    models.set(input.ast, model);
  }
  return model;
}

/** The engine run on every file and every hook, whatever the entry gate says: what tests check the gate against. Not cached. */
export function handlerModelWithoutGates(input: AnalysisInput): HandlerModel {
  return new HandlerAnalysis(input, false);
}

/** The handler model when some rule or model already built it for this AST; never builds one. */
export function builtHandlerModel(input: AnalysisInput): HandlerModel | undefined {
  return models.get(input.ast);
}

const EMPTY_MODEL: HandlerModel = Object.freeze({
  requestHandlers: [],
  lambdaHandlers: [],
  handlerOf: () => undefined,
  enclosingHandler: () => undefined,
  perRequestClassOf: () => undefined,
});

// ---------------------------------------------------------------------------------------------
// `sessionStart()` inside a handler: shared by the rule `no-session-start-in-handler` and the
// transform `session-start-to-create-session`, so both find exactly the same calls.

export interface SessionStartInHandler {
  readonly call: TSESTree.CallExpression;
  /** The `sessionStart` property (identifier or computed string): the only text the fix replaces. */
  readonly property: TSESTree.Expression | TSESTree.PrivateIdentifier;
  readonly handler: Handler;
  readonly tracer: TracerDeclaration;
  /**
   * The call in the handler that runs the function or method the session start is written in (`chat.open()`),
   * when it is not written in the handler itself (`calledFromHandler`, one level).
   */
  readonly via?: TSESTree.CallExpression;
}

/**
 * `<tracer>.sessionStart(…)` (also `?.`, `["sessionStart"]`, `.call(<tracer>, …)`, `.apply(<tracer>, […])`), or 1.x
 * `<tracer>.startSession()`, lexically inside a request or Lambda handler.
 */
export function sessionStartInHandler(input: AnalysisInput, call: TSESTree.CallExpression): SessionStartInHandler | undefined {
  const callee = invokedCallee(call);
  if (callee?.type !== "MemberExpression" || !isSharedSessionStartMember(staticName(callee.property, callee.computed))) return undefined;
  const found = sharedTracerInHandler(input, call, callee.object, true);
  return found && { call, property: callee.property, ...found };
}

/**
 * The tracer `receiver` names, when `node` sits in a handler that did not make that tracer itself, or in a
 * function or method of this file that a handler calls (`calledFromHandler`: then `via` is that call).
 */
function sharedTracerInHandler(
  input: AnalysisInput,
  node: TSESTree.Node,
  receiver: TSESTree.Node,
  followCalls = false,
): { handler: Handler; tracer: TracerDeclaration; via?: TSESTree.CallExpression } | undefined {
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return undefined;
  const tracer = sdk.tracerOf(receiver);
  if (!tracer) return undefined;
  const handlers = getHandlerModel(input);
  const handler = handlers.enclosingHandler(node);
  if (handler) return !runsConcurrently(handler) || isCreatedPerCall(tracer, handler.function) ? undefined : { handler, tracer };
  const helper = followCalls ? enclosingFunction(node) : undefined;
  if (!helper || isCreatedPerCall(tracer, helper)) return undefined;
  for (const via of callsOfFunction(input, helper)) {
    const caller = handlers.enclosingHandler(via);
    if (caller && runsConcurrently(caller) && !isCreatedPerCall(tracer, caller.function) && !instanceMadeIn(input, via, caller.function)) return { handler: caller, tracer, via };
  }
  return undefined;
}

/**
 * The calls of `fn` this file makes, one level, for a session start written in a helper a handler calls: `fn` is a
 * function declaration or a `const` function called by its name (`openSession(req)`), or a method of a class of
 * the file called on `this` or on a never-reassigned `const x = new C()` (`chat.open()`). A function handed on
 * (`items.map(open)`), a call through another module, or a second level is not followed (the imported helper's
 * own finding is `sessionStartInImportedHelper`).
 */
function callsOfFunction(input: AnalysisInput, fn: FunctionNode): TSESTree.CallExpression[] {
  const { bindings } = getAnalysisContext(input);
  const owner = fn.parent;
  if (owner?.type === AST_NODE_TYPES.MethodDefinition && owner.value === fn && owner.kind === "method" && !owner.static) {
    const name = staticName(owner.key, owner.computed);
    const classNode = owner.parent.parent;
    if (name === undefined || (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression)) return [];
    return nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).filter((call) => {
      const callee = unwrap(call.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && staticName(callee.property, callee.computed) === name && bindings.classOfInstance(callee.object) === classNode;
    });
  }
  const named = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : owner?.type === AST_NODE_TYPES.VariableDeclarator && owner.init === fn && owner.id.type === AST_NODE_TYPES.Identifier ? owner.id : undefined;
  const variable = named ? bindings.variableOf(named) : undefined;
  if (!variable || bindings.valueOf(named!) === undefined) return [];
  return variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
}

/**
 * `const chat = new ChatService(tracer)` made inside `fn` (the handler), on which `via` calls the method: the
 * instance, and the tracer it holds, may be the call's own (a per-invocation tracer handed to a service).
 */
function instanceMadeIn(input: AnalysisInput, via: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const callee = unwrap(via.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const declared = getAnalysisContext(input).bindings.variableOf(object)?.defs[0]?.node;
  return declared !== undefined && contains(fn, declared);
}

/** May the handler run while another call of it is in flight in the same process (the descriptor's `concurrent`, `serialWhen`)? */
export function runsConcurrently(handler: Handler): boolean {
  const descriptor = handler.framework === undefined ? undefined : frameworkById(handler.framework);
  if (!descriptor) return true;
  if (descriptor.concurrent === false) return false;
  const serial = descriptor.serialWhen;
  const call = serial && handler.kind === "request" ? handler.registration : undefined;
  const argument = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[serial!.argument] : undefined;
  const options = argument && unwrap(argument);
  return !(
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) === serial!.key && property.value.type === AST_NODE_TYPES.Literal && property.value.value === true,
    )
  );
}

export interface SessionAssignmentInHandler {
  readonly assignment: TSESTree.AssignmentExpression;
  /** The assigned property (`sessionId`). */
  readonly property: TSESTree.Expression | TSESTree.PrivateIdentifier;
  readonly handler: Handler;
  readonly tracer: TracerDeclaration;
}

/**
 * `<tracer>.sessionId = id` (any assignment operator) lexically inside a request or Lambda handler, on a
 * tracer the handler did not make: 1.x's setter switches the shared tracer's session for every request
 * in flight, the race of a per-request `sessionStart()`.
 */
export function sessionAssignmentInHandler(input: AnalysisInput, assignment: TSESTree.AssignmentExpression): SessionAssignmentInHandler | undefined {
  const target = assignment.left;
  if (target.type !== "MemberExpression" || !isSharedSessionField(staticName(target.property, target.computed))) return undefined;
  const found = sharedTracerInHandler(input, assignment, target.object);
  return found && { assignment, property: target.property, ...found };
}

/**
 * `const tracer = await HoneyHiveTracer.init(…)` inside the handler itself (the seed's per-request
 * tracer for Lambdas): each call has its own tracer, so its `sessionStart()` is not shared state.
 */
function isCreatedPerCall(tracer: TracerDeclaration, fn: FunctionNode): boolean {
  const declarator = tracer.declaration;
  if (tracer.kind !== "init" || declarator.type !== "VariableDeclarator" || !tracer.variable) return false;
  if (declarator.range[0] < fn.body.range[0] || declarator.range[1] > fn.body.range[1]) return false;
  let value = declarator.init ? unwrap(declarator.init) : undefined;
  while (value?.type === "AwaitExpression") value = unwrap(value.argument);
  const writes = tracer.variable.references.filter((reference) => reference.writeExpr);
  return value !== undefined && writes.length === 1 && tracer.initializations.includes(value as TSESTree.Expression);
}

/** A short human name for where a handler lives: "Express handler", "AWS Lambda handler", "Next.js route handler", … */
export function describeHandler(handler: Handler): string {
  const framework = handler.framework === undefined ? undefined : frameworkById(handler.framework);
  // An entry point found by a platform's own descriptor (AWS Lambda's exports hook finds Twilio Functions too) is the platform's.
  if (handler.kind === "lambda" && (framework === undefined || typeof framework.platform === "object")) return `${handler.platform.name} handler`;
  const name = (handler.kind === "request" && framework ? mapWording(framework, handler.function)?.name : undefined) ?? framework?.name ?? handler.framework;
  return `${name} handler`;
}

/** What one run of the handler is called in messages: `invocation` for an entry point, else its descriptor's `unit` (`request` by default). */
export function unitOfWork(handler: Handler): string {
  if (handler.kind === "lambda") return "invocation";
  const framework = frameworkById(handler.framework);
  return (framework && mapWording(framework, handler.function)?.unit) ?? framework?.unit ?? "request";
}

/** `FrameworkDescriptor.unitsByMap`: the wording of the map `fn` is an entry of (`events: { "x"(ctx) {} }`, or `{ handler(ctx) {} }` there). */
function mapWording(framework: FrameworkDescriptor, fn: FunctionNode): { readonly name: string; readonly unit: string } | undefined {
  const table = framework.unitsByMap;
  let entry = fn.parent;
  if (!table || entry?.type !== "Property" || entry.value !== fn) return undefined;
  // `"x": { group, handler(ctx) {} }`: the entry is the object's property in the map.
  const holder = entry.parent;
  if (staticName(entry.key, entry.computed) === "handler" && holder?.parent?.type === "Property" && holder.parent.value === holder && holder.parent.parent?.parent?.type === "Property") entry = holder.parent;
  const map = entry.parent?.parent;
  const key = map?.type === "Property" && map.value === entry.parent ? staticName(map.key, map.computed) : undefined;
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** How messages name a class made per request: "NestJS request-scoped class". */
export function describePerRequestClass(perRequest: PerRequestClass): string {
  if (perRequest.description !== undefined) return perRequest.description;
  return `${frameworkById(perRequest.framework)?.name ?? perRequest.framework} request-scoped class`;
}

/**
 * Whether `filename`, in a subfolder named `folder`, is that subfolder's entry: no file listed before
 * its own name in `precedence` (`{name}` the folder's) exists beside it. Read from the project reader's
 * listing of the subfolder (kept while its mtime holds: one stat per lint, no probe per name). A file not
 * in a subfolder (`folder` undefined), or one whose folder cannot be listed (a virtual file), is taken as
 * the entry.
 */
function isFolderEntry(filename: string, folder: string | undefined, precedence: readonly string[]): boolean {
  if (folder === undefined) return true;
  const listing = projectModules().listing(dirname(absolutePath(filename)));
  if (listing === undefined) return true;
  const own = basename(filename);
  for (const entry of precedence) {
    const name = entry.replaceAll("{name}", folder);
    if (name === own) return true;
    const kind = listing.get(name);
    if (kind !== undefined && kind !== "directory") return false;
  }
  return true;
}

/**
 * What `this.<field>` holds, read in the class that declares it: the field's initializer (`readonly router =
 * express.Router()`), else the value of the one assignment `this.<field> = …` in the class (in its constructor).
 * Undefined for a field written more than once, or `this` outside an instance member.
 */
function thisFieldValue(ast: TSESTree.Program, member: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const owner = thisClass(member);
  const name = staticName(member.property, member.computed);
  if (!owner || name === undefined) return undefined;
  const field = owner.body.body.find((element) => element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && staticName(element.key, element.computed) === name);
  const writes = nodesOfTypesWithin(ast, [AST_NODE_TYPES.AssignmentExpression], owner).filter(
    (assignment) => assignment.left.type === AST_NODE_TYPES.MemberExpression && assignment.left.object.type === AST_NODE_TYPES.ThisExpression && staticName(assignment.left.property, assignment.left.computed) === name && thisClass(assignment.left) === owner,
  );
  if (field?.type === AST_NODE_TYPES.PropertyDefinition && field.value) return writes.length === 0 ? field.value : undefined;
  const only = writes.length === 1 ? writes[0] : undefined;
  if (only?.operator !== "=") return undefined;
  const constructor = enclosingFunction(only);
  return constructor?.parent?.type === AST_NODE_TYPES.MethodDefinition && constructor.parent.kind === "constructor" ? only.right : undefined;
}
