import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/** Cloudflare Workers cancel outstanding work after the response unless it is passed to `ctx.waitUntil(promise)` (the third handler parameter). */
export const cloudflareWorkers = {
  id: "cloudflare-workers",
  name: "Cloudflare Workers",
  freezesAfterReturn: true,
  backgroundWork: { kind: "parameter-method", parameterIndex: 2, method: "waitUntil", takes: "promise" },
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
