// --from 1 where the file's one tracer is held by a project module's binding (`tracing.tracer` of `import * as
// tracing from "./tracing"`, `telemetry.tracer` of an imported holder instance): the SDK model's held-tracer
// scope (`heldTracersInScopeAt`, which the rules' require-explicit-tracer already counts) is the one reachable
// tracer for the 1.x transforms too. Before, `HoneyHiveTracer.flush()` there kept the static-flush marker, and
// a free `traceTool(fn)`, bound to `tracing.tracer` by explicit-tracer, kept a stale "no HoneyHive tracer in
// scope" marker beside the tracer it was given.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { markerComment } from "../../engine/markers.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const makeProject = useTempProjects("held-tracer-scope", "all");
const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "type": "module", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = await HoneyHiveTracer.init({ project: "p" });\n`,
  "src/holder.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport class Telemetry {\n  tracer!: HoneyHiveTracer;\n}\nexport const telemetry = new Telemetry();\n`,
});

const from1 = (code: string) => {
  const { output } = runTransforms(code, join(root, "src/job.ts"), { transforms: ALL_TRANSFORM_IDS });
  expect(runTransforms(output, join(root, "src/job.ts"), { transforms: ALL_TRANSFORM_IDS }).output).toBe(output);
  return output;
};

describe("a tracer held by a project module's binding is the one reachable tracer", () => {
  it("of a module held whole: static flush, free wrapper and free enrichment write `tracing.tracer`", () => {
    const before = `import { HoneyHiveTracer, traceTool, enrichSpan } from "honeyhive";\nimport * as tracing from "./tracing";\n\nconst search = traceTool(async (q: string) => q);\n\nexport async function run(q: string): Promise<void> {\n  tracing.tracer.enrichSession({ metadata: { q } });\n  await search(q);\n  enrichSpan({ metadata: { q } });\n  await HoneyHiveTracer.flush();\n}\n`;
    // HoneyHiveTracer's only use was the static flush: its import goes (unused-imports.ts, gaps-migrate-9).
    const after = `import { trace } from "honeyhive";\nimport * as tracing from "./tracing";\n\nconst search = trace({ eventType: "tool", tracer: tracing.tracer }, async (q: string) => q);\n\nexport async function run(q: string): Promise<void> {\n  tracing.tracer.enrichSession({ metadata: { q } });\n  await search(q);\n  tracing.tracer.enrichSpan({ metadata: { q } });\n  await tracing.tracer.forceFlush();\n}\n`;
    expect(from1(before)).toBe(after);
  });

  it("of an imported holder instance: `telemetry.tracer`", () => {
    const before = `import { HoneyHiveTracer, traceTool } from "honeyhive";\nimport { telemetry } from "./holder";\n\nconst search = traceTool(async (q: string) => q);\n\nexport async function run(q: string): Promise<void> {\n  telemetry.tracer.enrichSession({ metadata: { q } });\n  await search(q);\n  await HoneyHiveTracer.flush();\n}\n`;
    expect(from1(before)).toBe(before.replace("HoneyHiveTracer, traceTool }", "trace }").replace("traceTool(async", `trace({ eventType: "tool", tracer: telemetry.tracer }, async`).replace("HoneyHiveTracer.flush()", "telemetry.tracer.forceFlush()"));
  });

  it("not when the file has two: the static flush keeps its marker", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nimport * as tracing from "./tracing";\nimport { telemetry } from "./holder";\n\nexport async function run(): Promise<void> {\n  tracing.tracer.enrichSession({ metadata: {} });\n  telemetry.tracer.enrichSession({ metadata: {} });\n  await HoneyHiveTracer.flush();\n}\n`;
    expect(from1(code)).toContain(`${markerComment(MESSAGES_1X.staticFlush)}\n  await HoneyHiveTracer.flush();`);
  });
});
