// Can this file hold a handler at all? The question a handler rule asks before it builds the handler
// model, reads other modules or scans a large text with regular expressions. Answered from what the
// descriptors say registers a handler (analysis/knowledge/frameworks: the modules whose APIs register
// one, the path conventions, the runtime globals, the hooks' triggers and signs) against what the file's
// top level already shows: its imports, its export names, its path, a few strings of its text.
//
// Conservative by construction: a file this stops holds no handler the engine (analysis/handlers.ts)
// could find; a file it lets through may still hold none. A hook without `signs` lets every file it
// runs on through, so a new descriptor is safe before anyone writes its signs.
import { isAbsolute, relative, sep } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { findVariable, requireSpecifier, staticName, unwrapExpression } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { isAmbientVariable, unwrap } from "./bindings.js";
import { getAnalysisContext, sourceModule } from "./context.js";
import { deploymentOf, projectDependsOn } from "./deployment.js";
import type { AnalysisInput } from "./input.js";
import { FRAMEWORKS, indexedDescriptorsFor } from "./knowledge/index.js";
import type { EntrySigns, FileConvention, FrameworkDescriptor, HookSigns, HookTrigger, PluginExport, ValueSpecifier } from "./knowledge/types.js";
import { absolutePath } from "./project-modules.js";
import { includesText } from "./text-search.js";
import { packagePatterns, packagesWritten } from "./value-specifier.js";

/** `invocation`: a serverless entry point (`LambdaHandler`); `handler`: any handler, per-request or serverless. */
export type EntryKind = "invocation" | "handler";

interface HookGate {
  readonly descriptor: FrameworkDescriptor;
  readonly trigger: HookTrigger;
  /** Undefined: the hook may report this kind in every file it runs on. */
  readonly signs: EntrySigns | undefined;
}

/** What the descriptors say, flattened once per kind. */
interface KindGate {
  /** An imported descriptor that registers this kind through its API (calls, objects, plugins, types), in a file that loads `modules`. */
  registersOnImport(descriptor: FrameworkDescriptor, modules: ReadonlySet<string>, top: TopLevel): boolean;
  /** One test for the paths of the conventions that make this kind; undefined when none does. */
  readonly conventionPath: RegExp | undefined;
  /** Conventions whose patterns carry flags or capturing groups, tested one by one. */
  readonly flaggedConventionPaths: readonly RegExp[];
  /** Every convention of this kind: once a path matches one, the one whose export the file has (`exportsFor`). */
  readonly conventions: readonly FileConvention[];
  /** Conventions with folders the project configures (`FileConvention.configuredFolders`), asked only for a file with an export they read. */
  readonly configuredConventions: readonly FileConvention[];
  /** The first identifier of each registering global (`Bun` of `Bun.serve`), looked for among the references no declaration resolves. */
  readonly globalRoots: readonly string[];
  readonly hooks: readonly HookGate[];
  /** Plugin modules recognized by their exports (`PluginExport`): the export, then the project's dependency. */
  readonly pluginExports: readonly PluginExportGate[];
}

interface PluginExportGate {
  readonly packages: readonly string[];
  /** `export default` or `module.exports =`. */
  readonly defaultExport: boolean;
  readonly names: readonly string[];
}

export interface EntryGate {
  readonly invocation: KindGate;
  readonly handler: KindGate;
}

/** The gate of a registry (the plugin's is `FRAMEWORKS`; tests pass their own). */
export function entryGateFor(frameworks: readonly FrameworkDescriptor[]): EntryGate {
  return { invocation: kindGate(frameworks, "invocation"), handler: kindGate(frameworks, "handler") };
}

