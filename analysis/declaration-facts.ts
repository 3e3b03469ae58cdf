// What a hand-written declaration file (`shared-tracer.d.ts` beside `shared-tracer.js`) says a project module
// exports, read from its types alone: a JavaScript module whose tracer arrives in a `.then()` (`shared.tracer =
// tracer`) tells its importers nothing, while its `.d.ts` says `tracer: HoneyHiveTracer`. The reader asks for these
// facts only where the JavaScript module's own give no answer (analysis/project-modules.ts `factsOf`).
//
// Read: `export declare const tracer: HoneyHiveTracer`, `export declare function getTracer(): HoneyHiveTracer |
// Promise<HoneyHiveTracer>`, `declare const shared: { tracer: HoneyHiveTracer }; export = shared`, `declare namespace
// Shared { const tracer: HoneyHiveTracer; function flush(): Promise<void> } export = Shared` (an interface of the file
// as the object's type too), `export default`. A type names the tracer as the file's own code would
// (analysis/honeyhive-1x.ts `namesTracerType`: `HoneyHiveTracer` imported from the SDK, a type import, renamed or
// through a barrel, `Promise<…>`, `| undefined`), or as `import("honeyhive").HoneyHiveTracer`. Another type (another
// SDK's `Tracer`, a project class) makes the member a `plain` one of the holder: its `flush()` is not HoneyHive's.
// `any`, `unknown` or no type say nothing.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { staticName } from "./ast.js";
import type { ExportFact, ModuleFacts, TracerHolderFact } from "./export-facts.js";
import { namesTracerType } from "./honeyhive-1x.js";
import type { AnalysisInput } from "./input.js";
import { NO_FACTS } from "./project-modules.js";
import { isSdkModule } from "./settings.js";

/** What a declared type says of a value: the tracer, its promise (or either), another type, or nothing (`any`, none). */
type DeclaredValue = "tracer" | "promise" | "other" | undefined;

/** A declaration of the file: a value (typed), a function (by its return type), or an object of members. */
type Declared = { readonly kind: "value"; readonly type: TSESTree.TypeNode | undefined } | { readonly kind: "function"; readonly returns: TSESTree.TypeNode | undefined } | { readonly kind: "namespace"; readonly body: readonly TSESTree.Node[] };

const NULLISH: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.TSUndefinedKeyword, AST_NODE_TYPES.TSNullKeyword, AST_NODE_TYPES.TSVoidKeyword]);
/** How many type aliases or interfaces a member's type is followed through. */
const MAX_TYPE_HOPS = 4;

/** The facts a declaration file gives (see the header); `NO_FACTS` when it names no tracer. */
export function declarationFactsOf(input: AnalysisInput): ModuleFacts {
  const locals = new Map<string, Declared>();
  const exported: [string, Declared][] = [];
  let exportAssigned: string | undefined;
  for (const statement of input.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    for (const [name, declared] of declarationsOf(declaration)) {
      locals.set(name, declared);
      // typescript-estree gives an exported ambient declaration (`export declare const`) the `type` export kind: not a type export.
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) exported.push([name, declared]);
    }
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      for (const specifier of statement.specifiers) {
        const local = staticName(specifier.local);
        const name = staticName(specifier.exported);
        const declared = local === undefined ? undefined : locals.get(local);
        if (name !== undefined && declared && specifier.exportKind !== "type") exported.push([name, declared]);
      }
    }
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && statement.declaration.type === AST_NODE_TYPES.Identifier) {
      const declared = locals.get(statement.declaration.name);
      if (declared) exported.push(["default", declared]);
    }
    if (statement.type === AST_NODE_TYPES.TSExportAssignment && statement.expression.type === AST_NODE_TYPES.Identifier) exportAssigned = statement.expression.name;
  }
  const exports: Record<string, ExportFact[]> = {};
  const tracerHolders: Record<string, TracerHolderFact> = {};
  const initPromiseExports: string[] = [];
  const add = (name: string, declared: Declared) => {
    const members = membersOf(input, declared);
    if (members) {
      const holder = holderOf(input, members);
      if (holder) tracerHolders[name] = holder;
      return;
    }
    const value = declared.kind === "value" ? typeSays(input, declared.type) : undefined;
    const returned = declared.kind === "function" ? typeSays(input, declared.returns) : undefined;
    if (value === "tracer") exports[name] = [{ kind: "tracer" }];
    else if (value === "promise") initPromiseExports.push(name);
    else if (returned === "tracer" || returned === "promise") {
      // A declaration cannot say whether the getter caches its tracer: one that may not (no fix writes its call again).
      exports[name] = [{ kind: "getter", caching: false, async: returned === "promise" }];
      tracerHolders[name] = { of: "function", members: [], methods: [], returnsTracer: true };
    }
  };
  for (const [name, declared] of exported) add(name, declared);
  // `export = shared`: the module's `module.exports` (TypeScript's CommonJS), an object of names when it has members.
  const assigned = exportAssigned === undefined ? undefined : locals.get(exportAssigned);
  const assignedMembers = assigned && membersOf(input, assigned);
  if (assigned && assignedMembers) {
    for (const [name, member] of assignedMembers) add(name, member);
    add("default", assigned);
  } else if (assigned) add("default", assigned);
  if (Object.keys(exports).length === 0 && Object.keys(tracerHolders).length === 0 && initPromiseExports.length === 0) {
    return assignedMembers ? { exports: {}, reExports: [], commonJs: true, exportsObject: true } : NO_FACTS;
  }
  return {
    exports,
    reExports: [],
    ...(Object.keys(tracerHolders).length > 0 ? { tracerHolders } : {}),
    ...(initPromiseExports.length > 0 ? { initPromiseExports } : {}),
    ...(assigned ? { commonJs: true as const } : {}),
    ...(assignedMembers ? { exportsObject: true as const } : {}),
  };
}

