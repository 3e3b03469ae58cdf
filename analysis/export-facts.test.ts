// analysis/export-facts.ts: an export declared by destructuring (`export const { tracer: monitor } = setup()`) has the
// fact of what it takes, where the initializer's object is spelled out in the module (blind-21 DESTRUCTURED_SETUP_EXPORT).
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "./export-facts.js";
import { parseAnalysisInput } from "./parse-input.js";

const INIT = `import { HoneyHiveTracer } from "honeyhive";\n`;
const TRACER = [{ kind: "tracer" }];

/** The export facts of `text` read as the module src/setup.ts. */
const exportsOf = (text: string) => extractModuleFacts(parseAnalysisInput(`${INIT}${text}`, "/nowhere/src/setup.ts")).exports;

describe("destructured exports", () => {
  it("takes the property of the object a module function returns: a declaration, an arrow, a function expression; renamed or not", () => {
    const local = `function setup() {\n  const tracer = HoneyHiveTracer.init({ project: "app" });\n  return { tracer, provider: tracer.provider };\n}\n`;
    expect(exportsOf(`${local}export const { tracer: monitor, provider } = setup();\n`)).toEqual({ monitor: TRACER });
    expect(exportsOf(`${local}export const { tracer } = setup();\n`)).toEqual({ tracer: TRACER });
    expect(exportsOf(`const setup = () => ({ tracer: HoneyHiveTracer.init({ project: "app" }) });\nexport const { tracer: monitor } = setup();\n`)).toEqual({ monitor: TRACER });
    expect(exportsOf(`const setup = function () { return { t: HoneyHiveTracer.init() }; };\nexport const { t: monitor } = setup();\n`)).toEqual({ monitor: TRACER });
  });

  it("takes it from an object literal directly, a module tracer named there, with a default, and from an array", () => {
    expect(exportsOf(`export const { tracer: monitor } = { tracer: HoneyHiveTracer.init() };\n`)).toEqual({ monitor: TRACER });
    expect(exportsOf(`const shared = HoneyHiveTracer.init();\nexport const { tracer: monitor = undefined } = { tracer: shared };\n`)).toEqual({ monitor: TRACER });
    expect(exportsOf(`function setup() {\n  const t = HoneyHiveTracer.init();\n  return [1, t] as const;\n}\nexport const [, monitor] = setup();\n`)).toEqual({ monitor: TRACER });
  });

  it("says nothing where the object is not spelled out or the key is not sure: another return, a spread, an imported or async setup, a let", () => {
    const two = `function setup(flag: boolean) {\n  if (flag) return { tracer: HoneyHiveTracer.init() };\n  return makeOther();\n}\nexport const { tracer: a } = setup(true);\n`;
    expect(exportsOf(two)).toEqual({});
    expect(exportsOf(`export const { tracer: b } = { tracer: HoneyHiveTracer.init(), ...overrides };\n`)).toEqual({});
    expect(exportsOf(`import { setup } from "./elsewhere";\nexport const { tracer: c } = setup();\n`)).toEqual({});
    expect(exportsOf(`async function setup() { return { tracer: HoneyHiveTracer.init() }; }\nexport const { tracer: d } = await setup();\n`)).toEqual({});
    expect(exportsOf(`export let { tracer: e } = { tracer: HoneyHiveTracer.init() };\n`)).toEqual({});
    expect(exportsOf(`export const { tracer: f, ...rest } = { tracer: 1, other: HoneyHiveTracer.init() };\n`)).toEqual({});
  });
});
