import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { extractModuleFacts } from "./export-facts.js";
import { parseAnalysisInput } from "./parse-input.js";
import { getSdkModel } from "./sdk-model.js";
import { withFakeDate } from "./test-utils/clock.js";
import { useTempProjects } from "./test-utils/temp-projects.js";
import { absolutePath, importedExport, importOrigin, isProjectModule, NODE_FILE_SYSTEM, parseJsonc, parsePackageManifest, ProjectModules, RECHECK_WHILE_ASKED_MS, setProjectModules, wholeModuleOf, withoutComments, type ProjectFileSystem } from "./project-modules.js";

/** The codemods' reader of another module's facts, which the inputs they parse carry. */
const readFacts = parseAnalysisInput("", "app.ts").readModuleFacts!;

const makeProject = useTempProjects("xfile", "all");
/** A project on disk: `files` relative to its root (which gets a package.json unless one is given). */
const project = (files: Record<string, string>) => makeProject({ "package.json": `{ "name": "app", "private": true }\n`, ...files });

/** The node file system, counting what it is asked. */
function countingFs(): ProjectFileSystem & { stats: string[]; reads: string[] } {
  const stats: string[] = [];
  const reads: string[] = [];
  return {
    stats,
    reads,
    stat: (path) => (stats.push(path), NODE_FILE_SYSTEM.stat(path)),
    readFile: (path) => (reads.push(path), NODE_FILE_SYSTEM.readFile(path)),
    realpath: (path) => (stats.push(path), NODE_FILE_SYSTEM.realpath(path)),
    readDirectory: (path) => (reads.push(path), NODE_FILE_SYSTEM.readDirectory(path)),
  };
}

const INIT = `import { HoneyHiveTracer } from "honeyhive";\n`;
const OTEL = `import { trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
`;

describe("resolution", () => {
  const root = project({
    "tsconfig.json": `{\n  // comments and trailing commas are legal here\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": { "strict": true, /* block */ },\n}\n`,
    "tsconfig.base.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], "#tracing": ["src/lib/tracing.ts"], }, }, }\n`,
    "src/lib/tracing.ts": `${INIT}export const tracer = HoneyHiveTracer.init();\n`,
    "src/lib/index.ts": `export * from "./tracing.js";\n`,
    "src/lib/helper.tsx": `export const x = 1;\n`,
    "src/types.d.ts": `export declare const tracer: unknown;\n`,
    "src/routes/chat.ts": ``,
    "node_modules/pkg/index.ts": `export const tracer = 1;\n`,
  });
  const outside = project({ "tracing.ts": `${INIT}export const tracer = HoneyHiveTracer.init();\n` });
  const reader = new ProjectModules();
  const from = join(root, "src/routes/chat.ts");

  it("maps a .js specifier to the .ts source, probes extensions and index files", () => {
    expect(reader.resolve("../lib/tracing.js", from)).toBe(join(root, "src/lib/tracing.ts"));
    expect(reader.resolve("../lib/tracing", from)).toBe(join(root, "src/lib/tracing.ts"));
    expect(reader.resolve("../lib/helper.js", from)).toBe(join(root, "src/lib/helper.tsx"));
    expect(reader.resolve("../lib", from)).toBe(join(root, "src/lib/index.ts"));
    expect(reader.resolve("../lib/missing", from)).toBeUndefined();
  });

  it("follows tsconfig paths (inherited through extends, resolved from baseUrl) and baseUrl", () => {
    expect(reader.resolve("@/lib/tracing", from)).toBe(join(root, "src/lib/tracing.ts"));
    expect(reader.resolve("#tracing", from)).toBe(join(root, "src/lib/tracing.ts"));
    expect(reader.resolve("src/lib/tracing", from)).toBe(join(root, "src/lib/tracing.ts")); // baseUrl "."
  });

  it("refuses files outside the project root, under node_modules, declaration files, and packages", () => {
    const relativeOut = join("..", "..", "..", outside.split("/").pop()!, "tracing.js");
    expect(reader.resolve(relativeOut, from)).toBeUndefined();
    expect(reader.resolve("../../node_modules/pkg/index.ts", from)).toBeUndefined();
    expect(reader.resolve("../types", from)).toBeUndefined();
    expect(reader.resolve("pkg", from)).toBeUndefined();
    expect(reader.resolve("node:fs", from)).toBeUndefined();
  });

  it("follows `export * from` one hop", () => {
    expect(reader.exportOf(from, "../lib", "tracer", readFacts)?.facts).toEqual([{ kind: "tracer" }]);
    expect(reader.exportOf(from, "../lib", "tracer", readFacts)?.displayPath).toBe("src/lib/tracing.ts");
  });
});

describe("absolutePath", () => {
  it("answers what path.resolve answers, dot segments, doubled and trailing slashes and relative names included", () => {
    const names = [
      "/work/app/src/x.ts",
      "/work/.cache/app/x.ts",
      "/work/app/..foo/x.ts",
      "/work/app/.../x.ts",
      "/work/app/./x.ts",
      "/work/app/../x.ts",
      "/work/app/.",
      "/work/app/..",
      "/work//app/x.ts",
      "/work/app/",
      "/",
      "src/x.ts",
      "./x.ts",
      "../x.ts",
    ];
    for (const name of names) expect(absolutePath(name), name).toBe(resolve(name));
  });
});

describe("jsonc", () => {
  it("reads comments and trailing commas, keeps `//` and `/*` inside strings", () => {
    expect(parseJsonc(`{ "a": "http://x/*y", // c\n "b": [1, 2,], }`)).toEqual({ a: "http://x/*y", b: [1, 2] });
    expect(parseJsonc(`{ "a": `)).toBeUndefined();
    // A file saved with a UTF-8 byte order mark, as TypeScript reads it.
    expect(parseJsonc(`\uFEFF{ "a": 1, }`)).toEqual({ a: 1 });
  });
});

describe("withoutComments", () => {
  // A `/` after a keyword that an expression follows opens a regular expression, whose `//` is no comment.
  it.each(["return", "typeof", "instanceof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"])("keeps a regular expression after `%s`", (keyword) => {
    const code = `${keyword} /[//]/.source; next();`;
    expect(withoutComments(`${code} // c`)).toBe(`${code}     `);
  });

  it("still reads a `/` after another word, or after a keyword as a property, as a division", () => {
    expect(withoutComments("const half = total / 2; // c")).toBe("const half = total / 2;     ");
    expect(withoutComments("const half = box.return / 2; // c")).toBe("const half = box.return / 2;     ");
  });

  // leftovers-7: a statement that starts with a regular expression after a control head's `)` or a block's `}` (read
  // as a division, its `//` or `/*` blanked the rest of the line, or the code up to the next `*/`).
  it.each([
    "if (dev) /[//]/.test(path) && load();",
    "while (i--) /[/*]/.test(names[i]); setup();",
    "for await (const line of lines) /[//]/.test(line);",
    "function noop() {}\n/[//]/.test(path) && load();",
  ])("keeps a regular expression that starts a statement: %s", (code) => {
    expect(withoutComments(`${code} // c`)).toBe(`${code}     `);
  });

  it("still reads a `/` after a call's or a group's `)` as a division", () => {
    expect(withoutComments("const r = f(a) / g(b) / 2; // c")).toBe("const r = f(a) / g(b) / 2;     ");
    expect(withoutComments("const r = (a + b) / 2; if (r) x = (r) / 2; // c")).toBe("const r = (a + b) / 2; if (r) x = (r) / 2;     ");
    expect(withoutComments("const r = gif(a) / 2; // c")).toBe("const r = gif(a) / 2;     ");
  });
});

