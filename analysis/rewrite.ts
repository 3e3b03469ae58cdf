// Text-level rewriting helpers shared by the transforms and rule suggestions: list elements (properties, arguments,
// specifiers), imports of SDK names, statement removal and block wrapping, each written as minimal
// edits that keep the file's own formatting (indentation, quotes, trailing commas, line breaks).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, indentationAt, moduleScopeOf, staticName } from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { type EditList, lineStart, newlineOf } from "./edits.js";
import { nodesOfTypes, nodesOfTypesWithin } from "./nodes.js";
import { isSdkPackage } from "./settings.js";

const TEMPLATE_ELEMENT_TYPES = [AST_NODE_TYPES.TemplateElement] as const;

type Node = TSESTree.Node;

function hasNewline(text: string, from: number, to: number): boolean {
  return /[\r\n]/.test(text.slice(from, to));
}

/** Removes `list[index]` with the comma and spacing that belong to it. `list` must have 2+ elements. */
export function removeListElement(edits: EditList, list: readonly Node[], index: number): void {
  removeListElements(edits, list, new Set([index]));
}

/**
 * Appends `elementText` to a comma-separated list closed by the character at `closeOffset`
 * (`}` or `)`), on its own line when the list is written one element per line.
 */
export function appendListElement(
  edits: EditList,
  text: string,
  list: readonly Node[],
  openOffset: number,
  closeOffset: number,
  elementText: string,
  spaceInsideEmpty = " ",
): void {
  const last = list.at(-1);
  if (!last) {
    edits.replace([openOffset + 1, closeOffset], `${spaceInsideEmpty}${elementText}${spaceInsideEmpty}`);
    return;
  }
  if (hasNewline(text, last.range[1], closeOffset)) {
    const afterLast = text.slice(last.range[1], closeOffset);
    const trailingComma = afterLast.trimStart().startsWith(",");
    const indent = indentationAt(text, last.range[0]);
    if (trailingComma) {
      edits.insertAt(last.range[1] + afterLast.indexOf(",") + 1, `${newlineOf(text)}${indent}${elementText},`);
    } else {
      edits.insertAt(last.range[1], `,${newlineOf(text)}${indent}${elementText}`);
    }
    return;
  }
  edits.insertAt(last.range[1], `, ${elementText}`);
}

/** True when every reference of `variable` lies inside one of `removed` (or it has none besides its definition). */
export function isUnusedAfter(variable: Scope.Variable, removed: readonly TSESTree.Range[]): boolean {
  return variable.references.every((reference) => {
    const [start, end] = reference.identifier.range;
    // The initialization `const x = …` is a write reference on the declaration itself.
    if (reference.init) return true;
    return removed.some(([from, to]) => from <= start && end <= to);
  });
}

/** The range of the whole lines a statement occupies, plus one adjacent blank line when it sat between blank lines. */
function statementLinesRange(text: string, statement: Node): TSESTree.Range {
  const start = lineStart(text, statement.range[0]);
  let end = statement.range[1];
  // Keep a trailing comment on the same line with the statement it explains.
  const restOfLine = /^[^\S\r\n]*(\/\/[^\r\n]*)?(\r?\n|$)/.exec(text.slice(end));
  if (restOfLine) end += restOfLine[0].length;
  const blankBefore = start === 0 || /(^|\n)[^\S\r\n]*\r?\n$/.test(text.slice(0, start));
  const blankAfter = /^[^\S\r\n]*\r?\n/.exec(text.slice(end));
  if (blankBefore && blankAfter) end += blankAfter[0].length;
  return [start, end];
}

/** Removes a statement with its line; comments on the lines above stay where they are. */
export function removeStatement(edits: EditList, text: string, statement: Node): TSESTree.Range {
  const startsLine = text.slice(lineStart(text, statement.range[0]), statement.range[0]).trim() === "";
  const range = startsLine ? statementLinesRange(text, statement) : statement.range;
  edits.remove(range);
  return range;
}

