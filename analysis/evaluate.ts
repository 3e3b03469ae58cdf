// evaluate() calls (from `honeyhive/experiments`, or the root of honeyhive 1.x) and the code they run:
// the function given as `function:` (1.x: `evaluationFunction:` before 1.0.33) — inline, by name,
// wrapped in `trace(...)` or a 1.x wrapper, a method of a local object or class — and
// every function of this file those call, transitively. Inside that code the implicit tracer is the
// right one: evaluate() puts a fresh tracer per datapoint in the context (see
// sdk/evaluation-context.ts), so binding a tracer the file created itself makes every datapoint share
// one session (seed: "Don't initialize a global tracer alongside evaluate()").
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import {
  contains,
  enclosingFunction,
  findProperty,
  isFunctionNode,
  memberName,
  reportAnalysisError,
  staticName,
  unwrapExpression,
  type FunctionNode,
} from "./ast.js";
import type { AnalysisInput } from "./input.js";
import { CALL_TYPES, nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { getSdkModel, type SdkModel, type TraceUse, type TracerDeclaration } from "./sdk-model.js";
import { AttachedCache } from "./attached-cache.js";
import type { Bindings } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import { SESSION_BOUND_MEMBERS } from "./knowledge/sdks/index.js";
import { EVALUATED_FUNCTION_KEYS_1X, OPTIONS_1X } from "./knowledge/sdks/honeyhive-1x.js";
import { OPTION_NAMES } from "./knowledge/sdks/honeyhive.js";

/** The option keys that hold the evaluated function: this SDK's `function`, and 1.x's (`evaluationFunction`, `function`). */
const EVALUATED_FUNCTION_KEYS: readonly string[] = [...new Set(["function", ...EVALUATED_FUNCTION_KEYS_1X])];
import { importedFact, importedTracerProven } from "./project-modules.js";

// Asked of the node index once per function: a constant, since the index caches its merged lists per array.

export interface EvaluateCall {
  readonly call: TSESTree.CallExpression;
  /** The `function` (1.x `evaluationFunction`) property of the options literal; undefined when the options are not a literal. */
  readonly functionProperty: TSESTree.Property | undefined;
  /** The functions the call runs directly, as far as this file shows them (empty for an imported function). */
  readonly evaluatedFunctions: readonly FunctionNode[];
  /** The function whose body holds the evaluate() call (`main`), undefined at module level. */
  readonly caller: FunctionNode | undefined;
}

export interface EvaluateModel {
  /** The evaluate() calls of the file (an unused `evaluate` import is not one). */
  readonly calls: readonly EvaluateCall[];
  /** Every function evaluate() runs, directly or through calls in this file. */
  readonly runFunctions: ReadonlySet<FunctionNode>;
  /**
   * True when `node` runs inside a datapoint of evaluate(): it lies in a run function, or it is the
   * `trace(...)` / `@trace` that wraps one (that wrapper runs each time evaluate() calls it).
   */
  isRunByEvaluate(node: TSESTree.Node): boolean;
  /** The trace uses that wrap, decorate or sit inside code evaluate() runs, in source order. */
  readonly evaluatedTraceUses: readonly TraceUse[];
}

const EMPTY: EvaluateModel = Object.freeze({
  calls: [],
  runFunctions: new Set<FunctionNode>(),
  isRunByEvaluate: () => false,
  evaluatedTraceUses: [],
});

const models = new AttachedCache<TSESTree.Program, EvaluateModel>("honeyhive.evaluateModel");

/** The evaluate() model of a file; cached per AST, never throws. */
export function getEvaluateModel(input: AnalysisInput): EvaluateModel {
  let model = models.get(input.ast);
  if (!model) {
    try {
      const sdk = getSdkModel(input);
      const evaluatedExports = input.evaluatedExports ?? [];
      model =
        sdk.usesSdk && (sdk.evaluateCalls.length > 0 || evaluatedExports.length > 0)
          ? buildModel(sdk, getAnalysisContext(input).bindings, input.ast, evaluatedExports)
          : EMPTY;
    } catch (error) {
      reportAnalysisError(error);
      model = EMPTY;
    }
    models.set(input.ast, model);
  }
  return model;
}

function buildModel(sdk: SdkModel, bindings: Bindings, ast: TSESTree.Program, evaluatedExports: readonly string[]): EvaluateModel {
  const resolver = new FunctionResolver(sdk, bindings, ast);
  const calls: EvaluateCall[] = sdk.evaluateCalls.map((call) => {
    const options = bindings.objectOf(call.arguments[0]);
    const functionProperty =
      options?.type === AST_NODE_TYPES.ObjectExpression ? EVALUATED_FUNCTION_KEYS.map((key) => findProperty(options, key)).find((property) => property !== undefined) : undefined;
    return {
      call,
      functionProperty,
      evaluatedFunctions: functionProperty ? resolver.resolve(functionProperty.value) : [],
      caller: enclosingFunction(call),
    };
  });

  // Breadth-first over the call graph inside this file.
  const runFunctions = new Set<FunctionNode>();
  const queue = [
    ...calls.flatMap((call) => call.evaluatedFunctions),
    ...exportedValues(ast, evaluatedExports).flatMap((value) => resolver.resolve(value)),
  ];
  while (queue.length > 0) {
    const fn = queue.shift()!;
    if (runFunctions.has(fn)) continue;
    runFunctions.add(fn);
    queue.push(...resolver.calledFrom(fn));
  }

  const runMembers = new Set<TSESTree.Node>();
  for (const fn of runFunctions) {
    if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition || fn.parent?.type === AST_NODE_TYPES.PropertyDefinition) runMembers.add(fn.parent);
  }
  const insideRunFunction = (node: TSESTree.Node) => {
    for (let current = node.parent; current; current = current.parent) {
      if (isFunctionNode(current) && runFunctions.has(current)) return true;
    }
    return false;
  };
  const wrapsRunFunction = (use: TraceUse) => {
    if (use.decorator?.parent && runMembers.has(use.decorator.parent)) return true;
    return use.wrapped !== undefined && resolver.resolve(use.wrapped).some((fn) => runFunctions.has(fn));
  };
  const evaluatedTraceUses = sdk.traceUses.filter((use) => wrapsRunFunction(use) || insideRunFunction(use.node));
  const evaluatedUseNodes = new Set<TSESTree.Node>(evaluatedTraceUses.map((use) => use.decorator ?? use.node));

  return {
    calls,
    runFunctions,
    evaluatedTraceUses,
    isRunByEvaluate(node) {
      if (isFunctionNode(node) && runFunctions.has(node)) return true;
      if (insideRunFunction(node)) return true;
      for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
        if (evaluatedUseNodes.has(current)) return true;
        if (isFunctionNode(current)) break;
      }
      return false;
    },
  };
}

