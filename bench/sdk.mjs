#!/usr/bin/env node
// SDK overhead: a traced no-op function with honeyhive's trace({ tracer }, fn), against the same
// function under raw OpenTelemetry startActiveSpan (same BatchSpanProcessor sizes, same OTLP/HTTP
// exporter, same closed 127.0.0.1 port: the backend is down for everyone), and against the npm SDK
// honeyhive@1.0.44 (bench/package.json alias `honeyhive-legacy`; 1.0.42 too, see RESULTS.md). Also
// createSession / withSession per request, and RSS after 10,000 and 100,000 spans.
// Each measurement is a fresh process; variants alternate across rounds; medians are reported.
//
//   node bench/sdk.mjs [--rounds 3] [--json out.json]
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { median, runNode } from "./lib/measure.mjs";
import { BENCH_DIR, prepareBuild } from "./lib/paths.mjs";

const SDK_CHILD = join(BENCH_DIR, "lib", "sdk-child.mjs");
const OFFLINE_GUARD = join(BENCH_DIR, "lib", "offline-guard.cjs");
export const VARIANTS = ["raw-otel", "honeyhive", "legacy-1.0.44", "legacy-1.0.42"];
export const SDK_TARGET_RATIO = 1.5;
/** RSS after 100,000 spans may exceed RSS after 10,000 by at most this factor to count as bounded. */
export const RSS_BOUND_FACTOR = 1.25;

