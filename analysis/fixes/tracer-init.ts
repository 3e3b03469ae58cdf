// The fix of a tracer created per request, invocation, datapoint or item (rule
// `no-tracer-init-in-handler`, transform `hoist-tracer-init`): the seeds' lazy initialization.
//
//   const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, sessionName: event.name });
// becomes, at module level,
//   let tracer: HoneyHiveTracer | undefined;
//   function getTracer() {
//     return (tracer ??= HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY }));
//   }
// and in the handler
//   const tracer = getTracer();
//   tracer.createSession({ sessionName: event.name });
//
// Only when that keeps what the code does, otherwise a review marker:
// - the options the tracer keeps read nothing of the call (every name resolves to the module scope or
//   a global such as `process.env`); the session options of init (`sessionId`, `sessionName`,
//   `sessionInputs`, `sessionMetadata`, from the SDK profile) move to the request's `createSession()`,
//   which starts the session on the backend as init did (so no `skipApiCall`: init made that call too);
// - a `createSession()` is added so each request (invocation, item) keeps a session of its own, as its
//   own tracer gave it; not when the code already starts one on that tracer;
// - the tracer is a `const`/`let` written once, never shut down per call (shutting down the shared
//   tracer would stop it for every later request);
// - 1.x (`await HoneyHiveTracer.init`): the getter memoizes the promise and the call site keeps its
//   `await`. 1.x has no `createSession()` (its `startSession()` returns the tracer's one session), so a
//   1.x init whose options read the call gets a marker; `migrate --from 1` moves the file to this SDK.
// evaluate() already makes a tracer per datapoint and OpenTelemetry pipelines are wired by hand: both
// get a marker.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { contains, findProperty, indentationAt, memberName, moduleScopeOf, outsideChain, staticName } from "../ast.js";
import { getAnalysisContext } from "../context.js";
import { applyEdits, EditList, indentUnit, lineStart, newlineOf } from "../edits.js";
import { frameworkById } from "../knowledge/index.js";
import { isTypeScriptInput, type AnalysisInput } from "../input.js";
import { INIT_SESSION_OPTIONS } from "../knowledge/sdks/honeyhive.js";
import { freeName, removeListElements, statementListOf } from "../rewrite.js";
import { findUnvalidatedSessionIds, sessionIdSourceOf, type SessionIdSource } from "../session-id-flow.js";
import { findTracerInitsPerCall, type PerCallPlace, type TracerInitPerCall } from "../tracer-init.js";
import { fixFromEdits, type FindingFix, type ReviewMarker } from "./finding-fix.js";

/** Session methods: a call already starting a request-scoped session on the tracer needs no added `createSession()`. */
const SESSION_METHODS: ReadonlySet<string> = new Set(["createSession", "acreateSession", "withSession"]);

/**
 * Methods that keep the session on the instance (2.x's legacy `sessionStart()`): harmless on a tracer of
 * its own, shared state on the hoisted one, so that shape is left to a person.
 */
const INSTANCE_SESSION_METHODS: ReadonlySet<string> = new Set(["sessionStart"]);

const VARIABLE_NAMES = ["tracer", "honeyhiveTracer", "sharedTracer"];
const PROMISE_NAMES = ["tracerPromise", "honeyhiveTracerPromise"];
const GETTER_NAMES = ["getTracer", "getHoneyHiveTracer", "getSharedTracer"];

/**
 * How the messages word what a per-call creation makes, by its `api`: a HoneyHive tracer, or an OpenTelemetry
 * pipeline (`new NodeSDK().start()`: it makes no tracer of its own; a tracer is taken from it).
 */
export const CREATION_WORDS = {
  honeyhive: { creates: "creates a tracer", once: "create the tracer once" },
  opentelemetry: { creates: "builds an OpenTelemetry pipeline", once: "build the pipeline once" },
} as const satisfies Record<"honeyhive" | "opentelemetry", { readonly creates: string; readonly once: string }>;

