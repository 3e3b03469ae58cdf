// Text patches computed from node ranges, ESLint-fixer style, shared by rule fixes/suggestions and
// the codemod transforms (so both faces make the same edits): every transform returns small edits on
// the one parse of the file, the engine sorts them and prints once. Untouched code keeps its bytes
// because it is never reprinted (see the note at the top of codemods/engine/engine.ts for why not recast).
import type { TSESTree } from "@typescript-eslint/utils";

export interface TextEdit {
  /** Offsets into the parsed text: [start, end) is replaced by `text`; start === end inserts. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * A whole line (a review marker) inserted at a line start, before that line. When other edits
   * re-indent that line (whitespace inserted at the same offset), the marker line gets the same
   * indentation, and lines other edits open there (`try {`) come before it.
   */
  readonly lineBefore?: boolean;
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

  /** Inserts a whole line (a review marker) before the line that starts at `offset`. */
  insertLineBefore(offset: number, text: string): void {
    this.edits.push({ start: offset, end: offset, text, lineBefore: true });
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
 * Applies edits to `text`. Edits are sorted by offset. At one offset: inserted lines (text ending in a
 * line break) first, then review-marker lines, then other insertions (re-indentation), then a
 * replacement starting there; each kind in the order given. Throws on overlapping edits (a bug in a
 * transform: the engine reports it as a transform error and leaves the file untouched).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const rank = (edit: TextEdit) =>
    edit.end !== edit.start ? 3 : edit.lineBefore ? 1 : edit.text.endsWith("\n") ? 0 : 2;
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || rank(a.edit) - rank(b.edit) || a.index - b.index)
    .map(({ edit }) => edit);
  let output = "";
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    let inserted = edit.text;
    if (edit.lineBefore) {
      // The indentation other edits add to this line, so the marker stays aligned with it.
      const added = ordered.filter((other) => other.start === edit.start && other.end === other.start && !other.lineBefore && /^[ \t]+$/.test(other.text));
      inserted = added.map((other) => other.text).join("") + inserted;
    }
    output += text.slice(cursor, edit.start) + inserted;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}

/** True when `inner` lies within `outer` (ranges of nodes, or `[start, end)` pairs). */
export function rangeContains(outer: Ranged, inner: Ranged): boolean {
  const [outerStart, outerEnd] = rangeOf(outer);
  const [innerStart, innerEnd] = rangeOf(inner);
  return outerStart <= innerStart && innerEnd <= outerEnd;
}

/** Offset of the first character of the line after the one holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
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
