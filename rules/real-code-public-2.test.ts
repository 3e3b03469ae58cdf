// The rules (`configs.all`) on a second set of shapes of public code that uses HoneyHive from
// TypeScript/JavaScript (fixtures/real-code-public-2; each folder's README names the kind of project the
// shape comes from). Every shape is linted as its own project (ESLint's cwd is the shape's folder, so its
// package.json, vercel.json/firebase.json and sibling modules are what the cross-file reading sees).
// 1.x shapes (01–10, 17, 18, 20, 22, 24, 26–28, 30, 34, 35, 37), 2.x shapes (13–16, 21, 23, 25, 29,
// 31–33, 36) and shapes that are not HoneyHive's SDK at all (11 Traceloop pointed at HoneyHive, 12 and 19
// plain OpenTelemetry exporting to it). Asserted: exactly these findings (`file:line rule`) per shape;
// the shapes that were known misses (09, 10, 36, 37) are fixed and asserted with the others.
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes } from "./test-utils/shape-projects.js";

const { names: SHAPES, findings, of } = lintedShapes("real-code-public-2");

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
  // `tracer.sessionId = header` in an Express route on the module's 1.x tracer: the startSession() race.
  "09": ["app.ts:10 honeyhive/no-session-start-in-handler"],
  // The static HoneyHiveTracer.enrichSpan() (1.x) is the free enrichSpan(): bound to the module's tracer.
  "10": ["rag.ts:7 honeyhive/require-explicit-tracer"],
  // `await tracer.shutdown()` of the module-level tracer in a Lambda: warm invocations record nothing.
  "36": ["src/handler.ts:10 honeyhive/require-force-flush-in-lambda"],
  // 1.x startSession() in a Next.js route on the tracer a getter caches with `globalThis.x ??= init()`.
  "37": ["app/api/chat/route.ts:5 honeyhive/no-session-start-in-handler"],
};

/** Shapes whose findings are wrong today (none since fix-real3r: 09, 10, 36 and 37 moved up). */
const MISSES = new Set<string>();

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
    expect(of("09")[0]!.message).toContain("Assigning `tracer.sessionId` in this Express handler switches the session of the shared tracer");
    expect(of("10")[0]!.message).toContain("The static `HoneyHiveTracer.enrichSpan()` (honeyhive 1.x, deprecated)");
    expect(of("36")[0]!.message).toContain("shuts down `tracer`, which outlives the invocation");
    expect(of("37")[0]!.message).toContain("`t.startSession()` in this Next.js route handler returns the session `t` started at init (honeyhive 1.x)");
  });
});
