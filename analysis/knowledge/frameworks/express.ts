import { awsLambdaExpressApp } from "../platforms/aws-lambda.js";
import { gcpFunctions } from "../platforms/gcp-functions.js";
import type { FrameworkDescriptor, Mounting, ValueSpecifier } from "../types.js";
import { adaptedAppPlatform, adapterModules, isMadeBy, type AppAdapter } from "./app-adapters.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";

const EXPRESS_APP: ValueSpecifier = { package: "express", name: "" };
/** `express.Router()`, `Router()`: a router mounted on an app (`app.use("/api", router)`) runs inside the app's invocation. */
const EXPRESS_APP_OR_ROUTER: ValueSpecifier = { package: "express", name: ["", "Router"] };
/**
 * `(err, req, res, next)`: Express runs a callback whose `fn.length` is 4 only after an earlier one
 * failed (https://expressjs.com/en/guide/error-handling.html), wherever it is registered. No Express
 * middleware covers routes with a flush: `next()` returns nothing to await.
 */
const ERROR_MIDDLEWARE = { errorArity: 4 } as const;

/**
 * An Express app served on a serverless platform: on AWS Lambda by `export const handler =
 * serverless(app)` (serverless-http, https://github.com/dougmoscrop/serverless-http) or
 * `serverlessExpress({ app })` / `configure({ app })` of `@codegenie/serverless-express` (formerly
 * `@vendia/serverless-express`), or as a Cloud Functions for Firebase HTTPS function. Its routes are
 * then the invocation, which ends with the response they send.
 */
export const EXPRESS_ADAPTERS: readonly AppAdapter[] = [
  { handle: { package: "serverless-http", name: "" }, platform: awsLambdaExpressApp },
  { handle: { package: ["@codegenie/serverless-express", "@vendia/serverless-express"], name: ["", "configure"] }, appOption: "app", platform: awsLambdaExpressApp },
  // Cloud Functions for Firebase serve an Express app as an HTTPS function (`export const api =
  // onRequest(app)`, 1st gen `functions.https.onRequest(app)`): https://firebase.google.com/docs/functions/http-events.
  { handle: { package: ["firebase-functions/v2/https", "firebase-functions/https"], name: "onRequest" }, platform: gcpFunctions },
  { handle: { package: ["firebase-functions", "firebase-functions/v1", "firebase-functions/v2"], name: "https.onRequest" }, platform: gcpFunctions },
  // The Functions Framework serves an Express app as an HTTP function: `functions.http("api", app)`
  // (its handler is called with Express's `(req, res)`, and an app is such a function):
  // https://github.com/GoogleCloudPlatform/functions-framework-nodejs#quickstart-set-up-a-new-project.
  { handle: { package: "@google-cloud/functions-framework", name: "http" }, registersAtArgument: 1, platform: gcpFunctions },
];

/** `app.use(router)`, `app.use("/api", router)`. */
const EXPRESS_MOUNTS = { method: "use" } as const satisfies Mounting;

