// An instrumentation (OpenTelemetry's `registerInstrumentations`, an OpenInference / Traceloop /
// OpenTelemetry `…Instrumentation` class, the AI SDK's `experimental_telemetry` up to ai 6, its
// `new OpenTelemetry()` integration of @ai-sdk/otel from ai 7) set up without a tracer provider in a
// file that has a HoneyHive tracer, or set up before that tracer is initialized.
// This SDK registers no global provider, so such an instrumentation records into the no-op global
// provider and its spans reach nothing. The seed: "Initialize the tracer before any instrumentor.
// Call HoneyHiveTracer.init(...) first, then pass tracer.provider into instrumentor.instrument(...)".
import type { TSESLint } from "@typescript-eslint/utils";
import { instrumentationProviderFixes, integrationForm } from "../analysis/fixes/instrumentation-provider.js";
import { ruleFixOf } from "../analysis/fixes/finding-fix.js";
import { providerOf } from "../analysis/instrumentations.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { relevanceOf } from "../analysis/relevance.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "tracer-provider-for-instrumentors";

type MessageIds = "missingProvider" | "telemetryWithoutTracer" | "integrationWithoutTracer" | "ignoredTracer" | "beforeTracer" | "passProvider" | "moveBelowInit";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require instrumentations to be given the HoneyHive tracer's provider, after the tracer is initialized",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      missingProvider:
        "`{{label}}` is given no tracer provider, and HoneyHive registers no global one: its spans reach nothing. Pass the HoneyHive tracer's provider ({{providers}}).",
      telemetryWithoutTracer:
        "`{{label}}` enables `experimental_telemetry` without a `tracer`, so it traces with the global provider, which HoneyHive does not register: its spans reach nothing. Pass a tracer of the HoneyHive provider ({{providers}}).",
      integrationWithoutTracer:
        "`{{label}}` is given no `tracer`, so the AI SDK's spans go to the global provider, which HoneyHive does not register: they reach nothing. Pass it a tracer of the HoneyHive provider ({{providers}}).",
      ignoredTracer:
        "`{{label}}` passes a `tracer` in `{{option}}`, which AI SDK 7 no longer reads: its spans go to the telemetry integrations. Remove it and pass the tracer to the integration where it is registered ({{integration}}).",
      beforeTracer:
        "`{{label}}` is set up before `{{tracer}}` is initialized below: initialize the tracer first, then pass `{{provider}}` to the instrumentation.",
      passProvider: "Pass `{{provider}}`",
      moveBelowInit: "Move it below the tracer's initialization and pass `{{provider}}`",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    // Nothing to report in a file that does not use the SDK (analysis/relevance.ts).
    if (!relevanceOf(input).sdk) return {};
    const found = instrumentationProviderFixes(input);
    if (found.length === 0) return {};

    return {
      "Program:exit"() {
        for (const { finding, fix, move, suggestions } of found) {
          if (finding.ignored) {
            context.report({ node: finding.node, messageId: "ignoredTracer", data: { label: finding.label, option: finding.ignored.option, integration: integrationForm(finding.ignored.integration) } });
            continue;
          }
          // An integration takes a tracer of the provider; the other setups name the provider (the AI SDK ≤ 6 message says "a tracer of").
          const passes = finding.setup === "integration" ? finding.passes : providerOf;
          const providers =
            finding.candidates.length > 0
              ? finding.candidates.map((candidate) => `\`${passes(candidate.text)}\``).join(" or ")
              : "none is in scope here; pass one in or initialize the tracer first";
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = suggestions.map((suggestion) => ({
            messageId: "passProvider",
            data: { provider: passes(suggestion.tracer) },
            fix: ruleFixOf(input, [suggestion.fix]),
          }));
          if (finding.later) {
            const tracer = finding.later.tracer.referenceText ?? finding.later.tracer.name;
            // Moving a statement changes when the instrumentation starts: a suggestion, which the codemod applies.
            if (move) suggest.push({ messageId: "moveBelowInit", data: { provider: passes(tracer) }, fix: ruleFixOf(input, [move]) });
            context.report({
              node: finding.node,
              messageId: "beforeTracer",
              data: { label: finding.label, tracer, provider: passes(tracer) },
              suggest,
            });
            continue;
          }
          context.report({
            node: finding.node,
            messageId: finding.setup === "telemetry" ? "telemetryWithoutTracer" : finding.setup === "integration" ? "integrationWithoutTracer" : "missingProvider",
            data: { label: finding.label, providers },
            fix: fix ? ruleFixOf(input, [fix]) : null,
            suggest,
          });
        }
      },
    };
  },
});
