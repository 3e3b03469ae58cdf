import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./no-global-tracer-with-evaluate.js";
import { loadFixtures } from "../fixtures/index.js";
import noSessionStartInHandler from "./no-session-start-in-handler.js";
import requireExplicitTracer from "./require-explicit-tracer.js";
import requireForceFlushInLambda from "./require-force-flush-in-lambda.js";
import { configForRule, describeFixtureTruth, describeLintMessages, lintWithRule } from "./test-utils/fixture-lint.js";
import { type AnyRule, lintCase } from "./test-utils/blind-cases.js";
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
  // A tracer in a parameter's default (review-migrate3 finding 12) lives in that function, not next to the
  // module's evaluate(): a class's parameter property, a module function's unused parameter. Removing
  // either would change a signature (the suggestion deleted the constructor, or the whole function).
  `${IMPORTS}class Worker {
  constructor(protected tracer = HoneyHiveTracer.init({ project: "b" })) {}
  async done() { await this.tracer.forceFlush(); }
}
export const worker = new Worker();
await evaluate({ function: async (dp) => dp, dataset: [] });`,
  `${IMPORTS}function warm(tracer = HoneyHiveTracer.init({ project: "b" })) { return 1; }
warm();
await evaluate({ function: async (dp) => dp, dataset: [] });`,
  // An exported tracer serves other modules.
  `${IMPORTS}export const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => dp, dataset: [] });`,
  // enrichSpan() on the file tracer enriches the active span (the datapoint's), whichever tracer made it.
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
await tracer.forceFlush();
await evaluate({ function: async (dp) => { tracer.enrichSpan({ metadata: { id: dp.id } }); return dp; }, dataset: [] });`,
  // The file tracer's session calls outside evaluated code are the script's own business.
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
tracer.enrichSession({ metadata: { run: "nightly" } });
await evaluate({ function: async (dp) => dp, dataset: [] });`,
  // A tracer handed in as a parameter is the caller's choice.
  `${IMPORTS}import type { HoneyHiveTracer as Tracer } from "honeyhive";
export async function run(tracer: Tracer) {
  await evaluate({ function: async (dp) => { tracer.enrichSession({}); return dp; }, dataset: [] });
}`,
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
  // honeyhive 1.x: evaluate() from the root with the free wrapper (the datapoint's tracer, through the context).
  `import { evaluate, traceFunction } from "honeyhive";
const run = traceFunction({ eventType: "chain" })(async (inputs) => inputs);
await evaluate({ evaluationFunction: run, hh_project: "p", name: "x" });`,
  // A 1.x tracer used elsewhere, not bound to the evaluated function (and still flushed).
  `import { HoneyHiveTracer, evaluate } from "honeyhive";
const tracer = await HoneyHiveTracer.init({ project: "p" });
const warm = tracer.traceTool(async () => 1);
await warm();
await evaluate({ function: async (inputs) => inputs, project: "p", name: "x" });
await tracer.flush();`,
  // Another library's evaluate() with a honeyhive tracer around: not the SDK's evaluate.
  `import { evaluate } from "langsmith/evaluation";
import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
await evaluate(tracer.traceChain(async (x) => x), { data: "ds" });`,
  // A local evaluate() and a local traceTool.
  `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
function evaluate(options) { return options.function(); }
await evaluate({ function: tracer.traceTool(async () => 1) });`,
];

const ENRICH_IN_EVALUATED = `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { tracer.enrichSession({ metadata: {} }); return dp; }, dataset: [], name: "x" });`;

// Two `tracer.trace(…)` bindings: `trace` is free at the first, a parameter of the evaluated function at the second.
const TRACE_PARAMETER_NEXT_TO_FREE_TRACE = `${IMPORTS}const tracer = HoneyHiveTracer.init();
const first = tracer.trace({ eventType: "chain" }, async (dp) => dp);
await evaluate({ function: first, dataset: [] });
await evaluate({ function: async (dp, trace) => tracer.trace({ eventName: trace }, async () => dp)(), dataset: [] });`;

const TRACING_MODULE_SETTINGS = { honeyhive: { modules: ["@/lib/tracing"] } };

/**
 * One `tracer.enrichSession(…)` in evaluated code, on the last line of `code`: reported, with the
 * useImplicitEnrichSession suggestion giving `output`, or no suggestion when `output` is undefined.
 */
