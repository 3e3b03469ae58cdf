import type { FrameworkDescriptor } from "../types.js";

const SDK = ["@trigger.dev/sdk", "@trigger.dev/sdk/v3"];
/** The task's own function and its lifecycle hooks, each run once per run (attempt). */
const RUN_OPTIONS = ["run", "init", "cleanup", "onStart", "onSuccess", "onFailure"];

/**
 * Trigger.dev tasks: `task({ id, run })`, `schedules.task({ id, cron, run })` and `schemaTask({ id, schema,
 * run })` of `@trigger.dev/sdk` (v4) or `@trigger.dev/sdk/v3`; `run` and the lifecycle hooks run once per
 * run. A run executes in its own task run process: a fresh process per run by default, or, with v4's
 * `experimental_processKeepAlive`, a process reused by the next run once the previous one returned it
 * (trigger.dev/changelog/process-keep-alive; the CLI's `TaskRunProcessProvider` keeps one persistent
 * process and a pool of busy/available ones, never two runs in one). So runs do not overlap in a process:
 * a tracer made per run is still one per run (reported), but `sessionStart()` on a shared tracer cannot
 * race (`concurrent: false`). A payload is what the triggering code sent (the application's own): no
 * `requestInputs`.
 */
export const triggerDev = {
  id: "trigger-dev",
  name: "Trigger.dev task",
  unit: "run",
  modules: SDK,
  calls: [
    { callee: { package: SDK, name: ["task", "schemaTask", "schedules.task"] }, arguments: [], options: RUN_OPTIONS },
  ],
  concurrent: false,
} as const satisfies FrameworkDescriptor;
