// evaluate()'s calls to the HoneyHive API against every fault a backend can produce
// (test-utils/backend-faults.ts), one path at a time: fetching the dataset (`GET /datapoints`),
// creating the run (`POST /runs`), and everything after the run exists (each datapoint's session and
// spans, and completing the run with `PUT /runs/<id>`). Without the dataset or the run, evaluate()
// rejects with an ExperimentApiError (never a TypeError from inside the SDK), before running any
// datapoint; after the run exists, it resolves with every result. Either way within its deadlines,
// and without the API key in any error or log line.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BACKEND_FAULTS, backendWith } from "../test-utils/backend-faults.js";
import { FakeHoneyHiveBackend } from "../test-utils/fake-backend.js";
import { captureLogs, type LogCapture } from "../test-utils/log-capture.js";
import { evaluate, ExperimentApiError } from "./index.js";

const API_KEY = "hh-evaluate-faults-secret-key";
/** evaluate()'s deadline for each call: short, so the file stays fast. */
const TIMEOUT_MS = 400;
/** Slack for a loaded 2-core machine running five cases at once (and other test files beside). */
const SLACK_MS = 1_200;
const DATASET = { ds: [{ id: "dp-1", inputs: { n: 1 } }, { id: "dp-2", inputs: { n: 2 } }] };

let logs: LogCapture;
beforeAll(() => {
  logs = captureLogs();
});
afterAll(() => {
  logs.restore();
  expect(logs.lines.join("\n")).not.toContain(API_KEY);
});

/** Everything an error shows when printed or serialized, its causes included. */
function everythingIn(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(String(current), String((current as Error).stack), JSON.stringify(current) ?? "");
  }
  return parts.join("\n");
}

async function run(url: string) {
  const evaluated = vi.fn((datapoint: { inputs: { n: number } }) => datapoint.inputs.n * 2);
  const started = Date.now();
  const outcome = await evaluate({ function: evaluated, datasetId: "ds", apiKey: API_KEY, serverUrl: url, timeoutMs: TIMEOUT_MS, maxConcurrency: 2 }).then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, ms: Date.now() - started, evaluated };
}

/** evaluate() rejects with an ExperimentApiError, key-free, within its deadline, before running a datapoint. */
async function expectRejectedInTime(url: string, close: () => Promise<void>): Promise<void> {
  try {
    const { error, ms, evaluated } = await run(url);
    expect(error).toBeInstanceOf(ExperimentApiError);
    expect(everythingIn(error)).not.toContain(API_KEY);
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(evaluated).not.toHaveBeenCalled();
  } finally {
    await close();
  }
}

describe.concurrent.each(BACKEND_FAULTS)("a backend that $name", (testCase) => {
  it.skipIf(testCase.connectionLevel)("when fetching the dataset: rejects with ExperimentApiError in time, runs nothing", async () => {
    const { url, close } = await backendWith(testCase, /^\/datapoints$/, { datasets: DATASET });
    await expectRejectedInTime(url, close);
  });

  it.skipIf(testCase.connectionLevel)("when creating the run: rejects with ExperimentApiError in time, runs nothing", async () => {
    const { url, close } = await backendWith(testCase, /^\/runs$/, { datasets: DATASET });
    await expectRejectedInTime(url, close);
  });

  it.skipIf(testCase.connectionLevel)("after the run exists (sessions, spans, run completion): resolves with every result in time", async () => {
    const { url, close } = await backendWith(testCase, /^\/(session\/start|events|opentelemetry\/v1\/traces|runs\/.+)$/, { datasets: DATASET });
    try {
      const { value, error, ms } = await run(url);
      expect(error).toBeUndefined();
      expect(value?.results.map((result) => result.output)).toEqual([2, 4]);
      // Per datapoint: a flush and a shutdown; then the run's completion: each bounded by the deadline.
      expect(ms).toBeLessThan(3 * TIMEOUT_MS + SLACK_MS);
    } finally {
      await close();
    }
  });
});

describe.each(BACKEND_FAULTS.filter((testCase) => testCase.connectionLevel))("a backend that $name (every path)", (testCase) => {
  it("rejects with ExperimentApiError in time, runs nothing", async () => {
    const { url, close } = await backendWith(testCase);
    await expectRejectedInTime(url, close);
  });
});

it("fetches a dataset larger than the 1 MB other answers are capped at", async () => {
  // About 2.5 MB of datapoints: before, the answer was cut at 1 MB and the run failed as "without a datapoints array".
  const large = Array.from({ length: 24 }, (_, n) => ({ id: `dp-${n}`, inputs: { n, text: "x".repeat(100_000) } }));
  const backend = await FakeHoneyHiveBackend.start({ datasets: { large } });
  try {
    const result = await evaluate({
      function: (datapoint: { inputs: { n: number } }) => datapoint.inputs.n,
      datasetId: "large",
      apiKey: API_KEY,
      serverUrl: backend.url,
      testMode: false,
      maxConcurrency: 8,
    });
    expect(result.results).toHaveLength(large.length);
    expect(result.results.at(-1)?.output).toBe(large.length - 1);
  } finally {
    await backend.close();
  }
});

it("finds an outage once per run: the datapoints after it do not each wait a whole deadline", async () => {
  const hung = BACKEND_FAULTS.find((testCase) => testCase.fault?.mode === "hang")!;
  const { url, close } = await backendWith(hung, /^\/(session\/start|events|opentelemetry\/v1\/traces)$/);
  try {
    const started = Date.now();
    const result = await evaluate({
      function: (datapoint: { inputs: { n: number } }) => datapoint.inputs.n,
      dataset: Array.from({ length: 20 }, (_, n) => ({ inputs: { n } })),
      apiKey: API_KEY,
      serverUrl: url,
      timeoutMs: TIMEOUT_MS,
      maxConcurrency: 2,
    });
    expect(result.results.map((datapoint) => datapoint.output)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    // Before: every datapoint's flush waited its own 400 ms, 10 rounds of them (4.3 s on the bench machine).
    expect(Date.now() - started).toBeLessThan(4 * TIMEOUT_MS + SLACK_MS);
  } finally {
    await close();
  }
});
