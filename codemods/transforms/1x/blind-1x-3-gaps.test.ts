// The blind-1x-3 defects closed by gaps-migrate-6, each with the look-alikes that must stay as they were:
// D10 (a dataset built with `rows.map(…)`), D11 (`satisfies EvaluationConfig`), D14 (a mock function
// assigned over `HoneyHiveTracer.init`), D19 (init options read from a project JSON file) and D21 (a
// tracer passed where an interface asks for 1.x's methods). The blind round's files are the fixture pairs
// (codemods/blind-1x-3.test.ts); these cases pin each rule of the fix.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { METHODS_GONE_1X, OWN_MEMBERS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS, TRANSFORM_1X_IDS } from "../ids.js";

const makeProject = useTempProjects("blind-1x-3-gaps", "all");

// The project lies one folder down in its own temporary folder, so the cases that put a file beside it (D19:
// "outside" the project) write into that temporary folder, not into the system's, and it goes with the rest.
const root = join(
  makeProject({
    "app/package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
    "app/src/hh.json": `{ "project": "p", "metadata": { "team": "search" }, "disableHttpTracing": true, "inputs": { "a": 1 } }\n`,
    "app/src/plain.json": `{ "project": "p", "source": "batch" }\n`,
    "app/src/list.json": `[{ "metadata": 1 }]\n`,
    "app/src/broken.json": `{ "metadata": `,
    "app/src/observability.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });\n`,
  }),
  "app",
);

const migrate = (code: string, file = "src/main.ts") => runTransforms(code, join(root, file), { transforms: TRANSFORM_1X_IDS });

/** Runs `code` and asserts a second run leaves the output as it is. */
const once = (code: string, file?: string) => {
  const result = migrate(code, file);
  expect(migrate(result.output, file).output).toBe(result.output);
  return result;
};

describe("D10: a dataset built with rows.map()", () => {
  it("renames ground_truths in the object literal the callback returns, in place or through a const", () => {
    const code = `import { evaluate } from "honeyhive";
const rows = [{ q: "a", a: "A" }];
const dataset = rows.map((row) => ({ inputs: { q: row.q }, ground_truths: { a: row.a } }));
export const one = () => evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset });
export const two = () => evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset: rows.map((row) => { return { inputs: { q: row.q }, ground_truths: row.a }; }) });
`;
    const { output, markers } = once(code);
    expect(output).toContain(`rows.map((row) => ({ inputs: { q: row.q }, groundTruth: { a: row.a } }))`);
    expect(output).toContain(`return { inputs: { q: row.q }, groundTruth: row.a };`);
    expect(output).not.toContain("ground_truths");
    expect(markers).toBe(0);
  });

  it("keeps the marker where the callback's items cannot all be read (a spread, a returned variable, no callback of the file)", () => {
    const code = `import { evaluate } from "honeyhive";
const rows = [{ q: "a", a: "A" }];
const toItem = (row: { q: string; a: string }) => ({ inputs: { q: row.q }, ground_truths: row.a });
export const spread = () => evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset: rows.map((row) => ({ ...row.extra, inputs: { q: row.q } })) });
export const held = () => evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset: rows.map((row) => { const item = { inputs: { q: row.q } }; return item; }) });
export const named = () => evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset: rows.map(toItem) });
`;
    const { output, markers } = once(code);
    expect(markers).toBe(3);
    expect(output.match(/rename the key where this dataset is built/g)).toHaveLength(3);
    // The named callback is not followed: its key stays (under the call's marker).
    expect(output).toContain(`ground_truths: row.a`);
  });
});

