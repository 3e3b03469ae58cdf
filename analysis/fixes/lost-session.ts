// The fix of a lost session context (rule `no-lost-session-context`, transform `lost-session-context`).
//
// After an `await` in a hook: move the statement that creates the session before the statement that
// holds the hook's first `await`, when that cannot change what else the hook does: the statement is
// the call itself (or one `const x = …` of it) at the top of the hook's body, it reads nothing the
// hook declares or assigns, and no `return` or `throw` lies on the way (moving a call above one would
// create sessions for requests the hook turns away). Otherwise a review marker: the session depends
// on what the hook awaited, and the person splits it (create it first, add the rest with
// `enrichSession()` later).
//
// In route-level middleware while another route traces without a session: always a marker (register
// the middleware for every route, or give the other routes a session: a decision about the app).
//
// After an awaited `next()` (Koa, Hono): move the statement before the statement that holds that
// `await next()` on the same terms, and only when it reads none of the middleware's parameters and no
// variable written anywhere after its declaration: what the downstream middleware and the handler set
// (`ctx.status`, `c.res`) is not there yet before `next()`. Otherwise a marker.
//
// In a callback that runs later: always a marker. Calling `next()` inside the callback instead is the
// fix, but it also makes the request wait for the callback, and every path of the callback (errors
// included) must then call it: that is the person's decision.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { contains, enclosingFunction, outsideChain, type FunctionNode } from "../ast.js";
import { getAnalysisContext } from "../context.js";
import { EditList, lineStart, newlineOf } from "../edits.js";
import type { AnalysisInput } from "../input.js";
import type { LostSession } from "../lost-session.js";
import { nodesOfTypesWithin } from "../nodes.js";
import { semicolonAfter } from "../rewrite.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";
import { MARKER_MESSAGES } from "./review-markers.js";

export type LostSessionFix = { readonly fix: FindingFix; readonly marker?: undefined } | { readonly fix?: undefined; readonly marker: ReviewMarker };

const EXITS = [AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement] as const;
const IDENTIFIERS = [AST_NODE_TYPES.Identifier] as const;

export function lostSessionFix(input: AnalysisInput, found: LostSession): LostSessionFix {
  if (found.shape === "inDeferredCallback") {
    return { marker: { node: found.call, message: MARKER_MESSAGES.lostSessionInCallback(found.next, found.deferredBy) } };
  }
  if (found.shape === "inRouteMiddleware") {
    return { marker: { node: found.call, message: MARKER_MESSAGES.lostSessionInRouteMiddleware(found.otherRoute, found.object, found.sessionMiddlewareAfterRoutes) } };
  }
  // A helper may do more than create the session: moving its call is the person's decision.
  if (found.shape === "afterAwaitedNext") {
    const movable = found.helper === undefined && readsNothingDownstreamSets(input, found.call, found.handler.function);
    const fix = movable ? moveBefore(input, found, found.nextAwait) : undefined;
    return fix ? { fix } : { marker: { node: found.call, message: MARKER_MESSAGES.lostSessionAfterNext(found.next) } };
  }
  const fix = found.helper === undefined ? moveBefore(input, found, found.firstAwait) : undefined;
  return fix ? { fix } : { marker: { node: found.call, message: MARKER_MESSAGES.lostSessionAfterAwait(found.hook) } };
}

