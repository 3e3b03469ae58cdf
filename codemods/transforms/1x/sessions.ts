// 1.x → this SDK: `tracer.startSession()`. On an initialized 1.x tracer it returned the tracer's
// existing session id without calling the API (init always set one), so per-request code never got a
// session per request. Inside a request or serverless handler the code evidently meant one, and this
// SDK's request-scoped `createSession()` gives it (what the seeds recommend); elsewhere the call
// becomes what 1.x returned, `tracer.sessionId`. Assigning `tracer.sessionId` (1.x ≥ 1.0.20) is
// not possible here: a marker.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, unwrapExpression } from "../../../analysis/ast.js";
import type { EditList } from "../../../analysis/edits.js";
import { getHandlerModel } from "../../../analysis/handlers.js";
import { tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { SESSION_STARTING_MEMBERS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { memberNameSpan, receiverNamedLikeTracer, receiverOfAnotherLibrary, renameMember } from "./shared.js";

export const meta = transformMeta("1x-sessions");

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  if (!uses1xSdk(input)) return;
  const onTracers = tracerMethodCalls(input, SESSION_STARTING_MEMBERS_1X);
  markUnresolvedReceivers(input, edits, text, new Set(onTracers.map(({ call }) => call)));
  for (const { call, callee } of onTracers) {
    const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : undefined;
    // The `await` goes in both forms: createSession() and sessionId are not promises here.
    if (awaited) edits.remove([awaited.range[0], call.range[0]]);
    // The handler model only for a file that calls startSession(): most 1.x files do not.
    if (getHandlerModel(input).enclosingHandler(call)) {
      renameMember(edits, text, callee, "createSession");
    } else {
      const { range, prefix } = memberNameSpan(text, callee);
      edits.replace([range[0], call.range[1]], `${prefix}sessionId`);
    }
  }
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const target: TSESTree.Node = assignment.left;
    if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === "sessionId" && sdk.tracerOf(target.object)) {
      addMarker(edits, text, assignment, MESSAGES_1X.sessionIdAssigned);
    }
  }
}

/**
 * `tracer.startSession()` on a receiver the model cannot tell is a tracer (`c.get("tracer")` of a Hono
 * context, a parameter typed elsewhere): a marker rather than 1.x code left silently. Only a receiver
 * named like a tracer: `startSession` is also MongoDB's and other clients' method.
 */
function markUnresolvedReceivers(input: TransformContext["file"]["input"], edits: EditList, text: string, resolved: ReadonlySet<TSESTree.CallExpression>): void {
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || resolved.has(call) || !SESSION_STARTING_MEMBERS_1X.has(memberName(callee) ?? "")) continue;
    if (receiverNamedLikeTracer(text, callee) && !receiverOfAnotherLibrary(input, callee)) addMarker(edits, text, call, MESSAGES_1X.unresolvedSessionStart);
  }
}

export const sessions1x: CodemodTransform = { meta, collect };

