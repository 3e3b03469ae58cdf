#!/usr/bin/env node
// How many of `migrate --from 1`'s settles (the second parse of the text the 1.x set wrote) a text
// precondition per 2.x transform could skip, and whether each precondition is necessary on the tree.
//
//   node bench/lib/settle-census.mjs --dist <dist/esm> --tree <dir> [--json <out.json>]
//
// Per file of the tree: the 1.x set alone (`runTransforms` with the seven 1.x ids), then, on its
// output, each 2.x transform alone (settings as a `--from 1` run reads them: sdkVersion 2). A
// transform run alone on the settled text edits what it edits in the chained run when no earlier 2.x
// transform edited that file (checked: the counts equal perf-migrate-4's instrumented run's). No
// project facts (the CLI's project pass is not run): evaluate-managed-tracer's `evaluatedExports`
// from other modules are not seen here. Each candidate precondition is tested on every settled text:
// `violations` counts texts the transform edited although the precondition failed (then it is not a
// precondition at all), `passes` the texts it lets through; a settle is skippable when every 2.x
// transform's precondition fails. Counts only: no timing.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { dist: { type: "string" }, tree: { type: "string" }, json: { type: "string" } } });
const dist = resolve(values.dist);
const tree = resolve(values.tree);
const { runTransforms } = await import(join(dist, "codemods/engine/engine.js"));
const { TRANSFORM_IDS, TRANSFORM_1X_IDS } = await import(join(dist, "codemods/transforms/ids.js"));
const { INSTRUMENTATION_TEXT_HINTS } = await import(join(dist, "analysis/knowledge/instrumentations.js"));

const words = (...names) => new RegExp(`\\b(?:${names.join("|")})\\b`);
const CREATORS = /\b(?:HoneyHiveTracer|\w*TracerProvider|NodeSDK)\b/;
/**
 * Candidate preconditions, per 2.x transform. `sound`: the analysis the transform calls returns
 * nothing without it (its own text gate). `sound: false` rows are estimates of what a parse-free
 * precondition could reach, not proofs: the words fail on a project barrel that re-exports the SDK's
 * name under another (`export { trace as t } from "honeyhive"`, bench/NOTES.md "### perf-migrate-5").
 */
const CANDIDATES = {
  "evaluate-managed-tracer": [{ name: "word evaluate", sound: false, test: (text) => words("evaluate").test(text) }],
  "session-start-to-create-session": [{ name: "sessionStart/startSession", sound: false, test: (text) => words("sessionStart", "startSession").test(text) }],
  "lambda-force-flush": [
    { name: "none stated (always)", sound: true, test: () => true },
    { name: "never (upper bound)", sound: false, test: () => false },
  ],
  "explicit-tracer": [
    { name: "word trace/enrichSpan/enrichSession", sound: false, test: (text) => words("trace", "enrichSpan", "enrichSession").test(text) },
    { name: "free call trace(/enrichSpan(/enrichSession(", sound: false, test: (text) => /(?<![.\w$])(?:trace|enrichSpan|enrichSession)\s*\(/.test(text) },
  ],
  "validate-session-id": [{ name: "text has sessionId (the analysis's gate)", sound: true, test: (text) => text.includes("sessionId") }],
  "instrumentation-provider": [{ name: "instrumentation hints (the analysis's gate)", sound: true, test: (text) => INSTRUMENTATION_TEXT_HINTS.some((hint) => text.includes(hint)) }],
  "lost-session-context": [{ name: "text has reateSession (the analysis's gate)", sound: true, test: (text) => text.includes("reateSession") }],
  "hoist-tracer-init": [
    { name: "a creator's name (the analysis's gate, its pipelines approximated)", sound: false, test: (text) => CREATORS.test(text) },
    { name: "an indented line names a creator (estimate: inside a function)", sound: false, test: (text) => text.split("\n").some((line) => /^\s/.test(line) && CREATORS.test(line)) },
  ],
};

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;
const files = readdirSync(tree, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && SCRIPT.test(entry.name) && !entry.name.endsWith(".d.ts") && !entry.parentPath.includes("node_modules"))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

const rows = [];
for (const path of files) {
  const first = runTransforms(readFileSync(path, "utf8"), path, { transforms: TRANSFORM_1X_IDS, cwd: tree });
  if (!first.changed) continue;
  const edited = TRANSFORM_IDS.filter((id) => runTransforms(first.output, path, { transforms: [id], settings: { sdkVersion: 2 }, cwd: tree }).changed);
  const passes = Object.fromEntries(Object.entries(CANDIDATES).map(([id, list]) => [id, list.map((candidate) => candidate.test(first.output))]));
  rows.push({ file: relative(tree, path), edited, passes });
}

const settles = rows.length;
const idle = rows.filter((row) => row.edited.length === 0).length;
console.log(`${files.length} files, ${settles} settles (the 1.x set changed the file), ${idle} with no 2.x edit`);
for (const [id, list] of Object.entries(CANDIDATES)) {
  const edits = rows.filter((row) => row.edited.includes(id)).length;
  list.forEach((candidate, index) => {
    const passes = rows.filter((row) => row.passes[id][index]).length;
    const violations = rows.filter((row) => row.edited.includes(id) && !row.passes[id][index]).length;
    console.log(`${id.padEnd(32)} edits ${String(edits).padStart(4)}  ${candidate.sound ? "sound " : "approx"} ${candidate.name}: passes ${passes}, violations ${violations}`);
  });
}
/** The settles every chosen candidate (one index per transform, 0 unless named) lets go, and how many of them the 2.x set edits (unsafe). */
function skipped(name, choice) {
  const skip = rows.filter((row) => Object.keys(CANDIDATES).every((id) => !row.passes[id][choice[id] ?? 0]));
  const unsafe = skip.filter((row) => row.edited.length > 0);
  console.log(`skippable, ${name}: ${skip.length} of ${settles}; edited by the 2.x set (unsafe): ${unsafe.length} ${[...new Set(unsafe.flatMap((row) => row.edited))].join(", ")}`);
}
skipped("first candidates (lambda-force-flush: none stated)", {});
skipped("lambda-force-flush taken as never editing, hoist-tracer-init's gate", { "lambda-force-flush": 1 });
const estimate = { "lambda-force-flush": 1, "hoist-tracer-init": 1 };
skipped("lambda-force-flush never, hoist-tracer-init by indentation", estimate);
skipped("lambda-force-flush never, hoist-tracer-init by indentation, explicit-tracer by free calls", { ...estimate, "explicit-tracer": 1 });
/** Under the estimate: the idle settles whose only passing precondition is one transform's. */
const heldBy = {};
for (const row of rows.filter((candidate) => candidate.edited.length === 0)) {
  const passing = Object.keys(CANDIDATES).filter((id) => row.passes[id][estimate[id] ?? 0]);
  const key = passing.length === 1 ? passing[0] : passing.length === 0 ? "(none)" : "several";
  heldBy[key] = (heldBy[key] ?? 0) + 1;
}
console.log(`idle settles by the preconditions that hold them (estimate): ${JSON.stringify(heldBy)}`);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 1));
