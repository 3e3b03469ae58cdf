// --from 1 where the module's tracer is declared below the 1.x wrapper that uses it (`const tracer = await
// HoneyHiveTracer.init(…)` after a function that calls `traceFunction(…)`): a function body runs later than the
// module's code, so the tracer is initialized when it runs and is the one to bind. Only a use that runs at load,
// before the declaration (its temporal dead zone), keeps the "no HoneyHive tracer in scope" marker.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { markerComment } from "../../engine/markers.js";
import { MARKER_MESSAGES } from "../../../analysis/fixes/review-markers.js";
import { ALL_TRANSFORM_IDS } from "../ids.js";

const migrate = (code: string) => {
  const { output } = runTransforms(code, "/tmp/app/src/agent.ts", { transforms: ALL_TRANSFORM_IDS });
  expect(runTransforms(output, "/tmp/app/src/agent.ts", { transforms: ALL_TRANSFORM_IDS }).output).toBe(output);
  return output;
};

it("binds a wrapper inside a function body to the module's tracer declared below it", () => {
  const code = `import { HoneyHiveTracer, traceFunction } from "honeyhive";

export async function answer(question: string): Promise<string> {
  const run = traceFunction({ eventType: "chain" })(async (q: string) => q.toUpperCase());
  return run(question);
}

const tracer = await HoneyHiveTracer.init({ project: "below" });
`;
  const output = migrate(code);
  expect(output).not.toContain(MARKER_MESSAGES.explicitTracerNone);
  expect(output).toContain(`const run = trace({ eventType: "chain", tracer }, async (q: string) => q.toUpperCase());`);
});

it("keeps the marker on a wrapper that runs at load, before the declaration", () => {
  const code = `import { HoneyHiveTracer, traceFunction } from "honeyhive";

export const answer = traceFunction({ eventType: "chain" })(async (q: string) => q.toUpperCase());

const tracer = await HoneyHiveTracer.init({ project: "below" });
`;
  const output = migrate(code);
  expect(output).toContain(`${markerComment(MARKER_MESSAGES.explicitTracerNone)}\nexport const answer = trace(`);
});