describe("D11: a config checked with satisfies EvaluationConfig", () => {
  it("gets the type arguments a const annotated EvaluationConfig gets", () => {
    const config = (holder: "annotated" | "satisfies") => `import { evaluate, type EvaluationConfig } from "honeyhive";
interface Inputs { city: string }
async function weather(inputs: Inputs): Promise<string> { return inputs.city; }
const config${holder === "annotated" ? ": EvaluationConfig" : ""} = {
  name: "weather",
  function: weather,
  dataset: [{ inputs: { city: "Oslo" } }],
}${holder === "satisfies" ? " satisfies EvaluationConfig" : ""};
export const run = () => evaluate(config);
`;
    const annotated = once(config("annotated")).output;
    const satisfied = once(config("satisfies")).output;
    expect(annotated).toContain(`const config: EvaluateOptions<Inputs> = {`);
    expect(satisfied).toContain(`} satisfies EvaluateOptions<Inputs>;`);
    expect(satisfied).toContain(`function: ({ inputs }) => weather(inputs),`);
  });

  it("leaves an `as` cast and a satisfies with type arguments written as they are (the parameter is typed instead)", () => {
    const code = `import { evaluate, type EvaluationConfig } from "honeyhive";
interface Inputs { city: string }
async function weather(inputs: Inputs): Promise<string> { return inputs.city; }
const config = { name: "w", function: weather, dataset: [{ inputs: { city: "Oslo" } }] } satisfies EvaluationConfig<Inputs>;
export const run = () => evaluate(config);
`;
    const { output } = once(code);
    expect(output).toContain(`satisfies EvaluateOptions<Inputs>;`);
    expect(output).toMatch(/honeyhive-migrate: [^\n]*\*\/\n?.*const config = \{/s);
  });
});

describe("D14: a mock function assigned over a 1.x member of HoneyHiveTracer", () => {
  it("is marked as a spy on it is, for vi.fn(), jest.fn() and node:test's mock.fn()", () => {
    const code = `import { vi, jest, mock } from "./runners";
import { HoneyHiveTracer } from "honeyhive";
HoneyHiveTracer.init = vi.fn().mockResolvedValue({ traceTool: (fn: unknown) => fn });
HoneyHiveTracer.flush = jest.fn();
HoneyHiveTracer.init = mock.fn(async () => ({}));
`;
    const { output, markers } = once(code, "src/a.test.ts");
    expect(markers).toBe(3);
    expect(output).toMatch(/this spy replaces 1\.x HoneyHiveTracer init[^\n]*\*\/\nHoneyHiveTracer\.init = vi\.fn\(\)/);
  });

  it("leaves an assignment of something else, and a mock assigned to another class's member", () => {
    const code = `import { vi } from "./runners";
import { HoneyHiveTracer } from "honeyhive";
class Other { static init = () => 1; }
const original = HoneyHiveTracer.init;
HoneyHiveTracer.init = original;
Other.init = vi.fn().mockResolvedValue({});
`;
    expect(once(code, "src/b.test.ts").markers).toBe(0);
  });
});

describe("D19: init options read from a JSON file of the project", () => {
  it("names the file's 1.x keys, spread in or passed, through a const, a require() or a default import", () => {
    const code = `const { HoneyHiveTracer } = require("honeyhive");
const options = require("./hh.json");
exports.a = () => HoneyHiveTracer.init({ ...options, apiKey: "k" });
exports.b = () => HoneyHiveTracer.init({ ...require("./hh.json"), apiKey: "k" });
exports.c = () => HoneyHiveTracer.init(options);
`;
    const { output, markers } = once(code, "src/main.cjs");
    expect(markers).toBe(3);
    expect(output).toContain("these init options are read from ./hh.json: change its 1.x keys there (metadata → sessionMetadata; drop disableHttpTracing; inputs → sessionInputs)");
    const imported = once(`import { HoneyHiveTracer } from "honeyhive";\nimport options from "./hh.json";\nexport const t = HoneyHiveTracer.init({ ...options, apiKey: "k" });\n`);
    expect(imported.markers).toBe(1);
    expect(imported.output).toContain("read from ./hh.json");
  });

  it("marks nothing for a file without 1.x keys; a file it cannot read in the project keeps the generic marker", () => {
    const outside = join(dirname(root), "outside.json");
    mkdirSync(dirname(outside), { recursive: true });
    writeFileSync(outside, `{ "metadata": { "x": 1 } }\n`);
    const code = `const { HoneyHiveTracer } = require("honeyhive");
exports.plain = () => HoneyHiveTracer.init({ ...require("./plain.json"), apiKey: "k" });
exports.list = () => HoneyHiveTracer.init({ ...require("./list.json"), apiKey: "k" });
exports.broken = () => HoneyHiveTracer.init({ ...require("./broken.json"), apiKey: "k" });
exports.missing = () => HoneyHiveTracer.init({ ...require("./missing.json"), apiKey: "k" });
exports.outside = () => HoneyHiveTracer.init({ ...require("../../outside.json"), apiKey: "k" });
`;
    const { output, markers } = once(code, "src/main.cjs");
    expect(markers).toBe(4);
    expect(output).not.toMatch(/\*\/\nexports\.plain = /);
    for (const name of ["list", "broken", "missing"]) expect(output).toMatch(new RegExp(`another module \\(\\./${name}\\.json\\)[^\\n]*\\*/\\nexports\\.${name} = `));
    expect(output).toMatch(/another module \(\.\.\/\.\.\/outside\.json\)[^\n]*\*\/\nexports\.outside = /);
  });
});

describe("D19: a JSON file in the project that is a symlink to a file outside it (review-session)", () => {
  it("is not read: the generic marker, not the outside file's keys", () => {
    const outside = join(dirname(root), "outside-linked.json");
    writeFileSync(outside, `{ "metadata": { "x": 1 }, "disableHttpTracing": true }\n`);
    const link = join(root, "src/linked.json");
    rmSync(link, { force: true });
    symlinkSync(outside, link);
    const { output, markers } = once(`const { HoneyHiveTracer } = require("honeyhive");\nexports.linked = () => HoneyHiveTracer.init({ ...require("./linked.json"), apiKey: "k" });\n`, "src/main.cjs");
    expect(markers).toBe(1);
    expect(output).toMatch(/another module \(\.\/linked\.json\)[^\n]*\*\/\nexports\.linked = /);
    expect(output).not.toContain("read from ./linked.json");
  });
});

describe("D21: a tracer passed where an interface of the file asks for 1.x methods", () => {
  it("marks the interface's 1.x members and the call", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
interface Traces {
  traceFunction(options?: object): <T>(fn: T) => T;
  project: string;
}
type Flushes = { flush(): Promise<void> };
function step(tracer: Traces, name: string) { return name; }
function done(target: Flushes) { return target; }
const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });
export const a = step(tracer, "a");
export const b = done(tracer);
`;
    const { output, markers } = once(code);
    expect(output).toMatch(/tracer method traceFunction\(\)[^\n]*\*\/\n  traceFunction\(/);
    expect(output).toMatch(/tracer method flush\(\)[^\n]*\*\/\ntype Flushes = \{ flush/);
    expect(output).toMatch(/a 1\.x traceFunction\(\) is expected[^\n]*\*\/\nexport const a = step/);
    expect(output).toMatch(/a 1\.x flush\(\) is expected[^\n]*\*\/\nexport const b = done/);
    expect(markers).toBe(4);
  });

  it("leaves a parameter typed by the tracer's class, by an interface of members this SDK has, and another value passed", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
interface Traces { traceFunction(options?: object): unknown }
interface Enriches { enrichSpan(fields: object): void }
function step(tracer: Traces) { return tracer; }
function typed(tracer: HoneyHiveTracer) { return tracer; }
function enrich(tracer: Enriches) { return tracer; }
const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });
const other = { traceFunction: () => 1 };
export const a = typed(tracer);
export const b = enrich(tracer);
export const c = step(other);
`;
    expect(once(code).markers).toBe(0);
  });
});

