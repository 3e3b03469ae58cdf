// Binds implicit tracing to the file's tracer: `trace(…)` / `@trace(…)` get `tracer: <name>`, the global
// `enrichSpan()` / `enrichSession()` become `<name>.enrichSpan()` / `<name>.enrichSession()`, when
// exactly one tracer is in scope (as the analysis core's `tracersInScopeAt` sees it); otherwise a review
// marker. Never inside functions that evaluate() runs, where the implicit tracer is the right one.
// Same detection as the rule `require-explicit-tracer`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { unwrapExpression } from "../../rules/analysis/ast.js";
import { getSdkModel, type SdkModel, type TraceUse, type TracerInScope } from "../../rules/analysis/sdk-model.js";
import { runAsJscodeshift, type JscodeshiftFileInfo, type JscodeshiftOptions } from "../engine.js";
import { addMarker, MARKER_MESSAGES } from "../markers.js";
import { appendListElement, isUnusedAfter } from "../rewrite.js";
import { moduleScopeVariables, SdkImports } from "../sdk-imports.js";
import type { CodemodTransform, TransformContext } from "../transform-api.js";
import { evaluatedCode } from "../evaluated.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("explicit-tracer");

function collect(context: TransformContext): void {
  const { file, run } = context;
  const sdk = getSdkModel(file.input);
  if (!sdk.usesSdk) return;
  const liveTracers = sdk.tracers.filter((tracer) => !tracer.variable || !run.removedTracers.has(tracer.variable));
  // Without a tracer of its own the file relies on evaluate() or a default tracer: nothing to bind.
  if (liveTracers.length === 0) return;
  const evaluated = evaluatedCode(file.input, context.project);

  const tracerFor = (node: TSESTree.Node): TracerInScope | readonly TracerInScope[] => {
    const candidates = sdk
      .tracersInScopeAt(node)
      .filter((candidate) => !candidate.tracer.variable || !run.removedTracers.has(candidate.tracer.variable));
    return candidates.length === 1 && candidates[0].safe ? candidates[0] : candidates;
  };
  const markUnbound = (node: TSESTree.Node, candidates: readonly TracerInScope[]) => {
    const message =
      candidates.length === 0
        ? MARKER_MESSAGES.explicitTracerNone
        : candidates.length === 1
          ? MARKER_MESSAGES.explicitTracerUnsafe(candidates[0].text)
          : MARKER_MESSAGES.explicitTracerSeveral(candidates.map((candidate) => candidate.text));
    addMarker(context.edits, file.ast, file.text, node, message);
  };

  for (const use of sdk.traceUses) {
    if (use.via !== "sdk" || use.tracerProperty || !use.optionsKnown) continue;
    if (evaluated.contains(use.node)) continue;
    const bound = tracerFor(use.node);
    if ("tracer" in bound) bindTraceUse(context, use, bound.text);
    else markUnbound(use.decorator ?? use.node, bound);
  }

  const rewrittenEnrichments: TSESTree.Range[] = [];
  for (const call of sdk.globalEnrichCalls) {
    if (evaluated.contains(call)) continue;
    const name = sdk.sdkExportOf(call.callee);
    const bound = tracerFor(call);
    if (!("tracer" in bound) || name === undefined) {
      markUnbound(call, "tracer" in bound ? [bound] : bound);
      continue;
    }
    const callee = unwrapExpression(call.callee) ?? call.callee;
    context.edits.replace(callee, `${bound.text}.${name}`);
    rewrittenEnrichments.push(callee.range);
  }
  removeUnusedEnrichmentImports(context, sdk, rewrittenEnrichments);
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
