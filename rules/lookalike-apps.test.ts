// The rules (`configs.all`) on application code of public LLM apps and templates, rewritten in our words
// (fixtures/lookalike-apps; each folder's README names the kind of app and where its shape came from,
// and each source file's header says what it is). The benchmark corpus is libraries; these are the
// handlers, serverless functions, eval scripts and tracing set-ups real apps have.
//
// Shapes 01–49 do not use HoneyHive at all: Next.js/AI SDK routes, Langfuse (v3 client and v4 OTel),
// LangSmith, Braintrust, Laminar, Arize Phoenix/OpenInference, @vercel/otel, plain OpenTelemetry and
// Honeycomb exporters, Sentry, Datadog LLM Observability, MCP servers, LangChain.js/LangGraph.js,
// Cloudflare Workers, Fastify, Powertools/middy Lambdas, promptfoo, OpenAI Agents, Helicone, Socket.IO
// and a home-made harness with our function names. Every one must be quiet.
// Shapes 51–60 mix such code with HoneyHive 1.x/2.x or OTel exporting to HoneyHive: exactly the
// findings listed (`file:line rule`), nothing on the other SDK's calls.
//
// Shapes the rules get wrong today are in KNOWN_DEFECTS: today's findings asserted, with the reason
// and where the fix likely goes. A fix turns that block red: move the shape up then.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeExpectedFindings, lintedShapes, shapeSources } from "./test-utils/shape-projects.js";

const { dir: SHAPES_DIR, names: SHAPES, findings, at, of } = lintedShapes("lookalike-apps");
const isMixed = (name: string): boolean => Number(name.slice(0, 2)) >= 50;

const sourcesOf = (name: string): [string, string][] => shapeSources(SHAPES_DIR, name);

/**
 * Mixed shape → the findings it must have. Mixed shapes not listed are correct and quiet: OTel to HoneyHive
 * flushed with Langfuse (55), @vercel/otel next to 2.x (60), LangSmith's and Laminar's evaluate() next to a
 * HoneyHive tracer (61, 62), OpenTelemetry's `trace` next to HoneyHive's renamed (63), Datadog's `tracer`
 * next to HoneyHive's `hh` (64), toSessionId() for Langfuse (66), flush helpers and Promise.all flushes
 * (67, 68), request data as session names and metadata (69), an instrumentor sent to Phoenix on purpose (71).
 */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // HoneyHive's legacy sessionStart() in a route; Langfuse's trace({ sessionId }) next to it is not ours.
  "51": ["app/api/answer/route.ts:11 honeyhive/no-session-start-in-handler"],
  // Sentry.flush() in finally does not flush the HoneyHive 1.x tracer.
  "52": ["src/handler.ts:9 honeyhive/require-force-flush-in-lambda"],
  // HoneyHiveTracer.init() inside the Express route; LangSmith's per-request traceable is fine.
  "53": ["src/server.ts:13 honeyhive/no-tracer-init-in-handler"],
  // evaluate() next to a module-level tracer: the trace() binding the evaluated function goes through. Its init is
  // not reported: `reverse` is also Braintrust's Eval task, which evaluate() does not run and which needs the tracer.
  "54": ["evals/compare.ts:9 honeyhive/no-global-tracer-with-evaluate"],
  // The free trace() in a file with its own tracer.
  "56": ["src/index.ts:10 honeyhive/require-explicit-tracer"],
  // The raw x-session-id header as a HoneyHive session id.
  "57": ["src/index.ts:11 honeyhive/require-valid-session-id"],
  // An instrumentor registered without HoneyHive's provider in the file that creates the tracer.
  "58": ["honeyhive.ts:8 honeyhive/tracer-provider-for-instrumentors"],
  // A middy-wrapped Lambda: HoneyHive's `hh` never flushed (Powertools' `tracer` is not taken for it).
  "65": ["src/tag.ts:11 honeyhive/require-force-flush-in-lambda"],
  // serverless.yml points fn-honeyhive's OTLP endpoint at HoneyHive (its exporter has no `url`): that Lambda is
  // reported; fn-honeycomb, in the same service with Honeycomb's endpoint, is quiet.
  "70": ["fn-honeyhive/handler.ts:10 honeyhive/require-force-flush-in-lambda"],
  // A module Worker: `fetch` flushes through ctx.waitUntil, `scheduled` does not flush.
  "72": ["src/index.ts:20 honeyhive/require-force-flush-in-lambda"],
};

/**
 * Shapes whose findings are wrong today: the findings asserted as they are, and why that is wrong
 * (each is a defect in the report for the fix helper).
 */
// None today: 14 (an exporter to localhost taken for HoneyHive's by a comment) is fixed and quiet.
const KNOWN_DEFECTS: Readonly<Record<string, { readonly today: readonly string[]; readonly reason: string }>> = {};

describe("look-alike and mixed apps", () => {
  describeExpectedFindings(SHAPES, findings, EXPECTED, new Set(Object.keys(KNOWN_DEFECTS)));

  it("the message says what is true: a Worker's scheduled handler sends no response (it can return before a flush)", () => {
    const [scheduled] = of("72").map((finding) => finding.message);
    expect(scheduled).toBe(
      "Cloudflare Workers handler `scheduled` can return without `ctx.waitUntil(hh.forceFlush())` or `await hh.forceFlush()`: spans still buffered are lost when Cloudflare Workers freezes or ends the instance once the handler has returned.",
    );
  });

  it("has the apps: ~30 without HoneyHive, ~8 mixed", () => {
    expect(SHAPES.filter((name) => !isMixed(name)).length).toBeGreaterThanOrEqual(30);
    expect(SHAPES.filter(isMixed).length).toBeGreaterThanOrEqual(8);
  });

  it("every app has a README naming its kind and source, every source file a header saying what it is", () => {
    for (const name of SHAPES) {
      expect(readFileSync(join(SHAPES_DIR, name, "README.md"), "utf8").trim().length, name).toBeGreaterThan(80);
      for (const [path, text] of sourcesOf(name)) {
        const header = text.replace(/^"use server";\n/, "").split("\n", 1)[0]!;
        expect(header, `${name}/${path}`).toMatch(isMixed(name) ? /^\/\/ Mixed app/ : /^\/\/ Look-alike app/);
      }
    }
  });

  it("no app without HoneyHive imports it or exports to it (the quiet half stays honest)", () => {
    // A package.json may list honeyhive (37: a monorepo's other service uses it); no source file loads it.
    for (const name of SHAPES.filter((shape) => !isMixed(shape))) {
      for (const [path, text] of sourcesOf(name)) {
        expect(text, `${name}/${path}`).not.toMatch(/["']honeyhive(?:\/[\w-]+)?["']|api\.honeyhive\.ai/);
      }
    }
  });
});

// An empty suite fails in vitest: the block exists while a defect is listed.
if (Object.keys(KNOWN_DEFECTS).length > 0) describe("known defects (today's findings, asserted so that a fix shows)", () => {
  for (const [prefix, { today, reason }] of Object.entries(KNOWN_DEFECTS)) {
    it(`${prefix}: ${reason}`, () => {
      expect(at(prefix)).toEqual([...today].sort());
    });
  }
});