/** The review markers of this fix; fixtures spell these texts exactly. */
export const TRACER_INIT_MARKERS = {
  evaluate: "evaluate() creates a tracer for each datapoint: remove this init and let trace()/enrichSpan() use the datapoint's tracer",
  opentelemetry: (display: string, place: string) => `build this OpenTelemetry pipeline (${display}) once at startup (${place}), not on every call`,
  readsCall: (unit: string) =>
    `create this tracer once outside the ${unit} code (a module-level lazy getTracer()) and start a session per ${unit} with createSession(): its options read values of the ${unit}`,
  readsCall1x: (unit: string) =>
    `create this tracer once outside the ${unit} code (a module-level lazy getter); honeyhive 1.x has no per-${unit} session on a shared tracer: migrate with \`npx honeyhive migrate --from 1\``,
  byHand: (unit: string) => `create this tracer once (a module-level lazy getTracer()) and start a session per ${unit} with createSession()`,
  /** Appended where the per-call object is shut down in the same function: a shared one must be flushed instead. */
  shutdown: (call: string, flush: string) => `; its per-call ${call} must become ${flush} (a shut-down pipeline exports nothing more)`,
  linkOrStart: (unit: string) =>
    `create this tracer once (a module-level lazy getTracer()); its sessionId is sometimes the caller's, sometimes made here: per ${unit}, link the caller's existing session with createSession({ sessionId, skipApiCall: true }) and start yours with createSession({ sessionId })`,
  helper: (helper: string, unit: string) =>
    `${helper}() creates a new tracer on every call and runs per ${unit}: cache it (\`return (tracer ??= …)\`) and start a session per ${unit} with createSession() where it is called`,
} as const;

export interface TracerInitFix {
  readonly finding: TracerInitPerCall;
  /** The hoist; undefined when a person must decide (then `marker` says what). */
  readonly fix: FindingFix | undefined;
  /**
   * What a person must decide; undefined with no fix either when the init's `sessionId` is client input
   * that `require-valid-session-id` marks: that id is validated first (its marker names this init), and a
   * later run hoists.
   */
  readonly marker: ReviewMarker | undefined;
  /** The getter the fix calls (for the suggestion's message). */
  readonly getter: string | undefined;
  /**
   * Where the init's `sessionId` comes from (undefined: it has none, or the init is not this SDK's):
   * a caller's id links an existing session (`skipApiCall: true`), one made here starts a new one.
   */
  readonly sessionIdSource: SessionIdSource | undefined;
}

/** What one run of work is, in messages and markers. */
export function unitOf(place: PerCallPlace): string {
  if (place.kind === "handler") return place.handler.kind === "lambda" ? "invocation" : "request";
  if (place.kind === "instance") return "request";
  return place.kind === "evaluate" ? "datapoint" : "item";
}

const NO_FIXES: readonly TracerInitFix[] = Object.freeze([]);

/** The fix of every finding of `findTracerInitsPerCall`, in its order; findings with the same init share one getter. */
export function tracerInitFixes(input: AnalysisInput): readonly TracerInitFix[] {
  const findings = findTracerInitsPerCall(input);
  if (findings.length === 0) return NO_FIXES;
  const getters = new Map<string, Getter>();
  const taken = new Set<string>();
  const unvalidated = new Set<TSESTree.Node>(findUnvalidatedSessionIds(input).map((found) => found.call));
  return findings.map((finding) => {
    const sessionIdSource = sessionIdSourceOfInit(input, finding);
    if (unvalidated.has(finding.creation)) return { finding, fix: undefined, marker: undefined, getter: undefined, sessionIdSource };
    return { ...fixOf(input, finding, sessionIdSource, getters, taken), sessionIdSource };
  });
}

/** The `sessionId` option of a 2.x init's options literal, and where its value comes from. */
function sessionIdSourceOfInit(input: AnalysisInput, finding: TracerInitPerCall): SessionIdSource | undefined {
  const options = finding.api === "honeyhive" && finding.major === 2 ? finding.creation.arguments[0] : undefined;
  const property = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, "sessionId") : undefined;
  return property && sessionIdSourceOf(input, property.value);
}

interface Getter {
  readonly name: string;
  /** The one insertion of the getter, shared (the same object) by every fix that calls it. */
  readonly insertion: EditList;
}

type FixOf = Omit<TracerInitFix, "sessionIdSource">;

