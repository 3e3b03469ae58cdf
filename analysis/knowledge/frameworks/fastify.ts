import { awsLambda } from "../platforms/aws-lambda.js";
import type { FrameworkDescriptor, RouteCover, ValueSpecifier } from "../types.js";
import { adaptedAppPlatform, adapterModules, isMadeBy } from "./app-adapters.js";
import { REQUEST_OBJECT, methods } from "./common.js";
import { FASTIFY_REQUEST_HOOKS, FASTIFY_ROUTE_FUNCTIONS, FASTIFY_ROUTE_METHODS } from "./fastify-routes.js";

const FASTIFY_APP: ValueSpecifier = { package: "fastify", name: ["", "fastify"] };
/**
 * A Fastify app on AWS Lambda: `export const handler = awsLambdaFastify(app)` of `@fastify/aws-lambda`
 * (https://github.com/fastify/aws-lambda-fastify), or serverless-http. The proxy resolves with the
 * response of the route, which Fastify sends once an async handler's promise settles: a flush awaited
 * in the route's `finally` is in time.
 */
const LAMBDA_ADAPTERS = [{ handle: { package: ["@fastify/aws-lambda", "aws-lambda-fastify", "serverless-http"], name: "" }, platform: awsLambda }];

/**
 * Which hooks run inside the invocation after the handler. `onSend` runs after the handler has produced
 * the payload and before it is written; Fastify awaits an async `onSend` (or the promise it returns)
 * first, so an awaited flush there ends before the response, and before the adapter's promise settles.
 * `onResponse` runs on the response's `finish` event, after it has been sent: @fastify/aws-lambda
 * resolves with light-my-request's `inject()`, which settles on that same event without waiting for the
 * hook, so Lambda may freeze before a flush there ends (fastify.test.ts shows it on Fastify 5). Only
 * `onSend` covers the routes, in either form: an async hook, or a done-callback hook
 * `(request, reply, payload, done)`, which Fastify waits for until it calls `done` (the form Fastify's
 * Hooks reference shows first; `done` is not for async hooks), so a `done` called only once the flush
 * settled (`tracer.forceFlush().then(() => done(null, payload), done)`) covers as the awaited flush does.
 */
const AFTER_HANDLER = { runs: "afterHandler", doneParameterByArity: { 4: 3 } } as const satisfies RouteCover;
const ON_SEND_OPTION = { ...AFTER_HANDLER, keys: ["onSend"] };


