import { setTimeout as delay } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HoneyHiveTracer, trace } from "../index.js";
import { FakeHoneyHiveBackend } from "../test-utils/fake-backend.js";
import { evaluate, EvaluateOptionsError, ExperimentApiError, type Datapoint } from "./index.js";

const API_KEY = "hh-test-key-evaluate";
const DATAPOINT_COUNT = 50;
const MAX_CONCURRENCY = 8;

const numberedDataset = (count: number): Datapoint<{ n: number }, number>[] =>
  Array.from({ length: count }, (_, n) => ({ inputs: { n }, groundTruth: n * 2 }));

/** The datapoint a span was made for: the traced functions below take the datapoint or its number. */
function datapointNumberOf(params: unknown): number {
  const [argument] = JSON.parse(String(params)) as [number | { inputs: { n: number } }];
  return typeof argument === "number" ? argument : argument.inputs.n;
}

let backend: FakeHoneyHiveBackend;
beforeAll(async () => {
  backend = await FakeHoneyHiveBackend.start();
});
afterAll(async () => {
  await backend.close();
});
afterEach(() => {
  backend.heal();
  backend.requests.length = 0;
  vi.restoreAllMocks();
});

describe("evaluate() with 50 datapoints and maxConcurrency 8", () => {
  it("gives every datapoint its own session, where implicit trace() inside the function records", async () => {
    const warnings = vi.spyOn(console, "warn");
    let running = 0;
    let highestRunning = 0;
    // Implicit trace(): no tracer option, as the seeds recommend for code run by evaluate().
    const double = trace({ eventType: "tool", eventName: "double" }, async (n: number) => {
      await delay(1 + (n % 4));
      return n * 2;
    });
    const pipeline = trace({ eventType: "chain", eventName: "pipeline" }, async (datapoint: Datapoint<{ n: number }, number>) => {
      highestRunning = Math.max(highestRunning, ++running);
      try {
        return await double(datapoint.inputs.n);
      } finally {
        running--;
      }
    });

    const evaluation = await evaluate({
      name: "fifty",
      function: pipeline,
      dataset: numberedDataset(DATAPOINT_COUNT),
      evaluators: { exact: (output, _inputs, groundTruth) => output === groundTruth },
      apiKey: API_KEY,
      project: "experiments",
      serverUrl: backend.url,
      maxConcurrency: MAX_CONCURRENCY,
    });

    // The pool is real: the limit is reached and never exceeded.
    expect(highestRunning).toBe(MAX_CONCURRENCY);
    expect(evaluation.results.map((result) => result.output)).toEqual(numberedDataset(DATAPOINT_COUNT).map((d) => d.groundTruth));
    expect(evaluation.summary.exact).toEqual({ kind: "boolean", count: DATAPOINT_COUNT, passed: DATAPOINT_COUNT, passRate: 1 });
    const sessionIds = evaluation.results.map((result) => result.sessionId);
    expect(new Set(sessionIds).size).toBe(DATAPOINT_COUNT);

    // Every session was started on the backend, linked to the run.
    const started = backend.startedSessions();
    expect(started).toHaveLength(DATAPOINT_COUNT);
    for (const session of started) {
      expect(session.metadata).toMatchObject({ run_id: evaluation.runId });
      const index = (session.metadata as { datapoint_index: number }).datapoint_index;
      expect(session.session_id).toBe(sessionIds[index]);
      expect(session.inputs).toEqual({ n: index });
    }

    // Both implicit spans of each datapoint landed in that datapoint's session and nowhere else.
    const spans = backend.spans();
    expect(spans).toHaveLength(DATAPOINT_COUNT * 2);
    for (const span of spans) {
      const n = datapointNumberOf(span.attributes["honeyhive_inputs._params_"]);
      expect(span.attributes["honeyhive.session_id"], `${span.name} of datapoint ${n}`).toBe(sessionIds[n]);
    }
    // evaluate() never fell back to a default tracer.
    expect(warnings.mock.calls.flat().join("\n")).not.toMatch(/default tracer|found no tracer/);

    const [runCompletion] = backend.requestsTo("PUT", `/runs/${evaluation.runId}`);
    expect(runCompletion.body).toEqual({ event_ids: sessionIds, status: "completed" });
  });

  it("puts every datapoint into ONE session when the function is bound to a module-level tracer (the anti-pattern)", async () => {
    // What the seeds warn about: a tracer initialized next to evaluate() and passed to trace().
    const moduleTracer = HoneyHiveTracer.init({ project: "experiments", sessionName: "module", testMode: true });
    const pipeline = trace({ tracer: moduleTracer, eventType: "chain" }, async (datapoint: Datapoint<{ n: number }, number>) => {
      await delay(1);
      return datapoint.inputs.n * 2;
    });

    const evaluation = await evaluate({
      name: "bound-to-module-tracer",
      function: pipeline,
      dataset: numberedDataset(DATAPOINT_COUNT),
      testMode: true,
      maxConcurrency: MAX_CONCURRENCY,
    });

    const spans = moduleTracer.getFinishedSpans();
    expect(spans).toHaveLength(DATAPOINT_COUNT);
    const sessionsOfSpans = new Set(spans.map((span) => span.attributes["honeyhive.session_id"]));
    expect(sessionsOfSpans).toEqual(new Set([moduleTracer.sessionId]));
    // ...and none of the 50 sessions evaluate() made for the datapoints received anything.
    expect(evaluation.results.map((result) => result.sessionId)).not.toContain(moduleTracer.sessionId);
    await moduleTracer.shutdown();
  });
});

