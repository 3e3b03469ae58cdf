import { SpanStatusCode, context, trace as otelTrace } from "@opentelemetry/api";
import { createRequire } from "node:module";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { withEvaluationTracer } from "./evaluation-context.js";
import { HoneyHiveTracer, enrichSession, enrichSpan, setDefaultTracer, trace } from "./index.js";
import { resetWarningsForTests } from "./logger.js";

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  resetWarningsForTests();
  setDefaultTracer(undefined);
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(() => {
  setDefaultTracer(undefined);
  vi.restoreAllMocks();
});

/** A test-mode tracer that does not become the default, so resolution tests control the default. */
function testTracer(project = "unit"): HoneyHiveTracer {
  const tracer = HoneyHiveTracer.init({ testMode: true, project });
  setDefaultTracer(undefined);
  return tracer;
}

function warnings(): string[] {
  return warn.mock.calls.map((call) => String(call[0]));
}

describe("trace() wrapper", () => {
  it("keeps a sync function sync and records inputs and output", () => {
    const tracer = testTracer();
    const add = trace({ tracer, eventType: "tool" }, (a: number, b: number) => a + b);

    const result = add(2, 3);

    expect(result).toBe(5);
    const [span] = tracer.getFinishedSpans();
    expect(span.attributes["honeyhive_inputs._params_"]).toBe("[2,3]");
    expect(span.attributes["honeyhive_outputs.result"]).toBe(5);
    expect(span.attributes.honeyhive_event_type).toBe("tool");
  });

  it("records no inputs for a call without arguments, and the session, project, source and event type on every span", () => {
    const tracer = testTracer();
    const ping = trace({ tracer, eventName: "ping" }, () => "pong");

    expect(ping()).toBe("pong");

    const [span] = tracer.getFinishedSpans();
    expect(span.attributes).not.toHaveProperty("honeyhive_inputs._params_");
    expect(span.attributes).toMatchObject({
      "honeyhive.session_id": tracer.sessionId,
      "honeyhive.project": tracer.project,
      "honeyhive.source": tracer.source,
      honeyhive_event_type: "tool",
      "honeyhive_outputs.result": "pong",
    });
  });

  it("ends an async span only when the promise settles, with the resolved value", async () => {
    const tracer = testTracer();
    let release!: (value: string) => void;
    const slow = trace({ tracer, eventName: "slow-step" }, () => new Promise<string>((resolve) => (release = resolve)));

    const pending = slow();
    expect(pending).toBeInstanceOf(Promise);
    expect(tracer.getFinishedSpans()).toHaveLength(0);
    release("done");

    expect(await pending).toBe("done");
    const [span] = tracer.getFinishedSpans();
    expect(span.name).toBe("slow-step");
    expect(span.attributes["honeyhive_outputs.result"]).toBe("done");
  });

  it("preserves `this`, name and length", () => {
    const tracer = testTracer();
    const counter = {
      step: 10,
      next: trace({ tracer }, function next(this: { step: number }, value: number) {
        return value + this.step;
      }),
    };

    expect(counter.next(1)).toBe(11);
    expect(counter.next.name).toBe("next");
    expect(counter.next.length).toBe(1);
    expect(tracer.getFinishedSpans()[0].name).toBe("next");
  });

  it("passes `this` through exactly, null and undefined included", () => {
    const tracer = testTracer();
    const thisOf = trace({ tracer }, function thisOf(this: unknown) {
      return this;
    });

    expect(thisOf.call(null)).toBeNull();
    expect(thisOf.call(undefined)).toBeUndefined();
    expect(thisOf.call(7)).toBe(7);
    expect(tracer.getFinishedSpans()).toHaveLength(3);
  });

  it("records a thrown error, ends the span and re-throws the same error", () => {
    const tracer = testTracer();
    const failure = new RangeError("bad input");
    const explode = trace({ tracer }, function explode() {
      throw failure;
    });

    expect(() => explode()).toThrow(failure);
    const [span] = tracer.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "bad input" });
    expect(span.attributes.honeyhive_error).toBe("bad input");
    expect(span.events.some((event) => event.name === "exception")).toBe(true);
  });

  it("records a rejection and rejects with the same reason", async () => {
    const tracer = testTracer();
    const reason = new Error("backend said no");
    const reject = trace({ tracer }, async () => {
      throw reason;
    });

    await expect(reject()).rejects.toBe(reason);
    const [span] = tracer.getFinishedSpans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.ended).toBe(true);
  });

  it("nests spans: a traced call inside another is its child", async () => {
    const tracer = testTracer();
    const inner = trace({ tracer, eventName: "inner" }, async () => "x");
    const outer = trace({ tracer, eventName: "outer", eventType: "chain" }, async () => inner());

    await outer();

    const spans = tracer.getFinishedSpans();
    const innerSpan = spans.find((span) => span.name === "inner")!;
    const outerSpan = spans.find((span) => span.name === "outer")!;
    expect(innerSpan.parentSpanContext?.spanId).toBe(outerSpan.spanContext().spanId);
  });

  it("records metadata option as honeyhive_metadata.<key>", () => {
    const tracer = testTracer();
    trace({ tracer, metadata: { model: "gpt", retry: { max: 2 } } }, () => 1)();

    const [span] = tracer.getFinishedSpans();
    expect(span.attributes["honeyhive_metadata.model"]).toBe("gpt");
    expect(span.attributes["honeyhive_metadata.retry.max"]).toBe(2);
  });

  it("captures unserializable inputs and outputs without throwing", () => {
    const tracer = testTracer();
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const echo = trace({ tracer }, (value: unknown) => value);

    expect(echo(cyclic)).toBe(cyclic);
    expect(echo(10n)).toBe(10n);

    const [first, second] = tracer.getFinishedSpans();
    expect(first.attributes["honeyhive_inputs._params_"]).toBe('[{"name":"loop","self":"[Circular]"}]');
    expect(second.attributes["honeyhive_outputs.result"]).toBe('"10"');
  });

  // review-sdk4: settling the span asked `result instanceof Promise`, which asks a Proxy for its
  // prototype: one whose trap throws (or a revoked one) made the traced function throw.
  it("returns a Proxy that refuses getPrototypeOf, or a revoked one, as the untraced function does", () => {
    const tracer = testTracer();
    const refusing = new Proxy({ answer: 42 }, { getPrototypeOf: () => { throw new Error("no prototype"); } });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const echo = trace({ tracer, eventName: "echo" }, (value: unknown) => value);

    expect(echo(refusing) === refusing).toBe(true);
    expect(echo(revoked) === revoked).toBe(true);
    expect(tracer.getFinishedSpans().map((span) => span.name)).toEqual(["echo", "echo"]);
  });

  it("runs the function normally when the tracing machinery fails", () => {
    const tracer = testTracer();
    const otelTracerPrototype = Object.getPrototypeOf(tracer.provider.getTracer("probe")) as { startSpan(): unknown };
    const startSpan = vi.spyOn(otelTracerPrototype, "startSpan").mockImplementation(() => {
      throw new Error("tracer broke");
    });
    const compute = trace({ tracer }, (value: number) => value * 3);

    expect(compute(3)).toBe(9);
    expect(startSpan).toHaveBeenCalled();
    expect(tracer.getFinishedSpans()).toHaveLength(0);
  });

  it("runs untraced, with one warning, when there is no tracer at all", () => {
    const plain = trace(function plain(value: number) {
      return value + 1;
    });

    expect(plain(1)).toBe(2);
    expect(plain(2)).toBe(3);
    expect(warnings().filter((message) => message.includes("found no tracer"))).toHaveLength(1);
  });

  it("does not trace with a tracer that has no API key, warns once, and still runs the function", async () => {
    vi.stubEnv("HH_API_KEY", "");
    vi.stubEnv("HH_TEST_MODE", "");
    const disabled = HoneyHiveTracer.init({ project: "x" });
    HoneyHiveTracer.init({ project: "y" });
    const run = trace({ tracer: disabled }, async () => "ran");

    expect(await run()).toBe("ran");
    expect(disabled.enabled).toBe(false);
    expect(disabled.sessionId).toBeUndefined();
    expect(disabled.getFinishedSpans()).toHaveLength(0);
    expect(await disabled.forceFlush()).toBe(false); // nothing was sent
    expect(warnings().filter((message) => message.includes("No HoneyHive API key"))).toHaveLength(1);
    vi.unstubAllEnvs();
  });
});

