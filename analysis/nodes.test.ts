import { AST_NODE_TYPES, parse, simpleTraverse, type TSESTree } from "@typescript-eslint/typescript-estree";
import { parseForESLint } from "@typescript-eslint/parser";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { SourceCode } from "eslint";
import { describe, expect, it } from "vitest";
import { indexFromTraversal, indexNodes, nodesOfType, nodesOfTypes, nodesOfTypesWithin, type NodeType } from "./nodes.js";

const SOURCES: Record<string, string> = {
  "decorators.ts": `
import { Controller, Get, Inject, Injectable } from "@nestjs/common";
@Injectable()
export class Service {
  #secret = 1;
  static count: number = 0;
  declare readonly label?: string;
  accessor size = 2;
  constructor(@Inject("X") private readonly x: string, public y = make()) {}
  @Get(":id") async find(@Param("id") id: string): Promise<string> { return \`\${this.x}\${id}\`; }
  get value(): number { return this.#secret; }
  static { Service.count++; }
}
@Controller() export class Exported {}
export default @Controller() class {}
abstract class Shape<T extends object = {}> implements Base<T> { abstract area(): number; overload(a: string): void; overload(a: unknown) {} }
`,
  "types.ts": `
enum Color { Red = 1, Green = Red << 1, Blue = "b".length }
const enum Flags { A }
declare module "m" { export const v: number; }
namespace N.M { export type T = keyof typeof v; }
declare global { interface Window { x: number } }
type Mapped<T> = { readonly [K in keyof T as \`get\${string & K}\`]-?: T[K] extends (...args: infer A) => infer R ? R : never };
type Tuple = [a: string, b?: number, ...rest: boolean[]];
type Lit = \`prefix-\${"a" | "b"}\`;
interface I<T> extends J<T> { (x: T): void; new (x: T): I<T>; readonly [key: string]: unknown; method?<U>(u: U): asserts u is T; }
function overloaded(a: string): string;
function overloaded(a: any) { return a satisfies unknown; }
let x = <T,>(value: T): value is T => true, y = obj!.prop as unknown as I<number>;
abstract class A { private constructor(protected p?: number) { super(); } }
export type { I };
export * as everything from "./everything.js";
import json from "./data.json" with { type: "json" };
import type { Only } from "./types.js";
export = x;
`,
  "statements.ts": `
label: for (const [a, { b = 1, ...rest }] of pairs) { if (a) continue label; else break label; }
for (let i = 0, j = 1; i < j; i++, j--) while (i) do i--; while (i > 0);
for (const key in object) switch (key) { case "a": { throw new Error(key); } default: }
try { await import("./lazy.js"); } catch { } finally { debugger; }
const result = a?.b?.[c]?.(d) ?? (e || f && !g) ? h : i;
const tagged = tag\`one \${two} three \${four()}\`;
class Holder extends (mixin(Base)) { field = () => this; [computed]() { return super.method?.(); } }
async function* gen() { yield* other(); for await (const x of stream) yield x; }
export const { p, q = 2 } = obj, [r, , s] = list;
new.target; import.meta.url; x ||= 1; y ??= 2; z **= 3;
`,
  "component.tsx": `
import * as React from "react";
export function List<T>({ items, render }: { items: T[]; render: (item: T) => React.ReactNode }) {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <ul className={open ? "open" : undefined} {...rest} onClick={() => setOpen(!open)}>
        {items.map((item, index) => <li key={index}>{render(item)} text &amp; more</li>)}
      </ul>
      <Foo.Bar<string> value="x" data-x={1} />
      <svg:circle />
    </>
  );
}
`,
  "script.js": `
"use strict";
const fs = require("fs");
module.exports = function handler(event, context) { return new Promise((resolve) => fs.readFile(event.path, resolve)); };
var re = /a+/g, big = 10n, obj = { get x() { return 1; }, set x(v) {}, [k]: 1, m() {}, ...spread };
`,
};

function parseBare(filename: string): TSESTree.Program {
  return parse(SOURCES[filename], { range: true, loc: true, jsx: /\.(tsx|js)$/.test(filename) }) as TSESTree.Program;
}

/** Every node `simpleTraverse` meets, in its order, with the parent it passes. */
function simpleWalk(root: TSESTree.Node): Array<{ node: TSESTree.Node; parent: TSESTree.Node | undefined }> {
  const visited: Array<{ node: TSESTree.Node; parent: TSESTree.Node | undefined }> = [];
  simpleTraverse(root, { enter: (node, parent) => visited.push({ node, parent }) });
  return visited;
}

