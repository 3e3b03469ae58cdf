// evaluate()'s memory of a backend outage, per run. Each datapoint tracer keeps its own circuit breaker
// and flushes with its own full deadline: a breaker shared by the run made every datapoint that ended
// during a few seconds of 503s skip its flush and lose its spans (review-sdk #1; 6e49c10 took it out).
// What the run remembers instead is only *where* a datapoint waits for its final flush. While the
// backend is fine, in its pool slot, as before (backpressure: memory is bounded by maxConcurrency).
// Once a datapoint's final flush failed, and until one succeeds, the next ones flush in the background
// and free their slot at once: a hung backend then costs the run about one deadline per
// MAX_BACKGROUND_FLUSHES datapoints instead of one per maxConcurrency (1,000 datapoints, 10 at a time,
// 10 s deadline: ~100 rounds of 10 s before, ~5 now), and no datapoint gives up on its spans early.
// evaluate() waits for the background flushes before it completes the run and resolves, so nothing of
// the run is left on the wire afterwards.
// A flush the backend refused (401, 403, another 4xx: it answered, fast) is not an outage (gaps-sdk-4):
// waiting would not bring it back, and the next flush gets its answer as fast, so the run stays in its
// slots. evaluate() says once why (a wrong key or project), which is what the user can change.
// A flush that failed because a call was never sent (its deadline passed while the application kept
// the event loop busy, e.g. another datapoint's synchronous work) is no evidence at all: the memory
// stays as it was.
import { DEFAULT_MAX_QUEUE_SIZE } from "../config.js";
import type { FinalFlushOutcome } from "../tracer.js";

/** Datapoint tracers flushing in the background at most (each holds its spans until its deadline). */
export const MAX_BACKGROUND_FLUSHES = 256;
/**
 * Spans the background flushes hold at most together: one tracer's default queue. Counting tracers
 * alone let 256 datapoints of up to maxQueueSize spans each sit in memory during an outage, where the
 * slots held only maxConcurrency of them. With this budget the run holds at most one more tracer's
 * worth of spans than its slots do; small datapoints still flush 256 at once. (review-sdk3: 300
 * datapoints of 100 spans of 4 KB, 10 slots, hung backend, 4 s deadline: retained heap peak +162 MB
 * before, +103 MB with the budget, the run 17 s → 25 s; one reading each on a loaded machine.)
 */
export const MAX_BACKGROUND_SPANS = DEFAULT_MAX_QUEUE_SIZE;

export class RunOutageMemory {
  /** True after a final flush failed for an outage, until one succeeds or is refused. */
  #outage = false;
  /** Flushes started so far, and the number of the latest-started one whose outcome was noted. */
  #started = 0;
  #noted = 0;
  readonly #background = new Set<Promise<void>>();
  readonly #maxBackground: number;
  /** Spans the background flushes hold together, and the most they may. */
  #heldSpans = 0;
  readonly #maxSpans: number;

  constructor(maxBackground = MAX_BACKGROUND_FLUSHES, maxSpans = MAX_BACKGROUND_SPANS) {
    this.#maxBackground = Math.max(1, maxBackground);
    this.#maxSpans = Math.max(0, maxSpans);
  }

  /** Whether the run currently believes the backend is out (the last final flush that ended failed for an outage). */
  get inOutage(): boolean {
    return this.#outage;
  }

  /** Final flushes running in the background. */
  get backgroundFlushes(): number {
    return this.#background.size;
  }

  /**
   * Runs a datapoint's final flush (`flush` resolves `true` when everything was delivered, `false` for
   * an outage, `{ refused }` when the backend refused it; it must not reject, a rejection counts as an
   * outage). Resolves when the datapoint may give its pool slot back:
   * after the flush while the backend is fine, at once during an outage (after waiting for room when
   * MAX_BACKGROUND_FLUSHES are already running, or when `spans`, the most spans the datapoint's tracer
   * holds, would take the background past MAX_BACKGROUND_SPANS).
   */
  async finish(flush: () => Promise<FinalFlushOutcome>, spans = 0): Promise<void> {
    if (!this.#outage) {
      const number = ++this.#started;
      this.#note(number, await flush().catch((): FinalFlushOutcome => false));
      return;
    }
    // Room in number and in spans; a datapoint larger than the whole budget goes alone.
    while (
      this.#background.size >= this.#maxBackground ||
      (this.#background.size > 0 && this.#heldSpans + spans > this.#maxSpans)
    ) {
      await Promise.race(this.#background);
    }
    const number = ++this.#started;
    this.#heldSpans += spans;
    const running: Promise<void> = flush()
      .catch((): FinalFlushOutcome => false)
      .then((delivered) => this.#note(number, delivered))
      .finally(() => {
        this.#heldSpans -= spans;
        this.#background.delete(running);
      });
    this.#background.add(running);
  }

  /** Resolves once every background flush has ended (each ends by its own deadline). */
  async settle(): Promise<void> {
    while (this.#background.size > 0) await Promise.allSettled([...this.#background]);
  }

  /**
   * Flushes end out of order: one started during the outage fails only at its deadline (a hung
   * backend), after a later one found the backend back. Only an outcome newer (by start) than the last
   * noted one counts, or that stale failure put a recovered run back into background mode (review-sdk3).
   */
  #note(number: number, outcome: FinalFlushOutcome): void {
    // Not sent (its deadline passed while the event loop was busy): the backend was not asked, so it is
    // no evidence either way. An outage stays one, a backend that is fine stays so, and an older flush
    // that ends later still counts (sdk-leftovers: it read as an outage and sent the run to the background).
    if (typeof outcome === "object" && "notSent" in outcome) return;
    if (number < this.#noted) return;
    this.#noted = number;
    this.#outage = outcome === false;
  }
}
