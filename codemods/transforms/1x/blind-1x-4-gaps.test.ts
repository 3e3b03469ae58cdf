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
