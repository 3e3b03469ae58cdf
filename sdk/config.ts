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

export interface ResolvedConfig {
  apiKey: string | undefined;
  project: string;
  sessionName: string;
  source: string;
  /** Without a trailing slash. */
  serverUrl: string;
  sessionId: string | undefined;
  sessionInputs: Record<string, unknown> | undefined;
  sessionMetadata: Record<string, unknown> | undefined;
  testMode: boolean;
  disableBatch: boolean;
  verbose: boolean;
  maxQueueSize: number;
  timeoutMs: number;
}

type Environment = Record<string, string | undefined>;

export function resolveConfig(options: TracerOptions = {}, env: Environment = process.env): ResolvedConfig {
  return {
    apiKey: nonEmpty(options.apiKey) ?? nonEmpty(env.HH_API_KEY),
    project: nonEmpty(options.project) ?? nonEmpty(env.HH_PROJECT) ?? DEFAULT_PROJECT,
    sessionName: nonEmpty(options.sessionName) ?? nonEmpty(env.HH_SESSION_NAME) ?? defaultSessionName(),
    source: nonEmpty(options.source) ?? nonEmpty(env.HH_SOURCE) ?? DEFAULT_SOURCE,
    serverUrl: (nonEmpty(options.serverUrl) ?? nonEmpty(env.HH_API_URL) ?? DEFAULT_SERVER_URL).replace(/\/+$/, ""),
    sessionId: nonEmpty(options.sessionId),
    sessionInputs: options.sessionInputs,
    sessionMetadata: options.sessionMetadata,
    testMode: options.testMode ?? isTrue(env.HH_TEST_MODE),
    disableBatch: options.disableBatch ?? isTrue(env.HH_DISABLE_BATCH),
    verbose: options.verbose ?? isTrue(env.HH_VERBOSE),
    maxQueueSize: positiveInteger(options.maxQueueSize) ?? DEFAULT_MAX_QUEUE_SIZE,
    timeoutMs: positiveInteger(options.timeoutMs) ?? DEFAULT_TIMEOUT_MS,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ["true", "1", "yes", "on"].includes(value.trim().toLowerCase());
}

function positiveInteger(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** Like the Python SDK: the running script's name, so sessions of different scripts are told apart. */
function defaultSessionName(): string {
  const script = process.argv[1];
  return script ? basename(script, extname(script)) : "session";
}
