import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { clearDeploymentCache, deploymentOf, projectDependsOn, projectRelativePath } from "./deployment.js";
import { NODE_FILE_SYSTEM, ProjectModules, projectModules, setProjectModules } from "./project-modules.js";
import { withFakeDate } from "./test-utils/clock.js";
import { useTempProjects } from "./test-utils/temp-projects.js";
import { workspaceRootOf } from "./workspaces.js";

describe("deploymentOf", () => {
  // Each case makes its own project (a shared one made the second case depend on the first having run:
  // `--sequence.shuffle` ran it first, and both failed).
  const makeProject = useTempProjects("deployment");
  const vercelApp = (): string => makeProject({ "app/package.json": "{}", "app/vercel.json": "{}", "app/src/routes/": "", "app/api/v1/": "", "app/lib/": "" });

  it("reads the signals beside the nearest package.json once per project, for every directory in it", () => {
    const project = join(vercelApp(), "app");
    const route = deploymentOf(join(project, "src/routes/chat.ts"));
    expect(route).toMatchObject({ root: project, vercel: true, netlify: false, openNext: false, wrangler: false });
    // Another directory of the same project: the project's signals, not a second look at its files.
    expect(deploymentOf(join(project, "api/v1/hello.ts"))).toBe(route);
    expect(deploymentOf(join(project, "lib/x.ts"))).toBe(route);
    expect(projectRelativePath(join(project, "api/v1/hello.ts"))).toBe("api/v1/hello.ts");
  });

  it("keeps projects apart: a nested package has its own root and signals", () => {
    const dir = vercelApp();
    const nested = join(dir, "app", "packages", "worker");
    mkdirSync(join(nested, "src"), { recursive: true });
    writeFileSync(join(nested, "package.json"), "{}");
    writeFileSync(join(nested, "wrangler.toml"), "");
    expect(deploymentOf(join(nested, "src/index.ts"))).toMatchObject({ root: nested, vercel: false, wrangler: true });
    expect(deploymentOf(join(dir, "app", "src/x.ts"))).toMatchObject({ root: join(dir, "app"), vercel: true, wrangler: false });
  });

  it("reads Nitro/Nuxt from a dependency or a config file, and Workers from a dependency", () => {
    const cases: Array<[string, Record<string, string>, { nitro: boolean; wrangler: boolean }]> = [
      ["nuxt-dep", { "package.json": JSON.stringify({ dependencies: { nuxt: "^3.0.0" } }) }, { nitro: true, wrangler: false }],
      ["nitro-config", { "package.json": "{}", "nitro.config.ts": "export default {};" }, { nitro: true, wrangler: false }],
      ["workers-types", { "package.json": JSON.stringify({ devDependencies: { "@cloudflare/workers-types": "^4.0.0" } }) }, { nitro: false, wrangler: true }],
      ["plain", { "package.json": JSON.stringify({ dependencies: { hono: "^4.0.0" } }) }, { nitro: false, wrangler: false }],
    ];
    const dir = makeProject({});
    for (const [name, files, expected] of cases) {
      const project = join(dir, "signals", name);
      mkdirSync(project, { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(project, file), text);
      expect(deploymentOf(join(project, "index.ts")), name).toMatchObject(expected);
    }
  });
});

describe("deploymentOf with the project modules' listings", () => {
  const dir = useTempProjects("deployment-listed", "all")({});
  /** A reader that counts the stats it is asked, set as the process-wide one for the test. */
  function countingReader(): { reader: ProjectModules; stats: string[]; restore: () => void } {
    const stats: string[] = [];
    const reader = new ProjectModules({ ...NODE_FILE_SYSTEM, stat: (path) => (stats.push(path), NODE_FILE_SYSTEM.stat(path)) });
    const previous = setProjectModules(reader);
    return { reader, stats, restore: () => void setProjectModules(previous) };
  }

  it("reads a listed folder's package.json from its listing, as current as its mtime says, and probes any other folder", () => {
    const { reader, stats, restore } = countingReader();
    try {
      const project = join(dir, "app");
      mkdirSync(join(project, "src/lib"), { recursive: true });
      writeFileSync(join(project, "package.json"), "{}");
      // The folder is listed while resolving an import of a file in it (as the SDK model does first).
      expect(reader.resolve("./tracing", join(project, "src/lib/x.ts"))).toBeUndefined();
      const before = stats.length;
      expect(deploymentOf(join(project, "src/lib/x.ts"))).toMatchObject({ root: project });
      // The resolution found the project root by the same walk (`ProjectModules.packageRootOnDisk`), within the
      // second: no look at the folder at all. The package.json itself is read through the project reader
      // (`manifestOf`): one stat for its version; the signal files beside it, from the root's listing: one stat.
      expect(stats.slice(before)).toEqual([join(project, "package.json"), project]);
      // A second later the walk looks again: one stat of the listed folder checks its listing (no probe of its package.json).
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2_000 });
      try {
        const later = stats.length;
        expect(deploymentOf(join(project, "src/lib/z.ts"))).toMatchObject({ root: project });
        expect(stats.slice(later)).toEqual(expect.arrayContaining([join(project, "src/lib")]));
        expect(stats.slice(later).filter((path) => path.endsWith("package.json") && path !== join(project, "package.json"))).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
      // A package.json created in the listed folder later changes its mtime: the listing is not taken, the folder is probed.
      writeFileSync(join(project, "src/lib/package.json"), "{}");
      utimesSync(join(project, "src/lib"), new Date(), new Date(Date.now() + 5_000));
      clearDeploymentCache();
      expect(deploymentOf(join(project, "src/lib/x.ts"))).toMatchObject({ root: join(project, "src/lib") });
      // A folder never listed is probed as before.
      mkdirSync(join(project, "bin"));
      expect(deploymentOf(join(project, "bin/cli.ts"))).toMatchObject({ root: project });
      // A listed folder that holds a package.json is its own root.
      expect(reader.resolve("./tracing", join(project, "src/lib/y.ts"))).toBeUndefined();
      clearDeploymentCache();
      expect(deploymentOf(join(project, "src/lib/y.ts"))).toMatchObject({ root: join(project, "src/lib") });
    } finally {
      restore();
    }
  });
});

