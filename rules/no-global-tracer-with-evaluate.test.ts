import { describe, expect, it } from "vitest";
import { runTransforms } from "../codemods/engine.js";
import rule, { RULE_NAME } from "./no-global-tracer-with-evaluate.js";
import { describeFixtureTruth, describeNeverThrows } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const IMPORTS = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
`;

// Suggestion outputs shared by the binding report and the initialization report of one case.
const WITHOUT_MODULE_TRACER = `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const pipeline = trace({ eventType: "chain" }, async (dp) => dp.inputs);

await evaluate({ function: pipeline, dataset: [], name: "exp" });`;
const WITHOUT_TRACER_IN_MAIN = `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
async function main() {
  const pipeline = trace({ eventName: "pipeline" }, async (dp) => dp);
  await evaluate({ function: pipeline, dataset: [] });
}`;
const WITHOUT_DECORATED_TRACER = `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
class Agent {
  @trace({})
  async run(dp) { return dp; }
}
const agent = new Agent();
await evaluate({ function: (dp) => agent.run(dp), dataset: [] });`;
const WITHOUT_LAZY_TRACER = `import * as hh from "honeyhive";
import { evaluate as runExperiment } from "honeyhive/experiments";
const pipeline = hh.trace({ eventType: "chain" }, async (dp) => dp);
await runExperiment({ function: pipeline, dataset: [] });`;
const WITHOUT_JS_TRACER = `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const lookup = trace(async (q) => [q]);
async function run(dp) { return { docs: await lookup(dp.inputs.q) }; }
const experiment = { function: run, dataset: [], name: "lookup" };
export default evaluate(experiment);`;

// Code the rule accepts; the codemod must leave it byte-identical too (one truth for both faces).
const VALID: string[] = [
  // The script pattern: a module-level tracer in a file without evaluate().
  `${IMPORTS.split("\n")[0]}
const tracer = HoneyHiveTracer.init({ project: "p" });
export const step = trace({ eventType: "tool", tracer }, async (x) => x);`,
  // An unused evaluate import is not an evaluate() run.
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
export const step = trace({ tracer }, async (x) => x);`,
  // The recommended pattern: no tracer, implicit trace() inside the evaluated function.
  `${IMPORTS}const pipeline = trace({ eventType: "chain" }, async (dp) => dp.inputs);
await evaluate({ function: pipeline, dataset: [], name: "rag" });`,
  // A tracer other code uses (and that is not bound to evaluated code) stays the author's business.
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
const warmup = trace({ tracer }, async () => "ok");
await warmup();
await evaluate({ function: async (dp) => dp, dataset: [] });
await tracer.forceFlush();`,
  // An exported tracer serves other modules.
  `${IMPORTS}export const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => dp, dataset: [] });`,
  // Another library's evaluate and OpenTelemetry's trace are not the SDK's.
  `import { evaluate } from "mathjs";
import { trace } from "@opentelemetry/api";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init();
const otel = trace.getTracer("svc");
evaluate("1 + 1");`,
  // A local `evaluate` helper shadows nothing of the SDK.
  `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init();
function evaluate(options) { return options.function(1); }
evaluate({ function: trace({ tracer }, (x) => x) });`,
];

ruleTester.run(RULE_NAME, testedRule, {
  valid: VALID,
  invalid: [
    {
      code: `${IMPORTS}
const tracer = HoneyHiveTracer.init({ project: "rag" });

const pipeline = trace({ eventType: "chain", tracer }, async (dp) => dp.inputs);

await evaluate({ function: pipeline, dataset: [], name: "exp" });`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "tracer" },
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_MODULE_TRACER,
            },
          ],
        },
        {
          messageId: "tracerBoundToEvaluated",
          data: { tracer: "tracer" },
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 52,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `${IMPORTS}
const tracer = HoneyHiveTracer.init({ project: "rag" });

const pipeline = trace({ eventType: "chain" }, async (dp) => dp.inputs);

await evaluate({ function: pipeline, dataset: [], name: "exp" });`,
            },
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_MODULE_TRACER,
            },
          ],
        },
      ],
    },
    {
      // `tracer.trace(...)` on the evaluated function, a tracer created in main() next to evaluate().
      code: `${IMPORTS}async function main() {
  const tracer = HoneyHiveTracer.init();
  const pipeline = tracer.trace({ eventName: "pipeline" }, async (dp) => dp);
  await evaluate({ function: pipeline, dataset: [] });
}`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "tracer" },
          line: 4,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_TRACER_IN_MAIN,
            },
          ],
        },
        {
          messageId: "tracerBoundToEvaluated",
          line: 5,
          column: 20,
          endColumn: 32,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `${IMPORTS}async function main() {
  const tracer = HoneyHiveTracer.init();
  const pipeline = trace({ eventName: "pipeline" }, async (dp) => dp);
  await evaluate({ function: pipeline, dataset: [] });
}`,
            },
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_TRACER_IN_MAIN,
            },
          ],
        },
      ],
    },
    {
      // The only option: `trace({ tracer }, fn)` → `trace(fn)`; a helper the evaluated function calls.
      code: `${IMPORTS}const tracer = HoneyHiveTracer.init();
