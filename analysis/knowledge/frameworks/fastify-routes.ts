// Fastify's route options, in a leaf module: the framework descriptor (fastify.ts) registers them as handlers,
// and the app-context slot (app-lifetime.ts, read by analysis/sdk-model.ts) knows which functions of an
// options object a Fastify app registers, without loading the descriptor (which loads the platforms and
// the flush engine, and so sdk-model itself: an import cycle).
import { HTTP_VERBS } from "./common.js";

/** Fastify hooks that run per request (not the application hooks onReady/onClose/onRoute/…). */
export const FASTIFY_REQUEST_HOOKS = [
  "onRequest", "preParsing", "preValidation", "preHandler", "preSerialization", "onSend", "onResponse",
  "onError", "onTimeout", "onRequestAbort",
] as const;

/** Properties of a route options object that hold per-request functions. */
export const FASTIFY_ROUTE_FUNCTIONS: readonly string[] = ["handler", "errorHandler", ...FASTIFY_REQUEST_HOOKS];

/** The instance methods that take a route options object: the shorthand verbs (`app.post(url, { preHandler }, fn)`), `route`, `setNotFoundHandler`. */
export const FASTIFY_ROUTE_METHODS = { verbs: HTTP_VERBS, others: ["route", "setNotFoundHandler"] } as const;