function enrichSessionCase(code: string, output: string | undefined, options: { readonly filename?: string; readonly settings?: Record<string, unknown> } = {}) {
  const suggestions = output === undefined ? [] : [{ messageId: "useImplicitEnrichSession" as const, output }];
  return { code, ...options, errors: [{ messageId: "tracerUsedInEvaluated" as const, line: code.split("\n").length, suggestions }] };
}

/**
 * A tracer initialized on line `lines.init` of `code` and bound to evaluated code by the
 * `tracer.trace(…)` on line `lines.binding`: the binding report offers "Remove the explicit tracer
 * binding" giving `withoutBinding`, both reports "Remove tracer" giving `withoutTracer`; a suggestion
 * whose output is undefined is not offered.
 */
function traceCalleeCase(
  code: string,
  lines: { readonly init: number; readonly binding: number },
  outputs: { readonly withoutBinding?: string; readonly withoutTracer?: string },
  filename?: string,
) {
  const data = { tracer: "tracer" };
  const removeTracer = outputs.withoutTracer === undefined ? [] : [{ messageId: "removeTracer" as const, data, output: outputs.withoutTracer }];
  const removeBinding = outputs.withoutBinding === undefined ? [] : [{ messageId: "removeBinding" as const, data, output: outputs.withoutBinding }];
  return {
    code,
    ...(filename === undefined ? {} : { filename }),
    errors: [
      { messageId: "tracerNextToEvaluate" as const, data, line: lines.init, suggestions: removeTracer },
      { messageId: "tracerBoundToEvaluated" as const, data, line: lines.binding, suggestions: [...removeBinding, ...removeTracer] },
    ],
  };
}

