import { describe, expect, it } from "vitest";
import tsParser from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { Linter } from "eslint";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { readSettings } from "./settings.js";

/**
 * As a rule sees a file: typescript-eslint declares the lib's globals and ESLint resolves the file's
 * references to them (the codemods' parse declares none).
 */
function eslintInput(text: string, filename: string): AnalysisInput {
  const linter = new Linter({ configType: "flat" });
  linter.verify(text, [{ files: ["**/*.ts", "**/*.js"], languageOptions: { parser: tsParser, sourceType: "module" } }], { filename });
  const sourceCode = linter.getSourceCode();
  const ast = sourceCode.ast as unknown as TSESTree.Program;
  return { ast, scopeManager: sourceCode.scopeManager as unknown as Scope.ScopeManager, text, filename, settings: readSettings({}) };
}

describe("AnalysisContext.variables", () => {
  it("lists the declared variables of every scope, not the lib globals nor a function's implicit `arguments`", () => {
    const input = eslintInput(
      `
        import { HoneyHiveTracer } from "honeyhive";
        const tracer = HoneyHiveTracer.init();
        function handle(event: unknown) { console.log(arguments, Promise, event); }
      `,
      "src/x.ts",
    );
    // The scope manager does hold the lib's globals, with the file's references: the list leaves them out.
    expect(input.scopeManager.globalScope!.set.get("Promise")?.references).toHaveLength(1);
    expect(getAnalysisContext(input).variables.map((variable) => variable.name)).toEqual(["HoneyHiveTracer", "tracer", "handle", "event"]);
  });

  it("keeps an undeclared global that the file assigns to (it may hold a tracer)", () => {
    const input = eslintInput(`Symbol = makeTracer(); escape;`, "src/x.js");
    expect(getAnalysisContext(input).variables.map((variable) => variable.name)).toEqual(["Symbol"]);
  });
});
