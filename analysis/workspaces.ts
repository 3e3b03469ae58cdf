// Monorepo workspaces for the project-module reader (analysis/project-modules.ts): an import of a
// workspace package (`@acme/telemetry`, `@acme/telemetry/src/wrap.js` from `apps/api`) names project
// code, not a dependency, so the rules' cross-file facts and `migrate`'s project pass read it.
//
// - The workspace root: the nearest folder above the importer's package root (at most
//   `MAX_WORKSPACE_LEVELS` up, never above a `.git`) with a `pnpm-workspace.yaml` whose `packages:`
//   list has a pattern, or a package.json with `workspaces` (npm, yarn, bun: an array, or yarn's
//   `{ packages }`); the package root itself too, by either (a root package's own files, `scripts/seed.ts`
//   importing `@acme/telemetry`, follow workspace packages under npm, yarn and pnpm alike; the root's
//   package.json is read through `manifestOf`, the mtime-checked read the SDK-version check shares).
// - Its packages: the patterns (`packages/*`, `apps/**`, `tools/cli`, `!**/test/**`) expanded by listing
//   folders inside the root (never a `node_modules`, a dot folder, or a `..`), each folder with a
//   package.json `name` mapped to that folder. A package not in that map is a dependency as before,
//   whatever `node_modules` holds; a workspace package wins over a `node_modules` folder of the same
//   name (npm, yarn and pnpm link the workspace's own package there).
// - Cost: the folders that may root a workspace come from the listings the reader made to find the
//   package root (`ProjectModules.workspaceCandidatesOf`, per process): a project with no package.json
//   or pnpm-workspace.yaml above its own package root (the usual single-package project, the bench
//   corpus) reads only its own package.json here (once; a stat at most once a second). Both answers are `ProjectModules.rechecked`
//   values (read again at most once a second): the root per package root, the map per workspace root.
import { join } from "node:path";
import type { ProjectModules } from "./project-modules.js";

/** How far above a package's root its workspace root may be (`apps/web/site` → the root: 3 levels). */
export const MAX_WORKSPACE_LEVELS = 4;
/** A bound on the folders one workspace's patterns expand to, and on a `**`'s depth: a workspace is not the whole disk. */
const MAX_PACKAGE_FOLDERS = 2000;
const MAX_GLOB_DEPTH = 8;

/** A workspace: its root folder and each package's `name` → its folder (absolute). */
export interface Workspace {
  readonly root: string;
  readonly packages: ReadonlyMap<string, string>;
}

/** The workspace package an import names: its folder, the path after the package name ("" for the bare name), and its manifest's entry points. */
export interface WorkspacePackage {
  readonly root: string;
  readonly directory: string;
  readonly subpath: string;
  readonly entryPoints: readonly string[];
}

/**
 * The `packages:` list of a pnpm-workspace.yaml (block `- 'packages/*'` items, or a flow
 * `[a, "b"]`), quotes and comments removed; empty when it has none. A reader of that one key, not of
 * YAML: anchors, multi-line scalars and the like are not workspace lists.
 */
export function parsePnpmWorkspacePackages(yaml: string): string[] {
  const lines = yaml.replace(/^\uFEFF/, "").split(/\r?\n/);
  const start = lines.findIndex((line) => /^packages\s*:/.test(line));
  if (start === -1) return [];
  const inline = lines[start]!.replace(/^packages\s*:/, "").replace(/\s+#.*$/, "").trim();
  if (inline.startsWith("[")) return inline.replace(/^\[|\]$/g, "").split(",").map(unquoted).filter((item) => item !== "");
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line) && !line.startsWith("#") && !line.startsWith("-")) break; // the next top-level key
    const item = /^\s*-\s*(.*)$/.exec(line);
    if (!item) continue;
    const pattern = unquoted(item[1]!.replace(/\s+#.*$/, ""));
    if (pattern !== "") patterns.push(pattern);
  }
  return patterns;
}

