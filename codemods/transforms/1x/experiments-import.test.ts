// `migrate --from 1` on a file that imports `evaluate` and 1.x experiment types (`EvaluationConfig`,
// `EvaluationResult`) beside other names, through a project barrel (`export * from "honeyhive"`): the
// two transforms that move them (1x-evaluate, 1x-names) collect their edits on the same text, and
// must still leave one import of "honeyhive/experiments". The package-root form is the fixture pair
// `evaluate-types-beside-tracer` (type-checked with the other pairs).
import { join } from "node:path";
import { expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("experiments-import", "all");
const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/lib/hh.ts": 'export * from "honeyhive";\n',
});
const migrate = (path: string, code: string) => runTransforms(code, join(root, path), { transforms: ALL_TRANSFORM_IDS });

const BODY = `
const tracer = await HoneyHiveTracer.init({ project: "p" });
const config: EvaluationConfig = { name: "e", evaluationFunction: async (inputs: Record<string, unknown>) => inputs, dataset: [] };
await evaluate(config);
await tracer.flush();
`;
const MIGRATED_BODY = `
const tracer = HoneyHiveTracer.init({ project: "p" });
const config: EvaluateOptions = { name: "e", function: async ({ inputs }: { inputs: Record<string, unknown> }) => inputs, dataset: [] };
await evaluate(config);
await tracer.forceFlush();
`;

it("moves evaluate and the 1.x experiment types of one barrel import into one import of honeyhive/experiments", () => {
  const result = migrate("src/app.ts", `import { HoneyHiveTracer, evaluate, type EvaluationConfig } from "./lib/hh";\n${BODY}`);
  expect(result.error).toBeUndefined();
  expect(result.output).toBe(`import { HoneyHiveTracer } from "./lib/hh";\nimport { evaluate, type EvaluateOptions } from "honeyhive/experiments";\n${MIGRATED_BODY}`);
  expect(migrate("src/app.ts", result.output).output).toBe(result.output);
});

it("does so whatever the order of the names, and with an evaluator() import that goes", () => {
  const withEvaluator = BODY.replace("dataset: []", 'dataset: [], evaluators: [evaluator(async () => 1, { name: "one" })]');
  const output = migrate("src/app.ts", `import { evaluate, evaluator, HoneyHiveTracer, type EvaluationConfig } from "./lib/hh";\n${withEvaluator}`).output;
  expect(output.split("\n").slice(0, 3)).toEqual(['import { HoneyHiveTracer } from "./lib/hh";', 'import { evaluate, type EvaluateOptions } from "honeyhive/experiments";', ""]);
  expect(output).toContain("evaluators: { one: async () => 1 }");
});

it("adds the types to an import of honeyhive/experiments the file already has", () => {
  const code = `import { HoneyHiveTracer, type EvaluationConfig } from "./lib/hh";\nimport { evaluate } from "honeyhive/experiments";\n${BODY.replace("evaluationFunction: async", "function: async")}`;
  const output = migrate("src/app.ts", code).output;
  expect(output.split("\n").slice(0, 2)).toEqual(['import { HoneyHiveTracer } from "./lib/hh";', 'import { evaluate, type EvaluateOptions } from "honeyhive/experiments";']);
});

