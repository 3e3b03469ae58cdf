// What JavaScript callers (no type checker) can pass to the public API: `null` options, wrong types,
// timeouts that are strings or Infinity, a serverUrl that is not a URL. Tracing problems never throw
// into the application: a wrong option is reported once (naming the option, never its value) and
// ignored; only programming errors that would silently lose traces throw, with a clear message (a
// non-UUID session id, a callback that is not a function).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { evaluate, EvaluateOptionsError } from "./experiments/index.js";
import { DEFAULT_TIMEOUT_MS, MAX_TRACER_TIMEOUT_MS, resolveConfig, timeoutOrDefault } from "./config.js";
import { HoneyHiveTracer, InvalidSessionIdError, isSessionId, trace } from "./index.js";
import { resetWarningsForTests } from "./logger.js";
import { captureLogs, type LogCapture } from "./test-utils/log-capture.js";
import { useFakeBackend } from "./test-utils/use-fake-backend.js";

const API_KEY = "hh-invalid-input-secret-key";
const backend = useFakeBackend();

let logs: LogCapture;
const processWarnings: string[] = [];
const onWarning = (warning: Error): void => void processWarnings.push(`${warning.name}: ${warning.message}`);
beforeEach(() => {
  resetWarningsForTests();
  logs = captureLogs();
  processWarnings.length = 0;
  process.on("warning", onWarning);
});
afterEach(async () => {
  // Process warnings are emitted on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  process.off("warning", onWarning);
  logs.restore();
  expect(logs.lines.join("\n")).not.toContain(API_KEY);
  expect(processWarnings.filter((warning) => warning.startsWith("TimeoutOverflowWarning"))).toEqual([]);
});

/** `value` typed as anything, as a JavaScript caller passes it. */
const js = <T>(value: unknown): T => value as T;

describe("HoneyHiveTracer.init() with options of the wrong type", () => {
  it("accepts init(null) as no options", () => {
    expect(HoneyHiveTracer.init(js(null))).toBeInstanceOf(HoneyHiveTracer);
  });

  it.each([
    ["apiKey", 12345678901234],
    ["project", 7],
    ["sessionName", ["a"]],
    ["source", {}],
    ["serverUrl", 8080],
    ["testMode", "yes"],
    ["disableBatch", 1],
    ["verbose", "true"],
    ["maxQueueSize", "100"],
    ["timeoutMs", "5000"],
    ["sessionInputs", "inputs"],
    ["sessionMetadata", 3],
  ])("ignores %s = %j with one warning that names the option, not the value", (option, value) => {
    const tracer = HoneyHiveTracer.init(js({ testMode: true, [option]: value }));
    expect(tracer).toBeInstanceOf(HoneyHiveTracer);
    const warnings = logs.sdkLines().filter((line) => line.includes(`\`${option}\``));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`HoneyHiveTracer.init\\(\\): option \`${option}\` must be .*; ignored`));
    expect(warnings[0]).not.toContain(JSON.stringify(value));
  });

  it("reports a session id that is not a string as the invalid session id it is", () => {
    expect(() => HoneyHiveTracer.init(js({ testMode: true, sessionId: 42 }))).toThrow(InvalidSessionIdError);
  });

  it.each([
    ["not a URL at all, with credentials", `https://user:${API_KEY}@ not a host`],
    ["not http(s)", "ftp://files.example.com"],
  ])("disables tracing (one warning, no network, no throw) for a serverUrl %s", async (_case, serverUrl) => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, serverUrl });
    expect(tracer.enabled).toBe(false);
    expect(tracer.startSpan("runs", () => 42)).toBe(42);
    expect(await tracer.forceFlush({ timeoutMs: 200 })).toBe(false);
    expect(logs.sdkLines().join("\n")).toMatch(/`serverUrl` \(or HH_API_URL\) is not an http:\/\/ or https:\/\/ URL; nothing is sent/);
    expect(logs.sdkLines().join("\n")).not.toMatch(/No HoneyHive API key/);
  });

  it("trims an API key read with its trailing newline (no header may carry one), from the option and HH_API_KEY", async () => {
    // vi.stubEnv, undone here and by the unit-shared setup after the file: never seen by another file of the graph.
    vi.stubEnv("HH_API_KEY", ` ${API_KEY}\r\n`);
    try {
      for (const options of [{ apiKey: `${API_KEY}\n` }, {}]) {
        const tracer = HoneyHiveTracer.init({ ...options, serverUrl: backend().url });
        tracer.startSpan("keyed", () => undefined);
        expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
        expect(backend().requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
        await tracer.shutdown({ timeoutMs: 500 });
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("caps a timeoutMs beyond what a timer can hold instead of overflowing into a 1 ms deadline", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, serverUrl: backend().url, timeoutMs: 3e9 });
    backend().inject({ delayMs: 50 });
    tracer.startSpan("slow-but-fine", () => undefined);
    expect(await tracer.forceFlush({ timeoutMs: 3_000 })).toBe(true);
    await tracer.shutdown({ timeoutMs: 500 });
  });
});

