// What runs processes for the consumer-project tests: commands, and scratch projects that install the
// packed package with npm. The consumer project linked to this checkout and its in-process type check
// are type-check.ts's (re-exported here); a test that needs only those imports type-check.ts and stays
// a unit test.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { npmEnvironment, packTarball } from "../../scripts/install-footprint.mjs";
import { repositoryRoot } from "./type-check.js";

export {
  createConsumerProject,
  repositoryRoot,
  strictConsumerOptions,
  typeCheck,
  typeErrorsOf,
  type ConsumerProject,
  type TypeErrorAt,
} from "./type-check.js";
export const runProcess = promisify(execFile);

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and resolves with its exit code and output, whatever the code. */
export async function runCommand(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await runProcess(file, args, { timeout: 180_000, maxBuffer: 64 * 1024 * 1024, ...options });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/**
 * A scratch project that installs the PACKED package from the npm registry's way of seeing it (a
 * tarball of the built checkout, as `npm publish` would upload it), for the install tests
 * (*.install.test.ts, `npm run test:install`). npm uses its cache first: only what it lacks is fetched.
 */
export interface InstalledProject {
  readonly directory: string;
  /** `npm <args>` in the project; `--prefer-offline` and no audit/fund noise. */
  npm(args: readonly string[]): Promise<CommandResult>;
  write(path: string, text: string): void;
  remove(): void;
}

export function createInstalledProject(name: string, manifest: Record<string, unknown> = {}): InstalledProject {
  const directory = mkdtempSync(join(tmpdir(), `honeyhive-${name}-`));
  writeFileSync(join(directory, "package.json"), JSON.stringify({ name, version: "1.0.0", private: true, ...manifest }, null, 2));
  return {
    directory,
    npm: (args) => runCommand("npm", [...args, "--prefer-offline", "--no-audit", "--no-fund"], { cwd: directory, env: npmEnvironment() }),
    write(path, text) {
      mkdirSync(dirname(join(directory, path)), { recursive: true });
      writeFileSync(join(directory, path), text);
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

let tarball: { readonly directory: string; readonly path: string } | undefined;

/** The package packed once per test file (dist/ as the vitest global setup built it). */
export function packedTarball(): string {
  tarball ??= (() => {
    const directory = mkdtempSync(join(tmpdir(), "honeyhive-tarball-"));
    return { directory, path: packTarball(repositoryRoot, directory) };
  })();
  return tarball.path;
}

export function removePackedTarball(): void {
  if (tarball) rmSync(tarball.directory, { recursive: true, force: true });
  tarball = undefined;
}
