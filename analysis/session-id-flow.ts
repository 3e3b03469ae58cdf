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
// `UUID_RE.test(id)`, `schema.safeParse(req.body)`) before the value leaves the function that reads
// it, hands it to a helper of the file or calls the SDK, or anywhere in the file for the same input
// key, counts as a check on the way.
//
// What is request input is the frameworks' and platforms' data (`requestInputs` of the descriptors in
// `knowledge/`): which handler parameter holds the request, which of its members and methods read the
// client's input, and which functions of the framework's modules read it (h3's `getHeader(event, "x")`).
// This engine knows no framework by name.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, enclosingFunction, findProperty, isFunctionNode, memberName, staticName, type FunctionNode } from "./ast.js";
import { AttachedCache } from "./attached-cache.js";
import { originName } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import { getHandlerModel, originMatches, type Handler, type HandlerModel, type RequestHandler } from "./handlers.js";
import type { AnalysisInput } from "./input.js";
import { FRAMEWORKS, PLATFORMS, frameworkById } from "./knowledge/index.js";
import {
  ANSWERING_VALIDATORS,
  COUNT_MEMBER,
  EMPTY_COMPARISONS,
  FLOW_ENDING_CALLS,
  NONEMPTY_COMPARISONS,
  SCHEMA_LIBRARIES,
  SCHEMA_UUID_MENTION,
  THROWING_VALIDATOR_NAME,
  VERDICT_FAILURE_KEYS,
  type SchemaLibrary,
} from "./knowledge/schema-checks.js";
import { TRACER_FACTORY_STATICS } from "./knowledge/sdks/index.js";
import type { ParameterDecorators, RequestInputs, RequestInputsByEvent, ValueSpecifier } from "./knowledge/types.js";
import { nodesOfType, nodesOfTypesWithin } from "./nodes.js";
import { importedFact, isProjectModule } from "./project-modules.js";
import { recordHandlerCallOf } from "./record-handlers.js";
import { getSdkModel, type SdkModel, type TracerDeclaration } from "./sdk-model.js";
import { textMentionsSdk } from "./settings.js";

/** Tracer methods that take `{ sessionId }` and throw for a non-UUID one. */
const SESSION_METHODS: ReadonlySet<string> = new Set(["createSession", "acreateSession", "withSession", "sessionStart"]);

/** What every descriptor calls request input, for reading the key of an input read anywhere in the file (a middleware's check). */
interface InputVocabulary {
  readonly parts: ReadonlySet<string>;
  readonly getters: ReadonlySet<string>;
  /** Reader functions of every descriptor; matched by import binding, so a file pays only for the ones it imports. */
  readonly readers: readonly ValueSpecifier[];
  /** Validation chains' first functions (`validatedReaders.chains`): a route's middleware, checking that route only. */
  readonly chains: readonly ValueSpecifier[];
}

let vocabulary: InputVocabulary | undefined;

/** Built once per process from the descriptors. */
function inputVocabulary(): InputVocabulary {
  if (vocabulary) return vocabulary;
  const all = [...FRAMEWORKS, ...PLATFORMS].flatMap((descriptor) => (descriptor.requestInputs ? [descriptor.requestInputs] : []));
  for (const framework of FRAMEWORKS) all.push(...eventInputs(framework.requestInputsByEvent));
  vocabulary = {
    parts: new Set(all.flatMap((inputs) => inputs.parts ?? [])),
    getters: new Set(all.flatMap((inputs) => inputs.getters ?? [])),
    readers: all.flatMap((inputs) => inputs.readers ?? []),
    chains: all.flatMap((inputs) => inputs.validatedReaders?.chains ?? []),
  };
  return vocabulary;
}

/** Every `RequestInputs` of a per-event table. */
function eventInputs(byEvent: RequestInputsByEvent | undefined): RequestInputs[] {
  if (byEvent === undefined) return [];
  const inputs = Object.values(byEvent.events).filter((entry): entry is RequestInputs => entry !== null);
  return byEvent.otherEvents ? [...inputs, byEvent.otherEvents] : inputs;
}

/** The inputs of a callback registered by `<method>("<event>", fn)`, by the event named in the call; none for another call or an unnamed event. */
function inputsForEvent(byEvent: RequestInputsByEvent, registration: TSESTree.Node): RequestInputs | undefined {
  if (registration.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const method = memberName(unwrap(registration.callee));
  if (method !== byEvent.method) {
    if (method === undefined) return undefined;
    return connectionMethodInputs(byEvent, registration, method) ?? (byEvent.methods !== undefined && Object.hasOwn(byEvent.methods, method) ? byEvent.methods[method] : undefined);
  }
  // A string written in the call (`computed`: a name `EVENT` is a variable, not the event "EVENT").
  const event = staticName(registration.arguments[0], true);
  if (event === undefined) return undefined;
  return Object.hasOwn(byEvent.events, event) ? (byEvent.events[event] ?? undefined) : byEvent.otherEvents;
}

/**
 * `socket.use(fn)` where `socket` is the first parameter of a callback registered for a connection event
 * (`io.on("connection", (socket) => …)`, the nearest function declaring that name): the method's inputs
 * from `connectionMethods`; the server's own (`io.use`) are read from `methods`.
 */
function connectionMethodInputs(byEvent: RequestInputsByEvent, registration: TSESTree.CallExpression, method: string): RequestInputs | undefined {
  const connection = byEvent.connectionMethods;
  const inputs = connection !== undefined && Object.hasOwn(connection.methods, method) ? connection.methods[method] : undefined;
  const callee = unwrap(registration.callee);
  const receiver = inputs !== undefined && callee?.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
  if (receiver?.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (let node: TSESTree.Node | undefined = registration.parent; node; node = node.parent) {
    if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression && node.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const declared = node.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === receiver.name);
    if (declared < 0) continue;
    const on = node.parent;
    const event = on?.type === AST_NODE_TYPES.CallExpression && on.arguments[1] === node && memberName(unwrap(on.callee)) === byEvent.method ? staticName(on.arguments[0], true) : undefined;
    return declared === 0 && event !== undefined && connection!.events.includes(event) ? inputs : undefined;
  }
  return undefined;
}

/** Where a handler's input is: its framework's data (per event where it has that), else its platform's (a serverless entry point). */
function requestInputsOf(handler: Handler): RequestInputs | undefined {
  const framework = handler.framework === undefined ? undefined : frameworkById(handler.framework);
  const method = framework?.requestInputsByMethod ? methodNameOf(handler.function) : undefined;
  if (method !== undefined && Object.hasOwn(framework!.requestInputsByMethod!, method)) return framework!.requestInputsByMethod![method] ?? undefined;
  if (framework?.requestInputsByEvent) return handler.kind === "request" ? inputsForEvent(framework.requestInputsByEvent, handler.registration) : undefined;
  const byCall = framework?.requestInputsByCall && handler.kind === "request" ? inputsForCall(framework.requestInputsByCall, handler.registration) : undefined;
  if (byCall) return byCall;
  if (framework?.requestInputs) return framework.requestInputs;
  return handler.kind === "lambda" ? handler.platform.requestInputs : undefined;
}

/** The name of the method (of a class or an object literal) a function is the value of. */
function methodNameOf(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.MethodDefinition && parent?.type !== AST_NODE_TYPES.Property) return undefined;
  return parent.value === fn ? staticName(parent.key, parent.computed) : undefined;
}

/** The inputs of handlers registered by a call of one function (`defineAction(…)`), by the called function's name. */
function inputsForCall(byCall: Readonly<Record<string, RequestInputs>>, registration: TSESTree.Node): RequestInputs | undefined {
  const callee = registration.type === AST_NODE_TYPES.CallExpression ? unwrap(registration.callee) : undefined;
  const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  return name !== undefined && Object.hasOwn(byCall, name) ? byCall[name] : undefined;
}

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
type Taint = RequestInputs["holds"];

interface Flow {
  /** The expression that reads the external input (`req.headers["x-session-id"]`). */
  readonly source: TSESTree.Node;
  /** Keys destructured from `source` on the way (`const { id } = req.params` → `["id"]`). */
  readonly sourceKeys: readonly string[];
  /** Variables the value went through, and the request variable it was read from. */
  readonly variables: ReadonlySet<Scope.Variable>;
  /** One path parameter of the matched route (`req.params.id`, `c.req.param("id")`): the route always has it. */
  readonly routeParameter: boolean;
  /** The request part the value was read from (`body` for `request.body.sessionId`), when read as a member of the request. */
  readonly part?: string;
  /**
   * The calls of the project's helpers that carried the value into their parameter (`startChat(id)`
   * in the handler for `function startChat(sessionId)`), innermost helper first.
   */
  readonly helperCalls: readonly TSESTree.CallExpression[];
}

/**
 * How far a value is from the route's path parameters (`RequestInputs.routeParameters`): `part` is
 * the parameters object (`req.params`), `value` one of its keys (`req.params.id`); anything read from
 * the request some other way, or deeper, is neither.
 */
type RouteStep = "part" | "value" | undefined;

/** `route` after reading `keys` more keys from it. */
function routeAfter(route: RouteStep, keys: number): RouteStep {
  if (keys === 0) return route;
  return route === "part" && keys === 1 ? "value" : undefined;
}

interface FlowResult {
  readonly taint: Taint;
  /** For a request or context: the vocabulary its framework reads input with. */
  readonly inputs?: RequestInputs;
  readonly source: TSESTree.Node;
  readonly sourceKeys?: readonly string[];
  readonly route?: RouteStep;
  /** See `Flow.part`. */
  readonly part?: string;
  /** Read right at a part: its keys that the runtime sets (`RequestInputs.runtimeKeys`), not input. */
  readonly runtimeKeys?: readonly string[];
  /** Key paths under this input to UUIDs the platform assigns (`RequestInputs.assignedUuids`), from what was read so far. */
  readonly uuidPaths?: UuidPaths;
  /** A RegExp match of input (`re.exec(header)`): its groups (`?.[1]`) are that input, named by it. */
  readonly matched?: true;
  /**
   * Of a match: the groups that admit UUIDs only (`/sid=([0-9a-f]{8}-…)/`: `"1"`), by index, and by name
   * under `groups` (`(?<sid>…)`, read as `m.groups.sid`); reading one of them is no input.
   */
  readonly uuidGroups?: ReadonlySet<string>;
  readonly uuidNamedGroups?: ReadonlySet<string>;
}

/** `inputs.members` of `name`: the inputs of the object a request holds there. */
function memberInputsOf(inputs: RequestInputs, name: string): RequestInputs | undefined {
  const table = inputs.members;
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** `inputs.runtimeKeys` of `part`. */
function runtimeKeysOf(inputs: RequestInputs, part: string): readonly string[] | undefined {
  const table = inputs.runtimeKeys;
  return table && Object.hasOwn(table, part) ? table[part] : undefined;
}

type UuidPaths = readonly (readonly string[])[];

/**
 * `paths` (`FlowResult.uuidPaths`) after reading `keys` from the value, a key undefined for a computed one
 * (`records[i]`; an index, `records[0]`, also matches `"*"`): `"uuid"` when one of them ends there (the value
 * read is the platform's UUID), else those that go on, or undefined when none does.
 */
function uuidPathsAfter(paths: UuidPaths | undefined, keys: readonly (string | undefined)[]): UuidPaths | "uuid" | undefined {
  let left = paths;
  for (const key of keys) {
    if (!left) return undefined;
    const next = left.filter((path) => path[0] === key || (path[0] === "*" && (key === undefined || /^\d+$/.test(key)))).map((path) => path.slice(1));
    left = next.length > 0 ? next : undefined;
  }
  return left?.some((path) => path.length === 0) ? "uuid" : left;
}

/** Arguments written as text or as a function: never a positional schema. */
const TEXT_OR_FUNCTION: ReadonlySet<string> = new Set([AST_NODE_TYPES.Literal, AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.ArrowFunctionExpression, AST_NODE_TYPES.FunctionExpression]);

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
  // The text gate: every finding is a `sessionId` property written in this file (inline or in an
  // options object the file declares), so a file that never spells it costs one search.
  if (!input.text.includes("sessionId")) return NO_FINDINGS;
  return findingsCache.getOrCompute(input.ast, () => collect(input), NO_FINDINGS);
}

const NO_FINDINGS: readonly UnvalidatedSessionId[] = Object.freeze([]);

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
    // The statics that make a tracer (2.x `init`, 1.x `init`/`initFromSessionId`: knowledge/sdks) take the id as `sessionId`.
    else if (TRACER_FACTORY_STATICS.has(name) && sdk.sdkExportOf(callee.object) === "HoneyHiveTracer") sinks.push({ call, method: `HoneyHiveTracer.${name}`, options });
  }
  if (sinks.length === 0) return [];
  const flows = new SessionIdFlow(input, sdk);
  const found: UnvalidatedSessionId[] = [];
  for (const { call, method, options } of sinks) {
    const property = sessionIdProperty(flows, options);
    if (!property) continue;
    const value = property.value as TSESTree.Expression;
    const flow = flows.uncheckedFlowOf(value, call);
    const handler = flow && flows.handlerOfSource(flow, call);
    if (flow && handler) found.push({ call, method, property, value, source: flow.source, sourceKeys: flow.sourceKeys, handler });
  }
  return found;
}

/** Helper calls tried per SDK call: a helper called from more places than this is judged on these. */
const MAX_HELPER_CALLS = 16;

/**
 * Where a session id comes from, for the fix that moves it to `createSession()`:
 * - `request`: the caller's (request input, the serverless event; also validated or converted,
 *   `toSessionId(event.conversationId)`), so a session the caller already has: link it;
 * - `local`: made here (`randomUUID()`, `toSessionId(user.id)`, a per-request id such as
 *   `context.awsRequestId` or `event.requestContext.requestId`, which names no session yet);
 * - `mixed`: either, depending on the input (`event.sessionId ?? randomUUID()`).
 */
export type SessionIdSource = "request" | "local" | "mixed";

/** The source of the session id `value`, read with the same notion of request input as the rule. */
export function sessionIdSourceOf(input: AnalysisInput, value: TSESTree.Node): SessionIdSource {
  const sdk = getSdkModel(input);
  if (!sdk.usesSdk) return "local";
  return new SessionIdFlow(input, sdk).sourceOf(value, new Set(), 0);
}

