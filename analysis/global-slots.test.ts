// A HoneyHive tracer another module keeps on `globalThis` (issue 15, D6): the declaring module's
// `globalTracerSlots` fact, and a file that loads it (or whose framework preloads it) reading the slot as a tracer.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { simpleTraverse } from "@typescript-eslint/typescript-estree";
import { extractModuleFacts } from "./export-facts.js";
import { readsLoadedGlobalTracer } from "./global-slots.js";
import { parseAnalysisInput } from "./parse-input.js";
import { ProjectModules, setProjectModules } from "./project-modules.js";
import { getSdkModel } from "./sdk-model.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

const DEV_CACHE = `import { HoneyHiveTracer } from "honeyhive";\n\ndeclare global {\n  var tracer: HoneyHiveTracer | undefined;\n}\n\nglobalThis.tracer ??= HoneyHiveTracer.init({ project: "p" });\n`;
const OTEL_LOOKALIKE = `import { trace, type Tracer } from "@opentelemetry/api";\n\ndeclare global {\n  var tracer: Tracer;\n}\n\nglobalThis.tracer ??= trace.getTracer("web");\n`;

const slotsOf = (code: string, path = "/p/src/lib/tracing.ts") => extractModuleFacts(parseAnalysisInput(code, path)).globalTracerSlots;

describe("globalTracerSlots: what a module declares in `declare global` and fills with a tracer", () => {
  it("lists the Next.js dev-cache slot and a slot filled in Next.js's register()", () => {
    expect(slotsOf(DEV_CACHE)).toEqual(["tracer"]);
    const register = `import type { HoneyHiveTracer } from "honeyhive";\ndeclare global {\n  var honeyhive: HoneyHiveTracer | undefined;\n}\nexport async function register() {\n  const { HoneyHiveTracer } = await import("honeyhive");\n  globalThis.honeyhive = await HoneyHiveTracer.init({ project: "p" });\n}\n`;
    expect(slotsOf(register, "/p/instrumentation.ts")).toEqual(["honeyhive"]);
  });

  it("lists nothing for OpenTelemetry's Tracer, a declaration never filled, or a fill never declared", () => {
    expect(slotsOf(OTEL_LOOKALIKE)).toBeUndefined();
    expect(slotsOf(DEV_CACHE.replace(/globalThis\.tracer \?\?=.*\n/, ""))).toBeUndefined();
    expect(slotsOf(DEV_CACHE.replace(/declare global \{\n.*\n\}\n/, ""))).toBeUndefined();
    // Declared with the SDK's type but filled with something else.
    expect(slotsOf(DEV_CACHE.replace("HoneyHiveTracer.init({ project: \"p\" })", "makeTracer()"))).toBeUndefined();
  });
});

