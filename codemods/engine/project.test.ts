import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTransforms } from "./engine.js";
import { analyzeProject, linkProject } from "./project.js";
import { TRANSFORM_1X_IDS } from "../transforms/ids.js";
import { extractModuleFacts, type ModuleFacts } from "../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../analysis/parse-input.js";
import { FIXTURES_DIR } from "../../fixtures/index.js";

const root = mkdtempSync(join(tmpdir(), "honeyhive-project-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): string[] {
  return Object.entries(files).map(([path, text]) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  });
}

describe("analyzeProject", () => {
  const paths = write({
    "src/lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "app" });\n`,
    "src/lib/lazy.ts": `import { HoneyHiveTracer } from "honeyhive";\nlet cached: HoneyHiveTracer | undefined;\nexport function getTracer() {\n  cached ??= HoneyHiveTracer.init();\n  return cached;\n}\n`,
    "src/lib/private.ts": `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\ntracer.sessionStart();\n`,
    "src/eval/pipeline.ts": `import { trace } from "honeyhive";\nexport const answer = trace(async (datapoint: unknown) => datapoint);\nexport default async function grade() {}\n`,
    "src/eval/run.ts": `import { evaluate } from "honeyhive/experiments";\nimport { trace } from "honeyhive";\nimport grade, { answer as answerQuestion } from "./pipeline.js";\nawait evaluate({ function: answerQuestion, dataset: [], name: "a" });\nawait evaluate({ function: trace(grade), dataset: [], name: "b" });\n`,
    "src/eval/legacy.cjs": `const { evaluate } = require("honeyhive/experiments");\nconst { score } = require("./scoring");\nevaluate({ function: score, dataset: [], name: "c" });\n`,
    "src/eval/scoring.js": `exports.score = async () => 1;\n`,
    "src/broken.ts": `import { trace } from "honeyhive";\nconst = ;\n`,
  });
  const project = analyzeProject([...paths, join(root, "src/missing.ts")]);

  it("finds the modules that export a tracer or a tracer getter, not those that keep it private", () => {
    expect(Object.fromEntries(project.tracerModules)).toEqual({
      [join(root, "src/lib/tracing.ts")]: ["tracer"],
      [join(root, "src/lib/lazy.ts")]: ["getTracer"],
    });
  });

  it("links evaluate() calls to the exports they run, through renamed, default, trace()-wrapped and require imports", () => {
    expect(Object.fromEntries(project.evaluatedExports)).toEqual({
      [join(root, "src/eval/pipeline.ts")]: ["answer", "default"],
      [join(root, "src/eval/scoring.js")]: ["score"],
    });
    expect(project.factsFor(join(root, "src/eval/pipeline.ts"))).toEqual({ evaluatedExports: ["answer", "default"] });
    expect(project.factsFor(join(root, "src/lib/tracing.ts"))).toBeUndefined();
  });

  it("says when a file that runs no evaluate() on an evaluated module imports it too (a server serving the same export)", () => {
    const linked = analyzeProject(paths);
    const pipeline = join(root, "src/eval/pipeline.ts");
    // The evaluating file itself, an unrelated import, and a look-alike name elsewhere do not count.
    linked.noteImports(join(root, "src/eval/run.ts"), readFileSync(join(root, "src/eval/run.ts"), "utf8"));
    linked.noteImports(join(root, "src/other.ts"), `import { x } from "./lib/pipeline.js";\nimport { tracer } from "./lib/tracing.js";\n`);
    expect(linked.factsFor(pipeline)).toEqual({ evaluatedExports: ["answer", "default"] });
    linked.noteImports(join(root, "src/server.ts"), `import { answer } from "./eval/pipeline.js";\n`);
    expect(linked.factsFor(pipeline)).toEqual({ evaluatedExports: ["answer", "default"], importedOutsideEvaluate: true });
    expect(linked.factsFor(join(root, "src/eval/scoring.js"))).toEqual({ evaluatedExports: ["score"] });
  });

  it("sees an import through an alias, and takes one it cannot resolve but named like an evaluated module as outside evaluate (review-migrate finding 3)", () => {
    const pipeline = join(root, "src/eval/pipeline.ts");
    const unrelated = analyzeProject(paths);
    unrelated.noteImports(join(root, "src/api.ts"), `import { x } from "@/lib/tracing";\nimport express from "express";\n`);
    expect(unrelated.factsFor(pipeline)).toEqual({ evaluatedExports: ["answer", "default"] });
    const unresolved = analyzeProject(paths);
    unresolved.noteImports(join(root, "src/api.ts"), `import { answer } from "@/eval/pipeline";\n`);
    expect(unresolved.factsFor(pipeline)).toEqual({ evaluatedExports: ["answer", "default"], importedOutsideEvaluate: true });
    expect(unresolved.factsFor(join(root, "src/eval/scoring.js"))).toEqual({ evaluatedExports: ["score"] });
  });

  it("gets the same answers from the links the engine reads off its own parse of each file", () => {
    const linked = linkProject(
      paths.map((path) => {
        const result = runTransforms(readFileSync(path, "utf8"), path, { links: true });
        if (path.endsWith("broken.ts")) expect(result.links).toBeUndefined(); // no parse, no links
        return { path, ...(result.links ? { links: result.links } : {}) };
      }),
    );
    expect(linked.tracerModules).toEqual(project.tracerModules);
    expect(linked.evaluatedExports).toEqual(project.evaluatedExports);
    const tracing = join(root, "src/lib/tracing.ts");
    expect(runTransforms(readFileSync(tracing, "utf8"), tracing).links).toBeUndefined(); // only when asked
    expect(runTransforms(readFileSync(tracing, "utf8"), tracing, { links: true }).links).toEqual({ tracerExports: ["tracer"], evaluatedImports: [] });
  });

  it("tells which files the text prefilter skipped import a tracer module", () => {
    const handler = join(root, "src/routes/chat.ts");
    expect(project.importsTracerModule(handler, `import { client } from "../lib/tracing.js";\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `const lazy = require("../lib/lazy");\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `import { formatAnswer } from "../util/format.js";\n`)).toBe(false);
  });
});

