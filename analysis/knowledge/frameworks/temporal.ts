import type { FrameworkDescriptor } from "../types.js";

/**
 * Temporal activities registered inline with a worker: the functions of `Worker.create({ activities: {
 * … } })` (`@temporalio/worker`) run once per activity task, concurrently up to the worker's
 * `maxConcurrentActivityTaskExecutions`. Activities written in their own module and passed by name
 * (`import * as activities from "./activities"`) are not followed (the rule sees one file). An activity's
 * arguments come from the workflow, the application's own code: no `requestInputs`.
 */
export const temporal = {
  id: "temporal-activity",
  name: "Temporal activity",
  modules: ["@temporalio/worker"],
  calls: [{ callee: { package: "@temporalio/worker", name: "Worker.create" }, arguments: [], resolverMaps: ["activities"] }],
} as const satisfies FrameworkDescriptor;