describe("a file that loads the declaring module reads the slot as a tracer", () => {
  const makeProject = useTempProjects("global-slots");
  const manifest = (deps: Record<string, string>) => JSON.stringify({ name: "web", private: true, dependencies: { honeyhive: "^2.0.0", ...deps } });
  const ROUTE = `export async function POST(): Promise<Response> {\n  globalThis.tracer?.enrichSession({ metadata: {} });\n  return new Response("ok");\n}\n`;
  const receiverOf = (root: string, path: string, code: string) => {
    const input = parseAnalysisInput(code, join(root, path));
    let receiver: TSESTree.Node | undefined;
    simpleTraverse(input.ast, {
      enter(node) {
        if (node.type === AST_NODE_TYPES.MemberExpression && input.text.slice(...node.range) === "globalThis.tracer") receiver ??= node;
      },
    });
    return getSdkModel(input).tracerOf(receiver!);
  };

  it("through a side-effect import, a named import and a barrel", () => {
    const root = makeProject({ "package.json": manifest({}), "lib/tracing.ts": DEV_CACHE, "lib/index.ts": `export * from "./tracing";\n` });
    expect(receiverOf(root, "app/api/route.ts", `import "../../lib/tracing";\n${ROUTE}`)?.name).toBe("globalThis.tracer");
    expect(receiverOf(root, "app/api/route.ts", `import { x } from "../../lib/index";\nvoid x;\n${ROUTE}`)?.name).toBe("globalThis.tracer");
  });

  it("through Next.js's instrumentation.ts, which no file imports, in an app folder without its own package.json", () => {
    // The route on disk: the project's package.json is found from its folder.
    const root = makeProject({ "package.json": manifest({ next: "14.2.3" }), "apps/web/instrumentation.ts": DEV_CACHE, "apps/web/app/api/answer/route.ts": ROUTE });
    expect(receiverOf(root, "apps/web/app/api/answer/route.ts", ROUTE)?.name).toBe("globalThis.tracer");
  });

  // Test runners load the setup files their configuration names before every test file (knowledge FRAMEWORK_PRELOADS:
  // Jest's setupFiles/setupFilesAfterEnv, Vitest's test.setupFiles): a tracer a setup file keeps there is the test's.
  const SPEC = `import { it } from "vitest";\nit("answers", async () => {\n  globalThis.tracer?.enrichSession({ metadata: {} });\n});\n`;
  it.each([
    ["jest.config.js", `/** @type {import('jest').Config} */\nmodule.exports = {\n  // the tracer\n  setupFiles: ["<rootDir>/test/setup.ts"],\n};\n`, { jest: "^29.0.0" }],
    ["jest.config.ts", `import type { Config } from "jest";\nconst config: Config = { setupFilesAfterEnv: ['./test/setup.ts'] };\nexport default config;\n`, { jest: "^29.0.0" }],
    ["jest.config.json", `{ "setupFiles": ["<rootDir>/test/setup.ts"] }`, { jest: "^29.0.0" }],
    ["vitest.config.ts", `import { defineConfig } from "vitest/config";\nexport default defineConfig({\n  test: { setupFiles: "./test/setup.ts" },\n});\n`, { vitest: "^2.0.0" }],
    ["vite.config.mts", `import { defineConfig } from "vite";\nexport default defineConfig({ test: { environment: "node", setupFiles: ["test/setup.ts"] } });\n`, { vitest: "^2.0.0" }],
  ])("through a test runner's setup file named in %s", (config, text, deps) => {
    const jest = "jest" in deps;
    const root = makeProject({ "package.json": manifest(deps), [config]: text, "test/setup.ts": DEV_CACHE, "src/answer.test.ts": SPEC, "src/__tests__/answer.ts": SPEC, "src/answer.ts": SPEC });
    expect(receiverOf(root, "src/answer.test.ts", SPEC)?.name).toBe("globalThis.tracer");
    // Jest also runs the files of a `__tests__` folder; Vitest by default only `*.test.*` / `*.spec.*`.
    expect(receiverOf(root, "src/__tests__/answer.ts", SPEC)?.name).toBe(jest ? "globalThis.tracer" : undefined);
    // Not before the application's own modules: the runner loads them for tests only.
    expect(receiverOf(root, "src/answer.ts", SPEC)).toBeUndefined();
  });

  it("through package.json's \"jest\" key, and not where the runner is no dependency or the setup file is another", () => {
    const root = makeProject({ "package.json": JSON.stringify({ name: "web", dependencies: { honeyhive: "^2.0.0" }, devDependencies: { jest: "^29.0.0" }, jest: { setupFiles: ["<rootDir>/test/setup.ts"] } }), "test/setup.ts": DEV_CACHE, "src/answer.test.ts": SPEC });
    expect(receiverOf(root, "src/answer.test.ts", SPEC)?.name).toBe("globalThis.tracer");
    const noRunner = makeProject({ "package.json": manifest({}), "jest.config.js": `module.exports = { setupFiles: ["<rootDir>/test/setup.ts"] };\n`, "test/setup.ts": DEV_CACHE, "src/answer.test.ts": SPEC });
    expect(receiverOf(noRunner, "src/answer.test.ts", SPEC)).toBeUndefined();
    const other = makeProject({ "package.json": manifest({ jest: "^29.0.0" }), "jest.config.js": `module.exports = { setupFiles: ["<rootDir>/test/env.ts"] };\n`, "test/setup.ts": DEV_CACHE, "test/env.ts": "process.env.TZ = 'UTC';\n", "src/answer.test.ts": SPEC });
    expect(receiverOf(other, "src/answer.test.ts", SPEC)).toBeUndefined();
  });

  it("not where nothing loads it, nor for OpenTelemetry's Tracer, nor without Next.js for an instrumentation.ts", () => {
    const root = makeProject({ "package.json": manifest({}), "lib/tracing.ts": DEV_CACHE, "lib/otel.ts": OTEL_LOOKALIKE, "instrumentation.ts": DEV_CACHE, "app/api/route.ts": ROUTE });
    expect(receiverOf(root, "app/api/route.ts", ROUTE)).toBeUndefined();
    expect(receiverOf(root, "app/api/route.ts", `import "../../lib/otel";\n${ROUTE}`)).toBeUndefined();
  });
});

