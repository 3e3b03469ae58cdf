// Adding and removing SDK bindings in the file's own import style: an ESM named import, a namespace
// import, a destructured `require`, or a `require` object, of "honeyhive" or else of a module
// `settings.honeyhive.modules` declares as re-exporting it. Kept together because adding `trace` and
// dropping the last `HoneyHiveTracer` from the same import must become one edit of that import.
// Shared by the codemod transforms and the rules' suggestions, so both write the same imports.
// Which module a name comes from is the file's one binding resolver's answer (analysis/bindings.ts).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { dynamicImportSpecifier, findVariable, moduleScopeOf, requireSpecifier } from "./ast.js";
import { type EditList, lineStart, newlineOf } from "./edits.js";
import { dirname, join, relative } from "node:path";
import { getAnalysisContext, sourceModule } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { absolutePath, projectModules } from "./project-modules.js";
import { appendListElement, removeImportBindings, removeTrailingElements } from "./rewrite.js";
import { barrelExportsEverySdkName, barrelExportsSdkNames, sdkOriginThroughBarrel } from "./sdk-barrels.js";
import { isSdkModule } from "./settings.js";

const SDK_ROOT = "honeyhive";

type SdkImportSite =
  | { readonly kind: "named"; readonly declaration: TSESTree.ImportDeclaration }
  | { readonly kind: "namespace"; readonly name: string }
  | { readonly kind: "destructured"; readonly pattern: TSESTree.ObjectPattern }
  | { readonly kind: "object"; readonly name: string };

/**
 * The file's import of the SDK (or a module re-exporting it), in the most useful form for adding `names`
 * (none: any name).
 */
function findSdkImportSite(input: AnalysisInput, names: readonly string[] = []): SdkImportSite | undefined {
  // The SDK itself first; else a module the project declared as re-exporting it (settings.modules).
  const settingsModules = input.settings.modules;
  return (
    findImportSiteOf(input, (specifier) => specifier === SDK_ROOT) ??
    findImportSiteOf(input, (specifier) => settingsModules.includes(specifier)) ??
    // A project barrel that re-exports every SDK name (`export * from "honeyhive"`): the file keeps importing through it.
    findImportSiteOf(input, (specifier) => barrelExportsEverySdkName(input, specifier)) ??
    // One that names those it re-exports, among them the names to add (a workspace package's `export { traceTool, trace }
    // from "honeyhive"`): so does an app that may not depend on the SDK itself.
    findImportSiteOf(input, (specifier) => barrelExportsSdkNames(input, specifier, names))
  );
}

/**
 * The first named import or destructured `require` of a site module, else its first namespace import
 * or `require` object: read from the module-scope bindings whose origin is that module (a side-effect
 * `import "honeyhive"` binds nothing, so it is no site).
 */
function findImportSiteOf(input: AnalysisInput, isSite: (specifier: string) => boolean): SdkImportSite | undefined {
  const { bindings } = getAnalysisContext(input);
  const sites: { readonly site: SdkImportSite; readonly at: number; readonly named: boolean }[] = [];
  for (const variable of moduleScopeVariables(input)) {
    const def = variable.defs[0];
    const identifier = variable.identifiers[0];
    if (!def || !identifier) continue;
    const origin = bindings.originOf(identifier);
    if (!origin || !isSite(origin.module)) continue;
    if (def.type === "ImportBinding" && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
      const declaration = def.parent;
      if (declaration.importKind === "type") continue;
      // `import hh, * as ns from …` takes no `{ … }`: the namespace is the way to name more.
      const namespace = declaration.specifiers.find((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
      const site: SdkImportSite = namespace ? { kind: "namespace", name: namespace.local.name } : { kind: "named", declaration };
      sites.push({ site, at: declaration.range[0], named: !namespace });
    } else if (def.type === "ImportBinding" && def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration && def.node.importKind !== "type") {
      // `import hh = require("honeyhive")`: the module object, like a `require` held whole.
      sites.push({ site: { kind: "object", name: def.node.id.name }, at: def.node.range[0], named: false });
    } else if (def.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && (requireSpecifier(def.node.init) ?? dynamicImportSpecifier(def.node.init)) !== undefined) {
      // `require("honeyhive")`, or an ES module's top-level `await import("honeyhive")` (kept as lazy as it was).
      const { id } = def.node;
      if (id.type === AST_NODE_TYPES.ObjectPattern) sites.push({ site: { kind: "destructured", pattern: id }, at: def.node.range[0], named: true });
      else if (id.type === AST_NODE_TYPES.Identifier) sites.push({ site: { kind: "object", name: id.name }, at: def.node.range[0], named: false });
    }
  }
  sites.sort((a, b) => a.at - b.at);
  return (sites.find((entry) => entry.named) ?? sites[0])?.site;
}

/**
 * A new SDK import is a `require` in a file without a static import, unless the file is an ES module
 * (`.mjs`/`.mts`, one that exports with `export`, or a React Server Components module marked `"use
 * client"` / `"use server"`, which only bundlers of ES modules read): there `require` is not defined (a
 * ReferenceError at load), and an `import` is what the file's own syntax already asks for.
 */
function usesRequire(ast: TSESTree.Program, filename: string): boolean {
  if (/\.m[jt]s$/.test(filename)) return false;
  if (/\.c[jt]s$/.test(filename)) return true;
  return !ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration || isExportStatement(statement) || isServerComponentsDirective(statement));
}

/** `"use client"` / `"use server"` in the directive prologue (react.dev/reference/rsc/use-client, use-server). */
function isServerComponentsDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && (statement.directive === "use client" || statement.directive === "use server");
}

