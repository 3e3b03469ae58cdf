// Deadlines for flush and shutdown: waiting on the backend must end in time. The timers here are
// deliberately not unref'd: the application awaits these promises, and an unref'd timer let Node.js
// exit with the await still pending (ESM: exit code 13; CJS: the code after the await silently
// skipped). A timer lives at most until its deadline, so it cannot keep a process alive for longer.

import { MAX_TIMER_MS } from "./config.js";

/** How far before Date.now() reaches a deadline its timer can fire (the two clocks' truncations). */
export const EARLY_TIMER_MS = 1;

/**
 * Calls `onDeadline` once `ms` have passed, one step later in the same turn of the event loop: after that
 * turn's I/O. Node.js runs timers before I/O in a turn, so when the application kept the loop busy past
 * the deadline, an answer that arrived in time would still be unread when the deadline's timer fired, and
 * be thrown away as a timeout. The step (setImmediate) reads what is already there and waits for nothing
 * that is not: the deadline grows by one turn of the loop at most. The step is always ref'd: with only
 * unref'd immediates pending, libuv's poll phase blocks until the next I/O or timer (Node starts its idle
 * handle for ref'd immediates only), so an unref'd step waited for whatever woke the loop next (seconds,
 * not one turn); it holds the process for that one turn. `unrefTimer`: the timer itself does not keep the
 * process alive (a request's own deadline: its socket does while it must). Returns the cancel.
 */
export function afterDeadline(ms: number, onDeadline: () => void, options: { unrefTimer: boolean }): () => void {
  let step: NodeJS.Immediate | undefined;
  if (!(ms > 0)) {
    // Already due (or NaN): the step alone, so what arrived by now is still read.
    step = setImmediate(onDeadline);
    return () => clearImmediate(step);
  }
  // Capped: a longer delay would overflow Node's timer and fire after 1 ms.
  const due = Date.now() + Math.min(ms, MAX_TIMER_MS);
  let timer: NodeJS.Timeout;
  const arm = (wait: number): void => {
    timer = setTimeout(() => {
      // Node's timers keep libuv's clock, callers their deadline in Date.now(): each truncates to the
      // millisecond on its own, so the timer fires up to EARLY_TIMER_MS before Date.now() reaches `due`
      // (~2 % of short timers). A caller that then asks `Date.now() >= deadline` (did the flush run out of
      // time? abort what is still on the wire?) read "not yet": a final flush with a hung request said
      // "refused" and left it on the wire. A larger shortfall is the wall clock set back: the timer stands.
      const left = due - Date.now();
      if (left > 0 && left <= EARLY_TIMER_MS) return arm(left);
      step = setImmediate(onDeadline);
    }, wait);
    if (options.unrefTimer) timer.unref();
  };
  arm(Math.min(ms, MAX_TIMER_MS));
  return () => {
    clearTimeout(timer);
    clearImmediate(step);
  };
}

/**
 * The value of `promise` if it settles within `ms` (an answer that arrived by then counts, also when the
 * loop was busy past it: afterDeadline(); `ms` ≤ 0 still takes what arrived by now), else `fallback`; a
 * rejection also yields `fallback`.
 */
export function valueWithin<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  // A deadline already spent still waits for the step: a flush whose first wait ended in a turn's timers
  // phase (the processor's own export hold) must not give up on the next before that turn's I/O is read.
  return new Promise((resolve) => {
    const cancel = afterDeadline(ms, () => resolve(fallback), { unrefTimer: false });
    promise.then(
      (value) => {
        cancel();
        resolve(value);
      },
      () => {
        cancel();
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
    // Past the deadline, one look (what arrived by now) and no more: members that keep replacing
    // themselves (an export resent on every turn) would otherwise hold the wait past it for good.
    if (Date.now() >= deadline) return pending.size === 0;
  }
  return true;
}