describe("gaps-rules-10b: a bare global read, a barrel's renamed type", () => {
  const makeProject = useTempProjects("global-slots-10b");
  const manifest = JSON.stringify({ name: "web", private: true, dependencies: { honeyhive: "^2.0.0" } });
  const ALIASES = JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } });
  const tracerAt = (root: string, code: string, text: string) => {
    const input = parseAnalysisInput(code, join(root, "app/api/route.ts"));
    let receiver: TSESTree.Node | undefined;
    simpleTraverse(input.ast, {
      enter(node) {
        if (receiver === undefined && (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) && input.text.slice(...node.range) === text) receiver = node;
      },
    });
    return getSdkModel(input).tracerOf(receiver!)?.name;
  };

  it("a bare `tracer` that resolves to the global object (no binding in the file) is the slot's tracer", () => {
    const root = makeProject({ "package.json": manifest, "lib/tracing.ts": DEV_CACHE });
    const route = (body: string) => `import "../../lib/tracing";
export async function POST(): Promise<Response> {
  ${body}
  return new Response("ok");
}
`;
    expect(tracerAt(root, route("tracer?.enrichSession({ metadata: {} });"), "tracer")).toBe("globalThis.tracer");
    expect(tracerAt(root, route("tracer!.createSession();"), "tracer")).toBe("globalThis.tracer");
    expect(tracerAt(root, route("const t = tracer;\n  t?.createSession();"), "t")).toBe("t");
    // Look-alikes: a local `tracer` (a binding shadows the global), a global no loaded module fills, a name read otherwise.
    expect(tracerAt(root, route("const tracer = { enrichSession() {} };\n  tracer.enrichSession();"), "tracer")).toBeUndefined();
    expect(tracerAt(root, `export async function POST() {
  tracer?.enrichSession({ metadata: {} });
}
`, "tracer")).toBeUndefined();
    expect(tracerAt(root, route("hhTracer?.enrichSession({ metadata: {} });"), "hhTracer")).toBeUndefined();
  });

  it("a declaring module whose tracer type comes renamed through a barrel is read (`import { Tracer } from \"@/lib\"`)", () => {
    const renamed = DEV_CACHE.replace(`import { HoneyHiveTracer } from "honeyhive"`, `import { Tracer } from "@/lib"`).replace(/HoneyHiveTracer/g, "Tracer");
    const ROUTE = `import "@/lib/tracing";
export async function POST() {
  globalThis.tracer?.enrichSession({ metadata: {} });
}
`;
    const root = makeProject({ "package.json": manifest, "tsconfig.json": ALIASES, "lib/index.ts": `export { HoneyHiveTracer as Tracer } from "honeyhive";
`, "lib/tracing.ts": renamed });
    expect(tracerAt(root, ROUTE, "globalThis.tracer")).toBe("globalThis.tracer");
    // The same shape over OpenTelemetry's Tracer through the barrel: no HoneyHive slot.
    const otel = makeProject({ "package.json": manifest, "tsconfig.json": ALIASES, "lib/index.ts": `export { type Tracer } from "@opentelemetry/api";
`, "lib/tracing.ts": renamed.replace("Tracer.init({ project: \"p\" })", "makeTracer()") });
    expect(tracerAt(otel, ROUTE, "globalThis.tracer")).toBeUndefined();
  });
});

