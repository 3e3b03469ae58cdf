// --from 1 follows a tracer holder exported by a workspace package (`@acme/holder` from apps/api) as it
// follows one of a relative module: analysis/honeyhive-1x.ts asks the workspace resolver (analysis/workspaces.ts,
// through project-modules' `isProjectModule`), not the text of the specifier. Before, the package's holder was
// not read, and its tracer's 1.x calls stayed as they were, without a marker. The same reading holds where the
// package is reached through the app's own barrel (`export { telemetry } from "@acme/holder"`) and where a
// holder's member is typed with a workspace package's type (`tracer!: Tracer` of `@acme/types`, which may
// name the tracer): both took the text-only `isLocalModule` before (the barrel was not followed; the member
// was read as a field of another package's type, so its flush() got no marker).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const makeProject = useTempProjects("workspace-holder", "all");

const HOLDER = `import { HoneyHiveTracer } from "honeyhive";\nexport class Telemetry {\n  tracer = HoneyHiveTracer.init({ project: "holder" });\n}\nexport const telemetry = new Telemetry();\n`;
const root = makeProject({
  "package.json": `{ "name": "mono", "private": true, "type": "module", "workspaces": ["packages/*", "apps/*"] }\n`,
  "packages/holder/package.json": `{ "name": "@acme/holder", "main": "src/index.ts", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "packages/holder/src/index.ts": HOLDER,
  "apps/api/package.json": `{ "name": "api", "dependencies": { "@acme/holder": "workspace:*", "honeyhive": "^1.0.42" } }\n`,
  "apps/api/src/local.ts": HOLDER,
  "apps/api/src/lib/index.ts": `export { telemetry } from "@acme/holder";\n`,
  "packages/types/package.json": `{ "name": "@acme/types", "types": "index.ts", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "packages/types/index.ts": `export type { HoneyHiveTracer as Tracer } from "honeyhive";\n`,
  "apps/api/src/typed.ts": `import type { HoneyHiveTracer } from "honeyhive";\nimport type { Tracer } from "@acme/types";\nexport class Typed {\n  hh!: HoneyHiveTracer;\n  tracer!: Tracer;\n}\nexport const typed = new Typed();\n`,
  "apps/api/src/other-typed.ts": `import type { HoneyHiveTracer } from "honeyhive";\nimport type { Tracer } from "lightstep-tracer";\nexport class Typed {\n  hh!: HoneyHiveTracer;\n  tracer!: Tracer;\n}\nexport const typed = new Typed();\n`,
});

const job = (specifier: string) =>
  `import { telemetry } from "${specifier}";\n\nexport async function run(): Promise<void> {\n  const t = await telemetry.tracer;\n  await t.flush();\n  telemetry.tracer.then((x) => x.flush());\n}\n`;
const migrate = (specifier: string) => runTransforms(job(specifier), join(root, "apps/api/src/job.ts"), { transforms: ALL_TRANSFORM_IDS }).output;

describe("a 1.x tracer holder exported by a workspace package", () => {
  it("is migrated as the same holder in a relative module is", () => {
    const local = migrate("./local");
    expect(local).toContain("await t.forceFlush();");
    expect(local).toContain("Promise.resolve(telemetry.tracer).then((x) => x.forceFlush());");
    expect(migrate("@acme/holder")).toBe(local.replace(`from "./local"`, `from "@acme/holder"`));
  });

  it("is migrated as well through the app's own barrel re-exporting the package", () => {
    expect(migrate("./lib")).toBe(migrate("./local").replace(`from "./local"`, `from "./lib"`));
  });
});

describe("a holder's member typed with a workspace package's type", () => {
  const flush = (specifier: string) => runTransforms(`import { typed } from "${specifier}";\n\nexport async function run(): Promise<void> {\n  await typed.tracer.flush();\n}\n`, join(root, "apps/api/src/job.ts"), { transforms: ALL_TRANSFORM_IDS }).output;

  it("is not read as another package's type: its flush() gets the marker where the facts stop", () => {
    expect(flush("./typed")).toContain(MESSAGES_1X.flushBeyondFacts);
  });

  it("while one typed with another package's type stays as it is", () => {
    const code = `import { typed } from "./other-typed";\n\nexport async function run(): Promise<void> {\n  await typed.tracer.flush();\n}\n`;
    expect(flush("./other-typed")).toBe(code);
  });
});
