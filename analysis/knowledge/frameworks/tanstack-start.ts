import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { findProperty, staticName, unwrapExpression } from "../../ast.js";
import type { FrameworkDescriptor, HandlerHookApi, RequestInputs } from "../types.js";
import { REQUEST_OBJECT } from "./common.js";
import { tanstackStartPlatform } from "./server-adapters-config.js";

/**
 * TanStack Start's packages: `createServerFn` and `createMiddleware` of the framework root, `createServerFileRoute`
 * and the request readers of its `/server` entry (1.1xx), in the React and Solid flavours and the older `@tanstack/start`.
 */
const START_MODULES = ["@tanstack/react-start", "@tanstack/solid-start", "@tanstack/start"].flatMap((name) => [name, `${name}/server`]);
/** TanStack Router's packages, whose `createFileRoute(path)(options)` also declares a route's server handlers (Start ≥ 1.13x). */
const ROUTER_MODULES = ["@tanstack/react-router", "@tanstack/solid-router"];
/** What the builders chain before `handler(fn)` / `server(fn)`: validators (`validator` before 1.13x, `inputValidator` since), middleware. */
const BUILDER_CHAIN = ["validator", "inputValidator", "middleware", "client", "type"];

/**
 * A server function's handler gets `{ data, context, signal }`: `data` is what the client called it with,
 * checked by the chained validator only for its types unless the validator's schema checks UUIDs
 * (`.inputValidator(z.object({ sessionId: z.string().uuid() }))`).
 */
const SERVER_FN_INPUT = {
  holds: "request",
  parts: ["data"],
  validatedBy: { chainedCall: ["inputValidator", "validator"], mentions: /uuid/i },
} as const satisfies RequestInputs;

/** The `server.handlers` object of a `createFileRoute(path)({ server: { handlers: { POST: fn } } })` call. */
function serverHandlersOf(api: HandlerHookApi, call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
  const inner = unwrapExpression(call.callee);
  if (inner?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const factory = unwrapExpression(inner.callee);
  if (!factory || !api.matches(factory, { package: ROUTER_MODULES, name: ["createFileRoute", "createRootRoute"] })) return undefined;
  const options = api.objectOf(call.arguments[0]);
  const server = options ? findProperty(options, "server") : undefined;
  const serverOptions = server ? api.objectOf(server.value) : undefined;
  const handlers = serverOptions ? findProperty(serverOptions, "handlers") : undefined;
  return handlers ? (api.objectOf(handlers.value) ?? createdHandlersOf(api, handlers.value)) : undefined;
}

/**
 * The verb map of the function form, `handlers: ({ createHandlers }) => createHandlers({ POST: … })` (guide/server-routes:
 * handlers with their own middleware): the object the function's returned `createHandlers(…)` call is given.
 */
function createdHandlersOf(api: HandlerHookApi, value: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const [fn] = api.functionsOf(value);
  if (!fn) return undefined;
  const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.find((statement) => statement.type === AST_NODE_TYPES.ReturnStatement)?.argument : fn.body;
  const call = unwrapExpression(returned);
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(call.callee);
  const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : callee?.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  return name === "createHandlers" ? api.objectOf(call.arguments[0]) : undefined;
}

/** A verb's handler: the function itself, or the `handler` of `{ middleware, handler }`. */
function verbHandlersOf(api: HandlerHookApi, value: TSESTree.Node): ReturnType<HandlerHookApi["functionsOf"]> {
  const direct = api.functionsOf(value);
  if (direct.length > 0) return direct;
  const entry = api.objectOf(value);
  const handler = entry ? findProperty(entry, "handler") : undefined;
  return handler ? api.functionsOf(handler.value) : [];
}

/** The route calls of the module's top level: `export const Route = createFileRoute("/api/chat")({ … })`. */
function* topLevelCalls(program: TSESTree.Program): Generator<TSESTree.CallExpression> {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = unwrapExpression(declarator.init);
      if (init?.type === AST_NODE_TYPES.CallExpression) yield init;
    }
  }
}

/**
 * TanStack Start (tanstack.com/start, checked with the search tool 2026-12-06): each runs once per request,
 * concurrently in one server process, on the module's tracer:
 * - server functions, `createServerFn({ method: "POST" }).inputValidator(…).handler(async ({ data }) => …)`
 *   ("Server functions are API endpoints", guide/server-functions), and the `server(fn)` of a
 *   `createMiddleware()` (request and server-function middleware);
 * - server routes: `createServerFileRoute("/api/chat").methods({ POST: async ({ request }) => … })` of
 *   `@tanstack/react-start/server` (1.1xx), and since the routes moved into the router,
 *   `createFileRoute("/api/chat")({ server: { handlers: { POST: async ({ request, params }) => … } } })`
 *   (guide/server-routes): a handler gets the web `Request` and the route's `params`.
 */
export const tanstackStart = {
  id: "tanstack-start",
  name: "TanStack Start",
  modules: [...START_MODULES, ...ROUTER_MODULES],
  // Deployed serverless (Vercel, Netlify, Cloudflare: `tanstackStartPlatform`), the handlers are the host's functions.
  platform: tanstackStartPlatform,
  objects: {
    serverFn: {
      createdBy: [{ value: { package: START_MODULES, name: "createServerFn" }, new: false }],
      methods: { handler: { arguments: [0] } },
      chainable: BUILDER_CHAIN,
    },
    middleware: {
      createdBy: [{ value: { package: START_MODULES, name: "createMiddleware" }, new: false }],
      // A middleware hands the request on (`next()`): the server function or route after it ends the invocation.
      methods: { server: { arguments: [0], ends: "none" } },
      chainable: BUILDER_CHAIN,
    },
    serverFileRoute: {
      createdBy: [{ value: { package: START_MODULES, name: "createServerFileRoute" }, new: false }],
      // `.methods({ GET: fn, POST: fn })`: one handler per verb.
      methods: { methods: { arguments: [], methodMaps: [0] } },
    },
  },
  hook: {
    trigger: { imports: true },
    signs: { request: { imports: ROUTER_MODULES }, invocation: { imports: ROUTER_MODULES } },
    run(api) {
      for (const call of topLevelCalls(api.ast)) {
        const handlers = serverHandlersOf(api, call);
        if (!handlers) continue;
        const platform = tanstackStartPlatform(api);
        for (const property of handlers.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const functions = verbHandlersOf(api, property.value);
          if (functions.length === 0) continue;
          if (!platform) {
            api.request(functions, call);
            continue;
          }
          const exportNode = api.ast.body.find((statement) => statement.range[0] <= call.range[0] && call.range[1] <= statement.range[1]) ?? call;
          for (const fn of functions) api.invocation(fn, { platform, exportName: staticName(property.key, property.computed) ?? "handler", nameNode: property.key, exportNode });
        }
      }
    },
  },
  // Server routes get `{ request, params }` (a destructured `request` leads to the web `Request`); a server
  // function's handler (registered by `handler`) and a function middleware's `server` get `{ data }`.
  requestInputs: REQUEST_OBJECT,
  requestInputsByCall: { handler: SERVER_FN_INPUT, server: SERVER_FN_INPUT },
} as const satisfies FrameworkDescriptor;
