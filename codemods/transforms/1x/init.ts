// 1.x → this SDK: creating the tracer. 1.x `HoneyHiveTracer.init()` was async (it started the session
// before resolving); here it is synchronous, so `await HoneyHiveTracer.init(…)` loses its `await` and
// the surrounding code stays valid as it is (an async function that awaited it may stay async, a lazy
// getter keeps returning a promise its callers await). `new HoneyHiveTracer(…)` and 1.x's
// `initFromSessionId(…)` become `init(…)`; option keys follow the 1.x data (renamed, or dropped with a marker);
// a joined session (`sessionId`) becomes `tracer.sessionStart({ sessionId, skipApiCall: true })`.
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { enclosingFunction, findVariable, globalSlotOf, indentationAt, memberName, requireSpecifier, staticName, unwrapExpression } from "../../../analysis/ast.js";
import { lineStart, newlineOf, type EditList } from "../../../analysis/edits.js";
import type { AnalysisInput } from "../../../analysis/input.js";
import { DISCARDED_INIT_NAME, discardedInit, holdsTracerItself, isImportedHoldersInitPromise, isInitPromiseValue, keyedProperties, knownFunctionOf, option1x, returnedValues, staticCalls } from "../../../analysis/honeyhive-1x.js";
import { nodesOfType, nodesOfTypesWithin } from "../../../analysis/nodes.js";
import { absolutePath, importedExport, importedModule, importOrigin, projectModules } from "../../../analysis/project-modules.js";
import { isSdkModule } from "../../../analysis/settings.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { droppedKeysMessage, migrateOptionKeys, objectArgument, renameMember } from "./shared.js";

export const meta = transformMeta("1x-init");

const INIT_METHODS: ReadonlySet<string> = new Set(["init", "initFromSessionId"]);
const PROMISE_METHODS: ReadonlySet<string> = new Set(["then", "catch", "finally"]);
const LAZY_ASSIGNMENTS: ReadonlySet<string> = new Set(["??=", "||=", "="]);

function collect({ file, edits, project }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  // Also in a file that names nothing of the SDK: it reaches the tracer through the holder, or through a `require()`.
  wrapImportedHolderPromiseFields(input, edits);
  wrapRequiredInitPromises(input, edits);
  if (!sdk.usesSdk) return;
  const creations: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  const discarded = discardedInit(input);
  for (const { call, callee, name } of staticCalls(input, INIT_METHODS)) {
    if (name === "initFromSessionId") renameMember(edits, text, callee, "init");
    const awaited = call.parent;
    const isAwaited = awaited?.type === AST_NODE_TYPES.AwaitExpression && awaited.argument === call;
    // `await HoneyHiveTracer.init(…);` alone, with free wrappers that used 1.x's global tracer: named, for explicit-tracer.
    const declaration = call === discarded ? `const ${DISCARDED_INIT_NAME} = ` : "";
    if (isAwaited) {
      const grouping = groupingParentheses(text, awaited);
      // `fallback || (await HoneyHiveTracer.init(…))` → `fallback || HoneyHiveTracer.init(…)`: the parentheses only held the await.
      if (grouping && !declaration) {
        edits.replace([grouping[0], call.range[0]], "");
        edits.replace([call.range[1], grouping[1]], "");
      } else edits.replace([awaited.range[0], call.range[0]], declaration);
    }
    else if (declaration) edits.insertBefore(call, declaration);
    // `.then()` on what is now a tracer, not a promise: keep the callback's timing and types.
    const member = call.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === call && PROMISE_METHODS.has(memberName(member) ?? "")) wrapPromiseMethodReceiver(edits, call);
    else if (!(awaited?.type === AST_NODE_TYPES.AwaitExpression && awaited.argument === call)) unwrapPromiseAnnotation(input, edits, text, call, project?.membersUsedAsTracer ?? []);
    markPromiseIdentityTests(input, edits, text, call);
    if (!isAwaited) markPromiseNamedExport(edits, text, call);
    creations.push(call);
  }
  for (const created of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
    if (sdk.sdkExportOf(created.callee) !== "HoneyHiveTracer") continue;
    const calleeText = text.slice(created.callee.range[0], created.callee.range[1]);
    const hasArguments = text.slice(created.callee.range[1], created.range[1]).trim().startsWith("(");
    edits.replace([created.range[0], created.callee.range[1]], `${calleeText}.init${hasArguments ? "" : "()"}`);
    dropPrivateConstructorDirective(edits, text, created);
    creations.push(created);
  }
  wrapImportedTracerPromises(input, edits);
  wrapLocalGettersOfImportedPromises(input, edits);
  markGetterIdentityTests(input, edits, text);
  const heldDone = new Set<TSESTree.ObjectExpression>();
  migrateTypedInitOptions(input, edits, heldDone);
  for (const creation of creations) {
    const options = objectArgument(creation);
    if (!options) {
      // Options held in a variable (`const options = { …, sessionId }; await HoneyHiveTracer.init(options)`): marked, not moved.
      // `init(opts || defaults)`, `init(ci ? a : b)`: each value it may take, read or marked.
      if (migrateChosenOptions(input, edits, creation, creations, heldDone)) continue;
      const held = heldOptions(input, creation);
      if (held.some((literal) => sessionIdProperty(literal)) && (creation.parent?.type === AST_NODE_TYPES.AwaitExpression || usedAsInitPromise(creation))) addMarker(edits, text, creation, MESSAGES_1X.joinedSession);
      for (const literal of held) migrateHeldOptions(input, edits, creation, literal, creations, heldDone);
      if (held.length === 0) markPartlyHeldOptions(input, edits, creation);
      // Options imported from another module (`init(honeyhiveConfig)`): their keys are not read here; marked.
      const imported = unwrapExpression(creation.arguments[0]);
      // Marked unless the module's facts list the const's keys and none is 1.x's (`export const config = { apiKey, project }`).
      const importedVariable = held.length === 0 && imported?.type === AST_NODE_TYPES.Identifier ? findVariable(input.scopeManager, imported, imported.name) : undefined;
      const json = held.length === 0 && imported ? jsonOptionsOf(input, imported) : undefined;
      if (json) {
        markJsonOptions(edits, text, creation, json);
        continue;
      }
      if (held.length === 0 && imported?.type === AST_NODE_TYPES.CallExpression) markCalledOptions(input, edits, creation, imported);
      const importedKeys = importedVariable?.defs[0]?.type === "ImportBinding" ? importedOptionKeys(input, importedVariable) : undefined;
      if (importedVariable?.defs[0]?.type === "ImportBinding" && (importedKeys === undefined || importedKeys.some(is1xOptionKey))) {
        addMarker(edits, text, creation, MESSAGES_1X.importedOptions(importedVariable.name));
      }
      continue;
    }
    for (const element of options.properties) {
      const spread = element.type === AST_NODE_TYPES.SpreadElement ? unwrapExpression(element.argument) : undefined;
      const held = spread?.type === AST_NODE_TYPES.Identifier ? constObjectsOf(input, spread) : [];
      for (const literal of held) migrateHeldOptions(input, edits, creation, literal, creations, heldDone);
      // A helper's result spread in (`init({ ...baseOptions(), sessionName })`): tsc checks no excess key there.
      const json = spread && held.length === 0 ? jsonOptionsOf(input, spread) : undefined;
      if (json) markJsonOptions(edits, text, creation, json);
      const helper = !json && spread?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(spread.callee) : undefined;
      if (helper?.type === AST_NODE_TYPES.Identifier && mayReturn1xOptions(input, helper)) addMarker(edits, text, creation, MESSAGES_1X.spreadOptions(helper.name));
    }
    const joined = joinedSession(input, edits, text, creation, options);
    const dropped = migrateOptionKeys(edits, text, options, "HoneyHiveTracer.init", joined ? [joined.property] : []);
    // One marker a line: a join in a function says what its init still posts, after any dropped keys.
    const messages = [
      ...(dropped.length > 0 ? [droppedKeysMessage("HoneyHiveTracer.init", dropped)] : []),
      ...(joined?.inFunction ? [MESSAGES_1X.joinedSessionStartup] : []),
      ...(joined?.missingIdUnguarded ? [MESSAGES_1X.joinedSessionMayBeMissing] : []),
    ];
    if (messages.length > 0) addMarker(edits, text, creation, messages.join("; also, "));
  }
}

/**
 * An unawaited init used as 1.x's promise where it is made: `init(…).then(…)`, an element of
 * `Promise.all([…])`, a lazy `p ??= init(…)` / `p ||= init(…)`. A plain `const tracer = init({ sessionId })`
 * may be code written for this SDK already, which starts that session on purpose.
 */
function usedAsInitPromise(creation: TSESTree.Node): boolean {
  const parent = creation.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === creation) return PROMISE_METHODS.has(memberName(parent) ?? "");
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === creation && (parent.operator === "??=" || parent.operator === "||=");
  const call = parent?.type === AST_NODE_TYPES.ArrayExpression ? parent.parent : undefined;
  const callee = call?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  return callee?.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Promise";
}

function sessionIdProperty(options: TSESTree.ObjectExpression): TSESTree.Property | undefined {
  return options.properties.find((element): element is TSESTree.Property => element.type === AST_NODE_TYPES.Property && staticName(element.key, element.computed) === "sessionId");
}

