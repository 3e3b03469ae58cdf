// What the SDK sends over the wire, checked at a local receiver that implements the HoneyHive API
// contract: the paths, `Authorization: Bearer <key>` on every request, the session start body, the
// session id on every exported span, enrichSession as PUT /events, distributed tracing through
// inject/extract, and the run lifecycle and dataset fetch of evaluate().
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "./experiments/index.js";
import { HoneyHiveTracer, trace } from "./index.js";
import { FakeHoneyHiveBackend, OTLP_TRACES_PATH, type RecordedRequest } from "./test-utils/fake-backend.js";

const API_KEY = "hh-test-key-export";

let backend: FakeHoneyHiveBackend;
const tracers: HoneyHiveTracer[] = [];
beforeAll(async () => {
  backend = await FakeHoneyHiveBackend.start({
    datasets: {
      "dataset-7": [
        { id: "dp-1", inputs: { a: 2, b: 2 }, ground_truth: 4 },
        { id: "dp-2", inputs: { a: 3, b: 3 }, ground_truth: 6 },
      ],
    },
  });
});
afterAll(async () => {
  await backend.close();
});
afterEach(async () => {
  for (const tracer of tracers.splice(0)) await tracer.shutdown({ timeoutMs: 2_000 });
  backend.requests.length = 0;
});

function initTracer(options: Parameters<typeof HoneyHiveTracer.init>[0] = {}): HoneyHiveTracer {
  const tracer = HoneyHiveTracer.init({ apiKey: API_KEY, project: "export", source: "ci", serverUrl: backend.url, ...options });
  tracers.push(tracer);
  return tracer;
}

const routeOf = (request: RecordedRequest) => `${request.method} ${request.path.replace(/^\/runs\/.+$/, "/runs/{id}")}`;

function expectAuthenticated(requests: RecordedRequest[], key = API_KEY): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) expect(request.headers.authorization, routeOf(request)).toBe(`Bearer ${key}`);
}

describe("a tracer exporting to the HoneyHive API", () => {
  it("starts its session, exports spans with their session over OTLP, and enriches sessions with PUT /events", async () => {
    const tracer = initTracer({ sessionName: "export-run", sessionInputs: { topic: "export" } });
    const answer = trace({ tracer, eventType: "chain", eventName: "answer" }, async (question: string) => {
      tracer.enrichSpan({ metadata: { question_length: question.length }, metrics: { score: 0.5 } });
      return `echo ${question}`;
    });
    await answer("hello");
    // A request-scoped session next to the startup session.
    const requestSessionId = await tracer.withSession({ sessionName: "request", metadata: { user: "u1" } }, async (sessionId) => {
      await trace({ tracer, eventType: "tool", eventName: "lookup" }, async () => "found")();
      tracer.enrichSession({ outputs: { answer: "found" }, feedback: { rating: 5 }, metrics: { latency_ms: 12 } });
      return sessionId;
    });

    expect(await tracer.forceFlush({ timeoutMs: 5_000 })).toBe(true);

    // Only contract paths, all authenticated.
    expect(new Set(backend.requests.map(routeOf))).toEqual(new Set(["POST /session/start", `POST ${OTLP_TRACES_PATH}`, "PUT /events"]));
    expectAuthenticated(backend.requests);

    // Session start bodies: { session: { project, session_name, source, session_id, inputs?, metadata? } }.
    expect(backend.requestsTo("POST", "/session/start").map((request) => request.body)).toEqual([
      { session: { project: "export", session_name: "export-run", source: "ci", session_id: tracer.sessionId, inputs: { topic: "export" } } },
      { session: { project: "export", session_name: "request", source: "ci", session_id: requestSessionId, metadata: { user: "u1" } } },
    ]);

    // Spans: OTLP/HTTP JSON, each stamped with its own session, project, source and event type.
    const spans = backend.spans();
    const answerSpan = spans.find((span) => span.name === "answer")!;
    const lookupSpan = spans.find((span) => span.name === "lookup")!;
    expect(answerSpan.attributes).toMatchObject({
      "honeyhive.session_id": tracer.sessionId,
      "honeyhive.project": "export",
      "honeyhive.source": "ci",
      honeyhive_event_type: "chain",
      "honeyhive_metadata.question_length": 5,
      "honeyhive_metrics.score": 0.5,
    });
    expect(lookupSpan.attributes).toMatchObject({ "honeyhive.session_id": requestSessionId, honeyhive_event_type: "tool" });
    const [otlpRequest] = backend.requestsTo("POST", OTLP_TRACES_PATH);
    expect(otlpRequest.headers["content-type"]).toContain("application/json");

    // enrichSession went to the session of the context (the request session), as PUT /events.
    expect(backend.requestsTo("PUT", "/events").map((request) => request.body)).toEqual([
      expect.objectContaining({ event_id: requestSessionId, outputs: { answer: "found" }, feedback: { rating: 5 }, metrics: { latency_ms: 12 } }),
    ]);
  });

  it("continues a session and trace across services with inject() and createSession({ linkCarrier })", async () => {
    const upstream = initTracer({ project: "upstream" });
    const downstream = initTracer({ project: "downstream", apiKey: "hh-test-key-downstream" });
    const headers: Record<string, string> = {};

    const upstreamSessionId = upstream.withSession("checkout", (sessionId) => {
      upstream.startSpan("call_downstream", () => upstream.inject(headers));
      return sessionId;
    });
    // The downstream service, handling the request that carried `headers`.
    const downstreamSessionId = downstream.withSession({ linkCarrier: headers }, (sessionId) => {
      downstream.startSpan("serve", () => undefined);
      return sessionId;
    });

    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect(headers.baggage).toContain(upstreamSessionId);
    expect(downstreamSessionId).toBe(upstreamSessionId);
    expect(await upstream.forceFlush()).toBe(true);
    expect(await downstream.forceFlush()).toBe(true);

    const [caller] = backend.spans().filter((span) => span.name === "call_downstream");
    const [served] = backend.spans().filter((span) => span.name === "serve");
    expect(served.attributes["honeyhive.session_id"]).toBe(upstreamSessionId);
    expect(served.traceId).toBe(caller.traceId);
    expect(served.parentSpanId).toBe(caller.spanId);
    // The joined session already exists upstream: downstream does not start it a second time.
    expect(backend.startedSessions().filter((session) => session.session_id === upstreamSessionId)).toHaveLength(1);
  });
});

