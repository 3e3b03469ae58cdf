import type { FrameworkDescriptor, HandlerHookApi } from "../types.js";
import { REQUEST_OBJECT } from "./common.js";
import { declaredTypeName, defaultExportObject, type DefaultExportObject } from "./default-export-object.js";
import { supabaseEdgeFunctions } from "../platforms/supabase-edge-functions.js";

/** Bun's per-connection WebSocket callbacks (`Bun.serve({ websocket: { message } })`). */
const WEBSOCKET_HANDLERS = ["open", "message", "close", "drain"];
/** Keys of a server's options that an API client object does not have. */
const SERVER_KEYS = ["port", "hostname", "websocket", "development", "tls", "unix", "error", "onListen"];
/** `satisfies Serve` (Bun), `satisfies Deno.ServeDefaultExport`. */
const SERVER_TYPES = ["Serve", "ServeOptions", "ServeDefaultExport"];

/**
 * A default export with a `fetch` method is also what API clients look like (`fetch(path)`): only a
 * server's type, a server option beside it, or a `fetch(request: Request)` makes it a server.
 */
function isServer(api: HandlerHookApi, exported: DefaultExportObject): boolean {
  const typeName = declaredTypeName(api, exported.declaration);
  if (typeName !== undefined && SERVER_TYPES.includes(typeName)) return true;
  if (exported.keys.some((key) => SERVER_KEYS.includes(key))) return true;
  return exported.entries.some(
    (entry) =>
      entry.key === "fetch" &&
      entry.functions.some((fn) => {
        const first = fn.params[0];
        const type = first?.type === "Identifier" ? first.typeAnnotation?.typeAnnotation : undefined;
        return type?.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "Request" && api.isGlobal(type.typeName);
      }),
  );
}

/**
 * Bun and Deno servers: `Bun.serve({ fetch, routes, websocket: { open, message, close, drain } })`, `Deno.serve(handler)` / `Deno.serve(options, handler)` /
 * `Deno.serve({ handler })` (runtime globals), and the `export default { fetch }` that `bun run` and
 * `deno serve` start (when it is not a Cloudflare Worker, which `cloudflare-workers` claims first).
 */
/** A function's entry module under a Supabase project's `supabase/functions/` (not `_shared/`). */
const SUPABASE_FUNCTION = /(?:^|\/)supabase\/functions\/(?!_)[^/]+\/index\.[cm]?[jt]sx?$/;

export const bunDeno = {
  id: "bun-deno",
  name: "fetch",
  modules: [],
  globals: [
    // `websocket: { open, message, close, drain }` run per connection and per message, concurrently on
    // the one module tracer, exactly as requests do: session state stored on it races the same way.
    // `routes` (Bun 1.2.3+): `{ "/users/:id": (req) => …, "/api/posts": { GET: fn, POST: fn } }`, read as a map of maps.
    { name: "Bun.serve", arguments: [], options: ["fetch", "error", ...WEBSOCKET_HANDLERS], optionContainers: ["websocket"], resolverMaps: ["routes"] },
    { name: "Deno.serve", options: ["handler"] },
  ],
  hook: {
    trigger: { always: true },
    // `export default { fetch }`: request handlers only (the runtimes do not freeze after a response).
    signs: { request: { defaultExportObject: true } },
    run(api) {
      const exported = defaultExportObject(api);
      if (!exported || !isServer(api, exported)) return;
      for (const entry of exported.entries) {
        if (entry.key === "fetch") api.request(entry.functions, exported.statement);
      }
    },
  },
  // A Supabase Edge Function's `Deno.serve` (`supabase/functions/<name>/index.ts`; `_shared/` and other
  // underscore folders hold modules the functions import) is its platform's entry point.
  platform: (api) => (SUPABASE_FUNCTION.test(api.path) ? supabaseEdgeFunctions : undefined),
  // `fetch(request)`: `request.headers.get("x")`, `new URL(request.url).searchParams`.
  requestInputs: REQUEST_OBJECT,
} as const satisfies FrameworkDescriptor;
