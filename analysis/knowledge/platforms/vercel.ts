import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/** Vercel Functions end the invocation after the response unless the work is handed to `waitUntil` (`@vercel/functions`). */
export const vercel = {
  id: "vercel",
  name: "Vercel Functions",
  freezesAfterReturn: true,
  backgroundWork: { kind: "import", module: "@vercel/functions", name: "waitUntil", takes: "promise" },
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
