// gaps-sdk-5: the datapoint input path of evaluate() with hostile values: a Proxy whose every trap
// throws, a getter that throws, a revoked Proxy. The SDK never throws their errors into the
// application: such a datapoint is recorded with an error (its function is not called with a datapoint
// it could not read) and the run goes on; one hidden deeper (in `inputs`) reaches the function as given.
import { expect, it } from "vitest";
import { evaluate } from "./index.js";

const TRAP_ERROR = "trap-error-must-not-escape";
const everyTrapThrows = (): object =>
  new Proxy(
    {},
    new Proxy({}, { get: () => () => { throw new Error(TRAP_ERROR); } }),
  );
const throwingGetter = (): object =>
  Object.defineProperty({}, "inputs", { get: () => { throw new Error(TRAP_ERROR); }, enumerable: true });
const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

it.each([
  ["a datapoint that is a Proxy whose every trap throws", () => everyTrapThrows()],
  ["a datapoint whose `inputs` getter throws", () => throwingGetter()],
  ["a datapoint that is a revoked Proxy", () => revoked()],
])("%s is recorded with an error, and the run goes on", async (_name, hostile) => {
  const seen: unknown[] = [];
  const result = await evaluate({
    function: ({ inputs }: { inputs: { n: number } }) => {
      seen.push(inputs.n);
      return inputs.n * 2;
    },
    dataset: [{ inputs: { n: 1 } }, hostile() as { inputs: { n: number } }, { inputs: { n: 3 } }],
    evaluators: { doubled: (output) => output % 2 === 0 },
    testMode: true,
  });
  expect(seen).toEqual([1, 3]);
  expect(result.results.map((datapoint) => datapoint.output)).toEqual([2, undefined, 6]);
  expect(result.results[1].error).toMatch(/^the datapoint could not be read: /);
  expect(result.summary.doubled).toMatchObject({ count: 2, passed: 2 });
});

it.each([
  ["a Proxy whose every trap throws", () => everyTrapThrows()],
  ["a revoked Proxy", () => revoked()],
])("`inputs` that are %s reach the function as given; its own error is recorded, nothing escapes", async (_name, hostile) => {
  const result = await evaluate({
    function: ({ inputs }: { inputs: { n: number } }) => inputs.n,
    dataset: [{ inputs: hostile() as { n: number } }],
    testMode: true,
  });
  expect(result.results[0].error).toMatch(/^function threw: /);
});

it("a dataset that is a revoked Proxy or one whose traps throw is an options error, not the trap's", async () => {
  for (const dataset of [revoked(), everyTrapThrows()]) {
    const error = await evaluate({ function: () => 1, dataset: dataset as [], testMode: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).name).toBe("EvaluateOptionsError");
  }
});

// gaps-sdk-6: the options themselves. A getter of `options.function` (or any option) that throws, an
// `options` Proxy whose traps throw, `evaluators` that are such a Proxy or revoked, an evaluator whose
// `name` cannot be read: each rejected evaluate() with its own raw error. Now an EvaluateOptionsError that
// names the option, with the trap's error kept as its `cause`.
const throwingOption = (name: string): Record<string, unknown> => {
  const options: Record<string, unknown> = { function: () => 1, dataset: [{ inputs: {} }], testMode: true };
  return Object.defineProperty(options, name, { get: () => { throw new Error(TRAP_ERROR); }, enumerable: true });
};
const unnamed = Object.defineProperty(() => 1, "name", { get: () => { throw new Error(TRAP_ERROR); } });

it.each([
  ["`function`'s getter throws", () => throwingOption("function"), /^evaluate\(\): option `function` could not be read: Error: trap-error/],
  ["`evaluators`' getter throws", () => throwingOption("evaluators"), /^evaluate\(\): option `evaluators` could not be read: /],
  ["`metadata`'s getter throws", () => throwingOption("metadata"), /^evaluate\(\): option `metadata` could not be read: /],
  ["the options are a Proxy whose every trap throws", () => everyTrapThrows(), /^evaluate\(\): option `function` could not be read: /],
  [
    "`evaluators` are a Proxy whose every trap throws",
    () => ({ function: () => 1, dataset: [{ inputs: {} }], testMode: true, evaluators: everyTrapThrows() }),
    /^evaluate\(\): `evaluators` could not be read: Error: trap-error/,
  ],
  [
    "`evaluators` are a revoked Proxy",
    () => ({ function: () => 1, dataset: [{ inputs: {} }], testMode: true, evaluators: revoked() }),
    /^evaluate\(\): `evaluators` could not be read: TypeError: /,
  ],
  [
    "an evaluator's `name` getter throws",
    () => ({ function: () => 1, dataset: [{ inputs: {} }], testMode: true, evaluators: [unnamed] }),
    /^evaluate\(\): `evaluators` could not be read: Error: trap-error/,
  ],
])("options where %s reject with an EvaluateOptionsError that keeps the cause", async (_name, options, message) => {
  const error = await evaluate(options() as never).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).name).toBe("EvaluateOptionsError");
  expect((error as Error).message).toMatch(message);
  expect((error as Error).cause).toBeInstanceOf(Error);
});

it("each option is read once: the checks and the run see the same function, dataset and evaluators", async () => {
  const reads = new Map<string, number>();
  const functions = [(datapoint: { inputs: { n: number } }) => datapoint.inputs.n, () => { throw new Error("a second read"); }];
  const options = new Proxy(
    { dataset: [{ inputs: { n: 2 } }], evaluators: { same: (output: number) => output === 2 }, testMode: true },
    {
      get(target, key, receiver) {
        if (typeof key === "string") reads.set(key, (reads.get(key) ?? 0) + 1);
        if (key === "function") return functions[Math.min((reads.get(key) ?? 1) - 1, 1)];
        return Reflect.get(target, key, receiver) as unknown;
      },
    },
  );
  const result = await evaluate(options as never);
  expect(result.results[0]).toMatchObject({ output: 2, metrics: { same: true } });
  expect(result.results[0].error).toBeUndefined();
  expect([...reads.values()].every((count) => count === 1)).toBe(true);
});

it("`this` inside the function is still the options object", async () => {
  const options = {
    factor: 3,
    function(this: { factor: number }, { inputs }: { inputs: { n: number } }) {
      return inputs.n * this.factor;
    },
    dataset: [{ inputs: { n: 2 } }],
    testMode: true,
  };
  expect((await evaluate(options)).results[0].output).toBe(6);
});

it("a wrong value is described by its type, never quoted, and one whose toString() throws is not thrown", async () => {
  const hostile = { toString: () => { throw new Error(TRAP_ERROR); } };
  const error = await evaluate({ function: () => 1, dataset: [], testMode: true, maxConcurrency: hostile as never }).catch((caught: unknown) => caught);
  expect((error as Error).name).toBe("EvaluateOptionsError");
  expect((error as Error).message).toMatch(/`maxConcurrency` must be a positive integer, got an object/);
  // A string is not quoted either: it may be a key passed in the wrong place.
  const misplaced = await evaluate({ function: () => 1, dataset: [], testMode: true, datapointTimeoutMs: "hh-misplaced-key-123" as never }).catch(
    (caught: unknown) => caught,
  );
  expect((misplaced as Error).message).toMatch(/`datapointTimeoutMs` must be a positive number of milliseconds \(or Infinity\), got a string$/);
});
