// Does a serverless handler flush its tracer before it returns? The runtime (AWS Lambda first; the
// handler's platform says which) freezes or ends the instance as soon as the handler's promise settles;
// spans still buffered in the batch processor are exported late (on a later invocation) or never. So
// every normal exit of a tracing handler must pass an awaited flush, in the API of the SDK profile it
// traces through: this SDK's `tracer.forceFlush()`, honeyhive 1.x's `tracer.flush()` /
// `HoneyHiveTracer.flush()`, or an OpenTelemetry `provider.forceFlush()` (when the file exports to
// HoneyHive over OpenTelemetry).
//
// This is a structural must-analysis over the AST (the codemods have no ESLint code-path analysis).
// The rule `require-force-flush-in-lambda` answers the same question with ESLint's code paths; the
// two agree on every fixture (tested), so a handler the rule accepts is never touched by the codemod.
//
// Conventions shared by both analyses:
// - a flush counts only as the argument of an `await` (also `await tracer?.forceFlush()`,
//   `await tracer.forceFlush().catch(log)` and `await Promise.all([tracer.forceFlush(), …])`), or as
//   what an async handler returns (`return tracer.forceFlush().then(() => result)`: the handler's
//   promise settles after it); `void tracer.forceFlush()` and a `.then(…)` left floating do not;
// - what counts as a flush is every SDK profile's flush calls (analysis/flush-calls.ts): this SDK's,
//   1.x's, OpenTelemetry's and other tracing SDKs' (Langfuse, LangSmith, Braintrust…), so a handler
//   that flushes through another SDK is never reported; `shutdown()` counts where a profile lists it;
// - a call of a function of the same file that flushes on every path (`await flushTraces()`, where
//   `async function flushTraces() { await tracer.forceFlush(); }`) counts as the flush itself;
// - a method whose name alone is a flush (`forceFlush`, `flushAsync`…) counts whatever its receiver
//   (a provider, another tracer, a client from a project module): report only when sure;
// - throw paths need no flush (the runtime reports the error; the container may not be reused);
// - code inside nested functions does not run on the handler's path;
// - a non-async or callback-style handler cannot be checked this way: one that calls a flush
//   anywhere (e.g. `tracer.forceFlush().then(() => callback(null, result))`) is trusted.
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { contains, enclosingFunction, findProperty, findVariable, includesNullish, isFunctionNode, LOOP_TYPES, memberName, moduleScopeOf, reportAnalysisError, staticName, unwrapExpression, type FunctionNode } from "./ast.js";
import { getAnalysisContext } from "./context.js";
import { anyPlatformBackgroundTest, platformBackgroundTest, type BackgroundTest } from "./background-work.js";
import {
  flushesAnotherPipeline,
  importedOtelUseIn,
  mayImportOtelPipeline,
  otelSetupOf,
  profileFlushTestOf,
  sharedOtelObjectOf,
  tracerFlushMethodOf,
  type FlushTest,
  type OtelSetup,
} from "./flush-calls.js";
import type { LambdaHandler } from "./handlers.js";
import type { AnalysisInput } from "./input.js";
import type { BackgroundWork, ResponseCallEnd } from "./knowledge/types.js";
import { FLUSH_STATICS_1X, honeyhive1xProfile } from "./knowledge/sdks/honeyhive-1x.js";
import { PREFERRED_FLUSH, SHUTDOWN_MEMBERS, SPAN_STARTING_MEMBERS } from "./knowledge/sdks/honeyhive.js";
import { nodesOfTypesWithin } from "./nodes.js";
import { getSdkModel, honeyhiveMajorOfFile, type SdkModel, type TracerDeclaration } from "./sdk-model.js";
import { AttachedCache } from "./attached-cache.js";
import { mayRunRecordHandlers, recordHandlersOf } from "./record-handlers.js";
import { rangeContains } from "./edits.js";
import { importedFact } from "./project-modules.js";
import { isStreamEnd, streamTasksOf } from "./stream-work.js";
import { tracerIntegrationOf } from "./telemetry-version.js";
import type { TelemetryIntegration } from "./knowledge/instrumentations.js";
import { HONEYHIVE_PROVIDER, OTEL_SPAN_STARTING_METHODS, TELEMETRY_SPAN_STARTS } from "./knowledge/span-starts.js";
import { originMatches } from "./value-specifier.js";

export type { FlushTest } from "./flush-calls.js";

/** The SDK profile a handler traces through, whose API its message and fix speak. */
export type FlushProfile = "honeyhive" | "honeyhive-1x" | "opentelemetry";

export interface LambdaFlush {
  readonly handler: LambdaHandler;
  /**
   * The handler uses a HoneyHive tracer (this SDK or 1.x), a lazily initialized one, or a traced
   * function; or the file exports to HoneyHive over OpenTelemetry and the handler uses its tracer (or
   * instrumentations are registered).
   */
  readonly traces: boolean;
  readonly profile: FlushProfile;
  /**
   * The flush a fix writes, without `await`: `tracer.forceFlush()`, `tracer.flush()` /
   * `HoneyHiveTracer.flush()` (1.x), `provider.forceFlush()` (OpenTelemetry); undefined when nothing the
   * handler can reach flushes (a review marker then).
   */
  readonly flushText: string | undefined;
  /**
   * An import the fix adds for `flushText` (OpenTelemetry: the provider exported by the project module
   * the handler imports its tracer from, which the file does not import yet).
   */
  readonly flushImport?: { readonly module: string; readonly name: string };
  /** The tracer to flush: the first one the handler uses (or binds through a traced function). */
  readonly tracer: TracerDeclaration | undefined;
  /**
   * What to write before `.forceFlush()`: a local set up at the top of the handler (`tracer` in
   * `const tracer = getTracer()`), else the tracer's own reference (`tracer`, `getTracer()`).
   * Undefined when the handler only calls traced functions of an unknown tracer.
   */
  readonly tracerText: string | undefined;
  /** Leading statements of the body that set up `tracerText`; a try/finally must start after them. */
  readonly statementsBeforeTry: number;
  /**
   * Every normal exit passes an awaited flush. For a non-async or callback-style handler (which this
   * analysis cannot follow): true when it calls a flush anywhere, which is trusted.
   */
  readonly flushedOnEveryPath: boolean;
  /** The body is (after the set-up statements) one `try { … } finally { await <x>.forceFlush(); }`. */
  readonly wrappedInTryFinally: boolean;
  /** Flush calls on the handler's own path that are not awaited (`tracer.forceFlush();`, `void …`, `.then(…)`). */
  readonly unawaitedFlushes: readonly TSESTree.CallExpression[];
  /**
   * Every unawaited flush is a statement (`tracer.forceFlush();` / `void tracer.forceFlush();`) and
   * awaiting them would flush every path: the smallest fix.
   */
  readonly flushedIfAwaited: boolean;
  /**
   * On a platform whose HTTP invocation ends when the response is sent (its `responseCall`): the calls
   * that send it (each must come after an awaited flush: a `finally` runs too late), "unseen" when the
   * response object leaves the handler; undefined when the handler ends by returning.
   */
  readonly responseSends: readonly TSESTree.CallExpression[] | "unseen" | undefined;
  /** Span starts the handler's path is checked for (`spanTestOf`); undefined when it does not use this SDK. */
  readonly isSpanStart: SpanTest | undefined;
  /**
   * The calls that hand work to the handler's platform (its `backgroundWork`: `waitUntil` of `@vercel/functions`,
   * the context parameter's `ctx.waitUntil`, analysis/background-work.ts): a flush given to another function
   * named `waitUntil` is no flush.
   */
  readonly isBackgroundWork: BackgroundTest;
  /**
   * What runs while its streamed response streams, after it returned (analysis/stream-work.ts, the table in
   * knowledge/streams.ts): `"flushed-at-end"` when that work awaits a flush at its end (the response ends after
   * it: the handler counts as flushed), `"unflushed"` when it traces and does not (only a flush after the
   * response, `after(…)`, covers it), undefined when the handler streams nothing that traces.
   */
  readonly streamWork: StreamWork;
}

export type StreamWork = "flushed-at-end" | "unflushed" | undefined;


/** Promise methods whose result settles only after the promise they are called on. */
const PROMISE_CHAIN_METHODS = new Set(["then", "catch", "finally"]);
/** `Promise.<combinator>([…])` settles after (or, for race/any, bounded by) the flush in its list. */
const PROMISE_COMBINATORS = new Set(["all", "allSettled", "race", "any"]);

/** Span runners that return what their callback returns (OpenTelemetry's and this SDK's). */
const SPAN_RUNNERS = new Set(["startActiveSpan", "startSpan"]);

/**
 * A promise that settles only after a flush: a flush call, a flushing helper call, either followed by
 * `.then/.catch/.finally(…)`; `<work>.finally(() => tracer.forceFlush())` (also `.then(…)`: a
 * rejection skips it, and throw paths need no flush); `Promise.all/allSettled/race/any([…, flush, …])`, also a list
 * mapped from a non-empty array literal by a callback that flushes (`[tracer, audit].map((t) => t.forceFlush())`);
 * `tracer.startActiveSpan(name, async (span) => { …; await tracer.forceFlush(); })`, whose result is
 * its callback's.
 */
function isFlushPromise(node: TSESTree.Node | null | undefined, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  const value = unwrapExpression(node);
  if (value?.type !== "CallExpression") return false;
  if (isFlush(value)) return true;
  if (value.callee.type !== "MemberExpression") return false;
  const method = memberName(value.callee);
  if (method === "then" || method === "finally") {
    if (isFlushingCallback(value.arguments[0], isFlush, accepts)) return true;
  }
  if (method !== undefined && SPAN_RUNNERS.has(method)) return isFlushingCallback(value.arguments.at(-1), isFlush, accepts);
  if (method !== undefined && PROMISE_CHAIN_METHODS.has(method)) return isFlushPromise(value.callee.object, isFlush, accepts);
  if (method === undefined || !PROMISE_COMBINATORS.has(method)) return false;
  if (value.callee.object.type !== "Identifier" || value.callee.object.name !== "Promise") return false;
  const list = unwrapExpression(value.arguments[0]);
  if (list?.type === "CallExpression" && memberName(list.callee) === "map" && list.callee.type === "MemberExpression") {
    const items = unwrapExpression(list.callee.object);
    return items?.type === "ArrayExpression" && items.elements.length > 0 && isFlushingCallback(list.arguments[0], isFlush, accepts);
  }
  return list?.type === "ArrayExpression" && list.elements.some((element) => element !== null && isFlushPromise(element, isFlush, accepts));
}

/** A function whose call settles only after a flush on every normal path. */
function isFlushingCallback(node: TSESTree.Node | null | undefined, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  const fn = unwrapExpression(node);
  return isFunctionNode(fn) && flushesOnEveryPath(fn, new Set(), isFlush, [], accepts);
}

/**
 * The platform's form (`accepts`, analysis/background-work.ts) of a flush handed to the platform to finish after the
 * response: `waitUntil(tracer.forceFlush())` (`@vercel/functions`), `ctx.waitUntil(…)` (Cloudflare Workers, Netlify),
 * Next.js `after(() => tracer.forceFlush())`. The runtime keeps the instance alive until it settles, so it counts as
 * the flush of the path that registers it. The form's `takes` says whether its argument must be a flush promise or a
 * flushing callback; a project's own function named `after` or `waitUntil` is no form (by binding). Undefined: none.
 */
