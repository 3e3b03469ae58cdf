// Cross-file facts, one module deep, without type information: what the project modules a linted
// file imports export (analysis/export-facts.ts), modelled on eslint-plugin-import's export map.
//
// - Resolution: relative specifiers (`./x.js` → `x.ts` as TypeScript's NodeNext/Bundler resolution
//   maps it, extension probing, `index.*`) and the `paths` / `baseUrl` of the nearest
//   `tsconfig.json` / `jsconfig.json` (its `extends` followed one level). Never a file outside the
//   project root (the nearest directory with a package.json), never one under node_modules, never a
//   declaration file (but one beside a JavaScript module whose own facts name no tracer is read for
//   that module's facts: `factsOf`, analysis/declaration-facts.ts).
// - Reading: only when a model asks about a binding the file imports from a project module, and only
//   that module (plus one more hop through `export … from`); each file is parsed once per process
//   per (path, mtime, size). A file that imports no project module costs nothing: no stat, no read.
// - A file read here is never followed further: its own imports are not resolved (one module deep),
//   which also keeps the models that run on it from recursing. Parsing and extracting a module's facts
//   is the input's `readModuleFacts` hook (analysis/input.ts), which gives the module's own input no such
//   hook; this reader does not import the extractor, whose models import this reader.
// - Unreadable, unparsable or unresolvable = no facts; nothing here throws into a rule.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { TSESTree } from "@typescript-eslint/types";
import { AttachedCache } from "./attached-cache.js";
import { requireSpecifier, unwrapExpression } from "./ast.js";
import { exportPath, type ModuleOrigin } from "./bindings.js";
import { getAnalysisContext } from "./context.js";
import type { ExportFact, ExportFactKind, ModuleFacts, ReExport } from "./export-facts.js";
import type { AnalysisInput, ModuleFactsReader } from "./input.js";
import { mayActivatePipeline } from "./knowledge/instrumentations.js";
import { isKnownNonHoneyhiveModule, mentionsTracerHintText } from "./knowledge/sdks/index.js";
import { isLocalModule, isSdkModule } from "./settings.js";
import { MAX_WORKSPACE_LEVELS, splitPackageSpecifier, workspaceOf, workspacePackageOf, type WorkspacePackage } from "./workspaces.js";

/** The file system as the reader uses it; injectable so tests can count and fake the work. */
export interface ProjectFileSystem {
  /** Undefined when nothing is there. */
  stat(path: string): { readonly isFile: boolean; readonly isDirectory: boolean; readonly mtimeMs: number; readonly size: number } | undefined;
  /** Undefined when the file cannot be read. */
  readFile(path: string): string | undefined;
  /** The path with symbolic links resolved (to keep a link from leading out of the project). */
  realpath(path: string): string;
  /** The entries of a directory (symbolic links classified by what they point to); undefined when it cannot be listed. */
  readDirectory(path: string): ReadonlyMap<string, "file" | "directory" | "other"> | undefined;
  /** Whether anything is at `path` (following links, as `existsSync`); without it, `stat` answers. */
  exists?(path: string): boolean;
}

export const NODE_FILE_SYSTEM: ProjectFileSystem = {
  exists: existsSync,
  stat(path) {
    try {
      const stats = statSync(path, { throwIfNoEntry: false });
      return stats && { isFile: stats.isFile(), isDirectory: stats.isDirectory(), mtimeMs: stats.mtimeMs, size: stats.size };
    } catch {
      return undefined;
    }
  },
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  realpath(path) {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
  readDirectory(path) {
    try {
      const entries = new Map<string, "file" | "directory" | "other">();
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const target = entry.isSymbolicLink() ? NODE_FILE_SYSTEM.stat(join(path, entry.name)) : { isFile: entry.isFile(), isDirectory: entry.isDirectory() };
        entries.set(entry.name, target?.isFile ? "file" : target?.isDirectory ? "directory" : "other");
      }
      return entries;
    } catch {
      return undefined;
    }
  },
};

/** What a binding imported from a project module is, as far as that module (or the one it re-exports from) shows. */
export interface ImportedExport {
  readonly facts: readonly ExportFact[];
  /** The module that defines the export (absolute path). */
  readonly path: string;
  /** That module's path relative to the project root, `/`-separated, for messages (`src/lib/tracing.ts`). */
  readonly displayPath: string;
  /** The export's name in that module. */
  readonly name: string;
}

interface CompilerPaths {
  /** Where non-relative specifiers resolve from (`baseUrl`), if set. */
  readonly baseUrl: string | undefined;
  /** Where `paths` targets resolve from: `baseUrl`, else the directory of the config that declares `paths`. */
  readonly pathsBase: string;
  readonly paths: readonly { readonly pattern: string; readonly targets: readonly string[] }[];
}

/** Something a resolution read, as it was: a directory's listing (by mtime) or a config file (mtime and size). */
interface Dependency {
  readonly path: string;
  readonly isDirectory: boolean;
  /** `MISSING` when nothing of that kind was there; NaN when it never counts as unchanged. */
  readonly mtimeMs: number;
  readonly size: number;
}
const MISSING = -1;

/** The nearest package.json's folder of a folder (null: none at or above it), whether the folder is on disk, and when that was read. */
interface PackageRootEntry {
  readonly root: string | null;
  /** Undefined until `packageRootOnDisk` needs to know. */
  onDisk: boolean | undefined;
  readonly checkedAt: number;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"] as const;
/** `./x.js` names the compiled output of `x.ts` (NodeNext): the TypeScript sources come first. */
const TYPESCRIPT_SOURCES_OF: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};
/** A JavaScript module's extension and that of the declaration file TypeScript reads for it. */
const JAVASCRIPT_DECLARATIONS: readonly (readonly [string, string])[] = [
  [".js", ".d.ts"],
  [".jsx", ".d.ts"],
  [".mjs", ".d.mts"],
  [".cjs", ".d.cts"],
];
/** A module that tells nothing (unreadable, unparsable, or nothing the rules care about). Here, not in export-facts.ts: see the header. */
export const NO_FACTS: ModuleFacts = Object.freeze({ exports: Object.freeze({}), reExports: Object.freeze([]) as readonly ReExport[] });
const MAX_CONFIG_BYTES = 1_000_000;
const MAX_SOURCE_BYTES = 2_000_000;

/**
 * A module can hold a fact only if its text names what the facts are about: the SDK, OpenTelemetry, a
 * session start, a flush, a traced function (or, `mayActivatePipeline`, a package that activates an
 * OpenTelemetry pipeline with the name it is activated by; a parameter decorator a framework factory makes,
 * `createParamDecorator`: session-id-flow.ts reads what it returns; a reader of validation errors, express-validator's
 * `validationResult`: a middleware that rejects on them, `rejectsValidationErrors`; a schema's UUID rule, `uuid(`/`.guid(`:
 * an exported schema that checks a session id, `uuidSchema`; a `declare global` block: a global slot typed with the
 * SDK's tracer class, whose name may come renamed through a barrel, `import type { Tracer } from "@/lib"`:
 * `globalTracerSlots`). Any other module is read but never parsed,
 * so a project whose files import each other (most projects) pays a read, not a second parse, per
 * imported module.
 * A barrel that names none of them is parsed when a module it re-exports from does (one hop).
 */
