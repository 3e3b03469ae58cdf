import { describe, expect, it } from "vitest";
import { buildJsonReport, formatSummary, type FileOutcome } from "./report.js";

describe("formatSummary", () => {
  it("names the files that use honeyhive 1.x APIs and the command to run, in the summary and the JSON report (fix-blind12)", () => {
    const outcomes: FileOutcome[] = [
      { path: "src/a.ts", status: "unchanged", transforms: [], markers: 0 },
      { path: "src/b.ts", status: "unchanged", transforms: [], markers: 0 },
    ];
    const none = buildJsonReport(outcomes);
    expect(Object.keys(none)).not.toContain("uses1x");
    expect(formatSummary(none, { dry: true, elapsedMs: 0 })).not.toContain("1.x");
    const one = buildJsonReport(outcomes, ["src/a.ts"]);
    expect(one.uses1x).toEqual({ files: ["src/a.ts"], count: 1, command: "honeyhive migrate --from 1" });
    // The JSON report lists the first 50 (gaps-migrate-9); `count` and the summary say how many there are.
    const many = buildJsonReport(outcomes, Array.from({ length: 120 }, (_, index) => `src/f${index}.ts`));
    expect(many.uses1x?.files).toHaveLength(50);
    expect(many.uses1x?.files[0]).toBe("src/f0.ts");
    expect(many.uses1x?.count).toBe(120);
    expect(formatSummary(many, { dry: true, elapsedMs: 0 })).toContain("\n120 files use honeyhive 1.x APIs: run `honeyhive migrate --from 1`\n");
    expect(formatSummary(one, { dry: true, elapsedMs: 0 })).toContain("\n1 file uses honeyhive 1.x APIs: run `honeyhive migrate --from 1`\n");
    expect(formatSummary(buildJsonReport(outcomes, ["src/a.ts", "src/b.ts"]), { dry: false, elapsedMs: 0 })).toContain("\n2 files use honeyhive 1.x APIs: run `honeyhive migrate --from 1`\n");
  });

  it("lists every failure but only the first files with review markers", () => {
    const outcomes: FileOutcome[] = [
      ...Array.from({ length: 25 }, (_, index): FileOutcome => ({
        path: `src/marked${String(index).padStart(2, "0")}.ts`,
        status: "changed",
        transforms: ["lambda-force-flush"],
        markers: 1,
      })),
      ...Array.from({ length: 25 }, (_, index): FileOutcome => ({
        path: `src/broken${index}.ts`,
        status: "failed",
        transforms: [],
        markers: 0,
        error: { message: "Unexpected token", line: index + 1, column: 3 },
      })),
    ];
    const text = formatSummary(buildJsonReport(outcomes), { dry: false, elapsedMs: 1234 });
    expect(text).toContain("50 files scanned, 50 may use the SDK: 25 changed, 0 unchanged, 25 failed, 25 review markers (1.23s)");
    expect(text).toContain("  lambda-force-flush               25 files, 25 review markers\n");
    expect(text).not.toMatch(/explicit-tracer/); // transforms that did nothing are left out
    expect(text).toContain("  src/broken24.ts:25:3 Unexpected token\n");
    expect(text).toContain("  src/marked19.ts: 1 marker\n");
    expect(text).not.toContain("src/marked20.ts");
    expect(text).toContain("  … and 5 more files (--json lists them all)\n");
  });

  it("attributes markers to a transform only when it alone changed the file", () => {
    const report = buildJsonReport([
      { path: "a.ts", status: "changed", transforms: ["lambda-force-flush"], markers: 2 },
      { path: "b.ts", status: "changed", transforms: ["session-start-to-create-session", "explicit-tracer"], markers: 1 },
      { path: "c.ts", status: "unchanged", transforms: [], markers: 4 },
    ]);
    expect(report.summary.markers).toBe(7);
    expect(report.transforms["lambda-force-flush"]).toEqual({ files: 1, markers: 2 });
    expect(report.transforms["explicit-tracer"]).toEqual({ files: 1, markers: 0 });
    expect(report.transforms["session-start-to-create-session"]).toEqual({ files: 1, markers: 0 });
  });
});