/**
 * What this module exports under `names` (`"default"` included), as nodes the resolver understands:
 * `export const x = …`, `export function x`, `export { local as x }`, `export default …`,
 * `exports.x = …`, `module.exports.x = …`, `module.exports = { x }`.
 */
function exportedValues(ast: TSESTree.Program, names: readonly string[]): TSESTree.Node[] {
  if (names.length === 0) return [];
  const wanted = new Set(names);
  const values: TSESTree.Node[] = [];
  const take = (name: string | undefined, value: TSESTree.Node | null | undefined) => {
    if (name !== undefined && value && wanted.has(name)) values.push(value);
  };
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) take("default", statement.declaration);
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) take(declaration.id?.name, declaration);
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier) take(declarator.id.name, declarator.init);
        }
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ExportSpecifier) take(staticName(specifier.exported), specifier.local);
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const target = unwrapExpression(left.object);
    const isExportsObject = (node: TSESTree.Node | undefined) =>
      (node?.type === AST_NODE_TYPES.Identifier && node.name === "exports") ||
      (node?.type === AST_NODE_TYPES.MemberExpression && memberName(node) === "exports" && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === "module");
    if (isExportsObject(target)) {
      take(memberName(left), right);
    } else if (isExportsObject(left) && right.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of right.properties) {
        if (property.type === AST_NODE_TYPES.Property) take(staticName(property.key, property.computed), property.value);
      }
    }
  }
  return values;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * Resolves expressions to the functions of this file they denote, and functions to the functions they
 * call. What a name holds, which object literal or class instance an expression is: the file's one
 * binding resolver (analysis/bindings.ts); this adds what evaluate() needs on top (trace wrappers,
 * `.bind()`, methods of local objects and classes, the call graph).
 */
