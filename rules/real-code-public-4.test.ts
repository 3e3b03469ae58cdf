// The rules (`configs.all`) on a fourth set of shapes of public code that uses HoneyHive from TypeScript
// (fixtures/real-code-public-4; each folder's README names the kind of project it comes from; the public
// files read are listed in codemods/real-code-public-4.test.ts). Every shape is linted as its own
// project. Asserted: exactly these findings (`file:line rule`) per shape.
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes } from "./test-utils/shape-projects.js";

const { names: SHAPES, findings, of } = lintedShapes("real-code-public-4");

/** Shape → the findings it must have (`file:line rule`); the shapes not listed here are quiet. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // The provider module builds its BatchSpanProcessor around an exporter made by a factory in a third
  // module (the regional host api.dp1.us.honeyhive.ai in its default URL); the Lambda handler imports the
  // provider module for its side effect only and returns without a flush.
  "03": ["src/handler.ts:7 honeyhive/require-force-flush-in-lambda"],
  // Quiet: 01 (0.x's SessionTracer is no tracer this plugin models, and the test's REST client call is
  // request-scoped), 02 (a script inits two tracers once each; the Jest check only reads the REST API),
  // 04 (evaluators called directly, no evaluate() and no handler).
};

/** Shapes whose findings are wrong today. */
const MISSES = new Set<string>();

describe("shapes the rules get right", () => {
  describeExpectedFindings(SHAPES, findings, EXPECTED, MISSES);
  it("has the shapes", () => expect(SHAPES.length).toBeGreaterThanOrEqual(4));

  it("names the provider the handler reaches through the side-effect import", () => {
    expect(of("03")[0]!.message).toContain("`await provider.forceFlush()`");
  });
});