/** The object literals a `const` passed as the first argument is initialized with (`init(options)`; see constObjectsOf). */
/**
 * `// @ts-expect-error` on the line above a 1.x `new HoneyHiveTracer(…)`: the constructor was private in 1.x's
 * types (public code calls it so, blind-1x-8 shape 17), and the init() written in its place type-checks, which
 * would leave the directive unused (TS2578). The directive line goes; a `@ts-ignore` stays (it is never unused).
 */
function dropPrivateConstructorDirective(edits: EditList, text: string, created: TSESTree.NewExpression): void {
  const lineOfNew = lineStart(text, created.range[0]);
  if (lineOfNew === 0) return;
  const above = lineStart(text, lineOfNew - 1);
  if (/^[ \t]*\/\/\s*@ts-expect-error\b[^\n]*\r?\n$/.test(text.slice(above, lineOfNew))) edits.remove([above, lineOfNew]);
}

function heldOptions(input: AnalysisInput, creation: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.ObjectExpression[] {
  const argument = unwrapExpression(creation.arguments[0]);
  return argument?.type === AST_NODE_TYPES.Identifier ? constObjectsOf(input, argument) : [];
}

/**
 * The object literals the `const` that `reference` reads is initialized with (typed or not: `const o: Partial<…> = { … }`):
 * the literal, or each branch of a choice between literals (`production ? { …, metadata } : { …, inputs }`, blind-1x-5 13:
 * both branches reach init, and tsc checks no excess key in either once the const is passed by name). Empty where any
 * branch is something else.
 */
function constObjectsOf(input: AnalysisInput, reference: TSESTree.Identifier): TSESTree.ObjectExpression[] {
  const def = findVariable(input.scopeManager, reference, reference.name)?.defs[0];
  return def?.type === "Variable" && def.parent?.kind === "const" ? objectBranches(def.node.init) : [];
}

function objectBranches(node: TSESTree.Node | null | undefined): TSESTree.ObjectExpression[] {
  const leaves = branchesOf(node);
  return leaves.every((leaf) => leaf.type === AST_NODE_TYPES.ObjectExpression) ? (leaves as TSESTree.ObjectExpression[]) : [];
}

/** The values a (nested) conditional, `||` or `??` expression may take, each unwrapped; the expression itself when it is none. */
function branchesOf(node: TSESTree.Node | null | undefined): TSESTree.Node[] {
  const expression = unwrapExpression(node);
  if (expression?.type === AST_NODE_TYPES.ConditionalExpression) return [...branchesOf(expression.consequent), ...branchesOf(expression.alternate)];
  if (isChoice(expression)) return [...branchesOf(expression.left), ...branchesOf(expression.right)];
  return expression ? [expression] : [];
}

/** `a || b`, `a ?? b`: either side may be the value. */
function isChoice(node: TSESTree.Node | undefined): node is TSESTree.LogicalExpression {
  return node?.type === AST_NODE_TYPES.LogicalExpression && (node.operator === "||" || node.operator === "??");
}

/**
 * Init options passed as a choice (`init(opts || defaults)`, `init(ci ? a : { …, inputs })`, `init(opts ?? buildOptions())`):
 * each value it may take as it would be alone, a literal migrated where it is written, a `const` of the file where it is
 * declared (one level), a call's result marked. False for an argument that is no choice.
 */
function migrateChosenOptions(
  input: AnalysisInput,
  edits: EditList,
  creation: TSESTree.CallExpression | TSESTree.NewExpression,
  creations: readonly TSESTree.Node[],
  done: Set<TSESTree.ObjectExpression>,
): boolean {
  const argument = unwrapExpression(creation.arguments[0]);
  if (argument?.type !== AST_NODE_TYPES.ConditionalExpression && !isChoice(argument)) return false;
  for (const leaf of branchesOf(argument)) {
    if (leaf.type === AST_NODE_TYPES.ObjectExpression) {
      const dropped = migrateOptionKeys(edits, input.text, leaf, "HoneyHiveTracer.init", []);
      if (dropped.length > 0) addMarker(edits, input.text, creation, droppedKeysMessage("HoneyHiveTracer.init", dropped));
    } else if (leaf.type === AST_NODE_TYPES.Identifier) {
      for (const literal of constObjectsOf(input, leaf)) migrateHeldOptions(input, edits, creation, literal, creations, done);
    } else if (leaf.type === AST_NODE_TYPES.CallExpression) markCalledOptions(input, edits, creation, leaf);
  }
  return true;
}

/** Init options a call returns (`init(buildOptions())`): marked unless the call is of a function of the file none of whose returns holds a 1.x key. */
function markCalledOptions(input: AnalysisInput, edits: EditList, creation: TSESTree.CallExpression | TSESTree.NewExpression, call: TSESTree.CallExpression): void {
  const callee = unwrapExpression(call.callee);
  if (callee?.type === AST_NODE_TYPES.Identifier && !mayReturn1xOptions(input, callee)) return;
  addMarker(edits, input.text, creation, MESSAGES_1X.calledOptions(input.text.slice(call.callee.range[0], call.callee.range[1])));
}

/** `identifier` is the init's options argument, or a value a choice there may take (`init(opts || defaults)`). */
function isOptionsArgumentOf(identifier: TSESTree.Node, creations: readonly TSESTree.Node[]): boolean {
  let node: TSESTree.Node = identifier;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (isChoice(parent) || (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node)) continue;
    return creations.includes(parent) && (parent as TSESTree.CallExpression).arguments[0] === node;
  }
  return false;
}

/**
 * A `const` passed to init that chooses between a literal holding 1.x keys and a value the codemod cannot read
 * (`ci ? { ...base, metadata } : base`): not edited (the other branch may need the same change), but marked, since
 * this SDK would ignore those keys without a word and tsc checks no excess key in a value passed by name.
 */
function markPartlyHeldOptions(input: AnalysisInput, edits: EditList, creation: TSESTree.CallExpression | TSESTree.NewExpression): void {
  const argument = unwrapExpression(creation.arguments[0]);
  const def = argument?.type === AST_NODE_TYPES.Identifier ? findVariable(input.scopeManager, argument, argument.name)?.defs[0] : undefined;
  if (argument?.type !== AST_NODE_TYPES.Identifier || def?.type !== "Variable" || def.parent?.kind !== "const") return;
  const keys = branchesOf(def.node.init).flatMap((leaf) => (leaf.type === AST_NODE_TYPES.ObjectExpression ? oneXOptionKeys(leaf) : []));
  if (keys.length > 0) addMarker(edits, input.text, creation, MESSAGES_1X.partlyHeldOptions(argument.name, [...new Set(keys)]));
}

/** Keys of an options literal that this SDK names otherwise or ignores (`inputs`, `disableHttpTracing`). */
function oneXOptionKeys(options: TSESTree.ObjectExpression): string[] {
  return keyedProperties(options)
    .map(({ key }) => key)
    .filter(is1xOptionKey);
}

/** An init option key this SDK names otherwise or ignores. */
function is1xOptionKey(key: string): boolean {
  const migration = option1x("HoneyHiveTracer.init", key)?.migration;
  return migration !== undefined && (migration.decision === "marker" || migration.decision === "removed" || (migration.decision === "rename" && migration.to !== key));
}

/**
 * The keys of the object literal an imported `const` holds, from its module's facts (`objectKeys`), read
 * past the reader's text gate (an options module need not name the SDK); undefined when they are not known.
 */
function importedOptionKeys(input: AnalysisInput, variable: Scope.Variable): readonly string[] | undefined {
  const origin = importOrigin(input, variable);
  const read = input.readModuleFacts;
  if (!origin || !read || isSdkModule(origin.specifier, input.settings)) return undefined;
  // resolve() refuses packages: only a project module (relative, or a `paths` alias) has facts.
  const path = projectModules().resolve(origin.specifier, absolutePath(input.filename));
  return path === undefined ? undefined : projectModules().factsOf(path, read, false, true).objectKeys?.[origin.name];
}

/** A JSON file init options are read from, and its keys where the file was read (see jsonOptionsOf). */
interface JsonOptions {
  readonly specifier: string;
  readonly keys: readonly string[] | undefined;
}

/**
 * Init options read from a JSON file of the project (blind-1x-3 D19): `require("./honeyhive.config.json")`
 * passed or spread in, directly or through a `const` of the file, or a default `import config from
 * "./config.json"`. Read only when the file lies inside the importing file's project (the nearest
 * directory with a package.json, by real path, never under node_modules), as the project reader reads
 * modules; `keys` undefined where it cannot be read there or holds no JSON object. undefined where the
 * value is no relative `.json` module.
 */
