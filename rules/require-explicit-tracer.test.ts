import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { useTempProjects } from "../analysis/test-utils/temp-projects.js";
import { runTransforms } from "../codemods/engine/engine.js";
import rule, { RULE_NAME } from "./require-explicit-tracer.js";
import { configForRule, describeFixtureTruth } from "./test-utils/fixture-lint.js";
import { createRuleTester, testableRule } from "./test-utils/rule-tester.js";

const ruleTester = createRuleTester();
const testedRule = testableRule(rule);

const IMPORTS = `import { HoneyHiveTracer, trace, enrichSpan, enrichSession } from "honeyhive";\n`;
const IMPORTS_1X = `import { HoneyHiveTracer, traceChain, traceTool, traceModel, traceFunction } from "honeyhive";\n`;

const GETTER_LOCAL = `import { HoneyHiveTracer, trace } from "honeyhive";
let cached;
function getTracer() {
  cached ??= HoneyHiveTracer.init();
  return cached;
}
export async function run(input) {
  const tracer = getTracer();
  const step = trace({ eventType: "tool" }, async () => input);
  return step();
}`;

// Code the rule accepts; the codemod must leave it byte-identical too (one truth for both faces).
const VALID: string[] = [
  // Explicit bindings.
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
const step = trace({ eventType: "tool", tracer }, async (x) => x);
const other = tracer.trace({ eventName: "other" }, async (x) => x);
tracer.enrichSpan({ metadata: {} });`,
  // No tracer of its own: the file relies on evaluate() or a default tracer; nothing to bind.
  `${IMPORTS}export const step = trace(async (x) => { enrichSpan({}); return x; });`,
  // Inside code evaluate() runs, the implicit tracer is the recommended pattern.
  `${IMPORTS}import { evaluate } from "honeyhive/experiments";
const tracer = HoneyHiveTracer.init();
await tracer.forceFlush();
const pipeline = trace({ eventType: "chain" }, async (dp) => { enrichSpan({ metadata: dp }); return dp; });
await evaluate({ function: pipeline, dataset: [], name: "run" });`,
  // OpenTelemetry's trace and a local helper are not the SDK's.
  `import { trace } from "@opentelemetry/api";
import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init();
trace.getTracer("svc");`,
  `import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init();
function trace(fn) { return fn; }
function enrichSpan(x) { return x; }
const step = trace(() => enrichSpan(1));`,
  // Options that cannot be read statically may already carry the tracer (known false negative).
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
const options = { tracer };
const step = trace(options, async (x) => x);
const spread = trace({ ...options }, async (x) => x);`,
  // Options whose keys are not all plain may bring a tracer no property names: `__proto__: base` makes
  // `base` their prototype (appending `tracer` would switch tracers), and a computed key may be `tracer`.
  `${IMPORTS}const tracer = HoneyHiveTracer.init({ project: "p" });
const base = { tracer: HoneyHiveTracer.init({ project: "q" }) };
const options = { __proto__: base, eventName: "x" };
export const held = trace(options, async (x) => x);
export const inline = trace({ "__proto__": base, eventName: "y" }, async (x) => x);`,
  `${IMPORTS}const tracer = HoneyHiveTracer.init({ project: "p" });
const other = HoneyHiveTracer.init({ project: "q" });
const k = "tracer";
const options = { [k]: other };
export const held = trace(options, async (x) => x);
export const inline = trace({ [k]: other, eventName: "y" }, async (x) => x);`,
  // A typed tracer parameter is the tracer of its function only: elsewhere the file has none of its own.
  `import type { HoneyHiveTracer } from "honeyhive";
import { trace } from "honeyhive";
export function instrument(tracer: HoneyHiveTracer) { return tracer.provider; }
export const helper = trace(async (x) => x);`,
  // A shadowing parameter named like the SDK function.
  `${IMPORTS}const tracer = HoneyHiveTracer.init();
function wrap(trace) { return trace(async (x) => x); }`,

  // honeyhive 1.x: the tracer's own wrappers are explicit.
  `${IMPORTS_1X}const tracer = await HoneyHiveTracer.init();
const a = tracer.traceChain(async (x) => x);
const b = tracer.traceFunction({ eventType: "tool" })(async (x) => x);`,
  // 1.x free wrappers inside tracer.trace(fn): they find that tracer's session in the context.
  `${IMPORTS_1X}const tracer = await HoneyHiveTracer.init();
await tracer.trace(async () => {
  const step = traceChain(async (x) => x);
  await step(1);
});`,
  // gaps-rules-7: 1.x's free enrichSpan() / enrichSession() (and the static HoneyHiveTracer.enrichSpan())
  // inside tracer.trace(fn) find that session in the context too, as the wrappers beside them.
  `import { HoneyHiveTracer, traceChain, enrichSpan, enrichSession } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
await tracer.trace(async () => {
  const step = traceChain(async (x) => x);
  enrichSession({ metadata: { run: "nightly" } });
  enrichSpan({ metrics: { steps: 1 } });
  HoneyHiveTracer.enrichSpan({ metrics: { steps: 2 } });
  await step(1);
});`,
  `import { HoneyHiveTracer, enrichSession } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
async function main() { await enrichSession({ metadata: { run: "nightly" } }); }
await tracer.trace(main);`,
  // …also when the wrapper is declared outside and only called inside it (and through another wrapper).
  `${IMPORTS_1X}const tracer = await HoneyHiveTracer.init();
const lookup = traceTool(async (id) => id);
const answer = traceChain(async (q) => lookup(q));
async function main() { return answer("q"); }
await tracer.trace(main);`,
  // A 1.x file without a tracer of its own or imported: a library module whose wrappers its callers
  // run inside their tracer.trace(); known false negative when a caller does not.
  `import { traceModel } from "honeyhive";
export const complete = traceModel(async (prompt) => prompt);`,
  // A local traceChain, and another library's wrappers of the same names.
  `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
function traceChain(fn) { return fn; }
export const f = traceChain(async (x) => x);`,
  // …and a parameter shadowing the imported one.
  `${IMPORTS_1X}const tracer = await HoneyHiveTracer.init();
export function build(traceChain) { return traceChain(async (x) => x); }`,
  `import { traceable } from "langsmith/traceable";
import { observe } from "@langfuse/tracing";
import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
export const f = traceable(async (x) => x, { name: "f" });
export const g = observe(async (x) => x);`,
  // Look-alikes of 1.x's static HoneyHiveTracer.enrichSpan(): the tracer's own method, a local class of
  // the same name, and another library's static of the same name.
  `${IMPORTS_1X}const tracer = await HoneyHiveTracer.init();
tracer.enrichSpan({ metrics: { n: 1 } });`,
  `import { HoneyHiveTracer as Hh } from "honeyhive";
const tracer = await Hh.init();
class HoneyHiveTracer { static enrichSpan(fields) { return fields; } }
HoneyHiveTracer.enrichSpan({ metrics: { n: 1 } });`,
  `import { HoneyHiveTracer } from "honeyhive";
import { Tracer } from "other-tracing";
const tracer = await HoneyHiveTracer.init();
Tracer.enrichSpan({ metrics: { n: 1 } });`,
  // The 1.x REST client is not a tracer.
  `import { HoneyHive, traceChain } from "honeyhive";
const sdk = new HoneyHive({ bearerAuth: "k" });
await sdk.session.startSession({ session: { project: "p" } });`,
];

