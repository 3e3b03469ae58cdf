import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * Cloudflare Workers cancel outstanding work after the response unless it is passed to
 * `ctx.waitUntil(promise)`: the third parameter of a module worker's handler, `this.ctx` in a
 * `class extends WorkerEntrypoint` (https://developers.cloudflare.com/workers/runtime-apis/context/).
 */
export const cloudflareWorkers = {
  id: "cloudflare-workers",
  name: "Cloudflare Workers",
  freezesAfterReturn: true,
  backgroundWork: [
    { kind: "parameter-method", parameterIndex: 2, method: "waitUntil", takes: "promise" },
    { kind: "this-method", property: "ctx", method: "waitUntil", takes: "promise" },
  ],
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
