import { sourceModule } from "../../context.js";
import type { FrameworkDescriptor, HandlerHookApi } from "../types.js";
import { REQUEST_OBJECT, SCRIPT_EXTENSION } from "./common.js";
import { remixHostPlatform } from "./server-adapters-config.js";

/** The server exports of a route module (`clientAction`/`clientLoader` run in the browser, not here). */
const ROUTE_EXPORTS = ["action", "loader"];
/**
 * React Router 7 generates a route module's types beside it and the module imports them as
 * `import type { Route } from "./+types/<name>"`: the import says the file is a route module wherever
 * `app/routes.ts` puts it.
 */
const ROUTE_TYPES_MODULE = /^\.\/\+types\//;

/** The route modules by their path: `app/routes/**` and `app/root.*`. */
const ROUTE_FILES = [new RegExp(String.raw`(?:^|/)app/routes/.+${SCRIPT_EXTENSION}`), new RegExp(String.raw`(?:^|/)app/root${SCRIPT_EXTENSION}`)];

function importsRouteTypes(api: HandlerHookApi): boolean {
  return api.ast.body.some((statement) => statement.type === "ImportDeclaration" && ROUTE_TYPES_MODULE.test(sourceModule(statement.source.value)));
}

/**
 * Remix and React Router (framework mode) route modules: the server `action` and `loader` exports of
 * `app/routes/**` and `app/root.tsx`, and of any module that imports its generated `./+types/…`.
 */
export const remix = {
  id: "remix",
  name: "Remix/React Router route",
  modules: ["@remix-run/node", "@remix-run/cloudflare", "@remix-run/server-runtime", "react-router", "@react-router/node"],
  modulePatterns: [ROUTE_TYPES_MODULE],
  // Deployed on a serverless host (`@vercel/remix`, a vercel.json), the route modules' loaders and actions are its entry points.
  files: ROUTE_FILES.map((path) => ({ path, exports: ROUTE_EXPORTS, platform: remixHostPlatform })),
  hook: {
    trigger: { imports: true },
    run(api) {
      // A module under app/routes/ (or app/root) is read by its path, with its host's platform (`files` below): the
      // hook would register its loaders first as request handlers only, so a route on Vercel importing its
      // `./+types/…` was no entry point (blind-12). A route module elsewhere (app/routes.ts may put one anywhere)
      // stays a request handler: its host is not read here.
      if (!importsRouteTypes(api) || ROUTE_FILES.some((path) => path.test(api.filename))) return;
      for (const exported of api.namedExports()) {
        if (!ROUTE_EXPORTS.includes(exported.name)) continue;
        const functions = api.functionsOf(exported.value).filter((fn) => !api.isHandler(fn));
        if (functions.length > 0) api.request(functions, exported.exportNode);
      }
    },
  },
  handlerTypes: [
    { package: ["@remix-run/node", "@remix-run/cloudflare", "@remix-run/server-runtime"], name: ["ActionFunctionArgs", "LoaderFunctionArgs", "ActionFunction", "LoaderFunction"] },
    { package: "react-router", name: ["ActionFunctionArgs", "LoaderFunctionArgs", "ActionFunction", "LoaderFunction"] },
  ],
  // `({ request, params })`: `request.headers.get("x")`, `new URL(request.url).searchParams`, `params.id`.
  requestInputs: REQUEST_OBJECT,
} as const satisfies FrameworkDescriptor;
