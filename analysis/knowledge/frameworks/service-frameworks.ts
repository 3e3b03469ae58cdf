// Server frameworks whose handlers are methods of a service, a controller or an action schema, or exports
// of a routed file: each runs once per request or call, for every client at once, on the module's one tracer.
import type { FrameworkDescriptor } from "../types.js";
import { HTTP_VERBS, REQUEST_OBJECT, SCRIPT_EXTENSION, UPPERCASE_VERBS, methods } from "./common.js";
import { qwikAdapterPlatform } from "./server-adapters-config.js";

/**
 * AdonisJS 6 (docs.adonisjs.com guides/basics/routing, http-context, controllers, request; checked with the
 * search tool 2026-12-06): `import router from "@adonisjs/core/services/router"`, `router.get/post/…(pattern,
 * handler)` with an inline handler `async ({ request, response }) => …`, or a controller reference
 * `[ChatsController, "store"]` whose method gets the `HttpContext` (a fresh one per request). A method
 * typed `HttpContext` (`store({ request }: HttpContext)`) is a handler wherever it is written. The request
 * reads the client's input: `request.input("x")`, `all()`, `qs()`, `only()`, `header("x")`, `cookie("x")`,
 * and the context's `params`.
 */
export const adonisjs = {
  id: "adonisjs",
  name: "AdonisJS",
  modules: ["@adonisjs/core/services/router", "@adonisjs/core/http"],
  objects: {
    router: {
      isValue: [{ package: "@adonisjs/core/services/router", name: "" }],
      methods: methods([...HTTP_VERBS.filter((verb) => verb !== "all"), "any", "route"], { arguments: [1, 2] }),
    },
  },
  handlerTypes: [{ package: "@adonisjs/core/http", name: "HttpContext" }],
  requestInputs: { ...REQUEST_OBJECT, getters: [...REQUEST_OBJECT.getters, "input", "all", "qs", "only", "except", "encryptedCookie", "plainCookie"] },
} as const satisfies FrameworkDescriptor;

/**
 * Feathers 5 (feathersjs.com/api/services: a service is an object or a class instance with `find(params)`,
 * `get(id, params)`, `create(data, params)`, `update(id, data, params)`, `patch(id, data, params)`,
 * `remove(id, params)`, plus `setup`/`teardown` run once; registered with `app.use(path, service)`; checked
 * with the search tool 2026-12-06): each method runs once per call of a REST or socket client. The app is
 * `feathers()`, also wrapped by `koa(feathers())` / `express(feathers())`. What the client sent: `data`,
 * the `id`, and `params.query` (`params.user`, `params.provider` are set by the server).
 */
const FEATHERS = ["@feathersjs/feathers", "@feathersjs/koa", "@feathersjs/express"];
const FEATHERS_PARAMS = { holds: "request", parts: ["query", "headers", "route"] } as const;
export const feathers = {
  id: "feathers",
  name: "Feathers service method",
  modules: FEATHERS,
  objects: {
    app: {
      createdBy: [{ value: { package: FEATHERS, name: ["feathers", "", "koa", "express"] }, new: false }],
      types: [{ package: "@feathersjs/feathers", name: "Application" }],
      methods: { use: { arguments: [], methodMaps: [1], methodMapInstances: { except: ["setup", "teardown", "constructor"] } } },
    },
  },
  requestInputsByMethod: {
    find: { ...FEATHERS_PARAMS, parameter: 0 },
    get: { holds: "input", parameter: 0, otherParameters: { 1: FEATHERS_PARAMS } },
    remove: { holds: "input", parameter: 0, otherParameters: { 1: FEATHERS_PARAMS } },
    create: { holds: "input", parameter: 0, otherParameters: { 1: FEATHERS_PARAMS } },
    update: { holds: "input", parameter: 1, otherParameters: { 0: { holds: "input" }, 2: FEATHERS_PARAMS } },
    patch: { holds: "input", parameter: 1, otherParameters: { 0: { holds: "input" }, 2: FEATHERS_PARAMS } },
  },
} as const satisfies FrameworkDescriptor;

/**
 * Moleculer (moleculer service.d.ts / context.d.ts: `broker.createService({ name, actions: { add(ctx) {} }
 * })`, an action also `{ params, handler(ctx) }`; `ctx.params` is what the caller passed to
 * `broker.call(action, params)`, through moleculer-web the HTTP client's body/query; checked with the search
 * tool 2026-12-06): each action runs once per call, concurrently. `ctx.meta` is set by callers and gateways
 * (the server's), not read. An action's `params` schema (fastest-validator, checked on `ctx.params` by the
 * broker's validator middleware before the handler runs: moleculer src/validator.js on unpkg, checked with the
 * search tool; `sessionId: "uuid"` or `{ type: "uuid" }`) validates the
 * key it checks with a UUID rule (`validatedBy.handlerOption`).
 */