describe("analyzeProject with modules that re-export a tracer module", () => {
  const paths = write({
    "barrels/lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const telemetry = HoneyHiveTracer.init();\nexport const version = 1;\n`,
  });
  write({
    "barrels/lib/all.ts": `export * from "./tracing";\n`,
    "barrels/lib/named.ts": `export { version, telemetry as t } from "./tracing.js";\n`,
    "barrels/lib/other.ts": `export { version } from "./tracing";\nexport type { telemetry } from "./tracing";\n`,
    "barrels/lib/chain.ts": `export * from "./named";\n`,
    "barrels/lib/plain.ts": `export const telemetry = { flush: async () => {} };\n`,
  });
  const project = analyzeProject(paths);
  const job = join(root, "barrels/job.ts");
  const imports = (module: string) => project.importsTracerModule(job, `import { telemetry } from "./lib/${module}";\nawait telemetry.flush();\n`);

  it("counts a skipped file importing a module that hands on a tracer export, directly or down a chain", () => {
    expect(imports("all")).toBe(true);
    expect(imports("named")).toBe(true);
    expect(imports("chain")).toBe(true);
  });

  it("does not count one whose module hands on none of the tracer module's tracers, or re-exports nothing", () => {
    expect(imports("other")).toBe(false);
    expect(imports("plain")).toBe(false);
  });
});

describe("analyzeProject with a folder's index", () => {
  const paths = write({
    "dotted/lib/index.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const client = HoneyHiveTracer.init({ project: "app" });\n`,
  });
  const project = analyzeProject(paths);

  it("follows `.` and `..`, which import the folder's index", () => {
    expect(project.importsTracerModule(join(root, "dotted/lib/route.ts"), `import { client } from ".";\n`)).toBe(true);
    expect(project.importsTracerModule(join(root, "dotted/lib/api/route.ts"), `import { client } from "..";\n`)).toBe(true);
    expect(project.importsTracerModule(join(root, "dotted/route.ts"), `import { client } from ".";\n`)).toBe(false);
  });
});

