// `migrate` on a fourth set of shapes of public TypeScript code that uses HoneyHive (fixtures/real-code-public-4,
// one folder per shape, each README naming the kind of project it stands for), found with the code search
// tools and written again in reduced form (nothing copied; names, steps and layout changed): a 0.x agent
// whose `SessionTracer` is built with positional arguments and handed to step helpers as a parameter
// (`startEvent`/`endEvent`), read back by a test through the REST client; a 1.x end-to-end runner that mixes
// `import` and `require()` in TypeScript, inits two tracers through a local factory in an async IIFE, and a
// Jest check importing the REST client's models from the early `honeyhive/dist/models/components` path; a
// Lambda exporting plain OpenTelemetry to HoneyHive's regional host through an exporter factory, a custom
// session-stamping span processor and a provider module imported for its side effect; a class holding 1.x
// `evaluator(fn, { repeat })` instances as fields, called directly.
// Public files read (find_string ids): 33324533890, 33621246380, 33331809184, 33141482082, 55828908080,
// 33232526219.
//
// Every shape is migrated twice on its own, as its project would be: with the 2.x set (`migrate`) and with
// `--from 1`. Asserted: no failure, parsable output, a second run changes nothing; the `--from 1` output of
// every file equal to the one written by hand in fixtures/real-code-public-4-expected, or to its input where that
// folder has no copy of it (a file migrate leaves alone; shapes.ts `expectedFrom1`) (read as a reviewer:
// compiles against this SDK wherever no marker stands, keeps behaviour, marks what a person decides) but
// the KNOWN defects, which assert today's text and say why it is wrong; no 1.x-only name left unmarked;
// one `tsc --strict` program over the actual and the expected `--from 1` outputs.
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, describeExpectedShapes, from1Trees, lintWhereUnmarked, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, changes, out, consumer } = migratedShapeSuite("real-code-public-4", {
  moduleType: "module",
  linkedDependencies: ["@types", "@opentelemetry"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/**
 * `<shape>/<path>` → a `--from 1` output that differs from the expected one today. A fix turns its
 * check red: drop the entry then (the expected file already holds the right output).
 */
// 01's 0.x names in a "honeyhive" import were one until fix-migrate-8 (1x-names marks any name the root does not export).
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
// 04's `evaluator` import was one until this branch's fix (below).
const KNOWN_UNMARKED: readonly string[] = [];

/** What the unmarked-1.x-name check finds that is no unmarked 1.x name. */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  // OpenTelemetry's `trace.getTracer(…)`, not the 1.x tracer method.
  "03-otel-exporter-factory-regional-lambda": ["src/handler.ts:5 .getTracer("],
};

describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X }, byName);

