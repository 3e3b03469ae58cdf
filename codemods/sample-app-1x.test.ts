// A whole 1.x application (fixtures/sample-app-1x: a script, an Express server with per-request
// `startSession()`, a Lambda that flushes, an evaluate() experiment, a shared tracing module with a
// getter, free wrappers in a module of their own) through `honeyhive migrate --from 1
// --update-package`, as a user runs it. The output must be exactly fixtures/sample-app-1x-expected;
// that tree must compile against the built package (`tsc --strict`), lint clean under the recommended
// config except where a review marker stands, have nothing left for a second run, and — run in test
// mode — record the span tree, event types and sessions the 1.x code meant.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import plugin from "../rules/index.js";
import { createConsumerProject, runCommand, typeCheck, type ConsumerProject } from "../sdk/test-utils/consumer-project.js";
import type { JsonReport } from "./cli/report.js";
import { makeGitProject } from "./cli/test-utils/git-project.js";
import { read, removeProjects, runInProcess, treeOf } from "./cli/test-utils/project.js";
import { packageVersion } from "./cli/version.js";
import { countMarkers } from "./engine/markers.js";

const APP = join(FIXTURES_DIR, "sample-app-1x");
const EXPECTED = join(FIXTURES_DIR, "sample-app-1x-expected");

/** The expected tree as `migrate` writes it for this package's version (the fixture spells ^2.0.0). */
function expectedTree(): Record<string, string> {
  const tree = treeOf(EXPECTED);
  tree["package.json"] = tree["package.json"]!.replace('"honeyhive": "^2.0.0"', `"honeyhive": "^${packageVersion()}"`);
  return tree;
}

afterAll(removeProjects);

describe("sample 1.x app through migrate --from 1", () => {
  it("writes exactly the expected tree, bumps package.json, and a second run has nothing to change", async () => {
    const app = treeOf(APP);
    const root = makeGitProject(app);
    const first = await runInProcess(root, ["migrate", "--from", "1", "--update-package", "--json"], null);
    expect(first.code, first.stderr).not.toBe(1);
    const migrated = Object.fromEntries(Object.keys(app).map((path) => [path, read(root, path)]));
    expect(migrated).toEqual(expectedTree());

    const second = await runInProcess(root, ["migrate", "--from", "1", "--json", "--allow-dirty"], null);
    expect(Object.fromEntries(Object.keys(app).map((path) => [path, read(root, path)]))).toEqual(migrated);
    expect((JSON.parse(second.stdout) as JsonReport).summary.changed, second.stderr).toBe(0);
  });
});

