// The run's outage memory (outage-memory.ts): while the backend is fine a datapoint waits for its final
// flush in its pool slot; after a failed flush, and until one succeeds, the next datapoints flush in the
// background, bounded in number, each with its own full deadline; settle() waits for all of them.
import { expect, it } from "vitest";
import { initDatapointTracer } from "../datapoint-tracer.js";
import { FakeHoneyHiveBackend } from "../test-utils/fake-backend.js";
import { RunOutageMemory } from "./outage-memory.js";

const after = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

it("waits for a flush in the slot while the backend is fine, and in the background after one failed", async () => {
  const memory = new RunOutageMemory();
  let started = Date.now();
  await memory.finish(() => after(60, true));
  expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  expect(memory.inOutage).toBe(false);

  await memory.finish(() => after(60, false));
  expect(memory.inOutage).toBe(true);

  // During the outage: the caller goes on at once, the flush still runs to its end.
  const ended: number[] = [];
  started = Date.now();
  for (let n = 0; n < 20; n++) await memory.finish(() => after(100, false).finally(() => ended.push(n)));
  expect(Date.now() - started).toBeLessThan(80);
  expect(memory.backgroundFlushes).toBe(20);
  await memory.settle();
  expect(ended).toHaveLength(20);
  expect(memory.backgroundFlushes).toBe(0);
});

it("goes back to flushing in the slot once a flush succeeds, and counts a rejected flush as failed", async () => {
  const memory = new RunOutageMemory();
  await memory.finish(() => Promise.reject(new Error("should not happen")));
  expect(memory.inOutage).toBe(true);
  await memory.finish(() => after(10, true));
  await memory.settle();
  expect(memory.inOutage).toBe(false);
  const started = Date.now();
  await memory.finish(() => after(60, true));
  expect(Date.now() - started).toBeGreaterThanOrEqual(55);
});

it("runs at most maxBackground flushes at once: the next datapoint waits for room", async () => {
  const memory = new RunOutageMemory(3);
  await memory.finish(async () => false);
  let running = 0;
  let most = 0;
  const flush = async (): Promise<boolean> => {
    most = Math.max(most, ++running);
    await after(30, undefined);
    running--;
    return false;
  };
  for (let n = 0; n < 12; n++) await memory.finish(flush);
  await memory.settle();
  expect(most).toBe(3);
});

// gaps-sdk-4: a flush the backend refused (401, 403: it answered at once) is not an outage.
it("a refused flush is not an outage: the run stays in its slots, and a refusal after an outage ends it", async () => {
  const memory = new RunOutageMemory();
  await memory.finish(async () => ({ refused: 401 }));
  expect(memory.inOutage).toBe(false);
  let started = Date.now();
  await memory.finish(() => after(60, { refused: 403 }));
  expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  expect(memory.backgroundFlushes).toBe(0);

  await memory.finish(async () => false);
  expect(memory.inOutage).toBe(true);
  await memory.finish(() => after(20, { refused: 401 }));
  await memory.settle();
  expect(memory.inOutage).toBe(false);
  started = Date.now();
  await memory.finish(() => after(60, { refused: 401 }));
  expect(Date.now() - started).toBeGreaterThanOrEqual(55);
});

// A final flush that failed because a call was never sent (its deadline passed while the application
// kept the event loop busy) says nothing about the backend: it read as an outage and sent the run's next
// datapoints to the background. Now it neither starts an outage nor ends one.
it("a flush whose call was never sent (its deadline spent in a busy loop) neither starts nor ends an outage", async () => {
  const memory = new RunOutageMemory();
  await memory.finish(async () => ({ notSent: true }));
  expect(memory.inOutage).toBe(false);
  expect(memory.backgroundFlushes).toBe(0);

  await memory.finish(async () => false);
  expect(memory.inOutage).toBe(true);
  await memory.finish(() => after(20, { notSent: true }));
  await memory.settle();
  expect(memory.inOutage).toBe(true);
  // Nor does it hide what an older flush, ending after it, says.
  await memory.finish(() => after(80, false));
  await memory.finish(() => after(10, { notSent: true }));
  await memory.settle();
  expect(memory.inOutage).toBe(true);
});

