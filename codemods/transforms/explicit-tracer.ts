// Binds implicit tracing to the file's tracer: `trace(…)` / `@trace(…)` get `tracer: <name>`, the global
// `enrichSpan()` / `enrichSession()` become `<name>.enrichSpan()` / `<name>.enrichSession()`, when
// exactly one tracer can safely be written there; otherwise a review marker. The places and the tracer
// are the analysis core's `findImplicitTracerUses`, what the rule `require-explicit-tracer` reports
// (never inside code evaluate() runs, where the implicit tracer is the right one).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { findImplicitTracerUses } from "../../analysis/implicit-tracer.js";
import { getSdkModel, type SdkModel, type TraceUse, type TracerInScope } from "../../analysis/sdk-model.js";
import { runAsJscodeshift, type JscodeshiftFileInfo, type JscodeshiftOptions } from "../engine/engine.js";
import { addMarker, MARKER_MESSAGES } from "../engine/markers.js";
import { appendListElement, isUnusedAfter } from "../../analysis/rewrite.js";
import { moduleScopeVariables, SdkImports } from "../../analysis/sdk-imports.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("explicit-tracer");

function collect(context: TransformContext): void {
  const { file, edits, run } = context;
  const sdk = getSdkModel(file.input);
  const rewrittenEnrichments: TSESTree.Range[] = [];
  for (const use of findImplicitTracerUses(file.input, { removedTracers: run.removedTracers })) {
    if (!use.chosen) {
      addMarker(edits, file.text, use.reportNode, markerMessage(use.candidates));
    } else if (use.kind === "trace" && use.traceUse) {
      bindTraceUse(context, use.traceUse, use.chosen.text);
    } else if (use.callee) {
      edits.replace(use.callee, `${use.chosen.text}.${use.kind}`);
      rewrittenEnrichments.push(use.callee.range);
    }
  }
  removeUnusedEnrichmentImports(context, sdk, rewrittenEnrichments);
}

function markerMessage(candidates: readonly TracerInScope[]): string {
  if (candidates.length === 0) return MARKER_MESSAGES.explicitTracerNone;
  if (candidates.length === 1) return MARKER_MESSAGES.explicitTracerUnsafe(candidates[0].text);
  return MARKER_MESSAGES.explicitTracerSeveral(candidates.map((candidate) => candidate.text));
}

/** `trace({ … })` → `trace({ …, tracer })`; `trace(fn)` → `trace({ tracer }, fn)`; `@trace` → `@trace({ tracer })`. */
function bindTraceUse({ file, edits }: TransformContext, use: TraceUse, tracerText: string): void {
  const property = tracerText === "tracer" ? "tracer" : `tracer: ${tracerText}`;
  const node = use.node;
  if (node.type !== AST_NODE_TYPES.CallExpression) {
    edits.insertAfter(node, `({ ${property} })`);
    return;
  }
  if (use.options) {
    appendListElement(edits, file.text, use.options.properties, use.options.range[0], use.options.range[1] - 1, property);
    return;
  }
  const first = node.arguments[0];
  if (first) {
    edits.insertBefore(first, `{ ${property} }, `);
    return;
  }
  // `@trace()`: the parentheses are the call's last characters.
  edits.insertAt(node.range[1] - 1, `{ ${property} }`);
}

/** Drops `enrichSpan` / `enrichSession` import bindings whose every use was rewritten to a tracer method. */
function removeUnusedEnrichmentImports({ file, edits }: TransformContext, sdk: SdkModel, rewritten: readonly TSESTree.Range[]): void {
  if (rewritten.length === 0) return;
  const imports = new SdkImports(file, sdk);
  for (const variable of moduleScopeVariables(file)) {
    const identifier = variable.identifiers[0];
    const exported = identifier && sdk.sdkExportOf(identifier);
    if (exported !== "enrichSpan" && exported !== "enrichSession") continue;
    if (variable.references.length > 0 && isUnusedAfter(variable, rewritten)) imports.remove(variable);
  }
  imports.finish(edits);
}

export const explicitTracer: CodemodTransform = { meta, collect };

export default function transform(file: JscodeshiftFileInfo, _api?: unknown, options?: JscodeshiftOptions): string {
  return runAsJscodeshift(meta.id, file, options);
}
