import type { TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FunctionNode } from "../ast.js";
import type { ModuleOrigin } from "../bindings.js";
import type { DeploymentSignals } from "../deployment.js";
import type { HoneyhiveSettings } from "../settings.js";
import type { ModuleFactsReader } from "../input.js";

/** A yes/no signal of how the project deploys (`DeploymentSignals`). */
export type DeploymentFlag = { [K in keyof DeploymentSignals]-?: DeploymentSignals[K] extends boolean ? K : never }[keyof DeploymentSignals];

// The shapes of the knowledge the analysis core reads: descriptors of the world (frameworks, serverless
// platforms, SDKs), one module each, read by one engine. A new platform is a new descriptor, not a branch.

/** How a platform lets work go on after the response has been sent, if it has such a hook. */
export type BackgroundWork =
  /** An imported function: `waitUntil(promise)` from `@vercel/functions`, `after(fn)` from `next/server`. */
  | {
      readonly kind: "import";
      readonly module: string;
      readonly name: string;
      /** What the call is given: a promise the platform waits for, or a callback it runs once the response is finished (`after`). */
      readonly takes: "promise" | "callback";
      /** `false`: a form the flush fix recognises but does not write (an earlier, experimental name: `unstable_after`). */
      readonly written?: false;
      /**
       * The export exists from this version of `package` on (`after` of `next/server`: Next.js 15.1). A
       * project whose package.json admits an older version gets the next form; one that does not say, this.
       */
      readonly since?: { readonly package: string; readonly version: readonly [major: number, minor: number] };
      /**
       * The module is a package the project installs on its own (`@vercel/functions`; not `next/server` of the
       * framework it runs on): the fix adds its import only where the nearest package.json declares it (or no
       * package.json is found, as in a Deno project); elsewhere it writes the platform's next form.
       */
      readonly installed?: true;
    }
  /**
   * A method of one of the handler's parameters: Cloudflare's `ctx.waitUntil(promise)`. `exportNames`:
   * only for handlers exported under these names (Netlify's `(req, context)` default export has
   * `context.waitUntil`; its Lambda-compatible `handler(event, context)` gets Lambda's context, which has none).
   */
  | {
      readonly kind: "parameter-method";
      readonly parameterIndex: number;
      /**
       * A property path of the parameter that holds the method: Hono's `c.executionCtx.waitUntil(promise)`,
       * SvelteKit's `event.platform.context.waitUntil(promise)` (`"platform.context"`). A path is also matched
       * from a destructured key of the parameter (`({ platform }) => platform.context.waitUntil(…)`).
       */
      readonly property?: string;
      readonly method: string;
      readonly takes: "promise";
      readonly exportNames?: readonly string[];
      /** Only for handlers these frameworks register on the platform (`hono`: a Hono route on Workers). */
      readonly frameworks?: readonly string[];
      /**
       * `false`: a form the flush fix recognises but does not write, where the path may be absent in the
       * types (SvelteKit's `event.platform` is `App.Platform | undefined`): the fix writes the awaited flush.
       */
      readonly written?: false;
      /**
       * The fix writes this form only for a project whose package.json admits no version of `package` before
       * `version` (a path that a major version introduced: Astro 6's `locals.cfContext`); undeclared: written.
       */
      readonly since?: { readonly package: string; readonly version: readonly [major: number, minor: number] };
      /** The fix writes this form only for a project whose package.json admits a version before `version` (a path a major version removed). */
      readonly until?: { readonly package: string; readonly version: readonly [major: number, minor: number] };
    }
  /**
   * A method of a runtime global: Supabase Edge Functions' `EdgeRuntime.waitUntil(promise)`. A local binding
   * of the same name is not it. `typesFrom`: the fix writes this form only in a file that loads one of these
   * modules (the global's type declarations, `import "jsr:@supabase/functions-js/edge-runtime.d.ts"`), else
   * the awaited flush.
   */
  | { readonly kind: "global-method"; readonly global: string; readonly method: string; readonly takes: "promise"; readonly typesFrom?: readonly string[] }
  /**
   * A method of a property of `this`, for a handler that is a method of a class: Cloudflare's
   * `class extends WorkerEntrypoint` has `this.ctx.waitUntil(promise)`.
   */
  | { readonly kind: "this-method"; readonly property: string; readonly method: string; readonly takes: "promise" };

/**
 * How an invocation ends, when it is not by settling the handler's returned promise: an HTTP handler
 * that answers through a response object (`(req, res) => { res.json(body); }`) ends when one of these
 * methods sends the response (Google Cloud Functions throttles the CPU then), so a flush in a `finally`
 * would run too late. Applies to a handler that calls one of `methods` on its parameter at
 * `parameterIndex` (directly or after chained setters such as `res.status(200)`); other handlers of
 * the platform (CloudEvent functions, Firebase event triggers) end with their promise.
 */
export interface ResponseCallEnd {
  readonly kind: "responseCall";
  readonly parameterIndex: number;
  /** The methods that send the response: `send`, `json`, `end`, … */
  readonly methods: readonly string[];
  /** Methods that return the response for chaining before the sending one: `status`, `set`, … */
  readonly chainable: readonly string[];
  /**
   * Only for handlers exported under these names: Vercel's and Next.js's `(req, res)` handler is the
   * default export of its file; their verb exports are web handlers that return a `Response`.
   */
  readonly exportNames?: readonly string[];
}

/** A serverless runtime that stops or freezes the work once the handler has returned (or responded). */
export interface PlatformDescriptor {
  /** Stable id, used in settings and fixtures: `aws-lambda`, `gcp-functions`, `vercel`, … */
  readonly id: string;
  /** For messages and docs: "AWS Lambda". */
  readonly name: string;
  /** The runtime freezes or ends the instance once the handler has returned (or answered): unflushed spans are lost. */
  readonly freezesAfterReturn: boolean;
  /**
   * Where a tracer or pipeline built once goes on this platform, in the words of the review markers ("build this
   * pipeline once at startup (<initPlace>)"): AWS Lambda's "module level, outside the handler: reused on warm
   * starts". A framework's `initPlace` wins (Next.js on Vercel: instrumentation.ts); absent: "module level".
   */
  readonly initPlace?: string;
  /**
   * The form a fix should write when the runtime offers one (else an awaited flush in try/finally); a
   * list is tried in order, the first that the handler can write wins.
   */
  readonly backgroundWork?: BackgroundWork | readonly BackgroundWork[];
  /**
   * The flush this platform's docs recommend, as a message names what a handler returns without, `{flush}`
   * standing for the flush call: Cloudflare Workers' "`ctx.waitUntil({flush})` or `await {flush}`". Absent:
   * "`await {flush}`", an awaited flush before every return (AWS Lambda, where nothing outlives the return).
   */
  readonly recommendedFlush?: string;
  /** How an HTTP invocation may end other than by returning (absent: it ends when the handler's promise settles). */
  readonly responseCall?: ResponseCallEnd;
  /** Where the platform's own entry points receive what the caller sent (the rule `require-valid-session-id`). */
  readonly requestInputs?: RequestInputs;
}

