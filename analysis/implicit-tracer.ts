// Facts for `require-explicit-tracer` and the `explicit-tracer` transform: the places where a file
// that has a tracer of its own still relies on implicit tracer discovery — `trace(...)` / `@trace(...)`
// without a `tracer` option, the global `enrichSpan()` / `enrichSession()` — and which tracer(s) could
// be bound there. Code that evaluate() runs is left out: there the implicit tracer is the
// per-datapoint one evaluate() provides, which is the recommended pattern.
//
// honeyhive 1.x: the free wrappers `traceChain(fn)`, `traceFunction(opts)(fn)`… find their tracer in
// the context, which only a 1.x `tracer.trace(fn)` sets up; one called inside such a function is
// bound, any other is an implicit use (fixed with the tracer's own method, `tracer.traceChain(fn)`).
import { contains, findProperty, hasOnlyPlainProperties, memberName, reportAnalysisError, unwrapExpression, type FunctionNode } from "./ast.js";
import { getAnalysisContext } from "./context.js";
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { getEvaluateModel } from "./evaluate.js";
import type { AnalysisInput } from "./input.js";
import { getSdkModel, honeyhiveMajorOfFile, type SdkModel, type TraceUse, type TracerDeclaration, type TracerInScope } from "./sdk-model.js";
import { AttachedCache } from "./attached-cache.js";

export interface ImplicitTracerUse {
  /**
   * `trace`: a `trace(...)` call or `@trace` decorator, or a free honeyhive 1.x wrapper
   * (`traceUse.method` says which); otherwise the global enrichment function called.
   */
  readonly kind: "trace" | "enrichSpan" | "enrichSession";
  /** The `trace(...)` call (or bare `@trace` expression), or the `enrichSpan(...)` call. */
  readonly node: TSESTree.CallExpression | TSESTree.Identifier | TSESTree.MemberExpression;
  /** For `kind: "trace"`: the SDK model's reading of the call (options, decorator, wrapped function). */
  readonly traceUse: TraceUse | undefined;
  /**
   * The callee to replace by the tracer's method of the same name: for enrichment `enrichSpan`,
   * `hh.enrichSpan` or a renamed import; for a 1.x wrapper `traceChain` (`traceFunction` in
   * `traceFunction(opts)(fn)`). Undefined for this SDK's `trace`, which takes a `tracer` option instead.
   */
  readonly callee: TSESTree.Node | undefined;
  /** Enrichment called as a static of the tracer class (1.x `HoneyHiveTracer.enrichSpan()`), not as a free function. */
  readonly onClass?: boolean;
  /** The SDK export called: `trace`, `enrichSpan`, `enrichSession`, or a 1.x wrapper (`traceChain`…). */
  readonly name: string;
  /** Where to report (and put a review marker before): the decorator, else the call. */
  readonly reportNode: TSESTree.Node;
  /** Every tracer whose reference can be written here, in source order. */
  readonly candidates: readonly TracerInScope[];
  /**
   * The tracer to bind without asking: set when exactly one candidate exists and writing it is
   * safe (initialized before this code runs, no eager call of a lazy getter at load time).
   */
  readonly chosen: TracerInScope | undefined;
  /**
   * In honeyhive 1.x code: tracer getters imported from a project module (`getTracer()`), left out of
   * `candidates` because 1.x getters are usually async (the tracer is `await getTracer()`), which a fix
   * cannot write in every place; the message names them.
   */
  readonly gettersToAwait: readonly string[];
}

/** What the codemod knows beyond one file's AST (the rule passes nothing). */
export interface ImplicitTracerOptions {
  /** Tracers to treat as gone: an earlier transform of the same run removed them from the text. */
  readonly removedTracers?: ReadonlySet<Scope.Variable>;
  /** Code evaluate() runs that this file does not show (a function evaluated from another module). */
  readonly isEvaluated?: (node: TSESTree.Node) => boolean;
}

const cache = new AttachedCache<TSESTree.Program, readonly ImplicitTracerUse[]>("honeyhive.implicitTracerUses");

/**
 * Implicit tracer uses in a file that has a tracer of its own, outside code evaluate() runs. Cached
 * when called without options; never throws.
 */
export function findImplicitTracerUses(input: AnalysisInput, options?: ImplicitTracerOptions): readonly ImplicitTracerUse[] {
  let uses = options ? undefined : cache.get(input.ast);
  if (!uses) {
    try {
      uses = compute(input, options ?? {});
    } catch (error) {
      reportAnalysisError(error);
      uses = [];
    }
    if (!options) cache.set(input.ast, uses);
  }
  return uses;
}

