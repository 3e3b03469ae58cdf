// One parse per file for every transform: the analysis core's `parseAnalysisInput` (typescript-estree +
// scope-manager, the AST ESLint rules see through @typescript-eslint/parser, `parent` set), so the
// codemods run the very same matchers as the rules on the very same AST shape. This wrapper turns a
// syntax error into a positioned failure and adds what the project pass knows about the file.
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
// `import =` compiles to require() (createRequire in the ESM build): an ESM `import` of TypeScript's
// 9 MB CommonJS bundle makes Node lex all of it for named exports, ~0.6 s per process.
import ts = require("typescript");
import type { AnalysisInput } from "../../analysis/input.js";
import { nodesOfType } from "../../analysis/nodes.js";
import { parseAnalysisInput, scriptKindOf, type GrammarChecks } from "../../analysis/parse-input.js";
import { DEFAULT_SETTINGS, type HoneyhiveSettings } from "../../analysis/settings.js";
import type { ProjectFileFacts } from "./transform-api.js";

export interface ParsedFile {
  readonly input: AnalysisInput;
  readonly ast: TSESTree.Program;
  readonly text: string;
}

export interface ParseFailure {
  readonly message: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
}

/**
 * Parses and scopes `text`; returns the failure (with a 1-based position when known) instead of throwing.
 * `grammar`: `unchecked` only for a text the engine made by editing a parse of its own (GrammarChecks).
 */
export function parseFile(
  text: string,
  filePath: string,
  settings: HoneyhiveSettings = DEFAULT_SETTINGS,
  project?: ProjectFileFacts,
  cwd?: string,
  grammar: GrammarChecks = "checked",
): ParsedFile | { readonly failure: ParseFailure } {
  let parsed: AnalysisInput;
  try {
    // Positions but no tokens or comments (see parseAnalysisInput): the transforms edit by `range`.
    parsed = parseAnalysisInput(text, filePath, settings, cwd, grammar);
  } catch (error) {
    return { failure: describeParseError(error) };
  }
  const input: AnalysisInput = project ? { ...parsed, evaluatedExports: project.evaluatedExports } : parsed;
  return { ast: input.ast, text: input.text, input };
}

/**
 * The node types typescript-estree gives deprecated alias properties (`assertions` for `attributes`,
 * an enum's `members`…) through `Object.defineProperty` with a getter closure per node. Each such
 * node gets a hidden class of its own, and V8 keeps hidden classes in the old generation: until the
 * next full collection, that class keeps the getter, the node and everything the node reaches alive
 * through every young-generation collection. Through `parent`, that was the whole file: its AST, its
 * scopes and the analysis models cached on it, promoted to the old generation for each file.
 */
const ALIASED_NODE_TYPES = [
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.TSEnumBody,
  AST_NODE_TYPES.TSEnumDeclaration,
  AST_NODE_TYPES.TSEnumMember,
  AST_NODE_TYPES.TSImportType,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSMappedType,
  AST_NODE_TYPES.TSModuleDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSTypeQuery,
];

/**
 * Lets a parse that is done with go at the next young-generation collection (see above): cuts the
 * links of the nodes with alias getters to their parent and children, so what stays alive until the
 * next full collection is those nodes alone. The parse must not be used afterwards.
 */
export function releaseParse(file: ParsedFile): void {
  // Type by type from the node index: the order does not matter here, so no merged walk-order list is built.
  for (const type of ALIASED_NODE_TYPES) {
    for (const node of nodesOfType(file.ast, type)) {
      const links = node as unknown as Record<string, unknown>;
      links.parent = undefined;
      for (const key of visitorKeys[node.type] ?? []) links[key] = undefined;
    }
  }
}

/**
 * Does `text` still parse? TypeScript's parser alone, which is where typescript-estree takes its
 * syntax errors from (`parseDiagnostics`, checked before any conversion), at a fraction of a full
 * `parseFile` (no ESTree conversion, no tokens, no scopes). Used on the transforms' output.
 */
export function syntaxErrorOf(text: string, filePath: string): ParseFailure | undefined {
  const sourceFile = ts.createSourceFile(
    filePath,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(filePath),
  );
  // `parseDiagnostics` is internal to TypeScript (absent from its typings) yet stable: typescript-estree
  // reads the same property to throw its parse errors.
  const diagnostics = (sourceFile as unknown as { readonly parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return { message: ts.flattenDiagnosticMessageText(first.messageText, "\n"), line: line + 1, column: character + 1 };
}

function describeParseError(error: unknown): ParseFailure {
  const candidate = error as { message?: unknown; lineNumber?: unknown; column?: unknown } | undefined;
  const message = typeof candidate?.message === "string" ? candidate.message : String(error);
  // typescript-estree's TSError: 1-based lineNumber, 0-based column.
  if (typeof candidate?.lineNumber === "number" && typeof candidate.column === "number") {
    return { message, line: candidate.lineNumber, column: candidate.column + 1 };
  }
  return { message };
}

export function isParseFailure(value: ParsedFile | { readonly failure: ParseFailure }): value is { readonly failure: ParseFailure } {
  return "failure" in value;
}