// ---------------------------------------------------------------------------------------------
// Request input: where a handler finds what the client sent (the rule `require-valid-session-id`).

/**
 * What a handler's parameter holds, and which of its members and methods read the client's input. A
 * descriptor without it has no request input the analysis knows of (NestJS hands values through
 * decorators and pipes; a queue job is the application's own message).
 */
export interface RequestInputs {
  /**
   * What the request parameter is:
   * - `request`: a request object; its `parts` and `getters` are client input, its `holders` lead to
   *   another request object (`ctx.request`);
   * - `context`: a framework context whose own getters read application state (Hono's `c.get("user")`
   *   reads what a middleware `c.set`); only its `holders` lead to the request (`c.req`);
   * - `input`: everything it holds is client input (a Lambda event).
   */
  readonly holds: "request" | "context" | "input";
  /** The position of the request parameter; default 0. */
  readonly parameter?: number;
  /** The position by the function's parameter count, as the framework tells its forms apart (Express: 4 = error middleware). */
  readonly parameterByArity?: Readonly<Record<number, number>>;
  /** Registering methods whose callbacks `parameterByArity` does not apply to (Express's `app.param(name, (req, res, next, value) => …)`). */
  readonly arityExceptMethods?: readonly string[];
  /**
   * Every parameter is client input (a server action's arguments are whatever the client posted);
   * `{ from }`: every one from that position on (Electron's `(event, ...args)`: the event is the runtime's).
   */
  readonly everyParameter?: boolean | { readonly from: number };
  /** Members of a request object that hold client input: `headers`, `query`, `body`; also keys of a destructured parameter (`({ params })`) at any position. */
  readonly parts?: readonly string[];
  /**
   * Which of the `parts` hold the matched route's path parameters (`params`: `req.params.id`, a
   * destructured `{ params }`), and which `getters` read one (`"param()"`: `c.req.param("id")`): a route
   * that matched always has them, as non-empty text (an optional segment, `/:id?`, and a catch-all,
   * Express 5's `/*splat` or Next.js's `[...slug]`, an array, aside: the route decides, not the client), unlike
   * headers, query or body, whose presence and type the client decides. The session-id suggestion
   * converts only these without a `typeof` guard: list a part here only if that holds.
   * Matched on the way from the request parameter, so `req.body.params.id` (JSON-RPC) is not one.
   */
  readonly routeParameters?: readonly string[];
  /** Methods of a request object that read client input: `req.get("x")`, `c.req.header("x")`, `request.json()`. */
  readonly getters?: readonly string[];
  /**
   * Getters of a request object that return what a validator middleware of the same route produced
   * (Hono's `c.req.valid("json")`): client input, unless the registering call has a middleware argument,
   * a call of one of `middlewares` whose first argument is the getter's target (`zValidator("json",
   * schema)`), whose schema (second argument) checks the property read with `mentions`
   * (`z.object({ sessionId: z.string().uuid() })`); a schema from elsewhere is trusted, a function
   * validator (`validator("json", (value, c) => …)`) counts when its text matches `mentions`.
   */
  readonly validatedGetters?: {
    readonly names: readonly string[];
    readonly middlewares: readonly ValueSpecifier[];
    readonly mentions: RegExp;
    /**
     * The method that registers middleware on the app (`app.use(path?, ...middleware)`): such a validator
     * registered on the route's app before the route, for every path (none, `"*"`) or a path that covers
     * the route's (`"/chat/*"`, `"/chat"`), is the route's validator too.
     */
    readonly appMiddleware?: string;
  };
  /**
   * Reader functions (also listed in `readers`) that return what a validation chain of the same route
   * matched (express-validator's `matchedData(req)`): client input, unless the registering call has a
   * chain (an argument, or an element of an array argument) that starts with one of `chains` given the
   * property read (`body("sessionId")`, `header("x-session-id")`) and calls one of `checks` (`.isUUID()`).
   * The same chain checks a direct read of that property in the route (`req.get("x-session-id")`) too, and
   * only in routes that hold it: a chain is no check of the file's other routes.
   */
  readonly validatedReaders?: {
    readonly names: readonly string[];
    readonly chains: readonly ValueSpecifier[];
    readonly checks: readonly string[];
    /** As `validatedGetters.appMiddleware`: a chain registered on the route's app before the route, on a path covering it, is the route's. */
    readonly appMiddleware?: string;
    /**
     * The locations (as the reader's `{ locations: [...] }` option names them) each chain function checks;
     * a chain not listed (`check()`) checks every one. A reader given locations is validated only by a chain of one of them.
     */
    readonly chainLocations?: Readonly<Record<string, readonly string[]>>;
    /**
     * Functions that take a schema of fields (`checkSchema({ sessionId: { in: ["body"], isUUID: true } })`): a
     * field whose options have one of `checks` (not `false`) checks it, in the locations its `schemaLocationKey`
     * option lists (or the call's second argument; every location when neither says).
     */
    readonly schemas?: readonly ValueSpecifier[];
    readonly schemaLocationKey?: string;
    /**
     * Functions that read a request's validation errors (`validationResult(req)`): a chain records its errors
     * and lets the request through, so a value read past it directly (`req.get(k)`, not through one of
     * `names`) is checked only in a route whose handler or middleware calls one of them and lets the result
     * decide: tests it (`if (!result.isEmpty()) return res.status(400)…`) or calls one of `resultThrows` on it.
     */
    readonly results?: readonly ValueSpecifier[];
    /** Methods of a `results` value that throw when it holds errors (express-validator's `Result#throw()`). */
    readonly resultThrows?: readonly string[];
  };
  /**
   * Parameter decorators that inject client input into a handler's parameter (NestJS's `@Headers("x-sid")
   * sid`, `@Body() body`, `@Req() req`): a decorated parameter holds what its decorator names, at any
   * position, instead of what the position says. See `ParameterDecorators`.
   */
  readonly parameterDecorators?: ParameterDecorators;
  /**
   * Keys directly under a part that the runtime sets, not the client (Azure Functions v3's
   * `context.bindingData.invocationId`, `.sys`), by part: read there, the value is no input.
   */
  readonly runtimeKeys?: Readonly<Record<string, readonly string[]>>;
  /**
   * Where the platform puts a value it assigns that its documentation says is a UUID, as key paths under
   * the input (`"*"` for any element of an array): SNS's `Records[i].Sns.MessageId` in a Lambda event. Read
   * there, the value is no input. Only a path that no other event shape uses: `requestContext.requestId` is
   * API Gateway's UUID for a REST API but no UUID for an HTTP API, so it is not one.
   */
  readonly assignedUuids?: readonly (readonly string[])[];
  /** Members that lead to a request object: `c.req`, `ctx.request`, `event.request`. */
  readonly holders?: readonly string[];
  /**
   * Members of the request that hold an object with inputs of its own, read with these (`parts`, …): a
   * session middleware's `req.session`, whose id comes from the client's cookie while its other keys are
   * the server's data.
   */
  readonly members?: Readonly<Record<string, RequestInputs>>;
  /**
   * Chains of method calls on any of the handler's parameters that return a request object (`calls`,
   * named in call order), and what that request holds: NestJS's `context.switchToHttp().getRequest()` is
   * `["switchToHttp", "getRequest"]`, the underlying Express or Fastify request.
   */
  readonly requestCalls?: readonly { readonly calls: readonly string[]; readonly request: RequestInputs }[];
  /**
   * What other parameters hold, by position (a parameter passed whole, not destructured): Netlify v2's
   * `context`, whose `params` are the configured path's parameters.
   */
  readonly otherParameters?: Readonly<Record<number, RequestInputs>>;
  /** Functions of the framework's modules that return client input, whatever their arguments: h3's `getHeader(event, "x")`, `cookies()` of `next/headers`. */
  readonly readers?: readonly ValueSpecifier[];
  /** The same readers as unresolved globals (Nuxt/Nitro auto-import h3's): they count only inside this descriptor's handlers. */
  readonly globalReaders?: readonly string[];
  /**
   * The framework validates the input before the handler runs: a route option (`{ schema }` of a Fastify
   * route), or a call chained before the registering one (tRPC's `.input(schema).mutation(fn)`) whose
   * text matches `mentions` (a schema that says nothing about UUIDs checks nothing the SDK needs).
   */
  readonly validatedBy?: {
    readonly routeOption?: string;
    /** The chained method (or one of the methods) that takes the schema: tRPC's `input`, TanStack Start's `inputValidator`/`validator`. */
    readonly chainedCall?: string | readonly string[];
    /**
     * Registering methods that take the schema as a positional argument: the first argument from position
     * `from` on that is neither a string nor a function (MCP's `tool(name, shape, cb)`, `tool(name,
     * description, shape, cb)`, `prompt(name, argsSchema, cb)`).
     */
    readonly positionalSchema?: { readonly methods: readonly string[]; readonly from: number };
    /**
     * A schema beside the handler, in the object literal whose `handler` it is (Moleculer's action `{ params:
     * { sessionId: "uuid" }, handler(ctx) {} }`): judged on the key the handler reads, as `perProperty`.
     */
    readonly handlerOption?: string;
    readonly mentions?: RegExp;
    /**
     * `mentions` counts only on the schema of the property the handler reads (the last key on the way,
     * `request.body.sessionId`: a property `sessionId` of the route option's schema, key compared without
     * case as header names are), not on the whole schema: a `format: "uuid"` on another property
     * validates nothing the SDK gets. Only with `routeOption`.
     */
    readonly perProperty?: boolean;
    /**
     * With `perProperty`: which parts of the route option's schema validate each request part (Fastify:
     * `request.body` by `schema.body`, `request.query` by `schema.querystring` or `schema.query`): a
     * `format: "uuid"` under `headers` validates no `request.body.sessionId`. A request part not listed has no schema.
     */
    readonly schemaParts?: Readonly<Record<string, readonly string[]>>;
  };
}

