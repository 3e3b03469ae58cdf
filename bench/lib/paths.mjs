// Where the benchmarks find the package, the corpus and the synthetic trees. Every bench script
// imports these so that a path is spelled once.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
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
/**
 * A copy of the package's build that the benchmarks run: dist/ is rebuilt (removed, then written)
 * whenever anyone's tests find it stale, and a benchmark must not lose its files half-way.
 * Its node_modules links to the package's own, so the copy resolves the same dependencies (and not
 * the npm SDK's older OpenTelemetry in bench/node_modules).
 */
export const SNAPSHOT_DIR = join(CACHE_DIR, "package-snapshot");
export const DIST_DIR = join(SNAPSHOT_DIR, "dist", "esm");
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

const BUILD_STAMP = join("dist", ".build-stamp");
const ENTRIES = [join("esm", "rules", "index.js"), join("esm", "codemods", "bin.js"), join("esm", "codemods", "engine.js"), join("esm", "sdk", "index.js")];

function completeBuild(root) {
  const stamp = join(root, BUILD_STAMP);
  if (!existsSync(stamp) || !ENTRIES.every((entry) => existsSync(join(root, "dist", entry)))) return undefined;
  return readFileSync(stamp, "utf8");
}

/**
 * The benchmarks measure the package as users get it: its build. Copies a complete dist/ (waiting
 * while someone's build is under way) into SNAPSHOT_DIR unless the copy is of the same build.
 * Returns the build's stamp (its date).
 */
export async function prepareBuild({ log = console.log, waitMs = 10 * 60_000 } = {}) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const stamp = completeBuild(ROOT_DIR);
    if (stamp !== undefined) {
      if (completeBuild(SNAPSHOT_DIR) === stamp) return stamp.trim();
      rmSync(join(SNAPSHOT_DIR, "dist"), { recursive: true, force: true });
      mkdirSync(SNAPSHOT_DIR, { recursive: true });
      try {
        cpSync(join(ROOT_DIR, "dist"), join(SNAPSHOT_DIR, "dist"), { recursive: true });
        cpSync(join(ROOT_DIR, "package.json"), join(SNAPSHOT_DIR, "package.json"));
        if (!existsSync(join(SNAPSHOT_DIR, "node_modules"))) symlinkSync(join(ROOT_DIR, "node_modules"), join(SNAPSHOT_DIR, "node_modules"), "dir");
      } catch (error) {
        log(`build snapshot: copy failed (${error.code ?? error.message}), retrying`);
      }
      // The copy is good only if no rebuild started meanwhile.
      if (completeBuild(ROOT_DIR) === stamp && completeBuild(SNAPSHOT_DIR) === stamp) {
        log(`build snapshot: dist/ of ${stamp.trim()} copied to ${SNAPSHOT_DIR}`);
        return stamp.trim();
      }
    }
    if (Date.now() > deadline) throw new Error("no complete build in dist/: run `npm run build` first");
    log("build snapshot: waiting for a complete dist/ (a build is under way or none was made: `npm run build`)");
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}