function jsonOptionsOf(input: AnalysisInput, value: TSESTree.Node): JsonOptions | undefined {
  let expression = unwrapExpression(value);
  let specifier: string | undefined;
  if (expression?.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(input.scopeManager, expression, expression.name)?.defs[0];
    if (def?.type === "ImportBinding" && def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier && def.parent.type === AST_NODE_TYPES.ImportDeclaration) specifier = def.parent.source.value;
    else if (def?.type === "Variable" && def.parent?.kind === "const" && def.node.id.type === AST_NODE_TYPES.Identifier) expression = unwrapExpression(def.node.init);
    else return undefined;
  }
  specifier ??= requireSpecifier(expression);
  if (specifier === undefined || !/^\.\.?\//.test(specifier) || !specifier.endsWith(".json")) return undefined;
  return { specifier, keys: projectJsonKeys(input, specifier) };
}

/** The keys of the JSON object in the project file `specifier` names from the input's file (see jsonOptionsOf). */
function projectJsonKeys(input: AnalysisInput, specifier: string): readonly string[] | undefined {
  const reader = projectModules();
  const from = dirname(absolutePath(input.filename));
  const root = reader.packageRootOf(from);
  const path = resolve(from, specifier);
  if (root === undefined || !isInsideDirectory(path, root) || !reader.exists(path)) return undefined;
  const real = reader.fs.realpath(path);
  if (!isInsideDirectory(real, reader.fs.realpath(root)) || real.split(/[\\/]/).includes("node_modules")) return undefined;
  const parsed = reader.parsedFile(real, parseJsonObject);
  return parsed && Object.keys(parsed);
}

/** A JSON object's value, or undefined (not JSON, or an array or a primitive). */
function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isInsideDirectory(path: string, directory: string): boolean {
  const fromDirectory = relative(directory, path);
  return fromDirectory !== "" && !fromDirectory.startsWith("..") && !isAbsolute(fromDirectory);
}

/** A marker naming the JSON file's 1.x keys and what becomes of each; nothing where it holds none; the generic one where it was not read. */
function markJsonOptions(edits: EditList, text: string, creation: TSESTree.Node, json: JsonOptions): void {
  if (json.keys === undefined) {
    addMarker(edits, text, creation, MESSAGES_1X.importedOptions(json.specifier));
    return;
  }
  const changes = json.keys.filter(is1xOptionKey).map((key) => {
    const migration = option1x("HoneyHiveTracer.init", key)!.migration;
    return migration.decision === "rename" ? `${key} → ${migration.to}` : `drop ${key}`;
  });
  if (changes.length > 0) addMarker(edits, text, creation, MESSAGES_1X.jsonOptions(json.specifier, changes));
}

/**
 * May the function `callee` names return 1.x init options? Yes unless it is a function of the file none
 * of whose returned object literals holds a 1.x key (its own returns: not those of a function nested in it).
 */
function mayReturn1xOptions(input: AnalysisInput, callee: TSESTree.Identifier): boolean {
  const def = findVariable(input.scopeManager, callee, callee.name)?.defs[0];
  const declared = def?.type === "FunctionName" ? def.node : def?.type === "Variable" ? unwrapExpression(def.node.init) : undefined;
  if (declared?.type !== AST_NODE_TYPES.FunctionDeclaration && declared?.type !== AST_NODE_TYPES.FunctionExpression && declared?.type !== AST_NODE_TYPES.ArrowFunctionExpression) return true;
  // Its own returns only: a nested function's `return { inputs }` is not what the helper gives (D2).
  return returnedValues(input, declared).some((value) => {
    const object = unwrapExpression(value);
    return object?.type === AST_NODE_TYPES.ObjectExpression && oneXOptionKeys(object).length > 0;
  });
}

/**
 * 1.x options that reach init() through a `const` of the file, one level: passed as the argument
 * (`init(tracerOptions)`) or spread into it (`init({ ...base, sessionName })`). Where every use of the
 * const is such, its keys are migrated where it is declared, as in a literal written in the call
 * (`disableHttpTracing` removed and marked, `instrumentModules` too: 2.x ignores it, so OpenAI would
 * silently stop being traced). A const used elsewhere too (another call, exported) is not edited:
 * the init call is marked, naming the const and its 1.x keys. hunt-real-2 shapes 34 and 35.
 */
function migrateHeldOptions(
  input: AnalysisInput,
  edits: EditList,
  creation: TSESTree.CallExpression | TSESTree.NewExpression,
  held: TSESTree.ObjectExpression,
  creations: readonly TSESTree.Node[],
  done: Set<TSESTree.ObjectExpression>,
): void {
  if (done.has(held)) return;
  done.add(held);
  const { text } = input;
  const declarator = declaratorOf(held);
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return;
  const variable = input.scopeManager.getDeclaredVariables(declarator)[0];
  const isInitUse = ({ identifier }: Scope.Reference): boolean => {
    if (identifier === declarator.id) return true;
    const parent = identifier.parent;
    if (isOptionsArgumentOf(identifier, creations)) return true;
    const object = parent?.type === AST_NODE_TYPES.SpreadElement ? parent.parent : undefined;
    return object?.type === AST_NODE_TYPES.ObjectExpression && object.parent !== undefined && creations.includes(object.parent) && (object.parent as TSESTree.CallExpression).arguments[0] === object;
  };
  if (!variable) return;
  if (declarator.parent?.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration && variable.references.every(isInitUse)) {
    const dropped = migrateOptionKeys(edits, text, held, "HoneyHiveTracer.init", []);
    if (dropped.length > 0) addMarker(edits, text, declarator, droppedKeysMessage("HoneyHiveTracer.init", dropped));
    return;
  }
  const keys = oneXOptionKeys(held);
  if (keys.length > 0) addMarker(edits, text, creation, MESSAGES_1X.heldOptions(declarator.id.name, keys));
}

/** The declarator whose initializer holds `literal`: itself, a branch of a conditional, or under a type assertion (`{ … } as Options`). */
function declaratorOf(literal: TSESTree.Node): TSESTree.Node | undefined {
  let node = literal;
  while (node.parent && node.parent.type !== AST_NODE_TYPES.VariableDeclarator) {
    const parent: TSESTree.Node = node.parent;
    const through = (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node) || unwrapExpression(parent) !== parent;
    if (!through) return undefined;
    node = parent;
  }
  return node.parent;
}

/** Type wrappers that keep an options type's keys (`Partial<Parameters<typeof HoneyHiveTracer.init>[0]>`). */
const KEY_PRESERVING_TYPES: ReadonlySet<string> = new Set(["Partial", "Required", "Readonly", "NonNullable"]);

/**
 * `Parameters<typeof HoneyHiveTracer.init>[0]` of the SDK's class (through the file's type aliases and KEY_PRESERVING_TYPES):
 * the type compiles against this SDK (the same static), so an object literal typed with it must hold this SDK's keys.
 */
function isInitOptionsType(input: AnalysisInput, type: TSESTree.TypeNode | undefined, aliases = 0): boolean {
  if (type?.type === AST_NODE_TYPES.TSIndexedAccessType) {
    const parameters = type.objectType;
    const query = parameters.type === AST_NODE_TYPES.TSTypeReference && parameters.typeName.type === AST_NODE_TYPES.Identifier && parameters.typeName.name === "Parameters" ? parameters.typeArguments?.params[0] : undefined;
    const index = type.indexType;
    if (index.type !== AST_NODE_TYPES.TSLiteralType || index.literal.type !== AST_NODE_TYPES.Literal || index.literal.value !== 0) return false;
    if (query?.type !== AST_NODE_TYPES.TSTypeQuery || query.exprName.type !== AST_NODE_TYPES.TSQualifiedName || query.exprName.right.name !== "init") return false;
    return getSdkModel(input).sdkExportOf(query.exprName.left) === "HoneyHiveTracer";
  }
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const name = type.typeName.name;
  if (KEY_PRESERVING_TYPES.has(name)) return type.typeArguments?.params.length === 1 && isInitOptionsType(input, type.typeArguments.params[0], aliases);
  if (aliases >= 3) return false;
  const alias = nodesOfType(input.ast, AST_NODE_TYPES.TSTypeAliasDeclaration).find((declaration) => declaration.id.name === name && !declaration.typeParameters);
  return alias !== undefined && isInitOptionsType(input, alias.typeAnnotation, aliases + 1);
}

/**
 * Object literals typed as init's options (`const options: InitOptions = { … }`, `{ … } satisfies InitOptions`, with
 * `type InitOptions = Parameters<typeof HoneyHiveTracer.init>[0]`): their 1.x keys are migrated as in a literal written
 * in the init call (renamed, or removed with a marker), wherever the object goes (exported, handed to a helper): under
 * this SDK the type asks for its keys. `done` gets them, so the init call they reach does not mark them again.
 */
function migrateTypedInitOptions(input: AnalysisInput, edits: EditList, done: Set<TSESTree.ObjectExpression>): void {
  if (!input.text.includes(".init>")) return;
  const { text } = input;
  const typed: { readonly object: TSESTree.ObjectExpression; readonly at: TSESTree.Node }[] = [];
  for (const declarator of nodesOfType(input.ast, AST_NODE_TYPES.VariableDeclarator)) {
    const object = declarator.init && unwrapExpression(declarator.init);
    if (object?.type === AST_NODE_TYPES.ObjectExpression && declarator.id.type === AST_NODE_TYPES.Identifier && isInitOptionsType(input, declarator.id.typeAnnotation?.typeAnnotation)) {
      typed.push({ object, at: declarator });
    }
  }
  for (const cast of [...nodesOfType(input.ast, AST_NODE_TYPES.TSSatisfiesExpression), ...nodesOfType(input.ast, AST_NODE_TYPES.TSAsExpression)]) {
    const object = unwrapExpression(cast.expression);
    if (object?.type === AST_NODE_TYPES.ObjectExpression && isInitOptionsType(input, cast.typeAnnotation)) typed.push({ object, at: cast });
  }
  for (const { object, at } of typed) {
    if (done.has(object)) continue;
    done.add(object);
    const dropped = migrateOptionKeys(edits, text, object, "HoneyHiveTracer.init", []);
    if (dropped.length > 0) addMarker(edits, text, at, droppedKeysMessage("HoneyHiveTracer.init", dropped));
  }
}

/** Parents with no parentheses of their own syntax: parentheses right around a child of theirs only group it. */
const UNPARENTHESIZED_PARENTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.ReturnStatement,
]);

