// Job runners and message subscribers beside the queues of queues.ts: each callback runs once per job,
// message or tick. A job's payload is the application's own message (no `requestInputs`).
import type { FrameworkDescriptor } from "../types.js";

/**
 * pg-boss (docs/api/workers.md: `work(name, [options,] handler)`, the handler gets an array of jobs,
 * `batchSize` of them; checked with the search tool 2026-12-06): `new PgBoss(url)`'s `work` handler runs
 * once per fetched batch, several at once with `localConcurrency`.
 */
export const pgBoss = {
  id: "pg-boss",
  name: "pg-boss job",
  unit: "job",
  modules: ["pg-boss"],
  objects: {
    boss: {
      createdBy: [{ value: { package: "pg-boss", name: ["", "PgBoss"] }, new: true }],
      types: [{ package: "pg-boss", name: ["", "PgBoss"] }],
      methods: { work: {} },
    },
  },
} as const satisfies FrameworkDescriptor;

/**
 * Graphile Worker (worker.graphile.org/docs/tasks: a task executor `(payload, helpers) => …`, typed `Task`,
 * in the `taskList` of `run({ taskList })` / `runOnce`; checked with the search tool 2026-12-06): each runs
 * once per job, up to `concurrency` at once.
 */
export const graphileWorker = {
  id: "graphile-worker",
  name: "Graphile Worker task",
  unit: "job",
  modules: ["graphile-worker"],
  calls: [{ callee: { package: "graphile-worker", name: ["run", "runOnce"] }, arguments: [], resolverMaps: ["taskList"] }],
  handlerTypes: [{ package: "graphile-worker", name: "Task" }],
} as const satisfies FrameworkDescriptor;

/**
 * Agenda 5 (lib/agenda/define.ts: `define(name, options | processor, processor?)`, `DefineOptions.concurrency`;
 * checked with the search tool on unpkg 5.0.0, 2026-12-06): a job definition's processor runs once per job.
 */
export const agenda = {
  id: "agenda",
  name: "Agenda job",
  unit: "job",
  modules: ["agenda", "@hokify/agenda"],
  objects: {
    agenda: {
      createdBy: [{ value: { package: ["agenda", "@hokify/agenda"], name: ["", "Agenda"] }, new: true }],
      types: [{ package: ["agenda", "@hokify/agenda"], name: "Agenda" }],
      methods: { define: {} },
    },
  },
} as const satisfies FrameworkDescriptor;

/**
 * node-cron 4 (nodecron.com api-reference: `schedule(expression, func, options?)`, `createTask(…)`;
 * scheduling-options: `noOverlap` "prevents overlapping runs … Defaults to false"; checked with the search
 * tool 2026-12-06): the function runs once per tick. A tick is a unit of work, as a request or an
 * invocation is for the seeds (a session per unit, `createSession()`), and by default the next tick starts
 * while a slow one (an LLM call past the interval) still runs, so a `sessionStart()` on a shared tracer
 * there races the other tick's: reported, unless the schedule sets `noOverlap: true` (`serialWhen`).
 */
export const nodeCron = {
  id: "node-cron",
  name: "node-cron task",
  unit: "tick",
  modules: ["node-cron"],
  serialWhen: { argument: 2, key: "noOverlap" },
  calls: [{ callee: { package: "node-cron", name: ["schedule", "createTask"] }, arguments: [1] }],
} as const satisfies FrameworkDescriptor;

/**
 * NATS (nats.js 2: `const nc = await connect(opts)`, `nc.subscribe(subject, { queue, callback(err, msg) })`;
 * `msg.respond(data)` answers a request; checked with the search tool in nats.deno core.ts 2026-12-06): the
 * callback runs once per message. The async-iterator form (`for await (const msg of sub)`: nats.js'
 * `Subscription` is an `AsyncIterable<Msg>`, nats-io.github.io/nats.js core/interfaces/Subscription.html,
 * checked with the search tool 2026-12-06) is a loop the engine does not read as a callback. It generalizes
 * (an "iterated subscription": a method whose result, iterated with `for await`, yields one message per
 * iteration), but needs a registration shape in analysis/handlers.ts whose handler is a loop body, not a
 * function (`Handler.function` is a function everywhere the rules read it). gaps-rules-7 left it: such a loop
 * handles one message at a time when its body awaits (no concurrent sessions to race, unlike the callback), a
 * tracer made per iteration is already the per-item loop case of no-tracer-init-in-handler, so what the shape
 * would add is mostly `msg.data` as client input for require-valid-session-id.
 */
export const nats = {
  id: "nats",
  name: "NATS message",
  unit: "message",
  modules: ["nats", "@nats-io/transport-node", "@nats-io/nats-core"],
  objects: {
    connection: {
      createdBy: [{ value: { package: ["nats", "@nats-io/transport-node", "@nats-io/nats-core"], name: "connect" }, new: false }],
      types: [{ package: ["nats", "@nats-io/nats-core", "@nats-io/transport-node"], name: "NatsConnection" }],
      methods: { subscribe: { arguments: [], options: ["callback"] } },
    },
  },
} as const satisfies FrameworkDescriptor;

const WORKER_THREADS = ["worker_threads", "node:worker_threads"];

/**
 * A worker thread's message loop (nodejs.org/api/worker_threads.html, `parentPort.on("message", value => …)`:
 * "The 'message' event is emitted for any incoming message"; checked 2026-12-07): the callback runs once per
 * task the main thread posts, and an async one interleaves tasks at each `await`, on the thread's one tracer.
 * Only `message` (and `once`'s single message is no loop): `close`/`messageerror` are not tasks. A message is
 * the application's own (posted by its main thread): no `requestInputs`.
 */
export const workerThreads = {
  id: "worker-threads",
  name: "worker thread message",
  unit: "message",
  modules: WORKER_THREADS,
  objects: {
    port: {
      isValue: [{ package: WORKER_THREADS, name: "parentPort" }],
      methods: {
        on: { arguments: [1], when: { argument: 0, oneOf: ["message"] } },
        addListener: { arguments: [1], when: { argument: 0, oneOf: ["message"] } },
      },
    },
  },
} as const satisfies FrameworkDescriptor;
