import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTransforms, type RunTransformsOptions } from "../engine/engine.js";
import { useTempProjects } from "../../analysis/test-utils/temp-projects.js";
import { ALL_TRANSFORM_IDS, TRANSFORM_1X_IDS, TRANSFORM_IDS } from "./ids.js";

const run = (code: string, filename = "scripts/eval.ts", options: RunTransformsOptions = {}) =>
  runTransforms(code, filename, { transforms: ["evaluate-managed-tracer"], ...options });

describe("evaluate-managed-tracer", () => {
  it("drops trace({ tracer }, fn) to trace(fn) and an evaluated method's @trace({ tracer }) to @trace({})", () => {
    const before = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ project: "evals" });

class Pipeline {
  @trace({ tracer })
  async run(datapoint: { q: string }) {
    return datapoint.q;
  }
}

const pipeline = new Pipeline();
const step = trace({ tracer }, async (datapoint: { q: string }) => pipeline.run(datapoint));

await evaluate({ function: step, dataset: [], name: "exp" });
`;
    expect(run(before).output).toBe(`import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

class Pipeline {
  @trace({})
  async run(datapoint: { q: string }) {
    return datapoint.q;
  }
}

const pipeline = new Pipeline();
const step = trace(async (datapoint: { q: string }) => pipeline.run(datapoint));

await evaluate({ function: step, dataset: [], name: "exp" });
`);
  });

  it("keeps the tracer and marks the binding when the traced function also runs outside evaluate(); removes it when evaluate() alone uses it", () => {
    const head = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import { Eval } from "braintrust";

const tracer = HoneyHiveTracer.init({ project: "evals" });
const reverse = trace({ tracer }, async (text: string) => text);
`;
    const shared = `${head}Eval("x", { data: () => [], task: reverse, scores: [] });
await evaluate({ function: async ({ inputs }: { inputs: { text: string } }) => reverse(inputs.text), dataset: [], name: "exp" });
`;
    const marked = run(shared).output;
    expect(marked).toContain(`const tracer = HoneyHiveTracer.init({ project: "evals" });`);
    expect(marked).toMatch(/\/\* honeyhive-migrate: evaluate\(\) runs this function, and so does code outside it.*\*\/\nconst reverse = trace\(\{ tracer \}, /);
    // The look-alike: evaluate() alone calls it, the tracer and its binding go.
    const alone = `${head}await evaluate({ function: reverse, dataset: [], name: "exp" });
`;
    const removed = run(alone).output;
    expect(removed).not.toContain("HoneyHiveTracer");
    expect(removed).toContain("const reverse = trace(async (text: string) => text);");
  });

  it("uses the namespace for tracer.trace(...) and keeps an exported tracer", () => {
    const before = `import * as hh from "honeyhive";
import { evaluate } from "honeyhive/experiments";

export const tracer = hh.HoneyHiveTracer.init({ project: "evals" });

const step = tracer.trace({ eventType: "chain" }, async (datapoint: { q: string }) => datapoint.q);

await evaluate({ function: step, dataset: [], name: "exp" });
`;
    expect(run(before).output).toBe(before.replace("tracer.trace({", "hh.trace({"));
  });

  it("drops the import of a project tracer that only the removed bindings used", () => {
    const before = `import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import { tracer } from "../lib/tracing.js";
import { rank } from "../lib/rank.js";

const step = trace({ eventType: "chain", tracer }, async (datapoint: { q: string }) => rank(datapoint.q));

await evaluate({ function: step, dataset: [], name: "exp" });
`;
    expect(run(before).output).toBe(`import { trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
import { rank } from "../lib/rank.js";

const step = trace({ eventType: "chain" }, async (datapoint: { q: string }) => rank(datapoint.q));

await evaluate({ function: step, dataset: [], name: "exp" });
`);
  });

  it("unbinds a function evaluated from another module only when the project pass says so", () => {
    const pipeline = `import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "evals" });

export const answer = trace({ tracer, eventType: "chain" }, async (datapoint: { q: string }) => datapoint.q);
`;
    expect(run(pipeline, "src/pipeline.ts").output).toBe(pipeline);
    expect(run(pipeline, "src/pipeline.ts", { project: { evaluatedExports: ["answer"] } }).output).toBe(`import { trace } from "honeyhive";

export const answer = trace({ eventType: "chain" }, async (datapoint: { q: string }) => datapoint.q);
`);
  });

  it("marks, and does not unbind, an evaluated function that a module without evaluate() imports too", () => {
    // A server serves the same export (real-code-public shape 28): it needs the tracer.
    const pipeline = `import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "evals" });

export const answer = trace({ tracer, eventType: "chain" }, async (datapoint: { q: string }) => datapoint.q);
`;
    const result = run(pipeline, "src/pipeline.ts", { project: { evaluatedExports: ["answer"], importedOutsideEvaluate: true } });
    expect(result.markers).toBe(1);
    expect(result.output).toMatch(/^import \{ HoneyHiveTracer, trace \} from "honeyhive";\n\nconst tracer = HoneyHiveTracer\.init/);
    expect(result.output).toMatch(/\/\* honeyhive-migrate: evaluate\(\) in another module runs this code, and so does a module that imports it without evaluate\(\).*\*\/\nexport const answer = trace\(\{ tracer, eventType: "chain" \}/);
    // evaluate() in the same file still unbinds it.
    const withEvaluate = `${pipeline}import { evaluate } from "honeyhive/experiments";\nawait evaluate({ function: answer, dataset: [], name: "exp" });\n`;
    expect(run(withEvaluate, "src/pipeline.ts", { project: { evaluatedExports: ["answer"], importedOutsideEvaluate: true } }).output).toContain(`trace({ eventType: "chain" }, async`);
  });

  it("adds the SDK import for trace() in the file's style when there is none", () => {
    const before = `import { evaluate } from "honeyhive/experiments"
import { tracer } from "./tracing.js"

const step = tracer.trace({ eventType: "chain" }, async (datapoint) => datapoint)

await evaluate({ function: step, dataset: [], name: "exp" })
`;
    expect(run(before, "scripts/eval.mjs").output).toBe(`import { trace } from "honeyhive"
import { evaluate } from "honeyhive/experiments"

const step = trace({ eventType: "chain" }, async (datapoint) => datapoint)

await evaluate({ function: step, dataset: [], name: "exp" })
`);
    const commonjs = `const { evaluate } = require('honeyhive/experiments');
const { tracer } = require('./tracing');

const step = tracer.trace({ eventType: 'chain' }, async (datapoint) => datapoint);

evaluate({ function: step, dataset: [], name: 'exp' });
`;
    expect(run(commonjs, "scripts/eval.cjs").output).toBe(`const { trace } = require('honeyhive');
const { evaluate } = require('honeyhive/experiments');

const step = trace({ eventType: 'chain' }, async (datapoint) => datapoint);

evaluate({ function: step, dataset: [], name: 'exp' });
`);
  });

  it("imports trace() from the module the project declared as re-exporting the SDK", () => {
    const before = `import { HoneyHiveTracer } from "@/lib/hh";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init();
const step = tracer.trace({ eventType: "chain" }, async (datapoint: unknown) => datapoint);

await evaluate({ function: step, dataset: [], name: "exp" });
`;
    expect(run(before, "scripts/eval.ts", { settings: { modules: ["@/lib/hh"] } }).output).toBe(`import { trace } from "@/lib/hh";
import { evaluate } from "honeyhive/experiments";

const step = trace({ eventType: "chain" }, async (datapoint: unknown) => datapoint);

await evaluate({ function: step, dataset: [], name: "exp" });
`);
  });

  describe("where the SDK's trace cannot be written without a clash", () => {
    const MARKER = `/* honeyhive-migrate: use the SDK's trace() here instead of tracer.trace(), so evaluate() supplies the tracer: import it under a name no other binding here has */`;

    it("keeps tracer.trace(), its tracer and imports, with a marker, next to OpenTelemetry's trace import", () => {
      const before = `import { trace } from "@opentelemetry/api";
import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ project: "evals" });

const step = tracer.trace({ eventType: "chain" }, async (datapoint: { q: string }) => {
  trace.getActiveSpan()?.setAttribute("q", datapoint.q);
  return datapoint.q;
});

await evaluate({ function: step, dataset: [], name: "exp" });
`;
      const result = run(before);
      expect(result.error).toBeUndefined();
      expect(result.output).toBe(before.replace("const step =", `${MARKER}\nconst step =`));
      expect(result.markers).toBe(1);
      expect(run(result.output).output).toBe(result.output);
    });

    it("keeps tracer.trace() next to a local function named trace, also in CommonJS", () => {
      const before = `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

function trace(message: string) {
  console.log(message);
}

const tracer = HoneyHiveTracer.init({ project: "evals" });
const step = tracer.trace({ eventType: "chain" }, async (datapoint: { q: string }) => {
  trace(datapoint.q);
  return datapoint.q;
});

await evaluate({ function: step, dataset: [], name: "exp" });
`;
      expect(run(before).output).toBe(before.replace("const step =", `${MARKER}\nconst step =`));
      const commonjs = `const { HoneyHiveTracer } = require("honeyhive");
const { evaluate } = require("honeyhive/experiments");
const trace = require("debug")("evals");

const tracer = HoneyHiveTracer.init({ project: "evals" });
const step = tracer.trace({ eventType: "chain" }, async (datapoint) => datapoint);

evaluate({ function: step, dataset: [], name: "exp" });
`;
      expect(run(commonjs, "scripts/eval.cjs").output).toBe(commonjs.replace("const step =", `${MARKER}\nconst step =`));
    });

    it("rewrites where trace is free and marks where a parameter shadows it: the tracer stays for the marked call", () => {
      const before = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ project: "evals" });

const first = tracer.trace({ eventType: "chain" }, async (datapoint: { q: string }) => datapoint.q);

await evaluate({ function: first, dataset: [], name: "first" });
await evaluate({
  function: async (datapoint: { q: string }, trace?: string) => {
    const inner = tracer.trace({ eventName: trace }, async () => datapoint.q);
    return inner();
  },
  dataset: [],
  name: "second",
});
`;
      expect(run(before).output).toBe(
        before
          .replace("const first = tracer.trace(", "const first = trace(")
          .replace("    const inner =", `    ${MARKER}\n    const inner =`),
      );
    });

    it("marks tracer.trace() where a parameter shadows the namespace import", () => {
      const before = `import * as hh from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = hh.HoneyHiveTracer.init({ project: "evals" });

await evaluate({
  function: async (datapoint: { q: string }, hh: unknown) => {
    const inner = tracer.trace({ eventType: "chain" }, async () => [datapoint.q, hh]);
    return inner();
  },
  dataset: [],
  name: "exp",
});
`;
      expect(run(before).output).toBe(before.replace("    const inner =", `    ${MARKER}\n    const inner =`));
    });

    it("adds no enrichSession import and rewrites nothing where a parameter named enrichSession is in scope", () => {
      const before = `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

const tracer = HoneyHiveTracer.init({ project: "evals" });

await evaluate({
  function: async (datapoint: { q: string }, enrichSession: (fields: object) => void) => {
    enrichSession({ q: datapoint.q });
    tracer.enrichSession({ metadata: { q: datapoint.q } });
    return datapoint.q;
  },
  dataset: [],
  name: "exp",
});
`;
      const result = run(before);
      expect(result.output).toBe(
        before.replace(
          "    tracer.enrichSession(",
          "    /* honeyhive-migrate: tracer.enrichSession() acts on this file's tracer, not the datapoint's: use the SDK's implicit enrichSession()/trace() in evaluated code */\n    tracer.enrichSession(",
        ),
      );
      expect(result.markers).toBe(1);
    });
  });

  describe("a tracer in a parameter's default (review-migrate3 finding 12)", () => {
    // The parameter's variable was taken for a tracer declared where evaluate() runs (its declaration, the
    // function, sits at module level) and "removed": the constructor's parameters and body went, leaving
    // `constructor` alone (unparsable: the file was not migrated at all), or a module function went whole.
    const worker = `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
class Worker {
  constructor(protected tracer = HoneyHiveTracer.init({ project: "b" })) {}
  async done() { await this.tracer.forceFlush(); }
}
export const worker = new Worker();
await evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset: [], name: "n" });
`;

    it("leaves a class's parameter property alone (it serves the class, not evaluated code), alone and in the 2.x set", () => {
      expect(run(worker)).toEqual({ output: worker, changed: false, applied: [], markers: 0 });
      expect(run(worker, "scripts/eval.ts", { transforms: TRANSFORM_IDS })).toEqual({ output: worker, changed: false, applied: [], markers: 0 });
    });

    it("lets `migrate --from 1` migrate such a file", () => {
      const code = `import { HoneyHiveTracer, evaluate } from "honeyhive";
class Worker {
  constructor(protected tracer = HoneyHiveTracer.init({ project: "b" })) {}
  async done() { await (await this.tracer).flush(); }
}
export const worker = new Worker();
await evaluate({ function: async (inputs: { q: string }) => inputs.q, apiKey: "k", project: "p", name: "n", datasetId: "d" });
`;
      const result = runTransforms(code, "scripts/eval.ts", { transforms: ALL_TRANSFORM_IDS });
      expect(result.error).toBeUndefined();
      expect(result.applied).not.toContain("evaluate-managed-tracer");
      expect(result.output).toContain(`  constructor(protected tracer = HoneyHiveTracer.init({ project: "b" })) {}
  async done() { await (await this.tracer).forceFlush(); }`);
    });

    it("keeps a module function's unused tracer parameter, and a parameter bound in its own evaluate() (only the binding goes)", () => {
      const unused = `import { HoneyHiveTracer } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
function warm(tracer = HoneyHiveTracer.init({ project: "b" })) { return 1; }
warm();
await evaluate({ function: async (inputs: { q: string }) => inputs.q, dataset: [], name: "n" });
`;
      expect(run(unused).output).toBe(unused);
      const bound = `import { HoneyHiveTracer, trace } from "honeyhive";
import { evaluate } from "honeyhive/experiments";
async function main(tracer = HoneyHiveTracer.init({ project: "b" })) {
  await evaluate({ function: trace({ tracer }, async (inputs: { q: string }) => inputs.q), dataset: [], name: "n" });
}
await main();
`;
      expect(run(bound).output).toBe(bound.replace("trace({ tracer }, async", "trace(async"));
    });
  });

  it("leaves a module tracer in a file without evaluate() alone", () => {
    const script = `import { HoneyHiveTracer, trace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "script" });
export const step = trace({ tracer }, async () => 1);
`;
    expect(run(script)).toMatchObject({ output: script, changed: false });
  });
});

describe("evaluate-managed-tracer on honeyhive 1.x code", () => {
  const project = useTempProjects("1x-evaluate");
  /** A script of a project whose package.json declares honeyhive 1.x. */
  const script1x = () => join(project({ "package.json": JSON.stringify({ dependencies: { honeyhive: "^1.0.42" } }), "scripts/": "" }), "scripts/eval.ts");
  const code = `import { HoneyHiveTracer, evaluate } from "honeyhive";
const tracer = await HoneyHiveTracer.init();
const retrieve = tracer.traceTool(async (inputs) => inputs);
await evaluate({ function: retrieve, name: "x" });
await tracer.flush();
`;

  it("in a 1.x project, speaks 1.x: tracer.traceTool(fn) → traceTool(fn) (and keeps the flushed tracer)", () => {
    expect(run(code, script1x()).output).toBe(code.replace("HoneyHiveTracer, evaluate }", "HoneyHiveTracer, evaluate, traceTool }").replace("tracer.traceTool(", "traceTool("));
  });

  it("after the 1.x set of `migrate --from 1` the file is 2.x code, whatever package.json says", () => {
    const { output } = runTransforms(code, script1x(), { transforms: [...TRANSFORM_1X_IDS, "evaluate-managed-tracer"] });
    // 1.x set: tracer.traceTool(fn) → tracer.trace({ eventType: "tool" }, fn); then the 2.x transform
    // reads that as this SDK's wrapper (not 1.x's tracer.trace(fn) that runs now) and unbinds it.
    expect(output).toContain(`const retrieve = trace({ eventType: "tool" }, async (inputs) => inputs);`);
    expect(output).not.toContain("honeyhive-migrate: tracer.trace");
  });
});
