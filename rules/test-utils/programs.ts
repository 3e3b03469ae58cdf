// The projects of the blind rounds (rules/blind-cases*.test.ts, codemods/blind*.test.ts, the flush project cases),
// written once: a package.json, the honeyhive ranges, the tracer module a project's handlers import, and a project of
// both. Each text is byte for byte what the rounds wrote in their own copies (a codemod test compares whole files).

/** The honeyhive dependency of a 2.x project. */
export const HH2: Readonly<Record<string, string>> = { honeyhive: "^2.0.0" };
/** The honeyhive dependency of a 1.x project (`migrate --from 1`). */
export const HH1: Readonly<Record<string, string>> = { honeyhive: "^1.0.42" };
/** The SDK's import line, the prelude of a program that makes its own tracer. */
export const HH_IMPORT = `import { HoneyHiveTracer } from "honeyhive";\n`;

/** A package.json of `deps`: `{ name: "app", private: true, ...extra, dependencies }` (`extra.type` for ESM / CommonJS). */
export const pkg = (deps: Readonly<Record<string, string>>, extra: Readonly<Record<string, unknown>> = {}): string =>
  JSON.stringify({ name: "app", private: true, ...extra, dependencies: deps });

/** A package.json of an ES-module project (`type: "module"`) of `deps`. */
export const modulePkg = (deps: Readonly<Record<string, string>>, extra: Readonly<Record<string, unknown>> = {}): string => pkg(deps, { type: "module", ...extra });

/** A package.json of an ES-module project on honeyhive 2 and `deps`. */
export const hhModulePkg = (deps: Readonly<Record<string, string>> = {}, extra: Readonly<Record<string, unknown>> = {}): string => modulePkg({ ...HH2, ...deps }, extra);

/** A project's tracing module: a module-level tracer of `project` (the seeds' pattern, reused on warm starts). */
export const tracingModule = (project: string): string => `${HH_IMPORT}
export const tracer = HoneyHiveTracer.init({ apiKey: process.env.HH_API_KEY, project: "${project}" });
`;
export const TRACING_TS = tracingModule("app");

/** A 2.x project of `deps` with its tracing module (TRACING_TS) at `tracingPath`, plus `extra` files. */
export const projectAt = (
  deps: Readonly<Record<string, string>>,
  tracingPath: string,
  extra: Readonly<Record<string, string>> = {},
  pkgExtra: Readonly<Record<string, unknown>> = {},
): Record<string, string> => ({
  "package.json": pkg({ ...HH2, ...deps }, pkgExtra),
  [tracingPath]: TRACING_TS,
  ...extra,
});

/** A 2.x project of `deps` with its tracing module at src/tracing.ts, plus `extra` files. */
export const project = (deps: Readonly<Record<string, string>> = {}, extra: Readonly<Record<string, string>> = {}, pkgExtra: Readonly<Record<string, unknown>> = {}): Record<string, string> =>
  projectAt(deps, "src/tracing.ts", extra, pkgExtra);

/** A blind round's program: the file the rules lint and migrate rewrites, `path` in its project of `files`. */
export interface BlindProgram {
  /** The file the rules lint and the test reads after migrate, relative to the project. */
  readonly path: string;
  readonly code: string;
  /** The project's other files, package.json included. */
  readonly files: Readonly<Record<string, string>>;
}

export const blindProgram = (path: string, files: Readonly<Record<string, string>>, code: string): BlindProgram => ({ path, files, code });
