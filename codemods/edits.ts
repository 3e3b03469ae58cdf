// Text patches computed from node ranges, ESLint-fixer style: every transform returns small edits on
// the one parse of the file, the engine sorts them and prints once. Untouched code keeps its bytes
// because it is never reprinted (see the note at the top of engine.ts for why not recast).
import type { TSESTree } from "@typescript-eslint/utils";

export interface TextEdit {
  /** Offsets into the parsed text: [start, end) is replaced by `text`; start === end inserts. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Ranged = { readonly range: TSESTree.Range } | TSESTree.Range;

function rangeOf(target: Ranged): TSESTree.Range {
  return Array.isArray(target) ? (target as TSESTree.Range) : (target as { range: TSESTree.Range }).range;
}

/** Collects one transform's edits. Edits of one list never overlap (insertions at one offset keep their order). */
export class EditList {
  readonly edits: TextEdit[] = [];

  replace(target: Ranged, text: string): void {
    const [start, end] = rangeOf(target);
    this.edits.push({ start, end, text });
  }

  remove(target: Ranged): void {
    this.replace(target, "");
  }

  insertAt(offset: number, text: string): void {
    this.edits.push({ start: offset, end: offset, text });
  }

  insertBefore(target: Ranged, text: string): void {
    this.insertAt(rangeOf(target)[0], text);
  }

  insertAfter(target: Ranged, text: string): void {
    this.insertAt(rangeOf(target)[1], text);
  }

  get isEmpty(): boolean {
    return this.edits.length === 0;
  }
}

/** True when two edits touch the same characters (two insertions at one offset do not conflict). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) {
    // An insertion conflicts only with a replacement that strictly contains its offset.
    const insertion = a.start === a.end ? a : b;
    const other = insertion === a ? b : a;
    return other.start < insertion.start && insertion.start < other.end;
  }
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies edits to `text`. Edits are sorted by offset; at one offset insertions keep their given
 * order and come before a replacement starting there. Throws on overlapping edits (a bug in a
 * transform: the engine reports it as a transform error and leaves the file untouched).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        Number(a.edit.end !== a.edit.start) - Number(b.edit.end !== b.edit.start) ||
        a.index - b.index,
    )
    .map(({ edit }) => edit);
  let output = "";
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    output += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** One indentation step as the file writes it (tabs, or the smallest space indent), 2 spaces if unknown. */
export function indentUnit(text: string): string {
  let smallest = Infinity;
  // `[^\s*]` skips the ` * ` continuation lines of block comments.
  for (const match of text.matchAll(/^([ \t]+)[^\s*]/gm)) {
    const indent = match[1];
    if (indent.startsWith("\t")) return "\t";
    if (indent.length < smallest) smallest = indent.length;
  }
  return Number.isFinite(smallest) && smallest <= 8 ? " ".repeat(smallest) : "  ";
}

/** The line break the file uses. */
export function newlineOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
