import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT, UPPERCASE_VERBS } from "./common.js";
import { astroAdapterPlatform } from "./server-adapters-config.js";

/**
 * Astro endpoints (`src/pages/**\/*.ts` verb exports and `ALL`), middleware (`src/middleware.ts`
 * `onRequest`), and actions: the `handler` of `defineAction({ input, handler })` from `astro:actions`
 * runs once per call of the action (https://docs.astro.build/en/reference/modules/astro-actions/).
 * On a serverless adapter, middleware runs in the same function as the endpoint or page it wraps, once per
 * request ("middleware ... run[s] on every request"; `sequence(...handlers)` chains middleware functions:
 * docs.astro.build/en/guides/middleware/, docs.astro.build/en/reference/modules/astro-middleware/, read with the
 * search tool 2026-12-07), so its handlers are the platform's as endpoints are.
 */
export const astro = {
  id: "astro",
  name: "Astro endpoint",
  modules: ["astro", "astro:middleware"],
  files: [
    // Endpoints run as the host's functions on a serverless adapter (`astroAdapterPlatform`).
    { path: /(?:^|\/)src\/pages\/.+\.(?:[cm]?[jt]s)$/, exports: [...UPPERCASE_VERBS, "ALL"], platform: astroAdapterPlatform },
    { path: /(?:^|\/)src\/middleware(?:\/index)?\.(?:[cm]?[jt]s)$/, exports: ["onRequest"], platform: astroAdapterPlatform },
  ],
  // `defineMiddleware(fn)` and the functions of `sequence(a, b)` run where the endpoints do (their first parameter is
  // the same context, which the Cloudflare forms read: platforms/cloudflare-workers.ts).
  platform: astroAdapterPlatform,
  calls: [
    { callee: { package: ["astro:middleware", "astro/middleware"], name: "defineMiddleware" }, arguments: [0] },
    { callee: { package: ["astro:middleware", "astro/middleware"], name: "sequence" }, arguments: "all" },
  ],
  handlerTypes: [{ package: "astro", name: ["APIRoute", "APIContext", "MiddlewareHandler"] }],
  requestInputs: REQUEST_OBJECT,
} as const satisfies FrameworkDescriptor;

/**
 * Astro actions, a descriptor of their own: `handler(input, context)` gets the client's input first, so the platform
 * forms read from an endpoint's first parameter are not theirs; they keep no platform (named as endpoints in messages).
 */
export const astroActions = {
  id: "astro-actions",
  name: "Astro endpoint",
  modules: ["astro:actions"],
  calls: [{ callee: { package: "astro:actions", name: "defineAction" }, arguments: [], options: ["handler"] }],
  requestInputs: REQUEST_OBJECT,
  // An action's `handler(input, context)`: `input` is what the client sent, validated by the action's
  // `input` schema before the handler runs (docs.astro.build/en/reference/modules/astro-actions/
  // "defineAction() ... input: an optional Zod validator ... handler(input, context)"); a schema that
  // says nothing about UUIDs checks nothing the SDK needs, as for tRPC's `.input()`.
  requestInputsByCall: { defineAction: { holds: "input", validatedBy: { routeOption: "input", mentions: /uuid/i } } },
} as const satisfies FrameworkDescriptor;
