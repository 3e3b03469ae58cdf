// 1.x → this SDK: the names no other 1.x transform owns. Type exports with a counterpart take its name
// (and module: `EvaluationConfig` → `EvaluateOptions` of "honeyhive/experiments"); the references are
// renamed where that cannot capture another binding, else the import aliases the new name to the old
// one. Everything else of 1.x that has no counterpart (the generated REST client `HoneyHive`, the
// LangChain tracer, `getGitInfo`, the removed types; the static properties of `HoneyHiveTracer`; a
// tracer's configuration properties) gets a marker that says what to do instead, from the 1.x data.
// The REST client's calls (`sdk.session.startSession(…)`) are request-scoped and stay as they are.
import { readFileSync } from "node:fs";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { findVariable, memberName, requireSpecifier, staticName, unwrapExpression } from "../../../analysis/ast.js";
import { sourceModule } from "../../../analysis/context.js";
import { lineStart, type EditList } from "../../../analysis/edits.js";
import type { AnalysisInput } from "../../../analysis/input.js";
import { isTracerValue1x, namesTracerType, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { API_1X, IMMEDIATE_MEMBERS_1X, TYPES_1X, type Type1xTarget } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { SDK_EXPORTS, SDK_ROOT_NAMES, TRACER_MEMBERS, honeyhiveProfile } from "../../../analysis/knowledge/sdks/honeyhive.js";
import type { Api1xEntry } from "../../../analysis/knowledge/sdks/types.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { importedModule } from "../../../analysis/project-modules.js";
import { appendListElement, removeListElements, removeStatement, statementListOf } from "../../../analysis/rewrite.js";
import { sdkBarrelOf } from "../../../analysis/sdk-barrels.js";
import { getSdkModel, type SdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { markOneXMocks } from "./mocks.js";
import { PUBLISHED_ENTRY_FILES, sdkSpecifierFor, thisMajorSpecifier, versionedSdkSpecifier } from "./shared.js";

export const meta = transformMeta("1x-names");

const SDK = "honeyhive";

/** This package's entry points: the SDK's modules, the lint plugin. Any other `honeyhive/…` is a 1.x path. */
const ENTRY_POINTS: ReadonlySet<string> = new Set<string>([
  ...honeyhiveProfile.modules,
  `${SDK}/eslint-plugin`,
  `${SDK}/package.json`,
  // As a CDN that addresses files gets them written (sdkSpecifierFor).
  ...Object.values(PUBLISHED_ENTRY_FILES).map((file) => `${SDK}/${file}`),
]);

/**
 * `import { CreateEventRequestEventType } from "honeyhive/models/components"` (also a file of it, `…/components/eventfilter.js`,
 * `honeyhive/funcs/…`, a `require` of one): a path into 1.x's package, its generated REST client's models
 * and functions, which this package does not have. Marked where it is imported, also as Deno or a CDN writes it.
 */
function markOneXSubpaths(edits: EditList, text: string, program: TSESTree.Program): void {
  for (const statement of program.body) {
    let specifier: string | undefined;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || ((statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) && statement.source)) {
      specifier = statement.source?.value;
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      specifier = statement.declarations.map((declarator) => requireSpecifier(unwrapExpression(declarator.init))).find((found) => found !== undefined);
    }
    // Also Deno's and a CDN's form of one (`npm:honeyhive@1.0.42/models/components`, `https://esm.sh/honeyhive@1.0.42/models/components`):
    // the SDK's import beside it moves to this major, this one keeps 1.x's version and would go unnoticed.
    const module = sourceModule(specifier);
    if (module?.startsWith(`${SDK}/`) && !ENTRY_POINTS.has(module)) addMarker(edits, text, statement, MESSAGES_1X.subpath(module));
  }
}
/**
 * Deno's `import … from "npm:honeyhive@1.0.42"` (or a CDN's `https://esm.sh/honeyhive@1.0.42`) (and its entry points' subpaths, a re-export, a dynamic
 * `import()`) → `npm:honeyhive@^2.0.0`: the range `--update-package` writes in package.json. A 1.x path
 * (`npm:honeyhive@1.0.42/models/components`) keeps its version: it is marked, and an alias of 1.x serves it.
 */
function moveDenoSpecifiers(input: AnalysisInput, edits: EditList, replaced: ReadonlySet<TSESTree.Node>): void {
  const sources: TSESTree.Node[] = [];
  for (const statement of input.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || ((statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) && statement.source)) sources.push(statement.source!);
  }
  if (input.text.includes("import(")) for (const expression of nodesOfType(input.ast, AST_NODE_TYPES.ImportExpression)) sources.push(expression.source);
  for (const source of sources) {
    if (replaced.has(source) || source.type !== AST_NODE_TYPES.Literal || typeof source.value !== "string" || !versionedSdkSpecifier(source.value)) continue;
    const module = sourceModule(source.value);
    if (module !== SDK && !ENTRY_POINTS.has(module)) continue;
    const moved = thisMajorSpecifier(source.value);
    if (moved !== source.value) edits.replace([source.range[0] + 1, source.range[1] - 1], moved);
  }
}

/**
 * `import hh from "honeyhive"` (also `import { default as hh }`): 1.x was CommonJS, whose `module.exports`
 * Node's ESM, bundlers and TypeScript's `esModuleInterop` hand over as the default. This package has no
 * default export (package.json "exports": an ES build of named exports, and a CommonJS build marked
 * `__esModule`, whose interop default is its missing `default`), so `hh` is undefined, or Node refuses to
 * load the module ("does not provide an export named 'default'"); `tsc` with esModuleInterop still accepts
 * it. Used only as `const { HoneyHiveTracer, trace } = hh` at the top of the module (names this package
 * exports), the names join a named import and the destructure goes; otherwise `import * as hh`, which
 * reads the same members. Named bindings beside it (`import hh, { trace }`, as 1x-trace-wrappers adds
 * `trace`) keep an import of their own: a namespace import takes none. The whole statement is replaced,
 * so a transform's earlier edit inside it settles first and this one reads the result. (`require()` of
 * the package is its module object, as before: nothing to do.)
 */
