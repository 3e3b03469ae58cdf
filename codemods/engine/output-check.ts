// The engine's last word before it hands back a rewritten file: does the output still parse? The
// transforms edit text, so a bug in one could leave a brace open or a comma doubled; this check is
// what keeps `migrate` from ever writing such a file. It is one parse by TypeScript's parser alone
// (`syntaxErrorOf`), skipped only when no edit can have changed how anything parses:
// - an identifier replaced by another identifier (`sessionStart` → `createSession`): the replaced
//   text is exactly an Identifier node of the parse, and neither name is a keyword, contextual ones
//   (`type`, `as`, `of`, `async`…) included, so the tokens keep their kinds;
// - spaces or tabs inserted at a line start (re-indentation): between tokens, or inside a comment,
//   string or template literal, where they are text;
// - a review marker (markers.ts): a line of one block comment, without `*/` before its end, inserted
//   at the start of a line whose code starts a statement (or class member) of the parse: there the
//   line's indentation lies between tokens (a statement list holds no JSX text), and a line break
//   already separates the statement from the token before it, so no token and no automatic semicolon
//   changes.
// - a callee or call argument that is a name or a dotted name (`enrichSpan`, `hh.traceTool`) replaced
//   by another (`tracer.enrichSpan`, `traceTool`): there an expression stands, a dotted name binds
//   tighter than any operator around it, and its first and last tokens are names as before, so the
//   tokens around it and automatic semicolons read the same;
// - elements of a list (object literal properties, import specifiers, call arguments) removed with
//   the comma that separates them (`, tracer`, `HoneyHiveTracer, `; also of a destructuring pattern's
//   properties, `const { a, b } = require(…)`), or a name inserted as an element
//   next to one with its comma (`, tracer`): what is left is the same list with fewer or more
//   elements, each separated from the next by one comma.
// - the flush a serverless handler lacks (lambda-force-flush, analysis/fixes/flush.ts), as two
//   insertions that pair up: a line `try {` and a line `} finally {` / one flush statement / `}`, at
//   line starts in the white space and comments around a run of whole statements of one block (no
//   directive among them), so they wrap exactly that run; or one flush statement and a line break
//   inserted where a statement of a statement list starts its line. A flush statement is
//   `[await ]<chain>;`, the chain names, `.`/`?.` members and calls whose argument is at most one
//   such chain (`await tracer.forceFlush();`, `ctx.waitUntil(tracer.forceFlush());`), its `await`
//   only where the nearest function is async (there `await` is always the operator). What precedes
//   either insertion ended a statement or opened a block, and a line break separates them, so the
//   tokens before and after read as before.
// A quarter of the files a whole-tree migration changes are renames only. Re-parsing just the
// statements the other edits touch was tried (bench/NOTES.md): for files of a few kB it was no
// cheaper than the full parse.
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
// `import =`: see codemods/parse.ts.
import ts = require("typescript");
import type { TextEdit } from "../../analysis/edits.js";
import { nodesOfType, nodesOfTypes } from "../../analysis/nodes.js";
import { syntaxErrorOf, type ParseFailure } from "./parse.js";
import { AttachedCache } from "../../analysis/attached-cache.js";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const INDENTATION = /^[ \t]+$/;
/** Indentation, one block comment with no `*\/` before its end, a line break. */
const COMMENT_LINE = /^[ \t]*\/\*(?:[^*]|\*(?!\/))*\*\/[ \t]*\r?\n$/;

/**
 * The first syntax error of `output` (`text` with `edits` applied), or undefined when it parses;
 * `program` is the parse of `text`. Always the answer of `syntaxErrorOf(output)`.
 */
export function syntaxErrorOfEdited(
  program: TSESTree.Program,
  text: string,
  edits: readonly TextEdit[],
  output: string,
  filePath: string,
): ParseFailure | undefined {
  const rest = edits.filter((edit) => !isSyntaxNeutral(program, text, edit));
  return rest.length === 0 || areFlushInsertionsNeutral(program, text, rest) ? undefined : syntaxErrorOf(output, filePath);
}

/** Whether `edit` on `text` (parsed as `program`) cannot change how the text parses (see above). */
export function isSyntaxNeutral(program: TSESTree.Program, text: string, edit: TextEdit): boolean {
  if (edit.start === edit.end) {
    if (edit.lineBefore) return isCommentLineAtStatement(program, text, edit);
    const atLineStart = edit.start === 0 || text[edit.start - 1] === "\n";
    return (atLineStart && INDENTATION.test(edit.text)) || isElementInserted(program, edit);
  }
  const replaced = text.slice(edit.start, edit.end);
  if (edit.text === "") return isElementRemoved(program, text, edit);
  if (IDENTIFIER.test(replaced) && IDENTIFIER.test(edit.text) && !isKeyword(replaced) && !isKeyword(edit.text)) {
    // An Identifier node, not a regular expression's flags or a number's exponent that reads like one.
    if (identifierEnds(program).get(edit.start) === edit.end) return true;
  }
  return isDottedNameSwapped(program, replaced, edit);
}

