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
