#!/usr/bin/env node
// The `honeyhive` command (package.json "bin"). Sets the exit code instead of calling
// process.exit() so buffered output on pipes is flushed before the process ends.
import { runCli } from "./cli/migrate.js";

// `honeyhive migrate --dry | head` closes stdout early: the reader has what it wanted, so stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`honeyhive: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
