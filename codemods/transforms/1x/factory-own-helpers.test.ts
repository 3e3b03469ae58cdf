// 1x-flush and 1x-trace-wrappers on the result of another module's factory whose returned object holds
// the tracer beside helpers of its own named like the tracer's methods (`flush`, `traceModel`): those
// helpers are the project's, called as they are, whether written inline (`flush() {}`) or as functions
// of the module given by name (`return { tracer, flush, traceModel }`); the tracer member is rewritten.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("factory-own-helpers", "all");

const LOGGER = `import { HoneyHiveTracer } from "honeyhive";
export function makeLogger(tracer?: HoneyHiveTracer) {
  return { tracer, flush() {}, traceModel<T>(fn: T) { return fn; } };
}
`;

const TELEMETRY = `import { HoneyHiveTracer } from "honeyhive";
async function flush() {
  console.log("own flush");
}
function traceModel<T>(fn: T): T {
  return fn;
}
export function createTelemetry(tracer: HoneyHiveTracer) {
  return { tracer, flush, traceModel };
}
`;

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/logger.ts": LOGGER,
  "src/telemetry.ts": TELEMETRY,
});

const migrate = (code: string) => runTransforms(code, join(root, "src/use.ts"), { transforms: ALL_TRANSFORM_IDS });

describe("a factory's own helpers", () => {
  it("are listed as plain in its module's facts, inline or named", () => {
    expect(extractModuleFacts(parseAnalysisInput(LOGGER, join(root, "src/logger.ts"))).tracerHolders?.makeLogger?.plain).toEqual(["flush", "traceModel"]);
    expect(extractModuleFacts(parseAnalysisInput(TELEMETRY, join(root, "src/telemetry.ts"))).tracerHolders?.createTelemetry?.plain).toEqual(["flush", "traceModel"]);
  });

  it("are left as they are on the factory's result, inline helpers", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
import { makeLogger } from "./logger";
export async function run() {
  const t = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });
  makeLogger().flush();
  const f = makeLogger().traceModel((n: number) => n);
  await t.flush();
  return f;
}
`;
    const result = migrate(code);
    expect(result.output).toContain("  makeLogger().flush();\n  const f = makeLogger().traceModel((n: number) => n);\n  await t.forceFlush();\n");
    expect(result.markers).toBe(0);
  });

  it("are left as they are on the factory's result, module functions given by name", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";
import { createTelemetry } from "./telemetry";
export async function main() {
  const tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p" });
  const telemetry = createTelemetry(tracer);
  const f = telemetry.traceModel((x: number) => x);
  await telemetry.flush();
  await telemetry.tracer.flush();
  return f;
}
`;
    const result = migrate(code);
    expect(result.output).toContain("  const f = telemetry.traceModel((x: number) => x);\n  await telemetry.flush();\n  await telemetry.tracer.forceFlush();\n");
    expect(result.markers).toBe(0);
  });
});