ruleTester.run(RULE_NAME, testedRule, {
  valid: VALID,
  invalid: [
    // The traced function is also another framework's task (Braintrust's Eval, which evaluate() does not run):
    // the binding is reported without a fix (those calls need the tracer), and the tracer's init is not
    // reported as serving evaluate() only. A traced function evaluate() alone uses keeps both findings and the
    // removeTracer suggestion (the traceCalleeCase cases below).
    {
      code: `${IMPORTS}import { Eval } from "braintrust";
const tracer = HoneyHiveTracer.init({ project: "b" });
const reverse = trace({ tracer }, async (text) => text);
Eval("x", { data: () => [], task: reverse, scores: [] });
await evaluate({ function: reverse, dataset: [] });`,
      errors: [{ messageId: "tracerBoundToEvaluated", data: { tracer: "tracer" }, line: 5, suggestions: [] }],
    },
    // A parameter's default bound into evaluated code in that function: the binding goes, the parameter
    // stays (no removeTracer suggestion: it would change the function's signature).
    {
      code: `${IMPORTS}async function main(tracer = HoneyHiveTracer.init({ project: "b" })) {
  await evaluate({ function: trace({ tracer }, async (dp) => dp), dataset: [] });
}`,
      errors: [
        { messageId: "tracerNextToEvaluate", data: { tracer: "tracer" }, line: 3, column: 30, suggestions: [] },
        {
          messageId: "tracerBoundToEvaluated",
          data: { tracer: "tracer" },
          line: 4,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `${IMPORTS}async function main(tracer = HoneyHiveTracer.init({ project: "b" })) {
  await evaluate({ function: trace(async (dp) => dp), dataset: [] });
}`,
            },
          ],
        },
      ],
    },
    // honeyhive 1.x: a module tracer bound through traceFunction()(fn) into evaluate()'s evaluationFunction.
    {
      code: `import { HoneyHiveTracer, evaluate } from "honeyhive";
const tracer = await HoneyHiveTracer.init({ project: "p" });
async function run(inputs) { return inputs; }
await evaluate({ evaluationFunction: tracer.traceFunction({ eventType: "chain" })(run), hh_project: "p", name: "x" });`,
      errors: [
        {
          messageId: "tracerNextToEvaluate",
          data: { tracer: "tracer" },
          line: 2,
          suggestions: [
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: `import { evaluate, traceFunction } from "honeyhive";
async function run(inputs) { return inputs; }
await evaluate({ evaluationFunction: traceFunction({ eventType: "chain" })(run), hh_project: "p", name: "x" });`,
            },
          ],
        },
        {
          messageId: "tracerBoundToEvaluated",
          data: { tracer: "tracer" },
          line: 4,
          column: 38,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `import { HoneyHiveTracer, evaluate, traceFunction } from "honeyhive";
const tracer = await HoneyHiveTracer.init({ project: "p" });
async function run(inputs) { return inputs; }
await evaluate({ evaluationFunction: traceFunction({ eventType: "chain" })(run), hh_project: "p", name: "x" });`,
            },
            {
              messageId: "removeTracer",
              data: { tracer: "tracer" },
              output: `import { evaluate, traceFunction } from "honeyhive";
async function run(inputs) { return inputs; }
await evaluate({ evaluationFunction: traceFunction({ eventType: "chain" })(run), hh_project: "p", name: "x" });`,
            },
          ],
        },
      ],
    },
    // 1.x: tracer.traceTool(fn) held in a const and passed by name; the tracer is flushed later (kept).
    {
      code: `import { HoneyHiveTracer, evaluate } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
const retrieve = tracer.traceTool(async (inputs) => inputs, { eventName: "retrieve" });
await evaluate({ function: retrieve, project: "p", name: "x" });
await tracer.flush();`,
      errors: [
        {
          messageId: "tracerBoundToEvaluated",
          data: { tracer: "tracer" },
          line: 3,
          suggestions: [
            {
              messageId: "removeBinding",
              data: { tracer: "tracer" },
              output: `import { HoneyHiveTracer, evaluate, traceTool } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
const retrieve = traceTool(async (inputs) => inputs, { eventName: "retrieve" });
await evaluate({ function: retrieve, project: "p", name: "x" });
await tracer.flush();`,
            },
          ],
        },
      ],
    },
    // 1.x: tracer.trace(fn) inside the evaluated function runs it in the file tracer's session (no fix),
    // and tracer.startSession() there acts on that session too.
    {
      code: `import { HoneyHiveTracer, evaluate } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
await evaluate({ function: async (inputs) => tracer.trace(async () => { await tracer.startSession(); return inputs; }), name: "x" });
await tracer.flush();`,
      errors: [
        { messageId: "tracerBoundToEvaluated", data: { tracer: "tracer" }, line: 3, suggestions: [] },
        { messageId: "tracerUsedInEvaluated", data: { tracer: "tracer", method: "startSession" }, line: 3, suggestions: [] },
      ],
    },
    // The file's tracer used (not bound) inside the evaluated function: its session, not the datapoint's.
    {
      code: ENRICH_IN_EVALUATED,
      errors: [
        {
          messageId: "tracerUsedInEvaluated",
          data: { tracer: "tracer", method: "enrichSession" },
          line: 4,
          column: 51,
          endColumn: 64,
          suggestions: [
            {
              messageId: "useImplicitEnrichSession",
              output: `import { HoneyHiveTracer, enrichSession } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { enrichSession({ metadata: {} }); return dp; }, dataset: [], name: "x" });`,
            },
          ],
        },
      ],
    },
    // startSpan / createSession / sessionStart in a function evaluate() runs by name, enrichSession already imported (renamed)
    {
      code: `import { HoneyHiveTracer, enrichSession as enrich } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function pipeline(dp) {
  tracer.sessionStart();
  await tracer.createSession();
  tracer.enrichSession({ metadata: { step: 1 } });
  return tracer.startSpan("answer", () => dp.inputs);
}
await evaluate({ function: pipeline, dataset: [] });`,
      errors: [
        { messageId: "tracerUsedInEvaluated", data: { tracer: "tracer", method: "sessionStart" }, line: 5, column: 10, suggestions: [] },
        { messageId: "tracerUsedInEvaluated", data: { tracer: "tracer", method: "createSession" }, line: 6, column: 16, suggestions: [] },
        {
          messageId: "tracerUsedInEvaluated",
          data: { tracer: "tracer", method: "enrichSession" },
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: "useImplicitEnrichSession",
              output: `import { HoneyHiveTracer, enrichSession as enrich } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init({ project: "p" });
async function pipeline(dp) {
  tracer.sessionStart();
  await tracer.createSession();
  enrich({ metadata: { step: 1 } });
  return tracer.startSpan("answer", () => dp.inputs);
}
await evaluate({ function: pipeline, dataset: [] });`,
            },
          ],
        },
        { messageId: "tracerUsedInEvaluated", data: { tracer: "tracer", method: "startSpan" }, line: 8, column: 17, suggestions: [] },
      ],
    },
    // a lazy getter in CommonJS, the SDK required as an object: written through it
    {
      code: `const hh = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
let cached;
function getTracer() { return (cached ??= hh.HoneyHiveTracer.init()); }
evaluate({ function: async (dp) => { getTracer().enrichSession({}); return dp; }, dataset: [] });`,
      filename: "eval.cjs",
      errors: [
        {
          messageId: "tracerUsedInEvaluated",
          data: { tracer: "getTracer()", method: "enrichSession" },
          line: 5,
          suggestions: [
            {
              messageId: "useImplicitEnrichSession",
              output: `const hh = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
let cached;
function getTracer() { return (cached ??= hh.HoneyHiveTracer.init()); }
evaluate({ function: async (dp) => { hh.enrichSession({}); return dp; }, dataset: [] });`,
            },
          ],
        },
      ],
    },
    // CommonJS with a destructured require: enrichSession is added to it
    enrichSessionCase(
      `const { HoneyHiveTracer } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const tracer = HoneyHiveTracer.init();
evaluate({ function: async (dp) => { tracer.enrichSession({}); return dp; }, dataset: [] });`,
      `const { HoneyHiveTracer, enrichSession } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const tracer = HoneyHiveTracer.init();
evaluate({ function: async (dp) => { enrichSession({}); return dp; }, dataset: [] });`,
      { filename: "eval.cjs" },
    ),
    // The SDK through a module that re-exports it (settings.honeyhive.modules): named import, namespace import
    enrichSessionCase(
      `import { HoneyHiveTracer } from "@/lib/tracing";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { tracer.enrichSession({}); return dp; }, dataset: [] });`,
      `import { HoneyHiveTracer, enrichSession } from "@/lib/tracing";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { enrichSession({}); return dp; }, dataset: [] });`,
      { settings: TRACING_MODULE_SETTINGS },
    ),
    enrichSessionCase(
      `import * as obs from "@/lib/tracing";
import { evaluate } from "honeyhive/experiments";
const tracer = obs.HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { tracer.enrichSession({}); return dp; }, dataset: [] });`,
      `import * as obs from "@/lib/tracing";
import { evaluate } from "honeyhive/experiments";
const tracer = obs.HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { obs.enrichSession({}); return dp; }, dataset: [] });`,
      { settings: TRACING_MODULE_SETTINGS },
    ),
    // A default import (the whole module to the SDK model): enrichSession is imported by name next to it,
    // as the codemods add SDK names; the SDK's ESM build has named exports only.
    enrichSessionCase(
      `import hh from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = hh.HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { tracer.enrichSession({}); return dp; }, dataset: [] });`,
      `import hh, { enrichSession } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = hh.HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { enrichSession({}); return dp; }, dataset: [] });`,
    ),
    // No suggestion where `enrichSession` would mean something else at the call: another one in
    // scope (a local function, a parameter), or the SDK namespace shadowed there.
    enrichSessionCase(
      `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
function enrichSession(metadata) { return metadata; }
await evaluate({ function: async (dp) => { tracer.enrichSession({}); return enrichSession(dp); }, dataset: [] });`,
      undefined,
    ),
    enrichSessionCase(
      `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp, enrichSession) => { tracer.enrichSession({}); return dp; }, dataset: [] });`,
      undefined,
    ),
    enrichSessionCase(
      `import * as hh from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = hh.HoneyHiveTracer.init();
await evaluate({ function: async (hh) => { tracer.enrichSession({}); return hh; }, dataset: [] });`,
      undefined,
    ),
    // No import of the SDK to add the name to: a new import statement is left to the author.
    enrichSessionCase(
      `const tracer = require("honeyhive").HoneyHiveTracer.init();
const { evaluate } = require("honeyhive/experiments");
evaluate({ function: async (dp) => { tracer.enrichSession({}); return dp; }, dataset: [] });`,
      undefined,
      { filename: "eval.cjs" },
    ),
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
    // `tracer.trace(…)` → the SDK's `trace`, written as the codemod writes it (SdkImports.useAt): only
    // where that text means the SDK's `trace` at the call.
    //
    // A parameter named `trace` inside the evaluated function: `trace(…)` there would call the
    // parameter. No suggestion for that binding: the fix needs the SDK's trace under a new name, the
    // author's choice (the codemod leaves a review marker). No "Remove tracer" either: the call keeps
    // using the tracer, so deleting it would leave `tracer` undefined there.
    traceCalleeCase(
      `${IMPORTS}const tracer = HoneyHiveTracer.init();
await evaluate({
  function: async (dp, trace) => {
    const inner = tracer.trace({ eventName: trace }, async () => dp);
    return inner();
  },
  dataset: [],
});`,
      { init: 3, binding: 6 },
      {},
    ),
    {
      // The same parameter next to a binding where `trace` is free: that one is still rewritten; the
      // tracer stays (no "Remove tracer") because the shadowed call still uses it.
      code: TRACE_PARAMETER_NEXT_TO_FREE_TRACE,
      errors: [
        { messageId: "tracerNextToEvaluate", line: 3, suggestions: [] },
        {
          messageId: "tracerBoundToEvaluated",
          line: 4,
          suggestions: [
            { messageId: "removeBinding", data: { tracer: "tracer" }, output: TRACE_PARAMETER_NEXT_TO_FREE_TRACE.replace("first = tracer.trace(", "first = trace(") },
          ],
        },
        { messageId: "tracerBoundToEvaluated", line: 6, column: 49, endColumn: 61, suggestions: [] },
      ],
    },
    // A local `function trace` at module level; the SDK's trace imported as `hhTrace`: written as `hhTrace`.
    traceCalleeCase(
      `import { HoneyHiveTracer, trace as hhTrace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
function trace(message) { console.log(message); }
const tracer = HoneyHiveTracer.init();
const step = tracer.trace({ eventType: "chain" }, async (dp) => { trace(dp.q); return dp.q; });
await evaluate({ function: step, dataset: [] });`,
      { init: 4, binding: 5 },
      {
        withoutBinding: `import { HoneyHiveTracer, trace as hhTrace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
function trace(message) { console.log(message); }
const tracer = HoneyHiveTracer.init();
const step = hhTrace({ eventType: "chain" }, async (dp) => { trace(dp.q); return dp.q; });
await evaluate({ function: step, dataset: [] });`,
        withoutTracer: `import { trace as hhTrace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
function trace(message) { console.log(message); }
const step = hhTrace({ eventType: "chain" }, async (dp) => { trace(dp.q); return dp.q; });
await evaluate({ function: step, dataset: [] });`,
      },
    ),
    // A local `function trace` and the SDK's trace not imported: adding `trace` would clash, no suggestion.
    traceCalleeCase(
      `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
function trace(message) { console.log(message); }
const tracer = HoneyHiveTracer.init();
const step = tracer.trace({ eventType: "chain" }, async (dp) => { trace(dp.q); return dp.q; });
await evaluate({ function: step, dataset: [] });`,
      { init: 4, binding: 5 },
      {},
    ),
    // The SDK namespace shadowed by a parameter `hh`: `hh.trace` would be the parameter's.
    traceCalleeCase(
      `import * as hh from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = hh.HoneyHiveTracer.init();
await evaluate({ function: async (dp, hh) => tracer.trace({ eventType: "chain" }, async () => [dp, hh])(), dataset: [] });`,
      { init: 3, binding: 4 },
      {},
    ),
    // The ordinary case with `trace` not imported yet: it is added to the SDK import, and where the
    // tracer goes, it takes the place of the `HoneyHiveTracer` import it leaves unused.
    traceCalleeCase(
      `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
const step = tracer.trace({ eventType: "chain" }, async (dp) => dp);
await evaluate({ function: step, dataset: [] });`,
      { init: 3, binding: 4 },
      {
        withoutBinding: `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
const step = trace({ eventType: "chain" }, async (dp) => dp);
await evaluate({ function: step, dataset: [] });`,
        withoutTracer: `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const step = trace({ eventType: "chain" }, async (dp) => dp);
await evaluate({ function: step, dataset: [] });`,
      },
    ),
    // No SDK import to add `trace` to: a `require` of it is added, as the codemod does (one fix for both).
    traceCalleeCase(
      `const tracer = require("honeyhive").HoneyHiveTracer.init();
const { evaluate } = require("honeyhive/experiments");
const step = tracer.trace({ eventType: "chain" }, async (dp) => dp);
evaluate({ function: step, dataset: [] });`,
      { init: 1, binding: 3 },
      {
        withoutBinding: `const tracer = require("honeyhive").HoneyHiveTracer.init();
const { trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const step = trace({ eventType: "chain" }, async (dp) => dp);
evaluate({ function: step, dataset: [] });`,
        withoutTracer: `const { trace } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const step = trace({ eventType: "chain" }, async (dp) => dp);
evaluate({ function: step, dataset: [] });`,
      },
      "eval.cjs",
    ),
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

