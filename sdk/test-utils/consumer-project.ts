// A scratch project outside the repository that depends on the built package the way a user's project
// does: node_modules/honeyhive is a link to this repository (so its package.json "exports" and dist/
// are what resolves), plus links to whichever of our installed dependencies the project needs.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { npmEnvironment, packTarball } from "../../scripts/install-footprint.mjs";

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

/** Runs `tsc -p <project>/tsconfig.json` and returns its errors (none when the program compiles). */
export async function typeErrorsOf(project: string): Promise<TypeErrorAt[]> {
  const failure = await typeCheck(join(project, "tsconfig.json")).then(
    () => undefined,
    (error: Error) => error,
  );
  if (!failure) return [];
  // tsc names files relative to its working directory (this process's), not to the project.
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
