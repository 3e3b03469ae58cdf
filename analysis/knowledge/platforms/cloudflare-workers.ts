import type { BackgroundWork, PlatformDescriptor } from "../types.js";
import { INVOCATION_INPUT } from "../frameworks/common.js";

/**
 * A Hono route on the Workers runtime (a Worker, or a Pages Function through `hono/cloudflare-pages`)
 * gets the execution context from its context: `c.executionCtx.waitUntil(…)`
 * (https://hono.dev/docs/api/context#executionctx). Both platforms list it first.
 */
export const HONO_EXECUTION_CONTEXT = {
  kind: "parameter-method",
  parameterIndex: 0,
  property: "executionCtx",
  method: "waitUntil",
  takes: "promise",
  frameworks: ["hono"],
} as const satisfies BackgroundWork;

/**
 * The Workers execution context as the frameworks served on Cloudflare hand it to a route, recognised as the
 * platform's background flush (`written: false`: the fix writes the awaited flush, since these paths are
 * optional or augmented in the apps' types):
 * - SvelteKit (`@sveltejs/adapter-cloudflare`'s ambient.d.ts: `App.Platform` has `ctx: ExecutionContext` and
 *   the deprecated alias `context`; a route or hook gets it as `event.platform`, `App.Platform | undefined`;
 *   svelte.dev/docs/kit/adapter-cloudflare, checked with the search tool 2026-12-06);
 * - Remix / React Router on Cloudflare (`@remix-run/cloudflare`'s templates: the load context is
 *   `{ cloudflare: { env, ctx } }`, typed by augmenting `AppLoadContext`; checked with the search tool 2026-12-06).
 * - Astro endpoints on `@astrojs/cloudflare`, written: the adapter's `Runtime` (v12, Astro 5; @astrojs/cloudflare@12.6.12
 *   dist/utils/handler.d.ts) puts the ExecutionContext on `locals.runtime.ctx`; v13 (Astro 6) replaces it with
 *   `locals.cfContext` ("The `Astro.locals.runtime.ctx` object is replaced with `Astro.locals.cfContext`",
 *   withastro/docs#12981; read with the search tool 2026-12-07). Both are read; the fix writes the one of the
 *   project's declared adapter version, the newer where none is declared. `locals` is never undefined in an endpoint's
 *   context; `runtime` is typed once the app's `App.Locals` extends the adapter's `Runtime`, as its docs show.
 */
const ASTRO_CLOUDFLARE_13 = { package: "@astrojs/cloudflare", version: [13, 0] } as const;
export const CLOUDFLARE_FRAMEWORK_CONTEXTS = [
  { kind: "parameter-method", parameterIndex: 0, property: "platform.ctx", method: "waitUntil", takes: "promise", frameworks: ["sveltekit"], written: false },
  { kind: "parameter-method", parameterIndex: 0, property: "platform.context", method: "waitUntil", takes: "promise", frameworks: ["sveltekit"], written: false },
  { kind: "parameter-method", parameterIndex: 0, property: "context.cloudflare.ctx", method: "waitUntil", takes: "promise", frameworks: ["remix"], written: false },
  { kind: "parameter-method", parameterIndex: 0, property: "locals.cfContext", method: "waitUntil", takes: "promise", frameworks: ["astro"], since: ASTRO_CLOUDFLARE_13 },
  { kind: "parameter-method", parameterIndex: 0, property: "locals.runtime.ctx", method: "waitUntil", takes: "promise", frameworks: ["astro"], until: ASTRO_CLOUDFLARE_13 },
] as const satisfies readonly BackgroundWork[];

/**
 * Cloudflare Workers cancel outstanding work after the response unless it is passed to
 * `ctx.waitUntil(promise)`: the third parameter of a module worker's handler, `this.ctx` in a
 * `class extends WorkerEntrypoint` (https://developers.cloudflare.com/workers/runtime-apis/context/),
 * `c.executionCtx` in a Hono route (`frameworks/hono.ts` decides when a Hono app is the Worker).
 */
export const cloudflareWorkers = {
  id: "cloudflare-workers",
  name: "Cloudflare Workers",
  freezesAfterReturn: true,
  // Module scope runs once per isolate, which serves many requests (developers.cloudflare.com/workers/reference/how-workers-works/).
  initPlace: "module scope: the isolate reuses it for later requests",
  backgroundWork: [
    HONO_EXECUTION_CONTEXT,
    { kind: "parameter-method", parameterIndex: 2, method: "waitUntil", takes: "promise" },
    { kind: "this-method", property: "ctx", method: "waitUntil", takes: "promise" },
    // The service-worker syntax's listener gets one event, whose `waitUntil` is the hook (frameworks/cloudflare-workers.ts).
    { kind: "parameter-method", parameterIndex: 0, method: "waitUntil", takes: "promise", frameworks: ["cloudflare-workers-service-worker"] },
    ...CLOUDFLARE_FRAMEWORK_CONTEXTS,
  ],
  recommendedFlush: "`ctx.waitUntil({flush})` or `await {flush}`",
  requestInputs: INVOCATION_INPUT,
} as const satisfies PlatformDescriptor;
