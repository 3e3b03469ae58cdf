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

/**
 * Tracked and untracked-but-not-ignored files under `pathspec` (relative to `topLevel`), as paths
 * relative to `topLevel` with `/` separators.
 */
export function gitListFiles(topLevel: string, pathspec: string): string[] {
  // `:(literal)` keeps a directory named like a glob (`[id]`, common in Next.js) from being expanded.
  const output = git(topLevel, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", `:(literal)${pathspec}`]);
  return [...new Set(splitNul(output))];
}

/** Paths (relative to `topLevel`) with staged, unstaged or untracked changes; empty when clean. */
export function gitUncommittedPaths(topLevel: string): string[] {
  const output = git(topLevel, ["status", "--porcelain=v1", "-z", "--untracked-files=normal"]);
  // Entries are `XY path`; a rename adds its source path as the next entry, which has no status.
  const paths: string[] = [];
  const entries = splitNul(output);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    paths.push(entry.slice(3));
    if (entry[0] === "R" || entry[0] === "C") index++;
  }
  return paths;
}
