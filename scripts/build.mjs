// Builds the package twice from the same sources: ES modules (dist/esm) and CommonJS (dist/cjs),
// each with declarations, so `import` and `require` consumers both get real code and types.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePackageVersion } from "./package-version.mjs";
import { pruneDeclarations, typeEntryPoints } from "./prune-declarations.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * One tsc compile; its diagnostics are printed whole when it ends, so two compiles never interleave.
 * `--noCheck`: the build emits without type checking (a third of the CPU: ~16 s instead of ~47 s a compile on
 * CI's machine). The type check is `npm run typecheck` over every source the two builds compile (tsconfig.json),
 * which `npm test` and `prepublishOnly` run; a syntax error still fails the build.
 */
async function compile(project, outDir) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsc, "-p", join(root, project), "--outDir", outDir, "--noCheck"], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  } catch (error) {
    process.stdout.write(error.stdout ?? "");
    process.stderr.write(error.stderr ?? "");
    throw new Error(`tsc -p ${project} failed (exit ${error.code})`);
  }
}

// Build into a fresh folder and swap it in at the end, so a test or a concurrent run that reads
// dist/ never sees it half-deleted.
const staging = join(root, `.dist-build-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
writePackageVersion(root); // sdk/version.ts: the package version as a constant both builds compile
try {
  // The two compiles are independent single-threaded tsc processes: run side by side, they take the time
  // of the longer one on a machine with two cores (CI's) instead of the sum.
  // allSettled: when one fails, the other still ends before the staging folder is removed.
  const compiled = await Promise.allSettled(
    [
      ["tsconfig.build.json", "module"],
      ["tsconfig.cjs.json", "commonjs"],
    ].map(async ([project, format]) => {
      const outDir = join(staging, format === "module" ? "esm" : "cjs");
      await compile(project, outDir);
      mkdirSync(outDir, { recursive: true });
      // The root package.json says "type": "module"; the CommonJS tree needs its own marker.
      writeFileSync(join(outDir, "package.json"), JSON.stringify({ type: format }, null, 2) + "\n");
    }),
  );
  const failed = compiled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const entries = typeEntryPoints(manifest).map((path) => join(staging, path.replace(/^\.\/dist\//, "")));
  pruneDeclarations(staging, entries);
  writeFileSync(join(staging, ".build-stamp"), new Date().toISOString() + "\n");
  const previous = join(root, `.dist-old-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(join(root, "dist"), previous);
  } catch {
    // no previous build
  }
  renameSync(staging, join(root, "dist"));
  rmSync(previous, { recursive: true, force: true });
} finally {
  rmSync(staging, { recursive: true, force: true });
}
