// The experiment calls of the HoneyHive REST API: a run is created before the first datapoint and
// completed with every datapoint's session after the last; a dataset can be fetched by id. They go
// through the SDK's one BackendClient (auth, timeout, key-free errors), so nothing here handles HTTP.
import type { BackendClient } from "../backend.js";
import { describeType } from "../config.js";
import { redact } from "../logger.js";

/**
 * The largest dataset answer read. Datasets are the application's own data and easily pass the 1 MB
 * every other answer is capped at (a dataset of a few thousand RAG datapoints did), so they get more;
 * still bounded, so a backend streaming without end fails the fetch at once rather than exhausting memory.
 */
export const MAX_DATASET_RESPONSE_BYTES = 64 * 1024 * 1024;

export type RunStatus = "running" | "completed" | "failed";

/** A datapoint of a dataset stored in HoneyHive, as `GET /datapoints` returns it. */
interface StoredDatapoint {
  id?: unknown;
  inputs?: Record<string, unknown>;
  ground_truth?: unknown;
}

export interface FetchedDatapoint {
  id: string | undefined;
  inputs: Record<string, unknown>;
  groundTruth: unknown;
}

/** Raised when the run cannot be created or the dataset cannot be fetched: evaluate() cannot proceed. */
export class ExperimentApiError extends Error {
  constructor(message: string) {
    // Redacted here, whatever the message quotes (the REST client's reason, a dataset id): the
    // application holds, prints and reports this error, and no secret may be in it.
    super(redact(message));
    this.name = "ExperimentApiError";
  }
}

export interface CreateRunRequest {
  project: string;
  name: string;
  datasetId?: string;
  metadata?: Record<string, unknown>;
}

export async function createRun(client: BackendClient, run: CreateRunRequest): Promise<string> {
  const result = await client.post<{ run_id?: unknown }>("/runs", {
    project: run.project,
    name: run.name,
    ...(run.datasetId === undefined ? {} : { dataset_id: run.datasetId }),
    event_ids: [],
    status: "running" satisfies RunStatus,
    ...(run.metadata === undefined ? {} : { metadata: run.metadata }),
  });
  if (!result.ok) throw new ExperimentApiError(`evaluate(): could not create the run: ${result.error}`);
  const runId = result.body?.run_id;
  if (typeof runId !== "string" || runId === "") {
    throw new ExperimentApiError("evaluate(): the HoneyHive API answered POST /runs without a run_id");
  }
  return runId;
}

/** Marks the run finished with its sessions. Resolves false (after the client's warning) when it fails. */
export async function completeRun(client: BackendClient, runId: string, eventIds: string[], status: RunStatus): Promise<boolean> {
  const result = await client.put(`/runs/${encodeURIComponent(runId)}`, { event_ids: eventIds, status });
  return result.ok;
}

export async function fetchDataset(client: BackendClient, datasetId: string): Promise<FetchedDatapoint[]> {
  const result = await client.get<{ datapoints?: unknown }>(`/datapoints?dataset_id=${encodeURIComponent(datasetId)}`, {
    maxResponseBytes: MAX_DATASET_RESPONSE_BYTES,
  });
  if (!result.ok) throw new ExperimentApiError(`evaluate(): could not fetch dataset ${datasetId}: ${result.error}`);
  const datapoints = result.body?.datapoints;
  if (!Array.isArray(datapoints)) {
    throw new ExperimentApiError(`evaluate(): the HoneyHive API answered GET /datapoints without a datapoints array`);
  }
  // A wrong-shape answer is the backend's fault, reported as such (not a TypeError from inside the SDK).
  const invalid = datapoints.findIndex((datapoint) => typeof datapoint !== "object" || datapoint === null || Array.isArray(datapoint));
  if (invalid !== -1) {
    throw new ExperimentApiError(`evaluate(): the HoneyHive API answered GET /datapoints with datapoints[${invalid}] that is not an object`);
  }
  // The id becomes DatapointResult.datapointId and the session's `datapoint_id`: a string or nothing
  // (review-sdk4: `{ id: { $oid: "…" } }` or `{ id: 7 }` went through as typed `string`).
  const badId = datapoints.findIndex((datapoint: StoredDatapoint) => datapoint.id != null && typeof datapoint.id !== "string");
  if (badId !== -1) {
    throw new ExperimentApiError(
      `evaluate(): the HoneyHive API answered GET /datapoints with datapoints[${badId}].id that is not a string (${describeType(datapoints[badId].id)})`,
    );
  }
  return (datapoints as StoredDatapoint[]).map((datapoint) => ({
    id: (datapoint.id ?? undefined) as string | undefined,
    inputs: datapoint.inputs ?? {},
    groundTruth: datapoint.ground_truth,
  }));
}

