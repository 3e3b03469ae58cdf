// Facts for `require-explicit-tracer` and the `explicit-tracer` transform: the places where a file
// that has a tracer of its own still relies on implicit tracer discovery — `trace(...)` / `@trace(...)`
// without a `tracer` option, the global `enrichSpan()` / `enrichSession()` — and which tracer(s) could
// be bound there. Code that evaluate() runs is left out: there the implicit tracer is the
// per-datapoint one evaluate() provides, which is the recommended pattern.
import { reportAnalysisError, unwrapExpression } from "./ast.js";
import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { getEvaluateModel } from "./evaluate.js";
import type { AnalysisInput } from "./input.js";
import { getSdkModel, type SdkModel, type TraceUse, type TracerDeclaration, type TracerInScope } from "./sdk-model.js";
import { AttachedCache } from "./attached-cache.js";

export interface ImplicitTracerUse {
  /** `trace`: a `trace(...)` call or `@trace` decorator; otherwise the global enrichment function called. */
  readonly kind: "trace" | "enrichSpan" | "enrichSession";
  /** The `trace(...)` call (or bare `@trace` expression), or the `enrichSpan(...)` call. */
  readonly node: TSESTree.CallExpression | TSESTree.Identifier | TSESTree.MemberExpression;
  /** For `kind: "trace"`: the SDK model's reading of the call (options, decorator, wrapped function). */
  readonly traceUse: TraceUse | undefined;
  /** For enrichment: the callee to replace by `<tracer>.enrichSpan` (`enrichSpan`, `hh.enrichSpan`, a renamed import). */
  readonly callee: TSESTree.Node | undefined;
  /** Where to report (and put a review marker before): the decorator, else the call. */
  readonly reportNode: TSESTree.Node;
  /** Every tracer whose reference can be written here, in source order. */
  readonly candidates: readonly TracerInScope[];
  /**
   * The tracer to bind without asking: set when exactly one candidate exists and writing it is
   * safe (initialized before this code runs, no eager call of a lazy getter at load time).
   */
  readonly chosen: TracerInScope | undefined;
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
  if (!sdk.usesSdk || tracers.length === 0) return [];
  const evaluate = getEvaluateModel(input);
  const isEvaluated = (node: TSESTree.Node) => evaluate.isRunByEvaluate(node) || options.isEvaluated?.(node) === true;
  // A tracer parameter is the file's own only inside its function; elsewhere the file may have none.
  const hasOwnTracer = tracers.some((tracer) => tracer.kind !== "parameter");
  const uses: ImplicitTracerUse[] = [];
  const describe = (node: TSESTree.Node) => {
    const candidates = withoutAliasedSources(sdk, sdk.tracersInScopeAt(node).filter((candidate) => isLive(candidate.tracer)));
    const chosen = candidates.length === 1 && candidates[0]!.safe ? candidates[0] : undefined;
    return { candidates, chosen };
  };
  const push = (use: ImplicitTracerUse) => {
    if (hasOwnTracer || use.candidates.length > 0) uses.push(use);
  };
  for (const use of sdk.traceUses) {
    // `tracer.trace(...)` is explicit; options we cannot read may already carry a tracer.
    if (use.via !== "sdk" || use.tracerProperty || !use.optionsKnown) continue;
    if (isEvaluated(use.decorator ?? use.node)) continue;
    push({ kind: "trace", node: use.node, traceUse: use, callee: undefined, reportNode: use.decorator ?? use.node, ...describe(use.decorator ?? use.node) });
  }
  for (const call of sdk.globalEnrichCalls) {
    if (isEvaluated(call)) continue;
    const kind = sdk.sdkExportOf(call.callee) === "enrichSession" ? "enrichSession" : "enrichSpan";
    push({ kind, node: call, traceUse: undefined, callee: unwrapExpression(call.callee) ?? call.callee, reportNode: call, ...describe(call) });
  }
  return uses.sort((a, b) => a.node.range[0] - b.node.range[0]);
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