describe("tracer resolution", () => {
  it("accepts a tracer made by the other build of the package (ESM/CJS dual loading)", () => {
    // The global test setup keeps dist/ in sync with the sources.
    const cjs = createRequire(import.meta.url)("../dist/cjs/sdk/index.js") as typeof import("./index.js");
    const tracerFromCjs = cjs.HoneyHiveTracer.init({ testMode: true });
    cjs.setDefaultTracer(undefined);

    trace({ tracer: tracerFromCjs, eventName: "cross-build" }, () => 1)();
    withEvaluationTracer(tracerFromCjs, () => trace(() => 2)());

    expect(tracerFromCjs.getFinishedSpans()).toHaveLength(2);
    expect(warnings()).toEqual([]);
  });

  it("runs untraced with one warning when the tracer option is not a HoneyHiveTracer", () => {
    const notATracer = { startSpan() {} } as unknown as HoneyHiveTracer;
    const step = trace({ tracer: notATracer }, () => "ran");

    expect(step()).toBe("ran");
    expect(warnings().filter((message) => message.includes("expects a HoneyHiveTracer"))).toHaveLength(1);
  });

  it("prefers the explicit tracer over the evaluation tracer and the default", () => {
    const explicit = testTracer("explicit");
    const evaluation = testTracer("evaluation");
    const fallback = testTracer("fallback");
    setDefaultTracer(fallback);
    const step = trace({ tracer: explicit }, () => 1);

    withEvaluationTracer(evaluation, () => step());

    expect(explicit.getFinishedSpans()).toHaveLength(1);
    expect(evaluation.getFinishedSpans()).toHaveLength(0);
    expect(fallback.getFinishedSpans()).toHaveLength(0);
  });

  it("uses the evaluation tracer of the calling context, without a warning", async () => {
    const first = testTracer("datapoint-1");
    const second = testTracer("datapoint-2");
    setDefaultTracer(testTracer("default"));
    const step = trace(async function step() {
      await new Promise((resolve) => setTimeout(resolve, 1));
    });

    await Promise.all([withEvaluationTracer(first, () => step()), withEvaluationTracer(second, () => step())]);

    expect(first.getFinishedSpans()).toHaveLength(1);
    expect(second.getFinishedSpans()).toHaveLength(1);
    expect(warnings()).toEqual([]);
  });

  it("falls back to the default tracer with one deprecation warning", () => {
    const fallback = testTracer("fallback");
    setDefaultTracer(fallback);
    const step = trace(() => 1);

    step();
    step();

    expect(fallback.getFinishedSpans()).toHaveLength(2);
    expect(warnings().filter((message) => message.includes("deprecated"))).toHaveLength(1);
  });

  it("makes the first initialized tracer the default", () => {
    const first = HoneyHiveTracer.init({ testMode: true });
    HoneyHiveTracer.init({ testMode: true });

    trace(() => 1)();

    expect(first.getFinishedSpans()).toHaveLength(1);
  });

  it("tracer.trace() binds the tracer", () => {
    const tracer = testTracer();
    const bound = tracer.trace({ eventType: "model" }, function callModel() {
      return "ok";
    });

    expect(bound()).toBe("ok");
    expect(tracer.getFinishedSpans()[0].attributes.honeyhive_event_type).toBe("model");
  });
});

