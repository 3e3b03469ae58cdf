// The project pass, for what one file cannot show the per-file transforms:
// - modules that export a HoneyHive tracer (`lib/tracing.ts` exporting `tracer` or `getTracer`), so the
//   CLI also migrates files that import it without ever mentioning "honeyhive" (the text prefilter
//   would skip them);
// - functions defined in one module and run by evaluate() in another, so evaluate-managed-tracer
//   unbinds their tracer and explicit-tracer leaves them alone, as if evaluate() sat in their file.
// Two steps. `fileLinks` reads one file's parse through the analysis core (the same parse, matchers
// and export-fact extractor as the rules' cross-file reading, analysis/project-modules.ts) into plain data; the engine computes it on the parse it transforms with
// (`runTransforms(…, { links: true })`), in whichever thread that runs, so no file is parsed for
// the pass alone. `linkProject` then joins the files' links: the TypeScript that typescript-estree
// parses with (one copy loaded, not ts-morph's second one) resolves the import specifiers between
// files (Bundler resolution: `./x.js` → `x.ts`, extensionless, index files, `require`). The CLI runs
// the transforms once more only on the few files the joined links change (see cli/migrate.ts).
// `analyzeProject` does both steps over files on disk, for callers without the engine's loop.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
// `import =` compiles to require() (createRequire in the ESM build): an ESM `import` of TypeScript's
// 9 MB CommonJS bundle makes Node lex all of it for named exports, ~0.6 s per process.
import ts = require("typescript");
import { evaluatedIdentifier, getEvaluateModel } from "../../analysis/evaluate.js";
import { extractModuleFacts, type ExportFact } from "../../analysis/export-facts.js";
import { TRACER_MEMBERS } from "../../analysis/knowledge/sdks/honeyhive.js";
import { mayExportOtelToHoneyhive } from "../../analysis/knowledge/sdks/opentelemetry.js";
import type { AnalysisInput } from "../../analysis/input.js";
import { CJS_RE_EXPORT, importOrigin, MAX_RE_EXPORT_CHAIN, projectModules } from "../../analysis/project-modules.js";
import { MAY_RE_EXPORT_SDK } from "../../analysis/sdk-barrels.js";
import { getSdkModel } from "../../analysis/sdk-model.js";
import { readSettings } from "../../analysis/settings.js";
import type { RunTransformsOptions } from "./engine.js";
import { DirectoryListings } from "./directory-listings.js";
import { mayImportSdkTracer } from "./prefilter.js";
import { isParseFailure, parseFile } from "./parse.js";
import type { FileLinks, ProjectFileFacts } from "./transform-api.js";

export interface ProjectFile {
  readonly path: string;
  /** The file's text when the caller already read it; read from disk otherwise. */
  readonly text?: string;
}

export interface ProjectAnalysis {
  /** Modules (absolute paths) that export a tracer → the exported names (`tracer`, `getTracer`). */
  readonly tracerModules: ReadonlyMap<string, readonly string[]>;
  /** Modules (absolute paths) whose exports evaluate() runs from another module → those export names. */
  readonly evaluatedExports: ReadonlyMap<string, readonly string[]>;
  /** What to pass as `runTransforms(…, { project })` for this file (undefined: nothing to add). */
  factsFor(path: string): ProjectFileFacts | undefined;
  /**
   * Tells the pass a project file's imports (any file, candidate or skipped; before `factsFor`): an
   * import of a module whose exports evaluate() runs, from a file that does not evaluate them, makes
   * that module's facts say `importedOutsideEvaluate`. Costs nothing in a project without such modules.
   */
  noteImports(path: string, text: string): void;
  /**
   * For a file the text prefilter skipped: does it import one of the tracer modules? Then it is a
   * candidate after all (its handlers may call `tracer.sessionStart()` on the imported tracer). So is
   * a file that mentions a tracer and imports a project module this pass cannot look into (a path
   * alias, a missing file) or one outside the analyzed files that names the SDK: the analysis core
   * takes such an import for a tracer. A module that resolves to a project file not naming the SDK
   * cannot export a HoneyHive tracer (Effect's own `./Tracer.js`), so it does not count.
   */
  importsTracerModule(path: string, text: string): boolean;
}

const RESOLUTION_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  noEmit: true,
};

/** TypeScript's module resolution asking `listings` instead of a `stat` per name it tries. */
function resolutionHost(listings: DirectoryListings): ts.ModuleResolutionHost {
  return {
    fileExists: (path) => listings.isFile(path),
    directoryExists: (path) => listings.isDirectory(path),
    readFile: (path) => ts.sys.readFile(path),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  };
}

