import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_FILE_SYSTEM, ProjectModules, type ProjectFileSystem } from "./project-modules.js";
import { useTempProjects } from "./test-utils/temp-projects.js";
import { parsePnpmWorkspacePackages, splitPackageSpecifier, workspaceOf } from "./workspaces.js";

const makeProject = useTempProjects("workspaces", "each");

/** The node file system, counting what it is asked. */
function countingFs(): ProjectFileSystem & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    stat: (path) => (calls.push(`stat ${path}`), NODE_FILE_SYSTEM.stat(path)),
    readFile: (path) => (calls.push(`read ${path}`), NODE_FILE_SYSTEM.readFile(path)),
    realpath: (path) => (calls.push(`realpath ${path}`), NODE_FILE_SYSTEM.realpath(path)),
    readDirectory: (path) => (calls.push(`list ${path}`), NODE_FILE_SYSTEM.readDirectory(path)),
  };
}

const TELEMETRY = `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = await HoneyHiveTracer.init({ project: "p" });\n`;
const WRAP = `export function traced() {}\n`;
const pkg = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name, ...extra });

/** A monorepo: a telemetry package (with `src/index.ts` and `src/wrap.ts`) and an api app importing it; `root` is the root package.json or pnpm yaml. */
function monorepo(root: Record<string, string>, telemetry: Record<string, string> = {}): string {
  return makeProject({
    ...root,
    "packages/telemetry/package.json": pkg("@acme/telemetry", { main: "src/index.ts" }),
    "packages/telemetry/src/index.ts": TELEMETRY,
    "packages/telemetry/src/wrap.ts": WRAP,
    "apps/api/package.json": pkg("@acme/api", { dependencies: { "@acme/telemetry": "workspace:*" } }),
    "apps/api/src/server.ts": `import { tracer } from "@acme/telemetry";\n`,
    ...telemetry,
  });
}

