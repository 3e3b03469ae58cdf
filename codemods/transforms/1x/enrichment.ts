// 1.x → this SDK: enrichment. The tracer's `enrichSpan/enrichSession` keep their shape; 1.x's static
// `HoneyHiveTracer.enrichSpan()` becomes the SDK's free `enrichSpan()`, which the 2.x transform
// `explicit-tracer` (run after this set) turns into the reachable tracer's method, as the lint rule's
// fix does. The pre-1.0.7 setters become `enrichSession({ feedback | metrics | metadata })`, and
// `tracer.getTracer()` (an OpenTelemetry tracer for integrations) the tracer provider's. Fields with
// no counterpart (`eventName` of enrichSpan, `userProperties` of enrichSession) stay, with a marker.
import type { TSESTree } from "@typescript-eslint/types";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { memberName, staticName, unwrapExpression } from "../../../analysis/ast.js";
import { keyedProperties, namesTracerType, option1x, sdkFunctionCalls, staticCalls, tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { ASYNC_EXPORTS_1X, ASYNC_MEMBERS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { isUnusedAfter } from "../../../analysis/rewrite.js";
import { SdkImports } from "../../../analysis/sdk-imports.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { isPromiseChained } from "./sessions.js";
import { objectArgument, renameMember } from "./shared.js";

export const meta = transformMeta("1x-enrichment");

const SETTER_FIELD: Readonly<Record<string, string>> = { setFeedback: "feedback", setMetric: "metrics", setMetadata: "metadata" };
const ENRICH: ReadonlySet<string> = new Set(["enrichSpan", "enrichSession"]);

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  if (!uses1xSdk(input)) return;
  const enrichCalls: { call: TSESTree.CallExpression; name: string }[] = [];

  const onTracers = tracerMethodCalls(input, new Set([...Object.keys(SETTER_FIELD), "getTracer", ...ENRICH]));
  markSettersOfTypedProperties(input, edits, text, new Set(onTracers.map(({ call }) => call)));
  for (const { call, callee, name } of onTracers) {
    if (ASYNC_MEMBERS_1X.has(name)) wrapPromiseChained(edits, call);
    if (ENRICH.has(name)) {
      enrichCalls.push({ call, name });
    } else if (name === "getTracer") {
      renameMember(edits, text, callee, "provider.getTracer");
      if (call.arguments.length === 0) edits.insertAt(call.range[1] - 1, '"honeyhive"');
    } else if (call.arguments.length === 1) {
      renameMember(edits, text, callee, "enrichSession");
      edits.insertBefore(call.arguments[0], `{ ${SETTER_FIELD[name]}: `);
      edits.insertAfter(call.arguments[0], " }");
    }
  }

  const imports = new SdkImports(file);
  const rewritten: TSESTree.Range[] = [];
  for (const { call, callee } of staticCalls(input, new Set(["enrichSpan"]))) {
    const free = imports.useAt("enrichSpan", call);
    if (free === undefined) continue;
    const withoutSdk = imports.packageWithoutSdk("enrichSpan");
    if (withoutSdk !== undefined) addMarker(edits, text, call, MESSAGES_1X.sdkNotADependency(withoutSdk, "enrichSpan"));
    edits.replace(callee, free);
    rewritten.push(callee.range);
    enrichCalls.push({ call, name: "enrichSpan" });
  }
  const classRoot = staticCalls(input, new Set(["enrichSpan"]))[0]?.callee.object;
  const classIdentifier = unwrapExpression(classRoot);
  const classVariable = classIdentifier?.type === AST_NODE_TYPES.Identifier ? sdk.variableOf(classIdentifier) : undefined;
  if (classVariable && isUnusedAfter(classVariable, rewritten)) imports.remove(classVariable);
  imports.finish(edits);

  const freeCalls = sdkFunctionCalls(input, ENRICH);
  for (const { call, name } of freeCalls) if (ASYNC_EXPORTS_1X.has(name)) wrapPromiseChained(edits, call);
  enrichCalls.push(...freeCalls);
  for (const { call, name } of enrichCalls) {
    const fields = objectArgument(call);
    if (!fields) continue;
    const unmapped = keyedProperties(fields).filter(({ key }) => option1x(name, key)?.migration.decision === "marker");
    // At the first such key (a multi-line call's key may stand lines below the call, where tsc reports it).
    if (unmapped.length > 0) addMarker(edits, text, unmapped[0]!.property, MESSAGES_1X.enrichmentField(name, unmapped.map(({ key }) => key), unmapped.map(({ key }) => option1x(name, key)!.migration).map(({ marker, why }) => marker ?? why)));
  }
}

/**
 * `tracer.enrichSession(f).then(cb)`: 1.x's enrichment returned a promise, this SDK's returns nothing
 * (`.then` on it throws at run time, TS2339), so the call is wrapped as the promise it was,
 * `Promise.resolve(tracer.enrichSession(f)).then(cb)`: cb still runs after it, as sessions.ts does for
 * `startSession().then()`.
 */
function wrapPromiseChained(edits: TransformContext["edits"], call: TSESTree.CallExpression): void {
  if (!isPromiseChained(call)) return;
  edits.insertBefore(call, "Promise.resolve(");
  edits.insertAfter(call, ")");
}

/**
 * `req.hh?.setFeedback(…)` where the file declares a property `hh` typed as the tracer (an Express
 * `Request` augmented with `hh?: HoneyHiveTracer`, an interface of a context): the model does not follow
 * a declaration-merged type to the receiver, so the 1.x setter gets a marker rather than staying silently.
 */
function markSettersOfTypedProperties(input: TransformContext["file"]["input"], edits: TransformContext["edits"], text: string, resolved: ReadonlySet<TSESTree.CallExpression>): void {
  if (!/\.set(?:Feedback|Metric|Metadata)\(/.test(text)) return;
  const tracerProperties = new Set<string>();
  for (const signature of nodesOfType(input.ast, AST_NODE_TYPES.TSPropertySignature)) {
    const name = staticName(signature.key, signature.computed);
    if (name !== undefined && namesTracerType(input, signature.typeAnnotation?.typeAnnotation)) tracerProperties.add(name);
  }
  if (tracerProperties.size === 0) return;
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (resolved.has(call) || name === undefined || !(name in SETTER_FIELD) || callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
    const receiver = unwrapExpression(callee.object);
    const held = receiver?.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : undefined;
    if (held !== undefined && tracerProperties.has(held)) addMarker(edits, text, call, MESSAGES_1X.unresolvedSetter(name, SETTER_FIELD[name]!));
  }
}

export const enrichment1x: CodemodTransform = { meta, collect };

