// 1.x → this SDK: a test's stand-in for the package. A module mock of "honeyhive" written in a 1.x
// project (`jest.mock("honeyhive", () => ({ HoneyHiveTracer: { init: jest.fn().mockResolvedValue({
// trace, flush }) } }))`, `vi.mock`, node:test's `mock.module`) or a spy on a 1.x member
// (`jest.spyOn(HoneyHiveTracer, "init").mockResolvedValue(…)`) mirrors 1.x: after the migration the code
// under test calls init() without await and forceFlush() on its result, so the test fails with nothing
// saying why. The mock is the test's own design: marked, not rewritten. Which calls replace a module is
// data (analysis/knowledge/test-mocks.ts). hunt-real-2 shape 24. A manual mock file (`__mocks__/honeyhive.ts`,
// `__mocks__/honeyhive/experiments.ts`; not one beside a project module `honeyhive.ts`) is marked as a whole.
import { existsSync } from "node:fs";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, staticName, unwrapExpression } from "../../../analysis/ast.js";
import { sourceModule } from "../../../analysis/context.js";
import type { EditList } from "../../../analysis/edits.js";
import type { AnalysisInput } from "../../../analysis/input.js";
import { manualMockOf, MOCK_FUNCTION_CALLS, MOCK_RESULT_METHODS, MOCKED_CALLS, MODULE_MOCK_CALLS, SPY_CALLS } from "../../../analysis/knowledge/test-mocks.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import type { SdkModel } from "../../../analysis/sdk-model.js";
import { isSdkPackage } from "../../../analysis/settings.js";
import { addMarker } from "../../engine/markers.js";
import { MESSAGES_1X } from "./messages.js";

const SDK = "honeyhive";

/** `jest.mock`, `vi.doMock`, `t.mock.module`: the name of the object a method is called on (an identifier, or a member's name). */
function objectName(callee: TSESTree.MemberExpression): string | undefined {
  const object = unwrapExpression(callee.object);
  if (object?.type === AST_NODE_TYPES.Identifier) return object.name;
  return object?.type === AST_NODE_TYPES.MemberExpression ? memberName(object) : undefined;
}

/** A mock function made by a runner (`vi.fn()`, `jest.fn(impl)`), also as configured by a chain of calls on it (`vi.fn().mockResolvedValue(…)`). */
function isMockFunction(node: TSESTree.Node): boolean {
  let expression = unwrapExpression(node);
  while (expression?.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee);
    if (MOCK_FUNCTION_CALLS.some((entry) => entry.object === objectName(callee) && entry.method === method)) return true;
    if (method === undefined || !MOCK_RESULT_METHODS.has(method)) return false;
    expression = unwrapExpression(callee.object);
  }
  return false;
}

/**
 * Marks module mocks of the package that write its replacement, and spies on `HoneyHiveTracer`'s
 * members (static, or on its prototype) that `changedMember` says 1.x had otherwise.
 */
export function markOneXMocks(input: AnalysisInput, sdk: SdkModel, edits: EditList, changedMember: (isStatic: boolean, name: string) => boolean): void {
  const { text } = input;
  // A manual mock (`__mocks__/honeyhive.ts`) is the stand-in as a whole: marked above its first statement.
  const first = input.ast.body[0];
  if (first && isSdkPackage(manualMockOf(input.filename, existsSync) ?? "")) addMarker(edits, text, first, MESSAGES_1X.moduleMock);
  if (!/\b(?:mock\w*|doMock|setMock|unstable_mockModule|module|spyOn|fn)\s*\(/.test(text)) return;
  /** `HoneyHiveTracer.init` / `HoneyHiveTracer.prototype.flush` (given as `target` and `name`): a member changedMember says 1.x had otherwise. */
  const changedSdkMember = (target: TSESTree.Node | undefined, name: string | undefined): boolean => {
    if (!target || name === undefined) return false;
    const prototypeOf = target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === "prototype" ? target.object : undefined;
    return sdk.sdkExportOf(prototypeOf ?? target) === "HoneyHiveTracer" && changedMember(prototypeOf === undefined, name);
  };
  // A mock function assigned over the member (`HoneyHiveTracer.init = vi.fn().mockResolvedValue(…)`, blind-1x-3 D14).
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const target = assignment.operator === "=" ? unwrapExpression(assignment.left) : undefined;
    if (target?.type !== AST_NODE_TYPES.MemberExpression || !isMockFunction(assignment.right)) continue;
    const name = memberName(target);
    if (changedSdkMember(unwrapExpression(target.object), name)) addMarker(edits, text, assignment, MESSAGES_1X.spiedMember(name!));
  }
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = memberName(callee);
    if (method !== undefined && MOCK_RESULT_METHODS.has(method)) {
      // An automocked member given its result: `HoneyHiveTracer.init.mockResolvedValue(…)`, `vi.mocked(HoneyHiveTracer.init).mockResolvedValue(…)`.
      let mocked = unwrapExpression(callee.object);
      if (mocked?.type === AST_NODE_TYPES.CallExpression) {
        const helper = unwrapExpression(mocked.callee);
        const isMocked = helper?.type === AST_NODE_TYPES.MemberExpression && MOCKED_CALLS.some((entry) => entry.object === objectName(helper) && entry.method === memberName(helper));
        mocked = isMocked ? unwrapExpression(mocked.arguments[0]) : undefined;
      }
      if (mocked?.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = memberName(mocked);
      if (changedSdkMember(unwrapExpression(mocked.object), name)) addMarker(edits, text, call, MESSAGES_1X.spiedMember(name!));
      continue;
    }
    const object = objectName(callee);
    if (method === undefined || object === undefined) continue;
    const mock = MODULE_MOCK_CALLS.find((entry) => entry.object === object && entry.methods.includes(method));
    if (mock) {
      const specifier = call.arguments[0]?.type === AST_NODE_TYPES.Literal ? call.arguments[0].value : undefined;
      const replacement = unwrapExpression(call.arguments[1]);
      const isFactory = replacement?.type === AST_NODE_TYPES.ArrowFunctionExpression || replacement?.type === AST_NODE_TYPES.FunctionExpression;
      const isObject = replacement?.type === AST_NODE_TYPES.ObjectExpression;
      const writes = mock.replacement === "factory" ? isFactory : mock.replacement === "object" ? isObject : isFactory || isObject;
      if (typeof specifier === "string" && sourceModule(specifier) === SDK && writes) addMarker(edits, text, call, MESSAGES_1X.moduleMock);
      continue;
    }
    if (!SPY_CALLS.some((entry) => entry.object === object && entry.method === method)) continue;
    const name = call.arguments[1]?.type === AST_NODE_TYPES.Literal ? staticName(call.arguments[1]) : undefined;
    if (changedSdkMember(unwrapExpression(call.arguments[0]), name)) addMarker(edits, text, call, MESSAGES_1X.spiedMember(name!));
  }
}
