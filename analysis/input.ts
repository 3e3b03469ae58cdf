// What the analysis core needs from a file. ESLint rules build it from `context.sourceCode`; the
// codemods build it from their own parse (typescript-estree + scope-manager) so both faces run the
// very same matchers on the very same AST shape.
import type { ParserServices, TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { indexFromTraversal, indexNodes, type EslintTraversal } from "./nodes.js";
import { DEFAULT_SETTINGS, readSettings, type HoneyhiveSettings } from "./settings.js";
import { settingsForFile } from "./sdk-version.js";
import { AttachedCache } from "./attached-cache.js";
import { extractModuleFacts, type ModuleFacts } from "./export-facts.js";

export interface AnalysisInput {
  readonly ast: TSESTree.Program;
  readonly scopeManager: Scope.ScopeManager;
  readonly text: string;
  readonly filename: string;
  readonly settings: HoneyhiveSettings;
  /**
   * The directory the linter or the codemod runs in (ESLint's `cwd` option, `migrate`'s project root):
   * a walk up for the project's own configuration (analysis/knowledge/frameworks/lambda-functions-config.ts)
   * does not leave it. Absent: the process's working directory.
   */
  readonly cwd?: string;
  /**
   * Names this module exports that evaluate() runs from another module (`"default"` for the default
   * export). Only the codemods' project pass knows this; ESLint rules see one file and leave it unset.
   */
  readonly evaluatedExports?: readonly string[];
  /**
   * The name of the declared type of an expression (`HoneyHiveTracer`), when the parser has type
   * information (`parserOptions.projectService`); absent otherwise. Optional precision only: the
   * analysis never requires it, and asks it only where names and uses leave a doubt.
   */
  readonly typeNameOf?: (node: TSESTree.Node) => string | undefined;
  /**
   * The export facts (analysis/export-facts.ts) of another module of the project, parsed the way this
   * file was parsed: ESLint's configured parser without type information, or the codemods' parse.
   * analysis/project-modules.ts resolves and caches; this hook parses and extracts. The layer that
   * builds the input injects it, so the reader does not import the models that extract the facts
   * (they ask the reader about their own imports: an import cycle otherwise).
   * Absent when the parser cannot give a scope manager (espree), and on the input of a module read
   * through it: the models running on that module do not follow its imports (one module deep).
   * Throws on a syntax error (the reader treats it as a module without facts).
   */
  readonly readModuleFacts?: ModuleFactsReader;
  /**
   * On the input of a module read through `readModuleFacts` (which has none): the same reader, asked
   * only by analysis/sdk-barrels.ts for the SDK barrels the module imports (`import { HoneyHiveTracer }
   * from "./lib/hh"`, `export * from "honeyhive"` there). What a barrel hands on is read off its syntax,
   * so the module's tracer is proven through it; its other imports stay unread (one module deep).
   */
  readonly readBarrelFacts?: ModuleFactsReader;
}

/** See `AnalysisInput.readModuleFacts`. */
export type ModuleFactsReader = (text: string, filename: string) => ModuleFacts;

interface RuleContextLike {
  readonly filename: string;
  /** ESLint's `cwd` (ESLint 9+; `getCwd()` before). */
  readonly cwd?: string;
  getCwd?(): string;
  readonly settings: unknown;
  readonly languageOptions?: { readonly parser?: unknown };
  readonly sourceCode: {
    readonly ast: TSESTree.Program;
    readonly text: string;
    readonly scopeManager: Scope.ScopeManager | null;
    readonly parserServices?: Partial<ParserServices> | null;
    /** ESLint's `SourceCode#traverse()` (ESLint 9+), which has walked the tree before the rules run, and the keys it follows. */
    readonly traverse?: EslintTraversal["traverse"];
    readonly visitorKeys?: object;
  };
}

const inputs = new AttachedCache<TSESTree.Program, AnalysisInput>("honeyhive.analysisInput");

/** Whether the file is TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`): where a rewrite may write types and `as const`. */
export function isTypeScriptInput(input: Pick<AnalysisInput, "filename">): boolean {
  return /\.[cm]?tsx?$/i.test(input.filename);
}

/** The analysis input of the file a rule is linting; one object per AST, shared by all rules. */
export function analysisInputFromContext(context: RuleContextLike): AnalysisInput {
  const { ast, text, scopeManager } = context.sourceCode;
  let input = inputs.get(ast);
  if (!input) {
    if (!scopeManager) throw new Error("honeyhive: the parser did not provide a scope manager");
    const typeNameOf = typeNameReader(context.sourceCode.parserServices);
    const { settings, readModuleFacts } = configurationOf(context);
    const cwd = context.cwd ?? context.getCwd?.();
    // The optional parts set only when present, in this order (as conditional spreads did, without their three objects a file).
    const made: { -readonly [K in keyof AnalysisInput]: AnalysisInput[K] } = { ast, scopeManager, text, filename: context.filename, settings: settingsForFile(settings, context.filename, text) };
    if (cwd !== undefined) made.cwd = cwd;
    if (typeNameOf) made.typeNameOf = typeNameOf;
    if (readModuleFacts) made.readModuleFacts = readModuleFacts;
    input = made;
    inputs.set(ast, input);
    if (typeof context.sourceCode.traverse === "function") indexFromTraversal(ast, context.sourceCode as EslintTraversal);
  }
  return input;
}

interface Configuration {
  readonly rawSettings: unknown;
  readonly parser: unknown;
  readonly settings: HoneyhiveSettings;
  readonly readModuleFacts: ModuleFactsReader | undefined;
}

/**
 * The last configuration's settings and module reader. The files of one ESLint configuration share its
 * `settings` object and parser, so consecutive files mostly reuse these instead of reading the settings
 * and making a reader each (and the settings object keeps one identity across those files).
 */
let lastConfiguration: Configuration | undefined;

function configurationOf(context: RuleContextLike): Configuration {
  const rawSettings = context.settings;
  const parser = context.languageOptions?.parser;
  const last = lastConfiguration;
  // ESLint hands a configuration without `settings` a new `{}` for every file: no `honeyhive` key reads
  // as the defaults, so that file keeps the last reader instead of reading the settings and making one.
  if (last !== undefined && last.parser === parser && (last.rawSettings === rawSettings || (last.settings === DEFAULT_SETTINGS && holdsNoSettings(rawSettings)))) return last;
  const settings = readSettings(rawSettings);
  return (lastConfiguration = { rawSettings, parser, settings, readModuleFacts: moduleFactsReader(parser, settings) });
}

/** Settings that `readSettings` reads as the defaults by their shape alone: no `honeyhive` object. */
function holdsNoSettings(rawSettings: unknown): boolean {
  const raw = (rawSettings as { honeyhive?: unknown } | undefined)?.honeyhive;
  return raw === null || typeof raw !== "object";
}

/** Reads declared type names through the program's type checker (made by TypeScript on first use); undefined without type information. */
function typeNameReader(services: Partial<ParserServices> | null | undefined): AnalysisInput["typeNameOf"] {
  const program = services?.program;
  const nodeMap = services?.esTreeNodeToTSNodeMap;
  if (!program || !nodeMap) return undefined;
  return (node) => {
    try {
      const type = program.getTypeChecker().getTypeAtLocation(nodeMap.get(node));
      return (type.aliasSymbol ?? type.getSymbol())?.getName();
    } catch {
      // A node the TypeScript program does not map (or a checker failure): no information, not an error.
      return undefined;
    }
  };
}

interface ParserForEslint {
  parseForESLint(text: string, options: object): { readonly ast: TSESTree.Program; readonly scopeManager?: Scope.ScopeManager | null };
}

/**
 * The facts of another project module parsed by the parser ESLint uses for this file, without type
 * information (no `project`/`projectService`: one untyped parse per module), with `parent` links set as
 * ESLint sets them. Throws on a syntax error.
 */
function moduleFactsReader(parser: unknown, settings: HoneyhiveSettings): ModuleFactsReader | undefined {
  const candidate = parser as Partial<ParserForEslint> | undefined;
  if (typeof candidate?.parseForESLint !== "function") return undefined;
  const forEslint = candidate as ParserForEslint;
  const read: ModuleFactsReader = (text, filename) => {
    const jsx = /\.(?:[jt]sx|[cm]?js)$/i.test(filename);
    const result = forEslint.parseForESLint(text, { filePath: filename, range: true, loc: true, tokens: false, comment: false, ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx } });
    if (!result.scopeManager) throw new Error("honeyhive: the parser gave no scope manager");
    indexNodes(result.ast);
    // No `readModuleFacts` of its own: one module deep (its SDK barrels excepted).
    return extractModuleFacts({ ast: result.ast, scopeManager: result.scopeManager, text, filename, settings: settingsForFile(settings, filename, text), readBarrelFacts: read });
  };
  return read;
}
