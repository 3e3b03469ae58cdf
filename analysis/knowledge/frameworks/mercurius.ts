import type { FrameworkDescriptor } from "../types.js";
import { GRAPHQL_RESOLVER_ARGS } from "./common.js";

/** Mercurius (GraphQL on Fastify): the resolvers of `app.register(mercurius, { schema, resolvers })`. */
export const mercurius = {
  id: "mercurius",
  name: "GraphQL resolver",
  modules: ["mercurius"],
  plugins: [{ method: "register", plugin: { package: "mercurius", name: "" }, arguments: [], resolverMaps: ["resolvers"] }],
  requestInputs: GRAPHQL_RESOLVER_ARGS,
} as const satisfies FrameworkDescriptor;
