import { join } from "node:path";
import { deploymentOf } from "../../deployment.js";
import { projectModules } from "../../project-modules.js";
import type { FrameworkDescriptor, HandlerHookApi, PlatformDescriptor } from "../types.js";
import { REQUEST_OBJECT, UPPERCASE_VERBS } from "./common.js";
import { svelteKitAdapterPlatform } from "./server-adapters-config.js";

/**
 * The app's server hook around every request: `handle({ event, resolve })` of src/hooks.server.{js,ts}
 * "runs every time the SvelteKit server receives a request ... and determines the response. It receives
 * an event object representing the request and a function called resolve, which renders the route and
 * generates a Response" (svelte.dev/docs/kit/hooks, checked with the search tool 2026-12-06). So a flush
 * awaited after `await resolve(event)` on every path (or in a `finally` around it) runs after each route's
 * own code and before the response goes out: the app's routes end an invocation that flushes. Read at its
 * default place beside the package.json (`config.kit.files.hooks` moves it: not read), through its module
 * facts (`flushesAroundNext` on the destructured `resolve`); a `handle` built by `sequence(…)` is not followed.
 */
const SERVER_HOOKS = { folder: "src", files: ["hooks.server.ts", "hooks.server.js", "hooks.server.mts", "hooks.server.mjs"], export: "handle", next: "resolve" } as const;

/** Whether the app's `handle` hook flushes after `resolve(event)` on every path (see `SERVER_HOOKS`). */
function serverHookFlushes(api: HandlerHookApi): boolean {
  const { root } = deploymentOf(api.filename);
  if (root === undefined || !api.readModuleFacts) return false;
  const modules = projectModules();
  const folder = join(root, SERVER_HOOKS.folder);
  const entries = modules.listing(folder);
  for (const name of SERVER_HOOKS.files) {
    if (entries?.get(name) !== "file") continue;
    const facts = modules.factsOf(join(folder, name), api.readModuleFacts).exports[SERVER_HOOKS.export];
    if (facts?.some((fact) => fact.kind === "flushesAroundNext" && fact.next === 0 && fact.property === SERVER_HOOKS.next)) return true;
  }
  return false;
}

/** The routes' platform (`svelteKitAdapterPlatform`), unless the app's `handle` hook flushes around them: then they are its requests. */
function routePlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  const platform = svelteKitAdapterPlatform(api);
  return platform !== undefined && !serverHookFlushes(api) ? platform : undefined;
}

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
    // Deployed with a serverless adapter (`@sveltejs/adapter-vercel` in svelte.config.js), the routes are its entry points,
    // unless hooks.server's `handle` flushes after `resolve(event)` (`SERVER_HOOKS`).
    { path: new RegExp(String.raw`(?:^|/)routes/(?:.+/)?\+server${SCRIPT}`), exports: [...UPPERCASE_VERBS, "fallback"], platform: routePlatform },
    { path: new RegExp(String.raw`(?:^|/)hooks\.server${SCRIPT}`), exports: ["handle", "handleFetch", "handleError"] },
    { path: new RegExp(String.raw`(?:^|/)routes/(?:.+/)?\+(?:page|layout)\.server${SCRIPT}`), exports: ["load"], objectExports: ["actions"], platform: routePlatform },
  ],
  handlerTypes: [{ package: "@sveltejs/kit", name: ["RequestHandler", "RequestEvent", "Handle", "Action", "Actions", "ServerLoad"] }],
  // `event.request.headers.get("x")`, `event.url.searchParams`, `event.params`, `event.cookies.get("x")`;
  // `handle({ event, resolve })` of hooks.server.ts gets the event under `event`.
  requestInputs: { ...REQUEST_OBJECT, holders: [...REQUEST_OBJECT.holders, "event"] },
} as const satisfies FrameworkDescriptor;
