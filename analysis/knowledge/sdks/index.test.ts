import { describe, expect, it } from "vitest";
import {
  ALL_FLUSH_CALLS,
  GENERIC_TRACER_MEMBER_NAMES,
  HONEYHIVE_ONLY_TRACER_MEMBERS,
  HONEYHIVE_VALUE_EXPORTS,
  ONLY_IN_2X,
  SESSION_BOUND_MEMBERS,
  SHARED_SESSION_START_MEMBERS,
  TRACER_FACTORY_STATICS,
  FLUSH_METHODS_BY_NAME,
  HONEYHIVE_PROFILE_IDS,
  SDK_PROFILES,
  TRACER_HINT_PATTERN,
  TRACER_MEMBER_HINTS,
  mentionsTracerHintText,
  moduleMatches,
  profilesOfModule,
} from "./index.js";
import { OTEL_COMPONENTS, OTHER_BACKENDS_OTLP_TRACE_PREFIXES, opentelemetryProfile } from "./opentelemetry.js";
import { braintrustProfile, langfuseProfile, langsmithProfile } from "./other-sdks.js";
import type { FlushCall } from "./types.js";
import { EVALUATED_FUNCTION_KEYS_1X, WRAPPER_EXPORTS_1X, WRAPPER_MEMBERS_1X } from "./honeyhive-1x.js";

const receiverKey = (flush: FlushCall) => JSON.stringify(flush.receiver);

describe("the profile registry", () => {
  it("has unique profile ids and no flush call twice within a profile", () => {
    const ids = SDK_PROFILES.map((profile) => profile.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const profile of SDK_PROFILES) {
      const calls = profile.flushCalls.map((flush) => `${receiverKey(flush)}.${flush.method}`);
      expect(calls.filter((call, index) => calls.indexOf(call) !== index), profile.id).toEqual([]);
    }
  });

  it("says where every flush name was checked", () => {
    for (const flush of ALL_FLUSH_CALLS) expect(flush.verifiedAt.length, `${flush.profile} ${flush.method}`).toBeGreaterThan(5);
  });

  it("finds a module's profiles by exact name or package prefix, never by a longer name", () => {
    const ids = (specifier: string) => profilesOfModule(specifier).map((profile) => profile.id);
    expect(ids("honeyhive")).toEqual(["honeyhive", "honeyhive-1x"]);
    expect(ids("honeyhive/experiments")).toEqual(["honeyhive", "honeyhive-1x"]);
    expect(ids("honeyhive-utils")).toEqual([]);
    expect(ids("@opentelemetry/sdk-node")).toEqual(["opentelemetry"]);
    expect(ids("@langfuse/otel")).toEqual(["langfuse"]);
    expect(ids("langfuse-langchain")).toEqual(["langfuse"]);
    expect(ids("langsmith/traceable")).toEqual(["langsmith"]);
    expect(ids("braintrust")).toEqual(["braintrust"]);
    expect(ids("express")).toEqual([]);
    expect(moduleMatches("@opentelemetry-fake/api", ["@opentelemetry/"])).toBe(false);
  });

  it("marks only HoneyHive's own profiles as HoneyHive", () => {
    expect(HONEYHIVE_PROFILE_IDS).toEqual(new Set(["honeyhive", "honeyhive-1x"]));
  });
});

describe("flushes recognized by name alone", () => {
  it("are the specific names of every SDK, and never a generic flush or shutdown", () => {
    for (const name of ["forceFlush", "flushAsync", "shutdownAsync", "awaitPendingTraceBatches", "awaitAllCallbacks"]) expect(FLUSH_METHODS_BY_NAME).toContain(name);
    // A database pool has `shutdown()`, a stream `flush()`: only a resolved receiver makes them a flush.
    expect(FLUSH_METHODS_BY_NAME).not.toContain("flush");
    expect(FLUSH_METHODS_BY_NAME).not.toContain("shutdown");
  });
});

