// Adapters that serve a web framework's app as a serverless platform's entry point: the file exports
// the adapter's result (`export const handler = serverless(app)`, `export const handler = handle(app)`),
// so each route of the app runs inside that invocation and must flush before it ends. Shared by the
// descriptors of the frameworks whose apps such adapters take (Express, Koa, Fastify, Hono).
import type { TSESTree } from "@typescript-eslint/types";
import { memberName, staticName } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import type { HandlerHookApi, PlatformDescriptor, ValueSpecifier } from "../types.js";

/** A platform, or a function that decides it per file (`serverlessPlatform` of Next.js). */
export type PlatformChoice = PlatformDescriptor | ((api: HandlerHookApi) => PlatformDescriptor | undefined);

export interface AppAdapter {
  /** The adapter function: `serverless` of `serverless-http`, `handle` of `hono/aws-lambda`. */
  readonly handle: ValueSpecifier;
  /** The app is this key of the options object (`serverlessExpress({ app })`), else the first argument. */
  readonly appOption?: string;
  readonly platform: PlatformChoice;
}

/**
 * The initializer of the variable an identifier names (`app` → `express()`), when nothing else is
 * assigned to it, else the node itself; unwrapped.
 */
export function constValue(api: HandlerHookApi, node: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(node);
  if (value.type !== "Identifier") return value;
  const variable = api.variableOf(value);
  const def = variable?.defs[0];
  if (def?.type !== "Variable" || def.node.type !== "VariableDeclarator" || !def.node.init) return undefined;
  if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return unwrap(def.node.init);
}

/**
 * A value made by one of `makers` (`express()`, `new Hono()`), inline or through the `const` that
 * holds it, past `chainable` calls on it (`new Hono().basePath("/api")`); `isNew` as in `createdBy`.
 */
export function isMadeBy(api: HandlerHookApi, node: TSESTree.Node, makers: readonly ValueSpecifier[], isNew?: boolean, chainable: readonly string[] = []): boolean {
  let value = constValue(api, node);
  while (value?.type === "CallExpression" && value.callee.type === "MemberExpression" && chainable.includes(memberName(value.callee) ?? "")) value = unwrap(value.callee.object);
  if (value?.type !== "CallExpression" && value?.type !== "NewExpression") return false;
  if (isNew !== undefined && (value.type === "NewExpression") !== isNew) return false;
  const callee = value.callee;
  return makers.some((maker) => api.matches(callee, maker));
}

/** The packages of `adapters` (a descriptor's `platformImports`). */
export function adapterModules(adapters: readonly AppAdapter[]): string[] {
  return adapters.flatMap(({ handle }) => (typeof handle.package === "string" ? [handle.package] : handle.package));
}

/** The app an adapter call takes: its first argument, or the `appOption` key of an options object there. */
function appArgument(api: HandlerHookApi, call: TSESTree.CallExpression, adapter: AppAdapter): TSESTree.Node | undefined {
  const first = call.arguments[0];
  if (!first || adapter.appOption === undefined) return first;
  const property = api.objectOf(first)?.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === "Property" && staticName(candidate.key, candidate.computed) === adapter.appOption,
  );
  return property?.value;
}

/**
 * The platform of the first adapter whose call the file exports (by name, by default, or through the
 * `const` that holds it: `const handler = serverless(app); module.exports.handler = handler`) on an app
 * that `isApp` recognizes. A call kept inside an exported function (`export const handler = async
 * (event, context) => { try { return await proxy(event, context); } finally { await flush(); } }`,
 * serverless-http's README shape) is not this: that function is the entry point, and it may flush for
 * every route.
 */
export function adaptedAppPlatform(api: HandlerHookApi, adapters: readonly AppAdapter[], isApp: (node: TSESTree.Node) => boolean): PlatformDescriptor | undefined {
  const present = adapters.filter((adapter) => adapterModules([adapter]).some((name) => api.text.includes(name)));
  if (present.length === 0) return undefined;
  const defaults = api.ast.body.flatMap((statement) => (statement.type === "ExportDefaultDeclaration" ? [statement.declaration] : []));
  for (const value of [...api.namedExports().map((exported) => exported.value), ...defaults]) {
    const call = constValue(api, value);
    if (call?.type !== "CallExpression") continue;
    const adapter = present.find(({ handle }) => api.matches(call.callee, handle));
    const app = adapter && appArgument(api, call, adapter);
    if (!adapter || !app || !isApp(app)) continue;
    return typeof adapter.platform === "function" ? adapter.platform(api) : adapter.platform;
  }
  return undefined;
}
