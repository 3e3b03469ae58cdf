// Wires a tracer's spans to their destination with the official OpenTelemetry pieces
// (BatchSpanProcessor / SimpleSpanProcessor, the OTLP exporter, InMemorySpanExporter) and adds what
// they do not do: count the spans dropped because the queue was full, know whether every export since
// the last flush succeeded (forceFlush() answers from both), and keep the spans of an export that
// failed because the backend was unreachable (they wait, bounded, until a probe finds it back).
// The OTLP exporter module is loaded on the first export, not when the SDK is imported.
import type { Context } from "@opentelemetry/api";
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { CircuitBreaker, HttpTransport } from "./http-transport.js";
import { describeError, outageEnded, serverOrigin, warnOutage, type Logger } from "./logger.js";
import { TraceFlags } from "./otel-api.js";
import { otelSdk } from "./otel-sdk.js";
import { drainWithin, valueWithin } from "./timing.js";

export const OTLP_TRACES_PATH = "/opentelemetry/v1/traces";
/** The outages of span export, warned about once each per server (logger.ts warnOutage). */
const OUTAGE_TOPIC = "spans";

/**
 * Spans per export. The BatchSpanProcessor sends one export at a time, so a burst is absorbed by the
 * queue (DEFAULT_MAX_QUEUE_SIZE) and drained in large batches: with OpenTelemetry's defaults (512 of
 * 2048) a healthy local backend lost 56% of a 100,000-span burst; with these, 0 at 10,000 spans/s
 * sustained (bench/RESULTS.md).
 */
export const MAX_EXPORT_BATCH_SIZE = 2_048;
/** How long the BatchSpanProcessor waits for a batch to fill (OpenTelemetry's default is 5000). */
const SCHEDULED_DELAY_MS = 1_000;

/** The export failed because the backend was unreachable, too slow or overloaded: worth keeping the spans. */
export class BackendUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "BackendUnavailableError";
  }
}

/** The tracer shut down before the export ended (its deadline spent): its spans are dropped. */
export class ExportAbandonedError extends Error {
  constructor() {
    super("the tracer was shut down before the export ended");
    this.name = "ExportAbandonedError";
  }
}

/**
 * The export was never sent: its deadline passed before it could be (the application kept the event
 * loop busy). The backend was not asked, so it is no outage; its spans are kept and sent again at once.
 */
export class ExportNotSentError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ExportNotSentError";
  }
}

export interface ExportPipeline {
  /** The processor to give the tracer provider. */
  readonly processor: SpanProcessor;
  /** Spans kept in memory (test mode); empty otherwise. */
  getFinishedSpans(): ReadableSpan[];
  /** Spans dropped because the export queue was full, since the tracer started. */
  readonly droppedSpans: number;
  /** Whether finished spans are waiting in the queue, in an export, or for the backend to come back. */
  readonly hasPendingSpans: boolean;
  /** Spans finished since the tracer started (a measure of new work, for the exit flush). */
  readonly endedSpans: number;
  /** True when every span finished so far was exported successfully before `deadline`. Never rejects. */
  flush(deadline: number): Promise<boolean>;
  /** Reports (and forgets) what failed since the last flush, without waiting: the breaker's fast path. */
  reportWithoutWaiting(): boolean;
  /** Hands queued spans to the exporter now without waiting (a due probe while flushes answer fast). */
  kick(): void;
  /**
   * After shutdown: stops retrying kept spans, and answers every export still pending at once (failed:
   * its spans are dropped, said in one warning). OpenTelemetry's batch processor holds a ref'd timer
   * per export until the exporter answers; an export its shutdown had started and not ended by the
   * deadline held the process after shutdown() returned (load-3). Later exports fail at once.
   */
  dispose(): void;
}

export interface OtlpExporterOptions {
  project: string;
  source: string;
  apiKey: string;
  /** Total deadline of one export, retries included. */
  timeoutMs: number;
  transport: HttpTransport;
}

