// In a file that has a tracer of its own, `trace()` without a `tracer` option and the global
// `enrichSpan()` / `enrichSession()` (and 1.x's static `HoneyHiveTracer.enrichSpan()`) find "a" tracer
// implicitly: evaluate()'s, else a default one (deprecated), else none (the span is silently lost).
// Binding the file's tracer makes the span land where the author meant. Code that evaluate() runs is exempt: there the implicit per-datapoint
// tracer is the recommended pattern.
import type { TSESTree } from "@typescript-eslint/utils";
import { explicitTracerFixes } from "../analysis/fixes/explicit-tracer.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { relevanceOf } from "../analysis/relevance.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "require-explicit-tracer";

type MessageIds = "implicitTrace" | "implicitEnrichment" | "implicitStaticEnrichment1x" | "implicitWrapper1x" | "bindTracer" | "callOnTracer";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `trace()`, `@trace()` and enrichment to name the tracer in files that create or import one",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      implicitTrace:
        "This `trace` has no `tracer` option, so it uses whatever tracer it finds at run time (a deprecated default, or none). Bind this file's tracer with the `tracer` option ({{tracers}}).",
      implicitEnrichment:
        "The global `{{name}}()` enriches through an implicitly found tracer (deprecated). Call it on this file's tracer ({{tracers}}).",
      implicitStaticEnrichment1x:
        "The static `{{callee}}()` (honeyhive 1.x, deprecated) is the global `{{name}}()`: it enriches whatever span the context holds, not this file's tracer, and honeyhive 2 has no such static. Call it on this file's tracer ({{tracers}}).",
      implicitWrapper1x:
        "The free `{{name}}()` (honeyhive 1.x) records through the tracer it finds in the context, which only a surrounding `tracer.trace(...)` provides; elsewhere its spans reach no session. Call the tracer's own `{{name}}()` ({{tracers}}).",
      bindTracer: "Bind `{{tracer}}` as the tracer",
      callOnTracer: "Call `{{tracer}}.{{name}}()`",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // Nothing to report in a file that does not use the SDK (analysis/relevance.ts).
    if (!relevanceOf(input).sdk) return {};
    const found = explicitTracerFixes(input);
    if (found.length === 0) return {};

    return {
      "Program:exit"() {
        for (const { use, fix, suggestions } of found) {
          const names =
            use.candidates.length > 0
              ? use.candidates.map((candidate) => `\`${candidate.text}\``).join(" or ")
              : use.gettersToAwait.length > 0
                ? `the tracer ${use.gettersToAwait.map((getter) => `\`await ${getter}\``).join(" or ")} resolves to`
                : "none is in scope here; pass one in or declare it first";
          const wrapper1x = use.kind === "trace" && use.name !== "trace";
          const enrichment = use.onClass ? "implicitStaticEnrichment1x" : "implicitEnrichment";
          context.report({
            node: use.reportNode as TSESTree.Node,
            messageId: wrapper1x ? "implicitWrapper1x" : use.kind === "trace" ? "implicitTrace" : enrichment,
            data: { tracers: names, name: use.name, callee: use.callee ? context.sourceCode.getText(use.callee) : use.name },
            fix: fix ? ruleFixOf(input, [fix]) : null,
            // Several tracers, or one that is unsafe to write here (not yet initialized, eager getter call): ask.
            suggest: suggestions.map((suggestion) => ({
              messageId: use.callee ? ("callOnTracer" as const) : ("bindTracer" as const),
              data: { tracer: suggestion.tracer, name: use.name },
              fix: ruleFixOf(input, [suggestion.fix]),
            })),
          });
        }
      },
    };
  },
});
