import type { FrameworkDescriptor } from "../types.js";
import { GRAPHQL_RESOLVER_ARGS } from "./common.js";

const APOLLO = ["@apollo/server", "apollo-server", "apollo-server-express", "apollo-server-lambda", "apollo-server-core"];

/** GraphQL resolvers given to Apollo Server (`new ApolloServer({ typeDefs, resolvers })`) or to `makeExecutableSchema`. */
export const apolloServer = {
  id: "apollo-server",
  name: "GraphQL resolver",
  modules: [...APOLLO, "@graphql-tools/schema"],
  calls: [
    { callee: { package: APOLLO, name: "ApolloServer" }, new: true, arguments: [], resolverMaps: ["resolvers"] },
    { callee: { package: "@graphql-tools/schema", name: "makeExecutableSchema" }, arguments: [], resolverMaps: ["resolvers"] },
  ],
  requestInputs: GRAPHQL_RESOLVER_ARGS,
} as const satisfies FrameworkDescriptor;
