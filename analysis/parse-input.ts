// Builds an `AnalysisInput` from source text the way the ESLint parser would (typescript-estree +
// scope-manager; no tokens or comments, see below), for the codemods and unit tests of the analysis core.
// `import =` compiles to require() (createRequire in the ESM build): an ESM `import` of these
// CommonJS packages makes Node lex their sources for named exports on every start (see
// codemods/load-cost.test.ts).
import scopeManager = require("@typescript-eslint/scope-manager");
import type * as TypescriptEstree from "@typescript-eslint/typescript-estree";
import type * as EstreeInternals from "@typescript-eslint/typescript-estree/use-at-your-own-risk";
import { dirname, extname, join } from "node:path";
import ts = require("typescript");
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { extractModuleFacts, type ModuleFacts } from "./export-facts.js";
import type { AnalysisInput } from "./input.js";
import { localRequire } from "./local-require.cjs";
import { indexNodes } from "./nodes.js";
import { settingsForFile } from "./sdk-version.js";
import { DEFAULT_SETTINGS, type HoneyhiveSettings } from "./settings.js";

/** `.cjs`/`.cts` without import/export syntax are CommonJS scripts; everything else is parsed as an ES module. JSX where the extension allows it. */
export function parseAnalysisInput(
  text: string,
  filename: string,
  settings: HoneyhiveSettings = DEFAULT_SETTINGS,
  cwd?: string,
  grammar: GrammarChecks = "checked",
): AnalysisInput {
  // A module read for this file is parsed the same way, without a reader of its own (one module deep),
  // but with one for the SDK barrels it imports (`readBarrelFacts`).
  const read = (moduleText: string, moduleFilename: string): ModuleFacts => extractModuleFacts({ ...parseModuleInput(moduleText, moduleFilename, settings, "checked"), readBarrelFacts: read });
  return { ...parseModuleInput(text, filename, settings, grammar), ...(cwd !== undefined ? { cwd } : {}), readModuleFacts: read };
}

/**
 * Whether the parse runs typescript-estree's grammar checks (`checked`, what ESLint's parser does):
 * the errors TypeScript's parser leaves to its type checker (`for (const x = 1 of y)`, a modifier or
 * decorator where none may be, two `default` clauses…), about a fifth of the conversion. `unchecked` is for a text
 * the codemod engine made by editing one that parsed checked (the settle, bench/NOTES.md
 * "### perf-migrate-9"): TypeScript's own syntax errors still fail it, as they fail the engine's
 * output check of every edit (codemods/engine/output-check.ts), and the AST of a valid text is the same.
 */
export type GrammarChecks = "checked" | "unchecked";

function parseModuleInput(text: string, filename: string, settings: HoneyhiveSettings, grammar: GrammarChecks): AnalysisInput {
  const extension = filename.slice(filename.lastIndexOf(".") + 1).toLowerCase();
  const jsx = extension === "tsx" || extension === "jsx" || extension === "js" || extension === "cjs" || extension === "mjs";
  // `loc: true` although the analysis core and the codemods read `range` only: typescript-estree
  // computes positions either way, and `loc: false` then walks the whole tree again to delete them
  // (leaving every node a slow dictionary-mode object), so asking for no positions costs time.
  // Each `loc` is computed from its node's `range` when first read instead (see LazyLocation).
  // No `tokens` and no `comment`: each rescans the whole file. The core and the codemods need
  // neither (ESLint's parser gives the rules both, so code shared with them must not rely on
  // `ast.tokens`/`ast.comments`): what they would find is read from the AST and the text instead.
  // No JSDoc parsing either (typescript-estree parses every JSDoc comment by default): nothing here
  // reads JSDoc types.
  const ast = parseEstree(text, filename, jsx, grammar);
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
  return { ast, scopeManager: scopes, text, filename, settings: settingsForFile(settings, filename, text) };
}

