import { runAsJscodeshift, type JscodeshiftFileInfo, type JscodeshiftOptions } from "../engine.js";
import type { CodemodTransform, TransformContext } from "../transform-api.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("evaluate-managed-tracer");

function collect(context: TransformContext): void {
  void context;
}

export const evaluateManagedTracer: CodemodTransform = { meta, collect };

export default function transform(file: JscodeshiftFileInfo, _api?: unknown, options?: JscodeshiftOptions): string {
  return runAsJscodeshift(meta.id, file, options);
}
