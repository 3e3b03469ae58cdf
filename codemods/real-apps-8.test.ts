// `migrate` on reductions of public applications that trace with another SDK (fixtures/real-apps-8; each
// folder's README names the app). Every app is migrated as its own project with the 2.x set and with
// `--from 1`. The other SDKs' calls (`tracer.trace`, `trace({ sessionId })`, `observe`, `traceable`,
// `startSession()`, `initialize()`, `flushAsync()`, `forceFlush()`, …) are kept byte for byte: in 01–03
// and 51–64 nothing changes, but for 62, whose HoneyHive 1.x module alone is rewritten by `--from 1`.
import { expect, it } from "vitest";
import { expectCleanRun, migratedShapeSuite, type SetName } from "./cli/test-utils/shapes.js";

const { shapes: SHAPES, byName, changes, out } = migratedShapeSuite("real-apps-8", { moduleType: "module", linkedDependencies: [] });
const SETS: readonly SetName[] = ["2x", "from1"];
const REWRITTEN = "62";

it("migrates every app with both sets without a failure, to parsable, idempotent output", () => {
  for (const name of SHAPES) for (const set of SETS) expectCleanRun(`${name} ${set}`, byName(name, set));
});

it("leaves every app byte for byte with both sets (62's HoneyHive 1.x module aside)", () => {
  for (const name of SHAPES) {
    for (const set of SETS) {
      if (name.startsWith(REWRITTEN) && set === "from1") continue;
      const { input, output, report } = byName(name, set);
      expect(output, `${name} ${set}`).toEqual(input);
      expect(report.summary.changed, `${name} ${set}`).toBe(0);
      expect(report.summary.markers, `${name} ${set}`).toBe(0);
    }
  }
});

it("62 --from 1: rewrites the 1.x module only; dd-trace, Langfuse, MongoDB, Sentry, Laminar, Braintrust, LangSmith, Traceloop and OTel calls kept", () => {
  expect(changes(REWRITTEN, "from1")).toEqual({ "src/hh.ts": 0 });
  const hh = out(REWRITTEN, "src/hh.ts", "from1");
  expect(hh).toContain(`export const hh = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "p30" });`);
  expect(hh).toContain("hh.trace({}, async function answer(q: string) {");
  const { input, output } = byName(SHAPES.find((name) => name.startsWith(REWRITTEN))!, "from1");
  for (const path of ["src/others.ts", "src/uses-both.ts"]) expect(output[path], path).toEqual(input[path]);
});
