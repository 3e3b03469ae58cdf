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
  backgroundWork: { kind: "import", module: "next/server", name: "after", takes: "callback" },
} as const satisfies PlatformDescriptor;