/** What a parameter decorator injects (`RequestInputs.parameterDecorators`). */
export interface InjectedInput {
  readonly decorator: ValueSpecifier;
  /**
   * `request`: the request object (`@Req()`); `part`: one part of it (`@Headers()`: every header, and
   * with a string first argument, `@Headers("x-sid")`, that one key).
   */
  readonly holds: "request" | "part";
  /** The part is the matched route's path parameters (`@Param()`, `@Param("id")`): see `RequestInputs.routeParameters`. */
  readonly route?: boolean;
}

export interface ParameterDecorators {
  readonly injected: readonly InjectedInput[];
  /** What the request object (`@Req()`) holds, and the vocabulary the injected parts are read with. */
  readonly request: RequestInputs;
  /**
   * Pipes that reject a value that is not a UUID (`@Param("id", ParseUUIDPipe)`, `new ParseUUIDPipe()`): the
   * parameter is checked. A pipe of another module than `knownPipes` names (a project's own) makes a new
   * value, as a helper call does, and is not followed; a known pipe that checks nothing keeps the input.
   */
  readonly validatingPipes: readonly ValueSpecifier[];
  readonly knownPipes: readonly ValueSpecifier[];
  /**
   * Property decorators that check a UUID on a class the parameter is typed with (class-validator's
   * `@IsUUID()` on `sessionId` of `ChatDto` for `@Body() body: ChatDto`, then `body.sessionId`). Read
   * on a class of the same file; a type imported from another module is trusted (not read).
   */
  readonly dtoChecks: readonly ValueSpecifier[];
  /**
   * A DTO property that is itself a validated DTO (`@ValidateNested() @Type(() => Meta) meta: Meta`): the
   * nested class's `dtoChecks` check the keys read below it (`body.meta.sessionId`). Both decorators are needed
   * (without `@Type` the nested value stays a plain object that class-validator does not check).
   */
  readonly nestedDto?: { readonly validates: readonly ValueSpecifier[]; readonly typedBy: readonly ValueSpecifier[] };
  /**
   * Functions that make a parameter decorator of a callback run per request (NestJS's
   * `createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().headers["x-sid"])`): a parameter
   * decorated with a `const` of the file made so holds what the callback returns.
   */
  readonly customFactories?: readonly ValueSpecifier[];
}

// ---------------------------------------------------------------------------------------------
// Frameworks: how a callback that runs once per request, job or invocation is registered.

/**
 * The module(s) a `ValueSpecifier` names: as written (`"express"`), or by a pattern on the specifier as the file
 * writes it, for a module the project generates at a path of its own (Convex's `./_generated/server`,
 * `../../_generated/server.js`). Read only by analysis/value-specifier.ts.
 */
export type PackageSpecifier = string | RegExp | readonly (string | RegExp)[];

/**
 * A value of a package, as typescript-eslint's `TypeOrValueSpecifier` names one: `{ package: "express",
 * name: "Router" }` is `express.Router`, `import { Router } from "express"` or `require("express").Router`.
 * `name: ""` is the module value itself (the default export, or what `require()` returns), and `"default"` names the
 * same value (analysis/value-specifier.ts compares it as `""`: a default import, `import { default as x }` and
 * `require()` match it alike); a dotted name is a property path (`"app.http"`). Several names or packages match any of them; a package may be a pattern
 * (`PackageSpecifier`).
 */
