// The Convex descriptors (convex.ts): the functions each finds, the client input of a public one, and the
// look-alikes they must not find.
import { describe, expect, it } from "vitest";
import { getHandlerModel } from "../../handlers.js";
import { parseAnalysisInput } from "../../parse-input.js";
import { readSettings } from "../../settings.js";
import { handlersOf as requestHandlersOf } from "../../test-utils/handlers-of.js";

/** The request handlers (queries, mutations) and the invocation handlers (actions, on `convexActions`), in source order. */
function handlersOf(code: string): string[] {
  const input = parseAnalysisInput(code, "convex/chat.ts", readSettings({}));
  const { lambdaHandlers } = getHandlerModel(input);
  const actions = lambdaHandlers.map((handler) => ({ at: handler.function.range[0], text: `${handler.platform.id}: ${input.text.slice(...handler.function.range).split("\n")[0]!.trim()}` }));
  const requests = requestHandlersOf(code, "convex/chat.ts").map((text) => ({ at: input.text.indexOf(text.slice(text.indexOf(": ") + 2)), text }));
  return [...actions, ...requests].sort((a, b) => a.at - b.at).map(({ text }) => text);
}

describe("Convex functions", () => {
  it("finds the handler of action/mutation/query given as { handler } or directly, from the generated module at any depth", () => {
    const code = `
      import { action, mutation, query, httpAction } from "./_generated/server";
      import { internalAction } from "../../../../_generated/server.js";
      export const a = action({ args: {}, handler: async (ctx, args) => args });
      export const m = mutation({ handler: async (ctx) => 1 });
      export const q = query(async (ctx) => 2);
      export const h = httpAction(async (ctx, request) => new Response("ok"));
      export const i = internalAction({ args: {}, handler: async function run(ctx) { return 3; } });
    `;
    expect(handlersOf(code)).toEqual([
      "convex-actions: async (ctx, args) => args",
      "convex: async (ctx) => 1",
      "convex: async (ctx) => 2",
      `convex-actions: async (ctx, request) => new Response("ok")`,
      "convex-internal-actions: async function run(ctx) { return 3; }",
    ]);
  });

  it("finds the builders of convex/server by their generic names", () => {
    const code = `import { actionGeneric, internalQueryGeneric } from "convex/server";\nexport const a = actionGeneric({ handler: async (ctx) => 1 });\nexport const q = internalQueryGeneric(async (ctx) => 2);`;
    expect(handlersOf(code)).toEqual(["convex-actions: async (ctx) => 1", "convex-internal: async (ctx) => 2"]);
  });

  it("does not take another module's action() or query() for Convex's", () => {
    expect(handlersOf(`import { action } from "./store/actions";\nexport const a = action({ handler: async () => 1 });`)).toEqual([]);
    expect(handlersOf(`import { query } from "@tanstack/react-query";\nexport const q = query(async () => 1);`)).toEqual([]);
    expect(handlersOf(`import { action } from "@solidjs/router";\nexport const a = action(async (form) => form);`)).toEqual([]);
    // A module whose path only contains the generated folder's name.
    expect(handlersOf(`import { action } from "./_generated/server/actions";\nexport const a = action({ handler: async () => 1 });`)).toEqual([]);
  });
});
