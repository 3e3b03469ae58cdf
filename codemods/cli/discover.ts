// Which files a run looks at. Inside a git work tree git answers (tracked + untracked-not-ignored,
// every nested .gitignore applied by git itself); elsewhere a directory walk applies the .gitignore
// files it meets. Both then drop what is never source to migrate: other extensions, declaration
// files, dependencies and build output, and what `--ignore` names.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { DirectoryListings } from "../engine/directory-listings.js";
import { gitListFiles, gitTopLevel } from "./git.js";
import { ignoreVerdict, isFileIgnored, parseIgnoreFile, type IgnoreRule } from "./ignore-patterns.js";

export const DEFAULT_EXTENSIONS: readonly string[] = ["js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"];

/** Directories that hold dependencies, build output or VCS data, never sources to migrate. */
const SKIPPED_DIRECTORIES = new Set(["node_modules", "dist", "build", ".next", "out", "coverage", ".git", ".hg", ".svn"]);

const DECLARATION_FILE = /\.d\.[mc]?ts$/;

export interface DiscoveryOptions {
  readonly cwd: string;
  /** Files or directories, absolute or relative to `cwd`. */
  readonly paths: readonly string[];
  readonly extensions: readonly string[];
  /** Gitignore-style globs relative to `cwd`. */
  readonly ignore: readonly string[];
  /** Receives every directory listing the walk reads (outside git), so nothing lists them again. */
  readonly listings?: DirectoryListings;
  /** The run's answers about git work trees, shared with its guard and report. */
  readonly gitTopLevels?: GitTopLevels;
}

export interface DiscoveredFile {
  readonly absolutePath: string;
  /** The directory no write may leave: the git top level, else the working directory (or the path itself when outside it). */
  readonly root: string;
  /**
   * True when `absolutePath` is known to be the file's real path: the walk reached a regular file
   * from a resolved directory through directories only (links are never followed into). Git's
   * listing says nothing about links, so its files are resolved by the reader.
   */
  readonly real?: boolean;
}

export interface Discovery {
  /** Sorted by path, each file once. */
  readonly files: DiscoveredFile[];
}

