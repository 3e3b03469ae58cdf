// Deadlines for flush and shutdown: waiting on the backend must end in time. The timers here are
// deliberately not unref'd: the application awaits these promises, and an unref'd timer let Node.js
// exit with the await still pending (ESM: exit code 13; CJS: the code after the await silently
// skipped). A timer lives at most until its deadline, so it cannot keep a process alive for longer.

import { MAX_TIMER_MS } from "./config.js";

/** The value of `promise` if it settles within `ms`, else `fallback`; a rejection also yields `fallback`. */
export function valueWithin<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  if (!(ms > 0)) return Promise.resolve(fallback);
  return new Promise((resolve) => {
    // Capped: a longer delay would overflow Node's timer and fire after 1 ms.
    const timer = setTimeout(() => resolve(fallback), Math.min(ms, MAX_TIMER_MS));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** True when `promise` settles (either way) within `ms`. */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return valueWithin(
    promise.then(
      () => true,
      () => true,
    ),
    ms,
    false,
  );
}

/** Waits until `pending` is empty (members may be added while waiting), at most until `deadline`. */
export async function drainWithin(pending: Set<Promise<unknown>>, deadline: number): Promise<boolean> {
  while (pending.size > 0) {
    if (!(await settlesWithin(Promise.allSettled([...pending]), deadline - Date.now()))) return false;
  }
  return true;
}
