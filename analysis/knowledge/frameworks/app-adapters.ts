// Adapters that serve a web framework's app as a serverless platform's entry point: the file exports
// the adapter's result (`export const handler = serverless(app)`, `export const handler = handle(app)`),
// so each route of the app runs inside that invocation and must flush before it ends. Shared by the
// descriptors of the frameworks whose apps such adapters take (Express, Koa, Fastify, Hono).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { basename, dirname, join } from "node:path";
import { enclosingFunction, isFunctionNode, memberName, requireSpecifier, staticName, type FunctionNode } from "../../ast.js";
import { nodesOfType, nodesOfTypesWithin } from "../../nodes.js";
import { importTableBackgroundTest } from "../../background-work.js";
import { isFlushByName } from "../../flush-calls.js";
import { flushesAroundNext, withParents } from "../../flush.js";
import { unwrap } from "../../bindings.js";
import { nameSpecifies, packageSpecifies, packagesWritten } from "../../value-specifier.js";
import { sourceModule } from "../../context.js";
import { includesText } from "../../text-search.js";
import { absolutePath, projectModules, type ProjectFileSystem, type ProjectModules } from "../../project-modules.js";
import type { HandlerHookApi, Mounting, PlatformDescriptor, ValueSpecifier } from "../types.js";
import { commonJsExport, moduleExportsValue } from "./common.js";
import { localRequire } from "../../local-require.cjs";
import type * as TypescriptEstree from "@typescript-eslint/typescript-estree";

/** A platform, or a function that decides it per file (`serverlessPlatform` of Next.js). */
export type PlatformChoice = PlatformDescriptor | ((api: HandlerHookApi) => PlatformDescriptor | undefined);

export interface AppAdapter {
  /** The adapter function: `serverless` of `serverless-http`, `handle` of `hono/aws-lambda`. */
  readonly handle: ValueSpecifier;
  /** The app is this key of the options object (`serverlessExpress({ app })`), else the first argument. */
  readonly appOption?: string;
  /**
   * The adapter registers the app itself, as a call statement at the module's top level, with the app
   * as the argument at this index (`functions.http("api", app)` of the Functions Framework: 1), instead
   * of a call the module exports.
   */
  readonly registersAtArgument?: number;
  /** The argument is the result of this method of the app (Koa's `app.callback()`), not the app. */
  readonly appMethod?: string;
  readonly platform: PlatformChoice;
  /**
   * A middleware of the app that awaits the rest of the chain at this parameter, by arity (Koa's
   * `(ctx, next)`: `{ 2: 1 }`): one that flushes after it, registered by a module beside before it
   * mounts a router of this file (`app.use(flushMw); app.use(router.routes())`), covers the router's
   * routes. Without it (Express, whose `next()` returns nothing to await) no middleware covers.
   */
  readonly nextParameterByArity?: Readonly<Record<number, number>>;
}

/**
 * The initializer of the variable an identifier names (`app` → `express()`), when nothing else is
 * assigned to it, else the node itself; unwrapped.
 */
export function constValue(api: HandlerHookApi, node: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(node);
  if (value.type !== "Identifier") return value;
  const init = api.valueOf(value);
  return init && unwrap(init);
}

/**
 * A value made by one of `makers` (`express()`, `new Hono()`), inline or through the `const` that
 * holds it, past `chainable` calls on it (`new Hono().basePath("/api")`); `isNew` as in `createdBy`.
 */
export function isMadeBy(api: HandlerHookApi, node: TSESTree.Node, makers: readonly ValueSpecifier[], isNew?: boolean, chainable: readonly string[] = []): boolean {
  let value = constValue(api, node);
  while (value?.type === "CallExpression" && value.callee.type === "MemberExpression" && chainable.includes(memberName(value.callee) ?? "")) value = unwrap(value.callee.object);
  if (value?.type !== "CallExpression" && value?.type !== "NewExpression") return false;
  if (isNew !== undefined && (value.type === "NewExpression") !== isNew) return false;
  const callee = value.callee;
  return makers.some((maker) => api.matches(callee, maker));
}

/** The packages of `adapters` (a descriptor's `platformSigns.imports`). */
export function adapterModules(adapters: readonly AppAdapter[]): string[] {
  return adapters.flatMap(({ handle }) => packagesWritten(handle.package));
}

/**
 * The app an adapter call takes: its first argument (the second after an options object literal:
 * `onRequest({ cors: true }, app)`), or the `appOption` key of an options object there.
 */
function appArgument(api: HandlerHookApi, call: TSESTree.CallExpression, adapter: AppAdapter): TSESTree.Node | undefined {
  if (adapter.registersAtArgument !== undefined) {
    const argument = call.arguments[adapter.registersAtArgument];
    if (adapter.appMethod === undefined || !argument) return argument;
    const made = unwrap(argument);
    return made.type === "CallExpression" && made.callee.type === "MemberExpression" && memberName(made.callee) === adapter.appMethod ? made.callee.object : undefined;
  }
  const first = call.arguments[0];
  if (!first) return undefined;
  if (adapter.appOption === undefined) return unwrap(first).type === "ObjectExpression" ? call.arguments[1] : first;
  const property = api.objectOf(first)?.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === "Property" && staticName(candidate.key, candidate.computed) === adapter.appOption,
  );
  return property?.value;
}

/**
 * The platform of the first adapter whose call the file exports, or a module beside it exports on
 * the app this file exports (`adaptedElsewherePlatform`).
 *
 * Here: the first adapter whose call the file exports (by name, by default, or through the
 * `const` that holds it: `const handler = serverless(app); module.exports.handler = handler`) on an app
 * that `isApp` recognizes. A call kept inside an exported function (`export const handler = async
 * (event, context) => { try { return await proxy(event, context); } finally { await flush(); } }`,
 * serverless-http's README shape) is not this: that function is the entry point, and it may flush for
 * every route.
 */
