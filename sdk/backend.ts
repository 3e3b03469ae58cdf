// The one HTTP client of the SDK for the HoneyHive REST API (sessions, events, runs, datapoints).
// It never throws and never rejects: a backend that is down, slow or answering 4xx/5xx turns into a
// result value and one warning. It remembers the calls in flight and whether any failed, so that
// forceFlush() can tell whether everything reached the backend. The API key is sent, never logged.
// Calls go through the SDK's HTTP transport (http-transport.ts), like spans: one total deadline per
// call, retries of 429 (after Retry-After), 5xx and connection errors, reused connections.
//
// A call is not sent inside the method that asks for it: building and writing a request is
// synchronous work, and these calls are made from request paths (createSession() in a middleware).
// Calls are queued and sent together on the next turn of the event loop, so the caller pays only for
// queueing. The call's deadline counts from when it was asked for, not from when it is sent: the wait
// for the next turn (and the first-time load of node:http) is part of its `timeoutMs`, so an awaited
// call (acreateSession()) and its request end together.
import { describeError, outageEnded, serverOrigin, warnOutage, type Logger, createLogger } from "./logger.js";
import { DEFAULT_TIMEOUT_MS } from "./config.js";
import { HttpTransport } from "./http-transport.js";
import { drainWithin } from "./timing.js";

export interface BackendClientOptions {
  /** Base URL without a trailing slash, e.g. `https://api.honeyhive.ai`. */
  serverUrl: string;
  apiKey: string;
  /** Total time of one call in ms, retries included. Default 10000. */
  timeoutMs?: number;
  /** The transport to send through (a tracer shares its own with its span exporter); one of its own otherwise. */
  transport?: HttpTransport;
  /** Calls in flight beyond this are not made (and count as failures), so memory stays bounded. */
  maxPendingCalls?: number;
  logger?: Logger;
}

export type BackendResult<T = unknown> =
  | { ok: true; status: number; body: T }
  | { ok: false; status?: number; error: string };

export type HttpMethod = "GET" | "POST" | "PUT";

/** The longest answer read (the transport's 1 MB when undefined), or "discard": only the status counts. */
type AnswerLimit = number | "discard" | undefined;

interface QueuedCall {
  method: HttpMethod;
  path: string;
  /** The request body, serialized when the call was asked for. */
  json: string | undefined;
  maxResponseBytes: AnswerLimit;
  /** Date.now() when the call was asked for: its total deadline starts here. */
  askedAt: number;
  /** Settles the caller's promise with the result of the real call. */
  send: (result: Promise<BackendResult>) => void;
}

const DEFAULT_MAX_PENDING_CALLS = 1_000;

/** The outages of REST calls, warned about once each per server (logger.ts warnOutage). */
const OUTAGE_TOPIC = "api";

export class BackendClient {
  readonly serverUrl: string;
  /** What a warning names: the server's origin, never its credentials, path or query. */
  readonly #server: string;
  readonly #transport: HttpTransport;
  readonly #ownsTransport: boolean;
  #callsAsked = 0;
  readonly #apiKey: string;
  readonly #timeoutMs: number;
  readonly #maxPendingCalls: number;
  readonly #logger: Logger;
  /** Every call not yet settled, from the moment it is asked for (queued ones included). */
  readonly #pending = new Set<Promise<unknown>>();
  /** Calls asked for and not yet sent; sent together by #sendQueued on the next turn. */
  #queued: QueuedCall[] = [];
  /**
   * Failed calls since the client was created, and how many of them a settle() has reported. Counted,
   * not reset by each settle(): two flushes waiting at once must both see a failure that happened while
   * they waited (with a reset, the one that resumed second answered true).
   */
  #failures = 0;
  #reportedFailures = 0;

  constructor(options: BackendClientOptions) {
    this.serverUrl = options.serverUrl.replace(/\/+$/, "");
    this.#server = serverOrigin(this.serverUrl) ?? "";
    this.#apiKey = options.apiKey;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxPendingCalls = options.maxPendingCalls ?? DEFAULT_MAX_PENDING_CALLS;
    this.#logger = options.logger ?? createLogger();
    this.#ownsTransport = options.transport === undefined;
    this.#transport = options.transport ?? new HttpTransport(this.serverUrl);
  }

  get pendingCalls(): number {
    return this.#pending.size;
  }

  /** Calls asked for since the client was created (a measure of new work, for the exit flush). */
  get callsAsked(): number {
    return this.#callsAsked;
  }

  /** Reports (and forgets) failures since the last settle() without waiting: false when anything is unsettled or failed. */
  reportWithoutWaiting(): boolean {
    const failed = this.#failures > this.#reportedFailures;
    this.#reportedFailures = this.#failures;
    return !failed && this.#pending.size === 0;
  }

