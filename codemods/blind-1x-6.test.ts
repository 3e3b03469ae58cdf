// Sixth blind round of `migrate --from 1` (issue 15): 1.x code in shapes the earlier rounds did not write
// (fixtures/blind-1x-6, one small project per folder, each README naming what it stands for): Next.js
// instrumentation with a dynamic import into a `globalThis` slot, a class with a `#tracer` field and a lazy
// `#pending` promise, inits in `Promise.allSettled`, `@tracer.traceFunction(…)` as a TC39 method decorator,
// CommonJS forwarding `arguments` through 1.x's immediate `tracer.trace(fn, ...args)`, a TSX server component,
// an `.mjs` script with every 1.x enrichment field, a snake_case evaluate() in CommonJS, Express middleware with
// `startSession()`, a Lambda flushing in `finally`, vi.mock/jest.mock of the package, a `sessionId` guard, the
// quickstart's bare `await HoneyHiveTracer.init()`, an init raced against a timeout, Vercel AI telemetry with
// `getTracer()`, Fastify's `declare module` augmentation read from a routes file without the SDK, a default-exported
// holder object, and an init promise exported as `ready` and awaited by its consumers.
//
// The 1.x forms were read in the honeyhive@1.0.42 tarball (sdk/tracer.d.ts, sdk/tracer.js: traceFunction returns
// `(func) => wrappedFunction`, which TC39 decorators accept for a method) and docs/migrating-from-1x.md; every
// TypeScript input type-checks against honeyhive@1.0.42 (scripts/check-1x-types.mjs, group blind-1x-6). What each
// shape should become was written down from those docs before migrate was run, and the expected outputs
// (fixtures/blind-1x-6-expected) checked against it; the run found five defects, each fixed with this round (shapes 04, 05, 15, 17, 19: before the fix the decorator got a "rewrite by hand"
// marker, the spread `tracer.trace(fn, ...args)` stayed 1.x silently, a raced or imported-and-awaited init was not
// read as the tracer, and Fastify's `app.honeyhive` was not taken for one).
//
// Asserted: a clean, parsable, stable run (a second run changes nothing) with both sets; the `--from 1` output of every
// file equal to the expected one; no 1.x-only name left unmarked; `tsc --strict` over the TypeScript output (and over
// the expected output) against this SDK reports nothing outside a marked place.
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, describeExpectedShapes, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, out, consumer } = migratedShapeSuite("blind-1x-6", {
  moduleType: "module",
  linkedDependencies: ["@types", "express", "fastify", "vitest"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/** `<shape>/<path>` → a `--from 1` output that differs from the expected one today (a fix turns its check red). */
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
const KNOWN_UNMARKED: readonly string[] = [];

/** What the unmarked-name check finds that is no use of a 1.x name: the fake tracer of a mock, under the mock's marker. */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  "11-vitest-mock-import-original": ["src/pipeline.test.ts:12 traceFunction"],
};

describe("blind-1x-6: decorators, forwarded arguments, raced and imported init promises, augmented framework instances", () => {
  describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X, minShapes: 15 }, byName);

  it("rewrites the shapes this round fixed, not only marks them", () => {
    expect(out("04", "src/agent.ts")).toContain('@trace({ eventType: "tool", eventName: "lookup", tracer })');
    expect(out("05", "src/legacy.cjs")).toContain("return fn(...Array.prototype.slice.call(arguments, 1));");
    expect(out("15", "src/race.ts")).toContain("await tracer?.forceFlush();");
    expect(out("19", "src/worker.ts")).toContain('tracer.trace({ eventType: "tool", eventName: "measure" }, async (text: string) => text.length)');
    expect(out("19", "src/cron.cjs")).toContain("await t.forceFlush();");
  });

  it("type-checks the TypeScript output (and the expected output) against this SDK with no error outside a marked place", async () => {
    const errors = await unmarkedTypeErrors(consumer().directory, actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName), [], strictConsumerOptions({ module: "esnext", moduleResolution: "bundler" }));
    expect(errors).toEqual([]);
  }, 120_000);
});
