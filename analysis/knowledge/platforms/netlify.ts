import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * Netlify Functions run on AWS Lambda; the modern default export `(req, context)` offers
 * `context.waitUntil(promise)` (https://docs.netlify.com/functions/api/). The Lambda-compatible
 * `export const handler = async (event, context)` gets Lambda's context, which has no `waitUntil`.
 */
export const netlify = {
  id: "netlify",
  name: "Netlify Functions",
  freezesAfterReturn: true,
  backgroundWork: { kind: "parameter-method", parameterIndex: 1, method: "waitUntil", takes: "promise", exportNames: ["default"] },
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