export function adaptedAppPlatform(
  api: HandlerHookApi,
  adapters: readonly AppAdapter[],
  isApp: (node: TSESTree.Node) => boolean,
  isMountable: (node: TSESTree.Node) => boolean = isApp,
  mounting: AdapterMounting = NO_MOUNTING,
): PlatformDescriptor | undefined {
  return adaptedHerePlatform(api, adapters, isApp) ?? adaptedElsewherePlatform(api, adapters, isApp, isMountable, mounting);
}

/**
 * How the framework's objects mount a router on the app a module beside serves (`ObjectKind.mounts` of
 * its app and router kinds), and the method that registers the app's middleware (`use`), whose
 * middleware registered before a mount may cover the mounted routes.
 */
export interface AdapterMounting {
  readonly mounts: readonly Mounting[];
  readonly middleware?: string;
  /**
   * Tracer methods that give a request its session (`createSession`, `withSession`): a middleware of
   * the module's own that calls one, registered before a mount, is recorded (`MountedRouter.sessionBefore`).
   */
  readonly sessionMethods?: readonly string[];
}

const NO_MOUNTING: AdapterMounting = { mounts: [] };

/** Each adapter's packages (`adapterModules`), listed once per process: asked for every file that registers on an app. */
const packagesOfAdapter = new WeakMap<AppAdapter, readonly string[]>();

/** Whether the text names one of the adapter's packages (a file that does not cannot call the adapter), found by their rarest characters. */
function namedInText(text: string, adapter: AppAdapter): boolean {
  let packages = packagesOfAdapter.get(adapter);
  if (packages === undefined) packagesOfAdapter.set(adapter, (packages = adapterModules([adapter])));
  for (const name of packages) if (includesText(text, name)) return true;
  return false;
}

