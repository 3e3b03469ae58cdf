// Unified diff of two texts, line by line (Myers' O(ND) shortest edit script), in the format
// `patch` and `git apply -p1` read: `--- a/path`, `+++ b/path`, hunks with three lines of context,
// and the "\ No newline at end of file" note where a side does not end with a newline.

type Edit = { readonly kind: "equal" | "delete" | "insert"; readonly line: string };

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
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
  const edits = diffLines(splitLines(before), splitLines(after));
  const beforeLineCount = splitLines(before).length;
  const afterLineCount = splitLines(after).length;
  const beforeMissingNewline = before !== "" && !before.endsWith("\n");
  const afterMissingNewline = after !== "" && !after.endsWith("\n");

  // Old/new line numbers (1-based) of every edit, to know where hunks start.
  const positions: Array<{ oldLine: number; newLine: number }> = [];
  let oldLine = 1;
  let newLine = 1;
  for (const edit of edits) {
    positions.push({ oldLine, newLine });
    if (edit.kind !== "insert") oldLine++;
    if (edit.kind !== "delete") newLine++;
  }

  // The last line of a side that lacks its newline differs even when its text is equal, so the
  // line-level diff must show it as changed.
  if (beforeMissingNewline !== afterMissingNewline) {
    for (let index = edits.length - 1; index >= 0; index--) {
      const edit = edits[index];
      const isLastOld = edit.kind !== "insert" && positions[index].oldLine === beforeLineCount;
      const isLastNew = edit.kind !== "delete" && positions[index].newLine === afterLineCount;
      if (edit.kind === "equal" && (isLastOld || isLastNew)) {
        edits.splice(index, 1, { kind: "delete", line: edit.line }, { kind: "insert", line: edit.line });
        positions.splice(index, 1, positions[index], { oldLine: positions[index].oldLine + 1, newLine: positions[index].newLine });
        break;
      }
    }
  }

  const changed = edits.map((edit, index) => (edit.kind === "equal" ? -1 : index)).filter((index) => index >= 0);
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else hunks.push([start, end]);
  }

  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const [start, end] of hunks) {
    let oldCount = 0;
    let newCount = 0;
    const body: string[] = [];
    for (let index = start; index <= end; index++) {
      const edit = edits[index];
      const { oldLine: lineOld, newLine: lineNew } = positions[index];
      if (edit.kind === "equal") {
        oldCount++;
        newCount++;
        body.push(` ${edit.line}`);
      } else if (edit.kind === "delete") {
        oldCount++;
        body.push(`-${edit.line}`);
      } else {
        newCount++;
        body.push(`+${edit.line}`);
      }
      const endsOld = edit.kind !== "insert" && lineOld === beforeLineCount && beforeMissingNewline;
      const endsNew = edit.kind !== "delete" && lineNew === afterLineCount && afterMissingNewline;
      if (endsOld || endsNew) body.push("\\ No newline at end of file");
    }
    const oldStart = positions[start].oldLine;
    const newStart = positions[start].newLine;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`, ...body);
  }
  return out.join("\n") + "\n";
}
