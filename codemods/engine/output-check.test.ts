import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { applyEdits, type TextEdit } from "../../analysis/edits.js";
import { nodesOfType } from "../../analysis/nodes.js";
import { isSyntaxNeutral, syntaxErrorOfEdited } from "./output-check.js";
import { isParseFailure, parseFile, syntaxErrorOf, type ParsedFile } from "./parse.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

function parsed(text: string, filePath = "src/file.ts"): ParsedFile {
  const file = parseFile(text, filePath);
  if (isParseFailure(file)) throw new Error(file.failure.message);
  return file;
}

function rangeOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start === -1) throw new Error(`${needle} not in the text`);
  return { start, end: start + needle.length };
}

/** Every `before.*` fixture: real SDK code in every module format and extension. */
function fixtureInputs(): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/^before\.[cm]?[jt]sx?$/.test(entry.name)) found.push({ path, text: readFileSync(path, "utf8") });
    }
  };
  visit(FIXTURES);
  return found;
}

let parsedFixtures: { path: string; text: string; file: ParsedFile }[] | undefined;

// The fixture-wide cases compare the answer with a full parse of each edited fixture (thousands of parses): 26 s
// for the file on a quiet 2-core machine, 17-33 s a case with vitest workers on a loaded one. Their own budget.
const FIXTURE_WIDE = { timeout: 120_000 };

/** {@link fixtureInputs}, each parsed: read and parsed once for the file's fixture-wide tests, which only read the ASTs. */
function parsedFixtureInputs(): { path: string; text: string; file: ParsedFile }[] {
  return (parsedFixtures ??= fixtureInputs().map(({ path, text }) => ({ path, text, file: parsed(text, path) })));
}

/** A text that never parses: handed in as the output, it tells whether syntaxErrorOfEdited parses the output at all. */
const UNPARSABLE = "}{";

/**
 * Holds syntaxErrorOfEdited's answer for `edits` against a full parse of the edited fixture, and says whether it
 * decided without a parse. Its decision reads the fixture and the edits, never the output, so handing it
 * {@link UNPARSABLE} shows which: an undefined answer is a decision without a parse, and the full parse of the real
 * output must find no error either (the assertion these sweeps exist for). Otherwise it answers the parse of the
 * output it was handed (asserted: UNPARSABLE's own error), which is the full parse itself, so the edited output is
 * not parsed twice to compare a parse with itself. The seeded random rounds below compare every answer in full.
 */
function expectFullParseAnswer(fixture: { path: string; text: string; file: ParsedFile }, edits: readonly TextEdit[]): "proved" | "parsed" {
  const { path, text, file } = fixture;
  const unparsed = syntaxErrorOfEdited(file.ast, text, edits, UNPARSABLE, path);
  if (unparsed === undefined) {
    expect(syntaxErrorOf(applyEdits(text, edits), path), `${path} ${JSON.stringify(edits)}`).toBeUndefined();
    return "proved";
  }
  expect(unparsed, `${path} ${JSON.stringify(edits)}`).toEqual(unparsableError(path));
  return "parsed";
}

const unparsableErrors = new Map<string, ReturnType<typeof syntaxErrorOf>>();
function unparsableError(path: string): ReturnType<typeof syntaxErrorOf> {
  const kind = path.slice(path.lastIndexOf("."));
  if (!unparsableErrors.has(kind)) unparsableErrors.set(kind, syntaxErrorOf(UNPARSABLE, path));
  return unparsableErrors.get(kind);
}

