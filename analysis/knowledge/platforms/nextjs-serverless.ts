import type { PlatformDescriptor } from "../types.js";

/**
 * Next.js route handlers and server actions deployed as serverless functions (Vercel, Netlify,
 * OpenNext): the function may be frozen after the response; `after(fn)` from `next/server` runs `fn`
 * once the response is sent and keeps the function alive for it.
 */
export const nextjsServerless = {
  id: "nextjs-serverless",
  name: "Next.js serverless function",
  freezesAfterReturn: true,
  // Stable since Next.js 15.1 (https://nextjs.org/docs/app/api-reference/functions/after); an older
  // Next.js gets the awaited flush (Vercel's own `waitUntil` is Vercel's alone, and the host is not known here).
  backgroundWork: { kind: "import", module: "next/server", name: "after", takes: "callback", since: { package: "next", version: [15, 1] } },
} as const satisfies PlatformDescriptor;