function fixOf(input: AnalysisInput, finding: TracerInitPerCall, sessionIdSource: SessionIdSource | undefined, getters: Map<string, Getter>, taken: Set<string>): FixOf {
  const unit = unitOf(finding.place);
  const marked = (message: string): FixOf => ({ finding, fix: undefined, marker: { node: finding.creation, message }, getter: undefined });
  if (finding.place.kind === "evaluate") return marked(TRACER_INIT_MARKERS.evaluate);
  const shutdown = shutdownNote(input, finding);
  if (finding.api === "opentelemetry") return marked(TRACER_INIT_MARKERS.opentelemetry(finding.display, initPlaceOf(finding.place)) + shutdown);
  // Caching inside the helper changes every caller; adding their sessions is a change at each call site.
  if (finding.helper !== undefined) return marked(TRACER_INIT_MARKERS.helper(finding.helper, unit));
  const plan = hoistPlan(input, finding, sessionIdSource, taken);
  if (plan === "reads-call") return marked(finding.major === 1 ? TRACER_INIT_MARKERS.readsCall1x(unit) : TRACER_INIT_MARKERS.readsCall(unit));
  if (plan === "link-or-start") return marked(TRACER_INIT_MARKERS.linkOrStart(unit));
  // 1.x has no createSession(): its marker names `--from 1`, as the rule's message does.
  if (!plan) return marked(finding.major === 1 ? TRACER_INIT_MARKERS.readsCall1x(unit) : TRACER_INIT_MARKERS.byHand(unit) + shutdown);

  const { text } = input;
  const newline = newlineOf(text);
  let getter = getters.get(plan.hoistedText);
  if (!getter) {
    const variable = freeName(input, finding.major === 1 ? PROMISE_NAMES : VARIABLE_NAMES, finding.creation, taken);
    const name = variable && freeName(input, GETTER_NAMES, finding.creation, taken);
    if (!variable || !name) return marked(TRACER_INIT_MARKERS.byHand(unit));
    taken.add(variable);
    taken.add(name);
    const unitIndent = indentUnit(text);
    const type = plan.typeText === undefined ? "" : `: ${plan.typeText} | undefined`;
    const lines = [
      `let ${variable}${type};`,
      "",
      `function ${name}() {`,
      `${unitIndent}return (${variable} ??= ${plan.hoistedText});`,
      "}",
      "",
      "",
    ];
    const insertion = new EditList();
    insertion.insertAt(topLevelInsertionPoint(text, finding.creation), lines.join(newline));
    getter = { name, insertion };
    getters.set(plan.hoistedText, getter);
  }
  const edits = new EditList();
  edits.edits.push(...getter.insertion.edits);
  edits.replace(finding.creation, `${getter.name}()`);
  if (plan.sessionStatements.length > 0) {
    for (const name of plan.namesTaken) taken.add(name);
    // On lines of their own when the declaration has one, else after it on the same line.
    const startsLine = text.slice(lineStart(text, plan.statement.range[0]), plan.statement.range[0]).trim() === "";
    const separator = startsLine ? `${newline}${indentationAt(text, plan.statement.range[0])}` : " ";
    edits.insertAfter(plan.statement, plan.sessionStatements.map((line) => `${separator}${line}`).join(""));
  }
  return { finding, fix: fixFromEdits(edits), marker: undefined, getter: getter.name };
}

interface HoistPlan {
  /** The init as the getter writes it: only the options the tracer keeps, re-indented one level in. */
  readonly hoistedText: string;
  /** `HoneyHiveTracer | undefined`'s first half in a TypeScript file; undefined in JavaScript. */
  readonly typeText: string | undefined;
  readonly statement: TSESTree.VariableDeclaration;
  readonly localName: string;
  /** What goes after the declaration: the added `createSession(…)` (with a `const` it reads, for two branches); none when the code starts its own. */
  readonly sessionStatements: readonly string[];
  /** Names the statements declare (not to be taken again by another fix of the file). */
  readonly namesTaken: readonly string[];
}

/**
 * The hoist; `"reads-call"` when options read values of the call, `"link-or-start"` when the session id
 * is sometimes the caller's and the two branches do not fit, undefined when the shape is not one the fix knows.
 */
