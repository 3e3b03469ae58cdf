// A serverless runtime (AWS Lambda first; the handler's `platform` says which) freezes or ends the
// instance once the handler's promise settles: spans still buffered in the tracer are exported late
// (on a later warm invocation) or never. A tracing handler must therefore flush on every path that
// returns: an awaited flush, or the flush handed to the platform's background hook. "Tracing" and
// "flush" are read from the SDK profiles (this SDK, honeyhive 1.x, OpenTelemetry exporting to
// HoneyHive; another SDK's or pipeline's flush beside them does not count), and the message and fix speak the handler's profile:
// `tracer.forceFlush()`, 1.x `tracer.flush()`, OpenTelemetry `provider.forceFlush()`.
// The suggestion is the finding's fix from analysis/fixes/flush.ts, the edits the codemod applies.
//
// The rule follows ESLint's code paths: it marks the segments in which an awaited flush runs and
// requires every returned segment (early returns and the implicit end; not throws) to be reached only
// through marked segments. `analysis/flush.ts` answers the same question structurally for the
// codemod, with the same conventions (see there).
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { contains } from "../analysis/ast.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { flushFix, shutdownFix, unflushablePipeline } from "../analysis/fixes/flush.js";
import { MARKER_MESSAGES } from "../analysis/fixes/review-markers.js";
import { mayExportOtelToHoneyhive, mayImportOtelPipeline, tracerFlushMethodOf } from "../analysis/flush-calls.js";
import { CALL_TYPES, nodesOfTypesWithin } from "../analysis/nodes.js";
import { backgroundFlushOf, flushCallText, flushTestOf, isAwaitedFlush, isReturnedFlush, runsAfterResponse, lambdaFlushOf, sendAwaitsWork, sendsFromCallback, sharedShutdownsOf, type LambdaFlush } from "../analysis/flush.js";
import { answeredMayHoldEntry, mayHoldEntry } from "../analysis/entry-gate.js";
import { getHandlerModel, type LambdaHandler } from "../analysis/handlers.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { configurationSendsOtelToHoneyhive } from "../analysis/otel-destination.js";
import { mayNameOtelPipeline, relevanceOf } from "../analysis/relevance.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "require-force-flush-in-lambda";

type MessageIds =
  | "missingFlush"
  | "unboundFlush"
  | "missingOtelFlush"
  | "missingFlushNotAsync"
  | "missingFlushNotAsyncBeforeSend"
  | "missingFlushBeforeSend"
  | "missingFlushInCallback"
  | "missingFlushAfterStream"
  | "missingFlushCallback"
  | "wrapInTryFinally"
  | "awaitFlush"
  | "waitUntilFlush"
  | "afterFlush"
  | "flushBeforeResponse"
  | "flushAtStreamEnd"
  | "shutdownOfSharedTracer"
  | "shutdownOfSharedPipeline"
  | "shutdownOfSharedSdk"
  | "flushInsteadOfShutdown"
  | "flushInsteadOfPipelineShutdown";

/** ESLint's code path objects (typescript-eslint types them without the `node` argument). */
type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

/**
 * What a segment has done by a point, as its last flush event: `FLUSHED` (an awaited flush, `waitUntil(flush)`),
 * `SPAN` (a span started after it: analysis/flush.ts `SpanTest`), `AFTER` (`after(() => flush)`, which nothing
 * later undoes); a segment with none takes what its predecessors hand it. Ordered as the structural analysis's
 * states (false < true < "after").
 */
const SPAN = 0;
const FLUSHED = 1;
const AFTER = 2;
type FlushLevel = typeof SPAN | typeof FLUSHED | typeof AFTER;

