// How a binding imported from a project module is used, read off its references in ONE pass for the
// questions the SDK model's gate asks of it (analysis/sdk-model.ts `mayUseSdk`): is it used like a
// tracer (`localTracerShape`), is it used like a module object of the SDK, which makes its module
// a barrel candidate (analysis/sdk-barrels.ts `barrelCandidates`), and which of its fields are used like
// a tracer (`importsTracerHolder`: `tracing.tracer.sessionStart()`). Every file that does not name the
// SDK asks both for every binding it imports from its own modules; a namespace import used thousands
// of times (effect's `internal/stream.ts`) was scanned twice before (bench/NOTES.md, perf-gate2).
// Kept per file and binding: the SDK model asks again for the bindings it reads as tracers.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { memberName, staticName } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { APP_CONTEXT_SLOTS } from "./knowledge/app-lifetime.js";
import { OPTIONS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { FOREIGN_TRACER_MEMBERS, GENERIC_TRACER_MEMBER_NAMES, HONEYHIVE_ONLY_TRACER_MEMBERS, HONEYHIVE_VALUE_EXPORTS, TRACER_FACTORY_STATICS } from "./knowledge/sdks/index.js";

/**
 * How a binding imported from a local module is used as a tracer: as one (`x.forceFlush()`), as a
 * getter of one (`x().trace(...)`), as another library's tracer (`x.startActiveSpan(...)`), or nothing
 * telling. `honeyhiveOnly` says whether a member only HoneyHive's tracer has (or a `tracer:` option) was seen.
 */
export type TracerUsage = { readonly shape: "tracer" | "getter"; readonly honeyhiveOnly: boolean } | "foreign" | undefined;

export interface ImportedBindingUses {
  readonly tracer: TracerUsage;
  /**
   * Used as a module object of the SDK (`hh.traceModel(…)`, `Tracing.init(…)` of a renamed
   * `HoneyHiveTracer`) or called as a 1.x wrapper (`traced({ … })(fn)`, `model(fn, { eventName })`).
   */
  readonly sdkObject: boolean;
  /**
   * The fields read through the binding and used like a tracer, one member deep (`tracing.tracer.sessionStart()`:
   * `tracer`): a HoneyHive-only or generic tracer member called or read on them. Absent when none.
   */
  readonly heldFields?: readonly string[];
  /**
   * The fields read through a static member of the binding that may give one instance, used like a tracer
   * (`Obs.getInstance().tracer.sessionStart()`: `getInstance().tracer`; `Obs.instance.tracer.forceFlush()`:
   * `instance.tracer`), or `<access>.*` where the member's value is kept in a variable (`const obs =
   * Obs.getInstance()`). Absent when none.
   */
  readonly singletonFields?: readonly string[];
  /** Given to a plugin registration (`app.register(tracing)`: knowledge/app-lifetime.ts `plugins.register`). */
  readonly registered?: true;
}

// What a member name says, one map look-up per member reference instead of one per set.
const FOREIGN = 1;
const HONEYHIVE_ONLY = 2;
const GENERIC = 4;
/** An SDK export or a tracer factory static (`hh.traceModel`, `Tracing.init`): the binding is an SDK module object. */
const SDK_MEMBER = 8;

const MEMBER_FLAGS: ReadonlyMap<string, number> = (() => {
  const flags = new Map<string, number>();
  const add = (names: ReadonlySet<string>, flag: number) => {
    for (const name of names) flags.set(name, (flags.get(name) ?? 0) | flag);
  };
  add(FOREIGN_TRACER_MEMBERS, FOREIGN);
  add(HONEYHIVE_ONLY_TRACER_MEMBERS, HONEYHIVE_ONLY);
  add(GENERIC_TRACER_MEMBER_NAMES, GENERIC);
  add(HONEYHIVE_VALUE_EXPORTS, SDK_MEMBER);
  add(TRACER_FACTORY_STATICS, SDK_MEMBER);
  return flags;
})();

/** `node` is the value of an object literal's `tracer` key (`trace({ tracer }, fn)`, `module.exports = { tracer: … }`). */
function isTracerKeyValue(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.value === node && staticName(parent.key, parent.computed) === "tracer";
}

/**
 * Keys of 1.x wrapper options that name the wrapper's event (`eventName`, `eventType`): no other
 * library's options have them, unlike `metadata` and `config`.
 */
const WRAPPER_CALL_KEYS: ReadonlySet<string> = new Set(OPTIONS_1X.filter((option) => option.of === "traceFunction" && option.key.startsWith("event")).map((option) => option.key));

/** The methods that register a plugin on an app (`app.register(plugin)`), from knowledge/app-lifetime.ts. */
const PLUGIN_REGISTERS: ReadonlySet<string> = new Set(APP_CONTEXT_SLOTS.flatMap((slot) => (slot.plugins ? [slot.plugins.register] : [])));

const NOTHING: ImportedBindingUses = Object.freeze({ tracer: undefined, sdkObject: false });

const usesByFile = new AttachedCache<TSESTree.Program, Map<Scope.Variable, ImportedBindingUses>>("honeyhive.importedBindingUses");

/** What the references of `variable` (a binding of the file `ast`) say of it; once per file and binding. */
export function importedBindingUses(ast: TSESTree.Program, variable: Scope.Variable): ImportedBindingUses {
  if (variable.references.length === 0) return NOTHING;
  let byVariable = usesByFile.get(ast);
  if (byVariable === undefined) usesByFile.set(ast, (byVariable = new Map()));
  let uses = byVariable.get(variable);
  if (uses === undefined) byVariable.set(variable, (uses = readUses(variable)));
  return uses;
}

function readUses(variable: Scope.Variable): ImportedBindingUses {
  let shape: "tracer" | "getter" | undefined;
  let honeyhiveOnly = false;
  let foreign = false;
  let sdkObject = false;
  let heldFields: string[] | undefined;
  let singletonFields: string[] | undefined;
  let registered = false;
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent === undefined) continue;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier && parent.callee.type === AST_NODE_TYPES.MemberExpression && PLUGIN_REGISTERS.has(memberName(parent.callee) ?? "")) {
      registered = true;
      continue;
    }
    let member: string | undefined;
    let called = false;
    if (parent.type === AST_NODE_TYPES.MemberExpression) {
      if (parent.object !== identifier) continue;
      member = memberName(parent);
      if (member === undefined) continue;
      const outer = parent.parent;
      const viaSingleton = singletonFieldOf(parent, member);
      if (viaSingleton !== undefined && !singletonFields?.includes(viaSingleton)) (singletonFields ??= []).push(viaSingleton);
      if (outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === parent) {
        const held = memberName(outer);
        if (held !== undefined && ((MEMBER_FLAGS.get(held) ?? 0) & (HONEYHIVE_ONLY | GENERIC)) !== 0 && !heldFields?.includes(member)) (heldFields ??= []).push(member);
      } else if (isTracerKeyValue(parent) && !heldFields?.includes(member)) (heldFields ??= []).push(member); // `{ tracer: tracing.tracer }`
    } else if (parent.type === AST_NODE_TYPES.CallExpression) {
      if (parent.callee !== identifier) continue;
      if (!sdkObject && isWrapperCall(parent)) sdkObject = true;
      const outer = parent.parent;
      if (outer?.type !== AST_NODE_TYPES.MemberExpression || outer.object !== parent) continue;
      member = memberName(outer);
      called = true;
      if (member === undefined) continue;
    } else {
      if (isTracerKeyValue(identifier)) {
        shape ??= "tracer";
        honeyhiveOnly = true;
      }
      continue;
    }
    const flags = MEMBER_FLAGS.get(member);
    if (flags === undefined) continue;
    if (flags & FOREIGN) foreign = true;
    if (flags & (HONEYHIVE_ONLY | GENERIC)) shape ??= called ? "getter" : "tracer";
    if (flags & HONEYHIVE_ONLY) honeyhiveOnly = true;
    if (flags & SDK_MEMBER && !called) sdkObject = true;
  }
  const tracer: TracerUsage = foreign ? "foreign" : shape === undefined ? undefined : { shape, honeyhiveOnly };
  if (heldFields !== undefined || singletonFields !== undefined || registered) {
    return { tracer, sdkObject, ...(heldFields ? { heldFields } : {}), ...(singletonFields ? { singletonFields } : {}), ...(registered ? { registered: true as const } : {}) };
  }
  return tracer === undefined && !sdkObject ? NOTHING : { tracer, sdkObject };
}

