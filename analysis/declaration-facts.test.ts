// A hand-written declaration file read for facts (analysis/declaration-facts.ts), and read beside a JavaScript module
// whose own facts name no tracer (analysis/project-modules.ts `factsOf`): blind-1x-10 shape 10, where
// `shared-tracer.js` fills `shared.tracer` in a `.then()` and only `shared-tracer.d.ts` says it is a HoneyHiveTracer.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule, { RULE_NAME } from "../rules/require-force-flush-in-lambda.js";
import { lintCase } from "../rules/test-utils/blind-cases.js";
import { parseAnalysisInput } from "./parse-input.js";
import { NODE_FILE_SYSTEM, NO_FACTS, ProjectModules, type ProjectFileSystem } from "./project-modules.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

/** The codemods' reader of another module's facts, which reads a declaration file by its name. */
const readFacts = parseAnalysisInput("", "app.ts").readModuleFacts!;
const factsOfDeclaration = (text: string, name = "src/tracing.d.ts") => readFacts(text, join("/project", name));

const TYPE_IMPORT = `import type { HoneyHiveTracer } from "honeyhive";\n`;
const SHARED_DTS = `${TYPE_IMPORT}
declare namespace SharedTracer {
  const tracer: HoneyHiveTracer;
  function traceFunction(options?: { eventName?: string }): <F extends (...args: any[]) => any>(fn: F) => F;
  function flush(): Promise<void>;
}

export = SharedTracer;
`;
/** blind-1x-10 shape 10's module: its tracer arrives in a `.then()`, so its own facts name none. */
const SHARED_JS = `const { HoneyHiveTracer } = require("honeyhive");

const shared = {
  tracer: undefined,
  flush: () => HoneyHiveTracer.flush(),
};

HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" }).then((tracer) => {
  shared.tracer = tracer;
});

module.exports = shared;
`;

describe("declaration-facts: what a declaration file's types say", () => {
  it("reads `export declare const tracer: HoneyHiveTracer` (a type import, a renamed one, `import(\"honeyhive\")`) as a tracer", () => {
    expect(factsOfDeclaration(`${TYPE_IMPORT}export declare const tracer: HoneyHiveTracer;\n`).exports).toEqual({ tracer: [{ kind: "tracer" }] });
    expect(factsOfDeclaration(`import { HoneyHiveTracer as HH } from "honeyhive";\nexport declare const hh: HH | undefined;\n`).exports).toEqual({ hh: [{ kind: "tracer" }] });
    expect(factsOfDeclaration(`export declare const tracer: import("honeyhive").HoneyHiveTracer;\n`).exports).toEqual({ tracer: [{ kind: "tracer" }] });
    expect(factsOfDeclaration(`${TYPE_IMPORT}declare const tracer: HoneyHiveTracer;\nexport { tracer as hh };\nexport default tracer;\n`).exports).toEqual({ hh: [{ kind: "tracer" }], default: [{ kind: "tracer" }] });
  });

  it("reads `declare const shared: { tracer: HoneyHiveTracer }; export = shared` as an object of names holding the tracer", () => {
    const facts = factsOfDeclaration(`${TYPE_IMPORT}declare const shared: { tracer: HoneyHiveTracer; ready: Promise<HoneyHiveTracer>; flush(): Promise<void>; log: (line: string) => void };\nexport = shared;\n`);
    expect(facts).toEqual({
      exports: { tracer: [{ kind: "tracer" }] },
      reExports: [],
      initPromiseExports: ["ready"],
      tracerHolders: { default: { of: "instance", members: ["tracer", "ready"], methods: [], plain: ["flush", "log"], promiseMembers: ["ready"] } },
      commonJs: true,
      exportsObject: true,
    });
    // The same through an interface of the file.
    const viaInterface = factsOfDeclaration(`${TYPE_IMPORT}interface Shared { tracer: HoneyHiveTracer }\ndeclare const shared: Shared;\nexport = shared;\n`);
    expect(viaInterface.tracerHolders).toEqual({ default: { of: "instance", members: ["tracer"], methods: [] } });
  });

  it("reads `declare namespace X { const tracer: HoneyHiveTracer; function flush(): Promise<void> } export = X`: the tracer a member, the functions the module's own", () => {
    const facts = factsOfDeclaration(SHARED_DTS);
    expect(facts.exports).toEqual({ tracer: [{ kind: "tracer" }] });
    expect(facts.tracerHolders).toEqual({ default: { of: "instance", members: ["tracer"], methods: [], plain: ["traceFunction", "flush"] } });
    expect(facts.exportsObject).toBe(true);
  });

  it("reads `export declare function getTracer(): HoneyHiveTracer | Promise<HoneyHiveTracer>` as a getter that may not cache (async when a promise may come)", () => {
    expect(factsOfDeclaration(`${TYPE_IMPORT}export declare function getTracer(): HoneyHiveTracer | Promise<HoneyHiveTracer>;\n`).exports).toEqual({ getTracer: [{ kind: "getter", caching: false, async: true }] });
    const sync = factsOfDeclaration(`${TYPE_IMPORT}export declare function getTracer(): HoneyHiveTracer;\n`);
    expect(sync.exports).toEqual({ getTracer: [{ kind: "getter", caching: false, async: false }] });
    expect(sync.tracerHolders).toEqual({ getTracer: { of: "function", members: [], methods: [], returnsTracer: true } });
  });

  it("takes another SDK's `Tracer`, a project class named HoneyHiveTracer, `any` and a function of the module for no tracer", () => {
    expect(factsOfDeclaration(`import type { Tracer } from "@opentelemetry/api";\nexport declare const tracer: Tracer;\nexport declare function getTracer(): Tracer;\n`)).toBe(NO_FACTS);
    expect(factsOfDeclaration(`declare class HoneyHiveTracer { flush(): Promise<void> }\nexport declare const tracer: HoneyHiveTracer;\n`)).toBe(NO_FACTS);
    expect(factsOfDeclaration(`export declare const tracer: any;\nexport declare function getTracer(): unknown;\n`)).toBe(NO_FACTS);
    // An object of another SDK's tracer: the member is the module's own (`plain`), its flush() not HoneyHive's.
    const other = factsOfDeclaration(`import type { Tracer } from "@vendor/otel-lite";\ndeclare const shared: { tracer: Tracer; flush(): Promise<void> };\nexport = shared;\n`);
    expect(other.exports).toEqual({});
    expect(other.tracerHolders).toEqual({ default: { of: "instance", members: [], methods: [], plain: ["tracer", "flush"] } });
  });
});