describe(`${RULE_NAME}: a file tracer used inside evaluated code, with the other rules`, () => {
  const otherRules = [
    ["require-explicit-tracer", requireExplicitTracer],
    ["no-session-start-in-handler", noSessionStartInHandler],
    ["require-force-flush-in-lambda", requireForceFlushInLambda],
  ] as const;
  const fixture = loadFixtures(RULE_NAME).find((entry) => entry.id.endsWith("/tracer-used-inside-evaluated"))!;
  const implicitVersion = `import { HoneyHiveTracer, enrichSession } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await evaluate({ function: async (dp) => { enrichSession({ metadata: {} }); return dp; }, dataset: [], name: "x" });`;

  it.each([
    ["the fixture's before", () => fixture.before],
    ["the fixture's after (review marker)", () => fixture.after],
    ["the suggestion's output (implicit enrichSession in evaluated code)", () => implicitVersion],
  ])("no other rule reports %s (no ping-pong: nothing asks to bind the tracer back)", (_name, code) => {
    for (const [name, other] of otherRules) {
      expect(describeLintMessages(lintWithRule(name, other, code(), fixture.filename))).toBe("(none)");
    }
  });

  it("reports the marked use again after the codemod, until a person makes the call implicit", () => {
    expect(lintWithRule(RULE_NAME, rule, fixture.after, fixture.filename).map((message) => message.messageId)).toEqual(["tracerUsedInEvaluated"]);
  });

  it("after the suggestion, only the now-unused tracer is left to remove (the next step of the same rule)", () => {
    expect(lintWithRule(RULE_NAME, rule, implicitVersion, "src/eval.ts").map((message) => message.messageId)).toEqual(["tracerNextToEvaluate"]);
  });
});

