// Text-level rewriting helpers shared by the transforms: list elements (properties, arguments,
// specifiers), imports of SDK names, statement removal and block wrapping, each written as minimal
// edits that keep the file's own formatting (indentation, quotes, trailing commas, line breaks).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { indentationAt, requireSpecifier } from "../rules/analysis/ast.js";
import { type EditList, lineStart, newlineOf } from "./edits.js";

type Node = TSESTree.Node;

function hasNewline(text: string, from: number, to: number): boolean {
  return /[\r\n]/.test(text.slice(from, to));
}

/** Removes `list[index]` with the comma and spacing that belong to it. `list` must have 2+ elements. */
export function removeListElement(edits: EditList, text: string, list: readonly Node[], index: number): void {
  const element = list[index];
  const next = list[index + 1];
  if (next) {
    edits.remove([element.range[0], next.range[0]]);
    return;
  }
  const previous = list[index - 1];
  edits.remove([previous.range[1], element.range[1]]);
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

/** Offset of the first `{` / `(` token of `node` and of its last `}` / `)`. */
export function bracesOf(node: Node): { readonly open: number; readonly close: number } {
  return { open: node.range[0], close: node.range[1] - 1 };
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
export function statementLinesRange(text: string, statement: Node): TSESTree.Range {
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

/** Adds one indentation step to every line of `[from, to)` that starts a line, except inside template literals. */
export function indentLines(edits: EditList, ast: TSESTree.Program, text: string, from: number, to: number, unit: string): void {
  const spans: TSESTree.Range[] = [];
  for (const token of ast.tokens ?? []) {
    if (token.type === "Template" && token.range[1] > from && token.range[0] < to) spans.push(token.range);
  }
  const insideTemplate = (offset: number) => spans.some(([start, end]) => start < offset && offset < end);
  for (let offset = lineStart(text, from); offset < to; ) {
    const lineEnd = text.indexOf("\n", offset);
    const line = text.slice(offset, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, "");
    if (line.trim() !== "" && !insideTemplate(offset)) edits.insertAt(offset, unit);
    if (lineEnd === -1) break;
    offset = lineEnd + 1;
  }
}

/** The string of `import … from "x"` / `require("x")` for a declaration-like node. */
export function moduleSpecifierOf(node: Node): string | undefined {
  if (node.type === AST_NODE_TYPES.ImportDeclaration) return node.source.value;
  if (node.type === AST_NODE_TYPES.VariableDeclarator) return requireSpecifier(node.init);
  return undefined;
}

export function isInside(node: Node, ranges: readonly TSESTree.Range[]): boolean {
  return ranges.some(([start, end]) => start <= node.range[0] && node.range[1] <= end);
}

/**
 * Removes the import or destructured-require binding that declares `variable` (`{ a, b }` → `{ a }`;
 * the whole statement when it was the only one). Returns false when the binding has another shape.
 */
export function removeImportBinding(edits: EditList, text: string, variable: Scope.Variable): boolean {
  const identifier = variable.identifiers[0];
  const holder = identifier?.parent;
  if (!holder) return false;
  if (
    holder.type === AST_NODE_TYPES.ImportSpecifier ||
    holder.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
    holder.type === AST_NODE_TYPES.ImportNamespaceSpecifier
  ) {
    const declaration = holder.parent as TSESTree.ImportDeclaration;
    const specifiers = declaration.specifiers;
    if (specifiers.length === 1) {
      removeStatement(edits, text, declaration);
      return true;
    }
    const named = specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    if (holder.type === AST_NODE_TYPES.ImportSpecifier && named.length === 1) {
      // `import hh, { enrichSpan } from …` → `import hh from …`
      const previous = specifiers[specifiers.indexOf(holder) - 1] ?? specifiers[0];
      const closeBrace = text.indexOf("}", holder.range[1]);
      edits.remove([previous.range[1], closeBrace + 1]);
      return true;
    }
    removeListElement(edits, text, specifiers, specifiers.indexOf(holder));
    return true;
  }
  // `const { a, b } = require("honeyhive")` (also `{ a: renamed }`)
  const property = holder.type === AST_NODE_TYPES.Property ? holder : undefined;
  const pattern = property?.parent;
  if (!property || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return false;
  const declarator = pattern.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern) return false;
  if (pattern.properties.length > 1) {
    removeListElement(edits, text, pattern.properties, pattern.properties.indexOf(property));
    return true;
  }
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  if (declaration.declarations.length !== 1) return false;
  removeStatement(edits, text, declaration);
  return true;
}