export function backgroundFlushOf(node: TSESTree.Node, isFlush: FlushTest, accepts: BackgroundTest): BackgroundWork | undefined {
  if (node.type !== "CallExpression") return undefined;
  const work = accepts(node);
  if (work === undefined) return undefined;
  const handed = node.arguments[0];
  const flushes = work.takes === "callback" ? isFlushingCallback(handed, isFlush, accepts) : isFlushPromise(handed, isFlush, accepts);
  return flushes ? work : undefined;
}

/**
 * A background flush (`backgroundFlushOf`) that runs only once the response is finished, a streamed one included:
 * a form that takes a callback, Next.js `after(() => tracer.forceFlush())` ("after a response (or prerender) is
 * finished", nextjs.org/docs/app/api-reference/functions/after). `waitUntil(tracer.forceFlush())` starts the flush
 * where it is called: spans started later, or by a stream the handler returns, are not in it.
 */
export function runsAfterResponse(work: BackgroundWork): boolean {
  return work.takes === "callback";
}

/**
 * No call hands work to the platform: for an analysis that tracks another event in a flush's place (the awaited
 * `next()` of `flushesAroundNext`). Every other caller passes the test of its entry point's platform
 * (`platformBackgroundTest`) or of any platform by the file's bindings (`anyPlatformBackgroundTest(input)`): without
 * the file, an imported `after`/`waitUntil` cannot be told from a project's own, and a method form only by its name.
 */
const NO_BACKGROUND: BackgroundTest = () => undefined;

/** An `await` whose argument settles only after a flush (see `isFlushPromise`). */
export function isAwaitedFlush(node: TSESTree.Node, isFlush: FlushTest, accepts: BackgroundTest): node is TSESTree.AwaitExpression {
  return node.type === "AwaitExpression" && isFlushPromise(node.argument, isFlush, accepts);
}

/**
 * `return <flush promise>` in an async function, or an arrow whose expression body is one: its
 * promise settles after the flush.
 */
export function isReturnedFlush(node: TSESTree.ReturnStatement | TSESTree.Expression, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  return isFlushPromise(node.type === "ReturnStatement" ? node.argument : node, isFlush, accepts);
}

/** Calls `visit` for every node of `root` that runs when `root` runs (nested functions excluded). */
function forEachOwnNode(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    pushChildren(stack, node, true);
  }
}

/** Keys never followed: types (`x: T`, `(): T`) do not run. (`parent`, `loc`, `range` are no visitor keys.) */
const SKIPPED_KEYS = new Set(["typeAnnotation", "returnType"]);
const childKeysByType = new Map<string, readonly string[]>();

/**
 * Pushes the child nodes of `node` onto `stack` (`ownOnly`: not nested functions and class bodies).
 * The visitor keys name every property of a node that holds nodes (only `Program` has more:
 * `tokens` and `comments`, and no walk here starts above a function body).
 */
function pushChildren(stack: TSESTree.Node[], node: TSESTree.Node, ownOnly = false): void {
  let keys = childKeysByType.get(node.type);
  if (keys === undefined) {
    keys = (visitorKeys[node.type] ?? []).filter((key) => !SKIPPED_KEYS.has(key));
    childKeysByType.set(node.type, keys);
  }
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item) && !(ownOnly && isNestedFunctionOrClassBody(item))) stack.push(item);
    } else if (isNode(value) && !(ownOnly && isNestedFunctionOrClassBody(value))) stack.push(value);
  }
}

/** Sets the `parent` links below `root` that the analyses here walk (a bare typescript-estree parse has none). */
export function withParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children: TSESTree.Node[] = [];
    pushChildren(children, node);
    for (const child of children) (child as { parent?: TSESTree.Node }).parent = node;
    stack.push(...children);
  }
}

function isNestedFunctionOrClassBody(node: TSESTree.Node): boolean {
  return isFunctionNode(node) || node.type === "ClassBody";
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

// ---------------------------------------------------------------------------------------------
// The must-analysis. State along a path: `true` = an awaited flush has happened on every path that
// reaches this point (and no span has started since), `"after"` = a flush the platform runs after the
// response (`after(() => tracer.forceFlush())`) is registered on every path (nothing later undoes it: it
// runs after everything, a returned stream included), `false` = not on some path, `undefined` = unreachable.

type FlushState = boolean | "after" | undefined;

function meet(a: FlushState, b: FlushState): FlushState {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === false || b === false) return false;
  return a === true || b === true ? true : "after";
}

/**
 * What an exit needs: `"flush"`, a flush after the path's last span start (`true`) or a flush after the
 * response (`"after"`); `"after"` alone for a handler whose returned stream traces after it returned
 * (`streamWorkOf`: a flush on the handler's path runs before the stream).
 */
export type FlushRequirement = "flush" | "after";

function meets(state: FlushState, required: FlushRequirement = "flush"): boolean {
  return required === "after" ? state === "after" : state === true || state === "after";
}

/**
 * A call that starts a span on the path it runs on (`tracer.startSpan(name, fn)`, a call of a traced
 * function): started after the path's last flush, the span is not flushed (`spanTestOf`).
 */
export type SpanTest = (call: TSESTree.CallExpression) => boolean;

interface JumpTarget {
  readonly label: string | undefined;
  /** Loops accept `continue` and unlabeled `break`; switch accepts unlabeled `break`; labels accept `break label`. */
  readonly kind: "loop" | "switch" | "label";
  breakState: FlushState;
  continueState: FlushState;
}

/**
 * The analysis run for a gate in place of a flush (`await next()` of a middleware: `flushesAroundNext`):
 * told the state in which each statement is entered (a statement entered on several paths: the meet).
 */
interface GateAnalysis {
  onStatement(statement: TSESTree.Node, state: FlushState): void;
}

class MustFlush {
  constructor(
    /** Flush calls to count as awaited (to ask "would awaiting them be enough?"). */
    private readonly assumeAwaited: ReadonlySet<TSESTree.Node>,
    private readonly isFlush: FlushTest,
    /** Which calls hand work to the platform: the entry point's platform's forms, or any platform's by the file's bindings. */
    private readonly acceptsBackground: BackgroundTest,
    /** Statements that send the response (`responseSends`): each is an exit that a flushing `finally` does not cover. */
    private readonly sendStatements: ReadonlySet<TSESTree.Node> = new Set(),
    /** Send statements whose send awaits work first (`res.json(await answer())`): a flush before them runs before that work. */
    private readonly sendsAfterWork: ReadonlySet<TSESTree.Node> = new Set(),
    private readonly gate?: GateAnalysis,
    /** Span starts, each of which undoes a flush before it on its path (none asked: flushes only). */
    private readonly spans?: SpanTest,
    readonly required: FlushRequirement = "flush",
  ) {}

  /** A `return` (or the implicit end) that is reached without a flush. */
  unflushedExit = false;
  private flushingFinallyDepth = 0;
  private readonly targets: JumpTarget[] = [];

  /** Flush state after the unconditional part of an expression has run. */
  expression(node: TSESTree.Node | null | undefined, state: FlushState): FlushState {
    if (state === undefined || state === "after" || !node || (state === true && !this.spans)) return state;
    const last = lastFlushEvent(node, this.assumeAwaited, this.isFlush, this.acceptsBackground, this.spans);
    return last === undefined ? state : last === "span" ? false : last;
  }

  /** A child analysis (a `finally` on its own) with the same tests. */
  private sibling(): MustFlush {
    return new MustFlush(this.assumeAwaited, this.isFlush, this.acceptsBackground, undefined, undefined, undefined, this.spans, this.required);
  }

  statements(statements: readonly TSESTree.Node[], state: FlushState): FlushState {
    let current = state;
    for (const statement of statements) {
      if (current === undefined) return undefined; // unreachable code is not a path
      current = this.statement(statement, current);
    }
    return current;
  }

  statement(node: TSESTree.Node, state: FlushState): FlushState {
    this.gate?.onStatement(node, state);
    if ((!meets(state, this.required) && this.sendStatements.has(node)) || this.sendsAfterWork.has(node)) this.unflushedExit = true;
    switch (node.type) {
      case "BlockStatement":
      case "StaticBlock":
        return this.statements(node.body, state);
      case "ExpressionStatement":
        return this.expression(node.expression, state);
      case "VariableDeclaration":
        return node.declarations.reduce<FlushState>((current, declarator) => this.expression(declarator.init, current), state);
      case "ReturnStatement": {
        const atReturn = isReturnedFlush(node, this.isFlush, this.acceptsBackground) ? (state === "after" ? state : true) : this.expression(node.argument, state);
        if (!meets(atReturn, this.required) && this.flushingFinallyDepth === 0) this.unflushedExit = true;
        return undefined;
      }
      case "ThrowStatement":
        return undefined;
      case "IfStatement": {
        const afterTest = this.expression(node.test, state);
        const consequent = this.statement(node.consequent, afterTest);
        const alternate = node.alternate ? this.statement(node.alternate, afterTest) : afterTest;
        return meet(consequent, alternate);
      }
      case "LabeledStatement": {
        const isLoop = LOOP_TYPES.has(node.body.type);
        if (isLoop) return this.loop(node.body, state, node.label.name);
        const target = this.pushTarget("label", node.label.name);
        const out = this.statement(node.body, state);
        this.targets.pop();
        return meet(out, target.breakState);
      }
      case "WhileStatement":
      case "DoWhileStatement":
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
        return this.loop(node, state, undefined);
      case "SwitchStatement":
        return this.switchStatement(node, state);
      case "TryStatement":
        return this.tryStatement(node, state);
      case "BreakStatement":
      case "ContinueStatement": {
        const target = this.jumpTarget(node);
        if (target) {
          // A jump through a flushing finally is not credited with its flush: ESLint's code paths do not
          // route `break`/`continue` through the finalizer, and both analyses must agree.
          if (node.type === "BreakStatement") target.breakState = meet(target.breakState, state);
          else target.continueState = meet(target.continueState, state);
        }
        return undefined;
      }
      case "WithStatement":
        return this.statement(node.body, this.expression(node.object, state));
      default:
        // Declarations of functions, classes, types, imports, empty statements: nothing runs here.
        return state;
    }
  }

  private pushTarget(kind: JumpTarget["kind"], label: string | undefined): JumpTarget {
    const target: JumpTarget = { kind, label, breakState: undefined, continueState: undefined };
    this.targets.push(target);
    return target;
  }