/** The OTLP exporter, loaded (with its OpenTelemetry packages) on the first export. */
export function createOtlpExporter(options: OtlpExporterOptions): SpanExporter {
  return new LazyExporter(() => import("./otlp-exporter.js").then((module) => module.createHoneyHiveOtlpExporter(options)));
}

class LazyExporter implements SpanExporter {
  #loaded: Promise<SpanExporter> | undefined;
  readonly #load: () => Promise<SpanExporter>;

  constructor(load: () => Promise<SpanExporter>) {
    this.#load = load;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const failed = (error: unknown): void =>
      resultCallback({ code: otelSdk().core.ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    (this.#loaded ??= this.#load()).then((exporter) => {
      // The exporter is called in a callback here, where a synchronous throw (the OTLP exporter logs each
      // export to the application's diagnostic logger first, and one that throws throws there) was an
      // unhandled rejection, and the export never ended (gaps-sdk-6). The caller's try/catch is too early.
      try {
        exporter.export(spans, resultCallback);
      } catch (error) {
        failed(error);
      }
    }, failed);
  }

  async forceFlush(): Promise<void> {
    await (await this.#loaded)?.forceFlush?.();
  }

  async shutdown(): Promise<void> {
    await (await this.#loaded)?.shutdown();
  }
}

export interface ExportPipelineOptions {
  exporter: SpanExporter;
  /** Batch spans (BatchSpanProcessor with a capped queue) or export each one as it ends. */
  batch: boolean;
  maxQueueSize: number;
  /** Upper bound of one batch export; the exporter's own deadline normally ends it first. */
  exportTimeoutMs: number;
  logger: Logger;
  /** The tracer's breaker, when spans go over the network: kept spans are retried when it closes. */
  breaker?: CircuitBreaker;
  /** Where spans go (the serverUrl), when over the network: a refusal is warned about once per server and status. */
  serverUrl?: string;
  /** Where `OTEL_BSP_*` overrides are looked up (the process environment, read once at init). */
  environment: Record<string, string | undefined>;
}

export function createExportPipeline(options: ExportPipelineOptions): ExportPipeline {
  const { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor } = otelSdk().traceBase;
  const { logger } = options;
  let droppedTotal = 0;
  const countDrop = (count: number): void => {
    droppedTotal += count;
    logger.warnOnce(
      "spans-dropped",
      `Dropping spans: the export queue is full (${options.maxQueueSize} spans) because the backend is ` +
        "slow or unreachable. Dropped spans are counted and make forceFlush() return false.",
    );
  };
  const exporter = new DeliveringExporter(options.exporter, logger, {
    breaker: options.breaker,
    server: serverOrigin(options.serverUrl),
    capacity: options.maxQueueSize,
    batchSize: Math.min(MAX_EXPORT_BATCH_SIZE, options.maxQueueSize),
    onDrop: countDrop,
  });
  let processor: SpanProcessor;
  let queuedSpans = () => 0;
  let endedSpans = () => 0;
  if (options.batch) {
    const batchProcessor = new BatchSpanProcessor(exporter, {
      maxQueueSize: options.maxQueueSize,
      // OTEL_BSP_* variables keep their OpenTelemetry meaning: set, they win over the SDK's tuning.
      maxExportBatchSize: options.environment.OTEL_BSP_MAX_EXPORT_BATCH_SIZE ? undefined : Math.min(MAX_EXPORT_BATCH_SIZE, options.maxQueueSize),
      scheduledDelayMillis: options.environment.OTEL_BSP_SCHEDULE_DELAY ? undefined : SCHEDULED_DELAY_MS,
      exportTimeoutMillis: options.exportTimeoutMs,
    });
    // Kept spans share the queue's capacity: memory stays bounded however long the outage.
    const bounded = new BoundedQueueProcessor(batchProcessor, options.maxQueueSize, () => exporter.keptSpans, () => countDrop(1));
    exporter.onHandedOff = (count) => bounded.release(count);
    queuedSpans = () => bounded.queued;
    endedSpans = () => bounded.ended;
    processor = bounded;
  } else {
    let ended = 0;
    const simple = new SimpleSpanProcessor(exporter);
    processor = {
      onStart: (span, parentContext) => simple.onStart(span, parentContext),
      onEnd: (span) => {
        ended++;
        simple.onEnd(span);
      },
      forceFlush: () => simple.forceFlush(),
      shutdown: () => simple.shutdown(),
    };
    endedSpans = () => ended;
  }

  // Each flush reports on what failed or was dropped since the previous one reported, whatever the
  // outcome. Counters, not resets: flushes waiting at once all see what happened while they waited.
  let reported = { failed: 0, dropped: 0 };
  const report = (since = reported): boolean => {
    const now = { failed: exporter.failedSpans, dropped: droppedTotal };
    reported = now;
    return now.failed === since.failed && now.dropped === since.dropped && exporter.keptSpans === 0;
  };

  return {
    processor,
    get droppedSpans() {
      return droppedTotal;
    },
    get hasPendingSpans() {
      return queuedSpans() > 0 || exporter.inFlight.size > 0 || exporter.keptSpans > 0;
    },
    get endedSpans() {
      return endedSpans();
    },
    getFinishedSpans() {
      return options.exporter instanceof InMemorySpanExporter ? options.exporter.getFinishedSpans() : [];
    },
    async flush(deadline) {
      const since = reported;
      const processorFlushed = await valueWithin(
        // The processor gives up waiting on an export after its short hold (tracer.ts) and rejects; the
        // export itself goes on, tracked in `inFlight` and counted by the exporter, which decide below.
        Promise.resolve().then(() => processor.forceFlush()).then(
          () => true,
          () => true,
        ),
        deadline - Date.now(),
        false,
      );
      const exportsSettled = await drainWithin(exporter.inFlight, deadline);
      const delivered = report(since);
      return processorFlushed && exportsSettled && delivered;
    },
    reportWithoutWaiting() {
      report();
      return false;
    },
    kick() {
      void Promise.resolve()
        .then(() => processor.forceFlush())
        .catch(() => {});
      exporter.resendKept();
    },
    dispose() {
      exporter.dispose();
    },
  };
}

interface DeliveringExporterOptions {
  breaker: CircuitBreaker | undefined;
  /** The server's origin (scheme, host, port: never credentials, a path or a query), or undefined. */
  server: string | undefined;
  /** Most spans kept for a later retry. */
  capacity: number;
  batchSize: number;
  onDrop: (count: number) => void;
}

/**
 * Wraps the exporter to know which exports are still in flight (BatchSpanProcessor.forceFlush does not
 * wait for a batch its timer already started), how many spans failed to export, and to keep the spans
 * of an export that failed because the backend was unavailable: they are sent again, a batch at a
 * time, once the breaker lets a probe through, and for good once it closes.
 */
class DeliveringExporter implements SpanExporter {
  readonly inFlight = new Set<Promise<unknown>>();
  /** Told how many spans left the processor's queue for an export. */
  onHandedOff: (count: number) => void = () => {};
  /** Spans whose export failed for good, since the tracer started. */
  failedSpans = 0;
  #kept: ReadableSpan[] = [];
  #retryTimer: NodeJS.Timeout | undefined;
  #disposed = false;
  /** The resend scheduled for the next turn of the loop (see #resendNextTurn), while it waits, and its cancel. */
  #nextTurn: (() => void) | undefined;
  /** Exports not answered yet: each drops its spans and answers at once, returning how many spans. */
  readonly #unanswered = new Set<() => number>();
  readonly #unsubscribe: () => void;
  readonly #inner: SpanExporter;
  readonly #logger: Logger;
  readonly #options: DeliveringExporterOptions;

  constructor(inner: SpanExporter, logger: Logger, options: DeliveringExporterOptions) {
    this.#inner = inner;
    this.#logger = logger;
    this.#options = options;
    this.#unsubscribe = options.breaker?.onClose(() => this.resendKept()) ?? (() => {});
  }

  get keptSpans(): number {
    return this.#kept.length;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.onHandedOff(spans.length);
    this.#deliver(spans, resultCallback);
  }

  #deliver(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const { ExportResultCode } = otelSdk().core;
    let settle!: () => void;
    const tracked = new Promise<void>((resolve) => (settle = resolve));
    this.inFlight.add(tracked);
    let finished = false;
    const answer = (result: ExportResult): void => {
      this.#unanswered.delete(abandon);
      this.inFlight.delete(tracked);
      settle();
      resultCallback(result);
    };
    // The late result of an export answered this way is ignored (`finished`); the transport's close aborts it.
    const abandon = (): number => {
      if (finished) return 0;
      finished = true;
      this.failedSpans += spans.length;
      answer({ code: ExportResultCode.FAILED, error: new ExportAbandonedError() });
      return spans.length;
    };
    if (this.#disposed) {
      this.#dropAbandoned(abandon());
      return;
    }
    this.#unanswered.add(abandon);
    const finish = (result: ExportResult) => {
      if (finished) return;
      finished = true;
      const { server } = this.#options;
      if (result.code === ExportResultCode.SUCCESS) {
        if (server !== undefined) outageEnded(server, OUTAGE_TOPIC);
      } else {
        const error = result.error;
        if (error instanceof ExportNotSentError && this.#options.breaker) {
          // Not sent (the deadline passed while the event loop was busy): the spans were dropped as if
          // the backend had refused them. They are kept like an outage's, bounded the same way, and sent
          // again on the next turn of the loop, tracked before this export leaves `inFlight`: a flush
          // waiting for it (a final one included) waits for the new attempt, within its own deadline.
          // The breaker is untouched: the backend was not asked.
          this.#keep(spans);
          this.#resendNextTurn();
          result = { code: ExportResultCode.SUCCESS };
          this.#logger.warnOnce(
            `span-export-not-sent:${server ?? ""}`,
            `Exporting spans to HoneyHive failed: ${describeError(error)} (${server === undefined ? "" : `server ${server}; `}` +
              "these spans are kept, bounded by maxQueueSize, and sent again; further such failures are not logged)",
          );
        } else if (error instanceof BackendUnavailableError && this.#options.breaker) {
          this.#keep(spans);
          this.#scheduleRetry();
          // The spans are not lost: for the processor this export is done.
          result = { code: ExportResultCode.SUCCESS };
          // Once per outage of the server, not once per process (gaps-sdk-6: a second outage, after the
          // backend had come back, was never said).
          warnOutage(
            server ?? "",
            OUTAGE_TOPIC,
            `Exporting spans to HoneyHive failed: ${describeError(error)} (${server === undefined ? "" : `server ${server}; `}` +
              "spans are kept, bounded by maxQueueSize, and sent when the backend is back; further failures are not logged " +
              "until it answers again)",
          );
        } else {
          this.failedSpans += spans.length;
          // Refused (a 401, a 403, a 400) or broken: these spans are not sent again, and saying they were
          // kept would send the reader looking for an outage instead of at the key or the project.
          // Once per server and status, not once per process (review-sdk4: a 400 for one batch hid a
          // later 401), nor once per status (gaps-sdk-5: one server's 401 hid another's, a tracer with
          // a wrong key beside one with the right key elsewhere). The server is named by its origin.
          const status = (error as { code?: unknown } | undefined)?.code;
          this.#logger.warnOnce(
            `span-export-refused:${server ?? ""}:${typeof status === "number" ? status : (error?.name ?? "unknown")}`,
            `Exporting spans to HoneyHive failed: ${describeError(error)} (${server === undefined ? "" : `server ${server}; `}` +
              "these spans are not sent again; further failures are not logged)",
          );
        }
      }
      answer(result);
    };
    try {
      this.#inner.export(spans, finish);
    } catch (error) {
      finish({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  #keep(spans: ReadableSpan[]): void {
    const room = Math.max(0, this.#options.capacity - this.#kept.length);
    this.#kept.push(...spans.slice(0, room));
    if (spans.length > room) this.#options.onDrop(spans.length - room);
  }

  /**
   * resendKept() on the next turn of the event loop (not at once: an export that keeps finding its
   * deadline spent must not become a loop of promises the application's I/O never gets between),
   * tracked in `inFlight` until then, so that a flush waits for it.
   */
  #resendNextTurn(): void {
    if (this.#nextTurn || this.#disposed) return;
    let settle!: () => void;
    const tracked = new Promise<void>((resolve) => (settle = resolve));
    this.inFlight.add(tracked);
    const done = (): void => {
      this.#nextTurn = undefined;
      this.inFlight.delete(tracked);
      settle();
    };
    // Ref'd (an immediate holds the process for one turn): dispose() cancels it.
    const immediate = setImmediate(() => {
      // The new attempt is tracked before this placeholder leaves: a waiting flush never sees a gap.
      this.resendKept();
      done();
    });
    this.#nextTurn = () => {
      clearImmediate(immediate);
      done();
    };
  }

  #scheduleRetry(): void {
    const breaker = this.#options.breaker;
    if (!breaker || this.#disposed || this.#retryTimer || this.#kept.length === 0) return;
    // Unref'd: waiting for a backend to come back must not keep a process alive.
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.resendKept();
    }, breaker.msUntilProbe + 10);
    this.#retryTimer.unref();
  }

  /** Sends kept spans again: one batch as a probe while the breaker is open, all of them once it is closed. */
  resendKept(): void {
    const breaker = this.#options.breaker;
    if (!breaker || this.#kept.length === 0) return;
    if (breaker.isOpen && breaker.msUntilProbe > 0) {
      this.#scheduleRetry();
      return;
    }
    const batch = this.#kept.splice(0, this.#options.batchSize);
    this.#deliver(batch, () => {
      // The next batch on the next turn, not in this callback: a batch that was not sent is kept again
      // and would otherwise be resent in a chain of promises that starves the application's timers and I/O.
      if (!breaker.isOpen) this.#resendNextTurn();
      else this.#scheduleRetry();
    });
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#nextTurn?.();
    this.#unsubscribe();
    let dropped = 0;
    for (const abandon of [...this.#unanswered]) dropped += abandon();
    this.#dropAbandoned(dropped);
  }

  #dropAbandoned(count: number): void {
    if (count === 0) return;
    const { server } = this.#options;
    this.#logger.warnOnce(
      `span-export-abandoned:${server ?? ""}`,
      `Exporting spans to HoneyHive did not end before the tracer shut down (its deadline spent): ${count} spans are dropped ` +
        `(${server === undefined ? "" : `server ${server}; `}further such drops are not logged)`,
    );
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.dispose();
    return this.#inner.shutdown();
  }
}

/**
 * Caps the spans waiting in the BatchSpanProcessor's queue and counts what does not fit. It mirrors the
 * queue length (spans in, spans handed to the exporter) because the official processor drops silently
 * (a diag message only) and exposes no count.
 */
class BoundedQueueProcessor implements SpanProcessor {
  #queued = 0;
  #ended = 0;
  readonly #inner: SpanProcessor;
  readonly #capacity: number;
  readonly #kept: () => number;
  readonly #onDrop: () => void;

  constructor(inner: SpanProcessor, capacity: number, kept: () => number, onDrop: () => void) {
    this.#inner = inner;
    this.#capacity = capacity;
    this.#kept = kept;
    this.#onDrop = onDrop;
  }

  get queued(): number {
    return this.#queued;
  }

  get ended(): number {
    return this.#ended;
  }

  release(count: number): void {
    this.#queued = Math.max(0, this.#queued - count);
  }

  onStart(span: Span, parentContext: Context): void {
    this.#inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    this.#ended++;
    if (this.#queued + this.#kept() >= this.#capacity) {
      this.#onDrop();
      return;
    }
    this.#queued++;
    this.#inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }
}
