// `migrate --from 1` on a 1.x tracer read straight off a `require()` call (issue 13): `require("./tracing").tracer.flush()`,
// `require("./tracing").tracer.traceFunction(o)(fn)`. The receiver is the module's `tracer` export, which the export
// facts know (`module.exports = { tracer }`, `exports.tracer = …`, a getter property) as they do for
// `const hh = require("./tracing"); hh.tracer.flush()`: the same rewrite.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("require-call-receiver", "all");
const manifest = `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`;
const INIT = `const { HoneyHiveTracer } = require("honeyhive");\n\nlet tracer;\nasync function initTracer() {\n  tracer = await HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p" });\n  return tracer;\n}\n\n`;

const MODULES = {
  "exports-object": `${INIT}module.exports = { initTracer, get tracer() {\n    return tracer;\n  } };\n`,
  "exports-property": `const { HoneyHiveTracer } = require("honeyhive");\n\nexports.tracer = new HoneyHiveTracer({ apiKey: process.env.HH_API_KEY, project: "p" });\n`,
};

const CONSUMER = (module: string) =>
  `async function handler(event) {\n  const answer = require("./${module}").tracer.traceFunction({ eventName: "answer" })(async (q) => q);\n  const out = await answer(event.q);\n  await require("./${module}").tracer.flush();\n  return out;\n}\n\nmodule.exports = { handler };\n`;
const MIGRATED = (module: string) =>
  `async function handler(event) {\n  const answer = require("./${module}").tracer.trace({ eventName: "answer" }, async (q) => q);\n  const out = await answer(event.q);\n  await require("./${module}").tracer.forceFlush();\n  return out;\n}\n\nmodule.exports = { handler };\n`;

const project = makeProject({ "package.json": manifest, ...Object.fromEntries(Object.entries(MODULES).map(([name, text]) => [`src/${name}.js`, text])) });
const migrate = (path: string, code: string) => runTransforms(code, join(project, path), { transforms: ALL_TRANSFORM_IDS });

describe("a 1.x tracer read off a require() call", () => {
  it.each(Object.keys(MODULES))("%s: require(…).tracer.traceFunction(…) and .flush() are migrated", (name) => {
    const result = migrate(`src/use-${name}.js`, CONSUMER(name));
    expect(result.output).toBe(MIGRATED(name));
    expect(result.markers).toBe(0);
  });
  it("a module that exports no tracer by that name: left alone", () => {
    const code = `async function handler() {\n  await require("./exports-property").logger.flush();\n}\n\nmodule.exports = { handler };\n`;
    expect(migrate("src/use-logger.js", code)).toMatchObject({ output: code, markers: 0 });
  });
});

describe("a require() call whose export the facts do not know", () => {
  it("require(…).tracer.flush() of a module that does not resolve: marked, not rewritten", () => {
    const code = `async function handler() {\n  await require("./missing").tracer.flush();\n}\n\nmodule.exports = { handler };\n`;
    const result = migrate("src/use-missing.js", code);
    expect(result.markers).toBe(1);
    expect(result.output).toContain(`await require("./missing").tracer.flush();`);
  });
});