function replaceDefaultImport(input: AnalysisInput, edits: EditList, declaration: TSESTree.ImportDeclaration): boolean {
  if (declaration.importKind === "type" || sourceModule(declaration.source.value) !== SDK) return false;
  const isDefault = (specifier: TSESTree.ImportClause): boolean =>
    specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier || (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== "type" && staticName(specifier.imported) === "default");
  const found = declaration.specifiers.find(isDefault);
  if (!found) return false;
  const { text } = input;
  const written = declaration.source.value;
  // Deno's `npm:honeyhive@1.0.42` moves to this major here, as moveDenoSpecifiers would write it.
  const source = versionedSdkSpecifier(written) ? `${text[declaration.source.range[0]]}${thisMajorSpecifier(written)}${text[declaration.source.range[0]]}` : text.slice(...declaration.source.range);
  const end = semicolon(text, declaration);
  const namespace = declaration.specifiers.find((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
  // `import hh, * as ns from …` → one namespace import and `const hh = ns;`: both names read the same
  // members, from one import of the module. Not where `hh` is also a type (`hh.HoneyHiveTracer` in an
  // annotation, which a `const` cannot give): there `ns` keeps an import of its own.
  const defaultVariable = namespace ? input.scopeManager.getDeclaredVariables(found)[0] : undefined;
  if (namespace && defaultVariable?.references.every((reference) => !reference.isTypeReference)) {
    edits.replace(declaration, `import ${text.slice(...namespace.range)} from ${source}${end}${newline(text)}const ${found.local.name} = ${namespace.local.name}${end}`);
    return true;
  }
  const named = namespace ? [] : declaration.specifiers.filter((specifier) => specifier !== found).map((specifier) => text.slice(...specifier.range));
  const keptNamespace = namespace ? `${newline(text)}import ${text.slice(...namespace.range)} from ${source}${end}` : "";
  const destructures = topLevelDestructures(input, found);
  if (destructures) {
    const names = destructures.flatMap((statement) =>
      (statement.declarations[0]!.id as TSESTree.ObjectPattern).properties.map((property) => {
        const { key, value } = property as TSESTree.Property;
        const imported = staticName(key)!;
        const local = (value as TSESTree.Identifier).name;
        return imported === local ? imported : `${imported} as ${local}`;
      }),
    );
    edits.replace(declaration, `import { ${[...names, ...named].join(", ")} } from ${source}${end}${keptNamespace}`);
    for (const statement of destructures) removeStatement(edits, text, statement);
    return true;
  }
  const asNamespace = `import * as ${found.local.name} from ${source}${end}`;
  edits.replace(declaration, named.length > 0 ? `${asNamespace}${newline(text)}import { ${named.join(", ")} } from ${source}${end}` : `${asNamespace}${keptNamespace}`);
  return true;
}

/**
 * The statements `const { HoneyHiveTracer, trace: t } = hh` at the module's top level that are every use
 * of the default import `specifier`, each taking plain names this package exports (no default, rest or
 * computed key); undefined when any use is another.
 */
function topLevelDestructures(input: AnalysisInput, specifier: TSESTree.ImportClause): TSESTree.VariableDeclaration[] | undefined {
  const variable = input.scopeManager.getDeclaredVariables(specifier)[0];
  if (!variable || variable.references.length === 0) return undefined;
  const statements: TSESTree.VariableDeclaration[] = [];
  for (const { identifier } of variable.references) {
    const declarator = identifier.parent;
    const statement = declarator?.parent;
    if (
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.init !== identifier ||
      declarator.id.type !== AST_NODE_TYPES.ObjectPattern ||
      declarator.id.typeAnnotation ||
      statement?.type !== AST_NODE_TYPES.VariableDeclaration ||
      statement.kind !== "const" ||
      statement.declarations.length !== 1 ||
      statement.parent?.type !== AST_NODE_TYPES.Program
    ) {
      return undefined;
    }
    const plain = declarator.id.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        ROOT_EXPORTS.has(property.key.name) &&
        property.value.type === AST_NODE_TYPES.Identifier,
    );
    if (!plain || declarator.id.properties.length === 0) return undefined;
    statements.push(statement);
  }
  return statements;
}

/** The module `evaluate` is exported from, as this SDK's manifest says (analysis/knowledge/sdks/honeyhive.ts). */
export const EXPERIMENTS = SDK_EXPORTS.experiments.evaluate.module;

/** Exports of 1.x with nothing to write in their place here (`evaluator` is 1x-evaluate's, the types with a counterpart are renamed). */
const GONE_EXPORTS: ReadonlyMap<string, Api1xEntry> = new Map(
  API_1X.filter((entry) => entry.where === "export" && entry.name !== "evaluator" && !(entry.name in TYPES_1X) && (entry.migration.decision === "marker" || entry.migration.decision === "removed")).map(
    (entry) => [entry.name, entry],
  ),
);
/** Static properties of `HoneyHiveTracer` (flushPromise is 1x-flush's). */
const GONE_STATICS: ReadonlyMap<string, Api1xEntry> = propertiesWhere("static", (entry) => entry.name !== "flushPromise");
/** A 1.x tracer's configuration properties: this SDK's tracer does not expose them. */
const GONE_MEMBERS: ReadonlyMap<string, Api1xEntry> = propertiesWhere("instance", (entry) => entry.migration.decision === "marker");

/** Statics that 1.x had as async (init resolved the tracer): a spy's fake answers otherwise here. */
const INIT_STATICS: ReadonlySet<string> = new Set(["init", "initFromSessionId"]);
/** A 1.x tracer's methods: taken off the tracer (destructured, bound, passed on), each needs a person here. */
const METHODS_1X: ReadonlyMap<string, Api1xEntry> = new Map(API_1X.filter((entry) => entry.where === "instance" && entry.kind === "method").map((entry) => [entry.name, entry]));
/** 1.x methods that are the same method here: `tracer.enrichSpan.bind(tracer)` stays valid (1.x `trace` runs its function, this SDK's wraps it). */
const SAME_METHOD_HERE: ReadonlySet<string> = new Set([...METHODS_1X.keys()].filter((name) => Object.hasOwn(TRACER_MEMBERS, name) && !IMMEDIATE_MEMBERS_1X.has(name)));

function propertiesWhere(where: Api1xEntry["where"], test: (entry: Api1xEntry) => boolean): ReadonlyMap<string, Api1xEntry> {
  return new Map(API_1X.filter((entry) => entry.where === where && entry.kind === "property" && test(entry)).map((entry) => [entry.name, entry]));
}

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  // A re-export binds nothing in the file, so it is looked for before asking whether the file uses the SDK.
  for (const statement of input.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && sourceModule(statement.source?.value) === SDK) migrateReExports(input, edits, statement);
    // `export * from "honeyhive"` (and `export * as hh`) stays: valid against this SDK, and the modules
    // importing through it are migrated as SDK code (analysis/sdk-barrels.ts).
  }
  markOneXSubpaths(edits, text, input.ast);
  // Before the Deno specifiers: a replaced import writes its moved specifier itself (one edit of the statement).
  const replaced = new Set<TSESTree.Node>();
  for (const statement of input.ast.body) if (statement.type === AST_NODE_TYPES.ImportDeclaration && replaceDefaultImport(input, edits, statement)) replaced.add(statement.source);
  moveDenoSpecifiers(input, edits, replaced);
  const sdk = getSdkModel(input);
  // A test's mock of the package may be all a file has of it (no 1.x call to find).
  markOneXMocks(input, sdk, edits, (isStatic, name) => (isStatic ? INIT_STATICS.has(name) || GONE_STATICS.has(name) || name === "flush" : METHODS_1X.has(name) && !SAME_METHOD_HERE.has(name)));
  renameImportTypes(input, edits, text);
  markUnknownRootNames(input, edits, text);
  if (!uses1xSdk(input)) return;

  // A project module re-exporting honeyhive (a barrel) stands for it: a name imported through it is the
  // SDK name it hands on, and through `export *` a 1.x type is renamed in place as from the package.
  const sdkNamesOf = (specifier: string | undefined): ((name: string | undefined) => string | undefined) | undefined => {
    if (sourceModule(specifier) === SDK) return (name) => name;
    const barrel = specifier === undefined ? undefined : sdkBarrelOf(input, specifier);
    if (!barrel) return undefined;
    return (name) => (name === undefined ? undefined : Object.hasOwn(barrel.names, name) ? barrel.names[name] : barrel.all ? name : undefined);
  };
  for (const statement of input.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const sdkName = sdkNamesOf(statement.source.value);
      if (!sdkName) continue;
      if (migratesTypeImports(input, statement)) migrateTypeImports(input, edits, text, statement);
      markGone(edits, text, statement, statement.specifiers.map((specifier) => (specifier.type === AST_NODE_TYPES.ImportSpecifier ? sdkName(staticName(specifier.imported)) : undefined)));
      markLocalReExports(input, edits, text, statement, sdkName);
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) markGoneCalls(input, edits, text, specifier, sdkName(staticName(specifier.imported)));
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const sdkName = sdkNamesOf(requireSpecifier(unwrapExpression(declarator.init)));
        if (!sdkName || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        markGone(edits, text, statement, declarator.id.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? sdkName(staticName(property.key, property.computed)) : undefined)));
        markCommonJsReExports(input, edits, text, statement, declarator.id, sdkName);
      }
    }
  }

  markDestructuredMethods(input, edits, text);
  markMethodTypes(input, edits, text);
  // One marker per line, naming every gone property read there.
  const goneByLine = new Map<number, { member: TSESTree.MemberExpression; entries: Api1xEntry[] }>();
  for (const member of nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression)) {
    const name = memberName(member);
    if (name === undefined) continue;
    const method = METHODS_1X.get(name);
    if (method && isDetached(member, name) && isTracerValue1x(input, member.object)) {
      addMarker(edits, text, member, MESSAGES_1X.detachedMethods([{ name, to: method.migration.to }]));
      continue;
    }
    // The receiver is asked about only for a name that is gone on one (most members of a file are not).
    const gone = !GONE_STATICS.has(name) && !GONE_MEMBERS.has(name) ? undefined : sdk.sdkExportOf(member.object) === "HoneyHiveTracer" ? GONE_STATICS.get(name) : sdk.tracerOf(member.object) ? GONE_MEMBERS.get(name) : undefined;
    if (gone) {
      const line = lineStart(text, member.range[0]);
      const found = goneByLine.get(line) ?? { member, entries: [] };
      if (!found.entries.includes(gone)) found.entries.push(gone);
      goneByLine.set(line, found);
    } else if (GONE_EXPORTS.has(name) && sdk.sdkExportOf(member) === name) {
      // `hh.HoneyHive` through a namespace import or `require("honeyhive")`.
      markGone(edits, text, member, [name]);
    } else if (isPassedOnWithoutCounterpart(sdk, member, name)) {
      // `module.exports = { traceFunction: hh.traceFunction }`: undefined here, as a re-export would be.
      const entry = API_EXPORTS_1X.get(name)!;
      addMarker(edits, text, member, MESSAGES_1X.reExports([{ name, why: entry.migration.why, to: entry.migration.to }]));
    }
  }
  for (const { member, entries } of goneByLine.values()) {
    addMarker(edits, text, member, MESSAGES_1X.goneProperties(entries.map(({ display, migration }) => ({ display, why: migration.why, to: migration.to }))));
  }
}

