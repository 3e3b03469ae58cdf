// Consumer projects and their type check, in this process: a scratch project outside the repository
// that depends on the built package the way a user's project does (node_modules/honeyhive is a link to
// this repository, so its package.json "exports" and dist/ are what resolves), and `tsc -p` of it run
// through the compiler API. Nothing here starts a process, so a test that only type-checks stays a unit
// test (scripts/test-projects.test.ts); consumer-project.ts adds what runs processes.
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export const repositoryRoot = resolve(__dirname, "..", "..");

export interface ConsumerProject {
  directory: string;
  remove(): void;
}

export function createConsumerProject(
  name: string,
  { moduleType, linkedDependencies = [] }: { moduleType?: "module" | "commonjs"; linkedDependencies?: string[] } = {},
): ConsumerProject {
  const directory = mkdtempSync(join(tmpdir(), `honeyhive-${name}-`));
  mkdirSync(join(directory, "node_modules"));
  symlinkSync(repositoryRoot, join(directory, "node_modules", "honeyhive"), "dir");
  for (const dependency of linkedDependencies) {
    symlinkSync(join(repositoryRoot, "node_modules", dependency), join(directory, "node_modules", dependency), "dir");
  }
  writeFileSync(join(directory, "package.json"), JSON.stringify({ name, private: true, ...(moduleType ? { type: moduleType } : {}) }));
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

// The options TypeScript's binder reads (its `sourceFileAffectingCompilerOptions`, by which the language
// service's document registry shares parsed files between projects), and `strict`, which implies
// `alwaysStrict`. A parsed declaration file is reused only by programs that agree on all of them.
const BINDING_OPTIONS = [
  "target",
  "module",
  "jsx",
  "importHelpers",
  "alwaysStrict",
  "strict",
  "noFallthroughCasesInSwitch",
  "moduleResolution",
  "jsxImportSource",
  "allowUnusedLabels",
  "allowUnreachableCode",
  "moduleDetection",
] as const;

/** `x.d.ts`, `x.d.mts`, `x.d.cts` and the declarations of other extensions (`x.d.json.ts`). */
const DECLARATION_FILE = /\.d\.(?:[cm]?ts|[^/.]+\.ts)$/;

interface CachedDeclarations {
  readonly sourceFile: ts.SourceFile;
  readonly modified: number;
  readonly size: number;
}

/**
 * One compiler host for every program of this process. Its `getSourceFile` keeps the declaration files
 * of TypeScript's lib folder and of node_modules (lib.*.d.ts, @types/node, the package's dist/*.d.ts)
 * once parsed, so a second program parses only its project's own files. An entry is used again only
 * while the file on disk has the same size and modification time, and only by a program whose binding
 * options and module format for the file are the same (`bindingKey`, set before each program is built).
 */
function createSharedHost(): { host: ts.CompilerHost; useOptions(options: ts.CompilerOptions): void } {
  const host = ts.createCompilerHost({});
  const libFolder = host.getDefaultLibLocation?.() ?? "";
  const readSourceFile = host.getSourceFile.bind(host);
  const parsed = new Map<string, CachedDeclarations>();
  let bindingKey = "";
  const shareable = (fileName: string) =>
    DECLARATION_FILE.test(fileName) && (fileName.includes("/node_modules/") || (libFolder !== "" && fileName.startsWith(libFolder)));
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (shouldCreateNewSourceFile || !shareable(fileName)) return readSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const format =
      typeof languageVersionOrOptions === "object"
        ? [languageVersionOrOptions.languageVersion, languageVersionOrOptions.impliedNodeFormat, languageVersionOrOptions.jsDocParsingMode]
        : [languageVersionOrOptions];
    const key = `${fileName}\0${JSON.stringify(format)}\0${bindingKey}`;
    let stats;
    try {
      stats = statSync(fileName);
    } catch {
      return readSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    }
    const cached = parsed.get(key);
    if (cached && cached.modified === stats.mtimeMs && cached.size === stats.size) return cached.sourceFile;
    const sourceFile = readSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (sourceFile) parsed.set(key, { sourceFile, modified: stats.mtimeMs, size: stats.size });
    return sourceFile;
  };
  return {
    host,
    useOptions(options) {
      bindingKey = JSON.stringify(BINDING_OPTIONS.map((name) => options[name] ?? null));
    },
  };
}

