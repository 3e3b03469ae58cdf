// The SDK judged as its users meet it. Every program below was written from the README, docs/sdk.md,
// the two placement guides (the seeds) and the published declarations in dist/ alone, before reading
// the SDK's sources: it is what an application developer would write after reading the docs. Each
// runs as its own Node.js process against the BUILT package (a scratch project whose
// node_modules/honeyhive links to this repository, test-utils/consumer-project.ts) and a local stand-in
// backend on 127.0.0.1 (test-utils/fake-backend.ts), and each case asserts what a user could observe:
// what the backend received, the exit code, how long a flush or the exit took, what was printed.
//
// The programs avoid template literals so they can be written here as template strings; values they
// need come from the environment (HH_API_KEY, HH_API_URL) or from the program's own constants.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BACKEND_FAULTS, backendWith, type BackendFaultCase } from "./test-utils/backend-faults.js";
import { expectExitedInTime, expectKeptDeadline, TIME_AGAINST_DEADLINE_SOURCE, WORK_ENDED_SOURCE, type DeadlineTiming } from "./test-utils/deadline.js";
import {
  createConsumerProject,
  repositoryRoot,
  runCommand,
  strictConsumerOptions,
  typeCheck,
  type ConsumerProject,
} from "./test-utils/consumer-project.js";
import { FakeHoneyHiveBackend, type DecodedSpan } from "./test-utils/fake-backend.js";
import { HELD_RESOURCES_SOURCE } from "./test-utils/held-resources.js";
import { processSlots } from "./test-utils/process-slots.js";
import { programHosts } from "./test-utils/program-host.js";

// A key with characters that change when URL-encoded ("+", "/", "="), so both spellings are looked for.
const API_KEY = "hh+blind/USER-key=7f3a9c2e51d4";
const SECRET_SPELLINGS = [API_KEY, encodeURIComponent(API_KEY)];

let project: ConsumerProject;
let hosts: ReturnType<typeof programHosts>;

beforeAll(() => {
  // @opentelemetry: the programs install a diagnostic logger and a stand-in instrumentation, as apps do.
  project = createConsumerProject("blind-users", { linkedDependencies: ["@types", "@opentelemetry", "express", "fastify"] });
  hosts = programHosts(project.directory, userEnvironment({}));
});

afterAll(() => {
  hosts?.close();
  project?.remove();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The program's `RESULT <json>` line, parsed. */
  result: Record<string, unknown>;
}

/** The environment of a user's shell, without HoneyHive variables this machine might have set. */
function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("HH_") && !name.startsWith("OTEL_")) environment[name] = value;
  return { ...environment, HH_API_KEY: API_KEY, ...extra };
}

// Every program logs OpenTelemetry's diagnostics (all levels) to stderr, so the key checks see them too.
const ESM_PRELUDE = `import { diag as __diag, DiagLogLevel as __Level } from "@opentelemetry/api";
const __log = (...args) => console.error("DIAG", ...args);
__diag.setLogger({ error: __log, warn: __log, info: __log, debug: __log, verbose: __log }, __Level.ALL);
const report = (value) => console.log("RESULT " + JSON.stringify(value));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
`;
const CJS_PRELUDE = `const { diag: __diag, DiagLogLevel: __Level } = require("@opentelemetry/api");
const __log = (...args) => console.error("DIAG", ...args);
__diag.setLogger({ error: __log, warn: __log, info: __log, debug: __log, verbose: __log }, __Level.ALL);
const report = (value) => console.log("RESULT " + JSON.stringify(value));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
`;

/** At most six programs at once (the concurrent blocks below, and the cases that start several). */
const slot = processSlots(6);
// A case's time includes its wait for a slot: the cases of a concurrent block start at once and most wait
// for the ones before them. On a loaded 2-core machine that queue took longer than the default 30 s, and
// cases timed out before their program had started. What a case proves about time is measured inside its
// program (test-utils/deadline.ts), not by this timeout.
vi.setConfig({ testTimeout: 240_000 });

/** Writes `source` (with the prelude of its module system) and runs it to its end with `node`. */
async function runProgram(fileName: string, source: string, env: Record<string, string> = {}, timeout = 40_000): Promise<Run> {
  writeProgram(fileName, source);
  return asRun(fileName, await slot(() => runCommand(process.execPath, [fileName], { cwd: project.directory, env: userEnvironment(env), timeout })));
}

/** Writes `source` with the prelude of its module system; returns its path. */
function writeProgram(fileName: string, source: string): string {
  const path = join(project.directory, fileName);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, (fileName.endsWith(".cjs") ? CJS_PRELUDE : ESM_PRELUDE) + source);
  return path;
}

function asRun(fileName: string, { code, stdout, stderr }: { code: number; stdout: string; stderr: string }): Run {
  if (process.env.BLIND_DEBUG) console.log(`--- ${fileName} (${code})\n${stdout}\n${stderr}`);
  const line = stdout.split("\n").find((candidate) => candidate.startsWith("RESULT "));
  return { code, stdout, stderr, result: line ? (JSON.parse(line.slice("RESULT ".length)) as Record<string, unknown>) : {} };
}

/**
 * runProgram for a program whose subject is not its process: it runs in one of two host processes
 * (test-utils/program-host.ts), one program after another, with what a fresh process would have put back
 * between them (its environment, no default tracer, no warned-once memory, its tracers shut down after it
 * as the exit flush would). Loading the package is most of a program's cost (~0.3 s CPU a process). The
 * programs whose subject is the process (its exit or what holds it, `process.exit`, the script's file
 * name, how `import`/`require` load the package, once-per-process memory across copies, the connection
 * pool's sockets) keep runProgram.
 */
async function runHosted(fileName: string, source: string, env: Record<string, string> = {}, timeout = 40_000): Promise<Run> {
  return asRun(`${fileName} (hosted)`, await hosts.run(writeProgram(fileName, source), userEnvironment(env), timeout));
}

/** The run went as a user expects: exit code 0, its result printed, no secret anywhere in its output. */
function expectCleanRun(run: Run): void {
  expect(run.code, `exit code; stderr:\n${run.stderr}`).toBe(0);
  expect(Object.keys(run.result).length, `no RESULT line; stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBeGreaterThan(0);
  for (const secret of SECRET_SPELLINGS) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

/** Python's `uuid.uuid5(uuid.NAMESPACE_DNS, name)`, written from RFC 4122 §4.3 (not the SDK's code). */
function pythonUuid5(name: string): string {
  const namespace = Buffer.from("6ba7b8109dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(Buffer.concat([namespace, Buffer.from(name, "utf8")])).digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

function spansNamed(backend: FakeHoneyHiveBackend, name: string): DecodedSpan[] {
  return backend.spans().filter((span) => span.name === name);
}

function sessionOf(span: DecodedSpan): unknown {
  return span.attributes["honeyhive.session_id"];
}

/** Runs `body` with a fresh stand-in backend, closed afterwards. */
async function withBackend<T>(body: (backend: FakeHoneyHiveBackend) => Promise<T>, options: Parameters<typeof FakeHoneyHiveBackend.start>[0] = {}): Promise<T> {
  const backend = await FakeHoneyHiveBackend.start(options);
  try {
    return await body(backend);
  } finally {
    await backend.close();
  }
}

it("computes Python's uuid5 the way Python's documentation shows it", () => {
  // docs.python.org, uuid module examples: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
  expect(pythonUuid5("python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
});

// The programs of a describe.concurrent block share nothing (a stand-in backend and files of their own),
// and most of a program's time is spent waiting (a deadline, a batch, the exit flush): they run side
// by side. The TypeScript block stays sequential (the compiler is busy, not waiting), and so do the
// blocks whose programs spawn several processes each.
describe.concurrent("module systems: what `import` and `require` give a user", () => {
  const documentedRoot = ["HoneyHiveTracer", "trace", "enrichSpan", "enrichSession", "toSessionId", "isSessionId", "setDefaultTracer", "InvalidSessionIdError"];
  const documentedExperiments = ["evaluate", "EvaluateOptionsError", "ExperimentApiError"];

  it("gives the documented names to ES modules and CommonJS alike, and both work", async () => {
    const body = `
const tracer = root.HoneyHiveTracer.init({ project: "modules", testMode: true });
const double = root.trace({ tracer, eventName: "double" }, (n) => n * 2);
const kinds = {};
for (const name of Object.keys(root)) kinds[name] = typeof root[name];
for (const name of Object.keys(experiments)) kinds["experiments." + name] = typeof experiments[name];
let invalid;
try { tracer.createSession({ sessionId: "not-a-uuid" }); } catch (error) { invalid = { isClass: error instanceof root.InvalidSessionIdError, isTypeError: error instanceof TypeError }; }
Promise.resolve(experiments.evaluate({ testMode: true, function: ({ inputs }) => inputs.n + 1, dataset: [{ inputs: { n: 1 } }] })).then((run) => {
  report({ kinds, doubled: double(4), spans: tracer.getFinishedSpans().map((span) => span.name), invalid, output: run.results[0].output });
});
`;
    const esm = await runProgram("modules/esm.mjs", `import * as root from "honeyhive";\nimport * as experiments from "honeyhive/experiments";\n${body}`, { HH_API_KEY: "" });
    const cjs = await runProgram("modules/cjs.cjs", `const root = require("honeyhive");\nconst experiments = require("honeyhive/experiments");\n${body}`, { HH_API_KEY: "" });
    for (const run of [esm, cjs]) {
      expectCleanRun(run);
      const kinds = run.result.kinds as Record<string, string>;
      for (const name of documentedRoot) expect(kinds[name], name).toBe("function");
      for (const name of documentedExperiments) expect(kinds[`experiments.${name}`], name).toBe("function");
      expect(run.result).toMatchObject({ doubled: 8, spans: ["double"], invalid: { isClass: true, isTypeError: true }, output: 2 });
    }
    // The same public surface either way (CommonJS may add its interop marker, nothing else).
    const publicNames = (run: Run): string[] => Object.keys(run.result.kinds as object).filter((name) => !name.endsWith("__esModule")).sort();
    expect(publicNames(cjs)).toEqual(publicNames(esm));
  });

  it("lets an ES module app and a CommonJS library of it share one tracer (both copies of the package load)", async () => {
    // A common shape: an ESM application whose CommonJS helper module require()s "honeyhive" and wraps
    // functions with the tracer the application made.
    mkdirSync(join(project.directory, "modules"), { recursive: true });
    writeFileSync(
      join(project.directory, "modules", "cjs-helper.cjs"),
      `const { trace } = require("honeyhive");
exports.wrap = (tracer, fn) => trace({ tracer, eventName: "from_cjs_helper" }, fn);
exports.withSession = (tracer, fn) => tracer.withSession("helper-session", fn);
`,
    );
    const run = await runProgram(
      "modules/mixed.mjs",
      `import { HoneyHiveTracer } from "honeyhive";
import helper from "./cjs-helper.cjs";
const tracer = HoneyHiveTracer.init({ project: "mixed", testMode: true });
const wrapped = helper.wrap(tracer, (text) => text.toUpperCase());
const inSession = helper.withSession(tracer, (sessionId) => ({ sessionId, out: wrapped("b") }));
report({ out: wrapped("a"), inSession, spans: tracer.getFinishedSpans().map((span) => [span.name, span.attributes["honeyhive.session_id"]]), own: tracer.sessionId });
`,
    );
    expectCleanRun(run);
    const { sessionId } = run.result.inSession as { sessionId: string };
    expect(run.result.out).toBe("A");
    expect(run.result.spans).toEqual([
      ["from_cjs_helper", sessionId],
      ["from_cjs_helper", run.result.own],
    ]);
  });
});

// Code blocks of the docs about the SDK, as a user pastes them into a strict TypeScript project.
function codeBlocks(markdown: string, language: string): string[] {
  const fence = "```";
  const blocks: string[] = [];
  let at = markdown.indexOf(`${fence}${language}\n`);
  while (at !== -1) {
    const start = at + fence.length + language.length + 1;
    const end = markdown.indexOf(fence, start);
    blocks.push(markdown.slice(start, end));
    at = markdown.indexOf(`${fence}${language}\n`, end + fence.length);
  }
  return blocks;
}

describe("TypeScript users, strict: every documented snippet type-checks as pasted", () => {
  // What the pasted snippets assume exists in the user's file: an application function, a test
  // runner's `expect`, and the tracer the decorator example names.
  const assumptions = `import { HoneyHiveTracer } from "honeyhive";
declare global {
  function expect(value: unknown): { toBe(expected: unknown): void };
}
export const tracer = HoneyHiveTracer.init({ project: "pasted", testMode: true });
`;

  it("compiles docs/sdk.md's and the README's SDK snippets under nodenext (.mts and .cts) and with experimentalDecorators", async () => {
    const directory = join(project.directory, "pasted");
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "assumptions.mts"), assumptions);
    const sdkDoc = readFileSync(join(repositoryRoot, "docs", "sdk.md"), "utf8");
    // The one block that lists signatures (`trace<F>(fn: F): F`) is a reference, not a program.
    const programs = codeBlocks(sdkDoc, "ts").filter((block) => !block.startsWith("trace<F>"));
    expect(programs.length).toBeGreaterThanOrEqual(3);
    const files: string[] = [];
    programs.forEach((block, index) => {
      // The import block lists every public name and is a file of its own; the others are pasted
      // below the imports they use (the decorator example also names a tracer made elsewhere).
      const imports = block.startsWith("import {")
        ? ""
        : `import { HoneyHiveTracer, trace } from "honeyhive";\nimport "./assumptions.mjs";\n${/const tracer\b/.test(block) ? "" : `import { tracer } from "./assumptions.mjs";\n`}`;
      writeFileSync(join(directory, `sdk-md-${index + 1}.mts`), `${imports}${block}\nexport {};\n`);
      files.push(`sdk-md-${index + 1}.mts`);
    });
    // The README's Lambda paragraph gives this one-liner for an id that arrives with the event.
    const readme = readFileSync(join(repositoryRoot, "README.md"), "utf8");
    const linking = /`(const \{ sessionId \} = event; if \(typeof sessionId[^`]*)`/.exec(readme)?.[1];
    expect(linking, "the README's session-linking one-liner").toBeDefined();
    writeFileSync(
      join(directory, "lambda-linking.mts"),
      `import { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "pasted", testMode: true });