/**
 * The ranges of the template literals' text pieces (TemplateElements: quasis of template literals,
 * tagged templates and template literal types, delimiters included) in `root` that overlap `[from, to)`.
 */
function templateTextRanges(root: Node, from: number, to: number): TSESTree.Range[] {
  let program: Node = root;
  while (program.parent) program = program.parent;
  if (program.type !== AST_NODE_TYPES.Program) return [];
  return nodesOfTypesWithin(program, TEMPLATE_ELEMENT_TYPES, root)
    .filter((node) => node.range[1] > from && node.range[0] < to)
    .map((node) => node.range);
}

/**
 * Offsets in `[from, to)` that start a non-blank line outside template literals (safe to re-indent).
 * A line that starts strictly inside a template's text piece belongs to the string's value. `root`
 * must hold every template literal that overlaps the range (e.g. the block whose lines these are):
 * only its subtree is searched, from the AST, so no tokens are needed.
 */
function reindentableLineStarts(root: Node, text: string, from: number, to: number): number[] {
  const templates = templateTextRanges(root, from, to);
  const insideTemplate = (offset: number) => templates.some(([start, end]) => start < offset && offset < end);
  const starts: number[] = [];
  for (let offset = lineStart(text, from); offset < to; ) {
    const lineEnd = text.indexOf("\n", offset);
    const line = text.slice(offset, lineEnd === -1 ? text.length : lineEnd);
    if (line.trim() !== "" && offset >= from && !insideTemplate(offset)) starts.push(offset);
    if (lineEnd === -1) break;
    offset = lineEnd + 1;
  }
  return starts;
}

/**
 * Adds `unit` before every line of `[from, to)`, except blank lines and lines inside template
 * literals. `root`: a node that holds the whole range (see reindentableLineStarts).
 */
export function indentLines(edits: EditList, root: Node, text: string, from: number, to: number, unit: string): void {
  for (const offset of reindentableLineStarts(root, text, from, to)) edits.insertAt(offset, unit);
}

/**
 * Removes `unit` from the start of every line of `[from, to)` that begins with it, except lines inside
 * template literals (the inverse of `indentLines`).
 */
export function dedentLines(edits: EditList, root: Node, text: string, from: number, to: number, unit: string): void {
  for (const offset of reindentableLineStarts(root, text, from, to)) {
    if (text.startsWith(unit, offset)) edits.remove([offset, offset + unit.length]);
  }
}

/**
 * The text of `[from, to)` with `unit` added before each of its lines but the first (template
 * literals untouched). `root`: a node that holds the whole range (see reindentableLineStarts).
 */
export function indentedText(root: Node, text: string, from: number, to: number, unit: string): string {
  const starts = reindentableLineStarts(root, text, from, to).filter((offset) => offset > from);
  let result = "";
  let cursor = from;
  for (const offset of starts) {
    result += text.slice(cursor, offset) + unit;
    cursor = offset;
  }
  return result + text.slice(cursor, to);
}

/**
 * Removes the list elements at `indices` (sorted or not) with their commas: each run of removed
 * elements goes up to the next kept one, or from the previous kept one when the run ends the list.
 * At least one element must stay. With `keepCommentsOf` (the file's text), a comment after a run's
 * comma (`HoneyHiveTracer, // the class`) stays where it stands.
 */
export function removeListElements(edits: EditList, list: readonly Node[], indices: ReadonlySet<number>, keepCommentsOf?: string): void {
  for (let index = 0; index < list.length; index += 1) {
    if (!indices.has(index) || indices.has(index - 1)) continue;
    let last = index;
    while (indices.has(last + 1)) last += 1;
    const next = list[last + 1];
    const comment = next && keepCommentsOf !== undefined ? /\/\/|\/\*/.exec(keepCommentsOf.slice(list[last].range[1], next.range[0])) : null;
    if (next) edits.remove([list[index].range[0], comment ? list[last].range[1] + comment.index : next.range[0]]);
    else removeTrailingElements(edits, list[index - 1], list.slice(index, last + 1), keepCommentsOf);
  }
}

