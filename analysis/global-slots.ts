// A HoneyHive tracer kept on `globalThis` by another module (issue 15, D6): the Next.js dev-cache pattern,
//   declare global { var tracer: HoneyHiveTracer | undefined }
//   globalThis.tracer ??= HoneyHiveTracer.init(…)
// in `lib/tracing.ts` (or Next.js's `instrumentation.ts`), read as `globalThis.tracer` in a route.
//
// The fact travels in the direction of imports, as every other cross-file fact does: the declaring
// module's facts list the slot (`globalTracerSlots`, read here from its parse), and a file sees the slot
// as a tracer where it loads that module (any import, a bare `import "./tracing"` included, and one hop of
// `export … from` through a barrel), or where its framework loads it before any of its modules
// (analysis/framework-preloads.ts: Next.js's `instrumentation.ts`). ESLint and `migrate` read the same facts through
// analysis/project-modules.ts, so both answer alike with no project-wide scan; a slot declared in a `.d.ts`
// or a module nothing loads stays unknown.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { globalSlotOf, memberName, staticName, unwrapExpression } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { getAnalysisContext } from "./context.js";
import type { ModuleFacts } from "./export-facts.js";
import { frameworkPreloadsOf } from "./framework-preloads.js";
import type { AnalysisInput } from "./input.js";
import { isTracerClass } from "./jsdoc-tracer.js";
import { GENERIC_TRACER_MEMBER_NAMES, HONEYHIVE_ONLY_TRACER_MEMBERS } from "./knowledge/sdks/index.js";
import { nodesOfType } from "./nodes.js";
import { importedModule, isProjectModule, projectModules } from "./project-modules.js";

/**
 * The global slots a module declares with the SDK's tracer type in `declare global` (`var tracer:
 * HoneyHiveTracer | undefined`) and assigns a tracer creation to (`globalThis.tracer ??= HoneyHiveTracer.init(…)`,
 * `globalThis.tracer = await HoneyHiveTracer.init(…)` in `register()`), in source order. Both are asked:
 * the declaration alone may type a slot another library fills, and an assignment to an undeclared slot
 * does not type-check for an importer. `isTracerCreation`: the module's SDK model's (passed in, so this
 * module does not load sdk-model). Text-gated: a module without `declare global` pays nothing.
 */
export function globalTracerSlotsOf(input: AnalysisInput, isTracerCreation: (node: TSESTree.Node) => boolean): readonly string[] {
  if (!input.text.includes("declare global") || !/\bglobal(?:This)?\./.test(input.text)) return [];
  const declared = new Set<string>();
  for (const statement of input.ast.body) {
    if (statement.type !== AST_NODE_TYPES.TSModuleDeclaration || statement.kind !== "global" || statement.body?.type !== AST_NODE_TYPES.TSModuleBlock) continue;
    for (const member of statement.body.body) {
      if (member.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of member.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && namesTracerType(input, declarator.id.typeAnnotation?.typeAnnotation)) declared.add(declarator.id.name);
      }
    }
  }
  if (declared.size === 0) return [];
  const slots: string[] = [];
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const slot = globalSlotOf(input.scopeManager, assignment.left);
    if (slot !== undefined && declared.has(slot) && !slots.includes(slot) && isTracerCreation(unwrapExpression(assignment.right) ?? assignment.right)) slots.push(slot);
  }
  return slots;
}

/** `HoneyHiveTracer`, `HoneyHiveTracer | undefined` (a union holding it), of the SDK (a type-only import too). */
function namesTracerType(input: AnalysisInput, type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type === AST_NODE_TYPES.TSUnionType) return type.types.some((member) => namesTracerType(input, member));
  return type?.type === AST_NODE_TYPES.TSTypeReference && isTracerClass(input, type.typeName);
}

const loadedSlots = new AttachedCache<TSESTree.Program, ReadonlySet<string>>("honeyhive.loadedGlobalTracerSlots");
const NO_SLOTS: ReadonlySet<string> = new Set();

/**
 * Whether a module the file loads (or its framework loads first) declares `slot` as a global HoneyHive
 * tracer and fills it (`globalTracerSlots`). Undefined `readModuleFacts` (a module read for another
 * file): false, one module deep as every cross-file fact.
 */
export function loadsGlobalTracerSlot(input: AnalysisInput, slot: string): boolean {
  return globalTracerSlotsLoadedBy(input).has(slot);
}

/**
 * For the SDK model's gate: the file reads `globalThis.<slot>` (or `global.<slot>`) of a slot a module it
 * loads fills with a tracer. Text first: a file naming no global object reads no module.
 */
export function readsLoadedGlobalTracer(input: AnalysisInput): boolean {
  if (!input.readModuleFacts) return false;
  // Per AST: the gate asks it, then the model of a file the gate let through that declares no tracer (`usesSdk`).
  let reads = readsLoaded.get(input.ast);
  if (reads === undefined) readsLoaded.set(input.ast, (reads = readsLoadedGlobalTracerOnce(input)));
  return reads;
}