/** `import("honeyhive").TraceFunctionOptions` as TypeScript and JSDoc write a type of a module without importing it. */
const IMPORT_TYPE = /import\(\s*(["'])(honeyhive(?:\/experiments)?)\1\s*\)\.([A-Za-z_$][\w$]*)/g;

/**
 * A 1.x type named through an import type, in TypeScript (`Partial<import("honeyhive").HoneyHiveTracerProperties>`)
 * or a JSDoc comment (`@typedef {import("honeyhive").TraceFunctionOptions} Opts`), gets its name here
 * (`TracerOptions`, `TraceOptions`; `EvaluationConfig` → `import("honeyhive/experiments").EvaluateOptions`),
 * as an imported one does. A type written here as an alias of a compound (`EnrichSessionParams`) is left
 * to tsc; a name that is no 1.x type (`HoneyHiveTracer`) stays.
 */
function renameImportTypes(input: AnalysisInput, edits: EditList, text: string): void {
  if (!text.includes("import(")) return;
  const ranges: TSESTree.Range[] = [
    ...nodesOfType(input.ast, AST_NODE_TYPES.TSImportType).map((node) => node.range),
    // JSDoc blocks, from the text: the parse keeps no comments (parse-input.ts).
    ...[...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].map((match): TSESTree.Range => [match.index, match.index + match[0].length]),
  ];
  // An import type inside another's type arguments is in both ranges: each place once.
  const seen = new Set<number>();
  for (const [start, end] of ranges) {
    for (const match of text.slice(start, end).matchAll(IMPORT_TYPE)) {
      const [whole, , module, name] = match as unknown as [string, string, string, string];
      const target = Object.hasOwn(TYPES_1X, name) ? TYPES_1X[name] : undefined;
      const at = start + match.index!;
      if (!target || target.as !== undefined || seen.has(at)) continue;
      seen.add(at);
      const moduleStart = at + whole.indexOf(module);
      if (target.module !== module) edits.replace([moduleStart, moduleStart + module.length], target.module);
      if (target.name !== name) edits.replace([at + whole.length - name.length, at + whole.length], target.name);
    }
  }
}

/**
 * `tracer.<method>` read without calling it (`tracer.traceModel.bind(tracer)`, `process.on("exit",
 * tracer.flush)`): 1.x's `enrichSpan`, `flush` and `trace` even worked detached (they did not read
 * `this`), this SDK's methods all need their tracer, and most 1.x names have none here. A `.bind()`,
 * `.call()` or `.apply()` of a method that is the same here keeps working and is left alone.
 */
function isDetached(member: TSESTree.MemberExpression, name: string): boolean {
  let node: TSESTree.Node = member;
  if (node.parent?.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return false;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return false;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return !(SAME_METHOD_HERE.has(name) && ["bind", "call", "apply"].includes(memberName(parent) ?? ""));
  return true;
}

/** `const { traceModel, flush } = tracer`: one marker at the declaration naming the 1.x methods taken off a tracer. */
function markDestructuredMethods(input: AnalysisInput, edits: EditList, text: string): void {
  for (const declarator of nodesOfType(input.ast, AST_NODE_TYPES.VariableDeclarator)) {
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) continue;
    const methods = declarator.id.properties.flatMap((property) => {
      const name = property.type === AST_NODE_TYPES.Property ? staticName(property.key, property.computed) : undefined;
      const entry = name === undefined ? undefined : METHODS_1X.get(name);
      return entry ? [{ name: entry.name, to: entry.migration.to }] : [];
    });
    if (methods.length > 0 && isTracerValue1x(input, declarator.init)) addMarker(edits, text, declarator, MESSAGES_1X.detachedMethods(methods));
  }
}

/**
 * `HoneyHiveTracer["traceFunction"]` (`Parameters<HoneyHiveTracer["traceModel"]>[1]`): a type of a 1.x method that is
 * not the same method here. Also `Pick<HoneyHiveTracer, "traceFunction" | "flush">` (a no-op stand-in's type), whose
 * keys must be members here (TS2344); `Omit` takes any key, so it is left.
 */
function markMethodTypes(input: AnalysisInput, edits: EditList, text: string): void {
  const mark = (node: TSESTree.Node, key: TSESTree.TypeNode | undefined): void => {
    const literal = key?.type === AST_NODE_TYPES.TSLiteralType ? key.literal : undefined;
    const name = literal?.type === AST_NODE_TYPES.Literal && typeof literal.value === "string" ? literal.value : undefined;
    const method = name === undefined || SAME_METHOD_HERE.has(name) ? undefined : METHODS_1X.get(name);
    if (method) addMarker(edits, text, node, MESSAGES_1X.methodType(method.name, method.migration.to));
  };
  for (const indexed of nodesOfType(input.ast, AST_NODE_TYPES.TSIndexedAccessType)) {
    if (namesTracerType(input, indexed.objectType)) mark(indexed, indexed.indexType);
  }
  for (const reference of nodesOfType(input.ast, AST_NODE_TYPES.TSTypeReference)) {
    const [picked, keys] = reference.typeArguments?.params ?? [];
    if (reference.typeName.type !== AST_NODE_TYPES.Identifier || reference.typeName.name !== "Pick" || !picked || !keys || !namesTracerType(input, picked)) continue;
    for (const key of keys.type === AST_NODE_TYPES.TSUnionType ? keys.types : [keys]) mark(reference, key);
  }
}

/**
 * `hh.traceFunction` read through a namespace but not called: a 1.x function this package does not
 * export, handed on (a CommonJS re-export, an alias). Its calls are the other 1.x transforms' (they
 * rewrite them, or mark them); `evaluate`/`evaluator` are 1x-evaluate's.
 */
function isPassedOnWithoutCounterpart(sdk: SdkModel, member: TSESTree.MemberExpression, name: string): boolean {
  if (ROOT_EXPORTS.has(name) || EXPERIMENTS_EXPORTS.has(name) || name === "evaluator" || TYPES_1X[name] !== undefined) return false;
  const entry = API_EXPORTS_1X.get(name);
  if (!entry || entry.kind !== "function") return false;
  const call = member.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) return false;
  const holder = unwrapExpression(member.object);
  return holder?.type === AST_NODE_TYPES.Identifier && sdk.sdkExportOf(member) === name;
}

/**
 * `import { traceFunction } from "honeyhive"; … export { traceFunction };`: the local re-export of a 1.x
 * function with no export of that name here, marked at the import (where it no longer compiles) and at
 * the export (as `export { traceFunction } from "honeyhive"` is).
 */
function markLocalReExports(
  input: AnalysisInput,
  edits: EditList,
  text: string,
  declaration: TSESTree.ImportDeclaration,
  sdkName: (name: string | undefined) => string | undefined,
): void {
  const exports = new Map<TSESTree.ExportNamedDeclaration, { name: string; why: string; to: string | undefined }[]>();
  const typeQueries = new Map<string, { name: string; why: string; to: string | undefined; queries: TSESTree.TSTypeQuery[] }>();
  for (const specifier of declaration.specifiers) {
    const name = specifier.type === AST_NODE_TYPES.ImportSpecifier ? sdkName(staticName(specifier.imported)) : undefined;
    const entry = name === undefined ? undefined : API_EXPORTS_1X.get(name);
    if (!name || !entry || entry.kind !== "function" || ROOT_EXPORTS.has(name) || EXPERIMENTS_EXPORTS.has(name) || name === "evaluator") continue;
    for (const reference of findVariable(input.scopeManager, specifier.local, specifier.local.name)?.references ?? []) {
      // gaps-migrate-10: `typeof traceTool`, `ReturnType<typeof traceFunction>`: the import stays for it and stops compiling.
      const query = reference.identifier.parent;
      if (query?.type === AST_NODE_TYPES.TSTypeQuery && query.exprName === reference.identifier) {
        const found = typeQueries.get(name) ?? { name, why: entry.migration.why, to: entry.migration.to, queries: [] };
        found.queries.push(query);
        typeQueries.set(name, found);
        continue;
      }
      const exported = reference.identifier.parent?.type === AST_NODE_TYPES.ExportSpecifier ? reference.identifier.parent.parent : undefined;
      if (exported?.type !== AST_NODE_TYPES.ExportNamedDeclaration || exported.source) continue;
      const names = exports.get(exported) ?? [];
      if (!names.some((found) => found.name === name)) names.push({ name, why: entry.migration.why, to: entry.migration.to });
      exports.set(exported, names);
    }
  }
  if (typeQueries.size > 0) {
    addMarker(edits, text, declaration, MESSAGES_1X.typeQueries([...typeQueries.values()]));
    for (const found of typeQueries.values()) for (const query of found.queries) addMarker(edits, text, query, MESSAGES_1X.typeQueries([found]));
  }
  const all = [...new Map([...exports.values()].flat().map((found) => [found.name, found])).values()];
  if (all.length === 0) return;
  addMarker(edits, text, declaration, MESSAGES_1X.reExports(all));
  for (const [exported, names] of exports) addMarker(edits, text, exported, MESSAGES_1X.reExports(names));
}

/** `module.exports` or `exports`, or a member of either (`module.exports.traceTool`, `exports.traceTool`). */
function isCommonJsExportTarget(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node) ?? node;
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === "exports";
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(target.object) ?? target.object;
  return (object.type === AST_NODE_TYPES.Identifier && object.name === "module" && memberName(target) === "exports") || isCommonJsExportTarget(object);
}

/**
 * `const { traceTool } = require("honeyhive"); module.exports = { tracer, traceTool }` (or `exports.traceTool =
 * traceTool`): CommonJS's re-export of a 1.x function with no export of that name here, marked at the require
 * and at the export, as markLocalReExports() marks the ES module form (blind-1x-8 shape 14).
 */
function markCommonJsReExports(
  input: AnalysisInput,
  edits: EditList,
  text: string,
  declaration: TSESTree.VariableDeclaration,
  pattern: TSESTree.ObjectPattern,
  sdkName: (name: string | undefined) => string | undefined,
): void {
  const exports = new Map<TSESTree.Node, { name: string; why: string; to: string | undefined }[]>();
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
    const name = sdkName(staticName(property.key, property.computed));
    const entry = name === undefined ? undefined : API_EXPORTS_1X.get(name);
    if (!name || !entry || entry.kind !== "function" || ROOT_EXPORTS.has(name) || EXPERIMENTS_EXPORTS.has(name) || name === "evaluator") continue;
    for (const reference of findVariable(input.scopeManager, property.value, property.value.name)?.references ?? []) {
      let value: TSESTree.Node = reference.identifier;
      // `{ traceTool }` / `{ tool: traceTool }` in the assigned object, or the identifier assigned itself.
      if (value.parent?.type === AST_NODE_TYPES.Property && value.parent.value === value && value.parent.parent?.type === AST_NODE_TYPES.ObjectExpression) value = value.parent.parent;
      const assignment = value.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value || !isCommonJsExportTarget(assignment.left)) continue;
      const names = exports.get(assignment) ?? [];
      if (!names.some((found) => found.name === name)) names.push({ name, why: entry.migration.why, to: entry.migration.to });
      exports.set(assignment, names);
    }
  }
  const all = [...new Map([...exports.values()].flat().map((found) => [found.name, found])).values()];
  if (all.length === 0) return;
  addMarker(edits, text, declaration, MESSAGES_1X.reExports(all));
  for (const [exported, names] of exports) addMarker(edits, text, exported, MESSAGES_1X.reExports(names));
}

