import type { TSESTree } from "@typescript-eslint/types";
import type { FunctionNode } from "../../ast.js";
import { staticName } from "../../ast.js";
import type { FrameworkDescriptor, HandlerHookApi } from "../types.js";
import { GRAPHQL_RESOLVER_ARGS } from "./common.js";

/**
 * The project module that conventionally holds the Pothos builder (`src/builder.ts`, `@/graphql/builder`,
 * as pothos-graphql.dev's guides lay a schema out): a file importing it may define fields without
 * importing `@pothos/core` itself.
 */
const BUILDER_MODULE = /^(?:\.{1,2}\/|~\/|@\/|#)(?:.*\/)?builder(?:\.[cm]?[jt]s)?$/;

/** Builder methods whose option object's `fields` is a fields function: `queryType({ fields: (t) => ({ … }) })`. */
const TYPE_METHODS = ["queryType", "mutationType", "subscriptionType", "objectType", "interfaceType", "implement"];
/** Builder methods whose last argument is a fields function: `queryField("x", (t) => t.string({ resolve }))`, `queryFields((t) => ({ … }))`. */
const FIELD_METHODS = ["queryField", "mutationField", "subscriptionField", "objectField", "interfaceField", "queryFields", "mutationFields", "subscriptionFields", "objectFields", "interfaceFields"];
/** The options of a field (`t.string({ args, resolve })`, `t.field({ type, resolve })`) that run per operation. */
const RESOLVER_OPTIONS = ["resolve", "subscribe"];

/** The functions of `resolve`/`subscribe` options of the field calls on `t` (`t.string(…)`, `t.field(…)`, `t.prismaField(…)`) within `node`. */
function resolversWithin(api: HandlerHookApi, node: TSESTree.Node, t: string, into: FunctionNode[]): void {
  if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && node.callee.object.type === "Identifier" && node.callee.object.name === t) {
    for (const argument of node.arguments) {
      const options = api.objectOf(argument);
      for (const property of options?.properties ?? []) {
        if (property.type === "Property" && RESOLVER_OPTIONS.includes(staticName(property.key, property.computed) ?? "")) into.push(...api.functionsOf(property.value));
      }
    }
  }
  for (const key of Object.keys(node) as (keyof TSESTree.Node)[]) {
    if (key === "parent") continue;
    const value = node[key] as unknown;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object" && typeof (child as TSESTree.Node).type === "string") resolversWithin(api, child as TSESTree.Node, t, into);
    }
  }
}

/** The resolvers of one fields function `(t) => …`. */
function fieldsFunctionResolvers(api: HandlerHookApi, node: TSESTree.Node | undefined): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const fn of api.functionsOf(node)) {
    const t = fn.params[0];
    if (t?.type === "Identifier") resolversWithin(api, fn.body, t.name, found);
  }
  return found;
}

/** The calls of the builder's type and field methods in the file. */
function collectPothosFields(api: HandlerHookApi): void {
  const visit = (node: TSESTree.Node): void => {
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression") {
      const method = staticName(node.callee.property, node.callee.computed);
      let fields: TSESTree.Node | undefined;
      if (method !== undefined && TYPE_METHODS.includes(method)) {
        const options = api.objectOf(node.arguments.at(-1));
        const property = options?.properties.find((entry): entry is TSESTree.Property => entry.type === "Property" && staticName(entry.key, entry.computed) === "fields");
        fields = property?.value;
      } else if (method !== undefined && FIELD_METHODS.includes(method)) {
        fields = node.arguments.at(-1);
      }
      const resolvers = fields ? fieldsFunctionResolvers(api, fields) : [];
      if (resolvers.length > 0) api.request(resolvers, node);
    }
    for (const key of Object.keys(node) as (keyof TSESTree.Node)[]) {
      if (key === "parent") continue;
      const value = node[key] as unknown;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === "object" && typeof (child as TSESTree.Node).type === "string") visit(child as TSESTree.Node);
      }
    }
  };
  visit(api.ast);
}

/**
 * Pothos (`@pothos/core`, code-first GraphQL): the `resolve` (and a subscription's `subscribe`) of the
 * fields a fields function `(t) => ({ answer: t.string({ args, resolve }) })` defines, given to
 * `builder.queryType/mutationType/subscriptionType/objectType({ fields })`, `ref.implement({ fields })`,
 * `builder.queryField(name, (t) => …)` and the other `…Field`/`…Fields` methods
 * (pothos-graphql.dev/docs/guide/queries-mutations-and-subscriptions, /docs/api/schema-builder). Each
 * runs once per operation that selects the field, many at a time. A resolver's second parameter is
 * the field's arguments, what the client's operation passed (`GRAPHQL_RESOLVER_ARGS`). Read in a file
 * that imports `@pothos/core` or the project's builder module (`./builder`); methods of these names
 * on any receiver there.
 */
export const pothos = {
  id: "pothos",
  name: "Pothos resolver",
  modules: ["@pothos/core"],
  modulePatterns: [BUILDER_MODULE],
  hook: {
    // No signs: the builder module is matched by pattern (`modulePatterns`), which the gate reads as an import of the descriptor.
    trigger: { imports: true },
    run: collectPothosFields,
  },
  requestInputs: GRAPHQL_RESOLVER_ARGS,
} as const satisfies FrameworkDescriptor;
