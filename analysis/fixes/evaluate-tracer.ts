// The fixes of `no-global-tracer-with-evaluate` findings (rule `no-global-tracer-with-evaluate`,
// transform `evaluate-managed-tracer`): let evaluate() manage the tracer of the code it runs.
// - a binding: `trace({ tracer, a }, fn)` → `trace({ a }, fn)`, `trace({ tracer }, fn)` → `trace(fn)`,
//   `@trace({ tracer })` → `@trace({})`, `tracer.trace(o, fn)` → `trace(o, fn)` with the SDK's `trace`
//   written in the file's import style; where `trace` (or the namespace) would mean another binding at
//   the call (OpenTelemetry's `trace`, a local function, a parameter) no fix: a review marker;
// - honeyhive 1.x: `tracer.traceTool(fn)` → `traceTool(fn)`, `tracer.traceFunction(o)(fn)` →
//   `traceFunction(o)(fn)`: the free 1.x wrapper, which records through the tracer of the context
//   (evaluate()'s datapoint tracer); a 1.x `tracer.trace(fn)` that runs evaluated code in the file
//   tracer's session gets a review marker (what to call instead is the person's decision);
// - a tracer that only serves evaluated code: its bindings, its declarations, and the imports left
//   unused (`HoneyHiveTracer`, a tracer imported from the project's tracing module);
// - a session call on such a tracer in evaluated code (`tracer.enrichSession(…)`): a review marker;
//   for `enrichSession` a suggestion too (the SDK's implicit `enrichSession()`, when the file's SDK
//   import can name it).
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { unwrapExpression } from "../ast.js";
import { EditList } from "../edits.js";
import {
  findEvaluateTracerBindings,
  type EvaluateConflictingTracer,
  type EvaluatedTracerCall,
  type EvaluateTracerBinding,
} from "../evaluate.js";
import type { AnalysisInput } from "../input.js";
import { removeListElement, removeStatement } from "../rewrite.js";
import { moduleScopeVariables, SdkImports } from "../sdk-imports.js";
import { getSdkModel } from "../sdk-model.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";
import { MARKER_MESSAGES } from "./review-markers.js";

export interface EvaluateBindingFix {
  readonly binding: EvaluateTracerBinding;
  /** Undefined when the binding must stay (then `marker` says why). */
  readonly fix: FindingFix | undefined;
  readonly marker: ReviewMarker | undefined;
}

export interface EvaluateTracerRemoval {
  readonly conflicting: EvaluateConflictingTracer;
  /** Removes the tracer with all its bindings; undefined when it is not removable or a binding must stay. */
  readonly fix: FindingFix | undefined;
}

export interface EvaluatedCallFix {
  readonly use: EvaluatedTracerCall;
  /** The implicit `enrichSession()` (a suggestion: whether the tracer can then go is for a person). */
  readonly suggestion: FindingFix | undefined;
  readonly marker: ReviewMarker;
}

export interface EvaluateTracerFixes {
  readonly bindings: readonly EvaluateBindingFix[];
  readonly tracers: readonly EvaluateTracerRemoval[];
  readonly evaluatedCalls: readonly EvaluatedCallFix[];
}

/** The fix of every finding of `findEvaluateTracerBindings`. */
export function evaluateTracerFixes(input: AnalysisInput): EvaluateTracerFixes {
  const findings = findEvaluateTracerBindings(input);
  if (findings.bindings.length === 0 && findings.tracers.length === 0) return { bindings: [], tracers: [], evaluatedCalls: [] };
  const bindings = findings.bindings.map((binding) => bindingFix(input, binding));
  const tracers = findings.tracers.map((conflicting) => ({ conflicting, fix: tracerRemoval(input, conflicting, bindings) }));
  const evaluatedCalls = findings.tracers.flatMap((conflicting) =>
    conflicting.sessionCallsInEvaluatedCode.map((use): EvaluatedCallFix => {
      const receiver = input.text.slice(...use.callee.object.range);
      return {
        use,
        suggestion: implicitEnrichSession(input, use),
        marker: { node: use.call, message: MARKER_MESSAGES.evaluatedTracerCall(`${receiver}.${use.method}()`) },
      };
    }),
  );
  return { bindings, tracers, evaluatedCalls };
}

