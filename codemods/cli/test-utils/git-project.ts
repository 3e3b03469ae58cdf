// What the CLI tests need a process for: a temporary project that is a git repository (migrate's git
// guard reads its status), and the built `honeyhive` bin run as a user runs it. A test importing this
// belongs to the integration project (vitest.config.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { makeProject, REPO_ROOT, type CliRun } from "./project.js";

export const BUILT_BIN = join(REPO_ROOT, "dist", "esm", "codemods", "bin.js");

export function git(root: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** makeProject()'s directory as a git repository with one commit holding `files`. */
export function makeGitProject(files: Readonly<Record<string, string>>): string {
  const root = makeProject(files);
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "test@example.com");
  git(root, "config", "user.name", "Test");
  git(root, "config", "commit.gpgsign", "false");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "initial", "--allow-empty");
  return root;
}

/** Runs the built `honeyhive` bin (dist/esm/codemods/bin.js) as a user would. */
export function runBuiltBin(cwd: string, argv: readonly string[]): CliRun {
  const child = spawnSync(process.execPath, [BUILT_BIN, ...argv], { cwd, encoding: "utf8" });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}
