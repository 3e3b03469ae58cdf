// Worker thread of the migrate pool: parses and transforms the files the main thread sends, one
// message each, and answers with the engine's result. Reading and writing stay in the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { mayUseSdk, runTransforms, type RunTransformsOptions } from "../engine/engine.js";
import { useDirectoryListings } from "../engine/listings-file-system.js";
import { transformSafely, type MigrateEngine } from "./engine-port.js";

export interface WorkerTask {
  readonly id: number;
  readonly filePath: string;
  readonly source: string;
  /** What the project pass knows about this file. */
  readonly project?: RunTransformsOptions["project"];
}

export interface WorkerData {
  readonly options: RunTransformsOptions;
}

const { options } = workerData as WorkerData;
// A worker serves one run: its directory listings are made once for every file it transforms.
useDirectoryListings();
const engine: MigrateEngine = { runTransforms, mayUseSdk };

parentPort?.on("message", (task: WorkerTask) => {
  const result = transformSafely(engine, task.source, task.filePath, task.project ? { ...options, project: task.project } : options);
  parentPort?.postMessage({ id: task.id, result });
});
