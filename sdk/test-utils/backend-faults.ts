// Every way a backend can misbehave, as one table shared by the tests that run each network path of
// the SDK (span export, session calls, evaluate()'s run and dataset calls) against each of them. A
// test starts one fake backend per case (FakeHoneyHiveBackend on 127.0.0.1) so cases can run
// concurrently; `refuses` has no backend at all.
import { FakeHoneyHiveBackend, type Fault } from "./fake-backend.js";

export interface BackendFaultCase {
  name: string;
  /** Undefined: a URL where connections are refused. */
  fault: Omit<Fault, "path"> | undefined;
  /** The fault answers 2xx: a call "succeeds" with a body that is not what the SDK expects. */
  answers2xx?: boolean;
  /** The fault hits every connection, whatever the path (it cannot be limited to one call). */
  connectionLevel?: boolean;
}

export const BACKEND_FAULTS: BackendFaultCase[] = [
  { name: "refuses connections", fault: undefined, connectionLevel: true },
  { name: "accepts and never answers", fault: { mode: "hang" } },
  { name: "closes every connection on accept", fault: { mode: "close-on-accept" }, connectionLevel: true },
  { name: "answers 1 byte a second (status line, headers and body)", fault: { mode: "drip" } },
  { name: "resets the connection after reading the request", fault: { mode: "reset" } },
  { name: "resets the connection in the middle of the body", fault: { mode: "reset-mid-body" } },
  { name: "answers bytes that are not HTTP", fault: { mode: "garbage" } },
  { name: "answers 200 with an 80 MB body", fault: { mode: "huge-body" } },
  { name: "answers 200 with an HTML page", fault: { status: 200, rawBody: "<html><body>502 Bad Gateway</body></html>" }, answers2xx: true },
  { name: "answers 200 with JSON of the wrong shape", fault: { status: 200, body: () => [1, 2, 3] }, answers2xx: true },
  {
    name: "answers 200 with fields of the wrong type",
    fault: { status: 200, body: () => ({ run_id: 42, datapoints: [null, 7, "x"], session_id: {} }) },
    answers2xx: true,
  },
  { name: "answers 429 with Retry-After: 30", fault: { status: 429, headers: { "retry-after": "30" } } },
  { name: "answers 429 without Retry-After", fault: { status: 429 } },
  { name: "answers 429 with a huge Retry-After", fault: { status: 429, headers: { "retry-after": "99999999999999999999999" } } },
  { name: "answers 429 with a Retry-After date far ahead", fault: { status: 429, headers: { "retry-after": "Fri, 31 Dec 2100 23:59:59 GMT" } } },
  { name: "answers 500", fault: { status: 500 } },
  { name: "answers 503", fault: { status: 503 } },
  { name: "answers 401", fault: { status: 401 } },
  // gaps-sdk-4: a key that is valid but may not write to the project; an answer with no body at all.
  { name: "answers 403", fault: { status: 403 } },
  { name: "answers 200 with an empty body", fault: { status: 200, rawBody: "" }, answers2xx: true },
  { name: "redirects (302) elsewhere", fault: { status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } } },
];

/** A backend for one case with the fault on paths matching `path` (every path when absent); close it after. */
export async function backendWith(
  testCase: BackendFaultCase,
  path?: RegExp,
  options: Parameters<typeof FakeHoneyHiveBackend.start>[0] = {},
): Promise<{ url: string; backend: FakeHoneyHiveBackend | undefined; close: () => Promise<void> }> {
  if (!testCase.fault) {
    // Nothing listens: every path fails (callers skip connection-level cases for one path).
    return { url: await FakeHoneyHiveBackend.refusingUrl(), backend: undefined, close: async () => {} };
  }
  const backend = await FakeHoneyHiveBackend.start(options);
  backend.inject({ ...testCase.fault, ...(path ? { path } : {}) });
  return { url: backend.url, backend, close: () => backend.close() };
}
