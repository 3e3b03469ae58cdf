// How messages name the tracer a call is made on: its receiver as written (`tracer`, `getTracer()`),
// or the tracer's declared name when the receiver is long or spans lines.
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/** Longer receivers (`this.deps.tracing.tracer`) are shortened to the tracer's name. */
const MAX_RECEIVER_LENGTH = 40;

export function tracerLabel(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, tracerName: string): string {
  const receiver = call.callee.type === "MemberExpression" ? sourceCode.getText(call.callee.object) : tracerName;
  return receiver.length <= MAX_RECEIVER_LENGTH && !receiver.includes("\n") ? receiver : tracerName;
}