describe("global enrichSpan() / enrichSession()", () => {
  it("inside evaluate() enrich the datapoint tracer's span without a deprecation warning (the recommended form there)", () => {
    const tracer = testTracer();
    const step = trace({ tracer }, () => {
      enrichSpan({ metrics: { score: 1 } });
      enrichSpan({ metadata: { user: "u1" } });
      enrichSession({ metadata: { ignored: true } });
    });

    withEvaluationTracer(tracer, () => step());

    const [span] = tracer.getFinishedSpans();
    expect(span.attributes["honeyhive_metrics.score"]).toBe(1);
    expect(span.attributes["honeyhive_metadata.user"]).toBe("u1");
    expect(warnings().filter((message) => message.includes("deprecated"))).toEqual([]);
  });

  it("outside evaluate() use the default tracer and warn once each that they are deprecated", () => {
    const tracer = testTracer();
    setDefaultTracer(tracer);
    const step = trace({ tracer }, () => {
      enrichSpan({ metrics: { score: 2 } });
      enrichSpan({ metrics: { score: 3 } });
      enrichSession({ metadata: { ignored: true } });
      enrichSession({ metadata: { ignored: true } });
    });

    step();

    expect(tracer.getFinishedSpans()[0].attributes["honeyhive_metrics.score"]).toBe(3);
    expect(warnings().filter((message) => message.includes("enrichSpan() is deprecated outside evaluate()"))).toHaveLength(1);
    expect(warnings().filter((message) => message.includes("enrichSession() is deprecated outside evaluate()"))).toHaveLength(1);
  });
});

