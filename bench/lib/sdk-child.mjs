// One SDK measurement in a fresh process (run with --require bench/lib/offline-guard.cjs):
//   node bench/lib/sdk-child.mjs <variant> <scenario> <closedPort>
// variants: raw-otel | honeyhive | legacy-1.0.44 | legacy-1.0.42
// scenarios: calls (ns per traced call) | sessions (createSession / withSession per request) |
//            memory (RSS after 10,000 and 100,000 spans)
// Every variant exports with a BatchSpanProcessor through OTLP/HTTP to 127.0.0.1:<closedPort>, where
// nothing listens: the backend is down, identically for all.
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { median, reportResult } from "./measure.mjs";
import { BENCH_DIR, DIST_DIR, ROOT_DIR } from "./paths.mjs";

const [variant, scenario, closedPortArgument] = process.argv.slice(2);
const SERVER_URL = `http://127.0.0.1:${closedPortArgument}`;
// The package's own OpenTelemetry (2.x), not the 1.x copies the npm SDK's dependencies put in bench/.
const requireFromRoot = createRequire(join(ROOT_DIR, "package.json"));
const requireFromBench = createRequire(join(BENCH_DIR, "package.json"));
const importFromRoot = (specifier) => import(pathToFileURL(requireFromRoot.resolve(specifier)).href);

// The traced function: does nothing, so the figure is the tracing alone.
function noop() {
  return undefined;
}

/** Same queue and batch sizes as the honeyhive SDK's defaults (maxQueueSize 2048, batches of 512). */
const BATCH_OPTIONS = { maxQueueSize: 2048, maxExportBatchSize: 512 };

/** Each variant: { traced, createSession?, withSession?, flushSafely } */
async function setUpVariant() {
  switch (variant) {
    case "raw-otel": {
      const { context, trace } = await importFromRoot("@opentelemetry/api");
      const { AsyncLocalStorageContextManager } = await importFromRoot("@opentelemetry/context-async-hooks");
      const { BasicTracerProvider, BatchSpanProcessor } = await importFromRoot("@opentelemetry/sdk-trace-base");
      const { OTLPTraceExporter } = await importFromRoot("@opentelemetry/exporter-trace-otlp-http");
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      const exporter = new OTLPTraceExporter({ url: `${SERVER_URL}/opentelemetry/v1/traces`, timeoutMillis: 10_000 });
      const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter, BATCH_OPTIONS)] });
      const tracer = provider.getTracer("bench");
      void trace;
      const traced = () =>
        tracer.startActiveSpan("noop", (span) => {
          try {
            return noop();
          } finally {
            span.end();
          }
        });
      return { traced };
    }
    case "honeyhive": {
      const { HoneyHiveTracer, trace } = await import(pathToFileURL(join(DIST_DIR, "sdk", "index.js")).href);
      const tracer = HoneyHiveTracer.init({ apiKey: "bench-dummy-key", project: "bench", serverUrl: SERVER_URL, sessionName: "bench" });
      const traced = trace({ tracer, eventType: "tool", eventName: "noop" }, noop);
      return {
        traced,
        createSession: () => tracer.createSession({ sessionName: "request" }),
        createSessionSkipApi: () => tracer.createSession({ sessionName: "request", skipApiCall: true, sessionId: "6f9619ff-8b86-4d01-b42d-00cf4fc964ff" }),
        withSession: (fn) => tracer.withSession("request", fn),
      };
    }
    case "legacy-1.0.44":
    case "legacy-1.0.42": {
      process.env.HONEYHIVE_TELEMETRY = "false";
      process.env.TRACELOOP_TELEMETRY = "false";
      const alias = variant === "legacy-1.0.44" ? "honeyhive-legacy" : "honeyhive-legacy-1042";
      const { HoneyHiveTracer } = requireFromBench(alias);
      // init() is async in the npm SDK: it asks the backend for a session (down: it falls back to a
      // random id) and initializes Traceloop's OpenTelemetry SDK with a BatchSpanProcessor.
      const tracer = await HoneyHiveTracer.init({ apiKey: "bench-dummy-key", project: "bench", serverUrl: SERVER_URL, sessionName: "bench" });
      if (!tracer.sessionId) throw new Error(`${variant}: HoneyHiveTracer.init() failed`);
      const traced = tracer.traceFunction({ eventType: "tool", eventName: "noop" })(noop);
      if (traced === noop) throw new Error(`${variant}: traceFunction returned the function untraced`);
      return { traced };
    }
    default:
      throw new Error(`unknown variant "${variant}"`);
  }
}

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Calls `fn` `calls` times in chunks of `chunk`, yielding to the event loop between chunks (as an
 * application does between requests, so the batch processor gets to export). Returns the CPU and
 * wall time spent inside the chunks (what the caller's latency sees) and the CPU and wall time
 * including the event-loop turns (where export work runs). CPU time is the figure: the machine is
 * shared, and wall time would measure the neighbours.
 */
async function timeCalls(fn, calls, chunk = 100) {
  let inlineMs = 0;
  let inlineCpuUs = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let done = 0; done < calls; done += chunk) {
    const chunkCpu = process.cpuUsage();
    const chunkStarted = performance.now();
    for (let index = 0; index < chunk; index++) fn();
    inlineMs += performance.now() - chunkStarted;
    const spent = process.cpuUsage(chunkCpu);
    inlineCpuUs += spent.user + spent.system;
    await yieldToEventLoop();
  }
  const total = process.cpuUsage(cpuStarted);
  return { inlineMs, inlineCpuMs: inlineCpuUs / 1000, wallMs: performance.now() - started, totalCpuMs: (total.user + total.system) / 1000 };
}

