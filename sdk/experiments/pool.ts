// A bounded worker pool: at most `concurrency` tasks run at once and the next task starts as soon as
// any running one settles (not in fixed batches, where one slow datapoint would hold up the rest).

/**
 * Runs `task(0) … task(count - 1)` with at most `concurrency` in flight and resolves with their
 * results in index order. `task` is expected to settle (not reject); a rejection rejects the pool.
 */
export async function runPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < count) {
      const index = nextIndex++;
      results[index] = await task(index);
    }
  };
  const workerCount = Math.max(1, Math.min(concurrency, count));
  await Promise.all(Array.from({ length: workerCount }, worker));
  return results;
}
