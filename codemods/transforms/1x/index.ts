// The `1.x` set (`migrate --from 1`), by id; run order is ids.ts's TRANSFORMS_1X.
import type { CodemodTransform } from "../../engine/transform-api.js";
import type { Transform1xId } from "../ids.js";
import { init1x } from "./init.js";
import { flush1x } from "./flush.js";
import { traceWrappers1x } from "./trace-wrappers.js";
import { sessions1x } from "./sessions.js";
import { enrichment1x } from "./enrichment.js";
import { evaluate1x } from "./evaluate.js";

export const TRANSFORMS_1X_BY_ID = {
  "1x-init": init1x,
  "1x-flush": flush1x,
  "1x-trace-wrappers": traceWrappers1x,
  "1x-sessions": sessions1x,
  "1x-enrichment": enrichment1x,
  "1x-evaluate": evaluate1x,
} as const satisfies Record<Transform1xId, CodemodTransform>;
