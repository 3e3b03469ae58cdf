import type { TransformMeta } from "../engine/transform-api.js";
import { ALL_TRANSFORMS, type TransformId } from "./ids.js";

/** The metadata of a transform as ids.ts declares it (one source for the CLI's `--list` and the modules). */
export function transformMeta(id: TransformId): TransformMeta {
  const found = ALL_TRANSFORMS.find((transform) => transform.id === id);
  if (!found) throw new Error(`unknown transform ${id}`);
  return { id: found.id, title: found.title, description: found.description };
}
