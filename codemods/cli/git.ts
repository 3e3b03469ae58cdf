// The few git questions the CLI asks: which repository a path is in, which files git would show
// (tracked plus untracked-not-ignored, so git applies every nested .gitignore itself), and whether
// the work tree has uncommitted changes (the guard before writing).
import { execFileSync } from "node:child_process";

function git(cwd: string, args: readonly string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** The top-level directory of the work tree that holds `directory`, or undefined outside git (or without git). */
export function gitTopLevel(directory: string): string | undefined {
  try {
    const top = git(directory, ["rev-parse", "--show-toplevel"]).trim();
    return top === "" ? undefined : top;
  } catch {
    return undefined;
  }
}

function splitNul(output: string): string[] {
  return output.split("\0").filter((entry) => entry !== "");
}

/** Pathspecs per `git` call: Windows limits a command line to 32,767 characters. */
const PATHSPEC_CHARACTERS_PER_CALL = 16_000;

/**
 * Tracked and untracked-but-not-ignored files under any of `pathspecs` (relative to `topLevel`),
 * as paths relative to `topLevel` with `/` separators, each once.
 */
export function gitListFiles(topLevel: string, pathspecs: readonly string[]): string[] {
  const files = new Set<string>();
  for (let start = 0; start < pathspecs.length; ) {
    // `:(literal)` keeps a directory named like a glob (`[id]`, common in Next.js) from being expanded.
    const batch: string[] = [];
    let characters = 0;
    while (start < pathspecs.length && (batch.length === 0 || characters + pathspecs[start].length < PATHSPEC_CHARACTERS_PER_CALL)) {
      characters += pathspecs[start].length + 12;
      batch.push(`:(literal)${pathspecs[start++]}`);
    }
    const output = git(topLevel, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...batch]);
    for (const file of splitNul(output)) files.add(file);
  }
  return [...files];
}

interface StatusEntry {
  /** Status in the index (`X`) and in the work tree (`Y`), as `git status --porcelain` prints them. */
  readonly index: string;
  readonly workTree: string;
  readonly path: string;
}

function gitStatus(topLevel: string, pathspecs: readonly string[]): StatusEntry[] {
  const output = git(topLevel, ["status", "--porcelain=v1", "-z", "--untracked-files=normal", "--", ...pathspecs]);
  // Entries are `XY path`; a rename adds its source path as the next entry, which has no status.
  const entries = splitNul(output);
  const status: StatusEntry[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    status.push({ index: entry[0], workTree: entry[1], path: entry.slice(3) });
    if (entry[0] === "R" || entry[0] === "C") index++;
  }
  return status;
}

/** Paths (relative to `topLevel`) with staged, unstaged or untracked changes; empty when clean. */
export function gitUncommittedPaths(topLevel: string): string[] {
  return gitStatus(topLevel, []).map((entry) => entry.path);
}

/**
 * Of `files` (relative to `topLevel`), those whose work-tree text differs from the index: unstaged
 * changes, or untracked. A staged file is not among them: rewriting it leaves the rewrite alone as
 * its unstaged diff.
 */
export function gitUnstagedFiles(topLevel: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  return gitStatus(topLevel, files.map((file) => `:(literal)${file}`))
    .filter((entry) => entry.workTree !== " ")
    .map((entry) => entry.path);
}