  private jumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): JumpTarget | undefined {
    for (let index = this.targets.length - 1; index >= 0; index -= 1) {
      const target = this.targets[index];
      if (node.label) {
        if (target.label === node.label.name) return target;
      } else if (target.kind === "loop" || (target.kind === "switch" && node.type === "BreakStatement")) {
        return target;
      }
    }
    return undefined;
  }

  private loop(node: TSESTree.Node, state: FlushState, label: string | undefined): FlushState {
    const target = this.pushTarget("loop", label);
    let exit: FlushState;
    switch (node.type) {
      case "WhileStatement": {
        const afterTest = this.expression(node.test, state);
        // Spans started in the body come before the next test: its end reaches the exit too.
        const bodyOut = meet(this.statement(node.body, afterTest), target.continueState);
        exit = isAlwaysTrue(node.test) ? undefined : meet(afterTest, bodyOut === undefined ? undefined : this.expression(node.test, bodyOut));
        break;
      }
      case "DoWhileStatement": {
        const body = meet(this.statement(node.body, state), target.continueState);
        const afterTest = body === undefined ? undefined : this.expression(node.test, body);
        exit = isAlwaysTrue(node.test) ? undefined : afterTest;
        break;
      }
      case "ForStatement": {
        const afterInit = node.init ? (node.init.type === "VariableDeclaration" ? this.statement(node.init, state) : this.expression(node.init, state)) : state;
        const afterTest = this.expression(node.test, afterInit);
        const bodyOut = meet(this.statement(node.body, afterTest), target.continueState);
        const again = bodyOut === undefined ? undefined : this.expression(node.test, this.expression(node.update, bodyOut));
        exit = !node.test || isAlwaysTrue(node.test) ? undefined : meet(afterTest, again);
        break;
      }
      case "ForInStatement":
      case "ForOfStatement": {
        const afterRight = this.expression(node.right, state);
        exit = meet(afterRight, meet(this.statement(node.body, afterRight), target.continueState));
        break;
      }
      default:
        exit = state;
    }
    this.targets.pop();
    return meet(exit, target.breakState);
  }

  private switchStatement(node: TSESTree.SwitchStatement, state: FlushState): FlushState {
    const afterDiscriminant = this.expression(node.discriminant, state);
    const target = this.pushTarget("switch", undefined);
    let fallthrough: FlushState = undefined;
    for (const switchCase of node.cases) {
      const entry = meet(fallthrough, this.expression(switchCase.test, afterDiscriminant));
      fallthrough = this.statements(switchCase.consequent, entry);
    }
    this.targets.pop();
    const hasDefault = node.cases.some((switchCase) => switchCase.test === null);
    const out = meet(fallthrough, target.breakState);
    return hasDefault ? out : meet(out, afterDiscriminant);
  }

  private tryStatement(node: TSESTree.TryStatement, state: FlushState): FlushState {
    const finalizerFlushes = node.finalizer !== null && meets(this.sibling().statement(node.finalizer, false), this.required);
    if (finalizerFlushes) this.flushingFinallyDepth += 1;
    const block = this.statement(node.block, state);
    // The catch clause can be entered before anything in the try block ran; for a gate, not when the
    // try block begins by awaiting it (a throw there comes from the gate's own work or after it).
    const first = node.block.body[0];
    const handlerEntry = this.gate && first && meets(new MustFlush(this.assumeAwaited, this.isFlush, this.acceptsBackground).statement(first, false)) ? true : state;
    const handler = node.handler ? this.statement(node.handler.body, handlerEntry) : undefined;
    if (finalizerFlushes) this.flushingFinallyDepth -= 1;
    const beforeFinally = node.handler ? meet(block, handler) : block;
    if (!node.finalizer || beforeFinally === undefined) return beforeFinally;
    return this.statement(node.finalizer, beforeFinally);
  }
}


function isAlwaysTrue(node: TSESTree.Node): boolean {
  return node.type === "Literal" && node.value === true;
}

/**
 * The last of the flush events evaluating `node` runs, in source order: an awaited flush found outside the
 * parts that may be skipped (right side of `&&`/`||`/`??`, branches of `?:`) → `true`, a flush the platform
 * runs after the response there → `"after"` (it outlasts everything), a span start anywhere (skippable parts
 * included: on some path it runs) → `"span"`; nested functions are not followed. Undefined: none.
 */
function lastFlushEvent(node: TSESTree.Node, assumeAwaited: ReadonlySet<TSESTree.Node>, isFlush: FlushTest, acceptsBackground: BackgroundTest, spans: SpanTest | undefined): true | "after" | "span" | undefined {
  let flushEnd = -1;
  let spanEnd = -1;
  const stack: Array<{ node: TSESTree.Node; skippable: boolean }> = [{ node, skippable: false }];
  const push = (child: TSESTree.Node, skippable: boolean): void => {
    stack.push({ node: child, skippable });
  };
  while (stack.length > 0) {
    const { node: current, skippable } = stack.pop()!;
    if (!skippable) {
      const background = backgroundFlushOf(current, isFlush, acceptsBackground);
      if (background) {
        if (runsAfterResponse(background)) return "after";
        flushEnd = Math.max(flushEnd, current.range[1]);
        continue;
      }
      if (isAwaitedFlush(current, isFlush, acceptsBackground) || assumeAwaited.has(current)) {
        flushEnd = Math.max(flushEnd, current.range[1]);
        continue;
      }
    }
    if (isFunctionNode(current) || current.type === "ClassBody") continue;
    if (spans && current.type === "CallExpression" && spans(current)) spanEnd = Math.max(spanEnd, current.range[1]);
    if (!spans && skippable) continue; // only flushes asked: nothing to find in a skippable part
    if (current.type === "LogicalExpression") {
      push(current.left, skippable);
      push(current.right, true);
      continue;
    }
    if (current.type === "ConditionalExpression") {
      push(current.test, skippable);
      push(current.consequent, true);
      push(current.alternate, true);
      continue;
    }
    const children: TSESTree.Node[] = [];
    pushChildren(children, current);
    for (const child of children) push(child, skippable);
  }
  if (flushEnd < 0 && spanEnd < 0) return undefined;
  return flushEnd > spanEnd ? true : "span";
}

/** Does every normal exit of `fn` (returns and the implicit end; not throws) pass an awaited flush? */
export function flushesOnEveryPath(
  fn: FunctionNode,
  assumeAwaited: ReadonlySet<TSESTree.Node>,
  isFlush: FlushTest,
  sends: readonly TSESTree.CallExpression[],
  acceptsBackground: BackgroundTest,
  spans?: SpanTest,
  required: FlushRequirement = "flush",
): boolean {
  const sendsAfterWork = sends.filter((send) => sendAwaitsWork(send, isFlush, acceptsBackground));
  const analysis = new MustFlush(assumeAwaited, isFlush, acceptsBackground, new Set(sends.map(enclosingStatementOf)), new Set(sendsAfterWork.map(enclosingStatementOf)), undefined, spans, required);
  if (fn.body.type !== "BlockStatement") return meets(isFlushPromise(fn.body, isFlush, acceptsBackground) ? true : analysis.expression(fn.body, false), required);
  const end = analysis.statement(fn.body, false);
  return !analysis.unflushedExit && (end === undefined || meets(end, required));
}

/**
 * A middleware that awaits the rest of the chain at its parameter `nextParameter` (Koa's and Hono's
 * `(ctx, next)`) and then flushes on every normal path: `try { await next(); } finally { await
 * tracer.forceFlush(); }`, `await next(); c.executionCtx.waitUntil(tracer.forceFlush());`, `await
 * next().finally(() => tracer.forceFlush())`. A flush counts only after an `await next()` on every path
 * that reaches it (or in a `.then/.finally` callback on `next()`): one before it runs while the routes
 * have not run yet, whatever another branch awaited earlier in the text, and a
 * flush that is not awaited (`tracer.forceFlush();`) lets the response go out before it settles.
 * `nextParameter` may name a property of a destructured parameter instead: SvelteKit's `handle({ event,
 * resolve })`, whose `await resolve(event)` renders the route (`{ parameter: 0, property: "resolve" }`).
 */
export function flushesAroundNext(
  fn: FunctionNode,
  nextParameter: number | { readonly parameter: number; readonly property: string },
  isFlush: FlushTest,
  acceptsBackground: BackgroundTest,
): boolean {
  const parameter = nextBinding(fn, nextParameter);
  if (parameter === undefined) return false;
  const isNextCall = (node: TSESTree.Node | null | undefined): boolean => {
    const call = unwrapExpression(node);
    if (call?.type !== "CallExpression") return false;
    if (parameter.property === undefined) return call.callee.type === "Identifier" && call.callee.name === parameter.name;
    // `input.resolve(input.event)`: the property called on the parameter itself.
    const callee = unwrapExpression(call.callee);
    return callee?.type === "MemberExpression" && memberName(callee) === parameter.property && unwrapExpression(callee.object)?.type === "Identifier" && (unwrapExpression(callee.object) as TSESTree.Identifier).name === parameter.name;
  };
  const awaitedNextEnds: number[] = [];
  forEachOwnNode(fn.body, (node) => {
    if (node.type === "AwaitExpression" && isNextCall(node.argument)) awaitedNextEnds.push(node.range[1]);
  });
  // Whether `next()` was awaited on every path into each statement: the same must-analysis as the
  // flush's, with the awaited `next()` in the flush's place. A flush in a statement entered so runs
  // after the routes; one that only follows an `await next()` of another branch in the text does not.
  const nextAwaitedBefore = new Map<TSESTree.Node, FlushState>();
  if (fn.body.type === "BlockStatement") {
    const recordEntry = (statement: TSESTree.Node, state: FlushState): void => {
      nextAwaitedBefore.set(statement, nextAwaitedBefore.has(statement) ? meet(nextAwaitedBefore.get(statement), state) : state);
    };
    new MustFlush(new Set(), (call) => isNextCall(call), NO_BACKGROUND, new Set(), new Set(), { onStatement: recordEntry }).statement(fn.body, false);
  }
  /** After an awaited `next()` on every path: entering its innermost statement, or earlier in that statement. */
  const afterAwaitedNext = (call: TSESTree.Node): boolean => {
    let statement: TSESTree.Node | undefined = call;
    while (statement && statement !== fn && !nextAwaitedBefore.has(statement)) statement = statement.parent;
    if (!statement || statement === fn) return awaitedNextEnds.some((end) => end <= call.range[0]);
    if (meets(nextAwaitedBefore.get(statement))) return true;
    return awaitedNextEnds.some((end) => end <= call.range[0] && end > statement!.range[0]);
  };
  /** Inside a callback of `next().then(…)` / `next().finally(…)`. */
  const inNextCallback = (call: TSESTree.Node): boolean => {
    for (let node = call.parent; node && node !== fn; node = node.parent) {
      const holder = node.parent;
      if (
        isFunctionNode(node) &&
        holder?.type === "CallExpression" &&
        holder.callee.type === "MemberExpression" &&
        (memberName(holder.callee) === "then" || memberName(holder.callee) === "finally") &&
        isNextCall(holder.callee.object)
      ) {
        return true;
      }
    }
    return false;
  };
  const afterNext: FlushTest = (call) => isFlush(call) && (afterAwaitedNext(call) || inNextCallback(call));
  return flushesOnEveryPath(fn, new Set(), afterNext, [], acceptsBackground);
}

/**
 * The name `flushesAroundNext`'s `next` is called by: the parameter itself, `{ resolve }` / `{ resolve: next }` of a
 * destructured one, or the parameter with the property called on it (`handle(input)`'s `input.resolve(…)`).
 */
function nextBinding(fn: FunctionNode, next: number | { readonly parameter: number; readonly property: string }): { readonly name: string; readonly property?: string } | undefined {
  const parameter = fn.params[typeof next === "number" ? next : next.parameter];
  if (typeof next === "number") return parameter?.type === "Identifier" ? { name: parameter.name } : undefined;
  if (parameter?.type === "Identifier") return { name: parameter.name, property: next.property };
  if (parameter?.type !== "ObjectPattern") return undefined;
  for (const property of parameter.properties) {
    if (property.type === "Property" && staticName(property.key, property.computed) === next.property && property.value.type === "Identifier") return { name: property.value.name };
  }
  return undefined;
}

