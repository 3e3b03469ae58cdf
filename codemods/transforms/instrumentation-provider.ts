// Instrumentations that cannot reach HoneyHive get the tracer's provider (the rule
// `tracer-provider-for-instrumentors` finds the same places through `findInstrumentationsWithoutProvider`):
// the provider written in the form the instrumentation's API takes when exactly one tracer is safe to
// write there; a setup above `HoneyHiveTracer.init(…)` moved below it when no code runs in between;
// otherwise a review marker. The edits are `instrumentationProviderFixes`, the ones the rule's fix
// and suggestions apply.
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { instrumentationProviderFixes } from "../../analysis/fixes/instrumentation-provider.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("instrumentation-provider");

function collect({ file, edits }: TransformContext): void {
  const found = instrumentationProviderFixes(file.input);
  for (const { marker } of found) if (marker) addMarker(edits, file.text, marker.node, marker.message);
  edits.edits.push(...editsOf(file.input, found.flatMap(({ fix, move }) => (fix ? [fix] : move ? [move] : []))));
}

export const instrumentationProvider: CodemodTransform = { meta, collect };
