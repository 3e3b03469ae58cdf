// Which receivers of 1.x tracer methods the 1.x set rewrites: the SDK model's tracers, and the values a
// single tracer flows into (a `.then()` callback's parameter, a write-once alias, a call of a function
// declared to return one); a receiver the flow does not prove stays unresolved (it gets a marker).
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "./export-facts.js";
import { tracerMethodCalls } from "./honeyhive-1x.js";
import { parseAnalysisInput } from "./parse-input.js";

const INIT = `import { HoneyHiveTracer } from "honeyhive";\nconst tracerPromise = HoneyHiveTracer.init({});\n`;

/** The receivers (as written) of the `traceModel` calls the 1.x set takes for tracer methods. */
function receivers(code: string): string[] {
  const input = parseAnalysisInput(code, "src/app.ts");
  return tracerMethodCalls(input, new Set(["traceModel"])).map(({ callee }) => code.slice(callee.object.range[0], callee.object.range[1]));
}

describe("receivers of 1.x tracer methods", () => {
  it("follow a .then() callback's parameter on a tracer's promise", () => {
    expect(receivers(`${INIT}Promise.resolve(tracerPromise).then((t) => t.traceModel(fn));\n`)).toEqual(["t"]);
    expect(receivers(`${INIT}tracerPromise.then((t) => t.traceModel(fn));\n`)).toEqual(["t"]);
    expect(receivers(`import { HoneyHiveTracer } from "honeyhive";\nHoneyHiveTracer.init({}).then((t) => t.traceModel(fn));\n`)).toEqual(["t"]);
  });

  it("follow a write-once alias of a member tracer and a call of a function declared to return one", () => {
    const member = `import { HoneyHiveTracer } from "honeyhive";\nclass A {\n  private tracer?: HoneyHiveTracer;\n  async start() { this.tracer = await HoneyHiveTracer.init({}); }\n  step() { const tracer = this.tracer; return tracer!.traceModel(fn); }\n}\n`;
    expect(receivers(member)).toEqual(["tracer!"]);
    const factory = `import { HoneyHiveTracer } from "honeyhive";\ndeclare const cache: Map<string, Promise<HoneyHiveTracer>>;\nfunction tracerFor(p: string): Promise<HoneyHiveTracer> { return cache.get(p)!; }\nasync function run() {\n  (await tracerFor("a")).traceModel(fn);\n  const t = await tracerFor("b");\n  t.traceModel(fn);\n}\n`;
    expect(receivers(factory)).toEqual(["await tracerFor(\"a\")", "t"]);
  });

  it("do not follow what a single tracer does not flow into", () => {
    // A .then() on another promise, a parameter other than the first, a reassigned alias, a function typed otherwise.
    expect(receivers(`${INIT}declare const other: Promise<{ traceModel(f: unknown): void }>;\nother.then((t) => t.traceModel(fn));\n`)).toEqual([]);
    expect(receivers(`${INIT}tracerPromise.then((t, u) => u.traceModel(fn));\n`)).toEqual([]);
    expect(receivers(`import { HoneyHiveTracer } from "honeyhive";\nclass A {\n  private tracer?: HoneyHiveTracer;\n  async start() { this.tracer = await HoneyHiveTracer.init({}); }\n  step(o: { traceModel(f: unknown): void }) { let tracer: typeof o | undefined = this.tracer as never; tracer = o; return tracer.traceModel(fn); }\n}\n`)).toEqual([]);
    expect(receivers(`${INIT}function other(): Promise<{ traceModel(f: unknown): void }> { return null!; }\nasync function run() { (await other()).traceModel(fn); }\n`)).toEqual([]);
    // `this` inside a plain function of a method is not the instance: the class's typed fields say nothing there.
    const deps = `import { HoneyHiveTracer } from "honeyhive";\ninterface Deps { tracer: HoneyHiveTracer }\nclass A {\n  constructor(private deps: Deps) {}\n  own() { return this.deps.tracer.traceModel(fn); }\n  nested() { return function (this: { deps: { tracer: { traceModel(f: unknown): void } } }) { return this.deps.tracer.traceModel(fn); }; }\n}\n`;
    expect(receivers(deps)).toEqual(["this.deps.tracer"]);
    // A local `ReturnType` is not the lib's.
    expect(receivers(`import { HoneyHiveTracer } from "honeyhive";\ntype ReturnType<T> = { other: T };\ndeclare const t: Awaited<ReturnType<typeof HoneyHiveTracer.init>>;\nt.traceModel(fn);\n`)).toEqual([]);
    // A local `Promise` type is not the global one.
    expect(receivers(`import { HoneyHiveTracer } from "honeyhive";\ntype Promise<T> = { value: T };\nfunction f(): Promise<HoneyHiveTracer> { return null!; }\nf().traceModel(fn);\n`)).toEqual([]);
  });
});

