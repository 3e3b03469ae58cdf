// gaps-sdk-6 (review of the SDK guarantees): faults of the application's own making that must not become
// the application's problem through the SDK. Against a local stand-in backend on 127.0.0.1.
// - An OpenTelemetry diagnostic logger that throws (a bug in it, a log transport that is down):
//   HoneyHiveTracer.init() threw (OpenTelemetry logs the context manager's registration to it), and the
//   OTLP exporter, which logs every export to `debug` before it sends, threw in a callback after its lazy
//   load: an unhandled rejection (a crash under Node's default) that left the export "in flight" for good.
import { diag, DiagLogLevel, type DiagLogger } from "@opentelemetry/api";
import { afterEach, beforeEach, expect, it } from "vitest";
import { HoneyHiveTracer } from "./index.js";
import { FakeHoneyHiveBackend } from "./test-utils/fake-backend.js";
import { useLogCapture } from "./test-utils/log-capture.js";

const API_KEY = "hh-app-faults-secret-key";
const logs = useLogCapture((captured) => expect(captured.lines.join("\n")).not.toContain(API_KEY));

/** Whether the application's diagnostic logger is broken now (setLogger() and disable() log through it too). */
let loggerBroken = false;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  loggerBroken = false;
  diag.disable();
});

it("a diagnostic logger that throws fails the export, never the process: no unhandled rejection, flushes settle", async () => {
  const backend = await FakeHoneyHiveBackend.start();
  // Installed after useLogCapture's own.
  const fail = (): void => {
    if (loggerBroken) throw new Error("the log transport is down");
  };
  const throwing: DiagLogger = { verbose: fail, debug: fail, info: fail, warn: fail, error: fail };
  diag.setLogger(throwing, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  loggerBroken = true;
  const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "app-faults", serverUrl: backend.url, timeoutMs: 1_000 });
  expect(tracer.enabled).toBe(true);
  try {
    expect(tracer.startSpan("logged to a broken logger", () => 42)).toBe(42);
    const started = Date.now();
    expect(await tracer.forceFlush({ timeoutMs: 1_000 })).toBe(false);
    // Settled by the exporter's failure, not by the flush's deadline.
    expect(Date.now() - started).toBeLessThan(900);
    // Let any stray rejection surface before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(logs().sdkLines().join("\n")).toMatch(/Exporting spans to HoneyHive failed: Error: the log transport is down/);
    // Nothing is left waiting: with the logger fixed, the next span is delivered.
    loggerBroken = false;
    tracer.startSpan("after", () => undefined);
    expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
    expect(backend.spans().map((span) => span.name)).toContain("after");
  } finally {
    await tracer.shutdown({ timeoutMs: 1_000 });
    await backend.close();
  }
}, 20_000);
