// Projects on disk for tests of what the analysis reads from a project (the package.json ranges, the
// deployment signals, the modules a file imports). Test-only (not built).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach } from "vitest";
import { clearDeploymentCache } from "../deployment.js";
import { clearSdkVersionCache } from "../sdk-version.js";

/**
 * Makes a fresh project directory holding `files` (relative paths; their folders are made, and a path
 * ending in `/` is a folder only) and returns its absolute path.
 */
export type MakeProject = (files: Readonly<Record<string, string>>) => string;

/**
 * Temporary projects for the tests of the enclosing `describe` (or file): removed after each test
 * (`"each"`) or after all of them (`"all"`), and the per-process caches of what the analysis read from
 * a project (deployment signals, declared SDK versions) cleared with them, so no test sees another's.
 */
export function useTempProjects(prefix: string, remove: "each" | "all" = "each"): MakeProject {
  const made: string[] = [];
  (remove === "each" ? afterEach : afterAll)(() => {
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
    clearDeploymentCache();
    clearSdkVersionCache();
  });
  return (files) => {
    const root = mkdtempSync(join(tmpdir(), `honeyhive-${prefix}-`));
    made.push(root);
    for (const [path, text] of Object.entries(files)) {
      // A linted file's folder exists in a real project: the analysis looks up from it.
      if (path.endsWith("/")) {
        mkdirSync(join(root, path), { recursive: true });
        continue;
      }
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
}
