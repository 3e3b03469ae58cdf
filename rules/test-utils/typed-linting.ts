// Typed linting of a temporary project in a test. typescript-eslint makes one project service a process,
// with the first caller's tsconfigRootDir and options (typescript-estree's createParseSettings.js,
// populateProjectService), and the unit-shared project runs rules/typed-linting.test.ts and
// rules/real-world.test.ts in one worker, each linting a project of its own. A probe rule records the
// tsconfig each file's program came from: a file the shared service did not give its own project's type
// information (no program, or another project's) fails the test. Without the probe such a run passed,
// since the typed run is compared with the untyped one and reports the same for want of types. A service
// of its own per run (typescript-eslint's clearCaches()) also works, but costs ~1.7 s more CPU in
// real-world.test.ts (TypeScript's lib files parsed again: 6.8 -> 8.5 s, measured in one worker after
// typed-linting.test.ts, load average ~17). Test-only (not built).
import type { ESLint, Rule } from "eslint";
import { realpathSync } from "node:fs";
import { join } from "node:path";

export interface TypedLinting {
  /** parserOptions for the project: the project service, rooted at it (when this run creates the service). */
  readonly parserOptions: { readonly projectService: true; readonly tsconfigRootDir: string };
  /** A config entry's plugins and rules that add the probe (it reports nothing). */
  readonly probe: { readonly plugins: Record<string, ESLint.Plugin>; readonly rules: Record<string, "error"> };
  /** The project's own tsconfig.json, as the type checker names it. */
  readonly tsconfig: string;
  /** Each linted file's program's tsconfig (undefined: the file had no type information). */
  readonly tsconfigOf: Map<string, string | undefined>;
}

/** Typed linting of the project at `dir` (its tsconfig.json), and the probe that says each file had it. */
export function typedLinting(dir: string): TypedLinting {
  const tsconfigOf = new Map<string, string | undefined>();
  const program: Rule.RuleModule = {
    meta: { type: "problem", schema: [] },
    create(context) {
      const services = context.sourceCode.parserServices as { program?: { getCompilerOptions(): { configFilePath?: unknown } } | null } | undefined;
      const configFilePath = services?.program?.getCompilerOptions().configFilePath;
      tsconfigOf.set(context.filename, typeof configFilePath === "string" ? configFilePath : undefined);
      return {};
    },
  };
  return {
    parserOptions: { projectService: true, tsconfigRootDir: dir },
    probe: { plugins: { "typed-linting": { rules: { program } } }, rules: { "typed-linting/program": "error" } },
    tsconfig: join(realpathSync(dir), "tsconfig.json"),
    tsconfigOf,
  };
}