export interface ValueSpecifier {
  readonly package: PackageSpecifier;
  readonly name: string | readonly string[];
}

/** Which arguments of a registering call hold per-request functions. */
export interface Registration {
  /** Positions whose functions (inline, by name, in arrays, inside wrapper calls) are handlers; default: every non-object argument. */
  readonly arguments?: "all" | readonly number[];
  /** Keys of object-literal arguments (`route({ handler, preHandler })`) whose functions are handlers. */
  readonly options?: readonly string[];
  /**
   * Only when the string argument at `argument` is one of `oneOf` (`server.on("request", fn)`,
   * `addHook("onRequest", fn)`). Gates the positional functions; option objects have `optionsWhen`.
   */
  readonly when?: {
    readonly argument: number;
    readonly oneOf: readonly string[];
    /**
     * A package's named constants that the argument may be written as instead of the string, by export
     * path → the string they hold (discord.js `Events.MessageCreate` → `"messageCreate"`); matched through
     * the argument's binding, so a project's own `Events` object is not read.
     */
    readonly constants?: { readonly package: string | readonly string[]; readonly values: Readonly<Record<string, string>> };
  };
  /** An option object (or each of an array of them) counts only when its key `key` is a string of `oneOf` (hapi's `ext({ type: "onRequest", method })`). */
  readonly optionsWhen?: { readonly key: string; readonly oneOf: readonly string[] };
  /**
   * The registered functions are factories: the handlers are the functions they return (h3's
   * `defineLazyEventHandler(async () => handler)`), not the factories, which run once.
   */
  readonly returnsHandler?: boolean;
  /**
   * Positions of arguments that are objects of handlers, one per key (inline, or a `const` by name):
   * gRPC's `server.addService(definition, { ask(call, callback) {} })`, Connect's `router.service(Service,
   * { ask(req) {} })`. A key whose value is an object contributes that object's functions (Moleculer's
   * `{ ask: { params, handler(ctx) {} } }`), as `resolverMaps` reads one type's fields.
   */
  readonly methodMaps?: readonly number[];
  /**
   * With `methodMaps`: an argument may also be an instance of a class of the file (`new MessageService()`,
   * inline or by name), whose instance methods are the handlers (Feathers' `app.use("messages", new
   * MessageService())`), except these names (the lifecycle methods the framework calls once: `setup`).
   */
  readonly methodMapInstances?: { readonly except: readonly string[] };
  /** Keys of object-literal arguments that hold a GraphQL resolver map (`{ Query: { field: fn } }`), or a route map (Bun's `routes: { "/x": fn, "/y": { GET: fn } }`). */
  readonly resolverMaps?: readonly string[];
  /**
   * With `resolverMaps`: per map key, the entry keys that are no handlers (Moleculer's `events: { "$node.connected"() {} }`,
   * the broker's own internal events, `$`-prefixed).
   */
  readonly resolverMapExcept?: Readonly<Record<string, RegExp>>;
  /** Keys of option objects whose object values hold more option keys (hapi's `{ options: { handler } }`). */
  readonly optionContainers?: readonly string[];
  /** The argument that names the registered function (`functions.http("name", fn)`): messages use it. */
  readonly nameArgument?: number;
  /** The export that holds the registering call names the function (`export const chat = onRequest(fn)`: Firebase deploys it as `chat`). */
  readonly nameFromExport?: boolean;
  /**
   * Which positional callbacks end the request (on a serverless platform, the invocation): `last` — the
   * last one, whatever its parameters, and those before it are middleware (`app.post(path, auth,
   * handler)`); `none` — they are middleware or hooks (`app.param`, Fastify's `addHook`). Absent: one
   * that takes the framework's `next` (`sessionFlow.beforeHandler["*"]`) hands on, the others end.
   */
  readonly ends?: "last" | "none";
  /** Keys of option objects whose functions are hooks, not the request's end (Fastify's `{ preHandler, handler }`). */
  readonly hookOptions?: readonly string[];
  /**
   * The registered callbacks handle errors only (Fastify's `setErrorHandler`, Hono's `onError`), or those
   * of this exact arity do (`errorArity: 4`: Express's `(err, req, res, next)`, counted as JavaScript's
   * `fn.length`, which Express reads). They run on a failed request only: on a serverless platform they
   * are not the invocation's end the flush rule checks (throw paths need no flush), and they take the
   * error first, not the request.
   */
  readonly errorHandlers?: true | { readonly errorArity: number };
  /**
   * A callback registered here that flushes covers routes of the same object (see `RouteCover`).
   * `when`: only for these string arguments (Fastify's `addHook("onSend", fn)`).
   */
  readonly coversRoutes?: RouteCover & { readonly when?: { readonly argument: number; readonly oneOf: readonly string[] } };
  /** Keys of a route's options whose functions, when they flush, cover that route (Fastify's `{ onSend }`): `runs` as in `RouteCover`. */
  readonly coveringOptions?: RouteCover & { readonly keys: readonly string[] };
}

/**
 * A callback that runs inside the invocation after the route's own code and before the response goes
 * out: an awaited flush in it on every path covers the routes it runs for, on a serverless platform.
 * - `aroundNext`: middleware that awaits the rest of the chain at its `next` parameter (Koa, Hono:
 *   `try { await next(); } finally { await tracer.forceFlush(); }`); only a flush after `await next()`
 *   counts, and it covers the routes registered after it on the same object (the chain runs in
 *   registration order) and the routers or sub-apps mounted on that object after it (`app.use(router.routes())`,
 *   `app.route("/api", api)`). A string path first (`router.use("/admin", mw)`) limits it to some
 *   routes: only `catchAllPaths` count.
 * - `afterHandler`: a hook that runs after the handler, before the response is written, and that the
 *   framework awaits (Fastify's `onSend`): it covers every route of the object, registered before or
 *   after it, and of the instances registered on it as plugins (`plugins.registerMethod`: Fastify's
 *   child instances inherit their parent's hooks); one added in a plugin that goes through a
 *   `plugins.wrappers` (`fastify-plugin`) is the parent's own. Another app's hook covers nothing here.
 */
export interface RouteCover {
  readonly runs: "aroundNext" | "afterHandler";
  readonly catchAllPaths?: readonly string[];
  /**
   * `afterHandler`: the position of the hook's `done` callback by its count of parameters (Fastify's
   * `onSend(request, reply, payload, done)`: `{ 4: 3 }`). A hook that is not async and takes it ends
   * when it calls `done`, not when it returns: it covers when `done` runs only after a flush settled
   * (`callsDoneAfterFlush` in analysis/flush.ts).
   */
  readonly doneParameterByArity?: Readonly<Record<number, number>>;
}

