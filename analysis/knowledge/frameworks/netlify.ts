import { netlify as platform } from "../platforms/netlify.js";
import type { FrameworkDescriptor } from "../types.js";
import { REQUEST_OBJECT } from "./common.js";
import { netlifyFunctionsFolders } from "./netlify-config.js";

/**
 * Netlify Functions, by path: the default export `(req, context)` of `netlify/functions/**` (and the
 * Lambda-compatible `export const handler` there), or of the folder the project's netlify.toml names
 * (`[functions] directory`, the older `[build] functions`; netlify-config.ts). Edge functions (Deno,
 * `netlify/edge-functions`) are not these.
 */
export const netlifyFunctions = {
  id: "netlify",
  name: "Netlify Functions",
  modules: ["@netlify/functions"],
  files: [
    {
      // A function is a file directly in the functions folder, or a subfolder's entry file named `index`
      // or like the subfolder (docs.netlify.com/functions/get-started: `netlify/functions/hello.mts`,
      // `hello/hello.mts`, `hello/index.mts`); any other file below is a helper the functions import
      // (`netlify/functions/_shared/util.ts`), never invoked per request. Extensions and the one entry
      // per subfolder as zip-it-and-ship-it finds them (netlify/build packages/zip-it-and-ship-it/src/
      // runtimes/node/finder.ts: `allowedExtensions` .js .mjs .cjs .ts .tsx .mts .cts, and `getMainFile`'s
      // first existing file of `{name}.js, index.js, {name}.ts, index.ts, …`; checked 2026-12-05).
      path: /(?:^|\/)netlify\/functions\/(?:[^/]+|([^/]+)\/(?:\1|index))\.(?:[cm]?[jt]s|tsx)$/,
      entryPrecedence: ["js", "ts", "mjs", "cjs", "tsx", "mts", "cts"].flatMap((extension) => [`{name}.${extension}`, `index.${extension}`]),
      defaultExport: true,
      exports: ["handler"],
      platform,
      // The same files below the folder the project's netlify.toml names instead (netlify-config.ts): then
      // `netlify/functions` is no functions folder of that project (docs.netlify.com/functions/
      // optional-configuration/#directory: "The default directory is YOUR_BASE_DIRECTORY/netlify/functions.
      // You can customize the directory"; Netlify deploys the one folder; checked 2026-12-05).
      configuredFolders: { of: netlifyFunctionsFolders, entry: /^(?:[^/]+|([^/]+)\/(?:\1|index))\.(?:[cm]?[jt]s|tsx)$/, replacesPath: true },
    },
  ],
} as const satisfies FrameworkDescriptor;

/**
 * Netlify Edge Functions, by path: the default export `(request, context)` of `netlify/edge-functions/**`
 * runs per request, many requests at once in one Deno isolate that keeps the module (and its tracer)
 * between them. Request handlers only, not a platform that freezes after the response: Netlify documents
 * a CPU budget per request (50 ms, waiting excluded) and a response header timeout, not what becomes of
 * work still pending once the response is sent, and its edge `Context` has no documented `waitUntil`; so
 * the flush rule does not claim them (docs/rules/require-force-flush-in-lambda.md says so).
 */
export const netlifyEdgeFunctions = {
  id: "netlify-edge",
  name: "Netlify Edge Functions",
  modules: ["@netlify/edge-functions"],
  files: [{ path: /(?:^|\/)netlify\/edge-functions\/.+\.(?:[cm]?[jt]sx?)$/, defaultExport: true }],
  // The edge `Context` (parameter 1) reads the request too: `cookies.get(name)` the client's cookie,
  // `params` the configured path's parameters, `geo` and `ip` the client's location and address
  // (docs.netlify.com/edge-functions/api, "Netlify-specific Context object"; checked 2026-12-06).
  requestInputs: { ...REQUEST_OBJECT, otherParameters: { 1: { holds: "request", parts: ["params", "cookies", "geo", "ip"], routeParameters: ["params"] } } },
} as const satisfies FrameworkDescriptor;
