// `honeyhive migrate` with the real transforms on every fixture pair, laid out as a project at the
// paths the fixtures are meant to live at, and on the multi-file sample app (a tracer module
// imported by handlers, evaluate() in its own module): the command writes exactly the expected
// files, and a second run finds nothing left to do but the review markers.
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR, loadFixtures } from "../../fixtures/index.js";
import type { JsonReport } from "./report.js";
import { git, makeGitProject } from "./test-utils/git-project.js";
import { read, removeProjects, runInProcess } from "./test-utils/project.js";

afterAll(removeProjects);

describe("migrate on the fixtures (real transforms)", () => {
  // Every fixture migrated, then checked again: 65 s at a load average of ~30 against the 30 s default.
  it("writes every fixture's after, then has nothing left to change", async () => {
    const fixtures = loadFixtures();
    expect(fixtures.length).toBeGreaterThan(0);
    const pathOf = (fixture: (typeof fixtures)[number]): string => `${fixture.id}/${fixture.filename}`;
    // A case's `project/` holds the modules its file imports (a tracer module), at the paths its filename names.
    const modulesOf = (fixture: (typeof fixtures)[number]): [string, string][] => {
      const modules = join(fixture.dir, "project");
      if (!existsSync(modules)) return [];
      const files = readdirSync(modules, { recursive: true, encoding: "utf8" }).filter((path) => statSync(join(modules, path)).isFile());
      return files.map((path) => [`${fixture.id}/${relative(process.cwd(), join(modules, path))}`, readFileSync(join(modules, path), "utf8")]);
    };
    const root = makeGitProject(Object.fromEntries(fixtures.flatMap((fixture) => [[pathOf(fixture), fixture.before], ...modulesOf(fixture)])));

    const first = await runInProcess(root, ["migrate", "--json"], null);
    expect(first.stdout, first.stderr).not.toBe("");
    const report = JSON.parse(first.stdout) as JsonReport;
    expect(report.summary.failed, first.stderr).toBe(0);
    expect(first.code).toBe(0);
    // Every mismatch at once, by fixture id.
    const mismatched = fixtures.filter((fixture) => read(root, pathOf(fixture)) !== fixture.after);
    expect(mismatched.map((fixture) => fixture.id)).toEqual([]);
    const changing = fixtures.filter((fixture) => fixture.before !== fixture.after);
    expect(report.summary.changed).toBe(changing.length);

    git(root, "commit", "-q", "-am", "migrated");
    const second = await runInProcess(root, ["migrate", "--check"], null);
    expect(second.stdout).toBe(""); // no diff: the migration is idempotent
    const withMarkers = fixtures.filter((fixture) => fixture.after.includes("/* honeyhive-migrate:"));
    expect(second.code).toBe(withMarkers.length > 0 ? 3 : 0);
  }, 120_000);
});

function filesBelow(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

describe("migrate on the sample app (real transforms, project pass)", () => {
  it("turns fixtures/sample-app into fixtures/sample-app-expected", async () => {
    const root = makeGitProject({});
    cpSync(join(FIXTURES_DIR, "sample-app"), root, { recursive: true });
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "sample app");

    const run = await runInProcess(root, ["migrate"], null);
    expect(run.code, run.stderr).toBe(0);
    const expectedRoot = join(FIXTURES_DIR, "sample-app-expected");
    const files = filesBelow(expectedRoot);
    expect(filesBelow(root).filter((file) => !file.startsWith(".git/"))).toEqual(files);
    for (const file of files) expect(read(root, file), file).toBe(read(expectedRoot, file));

    git(root, "commit", "-q", "-am", "migrated");
    const check = await runInProcess(root, ["migrate", "--check"], null);
    expect(check.stdout).toBe("");
  });
});