interface TrackedPath {
  readonly node: TSESTree.Node;
  readonly flush: LambdaFlush;
  readonly current: Set<CodePathSegment>;
  /** Each segment's last flush event so far. */
  readonly events: Map<string, FlushLevel>;
  /** Segments ended by `return <flush promise>`: the returned promise settles after what its argument started. */
  readonly sealed: Set<string>;
  /** At each send of the response (`LambdaFlush.responseSends`): its segments, and the segment's last event before it. */
  readonly sends: Array<{ readonly segment: CodePathSegment; readonly before: FlushLevel | undefined }>;
  /** A send that awaits work in its arguments (`res.json(await answer())`): no flush before the statement covers that work. */
  sendAfterWork: boolean;
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require serverless handlers that trace to await a flush before every return",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      // "once the handler has returned", not "after the response": a Worker's `scheduled`/`queue`, an SQS Lambda send none.
      // `recommended`: the platform's recommended flush (`PlatformDescriptor.recommendedFlush`), `await tracer.forceFlush()` on AWS Lambda.
      missingFlush:
        "{{platform}} handler `{{name}}` can return without {{recommended}}: spans still buffered are lost when {{platform}} freezes or ends the instance once the handler has returned.",
      // `const { forceFlush } = tracer; await forceFlush()`: the only flush in sight is a method called without its tracer.
      unboundFlush:
        "{{platform}} handler `{{name}}` can return without a flush: `{{call}}` calls the tracer's `{{method}}` taken off `{{tracer}}` without it, and unbound it rejects and flushes nothing (the tracer's methods read its own state). Call it on the tracer: `await {{flush}}`, or bind it (`{{tracer}}.{{method}}.bind({{tracer}})`). Spans still buffered are lost when {{platform}} freezes or ends the instance once the handler has returned.",
      // An OpenTelemetry pipeline with no flush to write: a NodeSDK alone (no forceFlush), a provider not kept where the handler reaches it.
      missingOtelFlush:
        "{{platform}} handler `{{name}}` can return without flushing its OpenTelemetry pipeline: {{advice}}. Spans still buffered are lost when {{platform}} freezes or ends the instance once the handler has returned.",
      // Both ways out: an async handler that awaits, or the work's promise returned with the flush chained (counted, flush.ts `isReturnedFlush`).
      missingFlushNotAsync:
        "{{platform}} handler `{{name}}` is not async, so it cannot `await {{flush}}` before it returns: make it async and await the flush, or return its work's promise with the flush chained: `return work().finally(() => {{flush}})`. Otherwise buffered spans are lost when {{platform}} freezes the instance.",
      // A platform whose HTTP invocation ends with the response (`responseCall`): the flush goes before each send, not before a return.
      missingFlushNotAsyncBeforeSend:
        "{{platform}} handler `{{name}}` is not async, so it cannot `await {{flush}}` before it sends the response: make it async and await the flush before each statement that sends the response, or buffered spans are lost when {{platform}} stops the instance's work after the response.",
      // An async handler on such a platform that sends before the flush: the response, not the return, ends its work.
      missingFlushBeforeSend:
        "{{platform}} handler `{{name}}` can send the response before `await {{flush}}`: spans still buffered are lost when {{platform}} stops the instance's work after the response.",
      // `cors(req, res, async () => { … res.send(x); })` or `cors(req, res, () => …)`: the handler hands the response to a callback that sends it.
      missingFlushInCallback:
        "{{platform}} handler `{{name}}` sends the response from a callback it passes the response to, and never flushes: await `{{flush}}` in that callback (made async if it is not) before each statement that sends the response, or buffered spans are lost when {{platform}} stops the instance's work after the response.",
      // The handler returns a stream whose callbacks trace after it returned (analysis/stream-work.ts): its own flushes come first.
      missingFlushAfterStream:
        "{{platform}} handler `{{name}}` returns a streamed response whose callbacks trace after the handler has returned: a flush on the handler's path (a `finally`, `waitUntil(…)`) runs before the stream's spans end, which are lost when {{platform}} freezes or ends the instance. Await `{{flush}}` at the end of the stream's own callback (its `finally`, before it closes the stream), or flush after the response (`after(() => {{flush}})`).",
      missingFlushCallback:
        "Callback-style {{platform}} handler `{{name}}` never flushes: call back only after `await {{flush}}` (or make it async), or buffered spans are lost when {{platform}} freezes the instance.",
      wrapInTryFinally: "Wrap the handler body in `try { … } finally { await {{flush}}; }`.",
      awaitFlush: "Await the existing `{{flush}}` call.",
      waitUntilFlush: "Flush in a `finally` through the platform's `waitUntil({{flush}})`.",
      afterFlush: "Flush after the response with `after(() => {{flush}})`.",
      flushBeforeResponse: "Await `{{flush}}` before each statement that sends the response.",
      flushAtStreamEnd: "Await `{{flush}}` where the stream's own work ends (before it closes the stream), so the response ends after the flush.",
      shutdownOfSharedTracer:
        "{{platform}} handler `{{name}}` shuts down `{{tracer}}`, which outlives the invocation: {{platform}} reuses the instance, and after this shutdown the tracer records nothing on its later invocations. Flush instead: `await {{flush}}`.",
      shutdownOfSharedPipeline:
        "{{platform}} handler `{{name}}` shuts down the OpenTelemetry pipeline `{{tracer}}`, which outlives the invocation: {{platform}} reuses the instance, and after this shutdown nothing is exported on its later invocations. Flush instead: `await {{flush}}`.",
      shutdownOfSharedSdk:
        "{{platform}} handler `{{name}}` shuts down the OpenTelemetry pipeline `{{tracer}}`, which outlives the invocation: {{platform}} reuses the instance, and after this shutdown nothing is exported on its later invocations. It has no forceFlush(): keep its provider or span processor in a module-level variable and await `{{flush}}` instead.",
      flushInsteadOfShutdown: "Flush with `{{flush}}` instead of shutting the tracer down.",
      flushInsteadOfPipelineShutdown: "Flush with `{{flush}}` instead of shutting the OpenTelemetry pipeline down.",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // The cheap gates first: a file that can hold no serverless entry point (by its imports, export
    // names and path, against the descriptors), or that uses no HoneyHive SDK, no local tracer module and
    // no OpenTelemetry pointed at HoneyHive, costs nothing more (no text scan, no model, no other file).
    // Without the SDK, and with the entry gate not asked yet (analysis/relevance.ts spares most such files
    // the handler gate), a search of the text for what the OpenTelemetry tests below need comes first.
    const usesSdk = relevanceOf(input).sdk;
    if (!usesSdk && answeredMayHoldEntry(input, "handler") === undefined && !mayNameOtelPipeline(input.text)) return {};
    if (!mayHoldEntry(input, "invocation")) return {};
    // A pipeline whose only HoneyHive mark is its address in the Lambda's configuration (Traceloop's TRACELOOP_BASE_URL).
    const otel = (): boolean => mayExportOtelToHoneyhive(input.text) || mayImportOtelPipeline(input.text, input.ast) || configurationSendsOtelToHoneyhive(input.text, input.filename, input.cwd);
    if (!usesSdk && !otel()) return {};
    const handlers = getHandlerModel(input).lambdaHandlers;
    if (handlers.length === 0) return {};
    const flushByFunction = new Map<TSESTree.Node, LambdaFlush>();
    for (const handler of handlers) {
      const flush = lambdaFlushOf(input, handler);
      if (flush?.traces) flushByFunction.set(handler.function, flush);
    }
    if (flushByFunction.size === 0) return {};

