// Every return path of a tracing serverless handler flushes the tracer, so spans leave before the
// runtime freezes or ends the instance. The analysis core decides which handlers trace and which
// already flush on every path (analysis/flush.ts, the same must-analysis the rule
// `require-force-flush-in-lambda` agrees with) and writes the fix in the form the platform
// recommends (analysis/fixes/flush.ts, the edits the rule's suggestion applies); this transform
// applies it, or leaves the core's review marker where a person must decide.
import { editsOf } from "../../analysis/fixes/finding-fix.js";
import { flushFix, shutdownFix } from "../../analysis/fixes/flush.js";
import { lambdaFlushOf, sharedShutdownsOf } from "../../analysis/flush.js";
import { getHandlerModel } from "../../analysis/handlers.js";
import { addMarker } from "../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("lambda-force-flush");

function collect({ file, edits }: TransformContext): void {
  // The core lists each function once, even when it is exported under several handler names.
  for (const handler of getHandlerModel(file.input).lambdaHandlers) {
    const flush = lambdaFlushOf(file.input, handler);
    if (!flush || !flush.traces) continue;
    // `await tracer.shutdown()` of a tracer (or OpenTelemetry provider) a warm instance reuses: its flush instead.
    for (const call of sharedShutdownsOf(file.input, flush)) {
      const found = shutdownFix(file.input, call);
      if (found?.marker) addMarker(edits, file.text, found.marker.node, found.marker.message);
      else if (found) edits.edits.push(...editsOf(file.input, [found.fix]));
    }
    if (flush.flushedOnEveryPath) continue;
    const found = flushFix(file.input, flush);
    if (found.marker) addMarker(edits, file.text, found.marker.node, found.marker.message);
    else edits.edits.push(...editsOf(file.input, [found.fix]));
  }
}

export const lambdaForceFlush: CodemodTransform = { meta, collect };

