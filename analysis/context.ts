// One analysis context per file, built lazily and shared by the models that take it: the binding
// resolver, the modules the file loads, its normalized path. Each part is computed on first use, so
// a model that never asks for the bindings does not pay for them.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { AttachedCache } from "./attached-cache.js";
import { dynamicImportSpecifier, requireSpecifier } from "./ast.js";
import { Bindings } from "./bindings.js";
import type { AnalysisInput } from "./input.js";
import { nodesOfType } from "./nodes.js";

export interface AnalysisContext {
  readonly input: AnalysisInput;
  /** The file's path with `/` separators (the conventions of file-routed frameworks are written with `/`). */
  readonly path: string;
  readonly bindings: Bindings;
  /** Every module specifier the file imports, requires, `import =`s or `import()`s, type-only imports included. */
  readonly importedModules: ReadonlySet<string>;
  /**
   * The file's variables, every scope, in scope order: those it declares, and the undeclared ones (the
   * lib's and the configured globals) only where the file assigns to them. The global scope holds ~200
   * lib globals (`Array`, `fetch`, `console`, …) that a file neither declares nor writes: a model that
   * loops over every variable spent most of its time on them.
   */
  readonly variables: readonly Scope.Variable[];
}

class LazyContext implements AnalysisContext {
  private bindingsValue: Bindings | undefined;
  private modulesValue: Set<string> | undefined;
  private variablesValue: Scope.Variable[] | undefined;
  readonly path: string;

  constructor(readonly input: AnalysisInput) {
    this.path = input.filename.replace(/\\/g, "/");
  }

  get bindings(): Bindings {
    return (this.bindingsValue ??= new Bindings(this.input.scopeManager));
  }

  get importedModules(): ReadonlySet<string> {
    return (this.modulesValue ??= collectModules(this.input.ast, this.input.text));
  }

  get variables(): readonly Scope.Variable[] {
    return (this.variablesValue ??= fileVariables(this.input.scopeManager));
  }
}

function fileVariables(scopeManager: Scope.ScopeManager): Scope.Variable[] {
  const variables: Scope.Variable[] = [];
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) {
      if (variable.defs.length > 0 || isWritten(variable)) variables.push(variable);
    }
  }
  return variables;
}

/** A loop, not `references.some(closure)`: this runs for each of the ~200 lib globals of every file, which mostly have no reference at all. */
function isWritten(variable: Scope.Variable): boolean {
  const { references } = variable;
  for (let i = 0; i < references.length; i++) if (references[i].isWrite()) return true;
  return false;
}

function collectModules(ast: TSESTree.Program, text: string): Set<string> {
  const modules = new Set<string>();
  for (const statement of ast.body) {
    if (statement.type === "ImportDeclaration") modules.add(statement.source.value);
    else if (
      statement.type === "TSImportEqualsDeclaration" &&
      statement.moduleReference.type === "TSExternalModuleReference" &&
      statement.moduleReference.expression.type === "Literal"
    ) {
      modules.add(String(statement.moduleReference.expression.value));
    } else if ((statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration") && statement.source) {
      modules.add(statement.source.value);
    }
  }
  // Most files have no `require` and no `import()`: the text says so before any node is visited.
  if (text.includes("require")) {
    for (const call of nodesOfType(ast, AST_NODE_TYPES.CallExpression)) {
      const specifier = requireSpecifier(call);
      if (specifier !== undefined) modules.add(specifier);
    }
  }
  if (!text.includes("import(")) return modules;
  for (const expression of nodesOfType(ast, AST_NODE_TYPES.ImportExpression)) {
    const specifier = dynamicImportSpecifier(expression);
    if (specifier !== undefined) modules.add(specifier);
  }
  return modules;
}

const contexts = new AttachedCache<TSESTree.Program, AnalysisContext>("honeyhive.analysisContext");

/** The analysis context of a file; one per AST. */
export function getAnalysisContext(input: AnalysisInput): AnalysisContext {
  let context = contexts.get(input.ast);
  if (!context) {
    context = new LazyContext(input);
    contexts.set(input.ast, context);
  }
  return context;
}
