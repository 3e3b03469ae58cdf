// Configuration is resolved once, in HoneyHiveTracer.init: explicit option, then HH_* environment
// variable, then default. Nothing reads the environment after that, so a tracer behaves the same for
// its whole life.
import { basename, extname } from "node:path";
import type { TracerOptions } from "./types.js";

export const DEFAULT_SERVER_URL = "https://api.honeyhive.ai";
export const DEFAULT_PROJECT = "default";
export const DEFAULT_SOURCE = "dev";
/** Four export batches: a burst of 10,000 spans/s is absorbed while one batch is on the wire. */
export const DEFAULT_MAX_QUEUE_SIZE = 8192;
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The longest delay a Node.js timer can hold (2^31 - 1 ms, about 24.8 days). A longer one (or
 * `Infinity`) fires after 1 ms with a `TimeoutOverflowWarning`, which would turn "wait long" into
 * "give up at once": every timeout the SDK arms is capped here.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * The longest `timeoutMs` a tracer accepts (10 minutes); a longer one is capped. `Infinity` or `NaN` is
 * invalid (a warning, the default is used): a delivery the backend never answers must end some day.
 */
export const MAX_TRACER_TIMEOUT_MS = 600_000;

/** An option that was given with a type or value that cannot work, and was ignored. */
export interface ConfigProblem {
  option: keyof TracerOptions;
  /** Says what is expected; never quotes the value (it may be a secret). */
  message: string;
  /** Matters only when something is sent: not a problem in test mode. */
  networkOnly?: boolean;
}

export interface ResolvedConfig {
  apiKey: string | undefined;
  project: string;
  sessionName: string;
  source: string;
  /** Without a trailing slash. */
  serverUrl: string;
  /** False when `serverUrl` (or `HH_API_URL`) is not an http(s) URL: nothing can be sent. */
  serverUrlUsable: boolean;
  /** False when the API key holds a character no HTTP header can carry: nothing can be sent. */
  apiKeyUsable: boolean;
  sessionId: string | undefined;
  sessionInputs: Record<string, unknown> | undefined;
  sessionMetadata: Record<string, unknown> | undefined;
  testMode: boolean;
  disableBatch: boolean;
  verbose: boolean;
  maxQueueSize: number;
  timeoutMs: number;
  /** Options given with a wrong type or value (from JavaScript callers): each was ignored. */
  problems: ConfigProblem[];
}

type Environment = Record<string, string | undefined>;

/** Every option of init(); typed, so that an option added to TracerOptions cannot be left unread. */
const OPTION_NAMES = Object.keys({
  apiKey: true,
  project: true,
  sessionName: true,
  source: true,
  serverUrl: true,
  sessionId: true,
  sessionInputs: true,
  sessionMetadata: true,
  testMode: true,
  disableBatch: true,
  verbose: true,
  maxQueueSize: true,
  timeoutMs: true,
} satisfies Record<keyof TracerOptions, true>) as (keyof TracerOptions)[];