describe("facts per export", () => {
  const root = project({
    "src/lib/tracing.ts": `${INIT}
export const tracer = HoneyHiveTracer.init({ project: "p" });
let cached: HoneyHiveTracer | undefined;
export function getTracer() {
  cached ??= HoneyHiveTracer.init();
  return cached;
}
let checked: HoneyHiveTracer | undefined;
export async function getCheckedTracer() {
  if (!checked) checked = await HoneyHiveTracer.init();
  return checked;
}
let pending: Promise<HoneyHiveTracer> | undefined;
export const getMemoized = () => (pending ??= HoneyHiveTracer.init());
export function makeTracer() {
  return HoneyHiveTracer.init({ project: "per-call" });
}
export const getShared = () => tracer;
export const answer = tracer.trace({ eventName: "answer" }, async (input: string) => input);
export async function flushTraces() {
  await tracer.forceFlush();
}
export async function maybeFlush(flag: boolean) {
  if (flag) await tracer.forceFlush();
}
export function openSession(name: string) {
  return tracer.sessionStart({ sessionName: name });
}
export function ownSession() {
  const own = HoneyHiveTracer.init();
  return own.sessionStart();
}
`,
    "src/lib/legacy.ts": `${INIT}export const tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });\nexport const made = new HoneyHiveTracer({ project: "p" });\n`,
    "src/lib/otel.ts": `import { NodeSDK } from "@opentelemetry/sdk-node";\nimport { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";\nexport const sdk = new NodeSDK({});\nexport const provider = new NodeTracerProvider();\nexport const tracer = provider.getTracer("x");\nexport const other = new Map();\n`,
    "src/lib/common.cjs": `const { HoneyHiveTracer } = require("honeyhive");\nconst tracer = HoneyHiveTracer.init();\nmodule.exports = { tracer, flush: async () => { await tracer.forceFlush(); } };\n`,
    "src/lib/barrel.ts": `export { getTracer as tracerGetter } from "./tracing";\nexport * from "./again";\n`,
    "src/lib/again.ts": `export * from "./legacy";\n`,
    "src/lib/default-init.ts": `${INIT}export default await HoneyHiveTracer.init({ project: "p" });\n`,
    "src/lib/exports-init.cjs": `const { HoneyHiveTracer } = require("honeyhive");\nexports.tracer = HoneyHiveTracer.init();\n`,
    "src/lib/hh-otel.ts": `${OTEL}export const exporter = new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" });
export const processor = new BatchSpanProcessor(exporter);
export const provider = new NodeTracerProvider({ spanProcessors: [processor] });
trace.setGlobalTracerProvider(provider);
export const tracer = provider.getTracer("x");
export const apiTracer = trace.getTracer("x");
`,
    "src/lib/unregistered.ts": `${OTEL}const exporter = new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" });
export const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
export const apiTracer = trace.getTracer("x");
`,
    "src/lib/instrumentation.ts": `${OTEL}import { registerInstrumentations } from "@opentelemetry/instrumentation";
const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }))] });
provider.register();
registerInstrumentations({ instrumentations: [] });
`,
    "src/lib/sdk-start.ts": `import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: process.env.HONEYHIVE_OTLP_URL }) }).start();
`,
    // fix-blind9-engine: a getter function of an OpenTelemetry tracer, registerOTel(), a NodeSDK started per call.
    "src/lib/otel-getter.ts": `${OTEL}const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }))] });
provider.register();
export function getTracer() {
  return provider.getTracer("x");
}
export const apiTracerOf = (name: string) => trace.getTracer(name);
export function getProvider() {
  return provider;
}
export function maybeTracer(on: boolean) {
  if (on) return provider.getTracer("x");
  return undefined;
}
`,
    "src/lib/vercel-otel.ts": `import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";
registerOTel({ serviceName: "x", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });
`,
    "src/lib/vercel-otel-elsewhere.ts": `import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";
registerOTel({ serviceName: "x", traceExporter: new OTLPHttpJsonTraceExporter({ url: "https://api.honeycomb.io/v1/traces" }) });
`,
    "src/lib/start-telemetry.ts": `import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
let shared: NodeSDK | undefined;
export function startTelemetry() {
  const sdk = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });
  sdk.start();
  return sdk;
}
export function startOnce() {
  if (shared) return shared;
  shared = new NodeSDK({ traceExporter: new OTLPTraceExporter({ url: "https://api.honeyhive.ai/opentelemetry/v1/traces" }) });
  shared.start();
  return shared;
}
`,
    "src/app.ts": ``,
  });
  const reader = new ProjectModules();
  const from = join(root, "src/app.ts");
  const facts = (specifier: string, name: string) => reader.exportOf(from, specifier, name, readFacts)?.facts;

  it("tells a tracer, a caching getter, an async caching getter, a memoized promise and a factory apart", () => {
    expect(facts("./lib/tracing", "tracer")).toEqual([{ kind: "tracer" }]);
    expect(facts("./lib/tracing", "getTracer")).toEqual([{ kind: "getter", caching: true, async: false }]);
    expect(facts("./lib/tracing", "getCheckedTracer")).toEqual([{ kind: "getter", caching: true, async: true }]);
    expect(facts("./lib/tracing", "getMemoized")).toEqual([{ kind: "getter", caching: true, async: false }]);
    // A factory also inits a tracer on every call (what a handler calling it pays: no-tracer-init-in-handler).
    expect(facts("./lib/tracing", "makeTracer")).toEqual([
      { kind: "getter", caching: false, async: false },
      { kind: "initsTracer", display: "HoneyHiveTracer.init()", line: 17, api: "honeyhive" },
    ]);
    expect(facts("./lib/tracing", "getShared")).toEqual([{ kind: "getter", caching: true, async: false }]);
  });

  it("finds functions bound to the module tracer, flush helpers that flush on every path, session helpers on the shared tracer", () => {
    expect(facts("./lib/tracing", "answer")).toEqual([{ kind: "boundFunction", tracer: "tracer" }]);
    expect(facts("./lib/tracing", "flushTraces")).toEqual([{ kind: "flushHelper" }]);
    expect(facts("./lib/tracing", "maybeFlush")).toBeUndefined();
    expect(facts("./lib/tracing", "openSession")).toEqual([{ kind: "sessionHelper", tracer: "tracer", method: "sessionStart", line: 28, major: 2 }]);
    // Its session is on a tracer of its own (no sessionHelper), which it makes on every call.
    expect(facts("./lib/tracing", "ownSession")).toEqual([{ kind: "initsTracer", display: "HoneyHiveTracer.init()", line: 31, api: "honeyhive" }]);
  });

  it("knows 1.x tracers (awaited init, new), OpenTelemetry SDK objects, CommonJS exports", () => {
    expect(facts("./lib/legacy", "tracer")).toEqual([{ kind: "tracer" }]);
    expect(facts("./lib/legacy", "made")).toEqual([{ kind: "tracer" }]);
    // No exporter to HoneyHive in sight: OpenTelemetry objects, but no HoneyHive pipeline.
    expect(facts("./lib/otel", "sdk")).toEqual([{ kind: "otel", role: "sdk", honeyhive: false }]);
    expect(facts("./lib/otel", "provider")).toEqual([{ kind: "otel", role: "provider", honeyhive: false }]);
    expect(facts("./lib/otel", "tracer")).toEqual([{ kind: "otelTracer", provider: "provider", honeyhive: false }]);
    expect(facts("./lib/otel", "other")).toBeUndefined();
    expect(facts("./lib/common.cjs", "tracer")).toEqual([{ kind: "tracer" }]);
    // A tracer exported as a value, with no variable of its own.
    expect(facts("./lib/default-init", "default")).toEqual([{ kind: "tracer" }]);
    expect(facts("./lib/exports-init.cjs", "tracer")).toEqual([{ kind: "tracer" }]);
    expect(facts("./lib/common.cjs", "flush")).toEqual([{ kind: "flushHelper" }]);
  });

  it("knows an OpenTelemetry pipeline exporting to HoneyHive: its provider, processor, tracers, and whether it is registered", () => {
    expect(facts("./lib/hh-otel", "provider")).toEqual([{ kind: "otel", role: "provider", honeyhive: true }]);
    expect(facts("./lib/hh-otel", "processor")).toEqual([{ kind: "otel", role: "processor", honeyhive: true }]);
    // An exporter carries the fact (small-fixes: a flush of it counts, where it sends decides), but is never what a
    // fix flushes alone (FIX_PREFERENCE: flush-calls.ts names only a provider or processor as the flush source).
    expect(facts("./lib/hh-otel", "exporter")).toEqual([{ kind: "otel", role: "exporter", honeyhive: true }]);
    expect(facts("./lib/hh-otel", "tracer")).toEqual([{ kind: "otelTracer", provider: "provider", honeyhive: true }]);
    // `trace.getTracer()` reaches the provider the module registers.
    expect(facts("./lib/hh-otel", "apiTracer")).toEqual([{ kind: "otelTracer", provider: "provider", honeyhive: true }]);
    const path = reader.resolve("./lib/hh-otel", from)!;
    expect(reader.factsOf(path, readFacts).otelPipeline).toEqual({ registered: true, instrumented: false, flushExport: "provider", parts: ["OTLPTraceExporter", "BatchSpanProcessor", "NodeTracerProvider"] });
    // A side-effect module: no exports, a registered pipeline with instrumentations; NodeSDK has nothing to flush.
    expect(reader.factsOf(reader.resolve("./lib/instrumentation", from)!, readFacts).otelPipeline).toEqual({ registered: true, instrumented: true, flushExport: undefined, parts: ["NodeTracerProvider", "BatchSpanProcessor", "OTLPTraceExporter"] });
    expect(reader.factsOf(reader.resolve("./lib/sdk-start", from)!, readFacts).otelPipeline).toEqual({ registered: true, instrumented: false, flushExport: undefined, parts: ["NodeSDK", "OTLPTraceExporter"] });
    // Not registered: `trace.getTracer()` does not reach it.
    expect(reader.factsOf(reader.resolve("./lib/unregistered", from)!, readFacts).otelPipeline).toEqual({ registered: false, instrumented: false, flushExport: "provider", parts: ["OTLPTraceExporter", "NodeTracerProvider", "BatchSpanProcessor"] });
    expect(facts("./lib/unregistered", "apiTracer")).toEqual([{ kind: "otelTracer", provider: undefined, honeyhive: false }]);
    expect(reader.factsOf(reader.resolve("./lib/otel", from)!, readFacts).otelPipeline).toBeUndefined();
  });

  it("knows a function returning an OpenTelemetry tracer, a pipeline registerOTel() registers, a NodeSDK started on every call (fix-blind9-engine)", () => {
    expect(facts("./lib/otel-getter", "getTracer")).toEqual([{ kind: "otelTracer", provider: undefined, honeyhive: true }]);
    expect(facts("./lib/otel-getter", "apiTracerOf")).toEqual([{ kind: "otelTracer", provider: undefined, honeyhive: true }]);
    // Not a tracer on every return, or no tracer at all.
    expect(facts("./lib/otel-getter", "getProvider")).toBeUndefined();
    expect(facts("./lib/otel-getter", "maybeTracer")).toBeUndefined();
    expect(reader.factsOf(reader.resolve("./lib/vercel-otel", from)!, readFacts).otelPipeline).toEqual({ registered: true, instrumented: false, flushExport: undefined, parts: ["registerOTel", "OTLPHttpJsonTraceExporter"] });
    expect(reader.factsOf(reader.resolve("./lib/vercel-otel-elsewhere", from)!, readFacts).otelPipeline).toBeUndefined();
    expect(facts("./lib/start-telemetry", "startTelemetry")).toEqual([{ kind: "initsTracer", display: "new NodeSDK().start()", line: 5, api: "opentelemetry" }]);
    expect(facts("./lib/start-telemetry", "startOnce")).toBeUndefined();
  });

  it("follows a renamed re-export one hop, and not a second one", () => {
    expect(facts("./lib/barrel", "tracerGetter")).toEqual([{ kind: "getter", caching: true, async: false }]);
    expect(reader.exportOf(from, "./lib/barrel", "tracerGetter", readFacts)?.name).toBe("getTracer");
    expect(facts("./lib/again", "made")).toEqual([{ kind: "tracer" }]); // one hop
    expect(facts("./lib/barrel", "made")).toBeUndefined(); // barrel → again → legacy: two hops
  });
});

