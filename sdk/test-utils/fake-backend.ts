// A local stand-in for the HoneyHive API, for integration tests. It implements the backend contract
// of issue 2 on 127.0.0.1, records every request (path, headers, body) and decodes the OTLP/HTTP JSON
// the official exporter sends, so a test can assert on what really went over the wire. It can be told
// to fail, to answer slowly, to misbehave at the connection level (hang, reset, garbage, a 1 byte/s
// drip, close every connection on accept), or be replaced by a closed port, to exercise the SDK's
// fault handling. It counts the TCP connections it accepted, to check connection reuse.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { OTLP_TRACES_PATH } from "../export-pipeline.js";

export { OTLP_TRACES_PATH };

export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/runs/abc`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, the raw text otherwise, `undefined` when empty. */
  body: unknown;
  /** The status the fake answered with (after any injected fault); 0 while the answer is pending. */
  status: number;
  /** Date.now() when the request had been read. */
  receivedAt: number;
}

/** One span from an OTLP export, attributes flattened to plain values. */
export interface DecodedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
  resourceAttributes: Record<string, unknown>;
  /** The OTLP status code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
}

export interface FakeDatapoint {
  id: string;
  inputs: Record<string, unknown>;
  ground_truth?: unknown;
}

export interface FakeBackendOptions {
  /** Datasets served by `GET /datapoints?dataset_id=`. */
  datasets?: Record<string, FakeDatapoint[]>;
}

/**
 * How a connection misbehaves instead of answering:
 * - `close-on-accept`: every new connection is closed as soon as it is accepted (no request is read);
 * - `hang`: the request is read and never answered;
 * - `reset`: the request is read and the connection is reset (TCP RST);
 * - `garbage`: the request is answered with bytes that are not HTTP;
 * - `drip`: a 200 answer with a 600-byte body, sent `bytesPerSecond` bytes a second (default 1), status
 *   line and headers included;
 * - `reset-mid-body`: a 200 answer whose headers promise 1000 bytes, then a few bytes, then a reset;
 * - `huge-body`: a 200 answer streaming 80 MB of blanks as fast as the client reads.
 */
export type ConnectionFaultMode = "close-on-accept" | "hang" | "reset" | "garbage" | "drip" | "reset-mid-body" | "huge-body";

/** How the fake misbehaves: `status` replaces the answer, `delayMs` holds it back, `mode` breaks the connection. */
export interface Fault {
  status?: number;
  delayMs?: number;
  /** Only requests whose path matches are affected; all requests when absent. */
  path?: RegExp;
  mode?: ConnectionFaultMode;
  /** For `drip`. */
  bytesPerSecond?: number;
  /** Headers added to a `status` answer, e.g. `{ "retry-after": "1" }`. */
  headers?: Record<string, string>;
  /** The JSON body of a `status` answer, from the request (e.g. one that echoes its API key); `{ error: "injected fault" }` when absent. */
  body?: (request: RecordedRequest) => unknown;
  /** The body of a `status` answer as raw text (not JSON-encoded), e.g. an HTML error page; wins over `body`. */
  rawBody?: string;
  /** The fault affects only the next `times` matching requests (a blip), then no longer applies. */
  times?: number;
}

type OtlpAnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
};
type OtlpKeyValue = { key: string; value?: OtlpAnyValue };
type OtlpSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: OtlpKeyValue[];
  status?: { code?: number };
};
type OtlpExportRequest = {
  resourceSpans?: { resource?: { attributes?: OtlpKeyValue[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
};

function decodeAnyValue(value: OtlpAnyValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(decodeAnyValue);
  if (value.kvlistValue !== undefined) return decodeAttributes(value.kvlistValue.values);
  return undefined;
}

function decodeAttributes(attributes: OtlpKeyValue[] | undefined): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const { key, value } of attributes ?? []) decoded[key] = decodeAnyValue(value);
  return decoded;
}

/** Flattens an OTLP/HTTP JSON export request into its spans. */
export function decodeOtlpSpans(payload: unknown): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const resourceSpans of (payload as OtlpExportRequest).resourceSpans ?? []) {
    const resourceAttributes = decodeAttributes(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        spans.push({
          name: span.name,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          attributes: decodeAttributes(span.attributes),
          resourceAttributes,
          statusCode: span.status?.code ?? 0,
        });
      }
    }
  }
  return spans;
}

/**
 * A request header as the backend reads it: values the SDK could not send raw (outside printable
 * ASCII, or containing `%`) arrive percent-encoded UTF-8, and are decoded here.
 */
export function headerValue(request: RecordedRequest, name: string): string | undefined {
  const raw = request.headers[name.toLowerCase()];
  if (typeof raw !== "string") return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString("utf8");
  if (contentType?.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export class FakeHoneyHiveBackend {
  /** Every request received, in arrival order (also the ones answered with an injected fault). */
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly datasets: Record<string, FakeDatapoint[]>;
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  /** Sockets whose client has not closed its side yet: what `openConnections` counts. */
  private readonly clientOpen = new Set<Socket>();
  private readonly dripTimers = new Set<NodeJS.Timeout>();
  /** TCP connections accepted since start (closed-on-accept ones included). */
  connectionsAccepted = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    options: FakeBackendOptions,
  ) {
    this.datasets = options.datasets ?? {};
  }

  /** Starts a fake on an ephemeral port of 127.0.0.1. */
  static async start(options: FakeBackendOptions = {}): Promise<FakeHoneyHiveBackend> {
    // Assigned once, after listen(): the request handler below is created before the backend exists.
    // eslint-disable-next-line prefer-const
    let backend: FakeHoneyHiveBackend | undefined;
    const server = createServer((request, response) => {
      // The server only exists to serve this backend; `backend` is set before listen() resolves.
      void backend!.handle(request, response);
    });
    // Keep-alive sockets of the exporter must not keep close() waiting.
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const started = new FakeHoneyHiveBackend(server, `http://127.0.0.1:${port}`, options);
    server.on("connection", (socket: Socket) => started.accept(socket));
    backend = started;
    return started;
  }

  /** A URL on 127.0.0.1 where nothing listens: connections to it are refused. */
  static async refusingUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  /** Adds a fault; later faults win over earlier ones for the same request. */
  inject(fault: Fault): void {
    this.faults.push(fault);
    // Open keep-alive connections would otherwise carry requests past a backend that now closes
    // every connection it accepts.
    if (fault.mode === "close-on-accept") for (const socket of this.sockets) socket.destroy();
  }

  /**
   * TCP connections currently open, as the client holds them: one counts as closed as soon as the
   * client's end of it is read (its FIN or reset), not only when the fake has closed its own side too,
   * a turn of the loop or more later. A client that closes one connection and opens the next (a pool
   * at its bound) would otherwise be counted one over, the closed one beside its successor.
   */
  get openConnections(): number {
    return this.clientOpen.size;
  }

  /** Removes every fault: the fake answers normally again. */
  heal(): void {
    this.faults.length = 0;
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.method === method && (typeof path === "string" ? request.path === path : path.test(request.path)),
    );
  }

  /** Every span received by the OTLP endpoint (answered with 2xx), decoded. */
  spans(): DecodedSpan[] {
    return this.requestsTo("POST", OTLP_TRACES_PATH)
      .filter((request) => request.status >= 200 && request.status < 300)
      .flatMap((request) => decodeOtlpSpans(request.body));
  }

  /** The `session` objects of every `POST /session/start`. */
  startedSessions(): Record<string, unknown>[] {
    return this.requestsTo("POST", "/session/start").map(
      (request) => (request.body as { session: Record<string, unknown> }).session,
    );
  }

  /** Resolves once `condition()` holds (re-checked on every request and every 20 ms), rejects after `timeoutMs`. */
  async waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(check);
        resolve();
      };
      // Connection counts change without a request: poll as well.
      const poll = setInterval(check, 20);
      const timer = setTimeout(() => {
        clearInterval(poll);
        this.waiters.delete(check);
        reject(new Error(`fake backend: condition not met within ${timeoutMs} ms (${this.requests.length} requests seen)`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    for (const timer of this.dripTimers) clearInterval(timer);
    this.dripTimers.clear();
    // Delayed answers, hung requests and idle keep-alive sockets would otherwise hold close() open.
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.connectionsAccepted++;
    const closeOnAccept = this.faults.some((fault) => fault.mode === "close-on-accept");
    if (closeOnAccept) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    this.clientOpen.add(socket);
    socket.once("end", () => this.clientOpen.delete(socket));
    socket.once("close", () => {
      this.sockets.delete(socket);
      this.clientOpen.delete(socket);
    });
  }

  /** The fault for a request to `path`; a fault with `times` is used up by the requests it affects. */
  private faultFor(path: string): Fault | undefined {
    for (let index = this.faults.length - 1; index >= 0; index--) {
      const fault = this.faults[index];
      if (fault.mode === "close-on-accept") continue;
      if (fault.times !== undefined && fault.times <= 0) continue;
      if (!fault.path || fault.path.test(path)) {
        if (fault.times !== undefined) fault.times--;
        return fault;
      }
    }
    return undefined;
  }

  /** Breaks the connection the way `mode` says; the request stays recorded with status 0. */
  private misbehave(mode: ConnectionFaultMode, fault: Fault, request: IncomingMessage): void {
    const socket = request.socket;
    if (mode === "hang" || mode === "close-on-accept") return;
    if (mode === "reset") {
      socket.resetAndDestroy();
      return;
    }
    if (mode === "garbage") {
      socket.end("\u0000\u0001 this is not HTTP \r\n\r\n\u00ff");
      return;
    }
    if (mode === "reset-mid-body") {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"session_id":');
      const timer = setTimeout(() => {
        this.dripTimers.delete(timer);
        if (!socket.destroyed) socket.resetAndDestroy();
      }, 50);
      this.dripTimers.add(timer);
      return;
    }
    if (mode === "huge-body") {
      socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = 1280;
      const pump = (): void => {
        while (left > 0 && !socket.destroyed) {
          left--;
          if (!socket.write(`${chunk.length.toString(16)}\r\n`) || !socket.write(chunk) || !socket.write("\r\n")) {
            socket.once("drain", pump);
            return;
          }
        }
        if (!socket.destroyed) socket.end("0\r\n\r\n");
      };
      pump();
      return;
    }
    const body = JSON.stringify({ padding: "x".repeat(580) });
    const raw = Buffer.from(
      `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    let offset = 0;
    const bytesPerSecond = fault.bytesPerSecond ?? 1;
    const timer = setInterval(() => {
      if (socket.destroyed || offset >= raw.length) {
        clearInterval(timer);
        this.dripTimers.delete(timer);
        return;
      }
      socket.write(raw.subarray(offset, offset + 1));
      offset++;
    }, 1_000 / bytesPerSecond);
    this.dripTimers.add(timer);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    let raw: Buffer;
    try {
      raw = await readBody(request);
    } catch {
      // The client gave up while still sending (an SDK deadline aborted the request): nothing to record.
      return;
    }
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: parseBody(raw, request.headers["content-type"]),
      status: 0,
      receivedAt: Date.now(),
    };
    // Recorded on arrival, so a test sees requests that a slow fault is still holding back.
    this.requests.push(recorded);
    this.notifyWaiters();
    const fault = this.faultFor(recorded.path);
    if (fault?.mode) {
      this.misbehave(fault.mode, fault, request);
      return;
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const [status, answer] = fault?.status
      ? [fault.status, fault.body ? fault.body(recorded) : { error: "injected fault" }]
      : this.route(recorded);
    recorded.status = status;
    if (!response.destroyed) {
      response.writeHead(status, { "content-type": "application/json", ...(fault?.status ? fault.headers : {}) });
      response.end(fault?.status && fault.rawBody !== undefined ? fault.rawBody : JSON.stringify(answer));
    }
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    for (const check of [...this.waiters]) check();
  }

  private route(request: RecordedRequest): [number, unknown] {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const key = `${request.method} ${request.path}`;
    if (key === "POST /session/start") {
      const session = body.session as Record<string, unknown> | undefined;
      if (!session || typeof session.project !== "string") return [400, { error: "session.project is required" }];
      return [200, { session_id: typeof session.session_id === "string" ? session.session_id : randomUUID() }];
    }
    if (key === "PUT /events") {
      if (typeof body.event_id !== "string") return [400, { error: "event_id is required" }];
      return [200, { success: true }];
    }
    if (key === "POST /runs") {
      if (typeof body.project !== "string" || typeof body.name !== "string") return [400, { error: "project and name are required" }];
      return [200, { run_id: randomUUID() }];
    }
    if (request.method === "PUT" && request.path.startsWith("/runs/")) return [200, { success: true }];
    if (key === "GET /datapoints") {
      const datapoints = this.datasets[request.query.dataset_id ?? ""];
      return datapoints ? [200, { datapoints }] : [404, { error: `no dataset ${request.query.dataset_id}` }];
    }
    if (key === `POST ${OTLP_TRACES_PATH}`) {
      if (typeof request.body !== "object") return [400, { error: "expected an OTLP/HTTP JSON body" }];
      // Like the HoneyHive ingestion service: the project header must name the spans' project.
      const project = headerValue(request, "x-honeyhive-project");
      const spanProjects = new Set(decodeOtlpSpans(request.body).map((span) => span.resourceAttributes["honeyhive.project"]));
      if (project !== undefined && [...spanProjects].some((spanProject) => spanProject !== project)) {
        return [400, { error: "x-honeyhive-project does not match the spans' project" }];
      }
      return [200, {}];
    }
    return [404, { error: `no route ${key}` }];
  }
}