/** Resolves `specifier` from `fromFile` to an absolute path of a project source file, if it is one. */
function resolveModule(specifier: string, fromFile: string, host: ts.ModuleResolutionHost = ts.sys): string | undefined {
  if (!/^\.{1,2}(?:\/|$)/.test(specifier)) return undefined;
  const resolved = ts.resolveModuleName(specifier, fromFile, RESOLUTION_OPTIONS, host).resolvedModule;
  if (!resolved || resolved.isExternalLibraryImport) return undefined;
  return resolve(resolved.resolvedFileName);
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/**
 * What `input` (one file's parse, without project facts or with them) tells the project pass. The
 * exported tracers and getters come from the extractor ESLint uses on imported modules
 * (analysis/export-facts.ts), so `migrate` and the rules learn the same facts from the same code; an
 * evaluated import is resolved as the rules resolve it (relative paths and tsconfig `paths`). Never throws.
 */
export function fileLinks(input: AnalysisInput): FileLinks {
  const tracerExports: string[] = [];
  const evaluatedImports: { module: string; name: string }[] = [];
  const sdk = getSdkModel(input);
  // `TraceFunctionOptions`: a helper typed with 1.x's options needs only a type import (below).
  if (!sdk.usesSdk && !mayExportOtelToHoneyhive(input.text) && !MAY_RE_EXPORT_SDK.test(input.text) && !input.text.includes("TraceFunctionOptions")) return { tracerExports, evaluatedImports };
  const path = resolve(input.filename);
  // Only the facts read below (the tracer-like exports and holders, the pipeline, the SDK re-export).
  const moduleFacts = extractModuleFacts(input, "tracers");
  for (const [name, facts] of Object.entries(moduleFacts.exports)) {
    // An OpenTelemetry provider or tracer of a pipeline exporting to HoneyHive: its importers' handlers must flush it.
    const tracesToHoneyhive = (fact: ExportFact) => fact.kind === "tracer" || fact.kind === "getter" || ((fact.kind === "otel" || fact.kind === "otelTracer") && fact.honeyhive);
    // A function that inits a tracer on every call: a handler importing it gets hoist-tracer-init's marker.
    if (facts.some((fact) => tracesToHoneyhive(fact) || fact.kind === "initsTracer")) tracerExports.push(name);
  }
  // A class (or instance) whose members hold a tracer: its importers reach the tracer through it (`--from 1`).
  for (const name of Object.keys(moduleFacts.tracerHolders ?? {})) if (!tracerExports.includes(name)) tracerExports.push(name);
  // A helper taking 1.x's trace options (`traced(fn, options: TraceFunctionOptions)`): its importers' options are renamed (`--from 1`, 1x-trace-wrappers).
  for (const name of Object.keys(moduleFacts.traceOptionsParameters ?? {})) if (!tracerExports.includes(name)) tracerExports.push(name);
  for (const call of getEvaluateModel(input).calls) {
    if (!call.functionProperty || call.evaluatedFunctions.length > 0) continue;
    const identifier = evaluatedIdentifier(sdk, call.functionProperty.value);
    const variable = identifier && sdk.variableOf(identifier);
    const origin = variable && importOrigin(input, variable);
    const module = origin && projectModules().resolve(origin.specifier, path);
    if (origin && module) evaluatedImports.push({ module, name: origin.name });
  }
  return {
    tracerExports,
    evaluatedImports,
    ...(moduleFacts.otelPipeline?.registered ? { registersPipeline: true as const } : {}),
    ...(moduleFacts.sdkReExport ? { reExportsSdk: true as const } : {}),
    ...(moduleFacts.globalTracerSlots ? { globalTracerSlots: moduleFacts.globalTracerSlots } : {}),
  };
}

/** One analysed file: its path, and its links (undefined when it could not be read or parsed). */
export interface LinkedFile {
  readonly path: string;
  readonly links?: FileLinks;
}

/** Joins the links of the analysed files (the prefilter's candidates). Never throws on a bad file. */
export function linkProject(
  files: readonly LinkedFile[],
  options: { readonly settings?: RunTransformsOptions["settings"]; readonly listings?: DirectoryListings } = {},
): ProjectAnalysis {
  const tracerModules = new Map<string, string[]>();
  const pipelineModules = new Set<string>();
  const sdkBarrels = new Set<string>();
  /** The `globalThis` slots an analysed module fills with a tracer (`globalThis.hhTracer = HoneyHiveTracer.init(…)`). */
  const globalSlots = new Set<string>();
  const evaluatedExports = new Map<string, string[]>();
  /** Tracer module → members its importers use as a tracer (`telemetry.tracer.createSession()`). */
  const membersUsedAsTracer = new Map<string, string[]>();
  /** Evaluated module → the files whose evaluate() runs its exports. */
  const evaluatingFiles = new Map<string, Set<string>>();
  const importedOutsideEvaluate = new Set<string>();
  const analyzed = new Set<string>();
  const namesSdk = new Map<string, boolean>();
  const listings = options.listings ?? new DirectoryListings();
  const host = resolutionHost(listings);

  for (const { path, links } of files) {
    const key = resolve(path);
    analyzed.add(key);
    for (const name of links?.tracerExports ?? []) addTo(tracerModules, key, name);
    if (links?.registersPipeline) pipelineModules.add(key);
    if (links?.reExportsSdk) sdkBarrels.add(key);
    for (const slot of links?.globalTracerSlots ?? []) globalSlots.add(slot);
    for (const { module, name } of links?.evaluatedImports ?? []) {
      addTo(evaluatedExports, module, name);
      const files = evaluatingFiles.get(module) ?? new Set<string>();
      evaluatingFiles.set(module, files.add(key));
    }
  }
  // A specifier is resolved only when its last segment names an evaluated module (`./pipeline.js`).
  const evaluatedStems = new Set([...evaluatedExports.keys()].map(stemOf));

  /**
   * A module re-exports, directly or down a chain of relative `export … from` (each module once), an
   * export of a tracer module or an SDK barrel: `export * from "./tracing"`, `export { telemetry } from
   * "./tracing"` (only when a name it hands on is one the tracer module exports). Asked only in a
   * project with such modules, once per module a skipped file imports (cached), and a module without
   * `export … from` in its text costs one regex.
   */
  /**
   * A module the prefilter skipped that imports an SDK barrel (`import { HoneyHiveTracer } from "./hh"`,
   * naming neither the SDK nor a tracer's word the prefilter knows): its exports are not linked yet, and
   * may be tracers, so its importers are read too (their transform reads its facts, which see through
   * the barrel). Cached per module; one regex over its text.
   */
  const importsSdkBarrelCache = new Map<string, boolean>();
  const unlinkedSdkUser = (module: string): boolean => {
    if (sdkBarrels.size === 0 || analyzed.has(module)) return false;
    let found = importsSdkBarrelCache.get(module);
    if (found !== undefined) return found;
    found = false;
    try {
      for (const match of readFileSync(module, "utf8").matchAll(RELATIVE_IMPORT)) {
        const target = resolveModule(match[2]!, module, host);
        if (target !== undefined && match[1] === undefined && sdkBarrels.has(target)) found = true;
        if (found) break;
      }
    } catch {
      // Unreadable: nothing to link.
    }
    importsSdkBarrelCache.set(module, found);
    return found;
  };

  const handsOnLinkedCache = new Map<string, boolean>();
  const handsOnLinked = (module: string, visited: Set<string>): boolean => {
    const cached = handsOnLinkedCache.get(module);
    if (cached !== undefined) return cached;
    if (tracerModules.size === 0 && sdkBarrels.size === 0) return false;
    let found = false;
    let text = "";
    try {
      text = readFileSync(module, "utf8");
    } catch {
      // Unreadable: hands on nothing this pass can see.
    }
    const reExports = [...text.matchAll(LINKED_RE_EXPORT)].map(([, names, specifier]) => [names!, specifier!] as const);
    for (const [, specifier] of text.matchAll(CJS_RE_EXPORT)) reExports.push(["*", specifier!]);
    for (const [names, specifier] of reExports) {
      const target = resolveModule(specifier, module, host);
      if (target === undefined || visited.has(target)) continue;
      const exported = tracerModules.get(target);
      if (sdkBarrels.has(target) || (exported && reExportsAny(names!, exported)) || unlinkedSdkUser(target)) found = true;
      else if (visited.size < MAX_RE_EXPORT_CHAIN) found = handsOnLinked(target, visited.add(target));
      if (found) break;
    }
    handsOnLinkedCache.set(module, found);
    return found;
  };

  /**
   * A file importing a tracer module that calls a tracer's member on a member of something (`telemetry.tracer
   * .createSession()`, `new Telemetry().tracer.forceFlush()`): that member holds the tracer itself, not 1.x's
   * promise of it (1.x code awaited it first), so the module's field initialized with an init is 2.x code.
   * Text evidence, tied to the imported module only: it can only keep a review marker off.
   */
  const noteMembersUsedAsTracer = (from: string, text: string): void => {
    if (!text.includes(".")) return;
    const targets: string[] = [];
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = match[1] === undefined ? resolveModule(match[2]!, from, host) : undefined;
      if (target !== undefined && target !== from && tracerModules.has(target)) targets.push(target);
    }
    if (targets.length === 0) return;
    for (const [, member, used] of text.replace(COMMENT_OR_STRING, " ").matchAll(MEMBER_OF_MEMBER)) {
      if (!TRACER_USES.has(used!)) continue;
      for (const target of targets) if (!membersUsedAsTracer.get(target)?.includes(member!)) addTo(membersUsedAsTracer, target, member!);
    }
  };

  return {
    tracerModules,
    evaluatedExports,
    factsFor(path) {
      const key = resolve(path);
      const names = evaluatedExports.get(key);
      const members = membersUsedAsTracer.get(key);
      if (!names && !members) return undefined;
      return {
        evaluatedExports: names ?? [],
        ...(names && importedOutsideEvaluate.has(key) ? { importedOutsideEvaluate: true as const } : {}),
        ...(members ? { membersUsedAsTracer: members } : {}),
      };
    },
    noteImports(path, text) {
      const from = resolve(path);
      if (tracerModules.size > 0) noteMembersUsedAsTracer(from, text);
      if (evaluatedExports.size === 0) return;
      const note = (target: string) => {
        if (target !== from && evaluatedExports.has(target) && !evaluatingFiles.get(target)?.has(from)) importedOutsideEvaluate.add(target);
      };
      for (const match of text.matchAll(RELATIVE_IMPORT)) {
        if (!evaluatedStems.has(stemOf(match[2]!))) continue;
        const target = resolveModule(match[2]!, from, host);
        if (target !== undefined) note(target);
      }
      // An alias (`@/lib/pipeline`, a tsconfig `paths` or `baseUrl` import) resolves as the project's
      // other imports do; one that does not resolve, named like an evaluated module, counts as importing
      // each such module: keeping its tracer under a marker is the safe answer (review-migrate finding 3).
      for (const match of text.matchAll(BARE_IMPORT)) {
        const stem = stemOf(match[2]!);
        if (!evaluatedStems.has(stem)) continue;
        const target = projectModules().resolve(match[2]!, from);
        if (target !== undefined) note(resolve(target));
        else for (const module of evaluatedExports.keys()) if (stemOf(module) === stem) note(module);
      }
    },
    importsTracerModule(path, text) {
      const from = resolve(path);
      // A read of such a slot: the analysis decides (analysis/global-slots.ts) whether this file sees it as a tracer.
      if (globalSlots.size > 0 && readsGlobalSlot(text, globalSlots)) return true;
      if (tracerModules.size > 0 || pipelineModules.size > 0 || sdkBarrels.size > 0) {
        for (const match of text.matchAll(RELATIVE_IMPORT)) {
          const target = resolveModule(match[2], from, host);
          if (!target) continue;
          // Also `import { telemetry } from "./lib"` with `lib/index.ts` re-exporting the tracer module:
          // such a file may name neither the SDK nor a tracer (`await telemetry.flush()`).
          if (match[1] !== undefined ? pipelineModules.has(target) : tracerModules.has(target) || sdkBarrels.has(target) || unlinkedSdkUser(target) || handsOnLinked(target, new Set([target]))) return true;
        }
        // A package of the project's workspace (`import { tracer } from "@acme/telemetry"` from apps/api, or
        // `import "@acme/otel"` of a package that registers a pipeline): the same test on the file it names.
        // So is a `paths` alias shaped like a package (`@obs/tracing` under `"@obs/*"`); any other bare specifier resolves nothing here.
        for (const match of text.matchAll(BARE_IMPORT)) {
          const target = projectModules().resolveWorkspaceImport(match[2]!, from) ?? projectModules().resolvePathAlias(match[2]!, from);
          if (target === undefined) continue;
          if (match[1] !== undefined ? pipelineModules.has(target) : tracerModules.has(target) || sdkBarrels.has(target) || unlinkedSdkUser(target) || handsOnLinked(target, new Set([target]))) return true;
        }
      }
      // An analyzed module that is not a tracer module exports no tracer.
      const exportsNoTracer = (file: string): boolean => analyzed.has(file) && !tracerModules.has(file) && !sdkBarrels.has(file);
      return mayImportSdkTracer(text, from, options.settings, exportsNoTracer, namesSdk, listings, (specifier, fromFile) => projectModules().resolveWorkspaceImport(specifier, fromFile) ?? projectModules().resolvePathAlias(specifier, fromFile));
    },
  };
}

