// evaluate() runs a function over a dataset as one experiment run. Every datapoint gets its own
// tracer and its own session (linked to the run through `run_id` metadata), and the function runs
// with that tracer in the OpenTelemetry context, so implicit trace() inside it records into the
// datapoint's session even while other datapoints run concurrently. This is why the seeds say not to
// initialize a tracer of your own next to evaluate().
import { randomUUID } from "node:crypto";
import { BackendClient } from "../backend.js";
import { MAX_TIMER_MS, describeType, readEach, resolveConfig, type ResolvedConfig } from "../config.js";
import { initDatapointTracer } from "../datapoint-tracer.js";
import { finalFlush, heldSpansBound } from "../tracer.js";
import { withEvaluationTracer } from "../evaluation-context.js";
import { createLogger, describeError, quote, registerSecret, serverOrigin, type Logger } from "../logger.js";
import { ROOT_CONTEXT, context } from "../otel-api.js";
import { isPlainObject, toRequestBody } from "../serialize.js";
import {
  nameEvaluators,
  runEvaluators,
  summarizeMetrics,
  type Evaluator,
  type EvaluatorResult,
  type Evaluators,
  type MetricSummary,
} from "./metrics.js";
import { RunOutageMemory } from "./outage-memory.js";
import { runPool } from "./pool.js";
import { completeRun, createRun, fetchDataset } from "./runs-api.js";

export const DEFAULT_MAX_CONCURRENCY = 10;
/** How long one datapoint (its function and evaluators) may run before it is recorded as timed out. */
export const DEFAULT_DATAPOINT_TIMEOUT_MS = 300_000;

/** One input of the experiment; the evaluated function is called with it. */
export interface Datapoint<Inputs = Record<string, unknown>, GroundTruth = unknown> {
  inputs: Inputs;
  groundTruth?: GroundTruth;
  /** The id of the stored datapoint, when the dataset came from HoneyHive (`datasetId`). */
  id?: string;
}

export interface EvaluateOptions<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown> {
  /** The code under test, called once per datapoint with `{ inputs, groundTruth }`. */
  function: (datapoint: Datapoint<Inputs, GroundTruth>) => Output | Promise<Output>;
  /** The datapoints, given inline. Exactly one of `dataset` and `datasetId`. */
  dataset?: Datapoint<Inputs, GroundTruth>[];
  /** A dataset stored in HoneyHive, fetched with `GET /datapoints`. Exactly one of `dataset` and `datasetId`. */
  datasetId?: string;
  /** Scorers run concurrently on each output; a list (named after each function) or a record (named by key). */
  evaluators?: Evaluators<Inputs, Awaited<Output>, GroundTruth>;
  /** The run's name in HoneyHive. Default: `experiment-<ISO timestamp>`. */
  name?: string;
  /** Fallback: `HH_API_KEY`. Required unless in test mode. */
  apiKey?: string;
  /** Fallback: `HH_PROJECT`. */
  project?: string;
  /** Fallback: `HH_API_URL`, then `https://api.honeyhive.ai`. */
  serverUrl?: string;
  /**
   * Total deadline in ms of each call to the HoneyHive API (the dataset, the run, a datapoint's
   * session and spans), retries included; also bounds each datapoint's final flush. Default 10000.
   */
  timeoutMs?: number;
  /** How many datapoints run at once (a pool: the next starts when any finishes). Default 10. */
  maxConcurrency?: number;
  /**
   * Most time in ms one datapoint's function and evaluators may take; a datapoint still running then
   * is recorded with a timeout error and the run goes on (its function is not cancelled, and what it
   * does afterwards is not recorded). Default 300000 (5 minutes); `Infinity` waits forever.
   */
  datapointTimeoutMs?: number;
  /** No network: the run id is generated locally and spans stay in memory. Fallback: `HH_TEST_MODE`. */
  testMode?: boolean;
  /** Recorded on the run. */
  metadata?: Record<string, unknown>;
}

export interface DatapointResult<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown> {
  /** Position in the dataset; `results` is in dataset order. */
  index: number;
  /** The stored datapoint's id, when there is one. */
  datapointId: string | undefined;
  /** The datapoint's own session, linked to the run. */
  sessionId: string;
  inputs: Inputs;
  groundTruth: GroundTruth | undefined;
  /** What the function returned (resolved); `undefined` when it threw. */
  output: Awaited<Output> | undefined;
  /** Evaluator name → what it returned. */
  metrics: Record<string, EvaluatorResult>;
  /** Why the datapoint (the function or an evaluator) failed; absent when it did not. */
  error?: string;
}

