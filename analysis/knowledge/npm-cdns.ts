// CDNs that serve npm packages by URL, as Deno (and browsers) import them without `npm:`:
// `import { HoneyHiveTracer } from "https://esm.sh/honeyhive@1.0.42"`. The path after the origin is
// `<package>[@<version or range>][/<subpath>]`, then the CDN's own parts. Checked against the CDNs'
// READMEs (esm.sh: a semver range or dist-tag after `@`, a build segment `v135/` or `stable/`, `*`
// before the name for external dependencies, options in the query; jsDelivr: `/npm/` and `/+esm`).
// JSR is not here: the 1.x repository carries a generated jsr.json named `honeyhive`, which JSR
// refuses (its packages are `@scope/name`), and no public code imports HoneyHive through `jsr:`.

export interface NpmCdn {
  /** The URL up to the package name. */
  readonly origin: string;
  /** One path segment the CDN allows before the name (esm.sh's build version `v135/`, `stable/`). */
  readonly buildSegment?: RegExp;
  /** A character the CDN allows right before the name (esm.sh's `*`: leave dependencies external). */
  readonly namePrefix?: string;
  /** A path the CDN appends that is not the package's subpath (jsDelivr's `/+esm`). */
  readonly ownSuffix?: string;
  /**
   * The CDN resolves a subpath (`honeyhive@2/experiments`) through package.json "exports", as Node does.
   * Otherwise the path after the version names a file of the published package, and a subpath that only
   * "exports" declares is not found there.
   */
  readonly readsExports?: true;
}

// Which read "exports" (checked in their issue trackers): esm.sh and Skypack resolve subpaths through it
// (carbon-design-system/carbon-web-components#443 adds "exports" "for CDNs such as jspm and Skypack");
// jsDelivr does not (jsdelivr/jsdelivr#18215, "Support package.json#exports", open; esm.run is its `+esm`);
// unpkg reads it only to pick the file for a URL without a path (unpkg/unpkg#342: "If you don't specify a
// file path … the `exports` field"; "link directly to the path of the file you want").
export const NPM_CDNS: readonly NpmCdn[] = [
  { origin: "https://esm.sh/", buildSegment: /^(?:v\d+|stable)\//, namePrefix: "*", readsExports: true },
  { origin: "https://esm.run/" },
  { origin: "https://cdn.jsdelivr.net/npm/", ownSuffix: "/+esm" },
  { origin: "https://unpkg.com/" },
  { origin: "https://cdn.skypack.dev/", readsExports: true },
];

/**
 * A CDN URL split where its package part starts and ends: `https://esm.sh/v135/honeyhive@1.0.42/experiments?target=deno`
 * → `{ head: "https://esm.sh/v135/", path: "honeyhive@1.0.42/experiments", tail: "?target=deno" }`. Undefined
 * for any other specifier.
 */
export function splitCdnUrl(specifier: string): { readonly head: string; readonly path: string; readonly tail: string; readonly cdn: NpmCdn } | undefined {
  const cdn = NPM_CDNS.find((candidate) => specifier.startsWith(candidate.origin));
  if (!cdn) return undefined;
  let start = cdn.origin.length;
  const build = cdn.buildSegment?.exec(specifier.slice(start));
  if (build) start += build[0].length;
  if (cdn.namePrefix && specifier.startsWith(cdn.namePrefix, start)) start += cdn.namePrefix.length;
  const query = specifier.search(/[?#]/);
  let end = query < 0 ? specifier.length : query;
  if (cdn.ownSuffix && specifier.slice(start, end).endsWith(cdn.ownSuffix)) end -= cdn.ownSuffix.length;
  if (end <= start) return undefined;
  return { head: specifier.slice(0, start), path: specifier.slice(start, end), tail: specifier.slice(end), cdn };
}

/**
 * Deno's module registry by URL, `https://deno.land/x/<module>[@<version>]/<file>`, for the modules whose package the
 * descriptors know by another name: the registry's name → the package (npm/JSR) that publishes the same code. Its
 * `mod.ts` is the package's entry, another `<file>.ts` the subpath of the same name (oak's `router.ts` is JSR's
 * `@oak/oak/router`). Checked against the projects' READMEs: oak ("available on both deno.land/x and JSR" as
 * `@oak/oak`), Hono (`https://deno.land/x/hono/mod.ts`, the `hono` package's build). A module not listed stays a URL.
 */
export const DENO_LAND_MODULES: Readonly<Record<string, string>> = {
  oak: "@oak/oak",
  hono: "hono",
};
const DENO_LAND = "https://deno.land/x/";

/** `https://deno.land/x/oak@v17.1.3/router.ts?x` → `@oak/oak/router` (DENO_LAND_MODULES); undefined for any other specifier. */
export function denoLandPackage(specifier: string): string | undefined {
  if (!specifier.startsWith(DENO_LAND)) return undefined;
  const query = specifier.search(/[?#]/);
  const rest = specifier.slice(DENO_LAND.length, query < 0 ? specifier.length : query);
  const slash = rest.indexOf("/");
  const moduleEnd = slash < 0 ? rest.length : slash;
  const at = rest.indexOf("@");
  const name = rest.slice(0, at >= 0 && at < moduleEnd ? at : moduleEnd);
  const pkg = Object.hasOwn(DENO_LAND_MODULES, name) ? DENO_LAND_MODULES[name] : undefined;
  if (pkg === undefined) return undefined;
  const file = slash < 0 ? "" : rest.slice(slash + 1).replace(/\.[cm]?[jt]sx?$/, "");
  return file === "" || file === "mod" ? pkg : `${pkg}/${file}`;
}