describe("the expected tree", () => {
  let project: ConsumerProject;
  /** One `tsc` run (strict, emitting to out/): the compile check and the test-mode run both need it. */
  let compiled: Promise<void>;
  const sources = Object.keys(treeOf(join(EXPECTED, "src"))).map((path) => join("src", path));

  beforeAll(() => {
    project = createConsumerProject("sample-app-1x", { moduleType: "module", linkedDependencies: ["@types", "express"] });
    cpSync(join(EXPECTED, "src"), join(project.directory, "src"), { recursive: true });
    const compilerOptions = { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, rootDir: "src", outDir: "out", skipLibCheck: true, types: ["node"] };
    writeFileSync(join(project.directory, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src/**/*.ts"] }));
    compiled = typeCheck(join(project.directory, "tsconfig.json"));
    // Awaited by the tests; an unobserved rejection before then would be reported on its own.
    compiled.catch(() => undefined);
  });
  afterAll(() => project?.remove());

  it("compiles against the built package with --strict", async () => {
    await compiled;
  }, 120_000);

  it("lints clean under the recommended config, except where a review marker stands", async () => {
    const config = [{ ...plugin.configs.recommended, files: ["**/*.ts"], languageOptions: { parser: tsParser } }];
    // typescript-eslint's config types are not ESLint's own; the object is the same at runtime.
    const eslint = new ESLint({ cwd: project.directory, overrideConfigFile: true, overrideConfig: config as unknown as ESLint.Options["overrideConfig"] });
    const results = await eslint.lintFiles(sources.map((path) => join(project.directory, path)));
    const unmarked = results.flatMap((result) => {
      const lines = readFileSync(result.filePath, "utf8").split("\n");
      // A marker is the line right above the statement it concerns (a finding may be a line or two into it).
      const marked = (line: number) => lines.slice(Math.max(0, line - 4), line - 1).some((text) => countMarkers(text) > 0);
      return result.messages.filter((message) => !marked(message.line)).map((message) => `${relative(project.directory, result.filePath)}:${message.line} ${message.ruleId ?? message.message}`);
    });
    expect(unmarked).toEqual([]);
    // The same config reads the 1.x app (the check above is not vacuous): its Lambda, which flushes with
    // 1.x's `await tracer.flush()`, is accepted by the flush rule, and reported once that flush is gone.
    // (Its `startSession()` on the shared tracer is reported: in 1.x it returns the init session, so
    // every warm invocation shares it; `migrate --from 1` turns it into createSession().)
    const lambda = join("src", "lambda", "handler.ts");
    const lambdaText = readFileSync(join(APP, lambda), "utf8");
    const ruleIdsOf = async (text: string) =>
      (await eslint.lintText(text, { filePath: join(project.directory, lambda) })).flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(await ruleIdsOf(lambdaText)).toEqual(["honeyhive/no-session-start-in-handler"]);
    expect(await ruleIdsOf(lambdaText.replace("  await tracer.flush();\n", ""))).toEqual(["honeyhive/require-force-flush-in-lambda", "honeyhive/no-session-start-in-handler"]);
  }, 60_000);

  it("records, in test mode, the spans, event types and sessions the 1.x code meant", async () => {
    await compiled;
    writeFileSync(join(project.directory, "drive.mjs"), DRIVER);
    const run = await runCommand(process.execPath, ["drive.mjs"], { cwd: project.directory, env: { ...process.env, HH_TEST_MODE: "true", HH_API_KEY: "" }, timeout: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    const observed = JSON.parse(run.stdout) as Observed;
    const { initSession } = observed;
    expect(initSession).toMatch(/^[0-9a-f-]{36}$/);

    const answerTree = (session: string) => ({ name: "answer_question", type: "chain", session, children: [
      { name: "search_docs", type: "tool", session, children: [] },
      { name: "call_model", type: "model", session, children: [] },
    ] });

    // The script: its spans in the tracer's own session, as 1.x recorded them.
    expect(observed.script.tree).toEqual([{ name: "summarize", type: "chain", session: initSession, children: [{ name: "call_model", type: "model", session: initSession, children: [] }] }]);
    expect(observed.script.output).toBe("answer to: t-1");

    // The server: one session per request (what startSession() in a handler meant), none the init session.
    const [first, second] = observed.server.responses;
    expect(new Set([first!.sessionId, second!.sessionId, initSession]).size).toBe(3);
    expect(observed.server.tree).toEqual([answerTree(first!.sessionId), answerTree(second!.sessionId)]);

    // The Lambda: the same, per invocation, and everything flushed before it returned.
    const [coldStart, warm] = observed.lambda.bodies;
    expect(new Set([coldStart!.sessionId, warm!.sessionId, initSession]).size).toBe(3);
    expect(observed.lambda.tree).toEqual([answerTree(coldStart!.sessionId), answerTree(warm!.sessionId)]);

    // The experiment: a session per datapoint, the evaluator's metric under the name it was given.
    expect(observed.evaluation.map(({ metrics }) => metrics)).toEqual([{ mentions_topic: true }, { mentions_topic: true }]);
    expect(new Set(observed.evaluation.map(({ sessionId }) => sessionId)).size).toBe(2);
  }, 120_000);
});

interface SpanTree {
  name: string;
  type: unknown;
  session: unknown;
  children: SpanTree[];
}

interface Observed {
  initSession: string;
  script: { output: string; tree: SpanTree[] };
  server: { responses: { sessionId: string; answer: string }[]; tree: SpanTree[] };
  lambda: { bodies: { sessionId: string; answer: string }[]; tree: SpanTree[] };
  evaluation: { sessionId: string; metrics: Record<string, unknown> }[];
}

/** Runs each part of the compiled app in test mode and prints what the tracer recorded, as span trees per part. */
const DRIVER = `
const { tracer } = await import("./out/lib/tracing.js");
const taken = new Set();
function newTree() {
  const spans = tracer.getFinishedSpans().filter((span) => !taken.has(span));
  for (const span of spans) taken.add(span);
  const idOf = (span) => span.spanContext().spanId;
  const parentOf = (span) => span.parentSpanContext?.spanId ?? span.parentSpanId;
  const ids = new Set(spans.map(idOf));
  const build = (span) => ({
    name: span.name,
    type: span.attributes["honeyhive_event_type"],
    session: span.attributes["honeyhive.session_id"],
    children: spans.filter((child) => parentOf(child) === idOf(span)).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]).map(build),
  });
  return spans.filter((span) => !ids.has(parentOf(span))).map(build);
}
const observed = { initSession: tracer.sessionId };

const { main } = await import("./out/scripts/summarize.js");
const output = await main(["t-1", "t-2"]);
observed.script = { output, tree: newTree() };

const { start } = await import("./out/server.js");
const server = start(0);
await new Promise((resolve) => server.once("listening", resolve));
const url = "http://127.0.0.1:" + server.address().port + "/chat";
const responses = [];
for (const question of ["refunds", "shipping"]) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  responses.push(await response.json());
}
server.close();
await tracer.forceFlush();
observed.server = { responses, tree: newTree() };

const { handler } = await import("./out/lambda/handler.js");
const bodies = [];
for (const question of ["invoices", "returns"]) bodies.push(JSON.parse((await handler({ body: JSON.stringify({ question }) })).body));
observed.lambda = { bodies, tree: newTree() };

const { runExperiment } = await import("./out/eval/run-experiment.js");
const result = await runExperiment();
observed.evaluation = result.results.map(({ sessionId, metrics }) => ({ sessionId, metrics }));

process.stdout.write(JSON.stringify(observed));
`;
