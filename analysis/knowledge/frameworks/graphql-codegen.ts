import type { FrameworkDescriptor } from "../types.js";
import { GRAPHQL_RESOLVER_ARGS } from "./common.js";

/**
 * GraphQL resolvers typed with graphql-codegen's `typescript-resolvers` output
 * (https://the-guild.dev/graphql/codegen/plugins/typescript/typescript-resolvers): `const resolvers:
 * Resolvers = { Query: { … } }` and one type's `const Query: QueryResolvers = { … }`, the types imported
 * from the file codegen writes into the project. Its path is the project's choice; these are the
 * names its guides and presets use (`./generated/graphql`, `__generated__/resolvers-types`,
 * `@/gql/graphql`, `./schema.generated`, `./types.generated`), and a map counts only under a type
 * named `Resolvers` / `<Type>Resolvers` imported from one of them, whatever serves the schema.
 */
export const graphqlCodegen = {
  id: "graphql-codegen",
  name: "GraphQL resolver",
  modules: [],
  modulePatterns: [/(?:^|[/.])(?:__generated__|generated|gql|graphql|resolvers-types|resolvers\.types|schema-types)(?:[/.]|$)/i],
  resolverMapTypes: { map: /^Resolvers$/, fields: /^(?:Query|Mutation|Subscription)Resolvers$/ },
  requestInputs: GRAPHQL_RESOLVER_ARGS,
} as const satisfies FrameworkDescriptor;
