// Which major of `honeyhive` a file is written against. Both majors are imported from "honeyhive", so
// the import alone cannot tell; the project can (its package.json), and so can the code (an API only
// 1.x has). The rules' messages and fixes, and the codemods, speak the API of the major found here:
// a 1.x Lambda gets `await tracer.flush()`, a 2.x one `await tracer.forceFlush()`.
//
// Order of the evidence, first answer wins:
//   1. `settings.honeyhive.sdkVersion` (1 or 2), for what the files cannot say (a monorepo whose
//      package.json is elsewhere, a vendored copy);
//   2. the `honeyhive` range in the nearest package.json's dependencies (`^1.0.42`, `~1.0`, `1.x`,
//      `>=1 <2` → 1; `^2`, `2.0.0` → 2; tags, URLs and workspace ranges tell nothing);
//   3. the file's own code (`apiEvidence`, from the SDK model: an awaited `HoneyHiveTracer.init()`, a
//      1.x-only member such as `traceFunction` or `flush`) — supplied by the caller;
//   4. otherwise 2, this package's own major.
import { dirname, isAbsolute, join } from "node:path";
import { deploymentOf } from "./deployment.js";
import { HONEYHIVE_VALUE_EXPORTS } from "./knowledge/sdks/index.js";
import { projectModules } from "./project-modules.js";
import type { AnalysisInput } from "./input.js";
import type { PackageManifest } from "./project-modules.js";
import type { HoneyhiveSettings } from "./settings.js";

export type HoneyhiveMajor = 1 | 2;

/**
 * The range of dependency `name` declared in the package.json of `root`; undefined when none or
 * unreadable. Read through the one package.json reader (`ProjectModules.manifestOf`: parsed again when
 * the file changes, looked at no more than once a second).
 */
function dependencyRangeAt(root: string, name: string): string | undefined {
  return projectModules().manifestOf(root)?.ranges.get(name);
}

/**
 * The major a semver range starts at: the lowest version of its first comparator set
 * (`^1.0.42` → 1, `>=1.0.0 <2` → 1, `1.x || 2.x` → 1, `npm:honeyhive@^2` → 2, `workspace:^1.0.0` → 1).
 * Undefined for ranges that name no version (`latest`, `*`, `workspace:*`, a git URL or a file path).
 * Read by `versionSpansOfRange`, the one range reader.
 */
export function majorOfRange(range: string): number | undefined {
  return versionSpansOfRange(range)?.[0]?.lowest[0];
}

/**
 * The lowest `[major, minor]` a range admits, as far as its first comparator set says (`^15.1.0` → 15.1,
 * `15.x` → 15.0, `~14.2.3` → 14.2); undefined where `majorOfRange` finds no version.
 */
export function minorVersionOfRange(range: string): readonly [number, number] | undefined {
  const lowest = versionSpansOfRange(range)?.[0]?.lowest;
  return lowest && [lowest[0], lowest[1]];
}

/** The lowest `[major, minor]` of `name` that the nearest package.json of `filename` admits; undefined when it does not say. */
export function declaredDependencyVersion(filename: string, name: string): readonly [number, number] | undefined {
  const { root } = deploymentOf(filename);
  if (root === undefined) return undefined;
  const range = dependencyRangeAt(root, name);
  return range === undefined ? undefined : minorVersionOfRange(range);
}

/** The range of `name` the nearest package.json of `filename` declares, as written; undefined when it names none. */
export function declaredDependencyRange(filename: string, name: string): string | undefined {
  const { root } = deploymentOf(filename);
  return root === undefined ? undefined : dependencyRangeAt(root, name);
}

type Version = readonly [number, number, number];

/** The versions a comparator set admits: from `lowest` (inclusive) up to `below` (exclusive; undefined: no bound). */
export interface VersionSpan {
  readonly lowest: Version;
  readonly below: Version | undefined;
}

const compareVersions = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** `1.0.24` → [1, 0, 24]; a partial version (`1.0`, `1.x`) gives the parts it has and how many. */
function partialVersion(text: string): { readonly parts: readonly number[]; readonly version: Version } | undefined {
  const match = /^v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?(?:-[\w.]+)?$/i.exec(text);
  if (!match) return undefined;
  const parts: number[] = [];
  for (const part of match.slice(1)) {
    if (part === undefined || !/^\d+$/.test(part)) break;
    parts.push(Number(part));
  }
  return { parts, version: [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0] };
}

/** The first version after every version `parts` stands for (`1.0` → 1.1.0, `1` → 2.0.0, `1.0.3` → 1.0.4). */
function after(parts: readonly number[]): Version {
  return parts.length >= 3 ? [parts[0]!, parts[1]!, parts[2]! + 1] : parts.length === 2 ? [parts[0]!, parts[1]! + 1, 0] : [parts[0]! + 1, 0, 0];
}