describe("reading cost and robustness", () => {
  let restore: ProjectModules | undefined;
  afterEach(() => {
    if (restore) setProjectModules(restore);
    restore = undefined;
  });

  it("parses a module once per (path, mtime, size); a change invalidates it", () => {
    const root = project({ "src/tracing.ts": `${INIT}export const tracer = HoneyHiveTracer.init();\n`, "src/app.ts": `` });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    const from = join(root, "src/app.ts");
    const path = join(root, "src/tracing.ts");
    expect(reader.exportOf(from, "./tracing.js", "tracer", readFacts)?.facts).toEqual([{ kind: "tracer" }]);
    expect(reader.exportOf(from, "./tracing.js", "tracer", readFacts)?.facts).toEqual([{ kind: "tracer" }]);
    expect(fs.reads.filter((read) => read === path)).toHaveLength(1);
    writeFileSync(path, `${INIT}export function getTracer() { return HoneyHiveTracer.init(); }\n`);
    utimesSync(path, new Date(), new Date(Date.now() + 5_000)); // a distinct mtime even on coarse clocks
    expect(reader.exportOf(from, "./tracing.js", "tracer", readFacts)).toBeUndefined();
    expect(reader.exportOf(from, "./tracing.js", "getTracer", readFacts)?.facts).toEqual([
      { kind: "getter", caching: false, async: false },
      { kind: "initsTracer", display: "HoneyHiveTracer.init()", line: 2, api: "honeyhive" },
    ]);
    expect(fs.reads.filter((read) => read === path)).toHaveLength(2);
  });

  it("reads but never parses a module whose text names nothing a fact is about; a barrel only when what it re-exports does", () => {
    const root = project({
      "src/math.ts": `export const add = (a: number, b: number) => a + b;\n`,
      "src/tracing.ts": `${INIT}export const tracer = HoneyHiveTracer.init();\n`,
      "src/index.ts": `export { add } from "./math.js";\nexport { tracer } from "./tracing.js";\n`,
      "src/util.ts": `export { add } from "./math.js";\n`,
      "src/app.ts": ``,
    });
    const reader = new ProjectModules();
    const from = join(root, "src/app.ts");
    const parsed: string[] = [];
    const countingRead = (text: string, filename: string) => (parsed.push(filename), readFacts(text, filename));
    expect(reader.exportOf(from, "./math.js", "add", countingRead)).toBeUndefined();
    expect(reader.exportOf(from, "./util.js", "add", countingRead)).toBeUndefined();
    expect(parsed).toEqual([]);
    expect(reader.exportOf(from, "./index.js", "tracer", countingRead)?.facts).toEqual([{ kind: "tracer" }]);
    expect(parsed.map((path) => path.slice(root.length + 1))).toEqual(["src/index.ts", "src/tracing.ts"]);
  });

  it("probes from directory listings: a second lookup lists nothing again; a new file is seen once the directory changes, a second later", () => {
    const root = project({ "src/app.ts": `` });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    const from = join(root, "src/app.ts");
    withFakeDate((nextSecond) => {
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      let [reads, stats] = [fs.reads.length, fs.stats.length];
      // Within the second the answer is trusted as it is: no call.
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      expect([fs.reads.length - reads, fs.stats.length - stats]).toEqual([0, 0]);
      nextSecond();
      [reads, stats] = [fs.reads.length, fs.stats.length];
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      expect(fs.reads).toHaveLength(reads);
      // Then one stat: the cached listing of src/ answers the 8 file candidates, and shows no src/tracing/ to look for index.* in.
      expect(fs.stats.length - stats).toBe(1);
      writeFileSync(join(root, "src/tracing.ts"), `export {};\n`);
      utimesSync(join(root, "src"), new Date(), new Date(Date.now() + 5_000));
      // An editor session's next lint within the second still has the last answer; a second later, the new file.
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      nextSecond();
      expect(reader.resolve("./tracing", from)).toBe(join(root, "src/tracing.ts"));
    });
  });

  it("keeps a resolution per (directory, specifier) only while what it read holds: a listing, an index folder, the config's paths (each looked at a second later)", () => {
    const root = project({ "tsconfig.json": `{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }`, "src/app.ts": ``, "src/tracing.ts": `export {};\n`, "lib/tracing.ts": `export {};\n` });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    const from = join(root, "src/app.ts");
    // A fixed offset from the faked clock, which moves a second between two changes of one path: each gets an mtime
    // of its own (a random offset could repeat one a second later, and the reader then rightly keeps its listing).
    const later = (path: string) => utimesSync(join(root, path), new Date(), new Date(Date.now() + 5_000));
    withFakeDate((nextSecond) => {
      expect(reader.resolve("./tracing", from)).toBe(join(root, "src/tracing.ts"));
      expect(reader.resolve("./tracing", join(root, "src/other.ts"))).toBe(join(root, "src/tracing.ts"));
      // The file gone, then a folder of that name with an index: each change of src/ resolves again, once the answer's second is over.
      rmSync(join(root, "src/tracing.ts"));
      later("src");
      nextSecond();
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      mkdirSync(join(root, "src/tracing"));
      writeFileSync(join(root, "src/tracing/index.ts"), `export {};\n`);
      later("src");
      nextSecond();
      expect(reader.resolve("./tracing", from)).toBe(join(root, "src/tracing/index.ts"));
      // The index removed: only the folder's own listing changes, and the answer with it.
      rmSync(join(root, "src/tracing/index.ts"));
      later("src/tracing");
      nextSecond();
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      // An alias follows the config it was read from.
      expect(reader.resolve("@/app", from)).toBe(join(root, "src/app.ts"));
      writeFileSync(join(root, "lib/app.ts"), `export {};\n`);
      writeFileSync(join(root, "tsconfig.json"), `{ "compilerOptions": { "paths": { "@/*": ["./lib/*"] } } }`);
      later("tsconfig.json");
      nextSecond();
      expect(reader.resolve("@/app", from)).toBe(join(root, "lib/app.ts"));
      // A warm answer reads nothing: within its second no call, then one stat of each listing it used.
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      const [reads, stats] = [fs.reads.length, fs.stats.length];
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      expect([fs.reads.length - reads, fs.stats.length - stats]).toEqual([0, 0]);
      nextSecond();
      expect(reader.resolve("./tracing", from)).toBeUndefined();
      expect(fs.reads).toHaveLength(reads);
      expect(fs.stats.length - stats).toBe(2);
    });
  });

  it("never follows the imports of a module it reads: the models running on that module see it alone (one module deep)", () => {
    const helpers = `import { obs } from "./obs";\nexport function startChat() { return obs().sessionStart(); }\n`;
    const root = project({
      "src/obs.ts": `${INIT}let cached: HoneyHiveTracer | undefined;\nexport const obs = () => (cached ??= HoneyHiveTracer.init());\n`,
      "src/helpers.ts": helpers,
      "src/app.ts": ``,
    });
    restore = setProjectModules(new ProjectModules());
    // Linted itself, helpers.ts learns from obs.ts that `obs()` is a shared tracer …
    const own = extractModuleFacts(parseAnalysisInput(helpers, join(root, "src/helpers.ts")));
    expect(own.exports.startChat).toEqual([{ kind: "sessionHelper", tracer: "obs", method: "sessionStart", line: 2, major: 2 }]);
    // … read for app.ts, it does not read obs.ts: `obs` is a name it cannot tell anything about.
    expect(new ProjectModules().exportOf(join(root, "src/app.ts"), "./helpers", "startChat", readFacts)).toBeUndefined();
  });

  it("a module with a syntax error or that cannot be read gives no facts and never throws", () => {
    const root = project({ "src/broken.ts": `${INIT}export const tracer = HoneyHiveTracer.init(;\n`, "src/app.ts": `` });
    const reader = new ProjectModules();
    expect(reader.exportOf(join(root, "src/app.ts"), "./broken", "tracer", readFacts)).toBeUndefined();
    const failing = new ProjectModules({ ...NODE_FILE_SYSTEM, readFile: () => undefined });
    expect(failing.exportOf(join(root, "src/app.ts"), "./broken", "tracer", readFacts)).toBeUndefined();
  });

  it("asks the one binding resolver which export of which module a variable is (importOrigin)", () => {
    const input = parseAnalysisInput(
      `import tracing, { tracer as t, type Options } from "./tracing";
import * as whole from "./tracing";
const { getTracer } = require("./lib");
const flush = require("./lib").flush;
const { later } = await import("./later");
const alias = whole.tracer;
function local(require) { const { shadowed } = require("./lib"); return shadowed; }`,
      "src/app.ts",
    );
    const origins = Object.fromEntries(
      input.scopeManager.scopes.flatMap((scope) => scope.variables).map((variable) => [variable.name, importOrigin(input, variable)]),
    );
    expect(origins).toMatchObject({
      tracing: { specifier: "./tracing", name: "default" },
      t: { specifier: "./tracing", name: "tracer" },
      getTracer: { specifier: "./lib", name: "getTracer" },
      flush: { specifier: "./lib", name: "flush" },
      later: { specifier: "./later", name: "later" },
      alias: { specifier: "./tracing", name: "tracer" },
    });
    // The whole module, a type, and a destructuring from a parameter that shadows `require`: no export.
    expect([origins.Options, origins.whole, origins.shadowed]).toEqual([undefined, undefined, undefined]);
  });

  it("never resolves the SDK's own specifiers, even where a baseUrl could map them to a project file", () => {
    const root = project({
      "tsconfig.json": `{ "compilerOptions": { "baseUrl": "." } }`,
      "honeyhive.ts": `${INIT}export const trace = HoneyHiveTracer.init();\n`,
      "lib/tracing.ts": `${INIT}export const tracer = HoneyHiveTracer.init();\n`,
    });
    const fs = countingFs();
    restore = setProjectModules(new ProjectModules(fs));
    const input = parseAnalysisInput(
      `import { trace } from "honeyhive";\nimport { evaluate } from "honeyhive/experiments";\nimport { tracer } from "lib/tracing";\nexport const run = () => [trace, evaluate, tracer];\n`,
      join(root, "src/run.ts"),
    );
    const variable = (name: string) => input.scopeManager.globalScope!.childScopes[0]!.set.get(name)!;
    expect(importedExport(input, variable("trace"))).toBeUndefined();
    expect(importedExport(input, variable("evaluate"))).toBeUndefined();
    expect([...fs.stats, ...fs.reads]).toEqual([]);
    // Any other bare specifier is still resolved through the baseUrl.
    expect(importedExport(input, variable("tracer"))?.displayPath).toBe("lib/tracing.ts");
  });

  it("the models read the imported module for a binding used like a tracer, and nothing for a file that imports no project module", () => {
    const root = project({
      "tsconfig.json": `{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }`,
      "src/lib/obs.ts": `${INIT}let cached: HoneyHiveTracer | undefined;\nexport const obs = () => (cached ??= HoneyHiveTracer.init());\nexport function makeTracer() { return HoneyHiveTracer.init(); }\n`,
      "src/lib/format.ts": `export const format = (x: string) => x;\n`,
    });
    const fs = countingFs();
    restore = setProjectModules(new ProjectModules(fs));
    const model = (path: string, text: string) => getSdkModel(parseAnalysisInput(text, join(root, path)));

    const plain = model("src/plain.ts", `import express from "express";\nimport { z } from "zod";\nexpress().get("/", () => z.string());\n`);
    expect(plain.usesSdk).toBe(false);
    expect([...fs.stats, ...fs.reads]).toEqual([]);

    const helpers = model("src/helpers.ts", `import { format } from "@/lib/format";\nexport const f = () => format("x");\n`);
    expect(helpers.usesSdk).toBe(false);
    expect([...fs.stats, ...fs.reads]).toEqual([]); // `format` is not used like a tracer: nothing asked

    // A neutral name, a generic member: only the module can say it is a HoneyHive tracer getter.
    const route = model("src/route.ts", `import { obs, makeTracer } from "@/lib/obs";\nexport const f = () => obs().sessionStart();\nexport const g = () => makeTracer().sessionStart();\n`);
    expect(route.tracers.map((tracer) => [tracer.name, tracer.kind, tracer.callable, tracer.referenceText])).toEqual([
      ["obs", "imported", true, "obs()"],
      ["makeTracer", "imported", true, undefined], // a factory: its call is never written as if it cached
    ]);
    // The package.json (the SDK version's range) is read through this reader too (`manifestOf`), once.
    expect(fs.reads.filter((path) => path.endsWith("ts") || path.endsWith("json"))).toEqual([join(root, "tsconfig.json"), join(root, "src/lib/obs.ts"), join(root, "package.json")]);
  });

  it("looks a file's workspace up once per parse, also when another parse was asked in between (migrate: the first parse, the settled text's, then the first again for its links)", () => {
    const root = makeProject({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["apps/*", "packages/*"] }),
      "packages/telemetry/package.json": JSON.stringify({ name: "@acme/telemetry" }),
      "apps/api/package.json": JSON.stringify({ name: "api" }),
    });
    const reader = new ProjectModules();
    restore = setProjectModules(reader);
    const lookups = vi.spyOn(reader, "packageRootOf");
    const text = `import { tracer } from "@acme/telemetry";\nexport const f = () => tracer.sessionStart();\n`;
    const first = parseAnalysisInput(text, join(root, "apps/api/src/route.ts"));
    const settled = parseAnalysisInput(text, join(root, "apps/api/src/route.ts"));
    for (const input of [first, settled, first, settled]) {
      expect(isProjectModule("@acme/telemetry", input)).toBe(true);
      expect(isProjectModule("@acme/other", input)).toBe(false);
    }
    // Per parse, one walk for the tsconfig `paths` keys and one for the workspace (fix-blind12 added the first).
    expect(lookups).toHaveBeenCalledTimes(4);
    // Another reader (a test's) is asked anew for the same parse.
    const other = new ProjectModules();
    setProjectModules(other);
    const otherLookups = vi.spyOn(other, "packageRootOf");
    expect(isProjectModule("@acme/telemetry", first)).toBe(true);
    expect(otherLookups).toHaveBeenCalledTimes(2);
  });
});