export interface Mounting {
  readonly method: string;
  readonly through?: readonly string[];
}

/** A kind of object a framework hands out (an app, a router, a server) and what its methods register. */
export interface ObjectKind {
  /** Calls (or `new`) that make one: `express()`, `new Hono()`, `Fastify()`. `new: undefined` accepts both. */
  readonly createdBy?: ReadonlyArray<{ readonly value: ValueSpecifier; readonly new?: boolean }>;
  /** The imported value itself is one: `initTRPC`, `app` of `@azure/functions`. */
  readonly isValue?: readonly ValueSpecifier[];
  /**
   * A binding imported from one of the project's own modules (specifier matching `modules`) under a name
   * matching `names` is one: tRPC's `import { publicProcedure } from "./trpc"`. Names decide, so this is
   * only for names a framework's users do not give to other things.
   */
  readonly importedFrom?: { readonly modules: RegExp; readonly names: RegExp };
  /** Type names that, on a parameter, make it one: `function routes(app: Express)`. */
  readonly types?: readonly ValueSpecifier[];
  /**
   * Untyped, a function's parameter is one when the function is the value of `option` in an options object
   * given to a call of `beside`, or to a call that is also given `beside` (`connectNodeAdapter({ routes:
   * (router) => … })`, `server.register(fastifyConnectPlugin, { routes })`): its parameter at `parameter`.
   * The function is read inline or by the name of a function of the file.
   */
  readonly optionParameters?: readonly { readonly beside: ValueSpecifier; readonly option: string; readonly parameter: number }[];
  /** Methods whose arguments are per-request callbacks. */
  readonly methods?: Readonly<Record<string, Registration>>;
  /** Methods that return the object itself: `new Hono().basePath("/api")` (registration methods chain too). */
  readonly chainable?: readonly string[];
  /**
   * Of `chainable`, the methods whose result is another view of the same routes and middleware, even
   * when held apart (`const api = app.basePath("/api")`: Hono clones the app sharing its router, so a
   * middleware of `app` runs for `api.post(…)`). A route cover (`RouteCover`) of one covers the other.
   */
  readonly sharesRoutes?: readonly string[];
  /**
   * How another object of the framework is mounted on this one, to run inside it (its routes after
   * this object's middleware): `app.use("/api", router)`, Koa's `app.use(router.routes())` (`through`:
   * methods of the mounted object that return its middleware), Hono's `app.route("/api", api)`.
   */
  readonly mounts?: Mounting;
  /** Methods that return another object kind of the same descriptor: `app.route("/x")` → `express-route`. */
  readonly returns?: Readonly<Record<string, string>>;
  /** Properties that are another object kind: `t.procedure`. */
  readonly properties?: Readonly<Record<string, string>>;
  /** Methods that make the file a long-running server (`listen`): its exports are then not serverless entry points. */
  readonly listens?: readonly string[];
  /**
   * The first parameter of a plugin function is one of these objects: a function passed to
   * `<object>.<registerMethod>(fn)` (at any position: Elysia's `group(prefix, fn)`), wrapped by one of
   * `wrappers`, or typed with a name matching `typePattern`.
   */
  readonly plugins?: {
    readonly registerMethod: string;
    readonly wrappers?: readonly ValueSpecifier[];
    readonly types?: { readonly packages: readonly string[]; readonly packagePrefixes?: readonly string[]; readonly pattern: RegExp };
  };
}

/**
 * A module that exports a plugin of the framework, recognized by what it exports in a project that
 * depends on the framework, not by an import: such files usually import nothing of it (hapi's
 * `export const plugin = { name, register(server) { server.route(…) } }`, a fastify-cli/`@fastify/autoload`
 * route module `module.exports = async function (fastify, opts) { fastify.get(…) }`). The parameter at
 * `serverParam` is then an object of kind `object`, so that its route and hook methods register
 * handlers exactly as on the app object itself; a parameter never called with one registers nothing.
 */
export interface PluginExport {
  /** The nearest package.json names one of these (any kind of dependency); a file that imports one of the descriptor's modules needs none. */
  readonly projectDependency: readonly string[];
  /**
   * `exported-function`: the export is the plugin function (inline, by name, or inside a wrapper call);
   * `object-with-register`: the export is an object whose `register` function is the plugin.
   */
  readonly shape: "exported-function" | "object-with-register";
  /** Which exports: `"default"` is `export default` and `module.exports =`; other names are named exports (ESM or CommonJS). */
  readonly exports: readonly string[];
  /** The position of the plugin function's parameter that is the framework's object. */
  readonly serverParam: number;
  /** The id of the descriptor's object kind that parameter is (`server`, `instance`). */
  readonly object: string;
}

/** A registration by a function of the package: `createServer(fn)`, `defineEventHandler(fn)`, `functions.http("n", fn)`. */
export interface CallRegistration extends Registration {
  readonly callee: ValueSpecifier;
  /** `true`: only with `new`; `false`: only without; absent: both. */
  readonly new?: boolean;
}

/** `fastify.register(mercurius, { resolvers })`: a package passed as a plugin, with its options. */
export interface PluginRegistration extends Registration {
  readonly method: string;
  readonly plugin: ValueSpecifier;
}

/** Unresolved globals that register callbacks: `Bun.serve({ fetch })`, Nuxt's auto-imported `defineEventHandler`. */
export interface GlobalRegistration extends Registration {
  /** The global's dotted path: `Bun.serve`, `defineEventHandler`. */
  readonly name: string;
  /** Only in files whose path matches (Nuxt auto-imports only under `server/`). */
  readonly path?: RegExp;
  /**
   * Only in a file where the descriptor's `platform` chooses a platform: elsewhere the call registers nothing (a
   * service worker's `addEventListener("fetch", fn)` is a Cloudflare Worker's entry point in a Workers project, and
   * a browser's or a PWA's service worker elsewhere, no handler at all).
   */
  readonly onlyOnPlatform?: true;
}

