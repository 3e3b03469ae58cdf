import type { ESLint } from "eslint";

export interface CollectedDemo {
  /** ESLint's results over fixtures/ (a case linted as its meta.json filename carries its own path). */
  readonly results: ESLint.LintResult[];
  /** The stylish formatter's listing of `results`. */
  readonly stylish: string;
  /** `honeyhive migrate --dry fixtures` (undefined when the CLI is not built). */
  readonly migrate: { readonly stdout: string; readonly stderr: string; readonly status: number | null } | undefined;
}
export function collectDemo(): Promise<CollectedDemo>;
export function renderDemo(collected: CollectedDemo, options: { details: boolean }): { text: string; code: number };
