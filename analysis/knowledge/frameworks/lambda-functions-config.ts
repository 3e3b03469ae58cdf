// Which exports of a file the project's own deployment configuration names as AWS Lambda handlers: a
// Lambda's handler is `<file path without extension>.<export name>`, written in the Serverless
// Framework's `serverless.yml` (`handler: src/chat.main`), an AWS SAM / CloudFormation `template.yaml`
// (`Handler: app.lambdaHandler` under the function's `CodeUri: chat/`) or SST's `sst.config.ts`
// (`handler: "packages/functions/src/chat.main"`). The export name is whatever the config says:
// `main`, `lambdaHandler`, or `default` for an ES module's `export default`.
//
// Read as text, not parsed: a `handler:` / `Handler:` entry whose value has the `<path>.<name>` shape,
// outside comment lines. The configuration directories are found once per project root, from the
// project reader's directory listings and markers (analysis/project-modules.ts); a file of a project
// without one pays deploymentOf's look-up of its root. A configuration is read again when its mtime or size
// changes (editor sessions edit serverless.yml while linting), checked at most once a second per
// directory (`ProjectModules.rechecked`), so that a whole-tree lint (the entry gate asks for every file
// with exports) pays no stat per file.
import { dirname, join, relative, sep } from "node:path";
import { deploymentOf } from "../../deployment.js";
import { absolutePath, preloadsOfCommand, projectModules } from "../../project-modules.js";
import { DIGITALOCEAN_FUNCTIONS_PROJECT, digitalOceanFunctions } from "../platforms/digitalocean-functions.js";
import { LAMBDA_COMPATIBLE_CONFIGS } from "../platforms/lambda-compatible.js";
import type { PlatformDescriptor } from "../types.js";

/**
 * The configuration files, by the tool that reads them. The Serverless Framework's service file in each
 * format it loads (serverless.yml, .yaml, .json, .js, .ts: serverless's getServerlessConfigFile; "Since
 * v1.72.0, the Serverless framework accepts serverless.ts ... in addition to the usual serverless.yml,
 * serverless.json and serverless.js", serverless/typescript's README; checked with the search tool
 * 2026-12-06), SAM's template, SST's config; Serverless Devs' `s.yaml` of Alibaba Cloud FC (its `handler: index.handler`
 * beside `code: ./`; platforms/lambda-compatible.ts names the platform).
 */
const CONFIG_FILES = ["serverless.yml", "serverless.yaml", "serverless.json", "serverless.js", "serverless.ts", "template.yaml", "template.yml", "sst.config.ts", "sst.config.js", "s.yaml", "s.yml"];
/**
 * Folders whose modules are configuration too, where the file that names them is beside: SST v2 declares
 * its functions in stack modules (`stacks/API.ts`: `new Function(stack, "Chat", { handler:
 * "packages/functions/src/chat.main" })`, `new Api(stack, "api", { routes: { "GET /": "packages/functions/src/list.handler" } })`),
 * which sst.config.ts imports; their paths are relative to the app's root, as sst.config.ts's own.
 */