async function scenarioCalls(setup) {
  const calls = 20_000;
  await timeCalls(setup.traced, calls); // warm-up: JIT, first exports
  const rounds = { cpu: [], cpuWithExport: [], wall: [] };
  for (let round = 0; round < 7; round++) {
    const { inlineCpuMs, totalCpuMs, inlineMs } = await timeCalls(setup.traced, calls);
    rounds.cpu.push((inlineCpuMs * 1e6) / calls);
    rounds.cpuWithExport.push((totalCpuMs * 1e6) / calls);
    rounds.wall.push((inlineMs * 1e6) / calls);
  }
  const bare = [];
  for (let round = 0; round < 7; round++) bare.push(((await timeCalls(noop, calls)).inlineCpuMs * 1e6) / calls);
  return {
    nsPerCall: median(rounds.cpu),
    nsPerCallWithExport: median(rounds.cpuWithExport),
    wallNsPerCall: median(rounds.wall),
    untracedNsPerCall: median(bare),
    rounds: rounds.cpu,
  };
}

/**
 * A request: its own async context (setImmediate), an optional session call, one traced call.
 * Returns the CPU time spent inside the request's synchronous code (what its latency sees), in µs.
 */
function request(setup, shape) {
  return new Promise((resolve) =>
    setImmediate(() => {
      const started = process.cpuUsage();
      shape(() => setup.traced());
      const spent = process.cpuUsage(started);
      resolve(spent.user + spent.system);
    }),
  );
}

/** CPU ns per request: inline (inside the request) and total (including the event-loop work it caused). */
async function timeRequests(setup, requests, shape) {
  let inlineUs = 0;
  const started = process.cpuUsage();
  for (let index = 0; index < requests; index++) inlineUs += await request(setup, shape);
  const total = process.cpuUsage(started);
  return { inline: (inlineUs * 1000) / requests, wall: ((total.user + total.system) * 1000) / requests };
}

async function scenarioSessions(setup) {
  if (!setup.createSession) return { unsupported: true };
  const requests = 3_000;
  const shapes = {
    traceOnly: (fn) => fn(),
    createSession: (fn) => {
      setup.createSession();
      fn();
    },
    createSessionSkipApi: (fn) => {
      setup.createSessionSkipApi();
      fn();
    },
    withSession: (fn) => setup.withSession(() => fn()),
  };
  for (const shape of Object.values(shapes)) await timeRequests(setup, 500, shape); // warm-up
  const results = Object.fromEntries(Object.keys(shapes).map((name) => [name, { inline: [], wall: [] }]));
  for (let round = 0; round < 5; round++) {
    for (const [name, shape] of Object.entries(shapes)) {
      const { inline, wall } = await timeRequests(setup, requests, shape);
      results[name].inline.push(inline);
      results[name].wall.push(wall);
    }
  }
  const inline = Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values.inline)]));
  const wall = Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values.wall)]));
  // What the session call adds to a request that traces one call anyway.
  const added = (figures) => ({
    createSession: figures.createSession - figures.traceOnly,
    createSessionSkipApi: figures.createSessionSkipApi - figures.traceOnly,
    withSession: figures.withSession - figures.traceOnly,
  });
  return { inline, wall, addedInline: added(inline), addedWall: added(wall) };
}

function rssMb() {
  globalThis.gc?.();
  return process.memoryUsage().rss / (1024 * 1024);
}

async function scenarioMemory(setup) {
  const rssAtStart = rssMb();
  await timeCalls(setup.traced, 10_000);
  await yieldToEventLoop();
  const rssAfter10k = rssMb();
  await timeCalls(setup.traced, 90_000);
  await yieldToEventLoop();
  const rssAfter100k = rssMb();
  return { rssAtStart, rssAfter10k, rssAfter100k, growthMb: rssAfter100k - rssAfter10k };
}

try {
  const setup = await setUpVariant();
  const run = { calls: scenarioCalls, sessions: scenarioSessions, memory: scenarioMemory }[scenario];
  if (!run) throw new Error(`unknown scenario "${scenario}"`);
  const result = await run(setup);
  reportResult({ variant, scenario, ok: true, ...result, networkAttempts: globalThis.__benchNetworkAttempts ?? [] });
} catch (error) {
  reportResult({ variant, scenario, ok: false, error: String(error?.message ?? error).split("\n")[0], networkAttempts: globalThis.__benchNetworkAttempts ?? [] });
}
// Exporters retrying against the closed port would keep the process alive; the figures are taken.
process.exit(0);