    const isFlush = flushTestOf(input);
    /** Marks the segments running now with `level` (a span does not undo an `after` flush, nor a returned flush). */
    const mark = (path: TrackedPath, level: FlushLevel): void => {
      for (const segment of path.current) {
        if (level === SPAN && (path.sealed.has(segment.id) || path.events.get(segment.id) === AFTER)) continue;
        if (level === FLUSHED && path.events.get(segment.id) === AFTER) continue;
        path.events.set(segment.id, level);
      }
    };
    // One entry per code path; the paths of every other function share one entry that tracks nothing
    // (no sets per function, no segment bookkeeping for code that no finding reads).
    const stack: Array<TrackedPath | undefined> = [];
    const top = (): TrackedPath | undefined => stack[stack.length - 1];
    const tracksSends = [...flushByFunction.values()].some((flush) => Array.isArray(flush.responseSends));

    function report(flush: LambdaFlush, messageId: MessageIds): void {
      const unbound = messageId === "missingFlush" ? unboundFlushIn(flush) : undefined;
      if (unbound) {
        const data = { name: flush.handler.exportName, flush: flushCallText(flush), platform: flush.handler.platform.name, ...unbound };
        // No suggestion: the handler's flush is written, on the wrong receiver; the person rewrites that call.
        context.report({ ...reportedAt(flush.handler), messageId: "unboundFlush", data });
        return;
      }
      // Not an autofix: moving a body into try/finally changes when errors surface, a person should look.
      const fix = messageId === "missingFlush" || messageId === "missingFlushBeforeSend" || messageId === "missingFlushAfterStream" ? flushFix(input, flush) : undefined;
      // No flush of the pipeline to name (NodeSDK has none): say what to do, as migrate's review marker does.
      const unnamed = messageId === "missingFlush" && flush.profile === "opentelemetry" && flush.flushText === undefined;
      context.report({
        ...reportedAt(flush.handler),
        messageId: unnamed ? "missingOtelFlush" : messageId,
        data: {
          name: flush.handler.exportName,
          flush: flushCallText(flush),
          platform: flush.handler.platform.name,
          recommended: recommendedFlushOf(flush),
          ...(unnamed ? { advice: MARKER_MESSAGES.lambdaNoTracer("opentelemetry", unflushablePipeline(input)) } : {}),
        },
        suggest: fix?.kind ? [{ messageId: fix.kind, data: { flush: fix.flush }, fix: ruleFixOf(input, [fix.fix]) }] : [],
      });
    }