/** A port on 127.0.0.1 where nothing listens: bound once by us, then released. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function measure(variant, scenario, port) {
  const run = await runNode(SDK_CHILD, [variant, scenario, String(port)], {
    nodeArgs: ["--expose-gc", "--require", OFFLINE_GUARD],
    env: { HH_API_KEY: "", HH_API_URL: "", HH_TEST_MODE: "" },
  });
  if (!run.result) throw new Error(`${variant} ${scenario}: no result\n${run.stderr.slice(-2000)}`);
  return run.result;
}

function collect(results) {
  const ok = results.filter((result) => result.ok);
  return { ok, failure: results.find((result) => !result.ok)?.error, networkAttempts: results.flatMap((result) => result.networkAttempts) };
}

export async function benchSdk({ rounds = 3, log = console.log } = {}) {
  prepareBuild({ log });
  const port = await closedPort();
  const perVariant = Object.fromEntries(VARIANTS.map((variant) => [variant, { calls: [], memory: [] }]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no variant always runs first (or last) on a busy machine.
    const order = VARIANTS.map((_, index) => VARIANTS[(index + round) % VARIANTS.length]);
    for (const variant of order) {
      const result = await measure(variant, "calls", port);
      perVariant[variant].calls.push(result);
      log(`sdk calls ${variant} round ${round + 1}/${rounds}: ${result.ok ? `${result.nsPerCall.toFixed(0)} ns/call` : `cannot run: ${result.error}`}`);
    }
  }
  const variants = {};
  for (const variant of VARIANTS) {
    const calls = collect(perVariant[variant].calls);
    const memoryRun = calls.ok.length > 0 ? await measure(variant, "memory", port) : undefined;
    if (memoryRun) log(`sdk memory ${variant}: ${memoryRun.ok ? `RSS ${memoryRun.rssAfter10k.toFixed(0)} MB after 10k spans, ${memoryRun.rssAfter100k.toFixed(0)} MB after 100k` : memoryRun.error}`);
    variants[variant] = {
      runs: calls.ok.length,
      failure: calls.failure,
      nsPerCall: calls.ok.length ? median(calls.ok.map((result) => result.nsPerCall)) : undefined,
      nsPerCallWithExport: calls.ok.length ? median(calls.ok.map((result) => result.nsPerCallWithExport)) : undefined,
      wallNsPerCall: calls.ok.length ? median(calls.ok.map((result) => result.wallNsPerCall)) : undefined,
      untracedNsPerCall: calls.ok.length ? median(calls.ok.map((result) => result.untracedNsPerCall)) : undefined,
      memory: memoryRun?.ok ? memoryRun : undefined,
      networkAttempts: [...calls.networkAttempts, ...(memoryRun?.networkAttempts ?? [])],
    };
  }
  const sessionRuns = [];
  for (let round = 0; round < rounds; round++) sessionRuns.push(await measure("honeyhive", "sessions", port));
  const sessions = collect(sessionRuns).ok;
  const medianOf = (pick) => median(sessions.map(pick));
  const sessionCosts = sessions.length
    ? {
        traceOnlyInlineNs: medianOf((run) => run.inline.traceOnly),
        addedInlineNs: {
          createSession: medianOf((run) => run.addedInline.createSession),
          createSessionSkipApi: medianOf((run) => run.addedInline.createSessionSkipApi),
          withSession: medianOf((run) => run.addedInline.withSession),
        },
        addedWallNs: {
          createSession: medianOf((run) => run.addedWall.createSession),
          createSessionSkipApi: medianOf((run) => run.addedWall.createSessionSkipApi),
          withSession: medianOf((run) => run.addedWall.withSession),
        },
      }
    : undefined;
  if (sessionCosts) {
    log(
      `sdk sessions: createSession +${sessionCosts.addedInlineNs.createSession.toFixed(0)} ns inline ` +
        `(+${sessionCosts.addedWallNs.createSession.toFixed(0)} ns with its background call), ` +
        `withSession +${sessionCosts.addedInlineNs.withSession.toFixed(0)} ns inline per request`,
    );
  }
  const ours = variants.honeyhive;
  const raw = variants["raw-otel"];
  const ratioToRaw = ours.nsPerCall / raw.nsPerCall;
  // The same ratio within each round (the variants of a round ran back to back), to show its spread.
  const roundRatiosToRaw = perVariant.honeyhive.calls.map((result, round) => result.nsPerCall / perVariant["raw-otel"].calls[round]?.nsPerCall);
  const ratioTo = (variant) => (variants[variant].nsPerCall ? ours.nsPerCall / variants[variant].nsPerCall : undefined);
  const memory = ours.memory;
  return {
    port,
    rounds,
    variants,
    sessions: sessionCosts,
    ratioToRaw,
    roundRatiosToRaw,
    ratioToLegacy1044: ratioTo("legacy-1.0.44"),
    ratioToLegacy1042: ratioTo("legacy-1.0.42"),
    rawTargetMet: ratioToRaw <= SDK_TARGET_RATIO,
    // undefined when 1.0.44 cannot run at all (see variants["legacy-1.0.44"].failure).
    legacyTargetMet: ratioTo("legacy-1.0.44") === undefined ? undefined : ratioTo("legacy-1.0.44") < 1,
    memoryBounded: memory ? memory.rssAfter100k <= memory.rssAfter10k * RSS_BOUND_FACTOR : undefined,
    offline: VARIANTS.every((variant) => variants[variant].networkAttempts.length === 0),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" }, json: { type: "string" } } });
  const result = await benchSdk({ rounds: Number(values.rounds) });
  for (const [variant, figures] of Object.entries(result.variants)) {
    console.log(`${variant}: ${figures.nsPerCall ? `${figures.nsPerCall.toFixed(0)} ns/call` : `cannot run (${figures.failure})`}`);
  }
  console.log(`honeyhive / raw OpenTelemetry: ${result.ratioToRaw.toFixed(2)}× (target ≤ ${SDK_TARGET_RATIO}: ${result.rawTargetMet ? "met" : "MISSED"})`);
  console.log(`honeyhive / honeyhive@1.0.44: ${result.ratioToLegacy1044?.toFixed(2) ?? "not measurable"}; / honeyhive@1.0.42: ${result.ratioToLegacy1042?.toFixed(2) ?? "n/a"}`);
  console.log(`memory bounded: ${result.memoryBounded}; no connection left 127.0.0.1: ${result.offline}`);
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + "\n");
}
