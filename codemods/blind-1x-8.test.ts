// Eighth blind round of `migrate --from 1` (issue 15): 1.x code in shapes the earlier rounds did not write
// (fixtures/blind-1x-8, one small project per folder, each README naming what it stands for): every init option of
// 1.0.33–1.0.42 at once, the free traceFunction as TC39 method decorators, the immediate `tracer.trace(fn, ...args)`
// with arguments, a Hono `c.set("tracer")` / `c.get("tracer")`, a per-request tracer on Express's `res.locals`, a
// React context holding the tracer, wrapped functions run in `Promise.all` beside a flush, a worker_threads worker,
// every enrichSpan field and enrichSession's `userProperties`, 0.x's `initFromSessionId` with the `set*` helpers,
// evaluate() with an evaluators array, `metadata` and the snake_case `server_url`, a CommonJS evaluate() with
// `datasetId`, `maxWorkers` and `runConcurrently`, the REST client beside a tracer, a CommonJS
// `module.exports = require("./tracer")` re-export, a TypeScript `namespace`, `getTracer()` for the Vercel AI SDK,
// the private constructor called from a Next.js instrumentation file, the free traceFunction's association
// properties, `logModel`, and a workspace app importing the wrappers from a
// workspace package while its own package.json does not depend on `honeyhive`.
//
// The 1.x forms were read in the honeyhive@1.0.42 tarball (sdk/tracer.d.ts, sdk/evaluation.d.ts) and in the history
// of github.com/honeyhiveai/typescript-sdk (0.5–0.6: initFromSessionId, setMetadata/setFeedback/setMetric; 1.0.5:
// traceFunction(config, metadata); 1.0.7: the options object, enrichSession); the constructor shape is public code
// (a Next.js `register()`). What each shape should become was written down before migrate was run. The run found
// five defects, fixed with this round: a workspace app whose package.json does not list honeyhive got
// `import { trace } from "honeyhive"` (shape 21: it does not resolve under pnpm or Yarn PnP); the free traceFunction
// as a method decorator was left under a marker while `trace` was imported unused (shape 02); `res.locals.tracer.flush()`
// beside a `res.locals.tracer = await HoneyHiveTracer.init()` stayed unmarked (shape 05); the `@ts-expect-error` of the
// private constructor was left unused (TS2578) once `new` became init() (shape 17); and a CommonJS
// `module.exports = { traceTool }` re-export of a 1.x wrapper was left unmarked (shape 14).
//
// Asserted: a clean, parsable, stable run (a second run changes nothing) with both sets; the `--from 1` output of every
// file equal to the expected one (fixtures/blind-1x-8-expected); no 1.x-only name left unmarked but the known ones;
// `tsc --strict` over the TypeScript output (and over the expected output) against this SDK reports nothing outside a
// marked place.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { actualAndExpectedFrom1, describeExpectedShapes, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";
import { markerComment } from "./engine/markers.js";
import { MESSAGES_1X } from "./transforms/1x/messages.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, out, consumer } = migratedShapeSuite("blind-1x-8", {
  moduleType: "module",
  linkedDependencies: ["@types", "express", "hono", "react"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/** `<shape>/<path>` → a `--from 1` output that differs from the expected one today (a fix turns its check red). */
const KNOWN: Readonly<Record<string, KnownDefect>> = KNOWN_DEFECTS();

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
const KNOWN_UNMARKED: readonly string[] = KNOWN_UNMARKED_NAMES();

/** What the unmarked-name check finds that is no use of a 1.x tracer name: the REST client's own call (under its import's marker). */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {};

/** Modules the consumer project has no types of: what the shapes use of them. */
const SHIMS: readonly string[] = [];

describe("blind-1x-8: old init options, decorators, holders of frameworks, workers, 0.x helpers, evaluate, CommonJS and workspace re-exports", () => {
  describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X, minShapes: 15 }, byName);

  it("adds no import of honeyhive to a workspace app whose package.json does not depend on it, and marks the call instead", () => {
    const api = out("21", "apps/api/src/handler.ts");
    expect(api).not.toMatch(/^import /m);
    expect(api).toContain(markerComment(MESSAGES_1X.sdkNotADependency("@acme/api", "trace")));
    expect(api).toContain('trace({ eventType: "tool", eventName: "lookup" }, async (id: string) => ({ id }))');
    // The app that lists honeyhive itself gets the import.
    expect(out("21", "apps/web/src/handler.ts")).toContain('import { trace } from "honeyhive";');
  });

  it("rewrites the free traceFunction method decorator to trace(options) and imports only what it writes", () => {
    const retriever = out("02", "src/retriever.ts");
    expect(retriever).toContain('import { trace } from "honeyhive";');
    expect(retriever).toContain('  @trace({ eventType: "tool", eventName: "vector-search" })\n');
  });

  it("marks the flush of a member path the file assigns a 1.x tracer to", () => {
    expect(out("05", "src/server.js")).toContain(`  ${markerComment(MESSAGES_1X.flushOfInitAssignedMember("locals.tracer"))}\n  await res.locals.tracer.flush();`);
  });

  it("drops the @ts-expect-error of 1.x's private constructor once it is init()", () => {
    const instrumentation = out("17", "src/instrumentation.ts");
    expect(instrumentation).not.toContain("@ts-expect-error");
    expect(instrumentation).toContain("      honeyHiveTracer = HoneyHiveTracer.init({\n");
  });

  it("type-checks the TypeScript output (and the expected output) against this SDK with no error outside a marked place", async () => {
    const obsPackage = (tree: string) => join("src", tree, "21-workspace-consumer-without-sdk", "packages", "obs", "src", "index.ts");
    const errors = await unmarkedTypeErrors(
      consumer().directory,
      actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName),
      SHIMS,
      {
        ...strictConsumerOptions({ module: "esnext", moduleResolution: "bundler" }),
        jsx: "react-jsx",
        // The workspace package the apps import by name, as its package.json's `main` says.
        paths: { "@acme/obs": [`./${obsPackage("actual")}`] },
      },
    );
    expect(errors).toEqual([]);
  }, 120_000);
});

function KNOWN_DEFECTS(): Record<string, KnownDefect> {
  // Shape 14 (`module.exports = require("./tracer")` handing on the wrapper and the init promise) is followed since
  // migrate-15: its case is in the expected tree like every other.
  return {};
}

function KNOWN_UNMARKED_NAMES(): string[] {
  return [];
}
