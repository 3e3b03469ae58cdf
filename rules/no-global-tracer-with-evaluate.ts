// evaluate() creates one tracer and one session per datapoint and hands it to the code it runs
// through the context. A tracer the file created itself, bound to that code with `trace({ tracer })`,
// `tracer.trace(...)` or `@trace({ tracer })`, wins over evaluate()'s: every datapoint then records
// into that one tracer's session, and the experiment's per-datapoint traces are mixed up. A tracer
// initialized next to evaluate() for nothing else conflicts the same way (seed: "Don't initialize a
// global tracer alongside evaluate()"). So does calling the file's own tracer inside evaluated code
// (`tracer.enrichSession()`, `tracer.startSpan()`, `tracer.createSession()`): evaluate() hands its
// datapoint tracer to the SDK's implicit functions only, so these act on the file tracer's session.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { removePropertyReplacement, unwrapExpression, type TextReplacement } from "../analysis/ast.js";
import {
  findEvaluateTracerBindings,
  type EvaluateConflictingTracer,
  type EvaluatedTracerCall,
  type EvaluateTracerBinding,
} from "../analysis/evaluate.js";
import { analysisInputFromContext, type AnalysisInput } from "../analysis/input.js";
import { getSdkModel } from "../analysis/sdk-model.js";
import { EditList } from "../analysis/edits.js";
import { isUnusedAfter, removeStatement } from "../analysis/rewrite.js";
import { moduleScopeVariables, SdkImports } from "../analysis/sdk-imports.js";
import { createRule } from "./create-rule.js";

export const RULE_NAME = "no-global-tracer-with-evaluate";

type MessageIds =
  | "tracerBoundToEvaluated"
  | "tracerNextToEvaluate"
  | "tracerUsedInEvaluated"
  | "removeBinding"
  | "removeTracer"
  | "useImplicitEnrichSession";

/**
 * Writes into `edits` the removal of one explicit binding, in the shapes the `evaluate-managed-tracer`
 * transform writes: `trace({ tracer, a }, fn)` → `trace({ a }, fn)`, `trace({ tracer }, fn)` →
 * `trace(fn)`, `@trace({ tracer })` → `@trace({})`, `tracer.trace(o, fn)` → `trace(o, fn)`. The SDK's
 * `trace` is written through `imports` (its existing binding, `hh.trace`, or added to the file's SDK
 * import at `imports.finish()`). False, and nothing written, when that is not possible without
 * guessing: `trace` (or the namespace) would mean something else at the call (a parameter or local
 * named `trace`, OpenTelemetry's `trace`), or the file has no SDK import to add `trace` to.
 */
function writeBindingRemoval(edits: EditList, input: AnalysisInput, binding: EvaluateTracerBinding, imports: SdkImports): boolean {
  const { use } = binding;
  if (use.via === "tracer") {
    const callee = use.node.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(use.node.callee) : undefined;
    const trace = callee && imports.useAt("trace", use.node, { newImport: false });
    if (!callee || trace === undefined) return false;
    edits.replace(callee, trace);
    return true;
  }
  const { options, tracerProperty } = use;
  if (!options || !tracerProperty) return false;
  if (options.properties.length > 1) {
    const { range, text } = removePropertyReplacement(input.text, tracerProperty);
    edits.replace(range, text);
    return true;
  }
  const call = use.node;
  if (call.type === AST_NODE_TYPES.CallExpression && !use.decorator && use.wrapped && call.arguments[0] === options) {
    edits.remove([options.range[0], use.wrapped.range[0]]);
    return true;
  }
  // The decorator form needs an options object.
  edits.replace(options, "{}");
  return true;
}

/** The replacements that drop one explicit binding (see writeBindingRemoval), with the import edit they need; undefined when none can be written. */
export function bindingRemovalReplacements(input: AnalysisInput, binding: EvaluateTracerBinding): TextReplacement[] | undefined {
  const edits = new EditList();
  const imports = new SdkImports(input, getSdkModel(input));
  if (!writeBindingRemoval(edits, input, binding, imports)) return undefined;
  imports.finish(edits);
  return replacementsOf(edits);
}

/**
 * Replacements that remove a removable tracer: its bindings, its declarations and the `HoneyHiveTracer`
 * import left unused (one import edit with an added `trace`). Undefined when one of its bindings
 * cannot be removed: that call would still use the deleted tracer.
 */
export function tracerRemovalReplacements(input: AnalysisInput, conflicting: EvaluateConflictingTracer): TextReplacement[] | undefined {
  if (!conflicting.removable) return undefined;
  const edits = new EditList();
  const sdk = getSdkModel(input);
  const imports = new SdkImports(input, sdk);
  for (const binding of conflicting.bindings) {
    if (!writeBindingRemoval(edits, input, binding, imports)) return undefined;
  }
  const removed = conflicting.declarations.map((declaration) => removeStatement(edits, input.text, declaration));
  for (const variable of moduleScopeVariables(input)) {
    const identifier = variable.identifiers[0];
    if (identifier && sdk.sdkExportOf(identifier) === "HoneyHiveTracer" && variable.references.length > 0 && isUnusedAfter(variable, removed)) {
      imports.remove(variable);
    }
  }
  imports.finish(edits);
  return replacementsOf(edits);
}