/** The names a statement declares (`declare const a: T, b: U`, `declare function f(): T`, `declare namespace N { … }`). */
function declarationsOf(statement: TSESTree.Node | null | undefined): [string, Declared][] {
  switch (statement?.type) {
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.flatMap((declarator): [string, Declared][] =>
        declarator.id.type === AST_NODE_TYPES.Identifier ? [[declarator.id.name, { kind: "value", type: declarator.id.typeAnnotation?.typeAnnotation }]] : [],
      );
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.FunctionDeclaration:
      return statement.id ? [[statement.id.name, { kind: "function", returns: statement.returnType?.typeAnnotation }]] : [];
    case AST_NODE_TYPES.TSModuleDeclaration:
      return statement.id.type === AST_NODE_TYPES.Identifier && statement.body?.type === AST_NODE_TYPES.TSModuleBlock ? [[statement.id.name, { kind: "namespace", body: statement.body.body }]] : [];
    default:
      return [];
  }
}

/** The members of an object a declaration holds: a namespace's declarations, a type literal's or an interface's members; undefined for anything else. */
function membersOf(input: AnalysisInput, declared: Declared): [string, Declared][] | undefined {
  if (declared.kind === "namespace") return declared.body.flatMap((statement) => declarationsOf(statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement));
  if (declared.kind !== "value") return undefined;
  const body = objectTypeMembers(input, declared.type, 0);
  return body?.flatMap((member): [string, Declared][] => {
    const name = member.type === AST_NODE_TYPES.TSPropertySignature || member.type === AST_NODE_TYPES.TSMethodSignature ? staticName(member.key, member.computed) : undefined;
    if (name === undefined) return [];
    if (member.type === AST_NODE_TYPES.TSMethodSignature) return [[name, { kind: "function", returns: member.returnType?.typeAnnotation }]];
    const type = (member as TSESTree.TSPropertySignature).typeAnnotation?.typeAnnotation;
    return type?.type === AST_NODE_TYPES.TSFunctionType ? [[name, { kind: "function", returns: type.returnType?.typeAnnotation }]] : [[name, { kind: "value", type }]];
  });
}

/** `{ tracer: HoneyHiveTracer }`, or the body of an interface (or a type alias of one) the file declares under that name. */
function objectTypeMembers(input: AnalysisInput, type: TSESTree.TypeNode | undefined, hops: number): readonly TSESTree.TypeElement[] | undefined {
  if (type?.type === AST_NODE_TYPES.TSTypeLiteral) return type.members;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments || hops >= MAX_TYPE_HOPS) return undefined;
  const name = type.typeName.name;
  for (const statement of input.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name && declaration.extends.length === 0) return declaration.body.body;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name && !declaration.typeParameters) return objectTypeMembers(input, declaration.typeAnnotation, hops + 1);
  }
  return undefined;
}

/** The holder fact of an object's members: those typed as the tracer (or its promise), the methods returning one, the rest `plain`. */
function holderOf(input: AnalysisInput, members: readonly [string, Declared][]): TracerHolderFact | undefined {
  const held: string[] = [];
  const methods: string[] = [];
  const plain: string[] = [];
  const promiseMembers: string[] = [];
  for (const [name, member] of members) {
    if (member.kind === "namespace") continue;
    const says = typeSays(input, member.kind === "value" ? member.type : member.returns);
    if (says === undefined) continue;
    if (says === "other") plain.push(name);
    else if (member.kind === "function") methods.push(name);
    else {
      held.push(name);
      if (says === "promise") promiseMembers.push(name);
    }
  }
  if (held.length === 0 && methods.length === 0 && plain.length === 0) return undefined;
  return { of: "instance", members: held, methods, ...(plain.length > 0 ? { plain } : {}), ...(promiseMembers.length > 0 ? { promiseMembers } : {}) };
}

/** What a declared type says of its value (see `DeclaredValue`). */
function typeSays(input: AnalysisInput, type: TSESTree.TypeNode | undefined): DeclaredValue {
  if (type === undefined || type.type === AST_NODE_TYPES.TSAnyKeyword || type.type === AST_NODE_TYPES.TSUnknownKeyword) return undefined;
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    // `HoneyHiveTracer | undefined`, `HoneyHiveTracer | Promise<HoneyHiveTracer>`: each member that is a value says the same.
    const says = type.types.filter((member) => !NULLISH.has(member.type)).map((member) => typeSays(input, member));
    if (says.length === 0 || says.includes(undefined)) return undefined;
    if (says.every((said) => said === "tracer")) return "tracer";
    return says.every((said) => said === "tracer" || said === "promise") ? "promise" : "other";
  }
  if (type.type === AST_NODE_TYPES.TSImportType) {
    return type.source.value !== "" && isSdkModule(type.source.value, input.settings) && type.qualifier?.type === AST_NODE_TYPES.Identifier && type.qualifier.name === "HoneyHiveTracer" ? "tracer" : "other";
  }
  if (type.type === AST_NODE_TYPES.TSTypeReference) {
    const { typeName, typeArguments } = type;
    if (typeName.type === AST_NODE_TYPES.Identifier && typeName.name === "Promise" && typeArguments?.params.length === 1) {
      const awaited = typeSays(input, typeArguments.params[0]);
      return awaited === "tracer" ? "promise" : awaited === undefined ? undefined : "other";
    }
    return namesTracerType(input, type) ? "tracer" : "other";
  }
  // `void`, `undefined`, a literal, a function or object type: no tracer.
  return "other";
}
