// The plugin's shareable configs, derived from rule metadata so that adding, deprecating or
// un-recommending a rule can never leave a hand-written list behind (rules/plugin.test.ts proves it).
import type { TSESLint } from "@typescript-eslint/utils";
import type { HoneyhiveRuleDocs } from "./create-rule.js";

/** The part of a rule module the configs are derived from. */
export interface RuleWithMeta {
  readonly meta: {
    readonly deprecated?: unknown;
    readonly docs?: HoneyhiveRuleDocs;
  };
}

export interface HoneyhiveConfigs {
  /** Flat config: every recommended rule as an error. */
  readonly recommended: TSESLint.FlatConfig.Config;
  /** Flat config: every rule that is not deprecated, as an error. */
  readonly all: TSESLint.FlatConfig.Config;
  /** eslintrc equivalent of `recommended`, for ESLint 9 with `ESLINT_USE_FLAT_CONFIG=false`. */
  readonly "legacy-recommended": TSESLint.ClassicConfig.Config;
  /** eslintrc equivalent of `all`. */
  readonly "legacy-all": TSESLint.ClassicConfig.Config;
}

/** Which rules a config enables, from each rule's metadata alone. */
export const CONFIG_RULE_SELECTORS = {
  recommended: (rule: RuleWithMeta) => !rule.meta.deprecated && rule.meta.docs?.recommended === true,
  all: (rule: RuleWithMeta) => !rule.meta.deprecated,
} as const;

export function selectRules(
  namespace: string,
  rules: Readonly<Record<string, RuleWithMeta>>,
  selector: (rule: RuleWithMeta) => boolean,
): Record<string, "error"> {
  const selected: Record<string, "error"> = {};
  for (const name of Object.keys(rules).sort()) {
    if (selector(rules[name])) selected[`${namespace}/${name}`] = "error";
  }
  return selected;
}

/**
 * Builds the configs for `plugin`. The flat configs reference the very plugin object users import,
 * so `plugins: { honeyhive }` next to `honeyhive.configs.recommended` is not a redefinition.
 */
export function deriveConfigs(
  namespace: string,
  // ESLint never reads `configs` of a plugin named in `plugins`, and the legacy configs are not flat.
  plugin: Omit<TSESLint.FlatConfig.Plugin, "configs">,
  rules: Readonly<Record<string, RuleWithMeta>>,
): HoneyhiveConfigs {
  const recommendedRules = selectRules(namespace, rules, CONFIG_RULE_SELECTORS.recommended);
  const allRules = selectRules(namespace, rules, CONFIG_RULE_SELECTORS.all);
  return {
    recommended: { name: `${namespace}/recommended`, plugins: { [namespace]: plugin }, rules: recommendedRules },
    all: { name: `${namespace}/all`, plugins: { [namespace]: plugin }, rules: allRules },
    "legacy-recommended": { plugins: [namespace], rules: recommendedRules },
    "legacy-all": { plugins: [namespace], rules: allRules },
  };
}