/**
 * Whether `edit` is a review marker's line (markers.ts `addMarker`) inserted where a statement or class member of
 * `program` starts its line: `text` with it applied has the same tokens, only one more comment between two of them
 * (see the top of this file), so its parse is `program` with the ranges after the line moved by its length.
 */
export function isCommentLineAtStatement(program: TSESTree.Program, text: string, edit: TextEdit): boolean {
  const atLineStart = edit.start === 0 || text[edit.start - 1] === "\n";
  return edit.start === edit.end && edit.lineBefore === true && atLineStart && COMMENT_LINE.test(edit.text) && statementStarts(program).has(edit.start + indentationLength(text, edit.start));
}

/** Whether `name` is a name or a dotted name (`a.b.c`) of names that are not keywords. */
function isDottedName(name: string): boolean {
  return DOTTED_NAME.test(name) && name.split(".").every((part) => !isKeyword(part));
}

/** A callee or an argument of a call (or `new`) that is a (dotted) name, replaced by a (dotted) name. */
function isDottedNameSwapped(program: TSESTree.Program, replaced: string, edit: TextEdit): boolean {
  if (!isDottedName(replaced) || !isDottedName(edit.text)) return false;
  const node = expressionsByStart(program).get(edit.start)?.find((candidate) => candidate.range[1] === edit.end);
  const parent = node?.parent;
  if (!node || (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression)) return false;
  return parent.callee === node || (parent.arguments as readonly TSESTree.Node[]).includes(node);
}

/**
 * Removes whole elements of a list with the commas between them: from the end of one element to the
 * end of a later one (`, b, c`), or from the start of one to the start of a later one (`a, b, `).
 */
function isElementRemoved(program: TSESTree.Program, text: string, edit: TextEdit): boolean {
  for (const elements of listsAround(program, edit.start)) {
    const from = elements.findIndex((element) => element.range[1] === edit.start);
    if (from !== -1) {
      const to = elements.findIndex((element) => element.range[1] === edit.end);
      if (to > from && separatedByCommas(text, elements, from, to)) return true;
    }
    const first = elements.findIndex((element) => element.range[0] === edit.start);
    if (first !== -1) {
      const next = elements.findIndex((element) => element.range[0] === edit.end);
      if (next > first && separatedByCommas(text, elements, first, next)) return true;
    }
  }
  return false;
}

/** A name inserted with its comma right after an element (`, tracer`) or right before one (`tracer, `). */
function isElementInserted(program: TSESTree.Program, edit: TextEdit): boolean {
  const after = /^, ?([A-Za-z_$][\w$]*)$/.exec(edit.text);
  const before = /^([A-Za-z_$][\w$]*), ?$/.exec(edit.text);
  const name = after?.[1] ?? before?.[1];
  if (name === undefined || isKeyword(name)) return false;
  return listsAround(program, edit.start).some((elements) =>
    elements.some((element) => (after ? element.range[1] : element.range[0]) === edit.start && elementTakesName(element, after !== null)),
  );
}

/**
 * Whether a name alone is a valid element next to `element` (a shorthand property, a named specifier,
 * an argument): not beside a default or namespace import, and not after a pattern's rest element.
 */
