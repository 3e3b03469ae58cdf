// A tracer created per request, invocation, datapoint or item: `HoneyHiveTracer.init()` (and the 1.x
// forms, and an OpenTelemetry provider / NodeSDK made global) inside a request handler or middleware,
// a serverless entry point, the function evaluate() runs, or a loop body. Each run pays the init and
// gets its own provider, exporter and background work. The seeds: initialize once at startup, lazy-init
// outside a serverless handler and reuse it on warm starts, start a session (not a tracer) per unit of
// work, and let evaluate() make the tracer per datapoint. The suggestion (not an autofix: it changes
// where the tracer lives) is the fix the codemod `hoist-tracer-init` applies.
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { CREATION_WORDS, tracerInitFixes, type TracerInitFix } from "../analysis/fixes/tracer-init.js";
import { describeHandler, describePerRequestClass, unitOfWork } from "../analysis/handlers.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { mayNameOtelPackage, relevanceOf } from "../analysis/relevance.js";
import { importedTracerInitsInHandlers, type TracerInitPerCall } from "../analysis/tracer-init.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "no-tracer-init-in-handler";

const NO_FIXES: readonly TracerInitFix[] = Object.freeze([]);
const NO_IMPORTED: ReturnType<typeof importedTracerInitsInHandlers> = Object.freeze([]);

type MessageIds = "perRequest" | "perInvocation" | "perDatapoint" | "perItem" | "hoistToGetter" | "importedPerCall";

/**
 * What to do per unit of work instead, in the file's API; for init's `sessionId`, the seed's table:
 * the caller's id links the session that exists, an id made here starts one.
 */
function sessionAdvice({ finding, sessionIdSource }: TracerInitFix, unit: string): string {
  if (finding.api === "opentelemetry") return "";
  if (finding.major === 1) return ` (honeyhive 1.x cannot start a session per ${unit} on a shared tracer: \`npx honeyhive migrate --from 1\` moves to createSession())`;
  if (sessionIdSource === "request") return `, and per ${unit} link the caller's existing session with \`createSession({ sessionId, skipApiCall: true })\``;
  if (sessionIdSource === "mixed") {
    return `, and per ${unit} link the caller's existing session (\`createSession({ sessionId, skipApiCall: true })\`) or start a new one (\`createSession({ sessionId })\`)`;
  }
  return `, and call \`createSession()\` per ${unit}`;
}

/** The creation as the loop message names it: through the helper the loop calls, if any. */
function via(finding: TracerInitPerCall, creation: string): string {
  return finding.helper === undefined ? creation : `${creation}\` in \`${finding.helper}()`;
}

function messageOf(entry: TracerInitFix): { messageId: Exclude<MessageIds, "hoistToGetter">; data: Record<string, string> } {
  const { finding } = entry;
  const { place } = finding;
  const creation = finding.display;
  if (place.kind === "evaluate") return { messageId: "perDatapoint", data: { creation } };
  if (place.kind === "loop") return { messageId: "perItem", data: { creation: via(finding, creation), session: sessionAdvice(entry, "item") } };
  if (place.kind === "instance") return { messageId: "perRequest", data: { creation, unit: "request", handler: describePerRequestClass(place.perRequest), session: sessionAdvice(entry, "request") } };
  const handler = describeHandler(place.handler) + (finding.helper === undefined ? "" : ` (through \`${finding.helper}()\`)`);
  if (place.handler.kind === "lambda") return { messageId: "perInvocation", data: { creation, handler, session: sessionAdvice(entry, "invocation") } };
  // A job, a message, a tick: the descriptor names what its handler runs once per.
  const unit = unitOfWork(place.handler);
  return { messageId: "perRequest", data: { creation, unit, handler, session: sessionAdvice(entry, unit) } };
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow creating a tracer per request, per invocation, per datapoint or per item",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      perRequest:
        "`{{creation}}` runs on every {{unit}} of this {{handler}}: each {{unit}} pays the init and gets its own provider and exporter. Initialize the tracer once at startup{{session}}.",
      perInvocation:
        "`{{creation}}` runs on every invocation of this {{handler}}: lazy-init the tracer outside the handler and reuse it on warm starts{{session}}.",
      perDatapoint:
        "`{{creation}}` runs in the function evaluate() calls for each datapoint: evaluate() already creates and manages a tracer per datapoint; let trace() and enrichSpan() use it.",
      perItem: "`{{creation}}` runs for every item of this loop: create the tracer once before it{{session}}.",
      hoistToGetter: "Create the tracer once in a module-level lazy `{{getter}}()` and reuse it",
      importedPerCall:
        "`{{helper}}()` {{creates}} on every call (`{{creation}}` at {{location}}) and runs on every {{unit}} of this {{handler}}: each {{unit}} pays the init and gets its own provider and exporter. {{once}} at module level in {{module}} (or in a lazy getter there) and reuse it.",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // Without the SDK, only an OpenTelemetry pipeline exporting to HoneyHive (its package named in the
    // text) or a call of an imported helper inside a function can be reported (analysis/relevance.ts).
    const relevance = relevanceOf(input);
    const fixes = relevance.sdk || mayNameOtelPackage(input.text) ? tracerInitFixes(input) : NO_FIXES;
    const imported = relevance.importedCall ? importedTracerInitsInHandlers(input) : NO_IMPORTED;
    if (fixes.length === 0 && imported.length === 0) return {};
    return {
      "Program:exit"() {
        // A call of an imported function that inits per call (`await main()`): reported here, where it
        // runs per request; its module alone cannot tell a per-call use from a script's one run.
        for (const { call, helper, handler, fact } of imported) {
          const module = fact.from.displayPath;
          const unit = unitOfWork(handler);
          const words = CREATION_WORDS[fact.api];
          const once = words.once.charAt(0).toUpperCase() + words.once.slice(1);
          const data = { helper, creates: words.creates, once, creation: fact.display, location: `${module}:${fact.line}`, unit, handler: describeHandler(handler), module };
          context.report({ node: call.callee, messageId: "importedPerCall", data });
        }
        for (const entry of fixes) {
          const { finding, fix, getter } = entry;
          context.report({
            node: finding.creation,
            ...messageOf(entry),
            suggest: fix && getter ? [{ messageId: "hoistToGetter", data: { getter }, fix: ruleFixOf(input, [fix]) }] : [],
          });
        }
      },
    };
  },
});