/** `[start, end)` of the `(`…`)` around `node` (whitespace allowed, no comment), where they only group it. */
function groupingParentheses(text: string, node: TSESTree.Node): [number, number] | undefined {
  if (!node.parent || !UNPARENTHESIZED_PARENTS.has(node.parent.type)) return undefined;
  const before = /\(\s*$/.exec(text.slice(node.parent.range[0], node.range[0]));
  const after = /^\s*\)/.exec(text.slice(node.range[1], node.parent.range[1]));
  return before && after ? [node.range[0] - before[0].length, node.range[1] + after[0].length] : undefined;
}

/**
 * 1.x joined an existing session without starting it: `initFromSessionId({ sessionId })`, and an awaited
 * `init({ sessionId })` (its startSession() returned at once when a session id was set). init() here
 * starts its startup session on the backend (sdk/tracer.ts), so the id moves to what joins without an
 * API call, `sessionStart({ sessionId, skipApiCall: true })` on the new tracer, written after `const t =
 * …init(…)`; the returned property is then removed from the options. Any other place of the call (a
 * return, an assignment) keeps the option under a marker, and so does an unawaited `init({ sessionId })`
 * used as the promise (`.then`, `??=`, `Promise.all`) and one whose options are held in a `const`. A plain
 * unawaited `init({ sessionId })` may be code written for this SDK already: left alone.
 *
 * 1.x's init joined only a truthy id: with `sessionId: undefined` (a header the client did not send, an
 * optional field) or `""` it started a new session on the backend (its startSession() tested
 * `this.sessionId`). sessionStart({ sessionId: undefined, skipApiCall: true }) here makes up an id that no
 * call ever starts, so the spans would go to a session HoneyHive never has. An init's id that is not surely
 * a string (a literal, a `!`, a name declared `string`) is joined only when present, `if (id)
 * t.sessionStart(…)`, where reading it twice is harmless (a name or a property path); any other id (a
 * call: `req.header("x-session")`) keeps the plain join with a marker saying so. initFromSessionId()
 * existed to join: its id is taken as given.
 */
function joinedSession(
  input: AnalysisInput,
  edits: EditList,
  text: string,
  creation: TSESTree.CallExpression | TSESTree.NewExpression,
  options: TSESTree.ObjectExpression,
): { readonly property: TSESTree.Property; readonly inFunction: boolean; readonly missingIdUnguarded: boolean } | undefined {
  if (creation.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const awaited = creation.parent?.type === AST_NODE_TYPES.AwaitExpression && creation.parent.argument === creation ? creation.parent : undefined;
  const method = memberName(unwrapExpression(creation.callee) ?? creation.callee);
  const property = sessionIdProperty(options);
  if (!property) return undefined;
  // Not awaited where it is made (`init({ sessionId }).then(…)`, `p ??= init({ sessionId })`, `Promise.all([…])`):
  // the same 1.x join, which this codemod does not move (review-migrate finding 4).
  if (method !== "initFromSessionId" && !awaited) {
    if (usedAsInitPromise(creation)) addMarker(edits, text, creation, MESSAGES_1X.joinedSession);
    return undefined;
  }
  const declarator = (awaited ?? creation).parent;
  const declaration = declarator?.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.declarations.length !== 1 ||
    !(declaration.parent?.type === AST_NODE_TYPES.BlockStatement || declaration.parent?.type === AST_NODE_TYPES.Program)
  ) {
    addMarker(edits, text, creation, MESSAGES_1X.joinedSession);
    return undefined;
  }
  const value = property.shorthand ? "sessionId" : `sessionId: ${text.slice(...property.value.range)}`;
  const semicolon = text[declaration.range[1] - 1] === ";" ? ";" : "";
  const id = property.value;
  const mayBeMissing = method !== "initFromSessionId" && !surelyString(input, id);
  const guard = mayBeMissing && isReadTwiceSafely(id) ? `if (${text.slice(...id.range)}) ` : "";
  edits.insertAt(declaration.range[1], `${newlineOf(text)}${indentationAt(text, declaration.range[0])}${guard}${declarator.id.name}.sessionStart({ ${value}, skipApiCall: true })${semicolon}`);
  // 2.x init always posts its startup session (sdk/tracer.ts: `#startSessionOnBackend` at construction;
  // TracerOptions has no option to skip it): said where a function joins, so one is posted per call (a
  // module's own join posts one per process, as any module-level tracer does).
  return { property, inFunction: declaration.parent.type === AST_NODE_TYPES.BlockStatement, missingIdUnguarded: mayBeMissing && guard === "" };
}

/**
 * Whether `node` is surely a string where it stands, by what the file writes: a string or template literal,
 * a non-null assertion (`process.env.SESSION_ID!`: the author's word), `x as string`, a name declared `string`
 * (a parameter, not optional and without a default; a variable, or a `const` of such a value), or a property
 * path into a value declared with an object type that has the property as a required `string` (a type
 * literal, or an interface or type alias of the file: `job: { sessionId: string }`).
 */
function surelyString(input: AnalysisInput, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "string";
  if (node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.TSNonNullExpression) return true;
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    return isStringType(node.typeAnnotation) || surelyString(input, node.expression, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const declared = declaredTypeOf(input, node);
    if (declared) return isStringType(declared);
    const definition = findVariable(input.scopeManager, node, node.name)?.defs[0];
    const declarator = definition?.type === "Variable" ? definition.node : undefined;
    return declarator?.init != null && declarator.parent.kind === "const" && surelyString(input, declarator.init, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = unwrapExpression(node.object);
    const objectType = object?.type === AST_NODE_TYPES.Identifier ? declaredTypeOf(input, object) : undefined;
    const member = objectType && typeMember(input.ast, objectType, node.property.name);
    return member !== undefined && !member.optional && member.typeAnnotation !== undefined && isStringType(member.typeAnnotation.typeAnnotation);
  }
  return false;
}

/** The type written for the parameter or variable `reference` reads (undefined for an optional or defaulted parameter: it may be missing). */
function declaredTypeOf(input: AnalysisInput, reference: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const definition = findVariable(input.scopeManager, reference, reference.name)?.defs[0];
  if (definition?.type === "Parameter") {
    const identifier = definition.name;
    return identifier.type === AST_NODE_TYPES.Identifier && identifier.parent?.type !== AST_NODE_TYPES.AssignmentPattern && !identifier.optional
      ? identifier.typeAnnotation?.typeAnnotation
      : undefined;
  }
  if (definition?.type === "Variable" && definition.name.type === AST_NODE_TYPES.Identifier) return definition.name.typeAnnotation?.typeAnnotation;
  return undefined;
}

/** `string` or a string literal type, or a union of those. */
function isStringType(type: TSESTree.TypeNode): boolean {
  if (type.type === AST_NODE_TYPES.TSStringKeyword) return true;
  if (type.type === AST_NODE_TYPES.TSLiteralType) return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === "string";
  return type.type === AST_NODE_TYPES.TSUnionType && type.types.every(isStringType);
}

/** Property `name` of an object type literal, or of an interface or object type alias of the file that `type` names. */
function typeMember(program: TSESTree.Program, type: TSESTree.TypeNode, name: string): TSESTree.TSPropertySignature | undefined {
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) members = type.members;
  else if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && !type.typeArguments) {
    const typeName = type.typeName.name;
    for (const statement of program.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === typeName && declaration.extends.length === 0) members = declaration.body.body;
      if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === typeName && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) members = declaration.typeAnnotation.members;
    }
  }
  return members?.find((member): member is TSESTree.TSPropertySignature => member.type === AST_NODE_TYPES.TSPropertySignature && !member.computed && staticName(member.key) === name);
}

/** A name or a property path of names and literal keys (`req.body.sessionId`, `event.headers["x-session-id"]`): reading it again has no effect. */
function isReadTwiceSafely(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.optional) return false;
  return (!node.computed || node.property.type === AST_NODE_TYPES.Literal) && isReadTwiceSafely(node.object);
}

/**
 * Where a 1.x init's promise was typed as one, the tracer now stands: `const tracerPromise:
 * Promise<HoneyHiveTracer> = HoneyHiveTracer.init(…)` (also `let p: Promise<…> | undefined` assigned
 * later) → `: HoneyHiveTracer` (its readers keep working: `await` of a tracer is the tracer); a
 * function typed `(): Promise<HoneyHiveTracer>` that returns the call or such a variable becomes
 * `async`, so its callers still get the promise they await or `.then()`.
 */