/** Options of typescript-estree's conversion: see parseEstree (`allowInvalidAST` by GrammarChecks). */
const CONVERSION = {
  errorOnUnknownASTType: false,
  suppressDeprecatedPropertyWarnings: true,
  range: true,
  loc: true,
  comment: false,
  tokens: null,
} as const;
const CONVERSION_OF = {
  checked: { ...CONVERSION, allowInvalidAST: false },
  unchecked: { ...CONVERSION, allowInvalidAST: true },
} as const;

type Converter = Pick<typeof EstreeInternals, "astConverter">;

/**
 * typescript-estree's `astConverter`, from its own module: the package's "use-at-your-own-risk" entry,
 * which exports it, also loads getScriptKind, warnAboutTSVersion and create-program/shared (~10 ms of
 * CPU in every process that parses: bench/NOTES.md, perf-migrate-3). Reached by path beside that
 * entry, as node-utils is below; the entry itself if the module is not where and what it was.
 */
const estreeInternals: Converter = (() => {
  const entry = "@typescript-eslint/typescript-estree/use-at-your-own-risk";
  try {
    const converter = localRequire(join(dirname(localRequire.resolve(entry)), "ast-converter.js")) as Partial<Converter> | undefined;
    if (typeof converter?.astConverter === "function") return converter as Converter;
  } catch {
    // Another layout: the entry below.
  }
  return localRequire(entry) as Converter;
})();

const fastPathAvailable = typeof estreeInternals.astConverter === "function";

/**
 * typescript-estree's main entry, loaded on first use: only the fallback of `parseEstree` needs it,
 * and it loads typescript-estree's typed-linting machinery (the project service, globbing, semver),
 * ~0.09 s of every `migrate` process and worker that never falls back.
 */
let mainEntry: typeof TypescriptEstree | undefined;
function typescriptEstree(): typeof TypescriptEstree {
  return (mainEntry ??= localRequire("@typescript-eslint/typescript-estree") as typeof TypescriptEstree);
}

/** The part of typescript-estree's node-utils module that computes a node's `loc` during the conversion. */
interface LocationHelpers {
  getLocFor: (range: TSESTree.Range, ast: ts.SourceFile) => TSESTree.SourceLocation;
}

/**
 * typescript-estree's conversion gives every node `loc`, lines and columns of both ends, through
 * node-utils' `getLocFor` (a binary search over the line starts per end and four objects per node:
 * ~20% of the conversion, and garbage to collect), though the analysis core and the codemods read
 * `range` and almost never `loc`. The converter calls `getLocFor` through the module's exports, so
 * for the (synchronous) duration of one conversion it is swapped for one that gives a
 * `LazyLocation`; nothing else can run meanwhile, and it is put back before the conversion returns.
 * Undefined, and every `loc` computed as typescript-estree does, if the module is not where and
 * what it was (a new typescript-estree): parse-input.test.ts compares every `loc` with the public
 * `parse()` on every fixture, and says whether the swap is in effect.
 */
const locationHelpers: LocationHelpers | undefined = (() => {
  try {
    // Not among the package's exports, so reached by path, beside the entry that is.
    const path = join(dirname(localRequire.resolve("@typescript-eslint/typescript-estree/use-at-your-own-risk")), "node-utils.js");
    const helpers = localRequire(path) as Partial<LocationHelpers> | undefined;
    const descriptor = helpers && Object.getOwnPropertyDescriptor(helpers, "getLocFor");
    return typeof descriptor?.value === "function" && descriptor.writable === true ? (helpers as LocationHelpers) : undefined;
  } catch {
    return undefined;
  }
})();

/** Whether `parseEstree` computes `loc` on demand (see locationHelpers); for the tests. */
export const lazyLocations = locationHelpers !== undefined;

/** The line starts of the file under conversion, for the `LazyLocation`s it creates. */
let conversionLineStarts: readonly number[] = [];
const lazyLocFor = (range: TSESTree.Range): TSESTree.SourceLocation => new LazyLocation(range, conversionLineStarts);

