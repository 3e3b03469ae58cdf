import { netlify as platform } from "../platforms/netlify.js";
import type { FrameworkDescriptor } from "../types.js";

/**
 * Netlify Functions, by path: the default export `(req, context)` of `netlify/functions/**` (and the
 * Lambda-compatible `export const handler` there). Edge functions (Deno, `netlify/edge-functions`) are not these.
 */
export const netlifyFunctions = {
  id: "netlify",
  name: "Netlify Functions",
  modules: ["@netlify/functions"],
  files: [{ path: /(?:^|\/)netlify\/functions\/.+\.(?:[cm]?[jt]s)$/, defaultExport: true, exports: ["handler"], platform }],
} as const satisfies FrameworkDescriptor;
