import { describe, expect, it } from "vitest";
import { OPTION_NAMES } from "./honeyhive.js";
import {
  API_1X,
  ASYNC_STATICS_1X,
  FLUSH_MEMBERS_1X,
  FLUSH_STATICS_1X,
  IMPLICIT_TRACER_EXPORTS_1X,
  LAST_1X_WITH_CODE,
  OPTIONS_1X,
  REQUEST_SCOPED_REST_CALLS,
  SESSION_STARTING_MEMBERS_1X,
  honeyhive1xProfile,
} from "./honeyhive-1x.js";

// Written down from the honeyhive@1.0.42 tarball (index.d.ts and the sdk/, lib/ declarations it
// re-exports), so the table is checked against the published API rather than against itself.
const EXPORTS_1_0_42 = [
  "HoneyHiveTracer",
  "enrichSession",
  "enrichSpan",
  "traceModel",
  "traceTool",
  "traceChain",
  "traceFunction",
  "getGitInfo",
  "HoneyHiveLangChainTracer",
  "evaluate",
  "evaluator",
  "HoneyHive",
  "files",
  "ServerList",
  "serverURLFromOptions",
  "SDK_METADATA",
  // types
  "EnrichSpanParams",
  "EnrichSessionParams",
  "TraceFunctionOptions",
  "HoneyHiveTracerProperties",
  "TraceloopAssociationProperties",
  "TraceloopParams",
  "SessionStartParams",
  "GitInfo",
  "EvaluationConfig",
  "EvaluationResult",
  "SDKOptions",
];
// Public members of `HoneyHiveTracer` in sdk/tracer.d.ts of 1.0.42.
const STATICS_1_0_42 = ["init", "flush", "enrichSpan", "isEvaluation", "evalAssociationProps", "sdkInstance", "flushPromise", "verbose"];
const INSTANCE_1_0_42 = [
  ...["apiKey", "project", "sessionId", "serverUrl", "sessionName", "source", "inputs", "metadata"],
  ...["disableBatch", "isEvaluation", "runId", "datasetId", "datapointId", "verbose", "disableHttpTracing"],
  ...["startSession", "enrichSession", "getTracer", "traceFunction", "traceModel", "traceTool", "traceChain", "logModel", "trace", "enrichSpan", "flush"],
];

// The option keys of 1.0.42's calls, from the same declarations (checked by `npm run check:1x-types`'s
// tarball): HoneyHiveTracerProperties (init takes a Partial), TraceFunctionOptions, EnrichSpanParams,
// EnrichSessionParams, EvaluationConfig and the options parameter of evaluator() (sdk/evaluator.d.ts).
const OPTIONS_1_0_42: Readonly<Record<string, readonly string[]>> = {
  "HoneyHiveTracer.init": [
    ...["apiKey", "project", "sessionId", "serverUrl", "sessionName", "source", "inputs", "metadata", "instrumentModules"],
    ...["verbose", "isEvaluation", "disableBatch", "disableHttpTracing", "runId", "datasetId", "datapointId"],
  ],
  traceFunction: ["eventType", "config", "metadata", "eventName"],
  enrichSpan: ["config", "metadata", "metrics", "feedback", "inputs", "outputs", "error", "eventName"],
  enrichSession: ["sessionId", "metadata", "feedback", "metrics", "config", "inputs", "outputs", "userProperties"],
  evaluate: [
    ...["apiKey", "project", "name", "suite", "function", "evaluators", "dataset", "datasetId", "maxWorkers", "runConcurrently"],
    ...["serverUrl", "verbose", "disableHttpTracing", "metadata", "instrumentModules"],
  ],
  evaluator: ["name", "weight", "repeat", "asserts", "target", "transform", "aggregate", "checker"],
};

const namesWhere = (where: string) => API_1X.filter((entry) => entry.where === where).map((entry) => entry.name);

/** -1, 0, 1 for dotted numeric versions. */
function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let index = 0; index < Math.max(x.length, y.length); index++) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

