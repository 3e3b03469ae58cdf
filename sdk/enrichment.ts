// How enrichment fields become span attributes (tracer.enrichSpan) and a PUT /events body
// (tracer.enrichSession). The attribute names are the HoneyHive convention the backend reads.
import type { Attributes } from "@opentelemetry/api";
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