describe("isSyntaxNeutral", () => {
  const text = `const tracer = init();\nconst flags = /a+/g;\nconst big = 1e5;\nconst s = "sessionStart";\ntracer.sessionStart({});\n`;
  const file = parsed(text);
  const edit = (needle: string, replacement: string, from = 0): TextEdit => ({ ...rangeOf(text, needle, from), text: replacement });

  it("takes an identifier renamed to another identifier as neutral", () => {
    expect(isSyntaxNeutral(file.ast, text, edit("sessionStart", "createSession", text.indexOf("tracer.s")))).toBe(true);
  });

  it("does not when either name is a keyword, contextual ones included", () => {
    for (const keyword of ["await", "let", "type", "as", "of", "async", "yield", "function"]) {
      expect(isSyntaxNeutral(file.ast, text, edit("sessionStart", keyword, text.indexOf("tracer.s")))).toBe(false);
    }
  });

  it("does not when the replaced text only reads like an identifier", () => {
    expect(isSyntaxNeutral(file.ast, text, edit("g;", "gx;"))).toBe(false); // not an identifier-shaped pair
    expect(isSyntaxNeutral(file.ast, text, { start: text.indexOf("/g") + 1, end: text.indexOf("/g") + 2, text: "createSession" })).toBe(false); // regex flags
    expect(isSyntaxNeutral(file.ast, text, { start: text.indexOf("e5"), end: text.indexOf("e5") + 2, text: "x" })).toBe(false); // exponent
    expect(isSyntaxNeutral(file.ast, text, edit("sessionStart", "createSession"))).toBe(false); // inside a string
    expect(isSyntaxNeutral(file.ast, text, { start: text.indexOf("racer"), end: text.indexOf("racer") + 5, text: "x" })).toBe(false); // part of a name
  });

  it("takes spaces and tabs at a line start as neutral, and nothing else inserted", () => {
    const lineStart = text.indexOf("const flags");
    expect(isSyntaxNeutral(file.ast, text, { start: lineStart, end: lineStart, text: "  \t" })).toBe(true);
    expect(isSyntaxNeutral(file.ast, text, { start: 0, end: 0, text: "  " })).toBe(true);
    // Mid-line, spaces can split a token (`tra cer`).
    expect(isSyntaxNeutral(file.ast, text, { start: 3, end: 3, text: " " })).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, { start: lineStart, end: lineStart, text: "\n" })).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, { start: lineStart, end: lineStart, text: "/* c */" })).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, { start: lineStart, end: lineStart, text: "  ", lineBefore: true })).toBe(false);
  });
});

describe("isSyntaxNeutral on review-marker lines", () => {
  const text = [
    "const tracer = init();",
    "/* a comment",
    "   spanning lines */",
    "const banner = `line one",
    "  line two`;",
    "class Agent {",
    "  run() {",
    "    return tracer",
    "      .sessionStart();",
    "  }",
    "}",
    "",
  ].join("\n");
  const file = parsed(text);
  const marker = (line: string, comment = "/* honeyhive-migrate: check this */"): TextEdit => {
    const start = text.indexOf(line);
    return { start, end: start, text: `  ${comment}\n`, lineBefore: true };
  };

  it("takes a marker line before a statement or a class member as neutral", () => {
    expect(isSyntaxNeutral(file.ast, text, marker("const tracer"))).toBe(true);
    expect(isSyntaxNeutral(file.ast, text, marker("class Agent"))).toBe(true);
    expect(isSyntaxNeutral(file.ast, text, marker("  run()"))).toBe(true);
    expect(isSyntaxNeutral(file.ast, text, marker("    return tracer"))).toBe(true);
    expect(isSyntaxNeutral(file.ast, text, { ...marker("    return tracer"), text: "/* x */\r\n" })).toBe(true);
  });

  it("does not where the line starts inside a comment, a template literal or an expression", () => {
    expect(isSyntaxNeutral(file.ast, text, marker("   spanning"))).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, marker("  line two"))).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, marker("      .sessionStart"))).toBe(false);
  });

  it("does not for a line that is not one whole comment, or not inserted as a line", () => {
    expect(isSyntaxNeutral(file.ast, text, marker("const tracer", "/* closes */ early */"))).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, marker("const tracer", "/* open"))).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, marker("const tracer", "/* a */ x"))).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, { ...marker("const tracer"), text: "/* a */" })).toBe(false);
    expect(isSyntaxNeutral(file.ast, text, { ...marker("const tracer"), lineBefore: false })).toBe(false);
    const midLine = text.indexOf("tracer = init");
    expect(isSyntaxNeutral(file.ast, text, { start: midLine, end: midLine, text: "/* a */\n", lineBefore: true })).toBe(false);
  });

  it("still catches a marker that breaks the code (inside a comment; a comment closed early)", () => {
    for (const edit of [marker("   spanning"), marker("const tracer", "/* closes */ early */")]) {
      const output = applyEdits(text, [edit]);
      expect(syntaxErrorOfEdited(file.ast, text, [edit], output, "src/file.ts")).toBeDefined();
    }
  });
});

