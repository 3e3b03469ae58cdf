// 1.x trace options passed to a project module's helper typed with 1.x's TraceFunctionOptions (blind-1x-3
// D3: `traced(fn, { eventType: "Tool", config })` with `traced` in a workspace package): that module's
// migration renames the type to TraceOptions, so the options built at the call are renamed as a
// wrapper's own (a mis-cased event type lower-cased, `config` dropped with the wrapper's marker), an
// event type no rename makes right is marked, options held in a variable get a marker naming the helper.
// A look-alike helper typed with its own options type, or with another package's, is left alone.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { analyzeProject } from "../../engine/project.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const makeProject = useTempProjects("helper-trace-options", "all");

const WRAP = `import type { TraceFunctionOptions } from "honeyhive";
import type { TraceFunctionOptions as OtherOptions } from "other-tracing";
import { tracerReady } from "./tracer";

export async function traced<F extends (...args: any[]) => any>(fn: F, options: TraceFunctionOptions): Promise<F> {
  return (await tracerReady).traceFunction(options)(fn);
}
export const tracedLater = async <F extends (...args: any[]) => any>(service: string, fn: F, options?: TraceFunctionOptions): Promise<F> => traced(fn, options ?? {});
export function own(fn: () => void, options: { eventType: string; config?: object }): void {}
export function other(fn: () => void, options: OtherOptions): void {}
`;

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/tracer.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracerReady = HoneyHiveTracer.init({ project: "p" });\n`,
  "src/wrap.ts": WRAP,
});

const migrate = (code: string) => runTransforms(code, join(root, "src/main.ts"), { transforms: TRANSFORM_1X_IDS });

describe("trace options passed to a helper typed with 1.x's TraceFunctionOptions", () => {
  it("are found by parameter in the helper module's facts", () => {
    const facts = extractModuleFacts(parseAnalysisInput(WRAP, join(root, "src/wrap.ts")));
    expect(facts.traceOptionsParameters).toEqual({ traced: [1], tracedLater: [2] });
    // The project pass reads them too (its `tracers` scope), so an importer naming no SDK is a candidate.
    expect(extractModuleFacts(parseAnalysisInput(WRAP, join(root, "src/wrap.ts")), "tracers").traceOptionsParameters).toEqual(facts.traceOptionsParameters);
    const project = analyzeProject([join(root, "src/wrap.ts")]);
    expect(project.importsTracerModule(join(root, "src/main.ts"), `import { traced } from "./wrap";\n`)).toBe(true);
  });

  it("are renamed where built at the call, marked where held or not an event type", () => {
    const code = `import { traced, tracedLater, own, other } from "./wrap";

export const a = traced(async (q: string) => [q], { eventType: "Tool", eventName: "search", config: { index: "docs" } });
export const b = tracedLater("api", async () => 1, { eventType: "chain", metadata: { step: 1 } });
export const c = traced(async () => 1, { eventType: "llm" });
const held = { eventType: "Model", eventName: "held" };
export const d = traced(async () => 1, held);
export const e = traced(async () => 1, { eventName: "fine" });
own(() => {}, { eventType: "Tool", config: {} });
other(() => {}, { eventType: "Tool", config: {} });
`;
    const { output, markers } = migrate(code);
    expect(output).toContain(`/* honeyhive-migrate: the 1.x wrapper option config has no trace() option: call tracer.enrichSpan({ config }) inside the function */
export const a = traced(async (q: string) => [q], { eventType: "tool", eventName: "search" });`);
    expect(output).toContain(`\nexport const b = tracedLater("api", async () => 1, { eventType: "chain", metadata: { step: 1 } });`);
    expect(output).toMatch(/1\.x recorded no event type for eventType "llm"[^\n]*\*\/\nexport const c = /);
    expect(output).toContain(`these trace options go to traced() from ./wrap, typed with 1.x's TraceFunctionOptions`);
    expect(output).toMatch(/\*\/\nexport const d = traced\(async \(\) => 1, held\);/);
    expect(output).toContain(`\nexport const e = traced(async () => 1, { eventName: "fine" });`);
    expect(output).toContain(`\nown(() => {}, { eventType: "Tool", config: {} });\nother(() => {}, { eventType: "Tool", config: {} });`);
    expect(markers).toBe(3);
    expect(migrate(output).output).toBe(output);
  });
});
