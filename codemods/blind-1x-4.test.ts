// Fourth blind round of `migrate --from 1` (issue 15): 1.x code along an axis the first three rounds did not
// write (fixtures/blind-1x-4, one small project per folder, each README naming what it stands for): code written
// against OLDER 1.x versions as their sources and tests showed it (1.0.0's setters and void `trace(fn)`,
// 1.0.5–1.0.6's positional `traceFunction(config, metadata)` and `initFromSessionId`, 1.0.9's multi-line
// named function expression, 1.0.12–1.0.19's `evaluate({ evaluationFunction, hh_*, query_list })` whose
// evaluators took `(inputs, output)`, 1.0.20–1.0.32's `modules`/`evalContext` init options and the
// `sessionId` setter), code typed with 1.x's exported types (`HoneyHiveTracerProperties`,
// `TraceFunctionOptions`, `EnrichSpanParams`, generics over traced functions, `Pick<HoneyHiveTracer, …>`,
// `Tracer["traceFunction"]`), a class composing the tracer whose own `tool()`/`flush()` are not 1.x's, a
// no-op object with the tracer's methods, the tracer passed through parameters and returned from async
// factories (alone and in `{ tracer, shutdown }`), `Promise.all` of inits and of traced calls, class methods
// traced in the constructor (`this.plan = tracer.traceFunction(o)(this.plan.bind(this))`), Vitest and Jest
// mocks of the package, a React server component calling a traced helper, `.mjs`/`.cjs` siblings, a `.mts`
// default import of the CommonJS 1.x package, Express middleware made from a tracer parameter.
//
// The 1.x call forms were read in the 1.x sources (github honeyhiveai/typescript-sdk at the commits of
// 1.0.0 befc005, 1.0.6 4b72cce, 1.0.9 2113eab, 1.0.18 335e8a2, 1.0.21 c6de5f2, 1.0.33 5a8ed03: src/sdk/tracer.ts,
// src/sdk/evaluation.ts, tests/*.ts) and in the honeyhive@1.0.42 tarball's d.ts. Every input type-checks
// against honeyhive@1.0.42 but the older versions' names, listed with their version in
// scripts/check-1x-types.mjs (group blind-1x-4). The expected outputs (fixtures/blind-1x-4-expected) were
// written by hand from docs/migrating-from-1x.md before migrate was run on them.
//
// Asserted: a clean, parsable, stable run with both sets; the `--from 1` output of every file equal to the
// expected one but the KNOWN defects (asserted as they are today, with why); no 1.x-only name left unmarked;
// `tsc --strict` over the output (and over the expected output) against this SDK reports nothing outside a
// marked place; the recommended lint config reports nothing outside a marked place.
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, describeExpectedShapes, from1Trees, lintWhereUnmarked, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, out, consumer } = migratedShapeSuite("blind-1x-4", {
  moduleType: "module",
  linkedDependencies: ["@types", "vitest", "express"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/** `<shape>/<path>` → a `--from 1` output that differs from the expected one today (a fix turns its check red). */
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
const KNOWN_UNMARKED: readonly string[] = [];

/** What the unmarked-1.x-name check finds that is no unmarked 1.x name. */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  // The wrapping class's own flush() (it forwards to the tracer's forceFlush()).
  "05-wrapper-class-composes-tracer": ["src/main.ts:6 .flush("],
  // The project's own getter in tracing.cjs, not 1.x's tracer.getTracer().
  "13-mjs-and-cjs-siblings": ["src/worker.mjs:10 .getTracer("],
};

describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X, minShapes: 15 }, byName);

describe("what the round's projects come out as", () => {
  it("05: the wrapping class's own tool() and flush() are left to it; the tracer inside is migrated", () => {
    expect(out("05", "src/main.ts")).toContain("await app.flush();");
    expect(out("05", "src/app-tracer.ts")).toContain("this.inner.forceFlush()");
  });

  it("16: 1.x's tracer.trace(fn, ...args) with arguments becomes the direct call", () => {
    expect(out("16", "src/score.ts")).toContain("scores.push(scoreBatch(batch));");
  });
});

describe("the --from 1 output type-checks and lints against this SDK", () => {
  /** Type errors no marker covers (`<actual|expected>/<shape>/<path>:<line> <code>`), each a KNOWN defect. */
  const KNOWN_TYPE_ERRORS: readonly string[] = [
    // 06: the Pick type's markers (lines 3–4) name the cause; tsc also reports where the init is returned as that type.
    "actual/06-noop-proxy-with-the-tracer-methods/src/tracing.ts:15 TS2739",
    "expected/06-noop-proxy-with-the-tracer-methods/src/tracing.ts:15 TS2739",
  ];

  it("compiles wherever no marker stands", async () => {
    const compilerOptions = strictConsumerOptions({ lib: ["es2023", "dom"], esModuleInterop: true, allowJs: false });
    expect(await unmarkedTypeErrors(consumer().directory, actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName), [], compilerOptions)).toEqual(KNOWN_TYPE_ERRORS);
  }, 180_000);

  it("lints clean wherever no marker stands", async () => {
    const { unmarked } = await lintWhereUnmarked(consumer().directory, from1Trees(SHAPES, byName), "**/*.{ts,tsx,js,mjs,cjs,mts}");
    expect(unmarked).toEqual([]);
  }, 120_000);
});
