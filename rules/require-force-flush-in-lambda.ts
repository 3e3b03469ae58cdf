// A Lambda's runtime freezes the container as soon as the handler's promise settles: spans still
// buffered in the tracer are exported late (on a later warm invocation) or never. A tracing handler
// must therefore await `<tracer>.forceFlush()` on every path that returns.
//
// The rule follows ESLint's code paths: it marks the segments in which an awaited flush runs and
// requires every returned segment (early returns and the implicit end; not throws) to be reached only
// through marked segments. `analysis/flush.ts` answers the same question structurally for the
// codemod, with the same conventions (see there).
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { enclosingFunction, indentationAt, type FunctionNode } from "../analysis/ast.js";
import { flushHelpersOf, isAwaitedFlush, isReturnedFlush, lambdaFlushOf, type LambdaFlush } from "../analysis/flush.js";
import { getHandlerModel } from "../analysis/handlers.js";
import { nodesOfTypesWithin } from "../analysis/nodes.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { getSdkModel } from "../analysis/sdk-model.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "require-force-flush-in-lambda";

type MessageIds = "missingFlush" | "missingFlushNotAsync" | "missingFlushCallback" | "wrapInTryFinally" | "awaitFlush";

/** ESLint's code path objects (typescript-eslint types them without the `node` argument). */
type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

interface TrackedPath {
  readonly node: TSESTree.Node;
  readonly flush: LambdaFlush | undefined;
  readonly current: Set<CodePathSegment>;
  readonly flushed: Set<string>;
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require AWS Lambda handlers that trace to await `forceFlush()` before every return",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingFlush:
        "Lambda handler `{{name}}` can return without `await {{tracer}}.forceFlush()`: spans still buffered are lost when the runtime freezes the container.",
      missingFlushNotAsync:
        "Lambda handler `{{name}}` is not async, so it cannot `await {{tracer}}.forceFlush()` before it returns: make it async and await the flush, or buffered spans are lost when the runtime freezes.",
      missingFlushCallback:
        "Callback-style Lambda handler `{{name}}` never flushes: call back only after `await {{tracer}}.forceFlush()` (or make it async), or buffered spans are lost when the runtime freezes.",
      wrapInTryFinally: "Wrap the handler body in `try { … } finally { await {{tracer}}.forceFlush(); }`.",
      awaitFlush: "Await the existing `{{tracer}}.forceFlush()` call.",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // The cheap gate first: a file that uses no SDK and no local tracer module costs nothing more.
    if (!getSdkModel(input).usesSdk) return {};
    const handlers = getHandlerModel(input).lambdaHandlers;
    if (handlers.length === 0) return {};
    const flushByFunction = new Map<TSESTree.Node, LambdaFlush>();
    for (const handler of handlers) {
      const flush = lambdaFlushOf(input, handler);
      if (flush?.traces) flushByFunction.set(handler.function, flush);
    }
    if (flushByFunction.size === 0) return {};

    const isFlushHelper = flushHelpersOf(input);
    const stack: TrackedPath[] = [];
    const top = (): TrackedPath | undefined => stack[stack.length - 1];

    function report(flush: LambdaFlush, messageId: MessageIds): void {
      const tracer = flush.tracerText ?? "tracer";
      context.report({
        node: flush.handler.nameNode,
        messageId,
        data: { name: flush.handler.exportName, tracer },
        suggest: messageId === "missingFlush" ? safeSuggestionsFor(context.sourceCode, flush) : [],
      });
    }

