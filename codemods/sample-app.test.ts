// The realistic multi-file app: the CLI's flow (prefilter, project pass, engine per file) over
// fixtures/sample-app must give exactly fixtures/sample-app-expected, file by file.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../fixtures/index.js";
import { mayUseSdk, runTransforms, type TransformRunResult } from "./engine/engine.js";
import { analyzeProject } from "./engine/project.js";

const APP = join(FIXTURES_DIR, "sample-app");
const EXPECTED = join(FIXTURES_DIR, "sample-app-expected");

function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[mc]?[jt]sx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** The CLI's outcome by the direct route: text prefilter, `analyzeProject` on the candidates, then one engine run per file (the CLI gets the same links from its first round: cli/migrate.ts). */
function migrate(root: string): Map<string, TransformRunResult | "skipped"> {
  const texts = new Map(sourceFiles(root).map((file) => [file, readFileSync(join(root, file), "utf8")] as const));
  const candidates = [...texts].filter(([, text]) => mayUseSdk(text)).map(([file]) => file);
  const project = analyzeProject(candidates.map((file) => ({ path: join(root, file), text: texts.get(file)! })));
  const results = new Map<string, TransformRunResult | "skipped">();
  for (const [file, text] of texts) {
    const path = join(root, file);
    if (!candidates.includes(file) && !project.importsTracerModule(path, text)) {
      results.set(file, "skipped");
      continue;
    }
    results.set(file, runTransforms(text, path, { project: project.factsFor(path) }));
  }
  return results;
}

describe("sample app", () => {
  const results = migrate(APP);

  it("has an expected file for every source file", () => {
    expect(sourceFiles(EXPECTED)).toEqual(sourceFiles(APP));
  });

  it.each(sourceFiles(APP))("migrates %s to exactly the expected file", (file) => {
    const result = results.get(file)!;
    const output = result === "skipped" ? readFileSync(join(APP, file), "utf8") : result.output;
    if (result !== "skipped") expect(result.error).toBeUndefined();
    expect(output).toBe(readFileSync(join(EXPECTED, file), "utf8"));
  });

  it("skips or leaves byte-identical the files that do not use the SDK", () => {
    expect(results.get("src/util/format.ts")).toBe("skipped");
    expect(results.get("src/util/retry.js")).toBe("skipped");
  });

  it("finds the tracer module, and migrates the route that only imports it", () => {
    const project = analyzeProject([join(APP, "src/lib/tracing.ts")]);
    expect([...project.tracerModules]).toEqual([[join(APP, "src/lib/tracing.ts"), ["tracer"]]]);
    const route = results.get("src/routes/chat.ts");
    expect(route).not.toBe("skipped");
    expect(route !== "skipped" && route?.applied).toEqual(["session-start-to-create-session"]);
  });

  it("unbinds the tracer of a function that another module evaluates", () => {
    const grading = results.get("src/eval/grading.ts");
    expect(grading !== "skipped" && grading?.applied).toEqual(["evaluate-managed-tracer"]);
    // Without the project pass the file looks like a script with its own tracer: untouched.
    const alone = runTransforms(readFileSync(join(APP, "src/eval/grading.ts"), "utf8"), join(APP, "src/eval/grading.ts"));
    expect(alone.changed).toBe(false);
  });

  it("is idempotent over the whole app", () => {
    for (const [file, result] of migrate(EXPECTED)) {
      if (result !== "skipped") expect({ file, changed: result.changed }).toEqual({ file, changed: false });
    }
  });
});
