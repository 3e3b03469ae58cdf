// What `migrate --from 1` may leave of 1.x in a migrated tree: a 1.x-only name (a tracer method this SDK's
// tracer does not have, a function export with no export of that name here, an option key that is no
// option of any call here) only where a review marker stands. Shared by the tests that run whole 1.x
// trees (codemods/blind-1x.test.ts, real-code.test.ts).
import { API_1X, OPTIONS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { SDK_EXPORTS, TRACER_MEMBERS } from "../../../analysis/knowledge/sdks/honeyhive.js";
import { countMarkers } from "../../engine/markers.js";

/** Whether line `line` (1-based) of `text` is at a review marker: the marker stands on one of the four lines above it, as in the sample app's lint check. */
export function markedAt(text: string, line: number): boolean {
  return text.split("\n").slice(Math.max(0, line - 5), line).some((source) => countMarkers(source) > 0);
}

/** The pattern of a 1.x-only name as code writes it: `.traceFunction(`, `evaluator`, `hh_api_key:`. */
export function oneXOnlyPattern(): RegExp {
  const members = new Set(API_1X.filter((entry) => entry.kind === "method" && entry.where === "instance" && !(entry.name in TRACER_MEMBERS)).map((entry) => entry.name));
  const exports = new Set(API_1X.filter((entry) => entry.where === "export" && entry.kind === "function" && !(entry.name in SDK_EXPORTS.root) && !(entry.name in SDK_EXPORTS.experiments)).map((entry) => entry.name));
  // evaluate()'s `function` is a key here too (its value is wrapped, not renamed).
  const kept = new Set(["function", ...OPTIONS_1X.filter((option) => option.migration.to === option.key).map((option) => option.key)]);
  // evaluator()'s options stand in an evaluator() call, which the name `evaluator` already finds; as bare
  // keys (`target:`, `weight:`) they would match objects that have nothing to do with 1.x.
  // The Python SDK's keys (`api_key`, `run_id`) were never 1.x's: as bare keys they would match any object that has them.
  const keys = new Set(OPTIONS_1X.filter((option) => option.of !== "evaluator" && option.pythonSdk === undefined && !kept.has(option.key)).map((option) => option.key));
  if (!(members.has("traceFunction") && exports.has("evaluator") && keys.has("hh_api_key"))) throw new Error("the 1.x data lost a name these checks rely on");
  // `.getTracer(` of OpenTelemetry's provider is this SDK's rewrite of 1.x's tracer.getTracer().
  return new RegExp(`(?<!\\.provider)\\.(?:${[...members].join("|")})\\(|\\b(?:${[...exports].join("|")})\\b|\\b(?:${[...keys].join("|")})\\s*:`, "g");
}

/**
 * `path:line name` of every 1.x-only name in `tree` (path → text) that stands on no comment line and at
 * no review marker; `projectOwn[path]` lists names the project defines itself (a factory's `flush` helper).
 */
export function unmarkedOneXNames(tree: Readonly<Record<string, string>>, projectOwn: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const pattern = oneXOnlyPattern();
  const unmarked: string[] = [];
  for (const [path, text] of Object.entries(tree)) {
    text.split("\n").forEach((source, index) => {
      if (countMarkers(source) > 0 || source.trimStart().startsWith("//")) return;
      for (const match of source.matchAll(pattern)) {
        if (!markedAt(text, index + 1) && !projectOwn[path]?.includes(match[0])) unmarked.push(`${path}:${index + 1} ${match[0]}`);
      }
    });
  }
  return unmarked;
}