/**
 * The properties of `fn`'s first parameter that may be the rest of the chain: the keys of a destructured one
 * (`handle({ event, resolve })`), or the properties called on it (`handle(input)`: `input.resolve(…)`).
 */
export function chainPropertiesOf(fn: FunctionNode): string[] {
  const first = fn.params[0];
  if (first?.type === "ObjectPattern") {
    return first.properties.flatMap((property) => {
      const key = property.type === "Property" && property.value.type === "Identifier" ? staticName(property.key, property.computed) : undefined;
      return key === undefined ? [] : [key];
    });
  }
  if (first?.type !== "Identifier") return [];
  const called = new Set<string>();
  forEachOwnNode(fn.body, (node) => {
    if (node.type !== "CallExpression") return;
    const callee = unwrapExpression(node.callee);
    const object = callee?.type === "MemberExpression" ? unwrapExpression(callee.object) : undefined;
    if (callee?.type === "MemberExpression" && object?.type === "Identifier" && object.name === first.name) {
      const name = memberName(callee);
      if (name !== undefined) called.add(name);
    }
  });
  return [...called];
}

/**
 * A done-callback hook (Fastify's `(request, reply, payload, done)`, not async: Fastify then continues
 * only once `done` is called) that calls its `done` parameter at `doneParameter` only after a flush has
 * settled: every use of `done` is in (or is) a callback of `.then(…)`/`.catch(…)`/`.finally(…)` on a flush
 * promise (`tracer.forceFlush().then(() => done(null, payload), done)`, `.finally(done)`, `.catch(done)`), so whatever path runs
 * it, the hook's end comes after the flush; the counterpart of an async hook's awaited flush. A `done`
 * used anywhere else (called first, handed to another function) may end the hook before the flush.
 */
export function callsDoneAfterFlush(fn: FunctionNode, doneParameter: number, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  const parameter = fn.params[doneParameter];
  if (fn.async || parameter?.type !== "Identifier") return false;
  const name = parameter.name;
  let uses = 0;
  let early = false;
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0 && !early) {
    const node = stack.pop()!;
    // A nested function with a parameter of the same name shadows it (nothing of ours inside).
    if (isFunctionNode(node) && node.params.some((param) => param.type === "Identifier" && param.name === name)) continue;
    if (node.type === "Identifier" && node.name === name && isReference(node)) {
      uses += 1;
      if (!runsAfterFlush(node, fn, isFlush, accepts)) early = true;
      continue;
    }
    pushChildren(stack, node);
  }
  return uses > 0 && !early;
}

/** An identifier read as a value (not a property key, a member name, or a declaration of its own). */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === "MemberExpression" && parent.property === identifier && !parent.computed) return false;
  if (parent?.type === "Property" && parent.key === identifier && !parent.computed && !parent.shorthand) return false;
  return !(parent?.type === "VariableDeclarator" && parent.id === identifier);
}

/**
 * `node` (inside `fn`) is, or sits in, a callback of `.then(…)`/`.catch(…)`/`.finally(…)` on a flush
 * promise: each runs only once that promise has settled (`.then(() => done(null, payload)).catch(done)`).
 */
function runsAfterFlush(node: TSESTree.Node, fn: FunctionNode, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== fn; current = current.parent) {
    const call = current.parent;
    if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || !call.arguments.includes(current as TSESTree.CallExpressionArgument)) continue;
    const method = memberName(call.callee);
    if (method !== undefined && PROMISE_CHAIN_METHODS.has(method) && (isFunctionNode(current) || current === node) && isFlushPromise(call.callee.object, isFlush, accepts)) return true;
  }
  return false;
}

/**
 * The send awaits work before it sends (`res.json(await answer())`, `res.status(await code()).send(…)`):
 * the spans of that work start after any flush written before the statement, so no flush there covers
 * them; an awaited flush among the arguments (`await work().finally(() => tracer.forceFlush())`) is no work.
 */
export function sendAwaitsWork(send: TSESTree.Node, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  let found = false;
  forEachOwnNode(send, (node) => {
    if (node.type === "AwaitExpression" && !isAwaitedFlush(node, isFlush, accepts)) found = true;
  });
  return found;
}

/** The statement a call runs in (for a send: the flush must come before it). */
function enclosingStatementOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !/Statement$|^VariableDeclaration$/.test(current.type)) current = current.parent;
  return current;
}

/** A `try { … } finally { … }` whose finally awaits a flush on every path through it. */
export function isTryFinallyFlush(statement: TSESTree.Node | undefined, isFlush: FlushTest, accepts: BackgroundTest): statement is TSESTree.TryStatement {
  return (
    statement?.type === "TryStatement" &&
    statement.finalizer !== null &&
    meets(new MustFlush(new Set(), isFlush, accepts).statement(statement.finalizer, false))
  );
}

const spanTests = new AttachedCache<TSESTree.Program, SpanTest>("honeyhive.spanTest");

/**
 * The calls of this file that start a span (`SpanTest`): a span-starting method (knowledge/sdks/honeyhive.ts
 * `SPAN_STARTING_MEMBERS`) on a HoneyHive tracer, a call of a traced function, and the starts of
 * knowledge/span-starts.ts: OpenTelemetry's `startActiveSpan`/`startSpan` on a tracer whose spans reach HoneyHive, a
 * library call whose telemetry is on with such a tracer. Not one whose promise is a flush
 * (`tracer.startSpan(name, async () => { …; await tracer.forceFlush(); })` counts as the flush, as before).
 */
export function spanTestOf(input: AnalysisInput): SpanTest {
  const cached = spanTests.get(input.ast);
  if (cached) return cached;
  const sdk = getSdkModel(input);
  const isFlush = flushTestOf(input);
  const sourceOf = honeyhiveTracerSourceOf(input, sdk);
  const reachesHoneyhive = (node: TSESTree.Node): boolean => sourceOf(node) !== undefined;
  const test: SpanTest = (call) => {
    const callee = unwrapExpression(call.callee);
    const method = memberName(callee);
    const starts =
      (callee?.type === AST_NODE_TYPES.MemberExpression && (SPAN_STARTING_MEMBERS as ReadonlySet<string>).has(method ?? "") && sdk.tracerOf(callee.object) !== undefined) ||
      sdk.isTracedFunction(call.callee) ||
      (callee?.type === AST_NODE_TYPES.MemberExpression && OTEL_SPAN_STARTING_METHODS.includes(method ?? "") && reachesHoneyhive(callee.object)) ||
      telemetryTracingOf(input, call) !== undefined;
    return starts && !isFlushPromise(call, isFlush, anyPlatformBackgroundTest(input));
  };
  spanTests.set(input.ast, test);
  return test;
}

/**
 * A library call whose telemetry sends its spans to HoneyHive (one of knowledge/span-starts.ts `TELEMETRY_SPAN_STARTS`
 * with a tracer that reaches HoneyHive: `telemetryTracersOf`): `{ tracer }`, the HoneyHive tracer whose provider gave
 * the call's tracer (what flushes its spans), undefined when none is named (a tracer of the file's own pipeline);
 * undefined for any other call. The flush rule's span starts (`spanTestOf`) and a handler's tracer use
 * (`firstTracerUse`) read it.
 */
function telemetryTracingOf(input: AnalysisInput, call: TSESTree.CallExpression): { readonly tracer: TracerDeclaration | undefined } | undefined {
  if (!TELEMETRY_NAMES.some((name) => input.text.includes(name))) return undefined;
  const origin = getAnalysisContext(input).bindings.originOf(call.callee);
  if (!origin || origin.typeOnly) return undefined;
  const option = TELEMETRY_SPAN_STARTS.find((entry) => entry.functions.some((fn) => originMatches(origin, fn)));
  if (!option) return undefined;
  const sourceOf = honeyhiveTracerSourceOf(input, getSdkModel(input));
  const sources = telemetryTracersOf(input, call.arguments[0], option).flatMap((tracer) => sourceOf(tracer) ?? []);
  return sources.length === 0 ? undefined : (sources.find((source) => source.tracer !== undefined) ?? sources[0]);
}

/** The names of the library calls with telemetry (the text test before resolving a callee). */
const TELEMETRY_NAMES: readonly string[] = TELEMETRY_SPAN_STARTS.flatMap((entry) => entry.functions.map((fn) => fn.name));

type TelemetrySpanStart = (typeof TELEMETRY_SPAN_STARTS)[number];

/**
 * The tracers a library call with telemetry makes its spans with. Before the version that moved the tracer into
 * integrations (analysis/telemetry-version.ts, the instrumentation rule's answer), the settings' `tracerKey`
 * (`telemetryTracer`). From it on (AI SDK 7), the settings' tracer is ignored: the tracers of the integrations given
 * to the call (`telemetry: { integrations: [new OpenTelemetry({ tracer })] }`), else of those the file registers
 * for every call (`registerTelemetry(…)`), unless the settings turn telemetry off (`isEnabled: false`).
 */
function telemetryTracersOf(input: AnalysisInput, options: TSESTree.Node | undefined, option: TelemetrySpanStart): readonly TSESTree.Node[] {
  const integration = tracerIntegrationOf(input, option);
  if (!integration) {
    const tracer = telemetryTracer(options, option);
    return tracer ? [tracer] : [];
  }
  const { bindings } = getAnalysisContext(input);
  const object = bindings.objectOf(options);
  const keys = option.tracerMovedToIntegration?.options ?? [option.option];
  const property = object && keys.map((key) => findProperty(object, key)).find((found) => found !== undefined);
  const settings = property && bindings.objectOf(property.value);
  const enabled = settings && unwrapExpression(findProperty(settings, option.enabledKey)?.value);
  if (enabled?.type === AST_NODE_TYPES.Literal && enabled.value === false) return [];
  const own = settings && findProperty(settings, integration.integrationsKey);
  return own ? integrationTracers(input, own.value, integration) : registeredIntegrationTracers(input, integration);
}

/** The tracers given to the integrations an expression makes: `new OpenTelemetry({ tracer })`, an array of them (or of consts holding them). */
function integrationTracers(input: AnalysisInput, value: TSESTree.Node, integration: TelemetryIntegration): readonly TSESTree.Node[] {
  const { bindings } = getAnalysisContext(input);
  const unwrapped = unwrapExpression(value);
  const elements = unwrapped?.type === AST_NODE_TYPES.ArrayExpression ? unwrapped.elements : [unwrapped];
  return elements.flatMap((element) => {
    let made = element?.type === AST_NODE_TYPES.SpreadElement ? undefined : unwrapExpression(element ?? undefined);
    if (made?.type === AST_NODE_TYPES.Identifier) made = unwrapExpression(bindings.valueOf(made));
    if (made?.type !== AST_NODE_TYPES.NewExpression) return [];
    const origin = bindings.originOf(made.callee);
    if (!origin || origin.typeOnly || !integration.classes.some((cls) => originMatches(origin, cls.export))) return [];
    const tracer = bindings.objectOf(made.arguments[0]);
    const property = tracer && findProperty(tracer, integration.tracerKey);
    return property ? [property.value] : [];
  });
}

