import type { FrameworkDescriptor } from "../types.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";

const HONO = ["hono", "hono/quick", "hono/tiny"];
/** `@hono/zod-openapi`'s `OpenAPIHono`: a Hono app whose `openapi(route, handler)` registers a route too. */
const OPENAPI_HONO = { package: "@hono/zod-openapi", name: "OpenAPIHono" };

/** Hono apps (`new Hono()`), `hono/factory`'s `createFactory()` and `createMiddleware(fn)`. */
export const hono = {
  id: "hono",
  name: "Hono",
  modules: [...HONO, "hono/factory", "@hono/zod-openapi"],
  objects: {
    app: {
      createdBy: [
        { value: { package: HONO, name: "Hono" }, new: true },
        { value: OPENAPI_HONO, new: true },
      ],
      types: [{ package: HONO, name: "Hono" }, OPENAPI_HONO],
      methods: {
        ...methods([...HTTP_VERBS, "use", "on", "onError", "notFound"]),
        // `openapi(route, handler, hook?)`: the route is a `createRoute()` object, the handler comes second.
        openapi: { arguments: [1] },
      },
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
  // The handler gets a context: `c.get("user")` reads what a middleware `c.set`, the request is `c.req`
  // (`c.req.header("x")`, `c.req.query("x")`, `c.req.param("id")`, `await c.req.json()`).
  requestInputs: { ...REQUEST_OBJECT, holds: "context" },
} as const satisfies FrameworkDescriptor;
