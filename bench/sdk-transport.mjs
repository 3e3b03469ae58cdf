#!/usr/bin/env node
// The SDK's transport under load and outage (issue 12 items 3 and 8) and its import cost (issue 11):
// 1. Lambda-style handler (createSession + a span + `await forceFlush()`), per-invocation time with a
//    healthy local backend, one that refuses connections, and one that accepts and never answers.
// 2. Burst: 10,000 spans/s for 10 s to a healthy local backend: spans dropped (target 0), and a
//    100,000-span burst in one go to show that real overload is counted.
// 3. Cold `import("honeyhive")` (ESM) and `require("honeyhive")` (CJS) over bare `node`, median of
//    several fresh processes (target: at most +60 ms).
// Every measurement runs the committed HEAD (bench/lib/paths.mjs) in fresh processes. The figures go
// into their own section of bench/RESULTS.md, between markers, with the commit they were taken on.
//
//   node bench/sdk-transport.mjs [--runs 15] [--no-write] [--entry dist/esm/sdk/index.js] [--compare label=dist/esm/sdk/index.js]
// --entry measures a build other than the committed HEAD's (e.g. the work tree's dist), without writing.
// --compare adds another build's import cost to the same alternating runs (e.g. the commit before).
import { execFileSync } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatMs, median, runNode } from "./lib/measure.mjs";
import { writeMarkedSection } from "./lib/marked-sections.mjs";
import { BENCH_DIR, SNAPSHOT_DIR, prepareBuild } from "./lib/paths.mjs";

const CHILD = join(BENCH_DIR, "lib", "sdk-transport-child.mjs");
const RESULTS = join(BENCH_DIR, "RESULTS.md");

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    "no-write": { type: "boolean", default: false },
    entry: { type: "string" },
    compare: { type: "string", multiple: true, default: [] },
    only: { type: "string", default: "import,lambda,burst" },
  },
});
const runs = Number(values.runs);

/** A backend that answers every request at once with 200 and counts the spans it receives. */
async function healthyBackend() {
  let spans = 0;
  const server = createHttpServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url?.startsWith("/opentelemetry")) {
        // Counting span ids is enough: the exporter's JSON has one per span.
        spans += (Buffer.concat(chunks).toString("utf8").match(/"spanId"/g) ?? []).length;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(request.url === "/session/start" ? '{"session_id":"s"}' : "{}");
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, spans: () => spans, close: () => server.close() };
}

