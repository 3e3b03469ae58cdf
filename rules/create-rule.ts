import { ESLintUtils } from "@typescript-eslint/utils";

/** Where each rule's page lives; editors link to it from the diagnostic. */
export const RULE_DOCS_BASE_URL = "https://github.com/honeyhiveai/honeyhive-typescript/blob/main/docs/rules/";

export interface HoneyhiveRuleDocs {
  /** In `configs.recommended`. */
  readonly recommended?: boolean;
  /** Needs type information (`parserOptions.projectService`); none of the mission rules do. */
  readonly requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<HoneyhiveRuleDocs>((name) => `${RULE_DOCS_BASE_URL}${name}.md`);