const MAY_HOLD_FACTS = /honeyhive|HoneyHive|@opentelemetry|sessionStart|startSession|forceFlush|flushAsync|\.flush\s*\(|\bshutdown\s*\(|\btrace(?:Function|Model|Tool|Chain)?\s*\(|createParamDecorator|validationResult|\buuid\s*\(|\.guid\s*\(|\bdeclare\s+global\b/;

/**
 * CommonJS handing on a whole module: `module.exports = require("./m")`, `module.exports = { ...require("./m"), … }`,
 * `Object.assign(module.exports, require("./m"))`, or names of it: `exports.tracer = require("./m").tracer` (group 1:
 * the relative specifier). Read as `export *` (the text gates what is parsed; the parse reads the names).
 */
export const CJS_RE_EXPORT = /\b(?:module\.exports\s*=\s*(?:\{\s*(?:[^{}]*?,\s*)?\.\.\.\s*)?|(?:module\.)?exports\.[\w$]+\s*=\s*|Object\.assign\s*\(\s*module\.exports\s*,\s*)require\s*\(\s*["'](\.{1,2}(?:\/[^"']*)?)["']\s*\)/g;

const RE_EXPORT_SPECIFIERS = /\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|type\s*\{[^}]*\}|\{[^}]*\})\s*from\s*["']([^"']+)["']/g;

/**
 * How many modules a chain of re-exports is read through, the first included (`factsOf`'s
 * `throughReExportChains`, and the SDK barrels of analysis/sdk-barrels.ts): far beyond what a project nests.
 */
export const MAX_RE_EXPORT_CHAIN = 16;

/**
 * What the analysis reads from a package.json, in one parse: the deployment signals
 * (analysis/deployment.ts: dependencies, `main`, script preloads), the declared SDK version
 * (analysis/sdk-version.ts: ranges) and the workspace walk (`isWorkspaceRoot`: `workspaces`).
 */
export interface PackageManifest {
  /** Every package it names, of any kind (dependencies, dev, optional, peer). */
  readonly dependencies: ReadonlySet<string>;
  /** The range each package is named with (a string value; the first of dependencies, dev, peer, optional): the SDK's version (analysis/sdk-version.ts). */
  readonly ranges: ReadonlyMap<string, string>;
  /** `main`, when it is a string. */
  readonly main?: string;
  /** What its scripts preload (`node --import ./instrument.mjs`, `-r dd-trace/init`, in NODE_OPTIONS too), as written. */
  readonly preloads: readonly string[];
  /** It declares `workspaces` (npm, yarn, bun): the root of a workspace. */
  readonly workspaces: boolean;
  /** `name`, when it is a string: what a workspace's other packages import it as (analysis/workspaces.ts). */
  readonly name?: string;
  /** The directory patterns of `workspaces` (an array, or yarn's `{ packages }`), when there are any. */
  readonly workspacePatterns?: readonly string[];
  /**
   * The files the bare package name loads, as written, in the order they are tried: the strings of
   * `exports` (its `"."` entry or its top-level conditions, each condition in order), then `types`,
   * `typings`, `module` and `main` (analysis/workspaces.ts). Absent when none.
   */
  readonly entryPoints?: readonly string[];
  /** Its subpath `imports` (`"#obs": "./src/obs.ts"`): each key and the relative targets it names, in the order tried. */
  readonly imports?: readonly { readonly pattern: string; readonly targets: readonly string[] }[];
}

export const EMPTY_MANIFEST: PackageManifest = Object.freeze({ dependencies: new Set<string>(), ranges: new Map<string, string>(), preloads: Object.freeze([]) as readonly string[], workspaces: false });

/** `--import x`, `--import=x`, `--require x`, `-r x` in a script (quotes around the module allowed). */
const PRELOAD_FLAG = /(?:^|[\s"'=])(?:--import|--require|-r)(?:\s+|=)["']?([^\s"']+)/g;

/** What a command line or a `NODE_OPTIONS` value preloads (`--import ./instrument.mjs`, `-r dd-trace/init`), as written. */
export function preloadsOfCommand(command: string): string[] {
  return [...command.matchAll(PRELOAD_FLAG)].map((match) => match[1]!);
}

/**
 * `text` without a leading UTF-8 byte order mark (U+FEFF), which `JSON.parse` refuses and Node, npm
 * and TypeScript skip in a package.json, tsconfig.json or function.json that an editor saved with one.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The package.json text's manifest; an empty one for text that does not parse or is no object. */
export function parsePackageManifest(text: string): PackageManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(withoutBom(text));
  } catch {
    // An invalid package.json tells nothing (npm would refuse it too).
    return EMPTY_MANIFEST;
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) return EMPTY_MANIFEST;
  const record = manifest as Record<string, unknown>;
  const dependencies = new Set<string>();
  const ranges = new Map<string, string>();
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    const value = record[field];
    if (typeof value !== "object" || value === null) continue;
    for (const [name, range] of Object.entries(value)) {
      dependencies.add(name);
      if (typeof range === "string" && !ranges.has(name)) ranges.set(name, range);
    }
  }
  const preloads = new Set<string>();
  const scripts = record.scripts;
  if (typeof scripts === "object" && scripts !== null) {
    for (const script of Object.values(scripts)) if (typeof script === "string") for (const specifier of preloadsOfCommand(script)) preloads.add(specifier);
  }
  const workspaces = record.workspaces;
  const patternList = Array.isArray(workspaces) ? workspaces : typeof workspaces === "object" && workspaces !== null ? (workspaces as Record<string, unknown>).packages : undefined;
  const workspacePatterns = Array.isArray(patternList) ? patternList.filter((pattern): pattern is string => typeof pattern === "string") : [];
  const entryPoints = [...stringsOf(entryOfExports(record.exports)), ...["types", "typings", "module", "main"].flatMap((field) => (typeof record[field] === "string" ? [record[field]] : []))];
  const imports =
    typeof record.imports === "object" && record.imports !== null && !Array.isArray(record.imports)
      ? Object.entries(record.imports as Record<string, unknown>).flatMap(([pattern, value]) => {
          const targets = stringsOf(value).filter((target) => target.startsWith("./"));
          return pattern.startsWith("#") && targets.length > 0 ? [{ pattern, targets }] : [];
        })
      : [];
  return {
    dependencies,
    ranges,
    ...(imports.length > 0 && { imports }),
    ...(typeof record.main === "string" && { main: record.main }),
    preloads: [...preloads],
    workspaces: "workspaces" in record,
    ...(typeof record.name === "string" && { name: record.name }),
    ...(workspacePatterns.length > 0 && { workspacePatterns }),
    ...(entryPoints.length > 0 && { entryPoints: [...new Set(entryPoints)] }),
  };
}

/** What `exports` maps the bare name to: itself when a string or a conditions object, its `"."` entry when keyed by subpaths. */
function entryOfExports(exports: unknown): unknown {
  if (typeof exports !== "object" || exports === null || Array.isArray(exports)) return exports;
  const record = exports as Record<string, unknown>;
  return Object.keys(record).some((key) => key.startsWith(".")) ? record["."] : record;
}

/** The strings of an `exports` value (a path, a conditions object, a fallback array), depth first, in order. */
function stringsOf(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return [value];
  if (depth > 8 || typeof value !== "object" || value === null) return [];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap((item) => stringsOf(item, depth + 1));
}

/**
 * How long a value `rechecked` returns (a listing, a resolution, a folder's package root, a deployment
 * signal) stays trusted without looking at the files it came from, and how long a pause in the asking
 * starts a new stretch (`fresh`): an editor session, which lints when the user stops typing, sees an edit
 * on the next lint after a second.
 */
export const RECHECK_AFTER_MS = 1000;

/**
 * How long a value read while the process keeps asking (no pause of `RECHECK_AFTER_MS` between two
 * questions: a whole-tree lint, a benchmark's passes) stays trusted. Without it each folder a slow lint
 * comes back to after a second was looked at again (a stat or a probe per folder and file in the 100%-SDK
 * benchmark's passes, more the slower the lint ran: bench/NOTES.md, perf-gate-4); with it, at most once per
 * folder in this time, whatever the pace. An editor that lints without a pause for this long (typing while
 * a terminal edits package.json) sees the edit this late at worst.
 */
export const RECHECK_WHILE_ASKED_MS = 60_000;

/** When `fresh` was last asked, and since when the asking has gone on without a pause of `RECHECK_AFTER_MS` (NaN: never). */
let lastAskedAt = Number.NaN;
let askedSince = Number.NaN;

/**
 * A value read at `checkedAt` may still be used at `now`: read within `RECHECK_AFTER_MS`, or read in the
 * current stretch of asking and within `RECHECK_WHILE_ASKED_MS` (a clock that went back, a test's faked
 * `Date` moved by a second, reads again). Every call counts as asking.
 */
export function fresh(checkedAt: number, now: number): boolean {
  noteAsked(now);
  if (!(now >= checkedAt)) return false;
  const age = now - checkedAt;
  return age < RECHECK_AFTER_MS || (checkedAt >= askedSince && age < RECHECK_WHILE_ASKED_MS);
}

function noteAsked(now: number): void {
  if (!(now >= lastAskedAt && now - lastAskedAt < RECHECK_AFTER_MS)) askedSince = now;
  lastAskedAt = now;
}

/** `Date.now()`, counted as asking (`fresh`): the time a value read now is kept from. */
function askedNow(): number {
  const now = Date.now();
  noteAsked(now);
  return now;
}

const NOT_A_DIRECTORY = Object.freeze({ mtimeMs: MISSING, entries: undefined });

/** Reads and caches project modules' facts through one file system. One per process by default. */
export class ProjectModules {
  private readonly factsByPath = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly facts: ModuleFacts; readonly chains: boolean; readonly ungated: boolean }>();
  /**
   * Directory listings, read again when the directory's mtime changes (an entry added or removed), that
   * mtime looked at no more than once a second (`checkedAt`, `checkedListing`).
   */
  private readonly listings = new Map<string, { readonly mtimeMs: number; readonly entries: ReadonlyMap<string, "file" | "directory" | "other">; checkedAt: number }>();
  /** Per directory: the nearest ancestor (or itself) with a tsconfig.json, jsconfig.json or .git (the project root where no package.json is). */
  private readonly otherRootByDirectory = new Map<string, string | undefined>();
  /** Per directory: `packageRootEntry`'s answer and when it was read. */
  private readonly packageRoots = new Map<string, PackageRootEntry>();
  /** Per directory: the nearest tsconfig.json/jsconfig.json at or above it. */
  private readonly configByDirectory = new Map<string, string | null>();
  private readonly realpaths = new Map<string, string>();
  private readonly compilerPathsByConfig = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly value: CompilerPaths | undefined }>();
  /** `rechecked`'s values, by reading function and key, with when each was read. */
  private readonly recheckedValues = new Map<(key: string) => unknown, Map<string, { readonly value: unknown; readonly checkedAt: number }>>();
  /** `parsedFile`'s values, by path, with the file's version and the parser they came from. */
  private readonly parsedFiles = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly parse: (text: string) => unknown; readonly value: unknown }>();

  /** How many times `forgetRechecked` has run: caches kept beside the reader (analysis/deployment.ts) forget theirs when it moves. */
  forgets = 0;

  constructor(readonly fs: ProjectFileSystem = NODE_FILE_SYSTEM) {}

  /** Whether anything is at `path` (a file, a directory, what a link leads to), by this reader's file system. */
  exists(path: string): boolean {
    return this.fs.exists ? this.fs.exists(path) : this.fs.stat(path) !== undefined;
  }

  /**
   * The nearest directory at or above `directory` with a package.json, if any (a folder that is not on
   * disk answers as its nearest folder that is). Read again at most once a second (`packageRootEntry`).
   */
  packageRootOf(directory: string): string | undefined {
    return this.packageRootEntry(directory, askedNow()).root ?? undefined;
  }

  /**
   * `packageRootOf` for a folder that is on disk; null when no package.json is above it, undefined when
   * the folder itself is not there (a file linted under a name no disk holds tells nothing about its project).
   */
  packageRootOnDisk(directory: string): string | null | undefined {
    const entry = this.packageRootEntry(directory, askedNow());
    // Asked of the folder of a linted file only: once it was seen on disk, it is taken to stay there.
    entry.onDisk ??= this.exists(directory);
    return entry.onDisk ? entry.root : undefined;
  }

  /**
   * The one walk to the nearest package.json (the deployment signals, the project root of a resolution,
   * the workspace of a package, the codemods' project). Each folder's answer is kept for
   * `RECHECK_AFTER_MS`, then read again: so an editor session sees a package.json created or removed
   * within a second, a folder costs one file system call at most once a second however many files and
   * models ask, and a walk from a new folder stops at the first ancestor answered within the second. One
   * call: the folder's listing when one is held (a stat checks it; listed again only when its mtime
   * changed), else a probe of its package.json (a folder of its own is not listed for this: a listing
   * is a stat and a read). A package.json is anything `exists` finds there (a file, a folder, what a link
   * leads to); an entry a listing cannot classify (a broken link) is probed.
   */
  private packageRootEntry(directory: string, now: number): PackageRootEntry {
    const known = this.packageRoots.get(directory);
    if (known !== undefined && fresh(known.checkedAt, now)) return known;
    const entries = this.listings.has(directory) ? this.listing(directory) : undefined;
    const listed = entries?.get("package.json");
    const hasPackage = entries === undefined || listed === "other" ? this.exists(join(directory, "package.json")) : listed !== undefined;
    const parent = dirname(directory);
    const root = hasPackage ? directory : parent === directory ? null : this.packageRootEntry(parent, now).root;
    // A folder that holds something, or was seen on disk before, is on disk; otherwise `packageRootOnDisk` asks.
    const onDisk = entries !== undefined || hasPackage || known?.onDisk === true ? true : undefined;
    const entry: PackageRootEntry = { root, onDisk, checkedAt: now };
    this.packageRoots.set(directory, entry);
    return entry;
  }

  /**
   * What `directory` holds: the cached listing while the directory's mtime holds, that mtime looked at
   * no more than once a second (one stat a second serves every caller: the resolver, the walk to the
   * package root, the deployment signals, the listings of a linted file's folder), else a new one.
   */
  listing(directory: string): ReadonlyMap<string, "file" | "directory" | "other"> | undefined {
    return this.entriesOf(directory);
  }

  /**
   * The facts of export `name` of the module `specifier` resolves to from `fromFile`, following one
   * `export … from` hop; undefined when the module cannot be resolved or says nothing about the name.
   */
  exportOf(fromFile: string, specifier: string, name: string, read: ModuleFactsReader): ImportedExport | undefined {
    const path = this.resolve(specifier, fromFile);
    if (path === undefined) return undefined;
    const facts = this.factsOf(path, read);
    const direct = facts.exports[name];
    if (direct) return this.found(direct, path, name, fromFile);
    // One more hop, no further: `export { tracer } from "./tracer"`, `export * from "./tracing"`.
    for (const reExport of facts.reExports) {
      const imported = reExport.names === "*" ? (name === "default" ? undefined : name) : reExport.names[name];
      if (imported === undefined) continue;
      const target = this.resolve(reExport.specifier, path);
      const found = target === undefined ? undefined : this.factsOf(target, read).exports[imported];
      if (target !== undefined && found) return this.found(found, target, imported, fromFile);
    }
    return undefined;
  }

  /**
   * The facts of one module file (absolute path), parsed at most once per (path, mtime, size).
   * `throughReExportChains`: a module whose own text holds no fact is parsed when a chain of its
   * `export … from` reaches one that may (a barrel of a barrel of the SDK), not only its direct
   * targets; asked only for a module a file imports by an SDK name (analysis/sdk-barrels.ts), so
   * other lookups read no more files than before. `ungated`: parsed whatever its text names (a module
   * known to run for its effect, such as Next.js's `instrumentation.ts`, whose facts may all be in the
   * modules it loads).
   */
  factsOf(path: string, read: ModuleFactsReader, throughReExportChains = false, ungated = false): ModuleFacts {
    const own = this.ownFactsOf(path, read, throughReExportChains, ungated);
    if (answersTracer(own)) return own;
    const declaration = this.declarationBeside(path);
    return declaration === undefined ? own : withDeclaredFacts(own, this.ownFactsOf(declaration, read));
  }

  /**
   * The hand-written declaration file TypeScript reads for the JavaScript module at `path` (`x.d.ts` beside `x.js`
   * or `x.jsx`, `x.d.mts` beside `x.mjs`, `x.d.cts` beside `x.cjs`), if its folder's listing holds one: asked only
   * of a JavaScript module whose own facts name no tracer, from the listing its resolution read (no file system call;
   * a declaration added later is seen once a resolution checks the listing again, within a second); for a workspace
   * package's JavaScript entry, the declaration its manifest names (`types`, `typings`), wherever it lies.
   */
  private declarationBeside(path: string): string | undefined {
    const named = this.declaredEntries.get(path);
    if (named !== undefined) return named;
    const extension = JAVASCRIPT_DECLARATIONS.find(([javascript]) => path.endsWith(javascript));
    if (extension === undefined) return undefined;
    const candidate = `${path.slice(0, -extension[0].length)}${extension[1]}`;
    // The listing the module's resolution just checked (its freshness is that resolution's); listed only where none is held.
    const directory = dirname(path);
    const entries = this.listings.get(directory)?.entries ?? this.entriesOf(directory);
    return entries?.get(basename(candidate)) === "file" ? candidate : undefined;
  }

  /** `factsOf` of the module's own text (see there). */
  private ownFactsOf(path: string, read: ModuleFactsReader, throughReExportChains = false, ungated = false): ModuleFacts {
    const stats = this.fs.stat(path);
    if (!stats?.isFile || stats.size > MAX_SOURCE_BYTES) return NO_FACTS;
    const cached = this.factsByPath.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size && (cached.facts !== NO_FACTS || cached.ungated || ((cached.chains || !throughReExportChains) && !ungated))) return cached.facts;
    let facts = NO_FACTS;
    const text = this.fs.readFile(path);
    if (text !== undefined && (ungated || MAY_HOLD_FACTS.test(text) || mayActivatePipeline(text) || this.reExportsCandidate(text, path, throughReExportChains ? new Set([path]) : undefined))) {
      try {
        facts = read(text, path);
      } catch {
        // A syntax error in the imported module: it tells nothing (its own lint run reports it).
        facts = NO_FACTS;
      }
    }
    this.factsByPath.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, facts, chains: throughReExportChains, ungated });
    return facts;
  }

  /**
   * A barrel (`export … from "./tracing"`) whose re-exported modules could hold a fact: worth parsing.
   * With `visited` (the modules of the chain read so far), also one whose re-exported modules re-export
   * one that could, each module once.
   */
  private reExportsCandidate(text: string, path: string, visited?: Set<string>): boolean {
    for (const match of [...text.matchAll(RE_EXPORT_SPECIFIERS), ...text.matchAll(CJS_RE_EXPORT)]) {
      const target = this.resolve(match[1]!, path);
      if (target === undefined || visited?.has(target)) continue;
      const targetText = this.fs.readFile(target);
      if (targetText === undefined) continue;
      if (MAY_HOLD_FACTS.test(targetText)) return true;
      if (visited && visited.size < MAX_RE_EXPORT_CHAIN && (visited.add(target), this.reExportsCandidate(targetText, target, visited))) return true;
    }
    return false;
  }

  /**
   * The project source file `specifier` denotes from `fromFile` (absolute), or undefined. An answer is
   * kept per (importing directory, specifier) with the state of what it read: the listings it probed
   * (a directory's mtime, as a listing is checked) and the config whose `paths` it used (mtime and
   * size, as its options are checked). It is trusted for `RECHECK_AFTER_MS` as it is (like every other
   * project read: an editor session sees an edit within a second or two), then checked against what it
   * read (a listing's check is shared with every other asker within the second, a config costs a stat);
   * any change resolves again.
   */
  resolve(specifier: string, fromFile: string): string | undefined {
    const directory = dirname(fromFile);
    // A bare specifier may name a package of the importer's workspace (analysis/workspaces.ts): a
    // once-a-second answer, part of the key, so a package added or renamed resolves again.
    const workspace = isBareSpecifier(specifier) ? workspacePackageOf(this, specifier, this.projectRootOf(directory)) : undefined;
    const key = workspace ? `${directory}\0${specifier}\0${workspace.directory}\0${workspace.entryPoints.join("\0")}` : `${directory}\0${specifier}`;
    const cached = this.resolutions.get(key);
    const now = askedNow();
    if (cached && fresh(cached.checkedAt, now)) return cached.path;
    // The realpath is asked again: a symbolic link on the way may change without any listing read here changing.
    if (cached && this.unchanged(cached.dependencies) && (cached.path === undefined || this.acceptable(cached.path, cached.root))) {
      cached.checkedAt = now;
      return cached.path;
    }
    const dependencies: Dependency[] = [];
    this.dependencies = dependencies;
    try {
      const root = this.projectRootOf(directory);
      this.rejectedInResolution = false;
      let path = this.resolveUnchecked(specifier, fromFile, directory, root);
      const inWorkspace = path === undefined && workspace !== undefined ? this.resolveInWorkspace(workspace) : undefined;
      path ??= inWorkspace;
      // A file turned down for its real path may be taken once a link changes, which no listing shows: asked again each time.
      if (this.rejectedInResolution) this.resolutions.delete(key);
      else this.resolutions.set(key, { path, root: inWorkspace !== undefined ? workspace!.root : root, dependencies, checkedAt: now });
      return path;
    } finally {
      this.dependencies = undefined;
    }
  }

  /**
   * `resolve` for a bare specifier that names a package of the importer's workspace
   * (analysis/workspaces.ts); undefined, having resolved nothing, for any other specifier (a
   * dependency, an alias, a relative path): for callers that resolve those their own way (migrate's
   * project pass).
   */
  resolveWorkspaceImport(specifier: string, fromFile: string): string | undefined {
    if (!isBareSpecifier(specifier) || workspacePackageOf(this, specifier, this.projectRootOf(dirname(fromFile))) === undefined) return undefined;
    return this.resolve(specifier, fromFile);
  }

  /** Whether every file or directory a cached resolution read is as it was (a failed listing never is). */
  private unchanged(dependencies: readonly Dependency[]): boolean {
    for (const dependency of dependencies) {
      if (dependency.isDirectory) {
        // As its listing is checked now (within the second: no call); NaN never equals.
        if (this.checkedListing(dependency.path).mtimeMs !== dependency.mtimeMs) return false;
        continue;
      }
      const stats = this.fs.stat(dependency.path);
      const mtimeMs = stats === undefined || stats.isDirectory !== dependency.isDirectory ? MISSING : stats.mtimeMs;
      if (mtimeMs !== dependency.mtimeMs || (stats !== undefined && !dependency.isDirectory && stats.size !== dependency.size)) return false;
    }
    return true;
  }

  /** Per `${importing directory}\0${specifier}`: the last answer, what it depended on, and when that was last checked. */
  private readonly resolutions = new Map<string, { readonly path: string | undefined; readonly root: string; readonly dependencies: readonly Dependency[]; checkedAt: number }>();
  /** What the resolution under way has read (listings probed, config used); undefined outside one. */
  private dependencies: Dependency[] | undefined;
  private rejectedInResolution = false;

  /** A file found inside the project is one when its real path stays inside the project's and is no dependency's. */
  private acceptable(found: string, root: string): boolean {
    const real = this.fs.realpath(found);
    let realRoot = this.realpaths.get(root);
    if (realRoot === undefined) this.realpaths.set(root, (realRoot = this.fs.realpath(root)));
    return isInside(real, realRoot) && !isExcluded(real);
  }

  private resolveUnchecked(specifier: string, fromFile: string, directory: string, root: string): string | undefined {
    let bases: string[];
    if (specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..") {
      bases = [resolve(directory, specifier)];
    } else if (isAbsolute(specifier) || specifier.startsWith("node:")) {
      return undefined;
    } else {
      bases = this.aliasBases(specifier, fromFile, root);
      if (specifier.startsWith("#")) bases = [...bases, ...this.importsBases(specifier, directory)];
    }
    for (const base of bases) {
      if (!isInside(base, root)) continue;
      const found = this.probe(base);
      if (found === undefined) continue;
      if (this.acceptable(found, root)) return found;
      this.rejectedInResolution = true;
    }
    return undefined;
  }

  /**
   * The file of a workspace package an import names: a subpath by file (`@acme/telemetry/src/wrap.js`
   * → `src/wrap.ts`); the bare name by its manifest's entry points when they lead to TypeScript source,
   * else `src/index.*`, else entry points leading to JavaScript (a JavaScript package's `main`), else
   * `index.*`. Only inside the package's folder, and (real path) inside the workspace root.
   */
  private resolveInWorkspace(workspace: WorkspacePackage): string | undefined {
    const found = this.workspaceEntry(workspace);
    // A JavaScript entry (`main`) whose types the manifest names elsewhere (`types`/`typings`, an `exports` `types`
    // condition): the declaration `factsOf` reads for it, as it reads one beside it.
    if (found !== undefined && workspace.subpath === "" && JAVASCRIPT_DECLARATIONS.some(([javascript]) => found.endsWith(javascript))) {
      const declaration = workspace.entryPoints.map((entry) => resolve(workspace.directory, entry)).find((entry) => isDeclarationFile(entry) && isInside(entry, workspace.directory) && this.exists(entry));
      // As `acceptable` takes a source file, but a declaration file: its real path inside the workspace, under no node_modules.
      const real = declaration === undefined ? undefined : this.fs.realpath(declaration);
      if (real !== undefined && isInside(real, this.fs.realpath(workspace.root)) && !underNodeModules(real)) this.declaredEntries.set(found, declaration!);
    }
    return found;
  }

  /** Per JavaScript entry of a workspace package: the declaration file its manifest names for it (`resolveInWorkspace`). */
  private readonly declaredEntries = new Map<string, string>();

  /** `resolveInWorkspace`'s file (see there). */
  private workspaceEntry(workspace: WorkspacePackage): string | undefined {
    const inPackage = (path: string) => (isInside(path, workspace.directory) ? path : undefined);
    const take = (base: string | undefined, accept: (file: string) => boolean = () => true): string | undefined => {
      const found = base === undefined ? undefined : this.probe(base);
      if (found === undefined || !accept(found)) return undefined;
      if (this.acceptable(found, workspace.root)) return found;
      this.rejectedInResolution = true;
      return undefined;
    };
    if (workspace.subpath !== "") return take(inPackage(resolve(workspace.directory, workspace.subpath)));
    const entries = workspace.entryPoints.map((entry) => inPackage(resolve(workspace.directory, entry)));
    const typescript = (file: string) => /\.[cm]?tsx?$/.test(file);
    for (const entry of entries) {
      const found = take(entry, typescript);
      if (found !== undefined) return found;
    }
    const sourceIndex = take(join(workspace.directory, "src", "index"));
    if (sourceIndex !== undefined) return sourceIndex;
    for (const entry of entries) {
      const found = take(entry);
      if (found !== undefined) return found;
    }
    return take(join(workspace.directory, "index"));
  }

  private found(facts: readonly ExportFact[], path: string, name: string, fromFile: string): ImportedExport {
    const root = this.projectRootOf(dirname(fromFile));
    return { facts, path, name, displayPath: relative(root, path).split(sep).join("/") };
  }

  /** `base` as a file, with the NodeNext `.js` → `.ts` mapping, probed extensions and `index.*`. */
  private probe(base: string): string | undefined {
    const directory = dirname(base);
    const name = basename(base);
    const entries = this.entriesOf(directory, this.dependencies);
    // Every candidate but `index.*` lies in `directory`: one listing answers them all.
    const names: string[] = [];
    const extension = SOURCE_EXTENSIONS.find((ext) => name.endsWith(ext));
    if (extension) {
      const stem = name.slice(0, -extension.length);
      for (const source of TYPESCRIPT_SOURCES_OF[extension] ?? []) names.push(stem + source);
      names.push(name);
    }
    for (const ext of SOURCE_EXTENSIONS) names.push(name + ext);
    const excludedDirectory = underNodeModules(directory);
    if (entries && !excludedDirectory) {
      const file = names.find((candidate) => entries.get(candidate) === "file" && !isDeclarationFile(candidate));
      if (file !== undefined) return join(directory, file);
    }
    if (excludedDirectory || name === "node_modules") return undefined;
    // `index.*` only in a directory the listing shows (no stat of a path that is not there); a
    // directory that cannot be listed may still hold a readable one.
    if (entries && entries.get(name) !== "directory") return undefined;
    const inside = this.entriesOf(base, this.dependencies);
    const index = SOURCE_EXTENSIONS.find((ext) => inside?.get(`index${ext}`) === "file");
    return index === undefined ? undefined : join(base, `index${index}`);
  }

  /** What `directory` holds (`checkedListing`), recorded in `dependencies` (a resolution's) as read. */
  private entriesOf(directory: string, dependencies?: Dependency[]): ReadonlyMap<string, "file" | "directory" | "other"> | undefined {
    const { mtimeMs, entries } = this.checkedListing(directory);
    dependencies?.push({ path: directory, isDirectory: true, mtimeMs, size: 0 });
    return entries;
  }

  /**
   * The listing of `directory` and the mtime it holds for: within `RECHECK_AFTER_MS` of the last look,
   * the cached one as it is (no call); then one stat, and a listing again only when the mtime changed.
   * `MISSING` where no directory is; NaN where it could not be listed (listed again next time: such a
   * dependency never holds).
   */
  private checkedListing(directory: string): { readonly mtimeMs: number; readonly entries: ReadonlyMap<string, "file" | "directory" | "other"> | undefined } {
    const cached = this.listings.get(directory);
    const now = askedNow();
    if (cached && fresh(cached.checkedAt, now)) return cached;
    const stats = this.fs.stat(directory);
    if (!stats?.isDirectory) return NOT_A_DIRECTORY;
    if (cached && cached.mtimeMs === stats.mtimeMs) {
      cached.checkedAt = now;
      return cached;
    }
    const entries = this.fs.readDirectory(directory);
    if (!entries) return { mtimeMs: Number.NaN, entries };
    const listing = { mtimeMs: stats.mtimeMs, entries, checkedAt: now };
    this.listings.set(directory, listing);
    return listing;
  }

  /**
   * `parse` of the text of the file at `path`, kept while the file's mtime and size hold (one stat per
   * call); undefined when no file can be read there. For project files read while linting (a deployment
   * configuration, a package.json) that an editor session may change.
   */
  parsedFile<T>(path: string, parse: (text: string) => T): T | undefined {
    const stats = this.fs.stat(path);
    const cached = this.parsedFiles.get(path);
    if (!stats?.isFile) {
      if (cached) this.parsedFiles.delete(path);
      return undefined;
    }
    if (cached && cached.parse === parse && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.value as T;
    const text = this.fs.readFile(path);
    if (text === undefined) return undefined;
    const value = parse(text);
    this.parsedFiles.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, parse, value });
    return value;
  }

  /**
   * `read(key)`, kept and returned again without calling `read` until `RECHECK_AFTER_MS` have passed
   * since it was read (by `Date.now()`): for a value read from project files through this reader (a
   * listing, `parsedFile`, each checked by its mtime when read), asked for every linted file. `read`
   * is a function of the caller's module (its identity keeps callers apart, as `parsedFile`'s parser does).
   */
  rechecked<T>(key: string, read: (key: string) => T): T {
    let values = this.recheckedValues.get(read);
    if (values === undefined) this.recheckedValues.set(read, (values = new Map()));
    const known = values.get(key);
    const now = askedNow();
    // A clock that went back (a test's faked `Date`) reads again.
    if (known !== undefined && fresh(known.checkedAt, now)) return known.value as T;
    const value = read(key);
    values.set(key, { value, checkedAt: now });
    return value;
  }

  /**
   * For tests that edit project files within a second: every `rechecked` value is read again when next
   * asked, and every listing and resolution is checked again (by its mtimes) when next used.
   */
  forgetRechecked(): void {
    this.forgets += 1;
    this.recheckedValues.clear();
    this.packageRoots.clear();
    for (const listing of this.listings.values()) listing.checkedAt = Number.NaN;
    for (const resolution of this.resolutions.values()) resolution.checkedAt = Number.NaN;
  }

  /**
   * The package.json of `directory`, parsed again only when its mtime or size changed and looked at
   * (one stat) at most once a second (`rechecked`); undefined where there is none. The one reader of
   * package.json files: the deployment signals (analysis/deployment.ts) and `isWorkspaceRoot` read it.
   */
  manifestOf(directory: string): PackageManifest | undefined {
    return this.rechecked(directory, this.readManifest);
  }

  private readonly readManifest = (directory: string): PackageManifest | undefined => this.parsedFile(join(directory, "package.json"), parsePackageManifest);

  /**
   * Whether `directory` is a repository's root (a `.git`) or a workspace's (a `pnpm-workspace.yaml`, a
   * package.json with `workspaces`): a walk up for the project's own configuration stops there. Read
   * from the directory's listing (checked by its mtime) and its package.json (`manifestOf`).
   */
  isWorkspaceRoot(directory: string): boolean {
    const entries = this.entriesOf(directory);
    if (entries === undefined) return false;
    if (entries.has(".git") || entries.get("pnpm-workspace.yaml") === "file") return true;
    return entries.get("package.json") === "file" && this.manifestOf(directory)?.workspaces === true;
  }

  /**
   * The folders that may root the workspace of the package rooted at `packageRoot`, nearest first, from
   * the listings the walk to the package root made, and those above it (memoized per process, no file
   * system call once the package root is known): `packageRoot` itself, and each folder above it, at most
   * `MAX_WORKSPACE_LEVELS` up and not above a `.git`, holding a `pnpm-workspace.yaml` or a package.json.
   * The package root counts for package.json `workspaces` as for pnpm's file (a root package's own files
   * follow workspace packages under npm and yarn too); its package.json is the one the SDK-version check
   * reads anyway (`manifestOf`, shared), so a single-package project reads nothing more than that.
   */
  workspaceCandidatesOf(packageRoot: string): readonly string[] {
    let candidates = this.workspaceCandidates.get(packageRoot);
    if (candidates === undefined) {
      candidates = [];
      let directory = packageRoot;
      for (let level = 0; level <= MAX_WORKSPACE_LEVELS; level += 1) {
        const entries = this.listings.get(directory)?.entries ?? this.entriesOf(directory);
        if (entries?.get("pnpm-workspace.yaml") === "file" || entries?.get("package.json") === "file") candidates.push(directory);
        const parent = dirname(directory);
        if (entries?.has(".git") || parent === directory) break;
        directory = parent;
      }
      this.workspaceCandidates.set(packageRoot, candidates);
    }
    return candidates;
  }

  private readonly workspaceCandidates = new Map<string, string[]>();

  /** The nearest folder at or above `directory` with a tsconfig.json, jsconfig.json or .git, memoized for every folder on the way (each is listed once per process). */
  private otherRootOf(directory: string): string | undefined {
    if (this.otherRootByDirectory.has(directory)) return this.otherRootByDirectory.get(directory);
    const entries = this.listings.get(directory)?.entries ?? this.entriesOf(directory);
    const parent = dirname(directory);
    const has = (name: string) => entries?.has(name) === true;
    const root = has("tsconfig.json") || has("jsconfig.json") || has(".git") ? directory : parent === directory ? undefined : this.otherRootOf(parent);
    this.otherRootByDirectory.set(directory, root);
    return root;
  }

  /**
   * The `paths` patterns of the nearest tsconfig.json/jsconfig.json of `fromFile` inside its project
   * (`"@obs/*"`, `"@/*"`): the aliases `resolve` follows, read by the same reader (cached per config,
   * rechecked by its mtime and size). `isProjectModule` asks it so an alias shaped like a scoped
   * package (`@obs/tracing`) is the project's.
   */
  pathAliasesFor(fromFile: string): readonly string[] {
    const directory = dirname(fromFile);
    const root = this.projectRootOf(directory);
    const compilerPaths = this.compilerPathsFor(directory, root);
    if (!compilerPaths) return [];
    const patterns = compilerPaths.paths.map(({ pattern }) => pattern);
    return compilerPaths.baseUrl === undefined || !isInside(compilerPaths.baseUrl, root) ? patterns : [...patterns, ...this.baseUrlPatterns(compilerPaths.baseUrl)];
  }

  /**
   * What a `baseUrl` makes importable by a bare name, as `paths` patterns: `lib/*` for each folder of
   * it, `obs` for each source file (`import { obs } from "lib/obs"` with `"baseUrl": "src"`); not
   * `node_modules` or a dot folder. One listing of the folder (checked by its mtime as any other).
   */
  private baseUrlPatterns(baseUrl: string): string[] {
    const patterns: string[] = [];
    for (const [name, kind] of this.entriesOf(baseUrl) ?? []) {
      if (name.startsWith(".") || name === "node_modules") continue;
      if (kind === "directory") patterns.push(`${name}/*`);
      else if (kind === "file" && !isDeclarationFile(name)) {
        const extension = SOURCE_EXTENSIONS.find((ext) => name.endsWith(ext));
        if (extension) patterns.push(name.slice(0, -extension.length));
      }
    }
    return patterns;
  }

  /**
   * `resolve` for a bare specifier one of `fromFile`'s `paths` keys matches (`@obs/tracing` under
   * `"@obs/*"`); undefined, having resolved nothing, for any other (migrate's project pass, as
   * `resolveWorkspaceImport` for workspace packages).
   */
  resolvePathAlias(specifier: string, fromFile: string): string | undefined {
    if (!isNonRelativeSpecifier(specifier) || !this.pathAliasesFor(fromFile).some((pattern) => matchesPathPattern(pattern, specifier))) return undefined;
    return this.resolve(specifier, fromFile);
  }

  /**
   * Where a `#` specifier may point through the `imports` of the nearest package.json (Node's subpath
   * imports: `"#obs": "./src/obs.ts"`, a pattern `"#lib/*"`, a conditions object whose every target is
   * tried in order, so `{ "types": "./src/obs.ts", "default": "./dist/obs.js" }` finds the source);
   * the package.json is recorded with the resolution, so an edit resolves again.
   */
  private importsBases(specifier: string, directory: string): string[] {
    const packageRoot = this.packageRootOf(directory);
    if (packageRoot === undefined) return [];
    const manifestPath = join(packageRoot, "package.json");
    const stats = this.fs.stat(manifestPath);
    this.dependencies?.push({ path: manifestPath, isDirectory: false, mtimeMs: stats === undefined || stats.isDirectory ? MISSING : stats.mtimeMs, size: stats?.size ?? 0 });
    const imports = this.manifestOf(packageRoot)?.imports;
    if (!imports) return [];
    // Node takes the exact key, else the pattern with the longest text before its `*`, as TypeScript does for `paths`.
    const best = bestPatternMatch(imports, specifier);
    return best ? best.targets.map((target) => resolve(packageRoot, target.replaceAll("*", best.star))) : [];
  }

  /** Where a non-relative specifier may point through the nearest config's `paths`, else its `baseUrl`. */
  private aliasBases(specifier: string, fromFile: string, root: string): string[] {
    const compilerPaths = this.compilerPathsFor(dirname(fromFile), root);
    if (!compilerPaths) return [];
    const best = bestPatternMatch(compilerPaths.paths, specifier);
    if (best) return best.targets.map((target) => resolve(compilerPaths.pathsBase, target.replace("*", best.star)));
    return compilerPaths.baseUrl === undefined ? [] : [resolve(compilerPaths.baseUrl, specifier)];
  }

  /**
   * The nearest directory (from `directory` up) with a package.json; without one anywhere, the nearest
   * with a tsconfig.json, jsconfig.json or .git; else `directory` itself.
   */
  private projectRootOf(directory: string): string {
    return this.packageRootOf(directory) ?? this.otherRootOf(directory) ?? directory;
  }

  /** The `paths`/`baseUrl` of the nearest tsconfig.json/jsconfig.json between `directory` and `root`. */
  private compilerPathsFor(directory: string, root: string): CompilerPaths | undefined {
    const config = isInside(directory, root) ? this.nearestConfig(directory, root) : null;
    if (config === null) return undefined;
    const stats = this.fs.stat(config);
    this.dependencies?.push({ path: config, isDirectory: false, mtimeMs: stats === undefined || stats.isDirectory ? MISSING : stats.mtimeMs, size: stats?.size ?? 0 });
    if (!stats) return undefined;
    const cached = this.compilerPathsByConfig.get(config);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.value;
    const value = this.readCompilerPaths(config);
    this.compilerPathsByConfig.set(config, { mtimeMs: stats.mtimeMs, size: stats.size, value });
    return value;
  }

  /**
   * The nearest tsconfig.json/jsconfig.json from `directory` up to `root` (its project's root), null when none:
   * the walk stops at the root, as TypeScript's language service stops its config search at the project root
   * it is given, so no folder above the project is listed (a crowded /tmp, the file system's root); a config
   * up there is none of the project's anyway (`compilerPathsFor`). Memoized per folder: a folder's root is the
   * same whichever folder below it asks.
   */
  private nearestConfig(directory: string, root: string): string | null {
    const cached = this.configByDirectory.get(directory);
    if (cached !== undefined) return cached;
    const entries = this.listings.get(directory)?.entries ?? this.entriesOf(directory);
    const name = ["tsconfig.json", "jsconfig.json"].find((candidate) => entries?.get(candidate) === "file");
    const parent = dirname(directory);
    const config = name !== undefined ? join(directory, name) : directory === root || parent === directory ? null : this.nearestConfig(parent, root);
    this.configByDirectory.set(directory, config);
    return config;
  }

  /** `compilerOptions.paths`/`baseUrl` of a config, with a relative `extends` followed one level (the config's own options win). */
  private readCompilerPaths(configPath: string): CompilerPaths | undefined {
    const own = this.readConfig(configPath);
    if (!own) return undefined;
    const extendsValue = typeof own.extends === "string" ? [own.extends] : Array.isArray(own.extends) ? own.extends : [];
    let inherited: CompilerPaths | undefined;
    for (const parent of extendsValue) {
      // A package's config (`@tsconfig/node20`) lives in node_modules: never read; it holds no project paths anyway.
      if (typeof parent !== "string" || !(parent.startsWith("./") || parent.startsWith("../"))) continue;
      const parentPath = resolve(dirname(configPath), parent.endsWith(".json") ? parent : `${parent}.json`);
      const parentConfig = this.readConfig(parentPath);
      if (parentConfig) inherited = compilerPathsOf(parentConfig, dirname(parentPath), inherited) ?? inherited;
    }
    return compilerPathsOf(own, dirname(configPath), inherited);
  }

  private readConfig(path: string): { readonly extends?: unknown; readonly compilerOptions?: unknown } | undefined {
    const stats = this.fs.stat(path);
    if (!stats?.isFile || stats.size > MAX_CONFIG_BYTES) return undefined;
    const text = this.fs.readFile(path);
    const value = text === undefined ? undefined : parseJsonc(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  }
}

