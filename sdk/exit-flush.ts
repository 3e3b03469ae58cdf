// A script that traces and then simply ends would lose every span still waiting in the batch queue:
// the export timer does not keep Node.js alive (it must not, or no script would ever exit). Like the
// Python SDK's atexit hook, tracers flush once more when the event loop runs dry ("beforeExit"). A
// frozen Lambda never gets there, which is why handlers must still call forceFlush() themselves.
// The exit flush is bounded (EXIT_FLUSH_BUDGET_MS): a tracer's requests do not keep the process alive
// by themselves (http-transport.ts), so a script whose backend is down, hung or dripping still exits
// about that long after its work ends, instead of after every request's full timeout.

/** How long a tracer's flush at exit may take before what is left on the wire is aborted. */
export const EXIT_FLUSH_BUDGET_MS = 1_500;

export interface ExitFlushTarget {
  /** Starts a flush when something is unsent; returns undefined when there is nothing to do. */
  flushBeforeExit(): Promise<unknown> | undefined;
}

/** Weak, so a tracer that is dropped without shutdown() (a tracer per request) can still be collected. */
const targets = new Set<WeakRef<ExitFlushTarget>>();
let listening = false;

/** Flushes `target` before the process exits; the returned function unregisters it. */
export function flushBeforeExit(target: ExitFlushTarget): () => void {
  const ref = new WeakRef(target);
  targets.add(ref);
  if (!listening) {
    listening = true;
    // One listener for all tracers: evaluate() creates many, and a listener each would trip Node's
    // MaxListenersExceededWarning.
    process.on("beforeExit", flushAll);
  }
  return () => targets.delete(ref);
}

function flushAll(): void {
  for (const ref of targets) {
    const target = ref.deref();
    if (!target) {
      targets.delete(ref);
      continue;
    }
    // The flush keeps the loop alive until it settles; "beforeExit" then fires again, and finds
    // nothing left to send, so this never loops.
    void target.flushBeforeExit();
  }
}