    /**
     * Where a handler's finding goes: its exported or registered name, unless a wrapper stands between the export
     * and the function the fix edits (`middy(async (event) => …)`, `arc.http(fn)`, a descriptor's wrapper): then that
     * function, by its head (`async (event) =>`) when wrapped inline, by the name it is declared with when the
     * wrapper receives that name (`middy(baseHandler)`).
     */
    function reportedAt(handler: LambdaHandler): { node: TSESTree.Node } | { loc: TSESTree.SourceLocation } {
      const fn = handler.function;
      const named = { node: handler.nameNode };
      if (contains(handler.exportNode, fn)) {
        for (let child: TSESTree.Node = fn; child !== handler.exportNode && child.parent; child = child.parent) {
          const parent = child.parent;
          // A registration's own name among the call's arguments (`functions.http("name", fn)`) stays the place.
          if ((parent.type === "CallExpression" || parent.type === "NewExpression") && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
            return contains(parent, handler.nameNode) ? named : { loc: headOf(fn) };
          }
        }
        return named;
      }
      const declared = declaredNameOf(fn);
      if (!declared) return named;
      const handed = nodesOfTypesWithin(input.ast, CALL_TYPES, handler.exportNode).some((call) => call.arguments.some((argument) => argument.type === "Identifier" && argument.name === declared.name));
      return handed ? { node: declared } : named;
    }

    /** From a function's first token to the last before its body: `async (event) =>`, `function (event)`. */
    function headOf(fn: LambdaHandler["function"]): TSESTree.SourceLocation {
      const last = context.sourceCode.getTokenBefore(fn.body);
      return { start: fn.loc.start, end: last && last.range[0] >= fn.range[0] ? last.loc.end : fn.body.loc.start };
    }

    /** The handler's own call of a tracer's flush method taken off the tracer unbound (`tracerFlushMethodOf`), if any. */
    function unboundFlushIn(flush: LambdaFlush): { call: string; tracer: string; method: string } | undefined {
      for (const call of nodesOfTypesWithin(input.ast, CALL_TYPES, flush.handler.function)) {
        const held = call.type === "CallExpression" ? tracerFlushMethodOf(input, call) : undefined;
        if (held && !held.bound) return { call: `${context.sourceCode.getText(call.callee)}()`, tracer: held.tracer, method: held.method };
      }
      return undefined;
    }

