import { basename, dirname, join } from "node:path";
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
 * own code and before the response goes out: the app's routes end an invocation that flushes. Read through
 * its module facts (`flushesAroundNext` on `resolve`, destructured or called as `input.resolve(input.event)`):
 * - at `src/hooks.server.*` beside the package.json, or where `kit.files.hooks.server` in svelte.config.* puts
 *   it ("You can configure the location of these files with config.kit.files.hooks", svelte.dev/docs/kit/hooks;
 *   the option's value is a path without extension from the project root, `"src/hooks.server"` by default:
 *   svelte.dev/docs/kit/configuration#files, checked with the search tool 2026-12-06), read as text;
 * - a `handle = sequence(a, b)` of `@sveltejs/kit/hooks` ("a helper function for sequencing multiple handle
 *   calls in a middleware-like manner", svelte.dev/docs/kit/@sveltejs-kit-hooks): each handle's `resolve` runs
 *   the rest of the sequence and then the route, so one of them flushing after its `resolve` covers the routes.
 */
const SERVER_HOOKS = {
  module: "src/hooks.server",
  extensions: [".ts", ".js", ".mts", ".mjs"],
  export: "handle",
  next: "resolve",
  composers: ["@sveltejs/kit/hooks#sequence"],
} as const;
const SVELTE_CONFIGS = ["svelte.config.js", "svelte.config.mjs", "svelte.config.ts"];
/** `hooks: { server: "src/server/hooks" }` inside svelte.config's `kit.files` (the first `server:` string after `hooks`). */
const HOOKS_SERVER_OPTION = /\bhooks\s*:\s*\{[^}]*?\bserver\s*:\s*["'`]([^"'`\n]+)["'`]/;

/** The server hooks module (without extension) a svelte.config's text names, if it moves it. */
export function parseServerHooksOption(text: string): string | undefined {
  return HOOKS_SERVER_OPTION.exec(text)?.[1]?.replace(/^\.\//, "").replace(/\.[cm]?[jt]s$/, "");
}

const readServerHooksModule = (root: string): string => {
  const reader = projectModules();
  for (const name of SVELTE_CONFIGS) {
    const moved = reader.parsedFile(join(root, name), parseServerHooksOption);
    if (moved !== undefined) return moved;
  }
  return SERVER_HOOKS.module;
};

/** Whether the app's `handle` hook flushes after `resolve(event)` on every path (see `SERVER_HOOKS`). */
function serverHookFlushes(api: HandlerHookApi): boolean {
  const { root } = deploymentOf(api.filename);
  if (root === undefined || !api.readModuleFacts) return false;
  const modules = projectModules();
  const hooks = join(root, modules.rechecked(root, readServerHooksModule));
  // `src/server/hooks` may also be a folder with an index module (a path SvelteKit resolves as a module).
  const candidates = [hooks, join(hooks, "index")];
  for (const base of candidates) {
    const entries = modules.listing(dirname(base));
    for (const extension of SERVER_HOOKS.extensions) {
      const name = `${basename(base)}${extension}`;
      if (entries?.get(name) !== "file") continue;
      const facts = modules.factsOf(join(dirname(base), name), api.readModuleFacts).exports[SERVER_HOOKS.export];
      const flushes = (fact: NonNullable<typeof facts>[number]): boolean =>
        fact.kind === "flushesAroundNext" && fact.next === 0 && fact.property === SERVER_HOOKS.next && (fact.through === undefined || SERVER_HOOKS.composers.some((composer) => composer === fact.through));
      if (facts?.some(flushes)) return true;
    }
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
  modules: ["@sveltejs/kit", "$app/server"],
  files: [
    // Deployed with a serverless adapter (`@sveltejs/adapter-vercel` in svelte.config.js), the routes are its entry points,
    // unless hooks.server's `handle` flushes after `resolve(event)` (`SERVER_HOOKS`).
    { path: new RegExp(String.raw`(?:^|/)routes/(?:.+/)?\+server${SCRIPT}`), exports: [...UPPERCASE_VERBS, "fallback"], platform: routePlatform },
    { path: new RegExp(String.raw`(?:^|/)hooks\.server${SCRIPT}`), exports: ["handle", "handleFetch", "handleError"] },
    { path: new RegExp(String.raw`(?:^|/)routes/(?:.+/)?\+(?:page|layout)\.server${SCRIPT}`), exports: ["load"], objectExports: ["actions"], platform: routePlatform },
  ],
  // Remote functions (SvelteKit 2.27+): `query`, `command`, `form` and `prerender` of `$app/server`, exported from
  // `*.remote.ts` modules, run on the server on each call from the browser, through a fetch to the app ("When called
  // from the browser, the function will be invoked on the server via a fetch call": svelte.dev/docs/kit/$app-server,
  // svelte.dev/docs/kit/remote-functions, read with the search tool 2026-12-07). The function is the last argument
  // (`query(schema, fn)`, `query(fn)`). `query.batch(schema, fn)` (2.35+) is a query whose calls of one microtask reach
  // the server as one request: `fn` runs once per request with the array of their arguments and returns the
  // `(input, index) => output` that answers each (svelte.dev/docs/kit/remote-functions#query.batch and @sveltejs/kit
  // src/runtime/app/server/remote/query.js `query.batch`, read with the search tool 2026-12-07): `fn` is the per-request callback.
  // They run in the adapter's function as the routes do.
  platform: routePlatform,
  calls: [
    { callee: { package: "$app/server", name: ["query", "query.batch", "command", "form", "prerender"] }, arguments: "all" },
  ],
  handlerTypes: [{ package: "@sveltejs/kit", name: ["RequestHandler", "RequestEvent", "Handle", "Action", "Actions", "ServerLoad"] }],
  // `event.request.headers.get("x")`, `event.url.searchParams`, `event.params`, `event.cookies.get("x")`;
  // `handle({ event, resolve })` of hooks.server.ts gets the event under `event`.
  requestInputs: { ...REQUEST_OBJECT, holders: [...REQUEST_OBJECT.holders, "event"] },
} as const satisfies FrameworkDescriptor;
