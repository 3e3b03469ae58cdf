// No secret in any line the SDK or its OpenTelemetry components print, and no flood: the API key and
// URL credentials are redacted wherever they come from (an error of fetch, a status text a proxy
// echoes), a repeated problem is reported once, and what a warning quotes is capped.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HoneyHiveTracer, trace } from "./index.js";
import {
  createLogger,
  MAX_LOG_LINE_LENGTH,
  OUTAGE_REWARN_INTERVAL_MS,
  quote,
  redact,
  registerSecret,
  resetWarningsForTests,
  warnOnce,
  warnOutage,
} from "./logger.js";
import { FakeHoneyHiveBackend, headerValue, OTLP_TRACES_PATH } from "./test-utils/fake-backend.js";
import { captureLogs, type LogCapture } from "./test-utils/log-capture.js";

const API_KEY = "hh-key-7f3c9a-must-never-be-printed";
const PASSWORD = "p4ss-w0rd-in-the-url";

let capture: LogCapture;
/** Every line printed to the console or given to OpenTelemetry's diagnostic logger during a test. */
let logged: string[];

const servers: Server[] = [];
const tracers: HoneyHiveTracer[] = [];

beforeEach(() => {
  resetWarningsForTests();
  capture = captureLogs();
  logged = capture.lines;
});

afterEach(async () => {
  for (const tracer of tracers.splice(0)) await tracer.shutdown({ timeoutMs: 1_000 });
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  capture.restore();
});

/** A backend that refuses the key with a 401 whose status text echoes it (as a misconfigured proxy does). */
async function echoingBackend(): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const key = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
      response.writeHead(401, `Unauthorized: invalid key ${key}`, { "content-type": "application/json" });
      response.end('{"error":"unauthorized"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function exerciseTracer(tracer: HoneyHiveTracer): Promise<void> {
  tracers.push(tracer);
  const step = trace({ tracer, eventType: "tool", eventName: "step" }, (value: number) => value + 1);
  tracer.createSession({ sessionName: "logs" });
  step(1);
  tracer.enrichSession({ outputs: { done: true } });
  expect(await tracer.forceFlush({ timeoutMs: 3_000 })).toBe(false);
}

describe("secrets in log lines", () => {
  it("never prints the password of a serverUrl with credentials, verbose or not", async () => {
    for (const verbose of [false, true]) {
      resetWarningsForTests();
      const serverUrl = `http://user:${PASSWORD}@127.0.0.1:9`;
      await exerciseTracer(HoneyHiveTracer.init({ apiKey: API_KEY, project: "logs", serverUrl, timeoutMs: 500, verbose }));
    }
    const output = logged.join("\n");
    expect(output).toMatch(/\[honeyhive\].*failed/); // the failure itself is reported
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(API_KEY);
  });

  // review-session: the verbose startup line printed `serverUrl` whole, so a token in its path (a proxy's
  // `/t/<token>/`) reached the log; redact() knows only keys, URL credentials, query values and Bearer tokens.
  it("never prints a token in the serverUrl's path, verbose, and still names the server's origin", async () => {
    const token = "tok-9c1e77d0-path-secret";
    const serverUrl = `${await echoingBackend()}/t/${token}/api`;
    await exerciseTracer(HoneyHiveTracer.init({ apiKey: API_KEY, project: "logs", serverUrl, timeoutMs: 1_000, verbose: true }));
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the processor's error handler run

    const output = logged.join("\n");
    expect(output).toMatch(new RegExp(`tracer initialized: .*server=${new URL(serverUrl).origin.replace(/[.]/g, "\\.")}/…`));
    expect(output).not.toContain(token);
  });

  it("never prints an API key that a 401 status text echoes, in SDK or OpenTelemetry diagnostic lines", async () => {
    const serverUrl = await echoingBackend();
    await exerciseTracer(HoneyHiveTracer.init({ apiKey: API_KEY, project: "logs", serverUrl, timeoutMs: 1_000, verbose: true }));
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the processor's error handler run

    const output = logged.join("\n");
    expect(output).toMatch(/401|Unauthorized/); // the refusal is reported…
    expect(output).not.toContain(API_KEY); // …without the key
  });
});

