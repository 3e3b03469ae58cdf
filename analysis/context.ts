// One analysis context per file, built lazily and shared by the models that take it: the binding
// resolver, the modules the file loads, its normalized path. Each part is computed on first use, so
// a model that never asks for the bindings does not pay for them.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { AttachedCache } from "./attached-cache.js";
import { dynamicImportSpecifier, requireSpecifier } from "./ast.js";
import { Bindings, environmentOnlyGlobalScope } from "./bindings.js";
import type { AnalysisInput } from "./input.js";
import { nodesOfType } from "./nodes.js";
import { splitCdnUrl } from "./knowledge/npm-cdns.js";
import { packageSpecifier } from "./settings.js";

export interface AnalysisContext {
  readonly input: AnalysisInput;
  /** The file's path with `/` separators (the conventions of file-routed frameworks are written with `/`). */
  readonly path: string;
  readonly bindings: Bindings;
  /**
   * Every module the file imports, requires, `import =`s or `import()`s, type-only imports included,
   * as the package it names (`sourceModule`: Deno's `npm:express@4` is `express`).
   */
  readonly importedModules: ReadonlySet<string>;
  /**
   * The modules of the file's `require()` and `import()` calls, anywhere (as `importedModules` names
   * them): loaded when the code runs, whatever its import declarations say (`import type` included).
   */
  readonly calledModules: ReadonlySet<string>;
  /** The modules of the top-level `import`, `import x = require()` and `export … from` statements alone (no walk of the tree), as `importedModules` names them. */
  readonly staticModules: ReadonlySet<string>;
  /**
   * How this file writes a specifier of `module` (a package name, as `importedModules` holds them):
   * Deno's `npm:honeyhive@^2` for `honeyhive`, `npm:honeyhive@^2/experiments` for
   * `honeyhive/experiments`, when the file imports that package in that form; else `module` itself.
   * For a fix that adds an import beside the file's own.
   */
  specifierFor(module: string): string;
  /**
   * The file's variables, every scope, in scope order: those it declares, and the undeclared ones (the
   * lib's and the configured globals) only where the file assigns to them. The global scope holds ~200
   * lib globals (`Array`, `fetch`, `console`, …) that a file neither declares nor writes: a model that
   * loops over every variable spent most of its time on them.
   */
  readonly variables: readonly Scope.Variable[];
}

/**
 * The package a written module specifier names, as every model compares it: Deno's `npm:express@4`
 * and `jsr:@std/http@1/server` are `express` and `@std/http/server`; other specifiers (relative
 * paths, `node:http`, bare names) are themselves. The one normalization of import sources: the
 * context applies it as it collects them, and a reader of another module's syntax tree (whose file
 * has no context) applies it to each source it reads.
 */
export function sourceModule(written: string): string;
export function sourceModule(written: string | undefined): string | undefined;
export function sourceModule(written: string | undefined): string | undefined {
  return written === undefined ? undefined : packageSpecifier(written);
}

/** The modules a file loads, and the written form of the ones it writes as another name (`npm:honeyhive@^2`). */
interface CollectedModules {
  readonly modules: Set<string>;
  /**
   * Package name → the written specifier up to its subpath and what follows the subpath (`honeyhive` →
   * `npm:honeyhive@^2`, ``; a CDN's `https://esm.sh/honeyhive@1`, `?target=deno`); made for the first such specifier only.
   */
  written?: Map<string, readonly [base: string, tail: string]>;
  /** Those of `require()` and `import()` calls; absent when none. */
  called?: Set<string>;
}

function addModule(collected: CollectedModules, written: string): void {
  const module = sourceModule(written);
  collected.modules.add(module);
  if (module === written) return;
  const name = packageNameOf(module);
  const forms = (collected.written ??= new Map());
  if (forms.has(name)) return;
  // A CDN's URL ends with its own parts after the subpath (`?target=deno`, jsDelivr's `/+esm`).
  const url = written.startsWith("https:") ? splitCdnUrl(written) : undefined;
  const path = url ? url.head + url.path : written;
  forms.set(name, [path.slice(0, path.length - (module.length - name.length)), url?.tail ?? ""]);
}

function addCalledModule(collected: CollectedModules, written: string): void {
  addModule(collected, written);
  (collected.called ??= new Set()).add(sourceModule(written));
}

const NO_MODULES: ReadonlySet<string> = new Set();

/** `@scope/name` or `name`: the package of a (normalized) specifier, without its subpath. */
function packageNameOf(module: string): string {
  const first = module.indexOf("/");
  if (first < 0) return module;
  const end = module.startsWith("@") ? module.indexOf("/", first + 1) : first;
  return end < 0 ? module : module.slice(0, end);
}

class LazyContext implements AnalysisContext {
  private bindingsValue: Bindings | undefined;
  private staticValue: CollectedModules | undefined;
  private modulesValue: CollectedModules | undefined;
  private variablesValue: Scope.Variable[] | undefined;
  readonly path: string;

  constructor(readonly input: AnalysisInput) {
    this.path = input.filename.replace(/\\/g, "/");
  }