describe("project-modules: a declaration file beside a JavaScript module", () => {
  const makeProject = useTempProjects("dts", "all");
  const project = (files: Record<string, string>) => makeProject({ "package.json": `{ "name": "app", "private": true }\n`, ...files });

  /** The node file system, counting the files it reads. */
  function countingFs(): ProjectFileSystem & { reads: string[] } {
    const reads: string[] = [];
    return { ...NODE_FILE_SYSTEM, reads, readFile: (path) => (reads.push(path), NODE_FILE_SYSTEM.readFile(path)) };
  }

  it("completes a JavaScript module's facts with its .d.ts where the module names no tracer (blind-1x-10 shape 10)", () => {
    const root = project({ "src/shared-tracer.js": SHARED_JS, "src/shared-tracer.d.ts": SHARED_DTS, "src/rank.ts": "" });
    const reader = new ProjectModules();
    const from = join(root, "src/rank.ts");
    expect(reader.resolve("./shared-tracer", from)).toBe(join(root, "src/shared-tracer.js"));
    expect(reader.exportOf(from, "./shared-tracer", "tracer", readFacts)?.facts).toEqual([{ kind: "tracer" }]);
    const facts = reader.factsOf(join(root, "src/shared-tracer.js"), readFacts);
    // The module's own `flush` stays its own; the declaration adds the member the module fills in a `.then()`.
    expect(facts.tracerHolders?.default).toEqual({ of: "instance", members: ["tracer"], methods: [], plain: ["flush", "traceFunction"] });
    expect(facts.exportsObject).toBe(true);
    // One merge per pair of parses.
    expect(reader.factsOf(join(root, "src/shared-tracer.js"), readFacts)).toBe(facts);
  });

  it("reads x.d.mts beside x.mjs, x.d.cts beside x.cjs, x.d.ts beside x.jsx, also for a module that names nothing itself", () => {
    const declared = `${TYPE_IMPORT}export declare const tracer: HoneyHiveTracer;\n`;
    const root = project({
      "src/a.mjs": `export let tracer;\n`,
      "src/a.d.mts": declared,
      "src/b.cjs": `exports.tracer = undefined;\n`,
      "src/b.d.cts": declared,
      "src/c.jsx": `export let tracer;\n`,
      "src/c.d.ts": declared,
      // Not TypeScript's pairs: a .d.ts beside a .mjs, a .d.mts beside a .js.
      "src/d.mjs": `export let tracer;\n`,
      "src/d.d.ts": declared,
      "src/e.js": `export let tracer;\n`,
      "src/e.d.mts": declared,
      "src/main.ts": "",
    });
    const reader = new ProjectModules();
    const from = join(root, "src/main.ts");
    for (const module of ["./a.mjs", "./b.cjs", "./c.jsx"]) expect(reader.exportOf(from, module, "tracer", readFacts)?.facts, module).toEqual([{ kind: "tracer" }]);
    for (const module of ["./d.mjs", "./e.js"]) expect(reader.exportOf(from, module, "tracer", readFacts), module).toBeUndefined();
  });

  it("reads no declaration where the JavaScript module answers, beside a TypeScript module, or where none is listed", () => {
    const root = project({
      "src/answers.js": `const { HoneyHiveTracer } = require("honeyhive");\nexports.tracer = new HoneyHiveTracer({ project: "p" });\n`,
      "src/answers.d.ts": `export declare const tracer: any;\n`,
      "src/typed.ts": `export let tracer: unknown;\n`,
      "src/typed.d.ts": `${TYPE_IMPORT}export declare const tracer: HoneyHiveTracer;\n`,
      "src/alone.js": `exports.tracer = undefined;\n`,
      "src/main.ts": "",
    });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    const from = join(root, "src/main.ts");
    expect(reader.exportOf(from, "./answers", "tracer", readFacts)?.facts).toEqual([{ kind: "tracer" }]);
    expect(reader.exportOf(from, "./typed", "tracer", readFacts)).toBeUndefined();
    expect(reader.exportOf(from, "./alone", "tracer", readFacts)).toBeUndefined();
    expect(fs.reads.filter((path) => path.endsWith(".d.ts"))).toEqual([]);
  });
});