describe("deploymentOf probes through the project reader's file system", () => {
  const makeProject = useTempProjects("deployment-probes");

  it("asks the reader whether a folder and its package.json exist, and lists the root for its signal files (a run's listings answer without a system call)", () => {
    const asked: string[] = [];
    const listed: string[] = [];
    const previous = setProjectModules(
      new ProjectModules({
        ...NODE_FILE_SYSTEM,
        exists: (path) => (asked.push(path), NODE_FILE_SYSTEM.exists!(path)),
        readDirectory: (path) => (listed.push(path), NODE_FILE_SYSTEM.readDirectory(path)),
      }),
    );
    try {
      const root = makeProject({ "package.json": "{}", "vercel.json": "{}", "api/deep/": "" });
      clearDeploymentCache();
      expect(deploymentOf(join(root, "api/deep/handler.ts"))).toMatchObject({ root, vercel: true });
      expect(asked).toEqual([join(root, "api/deep/package.json"), join(root, "api/package.json"), join(root, "package.json"), join(root, "api/deep")]);
      // The 17 signal names from one listing of the root (no `.vercel/` there to list), none probed.
      expect(listed).toEqual([root]);
      // A reader whose file system says no package.json is anywhere: no root, whatever the disk holds.
      setProjectModules(new ProjectModules({ ...NODE_FILE_SYSTEM, exists: (path) => !path.endsWith("package.json") && NODE_FILE_SYSTEM.exists!(path) }));
      clearDeploymentCache();
      expect(deploymentOf(join(root, "api/deep/other.ts")).root).not.toBe(root);
    } finally {
      setProjectModules(previous);
      clearDeploymentCache();
    }
  });
});

describe("deploymentOf: the package.json through the one manifest reader", () => {
  const makeProject = useTempProjects("deployment-manifest");

  it("sees an edited script preload or dependency (an editor session), looking at the package.json at most once a second", () => {
    const stats: string[] = [];
    const previous = setProjectModules(new ProjectModules({ ...NODE_FILE_SYSTEM, stat: (path) => (stats.push(path), NODE_FILE_SYSTEM.stat(path)) }));
    // The clock of the check is faked (only `Date`): the files' own mtimes are real.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      const root = makeProject({ "package.json": JSON.stringify({ scripts: { start: "node --import ./instrument.mjs app.mjs" } }), "src/": "" });
      const manifest = join(root, "package.json");
      const file = join(root, "src/app.ts");
      const first = deploymentOf(file);
      expect(first.preloads).toEqual(["./instrument.mjs"]);
      writeFileSync(manifest, JSON.stringify({ scripts: { start: "node --import ./tracing.mjs app.mjs" }, dependencies: { next: "15" } }));
      utimesSync(manifest, new Date(), new Date(Date.now() + 5_000));
      // Within a second: the signals read stay, and the package.json is not looked at (no stat per linted file).
      vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"));
      const statsBefore = stats.length;
      expect(deploymentOf(file)).toBe(first);
      expect(deploymentOf(join(root, "src/other.ts"))).toBe(first);
      expect(stats.slice(statsBefore).filter((path) => path === manifest)).toEqual([]);
      // Then the edit is seen, by the same file asked again too.
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      expect(deploymentOf(file)).toMatchObject({ root, preloads: ["./tracing.mjs"] });
      expect(projectDependsOn(file, ["next"])).toBe(true);
      expect(stats.filter((path) => path === manifest)).toHaveLength(2);
    } finally {
      vi.useRealTimers();
      setProjectModules(previous);
    }
  });
});

