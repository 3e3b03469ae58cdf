// `migrate` without `--from 1` on code written for honeyhive 1.x: the 2.x set reads every file as 2.x
// code and changes nothing of 1.x's, so the run would end silent. Each candidate file is asked here whether it
// uses what only 1.x had (the 1.x table, analysis/knowledge/sdks/honeyhive-1x.ts), and the summary names the count
// and the command (report.ts `formatSummary`, the JSON report's `uses1x`).
// Decided on the parse the 2.x run already made, in its worker (engine.ts `RunTransformsOptions.uses1x`, the result's
// `uses1x`; gaps-migrate-10): an import, re-export, `require()` or `import()` of the SDK binding an export only 1.x
// had (`HoneyHive`, `traceFunction`, `enrichSpan` as free functions…), a path into the 1.x package
// (`honeyhive/models/components`), Deno's or a CDN's `honeyhive@1…`, or a call of a tracer method only 1.x
// tracers have and no other library's object shares (`.traceFunction(`, `.traceModel(`; not `.flush(`) where the
// file does not define a member or function of that name itself, or a call of any tracer method 1.x had and this SDK
// has not (`.flush(`, `.startSession(` too) on a receiver the file makes with the SDK's init (or types as its tracer),
// whatever members of those names the file defines: the decision is per receiver where the receiver is known.
// Comments and strings are no use (the parse).
// `mayUse1xApis`, a text test of the same signs, is only the prefilter: a file it rejects is not parsed for this.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, staticName, unwrapExpression } from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { nodesOfType } from "./nodes.js";
import { getSdkModel } from "./sdk-model.js";
import { API_1X, METHODS_GONE_1X, SHARED_MEMBER_NAMES_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { SDK_ROOT_NAMES, honeyhiveProfile } from "./knowledge/sdks/honeyhive.js";

const escape = (name: string): string => name.replace(/[$]/g, "\\$");
const ONLY_1X_EXPORTS = [...new Set(API_1X.filter((entry) => entry.where === "export" && !SDK_ROOT_NAMES.has(entry.name)).map((entry) => entry.name))];
const ONLY_1X_METHODS = [...METHODS_GONE_1X].filter((name) => !SHARED_MEMBER_NAMES_1X.has(name));
/** Any method 1.x tracers had and this SDK's has not, on a receiver known to be the SDK's tracer. */
const GONE_1X_METHOD_CALL = new RegExp(`\\.(?:${[...METHODS_GONE_1X].map(escape).join("|")})\\s*\\(`);
/** This package's own entry points (`honeyhive/experiments`…): any other `honeyhive/…` path is 1.x's. */
const ENTRY_POINTS: ReadonlySet<string> = new Set([...honeyhiveProfile.modules, "honeyhive/eslint-plugin", "honeyhive/package.json"]);

/** A quoted `honeyhive/…` or `honeyhive@…` (also after `npm:` or a CDN's origin): the parse tells which are 1.x's. */
const SUBPATH_OR_VERSION = /["'`](?:npm:|https?:\/\/[^"'`/]+\/)?honeyhive[/@]/;
/** `npm:honeyhive@1.0.42`, `https://esm.sh/honeyhive@1`: a 1.x version written in the specifier. */
const VERSIONED_1X = /(?:^|[:/])honeyhive@[~^]?1(?:\.|$|\/)/;

/** The SDK's module (`honeyhive`, a subpath) a specifier names, also as Deno or a CDN writes it; undefined for another. */
function sdkModuleOf(specifier: string): string | undefined {
  const match = /^(?:npm:|https?:\/\/[^/]+\/)?(honeyhive)(?:@[^/]*)?(\/.*)?$/.exec(specifier);
  return match ? match[1]! + (match[2] ?? "") : undefined;
}

/**
 * The prefilter of the hint: whether `text` may use an API only honeyhive 1.x had (the signs of the head of this
 * file, read off the text: a comment or string naming one passes here and is dropped by the parse, `uses1xApisIn`).
 */
export function mayUse1xApis(text: string): boolean {
  return text.includes("honeyhive") && (SUBPATH_OR_VERSION.test(text) || ONLY_1X_EXPORTS_WORD.test(text) || GONE_1X_METHOD_CALL.test(text));
}

const ONLY_1X_EXPORTS_WORD = new RegExp(`(?<![\\w$])(?:${ONLY_1X_EXPORTS.map(escape).join("|")})(?![\\w$])`);

/** The module a declaration, `require()` or `import()` names, when it is a string literal. */
function specifierOf(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
      return node.source.value;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return node.source?.value;
    case AST_NODE_TYPES.ImportExpression:
      return staticName(node.source);
    case AST_NODE_TYPES.CallExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require" && node.arguments.length === 1 ? staticName(node.arguments[0]) : undefined;
    default:
      return undefined;
  }
}

/** The export names a module statement or `require`/`import()` binds or re-exports (`{ A, B as C }` → A, B). */
function importedNames(node: TSESTree.Node): string[] {
  if (node.type === AST_NODE_TYPES.ImportDeclaration) {
    return node.specifiers.flatMap((specifier) => (specifier.type === AST_NODE_TYPES.ImportSpecifier ? [staticName(specifier.imported) ?? ""] : []));
  }
  if (node.type === AST_NODE_TYPES.ExportNamedDeclaration) return node.specifiers.map((specifier) => staticName(specifier.local) ?? "");
  // `const { A, B: c } = require("honeyhive")`, `… = await import("honeyhive")`.
  let holder = node.parent;
  if (holder?.type === AST_NODE_TYPES.AwaitExpression) holder = holder.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  return holder.id.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [staticName(property.key, property.computed) ?? ""] : []));
}

