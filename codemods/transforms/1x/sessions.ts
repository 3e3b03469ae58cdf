// 1.x → this SDK: `tracer.startSession()`. On an initialized 1.x tracer it returned the tracer's
// existing session id without calling the API (init always set one), so per-request code never got a
// session per request. Inside a request or serverless handler the code evidently meant one, and this
// SDK's request-scoped `createSession()` gives it (what the seeds recommend); elsewhere the call
// becomes what 1.x returned, `tracer.sessionId`. Assigning `tracer.sessionId` (1.x ≥ 1.0.20) is
// not possible here: a marker.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { findVariable, memberName, unwrapExpression } from "../../../analysis/ast.js";
import type { EditList } from "../../../analysis/edits.js";
import { deploymentOf, projectDependsOn } from "../../../analysis/deployment.js";
import { getHandlerModel } from "../../../analysis/handlers.js";
import { FRAMEWORKS } from "../../../analysis/knowledge/index.js";
import { tracerMethodCalls, uses1xSdk } from "../../../analysis/honeyhive-1x.js";
import { SESSION_STARTING_MEMBERS_1X, WRAPPER_MEMBERS_1X } from "../../../analysis/knowledge/sdks/honeyhive-1x.js";
import { nodesOfType } from "../../../analysis/nodes.js";
import { semicolonBefore } from "../../../analysis/rewrite.js";
import { getSdkModel } from "../../../analysis/sdk-model.js";
import { addMarker } from "../../engine/markers.js";
import type { CodemodTransform, TransformContext } from "../../engine/transform-api.js";
import { transformMeta } from "../meta.js";
import { MESSAGES_1X } from "./messages.js";
import { memberNameSpan, receiverNamedLikeTracer, receiverNamesSdk, receiverOfAnotherLibrary, renameMember } from "./shared.js";

export const meta = transformMeta("1x-sessions");

/** A call of a 1.x session-starting member in the text: the cheap test before the walk of a file without the SDK. */
const SESSION_START_CALL = new RegExp(`\\.(?:${[...SESSION_STARTING_MEMBERS_1X].join("|")})\\s*\\(`);

function collect({ file, edits }: TransformContext): void {
  const { input, text } = file;
  const sdk = getSdkModel(input);
  if (!uses1xSdk(input)) {
    // As 1x-trace-wrappers does in such a file: a startSession() on a receiver named like a tracer that the
    // model does not follow (a `globalThis` slot typed by another module's `declare global`) gets the
    // unresolved marker, not a silent TS2339 (blind-1x-3 D6).
    // A receiver that names the SDK itself (`request.server.honeyhive`) needs no wrapper beside it.
    if (SESSION_START_CALL.test(text)) markUnresolvedReceivers(input, edits, text, new Set(), (callee) => alsoCalledWithWrapper(input, callee.object) || receiverNamesSdk(text, callee));
    return;
  }
  const onTracers = tracerMethodCalls(input, SESSION_STARTING_MEMBERS_1X);
  markUnresolvedReceivers(input, edits, text, new Set(onTracers.map(({ call }) => call)));
  for (const { call, callee } of onTracers) {
    const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : undefined;
    // The `await` goes in both forms: createSession() and sessionId are not promises here.
    // `await (tracer as T).startSession()` in semicolon-free code: the statement now starts with `(`.
    if (awaited) edits.replace([awaited.range[0], call.range[0]], semicolonBefore(text, awaited, text.slice(call.range[0], call.range[1])));
    // `tracer.startSession().then(cb)`: 1.x returned a promise, createSession() and sessionId are a
    // string here (`.then` on it throws at run time), so the new value is wrapped as the promise it was.
    if (isPromiseChained(call)) {
      edits.insertBefore(call, "Promise.resolve(");
      edits.insertAfter(call, ")");
      // `tracer\n  .startSession()\n  .then(cb)`: the wrapped call on one line, `Promise.resolve(tracer.createSession())\n  .then(cb)`.
      const gap = callee.computed ? "" : text.slice(callee.object.range[1], callee.property.range[0]);
      const dot = /^\s*\n\s*(\??\.)$/.exec(gap);
      if (dot) edits.remove([callee.object.range[1], callee.property.range[0] - dot[1]!.length]);
    }
    // The handler model only for a file that calls startSession(): most 1.x files do not.
    if (getHandlerModel(input).enclosingHandler(call)) {
      renameMember(edits, text, callee, "createSession");
    } else {
      const { range, prefix } = memberNameSpan(text, callee);
      edits.replace([range[0], call.range[1]], `${prefix}sessionId`);
      // `await tracer.startSession();` as a statement: 1.x did nothing there, and `tracer.sessionId;` alone
      // says nothing of the session per job or loop turn the code evidently meant.
      if ((awaited ?? call).parent?.type === AST_NODE_TYPES.ExpressionStatement) addMarker(edits, text, call, MESSAGES_1X.sessionStartDiscarded);
      else if (mayRunPerRequest(input, call, callee.object)) addMarker(edits, text, call, MESSAGES_1X.sessionStartInExportedFunction);
    }
  }
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const target: TSESTree.Node = assignment.left;
    if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === "sessionId" && sdk.tracerOf(target.object)) {
      addMarker(edits, text, assignment, MESSAGES_1X.sessionIdAssigned);
    }
  }
}

/**
 * `tracer.startSession()` in an exported function on a tracer the function did not create (a module's
 * tracer, a getter's, an imported one), in a project that serves requests: another module may call it per request (a Next.js route
 * running `streamReply()` from lib/), which no handler of this file shows. 1.x returned the tracer's
 * one session there too, so `tracer.sessionId` keeps what the code did; whether it meant a session per
 * request needs a person (the rule no-session-start-in-handler follows such a call from the handler's
 * side, analysis/project-modules.ts `sessionHelper`; this file cannot see its importers).
 */