function compilerPathsOf(config: { readonly compilerOptions?: unknown }, directory: string, inherited: CompilerPaths | undefined): CompilerPaths | undefined {
  const options = config.compilerOptions !== null && typeof config.compilerOptions === "object" ? (config.compilerOptions as Record<string, unknown>) : {};
  const baseUrl = typeof options.baseUrl === "string" ? resolve(directory, options.baseUrl) : inherited?.baseUrl;
  const rawPaths = options.paths !== null && typeof options.paths === "object" && !Array.isArray(options.paths) ? (options.paths as Record<string, unknown>) : undefined;
  if (!rawPaths) {
    if (baseUrl === undefined && !inherited) return undefined;
    // Inherited `paths` keep resolving from where they were declared, unless this config sets `baseUrl`.
    return { baseUrl, pathsBase: typeof options.baseUrl === "string" ? baseUrl! : (inherited?.pathsBase ?? directory), paths: inherited?.paths ?? [] };
  }
  const paths = Object.entries(rawPaths).flatMap(([pattern, targets]) => {
    const list = Array.isArray(targets) ? targets.filter((target): target is string => typeof target === "string") : [];
    return list.length > 0 ? [{ pattern, targets: list }] : [];
  });
  return { baseUrl, pathsBase: baseUrl ?? directory, paths };
}

