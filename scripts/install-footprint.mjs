// What installing a package costs a project, measured the same way by the install tests
// (sdk/*.install.test.ts) and by `npm run bench:install`: the packages npm put in node_modules and
// their size. Size on disk counts 4 KiB blocks per file and folder, as `du` does on the usual file
// systems (the figure a user sees), so it does not depend on the machine's file system; the
// apparent size (bytes in files) is given too.
import { execFileSync } from "node:child_process";
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const BLOCK = 4096;

/** The environment for a nested npm: without the npm_* variables of an npm script that runs us. */
export function npmEnvironment(extra = {}) {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))), ...extra };
}

/** Packs the package in `packageDir` (its dist/ as built; no lifecycle scripts) into `destination`; returns the tarball path. */
export function packTarball(packageDir, destination) {
  const output = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], {
    cwd: packageDir,
    env: npmEnvironment(),
    encoding: "utf8",
  });
  const [{ filename }] = JSON.parse(output);
  return join(destination, filename);
}

function sizeOf(path) {
  const stat = lstatSync(path);
  const own = { disk: Math.ceil(Math.max(stat.size, 1) / BLOCK) * BLOCK, apparent: stat.isDirectory() ? 0 : stat.size };
  if (!stat.isDirectory()) return own;
  for (const entry of readdirSync(path)) {
    const child = sizeOf(join(path, entry));
    own.disk += child.disk;
    own.apparent += child.apparent;
  }
  return own;
}

/**
 * The installed packages of the project in `projectDir` (names from npm's node_modules/.package-lock.json,
 * one per copy, so a package installed twice counts twice) and the size of its node_modules.
 */
export function installFootprint(projectDir) {
  const lock = JSON.parse(readFileSync(join(projectDir, "node_modules", ".package-lock.json"), "utf8"));
  const packages = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith("node_modules/") && !entry.link)
    .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length))
    .sort();
  const { disk, apparent } = sizeOf(join(projectDir, "node_modules"));
  return { packages, diskBytes: disk, apparentBytes: apparent };
}
