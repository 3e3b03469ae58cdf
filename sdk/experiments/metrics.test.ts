import { describe, expect, it } from "vitest";
import { nameEvaluators, runEvaluators, summarizeMetrics } from "./metrics.js";

describe("nameEvaluators", () => {
  it("names functions by their name, anonymous ones by position, and keeps names unique", () => {
    function exact(): number {
      return 1;
    }
    const names = nameEvaluators([exact, exact, (() => () => 0)()]).map(([name]) => name);
    expect(names).toEqual(["exact", "exact_2", "evaluator_3"]);
    expect(nameEvaluators({ accuracy: exact }).map(([name]) => name)).toEqual(["accuracy"]);
    expect(nameEvaluators(undefined)).toEqual([]);
  });
});

describe("runEvaluators", () => {
  it("runs evaluators concurrently and keeps the others' metrics when one fails", async () => {
    let running = 0;
    let highest = 0;
    const slow = async (): Promise<number> => {
      highest = Math.max(highest, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return 0.5;
    };
    const outcome = await runEvaluators(
      [
        ["first", slow],
        ["second", slow],
        ["exact", (output: string, _inputs: unknown, groundTruth: string | undefined) => output === groundTruth],
        ["throws", () => { throw new Error("boom"); }],
        ["rejects", async () => Promise.reject(new Error("late boom"))],
        ["bad", () => "text" as unknown as number],
        ["several", () => ({ precision: 1, recall: 0.5 })],
      ],
      "yes",
      {},
      "yes",
    );
    expect(highest).toBe(2);
    expect(outcome.metrics).toEqual({ first: 0.5, second: 0.5, exact: true, several: { precision: 1, recall: 0.5 } });
    expect(outcome.errors).toEqual([
      "evaluator throws threw: Error: boom",
      "evaluator rejects threw: Error: late boom",
      "evaluator bad returned string, expected a number, boolean or object",
    ]);
  });
});

describe("summarizeMetrics", () => {
  it("gives count/mean/min/max for numbers, a pass rate for booleans, and flattens objects", () => {
    const summary = summarizeMetrics([
      { score: 1, pass: true, detail: { recall: 0.5, label: "x" } },
      { score: 3, pass: false, detail: { recall: 1 } },
      { pass: true },
    ]);
    expect(summary).toEqual({
      score: { kind: "numeric", count: 2, mean: 2, min: 1, max: 3 },
      pass: { kind: "boolean", count: 3, passed: 2, passRate: 2 / 3 },
      "detail.recall": { kind: "numeric", count: 2, mean: 0.75, min: 0.5, max: 1 },
    });
  });

  it("summarizes a metric that mixes numbers and booleans as numeric", () => {
    expect(summarizeMetrics([{ m: true }, { m: 0 }]).m).toEqual({ kind: "numeric", count: 2, mean: 0.5, min: 0, max: 1 });
  });

  it("is empty when no datapoint has metrics", () => {
    expect(summarizeMetrics([{}, {}])).toEqual({});
  });
});