describe("a tracer imported from a project module, used in code that evaluate() runs", () => {
  const makeProject = useTempProjects("evaluate-imported-tracer");
  const RUN = `import { evaluate } from "honeyhive/experiments";
import { tracer } from "./tracing";
async function run(dp) {
  tracer.enrichSession({ metadata: { q: dp.inputs.q } });
  return dp;
}
await evaluate({ name: "e", dataset: [], function: run });
await evaluate({ name: "f", dataset: [], function: async (dp) => tracer.startSpan("s", () => dp) });
`;
  const lint = (tracing: string) => {
    const root = makeProject({ "src/tracing.ts": tracing, "src/eval.ts": RUN });
    // The project lies outside this repository: the Linter must take it as its working directory.
    return new Linter({ configType: "flat", cwd: root }).verify(RUN, configForRule(RULE_NAME, rule), { filename: join(root, "src/eval.ts") });
  };

  it("is reported when the module exports a HoneyHive tracer (one session for every datapoint)", () => {
    const messages = lint(`import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\n`);
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([
      ["tracerUsedInEvaluated", 4],
      ["tracerUsedInEvaluated", 8],
    ]);
  });

  it("is not reported when the module's tracer is an OpenTelemetry one, or the module cannot be read", () => {
    expect(lint(`import { trace } from "@opentelemetry/api";\nexport const tracer = trace.getTracer("app");\n`)).toEqual([]);
    expect(lintWithRule(RULE_NAME, rule, RUN, "no-such-project/src/eval.ts")).toEqual([]);
  });
});

