import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeProject } from "./project.js";

const root = mkdtempSync(join(tmpdir(), "honeyhive-project-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): string[] {
  return Object.entries(files).map(([path, text]) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  });
}

describe("analyzeProject", () => {
  const paths = write({
    "src/lib/tracing.ts": `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "app" });\n`,
    "src/lib/lazy.ts": `import { HoneyHiveTracer } from "honeyhive";\nlet cached: HoneyHiveTracer | undefined;\nexport function getTracer() {\n  cached ??= HoneyHiveTracer.init();\n  return cached;\n}\n`,
    "src/lib/private.ts": `import { HoneyHiveTracer } from "honeyhive";\nconst tracer = HoneyHiveTracer.init();\ntracer.sessionStart();\n`,
    "src/eval/pipeline.ts": `import { trace } from "honeyhive";\nexport const answer = trace(async (datapoint: unknown) => datapoint);\nexport default async function grade() {}\n`,
    "src/eval/run.ts": `import { evaluate } from "honeyhive/experiments";\nimport { trace } from "honeyhive";\nimport grade, { answer as answerQuestion } from "./pipeline.js";\nawait evaluate({ function: answerQuestion, dataset: [], name: "a" });\nawait evaluate({ function: trace(grade), dataset: [], name: "b" });\n`,
    "src/eval/legacy.cjs": `const { evaluate } = require("honeyhive/experiments");\nconst { score } = require("./scoring");\nevaluate({ function: score, dataset: [], name: "c" });\n`,
    "src/eval/scoring.js": `exports.score = async () => 1;\n`,
    "src/broken.ts": `import { trace } from "honeyhive";\nconst = ;\n`,
  });
  const project = analyzeProject([...paths, join(root, "src/missing.ts")]);

  it("finds the modules that export a tracer or a tracer getter, not those that keep it private", () => {
    expect(Object.fromEntries(project.tracerModules)).toEqual({
      [join(root, "src/lib/tracing.ts")]: ["tracer"],
      [join(root, "src/lib/lazy.ts")]: ["getTracer"],
    });
  });

  it("links evaluate() calls to the exports they run, through renamed, default, trace()-wrapped and require imports", () => {
    expect(Object.fromEntries(project.evaluatedExports)).toEqual({
      [join(root, "src/eval/pipeline.ts")]: ["answer", "default"],
      [join(root, "src/eval/scoring.js")]: ["score"],
    });
    expect(project.factsFor(join(root, "src/eval/pipeline.ts"))).toEqual({ evaluatedExports: ["answer", "default"] });
    expect(project.factsFor(join(root, "src/lib/tracing.ts"))).toBeUndefined();
  });

  it("hands its parse of a file to the transforms once, and not for a file that gets project facts", () => {
    const kept = analyzeProject(paths, { keepParses: true });
    const tracing = join(root, "src/lib/tracing.ts");
    const text = readFileSync(tracing, "utf8");
    expect(kept.takeParse(tracing, `${text}// edited\n`)).toBeUndefined();
    const again = analyzeProject(paths, { keepParses: true });
    expect(again.takeParse(tracing, text)?.text).toBe(text);
    expect(again.takeParse(tracing, text)).toBeUndefined();
    const pipeline = join(root, "src/eval/pipeline.ts");
    expect(again.takeParse(pipeline, readFileSync(pipeline, "utf8"))).toBeUndefined();
    expect(project.takeParse(tracing, text)).toBeUndefined(); // not kept without keepParses
  });

  it("tells which files the text prefilter skipped import a tracer module", () => {
    const handler = join(root, "src/routes/chat.ts");
    expect(project.importsTracerModule(handler, `import { client } from "../lib/tracing.js";\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `const lazy = require("../lib/lazy");\n`)).toBe(true);
    expect(project.importsTracerModule(handler, `import { formatAnswer } from "../util/format.js";\n`)).toBe(false);
  });
});