/**
 * `import { SessionTracer, ToolConfig } from "honeyhive"`: names neither this SDK's root exports
 * (SDK_ROOT_NAMES, read from sdk/index.ts) nor the 1.x table knows (0.x's, a typo, a later release's):
 * tsc stops at the import, so the marker sits there, and says only what the codemod knows (no "1.x").
 * Also before the 1.x gate: a file of 0.x code may hold no call the 1.x model recognizes. The same names
 * re-exported (`export { SessionTracer } from "honeyhive"`), imported through a project barrel that hands
 * the SDK on (`export * from "honeyhive"` in `src/lib/index.ts`, then `import { SessionTracer } from
 * "@/lib"`), or read off the package's module object (`hh.SessionTracer` of `import * as hh`, of `const hh =
 * require("honeyhive")`, also as a type `hh.SessionTracer`): each gets the marker where tsc stops.
 */
function markUnknownRootNames(input: AnalysisInput, edits: EditList, text: string): void {
  const program = input.ast;
  for (const statement of program.body) {
    let names: (string | undefined)[] = [];
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && sourceModule(statement.source.value) === SDK) {
      names = statement.specifiers.map((specifier) => (specifier.type === AST_NODE_TYPES.ImportSpecifier ? staticName(specifier.imported) : undefined));
    } else if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== "type" && input.readModuleFacts && statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier)) {
      names = namesThroughBarrel(input, statement);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && sourceModule(statement.source?.value) === SDK) {
      names = statement.specifiers.map((specifier) => staticName(specifier.local));
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || sourceModule(requireSpecifier(unwrapExpression(declarator.init))) !== SDK) continue;
        names.push(...declarator.id.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? staticName(property.key, property.computed) : undefined)));
      }
    }
    const found = [...new Set(names.filter(isUnknownRootName))];
    if (found.length > 0) addMarker(edits, text, statement, MESSAGES_1X.unknownExports(found));
  }
  // `hh.SessionTracer`: one marker per statement that reads such names off the module object.
  const byStatement = new Map<TSESTree.Node, string[]>();
  for (const variable of sdkModuleObjects(input)) {
    for (const { identifier } of variable.references) {
      const parent = identifier.parent;
      const name =
        parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier
          ? memberName(parent)
          : parent?.type === AST_NODE_TYPES.TSQualifiedName && parent.left === identifier
            ? parent.right.name
            : undefined;
      if (!isUnknownRootName(name)) continue;
      const statement = statementOf(identifier);
      const names = byStatement.get(statement) ?? [];
      if (!names.includes(name)) names.push(name);
      byStatement.set(statement, names);
    }
  }
  for (const [statement, names] of byStatement) addMarker(edits, text, statement, MESSAGES_1X.unknownExports(names));
}

