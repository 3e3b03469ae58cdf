import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTransforms } from "../engine/engine.js";
import { makeProject, removeProjects } from "../cli/test-utils/project.js";

afterAll(removeProjects);

const run = (code: string, filename = "src/app.ts") => runTransforms(code, filename, { transforms: ["explicit-tracer"] });

describe("explicit-tracer", () => {
  it("adds the tracer to trace(fn), bare @trace and @trace(), under a renamed import", () => {
    const before = `import { HoneyHiveTracer, trace as hhTrace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "app" });

export const plain = hhTrace(async (x: number) => x);

export class Agent {
  @hhTrace
  first() {}

  @hhTrace()
  second() {}
}
`;
    expect(run(before).output).toBe(`import { HoneyHiveTracer, trace as hhTrace } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "app" });

export const plain = hhTrace({ tracer }, async (x: number) => x);

export class Agent {
  @hhTrace({ tracer })
  first() {}

  @hhTrace({ tracer })
  second() {}
}
`);
  });

  it("writes `tracer: <name>` for another name and keeps a multi-line object's trailing comma style", () => {
    const before = `import { HoneyHiveTracer, trace } from "honeyhive";

const appTracer = HoneyHiveTracer.init({ project: "app" });

export const step = trace(
  {
    eventType: "tool",
    eventName: "step",
  },
  (x: number) => x,
);
`;
    expect(run(before).output).toBe(before.replace(`eventName: "step",\n`, `eventName: "step",\n    tracer: appTracer,\n`));
  });

  it("rewrites namespace and CommonJS enrichment calls and drops the imports they no longer need", () => {
    const namespaced = `import * as hh from "honeyhive";

const tracer = hh.HoneyHiveTracer.init({ project: "ui" });

export function track(name: string) {
  hh.enrichSpan({ metadata: { name } });
}
`;
    expect(run(namespaced, "src/ui.tsx").output).toBe(namespaced.replace("hh.enrichSpan", "tracer.enrichSpan"));

    const commonjs = `const { HoneyHiveTracer, enrichSession, enrichSpan } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ project: "worker" });

async function work(job) {
  enrichSpan({ metadata: { job: job.id } });
  enrichSession({ outputs: { done: true } });
}

module.exports = { work };
`;
    expect(run(commonjs, "src/worker.cjs").output).toBe(`const { HoneyHiveTracer } = require("honeyhive");

const tracer = HoneyHiveTracer.init({ project: "worker" });

async function work(job) {
  tracer.enrichSpan({ metadata: { job: job.id } });
  tracer.enrichSession({ outputs: { done: true } });
}

module.exports = { work };
`);
  });

  it("calls a lazy getter inside functions and leaves a marker where calling it at load would create the tracer early", () => {
    const before = `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";

let cached: HoneyHiveTracer | undefined;
function getTracer() {
  cached ??= HoneyHiveTracer.init({ project: "lambda" });
  return cached;
}

export const work = trace({ eventType: "tool" }, async () => {
  enrichSpan({ metadata: { step: 1 } });
});
`;
    const result = run(before);
    expect(result.output).toContain(`  getTracer().enrichSpan({ metadata: { step: 1 } });`);
    expect(result.output).toContain(
      `/* honeyhive-migrate: pass a tracer to this call (getTracer() here could run before the tracer exists or create it early) */\nexport const work = trace({ eventType: "tool" }, async () => {`,
    );
    expect(result.markers).toBe(1);
    // The marker is found again on the next run: not duplicated.
    expect(run(result.output).output).toBe(result.output);
  });

  it("leaves OpenTelemetry's trace, local helpers and code evaluate() runs alone", () => {
    const otel = `import { trace } from "@opentelemetry/api";
import { HoneyHiveTracer } from "honeyhive";

const tracer = HoneyHiveTracer.init({ project: "app" });
export const otelTracer = trace.getTracer("app");
`;
    expect(run(otel).output).toBe(otel);

    const evaluated = `import { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";
import { evaluate } from "honeyhive/experiments";

export const serverTracer = HoneyHiveTracer.init({ project: "server" });

const pipeline = trace({ eventType: "chain" }, async (datapoint: { inputs: { q: string } }) => {
  enrichSpan({ metadata: { q: datapoint.inputs.q } });
  return datapoint.inputs.q;
});

await evaluate({ function: pipeline, dataset: [], name: "exp" });
`;
    expect(run(evaluated).output).toBe(evaluated);
  });

  it("leaves a local function named trace and calls of a parameter named enrichSession alone", () => {
    const before = `import { HoneyHiveTracer, enrichSession, trace as hhTrace } from "honeyhive";

function trace(message: string) {
  console.log(message);
}

const tracer = HoneyHiveTracer.init({ project: "app" });

export const step = hhTrace(async (q: string) => {
  trace(q);
  return q;
});

export function withSession(enrichSession: (fields: object) => void) {
  enrichSession({ step: "one" });
}

export function record() {
  enrichSession({ metadata: { step: "two" } });
}
`;
    // Only the SDK's calls are bound; the enrichSession import goes with its last SDK use.
    expect(run(before).output).toBe(
      before
        .replace("enrichSession, trace as hhTrace", "trace as hhTrace")
        .replace("hhTrace(async", "hhTrace({ tracer }, async")
        .replace("  enrichSession({ metadata", "  tracer.enrichSession({ metadata"),
    );
  });

  it("leaves a file without a tracer of its own unchanged", () => {
    const source = `import { trace } from "honeyhive";\n\nexport const f = trace(async () => 1);\n`;
    expect(run(source)).toMatchObject({ output: source, changed: false, markers: 0 });
  });

  it("binds trace(fn) to the tracer of a singleton class imported from a project module (Obs.getInstance().tracer); a factory's is no tracer to bind", () => {
    const observability = (getInstance: string) => `import { HoneyHiveTracer } from "honeyhive";

export class Observability {
  static #instance: Observability | undefined;
  readonly tracer = HoneyHiveTracer.init({ project: "x" });
  static getInstance(): Observability {
    ${getInstance}
  }
}
`;
    const app = `import { trace } from "honeyhive";
import { Observability } from "./observability";

export const answer = trace(async (question: string) => question.length);
export async function handle(question: string) {
  Observability.getInstance().tracer.enrichSession({ metadata: { question } });
  return answer(question);
}
`;
    for (const [body, expected] of [
      ["return (Observability.#instance ??= new Observability());", app.replace("trace(async", "trace({ tracer: Observability.getInstance().tracer }, async")],
      ["return new Observability();", app],
    ] as const) {
      const root = makeProject({ "package.json": `{ "name": "singleton", "private": true }\n`, "src/observability.ts": observability(body), "src/app.ts": app });
      const path = join(root, "src/app.ts");
      expect(runTransforms(app, path, { transforms: ["explicit-tracer"], cwd: root }).output, body).toBe(expected);
    }
  });

  it("binds the SDK's trace re-exported by a project module under another name, in a file that never spells trace", () => {
    // Why no text precondition on the words trace/enrichSpan/enrichSession can gate this transform
    // (bench/NOTES.md "### perf-migrate-5"): the name the file calls comes from a barrel.
    const app = `import { HoneyHiveTracer } from "honeyhive";
import { t } from "./obs";

const tracer = HoneyHiveTracer.init({ project: "x" });
export const f = t({ eventType: "tool" }, async () => 1);
`;
    const root = makeProject({ "package.json": `{ "name": "barrel", "private": true }\n`, "src/obs.ts": `export { trace as t } from "honeyhive";\n`, "src/app.ts": app });
    const path = join(root, "src/app.ts");
    const text = readFileSync(path, "utf8");
    expect(text).not.toMatch(/\b(?:trace|enrichSpan|enrichSession)\b/);
    const result = runTransforms(text, path, { transforms: ["explicit-tracer"], cwd: root });
    expect(result.output).toBe(app.replace(`t({ eventType: "tool" }`, `t({ eventType: "tool", tracer }`));
  });
});
