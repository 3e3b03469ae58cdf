// What the analysis core needs from a file. ESLint rules build it from `context.sourceCode`; the
// codemods build it from their own parse (typescript-estree + scope-manager) so both faces run the
// very same matchers on the very same AST shape.
import type { ParserServices, TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { readSettings, type HoneyhiveSettings } from "./settings.js";
import { AttachedCache } from "./attached-cache.js";

export interface AnalysisInput {
  readonly ast: TSESTree.Program;
  readonly scopeManager: Scope.ScopeManager;
  readonly text: string;
  readonly filename: string;
  readonly settings: HoneyhiveSettings;
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
}

interface RuleContextLike {
  readonly filename: string;
  readonly settings: unknown;
  readonly sourceCode: {
    readonly ast: TSESTree.Program;
    readonly text: string;
    readonly scopeManager: Scope.ScopeManager | null;
    readonly parserServices?: Partial<ParserServices> | null;
  };
}

const inputs = new AttachedCache<TSESTree.Program, AnalysisInput>("honeyhive.analysisInput");

/** The analysis input of the file a rule is linting; one object per AST, shared by all rules. */
export function analysisInputFromContext(context: RuleContextLike): AnalysisInput {
  const { ast, text, scopeManager } = context.sourceCode;
  let input = inputs.get(ast);
  if (!input) {
    if (!scopeManager) throw new Error("honeyhive: the parser did not provide a scope manager");
    const typeNameOf = typeNameReader(context.sourceCode.parserServices);
    input = { ast, scopeManager, text, filename: context.filename, settings: readSettings(context.settings), ...(typeNameOf ? { typeNameOf } : {}) };
    inputs.set(ast, input);
  }
  return input;
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
