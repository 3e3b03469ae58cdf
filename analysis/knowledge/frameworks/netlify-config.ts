// The Netlify Functions folder a project configures in its netlify.toml, besides the default
// `netlify/functions`: `[functions] directory = "src/fns"`, and the older `[build] functions = "…"`
// (docs.netlify.com/functions/optional-configuration/#directory: "The default directory is
// YOUR_BASE_DIRECTORY/netlify/functions", the path "relative to the site's base directory", written with
// or without a leading `/`; the `[build] functions` key is the older form, still in many projects'
// netlify.toml). Read beside the nearest package.json, where analysis/deployment.ts looks for the
// `netlify.toml` signal: a project without one pays that signal's map look-up and nothing more. The file
// is read through the project reader (`parsedFile`: parsed again when its mtime or size changes, looked
// at no more than once a second by `rechecked`), so a whole-tree lint pays no stat per file.
//
// Read as text, not with a TOML parser: the `directory` / `functions` key of the `[functions]` /
// `[build]` table, a quoted string. A `base` other than the folder of netlify.toml is not followed
// (netlify.toml sits in the base directory in Netlify's monorepo layout).
import { join, resolve } from "node:path";
import { deploymentOf } from "../../deployment.js";
import { projectModules } from "../../project-modules.js";

/** Table, then key, of the settings that name the functions folder (the first one set counts, as Netlify reads `[functions] directory` first). */
const FOLDER_KEYS: readonly (readonly [table: string, key: string])[] = [
  ["functions", "directory"],
  ["build", "functions"],
];
const TABLE_HEADER = /^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(?:#.*)?$/;
const STRING_ENTRY = /^\s*([A-Za-z0-9_-]+)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*(?:#.*)?$/;

/** The functions folder a netlify.toml's text names, relative to its directory (no leading `./` or `/`, no trailing `/`), if any. */
export function parseNetlifyFunctionsFolder(text: string): string | undefined {
  const found = new Map<string, string>();
  let table = "";
  for (const line of text.split(/\r?\n/)) {
    const header = TABLE_HEADER.exec(line);
    if (header) {
      table = header[1]!;
      continue;
    }
    // `[[redirects]]` and other arrays of tables end the table the keys belong to.
    if (/^\s*\[\[/.test(line)) {
      table = "";
      continue;
    }
    const entry = STRING_ENTRY.exec(line);
    if (entry) found.set(`${table}\0${entry[1]}`, entry[2] ?? entry[3]!);
  }
  for (const [table, key] of FOLDER_KEYS) {
    const folder = found.get(`${table}\0${key}`)?.trim().replace(/^\.?\/+/, "").replace(/\/+$/, "");
    if (folder) return folder;
  }
  return undefined;
}

const readFolder = (root: string): string | undefined => {
  const folder = projectModules().parsedFile(join(root, "netlify.toml"), parseNetlifyFunctionsFolder);
  return folder === undefined ? undefined : resolve(root, folder);
};

/**
 * The absolute functions folder that the netlify.toml of `filename`'s project configures; none when the
 * project has no netlify.toml or it names none (the default `netlify/functions` is the convention's path).
 */
export function netlifyFunctionsFolders(filename: string): readonly string[] {
  const { root, netlify } = deploymentOf(filename);
  if (!netlify || root === undefined) return [];
  const folder = projectModules().rechecked(root, readFolder);
  return folder === undefined ? [] : [folder];
}
