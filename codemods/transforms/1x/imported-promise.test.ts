// 1x-init on `.then()` of a tracer imported from a project module: wrapped in `Promise.resolve(…)`
// where the exporting module holds an un-awaited 1.x init (its `initPromiseExports` fact), whatever
// the binding is called; not where the module, read, holds something else under a promise-like name;
// and by the name (`tracerPromise`) only when the module cannot be read.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";

const makeProject = useTempProjects("imported-promise", "all");
const MANIFEST_1X = `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`;
const INIT = 'import { HoneyHiveTracer } from "honeyhive";\n';

const root = makeProject({
  "package.json": MANIFEST_1X,
  // 1.x: the init's promise, exported to be awaited or chained on.
  "src/promise.ts": `${INIT}export const tracer = HoneyHiveTracer.init({ project: "p" });\n`,
  "src/commonjs.js": `const { HoneyHiveTracer } = require("honeyhive");\nmodule.exports.tracer = HoneyHiveTracer.init({ project: "p" });\n`,
  // The tracer itself (awaited), and something else under a promise's name.
  "src/awaited.ts": `${INIT}export const tracerPromise = await HoneyHiveTracer.init({ project: "p" });\n`,
  "src/other.ts": `${INIT}import { makeClient } from "./client";\nexport const tracerPromise = makeClient();\n`,
});

const initPromisesOf = (path: string, text: string) => extractModuleFacts(parseAnalysisInput(text, join(root, path))).initPromiseExports;

/** 1x-init on a consumer at `path` in the project. */
const migrate = (path: string, code: string) => runTransforms(code, join(root, path), { transforms: ["1x-init"] }).output;

describe("the exporting module's facts", () => {
  it("say an un-awaited 1.x init is a promise, an awaited one the tracer itself", () => {
    expect(initPromisesOf("src/promise.ts", `${INIT}export const tracer = HoneyHiveTracer.init({ project: "p" });\n`)).toEqual(["tracer"]);
    expect(initPromisesOf("src/commonjs.js", `const { HoneyHiveTracer } = require("honeyhive");\nmodule.exports.tracer = HoneyHiveTracer.init({});\n`)).toEqual(["tracer"]);
    expect(initPromisesOf("src/awaited.ts", `${INIT}export const tracer = await HoneyHiveTracer.init({});\n`)).toBeUndefined();
    expect(initPromisesOf("src/default.ts", `${INIT}export default await HoneyHiveTracer.init({});\nexport const made = new HoneyHiveTracer({});\n`)).toBeUndefined();
  });
});

describe("1x-init on .then() of an imported tracer", () => {
  it("wraps it where the module holds an un-awaited 1.x init, also under a name that says nothing of a promise", () => {
    const code = 'import { tracer } from "./promise";\n\nexport const ready = tracer.then((t) => t.sessionId);\n';
    expect(migrate("src/consumer.ts", code)).toBe('import { tracer } from "./promise";\n\nexport const ready = Promise.resolve(tracer).then((t) => t.sessionId);\n');
    const required = 'const { tracer } = require("./commonjs");\n\ntracer.then((t) => t.sessionId);\n';
    expect(migrate("src/consumer.js", required)).toBe('const { tracer } = require("./commonjs");\n\nPromise.resolve(tracer).then((t) => t.sessionId);\n');
  });

  it("wraps .then() on a local getter of it (`const fresh = () => tracer`), as on the import itself", () => {
    const code = 'import { tracer } from "./promise";\n\nconst fresh = () => tracer;\nfunction current() {\n  return tracer;\n}\nexport const ready = fresh().then((t) => t.sessionId);\ncurrent().catch(() => undefined);\n';
    expect(migrate("src/consumer.ts", code)).toBe(
      'import { tracer } from "./promise";\n\nconst fresh = () => tracer;\nfunction current() {\n  return tracer;\n}\nexport const ready = Promise.resolve(fresh()).then((t) => t.sessionId);\nPromise.resolve(current()).catch(() => undefined);\n',
    );
    const required = 'const { tracer } = require("./commonjs");\n\nconst fresh = () => tracer;\nfresh().then((t) => t.sessionId);\n';
    expect(migrate("src/consumer.js", required)).toBe('const { tracer } = require("./commonjs");\n\nconst fresh = () => tracer;\nPromise.resolve(fresh()).then((t) => t.sessionId);\n');
    // A local getter of something else, and one already async (a promise either way), stay.
    const untouched = 'import { tracerPromise } from "./awaited";\nimport { tracer as p } from "./promise";\n\nconst fresh = () => tracerPromise;\nconst later = async () => p;\nfresh().then(() => 1);\nlater().then(() => 1);\n';
    expect(migrate("src/consumer.ts", untouched)).toBe(untouched);
  });

  it("leaves it where the module, read, holds no 1.x init promise under that name", () => {
    for (const module of ["./awaited", "./other"]) {
      const code = `import { tracerPromise } from "${module}";\n\ntracerPromise.then((t) => t.sessionId);\n`;
      expect(migrate("src/consumer.ts", code), module).toBe(code);
    }
  });

  it("falls back to the binding's name when the module cannot be read", () => {
    const named = 'import { tracerPromise } from "./missing";\n\ntracerPromise.then((t) => t.sessionId);\n';
    expect(migrate("src/consumer.ts", named)).toBe('import { tracerPromise } from "./missing";\n\nPromise.resolve(tracerPromise).then((t) => t.sessionId);\n');
    const plain = 'import { tracer } from "./missing";\n\ntracer.then((t) => t.sessionId);\n';
    expect(migrate("src/consumer.ts", plain)).toBe(plain);
  });
});

