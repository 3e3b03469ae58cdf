// The SDK surface of ARCHITECTURE.md ("The SDK surface": names are part of the contract, the rules and
// codemods key on them), checked name by name: the types with expectTypeOf (checked by tsc, which
// type-checks the tests), and what types cannot say at run time (init is synchronous, sessionId and
// provider are read-only, sync stays sync, test mode sends nothing and keeps the spans).
import type { Context, Span, TracerProvider } from "@opentelemetry/api";
import { describe, expect, expectTypeOf, it } from "vitest";
import { evaluate, type EvaluationResult } from "./experiments/index.js";
import {
  HoneyHiveTracer,
  enrichSession,
  enrichSpan,
  isSessionId,
  toSessionId,
  trace,
  type Enrichment,
  type SessionOptions,
  type TraceOptions,
  type TracerOptions,
} from "./index.js";

describe("class HoneyHiveTracer", () => {
  const tracer = HoneyHiveTracer.init({ testMode: true, project: "surface" });

  it("has every member with the documented signature", () => {
    expectTypeOf(HoneyHiveTracer.init).parameters.toEqualTypeOf<[options?: TracerOptions]>();
    expectTypeOf(HoneyHiveTracer.init).returns.toEqualTypeOf<HoneyHiveTracer>();
    expectTypeOf(tracer.sessionId).toEqualTypeOf<string | undefined>();
    expectTypeOf(tracer.provider).toEqualTypeOf<TracerProvider>();
    expectTypeOf(tracer.createSession).parameters.toEqualTypeOf<[options?: SessionOptions]>();
    expectTypeOf(tracer.createSession).returns.toEqualTypeOf<string>();
    expectTypeOf(tracer.acreateSession).parameters.toEqualTypeOf<[options?: SessionOptions]>();
    expectTypeOf(tracer.acreateSession).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(tracer.withSession("name", (sessionId) => sessionId.length)).toEqualTypeOf<number>();
    expectTypeOf(tracer.withSession<string>).parameters.toEqualTypeOf<[nameOrOptions: string | SessionOptions, fn: (sessionId: string) => string]>();
    expectTypeOf(tracer.sessionStart).returns.toEqualTypeOf<string>();
    expectTypeOf(tracer.startSpan<number>).parameters.toEqualTypeOf<[name: string, fn: (span: Span) => number]>();
    expectTypeOf(tracer.trace({ eventType: "tool" }, (n: number) => n * 2)).toEqualTypeOf<(n: number) => number>();
    expectTypeOf(tracer.enrichSpan).parameters.toEqualTypeOf<[fields: Enrichment]>();
    expectTypeOf(tracer.enrichSession).parameters.toEqualTypeOf<[fields: Enrichment & { sessionId?: string }]>();
    expectTypeOf(tracer.inject).parameters.toEqualTypeOf<[carrier: object]>();
    expectTypeOf(tracer.extract).returns.toEqualTypeOf<Context>();
    expectTypeOf(tracer.forceFlush).parameters.toEqualTypeOf<[options?: { timeoutMs?: number }]>();
    expectTypeOf(tracer.forceFlush).returns.toEqualTypeOf<Promise<boolean>>();
    // ARCHITECTURE: shutdown(): Promise<void>; the optional timeout is an addition.
    expectTypeOf(tracer.shutdown).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<TraceOptions>().toEqualTypeOf<{ eventType?: "tool" | "model" | "chain"; eventName?: string; tracer?: HoneyHiveTracer; metadata?: Record<string, unknown> }>();
  });

  it("init() is synchronous, and sessionId and provider are read-only", () => {
    expect(tracer).toBeInstanceOf(HoneyHiveTracer);
    expect(typeof (tracer as unknown as { then?: unknown }).then).toBe("undefined");
    expect(isSessionId(tracer.sessionId)).toBe(true);
    expect(() => ((tracer as unknown as { sessionId: string }).sessionId = "x")).toThrow(TypeError);
    expect(() => ((tracer as unknown as { provider: unknown }).provider = undefined)).toThrow(TypeError);
  });

  it("test mode: spans kept in memory, readable; a sync function stays sync", async () => {
    const traced = tracer.trace({ eventName: "sync-step" }, (n: number) => n + 1);
    expect(traced(1)).toBe(2);
    expect(tracer.getFinishedSpans().map((span) => span.name)).toContain("sync-step");
    expect(await tracer.forceFlush()).toBe(true);
  });
});

describe("free functions", () => {
  it("have the documented signatures", () => {
    expectTypeOf(trace((n: number) => n)).toEqualTypeOf<(n: number) => number>();
    expectTypeOf(trace({ eventType: "chain" }, (s: string) => s)).toEqualTypeOf<(s: string) => string>();
    expectTypeOf(enrichSpan).parameters.toEqualTypeOf<[fields: Enrichment]>();
    expectTypeOf(enrichSession).parameters.toEqualTypeOf<[fields: Enrichment & { sessionId?: string }]>();
    expectTypeOf(toSessionId).parameters.toEqualTypeOf<[identifier: string]>();
    expectTypeOf(toSessionId).returns.toEqualTypeOf<string>();
    expectTypeOf(isSessionId).returns.toEqualTypeOf<boolean>();
    expectTypeOf(evaluate<{ q: string }, string>).returns.toEqualTypeOf<Promise<EvaluationResult<{ q: string }, string>>>();
  });

  it("trace(options) is a method decorator; toSessionId() is deterministic v5", () => {
    const decorator = trace({ eventType: "tool" });
    expect(typeof decorator).toBe("function");
    expect(toSessionId("x")).toBe("05b16a01-46c6-56dd-bd6e-c6dfb4a1427a");
  });
});
