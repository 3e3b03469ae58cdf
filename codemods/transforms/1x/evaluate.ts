// 1.x → this SDK: experiments. `evaluate` moves from "honeyhive" to "honeyhive/experiments"; its 1.x
// config keys follow the data (snake_case of 1.0.12–1.0.32 and `maxWorkers` renamed, the keys with no
// counterpart dropped with a marker). 1.x called the evaluated function as `fn(inputs, groundTruths)`
// (before 1.0.33 `fn(inputs)`, under `evaluationFunction`); this SDK passes one `{ inputs, groundTruth }`,
// so the function is wrapped instead of rewritten. Dataset items' `ground_truths` become `groundTruth`.
// Only `evaluate` imported from the package root is 1.x: after the move a second run finds nothing.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { findVariable, isFunctionNode, memberName, requireSpecifier, staticName, unwrapExpression, type FunctionNode } from "../../../analysis/ast.js";
import { getAnalysisContext } from "../../../analysis/context.js";
import type { EditList } from "../../../analysis/edits.js";
import { keyedProperties, knownFunctionOf, option1x, returnedValues, sdkFunctionCalls } from "../../../analysis/honeyhive-1x.js";
import { isTypeScriptInput, type AnalysisInput } from "../../../analysis/input.js";
import { isUnusedAfter, removeImportBindings, removeListElements, removeStatement } from "../../../analysis/rewrite.js";
import { sdkBarrelOf } from "../../../analysis/sdk-barrels.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { API_1X, EVALUATOR_CALL_ORDERS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import type { VersionRange } from "../../../analysis/knowledge/sdks/types.js";
import { declaredDependencyRange, spanMeets, versionSpansOfRange, type VersionSpan } from "../../../analysis/sdk-version.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { EXPERIMENTS, evaluateMovesWithTypes } from "./names.js";
import { droppedKeysMessage, migrateOptionKeys, renameKey, sdkSpecifierFor } from "./shared.js";

export const meta = transformMeta("1x-evaluate");

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return;
  const moved = new Set<Scope.Variable>();
  const evaluatorCalls: TSESTree.CallExpression[] = [];
  const evaluatorLists: TSESTree.ArrayExpression[] = [];
  const namespaceCalls: TSESTree.CallExpression[] = [];
  const migratedConfigs = new Set<TSESTree.ObjectExpression>();
  // Dataset keys renamed so far (a row, a member of the rows' type): one dataset run by two calls, or one
  // row type shared by two datasets, is renamed once (two edits of one key overlap and fail the file).
  const renamedKeys = new Set<TSESTree.Node>();
  const spreadSettingsDone = new Set<TSESTree.ObjectExpression>();
  for (const { call } of sdkFunctionCalls(input, new Set(["evaluate", "evaluator"]))) {
    const variable = rootImportOf(input, call);
    if (!variable) continue;
    if (sdk.sdkExportOf(call.callee) === "evaluator") {
      evaluatorCalls.push(call);
      continue;
    }
    if (unwrapExpression(call.callee)?.type === AST_NODE_TYPES.MemberExpression) namespaceCalls.push(call);
    else moved.add(variable);
    // The config literal, also when a `const` of the file holds it (migrated once, whatever calls share it).
    const config = call.arguments[0] && literalOf(input, call.arguments[0], AST_NODE_TYPES.ObjectExpression);
    if (config && !migratedConfigs.has(config)) migrateConfig(input, edits, text, call, config, renamedKeys);
    if (config) migratedConfigs.add(config);
    // Keys spread in from another object may be 1.x keys too: the codemod cannot see them (but in a `const` of the file).
    if (!config || !migrateSpreadSettings(input, edits, text, config, spreadSettingsDone)) {
      if (call.arguments[0]) addMarker(edits, text, call, MESSAGES_1X.evaluateConfigElsewhere);
    }
    const list = config && keyedProperties(config).find(({ key }) => key === "evaluators")?.property.value;
    if (list?.type === AST_NODE_TYPES.ArrayExpression) evaluatorLists.push(list);
    markResultReads(input, edits, text, call);
  }
  // An `evaluate` imported and never called moves too: the root has none here (real-code-public-4 04).
  for (const variable of rootImportsNamed(input, "evaluate")) moved.add(variable);
  const converted = convertEvaluatorLists(input, edits, text, evaluatorLists);
  const kept = evaluatorCalls.filter((call) => !converted.has(call));
  for (const call of kept) addMarker(edits, text, call, MESSAGES_1X.evaluator);
  // The import the kept calls need stops compiling: marked there too (real-code-public-4 04).
  for (const variable of new Set(kept.map((call) => rootImportOf(input, call)))) {
    const def = variable?.defs[0];
    if (def?.type === "ImportBinding" && def.node.type === AST_NODE_TYPES.ImportSpecifier) addMarker(edits, text, def.node.parent, MESSAGES_1X.evaluatorImport);
  }
  // `evaluator` goes from the imports once every call of it is rewritten.
  const unused = new Set<Scope.Variable>();
  for (const call of converted) {
    // A namespace serves other names: it stays.
    if (unwrapExpression(call.callee)?.type === AST_NODE_TYPES.MemberExpression) continue;
    const variable = rootImportOf(input, call);
    if (variable && isUnusedAfter(variable, [...converted].map((done) => done.callee.range))) unused.add(variable);
  }
  const unwrappedNamespaceCallees = [...converted].filter((call) => unwrapExpression(call.callee)?.type === AST_NODE_TYPES.MemberExpression).map((call) => call.callee.range);
  moveNamespaceCalls(input, edits, text, namespaceCalls, unwrappedNamespaceCallees);
  const handled = new Set<Scope.Variable>();
  for (const variable of moved) moveImport(input, edits, text, variable, unused, handled);
  removeImportBindings(edits, text, [...unused].filter((variable) => !handled.has(variable)));
}

/** Config keys whose rewrite needs the rest of the config (the function's wrapper, the dataset, the evaluators' order). */
const CONFIG_BOUND_KEYS: ReadonlySet<string> = new Set(["function", "evaluationFunction", "dataset", "query_list", "evaluators", "runConcurrently"]);

/**
 * Settings spread into an evaluate() config from a `const` of the file (`const base = { hh_api_key, server_url };
 * evaluate({ ...base, name })`, blind-1x-5 12) that holds plain settings (no CONFIG_BOUND_KEYS, no spread or computed
 * key), is not exported and is read only in such spreads: its keys are migrated where it is declared, as init's held
 * options are. Returns whether every spread of `config` was read so; else the config keeps its marker.
 */
