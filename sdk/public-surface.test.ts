// The SDK surface of ARCHITECTURE.md ("The SDK surface": names are part of the contract, the rules and
// codemods key on them), checked name by name: the types with expectTypeOf (checked by tsc, which
// type-checks the tests), and what types cannot say at run time (init is synchronous, sessionId and
// provider are read-only, sync stays sync, test mode sends nothing and keeps the spans).
import type { Context, Span, TracerProvider } from "@opentelemetry/api";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { parse } from "@typescript-eslint/typescript-estree";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { staticName } from "../analysis/ast.js";
import { SDK_ROOT_NAMES } from "../analysis/knowledge/sdks/honeyhive.js";
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
    expectTypeOf(tracer.project).toEqualTypeOf<string>();
    expectTypeOf(tracer.source).toEqualTypeOf<string>();
    expectTypeOf(tracer.testMode).toEqualTypeOf<boolean>();
    expectTypeOf(tracer.enabled).toEqualTypeOf<boolean>();
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

  // gaps-sdk-4: project, source, testMode and enabled were public fields. A JavaScript caller could
  // overwrite them (`tracer.enabled = true` on a tracer without a key), and the tracer then said one
  // thing about itself and did another. ESM code throws on the assignment; sloppy-mode code (here
  // Reflect.set, which is what it does) is ignored silently; an own property defined over the getter
  // changes what a reader sees, but not what the tracer does.
  it("project, source, testMode and enabled are read-only: assigning changes nothing the tracer does", async () => {
    const inTestMode = HoneyHiveTracer.init({ testMode: true, project: "kept", source: "ci" });
    vi.stubEnv("HH_API_KEY", "");
    vi.stubEnv("HH_TEST_MODE", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const withoutKey = HoneyHiveTracer.init({ project: "no-key" });
    vi.unstubAllEnvs();
    warn.mockRestore();
    try {
      for (const [name, value] of [["project", "other"], ["source", "other"], ["testMode", false], ["enabled", false]] as const) {
        expect(() => ((inTestMode as unknown as Record<string, unknown>)[name] = value)).toThrow(TypeError);
        expect(Reflect.set(inTestMode, name, value)).toBe(false);
      }
      expect(() => ((withoutKey as unknown as { enabled: boolean }).enabled = true)).toThrow(TypeError);
      // Not configurable either (review-sdk4): what a reader sees cannot be redefined.
      expect(() => Object.defineProperty(withoutKey, "enabled", { value: true })).toThrow(TypeError);
      expect(() => Object.defineProperty(inTestMode, "testMode", { value: false })).toThrow(TypeError);
      expect(Reflect.deleteProperty(inTestMode, "project")).toBe(false);

      expect([inTestMode.project, inTestMode.source, inTestMode.enabled]).toEqual(["kept", "ci", true]);
      // Still in test mode: spans kept in memory, stamped with the project it was created with.
      inTestMode.trace({ eventName: "after-assignments" }, () => undefined)();
      const span = inTestMode.getFinishedSpans().find((finished) => finished.name === "after-assignments");
      expect(span?.attributes).toMatchObject({ "honeyhive.project": "kept", "honeyhive.source": "ci" });
      expect(await inTestMode.forceFlush()).toBe(true);
      // Still disabled: nothing recorded, a flush says nothing was sent.
      expect(withoutKey.startSpan("untraced", (active) => active.isRecording())).toBe(false);
      expect(await withoutKey.forceFlush()).toBe(false);
    } finally {
      await Promise.all([inTestMode.shutdown(), withoutKey.shutdown()]);
    }
  });

  // review-sdk4: as public fields (before gaps-sdk-4) these four were what JSON.stringify(tracer),
  // `{ ...tracer }` and console.log(tracer) showed; as prototype getters they showed `{}`. Own read-only
  // properties show them again, and nothing of the configuration beyond them (no key).
  it("JSON.stringify, spread and inspect show project, source, testMode and enabled, and no key", async () => {
    const key = "hh-public-surface-secret-key";
    const keyed = HoneyHiveTracer.init({ apiKey: key, project: "shown", source: "ci", serverUrl: "http://127.0.0.1:9" });
    try {
      const expected = { project: "shown", source: "ci", testMode: false, enabled: true };
      expect(JSON.parse(JSON.stringify(keyed))).toEqual(expected);
      expect({ ...keyed }).toEqual(expected);
      const inspected = inspect(keyed, { depth: 5, showHidden: true });
      expect(inspected).toContain("project: 'shown'");
      expect(inspected).not.toContain(key);
    } finally {
      await keyed.shutdown({ timeoutMs: 0 });
    }
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

// The rules and codemods read the root's names from the manifest (analysis/knowledge/sdks/honeyhive.ts):
// `migrate --from 1` marks an imported name the root does not export, so a name missing there would be
// marked in correct code, and one left there after a rename would pass unmarked.
describe("the manifest of the root's names", () => {
  it("is exactly what sdk/index.ts exports, values and types", () => {
    const program = parse(readFileSync(fileURLToPath(new URL("./index.ts", import.meta.url)), "utf8"));
    const exported = program.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.specifiers.map((specifier) => staticName(specifier.exported)) : [],
    );
    expect(new Set(exported)).toEqual(SDK_ROOT_NAMES);
    expect(exported).toHaveLength(SDK_ROOT_NAMES.size);
  });
});