function compute(input: AnalysisInput, options: ImplicitTracerOptions): ImplicitTracerUse[] {
  const sdk = getSdkModel(input);
  const isLive = (tracer: TracerDeclaration) => !tracer.variable || !options.removedTracers?.has(tracer.variable);
  const tracers = sdk.tracers.filter(isLive);
  // A tracer reached only as `tracing.tracer` of a project module's binding is the file's tracer too.
  const held = tracers.length === 0 && sdk.usesSdk ? sdk.moduleHeldTracers : [];
  if (!sdk.usesSdk || (tracers.length === 0 && held.length === 0)) return [];
  const evaluate = getEvaluateModel(input);
  const isEvaluated = (node: TSESTree.Node) => evaluate.isRunByEvaluate(node) || options.isEvaluated?.(node) === true;
  // A tracer parameter is the file's own only inside its function; elsewhere the file may have none.
  const hasOwnTracer = held.length > 0 || tracers.some((tracer) => tracer.kind !== "parameter");
  const uses: ImplicitTracerUse[] = [];
  // A tracer getter from another module is usually async in 1.x (`await getTracer()`): `getTracer().x`
  // would call a method of a promise, so there it is named in the message but never written.
  // Asked only when such a getter is in scope (the answer may read the project's package.json).
  let is1x: boolean | undefined;
  const isAsyncGetter = (candidate: TracerInScope) =>
    candidate.tracer.kind === "imported" && candidate.tracer.callable && (is1x ??= honeyhiveMajorOfFile(input) === 1);
  const describe = (node: TSESTree.Node) => {
    const inScope = withoutAliasedSources(sdk, [...sdk.tracersInScopeAt(node).filter((candidate) => isLive(candidate.tracer)), ...sdk.heldTracersInScopeAt(node)]);
    const candidates = inScope.filter((candidate) => !isAsyncGetter(candidate));
    const chosen = candidates.length === 1 && candidates[0]!.safe ? candidates[0] : undefined;
    return { candidates, chosen, gettersToAwait: inScope.filter(isAsyncGetter).map((candidate) => candidate.text) };
  };
  const boundBy1xTrace = wrappersBoundBy1xTrace(input, sdk);
  const push = (use: ImplicitTracerUse) => {
    if (hasOwnTracer || use.candidates.length > 0) uses.push(use);
  };
  for (const sdkUse of sdk.traceUses) {
    // `tracer.trace(...)` is explicit; options we cannot read may already carry a tracer.
    if (sdkUse.via !== "sdk" || sdkUse.tracerProperty) continue;
    // `const options = { eventName: "x" }; trace(options, fn)`: read as the literal it holds, where the fix writes the tracer.
    const heldOptions = sdkUse.optionsKnown ? undefined : optionsHeldInConst(sdk, sdkUse);
    if (!sdkUse.optionsKnown && !heldOptions) continue;
    const use: TraceUse = heldOptions ? { ...sdkUse, options: heldOptions, optionsKnown: true } : sdkUse;
    if (isEvaluated(use.decorator ?? use.node)) continue;
    const wrapper1x = use.method !== "trace";
    if (wrapper1x && boundBy1xTrace.wrapper(use)) continue;
    const callee = wrapper1x && use.namingCall ? (unwrapExpression(use.namingCall.callee) ?? use.namingCall.callee) : undefined;
    // The tracers a fix can write are those in scope (and initialized) where it writes: the literal, for held options.
    push({ kind: "trace", name: use.method, node: use.node, traceUse: use, callee, reportNode: use.decorator ?? use.node, ...describe(heldOptions ?? use.decorator ?? use.node) });
  }
  for (const call of sdk.globalEnrichCalls) {
    // 1.x's free enrichment finds the session in the context too (as the wrappers beside it): bound there.
    if (isEvaluated(call) || boundBy1xTrace.runs(call)) continue;
    const callee = unwrapExpression(call.callee) ?? call.callee;
    // 1.x `HoneyHiveTracer.enrichSpan()`: the callee is a static of the class, not the export itself.
    const onClass = callee.type === "MemberExpression" && sdk.sdkExportOf(callee.object) === "HoneyHiveTracer";
    const kind = (onClass ? memberName(callee) : sdk.sdkExportOf(call.callee)) === "enrichSession" ? "enrichSession" : "enrichSpan";
    push({ kind, name: kind, node: call, traceUse: undefined, callee, onClass, reportNode: call, ...describe(call) });
  }
  return uses.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * The object literal a `trace(options, fn)` call's options variable holds, when reading it is sound:
 * a `const` initialized with a literal of plain properties (`hasOnlyPlainProperties`), without a `tracer` key, whose
 * only use is this call (a literal also passed elsewhere or used by several calls would get the tracer
 * for all of them from one edit, and one that leaves the file, is changed elsewhere or is imported may
 * carry a tracer by then: those stay unreported, as before).
 */
function optionsHeldInConst(sdk: SdkModel, use: TraceUse): TSESTree.ObjectExpression | undefined {
  if (use.node.type !== "CallExpression" || use.decorator || use.node.arguments.length < 2) return undefined;
  const argument = unwrapExpression(use.node.arguments[0]);
  const literal = argument?.type === "Identifier" ? constOptionsLiteral(sdk, argument) : undefined;
  return literal && !findProperty(literal, "tracer") ? literal : undefined;
}

/**
 * The literal of plain properties a `const` of this file holds, when `argument` is its only read and it is
 * not exported: options the fix can edit in place (`optionsHeldInConst`). 1x-trace-wrappers asks it too:
 * options it does not answer for are left to the default tracer, so the rewrite gets a marker.
 */
export function constOptionsLiteral(sdk: SdkModel, argument: TSESTree.Identifier): TSESTree.ObjectExpression | undefined {
  const variable = sdk.variableOf(argument);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== "Variable" || def.node.type !== "VariableDeclarator" || def.parent?.kind !== "const" || !def.node.init) return undefined;
  if (def.parent.parent?.type === "ExportNamedDeclaration") return undefined;
  const literal = unwrapExpression(def.node.init);
  if (literal?.type !== "ObjectExpression" || !hasOnlyPlainProperties(literal)) return undefined;
  const reads = variable!.references.filter((reference) => !reference.init);
  return reads.length === 1 && reads[0]!.identifier === argument ? literal : undefined;
}

