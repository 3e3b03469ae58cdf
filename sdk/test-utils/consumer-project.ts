// A scratch project outside the repository that depends on the built package the way a user's project
// does: node_modules/honeyhive is a link to this repository (so its package.json "exports" and dist/
// are what resolves), plus links to whichever of our installed dependencies the project needs.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const repositoryRoot = resolve(__dirname, "..", "..");
export const runProcess = promisify(execFile);
const tscBin = createRequire(join(repositoryRoot, "package.json")).resolve("typescript/bin/tsc");

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

/** Runs `tsc -p tsconfigPath`; resolves when it compiles, rejects with tsc's diagnostics otherwise. */
export async function typeCheck(tsconfigPath: string): Promise<void> {
  try {
    await runProcess(process.execPath, [tscBin, "-p", tsconfigPath], { timeout: 60_000 });
  } catch (error) {
    throw new Error(`tsc -p ${tsconfigPath} failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
}
