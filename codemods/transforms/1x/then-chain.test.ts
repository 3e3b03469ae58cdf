// then-chain: 1.x init's promise handed on through `.then(function (tracer) { …; return tracer; })`, `.catch`,
// `.finally` (analysis/honeyhive-1x.ts `promiseHandedOn`) stays the tracer's promise in the file that holds it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { TRANSFORM_1X_IDS } from "../ids.js";

const makeProject = useTempProjects("then-chain", "all");
const root = makeProject({ "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n` });
const migrate = (code: string) => runTransforms(code, join(root, "src/tracing.js"), { transforms: TRANSFORM_1X_IDS }).output;

describe("then-chain: a tracer handed on through .then returning it", () => {
  it("rewrites the flush of the tracer the chain gives, and leaves a chain whose callback gives something else", () => {
    const output = migrate(`const { HoneyHiveTracer } = require("honeyhive");
const ready = HoneyHiveTracer.init({ project: "p" })
  .then(function (tracer) {
    console.log("started");
    return tracer;
  })
  .catch(() => undefined);
const ids = HoneyHiveTracer.init({ project: "q" }).then((tracer) => tracer.sessionId);
process.on("beforeExit", () => {
  ready.then((tracer) => tracer && tracer.flush());
  ids.then((id) => id.flush());
});
`);
    expect(output).toContain("ready.then((tracer) => tracer && tracer.forceFlush());");
    expect(output).toContain("ids.then((id) => id.flush());");
  });
});