/**
 * Removes `removed`, the elements that end a list, from the end of `previous` (the element before them): with
 * `keepCommentsOf` (the file's text), comments after `previous`'s comma (`HoneyHiveTracer, // the class`) stay and
 * the removal starts after them, up to the last element's own trailing comma (the comma kept after `previous` then
 * trails). When the removed elements sit one per line and comments follow them, each comment keeps its own line and
 * indentation (removedLineByLine) instead of joining the line before.
 */
export function removeTrailingElements(edits: EditList, previous: Node, removed: readonly Node[], keepCommentsOf?: string): void {
  const first = removed[0];
  const last = removed.at(-1)!;
  if (keepCommentsOf !== undefined && removedLineByLine(edits, keepCommentsOf, removed)) return;
  const between = keepCommentsOf?.slice(previous.range[1], first.range[0]) ?? "";
  const comments = /^\s*,((?:\s*(?:\/\/[^\r\n]*|\/\*[\s\S]*?\*\/))+)/.exec(between);
  if (!comments || keepCommentsOf === undefined) {
    edits.remove([previous.range[1], last.range[1]]);
    return;
  }
  const trailingComma = /^\s*,/.exec(keepCommentsOf.slice(last.range[1]));
  edits.remove([previous.range[1] + comments[0].length, last.range[1] + (trailingComma ? trailingComma[0].length : 0)]);
}

/** What may follow a list element on its line: its comma, then a comment that ends the line, or nothing. */
const ELEMENT_LINE_TAIL = /^[^\S\r\n]*,?[^\S\r\n]*(\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/[^\S\r\n]*)?(\r?\n|$)/;

/**
 * Removes each of `removed` with its comma where every one starts its own line and ends it (a comment may follow),
 * and at least one comment follows or sits between them: a line left with only a comment keeps that comment at the
 * element's indentation, a line left empty goes. False (nothing edited) for any other layout.
 */
function removedLineByLine(edits: EditList, text: string, removed: readonly Node[]): boolean {
  const first = removed[0];
  const last = removed.at(-1)!;
  const lastTail = ELEMENT_LINE_TAIL.exec(text.slice(last.range[1]));
  if (!lastTail || !/\/\/|\/\*/.test(text.slice(first.range[0], last.range[1] + lastTail[0].length))) return false;
  const ranges: TSESTree.Range[] = [];
  for (const element of removed) {
    const start = lineStart(text, element.range[0]);
    const tail = ELEMENT_LINE_TAIL.exec(text.slice(element.range[1]));
    if (text.slice(start, element.range[0]).trim() !== "" || !tail) return false;
    const [whole, comment] = tail;
    // A comment stays and moves to the element's column; an emptied line goes with its line break.
    const end = element.range[1] + (comment ? whole.indexOf(comment) : whole.length);
    ranges.push([comment ? element.range[0] : start, end]);
  }
  for (const range of ranges) edits.remove(range);
  return true;
}

/**
 * The statement that binds the whole SDK module to one name and does nothing else (`const hh = require("honeyhive")`,
 * `const hh = await import("honeyhive")`, `import hh = require("honeyhive")`), or undefined: another module (its
 * `require` may be what runs its side effects), another declarator beside it, a member or call on the module
 * (`require("honeyhive").init()`), an export.
 */
