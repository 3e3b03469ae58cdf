// The lint and codemod toolchain (typescript-eslint's packages, TypeScript, ESLint) is an optional
// peer of this package: an application that only traces installs the SDK and its OpenTelemetry
// packages, nothing more (README, "How the install is split"). The ESLint plugin and `honeyhive
// migrate` load the toolchain from the user's project; before they do, they ask here what is
// missing, so a user sees one line naming the command that installs it instead of a module-not-found
// stack trace. Compiled into both builds: no import.meta, the caller says where to resolve from.
import { createRequire } from "node:module";

/** A version range `>=from <below`, the only form the peers need. */
export interface VersionRange {
  readonly from: string;
  readonly below: string;
}

/**
 * Every optional peer with the versions the faces work with, checked when a face starts. package.json
 * lists the same names as optional peers with the range `*` (rules/optional-peers.test.ts holds them
 * equal): npm enforces a peer's range when the SDK is installed, and any range there blocked the
 * install (ERESOLVE) in projects that have another version for their own tools, e.g. TypeScript 7 or
 * typescript-eslint 7 (measured, sdk/sdk-only.install.test.ts). The peers are declared at all so that
 * package managers with strict layouts (pnpm, Yarn PnP) let the faces load the project's copies.
 */
export const OPTIONAL_PEERS = {
  "@typescript-eslint/scope-manager": { from: "8.0.0", below: "9.0.0" },
  "@typescript-eslint/types": { from: "8.0.0", below: "9.0.0" },
  "@typescript-eslint/typescript-estree": { from: "8.0.0", below: "9.0.0" },
  "@typescript-eslint/utils": { from: "8.0.0", below: "9.0.0" },
  "@typescript-eslint/visitor-keys": { from: "8.0.0", below: "9.0.0" },
  eslint: { from: "8.57.0", below: "11.0.0" },
  typescript: { from: "4.8.4", below: "6.1.0" },
} as const satisfies Record<string, VersionRange>;

export type OptionalPeer = keyof typeof OPTIONAL_PEERS;

/** The face of the package that needs the toolchain. */
export type Face = "eslint-plugin" | "migrate";

/**
 * The peers each face loads itself (rules/optional-peers.test.ts derives them from the built code).
 * ESLint is not listed: it is the program that loads the plugin, never loaded by it.
 */
export const FACE_PEERS: Readonly<Record<Face, readonly OptionalPeer[]>> = {
  "eslint-plugin": ["@typescript-eslint/utils", "@typescript-eslint/types", "@typescript-eslint/visitor-keys"],
  migrate: ["typescript", "@typescript-eslint/typescript-estree", "@typescript-eslint/scope-manager", "@typescript-eslint/types", "@typescript-eslint/visitor-keys"],
};

/**
 * Peers that a package manager installs along with another peer (they are its dependencies), so an
 * install command need not name them. Keeps the command short and leaves alone what the user has.
 */
const INSTALLED_WITH: Partial<Record<OptionalPeer, readonly OptionalPeer[]>> = {
  "@typescript-eslint/types": ["@typescript-eslint/utils", "@typescript-eslint/typescript-estree", "@typescript-eslint/scope-manager"],
  "@typescript-eslint/visitor-keys": ["@typescript-eslint/utils", "@typescript-eslint/typescript-estree", "@typescript-eslint/scope-manager"],
  "@typescript-eslint/scope-manager": ["@typescript-eslint/utils"],
  "@typescript-eslint/typescript-estree": ["@typescript-eslint/utils"],
};

export interface PeerProblem {
  readonly name: OptionalPeer;
  /** The version found, when one is installed but outside the range. */
  readonly found?: string;
}

/** `major.minor.patch` → numbers; a pre-release counts as its release (6.1.0-beta is not below 6.1.0). */
function versionParts(version: string): number[] {
  return version.split(/[.+-]/, 3).map((part) => Number.parseInt(part, 10) || 0);
}

function compareVersions(left: string, right: string): number {
  const [a, b] = [versionParts(left), versionParts(right)];
  for (let index = 0; index < 3; index++) if (a[index] !== b[index]) return a[index] - b[index];
  return 0;
}

export function inRange(version: string, range: VersionRange): boolean {
  return compareVersions(version, range.from) >= 0 && compareVersions(version, range.below) < 0;
}

/** The range as package.json and npm write it. */
function formatRange(range: VersionRange): string {
  return `>=${range.from} <${range.below}`;
}

