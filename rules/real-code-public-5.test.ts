// The rules (`configs.all`) on a fifth set of shapes of public code (fixtures/real-code-public-5; each
// folder's README names the kind of project it comes from; the public files read are listed in
// codemods/real-code-public-5.test.ts). Every shape is linted as its own project. Asserted: exactly these
// findings (`file:line rule`) per shape. Eight of the thirteen import no HoneyHive package at all; five of
// those are look-alikes (another backend, names of their own) that every rule must leave alone.
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes } from "./test-utils/shape-projects.js";

const { names: SHAPES, findings, of } = lintedShapes("real-code-public-5");

/** Shape → the findings it must have (`file:line rule`); the shapes not listed here are quiet. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // A Convex Node action builds and starts a NodeSDK exporting to HoneyHive on every call of its handler.
  "05": ["convex/summarize.ts:13 honeyhive/no-tracer-init-in-handler"],
  // Quiet: 01 (a script: one provider at import, flushed and shut down; sessions per datapoint through the
  // REST client), 02 (`@honeyhive/logger` is not this SDK: its `sessionId` never reaches a call that throws),
  // 03 and 04 (1.x scripts: init in main() or at top level), 06 (a script: a NodeSDK at import, shut down at
  // the end), 07 (05's shape exporting to PostHog), 08 (Cloud Functions with OpenTelemetry to Cloud Trace:
  // `getTracer()` per call makes no pipeline, and the missing flush is another backend's), 09 (a Mastra
  // container built once; an agent per request is no tracer), 10 (a home-made `tracer` and a raw session
  // header that reaches no SDK), 11 (a Cloudflare Worker whose OpenTelemetry to HoneyHive is
  // @microlabs/otel-cf-workers' `instrument(handler, config)`: the library owns the provider and exports each
  // request's trace through `ctx.waitUntil`, nothing for the handler to flush), 12 (a 1.x script of REST calls), 13 (a route whose other vendor's key
  // is named `HH_API_KEY`).
};

/** Shapes whose findings are wrong today. */
// 05 was one until this branch's Convex descriptors (analysis/knowledge/frameworks/convex.ts): a Convex
// function was no handler any descriptor knew, so the per-call NodeSDK went unreported.
const MISSES = new Set<string>();

describe("shapes the rules get right", () => {
  describeExpectedFindings(SHAPES, findings, EXPECTED, MISSES);
  it("has the shapes", () => expect(SHAPES.length).toBeGreaterThanOrEqual(13));

  it("names the Convex function and what it builds per call", () => {
    expect(of("05")[0]!.message).toContain("`new NodeSDK().start()` runs on every invocation of this Convex handler: lazy-init the tracer outside the handler");
  });
});
