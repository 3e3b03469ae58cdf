import { awsLambda } from "../platforms/aws-lambda.js";
import { gcpFunctionsKoaApp } from "../platforms/gcp-functions.js";
import type { FrameworkDescriptor, Mounting, RouteCover, ValueSpecifier } from "../types.js";
import { adaptedAppPlatform, adapterModules, isMadeBy } from "./app-adapters.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";

const ROUTER_MODULES = ["@koa/router", "koa-router"];
/** A Koa middleware `(ctx, next)`: `next()` returns the promise of the rest of the chain. */
const NEXT_BY_ARITY = { 2: 1 } as const;
/** `app.use(router.routes())`, `router.use("/admin", admin.routes())`, also `.middleware()` (koa-router's older name). */
const KOA_MOUNTS = { method: "use", through: ["routes", "middleware"] } as const satisfies Mounting;
const KOA_APP: ValueSpecifier = { package: "koa", name: ["", "Koa"] };
/** A `@koa/router` / `koa-router` router: mounted on an app (`app.use(router.routes())`), it runs inside the app's invocation. */
const KOA_ROUTER: ValueSpecifier = { package: ROUTER_MODULES, name: ["", "Router"] };
/**
 * A Koa app on AWS Lambda through serverless-http (`export const handler = serverless(app)`): Koa
 * answers once the middleware's promises settle, so a flush awaited in a middleware's `finally` runs
 * before the response and the end of the invocation.
 */
const LAMBDA_ADAPTERS = [
  { handle: { package: "serverless-http", name: "" }, platform: awsLambda, nextParameterByArity: NEXT_BY_ARITY },
  // The Functions Framework serves the app's request listener as an HTTP function: `functions.http("api", app.callback())`.
  { handle: { package: "@google-cloud/functions-framework", name: "http" }, registersAtArgument: 1, appMethod: "callback", platform: gcpFunctionsKoaApp, nextParameterByArity: NEXT_BY_ARITY },
];
/**
 * Koa composes middleware as promises (koa-compose): `await next()` settles once every later middleware
 * and route has, and Koa answers after the outermost settles, so a flush after it is in the invocation.
 */
const AROUND_NEXT = { runs: "aroundNext" } as const satisfies RouteCover;

/** Koa middleware (`new Koa().use(fn)`) and `@koa/router` / `koa-router` routes. */
export const koa = {
  id: "koa",
  name: "Koa",
  modules: ["koa", ...ROUTER_MODULES],
  objects: {
    app: {
      createdBy: [{ value: { package: "koa", name: ["", "Koa"] }, new: true }],
      types: [{ package: "koa", name: ["", "Koa"] }],
      // A middleware awaits the rest of the chain: one that flushes after `await next()` covers the routes after it.
      methods: { use: { coversRoutes: AROUND_NEXT } },
      mounts: KOA_MOUNTS,
      listens: ["listen"],
    },
    // koa-router also creates itself when called without `new` (`require("koa-router")()`).
    router: {
      createdBy: [{ value: { package: ROUTER_MODULES, name: ["", "Router"] } }],
      types: [{ package: ROUTER_MODULES, name: ["", "Router"] }],
      // `router.use("/admin", mw)` runs for the routes under that prefix only: it covers none for sure.
      methods: { ...methods([...HTTP_VERBS, "del"], { nameArgument: 0, ends: "last" }), use: { coversRoutes: AROUND_NEXT }, param: { ends: "none" } },
      mounts: KOA_MOUNTS,
    },
  },
  platform: (api) =>
    adaptedAppPlatform(
      api,
      LAMBDA_ADAPTERS,
      (app) => isMadeBy(api, app, [KOA_APP], true),
      (router) => isMadeBy(api, router, [KOA_APP], true) || isMadeBy(api, router, [KOA_ROUTER]),
      { mounts: [KOA_MOUNTS], middleware: "use" },
    ),
  platformSigns: { imports: adapterModules(LAMBDA_ADAPTERS), appMakers: [KOA_APP, KOA_ROUTER] },
  sessionFlow: {
    beforeHandler: { "*": { nextParameterByArity: NEXT_BY_ARITY, awaitedNextRunsHandler: true } },
    // `router.get(path, mw, handler)` (and koa-router's `del` alias of delete): `mw` runs for that route
    // only (proven on @koa/router 15: sdk/lost-session-frameworks.test.ts); `use`/`all` run for every route.
    routeLevel: { routeMethods: [...ONE_METHOD_VERBS, "del"], appMiddleware: "use" },
  },
  handlerTypes: [
    { package: "koa", name: ["Context", "ParameterizedContext", "Middleware"] },
    { package: ROUTER_MODULES, name: ["RouterContext", "Middleware"] },
  ],
  // `ctx.get("x")`, `ctx.query`, `ctx.header(s)`, `ctx.params`, `ctx.cookies.get("x")`, `ctx.request.body`.
  requestInputs: { ...REQUEST_OBJECT, parts: [...REQUEST_OBJECT.parts, "header", "querystring"] },
} as const satisfies FrameworkDescriptor;
