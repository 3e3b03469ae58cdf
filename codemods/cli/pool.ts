// Spreads parsing and transforming over worker threads, one file per message so a slow file does
// not hold up a batch. The workers outlive one batch (`run`) so the CLI's second, small round (files
// the project pass adds or changes) does not pay for starting them and loading the parsers again;
// `close` ends them. A worker that dies takes only its current file down (reported as failed); a
// fresh worker continues with the rest, unless workers keep dying before their first answer (the
// transforms cannot load), when the remaining files of the batch fail with the reason.
import { Worker } from "node:worker_threads";
import type { RunTransformsOptions, TransformRunResult } from "../engine/engine.js";
import type { WorkerData, WorkerTask } from "./worker.js";

export interface PoolFile {
  readonly filePath: string;
  readonly source: string;
  readonly project?: RunTransformsOptions["project"];
}

/** The compiled worker script next to this module (only present in the build: vitest runs sources). */
export const WORKER_URL = new URL("./worker.js", import.meta.url);

function failedResult(source: string, message: string): TransformRunResult {
  return { output: source, changed: false, applied: [], markers: 0, error: { message } };
}

/** The batch being worked on: its files, results and the next file to hand out. */
interface Batch {
  readonly files: readonly PoolFile[];
  readonly results: TransformRunResult[];
  readonly onResult: (index: number) => void;
  readonly done: () => void;
  next: number;
  finished: number;
}

interface PoolWorker {
  readonly worker: Worker;
  /** Index (in the current batch) of the file this worker is on. */
  current?: number;
  answered: number;
  failure?: string;
}

export class TransformPool {
  private readonly workers = new Set<PoolWorker>();
  private batch: Batch | undefined;
  /** Workers in a row that died before their first answer: two mean the transforms cannot load. */
  private failedStarts = 0;
  private closed = false;

  constructor(
    private readonly options: RunTransformsOptions,
    private readonly size: number,
    private readonly workerUrl: URL = WORKER_URL,
  ) {}

  /** Transforms `files` (one batch at a time); results in the order of `files`, never rejects. */
  run(files: readonly PoolFile[], onResult: (index: number) => void = () => {}): Promise<TransformRunResult[]> {
    if (this.batch) return Promise.reject(new Error("TransformPool.run: a batch is already running"));
    if (this.closed) return Promise.reject(new Error("TransformPool.run: the pool is closed"));
    const results: TransformRunResult[] = new Array(files.length);
    if (files.length === 0) return Promise.resolve(results);
    return new Promise((resolve) => {
      this.batch = { files, results, onResult, next: 0, finished: 0, done: () => resolve(results) };
      for (const idle of this.workers) this.sendNext(idle);
      while (this.workers.size < Math.min(this.size, files.length)) this.start();
    });
  }

  /** Ends the workers (idle ones wait for work otherwise and keep the process alive). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map(({ worker }) => worker.terminate()));
    this.workers.clear();
  }

  private settle(index: number, result: TransformRunResult): void {
    const batch = this.batch;
    if (!batch) return;
    batch.results[index] = result;
    batch.finished++;
    batch.onResult(index);
    if (batch.finished === batch.files.length) {
      this.batch = undefined;
      batch.done();
    }
  }

  private sendNext(entry: PoolWorker): void {
    const batch = this.batch;
    if (!batch || batch.next >= batch.files.length) {
      entry.current = undefined;
      return;
    }
    const index = batch.next++;
    entry.current = index;
    const { filePath, source, project } = batch.files[index];
    const task: WorkerTask = { id: index, filePath, source, ...(project ? { project } : {}) };
    entry.worker.postMessage(task);
  }

  /** Settles every file of the batch not yet sent to a worker (used when workers cannot even start). */
  private failRemaining(message: string): void {
    while (this.batch && this.batch.next < this.batch.files.length) {
      const index = this.batch.next++;
      this.settle(index, failedResult(this.batch.files[index].source, message));
    }
  }

  private start(): void {
    const data: WorkerData = { options: this.options };
    const entry: PoolWorker = { worker: new Worker(this.workerUrl, { workerData: data }), answered: 0 };
    this.workers.add(entry);
    entry.worker.on("message", (message: { id: number; result: TransformRunResult }) => {
      entry.answered++;
      this.failedStarts = 0;
      entry.current = undefined;
      this.settle(message.id, message.result);
      this.sendNext(entry);
    });
    entry.worker.on("error", (error) => {
      entry.failure = `internal error in worker: ${error.message}`;
    });
    entry.worker.on("exit", () => {
      this.workers.delete(entry);
      if (this.closed) return;
      const message = entry.failure ?? "worker exited unexpectedly";
      const { current } = entry;
      const batch = this.batch;
      if (current !== undefined && batch) {
        this.settle(current, failedResult(batch.files[current].source, message));
        if (entry.answered === 0 && ++this.failedStarts >= 2) this.failRemaining(message);
      }
      if (this.batch && this.batch.next < this.batch.files.length) this.start();
    });
    this.sendNext(entry);
  }
}

/** One batch on a pool of its own (started for it, closed after it). */
export async function transformInPool(
  files: readonly PoolFile[],
  options: RunTransformsOptions,
  workerCount: number,
  onResult: (index: number) => void,
  workerUrl: URL = WORKER_URL,
): Promise<TransformRunResult[]> {
  const pool = new TransformPool(options, workerCount, workerUrl);
  try {
    return await pool.run(files, onResult);
  } finally {
    await pool.close();
  }
}