describe("the honeyhive 1.x table", () => {
  it("lists every export and every public HoneyHiveTracer member of 1.0.42", () => {
    expect(EXPORTS_1_0_42.filter((name) => !namesWhere("export").includes(name))).toEqual([]);
    // And the other way round: an export the table lists that 1.0.42 lacks is one no published 1.x had.
    const neverExported = API_1X.filter((entry) => entry.where === "export" && entry.neverExported).map((entry) => entry.name);
    expect(namesWhere("export").filter((name) => !EXPORTS_1_0_42.includes(name))).toEqual(neverExported);
    expect(neverExported).toEqual(["WrapperTracer"]);
    expect(STATICS_1_0_42.filter((name) => !namesWhere("static").includes(name))).toEqual([]);
    expect(INSTANCE_1_0_42.filter((name) => !namesWhere("instance").includes(name))).toEqual([]);
  });

  it("lists every option of 1.0.42's calls, as still there in 1.0.42", () => {
    for (const [of, keys] of Object.entries(OPTIONS_1_0_42)) {
      const listed = OPTIONS_1X.filter((option) => option.of === of && option.versions.until === undefined).map((option) => option.key);
      expect(keys.filter((key) => !listed.includes(key)), of).toEqual([]);
    }
  });

  it("has no name twice (per static / instance / export) and no option twice per call", () => {
    const names = API_1X.map((entry) => `${entry.where}:${entry.name}`);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    const options = OPTIONS_1X.map((entry) => `${entry.of}:${entry.key}`);
    expect(options.filter((option, index) => options.indexOf(option) !== index)).toEqual([]);
  });

  it("gives every name and option a decision with a reason, and a target unless nothing replaces it", () => {
    for (const { display, migration } of [...API_1X, ...OPTIONS_1X.map((option) => ({ ...option, display: `${option.of}.${option.key}` }))]) {
      expect(migration.why.length, display).toBeGreaterThan(10);
      if (migration.decision === "rename" || migration.decision === "rewrite") expect(migration.to, display).toBeTruthy();
      if (migration.decision === "removed") expect(migration.to, display).toBeUndefined();
      // `implemented` once `honeyhive migrate --from 1` rewrites it (codemods/transforms/1x), else planned (issue 15).
      expect(["implemented", "planned"], display).toContain(migration.status);
    }
  });

  it("renames options only to names this SDK's option types have", () => {
    const targets: Record<string, ReadonlySet<string>> = {
      "HoneyHiveTracer.init": OPTION_NAMES.tracer,
      evaluate: OPTION_NAMES.evaluate,
      traceFunction: OPTION_NAMES.trace,
      enrichSpan: OPTION_NAMES.enrichSpan,
      enrichSession: OPTION_NAMES.enrichSession,
      "evaluate.dataset[]": new Set(["inputs", "groundTruth", "id"]),
    };
    for (const option of OPTIONS_1X.filter((entry) => entry.migration.decision === "rename")) {
      expect(targets[option.of], option.of).toBeDefined();
      expect(targets[option.of], `${option.of}.${option.key} → ${option.migration.to}`).toContain(option.migration.to);
    }
  });

  it("keeps version ranges within 1.x and ordered", () => {
    for (const { display, versions } of [...API_1X, ...OPTIONS_1X.map((option) => ({ ...option, display: `${option.of}.${option.key}` }))]) {
      expect(compareVersions(versions.since, "1.0.0"), display).toBeGreaterThanOrEqual(0);
      expect(compareVersions(versions.since, LAST_1X_WITH_CODE), display).toBeLessThanOrEqual(0);
      if (versions.until !== undefined) expect(compareVersions(versions.since, versions.until), display).toBe(-1);
    }
  });

  it("maps the snake_case evaluate() config of 1.0.12–1.0.32 to this SDK's names", () => {
    const renamed = Object.fromEntries(OPTIONS_1X.filter((entry) => entry.of === "evaluate").map((entry) => [entry.key, entry.migration.to]));
    expect(renamed).toMatchObject({ hh_api_key: "apiKey", hh_project: "project", dataset_id: "datasetId", server_url: "serverUrl", maxWorkers: "maxConcurrency" });
    expect(renamed.evaluationFunction).toMatch(/^function: /);
  });
});

describe("tables derived from the 1.x data", () => {
  it("flushes: tracer.flush() and the static HoneyHiveTracer.flush()", () => {
    expect(FLUSH_MEMBERS_1X).toEqual(new Set(["flush"]));
    expect(FLUSH_STATICS_1X).toEqual(new Set(["flush"]));
    expect(honeyhive1xProfile.flushCalls.map((flush) => [flush.receiver.kind, flush.method])).toEqual([
      ["tracer", "flush"],
      ["static", "flush"],
    ]);
  });

  it("session starts, implicit-tracer exports and async statics", () => {
    expect(SESSION_STARTING_MEMBERS_1X).toEqual(new Set(["startSession"]));
    expect(IMPLICIT_TRACER_EXPORTS_1X).toEqual(new Set(["traceFunction", "traceModel", "traceTool", "traceChain", "enrichSpan", "enrichSession"]));
    expect(ASYNC_STATICS_1X).toEqual(new Set(["init", "initFromSessionId", "flush"]));
  });

  it("tells 1.x code by names this SDK does not have", () => {
    const { onlyIn1x } = honeyhive1xProfile;
    expect(onlyIn1x.members).toContain("traceFunction");
    expect(onlyIn1x.members).toContain("startSession");
    expect(onlyIn1x.members).not.toContain("enrichSession"); // exists in both
    expect(onlyIn1x.exports).toContain("traceChain");
    expect(onlyIn1x.exports).not.toContain("HoneyHiveTracer");
    expect(onlyIn1x.statics).toContain("flush");
    expect(onlyIn1x.statics).not.toContain("init");
  });

  it("keeps REST session starts request-scoped, for both the 1.x client and @honeyhive/api-client", () => {
    const paths = REQUEST_SCOPED_REST_CALLS.map((call) => `${call.client.package}:${call.path.join(".")}`);
    expect(paths).toContain("honeyhive:session.startSession");
    expect(paths).toContain("@honeyhive/api-client:sessions.start");
    expect(paths).toContain("@honeyhive/api-client:sessions.create");
  });

  it("writes tracer.flush() in 1.x code, which has no forceFlush", () => {
    expect(honeyhive1xProfile.preferredFlush.text("tracer")).toBe("tracer.flush()");
  });
});
