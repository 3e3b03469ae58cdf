// The lock file stays valid on a fresh clone, today and after any upstream release: a package in the
// tree that asks for a dist-tag (`latest`, `next`) or `*` is resolved to whatever that means on the
// day of the install, and `npm ci` fails as soon as the registry moves on (issue 11: jschardet,
// asked for as "latest" by @microsoft/eslint-formatter-sarif). Each such dependency must be pinned by
// package.json "overrides", or the package that asks for it goes.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

interface LockEntry {
  readonly version?: string;
  readonly link?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}
interface Lock {
  readonly packages: Record<string, LockEntry>;
}
type Overrides = { readonly [name: string]: string | Overrides };
interface Manifest {
  readonly overrides?: Overrides;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), "utf8")) as T;

/** A spec npm resolves through a dist-tag or as "any version": what changes under a lock file with each release. */
function isTagOrWildcard(spec: string): boolean {
  let range = spec.trim();
  if (range.startsWith("npm:")) {
    // An alias ("npm:eslint@^9.0.0"): the part after the package name is the range, none means latest.
    const at = range.indexOf("@", range.startsWith("npm:@") ? 5 : 4);
    range = at < 0 ? "" : range.slice(at + 1);
  } else if (/^(file|link|git|git\+[a-z]+|github|https?|workspace):/.test(range) || range.includes("/")) {
    return false; // a path, a URL or a git repository: not the registry
  }
  if (range === "" || range === "*" || range === "x" || range === "X") return true;
  return /^[A-Za-z][\w.-]*$/.test(range) && !/^v?\d/.test(range);
}

/** Names pinned anywhere in an overrides object (`"name"`, `"name@range"`, nested `{ "parent": { "name": … } }`). */
function overriddenNames(overrides: Overrides | undefined, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const name = key.replace(/(?<=.)@.*$/, "");
    if (typeof value === "string") into.set(name, value);
    else {
      if (typeof value["."] === "string") into.set(name, value["."]);
      overriddenNames(value, into);
    }
  }
  return into;
}

/** The lock entry `name` resolves to from the package at `from`, the way Node walks node_modules folders. */
function resolveInLock(lock: Lock, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (base === "") return undefined;
    const parent = base.lastIndexOf("/node_modules/");
    base = parent < 0 ? "" : base.slice(0, parent);
  }
}

interface UnpinnedEntry {
  readonly requiredBy: string;
  readonly name: string;
  readonly spec: string;
  readonly resolved: string;
}

/**
 * Every installed lock entry that some package asks for with a dist-tag or `*` and that package.json
 * "overrides" does not pin to a version, plus pinned ones whose locked version is not the pin.
 * Peers asked for with `*` and not installed resolve to nothing and are not counted.
 */
function unpinnedEntries(manifest: Manifest, lock: Lock): UnpinnedEntry[] {
  const pins = overriddenNames(manifest.overrides);
  const found: UnpinnedEntry[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.link) continue;
    const specs = { ...entry.peerDependencies, ...entry.optionalDependencies, ...entry.dependencies, ...(path === "" ? entry.devDependencies : {}) };
    for (const [name, spec] of Object.entries(specs)) {
      if (!isTagOrWildcard(spec)) continue;
      const resolved = resolveInLock(lock, path, name);
      if (resolved === undefined) continue;
      const pin = pins.get(name);
      // "$name" pins to the range of this package's own dependency on it.
      const pinnedToVersion = pin !== undefined && (pin.startsWith("$") || !isTagOrWildcard(pin));
      const lockedAtPin = pin === undefined || !/^\d+\.\d+\.\d+$/.test(pin) || lock.packages[resolved].version === pin;
      if (!pinnedToVersion || !lockedAtPin) found.push({ requiredBy: path || "(root)", name, spec, resolved });
    }
  }
  return found;
}

describe("package-lock.json", () => {
  const manifest = readJson<Manifest>("package.json");
  const lock = readJson<Lock>("package-lock.json");

  it("has no entry resolved from a dist-tag or * that package.json overrides does not pin", () => {
    expect(unpinnedEntries(manifest, lock)).toEqual([]);
  });

  it("catches such an entry once its override is gone, and a pin the lock does not hold", () => {
    const { jschardet: _dropped, ...otherOverrides } = manifest.overrides as Record<string, string>;
    expect(unpinnedEntries({ overrides: otherOverrides }, lock)).toEqual([
      { requiredBy: "node_modules/@microsoft/eslint-formatter-sarif", name: "jschardet", spec: "latest", resolved: "node_modules/jschardet" },
    ]);
    expect(unpinnedEntries({ overrides: { ...otherOverrides, jschardet: "4.0.0" } }, lock)).toHaveLength(1);
    expect(unpinnedEntries({ overrides: { ...otherOverrides, jschardet: "latest" } }, lock)).toHaveLength(1);
  });

  it("tells tags and wildcards from ranges, aliases and paths", () => {
    expect(["latest", "next", "beta", "*", "", "x", "npm:jschardet", "npm:@scope/pkg@latest"].filter((spec) => !isTagOrWildcard(spec))).toEqual([]);
    expect(["^4.1.0", "4.1.0", "~2.12.0", ">=4.8.4 <6.1.0", "1.x", "v1.2.3", "npm:eslint@^9.39.5", "file:../x", "github:a/b"].filter(isTagOrWildcard)).toEqual([]);
  });

  it("is what npm install resolves on a fresh clone (npm leaves it byte-identical)", async () => {
    // A copy of the manifest and the lock only: npm rebuilds the tree from them as on a fresh clone,
    // without touching this checkout's node_modules.
    const directory = mkdtempSync(join(tmpdir(), "honeyhive-lock-"));
    try {
      for (const file of ["package.json", "package-lock.json", ".npmrc"]) copyFileSync(join(root, file), join(directory, file));
      await promisify(execFile)("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: directory, timeout: 120_000 });
      expect(readFileSync(join(directory, "package-lock.json"), "utf8") === readFileSync(join(root, "package-lock.json"), "utf8")).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 130_000);
});
