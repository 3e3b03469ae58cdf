// Where a file's project deploys, read from the files beside its nearest package.json: whether a
// Next.js app runs as serverless functions (Vercel, Netlify, OpenNext on AWS Lambda) and where the
// project root is (Vercel functions live in its `api/` folder). One look per directory per process.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { absolutePath, projectModules } from "./project-modules.js";

export interface DeploymentSignals {
  /** The directory of the nearest package.json, if any. */
  readonly root: string | undefined;
  /** `vercel.json` or a `.vercel/project.json` (written by `vercel link`). */
  readonly vercel: boolean;
  /** `netlify.toml`. */
  readonly netlify: boolean;
  /** `open-next.config.ts` / `.js` (OpenNext: Next.js on AWS Lambda or Cloudflare). */
  readonly openNext: boolean;
  /**
   * Cloudflare Workers: `wrangler.toml` / `wrangler.json` / `wrangler.jsonc`, or `wrangler` or
   * `@cloudflare/workers-types` among the package.json's dependencies.
   */
  readonly wrangler: boolean;
  /**
   * Google Cloud Functions: `@google-cloud/functions-framework` among the package.json's dependencies
   * (any kind), or a `.gcloudignore` (written by `gcloud functions deploy`) beside it.
   */
  readonly gcpFunctions: boolean;
  /**
   * Nitro or Nuxt builds the server: `nuxt`, `nitropack` or `nitro` among the dependencies, or a
   * `nitro.config.*` / `nuxt.config.*` beside the package.json. Its `api/` and `routes/` files are
   * Nitro's event handlers (bundled by Nitro for whatever host), never Vercel functions.
   */
  readonly nitro: boolean;
  /**
   * Azure Functions: a `host.json` beside the package.json (every function app has one at its root, the
   * v3 model's function folders below it).
   */
  readonly azureFunctions: boolean;
  /** The package.json's `main`, when it is a string (the module a Cloud Function deploys from). */
  readonly main?: string;
  /** Every package the package.json names, of any kind (dependencies, dev, optional, peer). */
  readonly dependencies: ReadonlySet<string>;
  /** What the package.json's scripts preload (`node --import ./instrument.mjs`, `-r dd-trace/init`, in NODE_OPTIONS too), as written. */
  readonly preloads?: readonly string[];
}

const SIGNAL_FILES: Readonly<Record<Exclude<keyof DeploymentSignals, "root" | "gcpFunctions" | "main" | "dependencies" | "preloads">, readonly string[]>> = {
  nitro: ["nitro.config.ts", "nitro.config.js", "nitro.config.mjs", "nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"],
  vercel: ["vercel.json", ".vercel/project.json"],
  netlify: ["netlify.toml"],
  openNext: ["open-next.config.ts", "open-next.config.js", "open-next.config.mjs"],
  wrangler: ["wrangler.toml", "wrangler.json", "wrangler.jsonc"],
  azureFunctions: ["host.json"],
};

const byDirectory = new Map<string, DeploymentSignals>();
const NO_SIGNALS: DeploymentSignals = Object.freeze({ root: undefined, vercel: false, netlify: false, openNext: false, wrangler: false, gcpFunctions: false, nitro: false, azureFunctions: false, dependencies: new Set<string>() });
const GCP_FUNCTIONS_FRAMEWORK = "@google-cloud/functions-framework";
const WORKERS_PACKAGES = ["wrangler", "@cloudflare/workers-types"];
const NITRO_PACKAGES = ["nuxt", "nitropack", "nitro"];

/**
 * The deployment signals of the project that holds `filename` (relative names resolve against the
 * working directory); none for a file whose folder does not exist.
 */
export function deploymentOf(filename: string): DeploymentSignals {
  // The models of one file ask several times in a row: the last answer is kept by absolute file name (no
  // path resolution); a relative one resolves against the working directory, which may change.
  if (filename === lastAsked.filename && lastAsked.signals) return lastAsked.signals;
  const signals = signalsOfDirectory(dirname(absolutePath(filename)));
  if (isAbsolute(filename)) lastAsked = { filename, signals };
  return signals;
}

let lastAsked: { readonly filename: string; readonly signals: DeploymentSignals | undefined } = { filename: "", signals: undefined };

function signalsOfDirectory(directory: string): DeploymentSignals {
  const cached = byDirectory.get(directory);
  if (cached) return cached;
  let signals: DeploymentSignals;
  try {
    signals = computeSignals(directory);
  } catch {
    // An unreadable directory tells nothing: no signal, not an error.
    signals = NO_SIGNALS;
  }
  byDirectory.set(directory, signals);
  return signals;
}

/** The signals of each project root: every directory of a project shares its root's (one look per root, not per directory). */
const byRoot = new Map<string, DeploymentSignals>();