    const listeners = {
      onCodePathStart(_codePath: CodePath, node: TSESTree.Node) {
        stack.push({ node, flush: flushByFunction.get(node), current: new Set(), flushed: new Set() });
      },
      onCodePathSegmentStart(segment: CodePathSegment) {
        top()?.current.add(segment);
      },
      onCodePathSegmentEnd(segment: CodePathSegment) {
        top()?.current.delete(segment);
      },
      onUnreachableCodePathSegmentStart(segment: CodePathSegment) {
        top()?.current.add(segment);
      },
      onUnreachableCodePathSegmentEnd(segment: CodePathSegment) {
        top()?.current.delete(segment);
      },
      // At the await's exit, an optional chain inside it (`await tracer?.forceFlush()`) has merged back.
      "AwaitExpression:exit"(node: TSESTree.AwaitExpression) {
        const path = top();
        if (!path?.flush || !isAwaitedFlush(node, isFlushHelper)) return;
        for (const segment of path.current) path.flushed.add(segment.id);
      },
      // `return tracer.forceFlush().then(() => result)`: the handler's promise settles after the flush.
      // Marked on entry: at the exit, ESLint has already moved on to the unreachable segment after `return`.
      ReturnStatement(node: TSESTree.ReturnStatement) {
        const path = top();
        if (!path?.flush || path.node !== path.flush.handler.function || !isReturnedFlush(node, isFlushHelper)) return;
        for (const segment of path.current) path.flushed.add(segment.id);
      },
      onCodePathEnd(codePath: CodePath) {
        const path = stack.pop();
        const flush = path?.flush;
        if (!path || !flush) return;
        const fn = flush.handler.function;
        if (flush.handler.callbackStyle || !fn.async) {
          // Without `await` this rule cannot follow the flush; one written anywhere is trusted (see flush.ts).
          if (!flush.flushedOnEveryPath) report(flush, flush.handler.callbackStyle ? "missingFlushCallback" : "missingFlushNotAsync");
          return;
        }
        if (!everyReturnFlushed(codePath, path.flushed)) report(flush, "missingFlush");
      },
    };
    // typescript-eslint's RuleListener has no code-path handler types (typescript-eslint#6993).
    return listeners as unknown as TSESLint.RuleListener;
  },
});

/** Greatest fixpoint: a segment is flushed when it runs a flush or all its predecessors are flushed. */
function everyReturnFlushed(codePath: CodePath, flushedSegments: ReadonlySet<string>): boolean {
  const segments: CodePathSegment[] = [];
  const seen = new Set<string>();
  const pending = [codePath.initialSegment];
  while (pending.length > 0) {
    const segment = pending.pop()!;
    if (seen.has(segment.id)) continue;
    seen.add(segment.id);
    segments.push(segment);
    pending.push(...segment.nextSegments);
  }
  const flushed = new Map(segments.map((segment) => [segment.id, true]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const segment of segments) {
      if (!flushed.get(segment.id)) continue;
      const value =
        flushedSegments.has(segment.id) ||
        (segment.prevSegments.length > 0 && segment.prevSegments.every((previous) => flushed.get(previous.id) !== false));
      if (!value) {
        flushed.set(segment.id, false);
        changed = true;
      }
    }
  }
  return codePath.returnedSegments.every((segment) => !segment.reachable || flushed.get(segment.id) !== false);
}

// ---------------------------------------------------------------------------------------------
// Suggestions (not autofixes: moving a body into try/finally changes when errors surface, a person
// should look). They write what the codemod `lambda-force-flush` writes.

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** A rule never throws into the linter: an unexpected shape loses the suggestion, not the report. */
function safeSuggestionsFor(sourceCode: Readonly<TSESLint.SourceCode>, flush: LambdaFlush): Suggestion[] {
  try {
    return suggestionsFor(sourceCode, flush);
  } catch {
    return [];
  }
}

function suggestionsFor(sourceCode: Readonly<TSESLint.SourceCode>, flush: LambdaFlush): Suggestion[] {
  const tracer = flush.tracerText;
  if (tracer === undefined) return [];
  const data = { tracer };
  if (flush.unawaitedFlushes.length > 0 && flush.flushedIfAwaited) {
    return [
      {
        messageId: "awaitFlush",
        data,
        fix: (fixer) => flush.unawaitedFlushes.map((call) => awaitFlushFix(fixer, sourceCode, call)),
      },
    ];
  }
  const edit = wrapEdit(sourceCode.ast, sourceCode.text, flush, tracer);
  if (!edit) return [];
  return [{ messageId: "wrapInTryFinally", data, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }];
}

function awaitFlushFix(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): TSESLint.RuleFix {
  const parent = call.parent;
  if (parent?.type === "UnaryExpression" && parent.operator === "void") {
    return fixer.replaceTextRange([parent.range[0], parent.argument.range[0]], "await ");
  }
  void sourceCode;
  return fixer.insertTextBefore(call, "await ");
}

function newlineOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** `return call()` in a try/finally must await, or the finally flushes before the promise settles. */
function needsAwait(node: TSESTree.Node | null): boolean {
  return node?.type === "CallExpression" || node?.type === "NewExpression";
}