const CONFIG_FOLDERS: Readonly<Record<string, string>> = { "sst.config.ts": "stacks", "sst.config.js": "stacks" };
const CONFIG_MODULE = /\.[cm]?[jt]s$/;
/** `handler: src/chat.main`, `Handler: "app.lambdaHandler"`, `handler: 'packages/functions/src/chat.main'` (YAML, or a TS/JS/JSON object key). */
const HANDLER_ENTRY = /\b[Hh]andler["']?\s*:\s*["'`]?((?:\.{0,2}\/)?[\w@$./[\]-]+?)\.([A-Za-z_$][\w$]*)["'`]?\s*(?:[,}\n#]|$)/g;
/**
 * SST's route shorthand, a route key or argument followed by the handler's string: `"GET /notes": "packages/functions/src/list.main"`
 * (v2 `Api` routes) and `api.route("POST /chat", "packages/functions/src/chat.main")` (v3).
 */
const ROUTE_ENTRY = /["'`](?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY|\$default)(?:\s+[^"'`\n]*)?["'`]\s*[:,]\s*["'`]((?:\.{0,2}\/)?[\w@$./[\]-]+?)\.([A-Za-z_$][\w$]*)["'`]/g;
/**
 * SAM's `CodeUri: chat/` on its own line (a `CodeUri:` whose value is an S3 object on the lines below names no folder);
 * also Serverless Devs 2.0's `codeUri: ./code` (Alibaba Cloud FC).
 */
const CODE_URI = /^[ \t]*[Cc]odeUri[ \t]*:[ \t]*["']?([\w@$./-]+)["']?[ \t\r]*$/;
/** Any `CodeUri:` key, a folder or not. */
const CODE_URI_KEY = /^[ \t]*[Cc]odeUri[ \t]*:/;
/**
 * Serverless Components' `src: ./src` beside `handler: index.main_handler` under `inputs:` (Tencent Cloud SCF's
 * `component: scf` serverless.yml, github.com/serverless-components/tencent-scf `docs/configure.md`): the function's
 * code folder, as SAM's CodeUri; Serverless Devs' `code: ./` beside `handler:` (FC 3.0's s.yaml) likewise. Its object
 * form, `src:` over a block whose `src:` is the folder (`exclude:` beside it), or the same as a flow mapping
 * (`src: { src: ./src, exclude: [".env"] }`), is the component's too (tencent-scf `docs/configure.md`, "src" as an
 * object: `src`, `exclude`, `bucket`, `object`; one with `bucket`/`object` and no `src` is code in COS, not here).
 */
const SRC_FOLDER = /^[ \t]*(?:src|code)[ \t]*:[ \t]*["']?([\w@$./-]+)["']?[ \t\r]*$/;
/** `src:` opening a block (the object form's first line). */
const SRC_BLOCK = /^[ \t]*src[ \t]*:[ \t\r]*$/;
/** `src: { src: ./src, exclude: […] }`: the flow mapping's own `src`. */
const SRC_FLOW = /^[ \t]*src[ \t]*:[ \t]*\{(?:[^}]*?[,{ \t])?src[ \t]*:[ \t]*["']?([\w@$./-]+)["']?[ \t]*[,}]/;
/** The inner `src: ./src` of the object form's block. */
const INNER_SRC = /^[ \t]*src[ \t]*:[ \t]*["']?([\w@$./-]+)["']?[ \t\r]*$/;
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

/**
 * The export names that a deployment configuration of the file's project gives `filename` as Lambda
 * handlers. `cwd`: the directory the linter or the codemod runs in (`AnalysisInput.cwd`: ESLint's `cwd`,
 * `migrate`'s project root); the walk up for a configuration does not leave it. The process's working
 * directory when not given.
 */
export function configuredHandlerNames(filename: string, cwd: string = process.cwd()): readonly string[] {
  // Asked by the entry gate for every file with exports: the project root is deploymentOf's (kept by
  // folder, looked at again after a second, so a package.json added mid-session is seen), and its
  // configuration directories are looked at again at most once a second (`configDirectoriesOf`), so a
  // serverless.yml, template.yaml or sst.config added mid-session is seen too.
  const file = absolutePath(filename);
  const found: string[] = inDigitalOceanProject(file) ? [DIGITALOCEAN_FUNCTIONS_PROJECT.exportName] : [];
  const { root } = deploymentOf(filename);
  if (root === undefined) return found;
  for (const directory of configDirectoriesOf(root, absolutePath(cwd))) {
    const names = handlerNamesIn(directory);
    const path = withoutExtension(relative(directory, file).split(sep).join("/"));
    for (const name of names?.get(path) ?? []) if (!found.includes(name)) found.push(name);
  }
  for (const name of cdkHandlersOf(root, absolutePath(cwd)).get(withoutExtension(file)) ?? []) if (!found.includes(name)) found.push(name);
  return found;
}

/**
 * The platform a Lambda-compatible configuration that names `filename`'s module says it runs on
 * (platforms/lambda-compatible.ts: Alibaba Cloud FC's s.yaml, Tencent SCF's `component: scf` serverless.yml); undefined for
 * AWS Lambda's own configurations and for a file no configuration names.
 */
export function configuredPlatform(filename: string, cwd: string = process.cwd()): PlatformDescriptor | undefined {
  const file = absolutePath(filename);
  if (inDigitalOceanProject(file)) return digitalOceanFunctions;
  const { root } = deploymentOf(filename);
  if (root === undefined) return undefined;
  for (const directory of configDirectoriesOf(root, absolutePath(cwd))) {
    const path = withoutExtension(relative(directory, file).split(sep).join("/"));
    const platform = projectModules().rechecked(directory, readConfiguredPlatforms)?.get(path);
    if (platform) return platform;
  }
  return undefined;
}

/**
 * Whether `file` (absolute) is in `packages/<package>/` of a DigitalOcean Functions project: the folder above
 * `packages/` holds `project.yml` (`DIGITALOCEAN_FUNCTIONS_PROJECT`; its listing is the project reader's, shared).
 */
function inDigitalOceanProject(file: string): boolean {
  const { config, packagesFolder } = DIGITALOCEAN_FUNCTIONS_PROJECT;
  const marker = `${sep}${packagesFolder}${sep}`;
  for (let at = file.lastIndexOf(marker); at > 0; at = file.lastIndexOf(marker, at - 1)) {
    if (file.includes(sep, at + marker.length) && projectModules().listing(file.slice(0, at))?.get(config) === "file") return true;
  }
  return false;
}

/** Module path (relative to `directory`, no extension) → the platform of the configuration that names it. */
function readConfiguredPlatforms(directory: string): ReadonlyMap<string, PlatformDescriptor> | undefined {
  const found = new Map<string, PlatformDescriptor>();
  for (const name of configFilesIn(directory)) {
    const config = projectModules().parsedFile(join(directory, name), configOfText);
    if (config?.platform) for (const path of config.names.keys()) found.set(path, config.platform);
  }
  return found.size > 0 ? found : undefined;
}

/**
 * One configuration file's text, parsed once for both questions asked of it (`parsedFile` keeps one value per
 * file, by parser: two parsers of the same file would each parse it again after the other): the handler names
 * it gives, and the Lambda-compatible platform it names (`LAMBDA_COMPATIBLE_CONFIGS`), if any.
 */
function configOfText(source: string): { readonly names: HandlerNames; readonly platform: PlatformDescriptor | undefined } {
  return { names: handlerNamesOfText(source), platform: LAMBDA_COMPATIBLE_CONFIGS.find(({ marker }) => marker.test(source))?.platform };
}

// AWS CDK apps (a `cdk.json` beside the app's package.json, or up to `MAX_LEVELS_UP` above the linted file's root):
// the stacks name their functions in code, `new NodejsFunction(this, "Chat", { entry: path.join(__dirname,
// "../lambda/chat.ts"), handler: "main" })` or `new lambda.Function(this, "Chat", { handler: "index.main", code:
// lambda.Code.fromAsset("lambda") })`. Read as text from the stack modules: the file the `app` command of cdk.json
// runs (`npx ts-node --prefer-ts-exts bin/app.ts`) and the modules of `lib/` (the layout `cdk init` writes). What
// the CDK does with them (aws-cdk-lib aws-lambda-nodejs function.d.ts/function.js, 2.104–2.214, and the
// aws_lambda_nodejs README, docs.aws.amazon.com/cdk/api/v2; checked with the search tool 2026-12-06): `entry` is a path
// (`path.resolve`d, so a relative string is from the directory the CLI runs in: cdk.json's), defaulting to
// `<defining file>.<id>.ts` beside the stack; `handler` is the export's name, "handler" by default, and a value with a
// `.` is used as-is (`index.main`: the export after the last dot); a `lambda.Function`'s `handler` is
// `<path in the asset>.<export>`. Kept apart from `configFilesIn` (which names configuration files by fixed names
// and re-reads its folders' listings): this reader walks to cdk.json itself and asks the same `rechecked`/`parsedFile`
// caches, so a stack edited mid-session is read again after a second.
//
// Where the app sits and how its stacks write paths (gaps-platforms-2): a repository often keeps the CDK app in a folder
// of its own beside the code it deploys (`infra/cdk.json` whose stack names `../../services/chat/handler.ts`), so each
// directory of the walk up is looked at with its direct sub-folders (`CDK_APP_BESIDE`: not `node_modules` nor a dot
// folder); `lib/` is read with its sub-folders (`lib/stacks/chat-stack.ts`, up to `CDK_STACK_DEPTH` below it); an ES
// module stack names its entry from its own URL: `fileURLToPath(new URL("../src/chat.ts", import.meta.url))` or
// `new URL(…, import.meta.url).pathname` (Node's url module: a relative URL resolves against the module's own
// file URL, so it is a path from the stack's folder as `path.join(__dirname, …)` is; nodejs.org/api/url.html
// `url.fileURLToPath`, checked with the search tool 2026-12-06).
const CDK_MARKER = "cdk.json";
const CDK_STACK_FOLDER = "lib";
/** How far below `lib/` stack modules are read (`lib/stacks/api/chat-stack.ts` is two folders down). */
const CDK_STACK_DEPTH = 2;
/** Sub-folders of a walked directory that are never a CDK app of the project. */
const CDK_APP_BESIDE = { skip: (name: string): boolean => name === "node_modules" || name.startsWith(".") };
/** A module cdk.json's `app` command runs: the first argument naming a script (`bin/app.ts`, `node bin/app.js`). */
const CDK_APP_FILE = /(?:^|\s)["']?((?:\.{0,2}\/)?[\w@$./-]+\.[cm]?[jt]s)["']?(?=\s|$)/;
/** `new NodejsFunction(`, `new lambdaNodejs.NodejsFunction(`, `new lambda.Function(`, `new Function(`: the construct and where its arguments start. */
const CDK_FUNCTION = /\bnew\s+(?:[\w$]+\.)?(NodejsFunction|Function)\s*\(/g;
/** A path as stacks write it: `path.join(__dirname, "..", "lambda/chat.ts")` / `resolve(…)`, `` `${__dirname}/../lambda` ``, or a string. */
const DIRNAME_CALL = /^(?:[\w$]+\.)?(?:join|resolve)\(\s*(?:__dirname|import\.meta\.dirname)\s*((?:,\s*["'][^"'\n]*["']\s*)*)\)/;
const DIRNAME_TEMPLATE = /^`\$\{(?:__dirname|import\.meta\.dirname)\}\/([^`$]*)`/;
/** `fileURLToPath(new URL("../src/chat.ts", import.meta.url))`, `url.fileURLToPath(…)`, `new URL(…, import.meta.url).pathname`. */
const MODULE_URL = /^(?:(?:[\w$]+\.)?fileURLToPath\(\s*)?new\s+URL\(\s*["'`]([^"'`$\n]+)["'`]\s*,\s*import\.meta\.url\s*\)/;
const STRING_PATH = /^["'`]([^"'`$\n]+)["'`]/;

/** One function of a stack module: its handler module (relative to `from`: the stack's folder or the app's) and export. */
interface CdkFunction {
  readonly from: "stack" | "app";
  /** The module path, no extension; for a default entry, `.<id>` after the stack file's own name (`from` "stack"). */
  readonly module: string;
  readonly besideStack: boolean;
  readonly name: string;
}

/** Module path (absolute, no extension) → the export names the CDK app's stacks give it; per root, looked at again after a second. */
function cdkHandlersOf(root: string, cwd: string): ReadonlyMap<string, readonly string[]> {
  return projectModules().rechecked(`${root}\0${cwd}`, readCdkHandlers);
}

function readCdkHandlers(key: string): ReadonlyMap<string, readonly string[]> {
  const [root, cwd] = key.split("\0") as [string, string];
  const modules = projectModules();
  const handlers = new Map<string, string[]>();
  let directory = root;
  for (let level = 0; level <= MAX_LEVELS_UP; level += 1) {
    for (const app of cdkAppsAt(directory)) {
      for (const stack of cdkStackFiles(app)) {
        for (const fn of modules.parsedFile(stack, cdkFunctionsOfText) ?? []) {
          const base = fn.from === "app" ? app : dirname(stack);
          const module = fn.besideStack ? `${withoutExtension(stack)}${fn.module}` : withoutExtension(join(base, fn.module));
          addNames(handlers, module, [fn.name]);
        }
      }
    }
    const parent = dirname(directory);
    if (parent === directory || directory === cwd || modules.isWorkspaceRoot(directory)) break;
    directory = parent;
  }
  return handlers;
}

/** The CDK apps (directories holding cdk.json) at `directory`: itself, and its sub-folders beside the code (`infra/`). */
function cdkAppsAt(directory: string): string[] {
  const modules = projectModules();
  const entries = modules.listing(directory);
  if (entries === undefined) return [];
  const apps = entries.get(CDK_MARKER) === "file" ? [directory] : [];
  for (const [name, kind] of entries) {
    if (kind !== "directory" || CDK_APP_BESIDE.skip(name)) continue;
    if (modules.listing(join(directory, name))?.get(CDK_MARKER) === "file") apps.push(join(directory, name));
  }
  return apps;
}

/** The stack modules of the CDK app in `directory`: the file cdk.json's `app` runs, and the modules of `lib/` and its sub-folders. */
function cdkStackFiles(directory: string): string[] {
  const modules = projectModules();
  const app = modules.parsedFile(join(directory, CDK_MARKER), cdkAppFileOfText);
  const files = app ? [join(directory, app)] : [];
  const collect = (folder: string, depth: number): void => {
    for (const [name, kind] of modules.listing(folder) ?? []) {
      if (kind === "file" && CONFIG_MODULE.test(name) && !name.endsWith(".d.ts")) files.push(join(folder, name));
      else if (kind === "directory" && depth < CDK_STACK_DEPTH && !CDK_APP_BESIDE.skip(name)) collect(join(folder, name), depth + 1);
    }
  };
  collect(join(directory, CDK_STACK_FOLDER), 0);
  return [...new Set(files)];
}

/** The script cdk.json's `app` command runs (`bin/app.ts`), relative to cdk.json; undefined for another command. */
export function cdkAppFileOfText(text: string): string | undefined {
  let app: unknown;
  try {
    app = (JSON.parse(text) as { app?: unknown } | null)?.app;
  } catch {
    return undefined;
  }
  const file = typeof app === "string" ? CDK_APP_FILE.exec(app)?.[1] : undefined;
  return file === undefined ? undefined : normalize(file);
}

/** The Lambda functions a stack module's text declares (see the comment above `CDK_MARKER`). */
export function cdkFunctionsOfText(source: string): readonly CdkFunction[] {
  const text = source.replace(COMMENT_LINE, "");
  const found: CdkFunction[] = [];
  for (const match of text.matchAll(CDK_FUNCTION)) {
    const args = argumentsAt(text, match.index + match[0].length);
    const handler = /\bhandler\s*:\s*["'`]([^"'`\n]+)["'`]/.exec(args)?.[1];
    if (match[1] === "NodejsFunction") {
      const name = handler === undefined ? "handler" : handler.slice(handler.lastIndexOf(".") + 1);
      const entry = /\bentry\s*:\s*/.exec(args);
      if (entry) {
        const path = pathAt(args.slice(entry.index + entry[0].length));
        if (path) found.push({ ...path, besideStack: false, name });
        continue;
      }
      // No entry: `<defining file>.<id>.ts` beside the stack.
      const id = /^\s*[\w$.]+\s*,\s*["'`]([\w$.-]+)["'`]/.exec(args)?.[1];
      if (id !== undefined) found.push({ from: "stack", module: `.${id}`, besideStack: true, name });
      continue;
    }
    // `lambda.Function`: `handler: "<path>.<export>"` inside the asset folder `Code.fromAsset(…)` names.
    const asset = /\bCode\.fromAsset\(\s*/.exec(args);
    const dot = handler?.lastIndexOf(".") ?? -1;
    if (!asset || handler === undefined || dot <= 0) continue;
    const folder = pathAt(args.slice(asset.index + asset[0].length));
    if (folder) found.push({ from: folder.from, module: `${folder.module}/${normalize(handler.slice(0, dot))}`, besideStack: false, name: handler.slice(dot + 1) });
  }
  return found;
}

/** The text of a call's arguments, from just after its `(` to the matching `)` (strings are not skipped: paths hold no parentheses). */
function argumentsAt(text: string, start: number): string {
  let depth = 1;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === "(" || char === "{" || char === "[") depth += 1;
    else if ((char === ")" || char === "}" || char === "]") && --depth === 0) return text.slice(start, at);
  }
  return text.slice(start);
}

/** A path expression at the start of `text`, relative to the stack's folder (`__dirname`) or the app's (a plain string); an absolute one names nothing here. */
function pathAt(text: string): Pick<CdkFunction, "from" | "module"> | undefined {
  const call = DIRNAME_CALL.exec(text);
  if (call) {
    const parts = [...call[1]!.matchAll(/["']([^"'\n]*)["']/g)].map((part) => part[1]!);
    return { from: "stack", module: withoutExtension(parts.join("/") || ".") };
  }
  const url = MODULE_URL.exec(text);
  if (url) return { from: "stack", module: withoutExtension(url[1]!) };
  const template = DIRNAME_TEMPLATE.exec(text);
  if (template) return { from: "stack", module: withoutExtension(template[1]!) };
  const string = STRING_PATH.exec(text);
  if (string && !string[1]!.startsWith("/")) return { from: "app", module: withoutExtension(string[1]!) };
  return undefined;
}

/**
 * The project root and the directories above it (`MAX_LEVELS_UP`) that hold a configuration, not above
 * `cwd`; looked at again at most once a second (`ProjectModules.rechecked`: the listings it reads are
 * kept while their directory's mtime holds), so a configuration added to a folder mid-session is seen.
 */
function configDirectoriesOf(root: string, cwd: string): readonly string[] {
  return projectModules().rechecked(`${root}\0${cwd}`, readConfigDirectories);
}

function readConfigDirectories(key: string): readonly string[] {
  const [root, cwd] = key.split("\0") as [string, string];
  const modules = projectModules();
  const found: string[] = [];
  let directory = root;
  for (let level = 0; level <= MAX_LEVELS_UP; level += 1) {
    if (configFilesIn(directory).length > 0) found.push(directory);
    const parent = dirname(directory);
    if (parent === directory || directory === cwd || modules.isWorkspaceRoot(directory)) break;
    directory = parent;
  }
  return found;
}

/**
 * The configuration files `directory` holds, from the project reader's listing (its mtime looked at no
 * more than once a second, shared with every other asker; listed again when it changed).
 */
function configFilesIn(directory: string): string[] {
  const entries = projectModules().listing(directory);
  if (entries === undefined) return [];
  const files = CONFIG_FILES.filter((name) => entries.get(name) === "file");
  for (const name of files) {
    const folder = CONFIG_FOLDERS[name];
    if (folder === undefined || entries.get(folder) !== "directory") continue;
    for (const [module, kind] of projectModules().listing(join(directory, folder)) ?? []) {
      const path = `${folder}/${module}`;
      if (kind === "file" && CONFIG_MODULE.test(module) && !files.includes(path)) files.push(path);
    }
  }
  return files;
}

/** The names a directory's configuration files give, looked at again at most once a second (`ProjectModules.rechecked`). */
function handlerNamesIn(directory: string): HandlerNames | undefined {
  return projectModules().rechecked(directory, readHandlerNames);
}

function readHandlerNames(directory: string): HandlerNames | undefined {
  // Each file is parsed again only when its mtime or size changed; a file added or removed changes the listing.
  const modules = projectModules();
  const parsed = configFilesIn(directory).flatMap((name) => modules.parsedFile(join(directory, name), configOfText)?.names ?? []);
  const names = parsed.length <= 1 ? parsed[0] : merged(parsed);
  return names !== undefined && names.size > 0 ? withReExports(directory, names) : undefined;
}

function merged(all: readonly HandlerNames[]): HandlerNames {
  const names = new Map<string, string[]>();
  for (const one of all) for (const [path, list] of one) addNames(names, path, list);
  return names;
}

function addNames(names: Map<string, string[]>, path: string, add: readonly string[]): void {
  let list = names.get(path);
  if (!list) names.set(path, (list = []));
  for (const name of add) if (!list.includes(name)) list.push(name);
}

/**
 * The handler names of one configuration file's text. SAM resolves a function's `Handler` against that
 * function's own `CodeUri` (else `Globals.Function.CodeUri`, else the template's folder), so each entry
 * names one file: `Handler: app.main` under `CodeUri: chat/` is `chat/app`, not `search/app`.
 */
function handlerNamesOfText(source: string): HandlerNames {
  const text = source.replace(COMMENT_LINE, "");
  const lines = text.split("\n");
  const globalCodeUri = globalFunctionCodeUri(lines);
  const names = new Map<string, string[]>();
  let lineStart = 0;
  let line = 0;
  for (const match of text.matchAll(HANDLER_ENTRY)) {
    // The line of the entry and the key's column: its siblings in the YAML mapping share the column.
    while (true) {
      const next = text.indexOf("\n", lineStart);
      if (next === -1 || next >= match.index) break;
      lineStart = next + 1;
      line += 1;
    }
    const path = normalize(match[1]!);
    const own = siblingCodeUri(lines, line, match.index - lineStart);
    const codeUri = own === undefined ? globalCodeUri : own;
    // A CodeUri that is no folder (an S3 object, an intrinsic function): the code is not in the project.
    if (codeUri === null) continue;
    addNames(names, codeUri === undefined || codeUri === "" ? path : `${codeUri}/${path}`, [match[2]!]);
  }
  for (const match of text.matchAll(ROUTE_ENTRY)) addNames(names, normalize(match[1]!), [match[2]!]);
  return names;
}

/** Indentation of a line that holds something (undefined for a blank line, which bounds no block). */
function indentOf(line: string): number | undefined {
  const indent = line.length - line.trimStart().length;
  return indent === line.length ? undefined : indent;
}

/**
 * The `CodeUri:` among the keys of the mapping that holds the key at (`line`, `column`): the function's
 * own folder; null for a CodeUri that names no folder, undefined for none.
 */
function siblingCodeUri(lines: readonly string[], line: number, column: number): string | null | undefined {
  // Only a key that starts its line is a YAML mapping entry whose block is bounded by indentation.
  if (indentOf(lines[line]!) !== column) return undefined;
  let parent = line - 1;
  while (parent >= 0 && (indentOf(lines[parent]!) ?? column) >= column) parent -= 1;
  return codeUriAmong(lines, childrenOf(lines, parent));
}

/** SAM's `Globals: Function: CodeUri:`, the folder of every function that names none. */
function globalFunctionCodeUri(lines: readonly string[]): string | null | undefined {
  const globals = lines.findIndex((line) => /^Globals[ \t]*:[ \t\r]*$/.test(line));
  if (globals < 0) return undefined;
  const fn = childrenOf(lines, globals).find((at) => /^[ \t]*Function[ \t]*:[ \t\r]*$/.test(lines[at]!));
  return fn === undefined ? undefined : codeUriAmong(lines, childrenOf(lines, fn));
}

function codeUriAmong(lines: readonly string[], keys: readonly number[]): string | null | undefined {
  let src: string | null | undefined;
  for (const at of keys) {
    if (src === undefined) src = SRC_FOLDER.exec(lines[at]!)?.[1] ?? SRC_FLOW.exec(lines[at]!)?.[1] ?? (SRC_BLOCK.test(lines[at]!) ? innerSrc(lines, at) : undefined);
    if (!CODE_URI_KEY.test(lines[at]!)) continue;
    const codeUri = CODE_URI.exec(lines[at]!);
    return codeUri ? normalize(codeUri[1]!) : null;
  }
  return src === undefined || src === null ? src : normalize(src);
}

/** The folder of the object form's block opened at `line` (its `src:`); null for code in COS (`bucket`/`object`, no `src`). */
function innerSrc(lines: readonly string[], line: number): string | null | undefined {
  const children = childrenOf(lines, line);
  const folder = children.map((child) => INNER_SRC.exec(lines[child]!)?.[1]).find((found) => found !== undefined);
  if (folder !== undefined) return folder;
  return children.some((child) => /^[ \t]*(?:bucket|object)[ \t]*:/.test(lines[child]!)) ? null : undefined;
}

/** The lines of the direct children of the mapping opened at line `parent` (-1: the document's top level). */
function childrenOf(lines: readonly string[], parent: number): number[] {
  const parentIndent = parent < 0 ? -1 : (indentOf(lines[parent]!) ?? 0);
  const children: number[] = [];
  let childIndent: number | undefined;
  for (let at = parent + 1; at < lines.length; at += 1) {
    const indent = indentOf(lines[at]!);
    if (indent === undefined) continue;
    if (indent <= parentIndent) break;
    childIndent ??= indent;
    if (indent === childIndent) children.push(at);
  }
  return children;
}

/** `./src/chat/` → `src/chat`, `.` → ``. */
function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+$/, "").replace(/^\.$/, "");
}

function withoutExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]sx?$/, "");
}

/**
 * A `NODE_OPTIONS` value a configuration gives its Lambda functions, and the folder (relative to the
 * configuration, "" for its own) whose files run with it.
 */
interface ConfiguredNodeOptions {
  readonly folder: string;
  readonly value: string;
}

/** `NODE_OPTIONS: --import ./instrument.mjs`, `NODE_OPTIONS: "-r dd-trace/init" # …`: the key starting its line, and its value. */
const NODE_OPTIONS_ENTRY = /^[ \t]*["']?NODE_OPTIONS["']?[ \t]*:[ \t]*(.*?)[ \t\r]*$/;
/** A mapping key starting its line (`provider:`, `  HelloFunction:`), with what follows it on the line. */
const KEY_LINE = /^[ \t]*["']?([\w$.:-]+?)["']?[ \t]*:(?:[ \t]|$)(.*)$/;
/** The function resources of a SAM or CloudFormation template (`Type: AWS::Serverless::Function`). */
const FUNCTION_TYPE = /^[ \t]*Type[ \t]*:[ \t]*["']?AWS::(?:Serverless::Function|Lambda::Function)["']?[ \t\r]*(?:#.*)?$/;

/**
 * What the project's Lambda configurations preload into the runtime of `filename` through
 * `NODE_OPTIONS` (`--import ./instrument.mjs`, `-r @sentry/aws-serverless/awslambda-auto`), as written.
 * Read where the Serverless Framework and AWS SAM set a function's environment:
 * `provider.environment` (every function of the service) and `functions.<name>.environment`
 * (serverless.com/framework/docs/guides/variables/env-vars: "the function specific environment
 * variable overrides"); SAM's `Globals.Function.Environment.Variables` (every function) and a
 * function resource's `Properties.Environment.Variables`
 * (docs.aws.amazon.com/serverless-application-model, sam-specification-template-anatomy-globals;
 * checked 2026-12-06). A function's own value counts for a file only when every function whose code
 * holds the file sets it (a serverless.yml's functions share the service folder; SAM's share a
 * `CodeUri`): a preload of one function proves nothing for the others. A flow mapping
 * (`environment: { NODE_OPTIONS: … }`), a block scalar or a `${…}` variable in the value is not read.
 */
export function configuredPreloads(filename: string, cwd: string = process.cwd()): readonly ConfiguredPreload[] {
  const file = absolutePath(filename);
  const { root } = deploymentOf(filename);
  if (root === undefined) return [];
  const found: ConfiguredPreload[] = [];
  for (const directory of configDirectoriesOf(root, absolutePath(cwd))) {
    const path = relative(directory, file).split(sep).join("/");
    for (const { folder, value } of projectModules().rechecked(directory, readNodeOptions)) {
      if (folder !== "" && !path.startsWith(`${folder}/`)) continue;
      // Lambda runs the function from its package's root (/var/task): the CodeUri folder, or the service's folder.
      const from = folder === "" ? directory : join(directory, folder);
      for (const specifier of preloadsOfCommand(value)) {
        if (!found.some((known) => known.specifier === specifier && known.directory === from)) found.push({ specifier, directory: from });
      }
    }
  }
  return found;
}

/**
 * A module `NODE_OPTIONS` preloads (`--require ./otel.js`, `--import @sentry/aws-serverless/awslambda-auto`),
 * and the directory a relative one is resolved against: the function's code folder, which Lambda runs
 * from (SAM's `CodeUri`, else the template's or the serverless.yml service's folder), not the package root.
 */
export interface ConfiguredPreload {
  readonly specifier: string;
  readonly directory: string;
}

function readNodeOptions(directory: string): readonly ConfiguredNodeOptions[] {
  return parsedYamlConfigs(directory, nodeOptionsOfText);
}

/** What `parse` reads of each serverless.yml / SAM template in `directory` (not sst.config: code, not YAML). */
function parsedYamlConfigs<T>(directory: string, parse: (text: string) => readonly T[]): T[] {
  const modules = projectModules();
  return configFilesIn(directory)
    .filter((name) => !name.startsWith("sst."))
    .flatMap((name) => modules.parsedFile(join(directory, name), parse) ?? []);
}

/**
 * The `NODE_OPTIONS` values of one serverless.yml or SAM template's text, with the folder each applies to.
 * A function that sets `NODE_OPTIONS` itself replaces the shared value (`provider.environment`,
 * `Globals.Function`) for that function: a variable of the function's environment overrides the
 * provider's one of the same name (serverless.com/framework/docs/guides/variables/env-vars), and SAM
 * merges a function's `Environment.Variables` over Globals' with the function's value winning
 * (sam-specification-template-anatomy-globals, "Overridable properties"; checked 2026-12-06).
 */
export function nodeOptionsOfText(source: string): readonly ConfiguredNodeOptions[] {
  const lines = source.replace(COMMENT_LINE, "").split(/\r?\n/);
  // Values every function gets unless it sets its own, and each function's folder and own values.
  const shared: ConfiguredNodeOptions[] = [];
  // `own`: the values a function sets itself; `sets`: it has a NODE_OPTIONS entry, read or not (`${…}` replaces the shared value too).
  const functions: { readonly folder: string; readonly own: readonly string[]; readonly sets: boolean }[] = [];
  const globalCodeUri = globalFunctionCodeUri(lines);
  const functionFolder = (properties: number | undefined): string | null => {
    const own = properties === undefined ? undefined : codeUriAmong(lines, childrenOf(lines, properties));
    const codeUri = own === undefined ? globalCodeUri : own;
    return codeUri === null ? null : (codeUri ?? "");
  };
  for (const top of childrenOf(lines, -1)) {
    const section = keyOf(lines[top]!);
    if (section === "provider") shared.push(...valuesAt(lines, top, ["environment"]).map((value) => ({ folder: "", value })));
    else if (section === "Globals") {
      const folder = globalCodeUri === null ? null : (globalCodeUri ?? "");
      if (folder !== null) shared.push(...valuesAt(lines, top, ["Function", "Environment", "Variables"]).map((value) => ({ folder, value })));
    } else if (section === "functions" || section === "Resources") {
      for (const fn of childrenOf(lines, top)) {
        let folder: string | null = "";
        let path = ["environment"];
        if (section === "Resources") {
          const keys = childrenOf(lines, fn);
          if (!keys.some((at) => FUNCTION_TYPE.test(lines[at]!))) continue;
          const properties = keys.find((at) => keyOf(lines[at]!) === "Properties");
          folder = functionFolder(properties);
          path = ["Properties", "Environment", "Variables"];
        }
        // Code in the bucket (a CodeUri that names no folder): none of the project's files runs there.
        if (folder === null) continue;
        const entries = entriesAt(lines, fn, path);
        functions.push({ folder, own: [...new Set(entries.filter((value): value is string => value !== undefined))], sets: entries.length > 0 });
      }
    }
  }
  const found: ConfiguredNodeOptions[] = [];
  const add = (entry: ConfiguredNodeOptions) => {
    if (!found.some((known) => known.folder === entry.folder && known.value === entry.value)) found.push(entry);
  };
  // A shared value holds in its whole folder while no function there replaces it with another.
  const within = (folder: string, outer: string) => outer === "" || folder === outer || folder.startsWith(`${outer}/`);
  for (const entry of shared) if (functions.every(({ folder, own, sets }) => !sets || own.includes(entry.value) || !within(folder, entry.folder))) add(entry);
  // Per function's folder, a value every function holding code there runs with (its own, else the shared one).
  const sharedValues = [...new Set(shared.map((entry) => entry.value))];
  const byFolder = new Map<string, { count: number; values: Map<string, number> }>();
  for (const { folder, own, sets } of functions) {
    let at = byFolder.get(folder);
    if (!at) byFolder.set(folder, (at = { count: 0, values: new Map() }));
    at.count += 1;
    for (const value of sets ? own : sharedValues) at.values.set(value, (at.values.get(value) ?? 0) + 1);
  }
  for (const [folder, { count, values }] of byFolder) {
    for (const [value, times] of values) if (times === count) add({ folder, value });
  }
  return found;
}

/** The key a line opens (`provider:` → `provider`), if it is a mapping entry. */
function keyOf(line: string): string | undefined {
  return KEY_LINE.exec(line)?.[1];
}

/** The `NODE_OPTIONS` values below the mapping at line `at`, through the keys of `path` (each a child of the one before). */
function valuesAt(lines: readonly string[], at: number, path: readonly string[]): string[] {
  return entriesAt(lines, at, path).filter((value): value is string => value !== undefined);
}

/** Each `NODE_OPTIONS` entry below the mapping at line `at` (see `valuesAt`): its value, undefined where it cannot be read (`${…}`). */
function entriesAt(lines: readonly string[], at: number, path: readonly string[]): (string | undefined)[] {
  let parents = [at];
  for (const key of path) parents = parents.flatMap((parent) => childrenOf(lines, parent).filter((child) => keyOf(lines[child]!) === key));
  const entries: (string | undefined)[] = [];
  for (const parent of parents) {
    for (const child of childrenOf(lines, parent)) {
      const entry = NODE_OPTIONS_ENTRY.exec(lines[child]!);
      if (entry !== null) entries.push(scalarOf(entry[1]!));
    }
  }
  return entries;
}

/** A YAML scalar as written on one line: quoted (`"-r x"`, `'-r x'`) or plain with a ` #` comment after it; none for a block scalar, flow collection or variable. */
function scalarOf(text: string): string | undefined {
  const quoted = /^"((?:[^"\\]|\\.)*)"|^'((?:[^']|'')*)'/.exec(text);
  const value = quoted ? (quoted[1] ?? quoted[2]!.replace(/''/g, "'")) : text.replace(/(?:^|[ \t])#.*$/, "").trim();
  return value === "" || /^[|>{[&*!]/.test(value) || value.includes("${") ? undefined : value;
}

/** `export { run as handler } from "./impl"`, `export { default as handler } from "./impl.js"`, `export * from "./impl"`. */
const RE_EXPORT = /^[ \t]*export[ \t]+(?:\{([^}]*)\}|\*)[ \t]*from[ \t]*["'](\.{1,2}\/[^"']+)["']/gm;

/** A handler module's re-exports of relative modules: exported name → the module path (as written) and its local name there (`*`: the same). */
function reExportsOfText(text: string): ReadonlyArray<{ readonly exported: string; readonly local: string; readonly from: string }> {
  const found = [];
  for (const match of text.matchAll(RE_EXPORT)) {
    const [, list, from] = match;
    if (list === undefined) {
      found.push({ exported: "*", local: "*", from: from! });
      continue;
    }
    for (const entry of list.split(",")) {
      const [local, exported = local] = entry.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
      if (local) found.push({ exported: exported!, local, from: from! });
    }
  }
  return found;
}

/**
 * The configured handler modules' re-exports followed one hop: `handler: src/index.handler` with
 * `src/index.ts` holding `export { run as handler } from "./impl"` makes `run` of `src/impl` a handler.
 * Read with the configuration (at most once a second per directory); a module's text is parsed again
 * only when it changed.
 */
function withReExports(directory: string, names: HandlerNames): HandlerNames {
  const modules = projectModules();
  let result: Map<string, readonly string[]> | undefined;
  for (const [path, exports] of names) {
    const folder = dirname(join(directory, path));
    const stem = path.slice(path.lastIndexOf("/") + 1);
    const listing = modules.listing(folder);
    const file = listing && [...listing.keys()].find((name) => listing.get(name) === "file" && withoutExtension(name) === stem && name !== stem);
    if (!file) continue;
    for (const { exported, local, from } of modules.parsedFile(join(folder, file), reExportsOfText) ?? []) {
      const taken = exported === "*" ? exports : exports.includes(exported) ? [local] : [];
      if (taken.length === 0) continue;
      const target = withoutExtension(relative(directory, join(folder, from)).split(sep).join("/"));
      const all = (result ??= new Map(names));
      // New lists: the configuration's own are cached with its parse.
      all.set(target, [...new Set([...(all.get(target) ?? []), ...taken])]);
    }
  }
  return result ?? names;
}

/** A Lambda function of a configuration: its handler module (relative to the configuration, no extension) and its environment. */
interface ConfiguredFunctionEnvironment {
  readonly module: string;
  /** Variables as the function runs with them: its own over the shared ones; undefined where the value cannot be read (`${…}`). */
  readonly variables: ReadonlyMap<string, string | undefined>;
}

/**
 * The value of each of `names` a deployment configuration sets for the Lambda function whose handler
 * is in `filename` (`handler: fn/handler.main` → fn/handler.ts), read where `configuredPreloads` reads
 * NODE_OPTIONS (serverless `provider.environment` / `functions.<name>.environment`, SAM
 * `Globals.Function.Environment.Variables` / `Properties.Environment.Variables`, a function's own value
 * winning). Only the handler's own file is matched: a module it imports is not followed (a miss).
 */
export function configuredEnvironmentValues(filename: string, names: readonly string[], cwd: string = process.cwd()): readonly string[] {
  const file = absolutePath(filename);
  const { root } = deploymentOf(filename);
  if (root === undefined) return [];
  const found: string[] = [];
  for (const directory of configDirectoriesOf(root, absolutePath(cwd))) {
    const path = withoutExtension(relative(directory, file).split(sep).join("/"));
    for (const { module, variables } of projectModules().rechecked(directory, readEnvironments)) {
      if (module !== path) continue;
      for (const name of names) {
        const value = variables.get(name);
        if (value !== undefined && !found.includes(value)) found.push(value);
      }
    }
  }
  return found;
}

function readEnvironments(directory: string): readonly ConfiguredFunctionEnvironment[] {
  return parsedYamlConfigs(directory, environmentsOfText);
}

/** The functions of one serverless.yml or SAM template's text with their handler module and environment. */
export function environmentsOfText(source: string): readonly ConfiguredFunctionEnvironment[] {
  const lines = source.replace(COMMENT_LINE, "").split(/\r?\n/);
  const shared = new Map<string, string | undefined>();
  const functions: ConfiguredFunctionEnvironment[] = [];
  const globalCodeUri = globalFunctionCodeUri(lines);
  for (const top of childrenOf(lines, -1)) {
    const section = keyOf(lines[top]!);
    if (section === "provider") variablesAt(lines, top, ["environment"], shared);
    else if (section === "Globals") variablesAt(lines, top, ["Function", "Environment", "Variables"], shared);
  }
  for (const top of childrenOf(lines, -1)) {
    const section = keyOf(lines[top]!);
    if (section !== "functions" && section !== "Resources") continue;
    for (const fn of childrenOf(lines, top)) {
      const own = new Map<string, string | undefined>();
      let keys = childrenOf(lines, fn);
      let codeUri: string | null | undefined = "";
      if (section === "Resources") {
        if (!keys.some((at) => FUNCTION_TYPE.test(lines[at]!))) continue;
        const properties = keys.find((at) => keyOf(lines[at]!) === "Properties");
        keys = properties === undefined ? [] : childrenOf(lines, properties);
        const ownUri = codeUriAmong(lines, keys);
        codeUri = ownUri === undefined ? globalCodeUri : ownUri;
        variablesAt(lines, fn, ["Properties", "Environment", "Variables"], own);
      } else variablesAt(lines, fn, ["environment"], own);
      const handler = keys.find((at) => /^[Hh]andler$/.test(keyOf(lines[at]!) ?? ""));
      const entry = handler === undefined ? undefined : /^((?:\.{0,2}\/)?[\w@$./[\]-]+?)\.[A-Za-z_$][\w$]*$/.exec(scalarOf(KEY_LINE.exec(lines[handler]!)![2]!) ?? "");
      if (!entry || codeUri === null) continue;
      const path = normalize(entry[1]!);
      functions.push({ module: codeUri === undefined || codeUri === "" ? path : `${codeUri}/${path}`, variables: new Map([...shared, ...own]) });
    }
  }
  return functions;
}

/** Every `KEY: value` entry below the mapping at line `at`, through the keys of `path`, into `into`. */
function variablesAt(lines: readonly string[], at: number, path: readonly string[], into: Map<string, string | undefined>): void {
  let parents = [at];
  for (const key of path) parents = parents.flatMap((parent) => childrenOf(lines, parent).filter((child) => keyOf(lines[child]!) === key));
  for (const parent of parents) {
    for (const child of childrenOf(lines, parent)) {
      const entry = KEY_LINE.exec(lines[child]!);
      if (entry !== null) into.set(entry[1]!, scalarOf(entry[2]!.trim()));
    }
  }
}
