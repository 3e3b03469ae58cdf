// The integration project of vitest.config.ts is exactly the tests that spawn processes: those that
// import node:child_process themselves or through a test helper they import. A new such test must be
// listed there, or it would slow the unit run; a listed file that no longer spawns belongs in the unit run.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INTEGRATION_TESTS } from "../vitest.config.js";

const ROOT = resolve(import.meta.dirname, "..");
const SPAWNS = /from ["'](?:node:)?child_process["']/;
const LOCAL_IMPORT = /from ["'](\.{1,2}\/[^"']+)["']/g;

function spawnsProcesses(file: string, depth = 0): boolean {
  const text = readFileSync(file, "utf8");
  if (SPAWNS.test(text)) return true;
  if (depth > 0) return false;
  for (const [, specifier] of text.matchAll(LOCAL_IMPORT)) {
    if (!specifier.includes("test-utils/") && !specifier.includes("/scripts/")) continue;
    const target = join(dirname(file), specifier).replace(/\.js$/, ".ts");
    try {
      if (spawnsProcesses(target, depth + 1)) return true;
    } catch {
      // a .mjs helper or a missing file: not a test helper this check follows
    }
  }
  return false;
}

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") && !entry.name.endsWith(".install.test.ts") ? [relative(ROOT, path)] : [];
  });
}

describe("vitest projects", () => {
  it("puts exactly the process-spawning tests into the integration project", () => {
    const tests = ["sdk", "analysis", "rules", "codemods", "scripts"].flatMap((folder) => testFiles(join(ROOT, folder)));
    const spawning = tests.filter((file) => spawnsProcesses(join(ROOT, file)));
    expect(spawning.length).toBeGreaterThan(10);
    expect([...INTEGRATION_TESTS].sort()).toEqual(spawning.sort());
  });
});