function wrapEdit(ast: TSESTree.Program, text: string, flush: LambdaFlush, tracer: string): { range: [number, number]; text: string } | undefined {
  const fn = flush.handler.function;
  const nl = newlineOf(text);
  const baseIndent = indentationAt(text, fn.body.range[0]);
  if (fn.body.type !== "BlockStatement") {
    const body = fn.body;
    const unit = "  ";
    const arrowEnd = text.lastIndexOf("=>", body.range[0]) + 2;
    const inner = indentationAt(text, fn.range[0]) + unit;
    const expression = text.slice(body.range[0], body.range[1]);
    const returned = `${needsAwait(body) ? "await " : ""}${expression}`;
    return {
      range: [arrowEnd, fn.range[1]],
      text: ` {${nl}${inner}try {${nl}${inner}${unit}return ${returned};${nl}${inner}} finally {${nl}${inner}${unit}await ${tracer}.forceFlush();${nl}${inner}}${nl}${indentationAt(text, fn.range[0])}}`,
    };
  }
  const statements = fn.body.body.slice(flush.statementsBeforeTry);
  const first = statements[0];
  // Already a try/finally whose finally does not await the flush: fixing that finally is the person's call.
  if (!first || (statements.length === 1 && first.type === "TryStatement" && first.finalizer)) return undefined;
  const closeBrace = fn.body.range[1] - 1;
  const regionStart = lineStartOf(text, first.range[0]);
  const regionEnd = lineStartOf(text, closeBrace);
  if (text.slice(regionStart, first.range[0]).trim() !== "" || text.slice(regionEnd, closeBrace).trim() !== "") return undefined;
  const indent = indentationAt(text, first.range[0]);
  const unit = indent.startsWith(baseIndent) && indent.length > baseIndent.length ? indent.slice(baseIndent.length) : "  ";
  const awaitAt = new Set(ownReturnArguments(ast, fn).filter(needsAwait).map((argument) => argument.range[0]));
  const removed = flush.unawaitedFlushes.map((call) => call.parent).filter((statement) => statement?.type === "ExpressionStatement");
  const templates = templateRanges(ast, fn);
  let output = "";
  for (let offset = regionStart; offset < regionEnd; ) {
    const lineEnd = text.indexOf("\n", offset);
    const next = lineEnd === -1 || lineEnd + 1 > regionEnd ? regionEnd : lineEnd + 1;
    const line = text.slice(offset, next);
    const dropped = removed.some((statement) => statement && lineStartOf(text, statement.range[0]) === offset && text.slice(statement.range[1], next).trim() === "");
    if (!dropped) {
      let rewritten = "";
      let cursor = offset;
      for (const position of [...awaitAt].filter((at) => at >= offset && at < next).sort((a, b) => a - b)) {
        rewritten += `${text.slice(cursor, position)}await `;
        cursor = position;
      }
      rewritten += text.slice(cursor, next);
      const inTemplate = templates.some(([start, end]) => offset > start && offset < end);
      output += line.trim() === "" || inTemplate ? rewritten : unit + rewritten;
    }
    offset = next;
  }
  const text2 = `${indent}try {${nl}${output}${indent}} finally {${nl}${indent}${unit}await ${tracer}.forceFlush();${nl}${indent}}${nl}`;
  return { range: [regionStart, regionEnd], text: text2 };
}

const RETURN_STATEMENTS = [AST_NODE_TYPES.ReturnStatement] as const;
const TEMPLATE_LITERALS = [AST_NODE_TYPES.TemplateLiteral] as const;

/** What `fn`'s own `return` statements return (not those of functions nested in it). */
function ownReturnArguments(ast: TSESTree.Program, fn: FunctionNode): TSESTree.Expression[] {
  const found: TSESTree.Expression[] = [];
  for (const statement of nodesOfTypesWithin(ast, RETURN_STATEMENTS, fn.body)) {
    if (statement.argument && enclosingFunction(statement) === fn) found.push(statement.argument);
  }
  return found;
}

/** Every template literal in `fn`'s body, nested functions included: their lines keep their indentation. */
function templateRanges(ast: TSESTree.Program, fn: FunctionNode): Array<[number, number]> {
  return nodesOfTypesWithin(ast, TEMPLATE_LITERALS, fn.body).map((node) => [node.range[0], node.range[1]]);
}
