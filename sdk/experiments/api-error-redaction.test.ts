// review-sdk3 #1: the errors evaluate() rejects with carried raw Node.js error text. `ExperimentApiError`
// messages (runs-api.ts) were built from the REST client's reason, and the transport's reasons
// (http-transport.ts `describe()`) are a Node error's message as is: an error whose text carries the
// URL with its credentials or query token, or the key (an HTTP agent or interceptor that quotes the
// request, a proxy library) reached the application unredacted. Log lines were redacted; the thrown
// error was not.
import http from "node:http";
import { syncBuiltinESMExports } from "node:module";
import { afterEach, expect, it } from "vitest";
import { FakeHoneyHiveBackend } from "../test-utils/fake-backend.js";
import { evaluate } from "./index.js";

const API_KEY = "hh-api-error-redaction-key-93b1";
const URL_PASSWORD = "hh-url-password-0c7e";
const QUERY_SECRET = "hh-query-token-55d2";
const originalRequest = http.request;

afterEach(() => {
  http.request = originalRequest;
  syncBuiltinESMExports();
});

it.each([
  ["the dataset", { datasetId: "ds" }],
  ["the run", { dataset: [{ inputs: { n: 1 } }] }],
])("rejects with an ExperimentApiError free of secrets when %s cannot be had", async (_what, source) => {
  // A fresh origin: the transport's per-origin pool is made with the request function patched below.
  const refusing = new URL(await FakeHoneyHiveBackend.refusingUrl());
  refusing.username = "user";
  refusing.password = URL_PASSWORD;
  refusing.search = `?token=${QUERY_SECRET}`;
  const serverUrl = refusing.href;
  // What a request function may throw: Node's own errors name the URL or header they refuse.
  http.request = (() => {
    throw new Error(`request to ${serverUrl} refused (Authorization: Bearer ${API_KEY}; key ${API_KEY})`);
  }) as unknown as typeof http.request;
  syncBuiltinESMExports();
  // A deadline that leaves room for a slow first attempt on a loaded machine (300 ms timed out in CI before
  // http.request was reached, so the rejection said "timed out" and carried nothing to redact); retries of
  // the refusal end well before it.
  const rejection = await evaluate({ function: () => 1, apiKey: API_KEY, serverUrl, timeoutMs: 2_000, ...source }).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  expect(rejection?.name).toBe("ExperimentApiError");
  expect(rejection?.message).toContain("refused");
  for (const secret of [API_KEY, URL_PASSWORD, QUERY_SECRET]) expect(rejection?.message).not.toContain(secret);
  expect(rejection?.message).toContain("[REDACTED]");
});
