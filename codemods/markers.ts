// Review markers: where a transform cannot decide, it leaves `/* honeyhive-migrate: <what to check> */`
// on its own line before the statement concerned, once (a second run finds it and adds nothing).
import type { TSESTree } from "@typescript-eslint/utils";
import { indentationAt } from "../rules/analysis/ast.js";
import { EditList, lineStart, newlineOf } from "./edits.js";

export const MARKER_PREFIX = "honeyhive-migrate:";

/** What each marker asks a person to check; fixtures spell these texts exactly. */
export const MARKER_MESSAGES = {
  explicitTracerNone: "no HoneyHive tracer in scope: pass `tracer` explicitly",
  explicitTracerSeveral: (names: readonly string[]) =>
    `several HoneyHive tracers in scope (${names.join(", ")}): pass the right one as \`tracer\``,
  lambdaNotAsync: (tracer: string) =>
    `make this Lambda handler async and \`await ${tracer}.forceFlush()\` before it returns`,
  lambdaCallback: (tracer: string) =>
    `callback-style Lambda handler: \`await ${tracer}.forceFlush()\` before calling back`,
  lambdaNoTracer: "flush the HoneyHive tracer before this Lambda handler returns",
  evaluateTracerStillUsed: (tracer: string) =>
    `evaluate() runs this code: \`${tracer}\` shares one session across datapoints, use the implicit trace()/enrichSpan()`,
} as const;

export function markerComment(message: string): string {
  return `/* ${MARKER_PREFIX} ${message} */`;
}

/** Review markers in `text` (what the report counts). */
export function countMarkers(text: string): number {
  let count = 0;
  for (let index = text.indexOf(`/* ${MARKER_PREFIX}`); index !== -1; index = text.indexOf(`/* ${MARKER_PREFIX}`, index + 1)) {
    count += 1;
  }
  return count;
}

function isMarker(comment: TSESTree.Comment): boolean {
  return comment.type === "Block" && comment.value.trimStart().startsWith(MARKER_PREFIX);
}

/** The statement-like node a marker for `node` goes in front of: the nearest ancestor starting a line. */
function anchorOf(node: TSESTree.Node, text: string): TSESTree.Node {
  let anchor: TSESTree.Node = node;
  while (anchor.parent && text.slice(lineStart(text, anchor.range[0]), anchor.range[0]).trim() !== "") {
    anchor = anchor.parent;
  }
  return anchor;
}

/**
 * Adds a marker on its own line before the line that holds `node`, unless a marker already sits
 * there (from an earlier run or another transform). Returns whether a marker was added.
 */
export function addMarker(
  edits: EditList,
  ast: TSESTree.Program,
  text: string,
  node: TSESTree.Node,
  message: string,
): boolean {
  const anchor = anchorOf(node, text);
  const start = lineStart(text, anchor.range[0]);
  const existing = (ast.comments ?? []).some((comment) => {
    if (!isMarker(comment) || comment.range[1] > start) return false;
    // Only whitespace (and other comments' lines) between the marker and the anchored line.
    return text.slice(comment.range[1], start).trim() === "";
  });
  const addedThisRun = edits.edits.some((edit) => edit.start === start && edit.end === start && edit.text.includes(MARKER_PREFIX));
  if (existing || addedThisRun) return false;
  edits.insertAt(start, `${indentationAt(text, anchor.range[0])}${markerComment(message)}${newlineOf(text)}`);
  return true;
}
