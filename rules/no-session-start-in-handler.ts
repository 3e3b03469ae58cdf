// `sessionStart()` stores the session id on the tracer instance; in a request handler or a Lambda
// handler that instance is shared by every concurrent request, so one request's session overwrites
// another's. `createSession()` keeps the id in the request's OpenTelemetry baggage instead.
// honeyhive 1.x `startSession()` is worse: on a tracer that has a session (every tracer after init)
// it returns that session, so all requests land in one. It is reported without a fix (see
// analysis/fixes/session-start.ts). So is 1.x's `tracer.sessionId = id` on the shared tracer (a setter
// since 1.0.20): per request it switches every in-flight request to the last one's session.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

type RuleListener = TSESLint.RuleListener;
import { AttachedCache } from "../analysis/attached-cache.js";
import { enclosingFunction, findVariable, invokedCallee, moduleOfDeclarator, staticName } from "../analysis/ast.js";
import { mayHoldEntry } from "../analysis/entry-gate.js";
import { builtHandlerModel, describeHandler, getHandlerModel, runsConcurrently, sessionAssignmentInHandler, sessionStartInHandler, unitOfWork, type Handler } from "../analysis/handlers.js";
import type { AnalysisInput } from "../analysis/input.js";
import { importedFact } from "../analysis/project-modules.js";
import { importedReturnsFunction } from "../analysis/imported-wrappers.js";
import { getAnalysisContext } from "../analysis/context.js";
import { nodesOfType } from "../analysis/nodes.js";
import { getSdkModel, isSharedSessionField, isSharedSessionStartMember } from "../analysis/sdk-model.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { sessionStartFix } from "../analysis/fixes/session-start.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { relevanceOf } from "../analysis/relevance.js";
import { createRule } from "./create-rule.js";
import { tracerLabel } from "./tracer-label.js";

export const RULE_NAME = "no-session-start-in-handler";

