// What a request handler reaches through its parameters that lives as long as the application, not
// the request: a tracer cached there (`req.app.locals.tracer ??= HoneyHiveTracer.init(…)`) is made
// once per process, the seeds' "initialize once" written lazily, and is not a per-request init. Read
// by analysis/tracer-init.ts (`outlives`). Per-request holders are left out on purpose, so a cache in
// them stays reported: Express `res.locals` and `req.*`, Koa `ctx.state` and `ctx.*` (each request
// gets its own `ctx`), Hono `c.set()`/`c.var` (a new Context per request), Fastify `request.*`/`reply.*`.
// A Fastify `fastify.decorate("tracer", …)` needs no entry: it runs where a plugin is registered,
// once, and a plugin is no request handler.
import type { ValueSpecifier } from "./types.js";

/** Members of a framework handler's parameters that are the application object. */
export interface AppLifetimeHolder {
  /** The framework descriptor's id (`RequestHandler.framework`). */
  readonly framework: string;
  /** The first member read on any parameter: `app` for `req.app.locals`, `res.app`. */
  readonly members: readonly string[];
  readonly verifiedAt: string;
}

export const APP_LIFETIME_HOLDERS: readonly AppLifetimeHolder[] = [
  {
    framework: "express",
    members: ["app"],
    verifiedAt:
      "expressjs.com/en/5x/api.html: `req.app` 'holds a reference to the instance of the Express application that is using the middleware', `res.app` 'is identical to the req.app property'; `app.locals` 'properties persist throughout the life of the application, in contrast with res.locals properties that are valid only for the lifetime of the request'",
  },
  {
    framework: "koa",
    members: ["app"],
    verifiedAt:
      "koajs.com (Context): `ctx.app` is the application instance reference; `app.context` 'is the prototype from which ctx is created'; `ctx.state` is the recommended namespace for passing information through middleware, per request",
  },
  {
    framework: "fastify",
    members: ["server"],
    verifiedAt: "fastify.dev/docs/latest/Reference/Request and Reply: `request.server` / `reply.server` is the Fastify server instance, bound to the handler's encapsulation context (`this` in a non-arrow handler)",
  },
];

const BY_FRAMEWORK: ReadonlyMap<string, ReadonlySet<string>> = new Map(APP_LIFETIME_HOLDERS.map((holder) => [holder.framework, new Set(holder.members)]));

/** Whether `member`, read on a parameter of a `framework` handler, is the application object. */
export function isAppLifetimeMember(framework: string | undefined, member: string | undefined): boolean {
  return framework !== undefined && member !== undefined && (BY_FRAMEWORK.get(framework)?.has(member) ?? false);
}

/**
 * An application member that is the prototype of every handler's context, so what the app stores there
 * once (`app.context.tracer = tracer`) every request reads as its own (`ctx.tracer`): one object for the
 * whole process, not one per request. Read by analysis/sdk-model.ts (`appContextTracer`).
 */
export interface AppContextSlot {
  /** The framework descriptor's id (its handlers get the context). */
  readonly framework: string;
  /** What makes the application (`new Koa()`, `new Telegraf(token)`). */
  readonly app: ValueSpecifier;
  /** The application's member every context inherits from: `app.context`. */
  readonly member: string;
  /** The position of the context among a handler's parameters. */
  readonly parameter: number;
  /**
   * Calls that hand the functions they are given (arguments, or elements of an array argument) on to
   * whatever registers their result, unchanged (koa-compose's `compose([a, b])`, koa-mount's `mount("/p", a)`):
   * `app.use(compose([a]))` registers `a` on the app, so its context is the app's.
   */
  readonly wrappers?: readonly ValueSpecifier[];
  readonly verifiedAt: string;
}

export const APP_CONTEXT_SLOTS: readonly AppContextSlot[] = [
  {
    framework: "koa",
    app: { package: "koa", name: ["", "Koa"] },
    member: "context",
    parameter: 0,
    // koa-compose README: `compose([a, b, c, ...])` "Compose the given middleware and return middleware"; koa-mount
    // README: `app.use(mount('/hello', hello))` mounts a middleware (or an app) at a path (unpkg koa-compose 4.2.0,
    // koa-mount 4.0.0; checked with the search tool 2026-12-06).
    wrappers: [
      { package: "koa-compose", name: "" },
      { package: "koa-mount", name: "" },
    ],
    verifiedAt: "koajs.com (Application, app.context): 'app.context is the prototype from which ctx is created. You may add additional properties to ctx by editing app.context … useful for adding properties or methods to ctx to be used across your entire app' (its example: `app.context.db = db()`, then `ctx.db` in a middleware)",
  },
  {
    framework: "telegraf",
    app: { package: "telegraf", name: ["Telegraf", ""] },
    member: "context",
    parameter: 0,
    // telegraf lib/composer.js (4.4.2 and 4.16.3 on unpkg, checked with the search tool 2026-12-06): the statics
    // `Composer.compose(fns)`, `Composer.mount(updateType, ...fns)` (4.4; `on` in 4.16 calls `Composer.on`) return one middleware of them.
    wrappers: [{ package: "telegraf", name: ["Composer.compose", "Composer.mount", "Composer.on", "Telegraf.compose", "Telegraf.mount"] }],
    verifiedAt:
      "telegraf docs/context.md (3.x, unpkg) 'The recommended way to extend application context': `app.context.db = …` then `ctx.db` in `app.on('text', (ctx) => …)` (checked 2026-12-06; 4.x keeps `bot.context`, not re-read in its source here). Takes effect where a telegraf descriptor makes its listeners handlers",
  },
];