/**
 * JSON with comments and trailing commas, as tsconfig.json allows; undefined when it is not that.
 * Strings are copied as they are, so `"@/*"` or a `//` inside one is never taken for a comment.
 */
export function parseJsonc(jsonc: string): unknown {
  try {
    return JSON.parse(withoutComments(withoutBom(jsonc)).replace(/,(\s*[\]}])/g, "$1")) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * `text` (JavaScript, TypeScript or JSON with comments) with its comments blanked out: a `//` or `/*` inside a string,
 * a template or a regular expression (a glob of `testMatch`, a URL) is not one. A scan of its own, not TypeScript's
 * scanner: the ESLint plugin loads no `typescript` (rules/optional-peers.ts FACE_PEERS). Blanked, not removed, so
 * that what stays keeps its place.
 */
export function withoutComments(text: string): string {
  let out = "";
  let kept = 0;
  // The brace depth at which each open template's `${` was met: its `}` resumes the template's text.
  const templates: number[] = [];
  let depth = 0;
  // The last significant character: a `/` after an operand divides (but after `return` and the like: startsExpression),
  // elsewhere it starts a regular expression. A `)` that closes the head of `if (…)`, `while (…)`, `for (…)` or
  // `with (…)` ends no operand (a statement follows: `if (dev) /re/.test(x)`), nor does a `}` (a block's end:
  // dividing an object or function literal is no code anyone writes); `heads` holds, for each open `(`, whether it
  // opened such a head.
  let last = "";
  const heads: boolean[] = [];
  let closedHead = false;
  let index = 0;
  const skipQuoted = (quote: string): void => {
    for (index++; index < text.length && text[index] !== quote && text[index] !== "\n"; index++) if (text[index] === "\\") index++;
    index++;
  };
  const skipTemplateText = (): void => {
    for (; index < text.length; index++) {
      if (text[index] === "\\") index++;
      else if (text[index] === "`") return void index++;
      else if (text[index] === "$" && text[index + 1] === "{") {
        templates.push(depth);
        return void (index += 2);
      }
    }
  };
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === "/" && (next === "/" || next === "*")) {
      const end = next === "/" ? (text.indexOf("\n", index) + 1 || text.length + 1) - 1 : (text.indexOf("*/", index + 2) + 1 || text.length - 1) + 1;
      out += text.slice(kept, index) + text.slice(index, end).replace(/[^\n]/g, " ");
      kept = index = end;
      continue;
    }
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === '"' || char === "'") skipQuoted(char);
    else if (char === "`") {
      index++;
      skipTemplateText();
    } else if (char === "/" && (!/[\w$)\]"'`]/.test(last) || (last === ")" && closedHead) || startsExpression(text, index))) {
      // A regular expression: to its closing `/` outside a class, then its flags.
      let inClass = false;
      for (index++; index < text.length && text[index] !== "\n"; index++) {
        if (text[index] === "\\") index++;
        else if (text[index] === "[") inClass = true;
        else if (text[index] === "]") inClass = false;
        else if (text[index] === "/" && !inClass) break;
      }
      index++;
    } else if (char === "(") {
      heads.push(CONTROL_HEAD.test(text.slice(Math.max(0, index - 12), index)));
      index++;
    } else if (char === ")") {
      closedHead = heads.pop() === true;
      index++;
    } else if (char === "{") {
      depth++;
      index++;
    } else if (char === "}" && templates.at(-1) === depth) {
      templates.pop();
      index++;
      skipTemplateText();
    } else {
      if (char === "}") depth--;
      index++;
    }
    last = text[index - 1] ?? "";
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** The text before a `(` that opens a statement's head: `if`, `while`, `for` (also `for await`), `with`. */
const CONTROL_HEAD = /(?:^|[^\w$.])(?:if|while|for|with|for\s+await)\s*$/;

