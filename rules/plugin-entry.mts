// `import honeyhive from "honeyhive/eslint-plugin"`: the same object as `require()` returns, loaded
// from the CommonJS build after its toolchain check (plugin-entry.cts). One object for both module
// systems (ESLint compares plugins by identity), and no top-level await, which some config loaders
// cannot run.
import { createRequire } from "node:module";
import type { HoneyhivePlugin } from "./index.js";

const plugin = createRequire(import.meta.url)("../../cjs/rules/plugin-entry.cjs") as HoneyhivePlugin;

export const meta = plugin.meta;
export const rules = plugin.rules;
export const configs = plugin.configs;
export default plugin;