export interface EvaluationResult<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown> {
  runId: string;
  name: string;
  results: DatapointResult<Inputs, Output, GroundTruth>[];
  /** Per metric over all datapoints: numbers as count/mean/min/max, booleans as a pass rate. */
  summary: Record<string, MetricSummary>;
}

/** Options that cannot work; the message says what to pass instead. */
export class EvaluateOptionsError extends TypeError {
  /** `cause`: the error reading an option threw (a getter, a Proxy's trap), kept for the stack. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(`evaluate(): ${message}`, options);
    this.name = "EvaluateOptionsError";
  }
}

/** Every option, so that validate() reads each exactly once; typed, so that a new option cannot be left out. */
const OPTION_NAMES = Object.keys({
  function: true,
  dataset: true,
  datasetId: true,
  evaluators: true,
  name: true,
  apiKey: true,
  project: true,
  serverUrl: true,
  timeoutMs: true,
  maxConcurrency: true,
  datapointTimeoutMs: true,
  testMode: true,
  metadata: true,
} satisfies Record<keyof EvaluateOptions, true>) as (keyof EvaluateOptions)[];

/**
 * The options as plain values, each read once. A getter or a Proxy trap that throws rejected evaluate()
 * with its own error, far from the option (gaps-sdk-6; `function`, `evaluators`); it is a configuration
 * error, said as one with the cause kept. Read once, an option cannot say one thing to the checks and
 * another to the run (a getter returning a new value each time).
 */
function readOptions<Inputs, Output, GroundTruth>(options: EvaluateOptions<Inputs, Output, GroundTruth>): EvaluateOptions<Inputs, Output, GroundTruth> {
  return readEach(options, OPTION_NAMES, (name, error) => {
    throw new EvaluateOptionsError(`option \`${name}\` could not be read: ${describeError(error)}`, { cause: error });
  }) as EvaluateOptions<Inputs, Output, GroundTruth>;
}

interface ValidatedOptions<Inputs, Output, GroundTruth> {
  options: EvaluateOptions<Inputs, Output, GroundTruth>;
  config: ResolvedConfig;
  name: string;
  maxConcurrency: number;
  datapointTimeoutMs: number;
  evaluators: [string, Evaluator<Inputs, Awaited<Output>, GroundTruth>][];
}

/**
 * A wrong option's value for its message: a number as it is, anything else by its type, never quoted
 * (a key passed in the wrong place would be printed; String() of an object whose toString() throws threw
 * from evaluate()).
 */
function printable(value: unknown): string {
  return typeof value === "number" ? String(value) : describeType(value);
}

function validate<Inputs, Output, GroundTruth>(
  given: EvaluateOptions<Inputs, Output, GroundTruth>,
): ValidatedOptions<Inputs, Output, GroundTruth> {
  if (typeof given !== "object" || given === null) throw new EvaluateOptionsError("options are required");
  const options = readOptions(given);
  if (typeof options.function !== "function") {
    throw new EvaluateOptionsError("`function` is required: the function to run on every datapoint");
  }
  const hasDataset = options.dataset !== undefined;
  const hasDatasetId = options.datasetId !== undefined;
  if (hasDataset && hasDatasetId) throw new EvaluateOptionsError("pass either `dataset` or `datasetId`, not both");
  if (!hasDataset && !hasDatasetId) {
    throw new EvaluateOptionsError("pass `dataset` (an array of { inputs, groundTruth }) or `datasetId` (a dataset in HoneyHive)");
  }
  // A copy: the dataset the checks saw is the one that runs.
  let datapoints: Datapoint<Inputs, GroundTruth>[] = [];
  if (hasDataset) {
    // A revoked Proxy or one whose traps throw is refused as an option, never with the trap's own error.
    try {
      datapoints = Array.isArray(options.dataset) ? Array.from(options.dataset) : [];
    } catch (error) {
      throw new EvaluateOptionsError(`\`dataset\` could not be read: ${describeError(error)}`, { cause: error });
    }
    if (!Array.isArray(options.dataset)) throw new EvaluateOptionsError("`dataset` must be an array of { inputs, groundTruth }");
    datapoints.forEach((datapoint, index) => {
      if (typeof datapoint !== "object" || datapoint === null) {
        throw new EvaluateOptionsError(`dataset[${index}] must be an object { inputs, groundTruth }`);
      }
    });
  }
  if (hasDatasetId && (typeof options.datasetId !== "string" || options.datasetId === "")) {
    throw new EvaluateOptionsError("`datasetId` must be a non-empty string");
  }
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new EvaluateOptionsError(`\`maxConcurrency\` must be a positive integer, got ${printable(options.maxConcurrency)}`);
  }
  const datapointTimeoutMs = options.datapointTimeoutMs ?? DEFAULT_DATAPOINT_TIMEOUT_MS;
  if (typeof datapointTimeoutMs !== "number" || !(datapointTimeoutMs > 0)) {
    throw new EvaluateOptionsError(
      `\`datapointTimeoutMs\` must be a positive number of milliseconds (or Infinity), got ${printable(options.datapointTimeoutMs)}`,
    );
  }
  let evaluators: [string, Evaluator<Inputs, Awaited<Output>, GroundTruth>][];
  try {
    evaluators = nameEvaluators<Evaluator<Inputs, Awaited<Output>, GroundTruth>>(options.evaluators);
  } catch (error) {
    // A Proxy whose traps throw, a revoked one, an evaluator whose `name` getter throws.
    throw new EvaluateOptionsError(`\`evaluators\` could not be read: ${describeError(error)}`, { cause: error });
  }
  for (const [name, evaluator] of evaluators) {
    if (typeof evaluator !== "function") throw new EvaluateOptionsError(`evaluator ${name} is not a function`);
  }
  const config = resolveConfig({
    apiKey: options.apiKey,
    project: options.project,
    serverUrl: options.serverUrl,
    testMode: options.testMode,
    timeoutMs: options.timeoutMs,
  });
  // A wrong type or an unusable serverUrl would otherwise fail later, deep inside (or silently).
  const [problem] = config.problems.filter((found) => !(found.networkOnly && config.testMode));
  if (problem) throw new EvaluateOptionsError(problem.message.replace(/; (ignored|nothing is sent)$/, ""));
  if (options.name !== undefined && typeof options.name !== "string") {
    throw new EvaluateOptionsError(`\`name\` must be a string (got ${typeof options.name})`);
  }
  if (!config.testMode && !config.apiKey) {
    throw new EvaluateOptionsError("no API key: pass `apiKey` or set HH_API_KEY (or run with `testMode: true`)");
  }
  if (config.testMode && hasDatasetId) {
    throw new EvaluateOptionsError("`datasetId` needs the HoneyHive API, which test mode does not call; pass `dataset` instead");
  }
  const name = options.name || `experiment-${new Date().toISOString()}`;
  // `this` stays the caller's options object, as when the SDK called `options.function(datapoint)`.
  const run = options.function;
  options.function = (datapoint) => run.call(given, datapoint);
  if (hasDataset) options.dataset = datapoints;
  return { options, config, name, maxConcurrency, datapointTimeoutMs, evaluators };
}