describe("what each shape's migration does", () => {
  it("01 0.x SessionTracer handed to step helpers: the 0.x names' import marker (not called 1.x), the hedged startSession() marker and the REST client's import marker; nothing rewritten as 1.x", () => {
    expect(changes("01")).toEqual({ "src/research.ts": 2, "test/research.test.ts": 1 });
    const research = out("01", "src/research.ts");
    expect(research).toMatch(/honeyhive-migrate: SessionTracer, ToolConfig, ModelConfig are not exported by honeyhive here, and not 1\.x names .*\*\/\nimport \{ SessionTracer, ToolConfig, ModelConfig \} from "honeyhive";/);
    expect(research).toMatch(/honeyhive-migrate: the codemod cannot tell which tracer this 1\.x startSession\(\) is called on.*\n\s+await tracer\.startSession\(\{ question \}\);/);
    expect(research).toContain(`tracer.startEvent("tool", "Web lookup", toolConfig, { query });`);
    expect(research).toContain(`const tracer = new SessionTracer(process.env.HH_API_KEY ?? "", `);
    expect(out("01", "test/research.test.ts")).toMatch(/no counterpart in this SDK for 1\.x HoneyHive .*\nimport \{ HoneyHive \} from "honeyhive";/);
    expect(changes("01", "2x")).toEqual({});
  });

  it("02 a local init factory called twice, each tracer's trace(body) in an async IIFE: sync init, the bodies run directly, the dist models path marked", () => {
    expect(changes("02")).toEqual({ "scripts/run-twice.ts": 0, "test/check.test.ts": 2 });
    const runner = out("02", "scripts/run-twice.ts");
    expect(runner).toContain("const tracer = HoneyHiveTracer.init({\n");
    expect(runner).toContain("async function initializeTracer(sessionName: string): Promise<HoneyHiveTracer> {");
    expect(runner.match(/await \(async \(\) => \{\n.*\n\s+\}\)\(\);/g)).toHaveLength(2);
    // The mixed module styles stay as written.
    expect(runner).toContain(`const { randomUUID } = require("crypto");\nimport { HoneyHiveTracer } from "honeyhive";`);
    expect(out("02", "test/check.test.ts")).toMatch(/honeyhive\/dist\/models\/components is a path into the 1\.x package.*\nimport \{ Operator \} from "honeyhive\/dist\/models\/components";/);
    expect(changes("02", "2x")).toEqual({});
  });

  it("03 OpenTelemetry through an exporter factory and a side-effect provider import: the handler imports the provider and flushes it in finally", () => {
    for (const set of ["2x", "from1"] as const) expect(changes("03", set)).toEqual({ "src/handler.ts": 0 });
    const handler = out("03", "src/handler.ts");
    // The bare import becomes the provider's (same module, evaluated once where it was), not a second import beside it.
    expect(handler).toContain(`import { provider } from "./otel/provider";`);
    expect(handler).not.toContain(`import "./otel/provider";`);
    expect(handler.match(/from "\.\/otel\/provider"/g)).toHaveLength(1);
    expect(handler).toMatch(/try \{\n(?:.*\n)+\s+return await tracer\.startActiveSpan\((?:.*\n)+\s+\} finally \{\n\s+await provider\.forceFlush\(\);/);
  });

  it("04 evaluator(fn, { repeat }) as class fields called directly: each field marked, and the import they keep; the uncalled evaluate moves", () => {
    // Fixed after the first run (codemods/transforms/1x/evaluate.ts rootImportsNamed, evaluatorImport):
    // the never-called `evaluate` stayed in the "honeyhive" import and the `evaluator` import the marked
    // calls keep had no marker (TS2305 twice at line 1).
    expect(changes("04")).toEqual({ "src/repeat-check.ts": 3 });
    const text = out("04", "src/repeat-check.ts");
    expect(text).toMatch(/^\/\* honeyhive-migrate: 1\.x evaluator has no export here.*\nimport \{ HoneyHiveTracer, evaluator \} from "honeyhive";\nimport \{ evaluate \} from "honeyhive\/experiments";/);
    expect(text).toMatch(/1\.x evaluator\(fn, \{ name \}\) is gone.*\n\s+echoName = evaluator\(/);
    expect(changes("04", "2x")).toEqual({});
  });
});

describe("the --from 1 outputs type-check and lint against this SDK", () => {
  // The shapes' other packages, reduced to what they use; Jest's globals as the test files use them.
  const SHIMS = [
    `declare module "openai" { export default class OpenAI { constructor(options?: unknown); chat: { completions: { create(body: unknown): Promise<{ choices: { message: { content: string | null } }[] }> } } } }`,
    `declare module "aws-lambda" { export interface APIGatewayProxyEvent { body: string | null; headers: Record<string, string | undefined> } export interface APIGatewayProxyResult { statusCode: number; body: string } }`,
    `declare module "@opentelemetry/sdk-trace-node" { export class NodeTracerProvider { constructor(options?: { spanProcessors?: unknown[] }); register(): void; forceFlush(): Promise<void>; } }`,
    `declare function describe(name: string, body: () => void): void;`,
    `declare function it(name: string, body: () => Promise<void>): void;`,
    `declare function beforeAll(body: (done: (error?: unknown) => void) => void): void;`,
    `declare function expect(value: unknown): { toEqual(expected: unknown): void; toBeGreaterThan(expected: number): void };`,
  ];
  /** Type errors no marker covers (`<actual|expected>/<shape>/<path>:<line> <code>`), each a KNOWN defect. */
  // 01's three TS2305 at its 0.x import were one until fix-migrate-8: the import now has its marker.
  const KNOWN_TYPE_ERRORS: readonly string[] = [];

  it("compiles wherever no marker stands", async () => {
    const compilerOptions = strictConsumerOptions({ lib: ["es2023", "dom"], esModuleInterop: true });
    const outputs = actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName);
    // Shape 01's test is CommonJS TypeScript (`import assert = require("assert")`), checked in this one
    // ES-module program: TS1202 says only that; the types behind `assert` are still checked.
    const ignore = (path: string, code: string) => path.includes("/01-") && code === "TS1202";
    expect(await unmarkedTypeErrors(consumer().directory, outputs, SHIMS, compilerOptions, ignore)).toEqual(KNOWN_TYPE_ERRORS);
  }, 180_000);

  it("lints clean wherever no marker stands", async () => {
    const { unmarked, onInput } = await lintWhereUnmarked(consumer().directory, from1Trees(SHAPES, byName), "**/*.ts");
    expect(unmarked).toEqual([]);
    // Not vacuous: the same config reads the Lambda's input and reports its missing flush.
    expect(await onInput(["03-otel-exporter-factory-regional-lambda/src/handler.ts"])).toEqual([["honeyhive/require-force-flush-in-lambda"]]);
  }, 120_000);
});