function replacementsOf(edits: EditList): TextReplacement[] {
  return edits.edits.map((edit) => ({ range: [edit.start, edit.end], text: edit.text }));
}

/**
 * `tracer.enrichSession(x)` → `enrichSession(x)`: the SDK's global enrichSession() resolves evaluate()'s
 * datapoint tracer first (sdk/trace.ts, resolveImplicitTracer). Written as the codemods write SDK
 * names (SdkImports): the file's existing binding (`enrichSession`, a renamed one, `hh.enrichSession`
 * through a namespace import or a `require` object), or added to its named import or destructured
 * `require` of "honeyhive" (or of a `settings.honeyhive.modules` module). Undefined when that is not
 * possible without guessing: no such import (a new import statement is left to the author), or the
 * name would mean something else at the call (another `enrichSession` in scope, a shadowed binding).
 */
export function implicitEnrichSessionReplacements(input: AnalysisInput, use: EvaluatedTracerCall): TextReplacement[] | undefined {
  if (use.method !== "enrichSession") return undefined;
  const imports = new SdkImports(input, getSdkModel(input));
  const reference = imports.useAt("enrichSession", use.call, { newImport: false });
  if (reference === undefined) return undefined;
  const edits = new EditList();
  edits.replace(use.callee, reference);
  imports.finish(edits);
  return replacementsOf(edits);
}

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
      tracerNextToEvaluate:
        "This file runs evaluate(), which creates a tracer and session per datapoint; `{{tracer}}` initialized here conflicts with them. Remove it and let evaluate() manage tracers.",
      tracerUsedInEvaluated:
        "`{{tracer}}.{{method}}()` in code that evaluate() runs acts on `{{tracer}}`'s own session, not the datapoint's, so every datapoint writes into one session. Use the SDK's implicit functions there (`enrichSession()`, `trace()`), which follow the datapoint's tracer.",
      removeBinding: "Remove the explicit tracer binding",
      useImplicitEnrichSession: "Call the SDK's `enrichSession()`, which follows the datapoint's tracer",
      removeTracer: "Remove `{{tracer}}` and its bindings",
    },
  },
  defaultOptions: [],
  create(context) {
    const input = analysisInputFromContext(context);
    const findings = findEvaluateTracerBindings(input);
    if (findings.bindings.length === 0 && findings.tracers.length === 0) return {};
    const toFix = (replacements: readonly TextReplacement[]) => (fixer: TSESLint.RuleFixer) =>
      replacements.map((replacement) => fixer.replaceTextRange(replacement.range, replacement.text));
    const removeTracerSuggestion = (conflicting: EvaluateConflictingTracer | undefined) => {
      const replacements = conflicting && tracerRemovalReplacements(input, conflicting);
      return replacements
        ? [{ messageId: "removeTracer" as const, data: { tracer: conflicting.tracer.name }, fix: toFix(replacements) }]
        : [];
    };

    return {
      "Program:exit"() {
        for (const binding of findings.bindings) {
          const removal = bindingRemovalReplacements(input, binding);
          const conflicting = findings.tracers.find((entry) => entry.tracer === binding.tracer);
          context.report({
            node: binding.reportNode as TSESTree.Node,
            messageId: "tracerBoundToEvaluated",
            data: { tracer: binding.tracer.name },
            suggest: [
              ...(removal ? [{ messageId: "removeBinding" as const, data: { tracer: binding.tracer.name }, fix: toFix(removal) }] : []),
              ...removeTracerSuggestion(conflicting),
            ],
          });
        }
        for (const conflicting of findings.tracers) {
          for (const use of conflicting.sessionCallsInEvaluatedCode) {
            const implicit = implicitEnrichSessionReplacements(input, use);
            context.report({
              node: use.callee.property,
              messageId: "tracerUsedInEvaluated",
              data: { tracer: context.sourceCode.getText(use.callee.object), method: use.method },
              suggest: implicit ? [{ messageId: "useImplicitEnrichSession", fix: toFix(implicit) }] : [],
            });
          }
        }
        // A tracer that only serves evaluated code (or nothing): report where it is created. One
        // that other code still uses, or that is exported, is the script/server pattern: left alone.
        for (const conflicting of findings.tracers) {
          if (!conflicting.removable) continue;
          const initialization = conflicting.initializations[0];
          if (!initialization) continue;
          context.report({
            node: initialization,
            messageId: "tracerNextToEvaluate",
            data: { tracer: conflicting.tracer.name },
            suggest: removeTracerSuggestion(conflicting),
          });
        }
      },
    };
  },
});
