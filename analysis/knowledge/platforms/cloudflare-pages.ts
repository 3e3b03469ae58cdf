import type { PlatformDescriptor } from "../types.js";
import { REQUEST_OBJECT } from "../frameworks/common.js";
import { CLOUDFLARE_FRAMEWORK_CONTEXTS, HONO_EXECUTION_CONTEXT } from "./cloudflare-workers.js";

/**
 * Cloudflare Pages Functions run on the Workers runtime: work still pending after the `Response` is
 * cancelled unless it is handed to `context.waitUntil(promise)`, a method of the one `context` argument
 * every `onRequest…` handler gets (https://developers.cloudflare.com/pages/functions/api-reference/#eventcontext).
 * `context.request` is the client's request.
 */
export const cloudflarePages = {
  id: "cloudflare-pages",
  name: "Cloudflare Pages Functions",
  freezesAfterReturn: true,
  initPlace: "module scope: the isolate reuses it for later requests",
  backgroundWork: [
    // A Hono app served through `hono/cloudflare-pages`' `handle(app)`: its routes reach the context as `c.executionCtx`.
    HONO_EXECUTION_CONTEXT,
    { kind: "parameter-method", parameterIndex: 0, method: "waitUntil", takes: "promise" },
    ...CLOUDFLARE_FRAMEWORK_CONTEXTS,
  ],
  recommendedFlush: "`context.waitUntil({flush})` or `await {flush}`",
  requestInputs: { ...REQUEST_OBJECT, holds: "context" },
} as const satisfies PlatformDescriptor;
