// --from 1 follows a tracer holder exported by a workspace package (`@acme/holder` from apps/api) as it
// follows one of a relative module: analysis/honeyhive-1x.ts asks the workspace resolver (analysis/workspaces.ts,
// through project-modules' `isProjectModule`), not the text of the specifier. Before, the package's holder was
// not read, and its tracer's 1.x calls stayed as they were, without a marker.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("workspace-holder", "all");

const HOLDER = `import { HoneyHiveTracer } from "honeyhive";\nexport class Telemetry {\n  tracer = HoneyHiveTracer.init({ project: "holder" });\n}\nexport const telemetry = new Telemetry();\n`;
const root = makeProject({
  "package.json": `{ "name": "mono", "private": true, "type": "module", "workspaces": ["packages/*", "apps/*"] }\n`,
  "packages/holder/package.json": `{ "name": "@acme/holder", "main": "src/index.ts", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "packages/holder/src/index.ts": HOLDER,
  "apps/api/package.json": `{ "name": "api", "dependencies": { "@acme/holder": "workspace:*", "honeyhive": "^1.0.42" } }\n`,
  "apps/api/src/local.ts": HOLDER,
});

const job = (specifier: string) =>
  `import { telemetry } from "${specifier}";\n\nexport async function run(): Promise<void> {\n  const t = await telemetry.tracer;\n  await t.flush();\n  telemetry.tracer.then((x) => x.flush());\n}\n`;
const migrate = (specifier: string) => runTransforms(job(specifier), join(root, "apps/api/src/job.ts"), { transforms: ALL_TRANSFORM_IDS }).output;

describe("a 1.x tracer holder exported by a workspace package", () => {
  it("is migrated as the same holder in a relative module is", () => {
    const local = migrate("./local");
    expect(local).toContain("await t.forceFlush();");
    expect(local).toContain("Promise.resolve(telemetry.tracer).then((x) => x.forceFlush().then(() => {}));");
    expect(migrate("@acme/holder")).toBe(local.replace(`from "./local"`, `from "@acme/holder"`));
  });
});
