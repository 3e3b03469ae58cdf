// Sessions created where they cannot reach the handler's spans (the rule `no-lost-session-context`
// finds the same places through `findLostSessions`): the analysis core's fix moves `createSession()`
// before a Fastify hook's first `await` where that cannot change what else the hook does
// (analysis/fixes/lost-session.ts, the edits the rule's suggestion applies); everywhere else the
// codemod leaves the core's review marker.
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { lostSessionFix } from "../../analysis/fixes/lost-session.js";
import { findLostSessions } from "../../analysis/lost-session.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("lost-session-context");

function collect({ file, edits }: TransformContext): void {
  const fixes = [];
  for (const found of findLostSessions(file.input)) {
    const { fix, marker } = lostSessionFix(file.input, found);
    if (marker) addMarker(edits, file.text, marker.node, marker.message);
    else fixes.push(fix);
  }
  edits.edits.push(...editsOf(file.input, fixes));
}

export const lostSessionContext: CodemodTransform = { meta, collect };
