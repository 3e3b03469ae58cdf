// `migrate --from 1` on a project whose code imports honeyhive through its own module (a barrel:
// `export * from "honeyhive"`, `module.exports = require("honeyhive")`, named re-exports): the
// consumers are migrated as SDK code and keep importing through the barrel, the barrel stays valid
// (a 1.x-only name it re-exports by name is marked), and the result type-checks against this package.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createConsumerProject, strictConsumerOptions, typeCheck, type ConsumerProject } from "../../../sdk/test-utils/consumer-project.js";
import { runInProcess, writeFiles } from "../../cli/test-utils/project.js";

const projects: ConsumerProject[] = [];
afterAll(() => {
  for (const project of projects) project.remove();
});

/** A project that depends on the built package (node_modules/honeyhive), holding `files`, committed in git (migrate's guard). */
function projectWith(files: Readonly<Record<string, string>>): string {
  const project = createConsumerProject("barrel-1x", { moduleType: "module", linkedDependencies: ["@types"] });
  projects.push(project);
  writeFiles(project.directory, {
    "package.json": '{ "name": "app", "private": true, "type": "module", "dependencies": { "honeyhive": "^1.0.42" } }\n',
    ".gitignore": "node_modules\n",
    ...files,
  });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: project.directory, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "init");
  git("add", "-A");
  git("-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "1.x");
  return project.directory;
}

const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");

const TSCONFIG = JSON.stringify({
  compilerOptions: strictConsumerOptions({ paths: { "@/*": ["./src/*"] } }),
  include: ["src/app.ts", "src/tools.ts"],
});