function adaptedHerePlatform(api: HandlerHookApi, adapters: readonly AppAdapter[], isApp: (node: TSESTree.Node) => boolean): PlatformDescriptor | undefined {
  const present = adapters.filter((adapter) => namedInText(api.text, adapter));
  if (present.length === 0) return undefined;
  const defaults = api.ast.body.flatMap((statement) => (statement.type === "ExportDefaultDeclaration" ? [statement.declaration] : []));
  // `functions.http("api", app);`: the registering adapters' calls, as statements of the module's top level.
  const registrations = present.some((adapter) => adapter.registersAtArgument !== undefined)
    ? api.ast.body.flatMap((statement) => (statement.type === "ExpressionStatement" && unwrap(statement.expression).type === "CallExpression" ? [statement.expression] : []))
    : [];
  const exported = [...api.namedExports().map((value) => value.value), ...defaults];
  for (const value of [...exported, ...registrations]) {
    const call = constValue(api, value);
    if (call?.type !== "CallExpression") continue;
    const registers = registrations.includes(value as TSESTree.Expression);
    const adapter = present.find(({ handle, registersAtArgument }) => (registersAtArgument !== undefined) === registers && api.matches(call.callee, handle));
    const app = adapter && appArgument(api, call, adapter);
    if (!adapter || !app || !isApp(app)) continue;
    return typeof adapter.platform === "function" ? adapter.platform(api) : adapter.platform;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The app served by a module beside it: `app.ts` makes and exports the app, `lambda.ts` holds
// `import app from "./app"; export const handler = serverless(app)` (the layout of
// @codegenie/serverless-express's examples and of most split projects). A rule sees one file, and
// no module says who imports it: the modules of the app's folder and of the folder above (not above
// the nearest package.json) are read
// (their text first: only those that name one of the adapters are parsed, once per version of each).

/** An adapter call a module exports on a binding it imports from a project module. */
interface AdaptedImport {
  /** The adapter's module and export (`default` for the module value: `import serverless from`, `require("serverless-http")`). */
  readonly adapter: ImportedName;
  /** The app's import: its specifier as written, and the export it names (`default`, or a named export). */
  readonly app: ImportedName;
  /** The options key that held the app (`serverlessExpress({ app })`), if not the first argument itself. */
  readonly option: string | undefined;
  /**
   * A registering adapter's call statement (`functions.http("api", app)`, `AppAdapter.registersAtArgument`):
   * the index of the app's argument, and the app's method called there (`app.callback()`), if any.
   */
  readonly registeredAt?: number;
  readonly appMethod?: string;
  /**
   * `app` names a router the module mounts on the app it serves (`app.use("/api", router)`,
   * `app.use(router.routes())`), not the app: that module makes the app itself.
   */
  readonly mounted?: true;
  /**
   * For a mounted router: the middleware registered on that app before the mount that flush on every
   * path after awaiting the rest of the chain at parameter `next` (`flushesAroundNext`), by shape.
   */
  readonly coveredBy?: readonly MiddlewareShape[];
}

/** A middleware of the module's own that flushes after awaiting its `next` parameter, or one it imports from a project module (read when asked). */
type MiddlewareShape = { readonly parameters: number; readonly next: number } | { readonly imported: ImportedName };

/**
 * What one walk of a module's top level tells about how it serves apps: the adapter calls it exports,
 * and the routers mounted on each app it exports (by export name: `export default app` → `default`).
 */
interface ModuleRegistrations {
  readonly adapted: readonly AdaptedImport[];
  readonly mountedExports: Readonly<Record<string, readonly MountedRouter[]>>;
  /** Every router the module mounts at its top level, on an app of its own whether it exports it or not (a server's `app.listen()`). */
  readonly mounted: readonly MountedRouter[];
}

const NO_REGISTRATIONS: ModuleRegistrations = { adapted: [], mountedExports: {}, mounted: [] };

interface ImportedName {
  readonly module: string;
  readonly name: string;
}

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;
const NOT_A_MODULE_OF_THE_APP = /\.(?:d|test|spec)\.[cm]?[jt]sx?$/;
/** Larger files are bundles or generated code, not a handler module. */
const MAX_MODULE_BYTES = 200_000;
/** By path and the adapter modules asked for. */
const registrationsByPath = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly registrations: ModuleRegistrations }>();

/**
 * The platform of an adapter that a module beside this file (same folder, or the one above inside the
 * package) exports
 * on an app this file exports (`export default app`, `export const app`, `module.exports = app`), as
 * `isApp` recognizes it, or on an app of its own on which it mounts a router this file exports
 * (`import router from "./routes"; app.use("/api", router); export const handler = serverless(app)`),
 * as `isMountable` recognizes it. Only adapters whose platform does not depend on that other file.
 */
function adaptedElsewherePlatform(
  api: HandlerHookApi,
  adapters: readonly AppAdapter[],
  isApp: (node: TSESTree.Node) => boolean,
  isMountable: (node: TSESTree.Node) => boolean,
  mounting: AdapterMounting,
): PlatformDescriptor | undefined {
  const fixed = adapters.filter((adapter): adapter is AppAdapter & { readonly platform: PlatformDescriptor } => typeof adapter.platform !== "function");
  if (fixed.length === 0) return undefined;
  const apps = exportedApps(api, isApp);
  const mountables = isMountable === isApp ? apps : exportedApps(api, isMountable);
  if (apps.size === 0 && mountables.size === 0) return undefined;
  const self = absolutePath(api.filename);
  const modules = adapterModules(fixed);
  const project = projectModules();
  for (const path of modulesBeside(project, self)) {
    for (const { adapter: used, app, option, mounted, coveredBy, registeredAt, appMethod } of registrationsOf(project.fs, path, modules, mounting).adapted) {
      const adapter = fixed.find(
        (candidate) =>
          candidate.appOption === option &&
          candidate.registersAtArgument === registeredAt &&
          candidate.appMethod === appMethod &&
          packageSpecifies(candidate.handle.package, used.module) &&
          nameSpecifies(candidate.handle.name, used.name === "default" ? "" : used.name),
      );
      if (!adapter) continue;
      const target = project.resolve(app.module, path);
      if (target === undefined) continue;
      if (target === self) {
        if (!(mounted ? mountables : apps).has(app.name)) continue;
        // Mounted after a middleware of that app that flushes once the routes ran: its routes end
        // invocations that flush, as a covered route of the file itself does (`RouteCover`).
        if (coveredBy && covers(api, coveredBy, adapter, path)) continue;
        return adapter.platform;
      }
      // The adapter wraps an app another module makes, which may mount a router of this file
      // (`app.ts`: `app.use("/api", routes); export default app`, `lambda.ts`: `serverless(app)`):
      // one step along the mount chain, read from that module's registrations.
      if (mounted || mountables.size === 0) continue;
      for (const { router, coveredBy: before } of registrationsOf(project.fs, target, [], mounting).mountedExports[app.name] ?? []) {
        if (!mountables.has(router.name) || project.resolve(router.module, target) !== self) continue;
        if (covers(api, before, adapter, target)) continue;
        return adapter.platform;
      }
    }
  }
  return undefined;
}

/**
 * The script modules of the folder of `self` and of the folder above (only inside its package: a
 * package.json beside the file ends its project), not tests or declarations, not `self`. From the project
 * reader's listings: each folder's mtime looked at no more than once a second, however many files ask.
 */
function* modulesBeside(project: ProjectModules, self: string): Generator<string> {
  const here = dirname(self);
  const root = project.packageRootOf(here);
  for (const directory of root !== undefined && here !== root ? [here, dirname(here)] : [here]) {
    for (const [name, kind] of project.listing(directory) ?? []) {
      const path = join(directory, name);
      if (kind === "file" && path !== self && SCRIPT.test(name) && !NOT_A_MODULE_OF_THE_APP.test(name)) yield path;
    }
  }
}

/**
 * A module beside this file (as `modulesBeside`) mounts the router or sub-app this file exports under
 * the local name `local` (`export default router`) on an app of its own, after a middleware of that app
 * that may give each request its session (`MountedRouter.sessionBefore`: `app.use(sessionMiddleware)`
 * imported from `./middleware`, or a function of that module that calls one of `mounting.sessionMethods`):
 * the router's routes then run after it. Read only for a module whose text names this file's name.
 */
export function mountedAfterSessionMiddleware(filename: string, program: TSESTree.Program, local: string, mounting: AdapterMounting): boolean {
  const names = new Set<string>();
  for (const [name, exported] of exportedLocalNames(program)) if (exported === local) names.add(name);
  if (names.size === 0) return false;
  const self = absolutePath(filename);
  const project = projectModules();
  // `./routes` for routes.ts, `./routes` for routes/index.ts.
  const stem = basename(self).replace(SCRIPT, "");
  const mentioning = stem === "index" ? basename(dirname(self)) : stem;
  for (const path of modulesBeside(project, self)) {
    for (const { router, sessionBefore } of registrationsOf(project.fs, path, [], mounting, mentioning).mounted) {
      if (sessionBefore && names.has(router.name) && project.resolve(router.module, path) === self) return true;
    }
  }
  return false;
}

/**
 * Does one of `shapes` (the middleware registered before a mount in the module at `path`) flush after
 * awaiting the rest of the chain, as the adapter's framework passes it (`nextParameterByArity`)? A
 * middleware that module imports from a project module is read from that module's export facts
 * (`flushesAroundNext`), one module further, as a file's own imported middleware is (`RouteCover`).
 */
function covers(api: HandlerHookApi, shapes: readonly MiddlewareShape[], adapter: AppAdapter, path: string): boolean {
  const byArity = adapter.nextParameterByArity;
  if (!byArity) return false;
  return shapes.some((shape) => {
    if (!("imported" in shape)) return byArity[shape.parameters] === shape.next;
    if (!api.readModuleFacts) return false;
    const found = projectModules().exportOf(path, shape.imported.module, shape.imported.name, api.readModuleFacts);
    return found?.facts.some((fact) => fact.kind === "flushesAroundNext" && byArity[fact.parameters] === fact.next) ?? false;
  });
}

/** The names under which the file exports an app: `default` (`export default app`, `module.exports = app`) or a named export. */
function exportedApps(api: HandlerHookApi, isApp: (node: TSESTree.Node) => boolean): Set<string> {
  const names = new Set<string>();
  for (const exported of api.namedExports()) if (isApp(exported.value)) names.add(exported.name);
  for (const statement of api.ast.body) {
    if (statement.type === "ExportDefaultDeclaration" && isApp(statement.declaration)) names.add("default");
    const value = moduleExportsValue(statement, api);
    if (value && isApp(value)) names.add("default");
  }
  return names;
}

/**
 * The registrations of the module at `path`, read when its text names one of `modules` (the adapters
 * asked about), or, with no `modules` (the app module an adapter module imports), when it calls a
 * mounting method; cached by mtime and size (for each list of modules: a module that names none of
 * them is not parsed).
 */
function registrationsOf(fs: ProjectFileSystem, path: string, modules: readonly string[], mounting: AdapterMounting, mentioning?: string): ModuleRegistrations {
  const stats = fs.stat(path);
  if (!stats?.isFile || stats.size > MAX_MODULE_BYTES) return NO_REGISTRATIONS;
  const key = `${path}\0${modules.join("\0")}\0${mountingKey(mounting)}\0${mentioning ?? ""}`;
  const cached = registrationsByPath.get(key);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.registrations;
  const text = fs.readFile(path);
  let registrations = NO_REGISTRATIONS;
  const mounts = () => mounting.mounts.some(({ method }) => text?.includes(`.${method}(`));
  const worthParsing = modules.length > 0 ? modules.some((module) => text?.includes(module)) : mounts() && (mentioning === undefined || text!.includes(mentioning));
  if (text !== undefined && worthParsing) registrations = parsedRegistrations(path, text, mounting);
  registrationsByPath.set(key, { mtimeMs: stats.mtimeMs, size: stats.size, registrations });
  return registrations;
}

/**
 * The part of `registrationsOf`'s cache key that says how modules are mounted: one string per distinct
 * mounting (each field kept apart, `through` absent apart from empty), written by hand instead of a
 * `JSON.stringify` of the object on every call (the callers build their mounting per call).
 */
function mountingKey(mounting: AdapterMounting): string {
  let key = "";
  for (const { method, through } of mounting.mounts) key += `${method}\u0001${through === undefined ? "-" : `+${through.join("\u0002")}`}\u0003`;
  return `${key}\u0004${mounting.middleware === undefined ? "-" : `+${mounting.middleware}`}\u0004${mounting.sessionMethods === undefined ? "-" : `+${mounting.sessionMethods.join("\u0002")}`}`;
}

let estree: typeof TypescriptEstree | undefined;

function parsedRegistrations(path: string, text: string, mounting: AdapterMounting): ModuleRegistrations {
  try {
    // typescript-estree's main entry, loaded on first use: the ESLint plugin must not load TypeScript at
    // import (rules/optional-peers.test.ts), and parse-input.ts imports it (and closes an import cycle).
    estree ??= localRequire("@typescript-eslint/typescript-estree") as typeof TypescriptEstree;
    const jsx = !/\.[cm]?ts$/.test(path);
    return moduleRegistrations(estree.parse(text, { range: true, jsx, comment: false, tokens: false }) as TSESTree.Program, mounting, text);
  } catch {
    // A module that does not parse serves nothing we can read.
    return NO_REGISTRATIONS;
  }
}

/** No scopes in a module read here: `module` and `exports` are taken for CommonJS's (see below). */
const TOP_LEVEL_ONLY = { isGlobal: () => true };

/**
 * The exported calls (`export const handler = f(x)`, `export default f(x)`, `exports.handler =` /
 * `module.exports.handler = f(x)`, also through a top-level `const`) of an imported function on an
 * imported binding, or on the `app` key of an options object (`f({ app })`). Read from the top level
 * alone, without scopes: a module that shadows these names at its top level does not compile.
 */
function moduleRegistrations(program: TSESTree.Program, mounting: AdapterMounting, text: string): ModuleRegistrations {
  const imports = new Map<string, ImportedName>();
  const constants = new Map<string, TSESTree.Expression>();
  const exported: TSESTree.Node[] = [];
  const exportedNames = exportedLocalNames(program);
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      for (const specifier of statement.specifiers) {
        // `*` for a namespace (`import * as tracing from "./tracing"`): it names no export an app or adapter is.
        const name = specifier.type === "ImportDefaultSpecifier" ? "default" : specifier.type === "ImportSpecifier" ? staticName(specifier.imported, false) : "*";
        if (name !== undefined) imports.set(specifier.local.name, { module: sourceModule(statement.source.value), name });
      }
    }
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) readDeclarator(declarator, imports, constants);
      if (statement.type === "ExportNamedDeclaration") exported.push(...declaration.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : [])));
    }
    if (statement.type === "ExportNamedDeclaration" && !statement.source) for (const specifier of statement.specifiers) if (specifier.local.type === "Identifier") exported.push(specifier.local);
    if (statement.type === "ExportDefaultDeclaration") exported.push(statement.declaration);
    const commonJs = commonJsExport(statement, TOP_LEVEL_ONLY);
    if (commonJs && commonJs.name !== "default") exported.push(commonJs.value);
  }
  const found: AdaptedImport[] = [];
  const mounts = mountedImports(program, imports, constants, mounting, text);
  const mountedExports: Record<string, readonly MountedRouter[]> = {};
  /** The key of `mounts` an app value is known by: its name, or the call of a function that makes it (`createApp()`, also through a `const`). */
  const appKey = (node: TSESTree.Node): string | undefined => {
    const value = node.type === "Identifier" ? (constants.get(node.name) ?? node) : node;
    if (value.type === "CallExpression" && value.callee.type === "Identifier" && mounts.has(`${CALL_KEY}${value.callee.name}`)) return `${CALL_KEY}${value.callee.name}`;
    return node.type === "Identifier" ? node.name : undefined;
  };
  for (const [name, local] of exportedNames) {
    const key = appKey({ type: AST_NODE_TYPES.Identifier, name: local } as TSESTree.Identifier);
    const routers = key === undefined ? undefined : mounts.get(key);
    if (routers) mountedExports[name] = routers;
  }
  /** The app given at `app` (an imported one, or the routers mounted on one of the module's own). */
  const served = (adapter: ImportedName, app: TSESTree.Node | undefined, option: string | undefined, registered?: { readonly at: number; readonly appMethod?: string }) => {
    if (!app) return;
    const how = { option, ...(registered && { registeredAt: registered.at }), ...(registered?.appMethod !== undefined && { appMethod: registered.appMethod }) };
    const imported = app.type === "Identifier" ? imports.get(app.name) : undefined;
    if (imported) {
      if (imported.module.startsWith(".")) found.push({ adapter, app: imported, ...how });
      return;
    }
    // An app of the module's own (or one a function of it makes): the routers it mounts come from the modules they are imported from.
    const key = appKey(app);
    for (const { router, coveredBy } of (key === undefined ? undefined : mounts.get(key)) ?? []) found.push({ adapter, app: router, ...how, mounted: true, ...(coveredBy.length > 0 && { coveredBy }) });
  };
  for (const node of exported) {
    const value = node.type === "Identifier" ? constants.get(node.name) : node;
    if (value?.type !== "CallExpression" || value.callee.type !== "Identifier") continue;
    const adapter = imports.get(value.callee.name);
    const first = value.arguments[0];
    let app: TSESTree.Node | undefined = first;
    let option: string | undefined;
    if (first?.type === "ObjectExpression") {
      // `serverlessExpress({ app })`, else options before the app (`onRequest({ cors: true }, app)`).
      const property = first.properties.find((candidate): candidate is TSESTree.Property => candidate.type === "Property" && staticName(candidate.key, candidate.computed) === "app");
      app = property ? property.value : value.arguments[1];
      option = property ? "app" : undefined;
    }
    if (adapter) served(adapter, app, option);
  }
  // `functions.http("api", app);` / `http("api", app.callback());`: a call statement of an imported
  // function (or of a member of an imported module value) that registers the app it is given.
  for (const statement of program.body) {
    const call = statement.type === "ExpressionStatement" ? statement.expression : undefined;
    if (call?.type !== "CallExpression") continue;
    const adapter = registeringFunction(call.callee, imports);
    if (!adapter) continue;
    call.arguments.forEach((argument, at) => {
      const through = argument.type === "CallExpression" && argument.callee.type === "MemberExpression" ? argument.callee : undefined;
      const appMethod = through && argument.type === "CallExpression" && argument.arguments.length === 0 ? staticName(through.property, through.computed) : undefined;
      served(adapter, appMethod !== undefined ? through!.object : argument, undefined, { at, ...(appMethod !== undefined && { appMethod }) });
    });
  }
  const mounted = [...mounts.values()].flat();
  return found.length === 0 && mounted.length === 0 ? NO_REGISTRATIONS : { adapted: found, mountedExports, mounted };
}

