// The Python SDK's evaluate() keys in a 1.x config (issue 15): 1.x ignored them, so they stayed silently; each now
// gets the treatment of the setting it names here (knowledge/sdks/honeyhive-1x.ts, `Option1xEntry.pythonSdk`).
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const from1 = (config: string) =>
  runTransforms(`import { evaluate } from "honeyhive";\nconst answer = async (inputs: { q: string }) => inputs.q;\nexport const run = () =>\n  evaluate({ function: answer, dataset: [], ${config} });\n`, "src/run.ts", { transforms: ALL_TRANSFORM_IDS });
const after = (config: string, marker = "") =>
  `import { evaluate } from "honeyhive/experiments";\nconst answer = async (inputs: { q: string }) => inputs.q;\nexport const run = () =>\n  ${marker}evaluate({ function: ({ inputs }) => answer(inputs), dataset: [], ${config} });\n`;

describe("1x-evaluate: the Python SDK's keys", () => {
  it("run_concurrently: true is the default here: it goes, max_workers becomes maxConcurrency", () => {
    const result = from1("max_workers: 8, run_concurrently: true");
    expect(result.output).toBe(after("maxConcurrency: 8"));
    expect(result.markers).toBe(0);
  });
  it("run_concurrently decided at run time gets the runConcurrently marker", () => {
    const result = from1("run_concurrently: process.env.SEQUENTIAL !== '1'");
    expect(result.markers).toBe(1);
    expect(result.output).toContain("runConcurrently");
  });
  it("print_results and run_id go under one marker that names them", () => {
    const result = from1("print_results: false, run_id: 'r1', name: 'n'");
    expect(result.markers).toBe(1);
    expect(result.output).not.toMatch(/print_results: false|run_id: 'r1'/);
    expect(result.output).toMatch(/honeyhive-migrate: removed 1\.x evaluate options print_results \(.*\); run_id \(/);
  });
});
