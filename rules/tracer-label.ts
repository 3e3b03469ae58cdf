// How messages name the tracer a call is made on: its receiver as written (`tracer`, `getTracer()`),
// or the tracer's declared name when the receiver is long or spans lines.
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/** Longer receivers (`this.deps.tracing.tracer`) are shortened to the tracer's name. */
const MAX_RECEIVER_LENGTH = 40;

export function tracerLabel(sourceCode: Readonly<TSESLint.SourceCode>, site: TSESTree.CallExpression | TSESTree.AssignmentExpression, tracerName: string): string {
  // A method call's receiver, or an assigned property's object (`tracer.sessionId = id`).
  const member = site.type === "CallExpression" ? site.callee : site.left;
  const receiver = member.type === "MemberExpression" ? sourceCode.getText(member.object) : tracerName;
  return receiver.length <= MAX_RECEIVER_LENGTH && !receiver.includes("\n") ? receiver : tracerName;
}