function migrateSpreadSettings(input: AnalysisInput, edits: EditList, text: string, config: TSESTree.ObjectExpression, done: Set<TSESTree.ObjectExpression>): boolean {
  const sdk = getSdkModel(input);
  const isConfigSpread = (identifier: TSESTree.Identifier): boolean => {
    const spread = identifier.parent;
    const object = spread?.type === AST_NODE_TYPES.SpreadElement && spread.argument === identifier ? spread.parent : undefined;
    const call = object?.parent;
    return object?.type === AST_NODE_TYPES.ObjectExpression && call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === object && sdk.sdkExportOf(call.callee) === "evaluate";
  };
  return config.properties.every((element) => {
    if (element.type !== AST_NODE_TYPES.SpreadElement) return true;
    if (element.argument.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = sdk.variableOf(element.argument);
    const def = variable?.defs[0];
    if (!variable || def?.type !== "Variable" || def.parent?.kind !== "const" || def.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
    const held = unwrapExpression(def.node.init);
    if (held?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const plain = held.properties.every((property) => property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed) !== undefined);
    if (!plain || keyedProperties(held).some(({ key }) => CONFIG_BOUND_KEYS.has(key))) return false;
    if (!variable.references.every((reference) => reference.init === true || isConfigSpread(reference.identifier as TSESTree.Identifier))) return false;
    if (!done.has(held)) {
      done.add(held);
      const dropped = migrateOptionKeys(edits, text, held, "evaluate", []);
      if (dropped.length > 0) addMarker(edits, text, def.node, droppedKeysMessage("evaluate", dropped));
    }
    return true;
  });
}

/**
 * The import of "honeyhive" (the package root: 1.x) that the call's callee is bound to: the named
 * import itself, or the namespace (`hh.evaluate`, `import * as hh` or `require("honeyhive")`). Another
 * module (`honeyhive/experiments`) is not 1.x.
 */
function rootImportOf(input: AnalysisInput, call: TSESTree.CallExpression): Scope.Variable | undefined {
  const callee = unwrapExpression(call.callee);
  const holder = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : callee;
  const variable = holder?.type === AST_NODE_TYPES.Identifier ? getSdkModel(input).variableOf(holder) : undefined;
  return variable && isRootOrBarrel(input, getAnalysisContext(input).bindings.declaringModuleOf(variable)) ? variable : undefined;
}

/** The named imports of `name` (not type-only) from "honeyhive" or a barrel of it, called or not. */
function rootImportsNamed(input: AnalysisInput, name: string): Scope.Variable[] {
  const bindings = getAnalysisContext(input).bindings;
  return input.ast.body.flatMap((statement) =>
    statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === "type"
      ? []
      : statement.specifiers.flatMap((specifier) => {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === "type" || staticName(specifier.imported) !== name) return [];
          const variable = findVariable(input.scopeManager, specifier.local, specifier.local.name);
          return variable && isRootOrBarrel(input, bindings.declaringModuleOf(variable)) ? [variable] : [];
        }),
  );
}

/** "honeyhive", or a project module re-exporting it (analysis/sdk-barrels.ts): 2.x has evaluate in neither, so the import moves. */
function isRootOrBarrel(input: AnalysisInput, module: string | undefined): boolean {
  return module === "honeyhive" || (module !== undefined && sdkBarrelOf(input, module) !== undefined);
}

/**
 * `hh.evaluate(…)` of a namespace → `evaluate(…)` imported from "honeyhive/experiments" beside the
 * namespace's import. One import per block that binds such namespaces (`import * as hh` and `import *
 * as hive` share the module's; a `require("honeyhive")` inside a function gets its own there, where
 * its calls can see it); a namespace that served only evaluate() (and evaluator() calls unwrapped,
 * `alsoGone`) is replaced by that import.
 */
function moveNamespaceCalls(
  input: AnalysisInput,
  edits: EditList,
  text: string,
  calls: readonly TSESTree.CallExpression[],
  alsoGone: readonly TSESTree.Range[],
): void {
  type Group = { statements: TSESTree.Node[]; calls: TSESTree.CallExpression[]; variables: Set<Scope.Variable> };
  const groups = new Map<TSESTree.Node, Group>();
  for (const call of calls) {
    const variable = rootImportOf(input, call)!;
    const statement = variable.defs[0]?.type === "ImportBinding" ? variable.defs[0].node.parent : variable.defs[0]?.node.parent;
    const block = statement?.parent;
    if (!statement || !block) continue;
    let group = groups.get(block);
    if (!group) groups.set(block, (group = { statements: [], calls: [], variables: new Set() }));
    if (!group.statements.includes(statement)) group.statements.push(statement);
    group.calls.push(call);
    group.variables.add(variable);
  }
  // Most files have no namespace call to move: the specifier below is not looked up for them.
  if (groups.size === 0) return;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const quote = text.includes('"honeyhive"') || !text.includes("'honeyhive'") ? '"' : "'";
  // As the file writes the package (Deno's `npm:honeyhive@^2` → `npm:honeyhive@^2/experiments`).
  const experiments = sdkSpecifierFor(input, EXPERIMENTS);
  for (const group of groups.values()) {
    // A local `evaluate` visible at a call would capture the name: import under another one then.
    const taken = group.calls.some((call) => findVariable(input.scopeManager, call, "evaluate") !== undefined);
    const local = taken ? "evaluateExperiment" : "evaluate";
    for (const call of group.calls) edits.replace(call.callee, local);
    const anchor = group.statements.reduce((first, statement) => (statement.range[0] < first.range[0] ? statement : first));
    const semicolon = text[anchor.range[1] - 1] === ";" ? ";" : "";
    const line =
      anchor.type === AST_NODE_TYPES.ImportDeclaration
        ? `import { ${taken ? `evaluate as ${local}` : local} } from ${quote}${experiments}${quote}${semicolon}`
        : `const { ${taken ? `evaluate: ${local}` : local} } = require(${quote}${experiments}${quote})${semicolon}`;
    // `hh.evaluator(fn, …)` calls that became `fn` do not keep the namespace either.
    const movedCallees = [...group.calls.map((call) => call.callee.range), ...alsoGone];
    const unused = [...group.variables].filter((variable) => isUnusedAfter(variable, movedCallees));
    const statementOf = (variable: Scope.Variable) => (variable.defs[0]?.type === "ImportBinding" ? variable.defs[0].node.parent : variable.defs[0]?.node.parent);
    // Only a statement that binds nothing but the namespace can go (`import hh, * as ns` keeps `hh`).
    const alone = (variable: Scope.Variable) => {
      const statement = statementOf(variable);
      return statement?.type === AST_NODE_TYPES.ImportDeclaration ? statement.specifiers.length === 1 : statement?.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1;
    };
    for (const variable of unused) if (alone(variable) && statementOf(variable) !== anchor) removeStatement(edits, text, statementOf(variable)!);
    if (unused.some((variable) => statementOf(variable) === anchor && alone(variable))) {
      edits.replace(anchor, line);
      continue;
    }
    const lineStart = text.lastIndexOf("\n", anchor.range[0]) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, anchor.range[0]))![0];
    edits.insertAfter(anchor, `${newline}${indent}${line}`);
  }
}

/** The 1.x key whose treatment a config key gets: itself, or the 1.x twin of a Python SDK key (`run_concurrently`: `Option1xEntry.pythonSdk`). */
const treatedAs = (key: string): string => option1x("evaluate", key)?.pythonSdk?.sameAs ?? key;

