// The counted passes of bench/lib/instr-child.mjs and bench/lib/instr-noop-child.mjs: `passes` passes of lintText
// over `files`, callgrind switched on (after a full GC) at pass `firstCounted` and a profile part dumped after each
// pass from it on ("pass-<n>"). Returns the messages of pass 1.
//
// The plugin trusts what it read from the file system for a second of `Date.now()` (RECHECK_AFTER_MS in
// analysis/project-modules.ts). Under valgrind a file takes seconds, so every file would look again and the count
// would depend on how slowly the run went (bench/NOTES.md, perf-sdk-5). The clock therefore stands still during a
// pass and moves two seconds between passes: each pass looks at the file system once, close to a native lint of
// these files (~20 ms a file natively: one look every ~50 files).
export async function countedPasses({ linter, files, passes, firstCounted, callgrind }) {
  let clock = Date.now();
  Date.now = () => clock;
  let messages = 0;
  for (let pass = 1; pass <= passes; pass++) {
    clock += 2000;
    if (pass === firstCounted) {
      // From the same heap whatever start-up or the uncounted passes left.
      globalThis.gc?.();
      callgrind.start();
    }
    for (const { path, text } of files) {
      const [result] = await linter.lintText(text, { filePath: path });
      if (pass === 1) messages += result.messages.length;
    }
    if (pass >= firstCounted) callgrind.dump(`pass-${pass}`);
  }
  callgrind.stop();
  return messages;
}
