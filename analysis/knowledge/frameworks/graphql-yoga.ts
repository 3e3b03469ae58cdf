import type { FrameworkDescriptor } from "../types.js";
import { GRAPHQL_RESOLVER_ARGS } from "./common.js";

/** GraphQL Yoga: the resolvers of `createSchema({ typeDefs, resolvers })` (the schema `createYoga` serves). */
export const graphqlYoga = {
  id: "graphql-yoga",
  name: "GraphQL resolver",
  modules: ["graphql-yoga"],
  calls: [{ callee: { package: "graphql-yoga", name: "createSchema" }, arguments: [], resolverMaps: ["resolvers"] }],
  requestInputs: GRAPHQL_RESOLVER_ARGS,
} as const satisfies FrameworkDescriptor;
