// Tests that load the package as a consumer would (ESM/CJS, the `honeyhive` bin) need `dist/`.
// Rebuild it when any source is newer than the last build, so a test never runs stale output.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const stamp = join(root, "dist", ".build-stamp");

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (/\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const sources = ["sdk", "analysis", "rules", "codemods"].map((d) => join(root, d)).filter(existsSync);
  const newest = Math.max(...sources.map(newestSourceMtime), statSync(join(root, "package.json")).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit", cwd: root });
}
