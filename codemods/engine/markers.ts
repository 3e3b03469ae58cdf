// Review markers: where a transform cannot decide, it leaves `/* honeyhive-migrate: <what to check> */`
// on its own line before the statement concerned, once (a second run finds it and adds nothing).
import type { TSESTree } from "@typescript-eslint/utils";
import { indentationAt } from "../../analysis/ast.js";
import { EditList, lineStart, newlineOf } from "../../analysis/edits.js";

export const MARKER_PREFIX = "honeyhive-migrate:";

// What each marker says is decided where the finding's fix is: analysis/fixes/review-markers.ts.

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

// Whether a review marker ends right above `start` (the anchored line's start), with only whitespace
// between. Read from the text, not from `ast.comments` (the codemods parse without comments): the
// text before `start`, trimmed, must end with `*/`, and the last `/* honeyhive-migrate:` before it
// must start its line, with no other `/*` or `*/` up to that end. Sound because the anchored line
// starts code: that `*/`, followed only by whitespace and a line break up to code, is in no string
// (quoted strings end on their line; a template literal would still be open at the code). First on
// its line, the prefix is no string's or `//` comment's tail: it opens a block comment (or lies in
// one), which runs to the first `*/` after it, the one found. The one look-alike left is a string
// spanning lines (template literal, `\`-continued quotes) with a line that starts with the prefix
// and no `*/` before the string ends; a string holding a whole marker is none (its `*/` comes first).
function markerEndsAbove(text: string, start: number): boolean {
  const before = text.slice(0, start).trimEnd();
  if (!before.endsWith("*/")) return false;
  const close = before.length - 2;
  const open = before.lastIndexOf(`/* ${MARKER_PREFIX}`, close);
  if (open === -1 || before.slice(lineStart(before, open), open).trim() !== "") return false;
  const inside = before.slice(open + 2, close);
  return !inside.includes("*/") && !inside.includes("/*");
}

/**
 * The statement-like node a marker for `node` goes in front of: the nearest ancestor starting a line that is not a
 * JSX child (`{call()}` on its own line inside `<div>…</div>`): a comment there is text the element renders, so the
 * marker goes above the outermost element (in `return (` … `)`, where a comment is code) or what holds it. An opening
 * tag starts the line of its element, which may be such a child (`<button onClick={…}>` inside `<div>`): its element
 * decides.
 */
function anchorOf(node: TSESTree.Node, text: string): TSESTree.Node {
  let anchor: TSESTree.Node = node;
  while (anchor.parent && (text.slice(lineStart(text, anchor.range[0]), anchor.range[0]).trim() !== "" || isJsxChild(anchor) || anchor.type === "JSXOpeningElement")) {
    anchor = anchor.parent;
  }
  return anchor;
}

function isJsxChild(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (parent?.type === "JSXElement" || parent?.type === "JSXFragment") && (parent.children as readonly TSESTree.Node[]).includes(node);
}

/**
 * Adds a marker on its own line before the line that holds `node`, unless a marker already sat there
 * before this run (an earlier run, or a transform whose edits are settled) or this transform added the
 * same message there. Each other message of this run gets its own line: two findings on one line are
 * two things to check. Returns whether a marker was added.
 */
export function addMarker(
  edits: EditList,
  text: string,
  node: TSESTree.Node,
  message: string,
): boolean {
  const anchor = anchorOf(node, text);
  const start = lineStart(text, anchor.range[0]);
  const line = `${indentationAt(text, anchor.range[0])}${markerComment(message)}${newlineOf(text)}`;
  const addedThisRun = edits.edits.some((edit) => edit.start === start && edit.lineBefore === true);
  if (addedThisRun ? edits.edits.some((edit) => edit.start === start && edit.text === line) : markerEndsAbove(text, start)) return false;
  edits.insertLineBefore(start, line);
  return true;
}