export const handler = async (event: { sessionId?: unknown }) => {
  ${linking}
  return tracer.resolveSessionId();
};
`,
    );
    // The same in a CommonJS TypeScript file (import = require), as a .cts user writes it.
    writeFileSync(
      join(directory, "lambda-linking.cts"),
      `import honeyhive = require("honeyhive");
import experiments = require("honeyhive/experiments");
const { HoneyHiveTracer, isSessionId, toSessionId } = honeyhive;
const tracer: honeyhive.HoneyHiveTracer = HoneyHiveTracer.init({ project: "pasted", testMode: true });
export const handler = async (event: { sessionId?: unknown }) => {
  ${linking}
  const run = await experiments.evaluate({ testMode: true, function: ({ inputs }: { inputs: { n: number } }) => inputs.n, dataset: [{ inputs: { n: 1 } }] });
  return [tracer.resolveSessionId(), run.runId];
};
`,
    );
    files.push("lambda-linking.mts", "lambda-linking.cts", "assumptions.mts");
    const compilerOptions = { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, types: ["node"], skipLibCheck: true };
    writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
    await typeCheck(join(directory, "tsconfig.json"));
    // NestJS-style projects: the decorator snippet under experimentalDecorators.
    writeFileSync(join(directory, "tsconfig.legacy.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, experimentalDecorators: true }, files }));
    await typeCheck(join(directory, "tsconfig.legacy.json"));
  }, 120_000);

  it("traces instance and static methods with @trace in both decorator modes, at run time", async () => {
    const directory = join(project.directory, "decorators");
    mkdirSync(directory, { recursive: true });
    const source = `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "decorators", testMode: true });
class Agent {
  prefix = "agent:";
  @trace({ eventType: "tool", tracer })
  async search(query: string): Promise<string> { return this.prefix + query; }
  @trace({ eventType: "chain", eventName: "static_plan", tracer })
  static plan(steps: number): number { return steps * 2; }
}
const found = await new Agent().search("q");
const planned = Agent.plan(3);
console.log("RESULT " + JSON.stringify({ found, planned, spans: tracer.getFinishedSpans().map((span) => [span.name, span.attributes["honeyhive_event_type"], span.attributes["honeyhive_outputs.result"]]) }));
`;
    const results: Record<string, unknown>[] = [];
    for (const mode of ["tc39", "legacy"]) {
      const out = join(directory, mode);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "agent.mts"), source);
      writeFileSync(
        join(out, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { ...strictConsumerOptions({ module: "nodenext", moduleResolution: "nodenext", noEmit: false, outDir: "out" }), experimentalDecorators: mode === "legacy" },
          files: ["agent.mts"],
        }),
      );
      await typeCheck(join(out, "tsconfig.json"));
      const run = await runHosted(`decorators/${mode}/run.mjs`, `await import("./out/agent.mjs");\n`, { HH_API_KEY: "" });
      expectCleanRun(run);
      results.push(run.result);
    }
    for (const result of results) {
      expect(result).toEqual({
        found: "agent:q",
        planned: 6,
        spans: [
          ["search", "tool", "agent:q"],
          ["static_plan", "chain", 6],
        ],
      });
    }
  }, 120_000);
});

describe.concurrent("the seed patterns, end to end against the stand-in backend", () => {
  it("script: init once, trace with the tracer, forceFlush before the end", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "script.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-project", sessionName: "local-dev-session" });
const processData = trace({ tracer, eventType: "tool", eventName: "process_data" }, (inputText) => {
  tracer.enrichSpan({ metadata: { inputLength: inputText.length } });
  return inputText.toUpperCase();
});
const outputs = [processData("Hello"), processData("World")];
const flushed = await tracer.forceFlush();
report({ outputs, flushed, sessionId: tracer.sessionId });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const { sessionId } = run.result;
      expect(run.result).toMatchObject({ outputs: ["HELLO", "WORLD"], flushed: true });
      // flushed === true means it had all arrived before the script printed.
      expect(backend.startedSessions()).toEqual([expect.objectContaining({ project: "my-project", session_name: "local-dev-session", session_id: sessionId })]);
      const spans = spansNamed(backend, "process_data");
      expect(spans.map((span) => span.attributes["honeyhive_outputs.result"])).toEqual(["HELLO", "WORLD"]);
      for (const span of spans) {
        expect(span.attributes).toMatchObject({ "honeyhive.session_id": sessionId, "honeyhive_event_type": "tool", "honeyhive_metadata.inputLength": 5, "honeyhive.project": "my-project" });
      }
      expect(backend.requests.length).toBeGreaterThan(0);
      for (const request of backend.requests) expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    }));

  it("script that just ends (CommonJS, no flush): its spans still arrive, and it exits on its own", () =>
    withBackend(async (backend) => {
      const run = await runProgram(
        "script-ends.cjs",
        `const { HoneyHiveTracer, trace } = require("honeyhive");
const tracer = HoneyHiveTracer.init({ project: "ends" });
const step = trace({ tracer, eventName: "last_step" }, (n) => n + 1);
report({ value: step(1), sessionId: tracer.sessionId });
`,
        // A key read from a file keeps its newline: documented as trimmed.
        { HH_API_URL: backend.url, HH_API_KEY: `${API_KEY}\n` },
      );
      expectCleanRun(run);
      expect(run.result.value).toBe(2);
      expect(spansNamed(backend, "last_step").map(sessionOf)).toEqual([run.result.sessionId]);
      for (const request of backend.requests) expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    }));

  it("evaluate(): a tracer and a session per datapoint, spans nested per datapoint, nothing left behind after the run", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "evaluate.mjs",
        `import { trace, enrichSpan } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
