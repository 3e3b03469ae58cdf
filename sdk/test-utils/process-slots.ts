// A bound on the child processes a test file runs at once. Cases that wait (a deadline, the exit
// flush) run concurrently, but a child's timings are measured inside it: one that starts among too many
// others on a loaded 2-core machine is starved of CPU and misses a bound it would keep alone. A case
// waits for a slot before its child starts, so the wait is never part of what it measures.
export function processSlots(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
