// An application that only traces: `npm install <packed tarball>` with npm's default peer handling,
// as a user would install the published package (issue 11). Slow (real npm installs, from npm's
// cache where it can): run by `npm run test:install`, not by `npm test`.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installFootprint } from "../scripts/install-footprint.mjs";
import { createInstalledProject, packedTarball, removePackedTarball, runCommand, type InstalledProject } from "./test-utils/consumer-project.js";

const MAX_PACKAGES = 20;
const MAX_DISK_BYTES = 30 * 2 ** 20;
/** What an SDK-only install must not bring: the lint and codemod toolchain. */
const TOOLCHAIN = /^(typescript|eslint|@typescript-eslint\/.*|@babel\/.*|ts-morph|@ts-morph\/.*|jscodeshift)$/;

/** npm's complaints about peers (ERESOLVE, "peer dep missing", "Conflicting peer dependency", "invalid"). */
const PEER_TROUBLE = /ERESOLVE|peer dep|Conflicting peer|overriding peer|invalid:/i;

const projects: InstalledProject[] = [];
afterAll(() => {
  for (const project of projects) project.remove();
  removePackedTarball();
});

function project(name: string): InstalledProject {
  const created = createInstalledProject(name);
  projects.push(created);
  return created;
}

describe("SDK-only install into an empty project", () => {
  let app: InstalledProject;
  let install: Awaited<ReturnType<InstalledProject["npm"]>>;

  it("installs at most 20 packages and 30 MB, none of the toolchain, without a peer warning", async () => {
    app = project("sdk-only");
    install = await app.npm(["install", packedTarball()]);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(PEER_TROUBLE);

    const footprint = installFootprint(app.directory);
    expect(footprint.packages.filter((name) => TOOLCHAIN.test(name))).toEqual([]);
    expect(footprint.packages.length, footprint.packages.join(", ")).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(footprint.diskBytes).toBeLessThanOrEqual(MAX_DISK_BYTES);
    expect(existsSync(join(app.directory, "node_modules", "honeyhive", "LICENSE"))).toBe(true);
  }, 180_000);

  it("traces from ES modules and CommonJS with what it installed", async () => {
    const script = (load: string) => `${load}
const tracer = HoneyHiveTracer.init({ project: "sdk-only", testMode: true });
trace({ tracer, eventName: "double" }, (n) => n * 2)(21);
evaluate({ name: "run", testMode: true, function: ({ inputs }) => inputs.n, dataset: [{ inputs: { n: 1 } }] })
  .then((result) => console.log(JSON.stringify({ spans: tracer.getFinishedSpans().map((span) => span.name), outputs: result.results.map((r) => r.output) })));
`;
    app.write("esm.mjs", script(`import { HoneyHiveTracer, trace } from "honeyhive";\nimport { evaluate } from "honeyhive/experiments";`));
    app.write("cjs.cjs", script(`const { HoneyHiveTracer, trace } = require("honeyhive");\nconst { evaluate } = require("honeyhive/experiments");`));
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      const run = await runCommand(process.execPath, [file], { cwd: app.directory, env: { ...process.env, HH_API_KEY: "", HH_TEST_MODE: "" } });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ spans: ["double"], outputs: [1] });
    }
  }, 60_000);

  it("the ESLint plugin, loaded without its peers, fails with one line naming the install command", async () => {
    for (const [file, load] of [
      ["plugin.cjs", `require("honeyhive/eslint-plugin");`],
      ["plugin.mjs", `import "honeyhive/eslint-plugin";`],
    ]) {
      app.write(file, load);
      const run = await runCommand(process.execPath, [file], { cwd: app.directory });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(
        "honeyhive/eslint-plugin needs @typescript-eslint/utils, @typescript-eslint/types and @typescript-eslint/visitor-keys, which are not installed. Install with: npm install --save-dev @typescript-eslint/utils@8",
      );
      expect(run.stderr, "no stack trace").not.toMatch(/^\s+at /m);
    }
  });
});

// A project that keeps another toolchain for its own reasons must still be able to add the SDK, and
// keep its versions: older ones (ESLint 8.57 with typescript-eslint 7, TypeScript 5.0) and newer
// ones (TypeScript 7, outside what migrate supports) alike.
describe.each([["eslint@8.57.0", "@typescript-eslint/parser@7.18.0"], ["typescript@5.0.4"], ["typescript@7.0.2"]])("SDK install into a project that has %s", (...tools) => {
  it("succeeds with no ERESOLVE and no peer warning, and keeps the project's versions", async () => {
    const existing = project(`with-${tools[0].replace(/[@./]/g, "-")}`);
    const first = await existing.npm(["install", "--save-exact", ...tools]);
    expect(first.code, first.stderr).toBe(0);
    const install = await existing.npm(["install", packedTarball()]);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(PEER_TROUBLE);
    // The project's own view (depth 0): `--all` would also list the SDK's optional peers that are
    // not installed as "UNMET OPTIONAL DEPENDENCY", which is what optional means.
    const ls = await existing.npm(["ls"]);
    expect(ls.code, ls.stdout + ls.stderr).toBe(0);
    for (const tool of tools) {
      const at = tool.lastIndexOf("@");
      expect(ls.stdout).toContain(`${tool.slice(0, at)}@${tool.slice(at + 1)}`);
    }
    expect(ls.stdout).not.toMatch(/invalid|UNMET/);
  }, 180_000);
});
