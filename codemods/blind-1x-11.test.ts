// Eleventh blind round of `migrate --from 1` (issue 15): 1.x code in shapes the earlier rounds did not write
// (fixtures/blind-1x-11, one small project per folder, each README naming what it stands for).
//
// The 1.x forms were read in the honeyhive@1.0.42 tarball (sdk/tracer.d.ts, sdk/evaluation.d.ts, sdk/sdk.d.ts) and the
// history of src/sdk/tracer.ts in github.com/honeyhiveai/typescript-sdk; what each shape should become was decided from
// docs/migrating-from-1x.md and written to fixtures/blind-1x-11-expected before migrate was run (commit 6f12f207).
//
// Asserted: a clean, parsable, stable run (a second run changes nothing) with both sets; the `--from 1` output of every
// file equal to the expected one; no 1.x-only name left unmarked but the known ones; `tsc --strict` over the TypeScript
// output (and the expected output) against this SDK reports nothing outside a marked place but the known errors; the
// recommended lint config reports nothing outside a marked place.
import { describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../sdk/test-utils/type-check.js";
import { MESSAGES_1X } from "./transforms/1x/messages.js";
import { actualAndExpectedFrom1, describeExpectedShapes, from1Trees, lintWhereUnmarked, migratedShapeSuite, unmarkedTypeErrors, type KnownDefect } from "./cli/test-utils/shapes.js";

const { dir: SHAPES_DIR, shapes: SHAPES, byName, out, consumer } = migratedShapeSuite("blind-1x-11", {
  moduleType: "module",
  linkedDependencies: ["@types", "express", "vitest"],
});
const EXPECTED_DIR = `${SHAPES_DIR}-expected`;

/** `<shape>/<path>` → a `--from 1` output that differs from the expected one today (a fix turns its check red). */
const KNOWN: Readonly<Record<string, KnownDefect>> = {};

/** 1.x-only names left without a marker today (`<shape>/<path>:<line> <name>`), each a KNOWN defect. */
const KNOWN_UNMARKED: readonly string[] = [];

/** The type errors of the known defects' actual output (`actual/<shape>/<path>:<line> <code>`). */
const KNOWN_TYPE_ERRORS: readonly string[] = [];

/** What the unmarked-name check finds that is no use of a 1.x tracer name: the project's own helpers and look-alikes. */
const NOT_1X: Readonly<Record<string, readonly string[]>> = {
  // OpenTelemetry's `trace.getTracer("billing")`, not 1.x's tracer.getTracer().
  "22-otel-tracer-beside-honeyhive": ["src/billing.ts:4 .getTracer("],
};

/** Modules the consumer project has no types of: what the shapes use of them. */
const SHIMS: readonly string[] = [
  `declare module "@nestjs/common" {
  export function Module(metadata: unknown): <T>(target: T, context?: unknown) => T;
  export interface OnModuleDestroy { onModuleDestroy(): Promise<void> | void }
}`,
  `declare module "@nestjs/config" {
  export class ConfigService { get(key: string): any }
}`,
  `declare module "@jest/globals" {
  export const describe: (name: string, fn: () => void) => void;
  export const it: (name: string, fn: () => unknown) => void;
  export const beforeAll: (fn: () => unknown) => void;
  export const afterAll: (fn: () => unknown) => void;
  export const expect: (value: unknown) => { toBe(expected: unknown): void; toBeDefined(): void };
}`,
  `declare module "aws-lambda" {
  export interface APIGatewayProxyEvent { body: string | null }
  export interface APIGatewayProxyResult { statusCode: number; body: string }
}`,
  `declare module "@opentelemetry/api" {
  interface Span { setAttribute(key: string, value: string): void; end(): void }
  export const trace: { getTracer(name: string): { startActiveSpan<T>(name: string, fn: (span: Span) => T): T } };
}`,
  `declare module "honeyhive/models/components" {
  export type CreateDatasetRequest = { project: string; name: string };
}`,
];

describe("blind-1x-11: server actions, DI factories, app factories, test hooks, class holders, Lambdas, CommonJS chains, JSDoc, generators, evaluate, the REST client, init spellings", () => {
  describeExpectedShapes({ shapesDir: SHAPES_DIR, expectedDir: EXPECTED_DIR, shapes: SHAPES, known: KNOWN, knownUnmarked: KNOWN_UNMARKED, not1x: NOT_1X, minShapes: 25 }, byName);

  it("rewrites a free wrapper as the one tracer's own method where OpenTelemetry's `trace` holds the name, in one run", () => {
    const billing = out("22", "src/billing.ts");
    expect(billing).toContain('export const invoice = hh.trace({ eventType: "tool", eventName: "invoice" }, async (customer: string, cents: number) =>');
    expect(billing).not.toContain(MESSAGES_1X.traceNameTaken("traceTool"));
    expect(billing).toContain('import { HoneyHiveTracer } from "honeyhive";');
  });

  it("keeps the init's promise in a global slot typed by a cast of globalThis (`as unknown as { hhTracer?: Promise<…> }`)", () => {
    expect(out("20", "src/lib/honeyhive.ts")).toContain("globalForHH.hhTracer ??= Promise.resolve(HoneyHiveTracer.init(");
  });

  it("reads an imported class's static method declared to return the tracer's promise as the tracer's source", () => {
    expect(out("05", "src/summarize.ts")).toContain('export const summarize = tracer.trace({ eventType: "chain", eventName: "summarize" }, ');
  });

  it("renames the Python SDK's init keys, which 1.x ignored, to the settings they name", () => {
    const tracing = out("24", "src/tracing.js");
    expect(tracing).toContain("  serverUrl: process.env.HH_SERVER_URL,\n  sessionName: \"nightly\",");
    expect(tracing).not.toContain("api_key");
  });

  it("type-checks the TypeScript output (and the expected output) against this SDK with no error outside a marked place but the known ones", async () => {
    const errors = await unmarkedTypeErrors(
      consumer().directory,
      actualAndExpectedFrom1(SHAPES, EXPECTED_DIR, byName),
      SHIMS,
      strictConsumerOptions({ module: "esnext", moduleResolution: "bundler" }),
      // Shape 13 keeps 1.x's REST client under the marker on its import (this SDK exports no HoneyHive, TS2305 there): its
      // calls are the person's to move to @honeyhive/api-client, and a callback over their untyped results is implicitly any.
      (path, code) => path.includes("/13-rest-client-datasets-projects/") && code === "TS7006",
    );
    expect(errors).toEqual(KNOWN_TYPE_ERRORS);
  }, 120_000);

  it("leaves nothing the recommended lint config reports outside a marked place", async () => {
    const { unmarked } = await lintWhereUnmarked(consumer().directory, from1Trees(SHAPES, byName), "**/*.{ts,js,mjs,cjs,mts,cts}");
    expect(unmarked).toEqual([]);
  }, 120_000);
});
