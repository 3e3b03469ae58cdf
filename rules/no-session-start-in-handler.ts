// `sessionStart()` stores the session id on the tracer instance; in a request handler or a Lambda
// handler that instance is shared by every concurrent request, so one request's session overwrites
// another's. `createSession()` keeps the id in the request's OpenTelemetry baggage instead.
import { describeHandler, sessionStartInHandler } from "../analysis/handlers.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { sessionStartFix } from "../analysis/fixes/session-start.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "no-session-start-in-handler";

type MessageIds = "sessionStartInHandler";

/** Longer receivers (`this.deps.tracing.tracer`) are shortened to the tracer's name in messages. */
const MAX_RECEIVER_LENGTH = 40;

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
        "`{{tracer}}.sessionStart()` in this {{handler}} stores the session on the shared tracer, so concurrent requests overwrite each other's session. Use `{{tracer}}.createSession()`, which keeps it in this request's context.",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    return {
      CallExpression(call) {
        const found = sessionStartInHandler(input, call);
        if (!found) return;
        const callee = found.call.callee;
        const receiver = callee.type === "MemberExpression" ? context.sourceCode.getText(callee.object) : found.tracer.name;
        context.report({
          node: found.property,
          messageId: "sessionStartInHandler",
          data: {
            tracer: receiver.length <= MAX_RECEIVER_LENGTH && !receiver.includes("\n") ? receiver : found.tracer.name,
            handler: describeHandler(found.handler),
          },
          fix: ruleFixOf(input, [sessionStartFix(input, found)]),
        });
      },
    };
  },
});
