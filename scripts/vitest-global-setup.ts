// Tests that load the package as a consumer would (ESM/CJS, the `honeyhive` bin) need `dist/`.
// Rebuild it when a file it is built from is newer than the last build (scripts/dist-inputs.ts), so a
// test never runs stale output, and a change to tests or docs alone does not cost a build.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { newestDistInput } from "./dist-inputs.js";

const root = join(import.meta.dirname, "..");
const stamp = join(root, "dist", ".build-stamp");

export default function setup(): void {
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestDistInput(root)) return;
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit", cwd: root });
}