/**
 * `X.<member>.<field>.<tracer member>` / `X.<member>().<field>.<tracer member>` (`parent` is `X.<member>`): `<member>.<field>`
 * or `<member>().<field>`; `<access>.*` where `X.<member>` / `X.<member>()` initializes a variable.
 */
function singletonFieldOf(parent: TSESTree.MemberExpression, member: string): string | undefined {
  let access: TSESTree.Node = parent;
  let written = member;
  const call = parent.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
    if (call.arguments.length > 0) return undefined;
    access = call;
    written = `${member}()`;
  }
  const next = access.parent;
  if (next?.type === AST_NODE_TYPES.VariableDeclarator && next.init === access && next.id.type === AST_NODE_TYPES.Identifier) return `${written}.*`;
  if (next?.type !== AST_NODE_TYPES.MemberExpression || next.object !== access) return undefined;
  const field = memberName(next);
  const used = next.parent?.type === AST_NODE_TYPES.MemberExpression && next.parent.object === next ? memberName(next.parent) : undefined;
  return field !== undefined && used !== undefined && ((MEMBER_FLAGS.get(used) ?? 0) & (HONEYHIVE_ONLY | GENERIC)) !== 0 ? `${written}.${field}` : undefined;
}

/**
 * `call` calls the binding as a 1.x wrapper re-exported under another name (`export { traceFunction as
 * traced }`): curried on an options literal (`traced({ … })(fn)`), or given wrapper options (`model(fn,
 * { eventName: "m" })`). A call without either (`model(fn)`) is not enough, as every higher-order
 * function is called so.
 */
function isWrapperCall(call: TSESTree.CallExpression): boolean {
  if (call.parent?.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call && call.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression) return true;
  for (const argument of call.arguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (property.type === AST_NODE_TYPES.Property && WRAPPER_CALL_KEYS.has(staticName(property.key, property.computed) ?? "")) return true;
    }
  }
  return false;
}