function isUnknownRootName(name: string | undefined): name is string {
  // `import { default as hh }` is the default import, which replaceDefaultImport rewrites.
  return name !== undefined && name !== "default" && !SDK_ROOT_NAMES.has(name) && !API_EXPORTS_1X.has(name) && !Object.hasOwn(TYPES_1X, name) && !EXPERIMENTS_EXPORTS.has(name);
}

/**
 * The names an import from a project barrel takes from the SDK it hands on, as the SDK's names: a named
 * re-export's (`export { SessionTracer as ST } from "honeyhive"`), and through `export * from "honeyhive"`
 * a name the barrel neither mentions in its own text nor can take from another `export *` (the barrel's
 * own exports are not in its facts; a name its text never spells is none of them).
 */
function namesThroughBarrel(input: AnalysisInput, statement: TSESTree.ImportDeclaration): (string | undefined)[] {
  const barrel = sdkBarrelOf(input, statement.source.value);
  if (!barrel) return [];
  let own: string | undefined;
  const spells = (name: string): boolean => {
    if (own === undefined) {
      const module = importedModule(input, statement.source.value, true);
      const otherStars = module === undefined || module.facts.reExports.some((reExport) => reExport.names === "*" && sourceModule(reExport.specifier) !== SDK);
      try {
        own = module === undefined || otherStars ? "*" : readFileSync(module.path, "utf8");
      } catch {
        own = "*";
      }
    }
    return own === "*" || new RegExp(`(?<![\\w$])${name.replaceAll("$", "\\$")}(?![\\w$])`).test(own);
  };
  return statement.specifiers.map((specifier) => {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === "type") return undefined;
    const name = staticName(specifier.imported);
    if (name === undefined) return undefined;
    if (Object.hasOwn(barrel.names, name)) return barrel.names[name];
    return barrel.all && isUnknownRootName(name) && !spells(name) ? name : undefined;
  });
}