/**
 * For export-facts.ts: `made` (an export's value) is a parameter decorator of a framework's factory
 * (`createParamDecorator(cb)`) whose callback returns client input unchecked, so a module that imports it
 * reads the decorated parameter as that input (`inputDecorator`).
 */
export function isInputDecoratorFactory(input: AnalysisInput, made: TSESTree.Node): boolean {
  if (made.type !== AST_NODE_TYPES.CallExpression || made.arguments.length === 0) return false;
  // Every export of every module read asks: the factory's name in the text first.
  if (!decoratorFactoryNames().some((name) => input.text.includes(name))) return false;
  return new SessionIdFlow(input, getSdkModel(input)).factoryReturnsUncheckedInput(made);
}

/**
 * For export-facts: a function of a module (a middleware, or a factory of one) calls a reader of a request's
 * validation errors (`validatedReaders.results`: `validationResult(req)`) and lets its result decide.
 */
export function rejectsValidationErrorsIn(input: AnalysisInput, fn: FunctionNode): boolean {
  // Every exported function of every module read asks: the readers' names in the text first.
  const readers = validationResultReaders();
  if (!readers.names.some((name) => input.text.includes(name))) return false;
  return new SessionIdFlow(input, getSdkModel(input)).readsDecidingResult(fn, readers.results, readers.throws);
}

/**
 * For export-facts: `value` (an export's) is a schema of a schema library (`SCHEMA_LIBRARIES`, by the binding of
 * its chain's first name) with a UUID rule: the library's package and the keys (lower-cased) whose own value has
 * one (`sessionId: z.string().uuid()`). A key whose rule is a name (`sessionId: SessionIdRule`) is not followed:
 * no key, so an importer's `.parse(req.body)` proves nothing for it.
 */