function hoistPlan(
  input: AnalysisInput,
  finding: TracerInitPerCall,
  sessionIdSource: SessionIdSource | undefined,
  taken: ReadonlySet<string>,
): HoistPlan | "reads-call" | "link-or-start" | undefined {
  const { creation, awaited, major, boundary } = finding;
  if (creation.type !== AST_NODE_TYPES.CallExpression || creation.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (memberName(creation.callee) !== "init" || creation.optional || creation.arguments.length > 1) return undefined;
  if (major === 1 && !awaited) return undefined;
  const value = awaited ?? outsideChain(creation);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const statement = declarator.parent;
  if (statement?.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1 || statement.kind === "var") return undefined;
  if (statementListOf(statement.parent) === undefined) return undefined;
  const local = input.scopeManager.getDeclaredVariables(declarator).find((variable) => variable.name === (declarator.id as TSESTree.Identifier).name);
  if (!local || !usedAsSharedTracer(local, declarator.id)) return undefined;
  // The class must be in scope at module level too: `const { HoneyHiveTracer } = await import("honeyhive")` in the
  // handler binds it there alone, and a getter above would name nothing (a person moves the import).
  if (!readsOnlyModuleScope(input, creation.callee, boundary)) return undefined;

  const options = creation.arguments[0];
  if (options?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  // 1.x keeps every option on the tracer; this SDK moves the session options to createSession().
  const sessionProperties: TSESTree.Property[] = [];
  const kept: TSESTree.Node[] = [];
  if (options?.type === AST_NODE_TYPES.ObjectExpression && major === 2) {
    for (const property of options.properties) {
      const key = property.type === AST_NODE_TYPES.Property && !property.computed ? staticName(property.key) : undefined;
      if (property.type === AST_NODE_TYPES.Property && key !== undefined && Object.hasOwn(INIT_SESSION_OPTIONS, key)) sessionProperties.push(property);
      else kept.push(property);
    }
  } else if (options) kept.push(options);
  if (kept.some((node) => !readsOnlyModuleScope(input, node, boundary))) return "reads-call";

  const { text } = input;
  const calleeText = text.slice(creation.callee.range[0], creation.callee.range[1]);
  let argumentText = "";
  if (options?.type === AST_NODE_TYPES.ObjectExpression && sessionProperties.length > 0) {
    if (kept.length > 0) {
      const removal = new EditList();
      removeListElements(removal, options.properties, new Set(sessionProperties.map((property) => options.properties.indexOf(property))));
      const shifted = removal.edits.map((edit) => ({ ...edit, start: edit.start - options.range[0], end: edit.end - options.range[0] }));
      argumentText = applyEdits(text.slice(options.range[0], options.range[1]), shifted);
    }
  } else if (options) argumentText = text.slice(options.range[0], options.range[1]);
  const hoistedText = reindent(`${calleeText}(${argumentText})`, indentationAt(text, statement.range[0]), indentUnit(text));

  const startsSession = usesMember(local, SESSION_METHODS);
  const startsInstanceSession = usesMember(local, INSTANCE_SESSION_METHODS);
  let session: SessionStatements = { statements: [], names: [] };
  if (major === 2) {
    if (startsInstanceSession) return undefined;
    // Moving session options next to a session call the code makes itself would start two sessions.
    if (startsSession && sessionProperties.length > 0) return undefined;
    if (!startsSession) {
      const planned = sessionStatementsOf(input, sessionProperties, sessionIdSource, local.name, statement, taken);
      if (planned === undefined) return "link-or-start";
      session = planned;
    }
  }
  return {
    hoistedText,
    typeText: typeTextOf(input, creation.callee, major),
    statement,
    localName: local.name,
    sessionStatements: session.statements,
    namesTaken: session.names,
  };
}

/** Where a tracer or pipeline built once goes for `place`'s handler: its framework's words, else its platform's, else module level. */
function initPlaceOf(place: PerCallPlace): string {
  const handler = place.kind === "handler" ? place.handler : undefined;
  const framework = handler?.framework === undefined ? undefined : frameworkById(handler.framework);
  return framework?.initPlace ?? (handler?.kind === "lambda" ? handler.platform.initPlace : undefined) ?? "module level";
}

/**
 * The marker's note when the per-call tracer or pipeline held by a `const`/`let` is shut down in the same function
 * (`await sdk.shutdown()`): kept once, it must be flushed there instead (`sdk.forceFlush()`); "" otherwise.
 */
function shutdownNote(input: AnalysisInput, finding: TracerInitPerCall): string {
  const holder = (finding.awaited ?? outsideChain(finding.creation)).parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return "";
  const variable = getAnalysisContext(input).bindings.variableOf(holder.id);
  const shutDown = variable?.references.some((reference) => {
    const member = reference.identifier.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && memberName(member) === "shutdown" && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
  });
  return shutDown ? TRACER_INIT_MARKERS.shutdown(`${holder.id.name}.shutdown()`, `${holder.id.name}.forceFlush()`) : "";
}

/**
 * What only a tracer of the call's own may do: shutting the shared tracer down stops it for every later
 * call, and its `sessionId` is the shared startup session, no longer this call's (createSession() returns that).
 */
const OWN_TRACER_MEMBERS: ReadonlySet<string> = new Set(["shutdown", "sessionId"]);

/** Written once (its declaration), never shut down, its session id not read: it may become the one shared tracer. */
function usedAsSharedTracer(local: Scope.Variable, id: TSESTree.Identifier): boolean {
  return local.references.every((reference) => !reference.isWrite() || reference.identifier === id) && !usesMember(local, OWN_TRACER_MEMBERS);
}

/** `variable.<one of names>` somewhere. */
function usesMember(variable: Scope.Variable, names: ReadonlySet<string>): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && names.has(memberName(parent) ?? "");
  });
}