describe("D8: an init passed where another library's explicit type arguments ask for its promise", () => {
  it("is wrapped in Promise.resolve, on the call or up its chain", () => {
    const code = `import { Container } from "inversify";
import { HoneyHiveTracer } from "honeyhive";
const container = new Container();
container.bind<Promise<HoneyHiveTracer>>(Symbol.for("t")).toConstantValue(HoneyHiveTracer.init({ apiKey: "k", project: "p" }));
export const held = new Map<string, Promise<HoneyHiveTracer>>().set("t", HoneyHiveTracer.init({ apiKey: "k", project: "q" }));
`;
    const { output } = once(code);
    expect(output).toContain(`.toConstantValue(Promise.resolve(HoneyHiveTracer.init({ apiKey: "k", project: "p" })));`);
    expect(output).toContain(`.set("t", Promise.resolve(HoneyHiveTracer.init({ apiKey: "k", project: "q" })));`);
  });

  it("leaves an init where the type arguments ask for the tracer itself, or name no type", () => {
    const code = `import { Container } from "inversify";
import { HoneyHiveTracer } from "honeyhive";
const container = new Container();
container.bind<HoneyHiveTracer>(Symbol.for("t")).toConstantValue(HoneyHiveTracer.init({ apiKey: "k", project: "p" }));
container.bind(Symbol.for("u")).toConstantValue(HoneyHiveTracer.init({ apiKey: "k", project: "q" }));
`;
    expect(once(code).output).not.toContain("Promise.resolve");
  });
});