describe("migrate --from 1 through a project barrel", () => {
  it("migrates ESM and CommonJS consumers of a barrel, keeps their imports on it, and type-checks", async () => {
    const root = projectWith({
      "tsconfig.json": TSCONFIG,
      "src/lib/hh.ts": "// The app's one door to HoneyHive.\nexport * from \"honeyhive\";\n",
      "src/app.ts":
        'import { HoneyHiveTracer, traceModel } from "./lib/hh";\n\n' +
        'export const tracer = await HoneyHiveTracer.init({ project: "app" });\n\n' +
        "export const answer = traceModel(async (question: string) => question.toUpperCase(), { eventName: \"answer\" });\n\n" +
        "export async function done(): Promise<void> {\n  await tracer.flush();\n}\n",
      "src/tools.ts":
        'import { traceTool, type TraceFunctionOptions } from "@/lib/hh";\nimport { tracer } from "./app";\n\n' +
        'export const searchOptions: TraceFunctionOptions = { eventName: "search" };\n' +
        "export const search = traceTool(async (query: string) => [query]);\n" +
        "export const sessionOf = () => tracer.sessionId;\n",
      "src/lib/hh.cjs": 'module.exports = require("honeyhive");\n',
      "src/worker.cjs":
        'const { HoneyHiveTracer, traceChain } = require("./lib/hh.cjs");\n\n' +
        "async function main() {\n" +
        '  const tracer = await HoneyHiveTracer.init({ project: "worker" });\n' +
        "  const run = traceChain(async () => 1);\n" +
        "  await run();\n" +
        "  await tracer.flush();\n" +
        "}\n\nmain();\n",
    });

    const first = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(first.code, first.stderr).toBe(0);
    expect(read(root, "src/lib/hh.ts")).toBe("// The app's one door to HoneyHive.\nexport * from \"honeyhive\";\n");
    expect(read(root, "src/lib/hh.cjs")).toBe('module.exports = require("honeyhive");\n');
    expect(read(root, "src/app.ts")).toBe(
      'import { HoneyHiveTracer, trace } from "./lib/hh";\n\n' +
        'export const tracer = HoneyHiveTracer.init({ project: "app" });\n\n' +
        'export const answer = trace({ eventType: "model", eventName: "answer", tracer }, async (question: string) => question.toUpperCase());\n\n' +
        "export async function done(): Promise<void> {\n  await tracer.forceFlush();\n}\n",
    );
    // `tracer` of ./app is initialized through the barrel: the facts of ./app read it through the
    // barrel (what a barrel hands on is syntax), so it is proven a HoneyHive tracer and bound.
    expect(read(root, "src/tools.ts")).toBe(
      'import { type TraceOptions, trace } from "@/lib/hh";\nimport { tracer } from "./app";\n\n' +
        'export const searchOptions: TraceOptions = { eventName: "search" };\n' +
        'export const search = trace({ eventType: "tool", tracer }, async (query: string) => [query]);\n' +
        "export const sessionOf = () => tracer.sessionId;\n",
    );
    expect(read(root, "src/worker.cjs")).toBe(
      'const { HoneyHiveTracer, trace } = require("./lib/hh.cjs");\n\n' +
        "async function main() {\n" +
        '  const tracer = HoneyHiveTracer.init({ project: "worker" });\n' +
        '  const run = trace({ eventType: "chain", tracer }, async () => 1);\n' +
        "  await run();\n" +
        "  await tracer.forceFlush();\n" +
        "}\n\nmain();\n",
    );
    await typeCheck(join(root, "tsconfig.json"));

    execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false", "commit", "-q", "-am", "migrated"], { cwd: root });
    const second = await runInProcess(root, ["migrate", "--from", "1", "--check"], null);
    // Nothing left to change, and no marker to review.
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout + second.stderr).toContain("0 would change");
  }, 120_000);

  it("follows a barrel of a barrel (a lib index re-exporting the SDK module) one module further", async () => {
    const root = projectWith({
      "src/lib/hh.ts": 'export * from "honeyhive";\n',
      "src/lib/index.ts": 'export * from "./hh";\nexport const version = 1;\n',
      "src/app.ts":
        'import { HoneyHiveTracer, traceModel } from "./lib";\n\n' +
        'const tracer = await HoneyHiveTracer.init({ project: "app" });\n' +
        "export const answer = traceModel(async (question: string) => question);\n" +
        "export const done = () => tracer.flush();\n",
    });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, "src/lib/index.ts")).toBe('export * from "./hh";\nexport const version = 1;\n');
    expect(read(root, "src/app.ts")).toBe(
      'import { HoneyHiveTracer, trace } from "./lib";\n\n' +
        'const tracer = HoneyHiveTracer.init({ project: "app" });\n' +
        'export const answer = trace({ eventType: "model", tracer }, async (question: string) => question);\n' +
        "export const done = () => tracer.forceFlush().then(() => {});\n",
    );
  }, 60_000);

  it("follows a chain of barrels of any depth, and a consumer that imports the barrel for types only, and type-checks", async () => {
    const root = projectWith({
      "tsconfig.json": JSON.stringify({
        compilerOptions: strictConsumerOptions(),
        include: ["src/app.ts", "src/tools.ts"],
      }),
      "src/lib/sdk/hh.ts": 'export * from "honeyhive";\n',
      "src/lib/sdk/index.ts": 'export * from "./hh";\n',
      "src/lib/index.ts": 'export * from "./sdk";\nexport const version = 1;\n',
      "src/app.ts":
        'import { HoneyHiveTracer, traceModel } from "./lib";\n\n' +
        'export const tracer = await HoneyHiveTracer.init({ project: "app" });\n' +
        "export const answer = traceModel(async (question: string) => question);\n",
      "src/tools.ts":
        'import type { HoneyHiveTracer } from "./lib";\n\n' +
        "export function searchWith(tracer: HoneyHiveTracer) {\n" +
        '  return tracer.traceTool(async (query: string) => [query], { eventName: "search" });\n' +
        "}\n\nexport async function finish(tracer: HoneyHiveTracer): Promise<void> {\n  await tracer.flush();\n}\n",
    });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, "src/app.ts")).toBe(
      'import { HoneyHiveTracer, trace } from "./lib";\n\n' +
        'export const tracer = HoneyHiveTracer.init({ project: "app" });\n' +
        'export const answer = trace({ eventType: "model", tracer }, async (question: string) => question);\n',
    );
    expect(read(root, "src/tools.ts")).toBe(
      'import type { HoneyHiveTracer } from "./lib";\n\n' +
        "export function searchWith(tracer: HoneyHiveTracer) {\n" +
        '  return tracer.trace({ eventType: "tool", eventName: "search" }, async (query: string) => [query]);\n' +
        "}\n\nexport async function finish(tracer: HoneyHiveTracer): Promise<void> {\n  await tracer.forceFlush();\n}\n",
    );
    await typeCheck(join(root, "tsconfig.json"));
  }, 120_000);

  it("marks a 1.x-only name a barrel re-exports by name, and imports new names from honeyhive where the barrel lacks them", async () => {
    const root = projectWith({
      "src/lib/hh.ts": 'export { HoneyHiveTracer, traceFunction } from "honeyhive";\n',
      "src/app.ts":
        'import { HoneyHiveTracer, traceFunction } from "./lib/hh";\n\n' +
        'const tracer = await HoneyHiveTracer.init({ project: "app" });\n' +
        'export const f = traceFunction({ eventName: "f" })(async () => 1);\n',
    });
    const run = await runInProcess(root, ["migrate", "--from", "1"], null);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, "src/lib/hh.ts")).toBe(
      "/* honeyhive-migrate: re-exported 1.x traceFunction has no export of that name here: traceFunction: use trace({ tracer, ...options }, fn) at its callers */\n" +
        'export { HoneyHiveTracer, traceFunction } from "honeyhive";\n',
    );
    expect(read(root, "src/app.ts")).toBe(
      'import { trace } from "honeyhive";\nimport { HoneyHiveTracer } from "./lib/hh";\n\n' +
        'const tracer = HoneyHiveTracer.init({ project: "app" });\n' +
        'export const f = trace({ eventName: "f", tracer }, async () => 1);\n',
    );
  }, 60_000);
});

