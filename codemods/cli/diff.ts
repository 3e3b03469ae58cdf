// Unified diff of two texts, line by line (Myers' O(ND) shortest edit script), in the format
// `patch` and `git apply -p1` read: `--- a/path`, `+++ b/path`, hunks with three lines of context,
// and the "\ No newline at end of file" note where a side does not end with a newline.

type Edit = { readonly kind: "equal" | "delete" | "insert"; readonly line: string };

/**
 * The lines of a text as diff keys. A last line without its newline differs from the same text with
 * one, so its key carries a "\n" (which no other key can contain): the alignment then treats the two
 * as different lines, as diff(1) does.
 */
function lineKeys(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n";
  return lines;
}

/** Shortest edit script between two line arrays (common prefix and suffix trimmed first). */
function diffLines(before: readonly string[], after: readonly string[]): Edit[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);

  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1])
          ? frontier[offset + k + 1]
          : frontier[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }

  // Walk the recorded frontiers back from (n, m) to (0, 0).
  const middle: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const previous = trace[d];
    const k = x - y;
    const fromInsert = k === -d || (k !== d && previous[offset + k - 1] < previous[offset + k + 1]);
    const previousK = fromInsert ? k + 1 : k - 1;
    const previousX = previous[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      middle.push({ kind: "equal", line: a[--x] });
      y--;
    }
    if (d > 0) {
      if (fromInsert) middle.push({ kind: "insert", line: b[--y] });
      else middle.push({ kind: "delete", line: a[--x] });
    }
  }
  middle.reverse();
  return [
    ...before.slice(0, prefix).map((line): Edit => ({ kind: "equal", line })),
    ...middle,
    ...before.slice(before.length - suffix).map((line): Edit => ({ kind: "equal", line })),
  ];
}

function range(start: number, count: number): string {
  // An empty range names the line before it (0 at the top of the file), as diff(1) does.
  const first = count === 0 ? start - 1 : start;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/** A unified diff of `before` → `after` for `path` (`/`-separated); "" when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const edits = diffLines(lineKeys(before), lineKeys(after));

  // Old/new line numbers (1-based) where each edit stands, to number the hunks.
  const positions: Array<{ readonly oldLine: number; readonly newLine: number }> = [];
  let oldLine = 1;
  let newLine = 1;
  for (const edit of edits) {
    positions.push({ oldLine, newLine });
    if (edit.kind !== "insert") oldLine++;
    if (edit.kind !== "delete") newLine++;
  }

  const hunks: Array<[number, number]> = [];
  edits.forEach((edit, index) => {
    if (edit.kind === "equal") return;
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else hunks.push([start, end]);
  });

  const out = [`--- a/${path}`, `+++ b/${path}`];
  const prefixes = { equal: " ", delete: "-", insert: "+" } as const;
  for (const [start, end] of hunks) {
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    for (let index = start; index <= end; index++) {
      const { kind, line } = edits[index];
      if (kind !== "insert") oldCount++;
      if (kind !== "delete") newCount++;
      const missingNewline = line.endsWith("\n");
      body.push(prefixes[kind] + (missingNewline ? line.slice(0, -1) : line));
      if (missingNewline) body.push("\\ No newline at end of file");
    }
    out.push(`@@ -${range(positions[start].oldLine, oldCount)} +${range(positions[start].newLine, newCount)} @@`, ...body);
  }
  return out.join("\n") + "\n";
}