    /** `await tracer.shutdown()` on a tracer the warm instance reuses (counted as the path's flush all the same). */
    function reportSharedShutdowns(): void {
      for (const flush of flushByFunction.values()) {
        for (const call of sharedShutdownsOf(input, flush)) {
          const found = shutdownFix(input, call);
          if (!found) continue;
          const callee = call.callee.type === "ChainExpression" ? call.callee.expression : call.callee;
          context.report({
            node: callee.type === "MemberExpression" ? callee.property : call,
            messageId: found.marker ? "shutdownOfSharedSdk" : found.pipeline ? "shutdownOfSharedPipeline" : "shutdownOfSharedTracer",
            data: {
              name: flush.handler.exportName,
              platform: flush.handler.platform.name,
              tracer: callee.type === "MemberExpression" ? context.sourceCode.getText(callee.object) : "tracer",
              flush: found.flush,
            },
            // NodeSDK has no flush of its own to write (the codemod leaves the same review marker).
            suggest: found.marker ? [] : [{ messageId: found.pipeline ? "flushInsteadOfPipelineShutdown" : "flushInsteadOfShutdown", data: { flush: found.flush }, fix: ruleFixOf(input, [found.fix]) }],
          });
        }
      }
    }

    const listeners = {
      "Program:exit": reportSharedShutdowns,
      onCodePathStart(_codePath: CodePath, node: TSESTree.Node) {
        const flush = flushByFunction.get(node);
        stack.push(flush ? { node, flush, current: new Set(), events: new Map(), sealed: new Set(), sends: [], sendAfterWork: false } : undefined);
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
        if (!path || !isAwaitedFlush(node, isFlush, path.flush.isBackgroundWork)) return;
        mark(path, FLUSHED);
      },
      // `res.json(body)` on a platform that ends the invocation with the response: a flush must come before it.
      CallExpression(node: TSESTree.CallExpression) {
        const path = top();
        const sends = path?.flush.responseSends;
        if (!path || !Array.isArray(sends) || !sends.includes(node)) return;
        let reachable = false;
        for (const segment of path.current) {
          path.sends.push({ segment, before: path.events.get(segment.id) });
          reachable ||= segment.reachable;
        }
        if (reachable && sendAwaitsWork(node, isFlush, path.flush.isBackgroundWork)) path.sendAfterWork = true;
      },
      // `waitUntil(tracer.forceFlush())`, `after(() => tracer.forceFlush())`: the platform finishes it after the response.
      // A span started on the handler's own path (analysis/flush.ts `spanTestOf`): a flush before it does not cover it.
      "CallExpression:exit"(node: TSESTree.CallExpression) {
        const path = top();
        if (!path) return;
        const background = backgroundFlushOf(node, isFlush, path.flush.isBackgroundWork);
        if (background) mark(path, runsAfterResponse(background) ? AFTER : FLUSHED);
        else if (path.node === path.flush.handler.function && path.flush.isSpanStart?.(node)) mark(path, SPAN);
      },
      // `return tracer.forceFlush().then(() => result)`: the handler's promise settles after the flush.
      // Marked on entry: at the exit, ESLint has already moved on to the unreachable segment after `return`.
      ReturnStatement(node: TSESTree.ReturnStatement) {
        const path = top();
        if (!path || path.node !== path.flush.handler.function || !isReturnedFlush(node, isFlush, path.flush.isBackgroundWork)) return;
        mark(path, FLUSHED);
        for (const segment of path.current) path.sealed.add(segment.id);
      },
      onCodePathEnd(codePath: CodePath) {
        const path = stack.pop();
        if (!path) return;
        const { flush } = path;
        const fn = flush.handler.function;
        // A returned stream that flushes at its own end ends the response after that flush.
        const streamWork = flush.streamWork;
        if (streamWork === "flushed-at-end") return;
        if (streamWork === "unflushed" && !flush.handler.callbackStyle && !fn.async) {
          if (!flush.flushedOnEveryPath) report(flush, "missingFlushAfterStream");
          return;
        }
        // A listener that hands its work to the event (`event.respondWith(work)`) returns at once: the flush chained
        // onto that work, through the event's `waitUntil`, is what counts; one written anywhere is trusted (as below).
        if (flush.handler.workHandedTo) {
          if (!flush.flushedOnEveryPath) report(flush, "missingFlush");
          return;
        }
        if (flush.handler.callbackStyle || !fn.async) {
          // Without `await` this rule cannot follow the flush; one written anywhere is trusted (see flush.ts).
          const notAsync = flush.responseSends === undefined ? "missingFlushNotAsync" : sendsFromCallback(input.ast, flush) ? "missingFlushInCallback" : "missingFlushNotAsyncBeforeSend";
          if (!flush.flushedOnEveryPath) report(flush, flush.handler.callbackStyle ? "missingFlushCallback" : notAsync);
          return;
        }
        // `async () => tracer.startActiveSpan("h", async () => { …flush… })`: the value is the flush promise.
        if (fn.body.type !== "BlockStatement" && isReturnedFlush(fn.body, isFlush, flush.isBackgroundWork) && streamWork === undefined) return;
        const required = streamWork === "unflushed" ? AFTER : FLUSHED;
        const unflushed = path.sendAfterWork ? "send" : unflushedExit(codePath, path.events, path.sends, required);
        if (unflushed !== undefined && streamWork === "unflushed") {
          report(flush, "missingFlushAfterStream");
          return;
        }
        // Where the response ends the invocation, a send before the flush is what loses spans: a seen one, or one
        // the handler leaves to code it calls (`reply(req, res)`, `.then(() => res.json(x))`); a return without either is a return.
        if (unflushed !== undefined) report(flush, unflushed === "send" || flush.responseSends === "unseen" ? "missingFlushBeforeSend" : "missingFlush");
      },
    };
    // Without a send of the response to watch, no call needs a look on the way in.
    if (!tracksSends) delete (listeners as Partial<typeof listeners>).CallExpression;
    // typescript-eslint's RuleListener has no code-path handler types (typescript-eslint#6993).
    return listeners as unknown as TSESLint.RuleListener;
  },
});

