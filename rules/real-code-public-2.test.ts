// The rules (`configs.all`) on a second set of shapes of public code that uses HoneyHive from
// TypeScript/JavaScript (fixtures/real-code-public-2; each folder's README names the kind of project the
// shape comes from). Every shape is linted as its own project (ESLint's cwd is the shape's folder, so its
// package.json, vercel.json/firebase.json and sibling modules are what the cross-file reading sees).
// 1.x shapes (01–10, 17, 18, 20, 22, 24, 26–28, 30, 34, 35, 37), 2.x shapes (13–16, 21, 23, 25, 29,
// 31–33, 36) and shapes that are not HoneyHive's SDK at all (11 Traceloop pointed at HoneyHive, 12 and 19
// plain OpenTelemetry exporting to it). Asserted: exactly these findings (`file:line rule`) for the shapes the rules get right; the
// `known misses` block asserts today's findings where they are wrong, and says why.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { describeExpectedFindings, lintShapes, shapeLookup, shapeNames, type ShapeFinding } from "./test-utils/shape-projects.js";

const SHAPES_DIR = join(FIXTURES_DIR, "real-code-public-2");
const SHAPES = shapeNames(SHAPES_DIR);

const findings = new Map<string, ShapeFinding[]>();

beforeAll(async () => {
  for (const [shape, found] of await lintShapes(SHAPES_DIR)) findings.set(shape, found);
}, 300_000);

const { of, at } = shapeLookup(SHAPES, findings);

/** Shape → the findings it must have (`file:line rule`); the shapes not listed here or below are quiet. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // `import * as hh`: the free hh.traceTool() and hh.enrichSession() next to the function's own tracer.
  "03": ["search.ts:13 honeyhive/require-explicit-tracer", "search.ts:15 honeyhive/require-explicit-tracer"],
  // Destructured require: the free enrichSpan (no tracer in its function) and traceModel outside tracer.trace().
  "05": ["lib/answer.js:4 honeyhive/require-explicit-tracer", "lib/answer.js:14 honeyhive/require-explicit-tracer"],
  // 1.x init awaited in an Express route.
  "08": ["server.ts:8 honeyhive/no-tracer-init-in-handler"],
  // A Lambda whose OpenTelemetry provider (SimpleSpanProcessor to HoneyHive) is never flushed.
  "12": ["src/handler.ts:18 honeyhive/require-force-flush-in-lambda"],
  // sessionStart() in a Hono route on the tracer of another module.
  "13": ["src/index.ts:9 honeyhive/no-session-start-in-handler"],
  // A Firebase onRequest function answering with res.json() and never flushing.
  "21": ["src/index.ts:6 honeyhive/require-force-flush-in-lambda"],
  // 1.x init awaited in a Vercel function, and the free traceModel next to it.
  "22": ["api/chat.ts:7 honeyhive/no-tracer-init-in-handler", "api/chat.ts:12 honeyhive/require-explicit-tracer"],
  // 1.x startSession() in a Hono route returns the init session to every request.
  "27": ["src/app.ts:8 honeyhive/no-session-start-in-handler"],
  // 1.x Lambda awaiting a module-level init promise, never flushed.
  "28": ["src/handler.ts:5 honeyhive/require-force-flush-in-lambda"],
  // `module.exports.handler` named by serverless.yml, never flushed.
  "29": ["handler.js:5 honeyhive/require-force-flush-in-lambda"],
  // `await hh.HoneyHiveTracer.init()` (namespace import) on every invocation.
  "30": ["src/handler.ts:5 honeyhive/no-tracer-init-in-handler"],
  // sessionStart() in a SvelteKit +server.ts endpoint.
  "31": ["src/routes/api/chat/+server.ts:6 honeyhive/no-session-start-in-handler"],
  // `void tracer.forceFlush()`: started, not awaited.
  "32": ["src/handler.ts:3 honeyhive/require-force-flush-in-lambda"],
};

/** Shapes whose findings are wrong today (asserted in `known misses`). */
const MISSES = new Set<string>(["09", "10", "36", "37"]);