describe("@trace() as a TC39 method decorator", () => {
  /** Compiles with TypeScript itself (decorators as TS 5+ emits them, experimentalDecorators off). */
  function compileAndRun(source: string, scope: Record<string, unknown>, experimentalDecorators = false): unknown {
    const { outputText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        experimentalDecorators,
      },
      reportDiagnostics: true,
    });
    expect(diagnostics ?? []).toEqual([]);
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", ...Object.keys(scope), outputText)(module, module.exports, ...Object.values(scope));
    return module.exports.result;
  }

  it("traces sync and async methods, keeps `this` and the method's name", async () => {
    const tracer = testTracer();
    const agent = compileAndRun(
      `
      class Agent {
        prefix = "agent:";
        @trace({ eventType: "tool", tracer })
        search(query: string) { return this.prefix + query; }
        @trace({ eventType: "chain", tracer, eventName: "agent.run" })
        async run(query: string) { return this.search(query).toUpperCase(); }
      }
      export const result = new Agent();
      `,
      { trace, tracer },
    ) as { search(query: string): string; run(query: string): Promise<string> };

    expect(agent.search("q")).toBe("agent:q");
    expect(await agent.run("q")).toBe("AGENT:Q");

    const names = tracer.getFinishedSpans().map((span) => [span.name, span.attributes.honeyhive_event_type]);
    expect(names).toEqual([
      ["search", "tool"],
      ["search", "tool"],
      ["agent.run", "chain"],
    ]);
    const [, innerSearch, run] = tracer.getFinishedSpans();
    expect(innerSearch.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
  });

  it("re-throws from a decorated method after recording the error", () => {
    const tracer = testTracer();
    const failing = compileAndRun(
      `
      class Failing {
        @trace({ tracer })
        fail() { throw new TypeError("nope"); }
      }
      export const result = new Failing();
      `,
      { trace, tracer },
    ) as { fail(): never };

    expect(() => failing.fail()).toThrow(TypeError);
    expect(tracer.getFinishedSpans()[0].status.code).toBe(SpanStatusCode.ERROR);
  });

  it("leaves a decorated field alone instead of failing at class definition", () => {
    const tracer = testTracer();
    const holder = compileAndRun(
      `
      class Holder {
        @trace({ tracer }) value = 3;
      }
      export const result = new Holder();
      `,
      { trace, tracer },
    ) as { value: number };

    expect(holder.value).toBe(3);
  });

  it("also works as a legacy decorator (experimentalDecorators, e.g. NestJS)", async () => {
    const tracer = testTracer();
    const controller = compileAndRun(
      `
      class ChatController {
        reply = "hi";
        @trace({ eventType: "chain", tracer })
        async chat(message: string) { return this.reply + " " + message; }
      }
      export const result = new ChatController();
      `,
      { trace, tracer },
      true,
    ) as { chat(message: string): Promise<string> };

    expect(await controller.chat("there")).toBe("hi there");
    expect(tracer.getFinishedSpans().map((span) => span.name)).toEqual(["chat"]);
  });
});

describe("startSpan()", () => {
  it("runs the callback in an active span and ends it", async () => {
    const tracer = testTracer();
    const result = await tracer.startSpan("request", async (span) => {
      expect(otelTrace.getActiveSpan()).toBe(span);
      tracer.enrichSpan({ outputs: { status: 200 } });
      return "ok";
    });

    expect(result).toBe("ok");
    const [span] = tracer.getFinishedSpans();
    expect(span.name).toBe("request");
    expect(span.attributes["honeyhive_outputs.status"]).toBe(200);
    expect(otelTrace.getSpan(context.active())).toBeUndefined();
  });
});