describe("fileLinks shares the rules' cross-file reading", () => {
  const paths = write({
    "aliased/package.json": `{ "name": "aliased", "private": true }\n`,
    "aliased/tsconfig.json": `{\n  // the Next.js alias\n  "compilerOptions": { "paths": { "@/*": ["./src/*"] }, },\n}\n`,
    "aliased/src/lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nexport { tracer as hh };\nexport function makeTracer() {\n  return HoneyHiveTracer.init();\n}\n`,
    "aliased/src/eval/pipeline.ts": `export const answer = async (datapoint: unknown) => datapoint;\n`,
    "aliased/src/eval/run.ts": `import { evaluate } from "honeyhive/experiments";\nimport { answer } from "@/eval/pipeline";\nawait evaluate({ function: answer, dataset: [], name: "a" });\n`,
  });
  const project = analyzeProject(paths.filter((path) => /\.ts$/.test(path)));

  it("names exported tracers and getters (a factory too) as the export facts do, under their exported names", () => {
    expect(project.tracerModules.get(join(root, "aliased/src/lib/tracing.ts"))).toEqual(["hh", "makeTracer"]);
  });

  it("links an evaluate() call to a function imported through a tsconfig `paths` alias", () => {
    expect(project.factsFor(join(root, "aliased/src/eval/pipeline.ts"))).toEqual({ evaluatedExports: ["answer"] });
  });
});

