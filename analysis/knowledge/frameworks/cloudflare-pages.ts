import { projectRelativePath } from "../../deployment.js";
import { cloudflarePages as platform } from "../platforms/cloudflare-pages.js";
import type { FrameworkDescriptor } from "../types.js";

/** The handler exports of a Pages Function: `onRequest` (every method) and one per method. */
const PAGES_EXPORTS = ["onRequest", "onRequestGet", "onRequestPost", "onRequestPut", "onRequestPatch", "onRequestDelete", "onRequestHead", "onRequestOptions"];

/**
 * Cloudflare Pages Functions: the `onRequest…` exports (a function or an array of them, `_middleware`
 * files included) of the files under the `functions/` folder at the root of the project
 * (https://developers.cloudflare.com/pages/functions/routing/). A hook, not a file convention: other
 * tools keep their functions under `functions/` too (the Serverless Framework's Lambda handlers), and
 * a file there that exports none of these names must stay theirs. The names are Pages' own, so a file
 * another convention claims (`functions/api/x.ts` looks like Vercel's `api/` outside a project) keeps them.
 */
export const cloudflarePagesFunctions = {
  id: "cloudflare-pages",
  name: "Cloudflare Pages Functions",
  modules: [],
  platform,
  hook: {
    trigger: { path: /(?:^|\/)functions\/.+\.[cm]?[jt]s$/ },
    signs: { invocation: { exports: PAGES_EXPORTS } },
    run(api) {
      const exported = api.namedExports().filter((candidate) => PAGES_EXPORTS.includes(candidate.name));
      if (exported.length === 0) return;
      // The folder is the project's own (outside any project, the path alone decides).
      const relative = projectRelativePath(api.filename);
      if (relative !== undefined && !relative.startsWith("functions/")) return;
      for (const { name, value, nameNode, exportNode } of exported) {
        for (const fn of api.functionsOf(value)) api.invocation(fn, { platform, exportName: name, nameNode, exportNode });
      }
    },
  },
} as const satisfies FrameworkDescriptor;
