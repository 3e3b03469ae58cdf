// The rules (`configs.all`) on a third set of shapes of public code that uses HoneyHive 1.x from
// TypeScript (fixtures/real-code-public-3; each folder's README names the kind of project it comes from;
// the public files read are listed in codemods/real-code-public-3.test.ts). Every shape is linted as its
// own project. Asserted: exactly these findings (`file:line rule`) per shape.
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes } from "./test-utils/shape-projects.js";

const { names: SHAPES, findings, of } = lintedShapes("real-code-public-3");

/** Shape → the findings it must have (`file:line rule`); the shapes not listed here are quiet. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // A tracer initialized inside the function evaluate() runs, and bound to the tool it wraps there.
  "04": ["evals/experiment.ts:22 honeyhive/no-tracer-init-in-handler", "evals/experiment.ts:23 honeyhive/no-global-tracer-with-evaluate"],
  // Quiet: 01 (the free traceModel() and enrichSession() in the body a 1.x `tracer.trace(body)` runs are bound
  // by that call: docs/rules/require-explicit-tracer.md, honeyhive 1.x; gaps-rules-7 exempted the free
  // enrichment too), 02 (the free traceModel runs inside tracer.trace(body); the static flush is in no handler),
  // 03 (neither module has a tracer of its own: the init is discarded, the importer has none), 05 and 06
  // (scripts, not handlers; 06's wrapper and enrichSpan are the tracer's own).
};

/** Shapes whose findings are wrong today. */
const MISSES = new Set<string>();

describe("shapes the rules get right", () => {
  describeExpectedFindings(SHAPES, findings, EXPECTED, MISSES);
  it("has the shapes", () => expect(SHAPES.length).toBeGreaterThanOrEqual(5));

  it("names the implicit call and the way out", () => {
    expect(of("04")[0]!.message).toContain("runs in the function evaluate() calls for each datapoint");
    expect(of("04")[1]!.message).toContain("evaluate() provides a tracer and session per datapoint");
  });
});
