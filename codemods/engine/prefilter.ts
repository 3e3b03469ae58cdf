// The text tests `honeyhive migrate` runs before anything is parsed. Light on purpose: it loads no
// parser (typescript-estree, TypeScript, scope-manager), so a run over files that do not use the SDK
// costs reading them and these tests, not the parsers' start-up.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DirectoryListings } from "./directory-listings.js";
import { TRACER_HINT_PATTERN } from "../../analysis/knowledge/sdks/index.js";
import { mayExportOtelToHoneyhive } from "../../analysis/knowledge/sdks/opentelemetry.js";
import { manualMockOf } from "../../analysis/knowledge/test-mocks.js";
import { configurationPreloadsProjectModule, configurationSendsOtelToHoneyhive } from "../../analysis/otel-destination.js";
import { settingsForFile } from "../../analysis/sdk-version.js";
import { isLocalModule, isSdkPackage, readSettings, textMentionsSdk, type HoneyhiveSettings } from "../../analysis/settings.js";

/** `settings.honeyhive` as the engine takes it (RunTransformsOptions["settings"]). */
export interface PrefilterSettings {
  readonly modules?: readonly string[];
  readonly lambdaHandlerNames?: readonly string[];
  readonly serverless?: boolean;
  readonly sdkVersion?: 1 | 2;
}

