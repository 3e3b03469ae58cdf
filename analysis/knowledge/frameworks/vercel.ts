import { vercel as vercelPlatform } from "../platforms/vercel.js";
import type { FrameworkDescriptor } from "../types.js";
import { UPPERCASE_VERBS } from "./common.js";

/**
 * Vercel Functions: the files of the project's root `api/` folder (default export `(req, res)`, the
 * web-standard verb exports or `export default { fetch }`), and functions typed with `@vercel/node`'s
 * request/response types.
 */
export const vercel = {
  id: "vercel",
  name: "Vercel function",
  modules: ["@vercel/node"],
  files: [
    {
      path: /(?:^|\/)api\/.+\.(?:[cm]?[jt]s)$/,
      projectPath: /^api\//,
      // Nitro (and Nuxt) also read a root `api/` folder, and bundle it for any host (https://nitro.build/guide/routing).
      exceptInProjects: ["nitro"],
      defaultExport: true,
      // The web-standard default export (https://vercel.com/docs/functions/runtimes/node-js): `export default { fetch(request) { … } }`.
      defaultObjectKeys: ["fetch"],
      exports: UPPERCASE_VERBS,
      platform: vercelPlatform,
    },
  ],
  handlerTypes: [{ package: "@vercel/node", name: ["VercelRequest", "VercelResponse", "VercelApiHandler"] }],
} as const satisfies FrameworkDescriptor;
