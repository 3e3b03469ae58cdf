// Next.js registers handlers by file path (app routes, pages/api, middleware) and by directive
// (server actions). They run per request everywhere; they are also serverless entry points (which
// must flush) only where the project deploys serverless, see `serverlessPlatform`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { staticName, type FunctionNode } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import { deploymentOf, projectDependsOn } from "../../deployment.js";
import { nodesOfTypes } from "../../nodes.js";
import { NEXTJS_INIT_PLACE, nextjsPagesApiServerless, nextjsServerless } from "../platforms/nextjs-serverless.js";
import type { FrameworkDescriptor, HandlerHookApi, PlatformDescriptor } from "../types.js";
import { REQUEST_OBJECT, SCRIPT_EXTENSION, UPPERCASE_VERBS } from "./common.js";

const FUNCTION_TYPES = [AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression] as const;

/**
 * The serverless signal, in order: `settings.honeyhive.serverless` (true/false) decides; else the
 * route's own `export const maxDuration = …` or `export const runtime = "edge"` (settings only a
 * serverless host reads), also as the Pages Router's `export const config = { runtime: "edge" }` /
 * `{ maxDuration: 30 }`; else a `vercel.json`, `.vercel/project.json`, `netlify.toml` or
 * `open-next.config.*` beside the nearest package.json.
 */
export function serverlessPlatform(api: HandlerHookApi): PlatformDescriptor | undefined {
  return isServerless(api) ? nextjsServerless : undefined;
}

/** `serverlessPlatform` for a Pages Router API route: the same signal, the platform of that route kind (no `after`). */
const pagesApiServerlessPlatform = (api: HandlerHookApi): PlatformDescriptor | undefined => (isServerless(api) ? nextjsPagesApiServerless : undefined);

function isServerless(api: HandlerHookApi): boolean {
  const { serverless } = api.settings;
  if (serverless !== undefined) return serverless;
  for (const exported of api.namedExports()) {
    if (isServerlessSegmentOption(exported.name, exported.value)) return true;
    if (exported.name !== "config") continue;
    for (const property of api.objectOf(exported.value)?.properties ?? []) {
      if (property.type === "Property" && isServerlessSegmentOption(staticName(property.key, property.computed), property.value)) return true;
    }
  }
  const deployment = deploymentOf(api.filename);
  return deployment.vercel || deployment.netlify || deployment.openNext;
}

/** Edge runtimes (`experimental-edge` is the Pages Router's name before Next.js 13.5). */
const EDGE_RUNTIMES = new Set(["edge", "experimental-edge"]);

/** A route segment option only a serverless host reads: `maxDuration`, or an edge `runtime`. */
function isServerlessSegmentOption(name: string | undefined, value: TSESTree.Node): boolean {
  if (name === "maxDuration") return true;
  const runtime = name === "runtime" ? staticName(unwrap(value), true) : undefined;
  return runtime !== undefined && EDGE_RUNTIMES.has(runtime);
}

/** `name.ts` (any script extension) at the project root or in its `src/`, as `FileConvention.projectPath` reads it. */
const ROOT_OR_SRC = (name: string): RegExp => new RegExp(String.raw`^(?:src/)?${name}${SCRIPT_EXTENSION}`);

/** Next.js route handlers: `app/**\/route.ts` verb exports, `pages/api/**` default exports, `middleware.ts` / 16's `proxy.ts`, pages' `getServerSideProps`. */
export const nextjs = {
  id: "nextjs",
  name: "Next.js route",
  initPlace: NEXTJS_INIT_PLACE,
  modules: ["next", "next/server"],
  files: [
    { path: new RegExp(String.raw`(?:^|/)app/(?:.+/)?route${SCRIPT_EXTENSION}`), exports: UPPERCASE_VERBS, platform: serverlessPlatform },
    { path: new RegExp(String.raw`(?:^|/)pages/api/.+${SCRIPT_EXTENSION}`), defaultExport: true, platform: pagesApiServerlessPlatform },
    // Read only at the project root or in `src/` ("at the same level as pages or app"; nextjs.org/docs/app/building-your-application/
    // configuring/src-directory: "If you're using Middleware, ensure it is placed inside the src directory", read with the search
    // tool 2026-12-07): a `lib/auth/middleware.ts` importing next/server is a helper. A file outside any project: by `path` alone.
    { path: new RegExp(String.raw`(?:^|/)middleware${SCRIPT_EXTENSION}`), projectPath: ROOT_OR_SRC("middleware"), exports: ["middleware"], defaultExport: true, requiresImport: ["next/server"] },
    // Next.js 16 renames middleware to Proxy: `proxy.ts` beside `app`/`pages` exporting `proxy` (or a default), run
    // before every matched request (nextjs.org/docs/app/getting-started/proxy, read with the search tool 2026-12-07).
    { path: new RegExp(String.raw`(?:^|/)proxy${SCRIPT_EXTENSION}`), projectPath: ROOT_OR_SRC("proxy"), exports: ["proxy"], defaultExport: true, requiresImport: ["next/server"] },
    // A Pages Router page's `getServerSideProps` runs on every request to the page (https://nextjs.org/docs/pages/building-your-application/data-fetching/get-server-side-props).
    { path: new RegExp(String.raw`(?:^|/)pages/(?!api/).+${SCRIPT_EXTENSION}`), exports: ["getServerSideProps"], platform: serverlessPlatform },
    // An App Router page's or layout's `generateMetadata` runs on every request to a dynamically rendered page, before it
    // renders (nextjs.org/docs/app/api-reference/functions/generate-metadata; checked 2026-12-07), and a page's default
    // export, its server component, renders per request the same way: handlers (a `sessionStart()` there races). On a
    // serverless host the page is rendered by a function as a route handler is (vercel.com/docs/frameworks/nextjs:
    // "server-rendered pages … are deployed as Vercel Functions"), so they flush as route handlers do (`serverlessPlatform`).
    // A server component streams its children after its own body returns, so a `finally` around that body flushes too
    // early, on every render: they flush after the response, with `after()` of next/server (`flushShape`), or get no fix.
    { path: new RegExp(String.raw`(?:^|/)app/(?:.+/)?page${SCRIPT_EXTENSION}`), exports: ["generateMetadata"], defaultExport: true, platform: serverlessPlatform, flushShape: "after" },
    { path: new RegExp(String.raw`(?:^|/)app/(?:.+/)?layout${SCRIPT_EXTENSION}`), exports: ["generateMetadata"], platform: serverlessPlatform, flushShape: "after" },
  ],
  handlerTypes: [
    { package: "next", name: ["NextApiRequest", "NextApiResponse", "NextApiHandler", "GetServerSideProps", "GetServerSidePropsContext"] },
    { package: "next/server", name: ["NextRequest", "NextMiddleware", "NextFetchEvent"] },
  ],
  // A route handler's `request` (`request.headers.get("x")`, `request.nextUrl.searchParams`), its `{ params }`, and `cookies()` / `headers()` of `next/headers`.
  requestInputs: {
    ...REQUEST_OBJECT,
    parts: [...REQUEST_OBJECT.parts, "nextUrl"],
    readers: [{ package: "next/headers", name: ["cookies", "headers"] }],
  },
} as const satisfies FrameworkDescriptor;