/** The installed version of `name` as `resolveFrom` would load it, or undefined when it cannot be resolved. */
function installedVersion(name: string, resolveFrom: string): string | undefined {
  try {
    const manifestPath = createRequire(resolveFrom).resolve(`${name}/package.json`);
    return (createRequire(resolveFrom)(manifestPath) as { version?: string }).version ?? "0.0.0";
  } catch {
    return undefined;
  }
}

/**
 * What is missing or outside its range among the peers `face` loads, resolved the way the face's own
 * modules resolve them (`resolveFrom`: a file path or file: URL inside this package).
 */
export function toolchainProblems(face: Face, resolveFrom: string): PeerProblem[] {
  const problems: PeerProblem[] = [];
  for (const name of FACE_PEERS[face]) {
    const found = installedVersion(name, resolveFrom);
    if (found === undefined) problems.push({ name });
    else if (!inRange(found, OPTIONAL_PEERS[name])) problems.push({ name, found });
  }
  return problems;
}

/**
 * The spec that installs a version of `name` in its range: `name@8` for a whole major, else the range.
 * Never the bare name: that means the `latest` tag, which moves past the range (TypeScript 7).
 */
export function installSpec(name: OptionalPeer): string {
  const { from, below } = OPTIONAL_PEERS[name];
  const [major, minor, patch] = versionParts(from);
  const wholeMajor = minor === 0 && patch === 0 && compareVersions(below, `${major + 1}.0.0`) === 0;
  return `${name}@${wholeMajor ? major : formatRange(OPTIONAL_PEERS[name])}`;
}

/** The package specs to name in an install command (unquoted): the ones with a problem, minus those another of them brings. */
export function packagesToInstall(problems: readonly PeerProblem[]): string[] {
  const names = new Set(problems.map((problem) => problem.name));
  return problems
    .filter((problem) => problem.found !== undefined || !(INSTALLED_WITH[problem.name] ?? []).some((other) => names.has(other)))
    .map((problem) => installSpec(problem.name));
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "typescript and @typescript-eslint/utils, which are not installed" / "typescript 4.7.4, which is outside >=4.8.4 <6.1.0". */
export function describeProblems(problems: readonly PeerProblem[]): string {
  const missing = problems.filter((problem) => problem.found === undefined).map((problem) => problem.name);
  const outdated = problems.filter((problem) => problem.found !== undefined);
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`${listNames(missing)}, which ${missing.length === 1 ? "is" : "are"} not installed`);
  for (const problem of outdated) parts.push(`${problem.name} ${formatRange(OPTIONAL_PEERS[problem.name])} (found ${problem.found})`);
  return parts.join("; ");
}

/** POSIX shell quoting, so a printed command can be pasted as it is. */
function shellQuote(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", `'\\''`)}'`;
}

/**
 * An error that prints as its one-line message: ESLint and Node print `error.stack` of a failed
 * config or program, and a stack trace through our loader would only hide the command to run.
 */
export class ToolchainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolchainError";
    this.stack = message;
  }
}

/** Throws a ToolchainError naming the install command when the ESLint plugin cannot load. */
export function assertPluginToolchain(resolveFrom: string): void {
  const problems = toolchainProblems("eslint-plugin", resolveFrom);
  if (problems.length === 0) return;
  throw new ToolchainError(
    `honeyhive/eslint-plugin needs ${describeProblems(problems)}. Install with: npm install --save-dev ${packagesToInstall(problems).map(shellQuote).join(" ")}`,
  );
}

/**
 * What `honeyhive migrate` prints when it cannot load its parsers: one line with a command that runs
 * the same migration with the missing packages (npx, nothing written to the project), and, inside a
 * project, one line with the command that keeps them in it.
 */
export function migrateToolchainMessage(
  problems: readonly PeerProblem[],
  { version, argv, inProject }: { readonly version: string; readonly argv: readonly string[]; readonly inProject: boolean },
): string {
  const packages = packagesToInstall(problems);
  const npx = ["npx", "-p", `honeyhive@${version}`, ...packages.flatMap((name) => ["-p", name]), "honeyhive", ...argv].map(shellQuote).join(" ");
  const keep = inProject ? `\nOr add them to the project: npm install --save-dev ${packages.map(shellQuote).join(" ")}` : "";
  return `honeyhive migrate needs ${describeProblems(problems)}. Run: ${npx}${keep}\n`;
}
