// `createSession()` attaches the request's session to the current async execution only. Where a hook
// or middleware creates it in an execution that does not go on to the handler, the handler's spans
// land in the tracer's startup session, shared by every such request: the seeds' "traces mixed up
// between requests". Four shapes are proven at run time and reported (analysis/lost-session.ts): after
// an `await` in a hook the framework awaits before the handler (Fastify), after an awaited `next()` that
// runs the handler (Koa, Hono), in a callback that runs later while `next()` is called outside it, and in
// route-level middleware while another route of the same app traces without a session. The first two
// have a suggestion (move the call first) where moving cannot change what it records, the others need a
// person (the codemod leaves a marker). A helper of the file that creates the session is reported
// where the hook or middleware calls it.
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { lostSessionFix } from "../analysis/fixes/lost-session.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { relevanceOf } from "../analysis/relevance.js";
import { findLostSessions, type SessionInRouteMiddleware } from "../analysis/lost-session.js";
import { createRule } from "./create-rule.js";
import { tracerLabel } from "./tracer-label.js";

export const RULE_NAME = "no-lost-session-context";

type MessageIds = "afterAwaitInHook" | "afterAwaitedNext" | "inDeferredCallback" | "inRouteMiddleware" | "moveBeforeFirstAwait" | "moveBeforeNext";

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
        "`{{tracer}}.{{method}}()`{{via}} runs after an `await` in this {{framework}} `{{hook}}` hook: {{framework}} runs the handler from its own continuation of the hook's promise, so the handler's spans land in the tracer's startup session, shared by every request. Create the session before the hook's first `await`.",
      afterAwaitedNext:
        "`{{tracer}}.{{method}}()`{{via}} runs after `await {{next}}()` in this {{framework}} middleware: {{framework}} runs the downstream middleware and the handler inside `{{next}}()`, so the handler's spans were made before this session existed and land in the tracer's startup (or an earlier) session. Create the session before `await {{next}}()`.",
      inDeferredCallback:
        "`{{tracer}}.{{method}}()`{{via}} runs in a `{{deferredBy}}` callback while `{{next}}()` is called outside it: the session stays in that callback and the handler's spans land in the tracer's startup session, shared by every request. Call `{{next}}()` inside the callback, after the session is created.",
      inRouteMiddleware:
        "`{{tracer}}.{{method}}()`{{via}} runs in middleware registered for `{{route}}` only, while `{{otherRoute}}` of the same `{{object}}` traces without a session: its requests share the tracer's startup session. Register the middleware {{register}}, or give the other routes a session of their own (`withSession(…, () => next())`).",
      moveBeforeFirstAwait: "Create the session before the hook's first `await`",
      moveBeforeNext: "Create the session before `await {{next}}()`",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // Nothing to report in a file that does not use the SDK (analysis/relevance.ts).
    if (!relevanceOf(input).sdk) return {};
    const findings = findLostSessions(input);
    if (findings.length === 0) return {};
    return {
      "Program:exit"() {
        for (const found of findings) {
          const tracer = tracerLabel(context.sourceCode, found.session, found.tracer.name);
          const via = found.helper === undefined ? "" : ` (in \`${found.helper}()\`, called here)`;
          if (found.shape === "afterAwaitInHook") {
            const { fix } = lostSessionFix(input, found);
            context.report({
              node: found.call,
              messageId: "afterAwaitInHook",
              data: { tracer, method: found.method, via, framework: found.framework.name, hook: found.hook },
              suggest: fix ? [{ messageId: "moveBeforeFirstAwait", fix: ruleFixOf(input, [fix]) }] : [],
            });
          } else if (found.shape === "afterAwaitedNext") {
            const { fix } = lostSessionFix(input, found);
            context.report({
              node: found.call,
              messageId: "afterAwaitedNext",
              data: { tracer, method: found.method, via, framework: found.framework.name, next: found.next },
              suggest: fix ? [{ messageId: "moveBeforeNext", data: { next: found.next }, fix: ruleFixOf(input, [fix]) }] : [],
            });
          } else if (found.shape === "inDeferredCallback") {
            context.report({
              node: found.call,
              messageId: "inDeferredCallback",
              data: { tracer, method: found.method, via, deferredBy: found.deferredBy, next: found.next },
            });
          } else {
            context.report({
              node: found.call,
              messageId: "inRouteMiddleware",
              data: { tracer, method: found.method, via, route: found.route, otherRoute: found.otherRoute, object: found.object, register: registerAdvice(found) },
            });
          }
        }
      },
    };
  },
});

/** Where to register the session middleware: before the routes when a `use` that gives one already comes after them (registration order decides). */
function registerAdvice(found: SessionInRouteMiddleware): string {
  return found.sessionMiddlewareAfterRoutes
    ? `before the routes (\`${found.object}.use(…)\` registered after \`${found.otherRoute}\` does not run for it)`
    : `for every route (\`${found.object}.use(…)\`)`;
}
