// Binds implicit tracing to the file's tracer: `trace(…)` / `@trace(…)` get `tracer: <name>`, the global
// `enrichSpan()` / `enrichSession()` become `<name>.enrichSpan()` / `<name>.enrichSession()` (and their
// import goes when no call is left), when exactly one tracer can safely be written there; otherwise a
// review marker. The places are the analysis core's `findImplicitTracerUses`, what the rule
// `require-explicit-tracer` reports (never inside code evaluate() runs, where the implicit tracer is
// the right one); the edits are `explicitTracerFixes`, the ones the rule's autofix applies.
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { explicitTracerFixes } from "../../analysis/fixes/explicit-tracer.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("explicit-tracer");

function collect({ file, edits, run }: TransformContext): void {
  const found = explicitTracerFixes(file.input, { removedTracers: run.removedTracers });
  for (const { marker } of found) if (marker) addMarker(edits, file.text, marker.node, marker.message);
  edits.edits.push(...editsOf(file.input, found.flatMap(({ fix }) => (fix ? [fix] : []))));
}

export const explicitTracer: CodemodTransform = { meta, collect };