function elementTakesName(element: TSESTree.Node, after: boolean): boolean {
  if (element.type === AST_NODE_TYPES.ImportDefaultSpecifier || element.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return false;
  return !(after && element.type === AST_NODE_TYPES.RestElement);
}

/** Whether elements `from`..`to` of a list are separated by one comma each and nothing but white space. */
function separatedByCommas(text: string, elements: readonly TSESTree.Node[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    if (!COMMA_GAP.test(text.slice(elements[index].range[1], elements[index + 1].range[0]))) return false;
  }
  return true;
}

const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const COMMA_GAP = /^\s*,\s*$/;

const expressionsByProgram = new AttachedCache<TSESTree.Program, Map<number, TSESTree.Node[]>>("honeyhive.expressionsByStart");

/** The Identifier and MemberExpression nodes of the parse, by start offset. */
function expressionsByStart(program: TSESTree.Program): Map<number, TSESTree.Node[]> {
  let byStart = expressionsByProgram.get(program);
  if (!byStart) {
    byStart = new Map();
    for (const node of nodesOfTypes(program, [AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression])) {
      if (node.type === AST_NODE_TYPES.MemberExpression && (node.computed || node.optional)) continue;
      const list = byStart.get(node.range[0]);
      if (list) list.push(node);
      else byStart.set(node.range[0], [node]);
    }
    expressionsByProgram.set(program, byStart);
  }
  return byStart;
}

type ListNode = TSESTree.ObjectExpression | TSESTree.ObjectPattern | TSESTree.ImportDeclaration | TSESTree.CallExpression | TSESTree.NewExpression;
const LIST_TYPES = [
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ObjectPattern,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
] as const;

/** The element lists (properties, specifiers, arguments) whose node spans `offset`. */
function listsAround(program: TSESTree.Program, offset: number): (readonly TSESTree.Node[])[] {
  const lists: (readonly TSESTree.Node[])[] = [];
  for (const node of nodesOfTypes(program, LIST_TYPES) as readonly ListNode[]) {
    if (node.range[0] > offset || offset > node.range[1]) continue;
    if (node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.ObjectPattern) lists.push(node.properties);
    else if (node.type === AST_NODE_TYPES.ImportDeclaration) lists.push(node.specifiers);
    else lists.push(node.arguments);
  }
  return lists;
}

const identifierEndsByProgram = new AttachedCache<TSESTree.Program, Map<number, number>>("honeyhive.identifierEnds");

function identifierEnds(program: TSESTree.Program): Map<number, number> {
  let ends = identifierEndsByProgram.get(program);
  if (!ends) {
    ends = new Map(nodesOfType(program, AST_NODE_TYPES.Identifier).map((identifier) => [identifier.range[0], identifier.range[1]]));
    identifierEndsByProgram.set(program, ends);
  }
  return ends;
}

const statementStartsByProgram = new AttachedCache<TSESTree.Program, Set<number>>("honeyhive.statementStarts");

/** Where each statement of a statement list, and each class member, starts. */
function statementStarts(program: TSESTree.Program): Set<number> {
  let starts = statementStartsByProgram.get(program);
  if (!starts) {
    starts = new Set(program.body.map((statement) => statement.range[0]));
    for (const list of nodesOfTypes(program, STATEMENT_LISTS)) {
      for (const statement of list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body) starts.add(statement.range[0]);
    }
    statementStartsByProgram.set(program, starts);
  }
  return starts;
}

const STATEMENT_LISTS = [
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
  AST_NODE_TYPES.ClassBody,
] as const;

function indentationLength(text: string, start: number): number {
  let end = start;
  while (text[end] === " " || text[end] === "\t") end++;
  return end - start;
}

let keywords: Set<string> | undefined;

/** Reserved words and contextual keywords alike: TypeScript's keyword tokens. */
function isKeyword(name: string): boolean {
  if (!keywords) {
    keywords = new Set();
    for (let kind = ts.SyntaxKind.FirstKeyword; kind <= ts.SyntaxKind.LastKeyword; kind++) {
      const token = ts.tokenToString(kind);
      if (token) keywords.add(token);
    }
  }
  return keywords.has(name);
}

/** A line `try {` (lambda-force-flush's opening of the wrap). */
const TRY_OPEN = /^[ \t]*try \{\r?\n$/;
/** The line `} finally {`, one statement, the line `}` (its closing). */
const TRY_CLOSE = /^[ \t]*\} finally \{\r?\n[ \t]*([^\r\n]*)\r?\n[ \t]*\}\r?\n$/;
/** One statement and the line break (and indentation) before the statement it is inserted in front of. */
const STATEMENT_LINE = /^([^\r\n]*)\r?\n[ \t]*$/;
const NAME = "[A-Za-z_$][\\w$]*";
const SIMPLE_CHAIN = `${NAME}(?:\\??\\.${NAME}|\\(\\))*`;
const FLUSH_STATEMENT = new RegExp(`^(await )?(${NAME}(?:\\??\\.${NAME}|\\((?:${SIMPLE_CHAIN})?\\))*);$`);
/** The names a chain starts with: its own and its argument's. */
const CHAIN_HEADS = new RegExp(`(?:^|\\()(${NAME})`, "g");

/**
 * Whether `statement` is a flush statement (see the note at the top) that parses as one statement
 * where `context` is: no keyword heads a chain but `this`, and `await` only in an async function.
 */
function isFlushStatement(statement: string, context: TSESTree.Node): boolean {
  const match = FLUSH_STATEMENT.exec(statement);
  if (!match) return false;
  for (const [, head] of match[2].matchAll(CHAIN_HEADS)) if (head !== "this" && isKeyword(head)) return false;
  return match[1] === undefined || inAsyncFunction(context);
}

/** Whether the nearest function around `node` is async (not a class's static block or field first). */
function inAsyncFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return current.async;
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.TSModuleBlock:
        return false;
      default:
    }
  }
  return false;
}

const atLineStart = (text: string, offset: number): boolean => offset === 0 || text[offset - 1] === "\n";
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;
const WHITE_SPACE = /\s/;

/**
 * Whether `text` from `from` to `to` is white space and whole comments, so that `to` lies between
 * tokens and outside any comment. `from` ends a token (the parse says only trivia follows it).
 */
