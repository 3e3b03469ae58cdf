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
  /** `export default …`, or `export { worker as default }` (the specifier's statement). */
  readonly statement: TSESTree.ExportDefaultDeclaration | TSESTree.ExportNamedDeclaration;
  /** The exported expression with its `satisfies`/`as` type, if any. */
  readonly declaration: TSESTree.Node;
  readonly entries: readonly DefaultExportEntry[];
  /** Every static key of the object, functions or not (`port`, `hostname`). */
  readonly keys: readonly string[];
}

/**
 * The object literal the file exports by default (inline, through a `const`, or a `const` exported as
 * `export { worker as default }`), with its function-valued keys.
 */
export function defaultExportObject(api: HandlerHookApi): DefaultExportObject | undefined {
  const found = defaultExportStatement(api.ast);
  if (!found) return undefined;
  const { statement, declaration } = found;
  const object = api.objectOf(declaration);
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
  return { statement, declaration, entries, keys };
}

/** `export default <declaration>`, or the local name of `export { <local> as default }` (not a re-export `from` another module). */
function defaultExportStatement(ast: TSESTree.Program): Pick<DefaultExportObject, "statement" | "declaration"> | undefined {
  for (const statement of ast.body) {
    if (statement.type === "ExportDefaultDeclaration") return { statement, declaration: statement.declaration };
    if (statement.type !== "ExportNamedDeclaration" || statement.source) continue;
    const specifier = statement.specifiers.find((candidate) => staticName(candidate.exported, false) === "default");
    if (specifier) return { statement, declaration: specifier.local };
  }
  return undefined;
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