function migrateConfig(
  input: AnalysisInput,
  edits: EditList,
  text: string,
  call: TSESTree.CallExpression,
  config: TSESTree.ObjectExpression,
  renamedKeys: Set<TSESTree.Node>,
): void {
  // `runConcurrently: true` is the default here: it goes, together with the keys the data drops.
  const concurrentByDefault = keyedProperties(config).filter(
    ({ key, property }) => treatedAs(key) === "runConcurrently" && property.value.type === AST_NODE_TYPES.Literal && property.value.value === true,
  );
  // `runConcurrently: false` (one at a time, whatever `maxWorkers` said) becomes `maxConcurrency: 1`: a bound
  // the config also gives (`maxWorkers: 2`, renamed to the same key) goes, or the object would have the key twice.
  const sequential = keyedProperties(config).some(({ key, property }) => treatedAs(key) === "runConcurrently" && property.value.type === AST_NODE_TYPES.Literal && property.value.value === false);
  const overridden = sequential ? keyedProperties(config).filter(({ key }) => key === "maxConcurrency" || option1x("evaluate", key)?.migration.to === "maxConcurrency") : [];
  const dropped = migrateOptionKeys(edits, text, config, "evaluate", [...concurrentByDefault, ...overridden].map(({ property }) => property));
  const order = evaluatorOrderOf(input, config);
  if (order !== "output-first") markEvaluatorOrder(input, edits, text, config, order);
  for (const { property, key } of keyedProperties(config)) {
    const value = property.value;
    if (key === "function" || key === "evaluationFunction") {
      // Pass no more arguments than a function of this file declares: TypeScript rejects the extra one.
      const declared = (knownFunctionOf(input, value) ?? tracedFunctionOf(input, value))?.params ?? boundParametersOf(input, value);
      const takes = declared && !declared.some((param) => param.type === AST_NODE_TYPES.RestElement) ? declared.length : 2;
      const passed = Math.min(takes, key === "function" ? 2 : 1);
      const bare = unwrapExpression(value)?.type === AST_NODE_TYPES.Identifier;
      // `agent.run.bind(agent)(inputs)`: a name, a member or a call is called as written; a function expression needs its parentheses.
      const callable = bare || value.type === AST_NODE_TYPES.MemberExpression || (value.type === AST_NODE_TYPES.CallExpression && !value.optional);
      const output = bare && evaluatorsTakeNarrowOutput(input, config) ? `Awaited<ReturnType<typeof ${text.slice(value.range[0], value.range[1])}>>` : undefined;
      // An evaluator written for (inputs, output) takes an output of the inputs' type: that is the order, not a narrow type.
      if (order !== "inputs-first") markNarrowerEvaluators(input, edits, text, config, knownFunctionOf(input, value));
      const typed = withOutput(narrowDatapointTypes(text, declared?.slice(0, passed) ?? []), output);
      const groundTruthArgument = typed?.groundTruth === undefined ? "groundTruth || {}" : "groundTruth || ({} as NonNullable<typeof groundTruth>)";
      const callText = ["()", "(inputs)", `(inputs, ${groundTruthArgument})`][passed];
      const pattern = ["", "{ inputs }", "{ inputs, groundTruth }"][passed];
      const annotation = typed ? datapointAnnotation(edits, text, config, typed) : "";
      if (annotation === undefined) addMarker(edits, text, property, MESSAGES_1X.evaluateNarrowTypes);
      const parameters = `(${pattern}${annotation ?? ""})`;
      if (property.shorthand) {
        edits.replace(property, `function: ${parameters} => ${text.slice(value.range[0], value.range[1])}${callText}`);
        continue;
      }
      // `function: (inputs) => …` written here: it takes the datapoint's inputs itself, `({ inputs }) => …`
      // (typed as the wrapper would be: `({ inputs }: { inputs: Question }) => …`, or by the config's type).
      const inline = value.type === AST_NODE_TYPES.ArrowFunctionExpression && annotation !== undefined ? value.params : undefined;
      const only = inline?.length === 1 && inline[0]!.type === AST_NODE_TYPES.Identifier ? inline[0] : undefined;
      if (only) {
        const parenthesized = text.slice(value.range[0], only.range[0]).includes("(");
        // Its own loose type (`Record<string, any>`), which the defaults fit, stays written on the datapoint.
        const own = !typed && only.typeAnnotation ? `: { inputs: ${text.slice(only.typeAnnotation.typeAnnotation.range[0], only.typeAnnotation.typeAnnotation.range[1])} }` : annotation;
        const destructured = `{ ${only.name === "inputs" ? only.name : `inputs: ${only.name}`} }${own ?? ""}`;
        edits.replace([property.range[0], value.range[0]], "function: ");
        edits.replace([only.range[0], Math.max(only.range[1], only.typeAnnotation?.range[1] ?? 0)], parenthesized ? destructured : `(${destructured})`);
        continue;
      }
      edits.replace([property.range[0], value.range[0]], `function: ${parameters} => ${callable ? "" : "("}`);
      edits.insertAfter(value, `${callable ? "" : ")"}${callText}`);
    } else if (treatedAs(key) === "runConcurrently") {
      if (value.type === AST_NODE_TYPES.Literal && value.value === false) edits.replace(property, "maxConcurrency: 1");
      else if (!(value.type === AST_NODE_TYPES.Literal && value.value === true)) addMarker(edits, text, call, MESSAGES_1X.runConcurrently);
    } else if (key === "query_list" || (key === "dataset" && order === "inputs-first")) {
      // query_list, and a dataset of the versions before 1.0.24 (EVALUATOR_CALL_ORDERS_1X datasetItem): items were the inputs themselves.
      edits.replace(property, `dataset: ${text.slice(value.range[0], value.range[1])}.map((inputs) => ({ inputs }))`);
    } else if (key === "dataset") {
      if (order === "mixed") addMarker(edits, text, property, MESSAGES_1X.datasetItemsMayBeInputs(declaredDependencyRange(input.filename, "honeyhive")));
      const loose = looseDatasetSource(input, text, value);
      if (loose) addMarker(edits, text, call, MESSAGES_1X.datasetLooselyTyped(loose.source, loose.type));
      const items = literalOf(input, value, AST_NODE_TYPES.ArrayExpression)?.elements ?? mappedItemsOf(input, value);
      if (!items) {
        addMarker(edits, text, call, MESSAGES_1X.datasetGroundTruths);
        continue;
      }
      let renamed = false;
      for (const item of items) {
        if (item?.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const field of keyedProperties(item)) {
          if (field.key !== "ground_truths") continue;
          renamed = true;
          if (renamedKeys.has(field.property)) continue;
          renamedKeys.add(field.property);
          renameKey(edits, field.property, "groundTruth");
        }
      }
      // `const dataset: Row[] = [{ …, ground_truths }]` with `interface Row { ground_truths: … }` of this
      // file: the rows' type follows them, or the renamed rows no longer fit it (TS2561).
      if (renamed) {
        for (const member of declaredRowGroundTruths(input, value)) {
          if (renamedKeys.has(member)) continue;
          renamedKeys.add(member);
          edits.replace(member.key, "groundTruth");
        }
      }
    }
  }
  if (dropped.length > 0) addMarker(edits, text, call, droppedKeysMessage("evaluate", dropped));
}

/**
 * The order 1.x called this config's evaluators in (EVALUATOR_CALL_ORDERS_1X): the one every version the
 * project's `honeyhive` range admits used, `mixed` when the range admits versions of both orders or cannot
 * be read. A project that declares no range is judged by the config's keys: one that existed only before
 * the order changed (`query_list`) or only after it (`apiKey`) tells; with neither the order is taken to
 * be this SDK's, as before the order was known.
 */
function evaluatorOrderOf(input: AnalysisInput, config: TSESTree.ObjectExpression): "inputs-first" | "output-first" | "mixed" {
  const range = declaredDependencyRange(input.filename, "honeyhive");
  const spans = range === undefined ? [...keyedProperties(config).map(({ key }) => option1x("evaluate", key)?.versions), ...evaluatorWrapperVersions(input, config)].flatMap(telling) : versionSpansOfRange(range);
  if (spans === undefined) return "mixed";
  const met = EVALUATOR_CALL_ORDERS_1X.filter(({ versions }) => spans.some((span) => spanMeets(span, versions.since, versions.until)));
  // A range of 2.x only says nothing of 1.x; code of both sides of the change with no range is taken as before.
  if (met.length !== 1) return met.length > 1 && range !== undefined ? "mixed" : "output-first";
  return met[0]!.parameters[0] === "inputs" ? "inputs-first" : "output-first";
}

/** The versions of 1.x's evaluator() when an evaluator of the config is wrapped in it (1.0.33 on). */
function evaluatorWrapperVersions(input: AnalysisInput, config: TSESTree.ObjectExpression): VersionRange[] {
  const wrapped = evaluatorElements(input, config).some(({ wrapper }) => wrapper !== undefined);
  const entry = wrapped ? API_1X.find((one) => one.where === "export" && one.name === "evaluator") : undefined;
  return entry ? [entry.versions] : [];
}

/** The span of versions a 1.x name lasted for, when it lies on one side of the evaluator order's change (none otherwise). */
function telling(versions: VersionRange | undefined): VersionSpan[] {
  if (!versions) return [];
  const span = versionSpansOfRange(`>=${versions.since}${versions.until === undefined ? "" : ` <${versions.until}`}`) ?? [];
  return EVALUATOR_CALL_ORDERS_1X.every(({ versions: order }) => span.some((one) => spanMeets(one, order.since, order.until))) ? [] : [...span];
}

/** The elements of the config's literal evaluators list, each with the function it stands for and the evaluator() call around it. */
function evaluatorElements(input: AnalysisInput, config: TSESTree.ObjectExpression): { readonly element: TSESTree.Node; readonly fn: TSESTree.Node; readonly wrapper: TSESTree.CallExpression | undefined }[] {
  const list = keyedProperties(config).find(({ key }) => key === "evaluators")?.property.value;
  const elements = list && literalOf(input, list, AST_NODE_TYPES.ArrayExpression)?.elements;
  return (elements ?? []).flatMap((element) => {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) return [];
    const held = element.type === AST_NODE_TYPES.Identifier ? getSdkModel(input).variableOf(element)?.defs[0] : undefined;
    const wrapper = evaluatorWrapper(input, held?.type === "Variable" ? held.node.init : element);
    return [{ element, fn: wrapper?.fn ?? element, wrapper: wrapper?.call }];
  });
}

