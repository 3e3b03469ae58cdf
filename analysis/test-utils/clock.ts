// The clock of the project reader's once-a-second rechecks, for tests of what an editor session sees: a
// listing, a resolution or a deployment signal is trusted for `RECHECK_AFTER_MS`, then looked at again.
// Only `Date` is faked (timers and the files' own mtimes stay real). Test-only (not built).
import { vi } from "vitest";
import { RECHECK_AFTER_MS } from "../project-modules.js";

/** Runs `body` with `Date` frozen (at now, or `start`); `nextSecond()` moves it past the recheck, as the next lint a second later. */
export function withFakeDate<T>(body: (nextSecond: () => void) => T, start: number | Date = Date.now()): T {
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  try {
    return body(() => vi.setSystemTime(Date.now() + RECHECK_AFTER_MS));
  } finally {
    vi.useRealTimers();
  }
}
