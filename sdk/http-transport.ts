// How the SDK's requests leave the process: one small HTTP client shared by the span exporter and the
// REST client, so both get the same guarantees.
// - One total deadline per delivery (every attempt, every backoff, every byte of the answer), enforced
//   by a timer that destroys the request: a backend that drips one byte a second cannot stretch it.
// - Retries within that deadline: connection errors, timeouts of one attempt, 429 (honoring
//   Retry-After) and 5xx, with exponential backoff and jitter, at most MAX_ATTEMPTS attempts.
// - A circuit breaker per tracer: after a delivery failed because the backend was unreachable or
//   overloaded, new deliveries are not attempted until a backoff has passed; then one single-attempt
//   probe decides whether the backend is back.
// - Connections are reused: one keep-alive agent per origin, shared by every tracer and client of the
//   process (evaluate() creates one tracer per datapoint), by both builds of the package too, bounded
//   in sockets, destroyed when its last user closes.
// - A tracer's sockets never keep a process alive on their own: an application that ends gets its
//   spans flushed on "beforeExit" (exit-flush.ts) within a short budget, not a hung request's lifetime.
// node:http and node:https are loaded on the first request, not when the SDK is imported.
import type { Agent, IncomingHttpHeaders, RequestOptions } from "node:http";
import type { ClientRequest } from "node:http";
import { redact } from "./logger.js";
import { processSlot } from "./process-slot.js";
import { afterDeadline } from "./timing.js";

/** Attempts of one delivery at most (the first one included). */
export const MAX_ATTEMPTS = 5;
const INITIAL_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;
/** Breaker backoff: first probe after 1 s, doubling up to 30 s. */
const BREAKER_INITIAL_MS = 1_000;
const BREAKER_MAX_MS = 30_000;
/** Sockets per origin, for the whole process: enough for evaluate()'s pool, bounded for a hung backend. */
export const MAX_SOCKETS_PER_ORIGIN = 16;
/** Answers longer than this are not read further (the SDK only needs small JSON answers). */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export type Delivery =
  | { ok: true; status: number; body: string }
  | {
      ok: false;
      /** True when the backend was unreachable, too slow or overloaded (worth trying again later). */
      transient: boolean;
      status?: number;
      /** A short, key-free reason for a log line: `HTTP 500`, `timed out after 300 ms`, `ECONNREFUSED`… */
      reason: string;
      /**
       * A stable category for warn-once keys: `status-500`, `timeout`, `network`, `circuit-open`,
       * `expired` (not sent: the deadline passed while the event loop was busy; not an outage)…
       */
      kind: string;
    };

export interface DeliveryRequest {
  method: "GET" | "POST" | "PUT";
  /** Path and query, e.g. `/session/start`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Total time for the whole delivery, retries included. */
  timeoutMs: number;
  /**
   * Date.now() when the deadline started counting (when the caller asked for the delivery, if it
   * queued it: the wait before sending is part of the total); now when absent.
   */
  startedAt?: number;
  /** The longest answer read (MAX_RESPONSE_BYTES when absent); a longer one fails the delivery at once. */
  maxResponseBytes?: number;
  /**
   * The caller does not read the answer (PUT /runs, PUT /events, OTLP): only its status counts, and its
   * body is drained without being kept, whatever its size (PUT /runs echoes every event id of the run).
   */
  discardAnswer?: boolean;
}

/** Failed deliveries of one transport, counted since it was made (HttpTransport.failures). */
export interface TransportFailures {
  outages: number;
  outagesRecovered: number;
  refusals: number;
  lastRefusedStatus: number | undefined;
  /** Deliveries never sent: their deadline passed before they could be (`expired`; no outage, no refusal). */
  unsent: number;
}

/**
 * The breaker of one tracer: closed (send), open (do not send until the backoff has passed), and one
 * probe at a time once it has. Any answer that is not an outage closes it.
 */
export class CircuitBreaker {
  #open = false;
  #backoffMs = 0;
  #probeAt = 0;
  #probing = false;
  readonly #onClose = new Set<() => void>();

  get isOpen(): boolean {
    return this.#open;
  }

  /** Ms until a probe may be sent (0 when closed or due). */
  get msUntilProbe(): number {
    return this.#open ? Math.max(0, this.#probeAt - Date.now()) : 0;
  }

