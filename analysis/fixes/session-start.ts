// The fix of a `sessionStart()` call in a handler (rule `no-session-start-in-handler`, transform
// `session-start-to-create-session`): rename the method to `createSession`, which keeps the session in
// the request's context instead of on the shared tracer. Only the property's text changes, so
// `tracer?.sessionStart(x)` and `tracer["sessionStart"](x)` keep their shape.
import type { SessionStartInHandler } from "../handlers.js";
import { EditList } from "../edits.js";
import type { AnalysisInput } from "../input.js";
import { fixFromEdits, type FindingFix } from "./finding-fix.js";

export function sessionStartFix(input: AnalysisInput, found: SessionStartInHandler): FindingFix {
  const { property } = found;
  // A computed `["sessionStart"]` keeps its quotes.
  const edits = new EditList();
  edits.replace(property, input.text.slice(property.range[0], property.range[1]).replace("sessionStart", "createSession"));
  return fixFromEdits(edits);
}