function unwrapPromiseAnnotation(input: AnalysisInput, edits: EditList, text: string, call: TSESTree.CallExpression, usedAsTracerElsewhere: readonly string[]): void {
  const tracerType = text.slice(call.callee.range[0], call.callee.range[1]).replace(/\.\w+$/, "");
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement || parent?.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    makeAsync(input, edits, text, call, tracerType);
    return;
  }
  const target =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === call
        ? parent.left
        : undefined;
  // `this.ready = HoneyHiveTracer.init(…)` into a field declared as a promise: the class's code awaits it
  // or calls .then() on it, so it stays one. (A field of another type holds the tracer: a second run.)
  if (target?.type === AST_NODE_TYPES.MemberExpression) {
    if (isPromiseField(input, text, target) || isPromiseGlobal(input, text, target)) wrapInPromise(edits, call);
    return;
  }
  // `private ready: Promise<HoneyHiveTracer> = HoneyHiveTracer.init(…)`: the field's own initializer
  // (also a static one); `constructor(private tracer = HoneyHiveTracer.init(…))`: a parameter's default.
  const holder =
    parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === call
      ? { annotation: parent.typeAnnotation?.typeAnnotation, name: staticName(parent.key, parent.computed), parameter: undefined }
      : parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.right === call && parent.left.type === AST_NODE_TYPES.Identifier && isParameter(parent)
        ? { annotation: parent.left.typeAnnotation?.typeAnnotation, name: parent.left.name, parameter: parameterHolder(parent, parent.left.name) }
        : undefined;
  if (holder) {
    const { annotation, name } = holder;
    if (annotation ? isPromiseType(text, annotation) : name !== undefined && TRACER_PROMISE_NAME.test(name)) wrapInPromise(edits, call);
    // Untyped and not named as a promise: the class may await it, call .then() on it, or use it as the tracer
    // (`this.tracer.createSession()`: the tracer itself, as in 2.x code; then nothing to say).
    // …or another module does (`telemetry.tracer.createSession()`: the project pass's evidence, D7).
    else if (!annotation && !memberUsedAsTracer(input, parent, name) && !(name !== undefined && !holder.parameter && usedAsTracerElsewhere.includes(name))) addMarker(edits, text, call, MESSAGES_1X.initPromiseField(holder.parameter));
    if (!annotation && holder.parameter) unwrapOverloadParameters(input, edits, text, parent as TSESTree.AssignmentPattern, tracerType);
    return;
  }
  // `new Service(HoneyHiveTracer.init(…))` into a parameter of the file's class typed as a promise
  // (`constructor(private ready: Promise<HoneyHiveTracer>)`): it stays one.
  if ((parent?.type === AST_NODE_TYPES.NewExpression || parent?.type === AST_NODE_TYPES.CallExpression) && parent.arguments.includes(call)) {
    const parameter = parameterReceiving(input, parent, parent.arguments.indexOf(call));
    const annotation = parameter && parameterAnnotation(parameter);
    if (annotation ? isPromiseType(text, annotation) : typeArgumentsAskForPromise(text, parent, tracerType)) wrapInPromise(edits, call);
    return;
  }
  if (target?.type !== AST_NODE_TYPES.Identifier) return;
  const variable = findVariable(input.scopeManager, target, target.name);
  if (!variable) return;
  // `let tracer = tracers.get(key); … tracer = HoneyHiveTracer.init(…)`: the variable's type comes from
  // elsewhere (a Map of promises) and stays a promise: so does the value assigned to it.
  const def = variable.defs[0];
  // review-migrate4 (b): `constructor(tracer?: Promise<HoneyHiveTracer>) { if (!tracer) tracer = HoneyHiveTracer.init(…) }`:
  // a parameter declared as the promise (its callers pass one) stays one, else TS2322.
  if (def?.type === "Parameter") {
    const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
    if (annotation && isPromiseType(text, annotation)) {
      wrapInPromise(edits, call);
      return;
    }
  }
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    def?.type === "Variable" &&
    def.name.typeAnnotation === undefined &&
    def.node.init &&
    !isEmptyValue(def.node.init) &&
    unwrapExpression(def.node.init)?.type !== AST_NODE_TYPES.AwaitExpression &&
    !isInitCall(input, def.node.init)
  ) {
    // …unless the variable is used as a tracer (`t.trace(…)`): then it held the awaited tracer (this
    // is also how a second run sees the first run's output, where the `await` is gone).
    // …or its initializer is declared to hold the tracer itself (`tracers.get(k)` of a `Map<string,
    // HoneyHiveTracer>`): 1.x code could not assign the init's promise to it, so this is a second run.
    if (!usedAsTracer(variable) && !holdsTracerItself(input, def.node.init)) wrapInPromise(edits, call);
    return;
  }
  // A variable declared as the tracer itself (`let tracer: HoneyHiveTracer | undefined`), or an untyped one
  // assigned in an async function (`async function start() { tracer = HoneyHiveTracer.init(…) }`, where 1.x
  // code awaited the init: the first run's output), holds the tracer: nothing around it becomes a promise.
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && assignsTheTracer(input, variable, call)) return;
  // `tracerPromise.then(…)` in this file: the same wrap as on the call itself.
  for (const reference of variable.references) wrapPromiseMethodReceiver(edits, reference.identifier);
  // A getter that returned the 1.x promise keeps returning one, typed or not: its callers (here or in
  // another module) await it or call .then() on it.
  for (const reference of variable.references) makeAsync(input, edits, text, reference.identifier, tracerType);
  const declared = variable.defs[0]?.type === "Variable" ? variable.defs[0].name : undefined;
  const annotation = declared?.typeAnnotation?.typeAnnotation;
  if (!annotation) return;
  for (const promise of promisesOf(input, text, annotation, tracerType)) {
    if (!edits.edits.some((edit) => edit.start === promise.range[0])) edits.replace(promise, promisedText(text, promise));
  }
}

function assignsTheTracer(input: AnalysisInput, variable: Scope.Variable, call: TSESTree.CallExpression): boolean {
  const declared = variable.defs[0]?.type === "Variable" ? variable.defs[0].name : undefined;
  if (declared?.type !== AST_NODE_TYPES.Identifier) return false;
  if (declared.typeAnnotation) return holdsTracerItself(input, declared);
  // Untyped: how the module uses it decides. `ready.catch(…)` / `.then(…)` is a promise's use (1.x code
  // that kept the init's promise; the first run wraps it, so a second run sees `Promise.resolve(ready)`,
  // no receiver); `t.trace(…)` a tracer's (a second run of an awaited init).
  if (variable.references.some(({ identifier }) => isPromiseMethodReceiver(identifier))) return false;
  if (usedAsTracer(variable)) return true;
  return enclosingFunction(call)?.async === true && call.parent?.parent?.type === AST_NODE_TYPES.ExpressionStatement && !TRACER_PROMISE_NAME.test(variable.name);
}

/**
 * `this.<name>` where the enclosing class declares `<name>` typed as a promise (`private ready:
 * Promise<HoneyHiveTracer>`), or untyped and named as one (`tracerPromise`); `Service.<name>` likewise
 * for a static field of a class the file declares (`static ready: Promise<HoneyHiveTracer>`).
 */
function isPromiseField(input: AnalysisInput, text: string, target: TSESTree.MemberExpression): boolean {
  const name = staticName(target.property, target.computed);
  if (name === undefined) return false;
  let body: TSESTree.ClassBody | undefined;
  // `this` in a static method is the class (`static getTracer() { return (this.tracer ??= …) }`): its static fields.
  const isStatic = target.object.type !== AST_NODE_TYPES.ThisExpression || inStaticMethod(target);
  if (target.object.type === AST_NODE_TYPES.ThisExpression) {
    let node: TSESTree.Node | undefined = target.parent;
    while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
    body = node;
  } else if (target.object.type === AST_NODE_TYPES.Identifier) {
    body = classNamed(input, target.object)?.body;
    if (!body) return false;
  } else return false;
  const field = body?.body.find((member) => member.type === AST_NODE_TYPES.PropertyDefinition && member.static === isStatic && staticName(member.key, member.computed) === name);
  // Not declared (JavaScript's `constructor() { this.tracerPromise = HoneyHiveTracer.init(…) }`): its name says.
  if (field?.type !== AST_NODE_TYPES.PropertyDefinition) return TRACER_PROMISE_NAME.test(name);
  const annotation = field.typeAnnotation?.typeAnnotation;
  return annotation ? isPromiseType(text, annotation) : TRACER_PROMISE_NAME.test(name);
}

/** `node` is in a static method of its class, through arrows (whose `this` is the method's); not in a nested `function`. */
function inStaticMethod(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      return current.parent?.type === AST_NODE_TYPES.MethodDefinition && current.parent.static;
    }
  }
  return false;
}

/**
 * `globalThis.hhTracerPromise ??= HoneyHiveTracer.init(…)` (the dev hot-reload singleton of Next.js apps;
 * also `global.x`, `(globalThis as any).x`) where the file declares the global a promise (`declare global
 * { var hhTracerPromise: Promise<HoneyHiveTracer> | undefined }`), or does not declare it and names it as
 * one: its readers await it or return it as a promise, so it stays one, as a class field does.
 * hunt-real-2 shape 37.
 */
function isPromiseGlobal(input: AnalysisInput, text: string, target: TSESTree.MemberExpression): boolean {
  const name = globalSlotOf(input.scopeManager, target);
  if (name === undefined) return false;
  const declared = nodesOfType(input.ast, AST_NODE_TYPES.TSModuleDeclaration)
    .filter((module) => module.kind === "global")
    .flatMap((module) => nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.VariableDeclarator], module))
    .find((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name);
  const annotation = declared?.id.type === AST_NODE_TYPES.Identifier ? declared.id.typeAnnotation?.typeAnnotation : castSlotType(input, target, name);
  return annotation ? isPromiseType(text, annotation) : TRACER_PROMISE_NAME.test(name);
}

/**
 * The type a cast of the global object gives its slot: `const g = globalThis as unknown as { hhTracer?: Promise<HoneyHiveTracer> }`
 * (Prisma's and Next.js's hot-reload idiom), the type literal written in the cast or a type alias or interface of the file
 * it names. blind-1x-11 shape 20.
 */
