import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { loadFixtures } from "../fixtures/index.js";
import { onAnalysisError } from "./ast.js";
import { findEvaluateTracerBindings, getEvaluateModel } from "./evaluate.js";
import { findImplicitTracerUses } from "./implicit-tracer.js";
import { parseAnalysisInput } from "./parse-input.js";
import globalTracerRule from "../rules/no-global-tracer-with-evaluate.js";
import { lintWithRule } from "../rules/test-utils/fixture-lint.js";

const HEADER = `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
`;

function parse(code: string, filename = "scripts/eval.ts") {
  return parseAnalysisInput(code, filename);
}

/** Names of the functions evaluate() runs: declared name, variable name, method name, or `<inline>`. */
function runNames(code: string): string[] {
  const model = getEvaluateModel(parse(code));
  return [...model.runFunctions].map(nameOf).sort();
}

function nameOf(fn: TSESTree.Node): string {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  let current = fn.parent;
  while (current?.type === AST_NODE_TYPES.CallExpression) current = current.parent;
  if (current?.type === AST_NODE_TYPES.VariableDeclarator && current.id.type === AST_NODE_TYPES.Identifier) return current.id.name;
  if (current?.type === AST_NODE_TYPES.MethodDefinition && current.key.type === AST_NODE_TYPES.Identifier) return current.key.name;
  return "<inline>";
}

describe("getEvaluateModel", () => {
  it("follows the function by name, through trace(), and the helpers it calls", () => {
    const code = `${HEADER}
async function retrieve(q) { return q; }
function format(docs) { return docs; }
const generate = trace({ eventType: "llm" }, async function generate(q, docs) { return format(docs); });
const pipeline = trace(async (datapoint) => { const docs = await retrieve(datapoint.inputs.q); return generate(datapoint, docs); });
function unrelated() {}
await evaluate({ function: pipeline, dataset: [], name: "x" });`;
    expect(runNames(code)).toEqual(["format", "generate", "pipeline", "retrieve"]);
  });

  it("follows an inline arrow into a method of a local class instance, and .bind", () => {
    const code = `${HEADER}
class Rag {
  async run(dp) { return this.answer(dp); }
  answer(dp) { return dp; }
  other() {}
}
const rag = new Rag();
evaluate({ function: (dp) => rag.run(dp), dataset: [] });
evaluate({ function: rag.other.bind(rag), dataset: [] });`;
    expect(runNames(code)).toEqual(["<inline>", "answer", "other", "run"]);
  });

  it("reads the options through a variable declared in the file", () => {
    const code = `${HEADER}
async function classify(dp) { return dp; }
const experiment = { function: classify, dataset: [], name: "x" };
await evaluate(experiment);`;
    expect(runNames(code)).toEqual(["classify"]);
  });

  it("has no calls for an unused evaluate import or another library's evaluate", () => {
    expect(getEvaluateModel(parse(`${HEADER}const tracer = HoneyHiveTracer.init();`)).calls).toEqual([]);
    const other = `import { evaluate } from "mathjs";\nevaluate("1 + 1");`;
    expect(getEvaluateModel(parse(other)).calls).toEqual([]);
  });

  it("starts from the exports another module evaluates, when the project pre-pass names them", () => {
    const code = `import { HoneyHiveTracer, trace } from "honeyhive";
const tracer = HoneyHiveTracer.init();
function retrieve(q) { return [q]; }
export const answer = trace({ tracer }, async (datapoint) => retrieve(datapoint.q));
const grade = async () => 1;
export { grade as default };
exports.score = function score() {};
export function unrelated() {}
`;
    const input = { ...parse(code, "src/pipeline.ts"), evaluatedExports: ["answer", "default", "score"] };
    expect([...getEvaluateModel(input).runFunctions].map(nameOf).sort()).toEqual(["answer", "grade", "retrieve", "score"]);
    const findings = findEvaluateTracerBindings(input);
    expect(findings.bindings).toHaveLength(1);
    expect(findings.tracers.map((tracer) => [tracer.tracer.name, tracer.removable])).toEqual([["tracer", true]]);
    // One file alone (what ESLint sees) knows nothing of the other module's evaluate().
    expect(getEvaluateModel(parse(code, "src/pipeline.ts")).runFunctions.size).toBe(0);
  });

  it("records the caller of evaluate()", () => {
    const code = `${HEADER}async function main() { await evaluate({ function: (x) => x, dataset: [] }); }`;
    const [call] = getEvaluateModel(parse(code)).calls;
    expect(call?.caller?.type).toBe(AST_NODE_TYPES.FunctionDeclaration);
  });
});

