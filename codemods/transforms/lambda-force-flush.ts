// Every return path of a tracing AWS Lambda handler awaits the flush, so spans leave before the runtime
// freezes the container. The analysis core decides which handlers trace and which already flush on
// every path (analysis/flush.ts, the same must-analysis the rule `require-force-flush-in-lambda`
// agrees with); this transform only writes the fix:
// - a flush that is not awaited, when awaiting it is enough (the core's `flushedIfAwaited`) → `await …`;
// - otherwise the body goes into `try { … } finally { await tracer.forceFlush(); }` (an expression-
//   bodied arrow becomes a block with `return …;` in the try), and `return call()` inside it becomes
//   `return await call()`: without the await the finally would flush before the promise settles;
// - a non-async or callback-style handler gets a review marker: the right rewrite depends on code a
//   transform cannot see (who calls back, what the returned promise does).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { enclosingFunction, indentationAt, skipTrivia, type FunctionNode } from "../../analysis/ast.js";
import { lambdaFlushOf, type LambdaFlush } from "../../analysis/flush.js";
import { getHandlerModel, type LambdaHandler } from "../../analysis/handlers.js";
import { applyEdits, EditList, indentUnit, lineStart, newlineOf } from "../../analysis/edits.js";
import { runAsJscodeshift, type JscodeshiftFileInfo, type JscodeshiftOptions } from "../engine/engine.js";
import { addMarker } from "../engine/markers.js";
import { MARKER_MESSAGES } from "../../analysis/fixes/review-markers.js";
import { indentedText, indentLines, removeStatement } from "../../analysis/rewrite.js";
import type { CodemodTransform, TransformContext } from "../engine/transform-api.js";
import { nodesOfType } from "../../analysis/nodes.js";
import { transformMeta } from "./meta.js";

export const meta = transformMeta("lambda-force-flush");

function collect(context: TransformContext): void {
  const { file } = context;
  // The core lists each function once, even when it is exported under several handler names.
  for (const handler of getHandlerModel(file.input).lambdaHandlers) {
    const flush = lambdaFlushOf(file.input, handler);
    if (!flush || !flush.traces || flush.flushedOnEveryPath) continue;
    fixHandler(context, handler, flush);
  }
}

function fixHandler(context: TransformContext, handler: LambdaHandler, flush: LambdaFlush): void {
  const { file, edits } = context;
  const fn = handler.function;
  const tracerText = flush.tracerText;
  if (handler.callbackStyle || !fn.async) {
    addMarker(edits, file.text, fn, MARKER_MESSAGES.lambdaNotAsync(tracerText ?? "tracer"));
    return;
  }
  if (tracerText === undefined) {
    addMarker(edits, file.text, fn, MARKER_MESSAGES.lambdaNoTracer);
    return;
  }
  if (flush.unawaitedFlushes.length > 0 && flush.flushedIfAwaited) {
    for (const call of flush.unawaitedFlushes) edits.insertBefore(call, "await ");
    return;
  }
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    wrapBlockBody(context, fn, fn.body, flush);
  } else {
    wrapExpressionBody(context, fn as TSESTree.ArrowFunctionExpression, fn.body, tracerText);
  }
}

/** The returns of `fn` itself (not of functions nested in it). */
function ownReturns(ast: TSESTree.Program, fn: FunctionNode): TSESTree.ReturnStatement[] {
  return nodesOfType(ast, AST_NODE_TYPES.ReturnStatement).filter((statement) => enclosingFunction(statement) === fn);
}

/** `return call()` in a try/finally must await, or the finally runs before the promise settles. */
function needsAwait(argument: TSESTree.Expression | null): argument is TSESTree.CallExpression | TSESTree.NewExpression {
  return argument?.type === AST_NODE_TYPES.CallExpression || argument?.type === AST_NODE_TYPES.NewExpression;
}

