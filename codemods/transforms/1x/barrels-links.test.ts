// `migrate --from 1` on the files the text prefilter skips: a file whose only 1.x use is a `.flush()`
// on a tracer it imports through a project module that re-exports the tracer's module (`export *
// from "./tracing"`, `export { telemetry } from "./tracing"`) names neither the SDK nor a tracer, and
// is migrated because the project pass looks through the re-export.
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, read, removeProjects, runInProcess } from "../../cli/test-utils/project.js";

afterAll(removeProjects);

const MANIFEST_1X = '{ "name": "app", "private": true, "type": "module", "dependencies": { "honeyhive": "^1.0.42" } }\n';
const TRACING = 'import { HoneyHiveTracer } from "honeyhive";\n\nexport const telemetry = await HoneyHiveTracer.init({ project: "app" });\n';
const JOB = 'import { telemetry } from "./lib";\n\nexport async function done(): Promise<void> {\n  await telemetry.flush();\n}\n';
const MIGRATED_JOB = JOB.replace("telemetry.flush()", "telemetry.forceFlush()");

describe("migrate --from 1 on a file that reaches the tracer through a re-exporting module", () => {
  it.each([
    ["export *", 'export * from "./tracing";\n'],
    ["a named re-export", 'export { telemetry } from "./tracing";\nexport const version = 1;\n'],
    ["a renamed re-export", 'export { telemetry as ignored, telemetry } from "./tracing.js";\n'],
  ])("rewrites its .flush() through %s", async (_shape, barrel) => {
    const root = makeProject({ "package.json": MANIFEST_1X, "src/lib/tracing.ts": TRACING, "src/lib/index.ts": barrel, "src/job.ts": JOB }, { git: true });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read(root, "src/job.ts")).toBe(MIGRATED_JOB);
    expect(read(root, "src/lib/index.ts")).toBe(barrel);
  }, 60_000);
});
