// Session ids that come from outside the application (a request header, the query, the body, route
// params, cookies, a serverless event) and reach the SDK unchecked. This SDK throws
// `InvalidSessionIdError` for an explicit id that is not a UUID, so such an id crashes the request the
// first time a client sends anything else. Shared by the rule `require-valid-session-id` and the
// transform `validate-session-id`, so both find exactly the same places.
//
// The flow is followed inside one file, through what keeps the value as it is: local variables
// written once (and destructuring), `??` / `||` defaults, template literals and `+`, conditionals,
// `await`, `String()`, string methods. Any other call on the way (`toSessionId`, a schema's `parse`,
// a helper of the project) makes a new value that is not followed: the rule reports only when the raw
// input reaches the SDK. A validation that mentions the value (`isSessionId(id)`, `uuidValidate(id)`,
// `UUID_RE.test(id)`, `schema.safeParse(req.body)`) in the function that reads it or that calls the
// SDK, or anywhere in the file for the same input key, counts as a check on the way.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, enclosingFunction, findProperty, memberName, staticName, type FunctionNode } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { getHandlerModel, type Handler, type HandlerModel } from "./handlers.js";
import type { AnalysisInput } from "./input.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { getSdkModel, type SdkModel, type TracerDeclaration } from "./sdk-model.js";
import { textMentionsSdk } from "./settings.js";

/** Tracer methods that take `{ sessionId }` and throw for a non-UUID one. */
const SESSION_METHODS: ReadonlySet<string> = new Set(["createSession", "acreateSession", "withSession", "sessionStart"]);

/** Members of a request object that hold what the client sent. */
const REQUEST_INPUT_PARTS: ReadonlySet<string> = new Set([
  "headers",
  "query",
  "body",
  "params",
  "cookies",
  "searchParams",
  "url",
  "rawHeaders",
  "pathParameters",
  "queryStringParameters",
]);

/** Methods of a request object that read what the client sent (`req.get("x")`, `c.req.header("x")`, `request.json()`). */
const REQUEST_INPUT_GETTERS: ReadonlySet<string> = new Set(["get", "header", "query", "param", "queries", "cookie", "json", "text", "formData"]);

/** Members that lead from a context object to its request (`c.req`, `ctx.request`). */
const REQUEST_HOLDERS: ReadonlySet<string> = new Set(["req", "request"]);

/** Global functions that hand back the same text (or a value read from it) for an input. */
const TRANSPARENT_GLOBALS: ReadonlySet<string> = new Set(["String", "decodeURIComponent", "decodeURI"]);

/** A call whose name says it checks or converts: it counts as the check on the way when it mentions the value. */
const VALIDATION_NAME = /uuid|session_?id|valid|^test$|^match$|^parse$|^safeParse$|^assert|^check/i;

/**
 * - `context`: a framework context whose own getters read application state (Hono's `c.get("user")`
 *   reads what a middleware `c.set`), with the request under `c.req`;
 * - `request`: a request object (its input parts and getters are client input);
 * - `input`: what the client sent.
 */
type Taint = "context" | "request" | "input";

interface Flow {
  /** The expression that reads the external input (`req.headers["x-session-id"]`). */
  readonly source: TSESTree.Node;
  /** Keys destructured from `source` on the way (`const { id } = req.params` → `["id"]`). */
  readonly sourceKeys: readonly string[];
  /** Variables the value went through, and the request variable it was read from. */
  readonly variables: ReadonlySet<Scope.Variable>;
}

interface FlowResult {
  readonly taint: Taint;
  readonly source: TSESTree.Node;
  readonly sourceKeys?: readonly string[];
}

