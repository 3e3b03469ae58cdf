// Temporary projects for the CLI tests: a directory under os.tmpdir() with the given files, and the CLI
// run in it in process. Nothing here starts a process, so a test that needs no more is a unit test; a git
// repository and the built bin are ./git-project.ts's (the integration project's).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { TRANSFORM_IDS, type TransformId } from "../../transforms/ids.js";
import type { MigrateEngine } from "../engine-port.js";
import { runCli } from "../migrate.js";

export const REPO_ROOT = join(import.meta.dirname, "..", "..", "..");

const created: string[] = [];

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every file under `root` by its relative path, sorted: a fixture tree to copy into a project or compare with one. */
export function treeOf(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .sort()
      .map((path) => [path, readFileSync(join(root, path), "utf8")]),
  );
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}

/** A fresh directory with `files` (removed by removeProjects()). */
export function makeProject(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), "honeyhive-migrate-"));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function removeProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `honeyhive <argv>` in process with `engine` (the fake one by default). */
export async function runInProcess(cwd: string, argv: readonly string[], engine: MigrateEngine | null = fakeEngine): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(engine ? { engine } : {}),
  });
  return { code, stdout, stderr };
}

export const FAKE_MARKER = "/* honeyhive-migrate: check the tracer */";

/**
 * Stand-in transforms with effects that are easy to assert, so the CLI tests do not depend on what
 * the real transforms do: `.sessionStart(` → `.createSession(` (as session-start-to-create-session),
 * a review marker above the first `enrichSpan(` line (as explicit-tracer, once), and a parse error
 * at the text `@@syntax-error@@`.
 */
export const fakeEngine: MigrateEngine = {
  mayUseSdk: (source, settings) => source.includes("honeyhive") || (settings?.modules ?? []).some((module) => source.includes(module)),
  runTransforms(source, _filePath, options) {
    const transforms: readonly TransformId[] = options.transforms ?? TRANSFORM_IDS;
    const errorAt = source.indexOf("@@syntax-error@@");
    if (errorAt !== -1) {
      const before = source.slice(0, errorAt).split("\n");
      const error = { message: "Unexpected token", line: before.length, column: before[before.length - 1].length + 1 };
      return { output: source, changed: false, applied: [], markers: 0, error };
    }
    let output = source;
    const applied: TransformId[] = [];
    if (transforms.includes("session-start-to-create-session") && output.includes(".sessionStart(")) {
      output = output.replaceAll(".sessionStart(", ".createSession(");
      applied.push("session-start-to-create-session");
    }
    if (transforms.includes("explicit-tracer") && output.includes("enrichSpan(") && !output.includes(FAKE_MARKER)) {
      output = output.replace(/^(.*enrichSpan\()/m, `${FAKE_MARKER}\n$1`);
      applied.push("explicit-tracer");
    }
    const markers = output.split(FAKE_MARKER).length - 1;
    return { output, changed: output !== source, applied, markers };
  },
};
