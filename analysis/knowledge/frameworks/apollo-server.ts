import type { FrameworkDescriptor } from "../types.js";
import { GRAPHQL_RESOLVER_ARGS, REQUEST_OBJECT } from "./common.js";

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

/** Apollo Server 4's standalone server and Express middleware (4: `@apollo/server/express4`; 5: the `@as-integrations/*` packages). */
const STANDALONE = ["@apollo/server/standalone"];
const EXPRESS_MIDDLEWARE = ["@apollo/server/express4", "@as-integrations/express4", "@as-integrations/express5"];

/**
 * Apollo Server 4's per-request `context` function: `startStandaloneServer(server, { context: async ({ req,
 * res }) => … })` and `expressMiddleware(server, { context: async ({ req }) => … })` call it once for every
 * operation's HTTP request, before the resolvers (apollographql.com/docs/apollo-server/data/context: "The
 * context function is called once for every request"; `req` is Node's `IncomingMessage` or Express's request).
 */
export const apolloServerContext = {
  id: "apollo-server-context",
  name: "Apollo Server context function",
  modules: [...STANDALONE, ...EXPRESS_MIDDLEWARE],
  calls: [
    { callee: { package: STANDALONE, name: "startStandaloneServer" }, arguments: [], options: ["context"] },
    { callee: { package: EXPRESS_MIDDLEWARE, name: "expressMiddleware" }, arguments: [], options: ["context"] },
  ],
  // The function's one parameter is `{ req, res }`: its `req` is the HTTP request.
  requestInputs: { ...REQUEST_OBJECT, holds: "context", holders: ["req"] },
} as const satisfies FrameworkDescriptor;
