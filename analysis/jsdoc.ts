// JSDoc types of JavaScript files: `/** @type {import("express").RequestHandler} */ export const chat = …`
// and `/** @param {import("aws-lambda").SQSEvent} event */`, read from the text of the block comment right
// before a statement. Only in `.js`/`.mjs`/`.cjs`/`.jsx` files whose text has `@type` or `@param` (ESLint's
// parser gives rules the comments, the codemods' parse has none: the text serves both); any other file pays
// one test of its name.
import type { TSESTree } from "@typescript-eslint/types";
import { AttachedCache } from "./attached-cache.js";

/** A type a JSDoc tag names through `import("module").Name` (`Name` the first member after the module). */
export interface JsdocImportType {
  readonly tag: "type" | "param";
  readonly module: string;
  readonly name: string;
  /** The parameter a `@param` tag types. */
  readonly parameter?: string;
}

const JAVASCRIPT = /\.[cm]?jsx?$/i;
/**
 * The head of `@type {import("m").X}`, `@param {import('m').X<T>} [name]`: the type's first member only.
 * The rest of the type is read by `typeEnd`, braces balanced (`X<{ a: 1 }>`), then the parameter name by `PARAMETER`.
 */
const TAG = /@(type|param)\s*\{\s*import\(\s*(["'])([^"']+)\2\s*\)\.([A-Za-z_$][\w$]*)/g;
/** The parameter a `@param` tag names, right after its type (`[name]` when optional, `[name=1]` with a default). */
const PARAMETER = /\s*\[?([A-Za-z_$][\w$]*)/y;

/** Where the type that `TAG` began ends: after the `}` that closes the tag's `{`, nested braces counted; -1 when it never closes. */
function typeEnd(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return index + 1;
  }
  return -1;
}

const hasTags = new AttachedCache<TSESTree.Program, boolean>("honeyhive.jsdocTags");

/** Is this a JavaScript file whose text may hold JSDoc types (`@type` / `@param`)? Once per file. */
export function mayHaveJsdocTypes(ast: TSESTree.Program, text: string, filename: string): boolean {
  let known = hasTags.get(ast);
  if (known === undefined) {
    known = JAVASCRIPT.test(filename) && (text.includes("@type") || text.includes("@param"));
    hasTags.set(ast, known);
  }
  return known;
}

/** The statement whose leading comment documents `node`: `export const x = fn` for the function `fn`, the declaration itself for one. */
export function documentedStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === "VariableDeclarator" && parent.init === current) continue;
    if (parent.type === "VariableDeclaration" && parent.declarations.length === 1) continue;
    if (parent.type === "ExportNamedDeclaration" || parent.type === "ExportDefaultDeclaration") return parent;
    // `module.exports.handler = fn`, `exports.handler = fn`: the assignment's statement.
    if (parent.type === "AssignmentExpression" && parent.right === current) continue;
    if (parent.type === "ExpressionStatement") return parent;
    break;
  }
  return current;
}

/** The `import("…").X` types of the JSDoc block comment right before `statement` (only whitespace between). */
export function jsdocTypesBefore(text: string, statement: TSESTree.Node): JsdocImportType[] {
  const start = statement.range[0];
  const end = text.lastIndexOf("*/", start);
  if (end < 0 || text.slice(end + 2, start).trim() !== "") return [];
  const open = text.lastIndexOf("/**", end);
  if (open < 0) return [];
  const found: JsdocImportType[] = [];
  const comment = text.slice(open, end);
  for (const match of comment.matchAll(TAG)) {
    const [, tag, , module, name] = match;
    const after = typeEnd(comment, match.index + match[0].length);
    if (after < 0) continue;
    PARAMETER.lastIndex = after;
    const parameter = tag === "param" ? PARAMETER.exec(comment)?.[1] : undefined;
    found.push(tag === "param" ? { tag: "param", module: module!, name: name!, ...(parameter === undefined ? {} : { parameter }) } : { tag: "type", module: module!, name: name! });
  }
  return found;
}

/** The modules a JavaScript file's JSDoc types import (`@type {import("express").RequestHandler}` → `express`). */
export function jsdocModules(text: string): Set<string> {
  const modules = new Set<string>();
  for (const match of text.matchAll(TAG)) modules.add(match[3]!);
  return modules;
}
