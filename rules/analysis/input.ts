// What the analysis core needs from a file. ESLint rules build it from `context.sourceCode`; the
// codemods build it from their own parse (typescript-estree + scope-manager) so both faces run the
// very same matchers on the very same AST shape.
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { readSettings, type HoneyhiveSettings } from "./settings.js";

export interface AnalysisInput {
  readonly ast: TSESTree.Program;
  readonly scopeManager: Scope.ScopeManager;
  readonly text: string;
  readonly filename: string;
  readonly settings: HoneyhiveSettings;
  /**
   * Names this module exports that evaluate() runs from another module (`"default"` for the default
   * export). Only the codemods' project pre-pass knows this; ESLint rules see one file and leave it unset.
   */
  readonly evaluatedExports?: readonly string[];
}

interface RuleContextLike {
  readonly filename: string;
  readonly settings: unknown;
  readonly sourceCode: {
    readonly ast: TSESTree.Program;
    readonly text: string;
    readonly scopeManager: Scope.ScopeManager | null;
  };
}

const inputs = new WeakMap<TSESTree.Program, AnalysisInput>();

/** The analysis input of the file a rule is linting; one object per AST, shared by all rules. */
export function analysisInputFromContext(context: RuleContextLike): AnalysisInput {
  const { ast, text, scopeManager } = context.sourceCode;
  let input = inputs.get(ast);
  if (!input) {
    if (!scopeManager) throw new Error("honeyhive: the parser did not provide a scope manager");
    input = { ast, scopeManager, text, filename: context.filename, settings: readSettings(context.settings) };
    inputs.set(ast, input);
  }
  return input;
}