/** The imported function a call statement calls: `http` imported by name, or `functions.http` of an imported module value. */
function registeringFunction(callee: TSESTree.Node, imports: ReadonlyMap<string, ImportedName>): ImportedName | undefined {
  // A project module's function registers nothing an adapter describes (and `app.use(…)` on an imported app is a mount).
  const ofPackage = (imported: ImportedName | undefined) => (imported && !imported.module.startsWith(".") ? imported : undefined);
  if (callee.type === "Identifier") return ofPackage(imports.get(callee.name));
  if (callee.type !== "MemberExpression" || callee.object.type !== "Identifier") return undefined;
  const namespace = ofPackage(imports.get(callee.object.name));
  const name = staticName(callee.property, callee.computed);
  return namespace && name !== undefined && (namespace.name === "*" || namespace.name === "default") ? { module: namespace.module, name } : undefined;
}

/**
 * Export name → the local name it exports, at a module's top level: `export default app`, `export {
 * app as api }`, `export const app = …`, `module.exports = app`, `exports.app = app`.
 */
export function exportedLocalNames(program: TSESTree.Program): Map<string, string> {
  const names = new Map<string, string>();
  const exportName = (name: string | undefined, node: TSESTree.Node | null | undefined) => {
    if (name !== undefined && node?.type === "Identifier") names.set(name, node.name);
  };
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration" && statement.declaration?.type === "VariableDeclaration") {
      for (const declarator of statement.declaration.declarations) exportName(declarator.id.type === "Identifier" ? declarator.id.name : undefined, declarator.id);
    }
    if (statement.type === "ExportNamedDeclaration" && !statement.source) for (const specifier of statement.specifiers) exportName(staticName(specifier.exported, false), specifier.local);
    if (statement.type === "ExportDefaultDeclaration") exportName("default", statement.declaration);
    const commonJs = commonJsExport(statement, TOP_LEVEL_ONLY);
    if (commonJs) exportName(commonJs.name, commonJs.value);
  }
  return names;
}

