// The registry the engine runs: one module per transform id of ids.ts. Transform modules do not
// import the engine (their jscodeshift entries live in codemods/jscodeshift/), so there is no
// engine <-> transforms load cycle.
import type { CodemodTransform } from "../engine/transform-api.js";
import type { TransformId } from "./ids.js";
import { evaluateManagedTracer } from "./evaluate-managed-tracer.js";
import { explicitTracer } from "./explicit-tracer.js";
import { lambdaForceFlush } from "./lambda-force-flush.js";
import { lostSessionContext } from "./lost-session-context.js";
import { sessionStartToCreateSession } from "./session-start-to-create-session.js";
import { validateSessionId } from "./validate-session-id.js";
import { instrumentationProvider } from "./instrumentation-provider.js";
import { transform1xById } from "./1x/index.js";

export function transformById(id: TransformId): CodemodTransform {
  switch (id) {
    case "evaluate-managed-tracer":
      return evaluateManagedTracer;
    case "session-start-to-create-session":
      return sessionStartToCreateSession;
    case "lambda-force-flush":
      return lambdaForceFlush;
    case "explicit-tracer":
      return explicitTracer;
    case "validate-session-id":
      return validateSessionId;
    case "instrumentation-provider":
      return instrumentationProvider;
    case "lost-session-context":
      return lostSessionContext;
    default:
      return transform1xById(id);
  }
}
