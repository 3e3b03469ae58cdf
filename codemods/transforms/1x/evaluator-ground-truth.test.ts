// 1x-evaluate on an evaluator's ground-truth parameter (review-migrate, left): an untyped one in a
// TypeScript file gets 1.x's loose record type, inline (with the `{}` default) and in a `const` that loses
// evaluator()'s contextual type; and the decision for the inline default against a `null` ground truth:
// this SDK hands evaluators `undefined` for it (evaluate() normalizes `groundTruth ?? ground_truth`), so
// the default `= {}` applies as 1.x's `{}` did. The second half runs evaluate() to hold the SDK to that.
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../sdk/experiments/index.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const migrate = (code: string, filename = "src/eval.ts") => runTransforms(code, filename, { transforms: ALL_TRANSFORM_IDS });

describe("1x-evaluate: an untyped ground-truth parameter", () => {
  const inline = `import { evaluate, evaluator } from "honeyhive";
await evaluate({
  evaluationFunction: async (inputs: { q: string }) => inputs.q.length,
  name: "len",
  dataset: [{ inputs: { q: "abc" }, ground_truths: { n: 3 } }],
  evaluators: [evaluator((output: number, _inputs, truth) => output === truth.n, { name: "matches" })],
});
`;

  it("types it any (1.x's type for it in the evaluators list) with 1.x's {} default inline, in TypeScript", () => {
    const result = migrate(inline);
    expect(result.output).toContain("evaluators: { matches: (output: number, _inputs, truth: any = {}) => output === truth.n }");
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("keeps the wrapper in JavaScript (no types to write)", () => {
    const result = migrate(inline.replace("(inputs: { q: string })", "(inputs)").replace("(output: number,", "(output,"), "src/eval.js");
    expect(result.output).toContain("matches: (outputs, inputs, groundTruth) => ((output, _inputs, truth) => output === truth.n)(outputs, inputs, groundTruth || {})");
  });

  it("types each untyped parameter of a const evaluator that loses evaluator()'s contextual type", () => {
    const result = migrate(`import { evaluate, evaluator } from "honeyhive";
const exact = evaluator((outputs: string, inputs: Record<string, any>, groundTruths) => outputs === groundTruths.expected, { name: "exact" });
await evaluate({ evaluationFunction: async () => "4", name: "qa", dataset: [], evaluators: [exact] });
`);
    expect(result.output).toContain("const exact = (outputs: string, inputs: Record<string, any>, groundTruths: any) => outputs === groundTruths.expected;");
    expect(result.output).toContain("exact: (outputs, inputs, groundTruth) => exact(outputs, inputs, groundTruth || {})");
    expect(migrate(result.output).output).toBe(result.output);
  });
});

describe("1x-evaluate: untyped parameters of a const evaluator (review-migrate3)", () => {
  it("types them any, a lone arrow parameter in parentheses, an optional one after its ?, whether or not the ground truth is read", () => {
    const result = migrate(`import { evaluate, evaluator } from "honeyhive";
const a = evaluator(output => String(output).length, { name: "a" });
const b = evaluator(async (output, inputs, truth?) => output === truth, { name: "b" });
const c = evaluator(function named(output, inputs) { return output === inputs; }, { name: "c" });
await evaluate({ evaluationFunction: async () => "4", name: "qa", dataset: [], evaluators: [a, b, c] });
`);
    expect(result.output).toContain("const a = (output: any) => String(output).length;");
    expect(result.output).toContain("const b = async (output: any, inputs: any, truth?: any) => output === truth;");
    expect(result.output).toContain("const c = function named(output: any, inputs: any) { return output === inputs; };");
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("leaves them untyped in JavaScript", () => {
    const result = migrate(`import { evaluate, evaluator } from "honeyhive";
const a = evaluator((output, inputs, truth) => output === truth, { name: "a" });
await evaluate({ evaluationFunction: async () => "4", name: "qa", dataset: [], evaluators: [a] });
`, "src/eval.js");
    expect(result.output).toContain("const a = (output, inputs, truth) => output === truth;");
  });
});

describe("the inline default `= {}` against a null or missing ground truth (the decision)", () => {
  it("gets {} for null and missing ground truths: evaluate() passes undefined for both", async () => {
    const seen: unknown[] = [];
    const evaluation = await evaluate({
      name: "null ground truth",
      function: () => "out",
      // A stored datapoint's `ground_truth: null`, written as a local one (its type says it may be absent, not null).
      dataset: [{ inputs: {}, groundTruth: null as unknown as Record<string, unknown> }, { inputs: {} }, { inputs: {}, groundTruth: { label: "x" } }],
      evaluators: {
        labelled: (_output, _inputs, truth: Record<string, unknown> = {}) => {
          seen.push(truth);
          return truth.label !== undefined;
        },
      },
      testMode: true,
    });
    expect(seen).toHaveLength(3);
    expect(seen).toEqual(expect.arrayContaining([{}, {}, { label: "x" }]));
    expect(evaluation.results.map((result) => result.metrics)).toEqual([{ labelled: false }, { labelled: false }, { labelled: true }]);
  });
});

describe("a falsy ground truth (\"\", 0, false): 1.x handed evaluators {} for it (ground_truths || {})", () => {
  it("keeps the wrapper, with ||, for an inline evaluator when the config's dataset holds one", () => {
    const code = `import { evaluate, evaluator } from "honeyhive";
await evaluate({
  evaluationFunction: async (inputs: { q: string }) => inputs.q,
  name: "empty",
  dataset: [{ inputs: { q: "a" }, ground_truths: "" }, { inputs: { q: "b" }, ground_truths: { label: "b" } }],
  evaluators: [evaluator((output: string, _inputs, truth) => !truth || output === truth.label, { name: "labelled" })],
});
`;
    const result = migrate(code);
    expect(result.output).toContain("labelled: (outputs, inputs, groundTruth) => ((output: string, _inputs, truth) => !truth || output === truth.label)(outputs, inputs, groundTruth || {})");
    expect(migrate(result.output).output).toBe(result.output);
    // Without such a datapoint the inline default stays (the decision above).
    expect(migrate(code.replace('ground_truths: ""', "ground_truths: { label: \"a\" }")).output).toContain("(output: string, _inputs, truth: any = {}) =>");
  });

  it("gives the wrapped evaluator {} for \"\", 0 and false at run time, as 1.x did", async () => {
    const seen: unknown[] = [];
    const labelled = (_output: unknown, _inputs: unknown, truth: unknown) => {
      seen.push(truth);
      return true;
    };
    await evaluate({
      name: "falsy ground truth",
      function: () => "out",
      dataset: ["", 0, false].map((groundTruth) => ({ inputs: {}, groundTruth: groundTruth as unknown as Record<string, unknown> })),
      evaluators: { labelled: (outputs, inputs, groundTruth) => labelled(outputs, inputs, groundTruth || {}) },
      testMode: true,
    });
    expect(seen).toEqual([{}, {}, {}]);
  });
});
