// The export pipeline (export-pipeline.ts) against a local stand-in backend on 127.0.0.1: spans of an
// export that was never sent keep their place, like the spans of an outage, instead of being dropped.
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { afterEach, expect, it, vi } from "vitest";
import { createExportPipeline, createOtlpExporter, type ExportPipeline } from "./export-pipeline.js";
import { HttpTransport, type Delivery, type DeliveryRequest } from "./http-transport.js";
import { createLogger } from "./logger.js";
import { useLogCapture } from "./test-utils/log-capture.js";
import { useFakeBackend } from "./test-utils/use-fake-backend.js";

const backend = useFakeBackend();
const logs = useLogCapture();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A transport whose first `late` deliveries start with their whole deadline already spent, as when the
 * application kept the event loop busy between an export's start and its send: the real transport
 * then finds no time left and does not send it (`expired`).
 */
class LateTransport extends HttpTransport {
  late = 1;
  readonly kinds: string[] = [];
  /** Called after each delivery, with the number made so far. */
  afterAttempt: (attempts: number) => void = () => {};

  override async deliver(request: DeliveryRequest, options?: { respectBreaker?: boolean }): Promise<Delivery> {
    const startedAt = this.late-- > 0 ? Date.now() - request.timeoutMs - 1 : request.startedAt;
    const delivery = await super.deliver({ ...request, startedAt }, options);
    this.kinds.push(delivery.ok ? "ok" : delivery.kind);
    this.afterAttempt(this.kinds.length);
    return delivery;
  }
}

function pipelineFor(transport: HttpTransport, maxQueueSize = 100): { pipeline: ExportPipeline; span: (name: string) => void } {
  const pipeline = createExportPipeline({
    exporter: createOtlpExporter({ project: "pipeline", source: "test", apiKey: "hh-pipeline-test-key", timeoutMs: 2_000, transport }),
    batch: true,
    maxQueueSize,
    exportTimeoutMs: 3_000,
    logger: createLogger(),
    breaker: transport.breaker,
    serverUrl: transport.serverUrl,
    environment: {},
  });
  // The stand-in, like the backend, accepts spans of the project the export's header names.
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "honeyhive.project": "pipeline" }), spanProcessors: [pipeline.processor] });
  cleanups.push(async () => {
    pipeline.dispose();
    await provider.shutdown();
    transport.close();
  });
  const tracer = provider.getTracer("pipeline-test");
  return { pipeline, span: (name) => tracer.startSpan(name).end() };
}

it("keeps the spans of an export that was never sent (its deadline passed first) and sends them again within the flush", async () => {
  const transport = new LateTransport(backend().url, { keepProcessAlive: false });
  const { pipeline, span } = pipelineFor(transport);
  for (const name of ["first", "second", "third"]) span(name);

  expect(await pipeline.flush(Date.now() + 5_000)).toBe(true);
  expect(transport.kinds).toEqual(["expired", "ok"]);
  expect(new Set(backend().spans().map((each) => each.name))).toEqual(new Set(["first", "second", "third"]));
  expect(pipeline.droppedSpans).toBe(0);
  expect(pipeline.hasPendingSpans).toBe(false);
  // Not an outage: the breaker stays closed, and the one warning says what happened, not "until it answers again".
  expect(transport.breaker.isOpen).toBe(false);
  const lines = logs().sdkLines();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain("Exporting spans to HoneyHive failed: ExportNotSentError: not sent: its 2000 ms deadline had passed");
  expect(lines[0]).toContain("these spans are kept");
  expect(lines[0]).not.toMatch(/not sent again|until it answers again/);
});

it("keeps retrying an export that keeps finding its deadline spent, without losing its spans or the flush's deadline", async () => {
  const transport = new LateTransport(backend().url, { keepProcessAlive: false });
  transport.late = Number.POSITIVE_INFINITY;
  const { pipeline, span } = pipelineFor(transport);
  for (const name of ["a", "b", "c"]) span(name);
  // Every attempt is late: the flush ends by its own deadline, false, with the spans still kept. The
  // deadline passes after the third attempt, counted, not after 300 ms of wall time: a loaded machine can
  // spend those before the first. The clock jumps past it there, as if that attempt had held the loop.
  const realNow = Date.now.bind(Date);
  const clock = vi.spyOn(Date, "now");
  cleanups.push(() => clock.mockRestore());
  const deadline = Date.now() + 60_000;
  transport.afterAttempt = (attempts) => {
    if (attempts === 3) clock.mockImplementation(() => realNow() + 60_000);
  };
  expect(await pipeline.flush(deadline)).toBe(false);
  clock.mockRestore();
  expect(transport.kinds.length).toBeGreaterThanOrEqual(3);
  expect(new Set(transport.kinds)).toEqual(new Set(["expired"]));
  expect(pipeline.hasPendingSpans).toBe(true);
  expect(pipeline.droppedSpans).toBe(0);

  // Once the loop lets an attempt go out in time, they are delivered.
  transport.late = 0;
  expect(await pipeline.flush(Date.now() + 5_000)).toBe(true);
  expect(new Set(backend().spans().map((each) => each.name))).toEqual(new Set(["a", "b", "c"]));
  expect(transport.breaker.isOpen).toBe(false);
});

it("answers an export still pending when disposed (the tracer's shutdown ran out of time): its spans are dropped, said once", async () => {
  backend().inject({ mode: "hang" });
  const transport = new HttpTransport(backend().url, { keepProcessAlive: false });
  const { pipeline, span } = pipelineFor(transport);
  for (const name of ["a", "b", "c"]) span(name);
  // The processor waits for the export it starts (its ref'd timer, 3 s here, runs until the exporter answers).
  const flushing = pipeline.processor.forceFlush();
  expect(pipeline.hasPendingSpans).toBe(true);

  pipeline.dispose();
  // Answered within dispose(), not when the request ends or by the processor's own timer: once the
  // tracer's shutdown() returns, nothing of the export holds the process.
  expect(pipeline.hasPendingSpans).toBe(false);
  // As the tracer's shutdown does: the close aborts the request on the wire (its late result is ignored).
  transport.close();
  await expect(flushing).rejects.toThrow("the tracer was shut down before the export ended");
  expect(logs().sdkLines()).toEqual([
    expect.stringContaining(`Exporting spans to HoneyHive did not end before the tracer shut down (its deadline spent): 3 spans are dropped (server ${transport.serverUrl};`),
  ]);
  expect(logs().sdkLines().join("\n")).not.toContain("hh-pipeline-test-key");
});
