// What a request handler reaches through its parameters that lives as long as the application, not
// the request: a tracer cached there (`req.app.locals.tracer ??= HoneyHiveTracer.init(…)`) is made
// once per process, the seeds' "initialize once" written lazily, and is not a per-request init. Read
// by analysis/tracer-init.ts (`outlives`). Per-request holders are left out on purpose, so a cache in
// them stays reported: Express `res.locals` and `req.*`, Koa `ctx.state` and `ctx.*` (each request
// gets its own `ctx`), Hono `c.set()`/`c.var` (a new Context per request), Fastify `request.*`/`reply.*`.
// A Fastify `fastify.decorate("tracer", …)` needs no entry: it runs where a plugin is registered,
// once, and a plugin is no request handler (APP_CONTEXT_SLOTS below reads what it stores).
import { FASTIFY_ROUTE_FUNCTIONS, FASTIFY_ROUTE_METHODS } from "./frameworks/fastify-routes.js";
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
 * Where a function of an application reaches a value: the application object itself (the variable `app`
 * makes: `app.locals`), or a parameter of a function registered on the app (`position`; absent: any of its
 * parameters), then the members of `path` read off it (`res.locals`, `request.server`).
 */
export type AppValuePlace =
  | { readonly on: "app"; readonly path: readonly string[] }
  | { readonly on: "parameter"; readonly position?: number; readonly path: readonly string[] }
  /** `this` of a non-arrow function registered on the app, where the framework calls it with the app as `this` (Fastify). */
  | { readonly on: "this"; readonly path: readonly string[] };

/**
 * Plugins that run on the app itself: a function wrapped by one of `wrappers` and given to `<app>.<register>(…)` gets
 * that app as its first parameter, so what it stores there (`<parameter>.<setter>("<name>", value)`) is stored on the
 * app; `encapsulate`: an option of the wrapper's second argument that, written `true`, keeps those stores to the plugin.
 */
export interface AppPlugins {
  readonly register: string;
  readonly wrappers: readonly ValueSpecifier[];
  readonly encapsulate?: string;
}

/**
 * A place an application keeps a named value for its handlers, and where they read it back: what a framework
 * stores (`app.context.tracer = tracer`, `app.decorate("tracer", tracer)`, `req.tracer = tracer`, `c.set("tracer",
 * tracer)`) and reads (`ctx.tracer`, `request.server.tracer`, `c.get("tracer")`). Read by analysis/sdk-model.ts
 * (`appContextTracer`).
 *
 * A store on the app keeps one value for the whole process, whatever it is. A store on a parameter keeps it for
 * one request (each request gets a new `req`, `res.locals`, Hono `Context`): it holds the app's one tracer only
 * when the value stored is a module-level tracer, written in a function registered on the same app as the reader.
 */
export interface AppContextSlot {
  /** The framework descriptor's id (its handlers get the context). */
  readonly framework: string;
  /** What makes the application (`new Koa()`, `new Telegraf(token)`, `express()`, `Fastify()`, `new Hono()`). */
  readonly app: ValueSpecifier;
  /** Where the value is put: `<place>.<name> = value` (also `??=`, `||=`), or with `setter` `<place>.<setter>("<name>", value)`. */
  readonly store: AppValuePlace & { readonly setter?: string };
  /**
   * Where handlers read it back: `<place>.<name>`, or with `getter` `<place>.<getter>("<name>")`. A store on the
   * app is also read where it is put (`app.locals.tracer`) and through the app members of `APP_LIFETIME_HOLDERS`
   * (`req.app.locals.tracer`, `request.server.tracer`): those need no entry here.
   */
  readonly reads: readonly (AppValuePlace & { readonly getter?: string })[];
  /**
   * Calls that hand the functions they are given (arguments, or elements of an array argument) on to
   * whatever registers their result, unchanged (koa-compose's `compose([a, b])`, koa-mount's `mount("/p", a)`):
   * `app.use(compose([a]))` registers `a` on the app, so its context is the app's.
   */
  readonly wrappers?: readonly ValueSpecifier[];
  /** Plugins whose stores on their parameter are stores on the app that registers them (a store on the app only). */
  readonly plugins?: AppPlugins;
  /**
   * The keys of an options-object argument whose functions a call of the method registers, by method name (Fastify's
   * `app.route({ handler })`, `app.post(url, { preHandler }, fn)`): the framework descriptor's `Registration.options`,
   * from the same table (a test holds them equal). Absent, or another key or method: a function in an options
   * object is not registered (`app.configure({ onError: fn })`).
   */
  readonly optionKeys?: Readonly<Record<string, readonly string[]>>;
  readonly verifiedAt: string;
}

const EXPRESS_APP: ValueSpecifier = { package: "express", name: "" };