function isExportStatement(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration
  );
}

/**
 * The destructure a removed SDK binding was declared in when it is a function's own
 * `const { … } = await import("honeyhive")` (or `require("honeyhive")` there), else undefined: a name
 * used only inside that function after it goes into the same destructure, loaded as lazily as the 1.x
 * name was, not into a new module-level import.
 */
function localSdkDestructure(variable: Scope.Variable, input: AnalysisInput): TSESTree.ObjectPattern | undefined {
  if (variable.scope.type === "module" || variable.scope.type === "global") return undefined;
  const holder = holderOf(variable);
  const pattern = holder?.type === AST_NODE_TYPES.Property ? holder.parent : undefined;
  const declarator = pattern?.parent;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern) return undefined;
  const specifier = dynamicImportSpecifier(declarator.init) ?? requireSpecifier(declarator.init);
  return specifier !== undefined && isSdkModule(specifier, input.settings) ? pattern : undefined;
}

/** The file to edit: its analysis input, or anything that holds one (the codemods' parsed file). */
export type SdkImportsFile = AnalysisInput | { readonly input: AnalysisInput };

/** How SDK export `name` is written in this file, and what writing it needs. */
interface SdkReference {
  readonly text: string;
  /** The module-level variable `text` starts with; undefined when `name` is to be added. */
  readonly variable?: Scope.Variable;
  /** `name` is to be added to the imports. */
  readonly adds: boolean;
  /** Where an added name goes; undefined when a new import statement would be needed. */
  readonly site?: SdkImportSite;
}

/**
 * Collects SDK import changes (for one transform, or one suggestion) and writes them as edits of the
 * import statements.
 */
export class SdkImports {
  private readonly added = new Set<string>();
  private readonly removed = new Set<Scope.Variable>();
  /** Where each added name is written; `null` when a caller did not say (`use()`). */
  private readonly addedAt = new Map<string, (TSESTree.Node | null)[]>();
  private readonly input: AnalysisInput;

  constructor(file: SdkImportsFile) {
    this.input = inputOf(file);
  }

  /** The text that names SDK export `name` here (`trace`, a renamed local, `hh.trace`), adding an import if needed. */
  use(name: string): string {
    const reference = this.reference(name);
    if (reference.adds) this.addAt(name, null);
    return reference.text;
  }

  private addAt(name: string, node: TSESTree.Node | null): void {
    this.added.add(name);
    const places = this.addedAt.get(name);
    if (places) places.push(node);
    else this.addedAt.set(name, [node]);
  }

