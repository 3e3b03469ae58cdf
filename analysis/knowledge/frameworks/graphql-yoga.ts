import type { FrameworkDescriptor } from "../types.js";

/** GraphQL Yoga: the resolvers of `createSchema({ typeDefs, resolvers })` (the schema `createYoga` serves). */
export const graphqlYoga = {
  id: "graphql-yoga",
  name: "GraphQL resolver",
  modules: ["graphql-yoga"],
  calls: [{ callee: { package: "graphql-yoga", name: "createSchema" }, arguments: [], resolverMaps: ["resolvers"] }],
} as const satisfies FrameworkDescriptor;