function unquoted(text: string): string {
  const trimmed = text.trim();
  return /^(["']).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** `@scope/name/sub/path` → [`@scope/name`, `sub/path`], `name/sub` → [`name`, `sub`]; undefined for no package name. */
export function splitPackageSpecifier(specifier: string): readonly [string, string] | undefined {
  const parts = specifier.split("/");
  const length = specifier.startsWith("@") ? 2 : 1;
  if (parts.length < length || parts.slice(0, length).some((part) => part === "" || part === "." || part === "..")) return undefined;
  return [parts.slice(0, length).join("/"), parts.slice(length).join("/")];
}

/**
 * The workspace package `specifier` (a bare module specifier) names from a file of the package rooted
 * at `packageRoot`, or undefined (no workspace root, or no workspace package of that name).
 */
export function workspacePackageOf(reader: ProjectModules, specifier: string, packageRoot: string): WorkspacePackage | undefined {
  const split = splitPackageSpecifier(specifier);
  if (split === undefined) return undefined;
  const root = workspaceRootOf(reader, packageRoot);
  if (root === undefined) return undefined;
  const directory = reader.rechecked(root, readersOf(reader).workspaceOf).packages.get(split[0]);
  if (directory === undefined) return undefined;
  return { root, directory, subpath: split[1], entryPoints: reader.manifestOf(directory)?.entryPoints ?? [] };
}

/** The workspace the package rooted at `packageRoot` belongs to (its root may be `packageRoot` itself), or undefined. */
export function workspaceOf(reader: ProjectModules, packageRoot: string): Workspace | undefined {
  const root = workspaceRootOf(reader, packageRoot);
  return root === undefined ? undefined : reader.rechecked(root, readersOf(reader).workspaceOf);
}

/**
 * The root of the workspace the package rooted at `packageRoot` belongs to, or undefined: the one
 * definition, for the resolver here and for analysis/deployment.ts (a member's app framework named by
 * the root's package.json). The nearest folder at or above `packageRoot` (above it at most
 * `MAX_WORKSPACE_LEVELS`, never above a `.git`) whose pnpm-workspace.yaml lists packages, or, above
 * `packageRoot` only, whose package.json declares `workspaces` patterns. Read again at most once a second.
 */
export function workspaceRootOf(reader: ProjectModules, packageRoot: string): string | undefined {
  return reader.rechecked(packageRoot, readersOf(reader).rootOf);
}

/** Per reader, the functions its `rechecked` keeps values of (their identity keeps them apart from other callers'). */
const READERS = new WeakMap<ProjectModules, { readonly rootOf: (packageRoot: string) => string | undefined; readonly workspaceOf: (root: string) => Workspace }>();

function readersOf(reader: ProjectModules): { readonly rootOf: (packageRoot: string) => string | undefined; readonly workspaceOf: (root: string) => Workspace } {
  let readers = READERS.get(reader);
  if (readers === undefined) {
    readers = { rootOf: (packageRoot) => findWorkspaceRoot(reader, packageRoot), workspaceOf: (root) => readWorkspace(reader, root) };
    READERS.set(reader, readers);
  }
  return readers;
}

/** The patterns of the workspace rooted at `directory`, or undefined when it roots none. */
function patternsAt(reader: ProjectModules, directory: string, entries: ReadonlyMap<string, "file" | "directory" | "other">): readonly string[] | undefined {
  if (entries.get("pnpm-workspace.yaml") === "file") {
    const patterns = reader.parsedFile(join(directory, "pnpm-workspace.yaml"), parsePnpmWorkspacePackages);
    if (patterns !== undefined && patterns.length > 0) return patterns;
  }
  if (entries.get("package.json") !== "file") return undefined;
  return reader.manifestOf(directory)?.workspacePatterns;
}

function findWorkspaceRoot(reader: ProjectModules, packageRoot: string): string | undefined {
  for (const directory of reader.workspaceCandidatesOf(packageRoot)) {
    const entries = reader.listing(directory);
    if (entries !== undefined && patternsAt(reader, directory, entries) !== undefined) return directory;
  }
  return undefined;
}

function readWorkspace(reader: ProjectModules, root: string): Workspace {
  const packages = new Map<string, string>();
  const entries = reader.listing(root);
  const patterns = entries === undefined ? undefined : patternsAt(reader, root, entries);
  const excluded = new Set<string>();
  const included: string[] = [];
  for (const pattern of patterns ?? []) {
    const negated = pattern.startsWith("!");
    const folders = expandPattern(reader, root, negated ? pattern.slice(1) : pattern);
    if (negated) for (const folder of folders) excluded.add(folder);
    else included.push(...folders);
  }
  for (const folder of included) {
    if (excluded.has(folder) || folder === root) continue;
    const name = reader.listing(folder)?.get("package.json") === "file" ? reader.manifestOf(folder)?.name : undefined;
    // Two packages of one name: the package manager refuses the workspace; the first listed is kept.
    if (name !== undefined && !packages.has(name)) packages.set(name, folder);
  }
  return { root, packages };
}

/** The folders inside `root` a workspace pattern matches (`*` and `?` within a segment, `**` for any depth). */
function expandPattern(reader: ProjectModules, root: string, pattern: string): string[] {
  const segments = pattern.replace(/^\.\//, "").split("/").filter((segment) => segment !== "" && segment !== ".");
  // A pattern leading out of the root, or absolute: nothing read there.
  if (segments.some((segment) => segment === "..") || pattern.startsWith("/")) return [];
  let folders = [root];
  for (const segment of segments) {
    const next: string[] = [];
    for (const folder of folders) {
      if (segment === "**") next.push(folder, ...descendants(reader, folder, MAX_GLOB_DEPTH, next.length));
      else if (!/[*?[{]/.test(segment)) {
        if (segment !== "node_modules" && reader.listing(folder)?.get(segment) === "directory") next.push(join(folder, segment));
      } else {
        const matches = globSegment(segment);
        for (const [name, kind] of reader.listing(folder) ?? []) if (kind === "directory" && searchable(name) && matches.test(name)) next.push(join(folder, name));
      }
      if (next.length > MAX_PACKAGE_FOLDERS) break;
    }
    folders = [...new Set(next)].slice(0, MAX_PACKAGE_FOLDERS);
  }
  return folders;
}

function descendants(reader: ProjectModules, folder: string, depth: number, found: number): string[] {
  if (depth === 0) return [];
  const out: string[] = [];
  for (const [name, kind] of reader.listing(folder) ?? []) {
    if (kind !== "directory" || !searchable(name)) continue;
    const child = join(folder, name);
    out.push(child);
    if (found + out.length > MAX_PACKAGE_FOLDERS) break;
    out.push(...descendants(reader, child, depth - 1, found + out.length));
  }
  return out;
}

/** A folder a wildcard may match: never `node_modules` or a dot folder (`.git`, `.turbo`), as the package managers skip them. */
function searchable(name: string): boolean {
  return name !== "node_modules" && !name.startsWith(".");
}

/** One path segment of a pattern as a regular expression (`pkg-*`, `a?c`, `{a,b}`, `[ab]`). */
function globSegment(segment: string): RegExp {
  let source = "";
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment[index]!;
    if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") {
      const end = segment.indexOf("}", index);
      if (end === -1) source += "\\{";
      else {
        source += `(?:${segment.slice(index + 1, end).split(",").map(escapeRegExp).join("|")})`;
        index = end;
      }
    } else if (char === "[") {
      const end = segment.indexOf("]", index);
      if (end === -1) source += "\\[";
      else {
        source += `[${segment.slice(index + 1, end).replace(/\\/g, "\\\\").replace(/^!/, "^")}]`;
        index = end;
      }
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

/** `text` as a RegExp source that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