describe("projectDependsOn: Next.js in a monorepo", () => {
  const makeProject = useTempProjects("deployment-monorepo");
  const ROOT_WITH_NEXT = JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"], devDependencies: { next: "15.0.0", turbo: "2" } });

  it("a workspace member whose package.json names no app framework takes the root's next when it has Next's app/ or pages/ folder", () => {
    const root = makeProject({ "package.json": ROOT_WITH_NEXT, "apps/web/package.json": JSON.stringify({ name: "web", dependencies: { react: "19" } }), "apps/web/app/": "" });
    expect(projectDependsOn(join(root, "apps/web/app/page.tsx"), ["next"])).toBe(true);
    // pnpm's workspace file instead of `workspaces`, two folders deeper.
    const pnpm = makeProject({ "package.json": JSON.stringify({ devDependencies: { next: "15" } }), "pnpm-workspace.yaml": "packages:\n  - apps/**\n", "apps/group/web/package.json": "{}", "apps/group/web/src/pages/": "" });
    expect(projectDependsOn(join(pnpm, "apps/group/web/src/x.ts"), ["next"])).toBe(true);
  });

  it("a workspace member without Next's app/ or pages/ folder (a worker, a CLI) takes nothing from the root", () => {
    const root = makeProject({
      "package.json": ROOT_WITH_NEXT,
      "apps/web/package.json": JSON.stringify({ name: "web", dependencies: { react: "19" } }),
      "apps/web/pages/": "",
      "apps/worker/package.json": JSON.stringify({ name: "worker", type: "module", dependencies: { honeyhive: "^1.0.0", openai: "^4" } }),
      "apps/worker/src/main.ts": "",
      // Look-alikes: a file named `app`, a `src/` without Next's folders, `app/` two levels down.
      "apps/cli/package.json": "{}",
      "apps/cli/app": "",
      "apps/cli/src/lib/app/": "",
    });
    expect(projectDependsOn(join(root, "apps/worker/src/main.ts"), ["next"])).toBe(false);
    expect(projectDependsOn(join(root, "apps/cli/src/index.ts"), ["next"])).toBe(false);
    expect(projectDependsOn(join(root, "apps/web/pages/index.tsx"), ["next"])).toBe(true);
  });

  it("a member that is an app of its own (express, nuxt, …) takes nothing from the root; nor does a package below a root that is no workspace", () => {
    const root = makeProject({ "package.json": ROOT_WITH_NEXT, "apps/api/package.json": JSON.stringify({ dependencies: { express: "5" } }), "apps/api/src/": "" });
    expect(projectDependsOn(join(root, "apps/api/src/server.ts"), ["next"])).toBe(false);
    const plain = makeProject({ "package.json": JSON.stringify({ dependencies: { next: "15" } }), "functions/package.json": "{}", "functions/src/": "" });
    expect(projectDependsOn(join(plain, "functions/src/index.ts"), ["next"])).toBe(false);
    // A repository root (`.git`) between the member and a workspace above ends the walk.
    const nested = makeProject({ "package.json": ROOT_WITH_NEXT, "vendor/lib/.git/": "", "vendor/lib/package.json": "{}", "vendor/lib/src/": "" });
    expect(projectDependsOn(join(nested, "vendor/lib/src/x.ts"), ["next"])).toBe(false);
    // Asked for another package: never inferred.
    expect(projectDependsOn(join(root, "apps/api/src/server.ts"), ["turbo"])).toBe(false);
  });

  it("a next.config.* beside the package.json is a Next.js app, whatever the root says", () => {
    for (const config of ["next.config.js", "next.config.mjs", "next.config.ts"]) {
      const app = makeProject({ "package.json": JSON.stringify({ dependencies: { express: "5" } }), [config]: "export default {};\n", "src/": "" });
      expect(projectDependsOn(join(app, "src/server.ts"), ["next"]), config).toBe(true);
    }
    const lookAlike = makeProject({ "package.json": "{}", "next.config.json": "{}", "src/": "" });
    expect(projectDependsOn(join(lookAlike, "src/x.ts"), ["next"])).toBe(false);
  });
});

