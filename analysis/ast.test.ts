import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { fillsEmptyGlobalSlot, globalSlotOf, scopeOf } from "./ast.js";
import { nodesOfType } from "./nodes.js";
import { parseAnalysisInput } from "./parse-input.js";

/** globalSlotOf of the left side of the file's one assignment. */
function slotAssigned(code: string): string | undefined {
  const input = parseAnalysisInput(code, "src/tracing.ts");
  const [assignment] = nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression);
  return globalSlotOf(input.scopeManager, assignment!.left);
}

describe("globalSlotOf: a slot on the implicit global object (rules' getters and migrate's promise slots share it)", () => {
  it.each([
    ["globalThis.hhTracer ??= make();", "hhTracer"],
    ["(globalThis as any).hhTracer ??= make();", "hhTracer"],
    ['global["hhTracer"] ||= make();', "hhTracer"],
    ["window.hhTracer = make();", "hhTracer"],
    ["self.hhTracer = make();", "hhTracer"],
    // gaps-rules-6b: a const bound to the global object through casts (the HMR-guard idiom).
    ["const g = globalThis as unknown as { tracer?: T };\ng.tracer ??= make();", "tracer"],
    ["const g = (global as any);\ng.tracer ||= make();", "tracer"],
  ])("%s → %s", (code, slot) => expect(slotAssigned(code)).toBe(slot));

  it.each([
    "const global = { hhTracer: undefined as unknown };\nglobal.hhTracer ??= make();",
    "function f(window: { t?: unknown }) { window.t ??= make(); }",
    "const cache: Record<string, unknown> = {};\ncache.hhTracer ??= make();",
    "globalThis[key] ??= make();",
    // An alias written more than once, bound to something else, or to a shadowed `globalThis`.
    "let g = globalThis as any;\ng = {};\ng.tracer ??= make();",
    "const g = { ...globalThis } as any;\ng.tracer ??= make();",
    "const g = globalThis.cache as any;\ng.tracer ??= make();",
    "function f(globalThis: any) { const g = globalThis; g.tracer ??= make(); }",
  ])("not a global slot: %s", (code) => expect(slotAssigned(code)).toBeUndefined());
});

describe("fillsEmptyGlobalSlot: a plain `=` into a global slot that runs only while the slot is empty", () => {
  /** fillsEmptyGlobalSlot of the file's one plain assignment into `globalThis.hh` (or `global.hh`). */
  const fills = (code: string) => {
    const input = parseAnalysisInput(code, "src/tracing.ts");
    const assignment = nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression).find((node) => node.operator === "=")!;
    return fillsEmptyGlobalSlot(input.scopeManager, assignment, "hh");
  };
  it.each([
    "if (!globalThis.hh) globalThis.hh = make();",
    "if (globalThis.hh === undefined) { globalThis.hh = make(); }",
    "if (null == global.hh) global.hh = make();",
    'if (typeof globalThis.hh === "undefined") globalThis.hh = make();',
    "if (!(globalThis as any).hh) { log(); (globalThis as any).hh = make(); }",
    "const t = globalThis.hh || (globalThis.hh = make());",
    // The `else` of a test that the slot is filled, and a conditional's branches (review-rules4).
    "if (globalThis.hh) { use(globalThis.hh); } else globalThis.hh = make();",
    "if (globalThis.hh !== undefined) use(globalThis.hh);\nelse { globalThis.hh = make(); }",
    'if (typeof global.hh != "undefined") use(global.hh); else global.hh = make();',
    "const t = globalThis.hh ? globalThis.hh : (globalThis.hh = make());",
    "const t = !globalThis.hh ? (globalThis.hh = make()) : globalThis.hh;",
  ])("%s", (code) => expect(fills(code)).toBe(true));

  it.each([
    "globalThis.hh = make();",
    "if (globalThis.hh) globalThis.hh = make();",
    "if (!globalThis.other) globalThis.hh = make();",
    "if (!globalThis.hh) { const f = () => { globalThis.hh = make(); }; f(); }",
    "const t = globalThis.hh && (globalThis.hh = make());",
    // The `else` of a test that the slot is empty, or of another slot's test.
    "if (!globalThis.hh) use(); else globalThis.hh = make();",
    "if (globalThis.other) use(); else globalThis.hh = make();",
    "if (globalThis.hh === undefined) use(); else { globalThis.hh = make(); }",
    "const t = globalThis.hh ? (globalThis.hh = make()) : undefined;",
    "if (globalThis.hh === 0) globalThis.hh = make();",
  ])("not a cache fill: %s", (code) => expect(fills(code)).toBe(false));
});

describe("scopeOf: the innermost scope, as the scope manager's acquire(node, true) answers it", () => {
  const code = "const f = function named(a) { { const b = a; use(b); } return a; };\nclass C { m() { return 1; } }\nuse(1);";
  /** Every identifier's innermost scope type, by name and position. */
  const scopes = (scopeManager: Parameters<typeof scopeOf>[0], input: ReturnType<typeof parseAnalysisInput>): string[] =>
    nodesOfType(input.ast, AST_NODE_TYPES.Identifier).map((id) => `${id.name}@${id.range[0]}:${scopeOf(scopeManager, id)?.type}`);
  it("answers a node holding several scopes (a named function expression) with the inner one", () => {
    const input = parseAnalysisInput(code, "src/a.ts");
    const [fn] = nodesOfType(input.ast, AST_NODE_TYPES.FunctionExpression);
    expect(input.scopeManager.nodeToScope.get(fn!)?.map((scope) => scope.type)).toEqual(["function-expression-name", "function"]);
    expect(scopeOf(input.scopeManager, fn!)?.type).toBe("function");
    const b = nodesOfType(input.ast, AST_NODE_TYPES.Identifier).filter((id) => id.name === "b");
    expect(b.map((id) => scopeOf(input.scopeManager, id)?.type)).toEqual(["block", "block"]);
  });
  it("gives the same answers through acquire alone (a scope manager whose node map is private)", () => {
    const input = parseAnalysisInput(code, "src/a.ts");
    const manager = input.scopeManager;
    const acquireOnly = { acquire: manager.acquire.bind(manager), globalScope: manager.globalScope } as unknown as Parameters<typeof scopeOf>[0];
    expect(scopes(acquireOnly, input)).toEqual(scopes(manager, input));
  });
});
