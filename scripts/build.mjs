// Builds the package twice from the same sources: ES modules (dist/esm) and CommonJS (dist/cjs),
// each with declarations, so `import` and `require` consumers both get real code and types.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePluginVersion } from "./plugin-version.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(join(root, "dist"), { recursive: true, force: true });
writePluginVersion(root); // the ESLint plugin's meta.version, as a constant both builds compile
for (const [project, format] of [
  ["tsconfig.build.json", "module"],
  ["tsconfig.cjs.json", "commonjs"],
]) {
  execFileSync(process.execPath, [tsc, "-p", join(root, project)], { stdio: "inherit", cwd: root });
  const outDir = join(root, "dist", format === "module" ? "esm" : "cjs");
  mkdirSync(outDir, { recursive: true });
  // The root package.json says "type": "module"; the CommonJS tree needs its own marker.
  writeFileSync(join(outDir, "package.json"), JSON.stringify({ type: format }, null, 2) + "\n");
}
writeFileSync(join(root, "dist", ".build-stamp"), new Date().toISOString() + "\n");
