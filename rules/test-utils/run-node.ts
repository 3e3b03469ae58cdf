// Runs a Node program in a temporary project (temp-project.ts), as a user's shell would: the tests that start
// processes import this, the ones that only write a project do not (scripts/test-projects.test.ts). Test-only (not built).
import { execFile } from "node:child_process";
import { resolve as resolvePath } from "node:path";
import type { TempProject } from "./temp-project.js";

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node program (relative to the project, e.g. `node_modules/eslint/bin/eslint.js`, or absolute) in the project, bounded. */
export function runNodeIn(project: TempProject, script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [resolvePath(project.dir, script), ...args],
      { cwd: project.dir, timeout: 60_000, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
