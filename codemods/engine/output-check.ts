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
  return edits.every((edit) => isSyntaxNeutral(program, text, edit)) ? undefined : syntaxErrorOf(output, filePath);
}

/** Whether `edit` on `text` (parsed as `program`) cannot change how the text parses (see above). */
export function isSyntaxNeutral(program: TSESTree.Program, text: string, edit: TextEdit): boolean {
  if (edit.start === edit.end) {
    if (edit.start !== 0 && text[edit.start - 1] !== "\n") return false;
    if (!edit.lineBefore) return INDENTATION.test(edit.text);
    return COMMENT_LINE.test(edit.text) && statementStarts(program).has(edit.start + indentationLength(text, edit.start));
  }
  const replaced = text.slice(edit.start, edit.end);
  if (!IDENTIFIER.test(replaced) || !IDENTIFIER.test(edit.text) || isKeyword(replaced) || isKeyword(edit.text)) return false;
  // An Identifier node, not a regular expression's flags or a number's exponent that reads like one.
  return identifierEnds(program).get(edit.start) === edit.end;
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
