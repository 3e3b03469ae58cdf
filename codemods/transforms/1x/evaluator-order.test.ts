// 1.x evaluate() called evaluators as (inputs, output) before 1.0.24 and as (output, inputs, groundTruths)
// from 1.0.24 on (EVALUATOR_CALL_ORDERS_1X). The evaluate transform reads the project's `honeyhive` range
// (or, without one, the config's keys) to decide: every admitted version before 1.0.24 → the parameters
// are reordered where nothing else calls the evaluator, else marked; versions of both orders, or a range it
// cannot read → a marker naming both orders; versions from 1.0.24 only (or 2.x) → nothing. The project
// pairs are fixtures/blind-1x-4 03, 20, 21 and 22 (type-checked in codemods/blind-1x-4.test.ts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { versionSpansOfRange } from "../../../analysis/sdk-version.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const makeProject = useTempProjects("evaluator-order", "all");

const CODE = `import { evaluate } from "honeyhive";
function scored(inputs: any, output: any): number {
  return output && inputs ? 1 : 0;
}
evaluate({ evaluationFunction: async (inputs: any) => String(inputs.q), hh_project: "p", name: "n", dataset_id: "d", evaluators: [scored] });
`;

/** The `--from 1` output of `code` in a project whose package.json declares `range` (none: no honeyhive dependency). */
function migrate(range: string | undefined, code = CODE) {
  const dependencies = range === undefined ? {} : { honeyhive: range };
  const root = makeProject({ "package.json": JSON.stringify({ name: "app", private: true, dependencies }) + "\n", "src/eval.ts": code });
  const file = join(root, "src/eval.ts");
  const result = runTransforms(code, file, { transforms: TRANSFORM_1X_IDS });
  expect(result.error).toBeUndefined();
  expect(runTransforms(result.output, file, { transforms: TRANSFORM_1X_IDS }).output).toBe(result.output);
  return result;
}

describe("the evaluator order by the declared honeyhive range", () => {
  it.each(["1.0.23", "=1.0.18", ">=1.0.12 <1.0.24", "1.0.12 - 1.0.23", "~1.0.21 <1.0.24", "1.0.20 || 1.0.23"])("%s (before 1.0.24 only): swaps the parameters", (range) => {
    const { output, markers } = migrate(range);
    expect(output).toContain("function scored(output: any, inputs: any): number {");
    expect(markers).toBe(0);
  });

  it.each(["1.0.24", "^1.0.24", "~1.0.30", ">=1.0.24", "1.0.42", "^2.0.0"])("%s (no version before 1.0.24): leaves the evaluator as it is", (range) => {
    const { output, markers } = migrate(range);
    expect(output).toContain("function scored(inputs: any, output: any): number {");
    expect(markers).toBe(0);
  });

  it.each(["^1.0.18", "~1.0.20", "1.0.x", "1.x", ">=1.0.20", "1.0.23 || 1.0.30", "latest", "*"])("%s (both orders, or unreadable): a marker naming both", (range) => {
    const { output, markers } = migrate(range);
    expect(output).toContain("function scored(inputs: any, output: any): number {");
    expect(output).toContain("1.x before 1.0.24 called an evaluator as (inputs, output), 1.0.24 on as (output, inputs, groundTruth)");
    expect(markers).toBe(1);
  });

  it("marks instead of reordering an evaluator that something else calls, or that is exported", () => {
    const called = CODE.replace("evaluate({", "scored({}, 1);\nevaluate({");
    expect(migrate("1.0.23", called).output).toContain("reorder scored's parameters to (output, inputs)");
    expect(migrate("1.0.23", CODE.replace("function scored", "export function scored")).output).toContain("reorder scored's parameters to (output, inputs)");
  });

  it("without a declared range, reads the order from a key of before 1.0.24 only (query_list); other configs stay as they were", () => {
    const queryList = CODE.replace('dataset_id: "d"', "query_list: [{ q: 1 }]");
    expect(migrate(undefined, queryList).output).toContain("function scored(output: any, inputs: any): number {");
    const { output, markers } = migrate(undefined);
    expect(output).toContain("function scored(inputs: any, output: any): number {");
    expect(markers).toBe(0);
  });
});

describe("a dataset's items by the declared honeyhive range (1.0.21–1.0.23: the inputs themselves)", () => {
  const DATASET = CODE.replace('dataset_id: "d"', "dataset: [{ q: 1 }]").replace("evaluators: [scored] ", "");

  it("wraps the items of a range before 1.0.24 only, as query_list's", () => {
    expect(migrate("1.0.23", DATASET).output).toContain("dataset: [{ q: 1 }].map((inputs) => ({ inputs }))");
  });

  it("leaves the items of a range from 1.0.24 on, and marks those of a range admitting both", () => {
    const after = migrate("^1.0.24", DATASET);
    expect(after.output).toContain("dataset: [{ q: 1 }],");
    expect(after.markers).toBe(0);
    const both = migrate("^1.0.20", DATASET);
    expect(both.output).toContain("dataset: [{ q: 1 }],");
    expect(both.output).toContain("in 1.x before 1.0.24 each dataset item was the inputs themselves");
    expect(both.markers).toBe(1);
  });
});

describe("versionSpansOfRange", () => {
  it("reads the versions a range admits, each || alternative apart", () => {
    expect(versionSpansOfRange("1.0.23")).toEqual([{ lowest: [1, 0, 23], below: [1, 0, 24] }]);
    expect(versionSpansOfRange("^1.0.18")).toEqual([{ lowest: [1, 0, 18], below: [2, 0, 0] }]);
    expect(versionSpansOfRange("^0.3.1")).toEqual([{ lowest: [0, 3, 1], below: [0, 4, 0] }]);
    expect(versionSpansOfRange("~1.0.18")).toEqual([{ lowest: [1, 0, 18], below: [1, 1, 0] }]);
    expect(versionSpansOfRange(">1.0.20 <=1.0.23")).toEqual([{ lowest: [1, 0, 21], below: [1, 0, 24] }]);
    expect(versionSpansOfRange("npm:honeyhive@1.0.x || 2")).toEqual([
      { lowest: [1, 0, 0], below: [1, 1, 0] },
      { lowest: [2, 0, 0], below: [3, 0, 0] },
    ]);
    expect(versionSpansOfRange("latest")).toBeUndefined();
    expect(versionSpansOfRange("workspace:*")).toBeUndefined();
  });
});