/** Names the file defines as its own functions, methods or object members (`function traceFunction`, `{ traceModel() {} }`). */
function ownMemberNames(input: AnalysisInput): Set<string> {
  const names = new Set<string>();
  for (const node of nodesOfType(input.ast, AST_NODE_TYPES.FunctionDeclaration)) if (node.id) names.add(node.id.name);
  for (const node of nodesOfType(input.ast, AST_NODE_TYPES.MethodDefinition)) names.add(staticName(node.key, node.computed) ?? "");
  for (const node of nodesOfType(input.ast, AST_NODE_TYPES.PropertyDefinition)) names.add(staticName(node.key, node.computed) ?? "");
  for (const node of nodesOfType(input.ast, AST_NODE_TYPES.Property)) if (node.parent.type === AST_NODE_TYPES.ObjectExpression) names.add(staticName(node.key, node.computed) ?? "");
  return names;
}

/** Whether the parsed file uses an API only honeyhive 1.x had (see the head of this file). */
export function uses1xApisIn(input: AnalysisInput): boolean {
  const modules = [
    ...input.ast.body,
    ...nodesOfType(input.ast, AST_NODE_TYPES.ImportExpression),
    ...nodesOfType(input.ast, AST_NODE_TYPES.CallExpression),
  ].flatMap((node) => {
    const specifier = specifierOf(node);
    const module = specifier === undefined ? undefined : sdkModuleOf(specifier);
    return module === undefined ? [] : [{ node, specifier: specifier!, module }];
  });
  if (modules.length === 0) return false;
  for (const { node, specifier, module } of modules) {
    if (!ENTRY_POINTS.has(module) || VERSIONED_1X.test(specifier)) return true;
    if (module === "honeyhive" && importedNames(node).some((name) => ONLY_1X_EXPORTS.includes(name))) return true;
  }
  let own: Set<string> | undefined;
  return nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).some((call) => {
    const callee = unwrapExpression(call.callee);
    const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !METHODS_GONE_1X.has(name)) return false;
    // `tracer.flush()` of `const tracer = await HoneyHiveTracer.init(…)`: 1.x's, beside a class of the file with its own `flush()`.
    if (isSdkTracer(input, callee!)) return true;
    return ONLY_1X_METHODS.includes(name) && !(own ??= ownMemberNames(input)).has(name);
  });
}

/** The receiver of `member` is a tracer the file makes with the SDK's init (or a parameter typed as the SDK's tracer). */
function isSdkTracer(input: AnalysisInput, member: TSESTree.Node): boolean {
  const receiver = member.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(member.object) : undefined;
  const tracer = receiver && getSdkModel(input).tracerOf(receiver);
  return tracer !== undefined && (tracer.initializations.length > 0 || tracer.kind === "parameter");
}