/** The variables bound to the SDK's whole module: `import * as hh`, `import hh = require(…)`, `const hh = require(…)`. */
function sdkModuleObjects(input: AnalysisInput): Scope.Variable[] {
  const found: Scope.Variable[] = [];
  for (const statement of input.ast.body) {
    let declared: TSESTree.Node | undefined;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && sourceModule(statement.source.value) === SDK) {
      declared = statement.specifiers.find((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      const source = statement.moduleReference.expression;
      if (source.type === AST_NODE_TYPES.Literal && sourceModule(String(source.value)) === SDK) declared = statement;
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      declared = statement.declarations.find((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && sourceModule(requireSpecifier(unwrapExpression(declarator.init))) === SDK);
    }
    if (declared) found.push(...input.scopeManager.getDeclaredVariables(declared));
  }
  return found;
}

/** The statement `node` is part of: the outermost node under a statement list. */
function statementOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && statementListOf(current.parent) === undefined) current = current.parent;
  return current;
}

function markGone(edits: EditList, text: string, node: TSESTree.Node, names: readonly (string | undefined)[]): void {
  const gone = names.flatMap((name) => {
    const entry = name === undefined ? undefined : GONE_EXPORTS.get(name);
    return entry ? [{ name: entry.name, why: entry.migration.why }] : [];
  });
  if (gone.length > 0) addMarker(edits, text, node, MESSAGES_1X.goneExports(gone));
}

/**
 * Each call of an imported 1.x function with no counterpart (`getGitInfo().commitHash`): a TypeError at
 * run time, with no type error past the import, so the call gets the import's marker too.
 */
function markGoneCalls(input: AnalysisInput, edits: EditList, text: string, specifier: TSESTree.ImportSpecifier, name: string | undefined): void {
  const entry = name === undefined ? undefined : GONE_EXPORTS.get(name);
  if (entry?.kind !== "function") return;
  for (const variable of input.scopeManager.getDeclaredVariables(specifier)) {
    for (const reference of variable.references) {
      const call = reference.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) markGone(edits, text, call, [name]);
    }
  }
}

