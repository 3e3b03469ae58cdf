// The `1.x` set (`migrate --from 1`), by id; run order is ids.ts's TRANSFORMS_1X.
import type { CodemodTransform } from "../../engine/transform-api.js";
import type { Transform1xId } from "../ids.js";
import { enrichment1x } from "./enrichment.js";
import { evaluate1x } from "./evaluate.js";
import { flush1x } from "./flush.js";
import { init1x } from "./init.js";
import { names1x } from "./names.js";
import { sessions1x } from "./sessions.js";
import { traceWrappers1x } from "./trace-wrappers.js";

export function transform1xById(id: Transform1xId): CodemodTransform {
  switch (id) {
    case "1x-init":
      return init1x;
    case "1x-flush":
      return flush1x;
    case "1x-trace-wrappers":
      return traceWrappers1x;
    case "1x-sessions":
      return sessions1x;
    case "1x-enrichment":
      return enrichment1x;
    case "1x-evaluate":
      return evaluate1x;
    case "1x-names":
      return names1x;
  }
}
