// Session ids from requests and events that reach the SDK unchecked (the rule
// `require-valid-session-id` finds the same places through `findUnvalidatedSessionIds`). No rewrite
// is safe: `toSessionId(id)` maps a UUID the client sent to another UUID (the request joins another
// session than the one it names), and `isSessionId(id) ? id : toSessionId(id)` or rejecting the
// request is a product decision. So the codemod leaves one review marker per statement.
import { findUnvalidatedSessionIds } from "../../analysis/session-id-flow.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("validate-session-id");

/** The marker text; fixtures spell it exactly. */
export function unvalidatedSessionIdMarker(method: string): string {
  return `this session id comes from client input unchecked and ${method}() throws for a non-UUID: convert it with toSessionId() or check it with isSessionId()`;
}

function collect({ file, edits }: TransformContext): void {
  for (const finding of findUnvalidatedSessionIds(file.input)) {
    addMarker(edits, file.text, finding.call, unvalidatedSessionIdMarker(finding.method));
  }
}

export const validateSessionId: CodemodTransform = { meta, collect };

