// `honeyhive migrate` with the real transforms on every fixture pair, laid out as a project at the
// paths the fixtures are meant to live at: the command turns each `before` into exactly `after`,
// and a second run finds nothing left to do but the review markers.
import { afterAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../../fixtures/index.js";
import type { JsonReport } from "./report.js";
import { git, makeProject, read, removeProjects, runInProcess } from "./test-utils/project.js";

afterAll(removeProjects);

describe("migrate on the fixtures (real transforms)", () => {
  it("writes every fixture's after, then has nothing left to change", async () => {
    const fixtures = loadFixtures();
    expect(fixtures.length).toBeGreaterThan(0);
    const pathOf = (fixture: (typeof fixtures)[number]): string => `${fixture.id}/${fixture.filename}`;
    const root = makeProject(Object.fromEntries(fixtures.map((fixture) => [pathOf(fixture), fixture.before])), { git: true });

    const first = await runInProcess(root, ["migrate", "--json"], null);
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
  });
});