// No HoneyHiveTracer.init() here.
const retrieve = trace({ eventType: "tool", eventName: "retrieve" }, async (query) => {
  await sleep(query === "a" ? 200 : query === "b" ? 10 : 80);
  return ["doc-" + query];
});
const ragPipeline = trace({ eventType: "chain", eventName: "rag_pipeline" }, async ({ inputs }) => {
  const context = await retrieve(inputs.query);
  enrichSpan({ metadata: { query: inputs.query } });
  return { answer: inputs.query + ":" + context.length };
});
const result = await evaluate({
  function: ragPipeline,
  dataset: [
    { inputs: { query: "a" }, groundTruth: { answer: "a:1" } },
    { inputs: { query: "b" }, groundTruth: { answer: "wrong" } },
    { inputs: { query: "c" }, groundTruth: { answer: "c:1" } },
  ],
  evaluators: { exactMatch: (outputs, _inputs, groundTruth) => outputs.answer === groundTruth?.answer, answerLength: (outputs) => outputs.answer.length },
  apiKey: process.env.HH_API_KEY,
  project: "eval-project",
  name: "blind-experiment",
  maxConcurrency: 3,
});
// After the run: the same traced function, called outside evaluate(), has no tracer to record into.
const after = await retrieve("after-the-run");
report({ runId: result.runId, summary: result.summary, results: result.results.map(({ sessionId, output, metrics, error }) => ({ sessionId, output, metrics, error: error ?? null })), after });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const results = run.result.results as { sessionId: string; output: unknown; metrics: unknown; error: unknown }[];
      expect(results.map(({ output, error }) => ({ output, error }))).toEqual([
        { output: { answer: "a:1" }, error: null },
        { output: { answer: "b:1" }, error: null },
        { output: { answer: "c:1" }, error: null },
      ]);
      expect(run.result.summary).toMatchObject({
        exactMatch: { kind: "boolean", count: 3, passed: 2 },
        answerLength: { kind: "numeric", count: 3, mean: 3, min: 3, max: 3 },
      });
      expect(run.result.after).toEqual(["doc-after-the-run"]);
      const sessionIds = results.map((result) => result.sessionId);
      expect(new Set(sessionIds).size).toBe(3);
      // The run, then each datapoint's session linked to it by run_id, then the run completed.
      const runs = backend.requestsTo("POST", "/runs");
      expect(runs.map((request) => (request.body as { name: string; project: string }).name)).toEqual(["blind-experiment"]);
      const started = backend.startedSessions();
      expect(started.map((session) => session.session_id).sort()).toEqual([...sessionIds].sort());
      for (const session of started) expect(JSON.stringify(session.metadata)).toContain(String(run.result.runId));
      expect(backend.requestsTo("PUT", `/runs/${String(run.result.runId)}`).length).toBeGreaterThan(0);
      // Concurrent datapoints never cross: each pipeline span and its retrieve child in its own session.
      const pipelines = spansNamed(backend, "rag_pipeline");
      const retrievals = spansNamed(backend, "retrieve");
      expect(pipelines).toHaveLength(3);
      expect(retrievals).toHaveLength(3);
      ["a", "b", "c"].forEach((query, index) => {
        const pipeline = pipelines.find((span) => span.attributes["honeyhive_metadata.query"] === query);
        expect(pipeline, query).toBeDefined();
        expect(sessionOf(pipeline!)).toBe(sessionIds[index]);
        const child = retrievals.find((span) => span.parentSpanId === pipeline!.spanId);
        expect(child, `retrieve under ${query}`).toBeDefined();
        expect(sessionOf(child!)).toBe(sessionIds[index]);
      });
      // No datapoint tracer outlives the run as a default: the call after it was not recorded anywhere.
      expect(backend.spans().filter((span) => JSON.stringify(span.attributes).includes("after-the-run"))).toEqual([]);
      expect(run.stderr).toMatch(/found no tracer/);
    }));

  it("evaluate() beside the application's own tracer: implicit trace() follows the datapoint, not the app's default tracer", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "evaluate-beside-app.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
// The application also traces its own work (the first tracer becomes the default one).
const appTracer = HoneyHiveTracer.init({ project: "app-project", sessionName: "app" });
const step = trace({ eventName: "implicit_step" }, async (n) => n * 10);
const result = await evaluate({
  function: async ({ inputs }) => step(inputs.n),
  dataset: [{ inputs: { n: 1 } }, { inputs: { n: 2 } }],
  project: "eval-project",
});
const outside = await step(3);
const flushed = await appTracer.forceFlush();
report({ sessions: result.results.map((r) => r.sessionId), outputs: result.results.map((r) => r.output), outside, flushed, app: appTracer.sessionId });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({ outputs: [10, 20], outside: 30, flushed: true });
      const steps = spansNamed(backend, "implicit_step");
      const bySession = (session: unknown): DecodedSpan[] => steps.filter((span) => sessionOf(span) === session);
      const [first, second] = run.result.sessions as string[];
      expect(bySession(first).map((span) => span.attributes["honeyhive_outputs.result"])).toEqual([10]);
      expect(bySession(second).map((span) => span.attributes["honeyhive_outputs.result"])).toEqual([20]);
      expect(bySession(first)[0]!.resourceAttributes["honeyhive.project"]).toBe("eval-project");
      // After the run the default tracer (the app's) takes it, with the documented deprecation warning.
      expect(bySession(run.result.app).map((span) => span.attributes["honeyhive_outputs.result"])).toEqual([30]);
      expect(steps).toHaveLength(3);
      expect(run.stderr).toMatch(/without a tracer used the default tracer/);
    }));

  it("serverless: lazy init outside the handler, a session per invocation, linking by id, forceFlush in finally", () =>
    withBackend(async (backend) => {
      const linked = "6F9619FF-8B86-4011-B42D-00CF4FC964FF";
      const run = await runProgram(
        "lambda/index.mjs",
        `import { HoneyHiveTracer, isSessionId, toSessionId } from "honeyhive";
let cachedTracer; // module scope: survives warm starts
let inits = 0;
function getTracer() {
  if (!cachedTracer) { inits++; cachedTracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "lambda-project", source: "lambda" }); }
  return cachedTracer;
}
class AppError extends Error {}
const flushes = [];
export const handler = async (event, context) => {
  const tracer = getTracer();
  const { sessionId } = event;
  if (typeof sessionId === "string" && sessionId !== "") tracer.createSession({ sessionId: isSessionId(sessionId) ? sessionId : toSessionId(sessionId), skipApiCall: true });
  else tracer.createSession({ sessionName: "lambda-" + context.awsRequestId, inputs: { event } });
  try {
    const result = await tracer.startSpan("process_event", async () => {
      tracer.enrichSpan({ metadata: { eventType: event.type } });
      await sleep(5);
      if (event.type === "boom") throw new AppError("the app's own failure");
      return { status: "success", type: event.type };
    });
    tracer.enrichSession({ outputs: { result }, metadata: { requestId: context.awsRequestId } });
    return result;
  } finally {
    flushes.push(await tracer.forceFlush({ timeoutMs: 5000 }));
  }
};
// The runtime: three invocations of a warm container, then it freezes (no exit hooks run).
const answers = [];
answers.push(await handler({ type: "first" }, { awsRequestId: "req-1" }));
answers.push(await handler({ type: "second", sessionId: "conversation-42" }, { awsRequestId: "req-2" }));
let failure;
try { await handler({ type: "boom", sessionId: "${linked}" }, { awsRequestId: "req-3" }); } catch (error) { failure = { isAppError: error instanceof AppError, message: error.message }; }
report({ answers, failure, inits, flushes, startup: getTracer().sessionId });
process.exit(0);
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({
        answers: [{ status: "success", type: "first" }, { status: "success", type: "second" }],
        failure: { isAppError: true, message: "the app's own failure" },
        inits: 1,
        flushes: [true, true, true],
      });
      const spans = spansNamed(backend, "process_event");
      expect(spans.map((span) => span.attributes["honeyhive_metadata.eventType"])).toEqual(["first", "second", "boom"]);
      const [first, second, boom] = spans;
      const invocationSession = backend.startedSessions().find((session) => session.session_name === "lambda-req-1");
      expect(invocationSession, "the first invocation's session start").toBeDefined();
      expect(sessionOf(first!)).toBe(invocationSession!.session_id);
      expect(sessionOf(first!)).not.toBe(run.result.startup);
      // Linked by id, without an API call: a converted id, then an upper-case UUID (normalized or kept).
      expect(sessionOf(second!)).toBe(pythonUuid5("conversation-42"));
      expect(String(sessionOf(boom!)).toLowerCase()).toBe(linked.toLowerCase());
      expect(boom!.statusCode).toBe(2);
      const startedIds = backend.startedSessions().map((session) => String(session.session_id).toLowerCase());
      expect(startedIds).not.toContain(pythonUuid5("conversation-42"));
      expect(startedIds).not.toContain(linked.toLowerCase());
      const enriched = backend.requestsTo("PUT", "/events").map((request) => (request.body as { event_id: string }).event_id);
      expect(enriched).toEqual([invocationSession!.session_id, pythonUuid5("conversation-42")]);
    }));

  it("web server (Express): two interleaved requests, each span in its own request's session", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "server.mjs",
        `import express from "express";
import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-api", source: "production" });
const app = express();
app.use((req, res, next) => {
  const sessionId = tracer.createSession({ sessionName: "api-" + req.path, inputs: { method: req.method, path: req.path } });
  res.setHeader("x-session-id", sessionId);
  res.on("finish", () => tracer.enrichSession({ sessionId, outputs: { statusCode: res.statusCode } }));
  next();
});
// Request A cannot finish its first step before request B has run its own: they interleave.
let releaseA;
const bHasRun = new Promise((resolve) => { releaseA = resolve; });
const step = trace({ tracer, eventType: "tool", eventName: "step" }, async (label, wait) => { if (wait) await wait; await sleep(5); return label; });
const chat = trace({ tracer, eventType: "chain", eventName: "chat" }, async (name) => {
  tracer.enrichSpan({ metadata: { who: name } });
  const first = await step(name + "-1", name === "A" ? bHasRun : undefined);
  if (name === "B") releaseA();
  const second = await step(name + "-2");
  return [first, second];
});
app.get("/chat/:name", async (req, res) => { res.json({ steps: await chat(req.params.name) }); });
const server = app.listen(0, "127.0.0.1", async () => {
  const base = "http://127.0.0.1:" + server.address().port;
  const call = async (name) => { const response = await fetch(base + "/chat/" + name); return { session: response.headers.get("x-session-id"), body: await response.json() }; };
  const pendingA = call("A");
  await sleep(50);
  const [a, b] = await Promise.all([pendingA, call("B")]);
  await sleep(20); // the "finish" listeners' enrichSession
  const flushed = await tracer.forceFlush();
  server.closeAllConnections();
  server.close();
  report({ a, b, flushed, own: tracer.sessionId });
});
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const a = run.result.a as { session: string; body: unknown };
      const b = run.result.b as { session: string; body: unknown };
      expect(a.body).toEqual({ steps: ["A-1", "A-2"] });
      expect(b.body).toEqual({ steps: ["B-1", "B-2"] });
      expect(run.result.flushed).toBe(true);
      expect(new Set([a.session, b.session, run.result.own]).size).toBe(3);
      for (const [name, session] of [["A", a.session], ["B", b.session]] as const) {
        const chat = spansNamed(backend, "chat").find((span) => span.attributes["honeyhive_metadata.who"] === name);
        expect(chat, `chat ${name}`).toBeDefined();
        expect(sessionOf(chat!)).toBe(session);
        const steps = spansNamed(backend, "step").filter((span) => span.parentSpanId === chat!.spanId);
        expect(steps.map((span) => span.attributes["honeyhive_outputs.result"]).sort()).toEqual([`${name}-1`, `${name}-2`]);
        expect(steps.map(sessionOf)).toEqual([session, session]);
        expect(backend.startedSessions().find((started) => started.session_id === session)).toMatchObject({ session_name: `api-/chat/${name}` });
      }
      expect(spansNamed(backend, "step")).toHaveLength(4);
      const enriched = backend.requestsTo("PUT", "/events").map((request) => request.body as { event_id: string; outputs: unknown });
      expect(enriched.map((body) => body.event_id).sort()).toEqual([a.session, b.session].sort());
      for (const body of enriched) expect(body.outputs).toEqual({ statusCode: 200 });
    }));

  it("withSession, legacy sessionStart, enrichSpan/enrichSession inside and outside a span", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "sessions.mjs",
        `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "sessions", sessionName: "startup" });
const startup = tracer.sessionId;
const work = trace({ tracer, eventName: "work" }, async (label) => { await sleep(5); tracer.enrichSpan({ metadata: { label } }); return label; });
await work("before");
const inside = await tracer.withSession({ sessionName: "batch-job", inputs: { batchId: 7 } }, async (sessionId) => {
  await work("in-session");
  tracer.enrichSession({ outputs: { processed: 1 } });
  return { sessionId, resolved: tracer.resolveSessionId() };
});
await work("after");
// Outside any span: enrichSpan has nothing to enrich (and must not throw); enrichSession goes to the tracer's session.
tracer.enrichSpan({ metadata: { nowhere: true } });
tracer.enrichSession({ metadata: { outside: true } });
// The deprecated global form, inside a span of the default tracer (the first one made): recorded, warned once.
const globalForm = trace({ tracer, eventName: "global_enrich" }, () => { enrichSpan({ metadata: { viaGlobal: 1 } }); enrichSpan({ metadata: { viaGlobal2: 2 } }); });
globalForm();
// Legacy: the session moves onto the tracer instance.
const legacy = tracer.sessionStart({ sessionName: "legacy" });
await work("legacy");
const flushed = await tracer.forceFlush();
report({ startup, inside, legacy, instanceAfter: tracer.sessionId, flushed });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const { startup, legacy } = run.result;
      const inside = run.result.inside as { sessionId: string; resolved: string };
      expect(run.result.flushed).toBe(true);
      expect(inside.resolved).toBe(inside.sessionId);
      expect(run.result.instanceAfter).toBe(legacy);
      const work = spansNamed(backend, "work").map((span) => [span.attributes["honeyhive_metadata.label"], sessionOf(span)]);
      expect(work).toEqual([
        ["before", startup],
        ["in-session", inside.sessionId],
        ["after", startup],
        ["legacy", legacy],
      ]);
      const started = backend.startedSessions();
      expect(started.find((session) => session.session_id === inside.sessionId)).toMatchObject({ session_name: "batch-job", inputs: { batchId: 7 } });
      expect(started.find((session) => session.session_id === legacy)).toMatchObject({ session_name: "legacy" });
      const events = backend.requestsTo("PUT", "/events").map((request) => request.body as Record<string, unknown>);
      expect(events).toEqual([
        expect.objectContaining({ event_id: inside.sessionId, outputs: { processed: 1 } }),
        expect.objectContaining({ event_id: startup, metadata: { outside: true } }),
      ]);
      expect(backend.spans().some((span) => "honeyhive_metadata.nowhere" in span.attributes)).toBe(false);
      expect(spansNamed(backend, "global_enrich")[0]?.attributes).toMatchObject({ "honeyhive_metadata.viaGlobal": 1, "honeyhive_metadata.viaGlobal2": 2 });
      expect(run.stderr.match(/enrichSpan\(\) is deprecated outside evaluate\(\)/g)).toHaveLength(1);
    }));

  it("test mode: nothing reaches the backend, spans are readable, flush is true", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "test-mode.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
// An API key and a server are configured, as in a developer's shell; test mode must still send nothing.
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "unit", testMode: true });
const fromEnvironment = HoneyHiveTracer.init({ project: "unit-env" });
const shout = trace({ tracer, eventType: "tool", eventName: "shout" }, (text) => text.toUpperCase());
shout("hi");
const requestSession = tracer.createSession({ sessionName: "request" });
shout("in-request");
tracer.enrichSession({ metadata: { x: 1 } });
await tracer.acreateSession({ sessionName: "awaited" });
const { results, runId } = await evaluate({ function: ({ inputs }) => inputs.n * 2, dataset: [{ inputs: { n: 1 } }], testMode: true, apiKey: process.env.HH_API_KEY });
const spans = tracer.getFinishedSpans().map((span) => [span.name, span.attributes["honeyhive.session_id"], span.attributes["honeyhive_outputs.result"]]);
report({ spans, own: tracer.sessionId, requestSession, output: results[0].output, runId, flushed: await tracer.forceFlush(), envTestMode: fromEnvironment.testMode, envFlushed: await fromEnvironment.forceFlush() });
await tracer.shutdown();
`,
        { HH_API_URL: backend.url, HH_TEST_MODE: "" },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({
        spans: [
          ["shout", run.result.own, "HI"],
          ["shout", run.result.requestSession, "IN-REQUEST"],
        ],
        output: 2,
        flushed: true,
        envTestMode: false,
      });
      expect(typeof run.result.runId).toBe("string");
      const environmentRun = await runHosted(
        "test-mode-env.cjs",
        `const { HoneyHiveTracer, trace } = require("honeyhive");
const tracer = HoneyHiveTracer.init({ project: "unit-env" });
trace({ tracer, eventName: "env_span" }, () => 1)();
tracer.forceFlush().then((flushed) => report({ testMode: tracer.testMode, flushed, spans: tracer.getFinishedSpans().length }));
`,
        { HH_API_URL: backend.url, HH_TEST_MODE: "true" },
      );
      expectCleanRun(environmentRun);
      expect(environmentRun.result).toEqual({ testMode: true, flushed: true, spans: 1 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The first tracer of the first program was not in test mode (HH_TEST_MODE empty): its startup
      // session and exit flush may reach the backend; nothing of the test-mode tracers may.
      const sentProjects = backend.requests.map((request) => JSON.stringify(request.body ?? ""));
      expect(sentProjects.filter((body) => /"unit"|shout|request|awaited/.test(body))).toEqual([]);
      expect(backend.requestsTo("POST", "/runs")).toEqual([]);
    }));

  it("toSessionId / isSessionId and invalid ids, from CommonJS", async () => {
    const run = await runHosted(
      "ids.cjs",
      `const { HoneyHiveTracer, toSessionId, isSessionId, InvalidSessionIdError } = require("honeyhive");
const throws = (fn) => { try { fn(); return "no throw"; } catch (error) { return error.constructor.name + (error instanceof TypeError ? ":TypeError" : ""); } };
const tracer = HoneyHiveTracer.init({ project: "ids", testMode: true });
let rejected;
tracer.acreateSession({ sessionId: "user-42" }).then(() => { rejected = "resolved"; }, (error) => { rejected = error instanceof InvalidSessionIdError; }).then(() => report({
  converted: toSessionId("python.org"),
  stable: toSessionId("user-42") === toSessionId("user-42"),
  valid: [isSessionId(toSessionId("x")), isSessionId("6F9619FF-8B86-4011-B42D-00CF4FC964FF"), isSessionId("6f9619ff-8b86-1011-b42d-00cf4fc964ff")],
  invalid: [isSessionId("user-42"), isSessionId(""), isSessionId(42), isSessionId(undefined), isSessionId("6f9619ff8b86d011b42d00cf4fc964ff ")],
  conversions: [throws(() => toSessionId("")), throws(() => toSessionId(undefined)), throws(() => toSessionId(42)), throws(() => toSessionId({}))],
  explicit: [throws(() => tracer.createSession({ sessionId: "user-42" })), throws(() => HoneyHiveTracer.init({ testMode: true, sessionId: "nope" })), throws(() => tracer.createSession({ sessionId: toSessionId("user-42") }))],
  message: (() => { try { tracer.createSession({ sessionId: "user-42" }); } catch (error) { return error.message; } })(),
  rejected,
}));
`,
      { HH_API_KEY: "" },
    );
    expectCleanRun(run);
    expect(run.result).toMatchObject({
      converted: pythonUuid5("python.org"),
      stable: true,
      valid: [true, true, true],
      invalid: [false, false, false, false, false],
      conversions: ["TypeError:TypeError", "TypeError:TypeError", "TypeError:TypeError", "TypeError:TypeError"],
      explicit: ["InvalidSessionIdError:TypeError", "InvalidSessionIdError:TypeError", "no throw"],
      rejected: true,
    });
    expect(run.result.message).toMatch(/toSessionId\(/);
    expect(run.result.message).toContain('"user-42"');
  });

  it("tracer.provider given to an OpenTelemetry instrumentation: its spans are stamped and exported", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "instrumentation.mjs",
        `import { trace as otel } from "@opentelemetry/api";
import { HoneyHiveTracer, trace } from "honeyhive";
// A stand-in for an instrumentation package: it gets its tracer the way InstrumentationBase does
// (from the global API until setTracerProvider() is called).
class StandInInstrumentation {
  constructor(name) { this.name = name; this.tracer = otel.getTracer(name); }
  setTracerProvider(provider) { this.tracer = provider.getTracer(this.name, "1.0.0"); }
  call(spanName, attributes) { this.tracer.startActiveSpan(spanName, { attributes }, (span) => span.end()); }
}
const unwired = new StandInInstrumentation("unwired"); // never given the provider
const tracer = HoneyHiveTracer.init({ project: "instrumented" });
const instrumentation = new StandInInstrumentation("openai-stand-in");
instrumentation.setTracerProvider(tracer.provider);
instrumentation.call("llm_call", { "gen_ai.system": "openai" });
instrumentation.call("db_query", {});
const sessionId = tracer.withSession("with-instrumentation", () => { instrumentation.call("llm_in_session", { "gen_ai.system": "openai" }); return tracer.resolveSessionId(); });
trace({ tracer, eventName: "outer" }, () => instrumentation.call("nested_query", {}))();
unwired.call("unwired_call", { "gen_ai.system": "openai" });
const flushed = await tracer.forceFlush();
report({ own: tracer.sessionId, sessionId, flushed });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result.flushed).toBe(true);
      const byName = (name: string): DecodedSpan => {
        const [span] = spansNamed(backend, name);
        expect(span, name).toBeDefined();
        return span!;
      };
      expect(byName("llm_call").attributes).toMatchObject({ "honeyhive.session_id": run.result.own, "honeyhive_event_type": "model", "honeyhive.project": "instrumented" });
      expect(byName("db_query").attributes).toMatchObject({ "honeyhive.session_id": run.result.own, "honeyhive_event_type": "tool" });
      expect(sessionOf(byName("llm_in_session"))).toBe(run.result.sessionId);
      expect(run.result.sessionId).not.toBe(run.result.own);
      expect(byName("nested_query").parentSpanId).toBe(byName("outer").spanId);
      expect(spansNamed(backend, "unwired_call")).toEqual([]);
    }));
});

describe.concurrent("guarantees: tracing never breaks the application", () => {
  it("bad options: init never throws (but for a bad session id), functions run and throw as before, values are never quoted", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "bad-options.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
${TIME_AGAINST_DEADLINE_SOURCE}
class AppError extends Error {}
const appError = new AppError("the app's own");
const tracers = [];
const outcomes = {};
const attempt = (label, options) => {
  try {
    const tracer = HoneyHiveTracer.init(options);
    tracers.push([label, tracer]);
    const plusOne = trace({ tracer, eventName: "plus_one" }, (x) => x + 1);
    const fails = trace({ tracer, eventName: "fails" }, async () => { throw appError; });
    outcomes[label] = { value: plusOne(1) };
    return fails().catch((error) => { outcomes[label].sameError = error === appError; });
  } catch (error) {
    outcomes[label] = { threw: error.name };
  }
};
const hostile = () => { throw new Error("PROXY-SECRET"); };
await Promise.all([
  attempt("null", null),
  attempt("a string", "options"),
  attempt("a number", 42),
  attempt("wrong types", { apiKey: 12345678901, testMode: "yes", timeoutMs: "SECRET-TIMEOUT", sessionInputs: "SECRET-INPUTS", project: 7, maxQueueSize: "many" }),
  attempt("throwing getter", { get project() { throw new Error("GETTER-SECRET"); } }),
  attempt("throwing proxy", new Proxy({}, { get: hostile, has: hostile, ownKeys: hostile, getOwnPropertyDescriptor: hostile })),
  attempt("not an http url", { serverUrl: "ftp://user:URL-SECRET@example.com/x" }),
  attempt("infinite timeout", { timeoutMs: Infinity }),
  attempt("bad session id", { sessionId: "SESSION-VALUE-not-a-uuid" }),
]);
const flushes = {};
for (const [label, tracer] of tracers) {
  const { value: flushed, timing } = await timeAgainstDeadline(2000, () => tracer.forceFlush({ timeoutMs: 2000 }));
  flushes[label] = { flushed, timing, enabled: tracer.enabled };
}
for (const [, tracer] of tracers) await tracer.shutdown({ timeoutMs: 2000 });
report({ outcomes, flushes });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const outcomes = run.result.outcomes as Record<string, { value?: number; sameError?: boolean; threw?: string }>;
      for (const [label, outcome] of Object.entries(outcomes)) {
        if (label === "bad session id") expect(outcome, label).toEqual({ threw: "InvalidSessionIdError" });
        else expect(outcome, label).toEqual({ value: 2, sameError: true });
      }
      const flushes = run.result.flushes as Record<string, { flushed: boolean; timing: DeadlineTiming; enabled: boolean }>;
      expect(flushes["not an http url"]).toMatchObject({ flushed: false, enabled: false });
      expect(flushes["wrong types"]).toMatchObject({ flushed: true, enabled: true });
      // Each flush kept its 2 s deadline, against the program's own clock at the time (test-utils/deadline.ts).
      for (const [label, { timing }] of Object.entries(flushes)) expectKeptDeadline(timing, 2_000, label);
      const output = run.stdout + run.stderr;
      for (const value of ["12345678901", "SECRET-TIMEOUT", "SECRET-INPUTS", "GETTER-SECRET", "PROXY-SECRET", "URL-SECRET"]) expect(output).not.toContain(value);
      for (const option of ["apiKey", "testMode", "timeoutMs", "sessionInputs", "project", "maxQueueSize"]) expect(run.stderr).toContain(`\`${option}\``);
      expect(run.stderr).toMatch(/could not be read/);
      // The tracer whose apiKey was a number fell back to HH_API_KEY and HH_API_URL, as documented.
      expect(spansNamed(backend, "plus_one").length).toBeGreaterThan(0);
    }));

  // A user's program in both module systems, each against one misbehaving backend. The flush and
  // shutdown deadlines are the ones the program asks for (1.5 s); the exit bound is the documented
  // "about 2 s after its work", with the tracer's default 10 s delivery deadline, so a process held
  // by a delivery shows as ~10 s.
  const echoKey = (status: number): BackendFaultCase => ({
    name: `answers ${status} with a body that echoes the Authorization header`,
    fault: { status, body: (request) => ({ error: `invalid credentials ${String(request.headers.authorization)} ${API_KEY}` }) },
  });
  const chosen = [
    "refuses connections",
    "accepts and never answers",
    "closes every connection on accept",
    "answers 1 byte a second (status line, headers and body)",
    "resets the connection after reading the request",
    "answers bytes that are not HTTP",
    "answers 200 with an HTML page",
    "answers 429 with Retry-After: 30",
    "answers 503",
  ];
  const faults = [...BACKEND_FAULTS.filter((testCase) => chosen.includes(testCase.name)), echoKey(401), echoKey(500)];

  it("covers every fault it names", () => {
    expect(faults.map((testCase) => testCase.name).slice(0, chosen.length)).toEqual(chosen);
  });

  // One process for every fault: each fault's tracer (its own server, breaker and pool) flushes and
  // shuts down beside the others', and the process must still exit at once after the last shutdown.
  // (It was one process per fault; what a fresh process proves, the exit of a script that just ends,
  // is the ENDING program below, still one process per fault and mode.)
  const FLUSHING = `import { HoneyHiveTracer, trace } from "honeyhive";
${TIME_AGAINST_DEADLINE_SOURCE}
${HELD_RESOURCES_SOURCE}
class AppError extends Error {}
async function underFault(serverUrl) {
  const tracer = HoneyHiveTracer.init({ project: "faults", verbose: true, serverUrl });
  const add = trace({ tracer, eventName: "add" }, (a, b) => a + b);
  const fail = trace({ tracer, eventName: "fail" }, async () => { await sleep(1); throw new AppError("the app's own"); });
  const sum = add(2, 3);
  let caught;
  try { await fail(); } catch (error) { caught = error instanceof AppError && error.message === "the app's own"; }
  tracer.createSession({ sessionName: "during-fault", inputs: { a: 1 } });
  tracer.enrichSession({ metadata: { b: 2 } });
  await sleep(100);
  const timings = {};
  const flush = await timeAgainstDeadline(1500, () => tracer.forceFlush({ timeoutMs: 1500 }));
  timings.flush = flush.timing;
  const again = await timeAgainstDeadline(1500, () => tracer.forceFlush({ timeoutMs: 1500 }));
  timings.again = again.timing;
  add(1, 1);
  timings.shutdown = (await timeAgainstDeadline(1500, () => tracer.shutdown({ timeoutMs: 1500 }))).timing;
  return { sum, caught, flushed: flush.value, again: again.value, timings, afterShutdown: add(4, 4) };
}
const urls = JSON.parse(process.env.FAULT_URLS);
const results = {};
await Promise.all(Object.keys(urls).map(async (name) => { results[name] = await underFault(urls[name]); }));
// What still keeps the event loop alive once every tracer is shut down: nothing of the SDK's.
report({ results, heldAfterShutdown: heldResources() });
`;
  const ENDING = `const { HoneyHiveTracer, trace } = require("honeyhive");
${WORK_ENDED_SOURCE}
const tracer = HoneyHiveTracer.init({ project: "faults-exit" });
const work = trace({ tracer, eventName: "work" }, (n) => n * 2);
let total = 0;
for (let i = 0; i < 50; i++) total += work(i);
tracer.createSession({ sessionName: "ending" });
// The batch goes out after about 1 s: at 1.2 s an export is on the wire as the work ends.
setTimeout(() => { total += work(1); report({ total }); workEnded(); }, 1200);
`;

  it("under every fault at once: flush and shutdown keep their deadlines, the app's results and errors are its own, no key printed", async () => {
    const backends = await Promise.all(faults.map((testCase) => backendWith(testCase)));
    try {
      const urls = Object.fromEntries(faults.map((testCase, index) => [testCase.name, backends[index]!.url]));
      const run = await runProgram("faults/flushing.mjs", FLUSHING, { FAULT_URLS: JSON.stringify(urls) });
      expectCleanRun(run);
      const results = run.result.results as Record<string, { flushed: unknown; timings: Record<string, DeadlineTiming> }>;
      expect(Object.keys(results).sort()).toEqual(faults.map((testCase) => testCase.name).sort());
      for (const testCase of faults) {
        const result = results[testCase.name]!;
        const { timings } = result;
        expect(result, testCase.name).toMatchObject({ sum: 5, caught: true, afterShutdown: 8 });
        if (!testCase.answers2xx) expect(result.flushed, testCase.name).toBe(false);
        // 1.5 s deadlines, each against the program's own clock at the time (test-utils/deadline.ts), far
        // below the 10 s delivery deadline.
        for (const call of ["flush", "again", "shutdown"]) expectKeptDeadline(timings[call]!, 1_500, `${testCase.name}: ${call}`);
      }
      // The process exits at once after the last shutdown: nothing is left to hold it
      // (test-utils/held-resources.ts). Deterministic, where the wall time from the work's end to the exit, seen by this
      // process, measured the machine's load (1.3–1.9 s under load against 0.3–0.7 s for a no-op script).
      expect(run.result.heldAfterShutdown).toEqual([]);
    } finally {
      await Promise.all(backends.map((backend) => backend.close()));
    }
  }, 60_000);

  // A script that just ends needs a process of its own per fault and mode; the two modes run at once.
  describe.concurrent.each(faults)("backend that $name", (testCase) => {
    const slug = testCase.name.replace(/\W+/g, "-");

    it("a script that just ends exits about 2 s after its work (batched, and HH_DISABLE_BATCH: each span on the wire as it ends)", async () => {
      const { url, close } = await backendWith(testCase);
      try {
        const modes: [string, Record<string, string>][] = [
          ["batched", {}],
          ["HH_DISABLE_BATCH", { HH_DISABLE_BATCH: "true" }],
        ];
        const runs = await Promise.all(modes.map(([mode, extraEnvironment]) => runProgram(`faults/${slug}-${mode}.cjs`, ENDING, { HH_API_URL: url, ...extraEnvironment })));
        runs.forEach((run, index) => {
          const mode = modes[index]![0];
          expectCleanRun(run);
          expect(run.result.total, mode).toBe(2452);
          expectExitedInTime(run, `${testCase.name}, ${mode}: exit after the work ended`);
        });
      } finally {
        await close();
      }
    }, 60_000);
  });
});

