// Server frameworks whose handlers are methods of a service, a controller or an action schema, or exports
// of a routed file: each runs once per request or call, for every client at once, on the module's one tracer.
import type { TSESTree } from "@typescript-eslint/types";
import { staticName, type FunctionNode } from "../../ast.js";
import { projectDependsOn } from "../../deployment.js";
import type { FrameworkDescriptor, HandlerHookApi } from "../types.js";
import { HTTP_VERBS, REQUEST_OBJECT, SCRIPT_EXTENSION, UPPERCASE_VERBS, methods, moduleExportsValue } from "./common.js";
import { defaultExportObject } from "./default-export-object.js";
import { SOLID_START_PROJECT, isSolidStartProject, reportServerFunctions } from "./nextjs.js";
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
  unit: "call",
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

/** The keys of a Moleculer service schema that map names to per-call handlers: its actions and its event handlers. */
const MOLECULER_HANDLER_MAPS = ["actions", "events"];
/**
 * The broker's internal events (`$node.connected`, `$services.changed`, `$broker.started`, `$circuit-breaker.opened`):
 * "the broker broadcasts some local system events … always start with `$` prefix" (moleculerjs/site
 * source/docs/0.14/events.md, "Internal events", recalled: the search corpus had no page of it on 2026-12-06); a node
 * or service coming and going, not a call of a client.
 */
const MOLECULER_INTERNAL_EVENTS = { events: /^\$/ };

/**
 * A moleculer-runner service file: `services/greeter.service.js` holding `module.exports = { name: "greeter",
 * actions: { … } }` (or `export default` of the schema, inline or through a `const`), loaded by the runner by
 * its file mask (the `*.service.js` files of the folders it is given, `.ts` with ts-node) without a
 * `createService` call in the project's code. Only in a project that depends on moleculer, and only for a schema that names itself (`name` is
 * mandatory): an exported object with `actions` alone may be anything.
 */
const MOLECULER_SERVICE_FILE = /\.service\.[cm]?[jt]s$/;

function moleculerServiceFile(api: HandlerHookApi): void {
  if (!projectDependsOn(api.filename, ["moleculer"])) return;
  const exported = exportedSchema(api);
  if (!exported) return;
  const { schema, statement } = exported;
  const keyOf = (property: TSESTree.ObjectLiteralElement): string | undefined => (property.type === "Property" ? staticName(property.key, property.computed) : undefined);
  if (!schema.properties.some((property) => keyOf(property) === "name")) return;
  const functions: FunctionNode[] = [];
  for (const property of schema.properties) {
    const key = keyOf(property);
    if (property.type !== "Property" || key === undefined || !MOLECULER_HANDLER_MAPS.includes(key)) continue;
    const except = key === "events" ? MOLECULER_INTERNAL_EVENTS.events : undefined;
    for (const entry of api.objectOf(property.value)?.properties ?? []) {
      if (entry.type !== "Property" || except?.test(keyOf(entry) ?? "")) continue;
      // `add(ctx) {}`, or `add: { params, handler(ctx) {} }`.
      const direct = api.functionsOf(entry.value);
      const handler = direct.length > 0 ? undefined : api.objectOf(entry.value)?.properties.find((field) => keyOf(field) === "handler");
      functions.push(...(direct.length > 0 ? direct : handler?.type === "Property" ? api.functionsOf(handler.value) : []));
    }
  }
  if (functions.length > 0) api.request(functions, statement);
}

/** The object a file exports as its module: `module.exports = {…}` or `export default {…}` (inline or through a `const`). */
function exportedSchema(api: HandlerHookApi): { readonly schema: TSESTree.ObjectExpression; readonly statement: TSESTree.Node } | undefined {
  for (const statement of api.ast.body) {
    const value = moduleExportsValue(statement, api);
    const schema = value && api.objectOf(value);
    if (schema) return { schema, statement };
  }
  const found = defaultExportObject(api);
  const schema = found && api.objectOf(found.declaration);
  return schema && found ? { schema, statement: found.statement } : undefined;
}

