// The fix of a shared-session start in a handler (rule `no-session-start-in-handler`, transform
// `session-start-to-create-session`):
// - this SDK's `sessionStart()`: rename the method to `createSession`, which keeps the session in the
//   request's context instead of on the shared tracer. Only the property's text changes, so
//   `tracer?.sessionStart(x)` and `tracer["sessionStart"](x)` keep their shape;
// - honeyhive 1.x `startSession()`: no fix. 1.x returns the init session again (every request shares
//   it) and has no request-scoped session on a shared tracer; `createSession()` does not exist there.
//   The valid 1.x rewrite (a tracer initialized per request, and every use of the shared tracer in
//   the handler moved to it) is not mechanical, so the rule reports without a fix and the codemod
//   leaves a review marker that names the migration (`npx honeyhive migrate --from 1`, whose 1.x set
//   rewrites it to createSession()).
import type { SessionStartInHandler } from "../handlers.js";
import { EditList } from "../edits.js";
import type { AnalysisInput } from "../input.js";
import { isSessionStartOf1x } from "../sdk-model.js";
import { invokedCallee, staticName } from "../ast.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";
import { MARKER_MESSAGES } from "./review-markers.js";

export interface SessionStartFix {
  /** The rename to `createSession`; undefined for 1.x `startSession()` (then `marker`). */
  readonly fix: FindingFix | undefined;
  readonly marker: ReviewMarker | undefined;
  /** The method found: `sessionStart` (this SDK) or `startSession` (honeyhive 1.x). */
  readonly method: string;
}

export function sessionStartFix(input: AnalysisInput, found: SessionStartInHandler): SessionStartFix {
  const { property, call } = found;
  const callee = invokedCallee(call);
  const method = (callee?.type === "MemberExpression" ? staticName(callee.property, callee.computed) : undefined) ?? "sessionStart";
  if (isSessionStartOf1x(method)) {
    const receiver = callee?.type === "MemberExpression" ? input.text.slice(...callee.object.range) : found.tracer.name;
    return { fix: undefined, marker: { node: call, message: MARKER_MESSAGES.sessionStart1x(`${receiver}.${method}()`) }, method };
  }
  // A computed `["sessionStart"]` keeps its quotes.
  const edits = new EditList();
  edits.replace(property, input.text.slice(property.range[0], property.range[1]).replace("sessionStart", "createSession"));
  return { fix: fixFromEdits(edits), marker: undefined, method };
}