describe.concurrent("guarantees: the API key is never printed", () => {
  it("not in warnings, verbose lines, diagnostics, errors the app logs whole, or the tracer itself", () =>
    withBackend(async (backend) => {
      // The backend refuses everything and echoes the credentials it got, as some proxies do.
      backend.inject({ status: 401, body: (request) => ({ error: `bad key ${String(request.headers.authorization)}`, key: API_KEY }) });
      const [scheme, rest] = backend.url.split("://");
      const run = await runHosted(
        "secrets.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import { inspect } from "node:util";
const key = process.env.HH_API_KEY;
// Credentials in the server URL's user info and query, and a token in its path.
const tracer = HoneyHiveTracer.init({ apiKey: key, project: "secrets", verbose: true, serverUrl: "${scheme}://user:URLPASS-SECRET@${rest}/t/PATH-SECRET/api?token=QUERY-SECRET" });
const plain = HoneyHiveTracer.init({ project: "secrets", verbose: true });
trace({ tracer: plain, eventName: "s" }, () => 1)();
trace({ tracer, eventName: "s" }, () => 1)();
// What an app logs when something goes wrong: whole errors, with their causes and stacks.
for (const sessionId of [key, "Bearer " + key, encodeURIComponent(key)]) {
  try { plain.createSession({ sessionId }); } catch (error) { console.error(error); console.log(inspect(error, { showHidden: true, depth: 5 })); }
}
try { await plain.acreateSession({ sessionId: key }); } catch (error) { console.error(error); }
try { await evaluate({ function: () => 1, dataset: [{ inputs: {} }], apiKey: key, project: "secrets", timeoutMs: 2000 }); } catch (error) { console.error(error); console.log(inspect(error, { showHidden: true, depth: 5 }), JSON.stringify(error)); }
try { await evaluate({ function: () => 1, dataset: [{ inputs: {} }], apiKey: key, serverUrl: "ftp://" + key }); } catch (error) { console.error(error); console.log(JSON.stringify(error)); }
plain.enrichSession({ sessionId: key, metadata: { a: 1 } });
console.log(tracer, JSON.stringify(plain), { ...plain }, inspect(plain, { showHidden: true, depth: 5 }));
const flushed = [await tracer.forceFlush({ timeoutMs: 2000 }), await plain.forceFlush({ timeoutMs: 2000 })];
report({ flushed });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result.flushed).toEqual([false, false]);
      const output = run.stdout + run.stderr;
      for (const secret of ["URLPASS-SECRET", "PATH-SECRET", "QUERY-SECRET"]) expect(output).not.toContain(secret);
      // It did complain (a refused export, the refused run) and did log the errors the program printed.
      expect(run.stderr).toMatch(/\[honeyhive\]/);
      expect(output).toMatch(/InvalidSessionIdError/);
      expect(output).toMatch(/ExperimentApiError/);
      expect(output).toMatch(/EvaluateOptionsError/);
      expect(backend.requests.length).toBeGreaterThan(0);
    }));
});

