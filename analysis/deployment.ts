// Where a file's project deploys, read from the files beside its nearest package.json: whether a
// Next.js app runs as serverless functions (Vercel, Netlify, OpenNext on AWS Lambda) and where the
// project root is (Vercel functions live in its `api/` folder). The signal files are read from the
// root's listing and the package.json through the project reader, each looked at again at most once a
// second (a vercel.json added or an edited script preload is seen during an editor session).
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { absolutePath, EMPTY_MANIFEST, fresh, projectModules, type PackageManifest, type ProjectModules } from "./project-modules.js";
import { workspaceRootOf } from "./workspaces.js";

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

/** The files beside the package.json that tell each signal (`/`: in a folder there). */
const SIGNAL_FILES: Readonly<Record<keyof FileSignals, readonly string[]>> = {
  nitro: ["nitro.config.ts", "nitro.config.js", "nitro.config.mjs", "nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"],
  vercel: ["vercel.json", ".vercel/project.json"],
  netlify: ["netlify.toml"],
  openNext: ["open-next.config.ts", "open-next.config.js", "open-next.config.mjs"],
  wrangler: ["wrangler.toml", "wrangler.json", "wrangler.jsonc"],
  gcpFunctions: [".gcloudignore"],
  azureFunctions: ["host.json"],
};
const SIGNALS = Object.keys(SIGNAL_FILES) as readonly (keyof FileSignals)[];
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
  // Its root, not its signals: the package.json may change between two lints of one file in an editor.
  forgetWithReader();
  const now = Date.now();
  if (filename === lastAsked.filename && lastAsked.root !== undefined && fresh(lastAsked.checkedAt, now)) return lastAsked.root === null ? NO_SIGNALS : signalsOfRoot(lastAsked.root);
  const directory = dirname(absolutePath(filename));
  const root = rootOfDirectoryCached(directory);
  if (isAbsolute(filename)) lastAsked = { filename, root, checkedAt: now };
  return root === null ? NO_SIGNALS : signalsOfRoot(root);
}

let lastAsked: { readonly filename: string; readonly root: string | null | undefined; readonly checkedAt: number } = { filename: "", root: undefined, checkedAt: 0 };

/** The project reader the caches of this module were read through, and its `forgets` then. */
let readThrough: { readonly reader: ProjectModules | undefined; readonly forgets: number } = { reader: undefined, forgets: 0 };

/**
 * Forgets `lastAsked` and `byRoot` when the project reader was replaced (`setProjectModules`) or told to
 * forget what it re-checks (`ProjectModules.forgetRechecked`): their values came from its reads.
 */
function forgetWithReader(): void {
  const reader = projectModules();
  if (reader === readThrough.reader && reader.forgets === readThrough.forgets) return;
  lastAsked = { filename: "", root: undefined, checkedAt: 0 };
  byRoot.clear();
  readThrough = { reader, forgets: reader.forgets };
}

function rootOfDirectoryCached(directory: string): string | null {
  try {
    // The project reader's walk (`ProjectModules.packageRootOnDisk`: each folder looked at no more than
    // once a second, the listings shared with module resolution): null outside any project or for a
    // folder that is not on disk.
    return projectModules().packageRootOnDisk(directory) ?? null;
  } catch {
    // An unreadable directory tells nothing: no signal, not an error.
    return null;
  }
}

/**
 * The signals of each project root: every directory of a project shares its root's. The files beside
 * the package.json are read from the root's listing and the package.json is the project reader's
 * (`ProjectModules.listing`, `ProjectModules.manifestOf`: each looked at no more than once a second, read
 * again when it changed), so a vercel.json added or an edited script preload is seen during an editor session.
 */
const byRoot = new Map<string, { readonly files: FileSignals; readonly manifest: PackageManifest | undefined; readonly signals: DeploymentSignals; checkedAt: number }>();

type FileSignals = Pick<DeploymentSignals, "vercel" | "netlify" | "openNext" | "wrangler" | "nitro" | "azureFunctions" | "gcpFunctions">;

