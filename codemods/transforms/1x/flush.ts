// 1.x → this SDK: flushing. `tracer.flush()` is OpenTelemetry's `forceFlush()` here. 1.x's static
// `HoneyHiveTracer.flush()` flushed the one global pipeline; here each tracer owns its pipeline, so it
// becomes the tracer's `forceFlush()` when exactly one tracer can be written there, else a marker
// (guessing a tracer could leave the one that holds the spans unflushed). A `.tracer.flush()` on another
// module's object whose facts do not say what it holds gets a marker too (`flush` is also a logger's).
import { flushesBeyondHolderFacts, soleTracerAt, staticCalls, tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { FLUSH_MEMBERS_1X, FLUSH_STATICS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { memberName } from "../../../analysis/ast.js";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";

export const meta = transformMeta("1x-flush");

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  for (const { call } of flushesBeyondHolderFacts(input, FLUSH_MEMBERS_1X)) addMarker(edits, text, call, MESSAGES_1X.flushBeyondFacts);
  if (!uses1xSdk(input)) return;
  for (const { callee } of tracerMethodCalls(input, FLUSH_MEMBERS_1X)) edits.replace(callee.property, "forceFlush");
  for (const { call, callee } of staticCalls(input, FLUSH_STATICS_1X)) {
    const tracer = soleTracerAt(input, call);
    if (tracer === undefined) addMarker(edits, text, call, MESSAGES_1X.staticFlush);
    else edits.replace(callee, `${tracer}.forceFlush`);
  }
  // `HoneyHiveTracer.flushPromise`: the static flush's internal promise.
  for (const member of nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression)) {
    if (memberName(member) === "flushPromise" && sdk.sdkExportOf(member.object) === "HoneyHiveTracer") addMarker(edits, text, member, MESSAGES_1X.flushPromise);
  }
}

export const flush1x: CodemodTransform = { meta, collect };