export function uuidSchemaOf(input: AnalysisInput, value: TSESTree.Node): { package: string; uuidKeys: string[] } | undefined {
  // Every export of every module read asks: a UUID rule in the text first.
  if (!SCHEMA_UUID_MENTION.test(input.text)) return undefined;
  let first: TSESTree.Node | undefined = unwrap(value);
  if (first?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  while (first?.type === AST_NODE_TYPES.CallExpression || first?.type === AST_NODE_TYPES.MemberExpression) first = unwrap(first.type === AST_NODE_TYPES.CallExpression ? first.callee : first.object);
  const origin = first?.type === AST_NODE_TYPES.Identifier ? getAnalysisContext(input).bindings.originOf(first) : undefined;
  const library = origin && SCHEMA_LIBRARIES.find((entry) => entry.packages.includes(origin.module));
  if (!origin || !library) return undefined;
  const uuidKeys = new Set<string>();
  for (const property of nodesOfTypesWithin(input.ast, PROPERTY_TYPES, value)) {
    const key = staticName(property.key, property.computed);
    if (key !== undefined && SCHEMA_UUID_MENTION.test(input.text.slice(property.value.range[0], property.value.range[1]))) uuidKeys.add(key.toLowerCase());
  }
  return uuidKeys.size > 0 ? { package: origin.module, uuidKeys: [...uuidKeys] } : undefined;
}

let resultReaders: { readonly results: readonly ValueSpecifier[]; readonly names: readonly string[]; readonly throws: readonly string[] } | undefined;
/** Every descriptor's readers of a request's validation errors (and their names), with the methods that throw on them. */
function validationResultReaders(): NonNullable<typeof resultReaders> {
  if (!resultReaders) {
    const rules = FRAMEWORKS.flatMap((framework) => (framework.requestInputs?.validatedReaders ? [framework.requestInputs.validatedReaders] : []));
    const results = rules.flatMap((rule) => rule.results ?? []);
    resultReaders = { results, names: results.flatMap((spec) => (typeof spec.name === "string" ? [spec.name] : spec.name)), throws: rules.flatMap((rule) => rule.resultThrows ?? []) };
  }
  return resultReaders;
}

let factoryNames: readonly string[] | undefined;
/** The names of the descriptors' parameter decorator factories (`createParamDecorator`). */
function decoratorFactoryNames(): readonly string[] {
  factoryNames ??= FRAMEWORKS.flatMap((framework) => framework.requestInputs?.parameterDecorators?.customFactories ?? []).flatMap((spec) => (typeof spec.name === "string" ? [spec.name] : spec.name));
  return factoryNames;
}

/** An input key that names the request or a trace, not a session: a new id per request, for which no session exists yet. */
const PER_REQUEST_ID_KEY = /^(?:x-)?(?:aws-?)?(?:request|invocation|correlation|trace|amzn-trace|message|event)[-_]?id$/i;

function combineSources(a: SessionIdSource, b: SessionIdSource): SessionIdSource {
  return a === b ? a : "mixed";
}

/**
 * A tracer this rule is sure of. The SDK model takes a neutrally named binding from a project module
 * (`sessions` from "./session-store") as a tracer once a HoneyHive-only member is used on it, and only
 * in a file without a tracer of its own (analysis/sdk-model.ts `addImportedTracers`); a session store has
 * `createSession({ sessionId })` too, so here such a binding must also be named like a tracer or sit in a
 * file that uses the SDK itself.
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

/**
 * Parentheses are not nodes; these wrappers do not change the value either (`await` kept visible).
 * `keepPresence` stops at what says whether a value is there (`id!`, `a?.b`).
 */
function unwrap(node: TSESTree.Node | null | undefined, keepPresence = false): TSESTree.Node | undefined {
  let current = node ?? undefined;
  while (
    current &&
    (current.type === AST_NODE_TYPES.TSAsExpression ||
      current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.type === AST_NODE_TYPES.TSTypeAssertion ||
      current.type === AST_NODE_TYPES.AwaitExpression ||
      (!keepPresence && (current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.ChainExpression)))
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return current;
}

/** A handler parameter that holds client input: the request object, or input itself (an event, `{ params }`). */
interface InputParameter {
  readonly handler: Handler;
  readonly taint: Taint;
  readonly inputs: RequestInputs;
  /** `part` for a destructured key that is the route's parameters (`{ params }` of a Next.js route). */
  readonly route?: RouteStep;
  /** The request part a destructured key is (`({ body }) => …`). */
  readonly part?: string;
  /** What names the input in messages when not the parameter itself: a decorator (`@Headers("x-sid")`), with the keys destructured from it. */
  readonly source?: TSESTree.Node;
  readonly keys?: readonly string[];
  /** See `FlowResult.runtimeKeys`: the part itself destructured (`({ bindingData }, req) => …`). */
  readonly runtimeKeys?: readonly string[];
  /** See `FlowResult.uuidPaths`: the input parameter, or what is destructured from it. */
  readonly uuidPaths?: UuidPaths;
}

class SessionIdFlow {
  private handlerModel: HandlerModel | undefined;
  /** During `flowOf`: the helper call that carried input into each helper parameter on the way. */
  private helperCallOf = new Map<Scope.Variable, TSESTree.CallExpression>();
  /** During `flowOf`: helper calls already found checked, so that another caller of the helper is tried. */
  private skippedHelperCalls: ReadonlySet<TSESTree.CallExpression> = new Set();

  constructor(
    private readonly input: AnalysisInput,
    private readonly sdk: SdkModel,
  ) {}

  /**
   * Asked only when a flow reaches a parameter, a reader or its source: an id that is a literal, made
   * here or read from no parameter (most sinks) costs no handler model.
   */
  private get handlers(): HandlerModel {
    return (this.handlerModel ??= getHandlerModel(this.input));
  }

  /** The external input that `node` evaluates to unchanged, with the way it took; undefined otherwise. */
  flowOf(node: TSESTree.Node, skippedHelperCalls: ReadonlySet<TSESTree.CallExpression> = new Set()): Flow | undefined {
    const variables = new Set<Scope.Variable>();
    this.helperCallOf = new Map();
    this.skippedHelperCalls = skippedHelperCalls;
    const result = this.evaluate(node, variables, 0);
    if (result?.taint !== "input") return undefined;
    const helperCalls = [...variables].flatMap((variable) => this.helperCallOf.get(variable) ?? []);
    return { source: result.source, sourceKeys: result.sourceKeys ?? [], variables, routeParameter: result.route === "value", part: result.part, helperCalls };
  }

  /**
   * The flow of input into `call` that no check guards. A helper called from several places
   * (`startChat(id)` after `isSessionId(id)` in one handler, `startChat(req.query.sid)` in another)
   * is followed through each caller in turn until one passes unchecked input.
   */
  uncheckedFlowOf(value: TSESTree.Node, call: TSESTree.CallExpression): Flow | undefined {
    const skipped = new Set<TSESTree.CallExpression>();
    for (let attempt = 0; attempt < MAX_HELPER_CALLS; attempt++) {
      const flow = this.flowOf(value, skipped);
      if (!flow || !(this.isChecked(flow, call) || this.validatedByRoute(flow, call))) return flow;
      // The outermost helper call is the caller's: try the helper's next caller.
      const outermost = flow.helperCalls.at(-1);
      if (!outermost) return undefined;
      skipped.add(outermost);
    }
    return undefined;
  }

  /** See `SessionIdSource`: raw input and anything made from it is the request's; a choice between the two is mixed. */
  sourceOf(node: TSESTree.Node | null | undefined, seen: Set<Scope.Variable>, depth: number): SessionIdSource {
    const expression = unwrap(node);
    if (!expression || depth > 24) return "local";
    const next = (child: TSESTree.Node | null | undefined) => this.sourceOf(child, seen, depth + 1);
    if (expression.type === AST_NODE_TYPES.LogicalExpression) return combineSources(next(expression.left), next(expression.right));
    if (expression.type === AST_NODE_TYPES.ConditionalExpression) return combineSources(next(expression.consequent), next(expression.alternate));
    if (expression.type === AST_NODE_TYPES.Identifier) {
      // A variable written once (`const id = event.id || randomUUID()`): its value decides, choice included.
      const variable = this.sdk.variableOf(expression);
      const value = this.singleValueOf(expression);
      if (variable && value) {
        if (seen.has(variable)) return "local";
        seen.add(variable);
        return next(value);
      }
    }
    const flow = this.flowOf(expression);
    if (flow) {
      const key = flow.sourceKeys.at(-1) ?? inputKeyOf(flow.source);
      return key !== undefined && PER_REQUEST_ID_KEY.test(key) ? "local" : "request";
    }
    let parts: readonly (TSESTree.Node | null | undefined)[] = [];
    switch (expression.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const callee = unwrap(expression.callee);
        parts = [callee?.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined, ...expression.arguments];
        break;
      }
      case AST_NODE_TYPES.MemberExpression:
        parts = [expression.object];
        break;
      case AST_NODE_TYPES.TemplateLiteral:
        parts = expression.expressions;
        break;
      case AST_NODE_TYPES.BinaryExpression:
        parts = [expression.left, expression.right];
        break;
      case AST_NODE_TYPES.SequenceExpression:
        parts = [expression.expressions.at(-1)];
        break;
      default:
        return "local";
    }
    // Made from several values: the request's when one of them is (a mixed one keeps the choice open).
    const sources = parts.map((part) => next(part));
    return sources.includes("mixed") ? "mixed" : sources.includes("request") ? "request" : "local";
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
        const name = memberName(expression);
        if (object.taint === "input") {
          if (object.matched) {
            const property = expression.property;
            const key = property.type === AST_NODE_TYPES.Literal && typeof property.value === "number" ? String(property.value) : name;
            if (key !== undefined && object.uuidGroups?.has(key)) return undefined;
            // `m.groups.sid`: the named groups are read next.
            return name === "groups" ? { ...object, uuidGroups: object.uuidNamedGroups, uuidNamedGroups: undefined } : object;
          }
          if (name !== undefined && object.runtimeKeys?.includes(name)) return undefined;
          const uuidPaths = uuidPathsAfter(object.uuidPaths, [name]);
          if (uuidPaths === "uuid") return undefined;
          return { taint: "input", source: expression, route: routeAfter(object.route, 1), part: object.part, uuidPaths };
        }
        if (name === undefined || !object.inputs) return undefined;
        if (object.taint === "request" && object.inputs.parts?.includes(name)) {
          return { taint: "input", source: expression, route: routePart(object.inputs, name), part: name, runtimeKeys: runtimeKeysOf(object.inputs, name) };
        }
        const member = object.taint === "request" ? memberInputsOf(object.inputs, name) : undefined;
        if (member) return { taint: "request", inputs: member, source: expression };
        if (object.inputs.holders?.includes(name)) return { taint: "request", inputs: object.inputs, source: expression };
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(expression.callee);
        if (callee?.type === AST_NODE_TYPES.MemberExpression) {
          const request = this.requestThroughCalls(expression, variables);
          if (request) return request;
          const name = memberName(callee);
          // `/sid=([^;]+)/.exec(header)?.[1]`, `header.match(re)?.[1]`: a part of the input, unless the RegExp admits UUIDs only.
          const match = this.regexMatchOf(expression);
          if (match && match.method !== "test") {
            const subject = match.uuidOnly ? undefined : asInput(next(match.subject));
            const groups = subject && uuidOnlyGroups(match.regex);
            return subject && { ...subject, matched: true, uuidGroups: groups?.byIndex, uuidNamedGroups: groups?.byName };
          }
          const receiver = next(callee.object);
          if (receiver?.taint === "input" && name !== undefined && !VALIDATION_NAME.test(name)) return { taint: "input", source: expression };
          if (receiver?.taint === "request" && name !== undefined && receiver.inputs?.validatedGetters?.names.includes(name)) return { taint: "input", source: expression };
          if (receiver?.taint === "request" && name !== undefined && receiver.inputs?.getters?.includes(name)) {
            return { taint: "input", source: expression, route: receiver.inputs.routeParameters?.includes(`${name}()`) ? "value" : undefined };
          }
          if (name === "parse" && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "JSON" && this.isGlobal(callee.object)) {
            // The parsed object is what later keys are read from: it names the input in messages.
            return asInput(next(expression.arguments[0])) && { taint: "input", source: expression };
          }
          return this.isReader(expression) ? { taint: "input", source: expression } : undefined;
        }
        if (callee?.type === AST_NODE_TYPES.Identifier && TRANSPARENT_GLOBALS.has(callee.name) && this.isGlobal(callee)) {
          return asInput(next(expression.arguments[0]));
        }
        return this.isReader(expression) ? { taint: "input", source: expression } : undefined;
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
      variables.add(variable);
      const parameter = this.inputParameter(def.node as FunctionNode, def.name as TSESTree.Identifier, variables, depth);
      if (!parameter) return this.evaluateHelperParameter(def.node as FunctionNode, def.name as TSESTree.Identifier, variables, depth);
      return {
        taint: parameter.taint,
        inputs: parameter.inputs,
        source: parameter.source ?? identifier,
        sourceKeys: parameter.keys,
        route: parameter.route,
        part: parameter.part,
        runtimeKeys: parameter.runtimeKeys,
        uuidPaths: parameter.uuidPaths,
      };
    }
    if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    const loop = def.node.parent.parent;
    if (!def.node.init && loop.type === AST_NODE_TYPES.ForOfStatement && loop.left === def.node.parent) {
      // `for (const record of event.Records)`: an element of input is input (an SQS/Kinesis batch).
      variables.add(variable);
      const records = this.evaluate(loop.right, variables, depth + 1);
      if (records?.taint !== "input") return undefined;
      const keys = def.node.id.type === AST_NODE_TYPES.Identifier ? [] : keyPath(def.node.id, def.name as TSESTree.Identifier);
      // An element of the records, then the keys destructured from it (a pattern read no further: no path).
      const uuidPaths = def.node.id.type !== AST_NODE_TYPES.Identifier && keys.length === 0 ? undefined : uuidPathsAfter(records.uuidPaths, [undefined, ...keys]);
      if (uuidPaths === "uuid") return undefined;
      return { taint: "input", source: records.source, sourceKeys: [...(records.sourceKeys ?? []), ...keys], route: undefined, uuidPaths };
    }
    if (!def.node.init) {
      // `let id; … id = event.queryStringParameters?.session`: declared without a value and assigned once before the
      // use, that one value is the whole of it (undefined on a path that skips it, which passes no id). Two writes
      // are a reassignment, which is not followed (docs/rules/require-valid-session-id.md, known limits).
      const value = def.node.id.type === AST_NODE_TYPES.Identifier ? soleAssignedValue(variable, identifier) : undefined;
      if (!value) return undefined;
      variables.add(variable);
      return this.evaluate(value, variables, depth + 1);
    }
    // Reassigned (`if (!isSessionId(id)) id = toSessionId(id)`): the value at the SDK call is not known.
    if (!writtenOnce(variable, def.node.id)) return undefined;
    variables.add(variable);
    const init = this.evaluate(def.node.init, variables, depth + 1);
    if (!init) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return init;
    // Destructured: `const { sessionId } = req.body`, `const { headers } = req`.
    return this.destructured(init, keyPath(def.node.id, def.name as TSESTree.Identifier));
  }

  /**
   * The request a handler reaches by calling methods on one of its parameters (`requestCalls`: NestJS's
   * `context.switchToHttp().getRequest()` in an interceptor, a guard, a filter).
   */
  private requestThroughCalls(call: TSESTree.CallExpression, variables: Set<Scope.Variable>): FlowResult | undefined {
    const names: string[] = [];
    let node: TSESTree.Node | undefined = call;
    // The chain may be split once through a `const` local (`const http = context.switchToHttp();
    // const req = http.getRequest<Request>()`): the local's calls continue from its initializer.
    for (let split = 0; ; split++) {
      while (node?.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(node.callee);
        const name = callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (name === undefined || callee?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        names.unshift(name);
        node = unwrap(callee.object);
      }
      const local: TSESTree.CallExpression | undefined = split === 0 && names.length > 0 && node?.type === AST_NODE_TYPES.Identifier ? constCallOf(this.sdk.variableOf(node)) : undefined;
      if (!local) break;
      node = local;
    }
    const variable = node?.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(node) : undefined;
    const def = variable?.defs[0];
    if (!variable || def?.type !== "Parameter") return undefined;
    const handler = this.handlers.handlerOf(def.node as FunctionNode);
    const inputs = handler && requestInputsOf(handler);
    const chain = inputs?.requestCalls?.find(({ calls }) => calls.length === names.length && calls.every((name, index) => name === names[index]));
    if (!chain) return undefined;
    variables.add(variable);
    return { taint: chain.request.holds, inputs: chain.request, source: call };
  }

  /**
   * A parameter of a function of this file that is not a handler (`function startChat(sessionId) {
   * tracer.createSession({ sessionId }) }`): input when one of its calls here passes input at that
   * position (`startChat(req.headers["x-session-id"])`). The parameter may have a default
   * (`sessionId = randomUUID()`: an argument passed replaces it) or be a key of an object parameter
   * (`({ sessionId }) => …` called with `{ sessionId: req.body.sid }` or with `req.body`), and the
   * function may be a method (`this.start(id)` in its class, `chats.start(id)` on an instance made
   * here, `Chats.start(id)` for a static one, `service.start(id)` on an object literal). The request
   * object handed to a helper (`handle(req)`) is followed too. Calls through other modules are not seen.
   */
  private evaluateHelperParameter(fn: FunctionNode, name: TSESTree.Identifier, variables: Set<Scope.Variable>, depth: number): FlowResult | undefined {
    const index = fn.params.findIndex((parameter) => contains(parameter, name));
    const pattern = fn.params[index];
    if (!pattern) return undefined;
    const plain = pattern === name || (pattern.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name);
    const keys = plain ? [] : keyPath(pattern, name);
    if (!plain && keys.length === 0) return undefined;
    // The request itself handed on (`this.open(req)`) is followed as well: its input parts are read in
    // the helper. Input passed by any caller wins over it, whatever the order of the calls: a first
    // caller handing over `req` must not hide a later one passing `req.body` (review-rules F4).
    let request: { result: FlowResult; call: TSESTree.CallExpression } | undefined;
    for (const call of this.helperCallsOf(fn)) {
      if (this.skippedHelperCalls.has(call)) continue;
      const argument = call.arguments[index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const result = plain ? this.evaluate(argument, variables, depth + 1) : this.evaluateKeys(argument, keys, variables, depth + 1);
      if (!result) continue;
      if (result.taint === "input") return this.helperResult(name, call, result);
      request ??= { result, call };
    }
    return request && this.helperResult(name, request.call, request.result);
  }

  /** `result`, after recording `call` as the one that gave the helper's parameter its value. */
  private helperResult(name: TSESTree.Identifier, call: TSESTree.CallExpression, result: FlowResult): FlowResult {
    const parameter = this.sdk.variableOf(name);
    if (parameter) this.helperCallOf.set(parameter, call);
    return result;
  }

  /** The calls of a helper function of this file (see `evaluateHelperParameter`), up to `MAX_HELPER_CALLS`. */
  private helperCallsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent.id : undefined;
    if (declared?.type === AST_NODE_TYPES.Identifier) {
      const calls: TSESTree.CallExpression[] = [];
      for (const reference of this.sdk.variableOf(declared)?.references ?? []) {
        const call = reference.identifier.parent;
        if (call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) calls.push(call);
      }
      return calls;
    }
    const member = methodOf(fn);
    if (!member) return [];
    const calls: TSESTree.CallExpression[] = [];
    for (const call of nodesOfType(this.input.ast, AST_NODE_TYPES.CallExpression)) {
      const callee = unwrap(call.callee);
      if (callee?.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== member.name) continue;
      if (this.isReceiverOf(unwrap(callee.object), member, call)) calls.push(call);
      if (calls.length >= MAX_HELPER_CALLS) break;
    }
    return calls;
  }

  /**
   * `receiver` is the object that holds `member`'s method: `this` inside its class (or object
   * literal), the class itself for a static method, or a variable of this file written once with
   * `new TheClass(…)` or with the object literal.
   */
  private isReceiverOf(receiver: TSESTree.Node | undefined, member: HelperMethod, call: TSESTree.CallExpression): boolean {
    if (!receiver) return false;
    if (receiver.type === AST_NODE_TYPES.ThisExpression) return contains(member.owner, call);
    if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
    if (member.static) return member.owner.type !== AST_NODE_TYPES.ObjectExpression && this.namesClass(receiver, member.owner);
    const value = unwrap(this.singleValueOf(receiver));
    if (value === member.owner) return true;
    return value?.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && this.namesClass(value.callee, member.owner);
  }

  /** `identifier` refers to the class `owner` (declared `class Chats {}` or `const Chats = class {}`). */
  private namesClass(identifier: TSESTree.Identifier, owner: TSESTree.Node): boolean {
    const def = this.sdk.variableOf(identifier)?.defs[0];
    if (!def) return false;
    if (def.type === "ClassName") return def.node === owner;
    return def.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator && unwrap(def.node.init) === owner;
  }

  /**
   * The value at `keys` of an argument given to an object parameter: a property of an object
   * literal (inline, or a variable written once), else the keys read from the argument's value
   * (`start(req.body)` for `({ sessionId })`: `req.body.sessionId`).
   */
  private evaluateKeys(argument: TSESTree.Node, keys: readonly string[], variables: Set<Scope.Variable>, depth: number): FlowResult | undefined {
    if (keys.length === 0) return this.evaluate(argument, variables, depth);
    let object = unwrap(argument);
    if (object?.type === AST_NODE_TYPES.Identifier && unwrap(this.singleValueOf(object))?.type === AST_NODE_TYPES.ObjectExpression) object = unwrap(this.singleValueOf(object));
    if (object?.type === AST_NODE_TYPES.ObjectExpression) {
      const property = findProperty(object, keys[0]!);
      // A spread after the property may replace it with anything; without the key the default applies.
      if (!property || object.properties.indexOf(property) < object.properties.findLastIndex((p) => p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      return this.evaluateKeys(property.value, keys.slice(1), variables, depth + 1);
    }
    const value = this.evaluate(argument, variables, depth);
    return value && this.destructured(value, keys);
  }

  /** What the keys `keys` of a value hold (`const { sessionId } = req.body`, a parameter `({ headers })` given the request). */
  private destructured(init: FlowResult, keys: readonly string[]): FlowResult | undefined {
    if (init.taint === "input") {
      if (keys[0] !== undefined && init.runtimeKeys?.includes(keys[0])) return undefined;
      // No keys: a pattern read no further (`const [first] = records`), whose value no path names.
      const uuidPaths = keys.length === 0 ? undefined : uuidPathsAfter(init.uuidPaths, keys);
      if (uuidPaths === "uuid") return undefined;
      return { taint: "input", source: init.source, sourceKeys: [...(init.sourceKeys ?? []), ...keys], route: routeAfter(init.route, keys.length), part: init.part, uuidPaths };
    }
    const key = keys[0];
    if (key === undefined || !init.inputs) return undefined;
    if (init.taint === "request" && init.inputs.parts?.includes(key)) {
      if (keys[1] !== undefined && runtimeKeysOf(init.inputs, key)?.includes(keys[1])) return undefined;
      const runtimeKeys = keys.length === 1 ? runtimeKeysOf(init.inputs, key) : undefined;
      return { taint: "input", source: init.source, sourceKeys: keys, route: routeAfter(routePart(init.inputs, key), keys.length - 1), part: key, ...(runtimeKeys ? { runtimeKeys } : {}) };
    }
    const member = init.taint === "request" ? memberInputsOf(init.inputs, key) : undefined;
    if (member) {
      // `const { session } = req`, `const { session: { id } } = req`: the member's own inputs, named from the request.
      if (keys.length === 1) return { taint: "request", inputs: member, source: init.source };
      const result = this.destructured({ taint: "request", inputs: member, source: init.source }, keys.slice(1));
      return result?.taint === "input" ? { ...result, sourceKeys: [key, ...(result.sourceKeys ?? [])] } : result;
    }
    if (init.inputs.holders?.includes(key)) return { taint: "request", inputs: init.inputs, source: init.source };
    return undefined;
  }

  /** What a handler parameter holds, by its framework's (or platform's) data and the parameter's position and shape. */
  private inputParameter(fn: FunctionNode, name: TSESTree.Identifier, variables: Set<Scope.Variable> = new Set(), depth = 0): InputParameter | undefined {
    const handler = this.handlers.handlerOf(fn);
    const inputs = handler && requestInputsOf(handler);
    if (!handler || !inputs) return this.recordParameter(fn, name);
    const index = fn.params.findIndex((parameter) => contains(parameter, name));
    if (index < 0) return undefined;
    const decorated = inputs.parameterDecorators && this.decoratedParameter(handler, inputs.parameterDecorators, fn.params[index]!, name, variables, depth);
    if (decorated !== undefined) return decorated ?? undefined;
    const every = inputs.everyParameter;
    if (every === true || (every && index >= every.from)) return { handler, taint: "input", inputs };
    if (every) return undefined;
    if (this.validatedBeforeHandler(handler, inputs)) return undefined;
    const parameter = fn.params[index];
    const plain = parameter.type === AST_NODE_TYPES.Identifier || (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left === name);
    const key = plain ? undefined : topLevelKey(parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter, name);
    const requestIndex = requestParameterIndex(inputs, fn, handler.kind === "request" ? handler.registration : handler.exportNode);
    const other = index === requestIndex ? undefined : inputs.otherParameters?.[index];
    if (other && plain) return { handler, taint: other.holds, inputs: other };
    if (other && key !== undefined && other.parts?.includes(key)) return this.partParameter(handler, other, parameter, name, key);
    if (other && key !== undefined && other.holders?.includes(key)) return { handler, taint: "request", inputs: other };
    if (index === requestIndex && inputs.holds === "input") return this.inputAsWhole(handler, inputs, parameter, name);
    if (key !== undefined && inputs.parts?.includes(key)) return this.partParameter(handler, inputs, parameter, name, key);
    if (index !== requestIndex) return undefined;
    if (plain) return { handler, taint: inputs.holds, inputs };
    return key !== undefined && inputs.holders?.includes(key) ? { handler, taint: "request", inputs } : undefined;
  }

  /**
   * The parameter that is the input as a whole (a Lambda event), or what is destructured from it: undefined
   * for a UUID the platform assigns (`({ Records: … })`, `assignedUuids`), else input with the paths left.
   */
  private inputAsWhole(handler: Handler, inputs: RequestInputs, parameter: TSESTree.Parameter, name: TSESTree.Identifier): InputParameter | undefined {
    const pattern = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    const keys = pattern === name ? [] : keyPath(pattern, name);
    const uuidPaths = pattern !== name && keys.length === 0 ? undefined : uuidPathsAfter(inputs.assignedUuids, keys);
    if (uuidPaths === "uuid") return undefined;
    return { handler, taint: "input", inputs, ...(uuidPaths ? { uuidPaths } : {}) };
  }

  /**
   * A request part destructured from the parameter (`({ bindingData }, req) => …`): input, but for the keys
   * the runtime sets under it (`runtimeKeys`), read later (`bindingData.invocationId`) or destructured here
   * (`({ bindingData: { invocationId } })`).
   */
  private partParameter(handler: Handler, inputs: RequestInputs, parameter: TSESTree.Parameter, name: TSESTree.Identifier, part: string): InputParameter | undefined {
    const runtimeKeys = runtimeKeysOf(inputs, part);
    const keys = runtimeKeys ? keyPath(parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter, name) : [];
    if (keys[1] !== undefined && runtimeKeys?.includes(keys[1])) return undefined;
    return { handler, taint: "input", inputs, route: routePart(inputs, part), part, ...(runtimeKeys && keys.length === 1 ? { runtimeKeys } : {}) };
  }

  /**
   * A parameter with a decorator that injects input (`parameterDecorators`): `@Headers("x-sid") sid` is
   * that header, `@Body() body` the body, `@Req() req` the request, at any position. `null` when a
   * decorator of the table is there but the value is no unchecked input (a validating or unknown pipe,
   * `@Param("id", ParseUUIDPipe)`); undefined when no decorator of the table is (the position decides).
   */
  private decoratedParameter(handler: Handler, table: ParameterDecorators, parameter: TSESTree.Parameter, name: TSESTree.Identifier, variables: Set<Scope.Variable>, depth: number): InputParameter | null | undefined {
    const decorators = "decorators" in parameter ? parameter.decorators : undefined;
    if (!decorators || decorators.length === 0) return undefined;
    const bindings = getAnalysisContext(this.input).bindings;
    for (const decorator of decorators) {
      const call = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression : undefined;
      const origin = call && bindings.originOf(call.callee);
      const injected = origin && table.injected.find((entry) => originMatches(origin, entry.decorator));
      if (call && !injected) {
        const custom = this.customDecoratorInput(table, call, variables, depth);
        // Named by the read in the callback, where a check of it (`isSessionId(id)` before `return id`) is looked for.
        if (custom) return { handler, taint: "input", inputs: table.request, source: custom.source, keys: custom.sourceKeys ?? [] };
      }
      if (!call || !injected) continue;
      // A string first argument names one key; anything else given is a pipe (`@Body(new ValidationPipe())`).
      const first = call.arguments[0];
      const key = first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string" ? first.value : undefined;
      const pipes = key === undefined ? call.arguments : call.arguments.slice(1);
      if (pipes.some((pipe) => !this.pipeKeepsInput(pipe, table))) return null;
      const pattern = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
      const keys = pattern === name ? [] : keyPath(pattern, name);
      if (pattern !== name && keys.length === 0) return null;
      if (injected.holds === "request") {
        if (key !== undefined) return null;
        if (keys.length === 0) return { handler, taint: "request", inputs: table.request };
        const part = keys[0]!;
        return table.request.parts?.includes(part) ? { handler, taint: "input", inputs: table.request, route: routeAfter(routePart(table.request, part), keys.length - 1) } : null;
      }
      const read = key === undefined ? keys : [key, ...keys];
      return {
        handler,
        taint: "input",
        inputs: table.request,
        route: injected.route ? routeAfter("part", read.length) : undefined,
        ...(read.length > 0 ? { source: decorator, keys } : {}),
      };
    }
    return null;
  }

  /**
   * `@SessionId()` made in this file with `const SessionId = createParamDecorator((data, ctx) => …)`
   * (`customFactories`): the callback returns client input (`ctx.switchToHttp().getRequest().headers[k]`).
   * One imported from another module of the project is read through that module's facts (`inputDecorator`,
   * `factoryReturnsUncheckedInput` there): the decorator's call names the input here.
   */
  private customDecoratorInput(table: ParameterDecorators, call: TSESTree.CallExpression, variables: Set<Scope.Variable>, depth: number): FlowResult | undefined {
    const variable = call.callee.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(call.callee) : undefined;
    if (variable?.defs[0]?.type === "ImportBinding") return importedFact(this.input, variable, "inputDecorator") ? { taint: "input", source: call } : undefined;
    const made = call.callee.type === AST_NODE_TYPES.Identifier ? unwrap(this.singleValueOf(call.callee)) : undefined;
    return made ? this.factoryInput(table, made, variables, depth) : undefined;
  }

  /** What the callback of a parameter decorator's factory call (`createParamDecorator(cb)`, `customFactories`) returns, when client input. */
  factoryInput(table: ParameterDecorators, made: TSESTree.Node, variables: Set<Scope.Variable>, depth: number): FlowResult | undefined {
    if (made.type !== AST_NODE_TYPES.CallExpression || !table.customFactories) return undefined;
    const origin = getAnalysisContext(this.input).bindings.originOf(made.callee);
    const callback = made.arguments[0];
    if (!origin || !table.customFactories.some((spec) => originMatches(origin, spec)) || !callback || !isFunctionNode(callback)) return undefined;
    const returned = callback.body.type === AST_NODE_TYPES.BlockStatement ? this.ownReturns(callback).map((statement) => statement.argument) : [callback.body];
    for (const value of returned) {
      const result = this.evaluate(value, variables, depth + 1);
      if (result?.taint === "input") return result;
    }
    return undefined;
  }

  /** `factoryInput`, with no check in the callback (a validating call anywhere in it: the value may be checked on the way). */
  factoryReturnsUncheckedInput(made: TSESTree.Node): boolean {
    const table = FRAMEWORKS.find((framework) => framework.requestInputs?.parameterDecorators?.customFactories)?.requestInputs?.parameterDecorators;
    if (!table || !this.factoryInput(table, made, new Set(), 0)) return false;
    const callback = (made as TSESTree.CallExpression).arguments[0]!;
    return !nodesOfTypesWithin(this.input.ast, CALL_TYPES, callback).some((call) => this.isValidationCall(call));
  }

  /** The return statements of `fn` itself (not of a function nested in it). */
  private ownReturns(fn: FunctionNode): TSESTree.ReturnStatement[] {
    return nodesOfTypesWithin(this.input.ast, RETURN_TYPES, fn).filter((statement) => enclosingFunction(statement) === fn);
  }

  /** A pipe argument of a parameter decorator leaves the client's value as it was: a known pipe of the framework that checks no UUID. */
  private pipeKeepsInput(pipe: TSESTree.CallExpressionArgument, table: ParameterDecorators): boolean {
    const named = unwrap(pipe.type === AST_NODE_TYPES.NewExpression ? pipe.callee : pipe);
    const origin = named && named.type !== AST_NODE_TYPES.SpreadElement ? getAnalysisContext(this.input).bindings.originOf(named) : undefined;
    if (!origin || table.validatingPipes.some((spec) => originMatches(origin, spec))) return false;
    return table.knownPipes.some((spec) => originMatches(origin, spec));
  }

  /**
   * The record parameter of a record handler a serverless handler hands to a batch call
   * (`processPartialResponse(event, recordHandler, processor)`: analysis/record-handlers.ts): an element
   * of the invocation's event, so input where that handler's event is (`holds: "input"`).
   */
  private recordParameter(fn: FunctionNode, name: TSESTree.Identifier): InputParameter | undefined {
    const batch = recordHandlerCallOf(this.input, fn);
    if (!batch || fn.params.findIndex((parameter) => contains(parameter, name)) !== batch.recordParameter) return undefined;
    const handler = this.handlers.enclosingHandler(batch.call);
    const inputs = handler && requestInputsOf(handler);
    return handler && inputs?.holds === "input" ? { handler, taint: "input", inputs } : undefined;
  }

  /** The framework validated the input before the handler runs (a route's `schema`, an `.input(schema)` in the chain). */
  private validatedBeforeHandler(handler: Handler, inputs: RequestInputs): boolean {
    const rule = inputs.validatedBy;
    const registration = handler.kind === "request" ? handler.registration : undefined;
    if (!rule || registration?.type !== AST_NODE_TYPES.CallExpression) return false;
    // A per-property rule is decided on the key the handler reads (`validatedProperty`).
    if (rule.perProperty) return false;
    if (rule.routeOption !== undefined && this.routeOptionValidates(registration, rule.routeOption, rule.mentions)) return true;
    if (rule.positionalSchema !== undefined && this.positionalSchemaValidates(registration, rule.positionalSchema, rule.mentions)) return true;
    if (rule.chainedCall === undefined) return false;
    // `procedure.input(schema).mutation(fn)`: walk the receivers of the registering call.
    for (let callee = unwrap(registration.callee); callee?.type === AST_NODE_TYPES.MemberExpression; ) {
      const receiver = unwrap(callee.object);
      if (receiver?.type !== AST_NODE_TYPES.CallExpression) return false;
      const receiverCallee = unwrap(receiver.callee);
      const name = memberName(receiverCallee);
      const chained = typeof rule.chainedCall === "string" ? name === rule.chainedCall : name !== undefined && rule.chainedCall.includes(name);
      if (chained && receiver.arguments[0]) return this.schemaValidates(receiver.arguments[0], rule.mentions);
      callee = receiverCallee;
    }
    return false;
  }

  /** The registering call has the route option (`{ schema }`, `defineAction({ input })`) and its schema checks what `mentions` asks for. */
  private routeOptionValidates(registration: TSESTree.CallExpression, option: string, mentions: RegExp | undefined, key?: string): boolean {
    for (const argument of registration.arguments) {
      const property = argument.type === AST_NODE_TYPES.ObjectExpression ? findProperty(argument, option) : undefined;
      if (property && this.schemaValidates(property.value, mentions, key)) return true;
    }
    return false;
  }

  /**
   * The request handler the flow's input is read in, its inputs, and the input key read last
   * (`request.body.sessionId` → `sessionId`, `@Headers("x-session-id")`): what each check the route
   * declares (below) is judged on.
   */
  private readOf(flow: Flow, call: TSESTree.CallExpression): { handler: RequestHandler; inputs: RequestInputs; key: string } | undefined {
    const handler = this.handlerOfSource(flow, call);
    const inputs = handler?.kind === "request" ? requestInputsOf(handler) : undefined;
    const key = flow.sourceKeys.at(-1) ?? inputKeyOf(flow.source);
    return handler?.kind === "request" && inputs && key !== undefined ? { handler, inputs, key } : undefined;
  }

  /** A check the route declares for the key read: a per-property schema, a validator middleware, a validation chain, a DTO's decorator. */
  private validatedByRoute(flow: Flow, call: TSESTree.CallExpression): boolean {
    const read = this.readOf(flow, call);
    if (!read) return false;
    const registration = read.handler.registration.type === AST_NODE_TYPES.CallExpression ? read.handler.registration : undefined;
    if (registration && (this.validatedProperty(read.inputs, registration, read.key, flow.part) || this.validatedByMiddleware(flow, read.inputs, registration, read.key) || this.validatedByChain(flow, read.inputs, registration, read.key))) {
      return true;
    }
    return this.validatedByHandlerOption(read) || this.validatedByDto(flow, read.inputs, read.key);
  }

  /** The schema beside the handler (`validatedBy.handlerOption`: `{ params, handler(ctx) }`) checks the key read. */
  private validatedByHandlerOption({ handler, inputs, key }: { handler: RequestHandler; inputs: RequestInputs; key: string }): boolean {
    const rule = inputs.validatedBy;
    const property = handler.function.parent;
    const holder = property?.parent;
    if (rule?.handlerOption === undefined || property?.type !== AST_NODE_TYPES.Property || staticName(property.key, property.computed) !== "handler" || holder?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const option = findProperty(holder, rule.handlerOption);
    return option !== undefined && this.schemaValidates(option.value, rule.mentions, key);
  }

  /**
   * A per-property rule (`validatedBy.perProperty`): the route's schema checks the property the flow reads
   * last, in the schema's part for the request part read (`schemaParts`: `request.body` → `schema.body`);
   * a request part without a schema part (cookies) is not validated, an unknown part is looked up in the whole schema.
   */
  private validatedProperty(inputs: RequestInputs, registration: TSESTree.CallExpression, key: string, part: string | undefined): boolean {
    const rule = inputs.validatedBy;
    if (rule?.perProperty !== true || rule.routeOption === undefined) return false;
    const schemaKeys = part === undefined || rule.schemaParts === undefined ? undefined : (Object.hasOwn(rule.schemaParts, part) ? rule.schemaParts[part] : []);
    if (schemaKeys === undefined) return this.routeOptionValidates(registration, rule.routeOption, rule.mentions, key);
    return registration.arguments.some((argument) => {
      const option = argument.type === AST_NODE_TYPES.ObjectExpression ? findProperty(argument, rule.routeOption!) : undefined;
      const schema = option && this.objectWritten(option.value);
      // A schema this file does not spell out (imported, built by a call) is trusted, as `schemaValidates` does.
      if (option && !schema) return this.schemaValidates(option.value, rule.mentions, key);
      return schema !== undefined && schemaKeys.some((schemaKey) => {
        const section = findProperty(schema, schemaKey);
        return section !== undefined && this.schemaValidates(section.value, rule.mentions, key);
      });
    });
  }

  /** The object literal a value is written as, inline or as a variable of the file written once. */
  private objectWritten(value: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    const written = unwrap(value.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(value) : value);
    return written?.type === AST_NODE_TYPES.ObjectExpression ? written : undefined;
  }

  /** A validated getter's value (`c.req.valid("json").sessionId`) whose route middleware's schema checks the property read (`validatedGetters`). */
  private validatedByMiddleware(flow: Flow, inputs: RequestInputs, registration: TSESTree.CallExpression, key: string): boolean {
    const rule = inputs.validatedGetters;
    if (!rule) return false;
    // The getter call the value was read from, under the keys read after it.
    let getter: TSESTree.Node | undefined = flow.source;
    while (getter?.type === AST_NODE_TYPES.MemberExpression) getter = unwrap(getter.object);
    const getterName = getter?.type === AST_NODE_TYPES.CallExpression ? memberName(unwrap(getter.callee)) : undefined;
    if (getter?.type !== AST_NODE_TYPES.CallExpression || getterName === undefined || !rule.names.includes(getterName)) return false;
    const target = staticName(getter.arguments[0]);
    if (target === undefined) return false;
    const bindings = getAnalysisContext(this.input).bindings;
    return [...registration.arguments, ...this.appMiddlewareBefore(registration, rule.appMiddleware)].some((argument) => {
      const middleware = unwrap(argument);
      if (middleware?.type !== AST_NODE_TYPES.CallExpression || staticName(middleware.arguments[0]) !== target) return false;
      const origin = bindings.originOf(unwrap(middleware.callee)!);
      const schema = middleware.arguments[1];
      if (!origin || !schema || schema.type === AST_NODE_TYPES.SpreadElement || !rule.middlewares.some((spec) => originMatches(origin, spec))) return false;
      const written = schema.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(schema) : schema;
      const isFunction = written?.type === AST_NODE_TYPES.ArrowFunctionExpression || written?.type === AST_NODE_TYPES.FunctionExpression;
      return this.schemaValidates(schema, rule.mentions, isFunction ? undefined : key);
    });
  }

  /**
   * The middleware arguments of `app.<method>(path?, ...middleware)` calls on the route's app (the same
   * variable) before the route, whose path covers the route's: none or `"*"` covers every route, `"/chat/*"`
   * the routes under `/chat`, any other path only itself. A route or middleware path that is not written
   * as text is not matched.
   */
  private appMiddlewareBefore(registration: TSESTree.CallExpression, method: string | undefined): TSESTree.CallExpressionArgument[] {
    const callee = unwrap(registration.callee);
    const app = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
    const route = staticName(registration.arguments[0]);
    if (method === undefined || app?.type !== AST_NODE_TYPES.Identifier || route === undefined) return [];
    const appVariable = this.sdk.variableOf(app);
    const found: TSESTree.CallExpressionArgument[] = [];
    for (const use of nodesOfType(this.input.ast, AST_NODE_TYPES.CallExpression)) {
      if (use.range[1] > registration.range[0]) continue;
      const useCallee = unwrap(use.callee);
      const receiver = useCallee?.type === AST_NODE_TYPES.MemberExpression ? unwrap(useCallee.object) : undefined;
      if (memberName(useCallee) !== method || receiver?.type !== AST_NODE_TYPES.Identifier || receiver.name !== app.name || this.sdk.variableOf(receiver) !== appVariable) continue;
      const first = use.arguments[0];
      const textPath = first?.type === AST_NODE_TYPES.Literal || first?.type === AST_NODE_TYPES.TemplateLiteral;
      const path = textPath ? staticName(first) : undefined;
      if (textPath && (path === undefined || !pathCovers(path, route))) continue;
      found.push(...(textPath ? use.arguments.slice(1) : use.arguments));
    }
    return found;
  }

  /**
   * A validated reader's value (`matchedData(req).sessionId`) whose route has a chain that checks the
   * property read (`validatedReaders`): `body("sessionId").isUUID()`, or a `checkSchema` field with `isUUID`,
   * in a location the reader returns (`matchedData(req, { locations: ["headers"] })`: header chains only).
   */
  private validatedByChain(flow: Flow, inputs: RequestInputs, registration: TSESTree.CallExpression, key: string): boolean {
    const rule = inputs.validatedReaders;
    let reader: TSESTree.Node | undefined = flow.source;
    while (reader?.type === AST_NODE_TYPES.MemberExpression) reader = unwrap(reader.object);
    if (!rule) return false;
    const readerCallee = reader?.type === AST_NODE_TYPES.CallExpression ? unwrap(reader.callee) : undefined;
    const readerName = readerCallee?.type === AST_NODE_TYPES.Identifier ? readerCallee.name : memberName(readerCallee);
    // `matchedData(req, { locations })` returns those locations; a direct read (`req.headers[k]`, `req.get(k)`) its part, if known.
    const matched = reader?.type === AST_NODE_TYPES.CallExpression && readerName !== undefined && rule.names.includes(readerName) ? reader : undefined;
    const options = matched?.arguments[1] && this.objectWritten(matched.arguments[1]);
    const read = matched ? options && this.textList(findProperty(options, "locations")?.value) : flow.part === undefined ? undefined : [flow.part];
    const wanted = key.toLowerCase();
    const covers = (checked: readonly string[] | undefined): boolean => read === undefined || checked === undefined || checked.some((location) => read.includes(location));
    const bindings = getAnalysisContext(this.input).bindings;
    const middleware = [...registration.arguments, ...this.appMiddlewareBefore(registration, rule.appMiddleware)].flatMap((argument): (TSESTree.Node | null | undefined)[] => {
      const written: TSESTree.Node | undefined = argument.type === AST_NODE_TYPES.Identifier ? (this.singleValueOf(argument) ?? argument) : argument;
      return written?.type === AST_NODE_TYPES.ArrayExpression ? written.elements : [written];
    });
    // A chain only records its errors: a value read past it (`req.get(k)`, not `matchedData(req)`) is checked
    // where the route acts on them (`rejectsOnErrors`).
    if (!matched && !this.rejectsOnErrors(middleware, rule)) return false;
    return middleware.some((chain) => {
      // `body("sessionId").trim().isUUID()`: the methods called, down to the chain's first call.
      const methods: string[] = [];
      let link = unwrap(chain ?? undefined);
      while (link?.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(link.callee);
        if (callee?.type !== AST_NODE_TYPES.MemberExpression) break;
        methods.push(memberName(callee) ?? "");
        link = unwrap(callee.object);
      }
      if (link?.type !== AST_NODE_TYPES.CallExpression) return false;
      const origin = bindings.originOf(unwrap(link.callee)!);
      if (origin === undefined) return false;
      if (methods.length === 0 && rule.schemas?.some((spec) => originMatches(origin, spec))) return this.schemaFieldChecks(link, rule, wanted, covers);
      if (!methods.some((name) => rule.checks.includes(name)) || !rule.chains.some((spec) => originMatches(origin, spec))) return false;
      return staticName(link.arguments[0])?.toLowerCase() === wanted && covers(rule.chainLocations?.[originName(origin)]);
    });
  }

  /**
   * The route acts on its chains' errors: a function of its middleware (the handler included) written in
   * this file calls one of `rule.results` (`validationResult(req)`) and lets its result decide (`decides`:
   * `if (!result.isEmpty()) return …`, `validationResult(req).throw()`; the call alone rejects nothing),
   * or a middleware of another module of the project (`validate` of "./middleware", or a call of it) does
   * so, read through that module's facts (`rejectsValidationErrors`; an `auth` middleware, a module that
   * cannot be read, or a package's middleware, `cors()`, is no such check).
   */
  private rejectsOnErrors(middleware: readonly (TSESTree.Node | null | undefined)[], rule: NonNullable<RequestInputs["validatedReaders"]>): boolean {
    const bindings = getAnalysisContext(this.input).bindings;
    return middleware.some((argument) => {
      const value = unwrap(argument ?? undefined);
      const named = value?.type === AST_NODE_TYPES.CallExpression ? unwrap(value.callee) : value;
      const variable = named?.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(named) : undefined;
      const def = variable?.defs[0];
      const imported = def?.type === "ImportBinding" || def?.type === "Variable" ? bindings.originOf(named!) : undefined;
      // Another module of the project: read through its facts (one module deep), a package's middleware is no such check.
      if (imported) return isProjectModule(imported.module, this.input) && importedFact(this.input, variable!, "rejectsValidationErrors") !== undefined;
      const fn = value && isFunctionNode(value) ? value : def?.type === "FunctionName" ? def.node : undefined;
      return fn !== undefined && this.readsDecidingResult(fn, rule.results ?? [], rule.resultThrows);
    });
  }

  /** `fn` calls one of `results` (`validationResult(req)`) and lets its result decide (`decides`). */
  readsDecidingResult(fn: TSESTree.Node, results: readonly ValueSpecifier[], throwing: readonly string[] | undefined): boolean {
    const bindings = getAnalysisContext(this.input).bindings;
    return nodesOfTypesWithin(this.input.ast, CALL_TYPES, fn).some((call) => {
      const origin = bindings.originOf(unwrap(call.callee)!);
      // The bindings' scope lookup: a module read for its facts that does not use the SDK has an empty SDK model.
      return origin !== undefined && results.some((spec) => originMatches(origin, spec)) && decides(call, throwing, (identifier) => bindings.variableOf(identifier) ?? undefined);
    });
  }

  /** `checkSchema({ sessionId: { in: ["body"], isUUID: true } }, locations?)`: the field `wanted` has a check, in a location `covers` accepts. */
  private schemaFieldChecks(call: TSESTree.CallExpression, rule: NonNullable<RequestInputs["validatedReaders"]>, wanted: string, covers: (checked: readonly string[] | undefined) => boolean): boolean {
    const schema = call.arguments[0] && this.objectWritten(call.arguments[0]);
    const field = schema?.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticName(property.key, property.computed)?.toLowerCase() === wanted);
    const options = field && this.objectWritten(field.value);
    if (!options) return false;
    const checked = rule.checks.some((name) => {
      const check = findProperty(options, name)?.value;
      return check !== undefined && !(check.type === AST_NODE_TYPES.Literal && check.value === false);
    });
    const locationKey = rule.schemaLocationKey;
    const locations = (locationKey === undefined ? undefined : this.textList(findProperty(options, locationKey)?.value)) ?? this.textList(call.arguments[1]);
    return checked && covers(locations);
  }

  /** A list of strings written in the file (`["body", "query"]`, or one string); undefined when not written so. */
  private textList(value: TSESTree.Node | undefined): string[] | undefined {
    const written = value && unwrap(value.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(value) : value);
    const one = staticName(written, true);
    if (one !== undefined) return [one];
    if (written?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const items = written.elements.map((element) => staticName(element ?? undefined, true));
    return items.every((item): item is string => item !== undefined) ? items : undefined;
  }

  /**
   * A decorated parameter typed with a class (`@Body() body: ChatDto`) whose property of the key read has a
   * UUID check (`parameterDecorators.dtoChecks`: `@IsUUID() sessionId`). A class of this file is read; a
   * type imported from another module is trusted, as a schema from elsewhere is.
   */
  private validatedByDto(flow: Flow, inputs: RequestInputs, key: string): boolean {
    const table = inputs.parameterDecorators;
    if (!table) return false;
    for (const variable of flow.variables) {
      const def = variable.defs[0];
      if (def?.type !== "Parameter") continue;
      const parameter = (def.node as FunctionNode).params.find((candidate) => contains(candidate, def.name));
      const pattern = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
      if (!pattern || !("decorators" in pattern) || pattern.decorators.length === 0 || !("typeAnnotation" in pattern)) continue;
      const type = pattern.typeAnnotation?.typeAnnotation;
      if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      // The keys read below the parameter (`body.meta.sessionId` → meta, sessionId), else the key read last.
      const path: string[] = [];
      for (let read: TSESTree.Node | undefined = flow.source; read?.type === AST_NODE_TYPES.MemberExpression; read = unwrap(read.object)) path.unshift(memberName(read) ?? "");
      path.push(...flow.sourceKeys);
      return this.dtoChecksKey(type.typeName, table, (path.length > 0 ? path : [key]).map((name) => name.toLowerCase()));
    }
    return false;
  }

  /**
   * The DTO class `typeName` names checks the property at `path`: the last key has a UUID check, each key
   * before it is a validated nested DTO (`nestedDto`: `@ValidateNested() @Type(() => Meta) meta` for
   * `body.meta.sessionId`). A class imported from another module is trusted.
   */
  private dtoChecksKey(typeName: TSESTree.Node, table: ParameterDecorators, path: readonly string[]): boolean {
    const typeDef = typeName.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(typeName)?.defs[0] : undefined;
    if (typeDef?.type === "ImportBinding") return true;
    const [wanted, ...rest] = path;
    if (typeDef?.type !== "ClassName" || wanted === undefined) return false;
    const bindings = getAnalysisContext(this.input).bindings;
    const decoratedWith = (member: TSESTree.PropertyDefinition, specs: readonly ValueSpecifier[]): TSESTree.Decorator | undefined =>
      member.decorators.find((decorator) => {
        const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
        return specs.some((spec) => originMatches(bindings.originOf(expression), spec));
      });
    return typeDef.node.body.body.some((member) => {
      if (member.type !== AST_NODE_TYPES.PropertyDefinition || staticName(member.key, member.computed)?.toLowerCase() !== wanted) return false;
      if (rest.length === 0) return decoratedWith(member, table.dtoChecks) !== undefined;
      const nested = table.nestedDto;
      const typed = nested && decoratedWith(member, nested.validates) && decoratedWith(member, nested.typedBy);
      // `@Type(() => Meta)`: the class the arrow returns.
      const factory = typed?.expression.type === AST_NODE_TYPES.CallExpression ? typed.expression.arguments[0] : undefined;
      const nestedClass = factory?.type === AST_NODE_TYPES.ArrowFunctionExpression ? unwrap(factory.body) : undefined;
      return nestedClass?.type === AST_NODE_TYPES.Identifier && this.dtoChecksKey(nestedClass, table, rest);
    });
  }

  /**
   * `tool(name, [description,] shape, cb)`: the first argument from `from` on, before the last (the
   * callback), that is not written as text or a function is the schema.
   */
  private positionalSchemaValidates(registration: TSESTree.CallExpression, rule: { readonly methods: readonly string[]; readonly from: number }, mentions: RegExp | undefined): boolean {
    const name = memberName(unwrap(registration.callee));
    if (name === undefined || !rule.methods.includes(name)) return false;
    const written = (argument: TSESTree.Node): TSESTree.Node | undefined => (argument.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(argument) : argument);
    const schema = registration.arguments.slice(rule.from, -1).find((argument) => !TEXT_OR_FUNCTION.has(written(argument)?.type ?? ""));
    return schema !== undefined && schema.type !== AST_NODE_TYPES.SpreadElement && this.schemaValidates(schema, mentions);
  }

  /**
   * The schema's text (inline, or of the file's `const` it names) matches `mentions`; a schema from elsewhere is trusted.
   * With `key`, only the text of a property of that name inside the schema counts (`properties: { sessionId: {…} }`).
   */
  private schemaValidates(schema: TSESTree.Node, mentions: RegExp | undefined, key?: string, depth = 0): boolean {
    if (!mentions) return true;
    const node = schema.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(schema) : schema;
    if (!node) return true;
    if (key === undefined) return mentions.test(this.input.text.slice(node.range[0], node.range[1]));
    const wanted = key.toLowerCase();
    // A part written as a `const` of the file (`schema: { body: BodySchema }`) is read too; one from elsewhere proves nothing here.
    return nodesOfTypesWithin(this.input.ast, PROPERTY_TYPES, node).some((property) =>
      staticName(property.key, property.computed)?.toLowerCase() === wanted
        ? this.schemaValidates(property.value, mentions)
        : property.value.type === AST_NODE_TYPES.Identifier && depth < 4 && this.singleValueOf(property.value) !== undefined && this.schemaValidates(property.value, mentions, key, depth + 1),
    );
  }

  /** A call of a function that reads the request it is given: imported from a framework's module, or its auto-imported global inside its handlers. */
  private isReader(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (!callee) return false;
    if (callee.type === AST_NODE_TYPES.Identifier && this.isGlobal(callee)) {
      const handler = this.handlers.enclosingHandler(call);
      const inputs = handler && requestInputsOf(handler);
      return inputs?.globalReaders?.includes(callee.name) ?? false;
    }
    const origin = getAnalysisContext(this.input).bindings.originOf(callee);
    if (!origin || originName(origin) === "") return false;
    return inputVocabulary().readers.some((spec) => originMatches(origin, spec));
  }

  /** The handler whose parameter the flow started from, or that reads the input through a reader function. */
  handlerOfSource(flow: Flow, call: TSESTree.CallExpression): Handler | undefined {
    for (const variable of flow.variables) {
      const def = variable.defs[0];
      // A helper's parameter comes first (see `evaluateHelperParameter`): the handler is further on.
      const handler = def?.type === "Parameter" ? this.handlers.handlerOf(def.node) : undefined;
      if (handler) return handler;
      // A record handler's record: the handler that runs the batch call.
      const batch = def?.type === "Parameter" && isFunctionNode(def.node) ? recordHandlerCallOf(this.input, def.node) : undefined;
      if (batch) return this.handlers.enclosingHandler(batch.call);
    }
    return this.handlers.enclosingHandler(flow.source) ?? this.handlers.enclosingHandler(call);
  }

  /**
   * A check on the way: a validating call that mentions the value, in the function that reads the
   * input, one that passes it to a helper or the one that calls the SDK, before the value leaves that
   * function (the helper's call, the SDK call); or, anywhere in the file, one that reads the same input
   * key (a middleware that rejects bad ids before the route handler runs).
   */
  isChecked(flow: Flow, call: TSESTree.CallExpression): boolean {
    // Each function on the way, with the call through which the value leaves it: a check after that
    // call runs too late, and positions in another function say nothing (a helper declared above).
    const cutoffs = new Map<TSESTree.Node, TSESTree.Node>();
    const carriers = [call, ...flow.helperCalls];
    for (const carrier of carriers) {
      const scope = enclosingFunction(carrier) ?? this.input.ast;
      if (!cutoffs.has(scope)) cutoffs.set(scope, carrier);
    }
    const sourceScope = enclosingFunction(flow.source) ?? this.input.ast;
    if (!cutoffs.has(sourceScope)) cutoffs.set(sourceScope, carriers.find((carrier) => contains(sourceScope, carrier)) ?? call);
    for (const [scope, cutoff] of cutoffs) {
      for (const candidate of nodesOfTypesWithin(this.input.ast, CALL_TYPES, scope)) {
        // The read itself is no check (Hono's `c.req.valid("json")` is named like one).
        if (candidate.range[0] >= cutoff.range[1] || contains(flow.source, candidate) || !this.isValidationCall(candidate)) continue;
        if (validatedValues(candidate).some((argument) => this.checksFlowValue(candidate, argument, flow)) && this.actsOnFailure(candidate, cutoff)) return true;
      }
    }
    const key = flow.sourceKeys.at(-1)?.toLowerCase() ?? inputKeyOf(flow.source);
    if (key === undefined) return false;
    // A validation chain (`header("x-session-id").isUUID()`) checks the routes that hold it (`validatedByChain`), not the file.
    return nodesOfType(this.input.ast, AST_NODE_TYPES.CallExpression).some(
      (candidate) =>
        !contains(flow.source, candidate) &&
        this.isValidationCall(candidate) &&
        !this.isValidationChain(candidate) &&
        validatedValues(candidate).some((argument) => this.readsInputKey(argument, key, !cutoffs.has(enclosingFunction(candidate) ?? this.input.ast))) &&
        // A middleware off the value's way decides by its own paths (`if (ok) next(); else res.status(400).end()`).
        this.actsOnFailure(candidate, cutoffs.has(enclosingFunction(candidate) ?? this.input.ast) ? call : undefined),
    );
  }

  /**
   * A validating call's failure changes the flow: the call throws (`throwsOnInvalid`), or its result decides
   * (`decides`: a branch that ends the flow, or `guarded` reached only when it passes). `validateSessionId(id);`
   * as a statement, of a function that returns a verdict and throws nothing, checks nothing. A validator whose
   * body is not known (imported from elsewhere, a method of another object) is trusted, as a schema from
   * elsewhere is: report only when sure.
   */
  private actsOnFailure(call: TSESTree.CallExpression, guarded?: TSESTree.Node): boolean {
    return this.throwsOnInvalid(call, 0) !== false || decides(call, [], (identifier) => this.sdk.variableOf(identifier), guarded);
  }

  /**
   * Whether a validating call throws on invalid input: `true` for a schema's throwing method, a validator named
   * `assert…`, a function of this file whose body throws (its own `throw`, or a call of a validator that throws);
   * `false` where it is known to answer only (`isSessionId`, `toSessionId`, a RegExp test, a schema's answering
   * method, `ANSWERING_VALIDATORS`, a function of this file whose body throws nothing); undefined when not known.
   */
  private throwsOnInvalid(call: TSESTree.CallExpression, depth: number): boolean | undefined {
    const schema = this.schemaCallOf(call);
    if (schema) return schema.throwing;
    if (this.regexMatchOf(call)) return false;
    const exported = this.sdk.sdkExportOf(call.callee);
    if (exported === "isSessionId" || exported === "toSessionId") return false;
    const callee = unwrap(call.callee);
    const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    if (name !== undefined && THROWING_VALIDATOR_NAME.test(name)) return true;
    const origin = callee && getAnalysisContext(this.input).bindings.originOf(callee);
    if (origin && ANSWERING_VALIDATORS.some((spec) => originMatches(origin, spec))) return false;
    const def = callee?.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(callee)?.defs[0] : undefined;
    const init = def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator ? unwrap(def.node.init ?? undefined) : undefined;
    const fn = def?.type === "FunctionName" ? def.node : init && isFunctionNode(init) ? init : undefined;
    if (!fn || depth > 2) return undefined;
    const own = <T extends TSESTree.Node>(nodes: readonly T[]): T[] => nodes.filter((node) => enclosingFunction(node) === fn);
    if (own(nodesOfTypesWithin(this.input.ast, THROW_TYPES, fn)).length > 0) return true;
    let known: boolean | undefined = false;
    for (const inner of own(nodesOfTypesWithin(this.input.ast, CALL_TYPES, fn))) {
      if (!this.isValidationCall(inner)) continue;
      const throws = this.throwsOnInvalid(inner, depth + 1);
      if (throws === true) return true;
      if (throws === undefined) known = undefined;
    }
    return known;
  }

  /** `call` ends a chain that starts with a validation chain's function (`header(k)` of express-validator). */
  private isValidationChain(call: TSESTree.CallExpression): boolean {
    const chains = inputVocabulary().chains;
    let link: TSESTree.Node | undefined = call;
    while (link?.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(link.callee);
      if (callee?.type !== AST_NODE_TYPES.MemberExpression) {
        const origin = callee && getAnalysisContext(this.input).bindings.originOf(callee);
        return origin !== undefined && chains.some((spec) => originMatches(origin, spec));
      }
      link = unwrap(callee.object);
    }
    return false;
  }

  /**
   * `value` reads the input `key` (`req.get("x-session-id")`), directly or, in a function off the
   * value's way (a middleware: in the functions on the way only a check before the value leaves counts,
   * above), through a local const that does (`const id = req.get(k); isSessionId(id)`).
   */
  private readsInputKey(value: TSESTree.Node, key: string, throughLocal: boolean): boolean {
    const reads = (node: TSESTree.Node): boolean => nodesOfTypesWithin(this.input.ast, KEY_TYPES, node).some((read) => inputKeyOf(read) === key);
    if (reads(value)) return true;
    if (!throughLocal || value.type !== AST_NODE_TYPES.Identifier) return false;
    const init = this.singleValueOf(value);
    return init !== undefined && init !== value && reads(init);
  }

  /**
   * `re.exec(subject)`, `re.test(subject)` or `subject.match(re)` with a RegExp this file writes (a literal,
   * `new RegExp("…")`, or a `const` of either), and whether it admits UUIDs only (`isUuidOnly`); undefined
   * for other calls.
   */
  private regexMatchOf(call: TSESTree.CallExpression): { subject: TSESTree.Node; regex: RegExp; uuidOnly: boolean; method: string } | undefined {
    const callee = unwrap(call.callee);
    if (callee?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(callee);
    const [regex, subject] = name === "exec" || name === "test" ? [callee.object, call.arguments[0]] : name === "match" ? [call.arguments[0], callee.object] : [];
    const written = regex && this.regexWritten(regex);
    return written && subject && subject.type !== AST_NODE_TYPES.SpreadElement ? { subject, regex: written, uuidOnly: isUuidOnly(written), method: name! } : undefined;
  }

  /** The RegExp `node` is written as in this file: `/…/i`, `new RegExp("…", "i")` (or without `new`), or a `const` holding one. */
  private regexWritten(node: TSESTree.Node, depth = 0): RegExp | undefined {
    const value = unwrap(node);
    if (value?.type === AST_NODE_TYPES.Literal && "regex" in value && value.regex) return compiled(value.regex.pattern, value.regex.flags);
    if (value?.type === AST_NODE_TYPES.Identifier) {
      const init = depth === 0 ? this.singleValueOf(value) : undefined;
      return init && this.regexWritten(init, depth + 1);
    }
    if ((value?.type === AST_NODE_TYPES.NewExpression || value?.type === AST_NODE_TYPES.CallExpression) && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === "RegExp" && this.isGlobal(value.callee)) {
      const [pattern, flags] = value.arguments.map((argument) => staticName(argument, true));
      return pattern === undefined || (value.arguments.length > 1 && flags === undefined) ? undefined : compiled(pattern, flags ?? "");
    }
    return undefined;
  }

  private isValidationCall(call: TSESTree.CallExpression): boolean {
    // `header.match(/sid=([^;]+)/)` extracts, `/^[\w-]+$/.test(id)` admits more than UUIDs: only a RegExp
    // that admits UUIDs alone checks. One the file does not write (imported) is judged by the call's name.
    const match = this.regexMatchOf(call);
    if (match) return match.uuidOnly;
    const exported = this.sdk.sdkExportOf(call.callee);
    if (exported === "isSessionId" || exported === "toSessionId") return true;
    const callee = unwrap(call.callee);
    // `JSON.parse(event.body)` reads the input, it checks nothing.
    if (callee?.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "JSON") return false;
    const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    // A schema library's validation (`Joi.attempt(value, schema)`), whatever its name says.
    if (this.schemaCallOf(call)) return true;
    // 1.x `HoneyHiveTracer.initFromSessionId(…)` is the sink its name spells, not a check.
    if (callee?.type === AST_NODE_TYPES.MemberExpression && name !== undefined && TRACER_FACTORY_STATICS.has(name) && this.sdk.sdkExportOf(callee.object) === "HoneyHiveTracer") return false;
    return name !== undefined && VALIDATION_NAME.test(name);
  }

  private mentionsValidation(test: TSESTree.Node): boolean {
    const calls = nodesOfTypesWithin(this.input.ast, CALL_TYPES, test);
    return calls.some((call) => this.isValidationCall(call));
  }

  /**
   * The validating `call` checks the flow's value through `argument`: the argument is the value (`isValid(id)`,
   * `validate(req.get("x-session-id"))`), or it holds the value (the request, a part of it: `validateBody(req)`)
   * and the call is known to check the key read (`holderChecksKey`): a name that says "valid" given the whole
   * request is no evidence that the id in it is a UUID.
   */
  private checksFlowValue(call: TSESTree.CallExpression, argument: TSESTree.Node, flow: Flow): boolean {
    if (!this.mentionsFlow(argument, flow)) return false;
    const key = flow.sourceKeys.at(-1)?.toLowerCase() ?? inputKeyOf(flow.source);
    const value = key === undefined ? undefined : this.evaluate(argument, new Set(), 0);
    if (!value) return true;
    const read = value.taint === "input" ? (value.sourceKeys?.at(-1)?.toLowerCase() ?? inputKeyOf(value.source)) : undefined;
    return read === key || this.holderChecksKey(call, argument, key!, 0);
  }

  /**
   * A validating call given a value that holds the input `key` checks that key: a schema of a library
   * (`schema-checks.ts`) the file writes with a UUID rule on the key (`Body.parse(req.body)` for
   * `Body = z.object({ sessionId: z.string().uuid() })`; a schema imported from elsewhere is not read), or
   * a function of the file (`function validateBody(req) {…}`) with a check of that key inside (one level of
   * such functions deep).
   */
  private holderChecksKey(call: TSESTree.CallExpression, argument: TSESTree.Node, key: string, depth: number): boolean {
    const schemaCall = this.schemaCallOf(call);
    if (schemaCall) return schemaCall.value === argument && (schemaCall.throwing || decides(call, [], (identifier) => this.sdk.variableOf(identifier))) && this.schemaWrittenChecks(schemaCall.schema, key);
    const callee = unwrap(call.callee);
    const def = depth === 0 && callee?.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(callee)?.defs[0] : undefined;
    const init = def?.type === "Variable" && def.node.type === AST_NODE_TYPES.VariableDeclarator ? unwrap(def.node.init ?? undefined) : undefined;
    const fn = def?.type === "FunctionName" ? def.node : init && isFunctionNode(init) ? init : undefined;
    if (!fn || !fn.body) return false;
    return nodesOfTypesWithin(this.input.ast, CALL_TYPES, fn.body).some(
      (inner) => inner !== call && this.isValidationCall(inner) && validatedValues(inner).some((value) => this.readsInputKey(value, key, true) || this.holderChecksKey(inner, value, key, depth + 1)),
    );
  }

  /** A schema library's validating call (`Body.parse(value)`, `v.parse(Body, value)`): its schema, the value checked, and whether it throws. */
  private schemaCallOf(call: TSESTree.CallExpression): { schema: TSESTree.Node; value: TSESTree.Node | undefined; throwing: boolean } | undefined {
    const callee = unwrap(call.callee);
    const method = memberName(callee);
    if (method === undefined || callee?.type !== AST_NODE_TYPES.MemberExpression) {
      const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
      const origin = callee && getAnalysisContext(this.input).bindings.originOf(callee);
      const library = origin && SCHEMA_LIBRARIES.find((entry) => entry.schemaArgument !== undefined && entry.packages.includes(origin.module));
      const named = origin ? originName(origin) : name;
      return library && named !== undefined ? this.schemaCallFrom(call, library, named) : undefined;
    }
    const origin = getAnalysisContext(this.input).bindings.originOf(callee.object);
    const packageFunction = origin && SCHEMA_LIBRARIES.find((entry) => entry.schemaArgument !== undefined && entry.packages.includes(origin.module) && [...entry.throwing, ...entry.answering].includes(method));
    if (packageFunction) return this.schemaCallFrom(call, packageFunction, method);
    const module = this.schemaModuleOf(callee.object) ?? this.importedSchemaOf(callee.object)?.package;
    if (module === undefined) return undefined;
    const methods = SCHEMA_LIBRARIES.find((entry) => entry.schemaArgument === undefined && entry.packages.includes(module) && [...entry.throwing, ...entry.answering].includes(method));
    const value = call.arguments[0];
    return methods && value?.type !== AST_NODE_TYPES.SpreadElement ? { schema: callee.object, value, throwing: methods.throwing.includes(method) } : undefined;
  }

  private schemaCallFrom(call: TSESTree.CallExpression, library: SchemaLibrary, method: string): { schema: TSESTree.Node; value: TSESTree.Node | undefined; throwing: boolean } | undefined {
    if (![...library.throwing, ...library.answering].includes(method)) return undefined;
    const schema = call.arguments[library.schemaArgument!];
    const value = call.arguments[library.schemaArgument === 0 ? 1 : 0];
    if (!schema || schema.type === AST_NODE_TYPES.SpreadElement || value?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return { schema, value, throwing: library.throwing.includes(method) };
  }

  /** The schema library's package a schema is built with, when the file writes it (inline or in a `const`): the package of its chain's first name. */
  private schemaModuleOf(schema: TSESTree.Node): string | undefined {
    let node: TSESTree.Node | undefined = unwrap(schema.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(schema) : schema);
    while (node?.type === AST_NODE_TYPES.CallExpression || node?.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.object);
    const origin = node?.type === AST_NODE_TYPES.Identifier ? getAnalysisContext(this.input).bindings.originOf(node) : undefined;
    return origin && SCHEMA_LIBRARIES.some((entry) => entry.packages.includes(origin.module)) ? origin.module : undefined;
  }

  /**
   * A schema exported by another module of the project (`import { Body } from "./schemas"`), read through that
   * module's facts (`uuidSchema`: its library and the keys with a UUID rule).
   */
  private importedSchemaOf(schema: TSESTree.Node): { package: string; uuidKeys: readonly string[] } | undefined {
    const named = unwrap(schema);
    const variable = named?.type === AST_NODE_TYPES.Identifier ? this.sdk.variableOf(named) : undefined;
    const def = variable?.defs[0];
    if (!variable || (def?.type !== "ImportBinding" && def?.type !== "Variable")) return undefined;
    return importedFact(this.input, variable, "uuidSchema");
  }

  /** A schema the file writes (inline or in a `const`) of a schema library, or one a module of the project exports, with a UUID rule on `key`. */
  private schemaWrittenChecks(schema: TSESTree.Node, key: string): boolean {
    const imported = this.importedSchemaOf(schema);
    if (imported) return imported.uuidKeys.includes(key.toLowerCase());
    const written = schema.type === AST_NODE_TYPES.Identifier ? this.singleValueOf(schema) : schema;
    return written !== undefined && this.schemaModuleOf(schema) !== undefined && this.schemaValidates(written, SCHEMA_UUID_MENTION, key);
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

/** A middleware path covers a route path: `"*"`, `"/chat/*"` for `/chat` and below, or the same path. */
function pathCovers(path: string, route: string): boolean {
  if (path === "*" || path === "/*" || path === route) return true;
  if (!path.endsWith("/*")) return false;
  const prefix = path.slice(0, -2);
  return route === prefix || route.startsWith(`${prefix}/`);
}

/** A helper written as a method: its name, the class (or object literal) that holds it, static or not. */
interface HelperMethod {
  readonly name: string;
  readonly owner: TSESTree.ClassBody["parent"] | TSESTree.ObjectExpression;
  readonly static: boolean;
}

/** `start(id) { … }` / `start = (id) => …` of a class, `start(id) { … }` / `start: (id) => …` of an object literal. */
function methodOf(fn: FunctionNode): HelperMethod | undefined {
  const holder = fn.parent;
  if ((holder.type === AST_NODE_TYPES.MethodDefinition || holder.type === AST_NODE_TYPES.PropertyDefinition) && holder.value === fn) {
    if (holder.type === AST_NODE_TYPES.MethodDefinition && holder.kind !== "method") return undefined;
    const name = staticName(holder.key, holder.computed);
    return name === undefined ? undefined : { name, owner: holder.parent.parent, static: holder.static };
  }
  if (holder.type === AST_NODE_TYPES.Property && holder.value === fn && holder.parent.type === AST_NODE_TYPES.ObjectExpression && holder.kind === "init") {
    const name = staticName(holder.key, holder.computed);
    return name === undefined ? undefined : { name, owner: holder.parent, static: false };
  }
  return undefined;
}

const CALL_TYPES = [AST_NODE_TYPES.CallExpression] as const;
const RETURN_TYPES = [AST_NODE_TYPES.ReturnStatement] as const;
const THROW_TYPES = [AST_NODE_TYPES.ThrowStatement] as const;
const PROPERTY_TYPES = [AST_NODE_TYPES.Property] as const;
const IDENTIFIER_TYPES = [AST_NODE_TYPES.Identifier] as const;
const KEY_TYPES = [AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression] as const;

/** The request parameter's position: by arity where the framework tells its forms apart, unless the registering method is an exception. */
function requestParameterIndex(inputs: RequestInputs, fn: FunctionNode, registration: TSESTree.Node): number {
  const byArity = inputs.parameterByArity?.[fn.params.length];
  if (byArity === undefined) return inputs.parameter ?? 0;
  const method = registration.type === AST_NODE_TYPES.CallExpression ? memberName(unwrap(registration.callee)) : undefined;
  return method !== undefined && inputs.arityExceptMethods?.includes(method) ? (inputs.parameter ?? 0) : byArity;
}

/**
 * The variable is written by its declaration only: eslint-scope records a destructuring default
 * (`const { sid = "x" } = q`, `{ q: { sid } = {} }`) as a second write, which is part of the same declaration.
 */
/** The call a `const` local is declared with (`const http = context.switchToHttp()` → the call), if that is what it holds. */
function constCallOf(variable: Scope.Variable | null | undefined): TSESTree.CallExpression | undefined {
  const def = variable?.defs[0];
  if (def?.type !== "Variable" || def.parent.kind !== "const" || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = unwrap(def.node.init);
  return init?.type === AST_NODE_TYPES.CallExpression ? init : undefined;
}

/**
 * The value of the one plain assignment (`id = …`) of a variable declared without one, written before `use`;
 * undefined when it is written more than once, through `+=` or a destructuring assignment, or only after the use.
 */
function soleAssignedValue(variable: Scope.Variable, use: TSESTree.Identifier): TSESTree.Expression | undefined {
  const writes = variable.references.filter((reference) => reference.isWrite());
  const assignment = writes.length === 1 ? writes[0]!.identifier.parent : undefined;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== "=" || assignment.left !== writes[0]!.identifier) return undefined;
  return assignment.range[1] <= use.range[0] ? assignment.right : undefined;
}

function writtenOnce(variable: Scope.Variable, pattern: TSESTree.Node): boolean {
  const writes = variable.references.filter((reference) => reference.writeExpr);
  return writes.filter((reference) => !(reference.writeExpr && contains(pattern, reference.writeExpr))).length === 1;
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
export function topLevelKey(pattern: TSESTree.Node, name: TSESTree.Identifier): string | undefined {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.Property && contains(property, name)) return staticName(property.key, property.computed);
  }
  return undefined;
}

/** `pattern` with `flags` (the state-keeping `g`/`y` dropped), or undefined when this Node cannot compile it. */
function compiled(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags.replace(/[gy]/g, ""));
  } catch {
    return undefined;
  }
}

/** UUIDs of versions 1, 4, 5 and 7: a RegExp that checks the format admits one of them (a v4-only pattern admits the v4 one). */
const SAMPLE_UUIDS: readonly string[] = ["123e4567-e89b-12d3-a456-426614174000", "f47ac10b-58cc-4372-a567-0e02b2c3d479", "886313e1-3b8a-5372-9b90-0c9aee199e5d", "01890a5d-ac96-774b-bcce-b302099a8057"];

/**
 * The RegExp admits a UUID and refuses what is not UUID-shaped (`/^[0-9a-f]{8}-[0-9a-f]{4}-…-[0-9a-f]{12}$/i`): a
 * check of the format. Judged by what it matches, so every spelling of the pattern counts; each text refused is
 * a way to admit more: unanchored, shorter, non-hex, a second line (the `m` flag). `/^[0-9a-f-]{36}$/i` (36 hex
 * digits and dashes in any order) passes as a check, as fix-blind6 asserted for `.match()`: looser than
 * `isSessionId()`, but it lets nothing but such text through.
 */
function isUuidOnly(regex: RegExp): boolean {
  const uuid = SAMPLE_UUIDS.find((sample) => regex.test(sample) || regex.test(sample.toUpperCase()));
  if (uuid === undefined) return false;
  const others = ["", "abc", "sid=abc", `sid=${uuid}`, `${uuid}x`, `x${uuid}`, `${uuid}\nx`, `x\n${uuid}`, uuid.slice(1), uuid.replace(/[0-9a-f]/g, "z")];
  return others.every((text) => !regex.test(text) && !regex.test(text.toUpperCase()));
}

/**
 * The capture groups of `regex` that admit UUIDs only, by index (`"1"`) and by name: what a group captured
 * matched the group's pattern whole, so the group is judged as that pattern anchored (`isUuidOnly`).
 * A group with a backreference or a lookaround (its match depends on text outside it), and a pattern with
 * the `v` flag (nested classes), are not judged.
 */
function uuidOnlyGroups(regex: RegExp): { byIndex: ReadonlySet<string>; byName: ReadonlySet<string> } | undefined {
  if (regex.flags.includes("v")) return undefined;
  const byIndex = new Set<string>();
  const byName = new Set<string>();
  for (const group of captureGroups(regex.source)) {
    if (/\\(?:[1-9]|k<)|\(\?<?[=!]/.test(group.pattern)) continue;
    // The text a group captured never spans lines its pattern refuses: the `m` flag matters only to its own anchors.
    const anchored = compiled(`^(?:${group.pattern})$`, /[\^$]/.test(group.pattern) ? regex.flags : regex.flags.replace("m", ""));
    if (!anchored || !isUuidOnly(anchored)) continue;
    byIndex.add(String(group.index));
    if (group.name !== undefined) byName.add(group.name);
  }
  return byIndex.size === 0 ? undefined : { byIndex, byName };
}

/** The capture groups of a RegExp's source, numbered as the engine numbers them (by their opening parenthesis). */
function captureGroups(source: string): { index: number; name: string | undefined; pattern: string }[] {
  const groups: { index: number; name: string | undefined; pattern: string }[] = [];
  const open: ({ index: number; name: string | undefined; start: number } | undefined)[] = [];
  let count = 0;
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === "\\") at++;
    else if (char === "[") {
      for (at++; at < source.length && source[at] !== "]"; at++) if (source[at] === "\\") at++;
    } else if (char === "(") {
      const named = /^\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(at + 1));
      if (source[at + 1] === "?" && !named) open.push(undefined);
      else {
        const start = at + 1 + (named ? named[0].length : 0);
        open.push({ index: ++count, name: named?.[1], start });
      }
    } else if (char === ")") {
      const group = open.pop();
      if (group) groups.push({ index: group.index, name: group.name, pattern: source.slice(group.start, at) });
    }
  }
  return groups;
}

/**
 * The result of `call` decides what happens next: it is tested by an `if`, a `?:`, a `&&`/`||`, or `!`
 * (directly, through a member or a method of it: `!schema.safeParse(body).success`, `result.isEmpty()`),
 * stored in a `const` (or destructured: `const { error } = …`) read so, or a method that throws on
 * failure is called on it (`.throw()`).
 *
 * An `if` decides only by what its branches do to the flow: the branch taken when the check fails ends it
 * (`return`, `throw`, `continue`/`break`, a call that never returns: `ctx.throw(400)`, knowledge/schema-checks.ts
 * `FLOW_ENDING_CALLS`) or gives a value the check was given another value (`id = randomUUID()`), or `guarded`
 * (the call the value leaves through: the SDK call, a helper's) sits in the branch taken when it passes.
 * `if (!isSessionId(id)) console.warn(…)` followed by the SDK call checks nothing. Which branch fails is read
 * from the test: `!` turns it, a verdict's failure key (`error`, `issues`: `VERDICT_FAILURE_KEYS`) names a
 * failure when set. A `?:` keeps deciding (`isSessionId(x) ? x : undefined`: both branches are values).
 */
function decides(
  call: TSESTree.CallExpression,
  throwingMethods: readonly string[] = [],
  variableOf?: (identifier: TSESTree.Identifier) => Scope.Variable | undefined,
  guarded?: TSESTree.Node,
): boolean {
  const checkedNames = new Set(validatedValues(call).flatMap((value) => identifiersIn(value)));
  const decidesAt = (node: TSESTree.Node, depth: number, failsWhenSet: boolean, keyedAlready = false): boolean => {
    let at: TSESTree.Node = node;
    let fails = failsWhenSet;
    // Read through a failure key already (`result.error`): a second key (`.issues`) names the same failure.
    let keyed = keyedAlready;
    for (;;) {
      const parent = at.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === at) {
        if (!keyed && VERDICT_FAILURE_KEYS.includes(memberName(parent) ?? "")) {
          fails = !fails;
          keyed = true;
        }
        at = parent;
        continue;
      }
      const counted = at.type === AST_NODE_TYPES.ChainExpression ? at.expression : at;
      if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.left === at && counted.type === AST_NODE_TYPES.MemberExpression && memberName(counted) === COUNT_MEMBER) {
        // `errors.length > 0` holds when there are failures, `errors.length === 0` when there are none.
        const count = parent.right.type === AST_NODE_TYPES.Literal && typeof parent.right.value === "number" ? parent.right.value : undefined;
        if (count !== undefined && EMPTY_COMPARISONS[parent.operator] === count) fails = !fails;
        else if (count === undefined || NONEMPTY_COMPARISONS[parent.operator] !== count) return false;
        at = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === at) {
        if (at.type === AST_NODE_TYPES.MemberExpression && throwingMethods.includes(memberName(at) ?? "")) return true;
        at = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ChainExpression) {
        at = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "!") {
        fails = !fails;
        at = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.LogicalExpression) {
        // `valid && tracer.createSession(…)` runs the call only when the check passes (`||`: when it fails).
        if (parent.left === at && guarded && contains(parent.right, guarded)) return parent.operator === "&&" ? !fails : parent.operator === "||" && fails;
        at = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === at) return true;
      if (parent.type === AST_NODE_TYPES.IfStatement && parent.test === at) {
        const [failing, passing] = fails ? [parent.consequent, parent.alternate] : [parent.alternate, parent.consequent];
        // Without a call to guard (a middleware's own decision), an `if … else` is a choice of two paths, as a `?:` is.
        if (guarded === undefined && passing != null && failing != null) return true;
        return (guarded !== undefined && passing != null && contains(passing, guarded)) || (failing != null && endsFlow(failing, checkedNames));
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === at && variableOf && depth === 0) {
        // `const result = …`, or its parts: `const { error } = schema.validate(body)`.
        // A variable's own name says nothing (express-validator's docs hold the Result object as `const errors = validationResult(req)`).
        const names: { name: TSESTree.Identifier; fails: boolean; keyed: boolean }[] =
          parent.id.type === AST_NODE_TYPES.Identifier
            ? [{ name: parent.id, fails, keyed }]
            : parent.id.type === AST_NODE_TYPES.ObjectPattern
              ? parent.id.properties.flatMap((property) => {
                  if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) return [];
                  const failure = !keyed && VERDICT_FAILURE_KEYS.includes(staticName(property.key, property.computed) ?? "");
                  return [{ name: property.value, fails: failure ? !fails : fails, keyed: keyed || failure }];
                })
              : [];
        return names.some(({ name, fails: named, keyed: read }) => variableOf(name)?.references.some((reference) => !reference.init && decidesAt(reference.identifier, depth + 1, named, read)) ?? false);
      }
      return false;
    }
  };
  return decidesAt(call, 0, false);
}

