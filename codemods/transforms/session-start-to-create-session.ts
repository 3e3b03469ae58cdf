// `tracer.sessionStart(…)` → `tracer.createSession(…)` inside request handlers, middleware and Lambda
// handlers: sessionStart() stores the session on the shared tracer (concurrent requests overwrite each
// other's), createSession() keeps it in the request's baggage. honeyhive 1.x `tracer.startSession()`
// there gets a review marker instead (1.x has no createSession; `migrate --from 1` rewrites it). The detection and the replacement text
// are the analysis core's `sessionStartInHandler` and `sessionStartFix`, the same the rule
// `no-session-start-in-handler` reports and applies.
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { sessionStartFix } from "../../analysis/fixes/session-start.js";
import { sessionStartInHandler } from "../../analysis/handlers.js";
import { getSdkModel } from "../../analysis/sdk-model.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { nodesOfType } from "../../analysis/nodes.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("session-start-to-create-session");

function collect({ file, edits }: TransformContext): void {
  if (!getSdkModel(file.input).usesSdk) return;
  const found = nodesOfType(file.ast, AST_NODE_TYPES.CallExpression).flatMap((call) => {
    const finding = sessionStartInHandler(file.input, call);
    return finding ? [sessionStartFix(file.input, finding)] : [];
  });
  // honeyhive 1.x `startSession()` has no rename in 1.x: a marker names the migration.
  for (const { marker } of found) if (marker) addMarker(edits, file.text, marker.node, marker.message);
  edits.edits.push(...editsOf(file.input, found.flatMap(({ fix }) => (fix ? [fix] : []))));
}

export const sessionStartToCreateSession: CodemodTransform = { meta, collect };

