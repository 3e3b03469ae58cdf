import type { PlatformDescriptor } from "../types.js";

/**
 * Supabase Edge Functions (supabase.com/docs/guides/functions/background-tasks: "You can use
 * `EdgeRuntime.waitUntil(promise)` to explicitly mark background tasks. The Function instance continues to run
 * until the promise provided to `waitUntil` completes"; the launch post: it "ensures that the function isn't
 * terminated until the promise is resolved"; checked with the search tool 2026-12-06): a function's
 * `Deno.serve(handler)` in `supabase/functions/<name>/index.ts`, whose instance may end once the response is
 * sent. Its background hook is a runtime global, `EdgeRuntime.waitUntil(promise)`: a flush handed to it counts,
 * and the fix writes `EdgeRuntime.waitUntil(tracer.forceFlush())` where the file loads the runtime's type
 * declarations (`import "jsr:@supabase/functions-js/edge-runtime.d.ts"`, the first line `supabase functions new`
 * writes; without it `EdgeRuntime` has no type and a type-checked function would not compile), else the awaited
 * flush in try/finally.
 */
export const supabaseEdgeFunctions = {
  id: "supabase-edge-functions",
  name: "Supabase Edge Functions",
  freezesAfterReturn: true,
  initPlace: "module scope, outside Deno.serve: reused while the instance lives",
  backgroundWork: { kind: "global-method", global: "EdgeRuntime", method: "waitUntil", takes: "promise", typesFrom: ["@supabase/functions-js/edge-runtime.d.ts"] },
  recommendedFlush: "`EdgeRuntime.waitUntil({flush})` or `await {flush}`",
} as const satisfies PlatformDescriptor;