function castSlotType(input: AnalysisInput, target: TSESTree.MemberExpression, name: string): TSESTree.TypeNode | undefined {
  const object = unwrapExpression(target.object);
  const def = object?.type === AST_NODE_TYPES.Identifier ? findVariable(input.scopeManager, object, object.name)?.defs[0] : undefined;
  const cast = def?.type === "Variable" && def.node.init?.type === AST_NODE_TYPES.TSAsExpression ? def.node.init.typeAnnotation : undefined;
  let members = cast?.type === AST_NODE_TYPES.TSTypeLiteral ? cast.members : undefined;
  if (cast?.type === AST_NODE_TYPES.TSTypeReference && cast.typeName.type === AST_NODE_TYPES.Identifier && !cast.typeArguments) {
    const named = findVariable(input.scopeManager, cast.typeName, cast.typeName.name)?.defs[0]?.node;
    if (named?.type === AST_NODE_TYPES.TSInterfaceDeclaration) members = named.body.body;
    else if (named?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && named.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) members = named.typeAnnotation.members;
  }
  const member = members?.find(
    (candidate): candidate is TSESTree.TSPropertySignature => candidate.type === AST_NODE_TYPES.TSPropertySignature && staticName(candidate.key, candidate.computed) === name,
  );
  return member?.typeAnnotation?.typeAnnotation;
}

/**
 * A call of another library's API whose explicit type arguments ask for the init's promise, on the call or
 * up its chain: `container.bind<Promise<HoneyHiveTracer>>(id).toConstantValue(HoneyHiveTracer.init(…))`
 * (inversify's `bind<T>` types `toConstantValue(value: T)`; blind-1x-3 D8). The argument stays a promise:
 * `Promise.resolve(tracer)` is what 1.x passed there.
 */
function typeArgumentsAskForPromise(text: string, call: TSESTree.CallExpression | TSESTree.NewExpression, tracerType: string): boolean {
  const promiseOfTracer = new RegExp(`\\bPromise\\s*<\\s*${tracerType.replace(/[.$]/g, "\\$&")}\\s*>`);
  for (let node: TSESTree.Node | undefined = call; node; ) {
    if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && node.typeArguments && promiseOfTracer.test(text.slice(node.typeArguments.range[0], node.typeArguments.range[1]))) return true;
    const callee: TSESTree.Node | undefined = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? unwrapExpression(node.callee) : undefined;
    node = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
  }
  return false;
}

const isPromiseType = (text: string, annotation: TSESTree.TypeNode): boolean => /\bPromise\s*</.test(text.slice(annotation.range[0], annotation.range[1]));

/** The class the file declares under the name `reference` reads (`class Service {}`, `const Service = class {}`). */
function classNamed(input: AnalysisInput, reference: TSESTree.Identifier): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const def = findVariable(input.scopeManager, reference, reference.name)?.defs[0];
  if (def?.type === "ClassName") return def.node;
  const value = def?.type === "Variable" ? def.node.init : undefined;
  return value?.type === AST_NODE_TYPES.ClassExpression ? value : undefined;
}

/** A default value of a function's parameter (`(t = …) =>`, `constructor(private t = …)`). */
function isParameter(pattern: TSESTree.AssignmentPattern): boolean {
  const owner = pattern.parent?.type === AST_NODE_TYPES.TSParameterProperty ? pattern.parent.parent : pattern.parent;
  return owner !== undefined && (owner.type === AST_NODE_TYPES.FunctionDeclaration || owner.type === AST_NODE_TYPES.FunctionExpression || owner.type === AST_NODE_TYPES.ArrowFunctionExpression);
}

/** What the marker of a parameter's default says: a constructor's (`super(tracer)`), a parameter property (`this.tracer`). */
function parameterHolder(pattern: TSESTree.AssignmentPattern, name: string): Parameters<typeof MESSAGES_1X.initPromiseField>[0] {
  const property = pattern.parent?.type === AST_NODE_TYPES.TSParameterProperty;
  const fn = property ? pattern.parent.parent : pattern.parent;
  const inConstructor = fn?.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === "constructor";
  return { name, inConstructor, property };
}

/**
 * `constructor(name: string, tracer?: Promise<HoneyHiveTracer>);` over `constructor(private name: string,
 * private tracer = HoneyHiveTracer.init(…))`: the untyped default's type is now the tracer, so the overload
 * no longer fits its implementation (TS2394). The overloads' `Promise<HoneyHiveTracer>` at that parameter
 * become the tracer type too, as the callers' migrated init() now hands them the tracer.
 */
function unwrapOverloadParameters(input: AnalysisInput, edits: EditList, text: string, pattern: TSESTree.AssignmentPattern, tracerType: string): void {
  const parameter = pattern.parent?.type === AST_NODE_TYPES.TSParameterProperty ? pattern.parent : pattern;
  const fn = parameter.parent;
  if (fn?.type !== AST_NODE_TYPES.FunctionExpression && fn?.type !== AST_NODE_TYPES.FunctionDeclaration) return;
  const index = fn.params.indexOf(parameter as TSESTree.Parameter);
  for (const overload of overloadsOf(fn)) {
    const annotation = overload.params[index] && parameterAnnotation(overload.params[index]);
    for (const promise of annotation ? promisesOf(input, text, annotation, tracerType) : []) edits.replace(promise, promisedText(text, promise));
  }
}

/** The overload signatures of a method's (same key, kind and staticness) or a function declaration's (same name, same body) implementation. */
function overloadsOf(fn: TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): (TSESTree.TSEmptyBodyFunctionExpression | TSESTree.TSDeclareFunction)[] {
  const method = fn.parent;
  if (method?.type === AST_NODE_TYPES.MethodDefinition) {
    const name = staticName(method.key, method.computed);
    return method.parent.body.flatMap((member) =>
      member.type === AST_NODE_TYPES.MethodDefinition && member.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression && member.kind === method.kind && member.static === method.static && staticName(member.key, member.computed) === name
        ? [member.value]
        : [],
    );
  }
  const statement = fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || fn.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ? fn.parent : fn;
  const body = statement.parent;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration || !fn.id || (body?.type !== AST_NODE_TYPES.Program && body?.type !== AST_NODE_TYPES.BlockStatement && body?.type !== AST_NODE_TYPES.TSModuleBlock)) return [];
  const name = fn.id.name;
  return body.body.flatMap((sibling) => {
    const declared = sibling.type === AST_NODE_TYPES.ExportNamedDeclaration || sibling.type === AST_NODE_TYPES.ExportDefaultDeclaration ? sibling.declaration : sibling;
    return declared?.type === AST_NODE_TYPES.TSDeclareFunction && declared.id?.name === name ? [declared] : [];
  });
}

/** The parameter at `index` of what `call` calls, where the file declares it: a class's constructor (`new Service(…)`) or a function. */
function parameterReceiving(input: AnalysisInput, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Parameter | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  let fn: TSESTree.FunctionLike | undefined;
  if (call.type === AST_NODE_TYPES.NewExpression) {
    const constructor = classNamed(input, call.callee)?.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor");
    fn = constructor?.type === AST_NODE_TYPES.MethodDefinition ? constructor.value : undefined;
  } else {
    const def = findVariable(input.scopeManager, call.callee, call.callee.name)?.defs[0];
    const value = def?.type === "FunctionName" ? def.node : def?.type === "Variable" ? def.node.init : undefined;
    if (value?.type === AST_NODE_TYPES.FunctionDeclaration || value?.type === AST_NODE_TYPES.FunctionExpression || value?.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = value;
  }
  const parameter = fn?.params[index];
  return parameter?.type === AST_NODE_TYPES.RestElement ? undefined : parameter;
}

/** A parameter's declared type (`t: Promise<HoneyHiveTracer>`, `private t: …`, `t: … = …`). */
function parameterAnnotation(parameter: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const inner = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
  const named = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
  return named.type === AST_NODE_TYPES.Identifier ? named.typeAnnotation?.typeAnnotation : undefined;
}

/**
 * `const p = HoneyHiveTracer.init(…); if (p instanceof Promise)` / `p === pending`: 1.x's promise is now
 * the tracer, so such a test gives another answer than before (a silent change): a marker on it.
 */
function markPromiseIdentityTests(input: AnalysisInput, edits: EditList, text: string, call: TSESTree.CallExpression): void {
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return;
  const variable = findVariable(input.scopeManager, declarator.id, declarator.id.name);
  for (const { identifier } of variable?.references ?? []) {
    const test = identifier.parent;
    if (test?.type !== AST_NODE_TYPES.BinaryExpression) continue;
    const promiseTest = test.operator === "instanceof" && test.left === identifier && test.right.type === AST_NODE_TYPES.Identifier && test.right.name === "Promise";
    if (promiseTest || IDENTITY_OPERATORS.has(test.operator)) addMarker(edits, text, test, MESSAGES_1X.initPromiseIdentity);
  }
}

const IDENTITY_OPERATORS: ReadonlySet<string> = new Set(["===", "!==", "==", "!="]);

/**
 * `getTracer() === pending`, `ready !== tracerPromise`: a comparison of a getter's call or a variable
 * that held 1.x's init promise. The getter stays a promise (made `async`, a new one each call) and the
 * variable becomes the tracer, so the comparison answers otherwise: a marker, as on the init's own value.
 */
function markGetterIdentityTests(input: AnalysisInput, edits: EditList, text: string): void {
  if (!/[=!]==?/.test(text)) return;
  for (const test of nodesOfType(input.ast, AST_NODE_TYPES.BinaryExpression)) {
    if (!IDENTITY_OPERATORS.has(test.operator)) continue;
    const sides = [test.left, test.right].filter((side) => side.type === AST_NODE_TYPES.CallExpression || (side.type === AST_NODE_TYPES.Identifier && side.name !== "undefined"));
    // `pending === undefined`, `tracer === null`: a test of whether it is set, unchanged by the migration.
    if (sides.length !== 2) continue;
    if (sides.some((side) => isInitPromiseValue(input, side))) addMarker(edits, text, test, MESSAGES_1X.initPromiseIdentity);
  }
}

/**
 * The class of a field (`tracer = init(…)`) or constructor parameter property (`constructor(private tracer =
 * init(…))`) reads a member other than a promise's on `this.<name>` (`this.tracer.createSession()`): 2.x
 * code, where the member holds the tracer.
 */
function memberUsedAsTracer(input: AnalysisInput, holder: TSESTree.Node | undefined, name: string | undefined): boolean {
  const property = holder?.type === AST_NODE_TYPES.AssignmentPattern ? holder.parent : undefined;
  const owner =
    holder?.type === AST_NODE_TYPES.PropertyDefinition && !holder.static
      ? holder.parent.parent
      : property?.type === AST_NODE_TYPES.TSParameterProperty && property.parent.parent?.type === AST_NODE_TYPES.MethodDefinition
        ? property.parent.parent.parent.parent
        : undefined;
  if (name === undefined || !owner) return false;
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.MemberExpression], owner).some((member) => {
    const object = member.object;
    return (
      object.type === AST_NODE_TYPES.MemberExpression &&
      object.object.type === AST_NODE_TYPES.ThisExpression &&
      staticName(object.property, object.computed) === name &&
      !PROMISE_METHODS.has(memberName(member) ?? "then")
    );
  });
}