  /**
   * `use(name)` for the one place `node`, or undefined (and nothing added) when that cannot be written
   * there without guessing: the text would not mean the SDK export at `node` (its binding is shadowed
   * there, or another variable of the name to add is in scope: a local `enrichSession`), or, with
   * `newImport: false`, the file has no SDK import to add the name to. In a package that does not depend
   * on the SDK (`packageWithoutSdk`) the name is returned but no import of it is added, for every caller:
   * such an import does not resolve under pnpm or Yarn PnP, so the caller asks `packageWithoutSdk` and marks
   * the place (a codemod) or offers no fix (a rule).
   */
  useAt(name: string, node: TSESTree.Node, options: { readonly newImport?: boolean } = {}): string | undefined {
    const reference = this.reference(name);
    if (reference.adds && !reference.site && options.newImport === false) return undefined;
    const root = reference.text.split(".")[0]!;
    if (findVariable(this.input.scopeManager, node, root) !== reference.variable) return undefined;
    if (reference.adds && this.packageWithoutSdk(name) === undefined) this.addAt(name, node);
    return reference.text;
  }

  /** Takes back what `useAt(name, node)` added for `node`, whose rewrite was not written after all. */
  unuse(name: string, node: TSESTree.Node): void {
    const places = this.addedAt.get(name)?.filter((place) => place !== node);
    if (places === undefined) return;
    if (places.length > 0) this.addedAt.set(name, places);
    else {
      this.addedAt.delete(name);
      this.added.delete(name);
    }
  }

  /**
   * The package that holds this file (its package.json's `name`, else that file's path from here), when writing
   * SDK export `name` here needs a new import of "honeyhive" and that package names no `honeyhive` among its
   * dependencies (of any kind) nor is it: a consumer of a workspace package that re-exports the tracer. Under
   * pnpm's strict node_modules or Yarn PnP such an import does not resolve, so `useAt()` writes the name but adds
   * no import, and its caller leaves a review marker in its place (the 1.x codemods' `sdkNotADependency`) or, in a
   * rule, offers no fix.
   * Undefined elsewhere, and for a file no disk holds (nothing is known of its package).
   */
  packageWithoutSdk(name: string): string | undefined {
    const reference = this.reference(name);
    if (!reference.adds || reference.site) return undefined;
    // Deno's `npm:honeyhive@^2` and the like resolve without a package.json entry.
    if (getAnalysisContext(this.input).specifierFor(SDK_ROOT) !== SDK_ROOT) return undefined;
    const reader = projectModules();
    const root = reader.packageRootOnDisk(dirname(absolutePath(this.input.filename)));
    if (root === undefined || root === null) return undefined;
    const manifest = reader.manifestOf(root);
    if (manifest === undefined || manifest.name === SDK_ROOT || manifest.dependencies.has(SDK_ROOT)) return undefined;
    // Named as the package's `name`, else by the manifest's path from this file: the same in every working directory.
    return manifest.name ?? relative(dirname(absolutePath(this.input.filename)), join(root, "package.json")).split("\\").join("/");
  }

  private reference(name: string): SdkReference {
    const existing = this.localBinding(name);
    if (existing) return { text: existing.name, variable: existing, adds: false };
    const site = findSdkImportSite(this.input, [name]);
    if (site?.kind === "namespace" || site?.kind === "object") {
      const siteName = site.name;
      return { text: `${siteName}.${name}`, variable: moduleScopeVariables(this.input).find((variable) => variable.name === siteName), adds: false };
    }
    return { text: name, adds: true, site };
  }

  /** Drops the import binding of `variable` (an SDK import) at `finish()`. */
  remove(variable: Scope.Variable): void {
    this.removed.add(variable);
  }

  /** The module-scope binding of SDK export `name` (`trace`, `hhTrace` for a renamed import, a destructured `require`). */
  private localBinding(name: string): Scope.Variable | undefined {
    const { bindings } = getAnalysisContext(this.input);
    return moduleScopeVariables(this.input).find((variable) => {
      const identifier = variable.identifiers[0];
      if (identifier === undefined || this.removed.has(variable)) return false;
      const found = bindings.originOf(identifier);
      const origin = found && !isSdkModule(found.module, this.input.settings) ? sdkOriginThroughBarrel(this.input, found) : found;
      return origin !== undefined && origin.path.length === 1 && origin.path[0] === name && isSdkModule(origin.module, this.input.settings);
    });
  }

