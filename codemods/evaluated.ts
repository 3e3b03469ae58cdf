// Which code evaluate() runs, for the transforms: the analysis core's answer for this file, widened by
// what the project pre-pass knows (a function exported here and evaluated in another module).
import type { TSESTree } from "@typescript-eslint/utils";
import type { AnalysisInput } from "../rules/analysis/input.js";
import type { ProjectFileFacts } from "./transform-api.js";

export interface EvaluatedCode {
  contains(node: TSESTree.Node): boolean;
}

export function evaluatedCode(input: AnalysisInput, project: ProjectFileFacts | undefined): EvaluatedCode {
  void input;
  void project;
  return { contains: () => false };
}
