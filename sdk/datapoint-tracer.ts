// What evaluate() needs from the core: one tracer per datapoint whose session is linked to the run.
// evaluate() runs the datapoint under withEvaluationTracer() (evaluation-context.ts) so that implicit
// trace() inside the evaluated function records into exactly this tracer.
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