/** Express: `express()` / `Router()` apps and routers, `app.route(path)` chains, typed `(req: Request, res: Response)` controllers. */
export const express = {
  id: "express",
  name: "Express",
  modules: ["express", "express-serve-static-core"],
  objects: {
    app: {
      createdBy: [{ value: { package: "express", name: ["", "Router"] } }],
      types: [{ package: "express", name: ["Express", "Application", "Router", "IRouter"] }],
      // On Lambda (served through an adapter) the route path names the invocation in messages.
      // A route's last callback is the route whatever its parameters (`(req, res, next)` that passes
      // only errors on); `param` callbacks are middleware; `use` decides by `next` (`sessionFlow`).
      // Express tells error middleware by `fn.length === 4` (`ERROR_MIDDLEWARE`), in `use` and in a route.
      methods: { ...methods([...HTTP_VERBS, "del"], { nameArgument: 0, ends: "last", errorHandlers: ERROR_MIDDLEWARE }), use: { errorHandlers: ERROR_MIDDLEWARE }, param: { ends: "none" } },
      returns: { route: "route" },
      mounts: EXPRESS_MOUNTS,
      listens: ["listen"],
    },
    route: { methods: methods(HTTP_VERBS, { ends: "last", errorHandlers: ERROR_MIDDLEWARE }) },
  },
  platform: (api) =>
    adaptedAppPlatform(
      api,
      EXPRESS_ADAPTERS,
      (app) => isMadeBy(api, app, [EXPRESS_APP]),
      (router) => isMadeBy(api, router, [EXPRESS_APP_OR_ROUTER]),
      // No covering middleware: Express's `next()` returns nothing to await.
      { mounts: [EXPRESS_MOUNTS] },
    ),
  platformSigns: { imports: adapterModules(EXPRESS_ADAPTERS), appMakers: [EXPRESS_APP_OR_ROUTER] },
  // Route-level middleware (`app.get("/chat", openSession, handler)`) runs for its route only: proven
  // in sdk/lost-session-context.test.ts.
  sessionFlow: {
    beforeHandler: { "*": { nextParameterByArity: { 3: 2, 4: 3 } } },
    routeLevel: { routeMethods: ONE_METHOD_VERBS, appMiddleware: "use" },
  },
  handlerTypes: [
    {
      package: ["express", "express-serve-static-core"],
      name: ["Request", "Response", "NextFunction", "RequestHandler", "ErrorRequestHandler", "Handler"],
    },
  ],
  // `(err, req, res, next)` is error middleware; `app.param(name, (req, res, next, value) => …)` is not.
  // `req.param(name)` (Express 4) reads the body and query too: only `req.params` is the route's.
  // express-session's `req.sessionID` comes from the client's cookie and is never a UUID (uid-safe: 24 random
  // bytes in base64url, or the app's `genid`); `req.session.id` is "an alias of req.sessionID" (express-session
  // README, `req.session.id`), while the rest of `req.session` is the server's data. cookie-session's
  // `req.session` has no id of its own: an `id` the app stored there is reported too.
  requestInputs: {
    ...REQUEST_OBJECT,
    parts: [...REQUEST_OBJECT.parts, "sessionID"],
    members: { session: { holds: "request", parts: ["id"] } },
    parameterByArity: { 4: 1 },
    arityExceptMethods: ["param"],
    routeParameters: ["params"],
    // express-validator's `matchedData(req)` returns the fields the route's chains matched
    // (express-validator docs, api-matched-data: only data that passed its chains, `onlyValidData` defaults to
    // true; checked 2026-12-06): validated only where the chain checks a UUID.
    readers: [{ package: "express-validator", name: "matchedData" }],
    // A chain checks one location (api-check: `body()`, `cookie()`, `header()`, `param()`, `query()`; `check()`
    // every one): `matchedData(req, { locations: ["headers"] })` holds only what header chains matched.
    // `checkSchema({ field: { in: ["body"], isUUID: true } })` (api-check-schema; `in` defaults to every
    // location, also `checkSchema(schema, ["body"])`) is read the same way.
    validatedReaders: {
      names: ["matchedData"],
      chains: [{ package: "express-validator", name: ["body", "query", "header", "param", "cookie", "check"] }],
      checks: ["isUUID"],
      appMiddleware: "use",
      chainLocations: { body: ["body"], query: ["query"], header: ["headers"], param: ["params"], cookie: ["cookies"] },
      schemas: [{ package: "express-validator", name: "checkSchema" }],
      schemaLocationKey: "in",
      // A chain is a middleware that records errors and calls `next()`: `validationResult(req)` reads them
      // (express-validator docs, api-validation-chain and the getting-started guide: the handler answers
      // `if (!result.isEmpty())`; checked with the search tool 2026-12-06).
      // `Result` has isEmpty(), array(), mapped(), formatWith(), throw() (express-validator 7.x lib/validation-result.d.ts, via the docs corpus).
      results: [{ package: "express-validator", name: "validationResult" }],
      resultThrows: ["throw"],
    },
  },
} as const satisfies FrameworkDescriptor;
