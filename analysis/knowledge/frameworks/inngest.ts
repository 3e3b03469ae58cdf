import type { FrameworkDescriptor } from "../types.js";

/**
 * A project module conventionally holding the Inngest client: a module path through an `inngest` folder
 * or file (`@/inngest/client`, `../inngest`, `~/lib/inngest`), or exactly `./client` (the docs' layout,
 * `src/inngest/functions.ts` importing `src/inngest/client.ts`). Kept this narrow because a file importing
 * such a module passes the rules' handler gate (analysis/entry-gate.ts): `../client` or `./api/client`,
 * common names of other clients, do not.
 */
const CLIENT_MODULE = /^(?:\.\/client|(?:\.{1,2}\/|~\/|@\/|#)(?:.*\/)?inngest(?:\/(?:client|index))?)(?:\.[cm]?[jt]s)?$/;

/**
 * Inngest functions: the handler of `inngest.createFunction(configuration, trigger, handler)` (TypeScript
 * SDK v3) or `createFunction({ id, triggers }, handler)` (v4), run once per event or cron tick, many at a
 * time (the `concurrency` option limits them), with the client made by `new Inngest({ id })` of `inngest`
 * in the file or imported from the project module that makes it under Inngest's documented name
 * (`import { inngest } from "./client"`, the docs' layout). Checked against inngest.com/docs/reference/
 * functions/create ("inngest.createFunction(configuration, trigger, handler): InngestFunction") and the v4
 * reference (`triggers` in the configuration). An event's data is the application's own message (sent
 * with `inngest.send`), not a client's input: no `requestInputs`.
 */
export const inngest = {
  id: "inngest",
  name: "Inngest function",
  unit: "run",
  modules: ["inngest"],
  modulePatterns: [CLIENT_MODULE],
  objects: {
    inngestClient: {
      createdBy: [{ value: { package: "inngest", name: "Inngest" }, new: true }],
      types: [{ package: "inngest", name: "Inngest" }],
      importedFrom: { modules: CLIENT_MODULE, names: /^inngest$/ },
      methods: { createFunction: {} },
    },
  },
} as const satisfies FrameworkDescriptor;
