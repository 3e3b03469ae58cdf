// Correctness leftovers of the codemods (leftovers-4): cases that pin one defect each.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { applyEdits, EditList } from "../analysis/edits.js";
import { nodesOfType } from "../analysis/nodes.js";
import { runTransforms } from "./engine/engine.js";
import { addMarker, markerComment } from "./engine/markers.js";
import { isParseFailure, parseFile } from "./engine/parse.js";
import { ALL_TRANSFORM_IDS } from "./transforms/ids.js";

describe("1x-evaluate: server_url beside the keys of its era", () => {
  const from1 = (config: string) =>
    runTransforms(`import { evaluate } from "honeyhive";\nconst answer = async (inputs: { q: string }) => inputs.q;\nexport const run = () =>\n  evaluate({ dataset: [], ${config} });\n`, "src/run.ts", {
      transforms: ALL_TRANSFORM_IDS,
    });
  it("a snake_case config (1.0.21–1.0.32, which read server_url): renamed to serverUrl", () => {
    const result = from1(`evaluationFunction: answer, hh_api_key: "k", hh_project: "p", server_url: "https://hh.example"`);
    expect(result.output).toContain(`apiKey: "k", project: "p", serverUrl: "https://hh.example"`);
    expect(result.markers).toBe(0);
  });
  it("a camelCase config (1.0.33+, which ignored server_url): dropped under a marker, not turned on as serverUrl", () => {
    const result = from1(`function: answer, apiKey: "k", project: "p", server_url: "https://hh.example"`);
    expect(result.output).not.toContain("serverUrl:");
    expect(result.output).not.toContain(`server_url: "https://hh.example"`);
    expect(result.output).toMatch(/honeyhive-migrate: removed 1\.x evaluate option server_url \(1\.x read it only before 1\.0\.33, and `\w+` \(read from 1\.0\.33\) says this config is for a later version/);
    expect(result.markers).toBe(1);
  });
  it("a config mixing eras with several keys of the earlier one: renamed as before (the era is not told by one later key)", () => {
    const result = from1(`evaluationFunction: answer, hh_api_key: "k", server_url: "https://hh.example", runConcurrently: true`);
    expect(result.output).toContain(`apiKey: "k", serverUrl: "https://hh.example"`);
  });
});

describe("review markers inside JSX", () => {
  // A finding on a call in an attribute of an element that starts its line inside another element's children: a
  // comment before that element's opening tag is text the parent renders, so the marker goes above the outer element.
  const source = `export function Chat() {\n  return (\n    <div>\n      <button onClick={() => tracer.sessionStart()}>new</button>\n    </div>\n  );\n}\n`;
  it("goes above the outermost element, where a comment is code, not before a nested opening tag", () => {
    const parsed = parseFile(source, "src/chat.tsx");
    if (isParseFailure(parsed)) throw new Error(parsed.failure.message);
    const call = nodesOfType(parsed.input.ast, AST_NODE_TYPES.CallExpression)[0]!;
    const edits = new EditList();
    expect(addMarker(edits, parsed.text, call, "check this")).toBe(true);
    expect(applyEdits(parsed.text, edits.edits)).toBe(source.replace("    <div>\n", `    ${markerComment("check this")}\n    <div>\n`));
  });
});

describe("no-global-tracer-with-evaluate's fix in a package that does not depend on honeyhive", () => {
  // evaluate() code that calls `tracer.trace(...)` on a tracer from another module: the fix writes the SDK's free
  // `trace`, which needs `import { trace } from "honeyhive"`. In a workspace package whose package.json does not list
  // honeyhive that import would not resolve under pnpm or Yarn PnP (SdkImports.packageWithoutSdk): a marker instead.
  const source = `import { evaluate } from "honeyhive/experiments";\nimport { tracer } from "./tracing";\n\nconst rerank = tracer.trace({ eventType: "tool" }, (documents: string[]) => documents.slice(0, 2));\n\nawait evaluate({ function: async (datapoint: { inputs: { q: string } }) => rerank([datapoint.inputs.q]), dataset: [{ inputs: { q: "a" } }], name: "n" });\n`;
  const migrate = (dependencies: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), "honeyhive-leftovers-4-"));
    mkdirSync(join(root, "src"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "@acme/evals", dependencies }));
    writeFileSync(join(root, "src", "tracing.ts"), `import { HoneyHiveTracer } from "honeyhive";\nexport const tracer = HoneyHiveTracer.init({ project: "p" });\n`);
    writeFileSync(join(root, "src", "eval.ts"), source);
    return runTransforms(source, join(root, "src", "eval.ts"), { transforms: ALL_TRANSFORM_IDS, cwd: root });
  };
  it("marks the call and adds no honeyhive import where the package does not depend on it", () => {
    const result = migrate({ "@acme/obs": "workspace:*" });
    expect(result.output).not.toContain(`from "honeyhive";`);
    expect(result.output).toContain("const rerank = tracer.trace(");
    expect(result.output).toContain("@acme/evals does not depend on honeyhive, so no import of trace is added");
    expect(result.markers).toBe(1);
  });
  it("rewrites to the SDK's trace with its import where it does", () => {
    const result = migrate({ honeyhive: "^2.0.0" });
    expect(result.output).toContain(`import { trace } from "honeyhive";`);
    expect(result.output).toContain("const rerank = trace(");
    expect(result.output).not.toContain("does not depend on honeyhive");
  });
});
