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

/** Datapoint tracers flushing in the background at most (each holds its spans until its deadline). */
export const MAX_BACKGROUND_FLUSHES = 256;

export class RunOutageMemory {
  /** True after a final flush failed, until one succeeds. */
  #outage = false;
  /** Flushes started so far, and the number of the latest-started one whose outcome was noted. */
  #started = 0;
  #noted = 0;
  readonly #background = new Set<Promise<void>>();
  readonly #maxBackground: number;

  constructor(maxBackground = MAX_BACKGROUND_FLUSHES) {
    this.#maxBackground = Math.max(1, maxBackground);
  }

  /** Whether the run currently believes the backend is out (the last final flush that ended failed). */
  get inOutage(): boolean {
    return this.#outage;
  }

  /** Final flushes running in the background. */
  get backgroundFlushes(): number {
    return this.#background.size;
  }

  /**
   * Runs a datapoint's final flush (`flush` resolves whether everything was delivered; it must not
   * reject, a rejection counts as a failure). Resolves when the datapoint may give its pool slot back:
   * after the flush while the backend is fine, at once during an outage (after waiting for room when
   * MAX_BACKGROUND_FLUSHES are already running).
   */
  async finish(flush: () => Promise<boolean>): Promise<void> {
    if (!this.#outage) {
      const number = ++this.#started;
      this.#note(number, await flush().catch(() => false));
      return;
    }
    while (this.#background.size >= this.#maxBackground) await Promise.race(this.#background);
    const number = ++this.#started;
    const running: Promise<void> = flush()
      .catch(() => false)
      .then((delivered) => this.#note(number, delivered))
      .finally(() => this.#background.delete(running));
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
  #note(number: number, delivered: boolean): void {
    if (number < this.#noted) return;
    this.#noted = number;
    this.#outage = !delivered;
  }
}
