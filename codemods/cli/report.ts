// What a run found and did, as the versioned JSON report (`--json`) and as the human summary.
// The JSON shape is a contract for scripts: add fields, never rename or remove them without
// raising `version`.
import { ALL_TRANSFORMS, TRANSFORM_IDS, type TransformId } from "../transforms/ids.js";

export type FileStatus = "changed" | "unchanged" | "skipped" | "failed";

export interface FileError {
  readonly message: string;
  /** 1-based, when known. */
  readonly line?: number;
  readonly column?: number;
}

export interface FileOutcome {
  /** Relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly status: FileStatus;
  /** Transforms that changed the file, in the order they ran. */
  readonly transforms: readonly TransformId[];
  /** Review markers in the file after the run. */
  readonly markers: number;
  readonly error?: FileError;
  /** Why a file was skipped: it cannot use the SDK, or it is a link that leads out of the project. */
  readonly reason?: string;
}

export interface ReportSummary {
  readonly scanned: number;
  /** Files whose text may use the SDK (the rest are skipped before parsing). */
  readonly candidates: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly markers: number;
}

export interface TransformCounts {
  readonly files: number;
  /** Markers in files that only this transform changed (see `countByTransform`). */
  readonly markers: number;
}

export interface JsonReport {
  readonly version: 1;
  readonly summary: ReportSummary;
  readonly transforms: Readonly<Record<TransformId, TransformCounts>>;
  readonly files: readonly FileOutcome[];
  /**
   * A run of the 2.x set only (no `--from 1`): the files that use honeyhive 1.x APIs (uses-1x.ts), which
   * that set leaves as they are; present when there are any. `honeyhive migrate --from 1` migrates them.
   */
  readonly uses1x?: { readonly files: readonly string[]; readonly count: number; readonly command: string };
}

/** How many of the files that use 1.x APIs the JSON report lists (`uses1x.files`; `count` says how many there are). */
export const USES_1X_LISTED = 50;

/** What the summary and the JSON report tell a 2.x run on 1.x code to run instead. */
export const FROM_1X_COMMAND = "honeyhive migrate --from 1";

/**
 * Counts per transform. The engine reports the markers of a whole file, so they are attributed to a
 * transform only when it was the one transform that changed the file; markers in files changed by
 * several transforms, or left by an earlier run, are counted in the summary only.
 */
export function countByTransform(outcomes: readonly FileOutcome[]): Record<TransformId, TransformCounts> {
  const counts = Object.fromEntries(TRANSFORM_IDS.map((id) => [id, { files: 0, markers: 0 }])) as Record<
    TransformId,
    { files: number; markers: number }
  >;
  for (const outcome of outcomes) {
    // The 1.x set's counts appear once one of them changed a file (the default run never names them).
    for (const id of outcome.transforms) (counts[id] ??= { files: 0, markers: 0 }).files++;
    if (outcome.transforms.length === 1) counts[outcome.transforms[0]].markers += outcome.markers;
  }
  return counts;
}

export function summarize(outcomes: readonly FileOutcome[]): ReportSummary {
  const count = (status: FileStatus): number => outcomes.filter((outcome) => outcome.status === status).length;
  return {
    scanned: outcomes.length,
    candidates: outcomes.filter((outcome) => outcome.status !== "skipped").length,
    changed: count("changed"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    markers: outcomes.reduce((total, outcome) => total + outcome.markers, 0),
  };
}

export function buildJsonReport(outcomes: readonly FileOutcome[], uses1x: readonly string[] = []): JsonReport {
  return {
    ...(uses1x.length > 0 ? { uses1x: { files: uses1x.slice(0, USES_1X_LISTED), count: uses1x.length, command: FROM_1X_COMMAND } } : {}),
    version: 1,
    summary: summarize(outcomes),
    transforms: countByTransform(outcomes),
    files: outcomes.map(({ path, status, transforms, markers, error, reason }) => ({
      path,
      status,
      transforms,
      markers,
      ...(error ? { error } : {}),
      ...(reason ? { reason } : {}),
    })),
  };
}

/** `src/a.ts:3:7 message`, the shape editors and terminals turn into a link. */
export function formatFailure(outcome: FileOutcome): string {
  const error = outcome.error ?? { message: "failed" };
  const position = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ""}` : "";
  return `${outcome.path}${position} ${error.message}`;
}

/** `1 file`, `2 files`: every count the CLI prints goes through here. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Files with review markers named in the human summary; failures are always all listed. */
const MARKED_FILES_SHOWN = 20;

export interface SummaryContext {
  /** Nothing was written: say "would change". */
  readonly dry: boolean;
  readonly elapsedMs: number;
}

export function formatSummary(report: JsonReport, context: SummaryContext): string {
  const { summary } = report;
  const changedWord = context.dry ? "would change" : "changed";
  const lines = [
    `${plural(summary.scanned, "file")} scanned, ${summary.candidates} may use the SDK: ` +
      `${summary.changed} ${changedWord}, ${summary.unchanged} unchanged, ${summary.failed} failed, ` +
      `${plural(summary.markers, "review marker")} (${(context.elapsedMs / 1000).toFixed(2)}s)`,
  ];
  const idWidth = Math.max(...ALL_TRANSFORMS.map((transform) => transform.id.length));
  for (const { id } of ALL_TRANSFORMS) {
    const counts = report.transforms[id] as TransformCounts | undefined;
    if (counts === undefined || counts.files === 0 && counts.markers === 0) continue;
    const markers = counts.markers > 0 ? `, ${plural(counts.markers, "review marker")}` : "";
    lines.push(`  ${id.padEnd(idWidth)}  ${plural(counts.files, "file")}${markers}`);
  }
  if (report.uses1x) lines.push(`${plural(report.uses1x.count, "file")} use${report.uses1x.count === 1 ? "s" : ""} honeyhive 1.x APIs: run \`${report.uses1x.command}\``);
  const failed = report.files.filter((outcome) => outcome.status === "failed");
  if (failed.length > 0) {
    lines.push(`Failed (left untouched):`, ...failed.map((outcome) => `  ${formatFailure(outcome)}`));
  }
  const marked = report.files.filter((outcome) => outcome.markers > 0);
  if (marked.length > 0) {
    lines.push(
      `To review (search for "honeyhive-migrate:"):`,
      ...marked.slice(0, MARKED_FILES_SHOWN).map((outcome) => `  ${outcome.path}: ${plural(outcome.markers, "marker")}`),
    );
    if (marked.length > MARKED_FILES_SHOWN) lines.push(`  … and ${plural(marked.length - MARKED_FILES_SHOWN, "more file")} (--json lists them all)`);
  }
  return lines.join("\n") + "\n";
}
