// How eagerly V8 optimizes, tuned for one `migrate` run. A run calls the same parser, converter and
// analysis functions for every file, most of them a few hundred times on small files; with V8's
// default tier-up budget TurboFan compiles hundreds of them early (the ESTree converter's
// `convertNode` and the SDK model's `buildModel` cost the most), on background threads whose CPU
// time is the process's too, and `--no-opt` was even cheaper than the default over 1,000 files. A
// budget four times V8's 66 KB default (Node 20; later V8s default to 132 KB) optimizes what stays
// hot and leaves the rest in the interpreter and Sparkplug: 3,000-file synthetic tree, TypeScript
// files, CPU 10–15% lower in alternating runs (bench/NOTES.md, codemod-perf). The outputs cannot
// change: the budget decides when code is optimized, never what it computes.
import { setFlagsFromString } from "node:v8";

/** Bytes of bytecode run before a function is considered for TurboFan (V8's `--interrupt-budget`). */
export const MIGRATE_INTERRUPT_BUDGET = 264 * 1024;

/**
 * The V8 flags to set for this process: none when the user gave node a budget of their own (Node
 * refuses V8's flags in NODE_OPTIONS, so the command line is the one place), whose choice wins.
 */
export function tieringFlags(execArgv: readonly string[]): string[] {
  const chosen = execArgv.some((arg) => /^--interrupt[-_]budget(?:=|$)/.test(arg));
  return chosen ? [] : [`--interrupt-budget=${MIGRATE_INTERRUPT_BUDGET}`];
}

/**
 * Sets the flags before the parsers load (the CLI entry calls it first). V8 reads the budget each
 * time it resets a function's counter, so functions created afterwards, and those of worker
 * threads, run with it.
 */
export function tuneTiering(): void {
  for (const flag of tieringFlags(process.execArgv)) setFlagsFromString(flag);
}
