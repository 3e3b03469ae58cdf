import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { staticName } from "../../ast.js";
import { nodesOfTypesWithin } from "../../nodes.js";
import type { FrameworkDescriptor, HandlerHookApi, Registration } from "../types.js";
import { HTTP_VERBS, REQUEST_OBJECT, methods } from "./common.js";
import { nitroPresetPlatform } from "./server-adapters-config.js";

const HANDLER_FACTORIES = ["defineEventHandler", "eventHandler", "defineHandler", "defineCachedEventHandler"];
/** `defineEventHandler(fn)` or `defineEventHandler({ handler, onRequest, onBeforeResponse })`. */
const EVENT_HANDLER: Registration = { arguments: [0], options: ["handler", "onRequest", "onBeforeResponse"] };
/** `defineLazyEventHandler(async () => { …; return handler; })`: the factory runs once, the handler it returns per request. */
const LAZY_FACTORY = "defineLazyEventHandler";
const LAZY_HANDLER: Registration = { arguments: [0], returnsHandler: true };
/**
 * h3 itself; Nitro v2 (`nitropack`) and Nuxt's auto-import module; Nitro v3, whose docs import `defineHandler` from
 * `"nitro"` (or its h3 re-export `"nitro/h3"`) now that v3 dropped the auto-imports (nitro.build/guide/routing,
 * checked with the search tool 2026-12-06).
 */
const H3_MODULES = ["h3", "nitropack", "nitropack/runtime", "#imports", "nitro", "nitro/h3"];
/** h3's functions that read the request of the event they are given. */
const H3_READERS = [
  "getHeader",
  "getHeaders",
  "getRequestHeader",
  "getRequestHeaders",
  "getQuery",
  "readBody",
  "readRawBody",
  "readFormData",
  "readMultipartFormData",
  "getRouterParam",
  "getRouterParams",
  "getCookie",
  "parseCookies",
];
/**
 * Nuxt and Nitro auto-import the factories only in the server folders: `server/api|routes|middleware/`
 * in Nuxt (and Nitro with `srcDir: "server"`), `api|routes|middleware/` at the root of a standalone Nitro project.
 */
const NUXT_SERVER = /(?:^|\/)(?:server\/)?(?:api|routes|middleware)\//;

/**
 * h3 (and Nuxt/Nitro on it): event handlers made with `defineEventHandler` / `eventHandler`, and the
 * handler a `defineLazyEventHandler` factory returns, imported from `h3` or, in Nuxt and Nitro server
 * files, auto-imported (an unresolved global under `server/`).
 */
export const h3 = {
  id: "h3",
  name: "h3/Nuxt event",
  modules: H3_MODULES,
  // A Nitro/Nuxt project configured with a serverless preset (`preset: "vercel"`) runs its handlers there.
  platform: nitroPresetPlatform,
  objects: {
    // h3 v1's `createApp()` / `createRouter()` and h3 v2's `new H3()`: a plain function registered on
    // them is an event handler too (v1 wraps it, v2 takes it as is).
    app: {
      createdBy: [
        { value: { package: H3_MODULES, name: "H3" }, new: true },
        { value: { package: H3_MODULES, name: ["createApp", "createRouter"] }, new: false },
      ],
      types: [{ package: H3_MODULES, name: ["H3", "App", "Router"] }],
      methods: methods([...HTTP_VERBS, "use", "on", "add"]),
    },
  },
  calls: [
    { callee: { package: H3_MODULES, name: HANDLER_FACTORIES }, ...EVENT_HANDLER },
    { callee: { package: H3_MODULES, name: LAZY_FACTORY }, ...LAZY_HANDLER },
  ],
  globals: [
    ...HANDLER_FACTORIES.map((name) => ({ name, path: NUXT_SERVER, ...EVENT_HANDLER })),
    { name: LAZY_FACTORY, path: NUXT_SERVER, ...LAZY_HANDLER },
  ],
  // `event.headers`, `event.req.headers.get("x")` (h3 v2), and the readers h3 exports (auto-imported in Nuxt/Nitro server files).
  // `event.context` leads to the matched route's `params` (h3 v1's router sets `event.context.params`, which
  // its `getRouterParams(event)` returns): a request object there, so only its request parts are input;
  // what the application puts on it (`event.context.user`, `event.context.sessionId`) is not.
  requestInputs: { ...REQUEST_OBJECT, holders: [...REQUEST_OBJECT.holders, "context"], readers: [{ package: H3_MODULES, name: H3_READERS }], globalReaders: H3_READERS },
} as const satisfies FrameworkDescriptor;

/** Nitro's runtime hooks that run once per request (nitro.build/guide/plugins "Available hooks", and Nuxt's renderer's `render:html` / `render:response`; checked 2026-12-07). */
const PER_REQUEST_HOOKS = new Set(["request", "beforeResponse", "afterResponse", "error", "render:html", "render:response"]);
/** A Nitro plugin module: `server/plugins/*` in Nuxt, `plugins/*` of a standalone Nitro project (auto-registered there). */
const NITRO_PLUGIN_PATH = /(?:^|\/)plugins\/[^/]+\.[cm]?[jt]s$/;

/** `defineNitroPlugin(fn)`, auto-imported in a plugin module or imported from Nitro's runtime. */
function isNitroPluginCall(api: HandlerHookApi, node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "defineNitroPlugin") return false;
  return api.isGlobal(node.callee) || api.matches(node.callee, { package: H3_MODULES, name: "defineNitroPlugin" });
}

/**
 * Nitro (and Nuxt server) plugins: `export default defineNitroPlugin((nitroApp) => { nitroApp.hooks.hook("request",
 * (event) => …) })`. The plugin runs once at startup; the callbacks it hooks on the per-request hooks run for every
 * request, on the server's one tracer. Only hooks on the plugin's own parameter, at any depth of its body.
 */
export const nitroPlugins = {
  id: "nitro-plugin",
  name: "Nitro request hook",
  modules: [],
  hook: {
    trigger: { path: NITRO_PLUGIN_PATH },
    signs: { request: { defaultExport: true } },
    run(api) {
      for (const statement of api.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration || !isNitroPluginCall(api, statement.declaration)) continue;
        for (const plugin of api.functionsOf(statement.declaration.arguments[0])) {
          const app = plugin.params[0];
          if (app?.type !== AST_NODE_TYPES.Identifier) continue;
          for (const call of nodesOfTypesWithin(api.ast, [AST_NODE_TYPES.CallExpression], plugin.body)) {
            const { callee } = call;
            if (callee.type !== AST_NODE_TYPES.MemberExpression || staticName(callee.property, callee.computed) !== "hook") continue;
            const hooks = callee.object;
            if (hooks.type !== AST_NODE_TYPES.MemberExpression || staticName(hooks.property, hooks.computed) !== "hooks") continue;
            if (hooks.object.type !== AST_NODE_TYPES.Identifier || api.variableOf(hooks.object)?.defs[0]?.name !== app) continue;
            const [name, callback] = call.arguments;
            if (name?.type !== AST_NODE_TYPES.Literal || typeof name.value !== "string" || !PER_REQUEST_HOOKS.has(name.value)) continue;
            api.request(api.functionsOf(callback), call);
          }
        }
      }
    },
  },
} as const satisfies FrameworkDescriptor;
