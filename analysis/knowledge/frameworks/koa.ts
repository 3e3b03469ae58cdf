import { awsLambda } from "../platforms/aws-lambda.js";
import type { FrameworkDescriptor, ValueSpecifier } from "../types.js";
import { adaptedAppPlatform, adapterModules, hasFlushingMiddleware, isMadeBy } from "./app-adapters.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";

const ROUTER_MODULES = ["@koa/router", "koa-router"];
const KOA_APP: ValueSpecifier = { package: "koa", name: ["", "Koa"] };
/**
 * A Koa app on AWS Lambda through serverless-http (`export const handler = serverless(app)`): Koa
 * answers once the middleware's promises settle, so a flush awaited in a middleware's `finally` runs
 * before the response and the end of the invocation.
 */
const LAMBDA_ADAPTERS = [{ handle: { package: "serverless-http", name: "" }, platform: awsLambda }];

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
      methods: { ...methods([...HTTP_VERBS, "del"], { nameArgument: 0, ends: "last" }), use: {}, param: { ends: "none" } },
    },
  },
  // A middleware that flushes around `await next()` covers every route (`hasFlushingMiddleware`).
  platform: (api) => (hasFlushingMiddleware(api) ? undefined : adaptedAppPlatform(api, LAMBDA_ADAPTERS, (app) => isMadeBy(api, app, [KOA_APP], true))),
  platformSigns: { imports: adapterModules(LAMBDA_ADAPTERS), appMakers: [KOA_APP] },
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