/** How many module resolutions `readsLoadedGlobalTracer` asks for on `code` as `src/index.ts` of `root`. */
function modulesAsked(root: string, code: string): number {
  const reader = new ProjectModules();
  const previous = setProjectModules(reader);
  try {
    const resolutions = vi.spyOn(reader, "resolve");
    readsLoadedGlobalTracer(parseAnalysisInput(code, join(root, "src/index.ts")));
    return resolutions.mock.calls.length;
  } finally {
    setProjectModules(previous);
  }
}

describe("the gate reads no module for a global object read as anything but a tracer", () => {
  const makeProject = useTempProjects("global-slots-gate");
  it("library code's `global.process` / `globalThis.Symbol` asks no imported module; a slot read as a tracer does", () => {
    const root = makeProject({ "package.json": JSON.stringify({ name: "lib", private: true }), "src/util.ts": "export const x = 1;\n" });
    const asked = (code: string): number => modulesAsked(root, code);
    expect(asked(`import { x } from "./util";\nconst env = global.process.env;\nconst it = globalThis.Symbol.iterator;\nglobal.setTimeout(() => x, 1);\n`)).toBe(0);
    expect(asked(`import "./util";\nglobalThis.tracer?.createSession();\n`)).toBeGreaterThan(0);
    expect(asked(`import "./util";\nconst tracer = globalThis.honeyhive;\n`)).toBeGreaterThan(0);
    // Host globals held or traced through `globalThis` ask nothing; a HoneyHive-only method on any slot does.
    expect(asked(`import { x } from "./util";\nconst E = globalThis.Error;\nconst doc = global.document ?? x;\nglobalThis.console.trace("x");\n`)).toBe(0);
    expect(asked(`import "./util";\nglobalThis.obs?.enrichSession({});\n`)).toBeGreaterThan(0);
    // Bare names: only an undeclared one read as a tracer asks; `process.on()`, a local `tracer`, a lib global do not.
    expect(asked(`import { x } from "./util";\nprocess.on("exit", () => x);\nconst tracer = { flush() {} };\ntracer.flush();\nconsole.log(JSON.stringify(x));\n`)).toBe(0);
    expect(asked(`import "./util";\ntracer.createSession();\n`)).toBeGreaterThan(0);
    // Host globals held or called with a generic tracer method's name ask nothing (each such file of the non-SDK
    // corpus resolved every import); a HoneyHive-only method on any name, or a tracer-like name held, asks.
    expect(
      asked(
        `import { x } from "./util";\nconst raf = requestAnimationFrame;\nconst Ws = WebSocket ?? x;\nconst file = __filename;\nconsole.trace("x");\nconst options = { tracer: console };\n`,
      ),
    ).toBe(0);
    expect(asked(`import "./util";\nobs.createSession();\n`)).toBeGreaterThan(0);
    expect(asked(`import "./util";\nconst t = hhTracer;\n`)).toBeGreaterThan(0);
    expect(asked(`import "./util";\ntracer.trace(() => 1);\n`)).toBeGreaterThan(0);
  });

  it("a slot given as `tracer:` or after `=` is held; a `tracer` another read ends with is not a key (`a ? globalThis.tracer : globalThis.hh`)", () => {
    const root = makeProject({ "package.json": JSON.stringify({ name: "lib", private: true }), "src/util.ts": "export const x = 1;\n" });
    const asks = (code: string): boolean => modulesAsked(root, code) > 0;
    expect(asks(`import "./util";\ntrace({ tracer:\n  globalThis.honeyhive }, () => 1);\n`)).toBe(true);
    expect(asks(`import "./util";\nlet t;\nt =   global.hhTracer;\n`)).toBe(true);
    // The `tracer` before ` :` is the end of the first read, not a key: the second read is not held.
    expect(asks(`import "./util";\nconst on = 1;\non ? globalThis.tracer : globalThis.honeyhive;\n`)).toBe(false);
    expect(asks(`import "./util";\nconst on = 1;\non ? globalThis.tracer : globalThis.honeyhive.createSession();\n`)).toBe(true);
    // `mytracer:` is no `tracer:` key (a word boundary before it).
    expect(asks(`import "./util";\nconst o = { mytracer: globalThis.honeyhive };\n`)).toBe(false);
  });
});
