// Turns arbitrary application values (function arguments, return values, enrichment fields, session
// inputs) into span attribute values and REST request bodies. Application data is unbounded and
// sometimes hostile (cycles, BigInt, throwing getters, megabyte strings), and tracing must neither
// throw nor hold the request up, so every walk here is bounded in depth, breadth, total nodes and
// output length, and guarded against exceptions. Whatever is cut is marked where it was cut.
import type { AttributeValue } from "@opentelemetry/api";

export const MAX_ATTRIBUTE_LENGTH = 32_768;
/** The largest JSON body (UTF-8 bytes) the SDK sends to the HoneyHive REST API in one request. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;
const MAX_DEPTH = 10;
const MAX_ENTRIES = 200;
const MAX_NODES = 5_000;
export const TRUNCATED_MARK = "…[truncated]";
/** Bytes kept back while walking a body so that the marker of what was cut always fits. */
const MARKER_RESERVE_BYTES = 48;

export type JsonSafe = null | boolean | number | string | JsonSafe[] | { [key: string]: JsonSafe };

/** JSON text for any value; never throws, never longer than `maxLength` characters. */
export function safeStringify(value: unknown, maxLength = MAX_ATTRIBUTE_LENGTH): string {
  try {
    return truncate(JSON.stringify(toJsonValue(value, maxLength)), maxLength);
  } catch {
    return "[unserializable]";
  }
}

/** A bounded, JSON-safe copy of any value; never throws. */
export function toJsonValue(value: unknown, maxStringLength = MAX_ATTRIBUTE_LENGTH): JsonSafe {
  return boundedCopy(value, maxStringLength, Number.POSITIVE_INFINITY);
}

/**
 * A JSON-safe copy of a REST request body whose JSON text is at most `maxBytes` bytes of UTF-8; never
 * throws. Values are bounded as in toJsonValue(); beyond that, the body is filled in order (so put the
 * identifying fields first) and what does not fit is cut with a marker: a string ends in `…[truncated]`,
 * an object gets the entry `"…": "[truncated]"`, an array ends with `"[truncated]"`.
 */
export function toRequestBody(value: unknown, maxBytes = MAX_REQUEST_BODY_BYTES): JsonSafe {
  // The walk's byte accounting is exact for what it writes; the check below is a safety net for what
  // it cannot foresee (a toJSON() result that changes between calls), shrinking the budget until it fits.
  let budget = maxBytes;
  for (let attempt = 0; attempt < 3; attempt++) {
    const body = boundedCopy(value, MAX_ATTRIBUTE_LENGTH, budget);
    const size = jsonBytes(body);
    if (size <= maxBytes) return body;
    budget -= size - maxBytes + MARKER_RESERVE_BYTES;
  }
  return TRUNCATED_MARK;
}

/** A primitive attribute as is (strings truncated); anything else as bounded JSON text. */
export function toAttributeValue(value: unknown, maxLength = MAX_ATTRIBUTE_LENGTH): AttributeValue {
  if (typeof value === "string") return truncate(value, maxLength);
  if (typeof value === "number" || typeof value === "boolean") return value;
  return safeStringify(value, maxLength);
}

export function truncate(text: string, maxLength = MAX_ATTRIBUTE_LENGTH): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - TRUNCATED_MARK.length);
  // Never split a surrogate pair: half an emoji is not valid UTF-16.
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + TRUNCATED_MARK;
}

/** Whether `value` is a plain object (`{}` or `Object.create(null)`); false, never a throw, for a Proxy that refuses to say. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  let prototype: unknown;
  try {
    prototype = Object.getPrototypeOf(value);
  } catch {
    // A Proxy whose getPrototypeOf trap throws, or a revoked one: an application value (an evaluated
    // function's output, a datapoint's inputs) that must not make evaluate() or a tracer throw.
    return false;
  }
  return prototype === Object.prototype || prototype === null;
}

/** State of one walk: the ancestors (for cycles), and what is left of the node and byte budgets. */
interface Walk {
  readonly ancestors: object[];
  nodes: number;
  /** Bytes of JSON text left; infinite when only the per-value bounds apply. */
  bytes: number;
  readonly maxStringLength: number;
}

function boundedCopy(value: unknown, maxStringLength: number, maxBytes: number): JsonSafe {
  const state: Walk = { ancestors: [], nodes: MAX_NODES, bytes: maxBytes, maxStringLength };
  try {
    return toJsonSafe(value, 0, state);
  } catch {
    return "[unserializable]";
  }
}

