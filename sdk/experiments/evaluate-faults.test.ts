// evaluate()'s calls to the HoneyHive API against every fault a backend can produce
// (test-utils/backend-faults.ts), one path at a time: fetching the dataset (`GET /datapoints`),
// creating the run (`POST /runs`), and everything after the run exists (each datapoint's session and
// spans, and completing the run with `PUT /runs/<id>`). Without the dataset or the run, evaluate()
// rejects with an ExperimentApiError (never a TypeError from inside the SDK), before running any
// datapoint; after the run exists, it resolves with every result. Either way within its deadlines,
// and without the API key in any error or log line.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BACKEND_FAULTS, backendWith } from "../test-utils/backend-faults.js";
import { expectKeptDeadline, timeAgainstDeadline } from "../test-utils/deadline.js";
import { decodeOtlpSpans, FakeHoneyHiveBackend, type FakeDatapoint } from "../test-utils/fake-backend.js";
import { trace } from "../index.js";
import { captureLogs, type LogCapture } from "../test-utils/log-capture.js";
import { evaluate, ExperimentApiError } from "./index.js";

const API_KEY = "hh-evaluate-faults-secret-key";
/** evaluate()'s deadline for each call: short, so the file stays fast. */
const TIMEOUT_MS = 400;
/**
 * The deadline of a run whose dataset and run creation must succeed (the fault is on the later paths):
 * those calls go to a stand-in in this process, which answers them in a turn of its event loop, and with
 * the file's cases and other files at once on a loaded 2-core machine a turn took longer than 400 ms
 * (the run was refused with a timeout of its healthy `POST /runs`).
 */
const AFTER_RUN_TIMEOUT_MS = 2_000;
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

/**
 * Runs evaluate() over DATASET, timed against `deadlines` of its calls one after the other (against this
 * process's clock at the time: test-utils/deadline.ts; the cases run at once beside other files). With
 * `beside`, the same evaluate() against a healthy backend runs at the same time: what the run's own work
 * costs under the machine's load now, on top of which the deadlines come.
 */
async function run(url: string, deadlines: number, beside?: () => Promise<unknown>, timeoutMs = TIMEOUT_MS) {
  const evaluated = vi.fn((datapoint: { inputs: { n: number } }) => datapoint.inputs.n * 2);
  const [{ value: outcome, timing }, work] = await Promise.all([
    timeAgainstDeadline(deadlines * timeoutMs, () =>
      evaluate({ function: evaluated, datasetId: "ds", apiKey: API_KEY, serverUrl: url, timeoutMs, maxConcurrency: 2 }).then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      ),
    ),
    beside ? healthyRunMs(beside) : 0,
  ]);
  expectKeptDeadline(timing, deadlines * timeoutMs, `evaluate() in ${deadlines} deadlines`, work);
  return { ...outcome, evaluated };
}

/** How long `evaluate` takes against a healthy backend now (it must resolve). */
async function healthyRunMs(evaluateHealthy: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await evaluateHealthy();
  return performance.now() - started;
}

/**
 * evaluate() rejects with an ExperimentApiError, key-free, within the failing call's deadline, before
 * running a datapoint. The deadline comes on top of what evaluate() costs up to that call (the dataset's
 * call when the run's creation fails): the same evaluate() at the same time against a backend that
 * answers that call at once with a 400 (on every path when `path` is undefined).
 */
async function expectRejectedInTime(url: string, close: () => Promise<void>, path?: RegExp): Promise<void> {
  const refusing = await FakeHoneyHiveBackend.start({ datasets: DATASET });
  refusing.inject({ status: 400, ...(path ? { path } : {}) });
  try {
    const evaluateRefused = () =>
      evaluate({ function: () => 1, datasetId: "ds", apiKey: API_KEY, serverUrl: refusing.url, timeoutMs: 10_000 }).catch((error: unknown) => error);
    const { error, evaluated } = await run(url, 1, evaluateRefused);
    expect(error).toBeInstanceOf(ExperimentApiError);
    expect(everythingIn(error)).not.toContain(API_KEY);
    expect(evaluated).not.toHaveBeenCalled();
  } finally {
    await Promise.all([close(), refusing.close()]);
  }
}