class FunctionResolver {
  private readonly calledCache = new Map<FunctionNode, FunctionNode[]>();

  constructor(
    private readonly sdk: SdkModel,
    private readonly bindings: Bindings,
    private readonly ast: TSESTree.Program,
  ) {}

  /** The functions `node` may evaluate to (empty when unknown or defined elsewhere). */
  resolve(node: TSESTree.Node | null | undefined, depth = 0): FunctionNode[] {
    const expression = unwrapExpression(node);
    if (!expression || depth > 8) return [];
    if (isFunctionNode(expression)) return [expression];
    switch (expression.type) {
      case AST_NODE_TYPES.Identifier:
        return this.resolve(this.bindings.valueOf(expression), depth + 1);
      case AST_NODE_TYPES.CallExpression: {
        const use = this.sdk.traceUseOf(expression);
        if (use?.node === expression) return this.resolve(use.wrapped, depth + 1);
        // `pipeline.run.bind(pipeline)`
        const callee = unwrapExpression(expression.callee);
        if (callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "bind") return this.resolve(callee.object, depth + 1);
        return [];
      }
      case AST_NODE_TYPES.MemberExpression:
        return this.resolveMember(expression, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.resolve(expression.consequent, depth + 1), ...this.resolve(expression.alternate, depth + 1)];
      case AST_NODE_TYPES.LogicalExpression:
        return [...this.resolve(expression.left, depth + 1), ...this.resolve(expression.right, depth + 1)];
      default:
        return [];
    }
  }

  /** `obj.method` for a local object literal, `new LocalClass()` instance or `this` inside a class. */
  private resolveMember(member: TSESTree.MemberExpression, depth: number): FunctionNode[] {
    const name = memberName(member);
    if (name === undefined) return [];
    const classNode = this.bindings.classOfInstance(member.object);
    if (classNode) return methodsNamed(classNode, name);
    const object = this.bindings.objectOf(member.object);
    const property = object ? findProperty(object, name) : undefined;
    return property ? this.resolve(property.value, depth + 1) : [];
  }

  /** The functions of this file that `fn` calls or hands on (`items.map(step)`), excluding nested definitions it merely holds. */
  calledFrom(fn: FunctionNode): FunctionNode[] {
    const cached = this.calledCache.get(fn);
    if (cached) return cached;
    const called: FunctionNode[] = [];
    for (const node of nodesOfTypesWithin(this.ast, CALL_TYPES, fn.body)) {
      called.push(...this.resolve(node.callee));
      for (const argument of node.arguments) {
        const value = unwrapExpression(argument);
        if (value && !isFunctionNode(value)) called.push(...this.resolve(value));
      }
    }
    // Inline callbacks (`items.map((x) => step(x))`) are part of `fn`'s body and were walked above.
    this.calledCache.set(fn, called);
    return called;
  }
}

