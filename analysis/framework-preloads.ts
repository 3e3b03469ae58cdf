// The modules a project's framework loads before any of the application's (knowledge FRAMEWORK_PRELOADS:
// Next.js's `instrumentation.ts`), resolved once for both readers: the global slots a preload fills
// (analysis/global-slots.ts) and the pipeline a preload activates (analysis/instrumentations.ts).
import { dirname, join, sep } from "node:path";
import { deploymentOf, projectDependsOn } from "./deployment.js";
import type { AnalysisInput } from "./input.js";
import { FRAMEWORK_PRELOADS } from "./knowledge/instrumentations.js";
import { absolutePath, projectModules } from "./project-modules.js";

/**
 * The files of the preloads of the frameworks the project depends on, resolved against the app root a
 * route's path shows (the folder holding Next.js's `app/` or `pages/`, `src/` or not: also an app in a
 * monorepo folder without a package.json of its own, `apps/web/app/…` → `apps/web/instrumentation.ts`)
 * and the nearest package root, nearest first; the file itself left out.
 */
export function frameworkPreloadsOf(input: Pick<AnalysisInput, "filename">): string[] {
  const reader = projectModules();
  const file = absolutePath(input.filename);
  const paths: string[] = [];
  for (const preload of FRAMEWORK_PRELOADS) {
    if (!projectDependsOn(input.filename, [preload.dependency])) continue;
    const packageRoot = deploymentOf(input.filename).root;
    for (const root of [...appRootsOf(file), ...(packageRoot === undefined ? [] : [packageRoot])]) {
      for (const specifier of preload.modules) {
        const path = reader.resolve(specifier, join(root, "package.json"));
        if (path !== undefined && path !== file && !paths.includes(path)) paths.push(path);
      }
    }
  }
  return paths;
}

/** The folders above `file` holding an `app` or `pages` folder on its path (Next.js's routers), nearest first. */
function appRootsOf(file: string): string[] {
  const roots: string[] = [];
  const parts = dirname(file).split(sep);
  for (let index = parts.length - 1; index > 0; index--) {
    if (parts[index] !== "app" && parts[index] !== "pages") continue;
    const above = parts.slice(0, index);
    roots.push(above.join(sep) || sep);
    if (above[above.length - 1] === "src") roots.push(above.slice(0, -1).join(sep) || sep);
  }
  return roots;
}
