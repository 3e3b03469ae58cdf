// Turns arbitrary application values (function arguments, return values, enrichment fields) into span
// attribute values. Application data is unbounded and sometimes hostile (cycles, BigInt, throwing
// getters, megabyte strings), and tracing must neither throw nor hold the request up, so every walk
// here is bounded in depth, breadth, total nodes and output length, and guarded against exceptions.
import type { AttributeValue } from "@opentelemetry/api";

export const MAX_ATTRIBUTE_LENGTH = 32_768;
const MAX_DEPTH = 10;
const MAX_ENTRIES = 200;
const MAX_NODES = 5_000;
const TRUNCATED_MARK = "…[truncated]";

export type JsonSafe = null | boolean | number | string | JsonSafe[] | { [key: string]: JsonSafe };

/** JSON text for any value; never throws, never longer than `maxLength` characters. */
export function safeStringify(value: unknown, maxLength = MAX_ATTRIBUTE_LENGTH): string {
  try {
    return truncate(JSON.stringify(toJsonValue(value, maxLength)), maxLength);
  } catch {
    return "[unserializable]";
  }
}

/** A bounded, JSON-safe copy of any value (for request bodies); never throws. */
export function toJsonValue(value: unknown, maxStringLength = MAX_ATTRIBUTE_LENGTH): JsonSafe {
  try {
    return toJsonSafe(value, 0, [], { nodes: MAX_NODES }, maxStringLength);
  } catch {
    return "[unserializable]";
  }
}

/** A primitive attribute as is (strings truncated); anything else as bounded JSON text. */
export function toAttributeValue(value: unknown, maxLength = MAX_ATTRIBUTE_LENGTH): AttributeValue {
  if (typeof value === "string") return truncate(value, maxLength);
  if (typeof value === "number" || typeof value === "boolean") return value;
  return safeStringify(value, maxLength);
}

export function truncate(text: string, maxLength = MAX_ATTRIBUTE_LENGTH): string {
  if (text.length <= maxLength) return text;
  return text.slice(0, Math.max(0, maxLength - TRUNCATED_MARK.length)) + TRUNCATED_MARK;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function toJsonSafe(
  value: unknown,
  depth: number,
  ancestors: object[],
  budget: { nodes: number },
  maxLength: number,
): JsonSafe {
  if (--budget.nodes < 0) return "[…]";
  switch (typeof value) {
    case "string":
      return truncate(value, maxLength);
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "undefined":
      return null;
    case "symbol":
      return value.toString();
    case "function":
      return `[Function ${value.name || "anonymous"}]`;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.includes(object)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[…]";
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof Error) return { name: object.name, message: object.message };
  if (ArrayBuffer.isView(object)) return `[${object.constructor.name}(${object.byteLength} bytes)]`;
  if (object instanceof Promise) return "[Promise]";

  ancestors.push(object);
  try {
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") {
      return toJsonSafe(toJSON.call(object), depth + 1, ancestors, budget, maxLength);
    }
    if (Array.isArray(object) || object instanceof Set) {
      return boundedItems(object, (item) => toJsonSafe(item, depth + 1, ancestors, budget, maxLength));
    }
    const entries: Iterable<[unknown, unknown]> = object instanceof Map ? object.entries() : ownEntries(object);
    const result: Record<string, JsonSafe> = {};
    let count = 0;
    for (const [key, item] of entries) {
      if (count++ >= MAX_ENTRIES) {
        result["…"] = "[truncated]";
        break;
      }
      if (item === undefined || typeof item === "function") continue;
      result[String(key)] = toJsonSafe(item, depth + 1, ancestors, budget, maxLength);
    }
    return result;
  } catch {
    return "[unserializable]";
  } finally {
    ancestors.pop();
  }
}

function boundedItems(items: Iterable<unknown>, convert: (item: unknown) => JsonSafe): JsonSafe[] {
  const result: JsonSafe[] = [];
  for (const item of items) {
    if (result.length >= MAX_ENTRIES) {
      result.push("[truncated]");
      break;
    }
    result.push(convert(item));
  }
  return result;
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
