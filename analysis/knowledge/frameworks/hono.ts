import type { FrameworkDescriptor } from "../types.js";
import { HTTP_VERBS, methods, ONE_METHOD_VERBS } from "./common.js";

const HONO = ["hono", "hono/quick", "hono/tiny"];

/** Hono apps (`new Hono()`), `hono/factory`'s `createFactory()` and `createMiddleware(fn)`. */
export const hono = {
  id: "hono",
  name: "Hono",
  modules: [...HONO, "hono/factory"],
  objects: {
    app: {
      createdBy: [{ value: { package: HONO, name: "Hono" }, new: true }],
      types: [{ package: HONO, name: "Hono" }],
      methods: methods([...HTTP_VERBS, "use", "on", "onError", "notFound"]),
      chainable: ["basePath", "route"],
    },
    factory: {
      createdBy: [{ value: { package: "hono/factory", name: "createFactory" }, new: false }],
      methods: methods(["createHandlers", "createMiddleware"]),
      returns: { createApp: "app" },
    },
  },
  calls: [{ callee: { package: "hono/factory", name: "createMiddleware" }, arguments: [0] }],
  // Route-level middleware (`app.get("/chat", openSession, handler)`) runs for its route only: proven
  // in sdk/lost-session-frameworks.test.ts.
  sessionFlow: {
    beforeHandler: { "*": { nextParameterByArity: { 2: 1 } } },
    routeLevel: { routeMethods: ONE_METHOD_VERBS },
  },
  handlerTypes: [{ package: HONO, name: ["Context", "Handler", "MiddlewareHandler", "ErrorHandler", "NotFoundHandler"] }],
} as const satisfies FrameworkDescriptor;