// A Deno file imports the package by an `npm:` specifier: what moves to the experiments entry point
// keeps that form (`npm:honeyhive@^2/experiments`), not the bare name Deno cannot resolve without an import map.
it("writes the experiments import in the file's Deno npm: specifier form", () => {
  const deno = (code: string) => runTransforms(code, join(root, "src/deno.ts"), { transforms: ALL_TRANSFORM_IDS });
  const named = deno(`import { HoneyHiveTracer, evaluate, type EvaluationConfig } from "npm:honeyhive@^2";\n${BODY}`);
  expect(named.error).toBeUndefined();
  expect(named.output).toBe(`import { HoneyHiveTracer } from "npm:honeyhive@^2";\nimport { evaluate, type EvaluateOptions } from "npm:honeyhive@^2/experiments";\n${MIGRATED_BODY}`);
  expect(deno(named.output).output).toBe(named.output);

  const alone = deno(`import { evaluate } from "npm:honeyhive@^2";\nawait evaluate({ name: "e", evaluationFunction: async () => 1, dataset: [] });\n`);
  expect(alone.output).toContain(`import { evaluate } from "npm:honeyhive@^2/experiments";`);

  const namespace = deno(`import * as hh from "npm:honeyhive@^2";\nconst tracer = await hh.HoneyHiveTracer.init({ project: "p" });\nawait hh.evaluate({ name: "e", evaluationFunction: async () => 1, dataset: [] });\nawait tracer.flush();\n`);
  expect(namespace.output).toContain(`import { evaluate } from "npm:honeyhive@^2/experiments";`);

  // 1.x's own version in the specifier moves to this one's, in the import kept and the one written.
  const pinned = deno(`import { HoneyHiveTracer, evaluate, type EvaluationConfig } from "npm:honeyhive@1.0.42";\n${BODY}`);
  expect(pinned.output).toBe(`import { HoneyHiveTracer } from "npm:honeyhive@^2.0.0";\nimport { evaluate, type EvaluateOptions } from "npm:honeyhive@^2.0.0/experiments";\n${MIGRATED_BODY}`);
  expect(deno(pinned.output).output).toBe(pinned.output);

  const types = deno(`import type { EvaluationConfig } from "npm:honeyhive@^2";\nexport const config: EvaluationConfig = { name: "e", evaluationFunction: async () => 1, dataset: [] };\n`);
  expect(types.output).toContain(`import type { EvaluateOptions } from "npm:honeyhive@^2/experiments";`);
});

// A CDN that addresses files (unpkg, jsDelivr, esm.run) has no `experiments` file at the package's root:
// that subpath is only in package.json "exports", which esm.sh and Skypack read (analysis/knowledge/npm-cdns.ts).
it("writes the experiments import from a CDN as the file the exports map names, where the CDN does not read exports", () => {
  const cdn = (specifier: string) => runTransforms(`import { evaluate } from "${specifier}";\nawait evaluate({ name: "e", evaluationFunction: async () => 1, dataset: [] });\n`, join(root, "src/cdn.js"), { transforms: ALL_TRANSFORM_IDS });
  const cases: [string, string][] = [
    ["https://cdn.jsdelivr.net/npm/honeyhive@1.0.42/+esm", "https://cdn.jsdelivr.net/npm/honeyhive@^2.0.0/dist/esm/sdk/experiments/index.js/+esm"],
    ["https://esm.run/honeyhive@1.0.42", "https://esm.run/honeyhive@^2.0.0/dist/esm/sdk/experiments/index.js"],
    ["https://unpkg.com/honeyhive@1.0.42?module", "https://unpkg.com/honeyhive@^2.0.0/dist/esm/sdk/experiments/index.js?module"],
    ["https://esm.sh/honeyhive@1.0.42?target=deno", "https://esm.sh/honeyhive@^2.0.0/experiments?target=deno"],
    ["https://cdn.skypack.dev/honeyhive@1.0.42", "https://cdn.skypack.dev/honeyhive@^2.0.0/experiments"],
  ];
  for (const [written, expected] of cases) {
    const result = cdn(written);
    expect(result.output, written).toContain(`import { evaluate } from "${expected}";`);
    expect(result.markers, written).toBe(0);
    expect(runTransforms(result.output, join(root, "src/cdn.js"), { transforms: ALL_TRANSFORM_IDS }).output, written).toBe(result.output);
  }
});

it("names, for each subpath entry point, the ES file package.json's exports map gives it", async () => {
  const { PUBLISHED_ENTRY_FILES } = await import("./shared.js");
  const { readFileSync } = await import("node:fs");
  const manifest = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { exports: Record<string, { import?: { default?: string } }>; files: string[] };
  for (const [subpath, file] of Object.entries(PUBLISHED_ENTRY_FILES)) {
    expect(manifest.exports[`./${subpath}`]?.import?.default).toBe(`./${file}`);
    expect(manifest.files.some((published) => file.startsWith(`${published}/`))).toBe(true);
  }
});
