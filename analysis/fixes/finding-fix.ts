// One fix per finding: the analysis core computes a finding's edits (or the review marker a person must
// look at) once; the rule's fix or suggestion and the codemod transform only apply them. So "the
// suggestion writes what the codemod writes" holds by construction, not by two copies kept in step.
//
// Import changes are the one part that is not plain text: two findings that both add `trace` to the
// SDK import must become one edit of that import when the codemod applies them together. So a fix
// carries its import changes as intents, and `editsOf` writes the intents of all the fixes applied
// together through one `SdkImports` (the rule applies one finding's fix: one finding's intents).
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import { applyEdits, EditList, type TextEdit } from "../edits.js";
import type { AnalysisInput } from "../input.js";
import { isUnusedAfter } from "../rewrite.js";
import { SdkImports } from "../sdk-imports.js";

/** What a finding's fix does to the SDK imports. */
export interface ImportChanges {
  /** SDK exports the edits name (written through `SdkImports.use`: the existing binding, or an added import). */
  readonly use?: readonly string[];
  /** Import bindings left unused by the edits. */
  readonly remove?: readonly Scope.Variable[];
  /**
   * Import bindings to drop when every reference of theirs lies in text that the fixes applied
   * together replace (decided at `editsOf`, so a tracer import used by two bindings goes with the
   * second binding's removal, whichever is applied last).
   */
  readonly removeIfUnused?: readonly Scope.Variable[];
}

/** The edits of one finding's fix. */
export interface FindingFix {
  readonly edits: readonly TextEdit[];
  readonly imports?: ImportChanges;
}

/** Where a person has to decide: the codemod leaves a review marker before `node`, the rule offers no fix. */
export interface ReviewMarker {
  readonly node: TSESTree.Node;
  readonly message: string;
}

/** A fix from an `EditList` filled by the same writers the rest of the core uses. */
export function fixFromEdits(edits: EditList, imports?: ImportChanges): FindingFix {
  const changes = imports && [imports.use, imports.remove, imports.removeIfUnused].some((list) => (list?.length ?? 0) > 0);
  return changes ? { edits: edits.edits, imports } : { edits: edits.edits };
}

/**
 * The text edits of `fixes` applied together: each one's own edits (an edit shared by several
 * fixes, the same object, counted once) and one write of all their import changes; a fix whose SDK
 * names would need an import its package cannot resolve contributes nothing.
 */
export function editsOf(input: AnalysisInput, fixes: Iterable<FindingFix>): TextEdit[] {
  // A rule applies one finding's fix, most often without import changes: its own edits, without the
  // sets and the list the general case allocates (every report of every file pays for them).
  if (Array.isArray(fixes) && fixes.length === 1) {
    const only = (fixes as readonly FindingFix[])[0]!;
    if (only.imports === undefined && !hasRepeatedEdit(only.edits)) return [...only.edits];
  }
  const seen = new Set<TextEdit>();
  const edits = new EditList();
  const use = new Set<string>();
  const remove = new Set<Scope.Variable>();
  const removeIfUnused = new Set<Scope.Variable>();
  let imports: SdkImports | undefined;
  for (const fix of fixes) {
    // A fix that names an SDK export needing a new "honeyhive" import in a package that does not depend on it
    // (SdkImports.packageWithoutSdk: the import would not resolve under pnpm or Yarn PnP) is not applied at all,
    // as `useAt` adds no such import: its producer marks the place (a codemod) or offers no fix (a rule), as
    // evaluate-tracer does; here no producer can write the name without its import.
    if (fix.imports?.use?.some((name) => (imports ??= new SdkImports(input)).packageWithoutSdk(name) !== undefined)) continue;
    for (const edit of fix.edits) {
      if (seen.has(edit)) continue;
      seen.add(edit);
      edits.edits.push(edit);
    }
    for (const name of fix.imports?.use ?? []) use.add(name);
    for (const variable of fix.imports?.remove ?? []) remove.add(variable);
    for (const variable of fix.imports?.removeIfUnused ?? []) removeIfUnused.add(variable);
  }
  const replaced = edits.edits.filter((edit) => edit.end > edit.start).map((edit): TSESTree.Range => [edit.start, edit.end]);
  for (const variable of removeIfUnused) {
    if (variable.references.length > 0 && isUnusedAfter(variable, replaced)) remove.add(variable);
  }
  if (use.size > 0 || remove.size > 0) {
    imports ??= new SdkImports(input);
    for (const variable of remove) imports.remove(variable);
    for (const name of use) imports.use(name);
    imports.finish(edits);
  }
  return edits.edits;
}

/** Whether one edit object appears twice in `edits` (the general case counts it once). */
function hasRepeatedEdit(edits: readonly TextEdit[]): boolean {
  for (let index = 1; index < edits.length; index++) if (edits.lastIndexOf(edits[index - 1]!) !== index - 1) return true;
  return false;
}

/**
 * The ESLint fix function that applies `fixes` together: ONE replacement, from the first edited
 * character to the last, whose text is what `applyEdits` (the codemod's printer) makes of that span.
 * One replacement, not a list of fixer calls, so that insertions at one offset come out in the order
 * the codemod writes them (ESLint would sort them by range only).
 */
export function ruleFixOf(input: AnalysisInput, fixes: readonly FindingFix[]): TSESLint.ReportFixFunction {
  return (fixer) => {
    const edits = editsOf(input, fixes);
    if (edits.length === 0) return null;
    // One edit spans the whole replaced text: `applyEdits` would return its text as it is.
    if (edits.length === 1) return fixer.replaceTextRange([edits[0]!.start, edits[0]!.end], edits[0]!.text);
    const start = Math.min(...edits.map((edit) => edit.start));
    const end = Math.max(...edits.map((edit) => edit.end));
    const shifted = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
    return fixer.replaceTextRange([start, end], applyEdits(input.text.slice(start, end), shifted));
  };
}