type MessageIds =
  | "sessionStartInHandler"
  | "startSessionInHandler1x"
  | "sessionStartInCalledHelper"
  | "startSessionInCalledHelper1x"
  | "sessionIdAssignedInHandler1x"
  | "sessionStartInImportedHelper"
  | "sessionStartInImportedHelper1x"
  | "sessionStartInImportedWrapper";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `sessionStart()` inside request handlers, middleware and Lambda handlers",
      recommended: true,
    },
    fixable: "code",
    schema: [],
    messages: {
      sessionStartInHandler:
        "`{{tracer}}.sessionStart()` in this {{handler}} stores the session on the shared tracer, so concurrent {{unit}}s overwrite each other's session. Use `{{tracer}}.createSession()`, which keeps it in this {{unit}}'s context.",
      startSessionInHandler1x:
        "`{{tracer}}.startSession()` in this {{handler}} returns the session `{{tracer}}` started at init (honeyhive 1.x), so every {{unit}} lands in that one session. Start one per {{unit}}: `npx honeyhive migrate --from 1` moves to honeyhive 2, where this becomes `{{tracer}}.createSession()`; in 1.x, init a tracer per {{unit}} instead.",
      sessionStartInCalledHelper:
        "`{{tracer}}.sessionStart()` runs in the {{handler}} at line {{line}}, which calls `{{via}}`: it stores the session on the shared tracer, so concurrent {{unit}}s overwrite each other's session. Use `{{tracer}}.createSession()`, which keeps it in the {{unit}}'s context.",
      startSessionInCalledHelper1x:
        "`{{tracer}}.startSession()` runs in the {{handler}} at line {{line}}, which calls `{{via}}`: it returns the session `{{tracer}}` started at init (honeyhive 1.x), so every {{unit}} lands in that one session. Start one per {{unit}}: `npx honeyhive migrate --from 1` moves to honeyhive 2, where this becomes `{{tracer}}.createSession()`; in 1.x, init a tracer per {{unit}} instead.",
      sessionIdAssignedInHandler1x:
        "Assigning `{{tracer}}.{{property}}` in this {{handler}} switches the session of the shared tracer `{{tracer}}` (honeyhive 1.x) for every {{unit}} in flight, so concurrent {{unit}}s overwrite each other's session and enrich the wrong one. Join the session per {{unit}}: `npx honeyhive migrate --from 1` moves to honeyhive 2, where this is `{{tracer}}.createSession({ sessionId, skipApiCall: true })`; in 1.x, init a tracer per {{unit}} with `HoneyHiveTracer.initFromSessionId()` instead.",
      sessionStartInImportedHelper:
        "`{{helper}}()` starts a session on the shared tracer `{{tracer}}` (`{{tracer}}.{{method}}()` at {{location}}) and is called in this {{handler}}, so concurrent {{unit}}s overwrite each other's session. Make the helper start a {{unit}}-scoped session (`{{tracer}}.createSession()`).",
      sessionStartInImportedWrapper:
        "`{{helper}}()` returns the function that runs this {{handler}}, and it calls `{{tracer}}.{{method}}()` ({{location}}) on the shared tracer `{{tracer}}`, so concurrent {{unit}}s overwrite each other's session. Make the wrapper start a {{unit}}-scoped session (`{{tracer}}.createSession()`).",
      sessionStartInImportedHelper1x:
        "`{{helper}}()` calls `{{tracer}}.{{method}}()` on the shared tracer `{{tracer}}` ({{location}}, honeyhive 1.x) and is called in this {{handler}}: 1.x returns the session `{{tracer}}` started at init, so every {{unit}} lands in that one session. Start one per {{unit}}: `npx honeyhive migrate --from 1` moves to honeyhive 2, where the helper can call `{{tracer}}.createSession()`; in 1.x, init a tracer per {{unit}} instead.",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // Without the SDK only an imported helper's finding is possible, and only where an imported binding
    // is called inside a function (read off the imports' references, analysis/relevance.ts): most files
    // stop here, before the entry gate.
    const relevance = relevanceOf(input);
    if (!relevance.importedCall) return {};
    // Then two questions, both needed: does the file have a call either finding starts from (found once
    // here: the listener then only looks the call up, and a file without one needs no listener, as every
    // call would pay ESLint's dispatch), and can it hold a handler at all (its imports, exports and path
    // against the descriptors, analysis/entry-gate.ts)? In a file that uses the SDK the calls come first:
    // the SDK model has indexed its nodes already, and this rule, the first to ask the gate, then leaves
    // the files without a candidate to the flush rule's invocation gate alone. Elsewhere the gate comes
    // first: it reads the top level and the text, where the calls would cost a walk of the whole file.
    const callsFirst = relevance.sdk;
    if (!callsFirst && !mayHoldEntry(input, "handler")) return {};
    const candidates = candidateCalls(input);
    const assignments = candidateAssignments(input);
    if (candidates === undefined && assignments === undefined) return {};
    if (callsFirst && !mayHoldEntry(input, "handler")) return {};
    const listeners: RuleListener = {};
    if (assignments !== undefined) {
      listeners.AssignmentExpression = (assignment) => {
        if (!assignments.has(assignment)) return;
        const found = sessionAssignmentInHandler(input, assignment);
        if (!found) return;
        // No mechanical fix: 1.x joins a session per request only with a tracer made per request.
        context.report({
          node: found.property,
          messageId: "sessionIdAssignedInHandler1x",
          data: {
            tracer: tracerLabel(context.sourceCode, found.assignment, found.tracer.name),
            property: context.sourceCode.getText(found.property),
            handler: describeHandler(found.handler),
            unit: unitOfWork(found.handler),
          },
        });
      };
    }
    if (candidates === undefined) return listeners;
    return {
      ...listeners,
      CallExpression(call) {
        const candidate = candidates.get(call);
        if (candidate === undefined) return;
        if (candidate === "wrapper") {
          const wrapper = importedWrapperSessionStartAround(input, call as HelperCall);
          if (!wrapper) return;
          const { fact, tracer, handler } = wrapper;
          const location = `${fact.from.displayPath}:${fact.sessionStart.line}`;
          const data = { helper: call.callee.type === AST_NODE_TYPES.Identifier ? call.callee.name : "", tracer, method: fact.sessionStart.method, location, handler: describeHandler(handler), unit: unitOfWork(handler) };
          context.report({ node: call.callee, messageId: "sessionStartInImportedWrapper", data });
          return;
        }
        if (candidate === "helper") {
          const helper = importedSessionHelperInHandler(input, call as HelperCall);
          if (!helper) return;
          const { name, fact, handler } = helper;
          const location = `${fact.from.displayPath}:${fact.line}`;
          const data = { helper: name, tracer: fact.tracer, method: fact.method, location, handler: describeHandler(handler), unit: unitOfWork(handler) };
          // The helper's module speaks its own major: 1.x has no createSession() to suggest.
          context.report({ node: call.callee, messageId: fact.major === 1 ? "sessionStartInImportedHelper1x" : "sessionStartInImportedHelper", data });
          return;
        }
        const found = sessionStartInHandler(input, call);
        if (!found) return;
        const { fix } = sessionStartFix(input, found);
        const data = {
          tracer: tracerLabel(context.sourceCode, found.call, found.tracer.name),
          handler: describeHandler(found.handler),
          unit: unitOfWork(found.handler),
        };
        // Written in a function or method the handler calls (one level): the message names that call.
        const via = found.via && { via: `${context.sourceCode.getText(found.via.callee)}()`, line: String(found.via.loc.start.line) };
        context.report({
          node: found.property,
          // honeyhive 1.x has no request-scoped session to rename to: reported without a fix.
          messageId: via ? (fix ? "sessionStartInCalledHelper" : "startSessionInCalledHelper1x") : fix ? "sessionStartInHandler" : "startSessionInHandler1x",
          data: via ? { ...data, ...via } : data,
          fix: fix ? ruleFixOf(input, [fix]) : null,
        });
      },
    };
  },
});

