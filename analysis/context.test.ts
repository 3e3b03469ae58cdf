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
function eslintInput(text: string, filename: string, sourceType: "module" | "script" = "module"): AnalysisInput {
  const linter = new Linter({ configType: "flat" });
  linter.verify(text, [{ files: ["**/*.ts", "**/*.js"], languageOptions: { parser: tsParser, sourceType } }], { filename });
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

  it("finds a global the module assigns at any depth, first as its scope comes first; a script's global scope holds its own declarations", () => {
    const names = (input: AnalysisInput) => getAnalysisContext(input).variables.map((variable) => variable.name);
    // A module's global scope holds only the environment's variables: read only where the code writes one.
    expect(names(eslintInput(`const a = 1; export function f() { return () => { Symbol = a; }; }`, "src/m.ts"))).toEqual(["Symbol", "a", "f"]);
    expect(names(eslintInput(`const a = 1; export function f() { return Symbol(a); }`, "src/m.ts"))).toEqual(["a", "f"]);
    expect(names(eslintInput(`var a = 1; function f() { Symbol = a; }`, "src/s.js", "script"))).toEqual(["Symbol", "a", "f"]);
    // The binding resolver maps a script's global declarations and references as a module's.
    const script = eslintInput(`var a = 1; function f() { return a; }`, "src/s.js", "script");
    const declared = script.scopeManager.globalScope!.set.get("a")!;
    expect(declared.references.map((reference) => getAnalysisContext(script).bindings.variableOf(reference.identifier as TSESTree.Identifier))).toEqual([declared, declared]);
  });
});

describe("AnalysisContext: Deno's npm:/jsr: specifiers, normalized where the modules are collected", () => {
  const modulesOf = (text: string) => {
    const context = getAnalysisContext(eslintInput(text, "src/main.ts"));
    return { all: [...context.importedModules], top: [...context.staticModules], context };
  };

  it("names each module by the package it points to, in every import form", () => {
    const { all, top } = modulesOf(
      [
        `import express from "npm:express@4";`,
        `import { Hono } from "jsr:@hono/hono@^4";`,
        `import type { Request } from "npm:@google-cloud/functions-framework@3";`,
        `import { serveDir } from "jsr:@std/http@1/file-server";`,
        `export * from "npm:honeyhive@^2";`,
        `import http from "node:http";`,
        `import local from "./npm:x";`,
        `const cors = require("npm:cors@2");`,
        `const { z } = await import("npm:zod@3");`,
      ].join("\n"),
    );
    expect(top).toEqual(["express", "@hono/hono", "@google-cloud/functions-framework", "@std/http/file-server", "honeyhive", "node:http", "./npm:x"]);
    expect(all).toEqual([...top, "cors", "zod"]);
  });

  it("answers how the file writes a package, for a fix that adds an import of it", () => {
    const { context } = modulesOf(`import { evaluate } from "npm:honeyhive@^2/experiments";\nimport { Hono } from "jsr:@hono/hono@4";\nimport lookalike from "npm:honeyhive-lookalike@1";\n`);
    expect(context.specifierFor("honeyhive")).toBe("npm:honeyhive@^2");
    expect(context.specifierFor("honeyhive/experiments")).toBe("npm:honeyhive@^2/experiments");
    expect(context.specifierFor("@hono/hono/factory")).toBe("jsr:@hono/hono@4/factory");
    // A package the file does not write in another form is written as its name.
    expect(context.specifierFor("@vercel/functions")).toBe("@vercel/functions");
  });

  it("writes a CDN's URL with its own query and suffix after the subpath (esm.sh, jsDelivr)", () => {
    const esm = modulesOf(`import { HoneyHiveTracer } from "https://esm.sh/v135/honeyhive@1.0.42?target=deno";\n`).context;
    expect(esm.specifierFor("honeyhive")).toBe("https://esm.sh/v135/honeyhive@1.0.42?target=deno");
    expect(esm.specifierFor("honeyhive/experiments")).toBe("https://esm.sh/v135/honeyhive@1.0.42/experiments?target=deno");
    const jsdelivr = modulesOf(`import { evaluate } from "https://cdn.jsdelivr.net/npm/honeyhive@2/experiments/+esm";\n`).context;
    expect(jsdelivr.specifierFor("honeyhive")).toBe("https://cdn.jsdelivr.net/npm/honeyhive@2/+esm");
  });

  it("does not take a look-alike package for the SDK, nor the SDK for its look-alike", () => {
    expect(modulesOf(`import x from "npm:honeyhive-lookalike@1";\n`).context.specifierFor("honeyhive")).toBe("honeyhive");
    expect(modulesOf(`import { trace } from "npm:honeyhive@2";\n`).context.specifierFor("honeyhive-lookalike")).toBe("honeyhive-lookalike");
  });

  it("reads the written form from a require() too", () => {
    expect(modulesOf(`const hh = require("npm:honeyhive@2");\n`).context.specifierFor("honeyhive")).toBe("npm:honeyhive@2");
  });
});

describe("AnalysisContext.calledModules", () => {
  const calledOf = (text: string) => [...getAnalysisContext(eslintInput(text, "src/main.ts")).calledModules];

  it("lists the modules of require() and import() calls anywhere, normalized, and no import declaration", () => {
    const text = [
      `import type { Options } from "./instrument";`,
      `import express from "express";`,
      `export * from "./barrel";`,
      `const cors = require("npm:cors@2");`,
      `export async function register() { await import("./sentry.server.config"); }`,
    ].join("\n");
    expect(calledOf(text)).toEqual(["cors", "./sentry.server.config"]);
  });

  it("is empty for a file with import declarations only", () => {
    expect(calledOf(`import "./instrument";\nimport { a } from "./a";\n`)).toEqual([]);
  });
});