/**
 * How a dependency's range is written: a registry `range` of the package itself, an npm alias
 * (`npm:honeyhive@^1.0.30`) or a workspace protocol (`workspace:^1.0.0`) with the range it names, or
 * `undefined` for a reference that names no range (a file path, a URL, `git:`/`github:`/`link:`, `owner/repo`).
 * A tag (`latest`) is a `range` that `versionSpansOfRange` cannot read.
 */
export function rangeSourceOf(range: string): { readonly kind: "range" | "alias" | "workspace"; readonly range: string } | undefined {
  const text = range.trim();
  const aliased = /^npm:(?:@[^/@]+\/)?[^@]+@(.*)$/.exec(text);
  if (aliased) return { kind: "alias", range: aliased[1]!.trim() };
  if (text.startsWith("workspace:")) return { kind: "workspace", range: text.slice("workspace:".length).trim() };
  // A semver range holds no `/` nor a protocol: `owner/repo` (GitHub), `git+https:`, `file:`, `./vendor`.
  return /^[a-z][a-z+]*:|\//i.test(text) ? undefined : { kind: "range", range: text };
}

/**
 * The spans of versions a semver range admits, one per `||` alternative (`1.0.18` → [1.0.18, 1.0.19),
 * `^1.0.18` → [1.0.18, 2.0.0), `~1.0.18` → [1.0.18, 1.1.0), `>=1.0.12 <1.0.24`, `1.0.12 - 1.0.23`, an npm
 * alias's or a workspace protocol's range); undefined for a range it cannot read (a tag, `*`, a URL, a
 * workspace or file reference without a version).
 */
export function versionSpansOfRange(range: string): readonly VersionSpan[] | undefined {
  const source = rangeSourceOf(range);
  if (!source) return undefined;
  // `>= 1.0.0 < 2`: an operator written apart from its version.
  const text = source.range.replace(/(\^|~|>=|<=|>|<|=)\s+/g, "$1");
  const spans: VersionSpan[] = [];
  for (const alternative of text.split("||")) {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alternative);
    const comparators = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : alternative.trim().split(/\s+/).filter(Boolean);
    if (comparators.length === 0) return undefined;
    let lowest: Version = [0, 0, 0];
    let below: Version | undefined;
    const raise = (version: Version): void => void (compareVersions(version, lowest) > 0 && (lowest = version));
    const cap = (version: Version): void => void ((below === undefined || compareVersions(version, below) < 0) && (below = version));
    for (const comparator of comparators) {
      const [, operator = "", operand = ""] = /^(\^|~|>=|<=|>|<|=)?\s*(.*)$/.exec(comparator)!;
      const parsed = partialVersion(operand);
      if (!parsed || parsed.parts.length === 0) return undefined;
      const { parts, version } = parsed;
      if (operator === "" || operator === "=") {
        raise(version);
        cap(after(parts));
      } else if (operator === "^") {
        raise(version);
        const first = parts.findIndex((part, index) => part !== 0 || index === parts.length - 1);
        cap(after(parts.slice(0, first + 1)));
      } else if (operator === "~") {
        raise(version);
        cap(after(parts.slice(0, parts.length >= 2 ? 2 : 1)));
      } else if (operator === ">=") raise(version);
      else if (operator === ">") raise(after(parts));
      else if (operator === "<") cap(version);
      else cap(after(parts));
    }
    spans.push({ lowest, below });
  }
  return spans;
}

/** Whether a span admits a version in `[since, until)` (versions as written in the knowledge, `until` absent: no bound). */
export function spanMeets(span: VersionSpan, since: string, until: string | undefined): boolean {
  const from = partialVersion(since)!.version;
  const to = until === undefined ? undefined : partialVersion(until)!.version;
  return (to === undefined || compareVersions(span.lowest, to) < 0) && (span.below === undefined || compareVersions(from, span.below) < 0);
}

/** 1 or 2 from the settings or the project's package.json; undefined when neither says. */
export function declaredHoneyhiveMajor(input: Pick<AnalysisInput, "filename" | "settings">): HoneyhiveMajor | undefined {
  if (input.settings.sdkVersion !== undefined) return input.settings.sdkVersion;
  const { filename } = input;
  if (!isAbsolute(filename)) return majorDeclaredFor(filename);
  // The package.json's answer per folder (0: it says nothing), shared by every file of the folder and
  // read again at most once a second (`rechecked`, through the mtime-checked manifest): an edit of
  // the honeyhive range is seen within about a second, without a file-system call per linted file.
  const major = projectModules().rechecked(dirname(filename), majorOfDirectory);
  return major === 0 ? undefined : major;
}

/** The answer for the files of an absolute folder (any file name in it resolves to the same package.json). */
const majorOfDirectory = (directory: string): HoneyhiveMajor | 0 => majorDeclaredFor(join(directory, "index.ts")) ?? 0;