describe("evaluate() against the HoneyHive API", () => {
  it("fetches the dataset by id, creates the run, links each datapoint's session, and completes the run", async () => {
    const evaluation = await evaluate({
      name: "dataset-run",
      datasetId: "dataset-7",
      function: trace({ eventType: "chain" }, async ({ inputs }: { inputs: { a: number; b: number } }) => inputs.a + inputs.b),
      evaluators: { exact: (output, _inputs, groundTruth) => output === groundTruth },
      apiKey: API_KEY,
      project: "experiments",
      serverUrl: backend.url,
      metadata: { commit: "abc123" },
    });

    expect(evaluation.summary.exact).toMatchObject({ count: 2, passRate: 1 });
    expectAuthenticated(backend.requests);
    const routes = backend.requests.map(routeOf);
    // The dataset is read and the run created before anything else; the run is completed last.
    expect(routes.slice(0, 2)).toEqual(["GET /datapoints", "POST /runs"]);
    expect(routes.at(-1)).toBe("PUT /runs/{id}");
    expect(backend.requestsTo("GET", "/datapoints")[0].query).toEqual({ dataset_id: "dataset-7" });
    expect(backend.requestsTo("POST", "/runs")[0].body).toEqual({
      project: "experiments",
      name: "dataset-run",
      dataset_id: "dataset-7",
      event_ids: [],
      status: "running",
      metadata: { commit: "abc123" },
    });

    const sessionIds = evaluation.results.map((result) => result.sessionId);
    expect(evaluation.results.map((result) => result.datapointId)).toEqual(["dp-1", "dp-2"]);
    expect(backend.startedSessions()).toEqual(
      ["dp-1", "dp-2"].map((datapointId, index) =>
        expect.objectContaining({
          project: "experiments",
          session_id: sessionIds[index],
          source: "evaluation",
          metadata: expect.objectContaining({ run_id: evaluation.runId, datapoint_id: datapointId, dataset_id: "dataset-7" }),
        }),
      ),
    );
    expect(backend.spans().map((span) => span.attributes["honeyhive.session_id"]).sort()).toEqual([...sessionIds].sort());
    expect(backend.requestsTo("PUT", `/runs/${evaluation.runId}`)[0].body).toEqual({ event_ids: sessionIds, status: "completed" });
  });

  it("rejects with a clear error when the dataset cannot be fetched", async () => {
    await expect(
      evaluate({ datasetId: "no-such-dataset", function: () => 1, apiKey: API_KEY, serverUrl: backend.url }),
    ).rejects.toThrow(/could not fetch dataset no-such-dataset.*HTTP 404/);
    expect(backend.requestsTo("POST", "/runs")).toEqual([]);
  });
});
