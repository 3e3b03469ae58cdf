// evaluate() creates one tracer and one session per datapoint and hands it to the code it runs
// through the context. A tracer the file created itself, bound to that code with `trace({ tracer })`,
// `tracer.trace(...)` or `@trace({ tracer })`, wins over evaluate()'s: every datapoint then records
// into that one tracer's session, and the experiment's per-datapoint traces are mixed up (a tracer made
// inside the evaluated code instead records each datapoint into a session of its own, apart from the
// one evaluate() made for it: `tracerMadeInEvaluated`). A tracer
// initialized next to evaluate() for nothing else conflicts the same way (seed: "Don't initialize a
// global tracer alongside evaluate()"). So does calling the file's own tracer inside evaluated code
// (`tracer.enrichSession()`, `tracer.startSpan()`, `tracer.createSession()`): evaluate() hands its
// datapoint tracer to the SDK's implicit functions only, so these act on the file tracer's session.
import type { TSESTree } from "@typescript-eslint/utils";
import { evaluateTracerFixes } from "../analysis/fixes/evaluate-tracer.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { findEvaluateTracerBindings, getEvaluateModel } from "../analysis/evaluate.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { relevanceOf } from "../analysis/relevance.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "no-global-tracer-with-evaluate";

type MessageIds =
  | "tracerBoundToEvaluated"
  | "tracerMadeInEvaluated"
  | "tracerNextToEvaluate"
  | "tracerUsedInEvaluated"
  | "importedFunctionBoundToTracer"
  | "removeBinding"
  | "removeTracer"
  | "useImplicitEnrichSession";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow binding a tracer the file created to code that `evaluate()` runs, and initializing one next to `evaluate()`",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      tracerBoundToEvaluated:
        "`{{tracer}}` is bound to code that evaluate() runs, so every datapoint records into this one tracer's session. Drop the binding: evaluate() provides a tracer and session per datapoint.",
      tracerMadeInEvaluated:
        "`{{tracer}}` is made inside code that evaluate() runs and bound to it, so each datapoint records into a new tracer's session instead of the one evaluate() made for it. Drop the binding: evaluate() provides a tracer and session per datapoint.",
      tracerNextToEvaluate:
        "This file runs evaluate(), which creates a tracer and session per datapoint; `{{tracer}}` initialized here conflicts with them. Remove it and let evaluate() manage tracers.",
      tracerUsedInEvaluated:
        "`{{tracer}}.{{method}}()` in code that evaluate() runs acts on `{{tracer}}`'s own session, not the datapoint's, so every datapoint writes into one session. Use the SDK's implicit functions there (`enrichSession()`, `trace()`), which follow the datapoint's tracer.",
      importedFunctionBoundToTracer:
        "`{{name}}` is bound to `{{tracer}}`, the tracer of {{module}}, so every datapoint that evaluate() runs records into that one tracer's session. Bind it in {{module}} without a tracer (`trace(fn)`): evaluate() provides a tracer and session per datapoint.",
      removeBinding: "Remove the explicit tracer binding",
      useImplicitEnrichSession: "Call the SDK's `enrichSession()`, which follows the datapoint's tracer",
      removeTracer: "Remove `{{tracer}}` and its bindings",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // Nothing to report in a file that does not use the SDK (analysis/relevance.ts).
    if (!relevanceOf(input).sdk) return {};
    const fixes = evaluateTracerFixes(input);
    // Bound in the module it is imported from (one module deep): reported here, fixed there.
    const importedBindings = findEvaluateTracerBindings(input).importedBindings ?? [];
    if (fixes.bindings.length === 0 && fixes.tracers.length === 0 && importedBindings.length === 0) return {};
    const removeTracerSuggestion = (removal: (typeof fixes.tracers)[number] | undefined) =>
      removal?.fix ? [{ messageId: "removeTracer" as const, data: { tracer: removal.conflicting.tracer.name }, fix: ruleFixOf(input, [removal.fix]) }] : [];

    return {
      "Program:exit"() {
        for (const { binding, fix } of fixes.bindings) {
          const removal = fixes.tracers.find((entry) => entry.conflicting.tracer === binding.tracer);
          context.report({
            node: binding.reportNode as TSESTree.Node,
            messageId: getEvaluateModel(input).isRunByEvaluate(binding.tracer.declaration) ? "tracerMadeInEvaluated" : "tracerBoundToEvaluated",
            data: { tracer: binding.tracer.name },
            suggest: [
              ...(fix ? [{ messageId: "removeBinding" as const, data: { tracer: binding.tracer.name }, fix: ruleFixOf(input, [fix]) }] : []),
              ...removeTracerSuggestion(removal),
            ],
          });
        }
        for (const { node, fact } of importedBindings) {
          context.report({ node, messageId: "importedFunctionBoundToTracer", data: { name: node.name, tracer: fact.tracer, module: fact.from.displayPath } });
        }
        for (const { use, suggestion } of fixes.evaluatedCalls) {
          context.report({
            node: use.callee.property,
            messageId: "tracerUsedInEvaluated",
            data: { tracer: context.sourceCode.getText(use.callee.object), method: use.method },
            suggest: suggestion ? [{ messageId: "useImplicitEnrichSession", fix: ruleFixOf(input, [suggestion]) }] : [],
          });
        }
        // A tracer that only serves evaluated code (or nothing): report where it is created. One
        // that other code still uses, or that is exported, is the script/server pattern: left alone.
        for (const removal of fixes.tracers) {
          const { conflicting } = removal;
          if (!conflicting.servesOnlyEvaluatedCode) continue;
          const initialization = conflicting.initializations[0];
          if (!initialization) continue;
          context.report({
            node: initialization,
            messageId: "tracerNextToEvaluate",
            data: { tracer: conflicting.tracer.name },
            suggest: removeTracerSuggestion(removal),
          });
        }
      },
    };
  },
});
