import type { FrameworkDescriptor } from "../types.js";
import { methods } from "./common.js";

/**
 * tRPC: resolvers of `t.procedure….query/mutation/subscription(fn)` and middleware
 * (`t.middleware(fn)`, `procedure.use(fn)`), where `t` is `initTRPC.create()` in the same file. A
 * procedure builder imported from another module (`import { publicProcedure } from "./trpc"`) is not
 * followed (a known gap: the rule only sees one file).
 */
export const trpc = {
  id: "trpc",
  name: "tRPC procedure",
  modules: ["@trpc/server"],
  objects: {
    init: {
      isValue: [{ package: "@trpc/server", name: "initTRPC" }],
      chainable: ["context", "meta"],
      returns: { create: "t" },
    },
    t: {
      methods: methods(["middleware"]),
      properties: { procedure: "procedure" },
    },
    procedure: {
      methods: methods(["query", "mutation", "subscription", "use"]),
      chainable: ["input", "output", "meta", "concat", "unstable_concat"],
    },
  },
} as const satisfies FrameworkDescriptor;