describe("workspace roots and parsed project files (the Lambda functions configuration's walk asks them)", () => {
  it("tells a repository or workspace root from its listing, and reads a package.json again only when it changes", () => {
    const root = makeProject({
      "git/.git/": "",
      "pnpm/pnpm-workspace.yaml": "packages:\n  - packages/*\n",
      "npm/package.json": JSON.stringify({ workspaces: ["packages/*"] }),
      "plain/package.json": "{}",
      "broken/package.json": "{ not json",
    });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    expect(["git", "pnpm", "npm", "plain", "broken", "missing"].map((name) => reader.isWorkspaceRoot(join(root, name)))).toEqual([true, true, true, false, false, false]);
    const manifest = join(root, "plain/package.json");
    reader.isWorkspaceRoot(join(root, "plain"));
    expect(fs.reads.filter((read) => read === manifest)).toHaveLength(1);
    writeFileSync(manifest, JSON.stringify({ workspaces: ["x"] }));
    utimesSync(manifest, new Date(), new Date(Date.now() + 5_000));
    // The package.json is the one manifest reader's (`manifestOf`): looked at again after a second.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2_000 });
    try {
      expect(reader.isWorkspaceRoot(join(root, "plain"))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect(fs.reads.filter((read) => read === manifest)).toHaveLength(2);
  });

  it("listing: one stat of a folder a second serves every asker (the listings of a linted file's folder, the resolver's probes); an added file is seen a second later", () => {
    const root = project({ "src/app.ts": ``, "src/routes.ts": `` });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    const src = join(root, "src");
    const looks = () => [fs.stats.filter((path) => path === src).length, fs.reads.filter((path) => path === src).length];
    withFakeDate((nextSecond) => {
      // app-adapters' `modulesBeside`, lambda-functions-config's `configFilesIn`, handlers.ts and the resolver, one lint.
      for (let asker = 0; asker < 3; asker++) expect([...reader.listing(src)!.keys()].sort()).toEqual(["app.ts", "routes.ts"]);
      expect(reader.resolve("./routes", join(src, "app.ts"))).toBe(join(src, "routes.ts"));
      expect(looks()).toEqual([1, 1]);
      writeFileSync(join(src, "serverless.yml"), "");
      utimesSync(src, new Date(), new Date(Date.now() + 5_000));
      expect(reader.listing(src)!.has("serverless.yml")).toBe(false);
      nextSecond();
      expect(reader.listing(src)!.has("serverless.yml")).toBe(true);
      expect(reader.listing(src)!.has("serverless.yml")).toBe(true);
      expect(looks()).toEqual([2, 2]);
      // Unchanged a second later: one stat, no listing.
      nextSecond();
      reader.listing(src);
      reader.listing(src);
      expect(looks()).toEqual([3, 2]);
      // A test that edits within the second asks for every value to be looked at again.
      reader.forgetRechecked();
      reader.listing(src);
      expect(looks()).toEqual([4, 2]);
    });
  });

  it("rechecked: one read per key and reading function within a second, read again after it (or when the clock goes back)", () => {
    const reader = new ProjectModules(countingFs());
    const reads: string[] = [];
    const read = (key: string) => (reads.push(key), `${key}#${reads.length}`);
    const other = (key: string) => `other ${key}`;
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      expect(reader.rechecked("a", read)).toBe("a#1");
      expect(reader.rechecked("b", read)).toBe("b#2");
      // Another reading function keeps its own values under the same key.
      expect(reader.rechecked("a", other)).toBe("other a");
      vi.setSystemTime(new Date("2030-01-01T00:00:00.999Z"));
      expect(reader.rechecked("a", read)).toBe("a#1");
      // A second after the last question (the next lint of an editor session): read again.
      vi.setSystemTime(new Date("2030-01-01T00:00:01.999Z"));
      expect(reader.rechecked("a", read)).toBe("a#3");
      vi.setSystemTime(new Date("2029-12-31T00:00:00Z"));
      expect(reader.rechecked("a", read)).toBe("a#4");
      reader.forgetRechecked();
      expect(reader.rechecked("a", read)).toBe("a#5");
      expect(reads).toEqual(["a", "b", "a", "a", "a"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("rechecked: while the process asks without a pause of a second (a whole-tree lint), a value is kept up to RECHECK_WHILE_ASKED_MS, then read again", () => {
    const reader = new ProjectModules(countingFs());
    const reads: string[] = [];
    const read = (key: string) => (reads.push(key), `${key}#${reads.length}`);
    const elsewhere = (key: string) => key;
    const start = new Date("2030-01-01T00:00:00Z").getTime();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    try {
      expect(reader.rechecked("a", read)).toBe("a#1");
      // Other files linted every half second: "a" is asked again 1.5 s after it was read, never after a pause.
      for (let at = 500; at < RECHECK_WHILE_ASKED_MS; at += 500) {
        vi.setSystemTime(start + at);
        reader.rechecked("other file", elsewhere);
        if (at % 1500 === 0) expect(reader.rechecked("a", read)).toBe("a#1");
      }
      vi.setSystemTime(start + RECHECK_WHILE_ASKED_MS);
      expect(reader.rechecked("a", read)).toBe("a#2");
      expect(reads).toEqual(["a", "a"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("manifestOf: one parse of a package.json for dependencies, main, script preloads and workspaces; none where there is no package.json", () => {
    const root = makeProject({
      "app/package.json": JSON.stringify({
        main: "dist/index.js",
        workspaces: ["packages/*"],
        dependencies: { next: "15.0.0" },
        devDependencies: { vitest: "3" },
        peerDependencies: { react: "19" },
        scripts: { start: "node --import ./instrument.mjs dist/index.js", dev: "NODE_OPTIONS='-r dd-trace/init' next dev", lint: "eslint ." },
      }),
      "empty/": "",
    });
    const fs = countingFs();
    const reader = new ProjectModules(fs);
    const manifest = reader.manifestOf(join(root, "app"));
    expect(manifest).toEqual({
      dependencies: new Set(["next", "vitest", "react"]),
      ranges: new Map([["next", "15.0.0"], ["vitest", "3"], ["react", "19"]]),
      main: "dist/index.js",
      preloads: ["./instrument.mjs", "dd-trace/init"],
      workspaces: true,
      workspacePatterns: ["packages/*"],
      entryPoints: ["dist/index.js"],
    });
    expect(reader.manifestOf(join(root, "app"))).toBe(manifest);
    expect(reader.isWorkspaceRoot(join(root, "app"))).toBe(true);
    expect(fs.reads.filter((read) => read.endsWith("package.json"))).toHaveLength(1);
    expect(reader.manifestOf(join(root, "empty"))).toBeUndefined();
    expect(parsePackageManifest("{ not json")).toEqual({ dependencies: new Set(), ranges: new Map(), preloads: [], workspaces: false });
    // A UTF-8 byte order mark (an editor's "UTF-8 with BOM"): Node and npm read the file, so does this.
    expect(parsePackageManifest(`\uFEFF${JSON.stringify({ type: "module", dependencies: { honeyhive: "^1.0.3" } })}`).ranges).toEqual(new Map([["honeyhive", "^1.0.3"]]));
    expect(parsePackageManifest("[1]")).toEqual({ dependencies: new Set(), ranges: new Map(), preloads: [], workspaces: false });
    // The first field that gives a package a string range holds: dependencies before dev, peer, optional.
    expect(parsePackageManifest(JSON.stringify({ devDependencies: { honeyhive: "^1.0.42" }, dependencies: { honeyhive: "^2.0.0" }, peerDependencies: { x: { bad: 1 } } })).ranges).toEqual(new Map([["honeyhive", "^2.0.0"]]));
  });

  it("parsedFile: undefined where no file is, and one parse per (mtime, size)", () => {
    const root = makeProject({ "a.txt": "one" });
    const reader = new ProjectModules(countingFs());
    let parses = 0;
    const parse = (text: string) => (parses++, text.toUpperCase());
    expect(reader.parsedFile(join(root, "a.txt"), parse)).toBe("ONE");
    expect(reader.parsedFile(join(root, "a.txt"), parse)).toBe("ONE");
    expect(parses).toBe(1);
    expect(reader.parsedFile(join(root, "none.txt"), parse)).toBeUndefined();
    rmSync(join(root, "a.txt"));
    expect(reader.parsedFile(join(root, "a.txt"), parse)).toBeUndefined();
  });
});

describe("fix-blind10: TypeScript's export = and the default import of a CommonJS module", () => {
  const root = project({
    "src/eq.ts": `import hh = require("honeyhive");\nconst tracer = hh.HoneyHiveTracer.init({ project: "p" });\nexport = tracer;\n`,
    "src/eq-object.ts": `import hh = require("honeyhive");\nconst tracer = hh.HoneyHiveTracer.init({ project: "p" });\nasync function handler() {}\nexport = { tracer, handler };\n`,
    "src/dot.cjs": `const hh = require("honeyhive");\nexports.tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`,
    // An ES module: its default import is its default export, not the object of its names.
    "src/esm.mjs": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\nexport default { version: 1 };\n`,
    // gaps-rules-9: CommonJS a transpiler wrote from an ES module, with the interop marker.
    "src/transpiled.js": `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst hh = require("honeyhive");\nexports.default = hh.HoneyHiveTracer.init({ project: "p" });\n`,
    "src/assigned.js": `"use strict";\nexports.__esModule = true;\nconst hh = require("honeyhive");\nexports.default = hh.HoneyHiveTracer.init({ project: "p" });\n`,
    "src/false-marker.js": `"use strict";\nexports.__esModule = false;\nconst hh = require("honeyhive");\nexports.default = hh.HoneyHiveTracer.init({ project: "p" });\n`,
    // blind-17: barrels in a folder of their own that hand on a module as a namespace (and one that hands on names).
    "src/obs/index.ts": `export * as tracing from "../esm.mjs";\nexport * from "../dot.cjs";\n`,
    // Barrels of that barrel, in a cycle (each names honeyhive, so each is parsed).
    "src/cycle-a.ts": `// honeyhive\nexport * from "./cycle-b";\n`,
    "src/cycle-b.ts": `// honeyhive\nexport * from "./cycle-a";\nexport { tracing as ns } from "./obs";\n`,
  });
  const factsOf = (file: string) => readFacts(readFileSync(join(root, file), "utf8"), join(root, file));
  it("reads `export = x` as `module.exports = x`: a value is the module's default, an object literal its names", () => {
    expect(factsOf("src/eq.ts").exports).toEqual({ default: [{ kind: "tracer" }] });
    expect(factsOf("src/eq-object.ts").exports.tracer).toEqual([{ kind: "tracer" }]);
    expect(factsOf("src/eq.ts").commonJs).toBe(true);
  });
  it("marks a module CommonJS only when it assigns its exports and has no ESM export", () => {
    expect(factsOf("src/dot.cjs").commonJs).toBe(true);
    expect(factsOf("src/esm.mjs").commonJs).toBeUndefined();
  });
  it("gaps-rules-9: a transpiled ES module's __esModule marker makes its default import exports.default", () => {
    expect(factsOf("src/transpiled.js").commonJs).toBeUndefined();
    expect(factsOf("src/assigned.js").commonJs).toBeUndefined();
    expect(factsOf("src/transpiled.js").exports.default).toEqual([{ kind: "tracer" }]);
    // A marker set to false is no marker.
    expect(factsOf("src/false-marker.js").commonJs).toBe(true);
  });
  it("takes `import x = require()` as a whole require (importOrigin: `default`), and a CommonJS module's default import as held whole", () => {
    const input = parseAnalysisInput(
      `import eq = require("./eq");\nimport dot from "./dot.cjs";\nimport esm from "./esm.mjs";\nimport * as ns from "./esm.mjs";\n`,
      join(root, "src/app.mts"),
    );
    const variable = (name: string) => input.scopeManager.scopes.flatMap((scope) => scope.variables).find((candidate) => candidate.name === name)!;
    expect(importOrigin(input, variable("eq"))).toEqual({ specifier: "./eq", name: "default" });
    expect(wholeModuleOf(input, variable("dot"))).toBe("./dot.cjs");
    expect(wholeModuleOf(input, variable("esm"))).toBeUndefined();
    expect(wholeModuleOf(input, variable("ns"))).toBe("./esm.mjs");
  });
  it("blind-17: a named import of a barrel's `export * as tracing from` holds that module whole, its path rebased to the importer", () => {
    const input = parseAnalysisInput(`import { tracing, tracer } from "./obs";\n`, join(root, "src/app.ts"));
    const variable = (name: string) => input.scopeManager.scopes.flatMap((scope) => scope.variables).find((candidate) => candidate.name === name)!;
    expect(wholeModuleOf(input, variable("tracing"))).toBe("./esm.mjs");
    // A name the barrel hands on (`export *`) is one export, not a namespace.
    expect(wholeModuleOf(input, variable("tracer"))).toBeUndefined();
  });
  it("follows the namespace through barrels of the barrel (`export *`, `export { x as y }`), each module once in a cycle", () => {
    const input = parseAnalysisInput(`import { ns, missing } from "./cycle-a";\n`, join(root, "src/app.ts"));
    const variable = (name: string) => input.scopeManager.scopes.flatMap((scope) => scope.variables).find((candidate) => candidate.name === name)!;
    expect(wholeModuleOf(input, variable("ns"))).toBe("./esm.mjs");
    expect(wholeModuleOf(input, variable("missing"))).toBeUndefined();
  });
});

describe("isProjectModule: a tsconfig `paths` key, however it is shaped (fix-blind12)", () => {
  it("takes `@obs/tracing` under `\"@obs/*\"` for the project's, not another scope, not a `*` fallback key, and asks nothing in a file that mentions no tracer", () => {
    const root = project({
      "tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@obs/*": ["packages/obs/src/*"], "#config": ["src/config.ts"], "*": ["types/*"] } } }`,
      "packages/obs/src/tracing.ts": `export const tracer = {};\n`,
    });
    const fs = countingFs();
    const previous = setProjectModules(new ProjectModules(fs));
    const ask = (specifier: string, text = `import { tracer } from "${specifier}";\ntracer;\n`) => isProjectModule(specifier, parseAnalysisInput(text, join(root, "src", "chat.ts")));
    try {
      expect(ask("@obs/tracing")).toBe(true);
      expect(ask("@obs/tracing/deep")).toBe(true);
      expect(ask("@other/tracing")).toBe(false);
      expect(ask("express")).toBe(false);
      // `#config` is local by its text already (settings.ts isLocalModule).
      expect(ask("#config")).toBe(true);
      const before = fs.stats.length + fs.reads.length;
      expect(ask("@obs/tracing", `import { format } from "@obs/tracing";\nformat("x");\n`)).toBe(false);
      expect(fs.stats.length + fs.reads.length).toBe(before);
    } finally {
      setProjectModules(previous);
    }
  });
});

describe("blind-21: an exact `paths` key shaped like no package, a name under `baseUrl`, package.json `imports`", () => {
  it("takes `@obs` under an exact key and `lib/obs` under `\"baseUrl\": \"src\"` for the project's, not a package", () => {
    const root = project({
      "tsconfig.json": `{ "compilerOptions": { "baseUrl": "src", "paths": { "@obs": ["observability/index.ts"] } } }`,
      "src/observability/index.ts": `export const tracer = {};\n`,
      "src/lib/obs.ts": `export const obs = {};\n`,
      "src/config.ts": `export const config = {};\n`,
    });
    const ask = (specifier: string) => isProjectModule(specifier, parseAnalysisInput(`import { tracer } from "${specifier}";\ntracer;\n`, join(root, "src", "chat.ts")));
    expect(ask("@obs")).toBe(true);
    expect(ask("lib/obs")).toBe(true);
    expect(ask("config")).toBe(true);
    expect(ask("express")).toBe(false);
    expect(ask("@obs/other")).toBe(false);
    const reader = new ProjectModules();
    expect(reader.resolve("@obs", join(root, "src", "chat.ts"))).toBe(join(root, "src/observability/index.ts"));
    expect(reader.resolve("lib/obs", join(root, "src", "chat.ts"))).toBe(join(root, "src/lib/obs.ts"));
  });

  it("resolves `#` specifiers through the nearest package.json's imports: an exact key, a pattern, a conditions object's first target that exists", () => {
    const root = makeProject({
      "package.json": JSON.stringify({
        name: "app",
        type: "module",
        imports: { "#obs": "./src/lib/obs.ts", "#lib/*": "./src/lib/*.js", "#telemetry": { types: "./src/telemetry/index.ts", default: "./dist/telemetry/index.js" }, "#dep": "some-package" },
      }),
      "src/lib/obs.ts": `export const obs = {};\n`,
      "src/lib/db.ts": `export const db = {};\n`,
      "src/telemetry/index.ts": `export const telemetry = {};\n`,
    });
    const reader = new ProjectModules();
    const from = join(root, "src", "server.ts");
    expect(reader.resolve("#obs", from)).toBe(join(root, "src/lib/obs.ts"));
    expect(reader.resolve("#lib/db", from)).toBe(join(root, "src/lib/db.ts"));
    expect(reader.resolve("#telemetry", from)).toBe(join(root, "src/telemetry/index.ts"));
    // A package target is no project file; an unknown key resolves to nothing.
    expect(reader.resolve("#dep", from)).toBeUndefined();
    expect(reader.resolve("#missing", from)).toBeUndefined();
    expect(parsePackageManifest(`{ "imports": { "#a": "./a.ts", "b": "./b.ts", "#c": { "node": "pkg" } } }`).imports).toEqual([{ pattern: "#a", targets: ["./a.ts"] }]);
  });
});

describe("then-chain: an init's promise handed on through `.then` returning the tracer, `.catch`, `.finally`", () => {
  const REQUIRE = `const { HoneyHiveTracer } = require("honeyhive");\n`;
  const factsOfText = (text: string) => extractModuleFacts(parseAnalysisInput(`${REQUIRE}${text}`, "/tmp/then-chain/tracing.js"));

  it("keeps the init's promise fact through a `.then` whose callback returns its parameter, then a `.catch` and a `.finally`", () => {
    const facts = factsOfText(`const ready = HoneyHiveTracer.init({ project: "p" })
  .then(function (tracer) {
    tracer.traceFunction({ eventName: "warm" })(() => 1)();
    return tracer;
  })
  .catch((err) => {
    console.error(err);
    return undefined;
  })
  .finally(() => console.log("done"));
module.exports.ready = ready;
module.exports.direct = HoneyHiveTracer.init().then((t) => t);
`);
    expect(facts.exports["ready"]).toEqual([{ kind: "tracer" }]);
    expect(facts.exports["direct"]).toEqual([{ kind: "tracer" }]);
    expect(facts.initPromiseExports).toEqual(["ready", "direct"]);
  });

  it("does not when the callback may give something else, or the binding may be reassigned", () => {
    const facts = factsOfText(`const other = HoneyHiveTracer.init().then((tracer) => tracer.sessionId);
const falls = HoneyHiveTracer.init().then(function (tracer) { if (tracer) return tracer; });
const swapped = HoneyHiveTracer.init().then((tracer) => { tracer = null; return tracer; });
const recovered = HoneyHiveTracer.init().catch(() => "fallback");
let later = HoneyHiveTracer.init().then((t) => t);
later = null;
const plain = HoneyHiveTracer.init();
module.exports = { other, falls, swapped, recovered, later, plain };
`);
    expect(facts.initPromiseExports).toEqual(["plain"]);
  });
});
