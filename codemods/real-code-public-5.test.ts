// `migrate` on a fifth set of shapes of public TypeScript/JavaScript code (fixtures/real-code-public-5,
// one folder per shape, each README naming the kind of project it stands for), found with the code search
// tools away from the vendor's own SDK tests and written again in reduced form (nothing copied; names,
// steps and layout changed). Four use HoneyHive: an offline evaluation script sending an agent's
// OpenTelemetry spans to HoneyHive and looping over a dataset with `@honeyhive/api-client` (one session
// per datapoint); an Express chat API logging through `@honeyhive/logger` with the session id from the
// request body; a 1.x check script reading `tracer.sessionId` and enriching the session with
// `userProperties`; the 1.x RAG tutorial with a typed top-level `await HoneyHiveTracer.init`, curried
// `traceFunction({ metadata: { ...a, ...b } })(fn)` and `await tracer.trace(() => main())`; the early REST-client
// snippet logging an evaluation run in a loop (`runs.createRun`, `events.createEventBatch`). Three export
// OpenTelemetry to HoneyHive without the package: a Convex Node action building a `NodeSDK` per call, and
// the Vercel AI SDK terminal chat with `experimental_telemetry`, and a Cloudflare Worker wrapped by
// `@microlabs/otel-cf-workers`' `instrument(handler, config)`. Four are look-alikes with no HoneyHive at
// all: the same Convex action exporting to PostHog, Firebase Cloud Functions in CommonJS with OpenTelemetry
// to Cloud Trace preloaded by NODE_OPTIONS and `getTracer()` per call, a Mastra observability container
// with an agent per request, an Express server with a home-made `tracer` (`trace`, `enrichSpan`,
// `flush`, a session id from a header), and a Next.js route whose other vendor's settings are named `HH_API_KEY`.
// Public files read (find_string / read_file ids): 71301126471, 71190091657, 71311413323, 71072738724,
// 71280709971, 55696519567, 33414739612, 49429255811, 49243315864, 49588939577, 51933080719, 285957699,
// 612545295, 24027949, 61427738089, 38106968694, 49304588124, 51888012566; the otel-cf-workers shape from the code search's
// excerpts of its README and of Workers using it (no id given).
//
// Every shape is migrated twice on its own, as its project would be: with the 2.x set (`migrate`) and with
// `--from 1`. Asserted: no failure, parsable output, a second run changes nothing; the `--from 1` output of
// every file equal to the one written by hand in fixtures/real-code-public-5-expected, or to its input where that
// folder has no copy of it (a file migrate leaves alone; shapes.ts `expectedFrom1`) (read as a reviewer:
// compiles against this SDK wherever no marker stands, keeps behaviour, marks what a person decides) but
// the KNOWN defects, which assert today's text and say why it is wrong; no 1.x-only name left unmarked;
// the 2.x set leaves the 1.x shapes and every look-alike alone; one `tsc --strict` program over the actual
// and the expected `--from 1` outputs of the shapes migrate changes.
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, changedFiles, describeExpectedShapes, from1Trees, lintWhereUnmarked, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, shape, changes, out, consumer } = migratedShapeSuite("real-code-public-5", {
  moduleType: "module",
  linkedDependencies: ["@types", "@opentelemetry"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/**
 * `<shape>/<path>` → a `--from 1` output that differs from the expected one today. A fix turns its
 * check red: drop the entry then (the expected file already holds the right output).
 */
// 05's convex/summarize.ts was one until this branch's Convex descriptors (analysis/knowledge/frameworks/convex.ts):
// a Convex function was no handler any descriptor knew, so the NodeSDK built on every call went unmarked.
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
const KNOWN_UNMARKED: readonly string[] = [];

/** What the unmarked-1.x-name check finds that is no unmarked 1.x name. */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  // OpenTelemetry's `trace.getTracer(…)`, not the 1.x tracer method.
  "01-otel-experiment-loop-api-client": ["src/run-eval.ts:8 .getTracer("],
  "08-firebase-oncall-cjs-cloud-trace-preload": ["functions/index.js:22 .getTracer("],
  "11-cf-worker-otel-cf-workers-honeyhive": ["src/index.ts:9 .getTracer("],
  // The home-made tracer object's own `flush()`.
  "10-express-own-trace-context-session-header": ["src/app.js:20 .flush("],
};

/** The shapes with no HoneyHive import at all, and the two that import another HoneyHive package. */
const LOOKALIKES = ["07", "08", "09", "10", "13"];
const UNTOUCHED = ["01", "02", "06", "11", ...LOOKALIKES];

/**
 * Shapes written for 1.x (their package.json says `honeyhive` ^0.x/^1.x) that the 2.x set (`migrate`
 * without `--from 1`) leaves alone, which is right; the report then names the files that use 1.x APIs and
 * the command to run (analysis/uses-1x.ts, report.ts `uses1x`; was a KNOWN defect, fixed by fix-blind12).
 */
const ON_1X = ["03", "04", "12"];

describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X, minShapes: 13 }, byName);