describe("OpenTelemetry", () => {
  it("flushes providers, processors and exporters with forceFlush; NodeSDK only shuts down", () => {
    const methodsOf = (name: string) =>
      new Set(opentelemetryProfile.flushCalls.filter((flush) => flush.receiver.kind === "instance" && flush.receiver.export.name === name).map((flush) => flush.method));
    for (const name of ["NodeTracerProvider", "BasicTracerProvider", "WebTracerProvider", "BatchSpanProcessor", "SimpleSpanProcessor", "OTLPTraceExporter"]) {
      expect(methodsOf(name), name).toEqual(new Set(["forceFlush", "shutdown"]));
    }
    expect(methodsOf("NodeSDK")).toEqual(new Set(["shutdown"]));
    expect(OTEL_COMPONENTS.find((part) => part.export.name === "NodeSDK")?.forceFlush).toBe(false);
  });

  it("counts the global provider's flush, and says that only getDelegate() reaches it", () => {
    const global = opentelemetryProfile.flushCalls.filter((flush) => flush.receiver.kind === "result" && flush.method === "forceFlush");
    expect(global.map((flush) => (flush.receiver.kind === "result" ? flush.receiver.calls : undefined))).toEqual([
      ["getTracerProvider", "getDelegate"],
      ["getTracerProvider"],
    ]);
    expect(global[1].caveat).toMatch(/getDelegate/);
  });

  it("recognizes an exporter pointed at HoneyHive, and not another vendor's", () => {
    expect(opentelemetryProfile.honeyhiveEndpoint.test("https://api.honeyhive.ai/opentelemetry/v1/traces")).toBe(true);
    expect(opentelemetryProfile.honeyhiveEndpoint.test("https://collector.internal/opentelemetry/v1/traces")).toBe(true);
    expect(opentelemetryProfile.honeyhiveEndpoint.test("https://api.honeycomb.io/v1/traces")).toBe(false);
    // The path after a base of the code's own (a template, a concatenation, the value alone, a proxy's prefix) is HoneyHive's.
    for (const text of ["`${process.env.HH_API_URL}/opentelemetry/v1/traces`", 'base + "/opentelemetry/v1/traces"', "/opentelemetry/v1/traces", "https://proxy.corp/hh/opentelemetry/v1/traces"]) {
      expect(opentelemetryProfile.honeyhiveEndpoint.test(text), text).toBe(true);
    }
    // Other backends' paths with the same tail under a prefix of their own (VictoriaTraces, CozeLoop, Oracle Cloud APM).
    for (const url of [
      "http://127.0.0.1:10428/insert/opentelemetry/v1/traces",
      "`${vt}/insert/opentelemetry/v1/traces`",
      "https://api.coze.cn/v1/loop/opentelemetry/v1/traces",
      "https://apm.example.oci.oraclecloud.com/20200101/opentelemetry/v1/traces",
    ]) {
      expect(opentelemetryProfile.honeyhiveEndpoint.test(url), url).toBe(false);
    }
    for (const { prefix } of OTHER_BACKENDS_OTLP_TRACE_PREFIXES) expect(prefix).toMatch(/^\/\w+$/);
  });
});

describe("other SDKs", () => {
  it("Langfuse, LangSmith and Braintrust flush the way their docs say", () => {
    const methods = (profile: { flushCalls: readonly FlushCall[] }) => new Set(profile.flushCalls.map((flush) => flush.method));
    expect(methods(langfuseProfile)).toEqual(new Set(["flushAsync", "shutdownAsync", "forceFlush", "shutdown"]));
    expect(methods(langsmithProfile)).toEqual(new Set(["awaitPendingTraceBatches", "flush", "awaitAllCallbacks"]));
    expect(braintrustProfile.flushCalls.map((flush) => flush.receiver.kind)).toEqual(["module", "result"]);
  });
});