export interface UnvalidatedSessionId {
  /** The SDK call (`tracer.createSession(…)`, `HoneyHiveTracer.init(…)`). */
  readonly call: TSESTree.CallExpression;
  /** What the message names: `createSession`, `HoneyHiveTracer.init`. */
  readonly method: string;
  /** The `sessionId` property of the options literal. */
  readonly property: TSESTree.Property;
  /** The value given as `sessionId`: where the rule reports and what the suggestion wraps. */
  readonly value: TSESTree.Expression;
  /** The expression that reads the external input. */
  readonly source: TSESTree.Node;
  /** Keys destructured from `source` on the way: the input read is `source.key1.key2`. */
  readonly sourceKeys: readonly string[];
  /** The handler whose input it is. */
  readonly handler: Handler;
}

const findingsCache = new AttachedCache<TSESTree.Program, readonly UnvalidatedSessionId[]>("honeyhive.unvalidatedSessionIds");

/** Every unchecked external session id in the file, in source order; cached per AST, never throws. */
export function findUnvalidatedSessionIds(input: AnalysisInput): readonly UnvalidatedSessionId[] {
  return findingsCache.getOrCompute(input.ast, () => collect(input), []);
}

function collect(input: AnalysisInput): readonly UnvalidatedSessionId[] {
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return [];
  const sinks: { call: TSESTree.CallExpression; method: string; options: TSESTree.Node }[] = [];
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const callee = unwrap(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(callee);
    const options = call.arguments[0];
    if (name === undefined || !options) continue;
    if (SESSION_METHODS.has(name) && isHoneyhiveTracer(input, sdk.tracerOf(callee.object))) sinks.push({ call, method: name, options });
    else if (name === "init" && sdk.sdkExportOf(callee.object) === "HoneyHiveTracer") sinks.push({ call, method: "HoneyHiveTracer.init", options });
  }
  if (sinks.length === 0) return [];
  const flows = new SessionIdFlow(input, sdk, getHandlerModel(input));
  const found: UnvalidatedSessionId[] = [];
  for (const { call, method, options } of sinks) {
    const property = sessionIdProperty(flows, options);
    if (!property) continue;
    const value = property.value as TSESTree.Expression;
    const flow = flows.flowOf(value);
    if (!flow || flows.isChecked(flow, call)) continue;
    const handler = flows.handlerOfSource(flow);
    if (handler) found.push({ call, method, property, value, source: flow.source, sourceKeys: flow.sourceKeys, handler });
  }
  return found;
}

/**
 * A tracer this rule is sure of. The SDK model takes a neutrally named binding from a project module
 * (`sessions` from "./session-store") as a tracer once a HoneyHive-only member is used on it; a
 * session store has `createSession({ sessionId })` too, so here such a binding must also be named
 * like a tracer or sit in a file that uses the SDK itself.
 */
export function isHoneyhiveTracer(input: AnalysisInput, tracer: TracerDeclaration | undefined): boolean {
  if (!tracer) return false;
  if (tracer.kind !== "imported" || /tracer/i.test(tracer.name)) return true;
  return textMentionsSdk(input.text, input.settings);
}