const retrieve = trace({ tracer }, async (q) => [q]);
export async function answer(dp) { return retrieve(dp.inputs.query); }
await evaluate({ function: answer, dataset: [] });
await tracer.forceFlush();`,
      errors: [
        {
          messageId: "tracerBoundToEvaluated",
          line: 4,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `${IMPORTS}const tracer = HoneyHiveTracer.init();
const retrieve = trace(async (q) => [q]);
export async function answer(dp) { return retrieve(dp.inputs.query); }
await evaluate({ function: answer, dataset: [] });
await tracer.forceFlush();`,
            },
          ],
        },
      ],
    },
    {
      // A decorated method run through an instance; the decorator keeps an options object.
      code: `${IMPORTS}const tracer = HoneyHiveTracer.init();
class Agent {
  @trace({ tracer })
  async run(dp) { return dp; }
}
const agent = new Agent();
await evaluate({ function: (dp) => agent.run(dp), dataset: [] });`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "tracer" },
          line: 3,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_DECORATED_TRACER,
            },
          ],
        },
        {
          messageId: "tracerBoundToEvaluated",
          line: 5,
          column: 12,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `${IMPORTS}const tracer = HoneyHiveTracer.init();
class Agent {
  @trace({})
  async run(dp) { return dp; }
}
const agent = new Agent();
await evaluate({ function: (dp) => agent.run(dp), dataset: [] });`,
            },
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_DECORATED_TRACER,
            },
          ],
        },
      ],
    },
    {
      // Plain JavaScript; evaluate() options declared in a const; a helper traced with the tracer.
      filename: "experiment.js",
      code: `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
const lookup = trace({ tracer }, async (q) => [q]);
async function run(dp) { return { docs: await lookup(dp.inputs.q) }; }
const experiment = { function: run, dataset: [], name: "lookup" };
export default evaluate(experiment);`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "tracer" },
          line: 3,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_JS_TRACER,
            },
          ],
        },
        {
          messageId: "tracerBoundToEvaluated",
          data: { tracer: "tracer" },
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
const lookup = trace(async (q) => [q]);
async function run(dp) { return { docs: await lookup(dp.inputs.q) }; }
const experiment = { function: run, dataset: [], name: "lookup" };
export default evaluate(experiment);`,
            },
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: WITHOUT_JS_TRACER,
            },
          ],
        },
      ],
    },
    {
      // CommonJS with destructured and member requires; an unbound tracer next to evaluate().
      filename: "eval.cjs",
      code: `const HoneyHiveTracer = require("honeyhive").HoneyHiveTracer;
const { evaluate } = require("honeyhive/experiments");
const tracer = HoneyHiveTracer.init();
evaluate({ function: async (dp) => dp, dataset: [] });`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "tracer" },
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: `const HoneyHiveTracer = require("honeyhive").HoneyHiveTracer;
const { evaluate } = require("honeyhive/experiments");
evaluate({ function: async (dp) => dp, dataset: [] });`,
            },
          ],
        },
      ],
    },
    {
      // Renamed and namespace imports; a lazy getter bound through `tracer: getTracer()`.
      filename: "eval.mts",
      code: `import * as hh from "honeyhive";
import { evaluate as runExperiment } from "honeyhive/experiments";
let cached;
function getTracer() { return (cached ??= hh.HoneyHiveTracer.init()); }
const pipeline = hh.trace({ eventType: "chain", tracer: getTracer() }, async (dp) => dp);
await runExperiment({ function: pipeline, dataset: [] });`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "getTracer" },
          line: 4,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "getTracer" },
              output: WITHOUT_LAZY_TRACER,
            },
          ],
        },
        {
          messageId: "tracerBoundToEvaluated",
          data: { tracer: "getTracer" },
          line: 5,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "getTracer" },
              output: `import * as hh from "honeyhive";
import { evaluate as runExperiment } from "honeyhive/experiments";
let cached;
function getTracer() { return (cached ??= hh.HoneyHiveTracer.init()); }
const pipeline = hh.trace({ eventType: "chain" }, async (dp) => dp);
await runExperiment({ function: pipeline, dataset: [] });`,
            },
            {
              messageId: "removeTracer",
              data: { tracer: "getTracer" },
              output: WITHOUT_LAZY_TRACER,
            },
          ],
        },
      ],
    },
  ],
});

describeFixtureTruth(RULE_NAME, rule);

describe(`${RULE_NAME}: the codemod on code the rule accepts`, () => {
  it.each(VALID.map((code, index) => [index, code] as const))("valid case %i stays byte-identical", (_index, code) => {
    const result = runTransforms(code, "src/accepted.ts", { transforms: ["evaluate-managed-tracer"] });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(code);
  });
});

describeNeverThrows(RULE_NAME, rule);
