// Typed linting is optional (issue 3, README): with `parserOptions.projectService` the rules must
// neither crash nor change what they report. Every fixture file is linted twice in one temporary
// TypeScript project, without and with type information, and the findings must be identical.
import tsParser from "@typescript-eslint/parser";
import { ESLint } from "eslint";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../fixtures/index.js";
import plugin from "./index.js";
import { createTempProject, type TempProject } from "./test-utils/temp-project.js";
import { typedLinting, type TypedLinting } from "./test-utils/typed-linting.js";

const fixtureCases = loadFixtures().filter((fixture) => fixture.rule in plugin.rules);

describe("the recommended config with and without type information", () => {
  let project: TempProject;
  const files: string[] = [];

  beforeAll(() => {
    project = createTempProject("typed", []);
    project.write(
      "tsconfig.json",
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          allowJs: true,
          checkJs: false,
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ["**/*"],
      }),
    );
    for (const fixture of fixtureCases) {
      // Each case in its own folder, at its (possibly simulated) path inside it.
      files.push(project.write(join(fixture.id, "before", fixture.filename), fixture.before));
      files.push(project.write(join(fixture.id, "after", fixture.filename), fixture.after));
    }
  });
  afterAll(() => project?.remove());

  async function findings(parserOptions: object, typed?: TypedLinting): Promise<Record<string, string[]>> {
    const files = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];
    const config = [{ ...plugin.configs.recommended, files, languageOptions: { parser: tsParser, parserOptions } }, ...(typed ? [{ files, ...typed.probe }] : [])];
    // typescript-eslint's config types are not ESLint's own; the object is the same at runtime.
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: config as unknown as ESLint.Options["overrideConfig"] });
    const results = await eslint.lintFiles(files);
    return Object.fromEntries(
      results.map((result) => [result.filePath, result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`)]),
    );
  }

  // Every fixture file linted twice (~10 s of CPU): past 120 s of wall time at a load average of ~30.
  it("reports exactly the same findings, and no parse errors, on every fixture file", async () => {
    expect(files.length).toBeGreaterThan(0);
    const untyped = await findings({});
    const typedLint = typedLinting(project.dir);
    const typed = await findings(typedLint.parserOptions, typedLint);
    // Every .ts file had type information, from this project (not a service another file of the worker rooted elsewhere).
    const tsFiles = files.filter((file) => /\.[cm]?tsx?$/.test(file));
    expect(tsFiles.length).toBeGreaterThan(0);
    expect(tsFiles.filter((file) => typedLint.tsconfigOf.get(file) !== typedLint.tsconfig)).toEqual([]);
    expect(Object.values(typed).flat().filter((line) => line.includes(" fatal "))).toEqual([]);
    expect(typed).toEqual(untyped);
    // Sanity: the run saw the anti-patterns at all.
    expect(Object.values(untyped).flat().length).toBeGreaterThan(0);
  }, 300_000);
});
