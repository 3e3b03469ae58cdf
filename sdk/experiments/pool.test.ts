import { describe, expect, it } from "vitest";
import { runPool } from "./pool.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("runPool", () => {
  it("starts the next task as soon as any running task settles, not in batches", async () => {
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const pool = runPool(4, 2, async (index) => {
      started.push(index);
      await gates[index].promise;
      return index * 10;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1].resolve(); // task 0 is still running: a batch pool would wait for it
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[2].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[0].resolve();
    gates[3].resolve();
    expect(await pool).toEqual([0, 10, 20, 30]);
  });

  it("never runs more than the limit at once and reaches it", async () => {
    let running = 0;
    let highest = 0;
    await runPool(30, 5, async () => {
      highest = Math.max(highest, ++running);
      await tick();
      running--;
    });
    expect(highest).toBe(5);
  });

  it("handles an empty input and a limit above the count", async () => {
    expect(await runPool(0, 4, async () => 1)).toEqual([]);
    expect(await runPool(2, 10, async (index) => index)).toEqual([0, 1]);
  });
});