interface MountedRouter {
  readonly router: ImportedName;
  readonly coveredBy: readonly MiddlewareShape[];
  /**
   * A middleware registered on that object before the mount may give each request a session: one of
   * the module's own that calls a `sessionMethods` member, or one of a project module (unseen here).
   */
  readonly sessionBefore?: true;
}

/**
 * The routers a module imports from its own project modules and mounts, by the local name of what
 * it mounts them on (`ScopelessNames.objectKey`): `app.use("/api", router)`, `app.use(router.routes())`,
 * in a chain (`app.use(a).use("/api", router)`, `const app = express().use(…)`) and below the top level
 * (`function createApp() { const app = express(); app.use("/api", router); return app; }`, also known
 * as `call:createApp`); each with the middleware registered on that object before it (`app.use(fn)`, no
 * path first) that flushes after awaiting the rest of the chain (inline, or a function of the module's
 * top level). Read from `registrationsAmong`, the walk no-lost-session-context reads for the linted file.
 */
function mountedImports(
  program: TSESTree.Program,
  imports: ReadonlyMap<string, ImportedName>,
  constants: ReadonlyMap<string, TSESTree.Expression>,
  mounting: AdapterMounting,
  text: string,
): Map<string, MountedRouter[]> {
  const mounts = new Map<string, MountedRouter[]>();
  const covering = new Map<string, MiddlewareShape[]>();
  /** The objects with a middleware before this point that may give a request its session. */
  const sessioned = new Set<string>();
  const sessionCall = mounting.sessionMethods?.length ? new RegExp(`\\.(?:${mounting.sessionMethods.join("|")})\\s*\\(`) : undefined;
  /** A value of a project module: `sessionMiddleware`, `tracing.sessionMiddleware(tracer)`, `withSession(tracer)`. */
  const fromProject = (node: TSESTree.Node): boolean => {
    let value = node.type === "CallExpression" ? node.callee : node;
    if (value.type === "MemberExpression") value = value.object;
    return value.type === "Identifier" && (imports.get(value.name)?.module.startsWith(".") ?? false);
  };
  const declared = new Map<string, FunctionNode>();
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "FunctionDeclaration" && declaration.id) declared.set(declaration.id.name, declaration);
  }
  const owners = new ScopelessNames(program);
  // A flush handed to the platform counts by the module's imports (`after` of `next/server`), as the linted file's do by binding.
  const acceptsBackground = importTableBackgroundTest((local) => imports.get(local));
  /** A function `node` names where it is registered (`at`): inline, of the function that registers it (`createApp`), or of the top level. */
  const functionOf = (node: TSESTree.Node, at: TSESTree.Node): FunctionNode | undefined => {
    const local = node.type === "Identifier" ? owners.localValue(node.name, at) : undefined;
    const value = node.type !== "Identifier" ? node : local ? local.value : (declared.get(node.name) ?? constants.get(node.name));
    return value && isFunctionNode(value) ? value : undefined;
  };
  const methods = new Set([...mounting.mounts.map(({ method }) => method), ...(mounting.middleware === undefined ? [] : [mounting.middleware])]);
  // In the order the registrations run: the position of each method's name (`app.use(a).use("/api", r)`: `a` first).
  // A registration in a top-level function called once at the top level runs where it is called (`runPositions`).
  const positions = runPositions(program);
  const runsAt = (call: TSESTree.CallExpression): number => {
    const fn = enclosingFunction(call);
    return (fn && positions.get(fn)) ?? namedAt(call);
  };
  const registrations = [...registrationsAmong(nodesOfType(program, AST_NODE_TYPES.CallExpression), methods, (method) => methods.has(method))].sort((a, b) => runsAt(a.call) - runsAt(b.call) || namedAt(a.call) - namedAt(b.call));
  for (const { call, method, receiver } of registrations) {
    const target = receiver && owners.objectKey(receiver, call);
    if (target === undefined) continue;
    const mount = mounting.mounts.find((candidate) => candidate.method === method);
    let before = covering.get(target) ?? [];
    const pathFirst = call.arguments[0]?.type === "Literal" || call.arguments[0]?.type === "TemplateLiteral";
    for (const argument of call.arguments) {
      const asMiddleware = !pathFirst && method === mounting.middleware;
      const fn = asMiddleware ? functionOf(argument, call) : undefined;
      if (asMiddleware && (fn ? sessionCall?.test(text.slice(fn.range[0], fn.range[1])) : sessionCall && fromProject(argument))) sessioned.add(target);
      if (fn) {
        withParents(fn);
        for (let next = 0; next < fn.params.length; next += 1) if (flushesAroundNext(fn, next, isFlushByName, acceptsBackground)) before = [...before, { parameters: fn.params.length, next }];
        covering.set(target, before);
        continue;
      }
      // A middleware of a project module (`import { flushAfter } from "./middleware"`): its facts are
      // read only when a mount after it is asked about (`covers`).
      const middleware = asMiddleware && argument.type === "Identifier" ? imports.get(argument.name) : undefined;
      if (middleware?.module.startsWith(".")) covering.set(target, (before = [...before, { imported: middleware }]));
      if (!mount) continue;
      const mounted = mountedObject(argument, mount);
      const imported = mounted.type === "Identifier" ? imports.get(mounted.name) : undefined;
      if (!imported?.module.startsWith(".")) continue;
      const list = mounts.get(target) ?? [];
      list.push({ router: imported, coveredBy: before, ...(sessioned.has(target) && { sessionBefore: true as const }) });
      mounts.set(target, list);
    }
  }
  // What a function of the module's top level returns (`function createApp() { const app = express(); app.use("/api", r); return app; }`)
  // is read as that function's call (`serverless(createApp())`, `const app = createApp()`): `call:createApp`.
  for (const [name, keys] of owners.returnedObjects()) {
    const routers = keys.flatMap((key) => mounts.get(key) ?? []);
    if (routers.length > 0) mounts.set(`${CALL_KEY}${name}`, routers);
  }
  return mounts;
}