/** A backend that accepts connections and never answers. */
async function hungBackend() {
  const sockets = new Set();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

async function refusingUrl() {
  const server = createTcpServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function lambdaCost(entry) {
  const rows = [];
  const healthy = await healthyBackend();
  const hung = await hungBackend();
  const modes = [
    ["healthy", healthy.url],
    ["refuses connections", await refusingUrl()],
    ["accepts, never answers", hung.url],
  ];
  try {
    for (const [mode, url] of modes) {
      const { result } = await runNode(CHILD, [entry, "lambda", url, "50"]);
      const [first, ...warm] = result.durations;
      rows.push({ mode, first, median: median(warm), p95: percentile(warm, 0.95), max: Math.max(...warm) });
      console.log(`lambda ${mode}: first ${formatMs(first)}, warm median ${formatMs(median(warm))}`);
    }
  } finally {
    healthy.close();
    hung.close();
  }
  return rows;
}

async function burst(entry) {
  const rows = [];
  for (const [label, rate, seconds] of [
    ["10,000 spans/s for 10 s", 10_000, 10],
    ["100,000 spans in 1 s (overload)", 100_000, 1],
  ]) {
    const backend = await healthyBackend();
    try {
      const { result } = await runNode(CHILD, [entry, "burst", backend.url, String(rate), String(seconds)]);
      rows.push({ label, ...result, received: backend.spans() });
      console.log(`burst ${label}: produced ${result.produced} in ${formatMs(result.producedInMs)}, dropped ${result.dropped}, received ${backend.spans()}`);
    } finally {
      backend.close();
    }
  }
  return rows;
}

/** Prints the process's CPU time (user + system, ms) when it ends: less sensitive to a busy machine than wall time. */
const PRINT_CPU = `process.on("exit", () => { const cpu = process.cpuUsage(); process.stdout.write(String((cpu.user + cpu.system) / 1000)); });`;

function importCost(entries) {
  const cases = [["bare node", ["-e", PRINT_CPU]]];
  for (const [label, esmEntry] of entries) {
    const cjsEntry = esmEntry.replace(/([\\/])esm([\\/])/, "$1cjs$2");
    cases.push([`${label} ESM import`, ["--input-type=module", "-e", `${PRINT_CPU} await import(${JSON.stringify(esmEntry)});`]]);
    cases.push([`${label} CJS require`, ["-e", `${PRINT_CPU} require(${JSON.stringify(cjsEntry)});`]]);
  }
  const wall = Object.fromEntries(cases.map(([name]) => [name, []]));
  const cpu = Object.fromEntries(cases.map(([name]) => [name, []]));
  // Alternating, so that the machine's load hits every case alike.
  for (let round = 0; round < runs; round++) {
    for (const [name, args] of cases) {
      const started = performance.now();
      const printed = execFileSync(process.execPath, args, { encoding: "utf8" });
      wall[name].push(performance.now() - started);
      cpu[name].push(Number(printed));
    }
  }
  const bareWall = median(wall["bare node"]);
  const bareCpu = median(cpu["bare node"]);
  const rows = cases.map(([name]) => ({
    name,
    wall: median(wall[name]),
    wallOver: median(wall[name]) - bareWall,
    cpu: median(cpu[name]),
    cpuOver: median(cpu[name]) - bareCpu,
  }));
  for (const row of rows) console.log(`import ${row.name}: wall ${formatMs(row.wall)} (+${row.wallOver.toFixed(0)}), cpu ${formatMs(row.cpu)} (+${row.cpuOver.toFixed(0)})`);
  return rows;
}

function render({ commit, lambda, bursts, imports, started, loadStart }) {
  const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  return [
    "## SDK transport: outage cost, burst, import cost",
    "",
    `Written by \`npm run bench:sdk-transport\` (bench/sdk-transport.mjs) on ${started.toISOString()}, at commit`,
    `${commit.slice(0, 12)} (the committed HEAD, built in bench/.cache/package-snapshot). Machine: ${cpus().length} cores,`,
    `load average at start ${loadStart.map((load) => load.toFixed(2)).join(" / ")}, at end ${loadavg().map((load) => load.toFixed(2)).join(" / ")} (shared machine). Node ${process.version}.`,
    "",
    "### Lambda-style handler per invocation (createSession + span + `await forceFlush({ timeoutMs: 5000 })`)",
    "",
    "50 invocations in one process, 20 ms apart; the first one includes the tracer's init and the first export.",
    "Before the transport work (issue 12): 5.0 s per invocation while the backend refused connections.",
    "",
    "| backend | first invocation | warm median | warm p95 | warm max |",
    "|---|---|---|---|---|",
    ...lambda.map((row) => `| ${row.mode} | ${ms(row.first)} | ${ms(row.median)} | ${ms(row.p95)} | ${ms(row.max)} |`),
    "",
    "### Burst to a healthy local backend (default options)",
    "",
    "| load | produced | in | dropped | received by the backend | forceFlush() |",
    "|---|---|---|---|---|---|",
    ...bursts.map(
      (row) => `| ${row.label} | ${row.produced} | ${formatMs(row.producedInMs)} | **${row.dropped}** | ${row.received} | ${row.flushed} |`,
    ),
    "",
    "Drops under real overload are counted (`tracer.droppedSpans`), make `forceFlush()` false, and are logged once.",
    "",
    `### Cold import, median of ${runs} fresh processes (target: at most +60 ms over bare node)`,
    "",
    "Wall time of the whole process, and its CPU time (user + system), which a busy shared machine",
    "inflates much less; \"over bare node\" is what the import adds.",
    "",
    "| | wall, median | over bare node | CPU, median | over bare node |",
    "|---|---|---|---|---|",
    ...imports.map(
      (row) =>
        `| ${row.name} | ${ms(row.wall)} | ${row.name === "bare node" ? "" : `+${row.wallOver.toFixed(0)} ms`} | ${ms(row.cpu)} | ${row.name === "bare node" ? "" : `+${row.cpuOver.toFixed(0)} ms`} |`,
    ),
    "",
    "Before (issue 11, quiet machine): +104 ms ESM, +90 ms CJS. The OTLP exporter, its serializer and",
    "node:http(s) are now loaded by the first export, and the OpenTelemetry SDK packages a tracer runs on",
    "(core, resources, sdk-trace-base, context-async-hooks, semantic-conventions) by the first",
    "`HoneyHiveTracer.init()`; the import loads only @opentelemetry/api, with require() in both builds.",
    "sdk/import-cost.test.ts checks the module cache, never a time.",
  ].join("\n");
}

const started = new Date();
const loadStart = loadavg();
const commit = values.entry ? "work tree" : prepareBuild();
const esmEntry = values.entry ?? join(SNAPSHOT_DIR, "dist", "esm", "sdk", "index.js");
const only = new Set(values.only.split(","));
const compared = values.compare.map((spec) => spec.split("=", 2));
const imports = only.has("import") ? importCost([[commit.slice(0, 12), esmEntry], ...compared]) : [];
const lambda = only.has("lambda") ? await lambdaCost(esmEntry) : [];
const bursts = only.has("burst") ? await burst(esmEntry) : [];
const section = render({ commit, lambda, bursts, imports, started, loadStart });
if (!values["no-write"] && !values.entry && only.size === 3) {
  writeMarkedSection(RESULTS, "sdk-transport", section);
  console.log(`wrote the sdk-transport section of ${RESULTS}`);
} else {
  console.log(section);
}
