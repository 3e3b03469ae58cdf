// `migrate --from 1` (issue 15), the leftovers of the last sessions: CommonJS whole-module and one-name re-exports of a
// 1.x wrapper and init promise (blind-1x-8 shape 14 in its other spellings), and what a workspace package that
// re-exports the SDK hands its apps. Each case runs the CLI twice on a temporary project (migrateFiles): the first
// run's output is asserted, the second run must change nothing.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { migrateBatch, migrateFiles } from "./cli/test-utils/shapes.js";
import { removeProjects, treeOf } from "./cli/test-utils/project.js";

afterAll(() => removeProjects());

const FROM_1 = ["migrate", "--from", "1", "--json"];
const MANIFEST = `{ "name": "cjs-app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`;

async function migrated(name: string, files: Record<string, string>): Promise<Record<string, string>> {
  const run = await migrateFiles(name, files, FROM_1);
  expect(run.secondChanged, `${name}: a second run changes nothing`).toBe(0);
  return run.output;
}

describe("CommonJS re-exports of a 1.x wrapper and init promise", () => {
  const TRACER = `const { HoneyHiveTracer, traceTool } = require("honeyhive");\n\nconst tracerReady = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cjs-lib" });\n\nmodule.exports = { tracerReady, traceTool };\n`;
  const MAIN = `const { tracerReady, traceTool } = require("../lib");\n\nconst lookup = traceTool(async (id) => ({ id }));\n\nasync function main() {\n  const tracer = await tracerReady;\n  await lookup("42");\n  await tracer.flush();\n}\n\nmain();\n`;
  const MIGRATED = `const { trace } = require("honeyhive");\nconst { tracerReady } = require("../lib");\n\nconst lookup = trace({ eventType: "tool", tracer: tracerReady }, async (id) => ({ id }));\n\nasync function main() {\n  const tracer = await tracerReady;\n  await lookup("42");\n  await tracer.forceFlush();\n}\n\nmain();\n`;
  const INDEXES: Record<string, string> = {
    "whole module": `module.exports = require("./tracer");\n`,
    "spread into an object": `module.exports = { ...require("./tracer"), version: "1" };\n`,
    "one name at a time": `exports.tracerReady = require("./tracer").tracerReady;\nexports.traceTool = require("./tracer").traceTool;\n`,
  };

  it.each(Object.entries(INDEXES))("lib/index.js hands on lib/tracer.js (%s): the app's wrapper gets trace() and the imported tracer", async (name, index) => {
    const output = await migrated(name, { "package.json": MANIFEST, "lib/tracer.js": TRACER, "lib/index.js": index, "src/main.js": MAIN });
    expect(output["src/main.js"]).toBe(MIGRATED);
    expect(output["lib/index.js"]).toBe(index);
  });

  it("reads a wrapper the module takes off require(\"honeyhive\") in the export itself", async () => {
    const tracer = `const { HoneyHiveTracer } = require("honeyhive");\n\nconst tracerReady = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "cjs-lib" });\n\nmodule.exports = { tracerReady, traceTool: require("honeyhive").traceTool };\n`;
    const output = await migrated("member of the SDK", { "package.json": MANIFEST, "lib/tracer.js": tracer, "lib/index.js": INDEXES["whole module"]!, "src/main.js": MAIN });
    expect(output["src/main.js"]).toBe(MIGRATED);
  });
});

describe("a workspace package that re-exports the SDK's trace by name", () => {
  const OBS = `import { HoneyHiveTracer } from "honeyhive";\n\nexport { traceTool, trace, enrichSpan } from "honeyhive";\nexport const tracerReady = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "acme" });\n`;
  const HANDLER = `import { traceTool } from "@acme/obs";\n\nexport const lookup = traceTool(async (id: string) => ({ id }), { eventName: "lookup" });\n`;
  const WORKSPACE = {
    "package.json": `{ "name": "acme", "private": true, "workspaces": ["packages/*", "apps/*"] }\n`,
    "packages/obs/package.json": `{ "name": "@acme/obs", "version": "1.0.0", "main": "src/index.ts", "dependencies": { "honeyhive": "^1.0.42" } }\n`,
    "packages/obs/src/index.ts": OBS,
    "apps/api/package.json": `{ "name": "@acme/api", "version": "1.0.0", "dependencies": { "@acme/obs": "workspace:*" } }\n`,
    "apps/api/src/handler.ts": HANDLER,
  };

  it("gives an app that imports the 1.x wrapper from it trace from the same import, not the missing-dependency marker", async () => {
    const output = await migrated("workspace re-export of trace", WORKSPACE);
    expect(output["apps/api/src/handler.ts"]).toBe(
      `import { trace } from "@acme/obs";\n\n/* honeyhive-migrate: pass a tracer to this call (no HoneyHive tracer in scope) */\nexport const lookup = trace({ eventType: "tool", eventName: "lookup" }, async (id: string) => ({ id }));\n`,
    );
  });

  it("keeps the marker where the package does not re-export trace", async () => {
    const output = await migrated("workspace without trace", { ...WORKSPACE, "packages/obs/src/index.ts": OBS.replace("traceTool, trace, enrichSpan", "traceTool, enrichSpan") });
    expect(output["apps/api/src/handler.ts"]).toContain("@acme/api does not depend on honeyhive");
    expect(output["apps/api/src/handler.ts"]).not.toMatch(/^import /m);
  });
});

// The hand-written `--from 1` outputs of every blind round and public-code folder, markers, `.d.ts` files and all, as
// projects (the input tree with the expected files over it): migrating them again must change nothing. A marker's
// comment names "honeyhive", which a text gate of a second run reads; this is where such a gate would show.
describe("the expected --from 1 outputs are left as they are by another run", () => {
  const ROUNDS = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith("-expected") && existsSync(join(FIXTURES_DIR, name.slice(0, -"-expected".length))) && /1x|real-code-public/.test(name));

  it.each(ROUNDS)("%s", async (expected) => {
    const inputDir = join(FIXTURES_DIR, expected.slice(0, -"-expected".length));
    const expectedDir = join(FIXTURES_DIR, expected);
    // A folder of shapes (one project per folder with a README) or one application.
    const shapes = existsSync(join(inputDir, "package.json")) ? [""] : readdirSync(inputDir).filter((name) => existsSync(join(inputDir, name, "README.md")));
    const projects = shapes.map((name) => {
      const written = existsSync(join(expectedDir, name)) ? treeOf(join(expectedDir, name)) : {};
      return { name: name || "app", files: { ...treeOf(join(inputDir, name)), ...written } };
    });
    const runs = await migrateBatch(projects, FROM_1);
    const changed = [...runs].flatMap(([name, run]) => run.report.files.filter((file) => file.status === "changed" || file.status === "failed").map((file) => `${name}/${file.path} ${file.status}`));
    expect(changed).toEqual([]);
  }, 600_000);
});