/** The names an expression reads (`id`, `req` of `req.body`): what a branch that writes one of them gives another value. */
function identifiersIn(node: TSESTree.Node): string[] {
  const names: string[] = [];
  const visit = (current: TSESTree.Node | null | undefined): void => {
    if (!current) return;
    if (current.type === AST_NODE_TYPES.Identifier) names.push(current.name);
    else if (current.type === AST_NODE_TYPES.MemberExpression) {
      visit(current.object);
      if (current.computed) visit(current.property);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      visit(current.callee);
      current.arguments.forEach(visit);
    } else if (current.type === AST_NODE_TYPES.ChainExpression || current.type === AST_NODE_TYPES.TSNonNullExpression || current.type === AST_NODE_TYPES.TSAsExpression) visit(current.expression);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) visit(current.argument);
  };
  visit(node);
  return names;
}

/**
 * A branch that ends the flow through it, not counting functions declared in it: a `return`, a `throw`, a
 * `continue`/`break`, a call that never returns (`FLOW_ENDING_CALLS`), or a new value for one of `written`
 * (`id = undefined`).
 */
function endsFlow(branch: TSESTree.Node, written: ReadonlySet<string>): boolean {
  let ends = false;
  const visit = (node: TSESTree.Node): void => {
    if (ends || isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.BreakStatement:
        ends = true;
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.left.type === AST_NODE_TYPES.Identifier && written.has(node.left.name)) ends = true;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (endsByCall(node)) ends = true;
        break;
      default:
        break;
    }
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === "parent") continue;
      const child = node[key] as unknown;
      if (Array.isArray(child)) for (const item of child) if (isNode(item)) visit(item);
      if (isNode(child)) visit(child);
    }
  };
  visit(branch);
  return ends;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" && "range" in value;
}

