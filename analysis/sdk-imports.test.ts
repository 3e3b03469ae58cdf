import { describe, expect, it } from "vitest";
import { simpleTraverse } from "@typescript-eslint/typescript-estree";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { applyEdits, EditList } from "./edits.js";
import type { AnalysisInput } from "./input.js";
import { parseAnalysisInput } from "./parse-input.js";
import { SdkImports } from "./sdk-imports.js";
import { DEFAULT_SETTINGS } from "./settings.js";

const SETTINGS = { ...DEFAULT_SETTINGS, modules: ["@/lib/tracing"] };

/** The first call of `callee` (its source text) in the file. */
function callOf(input: AnalysisInput, callee: string): TSESTree.CallExpression {
  let found: TSESTree.CallExpression | undefined;
  simpleTraverse(input.ast, {
    visitors: {
      [AST_NODE_TYPES.CallExpression](node) {
        const call = node as TSESTree.CallExpression;
        if (!found && input.text.slice(...call.callee.range) === callee) found = call;
      },
    },
  });
  if (!found) throw new Error(`no call of ${callee}`);
  return found;
}

/**
 * `useAt("enrichSession", <the call of callee>)`, then the file with that call's callee replaced by
 * the reference and the imports finished; undefined when useAt declines.
 */
function useEnrichSessionAt(code: string, callee: string, options?: { readonly newImport?: boolean }, filename = "src/eval.ts"): string | undefined {
  const input = parseAnalysisInput(code, filename, SETTINGS);
  const imports = new SdkImports(input);
  const call = callOf(input, callee);
  const reference = imports.useAt("enrichSession", call, options);
  if (reference === undefined) return undefined;
  const edits = new EditList();
  edits.replace(call.callee, reference);
  imports.finish(edits);
  return applyEdits(code, edits.edits);
}