function methodsNamed(classNode: ClassNode, name: string): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "method" && !member.static && staticName(member.key, member.computed) === name) {
      if (isFunctionNode(member.value)) found.push(member.value);
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticName(member.key, member.computed) === name && isFunctionNode(member.value)) {
      found.push(member.value);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Facts for `no-global-tracer-with-evaluate` and the `evaluate-managed-tracer` transform.

/** A tracer the file binds explicitly to code that evaluate() runs. */
export interface EvaluateTracerBinding {
  readonly use: TraceUse;
  readonly tracer: TracerDeclaration;
  /** Where to report: the `tracer` property of the options, or the `tracer.trace` callee. */
  readonly reportNode: TSESTree.Node;
  /**
   * The traced function (`const reverse = trace({ tracer }, fn)`) is also called or handed on outside
   * what evaluate() runs (another framework's runner, `Eval("x", { task: reverse })`, a route): those
   * calls need the tracer, so the binding and the tracer stay (the codemod marks the binding).
   */
  readonly alsoUsedOutsideEvaluate: boolean;
}

/** A tracer created by this file next to evaluate() (module level, or in the function that calls evaluate). */
export interface EvaluateConflictingTracer {
  readonly tracer: TracerDeclaration;
  /** The `HoneyHiveTracer.init(...)` / `new HoneyHiveTracer(...)` calls that create it (report here). */
  readonly initializations: readonly TSESTree.Expression[];
  /** Its bindings to evaluated code (a subset of `bindings` of the findings). */
  readonly bindings: readonly EvaluateTracerBinding[];
  /**
   * References that are not those bindings nor its own declaration/initialization (a lazy getter's
   * own body excluded): when empty and the tracer is not exported, it can be removed along with the bindings.
   */
  readonly otherUses: readonly TSESTree.Identifier[];
  /**
   * The `otherUses` that sit in code evaluate() runs (`tracer.enrichSpan()` in the evaluated
   * function): the tracer still reaches the datapoints there, which needs a person. Uses outside
   * evaluated code (`await tracer.forceFlush()` at the end of `main`) are the author's business.
   */
  readonly usesInEvaluatedCode: readonly TSESTree.Identifier[];
  /**
   * Calls among `usesInEvaluatedCode` that act on the tracer's own session or provider
   * (`tracer.enrichSession(…)`, `tracer.startSpan(…)`, `tracer.createSession()`, `tracer.sessionStart()`):
   * evaluate() hands the datapoint's tracer to implicit code only, so these write every datapoint
   * into this one tracer's session.
   */
  readonly sessionCallsInEvaluatedCode: readonly EvaluatedTracerCall[];
  /** Not exported and no other use: removing the bindings makes the tracer dead code. */
  readonly removable: boolean;
  /**
   * Not exported and used by evaluated code only (its bindings, or calls such as `tracer.enrichSpan()`
   * inside the evaluated function) with no session-bound call there (those are reported where they
   * are made): it only serves datapoints that evaluate() gives tracers of their own, so the rule
   * reports its initialization. Unlike `removable`, a `tracer.enrichSpan()` use is allowed (it would
   * lose its receiver, so no removal is offered then).
   */
  readonly servesOnlyEvaluatedCode: boolean;
  /** The statements that create it (declaration, and for a lazy tracer the getter and the backing variable). */
  readonly declarations: readonly TSESTree.Node[];
}

/** `tracer.enrichSession(…)` (or `getTracer().startSpan(…)`) in code that evaluate() runs. */
export interface EvaluatedTracerCall {
  readonly call: TSESTree.CallExpression;
  /** The `tracer.enrichSession` member expression. */
  readonly callee: TSESTree.MemberExpression;
  readonly method: SessionBoundMethod;
}

/**
 * A tracer method that acts on the tracer's own instance session or provider, not the datapoint's
 * (`SESSION_BOUND_MEMBERS`, both majors: `enrichSession`, `startSpan`, `createSession`, 1.x `startSession`…).
 */
export type SessionBoundMethod = string;

function isSessionBoundMethod(name: string | undefined): name is SessionBoundMethod {
  return name !== undefined && SESSION_BOUND_MEMBERS.has(name);
}

/** The method call made on the tracer `identifier` denotes (`tracer.m(…)`, `getTracer().m(…)`), when session-bound. */
function sessionBoundCallOn(identifier: TSESTree.Identifier): EvaluatedTracerCall | undefined {
  let receiver: TSESTree.Node = identifier;
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier && parent.arguments.length === 0) receiver = parent;
  const callee = receiver.parent;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object !== receiver) return undefined;
  const call = callee.parent;
  const method = memberName(callee);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee || !isSessionBoundMethod(method)) return undefined;
  return { call, callee, method };
}

export interface EvaluateTracerFindings {
  /** Explicit tracer bindings on evaluated code, in source order. */
  readonly bindings: readonly EvaluateTracerBinding[];
  /** Tracers the file creates next to evaluate(), in source order. */
  readonly tracers: readonly EvaluateConflictingTracer[];
  /** evaluate() calls running a function that its project module binds to that module's tracer (one module deep). */
  readonly importedBindings?: readonly ImportedEvaluatedBinding[];
}

/** `evaluate({ function: answer })` where `./pipeline` exports `answer = tracer.trace(…, fn)` on its own tracer. */
export interface ImportedEvaluatedBinding {
  readonly call: EvaluateCall;
  /** The `function:` value (report here). */
  readonly node: TSESTree.Identifier;
  readonly fact: NonNullable<ReturnType<typeof importedFact<"boundFunction">>>;
}

/** The identifier given as `function:` to evaluate(), seen through a `trace(...)` wrapper. */
export function evaluatedIdentifier(sdk: SdkModel, value: TSESTree.Node): TSESTree.Identifier | undefined {
  let expression = unwrapExpression(value);
  const use = expression ? sdk.traceUseOf(expression) : undefined;
  if (use && use.node === expression && use.wrapped) expression = unwrapExpression(use.wrapped);
  return expression?.type === AST_NODE_TYPES.Identifier ? expression : undefined;
}

