// What evaluate() needs from the core: one tracer per datapoint whose session is linked to the run,
// and a way to run the evaluated function so that implicit trace() inside it records into exactly
// that tracer and session, even when evaluate() itself runs inside a request with its own session.
import { context } from "@opentelemetry/api";
import { withEvaluationTracer } from "./evaluation-context.js";
import { setSessionInContext } from "./session-context.js";
import { createTracer, type HoneyHiveTracer, type TracerCreation } from "./tracer.js";
import type { TracerOptions } from "./types.js";

export interface DatapointTracerOptions extends TracerOptions {
  runId: string;
  datapointId?: string;
  datasetId?: string;
  /** For tests: replaces the OTLP exporter. */
  exporter?: TracerCreation["exporter"];
}

/**
 * A tracer for one datapoint: its startup session carries `run_id` (and `datapoint_id`, `dataset_id`)
 * in its metadata. It never becomes the default tracer, so it cannot capture other code's spans.
 */
export function initDatapointTracer(options: DatapointTracerOptions): HoneyHiveTracer {
  const { runId, datapointId, datasetId, exporter, ...tracerOptions } = options;
  const linkage: Record<string, unknown> = { run_id: runId };
  if (datapointId !== undefined) linkage.datapoint_id = datapointId;
  if (datasetId !== undefined) linkage.dataset_id = datasetId;
  return createTracer(
    { ...tracerOptions, sessionMetadata: { ...tracerOptions.sessionMetadata, ...linkage } },
    { becomeDefault: false, exporter },
  );
}

/**
 * Runs `fn` as the datapoint: the tracer is the evaluation tracer of the context (implicit trace()
 * finds it) and its session is the context's baggage session (spans cannot inherit an outer session).
 */
export function runWithDatapointTracer<T>(tracer: HoneyHiveTracer, fn: () => T): T {
  const sessionId = tracer.sessionId;
  const ctx = sessionId ? setSessionInContext(context.active(), sessionId) : context.active();
  return context.with(ctx, () => withEvaluationTracer(tracer, fn));
}
