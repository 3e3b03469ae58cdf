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

  // review-sdk4: the list type is ArrayLike & Iterable; a list that is not an Array was read as a record.
  it("names the items of any list the type accepts by function, not by index, and drops none", () => {
    function exact(): number {
      return 1;
    }
    function fuzzy(): number {
      return 0.5;
    }
    class EvaluatorSet {
      readonly #items = [exact, fuzzy];
      get length(): number {
        return this.#items.length;
      }
      [index: number]: typeof exact;
      [Symbol.iterator]() {
        return this.#items[Symbol.iterator]();
      }
    }
    const args = (function (..._evaluators: (typeof exact)[]) {
      // eslint-disable-next-line prefer-rest-params
      return arguments;
    })(exact, fuzzy);
    expect(nameEvaluators(new EvaluatorSet()).map(([name]) => name)).toEqual(["exact", "fuzzy"]);
    expect(nameEvaluators(args).map(([name]) => name)).toEqual(["exact", "fuzzy"]);
    expect(nameEvaluators({ length: exact, includes: fuzzy }).map(([name]) => name)).toEqual(["length", "includes"]);
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
      "evaluator bad returned string, expected a number, boolean, object or null",
    ]);
  });
});

describe("an evaluator returning null (no score for this datapoint; 1.x accepted it)", () => {
  it("is recorded as null without an error, and left out of the summary", async () => {
    const outcome = await runEvaluators(
      [
        ["maybe", (output: string) => (output === "" ? null : 1)],
        ["later", async () => null],
        ["list", () => [1, 2] as unknown as number],
        ["nothing", () => undefined as unknown as number],
        ["nan", () => Number.NaN],
      ],
      "",
      {},
      undefined,
    );
    expect(outcome.metrics).toEqual({ maybe: null, later: null });
    expect(outcome.errors).toEqual([
      "evaluator list returned an array, expected a number, boolean, object or null",
      "evaluator nothing returned undefined, expected a number, boolean, object or null",
      "evaluator nan returned NaN, expected a number, boolean, object or null",
    ]);
    expect(summarizeMetrics([{ maybe: null }, { maybe: 3 }, { maybe: 1 }])).toEqual({
      maybe: { kind: "numeric", count: 2, mean: 2, min: 1, max: 3 },
    });
    expect(summarizeMetrics([{ maybe: null }])).toEqual({});
  });

  it("a record keyed `length` or like another Array member is a record, not a list", () => {
    const length = (): number => 1;
    expect(nameEvaluators({ length, includes: length }).map(([name]) => name)).toEqual(["length", "includes"]);
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