describe("findEvaluateTracerBindings", () => {
  it("finds a module tracer bound to the evaluated function and to a helper, removable when nothing else uses it", () => {
    const code = `${HEADER}
const tracer = HoneyHiveTracer.init({ project: "p" });
const helper = trace({ eventType: "tool", tracer }, async (q) => q);
const pipeline = trace({ tracer }, async (dp) => helper(dp.inputs.q));
evaluate({ function: pipeline, dataset: [] });`;
    const input = parse(code);
    const findings = findEvaluateTracerBindings(input);
    expect(findings.bindings.map((binding) => input.text.slice(...binding.reportNode.range))).toEqual(["tracer", "tracer"]);
    expect(findings.tracers).toHaveLength(1);
    expect(findings.tracers[0]).toMatchObject({ removable: true, otherUses: [] });
    expect(findings.tracers[0]!.bindings).toHaveLength(2);
  });

  it("reports tracer.trace(...) at its callee and keeps a tracer that is used elsewhere", () => {
    const code = `${HEADER}
const tracer = HoneyHiveTracer.init();
const pipeline = tracer.trace({ eventName: "pipeline" }, async (dp) => dp);
export async function warmup() { await tracer.forceFlush(); }
evaluate({ function: pipeline, dataset: [] });`;
    const input = parse(code);
    const findings = findEvaluateTracerBindings(input);
    expect(findings.bindings.map((binding) => input.text.slice(...binding.reportNode.range))).toEqual(["tracer.trace"]);
    expect(findings.tracers[0]).toMatchObject({ removable: false });
    expect(findings.tracers[0]!.otherUses.map((id) => id.name)).toEqual(["tracer"]);
  });

  it("finds a tracer created in the function that calls evaluate(), and a decorated method", () => {
    const code = `${HEADER}
class Agent {
  @trace({ eventType: "chain", tracer: tracerRef })
  async run(dp) { return dp; }
}
let tracerRef;
async function main() {
  const tracer = HoneyHiveTracer.init();
  const agent = new Agent();
  await evaluate({ function: (dp) => agent.run(dp), dataset: [] });
}`;
    const input = parse(code);
    const findings = findEvaluateTracerBindings(input);
    expect(findings.tracers.map((entry) => entry.tracer.name)).toEqual(["tracer"]);
    expect(findings.tracers[0]!.removable).toBe(true);
  });

  it("keeps an exported tracer and ignores a tracer in a file without evaluate()", () => {
    const exported = `${HEADER}export const tracer = HoneyHiveTracer.init();\nevaluate({ function: (x) => x, dataset: [] });`;
    expect(findEvaluateTracerBindings(parse(exported)).tracers[0]).toMatchObject({ removable: false });
    const script = `${HEADER}const tracer = HoneyHiveTracer.init();\nconst f = trace({ tracer }, (x) => x);`;
    expect(findEvaluateTracerBindings(parse(script))).toEqual({ bindings: [], tracers: [] });
  });

  it("does not remove a declaration that declares other variables too", () => {
    const code = `${HEADER}const tracer = HoneyHiveTracer.init(), datasetName = "golden";
evaluate({ function: trace({ tracer }, async (dp) => dp), dataset: [], name: datasetName });`;
    const findings = findEvaluateTracerBindings(parse(code));
    expect(findings.bindings).toHaveLength(1);
    expect(findings.tracers[0]).toMatchObject({ removable: false, otherUses: [] });
  });

  it("represents a lazy tracer by its getter", () => {
    const code = `${HEADER}
let _tracer;
function getTracer() { if (!_tracer) _tracer = HoneyHiveTracer.init(); return _tracer; }
const pipeline = trace({ tracer: getTracer() }, async (dp) => dp);
evaluate({ function: pipeline, dataset: [] });`;
    const findings = findEvaluateTracerBindings(parse(code));
    expect(findings.tracers.map((entry) => [entry.tracer.name, entry.removable, entry.declarations.length])).toEqual([["getTracer", true, 2]]);
    expect(findings.bindings.map((binding) => binding.tracer.name)).toEqual(["getTracer"]);
  });
});