  finish(edits: EditList): void {
    // Nothing used or dropped (most files a transform looks at): no import to read or edit.
    if (this.added.size === 0 && this.removed.size === 0) return;
    const { text } = this.input;
    const local = this.intoLocalDestructures(edits);
    const pending = [...this.added].filter((name) => !local.names.has(name));
    const site = findSdkImportSite(this.input, pending);
    const removedHere = [...this.removed].filter((variable) => !local.variables.has(variable));
    // `import { HoneyHiveTracer } from "honeyhive"` + add trace → `import { trace } from "honeyhive"`.
    if (pending.length > 0 && site && (site.kind === "named" || site.kind === "destructured")) {
      const elements: readonly TSESTree.Node[] = site.kind === "named" ? site.declaration.specifiers : site.pattern.properties;
      const removedElements = elements.filter((element) => removedHere.some((variable) => holderOf(variable) === element));
      if (removedElements.length === elements.length && removedElements.length > 0) {
        edits.replace(removedElements[0], pending.join(", "));
        for (const element of removedElements.slice(1)) {
          removeTrailingElements(edits, elements[elements.indexOf(element) - 1], [element], text);
        }
        return;
      }
    }
    removeImportBindings(edits, text, removedHere);
    if (pending.length === 0) return;
    if (site?.kind === "named") {
      const specifiers = site.declaration.specifiers;
      const named = specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
      if (named.length > 0) {
        const close = text.indexOf("}", named.at(-1)!.range[1]);
        const open = text.lastIndexOf("{", named[0].range[0]);
        appendListElement(edits, text, named, open, close, pending.join(", "));
      } else {
        // `import hh from "honeyhive"` → `import hh, { trace } from "honeyhive"`
        edits.insertAfter(specifiers.at(-1)!, `, { ${pending.join(", ")} }`);
      }
      return;
    }
    if (site?.kind === "destructured") {
      appendListElement(edits, text, site.pattern.properties, site.pattern.range[0], site.pattern.range[1] - 1, pending.join(", "));
      return;
    }
    this.insertNewImport(edits, pending);
  }

  /**
   * Added names written only inside functions that destructure the SDK themselves (`const { traceTool } =
   * await import("honeyhive")`, whose binding goes), after that destructure: into it, in place of the
   * removed bindings. Returns the names and the removed variables it wrote.
   */
  private intoLocalDestructures(edits: EditList): { readonly names: ReadonlySet<string>; readonly variables: ReadonlySet<Scope.Variable> } {
    const names = new Set<string>();
    const variables = new Set<Scope.Variable>();
    const sites = new Map<TSESTree.ObjectPattern, { readonly removed: Scope.Variable[]; readonly scope: TSESTree.Node; readonly names: string[] }>();
    for (const variable of this.removed) {
      const pattern = localSdkDestructure(variable, this.input);
      if (!pattern) continue;
      const site = sites.get(pattern);
      if (site) site.removed.push(variable);
      else sites.set(pattern, { removed: [variable], scope: variable.scope.block, names: [] });
    }
    if (sites.size === 0) return { names, variables };
    const siteOf = (node: TSESTree.Node | null) =>
      node === null ? undefined : [...sites].find(([pattern, { scope }]) => node.range[0] > pattern.range[1] && node.range[1] <= scope.range[1])?.[0];
    for (const [name, places] of this.addedAt) {
      const patterns = places.map(siteOf);
      if (patterns.some((pattern) => pattern === undefined)) continue;
      for (const pattern of new Set(patterns)) sites.get(pattern!)!.names.push(name);
      names.add(name);
    }
    for (const [pattern, site] of sites) {
      if (site.names.length === 0) continue;
      const elements = pattern.properties;
      const removedElements = elements.filter((element) => site.removed.some((variable) => holderOf(variable) === element));
      edits.replace(removedElements[0], site.names.join(", "));
      for (const element of removedElements.slice(1)) edits.remove([elements[elements.indexOf(element) - 1].range[1], element.range[1]]);
      for (const variable of site.removed) variables.add(variable);
    }
    return { names, variables };
  }