const findingsCache = new AttachedCache<TSESTree.Program, EvaluateTracerFindings>("honeyhive.evaluateTracerFindings");

/**
 * What `no-global-tracer-with-evaluate` reports and `evaluate-managed-tracer` rewrites: tracers bound
 * explicitly to code evaluate() runs, and tracers this file creates next to evaluate(). Empty when
 * the file has no evaluate() call. Cached per AST; never throws.
 */
export function findEvaluateTracerBindings(input: AnalysisInput): EvaluateTracerFindings {
  let findings = findingsCache.get(input.ast);
  if (!findings) {
    try {
      findings = computeFindings(input);
    } catch (error) {
      reportAnalysisError(error);
      findings = { bindings: [], tracers: [] };
    }
    findingsCache.set(input.ast, findings);
  }
  return findings;
}

function computeFindings(input: AnalysisInput): EvaluateTracerFindings {
  const evaluate = getEvaluateModel(input);
  if (evaluate.calls.length === 0 && evaluate.runFunctions.size === 0) return { bindings: [], tracers: [] };
  const sdk = getSdkModel(input);

  const bindings: EvaluateTracerBinding[] = [];
  for (const use of evaluate.evaluatedTraceUses) {
    const tracer = use.boundTracer;
    // A tracer handed in as a parameter is the caller's choice, not one this file created.
    if (!tracer || tracer.kind === "parameter") continue;
    const reportNode = use.via === "tracer" ? unwrapExpression((use.node as TSESTree.CallExpression).callee) ?? use.node : (use.tracerProperty ?? use.node);
    bindings.push({ use, tracer: primaryTracer(tracer), reportNode, alsoUsedOutsideEvaluate: tracedUsedOutsideEvaluate(sdk, evaluate, use) });
  }

  const importedBindings = evaluate.calls.flatMap((call): ImportedEvaluatedBinding[] => {
    const node = call.functionProperty && call.evaluatedFunctions.length === 0 ? evaluatedIdentifier(sdk, call.functionProperty.value) : undefined;
    const variable = node && sdk.variableOf(node);
    const fact = variable && importedFact(input, variable, "boundFunction");
    return node && fact ? [{ call, node, fact }] : [];
  });

  const callers = new Set(evaluate.calls.map((call) => call.caller));
  const tracers: EvaluateConflictingTracer[] = [];
  let heldCalls: Map<TracerDeclaration, EvaluatedTracerCall[]> | undefined;
  for (const tracer of sdk.tracers) {
    if (tracer.kind === "member") {
      // A tracer held by a class (`this.tracer` of a service the evaluated function calls): it has no variable
      // whose references could be read, so its session-bound calls in evaluated code are found by call.
      heldCalls ??= heldTracerCallsInEvaluatedCode(input, sdk, evaluate);
      const calls = heldCalls.get(tracer);
      if (calls) tracers.push(heldTracerInEvaluatedCode(sdk, tracer, calls));
      continue;
    }
    // A backing variable is reported through its getter.
    if (tracer.getter) continue;
    if (tracer.kind === "imported") {
      const imported = importedTracerInEvaluatedCode(input, sdk, tracer, bindings, evaluate);
      if (imported) tracers.push(imported);
      continue;
    }
    if (tracer.initializations.length === 0) continue;
    // A parameter's default (`constructor(private tracer = HoneyHiveTracer.init(…))`) is declared by its
    // parameter (sdk-model), whose enclosing function is the one owning it: the tracer lives there.
    const declaredWhere = tracer.moduleLevel ? undefined : enclosingFunction(tracer.declaration);
    const parameter = tracer.variable?.defs[0]?.type === "Parameter";
    if (!tracer.moduleLevel && !callers.has(declaredWhere)) continue;
    const own = bindings.filter((binding) => binding.tracer === tracer);
    const otherUses = otherUsesOf(sdk, tracer, own);
    const declarations = declarationsOf(sdk, tracer);
    const usesInEvaluatedCode = otherUses.filter((identifier) => evaluate.isRunByEvaluate(identifier));
    // `evaluate({ …, tracer })`: evaluate() reads no such option, so the tracer still serves nothing (kept, not removable).
    const unreadOptionUses = otherUses.filter((identifier) => isUnreadEvaluateOption(identifier, evaluate.calls));
    const sessionCallsInEvaluatedCode = usesInEvaluatedCode.flatMap((identifier) => sessionBoundCallOn(identifier) ?? []);
    // A traced function of it that also runs outside evaluate() keeps it alive: not removable, not evaluate()-only.
    const servesOutside = own.some((binding) => binding.alsoUsedOutsideEvaluate);
    tracers.push({
      tracer,
      initializations: tracer.initializations,
      bindings: own,
      otherUses,
      usesInEvaluatedCode,
      sessionCallsInEvaluatedCode,
      // A parameter never goes: removing it would change the function's (a class's constructor's) signature.
      removable: !parameter && !tracer.exported && otherUses.length === 0 && declarations.every(declaresOnlyItself) && !servesOutside,
      // A session-bound call is reported where it is made; the initialization is then left alone.
      servesOnlyEvaluatedCode:
        !tracer.exported && usesInEvaluatedCode.length + unreadOptionUses.length === otherUses.length && sessionCallsInEvaluatedCode.length === 0 && !servesOutside,
      declarations,
    });
  }
  return { bindings, tracers, importedBindings };
}

