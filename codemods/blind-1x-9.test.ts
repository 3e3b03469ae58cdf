// Ninth blind round of `migrate --from 1` (issue 15): 1.x code in shapes the earlier rounds did not write
// (fixtures/blind-1x-9, one small project per folder, each README naming what it stands for): the init promise
// exported and flushed through `.then()`, a never-awaited `init().then(…).catch(…)` script, a `??=` lazy getter, an
// ECMAScript `#tracer` field, a hand-written DI container, `traceFunction` with every option shape (none, `{}`, an
// upper-case event type, a const, a spread, `config`, a variable type), free wrappers with no tracer in the project,
// the free traceFunction as a legacy (experimentalDecorators) method decorator, renamed CommonJS destructuring, a
// namespace import with the static flush, a barrel re-exporting `traceTool as tool`, an Express Router with
// startSession/flush, a Next.js App Router route creating its tracer per request, a Lambda with the static flush,
// evaluate() of 1.0.22 with its snake_case keys and `(inputs, output)` evaluators, evaluate() with `evaluator()`
// wrappers and `ground_truths`, 1.0.5's `traceFunction(config, metadata)` with `setMetric`, ES-module JavaScript with
// JSDoc types, two look-alikes (another package's HoneyHiveTracer, a local traceFunction and flush), an optional
// tracer parameter, the 1.x type names with `Awaited<ReturnType<typeof HoneyHiveTracer.init>>`, initFromSessionId in
// a middleware, a class's `get tracer()` accessor beside the static enrichSpan, and an `export *` barrel.
//
// The 1.x forms were read in the 1.x source (github.com/honeyhiveai/typescript-sdk) as docs/migrating-from-1x.md
// cites it; what each shape should become was written down from that guide before migrate was run. The run found
// three defects, all fixed: a function declared to return `Promise<Tracer>` through a type alias of the
// tracer (`type Tracer = Awaited<ReturnType<typeof HoneyHiveTracer.init>>`) kept returning the now synchronous init()
// without becoming `async` (TS2739, shape 22); wrapper options held in an unannotated const (passed as traceFunction's
// options or spread into them) kept `eventType: "tool"`, which TypeScript widens to string where trace() wants the
// literal (TS2345, shape 06); 1.x's static enrichSpan was rewritten onto an optional class field (`this.current`,
// possibly undefined: TS2532, shape 24), now onto the class's `get tracer(): HoneyHiveTracer` that returns it.
//
// Asserted: a clean, parsable, stable run (a second run changes nothing) with both sets; the `--from 1` output of every
// file equal to the expected one (fixtures/blind-1x-9-expected) but the known defects; no 1.x-only name left unmarked;
// `tsc --strict` over the TypeScript output (and over the expected output) against this SDK reports nothing outside a
// marked place but the known defects' errors.
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, describeExpectedShapes, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, out, consumer } = migratedShapeSuite("blind-1x-9", {
  moduleType: "module",
  linkedDependencies: ["@types", "express"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/** `<shape>/<path>` → a `--from 1` output that differs from the expected one today (a fix turns its check red). */
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** The type errors of the known defects' actual output (`actual/<shape>/<path>:<line> <code>`). */
const KNOWN_TYPE_ERRORS: readonly string[] = [];

/** What the unmarked-name check finds that is no use of a 1.x tracer name: the look-alike's own traceFunction. */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  "20-local-trace-function": ["src/timing.ts:5 traceFunction", "src/timing.ts:22 traceFunction"],
};

/** Modules the consumer project has no types of: what the shapes use of them. */
const SHIMS: readonly string[] = [
  `declare module "@acme/honeyhive-lite" {
  export class HoneyHiveTracer {
    static init(options: { apiKey: string; project: string }): Promise<HoneyHiveTracer>;
    traceFunction(options: { eventType?: string }): <F>(fn: F) => F;
    flush(): Promise<void>;
  }
}`,
];

describe("blind-1x-9: promise modules, holders, option shapes, decorators, CommonJS and namespaces, handlers, evaluate of old versions, JSDoc, look-alikes", () => {
  describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: [], not1x: NOT_1X, minShapes: 25 }, byName);

  it("makes a function returning init() through a type alias of the tracer async, as it returned 1.x's promise", () => {
    expect(out("22", "src/config.ts")).toContain("export async function makeTracer(): Promise<Tracer> {\n  return HoneyHiveTracer.init(options);\n}");
  });

  it("narrows the event type of wrapper options held in an unannotated const, which TypeScript widens to string", () => {
    const pipeline = out("06", "src/pipeline.ts");
    expect(pipeline).toContain('const base = { eventType: "tool" as const, metadata: { team: "search" } };');
    expect(pipeline).toContain('const RETRIEVE = { eventType: "tool" as const, eventName: "retrieve" };');
    expect(pipeline).toContain("export const retrieve = tracer.trace(RETRIEVE, async (q: string) => [q]);");
  });

  it("rewrites 1.x's static enrichSpan onto the class's getter of its optional tracer field, not onto the field", () => {
    const observability = out("24", "src/observability.ts");
    expect(observability).toContain("      this.tracer.enrichSpan({ metrics: { chars: t.length } });");
    expect(observability).not.toContain("this.current.enrichSpan");
  });

  it("leaves the look-alikes' own traceFunction and flush, and another package's tracer, unrewritten", () => {
    const timing = out("20", "src/timing.ts");
    expect(timing).toContain('export const timed = traceFunction({ eventName: "slow" })((n: number) => n * 2);');
    expect(timing).toContain("  return flush();");
    const lite = out("19", "src/app.ts");
    expect(lite).toContain('import { HoneyHiveTracer } from "@acme/honeyhive-lite";');
    expect(lite).toContain("const tracer = await HoneyHiveTracer.init(");
    expect(lite).toContain("  await tracer.flush();");
  });

  it("type-checks the TypeScript output (and the expected output) against this SDK with no error outside a marked place but the known defects'", async () => {
    const errors = await unmarkedTypeErrors(
      consumer().directory,
      actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName),
      SHIMS,
      // Shape 08's legacy method decorator is marked; the option keeps the consumer as its project compiled.
      { ...strictConsumerOptions({ module: "esnext", moduleResolution: "bundler" }), experimentalDecorators: true },
    );
    expect(errors).toEqual(KNOWN_TYPE_ERRORS);
  }, 120_000);
});
