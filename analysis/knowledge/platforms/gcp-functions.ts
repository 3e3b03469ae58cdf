import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * Google Cloud Functions throttles the instance's CPU once the response is sent (HTTP) or the
 * handler's promise settles (CloudEvents): exports still in flight may never finish.
 */
export const gcpFunctions = {
  id: "gcp-functions",
  name: "Google Cloud Functions",
  freezesAfterReturn: true,
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
