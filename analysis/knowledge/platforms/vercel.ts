import type { PlatformDescriptor, ResponseCallEnd } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * A Node.js `(req, res)` handler's response helpers (Vercel's `@vercel/node`, Next.js's API routes):
 * the invocation ends when one of them sends the response, so a flush must come before it (a
 * `finally` runs after it, if at all). Web handlers (`export function POST(request)`) return a
 * `Response` instead, so this applies to the default export only.
 */
export const NODE_RESPONSE_HELPERS = {
  kind: "responseCall",
  parameterIndex: 1,
  methods: ["send", "json", "end", "redirect"],
  // `res.status(200).json(…)` (the helpers'), `res.setHeader(…)`/`writeHead(…)` (Node's, which return `res`).
  chainable: ["status", "setHeader", "writeHead"],
  exportNames: ["default"],
} as const satisfies ResponseCallEnd;

/**
 * Vercel Functions end the invocation after the response unless the work is handed to `waitUntil`
 * (`@vercel/functions`: "an asynchronous task to be performed during the lifecycle of the request",
 * https://vercel.com/docs/functions/functions-api-reference/vercel-functions-package). A legacy Node.js
 * handler `export default function handler(req, res)` answers with `res.json(…)`/`res.send(…)`/
 * `res.end()`: the function may be frozen as soon as the response is sent
 * (https://vercel.com/guides/what-can-i-do-about-vercel-serverless-functions-timing-out), so its
 * flush goes before each send, as on Google Cloud Functions; a `waitUntil(flush)` registered before
 * the send counts, one after it may never run.
 */
export const vercel = {
  id: "vercel",
  name: "Vercel Functions",
  freezesAfterReturn: true,
  backgroundWork: [
    // Written only in a project that depends on `@vercel/functions` (else the import would not resolve): the awaited flush there.
    { kind: "import", module: "@vercel/functions", name: "waitUntil", takes: "promise", installed: true },
    // The web handler's second parameter, the request context (`export default function handler(request, context)`,
    // Vercel's Edge signature): `context.waitUntil(promise)`. Read, never written (the import above is tried first).
    { kind: "parameter-method", parameterIndex: 1, method: "waitUntil", takes: "promise", exportNames: ["default"] },
  ],
  recommendedFlush: "`waitUntil({flush})` (`@vercel/functions`) or `await {flush}`",
  responseCall: NODE_RESPONSE_HELPERS,
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