/**
 * Each evaluator of the config that takes arguments may have its parameters in 1.x's (inputs, output)
 * order. When every admitted version used that order (`inputs-first`), an evaluator whose two parameters
 * are plain names and that nothing else calls (an inline function, or a function of the file used only in
 * this list and not exported) gets them swapped: its body reads the same values as in 1.x. Any other gets
 * a marker saying what changed.
 */
function markEvaluatorOrder(input: AnalysisInput, edits: EditList, text: string, config: TSESTree.ObjectExpression, order: "inputs-first" | "mixed"): void {
  const range = declaredDependencyRange(input.filename, "honeyhive");
  const listed = evaluatorElements(input, config);
  for (const { element, fn } of listed) {
    const known = knownFunctionOf(input, fn);
    if (known?.params.length === 0) continue;
    if (order === "inputs-first" && known && swappable(input, known, fn, listed.map((one) => one.fn))) {
      const [inputs, output] = known.params as [TSESTree.Parameter, TSESTree.Parameter];
      edits.replace(inputs, text.slice(output.range[0], output.range[1]));
      edits.replace(output, text.slice(inputs.range[0], inputs.range[1]));
      continue;
    }
    const name = unwrapExpression(fn)?.type === AST_NODE_TYPES.Identifier ? text.slice(fn.range[0], fn.range[1]) : undefined;
    addMarker(edits, text, element, MESSAGES_1X.evaluatorOrder(order, name, range));
  }
}

/** Whether `known` (the function `fn` stands for) has two plain parameters and is called by evaluate() alone (see markEvaluatorOrder). */
function swappable(input: AnalysisInput, known: FunctionNode, fn: TSESTree.Node, listed: readonly TSESTree.Node[]): boolean {
  if (known.params.length !== 2 || known.params.some((param) => param.type !== AST_NODE_TYPES.Identifier || param.optional)) return false;
  const expression = unwrapExpression(fn);
  if (expression === known) return listed.filter((one) => one === fn).length === 1;
  if (expression?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = getSdkModel(input).variableOf(expression);
  const declaration = variable?.defs[0]?.node;
  if (!variable || variable.defs.length !== 1 || !declaration) return false;
  const statement = declaration.type === AST_NODE_TYPES.VariableDeclarator ? declaration.parent?.parent : declaration.parent;
  if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
  const uses = variable.references.filter((reference) => !reference.init);
  return uses.length === 1 && uses[0]!.identifier === expression;
}

/**
 * `dataset: await loadDataset()` where the file's `loadDataset` declares it returns records of any keys
 * (`Promise<Record<string, any>[]>`, `{ [key: string]: unknown }[]`, `object[]`): 1.x typed the dataset
 * `Dict<any>[]`, so that compiled; this SDK's datapoint type wants `inputs` (TS2322). The call's text and
 * the array type's, else undefined.
 */
function looseDatasetSource(input: AnalysisInput, text: string, value: TSESTree.Node): { readonly source: string; readonly type: string } | undefined {
  const expression = unwrapExpression(value);
  const call = expression?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(expression.argument) : expression;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  let returned = knownFunctionOf(input, call.callee)?.returnType?.typeAnnotation;
  if (returned?.type === AST_NODE_TYPES.TSTypeReference && returned.typeName.type === AST_NODE_TYPES.Identifier && returned.typeName.name === "Promise") returned = returned.typeArguments?.params[0];
  const element =
    returned?.type === AST_NODE_TYPES.TSArrayType
      ? returned.elementType
      : returned?.type === AST_NODE_TYPES.TSTypeReference && returned.typeName.type === AST_NODE_TYPES.Identifier && /^(?:ReadonlyArray|Array)$/.test(returned.typeName.name)
        ? returned.typeArguments?.params[0]
        : undefined;
  const anyKeys =
    element?.type === AST_NODE_TYPES.TSObjectKeyword ||
    // `Record<string, any>`, not `Record<"inputs", …>` (which has the key this SDK's datapoint wants).
    (element?.type === AST_NODE_TYPES.TSTypeReference && element.typeName.type === AST_NODE_TYPES.Identifier && element.typeName.name === "Record" && anyKeyType(element.typeArguments?.params[0])) ||
    (element?.type === AST_NODE_TYPES.TSTypeLiteral && element.members.length > 0 && element.members.every((member) => member.type === AST_NODE_TYPES.TSIndexSignature));
  return anyKeys ? { source: text.slice(call.range[0], call.range[1]), type: text.slice(returned!.range[0], returned!.range[1]) } : undefined;
}

/** A key type naming no key in particular: `string`, `any`, `PropertyKey`. */
function anyKeyType(key: TSESTree.TypeNode | undefined): boolean {
  return (
    key?.type === AST_NODE_TYPES.TSStringKeyword ||
    key?.type === AST_NODE_TYPES.TSAnyKeyword ||
    (key?.type === AST_NODE_TYPES.TSTypeReference && key.typeName.type === AST_NODE_TYPES.Identifier && key.typeName.name === "PropertyKey")
  );
}

/** The types a 1.x evaluated function declares for its inputs and ground truth where this SDK's defaults do not fit them. */
interface DatapointTypes {
  readonly inputs: string | undefined;
  readonly groundTruth: string | undefined;
  /** The evaluated function's output, where an evaluator declares the type of the output it takes. */
  readonly output?: string | undefined;
}

function withOutput(types: DatapointTypes | undefined, output: string | undefined): DatapointTypes | undefined {
  if (output === undefined) return types;
  return { inputs: types?.inputs, groundTruth: types?.groundTruth, output };
}

/**
 * An evaluator of the config declares the output it takes (`(output: string, …) => …`): 1.x typed
 * evaluators as `(...args: any[]) => any`, this SDK gives them the options' `Output`, which is `unknown`
 * unless a type argument says otherwise.
 */
function evaluatorsTakeNarrowOutput(input: AnalysisInput, config: TSESTree.ObjectExpression): boolean {
  return evaluatorOutputTypes(input, config).length > 0;
}

/** The evaluators of the config that declare the output they take, with that type (`(output: string) => …`). */
function evaluatorOutputTypes(input: AnalysisInput, config: TSESTree.ObjectExpression): { readonly element: TSESTree.Node; readonly annotation: TSESTree.TypeNode }[] {
  return evaluatorElements(input, config).flatMap(({ element, fn }) => {
    const first = knownFunctionOf(input, fn)?.params[0];
    const written = first && "typeAnnotation" in first ? first.typeAnnotation?.typeAnnotation : undefined;
    // A rest parameter of unknown or any elements (`(..._: unknown[]) => …`) takes any output; one of
    // other elements (`...outs: string[]`) also types the inputs and ground truth, so it stays judged.
    const listed = first?.type === AST_NODE_TYPES.RestElement && written ? listElementType(written) : undefined;
    const annotation = listed && (listed.type === AST_NODE_TYPES.TSAnyKeyword || listed.type === AST_NODE_TYPES.TSUnknownKeyword) ? listed : written;
    return annotation !== undefined && annotation.type !== AST_NODE_TYPES.TSAnyKeyword && annotation.type !== AST_NODE_TYPES.TSUnknownKeyword ? [{ element, annotation }] : [];
  });
}

/**
 * The `ground_truths` members of the row type a dataset constant declares (`const dataset: Row[]` or
 * `Array<Row>`), when `Row` is an interface or an object type alias of the file.
 */
function declaredRowGroundTruths(input: AnalysisInput, value: TSESTree.Node): TSESTree.TSPropertySignature[] {
  const expression = unwrapExpression(value);
  const def = expression?.type === AST_NODE_TYPES.Identifier ? getSdkModel(input).variableOf(expression)?.defs[0] : undefined;
  const declared = def?.type === "Variable" && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.id.typeAnnotation?.typeAnnotation : undefined;
  const row = declared && listElementType(declared);
  if (row?.type !== AST_NODE_TYPES.TSTypeReference || row.typeName.type !== AST_NODE_TYPES.Identifier) return [];
  const rowName = row.typeName.name;
  const members = input.ast.body.flatMap((statement) => {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === rowName) return declaration.body.body;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === rowName && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) return declaration.typeAnnotation.members;
    return [];
  });
  return members.filter(
    (member): member is TSESTree.TSPropertySignature =>
      member.type === AST_NODE_TYPES.TSPropertySignature && staticName(member.key) === "ground_truths",
  );
}