// migrate-11: `module.exports = X` is recorded as the module's `default`; a consumer that requires it inline (no
// binding) reads X itself: its `.then()` is wrapped and the 1.x tracer's calls in the callback are migrated.
describe("--from 1 on a consumer of a module whose module.exports is 1.x init's promise or a getter of it", () => {
  const commonJs = useTempProjects("commonjs-default-export", "all")({
    "package.json": MANIFEST_1X,
    "src/tracing.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nmodule.exports = HoneyHiveTracer.init({ project: "p" });\n`,
    "src/init-tracer.js": `const { HoneyHiveTracer } = require("honeyhive");\n\nfunction initTracer() {\n  return HoneyHiveTracer.init({ project: "p" });\n}\n\nmodule.exports = initTracer;\n`,
    "src/client.js": `const { makeClient } = require("./make-client");\n\nmodule.exports = makeClient();\n`,
  });
  const from1 = (path: string, code: string) => runTransforms(code, join(commonJs, path), { transforms: ["1x-init", "1x-flush"] }).output;

  it("wraps require(…).then(…) and migrates the tracer's calls in its callback, as for a binding of it", () => {
    expect(from1("src/a.js", 'require("./tracing").then((tracer) => tracer.flush());\n')).toBe('Promise.resolve(require("./tracing")).then((tracer) => tracer.forceFlush());\n');
    expect(from1("src/b.js", 'require("./init-tracer")().then((tracer) => tracer.flush());\n')).toBe('Promise.resolve(require("./init-tracer")()).then((tracer) => tracer.forceFlush());\n');
    // Bound by require() or by a default import, under a name that is no tracer's: the module's `default`.
    expect(from1("src/c.js", 'const tracing = require("./tracing");\n\ntracing.then((tracer) => tracer.flush());\n')).toBe(
      'const tracing = require("./tracing");\n\nPromise.resolve(tracing).then((tracer) => tracer.forceFlush());\n',
    );
    expect(from1("src/d.js", 'import initTracer from "./init-tracer";\n\ninitTracer().then((tracer) => tracer.flush());\n')).toBe(
      'import initTracer from "./init-tracer";\n\nPromise.resolve(initTracer()).then((tracer) => tracer.forceFlush());\n',
    );
    expect(from1("src/f.js", 'const start = require("./init-tracer");\n\nstart().then((tracer) => tracer.flush());\n')).toBe(
      'const start = require("./init-tracer");\n\nPromise.resolve(start()).then((tracer) => tracer.forceFlush());\n',
    );
  });

  it("leaves require(…).then(…) of a module whose module.exports is something else", () => {
    const code = 'require("./client").then((client) => client.flush());\n';
    expect(from1("src/e.js", code)).toBe(code);
  });
});
