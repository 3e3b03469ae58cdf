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
}

export const NPM_CDNS: readonly NpmCdn[] = [
  { origin: "https://esm.sh/", buildSegment: /^(?:v\d+|stable)\//, namePrefix: "*" },
  { origin: "https://esm.run/" },
  { origin: "https://cdn.jsdelivr.net/npm/", ownSuffix: "/+esm" },
  { origin: "https://unpkg.com/" },
  { origin: "https://cdn.skypack.dev/" },
];

/**
 * A CDN URL split where its package part starts and ends: `https://esm.sh/v135/honeyhive@1.0.42/experiments?target=deno`
 * → `{ head: "https://esm.sh/v135/", path: "honeyhive@1.0.42/experiments", tail: "?target=deno" }`. Undefined
 * for any other specifier.
 */
export function splitCdnUrl(specifier: string): { readonly head: string; readonly path: string; readonly tail: string } | undefined {
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
  return { head: specifier.slice(0, start), path: specifier.slice(start, end), tail: specifier.slice(end) };
}
