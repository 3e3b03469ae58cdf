// One datapoint whose function (or evaluator) never settles must not keep evaluate() pending forever:
// after `datapointTimeoutMs` it is recorded with a timeout error and the run completes.
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectKeptDeadline, timeAgainstDeadline } from "../test-utils/deadline.js";
import { useFakeBackend } from "../test-utils/use-fake-backend.js";
import { DEFAULT_DATAPOINT_TIMEOUT_MS, evaluate, EvaluateOptionsError } from "./index.js";

const TIMEOUT_MS = 300;
/** How long a test waits for evaluate() before failing it as hung (under the test's 30 s timeout, so it says why). */
const HANG_GUARD_MS = 20_000;
const never = new Promise<never>(() => {});

const backend = useFakeBackend();
afterEach(() => {
  vi.restoreAllMocks();
});

/** evaluate(), or a rejection if it is still pending after HANG_GUARD_MS (so a hang fails the test instead of timing it out). */
function settled<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still pending after ${HANG_GUARD_MS} ms`)), HANG_GUARD_MS).unref()),
  ]);
}

/**
 * Runs `stuck` (an evaluate() with a datapoint that never settles) against its datapoint deadline, and `healthy` (the
 * same without the hang) at the same time: the run's own work costs what the machine's load makes it cost, and the
 * deadline comes on top (test-utils/deadline.ts), instead of a fixed slack that load broke.
 */
async function keptDatapointDeadline<T>(stuck: () => Promise<T>, healthy: () => Promise<unknown>): Promise<T> {
  const [{ value, timing }, workMs] = await Promise.all([
    timeAgainstDeadline(TIMEOUT_MS, () => settled(stuck())),
    (async () => {
      const started = performance.now();
      await settled(healthy());
      return performance.now() - started;
    })(),
  ]);
  expectKeptDeadline(timing, TIMEOUT_MS, "evaluate() with a datapoint that never settles", workMs);
  return value;
}

describe("datapointTimeoutMs", () => {
  it("records a datapoint whose function never settles as timed out, and completes the run", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const run = (hangs: boolean) =>
      evaluate({
        name: hangs ? "one-hangs" : "none-hangs",
        function: async ({ inputs }: { inputs: { n: number } }) => (hangs && inputs.n === 1 ? never : inputs.n * 10),
        dataset: [{ inputs: { n: 0 } }, { inputs: { n: 1 } }, { inputs: { n: 2 } }],
        evaluators: { positive: (output: number) => output >= 0 },
        apiKey: "hh-test-key-timeout",
        serverUrl: backend().url,
        datapointTimeoutMs: TIMEOUT_MS,
      });
    const evaluation = await keptDatapointDeadline(() => run(true), () => run(false));

    expect(evaluation.results.map((result) => [result.output, result.metrics, result.error])).toEqual([
      [0, { positive: true }, undefined],
      [undefined, {}, `timed out after ${TIMEOUT_MS} ms (datapointTimeoutMs)`],
      [20, { positive: true }, undefined],
    ]);
    // The timed-out datapoint's session carries the error, and the run is marked completed with all three.
    const updates = backend().requestsTo("PUT", "/events").map((request) => request.body as { event_id: string; error?: string });
    expect(updates.find((update) => update.event_id === evaluation.results[1].sessionId)?.error).toMatch(/timed out/);
    const [completion] = backend().requestsTo("PUT", `/runs/${evaluation.runId}`);
    expect(completion.body).toEqual({ event_ids: evaluation.results.map((result) => result.sessionId), status: "completed" });
  });

  it("also bounds an evaluator that never settles", async () => {
    const run = (evaluator: () => Promise<number>) =>
      evaluate({
        function: ({ inputs }: { inputs: { n: number } }) => inputs.n,
        dataset: [{ inputs: { n: 1 } }],
        evaluators: { stuck: evaluator },
        testMode: true,
        datapointTimeoutMs: TIMEOUT_MS,
      });
    const evaluation = await keptDatapointDeadline(() => run(() => never), () => run(async () => 1));
    expect(evaluation.results[0].error).toBe(`timed out after ${TIMEOUT_MS} ms (datapointTimeoutMs)`);
  });

  it("defaults to five minutes and rejects values that cannot be a timeout", async () => {
    expect(DEFAULT_DATAPOINT_TIMEOUT_MS).toBe(300_000);
    for (const datapointTimeoutMs of [0, -1, Number.NaN]) {
      await expect(
        evaluate({ function: () => 1, dataset: [{ inputs: {} }], testMode: true, datapointTimeoutMs }),
      ).rejects.toThrow(EvaluateOptionsError);
    }
    const unbounded = await evaluate({ function: () => 1, dataset: [{ inputs: {} }], testMode: true, datapointTimeoutMs: Infinity });
    expect(unbounded.results[0].output).toBe(1);
  });
});