  /** Aborts the calls in flight (they resolve `{ ok: false }`) and, when the transport is its own, closes it. */
  close(): void {
    if (this.#ownsTransport) this.#transport.close();
    else this.#transport.abortAll();
  }

  /** `maxResponseBytes`: for an answer that may be larger than the transport's 1 MB (a dataset). */
  get<T = unknown>(path: string, options: { maxResponseBytes?: number } = {}): Promise<BackendResult<T>> {
    return this.request<T>("GET", path, undefined, options.maxResponseBytes);
  }

  post<T = unknown>(path: string, body: unknown): Promise<BackendResult<T>> {
    return this.request<T>("POST", path, body);
  }

  /** The answer's body is not read (PUT /runs echoes every event id of the run): its size never fails the call. */
  put(path: string, body: unknown): Promise<BackendResult<unknown>> {
    return this.request("PUT", path, body, "discard");
  }

  /**
   * Sends one JSON request on the next turn of the event loop. Resolves with the parsed body, or with
   * `{ ok: false }`; never rejects. The body is serialized now, so it is what the caller passed now.
   */
  request<T = unknown>(method: HttpMethod, path: string, body?: unknown, maxResponseBytes?: AnswerLimit): Promise<BackendResult<T>> {
    if (this.#pending.size >= this.#maxPendingCalls) {
      // Calls pile up when the backend does not answer: an outage, like the calls' own failures.
      return Promise.resolve(this.#failed(method, path, "too many calls in flight", "overloaded", true));
    }
    let json: string | undefined;
    try {
      json = body === undefined ? undefined : JSON.stringify(body);
    } catch (error) {
      return Promise.resolve(this.#failed(method, path, `body not serializable: ${describeError(error)}`, "body", false));
    }
    this.#callsAsked++;
    let send!: (result: Promise<BackendResult<T>>) => void;
    const call = new Promise<BackendResult<T>>((resolve) => {
      send = resolve;
    });
    if (this.#queued.length === 0) {
      // One immediate per batch of calls. It is not unref'd: it fires on the next turn, so it cannot
      // hold a process open; unref'd, a script's last createSession() would never be sent.
      setImmediate(this.#sendQueued);
    }
    this.#queued.push({ method, path, json, maxResponseBytes, askedAt: Date.now(), send: send as QueuedCall["send"] });
    this.#pending.add(call);
    void call.finally(() => this.#pending.delete(call));
    return call;
  }

  readonly #sendQueued = (): void => {
    const queued = this.#queued;
    this.#queued = [];
    for (const { method, path, json, maxResponseBytes, askedAt, send } of queued) send(this.#send(method, path, json, maxResponseBytes, askedAt));
  };

  /**
   * Waits until every call in flight (including ones started while waiting) has settled, at most
   * `timeoutMs`. True when all settled in time and none failed since the previous settle().
   */
  settle(timeoutMs: number): Promise<boolean> {
    return this.settleBy(Date.now() + timeoutMs);
  }

  /** settle() with an absolute deadline (Date.now() milliseconds). */
  async settleBy(deadline: number): Promise<boolean> {
    const reportedBefore = this.#reportedFailures;
    const drained = await drainWithin(this.#pending, deadline);
    const failed = this.#failures > reportedBefore;
    this.#reportedFailures = this.#failures;
    return drained && !failed;
  }

  async #send<T>(method: HttpMethod, path: string, json: string | undefined, maxResponseBytes: AnswerLimit, askedAt: number): Promise<BackendResult<T>> {
    const delivery = await this.#transport.deliver(
      {
        method,
        path,
        headers: {
          Authorization: `Bearer ${this.#apiKey}`,
          Accept: "application/json",
          ...(json === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: json,
        timeoutMs: this.#timeoutMs,
        startedAt: askedAt,
        maxResponseBytes: maxResponseBytes === "discard" ? undefined : maxResponseBytes,
        discardAnswer: maxResponseBytes === "discard",
      },
      // A session start is worth one attempt even while span exports wait for the breaker: its
      // answer also tells the breaker whether the backend is back.
      { respectBreaker: false },
    );
    if (delivery.ok) {
      outageEnded(this.#server, OUTAGE_TOPIC);
      return { ok: true, status: delivery.status, body: parseJson(delivery.body) as T };
    }
    return this.#failed(method, path, delivery.reason, delivery.kind, delivery.transient, delivery.status);
  }

  /**
   * One warning per server and cause, not per method and route (gaps-sdk-6: one outage printed a line
   * for each of POST /session/start, PUT /events and POST /runs, and for each kind of failure of each):
   * an outage (unreachable, hung, 429/5xx after the retries) once per outage of the server, a refusal
   * (401, 403, another 4xx) or a failure of the SDK's own once per server and kind.
   */
  #failed(method: HttpMethod, path: string, reason: string, kind: string, outage: boolean, status?: number): BackendResult<never> {
    this.#failures++;
    const route = path.split("?")[0];
    const message = `HoneyHive API ${method} ${route} failed: ${reason}`;
    const where = this.#server === "" ? "" : `server ${this.#server}; `;
    if (outage) {
      warnOutage(this.#server, OUTAGE_TOPIC, `${message} (${where}further failures of API calls are not logged until it answers again)`);
    } else {
      this.#logger.warnOnce(`backend:${this.#server}:${kind}`, `${message} (${where}further failures of this kind are not logged)`);
    }
    this.#logger.debug(message);
    return { ok: false, status, error: message };
  }
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

