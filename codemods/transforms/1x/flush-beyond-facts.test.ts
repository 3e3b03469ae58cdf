// 1x-flush on `<object of another module>.<member named like a tracer>.flush()`: rewritten where the
// holder module's facts say the member holds a HoneyHive tracer, left alone where they say it is a field
// of another type (`tracer: LsTracer` of another package, a class of the module), and marked only
// where the facts stop (the member's type comes from a third module, or the holder has no facts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractModuleFacts } from "../../../analysis/export-facts.js";
import { parseAnalysisInput } from "../../../analysis/parse-input.js";
import { useTempProjects } from "../../../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../../engine/engine.js";
import { MESSAGES_1X } from "./messages.js";

const makeProject = useTempProjects("flush-beyond-facts", "all");

const TELEMETRY = `import { Tracer as LsTracer } from "lightstep-tracer";
import { HoneyHiveTracer } from "honeyhive";
import type { Made } from "./made";
class Local { flush(): void {} }
export class Telemetry {
  tracer: LsTracer = new LsTracer({ access_token: "x" });
  localTracer?: Local;
  madeTracer!: Made;
  hh!: HoneyHiveTracer;
  constructor(public otherTracer: LsTracer | undefined) {}
}
export const telemetry = new Telemetry(undefined);
`;

const root = makeProject({
  "package.json": `{ "name": "app", "private": true, "dependencies": { "honeyhive": "^1.0.42" } }\n`,
  "src/telemetry.ts": TELEMETRY,
  "src/made.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport type Made = HoneyHiveTracer;\n`,
});

const migrate = (code: string) => runTransforms(code, join(root, "src/job.ts"), { transforms: ["1x-flush"] }).output;

describe("the holder module's facts", () => {
  it("list the fields of another type as plain, beside the tracer member", () => {
    const facts = extractModuleFacts(parseAnalysisInput(TELEMETRY, join(root, "src/telemetry.ts"))).tracerHolders;
    expect(facts?.Telemetry).toEqual({ of: "class", members: ["hh"], methods: [], plain: ["tracer", "localTracer", "otherTracer"] });
    expect(facts?.telemetry?.plain).toEqual(["tracer", "localTracer", "otherTracer"]);
  });
});

describe("1x-flush on a member of an object of another module", () => {
  it("leaves a member the facts say is of another type, and rewrites the HoneyHive one", () => {
    const code = `import { Telemetry, telemetry } from "./telemetry";
const t = new Telemetry(undefined);
export async function run() {
  t.hh.flush();
  t.tracer.flush();
  telemetry.tracer.flush();
  telemetry.localTracer?.flush();
  t.otherTracer?.flush();
}
`;
    const output = migrate(code);
    expect(output).toContain("t.hh.forceFlush()");
    expect(output).not.toContain(MESSAGES_1X.flushBeyondFacts);
    expect(output.replace("t.hh.forceFlush()", "t.hh.flush()")).toBe(code);
  });

  it("marks a member whose type comes through a third module, and one of a holder without facts", () => {
    const code = `import { Telemetry } from "./telemetry";
import { Missing } from "./missing";
const t = new Telemetry(undefined);
const m = new Missing();
export async function run() {
  t.madeTracer.flush();
  m.tracer.flush();
}
`;
    const output = migrate(code);
    expect(output.split(MESSAGES_1X.flushBeyondFacts).length - 1).toBe(2);
  });

  it("marks a member past the facts on a variable with no initializer, assigned an instance later", () => {
    const code = `import { Telemetry } from "./telemetry";
let t;
export function reset() {
  t = new Telemetry(undefined);
}
export async function run() {
  t.madeTracer.flush();
  t.tracer.flush();
}
`;
    const output = migrate(code);
    expect(output.split(MESSAGES_1X.flushBeyondFacts).length - 1).toBe(1);
    expect(output).toContain(`${MESSAGES_1X.flushBeyondFacts} */\n  t.madeTracer.flush();\n  t.tracer.flush();`);
  });
});