describe("shapes the rules get right", () => {
  describeExpectedFindings(SHAPES, findings, EXPECTED, MISSES);
  it("has the shapes", () => expect(SHAPES.length).toBeGreaterThanOrEqual(25));

  it("names the object to flush, the 1.x way out, and the tracer to use", () => {
    expect(of("12")[0]!.message).toContain("`await provider.forceFlush()`");
    expect(of("21")[0]!.message).toContain("`await tracer.forceFlush()`");
    expect(of("08")[0]!.message).toContain("npx honeyhive migrate --from 1");
    expect(of("27")[0]!.message).toContain("returns the session `tracer` started at init (honeyhive 1.x)");
    expect(of("28")[0]!.message).toContain("`await tracer.flush()`");
    expect(of("13")[0]!.message).toContain("Use `tracer.createSession()`");
    expect(of("03").map((finding) => finding.message).join("\n")).toContain("Call the tracer's own `traceTool()` (`tracer`)");
  });
});

describe("known misses", () => {
  it("09 `tracer.sessionId = header` in an Express route on the module's 1.x tracer is not reported", () => {
    // Wrong: assigning the shared tracer's sessionId per request is the race no-session-start-in-handler
    // reports for startSession()/sessionStart(): two overlapping requests overwrite each other's session
    // and the first one's enrichment lands in the second one's session. migrate marks the assignment
    // (codemods/real-code-public-2 09); the rule reads calls only. Likely place:
    // rules/no-session-start-in-handler (an assignment to a tracer's `sessionId` in a handler).
    expect(at("09")).toEqual([]);
  });

  it("10 the static HoneyHiveTracer.enrichSpan() (deprecated in 1.x) is not reported next to the module's tracer", () => {
    // Wrong: it is the same implicit lookup as the free enrichSpan() reported in 05 (1.x's static finds the
    // tracer in the context), and migrate rewrites it to `tracer.enrichSpan()`; require-explicit-tracer
    // reads imported free functions only. Likely place: the rule's 1.x implicit set
    // (analysis/knowledge/sdks/honeyhive-1x.ts IMPLICIT_TRACER_EXPORTS_1X names exports, not statics).
    expect(at("10")).toEqual([]);
  });

  it("36 `await tracer.shutdown()` of a module-level tracer in a Lambda handler counts as its flush", () => {
    // Wrong: shutdown() stops the tracer's pipeline ("further spans are not recorded", sdk/tracer.ts), and
    // the tracer is module-level, so every warm invocation after the first records nothing. The rule's
    // docs list `tracer.shutdown()` among the flushes (docs/rules/require-force-flush-in-lambda.md:48) while
    // refusing `sdk.shutdown()` of OpenTelemetry for exactly this reason (line 78). Expected: reported, with
    // `await tracer.forceFlush()` as the fix, when the tracer outlives the invocation (declared outside the
    // handler); a tracer made inside the handler may shut down. Likely place: the flush-call table
    // (analysis/flush-calls.ts / the SDK descriptor's flush methods) and the rule's module-level check.
    expect(at("36")).toEqual([]);
  });

  it("37 1.x startSession() in a Next.js route on the tracer a getter keeps on globalThis is not reported", () => {
    // Wrong: `tracer()` (lib/hh.ts, which imports the SDK) returns the init promise cached on
    // `globalThis.hhTracerPromise`; the route's `t` is that 1.x tracer, and its startSession() hands the one
    // init session to every request (shape 01 of the first set, through a module `let`, is reported).
    // migrate --from 1 does see it (the route gets createSession()). Likely place: the getter reading of
    // the handler model (a getter returning a `globalThis.x ??= init()` holder is not followed).
    expect(at("37")).toEqual([]);
  });
});
