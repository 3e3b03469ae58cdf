// `migrate` (dry: each folder migrated in a temporary copy) on other packages' APIs that carry our names
// (fixtures/lookalike-names; see rules/lookalike-names.test.ts for what the folders hold). Every folder is
// migrated as its own project with both sets: the 2.x set (`migrate`) and `--from 1`.
//
// q01–q10 (122 source files, one case each, none using HoneyHive): every file left byte for byte, no marker.
// m01–m58 (HoneyHive next to a look-alike in one file): exactly the hunks listed (zero-context unified diff,
// `@@ -old +new @@` then the removed and added lines), so the look-alike's lines are provably untouched.
// The round's defects (another SDK's flush taken for HoneyHive's, two providers, 1.x markers on the project's own
// modules: q06, m49, m53) were fixed by fix-lookalike-names and are asserted below; a new defect goes into a KNOWN
// block again (today's output asserted, with what it should be and why).
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { shapeNames } from "../rules/test-utils/shape-projects.js";
import { unifiedDiff } from "./cli/diff.js";
import { removeProjects, treeOf } from "./cli/test-utils/project.js";
import { expectCleanRun, migratedShapes, sourcesOf, type MigratedShape, type SetName } from "./cli/test-utils/shapes.js";

const SHAPES_DIR = join(FIXTURES_DIR, "lookalike-names");
const SHAPES = shapeNames(SHAPES_DIR);
const QUIET = SHAPES.filter((name) => name.startsWith("q"));
const MIXED = SHAPES.filter((name) => name.startsWith("m"));
const SETS: readonly SetName[] = ["2x", "from1"];

const { load, byName } = migratedShapes(SHAPES_DIR, SHAPES);

beforeAll(load, 300_000);
afterAll(removeProjects);

/** The changed files of a run → their zero-context hunks (`@@ … @@`, `-old`, `+new` lines). */
function hunksOf({ input, output }: MigratedShape): Record<string, string[]> {
  return Object.fromEntries(
    Object.keys(input)
      .filter((path) => output[path] !== input[path])
      .map((path) => [path, unifiedDiff(path, input[path]!, output[path]!, 0).split("\n").slice(2).filter((line) => line !== "")]),
  );
}

/** The source files of a quiet folder, outside installed packages: each one case. */
const casesOf = (name: string): string[] => Object.keys(sourcesOf(treeOf(join(SHAPES_DIR, name)))).filter((path) => !path.includes("node_modules/"));

type Hunks = Readonly<Record<string, readonly string[]>>;
/** The hunk `--from 1` makes of a 1.x script's `const <name> = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });` on `line`. */
const awaitedInitHunk = (line: number, name = "tracer"): string[] => [
  `@@ -${line} +${line} @@`,
  `-const ${name} = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });`,
  `+const ${name} = HoneyHiveTracer.init({ apiKey: "k", project: "p" });`,
];
type Change = { readonly both: Hunks } | { readonly "2x": Hunks; readonly from1: Hunks };
const changeOf = (change: Change, set: SetName): Hunks => ("both" in change ? change.both : change[set]);


describe("look-alike names: every case left byte for byte by both sets", () => {
  it("migrates every folder with both sets without a failure, to parsable, idempotent output", () => {
    for (const name of SHAPES) for (const set of SETS) expectCleanRun(`${name} ${set}`, byName(name, set));
  });
  for (const name of QUIET) {
    describe(name, () => {
      for (const path of casesOf(name)) {
        it(path, () => {
          for (const set of SETS) {
            const { input, output, report } = byName(name, set);
            expect(output[path], `${set}`).toBe(input[path]);
            expect(report.files.filter((file) => file.path === path && (file.status === "changed" || file.status === "failed" || file.markers > 0)), set).toEqual([]);
          }
        });
      }
    });
  }
  it("nothing but the cases changes in the quiet folders (data files, installed packages, READMEs)", () => {
    for (const name of QUIET) {
      for (const set of SETS) {
        expect(Object.keys(hunksOf(byName(name, set))), `${name} ${set}`).toEqual([]);
      }
    }
  });
});

/**
 * Mixed folder → what each set changes (`both` when the sets agree). Only HoneyHive's lines appear; the
 * look-alike's calls (Sentry.startSession, ddTracer.trace, mathjs/promptfoo evaluate, Stripe's session_id,
 * the Honeycomb registration, langfuse.trace, Metrics#enrichSpan, getIronSession, getSession, mongoose's
 * startSession, pino's flush, dd.wrap, Presence#sessionStart, the snippet string, page.evaluate, the
 * ./hive module, Bedrock's CreateSessionCommand) stay as they were. The 1.x files (m14–m16) are left by
 * the 2.x set and moved by `--from 1`.
 */