/** A reader over the node file system that records each call (`stat …`, `exists …`, `list …`), set as the process-wide one; `previous` to put back. */
function recordingReader(): { readonly calls: string[]; readonly previous: ProjectModules } {
  const calls: string[] = [];
  const previous = setProjectModules(
    new ProjectModules({
      ...NODE_FILE_SYSTEM,
      stat: (path) => (calls.push(`stat ${path}`), NODE_FILE_SYSTEM.stat(path)),
      exists: (path) => (calls.push(`exists ${path}`), NODE_FILE_SYSTEM.exists!(path)),
      readDirectory: (path) => (calls.push(`list ${path}`), NODE_FILE_SYSTEM.readDirectory(path)),
    }),
  );
  return { calls, previous };
}

describe("the walk to the nearest package.json: one look per folder per second", () => {
  const makeProject = useTempProjects("deployment-walk");

  it("asks the file system about each folder at most once a second, stops a new folder's walk at an answered ancestor, and sees a package.json created during a session", () => {
    const { calls, previous } = recordingReader();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      const root = makeProject({ "package.json": "{}", "fns/a/one/": "", "fns/a/two/": "" });
      // The walk's calls: probes and listings of folders and their package.json (not the listing of a root
      // for its signal files, nor the manifest's stat, each looked at once a second).
      const signalListing = (call: string) => call === `list ${root}` || call === `list ${join(root, "fns/a")}`;
      const walkCalls = (from: number) => calls.slice(from).filter((call) => !call.startsWith("stat") && !signalListing(call) && (/(?:package\.json|\/fns\/a\/(?:one|two))$/.test(call) || call.startsWith("list")));
      expect(deploymentOf(join(root, "fns/a/one/handler.ts")).root).toBe(root);
      expect(calls.filter(signalListing)).toEqual([`list ${root}`]);
      // One probe per folder on the way (no listing is made for it), and the linted file's folder checked to be on disk.
      expect(walkCalls(0)).toEqual([
        `exists ${join(root, "fns/a/one/package.json")}`,
        `exists ${join(root, "fns/a/package.json")}`,
        `exists ${join(root, "fns/package.json")}`,
        `exists ${join(root, "package.json")}`,
        `exists ${join(root, "fns/a/one")}`,
      ]);
      // A sibling folder: its own probe, then the walk stops at `fns/a`, answered within the second.
      let before = calls.length;
      expect(deploymentOf(join(root, "fns/a/two/handler.ts")).root).toBe(root);
      expect(walkCalls(before)).toEqual([`exists ${join(root, "fns/a/two/package.json")}`, `exists ${join(root, "fns/a/two")}`]);
      // Asked again within the second, by any caller: no look at all.
      before = calls.length;
      expect(projectModules().packageRootOf(join(root, "fns/a/one"))).toBe(root);
      expect(deploymentOf(join(root, "fns/a/one/other.ts")).root).toBe(root);
      expect(calls.slice(before)).toEqual([]);
      // A package.json created during the session (an editor's lint server keeps the process): seen after a second.
      writeFileSync(join(root, "fns/a/package.json"), "{}");
      vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"));
      expect(deploymentOf(join(root, "fns/a/one/third.ts")).root).toBe(root);
      vi.setSystemTime(new Date("2030-01-01T00:00:01.500Z"));
      before = calls.length;
      expect(deploymentOf(join(root, "fns/a/one/handler.ts")).root).toBe(join(root, "fns/a"));
      expect(projectModules().packageRootOf(join(root, "fns/a/two"))).toBe(join(root, "fns/a"));
      // Each folder looked at once again, the linted file's folder known to be on disk: no second probe of it.
      expect(walkCalls(before)).toEqual([
        `exists ${join(root, "fns/a/one/package.json")}`,
        `exists ${join(root, "fns/a/package.json")}`,
        `exists ${join(root, "fns/a/two/package.json")}`,
      ]);
      // And removed again: the root above is back after a second.
      rmSync(join(root, "fns/a/package.json"));
      vi.setSystemTime(new Date("2030-01-01T00:00:03Z"));
      expect(deploymentOf(join(root, "fns/a/two/handler.ts")).root).toBe(root);
      // A folder that is not on disk (a name no disk holds): no project, though its parent has one.
      expect(deploymentOf(join(root, "fns/missing/handler.ts")).root).toBeUndefined();
      expect(projectModules().packageRootOf(join(root, "fns/missing"))).toBe(root);
    } finally {
      vi.useRealTimers();
      setProjectModules(previous);
    }
  });
});