function wrapBlockBody(context: TransformContext, fn: FunctionNode, body: TSESTree.BlockStatement, flush: LambdaFlush): void {
  const { file, edits } = context;
  const text = file.text;
  const nl = newlineOf(text);
  const unit = indentUnit(text);
  // Statements that obtain the tracer the finally flushes stay before the try, so it can see them.
  const keep = body.body.slice(0, flush.statementsBeforeTry);
  const wrapped = body.body.slice(flush.statementsBeforeTry);
  if (wrapped.length === 0) {
    addMarker(edits, text, fn, MARKER_MESSAGES.lambdaWrapByHand(flush.tracerText ?? "tracer"));
    return;
  }
  const closeBrace = body.range[1] - 1;
  const closeOnOwnLine = text.slice(lineStart(text, closeBrace), closeBrace).trim() === "";
  const firstOnOwnLine = text.slice(lineStart(text, wrapped[0].range[0]), wrapped[0].range[0]).trim() === "";
  if (!closeOnOwnLine || !firstOnOwnLine) {
    if (keep.length > 0) {
      addMarker(edits, text, fn, MARKER_MESSAGES.lambdaWrapByHand(flush.tracerText ?? "tracer"));
      return;
    }
    // A compact body (`{ return work(event); }`): rebuild it as a block around the same code.
    const returnAwaits = ownReturns(file.ast, fn)
      .filter((statement) => needsAwait(statement.argument))
      .map((statement) => ({ start: statement.argument!.range[0] - body.range[0], end: statement.argument!.range[0] - body.range[0], text: "await " }));
    const inner = applyEdits(text.slice(body.range[0], body.range[1]), returnAwaits).slice(1, -1).trim();
    edits.replace(body, tryFinallyBlock(text, indentationAt(text, fn.range[0]), inner, flush.tracerText!));
    return;
  }
  const indent = indentationAt(text, wrapped[0].range[0]);
  let regionStart = keep.length > 0 ? nextLineStart(text, keep.at(-1)!.range[1]) : nextLineStart(text, body.range[0]);
  // A blank line between the kept statements and the rest stays before the try.
  while (regionStart < closeBrace && text.slice(regionStart, nextLineStart(text, regionStart)).trim() === "") {
    regionStart = nextLineStart(text, regionStart);
  }
  const regionEnd = lineStart(text, closeBrace);
  edits.insertAt(regionStart, `${indent}try {${nl}`);
  indentLines(edits, body, text, regionStart, regionEnd, unit);
  edits.insertAt(regionEnd, `${indent}} finally {${nl}${indent}${unit}await ${flush.tracerText}.forceFlush();${nl}${indent}}${nl}`);
  for (const statement of ownReturns(file.ast, fn)) {
    if (needsAwait(statement.argument)) edits.insertBefore(statement.argument, "await ");
  }
  // The finally flushes now; a fire-and-forget flush statement would only flush twice.
  for (const call of flush.unawaitedFlushes) {
    const statement = call.parent;
    if (statement?.type === AST_NODE_TYPES.ExpressionStatement) removeFlushStatement(edits, text, statement);
  }
}

function removeFlushStatement(edits: EditList, text: string, statement: TSESTree.ExpressionStatement): void {
  // Removing lines that indentLines indented: drop the indentation insertion at that line too.
  const start = lineStart(text, statement.range[0]);
  const index = edits.edits.findIndex((edit) => edit.start === start && edit.end === start && edit.text.trim() === "");
  if (index !== -1) edits.edits.splice(index, 1);
  removeStatement(edits, text, statement);
}

function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

function wrapExpressionBody(
  context: TransformContext,
  fn: TSESTree.ArrowFunctionExpression,
  body: TSESTree.Expression,
  tracerText: string,
): void {
  const { file, edits } = context;
  const text = file.text;
  const unit = indentUnit(text);
  const arrow = arrowOffset(text, fn);
  if (arrow === undefined) return;
  const indent = indentationAt(text, fn.range[0]);
  // Continuation lines keep their place relative to the body's first line, now at `indent` + 2 steps.
  const target = indent + unit + unit;
  const base = indentationAt(text, body.range[0]);
  const shift = target.startsWith(base) ? target.slice(base.length) : unit + unit;
  const bodyText = indentedText(body, text, body.range[0], body.range[1], shift);
  const returned = `return ${needsAwait(body) ? "await " : ""}${bodyText};`;
  edits.replace([arrow + 2, fn.range[1]], ` ${tryFinallyBlock(text, indent, returned, tracerText)}`);
}

/**
 * The offset of the `=>` of an arrow function, from the text (no tokens needed). It follows the
 * last of the type parameters, parameters and return type, each of which may hold an `=>` of its
 * own (`(f: () => void): Promise<(a: number) => void> => …`); after them up to the body there are
 * only `)`, a trailing `,`, whitespace and comments, and a comment may mention `=>` too.
 */
function arrowOffset(text: string, fn: TSESTree.ArrowFunctionExpression): number | undefined {
  let offset = Math.max(fn.range[0], ...[fn.typeParameters, ...fn.params, fn.returnType].map((node) => node?.range[1] ?? 0));
  while (offset < fn.body.range[0]) {
    offset = skipTrivia(text, offset);
    if (text.startsWith("=>", offset)) return offset;
    offset += 1;
  }
  return undefined;
}

/** `{ try { <code> } finally { await <tracer>.forceFlush(); } }`, one statement per line, at `indent`. */
function tryFinallyBlock(text: string, indent: string, code: string, tracerText: string): string {
  const nl = newlineOf(text);
  const unit = indentUnit(text);
  const inner = indent + unit;
  return `{${nl}${inner}try {${nl}${inner}${unit}${code}${nl}${inner}} finally {${nl}${inner}${unit}await ${tracerText}.forceFlush();${nl}${inner}}${nl}${indent}}`;
}

export const lambdaForceFlush: CodemodTransform = { meta, collect };

export default function transform(file: JscodeshiftFileInfo, _api?: unknown, options?: JscodeshiftOptions): string {
  return runAsJscodeshift(meta.id, file, options);
}