/**
 * Moleculer (moleculer service.d.ts / context.d.ts: `broker.createService({ name, actions: { add(ctx) {} }
 * })`, an action also `{ params, handler(ctx) }`; `ctx.params` is what the caller passed to
 * `broker.call(action, params)`, through moleculer-web the HTTP client's body/query; checked with the search
 * tool 2026-12-06): each action runs once per call, concurrently. `ctx.meta` is set by callers and gateways
 * (the server's), not read. An action's `params` schema (fastest-validator, checked on `ctx.params` by the
 * broker's validator middleware before the handler runs: moleculer src/validator.js on unpkg, checked with the
 * search tool; `sessionId: "uuid"` or `{ type: "uuid" }`) validates the
 * key it checks with a UUID rule (`validatedBy.handlerOption`). The schema's `events` handlers run once per
 * event received, concurrently, as actions do (`events: { "user.created"(ctx) {} }`, or `{ group, handler(ctx)
 * }`; ctx.params is the event's payload, which another service emitted from what it was sent: moleculerjs/site
 * source/docs/0.14/services.md and a public `services/user.service.js` with `events: { "greeter.register"(user)
 * {} }`, found with the search tool 2026-12-06). The same schema exported by a moleculer-runner service file
 * (`module.exports = { name, actions }`, the docs' `math.service.js`; moleculer 0.15 src/runner.js loads the
 * folder's service files, checked on unpkg with the search tool) is read by the hook (`moleculerServiceFile`).
 */
export const moleculer = {
  id: "moleculer",
  name: "Moleculer service",
  unit: "call",
  modules: ["moleculer"],
  objects: {
    broker: {
      createdBy: [{ value: { package: "moleculer", name: "ServiceBroker" }, new: true }],
      types: [{ package: "moleculer", name: "ServiceBroker" }],
      methods: { createService: { arguments: [], resolverMaps: MOLECULER_HANDLER_MAPS, resolverMapExcept: MOLECULER_INTERNAL_EVENTS } },
    },
  },
  hook: {
    trigger: { path: MOLECULER_SERVICE_FILE },
    // What `exportedSchema` reads: `module.exports = { name, actions }` names its keys as exports.
    signs: { request: { exports: MOLECULER_HANDLER_MAPS, defaultExportObject: true } },
    run: moleculerServiceFile,
  },
  requestInputs: { holds: "request", parts: ["params"], validatedBy: { handlerOption: "params", mentions: /uuid/i } },
  // An event handler runs once per event another service emits, not per call of a client.
  unitsByMap: { events: { name: "Moleculer event", unit: "event" } },
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
 * first, `server$` the client's arguments. `cookie` is a jar, `cookie.get(name)` a `{ value }` or null (Qwik
 * City's `Cookie` interface as adapters wrap it, `event.cookie.set(name, value, attributes)` in an auth
 * library's QwikCityRequestContext; found with the search tool 2026-12-06; the request-handling page lists it).
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
  // `cookie` (singular) is the request event's cookie jar: `cookie.get("sid")?.value` is the client's cookie.
  requestInputs: { ...REQUEST_OBJECT, parts: [...REQUEST_OBJECT.parts, "cookie"], getters: [...REQUEST_OBJECT.getters, "parseBody"] },
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
  files: [{ path: new RegExp(String.raw`(?:^|/)src/routes/(?:[^/]+/)*(?!\+)[^/]+${SCRIPT_EXTENSION}`), exports: UPPERCASE_VERBS, projectDependency: SOLID_START_PROJECT }],
  handlerTypes: [{ package: "@solidjs/start/server", name: "APIEvent" }],
  requestInputs: { ...REQUEST_OBJECT, holders: [...REQUEST_OBJECT.holders, "nativeEvent"] },
} as const satisfies FrameworkDescriptor;

/**
 * SolidStart's server functions: `"use server"` functions and modules of a SolidStart project, read as Next.js's
 * server actions are (analysis/knowledge/frameworks/nextjs.ts `reportServerFunctions`), named after SolidStart.
 * Their arguments are what the client sent.
 */
export const solidStartServerFunctions = {
  id: "solid-start-server-function",
  name: "SolidStart server function",
  unit: "call",
  modules: [],
  hook: {
    trigger: { text: "use server" },
    run(api) {
      if (isSolidStartProject(api)) reportServerFunctions(api);
    },
  },
  requestInputs: { holds: "input", everyParameter: true },
} as const satisfies FrameworkDescriptor;
