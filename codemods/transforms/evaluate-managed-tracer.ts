// Lets evaluate() manage the tracer of the code it runs: evaluate() puts a fresh tracer per datapoint
// in the context, so a tracer the file created itself and bound to that code makes every datapoint
// share one session. The analysis core (`findEvaluateTracerBindings`, the facts the rule
// `no-global-tracer-with-evaluate` reports) says which bindings and tracers, and `evaluateTracerFixes`
// computes the edits the rule's suggestions apply; this transform applies them:
// - `trace({ tracer, … }, fn)` → `trace({ … }, fn)`, `trace({ tracer }, fn)` → `trace(fn)`,
//   `@trace({ tracer })` → `@trace({})`;
// - `tracer.trace(opts, fn)` → `trace(opts, fn)` with the SDK's `trace` imported in the file's style;
//   where that name would mean another binding at the call (OpenTelemetry's `trace`, a local
//   `trace()`, a parameter, a shadowed namespace) the call stays, with a review marker, and so does
//   its tracer;
// - the tracer's initialization, when nothing else uses it and it is not exported (comments above it
//   stay), and then the unused `HoneyHiveTracer` import; an imported tracer's now-unused import;
// - a review marker before `tracer.enrichSession(…)` / `.startSpan(…)` / `.createSession()` /
//   `.sessionStart()` on such a tracer inside evaluated code: the implicit replacement (and whether the
//   tracer can then go) needs a person;
// - in a module whose exports another module's evaluate() runs and a file without evaluate() imports
//   too (the project pass's facts: a server serving the same export), a review marker on each binding
//   instead: that code needs the tracer.
import { evaluateTracerFixes } from "../../analysis/fixes/evaluate-tracer.js";
import { editsOf, type FindingFix } from "../../analysis/fixes/finding-fix.js";
import { getSdkModel } from "../../analysis/sdk-model.js";
import { MARKER_MESSAGES } from "../../analysis/fixes/review-markers.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("evaluate-managed-tracer");

function collect({ file, edits, run, project }: TransformContext): void {
  const fixes = evaluateTracerFixes(file.input);
  const applied: FindingFix[] = [];
  const sdk = getSdkModel(file.input);
  // evaluate() of another module runs this file's code (the project pass's `evaluatedExports`), and a
  // file that does not evaluate it imports it too (a server serving the same export): that code needs
  // the tracer, so the bindings are marked and the tracer stays.
  const alsoRunOutsideEvaluate = sdk.evaluateCalls.length === 0 && project?.importedOutsideEvaluate === true;
  for (const { fix, marker, binding } of fixes.bindings) {
    if (marker) addMarker(edits, file.text, marker.node, marker.message);
    else if (fix && alsoRunOutsideEvaluate) addMarker(edits, file.text, binding.use.node, MARKER_MESSAGES.evaluatedFromAnotherModule(binding.tracer.name));
    else if (fix) applied.push(fix);
  }
  for (const { marker } of fixes.evaluatedCalls) addMarker(edits, file.text, marker.node, marker.message);
  if (alsoRunOutsideEvaluate) {
    edits.edits.push(...editsOf(file.input, applied));
    return;
  }
  // A tracer that stays (exported, still tracing code evaluate() does not run, or bound where the
  // binding must stay) is the script pattern next to evaluate(), which the rule accepts: only its
  // bindings to evaluated code go.
  for (const { conflicting, fix } of fixes.tracers) {
    if (!fix) continue;
    applied.push(fix);
    if (conflicting.tracer.variable) run.removedTracers.add(conflicting.tracer.variable);
    for (const backing of sdk.tracers) {
      if (backing.getter === conflicting.tracer && backing.variable) run.removedTracers.add(backing.variable);
    }
  }
  // The tracer removals share their bindings' edits: applied together, each edit is written once.
  edits.edits.push(...editsOf(file.input, applied));
}

export const evaluateManagedTracer: CodemodTransform = { meta, collect };

