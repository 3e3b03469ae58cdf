import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/** Netlify Functions run on AWS Lambda; the modern `(req, context)` form offers `context.waitUntil(promise)`. */
export const netlify = {
  id: "netlify",
  name: "Netlify Functions",
  freezesAfterReturn: true,
  backgroundWork: { kind: "parameter-method", parameterIndex: 1, method: "waitUntil", takes: "promise" },
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