function kindGate(frameworks: readonly FrameworkDescriptor[], kind: EntryKind): KindGate {
  // A descriptor's own API makes invocations only when it runs on a platform; any descriptor makes handlers.
  const makes = (descriptor: FrameworkDescriptor): boolean => kind === "handler" || (descriptor.platform !== undefined && descriptor.platformSigns === undefined);
  // A platform chosen only where its signs hold (an adapter's import, or an export a module beside it may serve).
  const makesIn = (descriptor: FrameworkDescriptor, modules: ReadonlySet<string>, top: TopLevel): boolean => {
    if (makes(descriptor)) return true;
    const signs = kind === "invocation" && descriptor.platform !== undefined ? descriptor.platformSigns : undefined;
    return signs !== undefined && (hasAny(modules, signs.imports) || (signs.appMakers !== undefined && importsAnyValue(top, signs.appMakers) && (top.exportNames.size > 0 || top.defaultExport || top.moduleExports)));
  };
  const conventions = frameworks.flatMap((descriptor) => (descriptor.files ?? []).filter((convention) => kind === "handler" || convention.platform !== undefined));
  const paths = conventions.map((convention) => convention.path);
  // Only self-contained patterns are joined into one alternation: a capturing group would renumber every
  // back-reference after it (Netlify's `\1`), and a named group could be declared twice; those run alone.
  const plain = paths.filter((path) => path.flags === "" && capturingGroups(path) === 0);
  const hooks: HookGate[] = [];
  for (const descriptor of frameworks) {
    const hook = descriptor.hook;
    if (!hook) continue;
    const { signs } = hook;
    if (signs === undefined) hooks.push({ descriptor, trigger: hook.trigger, signs: undefined });
    else {
      const kindSigns = kind === "invocation" ? [signs.invocation] : [signs.invocation, signs.request];
      for (const entry of kindSigns) if (entry !== undefined) hooks.push({ descriptor, trigger: hook.trigger, signs: entry });
    }
  }
  return {
    registersOnImport: makesIn,
    conventionPath: plain.length > 0 ? new RegExp(plain.map((path) => `(?:${path.source})`).join("|")) : undefined,
    flaggedConventionPaths: paths.filter((path) => !plain.includes(path)),
    conventions,
    configuredConventions: conventions.filter((convention) => convention.configuredFolders !== undefined),
    globalRoots: [...new Set(frameworks.filter(makes).flatMap((descriptor) => (descriptor.globals ?? []).map((global) => global.name.split(".")[0])))],
    hooks,
    pluginExports: frameworks.filter(makes).flatMap((descriptor) =>
      (descriptor.pluginExports ?? []).map((spec) => ({
        packages: spec.projectDependency,
        defaultExport: spec.exports.includes("default"),
        names: spec.exports.filter((name) => name !== "default"),
      })),
    ),
  };
}

/** How many capturing groups (numbered or named) a pattern declares: an empty alternative matches "" and reports each group. */
function capturingGroups(pattern: RegExp): number {
  return new RegExp(`${pattern.source}|`).exec("")!.length - 1;
}

let pluginGate: EntryGate | undefined;

function gateOfPlugin(): EntryGate {
  return (pluginGate ??= entryGateFor(FRAMEWORKS));
}

/** The file's top level, as far as the gate reads it. */
interface TopLevel {
  /** Every name the handler engine could read as a named export (a superset: globals are not checked). */
  readonly exportNames: ReadonlySet<string>;
  readonly defaultExport: boolean;
  /** An `export default` whose value may be an object literal (`EntrySigns.defaultExportObject`): inline, or a name that may hold one. */
  readonly defaultExportObject: boolean;
  /** `module.exports = …` at the top. */
  readonly moduleExports: boolean;
  /** `import … from "x"`, `import x = require("x")`, `export … from "x"`: the analysis context's `staticModules`. */
  readonly staticImports: ReadonlySet<string>;
  /**
   * The values imported at the top, by module: `""` for the module value or default export (`import x
   * from`, `import * as x`, `import x = require`, `const x = require(…)`), else the imported names;
   * a `require()` destructured or read further counts as the module value (conservative). Read only
   * when a descriptor with `platformSigns.appMakers` is imported (`importsAnyValue`).
   */
  valueImports?: ReadonlyMap<string, ReadonlySet<string>>;
  readonly program: TSESTree.Program;
  /** What both kinds ask, answered once per file: the descriptors of the static imports, then of every module (text included). */
  staticDescriptors?: readonly FrameworkDescriptor[];
  moduleDescriptors?: readonly FrameworkDescriptor[];
  /** The gate whose conventions `anyConvention` answers for (a test passes its own gate). */
  conventionGate?: EntryGate;
  /** Whether the path matches any convention of `conventionGate` (the handler kind's conventions include the invocation kind's). */
  anyConvention?: boolean;
  /** The gate whose conventions `conventionEntry` answers for. */
  entryGate?: EntryGate;
  /** Whether the path matches a convention of `entryGate`'s handler kind under which the file has an export the engine reads. */
  conventionEntry?: boolean;
}