/**
 * Every name `node` reads resolves to the module scope, a global (`process.env`) or a binding declared
 * inside `node` itself (a callback's parameter), and it reads no `this`: the value is the same at
 * module level, outside `boundary`.
 */
function readsOnlyModuleScope(input: AnalysisInput, node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  if (input.text.slice(node.range[0], node.range[1]).includes("this")) {
    // A cheap pre-check; `this` in a string is rare, and a false "reads the call" only costs a marker.
    return false;
  }
  const scopes = input.scopeManager.scopes.filter((scope) => contains(boundary, scope.block) || contains(scope.block, node));
  for (const scope of scopes) {
    for (const reference of scope.references) {
      if (!contains(node, reference.identifier)) continue;
      const variable = reference.resolved;
      if (!variable) continue; // a global
      if (variable.scope.type === "module" || variable.scope.type === "global") continue;
      const declaration = variable.defs[0]?.name;
      if (declaration && contains(node, declaration)) continue;
      return false;
    }
  }
  return true;
}

const INCOMING_NAMES = ["incomingSessionId", "callerSessionId", "linkedSessionId"];

interface SessionStatements {
  /** Lines after the declaration, each indented as the declaration plus its own prefix. */
  readonly statements: readonly string[];
  readonly names: readonly string[];
}

/**
 * The request's `createSession(…)` with init's session options renamed to its own: with
 * `skipApiCall: true` after a caller's `sessionId`, and as the seed's two branches (`if (…) { link }
 * else { start }`) for an id that is either; `a ?? b` goes through a `const` so `a` is read once.
 * Undefined when the id is either and the branches cannot be written readably: a person picks.
 */
function sessionStatementsOf(
  input: AnalysisInput,
  properties: readonly TSESTree.Property[],
  source: SessionIdSource | undefined,
  localName: string,
  statement: TSESTree.Node,
  taken: ReadonlySet<string>,
): SessionStatements | undefined {
  const { text } = input;
  const call = (options: string) => `${localName}.createSession(${options});`;
  /** The options, with the id (and whether it links) as given, the rest as init had them. */
  const optionsWith = (idText: string | undefined, links: boolean): string => {
    const parts = properties.flatMap((property) => {
      const key = staticName(property.key) as keyof typeof INIT_SESSION_OPTIONS;
      if (key !== "sessionId") return [optionText(text, property)];
      const id = idText === undefined ? optionText(text, property) : `sessionId: ${idText}`;
      return links ? [id, "skipApiCall: true"] : [id];
    });
    return parts.length === 0 ? "" : `{ ${parts.join(", ")} }`;
  };
  if (source !== "mixed") return { statements: [call(optionsWith(undefined, source === "request"))], names: [] };

  // Two branches need lines of their own, and option texts of one line each.
  const startsLine = text.slice(lineStart(text, statement.range[0]), statement.range[0]).trim() === "";
  if (!startsLine || properties.some((property) => optionText(text, property).includes("\n"))) return undefined;
  const unit = indentUnit(text);
  const branches = (test: string, linked: string, started: string) => [
    `if (${test}) {`,
    `${unit}${call(optionsWith(linked, true))}`,
    "} else {",
    `${unit}${call(optionsWith(started, false))}`,
    "}",
  ];
  const value = properties.find((property) => staticName(property.key) === "sessionId")?.value;
  const sourceOf = (node: TSESTree.Node) => sessionIdSourceOf(input, node);
  if (value?.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = sourceOf(value.consequent);
    const alternate = sourceOf(value.alternate);
    const [consequentText, alternateText] = [operandText(text, value.consequent), operandText(text, value.alternate)];
    const testText = text.slice(value.test.range[0], value.test.range[1]);
    if (consequent === "request" && alternate === "local") return { statements: branches(testText, consequentText, alternateText), names: [] };
    if (consequent === "local" && alternate === "request") return { statements: branches(negated(text, value.test), alternateText, consequentText), names: [] };
    return undefined;
  }
  if (value?.type !== AST_NODE_TYPES.LogicalExpression || value.operator === "&&" || sourceOf(value.left) !== "request" || sourceOf(value.right) !== "local") return undefined;
  const name = freeName(input, INCOMING_NAMES, statement, taken);
  if (name === undefined) return undefined;
  // `??` falls back only for null and undefined, `||` for every falsy value: the test says the same.
  const test = value.operator === "??" ? `${name} != null` : name;
  return { statements: [`const ${name} = ${operandText(text, value.left)};`, ...branches(test, name, operandText(text, value.right))], names: [name] };
}

