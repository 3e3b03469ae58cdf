// The fix of a tracing serverless handler that can return before its spans are flushed (rule
// `require-force-flush-in-lambda`, transform `lambda-force-flush`). `analysis/flush.ts` decides which
// handlers need one; this module writes it, in the form the handler's platform recommends:
// - a flush that is not awaited, when awaiting it is enough → `await …` (`void tracer.forceFlush()` →
//   `await tracer.forceFlush()`, dropping a comment that calls it fire-and-forget, now false);
// - a platform that runs callbacks after the response (`after()` of `next/server`) → one
//   `after(() => tracer.forceFlush());` at the top of the handler (it also runs when the handler throws);
// - otherwise the body goes into `try { … } finally { <flush> }`, where `<flush>` is
//   `await tracer.forceFlush();`, or the platform's background hook (`waitUntil(tracer.forceFlush());`,
//   `ctx.waitUntil(…)`) that keeps the instance alive without delaying the response. A body that is
//   already one `try` gets the flush in its `finally` (added after a `catch` when it has none) instead
//   of a second `try` around it, and flush statements the `finally` makes redundant go, so every path
//   flushes once. Statements before a `try` whose `finally` already flushes move into it (or, when it has
//   a `catch`, each of their returns gets the flush first), so no second `try` wraps the first.
//   `return call()` inside the try becomes `return await call()`: without the await the
//   finally would flush before the promise settles (not `new Response(…)`/`Response.json(…)`, never a promise). An expression-bodied arrow becomes a block.
// - an HTTP handler that answers through a response object on a platform that stops the work once the
//   response is sent (the platform's `responseCall`: Google Cloud Functions' `res.json(…)`) → an awaited
//   flush before each statement that sends it (a `finally` would run after the response), after the work
//   the send's argument awaits (`const result = await answer(); await tracer.forceFlush(); res.json(result);`); a review
//   marker where a send is not a statement of the handler the flush can precede, or `res` leaves the
//   handler (`helper(req, res)`, `stream.pipe(res)`), so the sends cannot all be seen;
// - `await tracer.shutdown()` on a tracer the invocation did not make (`shutdownFix`): its flush,
//   `await tracer.forceFlush()` (a shut-down tracer records nothing on the warm instance's next invocation);
// - a handler that returns a stream whose callbacks trace after it returned (analysis/flush.ts `streamWork`,
//   the table in knowledge/streams.ts) → `after(() => tracer.forceFlush())` where the platform has it (it runs
//   once the response, stream included, is finished); elsewhere an awaited flush where the stream's work ends
//   (`flushAtStreamEnd`: before a ReadableStream's `controller.close()`, last in a TransformStream's `flush()`, a
//   Hono stream callback or the AI SDK's `onFinish` without telemetry), else a review marker asking for it there:
//   a `finally` or `waitUntil(…)` of the handler runs before the stream;
// - a non-async or callback-style handler gets a review marker: the right rewrite depends on code no
//   fix can see (who calls back, what the returned promise does).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { enclosingFunction, findVariable, indentationAt, memberName, skipTrivia, staticName, type FunctionNode } from "../ast.js";
import { getAnalysisContext, sourceModule } from "../context.js";
import { applyEdits, EditList, indentUnit, lineStart, newlineOf, nextLineStart, rangeContains } from "../edits.js";
import { flushCallText, flushTestOf, isTryFinallyFlush, sendAwaitsWork, sendsFromCallback, type FlushTest, type LambdaFlush } from "../flush.js";
import { bareRequireOf, otelSetupOf, preloadedModulesOf, sharedOtelObjectOf } from "../flush-calls.js";
import type { OtelPipelineFact } from "../export-facts.js";
import type { BackgroundTest } from "../background-work.js";
import type { BackgroundWork } from "../knowledge/types.js";
import type { AnalysisInput } from "../input.js";
import { PREFERRED_FLUSH } from "../knowledge/sdks/honeyhive.js";
import { SETTLED_CONSTRUCTORS, SETTLED_CONTEXT_CALLS, SETTLED_STATIC_CALLS } from "../knowledge/settled-values.js";
import { opentelemetryProfile } from "../knowledge/sdks/opentelemetry.js";
import { getSdkModel } from "../sdk-model.js";
import { workHandingCalls } from "../handlers.js";
import { isStreamEnd, streamTasksOf } from "../stream-work.js";
import { declaredDependencyVersion } from "../sdk-version.js";
import { deploymentOf } from "../deployment.js";
import { nodesOfType, nodesOfTypesWithin } from "../nodes.js";
import { importedModule } from "../project-modules.js";
import { appendListElement, beforeGuard, continuesPrevious, dedentLines, freeName, guardLineStart, indentedText, indentLines, removeStatement, semicolonInPlaceOf, statementEnd } from "../rewrite.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";
import { MARKER_MESSAGES, type UnflushablePipeline } from "./review-markers.js";

/** Which fix was written (the rule's suggestion message names it). */
export type FlushFixKind = "awaitFlush" | "wrapInTryFinally" | "waitUntilFlush" | "afterFlush" | "flushBeforeResponse" | "flushAtStreamEnd";

export type FlushFix =
  /** `flush`: the call written (`tracer.forceFlush()`, `tracer.flush()`, `provider.forceFlush()`), for the suggestion's message. */
  | { readonly kind: FlushFixKind; readonly fix: FindingFix; readonly flush: string; readonly marker?: undefined }
  | { readonly kind?: undefined; readonly fix?: undefined; readonly marker: ReviewMarker };

/** The fix of a handler that does not flush on every path (`flushedOnEveryPath` false). */
export function flushFix(input: AnalysisInput, flush: LambdaFlush): FlushFix {
  const { handler, flushText } = flush;
  const fn = handler.function;
  const edits = new EditList();
  if (flush.streamWork === "unflushed" && flushText !== undefined && !handler.callbackStyle) {
    // The handler returns a stream that traces after it returned: only a flush after the response (`after()`)
    // covers it from here; a `finally` or `waitUntil(…)` of the handler would run before the stream. Where the
    // stream's own callback must flush instead, a person places it (before the stream closes).
    const writer = new FlushWriter(input, flush, flushText, edits);
    const form = writer.form();
    const kind = form?.kind === "after" ? writer.after(form) : flushAtStreamEnd(input, flush, flushText, edits) ? "flushAtStreamEnd" : undefined;
    if (kind === undefined) return { marker: { node: fn, message: MARKER_MESSAGES.lambdaFlushAfterStream(flushText) } };
    return { kind, fix: fixFromEdits(edits), flush: flushText };
  }
  if (handler.workHandedTo) return chainedFlushFix(input, flush, edits);
  if (handler.callbackStyle || !fn.async) return { marker: { node: fn, message: notAsyncMessage(input, flush) } };
  if (flush.unawaitedFlushes.length > 0 && flush.flushedIfAwaited) {
    // The handler's own flush calls, whatever their receiver: awaiting them is the whole fix.
    for (const call of flush.unawaitedFlushes) awaitFlush(edits, input.text, call);
    return { kind: "awaitFlush", fix: fixFromEdits(edits), flush: input.text.slice(...flush.unawaitedFlushes[0].range) };
  }
  if (flushText === undefined) {
    const pipeline = flush.profile === "opentelemetry" ? unflushablePipeline(input) : undefined;
    return { marker: { node: fn, message: MARKER_MESSAGES.lambdaNoTracer(flush.profile, pipeline) } };
  }
  const writer = new FlushWriter(input, flush, flushText, edits);
  const sends = flush.responseSends;
  if (sends !== undefined) {
    if (sends === "unseen" || !writer.beforeResponses(sends)) return { marker: { node: fn, message: MARKER_MESSAGES.lambdaFlushBeforeResponse(flushText) } };
    return { kind: "flushBeforeResponse", fix: fixFromEdits(edits), flush: flushText };
  }
  const form = writer.form();
  if (!form) return { marker: { node: fn, message: MARKER_MESSAGES.lambdaFlushAfterResponse(flushText, afterHookName(flush)) } };
  const kind = form.kind === "after" ? writer.after(form) : writer.tryFinally(form);
  if (kind === undefined) return { marker: { node: fn, message: MARKER_MESSAGES.lambdaWrapByHand(flushText) } };
  // The provider of the project module the handler's tracer comes from (analysis/flush-calls.ts `importedOtelUseIn`).
  if (flush.flushImport) addNamedImport(edits, input, flush.flushImport);
  return { kind, fix: fixFromEdits(edits), flush: flushText };
}

