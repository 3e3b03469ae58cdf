// TypeScript's compiled code kept between `migrate` runs. TypeScript is one 9 MB script: each process
// that parses a file compiles it (V8's pre-parse of the whole script, then every function on its
// first call), ~0.1 s of CPU before the first file, paid again by every run and every worker. V8 can
// serialize what it compiled (`vm.Script#createCachedData`) and start from it the next time; Node 22
// does this for every module with `module.enableCompileCache()` (TypeScript's own `tsc` turns it on),
// Node 20 has no such switch, so the CLI does it for TypeScript alone, the one module that weighs.
//
// The cache sits in the project's `node_modules/.cache/honeyhive/` (the folder other tools' caches
// use, beside the TypeScript it was made from), one file per TypeScript source, named by a hash of
// that source's bytes, so a reinstalled or patched TypeScript never meets the code of another. V8
// checks the rest itself (its version, its flags, the source's length) and falls back to compiling
// when the data does not fit (`cachedDataRejected`); the file is then written again at the end of
// the run. What runs is TypeScript's code as `require` would run it (the same wrapper, `require`,
// module object and `require.cache` entry), so the outputs cannot change; only compile time does.
// `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for its cache) turns it off.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import Module = require("node:module");
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { isMainThread } from "node:worker_threads";
import { localRequire } from "../../analysis/local-require.cjs";

/** Where the cache of the TypeScript at `typescriptFile` lives: undefined outside a `node_modules` folder. */
export function cacheFileOf(typescriptFile: string, source: Buffer): string | undefined {
  // <root>/node_modules/typescript/lib/typescript.js → <root>/node_modules/.cache/honeyhive/
  const nodeModules = dirname(dirname(dirname(typescriptFile)));
  if (basename(nodeModules) !== "node_modules") return undefined;
  const key = createHash("sha1").update(source).update(`\0${process.version}\0${process.arch}`).digest("hex");
  return join(nodeModules, ".cache", "honeyhive", `${basename(typescriptFile, ".js")}-${key}.v8cache`);
}

/** `typescript-` of `…/typescript-<hash>.v8cache`. */
const prefixOf = (cacheFile: string): string => basename(cacheFile).replace(/[0-9a-f]+\.v8cache$/, "");

interface ModuleRecord {
  filename: string;
  paths: string[];
  loaded: boolean;
  exports: unknown;
}

let attempted = false;

/**
 * Loads TypeScript (as the analysis resolves it) into `require.cache` through the code cache, so the
 * parsers' own `require("typescript")` find it loaded. Call before the parsers load; a second call,
 * a TypeScript already loaded, or any failure leaves loading to `require` as before. The main
 * thread writes the cache at exit when it had none that fit.
 */
export function loadTypescriptWithCodeCache(): void {
  if (attempted) return;
  attempted = true;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  let filename: string;
  try {
    // The analysis core requires "typescript" from its own folder: resolve it from there.
    filename = localRequire.resolve("typescript");
  } catch {
    return; // Not installed: the engine's load reports it as before.
  }
  const loaded = loadWithCodeCache(filename);
  if (loaded?.stale && isMainThread) {
    // At the end of the run, so the data holds every function the run compiled.
    process.once("exit", () => writeCodeCache(loaded));
  }
}

/** A CommonJS module loaded by `loadWithCodeCache`. */
export interface CodeCachedModule {
  readonly script: Script;
  /** Undefined when the module is not inside a `node_modules/<package>/<folder>/` (no cache). */
  readonly cacheFile: string | undefined;
  /** No cache was read, or V8 rejected it: the next run needs a new one. */
  readonly stale: boolean;
}

/**
 * `require(filename)` for a CommonJS script, compiled from its code cache when one fits, and put in
 * `require.cache` as `require` would; undefined (and nothing cached) when it was loaded already or
 * failed, so that `require` loads it (and throws) as before. Exported for the tests.
 */
export function loadWithCodeCache(filename: string): CodeCachedModule | undefined {
  const cache = localRequire.cache;
  if (cache[filename] !== undefined) return undefined;
  let record: ModuleRecord | undefined;
  try {
    const bytes = readFileSync(filename);
    const cacheFile = cacheFileOf(filename, bytes);
    let cachedData: Buffer | undefined;
    if (cacheFile) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
    }
    const source = bytes.toString("utf8");
    const script = new Script(Module.wrap(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source), { filename, ...(cachedData ? { cachedData } : {}) });
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
    record = new (Module as unknown as new (id: string) => ModuleRecord)(filename);
    record.filename = filename;
    record.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(filename));
    cache[filename] = record as unknown as NodeJS.Module;
    wrapper.call(record.exports, record.exports, createRequire(filename), record, filename, dirname(filename));
    record.loaded = true;
    return { script, cacheFile, stale: cachedData === undefined || script.cachedDataRejected === true };
  } catch {
    if (record && cache[filename] === record) delete cache[filename];
    return undefined;
  }
}

/** Writes what V8 compiled of `loaded` so far to its cache file (and drops other TypeScripts' caches); never throws. */
export function writeCodeCache({ script, cacheFile }: CodeCachedModule): void {
  if (!cacheFile) return;
  try {
    const data = script.createCachedData();
    mkdirSync(dirname(cacheFile), { recursive: true });
    // Another run may read the file meanwhile: it sees the old file or the whole new one.
    const partial = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, cacheFile);
    // The caches of TypeScripts no longer installed here (each ~2.5 MB) go.
    for (const name of readdirSync(dirname(cacheFile))) {
      if (name.startsWith(prefixOf(cacheFile)) && name.endsWith(".v8cache") && name !== basename(cacheFile)) rmSync(join(dirname(cacheFile), name), { force: true });
    }
  } catch {
    // A read-only node_modules: the next run compiles TypeScript, as without a cache.
  }
}
