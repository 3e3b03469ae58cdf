// Which exports of a file the project's own deployment configuration names as AWS Lambda handlers: a
// Lambda's handler is `<file path without extension>.<export name>`, written in the Serverless
// Framework's `serverless.yml` (`handler: src/chat.main`), an AWS SAM / CloudFormation `template.yaml`
// (`Handler: app.lambdaHandler` under the function's `CodeUri: chat/`) or SST's `sst.config.ts`
// (`handler: "packages/functions/src/chat.main"`). The export name is whatever the config says:
// `main`, `lambdaHandler`, or `default` for an ES module's `export default`.
//
// Read as text, not parsed: a `handler:` / `Handler:` entry whose value has the `<path>.<name>` shape,
// outside comment lines. The configuration directories are found once per project root; a file of a
// project without one pays a map lookup by its folder. A configuration is read again when its mtime or size
// changes (editor sessions edit serverless.yml while linting), checked at most once a second per
// directory, so that a whole-tree lint (the entry gate asks for every file with exports) pays no stat per file.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { deploymentOf } from "../../deployment.js";
import { absolutePath } from "../../project-modules.js";

/** The configuration files, by the tool that reads them. */
const CONFIG_FILES = ["serverless.yml", "serverless.yaml", "template.yaml", "template.yml", "sst.config.ts", "sst.config.js"];
/** `handler: src/chat.main`, `Handler: "app.lambdaHandler"`, `handler: 'packages/functions/src/chat.main'` (YAML, or a TS/JS object key). */
const HANDLER_ENTRY = /\b[Hh]andler["']?\s*:\s*["'`]?((?:\.{0,2}\/)?[\w@$./[\]-]+?)\.([A-Za-z_$][\w$]*)["'`]?\s*(?:[,}\n#]|$)/g;
/** SAM's `CodeUri: chat/` (the handler's path is relative to it). */
const CODE_URI = /\bCodeUri["']?\s*:\s*["']?([\w@$./-]+)/g;
/**
 * How far above the nearest package.json a configuration may sit: SST keeps it at the monorepo root
 * (`packages/functions/package.json` below), SAM's template sits above the function's folder, which
 * has its own package.json. Not above a repository's root (a `.git` beside it), a workspace's root (a
 * package.json with `workspaces`, a `pnpm-workspace.yaml`), or the working directory ESLint runs in.
 */
const MAX_LEVELS_UP = 2;
/** Whole-line comments of YAML (`#`) and of sst.config.ts (`//`): an entry commented out names nothing. */
const COMMENT_LINE = /^[ \t]*(?:#|\/\/).*$/gm;

/** Handler names by module path relative to the configuration's directory, without extension. */
type HandlerNames = ReadonlyMap<string, readonly string[]>;

/** The names a directory's configuration files give, with the version of each file they were read from. */
const byConfigDirectory = new Map<string, { readonly versions: readonly FileVersion[]; readonly names: HandlerNames | null; checkedAt: number }>();
/** How long the files read stay trusted without a stat. */
const RECHECK_AFTER_MS = 1000;

interface FileVersion {
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
}
const configDirectoriesByRoot = new Map<string, readonly string[]>();

/** By the folder of a file asked about: the configuration directories of its project (most projects have none). */
const configDirectoriesByFolder = new Map<string, readonly string[]>();

/** The export names that a deployment configuration of the file's project gives `filename` as Lambda handlers. */
export function configuredHandlerNames(filename: string): readonly string[] {
  // Asked by the entry gate for every file with exports: one map look-up by folder when the project has no configuration.
  const file = absolutePath(filename);
  const folder = dirname(file);
  let directories = configDirectoriesByFolder.get(folder);
  if (directories === undefined) {
    const { root } = deploymentOf(filename);
    directories = root === undefined ? [] : configDirectoriesOf(root);
    configDirectoriesByFolder.set(folder, directories);
  }
  if (directories.length === 0) return [];
  const found: string[] = [];
  for (const directory of directories) {
    const names = handlerNamesIn(directory);
    const path = withoutExtension(relative(directory, file).split(sep).join("/"));
    for (const name of names?.get(path) ?? []) if (!found.includes(name)) found.push(name);
  }
  return found;
}

/** The project root and the directories above it (`MAX_LEVELS_UP`) that hold a configuration. */
function configDirectoriesOf(root: string): readonly string[] {
  let directories = configDirectoriesByRoot.get(root);
  if (directories) return directories;
  const found: string[] = [];
  let directory = root;
  const cwd = process.cwd();
  for (let level = 0; level <= MAX_LEVELS_UP; level += 1) {
    if (CONFIG_FILES.some((name) => existsSync(join(directory, name)))) found.push(directory);
    const parent = dirname(directory);
    if (parent === directory || directory === cwd || isRepositoryOrWorkspaceRoot(directory)) break;
    directory = parent;
  }
  directories = found;
  configDirectoriesByRoot.set(root, directories);
  return directories;
}

function isRepositoryOrWorkspaceRoot(directory: string): boolean {
  if (existsSync(join(directory, ".git")) || existsSync(join(directory, "pnpm-workspace.yaml"))) return true;
  try {
    const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as unknown;
    return typeof manifest === "object" && manifest !== null && "workspaces" in manifest;
  } catch {
    return false;
  }
}

/** The version of each configuration file of `directory` that exists. */
function configVersionsIn(directory: string): FileVersion[] {
  const versions: FileVersion[] = [];
  for (const file of CONFIG_FILES) {
    const path = join(directory, file);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) versions.push({ path, mtimeMs: stats.mtimeMs, size: stats.size });
  }
  return versions;
}

/** Are the files read then still as they were (none removed, none changed)? */
function unchanged(versions: readonly FileVersion[]): boolean {
  return versions.every(({ path, mtimeMs, size }) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats !== undefined && stats.mtimeMs === mtimeMs && stats.size === size;
  });
}

function handlerNamesIn(directory: string): HandlerNames | undefined {
  const known = byConfigDirectory.get(directory);
  const now = Date.now();
  if (known !== undefined && now - known.checkedAt < RECHECK_AFTER_MS) return known.names ?? undefined;
  if (known !== undefined && unchanged(known.versions)) {
    known.checkedAt = now;
    return known.names ?? undefined;
  }
  const names = new Map<string, string[]>();
  const versions = configVersionsIn(directory);
  for (const { path: configPath } of versions) {
    let text: string;
    try {
      text = readFileSync(configPath, "utf8").replace(COMMENT_LINE, "");
    } catch {
      continue;
    }
    const codeUris = [...text.matchAll(CODE_URI)].map((match) => normalize(match[1]!));
    for (const match of text.matchAll(HANDLER_ENTRY)) {
      const path = normalize(match[1]!);
      const name = match[2]!;
      // SAM's handler path is relative to the function's CodeUri; which one is not read (any of the template's).
      for (const candidate of [path, ...codeUris.map((uri) => (uri === "" ? path : `${uri}/${path}`))]) {
        const list = names.get(candidate) ?? [];
        if (!list.includes(name)) list.push(name);
        names.set(candidate, list);
      }
    }
  }
  const result = names.size > 0 ? names : null;
  byConfigDirectory.set(directory, { versions, names: result, checkedAt: now });
  return result ?? undefined;
}

/** `./src/chat/` → `src/chat`. */
function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+$/, "");
}

function withoutExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]sx?$/, "");
}