const topLevels = new AttachedCache<TSESTree.Program, TopLevel>("honeyhive.entryTopLevel");

function topLevelOf(input: AnalysisInput): TopLevel {
  const { ast } = input;
  let found = topLevels.get(ast);
  if (found) return found;
  const names = new Set<string>();
  let defaultExport = false;
  let defaultExportObject = false;
  let moduleExports = false;
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      defaultExport = true;
      // What `defaultExportObject` (frameworks/default-export-object.ts) can resolve: an object literal, or a name (`Bindings.objectOf`).
      const value = unwrap(statement.declaration);
      defaultExportObject ||= value.type === AST_NODE_TYPES.ObjectExpression || (value.type === AST_NODE_TYPES.Identifier && mayNameObjectLiteral(input, value));
    }
    else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const { declaration } = statement;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) names.add(declarator.id.name);
      } else if (declaration && "id" in declaration && declaration.id?.type === AST_NODE_TYPES.Identifier) names.add(declaration.id.name);
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        names.add(exported);
        // `export { worker as default }`: the default export, read as `export default worker` is.
        if (exported === "default" && !statement.source && specifier.local.type === AST_NODE_TYPES.Identifier) {
          defaultExport = true;
          defaultExportObject ||= mayNameObjectLiteral(input, specifier.local);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      // `exports.x = …`, `module.exports.x = …`, `module.exports = { x }`: every static name assigned at the top.
      const { left, right } = statement.expression;
      if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = staticName(left.property, left.computed);
      if (name !== undefined) names.add(name);
      if (name === "exports" && left.object.type === AST_NODE_TYPES.Identifier && left.object.name === "module") moduleExports = true;
      addObjectKeys(names, right);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.CallExpression) {
      // `Object.assign(exports, { x })` / `Object.assign(module.exports, { x })`: a superset (the engine checks the globals).
      const { callee, arguments: [target, source] } = statement.expression;
      const isAssign = callee.type === AST_NODE_TYPES.MemberExpression && staticName(callee.property, callee.computed) === "assign";
      const isExports = target?.type === AST_NODE_TYPES.Identifier ? target.name === "exports" : target?.type === AST_NODE_TYPES.MemberExpression && staticName(target.property, target.computed) === "exports";
      if (isAssign && isExports && source) addObjectKeys(names, source);
    } else if (statement.type === AST_NODE_TYPES.TSExportAssignment) {
      // TypeScript's `export = handler` / `export = { handler }`: `module.exports = …` once compiled.
      moduleExports = true;
      addObjectKeys(names, statement.expression);
    }
  }
  found = { exportNames: names, defaultExport, defaultExportObject, moduleExports, staticImports: getAnalysisContext(input).staticModules, program: ast };
  topLevels.set(ast, found);
  return found;
}

/** The static keys of an object literal (`module.exports = { handler }`) into `names`. */
function addObjectKeys(names: Set<string>, value: TSESTree.Node): void {
  const object = unwrapExpression(value);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of object.properties) {
    const key = property.type === AST_NODE_TYPES.Property ? staticName(property.key, property.computed) : undefined;
    if (key !== undefined) names.add(key);
  }
}

/**
 * Whether the name a file exports by default may hold an object literal `Bindings.objectOf` reads:
 * only a variable initialized with one, or with a name that may (zod's `import * as z …; export default
 * z`, an imported name, a function, a class or `const errorMap = (issue) => …` never does). A name no
 * scope of the file declares is let through.
 */
function mayNameObjectLiteral(input: AnalysisInput, name: TSESTree.Identifier, seen = new Set<Scope.Variable>()): boolean {
  const variable = findVariable(input.scopeManager, name, name.name);
  if (variable === undefined) return true;
  if (seen.has(variable)) return false;
  seen.add(variable);
  for (const def of variable.defs) {
    if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.init === null) continue;
    const init = unwrap(def.node.init);
    if (init.type === AST_NODE_TYPES.ObjectExpression || (init.type === AST_NODE_TYPES.Identifier && mayNameObjectLiteral(input, init, seen))) return true;
  }
  return false;
}