describe.concurrent("documented details a user relies on", () => {
  it("two tracers with different projects and keys export separately; a prefixed serverUrl keeps its path and query", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "two-tracers.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
const base = process.env.HH_API_URL;
const first = HoneyHiveTracer.init({ apiKey: "key-of-first-tracer", project: "first", serverUrl: base });
const second = HoneyHiveTracer.init({ apiKey: "key-of-second-tracer", project: "プロジェクト", serverUrl: base });
const proxied = HoneyHiveTracer.init({ project: "proxied", serverUrl: base + "/hh?token=t" });
trace({ tracer: first, eventName: "from_first" }, () => 1)();
trace({ tracer: second, eventName: "from_second" }, () => 2)();
trace({ tracer: proxied, eventName: "from_proxied" }, () => 3)();
report({ flushed: [await first.forceFlush(), await second.forceFlush(), await proxied.forceFlush()] });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      // The proxied tracer's calls go to /hh/... which the stand-in does not serve: only its own flush fails.
      expect(run.result.flushed).toEqual([true, true, false]);
      const exports = backend.requestsTo("POST", /\/opentelemetry\/v1\/traces$/);
      const byName = (name: string) => exports.find((request) => JSON.stringify(request.body).includes(name));
      expect(byName("from_first")?.headers).toMatchObject({ authorization: "Bearer key-of-first-tracer", "x-honeyhive-project": "first" });
      expect(byName("from_second")?.headers).toMatchObject({ authorization: "Bearer key-of-second-tracer", "x-honeyhive-project": encodeURIComponent("プロジェクト") });
      expect(JSON.stringify(byName("from_first")?.body)).not.toContain("from_second");
      expect(spansNamed(backend, "from_second")[0]?.resourceAttributes["honeyhive.project"]).toBe("プロジェクト");
      expect(byName("from_proxied")).toMatchObject({ path: "/hh/opentelemetry/v1/traces", query: { token: "t" } });
      expect(backend.requestsTo("POST", "/hh/session/start")[0]?.query).toEqual({ token: "t" });
    }));

  it("the startup session's default name is the running script's file name", () =>
    withBackend(async (backend) => {
      const run = await runProgram("nightly-report.mjs", `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({ project: "names" });\nreport({ flushed: await tracer.forceFlush() });\n`, {
        HH_API_URL: backend.url,
      });
      expectCleanRun(run);
      expect(run.result.flushed).toBe(true);
      expect(String(backend.startedSessions()[0]?.session_name)).toMatch(/nightly-report/);
    }));

  it("distributed tracing as the README shows it: service B joins service A's session and trace", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "distributed.mjs",
        `import { context } from "@opentelemetry/api";
import { HoneyHiveTracer, trace } from "honeyhive";
const serviceA = HoneyHiveTracer.init({ project: "shop", sessionName: "service-a" });
const serviceB = HoneyHiveTracer.init({ project: "shop", sessionName: "service-b" });
const reserve = trace({ tracer: serviceB, eventName: "reserve" }, async (item) => item + ":reserved");
// Service B's request handling: join the caller's session from the incoming headers.
const handleInB = (headers) => context.with(context.active(), async () => { serviceB.createSession({ linkCarrier: headers }); return reserve("book"); });
const sessionA = serviceA.createSession({ sessionName: "checkout" });
const fetchHeaders = new Headers();
const plainHeaders = {};
const answer = await serviceA.startSpan("call_inventory", async () => {
  serviceA.inject(plainHeaders);
  serviceA.inject(fetchHeaders);
  return handleInB(plainHeaders);
});
// A forged baggage session is not trusted: B uses its own session.
const forged = await context.with(context.active(), async () => { serviceB.createSession({ linkCarrier: { baggage: "honeyhive.session_id=../../etc" } }); return serviceB.resolveSessionId(); });
report({ answer, sessionA, ownB: serviceB.sessionId, forged, fetchBaggage: fetchHeaders.get("baggage"), traceparent: typeof plainHeaders.traceparent, flushed: [await serviceA.forceFlush(), await serviceB.forceFlush()] });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({ answer: "book:reserved", traceparent: "string", flushed: [true, true] });
      // A forged id is dropped: createSession() then makes a session of its own, as without a carrier.
      const forged = String(run.result.forged);
      expect(forged).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect([run.result.sessionA, run.result.ownB]).not.toContain(forged);
      expect(backend.startedSessions().map((session) => session.session_id)).toContain(forged);
      expect(String(run.result.fetchBaggage)).toContain(String(run.result.sessionA));
      const [call] = spansNamed(backend, "call_inventory");
      const [reserved] = spansNamed(backend, "reserve");
      expect(sessionOf(call!)).toBe(run.result.sessionA);
      expect(sessionOf(reserved!)).toBe(run.result.sessionA);
      expect(reserved!.parentSpanId).toBe(call!.spanId);
      expect(reserved!.traceId).toBe(call!.traceId);
      // Joined, not created again.
      expect(backend.startedSessions().filter((session) => session.session_id === run.result.sessionA)).toHaveLength(1);
      expect(run.stderr).toMatch(/Ignored the session id/);
    }));

  it("trace(): sync stays sync, this/name/length kept, anonymous spans named by place, same error re-thrown", async () => {
    const run = await runHosted(
      "wrapper.mjs",
      `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "wrapper", testMode: true });
class AppError extends Error {}
const appError = new AppError("own");
function namedAdd(a, b) { return a + b + this.offset; }
const add = trace({ tracer }, namedAdd);
const syncResult = add.call({ offset: 10 }, 1, 2);
const anonymous = trace({ tracer, eventType: "chain" }, async () => 1);
await anonymous();
const thenable = { then(resolve) { resolve("thenable"); } };
const returnsThenable = trace({ tracer, eventName: "thenable" }, () => thenable);
const throwsSync = trace({ tracer, eventName: "throws_sync" }, () => { throw appError; });
let sameSync;
try { throwsSync(); } catch (error) { sameSync = error === appError; }
const cyclic = { name: "c" }; cyclic.self = cyclic;
trace({ tracer, eventName: "odd_values" }, (value) => ({ big: 10n, value }))(cyclic);
trace({ tracer, eventName: "with_metadata", metadata: { team: "search" } }, () => { tracer.enrichSpan({ metadata: { retry: { max: 2 }, tags: ["a", "b"] }, metrics: { score: 0.5 }, feedback: { ok: true }, error: new Error("soft failure") }); })();
const spans = tracer.getFinishedSpans();
const withMetadata = spans.find((span) => span.name === "with_metadata")?.attributes ?? {};
report({
  syncResult, isSync: typeof syncResult === "number", name: add.name, length: add.length,
  thenableSame: returnsThenable() === thenable, sameSync,
  names: spans.map((span) => span.name),
  error: spans.find((span) => span.name === "throws_sync")?.attributes["honeyhive_error"],
  params: spans[0].attributes["honeyhive_inputs._params_"],
  odd: spans.find((span) => span.name === "odd_values")?.attributes["honeyhive_outputs.result"],
  withMetadata: { ...withMetadata, params: "honeyhive_inputs._params_" in withMetadata },
});
`,
      { HH_API_KEY: "" },
    );
    expectCleanRun(run);
    expect(run.result).toMatchObject({ syncResult: 13, isSync: true, name: "namedAdd", length: 2, thenableSame: true, sameSync: true, error: "own", params: "[1,2]" });
    // `anonymous` is a named const, but its arrow was passed inline to trace(): JavaScript names it nothing.
    const written = readFileSync(join(project.directory, "wrapper.mjs"), "utf8").split("\n");
    const line = written.findIndex((text) => text.startsWith("const anonymous")) + 1;
    expect((run.result.names as string[]).slice(0, 2)).toEqual(["namedAdd", `chain (wrapper.mjs:${line})`]);
    expect(run.result.withMetadata).toMatchObject({
      "honeyhive_metadata.team": "search",
      "honeyhive_metadata.retry.max": 2,
      "honeyhive_metrics.score": 0.5,
      "honeyhive_feedback.ok": true,
      "honeyhive_error": "soft failure",
      params: false,
    });
    expect(JSON.parse(String((run.result.withMetadata as Record<string, unknown>)["honeyhive_metadata.tags"]))).toEqual(["a", "b"]);
    expect(String(run.result.odd)).toContain("[Circular]");
    expect(String(run.result.odd)).toContain("10");
  });

  it("shutdown: a second call waits at most its own deadline; after shutdown nothing is recorded and the tracer is no longer the default", () =>
    withBackend(async (backend) => {
      backend.inject({ mode: "hang", path: /opentelemetry/ });
      const run = await runHosted(
        "shutdown.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
${TIME_AGAINST_DEADLINE_SOURCE}
const tracer = HoneyHiveTracer.init({ project: "shutdown" });
const implicit = trace({ eventName: "implicit_after" }, (n) => n + 1);
trace({ tracer, eventName: "before_shutdown" }, () => 1)();
const first = timeAgainstDeadline(3000, () => tracer.shutdown({ timeoutMs: 3000 }));
const second = timeAgainstDeadline(300, () => tracer.shutdown({ timeoutMs: 300 }));
const [{ timing: firstTiming }, { timing: secondTiming }] = await Promise.all([first, second]);
const { value: noWait, timing: noWaitTiming } = await timeAgainstDeadline(0, () => tracer.forceFlush({ timeoutMs: -1 }));
const value = trace({ tracer, eventName: "after_shutdown" }, () => 5)();
report({ firstTiming, secondTiming, noWait, noWaitTiming, value, implicit: implicit(1) });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      // Against the program's own clock at the time (test-utils/deadline.ts); a flush with a negative
      // timeoutMs does not wait at all: it settles within the turns after a 0 ms timer.
      const { firstTiming, secondTiming, noWaitTiming } = run.result as Record<string, DeadlineTiming>;
      expectKeptDeadline(secondTiming!, 300, "the second shutdown");
      expectKeptDeadline(firstTiming!, 3_000, "the first shutdown");
      expectKeptDeadline(noWaitTiming!, 0, "forceFlush({ timeoutMs: -1 })");
      expect(run.result).toMatchObject({ value: 5, implicit: 2 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const named = backend.requests.map((request) => JSON.stringify(request.body ?? ""));
      expect(named.some((body) => body.includes("after_shutdown") || body.includes("implicit_after"))).toBe(false);
      expect(run.stderr).toMatch(/found no tracer/);
    }));

  it("without an API key: one warning, the app runs, nothing is sent, forceFlush is false", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "no-key.cjs",
        `const { HoneyHiveTracer, trace } = require("honeyhive");
