// `migrate` on reductions of public applications that trace with another SDK (fixtures/real-apps-8; each
// folder's README names the app). Every app is migrated as its own project with the 2.x set and with
// `--from 1`. The other SDKs' calls (`tracer.trace`, `trace({ sessionId })`, `observe`, `traceable`,
// `startSession()`, `initialize()`, `flushAsync()`, `forceFlush()`, …) are kept byte for byte: in 01–03
// and 51–65 nothing changes, but for 62 and 65, whose HoneyHive 1.x code alone is rewritten by `--from 1`.
import { expect, it } from "vitest";
import { expectCleanRun, migratedShapeSuite, type SetName } from "./cli/test-utils/shapes.js";

const { shapes: SHAPES, byName, changes, out } = migratedShapeSuite("real-apps-8", { moduleType: "module", linkedDependencies: [] });
const SETS: readonly SetName[] = ["2x", "from1"];
const REWRITTEN = ["62", "65"];

it("migrates every app with both sets without a failure, to parsable, idempotent output", () => {
  for (const name of SHAPES) for (const set of SETS) expectCleanRun(`${name} ${set}`, byName(name, set));
});

it("leaves every app byte for byte with both sets (62's and 65's HoneyHive 1.x code aside)", () => {
  for (const name of SHAPES) {
    for (const set of SETS) {
      if (REWRITTEN.includes(name.slice(0, 2)) && set === "from1") continue;
      const { input, output, report } = byName(name, set);
      expect(output, `${name} ${set}`).toEqual(input);
      expect(report.summary.changed, `${name} ${set}`).toBe(0);
      expect(report.summary.markers, `${name} ${set}`).toBe(0);
    }
  }
});

it("62 --from 1: rewrites the 1.x module only; dd-trace, Langfuse, MongoDB, Sentry, Laminar, Braintrust, LangSmith, Traceloop and OTel calls kept", () => {
  expect(changes("62", "from1")).toEqual({ "src/hh.ts": 0 });
  const hh = out("62", "src/hh.ts", "from1");
  expect(hh).toContain(`export const hh = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p30" });`);
  expect(hh).toContain("hh.trace({}, async function answer(q: string) {");
  const { input, output } = byName(SHAPES.find((name) => name.startsWith("62-"))!, "from1");
  for (const path of ["src/others.ts", "src/uses-both.ts"]) expect(output[path], path).toEqual(input[path]);
});

it("65 --from 1: in one file, HoneyHive's init, wrappers and flush rewritten; Braintrust, Laminar, Sentry, Langfuse and dd-trace calls kept", () => {
  expect(changes("65", "from1")).toEqual({ "src/job.ts": 0 });
  const job = out("65", "src/job.ts", "from1");
  expect(job).toContain(`const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p50", sessionName: "job" });`);
  expect(job).toContain("const step = tracer.trace({}, async function step(n: number) {");
  expect(job).toContain("  await step(2);\n");
  expect(job).toContain("  await tracer.forceFlush();\n");
  expect(job).not.toContain("tracer.flush()");
  for (const kept of [
    "ddTracer.init();",
    "return observe({ name: \"lmnr\" }, async () => ddTracer.trace(\"dd\", () => n * 2));",
    "const t = langfuse.trace({ name: \"job\", sessionId: tracer.sessionId });",
    "  await logger.flush();\n  await Laminar.flush();\n  await Sentry.flush(2000);\n  await langfuse.flushAsync();\n",
  ]) expect(job).toContain(kept);
});
