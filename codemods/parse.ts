// One parse per file for every transform: the analysis core's `parseAnalysisInput` (typescript-estree +
// scope-manager, the AST ESLint rules see through @typescript-eslint/parser, `parent` set), so the
// codemods run the very same matchers as the rules on the very same AST shape. This wrapper turns a
// syntax error into a positioned failure and adds what the project pre-pass knows about the file.
import type { TSESTree } from "@typescript-eslint/utils";
import type { AnalysisInput } from "../rules/analysis/input.js";
import { parseAnalysisInput } from "../rules/analysis/parse-input.js";
import { DEFAULT_SETTINGS, type HoneyhiveSettings } from "../rules/analysis/settings.js";
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

/** Parses and scopes `text`; returns the failure (with a 1-based position when known) instead of throwing. */
export function parseFile(
  text: string,
  filePath: string,
  settings: HoneyhiveSettings = DEFAULT_SETTINGS,
  project?: ProjectFileFacts,
): ParsedFile | { readonly failure: ParseFailure } {
  try {
    const parsed = parseAnalysisInput(text, filePath, settings);
    const input: AnalysisInput = project ? { ...parsed, evaluatedExports: project.evaluatedExports } : parsed;
    return { ast: input.ast, text, input };
  } catch (error) {
    return { failure: describeParseError(error) };
  }
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
