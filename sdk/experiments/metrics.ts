// Evaluators turn one datapoint's output into metrics; the summary folds every datapoint's metrics
// into per-metric statistics. Numbers get count/mean/min/max, booleans a pass rate.
import { describeError } from "../logger.js";
import { setEntry } from "../serialize.js";

/**
 * What an evaluator may return: a score, a pass/fail, several named ones, or `null` for "no score for
 * this datapoint" (recorded as `null`, left out of the summary; 1.x typed evaluators as returning `any`
 * and recorded whatever they returned, so `null` type-checked and ran there).
 */
export type EvaluatorResult = number | boolean | { [name: string]: unknown } | null;

/** Scores one datapoint; called with the function's output, the datapoint's inputs and its ground truth. */
export type Evaluator<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown> = (
  outputs: Output,
  inputs: Inputs,
  groundTruth: GroundTruth | undefined,
) => EvaluatorResult | Promise<EvaluatorResult>;

/**
 * A list of evaluators: an array (readonly and `as const` ones too), or anything with a length, indexes
 * and an iterator. Typed by what a list has to offer, not as `Evaluator[]`: in the union with the record
 * form, the methods of `Array` gave an evaluator keyed like one of them (`{ includes: (output) => … }`,
 * `find`, `map`) a conflicting contextual type, so its parameters were implicitly `any` (TS7006) under
 * `strict`. One object type, not `ArrayLike & Iterable`: TypeScript gives each member of an intersection
 * the members of `Object.prototype` it does not declare, so `hasOwnProperty(v)`, `isPrototypeOf(v)` and
 * `propertyIsEnumerable(v)` competed with an evaluator keyed like them in a record (its parameters were
 * `any`, or `PropertyKey`; gaps-sdk-6). Declared here as any function, which every list has by
 * inheritance, they offer the record's evaluator no parameter types of their own.
 */
export type EvaluatorList<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown> = {
  readonly length: number;
  readonly [index: number]: Evaluator<Inputs, Output, GroundTruth>;
  [Symbol.iterator](): Iterator<Evaluator<Inputs, Output, GroundTruth>>;
  /* eslint-disable @typescript-eslint/no-unsafe-function-type -- whatever Object.prototype's members are */
  readonly hasOwnProperty?: Function;
  readonly isPrototypeOf?: Function;
  readonly propertyIsEnumerable?: Function;
  /* eslint-enable @typescript-eslint/no-unsafe-function-type */
};

/** Keys every object inherits from Object.prototype, which a record of evaluators may use as names. */
type ObjectMemberName = "toString" | "toLocaleString" | "valueOf" | "constructor" | "hasOwnProperty" | "isPrototypeOf" | "propertyIsEnumerable";

/** The keys of a record of evaluators: any name, and each of Object.prototype's (optional, like every key). */
type EvaluatorRecordKeys = { [name: string]: unknown } & { [K in ObjectMemberName]?: unknown };

/**
 * Evaluators named by their keys, the names of `Object.prototype`'s members included (gaps-sdk-5,
 * gaps-sdk-6). Such a key takes its contextual type from Object's member unless the record declares it
 * (its parameters were implicitly `any`, TS7006, or typed from Object's: `hasOwnProperty(v: PropertyKey)`).
 * Declared, each is an evaluator or any function: every object literal inherits Object's member, which
 * must stay assignable; a function that is not an evaluator is still rejected when the key is written,
 * since a written key is also checked against the index signature. Declared in a mapped type, not an
 * intersection (whose index-signature member would lend each key Object's member again) nor an object
 * type (whose index signature would have to admit any function). `NoInfer`: a list of evaluators is
 * compared with this record too, and Array's `toLocaleString(locales, options)` then inferred `Inputs` as
 * `Intl.NumberFormatOptions & Intl.DateTimeFormatOptions` (bfd7e0f dropped the key for it).
 */
export type EvaluatorRecord<Inputs = Record<string, unknown>, Output = unknown, GroundTruth = unknown> = {
  [K in keyof EvaluatorRecordKeys]: K extends ObjectMemberName
    ? // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Object's own member, inherited by every record
      NoInfer<Evaluator<Inputs, Output, GroundTruth>> | Function
    : Evaluator<Inputs, Output, GroundTruth>;
};

/** Evaluators as a list (named after the function) or as a record (named by key). */
export type Evaluators<Inputs, Output, GroundTruth> =
  | EvaluatorList<Inputs, Output, GroundTruth>
  | EvaluatorRecord<Inputs, Output, GroundTruth>;

export interface NumericMetricSummary {
  kind: "numeric";
  count: number;
  mean: number;
  min: number;
  max: number;
}

export interface BooleanMetricSummary {
  kind: "boolean";
  count: number;
  passed: number;
  /** `passed / count`, between 0 and 1. */
  passRate: number;
}

