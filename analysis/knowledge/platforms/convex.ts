import type { PlatformDescriptor } from "../types.js";

/**
 * Convex actions (docs.convex.dev/functions/actions, "Dangling promises": "Make sure to await all promises
 * created within an action. Async tasks still running when the function returns might or might not complete";
 * get-convex/convex-backend npm-packages/docs/docs/functions/actions.mdx, checked with the search tool
 * 2026-12-06), in the Convex runtime and in Node.js (`"use node"`) alike: spans still buffered when an action's
 * handler returns may never be exported, so the handler awaits the flush. Queries and mutations cannot reach the
 * network (no `fetch`), so they export nothing either way. Convex has no hook that keeps work alive after the
 * return: the fix writes the awaited flush in try/finally. Internal actions (`internalAction`) take no client input.
 */
export const convexInternalActions = {
  id: "convex-internal-actions",
  name: "Convex",
  freezesAfterReturn: true,
  initPlace: "module scope of the Convex function file: reused while the isolate lives",
} as const satisfies PlatformDescriptor;

/**
 * Public actions (`action`, `httpAction`): as internal ones, and their handler's second parameter is what the
 * client sent (the arguments, an HTTP action's `Request`), checked only for their types by the `args` validators.
 */
export const convexActions = {
  ...convexInternalActions,
  id: "convex-actions",
  requestInputs: { holds: "input", parameter: 1 },
} as const satisfies PlatformDescriptor;