describe("findImplicitTracerUses", () => {
  it("finds implicit trace and enrichment with the one tracer to bind", () => {
    const code = `${HEADER}
const tracer = HoneyHiveTracer.init();
const step = trace({ eventType: "tool" }, async (x) => { enrichSpan({ metadata: { x } }); return x; });
const bound = trace({ tracer }, async (x) => x);`;
    const uses = findImplicitTracerUses(parse(code));
    expect(uses.map((use) => [use.kind, use.chosen?.text])).toEqual([
      ["trace", "tracer"],
      ["enrichSpan", "tracer"],
    ]);
  });

  it("offers every candidate when several tracers are in scope, and chooses none", () => {
    const code = `${HEADER}
const tracerA = HoneyHiveTracer.init({ project: "a" });
const tracerB = HoneyHiveTracer.init({ project: "b" });
const step = trace(async (x) => x);`;
    const [use] = findImplicitTracerUses(parse(code));
    expect(use?.candidates.map((candidate) => candidate.text)).toEqual(["tracerA", "tracerB"]);
    expect(use?.chosen).toBeUndefined();
  });

  it("lets the codemod drop tracers it removed and add code evaluated from other modules", () => {
    const code = `${HEADER}
const tracerA = HoneyHiveTracer.init({ project: "a" });
const tracerB = HoneyHiveTracer.init({ project: "b" });
export const pipeline = trace(async (dp) => dp);
export const report = trace(async (x) => x);`;
    const input = parse(code);
    const [pipelineUse, reportUse] = findImplicitTracerUses(input);
    expect(reportUse?.candidates).toHaveLength(2);
    const tracerA = pipelineUse!.candidates[0]!.tracer.variable!;
    const uses = findImplicitTracerUses(input, {
      removedTracers: new Set([tracerA]),
      isEvaluated: (node) => node === pipelineUse!.node,
    });
    expect(uses.map((use) => [input.text.slice(...use.node.range), use.chosen?.text])).toEqual([["trace(async (x) => x)", "tracerB"]]);
    // The cached answer without options is unchanged.
    expect(findImplicitTracerUses(input)).toHaveLength(2);
  });

  it("skips code evaluate() runs and files without a tracer", () => {
    const evaluated = `${HEADER}
const tracer = HoneyHiveTracer.init();
export const other = trace(async (x) => x);
const pipeline = trace(async (dp) => { enrichSpan({}); return dp; });
evaluate({ function: pipeline, dataset: [] });`;
    const input = parse(evaluated);
    expect(findImplicitTracerUses(input).map((use) => input.text.slice(...use.node.range))).toEqual(["trace(async (x) => x)"]);
    expect(findImplicitTracerUses(parse(`${HEADER}const f = trace(async (x) => x);`))).toEqual([]);
  });
});

describe("the analysis core on every fixture file", () => {
  it("swallows no error (an unexpected shape would silently disable every rule on that file)", () => {
    const swallowed: unknown[] = [];
    onAnalysisError((error) => swallowed.push(error));
    try {
      for (const fixture of loadFixtures()) {
        for (const text of [fixture.before, fixture.after]) {
          const input = parseAnalysisInput(text, fixture.filename);
          findEvaluateTracerBindings(input);
          findImplicitTracerUses(input);
        }
      }
    } finally {
      onAnalysisError(undefined);
    }
    expect(swallowed).toEqual([]);
  });
});

describe("a tracer whose only use is in evaluated code", () => {
  it("serves only evaluated code when its one use is tracer.enrichSpan() inside the evaluated function (not removable)", () => {
    const code = `${HEADER}
const tracer = HoneyHiveTracer.init({ project: "p" });
async function pipeline(dp) {
  tracer.enrichSpan({ metadata: { id: dp.id } });
  return dp;
}
await evaluate({ function: pipeline, dataset: [], name: "x" });`;
    const conflicting = findEvaluateTracerBindings(parse(code)).tracers[0]!;
    expect(conflicting).toMatchObject({ removable: false, servesOnlyEvaluatedCode: true, sessionCallsInEvaluatedCode: [] });
    expect(conflicting.usesInEvaluatedCode.map((id) => id.name)).toEqual(["tracer"]);
    // The rule reports it where it is created, as its page says, and offers no removal.
    const messages = lintWithRule("no-global-tracer-with-evaluate", globalTracerRule, code, "scripts/eval.ts");
    expect(messages.map((message) => [message.messageId, message.line, message.suggestions ?? []])).toEqual([["tracerNextToEvaluate", 4, []]]);
  });

  it("does not when other code uses it too, or when it is exported", () => {
    const used = `${HEADER}
const tracer = HoneyHiveTracer.init();
async function pipeline(dp) { tracer.enrichSpan({}); return dp; }
await evaluate({ function: pipeline, dataset: [] });
await tracer.forceFlush();`;
    expect(findEvaluateTracerBindings(parse(used)).tracers[0]).toMatchObject({ servesOnlyEvaluatedCode: false });
    const exported = `${HEADER}export const tracer = HoneyHiveTracer.init();\nawait evaluate({ function: (dp) => { tracer.enrichSpan({}); return dp; }, dataset: [] });`;
    expect(findEvaluateTracerBindings(parse(exported)).tracers[0]).toMatchObject({ servesOnlyEvaluatedCode: false });
  });
});
