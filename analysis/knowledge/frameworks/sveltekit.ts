import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT, UPPERCASE_VERBS } from "./common.js";
import { svelteKitAdapterPlatform } from "./server-adapters-config.js";

const SCRIPT = String.raw`\.(?:[cm]?[jt]s)$`;

/**
 * SvelteKit, by file path: `+server.ts` verb exports (and `fallback`), `hooks.server.ts` `handle` /
 * `handleFetch` / `handleError`, and the `load` and `actions` of `+page.server.ts` / `+layout.server.ts`.
 */
export const sveltekit = {
  id: "sveltekit",
  name: "SvelteKit",
  modules: ["@sveltejs/kit"],
  files: [
    // Deployed with a serverless adapter (`@sveltejs/adapter-vercel` in svelte.config.js), the routes are its entry points.
    { path: new RegExp(String.raw`(?:^|/)routes/(?:.+/)?\+server${SCRIPT}`), exports: [...UPPERCASE_VERBS, "fallback"], platform: svelteKitAdapterPlatform },
    { path: new RegExp(String.raw`(?:^|/)hooks\.server${SCRIPT}`), exports: ["handle", "handleFetch", "handleError"] },
    { path: new RegExp(String.raw`(?:^|/)routes/(?:.+/)?\+(?:page|layout)\.server${SCRIPT}`), exports: ["load"], objectExports: ["actions"], platform: svelteKitAdapterPlatform },
  ],
  handlerTypes: [{ package: "@sveltejs/kit", name: ["RequestHandler", "RequestEvent", "Handle", "Action", "Actions", "ServerLoad"] }],
  // `event.request.headers.get("x")`, `event.url.searchParams`, `event.params`, `event.cookies.get("x")`;
  // `handle({ event, resolve })` of hooks.server.ts gets the event under `event`.
  requestInputs: { ...REQUEST_OBJECT, holders: [...REQUEST_OBJECT.holders, "event"] },
} as const satisfies FrameworkDescriptor;
