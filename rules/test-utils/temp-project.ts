// A throwaway project directory that uses the package the way a user's project does: its
// node_modules links `honeyhive` to this repository (so `honeyhive/eslint-plugin` resolves through
// package.json "exports" to the built dist/) and links the tools it needs from our node_modules.
// It starts no process (run-node.ts does), so a test that only lints in one stays a unit test
// (scripts/test-projects.test.ts). Test-only (not built).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPOSITORY_ROOT } from "./rule-files.js";

export interface TempProject {
  readonly dir: string;
  /** Writes a file (creating folders) and returns its absolute path. */
  write(relativePath: string, text: string): string;
  remove(): void;
}

/**
 * `packages` are linked from this repository's node_modules (e.g. "eslint", "@typescript-eslint/parser");
 * `honeyhive` is always linked to the repository itself. `aliases` link a package under another
 * name (e.g. `{ eslint: "eslint9" }` to give the project ESLint 9).
 */
export function createTempProject(
  prefix: string,
  packages: readonly string[] = [],
  aliases: Readonly<Record<string, string>> = {},
): TempProject {
  const dir = mkdtempSync(join(tmpdir(), `honeyhive-${prefix}-`));
  const link = (name: string, target: string) => {
    const at = join(dir, "node_modules", name);
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, "dir");
  };
  link("honeyhive", REPOSITORY_ROOT);
  for (const name of packages) link(name, join(REPOSITORY_ROOT, "node_modules", name));
  for (const [name, installed] of Object.entries(aliases)) link(name, join(REPOSITORY_ROOT, "node_modules", installed));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `${prefix}-project`, private: true, type: "module" }, null, 2));
  return {
    dir,
    write(relativePath, text) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user's `eslint.config.js` (ES module) with `honeyhive.configs.recommended` and the TypeScript parser. */
export const USER_FLAT_CONFIG = `import tsParser from "@typescript-eslint/parser";
import honeyhive from "honeyhive/eslint-plugin";

export default [
  { ...honeyhive.configs.recommended, files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], languageOptions: { parser: tsParser } },
];
`;
