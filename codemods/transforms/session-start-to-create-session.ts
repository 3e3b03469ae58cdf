// `tracer.sessionStart(…)` → `tracer.createSession(…)` inside request handlers, middleware and Lambda
// handlers: sessionStart() stores the session on the shared tracer (concurrent requests overwrite each
// other's), createSession() keeps it in the request's baggage. Same detection as the rule
// `no-session-start-in-handler`: the analysis core's handlers and tracers.
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { memberName, unwrapExpression } from "../../rules/analysis/ast.js";
import { getHandlerModel } from "../../rules/analysis/handlers.js";
import { getSdkModel } from "../../rules/analysis/sdk-model.js";
import { runAsJscodeshift, type JscodeshiftFileInfo, type JscodeshiftOptions } from "../engine.js";
import { nodesOfType } from "../traverse.js";
import type { CodemodTransform, TransformContext } from "../transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("session-start-to-create-session");

function collect({ file, edits }: TransformContext): void {
  const sdk = getSdkModel(file.input);
  if (!sdk.usesSdk) return;
  const handlers = getHandlerModel(file.input);
  for (const call of nodesOfType(file.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "sessionStart") continue;
    if (!sdk.tracerOf(callee.object) || !handlers.enclosingHandler(call)) continue;
    // `tracer.sessionStart` and `tracer["sessionStart"]` alike: only the name changes.
    edits.replace(callee.property, callee.computed ? replaceQuoted(file.text.slice(...callee.property.range)) : "createSession");
  }
}

function replaceQuoted(literal: string): string {
  return literal.replace("sessionStart", "createSession");
}

export const sessionStartToCreateSession: CodemodTransform = { meta, collect };

export default function transform(file: JscodeshiftFileInfo, _api?: unknown, options?: JscodeshiftOptions): string {
  return runAsJscodeshift(meta.id, file, options);
}
