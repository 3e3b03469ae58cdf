// One measurement of bench/sdk-transport.mjs, in a fresh process, reported with reportResult().
//   node sdk-transport-child.mjs <sdk-entry> lambda <serverUrl> <invocations>
//   node sdk-transport-child.mjs <sdk-entry> burst <serverUrl> <spansPerSecond> <seconds>
import { setTimeout as delay } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { reportResult } from "./measure.mjs";

const [entry, scenario, serverUrl, ...rest] = process.argv.slice(2);
const { HoneyHiveTracer, trace } = await import(pathToFileURL(entry).href);
// The SDK's warnings (a failed export during the outage runs) are expected; keep stderr short.
console.warn = () => {};

if (scenario === "lambda") {
  // The README's Lambda: a tracer made lazily outside the handler, a session and a span per
  // invocation, and `await tracer.forceFlush()` before returning.
  const invocations = Number(rest[0]);
  let tracer;
  const handler = async (event) => {
    tracer ??= HoneyHiveTracer.init({ apiKey: "bench-key", project: "bench", source: "lambda", serverUrl });
    tracer.createSession({ sessionName: `invocation-${event.n}`, inputs: { event } });
    try {
      return await trace({ tracer, eventType: "tool", eventName: "process_event" }, async (input) => ({ ok: input.n }))(event);
    } finally {
      await tracer.forceFlush({ timeoutMs: 5_000 });
    }
  };
  const durations = [];
  for (let n = 0; n < invocations; n++) {
    const started = performance.now();
    await handler({ n });
    durations.push(performance.now() - started);
    await delay(20); // the time between two invocations of a warm Lambda
  }
  reportResult({ durations });
  process.exit(0);
}

if (scenario === "burst") {
  // A sustained rate, produced in 10 ms ticks, then one flush.
  const [spansPerSecond, seconds] = rest.map(Number);
  const tracer = HoneyHiveTracer.init({ apiKey: "bench-key", project: "bench", serverUrl });
  const step = trace({ tracer, eventType: "tool", eventName: "burst-step" }, (n) => n);
  const perTick = spansPerSecond / 100;
  const started = performance.now();
  let produced = 0;
  for (let tick = 0; tick < seconds * 100; tick++) {
    for (let n = 0; n < perTick; n++) step(produced++);
    // Sleep until this tick's slot ends, so the rate stays the target whatever the tick cost.
    const wait = started + (tick + 1) * 10 - performance.now();
    if (wait > 0) await delay(wait);
  }
  const producedInMs = performance.now() - started;
  const flushed = await tracer.forceFlush({ timeoutMs: 30_000 });
  reportResult({ produced, producedInMs, dropped: tracer.droppedSpans, flushed });
  await tracer.shutdown({ timeoutMs: 5_000 });
  process.exit(0);
}

throw new Error(`unknown scenario ${scenario}`);
