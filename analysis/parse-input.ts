// Builds an `AnalysisInput` from source text the way the ESLint parser would (typescript-estree +
// scope-manager; no tokens or comments, see below), for the codemods and unit tests of the analysis core.
// `import =` compiles to require() (createRequire in the ESM build): an ESM `import` of these
// CommonJS packages makes Node lex their sources for named exports on every start (see
// codemods/load-cost.test.ts).
import scopeManager = require("@typescript-eslint/scope-manager");
import typescriptEstree = require("@typescript-eslint/typescript-estree");
import estreeInternals = require("@typescript-eslint/typescript-estree/use-at-your-own-risk");
import { extname } from "node:path";
import ts = require("typescript");
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { extractModuleFacts } from "./export-facts.js";
import type { AnalysisInput } from "./input.js";
import { indexNodes } from "./nodes.js";
import { DEFAULT_SETTINGS, type HoneyhiveSettings } from "./settings.js";

/** `.cjs`/`.cts` without import/export syntax are CommonJS scripts; everything else is parsed as an ES module. JSX where the extension allows it. */
export function parseAnalysisInput(
  text: string,
  filename: string,
  settings: HoneyhiveSettings = DEFAULT_SETTINGS,
): AnalysisInput {
  // A module read for this file is parsed the same way, without a reader of its own (one module deep).
  return { ...parseModuleInput(text, filename, settings), readModuleFacts: (moduleText, moduleFilename) => extractModuleFacts(parseModuleInput(moduleText, moduleFilename, settings)) };
}

function parseModuleInput(text: string, filename: string, settings: HoneyhiveSettings): AnalysisInput {
  const extension = filename.slice(filename.lastIndexOf(".") + 1).toLowerCase();
  const jsx = extension === "tsx" || extension === "jsx" || extension === "js" || extension === "cjs" || extension === "mjs";
  // `loc: true` although the analysis core and the codemods read `range` only: typescript-estree
  // computes positions either way, and `loc: false` then walks the whole tree again to delete them
  // (leaving every node a slow dictionary-mode object), so asking for no positions costs time.
  // No `tokens` and no `comment`: each rescans the whole file. The core and the codemods need
  // neither (ESLint's parser gives the rules both, so code shared with them must not rely on
  // `ast.tokens`/`ast.comments`): what they would find is read from the AST and the text instead.
  // No JSDoc parsing either (typescript-estree parses every JSDoc comment by default): nothing here
  // reads JSDoc types.
  const ast = parseEstree(text, filename, jsx);
  // ESLint gives rules an AST with `parent` set; the parser alone does not. The walk that sets it
  // also indexes the nodes by type (cached for this AST), which the analysis core and the transforms
  // ask for instead of walking the tree again.
  indexNodes(ast);
  // A `.cts` file may still use `import` syntax (compiled to require); only a file without it is a script.
  const hasModuleSyntax = ast.body.some((statement) => statement.type.startsWith("Import") || statement.type.startsWith("Export"));
  const sourceType = (extension === "cjs" || extension === "cts") && !hasModuleSyntax ? "script" : "module";
  // scope-manager's ScopeManager is the same class ESLint rules get through `sourceCode.scopeManager`.
  // `lib: []`: the analysis core follows the file's own bindings and imports; a global it reads
  // (`process`, `awslambda`) is an unresolved reference either way (handlers.ts treats a lib variable
  // without definitions and no variable alike), so declaring every lib global on each parse (the
  // default) only costs time: scope-manager's `populateGlobalsFromLib` was a fixed cost per parse.
  const scopes = scopeManager.analyze(ast, { sourceType, lib: [] }) as unknown as Scope.ScopeManager;
  return { ast, scopeManager: scopes, text, filename, settings };
}

/** Options of typescript-estree's conversion: see parseEstree. */
const CONVERSION = {
  allowInvalidAST: false,
  errorOnUnknownASTType: false,
  suppressDeprecatedPropertyWarnings: true,
  range: true,
  loc: true,
  comment: false,
  tokens: null,
} as const;

const fastPathAvailable = typeof estreeInternals.astConverter === "function";

/**
 * TypeScript's script kind for a file, from its extension, as typescript-estree's `parse` picks it
 * (which follows TypeScript's own table): JS for .js/.cjs/.mjs, JSX, TSX, TS for .ts/.cts/.mts; an
 * unknown extension is TSX with `jsx`, else TS. The one source for the parse here and the codemods'
 * output check (codemods/engine/parse.ts), so the two cannot read a file differently.
 */
export function scriptKindOf(filePath: string, jsx = false): ts.ScriptKind {
  switch (extname(filePath).toLowerCase()) {
    case ".js":
    case ".cjs":
    case ".mjs":
      return ts.ScriptKind.JS;
    case ".jsx":
      return ts.ScriptKind.JSX;
    case ".tsx":
      return ts.ScriptKind.TSX;
    case ".ts":
    case ".cts":
    case ".mts":
      return ts.ScriptKind.TS;
    default:
      return jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  }
}

const markAsModule = (file: ts.SourceFile): void => {
  (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
};

/**
 * What `typescriptEstree.parse(text, { range, loc, jsx, filePath, jsDocParsingMode: "none" })` returns,
 * without rebuilding typescript-estree's parse settings for every file (~1.3% of a whole-tree
 * migration: option validation, the project-service backend check, tsconfig root inference, none of
 * which a parse without a project uses): TypeScript's parser with the options typescript-estree
 * gives it, then typescript-estree's own conversion (`astConverter`, with its syntax checks), which
 * comes from typescript-estree's "use-at-your-own-risk" entry; if it is missing or fails other
 * than with a syntax error, the public `parse` does the work. parse-input.test.ts compares both on
 * every fixture.
 */
export function parseEstree(text: string, filename: string, jsx: boolean): TSESTree.Program {
  if (fastPathAvailable) {
    try {
      const extension = extname(filename).toLowerCase();
      const sourceFile = ts.createSourceFile(
        filename,
        text,
        {
          languageVersion: ts.ScriptTarget.Latest,
          jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
          // typescript-estree's rule for files without `sourceType`: .mjs/.mts are modules whatever they hold.
          ...(extension === ".mjs" || extension === ".mts" ? { setExternalModuleIndicator: markAsModule } : {}),
        },
        /* setParentNodes, which the conversion reads */ true,
        scriptKindOf(filename, jsx),
      );
      return estreeInternals.astConverter(sourceFile, CONVERSION as unknown as Parameters<typeof estreeInternals.astConverter>[1], false).estree as TSESTree.Program;
    } catch (error) {
      // typescript-estree's TSError carries the position; anything else is taken for a changed API.
      if (typeof (error as { lineNumber?: unknown } | undefined)?.lineNumber === "number") throw error;
    }
  }
  const options = { range: true, loc: true, comment: false, tokens: false, jsx, filePath: filename, jsDocParsingMode: "none" } as const;
  return typescriptEstree.parse(text, options) as TSESTree.Program;
}