/** A reference of `variable` reads a member other than a promise's (`t.trace(…)`, `t.sessionId`). */
function usedAsTracer(variable: Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && !PROMISE_METHODS.has(memberName(member) ?? "then");
  });
}

/** `x.then(…)` / `.catch` / `.finally` on what is now a tracer → `Promise.resolve(x).then(…)`: same callback, same timing. */
function wrapPromiseMethodReceiver(edits: EditList, receiver: TSESTree.Node): void {
  if (!isPromiseMethodReceiver(receiver)) return;
  const member = receiver.parent as TSESTree.MemberExpression;
  // `getTracer()?.then(fn)`: a Promise.resolve(…) is never nullish, so its `?.` goes (`.then` stays in the chain).
  if (member.optional && !member.computed) {
    edits.insertBefore(receiver, "Promise.resolve(");
    edits.replace([receiver.range[1], member.property.range[0]], ").");
  } else wrapInPromise(edits, receiver);
}

function isPromiseMethodReceiver(receiver: TSESTree.Node): boolean {
  const member = receiver.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === receiver && PROMISE_METHODS.has(memberName(member) ?? "");
}

function wrapInPromise(edits: EditList, node: TSESTree.Node): void {
  edits.insertBefore(node, "Promise.resolve(");
  edits.insertAfter(node, ")");
}

/**
 * `null`, `undefined` or `void 0`: an initializer that gives an untyped variable no type (TypeScript
 * widens `let t = null` to what is assigned later), so what is assigned to it decides, as with none.
 */
function isEmptyValue(value: TSESTree.Expression): boolean {
  // Not unwrapped: `null as Promise<HoneyHiveTracer> | null` does give the variable a type.
  if (value.type === AST_NODE_TYPES.Literal) return value.raw === "null";
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === "undefined";
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === "void";
}

/** `HoneyHiveTracer.init(…)` / `initFromSessionId(…)` itself (what the 1.x variable was declared with). */
function isInitCall(input: AnalysisInput, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  return call?.type === AST_NODE_TYPES.CallExpression && staticCalls(input, INIT_METHODS).some((found) => found.call === call);
}

/**
 * A tracer imported from a project module that assigns it an un-awaited init there (`export const
 * tracerPromise = HoneyHiveTracer.init(…)`, its `initPromiseExports` fact) was the
 * 1.x init's promise, and this run makes it the tracer itself: `.then()` on it is wrapped as in its own
 * module. `Promise.resolve(p)` of a promise is that promise, and of the tracer a promise of it, so the
 * wrap holds whether the module is migrated before or after this file. A module that cannot be read
 * (outside the project, an alias that does not resolve) leaves the binding's name to tell
 * (`tracerPromise`). An imported getter needs nothing: its module keeps it returning a promise.
 */
function wrapImportedTracerPromises(input: AnalysisInput, edits: EditList): void {
  for (const tracer of getSdkModel(input).tracers) {
    if (tracer.kind !== "imported" || !tracer.variable) continue;
    if (tracer.callable) {
      // `getTracer().then(…)` of a getter that returned the init's promise (`initPromiseGetters`): its
      // module may make it return the tracer or keep a promise; `Promise.resolve` is right for both.
      if (!gettersOfInitPromise(input, tracer.variable)) continue;
      for (const { identifier } of tracer.variable.references) {
        const call = identifier.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier) wrapPromiseMethodReceiver(edits, call);
      }
      continue;
    }
    if (!holdsInitPromise(input, tracer.variable)) continue;
    for (const reference of tracer.variable.references) wrapPromiseMethodReceiver(edits, reference.identifier);
  }
}

/**
 * `telemetry.tracer.then(…)` where another module's class holds 1.x init's promise in that field
 * (`tracer = HoneyHiveTracer.init(…)`, the holder's facts' `promiseMembers`): its module's run makes the
 * field the tracer (or keeps a promise), so the importer's receiver becomes `Promise.resolve(telemetry.tracer)`,
 * right for both (was TS2339 on the tracer).
 */
function wrapImportedHolderPromiseFields(input: AnalysisInput, edits: EditList): void {
  if (!input.readModuleFacts || !/\.(?:then|catch|finally)\b/.test(input.text)) return;
  for (const member of nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression)) {
    if (isPromiseMethodReceiver(member) && isImportedHoldersInitPromise(input, member)) wrapPromiseMethodReceiver(edits, member);
  }
}

/**
 * `.then()` on a module's whole `module.exports` where that is 1.x init's promise (`module.exports =
 * HoneyHiveTracer.init(…)`: its `default` in `initPromiseExports`) or a getter of it (`module.exports = initTracer`:
 * `initPromiseGetters`), read without a tracer's name: `require("./tracing").then(…)`, `require("./init")().then(…)`,
 * `const tracing = require("./tracing"); tracing.then(…)`, `import start from "./init"; start().then(…)`. Wrapped as
 * a tracer binding of it is (wrapImportedTracerPromises, which has the tracer-named ones).
 */
function wrapRequiredInitPromises(input: AnalysisInput, edits: EditList): void {
  if (!input.readModuleFacts || !/\.(?:then|catch|finally)\b/.test(input.text)) return;
  const tracers = new Set(getSdkModel(input).tracers.map((tracer) => tracer.variable));
  const wholeModule = (node: TSESTree.Node | undefined): Scope.Variable | undefined => {
    const variable = node?.type === AST_NODE_TYPES.Identifier ? findVariable(input.scopeManager, node, node.name) : undefined;
    return variable && !tracers.has(variable) && importOrigin(input, variable)?.name === "default" ? variable : undefined;
  };
  const defaultFacts = (specifier: string | undefined) => (specifier === undefined ? undefined : importedModule(input, specifier)?.facts);
  for (const member of nodesOfType(input.ast, AST_NODE_TYPES.MemberExpression)) {
    const receiver = member.object;
    if (!isPromiseMethodReceiver(receiver)) continue;
    const required = requireSpecifier(receiver);
    // `start()` / `require("./init")()`: a call of the module's getter.
    const callee = required === undefined && receiver.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(receiver.callee) : undefined;
    const variable = required === undefined ? wholeModule(callee ?? receiver) : undefined;
    const promise = callee
      ? (variable ? gettersOfInitPromise(input, variable) : defaultFacts(requireSpecifier(callee))?.initPromiseGetters?.includes("default"))
      : (variable ? holdsInitPromise(input, variable) : defaultFacts(required)?.initPromiseExports?.includes("default"));
    if (promise) wrapPromiseMethodReceiver(edits, receiver);
  }
}

/**
 * `const fresh = () => tracerPromise; fresh().then(…)` where `tracerPromise` (or `getTracer()`) is another
 * module's init promise: this run leaves the local getter as it is (its module decides what the import
 * becomes), so its `.then()` is wrapped as the import's own would be.
 */
function wrapLocalGettersOfImportedPromises(input: AnalysisInput, edits: EditList): void {
  if (!input.text.includes(".then") && !input.text.includes(".catch") && !input.text.includes(".finally")) return;
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    if (call.callee.type !== AST_NODE_TYPES.Identifier || !isPromiseMethodReceiver(call)) continue;
    const fn = knownFunctionOf(input, call.callee);
    if (!fn || fn.async) continue;
    const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.ReturnStatement], fn.body).map((statement) => statement.argument) : [fn.body];
    const importedPromise = returned.some((value) => {
      const expression = value && unwrapExpression(value);
      const reference = expression?.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
      if (reference?.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(input.scopeManager, reference, reference.name);
      // Imported (`import`, a destructured `require`): a variable of this file is its own code's concern.
      if (!variable || importOrigin(input, variable) === undefined) return false;
      return expression === reference ? holdsInitPromise(input, variable) : gettersOfInitPromise(input, variable);
    });
    if (importedPromise) wrapPromiseMethodReceiver(edits, call);
  }
}

function gettersOfInitPromise(input: AnalysisInput, variable: Scope.Variable): boolean {
  const found = importedExport(input, variable);
  return found !== undefined && input.readModuleFacts !== undefined && projectModules().factsOf(found.path, input.readModuleFacts).initPromiseGetters?.includes(found.name) === true;
}

