// `export default { fetch(request, env, ctx) {…}, queue(…) {…} }`: the module-worker shape that
// Cloudflare Workers, Bun and Deno (`deno serve`) all read. Shared by their two descriptors.
import type { TSESTree } from "@typescript-eslint/types";
import { staticName, type FunctionNode } from "../../ast.js";
import { unwrap } from "../../bindings.js";
import type { HandlerHookApi } from "../types.js";

export interface DefaultExportEntry {
  readonly key: string;
  readonly keyNode: TSESTree.Node;
  readonly functions: readonly FunctionNode[];
}

export interface DefaultExportObject {
  readonly statement: TSESTree.ExportDefaultDeclaration;
  /** The exported expression with its `satisfies`/`as` type, if any. */
  readonly declaration: TSESTree.Node;
  readonly entries: readonly DefaultExportEntry[];
  /** Every static key of the object, functions or not (`port`, `hostname`). */
  readonly keys: readonly string[];
}

/** The object literal the file exports by default (inline or through a `const`), with its function-valued keys. */
export function defaultExportObject(api: HandlerHookApi): DefaultExportObject | undefined {
  const statement = api.ast.body.find((node): node is TSESTree.ExportDefaultDeclaration => node.type === "ExportDefaultDeclaration");
  if (!statement) return undefined;
  const object = api.objectOf(statement.declaration);
  if (!object) return undefined;
  const entries: DefaultExportEntry[] = [];
  const keys: string[] = [];
  for (const property of object.properties) {
    const key = property.type === "Property" ? staticName(property.key, property.computed) : undefined;
    if (property.type !== "Property" || key === undefined) continue;
    keys.push(key);
    const functions = api.functionsOf(property.value);
    if (functions.length > 0) entries.push({ key, keyNode: property.key, functions });
  }
  return { statement, declaration: statement.declaration, entries, keys };
}

/** `… satisfies ExportedHandler<Env>` / `as ExportedHandler`, or a `const worker: ExportedHandler = {…}` exported by name. */
export function declaredTypeName(api: HandlerHookApi, declaration: TSESTree.Node): string | undefined {
  let type: TSESTree.TypeNode | undefined;
  if (declaration.type === "TSSatisfiesExpression" || declaration.type === "TSAsExpression") type = declaration.typeAnnotation;
  const target = unwrap(declaration);
  if (!type && target.type === "Identifier") {
    const def = api.variableOf(target)?.defs[0];
    if (def?.node.type === "VariableDeclarator" && def.node.id.type === "Identifier") type = def.node.id.typeAnnotation?.typeAnnotation;
  }
  if (type?.type !== "TSTypeReference") return undefined;
  const name = type.typeName;
  return name.type === "Identifier" ? name.name : name.type === "TSQualifiedName" ? name.right.name : undefined;
}