describe("HoneyHiveTracer.init() with a timeoutMs that is not finite or too long", () => {
  it.each([
    ["Infinity", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
  ])("treats %s as invalid: one warning that names the option, not the value, and the default", (name, value) => {
    expect(resolveConfig({ timeoutMs: value }, {}).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    HoneyHiveTracer.init({ testMode: true, timeoutMs: value });
    const warnings = logs.sdkLines().filter((line) => line.includes("`timeoutMs`"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("must be a finite positive number; ignored");
    expect(warnings[0]).not.toContain(name);
  });

  it("caps a finite but absurd timeoutMs at MAX_TRACER_TIMEOUT_MS (10 minutes), without a warning", () => {
    expect(MAX_TRACER_TIMEOUT_MS).toBe(600_000);
    expect(resolveConfig({ timeoutMs: 1e12 }, {})).toMatchObject({ timeoutMs: MAX_TRACER_TIMEOUT_MS, problems: [] });
    expect(resolveConfig({ timeoutMs: 600_001 }, {}).timeoutMs).toBe(MAX_TRACER_TIMEOUT_MS);
    expect(resolveConfig({ timeoutMs: 599_999 }, {}).timeoutMs).toBe(599_999);
  });
});

describe("HoneyHiveTracer.init() with an API key no HTTP header can carry", () => {
  // sdk/blind-users.test.ts found it: a key pasted with a zero-width space failed every request as an "outage".
  it.each([
    ["a zero-width space", "hh-key-123456\u200b"],
    ["a line break inside", "hh-key\n123456"],
    ["a character beyond Latin-1", "hh-key-✓-123456"],
  ])("with %s: tracing disabled, one warning that names the option, not the value; from the environment too", (_name, key) => {
    expect(resolveConfig({ apiKey: key }, {})).toMatchObject({ apiKeyUsable: false, problems: [expect.objectContaining({ option: "apiKey", networkOnly: true })] });
    expect(resolveConfig({}, { HH_API_KEY: key }).apiKeyUsable).toBe(false);
    const tracer = HoneyHiveTracer.init({ apiKey: key });
    expect(tracer.enabled).toBe(false);
    const warnings = logs.sdkLines().filter((line) => line.includes("`apiKey`"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("cannot carry");
    expect(logs.lines.join("\n")).not.toContain(key);
    // In test mode nothing is sent, so nothing to warn about.
    expect(HoneyHiveTracer.init({ apiKey: key, testMode: true }).enabled).toBe(true);
  });

  it("keeps keys Node.js sends: surrounding whitespace trimmed, Latin-1 and inner spaces as they are (the backend judges them)", () => {
    expect(resolveConfig({ apiKey: " hh-key-123456\n" }, {})).toMatchObject({ apiKey: "hh-key-123456", apiKeyUsable: true, problems: [] });
    expect(resolveConfig({ apiKey: "clé-123456" }, {})).toMatchObject({ apiKeyUsable: true, problems: [] });
    expect(resolveConfig({ apiKey: "hh key\t123456" }, {})).toMatchObject({ apiKeyUsable: true, problems: [] });
    expect(resolveConfig({}, {}).apiKeyUsable).toBe(true);
  });
});

describe("forceFlush() and shutdown() with options of the wrong type", () => {
  it.each([
    ["null", null],
    ["a number", 5],
    ["a string timeout", { timeoutMs: "abc" }],
    ["a NaN timeout", { timeoutMs: Number.NaN }],
    ["a negative timeout", { timeoutMs: -1 }],
    // gaps-sdk-4: reading the option threw out of shutdown() (synchronously) and forceFlush() (a rejection).
    ["a timeoutMs getter that throws", { get timeoutMs(): number { throw new Error("hostile getter"); } }],
    ["a Proxy that throws on every read", new Proxy({}, { get: () => { throw new Error("hostile proxy"); } })],
  ])("never reject for %s", async (_case, options) => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, serverUrl: backend().url });
    tracer.startSpan("x", () => undefined);
    await expect(tracer.forceFlush(js(options))).resolves.toBeTypeOf("boolean");
    await expect(tracer.shutdown(js(options))).resolves.toBeUndefined();
  });

  it("waits for timeoutMs: Infinity (capped), instead of giving up after 1 ms", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, serverUrl: backend().url });
    expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
    backend().inject({ delayMs: 100 });
    tracer.startSpan("slow", () => undefined);
    expect(await tracer.forceFlush({ timeoutMs: Number.POSITIVE_INFINITY })).toBe(true);
    await tracer.shutdown({ timeoutMs: Number.POSITIVE_INFINITY });
  });

  it.each([
    ["Infinity", Number.POSITIVE_INFINITY, MAX_TRACER_TIMEOUT_MS],
    ["1e12", 1e12, MAX_TRACER_TIMEOUT_MS],
    ["600001", 600_001, MAX_TRACER_TIMEOUT_MS],
    ["5000", 5_000, 5_000],
    ["-5", -5, 0],
    ["-Infinity", Number.NEGATIVE_INFINITY, 0],
    ["NaN", Number.NaN, 1_234],
    ["\"5000\"", "5000", 1_234],
  ])("reads timeoutMs %s as %s ms (a total deadline of at most 10 minutes)", (_name, value, expected) => {
    expect(timeoutOrDefault(value, 1_234)).toBe(expected);
  });

  it.each([
    ["forceFlush()", (tracer: HoneyHiveTracer) => tracer.forceFlush({ timeoutMs: Number.POSITIVE_INFINITY })],
    ["shutdown()", (tracer: HoneyHiveTracer) => tracer.shutdown({ timeoutMs: Number.POSITIVE_INFINITY })],
  ])("%s with timeoutMs: Infinity against a hung backend arms no deadline beyond 10 minutes", async (_name, call) => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, serverUrl: backend().url, timeoutMs: 300 });
    backend().inject({ mode: "hang" });
    tracer.startSpan("hung", () => undefined);
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((handler: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(handler, ms);
    }) as typeof setTimeout);
    try {
      // The deliveries end by the tracer's 300 ms deadline; the flush's own deadline is what is capped.
      const settled = call(tracer);
      expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TRACER_TIMEOUT_MS);
      expect(Math.max(...delays)).toBeGreaterThan(MAX_TRACER_TIMEOUT_MS - 5_000);
      await settled;
    } finally {
      spy.mockRestore();
      await tracer.shutdown({ timeoutMs: 500 });
    }
  });
});

