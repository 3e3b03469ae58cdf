// The blind-1x-4 defects closed on its branch, each with the look-alikes that must stay as they were. The
// blind round's projects are the fixture pairs (codemods/blind-1x-4.test.ts); these cases pin each rule of the fix.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const makeProject = useTempProjects("blind-1x-4-gaps", "all");

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  // A CommonJS sibling keeping 1.x's init promise behind a getter (blind-1x-4 13).
  "src/tracing.cjs": `const { HoneyHiveTracer } = require("honeyhive");
let ready;
function getTracer() {
  if (!ready) ready = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "crawler" });
  return ready;
}
module.exports = { getTracer };
`,
  // Look-alike: a CommonJS module whose getTracer() makes a tracer class of its own.
  "src/own.cjs": `class Tracer {
  trace(fn) { return fn(); }
  async flush() {}
}
function getTracer() { return new Tracer(); }
module.exports = { getTracer };
`,
  // Look-alike: an ES module whose default export is another object than its named exports.
  "src/esm.mjs": `import { HoneyHiveTracer } from "honeyhive";
export function getTracer() { return HoneyHiveTracer.init({ apiKey: "k", project: "p" }); }
export default { getTracer: () => ({ trace: (fn) => fn(), flush: async () => {} }) };
`,
  // A getter of the tracer or of a no-op stand-in with its methods (blind-1x-4 06), and a look-alike making none.
  "src/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";
const noop = { traceFunction: () => <F>(fn: F) => fn };
export async function getTracing() {
  if (!process.env.HH_API_KEY) return noop;
  return HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "docs" });
}
`,
  "src/logger.ts": `export async function makeLogger() {
  return { traceFunction: () => <F>(fn: F) => fn };
}
`,
});

const migrate = (code: string, file = "src/main.mjs") => runTransforms(code, join(root, file), { transforms: TRANSFORM_1X_IDS });

/** Runs `code` and asserts a second run leaves the output as it is. */
const once = (code: string, file?: string) => {
  const result = migrate(code, file);
  expect(migrate(result.output, file).output).toBe(result.output);
  return result;
};

describe("13: a tracer from a getter of a CommonJS module imported by its default export", () => {
  it("reads `tracing.getTracer()` of `import tracing from \"./tracing.cjs\"` as the module's export getTracer, as `import * as` is", () => {
    const code = `import tracing from "./tracing.cjs";
const tracer = await tracing.getTracer();
await tracer.trace(async () => {
  console.log(1);
});
await tracer.flush();
`;
    const { output, markers } = once(code);
    expect(output).toContain("await (async () => {\n  console.log(1);\n})();");
    expect(output).toContain("await tracer.forceFlush();");
    expect(markers).toBe(0);
  });

  it("leaves a CommonJS module's own tracer class, and the default export of an ES module, as they are", () => {
    for (const specifier of ["./own.cjs", "./esm.mjs"]) {
      const code = `import tracing from "${specifier}";
const tracer = await tracing.getTracer();
await tracer.trace(async () => 1);
await tracer.flush();
`;
      const { output, markers } = once(code);
      expect(output, specifier).toBe(code);
      expect(markers, specifier).toBe(0);
    }
  });
});

describe("06: a tracer's methods reached through a getter's result or a Pick of the tracer type", () => {
  it("marks a 1.x wrapper on what a project module's HoneyHive factory returns, whatever the receiver's name", () => {
    const code = `import { getTracing } from "./tracing.js";
const tracing = await getTracing();
export const find = tracing.traceFunction({ eventName: "find" })(async (q: string) => [q]);
`;
    const { output, markers } = once(code, "src/search.ts");
    expect(markers).toBe(1);
    expect(output).toContain("cannot tell which tracer this 1.x traceFunction() is called on");
  });

  it("leaves the same call on a factory of a module that makes no HoneyHive tracer", () => {
    const code = `import { makeLogger } from "./logger.js";
const logging = await makeLogger();
export const find = logging.traceFunction()(async (q: string) => [q]);
`;
    const { output, markers } = once(code, "src/search.ts");
    expect(output).toBe(code);
    expect(markers).toBe(0);
  });

  it("marks Pick<HoneyHiveTracer, …> of 1.x-only methods (one marker each), not the methods kept here, Omit or another type's Pick", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
interface Logger { flush(): Promise<void> }
export type Tracing = Pick<HoneyHiveTracer, "traceFunction" | "enrichSpan" | "flush">;
export type Enricher = Pick<HoneyHiveTracer, "enrichSpan">;
export type WithoutFlush = Omit<HoneyHiveTracer, "flush">;
export type Flusher = Pick<Logger, "flush">;
`;
    const { output, markers } = once(code);
    expect(markers).toBe(2);
    expect(output).toContain("the type of 1.x tracer method traceFunction has no counterpart here");
    expect(output).toContain("the type of 1.x tracer method flush has no counterpart here");
    expect(output.split("\n").filter((line) => line.includes("honeyhive-migrate")).length).toBe(2);
    expect(output.indexOf("honeyhive-migrate")).toBeLessThan(output.indexOf("export type Tracing"));
    expect(output.lastIndexOf("honeyhive-migrate")).toBeLessThan(output.indexOf("export type Tracing"));
  });
});
