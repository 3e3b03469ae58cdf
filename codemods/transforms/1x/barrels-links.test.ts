// `migrate --from 1` on the files the text prefilter skips: a file whose only 1.x use is a `.flush()`
// on a tracer it imports through a project module that re-exports the tracer's module (`export *
// from "./tracing"`, `export { telemetry } from "./tracing"`) names neither the SDK nor a tracer, and
// is migrated because the project pass looks through the re-export.
import { afterAll, describe, expect, it } from "vitest";
import { makeGitProject } from "../../cli/test-utils/git-project.js";
import { read, removeProjects, runInProcess } from "../../cli/test-utils/project.js";

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
    const root = makeGitProject({ "package.json": MANIFEST_1X, "src/lib/tracing.ts": TRACING, "src/lib/index.ts": barrel, "src/job.ts": JOB });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read(root, "src/job.ts")).toBe(MIGRATED_JOB);
    expect(read(root, "src/lib/index.ts")).toBe(barrel);
  }, 60_000);
});

describe("migrate --from 1 through a CommonJS module that hands on the tracer's module", () => {
  const TRACING_CJS =
    'const { HoneyHiveTracer } = require("honeyhive");\n\nlet tracer;\nasync function setup() {\n  tracer = await HoneyHiveTracer.init({ project: "app" });\n  return tracer;\n}\nmodule.exports = { setup };\n';
  const JOB_CJS = 'const { setup } = require("./lib");\n\nasync function done() {\n  const t = await setup();\n  await t.flush();\n}\nmodule.exports = { done };\n';
  it.each([
    ["module.exports = require()", 'module.exports = require("../tracing");\n'],
    ["a spread require()", 'module.exports = { version: 1, ...require("../tracing") };\n'],
    ["Object.assign(module.exports, require())", 'Object.assign(module.exports, require("../tracing"));\n'],
  ])("rewrites its .flush() through %s", async (_shape, barrel) => {
    const manifest = MANIFEST_1X.replace('"type": "module"', '"type": "commonjs"');
    const root = makeGitProject({ "package.json": manifest, "src/tracing.js": TRACING_CJS, "src/lib/index.js": barrel, "src/job.js": JOB_CJS });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read(root, "src/job.js")).toBe(JOB_CJS.replace("t.flush()", "t.forceFlush()"));
    expect(read(root, "src/lib/index.js")).toBe(barrel);
  }, 60_000);
});

describe("migrate --from 1 on a file that imports a tracer module whose class comes through an SDK barrel", () => {
  const BARREL = 'export { traceFunction as traced, HoneyHiveTracer } from "honeyhive";\n';
  const TRACING_THROUGH_BARREL = TRACING.replace('from "honeyhive"', 'from "./hh"');
  it.each([
    ["directly", "./tracing", {}],
    ["through a re-exporting module", "./lib", { "src/lib/index.ts": 'export * from "../tracing";\n' }],
  ])("rewrites its .flush() when it imports the tracer module %s", async (_how, specifier, more) => {
    const job = JOB.replace('"./lib"', `"${specifier}"`);
    const root = makeGitProject({ "package.json": MANIFEST_1X, "src/hh.ts": BARREL, "src/tracing.ts": TRACING_THROUGH_BARREL, "src/job.ts": job, ...more });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read(root, "src/job.ts")).toBe(job.replace("telemetry.flush()", "telemetry.forceFlush()"));
    expect(read(root, "src/tracing.ts")).toBe(TRACING_THROUGH_BARREL.replace("await ", ""));
  }, 60_000);
});
