// Imports of the SDK that the run left unused go (issue 15, "Imports: merged, deduplicated, unused ones removed").
// The 1.x set rewrites the uses of a name and not always its import: `HoneyHiveTracer` after `HoneyHiveTracer.flush()`
// became `tracer.forceFlush()`, a namespace after its last `hh.HoneyHiveTracer.flush()`. After the whole run (the 1.x
// set and the transforms after it), a binding of "honeyhive" or a subpath (an import specifier, a namespace, a
// destructured `require`, a statement binding the whole module and nothing else: `const hh = require("honeyhive")`,
// `import hh = require(…)`, `const hh = await import(…)`) that the file used before the run and no longer uses is
// removed; one the user had unused before the run stays. Uses are the scope manager's references (value and type positions, `typeof X`, JSX,
// `export { X }`), so a shadowing local is no use. The edit is analysis/rewrite.ts `removeImportBindings` (a statement
// left without bindings goes; a side-effect `import "honeyhive"` binds nothing and is never touched; a comment on a
// removed line stays).
//
// Cost: no parse of its own where it can decide from the last parse and the pending edits (a name none of the
// edits writes, whose references all lie inside replaced ranges, is unused); where an edit writes the name again, or
// the removal would touch an edited import, the engine applies the edits and asks again on that parse.
import type { TSESTree } from "@typescript-eslint/types";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { dynamicImportSpecifier, requireSpecifier } from "../../../analysis/ast.js";
import { EditList, editsOverlap, type TextEdit } from "../../../analysis/edits.js";
import type { AnalysisInput } from "../../../analysis/input.js";
import { removeImportBindings, wholeSdkModuleBinding } from "../../../analysis/rewrite.js";
import { isSdkPackage } from "../../../analysis/settings.js";

/**
 * The import specifier or destructured property declaring an SDK binding, or the statement binding the whole SDK
 * module and nothing else (`const hh = require("honeyhive")`, `import hh = require("honeyhive")`,
 * `const hh = await import("honeyhive")`), or undefined for any other variable.
 */
function sdkBindingElement(variable: Scope.Variable): TSESTree.Node | undefined {
  const def = variable.defs[0];
  const identifier = variable.identifiers[0];
  if (!def || !identifier) return undefined;
  const whole = wholeSdkModuleBinding(identifier);
  if (whole) return whole;
  if (def.type === "ImportBinding") {
    const declaration = def.parent;
    return declaration?.type === "ImportDeclaration" && isSdkPackage(String(declaration.source.value)) ? def.node : undefined;
  }
  // `const { HoneyHiveTracer } = require("honeyhive")`, `… = await import("honeyhive")`.
  if (def.type !== "Variable" || def.node.id.type !== "ObjectPattern") return undefined;
  const specifier = requireSpecifier(def.node.init) ?? dynamicImportSpecifier(def.node.init);
  const property = identifier.parent;
  return specifier !== undefined && isSdkPackage(specifier) && property?.type === "Property" && property.parent === def.node.id ? property : undefined;
}

/** The SDK bindings of a file with the element declaring each (scopes of any depth: a function's own `require`). */
function sdkBindings(input: AnalysisInput): { readonly variable: Scope.Variable; readonly element: TSESTree.Node }[] {
  const found: { variable: Scope.Variable; element: TSESTree.Node }[] = [];
  if (!/honeyhive/.test(input.text)) return found;
  for (const scope of input.scopeManager.scopes) {
    if (scope.type !== "module" && scope.type !== "global" && !/\b(?:require|import)\s*\(/.test(input.text)) break;
    for (const variable of scope.variables) {
      const element = sdkBindingElement(variable);
      if (element) found.push({ variable, element });
    }
  }
  return found;
}

/** Uses of a binding: its references, without the write of its own declaration. */
function uses(variable: Scope.Variable): readonly Scope.Reference[] {
  return variable.references.filter((reference) => !reference.init);
}

/** The names of the SDK bindings the file uses (read before the run). */
export function usedSdkBindings(input: AnalysisInput): ReadonlySet<string> {
  return new Set(sdkBindings(input).filter(({ variable }) => uses(variable).length > 0).map(({ variable }) => variable.name));
}

const MARKER_COMMENT = /\/\*\s*honeyhive-migrate:[\s\S]*?\*\//g;

/**
 * The edits removing the SDK bindings named in `usedBefore` that `input` with `pending` applied no longer uses, or
 * undefined when that cannot be told without parsing that text (an edit writes one of the names, outside a review
 * marker, or a removal would touch an edited range): apply `pending`, parse, and ask again with no pending edits.
 */
export function unusedSdkImportEdits(usedBefore: ReadonlySet<string>, input: AnalysisInput, pending: readonly TextEdit[]): TextEdit[] | undefined {
  const replaced = pending.filter((edit) => edit.start < edit.end);
  const inReplaced = (range: TSESTree.Range) => replaced.some((edit) => edit.start <= range[0] && range[1] <= edit.end);
  const touched = (range: TSESTree.Range) => replaced.some((edit) => edit.start < range[1] && range[0] < edit.end);
  const written = pending.map((edit) => edit.text.replace(MARKER_COMMENT, "")).join("\n");
  const unused: Scope.Variable[] = [];
  for (const { variable, element } of sdkBindings(input)) {
    if (!usedBefore.has(variable.name) || touched(element.range)) continue; // a transform rewrote this import itself
    if (uses(variable).some((reference) => !inReplaced(reference.identifier.range))) continue;
    if (new RegExp(`(?<![\\w$])${variable.name.replace(/\$/g, "\\$")}(?![\\w$])`).test(written)) return undefined;
    unused.push(variable);
  }
  if (unused.length === 0) return [];
  const edits = new EditList();
  removeImportBindings(edits, input.text, unused);
  return edits.edits.some((edit) => pending.some((other) => editsOverlap(edit, other))) ? undefined : edits.edits;
}