export function wholeSdkModuleBinding(identifier: TSESTree.Node | undefined): TSESTree.VariableDeclaration | TSESTree.TSImportEqualsDeclaration | undefined {
  const holder = identifier?.parent;
  if (holder?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = holder.moduleReference;
    const specifier = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? staticName(reference.expression) : undefined;
    return specifier !== undefined && isSdkPackage(specifier) && holder.id === identifier && holder.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration ? holder : undefined;
  }
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id !== identifier || !holder.init) return undefined;
  const declaration = holder.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) return undefined;
  if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
  const init = holder.init.type === AST_NODE_TYPES.AwaitExpression ? holder.init.argument : holder.init;
  const specifier =
    init.type === AST_NODE_TYPES.ImportExpression
      ? staticName(init.source)
      : init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === "require" && init.arguments.length === 1
        ? staticName(init.arguments[0])
        : undefined;
  return specifier !== undefined && isSdkPackage(specifier) ? declaration : undefined;
}

/** The import specifier or destructuring property that declares `variable`, with its list. */
function bindingSite(variable: Scope.Variable):
  | { readonly kind: "import"; readonly element: TSESTree.ImportClause; readonly declaration: TSESTree.ImportDeclaration }
  | { readonly kind: "require"; readonly element: TSESTree.Property; readonly pattern: TSESTree.ObjectPattern; readonly declaration: TSESTree.VariableDeclaration }
  | { readonly kind: "whole"; readonly element: TSESTree.Identifier; readonly declaration: TSESTree.VariableDeclaration | TSESTree.TSImportEqualsDeclaration }
  | undefined {
  const whole = wholeSdkModuleBinding(variable.identifiers[0]);
  if (whole) return { kind: "whole", element: variable.identifiers[0]!, declaration: whole };
  const holder = variable.identifiers[0]?.parent;
  if (
    holder?.type === AST_NODE_TYPES.ImportSpecifier ||
    holder?.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
    holder?.type === AST_NODE_TYPES.ImportNamespaceSpecifier
  ) {
    return { kind: "import", element: holder, declaration: holder.parent as TSESTree.ImportDeclaration };
  }
  // `const { a, b: renamed } = require("honeyhive")`
  const pattern = holder?.type === AST_NODE_TYPES.Property ? holder.parent : undefined;
  const declarator = pattern?.parent;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern) return undefined;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  if (declaration.declarations.length !== 1) return undefined;
  return { kind: "require", element: holder as TSESTree.Property, pattern, declaration };
}

/**
 * Removes the import / destructured-require bindings of `variables`: `{ a, b, c }` → `{ b }`, the
 * whole statement when none stays; a statement binding the whole SDK module and doing nothing else
 * (`const hh = require("honeyhive")`, `import hh = require("honeyhive")`: wholeSdkModuleBinding) goes whole. Bindings
 * of another shape (`const init = require("honeyhive").init`, `const tracing = require("./tracing")`) stay.
 */
export function removeImportBindings(edits: EditList, text: string, variables: Iterable<Scope.Variable>): void {
  const byStatement = new Map<TSESTree.Node, { elements: readonly Node[]; removed: Set<number>; site: NonNullable<ReturnType<typeof bindingSite>> }>();
  for (const variable of variables) {
    const site = bindingSite(variable);
    if (!site) continue;
    const elements: readonly Node[] = site.kind === "import" ? site.declaration.specifiers : site.kind === "require" ? site.pattern.properties : [site.element];
    let entry = byStatement.get(site.declaration);
    if (!entry) byStatement.set(site.declaration, (entry = { elements, removed: new Set(), site }));
    entry.removed.add(elements.indexOf(site.element));
  }
  for (const [statement, { elements, removed, site }] of byStatement) {
    if (removed.size === elements.length) {
      // A comment after the statement on its line (`import { traceTool } from "honeyhive"; // 1.x wrappers`) stays on that line.
      const comment = /^[^\S\r\n]*(?:\/\/|\/\*)/.exec(text.slice(statement.range[1]));
      const startsLine = text.slice(lineStart(text, statement.range[0]), statement.range[0]).trim() === "";
      if (comment && startsLine) edits.remove([statement.range[0], statement.range[1] + comment[0].length - 2]);
      else removeStatement(edits, text, statement);
      continue;
    }
    const named = elements.filter((element) => element.type === AST_NODE_TYPES.ImportSpecifier);
    if (site.kind === "import" && named.length > 0 && named.every((element) => removed.has(elements.indexOf(element)))) {
      // `import hh, { enrichSpan } from …` → `import hh from …`
      const firstNamed = elements.indexOf(named[0]);
      const closeBrace = text.indexOf("}", named.at(-1)!.range[1]);
      edits.remove([elements[firstNamed - 1].range[1], closeBrace + 1]);
      continue;
    }
    removeListElements(edits, elements, removed, text);
  }
}

