import { describe, expect, it } from "vitest";
import { enrichmentToAttributes, enrichmentToEventUpdate } from "./enrichment.js";
import { MAX_ATTRIBUTE_LENGTH, safeStringify, toAttributeValue } from "./serialize.js";

describe("safeStringify()", () => {
  it("marks cycles instead of failing", () => {
    const node: Record<string, unknown> = { id: 1 };
    node.parent = { child: node };
    expect(safeStringify(node)).toBe('{"id":1,"parent":{"child":"[Circular]"}}');
  });

  it("keeps a shared (non-cyclic) reference", () => {
    const shared = { v: 1 };
    expect(safeStringify({ a: shared, b: shared })).toBe('{"a":{"v":1},"b":{"v":1}}');
  });

  it("writes BigInt, functions, symbols, dates, errors, maps and sets", () => {
    const value = {
      big: 2n ** 70n,
      fn: function helper() {},
      list: [() => 1, Symbol("s")],
      when: new Date("2024-01-02T03:04:05.000Z"),
      error: new TypeError("bad"),
      map: new Map([["k", 1]]),
      set: new Set([1, 2]),
      nan: Number.NaN,
      missing: undefined,
    };
    expect(JSON.parse(safeStringify(value))).toEqual({
      big: "1180591620717411303424",
      list: ["[Function anonymous]", "Symbol(s)"],
      when: "2024-01-02T03:04:05.000Z",
      error: { name: "TypeError", message: "bad" },
      map: { k: 1 },
      set: [1, 2],
      nan: "NaN",
    });
  });

  it("truncates huge values to a bounded length", () => {
    const huge = "x".repeat(MAX_ATTRIBUTE_LENGTH * 3);
    const text = safeStringify({ huge, many: Array.from({ length: 100_000 }, (_, i) => i) });
    expect(text.length).toBeLessThanOrEqual(MAX_ATTRIBUTE_LENGTH);
    expect(text.endsWith("…[truncated]")).toBe(true);
    expect(toAttributeValue(huge)).toHaveLength(MAX_ATTRIBUTE_LENGTH);
  });

  it("survives throwing getters and throwing toJSON", () => {
    const hostile = {
      get secret(): string {
        throw new Error("no");
      },
      nested: { toJSON: () => { throw new Error("no"); } },
      ok: 1,
    };
    expect(JSON.parse(safeStringify(hostile))).toEqual({ secret: "[unreadable]", nested: "[unserializable]", ok: 1 });
  });

  it("bounds very deep structures", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 1_000; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(safeStringify(root)).toContain("[…]");
  });
});

describe("enrichment mapping", () => {
  it("uses the HoneyHive attribute names for every field", () => {
    expect(
      enrichmentToAttributes({
        metadata: { user: "u1", nested: { level: 2 } },
        metrics: { latency: 12.5 },
        feedback: { liked: true },
        config: { model: "gpt-4o" },
        inputs: { query: "q" },
        outputs: { answer: ["a", "b"] },
        error: new Error("failed"),
      }),
    ).toEqual({
      "honeyhive_metadata.user": "u1",
      "honeyhive_metadata.nested.level": 2,
      "honeyhive_metrics.latency": 12.5,
      "honeyhive_feedback.liked": true,
      "honeyhive_config.model": "gpt-4o",
      "honeyhive_inputs.query": "q",
      "honeyhive_outputs.answer": '["a","b"]',
      honeyhive_error: "failed",
    });
  });

  it("never throws, keeping what can be read of hostile fields", () => {
    const hostile = {
      get broken(): string {
        throw new Error("getter");
      },
    };
    expect(enrichmentToAttributes({ metadata: hostile, metrics: { ok: 1 } })).toEqual({ "honeyhive_metrics.ok": 1 });
  });

  it("builds the PUT /events body with the session as event_id", () => {
    expect(
      enrichmentToEventUpdate("sid", { metadata: { a: 1n }, outputs: { status: 200 }, feedback: { rating: 5 } }),
    ).toEqual({ event_id: "sid", metadata: { a: "1" }, outputs: { status: 200 }, feedback: { rating: 5 } });
  });
});