/** A file-routed framework's convention: which exports of a file at this path are handlers. */
export interface FileConvention {
  readonly path: RegExp;
  /**
   * Folders the project's own configuration names for this convention besides `path` (absolute paths,
   * from `of(filename)`: Netlify's `[functions] directory` of netlify.toml): a file below one of them whose
   * path relative to it matches `entry` is matched as if `path` had matched. `of` is asked by the entry
   * gate for files with an export the convention reads; it must be cached per project. With `replacesPath`,
   * a project that configures a folder no longer has `path`'s default one (Netlify deploys only the
   * configured folder). `entryPrecedence` applies to `entry`'s group 1 as to `path`'s.
   */
  readonly configuredFolders?: { readonly of: (filename: string) => readonly string[]; readonly entry: RegExp; readonly replacesPath?: boolean };
  /** Named exports that are handlers (`GET`, `loader`); a RegExp matches names. */
  readonly exports?: readonly string[] | RegExp;
  /** The default export is a handler. */
  readonly defaultExport?: boolean;
  /** Named exports that are objects of handlers (`actions` of a SvelteKit page). */
  readonly objectExports?: readonly string[];
  /**
   * Keys of an object exported by default whose functions are handlers, named after the key in messages
   * (Vercel's web-standard `export default { fetch(request) { … } }`).
   */
  readonly defaultObjectKeys?: readonly string[];
  /** The file must also import one of these modules (a `middleware.ts` is Next.js's only if it imports `next/server`). */
  readonly requiresImport?: readonly string[];
  /**
   * The path relative to the nearest package.json must also match (Vercel's `api/` is at the project
   * root); a file outside any project is judged by `path` alone.
   */
  readonly projectPath?: RegExp;
  /**
   * The convention holds only in a project whose nearest package.json names one of these (any kind of
   * dependency), or in a file that imports one of the descriptor's modules: for a `path` as common as
   * SolidStart's or Qwik City's `src/routes/**`, which Express and Koa apps use for their route modules. A
   * file outside any project is judged by `path` alone.
   */
  readonly projectDependency?: readonly string[];
  /**
   * When `path` captured a subfolder's name (group 1), the files one of which is that subfolder's entry,
   * first existing one wins (`{name}` is the subfolder's name): a file matching `path` is no entry when
   * a file listed before it exists beside it (Netlify's `hello/hello.ts` and `hello/index.ts`).
   */
  readonly entryPrecedence?: readonly string[];
  /**
   * The convention does not hold in a project with one of these deployment signals
   * (`analysis/deployment.ts`): a Nitro/Nuxt project's root `api/` is Nitro's, not Vercel's.
   */
  readonly exceptInProjects?: readonly DeploymentFlag[];
  /**
   * Handlers of this file run on this platform (they become invocation handlers); a function decides
   * per file (Next.js routes are serverless only where the project deploys them so).
   */
  readonly platform?: PlatformDescriptor | ((api: HandlerHookApi) => PlatformDescriptor | undefined);
  /** The shape of the flush fix of this convention's handlers where it is not the platform's default (`FlushShape`). */
  readonly flushShape?: FlushShape;
}

/**
 * How a serverless entry point must flush, where its kind decides rather than its platform: `"after"`, only through
 * the platform's callback run after the response (`BackgroundWork` that `takes: "callback"`, Next.js's `after()`),
 * for an entry whose work goes on after it returns (a server component streams its children): a `try … finally`
 * around its body would flush before that work and on every render. Where that hook cannot be written, no fix.
 */
export type FlushShape = "after";

/** What a descriptor's hook may ask and report; the engine implements it. */
export interface HandlerHookApi {
  /** The file's path with `/` separators. */
  readonly path: string;
  /** The file name as given (for looking at the project's files beside it). */
  readonly filename: string;
  /** `AnalysisInput.cwd`: where a walk up for the project's configuration stops. */
  readonly cwd: string | undefined;
  readonly ast: TSESTree.Program;
  readonly text: string;
  readonly settings: HoneyhiveSettings;
  /**
   * Reads a project module's export facts (the file's `AnalysisInput.readModuleFacts`); absent when the
   * file is itself a module read for another (one module deep).
   */
  readonly readModuleFacts?: ModuleFactsReader;
  /** Does `node` (an expression or a type name) resolve to one of `spec`'s values? */
  matches(node: TSESTree.Node, spec: ValueSpecifier): boolean;
  originOf(node: TSESTree.Node): ModuleOrigin | undefined;
  isGlobal(identifier: TSESTree.Identifier): boolean;
  variableOf(identifier: TSESTree.Identifier): Scope.Variable | null | undefined;
  /** What a never-reassigned name holds: its function declaration or its initializer (`Bindings.valueOf`). */
  valueOf(identifier: TSESTree.Identifier): TSESTree.Node | undefined;
  functionsOf(node: TSESTree.Node | null | undefined): FunctionNode[];
  /** The functions a call of a wrapper or factory of this file returns (`withSession(fn)` → its returned function; `Bindings.returnedFunctionsOf`). */
  returnedFunctionsOf(call: TSESTree.CallExpression): FunctionNode[];
  /** Does `fn` await a flush (one of this file's flush calls) on every normal path (`flushesOnEveryPath`)? */
  flushesOnEveryPath(fn: FunctionNode): boolean;
  /** The object literal an expression is, inline or through a `const`. */
  objectOf(node: TSESTree.Node | null | undefined): TSESTree.ObjectExpression | undefined;
  namedExports(): readonly ExportedValue[];
  /** Is this function already a handler (registered by an earlier descriptor)? */
  isHandler(fn: TSESTree.Node): boolean;
  /** A function registered by a long-running server in this file (`listen`), or a file convention matched. */
  readonly isServerOrRoutedFile: boolean;
  /** Report per-request handlers of this descriptor. */
  request(functions: readonly FunctionNode[], registration: TSESTree.Node): void;
  /** Report an invocation entry point of a serverless platform. */
  invocation(fn: FunctionNode, entry: InvocationEntry): void;
  /**
   * Report a class the framework instantiates once per request (NestJS's request-scoped providers): its
   * field initializers and constructor run per request. `registration` is what makes it so (a decorator,
   * an injected parameter).
   */
  perRequestClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, registration: TSESTree.Node): void;
}

export interface ExportedValue {
  readonly name: string;
  /** The exported expression, function declaration, or local identifier. */
  readonly value: TSESTree.Node;
  readonly nameNode: TSESTree.Node;
  readonly exportNode: TSESTree.Node;
  readonly type?: TSESTree.TypeNode;
}

export interface InvocationEntry {
  readonly platform: PlatformDescriptor;
  readonly exportName: string;
  readonly nameNode: TSESTree.Node;
  readonly exportNode: TSESTree.Node;
  readonly middy?: boolean;
  readonly callbackStyle?: boolean;
  readonly flushShape?: FlushShape;
}

/**
 * What a file shows before a hook can report a handler: cheap facts of its top level and text that a
 * rule reads before any analysis (analysis/entry-gate.ts), so that a file holding none costs nothing
 * more. Any one sign lets the file through; a kind without signs (`{}`) is one the hook never reports.
 * A hook without `signs` may report either kind in every file it runs on (the safe default).
 */
export interface HookSigns {
  /** Before `api.invocation(…)`: a serverless entry point (the flush rule's gate). */
  readonly invocation?: EntrySigns;
  /** Before `api.request(…)`: a per-request handler. */
  readonly request?: EntrySigns;
}

