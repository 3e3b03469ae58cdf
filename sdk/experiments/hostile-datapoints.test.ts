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
