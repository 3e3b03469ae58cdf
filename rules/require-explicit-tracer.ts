// In a file that has a tracer of its own, `trace()` without a `tracer` option and the global
// `enrichSpan()` / `enrichSession()` find "a" tracer implicitly: evaluate()'s, else a default one
// (deprecated), else none (the span is silently lost). Binding the file's tracer makes the span land
// where the author meant. Code that evaluate() runs is exempt: there the implicit per-datapoint
// tracer is the recommended pattern.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { appendPropertyReplacement, type TextReplacement } from "../analysis/ast.js";
import { findImplicitTracerUses, type ImplicitTracerUse } from "../analysis/implicit-tracer.js";
import { analysisInputFromContext } from "../analysis/input.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "require-explicit-tracer";

type MessageIds = "implicitTrace" | "implicitEnrichment" | "bindTracer" | "callOnTracer";

/** `tracer` when the tracer is a variable called `tracer` (shorthand), else `tracer: <text>`. */
export function tracerPropertyText(tracerText: string): string {
  return tracerText === "tracer" ? "tracer" : `tracer: ${tracerText}`;
}

/**
 * The edit that binds `tracerText` to an implicit use: `trace(fn)` → `trace({ tracer }, fn)`,
 * `trace({ a }, fn)` → `trace({ a, tracer }, fn)`, `@trace()` → `@trace({ tracer })`, `@trace` →
 * `@trace({ tracer })`, `enrichSpan(x)` → `tracer.enrichSpan(x)`.
 */
export function explicitTracerReplacement(text: string, use: ImplicitTracerUse, tracerText: string): TextReplacement | undefined {
  if (use.kind !== "trace") {
    return use.callee ? { range: use.callee.range, text: `${tracerText}.${use.kind}` } : undefined;
  }
  const property = tracerPropertyText(tracerText);
  const node = use.node;
  if (node.type !== AST_NODE_TYPES.CallExpression) return { range: [node.range[1], node.range[1]], text: `({ ${property} })` };
  if (use.traceUse?.options) return appendPropertyReplacement(text, use.traceUse.options, property);
  const first = node.arguments[0];
  if (first) return { range: [first.range[0], first.range[0]], text: `{ ${property} }, ` };
  // `trace()`: the closing parenthesis is the call's last character.
  return { range: [node.range[1] - 1, node.range[1] - 1], text: `{ ${property} }` };
}

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
      bindTracer: "Bind `{{tracer}}` as the tracer",
      callOnTracer: "Call `{{tracer}}.{{name}}()`",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    const uses = findImplicitTracerUses(input);
    if (uses.length === 0) return {};
    const text = context.sourceCode.text;
    const toFix = (replacement: TextReplacement) => (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(replacement.range, replacement.text);

    return {
      "Program:exit"() {
        for (const use of uses) {
          const names =
            use.candidates.length > 0
              ? use.candidates.map((candidate) => `\`${candidate.text}\``).join(" or ")
              : "none is in scope here; pass one in or declare it first";
          const chosen = use.chosen && explicitTracerReplacement(text, use, use.chosen.text);
          // Several tracers, or one that is unsafe to write here (not yet initialized, eager getter call): ask.
          const suggest = use.chosen
            ? []
            : use.candidates.flatMap((candidate) => {
                const replacement = explicitTracerReplacement(text, use, candidate.text);
                if (!replacement) return [];
                return [
                  {
                    messageId: use.kind === "trace" ? ("bindTracer" as const) : ("callOnTracer" as const),
                    data: { tracer: candidate.text, name: use.kind },
                    fix: toFix(replacement),
                  },
                ];
              });
          context.report({
            node: use.reportNode as TSESTree.Node,
            messageId: use.kind === "trace" ? "implicitTrace" : "implicitEnrichment",
            data: { tracers: names, name: use.kind },
            fix: chosen ? toFix(chosen) : null,
            suggest,
          });
        }
      },
    };
  },
});
