// One place where the SDK talks to the developer. Tracing problems are reported here and never thrown,
// and a problem that repeats (a backend that is down, a deprecated call in a hot path) is reported once
// per process so it cannot flood the application's logs.
//
// Every line printed here is redacted first: API keys the SDK was given, credentials in URLs
// (`https://user:pass@host`) and `Bearer` tokens are replaced, wherever in the line they come from (an
// error message of fetch, a status text a proxy echoed, a value the application passed). A line is also
// capped in length, so one hostile value cannot turn a warning into megabytes of log.
import { subscribe } from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";
import { processSlot } from "./process-slot.js";

const PREFIX = "[honeyhive]";
export const REDACTED = "[REDACTED]";
/** The longest line the SDK prints, prefix included; longer lines are cut and marked. */
export const MAX_LOG_LINE_LENGTH = 1_000;
/** How much of an untrusted value a warning quotes. */
export const MAX_QUOTED_LENGTH = 64;
/** How far past the cut quote() redacts a value: room for a key or URL credentials that cross the cut. */
const QUOTE_REDACTION_WINDOW = 1_024;
/** Shorter values are not real API keys; redacting them would garble every line containing them. */
const MIN_SECRET_LENGTH = 6;
/** Secrets remembered per process; the oldest is forgotten beyond this (many tenants' keys in one process). */
const MAX_SECRETS = 256;

/**
 * How long after an outage warning a later outage of the same server and topic stays quiet, although the
 * server answered in between: a backend that fails one call and answers the next (one route down, a
 * flapping proxy) would otherwise print a line per failed call.
 */
export const OUTAGE_REWARN_INTERVAL_MS = 60_000;

/**
 * What the logger remembers, once per process (process-slot.ts): an application that loads both builds
 * of the package (an ES module app whose CommonJS dependency `require()`s it) printed each
 * once-per-process warning once per copy, warned about one outage twice, and a copy did not redact the
 * keys only the other copy was given.
 */
interface LogMemory {
  /** Keys of the warnings already printed in this process. */
  warnedKeys: Set<string>;
  /**
   * Per server and topic (see warnOutage): whether the current outage was warned about, and when the last
   * outage warning was printed.
   */
  outages: Map<string, { warned: boolean; lastWarnedAt: number }>;
  /** Every API key a tracer or evaluate() of this process was given, in registration order. */
  secrets: Set<string>;
}

const { warnedKeys, outages, secrets } = processSlot<LogMemory>(
  "honeyhive.logMemory",
  () => ({ warnedKeys: new Set(), outages: new Map(), secrets: new Set() }),
  (slot) => {
    slot.warnedKeys ??= new Set();
    slot.outages ??= new Map();
    slot.secrets ??= new Set();
    return slot as LogMemory;
  },
);

export interface Logger {
  /** Printed only when the tracer was created with `verbose: true` (or `HH_VERBOSE=true`). */
  debug(message: string): void;
  warn(message: string): void;
  /** Prints `message` the first time `key` is seen in this process, and never again. */
  warnOnce(key: string, message: string): void;
}

export function createLogger(verbose = false): Logger {
  return {
    debug(message) {
      if (verbose) console.debug(formatLine(message));
    },
    warn(message) {
      console.warn(formatLine(message));
    },
    warnOnce(key, message) {
      warnOnce(key, message);
    },
  };
}

/** Process-wide once-only warning, for code paths that have no tracer (implicit `trace()`, globals). */
export function warnOnce(key: string, message: string): void {
  if (warnedKeys.has(key)) return;
  warnedKeys.add(key);
  console.warn(formatLine(message));
}

/**
 * Prints `message` once per outage of `server` (an origin: never credentials, a path or a query) for
 * `topic` (`spans`, `api`): again after outageEnded() said the server answered (a new outage is news
 * the first warning cannot tell; once per process hid every outage after the first), but not within
 * OUTAGE_REWARN_INTERVAL_MS of the previous warning. Process-wide, like warnOnce: every tracer and
 * evaluate() datapoint talking to one server shares its outages.
 */
export function warnOutage(server: string, topic: string, message: string): void {
  const key = `${topic} ${server}`;
  const outage = outages.get(key);
  if (outage?.warned) return;
  const now = Date.now();
  if (outage && now - outage.lastWarnedAt < OUTAGE_REWARN_INTERVAL_MS) {
    outage.warned = true;
    return;
  }
  outages.set(key, { warned: true, lastWarnedAt: now });
  console.warn(formatLine(message));
}

/** `server` answered a call of `topic`: its next outage is a new one (see warnOutage). */
export function outageEnded(server: string, topic: string): void {
  const outage = outages.get(`${topic} ${server}`);
  if (outage) outage.warned = false;
}

