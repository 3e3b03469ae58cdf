// Session ids are UUIDs. Ids made here are v4 (random); ids derived from another identifier (a request
// id, a conversation id) are v5, so the same identifier always maps to the same session.
import { createHash, randomUUID } from "node:crypto";
import { quote } from "./logger.js";

/** The namespace the seeds use for `uuid5` (RFC 4122's DNS namespace), so Python and TS agree. */
export const SESSION_ID_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function generateSessionId(): string {
  return randomUUID();
}

/** True when `value` is an RFC 4122 UUID (any version), the only form HoneyHive accepts as a session id. */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/**
 * Converts any identifier to a session id deterministically (UUID v5 in the seed's namespace).
 *
 * Throws a TypeError for anything but a non-empty string. `undefined` used to become the id of the text
 * "undefined" (and `null`, an object, `""` their own constant ids): every request that sent no id landed
 * in one shared session. Python's `uuid5(namespace, None)` fails too. Convert only a string that was sent
 * (a client decides the type of a query value or a JSON field):
 * `typeof sid === "string" && sid ? toSessionId(sid) : undefined` (the SDK then makes a new session).
 */
export function toSessionId(identifier: string): string {
  if (typeof identifier !== "string" || identifier === "") {
    // The type (or emptiness) only: the value may be anything the application holds.
    const got = identifier === null ? "null" : typeof identifier === "string" ? "an empty string" : typeof identifier;
    throw new TypeError(
      `toSessionId(): the identifier must be a non-empty string (got ${got}); convert only an identifier that was sent, ` +
        "e.g. `typeof sid === \"string\" && sid ? toSessionId(sid) : undefined`, so that requests without one get a new session instead of one shared session",
    );
  }
  const namespaceBytes = Buffer.from(SESSION_ID_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespaceBytes).update(identifier, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class InvalidSessionIdError extends TypeError {
  constructor(value: unknown, where: string) {
    // Quoted as a log line quotes an untrusted value: capped, JSON-escaped and redacted (an id taken from
    // an `Authorization` header carries the key; the application logs this error), and never failing
    // itself (`String()` throws for an object whose toString throws, or that has no prototype).
    super(
      `${where}: session id ${quote(value)} is not a UUID. ` +
        "Pass a UUID, or convert your identifier deterministically with toSessionId(identifier).",
    );
    this.name = "InvalidSessionIdError";
  }
}

/**
 * Validates an explicitly given session id. Throws on a non-UUID: a wrong id is a programming error
 * that would silently scatter traces across sessions, so it is reported where it is made.
 */
export function requireSessionId(value: string, where: string): string {
  if (!isSessionId(value)) throw new InvalidSessionIdError(value, where);
  return value.toLowerCase();
}