/**
 * `<x>.tracer.createSession`, `x?.tracer?.forceFlush` (group 1: the holding member, group 2: the member used on it).
 * Not on `this` (review-migrate4): the importer's own class's member, no evidence about the imported module's.
 * Only `.tracer` is consumed, so a longer chain is read at each link: `this.tracing.tracer.sessionStart()` (an
 * injected service's field), `app.telemetry.tracer.trace()`.
 */
const MEMBER_OF_MEMBER = /(?<=[\w$)\]])(?<!\bthis)\??\.(#?[\w$]+)(?=\s*\??\.\s*([\w$]+))/g;

/**
 * Comments and string or template literals: text naming a member there (`// telemetry.tracer.trace(…)`) is no
 * use of it (review-migrate4). A regular expression literal holding a quote may blank code after it: less evidence,
 * so a marker kept, never one lost.
 */
const COMMENT_OR_STRING = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/** Members only a tracer has (`createSession`, `forceFlush`, `trace`, …; not a promise's `then`), from the SDK's manifest. */
const TRACER_USES: ReadonlySet<string> = new Set(Object.entries(TRACER_MEMBERS).flatMap(([name, member]) => ("tracerLike" in member && member.tracerLike ? [name] : [])));

/** The last path segment without its extensions: `./lib/pipeline.js` → `pipeline`, `/p/src/pipeline.ts` → `pipeline`. */
function stemOf(path: string): string {
  return (path.split("/").pop() ?? "").replace(/\..*$/, "");
}

/** `from "./m"`, `require("./m")`, `import("./m")`, and the side-effect `import "./m"` (group 1), of a relative specifier (group 2). */
const RELATIVE_IMPORT = /(?:from\s*|require\s*\(\s*|import\s*\(\s*|(import)\s*)["'](\.{1,2}(?:\/[^"']*)?)["']/g;

/** `from "m"`, `require("m")`, `import("m")`, and the side-effect `import "m"` (group 1), of a specifier that is not relative (group 2). */
const BARE_IMPORT = /(?:from\s*|require\s*\(\s*|import\s*\(\s*|(import)\s*)["']([^"'.][^"']*)["']/g;

/** `export * from "./m"`, `export * as ns from`, `export { a, b as c } from` (group 1: what, group 2: the relative specifier); not `export type`. */
const LINKED_RE_EXPORT = /\bexport\s*(\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["'](\.{1,2}(?:\/[^"']*)?)["']/g;

/** Whether a re-export's clause (`*`, `* as ns`, `{ a, b as c, type T }`) hands on one of `exported` (`export *` never the default). */
function reExportsAny(clause: string, exported: readonly string[]): boolean {
  if (clause.startsWith("*")) return /\bas\b/.test(clause) || exported.some((name) => name !== "default");
  return clause
    .slice(1, -1)
    .split(",")
    .some((specifier) => {
      const local = /^\s*(type\s+)?([\w$]+)/.exec(specifier);
      return local !== null && local[1] === undefined && exported.includes(local[2]!);
    });
}

/** Reads and parses the candidate files through the analysis core and links them. Never throws on a bad file. */
export function analyzeProject(
  files: readonly (string | ProjectFile)[],
  options: { readonly settings?: RunTransformsOptions["settings"] } = {},
): ProjectAnalysis {
  const settings = readSettings({ honeyhive: options.settings ?? {} });
  const linked = files.map((entry): LinkedFile => {
    const path = resolve(typeof entry === "string" ? entry : entry.path);
    let text: string;
    try {
      text = typeof entry === "string" || entry.text === undefined ? readFileSync(path, "utf8") : entry.text;
    } catch {
      return { path };
    }
    const parsed = parseFile(text, path, settings);
    return isParseFailure(parsed) ? { path } : { path, links: fileLinks(parsed.input) };
  });
  return linkProject(linked, options);
}

/** `globalThis.<slot>` or `global.<slot>` in `text`, for one of `slots`. */
function readsGlobalSlot(text: string, slots: ReadonlySet<string>): boolean {
  if (!text.includes("global")) return false;
  for (const match of text.matchAll(GLOBAL_MEMBER)) if (slots.has(match[1]!)) return true;
  return false;
}
const GLOBAL_MEMBER = /\bglobal(?:This)?\s*\??\.\s*([\w$]+)/g;