/**
 * The datapoint as the function receives it: `{ inputs, groundTruth }`, plus `id` when stored in
 * HoneyHive. A datapoint whose fields cannot be read (a getter that throws, a Proxy whose traps throw,
 * a revoked one) gets `unreadable` instead: it is recorded with that error and its function is not run
 * (gaps-sdk-5: the trap's error rejected evaluate()).
 */
function normalizeDatapoint<Inputs, GroundTruth>(datapoint: Datapoint<Inputs, GroundTruth>): PreparedDatapoint<Inputs, GroundTruth> {
  try {
    // Datasets written for the Python SDK spell it ground_truth; accept both.
    const groundTruth = datapoint.groundTruth ?? (datapoint as { ground_truth?: GroundTruth }).ground_truth;
    const inputs = datapoint.inputs ?? ({} as Inputs);
    const id = datapoint.id;
    return id === undefined ? { inputs, groundTruth } : { id, inputs, groundTruth };
  } catch (error) {
    return { inputs: {} as Inputs, groundTruth: undefined, unreadable: `the datapoint could not be read: ${describeError(error)}` };
  }
}

type PreparedDatapoint<Inputs, GroundTruth> = Datapoint<Inputs, GroundTruth> & { unreadable?: string };

/** Session outputs are a record in HoneyHive; a function returning something else is recorded under `output`. */
function outputsRecord(output: unknown): Record<string, unknown> {
  return isPlainObject(output) ? (output as Record<string, unknown>) : { output };
}

interface DatapointOutcome<Output> {
  output: Output | undefined;
  metrics: Record<string, EvaluatorResult>;
  errors: string[];
}