describe("workspace packages as project modules", () => {
  it.each([
    ["npm/bun workspaces array", { "package.json": JSON.stringify({ private: true, workspaces: ["packages/*", "apps/*"] }) }],
    ["yarn workspaces object", { "package.json": JSON.stringify({ private: true, workspaces: { packages: ["packages/*", "apps/*"], nohoist: ["**/x"] } }) }],
    ["pnpm-workspace.yaml", { "package.json": pkg("root"), "pnpm-workspace.yaml": `# the workspace\npackages:\n  - 'packages/*'\n  - "apps/*" # the apps\n  - '!**/test/**'\ncatalog:\n  react: ^18\n` }],
  ])("%s: the bare name and a subpath resolve to the package's source files", (_name, rootFiles) => {
    const root = monorepo(rootFiles);
    const reader = new ProjectModules();
    const from = join(root, "apps/api/src/server.ts");
    expect(reader.resolve("@acme/telemetry", from)).toBe(join(root, "packages/telemetry/src/index.ts"));
    // `./src/wrap.js` names the TypeScript source, as within a package.
    expect(reader.resolve("@acme/telemetry/src/wrap.js", from)).toBe(join(root, "packages/telemetry/src/wrap.ts"));
    expect(reader.resolve("@acme/telemetry/src/missing.js", from)).toBeUndefined();
    expect(reader.resolve("@acme/other", from)).toBeUndefined();
    expect(reader.resolve("express", from)).toBeUndefined();
    expect(workspaceOf(reader, join(root, "apps/api"))?.packages).toEqual(
      new Map([
        ["@acme/telemetry", join(root, "packages/telemetry")],
        ["@acme/api", join(root, "apps/api")],
      ]),
    );
  });

  it("a package outside the workspace's patterns is not a project module, nor is one under node_modules", () => {
    const root = monorepo(
      { "package.json": JSON.stringify({ private: true, workspaces: ["apps/*"] }) },
      {
        "tools/telemetry/package.json": pkg("@acme/tools"),
        "tools/telemetry/src/index.ts": TELEMETRY,
        "apps/node_modules/@acme/hidden/package.json": pkg("@acme/hidden"),
        "apps/node_modules/@acme/hidden/src/index.ts": TELEMETRY,
      },
    );
    const reader = new ProjectModules();
    const from = join(root, "apps/api/src/server.ts");
    expect(reader.resolve("@acme/telemetry", from)).toBeUndefined();
    expect(reader.resolve("@acme/tools", from)).toBeUndefined();
    expect(reader.resolve("@acme/hidden", from)).toBeUndefined();
    expect([...workspaceOf(reader, join(root, "apps/api"))!.packages.keys()]).toEqual(["@acme/api"]);
  });

  it("a name that is also a real dependency in node_modules: the workspace wins only when the package is listed in the workspace", () => {
    const listed = monorepo(
      { "package.json": JSON.stringify({ private: true, workspaces: ["packages/*", "apps/*"] }) },
      { "node_modules/@acme/telemetry/package.json": pkg("@acme/telemetry", { main: "index.js" }), "node_modules/@acme/telemetry/index.js": TELEMETRY },
    );
    const reader = new ProjectModules();
    expect(reader.resolve("@acme/telemetry", join(listed, "apps/api/src/server.ts"))).toBe(join(listed, "packages/telemetry/src/index.ts"));
    const unlisted = monorepo(
      { "package.json": JSON.stringify({ private: true, workspaces: ["apps/*"] }) },
      { "node_modules/@acme/telemetry/package.json": pkg("@acme/telemetry", { main: "index.js" }), "node_modules/@acme/telemetry/index.js": TELEMETRY },
    );
    expect(reader.resolve("@acme/telemetry", join(unlisted, "apps/api/src/server.ts"))).toBeUndefined();
  });

  it("the bare name: exports and main when they lead to source, else src/index, else a JavaScript main; `**` patterns and negations", () => {
    const root = makeProject({
      "package.json": JSON.stringify({ private: true, workspaces: ["libs/**", "!libs/skipped"] }),
      "libs/exported/package.json": pkg("exported", { exports: { ".": { types: "./dist/index.d.ts", import: "./src/main.ts" }, "./wrap": "./src/wrap.ts" }, main: "dist/index.js" }),
      "libs/exported/src/main.ts": TELEMETRY,
      "libs/exported/src/index.ts": TELEMETRY,
      "libs/built/package.json": pkg("built", { main: "dist/index.js", types: "dist/index.d.ts" }),
      "libs/built/dist/index.js": TELEMETRY,
      "libs/built/dist/index.d.ts": "export {};\n",
      "libs/built/src/index.ts": TELEMETRY,
      "libs/nested/deep/js/package.json": pkg("plain-js", { main: "lib/entry.js" }),
      "libs/nested/deep/js/lib/entry.js": TELEMETRY,
      "libs/skipped/package.json": pkg("skipped"),
      "libs/skipped/index.ts": TELEMETRY,
      "app/package.json": pkg("app"),
      "app/main.ts": "",
    });
    const reader = new ProjectModules();
    const from = join(root, "app/main.ts");
    expect(reader.resolve("exported", from)).toBe(join(root, "libs/exported/src/main.ts"));
    expect(reader.resolve("built", from)).toBe(join(root, "libs/built/src/index.ts"));
    expect(reader.resolve("plain-js", from)).toBe(join(root, "libs/nested/deep/js/lib/entry.js"));
    expect(reader.resolve("skipped", from)).toBeUndefined();
  });

  it("never reads outside the workspace root, and a project without a workspace reads no package but its own", () => {
    const root = makeProject({
      "package.json": JSON.stringify({ private: true, workspaces: ["../outside/*", "/abs/*", "apps/*"] }),
      "apps/api/package.json": pkg("api"),
      "apps/api/main.ts": "",
    });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    expect(reader.resolve("outside", join(root, "apps/api/main.ts"))).toBeUndefined();
    expect(fs.calls.filter((call) => !call.includes(root) && /^(?:read|list) /.test(call) && !/^list \/(?:tmp)?$/.test(call))).toEqual([]);

    const single = makeProject({ "package.json": pkg("single", { dependencies: { express: "4" } }), "src/main.ts": "", ".git/HEAD": "" });
    const singleFs = countingFs();
    const singleReader = new ProjectModules(singleFs);
    expect(singleReader.resolve("express", join(single, "src/main.ts"))).toBeUndefined();
    // No package.json above its own: its own package.json read once (is it a workspace root?), and no listing beyond the ones that found its root.
    expect(singleFs.calls.filter((call) => call.startsWith("read "))).toEqual([`read ${join(single, "package.json")}`]);
    const before = singleFs.calls.length;
    expect(singleReader.resolve("express", join(single, "src/other.ts"))).toBeUndefined();
    expect(singleFs.calls.slice(before).filter((call) => !call.startsWith("stat "))).toEqual([]);
  });

  it.each([
    ["pnpm-workspace.yaml", { "package.json": pkg("root"), "pnpm-workspace.yaml": "packages:\n  - packages/*\n" }],
    ["npm/bun workspaces array", { "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }) }],
    ["yarn workspaces object", { "package.json": JSON.stringify({ private: true, workspaces: { packages: ["packages/*"] } }) }],
  ])("the root package's own files follow workspace packages: %s", (_name, rootFiles) => {
    const root = monorepo({ ...rootFiles, "scripts/seed.ts": "" });
    const reader = new ProjectModules();
    expect(reader.resolve("@acme/telemetry", join(root, "scripts/seed.ts"))).toBe(join(root, "packages/telemetry/src/index.ts"));
    expect(reader.resolve("@acme/telemetry/src/wrap.js", join(root, "scripts/seed.ts"))).toBe(join(root, "packages/telemetry/src/wrap.ts"));
    // Look-alike: a root package.json without `workspaces` (and no pnpm file) roots no workspace.
    const plain = monorepo({ "package.json": pkg("root"), "scripts/seed.ts": "" });
    expect(new ProjectModules().resolve("@acme/telemetry", join(plain, "scripts/seed.ts"))).toBeUndefined();
  });

  it("reads pnpm's packages list and splits package specifiers", () => {
    expect(parsePnpmWorkspacePackages(`packages:\n  - packages/*\n  - 'apps/**'\n  # - old/*\n  - "!**/test/**"\nonlyBuiltDependencies:\n  - esbuild\n`)).toEqual(["packages/*", "apps/**", "!**/test/**"]);
    expect(parsePnpmWorkspacePackages(`packages: ['a/*', "b"]\n`)).toEqual(["a/*", "b"]);
    expect(parsePnpmWorkspacePackages(`catalog:\n  react: ^18\n`)).toEqual([]);
    expect(splitPackageSpecifier("@acme/telemetry/src/wrap.js")).toEqual(["@acme/telemetry", "src/wrap.js"]);
    expect(splitPackageSpecifier("lodash/fp")).toEqual(["lodash", "fp"]);
    expect(splitPackageSpecifier("@acme")).toBeUndefined();
  });
});