let sharedHost: ReturnType<typeof createSharedHost> | undefined;

const formatHost: ts.FormatDiagnosticsHost = {
  // tsc names files relative to its working directory: this process's, as when it ran as a child.
  getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  getCanonicalFileName: (fileName) => (ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase()),
  getNewLine: () => "\n",
};

/**
 * What `tsc -p tsconfigPath` prints and does, in this process: the diagnostics in tsc's order (those of
 * the configuration, then syntax, options, global and semantic ones, as tsc collects them) and its
 * emit when the configuration emits. Returns the diagnostics formatted as tsc prints them when its
 * output is not a terminal (`file(line,col): error TS2322: message`), "" for a clean program.
 */
function compile(tsconfigPath: string): string {
  sharedHost ??= createSharedHost();
  const { host, useOptions } = sharedHost;
  const configErrors: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(tsconfigPath), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configErrors.push(diagnostic),
  });
  if (!parsed) return ts.formatDiagnostics(configErrors, formatHost);
  useOptions(parsed.options);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  // tsc's emitFilesAndReportErrors: each later kind only while the earlier ones found nothing.
  const diagnostics: ts.Diagnostic[] = [...program.getConfigFileParsingDiagnostics()];
  const fromConfig = diagnostics.length;
  diagnostics.push(...program.getSyntacticDiagnostics());
  if (diagnostics.length === fromConfig) {
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (diagnostics.length === fromConfig) diagnostics.push(...program.getSemanticDiagnostics());
    if (parsed.options.noEmit && (parsed.options.declaration || parsed.options.composite) && diagnostics.length === fromConfig) {
      diagnostics.push(...program.getDeclarationDiagnostics());
    }
  }
  diagnostics.push(...program.emit().diagnostics);
  return ts.formatDiagnostics(ts.sortAndDeduplicateDiagnostics(diagnostics), formatHost);
}

/** Type-checks (and emits, if it emits) the program of `tsconfigPath` as `tsc -p` does; rejects with tsc's diagnostics. */
export async function typeCheck(tsconfigPath: string): Promise<void> {
  const printed = compile(tsconfigPath);
  if (printed !== "") throw new Error(`tsc -p ${tsconfigPath} failed:\n${printed}`);
}

/**
 * The compiler options of a strict program built the way a Next.js or bundled application builds
 * (`moduleResolution: "bundler"`: the package's `exports` resolve as there), with `extra` on top. The
 * consumer programs of the tests (README examples, migrated fixtures and shapes) all start from these.
 */
export function strictConsumerOptions(extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { module: "esnext", moduleResolution: "bundler", target: "es2022", strict: true, noEmit: true, skipLibCheck: true, types: ["node"], ...extra };
}

export interface TypeErrorAt {
  /** The file, relative to `project`, with `/` separators. */
  readonly path: string;
  readonly line: number;
  /** `TS2345` and the like. */
  readonly code: string;
  readonly message: string;
}

/** Type-checks `<project>/tsconfig.json` as `tsc -p` does and returns its errors (none when the program compiles). */
export async function typeErrorsOf(project: string): Promise<TypeErrorAt[]> {
  const failure = await typeCheck(join(project, "tsconfig.json")).then(
    () => undefined,
    (error: Error) => error,
  );
  if (!failure) return [];
  // Files are named relative to this process's working directory, as tsc names them, not to the project.
  const errors = [...failure.message.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, printed, line, code, message]) => ({
    path: relative(project, resolve(printed!)).split(sep).join("/"),
    line: Number(line),
    code: code!,
    message: message!,
  }));
  // A failure that names no file (a bad tsconfig, a crash) must not read as a clean program.
  if (errors.length === 0) throw failure;
  return errors;
}