/**
 * `const reverse = trace({ tracer }, fn)` whose `reverse` is read somewhere evaluate() does not run and
 * that is not evaluate()'s own `function:` (`Eval("x", { task: reverse })`, a route calling it).
 */
function tracedUsedOutsideEvaluate(sdk: SdkModel, evaluate: EvaluateModel, use: TraceUse): boolean {
  let outer: TSESTree.Node = use.node;
  while (outer.parent && unwrapExpression(outer.parent) === unwrapExpression(outer) && outer.parent !== outer) {
    if (outer.parent.type === AST_NODE_TYPES.VariableDeclarator) break;
    outer = outer.parent;
  }
  const declarator = outer.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== outer || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sdk.variableOf(declarator.id);
  if (!variable) return false;
  const evaluatedValues = new Set(evaluate.calls.flatMap((call) => (call.functionProperty ? [unwrapExpression(call.functionProperty.value)] : [])));
  return variable.references.some((reference) => {
    if (reference.init || reference.identifier === declarator.id) return false;
    return !evaluatedValues.has(reference.identifier as TSESTree.Expression) && !evaluate.isRunByEvaluate(reference.identifier);
  });
}

/**
 * A tracer imported from a project module is not created here (nothing to remove), but a
 * session-bound call on it in evaluated code (`tracer.enrichSession(…)`) still writes into that
 * tracer's one session for every datapoint. Reported only when the module's export facts prove a
 * HoneyHive tracer: a name alone may be an OpenTelemetry tracer, whose `startSpan` is no session call.
 */
function importedTracerInEvaluatedCode(
  input: AnalysisInput,
  sdk: SdkModel,
  tracer: TracerDeclaration,
  bindings: readonly EvaluateTracerBinding[],
  evaluate: EvaluateModel,
): EvaluateConflictingTracer | undefined {
  if (!tracer.variable || !importedTracerProven(input, tracer.variable)) return undefined;
  const own = bindings.filter((binding) => binding.tracer === tracer);
  const otherUses = otherUsesOf(sdk, tracer, own);
  const usesInEvaluatedCode = otherUses.filter((identifier) => evaluate.isRunByEvaluate(identifier));
  const sessionCallsInEvaluatedCode = usesInEvaluatedCode.flatMap((identifier) => sessionBoundCallOn(identifier) ?? []);
  if (sessionCallsInEvaluatedCode.length === 0) return undefined;
  return {
    tracer,
    initializations: [],
    bindings: own,
    otherUses,
    usesInEvaluatedCode,
    sessionCallsInEvaluatedCode,
    removable: false,
    servesOnlyEvaluatedCode: false,
    declarations: declarationsOf(sdk, tracer),
  };
}

/**
 * The session-bound calls (`this.tracer.enrichSession(…)`) made on a tracer held by a class, in code evaluate() runs:
 * the evaluated function itself or a method of the file it calls (`service.answer()` of `new ChatService(tracer)`,
 * followed as `isRunByEvaluate` follows calls). By tracer; made once per file.
 */
