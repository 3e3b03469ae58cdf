import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./diff.js";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a.ts", "x\ny\n", "x\ny\n")).toBe("");
  });

  it("shows three lines of context and merges nearby changes into one hunk", () => {
    const before = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"];
    const after = [...before];
    after[1] = "two";
    after[6] = "seven"; // 4 unchanged lines apart: same hunk
    after[16] = "seventeen"; // far away: its own hunk
    const diff = unifiedDiff("src/x.ts", before.join("\n") + "\n", after.join("\n") + "\n");
    expect(diff).toBe(
      [
        "--- a/src/x.ts",
        "+++ b/src/x.ts",
        "@@ -1,10 +1,10 @@",
        " 1",
        "-2",
        "+two",
        " 3",
        " 4",
        " 5",
        " 6",
        "-7",
        "+seven",
        " 8",
        " 9",
        " 10",
        "@@ -14,5 +14,5 @@",
        " 14",
        " 15",
        " 16",
        "-17",
        "+seventeen",
        " 18",
        "",
      ].join("\n"),
    );
  });

  it("numbers empty ranges like diff(1) and notes a missing final newline", () => {
    expect(unifiedDiff("f", "", "a\n")).toBe("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n");
    expect(unifiedDiff("f", "a\nb", "a\nb\n")).toBe("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    expect(unifiedDiff("f", "a\n", "b")).toBe("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n");
  });

  it("produces patches that patch(1) applies, no larger than diff(1)'s (seeded random texts)", () => {
    // A small alphabet makes many repeated lines, the hard case for aligning a diff.
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const randomText = (): string => {
      const lines = Array.from({ length: Math.floor(random() * 30) }, () => "abcde"[Math.floor(random() * 5)]);
      return lines.join("\n") + (random() < 0.8 && lines.length > 0 ? "\n" : "");
    };
    const mutate = (text: string): string => {
      const lines = text.split("\n");
      for (let edits = Math.floor(random() * 6); edits > 0; edits--) {
        const at = Math.floor(random() * (lines.length + 1));
        const choice = random();
        if (choice < 0.4) lines.splice(at, 1);
        else if (choice < 0.8) lines.splice(at, 0, "abcdeX"[Math.floor(random() * 6)]);
        else lines[at] = "changed";
      }
      return lines.join("\n");
    };

    const work = mkdtempSync(join(tmpdir(), "honeyhive-diff-"));
    try {
      const cases = Array.from({ length: 80 }, (_, index) => {
        const before = randomText();
        return { name: `case${index}.txt`, before, after: random() < 0.1 ? before : mutate(before) };
      });
      for (const side of ["before", "after", "patched"] as const) mkdirSync(join(work, side));
      for (const { name, before, after } of cases) {
        writeFileSync(join(work, "before", name), before);
        writeFileSync(join(work, "after", name), after);
        writeFileSync(join(work, "patched", name), before);
      }
      const patch = cases.map(({ name, before, after }) => unifiedDiff(name, before, after)).join("");
      execFileSync("patch", ["-p1", "--quiet", "--force", "-d", join(work, "patched")], { input: patch });
      for (const { name, after } of cases) expect(readFileSync(join(work, "patched", name), "utf8"), name).toBe(after);

      const gnu = spawnSync("diff", ["-u", "-r", "before", "after"], { cwd: work, encoding: "utf8" }).stdout;
      const changedLines = (text: string): number => text.split("\n").filter((line) => /^[-+](?![-+]{2} )/.test(line)).length;
      expect(changedLines(patch)).toBeLessThanOrEqual(changedLines(gnu));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