/** The first candidate no scope from `at` outwards declares, no global reference uses, and no other fix took. */
export function freeName(input: AnalysisInput, candidates: readonly string[], at: TSESTree.Node, taken: ReadonlySet<string>): string | undefined {
  const globalScope = input.scopeManager.globalScope;
  const enclosing = input.scopeManager.scopes.filter((scope) => contains(scope.block, at));
  const declaredAround = (name: string) => enclosing.some((scope) => scope.set.has(name) && !isTheLocal(scope, name, at));
  const usedAsGlobal = (name: string) => globalScope?.through.some((reference) => reference.identifier.name === name) ?? false;
  return candidates.find((name) => !taken.has(name) && !(moduleScopeOf(input.scopeManager)?.set.has(name) ?? false) && !declaredAround(name) && !usedAsGlobal(name));
}

/** The handler's own `const tracer = …` (what the fix rewrites) may keep the variable's name: it shadows it on purpose. */
function isTheLocal(scope: Scope.Scope, name: string, at: TSESTree.Node): boolean {
  const variable = scope.set.get(name);
  const declarator = variable?.defs[0]?.node;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && contains(declarator.init, at);
}

/** What a statement's text may start with that continues the statement before it when no `;` parts them. */
const CONTINUES_PREVIOUS = /^[([`+\-/]/;
/** Statements whose last token, `}`, closes a block: what follows them starts a new statement. */
const ENDS_WITH_BLOCK: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSModuleDeclaration,
  AST_NODE_TYPES.TSEnumDeclaration,
]);

/**
 * `";"` when `replacement`, written over `node`, would start an expression statement with `(`, `[`, a
 * template, `+`, `-` or `/` right after a statement that does not end with `;` (semicolon-free code):
 * `foo\n(fn)(a)` parses as `foo(fn)(a)`. Automatic semicolon insertion does not part them, so the rewrite
 * would call the previous line's value; the leading `;` (standard style's `;(fn)(a)`) keeps them apart.
 * `""` everywhere else, including after a statement that ends with `;` or with a block.
 */
export function semicolonBefore(text: string, node: Node, replacement: string): string {
  if (!CONTINUES_PREVIOUS.test(replacement)) return "";
  let statement: Node = node;
  while (statement.type !== AST_NODE_TYPES.ExpressionStatement) {
    const parent = statement.parent;
    if (parent === undefined || parent.range[0] !== node.range[0]) return "";
    statement = parent;
  }
  return semicolonInPlaceOf(text, statement, replacement);
}

/**
 * `";"` when `replacement`, a statement's text written where `statement` stands (a `try` unwrapped to its
 * block's statements, an `await` dropped before `(x).y()`), starts with what continues the statement
 * before it, and that one does not end with `;` or a block (see semicolonBefore); `""` otherwise.
 */
export function semicolonInPlaceOf(text: string, statement: Node, replacement: string): string {
  if (!CONTINUES_PREVIOUS.test(replacement)) return "";
  const list = statementListOf(statement.parent);
  const index = list ? list.indexOf(statement) : -1;
  if (index <= 0) return "";
  return semicolonAfter(text, list![index - 1]!, replacement);
}

/**
 * `";"` when a statement whose text is `next` follows `previous` (a statement) and would continue it:
 * `next` starts with `(`, `[`, a template, `+`, `-` or `/`, and `previous` ends with neither `;` nor a block.
 */
export function semicolonAfter(text: string, previous: Node, next: string): string {
  if (!CONTINUES_PREVIOUS.test(next)) return "";
  const declared = previous.type === AST_NODE_TYPES.ExportNamedDeclaration || previous.type === AST_NODE_TYPES.ExportDefaultDeclaration ? previous.declaration : previous;
  if (text.slice(previous.range[0], previous.range[1]).trimEnd().endsWith(";") || (declared && ENDS_WITH_BLOCK.has(declared.type))) return "";
  return ";";
}

/**
 * The start of the line of the `;` that ends `statement` when that `;` is the first thing on its line: semicolon-free
 * code's guard before a statement starting with `(`, `[` or a template (`foo()\n;(res as any).json(x)`), which the
 * parser gives to the statement before (`foo()\n;`). Undefined for a statement ending otherwise. Text written after
 * such a statement goes there, before the guard, so the guard stays with the statement it keeps apart.
 */
export function guardLineStart(text: string, statement: Node): number | undefined {
  const semicolon = statement.range[1] - 1;
  if (text[semicolon] !== ";") return undefined;
  const start = lineStart(text, semicolon);
  return start > statement.range[0] && text.slice(start, semicolon).trim() === "" ? start : undefined;
}

/**
 * Where text written before `statement` goes: before a semicolon-free guard standing before it on its line
 * (`  ;(res as any).json(x)`: the `;`, which belongs to the statement before in the AST), else the statement's start.
 */
export function beforeGuard(text: string, statement: Node): number {
  const start = statement.range[0];
  const before = /;[^\S\r\n]*$/.exec(text.slice(lineStart(text, start), start));
  return before && text.slice(lineStart(text, start), start - before[0].length).trim() === "" ? start - before[0].length : start;
}

/** The statements that end with `;` unless the file is written without (ASI ends them at the line break). */
const SEMICOLON_STATEMENTS = [
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.ImportDeclaration,
] as const;

/**
 * How the file ends the statements a fix writes on their own line: `""` where most statements that may end with
 * `;` do not (standard style, Prettier's `semi: false`), `";"` otherwise (also in a file with none of them). A
 * statement written before one starting with `(`, `[` or a template still needs its `;` (`continuesPrevious`).
 */
export function statementEnd(text: string, program: TSESTree.Program): ";" | "" {
  let ended = 0;
  let open = 0;
  for (const statement of nodesOfTypes(program, SEMICOLON_STATEMENTS)) {
    // Not the declaration of a `for (const x of …)` head.
    if (statement.type === AST_NODE_TYPES.VariableDeclaration && !statementListOf(statement.parent) && statement.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    // A `;` first on its line is a guard of the statement after it (`guardLineStart`), not this one's end.
    if (text.slice(statement.range[0], statement.range[1]).endsWith(";") && guardLineStart(text, statement) === undefined) ended += 1;
    else open += 1;
  }
  return open > ended ? "" : ";";
}

/** A statement whose text is `next` would continue the statement before it if that one does not end with `;`. */
export function continuesPrevious(next: string): boolean {
  return CONTINUES_PREVIOUS.test(next);
}

/**
 * The statements of a statement-list parent (a program, block, static block, namespace body, or a switch
 * case's consequent); undefined for any other node. What a statement may be inserted beside, and what
 * precedes it (the semicolon guard above, analysis/fixes/tracer-init.ts's hoist).
 */
export function statementListOf(parent: Node | undefined): readonly Node[] | undefined {
  switch (parent?.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.TSModuleBlock:
      return parent.body;
    case AST_NODE_TYPES.SwitchCase:
      return parent.consequent;
    default:
      return undefined;
  }
}
