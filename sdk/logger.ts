// One place where the SDK talks to the developer. Tracing problems are reported here and never thrown,
// and a problem that repeats (a backend that is down, a deprecated call in a hot path) is reported once
// per process so it cannot flood the application's logs.

const PREFIX = "[honeyhive]";

/** Keys of the warnings already printed in this process. */
const warnedKeys = new Set<string>();

export interface Logger {
  /** Printed only when the tracer was created with `verbose: true` (or `HH_VERBOSE=true`). */
  debug(message: string): void;
  warn(message: string): void;
  /** Prints `message` the first time `key` is seen in this process, and never again. */
  warnOnce(key: string, message: string): void;
}

export function createLogger(verbose = false): Logger {
  return {
    debug(message) {
      if (verbose) console.debug(`${PREFIX} ${message}`);
    },
    warn(message) {
      console.warn(`${PREFIX} ${message}`);
    },
    warnOnce(key, message) {
      warnOnce(key, message);
    },
  };
}

/** Process-wide once-only warning, for code paths that have no tracer (implicit `trace()`, globals). */
export function warnOnce(key: string, message: string): void {
  if (warnedKeys.has(key)) return;
  warnedKeys.add(key);
  console.warn(`${PREFIX} ${message}`);
}

/** Forgets which warnings were printed. For tests that assert a warning appears exactly once. */
export function resetWarningsForTests(): void {
  warnedKeys.clear();
}

/** A short, key-free description of an unknown failure, safe to put in a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
    return code ? `${error.name}: ${error.message} (${code})` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