  /** `send`: deliver normally; `probe`: one attempt that decides the state; `reject`: do not send now. */
  admit(): "send" | "probe" | "reject" {
    if (!this.#open) return "send";
    if (this.#probing || Date.now() < this.#probeAt) return "reject";
    this.#probing = true;
    return "probe";
  }

  recordSuccess(): void {
    const wasOpen = this.#open;
    this.#open = false;
    this.#probing = false;
    this.#backoffMs = 0;
    if (wasOpen) for (const listener of this.#onClose) listener();
  }

  /** A probe that was given up (its owner shut down) taught nothing: the next delivery may probe at once. */
  releaseProbe(): void {
    this.#probing = false;
  }

  recordFailure(): void {
    this.#open = true;
    this.#probing = false;
    this.#backoffMs = this.#backoffMs === 0 ? BREAKER_INITIAL_MS : Math.min(this.#backoffMs * 2, BREAKER_MAX_MS);
    this.#probeAt = Date.now() + withJitter(this.#backoffMs);
  }

  /** Calls `listener` whenever the breaker closes again; returns the unsubscribe function. */
  onClose(listener: () => void): () => void {
    this.#onClose.add(listener);
    return () => this.#onClose.delete(listener);
  }
}

interface SharedAgent {
  agent: Agent;
  request: (url: URL, options: RequestOptions) => ClientRequest;
}

/**
 * One keep-alive agent per origin for the whole process, counted by its users. The shape is shared by
 * every copy of the package in the process (see below): change it only by adding fields.
 */
interface Pool {
  users: number;
  ready: Promise<SharedAgent>;
}
/**
 * The pools live in the process-wide slot (process-slot.ts), not in a module variable: with the ES
 * module and the CommonJS builds both loaded, a module variable would give each copy its own agent per
 * origin, twice MAX_SOCKETS_PER_ORIGIN sockets to one backend.
 */
const { pools } = processSlot<{ pools: Map<string, Pool> }>(
  "honeyhive.httpPools",
  () => ({ pools: new Map() }),
  (slot) => {
    slot.pools ??= new Map();
    return slot as { pools: Map<string, Pool> };
  },
);

/** Counted synchronously, so a release racing with an acquire never destroys a pool in use. */
function acquirePool(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    const ready = (async (): Promise<SharedAgent> => {
      const http = origin.startsWith("https:") ? await import("node:https") : await import("node:http");
      const agent = new http.Agent({
        keepAlive: true,
        maxSockets: MAX_SOCKETS_PER_ORIGIN,
        maxFreeSockets: MAX_SOCKETS_PER_ORIGIN,
        scheduling: "lifo",
      });
      return { agent, request: http.request };
    })();
    pool = { users: 0, ready };
    pools.set(origin, pool);
  }
  pool.users++;
  return pool;
}

function releasePool(origin: string, pool: Pool): void {
  pool.users--;
  if (pool.users > 0) return;
  if (pools.get(origin) === pool) pools.delete(origin);
  // Closes the idle keep-alive sockets; requests still in flight were aborted by their owner.
  void pool.ready.then((shared) => shared.agent.destroy());
}

type Attempt =
  | { kind: "answer"; status: number; headers: IncomingHttpHeaders; body: string }
  | { kind: "error"; reason: string; code: string | undefined }
  | { kind: "timeout" }
  | { kind: "too-large"; status: number; limit: number }
  | { kind: "aborted" }
  /** Not sent: the deadline had passed before the attempt could start (the event loop was busy). */
  | { kind: "expired" };

/**
 * Sends requests to one server for one owner (a tracer or a REST client). `close()` aborts what is in
 * flight and releases the shared agent.
 */
export class HttpTransport {
  readonly serverUrl: string;
  readonly breaker: CircuitBreaker;
  readonly #origin: string;
  #pool: Pool | undefined;
  /** Aborts every request and backoff of the current generation; replaced after each abortAll(). */
  #abort = new AbortController();
  #closed = false;
  readonly #keepProcessAlive: boolean;
  /** Deliveries that failed for an outage (unreachable, too slow, overloaded, aborted at a deadline). */
  #outages = 0;
  /** Deliveries the backend answered with a refusal that is not an outage (401, 403, another 4xx), and the last status. */
  #refusals = 0;
  #lastRefusedStatus: number | undefined;
  /** Deliveries whose first attempt found its deadline already spent (the event loop was busy): never sent. */
  #unsent = 0;
  /** `#outages` when the breaker last closed again: the outages before it ended when the backend answered. */
  #outagesRecovered = 0;
  readonly #stopWatchingBreaker: () => void;

  /**
   * `keepProcessAlive: false` (a tracer's background telemetry): a request in flight does not keep
   * Node.js running by itself; the tracer's exit flush (exit-flush.ts) gives it a bounded time at exit.
   * `true` (the default; evaluate()'s run calls): the request is awaited by the application and keeps
   * the process alive like any other request, until its deadline.
   */
  constructor(serverUrl: string, options: { keepProcessAlive?: boolean; breaker?: CircuitBreaker } = {}) {
    this.serverUrl = serverUrl.replace(/\/+$/, "");
    this.#origin = new URL(this.serverUrl).origin;
    // A breaker of its own unless given one (tests). evaluate()'s datapoint tracers shared one once, and
    // an outage of a few seconds then cost most datapoints their spans (review-sdk #1): each has its own.
    this.breaker = options.breaker ?? new CircuitBreaker();
    this.#keepProcessAlive = options.keepProcessAlive ?? true;
    // The breaker closes when the backend answers something that is not an outage: the outages so far
    // ended there. Also when that answer is to a request sent before an outage was recorded (a session
    // update answered 401 after a session start sent after it timed out): the answer came after the
    // outage, so the backend was reachable then, and a 401 is an answer (a wrong key, which waiting will
    // not change: a final flush says refused, not outage). Pinned by sdk/transport.test.ts "closes again
    // on a 401 …".
    this.#stopWatchingBreaker = this.breaker.onClose(() => (this.#outagesRecovered = this.#outages));
  }

  /**
   * What the deliveries that failed so far said about the backend, counted since the transport was
   * made (a flush reads the difference since the previous one): `outages` (unreachable, hung, dripping,
   * 429/5xx after the retries, aborted at a flush's deadline), `outagesRecovered` (how many of them came
   * before the breaker last closed, i.e. before the backend answered again) and `refusals` (it answered
   * and refused the request: 401, 403, another 4xx), with the last refusal's status, and `unsent`
   * (never sent: the deadline passed while the event loop was busy; it says nothing about the backend).
   */
  get failures(): TransportFailures {
    return {
      outages: this.#outages,
      outagesRecovered: this.#outagesRecovered,
      refusals: this.#refusals,
      lastRefusedStatus: this.#lastRefusedStatus,
      unsent: this.#unsent,
    };
  }

  /**
   * Delivers a request with retries inside its total deadline, through the breaker. Never rejects.
   * While the breaker is open a request is not sent (`circuit-open`), unless `respectBreaker` is
   * false (REST calls): then it gets one attempt, which also tells the breaker whether the backend is back.
   */
  async deliver(request: DeliveryRequest, options: { respectBreaker?: boolean } = {}): Promise<Delivery> {
    if (this.#closed) return { ok: false, transient: false, reason: "the tracer was shut down", kind: "closed" };
    const admission = this.breaker.admit();
    if (admission === "reject" && options.respectBreaker !== false) {
      return { ok: false, transient: true, reason: "backend unavailable (circuit open after a failed export)", kind: "circuit-open" };
    }
    const deadline = (request.startedAt ?? Date.now()) + request.timeoutMs;
    const maxAttempts = admission === "send" ? MAX_ATTEMPTS : 1;
    const signal = this.#abort.signal;
    try {
      const shared = await (this.#pool ??= acquirePool(this.#origin)).ready;
      let backoffMs = INITIAL_BACKOFF_MS;
      /** The failure of the previous attempt, when this one is a retry. */
      let previous: Delivery | undefined;
      for (let attemptNumber = 1; ; attemptNumber++) {
        const attempt = await sendOnce(shared, requestUrl(this.serverUrl, request.path), request, deadline, signal, this.#keepProcessAlive);
        if (attempt.kind === "expired") {
          // The deadline passed before this attempt could be sent: the application kept the event loop
          // busy (a queued REST call counts from when it was asked for). A retry ends as its previous
          // attempt did, an outage; a first attempt says nothing about the backend: it fails, but it is
          // no outage and leaves the breaker as it was (a probe is given back).
          if (previous) {
            this.#recordOutage(false);
            return previous;
          }
          if (admission === "probe") this.breaker.releaseProbe();
          this.#unsent++;
          return {
            ok: false,
            transient: false,
            reason: `not sent: its ${request.timeoutMs} ms deadline had passed before it could be (the event loop was busy)`,
            kind: "expired",
          };
        }
        const outcome = classify(attempt, request.timeoutMs);
        if (outcome.ok || !outcome.transient) {
          // Any answer that is not an outage (a 400 included) means the backend is reachable.
          this.breaker.recordSuccess();
          if (!outcome.ok && outcome.status !== undefined) {
            this.#refusals++;
            this.#lastRefusedStatus = outcome.status;
          }
          return outcome;
        }
        const retryAfterMs = attempt.kind === "answer" ? parseRetryAfter(attempt.headers["retry-after"]) : undefined;
        const waitMs = retryAfterMs ?? withJitter(backoffMs);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        const last = attemptNumber >= maxAttempts || attempt.kind === "timeout" || attempt.kind === "aborted";
        if (last || Date.now() + waitMs >= deadline) {
          this.#recordOutage(attempt.kind === "aborted");
          return outcome;
        }
        previous = outcome;
        if (!(await sleep(waitMs, signal, this.#keepProcessAlive))) {
          this.#recordOutage(true);
          return { ok: false, transient: true, reason: "aborted", kind: "aborted" };
        }
      }
    } catch (error) {
      // Only loading node:http(s) can throw here; the breaker must not stay in its probing state.
      this.#outages++;
      this.breaker.recordFailure();
      return { ok: false, transient: true, reason: describe(error), kind: "internal" };
    }
  }

  /**
   * A delivery failed. Aborted by close() (the owner shut down), it says nothing about the backend: a
   * probe is released instead of doubling the breaker's backoff (a breaker shared by several
   * transports would otherwise never find the backend back when each owner shuts down with its probe in
   * flight). Aborted by a flush's deadline (abortAll()),
   * it is an outage as before: the backend did not answer in time.
   */
  #recordOutage(aborted: boolean): void {
    this.#outages++;
    if (aborted && this.#closed) this.breaker.releaseProbe();
    else this.breaker.recordFailure();
  }

  /** Aborts every delivery in flight (their results say `aborted`); later deliveries are sent normally. */
  abortAll(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  /** Aborts what is in flight and gives the shared connection pool back. Later deliveries fail at once. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopWatchingBreaker();
    this.abortAll();
    if (this.#pool) releasePool(this.#origin, this.#pool);
  }
}

/**
 * The URL of `path` (which may carry its own query) on `serverUrl`, built with the URL API: a
 * `serverUrl` with a query string (`https://proxy/hh?token=…`) keeps its path and query, where
 * concatenation put the path after the query and sent every request to `/`.
 */
export function requestUrl(serverUrl: string, path: string): URL {
  const url = new URL(serverUrl);
  const target = new URL(path, "http://path.invalid");
  url.pathname = url.pathname.replace(/\/+$/, "") + target.pathname;
  url.search = [url.search.slice(1), target.search.slice(1)].filter((part) => part !== "").join("&");
  url.hash = "";
  return url;
}

function sendOnce(
  shared: SharedAgent,
  url: URL,
  request: DeliveryRequest,
  deadline: number,
  signal: AbortSignal,
  keepProcessAlive: boolean,
): Promise<Attempt> {
  return new Promise((resolve) => {
    const remaining = deadline - Date.now();
    if (signal.aborted) return resolve({ kind: "aborted" });
    if (remaining <= 0) return resolve({ kind: "expired" });
    let settled = false;
    let req: ClientRequest | undefined;
    const finish = (attempt: Attempt): void => {
      if (settled) return;
      settled = true;
      cancelDeadline();
      signal.removeEventListener("abort", onAbort);
      resolve(attempt);
    };
    const onAbort = (): void => {
      finish({ kind: "aborted" });
      req?.destroy();
    };
    // The deadline covers connecting, sending and reading the whole answer; an answer that arrived in
    // time is read before the deadline ends the call, also after the application blocked the loop past
    // it (afterDeadline(): the call ends after that turn's I/O, one turn late at most).
    const cancelDeadline = afterDeadline(
      remaining,
      () => {
        finish({ kind: "timeout" });
        req?.destroy();
      },
      { unrefTimer: true },
    );
    signal.addEventListener("abort", onAbort, { once: true });
    const body = request.body === undefined ? undefined : typeof request.body === "string" ? Buffer.from(request.body) : request.body;
    try {
      req = shared.request(url, {
        method: request.method,
        agent: shared.agent,
        headers: body === undefined ? request.headers : { ...request.headers, "Content-Length": String(body.byteLength) },
      });
    } catch (error) {
      // Node validates headers synchronously (ERR_INVALID_CHAR); callers encode them, this is a backstop.
      return finish({ kind: "error", reason: describe(error), code: codeOf(error) });
    }
    // The agent re-refs a reused keep-alive socket before handing it over, so this runs per request.
    if (!keepProcessAlive) req.on("socket", (socket) => socket.unref());
    req.on("error", (error) => finish({ kind: "error", reason: describe(error), code: codeOf(error) }));
    req.on("response", (response) => {
      if (request.discardAnswer) {
        response.on("end", () => finish({ kind: "answer", status: response.statusCode ?? 0, headers: response.headers, body: "" }));
        response.on("error", (error) => finish({ kind: "error", reason: describe(error), code: codeOf(error) }));
        return void response.resume();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const limit = request.maxResponseBytes ?? MAX_RESPONSE_BYTES;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) return void chunks.push(chunk);
        // Reading on would spend the whole deadline (and the bandwidth) on an answer that is never used.
        finish({ kind: "too-large", status: response.statusCode ?? 0, limit });
        req?.destroy();
      });
      response.on("end", () =>
        finish({
          kind: "answer",
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.on("error", (error) => finish({ kind: "error", reason: describe(error), code: codeOf(error) }));
    });
    req.end(body);
  });
}

function classify(attempt: Exclude<Attempt, { kind: "expired" }>, timeoutMs: number): Delivery {
  switch (attempt.kind) {
    case "answer": {
      const { status } = attempt;
      if (status >= 200 && status < 300) return { ok: true, status, body: attempt.body };
      return { ok: false, transient: isTransientStatus(status), status, reason: `HTTP ${status}${STATUS_HINTS[status] ?? ""}`, kind: `status-${status}` };
    }
    case "timeout":
      return { ok: false, transient: true, reason: `timed out after ${timeoutMs} ms`, kind: "timeout" };
    case "aborted":
      return { ok: false, transient: true, reason: "aborted", kind: "aborted" };
    case "too-large":
      // The backend answered (it is reachable), with something that is not one of its answers.
      return { ok: false, transient: false, status: attempt.status, reason: `answer larger than ${attempt.limit} bytes`, kind: "too-large" };
    case "error":
      // Every transport error is an outage for the SDK's purposes: refused, reset, closed on accept, a
      // DNS failure, or an answer that is not HTTP (a proxy or a broken backend).
      return { ok: false, transient: true, reason: attempt.reason, kind: "network" };
  }
}

/**
 * What a refusal means for the person reading the log line or the ExperimentApiError: an auth failure is
 * not an outage, and waiting for the backend will not help. The key itself is never quoted.
 */
const STATUS_HINTS: Partial<Record<number, string>> = {
  401: " (the API key was not accepted: check apiKey or HH_API_KEY)",
  403: " (the API key may not do this: check that it belongs to the project)",
};

/** 429 and the 5xx that mean "try again": overload, gateway trouble, a crash behind a proxy. */
function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1_000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function withJitter(ms: number): number {
  return ms * (0.8 + Math.random() * 0.4);
}

/**
 * Resolves true after `ms`, false at once when `signal` aborts. Keeps the process alive only for a
 * transport whose requests do (`keepProcessAlive`, evaluate()'s awaited calls): there a backoff
 * between two attempts is part of a request the application awaits, and with no socket open during it
 * (a refused or reset connection, a 503 on a pooled socket) an unref'd timer let Node.js exit before
 * evaluate() settled, skipping the application's code after its `await` (sdk/blind-users.test.ts).
 */
function sleep(ms: number, signal: AbortSignal, keepProcessAlive: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    if (!keepProcessAlive) timer.unref();
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * A delivery's reason from a Node.js error, redacted: it ends up in results and errors the application
 * holds (evaluate()'s ExperimentApiError), not only in log lines, and an error's text may quote the
 * request's URL (credentials, a `?token=`) or its headers.
 */
function describe(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return redact(code && !message.includes(code) ? `${message} (${code})` : message);
}

/**
 * A header value Node.js accepts and the backend can read back: printable ASCII is sent as is (so
 * existing names are unchanged on the wire); anything else (`プロジェクト`, `données-€`) is sent
 * percent-encoded as UTF-8, the way `encodeURIComponent` does, and decoded by the backend.
 */
export function encodeHeaderValue(value: string): string {
  // `%` is encoded too, so that decoding is always right: a project literally named `50%` is `50%25`.
  return /^[\x20-\x24\x26-\x7e]*$/.test(value) ? value : encodeURIComponent(value);
}