const tracer = HoneyHiveTracer.init({ project: "no-key" });
const one = trace({ tracer, eventName: "one" }, () => 1);
const values = [one(), one()];
tracer.createSession({ sessionName: "s" });
tracer.enrichSession({ metadata: { a: 1 } });
tracer.forceFlush().then((flushed) => report({ values, flushed, enabled: tracer.enabled, sessionId: tracer.sessionId ?? null }));
`,
        { HH_API_URL: backend.url, HH_API_KEY: "" },
      );
      expectCleanRun(run);
      expect(run.result).toEqual({ values: [1, 1], flushed: false, enabled: false, sessionId: null });
      expect(run.stderr.match(/No HoneyHive API key/g)).toHaveLength(1);
      expect(backend.requests).toEqual([]);
    }));

  it("an outage opens the breaker: once a delivery failed, the next flush answers false at once", () =>
    withBackend(async (backend) => {
      backend.inject({ status: 503 });
      const run = await runHosted(
        "breaker.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
${TIME_AGAINST_DEADLINE_SOURCE}
const tracer = HoneyHiveTracer.init({ project: "breaker", timeoutMs: 2000 });
// The first export loads the OTLP exporter (sdk/export-pipeline.ts LazyExporter) before the delivery, whose 2 s
// deadline starts with the request: loaded here first, so the first flush's time is the delivery's deadline and not
// also the import (~0.5 s under load; the flush's own deadline, 5 s, covers both).
await import(new URL("./otlp-exporter.js", import.meta.resolve("honeyhive")).href);
trace({ tracer, eventName: "during_outage" }, () => 1)();
const { value: first, timing: firstTiming } = await timeAgainstDeadline(2000, () => tracer.forceFlush({ timeoutMs: 5000 }));
trace({ tracer, eventName: "during_outage_2" }, () => 1)();
const { value: second, timing: secondTiming } = await timeAgainstDeadline(50, () => tracer.forceFlush({ timeoutMs: 5000 }));
report({ first, firstTiming, second, secondTiming });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const { firstTiming, secondTiming } = run.result as Record<string, DeadlineTiming>;
      expect(run.result).toMatchObject({ first: false, second: false });
      // The delivery's own 2 s deadline ended the first flush; the second did not wait for the backend
      // (each against the program's own clock at the time, test-utils/deadline.ts).
      expectKeptDeadline(firstTiming!, 2_000, "the first flush");
      expectKeptDeadline(secondTiming!, 50, "the flush with the breaker open");
      expect(run.stderr.match(/Exporting spans to HoneyHive failed/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }));
});

// Not beside other programs: it times an export against the batch delay, which programs running beside it on a
// loaded machine can stretch.
describe("documented details a user relies on, timed", () => {
  it("environment variables: HH_PROJECT, HH_SOURCE, HH_SESSION_NAME, HH_DISABLE_BATCH; options win over them", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "env-config.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
const fromEnvironment = HoneyHiveTracer.init();
const fromOptions = HoneyHiveTracer.init({ project: "option-project", source: "option-source", sessionName: "option-session" });
trace({ tracer: fromEnvironment, eventName: "unbatched" }, () => 1)();
// HH_DISABLE_BATCH: exported as it ends, without a flush (batched, it would wait OTEL_BSP_SCHEDULE_DELAY's 60 s).
await sleep(2000);
const flushStartedAt = Date.now();
report({ env: [fromEnvironment.project, fromEnvironment.source], options: [fromOptions.project, fromOptions.source], flushed: await fromOptions.forceFlush(), flushStartedAt });
`,
        { HH_API_URL: backend.url, HH_PROJECT: "env-project", HH_SOURCE: "env-source", HH_SESSION_NAME: "env-session", HH_DISABLE_BATCH: "true", OTEL_BSP_SCHEDULE_DELAY: "60000" },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({ env: ["env-project", "env-source"], options: ["option-project", "option-source"], flushed: true });
      const sessions = backend.startedSessions();
      expect(sessions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ project: "env-project", source: "env-source", session_name: "env-session" }),
          expect.objectContaining({ project: "option-project", source: "option-source", session_name: "option-session" }),
        ]),
      );
      const [unbatched] = spansNamed(backend, "unbatched");
      expect(unbatched?.resourceAttributes).toMatchObject({ "honeyhive.project": "env-project", "honeyhive.source": "env-source" });
      // Batched, it would have waited 60 s for its batch; unbatched it was there within 2 s (0.7 s against the SDK's 1 s
      // batch delay was missed under load).
      const exported = backend.requestsTo("POST", /opentelemetry/).find((request) => JSON.stringify(request.body).includes("unbatched"));
      expect(exported!.receivedAt).toBeLessThan(run.result.flushStartedAt as number);
    }));
});

describe.concurrent("more of what the docs promise", () => {
  it("evaluate(): a failing datapoint or evaluator is recorded and the others go on; null scores; a list of evaluators; datapoint timeout", () =>
    withBackend(async (backend) => {
      const run = await runProgram(
        "evaluate-errors.mjs",
        `import { evaluate } from "honeyhive/experiments";
class AppError extends Error {}
function lengthOf(outputs) { return outputs === null ? null : String(outputs).length; }
const result = await evaluate({
  function: async ({ inputs }) => {
    if (inputs.kind === "throws") throw new AppError("datapoint failed");
    if (inputs.kind === "slow") await sleep(5000);
    return inputs.kind === "null" ? null : inputs.kind;
  },
  dataset: [{ inputs: { kind: "ok" } }, { inputs: { kind: "throws" } }, { inputs: { kind: "slow" } }, { inputs: { kind: "null" } }],
  evaluators: [lengthOf],
  project: "eval-errors",
  datapointTimeoutMs: 800,
});
report({ results: result.results.map((r) => ({ output: r.output ?? null, metrics: r.metrics ?? null, error: r.error ? String(r.error.message ?? r.error) : null })), summary: result.summary });
process.exit(0); // the slow datapoint's function is not cancelled (documented); do not wait for it
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const results = run.result.results as { output: unknown; metrics: unknown; error: string | null }[];
      expect(results[0]).toMatchObject({ output: "ok", metrics: { lengthOf: 2 }, error: null });
      expect(results[1]!.error).toContain("datapoint failed");
      expect(results[2]!.error).toMatch(/timed out after 800 ms/);
      expect(results[3]).toMatchObject({ output: null, metrics: { lengthOf: null }, error: null });
      expect(run.result.summary).toMatchObject({ lengthOf: { kind: "numeric", count: 1 } });
    }));

  it("evaluate(): a backend that hangs on /runs makes it reject with ExperimentApiError within timeoutMs; bad options reject with EvaluateOptionsError", () =>
    withBackend(async (backend) => {
      backend.inject({ mode: "hang", path: /^\/runs/ });
      const run = await runHosted(
        "evaluate-hang.cjs",
        `const { evaluate, ExperimentApiError, EvaluateOptionsError } = require("honeyhive/experiments");
${TIME_AGAINST_DEADLINE_SOURCE}
let ran = 0;
timeAgainstDeadline(1500, () => evaluate({ function: () => ran++, dataset: [{ inputs: {} }], project: "hang", timeoutMs: 1500 }).then(
  () => "resolved",
  (error) => ({ api: error instanceof ExperimentApiError }),
)).then(async ({ value, timing }) => {
  const hung = { ...value, timing };
  const invalid = [];
  for (const options of [{ function: () => 1 }, { function: "no", dataset: [] }, { function: () => 1, dataset: [], datasetId: "x" }, { function: () => 1, dataset: [{ inputs: {} }], timeoutMs: "5" }]) {
    try { await evaluate(options); invalid.push("resolved"); } catch (error) { invalid.push(error instanceof EvaluateOptionsError); }
  }
  report({ hung, ran, invalid });
});
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const hung = run.result.hung as { api: boolean; timing: DeadlineTiming };
      expect(hung.api).toBe(true);
      // Against the child's own clock at the time (test-utils/deadline.ts): a fixed 1.5 s of slack was missed under load.
      expectKeptDeadline(hung.timing, 1_500, "evaluate() against a hanging /runs");
      expect(run.result).toMatchObject({ ran: 0, invalid: [true, true, true, true] });
    }));

  it("evaluate(): once the run exists, a failing backend never stops it", () =>
    withBackend(async (backend) => {
      backend.inject({ status: 503, path: /session|opentelemetry|events/ });
      const run = await runHosted(
        "evaluate-outage.mjs",
        `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const step = trace({ eventName: "step" }, async (n) => n + 1);
${TIME_AGAINST_DEADLINE_SOURCE}
const { value: result, timing } = await timeAgainstDeadline(4 * 1500 + 3000, () => evaluate({ function: async ({ inputs }) => step(inputs.n), dataset: [1, 2, 3, 4].map((n) => ({ inputs: { n } })), project: "outage", timeoutMs: 1500, maxConcurrency: 2 }));
report({ outputs: result.results.map((r) => r.output), errors: result.results.map((r) => r.error ?? null), timing });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({ outputs: [2, 3, 4, 5], errors: [null, null, null, null] });
      expect(backend.requestsTo("PUT", /^\/runs\//).length).toBeGreaterThan(0);
      expectKeptDeadline(run.result.timing as DeadlineTiming, 4 * 1_500 + 3_000, "evaluate() during the outage");
    }));

  it("acreateSession: resolves within timeoutMs against a hung backend; unawaited it does not hold the script", () =>
    withBackend(async (backend) => {
      backend.inject({ mode: "hang" });
      const run = await runProgram(
        "acreate.mjs",
        `import { HoneyHiveTracer } from "honeyhive";
${WORK_ENDED_SOURCE}
const tracer = HoneyHiveTracer.init({ project: "acreate", timeoutMs: 1500 });
const { value: id, timing } = await timeAgainstDeadline(1500, () => tracer.acreateSession({ sessionName: "awaited" }));
const resolved = tracer.resolveSessionId() === id;
void tracer.acreateSession({ sessionName: "not-awaited" });
report({ id, timing, resolved });
workEnded();
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result.resolved).toBe(true);
      expectKeptDeadline(run.result.timing as DeadlineTiming, 1_500, "awaited acreateSession()");
      expectExitedInTime(run);
    }));

  it("Fastify as the README shows it: onRequest hook, two concurrent requests, each in its own session", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "fastify-app.mjs",
        `import Fastify from "fastify";
import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "my-api", source: "production" });
const fastify = Fastify();
fastify.addHook("onRequest", async (request, reply) => {
  const sessionId = tracer.createSession({ sessionName: "api-" + request.url, inputs: { method: request.method } });
  reply.header("x-session-id", sessionId);
  await sleep(5);
});
let release;
const gate = new Promise((resolve) => { release = resolve; });
const chat = trace({ eventType: "chain", eventName: "chat", tracer }, async (message) => {
  if (message === "first") await gate; else release();
  await sleep(5);
  return message.toUpperCase();
});
fastify.post("/api/chat", async (request) => ({ response: await chat(request.body.message) }));
const address = await fastify.listen({ port: 0, host: "127.0.0.1" });
const call = async (message) => {
  const response = await fetch(address + "/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message }) });
  return { session: response.headers.get("x-session-id"), body: await response.json() };
};
const pending = call("first");
await sleep(50);
const [first, second] = await Promise.all([pending, call("second")]);
const flushed = await tracer.forceFlush();
await fastify.close();
report({ first, second, flushed, own: tracer.sessionId });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const first = run.result.first as { session: string; body: unknown };
      const second = run.result.second as { session: string; body: unknown };
      expect(first.body).toEqual({ response: "FIRST" });
      expect(second.body).toEqual({ response: "SECOND" });
      expect(new Set([first.session, second.session, run.result.own]).size).toBe(3);
      const chats = spansNamed(backend, "chat");
      expect(chats.find((span) => span.attributes["honeyhive_outputs.result"] === "FIRST")?.attributes["honeyhive.session_id"]).toBe(first.session);
      expect(chats.find((span) => span.attributes["honeyhive_outputs.result"] === "SECOND")?.attributes["honeyhive.session_id"]).toBe(second.session);
    }));

  it("a full export queue drops and counts, warns once, and flush says false; properties are read-only", () =>
    withBackend(async (backend) => {
      backend.inject({ mode: "hang", path: /opentelemetry/ });
      const run = await runHosted(
        "queue.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "queue", maxQueueSize: 10, timeoutMs: 1000 });
const tick = trace({ tracer, eventName: "tick" }, (n) => n);
let total = 0;
for (let i = 0; i < 200; i++) total += tick(i);
const dropped = tracer.droppedSpans;
const flushed = await tracer.forceFlush({ timeoutMs: 1500 });
let assignment;
try { tracer.enabled = false; assignment = "no error"; } catch (error) { assignment = error instanceof TypeError; }
await tracer.shutdown({ timeoutMs: 1500 });
report({ total, dropped, flushed, assignment, stillEnabled: tracer.enabled });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({ total: 19900, flushed: false, assignment: true, stillEnabled: true });
      expect(run.result.dropped as number).toBeGreaterThanOrEqual(190 - 2048);
      expect(run.result.dropped as number).toBeGreaterThan(0);
      expect(run.stderr.match(/Dropping spans: the export queue is full/g)).toHaveLength(1);
    }));

  it("session inputs that cannot be JSON (a cycle, a BigInt) and a 3 MB string still start the session, capped at 1 MiB", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "big-inputs.mjs",
        `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "inputs" });
const event = { id: 1n, text: "x".repeat(3 * 1024 * 1024) };
event.self = event;
const sessionId = tracer.createSession({ sessionName: "big", inputs: { event } });
report({ sessionId, flushed: await tracer.forceFlush() });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result.flushed).toBe(true);
      const start = backend.requestsTo("POST", "/session/start").find((request) => JSON.stringify(request.body).includes(String(run.result.sessionId)));
      expect(start, "the big session's start").toBeDefined();
      expect(Buffer.byteLength(JSON.stringify(start!.body))).toBeLessThanOrEqual(1_048_576);
      expect(JSON.stringify(start!.body)).toContain("[truncated]");
    }));
});