// gaps-rules-7: a tracer made inside the evaluated function is a new tracer per datapoint, not "this one
// tracer's session": the binding is worded as such (`tracerMadeInEvaluated`); one made next to evaluate() keeps
// the shared-session wording.
describe(`${RULE_NAME}: a tracer made inside the evaluated code`, () => {
  const made = (where: "inside" | "outside") =>
    `${IMPORTS}${where === "outside" ? 'const tracer = HoneyHiveTracer.init({ project: "b" });\n' : ""}await evaluate({
  function: async (datapoint) => {
${where === "inside" ? '    const tracer = HoneyHiveTracer.init({ project: "b" });\n' : ""}    return trace({ tracer }, async (x) => x)(datapoint);
  },
  dataset: [],
});`;
  it("inside: each datapoint records into a new tracer's session", () => {
    const messages = lintWithRule(RULE_NAME, rule, made("inside"), "src/eval.ts").filter((message) => message.messageId === "tracerMadeInEvaluated" || message.messageId === "tracerBoundToEvaluated");
    expect(messages.map((message) => message.messageId)).toEqual(["tracerMadeInEvaluated"]);
    expect(messages[0]!.message).toContain("each datapoint records into a new tracer's session");
    expect(messages[0]!.message).not.toContain("this one tracer's session");
  });
  it("outside: every datapoint records into this one tracer's session", () => {
    const messages = lintWithRule(RULE_NAME, rule, made("outside"), "src/eval.ts").filter((message) => message.messageId === "tracerMadeInEvaluated" || message.messageId === "tracerBoundToEvaluated");
    expect(messages.map((message) => message.messageId)).toEqual(["tracerBoundToEvaluated"]);
    expect(messages[0]!.message).toContain("this one tracer's session");
  });
});