/** The signs read from the file's top level, its settings and its project: no look at its text. */
function signsHoldWithoutText(input: AnalysisInput, signs: EntrySigns, top: TopLevel): boolean {
  if (signs.defaultExport && top.defaultExport) return true;
  if (signs.defaultExportObject && top.defaultExportObject) return true;
  if (signs.exports !== undefined && hasAny(top.exportNames, signs.exports)) return true;
  if (signs.configuredExports && exportsAnyOf(top, input.settings.lambdaHandlerNames)) return true;
  if (signs.exportsWhere !== undefined && top.exportNames.size > 0 && deploymentOf(input.filename)[signs.exportsWhere]) return true;
  if (signs.exportsInFile !== undefined && top.exportNames.size > 0 && signs.exportsInFile(input.filename)) return true;
  // Last: a look-up of the project's deployment configuration (cached per project).
  return signs.deployedExports !== undefined && (top.exportNames.size > 0 || top.defaultExport) && exportsAnyOf(top, signs.deployedExports(input.filename, input.cwd));
}

/** An export under one of `names` (`default`: `export default` or `module.exports =`, as the hooks read it). */
function exportsAnyOf(top: TopLevel, names: readonly string[]): boolean {
  return names.length > 0 && (hasAny(top.exportNames, names) || ((top.defaultExport || top.moduleExports) && names.includes("default")));
}

/**
 * Whether a hook may report any handler in this file, by its signs (`HookSigns`: a hook reports no
 * kind whose signs the file lacks). The handler engine asks it before it runs a hook, so a file
 * pays only for the hooks its top level, path or modules point at.
 */
export function hookMayReport(input: AnalysisInput, signs: HookSigns | undefined): boolean {
  if (signs === undefined) return true;
  const top = topLevelOf(input);
  return entrySignsHold(input, signs.invocation, top) || entrySignsHold(input, signs.request, top);
}

function entrySignsHold(input: AnalysisInput, signs: EntrySigns | undefined, top: TopLevel): boolean {
  if (signs === undefined) return false;
  if (signsHoldWithoutText(input, signs, top)) return true;
  return signs.imports !== undefined && hasAny(modulesOf(input, top), signs.imports);
}

/** `TopLevel.valueImports`: what the top-level imports and `require()`s of `program` bind as values. */
function valueImportsOf(program: TSESTree.Program): Map<string, Set<string>> {
  const valueImports = new Map<string, Set<string>>();
  const addValue = (module: string, name: string): void => {
    let names = valueImports.get(module);
    if (!names) valueImports.set(module, (names = new Set()));
    names.add(name);
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === "type") continue;
      const module = sourceModule(statement.source.value);
      for (const specifier of statement.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) addValue(module, "");
        else if (specifier.importKind !== "type") addValue(module, staticName(specifier.imported, false) ?? "");
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      const { expression } = statement.moduleReference;
      if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === "string" && statement.importKind !== "type") addValue(sourceModule(expression.value), "");
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        // `require("m")`, read further or called: `require("m").Router`, `require("express")()`.
        let node: TSESTree.Node | null = declarator.init;
        while (node && requireSpecifier(node) === undefined && (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression)) node = node.type === AST_NODE_TYPES.MemberExpression ? node.object : node.callee;
        const required = sourceModule(requireSpecifier(node));
        if (required !== undefined) addValue(required, "");
      }
    }
  }
  return valueImports;
}

/** Whether the file imports one of `values` as a value (not only its types). */
function importsAnyValue(top: TopLevel, values: readonly ValueSpecifier[]): boolean {
  const valueImports = (top.valueImports ??= valueImportsOf(top.program));
  const imports = (names: ReadonlySet<string> | undefined, value: ValueSpecifier): boolean =>
    // A `require()` is the module value, whatever the maker's name (`require("fastify").fastify`).
    names !== undefined && (names.has("") || (typeof value.name === "string" ? names.has(value.name) : value.name.some((name) => names.has(name))));
  for (const value of values) {
    for (const module of packagesWritten(value.package)) if (imports(valueImports.get(module), value)) return true;
    for (const pattern of packagePatterns(value.package)) for (const [module, names] of valueImports) if (pattern.test(module) && imports(names, value)) return true;
  }
  return false;
}

