// The OTLP/HTTP (JSON) span exporter, loaded on the first export (export-pipeline.ts imports it
// lazily): the official exporter machinery of OpenTelemetry JS (OTLPExporterBase, its export delegate,
// the JSON trace serializer) with the SDK's own transport plugged in through the documented
// IExporterTransport seam. The official HTTP transport times out per idle socket (a backend answering
// one byte a second keeps it open indefinitely) and its retries are not visible to a circuit breaker;
// http-transport.ts gives every export one total deadline, retries, the breaker and connection reuse.
import {
  ExporterMetrics,
  OTLPExporterBase,
  OTLPExporterError,
  createOtlpNetworkExportDelegate,
  type ExportResponse,
  type IExporterTransport,
} from "@opentelemetry/otlp-exporter-base";
import { JsonTraceSerializer, TraceExporterMetricsHelper } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { BackendUnavailableError, ExportNotSentError, OTLP_TRACES_PATH, type OtlpExporterOptions } from "./export-pipeline.js";
import { encodeHeaderValue } from "./http-transport.js";
import { serverOrigin } from "./logger.js";

/** Exports in flight per tracer at most; the BatchSpanProcessor sends one batch at a time besides flushes. */
const CONCURRENT_EXPORTS = 64;

class HoneyHiveExporterTransport implements IExporterTransport {
  readonly #options: OtlpExporterOptions;
  readonly #headers: Record<string, string>;

  constructor(options: OtlpExporterOptions) {
    this.#options = options;
    this.#headers = {
      Authorization: `Bearer ${options.apiKey}`,
      "Content-Type": "application/json",
      // The backend checks the project in these headers and in the spans: non-ASCII names are sent
      // percent-encoded (Node.js rejects them raw, which lost every span of `プロジェクト`).
      "x-honeyhive-project": encodeHeaderValue(options.project),
      "x-honeyhive-source": encodeHeaderValue(options.source),
    };
  }

  async send(data: Uint8Array): Promise<ExportResponse> {
    const delivery = await this.#options.transport.deliver({
      method: "POST",
      path: OTLP_TRACES_PATH,
      headers: this.#headers,
      body: data,
      timeoutMs: this.#options.timeoutMs,
      discardAnswer: true,
    });
    if (delivery.ok) return { status: "success" };
    if (delivery.kind === "expired") return { status: "retryable", error: new ExportNotSentError(delivery.reason) };
    if (delivery.transient) return { status: "retryable", error: new BackendUnavailableError(delivery.reason) };
    return { status: "failure", error: new OTLPExporterError(delivery.reason, delivery.status) };
  }

  shutdown(): void {
    // The transport belongs to the tracer, which closes it after its last flush.
  }
}

/**
 * What the OTLP metrics helper is told about the server: only the origin (scheme, host, port), the parts
 * it reads (`server.address`, `server.port`). A `serverUrl` may carry credentials or a `?token=` in its
 * userinfo or query, and a third-party helper must never hold them (it could log or export them).
 */
export function metricsServerUrl(serverUrl: string): string | undefined {
  return serverOrigin(serverUrl);
}

export function createHoneyHiveOtlpExporter(options: OtlpExporterOptions): SpanExporter {
  const delegate = createOtlpNetworkExportDelegate<ReadableSpan[], unknown>(
    { timeoutMillis: options.timeoutMs, concurrencyLimit: CONCURRENT_EXPORTS, compression: "none" },
    JsonTraceSerializer,
    new ExporterMetrics({
      componentType: "otlp_http_span_exporter",
      metricsHelper: TraceExporterMetricsHelper,
      url: metricsServerUrl(options.transport.serverUrl),
      meterProvider: undefined,
      responseAttributesFromError: () => ({}),
    }),
    new HoneyHiveExporterTransport(options),
  );
  return new OTLPExporterBase(delegate);
}
