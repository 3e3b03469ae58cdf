import type { TSESTree } from "@typescript-eslint/types";
import { memberName, staticName } from "../../ast.js";
import { deploymentOf } from "../../deployment.js";
import { awsLambda } from "../platforms/aws-lambda.js";
import { cloudflarePages } from "../platforms/cloudflare-pages.js";
import { cloudflareWorkers } from "../platforms/cloudflare-workers.js";
import { unwrap } from "../../bindings.js";
import type { FrameworkDescriptor, HandlerHookApi, Mounting, PlatformDescriptor, RouteCover } from "../types.js";
import { adaptedAppPlatform, isMadeBy, type AppAdapter } from "./app-adapters.js";
import { HTTP_VERBS, ONE_METHOD_VERBS, REQUEST_OBJECT, methods } from "./common.js";
import { serverlessPlatform } from "./nextjs.js";

// `@hono/hono` is the same package published on JSR (Deno's `jsr:@hono/hono`).
const HONO = ["hono", "hono/quick", "hono/tiny", "@hono/hono"];
const HONO_APP = { package: HONO, name: "Hono" };
/** `@hono/zod-openapi`'s `OpenAPIHono`: a Hono app whose `openapi(route, handler)` registers a route too. */
const OPENAPI_HONO = { package: "@hono/zod-openapi", name: "OpenAPIHono" };
const HONO_APPS = [HONO_APP, OPENAPI_HONO];
/**
 * Hono composes middleware as promises: `await next()` settles once the matched routes after it have
 * produced the response, which is returned to the host only after the outermost middleware settles. A
 * flush after it (awaited, or handed to `c.executionCtx.waitUntil`) is in the invocation. `app.use(fn)`
 * and `app.use("*", fn)` run for every path; `app.use("/api/*", fn)` only for some.
 */
const AROUND_NEXT = { runs: "aroundNext", catchAllPaths: ["*", "/*"] } as const satisfies RouteCover;
/** `app.route("/api", api)`: the sub-app's routes run after the app's middleware registered before it. */
const HONO_MOUNTS = { method: "route" } as const satisfies Mounting;
/** A Hono middleware `(c, next)`: `next()` returns the promise of the rest of the chain. */
const NEXT_BY_ARITY = { 2: 1 } as const;

/**
 * A Hono app is a Cloudflare Worker (each route an invocation that ends with its response, whose
 * background work goes to `c.executionCtx.waitUntil`) when the file exports it as the Worker
 * (`export default app`, an app made with `new Hono()`) in a Workers project: the file imports
 * `cloudflare:workers`, or `deploymentOf(…).wrangler` (a wrangler config, or `wrangler` /
 * `@cloudflare/workers-types` among the nearest package.json's dependencies).
 */
function workersPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const exported = api.ast.body.find((statement): statement is TSESTree.ExportDefaultDeclaration => statement.type === "ExportDefaultDeclaration");
  if (!exported || !isWorkerOfApp(api, exported.declaration)) return undefined;
  return api.text.includes("cloudflare:workers") || deploymentOf(api.filename).wrangler ? cloudflareWorkers : undefined;
}

/**
 * Hono's adapters for serverless hosts (https://hono.dev/docs/getting-started/aws-lambda and the pages
 * beside it): the file exports `handle(app)` as the host's entry point (`export const handler =
 * handle(app)` on Lambda, `export const onRequest = handle(app)` on Pages), so each route of the app runs inside that invocation and must flush before its `Response`
 * is returned. `hono/vercel` is also what Hono's Next.js guide uses on any host (`export const GET =
 * handle(app)` in a route file): its routes are serverless where Next.js routes are (`serverlessPlatform`).
 * `hono/netlify` serves Netlify Edge Functions, which do not freeze after the response (`frameworks/netlify.ts`).
 */
const ADAPTERS: readonly AppAdapter[] = [
  { handle: { package: "hono/aws-lambda", name: ["handle", "streamHandle"] }, platform: awsLambda, nextParameterByArity: NEXT_BY_ARITY },
  { handle: { package: "hono/cloudflare-pages", name: "handle" }, platform: cloudflarePages, nextParameterByArity: NEXT_BY_ARITY },
  { handle: { package: "hono/vercel", name: "handle" }, platform: serverlessPlatform },
];

/**
 * A Hono app on a serverless host: exported through an adapter, or as the Worker. (Routes that a
 * flushing middleware covers are decided per route: `AROUND_NEXT`.)
 */
function honoPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const isApp = (app: TSESTree.Node): boolean => isHonoApp(api, app);
  return adaptedAppPlatform(api, ADAPTERS, isApp, isApp, { mounts: [HONO_MOUNTS], middleware: "use" }) ?? workersPlatform(api);
}

/**
 * The Worker the file exports is the app: `export default app`, or an object whose `fetch` is the
 * app's (`export default { fetch: app.fetch, scheduled: … }`, how Hono's Workers guide combines the app
 * with other handlers). A `fetch` of its own that calls `app.fetch(…)` is not read as the app.
 */
