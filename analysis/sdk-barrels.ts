// A project module that re-exports the SDK (`export * from "honeyhive"`, `export { HoneyHiveTracer }
// from "honeyhive"`, `module.exports = require("honeyhive")`, `export * as hh from "honeyhive"`) is a
// barrel: its importers use the SDK through it without naming "honeyhive". What the barrel hands on
// is a fact of the barrel (`sdkReExport`, analysis/export-facts.ts), read through the input's
// `readModuleFacts` hook (analysis/project-modules.ts), down a chain of barrels when the barrel itself
// re-exports another project module; here it turns an origin in the barrel
// into the origin in the SDK it stands for, so the SDK model (and, through it, the rules and the
// codemods) reads `import { traceModel } from "./hh"` as honeyhive's `traceModel`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { AttachedCache } from "./attached-cache.js";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { isTypeOnlyImport, staticName } from "./ast.js";
import { exportPath, type ModuleOrigin } from "./bindings.js";
import { sourceModule } from "./context.js";
import type { ModuleFacts, ReExport, SdkReExportFact } from "./export-facts.js";
import type { AnalysisInput, ModuleFactsReader } from "./input.js";
import { importedBindingUses } from "./imported-binding-uses.js";
import { TYPES_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { HONEYHIVE_VALUE_EXPORTS } from "./knowledge/sdks/index.js";
import { MAX_RE_EXPORT_CHAIN, absolutePath, importedModule, isProjectModule, projectModules } from "./project-modules.js";
import { isSdkModule } from "./settings.js";
import { topLevelImportsOf } from "./top-level-imports.js";

/**
 * The text of a module that may re-export the SDK (`export * from "honeyhive"`, `export { … } from
 * "honeyhive"`, `module.exports = require("honeyhive")`): the cheap test before its facts are asked for.
 */
export const MAY_RE_EXPORT_SDK = /\bexport\b[^;]*?\bfrom\s*["']honeyhive["']|module\.exports\s*=\s*require\(\s*["']honeyhive["']/;

// Per file, kept on the AST (attached-cache.ts says why not in WeakMaps).
/** Per file: specifier → what that module re-exports of the SDK (null: nothing, or not a readable project module). */
const barrelsByFile = new AttachedCache<TSESTree.Program, Map<string, SdkReExportFact | null>>("honeyhive.sdkBarrels");

const candidatesByFile = new AttachedCache<TSESTree.Program, ReadonlySet<string>>("honeyhive.barrelCandidates");

/** What most files find: no candidate (one shared set instead of an empty one per file). */
const NO_CANDIDATES: ReadonlySet<string> = new Set();

/**
 * Names whose import from a project module makes it a barrel worth reading: the SDK's value exports
 * and the 1.x types (`import type { TraceFunctionOptions } from "./lib"` alone is renamed as from the package).
 */
const BARREL_IMPORT_NAMES: ReadonlySet<string> = new Set([...HONEYHIVE_VALUE_EXPORTS, ...Object.keys(TYPES_1X)]);

/**
 * A binding named like a tracer class (`Tracer`, `HHTracer`): a renamed re-export of the class
 * (`export { HoneyHiveTracer as Tracer }`) is imported under such a name, also for types only
 * (`tracer: Tracer`). An instance's name (`tracer`) is not one: the SDK model reads that module one
 * `export … from` deep for its tracer exports, and no chain of barrels is followed for it.
 */
const TRACER_CLASS_NAME = /^(?:[A-Z][\w$]*)?Tracer$/;

/** A binding of a project module: the name it imports (undefined for the whole module) and its variable (undefined for a pattern or a type import). */
interface ImportedBinding {
  readonly imported: string | undefined;
  readonly variable: Scope.Variable | undefined;
}

/**
 * The project-module specifiers of the file's top-level imports and `require`s that may be barrels
 * worth reading: the import names an SDK export (`{ traceModel }`, `require("./hh").traceModel`,
 * `import type { HoneyHiveTracer }`), or
 * a binding of it is used as a module object of the SDK (`hh.traceModel(…)`, through `import * as hh`,
 * a default import, `const hh = require(…)` or `import { hh }` of `export * as hh`). Any other import
 * of a project module is never read here, so a file's imports of its own helpers cost one pass over
 * `ast.body` and a look at each binding's references (this runs on every file that does not name the
 * SDK: the SDK model's gate asks it last). The references are read once per binding for this and the
 * gate's tracer question (analysis/imported-binding-uses.ts).
 */
function barrelCandidates(input: AnalysisInput): ReadonlySet<string> {
  let candidates = candidatesByFile.get(input.ast);
  if (candidates) return candidates;
  let found: Set<string> | undefined;
  const { ast, scopeManager } = input;
  for (const binding of topLevelImportsOf(ast).bindings) {
    if (binding.kind === "import") {
      const specifier = sourceModule(binding.specifier);
      if (!isCandidate(input, specifier)) continue;
      const statement = binding.node;
      for (const imported of statement.specifiers) {
        // A type import counts by its name only (`import type { HoneyHiveTracer }` for a parameter's type):
        // its binding is no module object.
        const name = imported.type === AST_NODE_TYPES.ImportSpecifier ? staticName(imported.imported) : undefined;
        const variable = isTypeOnlyImport(statement, imported) ? undefined : scopeManager.getDeclaredVariables(imported)[0];
        if (mayBeBarrelImport(ast, name, variable)) {
          (found ??= new Set()).add(specifier);
          break;
        }
      }
    } else if (binding.kind === "declarator" && !binding.exported) {
      const specifier = sourceModule(binding.specifier);
      if (!isCandidate(input, specifier)) continue;
      const { node: declarator, member } = binding;
      const variables = scopeManager.getDeclaredVariables(declarator);
      if (member !== undefined) {
        if (mayBeBarrelImport(ast, member, declarator.id.type === AST_NODE_TYPES.Identifier ? variables[0] : undefined)) (found ??= new Set()).add(specifier);
      } else if (boundNames(declarator.id, variables).some(({ imported, variable }) => mayBeBarrelImport(ast, imported, variable))) (found ??= new Set()).add(specifier);
    }
  }
  candidates = found ?? NO_CANDIDATES;
  candidatesByFile.set(input.ast, candidates);
  return candidates;
}

/** A project module that is not the SDK's (a barrel may be read for it). */
function isCandidate(input: AnalysisInput, specifier: string): boolean {
  return !isSdkModule(specifier, input.settings) && isProjectModule(specifier, input);
}

/** An import of a barrel candidate that makes its module worth reading: an SDK name, a tracer class's name, or a binding used as the SDK's module object. */
function mayBeBarrelImport(ast: TSESTree.Program, imported: string | undefined, variable: Scope.Variable | undefined): boolean {
  return (imported !== undefined && (BARREL_IMPORT_NAMES.has(imported) || TRACER_CLASS_NAME.test(imported))) || (variable !== undefined && importedBindingUses(ast, variable).sdkObject);
}

/** `const { a, b: c } = …` → `a` (as `a`), `b` (as `c`); `const m = …` → the whole module as `m`; `variables`: the declarator's. */
function boundNames(id: TSESTree.BindingName, variables: readonly Scope.Variable[]): ImportedBinding[] {
  const variableOf = (node: TSESTree.Node) => (node.type === AST_NODE_TYPES.Identifier ? variables.find((variable) => variable.name === node.name) : undefined);
  if (id.type === AST_NODE_TYPES.Identifier) return [{ imported: undefined, variable: variableOf(id) }];
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  return id.properties.map((property) =>
    property.type === AST_NODE_TYPES.Property ? { imported: staticName(property.key, property.computed), variable: variableOf(property.value) } : { imported: undefined, variable: undefined },
  );
}

/** For the SDK model's gate: the file imports the SDK through a barrel (reads only the candidates). */
export function importsSdkThroughBarrel(input: AnalysisInput): boolean {
  for (const specifier of barrelCandidates(input)) if (sdkBarrelOf(input, specifier)) return true;
  return false;
}

/**
 * What the project module `specifier` (imported by the file of `input`) re-exports of the SDK, if it
 * is a barrel. A module the file imports in no way a barrel is used (see `barrelCandidates`) is not
 * read: a renamed re-export imported alone (`import { wrap }` of `export { traceFunction as wrap }`)
 * is therefore not seen.
 */
export function sdkBarrelOf(input: AnalysisInput, specifier: string): SdkReExportFact | undefined {
  const read = barrelReader(input);
  if (!read || !barrelCandidates(input).has(specifier)) return undefined;
  let bySpecifier = barrelsByFile.get(input.ast);
  if (!bySpecifier) barrelsByFile.set(input.ast, (bySpecifier = new Map()));
  let fact = bySpecifier.get(specifier);
  if (fact === undefined) {
    const barrel = barrelModule(input, specifier, read);
    // A barrel may hand on the SDK itself and through another barrel (`export { HoneyHiveTracer as Tracer }
    // from "honeyhive"; export * from "./types"`): both count, its own names first (as ES modules rank
    // a module's explicit exports over its `export *`).
    const inner = barrel && barrel.facts.reExports.length > 0 ? throughReExports(input, barrel.path, barrel.facts.reExports, new Set([barrel.path])) : undefined;
    fact = barrel ? (mergeReExports(barrel.facts.sdkReExport, inner) ?? null) : null;
    bySpecifier.set(specifier, fact);
  }
  return fact ?? undefined;
}

/**
 * How barrels are read for `input`: the linted file's reader, or on a module read for another file
 * the reader it has for its barrels alone (analysis/input.ts `readBarrelFacts`), so that module's own
 * `HoneyHiveTracer.init()` through `./lib/hh` is a tracer to its importers too.
 */
function barrelReader(input: AnalysisInput): ModuleFactsReader | undefined {
  return input.readModuleFacts ?? input.readBarrelFacts;
}

/**
 * The barrels being read, over the nested reads of one lookup: a module read for its barrel may
 * import an SDK name from a module that is being read (a cycle of imports between barrels), which
 * then tells nothing more instead of being read again without end.
 */
const barrelsBeingRead = new Set<string>();

/** The project module `specifier` names from the file of `input`, and its facts (read with `throughReExportChains`). */
function barrelModule(input: AnalysisInput, specifier: string, read: ModuleFactsReader): { readonly path: string; readonly facts: ModuleFacts } | undefined {
  if (input.readModuleFacts) return importedModule(input, specifier, true);
  let path: string | undefined;
  try {
    path = projectModules().resolve(specifier, absolutePath(input.filename));
  } catch {
    return undefined;
  }
  if (path === undefined || barrelsBeingRead.has(path)) return undefined;
  barrelsBeingRead.add(path);
  try {
    return { path, facts: projectModules().factsOf(path, read, true) };
  } finally {
    barrelsBeingRead.delete(path);
  }
}

/**
 * A barrel of a barrel (`lib/index.ts`: `export * from "./hh"`, where `./hh` re-exports the SDK, or
 * re-exports another module that does): what the module hands on of the SDK through its `export … from`
 * of project modules, followed as deep as the chain goes, each module once (`visited` is the chain so
 * far: a cycle of `export *` between two modules ends there). Only a module a file imports as a barrel
 * (`barrelCandidates`) gets here, so a file that names no SDK export reads no more modules than before;
 * the modules read are cached per path by the reader.
 */
function throughReExports(input: AnalysisInput, path: string, reExports: readonly ReExport[], visited: ReadonlySet<string>): SdkReExportFact | undefined {
  const read = barrelReader(input);
  if (visited.size >= MAX_RE_EXPORT_CHAIN || !read) return undefined;
  let all = false;
  const names: Record<string, string> = {};
  const types: Record<string, string> = {};
  const namespaces: string[] = [];
  for (const reExport of reExports) {
    if (isSdkModule(reExport.specifier, input.settings) || !isProjectModule(reExport.specifier, input)) continue;
    const target = projectModules().resolve(reExport.specifier, path);
    if (target === undefined || visited.has(target)) continue;
    const facts = projectModules().factsOf(target, read, true);
    const further = facts.reExports.length > 0 ? throughReExports(input, target, facts.reExports, new Set([...visited, target])) : undefined;
    const inner = mergeReExports(facts.sdkReExport, further);
    if (!inner) continue;
    if (reExport.names === "*") {
      // `export *` hands on every named export, never the default (`module.exports = require(…)`'s module object).
      all ||= inner.all;
      for (const [exported, sdkName] of Object.entries(inner.names)) if (exported !== "default") names[exported] ??= sdkName;
      for (const [exported, sdkName] of Object.entries(inner.types ?? {})) types[exported] ??= sdkName;
      namespaces.push(...inner.namespaces.filter((name) => name !== "default"));
      continue;
    }
    for (const [exported, imported] of Object.entries(reExport.names)) {
      if (Object.hasOwn(inner.names, imported)) names[exported] = inner.names[imported]!;
      else if (inner.namespaces.includes(imported)) namespaces.push(exported);
      else if (inner.types && Object.hasOwn(inner.types, imported)) types[exported] = inner.types[imported]!;
      else if (inner.all && HONEYHIVE_VALUE_EXPORTS.has(imported)) names[exported] = imported;
    }
  }
  return factOf(all, names, namespaces, types);
}

/** The fact, or undefined when it hands on nothing; `types` only when there are some (as export-facts writes it). */
function factOf(all: boolean, names: Record<string, string>, namespaces: readonly string[], types: Record<string, string>): SdkReExportFact | undefined {
  const hasTypes = Object.keys(types).length > 0;
  if (!all && namespaces.length === 0 && Object.keys(names).length === 0 && !hasTypes) return undefined;
  return hasTypes ? { all, names, namespaces, types } : { all, names, namespaces };
}

/** What a module hands on of the SDK itself (`own`) and through its project re-exports (`inner`): its own names win. */
function mergeReExports(own: SdkReExportFact | undefined, inner: SdkReExportFact | undefined): SdkReExportFact | undefined {
  if (!own || !inner) return own ?? inner;
  return factOf(
    own.all || inner.all,
    { ...inner.names, ...own.names },
    [...new Set([...own.namespaces, ...inner.namespaces])],
    { ...inner.types, ...own.types },
  );
}

/**
 * The SDK origin an origin in a barrel stands for (`./hh` `traceModel` → `honeyhive` `traceModel`);
 * undefined when the module is no barrel or the name is not one it hands on from the SDK (a tracer the
 * barrel defines itself stays the barrel's).
 */
export function sdkOriginThroughBarrel(input: AnalysisInput, origin: ModuleOrigin): ModuleOrigin | undefined {
  const barrel = sdkBarrelOf(input, origin.module);
  if (!barrel) return undefined;
  const path = exportPath(origin);
  const [head, ...rest] = path;
  let sdkPath: readonly string[] | undefined;
  if (head === undefined) sdkPath = barrel.all ? [] : undefined; // the barrel's module object
  else if (Object.hasOwn(barrel.names, head)) sdkPath = [barrel.names[head]!, ...rest];
  else if (barrel.types && Object.hasOwn(barrel.types, head)) return { module: "honeyhive", path: [barrel.types[head]!, ...rest], typeOnly: true };
  else if (barrel.namespaces.includes(head)) sdkPath = rest;
  else if (barrel.all && HONEYHIVE_VALUE_EXPORTS.has(head)) sdkPath = path;
  if (sdkPath === undefined) return undefined;
  return { module: "honeyhive", path: sdkPath, ...(origin.typeOnly ? { typeOnly: true as const } : {}) };
}

/** Every name of the SDK a file may import through the barrel by its own name (`export *`), so new names can be added to that import. */
export function barrelExportsEverySdkName(input: AnalysisInput, specifier: string): boolean {
  return sdkBarrelOf(input, specifier)?.all === true;
}

/** The barrel hands on each of `names` under its own name (`export { traceTool, trace } from "honeyhive"`), so they can be added to that import. */
export function barrelExportsSdkNames(input: AnalysisInput, specifier: string, names: readonly string[]): boolean {
  const barrel = names.length > 0 ? sdkBarrelOf(input, specifier) : undefined;
  return barrel !== undefined && names.every((name) => barrel.names[name] === name || (barrel.all && HONEYHIVE_VALUE_EXPORTS.has(name)));
}
