// The rules (`configs.all`) on shapes of public code that uses HoneyHive from TypeScript/JavaScript
// (fixtures/real-code-public; each folder's README names the kind of project the shape comes from).
// Every shape is linted as its own project (ESLint's cwd is the shape's folder, so its package.json,
// tsconfig paths and sibling modules are what the cross-file reading sees). 1.x shapes (01–17) and
// 2.x / plain OpenTelemetry shapes (18–28), the latter with the tracer or the provider in a module
// of its own. Asserted: exactly these findings (`file:line rule`), for the shapes the rules get right;
// a `known misses` block (none today) asserts findings that are wrong, and says why.
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes } from "./test-utils/shape-projects.js";

const { names: SHAPES, findings, of } = lintedShapes("real-code-public");

/** Shape → the findings it must have (`file:line rule`); the shapes not listed here or below are quiet. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // 1.x startSession() on the tracer from instrumentation.ts's getter, in a generator the route runs.
  "01": ["app/api/chat/route.ts:8 honeyhive/no-session-start-in-handler"],
  // A global enrichSession() next to `const tracer = await initializeTracer("…")`, a local factory taking an argument.
  "15": ["enrich.mts:10 honeyhive/require-explicit-tracer"],
  // 16 is quiet: its 1.x top-level enrichSpan() (next to a `tracer: HoneyHiveTracer` parameter) runs in the
  // body `tracer.trace(() => tracedChain(tracer))` runs, which binds 1.x's free calls (require-explicit-tracer's docs).
  // A Lambda handler awaiting a script's main() (another module), which inits a tracer on every call.
  "17": ["handler.ts:6 honeyhive/no-tracer-init-in-handler"],
  // A Lambda in another file than the OpenTelemetry provider exporting to HoneyHive, never flushed.
  "18": ["src/handler.ts:7 honeyhive/require-force-flush-in-lambda"],
  // A Lambda importing the 2.x tracer from lib/honeyhive.ts, never flushed.
  "21": ["src/handler.ts:7 honeyhive/require-force-flush-in-lambda"],
  // registerInstrumentations() without a provider, in a module importing the tracer from another.
  "25": ["src/instrument.ts:5 honeyhive/tracer-provider-for-instrumentors"],
  // NestJS: sessionStart() on the tracer field of an injected TracingService (another module), in a @Post() handler.
  "24": ["src/chat.controller.ts:10 honeyhive/no-session-start-in-handler"],
  // evaluate() given a pipeline another module binds to the app's tracer.
  "28": ["scripts/eval.ts:5 honeyhive/no-global-tracer-with-evaluate"],
};

/** Shapes whose findings are wrong today (asserted in `known misses`). */
const MISSES = new Set<string>([]);

describe("shapes the rules get right", () => {
  describeExpectedFindings(SHAPES, findings, EXPECTED, MISSES);

  it("names the module and the object to flush across files", () => {
    expect(of("18")[0]!.message).toContain("`await provider.forceFlush()`");
    expect(of("21")[0]!.message).toContain("`await tracer.forceFlush()`");
    expect(of("01")[0]!.message).toContain("lib/agent-stream.ts:11");
    // The factory's tracer is named (the fix writes `tracer.enrichSession(…)`), not "none is in scope".
    expect(of("15")[0]!.message).toContain("Call it on this file's tracer (`tracer`)");
    expect(of("24")[0]!.message).toContain("`this.tracing.tracer.createSession()`");
    expect(of("17")[0]!.message).toContain("`main()` creates a tracer on every call (`await HoneyHiveTracer.init()` at script.ts:10)");
  });
});

// Known misses: none left (17 and 24 were fixed). A shape the rules get wrong goes into MISSES with a
// `known misses` block here asserting today's findings and saying why they are wrong.