function heldTracerCallsInEvaluatedCode(input: AnalysisInput, sdk: SdkModel, evaluate: EvaluateModel): Map<TracerDeclaration, EvaluatedTracerCall[]> {
  const found = new Map<TracerDeclaration, EvaluatedTracerCall[]>();
  // A member read through its class's one instance (`Obs.instance.tracer`) resolves to a tracer of its own that
  // shares the member's declaration: it is reported as that member.
  const members = new Map(sdk.tracers.filter((tracer) => tracer.kind === "member").map((tracer) => [tracer.declaration, tracer]));
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrapExpression(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = memberName(callee);
    if (!isSessionBoundMethod(method)) continue;
    const resolved = sdk.tracerOf(callee.object);
    const tracer = resolved && members.get(resolved.declaration);
    if (tracer === undefined || !evaluate.isRunByEvaluate(call)) continue;
    const calls = found.get(tracer) ?? [];
    calls.push({ call, callee, method });
    found.set(tracer, calls);
  }
  return found;
}

/** A held tracer's finding: its session-bound calls in evaluated code, reported where made; nothing to remove. */
function heldTracerInEvaluatedCode(sdk: SdkModel, tracer: TracerDeclaration, calls: readonly EvaluatedTracerCall[]): EvaluateConflictingTracer {
  return {
    tracer,
    initializations: [],
    bindings: [],
    otherUses: [],
    usesInEvaluatedCode: [],
    sessionCallsInEvaluatedCode: calls,
    removable: false,
    servesOnlyEvaluatedCode: false,
    declarations: declarationsOf(sdk, tracer),
  };
}

/** `const tracer = …, other = …;` cannot go as a whole: removing it would take `other` along. */
function declaresOnlyItself(statement: TSESTree.Node): boolean {
  return statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length === 1;
}

/** A backing variable (`_tracer`) is represented by its getter. */
function primaryTracer(tracer: TracerDeclaration): TracerDeclaration {
  return tracer.getter ?? tracer;
}

function declarationsOf(sdk: SdkModel, tracer: TracerDeclaration): TSESTree.Node[] {
  const statements: TSESTree.Node[] = [statementOf(tracer.declaration)];
  if (tracer.kind === "lazy") {
    for (const backing of sdk.tracers) {
      if (backing.getter === tracer) statements.push(statementOf(backing.declaration));
    }
  }
  return statements.sort((a, b) => a.range[0] - b.range[0]);
}

/** The statement holding a declarator (`const tracer = …;`), or an export wrapping it. */
export function statementOf(node: TSESTree.Node): TSESTree.Node {
  let statement = node;
  if (statement.type === AST_NODE_TYPES.VariableDeclarator && statement.parent) statement = statement.parent;
  if (statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    statement = statement.parent;
  }
  return statement;
}

function otherUsesOf(sdk: SdkModel, tracer: TracerDeclaration, own: readonly EvaluateTracerBinding[]): TSESTree.Identifier[] {
  const variables = [tracer.variable, ...sdk.tracers.filter((backing) => backing.getter === tracer).map((backing) => backing.variable)];
  const excluded = [...declarationsOf(sdk, tracer), ...own.map((binding) => binding.reportNode)];
  const uses: TSESTree.Identifier[] = [];
  for (const variable of variables) {
    for (const reference of variable?.references ?? []) {
      if (reference.init) continue;
      if (excluded.some((node) => contains(node, reference.identifier))) continue;
      uses.push(reference.identifier as TSESTree.Identifier);
    }
  }
  return uses;
}

/** The option names evaluate() reads, in this SDK and in honeyhive 1.x (from the SDK manifests). */
const READ_EVALUATE_OPTIONS: ReadonlySet<string> = new Set([...OPTION_NAMES.evaluate, ...OPTIONS_1X.filter((option) => option.of === "evaluate").map((option) => option.key)]);

/** True when `identifier` is the value of an option that no evaluate() reads, in the options literal of one of `calls`. */
function isUnreadEvaluateOption(identifier: TSESTree.Identifier, calls: readonly EvaluateCall[]): boolean {
  const property = identifier.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== identifier || property.computed) return false;
  const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
  if (key === undefined || READ_EVALUATE_OPTIONS.has(key)) return false;
  return calls.some((call) => call.call.arguments[0] === property.parent);
}
