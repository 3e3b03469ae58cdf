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
