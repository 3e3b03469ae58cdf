// 1x-init on joining an existing session: 1.x `initFromSessionId({ sessionId })` and an awaited
// `init({ sessionId })` made no session-start call (real-code-public shapes 08, 10); init() here starts its
// startup session on the backend, so the id moves to `sessionStart({ sessionId, skipApiCall: true })`.
import { describe, expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

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

/** `--from 1`'s transforms on one file (no project around it), checked stable on a second run. */
function from1(code: string, filename = "src/join.ts"): string {
  const { output } = runTransforms(code, filename, { transforms: ALL_TRANSFORM_IDS });
  expect(runTransforms(output, filename, { transforms: ALL_TRANSFORM_IDS }).output).toBe(output);
  return output;
}

// blind-1x-7 shapes 05 and 09: the REST client's optional `sessionId`, a header read per request.
describe("an init joining an id that may be missing (1.x started a new session without one)", () => {
  const joinOf = (id: string, parameter = "") =>
    from1(`import { HoneyHiveTracer } from "honeyhive";\nexport async function run(${parameter}) {\n  const tracer = await HoneyHiveTracer.init({ project: "p", sessionId: ${id} });\n  return tracer;\n}\n`);

  it.each([
    ["a property of an untyped value", "started.sessionId", "started: any"],
    ["an optional parameter", "sessionId", "sessionId?: string"],
    ["a parameter typed string | undefined", "sessionId", "sessionId: string | undefined"],
    ["an environment variable", "process.env.HH_SESSION_ID", ""],
    ["a property declared optional", "job.sessionId", "job: { sessionId?: string }"],
    ["a header read by its literal key", 'event.headers["x-session-id"]', "event: { headers: Record<string, string | undefined> }"],
  ])("joins only when it is there: %s", (_name, id, parameter) => {
    expect(joinOf(id, parameter)).toContain(`  const tracer = HoneyHiveTracer.init({ project: "p" });\n  if (${id}) tracer.sessionStart({ sessionId: ${id}, skipApiCall: true });\n`);
  });

  it.each([
    ["a parameter typed string", "sessionId", "sessionId: string"],
    ["a non-null assertion", "process.env.HH_SESSION_ID!", ""],
    ["a string literal", '"72d12bb6-6173-4440-a8a6-54999632e4ec"', ""],
    ["a required string property of a type literal", "job.sessionId", "job: { sessionId: string }"],
  ])("joins as before where the id is surely a string: %s", (_name, id, parameter) => {
    const output = joinOf(id, parameter);
    expect(output).toContain(`\n  tracer.sessionStart({ sessionId: ${id}, skipApiCall: true });\n`);
    expect(output).not.toContain("1.x joined this id only when it was set");
  });

  it("joins a required string property of an interface of the file as before", () => {
    const output = from1(`import { HoneyHiveTracer } from "honeyhive";\ninterface Job { sessionId: string }\nexport async function run(job: Job) {\n  const tracer = await HoneyHiveTracer.init({ sessionId: job.sessionId });\n  return tracer;\n}\n`);
    expect(output).toContain("\n  tracer.sessionStart({ sessionId: job.sessionId, skipApiCall: true });\n");
  });

  it("marks, and does not repeat, an id read by a call", () => {
    const output = joinOf('headers.get("x-session")', "headers: Headers");
    expect(output).toContain(MESSAGES_1X.joinedSessionMayBeMissing);
    expect(output).toContain('\n  tracer.sessionStart({ sessionId: headers.get("x-session"), skipApiCall: true });\n');
  });

  it("takes initFromSessionId's id as given: it existed to join", () => {
    const output = from1(`import { HoneyHiveTracer } from "honeyhive";\nexport async function run(sessionId?: string) {\n  const tracer = await HoneyHiveTracer.initFromSessionId({ sessionId });\n  return tracer;\n}\n`);
    expect(output).toContain("\n  tracer.sessionStart({ sessionId, skipApiCall: true });\n");
  });
});
