import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import typescriptEstree = require("@typescript-eslint/typescript-estree");
import estreeInternals = require("@typescript-eslint/typescript-estree/use-at-your-own-risk");
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import ts = require("typescript");
import { convertSourceFile, lazyLocations, linkParents, parseEstree, scriptKindOf, type GrammarChecks } from "./parse-input.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

const JSX_EXTENSIONS = new Set(["tsx", "jsx", "js", "cjs", "mjs"]);

function publicParse(text: string, filePath: string): unknown {
  const extension = filePath.slice(filePath.lastIndexOf(".") + 1);
  return typescriptEstree.parse(text, { range: true, loc: true, comment: false, tokens: false, jsx: JSX_EXTENSIONS.has(extension), filePath, jsDocParsingMode: "none" });
}

function fastParse(text: string, filePath: string, grammar: GrammarChecks = "checked"): unknown {
  const extension = filePath.slice(filePath.lastIndexOf(".") + 1);
  return parseEstree(text, filePath, JSX_EXTENSIONS.has(extension), grammar);
}

function errorOf(parse: () => unknown): { message: string; lineNumber: number; column: number } | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    const { message, lineNumber, column } = error as { message: string; lineNumber: number; column: number };
    return { message, lineNumber, column };
  }
}

describe("scriptKindOf", () => {
  // typescript-estree's public parse (what the fast path must equal) picks the kind with its
  // getScriptKind; ours must agree on every path a source file can have (JSON is never parsed here).
  const paths = ["a.js", "a.cjs", "a.mjs", "a.jsx", "a.ts", "a.cts", "a.mts", "a.tsx", "A.TSX", "B.Mjs", "lib.v2/file", "dir/a.vue", "a.d.ts", "a"];
  it.each(paths.flatMap((path) => [true, false].map((jsx) => [path, jsx] as const)))("%s with jsx %s: as typescript-estree", (path, jsx) => {
    expect(scriptKindOf(path, jsx)).toBe(estreeInternals.getScriptKind(path, jsx));
  });
});

/** Every node reached from `root` (its children and JSDoc), in order, as kind, range and the position of its parent in the list. */
function parentLinksOf(root: ts.Node): string[] {
  const positions = new Map<ts.Node, number>();
  const links: string[] = [];
  const visit = (node: ts.Node): undefined => {
    positions.set(node, links.length);
    links.push(`${node.kind} ${node.pos}-${node.end} in ${node.parent === undefined ? "none" : (positions.get(node.parent) ?? "elsewhere")}`);
    for (const doc of (node as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(doc);
    ts.forEachChild(node, visit);
    return undefined;
  };
  visit(root);
  return links;
}

// A sweep over every fixture is one synchronous loop of ~10-20 s of CPU: at a load of 10+ it outlasts vitest's 30 s
// default (seen on a fresh-clone CI run with other work beside it), so it gets a timeout of its own.
const FIXTURE_SWEEP_TIMEOUT_MS = 180_000;

describe("linkParents", () => {
  it("gives every node the parent TypeScript's setParentNodes gives it, on every fixture, JSDoc included", () => {
    expect(linkParents).toBeTypeOf("function");
    const files = sourceFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(90);
    let withJSDoc = 0;
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      // ParseAll as well: JSDoc nodes hang off `jsDoc`, outside `forEachChild`, and get their links there too. Only a
      // `/**` comment is parsed as JSDoc: in a file without one, ParseAll builds the tree ParseNone builds (not compared twice).
      const modes = text.includes("/**") ? [ts.JSDocParsingMode.ParseNone, ts.JSDocParsingMode.ParseAll] : [ts.JSDocParsingMode.ParseNone];
      for (const jsDocParsingMode of modes) {
        const parse = (setParentNodes: boolean): ts.SourceFile => ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode }, setParentNodes, scriptKindOf(path));
        const linked = parse(false);
        linkParents!(linked);
        const expected = parentLinksOf(parse(true));
        expect(parentLinksOf(linked), path).toEqual(expected);
        if (expected.some((link) => link.startsWith(`${ts.SyntaxKind.JSDoc} `))) withJSDoc++;
      }
    }
    expect(withJSDoc).toBeGreaterThan(0);
  }, FIXTURE_SWEEP_TIMEOUT_MS);

  it("links nothing a parse without it leaves unlinked (the comparison above can tell)", () => {
    const sourceFile = ts.createSourceFile("src/a.ts", "/** Doc. */\nexport function f(a: number) { return a + 1; }\n", { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseAll }, false, ts.ScriptKind.TS);
    const before = parentLinksOf(sourceFile);
    expect(before.filter((link) => link.endsWith(" in none")).length).toBeGreaterThan(5);
    linkParents!(sourceFile);
    expect(parentLinksOf(sourceFile).filter((link) => link.endsWith(" in none"))).toEqual([`${ts.SyntaxKind.SourceFile} 0-${sourceFile.end} in none`]);
  });
});