/** `ctx.throw(400)`, `process.exit(1)`: a call of `FLOW_ENDING_CALLS` (a method by its name, a global by its path). */
function endsByCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const name = memberName(callee);
  if (name === undefined || callee?.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  const path = object?.type === AST_NODE_TYPES.Identifier ? `${object.name}.${name}` : undefined;
  return FLOW_ENDING_CALLS.methods.includes(name) || (path !== undefined && FLOW_ENDING_CALLS.globals.includes(path));
}

/** The values a validating call checks: its arguments, and the receiver of a method on the value (`id.match(re)`, `id.startsWith(…)` is no check). */
function validatedValues(call: TSESTree.CallExpression): TSESTree.Node[] {
  const callee = unwrap(call.callee);
  return callee?.type === AST_NODE_TYPES.MemberExpression ? [callee.object, ...call.arguments] : [...call.arguments];
}

/** The input key an expression reads, lower-cased: `req.headers["X-Session-Id"]`, `req.get("x-session-id")`, `event.sessionId`. */
function inputKeyOf(node: TSESTree.Node): string | undefined {
  // A parameter decorator that names its key (`@Headers("x-session-id")`, see `decoratedParameter`).
  if (node.type === AST_NODE_TYPES.Decorator) return node.expression.type === AST_NODE_TYPES.CallExpression ? staticName(node.expression.arguments[0])?.toLowerCase() : undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    return name !== undefined && !inputVocabulary().parts.has(name) ? name.toLowerCase() : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    if (name === undefined) return undefined;
    // `req.get("x-session-id")`, or a reader given the request first: `getHeader(event, "x-session-id")`.
    const key = inputVocabulary().getters.has(name) ? staticName(node.arguments[0]) : isReaderName(name) ? stringArgument(node) : undefined;
    return key?.toLowerCase();
  }
  return undefined;
}