describe("session calls with options of the wrong type", () => {
  it("createSession(), acreateSession(), sessionStart() and withSession() take null as no options and a string as the name", async () => {
    const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, serverUrl: backend().url });
    expect(isSessionId(tracer.createSession(js(null)))).toBe(true);
    expect(isSessionId(await tracer.acreateSession(js(null)))).toBe(true);
    expect(isSessionId(tracer.sessionStart(js(null)))).toBe(true);
    expect(tracer.withSession(js(null), (sessionId) => isSessionId(sessionId))).toBe(true);
    tracer.createSession(js("named-by-a-string"));
    expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
    expect(backend().startedSessions().map((session) => session.session_name)).toContain("named-by-a-string");
    await tracer.shutdown({ timeoutMs: 500 });
  });
});

describe("callbacks that are not functions", () => {
  const tracer = HoneyHiveTracer.init({ testMode: true });
  it.each([
    ["startSpan()", () => tracer.startSpan("x", js(undefined)), /startSpan\(\): `fn` must be a function \(got undefined\)/],
    ["withSession()", () => tracer.withSession("x", js(5)), /withSession\(\): `fn` must be a function \(got number\)/],
    ["trace()", () => tracer.trace({}, js<() => void>(null)), /trace\(\): expected a function to wrap \(got null\)/],
    // The free trace() too: with a second argument it is not the decorator form (before: a decorator
    // that silently returned undefined).
    ["trace(options, undefined)", () => trace({ tracer }, js<() => void>(undefined)), /trace\(\): expected a function to wrap \(got undefined\)/],
    ["trace(options, null)", () => trace({}, js<() => void>(null)), /trace\(\): expected a function to wrap \(got null\)/],
  ])("%s throws a TypeError that says so", (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it("trace(null, fn) wraps fn with default options", () => {
    expect(tracer.trace(js(null), (value: number) => value + 1)(1)).toBe(2);
  });
});

describe("evaluate() with options of the wrong type", () => {
  const base = { function: () => 1, dataset: [{ inputs: {} }] };
  it.each([
    ["an apiKey that is a number", { apiKey: 12345678901234 }, /option `apiKey` must be a string \(got a number\)$/],
    ["a serverUrl that is not a URL", { apiKey: API_KEY, serverUrl: `https://u:${API_KEY}@ x` }, /`serverUrl` \(or HH_API_URL\) is not an http/],
    ["a timeoutMs that is a string", { testMode: true, timeoutMs: "5" }, /option `timeoutMs` must be a positive number/],
    ["a name that is a number", { testMode: true, name: 5 }, /`name` must be a string/],
  ])("rejects %s with EvaluateOptionsError, without the value", async (_case, options, message) => {
    const attempt = evaluate(js<Parameters<typeof evaluate>[0]>({ ...base, ...options }));
    await expect(attempt).rejects.toThrow(EvaluateOptionsError);
    await expect(attempt).rejects.toThrow(message);
    await attempt.catch((error: Error) => {
      expect(String(error.stack)).not.toContain(API_KEY);
      expect(String(error.stack)).not.toContain("12345678901234");
    });
  });

  it("treats a datapointTimeoutMs beyond what a timer can hold as no limit, not as 1 ms", async () => {
    const result = await evaluate({
      function: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return "done";
      },
      dataset: [{ inputs: {} }],
      testMode: true,
      datapointTimeoutMs: 1e12,
    });
    expect(result.results[0]).toMatchObject({ output: "done" });
    expect(result.results[0].error).toBeUndefined();
  });
});
