// The record handlers of a Lambda batch: functions of the file handed to a library call that runs them
// per record of the invocation's event (knowledge/record-handlers.ts), such as Powertools'
// `processPartialResponse(event, recordHandler, processor)`. Shared by the flush rule (a record handler
// that traces is the handler tracing) and the session-id rule (its record is the invocation's input).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { FunctionNode } from "./ast.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { RECORD_HANDLER_CALLS, type RecordHandlerCall } from "./knowledge/record-handlers.js";
import { nodesOfType } from "./nodes.js";
import { originMatches } from "./value-specifier.js";

/** A cheap gate: the file's text names one of the calls. */
export function mayRunRecordHandlers(input: AnalysisInput): boolean {
  return RECORD_HANDLER_CALLS.some((spec) => names(spec.call.name).some((name) => input.text.includes(name)));
}

/** The record handlers `call` runs (an inline function, or one of the file passed by name), with the call's data; none for any other call. */
export function recordHandlersOf(input: AnalysisInput, call: TSESTree.CallExpression): { readonly functions: readonly FunctionNode[]; readonly spec: RecordHandlerCall } | undefined {
  const { bindings } = getAnalysisContext(input);
  const origin = bindings.originOf(call.callee);
  const spec = origin && RECORD_HANDLER_CALLS.find((candidate) => originMatches(origin, candidate.call));
  const argument = spec ? call.arguments[spec.handlerArgument] : undefined;
  if (!spec || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return { functions: bindings.functionsOf(argument), spec };
}

/** The call that runs `fn` as a record handler, and the position of the record among `fn`'s parameters. */
export function recordHandlerCallOf(input: AnalysisInput, fn: FunctionNode): { readonly call: TSESTree.CallExpression; readonly recordParameter: number } | undefined {
  if (!mayRunRecordHandlers(input)) return undefined;
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const found = recordHandlersOf(input, call);
    if (found?.functions.includes(fn)) return { call, recordParameter: found.spec.recordParameter };
  }
  return undefined;
}

/** A specifier's `package` or `name` as a list (not imported from handlers.ts, which imports the flush analysis that reads this). */
function names(value: string | readonly string[]): readonly string[] {
  return typeof value === "string" ? [value] : value;
}
