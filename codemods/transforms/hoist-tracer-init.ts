// A tracer created per request, invocation, datapoint or item → one module-level lazy getter and a
// `createSession()` per unit of work (the seeds' "initialize once", "lazy-init outside the handler,
// reuse on warm starts"). The detection and the edits are the analysis core's
// `findTracerInitsPerCall` and `tracerInitFixes`, the same the rule `no-tracer-init-in-handler`
// reports and suggests; where the fix needs a person (options that read the request, evaluate()'s
// function, an OpenTelemetry pipeline) one review marker. A handler's call of an imported function that
// inits a tracer on every call (`await main()`, analysis/tracer-init.ts `importedTracerInitsInHandlers`)
// gets a marker at the call: the init to move is in the other module, which alone cannot tell.
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { CREATION_WORDS, tracerInitFixes } from "../../analysis/fixes/tracer-init.js";
import { importedTracerInitsInHandlers } from "../../analysis/tracer-init.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("hoist-tracer-init");

function collect({ file, edits }: TransformContext): void {
  // The module, not its line: other transforms of the same run may move the init's line.
  for (const { call, helper, fact } of importedTracerInitsInHandlers(file.input)) {
    const words = CREATION_WORDS[fact.api];
    addMarker(edits, file.text, call, `${helper}() ${words.creates} on every call (in ${fact.from.displayPath}) and runs per call of this handler: ${words.once} at module level there and reuse it.`);
  }
  const fixes = tracerInitFixes(file.input);
  if (fixes.length === 0) return;
  edits.edits.push(...editsOf(file.input, fixes.flatMap((entry) => (entry.fix ? [entry.fix] : []))));
  for (const entry of fixes) if (entry.marker) addMarker(edits, file.text, entry.marker.node, entry.marker.message);
}

export const hoistTracerInit: CodemodTransform = { meta, collect };