ruleTester.run(RULE_NAME, testedRule, {
  valid: VALID,
  invalid: [
    {
      // `__proto__` as a shorthand or a computed key, and a computed literal key, are plain own properties.
      code: `${IMPORTS}const tracer = HoneyHiveTracer.init();
const __proto__ = {};
const options = { __proto__, ["eventName"]: "x" };
export const held = trace(options, async (x) => x);
export const inline = trace({ ["__proto__"]: {}, eventName: "y" }, async (x) => x);`,
      output: `${IMPORTS}const tracer = HoneyHiveTracer.init();
const __proto__ = {};
const options = { __proto__, ["eventName"]: "x", tracer };
export const held = trace(options, async (x) => x);
export const inline = trace({ ["__proto__"]: {}, eventName: "y", tracer }, async (x) => x);`,
      errors: [{ messageId: "implicitTrace" }, { messageId: "implicitTrace" }],
    },
    {
      // honeyhive 1.x free wrappers: the tracer's own method, and their import goes with the last call.
      code: `import { HoneyHiveTracer, traceChain, traceFunction } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
const a = traceChain(async (x) => x, { eventName: "a" });
const b = traceFunction({ eventType: "tool" })(async (x) => x);`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
const a = tracer.traceChain(async (x) => x, { eventName: "a" });
const b = tracer.traceFunction({ eventType: "tool" })(async (x) => x);`,
      errors: [
        { messageId: "implicitWrapper1x", data: { tracers: "`tracer`", name: "traceChain" }, line: 3, column: 11, suggestions: [] },
        { messageId: "implicitWrapper1x", data: { tracers: "`tracer`", name: "traceFunction" }, line: 4, column: 11, suggestions: [] },
      ],
    },
    {
      // gaps-rules-7: a 1.x free enrichSession() outside tracer.trace(fn) has no session in the context: reported,
      // the one inside is not (the import stays for it).
      code: `import { HoneyHiveTracer, enrichSession } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
await tracer.trace(async () => {
  await enrichSession({ metadata: { step: "inside" } });
});
await enrichSession({ metadata: { step: "outside" } });`,
      output: `import { HoneyHiveTracer, enrichSession } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
await tracer.trace(async () => {
  await enrichSession({ metadata: { step: "inside" } });
});
await tracer.enrichSession({ metadata: { step: "outside" } });`,
      errors: [{ messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSession" }, line: 6, column: 7 }],
    },
    {
      // 1.x's static HoneyHiveTracer.enrichSpan() is the free enrichSpan() (it enriches whatever span is
      // active): the tracer's own method, as migrate --from 1 writes; the class import stays.
      code: `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
export const retrieve = tracer.traceFunction({ eventType: "tool" })(async function retrieve(q) {
  HoneyHiveTracer.enrichSpan({ metrics: { docs: 1 } });
  return [q];
});`,
      output: `import { HoneyHiveTracer } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
export const retrieve = tracer.traceFunction({ eventType: "tool" })(async function retrieve(q) {
  tracer.enrichSpan({ metrics: { docs: 1 } });
  return [q];
});`,
      errors: [
        { messageId: "implicitStaticEnrichment1x", data: { tracers: "`tracer`", name: "enrichSpan", callee: "HoneyHiveTracer.enrichSpan" }, line: 4, column: 3, suggestions: [] },
      ],
    },
    {
      // …through a namespace import and a renamed class; with two tracers, one suggestion each.
      code: `import * as hh from "honeyhive";
const a = await hh.HoneyHiveTracer.init({ project: "a" });
const b = await hh.HoneyHiveTracer.init({ project: "b" });
hh.HoneyHiveTracer.enrichSpan({ metadata: { k: "v" } });`,
      output: null,
      errors: [
        {
          messageId: "implicitStaticEnrichment1x",
          data: { tracers: "`a` or `b`", name: "enrichSpan", callee: "hh.HoneyHiveTracer.enrichSpan" },
          suggestions: [
            { messageId: "callOnTracer", data: { tracer: "a", name: "enrichSpan" }, output: `import * as hh from "honeyhive";
const a = await hh.HoneyHiveTracer.init({ project: "a" });
const b = await hh.HoneyHiveTracer.init({ project: "b" });
a.enrichSpan({ metadata: { k: "v" } });` },
            { messageId: "callOnTracer", data: { tracer: "b", name: "enrichSpan" }, output: `import * as hh from "honeyhive";
const a = await hh.HoneyHiveTracer.init({ project: "a" });
const b = await hh.HoneyHiveTracer.init({ project: "b" });
b.enrichSpan({ metadata: { k: "v" } });` },
          ],
        },
      ],
    },
    {
      // Namespace import; the wrapper is called outside the tracer.trace() that exists.
      code: `import * as hh from "honeyhive";
const tracer = await hh.HoneyHiveTracer.init();
const step = hh.traceModel(async (x) => x);
await step(1);
await tracer.trace(async () => 1);`,
      output: `import * as hh from "honeyhive";
const tracer = await hh.HoneyHiveTracer.init();
const step = tracer.traceModel(async (x) => x);
await step(1);
await tracer.trace(async () => 1);`,
      errors: [{ messageId: "implicitWrapper1x", data: { tracers: "`tracer`", name: "traceModel" } }],
    },
    {
      // The tracer lives in the project's module behind an async 1.x getter: named, not written.
      code: `import { traceChain } from "honeyhive";
import { getTracer } from "./lib/tracing";
export const f = traceChain(async (x) => x);
export async function flush() { await (await getTracer()).flush(); }`,
      output: null,
      errors: [{ messageId: "implicitWrapper1x", data: { tracers: "the tracer `await getTracer()` resolves to", name: "traceChain" }, suggestions: [] }],
    },
    {
      // A module that keeps the 1.x init promise: nothing writable at module level.
      code: `import { HoneyHiveTracer, traceTool } from "honeyhive";
const tracerPromise = HoneyHiveTracer.init();
export const f = traceTool(async (x) => x);
export async function done() { const tracer = await tracerPromise; await tracer.flush(); }`,
      output: null,
      errors: [{ messageId: "implicitWrapper1x", data: { tracers: "none is in scope here; pass one in or declare it first", name: "traceTool" }, suggestions: [] }],
    },
    {
      // \`const tracer = getTracer()\` names the getter's tracer: one tracer, fixed with the local (issue 13).
      code: GETTER_LOCAL,
      output: GETTER_LOCAL.replace('trace({ eventType: "tool" }', 'trace({ eventType: "tool", tracer }'),
      errors: [{ messageId: "implicitTrace", data: { tracers: "\`tracer\`", name: "trace" }, line: 9, suggestions: [] }],
    },
    {
      code: `${IMPORTS}const tracer = HoneyHiveTracer.init();
const step = trace(async (x) => x);`,
      output: `${IMPORTS}const tracer = HoneyHiveTracer.init();
const step = trace({ tracer }, async (x) => x);`,
      errors: [{ messageId: "implicitTrace", data: { tracers: "`tracer`", name: "trace" }, line: 3, column: 14, endLine: 3, endColumn: 35 }],
    },
    {
      // Existing options: the property goes last, in the object's style (trailing comma, own line).
      code: `${IMPORTS}const hhTracer = HoneyHiveTracer.init();
const a = trace({ eventType: "tool" }, (x) => x);
const b = trace({ eventType: "tool", }, (x) => x);
const c = trace({}, (x) => x);
const d = trace(
  {
    eventType: "llm",
    eventName: "generate",
  },
  (x) => x,
);`,
      output: `${IMPORTS}const hhTracer = HoneyHiveTracer.init();
const a = trace({ eventType: "tool", tracer: hhTracer }, (x) => x);
const b = trace({ eventType: "tool", tracer: hhTracer, }, (x) => x);
const c = trace({ tracer: hhTracer }, (x) => x);
const d = trace(
  {
    eventType: "llm",
    eventName: "generate",
    tracer: hhTracer,
  },
  (x) => x,
);`,
      errors: [
        { messageId: "implicitTrace", line: 3 },
        { messageId: "implicitTrace", line: 4 },
        { messageId: "implicitTrace", line: 5 },
        { messageId: "implicitTrace", line: 6 },
      ],
    },
    {
      // Decorators: `@trace()` and bare `@trace`; comments stay.
      code: `${IMPORTS}const tracer = HoneyHiveTracer.init();
class Agent {
  @trace() // the planner
  plan() {}
  @trace
  act() {}
}`,
      output: `${IMPORTS}const tracer = HoneyHiveTracer.init();
class Agent {
  @trace({ tracer }) // the planner
  plan() {}
  @trace({ tracer })
  act() {}
}`,
      errors: [
        { messageId: "implicitTrace", line: 4, column: 3, endColumn: 11 },
        { messageId: "implicitTrace", line: 6, column: 3, endColumn: 9 },
      ],
    },
    {
      code: `${IMPORTS}const tracer = HoneyHiveTracer.init();
export async function handle(input) {
  enrichSpan({ metadata: { size: input.length } });
  enrichSession({ outputs: { ok: true } });
}`,
      // Both global functions go from the import with their last call (issue 11: no unused import left).
      output: `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init();
export async function handle(input) {
  tracer.enrichSpan({ metadata: { size: input.length } });
  tracer.enrichSession({ outputs: { ok: true } });
}`,
      errors: [
        { messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSpan" }, line: 4, column: 3 },
        { messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSession" }, line: 5, column: 3 },
      ],
    },
    {
      // Two tracers: no fix, one suggestion per tracer.
      code: `${IMPORTS}const tracerA = HoneyHiveTracer.init({ project: "a" });
const tracerB = HoneyHiveTracer.init({ project: "b" });
const step = trace(async (x) => x);`,
      output: null,
      errors: [
        {
          messageId: "implicitTrace",
          data: { tracers: "`tracerA` or `tracerB`", name: "trace" },
          line: 4,
          suggestions: [
            {
              messageId: "bindTracer",
              data: { tracer: "tracerA", name: "trace" },
              output: `${IMPORTS}const tracerA = HoneyHiveTracer.init({ project: "a" });
const tracerB = HoneyHiveTracer.init({ project: "b" });
const step = trace({ tracer: tracerA }, async (x) => x);`,
            },
            {
              messageId: "bindTracer",
              data: { tracer: "tracerB", name: "trace" },
              output: `${IMPORTS}const tracerA = HoneyHiveTracer.init({ project: "a" });
const tracerB = HoneyHiveTracer.init({ project: "b" });
const step = trace({ tracer: tracerB }, async (x) => x);`,
            },
          ],
        },
      ],
    },
    {
      // Lazy getter: fixed inside functions (runs later), only suggested at load time (eager init).
      code: `${IMPORTS}let _tracer;
function getTracer() {
  if (!_tracer) _tracer = HoneyHiveTracer.init();
  return _tracer;
}
const step = trace(async (x) => x);
export function handler() { enrichSpan({}); }`,
      output: `import { HoneyHiveTracer, trace, enrichSession } from "honeyhive";
let _tracer;
function getTracer() {
  if (!_tracer) _tracer = HoneyHiveTracer.init();
  return _tracer;
}
const step = trace(async (x) => x);
export function handler() { getTracer().enrichSpan({}); }`,
      errors: [
        {
          messageId: "implicitTrace",
          line: 7,
          suggestions: [
            {
              messageId: "bindTracer",
              data: { tracer: "getTracer()", name: "trace" },
              output: `${IMPORTS}let _tracer;
function getTracer() {
  if (!_tracer) _tracer = HoneyHiveTracer.init();
  return _tracer;
}
const step = trace({ tracer: getTracer() }, async (x) => x);
export function handler() { enrichSpan({}); }`,
            },
          ],
        },
        { messageId: "implicitEnrichment", line: 8 },
      ],
    },
    {
      // A tracer used before its declaration at load time is in its temporal dead zone: report, no fix.
      code: `${IMPORTS}const early = trace(async (x) => x);
const tracer = HoneyHiveTracer.init();`,
      output: null,
      errors: [{ messageId: "implicitTrace", data: { tracers: "none is in scope here; pass one in or declare it first", name: "trace" }, line: 2, suggestions: [] }],
    },
    {
      // A tracer imported from a project module that cannot be read (no file here): its name is a
      // guess, so the binding is a suggestion (with the module's facts it is the fix, below).
      code: `import { trace } from "honeyhive";
import { tracer } from "./tracing";
export const step = trace(async (x) => x);`,
      output: null,
      errors: [
        {
          messageId: "implicitTrace",
          line: 3,
          suggestions: [
            {
              messageId: "bindTracer",
              data: { tracer: "tracer" },
              output: `import { trace } from "honeyhive";
import { tracer } from "./tracing";
export const step = trace({ tracer }, async (x) => x);`,
            },
          ],
        },
      ],
    },
    {
      // A field initializer runs before the fields below it: \`this.tracer\` is still undefined there (TS2729).
      code: `import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  run = trace(async (goal: string) => goal);
  private readonly tracer = HoneyHiveTracer.init({ project: "p" });
}`,
      output: null,
      errors: [
        {
          messageId: "implicitTrace",
          line: 3,
          suggestions: [
            {
              messageId: "bindTracer",
              output: `import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  run = trace({ tracer: this.tracer }, async (goal: string) => goal);
  private readonly tracer = HoneyHiveTracer.init({ project: "p" });
}`,
            },
          ],
        },
      ],
    },
    {
      // Field initializers run before the constructor body that assigns the tracer.
      code: `import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  private readonly tracer: HoneyHiveTracer;
  run = trace(async (goal: string) => goal);
  constructor() {
    this.tracer = HoneyHiveTracer.init({ project: "p" });
  }
}`,
      output: null,
      errors: [
        {
          messageId: "implicitTrace",
          line: 4,
          suggestions: [
            {
              messageId: "bindTracer",
              output: `import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  private readonly tracer: HoneyHiveTracer;
  run = trace({ tracer: this.tracer }, async (goal: string) => goal);
  constructor() {
    this.tracer = HoneyHiveTracer.init({ project: "p" });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A field below the tracer field, and a call deferred into an arrow, see it set: the fix.
      code: `import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  private readonly tracer = HoneyHiveTracer.init({ project: "p" });
  run = trace(async (goal: string) => goal);
  later = () => trace(async () => 1);
}`,
      output: `import { HoneyHiveTracer, trace } from "honeyhive";
export class Agent {
  private readonly tracer = HoneyHiveTracer.init({ project: "p" });
  run = trace({ tracer: this.tracer }, async (goal: string) => goal);
  later = () => trace({ tracer: this.tracer }, async () => 1);
}`,
      errors: [{ messageId: "implicitTrace", line: 4 }, { messageId: "implicitTrace", line: 5 }],
    },
    {
      // CommonJS: destructured require and `require("honeyhive").HoneyHiveTracer`.
      filename: "worker.cjs",
      code: `const { trace, enrichSpan: addToSpan } = require("honeyhive");
const HoneyHiveTracer = require("honeyhive").HoneyHiveTracer;
const tracer = HoneyHiveTracer.init();
const job = trace(function job(input) { addToSpan({ input }); });
module.exports = { job };`,
      // Two passes: the enrichment fix (the call and its import) spans the `trace` call's fix.
      output: [
        `const { trace } = require("honeyhive");
const HoneyHiveTracer = require("honeyhive").HoneyHiveTracer;
const tracer = HoneyHiveTracer.init();
const job = trace(function job(input) { tracer.enrichSpan({ input }); });
module.exports = { job };`,
        `const { trace } = require("honeyhive");
const HoneyHiveTracer = require("honeyhive").HoneyHiveTracer;
const tracer = HoneyHiveTracer.init();
const job = trace({ tracer }, function job(input) { tracer.enrichSpan({ input }); });
module.exports = { job };`,
      ],
      errors: [
        { messageId: "implicitTrace", line: 4 },
        { messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSpan" }, line: 4 },
      ],
    },
    {
      // Namespace and default imports; .mts file.
      filename: "job.mts",
      code: `import * as hh from "honeyhive";
import honeyhive from "honeyhive";
const tracer = hh.HoneyHiveTracer.init();
export const a = hh.trace(async () => honeyhive.enrichSession({ ok: true }));`,
      output: `import * as hh from "honeyhive";
import honeyhive from "honeyhive";
const tracer = hh.HoneyHiveTracer.init();
export const a = hh.trace({ tracer }, async () => tracer.enrichSession({ ok: true }));`,
      errors: [{ messageId: "implicitTrace" }, { messageId: "implicitEnrichment" }],
    },
    {
      // TypeScript's CommonJS import form in a .cts file.
      filename: "worker.cts",
      code: `import hh = require("honeyhive");
const tracer = hh.HoneyHiveTracer.init();
export const job = hh.trace({ eventName: "job" }, async () => hh.enrichSpan({ ok: true }));`,
      output: `import hh = require("honeyhive");
const tracer = hh.HoneyHiveTracer.init();
export const job = hh.trace({ eventName: "job", tracer }, async () => tracer.enrichSpan({ ok: true }));`,
      errors: [
        { messageId: "implicitTrace", data: { tracers: "`tracer`", name: "trace" }, line: 3, column: 20 },
        { messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSpan" }, line: 3, column: 63 },
      ],
    },
    {
      // A parameter typed with the SDK's class is the tracer of its function.
      code: `import type { HoneyHiveTracer } from "honeyhive";
import { enrichSpan } from "honeyhive";
export function score(answer: string, tracer: HoneyHiveTracer) {
  enrichSpan({ metrics: { length: answer.length } });
}`,
      output: `import type { HoneyHiveTracer } from "honeyhive";
export function score(answer: string, tracer: HoneyHiveTracer) {
  tracer.enrichSpan({ metrics: { length: answer.length } });
}`,
      errors: [{ messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSpan" }, line: 4, column: 3 }],
    },
    {
      // A settings module that re-exports the SDK and exports the project's tracer.
      settings: { honeyhive: { modules: ["@acme/observability"] } },
      code: `import { trace, appTracer } from "@acme/observability";
export const step = trace({ eventType: "tool" }, async (x) => x);`,
      output: `import { trace, appTracer } from "@acme/observability";
export const step = trace({ eventType: "tool", tracer: appTracer }, async (x) => x);`,
      errors: [{ messageId: "implicitTrace", data: { tracers: "`appTracer`", name: "trace" }, line: 2, column: 21 }],
    },
    {
      // A class member tracer is used inside methods; .tsx file.
      filename: "agent.tsx",
      code: `import { HoneyHiveTracer, enrichSpan } from "honeyhive";
export class Agent {
  private tracer = HoneyHiveTracer.init();
  render() { enrichSpan({ ui: true }); return <div />; }
}`,
      output: `import { HoneyHiveTracer } from "honeyhive";
export class Agent {
  private tracer = HoneyHiveTracer.init();
  render() { this.tracer.enrichSpan({ ui: true }); return <div />; }
}`,
      errors: [{ messageId: "implicitEnrichment", data: { tracers: "`this.tracer`", name: "enrichSpan" } }],
    },
  ],
});

describeFixtureTruth(RULE_NAME, rule);

describe(`${RULE_NAME}: the codemod on code the rule accepts`, () => {
  it.each(VALID.map((code, index) => [index, code] as const))("valid case %i stays byte-identical", (_index, code) => {
    const result = runTransforms(code, "src/accepted.ts", { transforms: ["explicit-tracer"] });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(code);
  });
});

describe("the codemod binds the same local tracer", () => {
  it("const tracer = getTracer(): the local, not a second getter call", () => {
    expect(runTransforms(GETTER_LOCAL, "src/run.ts", { transforms: ["explicit-tracer"] }).output).toBe(
      GETTER_LOCAL.replace('trace({ eventType: "tool" }', 'trace({ eventType: "tool", tracer }'),
    );
  });
});

describe("eslint --fix with no-unused-vars (issue 11)", () => {
  it("leaves no unused enrichSpan / enrichSession import behind", () => {
    const code = `import { HoneyHiveTracer, enrichSpan, enrichSession } from "honeyhive";
const tracer = HoneyHiveTracer.init();
export async function handle(input) {
  enrichSpan({ metadata: { size: input.length } });
  enrichSession({ outputs: { ok: true } });
  enrichSpan({ metadata: { done: true } });
}
`;
    const config = [
      ...configForRule(RULE_NAME, rule),
      { files: ["**/*.ts"], rules: { "no-unused-vars": "error" as const } },
    ];
    const result = new Linter({ configType: "flat" }).verifyAndFix(code, config, { filename: "src/handle.ts" });
    expect(result.messages).toEqual([]);
    expect(result.output).toBe(`import { HoneyHiveTracer } from "honeyhive";
const tracer = HoneyHiveTracer.init();
export async function handle(input) {
  tracer.enrichSpan({ metadata: { size: input.length } });
  tracer.enrichSession({ outputs: { ok: true } });
  tracer.enrichSpan({ metadata: { done: true } });
}
`);
  });
});

describe("a tracer imported from a project module: fixed only when the module's facts say HoneyHive", () => {
  const makeProject = useTempProjects("explicit-tracer-imported");
  const HANDLER = `import { Hono } from "hono";
import { enrichSpan } from "honeyhive";
import { getTracer } from "./tracing";
const app = new Hono();
app.post("/c", async (c) => { enrichSpan({ metadata: { path: c.req.path } }); return c.text("ok"); });
`;
  const lint = (tracing: string) => {
    const root = makeProject({ "src/tracing.ts": tracing, "src/app.ts": HANDLER });
    const filename = join(root, "src/app.ts");
    // The project lies outside this repository: the Linter must take it as its working directory.
    const linter = new Linter({ configType: "flat", cwd: root });
    const config = configForRule(RULE_NAME, rule);
    return { messages: linter.verify(HANDLER, config, { filename }), fixed: linter.verifyAndFix(HANDLER, config, { filename }).output };
  };

  it("an OpenTelemetry getter named getTracer: not a tracer of the file's (its module makes no HoneyHive tracer), so nothing to report", () => {
    const { messages, fixed } = lint(`import { trace } from "@opentelemetry/api";\nexport const getTracer = () => trace.getTracer("app");\n`);
    expect(fixed).toBe(HANDLER);
    expect(messages).toEqual([]);
  });

  it("a caching getter of a HoneyHive tracer: the fix calls it", () => {
    const { fixed, messages } = lint(
      `import { HoneyHiveTracer } from "honeyhive";\nlet tracer: HoneyHiveTracer | undefined;\nexport function getTracer(): HoneyHiveTracer {\n  tracer ??= HoneyHiveTracer.init({ project: "p" });\n  return tracer;\n}\n`,
    );
    expect(messages.map((message) => message.ruleId)).toEqual([`honeyhive/${RULE_NAME}`]);
    expect(fixed).toContain("getTracer().enrichSpan({ metadata");
    expect(fixed).not.toContain(`import { enrichSpan }`);
  });
});

describe("Deno npm: specifiers", () => {
  it.each(["npm:honeyhive", "npm:honeyhive@2", "npm:honeyhive@^2.0.0"])("%s is the SDK: reported and fixed", (specifier) => {
    const code = `import { HoneyHiveTracer, trace } from "${specifier}";\nconst tracer = HoneyHiveTracer.init({ project: "p" });\nexport const step = trace(async (x: number) => x);\n`;
    const linter = new Linter({ configType: "flat" });
    const config = configForRule(RULE_NAME, rule);
    expect(linter.verify(code, config, { filename: "main.ts" }).map((message) => message.messageId)).toEqual(["implicitTrace"]);
    expect(linter.verifyAndFix(code, config, { filename: "main.ts" }).output).toContain("trace({ tracer }, async (x: number) => x)");
  });
});

// fix-blind10: the file's tracer is a member of a project module it holds whole or imports as a holder.
const HELD_PROJECT = useTempProjects("explicit-held-tracer", "all")({
  "package.json": `{ "name": "app", "private": true }\n`,
  "src/tracing.js": `const hh = require("honeyhive");\n\nexports.tracer = hh.HoneyHiveTracer.init({ project: "p" });\n`,
  "src/named.ts": `import { HoneyHiveTracer } from "honeyhive";\n\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\n`,
  "src/otel.js": `const { trace } = require("@opentelemetry/api");\n\nexports.tracer = trace.getTracer("app");\n`,
});
const heldTraceIn = (binding: string) =>
  `import { trace } from "honeyhive";\n${binding}\n\nexport const summarize = trace(async (text: string) => text.slice(0, 80));\nexport const flush = () => tracing.tracer.forceFlush();\n`;
ruleTester.run(`${RULE_NAME} (a tracer held by a project module)`, testedRule, {
  valid: [
    // The module's `tracer` is OpenTelemetry's: the file has no HoneyHive tracer of its own.
    { code: heldTraceIn(`const tracing = require("./otel");`), filename: join(HELD_PROJECT, "src/summarize.ts") },
    // A member the file reassigns may hold anything: not taken for the module's tracer.
    { code: `${heldTraceIn(`const tracing = require("./tracing");`)}export function swap(other: never) {\n  tracing.tracer = other;\n}\n`, filename: join(HELD_PROJECT, "src/summarize.ts") },
    // Bound already.
    { code: heldTraceIn(`import * as tracing from "./named";`).replace("trace(async", "trace({ tracer: tracing.tracer }, async"), filename: join(HELD_PROJECT, "src/summarize.ts") },
  ],
  invalid: [
    {
      code: heldTraceIn(`const tracing = require("./tracing");`),
      filename: join(HELD_PROJECT, "src/summarize.ts"),
      output: heldTraceIn(`const tracing = require("./tracing");`).replace("trace(async", "trace({ tracer: tracing.tracer }, async"),
      errors: [{ messageId: "implicitTrace", data: { tracers: "`tracing.tracer`" } }],
    },
    {
      code: heldTraceIn(`import * as tracing from "./named";`),
      filename: join(HELD_PROJECT, "src/summarize.ts"),
      output: heldTraceIn(`import * as tracing from "./named";`).replace("trace(async", "trace({ tracer: tracing.tracer }, async"),
      errors: [{ messageId: "implicitTrace", data: { tracers: "`tracing.tracer`" } }],
    },
  ],
});

// fix-blind10: JavaScript parameters typed as the tracer by JSDoc count as TypeScript-annotated ones do.
const JSDOC_STEP = (tag: string, head = `const { enrichSpan } = require("honeyhive");\n`) =>
  `${head}\n/** ${tag} */\nfunction makeStep(tracer) {\n  return tracer.trace({ eventType: "tool" }, async (text) => {\n    enrichSpan({ metadata: { length: text.length } });\n    return text;\n  });\n}\nmodule.exports = { makeStep };\n`;
const JSDOC_FIXED = (tag: string, head?: string) => JSDOC_STEP(tag, head).replace("    enrichSpan({", "    tracer.enrichSpan({").replace(`const { enrichSpan } = require("honeyhive");\n\n`, "");
ruleTester.run(`${RULE_NAME} (JSDoc-typed tracer parameters)`, testedRule, {
  valid: [
    // Another library's tracer type, a local class of the same name, a JSDoc type in a TypeScript file (not read).
    { code: JSDOC_STEP(`@param {import("dd-trace").Tracer} tracer`), filename: "src/step.js" },
    { code: JSDOC_STEP(`@param {HoneyHiveTracer} tracer`, `const { enrichSpan } = require("honeyhive");\nclass HoneyHiveTracer {}\n`), filename: "src/step.js" },
    { code: JSDOC_STEP(`@param {import("honeyhive").HoneyHiveTracer} tracer`), filename: "src/step.ts" },
  ],
  invalid: [
    {
      code: JSDOC_STEP(`@param {import("honeyhive").HoneyHiveTracer} tracer`),
      filename: "src/step.js",
      output: JSDOC_FIXED(`@param {import("honeyhive").HoneyHiveTracer} tracer`),
      errors: [{ messageId: "implicitEnrichment", data: { tracers: "`tracer`", name: "enrichSpan" } }],
    },
    {
      // `HoneyHiveTracer` bound by the file's require of the SDK.
      code: JSDOC_STEP(`@param {HoneyHiveTracer} tracer`, `const { enrichSpan, HoneyHiveTracer } = require("honeyhive");\n`),
      filename: "src/step.js",
      output: JSDOC_STEP(`@param {HoneyHiveTracer} tracer`, `const { HoneyHiveTracer } = require("honeyhive");\n`).replace("    enrichSpan({", "    tracer.enrichSpan({"),
      errors: [{ messageId: "implicitEnrichment" }],
    },
  ],
});