/** The element type of a list type (`T[]`, `readonly T[]`, `Array<T>`: a rest parameter's, a dataset's), when written so. */
function listElementType(list: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (list.type === AST_NODE_TYPES.TSArrayType) return list.elementType;
  if (list.type === AST_NODE_TYPES.TSTypeOperator && list.typeAnnotation) return listElementType(list.typeAnnotation);
  const generic = list.type === AST_NODE_TYPES.TSTypeReference && list.typeName.type === AST_NODE_TYPES.Identifier ? list.typeName.name : undefined;
  return (generic === "Array" || generic === "ReadonlyArray") && list.type === AST_NODE_TYPES.TSTypeReference ? list.typeArguments?.params[0] : undefined;
}

/**
 * Evaluators that take a narrower output than the evaluated function declares it returns (`(output:
 * string) => …` of a function typed `Promise<string | undefined>`): 1.x never checked them (`any`), the
 * options' `Output` does (TS2322), and only a person knows whether the evaluator or the function is
 * right. Judged by the written types: each member of the function's (awaited) union must be written in
 * the evaluator's; a function with no declared return type is not judged.
 */
function markNarrowerEvaluators(input: AnalysisInput, edits: EditList, text: string, config: TSESTree.ObjectExpression, fn: FunctionNode | undefined): void {
  const returned = fn?.returnType?.typeAnnotation;
  if (!returned) return;
  const awaited =
    returned.type === AST_NODE_TYPES.TSTypeReference && returned.typeName.type === AST_NODE_TYPES.Identifier && returned.typeName.name === "Promise" && returned.typeArguments?.params.length === 1
      ? returned.typeArguments.params[0]!
      : returned;
  const members = (type: TSESTree.TypeNode): string[] => (type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type]).map((member) => text.slice(member.range[0], member.range[1]).replace(/\s+/g, " "));
  const produced = members(awaited);
  for (const { element, annotation } of evaluatorOutputTypes(input, config)) {
    const taken = new Set(members(annotation));
    if (produced.some((member) => !taken.has(member))) addMarker(edits, text, element, MESSAGES_1X.evaluatorOutputNarrower(text.slice(annotation.range[0], annotation.range[1]), text.slice(awaited.range[0], awaited.range[1])));
  }
}

/**
 * 1.x typed the evaluated function as `Function`, so it could declare any parameter types; here the
 * datapoint is `{ inputs: Record<string, unknown>, groundTruth?: unknown }` unless the options' type
 * arguments say otherwise. A parameter annotated narrower than that (an interface, a `Record<string,
 * string>`…) gives its type; none (undefined) when the defaults fit.
 */
function narrowDatapointTypes(text: string, params: readonly TSESTree.Parameter[]): DatapointTypes | undefined {
  const narrow = (param: TSESTree.Parameter | undefined, loose: (annotation: TSESTree.TypeNode) => boolean): string | undefined => {
    const annotation = param && "typeAnnotation" in param ? param.typeAnnotation?.typeAnnotation : undefined;
    return annotation && !loose(annotation) ? text.slice(annotation.range[0], annotation.range[1]) : undefined;
  };
  const inputs = narrow(params[0], isLooseRecordType);
  const groundTruth = narrow(params[1], acceptsEmptyObject);
  return inputs === undefined && groundTruth === undefined ? undefined : { inputs, groundTruth };
}

function isRecordReference(annotation: TSESTree.TypeNode): annotation is TSESTree.TSTypeReference {
  return annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === "Record";
}

const LOOSE_KEYWORDS: readonly AST_NODE_TYPES[] = [AST_NODE_TYPES.TSAnyKeyword, AST_NODE_TYPES.TSUnknownKeyword, AST_NODE_TYPES.TSObjectKeyword];

/** A parameter type that this SDK's default inputs (`Record<string, unknown>`) fit. */
function isLooseRecordType(annotation: TSESTree.TypeNode): boolean {
  if (LOOSE_KEYWORDS.includes(annotation.type)) return true;
  const value = isRecordReference(annotation) ? annotation.typeArguments?.params[1] : undefined;
  return value !== undefined && (value.type === AST_NODE_TYPES.TSAnyKeyword || value.type === AST_NODE_TYPES.TSUnknownKeyword);
}

/** A parameter type that the `{}` 1.x passed for a missing ground truth fits (any record: `{}` has no key to mistype). */
function acceptsEmptyObject(annotation: TSESTree.TypeNode): boolean {
  return LOOSE_KEYWORDS.includes(annotation.type) || isRecordReference(annotation);
}

/**
 * The type a config literal is written against: a `const config: EvaluationConfig = {…}`'s annotation, or
 * the type of `{…} satisfies EvaluationConfig` (blind-1x-3 D11: both type the literal the same way).
 */
function configTypeOf(config: TSESTree.ObjectExpression): TSESTree.TypeNode | undefined {
  const parent = config.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === config) return parent.id.typeAnnotation?.typeAnnotation;
  if (parent?.type === AST_NODE_TYPES.TSSatisfiesExpression && parent.expression === config) return parent.typeAnnotation;
  return undefined;
}

/**
 * Makes the narrower types reach the wrapper: a `const config: EvaluationConfig = {…}` (or `{…} satisfies EvaluationConfig`) gets them as
 * the options' type arguments (`EvaluationConfig<Question, unknown, Answer>`, renamed to
 * EvaluateOptions by 1x-names), which also types the dataset; anywhere else the wrapper's parameter
 * is annotated and evaluate() infers them from it (unless a dataset written in the call gives them). Returns the annotation text to append ("" for
 * none), undefined where the const's type is written in a form the codemod does not extend.
 */
function datapointAnnotation(edits: EditList, text: string, config: TSESTree.ObjectExpression, types: DatapointTypes): string | undefined {
  const inputs = types.inputs ?? "Record<string, unknown>";
  const holder = configTypeOf(config);
  if (holder?.type === AST_NODE_TYPES.TSTypeReference && holder.typeArguments === undefined) {
    const output = types.output ?? "unknown";
    edits.insertAfter(holder.typeName, types.groundTruth === undefined ? (types.output === undefined ? `<${inputs}>` : `<${inputs}, ${output}>`) : `<${inputs}, ${output}, ${types.groundTruth}>`);
    return "";
  }
  if (holder) return undefined;
  // Elsewhere evaluate() infers the output from the function: only narrow datapoint types need writing.
  if (types.inputs === undefined && types.groundTruth === undefined) return "";
  // Written in the call with its dataset: evaluate() infers the types from the dataset already.
  const inline = config.parent?.type === AST_NODE_TYPES.CallExpression;
  if (inline && keyedProperties(config).some(({ key }) => key === "dataset" || key === "query_list")) return "";
  return `: { inputs: ${inputs}${types.groundTruth === undefined ? "" : `; groundTruth?: ${types.groundTruth}`} }`;
}

/**
 * The evaluators `list`'s config has a dataset (written there or in a `const` of the file) with a datapoint
 * whose ground truth is `""`, `0` or `false`: 1.x handed the evaluators `{}` for it (`ground_truths || {}`),
 * which an inline parameter default (`truth = {}`, for `undefined` only) would not.
 */
