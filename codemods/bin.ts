#!/usr/bin/env node
// The `honeyhive` command (package.json "bin"). Sets the exit code instead of calling
// process.exit() so buffered output on pipes is flushed before the process ends.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { migrateToolchainMessage, toolchainProblems } from "../rules/optional-peers.js";
import { runCli } from "./cli/migrate.js";
import { tuneTiering } from "./cli/tiering.js";
import { packageVersion } from "./cli/version.js";

/** The exit code of a run that cannot start (as for a usage error): here, the parsers are not installed. */
const EXIT_TOOLCHAIN_MISSING = 2;

// `honeyhive migrate --dry | head` closes stdout early: the reader has what it wanted, so stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

function insideProject(directory: string): boolean {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, "package.json"))) return true;
    if (dirname(current) === current) return false;
  }
}

tuneTiering();
const argv = process.argv.slice(2);
runCli(argv, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The parsers (TypeScript, typescript-eslint) are optional peers, loaded only when a file needs
    // them: a missing one surfaces here as a module that cannot be found.
    const code = (error as { code?: unknown } | null)?.code;
    const problems = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" ? toolchainProblems("migrate", import.meta.url) : [];
    if (problems.length > 0) {
      process.stderr.write(`honeyhive: ${migrateToolchainMessage(problems, { version: packageVersion(), argv, inProject: insideProject(process.cwd()) })}`);
      process.exitCode = EXIT_TOOLCHAIN_MISSING;
      return;
    }
    process.stderr.write(`honeyhive: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