describe.concurrent("edges of the documented API", () => {
  it("`require(\"honeyhive\")` loads only @opentelemetry/api; init loads the tracer's packages, the first export its exporter", () =>
    withBackend(async (backend) => {
      const run = await runProgram(
        "load-cost.cjs",
        `const loaded = () => [...new Set(Object.keys(require.cache).map((path) => /node_modules\\/(@opentelemetry\\/[^/]+)\\//.exec(path)?.[1]).filter(Boolean))].sort();
const { HoneyHiveTracer, trace } = require("honeyhive");
const afterImport = loaded().filter((name) => name !== "@opentelemetry/api");
const tracer = HoneyHiveTracer.init({ project: "load" });
const afterInit = loaded();
trace({ tracer, eventName: "first" }, () => 1)();
tracer.forceFlush().then((flushed) => report({ afterImport, afterInit, afterExport: loaded(), flushed }));
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result.afterImport).toEqual([]);
      expect(run.result.afterInit).toEqual(expect.arrayContaining(["@opentelemetry/core", "@opentelemetry/resources", "@opentelemetry/sdk-trace-base", "@opentelemetry/context-async-hooks"]));
      expect(run.result.afterInit).not.toContain("@opentelemetry/otlp-exporter-base");
      expect(run.result.afterExport).toContain("@opentelemetry/otlp-exporter-base");
      expect(run.result.flushed).toBe(true);
    }));

  it("every request of a keep-alive connection starts clean: a route without a session reports into the tracer's own", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "keep-alive.mjs",
        `import { createServer, Agent, request } from "node:http";
import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "keep-alive" });
const handle = trace({ tracer, eventName: "handle" }, async (path) => path);
const server = createServer(async (req, res) => {
  if (req.url === "/with-session") res.setHeader("x-session-id", tracer.createSession({ sessionName: "with" }));
  res.end(await handle(req.url));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const get = (path) => new Promise((resolve, reject) => {
  request({ host: "127.0.0.1", port: server.address().port, path, agent }, (response) => { response.resume(); response.on("end", () => resolve(response.headers["x-session-id"] ?? null)); }).on("error", reject).end();
});
const sessions = [];
for (const path of ["/with-session", "/without", "/with-session", "/without"]) sessions.push(await get(path));
agent.destroy();
server.close();
report({ sessions, own: tracer.sessionId, flushed: await tracer.forceFlush() });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const [firstWith, , secondWith] = run.result.sessions as string[];
      const handled = spansNamed(backend, "handle").map((span) => [span.attributes["honeyhive_outputs.result"], sessionOf(span)]);
      expect(handled).toEqual([
        ["/with-session", firstWith],
        ["/without", run.result.own],
        ["/with-session", secondWith],
        ["/without", run.result.own],
      ]);
    }));

  it("a Next.js-style route handler joins the caller's session from request.headers (a Headers object)", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "route-handler.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "next" });
const generateAnswer = trace({ tracer, eventName: "generate" }, async (message) => message + "!");
export async function POST(request) {
  tracer.createSession({ linkCarrier: request.headers });
  const { message } = await request.json();
  const answer = await generateAnswer(message);
  return Response.json({ answer, session: tracer.resolveSessionId() });
}
const caller = "6F9619FF-8B86-4011-B42D-00CF4FC964FF";
const response = await POST(new Request("http://localhost/api/chat", { method: "POST", headers: { baggage: "honeyhive.session_id=" + caller, "content-type": "application/json" }, body: JSON.stringify({ message: "hi" }) }));
report({ body: await response.json(), flushed: await tracer.forceFlush() });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      const expected = "6f9619ff-8b86-4011-b42d-00cf4fc964ff";
      expect(run.result).toMatchObject({ body: { answer: "hi!", session: expected }, flushed: true });
      expect(spansNamed(backend, "generate").map(sessionOf)).toEqual([expected]);
      expect(backend.startedSessions().map((session) => session.session_id)).not.toContain(expected);
    }));

  it("evaluate() with a datasetId, evaluators named like Object.prototype members, run metadata, default name, `this`", () =>
    withBackend(
      async (backend) => {
        const run = await runHosted(
          "evaluate-dataset.mjs",
          `import { evaluate } from "honeyhive/experiments";
const evaluators = JSON.parse('{"__proto__": 1, "toString": 1, "constructor": 1}');
evaluators.__proto__ = Object.getOwnPropertyDescriptor(evaluators, "__proto__") ? (outputs) => outputs : undefined;
const record = {};
Object.defineProperty(record, "__proto__", { value: (outputs) => outputs * 10, enumerable: true });
record.toString = (outputs, inputs) => outputs + inputs.q;
record.constructor = (outputs, _inputs, groundTruth) => outputs === groundTruth.doubled;
let self;
const options = {
  function: function ({ inputs, groundTruth }) { self = this; return inputs.q * 2; },
  datasetId: "ds-1",
  evaluators: record,
  project: "datasets",
  metadata: { model: "m-1" },
};
const result = await evaluate(options);
report({ outputs: result.results.map((r) => r.output), metrics: result.results.map((r) => r.metrics), summaryKeys: Object.keys(result.summary).sort(), thisIsOptions: self === options });
`,
          { HH_API_URL: backend.url },
        );
        expectCleanRun(run);
        expect(run.result).toMatchObject({
          outputs: [2, 6],
          metrics: [
            { ["__proto__"]: 20, toString: 3, constructor: true },
            { ["__proto__"]: 60, toString: 9, constructor: false },
          ],
          summaryKeys: ["__proto__", "constructor", "toString"],
          thisIsOptions: true,
        });
        expect(backend.requestsTo("GET", "/datapoints")[0]?.query).toMatchObject({ dataset_id: "ds-1" });
        const created = backend.requestsTo("POST", "/runs")[0]?.body as { name: string; metadata?: unknown };
        expect(created.name).toMatch(/^experiment-\d{4}-\d{2}-\d{2}T/);
        expect(JSON.stringify(created)).toContain("m-1");
      },
      {
        datasets: {
          "ds-1": [
            { id: "dp-1", inputs: { q: 1 }, ground_truth: { doubled: 2 } },
            { id: "dp-2", inputs: { q: 3 }, ground_truth: { doubled: 5 } },
          ],
        },
      },
    ));

  it("misuse is reported where it happens: callbacks that are not functions throw TypeError, odd flush options mean the default", async () => {
    const run = await runHosted(
      "misuse.mjs",
      `import { HoneyHiveTracer, trace, setDefaultTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "misuse", testMode: true });
const kind = (fn) => { try { fn(); return "no throw"; } catch (error) { return error instanceof TypeError ? "TypeError" : String(error); } };
const misuse = [
  kind(() => tracer.startSpan("x", undefined)),
  kind(() => tracer.withSession("x", undefined)),
  kind(() => trace({ tracer }, undefined)),
  kind(() => tracer.trace({}, undefined)),
];
const nullOptions = trace(null, function plain() { return 7; })();
const flushes = [await tracer.forceFlush(null), await tracer.forceFlush({ timeoutMs: "5000" }), await tracer.forceFlush({ timeoutMs: NaN })];
class AppError extends Error {}
const appError = new AppError("inside a session");
let sameError;
try { tracer.withSession("failing", () => { throw appError; }); } catch (error) { sameError = error === appError; }
const afterFailedSession = tracer.resolveSessionId() === tracer.sessionId;
function* numbers() { yield 1; yield 2; }
const tracedGenerator = trace({ tracer, eventName: "generator" }, numbers);
const values = [...tracedGenerator()];
setDefaultTracer(undefined);
const implicit = trace({ eventName: "implicit" }, () => 1)();
report({ misuse, nullOptions, flushes, sameError, afterFailedSession, values, implicit, spans: tracer.getFinishedSpans().map((span) => span.name) });
`,
      { HH_API_KEY: "" },
    );
    expectCleanRun(run);
    expect(run.result).toMatchObject({
      misuse: ["TypeError", "TypeError", "TypeError", "TypeError"],
      nullOptions: 7,
      flushes: [true, true, true],
      sameError: true,
      afterFailedSession: true,
      values: [1, 2],
      implicit: 1,
    });
    expect(run.result.spans).toContain("plain");
    expect(run.result.spans).toContain("generator");
    expect(run.result.spans).not.toContain("implicit");
    expect(run.stderr).toMatch(/found no tracer/);
  });

  it("enrichment past the attribute limit keeps the SDK's own attributes and counts what it dropped", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "attribute-limit.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "limits" });
const many = {};
for (let i = 0; i < 20; i++) many["k" + i] = i;
const enriched = trace({ tracer, eventName: "enriched" }, (x) => { tracer.enrichSpan({ metadata: many }); tracer.enrichSpan({ metrics: { score: 1 } }); return x; });
enriched("input");
report({ flushed: await tracer.forceFlush() });
`,
        { HH_API_URL: backend.url, OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: "8" },
      );
      expectCleanRun(run);
      const [span] = spansNamed(backend, "enriched");
      expect(span?.attributes).toMatchObject({
        "honeyhive.session_id": expect.any(String),
        "honeyhive.project": "limits",
        "honeyhive_event_type": "tool",
        "honeyhive_outputs.result": "input",
      });
      const ownKeys = Object.keys(span!.attributes).filter((key) => /^honeyhive_(metadata|metrics)\.k?\w+$/.test(key) && key !== "honeyhive_metadata._dropped_keys_");
      expect(ownKeys.length).toBeLessThanOrEqual(8);
      expect(span!.attributes["honeyhive_metadata._dropped_keys_"]).toBe(21 - ownKeys.length);
      expect(run.stderr.match(/A span reached the attribute count limit/g)).toHaveLength(1);
    }));

  it("redaction covers keys of 6 characters or more, as docs/sdk.md says; a shorter test key is quoted", async () => {
    const program = `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "short", testMode: true });
let message;
try { tracer.createSession({ sessionId: process.env.HH_API_KEY }); } catch (error) { message = error.message; }
report({ message });
`;
    const six = await runHosted("short-key-6.mjs", program, { HH_API_KEY: "k2a9Zq" });
    const five = await runHosted("short-key-5.mjs", program, { HH_API_KEY: "k2a9Z" });
    expect(six.result.message).toContain('"[REDACTED]"');
    expect(six.result.message).not.toContain("k2a9Zq");
    expect(five.result.message).toContain('"k2a9Z"');
  });

  it("HH_TEST_MODE accepts 1/yes/on; HH_VERBOSE prints the startup line", async () => {
    for (const value of ["1", "yes", "on"]) {
      const run = await runHosted(`test-mode-${value}.mjs`, `import { HoneyHiveTracer } from "honeyhive";\nreport({ testMode: HoneyHiveTracer.init().testMode });\n`, { HH_TEST_MODE: value, HH_API_URL: "http://127.0.0.1:9" });
      expectCleanRun(run);
      expect(run.result.testMode, value).toBe(true);
    }
    const verbose = await runHosted("verbose.mjs", `import { HoneyHiveTracer } from "honeyhive";\nreport({ testMode: HoneyHiveTracer.init({ testMode: true }).testMode });\n`, { HH_VERBOSE: "true" });
    expectCleanRun(verbose);
    expect(verbose.stdout + verbose.stderr).toMatch(/\[honeyhive\].*initialized/);
  });
});

// docs/sdk.md: an awaited acreateSession() "keeps the process alive like any awaited request" until it
// settles (within the tracer's timeoutMs), while a tracer's background requests never hold a script
// that ends ("exits at most about 2 s after its work"). Both sides under the faults that leave nothing
// else on the event loop: no connection at all, an answer at once (503), a reset, and a hang.
describe("awaited session calls hold the process; background work never does", () => {
  const TIMEOUT_MS = 6_000;
  const faults = BACKEND_FAULTS.filter((testCase) =>
    ["refuses connections", "answers 503", "resets the connection after reading the request", "accepts and never answers"].includes(testCase.name),
  );
  // What the awaited call's one warning says it ended with: its own failure, never the exit flush's abort.
  const reasons: Record<string, RegExp> = {
    "refuses connections": /POST \/session\/start failed: connect ECONNREFUSED/,
    "answers 503": /POST \/session\/start failed: HTTP 503/,
    "resets the connection after reading the request": /POST \/session\/start failed: (socket hang up|read ECONNRESET)/,
    "accepts and never answers": new RegExp("POST /session/start failed: timed out after " + TIMEOUT_MS + " ms"),
  };

  it("an awaited acreateSession() runs its retries to the end (or to timeoutMs) and the code after it runs, in ESM and CommonJS", async () => {
    expect(faults).toHaveLength(4);
    // Every fault and both module systems at once: each program names its session after its file, so
    // the attempts of one are told from the other's on a shared stand-in.
    await Promise.all(
      faults.map(async (testCase) => {
        const { url, backend, close } = await backendWith(testCase);
        try {
          await Promise.all(
            ["awaited-session.mjs", "awaited-session.cjs"].map(async (fileName) => {
              // The call's time beside a no-op timer of its deadline (test-utils/deadline.ts), in the program.
              const start = TIME_AGAINST_DEADLINE_SOURCE + 'const tracer = HoneyHiveTracer.init({ project: "awaited", timeoutMs: ' + TIMEOUT_MS + ' });\n';
              const session = "timeAgainstDeadline(" + TIMEOUT_MS + ', () => tracer.acreateSession({ sessionName: "' + fileName + '" }))';
              const source = fileName.endsWith(".cjs")
                ? 'const { HoneyHiveTracer } = require("honeyhive");\n' + start + session + ".then(({ value: id, timing }) => report({ id, timing }));\n"
                : 'import { HoneyHiveTracer } from "honeyhive";\n' + start + "const { value: id, timing } = await " + session + ";\nreport({ id, timing });\n";
              const label = testCase.name + ", " + fileName;
              const run = await runProgram("awaited/" + testCase.name.replace(/\W+/g, "-") + "-" + fileName, source, { HH_API_URL: url });
              expectCleanRun(run);
              expect(run.result.id, label).toMatch(/^[0-9a-f-]{36}$/);
              const timing = run.result.timing as DeadlineTiming;
              const ms = timing.ms;
              // It was ms < TIMEOUT_MS + 100 + 2_000 of wall time: now the deadline as the program's clock kept it.
              expectKeptDeadline(timing, TIMEOUT_MS, label);
              expect(run.stderr, label).toMatch(reasons[testCase.name]!);
              expect(run.stderr, label).not.toMatch(/failed: aborted/);
              if (testCase.name === "accepts and never answers") {
                expect(ms, label).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
              } else {
                // Five attempts with backoffs of 250, 500, 1000 and 2000 ms (±20%): at least 3 s, twice the
                // exit flush's 1.5 s after which the session start was once aborted.
                expect(ms, label).toBeGreaterThanOrEqual(2_800);
              }
              if (backend) {
                // A hung attempt spends the whole deadline: it is the only one.
                const attempts = backend.startedSessions().filter((started) => started.session_name === fileName).length;
                expect(attempts, label).toBe(testCase.name === "accepts and never answers" ? 1 : 5);
              }
            }),
          );
        } finally {
          await close();
        }
      }),
    );
  }, 120_000);

  it("a script that traces, starts sessions without awaiting them and ends exits about 2 s after its work, in ESM and CommonJS", async () => {
    await Promise.all(
      faults.map(async (testCase) => {
        const { url, close } = await backendWith(testCase);
        try {
          // Both module systems at once.
          await Promise.all(["background.mjs", "background.cjs"].map(async (fileName) => {
            const body = `const tracer = HoneyHiveTracer.init({ project: "background", timeoutMs: 20000 });
