import type { PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * Netlify Functions run on AWS Lambda; the modern default export `(req, context)` offers
 * `context.waitUntil(promise)` (https://docs.netlify.com/functions/api/; netlify/primitives
 * packages/types/src/lib/context/context.ts, the `Context` that @netlify/functions re-exports:
 * `waitUntil: (promise: Promise<unknown>) => void`, read with the search tools 2026-12-07). The Lambda-compatible
 * `export const handler = async (event, context)` gets Lambda's context, which has no `waitUntil`.
 */
export const netlify = {
  id: "netlify",
  name: "Netlify Functions",
  freezesAfterReturn: true,
  backgroundWork: { kind: "parameter-method", parameterIndex: 1, method: "waitUntil", takes: "promise", exportNames: ["default"] },
  // One text for both shapes (the message is the platform's): the Lambda-compatible `handler` has only the awaited flush.
  recommendedFlush: "`context.waitUntil({flush})` (in the default export `(req, context)`) or `await {flush}`",
  // The v2 `(req, context)`'s context: `context.params` holds the path parameters of `config.path`,
  // `context.cookies.get(name)` reads a cookie of the incoming request (docs.netlify.com/functions/api,
  // "Netlify-specific Context object"; netlify/cli#5970 "support context.params"). The Lambda-compatible
  // `(event, context)` gets Lambda's context, which has neither member.
  requestInputs: { ...INVOCATION_INPUT, otherParameters: { 1: { holds: "request", parts: ["params", "cookies"], routeParameters: ["params"] } } },
} as const satisfies PlatformDescriptor;
