import type { FrameworkDescriptor, Registration } from "../types.js";

const HANDLER_FACTORIES = ["defineEventHandler", "eventHandler", "defineHandler", "defineCachedEventHandler"];
/** `defineEventHandler(fn)` or `defineEventHandler({ handler, onRequest, onBeforeResponse })`. */
const EVENT_HANDLER: Registration = { arguments: [0], options: ["handler", "onRequest", "onBeforeResponse"] };
/** `defineLazyEventHandler(async () => { …; return handler; })`: the factory runs once, the handler it returns per request. */
const LAZY_FACTORY = "defineLazyEventHandler";
const LAZY_HANDLER: Registration = { arguments: [0], returnsHandler: true };
const H3_MODULES = ["h3", "nitropack", "nitropack/runtime", "#imports"];
/** Nuxt and Nitro auto-import the factories only in the server folders. */
const NUXT_SERVER = /(?:^|\/)server\/(?:api|routes|middleware)\//;

/**
 * h3 (and Nuxt/Nitro on it): event handlers made with `defineEventHandler` / `eventHandler`, and the
 * handler a `defineLazyEventHandler` factory returns, imported from `h3` or, in Nuxt and Nitro server
 * files, auto-imported (an unresolved global under `server/`).
 */
export const h3 = {
  id: "h3",
  name: "h3/Nuxt event",
  modules: H3_MODULES,
  calls: [
    { callee: { package: H3_MODULES, name: HANDLER_FACTORIES }, ...EVENT_HANDLER },
    { callee: { package: H3_MODULES, name: LAZY_FACTORY }, ...LAZY_HANDLER },
  ],
  globals: [
    ...HANDLER_FACTORIES.map((name) => ({ name, path: NUXT_SERVER, ...EVENT_HANDLER })),
    { name: LAZY_FACTORY, path: NUXT_SERVER, ...LAZY_HANDLER },
  ],
} as const satisfies FrameworkDescriptor;