/** A registering call (`app.use(…)`, `router.get(…)`) and the object its chain of registrations starts on. */
export interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  /**
   * What the chain starts on, past chained calls (`app.use(a).use("/api", r)`, `app.route("/x").get(…)`):
   * an identifier, or the value that made the object inline (`express().use(…)`: the `express()` call);
   * undefined when a call of the chain is not one that `continues` accepts.
   */
  readonly receiver: TSESTree.Node | undefined;
}

/**
 * The one walk of `use()`/mount registrations: among `calls`, each call of one of the `registering`
 * methods on an object, with the object its chain starts on (`registrationReceiver`). Read by
 * no-lost-session-context for the linted file (analysis/lost-session.ts, with its scopes) and by the
 * reader of the modules beside (`mountedImports`, without scopes), anywhere in the module: in a chain,
 * inside a function.
 */
export function* registrationsAmong(calls: Iterable<TSESTree.CallExpression>, registering: ReadonlySet<string>, continues: (method: string) => boolean): Generator<Registration> {
  for (const call of calls) {
    if (call.callee.type !== "MemberExpression") continue;
    const method = staticName(call.callee.property, call.callee.computed);
    if (method === undefined || !registering.has(method)) continue;
    yield { call, method, receiver: registrationReceiver(call.callee.object, continues) };
  }
}