const EXPECTED: Readonly<Record<string, Change>> = {
  "m01-sentry-session-and-session-start": {
    both: {
      "src/server.ts": [
        "@@ -13 +13 @@",
        "-  tracer.sessionStart({ sessionName: \"ask\" });",
        "+  tracer.createSession({ sessionName: \"ask\" });",
      ],
    },
  },
  "m02-dd-trace-and-unflushed-tracer": {
    both: {
      "src/handler.ts": [
        "@@ -8,2 +8,6 @@",
        "-  tracer.createSession({ sessionName: \"lookup\" });",
        "-  return ddTracer.trace(\"lookup\", () => find(event.id));",
        "+  try {",
        "+    tracer.createSession({ sessionName: \"lookup\" });",
        "+    return await ddTracer.trace(\"lookup\", () => find(event.id));",
        "+  } finally {",
        "+    await tracer.forceFlush();",
        "+  }",
      ],
    },
  },
  "m04-dd-init-and-tracer-init-in-route": {
    both: {
      "src/server.ts": [
        "@@ -7,0 +8,6 @@",
        "+let tracer: HoneyHiveTracer | undefined;",
        "+",
        "+function getTracer() {",
        "+  return (tracer ??= HoneyHiveTracer.init({ project: \"reports\" }));",
        "+}",
        "+",
        "@@ -10 +16 @@",
        "-  const tracer = HoneyHiveTracer.init({ project: \"reports\" });",
        "+  const tracer = getTracer();",
      ],
    },
  },
  "m05-mathjs-and-honeyhive-evaluate": {
    both: {
      "evals/calc.ts": [
        "@@ -4 +4 @@",
        "-import { HoneyHiveTracer } from \"honeyhive\";",
        "+import { trace } from \"honeyhive\";",
        "@@ -6,2 +6 @@",
        "-const tracer = HoneyHiveTracer.init({ project: \"calc-evals\" });",
        "-const solve = tracer.trace({ eventName: \"solve\" }, async (datapoint: { inputs: { expr: string } }) => calc(datapoint.inputs.expr));",
        "+const solve = trace({ eventName: \"solve\" }, async (datapoint: { inputs: { expr: string } }) => calc(datapoint.inputs.expr));",
      ],
    },
  },
  "m06-promptfoo-and-honeyhive-evaluate": {
    both: {
      "evals/compare.ts": [
        "@@ -4 +4 @@",
        "-import { HoneyHiveTracer, trace } from \"honeyhive\";",
        "+import { trace } from \"honeyhive\";",
        "@@ -6,2 +6 @@",
        "-const tracer = HoneyHiveTracer.init({ project: \"compare\" });",
        "-const shorten = trace({ tracer, eventType: \"chain\" }, async (datapoint: { inputs: { text: string } }) => datapoint.inputs.text.slice(0, 10));",
        "+const shorten = trace({ eventType: \"chain\" }, async (datapoint: { inputs: { text: string } }) => datapoint.inputs.text.slice(0, 10));",
      ],
    },
  },
  "m07-stripe-session-id-and-raw-header": {
    both: {
      "src/server.ts": [
        "@@ -10,0 +11 @@",
        "+  /* honeyhive-migrate: this session id comes from client input unchecked and createSession() throws for a non-UUID: convert it with toSessionId() or check it with isSessionId() */",
      ],
    },
  },
  "m08-honeycomb-instrumentation-and-missing-provider": {
    both: {
      "src/telemetry.ts": [
        "@@ -12 +12 @@",
        "-registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()] });",
        "+registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()], tracerProvider: tracer.provider });",
      ],
    },
  },
  "m09-langfuse-trace-and-free-trace": {
    both: {
      "src/pipeline.ts": [
        "@@ -9 +9 @@",
        "-export const clean = hhTrace({ eventName: \"clean\" }, async (text: string) => text.trim());",
        "+export const clean = hhTrace({ eventName: \"clean\", tracer }, async (text: string) => text.trim());",
      ],
    },
  },
  "m10-user-enrich-span-and-free-enrich-span": {
    both: {
      "src/scoring.ts": [
        "@@ -2 +2 @@",
        "-import { HoneyHiveTracer, enrichSpan } from \"honeyhive\";",
        "+import { HoneyHiveTracer } from \"honeyhive\";",
        "@@ -14 +14 @@",
        "-  enrichSpan({ metrics: { length: text.length } });",
        "+  tracer.enrichSpan({ metrics: { length: text.length } });",
      ],
    },
  },
  "m11-iron-session-and-session-start": {
    both: {
      "app/api/chat/route.ts": [
        "@@ -11 +11 @@",
        "-  tracer.sessionStart({ sessionName: \"chat\" });",
        "+  tracer.createSession({ sessionName: \"chat\" });",
      ],
    },
  },
  "m12-next-auth-and-init-per-request": {
    both: {
      "pages/api/summary.ts": [
        "@@ -5,0 +6,6 @@",
        "+let tracer: HoneyHiveTracer | undefined;",
        "+",
        "+function getTracer() {",
        "+  return (tracer ??= HoneyHiveTracer.init({ project: \"summaries\" }));",
        "+}",
        "+",
        "@@ -8 +14 @@",
        "-  const tracer = HoneyHiveTracer.init({ project: \"summaries\" });",
        "+  const tracer = getTracer();",
      ],
    },
  },
  "m13-mongoose-session-and-session-start": {
    both: {
      "src/server.ts": [
        "@@ -10 +10 @@",
        "-  tracer.sessionStart({ sessionName: \"transfer\" });",
        "+  tracer.createSession({ sessionName: \"transfer\" });",
      ],
    },
  },
  "m14-pino-flush-and-1x-flush": {
    "2x": {},
    from1: {
      "scripts/backfill.ts": [
        "@@ -6 +6 @@",
        "-const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: \"backfill\" });",
        "+const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: \"backfill\" });",
        "@@ -8 +8 @@",
        "-await tracer.flush();",
        "+await tracer.forceFlush();",
      ],
    },
  },
  "m15-dd-wrap-and-1x-trace-function": {
    "2x": {},
    from1: {
      "src/jobs.ts": [
        "@@ -5 +5 @@",
        "-const tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: \"jobs\" });",
        "+const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: \"jobs\" });",
        "@@ -7 +7 @@",
        "-export const count = tracer.traceFunction({ eventName: \"count\" })((rows: string[]) => rows.length);",
        "+export const count = tracer.trace({ eventName: \"count\" }, (rows: string[]) => rows.length);",
      ],
    },
  },
  "m16-promptfoo-and-1x-evaluate": {
    "2x": {},
    from1: {
      "evals/run.ts": [
        "@@ -3 +3 @@",
        "-import { evaluate } from \"honeyhive\";",
        "+import { evaluate } from \"honeyhive/experiments\";",
        "@@ -7,3 +7,3 @@",
        "-  function: async (inputs: { q: string }) => inputs.q.toUpperCase(),",
        "-  hh_api_key: process.env.HH_API_KEY,",
        "-  hh_project: \"suite\",",
        "+  function: async ({ inputs }: { inputs: { q: string } }) => inputs.q.toUpperCase(),",
        "+  apiKey: process.env.HH_API_KEY,",
        "+  project: \"suite\",",
        "@@ -11 +11 @@",
        "-  dataset_id: \"ds-1\",",
        "+  datasetId: \"ds-1\",",
      ],
    },
  },
  "m17-user-session-start-and-sdk-session-start": {
    both: {
      "src/server.ts": [
        "@@ -16 +16 @@",
        "-  tracer.sessionStart({ sessionName: \"hello\" });",
        "+  tracer.createSession({ sessionName: \"hello\" });",
      ],
    },
  },
  "m18-snippet-string-and-init-in-handler": {
    both: {
      "src/handler.ts": [
        "@@ -4,0 +5,6 @@",
        "+let tracer: HoneyHiveTracer | undefined;",
        "+",
        "+function getTracer() {",
        "+  return (tracer ??= HoneyHiveTracer.init({ project: \"docs\" }));",
        "+}",
        "+",
        "@@ -6 +12 @@",
        "-  const tracer = HoneyHiveTracer.init({ project: \"docs\" });",
        "+  const tracer = getTracer();",
      ],
    },
  },
  "m20-puppeteer-evaluate-and-init-per-request": {
    both: {
      "src/server.ts": [
        "@@ -6,0 +7,6 @@",
        "+let tracer: HoneyHiveTracer | undefined;",
        "+",
        "+function getTracer() {",
        "+  return (tracer ??= HoneyHiveTracer.init({ project: \"scraper\" }));",
        "+}",
        "+",
        "@@ -8 +14 @@",
        "-  const tracer = HoneyHiveTracer.init({ project: \"scraper\" });",
        "+  const tracer = getTracer();",
      ],
    },
  },
  "m21-local-hive-module-and-real-tracer": {
    both: {
      "src/server.ts": [
        "@@ -9 +9 @@",
        "-  tracer.sessionStart({ sessionName: \"visit\" });",
        "+  tracer.createSession({ sessionName: \"visit\" });",
      ],
    },
  },
  "m22-bedrock-create-session-and-unflushed-create-session": {
    both: {
      "src/handler.ts": [
        "@@ -8,3 +8,7 @@",
        "-  const created = await bedrock.send(new CreateSessionCommand({}));",
        "-  tracer.createSession({ sessionName: \"agent\", metadata: { bedrock: created.sessionId ?? \"\" } });",
        "-  return { statusCode: 201 };",
        "+  try {",
        "+    const created = await bedrock.send(new CreateSessionCommand({}));",
        "+    tracer.createSession({ sessionName: \"agent\", metadata: { bedrock: created.sessionId ?? \"\" } });",
        "+    return { statusCode: 201 };",
        "+  } finally {",
        "+    await tracer.forceFlush();",
        "+  }",
      ],
    },
  },
  // Another SDK's or pipeline's flush is not HoneyHive's (D1): the handler's body goes into try/finally with the tracer's
  // flush, the other SDK's flush kept where it is (m03's own finally gets the flush added).
  "m03-langfuse-flushed-honeyhive-not": {
    both: { "src/handler.ts": ["@@ -13,0 +14 @@", "+    await tracer.forceFlush();"] },
  },
  "m23-braintrust-flushed-honeyhive-not": {
    both: {
      "src/handler.ts": [
        "@@ -8,4 +8,8 @@",
        "-  logger.log({ input: event.ticket });",
        "-  tracer.createSession({ sessionName: \"triage\" });",
        "-  await logger.flush();",
        "-  return { statusCode: 200 };",
        "+  try {",
        "+    logger.log({ input: event.ticket });",
        "+    tracer.createSession({ sessionName: \"triage\" });",
        "+    await logger.flush();",
        "+    return { statusCode: 200 };",
        "+  } finally {",
        "+    await tracer.forceFlush();",
        "+  }",
      ],
    },
  },
  "m24-langfuse-processor-flushed-honeyhive-not": {
    both: {
      "src/handler.ts": [
        "@@ -8,3 +8,7 @@",
        "-  tracer.createSession({ sessionName: \"note\", metadata: { size: String(event.note.length) } });",
        "-  await langfuseSpanProcessor.forceFlush();",
        "-  return { statusCode: 200 };",
        "+  try {",
        "+    tracer.createSession({ sessionName: \"note\", metadata: { size: String(event.note.length) } });",
        "+    await langfuseSpanProcessor.forceFlush();",
        "+    return { statusCode: 200 };",
        "+  } finally {",
        "+    await tracer.forceFlush();",
        "+  }",
      ],
    },
  },
  "m54-metrics-provider-flushed-honeyhive-not": {
    both: {
      "src/handler.ts": [
        "@@ -6,3 +6,7 @@",
        "-  tracer.createSession({ sessionName: \"h\" });",
        "-  await metrics.forceFlush();",
        "-  return { statusCode: 200 };",
        "+  try {",
        "+    tracer.createSession({ sessionName: \"h\" });",
        "+    await metrics.forceFlush();",
        "+    return { statusCode: 200 };",
        "+  } finally {",
        "+    await tracer.forceFlush();",
        "+  }",
      ],
    },
  },
  // Two providers (D2): the one exporting to HoneyHive is flushed; the Honeycomb provider's flush stays.
  "m19-honeycomb-provider-and-honeyhive-provider": {
    both: {
      "src/handler.ts": [
        "@@ -10,4 +10,8 @@",
        "-  honeycomb.getTracer(\"a\").startSpan(\"a\").end();",
        "-  honeyhive.getTracer(\"b\").startSpan(\"b\").end();",
        "-  await honeycomb.forceFlush();",
        "-  return { statusCode: 200 };",
        "+  try {",
        "+    honeycomb.getTracer(\"a\").startSpan(\"a\").end();",
        "+    honeyhive.getTracer(\"b\").startSpan(\"b\").end();",
        "+    await honeycomb.forceFlush();",
        "+    return { statusCode: 200 };",
        "+  } finally {",
        "+    await honeyhive.forceFlush();",
        "+  }",
      ],
    },
  },
  // m25–m32, m35–m48, m51, m52, m55–m58: HoneyHive used correctly next to a look-alike: nothing to change.
  "m25-sentry-mongoose-express-session-beside-create-session": { both: {} },
  "m26-dd-tracer-named-tracer-beside-hh": { both: {} },
  "m27-user-tracer-class-beside-hh": { both: {} },
  "m28-mathjs-evaluate-in-traced-function": { both: {} },
  "m29-page-evaluate-in-traced-function": { both: {} },
  "m30-braintrust-eval-task-traced": { both: {} },
  "m31-repo-create-session-beside-hh": { both: {} },
  "m32-bedrock-session-flushed-lambda": { both: {} },
  "m35-local-get-session-beside-create-session": { both: {} },
  "m36-dd-wrap-trace-beside-hh-trace": { both: {} },
  "m37-langfuse-session-header-beside-create-session": { both: {} },
  "m38-own-provider-instrumentation-beside-hh": { both: {} },
  "m39-dd-wrap-evaluated-by-honeyhive": { both: {} },
  "m40-otel-tracer-in-evaluated-function": { both: {} },
  "m41-langfuse-client-named-tracer-in-evaluate": { both: {} },
  "m42-langfuse-and-sentry-init-per-request": { both: {} },
  "m43-phoenix-set-tracer-provider-beside-hh": { both: {} },
  "m44-langsmith-traceable-as-trace": { both: {} },
  "m45-other-package-enrich-functions": { both: {} },
  "m46-honeyhive-utils-evaluate-beside-hh": { both: {} },
  "m47-local-trace-helper-beside-hh": { both: {} },
  "m48-local-evaluate-harness-beside-hh": { both: {} },
  "m51-local-session-tracker-named-tracer": { both: {} },
  "m52-dd-tracer-module-beside-to-session-id": { both: {} },
  "m55-fastify-hook-lucia-session-after-await": { both: {} },
  "m56-express-middleware-repo-session-deferred": { both: {} },
  "m57-fastify-hook-sentry-session-after-await": { both: {} },
  "m58-fastify-hook-upstream-create-session-after-await": { both: {} },
  // The project's own modules that load nothing of HoneyHive (fix-lookalike-names D3): a Telemetry class's traceTool()/
  // traceModel() (m49) and a Tracer class's awaited init(), traceFunction() and flush() (m53) stay unmarked; the 1.x tracer's lines move.
  "m49-1x-local-telemetry-class-wrappers": {
    "2x": {},
    from1: {
      "src/job.ts": [...awaitedInitHunk(4), "@@ -8 +8 @@", "-export const f = tracer.traceFunction()((x: number) => x);", "+export const f = tracer.trace({}, (x: number) => x);"],
    },
  },
  "m53-1x-local-tracer-class-init-and-flush": {
    "2x": {},
    from1: { "src/job.ts": [...awaitedInitHunk(4, "hh"), "@@ -8 +8 @@", "-await hh.flush();", "+await hh.forceFlush();"] },
  },
  // The pino logger module's flush() stays; the 1.x tracer's init and flush move.
  "m50-1x-local-logger-flush": {
    "2x": {},
    from1: {
      "src/job.ts": [
        ...awaitedInitHunk(4),
        "@@ -7 +7 @@",
        "-await tracer.flush();",
        "+await tracer.forceFlush();",
      ],
    },
  },
  // 1.x scripts: the local store's startSession()/flush() and Redis's flushAll() stay; the 1.x tracer's calls move.
  "m33-1x-local-store-session-and-flush": {
    "2x": {},
    from1: {
      "src/job.ts": [
        ...awaitedInitHunk(4),
        "@@ -7,2 +7,2 @@",
        "-const s = await tracer.startSession();",
        "-await tracer.flush();",
        "+const s = tracer.sessionId;",
        "+await tracer.forceFlush();",
      ],
    },
  },
  "m34-1x-redis-flush-all": {
    "2x": {},
    from1: {
      "src/job.ts": [
        ...awaitedInitHunk(5),
        "@@ -7 +7 @@",
        '-const traced = tracer.traceFunction()(async () => redis.get("k"));',
        '+const traced = tracer.trace({}, async () => redis.get("k"));',
        "@@ -9 +9 @@",
        "-await tracer.flush();",
        "+await tracer.forceFlush();",
      ],
    },
  },
};

describe("HoneyHive next to a look-alike: only HoneyHive's lines change", () => {
  for (const name of MIXED) {
    it(name, () => {
      expect(EXPECTED[name], `${name} needs an entry`).toBeDefined();
      for (const set of SETS) expect(hunksOf(byName(name, set)), `${name} ${set}`).toEqual(changeOf(EXPECTED[name]!, set));
    });
  }
  it("every entry names a folder", () => {
    for (const name of Object.keys(EXPECTED)) expect(MIXED).toContain(name);
  });
});

