import { ESLintUtils } from "@typescript-eslint/utils";

/** Where each rule's page lives; editors link to it from the diagnostic. */
export const RULE_DOCS_BASE_URL = "https://github.com/honeyhiveai/honeyhive-typescript/blob/main/docs/rules/";

export interface HoneyhiveRuleDocs {
  /** In `configs.recommended`. */
  readonly recommended?: boolean;
  /** Needs type information (`parserOptions.projectService`); none of the mission rules do. */
  readonly requiresTypeChecking?: boolean;
}

const withDocsUrl = ESLintUtils.RuleCreator<HoneyhiveRuleDocs>((name) => `${RULE_DOCS_BASE_URL}${name}.md`);

const NO_OPTIONS: readonly never[] = Object.freeze([]);

/**
 * typescript-eslint's `RuleCreator` (docs URL, typed context, options merged over the defaults), except
 * that a rule with no default options, run without options, gets a shared frozen `[]` instead of
 * RuleCreator's per-file `structuredClone` of `[]`. That clone ran for every rule on every linted
 * file and was half of the plugin's CPU time on code that does not use the SDK (bench/NOTES.md).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, HoneyhiveRuleDocs>>,
): ReturnType<typeof withDocsUrl<Options, MessageIds>> {
  const created = withDocsUrl(rule);
  // RuleCreator reads the defaults from `meta.defaultOptions`, then the deprecated top-level field.
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? NO_OPTIONS) as Readonly<Options>;
  return {
    ...created,
    create(context) {
      const options =
        defaults.length === 0 && context.options.length === 0 ? (NO_OPTIONS as unknown as Readonly<Options>) : ESLintUtils.applyDefault(defaults, context.options);
      return rule.create(context, options);
    },
  };
}