function signalsOfRoot(root: string): DeploymentSignals {
  // Asked several times per linted file: within a second of the last look, the signals as they were
  // (one map look-up, no call into the project reader); then the reader's listing and manifest, each
  // looked at at most once a second, so an edit is seen within two seconds.
  const known = byRoot.get(root);
  const now = Date.now();
  if (known !== undefined && fresh(known.checkedAt, now)) return known.signals;
  const reader = projectModules();
  const manifest = reader.manifestOf(root);
  const seen = fileSignals(reader, root);
  const files = known !== undefined && SIGNALS.every((signal) => known.files[signal] === seen[signal]) ? known.files : seen;
  if (known !== undefined && known.manifest === manifest && known.files === files) {
    known.checkedAt = now;
    return known.signals;
  }
  const signals = rootSignals(root, files, manifest ?? EMPTY_MANIFEST);
  byRoot.set(root, { files, manifest, signals, checkedAt: now });
  return signals;
}

/**
 * The signal files beside the package.json, all from one listing of the root (and of `.vercel/` when
 * the root holds one): the reader's, shared with the walk and the resolver, checked by the folder's
 * mtime at most once a second.
 */
function fileSignals(reader: ProjectModules, root: string): FileSignals {
  const entries = reader.listing(root);
  const has = (names: readonly string[]): boolean => names.some((name) => isThere(reader, root, entries, name));
  return {
    vercel: has(SIGNAL_FILES.vercel),
    netlify: has(SIGNAL_FILES.netlify),
    openNext: has(SIGNAL_FILES.openNext),
    wrangler: has(SIGNAL_FILES.wrangler),
    gcpFunctions: has(SIGNAL_FILES.gcpFunctions),
    nitro: has(SIGNAL_FILES.nitro),
    azureFunctions: has(SIGNAL_FILES.azureFunctions),
  };
}

/**
 * Whether anything is at `path` (relative, `/`-separated) below `directory`, as `exists` would say
 * (a file, a folder, what a link leads to), from `entries`, `directory`'s listing: an entry the listing
 * cannot classify (a broken link) is probed, and so is every name of a folder that cannot be listed.
 */
function isThere(reader: ProjectModules, directory: string, entries: ReadonlyMap<string, string> | undefined, path: string): boolean {
  if (entries === undefined) return reader.exists(resolve(directory, path));
  const slash = path.indexOf("/");
  const name = slash === -1 ? path : path.slice(0, slash);
  const kind = entries.get(name);
  if (kind === undefined || (slash !== -1 && kind === "file")) return false;
  if (slash === -1) return kind !== "other" || reader.exists(join(directory, name));
  const folder = join(directory, name);
  return isThere(reader, folder, kind === "directory" ? reader.listing(folder) : undefined, path.slice(slash + 1));
}

function rootSignals(root: string, files: FileSignals, manifest: PackageManifest): DeploymentSignals {
  return {
    root,
    ...files,
    wrangler: files.wrangler || WORKERS_PACKAGES.some((name) => manifest.dependencies.has(name)),
    gcpFunctions: files.gcpFunctions || manifest.dependencies.has(GCP_FUNCTIONS_FRAMEWORK),
    nitro: files.nitro || NITRO_PACKAGES.some((name) => manifest.dependencies.has(name)),
    ...(manifest.main !== undefined ? { main: manifest.main } : {}),
    dependencies: manifest.dependencies,
    ...(manifest.preloads.length > 0 ? { preloads: manifest.preloads } : {}),
  };
}

/** `filename` relative to its project root (the nearest package.json), with `/` separators; undefined outside any project. */
export function projectRelativePath(filename: string): string | undefined {
  const { root } = deploymentOf(filename);
  return root === undefined ? undefined : relative(root, absolutePath(filename)).split(sep).join("/");
}

/**
 * Whether the project that holds `filename` depends on one of `packages`: its package.json names it
 * (any kind of dependency), or it is an app framework the project runs on without naming it there
 * (`frameworksNotNamed`: Next.js by its `next.config.*`, or by the workspace root's package.json).
 */
