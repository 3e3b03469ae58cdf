// 1x-trace-wrappers where the fixture pair `trace-optional-chain` cannot show it: a JavaScript file
// (no non-null assertion inside logModel's callback) and a logModel() on a receiver that would be
// evaluated twice (only marked). The pair itself is type-checked by type-check.test.ts.
import { expect, it } from "vitest";
import { runTransforms } from "../../engine/engine.js";

const migrate = (code: string, filename: string) => runTransforms(code, filename, { transforms: ["1x-trace-wrappers"] });

const CLASS = `class Agent {
  async start() {
    this.tracer = await HoneyHiveTracer.init({ project: "agents" });
  }
  step(question) {
    this.tracer?.logModel({ inputs: { question } });
  }
}
`;

it("keeps a member receiver's optional chain in logModel's rewrite, with no TypeScript syntax in a JavaScript file", () => {
  const { output } = migrate(`import { HoneyHiveTracer } from "honeyhive";\n${CLASS}`, "/tmp/app/agent.mjs");
  expect(output).toContain('this.tracer?.trace({ eventType: "model", eventName: "func" }, () => this.tracer.enrichSpan({ inputs: { question } }))();');
});

it("marks, without rewriting, a logModel() whose receiver calls or awaits (its callback would repeat the receiver)", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
async function getTracer(): Promise<HoneyHiveTracer | undefined> {
  return undefined;
}
export async function main(): Promise<void> {
  (await getTracer())?.logModel({ inputs: {} });
}
`;
  const result = migrate(code, "/tmp/app/main.ts");
  expect(result.markers).toBe(1);
  expect(result.output).toContain("(await getTracer())?.logModel({ inputs: {} });");
  expect(result.output).toContain("rewrite this 1.x logModel(fields) by hand");
});

it("keeps the call's value and evaluates the receiver once for an optional immediate trace", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
async function getTracer(): Promise<HoneyHiveTracer | undefined> {
  return undefined;
}
const run = (n: number) => n;
export async function main(): Promise<number> {
  (await getTracer())?.trace(run, 1);
  return (await getTracer())?.trace(run, 2) ?? 0;
}
`;
  const { output } = migrate(code, "/tmp/app/main.ts");
  expect(output).toContain("  if ((await getTracer())) run(1);\n");
  expect(output).toContain("  return ((await getTracer()) ? run(2) : undefined) ?? 0;\n");
});

it("gives a logModel() without fields the `{}` 1.x defaulted them to (this SDK's enrichSpan takes them)", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init({ project: "p" });
export function mark(): void {
  tracer.logModel();
}
`;
  const result = migrate(code, "/tmp/app/mark.ts");
  expect(result.output).toContain('  tracer.trace({ eventType: "model", eventName: "func" }, () => tracer.enrichSpan({}))();\n');
});

it("asserts a `let` receiver set elsewhere inside logModel's callback (TypeScript narrows only a binding written where it is declared)", () => {
  const code = `import { HoneyHiveTracer } from "honeyhive";
let tracer: HoneyHiveTracer | undefined;
export async function start(): Promise<void> {
  tracer = await HoneyHiveTracer.init({ project: "p" });
}
export function step(question: string, backup: HoneyHiveTracer | undefined): void {
  tracer?.logModel({ inputs: { question } });
  backup?.logModel({ inputs: { question } });
}
`;
  const { output } = migrate(code, "/tmp/app/step.ts");
  expect(output).toContain('tracer?.trace({ eventType: "model", eventName: "func" }, () => tracer!.enrichSpan({ inputs: { question } }))();');
  expect(output).toContain('backup?.trace({ eventType: "model", eventName: "func" }, () => backup.enrichSpan({ inputs: { question } }))();');
});