/** Fastify: `Fastify()` instances, plugins (`register(fn)`, `fp(fn)`, `FastifyPluginAsync`, a plugin module's default export), routes, route options and request hooks. */
export const fastify = {
  id: "fastify",
  name: "Fastify",
  modules: ["fastify", "fastify-plugin", "@fastify/type-provider-*", "fastify-type-provider-*"],
  objects: {
    instance: {
      createdBy: [{ value: { package: "fastify", name: ["", "fastify"] }, new: false }],
      types: [{ package: "fastify", name: "FastifyInstance" }],
      methods: {
        // Hooks (`addHook`, a route's `preHandler` option) never end the invocation: the route's handler does.
        ...methods(FASTIFY_ROUTE_METHODS.verbs, { options: FASTIFY_ROUTE_FUNCTIONS, nameArgument: 0, ends: "last", hookOptions: FASTIFY_REQUEST_HOOKS, coveringOptions: ON_SEND_OPTION }),
        ...methods(FASTIFY_ROUTE_METHODS.others, { options: FASTIFY_ROUTE_FUNCTIONS, hookOptions: FASTIFY_REQUEST_HOOKS, coveringOptions: ON_SEND_OPTION }),
        setErrorHandler: { errorHandlers: true },
        addHook: { arguments: [1], when: { argument: 0, oneOf: FASTIFY_REQUEST_HOOKS }, ends: "none", coversRoutes: { ...AFTER_HANDLER, when: { argument: 0, oneOf: ["onSend"] } } },
      },
      chainable: ["withTypeProvider"],
      listens: ["listen"],
      plugins: {
        registerMethod: "register",
        wrappers: [{ package: "fastify-plugin", name: ["", "fastifyPlugin"] }],
        // `FastifyPluginAsync` and the type providers' variants (`FastifyPluginAsyncTypebox`, `FastifyPluginAsyncZod`, …).
        types: { packages: ["fastify"], packagePrefixes: ["@fastify/type-provider-", "fastify-type-provider-"], pattern: /^FastifyPlugin(?:Async|Callback)/ },
      },
    },
  },
  platform: (api) => adaptedAppPlatform(api, LAMBDA_ADAPTERS, (app) => isMadeBy(api, app, [FASTIFY_APP], false)),
  platformSigns: { imports: adapterModules(LAMBDA_ADAPTERS), appMakers: [FASTIFY_APP] },
  // A plugin module that imports nothing of Fastify: fastify-cli's generated (and @fastify/autoload's)
  // `module.exports = async function (fastify, opts) { fastify.get(…) }` / `export default async function (fastify) {…}`.
  pluginExports: [{ projectDependency: ["fastify"], shape: "exported-function", exports: ["default"], serverParam: 0, object: "instance" }],
  sessionFlow: {
    // The hooks before the handler; a done-callback hook's `done` comes after `payload` in preParsing.
    beforeHandler: {
      onRequest: { awaitsPromise: true, nextParameterByArity: { 3: 2 } },
      preParsing: { awaitsPromise: true, nextParameterByArity: { 4: 3 } },
      preValidation: { awaitsPromise: true, nextParameterByArity: { 3: 2 } },
      preHandler: { awaitsPromise: true, nextParameterByArity: { 3: 2 } },
    },
  },
  handlerTypes: [
    {
      package: "fastify",
      name: [
        "FastifyRequest", "FastifyReply", "RouteHandlerMethod", "RouteHandler", "onRequestHookHandler", "preParsingHookHandler",
        "preValidationHookHandler", "preHandlerHookHandler", "preSerializationHookHandler", "onSendHookHandler",
        "onResponseHookHandler", "onErrorHookHandler", "onTimeoutHookHandler",
      ],
    },
  ],
  // A route's `schema` is validated before the handler runs (Fastify compiles it with Ajv, ajv-formats
  // included: fastify.dev/docs/latest/Reference/Validation-and-Serialization, checked 2026-12-06), but
  // it proves a UUID only where it says so: JSON Schema's `format: "uuid"` (also TypeBox's
  // `Type.String({ format: "uuid" })`), a `pattern`, or a Zod type provider's `.uuid()`. A schema that
  // only types the header as a string checks nothing the SDK needs. Read on the text of the schema of
  // the property the handler reads (`properties: { sessionId: { type: "string", format: "uuid" } }`):
  // a uuid format on another property of the same schema does not validate `request.body.sessionId`,
  // nor does one in another part of the schema (`schema.headers` for `request.body`): each request part
  // has its schema part (Validation-and-Serialization: `body`, `querystring` or `query`, `params`,
  // `headers`; `FastifySchema` in types/schema.d.ts). Cookies have none.
  requestInputs: {
    ...REQUEST_OBJECT,
    // @fastify/session's `request.session.sessionId` (and `encryptedSessionId`, the signed cookie value) is the
    // cookie's id, 24 random bytes in base64url (lib/idGenerator.js), never a UUID; the rest of the session is
    // the server's data. @fastify/secure-session keeps the data in the cookie and has no id.
    members: { session: { holds: "request", parts: ["sessionId", "encryptedSessionId"] } },
    validatedBy: {
      routeOption: "schema",
      mentions: /\bformat\s*:\s*["'`]uuid["'`]|\bpattern\s*:|\.uuid\s*\(/,
      perProperty: true,
      schemaParts: { body: ["body"], query: ["querystring", "query"], params: ["params"], headers: ["headers"] },
    },
  },
} as const satisfies FrameworkDescriptor;