function computeSignals(directory: string): DeploymentSignals {
  // A path that is not on disk (text linted under a simulated name) tells nothing about its project.
  // The folder of a file that imports a project module is usually listed already (analysis/project-modules.ts,
  // before this is asked): that listing, checked by the folder's mtime, tells both that the folder exists
  // and whether it holds a package.json in one stat instead of two probes. An entry it cannot classify
  // (a broken link) is probed as before.
  const listing = projectModules().currentListing(directory);
  const listed = listing?.get("package.json");
  const startHasPackage = listing === undefined || listed === "other" ? undefined : listed !== undefined;
  const root = listing !== undefined || existsSync(directory) ? nearestPackageDirectory(directory, startHasPackage) : undefined;
  if (root === undefined) return NO_SIGNALS;
  let signals = byRoot.get(root);
  if (!signals) {
    signals = rootSignals(root);
    byRoot.set(root, signals);
  }
  return signals;
}

function rootSignals(root: string): DeploymentSignals {
  const has = (names: readonly string[]): boolean => names.some((name) => existsSync(resolve(root, name)));
  const manifest = readManifest(root);
  return {
    root,
    vercel: has(SIGNAL_FILES.vercel),
    netlify: has(SIGNAL_FILES.netlify),
    openNext: has(SIGNAL_FILES.openNext),
    wrangler: has(SIGNAL_FILES.wrangler) || WORKERS_PACKAGES.some((name) => manifest.dependencies.has(name)),
    gcpFunctions: manifest.dependencies.has(GCP_FUNCTIONS_FRAMEWORK) || has([".gcloudignore"]),
    nitro: has(SIGNAL_FILES.nitro) || NITRO_PACKAGES.some((name) => manifest.dependencies.has(name)),
    azureFunctions: has(SIGNAL_FILES.azureFunctions),
    ...(manifest.main !== undefined ? { main: manifest.main } : {}),
    dependencies: manifest.dependencies,
    ...(manifest.preloads.length > 0 ? { preloads: manifest.preloads } : {}),
  };
}

/** `--import x`, `--import=x`, `--require x`, `-r x` in a script (quotes around the module allowed). */
const PRELOAD_FLAG = /(?:^|[\s"'=])(?:--import|--require|-r)(?:\s+|=)["']?([^\s"']+)/g;

/** The dependency names and `main` of a package.json; nothing from one that does not parse. */
function readManifest(root: string): { dependencies: ReadonlySet<string>; main?: string; preloads: readonly string[] } {
  try {
    const manifest: unknown = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
    if (typeof manifest !== "object" || manifest === null) return { dependencies: new Set(), preloads: [] };
    const record = manifest as Record<string, unknown>;
    const dependencies = new Set<string>();
    for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
      const value = record[field];
      if (typeof value === "object" && value !== null) for (const name of Object.keys(value)) dependencies.add(name);
    }
    const preloads = new Set<string>();
    const scripts = record.scripts;
    if (typeof scripts === "object" && scripts !== null) {
      for (const script of Object.values(scripts)) if (typeof script === "string") for (const match of script.matchAll(PRELOAD_FLAG)) preloads.add(match[1]!);
    }
    return typeof record.main === "string" ? { dependencies, main: record.main, preloads: [...preloads] } : { dependencies, preloads: [...preloads] };
  } catch {
    // An unreadable or invalid package.json tells nothing about the deployment.
    return { dependencies: new Set(), preloads: [] };
  }
}

/**
 * The nearest package.json's directory of every directory walked so far, the ones between a linted
 * file and its root included: sibling folders (a tree of one folder per function or route) stop at
 * their shared parent instead of testing every ancestor up to the root again.
 */
const rootByDirectory = new Map<string, string | undefined>();

/** `startHasPackage`: whether `start` holds a package.json, when its listing already told (else it is probed). */
function nearestPackageDirectory(start: string, startHasPackage?: boolean): string | undefined {
  const walked: string[] = [];
  let root: string | undefined;
  for (let directory = start; ; directory = dirname(directory)) {
    if (rootByDirectory.has(directory)) {
      root = rootByDirectory.get(directory);
      break;
    }
    walked.push(directory);
    if (directory === start && startHasPackage !== undefined ? startHasPackage : existsSync(resolve(directory, "package.json"))) {
      root = directory;
      break;
    }
    if (dirname(directory) === directory) break;
  }
  for (const directory of walked) rootByDirectory.set(directory, root);
  return root;
}

/** `filename` relative to its project root (the nearest package.json), with `/` separators; undefined outside any project. */
export function projectRelativePath(filename: string): string | undefined {
  const { root } = deploymentOf(filename);
  return root === undefined ? undefined : relative(root, absolutePath(filename)).split(sep).join("/");
}

/** Whether the project that holds `filename` names one of `packages` in its package.json (any kind of dependency). */
export function projectDependsOn(filename: string, packages: readonly string[]): boolean {
  const { dependencies } = deploymentOf(filename);
  return dependencies.size > 0 && packages.some((name) => dependencies.has(name));
}

/** For tests that create project folders: forget what was looked up. */
export function clearDeploymentCache(): void {
  lastAsked = { filename: "", signals: undefined };
  byDirectory.clear();
  byRoot.clear();
  rootByDirectory.clear();
}
