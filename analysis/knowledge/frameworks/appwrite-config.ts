// The entry module each Appwrite Function names in the project's CLI configuration, `appwrite.config.json`
// (appwrite.io/docs/tooling/command-line/functions, checked 2026-12-08) or the older CLI's `appwrite.json`:
// `{ "functions": [{ "path": "functions/chat", "entrypoint": "src/index.js", … }] }`, `path` relative to the
// configuration's folder, `entrypoint` to `path`. The configuration sits at the Appwrite project's root, above
// each function's own package.json: it is looked for in the file's folder and each folder above (each folder's
// answer kept by the project reader's `rechecked`, the file read through its `parsedFile`), so a whole-tree
// lint pays one listing look-up per folder. A configuration whose text is no JSON names no entry.
import { dirname, join, resolve } from "node:path";
import { absolutePath, projectModules } from "../../project-modules.js";

/** The configuration files, first found in a folder wins (the CLI's current name first). */
const CONFIG_NAMES = ["appwrite.config.json", "appwrite.json"] as const;

/** The entry modules a configuration's text names, relative to its folder, with the function's folder (`path`). */
export function parseAppwriteEntries(text: string): readonly { readonly folder: string; readonly entry: string }[] {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return [];
  }
  const functions = (config as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(functions)) return [];
  const entries: { folder: string; entry: string }[] = [];
  for (const fn of functions as unknown[]) {
    const { path, entrypoint } = (fn ?? {}) as { path?: unknown; entrypoint?: unknown };
    if (typeof path === "string" && typeof entrypoint === "string" && entrypoint !== "") entries.push({ folder: path, entry: join(path, entrypoint) });
  }
  return entries;
}

/** Absolute entry module → its function's absolute folder, from the configuration at or above `directory`. */
const readEntries = (directory: string): ReadonlyMap<string, string> => {
  const modules = projectModules();
  const listing = modules.listing(directory);
  const name = CONFIG_NAMES.find((candidate) => listing?.get(candidate) === "file");
  if (name !== undefined) {
    const entries = modules.parsedFile(join(directory, name), parseAppwriteEntries) ?? [];
    return new Map(entries.map(({ folder, entry }) => [resolve(directory, entry), resolve(directory, folder)]));
  }
  const parent = dirname(directory);
  return parent === directory ? new Map() : modules.rechecked(parent, readEntries);
};

/**
 * The function folder whose configured entry module `filename` is (`FileConvention.configuredFolders.of`:
 * with the entry matched as any path below it, only the entry itself is one); none for any other file.
 */
export function appwriteEntryFolders(filename: string): readonly string[] {
  const file = absolutePath(filename);
  const folder = projectModules().rechecked(dirname(file), readEntries).get(file);
  return folder === undefined ? [] : [folder];
}
