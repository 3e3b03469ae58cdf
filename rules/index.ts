// The ESLint plugin (`honeyhive/eslint-plugin`): meta, the rules keyed by name, and configs derived
// from the rules' metadata. Default export for `import honeyhive from "honeyhive/eslint-plugin"`,
// the same objects as named exports (`import { configs }`), and in the CommonJS build the plugin is
// the module itself (`require("honeyhive/eslint-plugin")`, see the end of this file).
import { deriveConfigs, type HoneyhiveConfigs, type PluginRule } from "./configs.js";
import noGlobalTracerWithEvaluate from "./no-global-tracer-with-evaluate.js";
import noLostSessionContext from "./no-lost-session-context.js";
import noSessionStartInHandler from "./no-session-start-in-handler.js";
import requireExplicitTracer from "./require-explicit-tracer.js";
import requireForceFlushInLambda from "./require-force-flush-in-lambda.js";
import requireValidSessionId from "./require-valid-session-id.js";
import tracerProviderForInstrumentors from "./tracer-provider-for-instrumentors.js";
import { PACKAGE_VERSION } from "../sdk/version.js";

export const meta = { name: "honeyhive", version: PACKAGE_VERSION, namespace: "honeyhive" } as const;

/** Every rule of the plugin, keyed by the name users write after `honeyhive/`. */
export const rules = {
  "no-global-tracer-with-evaluate": noGlobalTracerWithEvaluate,
  "no-lost-session-context": noLostSessionContext,
  "no-session-start-in-handler": noSessionStartInHandler,
  "require-explicit-tracer": requireExplicitTracer,
  "require-force-flush-in-lambda": requireForceFlushInLambda,
  "require-valid-session-id": requireValidSessionId,
  "tracer-provider-for-instrumentors": tracerProviderForInstrumentors,
};

// The configs must point at the finished plugin object (ESLint compares plugin identity), and the
// plugin holds the configs: create the object first, then fill its configs in.
export const configs = {} as HoneyhiveConfigs;

/**
 * The plugin's public type: rules typed loosely (see configs.ts) so the object fits ESLint's and
 * typescript-eslint's plugin types alike. The named `rules` export keeps the precise rule types.
 */
export type HoneyhivePlugin = {
  readonly meta: typeof meta;
  readonly rules: Readonly<Record<keyof typeof rules, PluginRule>>;
  readonly configs: HoneyhiveConfigs;
};

const plugin: HoneyhivePlugin = { meta, rules, configs };
Object.assign(configs, deriveConfigs(meta.namespace, plugin, rules));

// In the CommonJS build, make `require("honeyhive/eslint-plugin")` return the plugin object itself,
// not a `{ default, meta, rules, configs }` wrapper: ESLint compares plugins by identity, so a CJS
// config with `plugins: { honeyhive }` next to `honeyhive.configs.recommended` would otherwise fail
// with "Cannot redefine plugin". `default` and `__esModule` stay on it (not enumerable) for
// compiled `import plugin from` interop. The ES module build has no `module`/`exports`, and module
// runners that emulate them for ES modules (vitest) hand out a module namespace, not the plain
// object TypeScript's CommonJS output marks with `__esModule`: both skip this.
const isCommonJsBuild =
  typeof module === "object" &&
  module !== null &&
  typeof exports === "object" &&
  exports !== null &&
  module.exports === exports &&
  Object.getPrototypeOf(exports) === Object.prototype &&
  (exports as { __esModule?: unknown }).__esModule === true;
if (isCommonJsBuild) {
  Object.defineProperty(plugin, "default", { value: plugin, enumerable: false });
  Object.defineProperty(plugin, "__esModule", { value: true, enumerable: false });
  module.exports = plugin;
}

export type { HoneyhiveConfigs, HoneyhiveFlatConfig, HoneyhiveLegacyConfig } from "./configs.js";
export default plugin;
