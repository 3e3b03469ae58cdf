// 1.x → this SDK: creating the tracer. 1.x `HoneyHiveTracer.init()` was async (it started the session
// before resolving); here it is synchronous, so `await HoneyHiveTracer.init(…)` loses its `await` and
// the surrounding code stays valid as it is (an async function that awaited it may stay async, a lazy
// getter keeps returning a promise its callers await). `new HoneyHiveTracer(…)` and 1.x's
// `initFromSessionId(…)` become `init(…)`; option keys follow the 1.x data (renamed, or dropped with a marker).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName } from "../../../analysis/ast.js";
import { staticCalls } from "../../../analysis/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { droppedKeysMessage, migrateOptionKeys, objectArgument } from "./shared.js";

export const meta = transformMeta("1x-init");

const INIT_METHODS: ReadonlySet<string> = new Set(["init", "initFromSessionId"]);

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return;
  const creations: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  for (const { call, callee, name } of staticCalls(input, INIT_METHODS)) {
    if (name === "initFromSessionId") edits.replace(callee.property, "init");
    const awaited = call.parent;
    if (awaited?.type === AST_NODE_TYPES.AwaitExpression && awaited.argument === call) edits.remove([awaited.range[0], call.range[0]]);
    // `.then()` on what is now a tracer, not a promise: keep the callback's timing and types.
    const member = call.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === call && ["then", "catch", "finally"].includes(memberName(member) ?? "")) {
      edits.insertBefore(call, "Promise.resolve(");
      edits.insertAfter(call, ")");
    }
    creations.push(call);
  }
  for (const created of nodesOfType(input.ast, AST_NODE_TYPES.NewExpression)) {
    if (sdk.sdkExportOf(created.callee) !== "HoneyHiveTracer") continue;
    const calleeText = text.slice(created.callee.range[0], created.callee.range[1]);
    const hasArguments = text.slice(created.callee.range[1], created.range[1]).trim().startsWith("(");
    edits.replace([created.range[0], created.callee.range[1]], `${calleeText}.init${hasArguments ? "" : "()"}`);
    creations.push(created);
  }
  for (const creation of creations) {
    const options = objectArgument(creation);
    if (!options) continue;
    const dropped = migrateOptionKeys(edits, text, options, "HoneyHiveTracer.init");
    if (dropped.length > 0) addMarker(edits, text, creation, droppedKeysMessage("HoneyHiveTracer.init", dropped));
  }
}

export const init1x: CodemodTransform = { meta, collect };