/**
 * The value of `work`, or undefined once `timeoutMs` passed. The timer is not unref'd on purpose: while
 * a datapoint hangs on a promise that nothing will settle, it is what keeps the process (and the
 * `await evaluate()`) alive until the deadline.
 */
function withinDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  // Beyond what a timer can hold (about 24.8 days) is as good as forever; armed, it would fire at once.
  if (timeoutMs > MAX_TIMER_MS) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Once per process, server and status: the backend refused a datapoint's spans or session (the run
 * itself was accepted). Every later datapoint would be refused the same way, so it is said once, with
 * what to check; never the key. The server is its origin, in the key and in the line: keyed by the
 * whole `serverUrl`, two spellings of one server (a trailing path, a `?token=` that changes) warned
 * twice, and the key held the URL's credentials (gaps-sdk-6).
 */
function warnRefused(logger: Logger, config: ResolvedConfig, status: number): void {
  const why =
    status === 401
      ? "the API key was not accepted: check apiKey or HH_API_KEY"
      : status === 403
        ? `the API key may not write to project ${quote(config.project)}: check the key and the project`
        : "the backend rejected the request";
  const server = serverOrigin(config.serverUrl) ?? "";
  logger.warnOnce(
    `evaluate-refused:${server}:${status}`,
    `evaluate(): HoneyHive refused a datapoint's spans or session with HTTP ${status} (${why}${server === "" ? "" : `; server ${server}`}). ` +
      "The run goes on, but what the backend refuses is not recorded, and later datapoints will be refused the same way.",
  );
}

/** The run's metadata, safe to send (a BigInt or a cycle must not keep the run from being created). */
function runMetadata(metadata: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (metadata === undefined) return undefined;
  const safe = toRequestBody(metadata);
  return isPlainObject(safe) ? safe : { metadata: safe };
}

/**
 * Runs `options.function` on every datapoint (at most `maxConcurrency` at once), scores each output
 * with the evaluators, and records everything in HoneyHive as one run. A datapoint whose function or
 * evaluator throws is recorded with its error and does not stop the others. Rejects only on invalid
 * options, or when the run cannot be created or the dataset cannot be fetched.
 */
export async function evaluate<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown>(
  options: EvaluateOptions<Inputs, Output, GroundTruth>,
): Promise<EvaluationResult<Inputs, Output, GroundTruth>> {
  // From here on, the options as validate() read them (each once), never the caller's object again.
  const { options: read, config, name, maxConcurrency, datapointTimeoutMs, evaluators } = validate(options);
  registerSecret(config.apiKey);
  const logger = createLogger(config.verbose);
  const client = config.testMode
    ? undefined
    : new BackendClient({ serverUrl: config.serverUrl, apiKey: config.apiKey!, timeoutMs: config.timeoutMs, logger });

  try {
    return await runExperiment(read, { config, name, maxConcurrency, datapointTimeoutMs, evaluators }, client, logger);
  } finally {
    // The run's connections are not needed any more, also when the dataset or the run could not be
    // had: close them rather than leave the pool open.
    client?.close();
  }
}

