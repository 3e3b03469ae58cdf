import type { PlatformDescriptor } from "../types.js";
import { NODE_RESPONSE_HELPERS } from "./vercel.js";

/**
 * Where a tracer or pipeline built once goes in a Next.js app (`initPlace`): instrumentation.ts's `register` "is called
 * once when a new Next.js server instance is initiated" (nextjs.org/docs/app/api-reference/file-conventions/instrumentation,
 * checked with the search tool 2026-12-06).
 */
export const NEXTJS_INIT_PLACE = "module level or instrumentation.ts";

/**
 * Next.js route handlers and server actions deployed as serverless functions (Vercel, Netlify,
 * OpenNext): the function may be frozen after the response; `after(fn)` from `next/server` runs `fn`
 * once the response is sent and keeps the function alive for it. A Pages Router API route
 * (`pages/api/**`, default export `(req, res)`) answers with `res.json(…)`/`res.send(…)`, after which
 * the function may be frozen (`after` is for the App Router): its flush goes before each send.
 */
/** What every Next.js entry on a serverless host shares, whatever the route kind. */
const NEXTJS_ON_SERVERLESS_HOST = {
  name: "Next.js serverless function",
  freezesAfterReturn: true,
  initPlace: NEXTJS_INIT_PLACE,
  responseCall: NODE_RESPONSE_HELPERS,
} as const;

export const nextjsServerless = {
  id: "nextjs-serverless",
  ...NEXTJS_ON_SERVERLESS_HOST,
  // Stable since Next.js 15.1 (https://nextjs.org/docs/app/api-reference/functions/after); an older
  // Next.js gets the awaited flush (Vercel's own `waitUntil` is Vercel's alone, and the host is not known here).
  // Next.js 15.0 shipped it as `unstable_after` (behind `experimental.after`; the 15.1 notes rename it): a route
  // that calls it flushes after the response the same way, and a fix never writes it.
  backgroundWork: [
    { kind: "import", module: "next/server", name: "after", takes: "callback", since: { package: "next", version: [15, 1] } },
    { kind: "import", module: "next/server", name: "unstable_after", takes: "callback", written: false },
  ],
  recommendedFlush: "`after(() => {flush})` (`next/server`) or `await {flush}`",
} as const satisfies PlatformDescriptor;

/**
 * A Pages Router API route (`pages/api/**`, default export `(req, res)`) on the same hosts: `after` of `next/server`
 * runs in "Server Components, Server Actions, Route Handlers, and Middleware"
 * (nextjs.org/docs/app/api-reference/functions/after), not in a Pages Router API route, so neither the message nor
 * the fix names it there: the flush is awaited before the response is sent.
 */
export const nextjsPagesApiServerless = {
  id: "nextjs-pages-api-serverless",
  ...NEXTJS_ON_SERVERLESS_HOST,
  recommendedFlush: "`await {flush}` before the response is sent",
} as const satisfies PlatformDescriptor;
