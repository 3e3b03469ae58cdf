import type { BackgroundWork, PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * A Hono route on the Workers runtime (a Worker, or a Pages Function through `hono/cloudflare-pages`)
 * gets the execution context from its context: `c.executionCtx.waitUntil(…)`
 * (https://hono.dev/docs/api/context#executionctx). Both platforms list it first.
 */
export const HONO_EXECUTION_CONTEXT = {
  kind: "parameter-method",
  parameterIndex: 0,
  property: "executionCtx",
  method: "waitUntil",
  takes: "promise",
  frameworks: ["hono"],
} as const satisfies BackgroundWork;

/**
 * Cloudflare Workers cancel outstanding work after the response unless it is passed to
 * `ctx.waitUntil(promise)`: the third parameter of a module worker's handler, `this.ctx` in a
 * `class extends WorkerEntrypoint` (https://developers.cloudflare.com/workers/runtime-apis/context/),
 * `c.executionCtx` in a Hono route (`frameworks/hono.ts` decides when a Hono app is the Worker).
 */
export const cloudflareWorkers = {
  id: "cloudflare-workers",
  name: "Cloudflare Workers",
  freezesAfterReturn: true,
  backgroundWork: [
    HONO_EXECUTION_CONTEXT,
    { kind: "parameter-method", parameterIndex: 2, method: "waitUntil", takes: "promise" },
    { kind: "this-method", property: "ctx", method: "waitUntil", takes: "promise" },
  ],
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