function datasetHasFalsyGroundTruth(input: AnalysisInput, list: TSESTree.ArrayExpression): boolean {
  const config = list.parent?.type === AST_NODE_TYPES.Property ? list.parent.parent : undefined;
  if (config?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const dataset = keyedProperties(config).find(({ key }) => key === "dataset")?.property.value;
  const items = dataset && literalOf(input, dataset, AST_NODE_TYPES.ArrayExpression);
  return (items?.elements ?? []).some(
    (item) =>
      item?.type === AST_NODE_TYPES.ObjectExpression &&
      keyedProperties(item).some(({ key, property }) => (key === "ground_truths" || key === "groundTruth") && property.value.type === AST_NODE_TYPES.Literal && property.value.value !== null && !property.value.value),
  );
}

/** The array or object literal `value` is: written in place, or held by a `const` of this file. */
function literalOf<T extends AST_NODE_TYPES.ArrayExpression | AST_NODE_TYPES.ObjectExpression>(
  input: AnalysisInput,
  value: TSESTree.Node,
  type: T,
): Extract<TSESTree.Node, { type: T }> | undefined {
  const expression = unwrapExpression(value);
  const isLiteral = (node: TSESTree.Node | undefined): node is Extract<TSESTree.Node, { type: T }> => node?.type === type;
  if (isLiteral(expression)) return expression;
  // `evaluate(config("nightly"))` of a function of the file that returns one literal (`function config(name):
  // EvaluationConfig { return { … }; }`).
  if (expression?.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier) {
    const fn = knownFunctionOf(input, expression.callee);
    const returned = fn ? returnedValues(input, fn) : [];
    const only = returned.length === 1 ? unwrapExpression(returned[0]) : undefined;
    return isLiteral(only) ? only : undefined;
  }
  if (expression?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = getSdkModel(input).variableOf(expression)?.defs[0];
  if (def?.type !== "Variable" || def.parent?.kind !== "const") return undefined;
  const init = unwrapExpression(def.node.init);
  return isLiteral(init) ? init : undefined;
}

/**
 * The items a dataset built with `rows.map((row) => ({ inputs, ground_truths }))` holds (written in place or
 * in a `const` of the file): the object literals its callback returns (blind-1x-3 D10). undefined where
 * the callback is not written here or returns anything but object literals without spreads (a key the
 * codemod cannot see may be 1.x's: the marker stays).
 */
function mappedItemsOf(input: AnalysisInput, value: TSESTree.Node): TSESTree.ObjectExpression[] | undefined {
  let expression = unwrapExpression(value);
  if (expression?.type === AST_NODE_TYPES.Identifier) {
    const def = getSdkModel(input).variableOf(expression)?.defs[0];
    expression = def?.type === "Variable" && def.parent?.kind === "const" ? unwrapExpression(def.node.init) : undefined;
  }
  if (expression?.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length !== 1) return undefined;
  const callee = unwrapExpression(expression.callee);
  const callback = unwrapExpression(expression.arguments[0]);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "map" || !isFunctionNode(callback)) return undefined;
  const returned = returnedValues(input, callback).map((node) => unwrapExpression(node));
  const items = returned.filter((node): node is TSESTree.ObjectExpression => node?.type === AST_NODE_TYPES.ObjectExpression);
  const complete = items.length > 0 && items.length === returned.length && items.every((item) => item.properties.every((property) => property.type === AST_NODE_TYPES.Property));
  return complete ? items : undefined;
}

/** Fields of 1.x's evaluate() result that this SDK's result (`{ runId, name, results, summary }`) does not have. */
const RESULT_FIELDS_1X: ReadonlySet<string> = new Set(["sessionIds", "status", "suite", "stats", "data", "datasetId"]);

/** `const result = await evaluate(…)` or `evaluate(…).then((result) => …)`: a marker at each read of a 1.x result field. */
function markResultReads(input: AnalysisInput, edits: EditList, text: string, call: TSESTree.CallExpression): void {
  for (const result of resultVariables(input, call)) {
    for (const reference of result.references) {
      const read = reference.identifier.parent;
      const field = read?.type === AST_NODE_TYPES.MemberExpression && read.object === reference.identifier ? memberName(read) : undefined;
      if (field !== undefined && RESULT_FIELDS_1X.has(field)) addMarker(edits, text, read!, MESSAGES_1X.evaluateResult(field));
    }
  }
}

/**
 * The variables that hold evaluate()'s result: `const result = await evaluate(…)`, or the first parameter of the
 * callback `.then()` is given on its promise (`evaluate(…).then((result) => …)`, blind-1x-5 16).
 */
function resultVariables(input: AnalysisInput, call: TSESTree.CallExpression): Scope.Variable[] {
  const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  const declarator = awaited.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === awaited && declarator.id.type === AST_NODE_TYPES.Identifier) {
    return input.scopeManager.getDeclaredVariables(declarator);
  }
  const member = call.parent;
  const then = member?.type === AST_NODE_TYPES.MemberExpression && member.object === call && memberName(member) === "then" ? member.parent : undefined;
  const callback = then?.type === AST_NODE_TYPES.CallExpression && then.callee === member ? unwrapExpression(then.arguments[0]) : undefined;
  const parameter = callback && isFunctionNode(callback) ? callback.params[0] : undefined;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return [];
  return input.scopeManager.getDeclaredVariables(callback!).filter((variable) => variable.name === parameter.name);
}

/**
 * `import { evaluate } from "honeyhive"` → `… from "honeyhive/experiments"` (a line of its own when the
 * import has other names). Bindings of `drop` in the same statement go with it (added to `handled`).
 */
function moveImport(input: AnalysisInput, edits: EditList, text: string, variable: Scope.Variable, drop: ReadonlySet<Scope.Variable>, handled: Set<Scope.Variable>): void {
  const def = variable.defs[0];
  const holder = variable.identifiers[0]?.parent;
  if (!def || !holder) return;
  const statement: TSESTree.Node | undefined = def.type === "ImportBinding" ? def.node.parent : def.node.parent ?? undefined;
  if (!statement) return;
  const source =
    statement.type === AST_NODE_TYPES.ImportDeclaration
      ? statement.source
      : statement.type === AST_NODE_TYPES.VariableDeclaration
        ? (unwrapExpression(statement.declarations[0]?.init) as TSESTree.CallExpression | undefined)?.arguments[0]
        : undefined;
  if (!source || source.type !== AST_NODE_TYPES.Literal) return;
  const quote = text[source.range[0]];
  const experiments = sdkSpecifierFor(input, EXPERIMENTS);
  const list: readonly TSESTree.Node[] =
    statement.type === AST_NODE_TYPES.ImportDeclaration ? statement.specifiers : statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations[0]?.id.type === AST_NODE_TYPES.ObjectPattern ? statement.declarations[0].id.properties : [];
  const dropped = [...drop].filter((other) => list.includes(other.identifiers[0]?.parent as TSESTree.Node));
  for (const other of dropped) handled.add(other);
  const droppedIndices = dropped.map((other) => list.indexOf(other.identifiers[0]!.parent as TSESTree.Node));
  if (list.length - dropped.length <= 1) {
    edits.replace(source, `${quote}${experiments}${quote}`);
    if (dropped.length > 0) removeListElements(edits, list, new Set(droppedIndices));
    return;
  }
  const index = list.indexOf(holder);
  if (index === -1) return;
  if (statement.type === AST_NODE_TYPES.ImportDeclaration && evaluateMovesWithTypes(input, statement)) {
    // 1x-names moves `evaluate` with the 1.x types of "honeyhive/experiments": one import of it.
    if (dropped.length > 0) removeListElements(edits, list, new Set(droppedIndices));
    return;
  }
  const holderText = text.slice(holder.range[0], holder.range[1]);
  removeListElements(edits, list, new Set([index, ...droppedIndices]));
  const semicolon = text[statement.range[1] - 1] === ";" ? ";" : "";
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const line =
    statement.type === AST_NODE_TYPES.ImportDeclaration
      ? `import { ${holderText} } from ${quote}${experiments}${quote}${semicolon}`
      : `${(statement as TSESTree.VariableDeclaration).kind} { ${holderText} } = require(${quote}${experiments}${quote})${semicolon}`;
  if (statement.type === AST_NODE_TYPES.VariableDeclaration && !isRootOrBarrel(input, requireSpecifier(unwrapExpression(statement.declarations[0]?.init)))) return;
  edits.insertAfter(statement, `${newline}${line}`);
}

