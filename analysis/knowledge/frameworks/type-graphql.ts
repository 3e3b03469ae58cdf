// TypeGraphQL declares resolvers with decorators, not calls: a small hook, run only in files that
// import `type-graphql`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { nodesOfTypes } from "../../nodes.js";
import type { FrameworkDescriptor, HandlerHookApi, ValueSpecifier } from "../types.js";
import { instanceMethods } from "./common.js";

const MODULE = "type-graphql";
const CLASS_TYPES = [AST_NODE_TYPES.ClassDeclaration, AST_NODE_TYPES.ClassExpression] as const;
const RESOLVER: ValueSpecifier = { package: MODULE, name: "Resolver" };
/** The method decorators that make a method a field resolver, run once per GraphQL operation that selects it. */
const FIELD: ValueSpecifier = { package: MODULE, name: ["Query", "Mutation", "Subscription", "FieldResolver"] };

const decoratedWith = (api: HandlerHookApi, decorators: readonly TSESTree.Decorator[], spec: ValueSpecifier): TSESTree.Decorator | undefined =>
  decorators.find((decorator) => api.matches(decorator.expression.type === "CallExpression" ? decorator.expression.callee : decorator.expression, spec));

/** TypeGraphQL: methods decorated `@Query()`, `@Mutation()`, `@Subscription()`, `@FieldResolver()` in a `@Resolver()` class (https://typegraphql.com/docs/resolvers.html). */
export const typeGraphql = {
  id: "type-graphql",
  name: "GraphQL resolver",
  modules: [MODULE],
  hook: {
    trigger: { imports: true },
    run(api) {
      for (const node of nodesOfTypes(api.ast, CLASS_TYPES)) {
        if (node.decorators.length === 0 || !decoratedWith(api, node.decorators, RESOLVER)) continue;
        for (const { member, fn } of instanceMethods(node)) {
          const field = decoratedWith(api, member.decorators, FIELD);
          if (field) api.request([fn], field);
        }
      }
    },
  },
} as const satisfies FrameworkDescriptor;