describe("the signal files during an editor session: from the root's listing, looked at again a second later", () => {
  const makeProject = useTempProjects("deployment-signal-files");

  it("sees a vercel.json, netlify.toml, wrangler.toml, .vercel/project.json or .gcloudignore created or removed mid-session (was: never, until a restart)", () => {
    const { calls, previous } = recordingReader();
    try {
      withFakeDate((nextSecond) => {
        const root = makeProject({ "package.json": "{}", "src/": "", ".vercel/README.txt": "" });
        const file = join(root, "src/route.ts");
        /** A file made (or removed) at `path`, its folder's mtime moved on (a distinct mtime even on coarse clocks). */
        const edit = (path: string, make: boolean) => {
          if (make) writeFileSync(join(root, path), "");
          else rmSync(join(root, path));
          utimesSync(dirname(join(root, path)), new Date(), new Date(Date.now() + 5_000 + calls.length));
        };
        expect(deploymentOf(file)).toMatchObject({ root, vercel: false, netlify: false, wrangler: false, gcpFunctions: false });
        for (const [path, signal] of [["vercel.json", "vercel"], ["netlify.toml", "netlify"], ["wrangler.toml", "wrangler"], [".vercel/project.json", "vercel"], [".gcloudignore", "gcpFunctions"]] as const) {
          edit(path, true);
          // Within the second the signals stand as read (no call); a second later the file is seen.
          const before = calls.length;
          expect(deploymentOf(file)[signal], path).toBe(false);
          expect(calls.slice(before)).toEqual([]);
          nextSecond();
          expect(deploymentOf(file)[signal], path).toBe(true);
          edit(path, false);
          nextSecond();
          expect(deploymentOf(file)[signal], path).toBe(false);
        }
        // None of the 17 names was ever probed: the root's listing (and `.vercel/`'s) answered them all.
        expect(calls.filter((call) => call.startsWith("exists") && !call.endsWith("package.json") && call !== `exists ${join(root, "src")}`)).toEqual([]);
        // Nothing changed: a second later one stat of each folder, no listing.
        nextSecond();
        const before = calls.length;
        const unchanged = deploymentOf(file);
        expect(deploymentOf(join(root, "src/other.ts"))).toBe(unchanged);
        expect(calls.slice(before).filter((call) => call.startsWith("list"))).toEqual([]);
        expect(calls.slice(before)).toEqual(expect.arrayContaining([`stat ${root}`, `stat ${join(root, ".vercel")}`]));
      });
    } finally {
      setProjectModules(previous);
    }
  });

  it("forgets its signals with the project reader: after forgetRechecked, or under another reader, a vercel.json made within the second is seen (was: the answer kept)", () => {
    const { previous } = recordingReader();
    try {
      withFakeDate(() => {
        const root = makeProject({ "package.json": "{}", "src/": "" });
        const file = join(root, "src/route.ts");
        expect(deploymentOf(file)).toMatchObject({ root, vercel: false, netlify: false });
        writeFileSync(join(root, "vercel.json"), "{}");
        utimesSync(root, new Date(), new Date(Date.now() + 5_000));
        projectModules().forgetRechecked();
        expect(deploymentOf(file).vercel).toBe(true);
        writeFileSync(join(root, "netlify.toml"), "");
        utimesSync(root, new Date(), new Date(Date.now() + 10_000));
        recordingReader();
        expect(deploymentOf(file).netlify).toBe(true);
      });
    } finally {
      setProjectModules(previous);
    }
  });

  it("answers as the probes did: a folder or a link by a signal's name counts, a broken link or a .vercel file does not", () => {
    const root = makeProject({ "package.json": "{}", "netlify.toml/": "", ".vercel": "not a folder", "src/": "" });
    symlinkSync(join(root, "missing.toml"), join(root, "wrangler.toml"));
    symlinkSync(join(root, "netlify.toml"), join(root, "host.json"));
    clearDeploymentCache();
    expect(deploymentOf(join(root, "src/x.ts"))).toMatchObject({ root, netlify: true, wrangler: false, vercel: false, azureFunctions: true });
  });
});

