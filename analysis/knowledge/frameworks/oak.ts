import type { FrameworkDescriptor, Mounting, RouteCover } from "../types.js";
import { HTTP_VERBS, REQUEST_OBJECT, methods } from "./common.js";

/**
 * oak, Deno's Koa-like middleware framework (jsr.io/@oak/oak, also on npm as `@oak/oak`; Deno's `jsr:@oak/oak@17`
 * specifier reads as the bare name): `new Application()` with `app.use(mw)`, a `new Router()`'s
 * `router.get(path, mw…, handler)` (or `router.get(name, path, handler)`) mounted with `app.use(router.routes())`, served by
 * `app.listen()` or `Deno.serve(app.fetch)`. Each middleware and route runs per request, for every client at once.
 * The older `https://deno.land/x/oak/mod.ts` URL imports read as `@oak/oak` (../npm-cdns.ts DENO_LAND_MODULES).
 */
const OAK = ["@oak/oak", "@oak/oak/application", "@oak/oak/router"];
/** `(ctx, next)`: `await next()` settles once the rest of the chain has, as in Koa (oak's middleware.ts `compose`). */
const AROUND_NEXT = { runs: "aroundNext" } as const satisfies RouteCover;
const OAK_MOUNTS = { method: "use", through: ["routes"] } as const satisfies Mounting;

export const oak = {
  id: "oak",
  name: "oak",
  modules: OAK,
  objects: {
    app: {
      createdBy: [{ value: { package: OAK, name: "Application" }, new: true }],
      types: [{ package: OAK, name: "Application" }],
      methods: { use: { coversRoutes: AROUND_NEXT } },
      mounts: OAK_MOUNTS,
      listens: ["listen"],
    },
    router: {
      createdBy: [{ value: { package: OAK, name: "Router" }, new: true }],
      types: [{ package: OAK, name: "Router" }],
      methods: { ...methods([...HTTP_VERBS, "all"], { ends: "last" }), use: { coversRoutes: AROUND_NEXT } },
      mounts: OAK_MOUNTS,
    },
  },
  handlerTypes: [{ package: OAK, name: ["Context", "RouterContext", "Middleware", "RouterMiddleware"] }],
  // `ctx.request.headers.get("x")`, `ctx.request.url.searchParams`, `ctx.params`, `await ctx.request.body.json()`.
  requestInputs: REQUEST_OBJECT,
} as const satisfies FrameworkDescriptor;
