// `honeyhive migrate --from 1` with the real transforms: the 1.x fixtures laid out as one project are
// written exactly as their afters, a second run has nothing left but review markers, `--list` shows
// the 1.x set, and `--update-package` moves package.json's range (and says the lock file is the user's).
import { afterAll, describe, expect, it } from "vitest";
import { loadMigrate1xFixtures } from "../../fixtures/migrate-1x/index.js";
import { ALL_TRANSFORMS, TRANSFORMS } from "../transforms/ids.js";
import type { JsonReport } from "./report.js";
import { git, makeGitProject } from "./test-utils/git-project.js";
import { makeProject, read, removeProjects, runInProcess } from "./test-utils/project.js";
import { packageVersion } from "./version.js";

afterAll(removeProjects);

describe("migrate --from 1", () => {
  it("--list shows the 1.x set first, then the 2.x transforms; without --from only the 2.x ones", async () => {
    const root = makeProject({});
    const from1 = await runInProcess(root, ["migrate", "--from", "1", "--list", "--json"], null);
    expect((JSON.parse(from1.stdout) as { transforms: { id: string }[] }).transforms.map(({ id }) => id)).toEqual(ALL_TRANSFORMS.map(({ id }) => id));
    expect(ALL_TRANSFORMS.slice(0, 2).map(({ id }) => id)).toEqual(["1x-init", "1x-flush"]);
    const plain = await runInProcess(root, ["migrate", "--list", "--json"], null);
    expect((JSON.parse(plain.stdout) as { transforms: { id: string }[] }).transforms.map(({ id }) => id)).toEqual(TRANSFORMS.map(({ id }) => id));
  });

  it("refuses another --from", async () => {
    const run = await runInProcess(makeProject({}), ["migrate", "--from", "0"], null);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from: the only earlier major to migrate from is 1 (honeyhive 1.x), got "0"');
  });

  // Every 1.x fixture migrated, then checked again: ~67 s under load against the 30 s default.
  it("writes every 1.x fixture's after, bumps package.json, then has nothing left to change", async () => {
    const fixtures = loadMigrate1xFixtures();
    const pathOf = (fixture: (typeof fixtures)[number]): string => `${fixture.id}/${fixture.filename}`;
    const manifest = '{\n  "name": "app",\n  "dependencies": {\n    "honeyhive": "^1.0.42"\n  }\n}\n';
    const root = makeGitProject({ "package.json": manifest, ...Object.fromEntries(fixtures.map((fixture) => [pathOf(fixture), fixture.before])) });

    const first = await runInProcess(root, ["migrate", "--from", "1", "--update-package", "--json"], null);
    const report = JSON.parse(first.stdout) as JsonReport;
    expect(report.summary.failed, first.stderr).toBe(0);
    expect(fixtures.filter((fixture) => read(root, pathOf(fixture)) !== fixture.after).map((fixture) => fixture.id)).toEqual([]);
    expect(report.transforms["1x-init"]?.files).toBeGreaterThan(0);
    expect(read(root, "package.json")).toBe(manifest.replace("^1.0.42", `^${packageVersion()}`));
    expect(first.stderr).toContain("the lock file is left to your package manager");

    git(root, "commit", "-q", "-am", "migrated");
    const second = await runInProcess(root, ["migrate", "--from", "1", "--check"], null);
    expect(second.stdout).toBe("");
    expect(second.code).toBe(3); // the review markers remain
  }, 120_000);

  it("binds free 1.x wrappers to a tracer another module exports, and flushes it by its instance", async () => {
    const root = makeGitProject(
      {
        "src/lib/tracing.ts": 'import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = await HoneyHiveTracer.init({ project: "app" });\n',
        "src/tools.ts":
          'import { traceTool } from "honeyhive";\nimport { tracer } from "./lib/tracing";\n\n' +
          "export const search = traceTool(async (query: string) => [query]);\n\n" +
          "export async function done(): Promise<void> {\n  await tracer.flush();\n}\n",
      });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, "src/lib/tracing.ts")).toBe('import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ project: "app" });\n');
    expect(read(root, "src/tools.ts")).toBe(
      'import { trace } from "honeyhive";\nimport { tracer } from "./lib/tracing";\n\n' +
        'export const search = trace({ eventType: "tool", tracer }, async (query: string) => [query]);\n\n' +
        "export async function done(): Promise<void> {\n  await tracer.forceFlush();\n}\n",
    );
  });

  it("without --from, leaves 1.x code to the 1.x set (the 2.x transforms do not rewrite it)", async () => {
    const fixture = loadMigrate1xFixtures().find((candidate) => candidate.id === "migrate-1x/trace-instance-wrappers")!;
    const root = makeGitProject({ "src/app.ts": fixture.before });
    await runInProcess(root, ["migrate"], null);
    expect(read(root, "src/app.ts")).toBe(fixture.before);
  });
});

describe("migrate --from 1: what one file does not show", () => {
  it("leaves a 2.x field another module uses as the tracer unmarked (D7), and marks a manual mock of the package found by its path", async () => {
    const telemetry = 'import { HoneyHiveTracer } from "honeyhive";\n\nexport class Telemetry {\n  tracer = HoneyHiveTracer.init({ project: "app" });\n}\n\nexport const telemetry = new Telemetry();\n';
    const mock = "export const HoneyHiveTracer = {\n  init: jest.fn().mockResolvedValue({ flush: jest.fn() }),\n};\n";
    const root = makeGitProject(
      {
        "src/telemetry.ts": telemetry,
        "src/route.ts": 'import { telemetry } from "./telemetry";\n\nexport function handle(name: string): string {\n  return telemetry.tracer.createSession({ sessionName: name });\n}\n',
        "__mocks__/honeyhive.ts": mock,
      });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, "src/telemetry.ts")).toBe(telemetry);
    expect(read(root, "__mocks__/honeyhive.ts")).toMatch(/^\/\* honeyhive-migrate: this mock stands in for honeyhive 1\.x: [^\n]*\*\/\nexport const HoneyHiveTracer = \{\n/);
  });
});