/**
 * The keywords after which an expression starts, so that a `/` there opens a regular expression (`return /re/`,
 * `case /x/.test(y):`) where after another word (`count / 2`) it divides.
 */
const EXPRESSION_KEYWORD = /[^\w$.](?:return|typeof|instanceof|case|do|else|in|of|new|delete|void|throw|yield|await)\s*$/;

/** Whether the word before the `/` at `index` is a keyword after which an expression starts (and not a property: `x.delete / 2`). */
function startsExpression(text: string, index: number): boolean {
  // The longest keyword, a character before it and some spacing: a bounded look back, as this runs for each `/` after a word.
  const start = Math.max(0, index - 24);
  return EXPRESSION_KEYWORD.test(`${start === 0 ? " " : ""}${text.slice(start, index)}`);
}

/** A package name, maybe with a subpath (`express`, `@acme/telemetry/src/wrap.js`): not relative, absolute, `node:`, `#` or an alias such as `@/x` or `~/x`. */
/**
 * The entry of `entries` whose key matches `specifier`, as TypeScript picks among `paths` (and Node among
 * `imports`): an exact key, else the pattern with the longest text before its one `*`; with what the `*` stands for.
 */
function bestPatternMatch(entries: readonly { readonly pattern: string; readonly targets: readonly string[] }[], specifier: string): { readonly targets: readonly string[]; readonly star: string } | undefined {
  let best: { readonly prefixLength: number; readonly targets: readonly string[]; readonly star: string } | undefined;
  for (const { pattern, targets } of entries) {
    const star = pattern.indexOf("*");
    if (star === -1) {
      if (pattern === specifier && (!best || pattern.length > best.prefixLength)) best = { prefixLength: pattern.length, targets, star: "" };
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix) && (!best || prefix.length > best.prefixLength)) {
      best = { prefixLength: prefix.length, targets, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  return best;
}

/** Neither relative, absolute, nor a Node built-in: what a `paths` key or a `baseUrl` may resolve. */
function isNonRelativeSpecifier(specifier: string): boolean {
  return specifier !== "" && !specifier.startsWith(".") && !specifier.startsWith("node:") && !isAbsolute(specifier);
}

function isBareSpecifier(specifier: string): boolean {
  return /^(?:@[\w.-][^/]*\/)?[\w.-]/.test(specifier) && !specifier.startsWith(".") && !specifier.startsWith("node:");
}

function isInside(path: string, root: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === "" || (!fromRoot.startsWith("..") && !isAbsolute(fromRoot));
}

/** Dependencies and declaration files hold no project code to learn from. */
function isExcluded(path: string): boolean {
  return underNodeModules(path) || isDeclarationFile(path);
}

function underNodeModules(path: string): boolean {
  return path.includes("node_modules") && path.split(/[\\/]/).includes("node_modules");
}

/** `x.d.ts`, `x.d.mts`, `x.d.cts`: types only (the resolver never takes one; `factsOf` reads one beside a JavaScript module). */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/.test(path);
}

/**
 * Whether a module's facts say what it hands on of a tracer: a tracer, a getter, an OpenTelemetry object, a holder
 * with a member or method holding one. A JavaScript module that says none of these may be typed by a declaration
 * file beside it (`factsOf`).
 */
function answersTracer(facts: ModuleFacts): boolean {
  for (const exported of Object.values(facts.exports)) {
    if (exported.some((fact) => fact.kind === "tracer" || fact.kind === "getter" || fact.kind === "otel" || fact.kind === "otelTracer")) return true;
  }
  for (const holder of Object.values(facts.tracerHolders ?? {})) {
    if (holder.members.length > 0 || holder.methods.length > 0 || holder.returnsTracer || holder.returnsTracerGetter || holder.statics?.length) return true;
  }
  return false;
}

/** Per JavaScript module's own facts (its declaration's, for a module not parsed): the declaration file's facts and the two merged (one merge per pair of parses). */
const mergedFacts = new WeakMap<ModuleFacts, { readonly declared: ModuleFacts; readonly merged: ModuleFacts }>();

/**
 * A JavaScript module's facts completed by its declaration file's: an export the module says nothing of takes the
 * declaration's facts, a holder the members and methods the declaration types as the tracer (not one the module
 * says is its own, `plain`); the module's own facts win wherever both speak.
 */
function withDeclaredFacts(own: ModuleFacts, declared: ModuleFacts): ModuleFacts {
  if (declared === NO_FACTS) return own;
  // A module that was not parsed has the shared `NO_FACTS`: its merge is the declaration's alone, kept by those.
  const key = own === NO_FACTS ? declared : own;
  const known = mergedFacts.get(key);
  if (known?.declared === declared) return known.merged;
  const exports = { ...own.exports };
  for (const [name, facts] of Object.entries(declared.exports)) if (!exports[name]?.length) exports[name] = facts;
  const tracerHolders = { ...own.tracerHolders };
  for (const [name, holder] of Object.entries(declared.tracerHolders ?? {})) {
    const mine = tracerHolders[name];
    if (mine === undefined) {
      tracerHolders[name] = holder;
      continue;
    }
    const ownPlain = new Set(mine.plain ?? []);
    const members = [...new Set([...mine.members, ...holder.members.filter((member) => !ownPlain.has(member))])];
    const methods = [...new Set([...mine.methods, ...holder.methods.filter((method) => !ownPlain.has(method))])];
    const plain = [...new Set([...(mine.plain ?? []), ...(holder.plain ?? [])])].filter((name) => !members.includes(name) && !methods.includes(name));
    const promiseMembers = [...new Set([...(mine.promiseMembers ?? []), ...(holder.promiseMembers ?? [])])].filter((name) => members.includes(name));
    tracerHolders[name] = { ...mine, members, methods, ...(plain.length > 0 ? { plain } : {}), ...(promiseMembers.length > 0 ? { promiseMembers } : {}) };
  }
  const initPromiseExports = [...new Set([...(own.initPromiseExports ?? []), ...(declared.initPromiseExports ?? [])])];
  const merged: ModuleFacts = {
    ...own,
    exports,
    ...(Object.keys(tracerHolders).length > 0 ? { tracerHolders } : {}),
    ...(initPromiseExports.length > 0 ? { initPromiseExports } : {}),
    // A module that was not parsed (its text names no tracer) takes the declaration's `export =`.
    ...(own === NO_FACTS && declared.commonJs ? { commonJs: true as const } : {}),
    ...(own === NO_FACTS && declared.exportsObject ? { exportsObject: true as const } : {}),
  };
  mergedFacts.set(key, { declared, merged });
  return merged;
}

/**
 * `resolve(filename)`, without its work for the usual ESLint file name: an absolute POSIX path with no
 * `.` or `..` segment and no `//`, which `resolve` returns as it is (asked several times per linted file).
 */
export function absolutePath(filename: string): string {
  return isNormalPosixPath(filename) ? filename : resolve(filename);
}

function isNormalPosixPath(filename: string): boolean {
  if (sep !== "/" || filename.charCodeAt(0) !== SLASH || filename.includes("//")) return false;
  // A `/.` starts a dot segment only when `.` or `..` is the whole segment (`/.cache/` is a name).
  for (let at = filename.indexOf("/."); at !== -1; at = filename.indexOf("/.", at + 2)) {
    const after = at + 2 < filename.length && filename.charCodeAt(at + 2) === DOT ? at + 3 : at + 2;
    if (after === filename.length || filename.charCodeAt(after) === SLASH) return false;
  }
  return filename.length === 1 || filename.charCodeAt(filename.length - 1) !== SLASH;
}

const SLASH = 47;
const DOT = 46;

let defaultReader = new ProjectModules();

/** The process-wide reader the models use; tests swap in one with a counting file system. */
export function projectModules(): ProjectModules {
  return defaultReader;
}

/**
 * Whether `specifier` names project code from `input`'s file: a local module (settings.ts
 * `isLocalModule`: relative, an alias, a settings module), a key of the nearest tsconfig/jsconfig
 * `paths` (`@obs/tracing` under `"@obs/*"`, read by `pathAliasesFor`), or a package of the file's workspace
 * (analysis/workspaces.ts: `@acme/telemetry` from `apps/api`) in a file whose text mentions a tracer
 * (`TRACER_HINT_PATTERN`, the hint migrate's prefilter takes: a tracer can only come from such an
 * import there), so a file importing only packages (`express`, `zod`) makes no file system call. The
 * workspace is looked up once per linted file (and at most once a second per package root); a module
 * read for another file (no `readModuleFacts`) follows no import, so none of its bare specifiers is one.
 */
export function isProjectModule(specifier: string, input: Pick<AnalysisInput, "ast" | "filename" | "settings" | "readModuleFacts" | "text">): boolean {
  if (isLocalModule(specifier, input.settings)) return true;
  if (!input.readModuleFacts || isSdkModule(specifier, input.settings) || !isNonRelativeSpecifier(specifier)) return false;
  // A key of the nearest tsconfig/jsconfig `paths` (`"@obs/*"`, also an exact `"@obs"`, which no package
  // name is), or a name under its `baseUrl`, however it is shaped: looked up once per file that mentions a
  // tracer (as the workspace below).
  if (pathAliasesOf(input).some((pattern) => matchesPathPattern(pattern, specifier))) return true;
  if (!isBareSpecifier(specifier)) return false;
  // The file's workspace first (one lookup per file, cached): most files have none, and then the
  // specifier need not be split (asked for every package import the SDK model reads).
  const packages = workspacePackagesOf(input);
  if (packages === undefined) return false;
  const name = splitPackageSpecifier(specifier)?.[0];
  return name !== undefined && packages.has(name);
}

/**
 * Per AST: its file's workspace packages (`NO_WORKSPACE` for none, most files) and the reader that
 * answered. Kept on the AST, not for the last file only: `migrate` asks of the first parse, then of
 * the settled text's, then of the first again (`fileLinks`), which a last-file memo answered twice.
 */
const workspaceByFile = new AttachedCache<object, { readonly reader: ProjectModules; readonly packages: ReadonlyMap<string, string> }>("honeyhive.workspacePackages");

const NO_WORKSPACE: ReadonlyMap<string, string> = new Map();

/** Per AST: its file's tsconfig/jsconfig `paths` patterns and the reader that answered (as `workspaceByFile`). */
const aliasesByFile = new AttachedCache<object, { readonly reader: ProjectModules; readonly patterns: readonly string[] }>("honeyhive.pathAliases");

const tracerHints = new AttachedCache<object, boolean>("honeyhive.tracerHint");

/**
 * Whether the file's text matches `TRACER_HINT_PATTERN` (a case-insensitive pattern of ~20 words, tested one
 * alternative at a time: knowledge/sdks/index.ts `mentionsTracerHintText`); once per AST. The path aliases, the workspace and the gate's holder test all ask it of
 * most files that import a package (bench/NOTES.md, perf-nonsdk-2).
 */
export function mentionsTracerHint(input: Pick<AnalysisInput, "ast" | "text">): boolean {
  let hint = tracerHints.get(input.ast);
  if (hint === undefined) tracerHints.set(input.ast, (hint = mentionsTracerHintText(input.text)));
  return hint;
}

function pathAliasesOf(input: Pick<AnalysisInput, "ast" | "filename" | "text">): readonly string[] {
  const known = aliasesByFile.get(input.ast);
  if (known?.reader === defaultReader) return known.patterns;
  let patterns: readonly string[] = [];
  // Gated as the workspace is (`workspacePackagesOf`): a file that mentions no tracer makes no file system call.
  if (mentionsTracerHint(input)) {
    try {
      patterns = defaultReader.pathAliasesFor(absolutePath(input.filename));
    } catch {
      patterns = [];
    }
  }
  aliasesByFile.set(input.ast, { reader: defaultReader, patterns });
  return patterns;
}

/**
 * Whether `specifier` matches a `paths` key: the key itself, or its text before and after one `*`. A
 * key starting with `*` (`"*": ["types/*"]`, a fallback for every name) makes no package the project's.
 */
function matchesPathPattern(pattern: string, specifier: string): boolean {
  const star = pattern.indexOf("*");
  if (star === -1) return pattern === specifier;
  if (star === 0) return false;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}

function workspacePackagesOf(input: Pick<AnalysisInput, "ast" | "filename" | "text">): ReadonlyMap<string, string> | undefined {
  const known = workspaceByFile.get(input.ast);
  if (known !== undefined && known.reader === defaultReader) return known.packages === NO_WORKSPACE ? undefined : known.packages;
  let packages: ReadonlyMap<string, string> | undefined;
  if (mentionsTracerHint(input)) {
    try {
      const directory = dirname(absolutePath(input.filename));
      packages = workspaceOf(defaultReader, defaultReader.packageRootOf(directory) ?? directory)?.packages;
    } catch {
      packages = undefined;
    }
  }
  workspaceByFile.set(input.ast, { reader: defaultReader, packages: packages ?? NO_WORKSPACE });
  return packages;
}

/** Replaces the process-wide reader (tests); returns the previous one. */
export function setProjectModules(reader: ProjectModules): ProjectModules {
  const previous = defaultReader;
  defaultReader = reader;
  return previous;
}

/** A module specifier and the name of one of its exports. */
export interface ImportOrigin {
  readonly specifier: string;
  readonly name: string;
}

/**
 * `exportPath` of a project module's binding, where the default import of a CommonJS module is its
 * `module.exports`, whose members are the module's names (as in `wholeModuleOf`): `tracing.getTracer` of
 * `import tracing from "./tracing.cjs"` is the export `getTracer`, not a member of an export `default`.
 */
export function projectExportPath(input: AnalysisInput, origin: ModuleOrigin): readonly string[] {
  const path = exportPath(origin);
  if (!origin.viaDefaultImport || path.length < 2 || !isProjectModule(origin.module, input)) return path;
  return importedModule(input, origin.module)?.facts.commonJs ? origin.path : path;
}

/**
 * The module specifier and export name a variable is imported as, as bindings.ts resolves it:
 * `import { a as b }`, a default import (`default`), `const { a } = require()`, `require().a`, an
 * awaited `import()`, a `const` alias of one. Undefined for a whole module (namespace, `require()`
 * object), a type-only import, and what is not imported.
 */
export function importOrigin(input: AnalysisInput, variable: Scope.Variable): ImportOrigin | undefined {
  const def = variable.defs[0];
  if (def?.type !== "ImportBinding" && def?.type !== "Variable") return undefined;
  const origin = getAnalysisContext(input).bindings.originOf(def.name);
  if (!origin || origin.typeOnly) return undefined;
  const path = projectExportPath(input, origin);
  if (path.length === 1) return { specifier: origin.module, name: path[0]! };
  // `const tracer = require("./tracer")` (TypeScript: `import tracer = require("./tracer")`): the module's `module.exports`, which its facts record as its
  // `default` export (export-facts.ts). A namespace import or an awaited `import()` is the module's
  // namespace, not one export: `wholeModuleOf`.
  if (path.length === 0 && !origin.interop && isWholeRequire(def)) {
    return { specifier: origin.module, name: "default" };
  }
  return undefined;
}

/**
 * The binding is a CommonJS module's whole `module.exports` (`import shared = require("./shared")`, `const shared =
 * require("./shared")`, a default import of it) where that is an object of names (ModuleFacts `exportsObject`): the
 * object, never a tracer, whatever 1.x-like methods its members have (`shared.traceFunction(…)` of its own).
 */
export function holdsExportsObject(input: AnalysisInput, variable: Scope.Variable): boolean {
  const origin = importOrigin(input, variable);
  return origin?.name === "default" && importedModule(input, origin.specifier)?.facts.exportsObject === true;
}

/** `const x = require("m")`, or TypeScript's `import x = require("m")` (the same `module.exports`). */
function isWholeRequire(def: Scope.Definition): boolean {
  if (def.type === "ImportBinding") return def.node.type === "TSImportEqualsDeclaration";
  return def.type === "Variable" && requireSpecifier(unwrapExpression(def.node.init)) !== undefined;
}

/**
 * The project module a variable holds whole, as its namespace: `import * as tracing from "./tracing"`,
 * `const tracing = require("./tracing")`, `import tracing = require("./tracing")`, `const tracing = await import("./tracing")`; its members are
 * the module's named exports (`tracing.tracer` is the export `tracer`); the default import of a CommonJS
 * module (`ModuleFacts.commonJs`). Undefined for the default import of an ES module, one export, a
 * package, and what is not imported.
 */
export function wholeModuleOf(input: AnalysisInput, variable: Scope.Variable): string | undefined {
  const def = variable.defs[0];
  if (def?.type !== "ImportBinding" && def?.type !== "Variable") return undefined;
  const origin = getAnalysisContext(input).bindings.originOf(def.name);
  if (!origin || origin.typeOnly || origin.path.length > 1 || !isProjectModule(origin.module, input)) return undefined;
  if (origin.path.length === 1) return def.type === "ImportBinding" ? namespaceReExportOf(input, origin.module, origin.path[0]!) : undefined;
  // `import tracing from "./tracing.cjs"`: the default import of a CommonJS module is its `module.exports`,
  // so its members are the module's names; of an ES module, it is one export.
  if (origin.viaDefaultImport) return importedModule(input, origin.module)?.facts.commonJs ? origin.module : undefined;
  return origin.module;
}

/**
 * `import { obs } from "./obs"` of a barrel's `export * as obs from "./tracing"`: the module the namespace
 * holds, as a specifier from the importing file (the barrel's relative path rebased; a package or alias as
 * written); undefined when the export is no namespace. The namespace may be handed on by barrels of barrels
 * (`export * from "./a"` of a module whose `export * as obs`): followed through their `export … from`, each
 * module once, as far as `MAX_RE_EXPORT_CHAIN`.
 */
function namespaceReExportOf(input: AnalysisInput, specifier: string, name: string): string | undefined {
  const read = input.readModuleFacts;
  const barrel = importedModule(input, specifier, true);
  const found = barrel && read ? namespaceHeldBy(barrel, name, read, new Set([barrel.path])) : undefined;
  if (found === undefined) return undefined;
  const { holder, target } = found;
  if (!target.startsWith(".")) return target;
  const rebased = relative(dirname(absolutePath(input.filename)), join(dirname(holder), target)).split(sep).join("/");
  return rebased.startsWith(".") ? rebased : `./${rebased}`;
}

/** The module that re-exports export `name` of `module` as a namespace, and the namespace's specifier as that module writes it. */
function namespaceHeldBy(
  module: { readonly path: string; readonly facts: ModuleFacts },
  name: string,
  read: ModuleFactsReader,
  visited: Set<string>,
): { readonly holder: string; readonly target: string } | undefined {
  const own = module.facts.namespaceReExports?.[name];
  if (own !== undefined) return { holder: module.path, target: own };
  for (const reExport of module.facts.reExports) {
    const imported = reExport.names === "*" ? (name === "default" ? undefined : name) : reExport.names[name];
    if (imported === undefined || visited.size >= MAX_RE_EXPORT_CHAIN) continue;
    const path = defaultReader.resolve(reExport.specifier, module.path);
    if (path === undefined || visited.has(path)) continue;
    visited.add(path);
    const found = namespaceHeldBy({ path, facts: defaultReader.factsOf(path, read, true) }, imported, read, visited);
    if (found) return found;
  }
  return undefined;
}

/**
 * What the project module a variable is imported from says about that export; undefined when the
 * variable is not imported from a project module, or when `input` is itself a module read for
 * another file (one module deep). Reads at most that module and one it re-exports from.
 */
export function importedExport(input: AnalysisInput, variable: Scope.Variable): ImportedExport | undefined {
  // One answer per variable and lint of a file: a file calls the same import many times (and several
  // rules ask), while resolving a specifier costs directory listings and a realpath.
  let byVariable = exportsByFile.get(input.ast);
  if (byVariable === undefined) exportsByFile.set(input.ast, (byVariable = new Map()));
  else if (byVariable.has(variable)) return byVariable.get(variable);
  const found = readImportedExport(input, variable);
  byVariable.set(variable, found);
  return found;
}

/** Per file (on its AST, not in a WeakMap: attached-cache.ts), by the scope manager's variable objects. */
const exportsByFile = new AttachedCache<TSESTree.Program, Map<Scope.Variable, ImportedExport | undefined>>("honeyhive.importedExports");

function readImportedExport(input: AnalysisInput, variable: Scope.Variable): ImportedExport | undefined {
  return exportAt(input, importOrigin(input, variable));
}

/** What the project module `origin.specifier` says about its export `origin.name` (see `importedExport`). */
function exportAt(input: AnalysisInput, origin: ImportOrigin | undefined): ImportedExport | undefined {
  const reader = defaultReader;
  // The SDK itself (`honeyhive`, `honeyhive/experiments`) and `settings.honeyhive.modules` name
  // packages (never followed; the SDK model reads those bindings as the SDK's): no resolution at all,
  // which on SDK code is a third of the specifiers asked about. Any other specifier may be a relative
  // path or a `paths` alias (`@/lib/tracing`, `lib/tracing`): resolve() tells, and refuses packages.
  if (!origin || isSdkModule(origin.specifier, input.settings) || !input.readModuleFacts) return undefined;
  try {
    return reader.exportOf(absolutePath(input.filename), origin.specifier, origin.name, input.readModuleFacts);
  } catch {
    return undefined;
  }
}

/**
 * The facts of the project module `specifier` names from the linted file (for an import with no
 * binding to ask about: `import "./instrumentation"`); undefined for a package, an unresolvable
 * specifier, or when `input` is itself a module read for another file (one module deep).
 */
export function importedModule(input: AnalysisInput, specifier: string, throughReExportChains = false): { readonly path: string; readonly facts: ModuleFacts } | undefined {
  if (!input.readModuleFacts || isSdkModule(specifier, input.settings)) return undefined;
  try {
    const path = defaultReader.resolve(specifier, absolutePath(input.filename));
    return path === undefined ? undefined : { path, facts: defaultReader.factsOf(path, input.readModuleFacts, throughReExportChains) };
  } catch {
    return undefined;
  }
}

/** The first fact of `kind` about the export a variable is imported as. */
export function importedFact<K extends ExportFactKind>(
  input: AnalysisInput,
  variable: Scope.Variable,
  kind: K,
): (Extract<ExportFact, { kind: K }> & { readonly from: ImportedExport }) | undefined {
  const found = importedExport(input, variable);
  const fact = found?.facts.find((candidate): candidate is Extract<ExportFact, { kind: K }> => candidate.kind === kind);
  return fact && found ? { ...fact, from: found } : undefined;
}

/**
 * For sdk-model: a binding imported from a project module is a tracer, a getter whose call may be
 * written again (`getTracer()`: it caches, and is synchronous), or a getter that must not be (a factory
 * making a new tracer per call, or an async getter); `"foreign"` for an OpenTelemetry tracer or provider
 * (a `tracer` of `provider.getTracer()` has no HoneyHive API, whatever its name); undefined when the
 * module does not say.
 */
export function importedTracerShape(input: AnalysisInput, variable: Scope.Variable): TracerExportShape | undefined {
  return tracerShapeOf(input, importedExport(input, variable), () => importOrigin(input, variable));
}

/**
 * `importedTracerShape` for an export named without a binding: the getter called on an awaited
 * `import()` (`(await import("./tracing")).getTracer()`), read the same way as a static import of it.
 */
export function exportedTracerShape(input: AnalysisInput, origin: ImportOrigin): TracerExportShape | undefined {
  return tracerShapeOf(input, exportAt(input, origin), () => origin);
}

type TracerExportShape = "tracer" | "getter" | "opaqueGetter" | "foreign";

function tracerShapeOf(input: AnalysisInput, found: ImportedExport | undefined, origin: () => ImportOrigin | undefined): TracerExportShape | undefined {
  for (const fact of found?.facts ?? []) {
    if (fact.kind === "tracer") return "tracer";
    if (fact.kind === "getter") return fact.caching && !fact.async ? "getter" : "opaqueGetter";
    if (fact.kind === "otelTracer" || fact.kind === "otel") return "foreign";
  }
  // The module was read and named no tracer: final when nothing in it could hold one the facts miss.
  return importedFromUnrelatedModule(input, origin()) ? "foreign" : undefined;
}

/** `from "x"`, `import("x")`, `require("x")` (group 1: the specifier), wherever they stand in the text. */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

/**
 * Whether a binding comes from a project module that exists, was read, and loads neither the SDK, a
 * settings module, nor another project module (`export const tracer = { … }`, a dd-trace or Sentry
 * object, a Mixpanel wrapper): its export facts are then the whole answer, and a name or a use
 * (`tracer`, `.createSession()`) proves nothing. A module importing another project module may hand
 * on a tracer its facts do not follow (more than one module deep): not this.
 */
function importedFromUnrelatedModule(input: AnalysisInput, origin: ImportOrigin | undefined): boolean {
  return everySpecifierOf(input, origin, (specifier, path) => !isSdkModule(specifier, input.settings) && !specifier.startsWith(".") && defaultReader.resolve(specifier, path) === undefined);
}

/**
 * Whether the project module `origin` names exists, was read, and loads only packages known not to be
 * HoneyHive's (another tracing SDK, OpenTelemetry, `mongodb`: knowledge/sdks `isKnownNonHoneyhiveModule`),
 * at least one: its exports are that package's objects (`export const langfuse = new Langfuse()`,
 * `export const metrics = new MeterProvider()`), so their flush is not HoneyHive's. A module loading an
 * unknown package (`@acme/telemetry`, which may wrap HoneyHive) or another project module is not this.
 */
export function importedFromOtherSdkModule(input: AnalysisInput, variable: Scope.Variable): boolean {
  let loads = 0;
  const every = everySpecifierOf(input, importOrigin(input, variable), (specifier) => {
    loads++;
    return isKnownNonHoneyhiveModule(specifier);
  });
  return every && loads > 0;
}

/** `test` holds for every module specifier the text of the project module `origin` names loads (false when it cannot be read). */
export function everySpecifierOf(input: AnalysisInput, origin: ImportOrigin | undefined, test: (specifier: string, path: string) => boolean): boolean {
  if (!origin || !input.readModuleFacts || isSdkModule(origin.specifier, input.settings)) return false;
  try {
    const path = defaultReader.resolve(origin.specifier, absolutePath(input.filename));
    const text = path === undefined ? undefined : defaultReader.fs.readFile(path);
    if (path === undefined || text === undefined) return false;
    for (const [, specifier] of text.matchAll(SPECIFIERS)) if (!test(specifier!, path)) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the project module a binding is imported from proves it a HoneyHive tracer, or a caching
 * synchronous getter of one, by its export facts (not by the binding's name or use): what a fix that
 * writes `tracer.enrichSpan()` / `getTracer().x` without review, or a report that depends on it, needs.
 */
export function importedTracerProven(input: AnalysisInput, variable: Scope.Variable): boolean {
  const shape = importedTracerShape(input, variable);
  return shape === "tracer" || shape === "getter";
}