describe("the rules see the tracer a declaration file types", () => {
  const HH_PACKAGE = JSON.stringify({ name: "app", private: true, dependencies: { honeyhive: "^2.0.0" } });
  const handler = `import shared = require("./shared");\n\nexport const handler = async (event: { id: string }) => {\n  shared.tracer.enrichSession({ metadata: { id: event.id } });\n  return { ok: true };\n};\n`;
  const reports = (files: Record<string, string>): number =>
    lintCase(RULE_NAME, rule as never, { name: "dts", code: handler, filename: "src/handler.ts", files: { "package.json": HH_PACKAGE, "src/shared.js": SHARED_JS, ...files } }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`).length;

  it("require-force-flush-in-lambda reports a Lambda that uses `shared.tracer` typed HoneyHiveTracer only in shared.d.ts", () => {
    expect(reports({ "src/shared.d.ts": SHARED_DTS })).toBe(1);
    // Without the declaration the module's object says nothing of `tracer`.
    expect(reports({})).toBe(0);
    // A declaration of another SDK's tracer: not HoneyHive's.
    expect(reports({ "src/shared.d.ts": SHARED_DTS.replace(TYPE_IMPORT, `import type { Tracer as HoneyHiveTracer } from "@vendor/otel-lite";\n`) })).toBe(0);
  });
});

describe("project-modules: a workspace package's `types` for its JavaScript `main`", () => {
  const makeProject = useTempProjects("dts-workspace", "all");

  it("reads the declaration the manifest names for a JavaScript entry, wherever it lies; not one no manifest names", () => {
    const declared = `${TYPE_IMPORT}export declare const tracer: HoneyHiveTracer;\n`;
    const root = makeProject({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*", "apps/*"] }),
      "packages/telemetry/package.json": JSON.stringify({ name: "@acme/telemetry", main: "lib/index.js", types: "types/index.d.ts" }),
      "packages/telemetry/lib/index.js": `exports.tracer = undefined;\n`,
      "packages/telemetry/types/index.d.ts": declared,
      "packages/untyped/package.json": JSON.stringify({ name: "@acme/untyped", main: "lib/index.js" }),
      "packages/untyped/lib/index.js": `exports.tracer = undefined;\n`,
      "packages/untyped/types/index.d.ts": declared,
      "apps/api/package.json": JSON.stringify({ name: "api" }),
      "apps/api/src/main.ts": "",
    });
    const reader = new ProjectModules();
    const from = join(root, "apps/api/src/main.ts");
    expect(reader.resolve("@acme/telemetry", from)).toBe(join(root, "packages/telemetry/lib/index.js"));
    expect(reader.exportOf(from, "@acme/telemetry", "tracer", readFacts)?.facts).toEqual([{ kind: "tracer" }]);
    // No manifest names it, and it is not beside the module.
    expect(reader.exportOf(from, "@acme/untyped", "tracer", readFacts)).toBeUndefined();
  });
});
