// The fixes of `tracer-provider-for-instrumentors` findings (rule `tracer-provider-for-instrumentors`,
// transform `instrumentation-provider`): hand the file's HoneyHive tracer's provider to the
// instrumentation, in the form its API takes —
// - `registerInstrumentations({ instrumentations })` → `{ instrumentations, tracerProvider: tracer.provider }`;
// - OpenInference `new OpenAIInstrumentation()` → `new OpenAIInstrumentation({ tracerProvider: tracer.provider })`;
// - other instrumentations held in a variable: `instrumentation.setTracerProvider(tracer.provider);`
//   after the declaration;
// - AI SDK ≤ 6 `experimental_telemetry: { isEnabled: true }` → `{ isEnabled: true, tracer: tracer.provider.getTracer("ai") }`;
// - AI SDK 7 `registerTelemetry(new OpenTelemetry())` → `new OpenTelemetry({ tracer: tracer.provider.getTracer("gen_ai") })`
//   (@ai-sdk/otel); a `tracer` left in ai 7's telemetry settings, which it no longer reads, gets a marker.
// One tracer safe to write there: the fix. Several: one suggestion each, and a marker in the codemod.
// Set up above the module's `HoneyHiveTracer.init(…)`: the statement moves below the init (with the
// provider) when no code runs in between; otherwise a marker.
import type { TSESTree } from "@typescript-eslint/types";
import { indentationAt } from "../ast.js";
import { applyEdits, EditList, newlineOf } from "../edits.js";
import { findInstrumentationsWithoutProvider, isMovableBelow, providerOf, type InstrumentationFinding, type ProviderPlacement } from "../instrumentations.js";
import type { AnalysisInput } from "../input.js";
import type { TelemetryIntegration } from "../knowledge/instrumentations.js";
import { appendListElement, removeStatement } from "../rewrite.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";

/**
 * What the review markers of this fix say (fixtures spell these texts exactly). Kept beside the fix,
 * not in review-markers.ts, while other rules' markers are added there in parallel.
 */
export const INSTRUMENTATION_MARKERS = {
  /** `passed`: what the fix writes for the tracer (`tracer.provider`, or a tracer of it: `tracer.provider.getTracer("gen_ai")`). */
  beforeTracer: (label: string, tracer: string, passed = providerOf(tracer)) => `${label} runs before ${tracer} exists: move it below HoneyHiveTracer.init(…) and pass it ${passed}`,
  noTracer: (label: string) => `${label} gets no tracer provider, so its spans reach nothing: pass a HoneyHive tracer's provider (none is in scope here)`,
  pickProvider: (label: string, providers: readonly string[]) => `${label} gets no tracer provider, so its spans reach nothing: pass one of ${providers.join(", ")}`,
  /** AI SDK 7: `telemetry: { tracer }` is not read; the tracer goes to the integration (`new OpenTelemetry({ tracer })` of @ai-sdk/otel). */
  ignoredTracer: (label: string, option: string, integration: string) =>
    `${label}: AI SDK 7 no longer reads \`tracer\` in ${option}: remove it and pass the tracer to the telemetry integration where it is registered (${integration})`,
} as const;

export interface InstrumentationProviderFix {
  readonly finding: InstrumentationFinding;
  /** The autofix: exactly one tracer that is safe to write where the instrumentation is set up. */
  readonly fix: FindingFix | undefined;
  /** `beforeTracer`: the statement moved below the init, with the provider (what the codemod applies). */
  readonly move: FindingFix | undefined;
  /** Several tracers (or one unsafe to write there): one fix per tracer, for a person to pick. */
  readonly suggestions: readonly { readonly tracer: string; readonly fix: FindingFix }[];
  /** Where no fix is written: what the codemod's review marker says. */
  readonly marker: ReviewMarker | undefined;
}

/** The fix of every finding of `findInstrumentationsWithoutProvider`, in source order. */
export function instrumentationProviderFixes(input: AnalysisInput): readonly InstrumentationProviderFix[] {
  const findings = findInstrumentationsWithoutProvider(input);
  return findings.length === 0 ? NO_FIXES : findings.map((finding) => fixesOf(input, finding));
}

const NO_FIXES: readonly InstrumentationProviderFix[] = Object.freeze([]);

