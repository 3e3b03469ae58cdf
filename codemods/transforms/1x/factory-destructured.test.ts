// 1x-trace-wrappers and 1x-flush on a tracer destructured from what another module's factory returns
// (`const { tracer, session } = await createObservability()`, the factory spelling out `return { tracer,
// session }`): read as `obs.tracer` of `const obs = await createObservability()` is, from the module's facts.
// A key the facts do not list as a tracer (the factory's own `flush`) is left as it is.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const makeProject = useTempProjects("factory-destructured", "all");

const FACTORY = `import { HoneyHiveTracer } from "honeyhive";
async function flush() {
  console.log("own flush");
}
export async function createObservability(name: string) {
  const tracer = await HoneyHiveTracer.init({ apiKey: "k", project: "p", sessionName: name });
  const session = await tracer.startSession();
  return { tracer, session, flush };
}
`;

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/observability.ts": FACTORY,
});

const migrate = (code: string) => runTransforms(code, join(root, "src/job.ts"), { transforms: ALL_TRANSFORM_IDS });

describe("a tracer destructured from another module's factory result", () => {
  it("gets its wrappers and flush rewritten; the factory's own flush stays", () => {
    const code = `import { createObservability } from "./observability";
export async function runJob(size: number): Promise<number> {
  const { tracer, flush } = await createObservability("job");
  const double = tracer.traceTool(async (n: number) => n * 2, { eventName: "double" });
  const result = await double(size);
  await tracer.flush();
  await flush();
  return result;
}
`;
    const result = migrate(code);
    expect(result.output).toContain('  const double = tracer.trace({ eventType: "tool", eventName: "double" }, async (n: number) => n * 2);\n');
    expect(result.output).toContain("  await tracer.forceFlush();\n  await flush();\n");
    expect(result.markers).toBe(0);
  });

  it("is not followed once reassigned (a let the code fills with something else)", () => {
    const code = `import { createObservability } from "./observability";
declare function other(): { traceTool(fn: unknown): unknown };
export async function runJob(): Promise<unknown> {
  let { tracer } = await createObservability("job");
  tracer = other() as never;
  return tracer.traceTool(async () => 1);
}
`;
    const result = migrate(code);
    expect(result.output).toContain("  return tracer.traceTool(async () => 1);\n");
    expect(result.output).toContain("the codemod cannot tell which tracer this 1.x traceTool() is called on");
  });
});