function toJsonSafe(value: unknown, depth: number, walk: Walk): JsonSafe {
  if (--walk.nodes < 0) return charge(walk, "[…]");
  switch (typeof value) {
    case "string":
      return fitString(walk, truncate(value, walk.maxStringLength));
    case "number":
      return charge(walk, Number.isFinite(value) ? value : String(value));
    case "boolean":
      return charge(walk, value);
    case "bigint":
      return charge(walk, value.toString());
    case "undefined":
      return charge(walk, null);
    case "symbol":
      return fitString(walk, value.toString());
    case "function":
      return fitString(walk, `[Function ${value.name || "anonymous"}]`);
  }
  if (value === null) return charge(walk, null);
  const object = value as object;
  if (walk.ancestors.includes(object)) return charge(walk, "[Circular]");
  if (depth >= MAX_DEPTH) return charge(walk, "[…]");

  walk.ancestors.push(object);
  // `instanceof` asks a Proxy for its prototype, which may throw: inside the try, so that only this
  // value is "[unserializable]", not the whole object around it (review-sdk4).
  try {
    if (object instanceof Date) return charge(walk, Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString());
    if (object instanceof Error) return toJsonSafe({ name: object.name, message: object.message }, depth, walk);
    if (ArrayBuffer.isView(object)) return charge(walk, `[${object.constructor.name}(${object.byteLength} bytes)]`);
    if (object instanceof Promise) return charge(walk, "[Promise]");
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return toJsonSafe(toJSON.call(object), depth + 1, walk);
    if (Array.isArray(object) || object instanceof Set) return boundedItems(object, depth, walk);
    const entries: Iterable<[unknown, unknown]> = object instanceof Map ? object.entries() : ownEntries(object);
    return boundedEntries(entries, depth, walk);
  } catch {
    return "[unserializable]";
  } finally {
    walk.ancestors.pop();
  }
}

function boundedItems(items: Iterable<unknown>, depth: number, walk: Walk): JsonSafe[] {
  const result: JsonSafe[] = [];
  walk.bytes -= 2; // []
  for (const item of items) {
    if (result.length >= MAX_ENTRIES || walk.bytes < MARKER_RESERVE_BYTES) {
      result.push(charge(walk, "[truncated]"));
      break;
    }
    walk.bytes -= 1; // ,
    result.push(toJsonSafe(item, depth + 1, walk));
  }
  return result;
}

function boundedEntries(entries: Iterable<[unknown, unknown]>, depth: number, walk: Walk): Record<string, JsonSafe> {
  const result: Record<string, JsonSafe> = {};
  walk.bytes -= 2; // {}
  let count = 0;
  for (const [key, item] of entries) {
    if (item === undefined || typeof item === "function") continue;
    const name = String(key);
    const keyBytes = walk.bytes === Number.POSITIVE_INFINITY ? 0 : jsonBytes(name) + 2; // "key": and the comma
    if (count++ >= MAX_ENTRIES || walk.bytes - keyBytes < MARKER_RESERVE_BYTES) {
      result["…"] = charge(walk, "[truncated]");
      break;
    }
    walk.bytes -= keyBytes;
    const copy = toJsonSafe(item, depth + 1, walk);
    setEntry(result, name, copy);
  }
  return result;
}

/**
 * `record[name] = value` for any name: an own `__proto__` key must stay a key (assigning it would set
 * the record's prototype instead, and the entry would be lost).
 */
export function setEntry<T>(record: Record<string, T>, name: string, value: T): void {
  if (name === "__proto__") Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}

/** Counts a value that is written whole against the byte budget. */
function charge<T extends JsonSafe>(walk: Walk, value: T): T {
  if (walk.bytes !== Number.POSITIVE_INFINITY) walk.bytes -= jsonBytes(value);
  return value;
}

/** `text`, cut (and marked) so that it fits the bytes left, less the reserve for later markers. */
function fitString(walk: Walk, text: string): string {
  if (walk.bytes === Number.POSITIVE_INFINITY) return text;
  const allowed = walk.bytes - MARKER_RESERVE_BYTES;
  let fitted = text;
  let size = jsonBytes(fitted);
  while (size > allowed && fitted.length > 0) {
    // Escapes and multi-byte characters make bytes per character vary, so shrink proportionally until it fits.
    const keep = Math.floor((fitted.length * Math.max(0, allowed)) / size) - TRUNCATED_MARK.length - 1;
    fitted = keep > 0 ? truncate(text, keep + TRUNCATED_MARK.length) : "";
    size = jsonBytes(fitted === "" ? TRUNCATED_MARK : fitted);
  }
  if (fitted === "" && text !== "") fitted = TRUNCATED_MARK;
  walk.bytes -= jsonBytes(fitted);
  return fitted;
}

function jsonBytes(value: JsonSafe): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Own enumerable properties; a throwing getter yields a marker instead of aborting the walk. */
function* ownEntries(object: object): Generator<[string, unknown]> {
  for (const key of Object.keys(object)) {
    let item: unknown;
    try {
      item = (object as Record<string, unknown>)[key];
    } catch {
      item = "[unreadable]";
    }
    yield [key, item];
  }
}
