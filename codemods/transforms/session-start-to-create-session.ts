// `tracer.sessionStart(…)` → `tracer.createSession(…)` inside request handlers, middleware and Lambda
// handlers: sessionStart() stores the session on the shared tracer (concurrent requests overwrite each
// other's), createSession() keeps it in the request's baggage. The detection and the replacement text
// are the analysis core's `sessionStartInHandler` and `sessionStartFix`, the same the rule
// `no-session-start-in-handler` reports and applies.
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { sessionStartFix } from "../../analysis/fixes/session-start.js";
import { sessionStartInHandler } from "../../analysis/handlers.js";
import { getSdkModel } from "../../analysis/sdk-model.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { nodesOfType } from "../../analysis/nodes.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("session-start-to-create-session");

function collect({ file, edits }: TransformContext): void {
  if (!getSdkModel(file.input).usesSdk) return;
  const fixes = nodesOfType(file.ast, AST_NODE_TYPES.CallExpression).flatMap((call) => {
    const found = sessionStartInHandler(file.input, call);
    return found ? [sessionStartFix(file.input, found)] : [];
  });
  edits.edits.push(...editsOf(file.input, fixes));
}

export const sessionStartToCreateSession: CodemodTransform = { meta, collect };

