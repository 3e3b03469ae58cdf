// `sessionStart()` stores the session id on the tracer instance; in a request handler or a Lambda
// handler that instance is shared by every concurrent request, so one request's session overwrites
// another's. `createSession()` keeps the id in the request's OpenTelemetry baggage instead.
// honeyhive 1.x `startSession()` is worse: on a tracer that has a session (every tracer after init)
// it returns that session, so all requests land in one. It is reported without a fix (see
// analysis/fixes/session-start.ts).
import { describeHandler, sessionStartInHandler } from "../analysis/handlers.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { sessionStartFix } from "../analysis/fixes/session-start.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { createRule } from "./create-rule.js";
import { tracerLabel } from "./tracer-label.js";

export const RULE_NAME = "no-session-start-in-handler";

type MessageIds = "sessionStartInHandler" | "startSessionInHandler1x";

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
      startSessionInHandler1x:
        "`{{tracer}}.startSession()` in this {{handler}} returns the session `{{tracer}}` started at init (honeyhive 1.x), so every request lands in that one session. Start one per request: `npx honeyhive migrate --from 1` moves to honeyhive 2, where this becomes `{{tracer}}.createSession()`; in 1.x, init a tracer per request instead.",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    return {
      CallExpression(call) {
        const found = sessionStartInHandler(input, call);
        if (!found) return;
        const { fix } = sessionStartFix(input, found);
        context.report({
          node: found.property,
          // honeyhive 1.x has no request-scoped session to rename to: reported without a fix.
          messageId: fix ? "sessionStartInHandler" : "startSessionInHandler1x",
          data: {
            tracer: tracerLabel(context.sourceCode, found.call, found.tracer.name),
            handler: describeHandler(found.handler),
          },
          fix: fix ? ruleFixOf(input, [fix]) : null,
        });
      },
    };
  },
});