/**
 * A listener that hands its one piece of work to the event (`FrameworkDescriptor.workHandedTo`): the flush chained
 * onto that work through the event's `waitUntil`, so that it runs once the work's spans have ended and the platform
 * waits for it: `event.respondWith(handle(event.request).finally(() => event.waitUntil(tracer.forceFlush())))`. A
 * call of an async function of the file is a promise as it is; anything else is made one (`Promise.resolve(…)`).
 */
function chainedFlushFix(input: AnalysisInput, flush: LambdaFlush, edits: EditList): FlushFix {
  const { handler, flushText } = flush;
  const fn = handler.function;
  if (flushText === undefined) return { marker: { node: fn, message: MARKER_MESSAGES.lambdaNoTracer(flush.profile, flush.profile === "opentelemetry" ? unflushablePipeline(input) : undefined) } };
  const form = new FlushWriter(input, flush, flushText, edits).form();
  const calls = workHandingCalls(input, fn, handler.workHandedTo!);
  const work = calls.length === 1 && calls[0].arguments.length === 1 ? calls[0].arguments[0] : undefined;
  if (form?.kind !== "waitUntil" || work === undefined || work.type === "SpreadElement") return { marker: { node: fn, message: MARKER_MESSAGES.lambdaWrapByHand(flushText) } };
  const text = input.text.slice(...work.range);
  const { bindings } = getAnalysisContext(input);
  const called = work.type === "CallExpression" ? bindings.functionsOf(work.callee) : [];
  const promise = called.length > 0 && called.every((candidate) => candidate.async) ? text : `Promise.resolve(${text})`;
  edits.replace(work, `${promise}.finally(() => ${form.call}(${flushText}))`);
  return { kind: "waitUntilFlush", fix: fixFromEdits(edits), flush: flushText };
}

/** The platform's hooks for work after the handler returns (`PlatformDescriptor.backgroundWork`), as a list. */
function backgroundWorksOf(flush: LambdaFlush): readonly BackgroundWork[] {
  const declared = flush.handler.platform.backgroundWork;
  return declared === undefined ? [] : "kind" in declared ? [declared] : declared;
}

/** The name of the platform's hook run after the response that a fix writes (`after`), for a marker asking for it. */
function afterHookName(flush: LambdaFlush): string | undefined {
  for (const work of backgroundWorksOf(flush)) if (work.kind === "import" && work.takes === "callback" && work.written !== false) return work.name;
  return undefined;
}

/**
 * The handler's stream work ends in one place the fix can await the flush at (knowledge/streams.ts `StreamEnd`): every
 * task is a callback of one stream source, and the end callback is async with a block body and no `return` of its
 * own: before the `controller.close();` that ends a ReadableStream's `start()`, or last in a TransformStream's
 * `flush()`, a Hono stream callback (`streamSSE(c, async (stream) => { … })`) or the AI SDK's `onFinish`. The response
 * ends after that flush, which also covers what the handler traced before it returned. False for any other shape, and
 * where the library traces by itself (its spans end after its callbacks) or a traced scope left running writes the
 * stream (no end of the stream's to wait at): a review marker then.
 */
