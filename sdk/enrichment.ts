// How enrichment fields become span attributes (tracer.enrichSpan) and a PUT /events body
// (tracer.enrichSession). The attribute names are the HoneyHive convention the backend reads.
import type { Attributes, Span } from "@opentelemetry/api";
import { warnOnce } from "./logger.js";
import { otelSdk } from "./otel-sdk.js";
import { isPlainObject, safeStringify, toAttributeValue, toRequestBody, type JsonSafe } from "./serialize.js";
import type { Enrichment } from "./types.js";

export const ATTR_SESSION_ID = "honeyhive.session_id";
export const ATTR_PROJECT = "honeyhive.project";
export const ATTR_SOURCE = "honeyhive.source";
export const ATTR_EVENT_TYPE = "honeyhive_event_type";
export const ATTR_ERROR = "honeyhive_error";
/** Arguments of a traced function, as one JSON array (JavaScript has no reliable parameter names). */
export const ATTR_INPUT_PARAMS = "honeyhive_inputs._params_";
/** Return (or resolved) value of a traced function. */
export const ATTR_OUTPUT_RESULT = "honeyhive_outputs.result";
/** How many enrichment keys the attribute limit kept off the span (shown with the span's metadata). */
export const ATTR_DROPPED_ENRICHMENT = "honeyhive_metadata._dropped_keys_";

/**
 * The SDK's own attributes. OpenTelemetry drops every new attribute beyond a span's attribute count
 * limit, whoever sets it; these must never be the ones dropped, so the SDK's providers get room for
 * them on top of the limit, and enrichment (the application's keys) is capped at the limit itself.
 */
const SDK_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  ATTR_SESSION_ID,
  ATTR_PROJECT,
  ATTR_SOURCE,
  ATTR_EVENT_TYPE,
  ATTR_INPUT_PARAMS,
  ATTR_OUTPUT_RESULT,
  ATTR_ERROR,
  ATTR_DROPPED_ENRICHMENT,
]);

/** OpenTelemetry's span attribute count limit as the application configured it (env), else its default 128. */
export function enrichmentAttributeLimit(): number {
  const { getNumberFromEnv } = otelSdk().core;
  return getNumberFromEnv("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT") ?? getNumberFromEnv("OTEL_ATTRIBUTE_COUNT_LIMIT") ?? 128;
}

/** The attribute count limit of the SDK's tracer providers: the application's limit plus room for the SDK's own. */
export function spanAttributeCountLimit(): number {
  return enrichmentAttributeLimit() + SDK_ATTRIBUTE_KEYS.size;
}

/**
 * `attributes` without the new application keys that would take a span already holding `existing`
 * beyond `limit` application keys; the SDK's own keys and keys already on the span always pass.
 */
export function capEnrichment(
  attributes: Attributes,
  existing: Attributes = {},
  limit = enrichmentAttributeLimit(),
): { admitted: Attributes; dropped: number } {
  let applicationKeys = 0;
  for (const key of Object.keys(existing)) if (!SDK_ATTRIBUTE_KEYS.has(key)) applicationKeys++;
  const admitted: Attributes = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(attributes)) {
    const isNew = !SDK_ATTRIBUTE_KEYS.has(key) && !Object.prototype.hasOwnProperty.call(existing, key);
    if (isNew && applicationKeys >= limit) {
      dropped++;
      continue;
    }
    if (isNew) applicationKeys++;
    admitted[key] = value;
  }
  if (dropped > 0) {
    admitted[ATTR_DROPPED_ENRICHMENT] = dropped + Number(existing[ATTR_DROPPED_ENRICHMENT] ?? 0);
    warnOnce(
      "enrichment-attribute-limit",
      `A span reached the attribute count limit (${limit} keys of metadata, metrics, inputs, outputs… ` +
        `per span; OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT): further keys are dropped and counted in ${ATTR_DROPPED_ENRICHMENT}. ` +
        "The span's session, event type, inputs, outputs and error are always kept.",
    );
  }
  return { admitted, dropped };
}

/** Adds enrichment attributes to `span` within the attribute limit (see capEnrichment). */
export function enrichSpanWithin(span: Span, attributes: Attributes): void {
  // The SDK's spans expose their attributes (ReadableSpan); another provider's span counts as empty.
  const existing = (span as Partial<{ attributes: Attributes }>).attributes;
  span.setAttributes(capEnrichment(attributes, existing).admitted);
}

/** Enrichment field → attribute prefix. */
const FIELD_PREFIXES = {
  metadata: "honeyhive_metadata",
  metrics: "honeyhive_metrics",
  feedback: "honeyhive_feedback",
  config: "honeyhive_config",
  inputs: "honeyhive_inputs",
  outputs: "honeyhive_outputs",
} as const satisfies Record<keyof Omit<Enrichment, "error">, string>;

/** Nested plain objects become dotted keys up to this depth; deeper values are stored as JSON. */
const MAX_FLATTEN_DEPTH = 4;

/** Span attributes for `fields`. Never throws: a field that cannot be read (a throwing getter) is skipped. */
export function enrichmentToAttributes(fields: Enrichment): Attributes {
  const attributes: Attributes = {};
  for (const [field, prefix] of Object.entries(FIELD_PREFIXES)) {
    try {
      const values = fields[field as keyof typeof FIELD_PREFIXES];
      if (values !== undefined) flattenInto(attributes, prefix, values, 0);
    } catch {
      // Keep the other fields; enrichment is best effort.
    }
  }
  try {
    if (fields.error !== undefined && fields.error !== null) attributes[ATTR_ERROR] = errorMessage(fields.error);
  } catch {
    // An error object whose message cannot be read is left out.
  }
  return attributes;
}

function flattenInto(attributes: Attributes, prefix: string, value: unknown, depth: number): void {
  if (isPlainObject(value) && depth < MAX_FLATTEN_DEPTH) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) flattenInto(attributes, `${prefix}.${key}`, item, depth + 1);
    }
    return;
  }
  // A leaf, or a field that is not an object (e.g. `outputs: "text"`), is kept whole under its key.
  attributes[prefix] = toAttributeValue(value);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" ? error : safeStringify(error);
}

/**
 * The body of `PUT /events` that enriches the session (event) `eventId`: safely serialized and capped
 * at MAX_REQUEST_BODY_BYTES, `event_id` first so that it is never what is cut.
 */
export function enrichmentToEventUpdate(eventId: string, fields: Enrichment): JsonSafe {
  const body: Record<string, unknown> = { event_id: eventId };
  for (const field of Object.keys(FIELD_PREFIXES) as (keyof typeof FIELD_PREFIXES)[]) {
    if (fields[field] !== undefined) body[field] = fields[field];
  }
  if (fields.error !== undefined && fields.error !== null) body.error = errorMessage(fields.error);
  return toRequestBody(body);
}