/**
 * One tracer under two names is one candidate: in `const tracer = getTracer();` (or `= await
 * getTracer()`, `= otherTracer`) the local and its source are the same tracer, and the local (already
 * obtained, cheap to name) is the one to write.
 */
function withoutAliasedSources(sdk: SdkModel, candidates: readonly TracerInScope[]): TracerInScope[] {
  const sources = new Set<TracerDeclaration>();
  for (const candidate of candidates) {
    const declaration = candidate.tracer.declaration;
    if (!candidate.safe || declaration.type !== "VariableDeclarator" || !declaration.init) continue;
    const init = unwrapExpression(declaration.init);
    const source = sdk.tracerOf(init?.type === "AwaitExpression" ? init.argument : declaration.init);
    if (source && source !== candidate.tracer) sources.add(source);
  }
  return sources.size === 0 ? [...candidates] : candidates.filter((candidate) => !sources.has(candidate.tracer));
}

/**
 * Whether a free honeyhive 1.x wrapper runs inside a 1.x `tracer.trace(fn, ...args)`, whose session the
 * wrapper then finds in the context: it sits in a function that call runs (inline, or by name through
 * the binding resolver), or it is held in a `const` that is only ever called there. The function such
 * a wrapper wraps runs there too, so wrappers called from it are bound as well (a fixpoint, a few rounds).
 * `runs`: a node sits in one of those functions (1.x's free `enrichSpan()` / `enrichSession()`, which
 * find the session in the same context: honeyhive 1.x's README calls them inside `tracer.trace()`).
 */
function wrappersBoundBy1xTrace(input: AnalysisInput, sdk: SdkModel): { wrapper(use: TraceUse): boolean; runs(node: TSESTree.Node): boolean } {
  const immediate = sdk.traceUses.filter((use) => use.runsNow);
  if (immediate.length === 0) return { wrapper: () => false, runs: () => false };
  const { bindings } = getAnalysisContext(input);
  const regions: FunctionNode[] = immediate.flatMap((use) => bindings.functionsOf(use.wrapped));
  const inRegion = (node: TSESTree.Node) => regions.some((fn) => contains(fn, node));
  const bound = new Set<TraceUse>();
  const pending = sdk.traceUses.filter((use) => use.via === "sdk" && use.method !== "trace" && !inRegion(use.node));
  for (let changed = true; changed; ) {
    changed = false;
    for (const use of pending) {
      if (bound.has(use)) continue;
      const calls = heldIn(sdk, use)?.references.filter((reference) => !reference.init) ?? [];
      if (calls.length === 0 || !calls.every((reference) => inRegion(reference.identifier))) continue;
      bound.add(use);
      regions.push(...bindings.functionsOf(use.wrapped));
      changed = true;
    }
  }
  return { wrapper: (use) => bound.has(use) || inRegion(use.node), runs: inRegion };
}

/** The `const` a wrapper is assigned to (`const answer = traceChain(fn)`). */
function heldIn(sdk: SdkModel, use: TraceUse): Scope.Variable | undefined {
  const declarator = use.node.parent;
  if (declarator?.type !== "VariableDeclarator" || declarator.init !== use.node || declarator.id.type !== "Identifier") return undefined;
  if (declarator.parent?.type !== "VariableDeclaration" || declarator.parent.kind !== "const") return undefined;
  return sdk.variableOf(declarator.id);
}
