// A JavaScript parameter or variable typed as the SDK's tracer by JSDoc (analysis/jsdoc.ts reads the
// comments): `@param {import("honeyhive").HoneyHiveTracer} tracer`, `@type {HoneyHiveTracer | undefined}`
// before `let tracer`, with `HoneyHiveTracer` imported from the SDK (ESM or `require`) or in JSDoc. Read
// as a TypeScript annotation is, by the SDK model (typed tracer parameters) and the 1.x transforms.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { findVariable, isFunctionNode } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { originName } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import type { AnalysisInput } from "./input.js";
import { documentedStatement, jsdocTagsBefore, jsdocTypeImports, mayHaveJsdocTypes } from "./jsdoc.js";
import { sdkOriginThroughBarrel } from "./sdk-barrels.js";
import { isSdkModule } from "./settings.js";

const jsdocImportsByFile = new AttachedCache<TSESTree.Program, ReturnType<typeof jsdocTypeImports>>("honeyhive.jsdocImports1x");

export function jsdocImportsOf(input: AnalysisInput): ReturnType<typeof jsdocTypeImports> {
  let found = jsdocImportsByFile.get(input.ast);
  if (found === undefined) jsdocImportsByFile.set(input.ast, (found = jsdocTypeImports(input.text)));
  return found;
}

/**
 * Blind-1x-2 D6: a JavaScript parameter or variable JSDoc-typed as the tracer (analysis/jsdoc.ts):
 * `@param {import("honeyhive").HoneyHiveTracer} tracer`, `@type {HoneyHiveTracer | undefined}` before `let tracer`,
 * with `HoneyHiveTracer` imported from the SDK (ESM or `require`) or in JSDoc (`@typedef {import("honeyhive").HoneyHiveTracer} Tracer`,
 * `@import { HoneyHiveTracer } from "honeyhive"`). As a TypeScript annotation is read: the value is the tracer itself.
 */
export function jsdocTypedTracer(input: AnalysisInput, def: Scope.Definition): boolean {
  if (def.name.type !== AST_NODE_TYPES.Identifier || !mayHaveJsdocTypes(input.ast, input.text, input.filename)) return false;
  const name = def.name.name;
  if (def.type === "Parameter" && isFunctionNode(def.node)) {
    const fn = def.node;
    const parameter = fn.params.find((param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name));
    if (!parameter) return false;
    // A method's JSDoc sits before the method, a function's before its statement.
    const documented = fn.parent?.type === AST_NODE_TYPES.MethodDefinition || fn.parent?.type === AST_NODE_TYPES.Property ? fn.parent : documentedStatement(fn);
    return jsdocTagsBefore(input.text, documented).some((tag) => tag.tag === "param" && tag.parameter === name && jsdocTypeNamesTracer(input, tag.type, def.name));
  }
  if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || def.parent?.declarations.length !== 1) return false;
  return jsdocTagsBefore(input.text, documentedStatement(def.parent)).some((tag) => tag.tag === "type" && jsdocTypeNamesTracer(input, tag.type, def.name));
}

const JSDOC_IMPORT_TYPE = /^import\(\s*(["'])([^"']+)\1\s*\)\.([A-Za-z_$][\w$]*)$/;

/** A JSDoc type text naming the SDK's `HoneyHiveTracer`, alone or with `undefined`/`null` (`?HoneyHiveTracer`, `HoneyHiveTracer=`). */
function jsdocTypeNamesTracer(input: AnalysisInput, type: string, at: TSESTree.Node): boolean {
  const members = type
    .replace(/^[?!]|[=?!]$/g, "")
    .split("|")
    .map((member) => member.trim().replace(/^\((.*)\)$/, "$1").trim())
    .filter((member) => member !== "" && member !== "undefined" && member !== "null");
  if (members.length !== 1) return false;
  const member = members[0]!;
  const imported = JSDOC_IMPORT_TYPE.exec(member);
  if (imported) return isSdkModule(imported[2]!, input.settings) && imported[3] === "HoneyHiveTracer";
  if (!/^[A-Za-z_$][\w$]*$/.test(member)) return false;
  const typedef = jsdocImportsOf(input).get(member);
  if (typedef) return isSdkModule(typedef.module, input.settings) && typedef.name === "HoneyHiveTracer";
  // `import { HoneyHiveTracer } from "honeyhive"` / `const { HoneyHiveTracer } = require("honeyhive")` of the file.
  const binding = findVariable(input.scopeManager, at, member)?.identifiers[0];
  return binding !== undefined && isTracerClass(input, binding);
}

/** `HoneyHiveTracer` of the SDK (renamed, through a namespace or a barrel) named by `typeName`. */
export function isTracerClass(input: AnalysisInput, typeName: TSESTree.EntityName): boolean {
  const found = getAnalysisContext(input).bindings.originOf(typeName);
  const origin = found && !isSdkModule(found.module, input.settings) ? sdkOriginThroughBarrel(input, found) : found;
  return origin !== undefined && isSdkModule(origin.module, input.settings) && originName(origin) === "HoneyHiveTracer";
}
