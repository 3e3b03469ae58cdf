import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { simpleTraverse } from "@typescript-eslint/typescript-estree";
import { parseAnalysisInput } from "./parse-input.js";
import { getSdkModel, honeyhiveMajorOfFile, type SdkModel } from "./sdk-model.js";
import { DEFAULT_SETTINGS } from "./settings.js";
import { clearSdkVersionCache } from "./sdk-version.js";
import { useTempProjects } from "./test-utils/temp-projects.js";

function model(code: string, filename = "src/app.ts", modules: string[] = []) {
  const input = parseAnalysisInput(code, filename, { ...DEFAULT_SETTINGS, modules });
  return { input, model: getSdkModel(input) };
}

/** Every call in the file whose callee text is `calleeText`, in source order. */
function callsTo(ast: TSESTree.Program, text: string, calleeText: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  simpleTraverse(ast, {
    enter(node) {
      if (node.type === AST_NODE_TYPES.CallExpression && text.slice(...node.callee.range) === calleeText) calls.push(node);
    },
  });
  return calls;
}

function exportOfFirstCall(code: string, calleeText: string, filename?: string): string | undefined {
  const { input, model: sdk } = model(code, filename);
  const [call] = callsTo(input.ast, input.text, calleeText);
  return call ? sdk.sdkExportOf(call.callee) : "<no call>";
}

function tracerSummary(sdk: SdkModel) {
  return sdk.tracers.map((tracer) => ({
    name: tracer.name,
    kind: tracer.kind,
    moduleLevel: tracer.moduleLevel,
    exported: tracer.exported,
    referenceText: tracer.referenceText,
    getter: tracer.getter?.name,
  }));
}

describe("getSdkModel: SDK bindings", () => {
  it.each([
    ["named", `import { trace } from "honeyhive";\ntrace(fn);`, "trace"],
    ["renamed", `import { trace as hhTrace } from "honeyhive";\nhhTrace(fn);`, "hhTrace"],
    ["namespace", `import * as hh from "honeyhive";\nhh.trace(fn);`, "hh.trace"],
    ["default", `import honeyhive from "honeyhive";\nhoneyhive.trace(fn);`, "honeyhive.trace"],
    ["require", `const hh = require("honeyhive");\nhh.trace(fn);`, "hh.trace"],
    ["destructured require", `const { trace: t } = require("honeyhive");\nt(fn);`, "t"],
    ["member require", `const trace = require("honeyhive").trace;\ntrace(fn);`, "trace"],
    ["inline require", `require("honeyhive").trace(fn);`, `require("honeyhive").trace`],
    ["dynamic import", `async function main() { const { trace } = await import("honeyhive"); trace(fn); }`, "trace"],
    ["alias of a namespace", `const hh = require("honeyhive");\nconst { trace } = hh;\ntrace(fn);`, "trace"],
    ["subpath", `import { evaluate } from "honeyhive/experiments";\nevaluate({});`, "evaluate"],
    ["import =", `import hh = require("honeyhive");\nhh.trace(fn);`, "hh.trace"],
    ["module.require", `const { trace } = module.require("honeyhive");\ntrace(fn);`, "trace"],
    ["default member of a dynamic import", `const hh = await import("honeyhive");\nhh.default.trace(fn);`, "hh.default.trace"],
    ["a const alias of an export", `import { trace } from "honeyhive";\nconst t = trace;\nt(fn);`, "t"],
  ])("%s", (_name, code, callee) => {
    const expected = callee === "evaluate" ? "evaluate" : "trace";
    expect(exportOfFirstCall(code, callee)).toBe(expected);
  });

  it.each([
    ["OpenTelemetry's trace", `import { trace } from "@opentelemetry/api";\ntrace.getTracer("x");\ntrace(fn);`, "trace"],
    ["a local function", `import { HoneyHiveTracer } from "honeyhive";\nfunction trace(f) { return f; }\ntrace(fn);`, "trace"],
    ["a shadowing parameter", `import { trace } from "honeyhive";\nfunction wrap(trace) { return trace(fn); }`, "trace"],
    ["a type-only import", `import type { trace } from "honeyhive";\ndeclare const x: any;\nx(fn);`, "x"],
    ["another package's require", `const { trace } = require("tracing-lib");\ntrace(fn);`, "trace"],
    // Shadowing is decided by the one resolver (bindings.ts), for `require` as for any name.
    ["a local require", `const require = (m) => ({ trace: (f) => f });\nconst { trace } = require("honeyhive");\ntrace(fn);`, "trace"],
    ["the promise of an unawaited import()", `const hh = import("honeyhive");\nhh.trace(fn);`, "hh.trace"],
    ["a member of an export", `import { HoneyHiveTracer } from "honeyhive";\nconst { trace } = HoneyHiveTracer;\ntrace(fn);`, "trace"],
  ])("ignores %s", (_name, code, callee) => {
    expect(exportOfFirstCall(code, callee)).toBeUndefined();
  });

  it("treats a settings module like the SDK, and its other exports as local", () => {
    const code = `import { trace, tracer } from "@/lib/tracing";\ntrace({ tracer }, fn);\ntracer.forceFlush();`;
    const { input, model: sdk } = model(code, "src/a.ts", ["@/lib/tracing"]);
    expect(sdk.sdkExportOf(callsTo(input.ast, input.text, "trace")[0]!.callee)).toBe("trace");
    expect(tracerSummary(sdk)).toEqual([
      { name: "tracer", kind: "imported", moduleLevel: true, exported: false, referenceText: "tracer", getter: undefined },
    ]);
  });

  it("reads a settings module the same through require as through import", () => {
    const code = `const { trace, tracer } = require("@/lib/tracing");\ntrace({ tracer }, fn);\ntracer.forceFlush();`;
    const { input, model: sdk } = model(code, "src/a.js", ["@/lib/tracing"]);
    expect(sdk.sdkExportOf(callsTo(input.ast, input.text, "trace")[0]!.callee)).toBe("trace");
    expect(tracerSummary(sdk).map((tracer) => [tracer.name, tracer.kind])).toEqual([["tracer", "imported"]]);
  });

  it("uses nothing of the SDK through a type-only import, nor writes a reference through one", () => {
    const { model: sdk } = model(`import type * as hh from "honeyhive";\nimport type { trace } from "honeyhive";\nexport type T = typeof trace | hh.HoneyHiveTracer;`);
    expect(sdk.usesSdk).toBe(false);
    expect(sdk.moduleReferenceTo("trace")).toBeUndefined();
  });

  it("costs nothing on a file without SDK or local imports", () => {
    const { model: sdk } = model(`import express from "express";\nconst app = express();\napp.get("/", (req, res) => res.send("ok"));`);
    expect(sdk.usesSdk).toBe(false);
    expect(sdk.tracers).toEqual([]);
  });

  it("skips files whose local imports cannot be tracers (namespaces, type-only, other names)", () => {
    const { model: sdk } = model(`import * as internalTracer from "./internal/tracer.js";
import type { Tracer } from "./Tracer.js";
import { pipe } from "./Function.js";
export const run = pipe(internalTracer.make(), (x: Tracer) => x);`);
    expect(sdk.usesSdk).toBe(false);
  });

  it("is cached per AST", () => {
    const { input, model: first } = model(`import { trace } from "honeyhive";`);
    expect(getSdkModel(input)).toBe(first);
  });

  it("never throws on odd input", () => {
    expect(() => model(`export {};\nconst { [key]: x } = require("honeyhive");\nnew (require("honeyhive").HoneyHiveTracer)();`)).not.toThrow();
  });
});

