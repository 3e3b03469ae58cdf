// The option and field types of the public API, in one module so the tracer, trace() and the
// enrichment mapping agree on them without importing each other.
import type { Context } from "@opentelemetry/api";
import type { HoneyHiveTracer } from "./tracer.js";

/** The kind of work a span represents, as HoneyHive groups it. */
export type EventType = "tool" | "model" | "chain";

export interface TracerOptions {
  /** HoneyHive API key. Fallback: `HH_API_KEY`. Without a key (and outside test mode) nothing is traced. */
  apiKey?: string;
  /** Project the spans and sessions belong to. Fallback: `HH_PROJECT`, then `"default"`. */
  project?: string;
  /** Name of the tracer's startup session. Fallback: `HH_SESSION_NAME`, then the script's file name. */
  sessionName?: string;
  /** Where the code runs (`production`, `lambda`, `dev`…). Fallback: `HH_SOURCE`, then `"dev"`. */
  source?: string;
  /** HoneyHive API base URL. Fallback: `HH_API_URL`, then `https://api.honeyhive.ai`. */
  serverUrl?: string;
  /** Id of the startup session; must be a UUID (see `toSessionId()`). Generated when absent. */
  sessionId?: string;
  /** Inputs recorded on the startup session. */
  sessionInputs?: Record<string, unknown>;
  /** Metadata recorded on the startup session (evaluate() links a datapoint's session to its run here). */
  sessionMetadata?: Record<string, unknown>;
  /** No network at all: local session ids, spans kept in memory. Fallback: `HH_TEST_MODE=true`. */
  testMode?: boolean;
  /** Export every span as soon as it ends instead of in batches. Fallback: `HH_DISABLE_BATCH=true`. */
  disableBatch?: boolean;
  /** Print debug information about tracing. Fallback: `HH_VERBOSE=true`. */
  verbose?: boolean;
  /** Most finished spans held while the backend is slow or down; more are dropped and counted. Default 8192. */
  maxQueueSize?: number;
  /** Total time of each delivery to the backend (a session call, a span export), retries included, in ms. Default 10000. */
  timeoutMs?: number;
}

export interface SessionOptions {
  /** Session name shown in HoneyHive. Default: the tracer's `sessionName`. */
  sessionName?: string;
  /** Use this id instead of generating one; must be a UUID (convert other ids with `toSessionId()`). */
  sessionId?: string;
  inputs?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  /** Link to a session that already exists in HoneyHive: set the context, make no API call. */
  skipApiCall?: boolean;
  /**
   * Incoming trace context to continue: a carrier (e.g. request headers with `traceparent` and
   * `baggage`) or an already extracted OpenTelemetry `Context`. A session id found in its baggage is
   * joined instead of creating a new session.
   */
  linkCarrier?: object | Context;
}

/** Fields that enrich a span (as attributes) or a session (through the backend). */
export interface Enrichment {
  metadata?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
  feedback?: Record<string, unknown>;
  config?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  /** An error message, or an Error whose message is recorded. */
  error?: unknown;
}

export interface TraceOptions {
  /** Defaults to `"tool"`. */
  eventType?: EventType;
  /** Span name. Defaults to the function's (or method's) name, else `<eventType> (<file>:<line>)` of the trace() call. */
  eventName?: string;
  /** The tracer to record with. Strongly recommended outside evaluate(). */
  tracer?: HoneyHiveTracer;
  /** Recorded on the span as `honeyhive_metadata.<key>`. */
  metadata?: Record<string, unknown>;
}