/** How many chained calls a registration's receiver is read through: far beyond what code chains. */
const MAX_CHAIN = 16;

/** `node` past chained calls of methods `continues` accepts (`app.use(a)` → `app`); undefined when another call is in the way. */
export function registrationReceiver(node: TSESTree.Node, continues: (method: string) => boolean): TSESTree.Node | undefined {
  let object = unwrap(node);
  for (let depth = 0; depth < MAX_CHAIN && object.type === "CallExpression" && object.callee.type === "MemberExpression"; depth += 1) {
    const method = staticName(object.callee.property, object.callee.computed);
    if (method === undefined || !continues(method)) return undefined;
    object = unwrap(object.callee.object);
  }
  return object;
}

/** Where a registering call's method name starts: registrations run in that order, a chain's included. */
function namedAt(call: TSESTree.CallExpression): number {
  return call.callee.type === "MemberExpression" ? call.callee.property.range[0] : call.range[0];
}

/** The prefix of the key of what a top-level function returns (`call:createApp`). */
const CALL_KEY = "call:";

/** A node that holds names of its own: a function (its parameters and body), a block, a `for`, a `switch`, a `catch` clause. */
type ScopeNode = FunctionNode | TSESTree.BlockStatement | TSESTree.StaticBlock | TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.SwitchStatement | TSESTree.CatchClause;

/** The closest node around `node` (not `node` itself) that holds names of its own; undefined at the module's top level. A function's body block is the function's. */
function enclosingScope(node: TSESTree.Node): ScopeNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
    switch (current.type) {
      case AST_NODE_TYPES.BlockStatement:
        if (!isFunctionNode(current.parent) || current.parent.body !== current) return current;
        break;
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.CatchClause:
        return current;
    }
  }
  return undefined;
}

/** The names a binding pattern binds: `app`, `{ app }`, `{ a: app }`, `[app]`, `app = express()`, `...rest`, a TypeScript parameter property. */
function patternNames(pattern: TSESTree.Node | null | undefined, names: string[] = []): string[] {
  switch (pattern?.type) {
    case AST_NODE_TYPES.Identifier:
      names.push(pattern.name);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      patternNames(pattern.left, names);
      break;
    case AST_NODE_TYPES.RestElement:
      patternNames(pattern.argument, names);
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) patternNames(element, names);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) patternNames(property.type === AST_NODE_TYPES.Property ? property.value : property, names);
      break;
    case AST_NODE_TYPES.TSParameterProperty:
      patternNames(pattern.parameter, names);
      break;
  }
  return names;
}

/**
 * Names of a module read without a scope manager (`mountedImports`): an object is known by its name
 * where it is declared, the innermost function, block, `for`, `switch` or `catch` clause around it that
 * declares it (a parameter, also destructured or with a default, a `catch` parameter, a `let`/`const`,
 * class or function of its own, a `var` of a function's body) or else the module's top level (key: the
 * bare name), so that `app` of `createApp()`, of `if (…) { const app = … }` and a top-level `app` stay apart.
 */
class ScopelessNames {
  /** Per scope: the names it declares, each with its value (a declarator's initializer, a function declaration; none for a parameter or a pattern). */
  private readonly declared = new Map<ScopeNode, Map<string, TSESTree.Node | undefined>>();

  constructor(private readonly program: TSESTree.Program) {}

  /** The key of the object a registration's chain starts on: a name, or the declarator or `return` that holds an inline chain, else the chain itself. */
  objectKey(receiver: TSESTree.Node, call: TSESTree.CallExpression): string | undefined {
    if (receiver.type === "Identifier") return this.keyOf(receiver.name, call);
    if (receiver.type !== "CallExpression" && receiver.type !== "NewExpression") return undefined;
    // `const app = express().use(…)`, `return express().use(…)`: the chain's outermost call.
    let outer: TSESTree.Node = call;
    while (outer.parent?.type === "MemberExpression" && outer.parent.object === outer && outer.parent.parent?.type === "CallExpression" && outer.parent.parent.callee === outer.parent) outer = outer.parent.parent;
    const holder = outer.parent;
    if (holder?.type === "VariableDeclarator" && holder.init === outer && holder.id.type === "Identifier") return this.keyOf(holder.id.name, holder);
    const fn = holder?.type === "ReturnStatement" ? enclosingFunction(holder) : isFunctionNode(holder) && holder.body === outer ? holder : undefined;
    // A chain held by nothing (`express().use(…).listen(3000)`): an object of its own.
    return fn === undefined ? `chain:${outer.range[0]}` : `return:${fn.range[0]}`;
  }