describe("members of a framework's typed state (augmentedTracerMembers)", () => {
  // `new Koa<State>()` hands values of `State` to the framework's callbacks: `ctx.state.tracer` is the tracer.
  const state = (declared: string, made: string) =>
    `import Koa from "koa";\nimport { HoneyHiveTracer } from "honeyhive";\n${declared}\nconst app = ${made};\napp.use(async (ctx) => ctx.state.tracer.traceModel(fn));\n`;

  it("read the properties typed as the tracer of a type argument of a package's class", () => {
    expect(receivers(state("interface State { tracer: HoneyHiveTracer }", "new Koa<State>()"))).toEqual(["ctx.state.tracer"]);
    expect(receivers(state("type State = { tracer: HoneyHiveTracer };", "new Koa<State>()"))).toEqual(["ctx.state.tracer"]);
  });

  it("not without the type argument, with another type, or for a class of the project or the SDK", () => {
    expect(receivers(state("interface State { tracer: HoneyHiveTracer }", "new Koa()"))).toEqual([]);
    expect(receivers(state("interface State { tracer: { traceModel(f: unknown): void } }", "new Koa<State>()"))).toEqual([]);
    const local = `import { HoneyHiveTracer } from "honeyhive";\nimport { App } from "./app";\ninterface State { tracer: HoneyHiveTracer }\nconst app = new App<State>();\napp.use(async (ctx) => ctx.state.tracer.traceModel(fn));\n`;
    expect(receivers(local)).toEqual([]);
  });
});

describe("a tracer held by another module's class (the module's facts)", () => {
  const holders = (code: string, filename = "src/tracing.ts") => extractModuleFacts(parseAnalysisInput(code, filename)).tracerHolders;

  it("name the members and methods of exported classes and instances that hold a tracer", () => {
    const module =
      `import { HoneyHiveTracer } from "honeyhive";\n` +
      `export class Tracing {\n  tracer!: HoneyHiveTracer;\n  ready?: Promise<HoneyHiveTracer>;\n  name = "tracing";\n  other: { flush(): void } | undefined;\n` +
      `  untyped;\n  async start() { this.untyped = await HoneyHiveTracer.init({}); this.other = undefined; }\n` +
      `  get current(): HoneyHiveTracer { return this.tracer; }\n  async load() { return this.tracer; }\n  label() { return this.name; }\n}\n` +
      `class Hidden { tracer!: HoneyHiveTracer }\nexport const tracing = new Tracing();\nexport default new Hidden();\n`;
    expect(holders(module)).toEqual({
      Tracing: { of: "class", members: ["tracer", "ready", "current", "untyped"], methods: ["load"] },
      tracing: { of: "instance", members: ["tracer", "ready", "current", "untyped"], methods: ["load"] },
      default: { of: "instance", members: ["tracer"], methods: [] },
    });
    const object = `import { HoneyHiveTracer } from "honeyhive";\nexport const observability = { tracer: await HoneyHiveTracer.init({}), region: "eu", get current() { return this.tracer; }, async load(): Promise<HoneyHiveTracer> { return null!; } };\n`;
    expect(holders(object)).toEqual({ observability: { of: "instance", members: ["tracer"], methods: ["load"] } });
    const commonJs = `const { HoneyHiveTracer } = require("honeyhive");\nclass Telemetry { async init() { this.tracer = await HoneyHiveTracer.init({}); } }\nmodule.exports = { Telemetry };\n`;
    expect(holders(commonJs, "src/telemetry.js")).toEqual({ Telemetry: { of: "class", members: ["tracer"], methods: [] } });
  });

  it("name the static members that give a holder class's one instance (singletons), as importers write them", () => {
    const module =
      `import { HoneyHiveTracer } from "honeyhive";\n` +
      `export class Obs {\n  static readonly instance = new Obs();\n  static #own: Obs | undefined;\n  static latest: Obs | undefined;\n  readonly tracer = HoneyHiveTracer.init({});\n` +
      `  static getInstance() { return (Obs.#own ??= new Obs()); }\n  static get current() { return Obs.instance; }\n  static create() { return new Obs(); }\n  static reset() { Obs.latest = new Obs(); Obs.latest = new Other(); }\n}\n` +
      `class Other {}\n` +
      `export const Lazy = class {\n  static #one: unknown;\n  tracer = HoneyHiveTracer.init({});\n  static get() { return (this.#one ??= new this()); }\n};\n`;
    const found = holders(module);
    // `create()` makes one per call; `latest` is written with two classes; the private `#own` is no importer's to read.
    expect(found?.Obs?.singletons).toEqual(["instance", "getInstance()", "current"]);
    expect(found?.Lazy?.singletons).toEqual(["get()"]);
    expect(holders(`import { HoneyHiveTracer } from "honeyhive";\nclass Kept { static instance = new Kept(); tracer = HoneyHiveTracer.init({}); }\nmodule.exports = Kept;\n`, "src/kept.js")).toEqual({
      default: expect.objectContaining({ of: "class", members: ["tracer"], singletons: ["instance"] }),
    });
    // A singleton class holding no tracer is no holder.
    expect(holders(`import { HoneyHiveTracer } from "honeyhive";\nexport class Cache { static instance = new Cache(); size = 0; }\nexport const t = HoneyHiveTracer;\n`)).toBeUndefined();
  });

  it("are absent where no exported class holds one: a field assigned anything else, a module without the SDK", () => {
    expect(holders(`import { HoneyHiveTracer } from "honeyhive";\nimport { make } from "./make";\nexport class A { tracer = make(); other?: HoneyHiveTracer; start() { this.other = make(); } }\n`)).toEqual({
      A: { of: "class", members: ["other"], methods: [] },
    });
    expect(holders(`import { make } from "./make";\nexport class A { tracer = make(); }\n`)).toBeUndefined();
    expect(holders(`export class A { tracer!: { flush(): void } }\n`)).toBeUndefined();
  });
});