describe("one workspace root for the resolver and the deployment signals (analysis/workspaces.ts workspaceRootOf)", () => {
  const makeProject = useTempProjects("deployment-workspace-root");

  /** What both callers see from a member: the root the resolver reads packages from, and whether the root's `next` reaches the member. */
  function seen(root: string, member: string): { readonly workspaceRoot: string | undefined; readonly telemetry: string | undefined; readonly next: boolean } {
    clearDeploymentCache();
    const reader = projectModules();
    const memberRoot = join(root, member);
    return {
      workspaceRoot: workspaceRootOf(reader, memberRoot),
      telemetry: reader.resolve("@acme/telemetry", join(memberRoot, "app/page.tsx")),
      next: projectDependsOn(join(memberRoot, "app/page.tsx"), ["next"]),
    };
  }
  const TELEMETRY = { "packages/telemetry/package.json": JSON.stringify({ name: "@acme/telemetry" }), "packages/telemetry/src/index.ts": "export const tracer = 1;\n" };

  it("a member up to four folders below a root that declares workspace patterns (npm/yarn `workspaces`, pnpm's `packages:`): both read that root", () => {
    for (const [name, manifest, extra] of [
      ["npm", { private: true, workspaces: ["apps/**", "packages/*"], devDependencies: { next: "15" } }, {}],
      ["yarn", { private: true, workspaces: { packages: ["apps/**", "packages/*"] }, devDependencies: { next: "15" } }, {}],
      ["pnpm", { private: true, devDependencies: { next: "15" } }, { "pnpm-workspace.yaml": "packages:\n  - apps/**\n  - packages/*\n" }],
    ] as const) {
      for (const member of ["apps/web", "apps/a/b/web"]) {
        const root = makeProject({ "package.json": JSON.stringify(manifest), ...extra, ...TELEMETRY, [`${member}/package.json`]: "{}", [`${member}/app/`]: "" });
        expect(seen(root, member), `${name} ${member}`).toEqual({ workspaceRoot: root, telemetry: join(root, "packages/telemetry/src/index.ts"), next: true });
      }
    }
  });

  it("no workspace root for either: five folders down, a `.git` between, a root with no patterns, a pnpm root's own package", () => {
    const npmRoot = { "package.json": JSON.stringify({ private: true, workspaces: ["apps/**", "packages/*"], devDependencies: { next: "15" } }), ...TELEMETRY };
    const none = { workspaceRoot: undefined, telemetry: undefined, next: false };
    const deep = makeProject({ ...npmRoot, "apps/a/b/c/web/package.json": "{}", "apps/a/b/c/web/app/": "" });
    expect(seen(deep, "apps/a/b/c/web"), "five folders down").toEqual(none);
    const vendored = makeProject({ ...npmRoot, "apps/web/.git/": "", "apps/web/package.json": "{}", "apps/web/app/": "" });
    expect(seen(vendored, "apps/web"), "a repository of its own").toEqual(none);
    for (const [name, files] of [
      ["empty workspaces", { "package.json": JSON.stringify({ workspaces: [], devDependencies: { next: "15" } }) }],
      ["pnpm file without packages", { "package.json": JSON.stringify({ devDependencies: { next: "15" } }), "pnpm-workspace.yaml": "catalog:\n  react: ^19\n" }],
    ] as const) {
      const root = makeProject({ ...files, ...TELEMETRY, "apps/web/package.json": "{}", "apps/web/app/": "" });
      expect(seen(root, "apps/web"), name).toEqual(none);
    }
    // A pnpm workspace's root package: the resolver reads its packages; it is no member taking the root's `next` (it names its own dependencies).
    const pnpmRoot = makeProject({ "package.json": JSON.stringify({ name: "root" }), "pnpm-workspace.yaml": "packages:\n  - packages/*\n", ...TELEMETRY, "app/": "" });
    clearDeploymentCache();
    expect(workspaceRootOf(projectModules(), pnpmRoot)).toBe(pnpmRoot);
    expect(projectModules().resolve("@acme/telemetry", join(pnpmRoot, "app/page.tsx"))).toBe(join(pnpmRoot, "packages/telemetry/src/index.ts"));
    expect(projectDependsOn(join(pnpmRoot, "app/page.tsx"), ["next"])).toBe(false);
  });
});
