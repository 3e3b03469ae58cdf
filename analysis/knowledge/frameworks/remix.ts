import { join } from "node:path";
import { sourceModule } from "../../context.js";
import { deploymentOf } from "../../deployment.js";
import { absolutePath, projectModules } from "../../project-modules.js";
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

/**
 * Route modules a project names in its route configuration, wherever they are (gaps-platforms-2):
 * - React Router 7's `app/routes.ts` (`route("chat", "features/chat/route.tsx")`, `index(…)`, `layout(…)`: file
 *   paths relative to the app directory; reactrouter.com/start/framework/routing, checked with the search tool
 *   2026-12-06);
 * - Remix v2's `routes(defineRoutes)` in remix.config.* or in the `remix({ … })` plugin of vite.config.*
 *   (`route("/chat", "features/chat.tsx")`, relative to `appDirectory`, "app" by default;
 *   remix.run/docs/en/main/file-conventions/remix-config#routes and …/vite#routes).
 * Read as text: every string with a script extension, relative to the configuration's `appDirectory`.
 */
const ROUTE_CONFIGS = { appDirectory: "app", inApp: ["routes.ts", "routes.js", "routes.mts", "routes.mjs"], atRoot: ["remix.config.js", "remix.config.mjs", "remix.config.cjs", "vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs"] } as const;
const ROUTE_FILE_STRING = /["'`]((?:\.\/)?[\w@$.[\]()+~/-]+\.(?:[cm]?[jt]sx?))["'`]/g;
const APP_DIRECTORY_OPTION = /\bappDirectory\s*:\s*["'`]([^"'`\n]+)["'`]/;
const COMMENT = /\/\*[\s\S]*?\*\/|(?:^|[^:])\/\/.*$/gm;

/** The app directory (relative) and the route module paths (relative to it, without extension) a configuration's text names. */
export function parseRouteConfig(text: string): { readonly appDirectory?: string; readonly modules: readonly string[] } {
  const source = text.replace(COMMENT, "");
  const modules = [...source.matchAll(ROUTE_FILE_STRING)].map((match) => match[1]!.replace(/^\.\//, "").replace(/\.[cm]?[jt]sx?$/, ""));
  const appDirectory = APP_DIRECTORY_OPTION.exec(source)?.[1]?.replace(/^\.\//, "").replace(/\/+$/, "");
  return appDirectory === undefined ? { modules } : { appDirectory, modules };
}

/** The absolute paths (without extension) of the route modules the project of `root` configures. */
const readConfiguredRoutes = (root: string): ReadonlySet<string> => {
  const reader = projectModules();
  const found = new Set<string>();
  for (const name of ROUTE_CONFIGS.atRoot) {
    const config = reader.parsedFile(join(root, name), parseRouteConfig);
    if (!config) continue;
    const app = join(root, config.appDirectory ?? ROUTE_CONFIGS.appDirectory);
    for (const module of config.modules) found.add(join(app, module));
  }
  for (const name of ROUTE_CONFIGS.inApp) {
    const app = join(root, ROUTE_CONFIGS.appDirectory);
    for (const module of reader.parsedFile(join(app, name), parseRouteConfig)?.modules ?? []) found.add(join(app, module));
  }
  return found;
};

function namedByRouteConfig(api: HandlerHookApi): boolean {
  const { root } = deploymentOf(api.filename);
  return root !== undefined && projectModules().rechecked(root, readConfiguredRoutes).has(absolutePath(api.filename).replace(/\.[cm]?[jt]sx?$/, ""));
}

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
      // `./+types/…` was no entry point (blind-12). A route module elsewhere (one importing its `./+types/…`, or one
      // the route configuration names: `ROUTE_CONFIGS`) gets its host's platform here.
      if (ROUTE_FILES.some((path) => path.test(api.filename)) || !(importsRouteTypes(api) || namedByRouteConfig(api))) return;
      const platform = remixHostPlatform(api);
      for (const exported of api.namedExports()) {
        if (!ROUTE_EXPORTS.includes(exported.name)) continue;
        const functions = api.functionsOf(exported.value).filter((fn) => !api.isHandler(fn));
        if (platform === undefined) {
          if (functions.length > 0) api.request(functions, exported.exportNode);
          continue;
        }
        for (const fn of functions) api.invocation(fn, { platform, exportName: exported.name, nameNode: exported.nameNode, exportNode: exported.exportNode });
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