/**
 * A node's `loc` as typescript-estree computes it (1-based line, 0-based column, from TypeScript's
 * line starts), worked out from the node's `range` when first read. typescript-estree sets `start`
 * or `end` itself where it moves a node's range during the conversion; those values are kept as
 * given. One object per node instead of four, and no search for nodes whose position nobody reads.
 */
class LazyLocation implements TSESTree.SourceLocation {
  private startValue: TSESTree.Position | undefined = undefined;
  private endValue: TSESTree.Position | undefined = undefined;

  constructor(
    private readonly range: TSESTree.Range,
    private readonly lineStarts: readonly number[],
  ) {}

  get start(): TSESTree.Position {
    return (this.startValue ??= positionOf(this.lineStarts, this.range[0]));
  }

  set start(position: TSESTree.Position) {
    this.startValue = position;
  }

  get end(): TSESTree.Position {
    return (this.endValue ??= positionOf(this.lineStarts, this.range[1]));
  }

  set end(position: TSESTree.Position) {
    this.endValue = position;
  }

  /** What JSON.stringify writes for typescript-estree's own `loc` objects. */
  toJSON(): TSESTree.SourceLocation {
    return { end: this.end, start: this.start };
  }
}

/** TypeScript's `computeLineAndCharacterOfPosition` (the last line starting at or before `offset`), as typescript-estree's `loc` gives it. */
function positionOf(lineStarts: readonly number[], offset: number): TSESTree.Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { column: offset - lineStarts[low], line: low + 1 };
}

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

/** TypeScript internals `linkParents` needs (exported by its bundle, absent from its typings). */
interface ParentInternals {
  hasJSDocNodes(node: ts.Node): node is ts.HasJSDoc & { readonly jsDoc: readonly ts.JSDoc[] };
  setParentRecursive(node: ts.Node, incremental: boolean): void;
}

/**
 * What `createSourceFile`'s `setParentNodes` does (`fixupParentReferences`: `setParentRecursive(file,
 * true)`), with the same links, at under half its cost: TypeScript's walk (`forEachChildRecursively`)
 * gathers each node's children into a new array by `unshift` and queues them with a second array of
 * parents, ~45 µs of a ~120 µs parse on the synthetic trees; this walk keeps one stack. Same rules:
 * a child whose `parent` is already its parent is skipped with its subtree (`incremental`), every
 * other child is linked, then its JSDoc (TypeScript's own walk, as there); tokens have no children.
 * Undefined if TypeScript no longer exports what it needs: `createSourceFile` links them then, as
 * before. parse-input.test.ts compares both walks' links on every fixture.
 */
export const linkParents: ((sourceFile: ts.SourceFile) => void) | undefined = (() => {
  const internals = ts as unknown as Partial<ParentInternals>;
  const { hasJSDocNodes, setParentRecursive } = internals;
  if (typeof hasJSDocNodes !== "function" || typeof setParentRecursive !== "function") return undefined;
  const lastToken = ts.SyntaxKind.LastToken;
  let pending: ts.Node[] = [];
  let parent: ts.Node | undefined;
  const linkChild = (child: ts.Node): undefined => {
    if (child.parent === parent) return undefined;
    (child as { parent: ts.Node | undefined }).parent = parent;
    if (hasJSDocNodes(child)) {
      for (const doc of child.jsDoc) {
        if (doc.parent !== child) (doc as { parent: ts.Node }).parent = child;
        setParentRecursive(doc, true);
      }
    }
    if (child.kind > lastToken) pending.push(child);
    return undefined;
  };
  return (sourceFile) => {
    pending = [sourceFile];
    try {
      while (pending.length > 0) {
        parent = pending.pop();
        ts.forEachChild(parent!, linkChild);
      }
    } finally {
      pending = [];
      parent = undefined;
    }
  };
})();