/** A name some descriptor lists as a reader function (the check anywhere in the file reads keys without resolving bindings). */
function isReaderName(name: string): boolean {
  return inputVocabulary().readers.some((spec) => (typeof spec.name === "string" ? spec.name === name : spec.name.includes(name)));
}

/** The first string literal among a call's arguments. */
function stringArgument(call: TSESTree.CallExpression): string | undefined {
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === "string") return argument.value;
  }
  return undefined;
}

/** Getters that consume the request body: read twice, the second read fails or waits forever. */
const BODY_CONSUMING_GETTERS: ReadonlySet<string> = new Set(["json", "text", "formData", "arrayBuffer", "blob"]);

/**
 * Whether the session id `value` (a finding's) is there at run time, and whether it is text:
 * - `text`: a non-empty string on every path — a path parameter of the matched route (the
 *   framework's data, `RequestInputs.routeParameters`), a template literal or `+` with fixed text or
 *   such a parameter in it, a non-empty string literal;
 * - `present`: there on every path, but of whatever type the client sent — a `??` / `||` default the
 *   application makes (`?? randomUUID()`), a non-null assertion (`id!`: the author's word about null,
 *   not about the type), what a method of the input returned (`id.trim()`, maybe `""`);
 * - `absent`: may be missing — a header, cookie, query or body field the client did not send
 *   (`undefined`, or `null` from `headers.get()`);
 * - `stringified`: a missing input turned into text on the way (`String(form.get("id"))` is `"null"`,
 *   `` `conv-${id}` `` is `"conv-undefined"`).
 * The suggestion must not send every request without an id to one shared session, nor throw on the
 * client's input: `toSessionId()` throws a TypeError for anything but a non-empty string, and a client
 * decides the type of most inputs (Express's `?sid=a&sid=b` is an array, a JSON body's field may be a
 * number). So it converts `text` as is, guards `present` and `absent` values by their type, and cannot
 * tell a stringified one from a real id.
 */