describe("what each shape's migration does", () => {
  it("01, 02, 06, 11 and the look-alikes: nothing changes with either set (other HoneyHive packages, OpenTelemetry alone, other backends, names of their own)", () => {
    for (const prefix of UNTOUCHED) for (const set of ["2x", "from1"] as const) expect(changes(prefix, set), `${prefix} ${set}`).toEqual({});
    // `@honeyhive/api-client` and `@honeyhive/logger` are not the 1.x package: no marker on their imports.
    expect(out("01", "src/run-eval.ts")).toContain(`import { Client } from "@honeyhive/api-client";`);
    expect(out("02", "server/index.ts")).not.toContain("honeyhive-migrate");
    // A home-made `tracer.trace(name, fn)` / `tracer.flush()` is not 1.x's.
    expect(out("10", "src/app.js")).toContain(`await tracer.trace("retrieve", async () =>`);
  });

  it("03 1.x check script: sync init, the REST client's and the deep models path's imports marked, userProperties marked; tracer.sessionId kept", () => {
    expect(changes("03")).toEqual({ "test/user-properties.ts": 3 });
    const text = out("03", "test/user-properties.ts");
    expect(text).toContain("  const tracer = HoneyHiveTracer.init({\n");
    expect(text).toMatch(/no counterpart in this SDK for 1\.x HoneyHive .*\*\/\nimport \{ HoneyHiveTracer, HoneyHive \} from "honeyhive";/);
    expect(text).toMatch(/honeyhive\/models\/components\/index\.js is a path into the 1\.x package.*\nimport \{ Operator, Event \} from/);
    expect(text).toMatch(/enrichSession\(\) has no field userProperties here.*\n\s+userProperties: user,/);
    expect(text).toContain("const sessionId = tracer.sessionId;");
    expect(changes("03", "2x")).toEqual({});
  });

  it("04 1.x tutorial: the typed init loses its await, each curried traceFunction becomes tracer.trace(options, fn), the closing trace(() => main()) runs main directly", () => {
    expect(changes("04")).toEqual({ "rag.ts": 0 });
    const text = out("04", "rag.ts");
    expect(text).toContain("const tracer: HoneyHiveTracer = HoneyHiveTracer.init({");
    expect(text).toContain("const compose = tracer.trace(\n  { metadata: { ...modelSettings, ...revision } },\n  async function compose(");
    expect(text).toContain("const answerQuestion = tracer.trace(\n  {},\n  async function answerQuestion(");
    expect(text.trimEnd().endsWith("await main();")).toBe(true);
    expect(changes("04", "2x")).toEqual({});
  });

  it("12 1.x REST client logging a run in a loop: the client's import and the deep models path marked, the calls left as they are", () => {
    expect(changes("12")).toEqual({ "log-run.ts": 2 });
    const text = out("12", "log-run.ts");
    expect(text).toMatch(/no counterpart in this SDK for 1\.x HoneyHive .*\*\/\nimport \{ HoneyHive \} from "honeyhive";/);
    expect(text).toMatch(/honeyhive\/models\/components is a path into the 1\.x package.*\nimport \{ CreateEventRequestEventType \}/);
    expect(text).toContain("await api.events.createEventBatch({");
  });

  it("the 2.x set on the 1.x shapes changes nothing and names the files to run --from 1 on; the other shapes get no such hint", () => {
    for (const prefix of ON_1X) {
      const run = shape(prefix, "2x");
      expect(changedFiles(run), prefix).toEqual({});
      expect(run.report.uses1x, prefix).toEqual({ files: Object.keys(changes(prefix)), count: Object.keys(changes(prefix)).length, command: "honeyhive migrate --from 1" });
      // --from 1 migrates them: no hint then.
      expect(shape(prefix, "from1").report.uses1x, prefix).toBeUndefined();
    }
    for (const prefix of UNTOUCHED) expect(shape(prefix, "2x").report.uses1x, prefix).toBeUndefined();
    // 05 imports this SDK's names only.
    expect(shape("05", "2x").report.uses1x).toBeUndefined();
  });

  it("05 a Convex action building a NodeSDK to HoneyHive per call: a marker asks to build the pipeline once; the PostHog twin (07) stays as it is", () => {
    for (const set of ["2x", "from1"] as const) expect(changes("05", set), set).toEqual({ "convex/summarize.ts": 1 });
    expect(out("05", "convex/summarize.ts")).toMatch(/handler: async \(_ctx, args\) => \{\n\s+\/\* honeyhive-migrate: build this OpenTelemetry pipeline \(new NodeSDK\(\)\.start\(\)\) once at startup.*\n\s+const sdk = new NodeSDK\(\{/);
  });
});

describe("the --from 1 outputs type-check and lint against this SDK", () => {
  // The shapes migrate changes (05 gets a marker on its pipeline); their other packages, reduced to what they use.
  const CHECKED = SHAPES.filter((name) => ["03", "04", "05", "12"].includes(name.slice(0, 2)));
  const SHIMS = [
    `declare module "openai" { export class OpenAI { constructor(options?: unknown); embeddings: { create(body: unknown): Promise<{ data: { embedding: number[] }[] }> }; chat: { completions: { create(body: unknown): Promise<{ choices: { message: { content: string | null } }[] }> } } } }`,
    `declare module "dotenv" { export function config(): void; }`,
    `declare module "convex/values" { export const v: { string(): unknown; optional(inner: unknown): unknown }; }`,
    `declare module "convex/server" { export type ActionBuilder<A, B> = (definition: { args: unknown; handler: (ctx: unknown, args: any) => Promise<unknown> }) => unknown; export const actionGeneric: ActionBuilder<any, "public">; }`,
    `declare module "ai" { export function generateText(options: unknown): Promise<{ text: string }>; }`,
    `declare module "@ai-sdk/openai" { export function openai(model: string): unknown; }`,
    `declare module "@opentelemetry/sdk-node" { export class NodeSDK { constructor(options?: unknown); start(): void; shutdown(): Promise<void>; } }`,
  ];
  /** Type errors no marker covers (`<actual|expected>/<shape>/<path>:<line> <code>`), each a KNOWN defect. */
  const KNOWN_TYPE_ERRORS: readonly string[] = [];

  it("compiles wherever no marker stands", async () => {
    const compilerOptions = strictConsumerOptions({ lib: ["es2023", "dom"], esModuleInterop: true, allowJs: false });
    const outputs = actualAndExpectedFrom1(CHECKED, EXPECTED_DIR, byName);
    expect(await unmarkedTypeErrors(consumer().directory, outputs, SHIMS, compilerOptions)).toEqual(KNOWN_TYPE_ERRORS);
  }, 180_000);

  it("lints clean wherever no marker stands", async () => {
    const { unmarked } = await lintWhereUnmarked(consumer().directory, from1Trees(SHAPES, byName), "**/*.{ts,js}");
    expect(unmarked).toEqual([]);
  }, 120_000);
});