export const APP_CONTEXT_SLOTS: readonly AppContextSlot[] = [
  {
    framework: "koa",
    app: { package: "koa", name: ["", "Koa"] },
    store: { on: "app", path: ["context"] },
    reads: [{ on: "parameter", position: 0, path: [] }],
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
    store: { on: "app", path: ["context"] },
    reads: [{ on: "parameter", position: 0, path: [] }],
    // telegraf lib/composer.js (4.4.2 and 4.16.3 on unpkg, checked with the search tool 2026-12-06): the statics
    // `Composer.compose(fns)`, `Composer.mount(updateType, ...fns)` (4.4; `on` in 4.16 calls `Composer.on`) return one middleware of them.
    wrappers: [{ package: "telegraf", name: ["Composer.compose", "Composer.mount", "Composer.on", "Telegraf.compose", "Telegraf.mount"] }],
    verifiedAt:
      "telegraf docs/context.md (3.x, unpkg) 'The recommended way to extend application context': `app.context.db = …` then `ctx.db` in `app.on('text', (ctx) => …)` (checked 2026-12-06; 4.x keeps `bot.context`, not re-read in its source here). Takes effect where a telegraf descriptor makes its listeners handlers",
  },
  {
    framework: "express",
    app: EXPRESS_APP,
    store: { on: "app", path: ["locals"] },
    reads: [],
    verifiedAt:
      "expressjs.com/en/4x/api/application (app.locals): 'Once set, the value of app.locals properties persist throughout the life of the application, in contrast with res.locals properties that are valid only for the lifetime of the request'; 'The Express application object can be referred from the request object and the response object as req.app, and res.app' (search tool, docs corpus, 2026-12-06)",
  },
  {
    framework: "express",
    app: EXPRESS_APP,
    store: { on: "parameter", position: 1, path: ["locals"] },
    reads: [{ on: "parameter", position: 1, path: ["locals"] }],
    verifiedAt:
      "expressjs.com/en/4x/api/response (res.locals), nodejs.cn mirror of 4x/5x: 'variables set on res.locals are available within a single request-response cycle, and will not be shared between requests'; its example sets them in `app.use((req, res, next) => …)` (search tool, docs corpus, 2026-12-06)",
  },
  {
    framework: "express",
    app: EXPRESS_APP,
    store: { on: "parameter", position: 0, path: [] },
    reads: [{ on: "parameter", position: 0, path: [] }],
    verifiedAt:
      "expressjs.com/en/guide/writing-middleware.html: middleware functions 'have access to the request object (req)' and may 'make changes to the request and the response objects'; its `requestTime` middleware sets `req.requestTime` in `app.use(…)` and the route reads `req.requestTime` (search tool, docs corpus, 2026-12-06)",
  },
  {
    framework: "fastify",
    app: { package: "fastify", name: ["", "fastify"] },
    store: { on: "app", path: [], setter: "decorate" },
    // Routes and hooks written as non-arrow functions get the instance as `this` (fastify/fastify PR #2327 "docs: fastify
    // server is this in handlers"; Hooks.md: `this` in a hook is the Fastify context; search tool, 2026-12-06).
    reads: [{ on: "this", path: [] }],
    // fastify-plugin README: `module.exports = fp(async function (fastify, opts) { fastify.decorate(…) })` makes the plugin's
    // decorations "accessible in the same context where you require them" (it sets `skip-override`); `fp(plugin, {
    // encapsulate: true })` keeps them in the plugin's own scope; the package exports `fp` as its default and as
    // `fastifyPlugin`. Fastify Plugins.md: without it, `register` "creates a new scope" and a `decorate` there does not
    // reach the ancestors (search tool, docs corpus, 2026-12-06).
    plugins: { register: "register", wrappers: [{ package: "fastify-plugin", name: ["", "default", "fastifyPlugin"] }], encapsulate: "encapsulate" },
    optionKeys: Object.fromEntries([...FASTIFY_ROUTE_METHODS.verbs, ...FASTIFY_ROUTE_METHODS.others].map((method) => [method, FASTIFY_ROUTE_FUNCTIONS])),
    verifiedAt:
      "fastify docs/Reference/Decorators.md (fastify.dev v4.29–v5.11; unpkg fastify 1.14–5.8): `fastify.decorate(name, value)` adds a property to the server instance, then 'you can access the value by using the name you passed' (`fastify.utility()`, `fastify.conf.db`); Request.md: `request.server` is the instance (search tool, docs corpus, 2026-12-06)",
  },
  {
    framework: "hono",
    app: { package: ["hono", "hono/quick", "hono/tiny", "@hono/hono"], name: "Hono" },
    store: { on: "parameter", position: 0, path: [], setter: "set" },
    reads: [
      { on: "parameter", position: 0, path: [], getter: "get" },
      { on: "parameter", position: 0, path: ["var"] },
    ],
    verifiedAt:
      "hono.dev/api/context: 'The Context object is instantiated for each request'; `c.set(key, value)` in `app.use(async (c, next) => …)` then `c.get(key)` in a route (honojs/hono discussion #1011); `c.var.<key>` reads the same variables (honojs/hono PR #1406 'feat(context): introduce c.var'; hono 4.6 context-storage docs `getContext().var.message`) (search tool, docs corpus, 2026-12-06)",
  },
];

/** A form a slot's value is read back in (`AppContextSlot.reads`, with the derived ones). */
export type AppSlotRead = AppValuePlace & { readonly getter?: string };

const READS = new Map<AppContextSlot, readonly AppSlotRead[]>();

/**
 * Every form `slot`'s value is read back in: its `reads`, and for a store on the app (`app.locals.<name> = …`,
 * `app.decorate("<name>", …)`) the same place on the app itself (`app.locals.<name>`, `app.<name>`) and through
 * each app member `APP_LIFETIME_HOLDERS` lists for the framework, on any parameter (`req.app.locals.<name>`,
 * `request.server.<name>`, `reply.server.<name>`).
 */
export function appSlotReads(slot: AppContextSlot): readonly AppSlotRead[] {
  let reads = READS.get(slot);
  if (!reads) {
    const { store } = slot;
    const throughApp: AppSlotRead[] =
      store.on === "app"
        ? [{ on: "app", path: store.path }, ...[...(BY_FRAMEWORK.get(slot.framework) ?? [])].map((member): AppSlotRead => ({ on: "parameter", path: [member, ...store.path] }))]
        : [];
    READS.set(slot, (reads = [...slot.reads, ...throughApp]));
  }
  return reads;
}
