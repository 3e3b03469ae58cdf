import { describe, expect, it } from "vitest";
import { parseForESLint } from "@typescript-eslint/parser";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { analysisInputFromContext } from "./input.js";
import { nodesOfType } from "./nodes.js";
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

  it("sets the optional parts only when present, after the others", () => {
    expect(Object.keys(analysisInputFromContext(contextWith({})))).toEqual(["ast", "scopeManager", "text", "filename", "settings"]);
    const parser = { parseForESLint: () => ({ ast: undefined }) };
    const input = analysisInputFromContext({ ...contextWith({}, parser), cwd: "/project" });
    expect(Object.keys(input)).toEqual(["ast", "scopeManager", "text", "filename", "settings", "cwd", "readModuleFacts"]);
    expect(input.cwd).toBe("/project");
  });

  it("keeps the last reader for a configuration without settings, which ESLint hands a new {} for every file", () => {
    const parser = { parseForESLint: () => ({ ast: undefined }) };
    const first = analysisInputFromContext(contextWith({}, parser));
    const second = analysisInputFromContext(contextWith({}, parser));
    expect(second.settings).toBe(DEFAULT_SETTINGS);
    expect(second.readModuleFacts).toBe(first.readModuleFacts);
    // Not across parsers, and not for settings that hold a `honeyhive` object.
    expect(analysisInputFromContext(contextWith({}, { parseForESLint: () => ({ ast: undefined }) })).readModuleFacts).not.toBe(first.readModuleFacts);
    expect(analysisInputFromContext(contextWith({ honeyhive: { modules: ["@/hh"] } }, parser)).settings.modules).toEqual(["@/hh"]);
    expect(analysisInputFromContext(contextWith({ other: true }, parser)).settings).toBe(DEFAULT_SETTINGS);
  });
});

describe("analysisInputFromContext under ESLint", () => {
  it("has the node index read off ESLint's traversal (SourceCode#traverse), when asked", () => {
    const text = `import { trace } from "honeyhive";`;
    // As ESLint's parser gives it: no node index yet (the codemods' parse makes one).
    const parsed = parseForESLint(text, { range: true, loc: true, ecmaVersion: "latest", sourceType: "module" });
    const ast = parsed.ast as TSESTree.Program;
    const context = { filename: "src/app.ts", settings: {}, sourceCode: { ast, text, scopeManager: parsed.scopeManager as Scope.ScopeManager } };
    const steps = [{ kind: 1, phase: 1, target: ast }, { kind: 1, phase: 1, target: ast.body[0] }];
    let traversed = 0;
    const traverse = () => {
      traversed += 1;
      return steps;
    };
    const input = analysisInputFromContext({ ...context, sourceCode: { ...context.sourceCode, traverse, visitorKeys } });
    expect(traversed).toBe(0);
    // The import's specifier and source are left out of this traversal: a walk would list them.
    expect(nodesOfType(input.ast, AST_NODE_TYPES.ImportDeclaration)).toEqual([ast.body[0]]);
    expect(nodesOfType(input.ast, AST_NODE_TYPES.ImportSpecifier)).toEqual([]);
    expect(traversed).toBe(1);
  });
});
