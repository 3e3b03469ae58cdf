// Contract between the `migrate` CLI and the transforms. The CLI (discovery, workers, reports,
// writes) only ever calls `runTransforms`; the transforms and their parsing live behind it.
//
// How a file is rewritten: parse ONCE with typescript-estree + scope-manager (the AST and scopes ESLint
// rules see, so transforms and rules share the analysis core in analysis/), let each selected
// transform record text edits computed from node ranges (like ESLint fixers), apply them all at once.
// Untouched code keeps its bytes because it is never reprinted.
//
// Why not recast (jscodeshift's printer): a spike fed recast the typescript-estree AST and it failed
// on TypeScript-ESLint's shapes: ast-types does not know `PropertyDefinition` (class fields) and
// traversal throws; `TSEnumDeclaration` keeps its members in `body` (TSEnumBody) and the printer crashes;
// `typeArguments` is not `typeParameters`. Recast also reprints a changed object literal one property
// per line, so `trace({ tracer, eventType })` → `trace({ eventType })` would not be a minimal diff.
// Babel's AST would print, but then rules and codemods would match on two AST shapes (two truths).
// Each transform module still exports a jscodeshift-compatible default (see transforms/*.ts).
import { applyEdits, EditList, editsOverlap, type TextEdit } from "../../analysis/edits.js";
import { countMarkers } from "./markers.js";
import { isCommentLineAtStatement, syntaxErrorOfEdited } from "./output-check.js";
import { isParseFailure, parseFile, releaseParse, type ParsedFile } from "./parse.js";
import { fileLinks } from "./project.js";
import type { CodemodTransform, FileLinks, ProjectFileFacts, RunState } from "./transform-api.js";
import { is1xTransformId, TRANSFORM_IDS, type TransformId } from "../transforms/ids.js";
import { transformById } from "../transforms/index.js";
import { unusedSdkImportEdits, usedSdkBindings } from "../transforms/1x/unused-imports.js";
import { mayUse1xApis, uses1xApisIn } from "../../analysis/uses-1x.js";
import { readSettings, type HoneyhiveSettings } from "../../analysis/settings.js";
import type { PrefilterSettings } from "./prefilter.js";

export interface TransformFailure {
  readonly message: string;
  /** 1-based line and column of the parse or transform error, when known. */
  readonly line?: number;
  readonly column?: number;
}

export interface TransformRunResult {
  /** The new text; identical (===) to the input when nothing changed. */
  readonly output: string;
  readonly changed: boolean;
  /** Ids of the transforms that changed the file, in the order they ran. */
  readonly applied: readonly TransformId[];
  /** Review markers (`/* honeyhive-migrate: ... *\/`) present in the output that need a person. */
  readonly markers: number;
  /** Set when the file could not be parsed or a transform threw; `output` is then the input. */
  readonly error?: TransformFailure;
  /** With `options.links`, when the file parsed: what it tells the project pass (plain data). */
  readonly links?: FileLinks;
  /** With `options.uses1x`: true when the file uses APIs only honeyhive 1.x had (analysis/uses-1x.ts; the `--from 1` hint). */
  readonly uses1x?: true;
}

export interface RunTransformsOptions {
  /** Transforms to apply, in this order. Defaults to all of them. */
  readonly transforms?: readonly TransformId[];
  /** `settings.honeyhive` equivalent: extra SDK re-export modules, extra Lambda handler names, serverless, sdkVersion. */
  readonly settings?: PrefilterSettings;
  /** What the project pass (`linkProject` in project.ts) knows about this file. */
  readonly project?: ProjectFileFacts;
  /** The project's root: a walk up for the project's configuration does not leave it (`AnalysisInput.cwd`). */
  readonly cwd?: string;
  /**
   * Also say what this file tells the project pass (`TransformRunResult.links`, from the same parse),
   * so the pass needs no parse of its own: the CLI sets it on the first run over the candidates.
   */
  readonly links?: boolean;
  /** Also say whether the file uses APIs only honeyhive 1.x had (`TransformRunResult.uses1x`, from the same parse). */
  readonly uses1x?: boolean;
}

/**
 * The settings every transform of the run reads the file with. A run with the 1.x set (`--from 1`)
 * ends on 2.x code, so the file is read as written against honeyhive 2 whatever the project's
 * package.json still says (it names 1.x until the user or `--update-package` moves it): decided once
 * per run, the 2.x transforms can read the first parse when the 1.x set changed nothing, and only the
 * text the 1.x set changed is parsed again.
 */
function settingsOfRun(options: RunTransformsOptions): HoneyhiveSettings {
  const settings = readSettings({ honeyhive: options.settings ?? {} });
  return (options.transforms ?? TRANSFORM_IDS).some(is1xTransformId) ? { ...settings, sdkVersion: 2 } : settings;
}