describe("SdkImports.useAt", () => {
  it("writes the file's existing binding: named, renamed, destructured, namespace, require object", () => {
    expect(useEnrichSessionAt(`import { enrichSession as enrich } from "honeyhive";\nrun(() => x());`, "x")).toBe(
      `import { enrichSession as enrich } from "honeyhive";\nrun(() => enrich());`,
    );
    expect(useEnrichSessionAt(`const { enrichSession } = require("honeyhive");\nrun(() => x());`, "x", {}, "src/eval.cjs")).toBe(
      `const { enrichSession } = require("honeyhive");\nrun(() => enrichSession());`,
    );
    expect(useEnrichSessionAt(`import * as hh from "honeyhive";\nrun(() => x());`, "x")).toBe(`import * as hh from "honeyhive";\nrun(() => hh.enrichSession());`);
    expect(useEnrichSessionAt(`const hh = require("honeyhive");\nrun(() => x());`, "x", {}, "src/eval.cjs")).toBe(
      `const hh = require("honeyhive");\nrun(() => hh.enrichSession());`,
    );
  });

  it("finds the binding through the one resolver: a member require, and a default import beside a namespace", () => {
    expect(useEnrichSessionAt(`const enrich = require("honeyhive").enrichSession;\nrun(() => x());`, "x", {}, "src/eval.cjs")).toBe(
      `const enrich = require("honeyhive").enrichSession;\nrun(() => enrich());`,
    );
    // `import hh, * as ns` takes no `{ … }`: the namespace names the export.
    expect(useEnrichSessionAt(`import hh, * as ns from "honeyhive";\nrun(() => x(hh));`, "x")).toBe(`import hh, * as ns from "honeyhive";\nrun(() => ns.enrichSession(hh));`);
    // A later named import is preferred over an earlier require object.
    expect(useEnrichSessionAt(`const hh = require("honeyhive");\nimport { HoneyHiveTracer } from "honeyhive";\nrun(() => x(hh));`, "x")).toBe(
      `const hh = require("honeyhive");\nimport { HoneyHiveTracer, enrichSession } from "honeyhive";\nrun(() => enrichSession(hh));`,
    );
  });

  it("adds the name to the SDK's named import or destructured require, else to a settings module's", () => {
    expect(useEnrichSessionAt(`import { HoneyHiveTracer } from "honeyhive";\nrun(() => x());`, "x")).toBe(
      `import { HoneyHiveTracer, enrichSession } from "honeyhive";\nrun(() => enrichSession());`,
    );
    expect(useEnrichSessionAt(`const { HoneyHiveTracer } = require("honeyhive");\nrun(() => x());`, "x", {}, "src/eval.cjs")).toBe(
      `const { HoneyHiveTracer, enrichSession } = require("honeyhive");\nrun(() => enrichSession());`,
    );
    expect(useEnrichSessionAt(`import { tracer } from "@/lib/tracing";\nrun(() => x());`, "x")).toBe(
      `import { tracer, enrichSession } from "@/lib/tracing";\nrun(() => enrichSession());`,
    );
  });

  it("declines where the text would mean something else at the place", () => {
    // Another `enrichSession` in scope: a module-level function, a parameter.
    expect(useEnrichSessionAt(`import { HoneyHiveTracer } from "honeyhive";\nfunction enrichSession() {}\nrun(() => x());`, "x")).toBeUndefined();
    expect(useEnrichSessionAt(`import { HoneyHiveTracer } from "honeyhive";\nrun((enrichSession) => x());`, "x")).toBeUndefined();
    // The existing binding or namespace shadowed at the call.
    expect(useEnrichSessionAt(`import { enrichSession } from "honeyhive";\nrun((enrichSession) => x());`, "x")).toBeUndefined();
    expect(useEnrichSessionAt(`import * as hh from "honeyhive";\nrun((hh) => x());`, "x")).toBeUndefined();
    // …but not where the other binding is out of scope.
    expect(useEnrichSessionAt(`import { HoneyHiveTracer } from "honeyhive";\nfunction f(enrichSession) {}\nrun(() => x());`, "x")).toBe(
      `import { HoneyHiveTracer, enrichSession } from "honeyhive";\nfunction f(enrichSession) {}\nrun(() => enrichSession());`,
    );
  });

  it("adds a new import statement only when allowed", () => {
    const code = `import { evaluate } from "honeyhive/experiments";\nrun(() => x());`;
    expect(useEnrichSessionAt(code, "x", { newImport: false })).toBeUndefined();
    expect(useEnrichSessionAt(code, "x")).toBe(`import { enrichSession } from "honeyhive";\n${code.replace("x()", "enrichSession()")}`);
  });

  it("adds an import, never a require, to an ES module without a static import (require is not defined there)", () => {
    const code = `run(() => x());\n`;
    expect(useEnrichSessionAt(code, "x", {}, "src/a.mts")).toBe(`import { enrichSession } from "honeyhive";\nrun(() => enrichSession());\n`);
    expect(useEnrichSessionAt(code, "x", {}, "src/a.mjs")).toBe(`import { enrichSession } from "honeyhive";\nrun(() => enrichSession());\n`);
    expect(useEnrichSessionAt(`export const a = run(() => x());\n`, "x", {}, "src/a.js")).toBe(`import { enrichSession } from "honeyhive";\nexport const a = run(() => enrichSession());\n`);
    // A React Server Components module ("use client" / "use server", a bundler's ES module) gets an import after its directive.
    expect(useEnrichSessionAt(`"use client";\n${code}`, "x", {}, "src/a.tsx")).toBe(`"use client";\nimport { enrichSession } from "honeyhive";\nrun(() => enrichSession());\n`);
    expect(useEnrichSessionAt(`'use server';\n${code}`, "x", {}, "src/a.js")).toBe(`'use server';\nimport { enrichSession } from "honeyhive";\nrun(() => enrichSession());\n`);
    // A script, or a CommonJS file, still gets a require; so does a "use client" string that is no directive (after code).
    expect(useEnrichSessionAt(`${code}"use client";\n`, "x", {}, "src/a.js")).toBe(`const { enrichSession } = require("honeyhive");\nrun(() => enrichSession());\n"use client";\n`);
    expect(useEnrichSessionAt(code, "x", {}, "src/a.js")).toBe(`const { enrichSession } = require("honeyhive");\nrun(() => enrichSession());\n`);
    expect(useEnrichSessionAt(code, "x", {}, "src/a.cts")).toBe(`const { enrichSession } = require("honeyhive");\nrun(() => enrichSession());\n`);
  });

  it("puts a first import after a shebang, the directive prologue and the file's leading comments, before the first statement's own comments", () => {
    const line = `import { enrichSession } from "honeyhive";\n`;
    const body = `run(() => x());\n`;
    const done = body.replace("x()", "enrichSession()");
    const at = (head: string) => expect(useEnrichSessionAt(`${head}${body}`, "x", {}, "src/a.mts")).toBe(`${head}${line}${done}`);
    at(`#!/usr/bin/env node\n`);
    at(`"use client";\n`);
    at(`"use strict";\n'use server';\n`);
    at(`/*\n * Copyright 2026 Example.\n */\n`);
    at(`// @ts-check\n`);
    at(`#!/usr/bin/env node\n// Licence: MIT\n\n"use strict";\n// @ts-check\n`);
    // A comment against the first statement (its JSDoc) stays with it; a licence above it still comes first.
    expect(useEnrichSessionAt(`// Licence: MIT\n\n/** Runs x. */\n${body}`, "x", {}, "src/a.mts")).toBe(`// Licence: MIT\n${line}\n/** Runs x. */\n${done}`);
    expect(useEnrichSessionAt(`/** Runs x. */\n${body}`, "x", {}, "src/a.mts")).toBe(`${line}/** Runs x. */\n${done}`);
    // A CommonJS file's require goes after "use strict" too.
    expect(useEnrichSessionAt(`"use strict";\n${body}`, "x", {}, "src/a.cts")).toBe(`"use strict";\nconst { enrichSession } = require("honeyhive");\n${done}`);
    // Look-alikes: a string statement that is no directive (after code) and a comment inside the code stay where they are.
    expect(useEnrichSessionAt(`${body}"use client";\n`, "x", {}, "src/a.mts")).toBe(`${line}${done}"use client";\n`);
  });

  it("adds a name used only inside a function to that function's own destructure of a dynamic import, in place of the removed binding", () => {
    const code = `export async function f() {\n  const { traceTool, other } = await import("honeyhive");\n  return x();\n}\n`;
    const input = parseAnalysisInput(code, "src/a.mts");
    const imports = new SdkImports(input);
    const call = callOf(input, "x");
    const edits = new EditList();
    edits.replace(call.callee, imports.useAt("trace", call)!);
    imports.remove(input.scopeManager.scopes.flatMap((scope) => scope.variables).find((variable) => variable.name === "traceTool")!);
    imports.finish(edits);
    expect(applyEdits(code, edits.edits)).toBe(`export async function f() {\n  const { trace, other } = await import("honeyhive");\n  return trace();\n}\n`);
  });

  it("declines without adding anything: finish() then writes no import", () => {
    const code = `import { HoneyHiveTracer } from "honeyhive";\nrun((enrichSession) => x());`;
    const input = parseAnalysisInput(code, "src/eval.ts");
    const imports = new SdkImports(input);
    expect(imports.useAt("enrichSession", callOf(input, "x"))).toBeUndefined();
    const edits = new EditList();
    imports.finish(edits);
    expect(edits.edits).toEqual([]);
  });
});

describe("SdkImports.use", () => {
  it("does not take a side-effect import for a list to add to", () => {
    const code = `import "honeyhive";\nrun();`;
    const input = parseAnalysisInput(code, "src/eval.ts");
    const imports = new SdkImports(input);
    expect(imports.use("trace")).toBe("trace");
    const edits = new EditList();
    imports.finish(edits);
    expect(applyEdits(code, edits.edits)).toBe(`import { trace } from "honeyhive";\nimport "honeyhive";\nrun();`);
  });

  it("accepts the codemods' parsed file (an object holding the analysis input)", () => {
    const input = parseAnalysisInput(`import { trace as hhTrace } from "honeyhive";\n`, "src/a.ts");
    expect(new SdkImports({ input }).use("trace")).toBe("hhTrace");
  });
});