describe("evaluate() results", () => {
  it("records a failing function or evaluator on its datapoint and finishes the run", async () => {
    const evaluation = await evaluate({
      name: "failures",
      function: ({ inputs }: Datapoint<{ n: number }>) => {
        if (inputs.n === 1) throw new Error("no answer for 1");
        return inputs.n;
      },
      dataset: [{ inputs: { n: 0 } }, { inputs: { n: 1 } }, { inputs: { n: 2 } }],
      evaluators: [
        function score(output: number) {
          return output * 10;
        },
        function picky(output: number) {
          if (output === 2) throw new Error("cannot judge 2");
          return true;
        },
      ],
      apiKey: API_KEY,
      serverUrl: backend.url,
    });

    expect(evaluation.results.map(({ output, metrics, error }) => ({ output, metrics, error }))).toEqual([
      { output: 0, metrics: { score: 0, picky: true }, error: undefined },
      { output: undefined, metrics: {}, error: "function threw: Error: no answer for 1" },
      { output: 2, metrics: { score: 20 }, error: "evaluator picky threw: Error: cannot judge 2" },
    ]);
    expect(evaluation.summary).toEqual({
      score: { kind: "numeric", count: 2, mean: 10, min: 0, max: 20 },
      picky: { kind: "boolean", count: 1, passed: 1, passRate: 1 },
    });
    // The session of each datapoint got its outputs, metrics and error.
    const updates = backend.requestsTo("PUT", "/events").map((request) => request.body as Record<string, unknown>);
    const updateOf = (index: number) => updates.find((update) => update.event_id === evaluation.results[index].sessionId);
    expect(updateOf(0)).toMatchObject({ outputs: { output: 0 }, metrics: { score: 0, picky: true } });
    expect(updateOf(1)).toMatchObject({ error: "function threw: Error: no answer for 1" });
    expect(backend.requestsTo("PUT", `/runs/${evaluation.runId}`)).toHaveLength(1);
  });

  // review-sdk4: an output that is a Proxy refusing getPrototypeOf made building the session's outputs
  // throw; the datapoint's final flush was skipped (its tracer never flushed nor shut down, the
  // datapoint counted as an outage) and its outputs never sent.
  it("flushes and records a datapoint whose output is a Proxy that refuses getPrototypeOf", async () => {
    const awkward = new Proxy(
      { answer: 42 },
      {
        getPrototypeOf() {
          throw new Error("no prototype for you");
        },
      },
    );
    const evaluation = await evaluate({
      function: trace(function awkwardOutput(_datapoint: Datapoint<{ n: number }>) {
        return awkward;
      }),
      dataset: [{ inputs: { n: 1 } }],
      apiKey: API_KEY,
      serverUrl: backend.url,
      timeoutMs: 5_000,
    });
    // Compared by identity: the matchers would ask the Proxy for its prototype too.
    expect(evaluation.results[0].error).toBeUndefined();
    expect(evaluation.results[0].output === awkward).toBe(true);
    expect(evaluation.results[0].error).toBeUndefined();
    // Flushed before evaluate() resolved: the outputs update and the datapoint's span are at the backend.
    const update = backend.requestsTo("PUT", "/events").map((request) => request.body as Record<string, unknown>);
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({ event_id: evaluation.results[0].sessionId, outputs: { output: "[unserializable]" } });
    expect(backend.spans().map((span) => span.name)).toContain("awkwardOutput");
  });

  it("accepts ground_truth as written for the Python SDK and passes { inputs, groundTruth } to the function", async () => {
    const seen: unknown[] = [];
    await evaluate({
      function: (datapoint) => seen.push(datapoint),
      dataset: [{ inputs: { q: "a" }, ground_truth: "A" } as unknown as Datapoint],
      testMode: true,
    });
    expect(seen).toEqual([{ inputs: { q: "a" }, groundTruth: "A" }]);
  });

  it("makes no request at all in test mode and generates the run id locally", async () => {
    const evaluation = await evaluate({
      name: "offline",
      function: ({ inputs }: Datapoint<{ n: number }>) => inputs.n,
      dataset: numberedDataset(3),
      serverUrl: backend.url,
      apiKey: API_KEY,
      testMode: true,
    });
    expect(evaluation.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(evaluation.results).toHaveLength(3);
    expect(backend.requests).toEqual([]);
  });

  it("keeps datapoints out of the session and trace of the caller", async () => {
    const outerTracer = HoneyHiveTracer.init({ project: "outer", testMode: true });
    const outerSessionId = outerTracer.createSession({ sessionName: "request" });
    const evaluation = await outerTracer.startSpan("request", () =>
      evaluate({
        function: trace({ eventName: "inner" }, async () => "ok"),
        dataset: numberedDataset(2),
        apiKey: API_KEY,
        serverUrl: backend.url,
      }),
    );
    const spans = backend.spans();
    expect(spans.map((span) => span.attributes["honeyhive.session_id"])).not.toContain(outerSessionId);
    expect(new Set(spans.map((span) => span.attributes["honeyhive.session_id"]))).toEqual(
      new Set(evaluation.results.map((result) => result.sessionId)),
    );
    expect(spans.every((span) => span.parentSpanId === undefined)).toBe(true);
    await outerTracer.shutdown();
  });
});

describe("evaluate() errors", () => {
  const base = { function: () => 1, testMode: true } as const;

  it.each([
    ["no function", { dataset: [] }, /`function` is required/],
    ["neither dataset nor datasetId", { ...base }, /pass `dataset`.*or `datasetId`/],
    ["both dataset and datasetId", { ...base, dataset: [], datasetId: "d" }, /either `dataset` or `datasetId`, not both/],
    ["a dataset that is not an array", { ...base, dataset: "rows" }, /`dataset` must be an array/],
    ["a datapoint that is not an object", { ...base, dataset: [1] }, /dataset\[0\] must be an object/],
    ["a bad maxConcurrency", { ...base, dataset: [], maxConcurrency: 0 }, /`maxConcurrency` must be a positive integer/],
    ["an evaluator that is not a function", { ...base, dataset: [], evaluators: { x: 1 } }, /evaluator x is not a function/],
    ["datasetId in test mode", { ...base, datasetId: "d" }, /`datasetId` needs the HoneyHive API/],
  ])("rejects %s with a clear message", async (_case, options, message) => {
    // The invalid shapes are the point of the test, so they bypass the option types.
    const attempt = evaluate(options as unknown as Parameters<typeof evaluate>[0]);
    await expect(attempt).rejects.toThrow(EvaluateOptionsError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("rejects without an API key outside test mode", async () => {
    vi.stubEnv("HH_API_KEY", "");
    vi.stubEnv("HH_TEST_MODE", "");
    try {
      await expect(evaluate({ function: () => 1, dataset: [] })).rejects.toThrow(/no API key/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("rejects, before running any datapoint, when the run cannot be created — without leaking the key", async () => {
    backend.inject({ status: 500, path: /^\/runs/ });
    const evaluated = vi.fn();
    const attempt = evaluate({ function: evaluated, dataset: numberedDataset(3), apiKey: API_KEY, serverUrl: backend.url });
    await expect(attempt).rejects.toThrow(ExperimentApiError);
    await expect(attempt).rejects.toThrow(/could not create the run.*HTTP 500/);
    await attempt.catch((error: Error) => expect(String(error.stack)).not.toContain(API_KEY));
    expect(evaluated).not.toHaveBeenCalled();
    expect(backend.startedSessions()).toEqual([]);
  });
});