describe.each(Object.keys(SOURCES))("the node index of %s", (filename) => {
  it("holds every node simpleTraverse meets, each type in its order", () => {
    const ast = parseBare(filename);
    const expected = new Map<string, TSESTree.Node[]>();
    for (const { node } of simpleWalk(ast)) {
      if (!expected.has(node.type)) expected.set(node.type, []);
      expected.get(node.type)!.push(node);
    }
    for (const type of Object.values(AST_NODE_TYPES)) {
      expect(nodesOfType(ast, type), type).toEqual(expected.get(type) ?? []);
      // Identity, not only structure:
      (nodesOfType(ast, type) as readonly TSESTree.Node[]).forEach((node, i) => expect(node).toBe(expected.get(type)![i]));
    }
  });

  it("sets the parent simpleTraverse passes on every node of a bare parse", () => {
    const ast = parseBare(filename);
    const expected = simpleWalk(ast);
    indexNodes(ast);
    for (const { node, parent } of expected) expect(node.parent).toBe(parent);
  });

  it("merges several types in walk order", () => {
    const ast = parseBare(filename);
    const walk = simpleWalk(ast).map(({ node }) => node);
    const groups: NodeType[][] = [
      [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression],
      [AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression],
      [AST_NODE_TYPES.TemplateElement, AST_NODE_TYPES.Identifier, AST_NODE_TYPES.Decorator],
    ];
    for (const types of groups) {
      const merged = nodesOfTypes(ast, types);
      expect(merged).toEqual(walk.filter((node) => types.includes(node.type)));
      expect(nodesOfTypes(ast, types)).toBe(merged);
    }
  });

  it("finds the nodes of a function body as a walk of the body does", () => {
    const ast = parseBare(filename);
    const functions = nodesOfTypes(ast, [AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression]);
    expect(functions.length).toBeGreaterThan(0);
    // Calls are ordered by start offset (binary search); identifiers after template elements are not (a scan).
    for (const types of [[AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression], [AST_NODE_TYPES.TemplateElement, AST_NODE_TYPES.Identifier]]) {
      for (const fn of functions) {
        if (!fn.body) continue;
        const expected = simpleWalk(fn.body)
          .map(({ node }) => node)
          .filter((node) => (types as string[]).includes(node.type));
        expect(nodesOfTypesWithin(ast, types, fn.body)).toEqual(expected);
      }
    }
  });
});

/** A file as ESLint holds it when the rules run: its SourceCode, whose traversal has been computed. */
function eslintSourceCode(filename: string): SourceCode {
  const text = SOURCES[filename];
  const result = parseForESLint(text, { filePath: filename, range: true, loc: true, tokens: true, comment: true, ecmaVersion: "latest", sourceType: "module" });
  const sourceCode = new SourceCode({ text, ast: result.ast as never, parserServices: result.services, scopeManager: result.scopeManager as never, visitorKeys: result.visitorKeys as never });
  sourceCode.traverse();
  return sourceCode;
}

describe.each(Object.keys(SOURCES))("the node index of %s read off ESLint's traversal", (filename) => {
  it("holds the nodes a walk of the same tree meets, each type in its order", () => {
    const sourceCode = eslintSourceCode(filename);
    const ast = sourceCode.ast as unknown as TSESTree.Program;
    indexFromTraversal(ast, sourceCode);
    const walked = simpleWalk(ast).map(({ node }) => node);
    for (const type of Object.values(AST_NODE_TYPES)) {
      const expected = walked.filter((node) => node.type === type);
      const indexed = nodesOfType(ast, type) as readonly TSESTree.Node[];
      expect(indexed.length, type).toBe(expected.length);
      indexed.forEach((node, i) => expect(node).toBe(expected[i]));
    }
    const types = [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.Identifier];
    const merged = nodesOfTypes(ast, types) as readonly TSESTree.Node[];
    expect(merged.length).toBe(walked.filter((node) => (types as string[]).includes(node.type)).length);
    walked.filter((node) => (types as string[]).includes(node.type)).forEach((node, i) => expect(merged[i]).toBe(node));
  });
});