export type SessionIdPresence = "text" | "present" | "absent" | "stringified";

const PRESENCE_ORDER: readonly SessionIdPresence[] = ["text", "present", "absent", "stringified"];

function worse(a: SessionIdPresence, b: SessionIdPresence): SessionIdPresence {
  return PRESENCE_ORDER.indexOf(a) >= PRESENCE_ORDER.indexOf(b) ? a : b;
}

export function sessionIdPresence(input: AnalysisInput, value: TSESTree.Node): SessionIdPresence {
  const sdk = getSdkModel(input);
  const flows = new SessionIdFlow(input, sdk);
  const seen = new Set<TSESTree.Node>();
  const presence = (node: TSESTree.Node | null | undefined, depth: number): SessionIdPresence => {
    const current = unwrap(node, true);
    if (!current || depth > 24 || seen.has(current)) return "absent";
    seen.add(current);
    if (isRouteParameter(current)) return "text";
    // Input made into text: missing input becomes "undefined" / "null", a string like any other. The
    // text is not empty when it has fixed text or a part that is (`""` + an empty body field is `""`).
    const asText = (parts: readonly TSESTree.Node[], fixedText: boolean): SessionIdPresence => {
      let nonEmpty = fixedText;
      for (const part of parts) {
        const partPresence = presence(part, depth + 1);
        if (partPresence === "text") nonEmpty = true;
        else if (partPresence !== "present" && flows.flowOf(part) !== undefined) return "stringified";
      }
      return nonEmpty ? "text" : "present";
    };
    switch (current.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
        return presence(current.expression, depth + 1) === "text" ? "text" : "present";
      case AST_NODE_TYPES.TemplateLiteral:
        return asText(current.expressions, current.quasis.some((quasi) => quasi.value.raw !== ""));
      case AST_NODE_TYPES.BinaryExpression: {
        // `+` with text is text; other operators make numbers (or booleans) of it.
        const text = asText([current.left, current.right], false);
        return current.operator === "+" ? text : worse(text, "present");
      }
      case AST_NODE_TYPES.Literal:
        if (current.value === null) return "absent";
        return typeof current.value === "string" && current.value !== "" ? "text" : "present";
      case AST_NODE_TYPES.Identifier: {
        if (current.name === "undefined") return "absent";
        const init = flows.singleValueOf(current);
        return init === undefined ? "absent" : presence(init, depth + 1);
      }
      case AST_NODE_TYPES.LogicalExpression: {
        if (current.operator === "&&") return "absent";
        const left = presence(current.left, depth + 1);
        // `header ?? "anonymous"`, `|| ""`: a fixed text for every request without the input, one session
        // for all of them once converted; like `String(missing)`, not an id the application makes.
        if (isFixedText(current.right, depth)) return left === "text" || left === "present" ? left : "stringified";
        // The left side when it is there (of the client's type), else the default.
        return worse(left === "absent" ? "present" : left, presence(current.right, depth + 1));
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return worse(presence(current.consequent, depth + 1), presence(current.alternate, depth + 1));
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(current.callee);
        // `String(x)`, `decodeURIComponent(x)`: text, whatever `x` was.
        if (callee?.type === AST_NODE_TYPES.Identifier && TRANSPARENT_GLOBALS.has(callee.name)) return asText(current.arguments, false);
        if (callee?.type === AST_NODE_TYPES.Identifier) return flows.flowOf(current) === undefined ? "present" : "absent";
        // An input getter (`headers.get("x")`, `c.req.header("x")`) answers nothing for a missing key;
        // another method of the input (`id.trim()`) returned something (maybe `""`), or threw.
        const name = memberName(callee);
        return name !== undefined && inputVocabulary().getters.has(name) ? "absent" : "present";
      }
      default:
        // A member read (`req.body.sessionId`), an optional chain, anything else: may be missing.
        return "absent";
    }
  };
  /** A constant (`"anonymous"`, `""`, `` `guest` ``, a `const` holding one): the same text on every run. */
  const isFixedText = (node: TSESTree.Node, depth: number): boolean => {
    const current = unwrap(node, true);
    if (!current || depth > 24) return false;
    if (current.type === AST_NODE_TYPES.Literal) return current.value !== null;
    if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions.every((part) => isFixedText(part, depth + 1));
    if (current.type !== AST_NODE_TYPES.Identifier || current.name === "undefined") return false;
    const init = flows.singleValueOf(current);
    return init !== undefined && isFixedText(init, depth + 1);
  };
  /** A path parameter of the matched route, read from the handler's request as its framework declares them. */
  const isRouteParameter = (node: TSESTree.Node): boolean => flows.flowOf(node)?.routeParameter === true;
  return presence(value, 0);
}

