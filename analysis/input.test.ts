import { describe, expect, it } from "vitest";
import { analysisInputFromContext } from "./input.js";
import { parseAnalysisInput } from "./parse-input.js";
import { DEFAULT_SETTINGS } from "./settings.js";

/** A rule context as ESLint gives one, on a fresh parse (inputs are kept per AST). */
function contextWith(settings: unknown, parser?: unknown) {
  const { ast, scopeManager, text } = parseAnalysisInput(`import { trace } from "honeyhive";`, "src/app.ts", DEFAULT_SETTINGS);
  return { filename: "src/app.ts", settings, languageOptions: { parser }, sourceCode: { ast, text, scopeManager } };
}

describe("analysisInputFromContext", () => {
  it("reads each configuration's settings: consecutive files of one configuration share them, another configuration gets its own", () => {
    const observability = { honeyhive: { modules: ["@/observability"] } };
    const first = analysisInputFromContext(contextWith(observability));
    expect(first.settings.modules).toEqual(["@/observability"]);
    // Same settings object (one ESLint configuration): the same settings.
    expect(analysisInputFromContext(contextWith(observability)).settings).toBe(first.settings);
    // Another configuration in between (other settings, or the same settings with another parser).
    expect(analysisInputFromContext(contextWith({ honeyhive: { modules: ["@/tracing"] } })).settings.modules).toEqual(["@/tracing"]);
    expect(analysisInputFromContext(contextWith({})).settings).toBe(DEFAULT_SETTINGS);
    const parser = { parseForESLint: () => ({ ast: undefined }) };
    expect(analysisInputFromContext(contextWith(observability, parser)).readModuleFacts).toBeTypeOf("function");
    expect(analysisInputFromContext(contextWith(observability)).readModuleFacts).toBeUndefined();
    expect(analysisInputFromContext(contextWith(observability)).settings.modules).toEqual(["@/observability"]);
  });
});
