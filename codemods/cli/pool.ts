// Spreads parsing and transforming over worker threads, one file per message so a slow file does
// not hold up a batch. A worker that dies takes only its current file down (reported as failed);
// a fresh worker continues with the rest, unless workers keep dying before their first answer
// (the transforms cannot load), when the remaining files fail with the reason.
import { Worker } from "node:worker_threads";
import type { RunTransformsOptions, TransformRunResult } from "../engine.js";
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

export function transformInPool(
  files: readonly PoolFile[],
  options: RunTransformsOptions,
  workerCount: number,
  onResult: (index: number) => void,
  workerUrl: URL = WORKER_URL,
): Promise<TransformRunResult[]> {
  const results: TransformRunResult[] = new Array(files.length);
  let nextIndex = 0;
  let finished = 0;
  let running = 0;
  // Workers in a row that died before their first answer: two mean the transforms cannot load.
  let failedStarts = 0;
  const data: WorkerData = { options };

  return new Promise((resolve) => {
    const settle = (index: number, result: TransformRunResult): void => {
      results[index] = result;
      finished++;
      onResult(index);
    };

    /** Settles every file not yet sent to a worker (used when workers cannot even start). */
    const failRemaining = (message: string): void => {
      while (nextIndex < files.length) {
        const index = nextIndex++;
        settle(index, failedResult(files[index].source, message));
      }
    };

    const start = (): void => {
      const worker = new Worker(workerUrl, { workerData: data });
      running++;
      let current: number | undefined;
      let answered = 0;
      let failure: string | undefined;
      const sendNext = (): void => {
        if (nextIndex >= files.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = nextIndex++;
        const { filePath, source, project } = files[current];
        const task: WorkerTask = { id: current, filePath, source, ...(project ? { project } : {}) };
        worker.postMessage(task);
      };
      worker.on("message", (message: { id: number; result: TransformRunResult }) => {
        answered++;
        failedStarts = 0;
        settle(message.id, message.result);
        sendNext();
      });
      worker.on("error", (error) => {
        failure = `internal error in worker: ${error.message}`;
      });
      worker.on("exit", () => {
        running--;
        const message = failure ?? "worker exited unexpectedly";
        if (current !== undefined) settle(current, failedResult(files[current].source, message));
        if (answered === 0 && current !== undefined && ++failedStarts >= 2) failRemaining(message);
        if (nextIndex < files.length) start();
        else if (running === 0 && finished === files.length) resolve(results);
      });
      sendNext();
    };

    if (files.length === 0) {
      resolve(results);
      return;
    }
    for (let count = 0; count < Math.min(workerCount, files.length); count++) start();
  });
}