  /** Per function of the module's top level (by its name), the keys of the objects it returns. */
  returnedObjects(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const [name, value] of topLevelFunctions(this.program)) {
      const keys = [`return:${value.range[0]}`];
      const returned = value.body.type === "BlockStatement" ? nodesOfTypesWithin(this.program, [AST_NODE_TYPES.ReturnStatement], value.body).filter((ret) => enclosingFunction(ret) === value).map((ret) => ret.argument) : [value.body];
      for (const argument of returned) if (argument?.type === "Identifier") keys.push(this.keyOf(argument.name, argument));
      found.set(name, keys);
    }
    return found;
  }

  /** The value of `name` as the innermost scope around `at` that declares it holds it; undefined when only the top level may. */
  localValue(name: string, at: TSESTree.Node): { readonly value: TSESTree.Node | undefined } | undefined {
    for (let scope = enclosingScope(at); scope; scope = enclosingScope(scope)) {
      const names = this.declaredIn(scope);
      if (names.has(name)) return { value: names.get(name) };
    }
    return undefined;
  }

  private keyOf(name: string, at: TSESTree.Node): string {
    for (let scope = enclosingScope(at); scope; scope = enclosingScope(scope)) if (this.declaredIn(scope).has(name)) return `${scope.range[0]}:${name}`;
    return name;
  }

  private declaredIn(scope: ScopeNode): Map<string, TSESTree.Node | undefined> {
    let names = this.declared.get(scope);
    if (names) return names;
    const own = new Map<string, TSESTree.Node | undefined>();
    const parameters = isFunctionNode(scope) ? scope.params : scope.type === AST_NODE_TYPES.CatchClause ? [scope.param] : [];
    for (const parameter of parameters) for (const name of patternNames(parameter)) own.set(name, undefined);
    const body = isFunctionNode(scope) ? scope.body : scope;
    for (const node of nodesOfTypesWithin(this.program, [AST_NODE_TYPES.VariableDeclarator, AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.ClassDeclaration], body)) {
      // A `var` belongs to its function (or the top level), wherever its block; the rest to their block.
      const hoisted = node.type === AST_NODE_TYPES.VariableDeclarator && node.parent.type === AST_NODE_TYPES.VariableDeclaration && node.parent.kind === "var";
      if ((hoisted ? enclosingFunction(node) : enclosingScope(node)) !== scope) continue;
      if (node.type !== AST_NODE_TYPES.VariableDeclarator) {
        if (node.id) own.set(node.id.name, node);
        continue;
      }
      if (node.id.type === AST_NODE_TYPES.Identifier) own.set(node.id.name, node.init ?? undefined);
      else for (const name of patternNames(node.id)) own.set(name, undefined);
    }
    this.declared.set(scope, (names = own));
    return names;
  }
}

/** The functions of the module's top level, by name: `function f() {}`, `export function f() {}`, `const f = () => …`. */
function topLevelFunctions(program: TSESTree.Program): Array<[string, FunctionNode]> {
  const found: Array<[string, FunctionNode]> = [];
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "FunctionDeclaration" && declaration.id) found.push([declaration.id.name, declaration]);
    if (declaration?.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) if (declarator.id.type === "Identifier" && declarator.init && isFunctionNode(declarator.init)) found.push([declarator.id.name, declarator.init]);
    }
  }
  return found;
}

/**
 * Where the registrations in a function of the module's top level run, for a function called exactly
 * once in the module and there at the top level (`installFlush();` after `app.use(router.routes())`):
 * the position of that call. Registrations anywhere else run in the order of their text (a function
 * called twice, from another function or not at all is read where it is written).
 */
function runPositions(program: TSESTree.Program): Map<FunctionNode, number> {
  const functions = new Map(topLevelFunctions(program));
  const calls = new Map<string, TSESTree.CallExpression[]>();
  if (functions.size === 0) return new Map();
  for (const call of nodesOfType(program, AST_NODE_TYPES.CallExpression)) {
    if (call.callee.type === "Identifier" && functions.has(call.callee.name)) calls.set(call.callee.name, [...(calls.get(call.callee.name) ?? []), call]);
  }
  const positions = new Map<FunctionNode, number>();
  for (const [name, fn] of functions) {
    const [only, ...more] = calls.get(name) ?? [];
    if (only && more.length === 0 && enclosingFunction(only) === undefined) positions.set(fn, only.range[0]);
  }
  return positions;
}

/**
 * What a mounting call's argument mounts (`ObjectKind.mounts`): the object itself (`app.use("/api",
 * router)`, `app.route("/api", api)`), or the object whose `through` method hands over its middleware
 * (`app.use(router.routes())`). Shared with the file's own route covers (analysis/handlers.ts).
 */
export function mountedObject(argument: TSESTree.Node, mounting: Mounting): TSESTree.Node {
  const mounted = unwrap(argument);
  const method = mounted.type === "CallExpression" && mounted.callee.type === "MemberExpression" ? staticName(mounted.callee.property, mounted.callee.computed) : undefined;
  return method !== undefined && mounting.through?.includes(method) && mounted.type === "CallExpression" && mounted.callee.type === "MemberExpression" ? mounted.callee.object : mounted;
}

/** `const x = require("m")` (the module value: `default`), `const { a, b: c } = require("m")`, `const x = require("m").a`; other `const`s kept by name. */
function readDeclarator(declarator: TSESTree.VariableDeclarator, imports: Map<string, ImportedName>, constants: Map<string, TSESTree.Expression>): void {
  const init = declarator.init;
  if (!init) return;
  let required = sourceModule(requireSpecifier(init));
  let property: string | undefined;
  if (!required && init.type === "MemberExpression") {
    required = sourceModule(requireSpecifier(init.object));
    property = staticName(init.property, init.computed);
  }
  if (declarator.id.type === "Identifier") {
    if (required !== undefined) imports.set(declarator.id.name, { module: required, name: property ?? "default" });
    else constants.set(declarator.id.name, init);
    return;
  }
  if (declarator.id.type !== "ObjectPattern" || required === undefined || property !== undefined) return;
  for (const entry of declarator.id.properties) {
    const name = entry.type === "Property" ? staticName(entry.key, entry.computed) : undefined;
    if (entry.type === "Property" && name !== undefined && entry.value.type === "Identifier") imports.set(entry.value.name, { module: required, name });
  }
}
