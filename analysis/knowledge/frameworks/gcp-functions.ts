import { gcpFunctions as platform } from "../platforms/gcp-functions.js";
import type { FrameworkDescriptor } from "../types.js";

/** Google Cloud Functions: `functions.http("name", fn)` and `functions.cloudEvent("name", fn)` of `@google-cloud/functions-framework`. */
export const gcpFunctions = {
  id: "gcp-functions",
  name: "Google Cloud Functions",
  modules: ["@google-cloud/functions-framework"],
  platform,
  calls: [{ callee: { package: "@google-cloud/functions-framework", name: ["http", "cloudEvent"] }, arguments: [1], nameArgument: 0 }],
} as const satisfies FrameworkDescriptor;