function unchanged(source: string, error?: TransformFailure): TransformRunResult {
  return { output: source, changed: false, applied: [], markers: countMarkers(source), ...(error ? { error } : {}) };
}

function transformFailure(id: TransformId, error: unknown): TransformFailure {
  return { message: `${id}: ${error instanceof Error ? error.message : String(error)}` };
}

/** Parses `source` once, applies the selected transforms in order, prints once. Never throws. */
export function runTransforms(source: string, filePath: string, options: RunTransformsOptions = {}): TransformRunResult {
  const settings = settingsOfRun(options);
  const parsed = parseFile(source, filePath, settings, options.project, options.cwd);
  if (isParseFailure(parsed)) return unchanged(source, parsed.failure);
  // Every parse of this run: the first, and those of the text after edits (settle).
  const parses: ParsedFile[] = [parsed];
  try {
    const transformed = transformParsed(parsed, filePath, settings, options, parses);
    // gaps-migrate-10: the `--from 1` hint, on the parse the transforms read (they only record edits).
    const result = options.uses1x && mayUse1xApis(source) && uses1xApisIn(parsed.input) ? { ...transformed, uses1x: true as const } : transformed;
    if (!options.links) return result;
    // The transforms only recorded edits, so this is the very parse (and cached models) they read.
    let links: FileLinks;
    try {
      links = fileLinks(parsed.input);
    } catch (error) {
      return unchanged(source, { message: `project links: ${error instanceof Error ? error.message : String(error)}` });
    }
    return { ...result, links };
  } finally {
    // Nothing of the parses leaves this function (results are text and plain data).
    for (const file of parses) releaseParse(file);
  }
}