const readsLoaded = new AttachedCache<TSESTree.Program, boolean>("honeyhive.readsLoadedGlobalTracer");

function readsLoadedGlobalTracerOnce(input: AnalysisInput): boolean {
  // Only slots read as a tracer ask the loaded modules: library code reads `global.process`, `globalThis.Symbol`
  // and the like in many files, and resolving every import of those cost ~250 µs a file on the non-SDK corpus.
  const read = /\bglobal(?:This)?\./.test(input.text) ? slotsReadAsTracer(input.text) : NO_SLOTS;
  // The scopes, not the text: a case-insensitive pattern of the fourteen words a bare read needs took longer over an
  // average corpus file than this walk of the references no declaration resolves (bench/NOTES.md, perf-nonsdk).
  const bare = bareGlobalsReadAsTracer(input);
  if (read.size === 0 && bare.size === 0) return false;
  const slots = globalTracerSlotsLoadedBy(input);
  for (const slot of read) if (slots.has(slot)) return true;
  for (const slot of bare) if (slots.has(slot)) return true;
  return false;
}

/**
 * Whether `identifier`, a name the file does not declare (the scope manager resolves it to nothing: it is
 * read from the global object, as `var` declared in `declare global` is), is read as a tracer and is a slot a
 * module the file loads declares and fills: a bare `tracer.createSession()` beside `globalThis.tracer`.
 */
export function isLoadedGlobalTracerRead(input: AnalysisInput, identifier: TSESTree.Identifier): boolean {
  return bareGlobalsReadAsTracer(input).has(identifier.name) && loadsGlobalTracerSlot(input, identifier.name);
}

const bareReads = new AttachedCache<TSESTree.Program, ReadonlySet<string>>("honeyhive.bareGlobalTracerReads");

/**
 * The names the file reads from the global scope without declaring them (the scope manager's `through` list
 * of its global scope: no import, no local, no lib global) the way a tracer is read, as `slotsReadAsTracer`
 * reads `globalThis.<slot>`: a tracer method called on it (`tracer.createSession()`, `tracer?.flush()`), held by
 * a variable (`const t = tracer`) or given as `tracer:`. From the scope analysis ESLint has made: no text
 * search and no module read; a file with none (almost every file) gets the shared empty set. Per AST.
 *
 * Host globals are read the same ways (`const raf = requestAnimationFrame`, `WebSocket ?? ws`,
 * `console.trace(…)`, `const file = __filename`), and each such file would then resolve and read every module
 * it imports (the non-SDK corpus lint cost +750 µs a file): `isSlotReadAsTracer` decides, as for `globalThis.x`.
 */
function bareGlobalsReadAsTracer(input: AnalysisInput): ReadonlySet<string> {
  let names = bareReads.get(input.ast);
  if (names) return names;
  let found: Set<string> | undefined;
  for (const reference of input.scopeManager.globalScope?.through ?? []) {
    if (reference.resolved !== null || !reference.isRead()) continue;
    const identifier = reference.identifier;
    if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
    if (isSlotReadAsTracer(identifier.name, readAsTracer(identifier))) (found ??= new Set()).add(identifier.name);
  }
  names = found ?? NO_SLOTS;
  bareReads.set(input.ast, names);
  return names;
}

/** A global's name that says it holds a tracer: `tracer`, `hhTracer`, `honeyhive`, `hh`, `__hh`. */
const TRACER_LIKE_NAME = /tracer|honeyhive|(?:^|_)hh(?![a-z])/i;

/**
 * How `x` is used the way a tracer is: the tracer method called on it (`x.createSession()`, `x!.flush()`), or
 * `"held"` when it is held or handed on (`const t = x`, `t = x ?? …`, `{ tracer: x }`).
 */
function readAsTracer(identifier: TSESTree.Identifier): string | undefined {
  let node: TSESTree.Node = identifier;
  while (node.parent?.type === AST_NODE_TYPES.TSNonNullExpression || node.parent?.type === AST_NODE_TYPES.TSAsExpression) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const method = memberName(parent);
    const call = parent.parent?.type === AST_NODE_TYPES.ChainExpression ? parent.parent.parent : parent.parent;
    if (method === undefined || !TRACER_MEMBER_NAMES.has(method) || call?.type !== AST_NODE_TYPES.CallExpression || unwrapExpression(call.callee) !== parent) return undefined;
    return method;
  }
  const held =
    parent?.type === AST_NODE_TYPES.VariableDeclarator
      ? parent.init === node
      : parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator === "??"
        ? parent.parent?.type === AST_NODE_TYPES.VariableDeclarator || parent.parent?.type === AST_NODE_TYPES.AssignmentExpression
        : parent?.type === AST_NODE_TYPES.AssignmentExpression
          ? parent.right === node
          : parent?.type === AST_NODE_TYPES.Property && parent.value === node && staticName(parent.key, parent.computed) === "tracer";
  return held ? "held" : undefined;
}

/** A tracer method of either major (`trace`, `createSession`, 1.x `startSession`, `flush`, …). */
const TRACER_MEMBER_NAMES: ReadonlySet<string> = new Set([...HONEYHIVE_ONLY_TRACER_MEMBERS, ...GENERIC_TRACER_MEMBER_NAMES]);

