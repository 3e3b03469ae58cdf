import type { PlatformDescriptor } from "../types.js";

/**
 * Supabase Edge Functions (supabase.com/docs/guides/functions/background-tasks: "You can use
 * `EdgeRuntime.waitUntil(promise)` to explicitly mark background tasks. The Function instance continues to run
 * until the promise provided to `waitUntil` completes"; the launch post: it "ensures that the function isn't
 * terminated until the promise is resolved"; checked with the search tool 2026-12-06): a function's
 * `Deno.serve(handler)` in `supabase/functions/<name>/index.ts`, whose instance may end once the response is
 * sent. Its background hook is a runtime global (`EdgeRuntime.waitUntil`), a form no `BackgroundWork` kind
 * writes yet: the fix is the awaited flush in try/finally.
 */
export const supabaseEdgeFunctions = {
  id: "supabase-edge-functions",
  name: "Supabase Edge Functions",
  freezesAfterReturn: true,
} as const satisfies PlatformDescriptor;