/** The package root, or a barrel re-exporting all of it: there a 1.x type is renamed as from the package. */
function migratesTypeImports(input: AnalysisInput, declaration: TSESTree.ImportDeclaration): boolean {
  return sourceModule(declaration.source.value) === SDK || sdkBarrelOf(input, declaration.source.value)?.all === true;
}

const EVALUATE_TARGET: Type1xTarget = { since: "1.0.12", decision: "rewrite", name: "evaluate", module: EXPERIMENTS };

/**
 * `import { HoneyHiveTracer, evaluate, type EvaluationConfig } from "honeyhive"` (or a barrel): the
 * `evaluate` specifier moves with the types, so that "honeyhive/experiments" gets one import
 * (`import { evaluate, type EvaluateOptions } …`) and not one from each transform, which collect
 * their edits on the same text and cannot see each other's new line. 1x-evaluate asks this and leaves
 * that specifier to this transform.
 */
export function evaluateMovesWithTypes(input: AnalysisInput, declaration: TSESTree.ImportDeclaration): boolean {
  return (
    declaration.importKind !== "type" &&
    migratesTypeImports(input, declaration) &&
    declaration.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && TYPES_1X[staticName(specifier.imported) ?? ""]?.module === EXPERIMENTS)
  );
}

/**
 * `import type { TraceFunctionOptions } from "honeyhive"` → `import type { TraceOptions } …` with its
 * references renamed; a type of "honeyhive/experiments" moves to the file's import of it, or to an
 * import of its own (with `evaluate` when the declaration imports it: evaluateMovesWithTypes).
 */
