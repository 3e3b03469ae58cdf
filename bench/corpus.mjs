#!/usr/bin/env node
// `npm run bench:corpus`: installs bench/package.json's dependencies and builds the real-code corpus from pinned npm tarballs (the npm registry is
// the only source, so anyone can rebuild the very same bytes). Idempotent: a package whose files
// are already in the corpus is skipped; delete bench/.cache/corpus to rebuild.
//
//   bench/.cache/tarballs/<name>-<version>.tgz     what `npm pack` downloaded
//   bench/.cache/corpus/ts/<name>@<version>/...    real TypeScript sources (no .d.ts), from src/
//   bench/.cache/corpus/js/<name>@<version>/...    real compiled JavaScript, e.g. from dist/cjs/
//   bench/.cache/corpus/manifest.json              packages and file counts
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { BENCH_DIR, CACHE_DIR, CORPUS_DIR, CORPUS_JS_DIR, CORPUS_TS_DIR, listFiles } from "./lib/paths.mjs";

/**
 * Pinned packages. `ts`: folders of TypeScript sources shipped in the tarball (checked with
 * `npm pack --dry-run`); `js`: folders ("." = package root) of compiled JavaScript.
 * None of them uses the SDK, so rules must report nothing and the codemod must change nothing.
 */
export const CORPUS_PACKAGES = [
  { name: "rxjs", version: "7.8.2", ts: ["src"], js: ["dist/cjs"] },
  { name: "zod", version: "3.25.76", ts: ["src"], js: [] },
  { name: "effect", version: "3.18.4", ts: ["src"], js: ["dist/cjs"] },
  { name: "@effect/platform", version: "0.92.1", ts: ["src"], js: [] },
  { name: "@effect/cli", version: "0.77.2", ts: ["src"], js: [] },
  { name: "@effect/experimental", version: "0.61.1", ts: ["src"], js: [] },
  { name: "@trpc/server", version: "11.6.0", ts: ["src"], js: [] },
  { name: "@tanstack/query-core", version: "5.90.2", ts: ["src"], js: [] },
  { name: "lodash", version: "4.17.21", ts: [], js: ["."] },
];

const TS_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];
const JS_EXTENSIONS = [".js", ".cjs", ".mjs", ".jsx"];
const TARBALL_DIR = join(CACHE_DIR, "tarballs");
const MANIFEST = join(CORPUS_DIR, "manifest.json");

/** `@effect/platform` → `effect__platform@0.92.1`: one flat folder name per package. */
function folderName({ name, version }) {
  return `${name.replace(/^@/, "").replace("/", "__")}@${version}`;
}

function npmPack(pkg) {
  const tarball = join(TARBALL_DIR, `${folderName(pkg)}.tgz`);
  if (existsSync(tarball)) return tarball;
  mkdirSync(TARBALL_DIR, { recursive: true });
  const scratch = mkdtempSync(join(TARBALL_DIR, "pack-"));
  try {
    const out = execFileSync("npm", ["pack", `${pkg.name}@${pkg.version}`, "--json", "--pack-destination", scratch], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [{ filename }] = JSON.parse(out);
    cpSync(join(scratch, filename), tarball);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return tarball;
}

/**
 * Copies the files under the package's `folders` into `target`, paths relative to each folder:
 * `dist/cjs/index.js` lands as `index.js`, because `dist/` is a folder every tool (and
 * `honeyhive migrate`) skips as build output, and the corpus is meant to be read.
 */
function copyFolders(extracted, folders, extensions, target) {
  let count = 0;
  for (const folder of folders) {
    const root = join(extracted, folder);
    for (const file of listFiles(root, extensions)) {
      const destination = join(target, relative(root, file));
      mkdirSync(dirname(destination), { recursive: true });
      cpSync(file, destination);
      count += 1;
    }
  }
  return count;
}

function readManifest() {
  return existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, "utf8")) : { packages: {} };
}

export function buildCorpus({ log = console.log } = {}) {
  const manifest = readManifest();
  for (const pkg of CORPUS_PACKAGES) {
    const key = folderName(pkg);
    if (manifest.packages[key]) {
      log(`corpus: ${pkg.name}@${pkg.version} present (${manifest.packages[key].ts} ts, ${manifest.packages[key].js} js)`);
      continue;
    }
    const tarball = npmPack(pkg);
    const scratch = mkdtempSync(join(CACHE_DIR, "extract-"));
    try {
      execFileSync("tar", ["-xzf", tarball, "-C", scratch]);
      // npm tarballs unpack into `package/`.
      const extracted = join(scratch, "package");
      const ts = copyFolders(extracted, pkg.ts, TS_EXTENSIONS, join(CORPUS_TS_DIR, key));
      const js = copyFolders(extracted, pkg.js, JS_EXTENSIONS, join(CORPUS_JS_DIR, key));
      manifest.packages[key] = { name: pkg.name, version: pkg.version, ts, js };
      log(`corpus: ${pkg.name}@${pkg.version} extracted (${ts} ts, ${js} js)`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    mkdirSync(CORPUS_DIR, { recursive: true });
    writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
  }
  const totals = CORPUS_PACKAGES.map((pkg) => manifest.packages[folderName(pkg)]).reduce(
    (sum, entry) => ({ ts: sum.ts + entry.ts, js: sum.js + entry.js }),
    { ts: 0, js: 0 },
  );
  log(`corpus: ${totals.ts} TypeScript files, ${totals.js} JavaScript files in ${relative(process.cwd(), CORPUS_DIR)}`);
  return totals;
}

/** Throws a helpful error when a benchmark runs before `npm run bench:corpus`. */
export function requireCorpus() {
  if (!existsSync(MANIFEST)) throw new Error("the real-code corpus is missing: run `npm run bench:corpus` first");
  return readManifest();
}

/** The bench-only dependencies (bench/package.json: the npm SDK under an alias) are set up once too. */
function installBenchDependencies({ log = console.log } = {}) {
  if (existsSync(join(BENCH_DIR, "node_modules", ".package-lock.json"))) return;
  log("corpus: installing bench/package.json dependencies (npm ci)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: BENCH_DIR, stdio: "inherit" });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  installBenchDependencies();
  buildCorpus();
}
