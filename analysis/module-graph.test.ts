// The package's modules import each other without a cycle. A cycle makes the evaluation order of
// modules depend on which one a consumer loads first (a `const` read before its module ran is a
// TDZ error in ESM, `undefined` in the CommonJS build), and it hides which layer uses which: the
// cross-file reader (project-modules.ts) once imported the fact extractor, whose models import the
// reader; the extractor now reaches the reader through `AnalysisInput.readModuleFacts`.
//
// Counted: the imports that stay in the compiled output (`import`, `export … from`, `import x =
// require()` of a relative path). Not counted: type-only imports (erased) and `import()` /
// `require()` calls in code (they run after every module has loaded).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SOURCE_DIRECTORIES = ["analysis", "rules", "codemods", "sdk"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

// A relative specifier in the position of an import's: after `from`, `import`, `import(` or `require(`, with white space
// and comments between (`import /* x */ "./a"`, `from // why⏎ "./b"`).
const RELATIVE_SPECIFIER_LINE = /(?:\bfrom|\bimport\s*\(?|\brequire\s*\()(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*["']\.{1,2}\/[^\n]*/g;

/**
 * The text up to the end of the line of the last relative specifier in an import statement's position: every import
 * statement counted lies in it. Statements before the cut parse as in the whole text (a token depends only on the text
 * before it), so what is cut off (most of a module: its code after the imports) is not parsed, which halves the test.
 */
function importingPart(text: string): string {
  let end = 0;
  for (const match of text.matchAll(RELATIVE_SPECIFIER_LINE)) end = match.index + match[0].length;
  return text.slice(0, end);
}

/** The relative specifiers of a module's load-time imports (see the header). */
function loadTimeImports(text: string, filename: string): string[] {
  // No JSDoc parsing: the comments say nothing about imports, and parsing them is most of the cost.
  const file = ts.createSourceFile(filename, importingPart(text), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      // Without verbatimModuleSyntax TypeScript drops an import whose every specifier is `type`.
      const onlyTypes = clause !== undefined && (clause.isTypeOnly || (!clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly)));
      if (!onlyTypes) specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    } else if (ts.isImportEqualsDeclaration(statement) && !statement.isTypeOnly && ts.isExternalModuleReference(statement.moduleReference)) {
      specifier = statement.moduleReference.expression;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith(".")) specifiers.push(specifier.text);
  }
  return specifiers;
}

/** Each strongly connected group of modules (more than one, or one importing itself) with one concrete cycle through it. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return groups.map((group) => shortestCycle(graph, new Set(group), [...group].sort()[0]!));
}

/** `start → … → start` within `group`, by breadth-first search. */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, group: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at += 1) {
    const node = queue[at]!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let back: string | undefined = node; back !== undefined && back !== start; back = previous.get(back)) path.splice(1, 0, back);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

describe("module graph", () => {
  it("the package's sources import each other without a cycle", () => {
    const files = SOURCE_DIRECTORIES.flatMap((directory) => sourceFiles(join(ROOT, directory)));
    const known = new Set(files);
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const targets = loadTimeImports(readFileSync(file, "utf8"), file)
        .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, ".ts"))
        .filter((target) => known.has(target));
      graph.set(file, targets);
    }
    expect(files.length).toBeGreaterThan(100); // the walk found the sources
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length); // and their imports
    const cycles = importCycles(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(" → "));
    expect(cycles).toEqual([]);
  });

  it("counts value imports and re-exports, not type-only ones", () => {
    const text = `import type { A } from "./a.js";
import { type B, type C } from "./b.js";
import { type D, e } from "./d.js";
import f from "./f.js";
import "./side-effect.js";
import g = require("./g.js");
export { h } from "./h.js";
export type { I } from "./i.js";
export * from "./j.js";
import { k } from "package";
const later = () => import("./lazy.js");
`;
    expect(loadTimeImports(text, "m.ts")).toEqual(["./d.js", "./f.js", "./side-effect.js", "./g.js", "./h.js", "./j.js"]);
    // Only the part of a module up to its last import is parsed: an import below code still counts, a specifier in a
    // string after it does not.
    const late = `const a = 1;\nexport function f() {\n  return a;\n}\nexport { b } from "./late.js";\nconst program = \`import c from "./in-a-string.js";\`;\n`;
    expect(loadTimeImports(late, "m.ts")).toEqual(["./late.js"]);
  });

  it("finds an import whose path follows a comment, so a cycle written that way is not hidden", () => {
    // The cut at the last relative specifier must see through comments between the keyword and the path: otherwise the
    // statement is cut off before it is parsed and the edge (here the only one closing the cycle) is lost.
    const a = `import /* x */ "./b.js";\nexport const a = 1;\n`;
    const b = `export { a } from /* c */ "./a.js";\nexport const b = 2;\n`;
    expect(loadTimeImports(a, "a.ts")).toEqual(["./b.js"]);
    expect(loadTimeImports(b, "b.ts")).toEqual(["./a.js"]);
    expect(loadTimeImports(`import { c } from // the line comment form\n  "./c.js";\n`, "c.ts")).toEqual(["./c.js"]);
    const graph = new Map([["a.ts", loadTimeImports(a, "a.ts").map((specifier) => specifier.slice(2, -3) + ".ts")], ["b.ts", loadTimeImports(b, "b.ts").map((specifier) => specifier.slice(2, -3) + ".ts")]]);
    expect(importCycles(graph)).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });

  it("reports a cycle with its path, and none for a diamond", () => {
    const cycle = new Map([["a", ["b"]], ["b", ["c", "d"]], ["c", ["a"]], ["d", []]]);
    expect(importCycles(cycle)).toEqual([["a", "b", "c", "a"]]);
    const diamond = new Map([["a", ["b", "c"]], ["b", ["d"]], ["c", ["d"]], ["d", []]]);
    expect(importCycles(diamond)).toEqual([]);
    expect(importCycles(new Map([["self", ["self"]]]))).toEqual([["self", "self"]]);
  });
});