/** Whether the request part `name` is the route's path parameters (`RequestInputs.routeParameters`). */
function routePart(inputs: RequestInputs, name: string): RouteStep {
  return inputs.routeParameters?.includes(name) ? "part" : undefined;
}

/**
 * `value` can be written twice (`id ? toSessionId(id) : undefined`) without doing anything twice:
 * names, member reads with static keys, and the request's header/query/cookie getters with literal
 * arguments. Not a call that consumes the body, an `await`, or a call of anything else.
 */
export function isRepeatableRead(value: TSESTree.Node): boolean {
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return isRepeatableRead(value.left) && isRepeatableRead(value.right);
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return isRepeatableRead(value.expression);
    case AST_NODE_TYPES.MemberExpression:
      return (!value.computed || value.property.type === AST_NODE_TYPES.Literal) && isRepeatableRead(value.object);
    case AST_NODE_TYPES.CallExpression: {
      const callee = value.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = memberName(callee);
      return (
        name !== undefined &&
        inputVocabulary().getters.has(name) &&
        !BODY_CONSUMING_GETTERS.has(name) &&
        value.arguments.every((argument) => argument.type === AST_NODE_TYPES.Literal) &&
        isRepeatableRead(callee.object)
      );
    }
    default:
      return false;
  }
}