function isTriviaUpTo(text: string, from: number, to: number): boolean {
  let index = from;
  while (index < to) {
    if (text.startsWith("//", index)) {
      LINE_TERMINATOR.lastIndex = index;
      const end = LINE_TERMINATOR.exec(text)?.index ?? -1;
      if (end === -1 || end >= to) return false;
      index = end;
    } else if (text.startsWith("/*", index)) {
      const end = text.indexOf("*/", index + 2);
      if (end === -1 || end + 2 > to) return false;
      index = end + 2;
    } else if (WHITE_SPACE.test(text[index])) {
      index++;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Whether every edit of `edits` (none of them neutral alone) is one of lambda-force-flush's flush
 * insertions that keep the parse (see the note at the top): `try {` and `} finally { … }` lines that
 * pair up (as their braces do, innermost first) around whole statements, or a flush statement before
 * a statement of a list.
 */
function areFlushInsertionsNeutral(program: TSESTree.Program, text: string, edits: readonly TextEdit[]): boolean {
  const wraps: TextEdit[] = [];
  for (const edit of edits) {
    if (edit.start !== edit.end || edit.lineBefore) return false;
    if (TRY_OPEN.test(edit.text) || TRY_CLOSE.test(edit.text)) wraps.push(edit);
    else if (!isFlushInsertedBeforeStatement(program, text, edit)) return false;
  }
  // In the output's order (applyEdits: by offset, then as given: both kinds end with a line break).
  const ordered = wraps.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  const open: TextEdit[] = [];
  for (const { edit } of ordered) {
    if (TRY_OPEN.test(edit.text)) {
      open.push(edit);
      continue;
    }
    const opening = open.pop();
    if (!opening || !isTryWrap(program, text, opening, edit)) return false;
  }
  return open.length === 0;
}

/** `open` and `close` wrap a run of whole statements of one block in `try { … } finally { <flush> }`. */
function isTryWrap(program: TSESTree.Program, text: string, open: TextEdit, close: TextEdit): boolean {
  if (!atLineStart(text, open.start) || !atLineStart(text, close.start) || close.start <= open.start) return false;
  // The innermost block around both.
  let block: TSESTree.BlockStatement | undefined;
  for (const candidate of nodesOfType(program, AST_NODE_TYPES.BlockStatement)) {
    if (candidate.range[0] < open.start && close.start < candidate.range[1] && (!block || candidate.range[1] - candidate.range[0] < block.range[1] - block.range[0])) block = candidate;
  }
  if (!block) return false;
  const statements = block.body;
  const first = statements.findIndex((statement) => statement.range[1] > open.start);
  if (first === -1 || statements[first].range[0] < open.start) return false;
  let last = first;
  while (last + 1 < statements.length && statements[last + 1].range[1] <= close.start) last++;
  if (statements[last].range[1] > close.start) return false;
  if (last + 1 < statements.length && statements[last + 1].range[0] < close.start) return false;
  if (statements.slice(first, last + 1).some(isDirective)) return false;
  const before = first > 0 ? statements[first - 1].range[1] : block.range[0] + 1;
  if (!isTriviaUpTo(text, before, open.start) || !isTriviaUpTo(text, statements[last].range[1], close.start)) return false;
  return isFlushStatement(TRY_CLOSE.exec(close.text)![1], block);
}

const isDirective = (statement: TSESTree.Statement): boolean => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;

/** A flush statement and a line break inserted where a statement of a statement list starts its line. */
function isFlushInsertedBeforeStatement(program: TSESTree.Program, text: string, edit: TextEdit): boolean {
  const match = STATEMENT_LINE.exec(edit.text);
  const statement = match && listStatementsByStart(program).get(edit.start);
  if (!match || !statement || isDirective(statement)) return false;
  if (!INDENTATION_OR_NOTHING.test(text.slice(lineStart(text, edit.start), edit.start))) return false;
  return isFlushStatement(match[1], statement);
}

const INDENTATION_OR_NOTHING = /^[ \t]*$/;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

const listStatementsByProgram = new AttachedCache<TSESTree.Program, Map<number, TSESTree.Statement>>("honeyhive.listStatementsByStart");

/** The statements of blocks and `case` clauses (lists a statement may be inserted into), by start offset. */
function listStatementsByStart(program: TSESTree.Program): Map<number, TSESTree.Statement> {
  let byStart = listStatementsByProgram.get(program);
  if (!byStart) {
    byStart = new Map();
    for (const list of nodesOfTypes(program, [AST_NODE_TYPES.BlockStatement, AST_NODE_TYPES.SwitchCase])) {
      for (const statement of list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body) byStart.set(statement.range[0], statement);
    }
    listStatementsByProgram.set(program, byStart);
  }
  return byStart;
}