// A fault on one path at a time; the connection-level faults (refused, closed on accept) cannot be put
// on one path, so they are tested on every path at once below.
describe.concurrent.each(BACKEND_FAULTS.filter((testCase) => !testCase.connectionLevel))("a backend that $name", (testCase) => {
  it("when fetching the dataset: rejects with ExperimentApiError in time, runs nothing", async () => {
    const { url, close } = await backendWith(testCase, /^\/datapoints$/, { datasets: DATASET });
    await expectRejectedInTime(url, close, /^\/datapoints$/);
  });

  it("when creating the run: rejects with ExperimentApiError in time, runs nothing", async () => {
    const { url, close } = await backendWith(testCase, /^\/runs$/, { datasets: DATASET });
    await expectRejectedInTime(url, close, /^\/runs$/);
  });

  it("after the run exists (sessions, spans, run completion): resolves with every result in time", async () => {
    const { url, close } = await backendWith(testCase, /^\/(session\/start|events|opentelemetry\/v1\/traces|runs\/.+)$/, { datasets: DATASET });
    const healthy = await FakeHoneyHiveBackend.start({ datasets: DATASET });
    try {
      // Per datapoint one final flush (its tracer's shutdown; the two at once), then the run's completion:
      // each bounded by the deadline.
      // The healthy run's own deadline is long: under load a healthy call can take longer than TIMEOUT_MS.
      const evaluateHealthy = () => evaluate({ function: () => 1, datasetId: "ds", apiKey: API_KEY, serverUrl: healthy.url, timeoutMs: 10_000, maxConcurrency: 2 });
      const { value, error } = await run(url, 2, evaluateHealthy, AFTER_RUN_TIMEOUT_MS);
      expect(error).toBeUndefined();
      expect(value?.results.map((result) => result.output)).toEqual([2, 4]);
    } finally {
      await Promise.all([close(), healthy.close()]);
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

// review-sdk4: a datapoint's id went into DatapointResult.datapointId (typed string) unchecked.
it("refuses a dataset whose datapoint id is not a string, and keeps string, null and missing ids", async () => {
  const odd = [
    { id: "dp-1", inputs: { n: 1 } },
    { id: { $oid: "65f0c0ffee" }, inputs: { n: 2 } },
  ] as unknown as FakeDatapoint[];
  const plain = [{ id: "dp-1", inputs: { n: 1 } }, { id: null, inputs: { n: 2 } }, { inputs: { n: 3 } }] as unknown as FakeDatapoint[];
  const backend = await FakeHoneyHiveBackend.start({ datasets: { odd, numeric: [{ id: 7, inputs: {} }] as unknown as FakeDatapoint[], plain } });
  try {
    const run = (datasetId: string) =>
      evaluate({ function: () => 1, datasetId, apiKey: API_KEY, serverUrl: backend.url, testMode: false, timeoutMs: 2_000 });
    const refused = await run("odd").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExperimentApiError);
    expect(String(refused)).toMatch(/datapoints\[1\]\.id that is not a string \(an object\)/);
    expect(String(refused)).not.toContain("65f0c0ffee");
    await expect(run("numeric")).rejects.toThrow(/datapoints\[0\]\.id that is not a string \(a number\)/);
    // Nothing ran for the refused datasets: no run was created, no session started.
    expect(backend.requestsTo("POST", "/runs")).toHaveLength(0);
    const result = await run("plain");
    expect(result.results.map((datapoint) => datapoint.datapointId)).toEqual(["dp-1", undefined, undefined]);
  } finally {
    await backend.close();
  }
});

it("keeps the spans of datapoints that end during an outage of a few seconds (each datapoint flushes within its own deadline)", async () => {
  // Every request answers 503 for OUTAGE_MS from the 3rd span export on; healthy (after 50 ms) otherwise.
  const OUTAGE_MS = 5_000;
  const delivered = new Set<string>();
  let exports = 0;
  let outageFrom = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const isExport = request.url === "/opentelemetry/v1/traces";
      if (isExport && ++exports === 3) outageFrom = Date.now();
      if (outageFrom > 0 && Date.now() < outageFrom + OUTAGE_MS) return void response.writeHead(503).end("{}");
      if (isExport) for (const span of decodeOtlpSpans(JSON.parse(Buffer.concat(chunks).toString("utf8")))) delivered.add(String(span.attributes["honeyhive.session_id"]));
      const answer = request.url === "/runs" && request.method === "POST" ? JSON.stringify({ run_id: "run-outage" }) : "{}";
      setTimeout(() => response.writeHead(200, { "content-type": "application/json" }).end(answer), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const step = trace({ eventType: "tool", eventName: "step" }, async (n: number) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return n;
    });
    const result = await evaluate({
      function: (datapoint: { inputs: { n: number } }) => step(datapoint.inputs.n),
      dataset: Array.from({ length: 30 }, (_, n) => ({ inputs: { n } })),
      apiKey: API_KEY,
      serverUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      // Longer than the outage, and the outage longer than the retries of one export (~3.75 s).
      timeoutMs: 8_000,
      maxConcurrency: 5,
    });
    const lost = result.results.filter((datapoint) => !delivered.has(datapoint.sessionId)).length;
    process.stdout.write(`outage test: ${lost} of 30 datapoints lost their spans\n`);
    // With one breaker shared by the run's datapoint tracers, every datapoint that ended while it was
    // open lost its spans (review-sdk #1: 38-48 of 60 for a 5 s outage; here 28 of 30, against 5 now).
    expect(lost).toBeLessThanOrEqual(10);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}, 30_000);

// The run's outage memory (outage-memory.ts): once a datapoint's final flush failed, the next ones
// flush in the background (each with its own full deadline) instead of holding their pool slot, so a
// backend that hangs or fails on the datapoints' paths costs the run a few deadlines, not one per
// round of maxConcurrency datapoints. `refuses connections` cannot be put on these paths alone (the run
// needs the API): outage-memory.test.ts runs it with real datapoint tracers.
const OUTAGE_FAULTS = ["accepts and never answers", "answers 1 byte a second (status line, headers and body)", "resets the connection after reading the request", "answers bytes that are not HTTP", "answers 429 without Retry-After"];
describe.concurrent.each(BACKEND_FAULTS.filter((testCase) => OUTAGE_FAULTS.includes(testCase.name)))("an outage on the datapoints' paths: a backend that $name", (testCase) => {
  it("costs a run of 40 datapoints (2 at a time) a few deadlines, not 20 rounds of one", async () => {
    const DATAPOINTS = 40;
    const { url, close } = await backendWith(testCase, /^\/(session\/start|events|opentelemetry\/v1\/traces)$/);
    const healthy = await FakeHoneyHiveBackend.start();
    try {
      const step = trace({ eventType: "tool", eventName: "step" }, (n: number) => n * 2);
      const runAgainst = (serverUrl: string, timeoutMs: number) =>
        evaluate({
          function: (datapoint: { inputs: { n: number } }) => step(datapoint.inputs.n),
          dataset: Array.from({ length: DATAPOINTS }, (_, n) => ({ inputs: { n } })),
          apiKey: API_KEY,
          serverUrl,
          timeoutMs,
          maxConcurrency: 2,
        });
      // Before: each pair of datapoints waited for its flushes, 20 rounds of 400 ms (8.2-8.7 s on the
      // loaded bench machine, five cases at once; 2.5-2.9 s now, most of it making 40 tracers). Now a few
      // deadlines (eight allowed) on top of what the same run costs against a healthy backend at the same
      // time, against this process's clock (test-utils/deadline.ts).
      const [{ value: result, timing }, work] = await Promise.all([
        timeAgainstDeadline(8 * TIMEOUT_MS, () => runAgainst(url, TIMEOUT_MS)),
        // Its own deadline long: under load a healthy call can take longer than TIMEOUT_MS.
        healthyRunMs(() => runAgainst(healthy.url, 10_000)),
      ]);
      expect(result.results.map((datapoint) => datapoint.output)).toEqual(Array.from({ length: DATAPOINTS }, (_, n) => n * 2));
      expectKeptDeadline(timing, 8 * TIMEOUT_MS, "a run of 40 datapoints during an outage", work);
    } finally {
      await Promise.all([close(), healthy.close()]);
    }
    // Not a bound on the run (that is the deadline above, against this process's clock): the five cases
    // run at once, each making 80 tracers, and on a loaded machine they took longer than 20 s together.
  }, 90_000);
});