function mayRunPerRequest(input: TransformContext["file"]["input"], call: TSESTree.CallExpression, receiver: TSESTree.Node): boolean {
  let outermost: TSESTree.Node | undefined;
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) if (isFunctionNode(node)) outermost = node;
  if (!outermost || !isExported(outermost) || !servesRequests(input.filename)) return false;
  // A tracer the function itself creates (`const t = await HoneyHiveTracer.init(…)` in it) is one per call.
  const tracer = getSdkModel(input).tracerOf(receiver);
  const inside = (node: TSESTree.Node) => node.range[0] >= outermost.range[0] && node.range[1] <= outermost.range[1];
  return !(tracer && tracer.initializations.length > 0 && tracer.initializations.every(inside));
}

/** `call.then(…)`, `call.catch(…)`, `call.finally(…)` (also through `?.`): the call's value used as a promise. */
export function isPromiseChained(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call && ["then", "catch", "finally"].includes(memberName(parent) ?? "");
}

let serverPackages: readonly string[] | undefined;

/**
 * The project can run request handlers: its package.json names a framework of the knowledge
 * descriptors (`next`, `express`, `@azure/functions`…) or a deployment file says serverless. A batch
 * script's exported `main()` is not marked.
 */
function servesRequests(filename: string): boolean {
  serverPackages ??= FRAMEWORKS.flatMap((descriptor) => descriptor.modules).filter((name) => !name.includes("*") && !name.includes(":") && !name.startsWith("#"));
  const signals = deploymentOf(filename);
  return projectDependsOn(filename, serverPackages) || signals.vercel || signals.netlify || signals.openNext || signals.wrangler || signals.gcpFunctions || signals.nitro || signals.azureFunctions;
}

function isFunctionNode(node: TSESTree.Node): node is TSESTree.FunctionLike {
  return node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/**
 * `export function f`, `export const f = () => …`, `export default function`, or a name listed in `export
 * { f }` (CommonJS exports are not read); also a method (or a function-valued property) of a class or
 * object literal exported so (`export class Agent { async reply() {…} }`, `export default { reply() {…} }`,
 * `export const api = { reply: async () => … }`): its callers run it as they would a function.
 */
function isExported(fn: TSESTree.Node): boolean {
  let node: TSESTree.Node | undefined = fn.parent;
  if (node?.type === AST_NODE_TYPES.MethodDefinition || node?.type === AST_NODE_TYPES.PropertyDefinition) {
    const owner = node.parent.parent;
    return (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) && isExported(owner);
  }
  if (node?.type === AST_NODE_TYPES.Property && node.value === fn && node.parent.type === AST_NODE_TYPES.ObjectExpression) return isExported(node.parent);
  if (node?.type === AST_NODE_TYPES.TSAsExpression || node?.type === AST_NODE_TYPES.TSSatisfiesExpression) return isExported(node);
  if (node?.type === AST_NODE_TYPES.VariableDeclarator) node = node.parent?.parent;
  if (node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.ClassDeclaration
      ? fn.id?.name
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier
        ? fn.parent.id.name
        : undefined;
  if (!name) return false;
  const program = fn.parent && rootOf(fn);
  return !!program && program.body.some((statement) => statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source && statement.specifiers.some((specifier) => specifier.local.type === AST_NODE_TYPES.Identifier && specifier.local.name === name));
}

function rootOf(node: TSESTree.Node): TSESTree.Program | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current;
}

/**
 * `tracer.startSession()` on a receiver the model cannot tell is a tracer (`c.get("tracer")` of a Hono
 * context, a parameter typed elsewhere): a marker rather than 1.x code left silently. Only a receiver
 * named like a tracer: `startSession` is also MongoDB's and other clients' method.
 */
function markUnresolvedReceivers(
  input: TransformContext["file"]["input"],
  edits: EditList,
  text: string,
  resolved: ReadonlySet<TSESTree.CallExpression>,
  also: (callee: TSESTree.MemberExpression) => boolean = () => true,
): void {
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || resolved.has(call) || !SESSION_STARTING_MEMBERS_1X.has(memberName(callee) ?? "") || !also(callee)) continue;
    if (receiverNamedLikeTracer(text, callee) && !receiverOfAnotherLibrary(input, callee)) addMarker(edits, text, call, MESSAGES_1X.unresolvedSessionStart);
  }
}

/**
 * In a file without the SDK: `receiver` is a variable (or a member path off one, `ctx.tracer`) also called with a 1.x-only wrapper (`tracer.traceChain(…)`),
 * which 1x-trace-wrappers marks; a `startSession()` alone is as likely MongoDB's or another tracer's.
 */
function alsoCalledWithWrapper(input: TransformContext["file"]["input"], receiver: TSESTree.Node): boolean {
  // `ctx.tracer` of a tRPC procedure's `{ ctx }` (blind-1x-10 12): the same member path off the same variable.
  const path: string[] = [];
  let root = receiver;
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed && !root.optional && root.property.type === AST_NODE_TYPES.Identifier) {
    path.unshift(root.property.name);
    root = root.object;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(input.scopeManager, root, root.name);
  return (variable?.references ?? []).some(({ identifier }) => {
    let node: TSESTree.Node = identifier;
    for (const name of path) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || parent.computed || memberName(parent) !== name) return false;
      node = parent;
    }
    const member = node.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === node && WRAPPER_MEMBERS_1X.has(memberName(member) ?? "");
  });
}

export const sessions1x: CodemodTransform = { meta, collect };