export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`no such file or directory: ${path}`);
  }
}

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Whether `child` is `parent` or below it (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Which git work tree holds a directory, for one run, asking git once per work tree rather than
 * once per path (a pre-commit hook passes one path per staged file, and a run asks again for its
 * guard, its discovery and its report). A directory below one git already answered for, with no
 * `.git` entry on the way up to it (a nested repository, a submodule or a linked work tree has
 * one), has the same answer: git finds the work tree by that same walk upwards. Anything else is
 * asked. Per run, never per process: a test or an editor may `git init` between runs.
 */
export class GitTopLevels {
  private readonly answers = new Map<string, string | undefined>();

  constructor(private readonly ask: (directory: string) => string | undefined = gitTopLevel) {}

  of(directory: string): string | undefined {
    if (this.answers.has(directory)) return this.answers.get(directory);
    const answer = this.inferred(directory) ?? { top: this.ask(directory) };
    this.answers.set(directory, answer.top);
    return answer.top;
  }

  private inferred(directory: string): { top: string | undefined } | undefined {
    for (const [asked, top] of this.answers) {
      if (asked === directory || !isInside(asked, directory)) continue;
      let below = directory;
      let crossesGit = false;
      while (below !== asked) {
        if (existsSync(join(below, ".git"))) {
          crossesGit = true;
          break;
        }
        below = dirname(below);
      }
      if (!crossesGit) return { top };
    }
    return undefined;
  }
}

/** The directory a run stays in: the git top level of the working directory, else the working directory itself. */
export function projectRoot(cwd: string, topLevels: GitTopLevels = new GitTopLevels()): string {
  return topLevels.of(cwd) ?? cwd;
}

/**
 * The first path argument whose real location (links resolved) is outside `root`, if any. An
 * explicit path is checked like a link found by the walk: where it leads decides, not how it is
 * spelled (`../x`, an absolute path, a link to elsewhere).
 */
export function firstPathOutside(root: string, cwd: string, paths: readonly string[]): string | undefined {
  return paths.find((path) => {
    if (!existsSync(resolve(cwd, path))) throw new MissingPathError(path);
    return !isInside(root, realpathSync(resolve(cwd, path)));
  });
}

/** Finds the git top levels of the given paths without listing anything (used by the guard before discovery). */
export function resolveGitTopLevels(
  cwd: string,
  paths: readonly string[],
  known: GitTopLevels = new GitTopLevels(),
): Map<string, string | undefined> {
  const topLevels = new Map<string, string | undefined>();
  for (const path of paths) {
    if (!existsSync(resolve(cwd, path))) throw new MissingPathError(path);
    // Paths are compared with git's top level, which has no links in it.
    const absolute = realpathSync(resolve(cwd, path));
    const directory = statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    topLevels.set(absolute, known.of(directory));
  }
  return topLevels;
}

function isSourceFile(relativeToRoot: string, extensions: ReadonlySet<string>): boolean {
  const segments = relativeToRoot.split("/");
  const name = segments[segments.length - 1];
  if (segments.slice(0, -1).some((segment) => SKIPPED_DIRECTORIES.has(segment))) return false;
  if (DECLARATION_FILE.test(name)) return false;
  const dot = name.lastIndexOf(".");
  return dot > 0 && extensions.has(name.slice(dot + 1));
}

interface IgnoreScope {
  /** Directory the rules are relative to, `/`-separated and relative to the walk root ("" for the root). */
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

function readIgnoreScope(root: string, directoryRelative: string): IgnoreScope | undefined {
  const file = join(root, directoryRelative, ".gitignore");
  if (!existsSync(file)) return undefined;
  const rules = parseIgnoreFile(readFileSync(file, "utf8"));
  return rules.length > 0 ? { base: directoryRelative, rules } : undefined;
}

/** Deeper .gitignore files override shallower ones; within a file the last match wins. */
function isIgnoredByScopes(scopes: readonly IgnoreScope[], relativeToRoot: string, isDirectory: boolean): boolean {
  let verdict: boolean | undefined;
  for (const scope of scopes) {
    const local = scope.base === "" ? relativeToRoot : relativeToRoot.slice(scope.base.length + 1);
    verdict = ignoreVerdict(scope.rules, local, isDirectory) ?? verdict;
  }
  return verdict === true;
}

/** The .gitignore files from `root` down to `directoryRelative` (inclusive), outermost first. */
function scopesDownTo(root: string, directoryRelative: string): IgnoreScope[] {
  const segments = directoryRelative === "" ? [] : directoryRelative.split("/");
  const scopes: IgnoreScope[] = [];
  for (let depth = 0; depth <= segments.length; depth++) {
    const scope = readIgnoreScope(root, segments.slice(0, depth).join("/"));
    if (scope) scopes.push(scope);
  }
  return scopes;
}

/** Whether a path below `root` is excluded: by name (node_modules, build output) or by a .gitignore on its way. */
function isExcludedBelow(root: string, relativeToRoot: string, isDirectory: boolean): boolean {
  const segments = relativeToRoot === "" ? [] : relativeToRoot.split("/");
  for (let depth = 1; depth <= segments.length; depth++) {
    const segmentIsDirectory = depth < segments.length || isDirectory;
    if (segmentIsDirectory && SKIPPED_DIRECTORIES.has(segments[depth - 1])) return true;
    const scopes = scopesDownTo(root, segments.slice(0, depth - 1).join("/"));
    if (isIgnoredByScopes(scopes, segments.slice(0, depth).join("/"), segmentIsDirectory)) return true;
  }
  return false;
}

interface WalkedFile {
  readonly path: string;
  /** A regular file, not a link (see DiscoveredFile.real). */
  readonly regular: boolean;
}

/** Walks `start` (a directory inside `root`) without following symbolic links to directories. */
function walk(root: string, start: string, extensions: ReadonlySet<string>, listings: DirectoryListings | undefined): WalkedFile[] {
  const found: WalkedFile[] = [];
  const startRelative = toPosix(relative(root, start));
  // The start itself may sit in an ignored directory; the .gitignore files above it apply too.
  if (isExcludedBelow(root, startRelative, true)) return found;
  const scopes = scopesDownTo(root, startRelative);

  const visit = (directoryRelative: string, inherited: readonly IgnoreScope[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, directoryRelative), { withFileTypes: true });
    } catch {
      return; // unreadable directory: nothing to migrate there
    }
    listings?.remember(join(root, directoryRelative), entries);
    // The listing tells whether there is a .gitignore to read (no existence check per directory).
    const hasIgnoreFile = directoryRelative !== startRelative && entries.some((entry) => entry.name === ".gitignore" && !entry.isDirectory());
    const own = hasIgnoreFile ? readIgnoreScope(root, directoryRelative) : undefined;
    const active = own ? [...inherited, own] : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryRelative = directoryRelative === "" ? entry.name : `${directoryRelative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnoredByScopes(active, entryRelative, true)) continue;
        visit(entryRelative, active);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        // A link is listed like git lists it; where it leads is checked before reading.
        if (isSourceFile(entryRelative, extensions) && !isIgnoredByScopes(active, entryRelative, false)) {
          found.push({ path: join(root, entryRelative), regular: entry.isFile() });
        }
      }
    }
  };
  visit(startRelative, scopes);
  return found;
}

/** Files outside git under one path argument: the walk, or the file itself when it is a source file. */
function filesOutsideGit(absolute: string, root: string, extensions: ReadonlySet<string>, listings: DirectoryListings | undefined): WalkedFile[] {
  if (statSync(absolute).isDirectory()) return walk(root, absolute, extensions, listings);
  const relativeToRoot = toPosix(relative(root, absolute));
  return isSourceFile(relativeToRoot, extensions) && !isExcludedBelow(root, relativeToRoot, false) ? [{ path: absolute, regular: false }] : [];
}

export function discoverFiles(options: DiscoveryOptions): Discovery {
  const extensions = new Set(options.extensions.map((extension) => extension.replace(/^\./, "")));
  const ignoreRules = options.ignore.flatMap((glob) => parseIgnoreFile(glob));
  const topLevels = resolveGitTopLevels(options.cwd, options.paths, options.gitTopLevels);
  const byPath = new Map<string, DiscoveredFile>();
  const add = (candidates: readonly WalkedFile[], root: string): void => {
    for (const { path, regular } of candidates) {
      const relativeToCwd = toPosix(relative(options.cwd, path));
      if (isFileIgnored(ignoreRules, relativeToCwd)) continue;
      if (!byPath.has(path)) byPath.set(path, { absolutePath: path, root, ...(regular ? { real: true } : {}) });
    }
  };

  // Inside git, one listing per work tree for all the paths in it (git applies every .gitignore).
  const pathspecsByTopLevel = new Map<string, string[]>();
  for (const [absolute, topLevel] of topLevels) {
    if (topLevel) {
      pathspecsByTopLevel.set(topLevel, [...(pathspecsByTopLevel.get(topLevel) ?? []), toPosix(relative(topLevel, absolute)) || "."]);
      continue;
    }
    // Outside git the working directory bounds the project; a path outside it is its own root.
    const root = isInside(options.cwd, absolute) ? options.cwd : statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    // The walk starts from a resolved path, so what it reaches through directories is real too.
    add(filesOutsideGit(absolute, root, extensions, options.listings), root);
  }
  for (const [topLevel, pathspecs] of pathspecsByTopLevel) {
    const listed = gitListFiles(topLevel, pathspecs).filter((file) => isSourceFile(file, extensions));
    add(
      listed.map((file) => ({ path: join(topLevel, file), regular: false })),
      topLevel,
    );
  }
  const files = [...byPath.values()].sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
  return { files };
}