describe("isSyntaxNeutral on dotted names and list elements", () => {
  const text = [
    'import Default, { HoneyHiveTracer, trace, enrichSpan } from "honeyhive";',
    'const { a, b, ...rest } = require("x");',
    "const tracer = HoneyHiveTracer.init({ project: \"p\", tracer });",
    "enrichSpan({ metadata: {} });",
    "const value = { enrichSpan };",
    "hh.traceTool(fn, options);",
    "",
  ].join("\n");
  const file = parsed(text);
  const at = (needle: string, from = 0) => rangeOf(text, needle, from);
  const neutral = (edit: TextEdit) => isSyntaxNeutral(file.ast, text, edit);

  it("takes a callee or an argument swapped between (dotted) names as neutral", () => {
    expect(neutral({ ...at("enrichSpan({"), end: at("enrichSpan({").start + "enrichSpan".length, text: "tracer.enrichSpan" })).toBe(true);
    expect(neutral({ ...at("hh.traceTool"), text: "traceTool" })).toBe(true);
    expect(neutral({ ...at("fn,"), end: at("fn,").start + 2, text: "tracer.wrap" })).toBe(true);
  });

  it("does not for a name where a dotted name cannot stand, or a keyword", () => {
    expect(neutral({ ...at("enrichSpan }"), end: at("enrichSpan }").start + "enrichSpan".length, text: "tracer.enrichSpan" })).toBe(false); // shorthand property
    expect(neutral({ ...at("HoneyHiveTracer,"), end: at("HoneyHiveTracer,").start + "HoneyHiveTracer".length, text: "hh.HoneyHiveTracer" })).toBe(false); // specifier
    expect(neutral({ ...at("tracer ="), end: at("tracer =").start + "tracer".length, text: "a.tracer" })).toBe(false); // declared name
    expect(neutral({ ...at("hh.traceTool"), text: "this.traceTool" })).toBe(false);
    expect(neutral({ ...at("hh.traceTool"), text: "tracer. traceTool" })).toBe(false);
  });

  it("takes list elements removed with their commas as neutral, and nothing more or less", () => {
    expect(neutral({ ...at(", trace"), end: at(", trace").start + ", trace".length, text: "" })).toBe(true);
    expect(neutral({ ...at("HoneyHiveTracer, "), text: "" })).toBe(true);
    expect(neutral({ ...at(", trace, enrichSpan"), text: "" })).toBe(true);
    expect(neutral({ ...at("a, b, "), text: "" })).toBe(true); // destructuring
    expect(neutral({ ...at(', tracer }'), end: at(", tracer }").start + ", tracer".length, text: "" })).toBe(true);
    expect(neutral({ ...at("trace, "), end: at("trace, ").start + "trace,".length, text: "" })).toBe(false); // up to the comma, short of the next element
    expect(neutral({ ...at("Default, "), text: "" })).toBe(false); // the gap holds a brace
    expect(neutral({ ...at(", trace"), end: at(", trace").start + 3, text: "" })).toBe(false); // part of a name
  });

  it("takes a name inserted as an element with its comma as neutral, not beside a default import or after a rest element", () => {
    const afterTrace = at("trace,").start + "trace".length;
    expect(neutral({ start: afterTrace, end: afterTrace, text: ", traceTool" })).toBe(true);
    const beforeProject = at("project").start;
    expect(neutral({ start: beforeProject, end: beforeProject, text: "tracer, " })).toBe(true);
    const afterDefault = at("Default").start + "Default".length;
    expect(neutral({ start: afterDefault, end: afterDefault, text: ", tracer" })).toBe(false);
    const afterRest = at("...rest").start + "...rest".length;
    expect(neutral({ start: afterRest, end: afterRest, text: ", tracer" })).toBe(false);
    expect(neutral({ start: afterTrace, end: afterTrace, text: ", await" })).toBe(false);
    expect(neutral({ start: afterTrace, end: afterTrace, text: ", a.b" })).toBe(false);
  });
});

