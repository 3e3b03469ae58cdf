// `settings.honeyhive` in an ESLint config, shared by every rule and by the codemods.
import { denoLandPackage, splitCdnUrl } from "./knowledge/npm-cdns.js";
import { includesText } from "./text-search.js";

export interface HoneyhiveSettings {
  /** Module specifiers that re-export the SDK (e.g. "@/lib/tracing"), treated like "honeyhive". */
  readonly modules: readonly string[];
  /** Extra export names that are AWS Lambda handlers, besides `handler`. */
  readonly lambdaHandlerNames: readonly string[];
  /**
   * Whether Next.js route handlers and server actions run as serverless functions (which freeze after
   * the response, so they must flush): `true`, `false`, or undefined to decide per file from the
   * project's files (`vercel.json`, `netlify.toml`, `open-next.config.*` beside the nearest
   * package.json) and the route's own `export const maxDuration` / `export const runtime = "edge"`.
   */
  readonly serverless?: boolean;
  /**
   * The major of `honeyhive` the code is written against (1 or 2), when the nearest package.json does
   * not say it (analysis/sdk-version.ts): the messages and fixes then speak that major's API.
   */
  readonly sdkVersion?: 1 | 2;
  /**
   * The names the file's nearest package.json gives the SDK by an npm alias (`"hh": "npm:honeyhive@^2.0.0"`):
   * not an ESLint setting, set per file from the package.json (analysis/sdk-version.ts `settingsForFile`).
   * The SDK module as `honeyhive` is, subpaths included (`hh/experiments`).
   */
  readonly sdkAliases?: readonly string[];
}

export const DEFAULT_SETTINGS: HoneyhiveSettings = Object.freeze({
  modules: Object.freeze([]) as readonly string[],
  lambdaHandlerNames: Object.freeze([]) as readonly string[],
});

function stringArray(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Reads `settings.honeyhive` leniently: unknown keys and wrong types are ignored, never thrown on. */
export function readSettings(settings: unknown): HoneyhiveSettings {
  const raw = (settings as { honeyhive?: unknown } | undefined)?.honeyhive;
  if (raw === null || typeof raw !== "object") return DEFAULT_SETTINGS;
  const record = raw as Record<string, unknown>;
  return {
    modules: stringArray(record.modules),
    lambdaHandlerNames: stringArray(record.lambdaHandlerNames),
    ...(typeof record.serverless === "boolean" ? { serverless: record.serverless } : {}),
    ...(record.sdkVersion === 1 || record.sdkVersion === 2 ? { sdkVersion: record.sdkVersion } : {}),
  };
}

/** The package itself: "honeyhive" or one of its subpaths ("honeyhive/experiments"), also as Deno's `npm:honeyhive@2`. */
export function isSdkPackage(specifier: string): boolean {
  const bare = packageSpecifier(specifier);
  return bare === "honeyhive" || bare.startsWith("honeyhive/");
}

/**
 * A specifier as the package it names, for matching against descriptors and the SDK: Deno's
 * `npm:honeyhive@^2.0.0/experiments` and `jsr:@std/http@1/server` are `honeyhive/experiments` and
 * `@std/http/server`. Anything else is returned as is (`node:http` too: descriptors list both forms).
 * Asked for every import a file makes, so a string that does not start with `npm:` / `jsr:` costs two
 * character reads and allocates nothing. Each read checks the length first: a read past the end (`fs`,
 * `path`) answers NaN in the interpreter, but optimized code assumes it in bounds and is thrown away
 * ("out of bounds") the first time it is not, with every caller it was inlined into (`isSdkPackage`,
 * `Bindings#originOfIdentifier`), to be compiled again (bench/NOTES.md, perf-sdk-6).
 */
export function packageSpecifier(specifier: string): string {
  const { length } = specifier;
  // A CDN's URL (`https://esm.sh/honeyhive@1.0.42`, analysis/knowledge/npm-cdns.ts) names a package too.
  // So does a module of Deno's registry the knowledge maps to its package (`https://deno.land/x/oak@v12/mod.ts` → `@oak/oak`).
  if (length > 5 && specifier.charCodeAt(5) === 58 /* ":" */ && specifier.startsWith("https:")) {
    const url = splitCdnUrl(specifier);
    return url ? namedPackage(url.path) : (denoLandPackage(specifier) ?? specifier);
  }
  if (length < 4 || specifier.charCodeAt(3) !== 58 /* ":" */ || !(specifier.startsWith("npm:") || specifier.startsWith("jsr:"))) return specifier;
  // `npm:/honeyhive` is accepted by Deno as well.
  return namedPackage(length > 4 && specifier.charCodeAt(4) === 47 /* "/" */ ? specifier.slice(5) : specifier.slice(4));
}

/** `honeyhive@^2.0.0/experiments` → `honeyhive/experiments`; `@scope/name@1` → `@scope/name`. */
function namedPackage(rest: string): string {
  // The package name ends at its version (`@…`) or its subpath (`/…`); a scope's own `@` and `/` come first.
  const scopeEnd = rest.startsWith("@") ? rest.indexOf("/") + 1 : 0;
  if (rest.startsWith("@") && scopeEnd === 0) return rest;
  let nameEnd = scopeEnd;
  while (nameEnd < rest.length && rest[nameEnd] !== "@" && rest[nameEnd] !== "/") nameEnd++;
  const name = rest.slice(0, nameEnd);
  if (rest[nameEnd] !== "@") return rest;
  const subpath = rest.indexOf("/", nameEnd);
  return subpath < 0 ? name : name + rest.slice(subpath);
}

export function isSdkModule(specifier: string, settings: HoneyhiveSettings): boolean {
  return isSdkPackage(specifier) || settings.modules.includes(packageSpecifier(specifier)) || (settings.sdkAliases !== undefined && isAliasOf(specifier, settings.sdkAliases));
}

/** `hh` or `hh/experiments` for the alias `hh` (absent from almost every project: checked only where one is declared). */
function isAliasOf(specifier: string, aliases: readonly string[]): boolean {
  const bare = packageSpecifier(specifier);
  return aliases.some((alias) => bare === alias || (bare.startsWith(alias) && bare.charCodeAt(alias.length) === 47 /* "/" */));
}

/**
 * The cheapest test of all, on the file's text: does it name the SDK or a settings module? Both the
 * analysis core's gate and the codemod's prefilter start here.
 */
export function textMentionsSdk(text: string, settings: HoneyhiveSettings): boolean {
  // Found by the rare part of each word (analysis/text-search.ts): this runs on every linted file.
  if (includesText(text, "honeyhive")) return true;
  for (const specifier of settings.modules) if (includesText(text, specifier)) return true;
  if (settings.sdkAliases) for (const alias of settings.sdkAliases) if (includesText(text, alias)) return true;
  return false;
}

/** A module of the project itself (may export a tracer): relative paths, `@/`, `~/`, `#` and SvelteKit's `$lib/` aliases, settings modules. */
export function isLocalModule(specifier: string, settings: HoneyhiveSettings): boolean {
  // `.` and `..` are the folder's index (`import … from "."`), as `./` and `../` are files.
  return /^(?:\.{1,2}(?:\/|$)|\/|@\/|~\/|#|\$lib\/)/.test(specifier) || settings.modules.includes(specifier);
}
