// Captures every line printed to the console or given to OpenTelemetry's diagnostic logger, for tests
// that assert what the SDK prints (and what it must never print).
import { diag, DiagLogLevel, type DiagLogger } from "@opentelemetry/api";
import { inspect } from "node:util";
import { afterEach, beforeEach, vi } from "vitest";
import { resetWarningsForTests } from "../logger.js";

export interface LogCapture {
  /** Every captured line, oldest first; objects are inspected, so a secret inside one is seen too. */
  readonly lines: string[];
  /** Lines the SDK itself printed (`[honeyhive]` prefix). */
  sdkLines(): string[];
  /** Restores the console and disables the diagnostic logger. */
  restore(): void;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const capture = (...args: unknown[]): void => {
    lines.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 5 }))).join(" "));
  };
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(capture),
  );
  const diagLogger: DiagLogger = { verbose: capture, debug: capture, info: capture, warn: capture, error: capture };
  diag.setLogger(diagLogger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  return {
    lines,
    sdkLines: () => lines.filter((line) => line.startsWith("[honeyhive]")),
    restore() {
      diag.disable();
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/**
 * Captures logs around each test of the file, with the once-only warnings forgotten before each; after
 * each test, `check` (if given) runs on the capture before it is restored.
 */
export function useLogCapture(check?: (logs: LogCapture) => void): () => LogCapture {
  let logs: LogCapture | undefined;
  beforeEach(() => {
    resetWarningsForTests();
    logs = captureLogs();
  });
  afterEach(() => {
    const captured = logs!;
    captured.restore();
    check?.(captured);
  });
  return () => logs!;
}