/** Does a body (or the program) start with the directive `directive`? */
function hasDirective(statements: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of statements) {
    if (statement.type !== "ExpressionStatement" || statement.expression.type !== "Literal" || typeof statement.expression.value !== "string") return false;
    if (statement.expression.value === directive) return true;
  }
  return false;
}

function reportActions(api: HandlerHookApi, functions: readonly FunctionNode[], registration: TSESTree.Node, name: string, nameNode: TSESTree.Node, platform: PlatformDescriptor | undefined): void {
  if (!platform) {
    api.request(functions, registration);
    return;
  }
  for (const fn of functions) api.invocation(fn, { platform, exportName: name, nameNode, exportNode: registration });
}

/**
 * The `"use server"` directive is React's, read by more than Next.js: a SolidStart project's server functions
 * use it too (docs.solidjs.com solid-start reference/server/use-server: "use server" functions run on the
 * server when the client calls them; checked with the search tool 2026-12-06). The project's dependency
 * says whose they are, so that messages name SolidStart there (`solidStartServerFunctions`); a project that
 * depends on both is taken for Next.js.
 */
export const SOLID_START_PROJECT = ["@solidjs/start"];

export function isSolidStartProject(api: HandlerHookApi): boolean {
  return projectDependsOn(api.filename, SOLID_START_PROJECT) && !projectDependsOn(api.filename, ["next"]);
}

/**
 * The functions a `"use server"` directive makes callable from the client: the exported async functions
 * of a `"use server"` file, and functions whose body starts with `"use server"`. Each runs once per call.
 */
export function reportServerFunctions(api: HandlerHookApi): void {
  let platform: PlatformDescriptor | null | undefined = null; // decided on the first action found
  const platformOnce = (): PlatformDescriptor | undefined => (platform === null ? (platform = serverlessPlatform(api)) : platform);
  for (const fn of nodesOfTypes(api.ast, FUNCTION_TYPES)) {
    if (fn.body.type !== "BlockStatement" || !hasDirective(fn.body.body, "use server")) continue;
    const holder = fn.parent?.type === "VariableDeclarator" && fn.parent.id.type === "Identifier" ? fn.parent.id : undefined;
    const nameNode = fn.id ?? holder ?? fn;
    let statement: TSESTree.Node = fn;
    while (statement.parent && statement.parent.type !== "Program") statement = statement.parent;
    reportActions(api, [fn], statement, fn.id?.name ?? holder?.name ?? "server action", nameNode, platformOnce());
  }
  if (!hasDirective(api.ast.body, "use server")) return;
  for (const exported of api.namedExports()) {
    const functions = api.functionsOf(exported.value).filter((fn) => fn.async);
    reportActions(api, functions, exported.exportNode, exported.name, exported.nameNode, functions.length > 0 ? platformOnce() : undefined);
  }
  for (const statement of api.ast.body) {
    if (statement.type !== "ExportDefaultDeclaration") continue;
    const functions = api.functionsOf(statement.declaration).filter((fn) => fn.async);
    reportActions(api, functions, statement, "default", statement.declaration, functions.length > 0 ? platformOnce() : undefined);
  }
}

/** Next.js server actions run once per form submission or client call (`reportServerFunctions`). */
export const nextjsServerActions = {
  id: "nextjs-action",
  initPlace: NEXTJS_INIT_PLACE,
  name: "Next.js server action",
  modules: [],
  hook: {
    trigger: { text: "use server" },
    run(api) {
      if (!isSolidStartProject(api)) reportServerFunctions(api);
    },
  },
  // A server action's arguments are whatever the client posted.
  requestInputs: { holds: "input", everyParameter: true, readers: [{ package: "next/headers", name: ["cookies", "headers"] }] },
} as const satisfies FrameworkDescriptor;