/** The platform's recommended flush in a message's words, `{flush}` replaced by the handler's flush call. */
function recommendedFlushOf(flush: LambdaFlush): string {
  return (flush.handler.workHandedTo?.recommendedFlush ?? flush.handler.platform.recommendedFlush ?? "`await {flush}`").replaceAll("{flush}", flushCallText(flush));
}

/**
 * Greatest fixpoint over the levels (`FlushLevel`): a segment leaves with its last event's level (an `AFTER`
 * entry stays), else with the least level its predecessors leave with. Every send of the response must come at
 * `required` or above, from the events before it in its segment or else from its entry ("send" names the first
 * that does not), and every returned segment must leave at `required` or above ("return"); undefined when all do.
 */
function unflushedExit(codePath: CodePath, events: ReadonlyMap<string, FlushLevel>, sends: TrackedPath["sends"], required: FlushLevel): "send" | "return" | undefined {
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
  const leaves = new Map<string, FlushLevel>(segments.map((segment) => [segment.id, AFTER]));
  const entry = (segment: CodePathSegment): FlushLevel => {
    if (segment.prevSegments.length === 0) return SPAN;
    let level: FlushLevel = AFTER;
    for (const previous of segment.prevSegments) level = Math.min(level, leaves.get(previous.id) ?? AFTER) as FlushLevel;
    return level;
  };
  const through = (at: FlushLevel, event: FlushLevel | undefined): FlushLevel => (at === AFTER || event === undefined ? at : event);
  for (let changed = true; changed; ) {
    changed = false;
    for (const segment of segments) {
      const level = through(entry(segment), events.get(segment.id));
      if (level < leaves.get(segment.id)!) {
        leaves.set(segment.id, level);
        changed = true;
      }
    }
  }
  if (!sends.every((send) => !send.segment.reachable || through(entry(send.segment), send.before) >= required)) return "send";
  return codePath.returnedSegments.every((segment) => !segment.reachable || leaves.get(segment.id)! >= required) ? undefined : "return";
}

/** The name a function is declared with: `function name() {}`, `const name = () => …`. */
function declaredNameOf(fn: TSESTree.Node): TSESTree.Identifier | undefined {
  if ((fn.type === "FunctionDeclaration" || fn.type === "FunctionExpression") && fn.id) return fn.id;
  const parent = fn.parent;
  return parent?.type === "VariableDeclarator" && parent.init === fn && parent.id.type === "Identifier" ? parent.id : undefined;
}