describe("the node index read off a traversal", () => {
  const program = () => parseBare("script.js");

  it("takes the traversal's enter visits (not a walk), skipping exits and code-path events", () => {
    const ast = program();
    const [first, second] = ast.body;
    let asked = 0;
    indexFromTraversal(ast, {
      visitorKeys,
      traverse() {
        asked += 1;
        return [
          { kind: 2, target: "onCodePathStart" },
          { kind: 1, phase: 1, target: ast },
          { kind: 1, phase: 1, target: first },
          { kind: 1, phase: 2, target: first },
          { kind: 1, phase: 1, target: second },
        ];
      },
    });
    expect(asked).toBe(0); // lazily: only when a model asks
    expect(nodesOfType(ast, AST_NODE_TYPES.ExpressionStatement)).toEqual([first]);
    expect(nodesOfType(ast, AST_NODE_TYPES.VariableDeclaration)).toEqual([second]);
    expect(nodesOfType(ast, AST_NODE_TYPES.CallExpression)).toEqual([]);
    expect(asked).toBe(1);
  });

  it("walks the tree when the traversal is of another tree, or not a list", () => {
    const ast = program();
    const calls = nodesOfType(parseBare("script.js"), AST_NODE_TYPES.CallExpression).length;
    indexFromTraversal(ast, { visitorKeys, traverse: () => [{ kind: 1, phase: 1, target: parseBare("script.js") }] });
    expect(nodesOfType(ast, AST_NODE_TYPES.CallExpression)).toHaveLength(calls);
    const other = program();
    indexFromTraversal(other, { visitorKeys, traverse: () => new Set([{ kind: 1, phase: 1, target: other }]) });
    expect(nodesOfType(other, AST_NODE_TYPES.CallExpression)).toHaveLength(calls);
  });

  it("walks the tree when the traversal follows other keys than the walk (espree's, a newer parser's) or does not say", () => {
    const only = (ast: TSESTree.Program) => () => [{ kind: 1, phase: 1, target: ast }];
    const calls = nodesOfType(program(), AST_NODE_TYPES.CallExpression).length;
    // ESLint's default keys (espree) visit `export { a as b }` exported-first: not the walk's order.
    const espree = { ...visitorKeys, ExportSpecifier: ["exported", "local"] };
    const newer = { ...visitorKeys, CallExpression: [...visitorKeys.CallExpression!, "extra"] };
    for (const keys of [espree, newer, undefined]) {
      const ast = program();
      indexFromTraversal(ast, { traverse: only(ast), ...(keys ? { visitorKeys: keys } : {}) });
      expect(nodesOfType(ast, AST_NODE_TYPES.CallExpression)).toHaveLength(calls);
    }
    // The same keys in another object (another copy of the package): the traversal is used.
    const ast = program();
    indexFromTraversal(ast, { traverse: only(ast), visitorKeys: structuredClone(visitorKeys) });
    expect(nodesOfType(ast, AST_NODE_TYPES.CallExpression)).toEqual([]);
  });
});

describe("the node index", () => {
  it("is built once per AST", () => {
    const ast = parseBare("statements.ts");
    const calls = nodesOfType(ast, AST_NODE_TYPES.CallExpression);
    expect(nodesOfType(ast, AST_NODE_TYPES.CallExpression)).toBe(calls);
    const other = parseBare("statements.ts");
    expect(nodesOfType(other, AST_NODE_TYPES.CallExpression)).not.toBe(calls);
    expect(nodesOfType(other, AST_NODE_TYPES.CallExpression)).toHaveLength(calls.length);
  });

  it("keeps a parent that is already set (ESLint's)", () => {
    const ast = parseBare("script.js");
    simpleTraverse(ast, { enter() {} }, true);
    const statement = ast.body[1];
    const marker = { type: "Marker" } as unknown as TSESTree.Node;
    (statement as { parent?: TSESTree.Node }).parent = marker;
    indexNodes(ast);
    expect(statement.parent).toBe(marker);
    expect(ast.parent).toBeUndefined();
  });

  it("answers an empty list for a type the file lacks", () => {
    const ast = parseBare("script.js");
    expect(nodesOfType(ast, AST_NODE_TYPES.Decorator)).toEqual([]);
    expect(nodesOfTypes(ast, [AST_NODE_TYPES.Decorator, AST_NODE_TYPES.JSXElement])).toEqual([]);
  });
});

describe("a node type first met after a file was indexed", () => {
  it("is one the earlier file does not hold, alone or merged, while the later file holds it", () => {
    const earlier = parseBare("script.js");
    const calls = nodesOfType(earlier, AST_NODE_TYPES.CallExpression);
    // A node type no parser makes, so that its slot is surely added after `earlier` was indexed.
    const type = "HoneyhiveNodeIndexTestOnly" as NodeType;
    const later = parseBare("script.js");
    const extra = { type, range: [0, 0], loc: later.loc, parent: later } as unknown as TSESTree.ProgramStatement;
    later.body.push(extra);
    expect(nodesOfType(later, type)).toEqual([extra]);
    expect(nodesOfTypes(later, [AST_NODE_TYPES.CallExpression, type]).at(-1)).toBe(extra);
    expect(nodesOfType(earlier, type)).toEqual([]);
    expect(nodesOfTypes(earlier, [AST_NODE_TYPES.CallExpression, type])).toEqual(calls);
  });
});
