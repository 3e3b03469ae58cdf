// Worker thread of the migrate pool: parses and transforms the files the main thread sends, one
// message each, and answers with the engine's result. Reading and writing stay in the main thread.
import { parentPort, workerData } from "node:worker_threads";
import type { RunTransformsOptions } from "../engine/engine.js";
import { transformSafely, type MigrateEngine } from "./engine-port.js";
import { loadTypescriptWithCodeCache } from "./typescript-cache.js";

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

// TypeScript from the main thread's code cache (typescript-cache.ts), before the engine loads it;
// the pool's messages wait on the port until the listener below is attached.
loadTypescriptWithCodeCache();
const [{ mayUseSdk, runTransforms }, { useDirectoryListings }] = await Promise.all([
  import("../engine/engine.js"),
  import("../engine/listings-file-system.js"),
]);

const { options } = workerData as WorkerData;
// A worker serves one run: its directory listings are made once for every file it transforms.
useDirectoryListings();
const engine: MigrateEngine = { runTransforms, mayUseSdk };

parentPort?.on("message", (task: WorkerTask) => {
  const result = transformSafely(engine, task.source, task.filePath, task.project ? { ...options, project: task.project } : options);
  parentPort?.postMessage({ id: task.id, result });
});
