// 1x-init on joining an existing session: 1.x `initFromSessionId({ sessionId })` and an awaited
// `init({ sessionId })` made no session-start call (real-code-public shapes 08, 10); init() here starts its
// startup session on the backend, so the id moves to `sessionStart({ sessionId, skipApiCall: true })`.
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";

const migrate = (code: string, filename = "src/join.ts") => runTransforms(code, filename, { transforms: ["1x-init"] });

describe("1x-init: a joined session", () => {
  it("writes sessionStart({ sessionId, skipApiCall: true }) after `const t = await …`, in the file's semicolon style", () => {
    const result = migrate(`import { HoneyHiveTracer } from "honeyhive"
export async function attach(id: string) {
  const t = await HoneyHiveTracer.init({ project: "p", sessionId: id, inputs: { a: 1 } })
  return t
}
`);
    // 2.x init() always posts a startup session (no option skips it: sdk/types.ts TracerOptions): one marker says so.
    expect(result.markers).toBe(1);
    expect(result.output).toMatch(/honeyhive-migrate: init\(\) here also posts a startup session of its own .*\*\/\n {2}const t = HoneyHiveTracer\.init/);
    expect(result.output).toContain(`  const t = HoneyHiveTracer.init({ project: "p", sessionInputs: { a: 1 } })\n  t.sessionStart({ sessionId: id, skipApiCall: true })\n  return t`);
    // A second run changes nothing.
    expect(migrate(result.output).output).toBe(result.output);
  });

  it("marks, and keeps the option, where no statement can follow the call (a return)", () => {
    const result = migrate(`import { HoneyHiveTracer } from "honeyhive";
export async function attach(sessionId: string) {
  return await HoneyHiveTracer.initFromSessionId({ sessionId });
}
`);
    expect(result.markers).toBe(1);
    expect(result.output).toMatch(/honeyhive-migrate: 1\.x joined this existing session.*\*\/\n {2}return HoneyHiveTracer\.init\(\{ sessionId \}\);/);
  });

  it("leaves an unawaited init({ sessionId }) alone: code written for this SDK already starts that session", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ sessionId: process.env.RUN_ID });\n`;
    expect(migrate(code).output).toBe(code);
  });

  it.each([
    ["inside .then", `export const run = (id: string) => HoneyHiveTracer.init({ project: "p", sessionId: id }).then((t) => t.sessionId);\n`],
    ["a ??= lazy getter", `let p: Promise<HoneyHiveTracer> | undefined;\nexport const get = (sessionId: string) => (p ??= HoneyHiveTracer.init({ project: "p", sessionId }));\n`],
    ["Promise.all", `export const both = (a: string, b: string) => Promise.all([HoneyHiveTracer.init({ sessionId: a }), HoneyHiveTracer.init({ sessionId: b })]);\n`],
    ["options held in a const", `export async function attach(sessionId: string) {\n  const options = { project: "p", sessionId };\n  const t = await HoneyHiveTracer.init(options);\n  return t;\n}\n`],
  ])("marks a joined session not awaited where it is made: %s (review-migrate finding 4)", (_name, body) => {
    const result = migrate(`import { HoneyHiveTracer } from "honeyhive";\n${body}`);
    expect(result.output).toContain("1.x joined this existing session");
    expect(result.output).toContain("sessionId");
  });
});
