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
  const comment = jsdocBefore(text, statement);
  if (comment === undefined) return [];
  const found: JsdocImportType[] = [];
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

/** The text of the JSDoc block comment right before `statement` (only whitespace between). */
function jsdocBefore(text: string, statement: TSESTree.Node): string | undefined {
  const start = statement.range[0];
  const end = text.lastIndexOf("*/", start);
  if (end < 0 || text.slice(end + 2, start).trim() !== "") return undefined;
  const open = text.lastIndexOf("/**", end);
  return open < 0 ? undefined : text.slice(open, end);
}

/** A `@type`/`@param` tag with its type as written: `@param {HoneyHiveTracer | undefined} [tracer]` → `HoneyHiveTracer | undefined`, `tracer`. */
export interface JsdocTag {
  readonly tag: "type" | "param";
  readonly type: string;
  /** The parameter a `@param` tag types. */
  readonly parameter?: string;
}

/** Any type without braces inside (`{ a: 1 }` in a type is not read). */
const ANY_TAG = /@(type|param)\s*\{([^{}]*)\}(?:\s*\[?([A-Za-z_$][\w$]*))?/g;

/** The `@type`/`@param` tags of the JSDoc block comment right before `statement`, whatever their types name (added for migrate's JSDoc-typed tracers). */
export function jsdocTagsBefore(text: string, statement: TSESTree.Node): JsdocTag[] {
  const comment = jsdocBefore(text, statement);
  if (comment === undefined) return [];
  return [...comment.matchAll(ANY_TAG)].map(([, tag, type, parameter]) =>
    tag === "param" && parameter !== undefined ? { tag: "param", type: type!.trim(), parameter } : { tag: tag as "type" | "param", type: type!.trim() },
  );
}

/** `@typedef {import("m").X} Name` → Name; `@import { X as Name } from "m"` (TypeScript 5.5) → Name and X. */
const TYPEDEF_IMPORT = /@typedef\s*\{\s*import\(\s*(["'])([^"']+)\1\s*\)\.([A-Za-z_$][\w$]*)\s*\}\s*([A-Za-z_$][\w$]*)/g;
const IMPORT_TAG = /@import\s*\{([^}]*)\}\s*from\s*(["'])([^"']+)\2/g;

/** The file's JSDoc type imports by local name: `@typedef {import("honeyhive").HoneyHiveTracer} Tracer` → Tracer: honeyhive's HoneyHiveTracer. */
export function jsdocTypeImports(text: string): Map<string, { readonly module: string; readonly name: string }> {
  const found = new Map<string, { readonly module: string; readonly name: string }>();
  for (const [, , module, name, local] of text.matchAll(TYPEDEF_IMPORT)) found.set(local!, { module: module!, name: name! });
  for (const [, names, , module] of text.matchAll(IMPORT_TAG)) {
    for (const part of names!.split(",")) {
      const [name, local = name] = part.trim().split(/\s+as\s+/);
      if (name) found.set(local!.trim(), { module: module!, name: name.trim() });
    }
  }
  return found;
}
