// `sessionStart()` stores the session id on the tracer instance; in a request handler or a Lambda
// handler that instance is shared by every concurrent request, so one request's session overwrites
// another's. `createSession()` keeps the id in the request's OpenTelemetry baggage instead.
import { describeHandler, sessionStartInHandler } from "../analysis/handlers.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { sessionStartFix } from "../analysis/fixes/session-start.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { createRule } from "./create-rule.js";
import { tracerLabel } from "./tracer-label.js";

export const RULE_NAME = "no-session-start-in-handler";

type MessageIds = "sessionStartInHandler";

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
        context.report({
          node: found.property,
          messageId: "sessionStartInHandler",
          data: {
            tracer: tracerLabel(context.sourceCode, found.call, found.tracer.name),
            handler: describeHandler(found.handler),
          },
          fix: ruleFixOf(input, [sessionStartFix(input, found)]),
        });
      },
    };
  },
});
