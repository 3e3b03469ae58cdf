// 1x-init: init options passed as a choice (`init(opts || defaults)`, `init(opts ?? { … })`) or as a call's
// result (`init(buildOptions())`). Before, only a literal in the call, a const holding literals and a const
// choosing between them (`?:`) were read or marked: these reached this SDK with their 1.x keys, unmarked.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";
import { markerComment } from "../../engine/markers.js";
import { TRANSFORM_1X_IDS } from "../ids.js";
import { MESSAGES_1X } from "./messages.js";

const migrate = (code: string) => {
  const result = runTransforms(code, "/tmp/app/lib/observe.ts", { transforms: TRANSFORM_1X_IDS });
  expect(runTransforms(result.output, "/tmp/app/lib/observe.ts", { transforms: TRANSFORM_1X_IDS }).output).toBe(result.output);
  return result;
};

it("reads both sides of `||` and `??`: a literal where it is written, a const where it is declared", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";

const defaults = { project: "p", inputs: { region: "eu" } };

export async function start(opts?: { project: string }) {
  const a = await HoneyHiveTracer.init(opts || defaults);
  const b = await HoneyHiveTracer.init(opts ?? { project: "q", metadata: { v: 1 } });
  return [a, b];
}
`;
  const { output } = migrate(code);
  expect(output).toContain(`const defaults = { project: "p", sessionInputs: { region: "eu" } };`);
  expect(output).toContain(`HoneyHiveTracer.init(opts ?? { project: "q", sessionMetadata: { v: 1 } });`);
  expect(output).toContain("HoneyHiveTracer.init(opts || defaults);");
});

it("marks options a call returns, unless it is a function of the file whose returns hold no 1.x key", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
import { buildOptions } from "./options";

function plain() {
  return { project: "p" };
}

export async function start(opts?: { project: string }) {
  const a = await HoneyHiveTracer.init(buildOptions());
  const b = await HoneyHiveTracer.init(opts || buildOptions());
  const c = await HoneyHiveTracer.init(plain());
  return [a, b, c];
}
`;
  const { output, markers } = migrate(code);
  const marker = markerComment(MESSAGES_1X.calledOptions("buildOptions"));
  expect(output).toContain(`${marker}\n  const a = HoneyHiveTracer.init(buildOptions());`);
  expect(output).toContain(`${marker}\n  const b = HoneyHiveTracer.init(opts || buildOptions());`);
  expect(markers).toBe(2);
});