const registeredTracers = new AttachedCache<TSESTree.Program, ReadonlyMap<string, readonly TSESTree.Node[]>>("honeyhive.registeredIntegrationTracers");

/** The tracers of the integrations the file registers for every call (`registerTelemetry(new OpenTelemetry({ tracer }))`). */
function registeredIntegrationTracers(input: AnalysisInput, integration: TelemetryIntegration): readonly TSESTree.Node[] {
  let byIntegration = registeredTracers.get(input.ast);
  if (!byIntegration?.has(integration.id)) {
    const found: TSESTree.Node[] = [];
    if (input.text.includes(integration.register.name)) {
      const { bindings } = getAnalysisContext(input);
      for (const call of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], input.ast)) {
        const origin = bindings.originOf(call.callee);
        if (origin && !origin.typeOnly && originMatches(origin, integration.register)) for (const argument of call.arguments) found.push(...integrationTracers(input, argument, integration));
      }
    }
    byIntegration = new Map([...(byIntegration ?? []), [integration.id, found]]);
    registeredTracers.set(input.ast, byIntegration);
  }
  return byIntegration.get(integration.id) ?? [];
}

/** The tracer named by `{ <option>: { <enabledKey>: true, <tracerKey>: tracer } }`; undefined when telemetry is off or names none. */
function telemetryTracer(options: TSESTree.Node | undefined, option: TelemetrySpanStart): TSESTree.Node | undefined {
  const valueOf = (object: TSESTree.Node | undefined, key: string): TSESTree.Node | undefined => {
    const unwrapped = unwrapExpression(object);
    if (unwrapped?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const property = unwrapped.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && staticName(candidate.key, candidate.computed) === key);
    return property?.type === AST_NODE_TYPES.Property ? property.value : undefined;
  };
  const settings = valueOf(options, option.option);
  const enabled = unwrapExpression(valueOf(settings, option.enabledKey));
  if (enabled?.type !== AST_NODE_TYPES.Literal || enabled.value !== true) return undefined;
  return valueOf(settings, option.tracerKey);
}

/**
 * Whether an expression holds an OpenTelemetry tracer whose spans reach HoneyHive: `<honeyhive tracer>.provider.getTracer(…)`
 * (or a variable initialized with it), `{ tracer }` naming that HoneyHive tracer, or a tracer of the file's own
 * pipeline exporting to HoneyHive (`otelSetupOf`), `{ tracer: undefined }`; undefined when it does not.
 */
function honeyhiveTracerSourceOf(input: AnalysisInput, sdk: SdkModel): (node: TSESTree.Node) => { readonly tracer: TracerDeclaration | undefined } | undefined {
  const otel = otelSetupOf(input);
  const { bindings } = getAnalysisContext(input);
  const fromProvider = (node: TSESTree.Node | undefined, depth: number): { readonly tracer: TracerDeclaration | undefined } | undefined => {
    const value = unwrapExpression(node);
    if (!value || depth > 2) return undefined;
    if (otel?.tracesAt(value)) return { tracer: undefined };
    if (value.type === AST_NODE_TYPES.Identifier) {
      const def = bindings.variableOf(value)?.defs[0];
      return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name ? fromProvider(def.node.init ?? undefined, depth + 1) : undefined;
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(value.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== HONEYHIVE_PROVIDER.getTracer) return undefined;
    const provider = unwrapExpression(callee.object);
    const tracer = provider?.type === AST_NODE_TYPES.MemberExpression && memberName(provider) === HONEYHIVE_PROVIDER.property ? sdk.tracerOf(provider.object) : undefined;
    return tracer ? { tracer } : undefined;
  };
  return (node) => fromProvider(node, 0);
}

/**
 * The handler's stream work (`LambdaFlush.streamWork`): the tasks a stream it returns runs after it returned. A
 * task that awaits a flush on every path at its end (a `finally` of a ReadableStream's `start` before `close()`,
 * `onFinish: async () => { await tracer.forceFlush(); }`) ends the response after that flush: when one does and
 * every task that traces does, the handler is flushed, unless the library traces by itself (its spans end after
 * its callbacks). Otherwise, when a task (or the library's telemetry) traces,
 * the flushes on the handler's path run before those spans end.
 */
function streamWorkOf(input: AnalysisInput, fn: FunctionNode, isFlush: FlushTest, spans: SpanTest): StreamWork {
  const found = streamTasksOf(input, fn, spans);
  if (!found) return undefined;
  const traces = (task: FunctionNode): boolean => nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], task.body).some(spans);
  const flushing = found.tasks.filter((task) => flushesOnEveryPath(task, new Set(), isFlush, [], anyPlatformBackgroundTest(input), spans));
  // A flush at the stream's end (knowledge/streams.ts `StreamEnd`: a TransformStream's `flush()`, `onFinish`) runs after
  // every other callback of that stream: it covers them too.
  const endsFlushed = new Set<TSESTree.Node | undefined>(
    flushing.flatMap((task) => {
      const origin = found.origins.get(task);
      return origin && isStreamEnd(origin) ? [origin.made] : [];
    }),
  );
  const covered = (task: FunctionNode): boolean => flushing.includes(task) || endsFlushed.has(found.origins.get(task)?.made);
  const tracing = found.tasks.filter((task) => found.spanScopes.includes(task) || traces(task));
  // The library's own spans (the AI SDK's telemetry) end after its callbacks have run: its root span `ai.streamText`
  // ends after `onFinish` is awaited (vercel/ai ai@4.3.16 core/generate-text/stream-text.ts:828 then :870; the same
  // in 5.x and 6.x), or beside it in 7.x (notify.ts Promise.all). A flush at the end of a task does not cover them.
  if (!found.libraryTraces && flushing.length > 0 && tracing.every(covered)) return "flushed-at-end";
  return found.libraryTraces || tracing.length > 0 ? "unflushed" : undefined;
}

/**
 * `fn` returns a stream whose work traces and does not flush at its end (`streamWorkOf`): a flush around the
 * route (a middleware's after `await next()`) runs before that work. Asked for a route a flushing middleware
 * covers (analysis/handlers.ts); false for a file that does not use this SDK. Never throws.
 */
export function streamTracesUnflushed(input: AnalysisInput, fn: FunctionNode): boolean {
  return lazily(false, () => getSdkModel(input).usesSdk && streamWorkOf(input, fn, flushTestOf(input), spanTestOf(input)) === "unflushed");
}

const flushTests = new AttachedCache<TSESTree.Program, FlushTest>("honeyhive.flushTest");

/**
 * The calls of this file that flush: every profile's flush calls (`profileFlushTestOf`), and same-file
 * functions that flush on every path (`async function flushTraces() { await tracer.forceFlush(); }`,
 * `const flush = () => tracer.forceFlush()`), resolved through scope; also such a function imported
 * from a project module (analysis/project-modules.ts, one module deep).
 */
export function flushTestOf(input: AnalysisInput): FlushTest {
  const cached = flushTests.get(input.ast);
  if (cached) return cached;
  const isProfileFlush = profileFlushTestOf(input);
  const { bindings } = getAnalysisContext(input);
  const verdicts = new Map<FunctionNode, boolean>();
  const test: FlushTest = (call) => {
    // `const { forceFlush } = tracer; await forceFlush()`: unbound, it rejects and flushes nothing; bound, it flushes.
    const held = call.callee.type === "Identifier" ? tracerFlushMethodOf(input, call) : undefined;
    if (held) return held.bound;
    // Every handler this test is asked about traces through HoneyHive (its tracer, or OpenTelemetry exporting
    // to HoneyHive): a flush of another SDK's or pipeline's object (Langfuse's flushAsync(), a Honeycomb
    // provider) does not send HoneyHive's spans (fix-lookalike-names D1, D2).
    if (isProfileFlush(call)) return !flushesAnotherPipeline(input, call);
    if (isImportedPipelineShutdown(input, call)) return true;
    if (call.callee.type !== "Identifier") return false;
    const variable = bindings.variableOf(call.callee);
    const fn = helperFunctionOf(variable);
    // A helper imported from a project module counts when that module's own flush analysis says it flushes on every path.
    if (!fn) return variable ? importedFact(input, variable, "flushHelper") !== undefined : false;
    const known = verdicts.get(fn);
    if (known !== undefined) return known;
    verdicts.set(fn, false); // recursion guard: a helper that calls itself is not proof of a flush
    const verdict = flushesOnEveryPath(fn, new Set(), test, [], anyPlatformBackgroundTest(input));
    verdicts.set(fn, verdict);
    return verdict;
  };
  flushTests.set(input.ast, test);
  return test;
}

/**
 * `provider.shutdown()` of a provider or span processor imported from a project module that exports to
 * HoneyHive (flush-calls.ts `sharedOtelObjectOf`): it exports what the invocation recorded, as a
 * provider made in the file does, so it counts as the path's flush, and `sharedShutdownsOf` reports it
 * (the pipeline outlives the invocation). Only an imported binding's `shutdown` is asked about.
 */
function isImportedPipelineShutdown(input: AnalysisInput, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || !SHUTDOWN_NAMES.has(memberName(callee) ?? "")) return false;
  const object = unwrapExpression(callee.object);
  if (object?.type !== AST_NODE_TYPES.Identifier || getAnalysisContext(input).bindings.variableOf(object)?.defs[0]?.type !== "ImportBinding") return false;
  return sharedOtelObjectOf(input, object, call) !== undefined;
}

/** The function a never-redeclared name stands for: `function f() {}` or `const f = () => …`. */
function helperFunctionOf(variable: Scope.Variable | null | undefined): FunctionNode | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === "FunctionName" && isFunctionNode(def.node)) return def.node;
  if (def.type === "Variable" && def.node.type === "VariableDeclarator" && def.parent?.kind === "const") {
    const init = unwrapExpression(def.node.init);
    if (isFunctionNode(init)) return init;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What a Lambda handler traces with and how it flushes

interface TracerUse {
  readonly tracer: TracerDeclaration | undefined;
  /** The node that yields the tracer (`tracer`, `getTracer()`), or the traced function called. */
  readonly node: TSESTree.Node;
}

/** The first tracer (or traced function) the handler uses, in source order; nested callbacks included. */
function firstTracerUse(input: AnalysisInput, fn: FunctionNode, runsInside: readonly FunctionNode[] = []): TracerUse | undefined {
  const sdk = getSdkModel(input);
  // Most handlers use a tracer near their top: a walk of the handler's own body in source order stops at the
  // first use, and only a handler with none inside it walks what it hands its invocation to (below).
  const own = firstOwnTracerUse(input, sdk, fn);
  if (own) return own;
  let found: TracerUse | undefined;
  const consider = (use: TracerUse): void => {
    if (!found || use.node.range[0] < found.node.range[0]) found = use;
  };
  // The app's listeners the handler hands its invocation to (`LambdaHandler.runsInside`) trace inside it too.
  const stack: TSESTree.Node[] = [fn.body, ...runsInside.filter((inner) => !contains(fn, inner)).map((inner) => inner.body)];
  // A record handler of the file the handler passes by name to a batch call (Powertools'
  // `processPartialResponse(event, recordHandler, processor)`) runs inside the invocation: walked too, once.
  const batch = mayRunRecordHandlers(input);
  const walked = new Set<FunctionNode>([fn]);
  let outside: TracerUse | undefined;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "Identifier" || node.type === "CallExpression" || node.type === "MemberExpression") {
      const tracer = sdk.tracerOf(node);
      if (tracer) {
        if (contains(fn, node)) consider({ tracer, node });
        else outside ??= { tracer, node };
        continue;
      }
    }
    if (node.type === "CallExpression" && sdk.isTracedFunction(node.callee)) {
      const use = sdk.traceUseOf(node.callee);
      if (contains(fn, node)) consider({ tracer: use?.boundTracer, node });
      else outside ??= { tracer: use?.boundTracer, node };
    }
    // A library call whose telemetry sends to a HoneyHive tracer (`generateText` with the integration registered
    // with the module's tracer) traces though the handler names no tracer: that tracer is the one to flush. One whose
    // tracer is of the file's own pipeline is that pipeline's (`tracesThroughOtel`).
    const telemetry = node.type === "CallExpression" ? telemetryTracingOf(input, node)?.tracer : undefined;
    if (telemetry) {
      if (contains(fn, node)) consider({ tracer: telemetry, node });
      else outside ??= { tracer: telemetry, node };
    }
    if (batch && node.type === "CallExpression") {
      for (const handler of recordHandlersOf(input, node)?.functions ?? []) {
        if (walked.has(handler) || contains(fn, handler)) continue;
        walked.add(handler);
        stack.push(handler.body);
      }
    }
    pushChildren(stack, node);
  }
  for (const use of sdk.traceUses) {
    // `trace(...)` / `tracer.trace(...)` written inside the handler.
    if (use.node.range[0] >= fn.range[0] && use.node.range[1] <= fn.range[1]) consider({ tracer: use.boundTracer, node: use.node });
  }
  return found ?? outside;
}