async function runExperiment<Inputs, Output, GroundTruth>(
  options: EvaluateOptions<Inputs, Output, GroundTruth>,
  { config, name, maxConcurrency, datapointTimeoutMs, evaluators }: Omit<ValidatedOptions<Inputs, Output, GroundTruth>, "options">,
  client: BackendClient | undefined,
  logger: Logger,
): Promise<EvaluationResult<Inputs, Output, GroundTruth>> {
  const dataset: PreparedDatapoint<Inputs, GroundTruth>[] =
    options.datasetId === undefined
      ? options.dataset!.map(normalizeDatapoint)
      : (await fetchDataset(client!, options.datasetId)).map((datapoint) =>
          normalizeDatapoint(datapoint as Datapoint<Inputs, GroundTruth>),
        );

  const runId = client
    ? await createRun(client, { project: config.project, name, datasetId: options.datasetId, metadata: runMetadata(options.metadata) })
    : randomUUID();

  const runDatapoint = async (index: number): Promise<DatapointResult<Inputs, Output, GroundTruth>> => {
    const datapoint = dataset[index];
    const { inputs } = datapoint;
    const tracer = initDatapointTracer({
      apiKey: config.apiKey,
      project: config.project,
      serverUrl: config.serverUrl,
      testMode: config.testMode,
      timeoutMs: config.timeoutMs,
      source: "evaluation",
      sessionName: name,
      sessionInputs: isPlainObject(inputs) ? (inputs as Record<string, unknown>) : { inputs },
      sessionMetadata: { datapoint_index: index },
      runId,
      datapointId: datapoint.id,
      datasetId: options.datasetId,
    });
    // A tracer made with a key or in test mode always has its session; the fallback keeps the type honest.
    const sessionId = tracer.sessionId ?? randomUUID();
    const result: DatapointResult<Inputs, Output, GroundTruth> = {
      index,
      datapointId: datapoint.id,
      sessionId,
      inputs,
      groundTruth: datapoint.groundTruth,
      output: undefined,
      metrics: {},
    };
    // From ROOT_CONTEXT: no span or baggage session of the caller (evaluate() called inside a traced
    // request) leaks into the datapoint. The datapoint's session is its tracer's instance session, not
    // a baggage entry, on purpose: a baggage session would also be taken by any *other* tracer, hiding
    // the bug of a module-level tracer bound to the evaluated function (every datapoint in one session),
    // which the seeds describe and the `no-global-tracer-with-evaluate` rule reports.
    const inDatapointContext = <T>(fn: () => Promise<T>): Promise<T> =>
      context.with(ROOT_CONTEXT, () => withEvaluationTracer(tracer, fn));
    const scoreDatapoint = async (): Promise<DatapointOutcome<Awaited<Output>>> => {
      if (datapoint.unreadable !== undefined) return { output: undefined, metrics: {}, errors: [datapoint.unreadable] };
      let output: Awaited<Output> | undefined;
      try {
        output = await inDatapointContext(async () => (await options.function(datapoint)) as Awaited<Output>);
      } catch (error) {
        return { output, metrics: {}, errors: [`function threw: ${describeError(error)}`] };
      }
      if (evaluators.length === 0) return { output, metrics: {}, errors: [] };
      const { metrics, errors } = await inDatapointContext(() => runEvaluators(evaluators, output!, inputs, datapoint.groundTruth));
      return { output, metrics, errors };
    };
    // What the datapoint does after its deadline is dropped: `result` is only written from an outcome in time.
    const outcome = await withinDeadline(scoreDatapoint(), datapointTimeoutMs);
    const errors = outcome ? outcome.errors : [`timed out after ${datapointTimeoutMs} ms (datapointTimeoutMs)`];
    if (outcome) {
      result.output = outcome.output;
      result.metrics = outcome.metrics;
    }
    if (errors.length > 0) result.error = errors.join("; ");
    // Each datapoint's tracer flushes with its own full deadline, one for its flush and its shutdown
    // together (it was forceFlush(t) then shutdown(t), up to 2 × t); the run only decides whether the
    // slot waits for it (outage-memory.ts).
    await outages.finish(async () => {
      // Whatever the datapoint's values do, the tracer is flushed and shut down: the enrichment is built
      // from the application's values, and when building it threw, the final flush was skipped, the
      // tracer left open and the datapoint counted as an outage (review-sdk4; before gaps-sdk-4 a
      // `finally` shut it down).
      try {
        tracer.enrichSession({
          sessionId,
          outputs: outputsRecord(result.output),
          ...(evaluators.length > 0 ? { metrics: result.metrics } : {}),
          ...(result.error === undefined ? {} : { error: result.error }),
        });
      } catch (error) {
        logger.debug(`evaluate(): the outputs of datapoint ${index} could not be recorded: ${describeError(error)}`);
      }
      const outcome = await finalFlush(tracer, config.timeoutMs);
      if (typeof outcome === "object" && "refused" in outcome) warnRefused(logger, config, outcome.refused);
      return outcome;
    }, heldSpansBound(tracer));
    return result;
  };

  const outages = new RunOutageMemory();
  let results: DatapointResult<Inputs, Output, GroundTruth>[];
  try {
    results = await runPool(dataset.length, maxConcurrency, runDatapoint);
  } finally {
    // Datapoints that ended during an outage flush in the background: the run is complete (and
    // evaluate() resolves) only once each has delivered or reached its deadline.
    await outages.settle();
  }
  if (client) {
    const completed = await completeRun(client, runId, results.map((result) => result.sessionId), "completed");
    if (!completed) logger.warn(`evaluate(): run ${runId} ran, but could not be marked completed in HoneyHive`);
  }
  return { runId, name, results, summary: summarizeMetrics(results.map((result) => result.metrics)) };
}