function flushAtStreamEnd(input: AnalysisInput, flush: LambdaFlush, flushText: string, edits: EditList): boolean {
  const spans = flush.isSpanStart;
  const found = spans && streamTasksOf(input, flush.handler.function, spans);
  if (!found || found.libraryTraces || found.spanScopes.length > 0) return false;
  const origin = found.tasks.length > 0 ? found.origins.get(found.tasks[0]) : undefined;
  const end = origin?.source.end;
  if (!origin || !end || !found.tasks.every((task) => found.origins.get(task)?.made === origin.made)) return false;
  const task = found.tasks.find((candidate) => isStreamEnd(found.origins.get(candidate)));
  if (!task?.async || task.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  if (nodesOfType(input.ast, AST_NODE_TYPES.ReturnStatement).some((statement) => enclosingFunction(statement) === task)) return false;
  const last = task.body.body.at(-1);
  if (!last) return false;
  const newline = newlineOf(input.text);
  const indentation = indentationAt(input.text, last.range[0]);
  if (end.before === undefined) {
    const semicolon = statementEnd(input.text, input.ast);
    edits.insertAfter(last, `${newline}${indentation}await ${flushText}${semicolon}`);
    return true;
  }
  const closer = task.params[0];
  const close = last.type === AST_NODE_TYPES.ExpressionStatement ? last.expression : undefined;
  const closesStream =
    close?.type === AST_NODE_TYPES.CallExpression &&
    close.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(close.callee) === end.before &&
    closer?.type === AST_NODE_TYPES.Identifier &&
    close.callee.object.type === AST_NODE_TYPES.Identifier &&
    close.callee.object.name === closer.name;
  if (!closesStream) return false;
  const semicolon = continuesPrevious(input.text.slice(last.range[0], last.range[1])) ? ";" : statementEnd(input.text, input.ast);
  edits.insertBefore(last, `await ${flushText}${semicolon}${newline}${indentation}`);
  return true;
}

/**
 * What a non-async or callback-style handler's marker asks, as the rule's message for it does: await the
 * flush before the handler returns, or, where the response ends the invocation, before each send (in the
 * callback that sends it, when the handler hands the response to one).
 */
function notAsyncMessage(input: AnalysisInput, flush: LambdaFlush): string {
  const text = flushCallText(flush);
  if (flush.handler.callbackStyle || flush.responseSends === undefined) return MARKER_MESSAGES.lambdaNotAsync(text);
  return sendsFromCallback(input.ast, flush) ? MARKER_MESSAGES.lambdaNotAsyncSendingCallback(text) : MARKER_MESSAGES.lambdaNotAsyncBeforeSend(text);
}

/**
 * The fix of a shutdown that outlives the invocation: the flush written in its place, or a marker where
 * the object has no flush. `pipeline`: the object is OpenTelemetry's (a provider, processor or NodeSDK), not a HoneyHive tracer.
 */
export type ShutdownFix =
  | { readonly fix: FindingFix; readonly flush: string; readonly pipeline: boolean; readonly marker?: undefined }
  | { readonly fix?: undefined; readonly flush: string; readonly pipeline: true; readonly marker: ReviewMarker };

/** The method an OpenTelemetry pipeline object flushes with (knowledge/sdks/opentelemetry.ts). */
const OTEL_FLUSH_MEMBER = opentelemetryProfile.flushCalls.find((call) => call.receiver.kind === "instance" && call.effect === "flush")!.method;

/**
 * `await tracer.shutdown()` on a tracer that outlives the invocation (flush.ts `sharedShutdownsOf`) →
 * `await tracer.forceFlush()`: the same export before the handler returns, and the tracer keeps
 * recording on the instance's next invocation. Only the method's name changes (`tracer["shutdown"]()`
 * keeps its quotes; `shutdown()` takes no argument, `forceFlush()` none required). The same for an
 * OpenTelemetry provider or span processor made once (`provider.shutdown()` → `provider.forceFlush()`);
 * NodeSDK has no flush of its own: a review marker asks for its provider's or processor's (named when the
 * file keeps one at module level).
 */
export function shutdownFix(input: AnalysisInput, call: TSESTree.CallExpression): ShutdownFix | undefined {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = callee.property;
  const method = input.text.slice(...property.range);
  const receiver = input.text.slice(...callee.object.range);
  // A HoneyHive tracer first (the receiver the SDK model knows); else the OpenTelemetry object `sharedShutdownsOf` found.
  const otel = getSdkModel(input).tracerOf(callee.object) ? undefined : sharedOtelObjectOf(input, callee.object, call);
  if (otel && !otel.forceFlush) {
    // The provider or span processor the file keeps at module level (otelSetupOf's flushTarget), else the general name.
    const held = otelSetupOf(input)?.flushTarget?.variable?.name;
    const flush = `${held ?? "provider"}.${OTEL_FLUSH_MEMBER}()`;
    return { flush, pipeline: true, marker: { node: call, message: MARKER_MESSAGES.sharedPipelineShutdown(receiver, flush) } };
  }
  const member = otel ? OTEL_FLUSH_MEMBER : PREFERRED_FLUSH.member;
  const edits = new EditList();
  edits.replace(property, method.replace(/shutdown/, member));
  return { fix: fixFromEdits(edits), flush: otel ? `${receiver}.${member}()` : PREFERRED_FLUSH.text(receiver), pipeline: otel !== undefined };
}

/**
 * The OpenTelemetry pipeline of a handler no flush could be written for: the file's own (lambdaFlushOf
 * looks there first), else the first project module the file imports that makes one, else the first one the
 * Lambda configuration preloads (`NODE_OPTIONS: --require ./otel.js`), named by its path from the file.
 */
export function unflushablePipeline(input: AnalysisInput): UnflushablePipeline | undefined {
  const own = otelSetupOf(input);
  if (own) return { parts: own.parts.map((part) => part.component.export.name) };
  const named = (module: string, pipeline: OtelPipelineFact): UnflushablePipeline => ({ parts: pipeline.parts, module, ...(pipeline.flushExport !== undefined && { flushExport: pipeline.flushExport }) });
  for (const specifier of getAnalysisContext(input).importedModules) {
    const pipeline = importedModule(input, specifier)?.facts.otelPipeline;
    if (pipeline) return named(specifier, pipeline);
  }
  const preloaded = preloadedModulesOf(input).find((module) => module.facts.otelPipeline);
  return preloaded && named(preloaded.specifier, preloaded.facts.otelPipeline!);
}

/** A comment that calls a flush fire-and-forget: false once the flush is awaited. */
const FIRE_AND_FORGET = /fire[- ]and[- ]forget|(?:don'?t|do not|no need to|without) (?:a)?wait/i;

/** `tracer.forceFlush();` → `await tracer.forceFlush();`, `void tracer.forceFlush();` → `await tracer.forceFlush();`. */
function awaitFlush(edits: EditList, text: string, call: TSESTree.CallExpression): void {
  let outer: TSESTree.Node = call.parent?.type === "ChainExpression" ? call.parent : call;
  const voided = outer.parent?.type === "UnaryExpression" && outer.parent.operator === "void" ? outer.parent : undefined;
  if (!voided) {
    edits.insertBefore(call, "await ");
    return;
  }
  edits.replace([voided.range[0], outer.range[0]], "await ");
  outer = voided;
  const statement = outer.parent;
  if (statement?.type !== "ExpressionStatement") return;
  // The comment that explained the `void` (same line, or the line above on its own).
  const restOfLine = /^[^\S\r\n]*(\/\/[^\r\n]*)/.exec(text.slice(statement.range[1]));
  if (restOfLine && FIRE_AND_FORGET.test(restOfLine[1])) {
    edits.remove([statement.range[1], statement.range[1] + restOfLine[0].length]);
    return;
  }
  const start = lineStart(text, statement.range[0]);
  const previousStart = lineStart(text, start - 1);
  const previous = text.slice(previousStart, start);
  if (start > 0 && /^[^\S\r\n]*\/\/[^\r\n]*\r?\n$/.test(previous) && FIRE_AND_FORGET.test(previous)) edits.remove([previousStart, start]);
}

/** A `try` whose `finally` flushes after the response, and what of it goes (see `finallyFlushesAfterResponse`). */
interface FinallyFlush {
  readonly statement: TSESTree.TryStatement;
  readonly flushes: readonly TSESTree.ExpressionStatement[];
  readonly drop: "flushes" | "finally" | "try";
}

type FlushForm =
  | { readonly kind: "await" }
  | { readonly kind: "waitUntil"; readonly call: string; readonly binding?: ImportBinding; readonly addKey?: AddedKey }
  | { readonly kind: "after"; readonly call: string; readonly binding?: ImportBinding };

/** A key the fix adds to the handler's destructured parameter (`({ request })` → `({ request, locals })`), so the path it writes is bound. */
interface AddedKey {
  readonly pattern: TSESTree.ObjectPattern;
  readonly key: string;
}

/** An import the fix adds: `name` from `module`. */
interface ImportBinding {
  readonly module: string;
  readonly name: string;
}

class FlushWriter {
  private readonly text: string;
  private readonly nl: string;
  private readonly unit: string;
  private readonly fn: FunctionNode;
  /** How the file ends a statement on its own line: `""` in code written without semicolons (rewrite.ts `statementEnd`). */
  private readonly end: ";" | "";

  constructor(
    private readonly input: AnalysisInput,
    private readonly flush: LambdaFlush,
    /** The flush call to write, without `await`: `tracer.forceFlush()`, `tracer.flush()`. */
    private readonly flushCall: string,
    private readonly edits: EditList,
  ) {
    this.text = input.text;
    this.nl = newlineOf(this.text);
    this.unit = indentUnit(this.text);
    this.fn = flush.handler.function;
    this.end = statementEnd(this.text, input.ast);
  }

  /**
   * The form the platform recommends, as far as it can be written here (else an awaited flush). A handler whose
   * entry kind flushes after the response (`FlushShape` "after") takes only that form: undefined where it cannot be written.
   */
  form(): FlushForm | undefined {
    const afterOnly = this.flush.handler.flushShape === "after";
    for (const work of backgroundWorksOf(this.flush)) {
      const form = this.formOf(work);
      if (form && (!afterOnly || form.kind === "after")) return form;
    }
    return afterOnly ? undefined : { kind: "await" };
  }

  /** The form `work` takes in this handler, or undefined where it cannot be written. */
  private formOf(work: BackgroundWork): FlushForm | undefined {
    if (work.kind === "global-method") {
      // Only where the global's types are loaded and no local binding takes its name (the descriptor's `typesFrom`).
      const { importedModules } = getAnalysisContext(this.input);
      if (!work.typesFrom?.some((module) => importedModules.has(module)) || importedName(this.input, work.global, work.global) === null) return undefined;
      return { kind: "waitUntil", call: `${work.global}.${work.method}` };
    }
    if (work.kind === "parameter-method") {
      if (work.written === false) return undefined;
      if (work.exportNames && !work.exportNames.includes(this.flush.handler.exportName)) return undefined;
      if (work.frameworks && !work.frameworks.includes(this.flush.handler.framework ?? "")) return undefined;
      if (work.since && isOlderThan(declaredDependencyVersion(this.input.filename, work.since.package), work.since.version)) return undefined;
      if (work.until && !isOlderThan(declaredDependencyVersion(this.input.filename, work.until.package), work.until.version)) return undefined;
      const holder = parameterPath(this.input, this.fn, work.parameterIndex, work.property);
      return holder === undefined ? undefined : { kind: "waitUntil", call: `${holder.path}.${work.method}`, ...(holder.addKey && { addKey: holder.addKey }) };
    }
    if (work.kind === "this-method") {
      // Only a method of a class has the instance's `this` (an object literal's method has the object's).
      const member = this.fn.parent;
      const isClassMember = (member?.type === "MethodDefinition" || member?.type === "PropertyDefinition") && !member.static && member.value === this.fn;
      if (!isClassMember || (member.type === "PropertyDefinition" && this.fn.type !== "ArrowFunctionExpression")) return undefined;
      return { kind: "waitUntil", call: `this.${work.property}.${work.method}` };
    }
    if (work.written === false) return undefined;
    if (work.since && isOlderThan(declaredDependencyVersion(this.input.filename, work.since.package), work.since.version)) return undefined;
    const local = importedName(this.input, work.module, work.name);
    if (local === null) return undefined; // the name is taken by something else
    if (local === undefined && work.installed && !this.mayImport(work.module)) return undefined;
    const binding = local === undefined ? { module: work.module, name: work.name } : undefined;
    const call = local ?? work.name;
    return work.takes === "callback" ? { kind: "after", call, binding } : { kind: "waitUntil", call, binding };
  }

  /** Whether the file may import `module`: it imports it already, or the nearest package.json declares it, or there is none. */
  private mayImport(module: string): boolean {
    const { root, dependencies } = deploymentOf(this.input.filename);
    return root === undefined || dependencies.has(module) || getAnalysisContext(this.input).importedModules.has(module);
  }

  /**
   * `await <flush>;` before each statement that sends the response; a send that is the whole body of an
   * `if`/`else` or loop becomes a block with the flush. A send whose argument awaits work
   * (`res.json(await answer())`) gets it computed first (`const result = await answer();`), so the flush
   * follows that work. False when a send is not such a statement or its argument cannot move.
   */
  beforeResponses(sends: readonly TSESTree.CallExpression[]): boolean {
    const { text, edits } = this;
    const flushLine = `await ${this.flushCall}`;
    const isFlush = flushTestOf(this.input);
    const statements = new Map<TSESTree.Statement, TSESTree.CallExpression[]>();
    for (const send of sends) {
      const statement = sendStatementOf(send);
      if (!statement) return false;
      statements.set(statement, [...(statements.get(statement) ?? []), send]);
    }
    // The names each block's hoisted send arguments took (two sends of one block need two names).
    const namesByBlock = new Map<TSESTree.Node | undefined, Set<string>>();
    const finallies = this.finallyFlushesAfterResponse(isFlush);
    // Lines of a `try` that is unwrapped move out by one step; so does a flush written among them.
    const outdent = (node: TSESTree.Node): string => {
      const indent = indentationAt(text, node.range[0]);
      const depth = finallies.filter((entry) => entry.drop === "try" && rangeContains(entry.statement.block, node)).length;
      return depth > 0 && indent.endsWith(this.unit.repeat(depth)) ? indent.slice(0, indent.length - this.unit.length * depth) : indent;
    };
    let inserted = false;
    for (const [statement, statementSends] of statements) {
      const parent = statement.parent;
      const afterWork = statementSends.filter((send) => sendAwaitsWork(send, isFlush, this.flush.isBackgroundWork));
      let hoisted: { readonly argument: TSESTree.Node; readonly name: string } | undefined;
      if (afterWork.length > 0) {
        // `res.json(await answer())`: the flush must follow that work, so its result goes into a const first.
        // (Not in a `case`: a const there is a lexical declaration of the whole switch, which lints flag.)
        const argument = afterWork.length === 1 && parent?.type !== "SwitchCase" ? hoistableArgument(afterWork[0], isFlush, this.flush.isBackgroundWork) : undefined;
        const taken = namesByBlock.get(parent) ?? new Set<string>();
        const name = argument && freeName(this.input, RESULT_NAMES, statement, taken);
        if (!argument || !name) return false;
        taken.add(name);
        namesByBlock.set(parent, taken);
        hoisted = { argument, name };
        edits.replace(argument, name);
      }
      if (parent?.type === "BlockStatement" || parent?.type === "SwitchCase") {
        const siblings: readonly TSESTree.Node[] = parent.type === "BlockStatement" ? parent.body : parent.consequent;
        const previous = siblings[siblings.indexOf(statement) - 1];
        const flushedBefore = previous?.type === "ExpressionStatement" && previous.expression.type === "AwaitExpression" && flushCallOf(previous, isFlush);
        // Already flushed right before this send; a flush before work the send awaits moves after it.
        if (flushedBefore && !hoisted) continue;
        if (flushedBefore && text.slice(...flushedBefore.range) === this.flushCall) this.removeStatementLine(previous);
      }
      if (!this.flushBefore(statement, flushLine, hoisted && { ...hoisted, value: text.slice(...hoisted.argument.range) }, outdent(statement))) return false;
      inserted = true;
    }
    if (!inserted) return false;
    // The fire-and-forget flush after the response would only flush again, too late.
    for (const call of this.flush.unawaitedFlushes) this.removeFlushStatementOf(call);
    for (const entry of finallies) this.dropFinallyFlushes(entry);
    return true;
  }

  /**
   * `<flushLine>` right before `statement` (in a block or a `case`, at `indent`), or `{ <flushLine> <statement> }`
   * where the statement is the unbraced body of an `if`/`else` or loop. `hoisted`: a part of the statement
   * that must run before the flush goes first into `const <name> = <value>;` (the caller replaces it by
   * the name). False where neither fits.
   */
  private flushBefore(statement: TSESTree.Statement, flushLine: string, hoisted: { readonly name: string; readonly value: string } | undefined, indent: string): boolean {
    const parent = statement.parent;
    // On lines of their own the file's style ends them, except before a statement that would continue the flush line
    // (unless a guard stands before it: `;(res as any).json(x)`, where the lines go before the guard).
    const at = beforeGuard(this.text, statement);
    const end = at === statement.range[0] && continuesPrevious(this.text.slice(statement.range[0], statement.range[1])) ? ";" : this.end;
    const before = (separator: string, ending: string): string => `${hoisted ? `const ${hoisted.name} = ${hoisted.value}${ending}${separator}` : ""}${flushLine}${ending}${separator}`;
    if (parent?.type === "BlockStatement" || parent?.type === "SwitchCase") {
      this.edits.insertAt(at, before(`${this.nl}${indent}`, end));
    } else if (parent && isBodyPosition(parent, statement)) {
      this.edits.insertBefore(statement, `{ ${before(" ", ";")}`);
      this.edits.insertAfter(statement, " }");
    } else {
      return false;
    }
    return true;
  }

  /**
   * The handler's `try … finally { await <flush>; }` statements: with a flush before each send, the
   * one in the `finally` runs after the response and only flushes again. It goes; so does a `finally`
   * left empty (after a `catch`), or the whole `try` when it has no `catch` (its statements stay,
   * one step out).
   */
  private finallyFlushesAfterResponse(isFlush: FlushTest): FinallyFlush[] {
    const found: FinallyFlush[] = [];
    for (const statement of nodesOfType(this.input.ast, AST_NODE_TYPES.TryStatement)) {
      const finalizer = statement.finalizer;
      if (!finalizer || enclosingFunction(statement) !== this.fn) continue;
      const flushes = finalizer.body.filter(
        (child): child is TSESTree.ExpressionStatement =>
          child.type === "ExpressionStatement" && child.expression.type === "AwaitExpression" && this.text.slice(...(flushCallOf(child, isFlush)?.range ?? [0, 0])) === this.flushCall,
      );
      if (flushes.length === 0) continue;
      const emptied = flushes.length === finalizer.body.length && !hasComments(this.text, finalizer, flushes);
      const drop = !emptied ? "flushes" : statement.handler !== null ? "finally" : this.ownsLines(statement) ? "try" : "flushes";
      found.push({ statement, flushes, drop });
    }
    return found;
  }

  private dropFinallyFlushes({ statement, flushes, drop }: FinallyFlush): void {
    const { text, edits } = this;
    if (drop === "flushes") {
      for (const flush of flushes) this.removeStatementLine(flush);
    } else if (drop === "finally") {
      edits.remove([statement.handler!.range[1], statement.range[1]]);
    } else {
      const block = statement.block;
      edits.remove([lineStart(text, statement.range[0]), nextLineStart(text, block.range[0])]);
      this.guardUnwrapped(statement);
      const closeLine = lineStart(text, block.range[1] - 1);
      dedentLines(edits, block, text, nextLineStart(text, block.range[0]), closeLine, this.unit);
      edits.remove([closeLine, nextLineStart(text, statement.range[1] - 1)]);
    }
  }

  /**
   * The `try {` line of `statement` removed, its block's first statement follows the statement before the
   * `try`: in semicolon-free code, one starting with `(`, `[` or a template gets standard style's `;`.
   */
  private guardUnwrapped(statement: TSESTree.TryStatement): void {
    const first = statement.block.body[0];
    if (first && semicolonInPlaceOf(this.text, statement, this.text.slice(first.range[0], first.range[1])) !== "") this.edits.insertBefore(first, ";");
  }

  /** `try {` opens its own line and `} finally { … }` closes it: lines can go whole. */
  private ownsLines(statement: TSESTree.TryStatement): boolean {
    const { text } = this;
    const block = statement.block;
    const alone = (from: number, to: number) => text.slice(from, to).trim() === "";
    return (
      alone(lineStart(text, statement.range[0]), statement.range[0]) &&
      alone(block.range[0] + 1, nextLineStart(text, block.range[0])) &&
      alone(lineStart(text, block.range[1] - 1), block.range[1] - 1) &&
      alone(statement.range[1], nextLineStart(text, statement.range[1] - 1))
    );
  }

  /** The statement the finally runs. */
  private flushStatement(form: FlushForm): string {
    return form.kind === "await" ? `await ${this.flushCall}${this.end}` : `${form.call}(${this.flushCall})${this.end}`;
  }

  /** `after(() => tracer.forceFlush());` first in the handler (after the statements that set up the tracer). */
  after(form: Extract<FlushForm, { kind: "after" }>): FlushFixKind | undefined {
    const { fn, text, nl, unit, edits } = this;
    const call = `${form.call}(() => ${this.flushCall})`;
    if (fn.body.type !== "BlockStatement") {
      const statement = `${call}${this.end}`;
      const arrow = arrowOffset(text, fn as TSESTree.ArrowFunctionExpression);
      if (arrow === undefined) return undefined;
      const indent = indentationAt(text, fn.range[0]);
      const body = fn.body;
      const bodyText = indentedText(body, text, body.range[0], body.range[1], shiftTo(text, body, indent + unit));
      const comments = leadingComments(text, arrow + 2, body.range[0]).map((comment) => `${comment}${nl}${indent}${unit}`);
      edits.replace([arrow + 2, fn.range[1]], ` {${nl}${indent}${unit}${statement}${nl}${indent}${unit}${comments.join("")}return ${bodyText}${this.end}${nl}${indent}}`);
    } else {
      const setup = fn.body.body.slice(0, this.flush.statementsBeforeTry);
      const first = fn.body.body[this.flush.statementsBeforeTry];
      const anchor = setup.at(-1);
      const statement = `${call}${first && continuesPrevious(text.slice(first.range[0], first.range[1])) ? ";" : this.end}`;
      const guard = anchor && guardLineStart(text, anchor);
      if (anchor && guard !== undefined) {
        // `const tracer = getTracer()\n;(x).y()`: the `;` ending the anchor guards the statement after it, so it stays there.
        edits.insertAt(guard, `${indentationAt(text, anchor.range[0])}${call}${this.end}${nl}`);
      } else if (anchor) {
        edits.insertAfter(anchor, `${nl}${indentationAt(text, anchor.range[0])}${statement}`);
      } else if (first) {
        edits.insertBefore(first, `${statement}${nl}${indentationAt(text, first.range[0])}`);
      } else {
        edits.insertAt(fn.body.range[0] + 1, ` ${statement} `);
      }
      // The callback flushes now; a fire-and-forget flush statement would only flush twice.
      for (const call of this.flush.unawaitedFlushes) this.removeFlushStatementOf(call);
    }
    if (form.binding) addNamedImport(edits, this.input, form.binding);
    return "afterFlush";
  }

  tryFinally(form: FlushForm): FlushFixKind | undefined {
    const written = this.fn.body.type === "BlockStatement" ? this.wrapBlock(this.fn.body, form) : this.wrapExpression(this.fn.body, form);
    if (!written) return undefined;
    if (form.kind !== "await" && form.binding) addNamedImport(this.edits, this.input, form.binding);
    if (form.kind === "waitUntil" && form.addKey) addDestructuredKey(this.edits, this.text, form.addKey);
    return form.kind === "await" ? "wrapInTryFinally" : "waitUntilFlush";
  }

  private wrapBlock(body: TSESTree.BlockStatement, form: FlushForm): boolean {
    const { text, nl, unit, edits } = this;
    const setup = body.body.slice(0, this.flush.statementsBeforeTry);
    const wrapped = body.body.slice(this.flush.statementsBeforeTry);
    if (wrapped.length === 0) return false;
    if (wrapped.length === 1 && wrapped[0].type === "TryStatement") return this.extendTry(wrapped[0], form);
    const last = wrapped.at(-1);
    // `const tracer = getTracer(); if (!event.body) return …; try { … } finally { await tracer.forceFlush(); }`:
    // the early exits before the flushing try are what is missing, not a second try around it.
    if (last?.type === "TryStatement" && isTryFinallyFlush(last, flushTestOf(this.input), this.flush.isBackgroundWork)) return this.joinTry(body, wrapped.slice(0, -1), last);
    const closeBrace = body.range[1] - 1;
    const closeOnOwnLine = text.slice(lineStart(text, closeBrace), closeBrace).trim() === "";
    const firstOnOwnLine = text.slice(lineStart(text, wrapped[0].range[0]), beforeGuard(text, wrapped[0])).trim() === "";
    if (!closeOnOwnLine || !firstOnOwnLine) {
      if (setup.length > 0) return false;
      // A compact body (`{ return work(event); }`): rebuild it as a block around the same code.
      const returnAwaits = this.ownReturnsNeedingAwait(body).map((argument) => ({
        start: argument.range[0] - body.range[0],
        end: argument.range[0] - body.range[0],
        text: "await ",
      }));
      const inner = applyEdits(text.slice(body.range[0], body.range[1]), returnAwaits).slice(1, -1).trim();
      edits.replace(body, this.tryFinallyBlock(indentationAt(text, this.fn.range[0]), inner, form));
      return true;
    }
    const indent = indentationAt(text, wrapped[0].range[0]);
    // A guard ending the last setup statement (`guardLineStart`) starts the wrapped region's first line.
    let regionStart = setup.length > 0 ? (guardLineStart(text, setup.at(-1)!) ?? nextLineStart(text, setup.at(-1)!.range[1])) : nextLineStart(text, body.range[0]);
    // A blank line between the kept statements and the rest stays before the try.
    while (regionStart < closeBrace && text.slice(regionStart, nextLineStart(text, regionStart)).trim() === "") {
      regionStart = nextLineStart(text, regionStart);
    }
    const regionEnd = lineStart(text, closeBrace);
    edits.insertAt(regionStart, `${indent}try {${nl}`);
    indentLines(edits, body, text, regionStart, regionEnd, unit);
    edits.insertAt(regionEnd, `${indent}} finally {${nl}${indent}${unit}${this.flushStatement(form)}${nl}${indent}}${nl}`);
    for (const argument of this.ownReturnsNeedingAwait(body)) edits.insertBefore(argument, "await ");
    this.removeRedundantFlushes(body);
    return true;
  }

  /**
   * Statements before a `try` whose `finally` already flushes, after the set-up: without a `catch` they
   * move into that `try` (one try/finally); with one (which would then catch their errors too), or when
   * the `finally` uses a name they declare, each of their returns gets the flush before it instead.
   */
  private joinTry(body: TSESTree.BlockStatement, leading: readonly TSESTree.Statement[], statement: TSESTree.TryStatement): boolean {
    const { text, nl, unit, edits } = this;
    const tryLine = lineStart(text, statement.range[0]);
    const tryOnOwnLine = text.slice(tryLine, statement.block.range[0] + 1).trim() === "try {" && text.slice(statement.block.range[0] + 1, nextLineStart(text, statement.block.range[0])).trim() === "";
    const firstOnOwnLine = text.slice(lineStart(text, leading[0].range[0]), leading[0].range[0]).trim() === "";
    if (!statement.handler && tryOnOwnLine && firstOnOwnLine && !this.usedOutside(leading, [...leading, statement.block])) {
      const indent = indentationAt(text, statement.range[0]);
      const regionStart = lineStart(text, leading[0].range[0]);
      edits.insertAt(regionStart, `${indent}try {${nl}`);
      indentLines(edits, body, text, regionStart, tryLine, unit);
      edits.remove([tryLine, nextLineStart(text, statement.block.range[0])]);
      this.guardUnwrapped(statement);
      for (const argument of this.ownReturnsNeedingAwait(...leading)) edits.insertBefore(argument, "await ");
      for (const node of leading) this.removeRedundantFlushes(node);
      return true;
    }
    const flushLine = `await ${this.flushCall}`;
    const returns = nodesOfType(this.input.ast, AST_NODE_TYPES.ReturnStatement).filter(
      (node) => enclosingFunction(node) === this.fn && leading.some((statement) => rangeContains(statement, node)),
    );
    const taken = new Set<string>();
    const isFlush = flushTestOf(this.input);
    for (const exit of returns) {
      const siblings: readonly TSESTree.Node[] = exit.parent?.type === "BlockStatement" ? exit.parent.body : [];
      const previous = siblings[siblings.indexOf(exit) - 1];
      if (previous?.type === "ExpressionStatement" && previous.expression.type === "AwaitExpression" && flushCallOf(previous, isFlush) && (exit.argument === null || !this.runsWork(exit.argument))) continue;
      // `return work(event)`: the work runs before the flush, its value returned after it.
      const argument = exit.argument && this.runsWork(exit.argument) ? exit.argument : undefined;
      const name = argument && freeName(this.input, RESULT_NAMES, exit, taken);
      if (argument && !name) return false;
      const hoisted = argument && name ? { name, value: `${needsAwait(argument, this.input, this.flush.handler) ? "await " : ""}${text.slice(...argument.range)}` } : undefined;
      if (!this.flushBefore(exit, flushLine, hoisted, indentationAt(text, exit.range[0]))) return false;
      if (argument && name) {
        taken.add(name);
        edits.replace(argument, name);
      }
    }
    return returns.length > 0;
  }

  /** A name declared by `statements` is used outside `within` (`const lease = …` released in the `finally`): they cannot move into the `try`. */
  private usedOutside(statements: readonly TSESTree.Statement[], within: readonly TSESTree.Node[]): boolean {
    return statements.some((statement) =>
      this.input.scopeManager
        .getDeclaredVariables(statement)
        .some((variable) => variable.references.some((reference) => !within.some((node) => rangeContains(node, reference.identifier)))),
    );
  }

  /** `node` calls or awaits something where it runs (not in a nested function): moved past a flush, its spans would be missed. */
  private runsWork(node: TSESTree.Node): boolean {
    const calls = nodesOfTypesWithin(this.input.ast, [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.AwaitExpression], node);
    return calls.some((call) => enclosingFunction(call) === this.fn);
  }

  /** The body is one `try`: flush in its `finally` (adding one after the `catch`), not in a second try around it. */
  private extendTry(statement: TSESTree.TryStatement, form: FlushForm): boolean {
    const { text, nl, unit, edits } = this;
    const indent = indentationAt(text, statement.range[0]);
    const flushLine = this.flushStatement(form);
    if (statement.finalizer) {
      const close = statement.finalizer.range[1] - 1;
      if (text.slice(lineStart(text, close), close).trim() !== "") return false;
      edits.insertAt(lineStart(text, close), `${indent}${unit}${flushLine}${nl}`);
    } else {
      edits.insertAfter(statement, ` finally {${nl}${indent}${unit}${flushLine}${nl}${indent}}`);
    }
    const covered: TSESTree.Node[] = [statement.block, ...(statement.handler ? [statement.handler] : [])];
    for (const argument of this.ownReturnsNeedingAwait(...covered)) edits.insertBefore(argument, "await ");
    for (const node of [...covered, ...(statement.finalizer ? [statement.finalizer] : [])]) this.removeRedundantFlushes(node);
    return true;
  }

  private wrapExpression(body: TSESTree.Expression, form: FlushForm): boolean {
    const { text, unit } = this;
    const arrow = arrowOffset(text, this.fn as TSESTree.ArrowFunctionExpression);
    if (arrow === undefined) return false;
    const indent = indentationAt(text, this.fn.range[0]);
    // Continuation lines keep their place relative to the body's first line, now at `indent` + 2 steps.
    const bodyText = indentedText(body, text, body.range[0], body.range[1], shiftTo(text, body, indent + unit + unit));
    // A comment between `=>` and the body goes with the body, on its own line.
    const comments = leadingComments(text, arrow + 2, body.range[0]).map((comment) => `${comment}${this.nl}${indent}${unit}${unit}`);
    const returned = `${comments.join("")}return ${needsAwait(body, this.input, this.flush.handler) ? "await " : ""}${bodyText}${this.end}`;
    this.edits.replace([arrow + 2, this.fn.range[1]], ` ${this.tryFinallyBlock(indent, returned, form)}`);
    return true;
  }

  /** `{ try { <code> } finally { <flush> } }`, one statement per line, at `indent`. */
  private tryFinallyBlock(indent: string, code: string, form: FlushForm): string {
    const { nl, unit } = this;
    const inner = indent + unit;
    return `{${nl}${inner}try {${nl}${inner}${unit}${code}${nl}${inner}} finally {${nl}${inner}${unit}${this.flushStatement(form)}${nl}${inner}}${nl}${indent}}`;
  }

  /** What the handler's own `return call()` statements inside `within` return (they need an `await` in a try). */
  private ownReturnsNeedingAwait(...within: TSESTree.Node[]): TSESTree.Expression[] {
    return nodesOfType(this.input.ast, AST_NODE_TYPES.ReturnStatement)
      .filter((statement) => enclosingFunction(statement) === this.fn && within.some((node) => rangeContains(node, statement)))
      .flatMap((statement) => (needsAwait(statement.argument, this.input, this.flush.handler) ? [statement.argument] : []));
  }

  /**
   * With a flushing `finally`, flush statements on the handler's own path inside `within` would flush
   * twice: a fire-and-forget one (any receiver), and an awaited one of the tracer the finally flushes.
   */
  private removeRedundantFlushes(within: TSESTree.Node): void {
    const unawaited = new Set<TSESTree.Node>(this.flush.unawaitedFlushes);
    const isFlush = flushTestOf(this.input);
    for (const statement of nodesOfType(this.input.ast, AST_NODE_TYPES.ExpressionStatement)) {
      // Only a statement of a block can go (`if (x) await flush();` would lose its body).
      if (!rangeContains(within, statement) || enclosingFunction(statement) !== this.fn || statement.parent?.type !== AST_NODE_TYPES.BlockStatement) continue;
      const call = flushCallOf(statement, isFlush);
      if (!call) continue;
      const awaited = statement.expression.type === "AwaitExpression";
      if ((awaited && this.text.slice(...call.range) === this.flushCall) || (!awaited && unawaited.has(call))) this.removeStatementLine(statement);
    }
  }

  private removeFlushStatementOf(call: TSESTree.CallExpression): void {
    let statement: TSESTree.Node | undefined = call.parent;
    while (statement && statement.type !== "ExpressionStatement" && (statement.type === "ChainExpression" || statement.type === "UnaryExpression")) statement = statement.parent;
    if (statement?.type === "ExpressionStatement") this.removeStatementLine(statement);
  }

  private removeStatementLine(statement: TSESTree.Node): void {
    // Removing a line that indentLines indented: drop the indentation insertion at that line too.
    const start = lineStart(this.text, statement.range[0]);
    const index = this.edits.edits.findIndex((edit) => edit.start === start && edit.end === start && edit.text.trim() === "");
    if (index !== -1) this.edits.edits.splice(index, 1);
    removeStatement(this.edits, this.text, statement);
  }
}

/** Names for the hoisted argument of a send that awaits work (`const result = await answer();`). */
const RESULT_NAMES = ["result", "responseBody", "payload", ...Array.from({ length: 8 }, (_, index) => `result${index + 2}`)];

/**
 * The argument of `send` to compute before the flush: the one that awaits work, when nothing else the
 * statement evaluates before it could run in another order once it moves up (only names and literals
 * precede it, no other argument or call of the chain awaits).
 */
function hoistableArgument(send: TSESTree.CallExpression, isFlush: FlushTest, accepts: BackgroundTest): TSESTree.Node | undefined {
  const index = send.arguments.findIndex((argument) => sendAwaitsWork(argument, isFlush, accepts));
  if (index === -1 || send.arguments.slice(index + 1).some((argument) => sendAwaitsWork(argument, isFlush, accepts))) return undefined;
  if (sendAwaitsWork(send.callee, isFlush, accepts)) return undefined;
  const simple = (node: TSESTree.Node): boolean => node.type === "Identifier" || node.type === "Literal";
  const argument = send.arguments[index];
  return argument.type !== "SpreadElement" && send.arguments.slice(0, index).every(simple) ? argument : undefined;
}

/** The statement a send is (`res.json(x);`, `await res.json(x);`, `return res.json(x);`, `return void res.end();`), if it is one. */
function sendStatementOf(send: TSESTree.CallExpression): TSESTree.Statement | undefined {
  let node: TSESTree.Node = send;
  while (node.parent?.type === "ChainExpression" || node.parent?.type === "AwaitExpression" || (node.parent?.type === "UnaryExpression" && node.parent.operator === "void")) node = node.parent;
  const parent = node.parent;
  if (parent?.type === "ExpressionStatement" || parent?.type === "ReturnStatement") return parent;
  return undefined;
}

/**
 * The expression that reaches `property` (a dotted path, or the parameter itself) from the handler's parameter
 * `index`: through its name (`context.locals.runtime.ctx`), a key destructured from it (`{ locals }` →
 * `locals.runtime.ctx`, `{ locals: l }` → `l.runtime.ctx`), or its rest (`{ request, ...rest }` → `rest.locals…`).
 * A pattern that binds none of these gets the key added (`({ request })` → `({ request, locals })`, `addKey`), where
 * the name is free in the handler (no declaration of it, no use of an outer one that the key would shadow).
 */
function parameterPath(input: AnalysisInput, fn: FunctionNode, index: number, property: string | undefined): { path: string; addKey?: AddedKey } | undefined {
  const parameter = fn.params[index];
  if (parameter?.type === AST_NODE_TYPES.Identifier) return { path: property === undefined ? parameter.name : `${parameter.name}.${property}` };
  if (parameter?.type !== AST_NODE_TYPES.ObjectPattern || property === undefined) return undefined;
  const [key, ...rest] = property.split(".");
  const destructured = parameter.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && staticName(entry.key, entry.computed) === key);
  if (destructured?.type === AST_NODE_TYPES.Property) {
    const value = destructured.value.type === AST_NODE_TYPES.AssignmentPattern ? destructured.value.left : destructured.value;
    return value.type === AST_NODE_TYPES.Identifier ? { path: [value.name, ...rest].join(".") } : undefined;
  }
  const restElement = parameter.properties.find((entry) => entry.type === AST_NODE_TYPES.RestElement);
  if (restElement) return restElement.argument.type === AST_NODE_TYPES.Identifier ? { path: `${restElement.argument.name}.${property}` } : undefined;
  if (key === undefined || !/^[A-Za-z_$][\w$]*$/.test(key)) return undefined;
  const scope = input.scopeManager.acquire(fn);
  if (!scope || scope.set.has(key) || scope.through.some((reference) => reference.identifier.name === key)) return undefined;
  return { path: property, addKey: { pattern: parameter, key } };
}

/** `({ request })` → `({ request, locals })`; `({})` → `({ locals })` (a type annotation after the pattern stays). */
function addDestructuredKey(edits: EditList, text: string, { pattern, key }: AddedKey): void {
  const close = text.lastIndexOf("}", (pattern.typeAnnotation?.range[0] ?? pattern.range[1]) - 1);
  appendListElement(edits, text, pattern.properties, pattern.range[0], close, key);
}

/** The project's declared version is below `since` (an undeclared one is taken to be current). */
function isOlderThan(declared: readonly [number, number] | undefined, since: readonly [number, number]): boolean {
  if (declared === undefined) return false;
  return declared[0] < since[0] || (declared[0] === since[0] && declared[1] < since[1]);
}

/** A comment in the block `node` outside `statements` (a `finally` that explains itself): the block is not empty without them. */
function hasComments(text: string, node: TSESTree.Node, statements: readonly TSESTree.Node[]): boolean {
  let rest = text.slice(node.range[0] + 1, node.range[1] - 1);
  for (const statement of [...statements].reverse()) {
    rest = rest.slice(0, statement.range[0] - node.range[0] - 1) + rest.slice(statement.range[1] - node.range[0] - 1);
  }
  return /\/\/|\/\*/.test(rest);
}

/** `statement` is the unbraced body of an `if`/`else` or a loop in `parent`. */
function isBodyPosition(parent: TSESTree.Node, statement: TSESTree.Statement): boolean {
  switch (parent.type) {
    case "IfStatement":
      return parent.consequent === statement || parent.alternate === statement;
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement":
    case "WhileStatement":
    case "DoWhileStatement":
      return parent.body === statement;
    default:
      return false;
  }
}

/** `[await|void] <flush>;` as a statement (`await tracer.forceFlush();`): its flush call. */
function flushCallOf(statement: TSESTree.ExpressionStatement, isFlush: FlushTest): TSESTree.CallExpression | undefined {
  let expression: TSESTree.Node = statement.expression;
  if (expression.type === "AwaitExpression" || (expression.type === "UnaryExpression" && expression.operator === "void")) expression = expression.argument;
  if (expression.type === "ChainExpression") expression = expression.expression;
  return expression.type === AST_NODE_TYPES.CallExpression && isFlush(expression) ? expression : undefined;
}

/**
 * `return call()` in a try/finally must await, or the finally runs before the promise settles; not a value that is
 * never a promise, `new Response(body)` or `Response.json(data)` of the global `Response`, or `c.json(data)` of the
 * context a Hono handler gets (knowledge/settled-values.ts).
 */
function needsAwait(argument: TSESTree.Node | null, input: AnalysisInput, handler: LambdaFlush["handler"]): argument is TSESTree.CallExpression | TSESTree.NewExpression {
  if (argument?.type !== "CallExpression" && argument?.type !== "NewExpression") return false;
  const callee = argument.callee;
  const isGlobal = (node: TSESTree.Identifier): boolean => !findVariable(input.scopeManager, node, node.name)?.defs.length;
  if (argument.type === "NewExpression") return !(callee.type === "Identifier" && SETTLED_CONSTRUCTORS.has(callee.name) && isGlobal(callee));
  const owner = callee.type === "MemberExpression" && callee.object.type === "Identifier" ? callee.object : undefined;
  const method = callee.type === "MemberExpression" ? staticName(callee.property, callee.computed) : undefined;
  if (owner === undefined || method === undefined) return true;
  const settled = Object.hasOwn(SETTLED_STATIC_CALLS, owner.name) && SETTLED_STATIC_CALLS[owner.name]!.includes(method);
  if (settled && isGlobal(owner)) return false;
  const context = handler.framework === undefined ? undefined : SETTLED_CONTEXT_CALLS[handler.framework];
  const parameter = context && handler.function.params[context.parameter];
  return !(parameter !== undefined && context!.methods.includes(method) && findVariable(input.scopeManager, owner, owner.name)?.defs[0]?.name === parameter);
}

/** What to add before each continuation line of `node` so that its first line lands at `target`. */
function shiftTo(text: string, node: TSESTree.Node, target: string): string {
  const base = indentationAt(text, node.range[0]);
  return target.startsWith(base) ? target.slice(base.length) : target;
}

/** The comments in `[from, to)` (between `=>` and the body: whitespace, comments and opening parentheses), one per line. */
function leadingComments(text: string, from: number, to: number): string[] {
  const comments: string[] = [];
  for (let index = from; index < to; ) {
    const end = text.startsWith("//", index) ? text.indexOf("\n", index) : text.startsWith("/*", index) ? text.indexOf("*/", index) + 2 : -2;
    if (end === -2) {
      index += 1;
      continue;
    }
    const stop = end === -1 || end > to ? to : end;
    comments.push(text.slice(index, stop).trimEnd());
    index = stop;
  }
  return comments;
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

/**
 * The local name of `name` imported from `module` (`import { after as later } from "next/server"` →
 * `later`, also `const { after } = require("next/server")`), from the file's top-level bindings;
 * undefined when the file does not import it and the name is free to add; null when a top-level
 * binding of that name is something else.
 */
function importedName(input: AnalysisInput, module: string, name: string): string | null | undefined {
  const scope = input.scopeManager.acquire(input.ast, true) ?? input.scopeManager.globalScope;
  if (!scope) return undefined;
  const imported = getAnalysisContext(input).bindings.variableImporting(scope, module, name);
  if (imported) return imported.name;
  // Declared, not a global the configuration or the lib brings (those have no definition).
  return (scope.set.get(name)?.defs.length ?? 0) > 0 ? null : undefined;
}

/**
 * Adds `name` to the file's named import of `module`; else turns its bare import of `module` into one
 * (`import "./otel/provider"` → `import { provider } from "./otel/provider"`, `require("./otel/provider")`
 * → `const { provider } = require("./otel/provider")`: the same module, evaluated once where it was, so
 * its side effect stays); else a new import statement after the last import, of `module` as the file
 * writes that package (Deno's `npm:@vercel/functions@1`).
 */
function addNamedImport(edits: EditList, input: AnalysisInput, binding: ImportBinding): void {
  const { ast, text } = input;
  const imports = ast.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === "ImportDeclaration");
  const ofModule = imports.filter((statement) => sourceModule(statement.source.value) === binding.module && statement.importKind !== "type");
  const existing = ofModule.find((statement) => statement.specifiers.some((specifier) => specifier.type === "ImportSpecifier"));
  if (existing) {
    const last = existing.specifiers.at(-1)!;
    edits.insertAfter(last, `, ${binding.name}`);
    return;
  }
  // `import {} from "…"` binds nothing either, but has braces to fill: only `import "…"` is rewritten.
  const bare = ofModule.find((statement) => statement.specifiers.length === 0 && /^import\s*$/.test(text.slice(statement.range[0], statement.source.range[0])));
  if (bare) {
    edits.insertAt(bare.source.range[0], `{ ${binding.name} } from `);
    return;
  }
  const required = ast.body.find((statement) => bareRequireOf(statement) === binding.module);
  if (required) {
    edits.insertAt(required.range[0], `const { ${binding.name} } = `);
    return;
  }
  const quote = /from\s+'/.test(text) ? "'" : '"';
  const semicolon = imports.length === 0 || text.slice(imports.at(-1)!.range[1] - 1, imports.at(-1)!.range[1]) === ";" ? ";" : "";
  const line = `import { ${binding.name} } from ${quote}${getAnalysisContext(input).specifierFor(binding.module)}${quote}${semicolon}`;
  const nl = newlineOf(text);
  const after = imports.at(-1);
  if (after) edits.insertAt(nextLineStart(text, after.range[1]), `${line}${nl}`);
  else edits.insertAt(0, `${line}${nl}`);
}