function majorDeclaredFor(filename: string): HoneyhiveMajor | undefined {
  const { root } = deploymentOf(filename);
  if (root === undefined) return undefined;
  const manifest = projectModules().manifestOf(root);
  const range = manifest?.ranges.get("honeyhive") ?? (manifest && sdkAliasRangeOf(manifest));
  const major = range === undefined ? undefined : majorOfRange(range);
  if (major === 1) return 1;
  if (major !== undefined && major >= 2) return 2;
  return undefined;
}

/**
 * The major the file is written against: declared (settings, package.json) first, then the evidence
 * of its own code, else this package's major.
 */
export function honeyhiveMajorOf(input: Pick<AnalysisInput, "filename" | "settings">, apiEvidence?: () => HoneyhiveMajor | undefined): HoneyhiveMajor {
  return declaredHoneyhiveMajor(input) ?? apiEvidence?.() ?? 2;
}

/** `npm:honeyhive@^2.0.0`, `npm:honeyhive`, Deno's `npm:/honeyhive@2`: a dependency that installs the SDK under another name. */
const SDK_ALIAS = /^npm:\/?honeyhive(?:@|$)/;

const aliasesOfManifest = new WeakMap<PackageManifest, readonly string[]>();

/**
 * The names a package.json installs the SDK under by an npm alias (`"hh": "npm:honeyhive@^2.0.0"`), any of its
 * four dependency kinds. Beside a declared `honeyhive`, only aliases of its major: a project that keeps 1.x under
 * `"honeyhive-v1": "npm:honeyhive@1.0.42"` for the API client (docs/migrating-from-1x.md) holds another major
 * there, which the file's one major (`declaredHoneyhiveMajor`) would misread.
 */
function sdkAliasesOf(manifest: PackageManifest): readonly string[] {
  let aliases = aliasesOfManifest.get(manifest);
  if (aliases === undefined) {
    const declared = manifest.ranges.get("honeyhive");
    const major = declared === undefined ? undefined : majorOfRange(declared);
    aliases = [...manifest.ranges].flatMap(([name, range]) =>
      name !== "honeyhive" && SDK_ALIAS.test(range.trim()) && (declared === undefined || (major !== undefined && majorOfRange(range) === major)) ? [name] : [],
    );
    aliasesOfManifest.set(manifest, aliases);
  }
  return aliases;
}

/** The range of the first npm alias of the SDK (`npm:honeyhive@^1.0.30`, which `majorOfRange` reads), when the SDK is declared only so. */
function sdkAliasRangeOf(manifest: PackageManifest): string | undefined {
  const [alias] = sdkAliasesOf(manifest);
  return alias === undefined ? undefined : manifest.ranges.get(alias);
}

/** Any of the SDK's value exports, as a word: a file that names none cannot use the SDK under an alias. */
const SDK_EXPORT_WORD = new RegExp(`\\b(?:${[...HONEYHIVE_VALUE_EXPORTS].join("|")})\\b`);

/**
 * Whether the package.json is worth reading for aliases: the file names one of the SDK's exports and does
 * not import the SDK by its own name (such a file is read as the SDK's already). Keeps the per-file cost of
 * the alias at nothing for files that cannot use it (the reading-cost tests of project-modules and barrels).
 */
function mayUseAliasedSdk(text: string): boolean {
  return !/["']honeyhive(?:\/[\w-]+)?["']/.test(text) && SDK_EXPORT_WORD.test(text);
}

const settingsWithAliases = new WeakMap<HoneyhiveSettings, WeakMap<PackageManifest, HoneyhiveSettings>>();

/**
 * The settings for `filename`: `settings` itself, or where its nearest package.json installs the SDK under
 * another name (`"hh": "npm:honeyhive@^2.0.0"`), those settings with `sdkAliases` (one object per
 * settings and package.json, so caches keyed by the settings still hit).
 */
export function settingsForFile(settings: HoneyhiveSettings, filename: string, text?: string): HoneyhiveSettings {
  if (text !== undefined && !mayUseAliasedSdk(text)) return settings;
  const { root } = deploymentOf(filename);
  const manifest = root === undefined ? undefined : projectModules().manifestOf(root);
  if (manifest === undefined) return settings;
  const aliases = sdkAliasesOf(manifest);
  if (aliases.length === 0) return settings;
  let byManifest = settingsWithAliases.get(settings);
  if (byManifest === undefined) settingsWithAliases.set(settings, (byManifest = new WeakMap()));
  let made = byManifest.get(manifest);
  if (made === undefined) byManifest.set(manifest, (made = { ...settings, sdkAliases: aliases }));
  return made;
}

/** For tests that create project folders: forget what was read. */
export function clearSdkVersionCache(): void {
  projectModules().forgetRechecked();
}
