// The plugin's shareable configs, derived from rule metadata so that adding, deprecating or
// un-recommending a rule can never leave a hand-written list behind (rules/plugin.test.ts proves it).
//
// The public types here are plain on purpose: no ESLint or typescript-eslint types, so that the
// configs and the plugin are assignable to ESLint 9's and 10's `Linter.Config` / `ESLint.Plugin` AND
// to typescript-eslint's `FlatConfig.Config`, and a typed `eslint.config.ts` can use them with
// `defineConfig()` or `tseslint.config()` (rules/plugin-types.ts checks this at compile time).
import type { HoneyhiveRuleDocs } from "./create-rule.js";

/** The part of a rule module the configs are derived from. */
export type RuleWithMeta = {
  readonly meta: {
    readonly deprecated?: unknown;
    readonly docs?: HoneyhiveRuleDocs;
  };
};

/** A rule as the plugin's public type promises it: something ESLint can run. */
export type PluginRule = {
  readonly meta?: object;
  // `any`: ESLint and typescript-eslint type the rule context and the listeners differently (no
  // listener type satisfies both); each side's rule type accepts `any` in both places.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(context: any): any;
};

/** The plugin as seen from a config's `plugins` entry. */
export type PluginShape = {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Readonly<Record<string, PluginRule>>;
};

export type HoneyhiveFlatConfig = {
  name: string;
  plugins: Record<string, PluginShape>;
  rules: Record<string, "error">;
};

export type HoneyhiveLegacyConfig = {
  plugins: string[];
  rules: Record<string, "error">;
};

export type HoneyhiveConfigs = {
  /** Flat config: every recommended rule as an error. */
  readonly recommended: HoneyhiveFlatConfig;
  /** Flat config: every rule that is not deprecated, as an error. */
  readonly all: HoneyhiveFlatConfig;
  /** eslintrc equivalent of `recommended`, for ESLint 9 with `ESLINT_USE_FLAT_CONFIG=false`. */
  readonly "legacy-recommended": HoneyhiveLegacyConfig;
  /** eslintrc equivalent of `all`. */
  readonly "legacy-all": HoneyhiveLegacyConfig;
};

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
export function deriveConfigs(namespace: string, plugin: PluginShape, rules: Readonly<Record<string, RuleWithMeta>>): HoneyhiveConfigs {
  const recommendedRules = selectRules(namespace, rules, CONFIG_RULE_SELECTORS.recommended);
  const allRules = selectRules(namespace, rules, CONFIG_RULE_SELECTORS.all);
  return {
    recommended: { name: `${namespace}/recommended`, plugins: { [namespace]: plugin }, rules: recommendedRules },
    all: { name: `${namespace}/all`, plugins: { [namespace]: plugin }, rules: allRules },
    "legacy-recommended": { plugins: [namespace], rules: recommendedRules },
    "legacy-all": { plugins: [namespace], rules: allRules },
  };
}
