// `honeyhive/experiments`: run a function over a dataset as a HoneyHive experiment.
export {
  DEFAULT_DATAPOINT_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENCY,
  EvaluateOptionsError,
  evaluate,
  type Datapoint,
  type DatapointResult,
  type EvaluateOptions,
  type EvaluationResult,
} from "./evaluate.js";
export type {
  BooleanMetricSummary,
  Evaluator,
  EvaluatorList,
  EvaluatorRecord,
  EvaluatorResult,
  Evaluators,
  MetricSummary,
  NumericMetricSummary,
} from "./metrics.js";
export { ExperimentApiError } from "./runs-api.js";
