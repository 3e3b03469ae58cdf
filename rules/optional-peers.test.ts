// The split between what the SDK installs and what the lint/codemod faces load from the user's
// project: package.json against OPTIONAL_PEERS, the built code against FACE_PEERS (read from dist/,
// which the vitest global setup keeps current), and the messages a user sees when a peer is missing;
// with them, the package's identity (version, license, repository), the rest of package.json's promises.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  FACE_PEERS,
  OPTIONAL_PEERS,
  assertPluginToolchain,
  describeProblems,
  inRange,
  migrateToolchainMessage,
  packagesToInstall,
  toolchainProblems,
  type Face,
} from "./optional-peers.js";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { REPOSITORY_ROOT } from "./test-utils/rule-files.js";

interface Manifest {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  exports: Record<string, { import: { default: string }; require: { default: string } }>;
  bin: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(REPOSITORY_ROOT, "package.json"), "utf8")) as Manifest;

/** The package name of a bare specifier (`@scope/name/sub` → `@scope/name`), undefined for a builtin. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0])) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every package the built module `entry` loads (import, export-from, require, import()), following its relative imports. */
function packagesReachedFrom(entry: string): Set<string> {
  const reached = new Set<string>();
  const seen = new Set<string>();
  const pending = [resolve(REPOSITORY_ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    const specifiers = [
      ...ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName),
      // `import x = require()` in the ES module build: TypeScript emits a createRequire() function; and
      // our own loader's calls with a literal (analysis/local-require.cts), which load on first use.
      ...[...text.matchAll(/\b(?:__require|localRequire)\("([^"]+)"\)/g)].map((match) => match[1]),
    ];
    for (const fileName of specifiers) {
      if (fileName.startsWith(".")) pending.push(resolve(dirname(file), fileName));
      else {
        const name = packageOf(fileName);
        if (name) reached.add(name);
      }
    }
  }
  return reached;
}

const dependencies = new Set(Object.keys(manifest.dependencies));
const entryOf = (subpath: string, condition: "import" | "require") => manifest.exports[subpath][condition].default;

describe("package.json", () => {
  it("declares every toolchain package as an optional peer of any version (the loader checks the range), and none as a dependency", () => {
    expect(manifest.peerDependencies).toEqual(Object.fromEntries(Object.keys(OPTIONAL_PEERS).map((name) => [name, "*"])));
    for (const name of Object.keys(OPTIONAL_PEERS)) {
      expect(manifest.peerDependenciesMeta[name], name).toEqual({ optional: true });
      expect(dependencies.has(name), name).toBe(false);
    }
  });

  it("ships no dependency the built package does not load (ts-morph, jscodeshift and Babel are gone)", () => {
    const loaded = new Set([
      ...Object.values(manifest.exports).flatMap((entry) => (typeof entry === "string" ? [] : [entry.import.default, entry.require.default])),
      ...Object.values(manifest.bin),
      // The migrate CLI loads its engine with import() from engine-port.js and in worker threads.
      "dist/esm/codemods/cli/worker.js",
    ].flatMap((entry) => [...packagesReachedFrom(entry)]));
    expect([...dependencies].filter((name) => !loaded.has(name))).toEqual([]);
    for (const name of ["ts-morph", "jscodeshift", "@babel/core"]) expect(dependencies.has(name)).toBe(false);
  });
});

describe("identity", () => {
  it("is the next major of the npm package, with its license text and the 1.x line's repository", () => {
    const identity = manifest as unknown as { version: string; license: string; files: string[]; repository: { url: string }; homepage: string; bugs: { url: string } };
    expect(identity.version).toMatch(/^2\.\d+\.\d+(-[\w.]+)?$/);
    expect(identity.license).toBe("Apache-2.0");
    expect(readFileSync(join(REPOSITORY_ROOT, "LICENSE"), "utf8")).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(identity.files).toContain("LICENSE");
    expect(identity.repository.url).toBe("git+https://github.com/honeyhiveai/typescript-sdk.git");
    expect(identity.homepage).toMatch(/^https:\/\/github\.com\/honeyhiveai\/typescript-sdk/);
    expect(identity.bugs.url).toBe("https://github.com/honeyhiveai/typescript-sdk/issues");
  });
});

describe("what each face loads (built code)", () => {
  it("the SDK (both entries, both module systems) loads dependencies only", () => {
    for (const subpath of [".", "./experiments"]) {
      for (const condition of ["import", "require"] as const) {
        const outside = [...packagesReachedFrom(entryOf(subpath, condition))].filter((name) => !dependencies.has(name));
        expect(outside, `${subpath} (${condition})`).toEqual([]);
      }
    }
  });

  const faceEntries: Record<Face, string[]> = {
    "eslint-plugin": [entryOf("./eslint-plugin", "require"), "dist/cjs/rules/index.js"],
    migrate: [manifest.bin.honeyhive, "dist/esm/codemods/engine/engine.js", "dist/esm/codemods/engine/project.js", "dist/esm/codemods/cli/worker.js"],
  };
  it.each(Object.keys(faceEntries) as Face[])("%s loads exactly the optional peers FACE_PEERS lists for it", (face) => {
    const reached = new Set(faceEntries[face].flatMap((entry) => [...packagesReachedFrom(entry)]));
    const peers = [...reached].filter((name) => !dependencies.has(name));
    expect(peers.sort()).toEqual([...FACE_PEERS[face]].sort());
  });
});

describe("version ranges", () => {
  it("includes the lower bound, excludes the upper bound, and counts a pre-release as its release", () => {
    const range = { from: "4.8.4", below: "6.1.0" };
    expect(["4.8.4", "5.0.4", "6.0.3"].map((version) => inRange(version, range))).toEqual([true, true, true]);
    expect(["4.8.3", "4.7.4", "6.1.0", "6.1.0-beta", "10.0.0"].map((version) => inRange(version, range))).toEqual([false, false, false, false, false]);
  });
});

describe("a project without the toolchain", () => {
  const makeProject = useTempProjects("peers");
  const FROM = "node_modules/honeyhive/dist/cjs/rules/plugin-entry.cjs";

  /** A project whose node_modules holds the given packages (manifest only) and a module inside honeyhive to resolve from. */
  function project(installed: Record<string, string>): string {
    const manifests = Object.entries(installed).map(([name, version]) => [`node_modules/${name}/package.json`, JSON.stringify({ name, version })]);
    return join(makeProject({ ...Object.fromEntries(manifests), [FROM]: "" }), FROM);
  }

  it("finds nothing missing when every peer of the face is installed in range", () => {
    const from = project({ "@typescript-eslint/utils": "8.73.0", "@typescript-eslint/types": "8.73.0", "@typescript-eslint/visitor-keys": "8.1.0" });
    expect(toolchainProblems("eslint-plugin", from)).toEqual([]);
    expect(() => assertPluginToolchain(from)).not.toThrow();
  });

  it("plugin: one line naming the missing packages and an install command without what they bring along", () => {
    const from = project({});
    let thrown: unknown;
    try {
      assertPluginToolchain(from);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const { message, stack } = thrown as Error;
    expect(message).toBe(
      "honeyhive/eslint-plugin needs @typescript-eslint/utils, @typescript-eslint/types and @typescript-eslint/visitor-keys, which are not installed. Install with: npm install --save-dev @typescript-eslint/utils@8",
    );
    expect(stack).toBe(message); // ESLint prints the stack of a config that fails to load
  });

  it("names an installed peer outside its range with the range it needs", () => {
    const from = project({ "@typescript-eslint/utils": "7.18.0", "@typescript-eslint/types": "8.73.0", "@typescript-eslint/visitor-keys": "8.73.0" });
    const problems = toolchainProblems("eslint-plugin", from);
    expect(problems).toEqual([{ name: "@typescript-eslint/utils", found: "7.18.0" }]);
    expect(describeProblems(problems)).toBe("@typescript-eslint/utils >=8.0.0 <9.0.0 (found 7.18.0)");
    expect(() => assertPluginToolchain(from)).toThrow(
      `honeyhive/eslint-plugin needs @typescript-eslint/utils >=8.0.0 <9.0.0 (found 7.18.0). Install with: npm install --save-dev @typescript-eslint/utils@8`,
    );
  });

  it("migrate: an npx line that repeats the user's arguments, and in a project the command that keeps the packages", () => {
    const from = project({ "@typescript-eslint/types": "8.73.0", "@typescript-eslint/visitor-keys": "8.73.0" });
    const problems = toolchainProblems("migrate", from);
    // Never a bare name: `npx -p typescript` is TypeScript 7, outside typescript-estree's peer range (ERESOLVE).
    expect(packagesToInstall(problems)).toEqual(["typescript@>=4.8.4 <6.1.0", "@typescript-eslint/typescript-estree@8", "@typescript-eslint/scope-manager@8"]);
    expect(migrateToolchainMessage(problems, { version: "2.0.0", argv: ["migrate", "--dry", "src/my app"], inProject: false })).toBe(
      "honeyhive migrate needs typescript, @typescript-eslint/typescript-estree and @typescript-eslint/scope-manager, which are not installed. " +
        "Run: npx -p honeyhive@2.0.0 -p 'typescript@>=4.8.4 <6.1.0' -p @typescript-eslint/typescript-estree@8 -p @typescript-eslint/scope-manager@8 honeyhive migrate --dry 'src/my app'\n",
    );
    expect(migrateToolchainMessage(problems, { version: "2.0.0", argv: [], inProject: true })).toMatch(
      /\nOr add them to the project: npm install --save-dev 'typescript@>=4.8.4 <6.1.0' @typescript-eslint\/typescript-estree@8 @typescript-eslint\/scope-manager@8\n$/,
    );
  });
});