/** Assignments to a tracer-session field (`x.sessionId = …`), without the models; undefined when there is none. */
function candidateAssignments(input: AnalysisInput): Set<TSESTree.AssignmentExpression> | undefined {
  let found: Set<TSESTree.AssignmentExpression> | undefined;
  for (const assignment of nodesOfType(input.ast, AST_NODE_TYPES.AssignmentExpression)) {
    const target = assignment.left;
    if (target.type === AST_NODE_TYPES.MemberExpression && isSharedSessionField(staticName(target.property, target.computed))) (found ??= new Set()).add(assignment);
  }
  return found;
}

/** A plain call of an imported name inside a function: where an imported helper's finding starts. */
type HelperCall = TSESTree.CallExpression & { readonly callee: TSESTree.Identifier };

/**
 * The calls either finding starts from, without the models: a plain call of an imported name inside a
 * function (an imported helper: a handler is a function, so a call at module level such as `const
 * tracer = getTracer()` is in none), or a call of a `sessionStart`-like member. Undefined when there is none.
 */
function candidateCalls(input: AnalysisInput): Map<TSESTree.CallExpression, "helper" | "member" | "wrapper"> | undefined {
  let candidates: Map<TSESTree.CallExpression, "helper" | "member" | "wrapper"> | undefined;
  let imported: ReadonlySet<string> | undefined;
  for (const call of nodesOfType(input.ast, AST_NODE_TYPES.CallExpression)) {
    const { callee } = call;
    let kind: "helper" | "member" | "wrapper" | undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const invoked = invokedCallee(call);
      if (invoked?.type === AST_NODE_TYPES.MemberExpression && isSharedSessionStartMember(staticName(invoked.property, invoked.computed))) kind = "member";
    } else if (callee.type === AST_NODE_TYPES.Identifier && (imported ??= importedNamesOf(input)).has(callee.name)) {
      // Handed to another call with arguments of its own (`app.post("/x", withSession(handler))`): a wrapper
      // whose returned function may run the handler; else, inside a function, a helper it calls.
      const parent = call.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(call) && call.arguments.length > 0) kind = "wrapper";
      else if (enclosingFunction(call) !== undefined) kind = "helper";
    }
    if (kind !== undefined) (candidates ??= new Map()).set(call, kind);
  }
  return candidates;
}