/** The opposite test, for an `if`: `!x` → `x` (the same truthiness), `!a.b`, `!f()`, else `!(…)`. */
function negated(text: string, test: TSESTree.Node): string {
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === "!") return text.slice(test.argument.range[0], test.argument.range[1]);
  const testText = text.slice(test.range[0], test.range[1]);
  const plain = test.type === AST_NODE_TYPES.Identifier || test.type === AST_NODE_TYPES.MemberExpression || test.type === AST_NODE_TYPES.CallExpression;
  return plain ? `!${testText}` : `!(${testText})`;
}

/** One of init's session options as createSession() names it (`sessionInputs: x` → `inputs: x`). */
function optionText(text: string, property: TSESTree.Property): string {
  const key = staticName(property.key) as keyof typeof INIT_SESSION_OPTIONS;
  const target = INIT_SESSION_OPTIONS[key];
  const valueText = text.slice(property.value.range[0], property.value.range[1]);
  return property.shorthand && target === key ? key : `${target}: ${valueText}`;
}

/** Types whose text needs parentheses as a conditional's test, a property's value or an initializer. */
const LOW_PRECEDENCE: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.YieldExpression,
]);

/** The source text of `node`, parenthesized where a conditional's operand needs it (a node's range excludes its parentheses). */
function operandText(text: string, node: TSESTree.Node): string {
  const own = text.slice(node.range[0], node.range[1]);
  return LOW_PRECEDENCE.has(node.type) ? `(${own})` : own;
}

/**
 * The type of the module-level variable in a TypeScript file: the class through its ES import
 * (`HoneyHiveTracer`, `hh.HoneyHiveTracer`), else `ReturnType<typeof …init>`; 1.x memoizes the promise.
 */
function typeTextOf(input: AnalysisInput, callee: TSESTree.MemberExpression, major: 1 | 2): string | undefined {
  if (!isTypeScriptInput(input) || input.filename.endsWith(".d.ts")) return undefined;
  const { text } = input;
  const classNode = callee.object;
  let root: TSESTree.Node = classNode;
  if (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = root.object;
  const variable = root.type === AST_NODE_TYPES.Identifier ? findModuleVariable(input, root.name) : undefined;
  const imported = variable?.defs.some(
    (def) => def.type === "ImportBinding" && def.node.type !== AST_NODE_TYPES.TSImportEqualsDeclaration && def.node.parent?.type === AST_NODE_TYPES.ImportDeclaration && def.node.parent.importKind !== "type",
  );
  const classText = text.slice(classNode.range[0], classNode.range[1]);
  if (!imported) return `ReturnType<typeof ${text.slice(callee.range[0], callee.range[1])}>`;
  return major === 1 ? `Promise<${classText}>` : classText;
}

function findModuleVariable(input: AnalysisInput, name: string): Scope.Variable | undefined {
  return moduleScopeOf(input.scopeManager)?.set.get(name);
}

/** Moves lines 2… of `text` from the statement's indentation to one unit in (the getter's body). */
function reindent(text: string, from: string, unit: string): string {
  const lines = text.split("\n");
  return lines.map((line, index) => (index > 0 && line.startsWith(from) ? unit + line.slice(from.length) : line)).join("\n");
}

/** Line start of the program statement holding `node`, above the comment lines that lead it. */
function topLevelInsertionPoint(text: string, node: TSESTree.Node): number {
  let statement: TSESTree.Node = node;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.Program) statement = statement.parent;
  // Decorators written before `export` (`@Injectable() export class …`) lie outside the export's range.
  const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
  const decorators = declaration && "decorators" in declaration ? declaration.decorators : undefined;
  let start = lineStart(text, Math.min(statement.range[0], ...(decorators ?? []).map((decorator: TSESTree.Decorator) => decorator.range[0])));
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start).trim();
    if (!(line.startsWith("//") || line.startsWith("/*") || line.startsWith("*"))) break;
    start = previous;
  }
  return start;
}