  get bindings(): Bindings {
    return (this.bindingsValue ??= new Bindings(this.input.scopeManager));
  }

  get staticModules(): ReadonlySet<string> {
    return (this.staticValue ??= collectStaticModules(this.input.ast)).modules;
  }

  get importedModules(): ReadonlySet<string> {
    return this.allModules().modules;
  }

  get calledModules(): ReadonlySet<string> {
    return this.allModules().called ?? NO_MODULES;
  }

  specifierFor(module: string): string {
    const form = this.allModules().written?.get(packageNameOf(module));
    return form === undefined ? module : form[0] + module.slice(packageNameOf(module).length) + form[1];
  }

  private allModules(): CollectedModules {
    return (this.modulesValue ??= collectModules(this.input.ast, this.input.text, (this.staticValue ??= collectStaticModules(this.input.ast))));
  }

  get variables(): readonly Scope.Variable[] {
    return (this.variablesValue ??= fileVariables(this.input.scopeManager));
  }
}

function fileVariables(scopeManager: Scope.ScopeManager): Scope.Variable[] {
  const variables: Scope.Variable[] = [];
  // A module's global scope holds the environment's variables only (none declared by the file): they
  // count only where the file assigns one, so they are read only then.
  const environment = environmentOnlyGlobalScope(scopeManager);
  const skipped = environment !== undefined && !assignsGlobal(environment) ? environment : undefined;
  for (const scope of scopeManager.scopes) {
    if (scope === skipped) continue;
    for (const variable of scope.variables) {
      if (variable.defs.length > 0 || isWritten(variable)) variables.push(variable);
    }
  }
  return variables;
}

/**
 * Whether the code assigns a variable of the global scope (`fetch = …` over the lib's `fetch`): a written
 * reference resolved there. Each of the code's references to a global is in the `through` of the scope
 * below the global one (every unresolved reference goes up through each scope on its way), and of the
 * global scope's own references (none in a module); ESLint resolves its configured globals among them.
 */
function assignsGlobal(global: Scope.Scope): boolean {
  const assigns = (references: readonly Scope.Reference[]) => {
    for (let i = 0; i < references.length; i++) {
      const reference = references[i];
      if (reference.resolved !== null && reference.resolved.scope === global && reference.isWrite()) return true;
    }
    return false;
  };
  if (assigns(global.references)) return true;
  for (const child of global.childScopes) if (assigns(child.through)) return true;
  return false;
}

/** A loop, not `references.some(closure)`: this runs for each of the ~200 lib globals of every file, which mostly have no reference at all. */
function isWritten(variable: Scope.Variable): boolean {
  const { references } = variable;
  for (let i = 0; i < references.length; i++) if (references[i].isWrite()) return true;
  return false;
}

function collectStaticModules(ast: TSESTree.Program): CollectedModules {
  const collected: CollectedModules = { modules: new Set() };
  for (const statement of ast.body) {
    if (statement.type === "ImportDeclaration") addModule(collected, statement.source.value);
    else if (
      statement.type === "TSImportEqualsDeclaration" &&
      statement.moduleReference.type === "TSExternalModuleReference" &&
      statement.moduleReference.expression.type === "Literal"
    ) {
      addModule(collected, String(statement.moduleReference.expression.value));
    } else if ((statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration") && statement.source) {
      addModule(collected, statement.source.value);
    }
  }
  return collected;
}

/** The static modules and those of `require()` and `import()` anywhere in the file. */
function collectModules(ast: TSESTree.Program, text: string, statics: CollectedModules): CollectedModules {
  // Most files have no `require` and no `import()`: the text says so before any node is visited, and
  // then the static set is the whole set.
  const requires = text.includes("require");
  const dynamicImports = text.includes("import(");
  if (!requires && !dynamicImports) return statics;
  // The calls first: a file whose text names `require` only in a comment or a string (or calls it with
  // no literal) shares the static set instead of copying it.
  const written: string[] = [];
  if (requires) {
    for (const call of nodesOfType(ast, AST_NODE_TYPES.CallExpression)) {
      const specifier = requireSpecifier(call);
      if (specifier !== undefined) written.push(specifier);
    }
  }
  if (dynamicImports) {
    for (const expression of nodesOfType(ast, AST_NODE_TYPES.ImportExpression)) {
      const specifier = dynamicImportSpecifier(expression);
      if (specifier !== undefined) written.push(specifier);
    }
  }
  if (written.length === 0) return statics;
  const collected: CollectedModules = { modules: new Set(statics.modules) };
  if (statics.written) collected.written = new Map(statics.written);
  for (const specifier of written) addCalledModule(collected, specifier);
  return collected;
}

const contexts = new AttachedCache<TSESTree.Program, AnalysisContext>("honeyhive.analysisContext");

/** The analysis context of a file; one per AST. */
export function getAnalysisContext(input: AnalysisInput): AnalysisContext {
  let context = contexts.get(input.ast);
  if (!context) {
    context = new LazyContext(input);
    contexts.set(input.ast, context);
  }
  return context;
}