/** `parses` receives each parse made here, for the caller to release. */
function transformParsed(
  parsed: ParsedFile,
  filePath: string,
  settings: HoneyhiveSettings,
  options: RunTransformsOptions,
  parses: ParsedFile[],
): TransformRunResult {
  const source = parsed.text;
  let file: ParsedFile = parsed;
  let accepted: TextEdit[] = [];
  const applied: TransformId[] = [];
  const run: RunState = { removedTracers: new Set() };
  let after1x = false;
  // Set while the 2.x transforms read the first parse although the 1.x set left edits: where the first of them ran
  // (see `deferSettle`).
  let deferred: { readonly index: number } | undefined;
  // The text the accepted edits make of a text that parsed, read again. typescript-estree's grammar
  // checks ran on the source (the first parse); the edited text is checked by TypeScript's parser,
  // as the output check checks every edit (GrammarChecks in analysis/parse-input.ts).
  const parseEdited = () => parseFile(applyEdits(file.text, accepted), filePath, settings, options.project, options.cwd, "unchecked");
  /** Applies the accepted edits and parses the result, so the next transform reads it. */
  const settle = (): string | undefined => {
    const reparsed = parseEdited();
    if (isParseFailure(reparsed)) return `transforms produced unparsable code: ${reparsed.failure.message}`;
    parses.push(reparsed);
    file = reparsed;
    accepted = [];
    // The removed tracers are variables of the previous parse: none of the new one's can be one of them.
    run.removedTracers.clear();
    return undefined;
  };
  const ids = options.transforms ?? TRANSFORM_IDS;
  let index = 0;
  /** Settles what `deferSettle` let wait and goes back to the first 2.x transform (the settle resets the run state). */
  const undefer = (from: NonNullable<typeof deferred>): string | undefined => {
    index = from.index - 1;
    deferred = undefined;
    return settle();
  };
  for (; index < ids.length; index++) {
    const id = ids[index];
    const transform = transformById(id);
    try {
      // The 2.x transforms match 2.x code: after the 1.x set they read its output, not the 1.x source.
      const leaving1x = after1x && !is1xTransformId(id) && accepted.length > 0;
      after1x = is1xTransformId(id);
      if (leaving1x) {
        deferred = deferSettle(file, accepted) ? { index } : undefined;
        const failedSettle = deferred ? undefined : settle();
        if (failedSettle) return unchanged(source, { message: failedSettle });
      }
      let edits = collectEdits(transform, file, run, options.project);
      if (deferred && edits.length > 0) {
        // A 2.x transform would edit: the settled text decides how (a marker above a statement stops a second one
        // there, a moved range takes its marker along), read from the first 2.x transform on.
        const failed = undefer(deferred);
        if (failed) return unchanged(source, { message: failed });
        continue;
      }
      if (edits.some((edit) => accepted.some((earlier) => editsOverlap(edit, earlier)))) {
        // Two transforms rewrote the same code: settle the earlier ones, then look again. Rare, so
        // the second parse is only paid here.
        const failed = settle();
        if (failed) return unchanged(source, { message: failed });
        edits = collectEdits(transform, file, run, options.project);
      }
      if (edits.length === 0) continue;
      accepted = accepted.concat(edits);
      applied.push(id);
    } catch (error) {
      if (!deferred) return unchanged(source, transformFailure(id, error));
      // Whatever this was, the settled text is what decides.
      const failed = undefer(deferred);
      if (failed) return unchanged(source, { message: failed });
    }
  }

  // gaps-migrate-9: the SDK imports the run left unused go (transforms/1x/unused-imports.ts); a parse only where the
  // pending edits cannot tell.
  if (applied.some(is1xTransformId)) {
    try {
      const usedBefore = usedSdkBindings(parsed.input);
      let removals = usedBefore.size === 0 ? [] : unusedSdkImportEdits(usedBefore, file.input, accepted);
      if (removals === undefined) {
        const reparsed = parseEdited();
        if (isParseFailure(reparsed)) return unchanged(source, { message: `transforms produced unparsable code: ${reparsed.failure.message}` });
        parses.push(reparsed);
        file = reparsed;
        accepted = [];
        removals = unusedSdkImportEdits(usedBefore, file.input, []) ?? [];
      }
      accepted = accepted.concat(removals);
    } catch (error) {
      return unchanged(source, { message: `unused imports: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  let output: string;
  try {
    output = applyEdits(file.text, accepted);
  } catch (error) {
    return unchanged(source, { message: `edits could not be applied: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (output === source) return unchanged(source);
  // Never hand back code that no longer parses: the edits are text, so check the result once
  // (TypeScript's parser alone; skipped when no edit can change how the file parses: output-check.ts).
  const syntaxError = syntaxErrorOfEdited(file.ast, file.text, accepted, output, filePath);
  if (syntaxError) {
    return unchanged(source, { message: `transforms produced unparsable code (${applied.join(", ")}): ${syntaxError.message}` });
  }
  return { output, changed: true, applied, markers: countMarkers(output) };
}

/**
 * Whether the 2.x transforms may read the first parse although the 1.x set left `pending` edits: when every one is a
 * review marker's line at a statement start (output-check.ts `isCommentLineAtStatement`), the settled text has the
 * same tokens, only more comments, and its parse is this one with ranges moved. A 2.x transform that edits nothing
 * here edits nothing there: what it reads of the text beyond the nodes is markers, and a marker above a statement
 * only stops it from marking that statement again (markers.ts). The settle (the text parsed again) then waits for
 * the first 2.x transform that would edit, and most such files are never parsed a second time.
 */
function deferSettle(file: ParsedFile, pending: readonly TextEdit[]): boolean {
  return pending.every((edit) => isCommentLineAtStatement(file.ast, file.text, edit));
}

function collectEdits(
  transform: CodemodTransform,
  file: ParsedFile,
  run: RunState,
  project: ProjectFileFacts | undefined,
): TextEdit[] {
  const edits = new EditList();
  transform.collect({ file, edits, run, ...(project ? { project } : {}) });
  // Edits that would leave the text as it was (e.g. replacing a name by itself) are not changes.
  return edits.edits.filter((edit) => edit.text !== file.text.slice(edit.start, edit.end));
}

// The text prefilter lives apart so the CLI can run it without loading the parsers; re-exported
// here because it is part of the engine contract.
export { localImportsOfTracerHint, mayUseSdk } from "./prefilter.js";

/** jscodeshift's transform signature, as far as the transforms use it. */
export interface JscodeshiftFileInfo {
  readonly path: string;
  readonly source: string;
}

export interface JscodeshiftOptions {
  readonly settings?: RunTransformsOptions["settings"];
}

/**
 * Runs one transform the way jscodeshift calls a transform module's default export. jscodeshift
 * reports a thrown error as a failed file, so unlike `runTransforms` this throws on a parse or
 * transform error (with `file:line:column`).
 */
export function runAsJscodeshift(id: TransformId, file: JscodeshiftFileInfo, options?: JscodeshiftOptions): string {
  const result = runTransforms(file.source, file.path, { transforms: [id], settings: options?.settings });
  if (result.error) {
    const where = result.error.line === undefined ? "" : `:${result.error.line}:${result.error.column ?? 1}`;
    throw new Error(`${file.path}${where} ${result.error.message}`);
  }
  return result.output;
}

/** The default export of a codemods/jscodeshift/<id> module: that one transform, run by jscodeshift. */
export function jscodeshiftEntry(id: TransformId): (file: JscodeshiftFileInfo, api?: unknown, options?: JscodeshiftOptions) => string {
  return (file, _api, options) => runAsJscodeshift(id, file, options);
}
