// The Convex descriptors (convex.ts): the functions each finds, the client input of a public one, and the
// look-alikes they must not find.
import { describe, expect, it } from "vitest";
import { handlersOf } from "../../test-utils/handlers-of.js";

describe("Convex functions", () => {
  it("finds the handler of action/mutation/query given as { handler } or directly, from the generated module at any depth", () => {
    const code = `
      import { action, mutation, query, httpAction } from "./_generated/server";
      import { internalAction } from "../_generated/server.js";
      export const a = action({ args: {}, handler: async (ctx, args) => args });
      export const m = mutation({ handler: async (ctx) => 1 });
      export const q = query(async (ctx) => 2);
      export const h = httpAction(async (ctx, request) => new Response("ok"));
      export const i = internalAction({ args: {}, handler: async function run(ctx) { return 3; } });
    `;
    expect(handlersOf(code)).toEqual([
      "convex: async (ctx, args) => args",
      "convex: async (ctx) => 1",
      "convex: async (ctx) => 2",
      `convex: async (ctx, request) => new Response("ok")`,
      "convex-internal: async function run(ctx) { return 3; }",
    ]);
  });

  it("finds the builders of convex/server by their generic names", () => {
    const code = `import { actionGeneric, internalQueryGeneric } from "convex/server";\nexport const a = actionGeneric({ handler: async (ctx) => 1 });\nexport const q = internalQueryGeneric(async (ctx) => 2);`;
    expect(handlersOf(code)).toEqual(["convex: async (ctx) => 1", "convex-internal: async (ctx) => 2"]);
  });

  it("does not take another module's action() or query() for Convex's", () => {
    expect(handlersOf(`import { action } from "./store/actions";\nexport const a = action({ handler: async () => 1 });`)).toEqual([]);
    expect(handlersOf(`import { query } from "@tanstack/react-query";\nexport const q = query(async () => 1);`)).toEqual([]);
    expect(handlersOf(`import { action } from "@solidjs/router";\nexport const a = action(async (form) => form);`)).toEqual([]);
  });
});
