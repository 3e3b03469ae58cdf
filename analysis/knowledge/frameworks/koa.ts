import type { FrameworkDescriptor } from "../types.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";

const ROUTER_MODULES = ["@koa/router", "koa-router"];

/** Koa middleware (`new Koa().use(fn)`) and `@koa/router` / `koa-router` routes. */
export const koa = {
  id: "koa",
  name: "Koa",
  modules: ["koa", ...ROUTER_MODULES],
  objects: {
    app: {
      createdBy: [{ value: { package: "koa", name: ["", "Koa"] }, new: true }],
      types: [{ package: "koa", name: ["", "Koa"] }],
      methods: methods(["use"]),
      listens: ["listen"],
    },
    // koa-router also creates itself when called without `new` (`require("koa-router")()`).
    router: {
      createdBy: [{ value: { package: ROUTER_MODULES, name: ["", "Router"] } }],
      types: [{ package: ROUTER_MODULES, name: ["", "Router"] }],
      methods: methods([...HTTP_VERBS, "use", "param", "del"]),
    },
  },
  sessionFlow: {
    beforeHandler: { "*": { nextParameterByArity: { 2: 1 } } },
    // `router.get(path, mw, handler)` (and koa-router's `del` alias of delete): `mw` runs for that route
    // only (proven on @koa/router 15: sdk/lost-session-frameworks.test.ts); `use`/`all` run for every route.
    routeLevel: { routeMethods: [...ONE_METHOD_VERBS, "del"] },
  },
  handlerTypes: [
    { package: "koa", name: ["Context", "ParameterizedContext", "Middleware"] },
    { package: ROUTER_MODULES, name: ["RouterContext", "Middleware"] },
  ],
  // `ctx.get("x")`, `ctx.query`, `ctx.header(s)`, `ctx.params`, `ctx.cookies.get("x")`, `ctx.request.body`.
  requestInputs: { ...REQUEST_OBJECT, parts: [...REQUEST_OBJECT.parts, "header", "querystring"] },
} as const satisfies FrameworkDescriptor;