describe("secrets in a refused request's body", () => {
  // The SDK's own transport reads every answer's body; a backend (or a proxy) that echoes the API key
  // in a 401 body must not get it into any line: the SDK's warnings, its verbose debug lines, or the
  // lines OpenTelemetry's components give the diagnostic logger (captured here at DiagLogLevel.ALL).
  // Today the transport reports a refusal as `HTTP 401` and quotes no body; this holds that, and would
  // catch a body reaching a diagnostic line (never redacted by the SDK) or an SDK line unredacted.
  it("never prints an API key that a 401 body echoes, at every log level, from spans and session calls", async () => {
    const backend = await FakeHoneyHiveBackend.start();
    try {
      backend.inject({
        status: 401,
        body: (request) => ({ error: `invalid api key: ${headerValue(request, "authorization") ?? ""}`, key: API_KEY }),
      });
      await exerciseTracer(HoneyHiveTracer.init({ apiKey: API_KEY, project: "logs", serverUrl: backend.url, timeoutMs: 1_000, verbose: true }));
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the processor's error handler run

      // The 401 bodies really carried the key, to the exporter and to the session calls.
      const refused = backend.requests.filter((request) => request.status === 401).map((request) => request.path);
      expect(refused).toContain(OTLP_TRACES_PATH);
      expect(refused.some((path) => path.startsWith("/session"))).toBe(true);
      const output = logged.join("\n");
      expect(output).toMatch(/401/); // the refusal is reported…
      expect(output).not.toContain(API_KEY); // …without the key
    } finally {
      await backend.close();
    }
  });
});