/** `evaluator(fn, { name: "exact" })` with settings the rewrite can honour: its function and metric name. */
function evaluatorWrapper(input: AnalysisInput, node: TSESTree.Node | null | undefined): { call: TSESTree.CallExpression; fn: TSESTree.Node; name: string | undefined } | undefined {
  const call = unwrapExpression(node);
  if (call?.type !== AST_NODE_TYPES.CallExpression || getSdkModel(input).sdkExportOf(call.callee) !== "evaluator" || !rootImportOf(input, call)) return undefined;
  const [fn, settings, ...rest] = call.arguments;
  if (!fn || fn.type === AST_NODE_TYPES.SpreadElement || rest.length > 0) return undefined;
  if (settings === undefined) return { call, fn, name: undefined };
  if (settings.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const keyed = keyedProperties(settings);
  // The settings of 1.x's evaluator() are the 1.x data's (`of: "evaluator"`); only `name` and `repeat` changed what it did.
  if (keyed.length !== settings.properties.length || keyed.some(({ key }) => option1x("evaluator", key) === undefined)) return undefined;
  const value = (key: string) => keyed.find((setting) => setting.key === key)?.property.value;
  const name = value("name");
  const repeat = value("repeat");
  // repeat ran the evaluator that many times and recorded every result: nothing here does that.
  if (repeat !== undefined && !(repeat.type === AST_NODE_TYPES.Literal && repeat.value === 1)) return undefined;
  if (name === undefined) return { call, fn, name: undefined };
  return name.type === AST_NODE_TYPES.Literal && typeof name.value === "string" && name.value !== "" ? { call, fn, name: name.value } : undefined;
}

/**
 * The metric name 1.x's `evaluator(fn)` took without a `name` setting, the function's own `name`: a
 * named function expression's, or the name `fn` is known by here (a function or `const` of the file, an
 * import not renamed: `import { a as b }` would give `a`). Undefined for an anonymous function.
 */
function functionNameOf(input: AnalysisInput, fn: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(fn);
  if (expression?.type === AST_NODE_TYPES.FunctionExpression) return expression.id?.name;
  if (expression?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(input.scopeManager, expression, expression.name)?.defs[0];
  if (def?.type === "ImportBinding") return def.node.type === AST_NODE_TYPES.ImportSpecifier && staticName(def.node.imported, false) !== expression.name ? undefined : expression.name;
  return knownFunctionOf(input, expression) ? expression.name : undefined;
}

/**
 * 1.x called an evaluator as fn(outputs, inputs, groundTruths) with `{}` for a missing ground truth;
 * this SDK passes undefined. A third parameter with a default, optional, or typed to accept undefined
 * was written for a missing one: it is passed as it is.
 */
function takesGroundTruth(input: AnalysisInput, fn: TSESTree.Node): boolean {
  const params = knownFunctionOf(input, fn)?.params;
  if (params === undefined || params.length < 3 || params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return false;
  const third = params[2]!;
  if (third.type === AST_NODE_TYPES.AssignmentPattern || ("optional" in third && third.optional)) return false;
  const annotation = "typeAnnotation" in third ? third.typeAnnotation?.typeAnnotation : undefined;
  return !(annotation?.type === AST_NODE_TYPES.TSUnionType && annotation.types.some((type) => type.type === AST_NODE_TYPES.TSUndefinedKeyword));
}

/**
 * The type an untyped parameter of a 1.x evaluator gets in a TypeScript file where it loses evaluator()'s
 * contextual type: `any`, what 1.x gave it inside `evaluators: [evaluator((o, i, truth) => …)]` (its
 * `evaluator<O, I, G, R>` is inferred from the list's `(...args: any[]) => any`; checked against the 1.0.42
 * tarball's sdk/evaluator.d.ts and sdk/evaluation.d.ts). 1.x code compiled against that uses the ground truth
 * as a record (`truth.label`), a string (`output === truth`, `output.includes(truth)`) or a list (`for (const t
 * of truth)`); `Record<string, any>` rejects the last two (TS2367, TS2345, TS2488), `{}` (what the default
 * `= {}` alone infers) or `unknown` the first.
 */
const LOOSE_PARAMETER = "any";

/** 1.x's ground truth of a datapoint without one, for a parameter declared so: `{}`, cast to a declared type `{}` does not fit. */
function emptyGroundTruth(text: string, parameter: TSESTree.Parameter): string {
  const annotation = "typeAnnotation" in parameter ? parameter.typeAnnotation?.typeAnnotation : undefined;
  return annotation === undefined || acceptsEmptyObject(annotation) ? "{}" : `{} as ${text.slice(annotation.range[0], annotation.range[1])}`;
}

/**
 * The function a `const` of the file wraps in a trace call, `tracer.traceFunction(opts)(fn)` or
 * `trace(opts, fn)` (its last argument): the wrapper calls it with the arguments it is given, so it takes
 * as many as `fn` declares (review-migrate finding 7: two passed to one parameter were TS2554).
 */
function tracedFunctionOf(input: AnalysisInput, value: TSESTree.Node): FunctionNode | undefined {
  const expression = unwrapExpression(value);
  if (expression?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(input.scopeManager, expression, expression.name)?.defs[0];
  const init = def?.type === "Variable" && def.parent?.kind === "const" ? unwrapExpression(def.node.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(init.callee);
  const name = callee?.type === AST_NODE_TYPES.CallExpression ? memberName(unwrapExpression(callee.callee) ?? callee.callee) : callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee?.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  if (name === undefined || !/^(?:trace|traceFunction|traceTool|traceChain|traceModel)$/.test(name)) return undefined;
  const fn = unwrapExpression(init.arguments.at(-1));
  return isFunctionNode(fn) ? fn : undefined;
}

/**
 * The parameters a bound method still takes: `agent.run.bind(agent)` where `agent` is a `const agent =
 * new Agent(…)` of a class of this file (or `this.run.bind(this)` in one), its method `run`'s parameters
 * after those `bind` fills. undefined where the method is not found.
 */
function boundParametersOf(input: AnalysisInput, value: TSESTree.Node): readonly TSESTree.Parameter[] | undefined {
  const call = unwrapExpression(value);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.optional) return undefined;
  const bind = unwrapExpression(call.callee);
  if (bind?.type !== AST_NODE_TYPES.MemberExpression || memberName(bind) !== "bind") return undefined;
  const target = unwrapExpression(bind.object);
  const method = target?.type === AST_NODE_TYPES.MemberExpression ? memberName(target) : undefined;
  const fn = knownFunctionOf(input, bind.object) ?? (target?.type === AST_NODE_TYPES.MemberExpression && method !== undefined ? methodOf(classOfInstance(input, target.object), method) : undefined);
  return fn?.params.slice(Math.max(0, call.arguments.length - 1));
}

/** The class of this file `object` is an instance of: `this` in its body, or a `const x = new C(…)`. */
function classOfInstance(input: AnalysisInput, object: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const expression = unwrapExpression(object);
  if (expression?.type === AST_NODE_TYPES.ThisExpression) {
    for (let node: TSESTree.Node | undefined = expression.parent; node; node = node.parent) {
      if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return node;
    }
    return undefined;
  }
  if (expression?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(input.scopeManager, expression, expression.name)?.defs[0];
  const init = def?.type === "Variable" && def.parent?.kind === "const" ? unwrapExpression(def.node.init) : undefined;
  const created = init?.type === AST_NODE_TYPES.AwaitExpression ? undefined : init;
  if (created?.type !== AST_NODE_TYPES.NewExpression || created.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const classDef = findVariable(input.scopeManager, created.callee, created.callee.name)?.defs[0];
  return classDef?.type === "ClassName" ? (classDef.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression) : undefined;
}

/** The instance method `name` of `owner` with a body (not a static one, an accessor, an overload signature). */
function methodOf(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined, name: string): FunctionNode | undefined {
  for (const element of owner?.body.body ?? []) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== "method" || element.static || staticName(element.key, element.computed) !== name) continue;
    if (element.value.type === AST_NODE_TYPES.FunctionExpression) return element.value;
  }
  return undefined;
}

/**
 * `fn` called as 1.x called it: `(outputs, inputs, groundTruth) => fn(outputs, inputs, groundTruth || {})`. `||`, not
 * `??`: 1.x replaced any falsy ground truth by `{}` (`datapoint['ground_truths'] || {}`, src/sdk/evaluation.ts of
 * honeyhiveai/typescript-sdk at aa07718).
 */
function groundTruthWrapper(input: AnalysisInput, text: string, fn: TSESTree.Node, declaredAs: TSESTree.Node = fn): string {
  const callee = text.slice(fn.range[0], fn.range[1]);
  const bare = unwrapExpression(fn)?.type === AST_NODE_TYPES.Identifier;
  // `{}` fits a parameter typed as a record; a narrower declared type gets the same `{}` cast to it, as 1.x's generic typing had it.
  const declared = knownFunctionOf(input, declaredAs)?.params[2];
  const annotation = declared && "typeAnnotation" in declared ? declared.typeAnnotation?.typeAnnotation : undefined;
  const empty = annotation === undefined || acceptsEmptyObject(annotation) ? "{}" : "({} as NonNullable<typeof groundTruth>)";
  return `(outputs, inputs, groundTruth) => ${bare ? callee : `(${callee})`}(outputs, inputs, groundTruth || ${empty})`;
}

/**
 * `evaluators: [evaluator(fn, { name: "exact" }), graded]` → `evaluators: { exact: fn, graded }` where
 * every element is a 1.x evaluator (inline, or a `const` of this file holding one and used nowhere
 * else) or a function of this file; such a `const` becomes the bare function. A function that reads
 * the ground truth (a third parameter) is called as 1.x called it, with `{}` when a datapoint has none.
 * A list of plain functions that do not read it stays a list. Returns the evaluator() calls rewritten.
 */
function convertEvaluatorLists(input: AnalysisInput, edits: EditList, text: string, lists: readonly TSESTree.ArrayExpression[]): Set<TSESTree.CallExpression> {
  type Wrapper = NonNullable<ReturnType<typeof evaluatorWrapper>>;
  type Entry = { element: TSESTree.Node; key: string; wrapper?: Wrapper; variable?: Scope.Variable; readsGroundTruth: boolean };
  const entriesOf = new Map<TSESTree.ArrayExpression, Entry[]>();
  const typed = isTypeScriptInput(input);
  for (const list of lists) {
    const entries: Entry[] = [];
    for (const element of list.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) break;
      if (element.type === AST_NODE_TYPES.Identifier) {
        const variable = getSdkModel(input).variableOf(element);
        const def = variable?.defs[0];
        const declarator = def?.type === "Variable" && def.parent?.kind === "const" && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node : undefined;
        const wrapper = declarator && evaluatorWrapper(input, declarator.init);
        if (variable && wrapper) entries.push({ element, key: wrapper.name ?? element.name, wrapper, variable, readsGroundTruth: takesGroundTruth(input, wrapper.fn) });
        else if (variable && knownFunctionOf(input, element)) entries.push({ element, key: element.name, variable, readsGroundTruth: takesGroundTruth(input, element) });
        else break;
      } else {
        const wrapper = evaluatorWrapper(input, element);
        const key = wrapper && (wrapper.name ?? functionNameOf(input, wrapper.fn));
        if (wrapper && key !== undefined) entries.push({ element, key, wrapper, readsGroundTruth: takesGroundTruth(input, wrapper.fn) });
        else break;
      }
    }
    const keys = new Set(entries.map(({ key }) => key));
    const needed = entries.some(({ wrapper, readsGroundTruth }) => wrapper !== undefined || readsGroundTruth);
    if (needed && entries.length > 0 && entries.length === list.elements.length && keys.size === entries.length) entriesOf.set(list, entries);
  }
  // A const also used outside a converted list keeps its 1.x wrapper (and its marker), and so do the lists that hold it.
  const elementsInLists = (): Set<TSESTree.Node> => new Set([...entriesOf.values()].flat().map(({ element }) => element));
  for (let changed = true; changed; ) {
    changed = false;
    const inLists = elementsInLists();
    for (const [list, entries] of entriesOf) {
      if (entries.some(({ variable, wrapper }) => wrapper && variable?.references.some((reference) => !reference.init && !inLists.has(reference.identifier)))) {
        entriesOf.delete(list);
        changed = true;
      }
    }
  }
  const converted = new Set<TSESTree.CallExpression>();
  const unwrap = (call: TSESTree.CallExpression, fn: TSESTree.Node, prefix: string): void => {
    if (converted.has(call)) return;
    converted.add(call);
    edits.replace([call.range[0], fn.range[0]], prefix);
    edits.remove([fn.range[1], call.range[1]]);
  };
  for (const [list, entries] of entriesOf) {
    const falsyTruths = datasetHasFalsyGroundTruth(input, list);
    const multiline = /[\r\n]/.test(text.slice(list.range[0], list.elements[0]!.range[0]));
    edits.replace([list.range[0], list.range[0] + 1], multiline ? "{" : "{ ");
    edits.replace([list.range[1] - 1, list.range[1]], multiline ? "}" : " }");
    for (const { element, key, wrapper, variable, readsGroundTruth } of entries) {
      const keyText = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      if (variable) {
        if (wrapper) {
          unwrap(wrapper.call, wrapper.fn, "");
          // The bare function loses the contextual type evaluator() gave its parameters: each untyped one gets 1.x's loose one
          // (left untyped it is an implicit any, TS7006 under `--strict`), the ground truth whether it is read or not.
          if (typed) typeUntypedParameters(edits, text, knownFunctionOf(input, wrapper.fn));
        }
        if (readsGroundTruth) edits.replace(element, `${keyText}: ${groundTruthWrapper(input, text, element, wrapper?.fn)}`);
        else if (keyText !== (element as TSESTree.Identifier).name) edits.insertBefore(element, `${keyText}: `);
      } else if (wrapper && readsGroundTruth) {
        const inline = unwrapExpression(wrapper.fn);
        const third = isFunctionNode(inline) ? inline.params[2] : undefined;
        // An untyped one gets 1.x's loose ground truth type first (with a default `{}` alone it would be typed `{}`, not by the context).
        const untyped = typed && third?.type === AST_NODE_TYPES.Identifier && !third.typeAnnotation;
        // Not where the config's dataset holds a ground truth of "", 0 or false: the default would not replace it, the wrapper's `||` does.
        if (isFunctionNode(inline) && third && "typeAnnotation" in third && (third.typeAnnotation || untyped) && !falsyTruths) {
          // Written here: its own third parameter takes 1.x's `{}` as a default, `(o, i, truth: T = {} as T) => …`.
          unwrap(wrapper.call, wrapper.fn, `${keyText}: `);
          const end = Math.max(third.range[1], ("typeAnnotation" in third && third.typeAnnotation?.range[1]) || 0);
          edits.insertAt(end, untyped ? `: ${LOOSE_PARAMETER} = {}` : ` = ${emptyGroundTruth(text, third)}`);
        } else {
          converted.add(wrapper.call);
          edits.replace(wrapper.call, `${keyText}: ${groundTruthWrapper(input, text, wrapper.fn)}`);
        }
      } else if (wrapper) {
        // `evaluator(relevance)` → `relevance` (shorthand), `evaluator(fn, { name: "length" })` → `length: fn`.
        const fn = unwrapExpression(wrapper.fn);
        unwrap(wrapper.call, wrapper.fn, fn?.type === AST_NODE_TYPES.Identifier && fn.name === key ? "" : `${keyText}: `);
      }
    }
  }
  return converted;
}

/** `(output, inputs, truth) => …` → `(output: any, inputs: any, truth: any) => …` (an arrow's lone parameter gets its parentheses). */
function typeUntypedParameters(edits: EditList, text: string, fn: ReturnType<typeof knownFunctionOf>): void {
  const parameters = fn?.params.slice(0, 3) ?? [];
  for (const parameter of parameters) {
    if (parameter.type !== AST_NODE_TYPES.Identifier || parameter.typeAnnotation) continue;
    const bare = fn!.type === AST_NODE_TYPES.ArrowFunctionExpression && parameters.length === 1 && !text.slice(fn!.range[0], parameter.range[0]).includes("(");
    if (bare) edits.replace(parameter, `(${parameter.name}: ${LOOSE_PARAMETER})`);
    else edits.insertAfter(parameter, `: ${LOOSE_PARAMETER}`);
  }
}

export const evaluate1x: CodemodTransform = { meta, collect };

