// The modules a project's framework loads before any of the application's (knowledge FRAMEWORK_PRELOADS:
// Next.js's `instrumentation.ts`), resolved once for both readers: the global slots a preload fills
// (analysis/global-slots.ts) and the pipeline a preload activates (analysis/instrumentations.ts).
import { dirname, join, resolve, sep } from "node:path";
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
      const configured = reader.rechecked(`${FRAMEWORK_PRELOADS.indexOf(preload)}\0${packageRoot}`, readConfiguredPreloads);
      for (const { specifier, root, scope } of configured) if (scope === undefined || file.startsWith(scope + sep)) add(specifier, root);
    }
  }
  return paths;
}

/**
 * A preload a framework's configuration names: `specifier` relative to the folder `root` (the configuration's root:
 * `<rootDir>/x` and a bare `x`, a path relative to the root for Jest and Vitest, read as `./x`, so a package's module
 * such as `jest-extended/all` is looked for in the project and not found), for the files under `scope` only when set
 * (a project of the configuration's, run on the test files under its own root).
 */
interface ConfiguredPreload {
  readonly specifier: string;
  readonly root: string;
  readonly scope?: string;
}

/** What a configuration, or one of its projects, says: its `rootOption` as written (when a string) and its preload paths. */
interface ConfiguredRoot {
  readonly rootDir?: string;
  readonly paths: readonly string[];
}

/** A configuration's reading: its own root and paths, and its projects' (`projectsOption`) written as objects. */
interface ConfigurationReading extends ConfiguredRoot {
  readonly projects: readonly ConfiguredRoot[];
}

/** The preloads a framework's configuration names. Keyed `<index in FRAMEWORK_PRELOADS>\0<package root>` (`rechecked`'s key). */
const readConfiguredPreloads = (key: string): readonly ConfiguredPreload[] => {
  const [index, packageRoot] = key.split("\0") as [string, string];
  const preload = FRAMEWORK_PRELOADS[Number(index)]!;
  const configuration = preload.configured!;
  const reader = projectModules();
  const parse = configurationParser(preload);
  let reading: ConfigurationReading | undefined;
  for (const name of configuration.files) if ((reading = reader.parsedFile(join(packageRoot, name), parse)) !== undefined) break;
  if (reading === undefined && configuration.packageKey !== undefined) reading = reader.parsedFile(join(packageRoot, "package.json"), parse);
  if (reading === undefined) return [];
  // Every configuration file sits beside the package.json: its folder is the package root.
  const root = rootOf(reading.rootDir, packageRoot, configuration.rootToken);
  return [
    ...reading.paths.map((path) => asPreload(path, root, configuration.rootToken)),
    ...reading.projects.flatMap((project) => {
      const scope = rootOf(project.rootDir, packageRoot, configuration.rootToken);
      return project.paths.map((path) => ({ ...asPreload(path, scope, configuration.rootToken), scope }));
    }),
  ];
};

/**
 * The root a configuration's paths are relative to: its `rootOption` resolved from the configuration's folder (where
 * the root token stands for that folder in a project's, as Jest reads an inline project's `rootDir`), else that folder.
 */
function rootOf(rootDir: string | undefined, configFolder: string, rootToken: string | undefined): string {
  if (rootDir === undefined || rootDir === "") return configFolder;
  const fromFolder = rootToken !== undefined && rootDir.startsWith(rootToken) ? `./${rootDir.slice(rootToken.length)}` : rootDir;
  return resolve(configFolder, fromFolder);
}

function asPreload(path: string, root: string, rootToken: string | undefined): ConfiguredPreload {
  const fromRoot = rootToken !== undefined && path.startsWith(rootToken) ? path.slice(rootToken.length).replace(/^\/+/, "") : path;
  return { specifier: fromRoot.startsWith("./") || fromRoot.startsWith("../") || fromRoot.startsWith("/") ? fromRoot : `./${fromRoot}`, root };
}

/** One parser per preload, so that `parsedFile` (which keys its cache by the parser) keeps each configuration's reading. */
const PARSERS = new Map<FrameworkPreload, (text: string) => ConfigurationReading | undefined>();

function configurationParser(preload: FrameworkPreload): (text: string) => ConfigurationReading | undefined {
  let parser = PARSERS.get(preload);
  if (parser === undefined) {
    const configuration = preload.configured!;
    parser = (text) => (text.trimStart().startsWith("{") ? jsonConfiguration(text, configuration) : scriptConfiguration(text, configuration));
    PARSERS.set(preload, parser);
  }
  return parser;
}