/** The `sessionId` property of an options literal, given inline or as a variable written once. */
function sessionIdProperty(flows: SessionIdFlow, options: TSESTree.Node): TSESTree.Property | undefined {
  let object = unwrap(options);
  if (object?.type === AST_NODE_TYPES.Identifier) object = unwrap(flows.singleValueOf(object));
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = findProperty(object, "sessionId");
  // A later spread may override it with anything: not this property's value then.
  if (!property || object.properties.indexOf(property) < object.properties.findLastIndex((p) => p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return property;
}

/** Parentheses are not nodes; these wrappers do not change the value either (`await` kept visible). */
function unwrap(node: TSESTree.Node | null | undefined): TSESTree.Node | undefined {
  let current = node ?? undefined;
  while (
    current &&
    (current.type === AST_NODE_TYPES.TSAsExpression ||
      current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.type === AST_NODE_TYPES.TSTypeAssertion ||
      current.type === AST_NODE_TYPES.ChainExpression ||
      current.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return current;
}

/** A handler parameter that holds client input: the request object, or input itself (an event, `{ params }`). */
interface InputParameter {
  readonly handler: Handler;
  readonly taint: Taint;
}

class SessionIdFlow {
  constructor(
    private readonly input: AnalysisInput,
    private readonly sdk: SdkModel,
    private readonly handlers: HandlerModel,
  ) {}

  /** The external input that `node` evaluates to unchanged, with the way it took; undefined otherwise. */
  flowOf(node: TSESTree.Node): Flow | undefined {
    const variables = new Set<Scope.Variable>();
    const result = this.evaluate(node, variables, 0);
    return result?.taint === "input" ? { source: result.source, sourceKeys: result.sourceKeys ?? [], variables } : undefined;
  }

  /** The single value a variable is written with (its initializer), or undefined when written more than once. */
  singleValueOf(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
    const variable = this.sdk.variableOf(identifier);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    if (def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
    return variable.references.filter((reference) => reference.writeExpr).length === 1 ? def.node.init : undefined;
  }

  private evaluate(node: TSESTree.Node | null | undefined, variables: Set<Scope.Variable>, depth: number): FlowResult | undefined {
    const expression = unwrap(node);
    if (!expression || depth > 24) return undefined;
    const next = (child: TSESTree.Node | null | undefined) => this.evaluate(child, variables, depth + 1);
    const asInput = (result: FlowResult | undefined): FlowResult | undefined => (result?.taint === "input" ? result : undefined);
    switch (expression.type) {
      case AST_NODE_TYPES.Identifier:
        return this.evaluateVariable(expression, variables, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const object = next(expression.object);
        if (!object) return undefined;
        if (object.taint === "input") return { taint: "input", source: expression };
        const name = memberName(expression);
        if (object.taint === "request" && name !== undefined && REQUEST_INPUT_PARTS.has(name)) return { taint: "input", source: expression };
        if (name !== undefined && REQUEST_HOLDERS.has(name)) return { taint: "request", source: expression };
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(expression.callee);
        if (callee?.type === AST_NODE_TYPES.MemberExpression) {
          const name = memberName(callee);
          const receiver = next(callee.object);
          if (receiver?.taint === "input" && name !== undefined && !VALIDATION_NAME.test(name)) return { taint: "input", source: expression };
          if (receiver?.taint === "request" && name !== undefined && REQUEST_INPUT_GETTERS.has(name)) return { taint: "input", source: expression };
          if (name === "parse" && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "JSON" && this.isGlobal(callee.object)) {
            // The parsed object is what later keys are read from: it names the input in messages.
            return asInput(next(expression.arguments[0])) && { taint: "input", source: expression };
          }
          return undefined;
        }
        if (callee?.type === AST_NODE_TYPES.Identifier && TRANSPARENT_GLOBALS.has(callee.name) && this.isGlobal(callee)) {
          return asInput(next(expression.arguments[0]));
        }
        return undefined;
      }
      case AST_NODE_TYPES.NewExpression: {
        // `new URL(req.url)`: its searchParams are the client's.
        const callee = expression.callee;
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "URL" && this.isGlobal(callee)) return asInput(next(expression.arguments[0]));
        return undefined;
      }
      case AST_NODE_TYPES.LogicalExpression:
        return asInput(next(expression.left)) ?? asInput(next(expression.right));
      case AST_NODE_TYPES.ConditionalExpression:
        // `isSessionId(id) ? id : toSessionId(id)`: a test that checks makes both branches checked.
        if (this.mentionsValidation(expression.test)) return undefined;
        return asInput(next(expression.consequent)) ?? asInput(next(expression.alternate));
      case AST_NODE_TYPES.TemplateLiteral:
        for (const part of expression.expressions) {
          const result = asInput(next(part));
          if (result) return result;
        }
        return undefined;
      case AST_NODE_TYPES.BinaryExpression:
        return expression.operator === "+" ? (asInput(next(expression.left)) ?? asInput(next(expression.right))) : undefined;
      case AST_NODE_TYPES.SequenceExpression:
        return asInput(next(expression.expressions.at(-1)));
      default:
        return undefined;
    }
  }

  private evaluateVariable(identifier: TSESTree.Identifier, variables: Set<Scope.Variable>, depth: number): FlowResult | undefined {
    const variable = this.sdk.variableOf(identifier);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1 || variables.has(variable)) return undefined;
    if (def.type === "Parameter") {
      const parameter = this.inputParameter(def.node as FunctionNode, def.name as TSESTree.Identifier);
      if (!parameter) return undefined;
      variables.add(variable);
      return { taint: parameter.taint, source: identifier };
    }
    if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    // Reassigned (`if (!isSessionId(id)) id = toSessionId(id)`): the value at the SDK call is not known.
    if (variable.references.filter((reference) => reference.writeExpr).length !== 1) return undefined;
    variables.add(variable);
    const init = this.evaluate(def.node.init, variables, depth + 1);
    if (!init) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return init;
    // Destructured: `const { sessionId } = req.body`, `const { headers } = req`.
    const keys = keyPath(def.node.id, def.name as TSESTree.Identifier);
    if (init.taint === "input") return { taint: "input", source: init.source, sourceKeys: [...(init.sourceKeys ?? []), ...keys] };
    const key = keys[0];
    if (init.taint === "request" && key !== undefined && REQUEST_INPUT_PARTS.has(key)) return { taint: "input", source: init.source, sourceKeys: keys };
    if (key !== undefined && REQUEST_HOLDERS.has(key)) return { taint: "request", source: init.source };
    return undefined;
  }

  /** What a handler parameter holds, by the handler kind and the parameter's position and shape. */
  private inputParameter(fn: FunctionNode, name: TSESTree.Identifier): InputParameter | undefined {
    const handler = this.handlers.handlerOf(fn);
    if (!handler) return undefined;
    const index = fn.params.findIndex((parameter) => contains(parameter, name));
    if (index < 0) return undefined;
    const parameter = fn.params[index];
    const plain = parameter.type === AST_NODE_TYPES.Identifier || (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left === name);
    const key = plain ? undefined : topLevelKey(parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter, name);
    if (handler.kind === "lambda") return index === 0 ? { handler, taint: "input" } : undefined;
    // A server action's arguments are whatever the client posted.
    if (handler.framework === "nextjs-action") return { handler, taint: "input" };
    // NestJS hands parameters through decorators and pipes (`@Param("id", ParseUUIDPipe)`): not raw input.
    if (handler.framework === "nestjs") return undefined;
    // Fastify validates against the route's `schema` before the handler runs.
    if (handler.framework === "fastify" && hasRouteSchema(handler.registration)) return undefined;
    if (key !== undefined && REQUEST_INPUT_PARTS.has(key)) return { handler, taint: "input" };
    // Express error middleware: `(err, req, res, next)` (but `app.param(name, (req, res, next, value) => …)`).
    const isParamCallback = handler.registration.type === AST_NODE_TYPES.CallExpression && memberName(unwrap(handler.registration.callee)) === "param";
    const requestIndex = handler.framework === "express" && fn.params.length === 4 && !isParamCallback ? 1 : 0;
    if (index !== requestIndex) return undefined;
    if (plain) return { handler, taint: handler.framework === "hono" ? "context" : "request" };
    return key !== undefined && REQUEST_HOLDERS.has(key) ? { handler, taint: "request" } : undefined;
  }

  /** The handler whose parameter the flow started from. */
  handlerOfSource(flow: Flow): Handler | undefined {
    for (const variable of flow.variables) {
      const def = variable.defs[0];
      if (def?.type === "Parameter") return this.handlers.handlerOf(def.node);
    }
    return undefined;
  }

  /**
   * A check on the way: a validating call that mentions the value, in the function that reads the
   * input or the one that calls the SDK, before the SDK call ends; or, anywhere in the file, one that
   * reads the same input key (a middleware that rejects bad ids before the route handler runs).
   */
  isChecked(flow: Flow, call: TSESTree.CallExpression): boolean {
    const scopes = new Set<TSESTree.Node>();
    for (const node of [call, flow.source]) scopes.add(enclosingFunction(node) ?? this.input.ast);
    for (const scope of scopes) {
      for (const candidate of nodesOfTypesWithin(this.input.ast, CALL_TYPES, scope)) {
        if (candidate.range[0] >= call.range[1] || !this.isValidationCall(candidate)) continue;
        if (candidate.arguments.some((argument) => this.mentionsFlow(argument, flow))) return true;
      }
    }
    const key = flow.sourceKeys.at(-1)?.toLowerCase() ?? inputKeyOf(flow.source);
    if (key === undefined) return false;
    return nodesOfType(this.input.ast, AST_NODE_TYPES.CallExpression).some(
      (candidate) =>
        this.isValidationCall(candidate) &&
        candidate.arguments.some((argument) => nodesOfTypesWithin(this.input.ast, KEY_TYPES, argument).some((node) => inputKeyOf(node) === key)),
    );
  }

  private isValidationCall(call: TSESTree.CallExpression): boolean {
    const exported = this.sdk.sdkExportOf(call.callee);
    if (exported === "isSessionId" || exported === "toSessionId") return true;
    const callee = unwrap(call.callee);
    // `JSON.parse(event.body)` reads the input, it checks nothing.
    if (callee?.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "JSON") return false;
    const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    return name !== undefined && VALIDATION_NAME.test(name);
  }

  private mentionsValidation(test: TSESTree.Node): boolean {
    const calls = nodesOfTypesWithin(this.input.ast, CALL_TYPES, test);
    return calls.some((call) => this.isValidationCall(call));
  }

  /** `argument` uses a variable of the flow, or is itself external input. */
  private mentionsFlow(argument: TSESTree.Node, flow: Flow): boolean {
    for (const identifier of nodesOfTypesWithin(this.input.ast, IDENTIFIER_TYPES, argument)) {
      const variable = this.sdk.variableOf(identifier);
      if (variable && flow.variables.has(variable)) return true;
    }
    return this.evaluate(argument, new Set(), 0) !== undefined;
  }

  /** Not shadowed by a binding of the file (`String`, `URL`, `JSON` as the globals). */
  private isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.sdk.variableOf(identifier);
    return !variable || variable.defs.length === 0;
  }
}

const CALL_TYPES = [AST_NODE_TYPES.CallExpression] as const;
const IDENTIFIER_TYPES = [AST_NODE_TYPES.Identifier] as const;
const KEY_TYPES = [AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression] as const;

/** The route options of a Fastify registration carry a `schema` (`app.post("/x", { schema }, h)`, `app.route({ schema, handler })`). */
function hasRouteSchema(registration: TSESTree.Node): boolean {
  if (registration.type !== AST_NODE_TYPES.CallExpression) return false;
  return registration.arguments.some((argument) => argument.type === AST_NODE_TYPES.ObjectExpression && findProperty(argument, "schema") !== undefined);
}

/** The keys from a destructuring pattern down to `name` (`{ headers: { cookie } }` → `["headers", "cookie"]`); empty when not found. */
function keyPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] {
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return keyPath(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !contains(property, name)) continue;
    const key = staticName(property.key, property.computed);
    return key === undefined ? [] : [key, ...keyPath(property.value, name)];
  }
  return [];
}

/** The top-level key of a destructuring pattern under which `name` is bound (`{ headers: { cookie } }` → `headers`). */
function topLevelKey(pattern: TSESTree.Node, name: TSESTree.Identifier): string | undefined {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.Property && contains(property, name)) return staticName(property.key, property.computed);
  }
  return undefined;
}

/** The input key an expression reads, lower-cased: `req.headers["X-Session-Id"]`, `req.get("x-session-id")`, `event.sessionId`. */
function inputKeyOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    return name !== undefined && !REQUEST_INPUT_PARTS.has(name) ? name.toLowerCase() : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    const name = memberName(callee);
    const key = staticName(node.arguments[0]);
    return name !== undefined && REQUEST_INPUT_GETTERS.has(name) && key !== undefined ? key.toLowerCase() : undefined;
  }
  return undefined;
}