const step = trace({ tracer, eventName: "step" }, (n) => n + 1);
tracer.createSession({ sessionName: "request" });
step(1);
tracer.enrichSession({ metadata: { done: true } });
void tracer.acreateSession({ sessionName: "never awaited" });
report({ ended: true });
workEnded();
`;
            const source = (fileName.endsWith(".cjs")
              ? 'const { HoneyHiveTracer, trace } = require("honeyhive");\n'
              : 'import { HoneyHiveTracer, trace } from "honeyhive";\n') + WORK_ENDED_SOURCE + body;
            const run = await runProgram("background/" + testCase.name.replace(/\W+/g, "-") + "-" + fileName, source, { HH_API_URL: url });
            expectCleanRun(run);
            expectExitedInTime(run, testCase.name + ", " + fileName + ": exit after the work ended");
          }));
        } finally {
          await close();
        }
      }),
    );
  }, 120_000);
});

// docs/sdk.md, Warnings: "each printed at most once per process; an outage once per outage". An ES
// module app whose CommonJS helper require()s honeyhive loads both builds: two copies of the package,
// which each printed every one of these lines.
it("an ES module app with a CommonJS helper: each once-per-process warning and the outage are printed once", async () => {
  mkdirSync(join(project.directory, "modules"), { recursive: true });
  writeFileSync(
    join(project.directory, "modules", "warning-helper.cjs"),
    `const { HoneyHiveTracer, trace, enrichSpan } = require("honeyhive");
// Written before explicit tracers: relies on the default tracer and the global enrichSpan().
exports.legacyStep = trace({ eventName: "legacy_step" }, (n) => { enrichSpan({ metadata: { from: "cjs" } }); return n + 1; });
exports.ownTracer = () => HoneyHiveTracer.init({ project: "helper", timeoutMs: 2000 });
`,
  );
  const run = await runProgram(
    "modules/warnings-once.mjs",
    `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
import helper from "./warning-helper.cjs";
const appStep = trace({ eventName: "app_step" }, (n) => { enrichSpan({ metadata: { from: "esm" } }); return n * 2; });
// No tracer yet: both copies find none.
const untraced = [appStep(1), helper.legacyStep(1)];
const tracer = HoneyHiveTracer.init({ project: "app", timeoutMs: 2000 });
// Now both copies fall back to the default tracer (one per process).
const traced = [appStep(2), helper.legacyStep(2)];
// Both copies' tracers talk to the same refusing server: one outage.
const helperTracer = helper.ownTracer();
await Promise.all([tracer.acreateSession({ sessionName: "app" }), helperTracer.acreateSession({ sessionName: "helper" })]);
report({ untraced, traced });
`,
    { HH_API_URL: await FakeHoneyHiveBackend.refusingUrl() },
  );
  expectCleanRun(run);
  expect(run.result).toEqual({ untraced: [2, 2], traced: [4, 3] });
  for (const line of [/found no tracer/g, /without a tracer used the default tracer/g, /enrichSpan\(\) is deprecated outside evaluate\(\)/g, /HoneyHive API POST \/session\/start failed/g]) {
    expect(run.stderr.match(line), String(line)).toHaveLength(1);
  }
});

// docs/sdk.md, Guarantees: "one pool per backend origin for the whole process … at most 16 sockets". An
// ES module app whose CommonJS helper require()s honeyhive loads both builds; each copy kept its own
// pools, so the two opened up to 32 sockets to one hung backend.
it("an ES module app with a CommonJS helper: both builds share one pool per origin, at most 16 sockets", () =>
  withBackend(async (backend) => {
    backend.inject({ mode: "hang" });
    mkdirSync(join(project.directory, "modules"), { recursive: true });
    writeFileSync(
      join(project.directory, "modules", "pool-helper.cjs"),
      `const { HoneyHiveTracer } = require("honeyhive");
exports.sessions = (count) => Promise.all(Array.from({ length: count }, (_, i) =>
  HoneyHiveTracer.init({ project: "helper", timeoutMs: 2500 }).acreateSession({ sessionName: "helper-" + i })));
`,
    );
    let mostOpen = 0;
    const watch = setInterval(() => (mostOpen = Math.max(mostOpen, backend.openConnections)), 5);
    try {
      const run = await runProgram(
        "modules/pool-shared.mjs",
        `import { HoneyHiveTracer } from "honeyhive";
import helper from "./pool-helper.cjs";
// 20 session calls from each copy of the package, all held by a backend that never answers.
const mine = Array.from({ length: 20 }, (_, i) =>
  HoneyHiveTracer.init({ project: "app", timeoutMs: 2500 }).acreateSession({ sessionName: "app-" + i }));
await Promise.all([...mine, helper.sessions(20)]);
report({ done: true });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
    } finally {
      clearInterval(watch);
    }
    // 40 calls in flight: the one pool is full, and never beyond its bound.
    expect(mostOpen).toBe(16);
  }));

// What the programs found that the docs promise and the SDK did not do. A case listed in KNOWN is
// asserted to fail (a fix turns it red: then delete the entry); every other case must hold.
interface Known {
  readonly test: string;
  readonly why: string;
  readonly where: string;
}
// None left: the three found (evaluate() against a fast-failing backend, a pasted key, the default tracer
// across copies of the package) were fixed in this branch.
const KNOWN: readonly Known[] = [];

function blindCase(name: string, body: () => Promise<void>, timeout = 60_000): void {
  const known = KNOWN.find((entry) => entry.test === name);
  if (known === undefined) it(name, body, timeout);
  else it(`known (not met today: ${known.why}; ${known.where}): ${name}`, () => expect(body()).rejects.toThrow(), timeout);
}

describe("found by the blind programs", () => {
  it("lists only cases that exist", () => {
    const names = [
      "an ES module app's tracer is the default tracer of implicit trace() in a CommonJS module of the same process",
      "an API key with a character no HTTP header can carry disables tracing with one warning naming `apiKey`, not an outage",
      "evaluate() against a backend that fails fast rejects with ExperimentApiError, and the code after it runs",
    ];
    for (const entry of KNOWN) expect(names).toContain(entry.test);
  });

  blindCase("an ES module app's tracer is the default tracer of implicit trace() in a CommonJS module of the same process", async () => {
    mkdirSync(join(project.directory, "modules"), { recursive: true });
    writeFileSync(
      join(project.directory, "modules", "legacy-helper.cjs"),
      `const { trace, setDefaultTracer } = require("honeyhive");
// Written before explicit tracers: relies on the default tracer (the first HoneyHiveTracer.init()).
exports.summarize = trace({ eventName: "summarize_from_cjs" }, (text) => text.slice(0, 3));
exports.clearDefault = () => setDefaultTracer(undefined);
`,
    );
    const run = await runProgram(
      "modules/default-across-copies.mjs",
      `import { HoneyHiveTracer, trace } from "honeyhive";
import helper from "./legacy-helper.cjs";
const tracer = HoneyHiveTracer.init({ project: "app", testMode: true });
const summary = helper.summarize("abcdef");
helper.clearDefault();
trace({ eventName: "after_clear" }, () => 1)();
report({ summary, spans: tracer.getFinishedSpans().map((span) => [span.name, span.attributes["honeyhive.session_id"] === tracer.sessionId]) });
`,
      { HH_API_KEY: "" },
    );
    expectCleanRun(run);
    expect(run.result).toEqual({ summary: "abc", spans: [["summarize_from_cjs", true]] });
  });

  blindCase("an API key with a character no HTTP header can carry disables tracing with one warning naming `apiKey`, not an outage", () =>
    withBackend(async (backend) => {
      const run = await runHosted(
        "pasted-key.mjs",
        `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate, EvaluateOptionsError } from "honeyhive/experiments";
// Copied from a web page: a zero-width space came along (trim() keeps it, no header may carry it).
const pasted = process.env.HH_API_KEY + "\\u200b";
const tracer = HoneyHiveTracer.init({ apiKey: pasted, project: "pasted" });
const value = trace({ tracer, eventName: "pasted" }, () => 42)();
// A disabled tracer's flush answers at once: before a no-op timer of 1 s started beside it fires (event
// order, not wall time: a wait on its 3 s deadline, or on the network, comes after that timer).
let timerFired = false;
const reference = setTimeout(() => (timerFired = true), 1000);
const flushed = await tracer.forceFlush({ timeoutMs: 3000 });
const flushedBeforeTimer = !timerFired;
clearTimeout(reference);
let rejected;
try { await evaluate({ apiKey: pasted, project: "pasted", function: () => 1, dataset: [{ inputs: {} }], timeoutMs: 1000 }); rejected = "resolved"; } catch (error) { rejected = { options: error instanceof EvaluateOptionsError, message: error.message }; }
report({ value, enabled: tracer.enabled, flushed, flushedBeforeTimer, rejected });
`,
        { HH_API_URL: backend.url },
      );
      expectCleanRun(run);
      expect(run.result).toMatchObject({ value: 42, enabled: false, flushed: false, rejected: { options: true } });
      // It was `flushMs < 1_000` of wall time, which a program starved of the CPU could miss.
      expect(run.result.flushedBeforeTimer).toBe(true);
      expect((run.result.rejected as { message: string }).message).toContain("`apiKey`");
      expect(run.stderr.match(/`apiKey`/g)).toHaveLength(1);
      expect(run.stderr).not.toMatch(/aborted|kept|No HoneyHive API key/);
      expect(backend.requests).toEqual([]);
    }));

  blindCase("evaluate() against a backend that fails fast rejects with ExperimentApiError, and the code after it runs", async () => {
    const fastFailures = BACKEND_FAULTS.filter((testCase) =>
      ["refuses connections", "resets the connection after reading the request", "answers bytes that are not HTTP", "answers 503"].includes(testCase.name),
    );
    expect(fastFailures).toHaveLength(4);
    // Every fault and both module systems at once (each program a process of its own).
    await Promise.all(fastFailures.map(async (testCase) => {
      const { url, close } = await backendWith(testCase);
      try {
        await Promise.all(["evaluate-down.cjs", "evaluate-down.mjs"].map(async (fileName) => {
          // The rejection against the program's own clock at the time (test-utils/deadline.ts), in both
          // module systems; ESM awaits it, so the code after the await runs.
          const body = `${TIME_AGAINST_DEADLINE_SOURCE}
timeAgainstDeadline(2500, () => evaluate({ function: () => 1, dataset: [{ inputs: {} }], project: "down", timeoutMs: 2500 }).then(
  () => "resolved",
  (error) => (error instanceof ExperimentApiError ? "ExperimentApiError" : String(error)),
)).then(({ value, timing }) => report({ settled: value, timing }));
`;
          const source = fileName.endsWith(".cjs")
            ? `const { evaluate, ExperimentApiError } = require("honeyhive/experiments");\n${body}`
            : `import { evaluate, ExperimentApiError } from "honeyhive/experiments";\n${body.replace("\ntimeAgainstDeadline(", "\nawait timeAgainstDeadline(")}`;
          const run = await runHosted(`down/${testCase.name.replace(/\W+/g, "-")}-${fileName}`, source, { HH_API_URL: url });
          expectCleanRun(run);
          expect(run.result.settled, `${testCase.name}, ${fileName}`).toBe("ExperimentApiError");
          // It was `ms < 2_500 + 2_000` of wall time (CJS only); the same 2 s stay as the work beside the deadline.
          expectKeptDeadline(run.result.timing as DeadlineTiming, 2_500, `${testCase.name}, ${fileName}`, 2_000);
        }));
      } finally {
        await close();
      }
    }));
  }, 120_000);
});