export const moleculer = {
  id: "moleculer",
  name: "Moleculer action",
  modules: ["moleculer"],
  objects: {
    broker: {
      createdBy: [{ value: { package: "moleculer", name: "ServiceBroker" }, new: true }],
      types: [{ package: "moleculer", name: "ServiceBroker" }],
      methods: { createService: { arguments: [], resolverMaps: ["actions"] } },
    },
  },
  requestInputs: { holds: "request", parts: ["params"], validatedBy: { handlerOption: "params", mentions: /uuid/i } },
} as const satisfies FrameworkDescriptor;

/** Qwik City's packages: `@builder.io/qwik-city` (Qwik 1) and `@qwik.dev/router` (Qwik 2). */
const QWIK_CITY = ["@builder.io/qwik-city", "@qwik.dev/router"];
/**
 * Qwik City (qwik.dev/docs/advanced/request-handling: "Each layout.ts and index.ts file inside the
 * src/routes directory" may export `onGet`, `onPost`, …, and `onRequest` for any method; route-loader:
 * `routeLoader$(async (requestEvent) => …)` "runs only on the server, after every navigation"; checked with
 * the search tool 2026-12-06): the request handlers of `src/routes/**` index/layout/plugin files, and the
 * server callbacks of `routeLoader$`, `routeAction$`, `globalAction$`, `server$`. The request event holds the
 * client's `request`, `params`, `query`, `url`, `cookie`, `headers`; an action gets the submitted form data
 * first, `server$` the client's arguments.
 */
export const qwikCity = {
  id: "qwik-city",
  name: "Qwik City",
  modules: QWIK_CITY,
  files: [
    {
      path: new RegExp(String.raw`(?:^|/)src/routes/(?:.+/)?(?:index|layout(?:-[\w-]+)?|plugin(?:@[\w-]+)?)${SCRIPT_EXTENSION}`),
      exports: /^on(?:Request|Get|Post|Put|Patch|Delete|Head|Options)$/,
      projectDependency: QWIK_CITY,
      // Served by a serverless adapter (`adapters/vercel-edge/`), the route handlers are its entry points.
      platform: qwikAdapterPlatform,
    },
  ],
  calls: [{ callee: { package: QWIK_CITY, name: ["routeLoader$", "routeAction$", "globalAction$", "server$"] }, arguments: [0] }],
  handlerTypes: [{ package: QWIK_CITY, name: ["RequestHandler", "RequestEvent"] }],
  requestInputs: { ...REQUEST_OBJECT, getters: [...REQUEST_OBJECT.getters, "parseBody"] },
  requestInputsByCall: {
    routeAction$: { holds: "input", parameter: 0 },
    globalAction$: { holds: "input", parameter: 0 },
    server$: { holds: "input", everyParameter: true },
  },
} as const satisfies FrameworkDescriptor;

/**
 * SolidStart (docs.solidjs.com solid-start building-your-application/api-routes: "A file becomes an API
 * route when it exports one or more HTTP method names such as GET, POST, PATCH, or DELETE", in
 * `src/routes`; `APIEvent` from `@solidjs/start/server` holds `request`, `params`, `locals`; checked with the
 * search tool 2026-12-06): the verb exports of `src/routes/**`.
 */
export const solidStart = {
  id: "solid-start",
  name: "SolidStart",
  modules: ["@solidjs/start/server", "@solidjs/start"],
  // Not a `+`-prefixed file (SvelteKit's `+page.ts`, `+server.ts` in its own `src/routes`): those are
  // SvelteKit's, and leaving them out keeps them from passing the entry gate (a path test) for SolidStart.
  // Express and Koa apps keep their route modules in `src/routes/` too: only in a SolidStart project.
  files: [{ path: new RegExp(String.raw`(?:^|/)src/routes/(?:[^/]+/)*(?!\+)[^/]+${SCRIPT_EXTENSION}`), exports: UPPERCASE_VERBS, projectDependency: ["@solidjs/start"] }],
  handlerTypes: [{ package: "@solidjs/start/server", name: "APIEvent" }],
  requestInputs: { ...REQUEST_OBJECT, holders: [...REQUEST_OBJECT.holders, "nativeEvent"] },
} as const satisfies FrameworkDescriptor;