describe("the 1.x method sets the transforms read, derived from the API tables", () => {
  it("OWN_MEMBERS_1X: the 1.x methods no other object names so (1x-flush's evidence); METHODS_GONE_1X also holds the shared names", () => {
    expect([...OWN_MEMBERS_1X].sort()).toEqual(["logModel", "traceChain", "traceFunction", "traceModel", "traceTool"]);
    expect([...METHODS_GONE_1X].sort()).toEqual(["flush", "getTracer", "logModel", "setFeedback", "setMetadata", "setMetric", "startSession", "traceChain", "traceFunction", "traceModel", "traceTool"]);
  });
});

describe("a free wrapper whose options are spread in, in a file with a tracer", () => {
  it("gets a marker to pass the tracer, since explicit-tracer leaves options it cannot read", () => {
    const code = `import { HoneyHiveTracer, traceModel, traceFunction } from "honeyhive";
const base = { metadata: { a: 1 } };
export const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });
export const spread = traceModel(async (x: string) => x, { ...base });
export const held = traceModel(async (x: string) => x, base);
export const curried = traceFunction({ ...base, eventName: "c" })(async (x: string) => x);
export const plain = traceModel(async (x: string) => x, { eventName: "plain" });
export const none = traceModel(async (x: string) => x);
`;
    const { output, markers } = once(code);
    expect(markers).toBe(3);
    for (const name of ["spread", "held", "curried"]) expect(output).toMatch(new RegExp(`pass the tracer to this call \\(a \`tracer\` key in its options\\)[^\\n]*\\*/\\nexport const ${name} = trace\\(`));
  });
});

describe("a 1.x wrapper on a tracer imported from a module the codemod cannot read", () => {
  it("is rewritten with a marker; one from a module whose facts say it exports the tracer is rewritten without one", () => {
    const code = `import { tracer } from "./observability";
import { tracer as absent } from "./absent";
export const read = tracer.traceFunction({ eventName: "read" })(async (x: string) => x);
export const unread = absent.traceFunction({ eventName: "unread" })(async (x: string) => x);
`;
    const { output, markers } = once(code);
    expect(markers).toBe(1);
    expect(output).toContain(`export const read = tracer.trace({ eventName: "read" }, async (x: string) => x);`);
    expect(output).toMatch(/this receiver comes from \.\/absent, which the codemod could not read[^\n]*\*\/\nexport const unread = absent\.trace\(\{ eventName: "unread" \}, /);
  });
});

// review-session: `traceFunction(base)(fn)` with `base` a const read by more than this call became
// `trace(base, fn)` with neither a tracer (explicit-tracer edits a held literal only for its one reader) nor a marker.
describe("traceFunction(options)(fn) whose options explicit-tracer cannot edit, in a file with a tracer", () => {
  it("gets a marker when the const is read twice, is a parameter or a call's result; not when it is read once or names its tracer", () => {
    const code = `import { HoneyHiveTracer, traceFunction } from "honeyhive";
export const tracer = HoneyHiveTracer.init({ apiKey: "k", project: "p" });
const base = { eventName: "shared" };
export const first = traceFunction(base)(async (x: string) => x);
export const second = traceFunction(base)(async (x: string) => x);
export const fromParameter = (opts: { eventName: string }) => traceFunction(opts)(async (x: string) => x);
export const fromCall = traceFunction(makeOptions())(async (x: string) => x);
const once = { eventName: "once" };
export const single = traceFunction(once)(async (x: string) => x);
const named = { tracer, eventName: "named" };
export const withTracer = traceFunction(named)(async (x: string) => x);
export const alsoNamed = traceFunction(named)(async (x: string) => x);
declare function makeOptions(): { eventName: string };
`;
    // The whole --from 1 run: the 2.x set's explicit-tracer writes the tracer into a literal it can edit.
    const run = (text: string) => runTransforms(text, join(root, "src/main.ts"), { transforms: ALL_TRANSFORM_IDS });
    const { output, markers } = run(code);
    expect(run(output).output).toBe(output);
    const marked = (name: string) => new RegExp(`pass the tracer to this call[^\\n]*\\*/\\n(export const )?${name}`).test(output);
    expect(["first", "second"].filter(marked)).toEqual(["first", "second"]);
    expect(marked("fromParameter")).toBe(true);
    expect(marked("fromCall")).toBe(true);
    expect(output).toContain(`const once = { eventName: "once", tracer };\nexport const single = trace(once, async (x: string) => x);`);
    expect(marked("withTracer") || marked("alsoNamed")).toBe(false);
    expect(markers).toBe(4);
  });
});
