// A one-line progress bar on stderr for long runs. Drawn only on a terminal (never into a pipe,
// a file or CI logs), only once a run has taken long enough to be worth watching, at most ten
// times a second, and erased before anything else is printed.
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const SHOW_AFTER_MS = 300;
const REDRAW_EVERY_MS = 100;

export class ProgressBar {
  private readonly startedAt = Date.now();
  private lastDrawAt = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    /** What is counted, for a total of one; `pluralLabel` for other totals. */
    private readonly label: string,
    private readonly pluralLabel = `${label}s`,
  ) {}

  update(done: number): void {
    if (!this.stream.isTTY || this.total === 0) return;
    const now = Date.now();
    if (now - this.startedAt < SHOW_AFTER_MS || (now - this.lastDrawAt < REDRAW_EVERY_MS && done < this.total)) return;
    this.lastDrawAt = now;
    const counter = ` ${done}/${this.total} ${this.total === 1 ? this.label : this.pluralLabel}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns || 80) - counter.length - 3));
    const filled = Math.round((done / this.total) * width);
    this.stream.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}]${counter}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}