/**
 * `firstTracerUse` inside `fn` alone: its body walked in source order (pre-order, so each node starts at
 * or after the one before it), the first node that yields a tracer, a traced function's call or a
 * library call tracing to a tracer is the earliest such node, the same one the whole walk keeps; then a
 * `trace(…)` written before it. Undefined when the body has none of the three (the whole walk decides).
 */
function firstOwnTracerUse(input: AnalysisInput, sdk: SdkModel, fn: FunctionNode): TracerUse | undefined {
  let found: TracerUse | undefined;
  const stack: TSESTree.Node[] = [fn.body];
  const children: TSESTree.Node[] = [];
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (node.type === "Identifier" || node.type === "CallExpression" || node.type === "MemberExpression") {
      const tracer = sdk.tracerOf(node);
      if (tracer) {
        found = { tracer, node };
        break;
      }
    }
    if (node.type === "CallExpression") {
      if (sdk.isTracedFunction(node.callee)) found = { tracer: sdk.traceUseOf(node.callee)?.boundTracer, node };
      else {
        const telemetry = telemetryTracingOf(input, node)?.tracer;
        if (telemetry) found = { tracer: telemetry, node };
      }
      if (found) break;
    }
    pushChildren(children, node);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    children.length = 0;
  }
  if (!found) return undefined;
  for (const use of sdk.traceUses) {
    if (use.node.range[0] >= fn.range[0] && use.node.range[1] <= fn.range[1] && use.node.range[0] < found.node.range[0]) found = { tracer: use.boundTracer, node: use.node };
  }
  return found;
}

/**
 * The text that names the tracer at the top of the handler, and how many leading statements set it up:
 * `const tracer = getTracer();` → (`tracer`, 1); a module-level `tracer` → (`tracer`, 0).
 */
/**
 * `text`: what the flush is called on; `mayBeUnset`: it is a variable whose declaration lets it hold
 * undefined/null, so the flush is written `tracer?.forceFlush()` (TypeScript does not carry a `??=` in
 * the handler's body into its `finally`: TS18048).
 */
function flushTarget(input: AnalysisInput, fn: FunctionNode, use: TracerUse | undefined): { text: string | undefined; setup: number; mayBeUnset?: boolean } {
  const sdk = getSdkModel(input);
  const body = fn.body.type === "BlockStatement" ? fn.body.body : [];
  const setupIndex = (declarator: TSESTree.Node): number =>
    body.findIndex(
      (statement) =>
        statement.type === "VariableDeclaration" && (statement.declarations as readonly TSESTree.Node[]).includes(declarator),
    );
  // `const tracer = getTracer();` (or `= await getTracer()`) at the top of the handler.
  // Only when the use yields the tracer itself: `const result = await tracedStep()` holds a result.
  let holder = use && sdk.tracerOf(use.node) ? use.node.parent : undefined;
  if (holder?.type === "AwaitExpression") holder = holder.parent;
  if (holder?.type === "VariableDeclarator" && holder.id.type === "Identifier") {
    const index = setupIndex(holder);
    if (index !== -1) return { text: holder.id.name, setup: index + 1 };
  }
  let tracer = use?.tracer;
  if (!tracer) {
    const moduleTracers = sdk.tracers.filter((candidate) => candidate.moduleLevel);
    tracer = moduleTracers.length === 1 ? moduleTracers[0] : undefined;
  }
  if (!tracer) return { text: undefined, setup: 0 };
  const declaration = tracer.declaration;
  if (declaration.type === "VariableDeclarator") {
    const index = setupIndex(declaration);
    // A getter declared there (`const { getTracer } = await import("./tracing")`) is named by its call,
    // `getTracer()`, as when imported statically; an async getter by nothing (review-rules F1).
    if (index !== -1) return { text: tracer.callable ? tracer.referenceText : tracer.name, setup: index + 1, mayBeUnset: !tracer.callable && mayBeUnset(declaration) };
  }
  if (rangeContains(fn, declaration)) {
    // Declared deeper in the handler (inside an `if`, a loop): not visible in a finally; name its source.
    const source = declaration.type === "VariableDeclarator" && declaration.init ? sdk.tracerOf(declaration.init) : undefined;
    return { text: source && !rangeContains(fn, source.declaration) ? source.referenceText : undefined, setup: 0 };
  }
  const unset = declaration.type === "VariableDeclarator" && tracer.referenceText === tracer.name && mayBeUnset(declaration);
  return { text: tracer.referenceText, setup: 0, mayBeUnset: unset };
}

/**
 * The declaration lets the variable hold undefined/null, read from its syntax (no type checker): a
 * declared type with `undefined`/`null` in it, or an untyped `let`/`var` without an initializer or
 * initialized to `undefined`/`null`.
 */
function mayBeUnset(declarator: TSESTree.VariableDeclarator): boolean {
  const annotation = declarator.id.typeAnnotation?.typeAnnotation;
  if (annotation) return includesNullish(annotation);
  const init = declarator.init && unwrapExpression(declarator.init);
  return !init || (init.type === "Identifier" && init.name === "undefined") || (init.type === "Literal" && init.value === null);
}

/** The flush written on `target`, through `?.` when the target may be unset. */
function flushOn(target: { text: string; mayBeUnset?: boolean }, flushText: (receiver: string) => string): string {
  return flushText(target.mayBeUnset ? `${target.text}?` : target.text);
}

/** The flush calls of a handler (`collectFlushCalls`). */
interface FlushCalls {
  readonly unawaited: readonly TSESTree.CallExpression[];
  readonly any: boolean;
}

const NO_CALLS: readonly TSESTree.CallExpression[] = Object.freeze([]);

/** `compute()`, or `fallback` when the analysis fails (reported, as `lambdaFlushOf` reports its own errors). */
function lazily<T>(fallback: T, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    reportAnalysisError(error);
    return fallback;
  }
}

function collectFlushCalls(input: AnalysisInput, fn: FunctionNode, isFlush: FlushTest, accepts: BackgroundTest, callbackStyle: boolean): FlushCalls {
  const unawaited: TSESTree.CallExpression[] = [];
  // Every flush call anywhere (nested callbacks included) for the trust rule; only the handler's own ones as unawaited.
  // A handler that answers with the promise it returns is not trusted for a fire-and-forget flush in a promise
  // callback (`return work().finally(() => { tracer.forceFlush(); })`): the chain settles without waiting for it.
  // A callback-style handler keeps the trust: the runtime waits for its event loop to empty by default.
  const any = nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], fn.body).some(
    (call) => isFlush(call) && (callbackStyle || !isFloatingInPromiseCallback(call)),
  );
  forEachOwnNode(fn.body, (node) => {
    if (node.type === "CallExpression" && isFlush(node) && !settlesBeforeReturn(node, isFlush, accepts)) unawaited.push(node);
  });
  unawaited.sort((a, b) => a.range[0] - b.range[0]);
  return { unawaited, any };
}

/** A flush statement (`isFlushStatement`) in a callback given to `.then/.catch/.finally(…)`, whose promise nothing waits for. */
function isFloatingInPromiseCallback(call: TSESTree.CallExpression): boolean {
  if (!isFlushStatement(call)) return false;
  const callback = enclosingFunction(call);
  const holder = callback?.parent;
  return (
    holder?.type === "CallExpression" &&
    holder.arguments.some((argument) => argument === callback) &&
    holder.callee.type === "MemberExpression" &&
    PROMISE_CHAIN_METHODS.has(memberName(holder.callee) ?? "")
  );
}

/**
 * The flush's promise is awaited or returned, possibly through `?.`, `!`, `as`, `.then/.catch/.finally(…)`
 * or an awaited `Promise.all([…])`: `await tracer.forceFlush().catch(log)`, `return tracer.forceFlush()`.
 */
function settlesBeforeReturn(call: TSESTree.CallExpression, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  let outer: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = outer.parent;
    if (!parent) return false;
    if (parent.type === "ChainExpression" || parent.type === "TSNonNullExpression" || parent.type === "TSAsExpression") {
      outer = parent;
    } else if (
      parent.type === "MemberExpression" &&
      parent.object === outer &&
      PROMISE_CHAIN_METHODS.has(memberName(parent) ?? "") &&
      parent.parent?.type === "CallExpression" &&
      parent.parent.callee === parent
    ) {
      outer = parent.parent;
    } else {
      return (
        parent.type === "AwaitExpression" ||
        parent.type === "ReturnStatement" ||
        (parent.type === "CallExpression" && parent.arguments[0] === outer && backgroundFlushOf(parent, isFlush, accepts) !== undefined) ||
        (parent.type === "ArrowFunctionExpression" && parent.body === outer) ||
        (parent.type === "ArrayExpression" && awaitedCombinator(parent, isFlush, accepts))
      );
    }
  }
}

/**
 * `tracer.forceFlush();`, `void tracer.forceFlush();`, `tracer.forceFlush().then(…);`: awaiting it is
 * a one-word fix (`await` before the call covers the whole chain).
 */
function isFlushStatement(call: TSESTree.CallExpression): boolean {
  let outer: TSESTree.Node = call;
  if (outer.parent?.type === "ChainExpression") outer = outer.parent;
  while (
    outer.parent?.type === "MemberExpression" &&
    outer.parent.object === outer &&
    PROMISE_CHAIN_METHODS.has(memberName(outer.parent) ?? "") &&
    outer.parent.parent?.type === "CallExpression" &&
    outer.parent.parent.callee === outer.parent
  ) {
    outer = outer.parent.parent;
  }
  if (outer.parent?.type === "UnaryExpression" && outer.parent.operator === "void") outer = outer.parent;
  return outer.parent?.type === "ExpressionStatement";
}