// gaps-rules-10b: `tracerExports` (fileLinks) lists an exported trace exporter by its `otel` export fact (small-fixes):
// one sending to HoneyHive is a tracer export, so a file the prefilter skipped that imports it is read (a Lambda
// handler flushing or shutting it down); one sending to another vendor is not. The module holds only the exporter.
describe("an exported trace exporter, by where it sends", () => {
  const exporterModule = (url: string) => `import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";\nexport const exporter = new OTLPTraceExporter({ url: "${url}" });\nexport const version = 1;\n`;
  const paths = write({
    "exporters/src/to-honeyhive.ts": exporterModule("https://api.honeyhive.ai/opentelemetry/v1/traces"),
    "exporters/src/to-honeycomb.ts": exporterModule("https://api.honeycomb.io/v1/traces"),
  });
  const project = analyzeProject(paths);
  const handler = join(root, "exporters/src/handler.ts");

  it("lists the exporter to HoneyHive among the module's tracer exports, not the one to Honeycomb", () => {
    const links = (path: string) => runTransforms(readFileSync(path, "utf8"), path, { links: true }).links?.tracerExports;
    expect(links(paths[0]!)).toEqual(["exporter"]);
    expect(links(paths[1]!) ?? []).toEqual([]);
    expect(project.tracerModules.get(paths[0]!)).toEqual(["exporter"]);
    expect(project.tracerModules.has(paths[1]!)).toBe(false);
  });

  it("so a skipped file importing the exporter to HoneyHive is read, one importing the Honeycomb one is not", () => {
    expect(project.importsTracerModule(handler, `import { exporter } from "./to-honeyhive";\nexport const handler = async () => { await exporter.forceFlush(); };\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `import { exporter } from "./to-honeycomb";\nexport const handler = async () => { await exporter.forceFlush(); };\n`)).toBe(false);
  });
});

// D7: a 2.x class's field initialized with an init and used as the tracer only by another module
// (`telemetry.tracer.createSession()`) is no 1.x promise: the project pass says so, 1x-init then leaves it unmarked.
describe("members another module uses as a tracer (D7)", () => {
  const TELEMETRY = `import { HoneyHiveTracer } from "honeyhive";\nexport class Telemetry {\n  tracer = HoneyHiveTracer.init({ project: "app" });\n}\nexport const telemetry = new Telemetry();\n`;
  const paths = write({
    "d7/src/telemetry.ts": TELEMETRY,
    "d7/src/route.ts": `import { telemetry } from "./telemetry.js";\nexport function handle() {\n  return telemetry.tracer.createSession({ sessionName: "r" });\n}\n`,
    "d7/src/other.ts": `import { config } from "./config.js";\nexport const on = config.tracer.forceFlush;\n`,
    "d7-1x/src/telemetry.ts": TELEMETRY,
    "d7-1x/src/route.ts": `import { telemetry } from "./telemetry.js";\nexport async function handle() {\n  telemetry.tracer.then((t) => t.trace(() => 1));\n  return (await telemetry.tracer).trace(() => 2);\n}\n`,
  });
  const project = analyzeProject(paths);
  for (const path of paths) project.noteImports(path, readFileSync(path, "utf8"));
  const from1 = (path: string, withFacts = true) => {
    const facts = withFacts ? project.factsFor(path) : undefined;
    return runTransforms(TELEMETRY, path, { transforms: TRANSFORM_1X_IDS, ...(facts ? { project: facts } : {}) });
  };

  it("records the member an importer uses as a tracer, for the module it imports, not for other modules or a promise's use", () => {
    expect(project.factsFor(paths[0]!)).toEqual({ evaluatedExports: [], membersUsedAsTracer: ["tracer"] });
    expect(project.factsFor(paths[3]!)).toBeUndefined();
  });

  it("keeps the untyped-promise marker off that field, and on it where the importers await it or call .then()", () => {
    expect(from1(paths[0]!, false).markers).toBe(1);
    expect(from1(paths[0]!).output).toBe(TELEMETRY);
    expect(from1(paths[3]!).markers).toBe(1);
  });
});

// review-migrate4: text that only names the member (a comment, a string) or an importer's own class's member
// (`this.tracer.trace()`) is no evidence about the imported module's field, which 1.x code here awaits.
describe("members another module uses as a tracer: look-alikes (D7)", () => {
  const TELEMETRY = `import { HoneyHiveTracer } from "honeyhive";\nexport class Telemetry {\n  tracer = HoneyHiveTracer.init({ project: "app" });\n}\nexport const telemetry = new Telemetry();\n`;
  const AWAITED = `export async function h() {\n  return (await telemetry.tracer).trace(() => 1);\n}\n`;
  const importers: Record<string, string> = {
    comment: `import { telemetry } from "./telemetry.js";\n// later: telemetry.tracer.trace(fn)\n/* or telemetry.tracer.createSession() */\n${AWAITED}`,
    string: `import { telemetry } from "./telemetry.js";\nexport const doc = ["call telemetry.tracer.createSession()", 'x.tracer.forceFlush()', \`t.tracer.trace\`];\n${AWAITED}`,
    own: `import { telemetry } from "./telemetry.js";\nclass Own {\n  tracer = make();\n  go() {\n    this.tracer.trace(() => 1);\n  }\n}\ndeclare function make(): { trace(fn: () => number): number };\nexport const own = new Own();\n${AWAITED}`,
  };
  it.each(Object.keys(importers))("an importer's %s gives no evidence", (name) => {
    const paths = write({ [`d7-lookalike-${name}/src/telemetry.ts`]: TELEMETRY, [`d7-lookalike-${name}/src/route.ts`]: importers[name]! });
    const project = analyzeProject(paths);
    for (const path of paths) project.noteImports(path, readFileSync(path, "utf8"));
    expect(project.factsFor(paths[0]!)).toBeUndefined();
  });
});

// review-migrate4: a longer chain is read at each link (`this.tracing.tracer.…`: a NestJS-injected service,
// real-code-public shape 24), not only where its first two links are the member and the tracer's method.
describe("members another module uses as a tracer: chains (D7)", () => {
  const SERVICE = `import { HoneyHiveTracer } from "honeyhive";\nexport class TracingService {\n  tracer = HoneyHiveTracer.init({ project: "app" });\n}\n`;
  const importers: Record<string, string> = {
    injected: `import { TracingService } from "./service.js";\nexport class Chat {\n  constructor(private readonly tracing: TracingService) {}\n  post() {\n    this.tracing.tracer.sessionStart({ sessionName: "chat" });\n  }\n}\n`,
    nested: `import { TracingService } from "./service.js";\nconst app = { telemetry: new TracingService() };\nexport const run = () => app.telemetry.tracer.trace(() => 1);\n`,
  };
  it.each(Object.keys(importers))("%s", (name) => {
    const paths = write({ [`d7-chain-${name}/src/service.ts`]: SERVICE, [`d7-chain-${name}/src/use.ts`]: importers[name]! });
    const project = analyzeProject(paths);
    for (const path of paths) project.noteImports(path, readFileSync(path, "utf8"));
    expect(project.factsFor(paths[0]!)).toEqual({ evaluatedExports: [], membersUsedAsTracer: ["tracer"] });
  });
});

// perf-migrate-1x: `fileLinks` asks the extractor for the `tracers` scope only (no flush analysis, session
// helpers, bound functions… of each export). The links must be the ones the full extraction gives.
describe("fileLinks' `tracers` scope of the export facts", () => {
  const READ_KINDS = new Set(["tracer", "getter", "otel", "otelTracer", "initsTracer"]);
  const linkFacts = (facts: ModuleFacts) => ({
    exports: Object.fromEntries(
      Object.entries(facts.exports).flatMap(([name, list]) => {
        const read = list.filter((fact) => READ_KINDS.has(fact.kind)).map((fact) => (fact.kind === "getter" ? { kind: "getter" } : fact));
        return read.length > 0 ? [[name, read]] : [];
      }),
    ),
    tracerHolders: facts.tracerHolders,
    otelPipeline: facts.otelPipeline,
    sdkReExport: facts.sdkReExport,
  });
  const sources: string[] = [];
  (function walk(directory: string): void {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) sources.push(path);
    }
  })(FIXTURES_DIR);

  // Parses every fixture file twice over (~5 s of CPU quiet): under load the 30 s default is too close (a run with
  // eight other jobs on the machine took longer), so the sweep has a timeout of its own.
  const FIXTURE_SWEEP_TIMEOUT_MS = 180_000;
  it("gives every fixture file that exports something the tracer facts the full extraction gives", () => {
    let withFacts = 0;
    for (const path of sources) {
      const text = readFileSync(path, "utf8");
      if (!/\bexport\b|\bexports\b/.test(text)) continue;
      let input: ReturnType<typeof parseAnalysisInput>;
      try {
        input = parseAnalysisInput(text, path);
      } catch {
        continue; // a fixture that does not parse on purpose
      }
      // The `tracers` scope first: it cannot lean on models only the full extraction would have cached.
      const tracers = linkFacts(extractModuleFacts(input, "tracers"));
      const expected = linkFacts(extractModuleFacts(input));
      if (Object.keys(expected.exports).length > 0 || expected.tracerHolders) withFacts += 1;
      expect(tracers, path).toEqual(expected);
    }
    // The comparison is not vacuous: the fixtures export tracers, getters and holders.
    expect(withFacts).toBeGreaterThan(100);
  }, FIXTURE_SWEEP_TIMEOUT_MS);

  it("leaves out what a called export does (flush helper, session helper, bound function)", () => {
    const text = `import { HoneyHiveTracer, trace } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init();\nexport async function done() {\n  await tracer.forceFlush();\n}\nexport function start() {\n  tracer.sessionStart();\n}\nexport const traced = trace({ tracer }, async () => 1);\nexport function fresh() {\n  return HoneyHiveTracer.init();\n}\n`;
    const full = extractModuleFacts(parseAnalysisInput(text, join(root, "scope/src/tracing.ts")));
    const tracers = extractModuleFacts(parseAnalysisInput(text, join(root, "scope/src/tracing.ts")), "tracers");
    expect(full.exports.done?.map((fact) => fact.kind)).toEqual(["flushHelper"]);
    expect(full.exports.start?.map((fact) => fact.kind)).toEqual(["sessionHelper"]);
    expect(full.exports.traced?.map((fact) => fact.kind)).toEqual(["boundFunction"]);
    // A factory's initsTracer fact is kept: what a handler calling it pays (hoist-tracer-init reads it from the links).
    expect(tracers.exports).toEqual({
      tracer: [{ kind: "tracer" }],
      fresh: [
        { kind: "getter", caching: false, async: false },
        { kind: "initsTracer", display: "HoneyHiveTracer.init()", line: 11, api: "honeyhive" },
      ],
    });
  });
});

describe("analyzeProject in a workspace monorepo (a tracer in packages/telemetry, imported as @acme/telemetry)", () => {
  const base = mkdtempSync(join(tmpdir(), "honeyhive-workspace-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ private: true, workspaces: ["packages/*", "apps/*"] }),
    "packages/telemetry/package.json": JSON.stringify({ name: "@acme/telemetry", main: "src/index.ts" }),
    "packages/telemetry/src/index.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const telemetry = HoneyHiveTracer.init({ project: "app" });\n`,
    "packages/telemetry/src/format.ts": `export const formatAnswer = (text: string) => text.trim();\n`,
    "packages/telemetry/src/tracing.ts": `export { telemetry } from "./index.js";\n`,
    "tools/other/package.json": JSON.stringify({ name: "@acme/other", main: "src/index.ts" }),
    "tools/other/src/index.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const telemetry = HoneyHiveTracer.init({ project: "app" });\n`,
    "apps/api/package.json": JSON.stringify({ name: "@acme/api", dependencies: { "@acme/telemetry": "workspace:*" } }),
    // An OpenTelemetry pipeline to HoneyHive registered by a workspace package that apps load for its effect.
    "packages/otel/package.json": JSON.stringify({ name: "@acme/otel", main: "src/index.ts" }),
    "packages/otel/src/index.ts": `import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }))],
});
provider.register();
`,
  };
  const paths = Object.entries(files).map(([path, text]) => {
    const full = join(base, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  });
  const project = analyzeProject(paths.filter((path) => path.endsWith(".ts")));
  const handler = join(base, "apps/api/src/chat.ts");

  it("tells that a skipped file imports the tracer module by the package's name or a subpath, not another package's", () => {
    expect(project.tracerModules.has(join(base, "packages/telemetry/src/index.ts"))).toBe(true);
    expect(project.importsTracerModule(handler, `import { telemetry } from "@acme/telemetry";\nawait telemetry.flush();\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `import { telemetry } from "@acme/telemetry/src/tracing.js";\nawait telemetry.flush();\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `import { formatAnswer } from "@acme/telemetry/src/format.js";\n`)).toBe(false);
    // Not in the workspace's patterns (tools/*): a dependency, whatever its folder holds.
    expect(project.importsTracerModule(handler, `import { telemetry } from "@acme/other";\nawait telemetry.flush();\n`)).toBe(false);
  });

  it("links a bare side-effect import of a workspace package that registers a pipeline, as a relative one (`import \"./instrumentation\"`)", () => {
    const handler = `import "@acme/otel";\nimport { trace } from "@opentelemetry/api";\nexport const handler = async () => trace.getTracer("api").startActiveSpan("a", (span) => span.end());\n`;
    expect(project.importsTracerModule(join(base, "apps/api/src/lambda.ts"), handler)).toBe(true);
    // Look-alikes: a side-effect import of a workspace package that registers nothing, or of a package outside the workspace.
    expect(project.importsTracerModule(join(base, "apps/api/src/lambda.ts"), handler.replace("@acme/otel", "@acme/telemetry/src/format.js"))).toBe(false);
    expect(project.importsTracerModule(join(base, "apps/api/src/lambda.ts"), handler.replace("@acme/otel", "@acme/unknown-otel"))).toBe(false);
  });
});
