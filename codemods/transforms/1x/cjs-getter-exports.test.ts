// `migrate --from 1` on the importers of a CommonJS module that hands out its 1.x tracer through a getter (issue 15):
// `module.exports = { get tracer() { return tracer; } }`, `Object.defineProperty(module.exports, "tracer", { get })`
// read as `hh.tracer.flush()`. The getter property is the tracer to its importers (a property read), not a function
// they call; `exports.getTracer = () => tracer` is one (`hh.getTracer().flush()`). The same read straight off the call,
// `require("./tracing").tracer.flush()`, is require-call-receiver.test.ts.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("cjs-getter-exports", "all");
const manifest = `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`;
const INIT = `const { HoneyHiveTracer } = require("honeyhive");\n\nlet tracer;\nasync function initTracer() {\n  tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" });\n  return tracer;\n}\n\n`;

const MODULES = {
  "object-getter": `${INIT}module.exports = {\n  initTracer,\n  get tracer() {\n    return tracer;\n  },\n};\n`,
  "define-property": `${INIT}exports.initTracer = initTracer;\nObject.defineProperty(module.exports, "tracer", { get: () => tracer });\n`,
  "define-property-method": `${INIT}exports.initTracer = initTracer;\nObject.defineProperty(exports, "tracer", {\n  enumerable: true,\n  get() {\n    return tracer;\n  },\n});\n`,
};

const CONSUMER = (module: string) =>
  `const hh = require("./${module}");\n\nasync function handler(event) {\n  const answer = hh.tracer.traceFunction({ eventName: "answer" })(async (q) => q);\n  const out = await answer(event.q);\n  await hh.tracer.flush();\n  return out;\n}\n\nmodule.exports = { handler };\n`;
const MIGRATED = (module: string) =>
  `const hh = require("./${module}");\n\nasync function handler(event) {\n  const answer = hh.tracer.trace({ eventName: "answer" }, async (q) => q);\n  const out = await answer(event.q);\n  await hh.tracer.forceFlush();\n  return out;\n}\n\nmodule.exports = { handler };\n`;

// A function export that returns the tracer stays a function its importers call (`hh.getTracer().flush()`).
const FUNCTION_EXPORT = `${INIT}exports.initTracer = initTracer;\nexports.getTracer = () => tracer;\n`;

const project = makeProject({ "package.json": manifest, "src/function-export.js": FUNCTION_EXPORT, ...Object.fromEntries(Object.entries(MODULES).map(([name, text]) => [`src/${name}.js`, text])) });
const migrate = (path: string, code: string) => runTransforms(code, join(project, path), { transforms: ALL_TRANSFORM_IDS });
const factsOf = (name: string, text: string) => extractModuleFacts(parseAnalysisInput(text, join(project, `src/${name}.js`)));

describe("a CommonJS getter of the 1.x tracer", () => {
  it.each(Object.entries(MODULES))("%s: its facts say the export is the tracer, not a function to call", (name, text) => {
    expect(factsOf(name, text).exports.tracer).toEqual([{ kind: "tracer" }]);
  });
  it.each(Object.keys(MODULES))("%s: importers' hh.tracer.traceFunction(…) and hh.tracer.flush() are migrated", (name) => {
    const result = migrate(`src/use-${name}.js`, CONSUMER(name));
    expect(result.output).toBe(MIGRATED(name));
    expect(result.markers).toBe(0);
  });
  it("a function export returning the tracer stays a getter its importers call", () => {
    expect(factsOf("function-export", FUNCTION_EXPORT).tracerHolders?.getTracer).toMatchObject({ of: "function", returnsTracer: true });
    const code = `const hh = require("./function-export");\n\nasync function handler() {\n  await hh.getTracer().flush();\n}\n\nmodule.exports = { handler };\n`;
    expect(migrate("src/use-function-export.js", code).output).toBe(code.replace(".flush()", ".forceFlush()"));
  });
});
