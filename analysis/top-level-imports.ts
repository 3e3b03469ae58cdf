// What the cheap gates read of a file's top level, collected in ONE pass over `ast.body` per file: the
// statements and declarators that bind a module (imports, `import x = require()`, `const x = require()` /
// `await import()`), the constructor parameter properties of top-level classes, and whether a namespace
// holds code. The SDK model's gate (analysis/sdk-model.ts `mayUseSdk`, `importsTracerHolder`,
// `injectsTracerHolder`), the barrel candidates (analysis/sdk-barrels.ts) and the relevance of a file
// (analysis/relevance.ts) each walked `ast.body` for these, five passes on every file that does not use the
// SDK (bench/NOTES.md, perf-nonsdk-3). Kept on the Program (analysis/attached-cache.ts).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { importEqualsSpecifier, moduleOfDeclarator } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";

/** A top-level binding of a module, in source order. */
export type ModuleBinding =
  | { readonly kind: "import"; readonly node: TSESTree.ImportDeclaration; readonly specifier: string }
  /** TypeScript's `import x = require("m")`: `specifier` undefined for `import x = A.B`. */
  | { readonly kind: "importEquals"; readonly node: TSESTree.TSImportEqualsDeclaration; readonly specifier: string | undefined }
  /**
   * `const x = require("m")`, `const { a } = require("m")`, `const a = require("m").a` (`member`), `await import("m")`
   * (analysis/ast.ts `moduleOfDeclarator`); `exported` for one under `export const`.
   */
  | { readonly kind: "declarator"; readonly node: TSESTree.VariableDeclarator; readonly specifier: string; readonly member: string | undefined; readonly exported: boolean };

export interface TopLevelImports {
  readonly bindings: readonly ModuleBinding[];
  /** `constructor(private tracing: TracingService)`: the parameter properties of the constructors of top-level classes (exported ones too). */
  readonly parameterProperties: readonly TSESTree.TSParameterProperty[];
  /** A namespace with code (`namespace N { … }`, not `declare`): it may bind an import (`import x = N.y`) off the top level. */
  readonly namespaceWithCode: boolean;
}

const NONE: readonly never[] = Object.freeze([]);

const topLevels = new AttachedCache<TSESTree.Program, TopLevelImports>("honeyhive.topLevelImports");

/** The file's top-level module bindings and what else the gates read of its top level; once per AST. */
export function topLevelImportsOf(ast: TSESTree.Program): TopLevelImports {
  let found = topLevels.get(ast);
  if (found === undefined) topLevels.set(ast, (found = collect(ast)));
  return found;
}

function collect(ast: TSESTree.Program): TopLevelImports {
  let bindings: ModuleBinding[] | undefined;
  let parameterProperties: TSESTree.TSParameterProperty[] | undefined;
  let namespaceWithCode = false;
  for (const statement of ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        (bindings ??= []).push({ kind: "import", node: statement, specifier: statement.source.value });
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        (bindings ??= []).push({ kind: "importEquals", node: statement, specifier: importEqualsSpecifier(statement) });
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        bindings = addDeclarators(bindings, statement, false);
        break;
      case AST_NODE_TYPES.ClassDeclaration:
        parameterProperties = addParameterProperties(parameterProperties, statement);
        break;
      case AST_NODE_TYPES.TSModuleDeclaration:
        namespaceWithCode ||= !statement.declare;
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const { declaration } = statement;
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) bindings = addDeclarators(bindings, declaration, true);
        else if (declaration?.type === AST_NODE_TYPES.ClassDeclaration) parameterProperties = addParameterProperties(parameterProperties, declaration);
        else if (declaration?.type === AST_NODE_TYPES.TSModuleDeclaration) namespaceWithCode ||= !declaration.declare;
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        if (statement.declaration.type === AST_NODE_TYPES.ClassDeclaration) parameterProperties = addParameterProperties(parameterProperties, statement.declaration);
        break;
      default:
        break;
    }
  }
  return { bindings: bindings ?? NONE, parameterProperties: parameterProperties ?? NONE, namespaceWithCode };
}

function addDeclarators(bindings: ModuleBinding[] | undefined, declaration: TSESTree.VariableDeclaration, exported: boolean): ModuleBinding[] | undefined {
  for (const declarator of declaration.declarations) {
    const declared = moduleOfDeclarator(declarator);
    if (declared !== undefined) (bindings ??= []).push({ kind: "declarator", node: declarator, specifier: declared.specifier, member: declared.member, exported });
  }
  return bindings;
}

function addParameterProperties(found: TSESTree.TSParameterProperty[] | undefined, declaration: TSESTree.ClassDeclaration): TSESTree.TSParameterProperty[] | undefined {
  for (const member of declaration.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== "constructor") continue;
    for (const parameter of member.value.params) if (parameter.type === AST_NODE_TYPES.TSParameterProperty) (found ??= []).push(parameter);
  }
  return found;
}
