// addMarker: one line per message. Two findings on one line are two things to check (gaps round 4:
// the second message of a transform on a line was dropped); a second run adds none.
import { parse, simpleTraverse, type TSESTree } from "@typescript-eslint/typescript-estree";
import { expect, it } from "vitest";
import { applyEdits, EditList } from "../../analysis/edits.js";
import { runTransforms } from "./engine.js";
import { addMarker, markerComment } from "./markers.js";
import { TRANSFORM_1X_IDS } from "../transforms/ids.js";

function mark(text: string, messages: readonly string[]): string {
  const program = parse(text, { range: true });
  const call = program.body[1]!;
  const edits = new EditList();
  for (const message of messages) addMarker(edits, text, call, message);
  return applyEdits(text, edits.edits);
}

const CODE = "function f() {\n  run(a, b);\n}\n";

it("keeps every message of one run on a line, each once, in order", () => {
  const code = `const x = 1;\n${CODE}`;
  expect(mark(code, ["first", "second", "first", "second"])).toBe(`const x = 1;\n${markerComment("first")}\n${markerComment("second")}\n${CODE}`);
});

it("adds nothing where a marker sat before the run (a second run)", () => {
  const once = mark(`const x = 1;\n${CODE}`, ["first", "second"]);
  const program = parse(once, { range: true });
  const edits = new EditList();
  const call = program.body.find((statement) => statement.type === "FunctionDeclaration")!;
  expect(addMarker(edits, once, call, "first")).toBe(false);
  expect(addMarker(edits, once, call, "third")).toBe(false);
  expect(edits.isEmpty).toBe(true);
});

it("1x-evaluate: a runConcurrently from a variable and a dataset built elsewhere on one call are both marked, once", () => {
  const code = `import { evaluate } from "honeyhive";
import { rows } from "./rows";
const parallel = process.env.PARALLEL === "1";
evaluate({ function: async (inputs) => inputs, dataset: rows, runConcurrently: parallel, hh_api_key: "k", hh_project: "p", name: "n" });
`;
  const result = runTransforms(code, "/tmp/app/run.ts", { transforms: TRANSFORM_1X_IDS });
  expect(result.output).toMatch(/\/\* honeyhive-migrate: [^\n]*ground_truths[^\n]*\*\/\n\/\* honeyhive-migrate: runConcurrently: false means [^\n]*\*\/\nevaluate\(/);
  expect(result.markers).toBe(2);
  expect(runTransforms(result.output, "/tmp/app/run.ts", { transforms: TRANSFORM_1X_IDS }).output).toBe(result.output);
});

// A node in a JSX child that starts its own line (`{items.map(render)}` inside `<ul>…</ul>`): a marker line there was
// text the element renders; it goes above the outermost element instead, where a comment is code.
it("puts the marker above the element, not among a JSX element's children", () => {
  const text = `export function List() {\n  return (\n    <ul>\n      {items.map(render)}\n    </ul>\n  );\n}\n`;
  const program = parse(text, { range: true, jsx: true });
  let call: TSESTree.Node | undefined;
  simpleTraverse(program, { enter: (node) => void (node.type === "CallExpression" && (call ??= node)) }, true);
  const edits = new EditList();
  addMarker(edits, text, call!, "check");
  expect(applyEdits(text, edits.edits)).toBe(`export function List() {\n  return (\n    ${markerComment("check")}\n    <ul>\n      {items.map(render)}\n    </ul>\n  );\n}\n`);
});

// Where a comment line is valid and nearest to what a person must read, the marker stays there: above a JSX attribute
// on its own line, above a property of an exported object.
it("keeps a marker above a JSX attribute or an object property that starts its own line", () => {
  const jsx = `const el = (\n  <Provider\n    value={make()}\n  />\n);\n`;
  const program = parse(jsx, { range: true, jsx: true });
  let call: TSESTree.Node | undefined;
  simpleTraverse(program, { enter: (node) => void (node.type === "CallExpression" && (call ??= node)) }, true);
  const edits = new EditList();
  addMarker(edits, jsx, call!, "check");
  expect(applyEdits(jsx, edits.edits)).toBe(`const el = (\n  <Provider\n    ${markerComment("check")}\n    value={make()}\n  />\n);\n`);
});