/** Moves the statement of `found.call` before the statement of the hook's body that holds `firstAwait`. */
function moveBefore(input: AnalysisInput, found: LostSession, firstAwait: TSESTree.Node): FindingFix | undefined {
  const fn = found.handler.function;
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const statement = sessionStatementOf(found.call);
  const target = body.body.find((candidate) => contains(candidate, firstAwait));
  if (!statement || statement.parent !== body || !target) return undefined;
  const from = body.body.indexOf(target);
  const to = body.body.indexOf(statement);
  if (from >= to || !startsLine(input.text, target) || !startsLine(input.text, statement)) return undefined;
  const passed = body.body.slice(from, to);
  if (passed.some((node) => nodesOfTypesWithin(input.ast, EXITS, node).some((exit) => enclosingFunction(exit) === fn))) return undefined;
  if (!readsOnlyOutside(input, statement, fn)) return undefined;
  const lines = statementLines(input.text, statement);
  if (!lines) return undefined;
  const edits = new EditList();
  // Semicolon-free code: the moved statement now precedes the target, and the one after it its old previous.
  const textOf = (node: TSESTree.Node) => input.text.slice(node.range[0], node.range[1]);
  const guard = semicolonAfter(input.text, statement, textOf(target));
  const moved = input.text.slice(lines.start, lines.end) + newlineOf(input.text);
  const at = lineStart(input.text, target.range[0]);
  // A target at column 0 starts where the moved lines go: one insertion, so the guard follows them by construction.
  if (at === target.range[0]) {
    edits.insertAt(at, moved + guard);
  } else {
    edits.insertAt(at, moved);
    if (guard) edits.insertBefore(target, guard);
  }
  edits.remove([lines.start, lines.end + lineBreakAt(input.text, lines.end).length]);
  const next = body.body[to + 1];
  const rejoined = next && semicolonAfter(input.text, body.body[to - 1]!, textOf(next));
  if (rejoined) edits.insertBefore(next, rejoined);
  return fixFromEdits(edits);
}

/**
 * The lines the statement moves with: its own, the `//` comment lines right above it and a `//`
 * comment after it on its last line (they explain it). Undefined when other code shares its lines.
 */
function statementLines(text: string, statement: TSESTree.Statement): { start: number; end: number } | undefined {
  const restOfLine = /^[^\r\n]*/.exec(text.slice(statement.range[1]))?.[0] ?? "";
  if (!/^\s*(\/\/.*)?$/.test(restOfLine)) return undefined;
  let start = lineStart(text, statement.range[0]);
  while (start > 0) {
    const above = lineStart(text, start - 1);
    if (!text.slice(above, start).trim().startsWith("//")) break;
    start = above;
  }
  return { start, end: statement.range[1] + restOfLine.length };
}

function lineBreakAt(text: string, offset: number): string {
  return /^\r?\n/.exec(text.slice(offset))?.[0] ?? "";
}

/** `tracer.createSession(…);`, `const id = tracer.createSession(…);` (also `await tracer.acreateSession(…)`). */
function sessionStatementOf(call: TSESTree.CallExpression): TSESTree.Statement | undefined {
  const inner = outsideChain(call);
  const value = inner.parent?.type === AST_NODE_TYPES.AwaitExpression ? inner.parent : inner;
  const holder = value.parent;
  if (holder?.type === AST_NODE_TYPES.ExpressionStatement) return holder;
  const declaration = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value ? holder.parent : undefined;
  return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.length === 1 ? declaration : undefined;
}

function startsLine(text: string, node: TSESTree.Node): boolean {
  return text.slice(lineStart(text, node.range[0]), node.range[0]).trim() === "";
}

/**
 * Every variable `statement` reads is declared outside `fn`'s body (a parameter counts as outside)
 * and never written inside it: the statement computes the same value earlier in the hook.
 */
function readsOnlyOutside(input: AnalysisInput, statement: TSESTree.Statement, fn: FunctionNode): boolean {
  const { bindings } = getAnalysisContext(input);
  for (const identifier of nodesOfTypesWithin(input.ast, IDENTIFIERS, statement)) {
    const variable = bindings.variableOf(identifier);
    if (!variable) continue;
    const declaredBy = variable.defs[0]?.name;
    if (declaredBy && contains(statement, declaredBy)) continue;
    if (variable.defs.some((def) => contains(fn.body, def.name))) return false;
    if (variable.references.some((reference) => reference.isWrite() && contains(fn.body, reference.identifier))) return false;
  }
  return true;
}

/**
 * The session call reads none of the middleware's parameters (the context the downstream fills in) and
 * no variable that is written after its declaration (the downstream may write it): it computes the same
 * value before `next()`.
 */
function readsNothingDownstreamSets(input: AnalysisInput, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const { bindings } = getAnalysisContext(input);
  return nodesOfTypesWithin(input.ast, IDENTIFIERS, call).every((identifier) => {
    const variable = bindings.variableOf(identifier);
    if (!variable) return true;
    if (variable.defs.some((def) => def.type === "Parameter" && contains(fn, def.name))) return false;
    return !variable.references.some((reference) => reference.isWrite() && !reference.init);
  });
}
