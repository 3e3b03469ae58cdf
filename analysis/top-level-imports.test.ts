// The one pass over a file's top level that the cheap gates share (analysis/top-level-imports.ts).
import { describe, expect, it } from "vitest";
import { parseAnalysisInput } from "./parse-input.js";
import { topLevelImportsOf } from "./top-level-imports.js";

const topLevel = (code: string) => topLevelImportsOf(parseAnalysisInput(code, "/p/src/index.ts").ast);

describe("topLevelImportsOf", () => {
  it("lists the module bindings of the top level in source order, with the declarators' members and export", () => {
    const { bindings } = topLevel(
      [
        `import { a } from "./a";`,
        `import type { T } from "./types";`,
        `import fs = require("node:fs");`,
        `import N = Outer.Inner;`,
        `const b = require("./b"), c = 1;`,
        `const d = require("./d").member;`,
        `export const { e } = await import("./e");`,
        `function f() { const g = require("./g"); return g; }`,
      ].join("\n"),
    );
    expect(bindings.map((binding) => [binding.kind, binding.specifier, binding.kind === "declarator" ? [binding.member, binding.exported] : binding.node.importKind])).toEqual([
      ["import", "./a", "value"],
      ["import", "./types", "type"],
      ["importEquals", "node:fs", "value"],
      ["importEquals", undefined, "value"],
      ["declarator", "./b", [undefined, false]],
      ["declarator", "./d", ["member", false]],
      ["declarator", "./e", [undefined, true]],
    ]);
  });

  it("collects the constructor parameter properties of top-level classes, exported or not, and none of nested ones", () => {
    const { parameterProperties } = topLevel(
      [
        `class A { constructor(private a: X, b: Y) {} }`,
        `export class B { constructor(readonly b: X) {} }`,
        `export default class { constructor(public c: X) {} }`,
        `function f() { return class { constructor(private d: X) {} }; }`,
      ].join("\n"),
    );
    expect(parameterProperties.map((property) => (property.parameter.type === "Identifier" ? property.parameter.name : "?"))).toEqual(["a", "b", "c"]);
  });

  it("says whether a namespace holds code (an ambient one does not), and answers once per AST", () => {
    expect(topLevel(`declare namespace N { const x: number; }\ndeclare global { var y: number; }\n`).namespaceWithCode).toBe(false);
    expect(topLevel(`namespace N { export const x = 1; }\n`).namespaceWithCode).toBe(true);
    expect(topLevel(`export namespace N { export const x = 1; }\n`).namespaceWithCode).toBe(true);
    const { ast } = parseAnalysisInput(`import { a } from "./a";\n`, "/p/src/index.ts");
    expect(topLevelImportsOf(ast)).toBe(topLevelImportsOf(ast));
  });
});
