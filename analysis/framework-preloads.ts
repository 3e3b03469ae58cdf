// The modules a project's framework loads before any of the application's (knowledge FRAMEWORK_PRELOADS:
// Next.js's `instrumentation.ts`), resolved once for both readers: the global slots a preload fills
// (analysis/global-slots.ts) and the pipeline a preload activates (analysis/instrumentations.ts).
import { dirname, join, sep } from "node:path";
import { deploymentOf, projectDependsOn } from "./deployment.js";
import type { AnalysisInput } from "./input.js";
import { FRAMEWORK_PRELOADS, type FrameworkPreload, type PreloadConfiguration } from "./knowledge/instrumentations.js";
import { absolutePath, parseJsonc, projectModules, withoutBom, withoutComments } from "./project-modules.js";

/**
 * The files of the preloads of the frameworks the project depends on, resolved against the app root a
 * route's path shows (the folder holding Next.js's `app/` or `pages/`, `src/` or not: also an app in a
 * monorepo folder without a package.json of its own, `apps/web/app/…` → `apps/web/instrumentation.ts`)
 * and the nearest package root, nearest first; the file itself left out.
 */
export function frameworkPreloadsOf(input: Pick<AnalysisInput, "filename">): string[] {
  const reader = projectModules();
  const file = absolutePath(input.filename);
  const paths: string[] = [];
  for (const preload of FRAMEWORK_PRELOADS) {
    if (preload.loadsBefore && !preload.loadsBefore.test(file.replaceAll(sep, "/"))) continue;
    if (!projectDependsOn(input.filename, [preload.dependency])) continue;
    const packageRoot = deploymentOf(input.filename).root;
    const add = (specifier: string, root: string): void => {
      const path = reader.resolve(specifier, join(root, "package.json"));
      if (path !== undefined && path !== file && !paths.includes(path)) paths.push(path);
    };
    for (const root of [...appRootsOf(file), ...(packageRoot === undefined ? [] : [packageRoot])]) {
      for (const specifier of preload.modules) add(specifier, root);
    }
    if (preload.configured && packageRoot !== undefined) {
      for (const specifier of reader.rechecked(`${FRAMEWORK_PRELOADS.indexOf(preload)}\0${packageRoot}`, readConfiguredPreloads)) add(specifier, packageRoot);
    }
  }
  return paths;
}

/**
 * The preloads a framework's configuration names, as specifiers relative to the project root: `<rootDir>/x` and a bare
 * `x` (a path relative to the root for Jest and Vitest) read as `./x`, so a package's module (`jest-extended/all`) is
 * looked for in the project and not found. Keyed `<index in FRAMEWORK_PRELOADS>\0<package root>` (`rechecked`'s key).
 */
const readConfiguredPreloads = (key: string): readonly string[] => {
  const [index, root] = key.split("\0") as [string, string];
  const preload = FRAMEWORK_PRELOADS[Number(index)]!;
  const configuration = preload.configured!;
  const reader = projectModules();
  const parse = configurationParser(preload);
  let paths: readonly string[] | undefined;
  for (const name of configuration.files) if ((paths = reader.parsedFile(join(root, name), parse)) !== undefined) break;
  if (paths === undefined && configuration.packageKey !== undefined) paths = reader.parsedFile(join(root, "package.json"), parse);
  return (paths ?? []).map((path) => asRootRelative(path, configuration.rootToken));
};

function asRootRelative(path: string, rootToken: string | undefined): string {
  const fromRoot = rootToken !== undefined && path.startsWith(rootToken) ? path.slice(rootToken.length).replace(/^\/+/, "") : path;
  return fromRoot.startsWith("./") || fromRoot.startsWith("../") || fromRoot.startsWith("/") ? fromRoot : `./${fromRoot}`;
}

/** One parser per preload, so that `parsedFile` (which keys its cache by the parser) keeps each configuration's reading. */
const PARSERS = new Map<FrameworkPreload, (text: string) => readonly string[] | undefined>();

function configurationParser(preload: FrameworkPreload): (text: string) => readonly string[] | undefined {
  let parser = PARSERS.get(preload);
  if (parser === undefined) {
    const configuration = preload.configured!;
    parser = (text) => (text.trimStart().startsWith("{") ? jsonConfigurationPaths(text, configuration) : scriptConfigurationPaths(text, configuration.options));
    PARSERS.set(preload, parser);
  }
  return parser;
}

/** A JSON configuration's (or, with `packageKey`, the package.json's key's) preload paths; undefined when it has none there. */
function jsonConfigurationPaths(text: string, configuration: PreloadConfiguration): readonly string[] | undefined {
  let value: unknown;
  try {
    value = parseJsonc(withoutBom(text));
  } catch {
    return undefined;
  }
  const record = value as Record<string, unknown> | null;
  const config = configuration.packageKey !== undefined && typeof record?.[configuration.packageKey] === "object" ? (record[configuration.packageKey] as Record<string, unknown>) : record;
  if (config === null || typeof config !== "object") return undefined;
  const paths = configuration.options.flatMap((option) => {
    const listed = config[option];
    return (Array.isArray(listed) ? listed : [listed]).filter((path): path is string => typeof path === "string");
  });
  return paths;
}

const STRING = /"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`/g;

/**
 * A script configuration's preload paths, read as text (it is not run): the string, or the strings of the array, that an
 * option's property is written with (`setupFiles: ["./a", "<rootDir>/b"]`, `test: { setupFiles: "./c" }`).
 */
function scriptConfigurationPaths(text: string, options: readonly string[]): readonly string[] {
  const source = withoutComments(text);
  const paths: string[] = [];
  for (const option of options) {
    const property = new RegExp(`(?:^|[^\\w$])["']?${option}["']?\\s*:\\s*(\\[[^\\]]*\\]|"[^"\\n]*"|'[^'\\n]*'|\`[^\`\\n]*\`)`, "g");
    for (const match of source.matchAll(property)) for (const string of match[1]!.matchAll(STRING)) paths.push(string[1] ?? string[2] ?? string[3]!);
  }
  return paths;
}

/** The folders above `file` holding an `app` or `pages` folder on its path (Next.js's routers), nearest first. */
function appRootsOf(file: string): string[] {
  const roots: string[] = [];
  const parts = dirname(file).split(sep);
  for (let index = parts.length - 1; index > 0; index--) {
    if (parts[index] !== "app" && parts[index] !== "pages") continue;
    const above = parts.slice(0, index);
    roots.push(above.join(sep) || sep);
    if (above[above.length - 1] === "src") roots.push(above.slice(0, -1).join(sep) || sep);
  }
  return roots;
}