/**
 * `openChatSession(req)` in a handler, where the project module it is imported from (one module deep,
 * analysis/project-modules.ts) calls `sessionStart()` / 1.x `startSession()` on its shared tracer.
 * The call is a candidate (`candidateCalls`); the imported module's facts are read once per module and
 * parsed only when its text could hold one, and only then is the handler model of this file asked.
 */
function importedSessionHelperInHandler(input: AnalysisInput, call: HelperCall) {
  const name = call.callee.name;
  // Where another rule already built the handler model (every file that uses the SDK), asking it is a
  // walk up the parents, while the module costs a resolution (listings, a realpath): it goes first.
  const built = builtHandlerModel(input);
  if (built && !built.enclosingHandler(call)) return undefined;
  const variable = findVariable(input.scopeManager, call, name);
  // Otherwise the imported module's fact first: it is cached per module and costs a file read for a
  // module that never mentions a session start, while the handler model costs a walk of this file.
  const fact = variable && importedFact(input, variable, "sessionHelper");
  const handler: Handler | undefined = fact ? (built ?? getHandlerModel(input)).enclosingHandler(call) : undefined;
  return fact && handler && runsConcurrently(handler) ? { name, fact, handler } : undefined;
}

/**
 * `withSession(handler)` handed to a registration, where the project module `withSession` comes from says the
 * function it returns calls `sessionStart()` on the module's shared tracer, or on the tracer the call passes
 * at a parameter (`withSession(tracer, handler)`: a module-level tracer of this file), and calls the wrapped
 * function, which this file registers as a handler that runs concurrently (analysis/export-facts.ts
 * `returnsFunction`, read by analysis/imported-wrappers.ts). A wrapper with no function argument
 * (`app.use(sessionMiddleware(tracer))`) registers nothing this file can see: not reported (documented).
 */
function importedWrapperSessionStartAround(input: AnalysisInput, call: HelperCall) {
  const { bindings } = getAnalysisContext(input);
  const found = importedReturnsFunction(input, bindings, call);
  const start = found?.sessionStart;
  if (!found || !start || start.major !== 2) return undefined;
  let tracer = start.tracer;
  if (start.parameter !== undefined) {
    const argument = call.arguments[start.parameter];
    const passed = argument && getSdkModel(input).tracerOf(argument);
    if (!argument || !passed?.moduleLevel) return undefined;
    tracer = input.text.slice(...argument.range);
  }
  const model = builtHandlerModel(input) ?? getHandlerModel(input);
  for (const index of found.calls) {
    for (const fn of bindings.functionsOf(call.arguments[index])) {
      const handler = model.handlerOf(fn);
      if (handler && runsConcurrently(handler)) return { fact: { ...found, sessionStart: start }, tracer, handler };
    }
  }
  return undefined;
}

const importedNames = new AttachedCache<TSESTree.Program, ReadonlySet<string>>("honeyhive.importedNames");

/**
 * Local names of the file's value imports (`import { a as b }`, default imports) and of its top-level
 * CommonJS bindings (`const { a } = require("./m")`, `const a = require("./m").a`: project-modules'
 * `importOrigin` resolves both to the module's export).
 */
function importedNamesOf(input: AnalysisInput): ReadonlySet<string> {
  const { ast } = input;
  let names = importedNames.get(ast);
  if (!names) {
    const found = new Set<string>();
    for (const statement of ast.body) {
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          if (moduleOfDeclarator(declarator) === undefined) continue;
          for (const variable of input.scopeManager.getDeclaredVariables(declarator)) found.add(variable.name);
        }
        continue;
      }
      if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
      for (const specifier of statement.specifiers) if (specifier.type !== "ImportNamespaceSpecifier") found.add(specifier.local.name);
    }
    names = found;
    importedNames.set(ast, names);
  }
  return names;
}