describe("floods", () => {
  it("warns once, with a capped quote, for an enrichSession() id that is not a UUID, however often", () => {
    const tracer = HoneyHiveTracer.init({ project: "logs", testMode: true });
    tracers.push(tracer);
    const hugeId = `not-a-uuid-${"x".repeat(10_000)}`;
    for (let call = 0; call < 101; call++) tracer.enrichSession({ sessionId: hugeId, outputs: { call } });

    const warnings = logged.filter((line) => line.includes("enrichSession()"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("not-a-uuid-");
    expect(warnings[0].length).toBeLessThan(400);
  });
});

// Two copies of the package in one process (an ES module app whose CommonJS dependency require()s it)
// are two instances of logger.ts; vi.resetModules() makes the second one here. Each printed its
// once-per-process warnings again, and redacted only the keys it had been given itself.
describe("a second copy of the package in the same process", () => {
  async function secondCopy(): Promise<typeof import("./logger.js")> {
    vi.resetModules();
    const copy = await import("./logger.js");
    expect(copy.warnOnce).not.toBe(warnOnce);
    return copy;
  }

  it("prints a once-per-process warning, and an outage, once for both copies", async () => {
    const copy = await secondCopy();
    warnOnce("dual-copy", "first copy");
    copy.warnOnce("dual-copy", "second copy");
    copy.warnOnce("dual-copy-other", "another warning");
    warnOutage("http://127.0.0.1:9", "api", "outage seen by the first copy");
    copy.warnOutage("http://127.0.0.1:9", "api", "outage seen by the second copy");
    expect(capture.sdkLines()).toEqual(["[honeyhive] first copy", "[honeyhive] another warning", "[honeyhive] outage seen by the first copy"]);
    // The server answered the second copy: the next outage of the first copy is a new one (past the interval).
    copy.outageEnded("http://127.0.0.1:9", "api");
    vi.useFakeTimers({ now: Date.now() + OUTAGE_REWARN_INTERVAL_MS + 1 });
    try {
      warnOutage("http://127.0.0.1:9", "api", "a new outage");
    } finally {
      vi.useRealTimers();
    }
    expect(capture.sdkLines().at(-1)).toBe("[honeyhive] a new outage");
  });

  it("redacts a key only the other copy was given, and forgets warnings for both in tests", async () => {
    const copy = await secondCopy();
    const otherKey = "hh-key-given-to-the-other-copy-only";
    registerSecret(otherKey);
    expect(copy.redact(`refused ${otherKey}`)).toBe("refused [REDACTED]");
    copy.warnOnce("dual-reset", "before the reset");
    resetWarningsForTests();
    copy.warnOnce("dual-reset", "after the reset");
    expect(capture.sdkLines()).toEqual(["[honeyhive] before the reset", "[honeyhive] after the reset"]);
  });
});

describe("redact() and quote()", () => {
  it("replaces registered keys, URL credentials and bearer tokens", () => {
    registerSecret(API_KEY);
    expect(redact(`key ${API_KEY} and ${encodeURIComponent(`${API_KEY}/`)}`)).toBe("key [REDACTED] and [REDACTED]%2F");
    expect(redact(`fetch https://bob:${PASSWORD}@api.example.com/x failed`)).toBe("fetch https://[REDACTED]@api.example.com/x failed");
    expect(redact("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [REDACTED]");
    expect(redact("serverUrl=https://hh.example.com/api?token=s3cr3t&region=eu#x ok")).toBe(
      "serverUrl=https://hh.example.com/api?token=[REDACTED]&region=[REDACTED]#x ok",
    );
    expect(redact("see https://hh.example.com/api?flag done")).toBe("see https://hh.example.com/api?flag done");
  });

  it("quotes untrusted text escaped and capped, so it cannot forge or flood log lines", () => {
    expect(quote("a\r\nforged line")).toBe('"a\\r\\nforged line"');
    const quoted = quote("y".repeat(5_000));
    expect(quoted.length).toBeLessThan(100);
    expect(quoted).toContain("(5000 characters)");
  });

  // review-sdk4: quote() cut the value first and redacted what was left, so a key, a bearer token or a
  // URL password across the cut (64 characters) kept its first characters, recognized by nothing.
  it("never leaves the start of a key, a bearer token or a URL password that crosses the cut", () => {
    registerSecret(API_KEY);
    const token = "tok_" + "t".repeat(60);
    for (const [value, secret] of [
      [`${"x".repeat(50)}${API_KEY}`, API_KEY],
      [`${"x".repeat(50)} Bearer ${token}`, token],
      [`${"x".repeat(33)} https://bob:${PASSWORD}@api.example.com/`, PASSWORD],
    ]) {
      const quoted = quote(value);
      expect(quoted).not.toContain(secret.slice(0, 6));
    }
  });

  it("redacts in time proportional to the text, also a long run of dotted words", () => {
    // CPU time of this process, not wall time: the machine's load does not lengthen it.
    const started = process.cpuUsage();
    // Before: from each `\b` of the run the scheme pattern scanned to its end (64,000 characters: ~30 s).
    expect(redact("a.".repeat(32_000))).toHaveLength(64_000);
    expect(redact("a://b".repeat(1_000) + "?q=1")).toContain("q=[REDACTED]");
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1_000).toBeLessThan(3_000);
  });

  // gaps-sdk-5: the query pattern was still quadratic for many `://` in one run (16,000 characters:
  // ~0.3 s), and so was the redaction of a query's values for a parameter without `=`. No absolute time
  // (the machine is shared): the CPU time for 64,000 characters against 16,000 in this process, the
  // fastest of a few tries of each, is ~4× when linear and ~16× when quadratic.
  it.each([
    ["schemes in one run", (n: number) => "a://".repeat(n / 4)],
    ["schemes with a host each", (n: number) => "a://b".repeat(n / 5)],
    ["schemes cut by fragments", (n: number) => "a://b#".repeat(n / 6)],
    ["a query parameter without `=`", (n: number) => `https://h/?${"x".repeat(n)}`],
    ["query parameters without values", (n: number) => `https://h/?${"x&".repeat(n / 2)}`],
    ["hosts without `@`", (n: number) => `https://${"b:".repeat(n / 2)}`],
    ["dotted words", (n: number) => "a.".repeat(n / 2)],
    ["bearer words", (n: number) => "Bearer ".repeat(n / 7)],
  ])("redacts %s in time linear in the text (64k vs 16k characters)", (_shape, text) => {
    const small = text(16_000);
    const large = text(64_000);
    // Enough calls that the small text takes ~20 ms of CPU (timer resolution, a loaded machine), measured
    // the same way for both, interleaved, the fastest of five tries each.
    let calls = 1;
    while (cpuMs(small, calls) < 20 && calls < 65_536) calls *= 2;
    let [bestSmall, bestLarge] = [Infinity, Infinity];
    for (let attempt = 0; attempt < 5; attempt++) {
      bestSmall = Math.min(bestSmall, cpuMs(small, calls));
      bestLarge = Math.min(bestLarge, cpuMs(large, calls));
    }
    expect(bestLarge / bestSmall).toBeLessThan(9);
  }, 120_000);

  it("keeps redacting what it redacted, and nothing else, on the way to a linear pattern", () => {
    for (const [text, expected] of [
      ["https://h/p?token=s3cr3t", "https://h/p?token=[REDACTED]"],
      ["a=b=c in https://h/?a=b=c&d", "a=b=c in https://h/?a=[REDACTED]&d"],
      ["https://h/?&&flag&=v&k=", "https://h/?&&flag&=[REDACTED]&k=[REDACTED]"],
      ["https://h/x#frag?token=1", "https://h/x#frag?token=1"],
      ["https://h/x#f https://g/y?t=2", "https://h/x#f https://g/y?t=[REDACTED]"],
      ["a://b://c?x=1", "a://b://c?x=[REDACTED]"],
      ["see https://h/p?x=1'quoted' and <https://h/?y=2>", "see https://h/p?x=[REDACTED]'quoted' and <https://h/?y=[REDACTED]>"],
      ["no url?x=1 here", "no url?x=1 here"],
      ["x-https://h/?t=1", "x-https://h/?t=[REDACTED]"],
      ["https://u:p@h/?t=1", "https://[REDACTED]@h/?t=[REDACTED]"],
    ]) {
      expect(redact(text)).toBe(expected);
    }
  });

  it("caps every printed line", () => {
    createLogger(true).warn(`something about ${"z".repeat(5_000)}`);
    const lines = capture.sdkLines();
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBe(MAX_LOG_LINE_LENGTH);
    expect(lines[0].endsWith("…")).toBe(true);
  });
});

/** CPU time, in ms, of `calls` calls of redact(text) (user and system: the machine is shared). */
function cpuMs(text: string, calls: number): number {
  const started = process.cpuUsage();
  for (let call = 0; call < calls; call++) redact(text);
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1_000;
}