/** A JSON configuration's (or, with `packageKey`, the package.json's key's) reading; undefined when it has none there. */
function jsonConfiguration(text: string, configuration: PreloadConfiguration): ConfigurationReading | undefined {
  let value: unknown;
  try {
    value = parseJsonc(withoutBom(text));
  } catch {
    return undefined;
  }
  const record = value as Record<string, unknown> | null;
  const config = configuration.packageKey !== undefined && typeof record?.[configuration.packageKey] === "object" ? (record[configuration.packageKey] as Record<string, unknown>) : record;
  if (config === null || typeof config !== "object") return undefined;
  const rootOfObject = (object: Record<string, unknown>): ConfiguredRoot => {
    const rootDir = configuration.rootOption === undefined ? undefined : object[configuration.rootOption];
    const paths = configuration.options.flatMap((option) => {
      const listed = object[option];
      return (Array.isArray(listed) ? listed : [listed]).filter((path): path is string => typeof path === "string");
    });
    return { rootDir: typeof rootDir === "string" ? rootDir : undefined, paths };
  };
  const projects = configuration.projectsOption === undefined ? undefined : config[configuration.projectsOption];
  const projectObjects = (Array.isArray(projects) ? projects : []).filter((project): project is Record<string, unknown> => typeof project === "object" && project !== null);
  return { ...rootOfObject(config), projects: projectObjects.map(rootOfObject) };
}

const STRING = /"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`/g;

/**
 * A script configuration's reading, as text (it is not run): the string, or the strings of the array, that an option's
 * property is written with (`setupFiles: ["./a", "<rootDir>/b"]`, `test: { setupFiles: "./c" }`), its `rootOption`
 * written as a string, and those of each object literal in the array of its `projectsOption`.
 */
function scriptConfiguration(text: string, configuration: PreloadConfiguration): ConfigurationReading {
  let source = withoutComments(text);
  const projects: ConfiguredRoot[] = [];
  const list = configuration.projectsOption === undefined ? undefined : propertyPattern(configuration.projectsOption, "\\[").exec(source);
  if (list) {
    const open = list.index + list[0].length - 1;
    const close = closingBracket(source, open);
    for (let index = open + 1; index < close; index++) {
      if (source[index] === "'" || source[index] === '"' || source[index] === "`") index = closingBracket(source, index);
      else if (source[index] === "{") {
        const end = closingBracket(source, index);
        projects.push(scriptRoot(source.slice(index, end + 1), configuration));
        index = end;
      }
    }
    // The projects' options are theirs: blanked, so the configuration's own are read from the rest.
    source = source.slice(0, open) + " ".repeat(close + 1 - open) + source.slice(close + 1);
  }
  return { ...scriptRoot(source, configuration), projects };
}

/** A string literal without substitutions, as a property's value (`propertyPattern`). */
const STRING_VALUE = "\"[^\"\\n]*\"|'[^'\\n]*'|`[^`\\n]*`";

/** The `rootOption` and the options' paths written in `source` (the whole configuration, or one project's object). */
function scriptRoot(source: string, configuration: PreloadConfiguration): ConfiguredRoot {
  const valuesOf = (option: string, value: string) => [...source.matchAll(propertyPattern(option, value))].flatMap((match) => [...match[1]!.matchAll(STRING)].map((string) => string[1] ?? string[2] ?? string[3]!));
  const rootDir = configuration.rootOption === undefined ? undefined : valuesOf(configuration.rootOption, STRING_VALUE)[0];
  return { rootDir, paths: configuration.options.flatMap((option) => valuesOf(option, `\\[[^\\]]*\\]|${STRING_VALUE}`)) };
}

/** An option's property (`name:`, `"name":`) followed by a value matching `value`, which the first group captures. */
function propertyPattern(name: string, value: string): RegExp {
  return new RegExp(`(?:^|[^\\w$])["']?${name}["']?\\s*:\\s*(${value})`, "g");
}

/**
 * The index of the bracket or quote that closes the one at `open` in comment-free text (the text's length when none
 * does): strings and templates are skipped whole, so a `]` of a glob (`"*.[jt]s"`) closes nothing.
 */
function closingBracket(source: string, open: number): number {
  const opener = source[open]!;
  if (opener === "'" || opener === '"' || opener === "`") {
    let index = open + 1;
    for (; index < source.length && source[index] !== opener; index++) if (source[index] === "\\") index++;
    return index;
  }
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    const char = source[index]!;
    if (char === "'" || char === '"' || char === "`") index = closingBracket(source, index);
    else if (char === "[" || char === "{" || char === "(") depth++;
    else if ((char === "]" || char === "}" || char === ")") && --depth === 0) return index;
  }
  return source.length;
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
