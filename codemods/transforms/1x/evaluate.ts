// 1.x → this SDK: experiments. `evaluate` moves from "honeyhive" to "honeyhive/experiments"; its 1.x
// config keys follow the data (snake_case of 1.0.12–1.0.32 and `maxWorkers` renamed, the keys with no
// counterpart dropped with a marker). 1.x called the evaluated function as `fn(inputs, groundTruths)`
// (before 1.0.33 `fn(inputs)`, under `evaluationFunction`); this SDK passes one `{ inputs, groundTruth }`,
// so the function is wrapped instead of rewritten. Dataset items' `ground_truths` become `groundTruth`.
// Only `evaluate` imported from the package root is 1.x: after the move a second run finds nothing.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { memberName, requireSpecifier, unwrapExpression } from "../../../analysis/ast.js";
import type { EditList } from "../../../analysis/edits.js";
import { importSourceOf, keyedProperties, knownFunctionOf, sdkFunctionCalls } from "../../../analysis/honeyhive-1x.js";
import type { AnalysisInput } from "../../../analysis/input.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { droppedKeysMessage, migrateOptionKeys, objectArgument, removeProperty, renameKey } from "./shared.js";

export const meta = transformMeta("1x-evaluate");

const EXPERIMENTS = "honeyhive/experiments";

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return;
  const moved = new Set<Scope.Variable>();
  for (const { call } of sdkFunctionCalls(input, new Set(["evaluate", "evaluator"]))) {
    const callee = unwrapExpression(call.callee);
    const variable = callee?.type === AST_NODE_TYPES.Identifier ? sdk.variableOf(callee) : undefined;
    // A namespace (`hh.evaluate`) or an import from elsewhere (this SDK's experiments) is not moved.
    if (!variable || importSourceOf(variable) !== "honeyhive") continue;
    if (sdk.sdkExportOf(call.callee) === "evaluator") {
      addMarker(edits, text, call, MESSAGES_1X.evaluator);
      continue;
    }
    moved.add(variable);
    const config = objectArgument(call);
    if (config) migrateConfig(input, edits, text, call, config);
    markResultReads(input, edits, text, call);
  }
  for (const variable of moved) moveImport(edits, text, variable);
}

function migrateConfig(input: AnalysisInput, edits: EditList, text: string, call: TSESTree.CallExpression, config: TSESTree.ObjectExpression): void {
  const dropped = migrateOptionKeys(edits, text, config, "evaluate");
  for (const { property, key } of keyedProperties(config)) {
    const value = property.value;
    if (key === "function" || key === "evaluationFunction") {
      // Pass no more arguments than a function of this file declares: TypeScript rejects the extra one.
      const declared = knownFunctionOf(input, value)?.params;
      const takes = declared && !declared.some((param) => param.type === AST_NODE_TYPES.RestElement) ? declared.length : 2;
      const passed = Math.min(takes, key === "function" ? 2 : 1);
      const callText = ["()", "(inputs)", "(inputs, groundTruth ?? {})"][passed];
      const parameters = ["()", "({ inputs })", "({ inputs, groundTruth })"][passed];
      const bare = unwrapExpression(value)?.type === AST_NODE_TYPES.Identifier;
      if (property.shorthand) {
        edits.replace(property, `function: ${parameters} => ${text.slice(value.range[0], value.range[1])}${callText}`);
        continue;
      }
      edits.replace([property.range[0], value.range[0]], `function: ${parameters} => ${bare ? "" : "("}`);
      edits.insertAfter(value, `${bare ? "" : ")"}${callText}`);
    } else if (key === "runConcurrently") {
      if (value.type === AST_NODE_TYPES.Literal && value.value === false) edits.replace(property, "maxConcurrency: 1");
      else if (value.type === AST_NODE_TYPES.Literal && value.value === true) removeProperty(edits, text, property);
      else addMarker(edits, text, call, MESSAGES_1X.runConcurrently);
    } else if (key === "query_list") {
      edits.replace(property, `dataset: ${text.slice(value.range[0], value.range[1])}.map((inputs) => ({ inputs }))`);
    } else if (key === "dataset" && value.type === AST_NODE_TYPES.ArrayExpression) {
      for (const item of value.elements) {
        if (item?.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const field of keyedProperties(item)) if (field.key === "ground_truths") renameKey(edits, field.property, "groundTruth");
      }
    }
  }
  if (dropped.length > 0) addMarker(edits, text, call, droppedKeysMessage("evaluate", dropped));
}

/** Fields of 1.x's evaluate() result that this SDK's result (`{ runId, name, results, summary }`) does not have. */
const RESULT_FIELDS_1X: ReadonlySet<string> = new Set(["sessionIds", "status", "suite", "stats", "data", "datasetId"]);

/** `const result = await evaluate(…)`: a marker at each read of a 1.x result field. */
function markResultReads(input: AnalysisInput, edits: EditList, text: string, call: TSESTree.CallExpression): void {
  const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  const declarator = awaited.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== awaited || declarator.id.type !== AST_NODE_TYPES.Identifier) return;
  for (const result of input.scopeManager.getDeclaredVariables(declarator)) {
    for (const reference of result.references) {
      const read = reference.identifier.parent;
      const field = read?.type === AST_NODE_TYPES.MemberExpression && read.object === reference.identifier ? memberName(read) : undefined;
      if (field !== undefined && RESULT_FIELDS_1X.has(field)) addMarker(edits, text, read!, MESSAGES_1X.evaluateResult(field));
    }
  }
}

/** `import { evaluate } from "honeyhive"` → `… from "honeyhive/experiments"` (a line of its own when the import has other names). */
function moveImport(edits: EditList, text: string, variable: Scope.Variable): void {
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
  const list: readonly TSESTree.Node[] =
    statement.type === AST_NODE_TYPES.ImportDeclaration ? statement.specifiers : statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations[0]?.id.type === AST_NODE_TYPES.ObjectPattern ? statement.declarations[0].id.properties : [];
  if (list.length <= 1) {
    edits.replace(source, `${quote}${EXPERIMENTS}${quote}`);
    return;
  }
  const index = list.indexOf(holder);
  if (index === -1) return;
  const holderText = text.slice(holder.range[0], holder.range[1]);
  edits.remove(index === list.length - 1 ? [list[index - 1].range[1], holder.range[1]] : [holder.range[0], list[index + 1].range[0]]);
  const semicolon = text[statement.range[1] - 1] === ";" ? ";" : "";
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const line =
    statement.type === AST_NODE_TYPES.ImportDeclaration
      ? `import { ${holderText} } from ${quote}${EXPERIMENTS}${quote}${semicolon}`
      : `${(statement as TSESTree.VariableDeclaration).kind} { ${holderText} } = require(${quote}${EXPERIMENTS}${quote})${semicolon}`;
  if (statement.type === AST_NODE_TYPES.VariableDeclaration && requireSpecifier(unwrapExpression(statement.declarations[0]?.init)) !== "honeyhive") return;
  edits.insertAfter(statement, `${newline}${line}`);
}

export const evaluate1x: CodemodTransform = { meta, collect };