function isWorkerOfApp(api: HandlerHookApi, declaration: TSESTree.Node): boolean {
  if (isHonoApp(api, declaration)) return true;
  const object = unwrap(declaration);
  return object.type === "ObjectExpression" && object.properties.some(
    (property) => property.type === "Property" && staticName(property.key, property.computed) === "fetch" && memberName(property.value) === "fetch" && property.value.type === "MemberExpression" && isHonoApp(api, property.value.object),
  );
}

/** `new Hono()` (also `new Hono().basePath("/api")`, as the adapters' guides write it), inline or through the `const` that holds it. */
function isHonoApp(api: HandlerHookApi, node: TSESTree.Node): boolean {
  return isMadeBy(api, node, HONO_APPS, true, ["basePath"]);
}

/** Hono apps (`new Hono()`), `hono/factory`'s `createFactory()` and `createMiddleware(fn)`. */
export const hono = {
  id: "hono",
  name: "Hono",
  modules: [...HONO, "hono/factory", "@hono/zod-openapi"],
  objects: {
    app: {
      createdBy: [
        { value: HONO_APP, new: true },
        { value: OPENAPI_HONO, new: true },
      ],
      types: [HONO_APP, OPENAPI_HONO],
      methods: {
        // On Workers the route path names the invocation in messages (`app.post("/chat", …)`).
        // The last callback of a route is the route; `use` decides by `next` (`sessionFlow`).
        ...methods(HTTP_VERBS, { nameArgument: 0, ends: "last" }),
        on: { ends: "last" },
        use: { coversRoutes: AROUND_NEXT },
        notFound: {},
        // `onError((err, c) => …)` answers a failed request: the error comes first, no `next`.
        onError: { errorHandlers: true },
        // `openapi(route, handler, hook?)`: the route is a `createRoute()` object, the handler comes second.
        openapi: { arguments: [1] },
      },
      chainable: ["basePath", "route"],
      mounts: HONO_MOUNTS,
      // `basePath` returns a clone that shares the app's router and middleware (hono-base.ts `#clone`).
      sharesRoutes: ["basePath"],
    },
    factory: {
      createdBy: [{ value: { package: "hono/factory", name: "createFactory" }, new: false }],
      methods: methods(["createHandlers", "createMiddleware"]),
      returns: { createApp: "app" },
    },
  },
  calls: [{ callee: { package: "hono/factory", name: "createMiddleware" }, arguments: [0] }],
  platform: honoPlatform,
  // Route-level middleware (`app.get("/chat", openSession, handler)`) runs for its route only: proven
  // in sdk/lost-session-frameworks.test.ts.
  sessionFlow: {
    beforeHandler: { "*": { nextParameterByArity: NEXT_BY_ARITY, awaitedNextRunsHandler: true } },
    routeLevel: { routeMethods: ONE_METHOD_VERBS, appMiddleware: "use" },
  },
  handlerTypes: [{ package: HONO, name: ["Context", "Handler", "MiddlewareHandler", "ErrorHandler", "NotFoundHandler"] }],
  // The handler gets a context: `c.get("user")` reads what a middleware `c.set`, the request is `c.req`
  // (`c.req.header("x")`, `c.req.query("x")`, `c.req.param("id")`, `await c.req.json()`).
  // `hono/cookie`'s `getCookie(c, "sid")` / `getSignedCookie(c, secret, "sid")` read the request's cookies.
  // `c.req.valid("json" | "query" | "header" | "param" | "form" | "cookie")` returns what the route's
  // validator middleware (`validator(target, fn)` of `hono/validator`, `zValidator(target, schema)` of
  // `@hono/zod-validator`) returned: hono.dev/guides/validation, checked 2026-12-06. Client input unless
  // that schema checks a UUID for the property read (zod `.uuid()`, `z.uuid()`). Also valibot's
  // `vValidator` (`v.pipe(v.string(), v.uuid())`), TypeBox's `tbValidator` (`Type.String({ format: "uuid" })`)
  // and the Standard Schema `sValidator` (their READMEs: `(target, schema, hook?)`, as zValidator). A
  // validator registered for every route, or for a path that covers the route, before it
  // (`app.use("*", zValidator(…))`, `app.use("/chat/*", …)`) validates the route too.
  requestInputs: {
    ...REQUEST_OBJECT,
    holds: "context",
    readers: [{ package: "hono/cookie", name: ["getCookie", "getSignedCookie"] }],
    validatedGetters: {
      names: ["valid"],
      middlewares: [
        { package: "hono/validator", name: "validator" },
        { package: "@hono/zod-validator", name: "zValidator" },
        { package: "@hono/valibot-validator", name: "vValidator" },
        { package: "@hono/typebox-validator", name: "tbValidator" },
        { package: "@hono/standard-validator", name: "sValidator" },
      ],
      appMiddleware: "use",
      mentions: /\buuid\b|\.uuid\s*\(|isSessionId|toSessionId/i,
    },
  },
} as const satisfies FrameworkDescriptor;
