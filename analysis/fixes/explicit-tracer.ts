// The fixes of `require-explicit-tracer` findings (rule `require-explicit-tracer`, transform
// `explicit-tracer`): bind the file's tracer where tracing or enrichment finds one implicitly.
// - `trace(fn)` → `trace({ tracer }, fn)`, `trace({ a }, fn)` → `trace({ a, tracer }, fn)`,
//   `@trace()` / `@trace` → `@trace({ tracer })`;
// - `enrichSpan(x)` → `tracer.enrichSpan(x)` (also `enrichSession`), and the SDK import of the global
//   function goes once no call of it is left (so `no-unused-vars` has nothing to say after `--fix`);
// - honeyhive 1.x (no `tracer` option exists there): `traceChain(fn)` → `tracer.traceChain(fn)`,
//   `traceFunction(opts)(fn)` → `tracer.traceFunction(opts)(fn)`, the tracer's own 1.x methods, and
//   the free wrapper's import goes the same way;
// - with exactly one tracer that is safe to write there: the fix; with several: one suggestion per
//   tracer (also for one that is unsafe to write here) and a review marker in the codemod.
import { EditList, rangeContains } from "../edits.js";
import { findImplicitTracerUses, type ImplicitTracerOptions, type ImplicitTracerUse } from "../implicit-tracer.js";
import type { AnalysisInput } from "../input.js";
import { appendListElement, isUnusedAfter } from "../rewrite.js";
import { moduleScopeVariables } from "../sdk-imports.js";
import { getSdkModel, memberMayBeUndefined } from "../sdk-model.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";
import { MARKER_MESSAGES } from "./review-markers.js";

export interface ExplicitTracerFix {
  readonly use: ImplicitTracerUse;
  /**
   * The autofix when one tracer is safe to write here. The enrichment calls whose rewriting leaves
   * their SDK import unused share ONE fix (every call and the import): applied call by call, the last
   * fix would remove the import while ESLint holds back an earlier call's overlapping fix.
   */
  readonly fix: FindingFix | undefined;
  /** Without an autofix: one fix per tracer in scope, for a person to pick. */
  readonly suggestions: readonly { readonly tracer: string; readonly fix: FindingFix }[];
  /** Where no fix is written: what the codemod's review marker says. */
  readonly marker: ReviewMarker | undefined;
}

/**
 * The fix of every implicit tracer use of the file (`findImplicitTracerUses`), in source order. Gathered by
 * `push`, not `uses.map()`: V8's optimized `map` returns a holey array where the interpreter's returns a packed
 * one, so `withEnrichmentImportsRemoved`'s array calls, compiled on the interpreter's arrays, were thrown away
 * each time this function ran optimized, and compiled again (a deopt loop on the 100%-SDK tree, bench/NOTES.md
 * perf-sdk-6).
 */
export function explicitTracerFixes(input: AnalysisInput, options?: ImplicitTracerOptions): ExplicitTracerFix[] {
  const fixes: ExplicitTracerFix[] = [];
  for (const use of findImplicitTracerUses(input, options)) {
    if (use.chosen) {
      fixes.push({ use, fix: bindingFix(input, use, use.chosen.text), suggestions: [], marker: undefined });
      continue;
    }
    const suggestions = use.candidates.flatMap((candidate) => {
      const fix = bindingFix(input, use, candidate.text);
      return fix ? [{ tracer: candidate.text, fix }] : [];
    });
    fixes.push({ use, fix: undefined, suggestions, marker: { node: use.reportNode, message: markerMessage(use) } });
  }
  return withEnrichmentImportsRemoved(input, fixes);
}

function markerMessage({ candidates, gettersToAwait }: ImplicitTracerUse): string {
  if (candidates.length === 0 && gettersToAwait.length > 0) return MARKER_MESSAGES.explicitTracerAwaitGetter(gettersToAwait);
  if (candidates.length === 0) return MARKER_MESSAGES.explicitTracerNone;
  if (candidates.length === 1) {
    const [{ tracer, text }] = candidates;
    // A member that may be undefined, written as it is (no accessor of the class returns it as a tracer: sdk-model).
    const optional = tracer.ownerClass !== undefined && text === tracer.referenceText && memberMayBeUndefined(tracer.ownerClass, tracer);
    return optional ? MARKER_MESSAGES.explicitTracerOptionalMember(text) : MARKER_MESSAGES.explicitTracerUnsafe(text);
  }
  return MARKER_MESSAGES.explicitTracerSeveral(candidates.map((candidate) => candidate.text));
}

/** `tracer` when the tracer is a variable called `tracer` (shorthand), else `tracer: <text>`. */
function tracerProperty(tracerText: string): string {
  return tracerText === "tracer" ? "tracer" : `tracer: ${tracerText}`;
}

/** The edits that make `use` name `tracerText`; undefined for a shape that cannot be written. */
function bindingFix(input: AnalysisInput, use: ImplicitTracerUse, tracerText: string): FindingFix | undefined {
  const edits = new EditList();
  // Enrichment and 1.x wrappers: the tracer's method of the same name.
  if (use.callee) {
    edits.replace(use.callee, `${tracerText}.${use.name}`);
    return fixFromEdits(edits);
  }
  if (use.kind !== "trace") return undefined;
  const property = tracerProperty(tracerText);
  const node = use.node;
  const options = use.traceUse?.options;
  if (node.type !== "CallExpression") {
    // `@trace` → `@trace({ tracer })`
    edits.insertAfter(node, `({ ${property} })`);
  } else if (options) {
    appendListElement(edits, input.text, options.properties, options.range[0], options.range[1] - 1, property);
  } else if (node.arguments[0]) {
    edits.insertBefore(node.arguments[0], `{ ${property} }, `);
  } else {
    // `@trace()`: the parentheses are the call's last characters.
    edits.insertAt(node.range[1] - 1, `{ ${property} }`);
  }
  return fixFromEdits(edits);
}

/**
 * The SDK imports of the free functions rewritten to tracer methods (`enrichSpan`, `enrichSession`,
 * the 1.x wrappers) whose every call gets an autofix go with those fixes: the calls of all such
 * imports and their removal become one fix, shared by their findings. (One fix for all of them, not
 * one per import: two names of one import statement are removed by one edit of it.)
 */
function withEnrichmentImportsRemoved(input: AnalysisInput, fixes: readonly ExplicitTracerFix[]): ExplicitTracerFix[] {
  const rewritten = fixes.filter((entry) => entry.fix && entry.use.callee);
  if (rewritten.length === 0) return [...fixes];
  const sdk = getSdkModel(input);
  const rewrittenNames = new Set(rewritten.map(({ use }) => use.name));
  const rewrittenRanges = rewritten.map(({ use }) => use.callee!.range);
  const removable = moduleScopeVariables(input).filter((variable) => {
    const identifier = variable.identifiers[0];
    const exported = identifier && sdk.sdkExportOf(identifier);
    return exported !== undefined && rewrittenNames.has(exported) && variable.references.length > 0 && isUnusedAfter(variable, rewrittenRanges);
  });
  if (removable.length === 0) return [...fixes];
  const group = new Set(
    rewritten.filter(({ use }) => removable.some((variable) => variable.references.some((reference) => !reference.init && rangeContains(use.callee!, reference.identifier)))),
  );
  const shared: FindingFix = { edits: [...group].flatMap((entry) => entry.fix!.edits), imports: { remove: removable } };
  return fixes.map((entry) => (group.has(entry) ? { ...entry, fix: shared } : entry));
}
