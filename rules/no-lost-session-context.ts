// `createSession()` attaches the request's session to the current async execution only. Where a hook
// or middleware creates it in an execution that does not go on to the handler, the handler's spans
// land in the tracer's startup session, shared by every such request: the seeds' "traces mixed up
// between requests". Two shapes are proven at run time and reported (analysis/lost-session.ts): after
// an `await` in a hook the framework awaits before the handler (Fastify), and in a callback that runs
// later while `next()` is called outside it. The first has a suggestion (move the call first), the
// second needs a person (the codemod leaves a marker).
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { lostSessionFix } from "../analysis/fixes/lost-session.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { findLostSessions } from "../analysis/lost-session.js";
import { createRule } from "./create-rule.js";
import { tracerLabel } from "./tracer-label.js";

export const RULE_NAME = "no-lost-session-context";

type MessageIds = "afterAwaitInHook" | "inDeferredCallback" | "moveBeforeFirstAwait";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow creating a request's session where it cannot reach the handler's spans",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      afterAwaitInHook:
        "`{{tracer}}.{{method}}()` runs after an `await` in this {{framework}} `{{hook}}` hook: {{framework}} runs the handler from its own continuation of the hook's promise, so the handler's spans land in the tracer's startup session, shared by every request. Create the session before the hook's first `await`.",
      inDeferredCallback:
        "`{{tracer}}.{{method}}()` runs in a `{{deferredBy}}` callback while `{{next}}()` is called outside it: the session stays in that callback and the handler's spans land in the tracer's startup session, shared by every request. Call `{{next}}()` inside the callback, after the session is created.",
      moveBeforeFirstAwait: "Create the session before the hook's first `await`",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    const findings = findLostSessions(input);
    if (findings.length === 0) return {};
    return {
      "Program:exit"() {
        for (const found of findings) {
          const tracer = tracerLabel(context.sourceCode, found.call, found.tracer.name);
          const { fix } = lostSessionFix(input, found);
          const suggest = fix ? [{ messageId: "moveBeforeFirstAwait" as const, fix: ruleFixOf(input, [fix]) }] : [];
          if (found.shape === "afterAwaitInHook") {
            context.report({
              node: found.call,
              messageId: "afterAwaitInHook",
              data: { tracer, method: found.method, framework: found.framework.name, hook: found.hook },
              suggest,
            });
          } else {
            context.report({
              node: found.call,
              messageId: "inDeferredCallback",
              data: { tracer, method: found.method, deferredBy: found.deferredBy, next: found.next },
            });
          }
        }
      },
    };
  },
});