function fixesOf(input: AnalysisInput, finding: InstrumentationFinding): InstrumentationProviderFix {
  const none = { fix: undefined, move: undefined, suggestions: [], marker: undefined };
  const { placement, later, ignored } = finding;
  if (ignored) {
    return { ...none, finding, marker: { node: finding.node, message: INSTRUMENTATION_MARKERS.ignoredTracer(finding.label, ignored.option, integrationForm(ignored.integration)) } };
  }
  if (later) {
    const tracerText = later.tracer.referenceText ?? later.tracer.name;
    const move = placement && isMovableBelow(input, later.statement, later.initStatement) ? moveFix(input, later, placement, tracerText) : undefined;
    if (move) return { ...none, finding, move };
    return { ...none, finding, marker: { node: finding.node, message: INSTRUMENTATION_MARKERS.beforeTracer(finding.label, tracerText, finding.passes(tracerText)) } };
  }
  const safe = finding.candidates.filter((candidate) => candidate.safe);
  if (placement && safe.length === 1 && finding.candidates.length === 1) {
    return { ...none, finding, fix: fixFromEdits(providerEdits(input, placement, safe[0].text)) };
  }
  const suggestions = placement
    ? finding.candidates.map((candidate) => ({ tracer: candidate.text, fix: fixFromEdits(providerEdits(input, placement, candidate.text)) }))
    : [];
  return { ...none, finding, suggestions, marker: { node: finding.node, message: markerMessage(finding) } };
}

function markerMessage(finding: InstrumentationFinding): string {
  const names = finding.candidates.map((candidate) => finding.passes(candidate.text));
  if (names.length === 0) return INSTRUMENTATION_MARKERS.noTracer(finding.label);
  return INSTRUMENTATION_MARKERS.pickProvider(finding.label, names);
}

/** How an integration takes its tracer, as markers name it: `new OpenTelemetry({ tracer }) of @ai-sdk/otel`. */
export function integrationForm(integration: TelemetryIntegration): string {
  const { export: first } = integration.classes[0];
  return `new ${first.name}({ ${integration.tracerKey} }) of ${first.package}`;
}

/** The edits that give the setup `tracerText`'s provider. */
function providerEdits(input: AnalysisInput, placement: ProviderPlacement, tracerText: string): EditList {
  const edits = new EditList();
  const provider = providerOf(tracerText);
  switch (placement.kind) {
    case "property": {
      const { object } = placement;
      appendListElement(edits, input.text, object.properties, object.range[0], object.range[1] - 1, `${placement.key}: ${placement.value(tracerText)}`);
      break;
    }
    case "argument":
      // `new X()` or `new X` (no parentheses): the arguments go right after the callee.
      edits.replace([placement.expression.callee.range[1], placement.expression.range[1]], `({ ${placement.key}: ${placement.value(tracerText)} })`);
      break;
    case "statement": {
      const { after } = placement;
      const indent = indentationAt(input.text, after.range[0]);
      edits.insertAt(after.range[1], `${newlineOf(input.text)}${indent}${placement.variable}.setTracerProvider(${provider});`);
      break;
    }
  }
  return edits;
}

/** Removes the setup's statement and writes it, with the provider, on the line after the init's statement. */
function moveFix(input: AnalysisInput, later: NonNullable<InstrumentationFinding["later"]>, placement: ProviderPlacement, tracerText: string): FindingFix {
  const { statement, initStatement } = later;
  const { text } = input;
  const inner = providerEdits(input, placement, tracerText).edits;
  const [start, end] = statement.range;
  // A `setTracerProvider` line goes right after the statement: it is part of what moves.
  const tail = inner.filter((edit) => edit.start === end && edit.end === end);
  const within = inner.filter((edit) => !tail.includes(edit)).map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  const moved = applyEdits(text.slice(start, end), within) + tail.map((edit) => edit.text).join("");
  const edits = new EditList();
  removeStatement(edits, text, statement);
  const newline = newlineOf(text);
  edits.insertAt(lineEndAfter(text, initStatement), `${newline}${newline}${moved}`);
  return fixFromEdits(edits);
}

/** The end of the init statement's last line (after a trailing `// comment`), where a new line can start. */
function lineEndAfter(text: string, node: TSESTree.Node): number {
  const rest = /^[^\S\r\n]*(\/\/[^\r\n]*)?/.exec(text.slice(node.range[1]));
  return node.range[1] + (rest ? rest[0].length : 0);
}