/** The list of an awaited or returned `Promise.all/allSettled/race/any([…])`. */
function awaitedCombinator(array: TSESTree.ArrayExpression, isFlush: FlushTest, accepts: BackgroundTest): boolean {
  const call = array.parent;
  if (call?.type !== "CallExpression" || call.arguments[0] !== array || call.callee.type !== "MemberExpression") return false;
  const { object } = call.callee;
  const isCombinator = object.type === "Identifier" && object.name === "Promise" && PROMISE_COMBINATORS.has(memberName(call.callee) ?? "");
  return isCombinator && settlesBeforeReturn(call, isFlush, accepts);
}

/** The structural answers of a `LambdaFlush`, each worked out on first read (see lambdaFlushOf). */
interface StructuralAnswers {
  readonly flushedOnEveryPath: () => boolean;
  readonly wrappedInTryFinally: () => boolean;
  readonly unawaitedFlushes: () => readonly TSESTree.CallExpression[];
  readonly flushedIfAwaited: () => boolean;
  readonly streamWork: () => StreamWork;
}

type LambdaFlushData = Omit<LambdaFlush, keyof StructuralAnswers>;

/** A `LambdaFlush` of `data` with `answers` read through LazyLambdaFlush's getters. */
function lazyLambdaFlush(data: LambdaFlushData, answers: StructuralAnswers): LambdaFlush {
  return Object.assign(new LazyLambdaFlush(answers), data);
}

/**
 * A `LambdaFlush` whose structural answers are getters on this prototype, not on each object: an object
 * literal with getters gets a hidden class of its own, and V8 keeps hidden classes in the old
 * generation, so each one held its getters' closures (the handler, the file's input: its AST, scopes
 * and models) through every young-generation collection until the next full one (the effect
 * codemods/engine/parse.ts describes for typescript-estree's alias getters). Measured on the 100%-SDK
 * synthetic tree (bench/NOTES.md, perf-migrate-2): the codemod's lambda-force-flush alone doubled the
 * bytes promoted by parsing.
 */
class LazyLambdaFlush implements Pick<LambdaFlush, keyof StructuralAnswers> {
  constructor(private readonly answers: StructuralAnswers) {}

  get flushedOnEveryPath(): boolean {
    return this.answers.flushedOnEveryPath();
  }

  get wrappedInTryFinally(): boolean {
    return this.answers.wrappedInTryFinally();
  }

  get unawaitedFlushes(): readonly TSESTree.CallExpression[] {
    return this.answers.unawaitedFlushes();
  }

  get flushedIfAwaited(): boolean {
    return this.answers.flushedIfAwaited();
  }

  get streamWork(): StreamWork {
    return this.answers.streamWork();
  }
}

const flushes = new AttachedCache<LambdaHandler, LambdaFlush>("honeyhive.lambdaFlush");

/**
 * How a serverless handler traces and flushes; undefined when the file uses neither a HoneyHive SDK nor
 * OpenTelemetry exporting to HoneyHive. Never throws.
 */
export function lambdaFlushOf(input: AnalysisInput, handler: LambdaHandler): LambdaFlush | undefined {
  const cached = flushes.get(handler);
  if (cached) return cached;
  try {
    const sdk = getSdkModel(input);
    const otel = otelSetupOf(input);
    if (!sdk.usesSdk && !otel && !mayImportOtelPipeline(input.text, input.ast)) return undefined;
    const fn = handler.function;
    const use = sdk.usesSdk ? firstTracerUse(input, fn, handler.runsInside) : undefined;
    const via = use ? honeyhiveFlush(input, fn, use) : otel ? (tracesThroughOtel(input, otel, fn) ? otelFlush(otel.flushTarget?.variable?.name, otel.moduleFlush) : undefined) : importedOtelFlush(input, fn);
    // Neither this SDK nor a pipeline of the file's own, nor one it imports: as before, nothing to say.
    if (!via && !sdk.usesSdk && !otel) return undefined;
    const isFlush = flushTestOf(input);
    // A listener that hands its work to the event returns at once, async or not: a flush chained onto that work counts (`workHandedTo`).
    const checkable = fn.async && !handler.callbackStyle && !handler.workHandedTo;
    const setup = via?.setup ?? 0;
    const responseCall = handler.platform.responseCall;
    const answersThroughRes = responseCall !== undefined && (!responseCall.exportNames || responseCall.exportNames.includes(handler.exportName));
    const sendsSeen = answersThroughRes ? responseSends(input, fn, responseCall) : undefined;
    // A handler whose sends cannot all be seen keeps the return-based check (report only when sure).
    const sends = Array.isArray(sendsSeen) ? sendsSeen : [];
    // The structural answers below (two walks of the handler and its flush calls) are read only by the
    // codemod, by the rule's check of a handler that is not async or takes a callback, and by the fix of
    // a reported handler: an async handler that flushes (most of them) never needs them. Each is worked
    // out on first read and kept.
    const isBackgroundWork = platformBackgroundTest(input, handler.platform, { ...(handler.framework === undefined ? {} : { framework: handler.framework }), entry: { function: fn, exportName: handler.exportName } });
    let calls: FlushCalls | undefined;
    const flushCalls = (): FlushCalls => (calls ??= collectFlushCalls(input, fn, isFlush, isBackgroundWork, handler.callbackStyle));
    const spans = sdk.usesSdk || otel ? spanTestOf(input) : undefined;
    let stream: { value: StreamWork } | undefined;
    const streamWork = (): StreamWork => (stream ??= { value: spans ? lazily<StreamWork>(undefined, () => streamWorkOf(input, fn, isFlush, spans)) : undefined }).value;
    /** Every exit flushed: the stream's own flush ends it, else the path's flushes (only one after the response when the stream traces unflushed). */
    const everyPathFlushes = (): boolean => {
      const work = streamWork();
      if (work === "flushed-at-end") return true;
      if (work === "unflushed") return flushesOnEveryPath(fn, new Set(), isFlush, sends, isBackgroundWork, spans, "after");
      return checkable ? flushesOnEveryPath(fn, new Set(), isFlush, sends, isBackgroundWork, spans) : flushCalls().any;
    };
    let everyPath: boolean | undefined;
    let tryFinally: boolean | undefined;
    let ifAwaited: boolean | undefined;
    const answers: StructuralAnswers = {
      // An analysis error answers "flushed": no finding rests on it (as the whole flush was dropped before).
      flushedOnEveryPath: () => (everyPath ??= lazily(true, everyPathFlushes)),
      wrappedInTryFinally: () =>
        (tryFinally ??= lazily(false, () => {
          const body = fn.body.type === "BlockStatement" ? fn.body.body : [];
          return body.length === setup + 1 && isTryFinallyFlush(body[setup], isFlush, isBackgroundWork);
        })),
      unawaitedFlushes: () => lazily(NO_CALLS, () => flushCalls().unawaited),
      streamWork,
      flushedIfAwaited: () =>
        (ifAwaited ??= lazily(false, () => {
          const { unawaited } = flushCalls();
          return checkable && unawaited.length > 0 && unawaited.every(isFlushStatement) && streamWork() !== "unflushed" && flushesOnEveryPath(fn, new Set(unawaited), isFlush, sends, isBackgroundWork, spans);
        })),
    };
    const result = lazyLambdaFlush(
      {
        handler,
        traces: via !== undefined,
        profile: via?.profile ?? "honeyhive",
        flushText: via?.flushText,
        ...(via?.flushImport ? { flushImport: via.flushImport } : {}),
        tracer: use?.tracer,
        tracerText: via?.receiver,
        statementsBeforeTry: setup,
        responseSends: sendsSeen,
        isSpanStart: spans,
        isBackgroundWork,
      },
      answers,
    );
    flushes.set(handler, result);
    return result;
  } catch (error) {
    reportAnalysisError(error);
    return undefined;
  }
}

const shutdowns = new AttachedCache<LambdaHandler, readonly TSESTree.CallExpression[]>("honeyhive.sharedShutdowns");

/**
 * `await tracer.shutdown()` in a tracing handler (nested callbacks included) on a HoneyHive tracer that
 * outlives the invocation (module-level, imported, a getter's cached one, or a local holding one), or on
 * an OpenTelemetry provider, processor or NodeSDK that does (made once in the file, or imported:
 * flush-calls.ts `sharedOtelObjectOf`): it counts as the flush on the path (`flushedOnEveryPath`), but a
 * warm instance's later invocations record (or export) nothing. The fix writes the object's flush
 * (`forceFlush`) in its place (fixes/flush.ts `shutdownFix`); NodeSDK has none (a review marker). A
 * tracer or provider made in the handler may shut down. Cached per handler; never throws.
 */
export function sharedShutdownsOf(input: AnalysisInput, flush: LambdaFlush): readonly TSESTree.CallExpression[] {
  let found = shutdowns.get(flush.handler);
  if (!found) {
    found = flush.traces ? lazily(NO_CALLS, () => sharedShutdownsIn(input, flush.handler.function)) : NO_CALLS;
    shutdowns.set(flush.handler, found);
  }
  return found;
}

const SHUTDOWN_NAMES: ReadonlySet<string> = SHUTDOWN_MEMBERS;

function sharedShutdownsIn(input: AnalysisInput, fn: FunctionNode): readonly TSESTree.CallExpression[] {
  // Most handlers name no shutdown at all: a look at their text is enough.
  const [start, end] = fn.body.range;
  const named = (name: string): boolean => {
    const at = input.text.indexOf(name, start);
    return at !== -1 && at < end;
  };
  if (![...SHUTDOWN_NAMES].some(named)) return NO_CALLS;
  const sdk = getSdkModel(input);
  const found: TSESTree.CallExpression[] = [];
  let isFlush: FlushTest | undefined;
  for (const call of nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.CallExpression], fn.body)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || !SHUTDOWN_NAMES.has(memberName(callee) ?? "")) continue;
    const tracer = sdk.usesSdk ? sdk.tracerOf(callee.object) : undefined;
    if (tracer) {
      if (outlivesInvocation(sdk, tracer, fn)) found.push(call);
      // An OpenTelemetry object's shutdown where the flush analysis counts it as the flush (a provider
      // made or imported once: `isImportedPipelineShutdown`), not one the handler made for itself.
    } else if (sharedOtelObjectOf(input, callee.object, fn) !== undefined && (isFlush ??= flushTestOf(input))(call)) found.push(call);
  }
  return found;
}

/**
 * The tracer is not one the invocation made for itself: declared outside the handler (module-level,
 * imported, a getter) and not a parameter or a class member (whose lifetime is not read), or a local of
 * the handler holding such a tracer (`const tracer = getTracer()`). Unknown sources (a factory
 * getter, which makes a new tracer per call) count as made per invocation: report only when sure.
 */
function outlivesInvocation(sdk: SdkModel, tracer: TracerDeclaration, fn: FunctionNode, depth = 0): boolean {
  if (tracer.kind === "parameter" || tracer.kind === "member" || depth > 3) return false;
  if (!rangeContains(fn, tracer.declaration)) {
    // A getter that makes a new tracer per call (no text to write a call of it: a factory, or it takes arguments).
    return !tracer.callable || tracer.referenceText !== undefined || tracer.kind === "imported";
  }
  if (tracer.initializations.length > 0) return false;
  const declaration = tracer.declaration;
  const source = declaration.type === "VariableDeclarator" && declaration.init ? sdk.tracerOf(unwrapExpression(declaration.init) ?? declaration.init) : undefined;
  return source !== undefined && source !== tracer && outlivesInvocation(sdk, source, fn, depth + 1);
}