function bindingFix(input: AnalysisInput, binding: EvaluateTracerBinding): EvaluateBindingFix {
  const { use, tracer } = binding;
  const edits = new EditList();
  // A tracer imported from the project's tracing module goes with its last binding.
  const removeIfUnused = tracer.kind === "imported" && tracer.variable ? [tracer.variable] : [];
  // The traced function also runs outside evaluate() (another framework's runner, a route): it keeps its tracer.
  if (binding.alsoUsedOutsideEvaluate) return { binding, fix: undefined, marker: { node: use.node, message: MARKER_MESSAGES.tracedAlsoOutsideEvaluate(tracer.name) } };
  if (use.runsNow) {
    const callee = use.namingCall ? input.text.slice(...use.namingCall.callee.range) : `${tracer.name}.trace`;
    return { binding, fix: undefined, marker: { node: use.node, message: MARKER_MESSAGES.evaluatedImmediateTrace1x(`${callee}()`) } };
  }
  if (use.via === "tracer") {
    // `tracer.trace(opts, fn)` → `trace(opts, fn)` (1.x: `tracer.traceTool(fn)` → `traceTool(fn)`), unless
    // that name (or `hh.trace`) means something else there.
    const namingCall = use.namingCall ?? (use.node.type === "CallExpression" ? use.node : undefined);
    const callee = namingCall ? (unwrapExpression(namingCall.callee) ?? namingCall.callee) : undefined;
    const probe = new SdkImports(input);
    const free = callee && probe.useAt(use.method, use.node);
    const text = callee ? `${input.text.slice(...callee.range)}()` : `${tracer.name}.${use.method}()`;
    if (!callee || free === undefined) {
      return { binding, fix: undefined, marker: { node: use.node, message: MARKER_MESSAGES.evaluatedTraceNameTaken(text, use.method) } };
    }
    // A package that does not depend on the SDK gets no import of it (SdkImports.useAt): no fix, a marker.
    const withoutSdk = probe.packageWithoutSdk(use.method);
    if (withoutSdk !== undefined) return { binding, fix: undefined, marker: { node: use.node, message: MARKER_MESSAGES.evaluatedTraceSdkNotADependency(text, use.method, withoutSdk) } };
    edits.replace(callee, free);
    return { binding, fix: fixFromEdits(edits, { use: [use.method], removeIfUnused }), marker: undefined };
  }
  const { options, tracerProperty } = use;
  if (!options || !tracerProperty) return { binding, fix: undefined, marker: undefined };
  const call = use.node;
  const wrapped = call.type === "CallExpression" ? call.arguments[1] : undefined;
  if (options.properties.length > 1) {
    removeListElement(edits, options.properties, options.properties.indexOf(tracerProperty));
  } else if (call.type === "CallExpression" && wrapped && !use.decorator && call.arguments[0] === options) {
    // `trace({ tracer }, fn)` → `trace(fn)`
    edits.remove([options.range[0], wrapped.range[0]]);
  } else {
    // `@trace({ tracer })` → `@trace({})`: the decorator form needs an options object.
    edits.replace(options, "{}");
  }
  return { binding, fix: fixFromEdits(edits, { removeIfUnused }), marker: undefined };
}

/** The tracer's bindings (their very edits), its declarations, and the `HoneyHiveTracer` import left unused. */
function tracerRemoval(input: AnalysisInput, conflicting: EvaluateConflictingTracer, bindings: readonly EvaluateBindingFix[]): FindingFix | undefined {
  if (!conflicting.removable) return undefined;
  const own = bindings.filter((entry) => conflicting.bindings.includes(entry.binding));
  if (own.some((entry) => !entry.fix)) return undefined;
  const edits = new EditList();
  for (const declaration of conflicting.declarations) removeStatement(edits, input.text, declaration);
  const sdk = getSdkModel(input);
  const tracerClass = moduleScopeVariables(input).filter((variable: Scope.Variable) => {
    const identifier = variable.identifiers[0];
    return identifier !== undefined && sdk.sdkExportOf(identifier) === "HoneyHiveTracer";
  });
  const ownFixes = own.map((entry) => entry.fix!);
  return {
    edits: [...ownFixes.flatMap((fix) => fix.edits), ...edits.edits],
    imports: {
      use: ownFixes.flatMap((fix) => fix.imports?.use ?? []),
      removeIfUnused: [...tracerClass, ...ownFixes.flatMap((fix) => fix.imports?.removeIfUnused ?? [])],
    },
  };
}

/**
 * `tracer.enrichSession(x)` → `enrichSession(x)`: the SDK's global enrichSession() resolves evaluate()'s
 * datapoint tracer first (sdk/trace.ts, resolveImplicitTracer). Only through the file's existing SDK
 * import (a new import statement is left to the author), and only where the name means the SDK's.
 */
function implicitEnrichSession(input: AnalysisInput, use: EvaluatedTracerCall): FindingFix | undefined {
  if (use.method !== "enrichSession") return undefined;
  const reference = new SdkImports(input).useAt("enrichSession", use.call, { newImport: false });
  if (reference === undefined) return undefined;
  const edits = new EditList();
  edits.replace(use.callee, reference);
  return fixFromEdits(edits, { use: ["enrichSession"] });
}
