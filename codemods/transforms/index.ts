// The registry the engine runs: one module per transform id of ids.ts.
import type { CodemodTransform } from "../transform-api.js";
import type { TransformId } from "./ids.js";
import { evaluateManagedTracer } from "./evaluate-managed-tracer.js";
import { explicitTracer } from "./explicit-tracer.js";
import { lambdaForceFlush } from "./lambda-force-flush.js";
import { sessionStartToCreateSession } from "./session-start-to-create-session.js";

export const TRANSFORMS_BY_ID: Readonly<Record<TransformId, CodemodTransform>> = {
  "evaluate-managed-tracer": evaluateManagedTracer,
  "session-start-to-create-session": sessionStartToCreateSession,
  "lambda-force-flush": lambdaForceFlush,
  "explicit-tracer": explicitTracer,
};
