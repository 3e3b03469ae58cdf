import type { FrameworkDescriptor } from "../types.js";
import { defaultExportObject } from "./default-export-object.js";

/**
 * Bun and Deno servers: `Bun.serve({ fetch })`, `Deno.serve(handler)` / `Deno.serve(options, handler)` /
 * `Deno.serve({ handler })` (runtime globals), and the `export default { fetch }` that `bun run` and
 * `deno serve` start (when it is not a Cloudflare Worker, which `cloudflare-workers` claims first).
 */
export const bunDeno = {
  id: "bun-deno",
  name: "fetch",
  modules: [],
  globals: [
    { name: "Bun.serve", arguments: [], options: ["fetch", "error"] },
    { name: "Deno.serve", options: ["handler"] },
  ],
  hook: {
    trigger: { always: true },
    run(api) {
      const exported = defaultExportObject(api);
      for (const entry of exported?.entries ?? []) {
        if (entry.key === "fetch") api.request(entry.functions, exported!.statement);
      }
    },
  },
} as const satisfies FrameworkDescriptor;
