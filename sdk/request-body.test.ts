// What the SDK sends to the REST API is bounded and clean: session and event payloads go through the
// same safe serializer as span attributes (BigInt, cycles and megabyte strings cannot break or bloat
// them), and a request body never exceeds MAX_REQUEST_BODY_BYTES; what is cut is marked.
import { afterEach, describe, expect, it } from "vitest";
import { evaluate } from "./experiments/index.js";
import { HoneyHiveTracer } from "./index.js";
import { MAX_ATTRIBUTE_LENGTH, MAX_REQUEST_BODY_BYTES, TRUNCATED_MARK, toRequestBody } from "./serialize.js";
import type { RecordedRequest } from "./test-utils/fake-backend.js";
import { useFakeBackend } from "./test-utils/use-fake-backend.js";

const backend = useFakeBackend();
const tracers: HoneyHiveTracer[] = [];
afterEach(async () => {
  for (const tracer of tracers.splice(0)) await tracer.shutdown({ timeoutMs: 2_000 });
});

function tracerOnBackend(options: Parameters<typeof HoneyHiveTracer.init>[0] = {}): HoneyHiveTracer {
  const tracer = HoneyHiveTracer.init({ apiKey: "hh-test-key", project: "bodies", serverUrl: backend().url, ...options });
  tracers.push(tracer);
  return tracer;
}

const bodyBytes = (request: RecordedRequest): number => Number(request.headers["content-length"]);

describe("request bodies", () => {
  it("caps one enrichSession() body at MAX_REQUEST_BODY_BYTES, event_id intact and the cut marked", async () => {
    const tracer = tracerOnBackend();
    const page = "p".repeat(MAX_ATTRIBUTE_LENGTH);
    // 100 values at the per-value cap: 3.3 MB of JSON before the body cap.
    const documents = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`doc${index}`, page]));
    tracer.enrichSession({ sessionId: tracer.sessionId, outputs: documents, metadata: { after: "the documents" } });
    expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);

    const [update] = backend().requestsTo("PUT", "/events");
    expect(bodyBytes(update)).toBeLessThanOrEqual(MAX_REQUEST_BODY_BYTES);
    expect(bodyBytes(update)).toBeGreaterThan(MAX_REQUEST_BODY_BYTES * 0.9); // filled, not emptied
    const body = update.body as { event_id: string; outputs: Record<string, string>; metadata?: unknown };
    expect(body.event_id).toBe(tracer.sessionId);
    expect(body.outputs["…"]).toBe("[truncated]");
    expect(Object.values(body.outputs).some((value) => value.endsWith(TRUNCATED_MARK))).toBe(true);
  });

  it("truncates session inputs like span attributes, and marks the cut", async () => {
    const tracer = tracerOnBackend();
    const sessionId = await tracer.acreateSession({ sessionName: "big", inputs: { prompt: "q".repeat(10_500_000) } });
    const session = backend().startedSessions().find((started) => started.session_id === sessionId)!;
    const prompt = (session.inputs as { prompt: string }).prompt;
    expect(prompt).toHaveLength(MAX_ATTRIBUTE_LENGTH);
    expect(prompt.endsWith(TRUNCATED_MARK)).toBe(true);
  });

  it("starts a session whose inputs hold a BigInt and a cycle", async () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const tracer = tracerOnBackend({ sessionInputs: { count: 2n ** 64n, cyclic } });
    const sessionId = await tracer.acreateSession({ inputs: { id: 7n, cyclic }, metadata: { cyclic } });
    expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);

    const started = new Map(backend().startedSessions().map((session) => [session.session_id, session]));
    expect(started.get(tracer.sessionId)?.inputs).toEqual({ count: "18446744073709551616", cyclic: { name: "loop", self: "[Circular]" } });
    expect(started.get(sessionId)?.inputs).toEqual({ id: "7", cyclic: { name: "loop", self: "[Circular]" } });
  });
});

describe("evaluate()'s run", () => {
  it("is created when its metadata holds a BigInt and a cycle", async () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const evaluation = await evaluate({
      function: () => 1,
      dataset: [{ inputs: {} }],
      apiKey: "hh-test-key",
      serverUrl: backend().url,
      metadata: { seed: 42n, cyclic },
    });
    const [created] = backend().requestsTo("POST", "/runs");
    expect((created.body as { metadata: unknown }).metadata).toEqual({ seed: "42", cyclic: { name: "loop", self: "[Circular]" } });
    expect(evaluation.results[0].output).toBe(1);
  });
});

describe("toRequestBody()", () => {
  it("stays within the byte cap for multi-byte and escape-heavy text", () => {
    const samples = ["東京".repeat(50_000), '"\\\n'.repeat(50_000), "😀".repeat(50_000), "\u0001".repeat(50_000)];
    for (const maxBytes of [200, 4_096, 100_000]) {
      for (const text of samples) {
        const body = toRequestBody({ id: "keep-me", values: [text, text, { text }] }, maxBytes);
        const json = JSON.stringify(body);
        expect(Buffer.byteLength(json)).toBeLessThanOrEqual(maxBytes);
        expect((body as { id: string }).id).toBe("keep-me");
        expect(json).toContain("truncated");
        expect(json).not.toMatch(/\\ud83d"/); // no half of a surrogate pair at a cut
      }
    }
  });

  it("keeps a `__proto__` key as data", () => {
    const body = toRequestBody(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body)).toEqual(["__proto__"]);
  });
});