describe("syntaxErrorOfEdited", () => {
  it("answers as a full parse does when a keyword replaces an identifier", () => {
    const text = `const value = 1;\nexport const doubled = value * 2;\n`;
    const file = parsed(text);
    const edits = [{ ...rangeOf(text, "value", text.indexOf("value *")), text: "function" }];
    const output = applyEdits(text, edits);
    expect(syntaxErrorOf(output, "src/file.ts")).toBeDefined();
    expect(syntaxErrorOfEdited(file.ast, text, edits, output, "src/file.ts")).toEqual(syntaxErrorOf(output, "src/file.ts"));
  });

  it("answers as a full parse does for every identifier of every fixture renamed (output parses)", FIXTURE_WIDE, () => {
    let renamed = 0;
    for (const fixture of parsedFixtureInputs()) {
      for (const identifier of nodesOfType(fixture.file.ast, AST_NODE_TYPES.Identifier)) {
        expectFullParseAnswer(fixture, [{ start: identifier.range[0], end: identifier.range[1], text: "renamedName" }]);
        renamed++;
      }
    }
    expect(renamed).toBeGreaterThan(1000);
  });

  it("answers as a full parse does for every callee and argument of every fixture swapped for a dotted name, and back", FIXTURE_WIDE, () => {
    let swapped = 0;
    for (const fixture of parsedFixtureInputs()) {
      const { text, file } = fixture;
      for (const call of [...nodesOfType(file.ast, AST_NODE_TYPES.CallExpression), ...nodesOfType(file.ast, AST_NODE_TYPES.NewExpression)]) {
        for (const node of [call.callee, ...call.arguments]) {
          for (const replacement of ["tracer.renamed", "renamed"]) {
            const edits = [{ start: node.range[0], end: node.range[1], text: replacement }];
            expectFullParseAnswer(fixture, edits);
            if (isSyntaxNeutral(file.ast, text, edits[0])) swapped++;
          }
        }
      }
    }
    expect(swapped).toBeGreaterThan(1000);
  });

  it("answers as a full parse does for every list element of every fixture removed with a comma, and a name inserted beside it", FIXTURE_WIDE, () => {
    let neutral = 0;
    for (const fixture of parsedFixtureInputs()) {
      const { text, file } = fixture;
      const lists = [
        ...nodesOfType(file.ast, AST_NODE_TYPES.ObjectExpression).map((node) => node.properties),
        ...nodesOfType(file.ast, AST_NODE_TYPES.ObjectPattern).map((node) => node.properties),
        ...nodesOfType(file.ast, AST_NODE_TYPES.ImportDeclaration).map((node) => node.specifiers),
        ...nodesOfType(file.ast, AST_NODE_TYPES.CallExpression).map((node) => node.arguments),
      ];
      for (const elements of lists) {
        for (let index = 0; index < elements.length; index++) {
          const element = elements[index];
          const candidates: TextEdit[] = [
            { start: element.range[0], end: element.range[0], text: "tracer, " },
            { start: element.range[1], end: element.range[1], text: ", tracer" },
          ];
          if (index > 0) candidates.push({ start: elements[index - 1].range[1], end: element.range[1], text: "" });
          if (index + 1 < elements.length) candidates.push({ start: element.range[0], end: elements[index + 1].range[0], text: "" });
          for (const edit of candidates) {
            expectFullParseAnswer(fixture, [edit]);
            if (isSyntaxNeutral(file.ast, text, edit)) neutral++;
          }
        }
      }
    }
    expect(neutral).toBeGreaterThan(1000);
  });

  it("answers as a full parse does for a marker line at every line start of every fixture", FIXTURE_WIDE, () => {
    let neutral = 0;
    let checked = 0;
    for (const fixture of parsedFixtureInputs()) {
      const { text, file } = fixture;
      for (let start = 0; start < text.length; start = text.indexOf("\n", start) + 1 || text.length) {
        // The second closes the comment early: code that may or may not parse.
        for (const comment of ["/* honeyhive-migrate: check */", "/* a */ b */"]) {
          const edits: TextEdit[] = [{ start, end: start, text: `${comment}\n`, lineBefore: true }];
          expectFullParseAnswer(fixture, edits);
          if (isSyntaxNeutral(file.ast, text, edits[0])) neutral++;
          else checked++;
        }
      }
    }
    // Both paths are taken: lines that start statements and lines that do not.
    expect(neutral).toBeGreaterThan(500);
    expect(checked).toBeGreaterThan(500);
  });

  it("takes lambda-force-flush's try/finally wrap and flush-before-a-statement as neutral, and their look-alikes not", () => {
    const text = [
      "export const handler = async (event: Event) => {",
      "  const tracer = getTracer();",
      "  // the work",
      "  const answer = await work(event)",
      "  return answer",
      "};",
      "function plain() {",
      "  'use strict';",
      "  /*",
      "  return 3;",
      "  */",
      "  return 1;",
      "}",
      "/*",
      "  return 2;",
      "*/",
      "",
    ].join("\n");
    const file = parsed(text);
    const lineAt = (needle: string) => text.lastIndexOf("\n", text.indexOf(needle)) + 1;
    const open = (offset: number, line = "  try {\n"): TextEdit => ({ start: offset, end: offset, text: line });
    const close = (offset: number, flush = "await tracer.forceFlush();"): TextEdit => ({ start: offset, end: offset, text: `  } finally {\n    ${flush}\n  }\n` });
    const check = (edits: TextEdit[]) => {
      const output = applyEdits(text, edits);
      const answer = syntaxErrorOfEdited(file.ast, text, edits, output, "src/file.ts");
      expect(answer, JSON.stringify(edits)).toEqual(syntaxErrorOf(output, "src/file.ts"));
      return answer;
    };
    // Decided without a parse: the output handed in is not looked at.
    const proved = (edits: TextEdit[]) => syntaxErrorOfEdited(file.ast, text, edits, "}{", "src/file.ts") === undefined;
    // Wrapped from the comment line or the statement, up to the block's closing line.
    for (const from of [lineAt("// the work"), lineAt("const answer")]) {
      const edits = [open(from), close(lineAt("};"))];
      expect(edits.every((edit) => isSyntaxNeutral(file.ast, text, edit))).toBe(false);
      expect(check(edits)).toBeUndefined();
      expect(proved(edits)).toBe(true);
    }
    for (const flush of ["await getTracer().forceFlush();", "await tracer?.forceFlush();", "ctx.waitUntil(tracer.forceFlush());", "this.ctx.waitUntil(tracer.forceFlush());"]) {
      const edits = [open(lineAt("const answer")), close(lineAt("};"), flush)];
      expect(check(edits)).toBeUndefined();
      expect(proved(edits)).toBe(true);
    }
    // Look-alikes, each decided by the parse: half a statement wrapped, an opener with no closer (or
    // the other way round), a closer that is not one statement, a keyword heading it, `await` in a
    // function that is not async (where the parse still takes it), a directive wrapped, an opener
    // inside a comment.
    expect(check([open(lineAt("const answer")), close(text.indexOf("await work"))])).toBeDefined();
    expect(check([open(lineAt("const answer"))])).toBeDefined();
    expect(check([close(lineAt("};"))])).toBeDefined();
    expect(check([open(lineAt("const answer")), close(lineAt("};"), "await tracer.forceFlush(); }")])).toBeDefined();
    expect(check([open(lineAt("const answer")), close(lineAt("};"), "await function.forceFlush();")])).toBeDefined();
    expect(proved([open(lineAt("  return 1;")), close(lineAt("}\n/*"))])).toBe(false);
    check([open(lineAt("  return 1;")), close(lineAt("}\n/*"))]);
    expect(proved([open(lineAt("  return 1;")), close(lineAt("}\n/*"), "done();")])).toBe(true);
    expect(proved([open(lineAt("  'use strict'")), close(lineAt("}\n/*"), "done();")])).toBe(false);
    check([open(lineAt("  'use strict'")), close(lineAt("}\n/*"), "done();")]);
    expect(check([open(lineAt("  return 3;")), close(lineAt("}\n/*"), "done();")])).toBeDefined();
    check([open(lineAt("  return 2;")), close(lineAt("*/"))]);
    // One flush statement before a statement that starts its line; not inside a statement.
    const before = (needle: string): TextEdit[] => [{ start: text.indexOf(needle), end: text.indexOf(needle), text: "await tracer.forceFlush();\n  " }];
    expect(check(before("return answer"))).toBeUndefined();
    expect(proved(before("return answer"))).toBe(true);
    expect(proved(before("return 1"))).toBe(false); // not an async function
    expect(check([{ start: text.indexOf("answer = await"), end: text.indexOf("answer = await"), text: "await tracer.forceFlush();\n  " }])).toBeDefined();
    expect(check([{ start: text.indexOf("return 1"), end: text.indexOf("return 1"), text: "await tracer.forceFlush();\n  " }])).toBeUndefined();
  });

  it("answers as a full parse does for a try/finally wrap and a flush statement at every line of every fixture's blocks", FIXTURE_WIDE, () => {
    let proved = 0;
    let parsedAgain = 0;
    for (const fixture of parsedFixtureInputs()) {
      const { text, file } = fixture;
      const lineStarts: number[] = [];
      for (let start = 0; start < text.length; start = text.indexOf("\n", start) + 1 || text.length) lineStarts.push(start);
      for (const block of nodesOfType(file.ast, AST_NODE_TYPES.BlockStatement)) {
        const inside = lineStarts.filter((start) => block.range[0] < start && start < block.range[1]);
        const closeLine = inside.at(-1);
        for (const start of inside) {
          const candidates: TextEdit[][] = [[{ start, end: start, text: "await tracer.forceFlush();\n  " }]];
          for (const end of closeLine === undefined || closeLine <= start ? [] : [closeLine, inside[inside.indexOf(start) + 1]]) {
            candidates.push([
              { start, end: start, text: "  try {\n" },
              { start: end, end, text: "  } finally {\n    await tracer.forceFlush();\n  }\n" },
            ]);
          }
          for (const edits of candidates) {
            if (expectFullParseAnswer(fixture, edits) === "proved") proved++;
            else parsedAgain++;
          }
        }
      }
    }
    // Both paths are taken.
    expect(proved).toBeGreaterThan(300);
    expect(parsedAgain).toBeGreaterThan(300);
  });

  it("answers as a full parse does on random edits of the fixtures (seeded)", FIXTURE_WIDE, () => {
    const inserts = ["{", "}", "(", ")", ",", ";", "\n", "/*", "`", "await ", "=>", "<", "try {\n", "\n} finally {}\n", "x", "  ", "type", "let", "f()", ""];
    let seed = 20261121;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const inputs = parsedFixtureInputs();
    let errors = 0;
    let parses = 0;
    for (let round = 0; round < 1500; round++) {
      const { path, text, file } = inputs[next(inputs.length)];
      const identifiers = nodesOfType(file.ast, AST_NODE_TYPES.Identifier);
      const nodes = [...nodesOfType(file.ast, AST_NODE_TYPES.CallExpression), ...identifiers, ...file.ast.body];
      const node = nodes[next(nodes.length)];
      const [start, end] = node.range;
      const kind = next(4);
      const inserted = inserts[next(inserts.length)];
      const edit: TextEdit =
        kind === 0 ? { start, end: start, text: inserted } : kind === 1 ? { start: end, end, text: inserted } : kind === 2 ? { start, end, text: inserted } : { start, end, text: "renamedName" };
      const output = applyEdits(text, [edit]);
      const expected = syntaxErrorOf(output, path);
      expect(syntaxErrorOfEdited(file.ast, text, [edit], output, path), `${path} ${JSON.stringify(edit)}`).toEqual(expected);
      if (expected) errors++;
      else parses++;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(errors).toBeGreaterThan(200);
    expect(parses).toBeGreaterThan(200);
  });
});
