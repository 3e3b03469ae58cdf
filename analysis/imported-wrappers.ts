// A wrapper or factory imported from a project module, read as the function it returns (issue 13,
// gaps-rules-10b): what the module's `returnsFunction` export fact says (analysis/export-facts.ts), for the
// callers that read a same-file one through bindings.ts `returnedFunctionsOf`. One module deep, as every fact.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { unwrapExpression, type FunctionNode } from "./ast.js";
import type { Bindings } from "./bindings.js";
import type { ExportFact } from "./export-facts.js";
import type { AnalysisInput } from "./input.js";
import { importedFact, importOrigin, isProjectModule } from "./project-modules.js";

export type ReturnsFunctionFact = Extract<ExportFact, { kind: "returnsFunction" }> & { readonly from: { readonly displayPath: string } };

/** The `returnsFunction` fact of the imported function `call` calls by name (`withSession(fn)`), if its module gives one. */
export function importedReturnsFunction(input: AnalysisInput, bindings: Bindings, call: TSESTree.CallExpression): ReturnsFunctionFact | undefined {
  const callee = unwrapExpression(call.callee);
  const variable = callee?.type === AST_NODE_TYPES.Identifier ? bindings.variableOf(callee) : undefined;
  const def = variable?.defs[0];
  if (!variable || (def?.type !== "ImportBinding" && def?.type !== "Variable")) return undefined;
  // A package's wrapper (`helmet(options)`, `asyncHandler(fn)`) is no project module: asked of the text, no resolution.
  const origin = importOrigin(input, variable);
  if (!origin || !isProjectModule(origin.specifier, input)) return undefined;
  return importedFact(input, variable, "returnsFunction");
}

/**
 * The functions of this file that run per call of what an imported wrapper returns: the arguments it calls
 * (`withSession(async (event) => …)`), read as the handler; none when the returned function flushes on every
 * path (it is the flush around them) or the module says nothing.
 */
export function importedWrapperFunctionsOf(input: AnalysisInput, bindings: Bindings, call: TSESTree.CallExpression): FunctionNode[] {
  const fact = importedReturnsFunction(input, bindings, call);
  if (!fact || fact.flushes) return [];
  return fact.calls.flatMap((index) => bindings.functionsOf(call.arguments[index]));
}
