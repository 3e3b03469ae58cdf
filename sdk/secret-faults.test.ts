// No secret in anything the SDK can emit, under every backend fault: the API key, the Authorization
// header built from it, and the credentials and query values a `serverUrl` may carry
// (`http://user:pass@host/?token=…`). "Anything" is every line printed (warnings, and debug lines with
// `verbose: true`), OpenTelemetry's diagnostic logger, process warnings, every error thrown or
// rejected by the public API with all its properties and causes, evaluate()'s result, and renderings
// of the tracer and its provider. Each case drives every public call of a tracer and evaluate().
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "./experiments/index.js";
import { HoneyHiveTracer, toSessionId, trace } from "./index.js";
import { BACKEND_FAULTS, backendWith } from "./test-utils/backend-faults.js";
import { captureLogs, type LogCapture } from "./test-utils/log-capture.js";

const API_KEY = "hh-secret-faults-key-5f2c9a71";
const URL_PASSWORD = "hh-url-password-81d3";
const QUERY_SECRET = "hh-query-token-4be0";
const SECRETS = [API_KEY, URL_PASSWORD, QUERY_SECRET, encodeURIComponent(API_KEY)];
const TIMEOUT_MS = 300;

let logs: LogCapture;
const processWarnings: string[] = [];
const onWarning = (warning: Error): void => void processWarnings.push(inspect(warning, { showHidden: true }));
beforeAll(() => {
  logs = captureLogs();
  process.on("warning", onWarning);
});
afterAll(() => {
  process.off("warning", onWarning);
  logs.restore();
  const printed = [...logs.lines, ...processWarnings].join("\n");
  expect(logs.sdkLines().length).toBeGreaterThan(0);
  for (const secret of SECRETS) expect(printed).not.toContain(secret);
});

/** Every way an application might print or serialize `value`, causes included. */
function renderings(value: unknown): string {
  const parts: string[] = [];
  for (let current = value, depth = 0; current !== undefined && current !== null && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(inspect(current, { depth: Infinity, showHidden: true, getters: true }), String(current));
    try {
      parts.push(JSON.stringify(current) ?? "");
    } catch (error) {
      parts.push(String(error));
    }
    if (current instanceof Error) parts.push(String(current.stack), JSON.stringify(Object.getOwnPropertyNames(current).map((key) => [key, String((current as unknown as Record<string, unknown>)[key])])));
  }
  return parts.join("\n");
}

/** `url` with credentials and a query value, the way a proxy's URL may carry them. */
function withSecrets(url: string): string {
  const parsed = new URL(url);
  parsed.username = "user";
  parsed.password = URL_PASSWORD;
  parsed.search = `?token=${QUERY_SECRET}`;
  return parsed.href;
}

describe.concurrent.each(BACKEND_FAULTS)("a backend that $name", (testCase) => {
  it("no secret in any error, result, rendering or printed line", async () => {
    const { url, close } = await backendWith(testCase);
    const serverUrl = withSecrets(url);
    const emitted: string[] = [];
    /** Runs a public call; what it throws or rejects with is kept for the check, never rethrown. */
    const attempt = async (call: () => unknown): Promise<void> => {
      try {
        emitted.push(renderings(await call()));
      } catch (error) {
        emitted.push(renderings(error));
      }
    };
    try {
      const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "secrets", serverUrl, verbose: true, timeoutMs: TIMEOUT_MS });
      await attempt(() => tracer.createSession({ sessionName: "s", inputs: { q: 1 } }));
      await attempt(() => tracer.acreateSession({ sessionName: "a" }));
      await attempt(() => tracer.sessionStart({ sessionName: "legacy" }));
      await attempt(() => tracer.withSession({ sessionId: toSessionId("conversation") }, () => tracer.startSpan("in-session", () => 1)));
      await attempt(() => tracer.trace({ eventType: "tool" }, async () => tracer.enrichSpan({ metadata: { m: 1 } }))());
      await attempt(() => trace({ tracer }, () => 2)());
      await attempt(() => tracer.enrichSession({ metadata: { a: 1 } }));
      await attempt(() => tracer.enrichSession({ sessionId: "not-a-uuid", metadata: { a: 1 } }));
      await attempt(() => tracer.createSession({ sessionId: "not-a-uuid" }));
      await attempt(() => tracer.forceFlush({ timeoutMs: TIMEOUT_MS }));
      await attempt(() => tracer.forceFlush({ timeoutMs: TIMEOUT_MS }));
      emitted.push(renderings(tracer), renderings(tracer.provider));
      await attempt(() => tracer.shutdown({ timeoutMs: TIMEOUT_MS }));
      emitted.push(renderings(tracer));
      await attempt(() => evaluate({ function: (datapoint) => datapoint.inputs, dataset: [{ inputs: { n: 1 } }], apiKey: API_KEY, serverUrl, timeoutMs: TIMEOUT_MS }));
      await attempt(() => evaluate({ function: () => 1, datasetId: "ds", apiKey: API_KEY, serverUrl, timeoutMs: TIMEOUT_MS }));
      const all = emitted.join("\n");
      for (const secret of SECRETS) expect(all).not.toContain(secret);
      expect(all).not.toMatch(/Bearer hh-/);
      // The check saw the errors (a non-UUID id; evaluate() without its run or dataset) and the tracer.
      expect(all).toContain("InvalidSessionIdError");
      expect(all).toContain("ExperimentApiError");
      expect(all).toContain("HoneyHiveTracer");
    } finally {
      await close();
    }
  }, 20_000);
});
