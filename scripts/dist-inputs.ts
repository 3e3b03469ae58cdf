// What dist/ is built from (scripts/build.mjs): the files tsconfig.build.json and tsconfig.cjs.json
// compile (the sources of sdk/, analysis/, rules/ and codemods/, without tests and test helpers), the
// build's own scripts and configurations, and package.json (the version sdk/version.ts is written
// from, the entry points whose declarations are kept). The vitest global setup rebuilds dist/ when one
// of these is newer than the last build, and only then: a test or a doc that changed builds nothing.
import { statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export const BUILD_CONFIGS = ["tsconfig.build.json", "tsconfig.cjs.json"];
const BUILD_FILES = ["package.json", "tsconfig.json", ...BUILD_CONFIGS, "scripts/build.mjs", "scripts/package-version.mjs", "scripts/prune-declarations.mjs"];

/** Every file whose change can change dist/, as absolute paths. */
export function distInputs(root: string): string[] {
  const inputs = new Set(BUILD_FILES.map((file) => join(root, file)));
  for (const config of BUILD_CONFIGS) {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(root, config), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(`${config}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
      },
    });
    for (const file of parsed?.fileNames ?? []) inputs.add(file);
  }
  return [...inputs];
}

/** The newest modification time of the build's inputs (a missing one counts as changed now). */
export function newestDistInput(root: string): number {
  return Math.max(
    ...distInputs(root).map((file) => {
      try {
        return statSync(file).mtimeMs;
      } catch {
        return Date.now();
      }
    }),
  );
}
