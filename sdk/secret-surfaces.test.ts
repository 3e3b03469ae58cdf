// The API key must not be reachable from anything an application prints or serializes: the tracer and
// its provider through util.inspect (every depth, hidden properties too), String() and JSON, the errors
// the SDK throws or rejects with (their stacks and causes), and everything the SDK prints with
// `verbose: true` through a whole life against a backend that refuses the key.
import { inspect } from "node:util";
import { expect, it } from "vitest";
import { evaluate } from "./experiments/index.js";
import { HoneyHiveTracer } from "./index.js";
import { useLogCapture } from "./test-utils/log-capture.js";
import { useFakeBackend } from "./test-utils/use-fake-backend.js";

const API_KEY = "hh-secret-surfaces-key-0123456789";
const backend = useFakeBackend();

const logs = useLogCapture((captured) => expect(captured.lines.join("\n")).not.toContain(API_KEY));

/** Every way an application might print or serialize `value`. */
function renderings(value: unknown): string[] {
  const rendered = [inspect(value, { depth: Infinity, showHidden: true, getters: true }), String(value)];
  try {
    rendered.push(JSON.stringify(value) ?? "");
  } catch (error) {
    rendered.push(String(error));
  }
  for (let cause = (value as { cause?: unknown } | null)?.cause; cause; cause = (cause as { cause?: unknown }).cause) {
    rendered.push(inspect(cause, { depth: Infinity }));
  }
  return rendered;
}

it("is in no rendering of a tracer or its provider, before and after it exported", async () => {
  const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "secrets", serverUrl: backend().url, verbose: true });
  tracer.createSession({ sessionName: "s", inputs: { question: "q" } });
  tracer.startSpan("exported", () => undefined);
  for (const rendered of [...renderings(tracer), ...renderings(tracer.provider)]) expect(rendered).not.toContain(API_KEY);
  expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(true);
  for (const rendered of [...renderings(tracer), ...renderings(tracer.provider)]) expect(rendered).not.toContain(API_KEY);
  await tracer.shutdown({ timeoutMs: 500 });
});

it("is in nothing printed with verbose: true while the backend refuses the key and echoes it", async () => {
  backend().inject({ status: 401, body: (request) => ({ error: `invalid key ${String(request.headers.authorization)}` }) });
  const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "secrets", serverUrl: backend().url, verbose: true });
  await tracer.acreateSession({ sessionName: "refused" });
  tracer.enrichSession({ metadata: { a: 1 } });
  tracer.startSpan("refused", () => undefined);
  expect(await tracer.forceFlush({ timeoutMs: 2_000 })).toBe(false);
  await tracer.shutdown({ timeoutMs: 500 });
  expect(logs().sdkLines().length).toBeGreaterThan(0);
});

it("is in no error evaluate() rejects with, for bad options or a backend that refuses the key", async () => {
  const badOptions = await evaluate({ function: () => 1, dataset: [{ inputs: {} }], apiKey: API_KEY, serverUrl: `https://user:${API_KEY}@ bad` }).catch((error: unknown) => error);
  backend().inject({ status: 401, body: (request) => ({ error: `invalid key ${String(request.headers.authorization)}` }) });
  const refused = await evaluate({ function: () => 1, datasetId: "ds", apiKey: API_KEY, serverUrl: backend().url, timeoutMs: 1_000 }).catch((error: unknown) => error);
  for (const error of [badOptions, refused]) {
    expect(error).toBeInstanceOf(Error);
    for (const rendered of [...renderings(error), String((error as Error).stack)]) expect(rendered).not.toContain(API_KEY);
  }
});

// A gateway or proxy that quotes the request in its error page, for any status, not only 401: a refusal
// (400, 403, 404, 422) and an outage (429, 5xx, retried until the deadline) whose body echoes the key and
// the Authorization header. Nothing printed with verbose: true, and no error evaluate() rejects with.
it.each([400, 403, 404, 422, 429, 500, 502, 503])("is in nothing printed and no evaluate() error when a %i answer's body echoes it", async (status) => {
  backend().inject({ status, body: (request) => ({ error: `request by ${String(request.headers.authorization)} (key ${API_KEY}) failed` }) });
  const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "secrets", serverUrl: backend().url, verbose: true, timeoutMs: 500 });
  await tracer.acreateSession({ sessionName: "echoed" });
  tracer.enrichSession({ metadata: { a: 1 } });
  tracer.startSpan("echoed", () => undefined);
  expect(await tracer.forceFlush({ timeoutMs: 500 })).toBe(false);
  await tracer.shutdown({ timeoutMs: 500 });
  const rejected = await evaluate({ function: () => 1, datasetId: "ds", apiKey: API_KEY, serverUrl: backend().url, timeoutMs: 500 }).catch((error: unknown) => error);
  expect(rejected).toBeInstanceOf(Error);
  for (const rendered of [...renderings(rejected), String((rejected as Error).stack)]) expect(rendered).not.toContain(API_KEY);
  // The failures were printed (with verbose: true): the check above had lines to look at.
  expect(logs().sdkLines().join("\n")).toMatch(/failed|refused|not accepted|unavailable/i);
});

// A key init() and evaluate() cannot use (a character no header may carry, pasted with it; an object
// holding it instead of the string) is reported by the option's name, never with its value.
it.each([
  ["a line break inside", `${API_KEY}\nsecond-line`],
  ["a zero-width space", `${API_KEY}\u200b`],
  ["a control character", `${API_KEY}\u0007`],
  ["an object holding it", { token: API_KEY }],
])("is in no warning of init() and no error of evaluate() for a key given with %s", async (_name, key) => {
  const tracer = HoneyHiveTracer.init({ apiKey: key as string, project: "secrets", serverUrl: backend().url, verbose: true });
  tracer.createSession({ sessionName: "bad key" });
  await tracer.shutdown({ timeoutMs: 500 });
  expect(logs().sdkLines().join("\n")).toContain("`apiKey`");
  const rejected = await evaluate({ function: () => 1, dataset: [{ inputs: {} }], apiKey: key as string, serverUrl: backend().url }).catch((error: unknown) => error);
  expect(rejected).toBeInstanceOf(Error);
  expect(String(rejected)).toContain("`apiKey`");
  for (const rendered of [...renderings(rejected), String((rejected as Error).stack)]) expect(rendered).not.toContain(API_KEY);
});
