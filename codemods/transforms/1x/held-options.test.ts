// 1x-init: 1.x options that reach init() through a const of the file (one level), and a 1.x init promise
// kept on globalThis. Before, only the object literal written in init()'s call was migrated, and only
// class fields and variables were holders of the promise: hunt-real-2 shapes 34, 35 and 37.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const migrate = (code: string, filename = "/tmp/app/lib/observe.ts") => runTransforms(code, filename, { transforms: TRANSFORM_1X_IDS });

it("migrates the keys of a typed options const passed to init(), marked where it is declared", () => {
  const code = `import { HoneyHiveTracer as HH, type HoneyHiveTracerProperties } from "honeyhive";

const tracerOptions: Partial<HoneyHiveTracerProperties> = {
  apiKey: process.env.HH_API_KEY,
  project: "aliased",
  disableHttpTracing: true,
};

export async function start() {
  const tracer = await HH.init(tracerOptions);
  return tracer;
}
`;
  const result = migrate(code);
  expect(result.output).toMatch(/honeyhive-migrate: removed 1\.x HoneyHiveTracer\.init option disableHttpTracing \(.*\) \*\/\nconst tracerOptions: Partial<TracerOptions> = \{\n {2}apiKey: process\.env\.HH_API_KEY,\n {2}project: "aliased",\n\};/);
  expect(result.output).toContain("const tracer = HH.init(tracerOptions);");
  expect(result.markers).toBe(1);
  expect(migrate(result.output).output).toBe(result.output);
});

it("migrates the keys of an untyped base object spread into init({ ...base, … })", () => {
  const code = `import OpenAI from "openai";
import { HoneyHiveTracer } from "honeyhive";

const base = {
  apiKey: process.env.HH_API_KEY,
  project: "spread-config",
  instrumentModules: { openAI: OpenAI },
};

export async function tracerFor(sessionName: string): Promise<HoneyHiveTracer> {
  return HoneyHiveTracer.init({ ...base, sessionName });
}
`;
  const result = migrate(code, "/tmp/app/src/tracing.ts");
  expect(result.output).toMatch(/honeyhive-migrate: removed 1\.x HoneyHiveTracer\.init option instrumentModules \(.*register OpenTelemetry instrumentations.*\) \*\/\nconst base = \{\n {2}apiKey: process\.env\.HH_API_KEY,\n {2}project: "spread-config",\n\};/);
  expect(result.output).toContain("return HoneyHiveTracer.init({ ...base, sessionName });");
  expect(migrate(result.output, "/tmp/app/src/tracing.ts").output).toBe(result.output);
});

