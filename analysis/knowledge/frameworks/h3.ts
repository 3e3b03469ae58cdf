import type { FrameworkDescriptor, Registration } from "../types.js";

const HANDLER_FACTORIES = ["defineEventHandler", "eventHandler", "defineHandler", "defineCachedEventHandler"];
/** `defineEventHandler(fn)` or `defineEventHandler({ handler, onRequest, onBeforeResponse })`. */
const EVENT_HANDLER: Registration = { arguments: [0], options: ["handler", "onRequest", "onBeforeResponse"] };

/**
 * h3 (and Nuxt/Nitro on it): event handlers made with `defineEventHandler` / `eventHandler`, imported
 * from `h3` or, in Nuxt and Nitro server files, auto-imported (an unresolved global under `server/`).
 */
export const h3 = {
  id: "h3",
  name: "h3/Nuxt event",
  modules: ["h3", "nitropack", "nitropack/runtime", "#imports"],
  calls: [{ callee: { package: ["h3", "nitropack", "nitropack/runtime", "#imports"], name: HANDLER_FACTORIES }, ...EVENT_HANDLER }],
  globals: HANDLER_FACTORIES.map((name) => ({ name, path: /(?:^|\/)server\/(?:api|routes|middleware)\//, ...EVENT_HANDLER })),
} as const satisfies FrameworkDescriptor;