describe("a tracer returned by another module's function (the module's facts)", () => {
  const facts = (code: string, filename = "src/registry.ts") => extractModuleFacts(parseAnalysisInput(code, filename));
  const IMPORT = `import { HoneyHiveTracer } from "honeyhive";\n`;

  it("say which exported functions return a tracer, declared or written (ESM and CommonJS)", () => {
    const module =
      `${IMPORT}const tracers = new Map<string, HoneyHiveTracer>();\n` +
      `export function current(): HoneyHiveTracer | undefined { return tracers.get("a"); }\n` +
      `export async function ensure(p: string): Promise<HoneyHiveTracer> { return tracers.get(p)!; }\n` +
      `const make = (p: string) => HoneyHiveTracer.init({ project: p });\nexport { make as build };\n` +
      `export function label(): string { return "x"; }\n`;
    const returning = { of: "function", members: [], methods: [], returnsTracer: true };
    expect(facts(module).tracerHolders).toEqual({ current: returning, ensure: returning, build: returning });
    const commonJs = `const { HoneyHiveTracer } = require("honeyhive");\nlet tracer;\nasync function start() { tracer = await HoneyHiveTracer.init({}); }\nfunction active() { return tracer; }\nmodule.exports = { start, active };\n`;
    expect(facts(commonJs, "src/telemetry.cjs").tracerHolders).toEqual({ active: returning });
  });

  it("describe what a factory returns: an object (its tracer members, its own functions as plain), a getter of the tracer; else opaque where a tracer is used", () => {
    const factory =
      `${IMPORT}export function createTelemetry(tracer: HoneyHiveTracer) {\n` +
      `  return { tracer, region: "eu", traceModel: (fn: () => void) => tracer.traceModel(fn), async flush() { await tracer.flush(); } };\n}\n` +
      `export async function built() { const tracer = await HoneyHiveTracer.init({}); return Object.assign({ tracer }, {}); }\n` +
      `export function unrelated() { return { flush() {} }; }\n` +
      `export function setupTracer() { let tracer: HoneyHiveTracer | undefined; return () => tracer; }\n`;
    expect(facts(factory).tracerHolders).toEqual({
      createTelemetry: { of: "function", members: ["tracer"], methods: [], plain: ["traceModel", "flush"] },
      built: { of: "function", members: [], methods: [], opaque: true },
      unrelated: { of: "function", members: [], methods: [], plain: ["flush"] },
      setupTracer: { of: "function", members: [], methods: [], returnsTracerGetter: true },
    });
  });

  it("record a namespace re-export apart from the names a module hands on", () => {
    const barrel = facts(`export * as tracing from "./tracing";\nexport { getTracer as obs } from "./tracing";\nexport * from "./other";\n`, "src/index.ts");
    expect(barrel.namespaceReExports).toEqual({ tracing: "./tracing" });
    expect(barrel.reExports).toEqual([{ specifier: "./tracing", names: { obs: "getTracer" } }, { specifier: "./other", names: "*" }]);
  });
});