describe("parseEstree", () => {
  it("builds the very AST typescript-estree's parse() builds, on every fixture, with or without the grammar checks", () => {
    const files = sourceFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(90);
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      const expected = JSON.stringify(publicParse(text, path));
      expect(JSON.stringify(fastParse(text, path)), path).toBe(expected);
      // The engine parses the text its own edits made unchecked (GrammarChecks): on valid code the AST is the same.
      expect(JSON.stringify(fastParse(text, path, "unchecked")), path).toBe(expected);
    }
  }, FIXTURE_SWEEP_TIMEOUT_MS);

  it("parses .mjs and .mts files as modules, like parse() without sourceType", () => {
    // Top-level `await` followed by a parenthesized expression: a call of `await` in a script.
    const text = "const value = await (load)();\n";
    for (const path of ["src/a.mts", "src/a.mjs", "src/a.ts", "src/a.cts"]) {
      expect(JSON.stringify(fastParse(text, path)), path).toBe(JSON.stringify(publicParse(text, path)));
    }
  });

  it("fails as parse() does: same message and position for syntax and grammar errors", () => {
    const cases = [
      ["src/a.ts", "const x = {;\n"],
      ["src/a.ts", "class A { constructor(private ...rest: string[]) {} }\n"], // typescript-estree's own check
      ["src/a.tsx", "const element = <div>;\n"],
      ["src/a.js", "function f( {\n"],
    ] as const;
    for (const [path, text] of cases) {
      const expected = errorOf(() => publicParse(text, path));
      expect(expected, `${path}: ${text}`).toBeDefined();
      expect(errorOf(() => fastParse(text, path))).toEqual(expected);
    }
  });

  it("skips only the grammar checks when unchecked: TypeScript's syntax errors still fail, at the same place", () => {
    for (const text of ["const x = {;\n", "function f( {\n"]) {
      const expected = errorOf(() => parseEstree(text, "src/a.ts", false));
      expect(expected, text).toBeDefined();
      expect(errorOf(() => parseEstree(text, "src/a.ts", false, "unchecked"))).toEqual(expected);
    }
    // Grammar errors TypeScript's parser leaves to its checker: typescript-estree's checks alone see them.
    for (const text of ["for (const x = 1 of y) {}\n", "class A { constructor(private ...rest: string[]) {} }\n", "const a = { async get b() {} };\n"]) {
      expect(errorOf(() => parseEstree(text, "src/a.ts", false)), text).toBeDefined();
      expect(errorOf(() => parseEstree(text, "src/a.ts", false, "unchecked")), text).toBeUndefined();
    }
  });

  it("computes each node's loc on demand, as typescript-estree computes it", () => {
    // The comparison with parse() above covers every loc (JSON.stringify reads them); this says the
    // lazy locations are in effect, so a new typescript-estree that moves its helpers is noticed.
    expect(lazyLocations).toBe(true);
    const text = "const a = 1;\r\nfunction f(\n  x?: string,\n) {}\u2028export { a };\n";
    const ast = fastParse(text, "src/a.ts") as TSESTree.Program;
    const expected = publicParse(text, "src/a.ts") as TSESTree.Program;
    expect(ast.body[1].loc.start).toEqual(expected.body[1].loc.start);
    expect(ast.body[1].loc.end).toEqual({ line: 4, column: 4 });
    expect(ast.body[2].loc.start).toEqual({ line: 5, column: 0 });
    // Read twice, the same object, as with typescript-estree's own.
    expect(ast.body[0].loc.start).toBe(ast.body[0].loc.start);
  });

  it("leaves typescript-estree's own parse computing loc, also after a syntax error", () => {
    const plain = (ast: unknown): boolean => Object.getPrototypeOf((ast as TSESTree.Program).loc) === Object.prototype;
    fastParse("const a = 1;\n", "src/a.ts");
    expect(plain(publicParse("const a = 1;\n", "src/a.ts"))).toBe(true);
    expect(errorOf(() => fastParse("const x = {;\n", "src/a.ts"))).toBeDefined();
    expect(plain(publicParse("const a = 1;\n", "src/a.ts"))).toBe(true);
    expect(plain(fastParse("const a = 1;\n", "src/a.ts"))).toBe(false);
  });

  it("leaves no token lists of the converted file in TypeScript's module-level cache", () => {
    // TypeScript's internal cache of `getChildren()` lists, keyed by source file (absent before 5.6).
    const cached = (ts as unknown as { getNodeChildren?: (node: ts.Node, sourceFile: ts.SourceFile) => unknown }).getNodeChildren;
    expect(cached).toBeTypeOf("function");
    const parse = (text: string): ts.SourceFile =>
      ts.createSourceFile("src/a.ts", text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, ts.ScriptKind.TS);
    // The conversion asks for token lists: the token after `export` (fixExports) walks the file's.
    const text = "export const a = 1;\nexport default function f() {}\n";
    const sourceFile = parse(text);
    const ast = convertSourceFile(sourceFile);
    expect(ast.body.map((statement) => statement.type)).toEqual(["ExportNamedDeclaration", "ExportDefaultDeclaration"]);
    expect(cached!(sourceFile, sourceFile)).toBeUndefined();
    // The same conversion of a second copy with the release off leaves them there: the conversion does
    // ask for token lists (else the check above would pass with nothing released).
    const other = parse(text);
    expect(cached!(other, other)).toBeUndefined();
    expect(convertSourceFile(other, false)).toEqual(ast);
    expect(cached!(other, other)).toBeDefined();
  });
});