function migrateTypeImports(input: AnalysisInput, edits: EditList, text: string, declaration: TSESTree.ImportDeclaration): void {
  const withEvaluate = evaluateMovesWithTypes(input, declaration);
  const targetOf = (specifier: TSESTree.ImportClause): Type1xTarget | undefined => {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
    const imported = staticName(specifier.imported) ?? "";
    if (withEvaluate && imported === "evaluate" && specifier.importKind !== "type") return EVALUATE_TARGET;
    return TYPES_1X[imported];
  };
  const moving = declaration.specifiers.filter((specifier) => (targetOf(specifier)?.module ?? SDK) !== SDK);
  const movesWhole = moving.length > 0 && moving.length === declaration.specifiers.length;
  // Names this declaration binds once the edits apply: a second 1.x name with the same target must not import it twice.
  const bound = new Set(declaration.specifiers.filter((specifier) => !targetOf(specifier)).map((specifier) => specifier.local.name));
  const movedBindings: string[] = [];
  const removed = new Set<number>();
  const aliases: string[] = [];
  // What the declaration imports once its 1.x names are renamed in place (written as in the import list).
  const kept: string[] = [];
  const inPlace: [TSESTree.Range, string][] = [];
  for (const specifier of declaration.specifiers) {
    const target = targetOf(specifier);
    if (!target || specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
    const variable = input.scopeManager.getDeclaredVariables(specifier)[0];
    const local = specifier.local.name;
    const aliased = local !== staticName(specifier.imported);
    const renames = !aliased && target.as === undefined && target.name !== local && variable !== undefined && canRename(input, variable, target.name);
    if (renames) for (const reference of variable.references) if (reference.identifier !== specifier.local) edits.replace(reference.identifier, target.name);
    if (target.as !== undefined) aliases.push(`type ${local} = ${target.as};`);
    const binding = target.as !== undefined || renames || local === target.name ? target.name : `${target.name} as ${local}`;
    const staysHere = target.module === SDK || movesWhole;
    if (staysHere && !bound.has(binding.split(" as ").at(-1)!)) {
      inPlace.push([[specifier.imported.range[0], specifier.local.range[1]], binding]);
      kept.push(`${specifier.importKind === "type" && declaration.importKind !== "type" ? "type " : ""}${binding}`);
    } else {
      removed.add(declaration.specifiers.indexOf(specifier));
      if (!staysHere) movedBindings.push(target === EVALUATE_TARGET ? binding : `type ${binding}`);
    }
    bound.add(binding.split(" as ").at(-1)!);
  }
  if (removed.size > 0 && removed.size < declaration.specifiers.length) removeListElements(edits, declaration.specifiers, removed);
  const into = movesWhole ? namedImportOf(input, targetOf(moving[0])!.module, declaration) : undefined;
  if (into && kept.length === declaration.specifiers.length && aliases.length === 0) {
    // `import { evaluate } from "honeyhive/experiments"` (1x-evaluate's) is there already: one import, not two.
    const types = declaration.importKind === "type" ? kept.map((binding) => `type ${binding}`) : kept;
    appendToNamedImport(edits, text, into, types.join(", "));
    removeStatement(edits, text, declaration);
    return;
  }
  for (const [range, binding] of inPlace) edits.replace(range, binding);
  if (movesWhole) {
    edits.replace(declaration.source, quoted(input, declaration.source, targetOf(moving[0])!.module));
  } else if (movedBindings.length > 0) {
    const module = targetOf(moving[0])!.module;
    const existing = namedImportOf(input, module, declaration);
    if (existing) {
      // `import { evaluate } from "honeyhive/experiments"` is there already: one import, not two.
      appendToNamedImport(edits, text, existing, movedBindings.join(", "));
    } else {
      // Types alone keep the `import type` form; beside `evaluate` each is marked `type` in one import.
      const list = movedBindings.every((binding) => binding.startsWith("type ")) ? `type { ${movedBindings.map((binding) => binding.slice(5)).join(", ")} }` : `{ ${movedBindings.join(", ")} }`;
      edits.insertAfter(declaration, `${newline(text)}import ${list} from ${quoted(input, declaration.source, module)}${semicolon(text, declaration)}`);
    }
  }
  // A composed type (`EnrichSessionParams` = `Enrichment & { sessionId?: string }`) keeps its 1.x name as a local alias.
  for (const alias of aliases) edits.insertAfter(declaration, `${newline(text)}${newline(text)}${alias}`);
}

/** `import { a } from "m"` → `import { a, <elementText> } from "m"` (a named import as `namedImportOf` finds it), in the list's own layout. */
function appendToNamedImport(edits: EditList, text: string, declaration: TSESTree.ImportDeclaration, elementText: string): void {
  const close = text.lastIndexOf("}", declaration.source.range[0]);
  appendListElement(edits, text, declaration.specifiers, text.lastIndexOf("{", close), close, elementText);
}

/** A value import of named bindings only from `module` (`import { a } from "…"`) other than `besides`, to add names to. */
function namedImportOf(input: AnalysisInput, module: string, besides: TSESTree.ImportDeclaration): TSESTree.ImportDeclaration | undefined {
  return input.ast.body.find(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement !== besides &&
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      sourceModule(statement.source.value) === module &&
      statement.importKind === "value" &&
      statement.specifiers.length > 0 &&
      statement.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
  );
}

/** Runtime exports of this SDK's root: a re-export of one of them stays as it is. */
const ROOT_EXPORTS: ReadonlySet<string> = new Set(Object.keys(SDK_EXPORTS.root));
const EXPERIMENTS_EXPORTS: ReadonlySet<string> = new Set(Object.keys(SDK_EXPORTS.experiments));
const API_EXPORTS_1X: ReadonlyMap<string, Api1xEntry> = new Map(API_1X.filter((entry) => entry.where === "export").map((entry) => [entry.name, entry]));

/**
 * `export type { TraceFunctionOptions } from "honeyhive"` (a wrapper module of the project re-exporting
 * 1.x) → `export type { TraceOptions as TraceFunctionOptions } from "honeyhive"`: the project's own
 * importers keep the name they use. A type or value of "honeyhive/experiments" (`EvaluationConfig`,
 * `evaluate`) moves to a re-export from there; a composed type becomes a type alias; a 1.x function with
 * no export of that name here (`traceFunction`, `evaluator`, the REST client) stays, with a marker.
 */
function migrateReExports(input: AnalysisInput, edits: EditList, declaration: TSESTree.ExportNamedDeclaration): void {
  const text = input.text;
  const typeOnly = declaration.exportKind === "type";
  const moved: string[] = [];
  const movedTypes: string[] = [];
  const aliases: string[] = [];
  const removed = new Set<number>();
  const stayingWithoutCounterpart: { name: string; why: string; to: string | undefined }[] = [];
  declaration.specifiers.forEach((specifier, index) => {
    const name = staticName(specifier.local);
    const exported = staticName(specifier.exported);
    if (name === undefined || exported === undefined) return;
    const isType = typeOnly || specifier.exportKind === "type";
    const target = TYPES_1X[name];
    const renamed = (to: string) => (to === exported ? to : `${to} as ${exported}`);
    if (target) {
      if (target.as !== undefined) {
        removed.add(index);
        aliases.push(`export type ${exported} = ${target.as.replace(new RegExp(`\\b${target.name}\\b`), `import(${quoted(input, declaration.source!, SDK)}).${target.name}`)};`);
      } else if (target.module !== SDK) {
        removed.add(index);
        (typeOnly ? moved : movedTypes).push(renamed(target.name));
      } else {
        edits.replace(specifier, `${isType && !typeOnly ? "type " : ""}${renamed(target.name)}`);
      }
      return;
    }
    if (isType || ROOT_EXPORTS.has(name)) return;
    if (EXPERIMENTS_EXPORTS.has(name)) {
      removed.add(index);
      moved.push(renamed(name));
      return;
    }
    const entry = API_EXPORTS_1X.get(name);
    if (entry) stayingWithoutCounterpart.push({ name, why: entry.migration.why, to: entry.migration.to });
  });
  const all = removed.size === declaration.specifiers.length;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const end = semicolon(text, declaration);
  const from = quoted(input, declaration.source!, EXPERIMENTS);
  const lines = [
    ...(moved.length > 0 ? [`export ${typeOnly ? "type " : ""}{ ${moved.join(", ")} } from ${from}${end}`] : []),
    ...(movedTypes.length > 0 ? [`export type { ${movedTypes.join(", ")} } from ${from}${end}`] : []),
    ...aliases,
  ];
  if (all) {
    edits.replace(declaration, lines.join(newline));
    return;
  }
  if (removed.size > 0) removeListElements(edits, declaration.specifiers, removed);
  if (lines.length > 0) edits.insertAfter(declaration, `${newline}${lines.join(newline)}`);
  if (stayingWithoutCounterpart.length > 0) addMarker(edits, text, declaration, MESSAGES_1X.reExports(stayingWithoutCounterpart));
}

/** Writing `to` for every reference of `variable` means the same: nothing named `to` is visible at any of them, and none is exported by name. */
function canRename(input: AnalysisInput, variable: Scope.Variable, to: string): boolean {
  if (findVariable(input.scopeManager, variable.identifiers[0], to)) return false;
  return variable.references.every(
    (reference) => reference.identifier.parent?.type !== AST_NODE_TYPES.ExportSpecifier && findVariable(input.scopeManager, reference.identifier, to) === undefined,
  );
}

const newline = (text: string): string => (text.includes("\r\n") ? "\r\n" : "\n");
const semicolon = (text: string, statement: TSESTree.Node): string => (text[statement.range[1] - 1] === ";" ? ";" : "");
/** `module` as the file writes its specifiers (Deno's `npm:honeyhive@^2/experiments`), in the quotes of `source`. */
const quoted = (input: AnalysisInput, source: TSESTree.Literal, module: string): string => {
  const quote = input.text[source.range[0]];
  return `${quote}${sdkSpecifierFor(input, module)}${quote}`;
};

export const names1x: CodemodTransform = { meta, collect };