export interface EntrySigns {
  /** A top-level named export (ESM or CommonJS) under one of these names. */
  readonly exports?: readonly string[];
  /** A top-level named export (or `export default`, for the name `default`) under a name of `settings.honeyhive.lambdaHandlerNames`. */
  readonly configuredExports?: boolean;
  /**
   * A top-level export under a name that the project's deployment configuration gives this file
   * (`default` for `export default`): AWS Lambda's `handler: src/chat.main` in serverless.yml.
   */
  readonly deployedExports?: (filename: string, cwd: string | undefined) => readonly string[];
  /** Any top-level named export, in a project whose deployment signals (analysis/deployment.ts) have this flag. */
  readonly exportsWhere?: "vercel" | "netlify" | "openNext" | "wrangler" | "gcpFunctions";
  /**
   * Any top-level named export, in a file this accepts by its path and project (Temporal's activity module,
   * `src/activities.ts` of a project depending on the worker, which imports nothing of Temporal).
   */
  readonly exportsInFile?: (filename: string) => boolean;
  /** An `export default`. */
  readonly defaultExport?: boolean;
  /**
   * An `export default` of an object literal, inline or through a name (`export default { fetch }`,
   * `export default app satisfies ExportedHandler`): the value `defaultExportObject`
   * (frameworks/default-export-object.ts) reads. A default-exported function, class, call or literal
   * is no such object, so a hook that reads only that object runs on none of them.
   */
  readonly defaultExportObject?: boolean;
  /** The file imports, requires or `import()`s one of these modules (where the hook's types or base classes come from). */
  readonly imports?: readonly string[];
}

/** When a hook runs: only then does the file pay for it. */
export interface HookTrigger {
  /** The file imports one of the descriptor's modules. */
  readonly imports?: boolean;
  /** The file's path matches. */
  readonly path?: RegExp;
  /** The file's text contains this string (a directive: `"use server"`). */
  readonly text?: string;
  /** Every file (cheap hooks that read only the top-level exports: AWS Lambda's `handler`). */
  readonly always?: boolean;
}

/**
 * A framework (or a serverless runtime's handler API): one module per framework under
 * `analysis/knowledge/frameworks/`, read by the handler engine in `analysis/handlers.ts`.
 */
export interface FrameworkDescriptor {
  /** Stable id: `express`, `hapi`, `gcp-functions`. */
  readonly id: string;
  /** For messages: "Express" → "Express handler". */
  readonly name: string;
  /**
   * What one run of its handlers is called in messages ("runs on every job of this pg-boss job handler"):
   * `job`, `message`, `tick`, `event`, `update`, `call`, `run`; absent: `request`. A handler that is a
   * serverless entry point runs per `invocation` whatever its framework.
   */
  readonly unit?: string;
  /**
   * Handlers that are entries of a handler map under another key (`resolverMaps`: Moleculer's `events: {
   * "user.created"(ctx) {} }` beside its `actions`), by that key: what they are called in messages instead
   * of `name` and `unit` ("Moleculer event handler", runs on every `event`). An entry written as `{ handler }`
   * counts too; a map held in a variable is worded as the framework's.
   */
  readonly unitsByMap?: Readonly<Record<string, { readonly name: string; readonly unit: string }>>;
  /** Module specifiers whose import makes the engine read this descriptor; `"@nestjs/*"` is a prefix. */
  readonly modules: readonly string[];
  /** Module specifiers that also make the engine read it, by pattern: a project module's conventional name (`~/server/api/trpc`). */
  readonly modulePatterns?: readonly RegExp[];
  /**
   * Handlers registered through this descriptor's API run on this serverless platform (invocation
   * handlers); a function decides per file (a Hono app runs on Cloudflare Workers only in a Workers
   * project), asked once per file when the first registration is found.
   */
  readonly platform?: PlatformDescriptor | ((api: HandlerHookApi) => PlatformDescriptor | undefined);
  /**
   * What a file shows where `platform` can choose a platform: it loads one of `imports` (the serverless
   * adapters an Express app is served through: `serverless-http`), or it imports one of `appMakers` as
   * a value (`import express from "express"`, not `import type { Request }`) and exports something (the
   * app, served by an adapter in a module beside it). The entry gate (analysis/entry-gate.ts) lets
   * another file of the framework through for request handlers only.
   */
  readonly platformSigns?: { readonly imports: readonly string[]; readonly appMakers?: readonly ValueSpecifier[] };
  readonly objects?: Readonly<Record<string, ObjectKind>>;
  readonly calls?: readonly CallRegistration[];
  readonly plugins?: readonly PluginRegistration[];
  /** Plugin modules recognized by their exports in a project that depends on the framework (they import nothing of it). */
  readonly pluginExports?: readonly PluginExport[];
  readonly globals?: readonly GlobalRegistration[];
  /** Types that say a function runs per request, on its variable or one of its parameters (`req: Request`). */
  readonly handlerTypes?: readonly ValueSpecifier[];
  /**
   * Types that say the object a variable holds is a GraphQL resolver map, whatever module they are
   * imported from (graphql-codegen writes them into the project: `./generated/graphql`): `map` names
   * a map of types (`const resolvers: Resolvers = { Query: { … } }`), `fields` one type's map of
   * field resolvers (`const Query: QueryResolvers = { chat: … }`).
   */
  readonly resolverMapTypes?: { readonly map: RegExp; readonly fields?: RegExp };
  readonly files?: readonly FileConvention[];
  /** What is too irregular for data (decorators, directives): a small function, run only when `trigger` holds. */
  readonly hook?: { readonly trigger: HookTrigger; readonly run: (api: HandlerHookApi) => void; readonly signs?: HookSigns };
  /** How the framework goes on from a callback that runs before the handler (the rule `no-lost-session-context`). */
  readonly sessionFlow?: SessionFlow;
  /**
   * `false`: per invocation, not concurrent. The runtime runs one of this framework's callbacks at a time
   * per process (Trigger.dev: one run per task run process), so a tracer made per call is still one per
   * call (no-tracer-init-in-handler reports it) while a session started on a shared tracer cannot race
   * another call's (no-session-start-in-handler does not report it). Absent: callbacks may run concurrently.
   */
  readonly concurrent?: false;
  /**
   * Its serverless entry points hand their work, as a promise, to methods of their parameter and return at once (the
   * service-worker syntax's `event.respondWith(handle(event.request))`, `event.waitUntil(run(event))`): the file's
   * functions called in such an argument run inside the invocation (their tracing is the entry point's), and the flush
   * fix chains the flush onto that promise (`handle(event.request).finally(() => event.waitUntil(tracer.forceFlush()))`).
   * `recommendedFlush` says it in messages, as `PlatformDescriptor.recommendedFlush` does.
   */
  readonly workHandedTo?: WorkHandedTo;
  /** Where a tracer or pipeline built once goes for this framework's handlers, in review markers (see `PlatformDescriptor.initPlace`). */
  readonly initPlace?: string;
  /**
   * Runs of one registration never overlap when the registering call's options object (the argument at
   * `argument`) sets `key` to `true` (node-cron's `schedule(expression, fn, { noOverlap: true })`): then, as
   * with `concurrent: false`, a session started on a shared tracer there cannot race. Without it (the
   * default), a run that outlasts its interval overlaps the next.
   */
  readonly serialWhen?: { readonly argument: number; readonly key: string };
  /**
   * Objects the framework's app is given that hand a serverless invocation to the app (Slack Bolt's
   * `new App({ receiver: new AwsLambdaReceiver(…) })`): a Lambda handler of the file that calls one of
   * `handlerMethods` on such a receiver (`(await receiver.start())(event, context, callback)`) runs the
   * descriptor's request handlers of the file inside its invocation, so their tracing is the handler's
   * and the flush rule asks the handler to flush (`LambdaHandler.runsInside`).
   */
  readonly invocationReceivers?: readonly InvocationReceiver[];
  /** Where its handlers receive what the client sent (the rule `require-valid-session-id`). */
  readonly requestInputs?: RequestInputs;
  /**
   * Where the handlers of one registering function receive it, by that function's name, when they differ
   * from the framework's other handlers (Astro's `defineAction({ handler })` gets the action's input, its
   * endpoints a context); read before `requestInputs`.
   */
  readonly requestInputsByCall?: Readonly<Record<string, RequestInputs>>;
  /**
   * Where handlers that are methods (of a class or an object literal) receive it, by the method's name,
   * when they differ from the framework's other handlers (a Durable Object's `webSocketMessage(ws, message)`
   * gets the client's message second, its `fetch(request)` a request); `null`: no client input (`alarm()`).
   * Read before `requestInputsByCall` and `requestInputs`.
   */
  readonly requestInputsByMethod?: Readonly<Record<string, RequestInputs | null>>;
  /** Where they receive it, per event, for a framework whose registering method takes an event name first (read before `requestInputs`). */
  readonly requestInputsByEvent?: RequestInputsByEvent;
}

