import { sourceModule } from "../../context.js";
import type { FrameworkDescriptor, HandlerHookApi } from "../types.js";
import { REQUEST_OBJECT, SCRIPT_EXTENSION } from "./common.js";

/** The server exports of a route module (`clientAction`/`clientLoader` run in the browser, not here). */
const ROUTE_EXPORTS = ["action", "loader"];
/**
 * React Router 7 generates a route module's types beside it and the module imports them as
 * `import type { Route } from "./+types/<name>"`: the import says the file is a route module wherever
 * `app/routes.ts` puts it.
 */
const ROUTE_TYPES_MODULE = /^\.\/\+types\//;

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
  files: [
    { path: new RegExp(String.raw`(?:^|/)app/routes/.+${SCRIPT_EXTENSION}`), exports: ROUTE_EXPORTS },
    { path: new RegExp(String.raw`(?:^|/)app/root${SCRIPT_EXTENSION}`), exports: ROUTE_EXPORTS },
  ],
  hook: {
    trigger: { imports: true },
    run(api) {
      // A module under app/routes/ was read by its path already.
      if (!importsRouteTypes(api)) return;
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
