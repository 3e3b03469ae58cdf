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
});
