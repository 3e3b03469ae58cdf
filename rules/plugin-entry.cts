// `require("honeyhive/eslint-plugin")` (and, through plugin-entry.mts, `import`): checks that the
// optional peers the rules load are installed, then loads the plugin. The check must run first, and
// a static import would load the rules (and fail on a missing peer) before it.
import { assertPluginToolchain } from "./optional-peers.js";
import type { HoneyhivePlugin } from "./index.js";

assertPluginToolchain(__filename);

// In the CommonJS build index.js exports the plugin object itself (see the end of index.ts).
const plugin = require("./index.js") as HoneyhivePlugin;
export = plugin;