describe("getSdkModel: tracers", () => {
  it("finds a module-level tracer made by init, exported or not", () => {
    const { model: sdk } = model(
      `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\nconst other = new HoneyHiveTracer();`,
    );
    // `new HoneyHiveTracer()` is 1.x code, so the unawaited init beside it holds 1.x's promise of a tracer.
    expect(tracerSummary(sdk)).toEqual([
      { name: "tracer", kind: "init", moduleLevel: true, exported: true, referenceText: undefined, getter: undefined },
      { name: "other", kind: "init", moduleLevel: true, exported: false, referenceText: "other", getter: undefined },
    ]);
    expect(sdk.tracers[0]!.initializations).toHaveLength(1);
    const { model: v2 } = model(`import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });`);
    expect(tracerSummary(v2)).toEqual([{ name: "tracer", kind: "init", moduleLevel: true, exported: true, referenceText: "tracer", getter: undefined }]);
  });

  it("finds a tracer through the member require and CommonJS exports", () => {
    const { model: sdk } = model(
      `const HoneyHiveTracer = require("honeyhive").HoneyHiveTracer;\nconst tracer = HoneyHiveTracer.init();\nmodule.exports = { tracer };`,
      "src/tracing.cjs",
    );
    expect(tracerSummary(sdk)).toEqual([
      { name: "tracer", kind: "init", moduleLevel: true, exported: true, referenceText: "tracer", getter: undefined },
    ]);
  });

  // The rounds run only where a creation can be reached (sdk-model.ts `mayCreateOrHoldTracer`): each way in, and a
  // file whose SDK bindings are other exports only, whose look-alike `HoneyHiveTracer.init()` stays no tracer.
  it("finds a tracer through each binding that can reach HoneyHiveTracer, and none through other exports", () => {
    const names = (code: string, filename?: string) => model(code, filename).model.tracers.map((tracer) => tracer.name);
    expect(names(`import * as hh from "honeyhive";\nexport const tracer = hh.HoneyHiveTracer.init();`)).toEqual(["tracer"]);
    expect(names(`import { HoneyHiveTracer as H } from "honeyhive";\nexport const t = H.init();`)).toEqual(["t"]);
    expect(names(`export const tracer = new (require("honeyhive").HoneyHiveTracer)();`, "src/a.cjs")).toEqual(["tracer"]);
    expect(names(`export async function f() {\n  const tracer = (await import("honeyhive")).HoneyHiveTracer.init();\n  return tracer;\n}`)).toEqual(["f", "tracer"]);
    expect(names(`import { trace } from "honeyhive";\nimport { factory } from "./tracing";\nexport const tracer = factory().HoneyHiveTracer.init();\nexport const f = trace(() => 1);`)).toEqual([]);
    expect(names(`import { trace, evaluate } from "honeyhive";\nconst HoneyHiveTracer = { init: () => ({}) };\nexport const tracer = HoneyHiveTracer.init();\nexport const f = trace(() => evaluate);`)).toEqual([]);
  });

  it("finds a lazy getter and points its backing variable at it", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
let _tracer: HoneyHiveTracer | undefined;
export function getTracer() {
  if (!_tracer) _tracer = HoneyHiveTracer.init({ source: "lambda" });
  return _tracer;
}
export const handler = async () => { getTracer().createSession(); };`);
    expect(tracerSummary(sdk)).toEqual([
      { name: "_tracer", kind: "init", moduleLevel: true, exported: false, referenceText: "_tracer", getter: "getTracer" },
      { name: "getTracer", kind: "lazy", moduleLevel: true, exported: true, referenceText: "getTracer()", getter: undefined },
    ]);
    const [call] = callsTo(input.ast, input.text, "getTracer");
    expect(sdk.tracerOf(call!)?.name).toBe("getTracer");
    expect(sdk.tracers[1]!.initializations).toHaveLength(1);
  });

  it("finds a `??=` getter written as an arrow and a variable assigned from it", () => {
    const { model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
let cached;
const getTracer = () => (cached ??= HoneyHiveTracer.init());
async function handler() { const tracer = getTracer(); await tracer.forceFlush(); }`);
    expect(tracerSummary(sdk).map(({ name, kind, moduleLevel }) => [name, kind, moduleLevel])).toEqual([
      ["cached", "init", true],
      ["getTracer", "lazy", true],
      ["tracer", "init", false],
    ]);
  });

  it("follows aliases declared before what they alias, one link a round, up to the fourth round", () => {
    // Each link is found one round after the one it names (later in the file): `t`, then `getT`, `a`,
    // `b`; `c` would need a fifth round. A variable that named only non-tracers is read again once one
    // of them becomes a tracer, whichever round that is; `unrelated` named none and stays no tracer.
    const { model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
const unrelated = compute(1);
const c = b;
const b = a;
const a = getT();
function getT() { return t; }
const t = HoneyHiveTracer.init();`);
    expect(tracerSummary(sdk).map(({ name, kind }) => [name, kind])).toEqual([
      ["b", "init"],
      ["a", "init"],
      ["getT", "lazy"],
      ["t", "init"],
    ]);
  });

  it("does not write calls to a factory (each call would make a new tracer)", () => {
    const { model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";\nfunction makeTracer() { return HoneyHiveTracer.init(); }`);
    expect(tracerSummary(sdk)).toEqual([
      { name: "makeTracer", kind: "lazy", moduleLevel: true, exported: false, referenceText: undefined, getter: undefined },
    ]);
  });

  it("takes the call of a local factory or getter for a tracer whatever its arguments (by what it returns), an imported getter's only without", () => {
    // `initializeTracer(sessionName)`, the vendor's own 1.x test helper (real-code-public shape 15).
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
import { getTracer } from "./tracing";
const shared = HoneyHiveTracer.init();
async function makeTracer(name: string): Promise<HoneyHiveTracer> { return HoneyHiveTracer.init({ sessionName: name }); }
function tracerFor(key: string) { return shared; }
function notTracer(name: string) { return name.length; }
export async function main() {
  const made = await makeTracer("x");
  const picked = tracerFor("k");
  const other = notTracer("y");
  made.enrichSession({}); picked.enrichSession({}); other.toFixed();
  getTracer("z").enrichSession({});
}`);
    const receiver = (name: string) => (callsTo(input.ast, input.text, name)[0]!.callee as TSESTree.MemberExpression).object;
    expect(sdk.tracerOf(receiver("made.enrichSession"))?.name).toBe("made");
    expect(sdk.tracerOf(receiver("picked.enrichSession"))?.name).toBe("picked");
    expect(sdk.tracerOf(receiver("other.toFixed"))).toBeUndefined();
    expect(sdk.tracerOf(receiver("getTracer(\"z\").enrichSession"))).toBeUndefined();
    // A getter that takes parameters is not written as a call (what to pass is unknown).
    expect(tracerSummary(sdk).find(({ name }) => name === "tracerFor")?.referenceText).toBeUndefined();
  });

  it("follows a tracer held by a const object, a static getter or a class instance of the file, written as the holder expression", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
import ddTracer from "dd-trace";
class Service {
  private tracer?: HoneyHiveTracer;
  get(): HoneyHiveTracer { return (this.tracer ??= HoneyHiveTracer.init({ project: "p" })); }
  fresh() { return HoneyHiveTracer.init({ project: "p" }); }
  other() { return "x"; }
}
class Obs { static #t?: HoneyHiveTracer; static get tracer() { return (this.#t ??= HoneyHiveTracer.init({ project: "p" })); } }
export const service = new Service();
export const holder = { tracer: HoneyHiveTracer.init({ project: "p" }), dd: ddTracer.init() };
let mutable = { tracer: HoneyHiveTracer.init({ project: "p" }) };
export async function main() {
  service.get().enrichSession({}); service.get().forceFlush(); service.fresh().enrichSession({}); service.other().toString();
  Obs.tracer.enrichSession({}); holder.tracer.enrichSession({}); holder.dd.trace("x"); mutable.tracer.enrichSession({});
}`);
    const receiver = (name: string) => sdk.tracerOf((callsTo(input.ast, input.text, name)[0]!.callee as TSESTree.MemberExpression).object);
    expect(receiver("service.get().enrichSession")?.referenceText).toBe("service.get()");
    expect(receiver("service.get().forceFlush")).toBe(receiver("service.get().enrichSession"));
    // A method making a new tracer per call is a tracer, never written as a call.
    expect(receiver("service.fresh().enrichSession")?.referenceText).toBeUndefined();
    expect(receiver("service.other().toString")).toBeUndefined();
    expect(receiver("Obs.tracer.enrichSession")?.referenceText).toBe("Obs.tracer");
    expect(receiver("holder.tracer.enrichSession")?.referenceText).toBe("holder.tracer");
    expect(receiver("holder.dd.trace")).toBeUndefined();
    // A `let` holder never reassigned is one holder all the same.
    expect(receiver("mutable.tracer.enrichSession")?.referenceText).toBe("mutable.tracer");
  });

  it("follows a holder whose member may give another tracer later, but never writes it as the fix's receiver", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init({ project: "p" });
let moved = { tracer: HoneyHiveTracer.init({ project: "p" }) };
export const named = { tracer };
export const swapped = { tracer: HoneyHiveTracer.init({ project: "p" }) };
class Obs { static tracer = HoneyHiveTracer.init({ project: "p" }); }
export const steady = { tracer: HoneyHiveTracer.init({ project: "p" }) };
export function configure(next: HoneyHiveTracer) { moved = { tracer: next }; named.tracer = next; swapped.tracer ??= next; Obs.tracer = next; }
export async function main() {
  moved.tracer.enrichSession({}); named.tracer.enrichSession({}); swapped.tracer.enrichSession({}); Obs.tracer.enrichSession({}); steady.tracer.enrichSession({});
}`);
    const receiver = (name: string) => sdk.tracerOf((callsTo(input.ast, input.text, name)[0]!.callee as TSESTree.MemberExpression).object);
    // A reassigned `let` holder may hold anything by then: not followed.
    expect(receiver("moved.tracer.enrichSession")).toBeUndefined();
    for (const holder of ["named", "swapped", "Obs"]) {
      const held = receiver(`${holder}.tracer.enrichSession`);
      expect(held, holder).toBeDefined();
      expect(held?.referenceText, holder).toBeUndefined();
    }
    // Look-alike: a holder nobody changes keeps its written form.
    expect(receiver("steady.tracer.enrichSession")?.referenceText).toBe("steady.tracer");
  });

  // rules-13: a static field of a class expression kept in a `const`, and a private static field read inside its class.
  it("offers the static-field tracer of a const class expression, and a private one only inside its class", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
const Obs = class { static tracer = HoneyHiveTracer.init({ project: "p" }); };
class Hidden {
  static #tracer = HoneyHiveTracer.init({ project: "p" });
  static run() { mark("inside"); }
}
const Cfg = class { static options = { project: "p" }; };
export function later() { mark("outside"); }`);
    const at = (label: string) => sdk.staticFieldTracersInScopeAt(callsTo(input.ast, input.text, "mark").find((call) => (call.arguments[0] as TSESTree.Literal).value === label)!).map((found) => found.text);
    expect(at("outside")).toEqual(["Obs.tracer"]);
    expect(at("inside")).toEqual(["Obs.tracer", "Hidden.#tracer"]);
    // Look-alike: a static field of a class expression holding something else (`Cfg.options`) is no tracer.
    expect(at("outside")).not.toContain("Cfg.options");
  });

  it("does not loop on a holder that names itself", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
class Obs { static get tracer(): HoneyHiveTracer { return Obs.tracer; } }
const loop = { get tracer() { return loop.tracer; }, self: loop.self };
export function main() { Obs.tracer.enrichSession({}); loop.self.enrichSession({}); }`);
    const receiver = (name: string) => sdk.tracerOf((callsTo(input.ast, input.text, name)[0]!.callee as TSESTree.MemberExpression).object);
    expect(receiver("Obs.tracer.enrichSession")).toBeUndefined();
    expect(receiver("loop.self.enrichSession")).toBeUndefined();
  });

  // fix-blind11-holders (a): a private name is a member name, with its `#` (the 1.x receivers read it the same way).
  it("follows a tracer in a private #field, through a getter and as this.#field, never mixed with a public field", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
import { Tracer as LocalTracer } from "./local-tracer";
class Obs {
  readonly #tracer = HoneyHiveTracer.init({ project: "p" });
  readonly tracerName = "hh";
  get tracer(): HoneyHiveTracer { return this.#tracer; }
  record() { this.#tracer.enrichSession({}); }
}
class Local {
  readonly #tracer = new LocalTracer();
  readonly tracer = HoneyHiveTracer.init({ project: "p" });
  get own() { return this.#tracer; }
  record() { this.#tracer.enrichSession({}); }
}
export const obs = new Obs();
export const local = new Local();
export function main() { obs.tracer.enrichSession({}); local.own.enrichSession({}); local.tracer.enrichSession({}); }`);
    const receivers = (name: string) => callsTo(input.ast, input.text, name).map((call) => sdk.tracerOf((call.callee as TSESTree.MemberExpression).object));
    expect(receivers("obs.tracer.enrichSession")[0]?.referenceText).toBe("obs.tracer");
    const [own, localOwn] = receivers("this.#tracer.enrichSession");
    expect([own?.name, own?.kind, own?.referenceText]).toEqual(["#tracer", "member", "this.#tracer"]);
    // Look-alikes: a `#tracer` of another class (an in-house tracer), read directly or through a getter.
    expect(localOwn).toBeUndefined();
    expect(receivers("local.own.enrichSession")[0]).toBeUndefined();
    expect(receivers("local.tracer.enrichSession")[0]?.referenceText).toBe("local.tracer");
  });

  // fix-blind11-holders (b): the one instance a class keeps of itself (analysis/class-singletons.ts).
  it("follows a class's one instance: a static field, a static getInstance() caching it, written as the holder expression", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
class Fixed { static readonly instance = new Fixed(); readonly tracer = HoneyHiveTracer.init({ project: "p" }); }
class Lazy {
  private static instance?: Lazy;
  readonly tracer = HoneyHiveTracer.init({ project: "p" });
  static getInstance(): Lazy { if (!Lazy.instance) Lazy.instance = new Lazy(); return Lazy.instance; }
  static reset() { Lazy.instance = undefined; }
}
class Cached {
  static #instance: Cached | undefined;
  readonly tracer = HoneyHiveTracer.init({ project: "p" });
  static get current() { return (this.#instance ??= new Cached()); }
}
class Factory { readonly tracer = HoneyHiveTracer.init({ project: "p" }); static create() { return new Factory(); } }
class Swapped { static instance = new Swapped(); readonly tracer = HoneyHiveTracer.init({ project: "p" }); }
class Other { readonly tracer = HoneyHiveTracer.init({ project: "p" }); }
export function configure() { Swapped.instance = new Other() as Swapped; }
export function main() {
  Fixed.instance.tracer.enrichSession({}); Lazy.getInstance().tracer.enrichSession({}); Cached.current.tracer.enrichSession({});
  Factory.create().tracer.enrichSession({}); Swapped.instance.tracer.enrichSession({});
}`);
    const receiver = (name: string) => sdk.tracerOf((callsTo(input.ast, input.text, name)[0]!.callee as TSESTree.MemberExpression).object);
    expect(receiver("Fixed.instance.tracer.enrichSession")?.referenceText).toBe("Fixed.instance.tracer");
    // A write of undefined (a reset) makes no other instance.
    expect(receiver("Lazy.getInstance().tracer.enrichSession")?.referenceText).toBe("Lazy.getInstance().tracer");
    expect(receiver("Cached.current.tracer.enrichSession")?.moduleLevel).toBe(true);
    // Look-alikes: a static method making an instance per call (a factory), a static field given another class's instance.
    expect(receiver("Factory.create().tracer.enrichSession")).toBeUndefined();
    expect(receiver("Swapped.instance.tracer.enrichSession")).toBeUndefined();
  });

  it("declares a tracer in a parameter's default by its parameter, not its function (whose removal or enclosing function would be the wrong one)", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  constructor(private name: string, tracer = HoneyHiveTracer.init({ project: "p" })) { this.run = trace(() => name); }
  run: () => string;
}
export function work({ tracer = HoneyHiveTracer.init({ project: "p" }) } = {}) { return trace(() => 1); }`);
    const declarations = sdk.tracers.filter((tracer) => tracer.kind === "init").map((tracer) => input.text.slice(...tracer.declaration.range));
    expect(declarations).toEqual([`tracer = HoneyHiveTracer.init({ project: "p" })`, `{ tracer = HoneyHiveTracer.init({ project: "p" }) } = {}`]);
    for (const call of callsTo(input.ast, input.text, "trace")) {
      expect(sdk.tracersInScopeAt(call).map(({ text }) => text)).toEqual(["tracer"]);
    }
  });

  it("finds class members assigned in the constructor or as fields", () => {
    const { input, model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
class Agent {
  private readonly fieldTracer = HoneyHiveTracer.init();
  constructor() { this.tracer = HoneyHiveTracer.init(); }
  run() { return this.tracer.forceFlush(); }
}`);
    expect(tracerSummary(sdk).map(({ name, kind, referenceText }) => [name, kind, referenceText])).toEqual([
      ["fieldTracer", "member", "this.fieldTracer"],
      ["tracer", "member", "this.tracer"],
    ]);
    const [flush] = callsTo(input.ast, input.text, "this.tracer.forceFlush");
    const callee = flush!.callee as TSESTree.MemberExpression;
    expect(sdk.tracerOf(callee.object)?.name).toBe("tracer");
  });

  it("finds tracers imported from local modules by use or by name, not other imports", () => {
    const { model: sdk } = model(`import { tracer } from "./tracing";
import { getTracer } from "../lib/tracing.js";
import obs from "./observability";
import { hhTracer } from "../observability";
import { db } from "./db";
import { HoneyHiveTracer } from "./types";
import * as internalTracer from "./internal/tracer";
import type { appTracer } from "./app";
obs.enrichSession({ metadata: {} });
obs.forceFlush();
db.query();`);
    expect(tracerSummary(sdk).map(({ name, kind, referenceText }) => [name, kind, referenceText])).toEqual([
      ["tracer", "imported", "tracer"],
      ["getTracer", "imported", "getTracer()"],
      ["obs", "imported", "obs"],
      ["hhTracer", "imported", "hhTracer"],
    ]);
  });

  it.each([
    ["PostHog's sessionStart", `import { posthog } from "./posthog";
app.post("/x", (req, res) => { posthog.sessionStart(); res.end(); });`],
    ["an analytics client", `import { analytics } from "../lib/analytics";
export const handler = async (event) => { analytics.sessionStart(event.id); return {}; };`],
    ["an exporter's forceFlush and shutdown", `import exporter from "./exporter";
await exporter.forceFlush();
await exporter.shutdown();`],
    ["a getter of a generic client", `import { getClient } from "./client";
getClient().trace("x");
getClient().startSpan("y");`],
    ["a required analytics module", `const { analytics } = require("./analytics");
analytics.sessionStart();
analytics.sessionId;`],
  ])("does not take a neutrally named local binding with only generic members for a tracer: %s", (_name, code) => {
    const { model: sdk } = model(code);
    expect(sdk.tracers).toEqual([]);
    expect(sdk.usesSdk).toBe(false);
  });

  it.each([
    ["createSession", `import { hh } from "./obs";
hh.sessionStart();
await hh.createSession({});`, "hh", "hh"],
    ["acreateSession", `import { client } from "./obs";
await client.acreateSession();`, "client", "client"],
    ["withSession", `const { client } = require("./obs");
client.withSession("s", () => client.forceFlush());`, "client", "client"],
    ["enrichSpan", `import { client } from "./obs";
client.enrichSpan({});
client.sessionStart();`, "client", "client"],
    ["enrichSession on a getter", `import { useObs } from "./obs";
useObs().enrichSession({});
useObs().forceFlush();`, "useObs", "useObs()"],
  ])("takes a neutrally named local binding for a tracer when a HoneyHive-only member (%s) is used on it", (_name, code, name, referenceText) => {
    const { model: sdk } = model(code);
    expect(tracerSummary(sdk).map((tracer) => [tracer.name, tracer.kind, tracer.referenceText])).toEqual([[name, "imported", referenceText]]);
  });

  // A HoneyHive-only member is the only evidence for these bindings (their module is not read here): beside a
  // tracer the file makes or holds itself, the file's SDK is that tracer's, and the binding another library's.
  it.each([
    ["made here", `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({});\n`, ["tracer"]],
    ["a parameter typed with the SDK's class", `import type { HoneyHiveTracer } from "honeyhive";\nexport function step(tracer: HoneyHiveTracer) { tracer.enrichSpan({}); }\n`, ["tracer"]],
    ["a class member", `import { HoneyHiveTracer } from "honeyhive";\nexport class Obs { tracer = HoneyHiveTracer.init({}); }\n`, ["tracer"]],
    ["a variable holding an imported getter's tracer", `import { getTracer } from "./tracing";\nconst tracer = getTracer();\n`, ["getTracer", "tracer"]],
  ])("does not take a binding known only by its use for a tracer beside the file's own tracer (%s)", (_name, own, tracers) => {
    const { model: sdk } = model(`${own}import { lucia } from "./auth";\nimport { sessions } from "./sessions";\nawait lucia.createSession({ sessionId: "s" });\nsessions.enrichSession({});\n`);
    expect(sdk.tracers.map((tracer) => tracer.name)).toEqual(tracers);
  });

  it("takes bindings known only by their use for tracers beside imported ones, and what the file derives from them", () => {
    const { model: sdk } = model(`import { tracer } from "./tracing";
import { hh } from "./hh";
hh.enrichSession({});
export function getHh() { return hh; }
export class Obs { t = hh; }
tracer.sessionStart();`);
    expect(tracerSummary(sdk).map((tracer) => [tracer.name, tracer.kind])).toEqual([
      ["tracer", "imported"],
      ["hh", "imported"],
      ["getHh", "lazy"],
      ["t", "member"],
    ]);
  });

  it("takes a binding known only by its use for a tracer beside the file's own when its imported name is a tracer's", () => {
    const { model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init({});\nimport { tracer as shared } from "./tracing";\nshared.enrichSession({});\n`);
    expect(sdk.tracers.map((tracer) => tracer.name)).toEqual(["tracer", "shared"]);
  });

  it("with type information, takes a neutrally named binding declared as HoneyHiveTracer for a tracer (and asks only then)", () => {
    const code = `import { client } from "./obs";\nimport { posthog } from "./posthog";\nimport { tracer } from "./tracing";\nclient.sessionStart();\nposthog.sessionStart();\ntracer.sessionStart();`;
    const parsed = parseAnalysisInput(code, "src/a.ts", DEFAULT_SETTINGS);
    const asked: string[] = [];
    const typeNameOf = (node: TSESTree.Node) => {
      const name = node.type === AST_NODE_TYPES.Identifier ? node.name : "?";
      asked.push(name);
      return name === "client" ? "HoneyHiveTracer" : "PostHog";
    };
    const sdk = getSdkModel({ ...parsed, typeNameOf });
    expect(tracerSummary(sdk).map((tracer) => [tracer.name, tracer.kind])).toEqual([
      ["client", "imported"],
      ["tracer", "imported"],
    ]);
    expect([...new Set(asked)].sort()).toEqual(["client", "posthog"]);
  });

  it("takes any tracer-shaped binding of a settings module (it re-exports the SDK) for a tracer", () => {
    const { model: sdk } = model(`import { hh } from "@acme/observability";
hh.sessionStart();`, "src/a.ts", ["@acme/observability"]);
    expect(tracerSummary(sdk).map((tracer) => [tracer.name, tracer.kind])).toEqual([["hh", "imported"]]);
  });

  it("finds a variable assigned from an imported getter (`const tracer = getTracer()` in a handler)", () => {
    const { input, model: sdk } = model(`import { getTracer } from "./tracing";
export const handler = async () => {
  const tracer = getTracer();
  tracer.sessionStart();
};`);
    const [call] = callsTo(input.ast, input.text, "tracer.sessionStart");
    const callee = call.callee as TSESTree.MemberExpression;
    expect(sdk.tracerOf(callee.object)).toMatchObject({ name: "tracer", kind: "init", moduleLevel: false });
  });

  it("does not take a local module's OpenTelemetry or dd-trace tracer for a HoneyHive one", () => {
    const { model: sdk } = model(`import { trace } from "honeyhive";
import { tracer } from "./otel";
import { tracer as ddTracer } from "./datadog";
tracer.startActiveSpan("work", (span) => span.end());
ddTracer.scope().active();
export const step = trace(async (x) => x);`);
    expect(sdk.tracers).toEqual([]);
  });

  it("does not take OpenTelemetry's tracer for a HoneyHive one", () => {
    const { model: sdk } = model(`import { trace } from "@opentelemetry/api";\nconst tracer = trace.getTracer("svc");`);
    expect(sdk.tracers).toEqual([]);
    expect(sdk.usesSdk).toBe(false);
  });
});

describe("getSdkModel: trace uses", () => {
  const code = `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
import { trace as otelTrace } from "@opentelemetry/api";
const tracer = HoneyHiveTracer.init();
const a = trace(async (x) => x);
const b = trace({ eventType: "tool" }, function b(x) { return x; });
const c = trace({ eventType: "tool", tracer }, (x) => x);
const d = tracer.trace({ eventName: "d" }, (x) => x);
const e = trace(options, (x) => x);
class Agent {
  @trace({ eventType: "chain" })
  run() { enrichSpan({ metadata: {} }); }
}
otelTrace.getTracer("x");`;

  it("reads options, the bound tracer and the wrapped function", () => {
    const { model: sdk, input } = model(code);
    const summary = sdk.traceUses.map((use) => ({
      text: input.text.slice(...use.node.range).split("\n")[0],
      via: use.via,
      decorated: use.decorator !== undefined,
      optionsKnown: use.optionsKnown,
      hasOptions: use.options !== undefined,
      bound: use.boundTracer?.name,
      wraps: use.wrapped?.type,
    }));
    expect(summary).toEqual([
      { text: "trace(async (x) => x)", via: "sdk", decorated: false, optionsKnown: true, hasOptions: false, bound: undefined, wraps: "ArrowFunctionExpression" },
      { text: 'trace({ eventType: "tool" }, function b(x) { return x; })', via: "sdk", decorated: false, optionsKnown: true, hasOptions: true, bound: undefined, wraps: "FunctionExpression" },
      { text: 'trace({ eventType: "tool", tracer }, (x) => x)', via: "sdk", decorated: false, optionsKnown: true, hasOptions: true, bound: "tracer", wraps: "ArrowFunctionExpression" },
      { text: 'tracer.trace({ eventName: "d" }, (x) => x)', via: "tracer", decorated: false, optionsKnown: true, hasOptions: true, bound: "tracer", wraps: "ArrowFunctionExpression" },
      { text: "trace(options, (x) => x)", via: "sdk", decorated: false, optionsKnown: false, hasOptions: false, bound: undefined, wraps: "ArrowFunctionExpression" },
      { text: 'trace({ eventType: "chain" })', via: "sdk", decorated: true, optionsKnown: true, hasOptions: true, bound: undefined, wraps: undefined },
    ]);
    expect(sdk.globalEnrichCalls).toHaveLength(1);
  });

  it("knows traced functions: the call, the wrapped function, the variable, the decorated method", () => {
    const { model: sdk, input } = model(code);
    const declarators = input.ast.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations : [],
    );
    const byName = (name: string) => declarators.find((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name)!;
    expect(sdk.isTracedFunction(byName("a").init!)).toBe(true);
    expect(sdk.isTracedFunction((byName("b").init as TSESTree.CallExpression).arguments[1]!)).toBe(true);
    expect(sdk.isTracedFunction(byName("d").id)).toBe(true);
    expect(sdk.isTracedFunction(byName("tracer").id)).toBe(false);
    const agent = input.ast.body.find((s) => s.type === AST_NODE_TYPES.ClassDeclaration) as TSESTree.ClassDeclaration;
    const run = agent.body.body[0] as TSESTree.MethodDefinition;
    expect(sdk.isTracedFunction(run)).toBe(true);
    expect(sdk.isTracedFunction(run.value)).toBe(true);
  });
});

describe("getSdkModel: tracers in scope", () => {
  function inScopeAtCall(code: string, calleeText: string, index = 0) {
    const { input, model: sdk } = model(code);
    const call = callsTo(input.ast, input.text, calleeText)[index]!;
    return sdk.tracersInScopeAt(call).map(({ text, safe }) => `${text}${safe ? "" : " (unsafe)"}`);
  }

  it("sees a module tracer after its declaration and inside functions", () => {
    const code = `import { HoneyHiveTracer, enrichSpan } from "honeyhive";
enrichSpan({ early: true });
const tracer = HoneyHiveTracer.init();
enrichSpan({ late: true });
function later() { enrichSpan({}); }`;
    expect(inScopeAtCall(code, "enrichSpan", 0)).toEqual([]);
    expect(inScopeAtCall(code, "enrichSpan", 1)).toEqual(["tracer"]);
    expect(inScopeAtCall(code, "enrichSpan", 2)).toEqual(["tracer"]);
  });

  it("sees a module tracer declared below a function as set when the function runs, unless the module calls it first", () => {
    const later = `import { HoneyHiveTracer, enrichSpan } from "honeyhive";
function early() { enrichSpan({}); }
export const step = () => enrichSpan({});
export { early };
const tracer = HoneyHiveTracer.init();`;
    expect(inScopeAtCall(later, "enrichSpan", 0)).toEqual(["tracer"]);
    expect(inScopeAtCall(later, "enrichSpan", 1)).toEqual(["tracer"]);
    const calledFirst = `import { HoneyHiveTracer, enrichSpan } from "honeyhive";
function early() { enrichSpan({}); }
early();
[1].forEach(() => enrichSpan({}));
const tracer = HoneyHiveTracer.init();`;
    expect(inScopeAtCall(calledFirst, "enrichSpan", 0)).toEqual(["tracer (unsafe)"]);
    expect(inScopeAtCall(calledFirst, "enrichSpan", 1)).toEqual(["tracer (unsafe)"]);
  });

  it("prefers the lazy getter over its backing variable, and never calls it at load time", () => {
    const code = `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
let _tracer;
function getTracer() { return (_tracer ??= HoneyHiveTracer.init()); }
const step = trace((x) => x);
function handler() { enrichSpan({}); }`;
    expect(inScopeAtCall(code, "trace")).toEqual(["getTracer() (unsafe)"]);
    expect(inScopeAtCall(code, "enrichSpan")).toEqual(["getTracer()"]);
  });

  it("sees a function-local tracer only in its function, and respects shadowing", () => {
    const code = `import { HoneyHiveTracer, enrichSpan } from "honeyhive";
async function main() { const tracer = HoneyHiveTracer.init(); enrichSpan({}); }
function other() { enrichSpan({}); }
const tracer = HoneyHiveTracer.init();
function shadow(tracer) { enrichSpan({}); }`;
    expect(inScopeAtCall(code, "enrichSpan", 0)).toEqual(["tracer"]);
    // `other` is declared above the module's tracer but never called before it: set when it runs.
    expect(inScopeAtCall(code, "enrichSpan", 1)).toEqual(["tracer"]);
    expect(inScopeAtCall(code, "enrichSpan", 2)).toEqual([]);
  });

  it("offers `this.tracer` in methods but not in decorators", () => {
    const code = `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
class Agent {
  tracer = HoneyHiveTracer.init();
  @trace({ eventType: "chain" })
  run() { enrichSpan({}); const inner = () => enrichSpan({}); function detached() { enrichSpan({}); } }
}`;
    expect(inScopeAtCall(code, "trace")).toEqual([]);
    expect(inScopeAtCall(code, "enrichSpan", 0)).toEqual(["this.tracer"]);
    expect(inScopeAtCall(code, "enrichSpan", 1)).toEqual(["this.tracer"]);
    expect(inScopeAtCall(code, "enrichSpan", 2)).toEqual([]);
  });
});

describe("getSdkModel: tracer parameters", () => {
  it("takes a constructor parameter property typed HoneyHiveTracer for `this.<name>` in its class (NestJS injection)", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
import type { PostHog } from "posthog-node";
export class ChatController {
  constructor(private readonly tracer: HoneyHiveTracer, readonly analytics: PostHog, public plain: HoneyHiveTracer) {
    tracer.sessionStart();
  }
  create() { this.tracer.sessionStart(); this.plain.enrichSpan({}); this.analytics.sessionStart(); }
}
export class Other {
  create() { this.tracer.sessionStart(); }
}`;
    const { input, model: sdk } = model(code);
    const members = sdk.tracers.filter((tracer) => tracer.kind === "member");
    expect(members.map(({ name, referenceText, moduleLevel }) => [name, referenceText, moduleLevel])).toEqual([
      ["tracer", "this.tracer", true],
      ["plain", "this.plain", true],
    ]);
    const objectOf = (calleeText: string) => (callsTo(input.ast, input.text, calleeText)[0]!.callee as TSESTree.MemberExpression).object;
    expect(sdk.tracerOf(objectOf("this.tracer.sessionStart"))).toBe(members[0]);
    expect(sdk.tracerOf(objectOf("this.plain.enrichSpan"))).toBe(members[1]);
    expect(sdk.tracerOf(objectOf("this.analytics.sessionStart"))).toBeUndefined();
    expect(sdk.tracerOf(callsTo(input.ast, input.text, "this.tracer.sessionStart")[1]!.callee)).toBeUndefined();
    // In the constructor the parameter itself is offered, not `this.tracer` as well.
    const inConstructor = callsTo(input.ast, input.text, "tracer.sessionStart")[0]!;
    expect(sdk.tracersInScopeAt(inConstructor).map(({ text }) => text)).toEqual(["tracer", "plain"]);
  });

  it("takes a parameter typed with the SDK's HoneyHiveTracer (also a type-only import) for a tracer in its function", () => {
    const code = `import type { HoneyHiveTracer } from "honeyhive";
import * as hh from "honeyhive";
import { enrichSpan } from "honeyhive";
export function step(input: string, tracer: HoneyHiveTracer) { enrichSpan({ input }); }
export function other(input: string, t: hh.HoneyHiveTracer) { return t; }
export function untyped(input: string, tracer) { enrichSpan({ input }); }
class HoneyHiveTracerLike {}
export function lookalike(tracer: HoneyHiveTracerLike) { enrichSpan({}); }`;
    const { input, model: sdk } = model(code);
    expect(tracerSummary(sdk).map(({ name, kind, moduleLevel }) => [name, kind, moduleLevel])).toEqual([
      ["tracer", "parameter", false],
      ["t", "parameter", false],
    ]);
    const calls = callsTo(input.ast, input.text, "enrichSpan");
    expect(sdk.tracersInScopeAt(calls[0]!).map(({ text, safe }) => [text, safe])).toEqual([["tracer", true]]);
    expect(sdk.tracersInScopeAt(calls[1]!)).toEqual([]);
    expect(sdk.tracersInScopeAt(calls[2]!)).toEqual([]);
  });
});

describe("getSdkModel: honeyhive 1.x", () => {
  it("finds the tracers 1.x code creates: awaited init, initFromSessionId, `??=` in a handler, a module promise", () => {
    const { model: sdk } = model(`import { HoneyHiveTracer } from "honeyhive";
export const tracer = await HoneyHiveTracer.init({ project: "p" });
const joined = await HoneyHiveTracer.initFromSessionId({ sessionId: "s" });
const tracerPromise = HoneyHiveTracer.init();
let cached;
export async function handler() {
  cached ??= await HoneyHiveTracer.init();
  const fromPromise = await tracerPromise;
  return [cached, fromPromise, joined];
}`);
    expect(sdk.tracers.map((tracer) => [tracer.name, tracer.kind, tracer.promise, tracer.referenceText])).toEqual([
      ["tracer", "init", false, "tracer"],
      ["joined", "init", false, "joined"],
      // Held as a promise: writing `tracerPromise.traceChain(fn)` would call a promise.
      ["tracerPromise", "init", true, undefined],
      ["cached", "init", false, "cached"],
      ["fromPromise", "init", false, "fromPromise"],
    ]);
  });

  it("reads the 1.x wrappers, free and on the tracer, curried or not, and tracer.trace(fn) that runs now", () => {
    const { model: sdk } = model(`import { HoneyHiveTracer, traceChain, traceFunction as tf } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
const a = traceChain(async (x) => x, { eventName: "a" });
const b = tf({ eventType: "tool" })(async (x) => x);
const c = tracer.traceModel(async (x) => x);
const d = tracer.traceFunction()(async (x) => x);
await tracer.trace(async () => a(1));`);
    expect(sdk.traceUses.map((use) => [use.method, use.via, use.runsNow, use.boundTracer?.name, use.options !== undefined, use.wrapped?.type])).toEqual([
      ["traceChain", "sdk", false, undefined, true, "ArrowFunctionExpression"],
      ["traceFunction", "sdk", false, undefined, true, "ArrowFunctionExpression"],
      ["traceModel", "tracer", false, "tracer", false, "ArrowFunctionExpression"],
      ["traceFunction", "tracer", false, "tracer", false, "ArrowFunctionExpression"],
      ["trace", "tracer", true, "tracer", false, "ArrowFunctionExpression"],
    ]);
    // The curried use is the application; its naming call is the inner `tf(...)`.
    const curried = sdk.traceUses[1]!;
    expect(curried.node.type === "CallExpression" && curried.node.callee).toBe(curried.namingCall);
  });

  it("counts evaluate() from the package root (1.x) as evaluate", () => {
    const { model: sdk } = model(`import { evaluate } from "honeyhive";\nawait evaluate({ evaluationFunction: async (x) => x });`);
    expect(sdk.evaluateCalls).toHaveLength(1);
  });

  it("says which major the code is written against", () => {
    const evidence = (code: string) => model(code).model.apiMajorEvidence;
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();`)).toBe(1);
    expect(evidence(`import { traceChain } from "honeyhive";\nexport const f = traceChain(async () => 1);`)).toBe(1);
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\nawait tracer.flush();`)).toBe(1);
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nawait HoneyHiveTracer.flush();`)).toBe(1);
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\ntracer.createSession();`)).toBe(2);
    expect(evidence(`import { evaluate } from "honeyhive/experiments";\nawait evaluate({ function: (x) => x });`)).toBe(2);
    // A 2.x-only call wins over a harmless await of this SDK's synchronous init.
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();\nawait tracer.forceFlush();`)).toBe(2);
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();`)).toBeUndefined();
    // 1.x creations wherever the tracer goes: a per-request awaited init (also unassigned), `new`, initFromSessionId.
    const hh = `import { HoneyHiveTracer } from "honeyhive";\n`;
    expect(evidence(`${hh}app.get("/", async (req, res) => { const t = await HoneyHiveTracer.init(); res.end(); });`)).toBe(1);
    expect(evidence(`${hh}export async function handler() { (await HoneyHiveTracer.init()).traceChain(work)(); }`)).toBe(1);
    expect(evidence(`${hh}export const tracer = new HoneyHiveTracer({ apiKey: "k" });`)).toBe(1);
    expect(evidence(`${hh}new HoneyHiveTracer({ apiKey: "k" }).startSession();`)).toBe(1);
    expect(evidence(`${hh}export async function join(sessionId) { return HoneyHiveTracer.initFromSessionId({ sessionId }); }`)).toBe(1);
    // A local class of the same name is not the SDK's.
    expect(evidence(`${hh}function f() { class HoneyHiveTracer {} return new HoneyHiveTracer(); }`)).toBeUndefined();
    // Another object's flush/startSession says nothing.
    expect(evidence(`import { HoneyHiveTracer } from "honeyhive";\nimport { client } from "./db";\nawait client.startSession();\nawait client.flush();`)).toBeUndefined();
  });

  it("honeyhiveMajorOfFile: settings first, then the code", () => {
    const awaited = `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = await HoneyHiveTracer.init();`;
    expect(honeyhiveMajorOfFile(model(awaited).input)).toBe(1);
    const declared2 = parseAnalysisInput(awaited, "src/app.ts", { ...DEFAULT_SETTINGS, sdkVersion: 2 });
    expect(honeyhiveMajorOfFile(declared2)).toBe(2);
    expect(honeyhiveMajorOfFile(model(`import { HoneyHiveTracer } from "honeyhive";\nHoneyHiveTracer.init();`).input)).toBe(2);
  });

  it("recognizes a tracer imported from a project module by a 1.x-only member, whatever its name", () => {
    const { model: sdk } = model(`import { hh } from "./observability";\nexport const f = hh.traceModel(async (x) => x);`);
    expect(sdk.tracers.map((tracer) => tracer.name)).toEqual(["hh"]);
    // A shared member alone (MongoDB's startSession, a logger's flush) proves nothing.
    expect(model(`import { db } from "./db";\nawait db.startSession();\nawait db.flush();`).model.tracers).toEqual([]);
  });

  describe("the project's major, asked only when read", () => {
    const makeProject = useTempProjects("sdk-model-major");
    const unawaited = `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });`;

    it("an unawaited init holds 1.x's promise where the package.json says 1.x, 2.x's tracer otherwise", () => {
      for (const [range, promise] of [["^1.0.42", true], ["^2.0.0", false]] as const) {
        const root = makeProject({ "package.json": JSON.stringify({ dependencies: { honeyhive: range } }), "src/app.ts": unawaited });
        const [tracer] = model(unawaited, `${root}/src/app.ts`).model.tracers;
        expect([tracer?.promise, tracer?.referenceText]).toEqual([promise, promise ? undefined : "tracer"]);
      }
    });

    it("reads the package.json when a rule first reads the tracer's promise, not when the model is built", () => {
      const root = makeProject({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^1.0.42" } }), "src/app.ts": unawaited });
      const { input, model: sdk } = model(unawaited, `${root}/src/app.ts`);
      // The project moves to 2.x after the model was built: a model that read the package.json then would still say 1.x.
      writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { honeyhive: "^2.0.0" } }));
      clearSdkVersionCache();
      const [tracer] = sdk.tracers;
      expect([tracer?.promise, tracer?.referenceText]).toEqual([false, "tracer"]);
      // Asked once: what `honeyhiveMajorOfFile` answers agrees with it.
      expect(honeyhiveMajorOfFile(input)).toBe(2);
    });
  });
});

// fix-blind8: a global slot used directly, and an application context slot (APP_CONTEXT_SLOTS) read per request.
describe("tracers in global slots and application context slots", () => {
  const receiverOf = (code: string, call: string) => {
    const { input, model: sdk } = model(code);
    return sdk.tracerOf((callsTo(input.ast, input.text, call)[0]!.callee as TSESTree.MemberExpression).object);
  };
  it("reads a slot the file fills with a tracer, cached or at module level, and no other slot", () => {
    const hh = `import { HoneyHiveTracer } from "honeyhive";\n`;
    expect(receiverOf(`${hh}globalThis.hh ??= HoneyHiveTracer.init();\nexport function f() { globalThis.hh.enrichSession({}); }`, "globalThis.hh.enrichSession")?.name).toBe("globalThis.hh");
    expect(receiverOf(`${hh}(globalThis as any).t = HoneyHiveTracer.init();\nexport function f() { (globalThis as any).t.enrichSession({}); }`, "(globalThis as any).t.enrichSession")?.moduleLevel).toBe(true);
    // A plain assignment inside a function runs per call: not the slot's one tracer.
    expect(receiverOf(`${hh}export function g() { globalThis.hh = HoneyHiveTracer.init(); }\nexport function f() { globalThis.hh.enrichSession({}); }`, "globalThis.hh.enrichSession")).toBeUndefined();
    expect(receiverOf(`${hh}globalThis.db ??= new Map();\nconst t = HoneyHiveTracer.init();\nexport function f() { globalThis.db.enrichSession({}); }`, "globalThis.db.enrichSession")).toBeUndefined();
  });
  it("follows app.context.<name> of a Koa app or a Telegraf bot to the context parameter's member", () => {
    const koa = `import { HoneyHiveTracer } from "honeyhive";\nimport Koa from "koa";\nconst app = new Koa();\napp.context.tracer = HoneyHiveTracer.init();\n`;
    expect(receiverOf(`${koa}app.use(async (ctx) => { ctx.tracer.enrichSession({}); });`, "ctx.tracer.enrichSession")?.name).toBe("context.tracer");
    // Another member, and the context in another position.
    expect(receiverOf(`${koa}app.use(async (ctx) => { ctx.other.enrichSession({}); });`, "ctx.other.enrichSession")).toBeUndefined();
    expect(receiverOf(`${koa}app.use(async (next, ctx) => { ctx.tracer.enrichSession({}); });`, "ctx.tracer.enrichSession")).toBeUndefined();
    const bot = `import { HoneyHiveTracer } from "honeyhive";\nimport { Telegraf } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = HoneyHiveTracer.init();\n`;
    expect(receiverOf(`${bot}bot.command("ask", async (ctx) => { ctx.tracer.enrichSession({}); });`, "ctx.tracer.enrichSession")?.name).toBe("context.tracer");
    // A `context` of an object no descriptor makes.
    expect(receiverOf(`import { HoneyHiveTracer } from "honeyhive";\nconst box = { context: {} as any };\nbox.context.tracer = HoneyHiveTracer.init();\nexport const f = (ctx: any) => ctx.tracer.enrichSession({});`, "ctx.tracer.enrichSession")).toBeUndefined();
  });
  // fix-blind11-holders (e): the slots are data (knowledge/app-lifetime.ts `store`/`reads`); a per-request store holds the
  // app's tracer only where it stores the module's one.
  it("follows Fastify decorate(), Hono c.set() and Express req/res.locals/app.locals to where the app's functions read them", () => {
    const hh = `import { HoneyHiveTracer } from "honeyhive";\n`;
    const fastify = `${hh}import Fastify from "fastify";\nconst app = Fastify();\napp.decorate("tracer", HoneyHiveTracer.init());\n`;
    expect(receiverOf(`${fastify}app.post("/c", async (request) => { request.server.tracer.enrichSession({}); });`, "request.server.tracer.enrichSession")?.name).toBe("tracer");
    expect(receiverOf(`${fastify}app.addHook("onRequest", async (request, reply) => { reply.server.tracer.enrichSession({}); });`, "reply.server.tracer.enrichSession")?.moduleLevel).toBe(true);
    expect(receiverOf(`${fastify}export function main() { app.tracer.enrichSession({}); }`, "app.tracer.enrichSession")?.name).toBe("tracer");
    // Look-alikes: another name, a function not registered on the app, decorate() on an object no framework makes.
    expect(receiverOf(`${fastify}app.post("/c", async (request) => { request.server.db.enrichSession({}); });`, "request.server.db.enrichSession")).toBeUndefined();
    expect(receiverOf(`${fastify}export async function render(request) { request.server.tracer.enrichSession({}); }`, "request.server.tracer.enrichSession")).toBeUndefined();
    expect(receiverOf(`${hh}import { Container } from "./di";\nconst app = new Container();\napp.decorate("tracer", HoneyHiveTracer.init());\nexport function main() { app.tracer.enrichSession({}); }`, "app.tracer.enrichSession")).toBeUndefined();

    const hono = (stored: string) => `${hh}import { Hono } from "hono";\nimport dd from "dd-trace";\nconst tracer = HoneyHiveTracer.init();\nconst app = new Hono();\napp.use(async (c, next) => { c.set("tracer", ${stored}); await next(); });\n`;
    expect(receiverOf(`${hono("tracer")}app.post("/c", (c) => { c.get("tracer").enrichSession({}); });`, `c.get("tracer").enrichSession`)?.name).toBe("tracer");
    expect(receiverOf(`${hono("tracer")}app.post("/c", (c) => { c.var.tracer.enrichSession({}); });`, "c.var.tracer.enrichSession")?.referenceText).toBe("tracer");
    // Look-alikes: a tracer made per request (its own), dd-trace stored, another key, another app's route.
    expect(receiverOf(`${hono("HoneyHiveTracer.init()")}app.post("/c", (c) => { c.get("tracer").enrichSession({}); });`, `c.get("tracer").enrichSession`)).toBeUndefined();
    expect(receiverOf(`${hono("dd.init()")}app.post("/c", (c) => { c.get("tracer").enrichSession({}); });`, `c.get("tracer").enrichSession`)).toBeUndefined();
    expect(receiverOf(`${hono("tracer")}app.post("/c", (c) => { c.get("user").enrichSession({}); });`, `c.get("user").enrichSession`)).toBeUndefined();
    expect(receiverOf(`${hono("tracer")}const admin = new Hono();\nadmin.post("/c", (c) => { c.get("tracer").enrichSession({}); });`, `c.get("tracer").enrichSession`)).toBeUndefined();

    const express = (set: string) => `${hh}import express from "express";\nconst tracer = HoneyHiveTracer.init();\nconst app = express();\n${set}\n`;
    const route = (read: string) => `app.post("/c", (req, res) => { ${read}.enrichSession({}); res.end(); });`;
    expect(receiverOf(`${express("app.use((req, _res, next) => { req.tracer = tracer; next(); });")}${route("req.tracer")}`, "req.tracer.enrichSession")?.name).toBe("tracer");
    expect(receiverOf(`${express("app.use((_req, res, next) => { res.locals.tracer = tracer; next(); });")}${route("res.locals.tracer")}`, "res.locals.tracer.enrichSession")?.name).toBe("tracer");
    expect(receiverOf(`${express("app.locals.tracer = tracer;")}${route("req.app.locals.tracer")}`, "req.app.locals.tracer.enrichSession")?.name).toBe("locals.tracer");
    expect(receiverOf(`${express("app.locals.tracer = tracer;")}${route("res.app.locals.tracer")}`, "res.app.locals.tracer.enrichSession")?.name).toBe("locals.tracer");
    // Look-alikes: req.tracer made per request, set by two middlewares to different tracers, res.locals read on req,
    // app.locals of another app, req.tracer set in a function no app registers.
    expect(receiverOf(`${express("app.use((req, _res, next) => { req.tracer = HoneyHiveTracer.init(); next(); });")}${route("req.tracer")}`, "req.tracer.enrichSession")).toBeUndefined();
    expect(receiverOf(`${express("const other = HoneyHiveTracer.init();\napp.use((req, _res, next) => { req.tracer = tracer; next(); });\napp.use((req, _res, next) => { req.tracer = other; next(); });")}${route("req.tracer")}`, "req.tracer.enrichSession")).toBeUndefined();
    expect(receiverOf(`${express("app.use((_req, res, next) => { res.locals.tracer = tracer; next(); });")}${route("req.locals.tracer")}`, "req.locals.tracer.enrichSession")).toBeUndefined();
    expect(receiverOf(`${express("const admin = express();\nadmin.locals.tracer = tracer;")}${route("req.app.locals.tracer")}`, "req.app.locals.tracer.enrichSession")).toBeUndefined();
    expect(receiverOf(`${express("export function attach(req, _res, next) { req.tracer = tracer; next(); }")}${route("req.tracer")}`, "req.tracer.enrichSession")).toBeUndefined();
  });
  // gaps-rules-6b: only functions registered on the app (or on a router/composer it mounts) get its context.
  it("reads ctx.<name> only in functions registered on the app whose context holds the tracer", () => {
    const koa = `import { HoneyHiveTracer } from "honeyhive";\nimport Koa from "koa";\nimport Router from "@koa/router";\nconst app = new Koa();\napp.context.tracer = HoneyHiveTracer.init();\n`;
    const read = "ctx.tracer.enrichSession";
    expect(receiverOf(`${koa}async function chat(ctx) { ctx.tracer.enrichSession({}); }\napp.use(chat);`, read)?.name).toBe("context.tracer");
    expect(receiverOf(`${koa}const router = new Router();\nrouter.post("/chat", async (ctx) => { ctx.tracer.enrichSession({}); });\napp.use(router.routes());`, read)?.name).toBe("context.tracer");
    const bot = `import { HoneyHiveTracer } from "honeyhive";\nimport { Telegraf, Composer } from "telegraf";\nconst bot = new Telegraf("t");\nbot.context.tracer = HoneyHiveTracer.init();\n`;
    expect(receiverOf(`${bot}const composer = new Composer();\ncomposer.on("text", (ctx) => { ctx.tracer.enrichSession({}); });\nbot.use(composer);`, read)?.name).toBe("context.tracer");
    // Look-alikes: a function with a `ctx` parameter never registered, one registered on another app, a router not mounted.
    expect(receiverOf(`${koa}export function render(ctx) { ctx.tracer.enrichSession({}); }`, read)).toBeUndefined();
    expect(receiverOf(`${koa}const admin = new Koa();\nadmin.use(async (ctx) => { ctx.tracer.enrichSession({}); });`, read)).toBeUndefined();
    expect(receiverOf(`${koa}const router = new Router();\nrouter.post("/chat", async (ctx) => { ctx.tracer.enrichSession({}); });`, read)).toBeUndefined();
  });
  // rules-13: a function in an options object is registered only under a key the framework declares for that method
  // (Fastify's `route({ handler })`: the slot's `optionKeys`, equal to the descriptor's `Registration.options`).
  it("reads the app's context only in option-registered functions under a key the framework declares", () => {
    const hh = `import { HoneyHiveTracer } from "honeyhive";\n`;
    const fastify = `${hh}import Fastify from "fastify";\nconst app = Fastify();\napp.decorate("tracer", HoneyHiveTracer.init());\n`;
    const read = "request.server.tracer.enrichSession";
    expect(receiverOf(`${fastify}app.route({ method: "POST", url: "/c", handler: async (request) => { request.server.tracer.enrichSession({}); } });`, read)?.name).toBe("tracer");
    expect(receiverOf(`${fastify}async function chat(request) { request.server.tracer.enrichSession({}); }\napp.route({ method: "POST", url: "/c", handler: chat });`, read)?.name).toBe("tracer");
    expect(receiverOf(`${fastify}app.post("/c", { preHandler: async (request) => { request.server.tracer.enrichSession({}); } }, async () => "ok");`, read)?.name).toBe("tracer");
    // Look-alikes: a key the route method does not declare, a method that declares no options, a framework that declares none.
    expect(receiverOf(`${fastify}app.route({ method: "POST", url: "/c", render: async (request) => { request.server.tracer.enrichSession({}); } });`, read)).toBeUndefined();
    expect(receiverOf(`${fastify}app.configure({ handler: async (request) => { request.server.tracer.enrichSession({}); } });`, read)).toBeUndefined();
    const koa = `${hh}import Koa from "koa";\nconst app = new Koa();\napp.context.tracer = HoneyHiveTracer.init();\n`;
    expect(receiverOf(`${koa}async function fn(ctx) { ctx.tracer.enrichSession({}); }\napp.configure({ onError: fn });`, "ctx.tracer.enrichSession")).toBeUndefined();
    expect(receiverOf(`${koa}async function fn(ctx) { ctx.tracer.enrichSession({}); }\napp.use(fn);`, "ctx.tracer.enrichSession")?.name).toBe("context.tracer");
  });
});
