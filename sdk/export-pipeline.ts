// Wires a tracer's spans to their destination with the official OpenTelemetry pieces
// (BatchSpanProcessor / SimpleSpanProcessor, OTLPTraceExporter, InMemorySpanExporter) and adds the two
// things they do not report: how many spans were dropped because the queue was full, and whether
// every export since the last flush succeeded. forceFlush() answers from both.
import { TraceFlags, type Context } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { describeError, type Logger } from "./logger.js";
import { drainWithin, valueWithin } from "./timing.js";

export const OTLP_TRACES_PATH = "/opentelemetry/v1/traces";

export interface ExportPipeline {
  /** The processor to give the tracer provider. */
  readonly processor: SpanProcessor;
  /** Spans kept in memory (test mode); empty otherwise. */
  getFinishedSpans(): ReadableSpan[];
  /** Spans dropped because the export queue was full, since the tracer started. */
  readonly droppedSpans: number;
  /** Whether finished spans are waiting in the queue or in an export. */
  readonly hasPendingSpans: boolean;
  /** True when every span finished so far was exported successfully within `timeoutMs`. Never rejects. */
  flush(timeoutMs: number): Promise<boolean>;
}

export interface OtlpExporterOptions {
  serverUrl: string;
  apiKey: string;
  project: string;
  source: string;
  timeoutMs: number;
}

/** The official OTLP/HTTP (JSON) exporter, pointed at HoneyHive and authenticated with the API key. */
export function createOtlpExporter(options: OtlpExporterOptions): SpanExporter {
  return new OTLPTraceExporter({
    url: options.serverUrl + OTLP_TRACES_PATH,
    headers: {
      Authorization: `Bearer ${options.apiKey}`,
      "x-honeyhive-project": options.project,
      "x-honeyhive-source": options.source,
    },
    timeoutMillis: options.timeoutMs,
  });
}

export interface ExportPipelineOptions {
  exporter: SpanExporter;
  /** Batch spans (BatchSpanProcessor with a capped queue) or export each one as it ends. */
  batch: boolean;
  maxQueueSize: number;
  /** Upper bound of one batch export; the exporter's own timeout normally ends it first. */
  exportTimeoutMs: number;
  logger: Logger;
}

export function createExportPipeline(options: ExportPipelineOptions): ExportPipeline {
  const { logger } = options;
  let droppedSinceFlush = 0;
  let droppedTotal = 0;
  const exporter = new TrackingExporter(options.exporter, logger);
  let processor: SpanProcessor;
  let queuedSpans = () => 0;
  if (options.batch) {
    const batchProcessor = new BatchSpanProcessor(exporter, {
      maxQueueSize: options.maxQueueSize,
      maxExportBatchSize: Math.min(512, options.maxQueueSize),
      exportTimeoutMillis: options.exportTimeoutMs,
    });
    const bounded = new BoundedQueueProcessor(batchProcessor, options.maxQueueSize, () => {
      droppedSinceFlush++;
      droppedTotal++;
      logger.warnOnce(
        "spans-dropped",
        `Dropping spans: the export queue is full (${options.maxQueueSize} spans) because the backend is ` +
          "slow or unreachable. Dropped spans are counted and make forceFlush() return false.",
      );
    });
    exporter.onHandedOff = (count) => bounded.release(count);
    queuedSpans = () => bounded.queued;
    processor = bounded;
  } else {
    processor = new SimpleSpanProcessor(exporter);
  }

  return {
    processor,
    get droppedSpans() {
      return droppedTotal;
    },
    get hasPendingSpans() {
      return queuedSpans() > 0 || exporter.inFlight.size > 0;
    },
    getFinishedSpans() {
      return options.exporter instanceof InMemorySpanExporter ? options.exporter.getFinishedSpans() : [];
    },
    async flush(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const processorFlushed = await valueWithin(
        Promise.resolve().then(() => processor.forceFlush()).then(() => true),
        timeoutMs,
        false,
      );
      const exportsSettled = await drainWithin(exporter.inFlight, deadline);
      // Each flush reports on what happened since the previous one, whatever the outcome.
      const failedSpans = exporter.takeFailures();
      const dropped = droppedSinceFlush;
      droppedSinceFlush = 0;
      return processorFlushed && exportsSettled && failedSpans === 0 && dropped === 0;
    },
  };
}

/**
 * Wraps the exporter to know which exports are still in flight (BatchSpanProcessor.forceFlush does not
 * wait for a batch its timer already started) and how many spans failed to export.
 */
class TrackingExporter implements SpanExporter {
  readonly inFlight = new Set<Promise<unknown>>();
  /** Told how many spans left the processor's queue for an export. */
  onHandedOff: (count: number) => void = () => {};
  #failedSpans = 0;
  readonly #inner: SpanExporter;
  readonly #logger: Logger;

  constructor(inner: SpanExporter, logger: Logger) {
    this.#inner = inner;
    this.#logger = logger;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.onHandedOff(spans.length);
    let settle!: () => void;
    const tracked = new Promise<void>((resolve) => (settle = resolve));
    this.inFlight.add(tracked);
    let finished = false;
    const finish = (result: ExportResult) => {
      if (finished) return;
      finished = true;
      if (result.code !== ExportResultCode.SUCCESS) {
        this.#failedSpans += spans.length;
        this.#logger.warnOnce(
          "span-export-failed",
          `Exporting spans to HoneyHive failed: ${describeError(result.error)} (further failures are not logged)`,
        );
      }
      this.inFlight.delete(tracked);
      settle();
      resultCallback(result);
    };
    try {
      this.#inner.export(spans, finish);
    } catch (error) {
      finish({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  /** Failed span count since the last call. */
  takeFailures(): number {
    const failures = this.#failedSpans;
    this.#failedSpans = 0;
    return failures;
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush?.() ?? Promise.resolve();
  }

  shutdown(): Promise<void> {
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
  readonly #inner: SpanProcessor;
  readonly #capacity: number;
  readonly #onDrop: () => void;

  constructor(inner: SpanProcessor, capacity: number, onDrop: () => void) {
    this.#inner = inner;
    this.#capacity = capacity;
    this.#onDrop = onDrop;
  }

  get queued(): number {
    return this.#queued;
  }

  release(count: number): void {
    this.#queued = Math.max(0, this.#queued - count);
  }

  onStart(span: Span, parentContext: Context): void {
    this.#inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    if (this.#queued >= this.#capacity) {
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