/** Whether `set` holds one of `names` (a loop: the gate runs for every file and every hook, a closure each time was garbage). */
function hasAny(set: ReadonlySet<string>, names: readonly string[]): boolean {
  for (const name of names) if (set.has(name)) return true;
  return false;
}

/**
 * Whether the file's top level has an export that `spec`'s plugin shape reads (a superset: the
 * engine then resolves the exported values); the engine asks it before it collects the exports.
 */
export function mayExportPlugin(input: AnalysisInput, spec: PluginExport): boolean {
  const top = topLevelOf(input);
  return spec.exports.some((name) => (name === "default" ? top.defaultExport || top.moduleExports : top.exportNames.has(name)));
}

/** The export a plugin module's shape needs; the project lookup comes after it. */
function exportsPlugin(gate: PluginExportGate, top: TopLevel): boolean {
  return (gate.defaultExport && (top.defaultExport || top.moduleExports)) || hasAny(top.exportNames, gate.names);
}

function triggerFires(input: AnalysisInput, trigger: HookTrigger, imported: readonly FrameworkDescriptor[], descriptor: FrameworkDescriptor, path: string): boolean {
  if (trigger.always) return true;
  if (trigger.imports && imported.includes(descriptor)) return true;
  if (trigger.path?.test(path)) return true;
  return trigger.text !== undefined && includesText(input.text, trigger.text);
}

/** Whether the file's path matches any file convention of `gate`'s descriptors; once per file. */
function anyConventionOf(input: AnalysisInput, top: TopLevel, gate: EntryGate): boolean {
  if (top.conventionGate !== gate) {
    top.conventionGate = gate;
    top.anyConvention = matchesConvention(gate.handler, getAnalysisContext(input).path) || matchesConfiguredFolder(gate.handler, input, top);
  }
  return top.anyConvention === true;
}

/** Whether the file's path matches any file convention of the plugin's descriptors (the engine's test before it reads them one by one). */
export function mayMatchConvention(input: AnalysisInput): boolean {
  return anyConventionOf(input, topLevelOf(input), gateOfPlugin());
}

/**
 * Whether the file may hold a handler of a convention of `gate` (the handler kind's); once per file. Unlike
 * `anyConventionOf` (the engine's test, which also marks a matched file as routed), a path match counts
 * only with an export the convention reads: a file under `src/routes/` that exports no verb (a helper
 * beside SvelteKit's or Express's routes) holds no SolidStart or Qwik City handler.
 */
function conventionEntryOf(input: AnalysisInput, top: TopLevel, gate: EntryGate): boolean {
  if (top.entryGate !== gate) {
    top.entryGate = gate;
    top.conventionEntry = matchesConventionEntry(gate.handler, getAnalysisContext(input).path, top) || matchesConfiguredFolder(gate.handler, input, top);
  }
  return top.conventionEntry === true;
}

function matchesConvention(kindGate: KindGate, path: string): boolean {
  return kindGate.conventionPath?.test(path) === true || kindGate.flaggedConventionPaths.some((pattern) => pattern.test(path));
}

/** `matchesConvention` (one joined test first), then a convention whose path matches and whose export the file has. */
function matchesConventionEntry(kindGate: KindGate, path: string, top: TopLevel): boolean {
  if (!matchesConvention(kindGate, path)) return false;
  for (const convention of kindGate.conventions) if (exportsFor(convention, top) && convention.path.test(path)) return true;
  return false;
}

/**
 * Whether the file's top level has an export `convention`'s handlers are read from (the engine's
 * `collectFileConventions`: named exports by `exports` or `objectExports`, the default export or
 * `module.exports =` by `defaultExport` or `defaultObjectKeys`); `TopLevel.exportNames` is a superset of
 * the engine's named exports.
 */
