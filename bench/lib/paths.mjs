// Where the benchmarks find the package, the corpus and the synthetic trees. Every bench script
// imports these so that a path is spelled once.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT_DIR = dirname(BENCH_DIR);
/** Git-ignored: tarballs, extracted packages, the corpus and generated trees. */
export const CACHE_DIR = join(BENCH_DIR, ".cache");
export const CORPUS_DIR = join(CACHE_DIR, "corpus");
/** Real TypeScript sources, one folder per package. */
export const CORPUS_TS_DIR = join(CORPUS_DIR, "ts");
/** Real (compiled) JavaScript, one folder per package. */
export const CORPUS_JS_DIR = join(CORPUS_DIR, "js");
export const SYNTHETIC_DIR = join(CACHE_DIR, "synthetic");
export const DIST_DIR = join(ROOT_DIR, "dist", "esm");
export const MIGRATE_BIN = join(DIST_DIR, "codemods", "bin.js");
export const RULES_ENTRY = join(DIST_DIR, "rules", "index.js");

/** Every file under `dir` whose name ends with one of `extensions`, sorted, `.d.ts` excluded. */
export function listFiles(dir, extensions) {
  const files = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(path);
      } else if (extensions.some((ext) => entry.name.endsWith(ext)) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  walk(dir);
  return files.sort();
}

/** The benchmarks measure the package as users get it: the build in dist/. */
export function requireBuild() {
  for (const entry of [RULES_ENTRY, MIGRATE_BIN, join(DIST_DIR, "sdk", "index.js")]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  }
}