export type MetricSummary = NumericMetricSummary | BooleanMetricSummary;

/** Names every evaluator once: record keys as given, functions by name, made unique with a suffix. */
export function nameEvaluators<E extends (...args: never[]) => unknown>(
  evaluators: (ArrayLike<E> & Iterable<E>) | { [name: string]: E } | undefined,
): [string, E][] {
  if (!evaluators) return [];
  // A list is what the type calls one, an array or any other iterable with a length (`arguments`, a
  // collection class): those were read as records, named "0", "1" (or dropped: a class keeping its
  // items private has no own entries; review-sdk4). A record is the rest, also one keyed `length`.
  const list = Array.isArray(evaluators) || typeof (evaluators as Partial<Iterable<E>>)[Symbol.iterator] === "function";
  if (!list) return Object.entries(evaluators as { [name: string]: E });
  const seen = new Map<string, number>();
  return Array.from(evaluators as Iterable<E>).map((evaluator, index) => {
    const base = evaluator.name || `evaluator_${index + 1}`;
    const occurrences = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrences);
    return [occurrences === 1 ? base : `${base}_${occurrences}`, evaluator];
  });
}

export interface EvaluatorOutcome {
  metrics: Record<string, EvaluatorResult>;
  /** One message per evaluator that threw or returned something that is not a metric. */
  errors: string[];
}

function isEvaluatorResult(value: unknown): value is EvaluatorResult {
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "boolean" || (typeof value === "object" && !Array.isArray(value));
}

/** What a value that is not a metric is, for the error message (`typeof` says "object" for an array). */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return String(value);
  return typeof value;
}

/** Runs all evaluators concurrently; one failing evaluator does not hide the others' metrics. */
export async function runEvaluators<Inputs, Output, GroundTruth>(
  evaluators: [string, Evaluator<Inputs, Output, GroundTruth>][],
  output: Output,
  inputs: Inputs,
  groundTruth: GroundTruth | undefined,
): Promise<EvaluatorOutcome> {
  const settled = await Promise.allSettled(
    // async wrapper: an evaluator that throws synchronously becomes a rejection like any other.
    evaluators.map(async ([, evaluator]) => evaluator(output, inputs, groundTruth)),
  );
  const outcome: EvaluatorOutcome = { metrics: {}, errors: [] };
  settled.forEach((result, index) => {
    const name = evaluators[index][0];
    if (result.status === "rejected") outcome.errors.push(`evaluator ${name} threw: ${describeError(result.reason)}`);
    else if (!isEvaluatorResult(result.value)) {
      outcome.errors.push(`evaluator ${name} returned ${kindOf(result.value)}, expected a number, boolean, object or null`);
    } else setEntry(outcome.metrics, name, result.value);
  });
  return outcome;
}

/** The scalar metrics in one datapoint's metrics: `name` for scalars, `name.key` inside objects; not `null`. */
function scalarMetrics(metrics: Record<string, EvaluatorResult>): [string, number | boolean][] {
  const scalars: [string, number | boolean][] = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (value === null) continue;
    if (typeof value === "number" || typeof value === "boolean") scalars.push([name, value]);
    else {
      for (const [key, nested] of Object.entries(value)) {
        if (typeof nested === "boolean" || (typeof nested === "number" && Number.isFinite(nested))) {
          scalars.push([`${name}.${key}`, nested]);
        }
      }
    }
  }
  return scalars;
}

/**
 * Per-metric statistics over all datapoints that produced the metric. A metric that is sometimes a
 * number and sometimes a boolean is summarized as numeric (true = 1, false = 0).
 */
export function summarizeMetrics(allMetrics: Record<string, EvaluatorResult>[]): Record<string, MetricSummary> {
  const values = new Map<string, (number | boolean)[]>();
  for (const metrics of allMetrics) {
    for (const [name, value] of scalarMetrics(metrics)) {
      const list = values.get(name) ?? [];
      list.push(value);
      values.set(name, list);
    }
  }
  const summary: Record<string, MetricSummary> = {};
  for (const [name, list] of values) {
    if (list.every((value) => typeof value === "boolean")) {
      const passed = list.filter(Boolean).length;
      setEntry<MetricSummary>(summary, name, { kind: "boolean", count: list.length, passed, passRate: passed / list.length });
    } else {
      const numbers = list.map(Number);
      setEntry<MetricSummary>(summary, name, {
        kind: "numeric",
        count: numbers.length,
        mean: numbers.reduce((sum, value) => sum + value, 0) / numbers.length,
        // reduce, not Math.min(...numbers): a spread of a large dataset overflows the call stack.
        min: numbers.reduce((min, value) => Math.min(min, value)),
        max: numbers.reduce((max, value) => Math.max(max, value)),
      });
    }
  }
  return summary;
}