describe("the prefilter's tracer hint", () => {
  it("keeps every member the current prefilter keys on (codemods/engine/prefilter.ts)", () => {
    for (const name of ["sessionStart", "createSession", "acreateSession", "withSession", "forceFlush", "trace", "enrichSpan", "enrichSession", "startSpan", "sessionId"]) {
      expect(TRACER_MEMBER_HINTS).toContain(name);
    }
  });

  it("adds the 1.x tracer methods, and not the names every logger or provider has", () => {
    for (const source of ["hh.traceFunction({})(fn)", "obs.traceChain(fn)", "await client.startSession()", "t.logModel({})"]) expect(TRACER_HINT_PATTERN.test(source), source).toBe(true);
    for (const source of ["await logger.flush()", "await pool.shutdown()", "posthog.capture('x')", "x.traced(fn)"]) expect(TRACER_HINT_PATTERN.test(source), source).toBe(false);
  });

  it("is answered alternative by alternative as the one pattern answers (mentionsTracerHintText)", () => {
    const pieces = ["tracer", "TRACER", "Tracer", ".sessionStart", ".SessionStart(", ".sessionStartX", "traceModel", "xtraceModel", "traceModel_", ".trace", ".traced", ".trace(", "_traceTool", "\n", " ", ".", "tra", "cer", "flush", "(x)"];
    // Every text of up to three pieces: each alternative alone, at a boundary or not, and texts that match none.
    const texts = [""];
    for (let size = 0; size < 3; size += 1) for (const text of [...texts]) for (const piece of pieces) texts.push(text + piece);
    let matched = 0;
    for (const text of texts) {
      const expected = TRACER_HINT_PATTERN.test(text);
      if (expected) matched += 1;
      expect(mentionsTracerHintText(text), JSON.stringify(text)).toBe(expected);
    }
    expect(matched).toBeGreaterThan(0);
    expect(matched).toBeLessThan(texts.length);
  });
});

describe("HoneyHive's tracer across both majors (what the SDK model reads)", () => {
  it("marks the 1.x-only methods as HoneyHive's own, and names other objects share as generic only", () => {
    for (const name of ["createSession", "enrichSession", "traceFunction", "traceModel", "traceTool", "traceChain", "logModel"]) {
      expect(HONEYHIVE_ONLY_TRACER_MEMBERS, name).toContain(name);
    }
    // MongoDB's startSession, a logger's flush, PostHog's sessionStart, every exporter's forceFlush.
    for (const name of ["startSession", "flush", "sessionStart", "forceFlush", "trace"]) {
      expect(HONEYHIVE_ONLY_TRACER_MEMBERS, name).not.toContain(name);
      expect(GENERIC_TRACER_MEMBER_NAMES, name).toContain(name);
    }
  });

  it("derives the creations, session starts and wrappers from the data", () => {
    expect(TRACER_FACTORY_STATICS).toEqual(new Set(["init", "initFromSessionId"]));
    expect(SHARED_SESSION_START_MEMBERS).toEqual(new Set(["sessionStart", "startSession"]));
    expect([...SESSION_BOUND_MEMBERS].sort()).toEqual(["acreateSession", "createSession", "enrichSession", "logModel", "sessionStart", "startSession", "startSpan"]);
    expect(Object.fromEntries(WRAPPER_EXPORTS_1X)).toEqual({ traceFunction: "curried", traceModel: "first-argument", traceTool: "first-argument", traceChain: "first-argument" });
    expect(new Set(WRAPPER_MEMBERS_1X.keys())).toEqual(new Set(WRAPPER_EXPORTS_1X.keys()));
    expect(EVALUATED_FUNCTION_KEYS_1X).toEqual(new Set(["evaluationFunction", "function"]));
  });

  it("knows the value exports of both majors and what only 2.x has", () => {
    for (const name of ["HoneyHiveTracer", "trace", "evaluate", "traceChain", "HoneyHive", "toSessionId"]) expect(HONEYHIVE_VALUE_EXPORTS, name).toContain(name);
    expect(HONEYHIVE_VALUE_EXPORTS).not.toContain("TraceFunctionOptions");
    expect(ONLY_IN_2X.exports).toContain("trace");
    expect(ONLY_IN_2X.exports).not.toContain("evaluate");
    expect(ONLY_IN_2X.members).toContain("createSession");
    expect(ONLY_IN_2X.members).not.toContain("enrichSpan");
  });
});
