// Lets evaluate() manage the tracer of the code it runs: evaluate() puts a fresh tracer per datapoint
// in the context, so a tracer the file created itself and bound to that code makes every datapoint
// share one session. The analysis core (`findEvaluateTracerBindings`, the facts the rule
// `no-global-tracer-with-evaluate` reports) says which bindings and tracers; this transform writes:
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
//   tracer can then go) needs a person.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { unwrapExpression } from "../../analysis/ast.js";
import { findEvaluateTracerBindings, type EvaluateTracerBinding } from "../../analysis/evaluate.js";
import { getSdkModel } from "../../analysis/sdk-model.js";
import { runAsJscodeshift, type JscodeshiftFileInfo, type JscodeshiftOptions } from "../engine/engine.js";
import { addMarker, MARKER_MESSAGES } from "../engine/markers.js";
import { isUnusedAfter, removeListElement, removeStatement } from "../../analysis/rewrite.js";
import { moduleScopeVariables, SdkImports } from "../../analysis/sdk-imports.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("evaluate-managed-tracer");

function collect(context: TransformContext): void {
  const { file, edits, run } = context;
  const findings = findEvaluateTracerBindings(file.input);
  if (findings.bindings.length === 0 && findings.tracers.length === 0) return;
  const sdk = getSdkModel(file.input);
  const imports = new SdkImports(file, sdk);
  const removed: TSESTree.Range[] = [];
  // Bindings left in place (with a review marker): their tracer is still used.
  const kept = new Set<EvaluateTracerBinding>();

  for (const binding of findings.bindings) {
    const result = unbind(context, binding, imports);
    if (result === "kept") kept.add(binding);
    else if (result) removed.push(result);
  }

  for (const conflicting of findings.tracers) {
    for (const use of conflicting.sessionCallsInEvaluatedCode) {
      const receiver = file.text.slice(...use.callee.object.range);
      addMarker(edits, file.text, use.call, MARKER_MESSAGES.evaluatedTracerCall(`${receiver}.${use.method}()`));
    }
  }

  // A tracer that stays (exported, or still tracing code evaluate() does not run) is the script
  // pattern next to evaluate(), which the rule accepts: only its bindings to evaluated code went.
  for (const conflicting of findings.tracers) {
    if (!conflicting.removable || conflicting.bindings.some((binding) => kept.has(binding))) continue;
    for (const declaration of conflicting.declarations) removed.push(removeStatement(edits, file.text, declaration));
    if (conflicting.tracer.variable) run.removedTracers.add(conflicting.tracer.variable);
    for (const backing of sdk.tracers) {
      if (backing.getter === conflicting.tracer && backing.variable) run.removedTracers.add(backing.variable);
    }
  }

  if (removed.length > 0) {
    // `HoneyHiveTracer` imported only for the initializations just removed.
    for (const variable of moduleScopeVariables(file)) {
      const identifier = variable.identifiers[0];
      if (!identifier || sdk.sdkExportOf(identifier) !== "HoneyHiveTracer") continue;
      if (variable.references.length > 0 && isUnusedAfter(variable, removed)) imports.remove(variable);
    }
    // A tracer imported from the project's tracing module only for the bindings just removed.
    for (const { tracer } of findings.bindings) {
      if (tracer.kind === "imported" && tracer.variable && isUnusedAfter(tracer.variable, removed)) imports.remove(tracer.variable);
    }
  }
  imports.finish(edits);
}

/**
 * Removes one explicit binding; returns the range whose references no longer exist, or "kept" when
 * the binding stays with a review marker.
 */
function unbind({ file, edits }: TransformContext, binding: EvaluateTracerBinding, imports: SdkImports): TSESTree.Range | "kept" | undefined {
  const { use } = binding;
  if (use.via === "tracer" && use.node.type === AST_NODE_TYPES.CallExpression) {
    // `tracer.trace(opts, fn)` → `trace(opts, fn)`, unless `trace` (or `hh.trace`) means something else there.
    const callee = unwrapExpression(use.node.callee) ?? use.node.callee;
    const trace = imports.useAt("trace", use.node);
    if (trace === undefined) {
      addMarker(edits, file.text, use.node, MARKER_MESSAGES.evaluatedTraceNameTaken(`${file.text.slice(...callee.range)}()`));
      return "kept";
    }
    edits.replace(callee, trace);
    return callee.range;
  }
  const options = use.options;
  const property = use.tracerProperty;
  if (!options || !property) return undefined;
  if (options.properties.length > 1) {
    removeListElement(edits, options.properties, options.properties.indexOf(property));
    return property.range;
  }
  const call = use.node;
  const wrapped = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[1] : undefined;
  if (call.type === AST_NODE_TYPES.CallExpression && wrapped && !use.decorator) {
    // `trace({ tracer }, fn)` → `trace(fn)`
    edits.remove([call.arguments[0].range[0], wrapped.range[0]]);
    return [call.arguments[0].range[0], wrapped.range[0]];
  }
  // `@trace({ tracer })` → `@trace({})`: the decorator form needs an options object.
  edits.replace(options, "{}");
  return options.range;
}

export const evaluateManagedTracer: CodemodTransform = { meta, collect };

export default function transform(file: JscodeshiftFileInfo, _api?: unknown, options?: JscodeshiftOptions): string {
  return runAsJscodeshift(meta.id, file, options);
}
