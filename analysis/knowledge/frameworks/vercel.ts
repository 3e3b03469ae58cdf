import { vercel as vercelPlatform } from "../platforms/vercel.js";
import type { FrameworkDescriptor } from "../types.js";
import { UPPERCASE_VERBS } from "./common.js";

/**
 * Vercel Functions: the files of the project's root `api/` folder (default export `(req, res)`, or
 * web-standard verb exports), and functions typed with `@vercel/node`'s request/response types.
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
      exports: UPPERCASE_VERBS,
      platform: vercelPlatform,
    },
  ],
  handlerTypes: [{ package: "@vercel/node", name: ["VercelRequest", "VercelResponse", "VercelApiHandler"] }],
} as const satisfies FrameworkDescriptor;