function exportsFor(convention: FileConvention, top: TopLevel): boolean {
  if ((convention.defaultExport === true || convention.defaultObjectKeys !== undefined) && (top.defaultExport || top.moduleExports)) return true;
  if (top.exportNames.size === 0) return false;
  const { exports } = convention;
  if (exports instanceof RegExp) {
    for (const name of top.exportNames) if (exports.test(name)) return true;
  } else if (exports !== undefined && hasAny(top.exportNames, exports)) return true;
  return convention.objectExports !== undefined && hasAny(top.exportNames, convention.objectExports);
}

/** Whether the file has an export a configured-folder convention reads and lies in one of its folders (a project look-up, cached per project). */
function matchesConfiguredFolder(kindGate: KindGate, input: AnalysisInput, top: TopLevel): boolean {
  for (const convention of kindGate.configuredConventions) {
    const { exports } = convention;
    const exported =
      (convention.defaultExport === true && (top.defaultExport || top.moduleExports)) ||
      (exports !== undefined && top.exportNames.size > 0 && (exports instanceof RegExp || hasAny(top.exportNames, exports)));
    if (exported && inConfiguredFolder(convention, input.filename)) return true;
  }
  return false;
}

/** Whether `filename` is an entry (`configuredFolders.entry`) of a folder its project configures for `convention`. */
export function inConfiguredFolder(convention: FileConvention, filename: string): boolean {
  return configuredFolderEntry(convention, filename) != null;
}

/**
 * How `filename` stands to the folders its project configures for `convention`: `undefined` when it
 * configures none, `null` when the file is no entry (`configuredFolders.entry`) of one, else the entry's
 * match on the path below the folder (group 1 a subfolder's name, as `path`'s).
 */
export function configuredFolderEntry(convention: FileConvention, filename: string): RegExpExecArray | null | undefined {
  const configured = convention.configuredFolders;
  if (configured === undefined) return undefined;
  const folders = configured.of(filename);
  if (folders.length === 0) return undefined;
  const file = absolutePath(filename);
  for (const folder of folders) {
    const below = relative(folder, file);
    if (below === "" || below.startsWith("..") || isAbsolute(below)) continue;
    const entry = configured.entry.exec(below.split(sep).join("/"));
    if (entry) return entry;
  }
  return null;
}

/** Whether the file may hold a handler of `kind` for the descriptors of `gate`; no cache (see `mayHoldEntry`). */
export function mayHoldEntryFor(input: AnalysisInput, kind: EntryKind, gate: EntryGate): boolean {
  // Loops rather than `some`/`filter` with closures: this runs on every file the rules see, and each
  // closure or array it made was garbage of every file.
  const kindGate = gate[kind];
  const top = topLevelOf(input);
  top.staticDescriptors ??= indexedDescriptorsFor(top.staticImports);
  if (anyRegistersOnImport(kindGate, top.staticDescriptors, top.staticImports, top)) return true;
  const { path } = getAnalysisContext(input);
  if (conventionEntryOf(input, top, gate) && (kind === "handler" || matchesConventionEntry(kindGate, path, top) || matchesConfiguredFolder(kindGate, input, top))) return true;
  for (const pluginGate of kindGate.pluginExports) if (exportsPlugin(pluginGate, top) && projectDependsOn(input.filename, pluginGate.packages)) return true;
  // What the text says comes last (a bundle is megabytes): the modules of `require()`/`import()` and the
  // hooks' text triggers; the registering globals are read from the scopes.
  const modules = modulesOf(input, top);
  const imported = (top.moduleDescriptors ??= modules.size === top.staticImports.size ? top.staticDescriptors : indexedDescriptorsFor(modules));
  if (anyRegistersOnImport(kindGate, imported, modules, top)) return true;
  // A firing hook with no signs, or whose signs hold without the text, first; then the modules its signs name.
  let firingWithImports: HookGate[] | undefined;
  for (const hook of kindGate.hooks) {
    if (!triggerFires(input, hook.trigger, imported, hook.descriptor, path)) continue;
    if (hook.signs === undefined || signsHoldWithoutText(input, hook.signs, top)) return true;
    if (hook.signs.imports !== undefined) (firingWithImports ??= []).push(hook);
  }
  for (const hook of firingWithImports ?? []) if (hasAny(modules, hook.signs!.imports!)) return true;
  return kindGate.globalRoots.length > 0 && usesGlobal(input, kindGate.globalRoots);
}

