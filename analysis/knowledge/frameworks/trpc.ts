import type { FrameworkDescriptor } from "../types.js";
import { methods, REQUEST_OBJECT } from "./common.js";

/** A project's own module: relative, or through the usual path aliases (`~/`, `@/`, `#`). */
const PROJECT_MODULE = /^(?:\.{1,2}\/|~\/|@\/|#)/;
/** The module that conventionally makes the builders (`./trpc`, `~/server/api/trpc`, `@/trpc/init`). */
const BUILDER_MODULE = /^(?:\.{1,2}\/|~\/|@\/|#)(?:.*\/)?trpc(?:\/(?:init|index|server|trpc))?(?:\.[cm]?[jt]s)?$/;
/** The names tRPC's docs and create-t3-app give the exported builders: `procedure`, `publicProcedure`, `protectedProcedure`, … */
const BUILDER_NAME = /^(?:procedure|[a-z][A-Za-z0-9]*Procedure)$/;

/**
 * tRPC: resolvers of `t.procedure….query/mutation/subscription(fn)` and middleware
 * (`t.middleware(fn)`, `procedure.use(fn)`), where `t` is `initTRPC.create()` in the same file, and of
 * builders imported from the project's module that makes them (`import { publicProcedure } from
 * "./trpc"`): by name (`procedure`, `…Procedure`), in a file that imports `@trpc/server` or imports a
 * module named like the builder module (`./trpc`, `~/server/api/trpc`). A builder exported under
 * another name, or from a module named otherwise in a file without `@trpc/server`, is not followed (the
 * rule sees one file).
 */
export const trpc = {
  id: "trpc",
  name: "tRPC procedure",
  modules: ["@trpc/server"],
  modulePatterns: [BUILDER_MODULE],
  objects: {
    init: {
      isValue: [{ package: "@trpc/server", name: "initTRPC" }],
      chainable: ["context", "meta"],
      returns: { create: "t" },
    },
    t: {
      // `export const t = initTRPC.create()` in the builder module, imported as `t` (tRPC's docs name it so).
      importedFrom: { modules: BUILDER_MODULE, names: /^t$/ },
      methods: methods(["middleware"]),
      properties: { procedure: "procedure" },
    },
    procedure: {
      importedFrom: { modules: PROJECT_MODULE, names: BUILDER_NAME },
      methods: methods(["query", "mutation", "subscription", "use"]),
      chainable: ["input", "output", "meta", "concat", "unstable_concat"],
    },
  },
  // A resolver's `input` (and `rawInput`) is what the client sent; an `.input(schema)` that checks UUIDs validated it.
  requestInputs: { holds: "request", parts: ["input", "rawInput"], validatedBy: { chainedCall: "input", mentions: /uuid/i } },
} as const satisfies FrameworkDescriptor;

/** The HTTP adapters of tRPC 10 and 11 whose options take the per-request `createContext`. */
const ADAPTERS = {
  "@trpc/server/adapters/express": ["createExpressMiddleware"],
  "@trpc/server/adapters/standalone": ["createHTTPServer", "createHTTPHandler"],
  "@trpc/server/adapters/next": ["createNextApiHandler"],
  "@trpc/server/adapters/fetch": ["fetchRequestHandler"],
  "@trpc/server/adapters/aws-lambda": ["awsLambdaRequestHandler"],
} as const;
const FASTIFY_ADAPTER = "@trpc/server/adapters/fastify";

/**
 * tRPC's `createContext`: an HTTP adapter (`createExpressMiddleware({ router, createContext })`, `createHTTPServer`,
 * `createNextApiHandler`, `fetchRequestHandler`, `awsLambdaRequestHandler`, Fastify's `fastifyTRPCPlugin` through
 * `register`'s `trpcOptions`) calls it once for every HTTP request
 * (trpc.io/docs/server/context: "The createContext function is called for each incoming request"; a batched
 * request is one call), before the procedures. Its one parameter is `{ req, res }` (`{ req, resHeaders }` for the
 * fetch adapter), so its `req` is the HTTP request (Lambda's `{ event, context }` is not read as input). The WebSocket adapter's
 * `createContext` runs once per connection: not read.
 */
export const trpcContext = {
  id: "trpc-context",
  name: "tRPC createContext",
  modules: [...Object.keys(ADAPTERS), FASTIFY_ADAPTER],
  calls: Object.entries(ADAPTERS).map(([adapter, names]) => ({ callee: { package: adapter, name: names }, arguments: [], options: ["createContext"] })),
  // Fastify's adapter is a plugin: `server.register(fastifyTRPCPlugin, { prefix, trpcOptions: { router, createContext } })`.
  plugins: [
    { method: "register", plugin: { package: FASTIFY_ADAPTER, name: "fastifyTRPCPlugin" }, arguments: [], options: ["createContext"], optionContainers: ["trpcOptions"] },
  ],
  requestInputs: { ...REQUEST_OBJECT, holds: "context", holders: ["req"] },
} as const satisfies FrameworkDescriptor;
