import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deploymentOf, projectRelativePath } from "./deployment.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

describe("deploymentOf", () => {
  // One directory for both cases: the second adds a package inside the first's project.
  const dir = useTempProjects("deployment", "all")({});

  it("reads the signals beside the nearest package.json once per project, for every directory in it", () => {
    const project = join(dir, "app");
    for (const folder of ["src/routes", "api/v1", "lib"]) mkdirSync(join(project, folder), { recursive: true });
    writeFileSync(join(project, "package.json"), "{}");
    writeFileSync(join(project, "vercel.json"), "{}");
    const route = deploymentOf(join(project, "src/routes/chat.ts"));
    expect(route).toMatchObject({ root: project, vercel: true, netlify: false, openNext: false, wrangler: false });
    // Another directory of the same project: the project's signals, not a second look at its files.
    expect(deploymentOf(join(project, "api/v1/hello.ts"))).toBe(route);
    expect(deploymentOf(join(project, "lib/x.ts"))).toBe(route);
    expect(projectRelativePath(join(project, "api/v1/hello.ts"))).toBe("api/v1/hello.ts");
  });

  it("keeps projects apart: a nested package has its own root and signals", () => {
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
    for (const [name, files, expected] of cases) {
      const project = join(dir, "signals", name);
      mkdirSync(project, { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(project, file), text);
      expect(deploymentOf(join(project, "index.ts")), name).toMatchObject(expected);
    }
  });
});