/** Forgets which warnings were printed. For tests that assert a warning appears exactly once. */
export function resetWarningsForTests(): void {
  warnedKeys.clear();
  outages.clear();
}

/**
 * What a warning may say about where the SDK sends: the origin of `url` (scheme, host, port), never
 * its credentials, path or query; undefined when it has none (not a URL, or an opaque one).
 */
export function serverOrigin(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Makes `secret` (an API key) unprintable: from now on it is replaced in every line the SDK prints, in
 * this process, whichever tracer prints it.
 */
export function registerSecret(secret: string | undefined): void {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
  if (secrets.size >= MAX_SECRETS) secrets.delete(secrets.values().next().value as string);
  secrets.add(secret);
  scrubOwnResponses();
}

let scrubbingResponses = false;

/**
 * The OTLP exporter turns a refused export into an error whose message is the response's status text
 * and logs it through OpenTelemetry's diagnostic logger (the application's, when it installed one),
 * before the SDK sees the result. A proxy that echoes the key in its status text would put the key
 * there. Node.js publishes every HTTP client response on `http.client.response.finish` before the
 * `response` event, so the status text of a response to one of the SDK's own requests (recognized by
 * its `Authorization: Bearer <registered key>`) is redacted before any OpenTelemetry code reads it.
 */
function scrubOwnResponses(): void {
  if (scrubbingResponses) return;
  scrubbingResponses = true;
  subscribe("http.client.response.finish", (message) => {
    try {
      const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
      const authorization = request.getHeader("authorization");
      if (typeof authorization !== "string" || !secrets.has(authorization.replace(/^Bearer\s+/i, ""))) return;
      if (response.statusMessage) response.statusMessage = redact(response.statusMessage);
    } catch {
      // A response this hook cannot read is left as it is.
    }
  });
}

/**
 * `text` with registered secrets, URL credentials, the values of a URL's query parameters (a
 * `serverUrl` may carry a `?token=`) and `Bearer` tokens replaced by `[REDACTED]`.
 */
export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) {
    result = replaceAll(result, secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = replaceAll(result, encoded);
  }
  // A scheme starts where a run of scheme characters starts (not at every `\b` inside one): from each
  // `\b` of `a.a.a…` the scheme part scanned to the run's end, quadratic in the line (16,000
  // characters took ~2 s; review-sdk4).
  // The query pattern consumes a URL's whole path, with or without a query after it: required, a URL
  // without one failed only at the path's end, and every scheme inside that path (`a://a://a://…`)
  // scanned to the same end again, quadratic (16,000 characters took ~0.3 s; gaps-sdk-5).
  return result
    .replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi, `$1${REDACTED}@`)
    .replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)(\?[^\s#"'<>]*)?/gi, (url: string, path: string, query?: string) =>
      query === undefined ? url : path + redactQueryValues(query),
    )
    .replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`);
}

/**
 * `?a=1&flag&b=2` as `?a=[REDACTED]&flag&b=[REDACTED]`: split, not a pattern, since `([^&=]*)=` tried
 * from every character of a parameter without `=` scanned to its end each time (quadratic again).
 */
function redactQueryValues(query: string): string {
  return query
    .split("&")
    .map((parameter) => {
      const equals = parameter.indexOf("=");
      return equals === -1 ? parameter : `${parameter.slice(0, equals + 1)}${REDACTED}`;
    })
    .join("&");
}

/**
 * An untrusted value as a warning may quote it: JSON-escaped (no raw CR/LF can forge a log line),
 * at most `maxLength` characters of it, and redacted.
 */
export function quote(value: unknown, maxLength = MAX_QUOTED_LENGTH): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : String(value);
  } catch {
    text = "[unprintable]";
  }
  // Redacted before it is cut: a key, a bearer token or URL credentials across the cut left their first
  // characters, which neither the list of keys nor the patterns recognize any more (review-sdk4). Only a
  // window of it, so that the cost stays bounded for a value of megabytes.
  const clean = redact(text.slice(0, maxLength + QUOTE_REDACTION_WINDOW));
  const shown = clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
  const suffix = text.length > maxLength ? ` (${text.length} characters)` : "";
  return redact(JSON.stringify(shown)) + suffix;
}

/** A short, key-free description of an unknown failure, safe to put in a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
    return redact(code ? `${error.name}: ${error.message} (${code})` : `${error.name}: ${error.message}`);
  }
  return redact(String(error));
}

function formatLine(message: string): string {
  const line = `${PREFIX} ${redact(message)}`;
  return line.length <= MAX_LOG_LINE_LENGTH ? line : `${line.slice(0, MAX_LOG_LINE_LENGTH - 1)}…`;
}

function replaceAll(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}