export function projectDependsOn(filename: string, packages: readonly string[]): boolean {
  const { root, dependencies } = deploymentOf(filename);
  if (root === undefined) return false;
  if (dependencies.size > 0 && packages.some((name) => dependencies.has(name))) return true;
  if (!packages.some((name) => INFERRED_FRAMEWORKS.has(name))) return false;
  const inferred = projectModules().rechecked(root, frameworksNotNamed);
  return inferred.size > 0 && packages.some((name) => inferred.has(name));
}

/**
 * App frameworks a project may run on without its own package.json naming them, and how that shows:
 * the framework's config file beside the package.json (Next.js reads `next.config.js`, `.mjs` or `.ts`
 * from the project's root: vercel/next.js#63051 `CONFIG_FILES`), or a workspace (monorepo) whose root
 * package.json names it, hoisted for its members, for a member laid out as an app of it: one of
 * `appDirectories` beside its package.json (Next.js routes from `app/` or `pages/`, or the same under
 * `src/`: nextjs.org/docs/app/api-reference/file-conventions/src-folder). A member without them (a
 * worker, a CLI, a library: `apps/worker/package.json` without `next`) takes nothing from the root.
 */
const APP_FRAMEWORKS: readonly { readonly package: string; readonly configFiles: readonly string[]; readonly appDirectories: readonly string[] }[] = [
  { package: "next", configFiles: ["next.config.js", "next.config.mjs", "next.config.ts"], appDirectories: ["app", "pages", "src/app", "src/pages"] },
];
const INFERRED_FRAMEWORKS: ReadonlySet<string> = new Set(APP_FRAMEWORKS.map((framework) => framework.package));

/**
 * Packages that make a workspace member an app (or server) of its own: a member that names one takes
 * no framework from the workspace root (`apps/api` with `express` in a monorepo whose root names `next`
 * for `apps/web` is no Next.js app). A framework's config file beside the member still counts.
 */
const OWN_APP_PACKAGES: ReadonlySet<string> = new Set([
  ...INFERRED_FRAMEWORKS,
  ...NITRO_PACKAGES,
  "express", "fastify", "koa", "hono", "@hapi/hapi", "@nestjs/core", "restify", "elysia", "h3", "astro", "@sveltejs/kit",
  "@remix-run/node", "@remix-run/serve", "@react-router/node", "@google-cloud/functions-framework", "@azure/functions",
]);

/**
 * The `APP_FRAMEWORKS` the project at `root` runs on without its package.json naming them. Asked only
 * for one of them (`projectDependsOn`), looked at again at most once a second per root
 * (`ProjectModules.rechecked`): the root's listing and the package.json files through the project reader.
 */
function frameworksNotNamed(root: string): ReadonlySet<string> {
  const modules = projectModules();
  const own = modules.manifestOf(root) ?? EMPTY_MANIFEST;
  const entries = modules.listing(root);
  const found = new Set<string>();
  for (const framework of APP_FRAMEWORKS) {
    if (!own.dependencies.has(framework.package) && framework.configFiles.some((name) => entries?.get(name) === "file")) found.add(framework.package);
  }
  if ([...own.dependencies].some((name) => OWN_APP_PACKAGES.has(name))) return found;
  // A workspace root above the package (a pnpm root's own package is no member of it).
  const workspace = workspaceRootOf(modules, root);
  const shared = workspace === undefined || workspace === root ? undefined : modules.manifestOf(workspace);
  for (const framework of APP_FRAMEWORKS) {
    if (!shared?.dependencies.has(framework.package)) continue;
    const laidOut = framework.appDirectories.some((path) => {
      const [first, second] = path.split("/");
      if (entries?.get(first!) !== "directory") return false;
      return second === undefined || modules.listing(join(root, first!))?.get(second) === "directory";
    });
    if (laidOut) found.add(framework.package);
  }
  return found;
}

/** For tests that create project folders: forget what was looked up. */
export function clearDeploymentCache(): void {
  lastAsked = { filename: "", root: undefined, checkedAt: 0 };
  byRoot.clear();
  projectModules().forgetRechecked();
}