/**
 * The global slots the text reads the way a tracer is read: a tracer method called on it
 * (`globalThis.tracer?.createSession()`, `global.hh!.flush()`), held by a variable or a property
 * (`const tracer = globalThis.honeyhive;`, `x = globalThis.tracer ?? …`), or given as `tracer:`
 * (`trace({ tracer: globalThis.tracer }, fn)`). A text test, before any module is read.
 */
function slotsReadAsTracer(text: string): ReadonlySet<string> {
  const slots = new Set<string>();
  // Where the last match ended: what comes before a read (`=`, `tracer:`) is looked for after it only.
  let end = 0;
  for (const match of text.matchAll(GLOBAL_READ)) {
    const [read, slot, after, method] = match;
    const from = end;
    end = match.index + read.length;
    if (after === undefined) continue;
    if (isSlotReadAsTracer(slot!, method !== undefined ? method : heldBefore(text, match.index, from) ? "held" : undefined)) slots.add(slot!);
  }
  return slots;
}

/**
 * `global.<slot>` / `globalThis.<slot>` and what follows it when it is read as a tracer: a method called on it, or the end
 * of the expression. Anchored on `global`: the same pattern led by what may come before the read (`(=|\btracer\s*:)?\s*`)
 * was tried at every character of the text, ~13 ms over a large file at load 13 (bench/NOTES.md, perf-nonsdk-3);
 * `heldBefore` reads that part backwards from each match instead.
 */
const GLOBAL_READ = /\bglobal(?:This)?\.([A-Za-z_$][\w$]*)(!?\??\.([A-Za-z_$][\w$]*)\s*\(|\s*(?:[;,)}\n]|\?\?|!|as\b))?/g;

/**
 * Whether `=` or `tracer:` (blanks between, `\btracer\s*:`) ends the text before `at` after white space, within
 * `[from, at)`: what the pattern `(=|\btracer\s*:)?\s*` before `GLOBAL_READ` captured, scanning on from the last match's end.
 */
function heldBefore(text: string, at: number, from: number): boolean {
  let index = skipSpaceBackwards(text, at - 1, from);
  if (index < from) return false;
  if (text[index] === "=") return true;
  if (text[index] !== ":") return false;
  index = skipSpaceBackwards(text, index - 1, from);
  const start = index - "tracer".length + 1;
  return start >= from && text.startsWith("tracer", start) && (start === 0 || !WORD_CHARACTER.test(text[start - 1]!));
}

/** The last index at or before `index` (not below `from`) that is not white space (`\s`), or `from - 1`. */
function skipSpaceBackwards(text: string, index: number, from: number): number {
  while (index >= from && SPACE.test(text[index]!)) index--;
  return index;
}

const SPACE = /\s/;
/** What `\b` counts as a word character. */
const WORD_CHARACTER = /\w/;

/**
 * Whether a global read counts as a tracer's, by the same test for `globalThis.x` and a bare `x`: a HoneyHive-only
 * method called on it (`x.createSession()`) whatever its name; a generic tracer method (`x.trace()`, `x.flush()`) or
 * a hold (`const t = x`, `{ tracer: x }`: `"held"`) only when it is named like a tracer. Library code holds and calls
 * its host globals the same ways (`const E = globalThis.Error;`, `console.trace()`), and each such file would read
 * every module it imports.
 */
function isSlotReadAsTracer(name: string, use: string | undefined): boolean {
  if (use === undefined) return false;
  if (HONEYHIVE_ONLY_TRACER_MEMBERS.has(use)) return true;
  return (use === "held" || TRACER_MEMBER_NAMES.has(use)) && TRACER_LIKE_NAME.test(name);
}

/** The slots of every module the file loads and of its framework's preloads; cached per AST. */
function globalTracerSlotsLoadedBy(input: AnalysisInput): ReadonlySet<string> {
  const read = input.readModuleFacts;
  if (!read) return NO_SLOTS;
  let slots = loadedSlots.get(input.ast);
  if (slots) return slots;
  const found = new Set<string>();
  const add = (facts: ModuleFacts): void => {
    for (const slot of facts.globalTracerSlots ?? []) found.add(slot);
  };
  const reader = projectModules();
  for (const specifier of getAnalysisContext(input).importedModules) {
    // A package is no module of the project's (asked from the text, before any resolution).
    if (!isProjectModule(specifier, input)) continue;
    const imported = importedModule(input, specifier);
    if (!imported) continue;
    add(imported.facts);
    // A barrel: `export * from "./tracing"` loads the module it hands on, so its slots too (one hop).
    for (const reExport of imported.facts.reExports) {
      const target = reader.resolve(reExport.specifier, imported.path);
      if (target !== undefined) add(reader.factsOf(target, read));
    }
  }
  for (const path of frameworkPreloadsOf(input)) add(reader.factsOf(path, read, false, true));
  slots = found.size === 0 ? NO_SLOTS : found;
  loadedSlots.set(input.ast, slots);
  return slots;
}