/** Module specifiers of import / export-from / require() / import() in a file's text. */
const MODULE_SPECIFIER = /\b(?:from|require\s*\(|import\s*\(?)\s*["']([^"'\n]+)["']/g;

/**
 * A 1.x-only wrapper called on a receiver named like a tracer (`tracer.traceChain(`, `hhTracer?.traceModel(`):
 * a file that takes the tracer from an untyped holder (`const { tracer } = req.app.locals`) and imports
 * nothing of the SDK, whose call 1x-trace-wrappers marks (blind-1x-3 D2). No other SDK has these names.
 */
const ONLY_1X_CALL_ON_TRACER = /tracer\w*\??\.\s*(?:traceChain|traceModel|traceTool|traceFunction|logModel)\s*\(/i;

/**
 * Cheap text test run before parsing: does the file name the SDK or a settings module, or export to
 * HoneyHive over OpenTelemetry (its serverless handlers must flush)? A file whose
 * only link to the SDK is a tracer imported from a project module (`./tracing`) is not kept here:
 * nearly every file imports a local module, and a "tracer" word is common (Effect has its own
 * `Tracer`). `mayImportSdkTracer` and the project pass decide those. `runTransforms` on a single file
 * does not depend on this test: it always parses. `path`, when given, also keeps a manual mock of the package
 * and a Lambda handler whose OTLP endpoint the project's serverless.yml / SAM template points at HoneyHive, or
 * whose `NODE_OPTIONS` there preloads a project module (which may register a pipeline exporting to HoneyHive).
 */
export function mayUseSdk(source: string, settings?: PrefilterSettings, path?: string): boolean {
  const resolved = readSettings({ honeyhive: settings ?? {} });
  // A manual mock of the package (`__mocks__/honeyhive.ts`) often never names it: its path does. A package.json
  // that aliases the SDK (`"hh": "npm:honeyhive@^2"`) makes `"hh"` the SDK for its files, as the rules read it.
  return textMentionsSdk(source, resolved) || mayExportOtelToHoneyhive(source) || ONLY_1X_CALL_ON_TRACER.test(source) || (path !== undefined && (isSdkPackage(manualMockOf(path, existsSync) ?? "") || configurationSendsOtelToHoneyhive(source, path) || configurationPreloadsProjectModule(source, path) || mentionsAliasedSdk(source, resolved, path)));
}

/** The file names the SDK under an alias its nearest package.json declares (no alias: nothing more is read). */
function mentionsAliasedSdk(source: string, settings: HoneyhiveSettings, path: string): boolean {
  const forFile = settingsForFile(settings, resolve(path), source);
  return forFile !== settings && textMentionsSdk(source, forFile);
}

/**
 * The project-module specifiers (`./tracing`, `@/lib/tracing`) of a file that mentions a tracer;
 * empty when it mentions none. The analysis core takes a tracer-like binding imported from such a
 * module for a HoneyHive tracer.
 */
export function localImportsOfTracerHint(source: string, settings?: PrefilterSettings): string[] {
  // How the analysis core recognizes a tracer imported from a project module: named like one
  // (`tracer`, `getTracer`) or used through a member of a HoneyHive tracer (2.x or 1.x), from the profiles.
  if (!TRACER_HINT_PATTERN.test(source)) return [];
  const resolved = readSettings({ honeyhive: settings ?? {} });
  return [...source.matchAll(MODULE_SPECIFIER)].map((match) => match[1]).filter((specifier) => isLocalModule(specifier, resolved));
}

const SCRIPT_EXTENSION = /\.(?:[cm]?js|jsx)$/;
const TS_FOR_JS: Record<string, readonly string[]> = {
  ".js": [".ts", ".tsx", ".d.ts"],
  ".jsx": [".tsx", ".d.ts"],
  ".mjs": [".mts", ".d.mts"],
  ".cjs": [".cts", ".d.cts"],
};
const EXTENSIONS = ["", ".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs"];

/**
 * The existing files a relative specifier can point to, over everything TypeScript's Bundler
 * resolution tries (`./x.js` → `x.ts`, extensionless, `index` files). Undefined when that cannot be
 * told from file names: not relative, nothing there, or a directory with a package.json.
 */
export function projectFilesOf(specifier: string, fromFile: string, listings = new DirectoryListings()): string[] | undefined {
  if (!/^\.{1,2}\//.test(specifier)) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  if (listings.isFile(resolve(base, "package.json"))) return undefined;
  const scriptExtension = SCRIPT_EXTENSION.exec(base)?.[0];
  const tries = scriptExtension
    ? [base, ...TS_FOR_JS[scriptExtension].map((extension) => base.slice(0, -scriptExtension.length) + extension)]
    : [...EXTENSIONS.map((extension) => base + extension), ...EXTENSIONS.slice(1).map((extension) => resolve(base, `index${extension}`))];
  const found = tries.filter((path) => listings.isFile(path));
  return found.length > 0 ? found : undefined;
}

/**
 * For a file the text prefilter skipped: may a tracer it mentions come from the SDK through a
 * project module? Yes when it imports one that cannot be looked into (a path alias, a missing file)
 * or one that names the SDK and `exportsNoTracer` does not rule out (the project pass rules out the
 * modules it analyzed). A module that does not name the SDK cannot export a HoneyHive tracer
 * (Effect's own `./Tracer.js`). `namesSdk` caches, per file, whether its text names the SDK, and
 * `listings` what the directories hold, for the calls of one run.
 */
export function mayImportSdkTracer(
  source: string,
  fromFile: string,
  settings: PrefilterSettings | undefined,
  exportsNoTracer: (file: string) => boolean,
  namesSdk: Map<string, boolean>,
  listings = new DirectoryListings(),
  workspaceFile?: (specifier: string, fromFile: string) => string | undefined,
): boolean {
  const mayExportSdkTracer = (file: string): boolean => {
    if (exportsNoTracer(file)) return false;
    let names = namesSdk.get(file);
    if (names === undefined) {
      try {
        const text = readFileSync(file, "utf8");
        names = mayUseSdk(text, settings) || reExportsModuleNamingSdk(text, file, settings, listings);
      } catch {
        names = true; // cannot tell
      }
      namesSdk.set(file, names);
    }
    return names;
  };
  // Without a tracer hint there is neither a local import to follow nor a workspace package to ask: most files are tested once.
  if (!TRACER_HINT_PATTERN.test(source)) return false;
  const local = localImportsOfTracerHint(source, settings);
  if (local.some((specifier) => projectFilesOf(specifier, fromFile, listings)?.some(mayExportSdkTracer) ?? true)) return true;
  // A package of the project's workspace (`@acme/telemetry`, analysis/workspaces.ts), as the caller resolves it: the same test on its file.
  if (workspaceFile === undefined) return false;
  return [...source.matchAll(MODULE_SPECIFIER)].some((match) => {
    const file = local.includes(match[1]!) ? undefined : workspaceFile(match[1]!, fromFile);
    return file !== undefined && mayExportSdkTracer(file);
  });
}

/** `export … from "…"` (also `export * as hh from`): the re-exports analysis/sdk-barrels.ts follows when their module is a project one. */
const RE_EXPORT = /\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"'\n]+)["']/g;

/**
 * A module that re-exports one naming the SDK (`lib/index.ts`: `export * from "./hh"`), directly or
 * down a chain of such re-exports, each module once (`visited`), as the analysis reads barrels; only
 * asked for a module a file with a tracer hint imports that does not name the SDK itself. A project
 * re-export the prefilter cannot look into (a path alias such as `@/lib/hh`) may be a barrel: the
 * file is kept, as `mayImportSdkTracer` keeps a tracer imported from such a module.
 */
function reExportsModuleNamingSdk(
  text: string,
  file: string,
  settings: PrefilterSettings | undefined,
  listings: DirectoryListings,
  visited: Set<string> = new Set([file]),
): boolean {
  let resolved: HoneyhiveSettings | undefined;
  for (const match of text.matchAll(RE_EXPORT)) {
    const specifier = match[1]!;
    if (!isLocalModule(specifier, (resolved ??= readSettings({ honeyhive: settings ?? {} })))) continue;
    const targets = projectFilesOf(specifier, file, listings);
    if (targets === undefined) return true;
    for (const target of targets) {
      if (visited.has(target)) continue;
      visited.add(target);
      const targetText = readFileSync(target, "utf8");
      if (mayUseSdk(targetText, settings) || reExportsModuleNamingSdk(targetText, target, settings, listings, visited)) return true;
    }
  }
  return false;
}

// The CLI loads this module alone before deciding whether to load the parsers; it shares one
// listing cache between its calls of `mayImportSdkTracer`.
export { DirectoryListings } from "./directory-listings.js";