// A refused backend cannot be limited to the tracer paths in evaluate() (the run needs the API too), so
// here real datapoint tracers against a refusing URL: 24 finished one after the other (one slot) cost
// about two deadlines, not 24: the first datapoint waits for its flush in the slot, every later one
// flushes in the background, and settle() waits for those together. Counted, not timed: which flushes
// had ended when their finish() returned (a wall-clock bound of the run missed under load).
it.each([
  ["refuses connections", async () => ({ url: await FakeHoneyHiveBackend.refusingUrl(), close: async () => {} })],
  [
    "accepts and never answers",
    async () => {
      const backend = await FakeHoneyHiveBackend.start();
      backend.inject({ mode: "hang" });
      return { url: backend.url, close: () => backend.close() };
    },
  ],
])("real datapoint tracers against a backend that %s cost the run about two deadlines, not one each", async (_name, start) => {
  const TIMEOUT_MS = 300;
  const DATAPOINTS = 24;
  const { url, close } = await start();
  const memory = new RunOutageMemory();
  try {
    const waitedInSlot: number[] = [];
    const outcomes: unknown[] = [];
    for (let n = 0; n < DATAPOINTS; n++) {
      const tracer = initDatapointTracer({ apiKey: "hh-outage-memory-key", serverUrl: url, timeoutMs: TIMEOUT_MS, runId: "run", source: "evaluation" });
      tracer.startSpan(`datapoint-${n}`, () => undefined);
      let ended = false;
      await memory.finish(async () => {
        try {
          const flushed = await tracer.forceFlush({ timeoutMs: TIMEOUT_MS });
          outcomes.push(flushed);
          return flushed;
        } finally {
          await tracer.shutdown({ timeoutMs: TIMEOUT_MS });
          ended = true;
        }
      });
      if (ended) waitedInSlot.push(n);
    }
    await memory.settle();
    // One slot, so before: every datapoint waited for its flush (24 × 300 ms = 7.2 s against a hung backend).
    expect(waitedInSlot).toEqual([0]);
    expect(outcomes).toEqual(Array.from({ length: DATAPOINTS }, () => false));
    expect(memory.backgroundFlushes).toBe(0);
    expect(memory.inOutage).toBe(true);
  } finally {
    await close();
  }
}, 20_000);

// review-sdk3 #2: flushes end out of order (a background flush started during the outage waits for its
// whole deadline against a hung backend, a later one delivers at once when the backend is back). The
// older failure used to be noted last and put the run back into background mode after it had recovered.
it("lets only the latest-started flush decide: an older flush failing late does not bring the outage back", async () => {
  const memory = new RunOutageMemory();
  await memory.finish(async () => false);
  expect(memory.inOutage).toBe(true);
  // Started during the outage: fails only at its deadline.
  await memory.finish(() => after(150, false));
  // Started later, after the backend came back: delivers at once.
  await memory.finish(() => after(5, true));
  await after(40, undefined);
  expect(memory.inOutage).toBe(false);
  await memory.settle();
  expect(memory.inOutage).toBe(false);
  // A newer failure still counts.
  await memory.finish(async () => false);
  expect(memory.inOutage).toBe(true);
});

// review-sdk3 #3: counting tracers alone let 256 datapoints of thousands of spans each wait in memory
// at once (each may hold up to maxQueueSize spans, 8192 by default, until its deadline).
it("holds at most maxSpans spans in the background (a datapoint larger than the budget goes alone)", async () => {
  const memory = new RunOutageMemory(256, 1_000);
  await memory.finish(async () => false);
  let held = 0;
  let most = 0;
  const flushOf = (spans: number) => async (): Promise<boolean> => {
    held += spans;
    most = Math.max(most, held);
    await after(30, undefined);
    held -= spans;
    return false;
  };
  for (let n = 0; n < 12; n++) await memory.finish(flushOf(300), 300);
  expect(most).toBe(900);
  await memory.finish(flushOf(5_000), 5_000);
  expect(memory.backgroundFlushes).toBe(1);
  await memory.finish(flushOf(10), 10);
  await memory.settle();
  expect(most).toBe(5_000);
  // Small datapoints still go many at once.
  for (let n = 0; n < 50; n++) await memory.finish(flushOf(10), 10);
  expect(memory.backgroundFlushes).toBe(50);
  await memory.settle();
});