/**
 * `export const tracerPromise = HoneyHiveTracer.init(…)`: the export now holds the tracer, under a name
 * that says promise. Not renamed: importers this run does not see (another repository, a published
 * package, a `vi.mock` factory returning `{ tracerPromise }`) would break, and importers whose module
 * cannot be read still take the name as the promise's (TRACER_PROMISE_NAME). A short marker instead.
 */
function markPromiseNamedExport(edits: EditList, text: string, call: TSESTree.CallExpression): void {
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return;
  if (!/promise/i.test(declarator.id.name) || declarator.parent?.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration) return;
  addMarker(edits, text, declarator.parent.parent, MESSAGES_1X.promiseNamedExport(declarator.id.name));
}

/** A binding named as the promise of a tracer (`tracerPromise`, `hhTracerPromise`): the fallback when its module cannot be read. */
const TRACER_PROMISE_NAME = /tracer\w*promise$/i;

function holdsInitPromise(input: AnalysisInput, variable: Scope.Variable): boolean {
  const found = importedExport(input, variable);
  if (found && input.readModuleFacts) return projectModules().factsOf(found.path, input.readModuleFacts).initPromiseExports?.includes(found.name) === true;
  const origin = importOrigin(input, variable);
  // Read, and nothing known about the export: no evidence of a promise.
  if (origin && importedModule(input, origin.specifier)) return false;
  return TRACER_PROMISE_NAME.test(variable.name) || (origin !== undefined && TRACER_PROMISE_NAME.test(origin.name));
}

/**
 * `Promise<HoneyHiveTracer>` references inside a type annotation, also of a type alias of the file naming the tracer
 * (`Promise<Tracer>` with `type Tracer = Awaited<ReturnType<typeof HoneyHiveTracer.init>>`: blind-1x-9 shape 22).
 */
function promisesOf(input: AnalysisInput, text: string, annotation: TSESTree.TypeNode, tracerType: string): TSESTree.TSTypeReference[] {
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.TSTypeReference], annotation).filter((reference) => {
    const inner = reference.typeArguments?.params[0];
    return (
      reference.typeName.type === AST_NODE_TYPES.Identifier &&
      reference.typeName.name === "Promise" &&
      reference.typeArguments?.params.length === 1 &&
      inner?.type === AST_NODE_TYPES.TSTypeReference &&
      namesTracerType(input, text, inner, tracerType)
    );
  });
}

/** The tracer type a `Promise<…>` of promisesOf() holds, as written (`HoneyHiveTracer`, or the alias's name): what the promise type becomes. */
function promisedText(text: string, promise: TSESTree.TSTypeReference): string {
  const inner = promise.typeArguments!.params[0]!;
  return text.slice(inner.range[0], inner.range[1]);
}

/** `HoneyHiveTracer` as written, or the name of a type alias of the file for it (`= HoneyHiveTracer`, `= Awaited<ReturnType<typeof HoneyHiveTracer.init>>`). */
function namesTracerType(input: AnalysisInput, text: string, type: TSESTree.TSTypeReference, tracerType: string): boolean {
  if (text.slice(type.range[0], type.range[1]) === tracerType) return true;
  if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return false;
  const name = type.typeName.name;
  const alias = nodesOfType(input.ast, AST_NODE_TYPES.TSTypeAliasDeclaration).find((declaration) => declaration.id.name === name && !declaration.typeParameters);
  const aliased = alias && text.slice(alias.typeAnnotation.range[0], alias.typeAnnotation.range[1]).replace(/\s+/g, " ");
  return aliased === tracerType || aliased === `Awaited<ReturnType<typeof ${tracerType}.init>>`;
}

/** `node` returned by a non-async function declared to return `Promise<HoneyHiveTracer>`, or not typed: the function becomes async. */
function makeAsync(input: AnalysisInput, edits: EditList, text: string, held: TSESTree.Node, tracerType: string): void {
  // A lazy getter's assignment is what it returns: `() => (cached ??= init())`, `return (p ||= init())` (review-migrate finding 5).
  const assignment = held.parent?.type === AST_NODE_TYPES.AssignmentExpression && LAZY_ASSIGNMENTS.has(held.parent.operator) ? held.parent : undefined;
  const node = assignment ?? held;
  const parent = node.parent;
  const fn =
    parent?.type === AST_NODE_TYPES.ReturnStatement && parent.argument === node
      ? enclosingFunction(parent)
      : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node
        ? parent
        : undefined;
  const returnType = fn?.returnType?.typeAnnotation;
  if (!fn || fn.async || fn.generator || (returnType && promisesOf(input, text, returnType, tracerType).length === 0)) return;
  if (resultUsedAsTracer(input, fn)) return;
  // `if (!key) return undefined;` beside the init's promise, or a declared `Promise<…> | undefined`: `async`
  // would make a caller's `if (!getTracer())` always false, and is TS1064 on that type (review-migrate finding 2).
  if ((returnType?.type === AST_NODE_TYPES.TSUnionType && returnType.types.some((member) => promisesOf(input, text, member, tracerType).length === 0)) || returnsOtherValue(input, fn, node)) {
    addMarker(edits, text, fn, MESSAGES_1X.initPromiseGetterMayReturnOther);
    return;
  }
  const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn ? fn.parent : undefined;
  if (method && (method.computed || method.kind !== "method")) return;
  // An object literal's method shorthand (`{ build(input) { … } }`): its function starts at the parameters,
  // so `async` goes before the key (`async build(input)`), not before `(` (which would rename the method).
  const shorthand = fn.parent?.type === AST_NODE_TYPES.Property && fn.parent.value === fn && (fn.parent.method || fn.parent.kind !== "init") ? fn.parent : undefined;
  if (shorthand && (shorthand.computed || shorthand.kind !== "init")) return;
  const at = method ? method.key.range[0] : shorthand ? shorthand.key.range[0] : fn.range[0];
  if (!edits.edits.some((edit) => edit.start === at && edit.text === "async ")) edits.insertAt(at, "async ");
}

/** A `return` of `fn` itself (not of a nested function) that gives nothing, `undefined`, `null` or another literal: a value that is not the init's promise. */
function returnsOtherValue(input: AnalysisInput, fn: TSESTree.FunctionLike, returned: TSESTree.Node): boolean {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.ReturnStatement], fn.body).some((statement) => {
    if (enclosingFunction(statement) !== fn || statement.argument === returned) return false;
    const value = unwrapExpression(statement.argument ?? undefined);
    return value === undefined || value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.Identifier && value.name === "undefined") || (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === "void");
  });
}

/**
 * A call of `fn` in this file reads a tracer's member on its result (`getTracer().createSession(…)`):
 * it returns the tracer itself, as in 2.x code (`--from 1` over an already migrated module), not 1.x's
 * promise, which had no such member. Making it `async` would break those callers.
 */
function resultUsedAsTracer(input: AnalysisInput, fn: TSESTree.Node): boolean {
  // A method (`{ tracer() { return … } }`, a class's `tracer()`): its calls are `this.tracer()`, `svc.tracer()`,
  // which no variable holds; by the method's name, one whose result is used as a tracer (`this.tracer().createSession(…)`).
  const methodName = methodNameOf(fn);
  if (methodName !== undefined && memberCallUsedAsTracer(input, methodName)) return true;
  // Through a wrapper call (`const tracerFor = memoize((t) => HoneyHiveTracer.init(…))`, `once(…)`): the wrapper's result is called.
  const wrapper = fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument) ? fn.parent : undefined;
  const value = wrapper ?? fn;
  const owner = value.parent?.type === AST_NODE_TYPES.VariableDeclarator && value.parent.init === value ? value.parent : fn;
  return input.scopeManager.getDeclaredVariables(owner).some((variable) =>
    variable.references.some(({ identifier }) => {
      const call = identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return false;
      const member = call.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === call) return !PROMISE_METHODS.has(memberName(member) ?? "then");
      // `const tracer = getTracer(); tracer.createSession(…)` (a 2.x lazy getter, as the lambda transform writes one): not awaited, used as a tracer.
      if (member?.type !== AST_NODE_TYPES.VariableDeclarator || member.init !== call) return false;
      return input.scopeManager.getDeclaredVariables(member).some((held) =>
        held.references.some(({ identifier: use }) => use.parent?.type === AST_NODE_TYPES.MemberExpression && use.parent.object === use && !PROMISE_METHODS.has(memberName(use.parent) ?? "then")),
      );
    }),
  );
}

/** The name of the method whose function `fn` is (class method or object-literal method), if it has a plain one. */
function methodNameOf(fn: TSESTree.Node): string | undefined {
  const owner = fn.parent;
  if ((owner?.type !== AST_NODE_TYPES.MethodDefinition && owner?.type !== AST_NODE_TYPES.Property) || owner.value !== fn || owner.computed) return undefined;
  return owner.key.type === AST_NODE_TYPES.Identifier ? owner.key.name : undefined;
}

/** A call `<object>.<name>()` anywhere in the file whose result is used as a tracer (a member other than a promise's). */
function memberCallUsedAsTracer(input: AnalysisInput, name: string): boolean {
  return nodesOfType(input.ast, AST_NODE_TYPES.CallExpression).some((call) => {
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(call.callee) !== name) return false;
    const member = call.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === call && !PROMISE_METHODS.has(memberName(member) ?? "then");
  });
}

export const init1x: CodemodTransform = { meta, collect };