/** See `FrameworkDescriptor.workHandedTo`. */
export interface WorkHandedTo {
  readonly parameterIndex: number;
  /** The parameter's methods that take the work's promise: `respondWith`, `waitUntil`. */
  readonly methods: readonly string[];
  readonly recommendedFlush: string;
}

/** See `FrameworkDescriptor.invocationReceivers`. */
export interface InvocationReceiver {
  /** The receiver's class (`new AwsLambdaReceiver(…)`). */
  readonly value: ValueSpecifier;
  /** The key of the app's options that takes it (`receiver`). */
  readonly option: string;
  /** The receiver's methods whose result (awaited) is the invocation's handler: `start`, `toHandler`. */
  readonly handlerMethods: readonly string[];
  /** Where the API was checked. */
  readonly verifiedAt: string;
}

/**
 * Request inputs of a callback registered by `method(event, callback)`, by the event's name (a string
 * written in the call): Socket.IO's `io.on("connection", (socket) => …)` gets a socket the server holds
 * (only its handshake is the client's), `socket.on("chat", (payload, ack) => …)` the client's message.
 * `null`: the event's callback receives no client input (`disconnect`'s reason). An event name the call
 * does not spell out (a variable) gets none.
 */
export interface RequestInputsByEvent {
  readonly method: string;
  readonly events: Readonly<Record<string, RequestInputs | null>>;
  /** Every other event named in the call. */
  readonly otherEvents?: RequestInputs;
  /**
   * Methods of the object a connection event's callback receives as its first parameter (Socket.IO's
   * `socket` in `io.on("connection", (socket) => …)`) whose callback gets client input: `socket.use((packet,
   * next) => …)` sees each packet the client sends.
   */
  readonly connectionMethods?: { readonly events: readonly string[]; readonly methods: Readonly<Record<string, RequestInputs>> };
  /**
   * Other registering methods, not per event, by name, where `connectionMethods` does not apply: the
   * server's own middleware `io.use((socket, next) => …)` gets each connecting socket, whose handshake is
   * the client's.
   */
  readonly methods?: Readonly<Record<string, RequestInputs>>;
}

/**
 * Where a session created in a per-request callback reaches the handler's spans. Only what a runtime
 * test proves goes here (sdk/lost-session-context.test.ts, sdk/lost-session-frameworks.test.ts).
 */
export interface SessionFlow {
  /**
   * Callbacks that run before the handler, by registration name: the hook name (`addHook("onRequest",
   * fn)`'s name, a route option key), or `"*"` for every per-request callback of the descriptor.
   */
  readonly beforeHandler: Readonly<Record<string, BeforeHandlerCallback>>;
  /**
   * Route registrations that take route-level middleware: `app.get(path, mw, handler)` runs `mw` for
   * this route only, so a session it creates never reaches the object's other routes.
   */
  readonly routeLevel?: RouteLevelMiddleware;
}

export interface RouteLevelMiddleware {
  /**
   * Methods that register one route, every function argument before the last being middleware of that
   * route only (`get`, `post`, …). Any other registering method of the object (`use`, `all`, `on`) may
   * run its functions for every route: a session created there counts as every route's.
   */
  readonly routeMethods: readonly string[];
  /**
   * The method that registers middleware for every route of an app (`use`): a module that mounts this
   * file's router on its app after such a middleware, one that may give each request a session, gives
   * the router's routes that session (analysis/knowledge/frameworks/app-adapters.ts
   * `mountedAfterSessionMiddleware`).
   */
  readonly appMiddleware?: string;
}

export interface BeforeHandlerCallback {
  /**
   * The framework awaits an async one's promise and runs the handler from its own reaction, registered
   * before the callback's code after its first `await` ran (Fastify's hook runner): a session created
   * after that `await` never reaches the handler.
   */
  readonly awaitsPromise?: boolean;
  /**
   * The position of the parameter that runs the rest of the request (`next`, `done`), by the
   * function's parameter count, as the framework itself tells its forms apart (Express: 4 = error
   * middleware): a session must be created in the execution that calls it.
   */
  readonly nextParameterByArity?: Readonly<Record<number, number>>;
  /**
   * `next()` returns a promise that settles once the downstream middleware and the handler ran (the
   * onion model of Koa and Hono): code after `await next()` runs after the handler, so a session it
   * creates never reaches the handler's spans (proven in sdk/lost-session-frameworks.test.ts).
   */
  readonly awaitedNextRunsHandler?: boolean;
}
