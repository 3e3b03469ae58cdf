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
      // Vercel makes no function of a path below `api/` with a segment that starts with `_` or `.`, nor
      // of a `.d.ts` (vercel.com/docs/functions/configuring-functions/advanced-configuration: "Vercel
      // ignores files with the following characters"; @vercel/fs-detectors' api filter tests
      // `file.includes("/_")`, so folders count too: `api/_lib/db.ts` is a helper, not a function).
      // Extensions as the zero-config detector's glob `api/**/*.+(js|mjs|ts|tsx)` (@vercel/fs-detectors
      // detect-builders.ts `getApiMatches`, quoted the same by several public projects; the Node.js runtime
      // docs name .js, .mjs and .ts): no .cjs/.mts/.cts, and .tsx is one. Within a project the whole
      // relative path is checked from the root `api/`, so `api/_lib/api/impl.ts` (a `/_` path) is no function.
      // Outside any project (no package.json above, a simulated path) `path` decides alone, so it reads
      // from the outermost `api/` folder of the path too (no segment before it is `api`), never from an inner one.
      path: /^(?:(?!api\/)[^/]*\/)*api\/(?:[^/_.][^/]*\/)*[^/_.][^/]*(?<!\.d)\.(?:m?js|tsx?)$/,
      projectPath: /^api\/(?:[^/_.][^/]*\/)*[^/_.][^/]*(?<!\.d)\.(?:m?js|tsx?)$/,
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
