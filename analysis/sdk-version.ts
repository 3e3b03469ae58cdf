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
import { projectModules } from "./project-modules.js";
import type { AnalysisInput } from "./input.js";

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
 * The major a semver range starts at: the first version number of its first comparator set
 * (`^1.0.42` → 1, `>=1.0.0 <2` → 1, `1.x || 2.x` → 1, `npm:honeyhive@^2` → 2). Undefined for ranges
 * that name no version (`latest`, `*`, `workspace:*`, a git URL or a file path).
 */
export function majorOfRange(range: string): number | undefined {
  const aliased = /^npm:[^@]+@(.*)$/.exec(range.trim());
  const text = (aliased?.[1] ?? range).trim();
  if (/^(?:[a-z+]+:|\.{0,2}\/)/i.test(text) && !text.startsWith("workspace:^") && !text.startsWith("workspace:~")) return undefined;
  const match = /^(?:workspace:)?\s*(?:[\^~]|>=?|=)?\s*v?(\d+)(?:[.\s|]|$|x)/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * The lowest `[major, minor]` a range admits, as far as its first comparator says (`^15.1.0` → 15.1,
 * `15.x` → 15.0, `~14.2.3` → 14.2); undefined where `majorOfRange` finds no version.
 */
export function minorVersionOfRange(range: string): readonly [number, number] | undefined {
  const major = majorOfRange(range);
  if (major === undefined) return undefined;
  const minor = /^\D*\d+\.(\d+)/.exec((/^npm:[^@]+@(.*)$/.exec(range.trim())?.[1] ?? range).trim());
  return [major, minor ? Number(minor[1]) : 0];
}

/** The lowest `[major, minor]` of `name` that the nearest package.json of `filename` admits; undefined when it does not say. */
export function declaredDependencyVersion(filename: string, name: string): readonly [number, number] | undefined {
  const { root } = deploymentOf(filename);
  if (root === undefined) return undefined;
  const range = dependencyRangeAt(root, name);
  return range === undefined ? undefined : minorVersionOfRange(range);
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
  const range = dependencyRangeAt(root, "honeyhive");
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

/** For tests that create project folders: forget what was read. */
export function clearSdkVersionCache(): void {
  projectModules().forgetRechecked();
}