export function resolveConfig(options: TracerOptions = {}, env: Environment = process.env): ResolvedConfig {
  // JavaScript callers can pass anything: `init(null)`, `{ apiKey: 123 }`. A wrong value is reported
  // (without the value) and the option falls back to its variable or default, never a TypeError.
  const source = typeof options === "object" && options !== null ? options : {};
  const problems: ConfigProblem[] = [];
  // Each option read once, and a getter or a Proxy trap that throws is an option that cannot be read:
  // reported and ignored like a wrong value (it made init() throw the trap's error; gaps-sdk-6).
  const given = readEach(source, OPTION_NAMES, (option) =>
    problems.push({ option, message: `option \`${option}\` could not be read (its getter or Proxy threw); ignored` }),
  );
  const ofType = <T>(option: keyof TracerOptions, type: "string" | "boolean" | "number", expected: string): T | undefined => {
    const value = given[option];
    if (value === undefined || value === null) return undefined;
    if (typeof value === type) return value as T;
    problems.push({ option, message: `option \`${option}\` must be ${expected} (got ${describeType(value)}); ignored` });
    return undefined;
  };
  const text = (option: keyof TracerOptions) => nonEmpty(ofType<string>(option, "string", "a string"));
  const flag = (option: keyof TracerOptions) => ofType<boolean>(option, "boolean", "a boolean");
  const count = (option: keyof TracerOptions) => {
    const value = ofType<number>(option, "number", "a positive number");
    if (value === undefined) return undefined;
    // Non-finite (Infinity, NaN) is invalid: no timeout or queue is unbounded. The message names the
    // option, never the value.
    const valid = positiveInteger(value);
    if (valid === undefined) problems.push({ option, message: `option \`${option}\` must be a finite positive number; ignored` });
    return valid;
  };
  const record = (option: "sessionInputs" | "sessionMetadata") => {
    const value = given[option];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push({ option, message: `option \`${option}\` must be an object (got ${describeType(value)}); ignored` });
    return undefined;
  };
  const serverUrl = (text("serverUrl") ?? nonEmpty(env.HH_API_URL) ?? DEFAULT_SERVER_URL).replace(/\/+$/, "");
  const serverUrlUsable = isHttpUrl(serverUrl);
  if (!serverUrlUsable) {
    problems.push({ option: "serverUrl", message: "`serverUrl` (or HH_API_URL) is not an http:// or https:// URL; nothing is sent", networkOnly: true });
  }
  // Trimmed: a key read from a file or a secret store often ends with a newline, which no HTTP
  // header may carry (every request failed with ERR_INVALID_CHAR).
  const apiKey = (text("apiKey") ?? nonEmpty(env.HH_API_KEY))?.trim();
  // A character inside the key that Node.js refuses in a header (a zero-width space or a line break
  // pasted with it) failed every request, reported as an outage and retried; it is a configuration
  // problem, said once like an unusable serverUrl (sdk/blind-users.test.ts).
  const apiKeyUsable = apiKey === undefined || !HEADER_REFUSED.test(apiKey);
  if (!apiKeyUsable) {
    problems.push({
      option: "apiKey",
      message:
        "`apiKey` (or HH_API_KEY) contains a character an HTTP header cannot carry (a control character, or one beyond Latin-1 such as a zero-width space pasted with the key); nothing is sent",
      networkOnly: true,
    });
  }
  const sessionId = given.sessionId;
  return {
    apiKey,
    project: text("project") ?? nonEmpty(env.HH_PROJECT) ?? DEFAULT_PROJECT,
    sessionName: text("sessionName") ?? nonEmpty(env.HH_SESSION_NAME) ?? defaultSessionName(),
    source: text("source") ?? nonEmpty(env.HH_SOURCE) ?? DEFAULT_SOURCE,
    serverUrl,
    serverUrlUsable,
    apiKeyUsable,
    // Not a string: kept, so that init() reports it as the invalid session id it is.
    sessionId: typeof sessionId === "string" ? nonEmpty(sessionId) : sessionId === undefined || sessionId === null ? undefined : String(sessionId),
    sessionInputs: record("sessionInputs"),
    sessionMetadata: record("sessionMetadata"),
    testMode: flag("testMode") ?? isTrue(env.HH_TEST_MODE),
    disableBatch: flag("disableBatch") ?? isTrue(env.HH_DISABLE_BATCH),
    verbose: flag("verbose") ?? isTrue(env.HH_VERBOSE),
    maxQueueSize: count("maxQueueSize") ?? DEFAULT_MAX_QUEUE_SIZE,
    timeoutMs: Math.min(count("timeoutMs") ?? DEFAULT_TIMEOUT_MS, MAX_TRACER_TIMEOUT_MS),
    problems,
  };
}

/**
 * `source[name]` for each of `names`, each read exactly once, the way the SDK reads options a caller
 * passes (init()'s, evaluate()'s, a session's): a getter or a Proxy trap that throws leaves that one out
 * and is handed to `unreadable` (which may report it, or throw the caller's own error), never thrown
 * as it is. Read once, an option cannot say one thing to the checks and another to the work.
 */
export function readEach<Name extends string>(
  source: object,
  names: readonly Name[],
  unreadable: (name: Name, error: unknown) => void,
): Record<Name, unknown> {
  const values = {} as Record<Name, unknown>;
  for (const name of names) {
    let value: unknown;
    try {
      value = (source as Record<Name, unknown>)[name];
    } catch (error) {
      unreadable(name, error);
      continue;
    }
    values[name] = value;
  }
  return values;
}

/**
 * A caller's `forceFlush()`/`shutdown()` timeout in ms: a number below 0 is 0 (do not wait); `Infinity`
 * and anything longer than MAX_TRACER_TIMEOUT_MS (10 minutes) is capped there, like a tracer's own
 * `timeoutMs`: a timeout is a total deadline, and the SDK never makes the application wait forever
 * (before, `Infinity` armed a 24.8-day timer). Anything else that is not a number (a string, NaN) is
 * `fallback`.
 */
export function timeoutOrDefault(value: unknown, fallback: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) return fallback;
  return Math.min(Math.max(0, value), MAX_TRACER_TIMEOUT_MS);
}

/** What kind of value `value` is, for a message that must not quote it ("a number", "an array"). */
export function describeType(value: unknown): string {
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** What Node.js refuses in a header value (ERR_INVALID_CHAR): anything but tab, printable ASCII and Latin-1. */
const HEADER_REFUSED = /[^\t\x20-\x7e\x80-\xff]/;

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ["true", "1", "yes", "on"].includes(value.trim().toLowerCase());
}

function positiveInteger(value: number | undefined): number | undefined {
  // At least 1: a `timeoutMs` of 0.5 must not become a deadline of 0 that fails every request.
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.max(1, Math.floor(value)) : undefined;
}

/** Like the Python SDK: the running script's name, so sessions of different scripts are told apart. */
function defaultSessionName(): string {
  const script = process.argv[1];
  return script ? basename(script, extname(script)) : "session";
}
