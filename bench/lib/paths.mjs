// Where the benchmarks find the package, the corpus and the synthetic trees. Every bench script
// imports these so that a path is spelled once.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
/** The figures of the last runs (bench/run.mjs and the benchmarks that write their own section). */
export const RESULTS_JSON = join(CACHE_DIR, "results.json");
/**
 * The package the benchmarks run: the committed HEAD, exported with `git archive` and built here.
 * Not the work tree's dist/: that is rebuilt (removed, then written) whenever anyone's tests find
 * it stale, may hold uncommitted work in progress, and a benchmark must not lose its files
 * half-way. Its node_modules links to the package's own, so the copy resolves the same
 * dependencies (and not the npm SDK's older OpenTelemetry in bench/node_modules).
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

const ENTRIES = [join("esm", "rules", "index.js"), join("esm", "codemods", "bin.js"), join("esm", "codemods", "engine", "engine.js"), join("esm", "sdk", "index.js")];
const SNAPSHOT_COMMIT = join(SNAPSHOT_DIR, ".bench-commit");

function git(args) {
  return execFileSync("git", args, { cwd: ROOT_DIR, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }).trim();
}

/**
 * Builds the committed HEAD into SNAPSHOT_DIR unless that build is already there, and returns the
 * commit it is of. `BENCH_COMMIT=<rev>` measures another commit. The fixtures the synthetic tree
 * is made from are read from the same snapshot.
 */
export function prepareBuild({ log = console.log } = {}) {
  const commit = git(["rev-parse", process.env.BENCH_COMMIT ?? "HEAD"]);
  // Pinned for the rest of this run (and its children), however HEAD moves meanwhile.
  process.env.BENCH_COMMIT = commit;
  const built = existsSync(SNAPSHOT_COMMIT) && readFileSync(SNAPSHOT_COMMIT, "utf8") === commit;
  if (built && ENTRIES.every((entry) => existsSync(join(SNAPSHOT_DIR, "dist", entry)))) return commit;
  log(`build snapshot: building ${commit.slice(0, 12)} in ${SNAPSHOT_DIR}`);
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const archive = join(CACHE_DIR, "package-snapshot.tar");
  execFileSync("git", ["archive", "--format=tar", `--output=${archive}`, commit], { cwd: ROOT_DIR });
  execFileSync("tar", ["-xf", archive, "-C", SNAPSHOT_DIR]);
  rmSync(archive);
  symlinkSync(join(ROOT_DIR, "node_modules"), join(SNAPSHOT_DIR, "node_modules"), "dir");
  execFileSync(process.execPath, [join(SNAPSHOT_DIR, "scripts", "build.mjs")], { cwd: SNAPSHOT_DIR, stdio: "inherit" });
  writeFileSync(SNAPSHOT_COMMIT, commit);
  return commit;
}