/** The flush to name in a message: the one a fix writes, else the profile's in general terms. */
export function flushCallText(flush: LambdaFlush): string {
  if (flush.flushText !== undefined) return flush.flushText;
  if (flush.profile === "opentelemetry") return "provider.forceFlush()";
  return flush.profile === "honeyhive-1x" ? honeyhive1xProfile.preferredFlush.text("tracer") : PREFERRED_FLUSH.text("tracer");
}

/** Through which profile a handler traces, and the flush its fix writes. */
interface FlushVia {
  readonly profile: FlushProfile;
  /** What the flush is called on (`tracer`, `HoneyHiveTracer`, `provider`). */
  readonly receiver: string | undefined;
  readonly flushText: string | undefined;
  readonly flushImport?: LambdaFlush["flushImport"];
  readonly setup: number;
}

/** A HoneyHive tracer's flush, in the API of the major the file is written against. */
function honeyhiveFlush(input: AnalysisInput, fn: FunctionNode, use: TracerUse): FlushVia {
  const sdk = getSdkModel(input);
  const target = flushTarget(input, fn, use);
  const major = honeyhiveMajorOfFile(input);
  if (major === 2) {
    const flushText = target.text === undefined ? undefined : flushOn({ ...target, text: target.text }, PREFERRED_FLUSH.text);
    return { profile: "honeyhive", receiver: target.text, flushText, setup: target.setup };
  }
  // 1.x: the static flush when the file already writes it (or no tracer instance is in reach), else the tracer's.
  // A module-level promise of the tracer has no reference text of its own (the model never writes a
  // method call on a promise); its flush awaits it: `(await tracerPromise).flush()`.
  const promised = use.tracer?.promise === true && use.tracer.moduleLevel ? `(await ${use.tracer.name})` : undefined;
  const staticClass = sdk.moduleReferenceTo("HoneyHiveTracer");
  if (staticClass !== undefined && (usesStaticFlush1x(input, sdk) || (target.text === undefined && promised === undefined))) {
    return { profile: "honeyhive-1x", receiver: staticClass, flushText: `${staticClass}.${STATIC_FLUSH_1X}()`, setup: target.setup };
  }
  const receiver = target.text === undefined ? promised : awaitedIfPromise(target.text, use.tracer);
  const unset = target.mayBeUnset === true && receiver === target.text;
  const flushText = receiver === undefined ? undefined : flushOn({ text: receiver, mayBeUnset: unset }, (text) => honeyhive1xProfile.preferredFlush.text(text));
  return { profile: "honeyhive-1x", receiver, flushText, setup: target.setup };
}

const STATIC_FLUSH_1X = [...FLUSH_STATICS_1X][0] ?? "flush";

/**
 * 1.x's `init` is async: a variable assigned its call without `await` holds a promise
 * (`const tracerPromise = HoneyHiveTracer.init(…)`), flushed as `(await tracerPromise).flush()`.
 */
function awaitedIfPromise(text: string, tracer: TracerDeclaration | undefined): string {
  const declaration = tracer?.declaration;
  const holdsPromise =
    tracer !== undefined &&
    text === tracer.name &&
    declaration?.type === "VariableDeclarator" &&
    declaration.init?.type === "CallExpression" &&
    tracer.initializations.includes(declaration.init);
  return holdsPromise ? `(await ${text})` : text;
}

const staticFlushes1x = new AttachedCache<TSESTree.Program, boolean>("honeyhive.staticFlush1x");

/**
 * The file calls 1.x's static `HoneyHiveTracer.flush()`: its fix then writes that form. (Which major
 * the file is written against is the SDK model's `honeyhiveMajorOfFile`.) Read from the references of
 * the file's `HoneyHiveTracer` binding, no walk of its own.
 */
function usesStaticFlush1x(input: AnalysisInput, sdk: SdkModel): boolean {
  const cached = staticFlushes1x.get(input.ast);
  if (cached !== undefined) return cached;
  const moduleScope = moduleScopeOf(input.scopeManager);
  const found = (moduleScope?.variables ?? []).some((variable) => {
    const identifier = variable.identifiers[0];
    return (
      identifier !== undefined &&
      sdk.sdkExportOf(identifier) === "HoneyHiveTracer" &&
      variable.references.some((reference) => {
        const parent = reference.identifier.parent;
        return parent?.type === "MemberExpression" && parent.object === reference.identifier && FLUSH_STATICS_1X.has(memberName(parent) ?? "");
      })
    );
  });
  staticFlushes1x.set(input.ast, found);
  return found;
}

/**
 * A handler traces through the file's OpenTelemetry pipeline when it uses a tracer got from it (or
 * from `trace.getTracer()`), one of its parts, or when instrumentations record its I/O.
 */
function tracesThroughOtel(input: AnalysisInput, otel: OtelSetup, fn: FunctionNode): boolean {
  if (otel.instrumented) return true;
  return nodesOfTypesWithin(input.ast, [AST_NODE_TYPES.Identifier, AST_NODE_TYPES.CallExpression], fn.body).some((node) => otel.tracesAt(node));
}

/**
 * `await provider.forceFlush()` on the provider (or span processor) variable the file has or imports; else the module
 * flush of a pipeline made by a call (`traceloop.forceFlush()`: OtelSetup's `moduleFlush`).
 */
function otelFlush(receiver: string | undefined, moduleFlush?: OtelSetup["moduleFlush"]): FlushVia {
  if (receiver === undefined && moduleFlush) {
    return { profile: "opentelemetry", receiver: moduleFlush.receiver, flushText: moduleFlush.text, ...(moduleFlush.addImport ? { flushImport: moduleFlush.addImport } : {}), setup: 0 };
  }
  return { profile: "opentelemetry", receiver, flushText: receiver === undefined ? undefined : `${receiver}.forceFlush()`, setup: 0 };
}

/** A handler of a file without a pipeline of its own that traces through one a project module makes (analysis/flush-calls.ts). */
function importedOtelFlush(input: AnalysisInput, fn: FunctionNode): FlushVia | undefined {
  const imported = importedOtelUseIn(input, fn.body);
  if (!imported) return undefined;
  const via = otelFlush(imported.receiver);
  return imported.addImport ? { ...via, flushImport: imported.addImport } : via;
}

/**
 * The calls by which `fn` sends its response through the parameter `end` names (`res.json(…)`,
 * `res.status(400).send(…)`); undefined when it sends none that way (it ends by returning), "unseen"
 * when the response object leaves the handler (passed to a function, returned, aliased, used in a
 * nested function) so a send may happen where no flush can be written before it.
 */
export function responseSends(input: AnalysisInput, fn: FunctionNode, end: ResponseCallEnd): readonly TSESTree.CallExpression[] | "unseen" | undefined {
  const parameter = fn.params[end.parameterIndex];
  if (parameter?.type !== "Identifier") return undefined;
  const variable = findVariable(input.scopeManager, fn.body, parameter.name);
  if (!variable || !variable.defs.some((def) => def.name === parameter)) return undefined;
  const sends: TSESTree.CallExpression[] = [];
  let unseen = false;
  for (const reference of variable.references) {
    if (reference.identifier === parameter) continue;
    // `(res as any).json(x)`, `(res as Response).send(x)`, `res!.end()`: a cast is still the response.
    let node: TSESTree.Node = outerCastOf(reference.identifier);
    const receiver = node;
    let sent = false;
    // Walk `res.status(400).set(h, v).send(body)` up to the sending call.
    for (;;) {
      const member: TSESTree.Node | undefined = node.parent;
      if (member?.type !== "MemberExpression" || member.object !== node) break;
      const name = memberName(member);
      const call: TSESTree.Node | undefined = member.parent;
      if (call?.type !== "CallExpression" || call.callee !== member || name === undefined) break; // `res.locals`, `res.headersSent`
      if (end.methods.includes(name)) {
        sends.push(call);
        sent = true;
        break;
      }
      if (!end.chainable.includes(name)) break; // `res.setHeader(…)`: does not send
      node = call;
    }
    // Anything but a member of `res` (`helper(req, res)`, `stream.pipe(res)`, `return res`, `const r = res`) may send elsewhere.
    const member = receiver.parent;
    if (!sent && !(member?.type === "MemberExpression" && member.object === receiver)) unseen = true;
  }
  // A send inside a nested function (`promise.then(() => res.json(x))`) cannot be preceded by an awaited flush of the handler.
  if (sends.some((send) => enclosingFunction(send) !== fn)) unseen = true;
  if (unseen) return "unseen";
  return sends.length > 0 ? sends : undefined;
}

/** The outermost of the type casts around `node` (`as`, `satisfies`, `!`, `<T>x`), or `node` itself. */
function outerCastOf(node: TSESTree.Node): TSESTree.Node {
  let outer = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = outer.parent;
    const isCast =
      parent?.type === AST_NODE_TYPES.TSAsExpression ||
      parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent?.type === AST_NODE_TYPES.TSTypeAssertion;
    if (!isCast || parent.expression !== outer) return outer;
    outer = parent;
  }
}

/**
 * Whether the handler passes its response object to a call that also gets a function sending that
 * response (`cors(req, res, async () => { … res.send(x); })`, `withAuth(req, res, (user) => res.json(user))`):
 * the flush belongs in that callback, made async if it is not. A callback that does not send
 * (`setHeaders(req, res, async () => audit())` beside the handler's own `res.json(…)`) leaves the
 * sends to the handler.
 */
export function sendsFromCallback(ast: TSESTree.Program, flush: LambdaFlush): boolean {
  const end = flush.handler.platform.responseCall;
  const response = end === undefined ? undefined : flush.handler.function.params[end.parameterIndex];
  if (end === undefined || response?.type !== AST_NODE_TYPES.Identifier) return false;
  const isResponse = (node: TSESTree.Node): boolean => {
    const value = unwrapExpression(node);
    return value?.type === AST_NODE_TYPES.Identifier && value.name === response.name;
  };
  // `res.send(x)`, `res.status(500).json(x)`, `(res as any).json(x)`: a sending method on the response, through chainable ones.
  const sendsResponse = (call: TSESTree.CallExpression): boolean => {
    let callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || !end.methods.includes(memberName(callee) ?? "")) return false;
    for (;;) {
      if (isResponse(callee.object)) return true;
      const object = unwrapExpression(callee.object);
      const chained: TSESTree.Node | undefined = object?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(object.callee) : undefined;
      if (chained?.type !== AST_NODE_TYPES.MemberExpression || !end.chainable.includes(memberName(chained) ?? "")) return false;
      callee = chained;
    }
  };
  const sendingCallback = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) &&
    nodesOfTypesWithin(ast, [AST_NODE_TYPES.CallExpression], node.body).some(sendsResponse);
  return nodesOfTypesWithin(ast, [AST_NODE_TYPES.CallExpression], flush.handler.function.body).some(
    (call) => call.arguments.some(isResponse) && call.arguments.some((argument) => sendingCallback(unwrapExpression(argument) ?? argument)),
  );
}
