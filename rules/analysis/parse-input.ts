// Builds an `AnalysisInput` from source text the way the ESLint parser would (typescript-estree +
// scope-manager), for the codemods and for unit tests of the analysis core.
import { analyze } from "@typescript-eslint/scope-manager";
import { parse, simpleTraverse } from "@typescript-eslint/typescript-estree";
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { AnalysisInput } from "./input.js";
import { DEFAULT_SETTINGS, type HoneyhiveSettings } from "./settings.js";

export interface ParseAnalysisOptions {
  /**
   * Line/column positions on every node and token (default true, as ESLint gives them). The
   * analysis core and the codemods work on `range` only, so the codemods turn them off: computing
   * them is a sizeable share of typescript-estree's conversion. Without them `node.loc` is absent
   * although the types say otherwise, so only code that never reads `loc` may ask for that.
   */
  readonly loc?: boolean;
}

/** `.cjs`/`.cts` without import/export syntax are CommonJS scripts; everything else is parsed as an ES module. JSX where the extension allows it. */
export function parseAnalysisInput(
  text: string,
  filename: string,
  settings: HoneyhiveSettings = DEFAULT_SETTINGS,
  options: ParseAnalysisOptions = {},
): AnalysisInput {
  const extension = filename.slice(filename.lastIndexOf(".") + 1).toLowerCase();
  const jsx = extension === "tsx" || extension === "jsx" || extension === "js" || extension === "cjs" || extension === "mjs";
  const loc = options.loc ?? true;
  const ast = parse(text, { range: true, loc, comment: true, tokens: true, jsx, filePath: filename }) as TSESTree.Program;
  // ESLint gives rules an AST with `parent` set; the parser alone does not.
  simpleTraverse(ast, { enter() {} }, true);
  // A `.cts` file may still use `import` syntax (compiled to require); only a file without it is a script.
  const hasModuleSyntax = ast.body.some((statement) => statement.type.startsWith("Import") || statement.type.startsWith("Export"));
  const sourceType = (extension === "cjs" || extension === "cts") && !hasModuleSyntax ? "script" : "module";
  // scope-manager's ScopeManager is the same class ESLint rules get through `sourceCode.scopeManager`.
  // `lib: []`: the analysis core follows the file's own bindings and imports; a global it reads
  // (`process`, `awslambda`) is an unresolved reference either way (handlers.ts treats a lib variable
  // without definitions and no variable alike), so declaring every lib global on each parse (the
  // default) only costs time: scope-manager's `populateGlobalsFromLib` was a fixed cost per parse.
  const scopeManager = analyze(ast, { sourceType, lib: [] }) as unknown as Scope.ScopeManager;
  return { ast, scopeManager, text, filename, settings };
}