  private insertNewImport(edits: EditList, names: readonly string[]): void {
    const { ast, text } = this.input;
    const nl = newlineOf(text);
    const quote = /require\(\s*'|from\s+'/.test(text) ? "'" : '"';
    const semicolon = /from\s+["'][^"']+["'];|\)\s*;/.test(text) || !/from\s+["'][^"']+["']\s*$/m.test(text) ? ";" : "";
    // The form the file already writes the SDK in (Deno's `npm:honeyhive@^2`), else the package name.
    const specifier = getAnalysisContext(this.input).specifierFor(SDK_ROOT);
    const line = usesRequire(ast, this.input.filename)
      ? `const { ${names.join(", ")} } = require(${quote}${specifier}${quote})${semicolon}`
      : `import { ${names.join(", ")} } from ${quote}${specifier}${quote}${semicolon}`;
    const imports = ast.body.filter(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration ||
        (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => requireSpecifier(declarator.init) !== undefined)),
    );
    const anchor = imports.find((statement) => sourceModule(sourceOf(statement))?.startsWith(SDK_ROOT)) ?? imports.at(0);
    if (anchor) edits.insertAt(lineStart(text, anchor.range[0]), `${line}${nl}`);
    else edits.insertAt(headEnd(this.input), `${line}${nl}`);
  }
}

/** A comment that must stay first or means the whole file (`// @ts-check`, `/* eslint-disable *\/`, a licence header). */
const FILE_PRAGMA = /^(?:\/\/|\/\*)[*!\s]*(?:@ts-|eslint|@jsx|@flow|@license|@preserve|@format|@refresh|@vitest-environment|@jest-environment)|\b(?:copyright|licen[cs]ed?|SPDX-License-Identifier)\b/i;

/**
 * Where a new first import goes in a file with none: after a shebang, the directive prologue (`"use
 * client"`, `"use strict"`: a directive must come first) and the leading comments (a licence or
 * pragma block), but before the comments written against the first statement (its JSDoc, a line
 * comment with no blank line before that statement).
 */
function headEnd(input: AnalysisInput): number {
  const { ast, text } = input;
  const lineEnd = (offset: number) => {
    const end = text.indexOf("\n", offset);
    return end === -1 ? text.length : end + 1;
  };
  let offset = text.startsWith("#!") ? lineEnd(0) : 0;
  const directives = ast.body.filter((statement, index) => ast.body.slice(0, index + 1).every((s) => s.type === AST_NODE_TYPES.ExpressionStatement && s.directive !== undefined));
  if (directives.length > 0) offset = lineEnd(directives.at(-1)!.range[1]);
  const first = ast.body[directives.length];
  // The comments between there and the first statement, read from the text (the parse keeps none).
  const leading: { range: [number, number] }[] = [];
  const trivia = /\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/)/y;
  trivia.lastIndex = offset;
  for (let match = trivia.exec(text); match && match.index < (first?.range[0] ?? text.length); match = trivia.exec(text)) {
    leading.push({ range: [trivia.lastIndex - match[1]!.length, trivia.lastIndex] });
  }
  // Walk back from the first statement over comments joined to it by no blank line, pragmas excepted.
  let attached = leading.length;
  let next = first?.range[0] ?? text.length;
  while (attached > 0) {
    const comment = leading[attached - 1]!;
    const between = text.slice(comment.range[1], next);
    if (first === undefined || /\n[ \t]*\r?\n/.test(between) || FILE_PRAGMA.test(text.slice(comment.range[0], comment.range[1]))) break;
    attached--;
    next = comment.range[0];
  }
  return attached > 0 ? lineEnd(leading[attached - 1]!.range[1]) : offset;
}

/** The variables of the file's top scope (module scope, or the global scope of a script). */
export function moduleScopeVariables(file: SdkImportsFile): readonly Scope.Variable[] {
  const { scopeManager } = inputOf(file);
  return moduleScopeOf(scopeManager)?.variables ?? [];
}

function inputOf(file: SdkImportsFile): AnalysisInput {
  return "input" in file ? file.input : file;
}

function sourceOf(statement: TSESTree.Node): string | undefined {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.source.value;
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return requireSpecifier(statement.declarations[0]?.init);
  return undefined;
}

/** The import specifier or destructuring property that declares `variable`. */
function holderOf(variable: Scope.Variable): TSESTree.Node | undefined {
  return variable.identifiers[0]?.parent ?? undefined;
}