/**
 * What `typescriptEstree.parse(text, { range, loc, jsx, filePath, jsDocParsingMode: "none" })` returns
 * (with `allowInvalidAST` for an `unchecked` parse: see GrammarChecks),
 * without rebuilding typescript-estree's parse settings for every file (~1.3% of a whole-tree
 * migration: option validation, the project-service backend check, tsconfig root inference, none of
 * which a parse without a project uses): TypeScript's parser with the options typescript-estree
 * gives it, then typescript-estree's own conversion (`astConverter`, with its syntax checks), which
 * comes from typescript-estree's "use-at-your-own-risk" entry; if it is missing or fails other
 * than with a syntax error, the public `parse` does the work. parse-input.test.ts compares both on
 * every fixture.
 */
export function parseEstree(text: string, filename: string, jsx: boolean, grammar: GrammarChecks = "checked"): TSESTree.Program {
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
        /* setParentNodes, which the conversion reads: set below when linkParents can */ linkParents === undefined,
        scriptKindOf(filename, jsx),
      );
      linkParents?.(sourceFile);
      return convertSourceFile(sourceFile, true, grammar);
    } catch (error) {
      // typescript-estree's TSError carries the position; anything else is taken for a changed API.
      if (typeof (error as { lineNumber?: unknown } | undefined)?.lineNumber === "number") throw error;
    }
  }
  const options = { range: true, loc: true, comment: false, tokens: false, jsx, filePath: filename, jsDocParsingMode: "none", allowInvalidAST: grammar === "unchecked" } as const;
  return typescriptEstree().parse(text, options) as TSESTree.Program;
}

/**
 * TypeScript (5.6 and later) keeps the token lists `node.getChildren(sourceFile)` builds in one
 * module-level WeakMap keyed by the source file, and typescript-estree's conversion asks for them
 * (the first token of a node, the token after it). That WeakMap lives in the old generation, and a
 * young-generation collection keeps the values of an old-generation WeakMap alive (see
 * codemods/engine/parse.ts on the models' caches): through those lists' `parent` links, every
 * converted file's whole TypeScript AST survived each scavenge and was promoted, until the next full
 * collection (~70 MB promoted over a 2,500-file run, most of its GC time). Once the conversion is
 * done nothing reads the TypeScript AST again, so its lists are moved onto one key kept for the
 * process (`transferSourceFileChildren`, the internal TypeScript uses when it reuses a file's
 * nodes), where the next file's replace them: at most one file's lists are held. Older TypeScripts
 * keep the lists on the nodes themselves (garbage with the tree) and have no such function.
 */
const releaseTokenLists: ((sourceFile: ts.SourceFile) => void) | undefined = (() => {
  const transfer = (ts as unknown as { transferSourceFileChildren?: unknown }).transferSourceFileChildren;
  if (typeof transfer !== "function") return undefined;
  const sink = {};
  let works = true;
  return (sourceFile) => {
    if (!works) return;
    try {
      transfer(sourceFile, sink);
    } catch {
      // An internal whose shape changed: the lists are then left where they are, as before.
      works = false;
    }
  };
})();

/**
 * typescript-estree's conversion of a source file TypeScript parsed with parent nodes set; exported for
 * the tests (which also convert with `release` off, to see that the conversion fills the token lists).
 */
export function convertSourceFile(sourceFile: ts.SourceFile, release = true, grammar: GrammarChecks = "checked"): TSESTree.Program {
  try {
    return convertWithLocations(sourceFile, grammar);
  } finally {
    if (release) releaseTokenLists?.(sourceFile);
  }
}

function convertWithLocations(sourceFile: ts.SourceFile, grammar: GrammarChecks): TSESTree.Program {
  const options = CONVERSION_OF[grammar] as unknown as Parameters<typeof estreeInternals.astConverter>[1];
  if (!locationHelpers) return estreeInternals.astConverter(sourceFile, options, false).estree as TSESTree.Program;
  const eagerLocFor = locationHelpers.getLocFor;
  conversionLineStarts = sourceFile.getLineStarts();
  locationHelpers.getLocFor = lazyLocFor;
  try {
    return estreeInternals.astConverter(sourceFile, options, false).estree as TSESTree.Program;
  } finally {
    locationHelpers.getLocFor = eagerLocFor;
    conversionLineStarts = [];
  }
}
