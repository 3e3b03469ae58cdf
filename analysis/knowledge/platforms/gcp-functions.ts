import type { PlatformDescriptor } from "../types.js";
import { EXPRESS_RESPONSE, INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * Google Cloud Functions throttles the instance's CPU once the response is sent (HTTP) or the
 * handler's promise settles (CloudEvents): exports still in flight may never finish. An HTTP function
 * `(req, res)` ends when it calls `res.send()`/`res.json()`/`res.end()`/…, not when it returns
 * ("Terminate HTTP functions with res.redirect(), res.send(), or res.end()", and code after the
 * response "may not execute": https://cloud.google.com/functions/docs/samples/functions-concepts-after-response),
 * so its flush goes before each of those calls. Cloud Functions for Firebase `onRequest` is the same
 * (Express) response object.
 */
export const gcpFunctions = {
  id: "gcp-functions",
  name: "Google Cloud Functions",
  freezesAfterReturn: true,
  requestInputs: INVOCATION_INPUT,
  responseCall: EXPRESS_RESPONSE,
} as const satisfies PlatformDescriptor;

/**
 * A Koa app served as an HTTP function (`functions.http("api", app.callback())`): Koa sends the
 * response once its middleware's promises settle, so a route's flush in try/finally runs before it.
 */
export const gcpFunctionsKoaApp = {
  id: gcpFunctions.id,
  name: gcpFunctions.name,
  freezesAfterReturn: true,
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