function anyRegistersOnImport(kindGate: KindGate, descriptors: readonly FrameworkDescriptor[], modules: ReadonlySet<string>, top: TopLevel): boolean {
  for (const descriptor of descriptors) if (kindGate.registersOnImport(descriptor, modules, top)) return true;
  return false;
}

/**
 * A reference to one of `names` that no declaration of the file resolves (what the engine calls a
 * global), or to a global the parser's library declares: read from the scopes, not the text.
 */
function usesGlobal(input: AnalysisInput, names: readonly string[]): boolean {
  const scope = input.scopeManager.globalScope;
  if (!scope) return true;
  if (names.some((name) => (scope.set.get(name)?.references.length ?? 0) > 0)) return true;
  if (scope.through.some((reference) => names.includes(reference.identifier.name))) return true;
  // A module's `declare const Deno: …` types the global without binding it (bindings.ts `isGlobal`).
  const module = scope.childScopes.find((child) => child.type === "module");
  return module !== undefined && names.some((name) => {
    const variable = module.set.get(name);
    return variable !== undefined && variable.references.length > 0 && variable.defs.every(isAmbientVariable);
  });
}

/**
 * `require("x")`, `module.require("x")`, `(require)("x")`, `import("x")`, `import(/* chunk *\/ "x")` (comments of either kind before the specifier):
 * the specifiers the analysis context reads from the syntax tree (context.ts), read from the text
 * instead, so that a file that needs no walk of its tree gets none (a comment that looks like a call
 * only lets a file through). Found by `indexOf` and read by a sticky pattern at each occurrence: a
 * pattern run over the whole text costs more per character than the gate saves on a large file.
 */
const CALLED_WORDS = ["require", "import"];
const AFTER_CALLEE = /\s*\)?\s*\(\s*(?:(?:\/\*[^]*?\*\/|\/\/[^\n]*\n)\s*)*(["'`])([^"'`\\]*)\1/y;

function addCalledModules(text: string, into: Set<string>): void {
  for (const word of CALLED_WORDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      AFTER_CALLEE.lastIndex = at + word.length;
      const match = AFTER_CALLEE.exec(text);
      if (match) into.add(sourceModule(match[2]!));
    }
  }
}

const moduleSets = new AttachedCache<TSESTree.Program, ReadonlySet<string>>("honeyhive.entryModules");

/** Every module the file imports, requires or imports dynamically; once per file (both kinds ask). */
function modulesOf(input: AnalysisInput, top: TopLevel): ReadonlySet<string> {
  let found = moduleSets.get(input.ast);
  if (!found) {
    const all = new Set(top.staticImports);
    addCalledModules(input.text, all);
    found = all;
    moduleSets.set(input.ast, found);
  }
  return found;
}

const gates: Record<EntryKind, AttachedCache<TSESTree.Program, boolean>> = {
  invocation: new AttachedCache("honeyhive.mayHoldInvocation"),
  handler: new AttachedCache("honeyhive.mayHoldHandler"),
};

/** `mayHoldEntry`'s answer when a rule or model has asked it for this file already, else undefined (nothing is computed). */
export function answeredMayHoldEntry(input: AnalysisInput, kind: EntryKind): boolean | undefined {
  return gates[kind].get(input.ast);
}

/**
 * Whether the file may hold a handler of `kind` that the handler engine would find, by the plugin's
 * descriptors; once per file. `false` is sure: the file holds none.
 */
export function mayHoldEntry(input: AnalysisInput, kind: EntryKind): boolean {
  // Asked by most rules and by the handler engine: the cached answer without a closure per call.
  const gate = gates[kind];
  const known = gate.get(input.ast);
  if (known !== undefined) return known;
  // Every test of the invocation kind is one of the handler kind's (`kindGate`: its imports, conventions,
  // plugin exports, hooks and globals are subsets), so a file that may hold an invocation may hold a
  // handler, and one that holds no handler holds no invocation: the kind asked second is often decided.
  const implied = kind === "handler";
  if (gates[implied ? "invocation" : "handler"].get(input.ast) === implied) {
    gate.set(input.ast, implied);
    return implied;
  }
  return gate.getOrCompute(input.ast, () => mayHoldEntryFor(input, kind, gateOfPlugin()), true);
}