// fix-blind11-flow: a tracer held by a class (`this.tracer` of a service made once with the tracer, a class field)
// whose session-bound method runs in code evaluate() runs, through a method of the file the evaluated function calls.
describe("fix-blind11-flow: class-held tracers in evaluated code", () => {
  const SERVICE = (field: string, made: string) => `${IMPORTS}class ChatService {
  ${field}
  async answer(q: string) {
    this.tracer.enrichSession({ metadata: { q } });
    return { a: q };
  }
}
const service = ${made};
await evaluate({ function: (datapoint: { inputs: { q: string } }) => service.answer(datapoint.inputs.q), dataset: [], name: "service" });
`;
  const messages = (code: string) => lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/eval.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`);
  it.each([
    SERVICE("constructor(private readonly tracer: HoneyHiveTracer) {}", "new ChatService(HoneyHiveTracer.init())"),
    SERVICE("readonly tracer = HoneyHiveTracer.init();", "new ChatService()"),
  ])("reported where the method enriches the session: %s", (code) => {
    expect(messages(code).map((message) => [message.messageId, message.line])).toEqual([["tracerUsedInEvaluated", 6]]);
  });
  it.each([
    // enrichSpan acts on the active span (the datapoint's): fine; a method evaluate() does not run; another library's tracer.
    SERVICE("constructor(private readonly tracer: HoneyHiveTracer) {}", "new ChatService(HoneyHiveTracer.init())").replace("enrichSession", "enrichSpan"),
    SERVICE("readonly tracer = HoneyHiveTracer.init();", "new ChatService()").replace("service.answer(datapoint.inputs.q)", "({ a: datapoint.inputs.q })"),
    SERVICE("readonly tracer = { enrichSession(_fields: object) {} };", "new ChatService()"),
  ])("quiet: %s", (code) => expect(messages(code)).toEqual([]));
});

// The lead, at the merge of fix-blind11-holders and fix-blind11-flow: the tracer a class keeps on its one instance
// (`Observability.instance.tracer`), enriched in the evaluated function itself. Look-alikes: the same holder keeping
// another library's object; enrichSpan (the datapoint's active span).
describe("a class singleton's tracer in evaluated code", () => {
  const SINGLETON = (field: string, call: string) => `${IMPORTS}class Observability {
  static readonly instance = new Observability();
  ${field}
}
await evaluate({
  function: async (datapoint: { inputs: { q: string } }) => {
    Observability.instance.tracer.${call}({ metadata: { q: datapoint.inputs.q } });
    return { a: datapoint.inputs.q };
  },
  dataset: [],
  name: "singleton",
});
`;
  const messages = (code: string) => lintCase(RULE_NAME, rule as unknown as AnyRule, { name: code, code, filename: "src/eval.ts" }).filter((message) => message.ruleId === `honeyhive/${RULE_NAME}`);
  it("reported where the evaluated function enriches the singleton's session", () => {
    expect(messages(SINGLETON("readonly tracer = HoneyHiveTracer.init();", "enrichSession")).map((message) => message.messageId)).toEqual(["tracerUsedInEvaluated"]);
  });
  it.each([
    SINGLETON("readonly tracer = { enrichSession(_fields: object) {} };", "enrichSession"),
    SINGLETON("readonly tracer = HoneyHiveTracer.init();", "enrichSpan"),
  ])("quiet: %s", (code) => expect(messages(code)).toEqual([]));
});