it("marks init, without editing the const, where the const is used elsewhere too", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
export const base = { project: "p", disableHttpTracing: true };
export const tracer = HoneyHiveTracer.init({ ...base, sessionName: "s" });
`;
  const result = migrate(code, "/tmp/app/t.ts");
  expect(result.output).toContain(`export const base = { project: "p", disableHttpTracing: true };`);
  expect(result.output).toMatch(/honeyhive-migrate: base holds 1\.x HoneyHiveTracer\.init option disableHttpTracing, and is used elsewhere too.*\nexport const tracer = HoneyHiveTracer\.init\(\{ \.\.\.base, sessionName: "s" \}\);/);
  expect(result.markers).toBe(1);
});

it("leaves a const of 2.x keys, a `let`, and a const of another call alone", () => {
  const clean = `import { HoneyHiveTracer } from "honeyhive";\nconst options = { apiKey: "k", project: "p" };\nexport const tracer = HoneyHiveTracer.init({ ...options });\n`;
  expect(migrate(clean, "/tmp/app/a.ts").output).toBe(clean);
  const mutable = `import { HoneyHiveTracer } from "honeyhive";\nlet options = { project: "p", disableHttpTracing: true };\nexport const tracer = HoneyHiveTracer.init(options);\n`;
  expect(migrate(mutable, "/tmp/app/b.ts").output).toBe(mutable);
  const other = `import { HoneyHiveTracer } from "honeyhive";\nimport { setup } from "./other";\nconst options = { disableHttpTracing: true };\nsetup(options);\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\n`;
  expect(migrate(other, "/tmp/app/c.ts").output).toBe(other);
});

const GLOBAL = (type: string) => `import { HoneyHiveTracer } from "honeyhive";

declare global {
  var hhTracerPromise: ${type} | undefined;
}

export function tracer(): Promise<HoneyHiveTracer> {
  globalThis.hhTracerPromise ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next-global" });
  return globalThis.hhTracerPromise;
}
`;

it("keeps a 1.x init promise cached on globalThis a promise (Promise.resolve), as a class field's", () => {
  const result = migrate(GLOBAL("Promise<HoneyHiveTracer>"), "/tmp/app/lib/hh.ts");
  expect(result.output).toContain(`globalThis.hhTracerPromise ??= Promise.resolve(HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "next-global" }));`);
  expect(migrate(result.output, "/tmp/app/lib/hh.ts").output).toBe(result.output);
  // Untyped (JavaScript) and named as a promise: the same; a global declared as the tracer: left.
  const js = `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = () => (global.tracerPromise ||= HoneyHiveTracer.init({ project: "p" }));\n`;
  expect(migrate(js, "/tmp/app/lib/hh.js").output).toContain(`global.tracerPromise ||= Promise.resolve(HoneyHiveTracer.init({ project: "p" }))`);
  const tracerTyped = GLOBAL("HoneyHiveTracer").replace("Promise<HoneyHiveTracer>", "HoneyHiveTracer").replace("return globalThis", "return await globalThis").replace("export function", "export async function");
  expect(migrate(tracerTyped, "/tmp/app/lib/hh.ts").output).not.toContain("Promise.resolve(");
  // A local object named like a global is no global.
  const local = `import { HoneyHiveTracer } from "honeyhive";\nconst window = { tracerPromise: undefined as unknown };\nwindow.tracerPromise = HoneyHiveTracer.init({ project: "p" });\n`;
  expect(migrate(local, "/tmp/app/lib/w.ts").output).not.toContain("Promise.resolve(");
});

it("reads a helper's own returns only: a function nested in it returning 1.x keys does not mark its spread (D2)", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";

function baseOptions() {
  const legacy = () => ({ inputs: { mode: "batch" } });
  void legacy;
  return { apiKey: "k", project: "p" };
}
function legacyOptions() {
  const build = () => 1;
  void build;
  return { apiKey: "k", project: "p", metadata: { v: 1 } };
}

export const a = HoneyHiveTracer.init({ ...baseOptions(), sessionName: "a" });
export const b = HoneyHiveTracer.init({ ...legacyOptions(), sessionName: "b" });
`;
  const { output, markers } = migrate(code);
  expect(output).not.toMatch(/\*\/\nexport const a = /);
  expect(output).toMatch(/init options spread from legacyOptions\(\) may hold 1\.x keys: [^\n]*\*\/\nexport const b = /);
  expect(markers).toBe(1);
});

it("marks init options spread from a helper that returns 1.x keys or is not the file's, and options imported from another module", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
import { sharedOptions, imported } from "./options.js";

function baseOptions() {
  return { apiKey: "k", project: "p", inputs: { mode: "batch" } };
}
const plainOptions = () => ({ apiKey: "k", project: "p" });
const local = { apiKey: "k", project: "p" };

export const a = HoneyHiveTracer.init({ ...baseOptions(), sessionName: "a" });
export const b = HoneyHiveTracer.init({ ...plainOptions(), sessionName: "b" });
export const c = HoneyHiveTracer.init({ ...sharedOptions(), sessionName: "c" });
export const d = HoneyHiveTracer.init(imported);
export const e = HoneyHiveTracer.init(local);
`;
  const { output, markers } = migrate(code);
  expect(markers).toBe(3);
  expect(output).toMatch(/init options spread from baseOptions\(\) may hold 1\.x keys: [^\n]*\*\/\nexport const a = /);
  expect(output).toMatch(/init options spread from sharedOptions\(\) may hold 1\.x keys: [^\n]*\*\/\nexport const c = /);
  expect(output).toMatch(/these init options come from another module \(imported\): [^\n]*\*\/\nexport const d = /);
  expect(output).not.toMatch(/\*\/\nexport const (?:b|e) = /);
  expect(migrate(output).output).toBe(output);
});
